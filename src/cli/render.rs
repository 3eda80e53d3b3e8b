//! `pacte render`.

use super::{EXIT_FAILURE, EXIT_FINDINGS, Env, fail};
use clap::{Args, ValueEnum};
use pacte::check::check_file;
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
pub enum To {
    Md,
    Pdf,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum PaperArg {
    A4,
    Letter,
}

impl PaperArg {
    pub fn paper(self) -> render::pdf::Paper {
        match self {
            PaperArg::A4 => render::pdf::Paper::A4,
            PaperArg::Letter => render::pdf::Paper::Letter,
        }
    }
}

pub fn run(env: &Env, args: RenderArgs, document_lang: Option<Lang>) -> ExitCode {
    let lang = env.lang;
    let pdf = args.to == To::Pdf;
    let templates = match super::start_document(
        lang,
        &[&args.file],
        args.output.as_deref(),
        args.force,
        pdf,
        args.templates.as_deref(),
    ) {
        Ok(t) => t,
        Err(code) => return code,
    };
    let library = match env.library() {
        Ok(l) => l,
        Err(code) => return code,
    };
    let mut options = env.check_options();
    // A PDF can show only what its font can draw: said at the line, before
    // typesetting, rather than as a failure halfway through.
    options.validate.printable = pdf;
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
        templates,
        interface: lang,
    };
    let rendered = match args.to {
        To::Md => render::markdown_file(conv, &library, &checked.report, &render_options)
            .map(String::into_bytes),
        To::Pdf => {
            let timestamp = match render::document_timestamp() {
                Ok(t) => t,
                Err(message) => return fail(&message),
            };
            let paper = args.paper.map(PaperArg::paper);
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
    match super::write_output(
        lang,
        args.output.as_deref(),
        &out,
        args.force,
        args.to == To::Pdf,
    ) {
        Ok(()) => ExitCode::SUCCESS,
        Err(code) => code,
    }
}
