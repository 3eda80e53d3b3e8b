//! The redline of two printed documents, read block by block: the blocks
//! of each level matched first (paragraph and article numbers left out, so a
//! renumbered article is matched with itself), containers compared inside,
//! rewritten paragraphs, list items and table cells word by word. The result
//! is the new version's document with what it drops marked deleted and what
//! it adds marked inserted: accepting every change gives the new text,
//! rejecting every change the old one. Every step is bounded for hostile
//! input, as the Markdown redline's ([`super::redline`]).

use super::{MAX_LINE_DIFF_LINES, MAX_WORD_DIFF_TOKENS};
use crate::render::print::tree::{Block, Cell, Mark, Printed, Run, Style, map_blocks, plain};
use similar::{Algorithm, ChangeTag, DiffOp, capture_diff_slices};

/// The new version of a printed document, with the old one's differences
/// marked. The new version is taken, so that what did not change is moved
/// into the redline rather than copied (a long convention is compared
/// with one copy of each version in memory).
pub fn redline_printed(old: &Printed, new: Printed) -> Printed {
    let Printed { lang, blocks: new } = new;
    let old = &old.blocks;
    if old.len() + new.len() > MAX_LINE_DIFF_LINES {
        let mut out: Vec<Block> = old.iter().flat_map(deleted).collect();
        out.extend(new.iter().map(inserted));
        return Printed { lang, blocks: out };
    }
    let (old_keys, new_keys): (Vec<u64>, Vec<u64>) =
        (old.iter().map(key).collect(), new.iter().map(key).collect());
    let mut rest = new.into_iter();
    let mut out = Vec::with_capacity(new_keys.len());
    for op in capture_diff_slices(Algorithm::Patience, &old_keys, &new_keys) {
        let (a, b) = ranges(&op);
        let before = &old[a];
        let after: Vec<Block> = rest.by_ref().take(b.len()).collect();
        compared(&op, before, after, &mut out);
    }
    Printed { lang, blocks: out }
}

/// Two runs of blocks compared: matched by their keys, then merged.
fn blocks(old: &[Block], new: &[Block]) -> Vec<Block> {
    if old.len() + new.len() > MAX_LINE_DIFF_LINES {
        return old
            .iter()
            .flat_map(deleted)
            .chain(new.iter().map(inserted))
            .collect();
    }
    let (old_keys, new_keys): (Vec<u64>, Vec<u64>) =
        (old.iter().map(key).collect(), new.iter().map(key).collect());
    let mut out = Vec::with_capacity(new.len());
    for op in capture_diff_slices(Algorithm::Patience, &old_keys, &new_keys) {
        let (a, b) = ranges(&op);
        compared(&op, &old[a], new[b].to_vec(), &mut out);
    }
    out
}

/// One step of a comparison: the old blocks and the new ones it covers.
fn compared(op: &DiffOp, before: &[Block], after: Vec<Block>, out: &mut Vec<Block>) {
    match op {
        DiffOp::Equal { .. } => {
            for (x, y) in before.iter().zip(after) {
                out.push(if *x == y { y } else { merge(x, &y) });
            }
        }
        DiffOp::Delete { .. } => out.extend(before.iter().flat_map(deleted)),
        DiffOp::Insert { .. } => out.extend(after.iter().map(inserted)),
        DiffOp::Replace { .. } => paired(before, &after, out),
    }
}

fn ranges(op: &DiffOp) -> (std::ops::Range<usize>, std::ops::Range<usize>) {
    let (_, old, new) = op.as_tag_tuple();
    (old, new)
}

/// A rewritten passage: each new block paired with the next old block of
/// its kind, in order; the old blocks passed over are deleted, the new
/// blocks without a twin inserted.
fn paired(before: &[Block], after: &[Block], out: &mut Vec<Block>) {
    let mut next = 0;
    for y in after {
        match before[next..].iter().position(|x| kind(x) == kind(y)) {
            Some(skip) => {
                out.extend(before[next..next + skip].iter().flat_map(deleted));
                out.push(merge(&before[next + skip], y));
                next += skip + 1;
            }
            None => out.push(inserted(y)),
        }
    }
    out.extend(before[next..].iter().flat_map(deleted));
}

