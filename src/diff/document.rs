//! A comparison made readable: Markdown through the `diff.md.j2` templates
//! (an organisation's overrides included), and a typeset PDF in which
//! deletions are struck through and additions underlined.

use super::Comparison;
use crate::render::pdf as typeset;
use crate::render::{self, PdfOptions, RenderError, RenderOptions};
use crate::tr;

/// Renders a comparison of two versions to Markdown (`pdf` swaps in the
/// typesetter's page breaks).
pub fn markdown(
    cmp: &Comparison,
    options: &RenderOptions,
    pdf: bool,
) -> Result<String, RenderError> {
    markdown_for(cmp, options, pdf, false)
}

/// [`markdown`]; `docx` when its marks become Word's tracked changes (the
/// legend then says so rather than « barré » and « souligné »).
fn markdown_for(
    cmp: &Comparison,
    options: &RenderOptions,
    pdf: bool,
    docx: bool,
) -> Result<String, RenderError> {
    let name = format!("{}/diff.md.j2", cmp.lang.code());
    render::markdown_from_template(&name, "cmp", cmp, cmp.lang, options, pdf, docx)
}

/// Typesets a comparison of two versions.
pub fn pdf(
    cmp: &Comparison,
    options: &RenderOptions,
    pdf_options: PdfOptions,
    fingerprint: String,
) -> Result<Vec<u8>, RenderError> {
    let (markdown, info) = print_markdown(cmp, options, pdf_options, fingerprint, false)?;
    typeset::typeset(&markdown, &info).map_err(|message| RenderError {
        template: "pdf".into(),
        line: None,
        message,
    })
}

/// A comparison of two versions as a Word document: the summary, then the
/// whole new version with each change a tracked change by
/// `revisions.author`, for Word's Review pane to accept or reject (accepting
/// all gives the new version's text, rejecting all the old one's).
/// `versions` are the old and new conventions as printed
/// ([`render::printed_markdown`]).
pub fn docx(
    cmp: &Comparison,
    options: &RenderOptions,
    pdf_options: PdfOptions,
    fingerprint: String,
    revisions: &render::docx::Revisions,
    versions: [&str; 2],
) -> Result<Vec<u8>, RenderError> {
    let (summary, info) = print_markdown(cmp, options, pdf_options, fingerprint, true)?;
    let [old, new] = versions;
    let markdown = format!(
        "{summary}\n\n<!-- pagebreak -->\n\n{}",
        super::redline(old, new)
    );
    render::docx::write(&markdown, &info, revisions).map_err(|message| RenderError {
        template: "docx".into(),
        line: None,
        message,
    })
}

/// The comparison's Markdown for a printed document, and its furniture.
fn print_markdown(
    cmp: &Comparison,
    options: &RenderOptions,
    pdf_options: PdfOptions,
    fingerprint: String,
    docx: bool,
) -> Result<(String, typeset::PrintInfo), RenderError> {
    let markdown = markdown_for(cmp, options, true, docx)?;
    let paper = pdf_options
        .paper
        .unwrap_or_else(|| typeset::Paper::for_currency(&cmp.currency));
    let title = render::plain_text(&cmp.title);
    let info = typeset::PrintInfo {
        lang: cmp.lang,
        second: None,
        paper,
        title: tr!(
            cmp.lang,
            "Comparaison des versions — {title}",
            "Comparison of versions — {title}"
        ),
        short_title: tr!(
            cmp.lang,
            "Comparaison des versions",
            "Comparison of versions"
        ),
        kind: String::new(),
        reference: String::new(),
        parties: Vec::new(),
        fingerprint,
        draft: false,
        timestamp: pdf_options.timestamp,
    };
    Ok((markdown, info))
}
