//! A comparison made readable: Markdown through the `diff.md.j2` templates
//! (an organisation's overrides included), read into the printed document
//! like a convention's, then printed: Markdown or an HTML page with `<del>`
//! and `<ins>`, a typeset PDF in which deletions are struck through and
//! additions underlined, or a Word document in which they are tracked
//! changes.

use super::Comparison;
use crate::render::print::{self, Block, PrintInfo, Printed};
use crate::render::{self, PdfOptions, RenderError, RenderOptions};
use crate::tr;

/// A comparison of two versions as Markdown: its printed document, each
/// change `<del>` or `<ins>`.
pub fn markdown(cmp: &Comparison, options: &RenderOptions) -> Result<String, RenderError> {
    let (printed, info) = printed(cmp, options, render::MARKDOWN_PAGE, String::new(), None)?;
    Ok(render::md::write(&printed, &info))
}

/// The comparison's Markdown, with the typesetter's markers; `docx` when
/// its marks become Word's tracked changes (the legend then says so rather
/// than « barré » and « souligné »).
fn markdown_for(
    cmp: &Comparison,
    options: &RenderOptions,
    docx: bool,
) -> Result<String, RenderError> {
    let name = format!("{}/diff.md.j2", cmp.lang.code());
    render::markdown_from_template(&name, "cmp", cmp, cmp.lang, options, docx)
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

/// The comparison document read into its printed document, each changed
/// part's redline that of the part's two printed versions
/// ([`super::redline_printed`]). The template places each part's redline
/// (`{{ x.redline }}`); it is given a mark of its own for each — a random
/// nonce no convention can foresee — whose paragraph is then replaced by
/// the part's blocks. A template that does not give each mark a paragraph
/// of its own gets the Markdown redline, as the Markdown comparison does.
fn with_printed_parts(
    cmp: &Comparison,
    options: &RenderOptions,
    read: &dyn Fn(&str, &str) -> Result<Printed, RenderError>,
) -> Result<Printed, RenderError> {
    use std::hash::{BuildHasher, Hasher};
    let nonce = std::collections::hash_map::RandomState::new()
        .build_hasher()
        .finish();
    let prefix = format!("\u{E000}{nonce:016x}-");
    let mark = |n: usize| format!("{prefix}{n}\u{E000}");
    // The comparison with each redline a mark (its texts not copied).
    let marked = Comparison {
        sections: cmp
            .sections
            .iter()
            .enumerate()
            .map(|(n, x)| super::Section {
                heading: x.heading.clone(),
                status: x.status,
                note: x.note.clone(),
                redline: mark(n),
                versions: Default::default(),
            })
            .collect(),
        lang: cmp.lang,
        old: cmp.old.clone(),
        new: cmp.new.clone(),
        title: cmp.title.clone(),
        plain_title: cmp.plain_title.clone(),
        currency: cmp.currency.clone(),
        summary: cmp.summary.clone(),
    };
    let mut printed = read(&markdown_for(&marked, options, false)?, "diff.md.j2")?;
    drop(marked);
    let mut found = 0;
    let mut blocks = Vec::with_capacity(printed.blocks.len());
    for block in std::mem::take(&mut printed.blocks) {
        let part = match &block {
            Block::Paragraph { runs, .. } => {
                let text = print::tree::plain(runs);
                text.strip_prefix(&prefix)
                    .and_then(|rest| rest.strip_suffix('\u{E000}'))
                    .and_then(|n| n.parse::<usize>().ok())
                    .filter(|n| *n < cmp.sections.len())
            }
            _ => None,
        };
        match part {
            Some(n) => {
                found += 1;
                // Typeset as the document around them is (French spacing,
                // apostrophes), then read.
                let [old, new] = &cmp.sections[n].versions;
                let typeset = |text: &str| render::finish(text, cmp.lang);
                let (old, new) = (
                    read(&typeset(old), "diff.md.j2")?,
                    read(&typeset(new), "diff.md.j2")?,
                );
                blocks.extend(super::redline_printed(&old, new).blocks);
            }
            None => blocks.push(block),
        }
    }
    if found != cmp.sections.len() {
        return read(&markdown_for(cmp, options, false)?, "diff.md.j2");
    }
    printed.blocks = blocks;
    Ok(printed)
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
    let read = |markdown: &str, template: &str| {
        print::read(markdown, cmp.lang).map_err(|error| RenderError::Printed {
            template: render::template_path(options, &format!("{}/{template}", cmp.lang.code())),
            error,
        })
    };
    let mut printed = match versions {
        Some(_) => read(&markdown_for(cmp, options, true)?, "diff.md.j2")?,
        None => with_printed_parts(cmp, options, &read)?,
    };
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