/// What kind of block, for pairing.
fn kind(block: &Block) -> u8 {
    match block {
        Block::Title(_) => 0,
        Block::Heading { .. } => 1,
        Block::Paragraph { .. } => 2,
        Block::List { .. } => 3,
        Block::Table { .. } => 4,
        Block::Rule => 5,
        Block::Space(_) => 6,
        Block::Contents => 7,
        Block::PageBreak => 8,
        Block::KeepWithNext => 9,
        Block::Lang(_) => 10,
        Block::TitlePage(_) => 11,
        Block::Keep(_) => 12,
        Block::Columns { .. } => 13,
        Block::Note(_) => 14,
    }
}

/// A block as matched between versions: a hash of its kind and its text,
/// paragraph and article numbers left out. (Two blocks whose hashes agree
/// by chance are merged word by word, which marks their differences: a
/// collision costs nothing but a finer redline.)
fn key(block: &Block) -> u64 {
    hash(&key_text(block))
}

fn hash(text: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut h);
    h.finish()
}

fn key_text(block: &Block) -> String {
    let text = |runs: &[Run]| unnumbered(&plain(runs));
    let inner = |blocks: &[Block]| {
        blocks
            .iter()
            .map(|b| key(b).to_string())
            .collect::<Vec<_>>()
            .join("\u{1}")
    };
    let body = match block {
        Block::Title(runs) | Block::Heading { runs, .. } | Block::Paragraph { runs, .. } => {
            text(runs)
        }
        Block::List { items, .. } => items
            .iter()
            .map(|i| text(i))
            .collect::<Vec<_>>()
            .join("\u{1}"),
        Block::Table { header, rows, .. } => std::iter::once(header)
            .chain(rows)
            .flatten()
            .map(|c| plain(c))
            .collect::<Vec<_>>()
            .join("\u{1}"),
        Block::TitlePage(b) | Block::Keep(b) | Block::Note(b) => inner(b),
        Block::Columns { left, right, .. } => format!("{}\u{2}{}", inner(left), inner(right)),
        Block::Lang(l) => l.code().to_string(),
        Block::Rule
        | Block::Space(_)
        | Block::Contents
        | Block::PageBreak
        | Block::KeepWithNext => String::new(),
    };
    format!("{}:{body}", kind(block))
}

/// A text without its leading paragraph number (`19.1 `) or article
/// number (`Article 19 —`).
fn unnumbered(text: &str) -> String {
    let digits = |s: &str| {
        s.chars()
            .take_while(|c| c.is_ascii_digit() || *c == '.')
            .count()
    };
    let n = digits(text);
    if n > 0 && text[n..].starts_with(' ') {
        return format!("#{}", &text[n..]);
    }
    if let Some(rest) = text.strip_prefix("Article ") {
        let n = digits(rest);
        if n > 0 {
            return format!("Article #{}", &rest[n..]);
        }
    }
    text.to_string()
}

/// Two blocks of one kind merged: their text word by word, their insides
/// compared.
fn merge(old: &Block, new: &Block) -> Block {
    match (old, new) {
        (Block::Title(a), Block::Title(b)) => Block::Title(words(a, b)),
        (Block::Heading { runs: a, .. }, Block::Heading { runs: b, anchor }) => Block::Heading {
            runs: words(a, b),
            anchor: anchor.clone(),
        },
        (Block::Paragraph { runs: a, .. }, Block::Paragraph { runs: b, quote }) => {
            Block::Paragraph {
                runs: words(a, b),
                quote: *quote,
            }
        }
        (
            Block::List { items: a, .. },
            Block::List {
                items: b,
                numbering,
            },
        ) => Block::List {
            numbering: *numbering,
            items: sequence(
                a,
                b,
                |i| unnumbered(&plain(i)),
                |x, y| words(x, y),
                |i, mark| mark_runs(i, mark),
            ),
        },
        (
            Block::Table {
                header: old_header,
                rows: a,
                ..
            },
            Block::Table {
                align,
                header,
                rows,
            },
        ) => Block::Table {
            align: align.clone(),
            header: cells(old_header, header),
            rows: sequence(
                a,
                rows,
                |row: &Vec<Cell>| {
                    row.iter()
                        .map(|c| plain(c))
                        .collect::<Vec<_>>()
                        .join("\u{1}")
                },
                |x, y| cells(x, y),
                |row, mark| row.iter().map(|c| mark_runs(c, mark)).collect(),
            ),
        },
        (Block::TitlePage(a), Block::TitlePage(b)) => Block::TitlePage(blocks(a, b)),
        (Block::Keep(a), Block::Keep(b)) => Block::Keep(blocks(a, b)),
        (Block::Note(a), Block::Note(b)) => Block::Note(blocks(a, b)),
        (
            Block::Columns {
                left: a, right: c, ..
            },
            Block::Columns { rule, left, right },
        ) => Block::Columns {
            rule: *rule,
            left: blocks(a, left),
            right: blocks(c, right),
        },
        // Layout blocks, and blocks of different kinds (never paired): the
        // new version's.
        _ => new.clone(),
    }
}

