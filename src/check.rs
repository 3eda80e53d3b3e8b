//! The check pipeline: read a file, type it against the library, validate it,
//! apply lint levels. One call per file; files are independent, so a list of
//! them is checked on every core.

use crate::config::{Config, Lints};
use crate::convention::{self, Convention};
use crate::diag::{Code, Diagnostic, FileReport, Severity};
use crate::input::{Entry, ReadError, Skip, Walk};
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
    /// The edition being made (`render --lang en`): every free-text answer
    /// must have its text (P085). `None`: the convention's own language.
    pub edition: Option<Lang>,
    /// Under `--draft`: an answer without text in the edition keeps its
    /// original text, marked « [non traduit] », instead of failing.
    pub mark_untranslated: bool,
    /// A second edition made alongside the first (`render --bilingual`):
    /// the convention is typed in it too, and its untranslated answers are
    /// reported as well.
    pub second_edition: Option<Lang>,
}

/// A checked convention: its report, and its typed model when it parsed.
pub struct Checked {
    pub report: FileReport,
    pub convention: Option<Convention>,
    /// The convention typed in [`CheckOptions::second_edition`].
    pub second: Option<Convention>,
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
    let (convention, mut diagnostics) = convention::load(
        &source,
        library,
        lang,
        (options.edition, options.mark_untranslated),
    );
    if let Some(conv) = &convention {
        diagnostics.extend(validate::validate(conv, library, options.validate, lang));
    }
    // The second edition differs from the first only in the texts it
    // picks: only its own missing translations are new.
    let second = options.second_edition.and_then(|edition| {
        let (conv, found) = convention::load(
            &source,
            library,
            lang,
            (Some(edition), options.mark_untranslated),
        );
        // Keyed, not searched: a hostile file may hold 100,000 of them.
        let key = |d: &Diagnostic| (d.span.as_ref().map(|s| s.start), d.message.clone());
        let seen: std::collections::BTreeSet<_> = diagnostics
            .iter()
            .filter(|d| d.code == Code::UntranslatedAnswer)
            .map(key)
            .collect();
        diagnostics.extend(
            found
                .into_iter()
                .filter(|d| d.code == Code::UntranslatedAnswer && !seen.contains(&key(d))),
        );
        conv
    });
    // The text checks read every promised edition, not only the one typed:
    // a slip in the English of a bilingual convention is a slip. The
    // second edition, when it was loaded above, is not loaded again.
    if let Some(conv) = &convention {
        let typed = options.edition.unwrap_or_else(|| conv.language());
        let others = conv.editions().map(|e| e.value).unwrap_or_default();
        for edition in others.into_iter().filter(|l| *l != typed) {
            let reloaded;
            let other = match &second {
                Some(second) if options.second_edition == Some(edition) => Some(second),
                _ => {
                    reloaded = convention::load(&source, library, lang, (Some(edition), true)).0;
                    reloaded.as_ref()
                }
            };
            if let Some(other) = other {
                // A value kept as written in every edition (a name) is the
                // same text at the same place: reported once.
                for d in validate::text_checks(other, library, lang)
                    .into_iter()
                    .chain(validate::paragraphs_match(
                        (conv, typed),
                        (other, edition),
                        library,
                        lang,
                    ))
                {
                    if !diagnostics
                        .iter()
                        .any(|e| e.code == d.code && e.span == d.span)
                    {
                        diagnostics.push(d);
                    }
                }
            }
        }
    }
    options.lints.apply(&mut diagnostics);
    let mut report = FileReport {
        path: source.path().to_path_buf(),
        source: Some(source),
        diagnostics,
    };
    report.sort();
    Checked {
        report,
        convention,
        second,
    }
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
        second: None,
    };
    let bytes = match crate::input::read_bounded(path, convention::MAX_FILE_BYTES as u64) {
        Ok(b) => b,
        Err(ReadError::TooLarge { .. }) => {
            // The size on record when there is one; a device or a growing
            // file may report less than was read.
            let size = std::fs::metadata(path).map_or(0, |m| m.len());
            return fatal(convention::too_large(size, lang), None);
        }
        Err(e) => return fatal(unreadable(&e, lang), None),
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
    parallel_map(paths, |p| check_file(p, library, options).report)
}

/// Maps `f` over `items` on every core; the results keep the items' order,
/// so the output is the same as a sequential run's. Items are handed out one
/// at a time, so one slow file does not hold back a whole share.
pub(crate) fn parallel_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(items.len())
        .max(1);
    if threads == 1 {
        return items.iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let mut results: Vec<(usize, R)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else { break };
                        done.push((i, f(item)));
                    }
                    done
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
    });
    results.sort_unstable_by_key(|(i, _)| *i);
    results.into_iter().map(|(_, r)| r).collect()
}

