//! The clause library: clauses and profiles, loaded from data.
//!
//! The bundled library (`clauses/` in the repository) is compiled into the
//! binary. An organisation's folder, given with `--clauses`, is laid over it:
//! a clause or profile with the same id replaces the bundled one, a new id adds
//! one. The assembled library is validated before use; a defect is reported
//! as `L0xx` diagnostics naming the file and line.

pub mod contract;
mod validate;

pub use crate::field::{Choice, Field, FieldKind};

use crate::diag::{Code, Diagnostic, FileReport};
use crate::lang::{Lang, Text};
use crate::source::SourceFile;
use crate::tr;
use include_dir::{Dir, include_dir};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use toml::Spanned;

static BUNDLED: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/clauses");

/// The bundled clause library's version, printed by `pacte --version`. It
/// changes when a bundled clause or profile adds, removes or moves a field
/// or changes a profile's clauses; each change is in CHANGELOG.md.
pub const LIBRARY_VERSION: &str = "2026.12";

/// The most clauses a library may hold, overlays included.
pub const MAX_CLAUSES: usize = 500;
/// The most profiles a library may hold, overlays included.
pub const MAX_PROFILES: usize = 1_000;

/// A clause: one article of a convention, with the fields it asks for.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Clause {
    pub id: Spanned<String>,
    /// Position of the article in a convention; lower comes first.
    pub order: u32,
    /// The clause's content lives outside `[clauses.ID]` (the parties), so its
    /// table may be absent.
    #[serde(default)]
    pub implicit: bool,
    /// `computed = false`: pacte computes nothing with this clause's answers
    /// (see [`contract`]). An organisation replacing a computed clause
    /// without the fields pacte needs says so; the dependent checks are then
    /// reported as skipped. Absent means true.
    #[serde(default, rename = "computed")]
    pub computed_key: Option<Spanned<bool>>,
    pub title: Text,
    /// The article heading when it differs from the clause title.
    pub article_title: Option<Text>,
    /// Why the clause exists: shown by the wizard and `pacte clauses show`.
    pub purpose: Text,
    #[serde(default)]
    pub fields: Vec<Field>,
    /// Elements a list of records must cover (audit: the three reviews).
    #[serde(default)]
    pub coverage: Vec<CoverageRule>,
    /// Fields that become required when another field has a given value.
    #[serde(default)]
    pub when: Vec<WhenRule>,
    #[serde(skip)]
    pub origin: PathBuf,
    /// The file's text as the library read it (`pacte clauses show ID
    /// --toml`: a clause to start an organisation's own from).
    #[serde(skip)]
    pub source_text: String,
}

impl Clause {
    pub fn id(&self) -> &str {
        self.id.get_ref()
    }

    /// Whether pacte may compute with this clause (no `computed = false`).
    pub fn computed(&self) -> bool {
        self.computed_key.as_ref().is_none_or(|c| *c.get_ref())
    }

    pub fn field(&self, name: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.name() == name)
    }
}

/// "The records of `field` must include one whose `key` is each of `values`."
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CoverageRule {
    pub field: Spanned<String>,
    pub key: String,
    pub values: Vec<String>,
}

/// "When `field` is one of `is`, the fields in `require` are required and
/// those in `ignore` have no effect."
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WhenRule {
    pub field: Spanned<String>,
    pub is: Vec<toml::Value>,
    #[serde(default)]
    pub require: Vec<Spanned<String>>,
    /// Fields that have no effect then: the wizard does not ask them, and
    /// `pacte check` says an answer to them is ignored (P095).
    #[serde(default)]
    pub ignore: Vec<Spanned<String>>,
}

impl WhenRule {
    /// Whether the rule applies to these answers.
    pub fn holds(&self, answers: &crate::field::Record) -> bool {
        use crate::field::Value;
        let Some(value) = answers.get(self.field.get_ref()) else {
            return false;
        };
        self.is.iter().any(|v| match (v, &value.value) {
            (toml::Value::String(s), Value::Choice(c)) => s == c,
            (toml::Value::Boolean(b), Value::Bool(c)) => b == c,
            _ => false,
        })
    }
}

