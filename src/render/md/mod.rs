//! The Markdown edition: the printed document as Markdown text, for a
//! repository, a wiki, an email or a pull request's review. The same
//! blocks as the PDF, in the same order: the title page's text, the linked
//! contents, each part under its `##` heading (with a stable anchor,
//! `<a id="article-3"></a>`), lists, tables, review notes as quotations, a
//! bilingual edition's languages one after the other, a comparison's marks
//! as `<del>` and `<ins>`. What only paper has (page breaks, room to sign,
//! columns) leaves no trace.
//!
//! Every character of the printed text is text here: what Markdown would
//! read as markup (`*`, `[`, `<`, `&amp;`, a leading `#` or `1.`) is
//! escaped, so a viewer shows the characters a value holds, and reading the
//! Markdown back gives the same runs (tested). Emphasis that Markdown
//! cannot say around a given character keeps its text and loses its style,
//! never the other way round.

use crate::lang::Lang;
use crate::render::print::PrintInfo;
use crate::render::print::markup::escape;
use crate::render::print::page::in_both;
use crate::render::print::tree::{
    Align, Block, Cell, Entry, Numbering, Printed, Run, Style, contents, heading_ids, item_labels,
};
use inline::inline;
use std::collections::HashSet;

mod inline;
#[cfg(test)]
mod tests;

/// Writes a printed document as Markdown.
pub fn write(printed: &Printed, info: &PrintInfo) -> String {
    // The headings are linked only from a table of contents.
    let contents = match has_contents(&printed.blocks) {
        true => contents(&printed.blocks),
        false => Vec::new(),
    };
    let mut writer = Writer {
        out: String::with_capacity(4 * 1024 + printed.text_len() + printed.text_len() / 8),
        ids: heading_ids(&printed.blocks),
        targets: contents.iter().map(|e| e.heading).collect(),
        next_heading: 0,
        toc_title: in_both(info, "Table des matières", "Contents"),
        contents,
        last_list: None,
        lang: info.lang,
    };
    writer.blocks(&printed.blocks, "");
    writer.out
}

fn has_contents(blocks: &[Block]) -> bool {
    blocks.iter().any(|b| match b {
        Block::Contents => true,
        Block::TitlePage(inner) | Block::Keep(inner) | Block::Note(inner) => has_contents(inner),
        Block::Columns { left, right, .. } => has_contents(left) || has_contents(right),
        _ => false,
    })
}

/// How a list's items are marked: two lists in a row are two lists only if
/// their markers differ (`-` then `*`, `1.` then `1)`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum ListMarker {
    Dash,
    Star,
    Dot,
    Paren,
}

struct Writer {
    out: String,
    /// Every heading's identifier, in reading order, and the next one's rank.
    ids: Vec<String>,
    /// The headings the contents link to: each gets its anchor.
    targets: HashSet<usize>,
    next_heading: usize,
    toc_title: String,
    contents: Vec<Entry>,
    /// The last block written, when it was a list: the next list's marker
    /// must differ.
    last_list: Option<ListMarker>,
    /// The language of the text being written: a lettered list's labels
    /// are « a) » in French, "(a)" in English.
    lang: Lang,
}

/// Where inline text stands: what may be read as markup there.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Context {
    /// At the start of a line of its own (a paragraph, a list item):
    /// `-`, `>`, `#` or `1.` there would open a block.
    Line,
    /// After `## `: a `#` may close the heading.
    Heading,
    /// In a table's cell: `|` ends it.
    Cell,
    /// Inside a link's text, after `[`.
    Link,
}

impl Writer {
    /// Starts a block: a blank line (inside a quotation, `>`) after the
    /// previous one.
    fn start(&mut self, prefix: &str) {
        if !self.out.is_empty() {
            self.out.push_str(prefix.trim_end());
            self.out.push('\n');
        }
    }

    fn line(&mut self, prefix: &str, text: &str) {
        self.out.push_str(prefix);
        self.out.push_str(text);
        self.out.push('\n');
    }

    fn blocks(&mut self, blocks: &[Block], prefix: &str) {
        for block in blocks {
            self.block(block, prefix);
        }
    }

