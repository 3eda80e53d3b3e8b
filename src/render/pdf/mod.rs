//! The PDF renderer: the same Markdown as `render --to md`, typeset.
//!
//! Markdown (rendered with `pdf = true`) → [`blocks`] → [`layout`] (pure data,
//! two passes so the table of contents knows its page numbers) → [`export`]
//! (printpdf). Every character is checked against the embedded fonts first: a
//! character they cannot draw is an error naming it and where it is, never a
//! blank box.

mod archive;
pub mod blocks;
pub mod export;
pub mod fonts;
pub mod layout;

use crate::lang::Lang;
use blocks::{Block, Run};
use fonts::Fonts;
use layout::Geometry;

/// Paper sizes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Paper {
    A4,
    Letter,
}

impl Paper {
    /// The usual paper where a convention's money is: Letter in Canada
    /// (Quebec practice) and the United States, A4 everywhere else.
    pub fn for_currency(currency: &str) -> Paper {
        match currency {
            "CAD" | "USD" => Paper::Letter,
            _ => Paper::A4,
        }
    }
}

/// What a printed document (PDF, Word) needs beyond the Markdown.
pub struct PrintInfo {
    pub lang: Lang,
    /// The right column's language, in a bilingual edition.
    pub second: Option<Lang>,
    pub paper: Paper,
    pub title: String,
    pub short_title: String,
    pub kind: String,
    pub reference: String,
    pub parties: Vec<String>,
    /// A short hash of the convention, the clause library and the templates.
    pub fingerprint: String,
    pub draft: bool,
    /// Creation date, seconds since the epoch (`SOURCE_DATE_EPOCH` or now).
    pub timestamp: i64,
}

/// Typesets rendered Markdown.
pub fn typeset(markdown: &str, info: &PrintInfo) -> Result<Vec<u8>, String> {
    let fonts = Fonts::load()?;
    // A draft shows what it can: a character the font lacks becomes `?`
    // (its annex of open findings names it, P082); a final PDF refuses it.
    let markdown = if info.draft {
        std::borrow::Cow::Owned(
            markdown
                .chars()
                .map(|c| {
                    let mut buf = [0; 4];
                    // Printable ASCII is in every face; only the rest is looked up.
                    if !c.is_ascii() && crate::fonts::undrawable(c.encode_utf8(&mut buf)).is_some()
                    {
                        '?'
                    } else {
                        c
                    }
                })
                .collect(),
        )
    } else {
        std::borrow::Cow::Borrowed(markdown)
    };
    let mut blocks = blocks::parse(&markdown);
    blocks.insert(0, Block::Lang(info.lang));
    check_coverage(&blocks, info.lang)?;
    let geo = geometry(info);
    let toc_title = in_both(info, "Table des matières", "Contents");
    // Pass 1 finds the headings and their pages; pass 2 prints them in the
    // table of contents, which pass 1 left empty, then the pages settle.
    // Only the headings of a pass are kept for the next: one laid-out
    // document in memory at a time.
    let lines = layout::Lines::default();
    let pass = |toc: Option<&[(String, usize)]>| {
        layout::layout_with(&blocks, &fonts, geo, &toc_title, toc, &lines)
    };
    let first = pass(None);
    if first.pages.len() > layout::MAX_PAGES {
        let max = layout::MAX_PAGES;
        return Err(crate::tr!(
            info.lang,
            "le document dépasserait {max} pages : un gabarit (--templates) ou une annexe se répète sans fin ? Corrigez-le ; pacte n'imprime pas de document plus long",
            "the document would run past {max} pages: does a template (--templates) or an annex repeat without end? Fix it; pacte does not print a longer document"
        ));
    }
    let mut toc = first.headings;
    let mut laid = pass(Some(&toc));
    for _ in 0..3 {
        if laid.headings == toc {
            break;
        }
        toc = std::mem::take(&mut laid.headings);
        drop(laid);
        laid = pass(Some(&toc));
    }
    drop(blocks);
    let (furniture, meta) = (furniture(info), metadata(info));
    export::export(laid, geo, &furniture, &meta, &fonts)
}