/// A profile as written in `clauses/profiles/ID.toml`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProfileFile {
    id: Spanned<String>,
    extends: Option<Spanned<String>>,
    title: Text,
    description: Text,
    #[serde(default)]
    clauses: Vec<Spanned<String>>,
    #[serde(default)]
    advised: Vec<Spanned<String>>,
    #[serde(default)]
    optional: Vec<Spanned<String>>,
    public_and_nonpublic: Option<bool>,
    instrument: Option<Instrument>,
    delegated_service: Option<bool>,
    min_duration_months: Option<u32>,
    max_duration_months: Option<u32>,
    #[serde(default)]
    require_fields: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    advise_fields: BTreeMap<String, Vec<String>>,
    #[serde(skip)]
    origin: PathBuf,
}

/// A kind of convention: which clauses it must and should contain, with the
/// constraints its legal frame sets. Inheritance (`extends`) is resolved.
#[derive(Clone, Debug)]
pub struct Profile {
    pub id: String,
    pub title: Text,
    /// One line, shown when choosing a kind.
    pub description: Text,
    /// Required clauses, in article order.
    pub clauses: Vec<String>,
    /// Clauses expected before signature (`check --final`).
    pub advised: Vec<String>,
    /// Clauses a convention of this kind may contain, neither required nor
    /// advised; a check may require one from the answers (background checks
    /// when the object involves minors, P091).
    pub optional: Vec<String>,
    /// Warn unless there is at least one public and one non-public party.
    pub public_and_nonpublic: bool,
    /// What the document calls itself: « convention » or « entente ».
    pub instrument: Instrument,
    /// A public body has an organisation deliver services on its behalf and
    /// stays responsible for them (« entente de services »).
    pub delegated_service: bool,
    pub min_duration_months: Option<u32>,
    pub max_duration_months: Option<u32>,
    /// Optional clause fields this profile makes required, by clause.
    pub require_fields: BTreeMap<String, Vec<String>>,
    /// Optional clause fields this profile advises (`check --final`), by clause.
    pub advise_fields: BTreeMap<String, Vec<String>>,
}

/// What a document calls itself. A service or collaboration agreement is an
/// « entente » in Quebec usage; a partnership is a « convention ». English
/// says "agreement" for both.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Instrument {
    #[default]
    Convention,
    Entente,
}

impl Instrument {
    /// « convention », « entente », "agreement".
    pub fn noun(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Instrument::Convention, Lang::Fr) => "convention",
            (Instrument::Entente, Lang::Fr) => "entente",
            (_, Lang::En) => "agreement",
        }
    }

    /// « la présente convention », "this agreement".
    pub fn this(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Instrument::Convention, Lang::Fr) => "la présente convention",
            (Instrument::Entente, Lang::Fr) => "la présente entente",
            (_, Lang::En) => "this agreement",
        }
    }
}

/// The clauses and profiles in force for a run.
#[derive(Clone, Debug)]
pub struct ClauseLibrary {
    clauses: BTreeMap<String, Clause>,
    profiles: BTreeMap<String, Profile>,
    /// Fields of `[convention]` and of each `[[parties]]` entry.
    header: Vec<Field>,
    party: Vec<Field>,
    /// SHA-256 of every library file in force, for the PDF's fingerprint.
    digest: [u8; 32],
}

/// A library that could not be loaded: the files at fault and their diagnostics.
#[derive(Debug)]
pub struct LibraryError {
    pub reports: Vec<FileReport>,
}

impl std::fmt::Display for LibraryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for r in &self.reports {
            for d in &r.diagnostics {
                writeln!(f, "{}: {}: {}", r.path.display(), d.code, d.message)?;
            }
        }
        Ok(())
    }
}

impl std::error::Error for LibraryError {}

/// A parsed file of the library, kept with its text for error reporting.
struct Loaded<T> {
    value: T,
    source: SourceFile,
}

impl ClauseLibrary {
    /// The library compiled into pacte.
    pub fn bundled(lang: Lang) -> Result<ClauseLibrary, LibraryError> {
        ClauseLibrary::load(&[], lang)
    }

