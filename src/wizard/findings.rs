//! The clause checks inside the wizard: whether a clause is complete, and
//! the findings of the same check as `pacte check` that concern it.

use super::Wizard;
use crate::check::{CheckOptions, check_text};
use crate::diag::{Diagnostic, Severity};
use crate::lang::Lang;
use crate::library::{Clause, Field};
use crate::tr;

impl Wizard<'_> {
    /// Whether a clause's field needs an answer: by itself, by the
    /// profile (`require_fields`), or because of another answer.
    pub(super) fn needed(&self, clause: &Clause, kind: &str, field: &Field) -> bool {
        field.required
            || self
                .library
                .profile(kind)
                .and_then(|p| p.require_fields.get(clause.id()))
                .is_some_and(|names| names.iter().any(|n| n == field.name()))
            || self.required_by_answers(clause, field.name())
    }

    /// Whether a clause's required fields are all answered.
    pub(super) fn clause_complete(&self, clause: &Clause, kind: &str) -> bool {
        if clause.implicit {
            return true;
        }
        let Some(table) = self.doc.get("clauses").and_then(|c| c.get(clause.id())) else {
            return false;
        };
        clause
            .fields
            .iter()
            .filter(|f| self.needed(clause, kind, f))
            .all(|f| table.get(f.name()).is_some())
    }

    /// The check's findings (errors and warnings) located in one clause's
    /// answers, found as the review notes find them: by the clause's place
    /// in the typed convention.
    /// Returns them worded for the wizard, and whether one is an error. A
    /// finding cleared by a later clause not yet written (insurance for
    /// activities with the public) waits for it: the person cannot act on
    /// it here, and will be asked that clause.
    pub(super) fn findings_for(&self, id: &str) -> (String, bool) {
        let order = |c: &str| self.library.clause(c).map_or(u32::MAX, |c| c.order);
        let later = |target: &str| {
            order(target) > order(id)
                && self
                    .doc
                    .get("clauses")
                    .and_then(|c| c.get(target))
                    .is_none()
        };
        let found = self.findings_where(&|d, conv, end| {
            conv.and_then(|c| c.clause_regions(end).remove(id))
                .zip(d.span.as_ref())
                .is_some_and(|(r, s)| r.contains(&s.start))
                && !clause_to_fix(d.code).is_some_and(later)
        });
        let errors = found.iter().any(|d| d.severity == Severity::Error);
        (self.plain_findings(&found), errors)
    }

    /// The findings about the header and the parties: the term and its
    /// dates, the parties' ids, count, names and sectors.
    pub(super) fn findings_for_header_and_parties(&self) -> Vec<Diagnostic> {
        self.findings_where(&|d, _, _| section_of(d.code).is_some())
    }

    /// `pacte check` on the answers as they stand, and the text's length
    /// (the end of the last clause's region).
    pub(super) fn check_now(&self) -> (crate::check::Checked, usize) {
        let options = CheckOptions {
            lang: self.lang,
            ..Default::default()
        };
        let text = self.doc.to_string();
        let end = text.len();
        (check_text(&self.path, text, self.library, &options), end)
    }

    /// The check's errors and warnings that `keep` selects.
    fn findings_where(
        &self,
        keep: &dyn Fn(&Diagnostic, Option<&crate::Convention>, usize) -> bool,
    ) -> Vec<Diagnostic> {
        let (checked, end) = self.check_now();
        let (conv, mut report) = (checked.convention, checked.report);
        let conv = conv.as_ref();
        report
            .diagnostics
            .retain(|d| d.severity >= Severity::Warning && keep(d, conv, end));
        report.diagnostics
    }
}

/// The clause a finding asks for, when it is cleared by writing another
/// clause than the one it is found in.
pub(super) fn clause_to_fix(code: crate::diag::Code) -> Option<&'static str> {
    use crate::diag::Code::*;
    use crate::library::contract;
    match code {
        InsuranceMissing => Some(contract::INSURANCE),
        BackgroundChecksMissing => Some(contract::BACKGROUND_CHECKS),
        AppropriationsMissing => Some(contract::APPROPRIATIONS_CLAUSE),
        WithdrawalMissing => Some(contract::WITHDRAWAL_CLAUSE),
        _ => None,
    }
}

impl Wizard<'_> {
    /// Whether the answers so far call for clause `id` (background checks
    /// once minors are involved): the quick way then offers it even when
    /// optional.
    pub(super) fn wanted_by_findings(&self, id: &str) -> bool {
        self.check_now()
            .0
            .report
            .diagnostics
            .iter()
            .any(|d| clause_to_fix(d.code) == Some(id))
    }
}

/// The section of the wizard a finding about the header or the parties
/// belongs to: `convention` or `parties`; `None` for a clause's finding.
pub(super) fn section_of(code: crate::diag::Code) -> Option<&'static str> {
    use crate::diag::Code::*;
    match code {
        DateOrder | TermTooShort | TermTooLong | TermMissing | TermConflict => Some("convention"),
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
        | DuplicateShortName => Some("parties"),
        _ => None,
    }
}

