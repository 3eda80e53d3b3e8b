//! The pace of `pacte new`: what lies ahead, the choice between the quick
//! way (required questions first, optional ones offered at the end) and
//! every question in order, and the walk through the sections — header,
//! parties, clauses — with « back » crossing from one to the previous.

use super::{Prompter, Start, Wizard, WizardError};
use crate::library::Field;
use crate::tr;
use toml_edit::Item;

/// Which questions a pass asks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Pass {
    /// Every question, in order.
    All,
    /// The quick first pass: questions that need an answer, and those
    /// already answered (to revise them).
    Required,
    /// The end of the quick way: only the optional questions left empty.
    Optional,
}

impl Pass {
    /// Whether this pass asks a question.
    pub(super) fn asks(self, required: bool, answered: bool) -> bool {
        match self {
            Pass::All => true,
            Pass::Required => required || answered,
            Pass::Optional => !required && !answered,
        }
    }
}

/// How many questions a list of fields holds, and how many must be answered.
fn count(fields: &[Field]) -> (usize, usize) {
    (fields.len(), fields.iter().filter(|f| f.required).count())
}

impl Wizard<'_> {
    /// What lies ahead — how many clauses and questions, roughly how long,
    /// that stopping is safe — and the choice of pace.
    pub(super) fn choose_pace(
        &mut self,
        p: &mut dyn Prompter,
        kind: &str,
    ) -> Result<Pass, WizardError> {
        let lang = self.lang;
        let ids = self.clause_order(kind);
        let (mut all, mut required) = (0, 0);
        for (n, r) in ids
            .iter()
            .filter_map(|id| self.library.clause(id))
            .map(|c| count(&c.fields))
            .chain([count(self.library.header_fields())])
            .chain([count(self.library.party_fields()); 2])
        {
            all += n;
            required += r;
        }
        // About half a minute a question, in five-minute steps.
        let minutes = |questions: usize| (questions / 2).div_ceil(5).max(1) * 5;
        let (n, file, quick, slow) = (
            ids.len(),
            self.path.display(),
            minutes(required),
            minutes(all),
        );
        p.show(&tr!(
            lang,
            "Cette convention compte {n} clauses, soit environ {all} questions dont {required} obligatoires. Chaque réponse est enregistrée aussitôt : vous pouvez arrêter à tout moment (Ctrl-C) et reprendre avec `pacte edit {file}`. À chaque question, « < » revient à la précédente et « ? » l'explique.",
            "This agreement has {n} clauses, about {all} questions of which {required} are required. Each answer is saved at once: you may stop at any time (Ctrl-C) and resume with `pacte edit {file}`. At any question, “<” goes back to the previous one and “?” explains it."
        ));
        let items = vec![
            tr!(
                lang,
                "Rapide : les {required} questions obligatoires, les autres à la fin (≈ {quick} min)",
                "Quick: the {required} required questions, the others at the end (≈ {quick} min)"
            ),
            tr!(
                lang,
                "Complet : les {all} questions, clause par clause (≈ {slow} min)",
                "Complete: all {all} questions, clause by clause (≈ {slow} min)"
            ),
        ];
        let help = tr!(
            lang,
            "Les deux mènent à la même convention. Le mode rapide vous propose, à la fin, les questions facultatives restées sans réponse ; `pacte edit` permet aussi d'y revenir.",
            "Both lead to the same agreement. The quick way offers, at the end, the optional questions left unanswered; `pacte edit` also lets you come back to them."
        );
        let question = tr!(lang, "Comment procéder ?", "How would you like to proceed?");
        // Nothing comes before this question.
        Ok(
            match super::prompter::staying(|| p.select(&question, &help, &items, Some(0)))? {
                0 => Pass::Required,
                _ => Pass::All,
            },
        )
    }

    /// The header, the parties, then the clauses; each section's checks
    /// right after it. « Back » at a section's first question re-enters the
    /// previous section at its end.
    pub(super) fn ask_sections(
        &mut self,
        p: &mut dyn Prompter,
        kind: &str,
    ) -> Result<(), WizardError> {
        let lang = self.lang;
        let (mut stage, mut start) = (0, Start::First);
        loop {
            let asked = match stage {
                0 => self.ask_header(p, true, start),
                1 => self.ask_parties(p),
                _ => self.ask_clauses(p, kind, false),
            };
            match asked {
                Ok(()) if stage >= 2 => return Ok(()),
                Ok(()) => {
                    // After the header alone, « no parties yet » is no news.
                    self.show_findings_of(
                        p,
                        if stage == 0 {
                            &["convention"]
                        } else {
                            &["convention", "parties"]
                        },
                    );
                    stage += 1;
                    start = Start::First;
                }
                Err(WizardError::Back) if stage == 0 => {
                    p.show(&tr!(
                        lang,
                        "C'est la première question.",
                        "This is the first question."
                    ));
                    start = Start::First;
                }
                Err(WizardError::Back) => {
                    stage -= 1;
                    start = Start::Last;
                }
                Err(e) => return Err(e),
            }
        }
    }

    /// The end of the quick way: the optional questions left empty, offered
    /// in one go.
    pub(super) fn ask_postponed(
        &mut self,
        p: &mut dyn Prompter,
        kind: &str,
    ) -> Result<(), WizardError> {
        let lang = self.lang;
        self.pass = Pass::All;
        let left = self.postponed_count(kind);
        if left == 0 {
            return Ok(());
        }
        let question = tr!(
            lang,
            "Il reste {left} questions facultatives (préambule, précisions, cosignataires…). Y répondre maintenant ?",
            "{left} optional questions remain (recitals, details, co-signatories…). Answer them now?"
        );
        if super::prompter::staying(|| p.confirm(&question, false))? {
            match self.ask_postponed_now(p, kind) {
                Ok(()) | Err(WizardError::Back) => {}
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }

    /// The optional questions left empty, chosen from the review screen.
    pub(super) fn ask_postponed_now(
        &mut self,
        p: &mut dyn Prompter,
        kind: &str,
    ) -> Result<(), WizardError> {
        let pass = std::mem::replace(&mut self.pass, Pass::Optional);
        let asked = self.ask_postponed_sections(p, kind);
        self.pass = pass;
        asked
    }

    fn ask_postponed_sections(
        &mut self,
        p: &mut dyn Prompter,
        kind: &str,
    ) -> Result<(), WizardError> {
        if self.header_postponed() > 0 {
            self.ask_header(p, true, Start::First)?;
        }
        for index in 0..self.party_count() {
            if self.party_postponed(index) > 0 {
                self.ask_party(p, index, Start::First)?;
            }
        }
        let ids = self.clause_order(kind);
        for (n, id) in ids.iter().enumerate() {
            let Some(clause) = self.library.clause(id) else {
                continue;
            };
            if self.clause_postponed(clause, kind) > 0 {
                self.ask_clause(p, clause, kind, (n + 1, ids.len()), Start::First)?;
            }
        }
        Ok(())
    }

    /// The optional questions the quick pass left empty.
    pub(super) fn postponed_count(&self, kind: &str) -> usize {
        let clauses: usize = self
            .clause_order(kind)
            .iter()
            .filter_map(|id| self.library.clause(id))
            .map(|c| self.clause_postponed(c, kind))
            .sum();
        let parties: usize = (0..self.party_count())
            .map(|i| self.party_postponed(i))
            .sum();
        clauses + parties + self.header_postponed()
    }

    fn header_postponed(&self) -> usize {
        let header = self.doc.get("convention");
        self.library
            .header_fields()
            .iter()
            .filter(|f| {
                !f.required && !matches!(f.name(), "end_date" | "duration_months" | "languages")
            })
            .filter(|f| header.and_then(|h| h.get(f.name())).is_none())
            .count()
    }

    fn party_postponed(&self, index: usize) -> usize {
        let party = self
            .doc
            .get("parties")
            .and_then(Item::as_array_of_tables)
            .and_then(|a| a.get(index));
        self.library
            .party_fields()
            .iter()
            .filter(|f| !f.required && party.and_then(|t| t.get(f.name())).is_none())
            .count()
    }

    /// Optional questions of a clause the file holds, left empty and not
    /// made ineffective by another answer.
    fn clause_postponed(&self, clause: &crate::library::Clause, kind: &str) -> usize {
        let Some(table) = self.doc.get("clauses").and_then(|c| c.get(clause.id())) else {
            return 0;
        };
        clause
            .fields
            .iter()
            .filter(|f| {
                !self.needed(clause, kind, f)
                    && !self.ignored(clause, f.name())
                    && table.get(f.name()).is_none()
            })
            .count()
    }
}
