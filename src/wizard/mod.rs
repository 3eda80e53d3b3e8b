//! The interactive wizard behind `pacte new` and `pacte edit`: which question
//! comes next, what is stored, what is re-asked. It talks to a person only
//! through a [`Prompter`], checks every answer with the same code as
//! `pacte check`, and saves the file atomically after every answer, so an
//! interruption loses at most the answer being typed. Files are edited with
//! toml_edit: a hand-edited file keeps its comments, key order and layout.

pub mod answer;
mod ask;
mod findings;
mod finish;
mod lock;
pub mod prompter;
mod saving;
mod sections;

pub use answer::{parse_answer, parse_date};
pub use ask::check_value;
use ask::short_prompt;
pub use prompter::{Interrupted, Prompter, ScriptedPrompter, TextQuestion};
use saving::read_convention;
pub use saving::{Unsaved, UnsavedAnswers};

use crate::lang::Lang;
use crate::library::{Clause, ClauseLibrary};
use crate::tr;
use std::path::{Path, PathBuf};
use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, Value};

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
            let kinds: Vec<&str> = self.library.profiles().map(|p| p.id.as_str()).collect();
            let kinds = crate::diag::name_list(kinds, lang);
            return Err(WizardError::Io(tr!(
                lang,
                "type de convention inconnu « {kind} » ; types : {kinds}",
                "unknown kind of agreement `{kind}`; kinds: {kinds}"
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
        p.show(&self.overview(&kind));
        let header = self.table_mut(&["convention"])?;
        header.insert("kind", toml_edit::value(kind.clone()));
        header.insert("language", toml_edit::value(doc_lang.code()));
        self.last_answer = Some(tr!(
            lang,
            "type et langue de la convention",
            "kind and language of the agreement"
        ));
        self.save(p)?;
        self.ask_header(p, false)?;
        self.show_header_and_party_findings(p);
        self.ask_parties(p)?;
        self.show_header_and_party_findings(p);
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
        self.ask_header(p, false)?;
        if self.party_count() < 2 {
            self.ask_parties(p)?;
        }
        p.show(&self.status(&kind));
        self.ask_clauses(p, &kind, true)?;
        loop {
            let ids = self.clause_order(&kind);
            // The header and the parties come first, like in the document.
            // ✗ on both when their checks find an error: one run for the two.
            let mark = if self.header_or_parties_have_errors() {
                "✗"
            } else {
                "✓"
            };
            let header = tr!(lang, "{mark} En-tête", "{mark} Header");
            let count = self.party_count();
            let parties = tr!(lang, "{mark} Parties ({count})", "{mark} Parties ({count})");
            let mut items = vec![header, parties];
            items.extend(
                ids.iter()
                    .filter_map(|id| self.library.clause(id))
                    .map(|c| format!("{} {}", self.mark(c, &kind), c.title.get(lang))),
            );
            items.push(tr!(lang, "Vérifier et terminer", "Check and finish"));
            let help = tr!(
                lang,
                "Choisissez l'en-tête, les parties ou une clause pour les revoir ; vos réponses actuelles sont proposées par défaut.",
                "Choose the header, the parties or a clause to revisit; your current answers are offered as defaults."
            );
            let choice = p.select(
                &tr!(lang, "Revoir une section ?", "Revisit a section?"),
                &help,
                &items,
                Some(items.len() - 1),
            )?;
            match choice {
                0 => {
                    self.ask_header(p, true)?;
                    self.show_header_and_party_findings(p);
                }
                1 => self.edit_parties(p)?,
                n if n == ids.len() + 2 => break,
                n => {
                    if let Some(clause) = self.library.clause(&ids[n - 2]) {
                        self.ask_clause(p, clause, &kind, n - 1, ids.len())?;
                    }
                }
            }
        }
        self.finish(p)
    }

    /// What lies ahead: how many clauses, roughly how long, and that
    /// stopping is safe.
    fn overview(&self, kind: &str) -> String {
        let lang = self.lang;
        let ids = self.clause_order(kind);
        let questions: usize = ids
            .iter()
            .filter_map(|id| self.library.clause(id))
            .map(|c| c.fields.len())
            .sum::<usize>()
            + self.library.header_fields().len()
            + 2 * self.library.party_fields().len();
        // About half a minute a question, in five-minute steps.
        let minutes = (questions / 2).div_ceil(5).max(1) * 5;
        let (n, file) = (ids.len(), self.path.display());
        tr!(
            lang,
            "Cette convention compte {n} clauses, soit environ {questions} questions : comptez {minutes} minutes environ. Chaque réponse est enregistrée aussitôt : vous pouvez arrêter à tout moment (Ctrl-C) et reprendre avec `pacte edit {file}`.",
            "This agreement has {n} clauses, about {questions} questions: allow about {minutes} minutes. Each answer is saved at once: you may stop at any time (Ctrl-C) and resume with `pacte edit {file}`."
        )
    }

    /// Clause ids in the order the wizard asks them: required, advised and
    /// optional, in article order.
    fn clause_order(&self, kind: &str) -> Vec<String> {
        let Some(profile) = self.library.profile(kind) else {
            return Vec::new();
        };
        let mut ids: Vec<String> = profile
            .clauses
            .iter()
            .chain(&profile.advised)
            .chain(&profile.optional)
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
                let mark = self.mark(c, kind);
                out.push_str(&format!("  {mark} {}\n", c.title.get(lang)));
            }
        }
        out
    }

    /// The `[[when]]` rules of a clause that hold for the answers in the file.
    fn rules_holding<'c>(&self, clause: &'c Clause) -> Vec<&'c crate::library::WhenRule> {
        let table = self.doc.get("clauses").and_then(|c| c.get(clause.id()));
        clause
            .when
            .iter()
            .filter(|rule| {
                let Some(value) = table
                    .and_then(|t| t.get(rule.field.get_ref()))
                    .and_then(Item::as_value)
                else {
                    return false;
                };
                rule.is.iter().any(|v| match (v, value) {
                    (toml::Value::String(s), Value::String(c)) => s == c.value(),
                    (toml::Value::Boolean(b), Value::Boolean(c)) => b == c.value(),
                    _ => false,
                })
            })
            .collect()
    }

    /// Whether an answer makes this field ineffective.
    fn ignored(&self, clause: &Clause, field: &str) -> bool {
        self.rules_holding(clause)
            .iter()
            .any(|r| r.ignore.iter().any(|i| i.get_ref() == field))
    }

    /// Whether an answer makes this field required (asked without "empty to
    /// skip").
    pub(super) fn required_by_answers(&self, clause: &Clause, field: &str) -> bool {
        self.rules_holding(clause)
            .iter()
            .any(|r| r.require.iter().any(|i| i.get_ref() == field))
    }

    /// ✓ complete, ✗ incomplete, + an optional clause not written (yet).
    fn mark(&self, clause: &Clause, kind: &str) -> &'static str {
        if self.optional_and_absent(clause.id(), kind) {
            "+"
        } else if self.clause_complete(clause, kind) {
            "✓"
        } else {
            "✗"
        }
    }

    /// An optional clause of the profile that the file does not hold.
    fn optional_and_absent(&self, id: &str, kind: &str) -> bool {
        self.library
            .profile(kind)
            .is_some_and(|p| p.optional.iter().any(|o| o == id))
            && self.doc.get("clauses").and_then(|c| c.get(id)).is_none()
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

    fn ask_clauses(
        &mut self,
        p: &mut dyn Prompter,
        kind: &str,
        only_incomplete: bool,
    ) -> Result<(), WizardError> {
        let lang = self.lang;
        let ids = self.clause_order(kind);
        let (advised, optional): (Vec<String>, Vec<String>) = self
            .library
            .profile(kind)
            .map(|pr| (pr.advised.clone(), pr.optional.clone()))
            .unwrap_or_default();
        for (n, id) in ids.iter().enumerate() {
            let Some(clause) = self.library.clause(id) else {
                continue;
            };
            if only_incomplete
                && (self.clause_complete(clause, kind) || self.optional_and_absent(id, kind))
            {
                continue;
            }
            let absent = self.doc.get("clauses").and_then(|c| c.get(id)).is_none();
            if absent && (advised.contains(id) || optional.contains(id)) {
                let title = clause.title.get(lang);
                let (question, default) = if advised.contains(id) {
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
                if !p.confirm(&question, default)? {
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
                // A field another answer makes ineffective is not asked
                // (an answer already there stays; `pacte check` says so).
                if self.ignored(clause, field.name()) {
                    continue;
                }
                let current = self
                    .doc
                    .get("clauses")
                    .and_then(|c| c.get(clause.id()))
                    .and_then(|t| t.get(field.name()))
                    .cloned();
                let required = field.required
                    || extra.iter().any(|e| e == field.name())
                    || self.required_by_answers(clause, field.name());
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
                // No by default: a finding this clause cannot clear (it may
                // depend on a later one) must not trap the person in a loop.
                false,
            )? {
                return Ok(());
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

    /// The table at `path` (created if absent; `clauses` stays implicit so no
    /// bare `[clauses]` header appears).
    /// An inline table (`convention = { … }`, valid TOML) becomes a table
    /// with its answers kept; any other value is refused, never replaced.
    fn table_mut(&mut self, path: &[&str]) -> Result<&mut Table, WizardError> {
        let lang = self.lang;
        let mut table = self.doc.as_table_mut();
        for (depth, key) in path.iter().enumerate() {
            let item = table.entry(key).or_insert_with(|| {
                let mut t = Table::new();
                t.set_implicit(depth == 0 && *key == "clauses");
                Item::Table(t)
            });
            if let Item::Value(Value::InlineTable(inline)) = item {
                *item = Item::Table(inline.clone().into_table());
            }
            let dotted = path[..=depth].join(".");
            table = item.as_table_mut().ok_or_else(|| {
                WizardError::Io(tr!(
                    lang,
                    "`{dotted}` n'est pas une table ; corrigez le fichier (pacte check le situe) puis reprenez",
                    "`{dotted}` is not a table; fix the file (pacte check shows where) and resume"
                ))
            })?;
        }
        Ok(table)
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
