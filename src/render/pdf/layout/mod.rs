//! Layout: blocks to pages of positioned text and lines. Pure data, no
//! printpdf: line breaking with the fonts' real advances (optimal fit), justified
//! paragraphs with a ragged last line, headings kept with what follows, tables
//! whose header row repeats after a page break, groups never split (signature
//! blocks), two columns side by side starting level (a bilingual edition),
//! and a table of contents whose page numbers come from a first pass; the
//! logical structure of what it sets, for the tagged PDF. Line breaking is
//! in [`lines`], tables in [`table`], columns and shaded boxes in [`frames`].

mod frames;
mod lines;
mod table;

use super::blocks::{Block, Mark, Run};
use super::fonts::{Fonts, Style};
pub use lines::Lines;
pub(crate) use lines::mirrored;
pub(crate) use lines::superscript;
use lines::{Atom, SUPERSCRIPT, join_syllables, visual_order};
pub(crate) use table::{is_amount, unbreakable};

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

    fn text_width(&self) -> f32 {
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

/// Typographic sizes, in points.
const BODY: f32 = 11.0;
const BODY_LEADING: f32 = 14.5;
/// The width of the text block, in points (see [`Geometry::for_document`]).
const MEASURE: f32 = 360.0;
const HEADING: f32 = 12.5;
const TITLE: f32 = 22.0;
const SMALL: f32 = 9.0;
const SMALL_LEADING: f32 = 11.5;
const INDENT: f32 = 16.0;
/// The most a justified line's spaces may widen, in ems each.
const MAX_STRETCH: f64 = 0.6;

struct Writer<'a> {
    fonts: &'a Fonts,
    geo: Geometry,
    pages: Vec<Page>,
    /// The page being written: the last, except in the right column of a
    /// pair, which goes back to the pages its left column filled.
    page: usize,
    /// The top of the next line, from the bottom of the page.
    y: f32,
    /// Where text goes across the page: its left edge and width (the text
    /// block, or one column of it).
    frame: Frame,
    headings: Vec<(String, usize)>,
    title_page: bool,
    /// The language of the text being set: its hyphenation patterns.
    lang: crate::lang::Lang,
    /// Whether words may be cut at the end of a line (not in the contents).
    hyphenate: bool,
    /// The logical structure so far, and the element text goes into.
    elements: Vec<Element>,
    element: usize,
    /// The list the current run of items belongs to.
    list: Option<usize>,
    /// The lines of the passes before this one.
    lines: Option<&'a Lines>,
    /// How many groups, boxes and columns enclose the block being set.
    nesting: u8,
    /// Whether the text being set is a review note's (in a shaded box).
    sans: bool,
}

/// The most pages a document may take: a convention is read and signed, and
/// a thousand pages is far past any; only a broken or hostile template gets
/// there, and it is stopped before it costs minutes.
pub const MAX_PAGES: usize = 1000;

/// The element of text that is not content (a repeated table header).
pub const ARTIFACT: usize = usize::MAX;

/// The deepest groups, boxes and columns nest (a box in a column in a
/// group is two).
const MAX_NESTING: u8 = 3;

#[derive(Clone, Copy, Debug)]
struct Frame {
    x: f32,
    width: f32,
}

/// The space between two columns, with a thin rule down its middle.
const GUTTER: f32 = 20.0;

/// Lays out `blocks`. `toc` gives the page number of each heading, from a first
/// pass (`None` on that first pass: the numbers print as placeholders of the
/// same width class, so both passes break pages identically).
pub fn layout(
    blocks: &[Block],
    fonts: &Fonts,
    geo: Geometry,
    toc_title: &str,
    toc: Option<&[(String, usize)]>,
) -> Layout {
    layout_with(blocks, fonts, geo, toc_title, toc, &Lines::default())
}

/// [`layout`], with the lines of earlier passes.
pub fn layout_with(
    blocks: &[Block],
    fonts: &Fonts,
    geo: Geometry,
    toc_title: &str,
    toc: Option<&[(String, usize)]>,
    lines: &Lines,
) -> Layout {
    let mut w = Writer::new(fonts, geo);
    w.lines = Some(lines);
    // The document's language: the first mark's.
    let lang = blocks
        .iter()
        .find_map(|b| match b {
            Block::Lang(l) => Some(*l),
            _ => None,
        })
        .unwrap_or_default();
    w.new_page();
    w.blocks(blocks, toc_title, toc);
    // Drop a trailing empty page.
    if w.pages.len() > 1 && w.pages.last().is_some_and(|p| p.items.is_empty()) {
        w.pages.pop();
    }
    if let Some(root) = w.elements.first_mut() {
        root.lang = lang;
    }
    Layout {
        pages: w.pages,
        headings: w.headings,
        elements: w.elements,
    }
}

/// Where the unit of layout starting at `i` ends: a group or a pair of
/// columns whole, else one block.
fn unit_end(blocks: &[Block], i: usize) -> usize {
    match blocks.get(i) {
        None => blocks.len(),
        Some(Block::KeepStart) => (until(blocks, i, &Block::KeepEnd) + 1).min(blocks.len()),
        Some(Block::ColumnsStart { .. }) => {
            (until(blocks, i, &Block::ColumnsEnd) + 1).min(blocks.len())
        }
        Some(_) => i + 1,
    }
}