/// Two rows of cells, cell by cell when they have as many.
fn cells(old: &[Cell], new: &[Cell]) -> Vec<Cell> {
    if old.len() != new.len() {
        return new.iter().map(|c| mark_runs(c, Mark::Inserted)).collect();
    }
    old.iter().zip(new).map(|(a, b)| words(a, b)).collect()
}

/// Two sequences of items (list items, table rows) matched by `key`, the
/// rewritten ones merged, the others marked.
fn sequence<T: Clone + PartialEq>(
    old: &[T],
    new: &[T],
    key: impl Fn(&T) -> String,
    merge: impl Fn(&T, &T) -> T,
    mark: impl Fn(&T, Mark) -> T,
) -> Vec<T> {
    if old.len() + new.len() > MAX_LINE_DIFF_LINES {
        let mut out: Vec<T> = old.iter().map(|x| mark(x, Mark::Deleted)).collect();
        out.extend(new.iter().map(|y| mark(y, Mark::Inserted)));
        return out;
    }
    let (old_keys, new_keys): (Vec<String>, Vec<String>) = (
        old.iter().map(&key).collect(),
        new.iter().map(&key).collect(),
    );
    let mut out = Vec::with_capacity(new.len());
    for op in capture_diff_slices(Algorithm::Patience, &old_keys, &new_keys) {
        let (a, b) = ranges(&op);
        let (before, after) = (&old[a], &new[b]);
        match op {
            DiffOp::Equal { .. } | DiffOp::Replace { .. }
                if matches!(op, DiffOp::Equal { .. }) || before.len() == after.len() =>
            {
                for (x, y) in before.iter().zip(after) {
                    out.push(if x == y { y.clone() } else { merge(x, y) });
                }
            }
            _ => {
                out.extend(before.iter().map(|x| mark(x, Mark::Deleted)));
                out.extend(after.iter().map(|y| mark(y, Mark::Inserted)));
            }
        }
    }
    out
}

/// Runs compared word by word: the new version's words, the old one's
/// dropped words marked deleted, its new words inserted.
fn words(old: &[Run], new: &[Run]) -> Vec<Run> {
    if old == new {
        return new.to_vec();
    }
    // Counted before they are cut: a 4 MiB paragraph's million words are
    // never listed.
    if token_count(old) + token_count(new) > MAX_WORD_DIFF_TOKENS {
        let mut out = mark_runs(old, Mark::Deleted);
        out.extend(mark_runs(new, Mark::Inserted));
        return out;
    }
    let (a, b) = (tokens(old), tokens(new));
    let (a_text, b_text): (Vec<&str>, Vec<&str>) = (
        a.iter().map(|(t, _)| *t).collect(),
        b.iter().map(|(t, _)| *t).collect(),
    );
    let mut changes = Vec::new();
    for op in capture_diff_slices(Algorithm::Patience, &a_text, &b_text) {
        for change in op.iter_changes(&a_text, &b_text) {
            let token = match change.tag() {
                ChangeTag::Delete => a[change.old_index().unwrap_or(0)],
                _ => b[change.new_index().unwrap_or(0)],
            };
            changes.push((change.tag(), token));
        }
    }
    // Every token of a change is marked, its spaces too, so each version
    // is exactly the unmarked text plus its own (see `phrases`).
    let mut out: Vec<Run> = Vec::new();
    for (tag, tokens) in super::phrases::phrases(changes, |(t, _)| t) {
        let mark = match tag {
            ChangeTag::Equal => Mark::None,
            ChangeTag::Delete => Mark::Deleted,
            ChangeTag::Insert => Mark::Inserted,
        };
        for (t, s) in tokens {
            push(&mut out, t, s, mark);
        }
    }
    out
}

