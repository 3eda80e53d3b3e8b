//! Asking one field by its kind: a choice from a list, yes or no, a party,
//! a list of texts, a record, a list of records (add, edit, remove), or a
//! typed answer checked as `pacte check` would check it.

use super::prompter::Prompter;
use super::{Pass, Start, Stop, TextQuestion, Wizard, WizardError, answer, parse_answer};
use crate::field::check_literal;
use crate::lang::Lang;
use crate::library::{Field, FieldKind};
use crate::tr;
use toml_edit::{ArrayOfTables, InlineTable, Item, Table, Value};

impl<'a> Wizard<'a> {
    /// Asks one field; `None` when an optional field is skipped.
    pub(super) fn ask_field(
        &mut self,
        p: &mut dyn Prompter,
        field: &Field,
        current: Option<&Item>,
        required: bool,
    ) -> Result<Option<Item>, WizardError> {
        let lang = self.lang;
        let prompt = field.prompt(lang).to_string();
        let help = field.help(lang).to_string();
        let optional = !required;
        let item = match field.kind {
            FieldKind::Choice => {
                let mut items: Vec<String> = field
                    .choices
                    .iter()
                    .map(|c| c.label(lang).to_string())
                    .collect();
                if optional {
                    items.push(tr!(lang, "(passer)", "(skip)"));
                }
                let default = current
                    .and_then(Item::as_str)
                    .and_then(|v| field.choices.iter().position(|c| c.value == v));
                let i = p.select(&prompt, &help, &items, default)?;
                field
                    .choices
                    .get(i)
                    .map(|c| toml_edit::value(c.value.clone()))
            }
            // Yes or no typed in the interface language, ended by Enter:
            // « [O/n] » with the current answer, « [o/n] » without, when
            // Enter alone must not answer for the person.
            FieldKind::Boolean => {
                let default = current.and_then(Item::as_bool);
                let hint = match default {
                    Some(d) => answer::yes_no_hint(d, lang).to_string(),
                    None => tr!(lang, "[o/n]", "[y/n]"),
                };
                let question = format!("{prompt} {hint}");
                let refusal = tr!(
                    lang,
                    "répondez o (oui) ou n (non)",
                    "answer y (yes) or n (no)"
                );
                let validate = |input: &str| -> Result<(), String> {
                    match input.trim() {
                        "" => Err(refusal.clone()),
                        typed => answer::yes_no(typed, false, lang)
                            .map(|_| ())
                            .ok_or_else(|| refusal.clone()),
                    }
                };
                let shown = default.map(|b| lang.yes_no(b));
                let q = TextQuestion {
                    prompt: &question,
                    help: &help,
                    default: shown,
                    optional,
                    long: false,
                    when_empty: None,
                    validate: &validate,
                };
                p.text(&q)?
                    .and_then(|a| answer::yes_no(&a, default.unwrap_or(false), lang))
                    .map(toml_edit::value)
            }
            FieldKind::Party => {
                let (ids, mut labels) = self.party_choices();
                if ids.is_empty() {
                    return Ok(None);
                }
                if optional {
                    labels.push(tr!(lang, "(passer)", "(skip)"));
                }
                let default = current
                    .and_then(Item::as_str)
                    .and_then(|v| ids.iter().position(|i| i == v));
                let i = p.select(&prompt, &help, &labels, default)?;
                ids.get(i).map(|id| toml_edit::value(id.clone()))
            }
            FieldKind::Parties => {
                let (ids, labels) = self.party_choices();
                let chosen: Vec<&str> = current
                    .and_then(Item::as_array)
                    .map(|a| a.iter().filter_map(Value::as_str).collect())
                    .unwrap_or_default();
                let defaults: Vec<bool> =
                    ids.iter().map(|i| chosen.contains(&i.as_str())).collect();
                let picked = p.multi_select(&prompt, &labels, &defaults)?;
                let array: toml_edit::Array = picked
                    .iter()
                    .filter_map(|&i| ids.get(i))
                    .map(|s| Value::from(s.as_str()))
                    .collect();
                (!array.is_empty() || required).then(|| toml_edit::value(array))
            }
            FieldKind::TextList => {
                let mut items = toml_edit::Array::new();
                // Items as written: a text, or a table of languages whose
                // other languages are kept when the item is revised.
                let existing: Vec<Value> = current
                    .and_then(Item::as_array)
                    .map(|a| a.iter().cloned().collect())
                    .unwrap_or_default();
                let original = self.original_language().code();
                let translated = |v: &Value| translations_of(&Item::Value(v.clone()));
                loop {
                    let default = existing.get(items.len()).and_then(|v| match translated(v) {
                        Some(t) => t.get(original).and_then(Value::as_str).map(str::to_string),
                        None => v.as_str().map(str::to_string),
                    });
                    // A required list's first item cannot be left empty, and
                    // its question does not say so.
                    let must = required && items.is_empty();
                    let q = tr!(
                        lang,
                        "{prompt} — élément {}",
                        "{prompt} — item {}",
                        items.len() + 1
                    );
                    let finish = tr!(lang, "vide pour terminer", "empty to finish");
                    let no_check = |_: &str| Ok(());
                    let answer = p.text(&TextQuestion {
                        prompt: &q,
                        help: &help,
                        default: default.as_deref(),
                        optional: !must,
                        long: false,
                        when_empty: (!must).then_some(finish.as_str()),
                        validate: &no_check,
                    });
                    // « Back » re-asks the previous item; before the first,
                    // the previous question.
                    let answer = match answer {
                        Err(Stop::Back) if !items.is_empty() => {
                            items.remove(items.len() - 1);
                            continue;
                        }
                        other => other?,
                    };
                    match answer {
                        Some(a) if !a.trim().is_empty() => {
                            let mut t = existing
                                .get(items.len())
                                .and_then(translated)
                                .unwrap_or_default();
                            t.insert(original, Value::from(a.trim()));
                            // The item in each other promised language.
                            for other in self.editions_to_write(field) {
                                let current = t.get(other.code()).and_then(Value::as_str);
                                match self.ask_translation(p, field, other, current, &no_check)? {
                                    Some(text) => t.insert(other.code(), Value::from(text)),
                                    None => t.remove(other.code()),
                                };
                            }
                            if t.len() > 1 {
                                items.push(Value::InlineTable(t));
                            } else {
                                items.push(a.trim());
                            }
                        }
                        _ if items.is_empty() && required => continue,
                        _ => break,
                    }
                }
                (!items.is_empty()).then(|| toml_edit::value(items))
            }
            FieldKind::Record => {
                let mut table = current
                    .and_then(Item::as_inline_table)
                    .cloned()
                    .unwrap_or_default();
                let mut ask = |w: &mut Wizard<'a>, p: &mut dyn Prompter, i: usize| {
                    let sub = &field.fields[i];
                    let cur = table.get(sub.name()).map(|v| Item::Value(v.clone()));
                    match w.ask_field(p, sub, cur.as_ref(), sub.required)? {
                        Some(Item::Value(v)) => {
                            table.insert(sub.name(), v);
                        }
                        _ => {
                            table.remove(sub.name());
                        }
                    }
                    Ok(true)
                };
                self.steps(p, field.fields.len(), Start::First, &mut ask)?;
                Some(toml_edit::value(table))
            }
            FieldKind::Records => return self.ask_records(p, field, current, required),
            _ => {
                // An answer written in several languages: the wizard edits
                // the convention's own and keeps the others as they are.
                let translations = current.and_then(|c| self.translations(c));
                let original = self.original_language().code();
                let default = match &translations {
                    Some(t) => t.get(original).and_then(Value::as_str).map(str::to_string),
                    None => current.and_then(Item::as_value).map(plain_text),
                };
                let kind = field.kind;
                let validate = |input: &str| -> Result<(), String> {
                    let value = parse_answer(kind, input, lang)?;
                    check_value(field, &value, lang)
                };
                let q = TextQuestion {
                    prompt: &prompt,
                    help: &help,
                    default: default.as_deref(),
                    optional,
                    long: kind == FieldKind::LongText,
                    when_empty: self.when_empty.as_deref(),
                    validate: &validate,
                };
                match p.text(&q)? {
                    Some(answer) => {
                        let value = parse_answer(kind, &answer, lang).map_err(WizardError::Io)?;
                        // Said back in words, so that a misreading shows at once.
                        if let Some(words) = answer::echo(kind, &value, &self.currency(), lang) {
                            p.show(&format!("  → {words}"));
                        }
                        let mut texts = translations.unwrap_or_default();
                        texts.insert(original, value.clone());
                        // The other editions the convention promises: the
                        // same question in each language.
                        for other in self.editions_to_write(field) {
                            let current = texts.get(other.code()).and_then(Value::as_str);
                            // Empty without a text keeps none (to translate
                            // later); `-` erases the one there was.
                            match self.ask_translation(p, field, other, current, &validate)? {
                                Some(text) => texts.insert(other.code(), Value::from(text)),
                                None => texts.remove(other.code()),
                            };
                        }
                        Some(Item::Value(if texts.len() > 1 {
                            Value::InlineTable(texts)
                        } else {
                            value
                        }))
                    }
                    // Emptied (or erased with `-`): the answer goes, in
                    // every language.
                    None => None,
                }
            }
        };
        Ok(item)
    }

    /// A list of records (board seats, budget lines): add, edit, remove.
    fn ask_records(
        &mut self,
        p: &mut dyn Prompter,
        field: &Field,
        current: Option<&Item>,
        required: bool,
    ) -> Result<Option<Item>, WizardError> {
        let lang = self.lang;
        let mut records = records_of(current);
        let prompt = field.prompt(lang).to_string();
        let help = field.help(lang).to_string();
        // The quick way walks a new list (one entry per party or value) and
        // goes on; more entries are added from the list's menu, reached from
        // the review screen or `pacte edit`.
        if self.pass == Pass::Required
            && records.is_empty()
            && required
            && self.answering.is_some()
            && let Some(walked) = self.walk(p, field)?
        {
            records = walked;
            if !records.is_empty() {
                return Ok(Some(Item::ArrayOfTables(records.into_iter().collect())));
            }
        }
        loop {
            let summaries: Vec<String> = records.iter().map(|r| self.summarize(field, r)).collect();
            let add = tr!(lang, "Ajouter une entrée", "Add an entry");
            let items = list_menu(add, &summaries, lang);
            let shown = if records.is_empty() {
                tr!(lang, "aucune entrée", "no entries")
            } else {
                summaries.join(" ; ")
            };
            let q = format!("{prompt} [{shown}]");
            // An empty list defaults to adding an entry only when one is
            // needed; otherwise Enter moves on.
            let default = if records.is_empty() && required {
                0
            } else {
                items.len() - 1
            };
            let choice = p.select(&q, &help, &items, Some(default))?;
            let n = records.len();
            // « Back » at an entry's first question leaves the list as it was.
            if choice == 0 {
                match self.ask_record(p, field, None) {
                    Ok(record) => records.push(record),
                    Err(WizardError::Back) => continue,
                    Err(e) => return Err(e),
                }
                self.save_records(p, field, &records)?;
            } else if choice <= n {
                match self.ask_record(p, field, Some(&records[choice - 1])) {
                    Ok(edited) => records[choice - 1] = edited,
                    Err(WizardError::Back) => continue,
                    Err(e) => return Err(e),
                }
                self.save_records(p, field, &records)?;
            } else if choice <= 2 * n {
                records.remove(choice - n - 1);
                self.save_records(p, field, &records)?;
            } else if records.is_empty() && required {
                p.show(&tr!(
                    lang,
                    "Ce champ est obligatoire : ajoutez au moins une entrée.",
                    "This field is required: add at least one entry."
                ));
            } else {
                break;
            }
        }
        if records.is_empty() {
            return Ok(None);
        }
        let mut array = ArrayOfTables::new();
        for r in records {
            array.push(r);
        }
        Ok(Some(Item::ArrayOfTables(array)))
    }

    /// Stores a list of records where the clause being answered lives and
    /// saves: a finished entry (a board seat, a budget line) is on disk as
    /// soon as it is complete, not only when the person picks "done".
    pub(super) fn save_records(
        &mut self,
        p: &mut dyn Prompter,
        field: &Field,
        records: &[Table],
    ) -> Result<(), WizardError> {
        let Some(location) = self.answering.clone() else {
            return Ok(());
        };
        let path: Vec<&str> = location.iter().map(String::as_str).collect();
        let table = self.table_mut(&path)?;
        if records.is_empty() {
            table.remove(field.name());
        } else {
            let mut array = ArrayOfTables::new();
            for r in records {
                array.push(r.clone());
            }
            table.insert(field.name(), Item::ArrayOfTables(array));
        }
        self.save(p)
    }

    fn ask_record(
        &mut self,
        p: &mut dyn Prompter,
        field: &Field,
        current: Option<&Table>,
    ) -> Result<Table, WizardError> {
        // The sub-fields of an entry are not stored on their own.
        let answering = self.answering.take();
        let table = self.ask_record_fields(p, field, current);
        self.answering = answering;
        table
    }

    fn ask_record_fields(
        &mut self,
        p: &mut dyn Prompter,
        field: &Field,
        current: Option<&Table>,
    ) -> Result<Table, WizardError> {
        let mut table = current.cloned().unwrap_or_default();
        let mut ask = |w: &mut Wizard<'a>, p: &mut dyn Prompter, i: usize| {
            let sub = &field.fields[i];
            let cur = table.get(sub.name()).cloned();
            if cur.is_none()
                && (w.skips_detail(field, sub) || w.waits_for_sibling(field, sub, &table))
            {
                return Ok(false);
            }
            match w.ask_field(p, sub, cur.as_ref(), sub.required)? {
                Some(item) => {
                    table.insert(sub.name(), item);
                }
                None => {
                    table.remove(sub.name());
                }
            }
            Ok(true)
        };
        self.steps(p, field.fields.len(), Start::First, &mut ask)?;
        Ok(table)
    }

    /// One line describing a record, for the add/edit/remove menu.
    fn summarize(&self, field: &Field, record: &Table) -> String {
        let (ids, labels) = self.party_choices();
        field
            .fields
            .iter()
            .filter_map(|f| {
                let item = record.get(f.name())?;
                let v = item.as_value()?;
                // Written in several languages: the convention's own text.
                let text = self.text_of(item).unwrap_or_else(|| plain_text(v));
                // A party reads better as its short name than as its id, a
                // choice as its label in the interface language, a yes/no
                // as oui/non.
                Some(match (f.kind, ids.iter().position(|id| *id == text)) {
                    (FieldKind::Party, Some(i)) => labels[i]
                        .rsplit_once(" (")
                        .map_or(text.clone(), |(short, _)| short.to_string()),
                    (FieldKind::Choice, _) => f
                        .choice(&text)
                        .map_or(text.clone(), |c| c.label(self.lang).to_string()),
                    (FieldKind::Boolean, _) => match v.as_bool() {
                        Some(b) => self.lang.yes_no(b).to_string(),
                        None => text,
                    },
                    _ => text,
                })
            })
            .take(3)
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The convention's `language` (its texts without a language key are
    /// in it).
    pub(super) fn original_language(&self) -> Lang {
        self.doc
            .get("convention")
            .and_then(|c| c.get("language"))
            .and_then(Item::as_str)
            .and_then(Lang::parse)
            .unwrap_or(Lang::Fr)
    }

    /// The editions besides the convention's own that a free-text answer
    /// is written for: those `languages` promises.
    fn editions_to_write(&self, field: &Field) -> Vec<Lang> {
        if !matches!(
            field.kind,
            FieldKind::Text | FieldKind::LongText | FieldKind::TextList
        ) || !field.translate
            || field.format.is_some()
        {
            return Vec::new();
        }
        let original = self.original_language();
        self.doc
            .get("convention")
            .and_then(|c| c.get("languages"))
            .and_then(Item::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(Value::as_str)
                    .filter_map(Lang::parse)
                    .filter(|l| *l != original)
                    .collect()
            })
            .unwrap_or_default()
    }

    /// One answer's text in another edition's language; empty leaves it to
    /// translate later (`pacte check` lists it, P085).
    fn ask_translation(
        &mut self,
        p: &mut dyn Prompter,
        field: &Field,
        other: Lang,
        current: Option<&str>,
        validate: crate::wizard::prompter::Validator<'_>,
    ) -> Result<Option<String>, WizardError> {
        let lang = self.lang;
        let language = other.name_in(lang);
        let prompt = tr!(
            lang,
            "{} — en {language}",
            "{} — in {language}",
            field
                .prompt(lang)
                .trim_end_matches([' ', '?', ':', '\u{a0}'])
        );
        let later = tr!(
            lang,
            "vide : à traduire plus tard",
            "empty: to translate later"
        );
        let help = tr!(
            lang,
            "La convention promet une édition en {language} : le même texte, dans cette langue.",
            "The agreement promises a {language} edition: the same text, in that language."
        );
        let q = TextQuestion {
            prompt: &prompt,
            help: &help,
            default: current,
            optional: true,
            long: field.kind == FieldKind::LongText,
            when_empty: Some(&later),
            validate,
        };
        Ok(p.text(&q)?
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty()))
    }

    /// An answer's text in the convention's language, whether written as a
    /// string or as a table of languages.
    pub(super) fn text_of(&self, item: &Item) -> Option<String> {
        match self.translations(item) {
            Some(t) => t
                .get(self.original_language().code())
                .and_then(Value::as_str)
                .map(str::to_string),
            None => item.as_str().map(str::to_string),
        }
    }

    /// An answer written as a table of languages (`{ fr = "…", en = "…" }`).
    /// Inline or in dotted keys (`problem.fr = "…"`), read as one table.
    pub(super) fn translations(&self, item: &Item) -> Option<InlineTable> {
        translations_of(item)
    }

    /// The declared parties: their ids, and labels for a list.
    pub(super) fn party_choices(&self) -> (Vec<String>, Vec<String>) {
        let mut ids = Vec::new();
        let mut labels = Vec::new();
        if let Some(parties) = self.doc.get("parties").and_then(Item::as_array_of_tables) {
            for t in parties.iter() {
                if let Some(id) = t.get("id").and_then(Item::as_str) {
                    ids.push(id.to_string());
                    let name = t
                        .get("short_name")
                        .and_then(|n| self.text_of(n))
                        .unwrap_or_else(|| id.to_string());
                    labels.push(format!("{name} ({id})"));
                }
            }
        }
        (ids, labels)
    }
}

