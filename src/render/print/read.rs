//! Reading the Markdown the templates render, with their layout markers,
//! into the [`Printed`] tree, once, its text then set in each language's
//! typography ([`super::typography`]). Strict: a marker pacte
//! does not know, a container left open or closed twice, raw HTML, a list
//! inside a list — anything a printer would have to guess at — is an error
//! naming the marker and the heading it follows.

use super::markers::{self, Marker, Nesting, NotAMarker, Opens};
use super::tree::{Align, Block, Cell, Mark, Numbering, Printed, Run, Style, plain};
use crate::lang::Lang;
use pulldown_cmark::{Alignment, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// The deepest containers nest: a review note in a column of a title page
/// is three. Only a broken template goes deeper.
pub const MAX_NESTING: usize = 3;

/// Why the Markdown of a printed edition cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadError {
    pub kind: ReadErrorKind,
    /// The last heading before it, to find it by (« Article 2 — Durée »).
    pub after: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadErrorKind {
    NotAMarker(NotAMarker),
    /// A marker inside a paragraph: markers stand on a line of their own.
    InParagraph(String),
    /// A container left open, closed out of order, or split wrongly.
    Nesting(Nesting),
    /// Containers nested deeper than [`MAX_NESTING`].
    TooDeep,
    /// A list inside a list's item.
    NestedList,
    /// `<!-- anchor … -->` not followed by a heading.
    AnchorWithoutHeading(String),
    /// The same anchor twice.
    DuplicateAnchor(String),
}

impl ReadError {
    /// What went wrong, and where, in `lang`.
    pub fn describe(&self, lang: Lang) -> String {
        let what = match &self.kind {
            ReadErrorKind::NotAMarker(n) => n.describe(lang),
            ReadErrorKind::InParagraph(m) => crate::tr!(
                lang,
                "le repère `{m}` est au milieu d'un paragraphe : mettez-le seul sur sa ligne, entre deux lignes vides",
                "marker `{m}` is inside a paragraph: put it on a line of its own, between blank lines"
            ),
            ReadErrorKind::Nesting(n) => n.describe(lang),
            ReadErrorKind::TooDeep => crate::tr!(
                lang,
                "groupes, notes et colonnes imbriqués sur plus de {MAX_NESTING} niveaux",
                "groups, notes and columns nested more than {MAX_NESTING} deep"
            ),
            ReadErrorKind::NestedList => crate::tr!(
                lang,
                "une liste dans un élément de liste : pacte imprime un seul niveau de liste",
                "a list inside a list item: pacte prints one level of list"
            ),
            ReadErrorKind::AnchorWithoutHeading(id) => crate::tr!(
                lang,
                "`<!-- anchor {id} -->` n'est pas suivi d'un titre (`## …`)",
                "`<!-- anchor {id} -->` is not followed by a heading (`## …`)"
            ),
            ReadErrorKind::DuplicateAnchor(id) => crate::tr!(
                lang,
                "l'ancre `{id}` est donnée deux fois : chaque titre a la sienne",
                "anchor `{id}` is given twice: each heading has its own"
            ),
        };
        match &self.after {
            Some(h) => crate::tr!(lang, "{what} (après « {h} »)", "{what} (after “{h}”)"),
            None => what,
        }
    }
}

/// A container being read.
struct Open {
    kind: Opens,
    rule: bool,
    blocks: Vec<Block>,
    /// The left column, once `<!-- column -->` has moved to the right.
    left: Option<Vec<Block>>,
}

/// A table being read: its alignments, header, finished rows, and the row
/// in progress.
#[derive(Default)]
struct TableBeingRead {
    align: Vec<Align>,
    header: Vec<Cell>,
    rows: Vec<Vec<Cell>>,
    row: Vec<Cell>,
}

struct Reader {
    root: Vec<Block>,
    open: Vec<Open>,
    runs: Vec<Run>,
    bold: u32,
    italic: u32,
    quote: u32,
    mark: Mark,
    /// The list being read, and the item in it.
    list: Option<(Option<u64>, Vec<Vec<Run>>)>,
    item: Option<Vec<Run>>,
    table: Option<TableBeingRead>,
    in_head: bool,
    anchor: Option<String>,
    anchors: std::collections::HashSet<String>,
    after: Option<String>,
}

/// Reads the Markdown of a printed edition in `lang`, and sets its text in
/// each language's typography.
pub fn read(markdown: &str, lang: Lang) -> Result<Printed, ReadError> {
    let mut r = Reader {
        root: Vec::new(),
        open: Vec::new(),
        runs: Vec::new(),
        bold: 0,
        italic: 0,
        quote: 0,
        mark: Mark::None,
        list: None,
        item: None,
        table: None,
        in_head: false,
        anchor: None,
        anchors: std::collections::HashSet::new(),
        after: None,
    };
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        r.event(event)?;
    }
    if let Some(open) = r.open.last() {
        return Err(r.error(ReadErrorKind::Nesting(Nesting::Unclosed(open.kind))));
    }
    if let Some(id) = r.anchor.take() {
        return Err(r.error(ReadErrorKind::AnchorWithoutHeading(id)));
    }
    let mut printed = Printed {
        lang,
        blocks: r.root,
    };
    // Typography on the text, now that no Markdown is left to mistake.
    super::typography::typeset(&mut printed);
    Ok(printed)
}

