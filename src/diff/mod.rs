//! Comparing two versions of a convention the way a lawyer reads them.
//!
//! A [`Comparison`] has a summary (clauses added, removed and changed;
//! parties added, removed and changed; every date, amount, percentage and
//! count that moved, old → new) and one [`Section`] per changed part of the
//! document, as a word-level redline of the rendered text: `<del>` for what
//! the new version drops, `<ins>` for what it adds. Articles carry their
//! number in the new version and say when it moved.
//!
//! Both versions are compared as rendered documents, so a change of wording
//! in a template or a value's formatting shows exactly as the parties will
//! read it; the summary is computed on the typed values, so it is exact.

mod document;

pub use document::{docx, markdown, pdf};

use crate::convention::Convention;
use crate::field::{Record, Value};
use crate::format;
use crate::lang::Lang;
use crate::library::{ClauseLibrary, Field, FieldKind};
use crate::render::model::{Article, Document, PartyBlock};
use crate::render::{article_label, escape_markdown};
use crate::tr;
use serde::Serialize;
use similar::{Algorithm, ChangeTag, DiffTag, TextDiff};

/// One version of a convention: its typed model and its rendered document.
#[derive(Clone, Copy)]
pub struct Version<'a> {
    /// How the file is named in the comparison (its path, as given).
    pub label: &'a str,
    pub convention: &'a Convention,
    pub document: &'a Document,
}

/// What changed between two versions.
#[derive(Clone, Debug, Serialize)]
pub struct Comparison {
    pub lang: Lang,
    pub old: String,
    pub new: String,
    /// The title of the new version.
    pub title: String,
    /// The new version's currency: its paper.
    pub currency: String,
    pub summary: Summary,
    pub sections: Vec<Section>,
}

/// The changes a reader looks for first.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Summary {
    pub clauses_added: Vec<String>,
    pub clauses_removed: Vec<String>,
    pub clauses_changed: Vec<String>,
    pub parties_added: Vec<String>,
    pub parties_removed: Vec<String>,
    pub parties_changed: Vec<String>,
    /// Dates, amounts, percentages and counts (board seats, quorum).
    pub values: Vec<ValueChange>,
}

/// One value that moved: where, and old → new ("—" when absent).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ValueChange {
    pub place: String,
    pub old: String,
    pub new: String,
}

/// How a part of the document changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Added,
    Removed,
    Changed,
}

/// A changed part of the document, redlined.
#[derive(Clone, Debug, Serialize)]
pub struct Section {
    /// "Article 8 — Délibérations du conseil", with the new number.
    pub heading: String,
    pub status: Status,
    /// "formerly Article 9" when the number moved; the old number of a removed article.
    pub note: Option<String>,
    /// The text with `<del>`/`<ins>` marks (Markdown).
    pub redline: String,
}

impl Comparison {
    /// Whether the two versions say the same thing.
    pub fn is_identical(&self) -> bool {
        self.sections.is_empty() && self.summary.values.is_empty()
    }
}

/// Compares two versions; labels and messages are in `lang`.
pub fn compare(
    old: Version<'_>,
    new: Version<'_>,
    library: &ClauseLibrary,
    lang: Lang,
) -> Comparison {
    let mut summary = Summary::default();
    let mut sections = Vec::new();

    let (old_doc, new_doc) = (old.document, new.document);
    // The title block and the parties: sections without a number.
    let head = |d: &Document| {
        let mut lines = vec![format!("**{}**", d.title)];
        lines.extend(d.reference.clone());
        lines.push(format!("{}, {}", d.place, d.effective_date));
        if !d.end_date.is_empty() {
            lines.push(d.end_date.clone());
        }
        lines.join("\n\n")
    };
    push_if_changed(
        &mut sections,
        tr!(lang, "Titre et en-tête", "Title block"),
        None,
        &head(old_doc),
        &head(new_doc),
    );
    compare_parties(old_doc, new_doc, &mut summary, &mut sections, lang);
    push_if_changed(
        &mut sections,
        tr!(lang, "Préambule", "Recitals"),
        None,
        &old_doc.preamble,
        &new_doc.preamble,
    );
    compare_articles(old_doc, new_doc, &mut summary, &mut sections, lang);
    compare_annexes(old_doc, new_doc, &mut sections, lang);
    summary.values = value_changes(old.convention, new.convention, new_doc, library, lang);

    Comparison {
        lang,
        old: escape_markdown(old.label),
        new: escape_markdown(new.label),
        title: new_doc.title.clone(),
        currency: new.convention.currency().to_string(),
        summary,
        sections,
    }
}