    /// The bundled library with each folder of `overlays` laid over it in turn.
    pub fn load(overlays: &[PathBuf], lang: Lang) -> Result<ClauseLibrary, LibraryError> {
        let mut errors: Vec<FileReport> = Vec::new();
        let mut layers = vec![bundled_layer()];
        for dir in overlays {
            match read_dir_layer(dir, lang) {
                Ok(layer) => layers.push(layer),
                Err(report) => errors.push(*report),
            }
        }

        let mut hasher = <sha2::Sha256 as sha2::Digest>::new();
        for layer in &layers {
            for (path, text) in &layer.files {
                sha2::Digest::update(&mut hasher, path.to_string_lossy().as_bytes());
                sha2::Digest::update(&mut hasher, text.as_bytes());
            }
        }
        let digest: [u8; 32] = sha2::Digest::finalize(hasher).into();
        let mut clauses: BTreeMap<String, Loaded<Clause>> = BTreeMap::new();
        let mut profiles: BTreeMap<String, Loaded<ProfileFile>> = BTreeMap::new();
        for layer in layers {
            let mut seen_in_layer: BTreeMap<String, PathBuf> = BTreeMap::new();
            for (path, text) in layer.files {
                let is_profile = path
                    .parent()
                    .and_then(Path::file_name)
                    .is_some_and(|n| n == "profiles");
                let source = SourceFile::new(path, text);
                let parsed = if is_profile {
                    parse::<ProfileFile>(&source, lang).map(Item::Profile)
                } else {
                    parse::<Clause>(&source, lang).map(Item::Clause)
                };
                let item = match parsed {
                    Ok(item) => item,
                    Err(d) => {
                        errors.push(report(source, vec![d]));
                        continue;
                    }
                };
                let id = item.id().clone();
                let key = format!("{}:{}", if is_profile { "p" } else { "c" }, id.get_ref());
                if let Some(first) = seen_in_layer.insert(key, source.path().to_path_buf()) {
                    let d = Diagnostic::new(
                        Code::LibraryDuplicate,
                        id.span(),
                        tr!(
                            lang,
                            "l'identifiant « {} » est déjà défini dans {}",
                            "id `{}` is already defined in {}",
                            id.get_ref(),
                            first.display()
                        ),
                    )
                    .help(tr!(
                        lang,
                        "renommez l'un des deux fichiers",
                        "rename one of the two files"
                    ));
                    errors.push(report(source, vec![d]));
                    continue;
                }
                if let Some(d) = check_file_name(&source, &id, lang) {
                    errors.push(report(source, vec![d]));
                    continue;
                }
                match item {
                    Item::Clause(mut c) => {
                        c.origin = source.path().to_path_buf();
                        c.source_text = source.text().to_string();
                        clauses.insert(c.id().to_string(), Loaded { value: c, source });
                    }
                    Item::Profile(mut p) => {
                        p.origin = source.path().to_path_buf();
                        profiles.insert(p.id.get_ref().clone(), Loaded { value: p, source });
                    }
                }
            }
        }

        let (header, party) = match schema_fields(lang) {
            Ok(fields) => fields,
            Err(report) => {
                errors.push(*report);
                (Vec::new(), Vec::new())
            }
        };
        // Each profile holds its resolved clause list, so profiles times
        // clauses is what memory pays: both are bounded.
        for (count, max, what_fr, what_en) in [
            (clauses.len(), MAX_CLAUSES, "clauses", "clauses"),
            (profiles.len(), MAX_PROFILES, "profils", "profiles"),
        ] {
            if count > max {
                let (count, max) = (
                    crate::format::count(count, lang),
                    crate::format::count(max, lang),
                );
                let d = Diagnostic::new(
                    Code::LibrarySchema,
                    None,
                    tr!(
                        lang,
                        "la bibliothèque compte {count} {what_fr} ; pacte en accepte {max} au plus",
                        "the library has {count} {what_en}; pacte accepts at most {max}"
                    ),
                )
                .help(tr!(
                    lang,
                    "une bibliothèque de clauses en compte quelques dizaines ; vérifiez les dossiers --clauses et pacte.toml",
                    "a clause library has a few dozen; check the --clauses folders and pacte.toml"
                ));
                errors.push(FileReport {
                    path: overlays.last().cloned().unwrap_or_default(),
                    source: None,
                    diagnostics: vec![d],
                });
            }
        }
        errors.extend(validate::clauses(&clauses, lang));
        errors.extend(contract::check(&clauses, lang));
        let resolved = validate::profiles(&profiles, &clauses, lang);
        let profiles = match resolved {
            Ok(p) => p,
            Err(reports) => {
                errors.extend(reports);
                BTreeMap::new()
            }
        };
        if !errors.is_empty() {
            return Err(LibraryError { reports: errors });
        }
        Ok(ClauseLibrary {
            clauses: clauses.into_iter().map(|(k, v)| (k, v.value)).collect(),
            profiles,
            header,
            party,
            digest,
        })
    }

    pub fn clause(&self, id: &str) -> Option<&Clause> {
        self.clauses.get(id)
    }

