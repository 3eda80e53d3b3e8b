//! The HTML edition: the printed document as one self-contained page — its
//! styles inside, no script, nothing fetched — for a browser, an intranet,
//! an email and a screen reader.
//!
//! Semantic throughout: the title an `h1`, each part a `section` named by
//! its `h2` with a stable anchor (`#article-3`), linked from the contents;
//! lists, tables with header cells, a review note (`--annotate`) an
//! `aside`; `lang` on the page and on every passage in another language,
//! `dir` on right-to-left text. A bilingual edition sets its two languages
//! side by side, each paragraph level with its translation, stacked on a
//! narrow screen; in the page's order, all of one language comes before the
//! other, as a screen reader should read them. A print stylesheet gives the
//! paper, page breaks and groups kept whole.
//!
//! Every character of a value is text here: `<`, `&` and quotes are
//! escaped, so nothing a convention says is read as markup.

mod style;

use crate::lang::Lang;
use crate::render::print::markup::escape;
use crate::render::print::page::{furniture, in_both, locale};
use crate::render::print::script::{directions, is_arabic};
use crate::render::print::text::{cell_align, ordinal_pieces};
use crate::render::print::tree::{
    Align, Block, Cell, Mark, Numbering, Printed, Run, contents, heading_ids, item_labels,
};
use crate::render::print::{Paper, PrintInfo};
use std::fmt::Write as _;

/// Writes a printed document as an HTML page.
pub fn write(printed: &Printed, info: &PrintInfo) -> String {
    let mut page = Page {
        out: String::with_capacity(64 * 1024 + printed.text_len() + printed.text_len() / 4),
        ids: heading_ids(&printed.blocks),
        next_heading: 0,
        document_lang: info.lang,
        lang: info.lang,
        paper: info.paper,
        toc_title: in_both(info, "Table des matières", "Contents"),
        contents: contents(&printed.blocks),
        section_open: false,
        heading: String::new(),
        in_note: false,
        tables: 0,
        contents_written: 0,
    };
    let furniture = furniture(info);
    let html_lang = locale(info.lang, info.paper);
    let out = &mut page.out;
    out.push_str(crate::output::HTML_DOCTYPE);
    out.push_str(crate::output::generated_marker(info.lang));
    let _ = write!(
        out,
        "\n<html lang=\"{html_lang}\" dir=\"ltr\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"pacte {}\">\n\
         <meta name=\"pacte-fingerprint\" content=\"{}\">\n<title>{}</title>\n<style>\n{}</style>\n</head>\n<body>\n",
        env!("CARGO_PKG_VERSION"),
        escape(&info.fingerprint),
        escape(&info.title),
        style::css(info.paper)
    );
    if let Some(mark) = &furniture.watermark {
        let _ = writeln!(
            out,
            "<header class=\"draft-mark\"><p>{}</p></header>",
            escape(mark)
        );
    }
    page.out.push_str("<main>\n");
    page.blocks(&printed.blocks, true);
    page.close_section();
    page.out.push_str("</main>\n<footer>\n");
    let mut foot = Vec::new();
    if !furniture.reference.is_empty() {
        foot.push(escape(&furniture.reference).into_owned());
    }
    foot.push(format!(
        "pacte · <span class=\"fingerprint\">{}</span>",
        escape(&furniture.fingerprint)
    ));
    let _ = writeln!(page.out, "<p>{}</p>\n</footer>", foot.join(" · "));
    page.out.push_str("</body>\n</html>\n");
    page.out
}

struct Page {
    out: String,
    /// Every heading's identifier, in reading order, and the next one's rank.
    ids: Vec<String>,
    next_heading: usize,
    document_lang: Lang,
    /// The language of the text being written.
    lang: Lang,
    paper: Paper,
    toc_title: String,
    contents: Vec<crate::render::print::Entry>,
    /// A part's `section` is open at the page's top level.
    section_open: bool,
    /// The last heading's text: a review note is named after its article.
    heading: String,
    /// Inside a review note, whose `aside` already sets quotations apart.
    in_note: bool,
    /// The tables since the last heading: each table's region has a name
    /// of its own.
    tables: usize,
    /// How many tables of contents are written.
    contents_written: usize,
}