/// The menu of a list (entries, parties): add, edit each, remove each,
/// done — in that order, which the callers' indices follow.
pub(super) fn list_menu(add: String, entries: &[String], lang: Lang) -> Vec<String> {
    let mut items = vec![add];
    items.extend(
        entries
            .iter()
            .map(|e| tr!(lang, "Modifier : {e}", "Edit: {e}")),
    );
    items.extend(
        entries
            .iter()
            .map(|e| tr!(lang, "Retirer : {e}", "Remove: {e}")),
    );
    items.push(tr!(lang, "Terminé", "Done"));
    items
}

/// An answer written as a table of languages, inline or in dotted keys.
fn translations_of(item: &Item) -> Option<InlineTable> {
    let table = match item {
        Item::Value(Value::InlineTable(t)) => t.clone(),
        Item::Table(t) => t.clone().into_inline_table(),
        _ => return None,
    };
    let languages = table
        .iter()
        .all(|(k, v)| Lang::parse(k).is_some() && v.as_str().is_some());
    (!table.is_empty() && languages).then_some(table)
}

/// The entries of a list of records as written: `[[…]]` tables or an inline
/// array of tables (`definitions = [{ term = "…" }]`, valid TOML). Read as
/// tables, so that none is lost when the list is revised.
pub(super) fn records_of(item: Option<&Item>) -> Vec<Table> {
    match item {
        Some(Item::ArrayOfTables(a)) => a.iter().cloned().collect(),
        Some(Item::Value(Value::Array(a))) => a
            .iter()
            .filter_map(Value::as_inline_table)
            .map(|t| t.clone().into_table())
            .collect(),
        _ => Vec::new(),
    }
}

