//! Text set in part of the page: two columns side by side (a bilingual
//! edition, signature blocks two by two) and shaded boxes (review notes),
//! each on as many pages as it takes.

use super::{BODY_LEADING, Frame, GUTTER, Item, Writer};
use crate::render::print::tree::Block;

impl Writer<'_> {
    /// Two runs of blocks side by side, both starting level at the cursor;
    /// the cursor ends below the longer. The right column's headings join
    /// the left's in the table of contents (« Article 2 — Durée / Article 2
    /// — Term »).
    pub(super) fn columns(
        &mut self,
        left: &[Block],
        right: &[Block],
        rule: bool,
        toc_title: &str,
        toc: Option<&[(String, usize)]>,
    ) {
        let full = self.frame;
        let width = (full.width - GUTTER) / 2.0;
        let frames = [
            Frame { x: full.x, width },
            Frame {
                x: full.x + width + GUTTER,
                width,
            },
        ];
        // A group that opens a column (a signature block) moves both
        // columns to the next page when either does not fit: they start level.
        let opening = |column: &[Block], writer: &Writer<'_>| match column.first() {
            Some(Block::Keep(group)) => {
                let mut w = Writer::new(writer.fonts, writer.geo);
                w.frame = frames[0];
                w.measure(group) + 12.0
            }
            _ => 0.0,
        };
        let need = opening(left, self).max(opening(right, self));
        self.ensure(need);
        let (start_page, start_y) = (self.page, self.y);
        let mut ends = Vec::with_capacity(2);
        for (column, frame) in [left, right].into_iter().zip(frames) {
            (self.page, self.y, self.frame) = (start_page, start_y, frame);
            self.blocks(column, toc_title, toc);
            ends.push((self.page, self.y));
        }
        self.frame = full;
        // The lower of the two ends: a later page, or lower on the same one.
        let (end_page, end_y) = ends.iter().copied().fold((0, f32::MAX), |low, end| {
            if end.0 > low.0 || (end.0 == low.0 && end.1 < low.1) {
                end
            } else {
                low
            }
        });
        (self.page, self.y) = (end_page, end_y);
        // The rule between the columns, on every page the pair spans.
        let x = full.x + width + GUTTER / 2.0;
        for page in start_page..=end_page {
            let top = if page == start_page {
                start_y
            } else {
                self.top()
            };
            let bottom = if page == end_page {
                end_y
            } else {
                self.geo.margin_bottom
            };
            if rule && top - bottom > 1.0 && !self.title_page {
                self.pages[page].items.push(Item::Line {
                    x1: x,
                    y1: top,
                    x2: x,
                    y2: bottom,
                    width: 0.4,
                });
            }
        }
    }

    /// Lays out `blocks` inside a shaded box, page by page: the shade goes
    /// behind the text it holds, on every page the box spans.
    pub(super) fn shaded(
        &mut self,
        blocks: &[Block],
        toc_title: &str,
        toc: Option<&[(String, usize)]>,
    ) {
        const PAD: f32 = 6.0;
        self.space(6.0);
        self.ensure(4.0 * BODY_LEADING);
        let full = self.frame;
        let (start_page, start_y) = (self.page, self.y);
        let first_item = self.pages.get(self.page).map_or(0, |p| p.items.len());
        self.frame = Frame {
            x: full.x + PAD,
            width: full.width - 2.0 * PAD,
        };
        self.y -= PAD;
        let sans = std::mem::replace(&mut self.sans, true);
        self.blocks(blocks, toc_title, toc);
        self.sans = sans;
        self.y -= PAD;
        self.frame = full;
        for page in start_page..=self.page {
            let top = if page == start_page {
                start_y
            } else {
                self.top()
            };
            let bottom = if page == self.page {
                self.y
            } else {
                self.geo.margin_bottom
            };
            let shade = Item::Shade {
                x: full.x,
                y: bottom,
                width: full.width,
                height: top - bottom,
            };
            let at = if page == start_page { first_item } else { 0 };
            if let Some(p) = self.pages.get_mut(page) {
                p.items.insert(at.min(p.items.len()), shade);
            }
        }
        self.space(6.0);
    }
}
