//! `pacte render`.

use super::{EXIT_FAILURE, EXIT_FINDINGS, Env, fail};
use clap::{Args, ValueEnum};
use pacte::check::{CheckOptions, check_file};
use pacte::diag::human;
use pacte::render::{self, RenderOptions};
use pacte::{Lang, Severity, tr};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args, Debug)]
pub struct RenderArgs {
    /// The convention to render.
    file: PathBuf,

    /// Output format.
    #[arg(long, value_enum, default_value_t = To::Md)]
    to: To,

    /// Write here instead of standard output (atomically).
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,

    /// Render even with errors, marked as a draft, with the open findings in an annex.
    #[arg(long)]
    draft: bool,

    /// Add review notes for lawyers: each clause's purpose, empty optional fields, findings.
    #[arg(long)]
    annotate: bool,

    /// A folder of templates overriding the bundled ones by relative path.
    #[arg(long, value_name = "DIR")]
    templates: Option<PathBuf>,

    /// Paper size for PDF (default: A4 in French, Letter in English).
    #[arg(long, value_enum)]
    paper: Option<PaperArg>,

    /// Overwrite OUT even if it was not written by pacte.
    #[arg(long)]
    force: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, ValueEnum)]
enum To {
    Md,
    Pdf,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum PaperArg {
    A4,
    Letter,
}

pub fn run(env: &Env, args: RenderArgs, document_lang: Option<Lang>) -> ExitCode {
    let lang = env.lang;
    let library = match env.library() {
        Ok(l) => l,
        Err(code) => return code,
    };
    let options = CheckOptions {
        lints: env.config.lints.clone(),
        lang,
        ..Default::default()
    };
    let checked = check_file(&args.file, &library, &options);
    let errors = checked.report.count(Severity::Error);
    let refuse = checked.report.is_fatal() || (errors > 0 && !args.draft);
    if refuse {
        let stderr = std::io::stderr();
        let mut err = stderr.lock();
        let _ = human::write_report(&mut err, &checked.report, lang, env.color);
        let _ = writeln!(
            err,
            "{}",
            tr!(
                lang,
                "pacte : rendu refusé : {errors} erreur(s) ; corrigez-les, ou utilisez --draft pour un projet marqué comme tel",
                "pacte: render refused: {errors} error(s); fix them, or use --draft for a document marked as a draft"
            )
        );
        return ExitCode::from(if checked.report.is_fatal() {
            EXIT_FAILURE
        } else {
            EXIT_FINDINGS
        });
    }
    let Some(conv) = &checked.convention else {
        return fail(&tr!(lang, "convention illisible", "unreadable convention"));
    };
    let render_options = RenderOptions {
        lang: document_lang,
        draft: args.draft,
        annotate: args.annotate,
        templates: args.templates.clone(),
    };
    let rendered = match args.to {
        To::Md => render::markdown_file(conv, &library, &checked.report, &render_options)
            .map(String::into_bytes),
        To::Pdf => {
            let timestamp = match render::document_timestamp() {
                Ok(t) => t,
                Err(message) => return fail(&message),
            };
            let paper = args.paper.map(|p| match p {
                PaperArg::A4 => render::pdf::Paper::A4,
                PaperArg::Letter => render::pdf::Paper::Letter,
            });
            render::pdf(
                conv,
                &library,
                &checked.report,
                &render_options,
                render::PdfOptions { paper, timestamp },
            )
        }
    };
    let out = match rendered {
        Ok(bytes) => bytes,
        Err(e) => return fail(&tr!(lang, "rendu impossible : {e}", "cannot render: {e}")),
    };
    if args.to == To::Pdf
        && args.output.is_none()
        && std::io::IsTerminal::is_terminal(&std::io::stdout())
    {
        return fail(&tr!(
            lang,
            "un PDF ne s'affiche pas dans un terminal : ajoutez -o FICHIER.pdf",
            "a PDF cannot be shown in a terminal: add -o FILE.pdf"
        ));
    }
    match &args.output {
        None => {
            let mut stdout = std::io::stdout().lock();
            if let Err(e) = stdout.write_all(&out).and_then(|()| stdout.flush())
                && e.kind() != std::io::ErrorKind::BrokenPipe
            {
                return fail(&e.to_string());
            }
        }
        Some(path) => {
            if !args.force && pacte::output::holds_user_content(path) {
                let shown = path.display();
                return fail(&tr!(
                    lang,
                    "{shown} existe et n'a pas été produit par pacte ; utilisez --force pour le remplacer",
                    "{shown} exists and was not written by pacte; use --force to replace it"
                ));
            }
            if let Err(e) = pacte::output::write_atomic(path, &out) {
                let shown = path.display();
                return fail(&tr!(
                    lang,
                    "impossible d'écrire {shown} : {e} (le fichier précédent est intact)",
                    "cannot write {shown}: {e} (the previous file is intact)"
                ));
            }
        }
    }
    ExitCode::SUCCESS
}
