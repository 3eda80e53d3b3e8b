//! `pacte upgrade`: conventions in an older format rewritten to the current
//! one, in place. All files are read and upgraded in memory first; when one
//! cannot be (not a convention, a newer format, unreadable), nothing at all
//! is written, so a repository is never left half upgraded.

use super::{EXIT_FAILURE, EXIT_FINDINGS, Env};
use clap::Args;
use pacte::check::{Target, collect_files};
use pacte::diag::{Code, sanitize};
use pacte::upgrade::{self, CURRENT, Upgraded};
use pacte::{Lang, tr};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Args, Debug)]
pub struct UpgradeArgs {
    /// Convention files, or folders (every `*.toml` beneath them that holds a
    /// [convention] table).
    #[arg(required = true, value_name = "FILE_OR_DIR")]
    paths: Vec<PathBuf>,

    /// Write nothing; exit 1 when a file needs upgrading (for CI).
    #[arg(long, conflicts_with = "dry_run")]
    check: bool,

    /// Write nothing; print each change as a unified diff.
    #[arg(long)]
    dry_run: bool,
}

/// One file read and upgraded in memory.
struct Planned {
    path: PathBuf,
    /// The text as read, to compare and to show the diff against.
    before: String,
    /// A byte-order mark the file began with, written back.
    bom: bool,
    upgraded: Upgraded,
}

/// What became of one argument's file.
enum Outcome {
    Planned(Box<Planned>),
    /// Found in a folder, but not a convention: left alone.
    NotAConvention(PathBuf),
    Failed(PathBuf, String),
}

pub fn run(env: &Env, args: UpgradeArgs) -> ExitCode {
    let lang = env.lang;
    let named: Vec<&Path> = args.paths.iter().map(PathBuf::as_path).collect();
    let targets = collect_files(&args.paths, &env.config);
    let outcomes: Vec<Outcome> = targets.iter().map(|t| plan(t, &named, lang)).collect();
    let stderr = std::io::stderr();
    let mut err = stderr.lock();
    let failed: Vec<(&PathBuf, &String)> = outcomes
        .iter()
        .filter_map(|o| match o {
            Outcome::Failed(p, why) => Some((p, why)),
            _ => None,
        })
        .collect();
    if !failed.is_empty() {
        for (path, why) in &failed {
            let _ = writeln!(
                err,
                "pacte: {}: {why}",
                sanitize(&path.display().to_string())
            );
        }
        let _ = writeln!(
            err,
            "{}",
            tr!(
                lang,
                "pacte : rien n'a été écrit ; corrigez ou retirez ces fichiers, puis relancez",
                "pacte: nothing was written; fix or leave out these files, then run again"
            )
        );
        return ExitCode::from(EXIT_FAILURE);
    }
    let library = match env.library() {
        Ok(l) => l,
        Err(code) => return code,
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut pending = 0usize;
    let mut written = 0usize;
    for outcome in &outcomes {
        let planned = match outcome {
            Outcome::Planned(p) => p,
            Outcome::NotAConvention(path) => {
                let shown = sanitize(&path.display().to_string()).into_owned();
                let _ = writeln!(
                    err,
                    "{}",
                    tr!(
                        lang,
                        "{shown} : pas de table [convention], laissé tel quel",
                        "{shown}: no [convention] table, left as it is"
                    )
                );
                continue;
            }
            Outcome::Failed(..) => continue,
        };
        if !planned.upgraded.changed() {
            continue;
        }
        pending += 1;
        let shown = sanitize(&planned.path.display().to_string()).into_owned();
        if args.dry_run {
            let diff = similar::TextDiff::from_lines(&planned.before, &planned.upgraded.text);
            let _ = write!(
                out,
                "{}",
                diff.unified_diff().context_radius(2).header(&shown, &shown)
            );
        } else if !args.check {
            if let Err(why) = write(planned, lang) {
                let _ = writeln!(err, "pacte: {shown}: {why}");
                return ExitCode::from(EXIT_FAILURE);
            }
            written += 1;
        }
        report(&mut out, planned, &library, env, args.check || args.dry_run);
    }
    let total = outcomes
        .iter()
        .filter(|o| matches!(o, Outcome::Planned(_)))
        .count();
    let summary = if args.check || args.dry_run {
        tr!(
            lang,
            "{pending} fichier(s) sur {total} à mettre au format {CURRENT} ; rien n'a été écrit",
            "{pending} file(s) of {total} to bring to format {CURRENT}; nothing was written"
        )
    } else {
        tr!(
            lang,
            "{written} fichier(s) sur {total} mis au format {CURRENT}",
            "{written} file(s) of {total} brought to format {CURRENT}"
        )
    };
    let _ = writeln!(err, "{summary}");
    if args.check && pending > 0 {
        ExitCode::from(EXIT_FINDINGS)
    } else {
        ExitCode::SUCCESS
    }
}

/// Reads one file and upgrades it in memory.
fn plan(target: &Target, named: &[&Path], lang: Lang) -> Outcome {
    let path = match target {
        Target::File(p) => p,
        Target::Skipped(p, why) => return Outcome::Failed(p.clone(), why.describe(lang)),
    };
    let bytes = match pacte::input::read_bounded(path, pacte::convention::MAX_FILE_BYTES as u64) {
        Ok(b) => b,
        Err(e) => return Outcome::Failed(path.clone(), e.describe(lang)),
    };
    let bom = bytes.starts_with(b"\xEF\xBB\xBF");
    let text = match pacte::convention::decode(bytes, lang) {
        Ok(t) => t,
        Err(u) => return Outcome::Failed(path.clone(), u.diagnostic.message),
    };
    if let Some(d) = pacte::convention::too_many_nodes(&text, lang) {
        return Outcome::Failed(path.clone(), d.message);
    }
    match upgrade::upgrade(&text) {
        Ok(upgraded) => Outcome::Planned(Box::new(Planned {
            path: path.clone(),
            before: text,
            bom,
            upgraded,
        })),
        // A folder may hold other TOML files (a clause library, settings):
        // only a file named on the command line must be a convention.
        Err(upgrade::UpgradeError::NotAConvention) if !named.contains(&path.as_path()) => {
            Outcome::NotAConvention(path.clone())
        }
        Err(e) => Outcome::Failed(path.clone(), e.describe(lang)),
    }
}

/// Writes the upgraded text in place, atomically, unless a wizard is
/// editing the file.
fn write(planned: &Planned, lang: Lang) -> Result<(), String> {
    let _lock = pacte::wizard::lock::EditLock::take(&planned.path, lang)?;
    // The file may have changed since it was read: never replace words the
    // upgrade did not see.
    let now = pacte::input::read_bounded(&planned.path, pacte::convention::MAX_FILE_BYTES as u64)
        .map_err(|e| e.describe(lang))?;
    let now = String::from_utf8_lossy(now.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&now));
    if now != planned.before {
        return Err(tr!(
            lang,
            "le fichier a changé pendant la mise à jour ; relancez `pacte upgrade`",
            "the file changed during the upgrade; run `pacte upgrade` again"
        ));
    }
    let mut bytes = Vec::with_capacity(planned.upgraded.text.len() + 3);
    if planned.bom {
        bytes.extend_from_slice(b"\xEF\xBB\xBF");
    }
    bytes.extend_from_slice(planned.upgraded.text.as_bytes());
    pacte::output::write_atomic(&planned.path, &bytes).map_err(|e| pacte::output::io_reason(&e))
}