/// The end of a run of blocks: `[start, end)` of `blocks[from..]`, ended by
/// `stop` (or the end).
fn until(blocks: &[Block], from: usize, stop: &Block) -> usize {
    blocks[from..]
        .iter()
        .position(|b| b == stop)
        .map_or(blocks.len(), |p| from + p)
}

impl<'a> Writer<'a> {
    fn new(fonts: &'a Fonts, geo: Geometry) -> Writer<'a> {
        Writer {
            fonts,
            geo,
            pages: Vec::new(),
            page: 0,
            y: 0.0,
            frame: Frame {
                x: geo.margin_x,
                width: geo.text_width(),
            },
            headings: Vec::new(),
            title_page: false,
            lang: crate::lang::Lang::Fr,
            hyphenate: true,
            elements: vec![Element {
                role: Role::Document,
                parent: 0,
                lang: crate::lang::Lang::Fr,
            }],
            element: 0,
            list: None,
            lines: None,
            nesting: 0,
            sans: false,
        }
    }

    /// Opens a structure element under `parent`; text goes into it.
    fn begin(&mut self, role: Role, parent: usize) -> usize {
        self.elements.push(Element {
            role,
            parent,
            lang: self.lang,
        });
        self.element = self.elements.len() - 1;
        self.element
    }

    /// Lays out a run of blocks, with its groups, title page and columns.
    fn blocks(&mut self, blocks: &[Block], toc_title: &str, toc: Option<&[(String, usize)]>) {
        let geo = self.geo;
        let mut i = 0;
        // Past the last page allowed, nothing more is laid out (the caller
        // refuses the document).
        while i < blocks.len() && self.pages.len() <= MAX_PAGES {
            match &blocks[i] {
                Block::TitlePageStart => {
                    self.title_page = true;
                    if let Some(p) = self.pages.get_mut(self.page) {
                        p.title_page = true;
                    }
                    self.y = geo.height * 0.70;
                }
                Block::TitlePageEnd => {
                    self.title_page = false;
                    self.new_page();
                }
                // Groups, boxes and columns inside one another (only a broken
                // template nests them deeper) are read as plain text: no
                // recursion a template could deepen.
                Block::KeepStart
                | Block::BoxStart
                | Block::ColumnsStart { .. }
                | Block::KeepWithNext
                    if self.nesting >= MAX_NESTING => {}
                Block::KeepStart => {
                    let end = until(blocks, i, &Block::KeepEnd);
                    let group = &blocks[i + 1..end];
                    self.space(12.0);
                    let height = self.measure(group);
                    self.ensure(height);
                    self.nesting += 1;
                    self.blocks(group, toc_title, toc);
                    self.nesting -= 1;
                    i = end;
                }
                // Columns inside a column (only a broken template makes them)
                // are read as one: no recursion a template could deepen.
                Block::ColumnsStart { .. } if self.frame.width < self.geo.text_width() => {}
                Block::Lang(lang) => self.lang = *lang,
                Block::ColumnsStart { rule } => {
                    // The break is looked for inside the pair only: a pair
                    // without one is a left column alone.
                    let end = until(blocks, i, &Block::ColumnsEnd);
                    let middle = until(&blocks[..end], i, &Block::ColumnBreak);
                    let right = blocks.get(middle + 1..end).unwrap_or_default();
                    self.nesting += 1;
                    self.columns(&blocks[i + 1..middle], right, *rule, toc_title, toc);
                    self.nesting -= 1;
                    i = end;
                }
                Block::BoxStart => {
                    let end = until(blocks, i, &Block::BoxEnd);
                    self.nesting += 1;
                    self.shaded(&blocks[i + 1..end], toc_title, toc);
                    self.nesting -= 1;
                    i = end;
                }
                Block::KeepWithNext => {
                    // This unit and the next on one page: the closing
                    // formula with the first signatures.
                    let after = unit_end(blocks, unit_end(blocks, i + 1));
                    let height = self.measure(&blocks[i + 1..after]);
                    self.ensure(height);
                }
                b => self.block(b, toc_title, toc),
            }
            i += 1;
        }
    }

    fn top(&self) -> f32 {
        self.geo.height - self.geo.margin_top
    }

    /// Moves to the next page: the one a left column already began, or a
    /// new one.
    fn new_page(&mut self) {
        if self.pages.is_empty() {
            self.page = 0;
        } else {
            self.page += 1;
        }
        if self.page == self.pages.len() {
            self.pages.push(Page::default());
        }
        self.y = self.top();
    }

    fn page_is_empty(&self) -> bool {
        self.pages.get(self.page).is_none_or(|p| p.items.is_empty())
    }

    /// Starts a new page unless `height` fits below the cursor.
    fn ensure(&mut self, height: f32) {
        // At the top of a page already, a taller block gains nothing from
        // another (a right column at the top of a page its left one began).
        if self.y - height < self.geo.margin_bottom && !self.page_is_empty() && self.y < self.top()
        {
            self.new_page();
        }
    }

    /// Vertical space, dropped at the top of a page.
    fn space(&mut self, h: f32) {
        if self.y < self.top() {
            self.y -= h;
        }
    }

    fn push(&mut self, mut item: Item) {
        if let Item::Text { element, .. } = &mut item {
            *element = self.element;
        }
        if let Some(p) = self.pages.get_mut(self.page) {
            p.items.push(item);
        }
    }

    /// The height `blocks` take, laid out on an endless page.
    fn measure(&self, blocks: &[Block]) -> f32 {
        let geo = Geometry {
            height: 1.0e6,
            ..self.geo
        };
        let mut scratch = Writer::new(self.fonts, geo);
        scratch.lines = self.lines;
        // Measuring is one level deeper: a group measured inside a group
        // being measured stops where laying out does.
        scratch.nesting = self.nesting.saturating_add(1);
        scratch.frame = self.frame;
        scratch.lang = self.lang;
        scratch.sans = self.sans;
        scratch.new_page();
        // Not at the top, so leading space counts as it will in place.
        scratch.y -= 0.001;
        let start = scratch.y;
        scratch.blocks(blocks, "", None);
        start - scratch.y
    }

    fn block(&mut self, block: &Block, toc_title: &str, toc: Option<&[(String, usize)]>) {
        let Frame { x: x0, width } = self.frame;
        // The element this block's text goes into.
        match block {
            Block::Title(_) => _ = self.begin(Role::H1, 0),
            Block::Heading(_) => _ = self.begin(Role::H2, 0),
            Block::Paragraph { .. } => _ = self.begin(Role::P, 0),
            Block::Item(_) => {
                let list = match self.list {
                    Some(list) => list,
                    None => self.begin(Role::L, 0),
                };
                self.list = Some(list);
                self.begin(Role::LI, list);
            }
            _ => {}
        }
        if !matches!(block, Block::Item(_) | Block::Lang(_) | Block::Space(_)) {
            self.list = None;
        }
        match block {
            Block::Title(runs) => {
                let runs = embolden(runs);
                self.paragraph(&runs, TITLE, TITLE * 1.25, x0, width, Align::Center);
                self.space(18.0);
            }
            Block::Heading(runs) => {
                let text: String = runs.iter().map(|r| r.text.as_str()).collect();
                // A heading is never left alone at the bottom of a page.
                self.ensure(HEADING * 1.3 + 14.0 + 3.0 * BODY_LEADING);
                self.space(14.0);
                self.headings.push((text, self.page + 1));
                let runs = embolden(runs);
                self.paragraph(&runs, HEADING, HEADING * 1.3, x0, width, Align::Left);
                self.space(4.0);
            }
            Block::Paragraph { runs, quote: false } => {
                let align = if self.title_page {
                    Align::Center
                } else {
                    Align::Justify
                };
                let size = if self.title_page { 13.0 } else { BODY };
                self.paragraph(runs, size, size * 1.35, x0, width, align);
                self.space(if self.title_page { 10.0 } else { 6.0 });
            }
            Block::Paragraph { runs, quote: true } => {
                let top = self.y;
                let page = self.page;
                self.paragraph(
                    runs,
                    SMALL,
                    SMALL_LEADING,
                    x0 + INDENT,
                    width - INDENT,
                    Align::Left,
                );
                // In a shaded box the shade already sets the quotation apart.
                if self.page == page && !self.sans {
                    let bottom = self.y;
                    self.push(Item::Line {
                        x1: x0 + 4.0,
                        y1: top - 1.0,
                        x2: x0 + 4.0,
                        y2: bottom + 2.0,
                        width: 1.5,
                    });
                }
                self.space(5.0);
            }
            Block::Item(runs) => {
                // The bullet sits on the item's first line, so that line must fit here.
                self.ensure(BODY_LEADING);
                let bullet = Item::Text {
                    x: x0 + 4.0,
                    y: self.y - BODY * 0.85,
                    text: "–".into(),
                    style: Style::Regular,
                    size: BODY,
                    element: 0,
                };
                self.push(bullet);
                self.paragraph(
                    runs,
                    BODY,
                    BODY_LEADING,
                    x0 + INDENT,
                    width - INDENT,
                    Align::Justify,
                );
                self.space(3.0);
            }
            Block::Table { header, rows } => self.table(header, rows),
            Block::Rule => {
                self.space(8.0);
                self.ensure(12.0);
                let y = self.y;
                self.push(Item::Line {
                    x1: x0,
                    y1: y,
                    x2: x0 + width,
                    y2: y,
                    width: 0.5,
                });
                self.y -= 12.0;
            }
            Block::Space(h) => self.space(*h),
            Block::Toc => self.toc(toc_title, toc),
            Block::PageBreak => {
                if !self.page_is_empty() {
                    self.new_page();
                }
            }
            Block::KeepStart
            | Block::KeepEnd
            | Block::TitlePageStart
            | Block::TitlePageEnd
            | Block::ColumnsStart { .. }
            | Block::ColumnBreak
            | Block::ColumnsEnd
            | Block::KeepWithNext
            | Block::BoxStart
            | Block::BoxEnd => {}
            Block::Lang(lang) => self.lang = *lang,
        }
    }

    fn toc(&mut self, title: &str, toc: Option<&[(String, usize)]>) {
        let Frame { x: x0, width } = self.frame;
        self.begin(Role::H2, 0);
        let runs = vec![Run {
            text: title.to_string(),
            style: Style::Bold,
            mark: Mark::None,
        }];
        self.paragraph(&runs, HEADING, HEADING * 1.3, x0, width, Align::Left);
        self.space(8.0);
        let entries: Vec<String> = match toc {
            Some(t) => t.iter().map(|(s, _)| s.clone()).collect(),
            // First pass: the entries are not known yet; reserve no space.
            None => Vec::new(),
        };
        // An entry reads whole, its words uncut.
        self.hyphenate = false;
        let contents = self.begin(Role::TOC, 0);
        for (n, entry) in entries.iter().enumerate() {
            self.begin(Role::TOCI, contents);
            let page = toc.and_then(|t| t.get(n)).map_or(0, |(_, p)| *p);
            let number = page.to_string();
            let number_width = self.fonts.width(&number, Style::Regular, BODY);
            let title_width = width - 40.0;
            let runs = vec![Run {
                text: entry.clone(),
                style: Style::Regular,
                mark: Mark::None,
            }];
            // Where the entry's last line ends: the dot leaders start there.
            let lines = self.wrap(&runs, BODY, title_width);
            let last_end = lines.last().map_or(0.0, |line| {
                line.iter().map(|w| w.width).sum::<f64>()
                    + line.iter().rev().skip(1).map(|w| w.space).sum::<f64>()
            }) as f32;
            // An entry is never cut by a page: its link covers it whole.
            self.ensure(lines.len() as f32 * BODY_LEADING);
            let top = self.y;
            let first_page = self.page;
            self.paragraph(&runs, BODY, BODY_LEADING, x0, title_width, Align::Left);
            let y = self.y + BODY_LEADING - BODY * 0.85;
            let number_x = x0 + width - number_width;
            let dot = self.fonts.width(". ", Style::Regular, BODY);
            let (from, to) = (x0 + last_end + 6.0, number_x - 6.0);
            if to > from + dot {
                let count = ((to - from) / dot).floor() as usize;
                self.push(Item::Text {
                    x: to - count as f32 * dot,
                    y,
                    text: ". ".repeat(count).trim_end().to_string(),
                    style: Style::Regular,
                    size: BODY,
                    element: 0,
                });
            }
            self.push(Item::Text {
                x: number_x,
                y,
                text: number,
                style: Style::Regular,
                size: BODY,
                element: 0,
            });
            // The whole entry is a link to its page.
            if self.page == first_page && page > 0 {
                self.push(Item::Link {
                    x1: x0,
                    y1: self.y + BODY_LEADING - BODY * 1.1,
                    x2: x0 + width,
                    y2: top,
                    page,
                });
            }
            self.space(2.0);
        }
        self.hyphenate = true;
    }

    fn paragraph(
        &mut self,
        runs: &[Run],
        size: f32,
        leading: f32,
        x0: f32,
        width: f32,
        align: Align,
    ) {
        // A review note is set in the sans, apart from the text it reviews.
        let in_sans: Vec<Run>;
        let runs = if self.sans {
            in_sans = runs
                .iter()
                .map(|r| Run {
                    text: r.text.clone(),
                    style: r.style.sans(),
                    mark: r.mark,
                })
                .collect();
            &in_sans[..]
        } else {
            runs
        };
        let lines = self.wrap(runs, size, width);
        let count = lines.len();
        // Never one line of a paragraph alone at the foot of a page (an
        // orphan) or at the head of the next (a widow): the page breaks a
        // line earlier, or before the paragraph.
        let room = ((self.y - self.geo.margin_bottom) / leading)
            .floor()
            .max(0.0) as usize;
        let body = align == Align::Justify;
        let break_before = if body && count > room && !self.page_is_empty() && self.y < self.top() {
            match room {
                0 | 1 => Some(0),
                _ if count - room == 1 && count >= 3 => Some(room - 1),
                _ if count - room == 1 => Some(0),
                _ => None,
            }
        } else {
            None
        };
        for (n, line) in lines.into_iter().enumerate() {
            if break_before == Some(n) {
                self.new_page();
            }
            self.ensure(leading);
            let line = join_syllables(line, self.fonts.width("-", Style::Regular, size));
            let baseline = self.y - size * 0.85;
            let natural: f64 = line.iter().map(|w| w.width).sum::<f64>()
                + line.iter().rev().skip(1).map(|w| w.space).sum::<f64>();
            let gaps = line.len().saturating_sub(1);
            let last = n + 1 == count;
            let stretch = (f64::from(width) - natural) / gaps.max(1) as f64;
            let (mut x, extra) = match align {
                // A line with few words in a narrow column would open
                // rivers of white (« EN    CONSÉQUENCE,    LES »): it is
                // set ragged instead.
                Align::Justify if !last && gaps > 0 && stretch <= f64::from(size) * MAX_STRETCH => {
                    (f64::from(x0), stretch)
                }
                Align::Center => (f64::from(x0) + (f64::from(width) - natural) / 2.0, 0.0),
                Align::Right => (f64::from(x0) + f64::from(width) - natural, 0.0),
                _ => (f64::from(x0), 0.0),
            };
            // Pieces and spaces in the order they are drawn, left to right.
            let atoms = visual_order(&line);
            let gap = |w: usize| line[w].space + extra.max(0.0);
            for (k, atom) in atoms.iter().enumerate() {
                let (w, p, start, end, rtl) = match *atom {
                    Atom::Space(w) => {
                        x += gap(w);
                        continue;
                    }
                    Atom::Piece {
                        word,
                        piece,
                        start,
                        end,
                        rtl,
                    } => (word, piece, start, end, rtl),
                };
                let (text, style, mark) = &line[w].pieces[p];
                let part = text.get(start..end).unwrap_or_default();
                // Punctuation in right-to-left text runs right to left, its
                // brackets turned round; the shaper does both for the text
                // it shapes.
                let turned: String;
                let part = if rtl && !style.is_fallback() {
                    turned = part.chars().rev().map(mirrored).collect();
                    turned.as_str()
                } else {
                    part
                };
                let drawn = self.draw(part, *style, size, x as f32, baseline);
                let mut end_x = x + f64::from(drawn);
                // A mark runs on through the space to the next piece it covers.
                if let (Some(Atom::Space(s)), Some(Atom::Piece { word, piece, .. })) =
                    (atoms.get(k + 1), atoms.get(k + 2))
                    && line[*word].pieces[*piece].2 == *mark
                {
                    end_x += gap(*s);
                }
                self.revision_line(*mark, x as f32, end_x as f32, baseline, size);
                x += f64::from(drawn);
            }
            self.y -= leading;
        }
    }

    /// Draws a piece of a word at `x`, « 1er », « 2e » and « n° » with their
    /// letters raised and smaller in French; returns its width.
    fn draw(&mut self, text: &str, style: Style, size: f32, x: f32, baseline: f32) -> f32 {
        let split = (self.lang == crate::lang::Lang::Fr)
            .then(|| superscript(text))
            .flatten();
        let Some((base, raised, rest)) = split else {
            self.push(Item::Text {
                x,
                y: baseline,
                text: text.to_string(),
                style,
                size,
                element: 0,
            });
            return self.fonts.width(text, style, size);
        };
        let mut at = x;
        for (part, part_size, y) in [
            (base, size, baseline),
            (raised, size * SUPERSCRIPT, baseline + size * 0.33),
            (rest, size, baseline),
        ] {
            if part.is_empty() {
                continue;
            }
            self.push(Item::Text {
                x: at,
                y,
                text: part.to_string(),
                style,
                size: part_size,
                element: 0,
            });
            at += self.fonts.width(part, style, part_size);
        }
        at - x
    }

    /// Underlines an insertion, strikes a deletion.
    fn revision_line(&mut self, mark: Mark, x1: f32, x2: f32, baseline: f32, size: f32) {
        let y = match mark {
            Mark::None => return,
            Mark::Inserted => baseline - size * 0.12,
            Mark::Deleted => baseline + size * 0.28,
        };
        self.push(Item::Line {
            x1,
            y1: y,
            x2,
            y2: y,
            width: 0.6,
        });
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Align {
    Left,
    Right,
    Center,
    Justify,
}

/// The runs in bold, each in its own family and slant.
fn embolden(runs: &[Run]) -> Vec<Run> {
    runs.iter()
        .map(|r| Run {
            text: r.text.clone(),
            style: r.style.with(true, r.style.is_italic()),
            mark: r.mark,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::lines::FRENCH_MONTHS;
    use super::*;

    fn para(text: &str) -> Block {
        Block::Paragraph {
            runs: vec![Run {
                text: text.into(),
                style: Style::Regular,
                mark: Mark::None,
            }],
            quote: false,
        }
    }

    fn lines_of(page: &Page) -> Vec<f32> {
        let mut ys: Vec<f32> = page
            .items
            .iter()
            .filter_map(|i| {
                if let Item::Text { y, .. } = i {
                    Some(*y)
                } else {
                    None
                }
            })
            .collect();
        ys.dedup();
        ys
    }

    #[test]
    fn insertions_are_underlined_and_deletions_struck_through() {
        let fonts = Fonts::load().unwrap();
        let geo = Geometry::a4();
        let run = |text: &str, mark| Run {
            text: text.into(),
            style: Style::Regular,
            mark,
        };
        let block = Block::Paragraph {
            runs: vec![
                run("Le quorum est de ", Mark::None),
                run("cinq membres", Mark::Deleted),
                run(" ", Mark::None),
                run("six membres", Mark::Inserted),
                run(".", Mark::None),
            ],
            quote: false,
        };
        let l = layout(&[block], &fonts, geo, "", None);
        let items = &l.pages[0].items;
        let text_at = |word: &str| {
            items.iter().find_map(|i| match i {
                Item::Text { x, y, text, .. } if text == word => Some((*x, *y)),
                _ => None,
            })
        };
        let lines: Vec<(f32, f32, f32)> = items
            .iter()
            .filter_map(|i| match i {
                Item::Line { x1, x2, y1, .. } => Some((*x1, *x2, *y1)),
                _ => None,
            })
            .collect();
        let (cinq_x, baseline) = text_at("cinq").unwrap();
        let (six_x, _) = text_at("six").unwrap();
        // The struck line crosses the deleted words above the baseline and
        // runs on through the space between them.
        let strike = lines
            .iter()
            .find(|(x1, ..)| (*x1 - cinq_x).abs() < 0.01)
            .unwrap();
        assert!(strike.2 > baseline, "{strike:?} {baseline}");
        assert!(strike.1 > cinq_x + 10.0);
        // The underline sits below the baseline of the inserted words.
        let under = lines
            .iter()
            .find(|(x1, ..)| (*x1 - six_x).abs() < 0.01)
            .unwrap();
        assert!(under.2 < baseline, "{under:?} {baseline}");
        // Unmarked words carry no line.
        let (le_x, _) = text_at("Le").unwrap();
        assert!(lines.iter().all(|(x1, ..)| (*x1 - le_x).abs() > 0.01));
    }

    #[test]
    fn justified_lines_fill_the_measure_and_the_last_is_ragged() {
        let fonts = Fonts::load().unwrap();
        let geo = Geometry::a4();
        let text = "Les parties conviennent de collaborer de bonne foi à la réalisation de leur mission commune. ".repeat(6);
        let l = layout(&[para(&text)], &fonts, geo, "", None);
        let right = geo.width - geo.margin_x;
        let page = &l.pages[0];
        let ys = lines_of(page);
        assert!(ys.len() > 3);
        let line_end = |y: f32| {
            page.items
                .iter()
                .filter_map(|i| match i {
                    Item::Text {
                        x,
                        y: iy,
                        text,
                        style,
                        size,
                        ..
                    } if (*iy - y).abs() < 0.01 => Some(x + fonts.width(text, *style, *size)),
                    _ => None,
                })
                .fold(0.0, f32::max)
        };
        for y in &ys[..ys.len() - 1] {
            assert!(
                (line_end(*y) - right).abs() < 0.5,
                "justified line ends at {} not {right}",
                line_end(*y)
            );
        }
        assert!(
            line_end(*ys.last().unwrap()) < right - 5.0,
            "last line is ragged"
        );
    }

    #[test]
    fn a_heading_is_never_last_on_a_page_and_tables_repeat_their_header() {
        let fonts = Fonts::load().unwrap();
        let mut blocks: Vec<Block> = (0..44).map(|_| para("Ligne de texte courte.")).collect();
        blocks.push(Block::Heading(vec![Run {
            text: "Article 9 — Audit".into(),
            style: Style::Regular,
            mark: Mark::None,
        }]));
        blocks.push(para("Premier paragraphe de l'article."));
        let l = layout(&blocks, &fonts, Geometry::a4(), "", None);
        let (_, page) = l.headings[0].clone();
        let last_on_previous = l.pages[page - 2].items.iter().rev().find_map(|i| {
            if let Item::Text { text, .. } = i {
                Some(text.clone())
            } else {
                None
            }
        });
        assert_ne!(last_on_previous.as_deref(), Some("Audit"));

        let cell = |s: &str| {
            vec![Run {
                text: s.into(),
                style: Style::Regular,
                mark: Mark::None,
            }]
        };
        let rows: Vec<Vec<Vec<Run>>> = (0..120)
            .map(|i| vec![cell(&format!("Poste {i}")), cell("1 000,00 $")])
            .collect();
        let l = layout(
            &[Block::Table {
                header: vec![cell("Poste"), cell("Montant")],
                rows,
            }],
            &fonts,
            Geometry::a4(),
            "",
            None,
        );
        assert!(l.pages.len() >= 2);
        for page in &l.pages {
            let first = page.items.iter().find_map(|i| {
                if let Item::Text { text, style, .. } = i {
                    Some((text.clone(), *style))
                } else {
                    None
                }
            });
            assert_eq!(
                first,
                Some(("Poste".to_string(), Style::Bold)),
                "each page starts with the header row"
            );
        }
        // Tagged once: the repeats are artifacts a reader does not hear.
        let headers = l.elements.iter().filter(|e| e.role == Role::TH).count();
        assert_eq!(headers, 2);
        let repeated = l.pages[1].items.iter().find_map(|i| match i {
            Item::Text { text, element, .. } if text == "Poste" => Some(*element),
            _ => None,
        });
        assert_eq!(repeated, Some(ARTIFACT));
    }

    #[test]
    fn columns_start_level_share_their_pages_and_join_their_headings() {
        let fonts = Fonts::load().unwrap();
        let geo = Geometry::a4();
        let heading = |t: &str| {
            Block::Heading(vec![Run {
                text: t.into(),
                style: Style::Regular,
                mark: Mark::None,
            }])
        };
        let mut blocks = vec![
            para("Avant."),
            Block::ColumnsStart { rule: true },
            heading("Article 2 — Durée"),
        ];
        // The left column runs over two pages, the right fits on one.
        blocks.extend((0..70).map(|_| para("Une ligne de texte en français.")));
        blocks.push(Block::ColumnBreak);
        blocks.push(heading("Article 2 — Term"));
        blocks.extend((0..5).map(|_| para("A line of English text.")));
        blocks.push(Block::ColumnsEnd);
        blocks.push(para("Après."));
        let l = layout(&blocks, &fonts, geo, "", None);
        assert_eq!(
            l.headings,
            [("Article 2 — Durée / Article 2 — Term".to_string(), 1)]
        );
        let find = |word: &str| {
            l.pages.iter().enumerate().find_map(|(n, p)| {
                p.items.iter().find_map(|i| match i {
                    Item::Text { x, y, text, .. } if text == word => Some((n, *x, *y)),
                    _ => None,
                })
            })
        };
        let (left_page, left_x, left_y) = find("Durée").unwrap();
        let (right_page, right_x, right_y) = find("Term").unwrap();
        assert_eq!((left_page, left_y), (right_page, right_y), "level");
        assert!(right_x > geo.width / 2.0 && left_x < geo.width / 2.0);
        assert!(l.pages.len() >= 2);
        // The text after the pair comes below the longer column, full width.
        let (after_page, after_x, _) = find("Après.").unwrap();
        assert_eq!(after_page, l.pages.len() - 1);
        assert!((after_x - geo.margin_x).abs() < 0.01);
        // The right column's words stay on the first page, in its half.
        let english = l.pages[1..]
            .iter()
            .flat_map(|p| &p.items)
            .any(|i| matches!(i, Item::Text { text, .. } if text == "English"));
        assert!(!english);
    }

    #[test]
    fn groups_and_boxes_nested_by_a_broken_template_do_not_recurse() {
        let fonts = Fonts::load().unwrap();
        for open in [Block::KeepStart, Block::BoxStart] {
            let mut blocks = vec![open; 100_000];
            blocks.push(para("Texte."));
            let l = layout(&blocks, &fonts, Geometry::a4(), "", None);
            assert_eq!(l.pages.len(), 1);
        }
        let mut blocks = vec![Block::KeepWithNext; 100_000];
        blocks.push(para("Texte."));
        assert_eq!(
            layout(&blocks, &fonts, Geometry::a4(), "", None)
                .pages
                .len(),
            1
        );
    }

    #[test]
    fn a_review_note_is_shaded_and_set_in_the_sans_the_text_in_the_serif() {
        let fonts = Fonts::load().unwrap();
        let mut quoted = para("Raison d’être de la clause : une note.");
        if let Block::Paragraph { runs, quote } = &mut quoted {
            runs[0].style = Style::Italic;
            *quote = true;
        }
        let blocks = vec![
            para("Article premier."),
            Block::BoxStart,
            quoted,
            Block::BoxEnd,
            para("Article deux."),
        ];
        let l = layout(&blocks, &fonts, Geometry::a4(), "", None);
        let items = &l.pages[0].items;
        let style_of = |needle: &str| {
            items.iter().find_map(|i| match i {
                Item::Text { text, style, .. } if text.contains(needle) => Some(*style),
                _ => None,
            })
        };
        assert_eq!(style_of("premier"), Some(Style::Regular));
        assert_eq!(style_of("note"), Some(Style::SansItalic));
        assert_eq!(style_of("deux"), Some(Style::Regular));
        assert!(items.iter().any(|i| matches!(i, Item::Shade { .. })));
        // The shade sets the quotation apart: no quotation rule inside it.
        assert!(!items.iter().any(|i| matches!(i, Item::Line { .. })));
    }

    #[test]
    fn an_arabic_name_in_french_text_reads_right_to_left_in_its_place() {
        let fonts = Fonts::load().unwrap();
        let blocks = vec![para(
            "représentée par Karim Benjelloun (كريم بنجلون), maire, au 88 (شارع سان جان 88).",
        )];
        let l = layout(&blocks, &fonts, Geometry::a4(), "", None);
        let items = &l.pages[0].items;
        let at = |needle: &str| {
            items
                .iter()
                .find_map(|i| match i {
                    Item::Text { text, x, style, .. } if text == needle => Some((*x, *style)),
                    _ => None,
                })
                .unwrap_or_else(|| panic!("{needle:?} not drawn alone: {items:?}"))
        };
        let (first, style) = at("كريم");
        let (second, _) = at("بنجلون");
        assert_eq!(style, Style::Arabic);
        // The first word read is the rightmost.
        assert!(first > second, "{first} > {second}");
        // The name stays between « Benjelloun ( » and « ), maire ».
        let (before, _) = at("Benjelloun");
        let (after, _) = at("),");
        assert!(before < second && first < after);
        // A number inside Arabic text stays a number, drawn to the left of
        // the words it follows (« 88 » after « شارع سان جان » reads last).
        let street = at("شارع").0;
        let numbers: Vec<f32> = items
            .iter()
            .filter_map(|i| match i {
                Item::Text { text, x, .. } if text == "88" => Some(*x),
                _ => None,
            })
            .collect();
        assert_eq!(numbers.len(), 2);
        assert!(
            numbers.iter().any(|&x| x < street && street - x < 120.0),
            "{numbers:?} {street}"
        );
    }

    #[test]
    fn hebrew_is_shaped_and_reads_right_to_left_too() {
        let fonts = Fonts::load().unwrap();
        let l = layout(
            &[para("Le jardin « שלום עולם » ouvre.")],
            &fonts,
            Geometry::a4(),
            "",
            None,
        );
        let x = |needle: &str| {
            l.pages[0]
                .items
                .iter()
                .find_map(|i| match i {
                    Item::Text { text, x, style, .. } if text == needle => Some((*x, *style)),
                    _ => None,
                })
                .unwrap()
        };
        let (first, style) = x("שלום");
        assert_eq!(style, Style::Symbols);
        assert!(first > x("עולם").0);
    }

    #[test]
    fn columns_nested_by_a_broken_template_stay_two() {
        let fonts = Fonts::load().unwrap();
        let mut blocks = vec![Block::ColumnsStart { rule: true }; 100_000];
        blocks.push(para("Texte."));
        blocks.push(Block::ColumnBreak);
        blocks.push(para("Text."));
        let l = layout(&blocks, &fonts, Geometry::a4(), "", None);
        assert_eq!(l.pages.len(), 1);
    }

    fn texts(l: &Layout) -> Vec<String> {
        l.pages
            .iter()
            .flat_map(|p| &p.items)
            .filter_map(|i| match i {
                Item::Text { text, .. } => Some(text.clone()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn common_words_are_hyphenated_and_names_amounts_and_dates_never() {
        let fonts = Fonts::load().unwrap();
        let geo = Geometry::a4().for_document(true);
        let text = "Les parties conviennent expressément que l’administration, la coordination et \
                    l’évaluation des interventions communautaires relèvent conjointement de \
                    Rivière-aux-Saules et Saint-Aurèle, pour 480 000,00 $ au 31 décembre 2027, \
                    le 2 septembre, le 28 novembre et le 9 février. "
            .repeat(4);
        let mut blocks = vec![
            Block::Lang(crate::lang::Lang::Fr),
            Block::ColumnsStart { rule: true },
            para(&text),
        ];
        blocks.extend([Block::ColumnBreak, Block::ColumnsEnd]);
        let l = layout(&blocks, &fonts, geo, "", None);
        let words = texts(&l);
        let broken: Vec<&String> = words.iter().filter(|w| w.ends_with('-')).collect();
        assert!(!broken.is_empty(), "a narrow column hyphenates: {words:?}");
        for w in &broken {
            let w = w.trim_end_matches('-');
            assert!(
                w.chars().count() >= 2 && w.chars().all(|c| c.is_alphabetic() || c == '’'),
                "{w}"
            );
            assert!(
                w.chars().next().is_some_and(|c| c.is_lowercase()),
                "no proper noun: {w}"
            );
            assert!(
                !FRENCH_MONTHS.iter().any(|m| m.starts_with(w)),
                "no date cut: {w}"
            );
        }
        // Whole again in the text of a line that does not end in it.
        assert!(
            words
                .iter()
                .any(|w| w == "expressément" || w == "expres-" || w == "expressé-")
        );
    }

    #[test]
    fn a_paragraph_leaves_no_line_alone_at_the_foot_or_head_of_a_page() {
        let fonts = Fonts::load().unwrap();
        let geo = Geometry::a4();
        let long =
            "Texte suivi d’un paragraphe de plusieurs lignes qui doit se couper proprement. "
                .repeat(5);
        for filler in 25..40 {
            let mut blocks: Vec<Block> = (0..filler).map(|_| para("Ligne.")).collect();
            blocks.push(para(&long));
            blocks.push(para("Fin."));
            let l = layout(&blocks, &fonts, geo, "", None);
            // Lines of the long paragraph on each page.
            for page in &l.pages {
                let ys: Vec<f32> = page
                    .items
                    .iter()
                    .filter_map(|i| match i {
                        Item::Text { y, text, .. } if text != "Ligne." && text != "Fin." => {
                            Some(*y)
                        }
                        _ => None,
                    })
                    .collect();
                let mut lines = ys.clone();
                lines.dedup();
                assert!(lines.len() != 1, "filler {filler}: a lone line {lines:?}");
            }
        }
    }

    #[test]
    fn french_ordinals_and_numero_are_raised() {
        let fonts = Fonts::load().unwrap();
        let blocks = [
            Block::Lang(crate::lang::Lang::Fr),
            para("Le 1er mars, la résolution n° 12 du 2e conseil."),
        ];
        let l = layout(&blocks, &fonts, Geometry::a4(), "", None);
        let item = |t: &str| {
            l.pages[0].items.iter().find_map(|i| match i {
                Item::Text { text, y, size, .. } if text == t => Some((*y, *size)),
                _ => None,
            })
        };
        let (base_y, base_size) = item("1").unwrap();
        for raised in ["er", "o", "e"] {
            let (y, size) = item(raised).unwrap();
            assert!(y > base_y && size < base_size, "{raised}");
        }
        assert_eq!(superscript("2023"), None);
        assert_eq!(superscript("nord"), None);
        assert_eq!(superscript("1er,"), Some(("1", "er", ",")));
    }

    #[test]
    fn keep_groups_are_not_split() {
        let fonts = Fonts::load().unwrap();
        let mut blocks: Vec<Block> = (0..46).map(|_| para("Ligne.")).collect();
        blocks.push(Block::KeepStart);
        for s in [
            "Ville de Saint-Aurèle",
            "Signature : ____",
            "Nadine Lavoie, mairesse",
            "Date : ____",
        ] {
            blocks.push(para(s));
        }
        blocks.push(Block::KeepEnd);
        let l = layout(&blocks, &fonts, Geometry::a4(), "", None);
        let page_of = |needle: &str| {
            l.pages.iter().position(|p| {
                p.items
                    .iter()
                    .any(|i| matches!(i, Item::Text { text, .. } if text.contains(needle)))
            })
        };
        assert_eq!(page_of("Saint-Aurèle"), page_of("mairesse"));
        assert_eq!(page_of("Saint-Aurèle"), page_of("Date"));
    }
}
