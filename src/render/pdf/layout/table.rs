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
        let cells = |c: usize| {
            std::iter::once(header.get(c))
                .chain(rows.iter().map(move |r| r.get(c)))
                .flatten()
        };
        // Each column's widest single-line content (its natural width) and
        // its widest piece that may not break (its minimum): a date or an
        // amount whole, otherwise the widest word.
        let natural: Vec<f32> = (0..columns)
            .map(|c| {
                cells(c)
                    .map(|cell| {
                        cell.iter()
                            .map(|r| self.fonts.width(&r.text, Style::from(r.style), SMALL))
                            .sum::<f32>()
                    })
                    .fold(0.0, f32::max)
                    + 2.0 * pad
            })
            .collect();
        let minimum: Vec<f32> = (0..columns)
            .map(|c| {
                cells(c)
                    .map(|cell| self.widest_piece(&unbreakable(cell)))
                    .fold(0.0, f32::max)
                    + 2.0 * pad
            })
            .collect();
        let widths = column_widths(&natural, &minimum, width);
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

    /// The widest run of text between two breakable spaces of a cell.
    fn widest_piece(&self, cell: &[Run]) -> f32 {
        let (mut widest, mut current) = (0.0f32, 0.0f32);
        for run in cell {
            for (i, piece) in run.text.split([' ', '\n']).enumerate() {
                if i > 0 {
                    widest = widest.max(current);
                    current = 0.0;
                }
                current += self.fonts.width(piece, Style::from(run.style), SMALL);
            }
        }
        widest.max(current)
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

/// Column widths filling `width`: in proportion to their natural widths when
/// all fit on one line; otherwise each keeps its minimum (a date is never cut
/// inside « 2028 ») and the space left is shared in proportion to what each
/// column lacks of its natural width; below the sum of minimums, minimums
/// shrink in proportion (a break inside a word is then unavoidable).
fn column_widths(natural: &[f32], minimum: &[f32], width: f32) -> Vec<f32> {
    let total: f32 = natural.iter().sum();
    let floor: f32 = minimum.iter().sum();
    if total <= width || total <= floor {
        return natural.iter().map(|n| n * width / total).collect();
    }
    if floor >= width {
        return minimum.iter().map(|m| m * width / floor).collect();
    }
    let spare = width - floor;
    natural
        .iter()
        .zip(minimum)
        .map(|(n, m)| m + (n - m).max(0.0) * spare / (total - floor))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::column_widths;

    #[test]
    fn a_narrow_column_keeps_its_minimum_when_text_must_wrap() {
        // A date column (natural 60, unbreakable) beside a long text column.
        let w = column_widths(&[60.0, 900.0, 80.0], &[60.0, 70.0, 65.0], 400.0);
        assert!((w.iter().sum::<f32>() - 400.0).abs() < 0.01);
        assert!(w[0] >= 60.0, "the date column shrank below its date: {w:?}");
        assert!(w[2] >= 65.0, "{w:?}");
        assert!(w[1] > w[0] && w[1] > w[2], "{w:?}");
    }

    #[test]
    fn columns_that_fit_grow_in_proportion() {
        let w = column_widths(&[50.0, 150.0], &[40.0, 60.0], 400.0);
        assert!(
            (w[0] - 100.0).abs() < 0.01 && (w[1] - 300.0).abs() < 0.01,
            "{w:?}"
        );
    }

    #[test]
    fn minimums_that_cannot_fit_shrink_together() {
        let w = column_widths(&[300.0, 300.0], &[250.0, 250.0], 400.0);
        assert!((w[0] - 200.0).abs() < 0.01, "{w:?}");
    }
}
