//! Fewer keystrokes for lists of entries and usual values. A new list whose
//! entries go one per party (undertakings, contributions, seats, contacts)
//! or one per value a coverage rule wants (the three audits, the three
//! officers) is walked: the party or value is filled in, the rest asked,
//! and an empty first answer means « no entry for this one ». A clause
//! whose required questions have usual answers offers them together.

use super::{Pass, Prompter, Start, Stop, Wizard, WizardError};
use crate::lang::{Lang, Text};
use crate::library::{Clause, Field, FieldKind, contract};
use crate::tr;
use toml_edit::{Item, Table};

impl<'a> Wizard<'a> {
    /// The clause being answered.
    pub(super) fn clause_answered(&self) -> Option<&'a Clause> {
        self.in_clause
    }

    /// Whether the quick pass leaves out an optional detail of an entry:
    /// one pacte does not compute with (a contact's phone), or a yes/no or
    /// a text whose absence pacte reads as the usual case (a seat votes
    /// unless said otherwise; a cash contribution may pay any expense
    /// unless `cash_pays` says otherwise). A count it computes with (women
    /// on the board) is asked.
    pub(super) fn skips_detail(&self, list: &Field, sub: &Field) -> bool {
        if self.pass != Pass::Required || sub.required {
            return false;
        }
        let path = format!("{}.{}", list.name(), sub.name());
        let need = self.clause_answered().and_then(|c| {
            contract::NEEDS
                .iter()
                .find(|n| n.clause == c.id() && n.path == path)
        });
        match need {
            None => true,
            Some(n) => {
                n.optional
                    && matches!(
                        sub.kind,
                        FieldKind::Boolean | FieldKind::Text | FieldKind::LongText
                    )
            }
        }
    }

    /// Whether a detail of an entry waits for a sibling answer the entry
    /// does not have: « what this cash pays » is not asked of a party that
    /// pays no cash.
    pub(super) fn waits_for_sibling(&self, list: &Field, sub: &Field, entry: &Table) -> bool {
        let Some(clause) = self.clause_answered() else {
            return false;
        };
        let path = format!("{}.{}", list.name(), sub.name());
        let prefix = format!("{}.", list.name());
        contract::QUALIFIES.iter().any(|(detail, of)| {
            detail.clause == clause.id()
                && detail.path == path
                && of
                    .path
                    .strip_prefix(&prefix)
                    .is_some_and(|sibling| !entry.contains_key(sibling))
        })
    }

    /// What a new list of entries can be walked through: the key sub-field,
    /// its values and how to name them.
    fn walk_keys(&self, field: &Field) -> Option<(String, Vec<(String, String)>)> {
        let clause = self.clause_answered()?;
        if let Some(rule) = clause
            .coverage
            .iter()
            .find(|r| r.field.get_ref() == field.name())
        {
            let key = field.subfield(&rule.key)?;
            let values = rule
                .values
                .iter()
                .map(|v| {
                    let label = key.choice(v).map_or(v.as_str(), |c| c.label(self.lang));
                    (v.clone(), label.to_string())
                })
                .collect();
            return Some((rule.key.clone(), values));
        }
        let key = field
            .fields
            .iter()
            .find(|f| f.kind == FieldKind::Party && f.required)?;
        let (ids, labels) = self.party_choices();
        let values = ids
            .into_iter()
            .zip(labels)
            .map(|(id, label)| {
                let short = label
                    .rsplit_once(" (")
                    .map_or(id.clone(), |(s, _)| s.to_string());
                (id, short)
            })
            .collect::<Vec<_>>();
        (!values.is_empty()).then(|| (key.name().to_string(), values))
    }

    /// Walks a new list: one entry per party or value, each named before
    /// its questions. « Back » at an entry's first question re-asks the
    /// previous entry; at the first, it is returned. `None` when the list
    /// cannot be walked.
    pub(super) fn walk(
        &mut self,
        p: &mut dyn Prompter,
        field: &Field,
    ) -> Result<Option<Vec<Table>>, WizardError> {
        let Some((key, values)) = self.walk_keys(field) else {
            return Ok(None);
        };
        let lang = self.lang;
        let title = field.prompt(lang).trim_end_matches([' ', '?', ':']);
        p.show(&match lang {
            Lang::Fr => format!("{title} :"),
            Lang::En => format!("{title}:"),
        });
        // One slot per value: its entry, or none.
        let mut slots: Vec<Option<Table>> = vec![None; values.len()];
        let mut at = 0;
        while let Some((value, label)) = values.get(at) {
            p.show(&format!("  {label}"));
            let table = slots[at].clone().unwrap_or_else(|| {
                let mut t = Table::new();
                t.insert(&key, toml_edit::value(value.clone()));
                t
            });
            match self.walk_entry(p, field, &key, label, table) {
                Ok(entry) => {
                    slots[at] = entry;
                    let records: Vec<Table> = slots.iter().flatten().cloned().collect();
                    self.save_records(p, field, &records)?;
                    at += 1;
                }
                Err(WizardError::Back) if at == 0 => return Err(WizardError::Back),
                Err(WizardError::Back) => at -= 1,
                Err(e) => return Err(e),
            }
        }
        let records: Vec<Table> = slots.into_iter().flatten().collect();
        if records.is_empty() {
            p.show(&tr!(
                lang,
                "  (aucune entrée : ajoutez-en au moins une)",
                "  (no entries: add at least one)"
            ));
        }
        Ok(Some(records))
    }

    /// One entry of a walk; its first question may be left empty to make no
    /// entry for this party or value.
    fn walk_entry(
        &mut self,
        p: &mut dyn Prompter,
        field: &Field,
        key: &str,
        label: &str,
        mut table: Table,
    ) -> Result<Option<Table>, WizardError> {
        let subs: Vec<&Field> = field.fields.iter().filter(|f| f.name() != key).collect();
        let mut skipped = false;
        let mut ask = |w: &mut Wizard<'a>, p: &mut dyn Prompter, i: usize| {
            let sub = subs[i];
            if i > 0 && skipped {
                return Ok(false);
            }
            if w.skips_detail(field, sub)
                || (!table.contains_key(sub.name()) && w.waits_for_sibling(field, sub, &table))
            {
                return Ok(false);
            }
            // The entry's first question names whom it is for; when it is
            // required, leaving it empty makes no entry for this one.
            let (asked, required) = if i == 0 && sub.required {
                let mut named = sub.clone();
                let prompt = |l: Lang| {
                    let original = sub.prompt(l).trim_end_matches([' ', '?', ':', '\u{a0}']);
                    format!("{label} — {original}")
                };
                named.prompt = Some(Text {
                    fr: prompt(Lang::Fr),
                    en: prompt(Lang::En),
                });
                (named, false)
            } else {
                (sub.clone(), sub.required)
            };
            let current = table.get(sub.name()).cloned();
            if i == 0 && sub.required {
                w.when_empty = Some(tr!(
                    w.lang,
                    "vide : aucune entrée pour {label}",
                    "empty: no entry for {label}"
                ));
            }
            let answer = w.ask_field(p, &asked, current.as_ref(), required);
            w.when_empty = None;
            match answer? {
                Some(item) => {
                    table.insert(sub.name(), item);
                }
                None if i == 0 && sub.required => skipped = true,
                None => {
                    table.remove(sub.name());
                }
            }
            Ok(true)
        };
        // An entry's answers are not stored on their own: the walk saves the
        // list once the entry is complete.
        let answering = self.answering.take();
        let asked = self.steps(p, subs.len(), Start::First, &mut ask);
        self.answering = answering;
        asked?;
        Ok((!skipped).then_some(table))
    }

    /// The quick pass: a clause's required questions that have a usual
    /// answer, offered together (« préavis de 90 jours ; 30 jours pour
    /// remédier : les garder ? »). Returns the fields accepted.
    pub(super) fn offer_usual(
        &mut self,
        p: &mut dyn Prompter,
        clause: &Clause,
        required: &dyn Fn(&Wizard<'a>, &Field) -> bool,
    ) -> Result<Vec<String>, WizardError> {
        let lang = self.lang;
        if self.pass != Pass::Required {
            return Ok(Vec::new());
        }
        let table = self.doc.get("clauses").and_then(|c| c.get(clause.id()));
        let usual: Vec<(&Field, Item)> = clause
            .fields
            .iter()
            .filter(|f| !self.ignored(clause, f.name()) && required(self, f))
            .filter(|f| table.and_then(|t| t.get(f.name())).is_none())
            .filter_map(|f| Some((f, self.suggestion(clause.id(), f)?)))
            .collect();
        if usual.len() < 2 {
            return Ok(Vec::new());
        }
        let lines: Vec<String> = usual
            .iter()
            .filter_map(|(f, item)| {
                let words = self.value_words(item.as_value()?, Some(f));
                Some(format!("  • {} : {words}", f.label(lang)))
            })
            .collect();
        p.show(&tr!(
            lang,
            "Réponses usuelles pour cette clause :",
            "Usual answers for this clause:"
        ));
        p.show(&lines.join("\n"));
        let keep = p.confirm(
            &tr!(
                lang,
                "Les garder (vous pourrez les changer dans pacte edit) ?",
                "Keep them (you can change them in pacte edit)?"
            ),
            true,
        );
        match keep {
            Ok(true) => {}
            Ok(false) => return Ok(Vec::new()),
            Err(Stop::Back) => return Err(WizardError::Back),
            Err(e) => return Err(e.into()),
        }
        let names: Vec<String> = usual.iter().map(|(f, _)| f.name().to_string()).collect();
        let target = self.table_mut(&["clauses", clause.id()])?;
        for (f, item) in usual {
            target.insert(f.name(), item);
        }
        self.last_answer = Some(clause.title.get(lang).to_string());
        self.save(p)?;
        Ok(names)
    }
}
