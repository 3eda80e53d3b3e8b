//! Decisions about printed text every printer makes the same way: which
//! ordinals are raised (« 1er », « n° »), which table cells are amounts
//! (set to the right) or too short to break.

use super::tree::{Align, Run};

/// « 1er » → (« 1 », « er », «  »), « n°, » → (« n », « o », « , »): the
/// French abbreviations whose letters are raised, split around them.
pub fn superscript(text: &str) -> Option<(&str, &str, &str)> {
    // The letters end the ordinal where a letter or digit does not follow:
    // « 1er, » and « 1er mai 2028 » made unbreakable (one piece joined by
    // no-break spaces) both raise « er ».
    let ends_word = |rest: &str| rest.chars().next().is_none_or(|c| !c.is_alphanumeric());
    if let Some(rest) = text.strip_prefix("n°").or_else(|| text.strip_prefix("N°")) {
        return ends_word(rest).then(|| (&text[..1], "o", rest));
    }
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    if digits == 0 {
        return None;
    }
    let after = &text[digits..];
    ["ers", "res", "er", "re", "es", "e"]
        .into_iter()
        .find_map(|suffix| {
            let rest = after.strip_prefix(suffix)?;
            ends_word(rest).then(|| (&text[..digits], suffix, rest))
        })
}

/// Where a table's cell sits in its column: as the template says
/// (`|---:|`, `|:---:|`), else (`Auto`) an amount in the body to the right
/// and the rest to the left. Never `Auto`.
pub fn cell_align(column: Align, cell: &[Run], body: bool) -> Align {
    match column {
        Align::Auto if body && is_amount(cell) => Align::Right,
        Align::Auto => Align::Left,
        said => said,
    }
}

/// A cell that is an amount (« 40 000,00 $ », "$40,000.00", « 25 % »):
/// set flush right, so the amounts of a column, all with two decimals,
/// line up on their decimal separator.
pub fn is_amount(cell: &[Run]) -> bool {
    let text: String = cell.iter().map(|r| r.text.as_str()).collect();
    let text = text.trim();
    text.chars().any(|c| c.is_ascii_digit())
        && text.chars().any(|c| matches!(c, '$' | '€' | '%'))
        && text.chars().all(|c| {
            c.is_ascii_digit()
                || c.is_whitespace()
                || matches!(c, ',' | '.' | '$' | '€' | '%' | '-' | '−' | '\u{202f}')
        })
}

/// A short cell with a number in it — a date (« 31 mars 2028 »), an amount
/// — is never broken across lines: its spaces become no-break spaces.
pub fn unbreakable(cell: &[Run]) -> Vec<Run> {
    let text: String = cell.iter().map(|r| r.text.as_str()).collect();
    let short = text.split_whitespace().count() <= 4 && text.chars().any(|c| c.is_ascii_digit());
    cell.iter()
        .map(|r| Run {
            text: if short {
                r.text.replace(' ', "\u{a0}")
            } else {
                r.text.clone()
            },
            style: r.style,
            mark: r.mark,
        })
        .collect()
}

/// A French text cut around the letters of its ordinals (« 1er », « 2e »),
/// each piece with whether it is raised. « n° » stays as written: a search
/// for it must find it.
pub fn ordinal_pieces(text: &str) -> Vec<(&str, bool)> {
    let mut out = Vec::new();
    let mut from = 0;
    for (at, word) in words(text) {
        let ordinal = superscript(word).filter(|_| word.starts_with(|c: char| c.is_ascii_digit()));
        if let Some((base, raised, rest)) = ordinal {
            out.push((&text[from..at], false));
            out.push((base, false));
            out.push((raised, true));
            from = at + word.len() - rest.len();
        }
    }
    out.push((&text[from..], false));
    out.retain(|(piece, _)| !piece.is_empty());
    out
}

/// The words of a text with their byte offsets.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_inclusive(char::is_whitespace)
        .scan(0, |at, piece| {
            let start = *at;
            *at += piece.len();
            Some((start, piece.trim_end()))
        })
        .filter(|(_, w)| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals_are_cut_around_their_raised_letters() {
        assert_eq!(
            ordinal_pieces("Article 1er, le 2e et n° 3"),
            [
                ("Article ", false),
                ("1", false),
                ("er", true),
                (", le ", false),
                ("2", false),
                ("e", true),
                (" et n° 3", false)
            ]
        );
        assert_eq!(ordinal_pieces("rien"), [("rien", false)]);
    }
}