/// Prints what changed in one file, what is left to do by hand, and the
/// clauses and fields now required that it lacks.
fn report(
    out: &mut dyn Write,
    planned: &Planned,
    library: &pacte::ClauseLibrary,
    env: &Env,
    dry: bool,
) {
    let lang = env.lang;
    let shown = sanitize(&planned.path.display().to_string()).into_owned();
    let from = planned.upgraded.from;
    let head = if dry {
        tr!(
            lang,
            "{shown} : format {from} → {CURRENT} (à faire : `pacte upgrade {shown}`)",
            "{shown}: format {from} → {CURRENT} (to do: `pacte upgrade {shown}`)"
        )
    } else {
        tr!(
            lang,
            "{shown} : format {from} → {CURRENT}",
            "{shown}: format {from} → {CURRENT}"
        )
    };
    let _ = writeln!(out, "{head}");
    for change in &planned.upgraded.changes {
        let mark = if change.is_manual() { "!" } else { "-" };
        let _ = writeln!(out, "  {mark} {}", sanitize(&change.describe(lang)));
    }
    // What the new format requires and the file lacks: never invented,
    // listed from a check of the upgraded text.
    let checked = pacte::check_text(
        planned.path.clone(),
        planned.upgraded.text.clone(),
        library,
        &env.check_options(),
    );
    let source = checked.report.source.as_ref();
    let missing: Vec<_> = checked
        .report
        .diagnostics
        .iter()
        .filter(|d| matches!(d.code, Code::MissingClause | Code::MissingField))
        .collect();
    if missing.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "  {}",
        tr!(
            lang,
            "À remplir (devenu obligatoire ou absent) :",
            "To fill in (now required, or absent):"
        )
    );
    for d in missing {
        let at = match (source, &d.span) {
            (Some(s), Some(span)) => format!("{shown}:{}: ", s.position(span.start).line),
            _ => format!("{shown}: "),
        };
        let _ = writeln!(out, "    ? {at}{}", sanitize(&d.message));
        let _ = writeln!(out, "      {}", sanitize(&d.help));
    }
}