fn push_if_changed(
    sections: &mut Vec<Section>,
    heading: String,
    note: Option<String>,
    old: &str,
    new: &str,
) {
    if old != new {
        sections.push(Section {
            heading,
            status: Status::Changed,
            note,
            redline: redline(old, new),
        });
    }
}

fn compare_parties(
    old: &Document,
    new: &Document,
    summary: &mut Summary,
    sections: &mut Vec<Section>,
    lang: Lang,
) {
    let find = |doc: &Document, id: &str| doc.parties.iter().find(|p| p.id == id).cloned();
    for p in &new.parties {
        match find(old, &p.id) {
            None => summary.parties_added.push(p.name.clone()),
            Some(before) if before != *p => summary.parties_changed.push(p.name.clone()),
            Some(_) => {}
        }
    }
    for p in &old.parties {
        if find(new, &p.id).is_none() {
            summary.parties_removed.push(p.name.clone());
        }
    }
    let text = |doc: &Document| {
        doc.parties
            .iter()
            .map(|p| party_text(p, lang))
            .collect::<Vec<_>>()
            .join("\n")
    };
    push_if_changed(
        sections,
        tr!(lang, "Parties", "Parties"),
        None,
        &text(old),
        &text(new),
    );
}

fn party_text(p: &PartyBlock, lang: Lang) -> String {
    let mut s = tr!(
        lang,
        "- **{}** (« {} »), {}",
        "- **{}** (“{}”), {}",
        p.name,
        p.short_name,
        p.address
    );
    if let Some(law) = &p.constituted_under {
        s.push_str(&format!(
            ", {} {law}",
            tr!(lang, "régie par", "governed by")
        ));
    }
    if let Some(reg) = &p.registration {
        s.push_str(&format!(", {} {reg}", tr!(lang, "n°", "no.")));
    }
    s.push_str(&format!(
        ", {} {}, {}",
        tr!(lang, "représentée par", "represented by"),
        p.representative,
        p.representative_title
    ));
    if let Some(mandate) = &p.mandate {
        s.push_str(&format!(" ({mandate})"));
    }
    s
}

fn heading(a: &Article) -> String {
    format!("{} — {}", a.label, a.title)
}

fn compare_articles(
    old: &Document,
    new: &Document,
    summary: &mut Summary,
    sections: &mut Vec<Section>,
    lang: Lang,
) {
    fn find<'d>(doc: &'d Document, id: &str) -> Option<&'d Article> {
        doc.articles.iter().find(|a| a.clause_id == id)
    }
    // Each entry sorts by its place in the new version; a removed article
    // goes after the nearest article that preceded it and survived.
    let mut entries: Vec<((usize, usize), Section)> = Vec::new();
    for (index, a) in new.articles.iter().enumerate() {
        let Some(before) = find(old, &a.clause_id) else {
            summary.clauses_added.push(heading(a));
            entries.push((
                (index + 1, 0),
                Section {
                    heading: heading(a),
                    status: Status::Added,
                    note: None,
                    redline: redline("", &a.body),
                },
            ));
            continue;
        };
        let moved = (before.number != a.number).then(|| {
            // « anciennement article 17 », "formerly Article 17".
            let label = article_label(before.number, lang);
            match lang {
                Lang::Fr => format!("Anciennement {}", label.to_lowercase()),
                Lang::En => format!("Formerly {label}"),
            }
        });
        if before.body != a.body || before.title != a.title {
            summary.clauses_changed.push(heading(a));
            entries.push((
                (index + 1, 0),
                Section {
                    heading: heading(a),
                    status: Status::Changed,
                    note: moved,
                    redline: redline(&before.body, &a.body),
                },
            ));
        }
    }
    for (old_index, a) in old.articles.iter().enumerate() {
        if find(new, &a.clause_id).is_some() {
            continue;
        }
        let anchor = old.articles[..old_index]
            .iter()
            .rev()
            .find_map(|p| new.articles.iter().position(|n| n.clause_id == p.clause_id))
            .map_or(0, |i| i + 1);
        summary.clauses_removed.push(heading(a));
        entries.push((
            (anchor, old_index + 1),
            Section {
                heading: a.title.clone(),
                status: Status::Removed,
                note: Some(tr!(
                    lang,
                    "{} de la version précédente",
                    "{} of the previous version",
                    a.label
                )),
                redline: redline(&a.body, ""),
            },
        ));
    }
    entries.sort_by_key(|(key, _)| *key);
    sections.extend(entries.into_iter().map(|(_, s)| s));
}

