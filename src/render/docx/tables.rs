//! Tables in a Word document: an annex's (its header row repeated on every
//! page, rows never split, amounts flush right) and the two-column tables
//! that set signature blocks two by two and a bilingual edition's languages
//! side by side.

use super::{Body, Para, whole_change};
use crate::render::print::text::{cell_align, unbreakable};
use crate::render::print::tree::{Align, Block, Entry, Mark, Run};

impl Body {
    /// A table: the header row repeated on every page, rows never split,
    /// each column aligned as its template says (amounts flush right when
    /// it says nothing), dates unbroken.
    pub(super) fn table(&mut self, align: &[Align], header: &[Vec<Run>], rows: &[Vec<Vec<Run>>]) {
        let columns = header
            .len()
            .max(rows.iter().map(Vec::len).max().unwrap_or(0));
        if columns == 0 {
            return;
        }
        let widths = column_widths(header, rows, columns, self.cell_width);
        self.out.push_str(&format!(
            r#"<w:tbl><w:tblPr><w:tblStyle w:val="PacteTable"/><w:tblW w:w="{}" w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblLook w:val="0020" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>"#,
            self.cell_width
        ));
        for width in &widths {
            self.out.push_str(&format!(r#"<w:gridCol w:w="{width}"/>"#));
        }
        self.out.push_str("</w:tblGrid>");
        let empty = Vec::new();
        for (n, row) in std::iter::once(header)
            .chain(rows.iter().map(Vec::as_slice))
            .enumerate()
        {
            if n == 0 && header.is_empty() {
                continue;
            }
            self.out.push_str("<w:tr><w:trPr><w:cantSplit/>");
            if n == 0 {
                self.out.push_str("<w:tblHeader/>");
            }
            // A row added or removed whole is one tracked change.
            let marks: Vec<Run> = row.iter().flatten().cloned().collect();
            if let Some(tag) = whole_change(&marks) {
                let attributes = self.revision_attributes();
                self.out.push_str(&format!("<{tag} {attributes}/>"));
            }
            self.out.push_str("</w:trPr>");
            self.in_cell = true;
            for (c, width) in widths.iter().enumerate() {
                let cell = unbreakable(row.get(c).unwrap_or(&empty));
                let column = align.get(c).copied().unwrap_or_default();
                let align = match cell_align(column, &cell, n > 0) {
                    Align::Right => Some("right"),
                    Align::Center => Some("center"),
                    Align::Left | Align::Auto => None,
                };
                self.out.push_str(&format!(
                    r#"<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>"#
                ));
                self.paragraph(
                    &cell,
                    Para {
                        style: if n == 0 { "TableHeading" } else { "TableText" },
                        align,
                        ..Para::default()
                    },
                );
                self.out.push_str("</w:tc>");
            }
            self.in_cell = false;
            self.out.push_str("</w:tr>");
        }
        self.out.push_str("</w:tbl>");
    }

    /// Two columns side by side, as one table row: the two languages of a
    /// bilingual edition (with a rule between them, the row free to run
    /// over pages), or two signature blocks (no lines, never split).
    pub(super) fn columns(
        &mut self,
        left: &[Block],
        right: &[Block],
        rule: bool,
        headings: &[Entry],
        toc_title: &str,
    ) {
        let outer = self.cell_width;
        let width = outer / 2;
        let (borders, split) = if rule {
            (
                r#"<w:tblBorders><w:insideV w:val="single" w:sz="4" w:space="0" w:color="808080"/></w:tblBorders>"#,
                "",
            )
        } else {
            ("", "<w:cantSplit/>")
        };
        self.out.push_str(&format!(
            r#"<w:tbl><w:tblPr><w:tblStyle w:val="{}"/><w:tblW w:w="5000" w:type="pct"/>{borders}<w:tblLayout w:type="fixed"/><w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid><w:gridCol w:w="{width}"/><w:gridCol w:w="{width}"/></w:tblGrid><w:tr><w:trPr>{split}</w:trPr>"#,
            if rule { "Columns" } else { "SignatureGrid" }
        ));
        self.cell_width = width;
        let lang = self.lang;
        // Each column's text keeps its distance from the rule between them.
        for (column, margins) in [(left, (0, 200)), (right, (200, 0))] {
            self.out.push_str(&format!(
                r#"<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/><w:tcMar><w:left w:w="{}" w:type="dxa"/><w:right w:w="{}" w:type="dxa"/></w:tcMar></w:tcPr>"#,
                margins.0, margins.1
            ));
            let before = self.out.len();
            self.blocks(column, headings, toc_title);
            // A cell holds at least one paragraph.
            if !self.out[before..].contains("<w:p>") {
                self.out.push_str("<w:p/>");
            }
            self.out.push_str("</w:tc>");
            self.keep = false;
        }
        self.lang = lang;
        self.cell_width = outer;
        self.out.push_str("</w:tr></w:tbl>");
    }
}

/// Column widths in twips, in proportion to each column's longest cell (as
/// the PDF's, counted in characters), none below half an equal share.
fn column_widths(
    header: &[Vec<Run>],
    rows: &[Vec<Vec<Run>>],
    columns: usize,
    total: u32,
) -> Vec<u32> {
    let natural: Vec<f64> = (0..columns)
        .map(|c| {
            std::iter::once(header)
                .chain(rows.iter().map(Vec::as_slice))
                .filter_map(|row| row.get(c))
                // What a comparison deletes takes no room of its own.
                .map(|cell| {
                    cell.iter()
                        .filter(|r| r.mark != Mark::Deleted)
                        .map(|r| r.text.chars().count())
                        .sum::<usize>()
                })
                .max()
                .unwrap_or(0) as f64
                + 2.0
        })
        .collect();
    let sum: f64 = natural.iter().sum();
    let floor = 0.5 / columns as f64;
    let shares: Vec<f64> = natural.iter().map(|n| (n / sum).max(floor)).collect();
    let scale: f64 = shares.iter().sum();
    shares
        .iter()
        .map(|share| (share / scale * f64::from(total)) as u32)
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::lang::Lang;
    use crate::render::docx::{Revisions, write};
    use crate::render::print::tree::{Align, Block, Printed, Run, Style};
    use crate::render::print::{Paper, PrintInfo};
    use std::io::Read;

    /// A column aligned by its template is set so, an amount included; a
    /// column that says nothing sets its amounts flush right.
    #[test]
    fn table_columns_keep_their_template_alignment() {
        let cell = |s: &str| vec![Run::new(s, Style::Regular)];
        let printed = Printed {
            lang: Lang::Fr,
            blocks: vec![Block::Table {
                align: vec![Align::Center, Align::Left, Align::Auto],
                header: vec![cell("Statut"), cell("Montant"), cell("Total")],
                rows: vec![vec![cell("Oui"), cell("1 000,00 $"), cell("2 000,00 $")]],
            }],
        };
        let info = PrintInfo::bare(Lang::Fr, Paper::Letter);
        let revisions = Revisions {
            author: "pacte".into(),
            track: false,
        };
        let bytes = write(&printed, &info, &revisions).unwrap();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut xml = String::new();
        zip.by_name("word/document.xml")
            .unwrap()
            .read_to_string(&mut xml)
            .unwrap();
        // The cells in order: each one's alignment, if any.
        let cells: Vec<Option<&str>> = xml
            .split("<w:tc>")
            .skip(1)
            .map(|c| {
                c.split("<w:jc w:val=\"")
                    .nth(1)
                    .and_then(|rest| rest.split('"').next())
                    .filter(|_| {
                        c.find("<w:jc")
                            .is_some_and(|at| at < c.find("</w:tc>").unwrap_or(0))
                    })
            })
            .collect();
        assert_eq!(
            cells,
            [
                Some("center"),
                None,
                None,
                Some("center"),
                None,
                Some("right")
            ],
            "{xml}"
        );
    }
}
