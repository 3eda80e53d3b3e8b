//! Each language's typography, set on the printed document's text once it
//! is read — never on the Markdown it was read from, whose `#`, `-` and
//! `**` a no-break space would turn into text. French: typographic
//! apostrophes, a narrow no-break space before `; ! ?`, a no-break space
//! before `:` and inside « ». English: typographic apostrophes. Only spaces
//! that are already there are replaced, so URLs and times are left alone;
//! applied twice, it changes nothing more.

use super::tree::{Printed, Run, each_run_mut};
use crate::format::{NBSP, NNBSP};
use crate::lang::Lang;

/// Sets every block of `printed` in its language's typography (the
/// language a `<!-- lang xx -->` marker gives, else the document's).
pub fn typeset(printed: &mut Printed) {
    each_run_mut(printed, &mut typeset_runs);
}

/// One block's runs: read as one text (a space ending one run and the `:`
/// starting the next are neighbours), each character kept in its run.
fn typeset_runs(runs: &mut [Run], lang: Lang) {
    // Most text has nothing to set: no apostrophe, no « », no `; ! ? :`
    // (a byte of « or » may also belong to another letter: then it looks).
    let settable = |r: &Run| {
        r.text
            .bytes()
            .any(|b| matches!(b, b'\'' | b';' | b'!' | b'?' | b':' | 0xAB | 0xBB))
    };
    if !runs.iter().any(settable) {
        return;
    }
    if lang == Lang::En {
        for run in runs.iter_mut().filter(|r| r.text.contains('\'')) {
            run.text = run.text.replace('\'', "’");
        }
        return;
    }
    // Streamed, a character and its neighbours at a time: a long
    // paragraph is never copied into a vector of characters.
    let mut texts: Vec<String> = runs
        .iter()
        .map(|r| String::with_capacity(r.text.len() + 8))
        .collect();
    let source = runs
        .iter()
        .enumerate()
        .flat_map(|(n, r)| r.text.chars().map(move |c| (c, n)));
    walk(source, &mut |n, c| texts[n].push(c));
    for (run, text) in runs.iter_mut().zip(texts) {
        run.text = text;
    }
}

/// French typography over characters tagged with where they go: each
/// character given with the one before it and the two after it.
fn walk<T: Copy>(mut source: impl Iterator<Item = (char, T)>, push: &mut dyn FnMut(T, char)) {
    let mut prev = None;
    let mut current = source.next();
    let mut next = source.next();
    let mut after = source.next();
    while let Some((c, tag)) = current {
        french_at(prev, c, next.map(|x| x.0), after.map(|x| x.0), &mut |out| {
            push(tag, out)
        });
        prev = Some(c);
        current = next;
        next = after;
        after = source.next();
    }
}

/// French typography applied to a text on its own.
pub fn french_typography(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    walk(text.chars().map(|c| (c, ())), &mut |(), c| out.push(c));
    out
}

/// What French typography makes of a character `c`, given the one before
/// it and the two after: the character, another, or a no-break space
/// beside it.
fn french_at(
    prev: Option<char>,
    c: char,
    next: Option<char>,
    after: Option<char>,
    push: &mut dyn FnMut(char),
) {
    match c {
        '\'' => push('’'),
        ' ' if matches!(next, Some(';' | '!' | '?')) => push(NNBSP),
        // Not before a colon inside a URL or a time (`https://`, `10:30`).
        ' ' if next == Some(':') && after.is_none_or(|c| !c.is_alphanumeric() && c != '/') => {
            push(NBSP)
        }
        ' ' if next == Some('»') || prev == Some('«') => push(NBSP),
        '«' if next.is_some_and(|n| !n.is_whitespace()) => {
            push('«');
            push(NBSP);
        }
        '»' if prev.is_some_and(|p| !p.is_whitespace() && p != NBSP) => {
            push(NBSP);
            push('»');
        }
        _ => push(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::print::read;
    use crate::render::print::tree::Block;

    #[test]
    fn french_spaces_and_apostrophes() {
        assert_eq!(
            french_typography("l'article : oui ; non ! « la Ville »"),
            "l’article\u{a0}: oui\u{202f}; non\u{202f}! «\u{a0}la Ville\u{a0}»"
        );
        assert_eq!(french_typography("«Ville»"), "«\u{a0}Ville\u{a0}»");
        assert_eq!(
            french_typography("https://exemple.org 10:30"),
            "https://exemple.org 10:30"
        );
    }

    #[test]
    fn markdown_syntax_is_never_typeset_only_text() {
        // A value starting with `?`, `:` or `»` after the template's `# `,
        // `- ` or `**`: the heading, the item and the emphasis stay.
        let printed = read(
            "# ? Convention\n\n- : Loi sur X\n- ; Loi sur Y\n\n**» Club** : texte\n",
            Lang::Fr,
        )
        .unwrap();
        assert!(
            matches!(&printed.blocks[0], Block::Title(runs) if runs[0].text == "? Convention"),
            "{printed:?}"
        );
        assert!(
            matches!(&printed.blocks[1], Block::List { items, .. } if items.len() == 2
                && items[0][0].text == ":\u{a0}Loi sur X".replace('\u{a0}', " ")),
            "{printed:?}"
        );
        let Block::Paragraph { runs, .. } = &printed.blocks[2] else {
            panic!("{printed:?}")
        };
        assert_eq!(runs[0].text, "» Club");
        assert!(runs[0].style.is_bold());
        assert_eq!(runs[1].text, "\u{a0}: texte");
    }

    #[test]
    fn spaces_across_runs_are_typeset_and_twice_is_once() {
        let mut printed = read(
            "(« *Centre* ») **Le Centre** : l'accueil ; « x »\n\n<!-- lang en -->\n\nIt's : here\n",
            Lang::Fr,
        )
        .unwrap();
        let text = |p: &Printed| {
            let mut out = Vec::new();
            crate::render::print::tree::each_run(p, &mut |runs, _, _| {
                out.push(crate::render::print::tree::plain(runs))
            });
            out
        };
        let once = text(&printed);
        assert_eq!(
            once,
            [
                "(«\u{a0}Centre\u{a0}») Le Centre\u{a0}: l’accueil\u{202f}; «\u{a0}x\u{a0}»",
                "It’s : here"
            ]
        );
        typeset(&mut printed);
        assert_eq!(text(&printed), once);
    }
}
