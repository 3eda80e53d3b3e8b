//! The printed document: what every printer (Markdown, PDF, Word, HTML) and
//! the comparison read. One type per kind of block; a container holds its blocks,
//! so a group, a review note or a pair of columns is closed by construction
//! and every printer's `match` must handle every kind (adding one makes the
//! compiler name each printer that has yet to print it).

use crate::lang::Lang;

/// How a list marks its items.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Numbering {
    /// A dash: a list nobody cites.
    Bullets,
    /// Numbers, from this one.
    From(u64),
    /// Letters — a), b) in French, (a), (b) in English — for an enumeration
    /// inside a paragraph, so it can be cited (« l'alinéa 24.2 b) »). A
    /// template writes them in its text (`- a) …`); the reader recognises
    /// them and keeps the letters, not the text.
    Letters,
}

impl Numbering {
    /// The label of the item at `index` (from 0) in a text of `lang`, or
    /// `None` for a bullet.
    pub fn label(self, index: usize, lang: Lang) -> Option<String> {
        match self {
            Numbering::Bullets => None,
            Numbering::From(first) => Some(format!(
                "{}.",
                first.saturating_add(u64::try_from(index).unwrap_or(u64::MAX))
            )),
            Numbering::Letters => Some(match lang {
                Lang::Fr => format!("{})", letter(index)),
                Lang::En => format!("({})", letter(index)),
            }),
        }
    }
}

/// Each item's label as runs to print before its text: none for bullets.
/// In a comparison an item deleted keeps its old label, marked deleted; one
/// inserted takes its new label, marked inserted; one kept whose label moved
/// shows the old deleted and the new inserted — so accepting every change
/// gives the new version's labels and rejecting them the old one's.
pub fn item_labels(numbering: Numbering, items: &[Vec<Run>], lang: Lang) -> Vec<Vec<Run>> {
    let wholly = |item: &Vec<Run>, mark: Mark| {
        !item.is_empty() && item.iter().all(|r| r.mark == mark || r.text.is_empty())
    };
    let (mut old, mut new) = (0, 0);
    let marked = |text: String, mark: Mark| Run {
        text: format!("{text} "),
        style: Style::Regular,
        mark,
    };
    items
        .iter()
        .map(|item| {
            let deleted = wholly(item, Mark::Deleted);
            let inserted = wholly(item, Mark::Inserted);
            let (was, is) = (numbering.label(old, lang), numbering.label(new, lang));
            if !inserted {
                old += 1;
            }
            if !deleted {
                new += 1;
            }
            match (was, is) {
                (Some(was), _) if deleted => vec![marked(was, Mark::Deleted)],
                (_, Some(is)) if inserted => vec![marked(is, Mark::Inserted)],
                (Some(was), Some(is)) if was == is => vec![marked(is, Mark::None)],
                (Some(was), Some(is)) => {
                    vec![marked(was, Mark::Deleted), marked(is, Mark::Inserted)]
                }
                _ => Vec::new(),
            }
        })
        .collect()
}

/// The letter of the item at `index`: a to z, then aa, bb… as statutes do.
pub fn letter(index: usize) -> String {
    let c = char::from(b'a' + u8::try_from(index % 26).unwrap_or(0));
    std::iter::repeat_n(c, index / 26 + 1).collect()
}

/// The weight and slant of a run of text (`**gras**`, `*italique*`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Style {
    #[default]
    Regular,
    Bold,
    Italic,
    BoldItalic,
}

impl Style {
    /// The style with the given weight and slant.
    pub fn with(bold: bool, italic: bool) -> Style {
        match (bold, italic) {
            (false, false) => Style::Regular,
            (true, false) => Style::Bold,
            (false, true) => Style::Italic,
            (true, true) => Style::BoldItalic,
        }
    }

    pub fn is_bold(self) -> bool {
        matches!(self, Style::Bold | Style::BoldItalic)
    }

    pub fn is_italic(self) -> bool {
        matches!(self, Style::Italic | Style::BoldItalic)
    }

    /// The same slant, in bold (a heading's runs).
    pub fn bold(self) -> Style {
        Style::with(true, self.is_italic())
    }
}

/// A revision mark from a comparison (`<ins>`, `<del>`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Mark {
    #[default]
    None,
    Inserted,
    Deleted,
}

/// A piece of text in one style, with its revision mark. The text is the
/// characters to print, as they are: a printer escapes them for its own
/// format and never reads markup in them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Run {
    pub text: String,
    pub style: Style,
    pub mark: Mark,
}

impl Run {
    pub fn new(text: impl Into<String>, style: Style) -> Run {
        Run {
            text: text.into(),
            style,
            mark: Mark::None,
        }
    }
}

