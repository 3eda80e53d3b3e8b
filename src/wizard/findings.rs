//! The clause checks inside the wizard: whether a clause is complete, and
//! the findings of the same check as `pacte check` that concern it.

use super::Wizard;
use crate::check::{CheckOptions, check_text};
use crate::diag::{Diagnostic, Severity};
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
        plain_findings(&self.findings_where(&|d, conv, end| {
            conv.and_then(|c| c.clause_regions(end).remove(id))
                .zip(d.span.as_ref())
                .is_some_and(|(r, s)| r.contains(&s.start))
        }))
    }

    /// The findings about the header and the parties: the term and its
    /// dates, the parties' ids, count, names and sectors.
    pub(super) fn findings_for_header_and_parties(&self) -> Vec<Diagnostic> {
        use crate::diag::Code::*;
        self.findings_where(&|d, _, _| {
            matches!(
                d.code,
                DuplicateParty
                    | UnknownParty
                    | PartyWithoutObligations
                    | PartyWithoutContact
                    | PartyWithoutSeat
                    | MissingMandate
                    | WithdrawalMissing
                    | TooFewParties
                    | NoPublicParty
                    | NoNonPublicParty
                    | DuplicateShortName
                    | DateOrder
                    | TermTooShort
                    | TermTooLong
                    | TermMissing
                    | TermConflict
            )
        })
    }

    /// Whether the header or the parties hold an error (for the ✗ of
    /// `pacte edit`'s menu).
    pub(super) fn header_or_parties_have_errors(&self) -> bool {
        self.findings_for_header_and_parties()
            .iter()
            .any(|d| d.severity == Severity::Error)
    }

    /// The check's errors and warnings that `keep` selects.
    fn findings_where(
        &self,
        keep: &dyn Fn(&Diagnostic, Option<&crate::Convention>, usize) -> bool,
    ) -> Vec<Diagnostic> {
        let options = CheckOptions {
            lang: self.lang,
            ..Default::default()
        };
        let text = self.doc.to_string();
        let end = text.len();
        let checked = check_text(&self.path, text, self.library, &options);
        let (conv, mut report) = (checked.convention, checked.report);
        let conv = conv.as_ref();
        report
            .diagnostics
            .retain(|d| d.severity >= Severity::Warning && keep(d, conv, end));
        report.diagnostics
    }
}

/// Findings as the wizard shows them: in the question's words, one line for
/// what is wrong and one for what to do — no code excerpt, no file key.
pub(super) fn plain_findings(diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let (message, help) = d.in_plain_words();
        let mark = match d.severity {
            Severity::Error => "✗",
            Severity::Warning => "⚠",
            Severity::Note => "·",
        };
        out.push_str(&format!(
            "{mark} {}\n",
            crate::diag::sanitize(&crate::render::text::capitalize(message))
        ));
        if !help.is_empty() {
            out.push_str(&format!("  → {}\n", crate::diag::sanitize(help)));
        }
    }
    out.trim_end().to_string()
}
