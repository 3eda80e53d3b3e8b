//! What a laid-out document is: pages of positioned text, lines, shades and
//! links, the headings for the table of contents, and the logical structure
//! for the tagged PDF; and the page's size and margins.

use super::MEASURE;
use crate::render::pdf::fonts::Style;

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

/// Something drawn on a page. `y` is the baseline, from the bottom of the page.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    Text {
        x: f32,
        y: f32,
        text: String,
        style: Style,
        size: f32,
        /// The structure element it belongs to ([`Layout::elements`]).
        element: usize,
    },
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
    },
    /// A shaded area behind text (a review note).
    Shade {
        x: f32,
        y: f32,
        width: f32,
        height: f32,
    },
    /// A clickable area (a contents entry) leading to a page, 1-based.
    Link {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        page: usize,
    },
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page {
    pub items: Vec<Item>,
    /// The title page carries no running header.
    pub title_page: bool,
}

/// The laid-out document.
#[derive(Clone, Debug, Default)]
pub struct Layout {
    pub pages: Vec<Page>,
    /// Each `##` heading with its 1-based page number, in order.
    pub headings: Vec<(String, usize)>,
    /// The logical structure, in reading order: the tagged PDF's tree. The
    /// first is the document itself; each text drawn names its element.
    pub elements: Vec<Element>,
}

/// A node of the logical structure.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Element {
    pub role: Role,
    /// Its parent's index (the document's own is 0).
    pub parent: usize,
    /// The language of its text.
    pub lang: crate::lang::Lang,
}

/// The standard structure types a tagged PDF's reader knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Document,
    H1,
    H2,
    P,
    L,
    LI,
    Table,
    TR,
    TH,
    TD,
    TOC,
    TOCI,
}

impl Role {
    /// Its name in the PDF.
    pub fn name(self) -> &'static str {
        match self {
            Role::Document => "Document",
            Role::H1 => "H1",
            Role::H2 => "H2",
            Role::P => "P",
            Role::L => "L",
            Role::LI => "LI",
            Role::Table => "Table",
            Role::TR => "TR",
            Role::TH => "TH",
            Role::TD => "TD",
            Role::TOC => "TOC",
            Role::TOCI => "TOCI",
        }
    }
}
