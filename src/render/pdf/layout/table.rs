//! Tables: column widths from their content, wrapped cells, amounts flush
//! right, a header row repeated (as an artifact) after a page break.

use super::Style;
use super::{ARTIFACT, Align, Frame, Item, Role, SMALL, SMALL_LEADING, Writer, embolden};
use crate::render::print::text::{cell_align, unbreakable};
use crate::render::print::tree::{Align as Column, Run};

impl Writer<'_> {
    pub(super) fn table(&mut self, align: &[Column], header: &[Vec<Run>], rows: &[Vec<Vec<Run>>]) {
        let Frame { x: x0, width } = self.frame;
        let columns = header
            .len()
            .max(rows.iter().map(Vec::len).max().unwrap_or(0));
        if columns == 0 {
            return;
        }
        let pad = 4.0;
        // Column widths in proportion to their widest single-line content,
        // with a floor so no column collapses.
        let natural: Vec<f32> = (0..columns)
            .map(|c| {
                std::iter::once(header.get(c))
                    .chain(rows.iter().map(|r| r.get(c)))
                    .flatten()
                    .map(|cell| {
                        cell.iter()
                            .map(|r| self.fonts.width(&r.text, Style::from(r.style), SMALL))
                            .sum::<f32>()
                    })
                    .fold(0.0, f32::max)
                    + 2.0 * pad
            })
            .collect();
        let total: f32 = natural.iter().sum();
        let floor = width / columns as f32 * 0.45;
        let mut widths: Vec<f32> = natural
            .iter()
            .map(|n| {
                if total <= width {
                    n * width / total
                } else {
                    (n * width / total).max(floor)
                }
            })
            .collect();
        let sum: f32 = widths.iter().sum();
        widths.iter_mut().for_each(|w| *w *= width / sum);

        // Each column's width and the alignment its template gives it.
        let columns: Vec<(f32, Column)> = widths
            .iter()
            .enumerate()
            .map(|(c, w)| (*w, align.get(c).copied().unwrap_or_default()))
            .collect();
        let header_bold: Vec<Vec<Run>> = header.iter().map(|c| embolden(c)).collect();
        let table = self.begin(Role::Table, 0);
        self.space(4.0);
        self.ensure(2.0 * self.row_height(&header_bold, &widths, pad));
        self.table_row(&header_bold, &columns, x0, pad, Some(table), true);
        for row in rows {
            let h = self.row_height(row, &widths, pad);
            if self.y - h < self.geo.margin_bottom {
                // The header row repeats at the top of the next page.
                self.new_page();
                self.table_row(&header_bold, &columns, x0, pad, None, true);
            }
            self.table_row(row, &columns, x0, pad, Some(table), false);
        }
        self.space(8.0);
    }

    fn row_height(&self, cells: &[Vec<Run>], widths: &[f32], pad: f32) -> f32 {
        cells
            .iter()
            .zip(widths)
            .map(|(cell, w)| {
                self.wrap(&unbreakable(cell), SMALL, w - 2.0 * pad)
                    .len()
                    .max(1) as f32
                    * SMALL_LEADING
            })
            .fold(SMALL_LEADING, f32::max)
            + 2.0 * pad
    }

    fn table_row(
        &mut self,
        cells: &[Vec<Run>],
        columns: &[(f32, Column)],
        x0: f32,
        pad: f32,
        table: Option<usize>,
        header: bool,
    ) {
        let widths: Vec<f32> = columns.iter().map(|(w, _)| *w).collect();
        let h = self.row_height(cells, &widths, pad);
        let top = self.y;
        let mut x = x0;
        // A header row repeated after a page break (no `table`) is an
        // artifact: a reader hears the header once.
        let row = table.map(|table| self.begin(Role::TR, table));
        for (cell, &(w, column)) in cells.iter().zip(columns) {
            self.element = match row {
                Some(row) => self.begin(if header { Role::TH } else { Role::TD }, row),
                None => ARTIFACT,
            };
            self.y = top - pad;
            let cell = unbreakable(cell);
            let align = match cell_align(column, &cell, !header) {
                Column::Right => Align::Right,
                Column::Center => Align::Center,
                Column::Left | Column::Auto => Align::Left,
            };
            self.paragraph(&cell, SMALL, SMALL_LEADING, x + pad, w - 2.0 * pad, align);
            x += w;
        }
        let bottom = top - h;
        let right = x0 + widths.iter().sum::<f32>();
        let line = |x1, y1, x2, y2, width| Item::Line {
            x1,
            y1,
            x2,
            y2,
            width,
        };
        self.push(line(x0, top, right, top, if header { 0.8 } else { 0.3 }));
        self.push(line(
            x0,
            bottom,
            right,
            bottom,
            if header { 0.8 } else { 0.3 },
        ));
        let mut x = x0;
        self.push(line(x, top, x, bottom, 0.3));
        for w in widths {
            x += w;
            self.push(line(x, top, x, bottom, 0.3));
        }
        self.y = bottom;
    }
}