impl Reader {
    fn error(&self, kind: ReadErrorKind) -> ReadError {
        ReadError {
            kind,
            after: self.after.clone(),
        }
    }

    fn push(&mut self, block: Block) -> Result<(), ReadError> {
        // An anchor waits for its heading across a change of language
        // (the bilingual edition's columns), never across text.
        if !matches!(block, Block::Heading { .. } | Block::Lang(_))
            && let Some(id) = self.anchor.take()
        {
            return Err(self.error(ReadErrorKind::AnchorWithoutHeading(id)));
        }
        match self.open.last_mut() {
            Some(open) => open.blocks.push(block),
            None => self.root.push(block),
        }
        Ok(())
    }

    fn text(&mut self, text: &str) {
        let style = Style::with(self.bold > 0, self.italic > 0);
        match self.runs.last_mut() {
            Some(last) if last.style == style && last.mark == self.mark => last.text.push_str(text),
            _ => self.runs.push(Run {
                text: text.to_string(),
                style,
                mark: self.mark,
            }),
        }
    }

    fn event(&mut self, event: Event<'_>) -> Result<(), ReadError> {
        // A revision mark never runs past its block: one left open in a
        // template marks nothing beyond it.
        let ends_block = matches!(
            event,
            Event::End(
                TagEnd::Paragraph
                    | TagEnd::Heading(_)
                    | TagEnd::Item
                    | TagEnd::TableCell
                    | TagEnd::CodeBlock
            )
        );
        self.handle(event)?;
        if ends_block {
            self.mark = Mark::None;
        }
        Ok(())
    }

