//! The redline: two Markdown texts compared as a lawyer reads them —
//! lines matched first (without their paragraph and article numbers, so a
//! renumbered article is matched with itself), rewritten lines paired with
//! the lines they became, then compared word by word — and marked `<del>` /
//! `<ins>` without breaking the Markdown or the typesetter's markers. Every
//! step is bounded for hostile input.

use similar::{Algorithm, ChangeTag, DiffTag, TextDiff};

/// A redline of two Markdown texts: unchanged words as they are, removed
/// words in `<del>`, added words in `<ins>`.
///
/// Lines (paragraphs, list items) are matched first, so an added list item is
/// marked whole; only lines that were rewritten are compared word by word.
/// Marks never span a line break and leave list markers outside, so the
/// Markdown structure survives.
pub fn redline(old: &str, new: &str) -> String {
    let old_lines: Vec<&str> = old.split('\n').collect();
    let new_lines: Vec<&str> = new.split('\n').collect();
    if old_lines.len() + new_lines.len() > MAX_LINE_DIFF_LINES {
        // Line diffs cost up to the product of the two lengths too: a part
        // this long (no real article is) is shown replaced whole.
        let mut out: Vec<String> = deleted(&old_lines).collect();
        out.extend(new_lines.iter().map(|l| mark_line(l, ChangeTag::Insert)));
        return out.join("\n");
    }
    // Lines are matched without their numbers, so that an article that
    // moved up when the one before it went is matched with itself and
    // shows « <del>20.1</del><ins>19.1</ins> », not a rewrite.
    let (old_keys, new_keys): (Vec<_>, Vec<_>) = (
        old_lines.iter().map(|l| unnumbered(l)).collect(),
        new_lines.iter().map(|l| unnumbered(l)).collect(),
    );
    let (old_keys, new_keys): (Vec<&str>, Vec<&str>) = (
        old_keys.iter().map(AsRef::as_ref).collect(),
        new_keys.iter().map(AsRef::as_ref).collect(),
    );
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Patience)
        .diff_slices(&old_keys, &new_keys);
    let mut out: Vec<String> = Vec::with_capacity(new_lines.len());
    for op in diff.ops() {
        let (tag, old_range, new_range) = op.as_tag_tuple();
        let (before, after) = (&old_lines[old_range], &new_lines[new_range]);
        match tag {
            DiffTag::Equal => {
                for (a, b) in before.iter().zip(after) {
                    if a == b {
                        out.push(a.to_string());
                    } else {
                        replaced(&[a], &[b], &mut out);
                    }
                }
            }
            // Blank lines stay: deleted paragraphs remain paragraphs.
            DiffTag::Delete => out.extend(deleted(before)),
            DiffTag::Insert => out.extend(after.iter().map(|l| mark_line(l, ChangeTag::Insert))),
            DiffTag::Replace => {
                let work = |lines: &[&str]| lines.iter().map(|l| l.len()).sum::<usize>();
                // Each rewritten line is paired with the line it became, so
                // a word diff never runs across paragraphs (a new paragraph
                // break in the middle of an old sentence); pairing costs the
                // product of the two sides, so a long passage is compared as
                // one text instead.
                if before.len() * after.len() <= MAX_PAIRED_LINES
                    && work(before) * after.len() + work(after) * before.len() <= MAX_PAIRING_WORK
                {
                    paired(before, after, &mut out);
                } else {
                    replaced(before, after, &mut out);
                }
            }
        }
    }
    out.join("\n")
}

/// The most bytes of lines times lines a rewritten passage's line pairing
/// looks at.
const MAX_PAIRING_WORK: usize = 4_000_000;

/// The most pairs of lines (old times new) a rewritten passage's pairing
/// weighs: it looks at every pair, then again on each side of the best, so
/// this also bounds its depth (no real rewritten passage has a hundred
/// paragraphs).
const MAX_PAIRED_LINES: usize = 10_000;

