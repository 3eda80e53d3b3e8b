//! The header and the parties: asked by `pacte new`, and in `pacte edit`
//! revisited like any clause — every header field with its current answer,
//! parties added, edited and removed — with the checks that concern them
//! shown right after.

use super::{Prompter, Start, Stop, Wizard, WizardError, short_prompt};
use crate::library::Field;
use crate::tr;
use toml_edit::{Item, Table};

impl<'a> Wizard<'a> {
    /// The header's fields; with `always`, even when every one is answered
    /// (`pacte edit`'s « En-tête »). « Back » at its first question is
    /// returned to the caller.
    pub(super) fn ask_header(
        &mut self,
        p: &mut dyn Prompter,
        always: bool,
        start: Start,
    ) -> Result<(), WizardError> {
        let lang = self.lang;
        let fields: Vec<Field> = self
            .library
            .header_fields()
            .iter()
            // Set by `pacte new` before the header, or by hand.
            .filter(|f| !matches!(f.name(), "kind" | "language" | "languages"))
            .cloned()
            .collect();
        let missing = fields.iter().any(|f| {
            f.required
                && self
                    .doc
                    .get("convention")
                    .and_then(|c| c.get(f.name()))
                    .is_none()
        });
        if !always
            && !missing
            && self
                .doc
                .get("convention")
                .is_some_and(|c| c.get("end_date").is_some() || c.get("duration_months").is_some())
        {
            return Ok(());
        }
        p.show(&tr!(
            lang,
            "\n── En-tête de la convention ──",
            "\n── Agreement header ──"
        ));
        let mut ask = |w: &mut Wizard<'a>, p: &mut dyn Prompter, i: usize| {
            let field = &fields[i];
            let current = w
                .doc
                .get("convention")
                .and_then(|c| c.get(field.name()))
                .cloned();
            // The term: an end date, or else a duration.
            let required = match field.name() {
                "end_date" => false,
                "duration_months" => w
                    .doc
                    .get("convention")
                    .and_then(|c| c.get("end_date"))
                    .is_none(),
                _ => field.required,
            };
            if field.name() == "duration_months" && !required {
                return Ok(false);
            }
            // The end date is how the term is given unless a duration is:
            // never left for later.
            if !w
                .pass
                .asks(required || field.name() == "end_date", current.is_some())
            {
                return Ok(false);
            }
            // A usual answer is offered only where an answer is needed:
            // Enter must never fill an optional field by accident.
            let default = current.or_else(|| {
                required
                    .then(|| super::suggest::library_suggestion(field))
                    .flatten()
            });
            let answer = loop {
                let answer = w.ask_field(p, field, default.as_ref(), required)?;
                // The end must follow the start: said at once, not after
                // the currency.
                if field.name() == "end_date"
                    && let Some(problem) = w.end_before_start(answer.as_ref())
                {
                    p.show(&problem);
                    continue;
                }
                break answer;
            };
            let header = w.table_mut(&["convention"])?;
            match answer {
                Some(item) => {
                    // The term is an end date or a duration, not both: the
                    // end date just given replaces a duration.
                    if field.name() == "end_date" {
                        header.remove("duration_months");
                    }
                    header.insert(field.name(), item);
                }
                // An answer emptied is removed, not kept behind the person's back.
                None => {
                    header.remove(field.name());
                }
            }
            w.save(p)?;
            Ok(true)
        };
        self.steps(p, fields.len(), start, &mut ask)
    }

    /// Why an end date cannot be taken: on or before the effective date.
    fn end_before_start(&self, end: Option<&Item>) -> Option<String> {
        let date = |item: &Item| {
            let d = item.as_value()?.as_datetime()?.date?;
            chrono::NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
        };
        let end = date(end?)?;
        let start = date(self.doc.get("convention")?.get("effective_date")?)?;
        (end <= start).then(|| {
            let (s, e) = (
                crate::format::date(start, self.lang),
                crate::format::date(end, self.lang),
            );
            tr!(
                self.lang,
                "✗ La convention finirait le {e}, avant ou le jour même de son entrée en vigueur ({s}) : donnez une date de fin postérieure.",
                "✗ The agreement would end on {e}, on or before its effective date ({s}): give a later end date."
            )
        })
    }

    /// The parties of `pacte new` (or of a file with fewer than two): each
    /// party's questions, then « another party? ». « Back » walks back
    /// through the parties; before the first, it is returned to the caller.
    pub(super) fn ask_parties(&mut self, p: &mut dyn Prompter) -> Result<(), WizardError> {
        let lang = self.lang;
        p.show(&tr!(
            lang,
            "\n── Parties ── (au moins deux)",
            "\n── Parties ── (at least two)"
        ));
        let mut at = self.party_count();
        let mut start = Start::First;
        loop {
            let count = self.party_count();
            if at >= count {
                if count >= 2 {
                    match p.confirm(
                        &tr!(lang, "Ajouter une autre partie ?", "Add another party?"),
                        false,
                    ) {
                        Ok(false) => return Ok(()),
                        Ok(true) => {}
                        Err(Stop::Back) => {
                            at = count - 1;
                            start = Start::Last;
                            continue;
                        }
                        Err(e) => return Err(e.into()),
                    }
                }
                // Added in memory now, on disk with its first answer.
                self.parties_mut()?.push(Table::new());
                at = count;
                start = Start::First;
            }
            match self.ask_party(p, at, start) {
                Ok(()) => {
                    at += 1;
                    start = Start::First;
                }
                Err(WizardError::Back) => {
                    // A party left without any answer is not kept.
                    let empty = self.parties_mut()?.get(at).is_some_and(|t| t.is_empty());
                    if empty {
                        self.parties_mut()?.remove(at);
                    }
                    if at == 0 {
                        return Err(WizardError::Back);
                    }
                    at -= 1;
                    start = Start::Last;
                }
                Err(e) => return Err(e),
            }
        }
    }

    /// Every party in the file, by its short name and id, for a menu.
    fn party_labels(&self) -> Vec<String> {
        self.doc
            .get("parties")
            .and_then(Item::as_array_of_tables)
            .map(|a| {
                a.iter()
                    .map(|t| {
                        let id = t.get("id").and_then(Item::as_str).unwrap_or("?");
                        let short = t
                            .get("short_name")
                            .and_then(|n| self.text_of(n))
                            .unwrap_or_else(|| id.to_string());
                        format!("{short} ({id})")
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The parties menu: add, edit, remove, then the checks on the parties.
    pub(super) fn edit_parties(&mut self, p: &mut dyn Prompter) -> Result<(), WizardError> {
        let lang = self.lang;
        loop {
            let labels = self.party_labels();
            let n = labels.len();
            let add = tr!(lang, "Ajouter une partie", "Add a party");
            let items = super::ask::list_menu(add, &labels, lang);
            let help = tr!(
                lang,
                "Les réponses actuelles sont proposées par défaut ; un retrait vous est confirmé avant d'être enregistré.",
                "Current answers are offered as defaults; a removal is confirmed before it is saved."
            );
            let choice = p.select(
                &tr!(lang, "Parties ({n})", "Parties ({n})"),
                &help,
                &items,
                Some(items.len() - 1),
            )?;
            // « Back » inside a party returns to this menu.
            let asked = if choice == 0 {
                self.add_party(p)
            } else if choice <= n {
                self.ask_party(p, choice - 1, Start::First)
            } else {
                Ok(())
            };
            match asked {
                Ok(()) | Err(WizardError::Back) => {}
                Err(e) => return Err(e),
            }
            if choice <= n {
                continue;
            } else if choice <= 2 * n {
                let label = &labels[choice - n - 1];
                if p.confirm(
                    &tr!(
                        lang,
                        "Retirer {label} de la convention ? Ses mentions dans les clauses resteront à corriger.",
                        "Remove {label} from the agreement? Its mentions in the clauses will remain to be fixed."
                    ),
                    false,
                )? {
                    self.parties_mut()?.remove(choice - n - 1);
                    self.last_answer = Some(tr!(lang, "retrait de {label}", "removal of {label}"));
                    self.save(p)?;
                }
            } else {
                break;
            }
        }
        self.show_header_and_party_findings(p);
        Ok(())
    }

    /// Asks every field of one more party, saving each answer.
    fn add_party(&mut self, p: &mut dyn Prompter) -> Result<(), WizardError> {
        let index = self.party_count();
        self.parties_mut()?.push(Table::new());
        let asked = self.ask_party(p, index, Start::First);
        // « Back » before any answer adds nothing.
        if matches!(asked, Err(WizardError::Back))
            && self.parties_mut()?.get(index).is_some_and(|t| t.is_empty())
        {
            self.parties_mut()?.remove(index);
        }
        asked
    }

    /// Asks every field of the party at `index`, its answers as defaults.
    pub(super) fn ask_party(
        &mut self,
        p: &mut dyn Prompter,
        index: usize,
        start: Start,
    ) -> Result<(), WizardError> {
        let lang = self.lang;
        p.show(&tr!(lang, "Partie {} :", "Party {}:", index + 1));
        // The id is made from the short name, so it comes after it.
        let mut fields = self.library.party_fields().to_vec();
        if let Some(at) = fields.iter().position(|f| f.name() == "id") {
            let id = fields.remove(at);
            let after = fields
                .iter()
                .position(|f| f.name() == "short_name")
                .map_or(at, |s| s + 1);
            fields.insert(after, id);
        }
        let mut ask = |w: &mut Wizard<'a>, p: &mut dyn Prompter, i: usize| {
            let field = &fields[i];
            let current = w
                .parties_mut()?
                .get(index)
                .and_then(|t| t.get(field.name()))
                .cloned();
            if !w.pass.asks(field.required, current.is_some()) {
                return Ok(false);
            }
            let suggested = w.party_suggestion(index, field.name());
            // A new party's id is not a question: it is made from its
            // short name, and can be changed in `pacte edit`.
            if field.name() == "id"
                && current.is_none()
                && let Some(id) = suggested.clone()
            {
                if let Some(table) = w.parties_mut()?.get_mut(index) {
                    table.insert("id", toml_edit::value(id.clone()));
                }
                p.show(&tr!(
                    lang,
                    "  → identifiant de la partie dans le fichier : {id}",
                    "  → the party's id in the file: {id}"
                ));
                w.save(p)?;
                return Ok(false);
            }
            let renamed_from = (field.name() == "id")
                .then(|| current.as_ref().and_then(Item::as_str).map(str::to_string))
                .flatten();
            let default = current.or_else(|| suggested.map(toml_edit::value));
            let answer = w.ask_field(p, field, default.as_ref(), field.required)?;
            let renamed_to = answer.as_ref().and_then(Item::as_str).map(str::to_string);
            if let Some(table) = w.parties_mut()?.get_mut(index) {
                match answer {
                    Some(item) => {
                        table.insert(field.name(), item);
                    }
                    None => {
                        table.remove(field.name());
                    }
                }
            }
            w.last_answer = Some(tr!(
                lang,
                "partie {} — {}",
                "party {} — {}",
                index + 1,
                short_prompt(field, lang)
            ));
            w.save(p)?;
            if let (Some(old), Some(new)) = (renamed_from, renamed_to)
                && old != new
            {
                w.offer_renaming(p, &old, &new)?;
            }
            Ok(true)
        };
        self.steps(p, fields.len(), start, &mut ask)
    }

    /// A party's id changed: its mentions in the clauses (a seat's party,
    /// the insured parties) would name nobody. Offers to rewrite them.
    fn offer_renaming(
        &mut self,
        p: &mut dyn Prompter,
        old: &str,
        new: &str,
    ) -> Result<(), WizardError> {
        let lang = self.lang;
        let n = self.rename_mentions(old, new, false);
        if n == 0 {
            return Ok(());
        }
        let question = tr!(
            lang,
            "Les clauses nomment « {old} » {n} fois. Les remplacer par « {new} » ?",
            "The clauses name `{old}` {n} times. Replace them with `{new}`?"
        );
        // The id was just answered: « back » asks it again.
        let yes = p.confirm(&question, true)?;
        if yes {
            self.rename_mentions(old, new, true);
            self.last_answer = Some(tr!(lang, "renvois à « {new} »", "mentions of `{new}`"));
            self.save(p)?;
        }
        Ok(())
    }

    /// Counts, and with `apply` rewrites, the answers that name party `old`:
    /// every field of kind party or parties, in clauses, records and lists.
    fn rename_mentions(&mut self, old: &str, new: &str, apply: bool) -> usize {
        let library = self.library;
        let Some(clauses) = self
            .doc
            .get_mut("clauses")
            .and_then(Item::as_table_like_mut)
        else {
            return 0;
        };
        let mut n = 0;
        for (id, table) in clauses.iter_mut() {
            let (Some(clause), Some(table)) = (library.clause(&id), table.as_table_like_mut())
            else {
                continue;
            };
            n += rename_in(&clause.fields, table, old, new, apply);
        }
        n
    }

    /// The header's and the parties' findings, shown right after the section.
    pub(super) fn show_header_and_party_findings(&self, p: &mut dyn Prompter) {
        self.show_findings_of(p, &["convention", "parties"]);
    }

    /// The findings of the given sections (`convention`, `parties`).
    pub(super) fn show_findings_of(&self, p: &mut dyn Prompter, sections: &[&str]) {
        let findings: Vec<_> = self
            .findings_for_header_and_parties()
            .into_iter()
            .filter(|d| super::findings::section_of(d.code).is_some_and(|s| sections.contains(&s)))
            .collect();
        if !findings.is_empty() {
            p.show(&self.plain_findings(&findings));
        }
    }
}

/// The mentions of party `old` among `fields`' answers in `table`.
fn rename_in(
    fields: &[Field],
    table: &mut dyn toml_edit::TableLike,
    old: &str,
    new: &str,
    apply: bool,
) -> usize {
    use crate::library::FieldKind;
    let mut n = 0;
    for field in fields {
        let Some(item) = table.get_mut(field.name()) else {
            continue;
        };
        match (field.kind, item) {
            (FieldKind::Party, Item::Value(v)) if v.as_str() == Some(old) => {
                n += 1;
                if apply {
                    *v = rewritten(v, new);
                }
            }
            (FieldKind::Parties, Item::Value(toml_edit::Value::Array(ids))) => {
                for v in ids.iter_mut().filter(|v| v.as_str() == Some(old)) {
                    n += 1;
                    if apply {
                        *v = rewritten(v, new);
                    }
                }
            }
            (FieldKind::Record, Item::Value(toml_edit::Value::InlineTable(t))) => {
                n += rename_in(&field.fields, t, old, new, apply);
            }
            (FieldKind::Records, Item::ArrayOfTables(records)) => {
                for record in records.iter_mut() {
                    n += rename_in(&field.fields, record, old, new, apply);
                }
            }
            (FieldKind::Records, Item::Value(toml_edit::Value::Array(records))) => {
                for record in records.iter_mut() {
                    if let toml_edit::Value::InlineTable(t) = record {
                        n += rename_in(&field.fields, t, old, new, apply);
                    }
                }
            }
            _ => {}
        }
    }
    n
}

/// `new` in place of a value, keeping the spaces and comment around it.
fn rewritten(v: &toml_edit::Value, new: &str) -> toml_edit::Value {
    let mut replaced = toml_edit::Value::from(new);
    *replaced.decor_mut() = v.decor().clone();
    replaced
}