impl Page {
    /// `lang` when the text being written is not in the page's language.
    fn lang_attribute(&self) -> String {
        if self.lang == self.document_lang {
            String::new()
        } else {
            format!(" lang=\"{}\"", locale(self.lang, self.paper))
        }
    }

    fn close_section(&mut self) {
        if std::mem::take(&mut self.section_open) {
            self.out.push_str("</section>\n");
        }
    }

    /// Opens the part a heading starts (at the page's top level only: a
    /// pair of columns is one part).
    fn open_section(&mut self, labelled_by: &str) {
        self.close_section();
        let _ = writeln!(self.out, "<section aria-labelledby=\"{labelled_by}\">");
        self.section_open = true;
    }

    fn blocks(&mut self, blocks: &[Block], top: bool) {
        // Consecutive quotations (a draft's banners) make one `blockquote`.
        let quotation = |b: Option<&Block>| matches!(b, Some(Block::Paragraph { quote: true, .. }));
        let mut quoting = false;
        for (i, block) in blocks.iter().enumerate() {
            if quotation(Some(block)) && !self.in_note {
                if !quoting {
                    let lang = self.lang_attribute();
                    let _ = writeln!(self.out, "<blockquote{lang}>");
                    quoting = true;
                }
                if let Block::Paragraph { runs, .. } = block {
                    self.out.push_str("<p>");
                    self.runs(runs);
                    self.out.push_str("</p>\n");
                }
                if !quotation(blocks.get(i + 1)) {
                    self.out.push_str("</blockquote>\n");
                    quoting = false;
                }
                continue;
            }
            if top {
                match block {
                    Block::Heading { .. } => {
                        let id = self.ids.get(self.next_heading).cloned().unwrap_or_default();
                        self.open_section(&id);
                    }
                    Block::Columns { left, .. } if starts_with_heading(left) => {
                        let id = self.ids.get(self.next_heading).cloned().unwrap_or_default();
                        self.open_section(&id);
                    }
                    // The rule before the closing formula ends the last
                    // article: the formula and the signatures are no part of it.
                    Block::TitlePage(_) | Block::Contents | Block::Rule => self.close_section(),
                    _ => {}
                }
            }
            self.block(block, "");
        }
    }

