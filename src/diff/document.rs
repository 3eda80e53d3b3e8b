//! A comparison made readable: Markdown through the `diff.md.j2` templates
//! (an organisation's overrides included), read into the printed document
//! like a convention's, then a typeset PDF or an HTML page in which
//! deletions are struck through and additions underlined, or a Word
//! document in which they are tracked changes.

use super::Comparison;
use crate::render::print::{self, Block, PrintInfo, Printed};
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
    let (printed, info) = printed(cmp, options, pdf_options, fingerprint, None)?;
    Ok(render::pdf::typeset(&printed, &info)?)
}

/// A comparison of two versions as one HTML page, `<del>` and `<ins>`.
pub fn html(
    cmp: &Comparison,
    options: &RenderOptions,
    pdf_options: PdfOptions,
    fingerprint: String,
) -> Result<String, RenderError> {
    let (printed, info) = printed(cmp, options, pdf_options, fingerprint, None)?;
    Ok(render::html::write(&printed, &info))
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
    versions: [String; 2],
) -> Result<Vec<u8>, RenderError> {
    let (printed, info) = printed(cmp, options, pdf_options, fingerprint, Some(versions))?;
    Ok(render::docx::write(&printed, &info, revisions)?)
}

/// The comparison as a printed document, and its furniture: the summary
/// and each changed part's redline, or (for Word, `versions` given) the
/// summary and the whole new version marked.
fn printed(
    cmp: &Comparison,
    options: &RenderOptions,
    pdf_options: PdfOptions,
    fingerprint: String,
    versions: Option<[String; 2]>,
) -> Result<(Printed, PrintInfo), RenderError> {
    let summary = markdown_for(cmp, options, true, versions.is_some())?;
    let read = |markdown: &str, template: &str| {
        print::read(markdown, cmp.lang).map_err(|error| RenderError::Printed {
            template: render::template_path(options, &format!("{}/{template}", cmp.lang.code())),
            error,
        })
    };
    let mut printed = read(&summary, "diff.md.j2")?;
    // For Word, the whole new version follows, each version read into its
    // printed document and the two compared block by block.
    // Each text is dropped once read: one copy of a long version at a time.
    if let Some([old, new]) = versions {
        let old = {
            let tree = read(&old, "convention.md.j2")?;
            drop(old);
            tree
        };
        let new = {
            let tree = read(&new, "convention.md.j2")?;
            drop(new);
            tree
        };
        printed.blocks.push(Block::PageBreak);
        printed
            .blocks
            .extend(super::redline_printed(&old, new).blocks);
    }
    let paper = pdf_options
        .paper
        .unwrap_or_else(|| print::Paper::for_currency(&cmp.currency));
    let title = &cmp.plain_title;
    let info = PrintInfo {
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
    Ok((printed, info))
}