    fn handle(&mut self, event: Event<'_>) -> Result<(), ReadError> {
        match event {
            Event::Start(Tag::Strong) => self.bold += 1,
            Event::End(TagEnd::Strong) => self.bold = self.bold.saturating_sub(1),
            Event::Start(Tag::Emphasis) => self.italic += 1,
            Event::End(TagEnd::Emphasis) => self.italic = self.italic.saturating_sub(1),
            Event::Start(Tag::BlockQuote(_)) => self.quote += 1,
            Event::End(TagEnd::BlockQuote(_)) => self.quote = self.quote.saturating_sub(1),
            Event::Text(t) | Event::Code(t) => self.text(&t),
            Event::SoftBreak | Event::HardBreak => self.text(" "),
            Event::End(TagEnd::Heading(level)) => {
                let runs = std::mem::take(&mut self.runs);
                if level == HeadingLevel::H1 {
                    self.push(Block::Title(runs))?;
                } else {
                    self.after = Some(plain(&runs));
                    let anchor = self.anchor.take();
                    self.push(Block::Heading { runs, anchor })?;
                }
            }
            Event::End(TagEnd::Paragraph) => {
                let runs = std::mem::take(&mut self.runs);
                if let Some(item) = self.item.as_mut() {
                    // A loose item's paragraphs make one item.
                    if !item.is_empty() && !runs.is_empty() {
                        item.push(Run::new(" ", Style::Regular));
                    }
                    item.extend(runs);
                } else if !runs.is_empty() {
                    let quote = self.quote > 0;
                    self.push(Block::Paragraph { runs, quote })?;
                }
            }
            Event::Start(Tag::List(start)) => {
                if self.list.is_some() {
                    return Err(self.error(ReadErrorKind::NestedList));
                }
                self.list = Some((start, Vec::new()));
            }
            Event::Start(Tag::Item) => self.item = Some(Vec::new()),
            Event::End(TagEnd::Item) => {
                let mut item = self.item.take().unwrap_or_default();
                item.append(&mut self.runs);
                if let Some((_, items)) = self.list.as_mut() {
                    items.push(item);
                }
            }
            Event::End(TagEnd::List(_)) => {
                if let Some((start, mut items)) = self.list.take() {
                    let numbering = match start {
                        Some(first) => Numbering::From(first),
                        None if strip_letters(&mut items) => Numbering::Letters,
                        None => Numbering::Bullets,
                    };
                    self.push(Block::List { numbering, items })?;
                }
            }
            Event::Start(Tag::Table(alignments)) => {
                let align = alignments
                    .iter()
                    .map(|a| match a {
                        Alignment::None => Align::Auto,
                        Alignment::Left => Align::Left,
                        Alignment::Center => Align::Center,
                        Alignment::Right => Align::Right,
                    })
                    .collect();
                self.table = Some(TableBeingRead {
                    align,
                    ..TableBeingRead::default()
                });
            }
            Event::Start(Tag::TableHead) => self.in_head = true,
            Event::End(TagEnd::TableHead) => {
                self.in_head = false;
                if let Some(t) = self.table.as_mut() {
                    t.header = std::mem::take(&mut t.row);
                }
            }
            Event::End(TagEnd::TableCell) => {
                let cell = std::mem::take(&mut self.runs);
                if let Some(t) = self.table.as_mut() {
                    t.row.push(cell);
                }
            }
            Event::End(TagEnd::TableRow) => {
                if let Some(t) = self.table.as_mut()
                    && !self.in_head
                {
                    t.rows.push(std::mem::take(&mut t.row));
                }
            }
            Event::End(TagEnd::Table) => {
                if let Some(t) = self.table.take() {
                    self.push(Block::Table {
                        align: t.align,
                        header: t.header,
                        rows: t.rows,
                    })?;
                }
            }
            Event::Rule => self.push(Block::Rule)?,
            // An indented line in a template (a code block to Markdown) is
            // a paragraph of its text, never text joined to the next block.
            Event::End(TagEnd::CodeBlock) => {
                let text = plain(&std::mem::take(&mut self.runs));
                let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
                if !text.is_empty() {
                    let runs = vec![Run::new(text, Style::Regular)];
                    self.push(Block::Paragraph { runs, quote: false })?;
                }
            }
            Event::InlineHtml(html) => match html.trim() {
                "<ins>" => self.mark = Mark::Inserted,
                "<del>" => self.mark = Mark::Deleted,
                "</ins>" | "</del>" => self.mark = Mark::None,
                other => {
                    let kind = match markers::parse(other) {
                        Ok(_) => ReadErrorKind::InParagraph(other.to_string()),
                        Err(n) => ReadErrorKind::NotAMarker(n),
                    };
                    return Err(self.error(kind));
                }
            },
            Event::Html(html) => {
                // An HTML block comes a line at a time.
                for line in html.lines().map(str::trim).filter(|l| !l.is_empty()) {
                    let marker = markers::parse(line)
                        .map_err(|n| self.error(ReadErrorKind::NotAMarker(n)))?;
                    self.marker(marker, line)?;
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn marker(&mut self, marker: Marker, text: &str) -> Result<(), ReadError> {
        if let Some(kind) = marker.opens() {
            if self.open.len() >= MAX_NESTING {
                return Err(self.error(ReadErrorKind::TooDeep));
            }
            let rule = marker == Marker::Columns { rule: true };
            self.open.push(Open {
                kind,
                rule,
                blocks: Vec::new(),
                left: None,
            });
            return Ok(());
        }
        if let Some(kind) = marker.closes() {
            let top = self.open.last().map(|o| o.kind);
            if top != Some(kind) {
                return Err(self.error(ReadErrorKind::Nesting(Nesting::Unexpected {
                    found: text.to_string(),
                    open: top,
                })));
            }
            let Some(open) = self.open.pop() else {
                return Ok(());
            };
            let block = match open.kind {
                Opens::TitlePage => Block::TitlePage(open.blocks),
                Opens::Keep => Block::Keep(open.blocks),
                Opens::Note => Block::Note(open.blocks),
                Opens::Columns => match open.left {
                    Some(left) => Block::Columns {
                        rule: open.rule,
                        left,
                        right: open.blocks,
                    },
                    // A pair without its break is a left column alone.
                    None => Block::Columns {
                        rule: open.rule,
                        left: open.blocks,
                        right: Vec::new(),
                    },
                },
            };
            self.push(block)?;
            return Ok(());
        }
        let block = match marker {
            Marker::Contents => Block::Contents,
            Marker::PageBreak => Block::PageBreak,
            Marker::KeepWithNext => Block::KeepWithNext,
            Marker::Space => Block::Space(28.0),
            Marker::Lang(lang) => Block::Lang(lang),
            Marker::Anchor(id) => {
                if let Some(waiting) = self.anchor.take() {
                    return Err(self.error(ReadErrorKind::AnchorWithoutHeading(waiting)));
                }
                if !self.anchors.insert(id.clone()) {
                    return Err(self.error(ReadErrorKind::DuplicateAnchor(id)));
                }
                self.anchor = Some(id);
                return Ok(());
            }
            Marker::Column => {
                match self.open.last_mut() {
                    Some(open) if open.kind == Opens::Columns && open.left.is_none() => {
                        open.left = Some(std::mem::take(&mut open.blocks));
                    }
                    _ => return Err(self.error(ReadErrorKind::Nesting(Nesting::Column))),
                }
                return Ok(());
            }
            // Openers and closers are handled above.
            Marker::TitlePage
            | Marker::TitlePageEnd
            | Marker::Keep
            | Marker::KeepEnd
            | Marker::Note
            | Marker::NoteEnd
            | Marker::Columns { .. }
            | Marker::ColumnsEnd => return Ok(()),
        };
        self.push(block)
    }
}

/// Whether every item of a bulleted list starts with its letter in order —
/// `a) `, `b) ` (French) or `(a) `, `(b) ` (English), one form throughout —
/// and if so, the items without them: the list is lettered, and each
/// printer writes the letters its own way.
fn strip_letters(items: &mut [Vec<Run>]) -> bool {
    let label = |index: usize, english: bool| {
        let lang = if english { Lang::En } else { Lang::Fr };
        let label = Numbering::Letters.label(index, lang).unwrap_or_default();
        format!("{label} ")
    };
    let first = |item: &Vec<Run>| item.first().map(|r| r.text.clone()).unwrap_or_default();
    let Some(english) = items.first().map(|i| first(i).starts_with('(')) else {
        return false;
    };
    let lettered = items
        .iter()
        .enumerate()
        .all(|(n, item)| first(item).starts_with(&label(n, english)));
    if !lettered {
        return false;
    }
    for (n, item) in items.iter_mut().enumerate() {
        let cut = label(n, english).len();
        if let Some(run) = item.first_mut() {
            run.text.drain(..cut);
            if run.text.is_empty() && item.len() > 1 {
                item.remove(0);
            }
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_fr(md: &str) -> Result<Printed, ReadError> {
        read(md, Lang::Fr)
    }

    #[test]
    fn containers_nest_and_close() {
        let md = "<!-- titlepage -->\n\n# Titre\n\n<!-- /titlepage -->\n\n<!-- toc -->\n\n<!-- anchor article-1 -->\n\n## Article 1er — Objet\n\n**1.1** Texte *souligné*.\n\n- un\n- deux\n\n| A | B |\n|---|--:|\n| x | **y** |\n\n<!-- columns grid -->\n\n<!-- keep -->\n\nSignature\n\n<!-- /keep -->\n\n<!-- column -->\n\nDroite\n\n<!-- /columns -->\n";
        let doc = read_fr(md).unwrap();
        let b = &doc.blocks;
        assert!(matches!(&b[0], Block::TitlePage(inner) if matches!(&inner[0], Block::Title(_))));
        assert_eq!(b[1], Block::Contents);
        assert!(
            matches!(&b[2], Block::Heading { runs, anchor: Some(a) } if plain(runs) == "Article 1er — Objet" && a == "article-1")
        );
        let Block::Paragraph { runs, .. } = &b[3] else {
            panic!("{b:?}")
        };
        assert_eq!(runs[0], Run::new("1.1", Style::Bold));
        assert_eq!(runs[2], Run::new("souligné", Style::Italic));
        assert!(
            matches!(&b[4], Block::List { numbering: Numbering::Bullets, items } if items.len() == 2)
        );
        assert!(matches!(&b[5], Block::Table { align, .. } if align[1] == Align::Right));
        let Block::Columns { rule, left, right } = &b[6] else {
            panic!("{b:?}")
        };
        assert!(!rule);
        assert!(matches!(&left[0], Block::Keep(_)));
        assert!(matches!(&right[0], Block::Paragraph { .. }));
    }

    #[test]
    fn revision_marks_become_run_marks() {
        let doc = read_fr("Le quorum est de <del>5</del><ins>6</ins> membres.\n").unwrap();
        let Block::Paragraph { runs, .. } = &doc.blocks[0] else {
            panic!("{doc:?}")
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
        let doc = read_fr("\\# \\| \\* \\{\\{ 7\\*7 \\}\\} \\&rlm; \\<!-- box --\\>\n").unwrap();
        assert!(
            matches!(&doc.blocks[0], Block::Paragraph { runs, .. } if plain(runs) == "# | * {{ 7*7 }} &rlm; <!-- box -->")
        );
    }

    #[test]
    fn a_slip_is_an_error_not_a_different_document() {
        let unclosed = read_fr("## Article 2 — Durée\n\nTexte.\n\n<!-- box -->\n\n## Article 3\n");
        assert_eq!(
            unclosed.unwrap_err(),
            ReadError {
                kind: ReadErrorKind::Nesting(Nesting::Unclosed(Opens::Note)),
                after: Some("Article 3".into())
            }
        );
        let misspelt = read_fr("a\n\n<!-- pagebrake -->\n\nb\n").unwrap_err();
        assert!(matches!(
            misspelt.kind,
            ReadErrorKind::NotAMarker(NotAMarker::Unknown(_))
        ));
        let html = read_fr("<div>x</div>\n").unwrap_err();
        assert_eq!(
            html.kind,
            ReadErrorKind::NotAMarker(NotAMarker::NotAComment)
        );
        let inline = read_fr("texte <!-- pagebreak --> suite\n").unwrap_err();
        assert!(matches!(inline.kind, ReadErrorKind::InParagraph(_)));
        let crossed = read_fr("<!-- keep -->\n\n<!-- box -->\n\n<!-- /keep -->\n").unwrap_err();
        assert!(matches!(
            crossed.kind,
            ReadErrorKind::Nesting(Nesting::Unexpected {
                open: Some(Opens::Note),
                ..
            })
        ));
        let deep = "<!-- keep -->\n\n".repeat(4);
        assert_eq!(read_fr(&deep).unwrap_err().kind, ReadErrorKind::TooDeep);
        assert_eq!(
            read_fr("- a\n  - b\n").unwrap_err().kind,
            ReadErrorKind::NestedList
        );
        assert_eq!(
            read_fr("<!-- column -->\n").unwrap_err().kind,
            ReadErrorKind::Nesting(Nesting::Column)
        );
    }

    #[test]
    fn an_anchor_names_one_heading() {
        let ok = read_fr(
            "<!-- anchor a -->\n\n<!-- columns -->\n\n<!-- lang fr -->\n\n## A\n\n<!-- /columns -->\n",
        );
        assert!(ok.is_ok(), "{ok:?}");
        let alone = read_fr("<!-- anchor a -->\n\nTexte.\n").unwrap_err();
        assert_eq!(alone.kind, ReadErrorKind::AnchorWithoutHeading("a".into()));
        let twice = read_fr("<!-- anchor a -->\n\n<!-- anchor b -->\n\n## B\n").unwrap_err();
        assert_eq!(twice.kind, ReadErrorKind::AnchorWithoutHeading("a".into()));
        let again =
            read_fr("<!-- anchor a -->\n\n## A\n\n<!-- anchor a -->\n\n## B\n").unwrap_err();
        assert_eq!(again.kind, ReadErrorKind::DuplicateAnchor("a".into()));
        let last = read_fr("## A\n\n<!-- anchor z -->\n").unwrap_err();
        assert_eq!(last.kind, ReadErrorKind::AnchorWithoutHeading("z".into()));
        assert!(markers::parse("<!-- anchor part-2 -->").is_err());
        assert!(markers::parse("<!-- anchor contents -->").is_err());
    }

    #[test]
    fn an_indented_line_is_a_paragraph_and_a_mark_ends_with_its_block() {
        let doc = read_fr("Avant.\n\n    indenté\n    suite\n\n## Titre\n").unwrap();
        assert_eq!(
            doc.blocks[1],
            Block::Paragraph {
                runs: vec![Run::new("indenté suite", Style::Regular)],
                quote: false
            }
        );
        assert!(matches!(&doc.blocks[2], Block::Heading { runs, .. } if plain(runs) == "Titre"));
        let doc = read_fr("Un <ins>ajout\n\nDeux.\n").unwrap();
        let Block::Paragraph { runs, .. } = &doc.blocks[1] else {
            panic!("{doc:?}")
        };
        assert_eq!(runs[0].mark, Mark::None);
    }

    #[test]
    fn numbered_lists_keep_their_numbers() {
        let doc = read_fr("3. trois\n4. quatre\n").unwrap();
        assert!(
            matches!(&doc.blocks[0], Block::List { numbering: Numbering::From(3), items } if items.len() == 2)
        );
    }

    #[test]
    fn letters_in_order_make_a_lettered_list_and_others_stay_text() {
        let doc = read_fr("- a) un\n- b) **deux**\n").unwrap();
        let Block::List { numbering, items } = &doc.blocks[0] else {
            panic!("{doc:?}")
        };
        assert_eq!(*numbering, Numbering::Letters);
        assert_eq!(items[0][0].text, "un");
        assert_eq!(items[1][0].text, "deux");
        // Out of order, or one item without its letter: a bulleted list
        // whose text keeps what was written.
        for md in [
            "- a) un\n- c) deux\n",
            "- a) un\n- deux\n",
            "- (a) un\n- b) deux\n",
        ] {
            let doc = read_fr(md).unwrap();
            let Block::List { numbering, items } = &doc.blocks[0] else {
                panic!("{doc:?}")
            };
            assert_eq!(*numbering, Numbering::Bullets, "{md}");
            assert!(items[0][0].text.starts_with("a)") || items[0][0].text.starts_with("(a)"));
        }
    }
}
