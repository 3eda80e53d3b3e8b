//! The check pipeline: read a file, type it against the library, validate it,
//! apply lint levels. One call per file; files are independent, so a list of
//! them is checked on every core.

use crate::config::{Config, Lints};
use crate::convention::{self, Convention};
use crate::diag::{Code, Diagnostic, FileReport, Severity};
use crate::lang::Lang;
use crate::library::ClauseLibrary;
use crate::source::SourceFile;
use crate::tr;
use crate::validate::{self, Options};
use std::path::{Path, PathBuf};

/// How to check.
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    pub validate: Options,
    pub lints: Lints,
    /// The interface language of the messages.
    pub lang: Lang,
}

/// A checked convention: its report, and its typed model when it parsed.
pub struct Checked {
    pub report: FileReport,
    pub convention: Option<Convention>,
}

impl Checked {
    /// Whether anything at error level was found (after lint levels).
    pub fn has_errors(&self) -> bool {
        self.report.count(Severity::Error) > 0
    }
}

/// Checks a convention given as text.
pub fn check_text(
    path: impl Into<PathBuf>,
    text: String,
    library: &ClauseLibrary,
    options: &CheckOptions,
) -> Checked {
    let source = SourceFile::new(path, text);
    let lang = options.lang;
    let (convention, mut diagnostics) = convention::load(&source, library, lang);
    if let Some(conv) = &convention {
        diagnostics.extend(validate::validate(conv, library, options.validate, lang));
    }
    options.lints.apply(&mut diagnostics);
    let mut report = FileReport {
        path: source.path().to_path_buf(),
        source: Some(source),
        diagnostics,
    };
    report.sort();
    Checked { report, convention }
}

/// Reads and checks one file. Never fails: an unreadable file is a report
/// with a fatal diagnostic.
pub fn check_file(path: &Path, library: &ClauseLibrary, options: &CheckOptions) -> Checked {
    let lang = options.lang;
    let fatal = |d: Diagnostic, text: Option<String>| Checked {
        report: FileReport {
            path: path.to_path_buf(),
            source: text.map(|t| SourceFile::new(path, t)),
            diagnostics: vec![d],
        },
        convention: None,
    };
    // Refuse before reading: never load a huge file into memory.
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    if size > convention::MAX_FILE_BYTES as u64 {
        return fatal(convention::too_large(size, lang), None);
    }
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            let d = Diagnostic::new(
                Code::UnreadableFile,
                None,
                tr!(lang, "lecture impossible : {e}", "cannot read: {e}"),
            )
            .help(tr!(
                lang,
                "vérifiez le chemin et les droits de lecture",
                "check the path and read permissions"
            ));
            return fatal(d, None);
        }
    };
    match convention::decode(bytes, lang) {
        Ok(text) => check_text(path, text, library, options),
        Err(u) => fatal(u.diagnostic, u.lossy_text),
    }
}

/// Checks many files, in parallel, keeping their order.
pub fn check_files(
    paths: &[PathBuf],
    library: &ClauseLibrary,
    options: &CheckOptions,
) -> Vec<FileReport> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(paths.len())
        .max(1);
    let chunk = paths.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let handles: Vec<_> = paths
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|p| check_file(p, library, options).report)
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| {
                h.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    })
}

/// Expands the arguments of `pacte check`: files as given, directories into
/// every `*.toml` beneath them (sorted), except hidden entries, settings
/// files and the folders the settings exclude.
pub fn collect_files(args: &[PathBuf], config: &Config) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for arg in args {
        if arg.is_dir() {
            walk(arg, config, &mut out);
        } else {
            out.push(arg.clone());
        }
    }
    out
}

fn walk(dir: &Path, config: &Config, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        // Reported when the folder itself is checked as a file.
        out.push(dir.to_path_buf());
        return;
    };
    let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    for path in paths {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if name.starts_with('.') || config.exclude.iter().any(|x| same_path(x, &path)) {
            continue;
        }
        if path.is_dir() {
            walk(&path, config, out);
        } else if name.ends_with(".toml") && !crate::config::FILE_NAMES.contains(&name.as_str()) {
            out.push(path);
        }
    }
}

fn same_path(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}
