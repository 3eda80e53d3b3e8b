//! `pacte check`.

use super::{EXIT_CLEAN, EXIT_FAILURE, EXIT_FINDINGS, Env, fail};
use clap::{Args, ValueEnum};
use pacte::config::Level;
use pacte::diag::{Summary, github, human, json, sarif};
use pacte::validate::Options;
use pacte::{CheckOptions, tr};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args, Debug)]
pub struct CheckArgs {
    /// Convention files, or folders to search for *.toml files.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,

    /// Fail on warnings too.
    #[arg(long)]
    strict: bool,

    /// Add the signature-readiness checks (mandates, placeholders, advised clauses).
    #[arg(long = "final")]
    final_check: bool,

    /// Do not report this code (repeatable; a code like P019 or its name).
    #[arg(long, value_name = "CODE")]
    allow: Vec<String>,

    /// Report this code as a warning (repeatable).
    #[arg(long, value_name = "CODE")]
    warn: Vec<String>,

    /// Report this code as an error (repeatable).
    #[arg(long, value_name = "CODE")]
    deny: Vec<String>,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Format {
    /// Readable, with the offending line and a caret, like rustc.
    Human,
    /// One JSON document (version 1, described in the README).
    Json,
    /// SARIF 2.1.0, for code-scanning services.
    Sarif,
    /// GitHub Actions annotations, shown inline on pull requests.
    Github,
}

/// Files from which a run is long enough to deserve a progress bar.
const PROGRESS_FROM: usize = 200;

/// A progress bar on standard error for long runs at a terminal; hidden in
/// a pipe, in CI (`CI` set) and with a machine format, where it would only
/// be noise.
fn progress_bar(files: usize, human: bool) -> indicatif::ProgressBar {
    use std::io::IsTerminal;
    let show = human
        && files >= PROGRESS_FROM
        && std::io::stderr().is_terminal()
        && std::env::var_os("CI").is_none();
    if !show {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(files as u64);
    if let Ok(style) = indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} {msg}") {
        bar.set_style(style);
    }
    bar
}

pub fn run(env: &Env, args: CheckArgs) -> ExitCode {
    let lang = env.lang;
    let mut lints = env.config.lints.clone();
    for (codes, level) in [
        (&args.allow, Level::Allow),
        (&args.warn, Level::Warn),
        (&args.deny, Level::Deny),
    ] {
        for code in codes {
            if let Err(message) = lints.set(code, level, lang) {
                return fail(&message);
            }
        }
    }
    let library = match env.library() {
        Ok(l) => l,
        Err(code) => return code,
    };
    let options = CheckOptions {
        validate: Options {
            final_check: args.final_check,
            ..Default::default()
        },
        lints,
        lang,
        ..Default::default()
    };
    let files = pacte::check::collect_files(&args.files, &env.config);
    if files.is_empty() {
        return fail(&tr!(
            lang,
            "aucun fichier .toml à vérifier",
            "no .toml file to check"
        ));
    }
    let progress = progress_bar(files.len(), matches!(args.format, Format::Human));
    let tick = || progress.inc(1);
    let reports = pacte::check::check_targets(&files, &library, &options, &tick);
    progress.finish_and_clear();
    let summary = Summary::of(&reports);

    // Buffered: the machine formats write hundreds of thousands of lines.
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let written = match args.format {
        Format::Human => reports
            .iter()
            .try_for_each(|r| human::write_report(&mut out, r, lang, env.color))
            .and_then(|()| writeln!(out, "{}", human::summary_line(&summary, lang))),
        Format::Json => json::write(&mut out, &reports),
        Format::Sarif => sarif::write(&mut out, &reports, lang),
        Format::Github => github::write(&mut out, &reports),
    };
    if let Err(e) = written.and_then(|()| out.flush())
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        return fail(&e.to_string());
    }

    let code = if summary.unreadable > 0 {
        EXIT_FAILURE
    } else if summary.errors > 0 || (args.strict && summary.warnings > 0) {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    };
    ExitCode::from(code)
}
