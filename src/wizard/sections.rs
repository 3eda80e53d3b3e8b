//! The header and the parties: asked by `pacte new`, and in `pacte edit`
//! revisited like any clause — every header field with its current answer,
//! parties added, edited and removed — with the checks that concern them
//! shown right after.

use super::{Prompter, Wizard, WizardError, short_prompt};
use crate::library::Field;
use crate::tr;
use toml_edit::{Item, Table};

impl Wizard<'_> {
    /// The header's fields; with `always`, even when every one is answered
    /// (`pacte edit`'s « En-tête »).
    pub(super) fn ask_header(
        &mut self,
        p: &mut dyn Prompter,
        always: bool,
    ) -> Result<(), WizardError> {
        let lang = self.lang;
        let fields: Vec<Field> = self
            .library
            .header_fields()
            .iter()
            .filter(|f| !matches!(f.name(), "kind" | "language"))
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
        for field in &fields {
            let current = self
                .doc
                .get("convention")
                .and_then(|c| c.get(field.name()))
                .cloned();
            // The term: an end date, or else a duration.
            let required = match field.name() {
                "end_date" => false,
                "duration_months" => self
                    .doc
                    .get("convention")
                    .and_then(|c| c.get("end_date"))
                    .is_none(),
                _ => field.required,
            };
            if field.name() == "duration_months" && !required {
                continue;
            }
            let answer = self.ask_field(p, field, current.as_ref(), required)?;
            let header = self.table_mut(&["convention"])?;
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
            self.save(p)?;
        }
        Ok(())
    }

    pub(super) fn ask_parties(&mut self, p: &mut dyn Prompter) -> Result<(), WizardError> {
        let lang = self.lang;
        p.show(&tr!(
            lang,
            "\n── Parties ── (au moins deux)",
            "\n── Parties ── (at least two)"
        ));
        loop {
            let n = self.party_count();
            if n >= 2
                && !p.confirm(
                    &tr!(lang, "Ajouter une autre partie ?", "Add another party?"),
                    false,
                )?
            {
                return Ok(());
            }
            p.show(&tr!(lang, "Partie {} :", "Party {}:", n + 1));
            let fields = self.library.party_fields().to_vec();
            // Each answer is saved as it is given: the party's entry is
            // added with its first answer and filled in from there.
            let mut added = false;
            for field in &fields {
                let Some(item) = self.ask_field(p, field, None, field.required)? else {
                    continue;
                };
                let array = self.parties_mut()?;
                if !added {
                    array.push(Table::new());
                    added = true;
                }
                let last = array.len().saturating_sub(1);
                if let Some(table) = array.get_mut(last) {
                    table.insert(field.name(), item);
                }
                self.last_answer = Some(tr!(
                    lang,
                    "partie {} — {}",
                    "party {} — {}",
                    n + 1,
                    short_prompt(field, lang)
                ));
                self.save(p)?;
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
                        let short = t.get("short_name").and_then(Item::as_str).unwrap_or(id);
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
            let mut items = vec![tr!(lang, "Ajouter une partie", "Add a party")];
            items.extend(
                labels
                    .iter()
                    .map(|l| tr!(lang, "Modifier : {l}", "Edit: {l}")),
            );
            items.extend(
                labels
                    .iter()
                    .map(|l| tr!(lang, "Retirer : {l}", "Remove: {l}")),
            );
            items.push(tr!(lang, "Terminé", "Done"));
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
            if choice == 0 {
                self.add_party(p)?;
            } else if choice <= n {
                self.edit_party(p, choice - 1)?;
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
        self.edit_party(p, index)
    }

    /// Asks every field of the party at `index`, its answers as defaults.
    fn edit_party(&mut self, p: &mut dyn Prompter, index: usize) -> Result<(), WizardError> {
        let lang = self.lang;
        p.show(&tr!(lang, "Partie {} :", "Party {}:", index + 1));
        for field in self.library.party_fields().to_vec() {
            let current = self
                .parties_mut()?
                .get(index)
                .and_then(|t| t.get(field.name()))
                .cloned();
            let answer = self.ask_field(p, &field, current.as_ref(), field.required)?;
            if let Some(table) = self.parties_mut()?.get_mut(index) {
                match answer {
                    Some(item) => {
                        table.insert(field.name(), item);
                    }
                    None => {
                        table.remove(field.name());
                    }
                }
            }
            self.last_answer = Some(tr!(
                lang,
                "partie {} — {}",
                "party {} — {}",
                index + 1,
                short_prompt(&field, lang)
            ));
            self.save(p)?;
        }
        Ok(())
    }

    /// The header's and the parties' findings, shown right after the section.
    pub(super) fn show_header_and_party_findings(&self, p: &mut dyn Prompter) {
        let findings = self.findings_for_header_and_parties();
        if !findings.is_empty() {
            p.show(&self.plain_findings(&findings));
        }
    }
}
