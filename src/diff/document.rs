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
    let name = format!("{}/diff.md.j2", cmp.lang.code());
    render::markdown_from_template(&name, "cmp", cmp, cmp.lang, options, pdf)
}

/// Typesets a comparison of two versions.
pub fn pdf(
    cmp: &Comparison,
    options: &RenderOptions,
    pdf_options: PdfOptions,
    fingerprint: String,
) -> Result<Vec<u8>, RenderError> {
    let markdown = markdown(cmp, options, true)?;
    let paper = pdf_options
        .paper
        .unwrap_or_else(|| typeset::Paper::for_currency(&cmp.currency));
    let title = render::plain_text(&cmp.title);
    let info = typeset::PdfInfo {
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
    typeset::typeset(&markdown, &info).map_err(|message| RenderError {
        template: "pdf".into(),
        line: None,
        message,
    })
}
