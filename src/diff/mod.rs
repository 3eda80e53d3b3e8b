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
//! The redline itself is [`redline`]'s; [`document`] renders a comparison.

mod document;
mod phrases;
mod redline;
mod tree;

pub use document::{docx, html, markdown, pdf};
pub use redline::{MAX_LINE_DIFF_LINES, MAX_WORD_DIFF_TOKENS, redline};
pub use tree::redline_printed;

use crate::convention::Convention;
use crate::field::{Record, Value};
use crate::format;
use crate::lang::Lang;
use crate::library::{ClauseLibrary, Field, FieldKind};
use crate::render::model::{Article, Document, PartyBlock};
use crate::render::{article_label, escape_markdown};
use crate::tr;
use serde::Serialize;

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
    /// The same, as plain text (the document's properties).
    #[serde(skip)]
    pub plain_title: String,
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
    /// The part's old and new text (Markdown), for the printed
    /// comparison's redline of their printed documents.
    #[serde(skip)]
    pub versions: [String; 2],
}

impl Section {
    fn new(heading: String, status: Status, note: Option<String>, old: &str, new: &str) -> Section {
        Section {
            heading,
            status,
            note,
            redline: redline(old, new),
            versions: [old.to_string(), new.to_string()],
        }
    }
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
        plain_title: new_doc.properties.title.clone(),
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
        sections.push(Section::new(heading, Status::Changed, note, old, new));
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
                Section::new(heading(a), Status::Added, None, "", &a.body),
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
                Section::new(heading(a), Status::Changed, moved, &before.body, &a.body),
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
            Section::new(
                a.title.clone(),
                Status::Removed,
                Some(tr!(
                    lang,
                    "{} de la version précédente",
                    "{} of the previous version",
                    a.label
                )),
                &a.body,
                "",
            ),
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
            sections.push(Section::new(
                o.title.clone(),
                Status::Removed,
                Some(format!("{annex} {}", o.letter)),
                &text(&o.rows, &o.total),
                "",
            ));
        }
    }
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
