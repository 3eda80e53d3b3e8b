//! The clause checks inside the wizard: whether a clause is complete, and
//! the findings of the same check as `pacte check` that concern it.

use super::Wizard;
use crate::check::{CheckOptions, check_text};
use crate::diag::{Severity, human};
use crate::library::Clause;

impl Wizard<'_> {
    /// Whether a clause's required fields are all answered.
    pub(super) fn clause_complete(&self, clause: &Clause, kind: &str) -> bool {
        if clause.implicit {
            return true;
        }
        let Some(table) = self.doc.get("clauses").and_then(|c| c.get(clause.id())) else {
            return false;
        };
        let extra = self
            .library
            .profile(kind)
            .and_then(|p| p.require_fields.get(clause.id()))
            .cloned()
            .unwrap_or_default();
        clause
            .fields
            .iter()
            .filter(|f| {
                f.required
                    || extra.iter().any(|e| e == f.name())
                    || self.required_by_answers(clause, f.name())
            })
            .all(|f| table.get(f.name()).is_some())
    }

    /// The check's findings (errors and warnings) located in one clause's
    /// answers, found as the review notes find them: by the clause's place
    /// in the typed convention.
    pub(super) fn findings_for(&self, id: &str) -> String {
        let options = CheckOptions {
            lang: self.lang,
            ..Default::default()
        };
        let text = self.doc.to_string();
        let end = text.len();
        let checked = check_text(&self.path, text, self.library, &options);
        let region = checked
            .convention
            .as_ref()
            .and_then(|c| c.clause_regions(end).remove(id));
        let mut report = checked.report;
        report.diagnostics.retain(|d| {
            d.severity >= Severity::Warning
                && d.span
                    .as_ref()
                    .zip(region.as_ref())
                    .is_some_and(|(s, r)| r.contains(&s.start))
        });
        let mut out = Vec::new();
        let _ = human::write_report(&mut out, &report, self.lang, false);
        String::from_utf8_lossy(&out).trim_end().to_string()
    }
}