impl Wizard<'_> {
    /// Findings as the wizard shows them: in the question's words, one line
    /// for what is wrong and one for what to do — no code excerpt, no file
    /// key. A finding without its own plain wording still names the answer
    /// it concerns by its place in the wizard (« Évaluation — Calendrier,
    /// entrée 2 — Échéance ») rather than by its path in the file.
    pub(super) fn plain_findings(&self, diagnostics: &[Diagnostic]) -> String {
        let mut out = String::new();
        for d in diagnostics {
            let (message, help) = d.in_plain_words();
            let (message, help) = (self.in_wizard_words(message), self.in_wizard_words(help));
            let mark = match d.severity {
                Severity::Error => "✗",
                Severity::Warning => "⚠",
                Severity::Note => "·",
            };
            out.push_str(&format!(
                "{mark} {}\n",
                crate::diag::sanitize(&crate::render::text::capitalize(&message))
            ));
            if !help.is_empty() {
                out.push_str(&format!("  → {}\n", crate::diag::sanitize(&help)));
            }
        }
        out.trim_end().to_string()
    }

    /// Every `` `quoted` `` token of a message: an answer's path becomes
    /// its place in the wizard, anything else (an id, a value) is quoted as
    /// the language quotes.
    fn in_wizard_words(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(open) = rest.find('`') {
            let Some(len) = rest[open + 1..].find('`') else {
                break;
            };
            let token = &rest[open + 1..open + 1 + len];
            out.push_str(&rest[..open]);
            let shown = self
                .answer_place(token)
                .unwrap_or_else(|| token.to_string());
            out.push_str(&match self.lang {
                Lang::Fr => format!("« {shown} »"),
                Lang::En => format!("“{shown}”"),
            });
            rest = &rest[open + len + 2..];
        }
        out.push_str(rest);
        out
    }

    /// Where an answer is asked, from its path in the file:
    /// `clauses.evaluation.schedule[2].due` → « Évaluation — Calendrier,
    /// entrée 2 — Échéance », `parties[1].name` → « Parties — partie 1 —
    /// Nom », `convention.end_date` → « En-tête — Date de fin ».
    fn answer_place(&self, path: &str) -> Option<String> {
        let lang = self.lang;
        let mut steps = path.split('.');
        let (mut place, fields): (Vec<String>, &[crate::library::Field]) = match steps.next()? {
            "clauses" => {
                let clause = self.library.clause(steps.next()?)?;
                (vec![clause.title.get(lang).to_string()], &clause.fields)
            }
            "convention" => (
                vec![tr!(lang, "En-tête", "Header")],
                self.library.header_fields(),
            ),
            first => {
                let (name, n) = indexed(first)?;
                if name != "parties" {
                    return None;
                }
                let n = n?;
                (
                    vec![tr!(lang, "Parties — partie {n}", "Parties — party {n}")],
                    self.library.party_fields(),
                )
            }
        };
        let mut fields = fields;
        for step in steps {
            let (name, n) = indexed(step)?;
            let field = fields.iter().find(|f| f.name() == name)?;
            let label = field.label(lang);
            place.push(match n {
                Some(n) => tr!(lang, "{label}, entrée {n}", "{label}, entry {n}"),
                None => label.to_string(),
            });
            fields = &field.fields;
        }
        Some(place.join(" — "))
    }
}

/// `schedule[2]` → (`schedule`, Some(2)); `due` → (`due`, None).
fn indexed(step: &str) -> Option<(&str, Option<usize>)> {
    match step.split_once('[') {
        Some((name, n)) => Some((name, Some(n.strip_suffix(']')?.parse().ok()?))),
        None => Some((step, None)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::check_text;
    use crate::validate::Options;

    /// Codes about a file that is not a convention yet (broken TOML, an
    /// unknown kind or clause, a list over the limit): the wizard refuses
    /// to open such a file and `pacte check` speaks of it in file terms.
    const ABOUT_THE_FILE: &[&str] = &["P001", "P005", "P010", "P017", "P018", "P019"];

    /// Every finding of every fixture, worded for the wizard in both
    /// languages, names answers by their place in the wizard: no file key,
    /// no table path, no code quote.
    #[test]
    fn the_wizard_words_every_finding_without_file_terms() {
        let dir = tempfile::tempdir().unwrap();
        let (mut seen, mut wrong) = (0, Vec::new());
        for entry in std::fs::read_dir("tests/fixtures/invalid").unwrap() {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            let dirs: Vec<std::path::PathBuf> = text
                .lines()
                .filter_map(|l| l.strip_prefix("# args: --clauses "))
                .map(std::path::PathBuf::from)
                .collect();
            for lang in [Lang::Fr, Lang::En] {
                let library = crate::ClauseLibrary::load(&dirs, lang).unwrap();
                let copy = dir.path().join(path.file_name().unwrap());
                std::fs::write(&copy, &text).unwrap();
                let Ok(wizard) = Wizard::open(&library, lang, &copy) else {
                    continue;
                };
                let options = CheckOptions {
                    validate: Options {
                        final_check: true,
                        ..Default::default()
                    },
                    lang,
                    ..Default::default()
                };
                let report = check_text(&copy, text.clone(), &library, &options).report;
                for d in &report.diagnostics {
                    if ABOUT_THE_FILE.contains(&d.code.as_str()) {
                        continue;
                    }
                    seen += 1;
                    let shown = wizard.plain_findings(std::slice::from_ref(d));
                    let file_term = ['`', '_', '[', ']', '=']
                        .iter()
                        .find(|c| shown.contains(**c))
                        .or(shown.contains("clauses.").then_some(&'.'));
                    if file_term.is_some() {
                        wrong.push(format!("{} ({lang:?}): {shown}", path.display()));
                    }
                }
            }
        }
        assert!(wrong.is_empty(), "in file terms:\n{}", wrong.join("\n"));
        assert!(seen > 80, "only {seen} findings worded");
    }
}
