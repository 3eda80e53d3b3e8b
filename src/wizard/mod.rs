//! The interactive wizard behind `pacte new` and `pacte edit`: which question
//! comes next, what is stored, what is re-asked. It talks to a person only
//! through a [`Prompter`], checks every answer with the same code as
//! `pacte check`, and saves the file atomically after every answer, so an
//! interruption loses at most the answer being typed. Files are edited with
//! toml_edit: a hand-edited file keeps its comments, key order and layout.

pub mod answer;
mod ask;
mod clauses;
mod findings;
mod finish;
pub mod lock;
mod pace;
pub mod prompter;
mod review;
mod saving;
mod sections;
mod steps;
mod suggest;
mod walk;

pub use answer::{parse_answer, parse_date};
pub use ask::check_value;
use ask::short_prompt;
use pace::Pass;
pub use prompter::{BACK, Prompter, ScriptedPrompter, Stop, TextQuestion};
use saving::read_convention;
pub use saving::{Unsaved, UnsavedAnswers};
use steps::Start;

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
    /// The person asked for the previous question; caught by the section
    /// that can ask it.
    #[error("back")]
    Back,
    #[error("{0}")]
    Io(String),
}

impl From<Stop> for WizardError {
    fn from(stop: Stop) -> Self {
        match stop {
            Stop::Interrupted => WizardError::Interrupted,
            Stop::Back => WizardError::Back,
        }
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
    /// What an empty answer to the next text question does, when not
    /// « skip » (the first question of an entry in a walk).
    when_empty: Option<String>,
    /// The clause being answered, for what its entries' questions depend on
    /// (kept while an entry's sub-fields are asked, unlike `answering`).
    in_clause: Option<&'a Clause>,
    /// The answer being saved, « clause — field », for the Ctrl-C message.
    last_answer: Option<String>,
    /// The advisory lock that tells a second `pacte edit` who holds the file.
    _lock: Option<lock::EditLock>,
    /// Which questions this pass asks: all, or in `pacte new`'s quick mode
    /// the required ones first and the optional ones at the end.
    pass: Pass,
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
            in_clause: None,
            when_empty: None,
            _lock: lock,
            pass: Pass::All,
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
        refuse_other_format(&text, path, lang)?;
        Ok(Wizard {
            library,
            lang,
            path: path.to_path_buf(),
            doc,
            on_disk: Some(text),
            unsaved: UnsavedAnswers::starting(true),
            answering: None,
            last_answer: None,
            in_clause: None,
            when_empty: None,
            _lock: lock,
            pass: Pass::All,
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
                // Nothing comes before this question: « back » stays on it.
                let question = tr!(lang, "Type de convention", "Kind of agreement");
                let i = prompter::staying(|| p.select(&question, &help, &items, None))?;
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
        // A bilingual convention is written in French, each free-text
        // answer also given in English.
        let mut bilingual = false;
        let doc_lang = match doc_lang {
            Some(l) => l,
            None => {
                let items = vec![
                    "Français".to_string(),
                    "English".to_string(),
                    tr!(
                        lang,
                        "Français et anglais (chaque réponse dans les deux langues)",
                        "French and English (each answer in both languages)"
                    ),
                ];
                let help = tr!(
                    lang,
                    "La langue dans laquelle la convention sera rédigée. Bilingue : chaque réponse libre est demandée en français puis en anglais, et la convention existe dans les deux langues.",
                    "The language the agreement is written in. Bilingual: each free-text answer is asked in French, then in English, and the agreement exists in both languages."
                );
                let question = tr!(lang, "Langue de la convention", "Language of the agreement");
                let i = prompter::staying(|| p.select(&question, &help, &items, Some(0)))?;
                bilingual = i == 2;
                if i == 1 { Lang::En } else { Lang::Fr }
            }
        };
        self.pass = self.choose_pace(p, &kind)?;
        let header = self.table_mut(&["convention"])?;
        header.insert(
            crate::file_format::KEY,
            toml_edit::value(i64::from(crate::file_format::CURRENT)),
        );
        header.insert("kind", toml_edit::value(kind.clone()));
        header.insert("language", toml_edit::value(doc_lang.code()));
        if bilingual {
            let editions: toml_edit::Array = ["fr", "en"].into_iter().collect();
            header.insert("languages", toml_edit::value(editions));
        }
        self.last_answer = Some(tr!(
            lang,
            "type et langue de la convention",
            "kind and language of the agreement"
        ));
        self.save(p)?;
        self.ask_sections(p, &kind)?;
        if self.pass == Pass::Required {
            self.ask_postponed(p, &kind)?;
        }
        self.review(p, &kind, false)?;
        self.finish(p)
    }

    /// `pacte edit`: asks what the header and the parties lack, then opens
    /// the review screen — every section with its answers and findings, to
    /// revisit, and « continue » to resume at the first incomplete clause.
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
        // Resuming: what is missing from the header and the parties first
        // (« back » there has nowhere to go but the same questions).
        loop {
            match self.ask_header(p, false, Start::First) {
                Err(WizardError::Back) => continue,
                other => break other?,
            }
        }
        while self.party_count() < 2 {
            match self.ask_parties(p) {
                Ok(()) | Err(WizardError::Back) => {}
                Err(e) => return Err(e),
            }
        }
        self.review(p, &kind, true)?;
        self.finish(p)
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

/// The wizard asks the questions of the current format only: a file in
/// another one is upgraded first (`pacte upgrade`), or opened with the pacte
/// that wrote it.
fn refuse_other_format(text: &str, path: &Path, lang: Lang) -> Result<(), String> {
    use crate::file_format::{CURRENT, UpgradeError, upgrade};
    let shown = path.display();
    match upgrade(text) {
        Ok(u) if u.changed() => {
            let from = u.from;
            Err(tr!(
                lang,
                "{shown} est au format {from} ; mettez-le d'abord au format {CURRENT} avec `pacte upgrade {shown}`",
                "{shown} is in format {from}; bring it to format {CURRENT} first with `pacte upgrade {shown}`"
            ))
        }
        Err(e @ (UpgradeError::TooNew(_) | UpgradeError::InvalidFormat { .. })) => {
            let why = e.describe(lang);
            Err(tr!(lang, "{shown} : {why}", "{shown}: {why}"))
        }
        // A file with no header yet is the wizard's to complete.
        _ => Ok(()),
    }
}
