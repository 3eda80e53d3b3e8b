//! What a laid-out document is: pages of positioned text, lines, shades and
//! links, the headings for the table of contents, and the logical structure
//! for the tagged PDF.

use crate::render::pdf::fonts::Style;
pub use crate::render::print::Geometry;

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
    /// The 1-based page of each heading, in reading order (a right
    /// column's after its left's): what the contents' entries
    /// ([`crate::render::print::tree::contents`]) point to.
    pub headings: Vec<usize>,
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