/// What `pacte check` was asked to read: a file, or an entry of a folder
/// that is not read, with the reason.
#[derive(Debug, Clone)]
pub enum Target {
    File(PathBuf),
    Skipped(PathBuf, Skip),
}

/// Expands the arguments of `pacte check`: files as given, directories into
/// every `*.toml` beneath them (sorted), except hidden entries, settings
/// files and the folders the settings exclude. Each real file is taken once;
/// link loops end; a link leading out of the folder, a FIFO or a device is
/// reported instead of read.
pub fn collect_files(args: &[PathBuf], config: &Config) -> Vec<Target> {
    let mut out = Vec::new();
    // Resolved once: each entry is then one lookup, however many excludes.
    let excluded: std::collections::HashSet<PathBuf> = config
        .exclude
        .iter()
        .map(|x| std::fs::canonicalize(x).unwrap_or_else(|_| x.clone()))
        .collect();
    let keep = |path: &Path| {
        let name = path.file_name().map(|n| n.to_string_lossy());
        let is_toml = name
            .as_deref()
            .is_some_and(|n| n.ends_with(".toml") && !crate::config::FILE_NAMES.contains(&n));
        // The name first; a path is resolved only when excludes need it.
        (is_toml || path.is_dir())
            && (excluded.is_empty()
                || !excluded
                    .contains(&std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())))
    };
    let root = repository_root();
    for arg in args {
        if let Some(real) = root.as_deref().and_then(|root| leads_out(arg, root)) {
            out.push(Target::Skipped(arg.clone(), Skip::OutsideRoot(real)));
            continue;
        }
        if arg.is_dir() {
            for entry in Walk::new(arg, &keep).entries() {
                match entry {
                    Entry::File(p) => out.push(Target::File(p)),
                    Entry::Skipped(_, Skip::AlreadyWalked) => {}
                    Entry::Skipped(p, why) => out.push(Target::Skipped(p, why)),
                }
            }
        } else {
            out.push(Target::File(arg.clone()));
        }
    }
    out
}

/// Checks what [`collect_files`] found, in parallel, keeping its order; an
/// entry that was not read is reported as unreadable, with the reason.
///
/// `done` is called after each file, from any thread (for a progress bar).
pub fn check_targets(
    targets: &[Target],
    library: &ClauseLibrary,
    options: &CheckOptions,
    done: &(dyn Fn() + Sync),
) -> Vec<FileReport> {
    parallel_map(targets, |t| {
        let report = check_target(t, library, options);
        done();
        report
    })
}

fn check_target(t: &Target, library: &ClauseLibrary, options: &CheckOptions) -> FileReport {
    match t {
        Target::File(p) => check_file(p, library, options).report,
        Target::Skipped(p, why) => FileReport {
            path: p.clone(),
            source: None,
            diagnostics: vec![
                Diagnostic::new(Code::UnreadableFile, None, why.describe(options.lang)).help(
                    tr!(
                        options.lang,
                        "pacte ne lit que les fichiers ordinaires du dossier vérifié ; pour vérifier un autre fichier, nommez-le sur la ligne de commande",
                        "pacte reads only regular files inside the folder it checks; to check another file, name it on the command line"
                    ),
                ),
            ],
        },
    }
}

/// The repository the current folder is in (the nearest folder holding
/// `.git`), else the current folder.
fn repository_root() -> Option<PathBuf> {
    let cwd = std::env::current_dir().ok()?;
    let root = cwd
        .ancestors()
        .find(|d| d.join(".git").exists())
        .unwrap_or(&cwd);
    std::fs::canonicalize(root).ok()
}

/// Where `arg` really leads, when it is written as a path inside the
/// repository (relative, no `..`) but a link takes it outside: the CI
/// recipe's `pacte check conventions/` must not read a pull request's
/// `conventions -> /home/runner` link. A path written absolute or with
/// `..` says where it goes and is taken as given.
fn leads_out(arg: &Path, root: &Path) -> Option<PathBuf> {
    use std::path::Component;
    let looks_inside = arg
        .components()
        .all(|c| matches!(c, Component::Normal(_) | Component::CurDir));
    if !looks_inside {
        return None;
    }
    let real = std::fs::canonicalize(arg).ok()?;
    (!real.starts_with(root)).then_some(real)
}

/// The diagnostic for a file that could not be read.
fn unreadable(e: &ReadError, lang: Lang) -> Diagnostic {
    Diagnostic::new(Code::UnreadableFile, None, e.describe(lang)).help(tr!(
        lang,
        "vérifiez le chemin et les droits de lecture",
        "check the path and read permissions"
    ))
}