/// Removed lines, marked. Blank lines stay, so removed paragraphs remain
/// paragraphs apart from each other and from their neighbours, unless
/// nothing but blank lines was removed; the old version's markers go (the
/// new version's layout is the one kept).
fn deleted<'a>(lines: &'a [&str]) -> impl Iterator<Item = String> + 'a {
    let empty = lines.iter().all(|l| l.trim().is_empty());
    lines
        .iter()
        .filter(move |l| !empty && !is_marker(l))
        .map(|l| mark_line(l, ChangeTag::Delete))
}

/// A line as matched between versions: its paragraph number
/// (`**19.1**`) or article number (`## Article 19 —`) left out.
fn unnumbered(line: &str) -> std::borrow::Cow<'_, str> {
    let number = |s: &str| {
        s.chars()
            .take_while(|c| c.is_ascii_digit() || *c == '.')
            .count()
    };
    if let Some(rest) = line.strip_prefix("**") {
        let n = number(rest);
        if n > 0 && rest[n..].starts_with("**") {
            return format!("**#{}", &rest[n..]).into();
        }
    }
    if let Some(rest) = line.strip_prefix("## Article ") {
        let n = number(rest);
        if n > 0 {
            return format!("## Article #{}", &rest[n..]).into();
        }
    }
    line.into()
}

/// Lines removed whole, then the lines added in their place, still
/// paragraphs apart: a removed paragraph never runs on into the added one.
fn removed_then_added(before: &[&str], after: &[&str], out: &mut Vec<String>) {
    let start = out.len();
    out.extend(deleted(before));
    let ends_text = out[start..]
        .last()
        .is_some_and(|l| !l.trim().is_empty() && !l.trim_start().starts_with('|'));
    let starts_text = after
        .iter()
        .find(|l| !l.trim().is_empty())
        .is_some_and(|l| !l.trim_start().starts_with('|'));
    if ends_text && starts_text && after.first().is_some_and(|l| !l.trim().is_empty()) {
        out.push(String::new());
    }
    out.extend(after.iter().map(|l| mark_line(l, ChangeTag::Insert)));
}

/// Whether a line is one of the typesetter's markers (`<!-- keep -->`).
fn is_marker(line: &str) -> bool {
    let core = line.trim();
    core.starts_with("<!--") && core.ends_with("-->")
}

/// A rewritten passage compared as one text, word by word.
fn replaced(before: &[&str], after: &[&str], out: &mut Vec<String>) {
    let (old, new) = (before.join("\n"), after.join("\n"));
    // A marker is compared whole: `<!-- column -->` never becomes
    // `<!-- <del>column</del> <ins>/columns</ins> -->`.
    let markers = before.iter().chain(after).any(|l| is_marker(l));
    // Counted before they are cut: a 4 MiB paragraph's million words are
    // never listed.
    if markers || token_count(&old) + token_count(&new) > MAX_WORD_DIFF_TOKENS {
        // Word diffs cost up to the product of the two lengths: past the
        // cap the passage is shown replaced whole.
        removed_then_added(before, after, out);
    } else {
        let (a, b) = (tokens(&old), tokens(&new));
        out.push(redline_words(&a, &b, new.len() + old.len() / 4));
    }
}

/// A rewritten passage line by line: the most alike pair of lines is
/// compared word by word, the lines before and after it paired the same
/// way; a line like none of the other side is removed or added whole
/// (difflib's « fancy replace »).
fn paired(before: &[&str], after: &[&str], out: &mut Vec<String>) {
    let (old_bags, new_bags) = (bags(before), bags(after));
    pair_range(before, after, &old_bags, &new_bags, out);
}

/// Each line's words, counted.
fn bags<'a>(lines: &[&'a str]) -> Vec<Bag<'a>> {
    lines
        .iter()
        .map(|l| {
            let mut bag = Bag::new();
            for word in l.split_whitespace() {
                *bag.entry(word).or_insert(0) += 1;
            }
            bag
        })
        .collect()
}

type Bag<'a> = std::collections::HashMap<&'a str, usize>;