fn compare_annexes(old: &Document, new: &Document, sections: &mut Vec<Section>, lang: Lang) {
    let text = |rows: &[Vec<String>], total: &Option<Vec<String>>| {
        rows.iter()
            .chain(total.iter())
            .map(|r| {
                let cells: Vec<&str> = r
                    .iter()
                    .map(String::as_str)
                    .filter(|c| !c.trim().is_empty())
                    .collect();
                format!("- {}", cells.join(" · "))
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    let annex = tr!(lang, "Annexe", "Schedule");
    for x in &new.annexes {
        let now = text(&x.rows, &x.total);
        let before = old
            .annexes
            .iter()
            .find(|o| o.key == x.key)
            .map(|o| text(&o.rows, &o.total))
            .unwrap_or_default();
        push_if_changed(
            sections,
            format!("{annex} {} — {}", x.letter, x.title),
            None,
            &before,
            &now,
        );
    }
    for o in &old.annexes {
        if !new.annexes.iter().any(|x| x.key == o.key) {
            sections.push(Section {
                heading: o.title.clone(),
                status: Status::Removed,
                note: Some(format!("{annex} {}", o.letter)),
                redline: redline(&text(&o.rows, &o.total), ""),
            });
        }
    }
}

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
    // shows « <del>20.1</del> <ins>19.1</ins> », not a rewrite.
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
    let (a, b) = (tokens(&old), tokens(&new));
    // A marker is compared whole: `<!-- column -->` never becomes
    // `<!-- <del>column</del> <ins>/columns</ins> -->`.
    let markers = before.iter().chain(after).any(|l| is_marker(l));
    if markers || a.len() + b.len() > MAX_WORD_DIFF_TOKENS {
        // Word diffs cost up to the product of the two lengths: past the
        // cap the passage is shown replaced whole.
        removed_then_added(before, after, out);
    } else {
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
    let mut run = String::new();
    let mut tag = ChangeTag::Equal;
    for change in diff.iter_all_changes() {
        if change.tag() != tag {
            flush(&mut out, tag, &run);
            // A replacement reads « ~~old~~ new », not « ~~old~~new ».
            if tag == ChangeTag::Delete
                && change.tag() == ChangeTag::Insert
                && out.ends_with("</del>")
            {
                out.push(' ');
            }
            run.clear();
            tag = change.tag();
        }
        run.push_str(change.value());
    }
    flush(&mut out, tag, &run);
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

/// Every date, amount, percentage and count that differs, with where it is.
fn value_changes(
    old: &Convention,
    new: &Convention,
    new_doc: &Document,
    library: &ClauseLibrary,
    lang: Lang,
) -> Vec<ValueChange> {
    let currency = |c: &Convention| c.currency().to_string();
    let ctx = Ctx {
        lang,
        old,
        new,
        old_currency: currency(old),
        new_currency: currency(new),
    };
    let mut out = Vec::new();
    ctx.record(
        &tr!(lang, "En-tête", "Header"),
        library.header_fields(),
        Some(&old.header),
        Some(&new.header),
        &mut out,
    );
    // Clauses in article order of the new version, then those it dropped.
    let mut ids: Vec<&str> = new.clauses.iter().map(|c| c.id.as_str()).collect();
    ids.extend(
        old.clauses
            .iter()
            .map(|c| c.id.as_str())
            .filter(|id| new.clause(id).is_none()),
    );
    ids.sort_by_key(|id| library.clause(id).map_or(u32::MAX, |c| c.order));
    for id in ids {
        let Some(spec) = library.clause(id) else {
            continue;
        };
        let place = new_doc
            .articles
            .iter()
            .find(|a| a.clause_id == id)
            .map_or_else(|| spec.title.get(lang).to_string(), heading);
        ctx.record(
            &place,
            &spec.fields,
            old.clause(id),
            new.clause(id),
            &mut out,
        );
    }
    out
}

struct Ctx<'a> {
    lang: Lang,
    old: &'a Convention,
    new: &'a Convention,
    old_currency: String,
    new_currency: String,
}

impl Ctx<'_> {
    fn record(
        &self,
        place: &str,
        fields: &[Field],
        old: Option<&Record>,
        new: Option<&Record>,
        out: &mut Vec<ValueChange>,
    ) {
        for field in fields {
            let name = field.name();
            let label = field.label(self.lang).to_string();
            let before = old.and_then(|r| r.get(name)).map(|v| &v.value);
            let after = new.and_then(|r| r.get(name)).map(|v| &v.value);
            match field.kind {
                FieldKind::Date | FieldKind::Money | FieldKind::Percentage | FieldKind::Integer => {
                    let (a, b) = (
                        before.map(|v| self.show(v, &self.old_currency)),
                        after.map(|v| self.show(v, &self.new_currency)),
                    );
                    if a != b {
                        out.push(ValueChange {
                            place: format!("{place} — {label}"),
                            old: a.unwrap_or_else(|| "—".into()),
                            new: b.unwrap_or_else(|| "—".into()),
                        });
                    }
                }
                FieldKind::Record => {
                    let inner = format!("{place} — {label}");
                    fn as_record(v: Option<&Value>) -> Option<&Record> {
                        match v {
                            Some(Value::Record(r)) => Some(r),
                            _ => None,
                        }
                    }
                    self.record(
                        &inner,
                        &field.fields,
                        as_record(before),
                        as_record(after),
                        out,
                    );
                }
                FieldKind::Records => self.records(place, &label, field, before, after, out),
                _ => {}
            }
        }
    }

    /// Lists of records (board seats, contributions, budget lines) are
    /// matched by their party, else by their first text, else by position.
    fn records(
        &self,
        place: &str,
        label: &str,
        field: &Field,
        before: Option<&Value>,
        after: Option<&Value>,
        out: &mut Vec<ValueChange>,
    ) {
        let list = |v: Option<&Value>| match v {
            Some(Value::Records(rs)) => rs.clone(),
            _ => Vec::new(),
        };
        let (before, after) = (list(before), list(after));
        let key_field = field
            .fields
            .iter()
            .find(|f| f.kind == FieldKind::Party)
            .or_else(|| field.fields.iter().find(|f| f.kind == FieldKind::Text));
        let key = |r: &Record, index: usize| -> (String, String) {
            match key_field.and_then(|f| r.get(f.name()).map(|v| (f, &v.value))) {
                Some((_, Value::Party(id))) => (id.clone(), self.party_name(id)),
                Some((_, Value::Text(t))) => (t.clone(), escape_markdown(t)),
                _ => (format!("#{index}"), format!("{}", index + 1)),
            }
        };
        let mut keys: Vec<(String, String)> = Vec::new();
        for (i, r) in after.iter().enumerate().chain(before.iter().enumerate()) {
            let k = key(r, i);
            if !keys.iter().any(|(id, _)| *id == k.0) {
                keys.push(k);
            }
        }
        for (id, shown) in keys {
            let find = |rs: &[Record]| {
                rs.iter()
                    .enumerate()
                    .find(|(i, r)| key(r, *i).0 == id)
                    .map(|(_, r)| r.clone())
            };
            let inner = format!("{place} — {label} ({shown})");
            self.record(
                &inner,
                &field.fields,
                find(&before).as_ref(),
                find(&after).as_ref(),
                out,
            );
        }
    }

    fn party_name(&self, id: &str) -> String {
        self.new
            .party(id)
            .or_else(|| self.old.party(id))
            .and_then(|p| p.text("short_name"))
            .map_or_else(|| escape_markdown(id), escape_markdown)
    }

    fn show(&self, value: &Value, currency: &str) -> String {
        match value {
            Value::Date(d) => format::date(*d, self.lang),
            Value::Money(m) => format::money(*m, currency, self.lang),
            Value::Percentage(p) => format::percent(*p, self.lang),
            Value::Integer(n) => n.to_string(),
            _ => String::new(),
        }
    }
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
            "**19.3** Nul ne peut accepter, en lien avec le partenariat, un cadeau de plus de <del>50</del> <ins>100</ins> $.\n\n## Article <del>20</del> <ins>21</ins> — Assurances"
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
    fn redline_marks_words_and_keeps_list_markers() {
        assert_eq!(
            redline("Le quorum est de 5 membres.", "Le quorum est de 6 membres."),
            "Le quorum est de <del>5</del> <ins>6</ins> membres."
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
            "total de <del>480\u{202f}000,00\u{a0}$.</del> <ins>500\u{202f}000,00\u{a0}$.</ins>"
        );
    }

    #[test]
    fn a_part_too_long_to_compare_line_by_line_is_shown_replaced_whole() {
        let old = "a\n\n".repeat(MAX_LINE_DIFF_LINES);
        let new = "b\n\n".repeat(MAX_LINE_DIFF_LINES);
        let out = redline(&old, &new);
        assert_eq!(out.matches("<del>a</del>").count(), MAX_LINE_DIFF_LINES);
        assert_eq!(out.matches("<ins>b</ins>").count(), MAX_LINE_DIFF_LINES);
    }

    #[test]
    fn marks_never_span_a_line_break() {
        let out = redline("A.\n\nB.", "A.\n\nC.\n\nD.");
        for line in out.lines() {
            assert_eq!(
                line.matches("<ins>").count(),
                line.matches("</ins>").count(),
                "{out}"
            );
            assert_eq!(
                line.matches("<del>").count(),
                line.matches("</del>").count(),
                "{out}"
            );
        }
    }
}
