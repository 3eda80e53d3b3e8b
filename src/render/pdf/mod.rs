//! The PDF renderer: a printed document, typeset.
//!
//! [`Printed`] → [`layout`] (pure data, two passes so the table of contents
//! knows its page numbers) → [`export`] (printpdf). Every character is
//! checked against the embedded fonts first: a character they cannot draw
//! is an error naming it and where it is, never a blank box.

mod archive;
pub mod export;
pub mod fonts;
pub mod layout;

use crate::lang::Lang;
use crate::render::print::PrintInfo;
use crate::render::print::page::{furniture, geometry, in_both, metadata};
use crate::render::print::tree::{Printed, contents, each_run, plain};
use fonts::Fonts;

/// Why a PDF could not be made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PdfError {
    /// The fonts built into pacte could not be read: a broken build.
    Fonts(String),
    /// A character no embedded font draws, and the heading it follows.
    Undrawable {
        character: char,
        after: Option<String>,
    },
    /// The document would pass [`layout::MAX_PAGES`].
    TooLong,
    /// printpdf refused the document.
    Export(String),
}

impl PdfError {
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            PdfError::Fonts(cause) => crate::tr!(
                lang,
                "les polices intégrées à pacte sont illisibles ({cause}) : réinstallez pacte",
                "the fonts built into pacte cannot be read ({cause}): reinstall pacte"
            ),
            PdfError::Undrawable {
                character: c,
                after,
            } => {
                let code = format!("U+{:04X}", *c as u32);
                let place = match after {
                    None => crate::tr!(lang, "au début du document", "at the top of the document"),
                    Some(section) => crate::tr!(lang, "dans « {section} »", "in “{section}”"),
                };
                crate::tr!(
                    lang,
                    "le caractère « {c} » ({code}), {place}, ne peut pas être imprimé par la police du PDF ; remplacez-le dans le fichier TOML (pacte check --final le situe à la ligne près)",
                    "character “{c}” ({code}), {place}, cannot be drawn by the PDF font; replace it in the TOML file (pacte check --final finds its line)"
                )
            }
            PdfError::TooLong => {
                let max = layout::MAX_PAGES;
                crate::tr!(
                    lang,
                    "le document dépasserait {max} pages : une réponse démesurée (des milliers de paragraphes ou de lignes), une annexe ou un gabarit (--templates) qui se répète sans fin ? Corrigez-le ; pacte n'imprime pas de document plus long",
                    "the document would run past {max} pages: an answer out of all proportion (thousands of paragraphs or lines), an annex, or a template (--templates) that repeats without end? Fix it; pacte does not print a longer document"
                )
            }
            PdfError::Export(cause) => crate::tr!(
                lang,
                "le PDF n'a pas pu être écrit : {cause}",
                "the PDF could not be written: {cause}"
            ),
        }
    }
}

/// Typesets a printed document.
pub fn typeset(printed: &Printed, info: &PrintInfo) -> Result<Vec<u8>, PdfError> {
    let fonts = Fonts::load()?;
    // A draft shows what it can: a character the font lacks becomes `?`
    // (its annex of open findings names it, P082); a final PDF refuses it.
    let replaced;
    let printed = if info.draft && has_undrawable(printed) {
        replaced = drawable(printed);
        &replaced
    } else {
        check_coverage(printed)?;
        printed
    };
    let geo = geometry(info);
    let toc_title = in_both(info, "Table des matières", "Contents");
    // Pass 1 finds the headings and their pages; pass 2 prints them in the
    // table of contents, which pass 1 left empty, then the pages settle.
    // Only the headings of a pass are kept for the next: one laid-out
    // document in memory at a time.
    let lines = layout::Lines::default();
    let pass = |toc: Option<&[(String, usize)]>| {
        layout::layout_with(
            &printed.blocks,
            info.lang,
            &fonts,
            geo,
            &toc_title,
            toc,
            &lines,
        )
    };
    // The contents' entries, each with the page of the heading it leads
    // to: a right column's heading joins its left twin's entry (one rule
    // for every printer, `tree::contents`).
    let entries = contents(&printed.blocks);
    let toc_of = |pages: &[usize]| -> Vec<(String, usize)> {
        entries
            .iter()
            .map(|e| (e.text.clone(), pages.get(e.heading).copied().unwrap_or(0)))
            .collect()
    };
    let first = pass(None);
    if first.pages.len() > layout::MAX_PAGES {
        return Err(PdfError::TooLong);
    }
    let mut toc = toc_of(&first.headings);
    drop(first);
    let mut laid = pass(Some(&toc));
    for _ in 0..3 {
        let found = toc_of(&laid.headings);
        if found == toc {
            break;
        }
        toc = found;
        drop(laid);
        laid = pass(Some(&toc));
    }
    let (furniture, meta) = (furniture(info), metadata(info));
    export::export(laid, &toc, geo, &furniture, &meta, &fonts)
}

/// Refuses a character the fonts cannot draw, naming it and the heading it
/// follows.
fn check_coverage(printed: &Printed) -> Result<(), PdfError> {
    let mut found = None;
    each_run(printed, &mut |runs, _, section| {
        if found.is_none()
            && let Some(character) = runs.iter().find_map(|r| crate::fonts::undrawable(&r.text))
        {
            found = Some(PdfError::Undrawable {
                character,
                after: section.map(plain),
            });
        }
    });
    found.map_or(Ok(()), Err)
}

fn has_undrawable(printed: &Printed) -> bool {
    check_coverage(printed).is_err()
}

/// The document with each character the fonts cannot draw as `?` (a
/// draft's; its annex of open findings names them).
fn drawable(printed: &Printed) -> Printed {
    printed.map_text(&|text| {
        text.chars()
            .map(|c| {
                let mut buf = [0; 4];
                // Printable ASCII is in every face; only the rest is looked up.
                if !c.is_ascii() && crate::fonts::undrawable(c.encode_utf8(&mut buf)).is_some() {
                    '?'
                } else {
                    c
                }
            })
            .collect()
    })
}