fn push(out: &mut Vec<Run>, text: &str, style: Style, mark: Mark) {
    match out.last_mut() {
        Some(last) if last.style == style && last.mark == mark => last.text.push_str(text),
        _ => out.push(Run {
            text: text.to_string(),
            style,
            mark,
        }),
    }
}

/// How many tokens [`tokens`] cuts runs into, stopping past the cap.
fn token_count(runs: &[Run]) -> usize {
    let breaks = |c: char| c.is_whitespace() && c != '\u{a0}' && c != '\u{202f}';
    let mut count = 0;
    for run in runs {
        let mut in_space = None;
        for c in run.text.chars() {
            let space = breaks(c);
            if in_space != Some(space) {
                count += 1;
                if count > MAX_WORD_DIFF_TOKENS {
                    return count;
                }
            }
            in_space = Some(space);
        }
    }
    count
}

/// Words and the whitespace between them, each with its style; no-break
/// spaces join, so that « 480 000,00 $ » is one word.
fn tokens(runs: &[Run]) -> Vec<(&str, Style)> {
    let breaks = |c: char| c.is_whitespace() && c != '\u{a0}' && c != '\u{202f}';
    let mut out = Vec::new();
    for run in runs {
        let text = run.text.as_str();
        let mut start = 0;
        let mut in_space = None;
        for (i, c) in text.char_indices() {
            let space = breaks(c);
            if in_space.is_some_and(|s| s != space) {
                out.push((&text[start..i], run.style));
                start = i;
            }
            in_space = Some(space);
        }
        if start < text.len() {
            out.push((&text[start..], run.style));
        }
    }
    out
}

fn mark_runs(runs: &[Run], mark: Mark) -> Vec<Run> {
    runs.iter().map(|r| Run { mark, ..r.clone() }).collect()
}

/// A block the new version drops: its text marked deleted; its layout
/// (page breaks, spaces, languages) gone, the new version's kept.
fn deleted(block: &Block) -> Option<Block> {
    if is_layout(block) {
        return None;
    }
    let mut blocks = map_blocks(std::slice::from_ref(block), &|r| Run {
        mark: Mark::Deleted,
        ..r.clone()
    });
    strip(&mut blocks);
    blocks.pop()
}

/// Blocks that place text rather than hold it.
fn is_layout(block: &Block) -> bool {
    matches!(
        block,
        Block::Rule
            | Block::Space(_)
            | Block::Contents
            | Block::PageBreak
            | Block::KeepWithNext
            | Block::Lang(_)
    )
}

/// A deleted passage without its layout blocks or its headings' anchors
/// (the old heading's anchor is the new one's, or gone).
fn strip(blocks: &mut Vec<Block>) {
    blocks.retain(|b| !is_layout(b));
    for block in blocks {
        match block {
            Block::Heading { anchor, .. } => *anchor = None,
            Block::TitlePage(inner) | Block::Keep(inner) | Block::Note(inner) => strip(inner),
            Block::Columns { left, right, .. } => {
                strip(left);
                strip(right);
            }
            _ => {}
        }
    }
}

