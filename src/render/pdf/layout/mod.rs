//! Layout: blocks to pages of positioned text and lines. Pure data, no
//! printpdf: line breaking with the fonts' real advances (optimal fit), justified
//! paragraphs with a ragged last line, headings kept with what follows, tables
//! whose header row repeats after a page break, groups never split (signature
//! blocks), two columns side by side starting level (a bilingual edition),
//! and a table of contents whose page numbers come from a first pass; the
//! logical structure of what it sets, for the tagged PDF. Line breaking is
//! in [`lines`], tables in [`table`], columns and shaded boxes in [`frames`];
//! what a laid-out page is in [`page`].

mod frames;
mod lines;
mod page;
mod table;

use super::fonts::{Fonts, Style};
use crate::render::print::text::superscript;
use crate::render::print::tree::{Block, Mark, Run, Style as Emphasis, item_labels};
pub use lines::Lines;
pub(crate) use lines::mirrored;
use lines::{Atom, SUPERSCRIPT, join_syllables, visual_order};
pub use page::{Element, Geometry, Item, Layout, Page, Role};

/// Typographic sizes, in points.
const BODY: f32 = 11.0;
const BODY_LEADING: f32 = 14.5;
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
    /// The page of each heading laid out so far.
    headings: Vec<usize>,
    title_page: bool,
    /// The language of the text being set: its hyphenation patterns.
    lang: crate::lang::Lang,
    /// Whether words may be cut at the end of a line (not in the contents).
    hyphenate: bool,
    /// The logical structure so far, and the element text goes into.
    elements: Vec<Element>,
    element: usize,
    /// The lines of the passes before this one.
    lines: Option<&'a Lines>,
    /// Whether the text being set is a review note's (in a shaded box).
    sans: bool,
}

/// The most pages a document may take: a convention is read and signed, and
/// a thousand pages is far past any; only a broken or hostile template gets
/// there, and it is stopped before it costs minutes.
pub const MAX_PAGES: usize = 1000;

/// The element of text that is not content (a repeated table header).
pub const ARTIFACT: usize = usize::MAX;

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
    lang: crate::lang::Lang,
    fonts: &Fonts,
    geo: Geometry,
    toc_title: &str,
    toc: Option<&[(String, usize)]>,
) -> Layout {
    layout_with(blocks, lang, fonts, geo, toc_title, toc, &Lines::default())
}

/// [`layout`], with the lines of earlier passes.
pub fn layout_with(
    blocks: &[Block],
    lang: crate::lang::Lang,
    fonts: &Fonts,
    geo: Geometry,
    toc_title: &str,
    toc: Option<&[(String, usize)]>,
    lines: &Lines,
) -> Layout {
    let mut w = Writer::new(fonts, geo);
    w.lines = Some(lines);
    w.lang = lang;
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
            lines: None,
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
        // Past the last page allowed, nothing more is laid out (the caller
        // refuses the document).
        for (i, block) in blocks.iter().enumerate() {
            if self.pages.len() > MAX_PAGES {
                break;
            }
            match block {
                Block::TitlePage(inner) => {
                    self.title_page = true;
                    if let Some(p) = self.pages.get_mut(self.page) {
                        p.title_page = true;
                    }
                    self.y = geo.height * 0.70;
                    self.blocks(inner, toc_title, toc);
                    self.title_page = false;
                    self.new_page();
                }
                Block::Keep(group) => {
                    self.space(12.0);
                    let height = self.measure(group);
                    self.ensure(height);
                    self.blocks(group, toc_title, toc);
                }
                Block::Columns { rule, left, right } => {
                    self.columns(left, right, *rule, toc_title, toc);
                }
                Block::Note(inner) => self.shaded(inner, toc_title, toc),
                Block::KeepWithNext => {
                    // This unit and the next on one page: the closing
                    // formula with the first signatures.
                    // A change of language is not a unit.
                    let mut units = 0;
                    let after = blocks[i + 1..]
                        .iter()
                        .position(|b| {
                            units += usize::from(!matches!(b, Block::Lang(_)));
                            units > 2
                        })
                        .map_or(blocks.len(), |p| i + 1 + p);
                    let height = self.measure(&blocks[i + 1..after]);
                    self.ensure(height);
                }
                b => self.block(b, toc_title, toc),
            }
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
            Block::Heading { .. } => _ = self.begin(Role::H2, 0),
            Block::Paragraph { .. } => _ = self.begin(Role::P, 0),
            _ => {}
        }
        match block {
            Block::Title(runs) => {
                let runs = embolden(runs);
                self.paragraph(&runs, TITLE, TITLE * 1.25, x0, width, Align::Center);
                self.space(18.0);
            }
            Block::Heading { runs, .. } => {
                // A heading is never left alone at the bottom of a page:
                // all its lines (a long title takes two) and the first
                // lines of what follows go together.
                let runs = embolden(runs);
                let lines = self.wrap(&runs, HEADING, width).len().max(1) as f32;
                self.ensure(lines * HEADING * 1.3 + 14.0 + 3.0 * BODY_LEADING);
                self.space(14.0);
                self.headings.push(self.page + 1);
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
            Block::List { numbering, items } => {
                let list = self.begin(Role::L, 0);
                let labels = item_labels(*numbering, items, self.lang);
                for (label, runs) in labels.iter().zip(items) {
                    self.begin(Role::LI, list);
                    // The bullet or number sits on the item's first line, so
                    // that line must fit here.
                    self.ensure(BODY_LEADING);
                    // The new label when it moved: the page shows the text
                    // as it now reads.
                    let label = label
                        .last()
                        .map_or_else(|| "–".to_string(), |r| r.text.trim_end().to_string());
                    let bullet = Item::Text {
                        x: x0 + 4.0,
                        y: self.y - BODY * 0.85,
                        text: label,
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
            }
            Block::Table {
                align,
                header,
                rows,
            } => self.table(align, header, rows),
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
            Block::Contents => self.toc(toc_title, toc),
            Block::PageBreak => {
                if !self.page_is_empty() {
                    self.new_page();
                }
            }
            // Containers are laid out by `blocks`, which never hands them here.
            Block::TitlePage(_)
            | Block::Keep(_)
            | Block::Columns { .. }
            | Block::Note(_)
            | Block::KeepWithNext => {}
            Block::Lang(lang) => self.lang = *lang,
        }
    }

    fn toc(&mut self, title: &str, toc: Option<&[(String, usize)]>) {
        let Frame { x: x0, width } = self.frame;
        self.begin(Role::H2, 0);
        let runs = vec![Run::new(title, Emphasis::Bold)];
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
            let runs = vec![Run::new(entry.clone(), Emphasis::Regular)];
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

/// The runs in bold, each in its own slant.
fn embolden(runs: &[Run]) -> Vec<Run> {
    runs.iter()
        .map(|r| Run {
            style: r.style.bold(),
            ..r.clone()
        })
        .collect()
}

#[cfg(test)]
mod tests;
