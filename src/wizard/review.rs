//! The review screen (« Récapitulatif »): `pacte edit`'s first screen and
//! `pacte new`'s last. Every section on one line — the header, the parties,
//! each clause with a summary of its answers and the count of its findings
//! — to jump into; « continue » resumes at the first incomplete clause.

use super::{Prompter, Start, Wizard, WizardError};
use crate::diag::Severity;
use crate::lang::Lang;
use crate::library::{Clause, FieldKind};
use crate::tr;
use std::collections::BTreeMap;
use toml_edit::{Item, Value};

/// The longest line of the review, so that it fits an 80-column terminal
/// with the list's cursor.
const LINE_CHARS: usize = 74;

/// A section's open findings.
#[derive(Clone, Copy, Default)]
struct Open {
    errors: usize,
    warnings: usize,
}

impl Open {
    fn shown(self) -> String {
        let mut out = String::new();
        if self.errors > 0 {
            out.push_str(&format!("  ✗{}", self.errors));
        }
        if self.warnings > 0 {
            out.push_str(&format!("  ⚠{}", self.warnings));
        }
        out
    }
}

impl Wizard<'_> {
    /// The review screen, until « check and finish ». With `resume`, the
    /// default is to continue with the clauses left incomplete.
    pub(super) fn review(
        &mut self,
        p: &mut dyn Prompter,
        kind: &str,
        resume: bool,
    ) -> Result<(), WizardError> {
        let lang = self.lang;
        loop {
            let ids = self.clause_order(kind);
            let open = self.open_findings();
            let header_open = open.get("convention").copied().unwrap_or_default();
            let parties_open = open.get("parties").copied().unwrap_or_default();
            let incomplete = ids
                .iter()
                .filter_map(|id| self.library.clause(id))
                .filter(|c| self.mark(c, kind) == "✗")
                .count();
            let mut items = Vec::new();
            // 0: continue, when there is something to continue with.
            let resuming = resume && incomplete > 0;
            if resuming {
                items.push(match (lang, incomplete) {
                    (Lang::Fr, 1) => "→ Continuer : 1 clause à compléter".to_string(),
                    (Lang::Fr, n) => format!("→ Continuer : {n} clauses à compléter"),
                    (Lang::En, 1) => "→ Continue: 1 clause to complete".to_string(),
                    (Lang::En, n) => format!("→ Continue: {n} clauses to complete"),
                });
            }
            let first = items.len();
            let header_mark = if header_open.errors > 0 { "✗" } else { "✓" };
            let parties_mark = if parties_open.errors > 0 {
                "✗"
            } else {
                "✓"
            };
            items.push(line(
                &format!("{header_mark} {}", tr!(lang, "En-tête", "Header")),
                &self.header_summary(),
                &header_open.shown(),
            ));
            items.push(line(
                &format!("{parties_mark} {}", tr!(lang, "Parties", "Parties")),
                &self.parties_summary(),
                &parties_open.shown(),
            ));
            for clause in ids.iter().filter_map(|id| self.library.clause(id)) {
                let found = open.get(clause.id()).copied().unwrap_or_default();
                // Complete but in error is not ✓.
                let mark = match self.mark(clause, kind) {
                    "✓" if found.errors > 0 => "✗",
                    mark => mark,
                };
                items.push(line(
                    &format!("{mark} {}", clause.title.get(lang)),
                    &self.clause_summary(clause),
                    &found.shown(),
                ));
            }
            // The optional questions left empty, in one go.
            let optional = self.postponed_count(kind);
            let postponed = (optional > 0).then(|| {
                items.push(tr!(
                    lang,
                    "+ Questions facultatives restées sans réponse ({optional})",
                    "+ Optional questions left unanswered ({optional})"
                ));
                items.len() - 1
            });
            items.push(tr!(lang, "Vérifier et terminer", "Check and finish"));
            let finish = items.len() - 1;
            let help = tr!(
                lang,
                "Chaque ligne résume une section : ✓ complète, ✗ incomplète ou en erreur, + clause facultative non remplie ; ✗2 ⚠1 comptent les erreurs et les avertissements. Choisissez une section pour la revoir : vos réponses sont proposées par défaut.",
                "Each line sums up a section: ✓ complete, ✗ incomplete or in error, + optional clause not filled in; ✗2 ⚠1 count the errors and warnings. Choose a section to revisit it: your answers are offered as defaults."
            );
            let default = if resuming { 0 } else { finish };
            // The review is the top: « back » stays on it.
            let question = tr!(lang, "Récapitulatif", "Review");
            let choice =
                super::prompter::staying(|| p.select(&question, &help, &items, Some(default)))?;
            // « Back » at a section's first question returns here.
            let asked = match choice {
                c if c == finish => return Ok(()),
                c if Some(c) == postponed => self.ask_postponed_now(p, kind),
                0 if resuming => self.ask_clauses(p, kind, true),
                c if c == first => self.ask_header(p, true, Start::First).map(|()| {
                    self.show_header_and_party_findings(p);
                }),
                c if c == first + 1 => self.edit_parties(p),
                c => {
                    let n = c - first - 2;
                    match self.library.clause(&ids[n]) {
                        Some(clause) => {
                            self.ask_clause(p, clause, kind, (n + 1, ids.len()), Start::First)
                        }
                        None => Ok(()),
                    }
                }
            };
            match asked {
                Ok(()) | Err(WizardError::Back) => {}
                Err(e) => return Err(e),
            }
        }
    }

    /// The errors and warnings of the whole check, by section: a clause id,
    /// `convention` or `parties`. One check for the whole screen.
    fn open_findings(&self) -> BTreeMap<String, Open> {
        let (checked, end) = self.check_now();
        let regions = checked
            .convention
            .as_ref()
            .map(|c| c.clause_regions(end))
            .unwrap_or_default();
        let mut open: BTreeMap<String, Open> = BTreeMap::new();
        for d in &checked.report.diagnostics {
            if d.severity < Severity::Warning {
                continue;
            }
            let at = d.span.as_ref().map(|s| s.start);
            let section = regions
                .iter()
                .find(|(_, r)| at.is_some_and(|a| r.contains(&a)))
                .map(|(id, _)| id.clone())
                .or_else(|| super::findings::section_of(d.code).map(str::to_string));
            let Some(section) = section else { continue };
            let entry = open.entry(section).or_default();
            match d.severity {
                Severity::Error => entry.errors += 1,
                _ => entry.warnings += 1,
            }
        }
        open
    }

    fn header_summary(&self) -> Vec<String> {
        let header = self.doc.get("convention");
        let fields = self.library.header_fields();
        let values: Vec<String> = ["title", "place", "effective_date", "end_date"]
            .iter()
            .filter_map(|k| {
                let v = header.and_then(|h| h.get(k)).and_then(Item::as_value)?;
                Some(self.value_words(v, fields.iter().find(|f| f.name() == *k)))
            })
            .collect();
        values
    }

    fn parties_summary(&self) -> Vec<String> {
        let (ids, _) = self.party_choices();
        ids.iter().map(|id| self.short_name_of(id)).collect()
    }

    /// A party's short name, else its id.
    fn short_name_of(&self, id: &str) -> String {
        let (ids, labels) = self.party_choices();
        ids.iter()
            .position(|i| i == id)
            .and_then(|i| labels[i].rsplit_once(" ("))
            .map_or_else(|| id.to_string(), |(short, _)| short.to_string())
    }

    /// A clause's answers in a few words: a choice by its label, a party by
    /// its short name, a list by its length.
    fn clause_summary(&self, clause: &Clause) -> Vec<String> {
        let Some(table) = self.doc.get("clauses").and_then(|c| c.get(clause.id())) else {
            return Vec::new();
        };
        let values: Vec<String> = clause
            .fields
            .iter()
            .filter_map(|f| {
                let item = table.get(f.name())?;
                // Written in several languages: the convention's own text.
                if self.translations(item).is_some() {
                    return self
                        .text_of(item)
                        .map(|t| t.lines().next().unwrap_or_default().to_string());
                }
                Some(match (f.kind, item) {
                    (FieldKind::Records, records) => {
                        entries(super::ask::records_of(Some(records)).len(), self.lang)
                    }
                    (FieldKind::Parties, Item::Value(Value::Array(a))) => a
                        .iter()
                        .filter_map(Value::as_str)
                        .map(|id| self.short_name_of(id))
                        .collect::<Vec<_>>()
                        .join(" et "),
                    (_, Item::Value(Value::Array(a))) => {
                        let first = a.get(0).map(|v| self.value_words(v, None))?;
                        match a.len() {
                            1 => first,
                            n => format!("{first} (+{})", n - 1),
                        }
                    }
                    (_, Item::Value(v)) => self.value_words(v, Some(f)),
                    _ => return None,
                })
            })
            .collect();
        values
    }

    /// One answer as the person gave it.
    pub(super) fn value_words(&self, v: &Value, field: Option<&crate::library::Field>) -> String {
        match (field.map(|f| f.kind), v) {
            (Some(FieldKind::Choice), Value::String(s)) => field
                .and_then(|f| f.choice(s.value()))
                .map_or_else(|| s.value().clone(), |c| c.label(self.lang).to_string()),
            (Some(FieldKind::Party), Value::String(s)) => self.short_name_of(s.value()),
            (Some(kind @ (FieldKind::Money | FieldKind::Percentage | FieldKind::Date)), v) => {
                super::answer::echo(kind, v, &self.currency(), self.lang)
                    .unwrap_or_else(|| v.to_string().trim().to_string())
            }
            (_, Value::Boolean(b)) => self.lang.yes_no(*b.value()).to_lowercase(),
            (_, Value::String(s)) => s.value().lines().next().unwrap_or_default().to_string(),
            (_, Value::InlineTable(_)) => self.text_of(&Item::Value(v.clone())).unwrap_or_default(),
            (_, other) => other.to_string().trim().to_string(),
        }
    }
}

fn entries(n: usize, lang: Lang) -> String {
    match (lang, n) {
        (Lang::Fr, 1) => "1 entrée".into(),
        (Lang::Fr, n) => format!("{n} entrées"),
        (Lang::En, 1) => "1 entry".into(),
        (Lang::En, n) => format!("{n} entries"),
    }
}

/// A line of the review: the section, a summary of its answers cut to
/// fit, its findings.
fn line(section: &str, values: &[String], found: &str) -> String {
    let room = LINE_CHARS.saturating_sub(section.chars().count() + found.chars().count() + 3);
    let joined = values.join(", ");
    // One line: a paragraph's line breaks and tabs would break the menu.
    let flat: String = joined
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if flat.is_empty() || room < 10 {
        return format!("{section}{found}");
    }
    format!(
        "{section} — {}{found}",
        crate::diag::shorten(&flat, room - 1)
    )
}
