//! The Markdown of a rendered convention turned into typesetting blocks.
//!
//! The PDF is typeset from the same Markdown the templates produce (rendered
//! with `pdf = true`, which swaps the Markdown table of contents and anchors
//! for markers), so the two outputs can never disagree on wording. Markers are
//! HTML comments: `<!-- titlepage -->`, `<!-- /titlepage -->`, `<!-- toc -->`,
//! `<!-- pagebreak -->`, `<!-- keep -->`, `<!-- /keep -->`,
//! `<!-- keep-with-next -->`, `<!-- space -->`, `<!-- box -->`,
//! `<!-- /box -->`, `<!-- lang xx -->`, and for two columns
//! `<!-- columns -->` (or `<!-- columns grid -->`, without the rule),
//! `<!-- column -->`, `<!-- /columns -->`.

use super::fonts::Style;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// A piece of text in one style.
#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    pub text: String,
    pub style: Style,
    pub mark: Mark,
}

/// A revision mark from a comparison (`<ins>`, `<del>`): drawn underlined or
/// struck through.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mark {
    #[default]
    None,
    Inserted,
    Deleted,
}

/// A unit of typesetting.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// The document title (`#`).
    Title(Vec<Run>),
    /// A section or article heading (`##`): a table-of-contents entry.
    Heading(Vec<Run>),
    Paragraph {
        runs: Vec<Run>,
        quote: bool,
    },
    /// A list item, with its bullet.
    Item(Vec<Run>),
    Table {
        header: Vec<Vec<Run>>,
        rows: Vec<Vec<Vec<Run>>>,
    },
    Rule,
    /// Vertical space, in points (`<!-- space -->`: room to sign).
    Space(f32),
    Toc,
    PageBreak,
    KeepStart,
    KeepEnd,
    TitlePageStart,
    TitlePageEnd,
    /// Two columns side by side (a bilingual edition): the blocks up to
    /// [`Block::ColumnBreak`] go left, the rest up to [`Block::ColumnsEnd`]
    /// right, both starting level.
    ColumnsStart {
        /// A thin rule between the columns (two languages); none between
        /// signature blocks set two by two (`<!-- columns grid -->`).
        rule: bool,
    },
    ColumnBreak,
    ColumnsEnd,
    /// The language of what follows (`<!-- lang en -->`): its hyphenation.
    Lang(crate::lang::Lang),
    /// The next unit (block, group or pair of columns) and the one after
    /// it stay on one page (`<!-- keep-with-next -->`).
    KeepWithNext,
    /// A shaded box around what follows, up to [`Block::BoxEnd`] (a
    /// lawyer's review note, `<!-- box -->`).
    BoxStart,
    BoxEnd,
}

/// A table being read: its header, its finished rows, the row in progress.
type Cells = Vec<Vec<Run>>;
type TableBuilder = (Cells, Vec<Cells>, Cells);

/// The end of a run of blocks: `[start, end)` of `blocks[from..]`, ended by
/// `stop` (or the end).
pub fn until(blocks: &[Block], from: usize, stop: &Block) -> usize {
    blocks[from..]
        .iter()
        .position(|b| b == stop)
        .map_or(blocks.len(), |p| from + p)
}

