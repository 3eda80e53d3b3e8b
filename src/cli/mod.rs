//! Command-line interface: arguments, and printing. Only this layer touches
//! standard output and error.

mod clauses;
mod completions;
mod diff;
mod explain;
mod lint;
mod reference;
mod render;
mod sandbox;
mod schema;
mod upgrade;
mod wizard;

use clap::{Parser, Subcommand, ValueEnum};
use pacte::config::Config;
use pacte::{ClauseLibrary, Lang};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Exit codes, the contract with scripts and CI (documented in the README).
pub const EXIT_CLEAN: u8 = 0;
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_FAILURE: u8 = 2;

#[derive(Parser, Debug)]
#[command(
    name = "pacte",
    version,
    about = "Build, check and render partnership conventions between public bodies and third-sector organisations.",
    long_about = "Build, check and render partnership conventions between public bodies and third-sector organisations.\n\nConstruire, vérifier et rendre des conventions de partenariat entre organismes publics et tiers secteur."
)]
pub struct Cli {
    /// Interface language: fr or en (default: from LANG, else fr).
    #[arg(long, global = true, value_parser = parse_lang)]
    lang: Option<Lang>,

    /// An organisation's clause library, laid over the bundled one (repeatable).
    #[arg(long = "clauses", global = true, value_name = "DIR")]
    clause_dirs: Vec<PathBuf>,

    /// Read settings from this file instead of searching for pacte.toml.
    #[arg(long, global = true, value_name = "FILE", conflicts_with = "no_config")]
    config: Option<PathBuf>,

    /// Ignore the repository's pacte.toml (for CI on untrusted pull requests).
    #[arg(long, global = true)]
    no_config: bool,

    /// When to colour output.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,

    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Check conventions for completeness and consistency.
    Check(lint::CheckArgs),
    /// Explain a diagnostic code: what it means, why it matters, how to fix it.
    Explain {
        /// A code (P051) or its name (quorum-single-party).
        code: String,
    },
    /// Start a convention with the interactive wizard.
    New(wizard::NewArgs),
    /// Resume or revise a convention with the wizard.
    Edit(wizard::EditArgs),
    /// Render a checked convention as Markdown a lawyer can review.
    Render(render::RenderArgs),
    /// Compare two versions of a convention: summary, then a redline of each changed article.
    Diff(diff::DiffArgs),
    /// Show the clause library.
    #[command(subcommand)]
    Clauses(clauses::ClausesCommand),
    /// Bring conventions written in an older format to the current one, in place.
    ///
    /// Moves the fields that changed place, keeping comments, order and layout, and writes
    /// `format` in [convention]. Clauses and fields that became required are never invented:
    /// each one a file lacks is listed, with `pacte clauses show ID` to fill it. If any file
    /// cannot be upgraded (not a convention, a newer format, unreadable), nothing is written.
    /// Exit status: 0 done; 1 with --check when a file needs upgrading; 2 when a file cannot be
    /// upgraded or written. CHANGELOG.md describes each format.
    Upgrade(upgrade::UpgradeArgs),
    /// Print the JSON Schema of a convention file, for editors (Taplo, Even Better TOML).
    Schema(schema::SchemaArgs),
    /// Write the documentation's reference pages (commands, codes, clauses, limits).
    #[command(hide = true)]
    Reference(reference::ReferenceArgs),
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish).
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page, or write every command's page into a folder.
    Man {
        /// Write pacte.1, pacte-check.1, … into this folder.
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
        /// Replace pages in DIR that pacte did not write.
        #[arg(long)]
        force: bool,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

pub(crate) fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| format!("`{s}`: expected fr or en"))
}

/// What every command needs.
pub struct Env {
    pub lang: Lang,
    /// Whether the person chose the interface language (`--lang`, `LANG`);
    /// otherwise `pacte edit` speaks the convention's language.
    pub lang_chosen: bool,
    pub color: bool,
    pub config: Config,
    pub clause_dirs: Vec<PathBuf>,
}

impl Env {
    /// How `render` and `diff` check their input: the repository's lint
    /// levels, in the interface language.
    pub fn check_options(&self) -> pacte::CheckOptions {
        pacte::CheckOptions {
            lints: self.config.lints.clone(),
            lang: self.lang,
            ..Default::default()
        }
    }