/// The text of runs, as read aloud (revision marks included).
pub fn plain(runs: &[Run]) -> String {
    runs.iter().map(|r| r.text.as_str()).collect()
}

/// The text of runs as the new version reads, without what it deletes.
pub fn current(runs: &[Run]) -> String {
    runs.iter()
        .filter(|r| r.mark != Mark::Deleted)
        .map(|r| r.text.as_str())
        .collect()
}

/// How a table's column is aligned (`|:---|`, `|---:|`, `|:---:|`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Align {
    /// Not said: amounts to the right, the rest to the left.
    #[default]
    Auto,
    Left,
    Center,
    Right,
}

/// A cell of a table: its runs.
pub type Cell = Vec<Run>;

/// A unit of the printed document.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// The document's title (`#`).
    Title(Vec<Run>),
    /// A part's heading (`##`, an article, an annex): an entry of the
    /// contents. `anchor` is its stable identifier (`<!-- anchor article-3 -->`
    /// before it), for links to it.
    Heading {
        runs: Vec<Run>,
        anchor: Option<String>,
    },
    /// A paragraph; `quote` for a quotation (`>`, the draft's banner).
    Paragraph { runs: Vec<Run>, quote: bool },
    /// A list, its items marked as `numbering` says.
    List {
        numbering: Numbering,
        items: Vec<Vec<Run>>,
    },
    /// A table with one header row.
    Table {
        align: Vec<Align>,
        header: Vec<Cell>,
        rows: Vec<Vec<Cell>>,
    },
    /// A thin rule across the text (`---`).
    Rule,
    /// Room to sign (`<!-- space -->`), in points.
    Space(f32),
    /// The table of contents (`<!-- toc -->`).
    Contents,
    /// A new page (`<!-- pagebreak -->`).
    PageBreak,
    /// The next block and the one after it stay on one page
    /// (`<!-- keep-with-next -->`: the closing formula with the first
    /// signatures).
    KeepWithNext,
    /// The language of what follows, up to the next (`<!-- lang en -->`).
    Lang(Lang),
    /// The title page (`<!-- titlepage -->` … `<!-- /titlepage -->`).
    TitlePage(Vec<Block>),
    /// Blocks never split by a page (`<!-- keep -->` … `<!-- /keep -->`: a
    /// signature block).
    Keep(Vec<Block>),
    /// Two columns side by side, starting level (`<!-- columns -->` …
    /// `<!-- column -->` … `<!-- /columns -->`): two languages, with a rule
    /// between them, or signature blocks two by two (`columns grid`),
    /// without.
    Columns {
        rule: bool,
        left: Vec<Block>,
        right: Vec<Block>,
    },
    /// A lawyer's review note (`<!-- box -->` … `<!-- /box -->`,
    /// `--annotate`), set apart from the text it reviews.
    Note(Vec<Block>),
}

/// A printed document: its blocks, in its language.
#[derive(Clone, Debug, PartialEq)]
pub struct Printed {
    /// The document's language: the left column's in a bilingual edition.
    pub lang: Lang,
    pub blocks: Vec<Block>,
}

impl Printed {
    /// How many bytes of text the document holds: what a printer's output
    /// is sized from.
    pub fn text_len(&self) -> usize {
        let mut len = 0;
        each_run(self, &mut |runs, _, _| {
            len += runs.iter().map(|r| r.text.len()).sum::<usize>();
        });
        len
    }

    /// The same document with every run's text passed through `f`.
    pub fn map_text(&self, f: &dyn Fn(&str) -> String) -> Printed {
        self.map_runs(&|r| Run {
            text: f(&r.text),
            ..r.clone()
        })
    }

    /// The same document with every run passed through `f`.
    pub fn map_runs(&self, f: &dyn Fn(&Run) -> Run) -> Printed {
        Printed {
            lang: self.lang,
            blocks: map_blocks(&self.blocks, f),
        }
    }
}

