//! `pacte diff OLD NEW`: what changed between two versions, as a lawyer reads it.

use super::render::{PaperArg, To};
use super::{EXIT_CLEAN, EXIT_FAILURE, EXIT_FINDINGS, Env, OutputArgs, fail};
use clap::Args;
use pacte::check::{Checked, check_file};
use pacte::diag::human;
use pacte::diff::{self, Version};
use pacte::render::{self, Document, RenderOptions};
use pacte::{ClauseLibrary, Lang, Severity, tr};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Args, Debug)]
pub struct DiffArgs {
    /// The previous version.
    old: PathBuf,

    /// The new version.
    new: PathBuf,

    /// Output format.
    #[arg(long, value_enum, default_value_t = To::Md)]
    to: To,

    #[command(flatten)]
    out: OutputArgs,

    /// A folder of templates overriding the bundled ones by relative path.
    #[arg(long, value_name = "DIR")]
    templates: Option<PathBuf>,

    /// Paper size for PDF, DOCX and HTML's printing (default: Letter for Canadian or US dollars,
    /// A4 otherwise).
    #[arg(long, value_enum)]
    paper: Option<PaperArg>,

    /// The author of a DOCX redline's tracked changes, as Word's Review pane shows it.
    #[arg(long, default_value = "pacte")]
    author: String,
}

/// Exit codes follow diff(1): 0 identical, 1 different, 2 trouble.
pub fn run(env: &Env, args: DiffArgs, document_lang: Option<Lang>) -> ExitCode {
    let lang = env.lang;
    let templates = match super::start_document(
        lang,
        &[&args.old, &args.new],
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
    // The edition compared: each answer's text in that language, so that a
    // change to a translation shows in that edition's redline.
    options.edition = document_lang;
    // A comparison is read, never signed: an answer without text in its
    // language is shown in the original, marked, as in a draft.
    options.mark_untranslated = true;
    let old = check_file(&args.old, &library, &options);
    let new = check_file(&args.new, &library, &options);
    for checked in [&old, &new] {
        if checked.report.is_fatal() {
            let mut err = std::io::stderr().lock();
            let _ = human::write_report(&mut err, &checked.report, lang, env.color);
            return ExitCode::from(EXIT_FAILURE);
        }
    }
    let (Some(old_conv), Some(new_conv)) = (&old.convention, &new.convention) else {
        return fail(&tr!(lang, "convention illisible", "unreadable convention"));
    };
    // Both documents in one language: the new version's, unless asked.
    let doc_lang = document_lang.unwrap_or_else(|| new_conv.language());
    let render_options = RenderOptions {
        lang: Some(doc_lang),
        templates,
        interface: lang,
        ..Default::default()
    };
    let build = |checked: &Checked, path: &Path| -> Result<Document, ExitCode> {
        let errors = checked.report.count(Severity::Error);
        if errors > 0 {
            let shown = path.display();
            eprintln!(
                "{}",
                tr!(
                    lang,
                    "pacte : {shown} comporte {errors} erreur(s) ; comparé tel quel (pacte check {shown} pour le détail)",
                    "pacte: {shown} has {errors} error(s); compared as it stands (pacte check {shown} for details)"
                )
            );
        }
        let options = RenderOptions {
            draft: errors > 0,
            ..render_options.clone()
        };
        let conv = checked
            .convention
            .as_ref()
            .ok_or(ExitCode::from(EXIT_FAILURE))?;
        render::build_document(conv, &library, &checked.report, &options)
            .map_err(|e| cannot_render(lang, &e))
    };
    let (old_doc, new_doc) = match (build(&old, &args.old), build(&new, &args.new)) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(code), _) | (_, Err(code)) => return code,
    };
    let old_label = args.old.display().to_string();
    let new_label = args.new.display().to_string();
    let comparison = diff::compare(
        Version {
            label: &old_label,
            convention: old_conv,
            document: &old_doc,
        },
        Version {
            label: &new_label,
            convention: new_conv,
            document: &new_doc,
        },
        &library,
        doc_lang,
    );

    let print_options = |fingerprint| match render::document_timestamp() {
        Ok(timestamp) => Ok((
            render::PdfOptions {
                paper: args.paper.map(PaperArg::paper),
                timestamp,
            },
            fingerprint,
        )),
        Err(e) => Err(fail(&e.describe(lang))),
    };
    let rendered = match args.to {
        To::Md => pacte::diff::markdown(&comparison, &render_options).map(|body| {
            format!("{}\n\n{body}", pacte::output::generated_marker(doc_lang)).into_bytes()
        }),
        To::Pdf => match print_options(fingerprint(&old, &new, &library, &render_options)) {
            Ok((options, fingerprint)) => {
                pacte::diff::pdf(&comparison, &render_options, options, fingerprint)
            }
            Err(code) => return code,
        },
        To::Html => match print_options(fingerprint(&old, &new, &library, &render_options)) {
            Ok((options, fingerprint)) => {
                pacte::diff::html(&comparison, &render_options, options, fingerprint)
                    .map(String::into_bytes)
            }
            Err(code) => return code,
        },
        To::Docx => {
            // Both versions as printed: the Word redline is the whole new
            // version, its changes tracked.
            // The documents already built for the comparison, as printed.
            let printed = |doc| render::printed_markdown(doc, &render_options);
            let versions = match (printed(&old_doc), printed(&new_doc)) {
                (Ok(a), Ok(b)) => [a, b],
                (Err(e), _) | (_, Err(e)) => return cannot_render(lang, &e),
            };
            match print_options(fingerprint(&old, &new, &library, &render_options)) {
                Ok((options, fingerprint)) => pacte::diff::docx(
                    &comparison,
                    &render_options,
                    options,
                    fingerprint,
                    &render::docx::Revisions {
                        author: args.author.clone(),
                        track: true,
                    },
                    versions,
                ),
                Err(code) => return code,
            }
        }
    };
    let bytes = match rendered {
        Ok(b) => b,
        Err(e) => return cannot_render(lang, &e),
    };
    if let Err(code) = args.out.write(lang, &bytes, args.to.binary()) {
        return code;
    }
    ExitCode::from(if comparison.is_identical() {
        EXIT_CLEAN
    } else {
        EXIT_FINDINGS
    })
}

/// The two versions' fingerprints, side by side, so a printed comparison
/// names exactly what it compares.
fn fingerprint(
    old: &Checked,
    new: &Checked,
    library: &ClauseLibrary,
    options: &RenderOptions,
) -> String {
    let one = |c: &Checked| render::fingerprint(c.report.source.as_ref(), library, options);
    format!("{} → {}", one(old), one(new))
}

fn cannot_render(lang: Lang, e: &render::RenderError) -> ExitCode {
    let e = e.describe(lang);
    fail(&tr!(lang, "rendu impossible : {e}", "cannot render: {e}"))
}
