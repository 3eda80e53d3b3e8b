//! The interactive wizard behind `pacte new` and `pacte edit`: which question
//! comes next, what is stored, what is re-asked. It talks to a person only
//! through a [`Prompter`], checks every answer with the same code as
//! `pacte check`, and saves the file atomically after every answer, so an
//! interruption loses at most the answer being typed. Files are edited with
//! toml_edit: a hand-edited file keeps its comments, key order and layout.

pub mod answer;
mod lock;
pub mod prompter;
mod saving;

pub use answer::{parse_answer, parse_date};
pub use prompter::{Interrupted, Prompter, ScriptedPrompter, TextQuestion};
use saving::read_convention;
pub use saving::{Unsaved, UnsavedAnswers};

use crate::check::{CheckOptions, check_text};
use crate::diag::{Severity, human};
use crate::field::check_literal;
use crate::lang::Lang;
use crate::library::{Clause, ClauseLibrary, Field, FieldKind};
use crate::tr;
use std::path::{Path, PathBuf};
use toml_edit::{ArrayOfTables, DocumentMut, InlineTable, Item, Table, Value};

/// Why the wizard stopped early.
#[derive(Debug, thiserror::Error)]
pub enum WizardError {
    #[error("interrupted")]
    Interrupted,
    #[error("{0}")]
    Io(String),
}

impl From<Interrupted> for WizardError {
    fn from(_: Interrupted) -> Self {
        WizardError::Interrupted
    }
}

/// A convention being written, and where it is saved.
pub struct Wizard<'a> {
    library: &'a ClauseLibrary,
    /// The interface language.
    lang: Lang,
    path: PathBuf,
    doc: DocumentMut,
    /// The text on disk, as last read or written: a save that would write
    /// the same text is skipped.
    on_disk: Option<String>,
    /// Set while answers that could not be saved wait in a recovery file.
    unsaved: UnsavedAnswers,
    /// Where the clause being answered lives (`["clauses", "conseil"]`), so
    /// that a list of records is saved entry by entry.
    answering: Option<Vec<String>>,
    /// The answer being saved, « clause — field », for the Ctrl-C message.
    last_answer: Option<String>,
    /// The advisory lock that tells a second `pacte edit` who holds the file.
    _lock: Option<lock::EditLock>,
}