/// Parses rendered Markdown into blocks.
pub fn parse(markdown: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let (mut bold, mut italic, mut quote) = (0u32, 0u32, 0u32);
    let mut mark = Mark::None;
    let mut runs: Vec<Run> = Vec::new();
    let mut table: Option<TableBuilder> = None;
    let mut in_head = false;

    let push_text = |runs: &mut Vec<Run>, text: &str, bold: u32, italic: u32, mark: Mark| {
        let style = Style::Regular.with(bold > 0, italic > 0);
        match runs.last_mut() {
            Some(last) if last.style == style && last.mark == mark => last.text.push_str(text),
            _ => runs.push(Run {
                text: text.to_string(),
                style,
                mark,
            }),
        }
    };

    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Strong) => bold += 1,
            Event::End(TagEnd::Strong) => bold = bold.saturating_sub(1),
            Event::Start(Tag::Emphasis) => italic += 1,
            Event::End(TagEnd::Emphasis) => italic = italic.saturating_sub(1),
            Event::Start(Tag::BlockQuote(_)) => quote += 1,
            Event::End(TagEnd::BlockQuote(_)) => quote = quote.saturating_sub(1),
            Event::Text(t) | Event::Code(t) => push_text(&mut runs, &t, bold, italic, mark),
            Event::SoftBreak | Event::HardBreak => push_text(&mut runs, " ", bold, italic, mark),
            Event::End(TagEnd::Heading(level)) => {
                let taken = std::mem::take(&mut runs);
                out.push(if level == pulldown_cmark::HeadingLevel::H1 {
                    Block::Title(taken)
                } else {
                    Block::Heading(taken)
                });
            }
            Event::End(TagEnd::Paragraph) => {
                let taken = std::mem::take(&mut runs);
                if !taken.is_empty() {
                    out.push(Block::Paragraph {
                        runs: taken,
                        quote: quote > 0,
                    });
                }
            }
            // A tight list item has no paragraph of its own.
            Event::End(TagEnd::Item) => {
                let taken = std::mem::take(&mut runs);
                if !taken.is_empty() {
                    out.push(Block::Item(taken));
                } else if let Some(Block::Paragraph { runs, .. }) = out.last().cloned() {
                    out.pop();
                    out.push(Block::Item(runs));
                }
            }
            Event::Start(Tag::Table(_)) => table = Some((Vec::new(), Vec::new(), Vec::new())),
            Event::Start(Tag::TableHead) => in_head = true,
            Event::End(TagEnd::TableHead) => {
                in_head = false;
                if let Some((header, _, row)) = table.as_mut() {
                    *header = std::mem::take(row);
                }
            }
            Event::End(TagEnd::TableCell) => {
                if let Some((_, _, row)) = table.as_mut() {
                    row.push(std::mem::take(&mut runs));
                }
            }
            Event::End(TagEnd::TableRow) => {
                if let Some((_, rows, row)) = table.as_mut()
                    && !in_head
                {
                    rows.push(std::mem::take(row));
                }
            }
            Event::End(TagEnd::Table) => {
                if let Some((header, rows, _)) = table.take() {
                    out.push(Block::Table { header, rows });
                }
            }
            Event::Rule => out.push(Block::Rule),
            Event::InlineHtml(html)
                if matches!(html.trim(), "<ins>" | "<del>" | "</ins>" | "</del>") =>
            {
                mark = match html.trim() {
                    "<ins>" => Mark::Inserted,
                    "<del>" => Mark::Deleted,
                    _ => Mark::None,
                };
            }
            Event::Html(html) | Event::InlineHtml(html) => match html.trim() {
                "<!-- toc -->" => out.push(Block::Toc),
                "<!-- pagebreak -->" => out.push(Block::PageBreak),
                "<!-- space -->" => out.push(Block::Space(28.0)),
                "<!-- keep -->" => out.push(Block::KeepStart),
                "<!-- /keep -->" => out.push(Block::KeepEnd),
                "<!-- titlepage -->" => out.push(Block::TitlePageStart),
                "<!-- /titlepage -->" => out.push(Block::TitlePageEnd),
                "<!-- columns -->" => out.push(Block::ColumnsStart { rule: true }),
                "<!-- columns grid -->" => out.push(Block::ColumnsStart { rule: false }),
                "<!-- column -->" => out.push(Block::ColumnBreak),
                "<!-- /columns -->" => out.push(Block::ColumnsEnd),
                "<!-- keep-with-next -->" => out.push(Block::KeepWithNext),
                "<!-- box -->" => out.push(Block::BoxStart),
                "<!-- /box -->" => out.push(Block::BoxEnd),
                other => {
                    if let Some(lang) = other
                        .strip_prefix("<!-- lang ")
                        .and_then(|l| l.strip_suffix(" -->"))
                        .and_then(crate::lang::Lang::parse)
                    {
                        out.push(Block::Lang(lang));
                    }
                }
            },
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(runs: &[Run]) -> String {
        runs.iter().map(|r| r.text.as_str()).collect()
    }

    #[test]
    fn parses_headings_paragraphs_lists_tables_and_markers() {
        let md = "<!-- toc -->\n\n## Article 1er — Objet\n\n**1.1** Texte *souligné*.\n\n- **La Ville** : fait.\n- autre\n\n| A | B |\n|---|---|\n| x | **y** |\n\n<!-- keep -->\n\nSignature\n\n<!-- /keep -->\n";
        let blocks = parse(md);
        assert_eq!(blocks[0], Block::Toc);
        assert!(matches!(&blocks[1], Block::Heading(r) if text(r) == "Article 1er — Objet"));
        let Block::Paragraph { runs, .. } = &blocks[2] else {
            panic!("{blocks:?}")
        };
        assert_eq!(
            runs[0],
            Run {
                text: "1.1".into(),
                style: Style::Bold,
                mark: Mark::None,
            }
        );
        assert_eq!(
            runs[2],
            Run {
                text: "souligné".into(),
                style: Style::Italic,
                mark: Mark::None,
            }
        );
        assert!(matches!(&blocks[3], Block::Item(r) if text(r) == "La Ville : fait."));
        assert!(matches!(&blocks[4], Block::Item(r) if text(r) == "autre"));
        let Block::Table { header, rows } = &blocks[5] else {
            panic!("{blocks:?}")
        };
        assert_eq!(header.len(), 2);
        assert_eq!(rows[0][1][0].style, Style::Bold);
        assert_eq!(blocks[6], Block::KeepStart);
        assert_eq!(blocks[8], Block::KeepEnd);
    }

    #[test]
    fn revision_marks_become_run_marks() {
        let blocks = parse("Le quorum est de <del>5</del><ins>6</ins> membres.\n");
        let Block::Paragraph { runs, .. } = &blocks[0] else {
            panic!("{blocks:?}")
        };
        let marks: Vec<(&str, Mark)> = runs.iter().map(|r| (r.text.as_str(), r.mark)).collect();
        assert_eq!(
            marks,
            [
                ("Le quorum est de ", Mark::None),
                ("5", Mark::Deleted),
                ("6", Mark::Inserted),
                (" membres.", Mark::None)
            ]
        );
    }

    #[test]
    fn escapes_come_out_literal() {
        let blocks = parse("\\# \\| \\* \\{\\{ 7\\*7 \\}\\}\n");
        assert!(
            matches!(&blocks[0], Block::Paragraph { runs, .. } if text(runs) == "# | * {{ 7*7 }}")
        );
    }
}