/// A TOML value as a person would type it (the default of a text prompt).
fn plain_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.value().clone(),
        other => other.to_string().trim().to_string(),
    }
}
/// A field's question, short enough to name it in one line: « Préambule —
/// Quel problème ou quel besoin le partenariat vient-il résoudre ».
pub(super) fn short_prompt(field: &Field, lang: Lang) -> String {
    let prompt = field
        .prompt(lang)
        .trim()
        .trim_end_matches(['?', ' ', '\u{a0}', ':']);
    match prompt.char_indices().nth(70) {
        Some((at, _)) => format!("{}…", &prompt[..at]),
        None => prompt.to_string(),
    }
}
/// Runs a candidate value through the same typing as `pacte check`.
/// The refusal speaks in the question's words: the field is named by its
/// label (« Budget total du partenariat »), never by its key in the file.
pub fn check_value(field: &Field, value: &Value, lang: Lang) -> Result<(), String> {
    check_literal(field, &value.to_string(), lang).map_err(|d| {
        let key = format!("`{}`", field.name());
        let named = match lang {
            Lang::Fr => format!("« {} »", field.label(lang)),
            Lang::En => format!("“{}”", field.label(lang)),
        };
        let plain = |s: &str| s.replace(&key, &named);
        format!("{} — {}", plain(&d.message), plain(&d.help))
    })
}