    /// Loads the clause library, printing its defects when it is broken.
    pub fn library(&self) -> Result<ClauseLibrary, ExitCode> {
        let mut dirs = self.config.clauses.clone();
        dirs.extend(self.clause_dirs.iter().cloned());
        ClauseLibrary::load(&dirs, self.lang).map_err(|e| {
            let stderr = std::io::stderr();
            let mut out = stderr.lock();
            for report in &e.reports {
                let _ = pacte::diag::human::write_report(&mut out, report, self.lang, self.color);
            }
            let _ = writeln!(
                out,
                "{}",
                pacte::tr!(
                    self.lang,
                    "pacte : la bibliothèque de clauses est invalide",
                    "pacte: the clause library is invalid"
                )
            );
            ExitCode::from(EXIT_FAILURE)
        })
    }
}

/// What the signal handler does before exiting, besides removing temporary
/// files: the wizard says where the answers are.
type SignalHook = Box<dyn Fn() + Send>;
static ON_SIGNAL: std::sync::Mutex<Option<SignalHook>> = std::sync::Mutex::new(None);

/// Sets what the signal handler says before exiting.
pub fn on_signal(hook: impl Fn() + Send + 'static) {
    *ON_SIGNAL
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner) = Some(Box::new(hook));
}

/// Ctrl-C, SIGTERM and SIGHUP end pacte at once, but never leave a
/// temporary file of an atomic write behind.
fn install_signal_handler() {
    let _ = ctrlc::set_handler(|| {
        pacte::output::remove_pending_temporaries();
        if let Some(hook) = ON_SIGNAL
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .as_ref()
        {
            hook();
        }
        std::process::exit(130);
    });
}

/// The command's definition, with the version line that names the file
/// format and the clause library this binary reads (`pacte --version`).
pub fn command() -> clap::Command {
    use clap::CommandFactory;
    Cli::command().version(version_line())
}

/// `0.2.0 (convention format 2, clause library 2026.12)`.
pub fn version_line() -> &'static str {
    static LINE: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    LINE.get_or_init(|| {
        format!(
            "{} (convention format {}, clause library {})",
            env!("CARGO_PKG_VERSION"),
            pacte::file_format::CURRENT,
            pacte::library::LIBRARY_VERSION
        )
    })
}

pub fn run() -> ExitCode {
    use clap::FromArgMatches;
    let cli = match Cli::from_arg_matches(&command().get_matches()) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    install_signal_handler();
    let locale = std::env::var("LANG").ok();
    let lang_chosen = cli.lang.is_some() || Lang::named_by_locale(locale.as_deref()).is_some();
    let lang = cli
        .lang
        .unwrap_or_else(|| Lang::from_locale(locale.as_deref()));
    // Generated from the argument definitions alone: no settings, no library.
    match &cli.command {
        Command::Completions { shell } => return completions::completions(*shell),
        Command::Man { dir, force } => return completions::man(dir.as_deref(), *force, lang),
        _ => {}
    }
    let color = match cli.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
        }
    };
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let settings = if cli.no_config {
        Ok(Config::default())
    } else if let Some(path) = &cli.config {
        Config::read(path, lang, pacte::config::Trust::User)
    } else {
        Config::discover(&cwd, lang)
    };
    let config = match settings {
        Ok(c) => c,
        Err(message) => return fail(&message),
    };
    let env = Env {
        lang,
        lang_chosen,
        color,
        config,
        clause_dirs: cli.clause_dirs,
    };
    match cli.command {
        Command::Check(args) => lint::run(&env, args),
        Command::Render(args) => render::run(&env, args, cli.lang),
        Command::New(args) => wizard::new(&env, args, cli.lang),
        Command::Edit(args) => wizard::edit(&env, args),
        Command::Explain { code } => explain::run(&env, &code),
        Command::Clauses(cmd) => clauses::run(&env, cmd),
        Command::Schema(args) => schema::run(&env, args),
        Command::Upgrade(args) => upgrade::run(&env, args),
        Command::Reference(args) => reference::run(&env, args),
        Command::Diff(args) => diff::run(&env, args, cli.lang),
        Command::Completions { .. } | Command::Man { .. } => ExitCode::SUCCESS,
    }
}

