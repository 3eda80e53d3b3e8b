//! What every printed edition shares besides its text: the paper and its
//! text block, the running header and footer, the document's properties.
//! The PDF, the Word document and the HTML read these; none computes them
//! for itself.

use crate::lang::Lang;

/// The width of a one-column text block, in points: about 75 characters of
/// 11-point body text, the measure a reader's eye follows without losing
/// the line.
pub const MEASURE: f32 = 360.0;

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

/// What a printed document needs beyond its blocks: its languages, paper,
/// properties and furniture.
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

impl PrintInfo {
    /// A document in `lang` on `paper`, with nothing else to say: no
    /// title, parties or fingerprint (a page built by hand, a test).
    pub fn bare(lang: Lang, paper: Paper) -> PrintInfo {
        PrintInfo {
            lang,
            second: None,
            paper,
            title: String::new(),
            short_title: String::new(),
            kind: String::new(),
            reference: String::new(),
            parties: Vec::new(),
            fingerprint: String::new(),
            draft: false,
            timestamp: 0,
        }
    }
}

/// Page size and margins, in points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Geometry {
    pub width: f32,
    pub height: f32,
    pub margin_x: f32,
    pub margin_top: f32,
    pub margin_bottom: f32,
}

impl Geometry {
    pub fn a4() -> Geometry {
        Geometry {
            width: 595.28,
            height: 841.89,
            margin_x: 70.0,
            margin_top: 72.0,
            margin_bottom: 72.0,
        }
    }

    pub fn letter() -> Geometry {
        Geometry {
            width: 612.0,
            height: 792.0,
            margin_x: 72.0,
            margin_top: 72.0,
            margin_bottom: 68.0,
        }
    }

    /// The page of a convention: the text block centred at [`MEASURE`]
    /// points — about 75 characters of 11-point body text, the measure a
    /// reader's eye follows without losing the line — or, for two columns
    /// side by side, the page's width less one-inch margins.
    pub fn for_document(self, columns: bool) -> Geometry {
        let measure = if columns {
            self.width - 2.0 * 60.0
        } else {
            MEASURE
        };
        Geometry {
            margin_x: ((self.width - measure) / 2.0).max(36.0),
            ..self
        }
    }

    pub fn text_width(&self) -> f32 {
        self.width - 2.0 * self.margin_x
    }
}

/// What surrounds the body of every page.
pub struct Furniture {
    /// The running header (the convention's short title).
    pub header: String,
    /// Left of the footer: the reference.
    pub reference: String,
    /// Right of the footer: a short fingerprint of the sources.
    pub fingerprint: String,
    /// "Page {n} de {total}" with `{n}` and `{total}` to fill in.
    pub page_label: String,
    /// The diagonal watermark of a draft.
    pub watermark: Option<String>,
}

/// Document metadata.
pub struct Metadata {
    /// The document's language (the catalog's `/Lang`, the XMP's).
    pub lang: crate::lang::Lang,
    pub title: String,
    pub subject: String,
    pub author: String,
    pub keywords: Vec<String>,
    /// Seconds since the epoch, for the creation and modification dates.
    pub timestamp: i64,
    pub identifier: String,
}

/// The page: its paper, and the text block of one column or two.
pub fn geometry(info: &PrintInfo) -> Geometry {
    match info.paper {
        Paper::A4 => Geometry::a4(),
        Paper::Letter => Geometry::letter(),
    }
    .for_document(info.second.is_some())
}

/// A word in the document's language, or in both of a bilingual edition's,
/// the left first (« PROJET / DRAFT »).
pub fn in_both(info: &PrintInfo, fr: &str, en: &str) -> String {
    let word = |l: Lang| if l == Lang::Fr { fr } else { en };
    match info.second {
        Some(second) => format!("{} / {}", word(info.lang), word(second)),
        None => word(info.lang).to_string(),
    }
}

/// What every page carries besides the text: the running header, the
/// footer's reference, page number and fingerprint, the draft mark.
pub fn furniture(info: &PrintInfo) -> Furniture {
    Furniture {
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
pub fn metadata(info: &PrintInfo) -> Metadata {
    Metadata {
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

/// The language tag of a language in a document: Canadian for a convention
/// in dollars (Quebec practice, as its Letter paper), else French of France
/// and British English.
pub fn locale(lang: Lang, paper: Paper) -> &'static str {
    match (lang, paper) {
        (Lang::Fr, Paper::Letter) => "fr-CA",
        (Lang::Fr, Paper::A4) => "fr-FR",
        (Lang::En, Paper::Letter) => "en-CA",
        (Lang::En, Paper::A4) => "en-GB",
    }
}
