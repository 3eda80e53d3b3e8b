//! The clauses of a convention, one after the other: whether to fill in an
//! advised or optional one, each clause's questions with « back » inside
//! and across clauses, its findings right after it, and the usual answers
//! offered together on the quick way.

use super::{Pass, Prompter, Start, Stop, Wizard, WizardError, short_prompt};
use crate::library::Clause;
use crate::tr;
use toml_edit::{Item, Table};

impl<'a> Wizard<'a> {
    /// The clauses in article order (with `only_incomplete`, those left to
    /// answer). « Back » at a clause's first question re-enters the clause
    /// asked before it, at its last question; at the first clause it is
    /// returned to the caller.
    pub(super) fn ask_clauses(
        &mut self,
        p: &mut dyn Prompter,
        kind: &str,
        only_incomplete: bool,
    ) -> Result<(), WizardError> {
        let ids = self.clause_order(kind);
        let todo: Vec<usize> = (0..ids.len())
            .filter(|&n| {
                self.library.clause(&ids[n]).is_some_and(|c| {
                    !only_incomplete
                        || !(self.clause_complete(c, kind)
                            || self.optional_and_absent(&ids[n], kind))
                })
            })
            .collect();
        // The clauses asked so far, to go back through.
        let mut asked: Vec<usize> = Vec::new();
        let (mut at, mut start) = (0, Start::First);
        while let Some(&n) = todo.get(at) {
            let Some(clause) = self.library.clause(&ids[n]) else {
                at += 1;
                continue;
            };
            let step = match self.offer_clause(p, clause, kind) {
                Ok(true) => self.ask_clause(p, clause, kind, (n + 1, ids.len()), start),
                other => other.map(|_| ()),
            };
            match step {
                Ok(()) => {
                    asked.push(at);
                    at += 1;
                    start = Start::First;
                }
                Err(WizardError::Back) => match asked.pop() {
                    Some(previous) => {
                        at = previous;
                        start = Start::Last;
                    }
                    None => return Err(WizardError::Back),
                },
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }

    /// Whether to fill in an advised or optional clause the file does not
    /// hold yet (a required clause is always asked). Coming back into a
    /// clause that was declined asks again.
    fn offer_clause(
        &mut self,
        p: &mut dyn Prompter,
        clause: &Clause,
        kind: &str,
    ) -> Result<bool, WizardError> {
        let lang = self.lang;
        let id = clause.id();
        let Some(profile) = self.library.profile(kind) else {
            return Ok(true);
        };
        let (advised, optional) = (
            profile.advised.iter().any(|a| a == id),
            profile.optional.iter().any(|o| o == id),
        );
        let absent = self.doc.get("clauses").and_then(|c| c.get(id)).is_none();
        if !absent || !(advised || optional) {
            return Ok(true);
        }
        // The quick way leaves optional clauses to the review screen (+),
        // unless the answers call for one (background checks once minors
        // are involved).
        let wanted = self.wanted_by_findings(id);
        if optional && !advised && self.pass == Pass::Required && !wanted {
            return Ok(false);
        }
        let title = clause.title.get(lang);
        let (question, default) = if wanted {
            (
                tr!(
                    lang,
                    "Vos réponses demandent la clause « {title} ». La remplir maintenant ?",
                    "Your answers call for the “{title}” clause. Fill it in now?"
                ),
                true,
            )
        } else if advised {
            (
                tr!(
                    lang,
                    "La clause « {title} » est conseillée. La remplir maintenant ?",
                    "The “{title}” clause is advised. Fill it in now?"
                ),
                true,
            )
        } else {
            (
                tr!(
                    lang,
                    "La clause « {title} » est facultative. La remplir maintenant ?",
                    "The “{title}” clause is optional. Fill it in now?"
                ),
                false,
            )
        };
        Ok(p.confirm(&question, default)?)
    }

    /// Asks every field of a clause, saving after each answer, then shows the
    /// findings that concern it and offers to go straight back. In a quick
    /// first pass, optional questions not yet answered wait for the end.
    pub(super) fn ask_clause(
        &mut self,
        p: &mut dyn Prompter,
        clause: &Clause,
        kind: &str,
        (n, total): (usize, usize),
        mut start: Start,
    ) -> Result<(), WizardError> {
        let lang = self.lang;
        let title = clause.title.get(lang);
        let needed = |w: &Wizard<'a>, field: &crate::library::Field| w.needed(clause, kind, field);
        // A clause with nothing to ask in this pass (the quick way, only
        // optional questions) is passed over without its banner.
        let table = self.doc.get("clauses").and_then(|c| c.get(clause.id()));
        let nothing_to_ask = !clause.fields.iter().any(|f| {
            !self.ignored(clause, f.name())
                && self.pass.asks(
                    needed(self, f),
                    table.and_then(|t| t.get(f.name())).is_some(),
                )
        });
        if nothing_to_ask && start == Start::First {
            return Ok(());
        }
        loop {
            p.show(&tr!(
                lang,
                "\n── Clause {n} sur {total} — {title} ──",
                "\n── Clause {n} of {total} — {title} ──"
            ));
            let mut accepted = Vec::new();
            if start == Start::First {
                p.show(clause.purpose.get(lang).trim());
                accepted = self.offer_usual(p, clause, &needed)?;
            }
            let mut ask = |w: &mut Wizard<'a>, p: &mut dyn Prompter, i: usize| {
                let field = &clause.fields[i];
                if accepted.iter().any(|a| a == field.name()) {
                    return Ok(false);
                }
                // A field another answer makes ineffective is not asked
                // (an answer already there stays; `pacte check` says so).
                if w.ignored(clause, field.name()) {
                    return Ok(false);
                }
                let current = w
                    .doc
                    .get("clauses")
                    .and_then(|c| c.get(clause.id()))
                    .and_then(|t| t.get(field.name()))
                    .cloned();
                let required = needed(w, field);
                if !w.pass.asks(required, current.is_some()) {
                    return Ok(false);
                }
                // A usual answer is offered only where an answer is needed:
                // Enter must never fill an optional field by accident.
                let current = current
                    .or_else(|| required.then(|| w.suggestion(clause.id(), field)).flatten());
                w.answering = Some(vec!["clauses".into(), clause.id().into()]);
                w.in_clause = w.library.clause(clause.id());
                w.last_answer = Some(format!("{title} — {}", short_prompt(field, lang)));
                let answer = w.ask_field(p, field, current.as_ref(), required);
                w.answering = None;
                w.in_clause = None;
                let answer = answer?;
                let table = w.table_mut(&["clauses", clause.id()])?;
                match answer {
                    Some(item) => {
                        table.insert(field.name(), item);
                    }
                    None => {
                        table.remove(field.name());
                    }
                }
                w.save(p)?;
                Ok(true)
            };
            let asked = self.steps(p, clause.fields.len(), start, &mut ask);
            self.drop_if_empty(p, clause.id())?;
            asked?;
            let (findings, errors) = self.findings_for(clause.id());
            if findings.is_empty() {
                return Ok(());
            }
            p.show(&findings);
            // A warning often waits on a later clause (appropriations for a
            // multi-year budget): the quick way shows it and goes on; the
            // review screen keeps it in view.
            if self.pass == Pass::Required && !errors {
                return Ok(());
            }
            let again = p.confirm(
                &tr!(
                    lang,
                    "Revenir sur cette clause pour corriger ?",
                    "Go back to this clause to fix it?"
                ),
                // No by default: a finding this clause cannot clear (it may
                // depend on a later one) must not trap the person in a loop.
                false,
            );
            match again {
                Ok(false) => return Ok(()),
                Ok(true) => start = Start::First,
                Err(Stop::Back) => start = Start::Last,
                Err(e) => return Err(e.into()),
            }
        }
    }

    /// Removes a clause table left empty (an optional clause with no answers).
    fn drop_if_empty(&mut self, p: &mut dyn Prompter, id: &str) -> Result<(), WizardError> {
        let empty = self
            .doc
            .get("clauses")
            .and_then(|c| c.get(id))
            .and_then(Item::as_table)
            .is_some_and(Table::is_empty);
        if empty {
            if let Some(clauses) = self.doc.get_mut("clauses").and_then(Item::as_table_mut) {
                clauses.remove(id);
            }
            self.save(p)?;
        }
        Ok(())
    }
}