    /// Every clause, in article order.
    pub fn clauses(&self) -> Vec<&Clause> {
        let mut all: Vec<&Clause> = self.clauses.values().collect();
        all.sort_by_key(|c| (c.order, c.id()));
        all
    }

    pub fn clause_ids(&self) -> impl Iterator<Item = &str> {
        self.clauses.keys().map(String::as_str)
    }

    pub fn profile(&self, id: &str) -> Option<&Profile> {
        self.profiles.get(id)
    }

    pub fn profiles(&self) -> impl Iterator<Item = &Profile> {
        self.profiles.values()
    }

    /// The fields of the `[convention]` table.
    pub fn header_fields(&self) -> &[Field] {
        &self.header
    }

    /// A digest of every library file in force.
    pub fn digest(&self) -> &[u8; 32] {
        &self.digest
    }

    /// The fields of each `[[parties]]` entry.
    pub fn party_fields(&self) -> &[Field] {
        &self.party
    }
}

enum Item {
    Clause(Clause),
    Profile(ProfileFile),
}

impl Item {
    fn id(&self) -> &Spanned<String> {
        match self {
            Item::Clause(c) => &c.id,
            Item::Profile(p) => &p.id,
        }
    }
}

struct Layer {
    files: Vec<(PathBuf, String)>,
}

fn bundled_layer() -> Layer {
    let mut files = Vec::new();
    collect_bundled(&BUNDLED, &mut files);
    files.sort();
    Layer { files }
}

fn collect_bundled(dir: &Dir<'static>, files: &mut Vec<(PathBuf, String)>) {
    for file in dir.files() {
        if file.path().extension().is_some_and(|e| e == "toml") {
            // The bundled files are checked to be UTF-8 by the library tests.
            let text = file.contents_utf8().unwrap_or_default().to_string();
            files.push((Path::new("clauses").join(file.path()), text));
        }
    }
    for sub in dir.dirs() {
        collect_bundled(sub, files);
    }
}

/// Reads `DIR/*.toml` (clauses) and `DIR/profiles/*.toml` (profiles). The
/// folder may come from a stranger's pull request: links leading out of it,
/// FIFOs, devices, files over [`MAX_LIBRARY_FILE_BYTES`] and folders of more
/// than [`MAX_FOLDER_FILES`] files are refused by name, never read.
fn read_dir_layer(dir: &Path, lang: Lang) -> Result<Layer, Box<FileReport>> {
    use crate::input::{MAX_FOLDER_BYTES, MAX_FOLDER_FILES, MAX_LIBRARY_FILE_BYTES, read_bounded};
    let refuse = |path: &Path, message: String, help: String| {
        Box::new(FileReport {
            path: path.to_path_buf(),
            source: None,
            diagnostics: vec![Diagnostic::new(Code::LibrarySyntax, None, message).help(help)],
        })
    };
    let mut files = Vec::new();
    let mut total = 0;
    for sub in [dir.to_path_buf(), dir.join("profiles")] {
        let entries = match std::fs::read_dir(&sub) {
            Ok(e) => e,
            Err(_) if sub != dir => continue,
            Err(e) => return Err(Box::new(io_report(&sub, &e, lang))),
        };
        let mut paths: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "toml") && !p.is_dir())
            .collect();
        paths.sort();
        if files.len() + paths.len() > MAX_FOLDER_FILES {
            return Err(refuse(
                &sub,
                tr!(
                    lang,
                    "plus de {MAX_FOLDER_FILES} fichiers de clauses",
                    "more than {MAX_FOLDER_FILES} clause files"
                ),
                tr!(
                    lang,
                    "une bibliothèque de clauses tient en quelques dizaines de fichiers ; vérifiez le dossier",
                    "a clause library is a few dozen files; check the folder"
                ),
            ));
        }
        for path in paths {
            if !crate::input::is_within(&path, dir) {
                return Err(refuse(
                    &path,
                    tr!(
                        lang,
                        "lien vers un fichier hors du dossier de la bibliothèque ; pacte ne le lit pas",
                        "a link to a file outside the library folder; pacte does not read it"
                    ),
                    tr!(
                        lang,
                        "copiez le fichier dans le dossier plutôt que d'y faire un lien",
                        "copy the file into the folder instead of linking to it"
                    ),
                ));
            }
            let bytes = read_bounded(&path, MAX_LIBRARY_FILE_BYTES).map_err(|e| {
                refuse(
                    &path,
                    e.describe(lang),
                    tr!(
                        lang,
                        "une bibliothèque de clauses ne contient que des fichiers TOML ordinaires",
                        "a clause library holds only regular TOML files"
                    ),
                )
            })?;
            match String::from_utf8(bytes) {
                Ok(text) => {
                    total += text.len() as u64;
                    if total > MAX_FOLDER_BYTES {
                        let max = crate::input::human_size(MAX_FOLDER_BYTES);
                        return Err(refuse(
                            dir,
                            tr!(
                                lang,
                                "les fichiers de clauses dépassent {max} ensemble",
                                "the clause files hold more than {max} together"
                            ),
                            tr!(
                                lang,
                                "une bibliothèque de clauses tient en quelques dizaines de fichiers ; vérifiez le dossier",
                                "a clause library is a few dozen files; check the folder"
                            ),
                        ));
                    }
                    files.push((path, text));
                }
                Err(_) => {
                    return Err(refuse(
                        &path,
                        tr!(
                            lang,
                            "le fichier n'est pas encodé en UTF-8",
                            "the file is not UTF-8"
                        ),
                        tr!(lang, "réenregistrez-le en UTF-8", "save it again as UTF-8"),
                    ));
                }
            }
        }
    }
    files.sort();
    Ok(Layer { files })
}

