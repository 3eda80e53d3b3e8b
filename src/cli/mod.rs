//! Command-line interface: arguments, and printing. Only this layer touches
//! standard output and error.

mod clauses;
mod completions;
mod diff;
mod explain;
mod lint;
mod render;
mod schema;
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
    /// Print the JSON Schema of a convention file, for editors (Taplo, Even Better TOML).
    Schema(schema::SchemaArgs),
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
    },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| format!("`{s}`: expected fr or en"))
}

/// What every command needs.
pub struct Env {
    pub lang: Lang,
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

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    // Generated from the argument definitions alone: no settings, no library.
    match &cli.command {
        Command::Completions { shell } => return completions::completions(*shell),
        Command::Man { dir } => return completions::man(dir.as_deref()),
        _ => {}
    }
    let lang = cli
        .lang
        .unwrap_or_else(|| Lang::from_locale(std::env::var("LANG").ok().as_deref()));
    let color = match cli.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
        }
    };
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let config = match Config::discover(&cwd, lang) {
        Ok(c) => c,
        Err(message) => return fail(&message),
    };
    let env = Env {
        lang,
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
        Command::Diff(args) => diff::run(&env, args, cli.lang),
        Command::Completions { .. } | Command::Man { .. } => ExitCode::SUCCESS,
    }
}

/// Prints an operational error and returns exit code 2.
pub fn fail(message: &str) -> ExitCode {
    eprintln!("pacte: {message}");
    ExitCode::from(EXIT_FAILURE)
}

/// Writes a command's output: to standard output, or atomically to `path`.
/// A file pacte did not write is only replaced with `force`; a PDF is never
/// sent to a terminal.
pub fn write_output(
    lang: Lang,
    path: Option<&std::path::Path>,
    bytes: &[u8],
    force: bool,
    binary: bool,
) -> Result<(), ExitCode> {
    use pacte::tr;
    let Some(path) = path else {
        if binary && std::io::stdout().is_terminal() {
            return Err(fail(&tr!(
                lang,
                "un PDF ne s'affiche pas dans un terminal : ajoutez -o FICHIER.pdf",
                "a PDF cannot be shown in a terminal: add -o FILE.pdf"
            )));
        }
        let mut stdout = std::io::stdout().lock();
        return match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(fail(&e.to_string())),
            _ => Ok(()),
        };
    };
    let shown = path.display();
    if !force && pacte::output::holds_user_content(path) {
        return Err(fail(&tr!(
            lang,
            "{shown} existe et n'a pas été produit par pacte ; utilisez --force pour le remplacer",
            "{shown} exists and was not written by pacte; use --force to replace it"
        )));
    }
    let existed = path.is_file();
    pacte::output::write_atomic(path, bytes).map_err(|e| {
        let outcome = if existed {
            tr!(
                lang,
                "le fichier précédent est intact",
                "the previous file is intact"
            )
        } else {
            tr!(lang, "rien n'a été écrit", "nothing was written")
        };
        fail(&tr!(
            lang,
            "impossible d'écrire {shown} : {e} ({outcome})",
            "cannot write {shown}: {e} ({outcome})"
        ))
    })
}