fn pair_range(
    before: &[&str],
    after: &[&str],
    old_bags: &[Bag<'_>],
    new_bags: &[Bag<'_>],
    out: &mut Vec<String>,
) {
    // The share of words two lines have in common, as difflib's quick ratio.
    let likeness = |a: &Bag<'_>, b: &Bag<'_>| {
        let total: usize = a.values().sum::<usize>() + b.values().sum::<usize>();
        if total == 0 {
            return 0.0;
        }
        let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
        let shared: usize = small
            .iter()
            .map(|(w, n)| (*n).min(large.get(w).copied().unwrap_or(0)))
            .sum();
        2.0 * shared as f64 / total as f64
    };
    // Below seven words in ten in common, two lines are different
    // paragraphs (French shares its little words: « de », « la », « les »).
    let mut best = (0.0, None);
    for (i, a) in old_bags.iter().enumerate() {
        if is_marker(before[i]) {
            continue;
        }
        for (j, b) in new_bags.iter().enumerate() {
            if is_marker(after[j]) {
                continue;
            }
            let r = likeness(a, b);
            if r > best.0 {
                best = (r, Some((i, j)));
            }
        }
    }
    let Some((i, j)) = best.1.filter(|_| best.0 >= 0.7) else {
        removed_then_added(before, after, out);
        return;
    };
    pair_range(
        &before[..i],
        &after[..j],
        &old_bags[..i],
        &new_bags[..j],
        out,
    );
    replaced(&before[i..=i], &after[j..=j], out);
    pair_range(
        &before[i + 1..],
        &after[j + 1..],
        &old_bags[i + 1..],
        &new_bags[j + 1..],
        out,
    );
}

/// The most lines, old and new together, one part (an article, the parties)
/// is compared on.
pub const MAX_LINE_DIFF_LINES: usize = 8_000;

/// The most words and spaces, old and new together, compared word by word
/// in one rewritten passage (about 2,000 words a side).
pub const MAX_WORD_DIFF_TOKENS: usize = 8_000;

/// A whole line marked, its list marker left outside.
fn mark_line(line: &str, tag: ChangeTag) -> String {
    let mut out = String::new();
    flush(&mut out, tag, line);
    out
}

/// How many tokens [`tokens`] cuts a text into, stopping past the cap.
fn token_count(text: &str) -> usize {
    let breaks = |c: char| c.is_whitespace() && c != '\u{a0}' && c != '\u{202f}';
    let mut count = 0;
    let mut in_space = None;
    for c in text.chars() {
        let space = breaks(c);
        if in_space != Some(space) {
            count += 1;
            if count > MAX_WORD_DIFF_TOKENS {
                break;
            }
        }
        in_space = Some(space);
    }
    count
}

/// Words, and the whitespace between them; no-break spaces join, so that
/// « 480 000,00 $ » is one word.
fn tokens(text: &str) -> Vec<&str> {
    let breaks = |c: char| c.is_whitespace() && c != '\u{a0}' && c != '\u{202f}';
    let mut out = Vec::new();
    let mut start = 0;
    let mut in_space = None;
    for (i, c) in text.char_indices() {
        let space = breaks(c);
        if in_space.is_some_and(|s| s != space) {
            out.push(&text[start..i]);
            start = i;
        }
        in_space = Some(space);
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

fn redline_words(a: &[&str], b: &[&str], capacity: usize) -> String {
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Patience)
        .diff_slices(a, b);
    let mut out = String::with_capacity(capacity);
    let changes = diff.iter_all_changes().map(|c| (c.tag(), c.value()));
    for (tag, tokens) in super::phrases::phrases(changes, |t| t) {
        flush(&mut out, tag, &tokens.concat());
    }
    out
}

fn flush(out: &mut String, tag: ChangeTag, text: &str) {
    let name = match tag {
        ChangeTag::Equal => {
            out.push_str(text);
            return;
        }
        ChangeTag::Delete => "del",
        ChangeTag::Insert => "ins",
    };
    if text.trim().is_empty() {
        // Removed whitespace leaves nothing; added whitespace is the new layout.
        if tag == ChangeTag::Insert {
            out.push_str(text);
        }
        return;
    }
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let core = line.trim();
        // Blank lines and the typesetter's markers (`<!-- keep -->`) are
        // structure, never marked: the new version's kept, the old one's
        // dropped.
        if core.is_empty() {
            out.push_str(line);
            continue;
        }
        if is_marker(core) {
            if tag == ChangeTag::Insert {
                out.push_str(line);
            }
            continue;
        }
        let lead = &line[..line.len() - line.trim_start().len()];
        let trail = &line[line.trim_end().len()..];
        out.push_str(lead);
        let at_line_start = out.is_empty() || out.ends_with('\n');
        let (marker, words) = match list_marker(core) {
            Some(n) if at_line_start => core.split_at(n),
            _ => ("", core),
        };
        out.push_str(marker);
        // A table's cells are marked one by one, its pipes and its
        // separator row (`|---|`) left as they are.
        if words.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ')) && words.contains('|') {
            out.push_str(words);
        } else {
            for (n, cell) in cells(words).into_iter().enumerate() {
                if n > 0 {
                    out.push('|');
                }
                let inner = cell.trim();
                if inner.is_empty() {
                    out.push_str(cell);
                    continue;
                }
                let lead = &cell[..cell.len() - cell.trim_start().len()];
                let trail = &cell[cell.trim_end().len()..];
                out.push_str(&format!("{lead}<{name}>{inner}</{name}>{trail}"));
            }
        }
        out.push_str(trail);
    }
}

/// A line cut at its table pipes (an escaped `\|` is text).
fn cells(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut escaped = false;
    for (i, c) in line.char_indices() {
        match c {
            '\\' => escaped = !escaped,
            '|' if !escaped => {
                out.push(&line[start..i]);
                start = i + 1;
            }
            _ => escaped = false,
        }
    }
    out.push(&line[start..]);
    out
}

/// The length of a Markdown block marker at the start of a line (`- `,
/// `12. `, `> `, `## `).
fn list_marker(line: &str) -> Option<usize> {
    if line.starts_with("- ") || line.starts_with("> ") || line.starts_with("* ") {
        return Some(2);
    }
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&hashes) && line[hashes..].starts_with(' ') {
        return Some(hashes + 1);
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    (digits > 0 && line[digits..].starts_with(". ")).then_some(digits + 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_redline_keeps_the_structure_of_a_printed_document() {
        // A rewritten paragraph is compared with the paragraph it became,
        // never across a paragraph break.
        let out = redline(
            "**19.3** Nul ne peut accepter, en lien avec le partenariat, un cadeau de plus de 50 $.\n\n## Article 20 — Assurances",
            "**19.3** Nul ne peut accepter, en lien avec le partenariat, un cadeau de plus de 100 $.\n\n## Article 21 — Assurances",
        );
        assert_eq!(
            out,
            "**19.3** Nul ne peut accepter, en lien avec le partenariat, un cadeau de plus de <del>50</del><ins>100</ins> $.\n\n## Article <del>20</del><ins>21</ins> — Assurances"
        );
        // A heading added whole keeps its `##` outside the mark; a table
        // row's cells are marked one by one; markers are never marked, the
        // old version's dropped.
        assert_eq!(
            redline(
                "Texte.",
                "## Article 3 — Avis\n\n| la Ville | 2 |\n\n<!-- keep -->"
            ),
            "<del>Texte.</del>\n\n## <ins>Article 3 — Avis</ins>\n\n| <ins>la Ville</ins> | <ins>2</ins> |\n\n<!-- keep -->"
        );
        assert_eq!(
            redline("<!-- column -->\nA", "<!-- /columns -->\nA"),
            "<!-- /columns -->\nA"
        );
        // A paragraph rewritten beyond recognition is removed, then the new
        // one added, a paragraph apart.
        assert_eq!(
            redline(
                "**19.1** Les registres sont confidentiels.",
                "**19.1** Chaque membre déclare ses intérêts."
            ),
            "<del>**19.1** Les registres sont confidentiels.</del>\n\n<ins>**19.1** Chaque membre déclare ses intérêts.</ins>"
        );
        // Removed paragraphs stay paragraphs.
        assert_eq!(
            redline("Un.\n\nDeux.\n\nTrois.", "Trois."),
            "<del>Un.</del>\n\n<del>Deux.</del>\n\nTrois."
        );
    }

    #[test]
    fn accepting_or_rejecting_every_change_gives_each_version_exactly() {
        // A phrase rewritten word for word: the diff keeps the spaces the two
        // share, which once doubled spaces and left one before the comma.
        let accept = |r: &str| {
            let mut out = String::new();
            let mut rest = r;
            while let Some(i) = rest.find("<del>") {
                out.push_str(&rest[..i]);
                let j = rest[i..].find("</del>").unwrap() + i + "</del>".len();
                rest = &rest[j..];
            }
            out.push_str(rest);
            out.replace("<ins>", "").replace("</ins>", "")
        };
        let reject = |r: &str| {
            let swapped = r
                .replace("<ins>", "\u{1}")
                .replace("</ins>", "\u{2}")
                .replace("<del>", "<ins>")
                .replace("</del>", "</ins>")
                .replace('\u{1}', "<del>")
                .replace('\u{2}', "</del>");
            accept(&swapped)
        };
        for (old, new) in [
            (
                "Le Club de plein air Les Sentiers, personne morale régie par la Loi sur les compagnies, ayant son siège à Saint-Aurèle",
                "Le Centre de services scolaire des Hautes-Rivières, personne morale régie par la Loi sur les compagnies, ayant son siège à Saint-Aurèle",
            ),
            (
                "Le quorum est de cinq membres.",
                "Le quorum est de six membres.",
            ),
            (
                "Les parties a b c d e conviennent de ce qui suit dans la présente convention.",
                "Les parties a x c y e conviennent de ce qui suit dans la présente convention.",
            ),
            (
                "Le Club verse trois cents dollars, puis deux cents dollars au comité chaque année.",
                "Le Club verse quatre cents dollars, puis cinq cents dollars au comité chaque année.",
            ),
        ] {
            let r = redline(old, new);
            assert_eq!(accept(&r), new, "{r}");
            assert_eq!(reject(&r), old, "{r}");
        }
        assert_eq!(
            redline(
                "Le Club de plein air Les Sentiers, personne morale régie par la Loi sur les compagnies, ayant son siège à Saint-Aurèle",
                "Le Centre de services scolaire des Hautes-Rivières, personne morale régie par la Loi sur les compagnies, ayant son siège à Saint-Aurèle"
            ),
            "Le <del>Club</del><ins>Centre</ins> de <del>plein air Les Sentiers,</del><ins>services scolaire des Hautes-Rivières,</ins> personne morale régie par la Loi sur les compagnies, ayant son siège à Saint-Aurèle"
        );
    }

    #[test]
    fn redline_marks_words_and_keeps_list_markers() {
        assert_eq!(
            redline("Le quorum est de 5 membres.", "Le quorum est de 6 membres."),
            "Le quorum est de <del>5</del><ins>6</ins> membres."
        );
        assert_eq!(
            redline("- un\n- deux", "- un\n- deux\n- trois"),
            "- un\n- deux\n- <ins>trois</ins>"
        );
        assert_eq!(redline("même texte", "même texte"), "même texte");
        assert_eq!(redline("", "Nouveau texte"), "<ins>Nouveau texte</ins>");
        // An added list item is marked whole, even when it shares words.
        assert_eq!(
            redline(
                "- **Le Club** : anime.",
                "- **Le Centre** : accueille.\n- **Le Club** : anime."
            ),
            "- <ins>**Le Centre** : accueille.</ins>\n- **Le Club** : anime."
        );
        // An amount with no-break spaces changes as one word.
        assert_eq!(
            redline(
                "total de 480\u{202f}000,00\u{a0}$.",
                "total de 500\u{202f}000,00\u{a0}$."
            ),
            "total de <del>480\u{202f}000,00\u{a0}$.</del><ins>500\u{202f}000,00\u{a0}$.</ins>"
        );
    }
}