fn io_report(path: &Path, e: &std::io::Error, lang: Lang) -> FileReport {
    let d = Diagnostic::new(
        Code::LibrarySyntax,
        None,
        tr!(lang, "impossible de lire la bibliothèque de clauses : {e}", "cannot read the clause library: {e}"),
    )
    .help(tr!(
        lang,
        "--clauses attend un dossier de fichiers de clauses (avec un sous-dossier profiles/ facultatif)",
        "--clauses takes a folder of clause files (with an optional profiles/ subfolder)"
    ));
    FileReport {
        path: path.to_path_buf(),
        source: None,
        diagnostics: vec![d],
    }
}

fn report(source: SourceFile, diagnostics: Vec<Diagnostic>) -> FileReport {
    FileReport {
        path: source.path().to_path_buf(),
        source: Some(source),
        diagnostics,
    }
}

/// Deserializes a library file; syntax and format errors become diagnostics.
fn parse<T: serde::de::DeserializeOwned>(source: &SourceFile, lang: Lang) -> Result<T, Diagnostic> {
    toml::from_str(source.text()).map_err(|e| {
        let syntax = toml::de::DeTable::parse(source.text()).is_err();
        let (code, help) = if syntax {
            (
                Code::LibrarySyntax,
                tr!(lang, "corrigez la syntaxe TOML", "fix the TOML syntax"),
            )
        } else {
            (
                Code::LibrarySchema,
                tr!(
                    lang,
                    "voir la section « Bibliothèque de clauses » du README pour le format",
                    "see the README's “Clause library” section for the format"
                ),
            )
        };
        Diagnostic::new(code, e.span(), e.message().trim().to_string()).help(help)
    })
}

fn check_file_name(source: &SourceFile, id: &Spanned<String>, lang: Lang) -> Option<Diagnostic> {
    let stem = source.path().file_stem()?.to_string_lossy();
    (stem != id.get_ref().as_str()).then(|| {
        Diagnostic::new(
            Code::IdMismatch,
            id.span(),
            tr!(
                lang,
                "le fichier « {stem}.toml » définit l'identifiant « {} »",
                "file `{stem}.toml` defines id `{}`",
                id.get_ref()
            ),
        )
        .help(tr!(
            lang,
            "renommez le fichier en « {}.toml »",
            "rename the file to `{}.toml`",
            id.get_ref()
        ))
    })
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SchemaFile {
    fields: Vec<Field>,
}

/// The fixed schemas of `[convention]` and `[[parties]]` (not overridable:
/// they are the file format's contract).
fn schema_fields(lang: Lang) -> Result<(Vec<Field>, Vec<Field>), Box<FileReport>> {
    let load = |name: &str, text: &str| {
        let source = SourceFile::new(format!("src/library/{name}"), text.to_string());
        parse::<SchemaFile>(&source, lang)
            .map(|s| s.fields)
            .map_err(|d| Box::new(report(source, vec![d])))
    };
    Ok((
        load("convention.toml", include_str!("convention.toml"))?,
        load("party.toml", include_str!("party.toml"))?,
    ))
}