impl<'a> Wizard<'a> {
    /// Starts a new convention at `path`; refuses to replace a file unless `force`.
    pub fn create(
        library: &'a ClauseLibrary,
        lang: Lang,
        path: &Path,
        force: bool,
    ) -> Result<Wizard<'a>, String> {
        if path.exists() && !force {
            let shown = path.display();
            return Err(tr!(
                lang,
                "{shown} existe déjà : reprenez-le avec `pacte edit {shown}`, ou utilisez --force pour le remplacer",
                "{shown} already exists: resume it with `pacte edit {shown}`, or use --force to replace it"
            ));
        }
        let lock = lock::EditLock::take(path, lang)?;
        // A file replaced with --force is this session's to overwrite.
        let replaced = crate::input::read_bounded(path, crate::convention::MAX_FILE_BYTES as u64)
            .ok()
            .map(|b| String::from_utf8_lossy(&b).into_owned());
        Ok(Wizard {
            library,
            lang,
            path: path.to_path_buf(),
            doc: DocumentMut::new(),
            on_disk: replaced,
            unsaved: UnsavedAnswers::starting(path.exists()),
            answering: None,
            last_answer: None,
            _lock: lock,
        })
    }

    /// Opens an existing convention, keeping its comments and layout.
    pub fn open(library: &'a ClauseLibrary, lang: Lang, path: &Path) -> Result<Wizard<'a>, String> {
        let shown = path.display();
        let lock = lock::EditLock::take(path, lang)?;
        let text = read_convention(path, lang)?;
        let doc: DocumentMut = text
            .as_str()
            .parse()
            .map_err(|e| tr!(lang, "{shown} n'est pas du TOML valide ; corrigez-le d'abord (pacte check {shown}) : {e}", "{shown} is not valid TOML; fix it first (pacte check {shown}): {e}"))?;
        Ok(Wizard {
            library,
            lang,
            path: path.to_path_buf(),
            doc,
            on_disk: Some(text),
            unsaved: UnsavedAnswers::starting(true),
            answering: None,
            last_answer: None,
            _lock: lock,
        })
    }

    /// A handle telling, at any moment, whether answers wait in a recovery
    /// file because the last save failed.
    pub fn unsaved_answers(&self) -> UnsavedAnswers {
        self.unsaved.clone()
    }

    /// The convention's currency (its header's, else the Canadian dollar).
    fn currency(&self) -> String {
        self.doc
            .get("convention")
            .and_then(|c| c.get("currency"))
            .and_then(Item::as_str)
            .unwrap_or(crate::convention::DEFAULT_CURRENCY)
            .to_string()
    }

    /// The file's current text.
    pub fn text(&self) -> String {
        self.doc.to_string()
    }

    /// `pacte new`: every question, from the kind of convention to the signatures.
    pub fn run_new(
        &mut self,
        p: &mut dyn Prompter,
        kind: Option<&str>,
        doc_lang: Option<Lang>,
    ) -> Result<(), WizardError> {
        let lang = self.lang;
        let kind = match kind {
            Some(k) => k.to_string(),
            None => {
                let profiles: Vec<_> = self.library.profiles().collect();
                let items: Vec<String> = profiles
                    .iter()
                    .map(|pr| format!("{} — {}", pr.title.get(lang), pr.description.get(lang)))
                    .collect();
                let help = tr!(
                    lang,
                    "Le type de convention détermine les clauses à remplir.",
                    "The kind of agreement decides which clauses to fill in."
                );
                let i = p.select(
                    &tr!(lang, "Type de convention", "Kind of agreement"),
                    &help,
                    &items,
                    None,
                )?;
                profiles[i].id.clone()
            }
        };
        if self.library.profile(&kind).is_none() {
            return Err(WizardError::Io(tr!(
                lang,
                "type de convention inconnu « {kind} »",
                "unknown kind of agreement `{kind}`"
            )));
        }
        let doc_lang = match doc_lang {
            Some(l) => l,
            None => {
                let items = vec!["Français".to_string(), "English".to_string()];
                let help = tr!(
                    lang,
                    "La langue dans laquelle la convention sera rédigée.",
                    "The language the agreement is written in."
                );
                if p.select(
                    &tr!(lang, "Langue de la convention", "Language of the agreement"),
                    &help,
                    &items,
                    Some(0),
                )? == 0
                {
                    Lang::Fr
                } else {
                    Lang::En
                }
            }
        };
        let header = self.table_mut(&["convention"])?;
        header.insert("kind", toml_edit::value(kind.clone()));
        header.insert("language", toml_edit::value(doc_lang.code()));
        self.last_answer = Some(tr!(
            lang,
            "type et langue de la convention",
            "kind and language of the agreement"
        ));
        self.save(p)?;
        self.ask_header(p)?;
        self.ask_parties(p)?;
        self.ask_clauses(p, &kind, false)?;
        self.finish(p)
    }

    /// `pacte edit`: shows what is complete, resumes at the first incomplete
    /// clause, then lets the person revisit any clause.
    pub fn run_edit(&mut self, p: &mut dyn Prompter) -> Result<(), WizardError> {
        let lang = self.lang;
        let kind = self
            .doc
            .get("convention")
            .and_then(|c| c.get("kind"))
            .and_then(Item::as_str)
            .map(str::to_string);
        let Some(kind) = kind.filter(|k| self.library.profile(k).is_some()) else {
            return Err(WizardError::Io(tr!(
                lang,
                "le fichier n'indique pas de type de convention connu (kind) ; corrigez [convention] ou lancez `pacte new`",
                "the file names no known kind of agreement (kind); fix [convention] or run `pacte new`"
            )));
        };
        self.ask_header(p)?;
        if self.party_count() < 2 {
            self.ask_parties(p)?;
        }
        p.show(&self.status(&kind));
        self.ask_clauses(p, &kind, true)?;
        loop {
            let ids = self.clause_order(&kind);
            let mut items: Vec<String> = ids
                .iter()
                .filter_map(|id| self.library.clause(id))
                .map(|c| {
                    format!(
                        "{} {}",
                        if self.clause_complete(c, &kind) {
                            "✓"
                        } else {
                            "✗"
                        },
                        c.title.get(lang)
                    )
                })
                .collect();
            items.push(tr!(lang, "Vérifier et terminer", "Check and finish"));
            let help = tr!(
                lang,
                "Choisissez une clause pour la revoir ; vos réponses actuelles sont proposées par défaut.",
                "Choose a clause to revisit; your current answers are offered as defaults."
            );
            let choice = p.select(
                &tr!(lang, "Revoir une clause ?", "Revisit a clause?"),
                &help,
                &items,
                Some(items.len() - 1),
            )?;
            if choice == ids.len() {
                break;
            }
            if let Some(clause) = self.library.clause(&ids[choice]) {
                self.ask_clause(p, clause, &kind, choice + 1, ids.len())?;
            }
        }
        self.finish(p)
    }

    /// Clause ids in the order the wizard asks them: required, then advised.
    fn clause_order(&self, kind: &str) -> Vec<String> {
        let Some(profile) = self.library.profile(kind) else {
            return Vec::new();
        };
        let mut ids: Vec<String> = profile
            .clauses
            .iter()
            .chain(&profile.advised)
            .cloned()
            .collect();
        ids.sort_by_key(|id| self.library.clause(id).map_or(u32::MAX, |c| c.order));
        ids
    }

    /// One line per clause: complete or not.
    fn status(&self, kind: &str) -> String {
        let lang = self.lang;
        let mut out = tr!(lang, "État de la convention :\n", "Agreement status:\n");
        for id in self.clause_order(kind) {
            if let Some(c) = self.library.clause(&id) {
                let mark = if self.clause_complete(c, kind) {
                    "✓"
                } else {
                    "✗"
                };
                out.push_str(&format!("  {mark} {}\n", c.title.get(lang)));
            }
        }
        out
    }

    fn party_count(&self) -> usize {
        match self.doc.get("parties") {
            Some(Item::ArrayOfTables(a)) => a.len(),
            Some(Item::Value(Value::Array(a))) => a.len(),
            _ => 0,
        }
    }

    /// The parties as `[[parties]]` tables, converting an inline array of
    /// tables (`parties = [{ id = "a" }]`, valid TOML) so that answers can be
    /// added to it; anything else cannot hold parties.
    fn parties_mut(&mut self) -> Result<&mut ArrayOfTables, WizardError> {
        let lang = self.lang;
        let item = self
            .doc
            .entry("parties")
            .or_insert(Item::ArrayOfTables(ArrayOfTables::new()));
        if let Item::Value(Value::Array(inline)) = item {
            let mut tables = ArrayOfTables::new();
            for value in inline.iter() {
                let Value::InlineTable(t) = value else {
                    return Err(not_parties(lang));
                };
                tables.push(t.clone().into_table());
            }
            *item = Item::ArrayOfTables(tables);
        }
        item.as_array_of_tables_mut()
            .ok_or_else(|| not_parties(lang))
    }

    /// Whether a clause's required fields are all answered.
    fn clause_complete(&self, clause: &Clause, kind: &str) -> bool {
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
            .filter(|f| f.required || extra.iter().any(|e| e == f.name()))
            .all(|f| table.get(f.name()).is_some())
    }

    fn ask_header(&mut self, p: &mut dyn Prompter) -> Result<(), WizardError> {
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
        if !missing
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
            if let Some(item) = self.ask_field(p, field, current.as_ref(), required)? {
                self.table_mut(&["convention"])?.insert(field.name(), item);
            }
            self.save(p)?;
        }
        Ok(())
    }

    fn ask_parties(&mut self, p: &mut dyn Prompter) -> Result<(), WizardError> {
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

    fn ask_clauses(
        &mut self,
        p: &mut dyn Prompter,
        kind: &str,
        only_incomplete: bool,
    ) -> Result<(), WizardError> {
        let lang = self.lang;
        let ids = self.clause_order(kind);
        let advised: Vec<String> = self
            .library
            .profile(kind)
            .map(|pr| pr.advised.clone())
            .unwrap_or_default();
        for (n, id) in ids.iter().enumerate() {
            let Some(clause) = self.library.clause(id) else {
                continue;
            };
            if only_incomplete && self.clause_complete(clause, kind) {
                continue;
            }
            if advised.contains(id) && self.doc.get("clauses").and_then(|c| c.get(id)).is_none() {
                let title = clause.title.get(lang);
                if !p.confirm(
                    &tr!(
                        lang,
                        "La clause « {title} » est conseillée. La remplir maintenant ?",
                        "The “{title}” clause is advised. Fill it in now?"
                    ),
                    true,
                )? {
                    continue;
                }
            }
            self.ask_clause(p, clause, kind, n + 1, ids.len())?;
        }
        Ok(())
    }

    /// Asks every field of a clause, saving after each answer, then shows the
    /// findings that concern it and offers to go straight back.
    fn ask_clause(
        &mut self,
        p: &mut dyn Prompter,
        clause: &Clause,
        kind: &str,
        n: usize,
        total: usize,
    ) -> Result<(), WizardError> {
        let lang = self.lang;
        let title = clause.title.get(lang);
        loop {
            p.show(&tr!(
                lang,
                "\n── Clause {n} sur {total} — {title} ──",
                "\n── Clause {n} of {total} — {title} ──"
            ));
            p.show(clause.purpose.get(lang).trim());
            let extra = self
                .library
                .profile(kind)
                .and_then(|pr| pr.require_fields.get(clause.id()))
                .cloned()
                .unwrap_or_default();
            for field in &clause.fields {
                let current = self
                    .doc
                    .get("clauses")
                    .and_then(|c| c.get(clause.id()))
                    .and_then(|t| t.get(field.name()))
                    .cloned();
                let required = field.required || extra.iter().any(|e| e == field.name());
                self.answering = Some(vec!["clauses".into(), clause.id().into()]);
                self.last_answer = Some(format!("{title} — {}", short_prompt(field, lang)));
                let answer = self.ask_field(p, field, current.as_ref(), required);
                self.answering = None;
                let answer = answer?;
                let table = self.table_mut(&["clauses", clause.id()])?;
                match answer {
                    Some(item) => {
                        table.insert(field.name(), item);
                    }
                    None => {
                        table.remove(field.name());
                    }
                }
                self.save(p)?;
            }
            self.drop_if_empty(p, clause.id())?;
            let findings = self.findings_for(clause.id());
            if findings.is_empty() {
                return Ok(());
            }
            p.show(&findings);
            if !p.confirm(
                &tr!(
                    lang,
                    "Revenir sur cette clause pour corriger ?",
                    "Go back to this clause to fix it?"
                ),
                true,
            )? {
                return Ok(());
            }
        }
    }

    /// The check's findings (errors and warnings) located in one clause's table.
    fn findings_for(&self, id: &str) -> String {
        let options = CheckOptions {
            lang: self.lang,
            ..Default::default()
        };
        let checked = check_text(&self.path, self.doc.to_string(), self.library, &options);
        let mut report = checked.report;
        let region = self.clause_region(&report, id);
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

    fn clause_region(
        &self,
        report: &crate::diag::FileReport,
        id: &str,
    ) -> Option<std::ops::Range<usize>> {
        let text = report.source.as_ref()?.text();
        let header = format!("[clauses.{id}]");
        let start = text.find(&header)?;
        let rest = &text[start + header.len()..];
        // The region ends where the next clause's table begins.
        let end = rest
            .match_indices("\n[clauses.")
            .find(|(i, _)| {
                !rest[i + 10..].starts_with(&format!("{id}."))
                    && !rest[i + 10..].starts_with(&format!("{id}]"))
            })
            .map_or(text.len(), |(i, _)| start + header.len() + i);
        Some(start..end)
    }

    /// The whole check, then the offer to render.
    fn finish(&mut self, p: &mut dyn Prompter) -> Result<(), WizardError> {
        let lang = self.lang;
        self.save(p)?;
        let options = CheckOptions {
            lang,
            ..Default::default()
        };
        let checked = check_text(&self.path, self.doc.to_string(), self.library, &options);
        let mut out = Vec::new();
        let _ = human::write_report(&mut out, &checked.report, lang, false);
        let shown = self.path.display().to_string();
        if checked.has_errors() {
            p.show(&String::from_utf8_lossy(&out));
            p.show(&tr!(lang, "Convention enregistrée dans {shown}, avec des erreurs : corrigez-les avec `pacte edit {shown}`.", "Agreement saved to {shown}, with errors: fix them with `pacte edit {shown}`."));
            return Ok(());
        }
        p.show(&tr!(
            lang,
            "✓ Convention complète, enregistrée dans {shown}.",
            "✓ Agreement complete, saved to {shown}."
        ));
        let Some(conv) = checked.convention.as_ref() else {
            return Ok(());
        };
        for (ext, question) in [
            (
                "md",
                tr!(
                    lang,
                    "Produire la version Markdown pour révision ?",
                    "Produce the Markdown version for review?"
                ),
            ),
            (
                "pdf",
                tr!(
                    lang,
                    "Produire le PDF à signer ?",
                    "Produce the PDF to sign?"
                ),
            ),
        ] {
            if !p.confirm(&question, true)? {
                continue;
            }
            let out = self.path.with_extension(ext);
            let out_shown = out.display().to_string();
            if crate::output::holds_user_content(&out) {
                p.show(&tr!(lang, "{out_shown} existe et n'a pas été produit par pacte : rien n'est écrit (utilisez `pacte render --force`).", "{out_shown} exists and was not written by pacte: nothing written (use `pacte render --force`)."));
                continue;
            }
            let options = crate::render::RenderOptions::default();
            let bytes = if ext == "md" {
                crate::render::markdown_file(conv, self.library, &checked.report, &options)
                    .map(String::into_bytes)
            } else {
                let timestamp = crate::render::document_timestamp().map_err(WizardError::Io)?;
                crate::render::pdf(
                    conv,
                    self.library,
                    &checked.report,
                    &options,
                    crate::render::PdfOptions {
                        paper: None,
                        timestamp,
                    },
                )
            };
            match bytes {
                Ok(bytes) => {
                    crate::output::write_atomic(&out, &bytes)
                        .map_err(|e| WizardError::Io(format!("{out_shown}: {e}")))?;
                    p.show(&format!("  → {out_shown}"));
                }
                Err(e) => p.show(&tr!(lang, "rendu impossible : {e}", "cannot render: {e}")),
            }
        }
        Ok(())
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

    /// The table at `path` (created if absent; `clauses` stays implicit so no
    /// bare `[clauses]` header appears).
    fn table_mut(&mut self, path: &[&str]) -> Result<&mut Table, WizardError> {
        let mut table = self.doc.as_table_mut();
        for (depth, key) in path.iter().enumerate() {
            let item = table.entry(key).or_insert_with(|| {
                let mut t = Table::new();
                t.set_implicit(depth == 0 && *key == "clauses");
                Item::Table(t)
            });
            if !item.is_table() {
                *item = Item::Table(Table::new());
            }
            table = item
                .as_table_mut()
                .ok_or_else(|| WizardError::Io(format!("`{key}` is not a table")))?;
        }
        Ok(table)
    }

    /// Asks one field; `None` when an optional field is skipped.
    fn ask_field(
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
            FieldKind::Boolean => {
                let mut items = vec![
                    lang.yes_no(true).to_string(),
                    lang.yes_no(false).to_string(),
                ];
                if optional {
                    items.push(tr!(lang, "(passer)", "(skip)"));
                }
                let default = current
                    .and_then(Item::as_bool)
                    .map(|b| if b { 0 } else { 1 });
                match p.select(&prompt, &help, &items, default)? {
                    0 => Some(toml_edit::value(true)),
                    1 => Some(toml_edit::value(false)),
                    _ => None,
                }
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
                let existing: Vec<String> = current
                    .and_then(Item::as_array)
                    .map(|a| {
                        a.iter()
                            .filter_map(Value::as_str)
                            .map(str::to_string)
                            .collect()
                    })
                    .unwrap_or_default();
                loop {
                    let default = existing.get(items.len()).cloned();
                    let q = tr!(
                        lang,
                        "{prompt} — élément {} (vide pour terminer)",
                        "{prompt} — item {} (empty to finish)",
                        items.len() + 1
                    );
                    let no_check = |_: &str| Ok(());
                    let answer = p.text(&TextQuestion {
                        prompt: &q,
                        help: &help,
                        default: default.as_deref(),
                        optional: true,
                        long: false,
                        validate: &no_check,
                    })?;
                    match answer {
                        Some(a) if !a.trim().is_empty() => items.push(a.trim()),
                        _ if items.is_empty() && required => continue,
                        _ => break,
                    }
                }
                (!items.is_empty()).then(|| toml_edit::value(items))
            }
            FieldKind::Record => {
                let existing = current.and_then(Item::as_inline_table).cloned();
                let mut table = InlineTable::new();
                for sub in &field.fields {
                    let cur = existing
                        .as_ref()
                        .and_then(|t| t.get(sub.name()))
                        .map(|v| Item::Value(v.clone()));
                    if let Some(Item::Value(v)) =
                        self.ask_field(p, sub, cur.as_ref(), sub.required)?
                    {
                        table.insert(sub.name(), v);
                    }
                }
                Some(toml_edit::value(table))
            }
            FieldKind::Records => return self.ask_records(p, field, current, required),
            _ => {
                let default = current.and_then(Item::as_value).map(plain_text);
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
                    validate: &validate,
                };
                match p.text(&q)? {
                    Some(answer) => {
                        let value = parse_answer(kind, &answer, lang).map_err(WizardError::Io)?;
                        // Said back in words, so that a misreading shows at once.
                        if let Some(words) = answer::echo(kind, &value, &self.currency(), lang) {
                            p.show(&format!("  → {words}"));
                        }
                        Some(Item::Value(value))
                    }
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
        let mut records: Vec<Table> = current
            .and_then(Item::as_array_of_tables)
            .map(|a| a.iter().cloned().collect())
            .unwrap_or_default();
        let prompt = field.prompt(lang).to_string();
        let help = field.help(lang).to_string();
        loop {
            let summaries: Vec<String> = records.iter().map(|r| self.summarize(field, r)).collect();
            let mut items = vec![tr!(lang, "Ajouter une entrée", "Add an entry")];
            items.extend(
                summaries
                    .iter()
                    .map(|s| tr!(lang, "Modifier : {s}", "Edit: {s}")),
            );
            items.extend(
                summaries
                    .iter()
                    .map(|s| tr!(lang, "Retirer : {s}", "Remove: {s}")),
            );
            items.push(tr!(lang, "Terminé", "Done"));
            let shown = if records.is_empty() {
                tr!(lang, "aucune entrée", "no entries")
            } else {
                summaries.join(" ; ")
            };
            let q = format!("{prompt} [{shown}]");
            let default = if records.is_empty() {
                0
            } else {
                items.len() - 1
            };
            let choice = p.select(&q, &help, &items, Some(default))?;
            let n = records.len();
            if choice == 0 {
                records.push(self.ask_record(p, field, None)?);
                self.save_records(p, field, &records)?;
            } else if choice <= n {
                let edited = self.ask_record(p, field, Some(&records[choice - 1]))?;
                records[choice - 1] = edited;
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
    fn save_records(
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
        for sub in &field.fields {
            let cur = table.get(sub.name()).cloned();
            match self.ask_field(p, sub, cur.as_ref(), sub.required)? {
                Some(item) => {
                    table.insert(sub.name(), item);
                }
                None => {
                    table.remove(sub.name());
                }
            }
        }
        Ok(table)
    }

    /// One line describing a record, for the add/edit/remove menu.
    fn summarize(&self, field: &Field, record: &Table) -> String {
        let (ids, labels) = self.party_choices();
        field
            .fields
            .iter()
            .filter_map(|f| {
                let v = record.get(f.name()).and_then(Item::as_value)?;
                let text = plain_text(v);
                // A party reads better as its short name than as its id.
                Some(match ids.iter().position(|id| *id == text) {
                    Some(i) if f.kind == FieldKind::Party => labels[i]
                        .rsplit_once(" (")
                        .map_or(text.clone(), |(short, _)| short.to_string()),
                    _ => text,
                })
            })
            .take(3)
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The declared parties: their ids, and labels for a list.
    fn party_choices(&self) -> (Vec<String>, Vec<String>) {
        let mut ids = Vec::new();
        let mut labels = Vec::new();
        if let Some(parties) = self.doc.get("parties").and_then(Item::as_array_of_tables) {
            for t in parties.iter() {
                if let Some(id) = t.get("id").and_then(Item::as_str) {
                    ids.push(id.to_string());
                    let name = t.get("short_name").and_then(Item::as_str).unwrap_or(id);
                    labels.push(format!("{name} ({id})"));
                }
            }
        }
        (ids, labels)
    }
}

/// A TOML value as a person would type it (the default of a text prompt).
fn plain_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.value().clone(),
        other => other.to_string().trim().to_string(),
    }
}

/// The error for a `parties` key that is not a list of tables.
fn not_parties(lang: Lang) -> WizardError {
    WizardError::Io(tr!(
        lang,
        "`parties` n'est pas une liste de tables [[parties]] ; corrigez le fichier (pacte check le situe) puis reprenez",
        "`parties` is not a list of [[parties]] tables; fix the file (pacte check shows where) and resume"
    ))
}

/// A field's question, short enough to name it in one line: « Préambule —
/// Quel problème ou quel besoin le partenariat vient-il résoudre ».
fn short_prompt(field: &Field, lang: Lang) -> String {
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
pub fn check_value(field: &Field, value: &Value, lang: Lang) -> Result<(), String> {
    check_literal(field, &value.to_string(), lang)
        .map_err(|d| format!("{} — {}", d.message, d.help))
}