/// Blocks with every run passed through `f`, containers and all.
pub fn map_blocks(blocks: &[Block], f: &dyn Fn(&Run) -> Run) -> Vec<Block> {
    let runs = |r: &[Run]| r.iter().map(f).collect::<Vec<_>>();
    blocks
        .iter()
        .map(|b| match b {
            Block::Title(r) => Block::Title(runs(r)),
            Block::Heading { runs: r, anchor } => Block::Heading {
                runs: runs(r),
                anchor: anchor.clone(),
            },
            Block::Paragraph { runs: r, quote } => Block::Paragraph {
                runs: runs(r),
                quote: *quote,
            },
            Block::List { numbering, items } => Block::List {
                numbering: *numbering,
                items: items.iter().map(|i| runs(i)).collect(),
            },
            Block::Table {
                align,
                header,
                rows,
            } => Block::Table {
                align: align.clone(),
                header: header.iter().map(|c| runs(c)).collect(),
                rows: rows
                    .iter()
                    .map(|row| row.iter().map(|c| runs(c)).collect())
                    .collect(),
            },
            Block::TitlePage(inner) => Block::TitlePage(map_blocks(inner, f)),
            Block::Keep(inner) => Block::Keep(map_blocks(inner, f)),
            Block::Note(inner) => Block::Note(map_blocks(inner, f)),
            Block::Columns { rule, left, right } => Block::Columns {
                rule: *rule,
                left: map_blocks(left, f),
                right: map_blocks(right, f),
            },
            Block::Rule
            | Block::Space(_)
            | Block::Contents
            | Block::PageBreak
            | Block::KeepWithNext
            | Block::Lang(_) => b.clone(),
        })
        .collect()
}

/// Each heading's identifier, in reading order — the HTML page's `id`s, the
/// Markdown's anchors: its anchor (`article-3`), else `part-N`; a second
/// use of one gets `-2`, so every link has one target.
pub fn heading_ids(blocks: &[Block]) -> Vec<String> {
    fn walk(blocks: &[Block], out: &mut Vec<String>, seen: &mut std::collections::HashSet<String>) {
        for block in blocks {
            match block {
                Block::Heading { anchor, .. } => {
                    let base = anchor
                        .clone()
                        .unwrap_or_else(|| format!("part-{}", out.len() + 1));
                    // The reader refuses an anchor given twice or taking
                    // pacte's own names; this stays so that ids are unique
                    // whatever the reader's rules become.
                    let mut id = base.clone();
                    let mut n = 1;
                    while !seen.insert(id.clone()) {
                        n += 1;
                        id = format!("{base}-{n}");
                    }
                    out.push(id);
                }
                Block::TitlePage(inner) | Block::Keep(inner) | Block::Note(inner) => {
                    walk(inner, out, seen)
                }
                Block::Columns { left, right, .. } => {
                    walk(left, out, seen);
                    walk(right, out, seen);
                }
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    let mut seen = std::collections::HashSet::from(["contents".to_string()]);
    walk(blocks, &mut out, &mut seen);
    out
}

/// An entry of the contents: a heading's text, and which heading it leads
/// to (its rank among the document's headings in reading order).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub text: String,
    pub heading: usize,
}

/// The contents: each heading in order, as the new version reads. A right
/// column's heading joins its left twin (« Article 2 — Durée / Article 2 —
/// Term »), said once when the two read the same.
pub fn contents(blocks: &[Block]) -> Vec<Entry> {
    let mut out = Vec::new();
    collect_headings(blocks, &mut out, &mut 0);
    out
}

fn collect_headings(blocks: &[Block], out: &mut Vec<Entry>, seen: &mut usize) {
    for block in blocks {
        match block {
            Block::Heading { runs, .. } => {
                out.push(Entry {
                    text: current(runs),
                    heading: *seen,
                });
                *seen += 1;
            }
            Block::TitlePage(inner) | Block::Keep(inner) | Block::Note(inner) => {
                collect_headings(inner, out, seen)
            }
            Block::Columns { left, right, .. } => {
                let start = out.len();
                collect_headings(left, out, seen);
                let mut twins = Vec::new();
                collect_headings(right, &mut twins, seen);
                for (k, twin) in twins.into_iter().enumerate() {
                    match out.get_mut(start + k) {
                        Some(entry) => {
                            if entry.text != twin.text {
                                entry.text = format!("{} / {}", entry.text, twin.text);
                            }
                        }
                        None => out.push(twin),
                    }
                }
            }
            Block::Title(_)
            | Block::Paragraph { .. }
            | Block::List { .. }
            | Block::Table { .. }
            | Block::Rule
            | Block::Space(_)
            | Block::Contents
            | Block::PageBreak
            | Block::KeepWithNext
            | Block::Lang(_) => {}
        }
    }
}

/// Every run of the document, with the language it is in, in reading
/// order: what the checks of printed text (fonts, hidden characters) go
/// through.
pub fn each_run<'a>(printed: &'a Printed, f: &mut dyn FnMut(&'a [Run], Lang, Option<&'a [Run]>)) {
    fn walk<'a>(
        blocks: &'a [Block],
        lang: &mut Lang,
        section: &mut Option<&'a [Run]>,
        f: &mut dyn FnMut(&'a [Run], Lang, Option<&'a [Run]>),
    ) {
        for block in blocks {
            match block {
                Block::Heading { runs, .. } => {
                    *section = Some(runs);
                    f(runs, *lang, *section);
                }
                Block::Title(runs) | Block::Paragraph { runs, .. } => f(runs, *lang, *section),
                Block::List { items, .. } => items.iter().for_each(|i| f(i, *lang, *section)),
                Block::Table { header, rows, .. } => header
                    .iter()
                    .chain(rows.iter().flatten())
                    .for_each(|c| f(c, *lang, *section)),
                Block::Lang(l) => *lang = *l,
                Block::TitlePage(inner) | Block::Keep(inner) | Block::Note(inner) => {
                    walk(inner, lang, section, f)
                }
                Block::Columns { left, right, .. } => {
                    walk(left, lang, section, f);
                    walk(right, lang, section, f);
                }
                Block::Rule
                | Block::Space(_)
                | Block::Contents
                | Block::PageBreak
                | Block::KeepWithNext => {}
            }
        }
    }
    let mut lang = printed.lang;
    walk(&printed.blocks, &mut lang, &mut None, f);
}

