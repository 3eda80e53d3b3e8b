//! `pacte render`.

use super::{EXIT_FAILURE, EXIT_FINDINGS, Env, OutputArgs, fail};
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

    #[command(flatten)]
    out: OutputArgs,

    /// Render even with errors, marked as a draft, with the open findings in an annex.
    #[arg(long)]
    draft: bool,

    /// Add review notes for lawyers: each clause's purpose, empty optional fields, findings.
    #[arg(long)]
    annotate: bool,

    /// A folder of templates overriding the bundled ones by relative path.
    #[arg(long, value_name = "DIR")]
    templates: Option<PathBuf>,

    /// Paper size for PDF, DOCX and HTML's printing (default: Letter for Canadian or US dollars,
    /// A4 otherwise).
    #[arg(long, value_enum)]
    paper: Option<PaperArg>,

    /// One document in French and English: article by article in Markdown, two columns side by
    /// side in PDF, Word and HTML. `--bilingual=en` puts English first (default: French).
    #[arg(long, value_name = "LEFT", num_args = 0..=1, require_equals = true, default_missing_value = "fr", value_parser = super::parse_lang)]
    bilingual: Option<Lang>,
}

#[derive(Clone, Copy, Debug, PartialEq, ValueEnum)]
pub enum To {
    Md,
    Pdf,
    /// Word (Office Open XML), for lawyers to review in.
    Docx,
    /// One self-contained web page, for a browser, an intranet, an email or a screen reader.
    Html,
}

impl To {
    /// Whether the output is a binary file, never shown in a terminal.
    pub fn binary(self) -> bool {
        matches!(self, To::Pdf | To::Docx)
    }
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum PaperArg {
    A4,
    Letter,
}

impl PaperArg {
    pub fn paper(self) -> render::print::Paper {
        match self {
            PaperArg::A4 => render::print::Paper::A4,
            PaperArg::Letter => render::print::Paper::Letter,
        }
    }
}

pub fn run(env: &Env, args: RenderArgs, document_lang: Option<Lang>) -> ExitCode {
    let lang = env.lang;
    let pdf = args.to == To::Pdf;
    let templates = match super::start_document(
        lang,
        &[&args.file],
        args.out.file(),
        args.out.force,
        args.to.binary(),
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
    // The edition asked for: each answer's text in that language; both
    // languages for a bilingual edition, the left first.
    let editions = args.bilingual.map(|left| [left, left.other()]);
    options.edition = editions.map_or(document_lang, |[left, _]| Some(left));
    options.second_edition = editions.map(|[_, right]| right);
    options.mark_untranslated = args.draft;
    // A PDF can show only what its font can draw: said at the line, before
    // typesetting, rather than as a failure halfway through.
    options.validate.printable = pdf;
    options.validate.bilingual = editions.is_some();
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
        bilingual: editions.is_some(),
    };
    let timestamp = match render::document_timestamp() {
        Ok(timestamp) => timestamp,
        Err(e) if args.to != To::Md => return fail(&e.describe(lang)),
        Err(_) => 0,
    };
    let pdf_options = render::PdfOptions {
        paper: args.paper.map(PaperArg::paper),
        timestamp,
    };
    let format = match args.to {
        To::Md => render::Format::Markdown,
        To::Pdf => render::Format::Pdf(pdf_options),
        To::Docx => render::Format::Docx(
            pdf_options,
            render::docx::Revisions {
                author: "pacte".into(),
                track: false,
            },
        ),
        To::Html => render::Format::Html(pdf_options),
    };
    let rendered = match (editions, &checked.second) {
        (Some([left, right]), Some(second)) => render::file(
            format,
            render::Editions::Two([(conv, left), (second, right)]),
            &library,
            &checked.report,
            &render_options,
        ),
        _ => render::file(format, conv, &library, &checked.report, &render_options),
    };
    let out = match rendered {
        Ok(bytes) => bytes,
        Err(e) => {
            let e = e.describe(lang);
            return fail(&tr!(lang, "rendu impossible : {e}", "cannot render: {e}"));
        }
    };
    match args.out.write(lang, &out, args.to.binary()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(code) => code,
    }
}