/// What a command that writes a document from conventions does before its
/// work (`render`, `diff`): refuse an output that is one of its inputs; with
/// an organisation's templates, run in a limited child — the parent gets the
/// child's exit code back as `Err` — and read the templates once, for every
/// document and fingerprint of the run.
pub fn start_document(
    lang: Lang,
    inputs: &[&std::path::Path],
    output: Option<&std::path::Path>,
    force: bool,
    binary: bool,
    templates: Option<&std::path::Path>,
) -> Result<Option<pacte::render::Templates>, ExitCode> {
    refuse_input_as_output(lang, output, inputs)?;
    if let Some(code) = sandboxed(lang, templates, output, force, binary) {
        return Err(code);
    }
    templates
        .map(|dir| pacte::render::Templates::read(dir, lang))
        .transpose()
        .map_err(|e| {
            fail(&pacte::tr!(
                lang,
                "rendu impossible : {e}",
                "cannot render: {e}"
            ))
        })
}

/// Refuses an output that is one of the command's inputs (`render c.toml
/// -o c.toml --force` would replace the convention with its rendering).
fn refuse_input_as_output(
    lang: Lang,
    output: Option<&std::path::Path>,
    inputs: &[&std::path::Path],
) -> Result<(), ExitCode> {
    let Some(real_out) = output.and_then(|o| std::fs::canonicalize(o).ok()) else {
        return Ok(());
    };
    for input in inputs {
        if std::fs::canonicalize(input).is_ok_and(|i| i == real_out) {
            let shown = input.display();
            return Err(fail(&pacte::tr!(
                lang,
                "{shown} est à la fois l'entrée et la sortie : choisissez un autre nom avec -o (même --force ne remplace pas la source)",
                "{shown} is both the input and the output: choose another name with -o (not even --force replaces the source)"
            )));
        }
    }
    Ok(())
}

/// With an organisation's templates, runs the command in a limited child
/// (see [`sandbox`]) and writes what it produced: `Some(exit code)` when
/// done so, `None` in the child itself or without templates.
fn sandboxed(
    lang: Lang,
    templates: Option<&std::path::Path>,
    output: Option<&std::path::Path>,
    force: bool,
    binary: bool,
) -> Option<ExitCode> {
    templates?;
    if sandbox::is_child() {
        sandbox::enter_child();
        return None;
    }
    Some(match sandbox::run_child(lang) {
        Ok((bytes, code)) => match write_output(lang, output, &bytes, force, binary) {
            Ok(()) => ExitCode::from(code),
            Err(code) => code,
        },
        Err(code) => code,
    })
}

/// Prints an operational error and returns exit code 2.
pub fn fail(message: &str) -> ExitCode {
    eprintln!("pacte: {message}");
    ExitCode::from(EXIT_FAILURE)
}

/// Where `render`, `diff` and `schema` write their document: one group of
/// options, flattened into each, and one write path ([`OutputArgs::write`]).
#[derive(clap::Args, Debug)]
pub struct OutputArgs {
    /// Write here instead of standard output (atomically; `-` is standard output).
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,

    /// Overwrite OUT even if it was not written by pacte.
    #[arg(long)]
    pub force: bool,
}

impl OutputArgs {
    /// The file to write, when one is named (`-` is standard output).
    pub fn file(&self) -> Option<&std::path::Path> {
        self.output.as_deref()
    }

    /// Writes the document (see [`write_output`]).
    pub fn write(&self, lang: Lang, bytes: &[u8], binary: bool) -> Result<(), ExitCode> {
        write_output(lang, self.file(), bytes, self.force, binary)
    }
}

/// Writes a command's output: to standard output (no `path`, or `-`), or
/// atomically to `path` through [`pacte::output::write_document`], the path
/// the wizard's documents take too. A PDF is never sent to a terminal.
fn write_output(
    lang: Lang,
    path: Option<&std::path::Path>,
    bytes: &[u8],
    force: bool,
    binary: bool,
) -> Result<(), ExitCode> {
    use pacte::tr;
    // The sandboxed child hands its output to the parent, which writes it.
    let path = path.filter(|p| p.as_os_str() != "-" && !sandbox::is_child());
    let Some(path) = path else {
        if binary && std::io::stdout().is_terminal() {
            return Err(fail(&tr!(
                lang,
                "un PDF ou un DOCX ne s'affiche pas dans un terminal : ajoutez -o FICHIER",
                "a PDF or a DOCX cannot be shown in a terminal: add -o FILE"
            )));
        }
        let mut stdout = std::io::stdout().lock();
        return match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(fail(&e.to_string())),
            _ => Ok(()),
        };
    };
    pacte::output::write_document(path, bytes, force).map_err(|e| fail(&e.describe(path, lang)))
}
