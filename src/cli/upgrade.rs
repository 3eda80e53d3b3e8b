//! `pacte upgrade`: conventions in an older format rewritten to the current
//! one, in place. All files are read and upgraded in memory first; when one
//! cannot be (not a convention, a newer format, unreadable), nothing at all
//! is written, so a repository is never left half upgraded.

use super::{EXIT_FAILURE, EXIT_FINDINGS, Env};
use clap::Args;
use pacte::check::collect_files;
use pacte::diag::sanitize;
use pacte::file_format::CURRENT;
use pacte::tr;
use pacte::upgrade::{self as files, FileUpgrade, Planned};
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

pub fn run(env: &Env, args: UpgradeArgs) -> ExitCode {
    let lang = env.lang;
    let named: Vec<&Path> = args.paths.iter().map(PathBuf::as_path).collect();
    let targets = collect_files(&args.paths, &env.config);
    let outcomes = files::plan(&targets, &named, lang);
    let stderr = std::io::stderr();
    let mut err = stderr.lock();
    let failed: Vec<(&PathBuf, &String)> = outcomes
        .iter()
        .filter_map(|o| match o {
            Planned::Failed(p, why) => Some((p, why)),
            _ => None,
        })
        .collect();
    if !failed.is_empty() {
        let failed: Vec<(PathBuf, String)> = failed
            .into_iter()
            .map(|(p, w)| (p.clone(), w.clone()))
            .collect();
        return refuse(&mut err, &failed, lang);
    }
    let library = match env.library() {
        Ok(l) => l,
        Err(code) => return code,
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let lacking = files::to_fill_all(&outcomes, &library, &env.check_options());
    let writes = if args.check || args.dry_run {
        Vec::new()
    } else {
        // Every file must be writable, and none open in the wizard, before
        // the first is written; the locks are held while writing.
        let mut refused = files::unwritable(&outcomes, lang);
        let locks = match files::lock_all(&outcomes, lang) {
            Ok(locks) => locks,
            Err(more) => {
                refused.extend(more);
                Vec::new()
            }
        };
        if !refused.is_empty() {
            return refuse(&mut err, &refused, lang);
        }
        let writes = files::write_all(&outcomes, lang);
        drop(locks);
        writes
    };
    let mut pending = 0usize;
    let mut written = 0usize;
    let mut failed = false;
    for (i, (outcome, missing)) in outcomes.iter().zip(lacking).enumerate() {
        let planned = match outcome {
            Planned::Upgrade(p) => p,
            Planned::NotAConvention(path) => {
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
            Planned::Failed(..) => continue,
        };
        if !planned.upgraded.changed() {
            continue;
        }
        pending += 1;
        let shown = sanitize(&planned.path.display().to_string()).into_owned();
        if args.dry_run {
            let diff = similar::TextDiff::from_lines(&planned.before, &planned.upgraded.text);
            let diff = diff
                .unified_diff()
                .context_radius(2)
                .header(&shown, &shown)
                .to_string();
            // The file's own text, shown safe: no control sequence reaches
            // the terminal from a stranger's file.
            for line in diff.lines() {
                let _ = writeln!(out, "{}", sanitize(line));
            }
        } else if let Some(Some(result)) = writes.get(i) {
            if let Err(why) = result {
                let _ = writeln!(err, "pacte: {shown}: {}", sanitize(why));
                failed = true;
                continue;
            }
            written += 1;
        }
        report(&mut out, planned, missing, lang, args.check || args.dry_run);
    }
    let total = outcomes
        .iter()
        .filter(|o| matches!(o, Planned::Upgrade(_)))
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
    if failed {
        ExitCode::from(EXIT_FAILURE)
    } else if args.check && pending > 0 {
        ExitCode::from(EXIT_FINDINGS)
    } else {
        ExitCode::SUCCESS
    }
}

/// Says why each file cannot be upgraded, that nothing was written, and
/// returns the failure exit code.
fn refuse(err: &mut dyn Write, files: &[(PathBuf, String)], lang: pacte::Lang) -> ExitCode {
    for (path, why) in files {
        let _ = writeln!(
            err,
            "pacte: {}: {}",
            sanitize(&path.display().to_string()),
            sanitize(why)
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
    ExitCode::from(EXIT_FAILURE)
}

/// Prints what changed in one file, what is left to do by hand, and the
/// clauses and fields now required that it lacks.
fn report(
    out: &mut dyn Write,
    planned: &FileUpgrade,
    missing: Vec<(pacte::Diagnostic, Option<usize>)>,
    lang: pacte::Lang,
    dry: bool,
) {
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
    for (d, line) in missing {
        let at = match line {
            Some(line) => format!("{shown}:{line}: "),
            None => format!("{shown}: "),
        };
        let _ = writeln!(out, "    ? {at}{}", sanitize(&d.message));
        let _ = writeln!(out, "      {}", sanitize(&d.help));
    }
}
