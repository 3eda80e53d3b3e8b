//! `pacte upgrade`'s work on files: each one read within pacte's limits and
//! its text upgraded in memory ([`crate::file_format`]) on every core,
//! written back atomically in place, and what it now lacks listed from a
//! check of its upgraded text.

use crate::check::{CheckOptions, Target};
use crate::diag::{Code, Diagnostic};
use crate::file_format::{UpgradeError, Upgraded, upgrade};
use crate::lang::Lang;
use crate::library::ClauseLibrary;
use crate::tr;
use std::path::{Path, PathBuf};

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// One file read and upgraded in memory, not yet written.
#[derive(Debug)]
pub struct FileUpgrade {
    pub path: PathBuf,
    /// The file itself, whatever link `path` reaches it by: its lock and
    /// its folder are this one's.
    real: PathBuf,
    /// The text as read, to compare and to show the diff against.
    pub before: String,
    /// A byte-order mark the file began with, written back.
    pub bom: bool,
    pub upgraded: Upgraded,
}

/// What became of one file.
#[derive(Debug)]
pub enum Planned {
    Upgrade(Box<FileUpgrade>),
    /// Found in a folder, but not a convention (a clause library, say):
    /// left alone.
    NotAConvention(PathBuf),
    /// Cannot be upgraded, with the reason in the interface language.
    Failed(PathBuf, String),
}

/// Reads and upgrades every target in memory, in parallel, keeping their
/// order. `named` are the paths given on the command line: those must be
/// conventions, while a folder may hold other TOML files.
pub fn plan(targets: &[Target], named: &[&Path], lang: Lang) -> Vec<Planned> {
    // A file reached twice (named twice, through a link, or as `d` and
    // `d/a.toml`) is planned once, under the first name it came by.
    let mut seen = std::collections::HashSet::new();
    let targets: Vec<(&Target, PathBuf)> = targets
        .iter()
        .filter_map(|t| {
            let real = match t {
                Target::File(p) => std::fs::canonicalize(p).unwrap_or_else(|_| p.clone()),
                Target::Skipped(p, _) => p.clone(),
            };
            let first = matches!(t, Target::Skipped(..)) || seen.insert(real.clone());
            first.then_some((t, real))
        })
        .collect();
    crate::check::parallel_map(&targets, |(t, real)| plan_one(t, real, named, lang))
}

/// Takes the edit lock of every file to write, by its real name whatever
/// link it was reached by (a wizard editing `a.toml` holds
/// `.a.toml.pacte-lock`), before any is written: a file open in the wizard
/// stops the run with nothing written. The locks are held until dropped.
pub fn lock_all(
    planned: &[Planned],
    lang: Lang,
) -> Result<Vec<crate::wizard::lock::EditLock>, Vec<(PathBuf, String)>> {
    let mut locks = Vec::new();
    let mut refused = Vec::new();
    for p in planned {
        let Planned::Upgrade(u) = p else { continue };
        if !u.upgraded.changed() {
            continue;
        }
        match crate::wizard::lock::EditLock::take(&u.real, lang) {
            Ok(lock) => locks.extend(lock),
            Err(why) => refused.push((u.path.clone(), why)),
        }
    }
    if refused.is_empty() {
        Ok(locks)
    } else {
        Err(refused)
    }
}

/// Why a planned file could not be written: checked for every file before
/// the first write, so that a run either writes every file or none for
/// want of permission (a read-only or immutable file, a folder where no
/// temporary file can be made).
pub fn unwritable(planned: &[Planned], lang: Lang) -> Vec<(PathBuf, String)> {
    planned
        .iter()
        .filter_map(|p| match p {
            Planned::Upgrade(u) if u.upgraded.changed() => {
                u.writable(lang).err().map(|why| (u.path.clone(), why))
            }
            _ => None,
        })
        .collect()
}

fn plan_one(target: &Target, real: &Path, named: &[&Path], lang: Lang) -> Planned {
    let path = match target {
        Target::File(p) => p,
        Target::Skipped(p, why) => return Planned::Failed(p.clone(), why.describe(lang)),
    };
    let limit = crate::convention::MAX_FILE_BYTES as u64;
    let bytes = match crate::input::read_bounded(path, limit) {
        Ok(b) => b,
        Err(e) => return Planned::Failed(path.clone(), e.describe(lang)),
    };
    let bom = bytes.starts_with(BOM);
    let text = match crate::convention::decode(bytes, lang) {
        Ok(t) => t,
        Err(u) => return Planned::Failed(path.clone(), u.diagnostic.message),
    };
    // The parser's memory grows with the tables and keys: counted first.
    if let Some(d) = crate::convention::too_many_nodes(&text, lang) {
        return Planned::Failed(path.clone(), d.message);
    }
    match upgrade(&text) {
        // A kept paragraph grows as comments: the result must still be a
        // file pacte reads.
        Ok(upgraded) if upgraded.text.len() > crate::convention::MAX_FILE_BYTES => {
            let max = crate::input::human_size(limit);
            Planned::Failed(
                path.clone(),
                tr!(
                    lang,
                    "une fois mis à jour, il dépasserait {max}, la taille d'une convention que pacte lit ; faites les changements à la main en suivant CHANGELOG.md",
                    "once upgraded it would exceed {max}, the size of a convention pacte reads; make the changes by hand following CHANGELOG.md"
                ),
            )
        }
        Ok(upgraded) => Planned::Upgrade(Box::new(FileUpgrade {
            path: path.clone(),
            real: real.to_path_buf(),
            before: text,
            bom,
            upgraded,
        })),
        Err(UpgradeError::NotAConvention) if !named.contains(&path.as_path()) => {
            Planned::NotAConvention(path.clone())
        }
        Err(e) => Planned::Failed(path.clone(), e.describe(lang)),
    }
}