/// The page: its paper, and the text block of one column or two.
pub(crate) fn geometry(info: &PrintInfo) -> Geometry {
    match info.paper {
        Paper::A4 => Geometry::a4(),
        Paper::Letter => Geometry::letter(),
    }
    .for_document(info.second.is_some())
}

/// A word in the document's language, or in both of a bilingual edition's,
/// the left first (« PROJET / DRAFT »).
pub(crate) fn in_both(info: &PrintInfo, fr: &str, en: &str) -> String {
    let word = |l: Lang| if l == Lang::Fr { fr } else { en };
    match info.second {
        Some(second) => format!("{} / {}", word(info.lang), word(second)),
        None => word(info.lang).to_string(),
    }
}

/// What every page carries besides the text: the running header, the
/// footer's reference, page number and fingerprint, the draft mark.
pub(crate) fn furniture(info: &PrintInfo) -> export::Furniture {
    export::Furniture {
        header: info.short_title.clone(),
        reference: info.reference.clone(),
        fingerprint: info.fingerprint.clone(),
        page_label: match info.second {
            Some(_) => "{n} / {total}".to_string(),
            None => in_both(info, "Page {n} de {total}", "Page {n} of {total}"),
        },
        watermark: info.draft.then(|| in_both(info, "PROJET", "DRAFT")),
    }
}

/// The document's properties: title, subject, author, keywords (with the
/// mark by which pacte recognises its own output), dates.
pub(crate) fn metadata(info: &PrintInfo) -> export::Metadata {
    export::Metadata {
        lang: info.lang,
        title: info.title.clone(),
        subject: info.kind.clone(),
        author: info.parties.join(", "),
        keywords: [
            "convention".to_string(),
            info.kind.clone(),
            info.reference.clone(),
            // The mark by which pacte recognises its own PDF as an output
            // it may replace (see `output::inspect`).
            format!("pacte-fingerprint:{}", info.fingerprint),
        ]
        .into_iter()
        .filter(|k| !k.is_empty())
        .collect(),
        timestamp: info.timestamp,
        identifier: info.fingerprint.clone(),
    }
}

/// Refuses a character the fonts cannot draw, naming it and the section it is in.
fn check_coverage(blocks: &[Block], lang: Lang) -> Result<(), String> {
    let mut section = String::new();
    let check = |runs: &[Run], section: &str| -> Result<(), String> {
        for run in runs {
            // Every face a run may be set in, fallbacks included.
            if let Some(c) = crate::fonts::undrawable(&run.text) {
                let code = format!("U+{:04X}", c as u32);
                let place = if section.is_empty() {
                    crate::tr!(lang, "au début du document", "at the top of the document")
                } else {
                    crate::tr!(lang, "dans « {section} »", "in “{section}”")
                };
                return Err(crate::tr!(
                    lang,
                    "le caractère « {c} » ({code}), {place}, ne peut pas être imprimé par la police du PDF ; remplacez-le dans le fichier TOML (pacte check --final le situe à la ligne près)",
                    "character “{c}” ({code}), {place}, cannot be drawn by the PDF font; replace it in the TOML file (pacte check --final finds its line)"
                ));
            }
        }
        Ok(())
    };
    for block in blocks {
        match block {
            Block::Heading(runs) => {
                section = runs.iter().map(|r| r.text.as_str()).collect();
                check(runs, &section)?;
            }
            Block::Title(runs) | Block::Item(runs) | Block::Paragraph { runs, .. } => {
                check(runs, &section)?
            }
            Block::Table { header, rows } => {
                for cell in header.iter().chain(rows.iter().flatten()) {
                    check(cell, &section)?;
                }
            }
            _ => {}
        }
    }
    Ok(())
}