    /// One block; `attributes` go into its first element (a bilingual
    /// pair's row and column).
    fn block(&mut self, block: &Block, attributes: &str) {
        let lang = self.lang_attribute();
        match block {
            Block::TitlePage(inner) => {
                let _ = writeln!(self.out, "<div class=\"title-page\"{lang}{attributes}>");
                self.blocks(inner, false);
                self.out.push_str("</div>\n");
            }
            Block::Title(runs) => {
                let _ = write!(self.out, "<h1{lang}{attributes}>");
                self.runs(runs);
                self.out.push_str("</h1>\n");
            }
            Block::Heading { runs, .. } => {
                let id = self.ids.get(self.next_heading).cloned().unwrap_or_default();
                self.next_heading += 1;
                self.heading = crate::render::print::tree::current(runs);
                self.tables = 0;
                let _ = write!(self.out, "<h2 id=\"{id}\"{lang}{attributes}>");
                self.runs(runs);
                self.out.push_str("</h2>\n");
            }
            // A quotation in a review note is the note's own text; one in
            // a column is a `blockquote` of its own.
            Block::Paragraph { runs, quote } => {
                let quoted = *quote && !self.in_note;
                if quoted {
                    let _ = write!(self.out, "<blockquote{lang}{attributes}><p>");
                } else {
                    let _ = write!(self.out, "<p{lang}{attributes}>");
                }
                self.runs(runs);
                self.out.push_str(if quoted {
                    "</p></blockquote>\n"
                } else {
                    "</p>\n"
                });
            }
            Block::List { numbering, items } => {
                // Letters are the text's own (« a) », "(a)"), as the
                // paragraph citing them writes them: a list of labels.
                let tag = match numbering {
                    Numbering::From(1) => "ol".to_string(),
                    Numbering::From(n) => format!("ol start=\"{n}\""),
                    Numbering::Letters => "ol class=\"lettered\"".to_string(),
                    Numbering::Bullets => "ul".to_string(),
                };
                let _ = writeln!(self.out, "<{tag}{lang}{attributes}>");
                let labels = item_labels(*numbering, items, self.lang);
                for (label, item) in labels.iter().zip(items) {
                    self.out.push_str("<li>");
                    if *numbering == Numbering::Letters {
                        self.out.push_str("<span class=\"label\">");
                        self.runs(label);
                        self.out.push_str("</span>");
                    }
                    self.runs(item);
                    self.out.push_str("</li>\n");
                }
                let close = if *numbering == Numbering::Bullets {
                    "ul"
                } else {
                    "ol"
                };
                let _ = writeln!(self.out, "</{close}>");
            }
            Block::Table {
                align,
                header,
                rows,
            } => self.table(align, header, rows, &format!("{lang}{attributes}")),
            Block::Rule => {
                let _ = writeln!(self.out, "<hr{attributes}>");
            }
            Block::Space(points) => {
                let _ = writeln!(
                    self.out,
                    "<div class=\"space\" style=\"height:{points}pt\" aria-hidden=\"true\"{attributes}></div>"
                );
            }
            Block::Contents => self.contents(attributes),
            Block::PageBreak => {
                let _ = writeln!(
                    self.out,
                    "<div class=\"page-break\" aria-hidden=\"true\"{attributes}></div>"
                );
            }
            // Print keeps what follows with the closing formula: no element.
            Block::KeepWithNext => {}
            Block::Lang(l) => self.lang = *l,
            Block::Keep(inner) => {
                let _ = writeln!(self.out, "<div class=\"keep\"{lang}{attributes}>");
                self.blocks(inner, false);
                self.out.push_str("</div>\n");
            }
            Block::Note(inner) => {
                // Named after its article: each note a landmark of its own.
                // In the note's own language: in a bilingual edition the
                // two columns' notes are told apart even under one title.
                let word = crate::tr!(self.lang, "Note de révision", "Review note");
                let label = if self.heading.is_empty() {
                    word
                } else {
                    format!("{word} — {}", self.heading)
                };
                let _ = writeln!(
                    self.out,
                    "<aside class=\"review\" aria-label=\"{}\"{lang}{attributes}>",
                    escape(&label)
                );
                let outer = std::mem::replace(&mut self.in_note, true);
                self.blocks(inner, false);
                self.in_note = outer;
                self.out.push_str("</aside>\n");
            }
            Block::Columns { rule, left, right } => self.columns(*rule, left, right, attributes),
        }
    }

    /// Two columns. Two languages (`rule`): one grid whose rows pair each
    /// block with its translation, the left column's blocks first in the
    /// page's order. Signature blocks (no rule): two columns side by side.
    fn columns(&mut self, rule: bool, left: &[Block], right: &[Block], attributes: &str) {
        let outer = self.lang;
        if !rule {
            let _ = writeln!(self.out, "<div class=\"grid\"{attributes}>");
            for column in [left, right] {
                self.out.push_str("<div class=\"column\">\n");
                self.blocks(column, false);
                self.out.push_str("</div>\n");
                self.lang = outer;
            }
            self.out.push_str("</div>\n");
            return;
        }
        let _ = writeln!(self.out, "<div class=\"pair\"{attributes}>");
        for (side, column) in [("l", left), ("r", right)] {
            let mut row = 0;
            for block in column {
                if matches!(block, Block::Lang(_) | Block::KeepWithNext) {
                    self.block(block, "");
                    continue;
                }
                row += 1;
                let place = format!(" class=\"{side}\" style=\"grid-row:{row}\"");
                self.block(block, &place);
            }
            self.lang = outer;
        }
        self.out.push_str("</div>\n");
    }

    fn contents(&mut self, attributes: &str) {
        // `contents`, then `contents-2` should a template ask twice (an
        // anchor never starts with `contents`).
        self.contents_written += 1;
        let id = match self.contents_written {
            1 => "contents".to_string(),
            n => format!("contents-{n}"),
        };
        let _ = writeln!(
            self.out,
            "<nav class=\"contents\" aria-labelledby=\"{id}\"{attributes}>\n<h2 id=\"{id}\">{}</h2>\n<ol>",
            escape(&self.toc_title)
        );
        let entries = std::mem::take(&mut self.contents);
        for entry in &entries {
            let id = self.ids.get(entry.heading).map_or("", String::as_str);
            let _ = write!(self.out, "<li><a href=\"#{id}\">");
            self.text(&entry.text);
            self.out.push_str("</a></li>\n");
        }
        self.contents = entries;
        self.out.push_str("</ol>\n</nav>\n");
    }