/// What each planned file lacks once upgraded ([`FileUpgrade::to_fill`]),
/// computed on every core; empty for a file that needs no upgrade or
/// cannot be upgraded.
pub fn to_fill_all(
    planned: &[Planned],
    library: &ClauseLibrary,
    options: &CheckOptions,
) -> Vec<Vec<(Diagnostic, Option<usize>)>> {
    crate::check::parallel_map(planned, |p| match p {
        Planned::Upgrade(u) if u.upgraded.changed() => u.to_fill(library, options),
        _ => Vec::new(),
    })
}

/// Writes every file that needs it ([`FileUpgrade::write`]), in parallel:
/// each write waits on the disk (it is synced), so the waits overlap. `None`
/// for a file with nothing to write.
pub fn write_all(planned: &[Planned], lang: Lang) -> Vec<Option<Result<(), String>>> {
    crate::check::parallel_map(planned, |p| match p {
        Planned::Upgrade(u) if u.upgraded.changed() => Some(u.write(lang)),
        _ => None,
    })
}

impl FileUpgrade {
    /// Writes the upgraded text in place, atomically (the file's mode is
    /// kept), unless a wizard is editing the file or it changed since it was
    /// read: words the upgrade did not see are never replaced.
    /// The caller holds the file's edit lock ([`lock_all`]).
    pub fn write(&self, lang: Lang) -> Result<(), String> {
        let limit = crate::convention::MAX_FILE_BYTES as u64;
        let now = crate::input::read_bounded(&self.path, limit).map_err(|e| e.describe(lang))?;
        if now.strip_prefix(BOM).unwrap_or(&now) != self.before.as_bytes() {
            return Err(tr!(
                lang,
                "le fichier a changé pendant la mise à jour ; relancez `pacte upgrade`",
                "the file changed during the upgrade; run `pacte upgrade` again"
            ));
        }
        let mut bytes = Vec::with_capacity(self.upgraded.text.len() + BOM.len());
        if self.bom {
            bytes.extend_from_slice(BOM);
        }
        bytes.extend_from_slice(self.upgraded.text.as_bytes());
        crate::output::write_atomic(&self.path, &bytes).map_err(|e| crate::output::io_reason(&e))
    }

    /// Whether this user may replace the file: open it for writing (which
    /// the immutable attribute refuses even to root) and make a file in its
    /// folder. Nothing is changed.
    pub fn writable(&self, lang: Lang) -> Result<(), String> {
        let real = &self.real;
        let refuse = |e: std::io::Error| {
            let reason = crate::output::io_reason(&e);
            tr!(
                lang,
                "ne peut pas être remplacé ({reason}) ; rendez-le modifiable, ou retirez-le de la commande",
                "cannot be replaced ({reason}); make it writable, or leave it out of the command"
            )
        };
        std::fs::OpenOptions::new()
            .append(true)
            .open(real)
            .map_err(refuse)?;
        let dir = real.parent().unwrap_or(Path::new("."));
        tempfile::Builder::new()
            .prefix(".pacte-")
            .suffix(".tmp")
            .tempfile_in(dir)
            .map(drop)
            .map_err(refuse)
    }

    /// The clauses and fields the upgraded file lacks (P020, P012): newly
    /// required ones are never invented, they are listed for the person to
    /// fill in. Each with its line in the upgraded text.
    pub fn to_fill(
        &self,
        library: &ClauseLibrary,
        options: &CheckOptions,
    ) -> Vec<(Diagnostic, Option<usize>)> {
        let checked = crate::check_text(
            self.path.clone(),
            self.upgraded.text.clone(),
            library,
            options,
        );
        let source = checked.report.source;
        checked
            .report
            .diagnostics
            .into_iter()
            .filter(|d| matches!(d.code, Code::MissingClause | Code::MissingField))
            .map(|d| {
                let line = match (&source, &d.span) {
                    (Some(s), Some(span)) => Some(s.position(span.start).line),
                    _ => None,
                };
                (d, line)
            })
            .collect()
    }
}