/// Every run of the document, with the language it is in, to change in
/// place: [`each_run`]'s walk for what sets the text (typography).
pub fn each_run_mut(printed: &mut Printed, f: &mut dyn FnMut(&mut [Run], Lang)) {
    fn walk(blocks: &mut [Block], lang: &mut Lang, f: &mut dyn FnMut(&mut [Run], Lang)) {
        for block in blocks {
            match block {
                Block::Title(runs)
                | Block::Heading { runs, .. }
                | Block::Paragraph { runs, .. } => f(runs, *lang),
                Block::List { items, .. } => items.iter_mut().for_each(|i| f(i, *lang)),
                Block::Table { header, rows, .. } => header
                    .iter_mut()
                    .chain(rows.iter_mut().flatten())
                    .for_each(|c| f(c, *lang)),
                Block::Lang(l) => *lang = *l,
                Block::TitlePage(inner) | Block::Keep(inner) | Block::Note(inner) => {
                    walk(inner, lang, f)
                }
                Block::Columns { left, right, .. } => {
                    walk(left, lang, f);
                    walk(right, lang, f);
                }
                Block::Rule
                | Block::Space(_)
                | Block::Contents
                | Block::PageBreak
                | Block::KeepWithNext => {}
            }
        }
    }
    let mut lang = printed.lang;
    walk(&mut printed.blocks, &mut lang, f);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heading(runs: Vec<Run>) -> Block {
        Block::Heading { runs, anchor: None }
    }

    fn text(s: &str) -> Run {
        Run::new(s, Style::Regular)
    }

    #[test]
    fn letters_are_labelled_in_each_language() {
        assert_eq!(Numbering::Letters.label(1, Lang::Fr).as_deref(), Some("b)"));
        assert_eq!(
            Numbering::Letters.label(1, Lang::En).as_deref(),
            Some("(b)")
        );
        assert_eq!(letter(25), "z");
        assert_eq!(letter(26), "aa");
        assert_eq!(Numbering::From(3).label(1, Lang::Fr).as_deref(), Some("4."));
        assert_eq!(Numbering::Bullets.label(0, Lang::En), None);
    }

    #[test]
    fn the_contents_join_twins_and_read_as_the_new_version() {
        let blocks = vec![
            heading(vec![text("Parties")]),
            Block::Columns {
                rule: true,
                left: vec![heading(vec![text("Article 2 — Durée")])],
                right: vec![
                    heading(vec![text("Article 2 — Term")]),
                    heading(vec![text("Annex A")]),
                ],
            },
            Block::Columns {
                rule: true,
                left: vec![heading(vec![text("Communication")])],
                right: vec![heading(vec![text("Communication")])],
            },
            heading(vec![
                text("Article "),
                Run {
                    text: "20".into(),
                    style: Style::Regular,
                    mark: Mark::Deleted,
                },
                Run {
                    text: "21".into(),
                    style: Style::Regular,
                    mark: Mark::Inserted,
                },
            ]),
        ];
        let entries: Vec<(String, usize)> = contents(&blocks)
            .into_iter()
            .map(|e| (e.text, e.heading))
            .collect();
        assert_eq!(
            entries,
            [
                ("Parties".to_string(), 0),
                ("Article 2 — Durée / Article 2 — Term".to_string(), 1),
                ("Annex A".to_string(), 3),
                ("Communication".to_string(), 4),
                ("Article 21".to_string(), 6),
            ]
        );
    }
}