    fn table(&mut self, align: &[Align], header: &[Cell], rows: &[Vec<Cell>], attributes: &str) {
        // A wide table scrolls on a narrow screen: its region is reachable
        // from the keyboard and named after the annex it is in.
        self.tables += 1;
        // Not the part's own name, which its section already bears.
        let word = crate::tr!(self.lang, "Tableau", "Table");
        let name = match self.tables {
            1 => format!("{word} — {}", self.heading),
            n => format!("{word} {n} — {}", self.heading),
        };
        // The wrapper is what a bilingual pair places in its grid.
        let place = if attributes.contains("class=\"") {
            attributes.replacen("class=\"", "class=\"table ", 1)
        } else {
            format!(" class=\"table\"{attributes}")
        };
        let _ = writeln!(
            self.out,
            "<div role=\"region\" tabindex=\"0\" aria-label=\"{}\"{place}><table>",
            escape(&name)
        );
        let class = |c: usize, cell: &Cell, body: bool| match cell_align(
            align.get(c).copied().unwrap_or_default(),
            cell,
            body,
        ) {
            Align::Right => " class=\"right\"",
            Align::Center => " class=\"center\"",
            Align::Left | Align::Auto => "",
        };
        if !header.is_empty() {
            self.out.push_str("<thead><tr>");
            for (c, cell) in header.iter().enumerate() {
                let _ = write!(self.out, "<th scope=\"col\"{}>", class(c, cell, false));
                self.runs(cell);
                self.out.push_str("</th>");
            }
            self.out.push_str("</tr></thead>\n");
        }
        self.out.push_str("<tbody>\n");
        for row in rows {
            self.out.push_str("<tr>");
            for (c, cell) in row.iter().enumerate() {
                let _ = write!(self.out, "<td{}>", class(c, cell, true));
                self.runs(cell);
                self.out.push_str("</td>");
            }
            self.out.push_str("</tr>\n");
        }
        self.out.push_str("</tbody>\n</table></div>\n");
    }

    /// Runs of text: weight and slant, revision marks, raised ordinals in
    /// French (« 1er »), right-to-left passages marked.
    fn runs(&mut self, runs: &[Run]) {
        for run in runs {
            let (open, close) = match run.mark {
                Mark::None => ("", ""),
                Mark::Inserted => ("<ins>", "</ins>"),
                Mark::Deleted => ("<del>", "</del>"),
            };
            let (bold, italic) = (run.style.is_bold(), run.style.is_italic());
            self.out.push_str(open);
            if bold {
                self.out.push_str("<strong>");
            }
            if italic {
                self.out.push_str("<em>");
            }
            self.text(&run.text);
            if italic {
                self.out.push_str("</em>");
            }
            if bold {
                self.out.push_str("</strong>");
            }
            self.out.push_str(close);
        }
    }

    fn text(&mut self, text: &str) {
        for (segment, rtl) in directions(text) {
            if rtl {
                // Arabic is named, for a screen reader's voice; Hebrew and
                // the rest only turn.
                let lang = if segment.chars().any(is_arabic) {
                    " lang=\"ar\""
                } else {
                    ""
                };
                let _ = write!(
                    self.out,
                    "<span dir=\"rtl\"{lang}>{}</span>",
                    escape(segment)
                );
                continue;
            }
            if self.lang != Lang::Fr {
                self.out.push_str(&escape(segment));
                continue;
            }
            for (piece, raised) in ordinal_pieces(segment) {
                if raised {
                    let _ = write!(self.out, "<sup>{}</sup>", escape(piece));
                } else {
                    self.out.push_str(&escape(piece));
                }
            }
        }
    }
}

fn starts_with_heading(blocks: &[Block]) -> bool {
    blocks
        .iter()
        .find(|b| !matches!(b, Block::Lang(_)))
        .is_some_and(|b| matches!(b, Block::Heading { .. }))
}

#[cfg(test)]
mod tests;