    fn block(&mut self, block: &Block, prefix: &str) {
        let list = self.last_list.take();
        match block {
            Block::Title(runs) => {
                self.start(prefix);
                let text = inline(runs, Context::Heading);
                self.line(prefix, &format!("# {text}"));
            }
            Block::Heading { runs, anchor } => {
                let rank = self.next_heading;
                self.next_heading += 1;
                self.start(prefix);
                if anchor.is_some() || self.targets.contains(&rank) {
                    let id = self.ids.get(rank).map_or("", String::as_str);
                    let anchor = format!("<a id=\"{}\"></a>", escape(id));
                    self.line(prefix, &anchor);
                    self.start(prefix);
                }
                let text = inline(runs, Context::Heading);
                self.line(prefix, &format!("## {text}"));
            }
            Block::Paragraph { runs, quote } => {
                // A quotation in a review note is the note's own text.
                let prefix = if *quote && prefix.is_empty() {
                    "> "
                } else {
                    prefix
                };
                self.start(prefix);
                let text = inline(runs, Context::Line);
                self.line(prefix, &text);
            }
            Block::List { numbering, items } => {
                // A lettered list is a bulleted one whose items begin with
                // their letter, which the reader recognises.
                let start = match numbering {
                    Numbering::From(first) => Some(*first),
                    Numbering::Bullets | Numbering::Letters => None,
                };
                let marker = match (start, list) {
                    (None, Some(ListMarker::Dash)) => ListMarker::Star,
                    (None, _) => ListMarker::Dash,
                    (Some(_), Some(ListMarker::Dot)) => ListMarker::Paren,
                    (Some(_), _) => ListMarker::Dot,
                };
                self.start(prefix);
                let labels = item_labels(*numbering, items, self.lang);
                for (n, (label, item)) in labels.into_iter().zip(items).enumerate() {
                    let bullet = match (marker, start) {
                        (ListMarker::Dash, _) => "-".to_string(),
                        (ListMarker::Star, _) => "*".to_string(),
                        (ListMarker::Dot, Some(s)) => format!("{}.", s.saturating_add(n as u64)),
                        (ListMarker::Paren, Some(s)) => format!("{})", s.saturating_add(n as u64)),
                        (_, None) => "-".to_string(),
                    };
                    let text = match numbering {
                        Numbering::Letters => {
                            let runs: Vec<Run> =
                                label.into_iter().chain(item.iter().cloned()).collect();
                            inline(&runs, Context::Line)
                        }
                        _ => inline(item, Context::Line),
                    };
                    self.line(prefix, format!("{bullet} {text}").trim_end_matches(' '));
                }
                self.last_list = Some(marker);
            }
            Block::Table {
                align,
                header,
                rows,
            } => {
                self.start(prefix);
                self.table(prefix, align, header, rows);
            }
            Block::Rule => {
                self.start(prefix);
                self.line(prefix, "---");
            }
            Block::Contents => self.contents(prefix),
            // Paper only: where a page turns, room to sign, what stays
            // together on a page.
            Block::Space(_) | Block::PageBreak | Block::KeepWithNext => self.last_list = list,
            // The text is already in its language's typography.
            Block::Lang(lang) => {
                self.lang = *lang;
                self.last_list = list;
            }
            Block::TitlePage(inner) | Block::Keep(inner) => self.blocks(inner, prefix),
            Block::Note(inner) => self.blocks(inner, &format!("{prefix}> ")),
            // One language, then the other; signature blocks one by one.
            Block::Columns { left, right, .. } => {
                self.blocks(left, prefix);
                self.blocks(right, prefix);
            }
        }
    }

    fn table(&mut self, prefix: &str, align: &[Align], header: &[Cell], rows: &[Vec<Cell>]) {
        // A row wider than the header would lose its last cells.
        let width = rows
            .iter()
            .map(Vec::len)
            .chain([header.len(), align.len()])
            .max()
            .unwrap_or(0);
        if width == 0 {
            return;
        }
        let row = |cells: &[Cell]| {
            let mut line = String::from("|");
            for k in 0..width {
                let text = cells.get(k).map(|c| inline(c, Context::Cell));
                line.push(' ');
                line.push_str(text.as_deref().unwrap_or(""));
                line.push_str(" |");
            }
            line
        };
        let head = row(header);
        self.line(prefix, &head);
        let mut rule = String::from("|");
        for k in 0..width {
            rule.push_str(match align.get(k).copied().unwrap_or_default() {
                Align::Auto => "---|",
                Align::Left => ":---|",
                Align::Center => ":---:|",
                Align::Right => "---:|",
            });
        }
        self.line(prefix, &rule);
        for cells in rows {
            let line = row(cells);
            self.line(prefix, &line);
        }
    }

    /// The contents: its title, then a link to each heading.
    fn contents(&mut self, prefix: &str) {
        if self.contents.is_empty() {
            return;
        }
        self.start(prefix);
        let title = inline(
            &[Run::new(self.toc_title.clone(), Style::Regular)],
            Context::Heading,
        );
        self.line(prefix, &format!("## {title}"));
        self.start(prefix);
        for entry in std::mem::take(&mut self.contents) {
            let id = self.ids.get(entry.heading).map_or("", String::as_str);
            let text = inline(&[Run::new(entry.text, Style::Regular)], Context::Link);
            let link = format!("- [{text}](#{})", escape(id));
            self.line(prefix, &link);
        }
        self.last_list = Some(ListMarker::Dash);
    }
}