/// A block the new version adds: its text marked inserted.
fn inserted(block: &Block) -> Block {
    map_blocks(std::slice::from_ref(block), &|r| Run {
        mark: Mark::Inserted,
        ..r.clone()
    })
    .pop()
    .unwrap_or_else(|| block.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::render::print::read;

    fn text_of(runs: &[Run], keep: Mark) -> String {
        runs.iter()
            .filter(|r| r.mark != keep)
            .map(|r| r.text.as_str())
            .collect()
    }

    fn all_text(printed: &Printed, drop: Mark) -> String {
        let mut out = Vec::new();
        crate::render::print::tree::each_run(printed, &mut |runs, _, _| {
            let t = text_of(runs, drop);
            if !t.trim().is_empty() {
                out.push(t.split_whitespace().collect::<Vec<_>>().join(" "));
            }
        });
        out.join("\n")
    }

    #[test]
    fn accepting_or_rejecting_every_change_keeps_each_space_exactly() {
        // Word for word, the two phrases share their spaces; once the
        // redline kept them apart and added one between each deletion and
        // insertion, Word's « accept all » doubled spaces and « reject all »
        // left one before the comma.
        let run = |t: &str| vec![Run::new(t, Style::Regular)];
        for (old, new) in [
            (
                "Le Club de plein air Les Sentiers, personne morale régie par la loi",
                "Le Centre de services scolaire des Hautes-Rivières, personne morale régie par la loi",
            ),
            (
                "Le quorum est de cinq membres.",
                "Le quorum est de six membres.",
            ),
            ("a b c d e f g", "a x c y e z g"),
            ("un deux", "un deux trois"),
            ("un deux trois", "un trois"),
        ] {
            let red = words(&run(old), &run(new));
            assert_eq!(text_of(&red, Mark::Deleted), new, "{red:?}");
            assert_eq!(text_of(&red, Mark::Inserted), old, "{red:?}");
        }
    }

    #[test]
    fn accepting_gives_the_new_text_and_rejecting_the_old() {
        let old = read(
            "## Article 19 — Confidentialité\n\n**19.1** Texte ancien.\n\n## Article 20 — Quorum\n\n**20.1** Le quorum est de cinq membres.\n\n- un\n- deux\n\n| Poste | Montant |\n|---|---|\n| Loyer | 1 000,00 $ |\n",
            Lang::Fr,
        )
        .unwrap();
        let new = read(
            "## Article 19 — Quorum\n\n**19.1** Le quorum est de six membres.\n\n- un\n- trois\n\n| Poste | Montant |\n|---|---|\n| Loyer | 1 200,00 $ |\n| Eau | 50,00 $ |\n",
            Lang::Fr,
        )
        .unwrap();
        let red = redline_printed(&old, new.clone());
        assert_eq!(all_text(&red, Mark::Deleted), all_text(&new, Mark::Deleted));
        assert_eq!(
            all_text(&red, Mark::Inserted),
            all_text(&old, Mark::Inserted)
        );
        // The renumbered article is matched with itself: its number and
        // the changed word are marked, not the whole paragraph.
        let quorum = red
            .blocks
            .iter()
            .find_map(|b| match b {
                Block::Paragraph { runs, .. } if plain(runs).contains("quorum") => Some(runs),
                _ => None,
            })
            .unwrap();
        let marked: Vec<(&str, Mark)> = quorum
            .iter()
            .filter(|r| r.mark != Mark::None)
            .map(|r| (r.text.as_str(), r.mark))
            .collect();
        assert_eq!(
            marked,
            [
                ("20.1", Mark::Deleted),
                ("19.1", Mark::Inserted),
                ("cinq", Mark::Deleted),
                ("six", Mark::Inserted)
            ]
        );
    }

    #[test]
    fn thousands_of_rewritten_paragraphs_stay_bounded() {
        let many = |w: &str, n: usize| Printed {
            lang: Lang::Fr,
            blocks: (0..n)
                .map(|i| Block::Paragraph {
                    runs: vec![Run::new(format!("{w} {i}"), Style::Regular)],
                    quote: false,
                })
                .collect(),
        };
        // Under the cap, paired one by one; past it, replaced whole.
        for n in [1_000, MAX_LINE_DIFF_LINES] {
            let red = redline_printed(&many("ancien", n), many("nouveau", n));
            assert!(red.blocks.len() >= n, "{n}");
        }
    }

    #[test]
    fn a_long_text_is_replaced_whole() {
        let long = |w: &str| {
            let text = vec![w; MAX_WORD_DIFF_TOKENS].join(" ");
            read(&format!("{text}\n"), Lang::Fr).unwrap()
        };
        let red = redline_printed(&long("a"), long("b"));
        let Block::Paragraph { runs, .. } = &red.blocks[0] else {
            panic!("{red:?}")
        };
        assert_eq!(runs.first().map(|r| r.mark), Some(Mark::Deleted));
        assert_eq!(runs.last().map(|r| r.mark), Some(Mark::Inserted));
    }
}
