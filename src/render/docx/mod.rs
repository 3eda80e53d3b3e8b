//! The Word renderer: the printed document the PDF typesets
//! ([`Printed`]), written as an Office Open XML document (WordprocessingML)
//! for lawyers to review and negotiate in.
//!
//! The templates stay the single source of wording: article and paragraph
//! numbers are text, as in the PDF. What a typesetter decides (line and page
//! breaks) Word decides; what a typesetter draws becomes Word's own: styles
//! (Title, Heading 1, Body Text, List Bullet, Quote, table and signature
//! styles), a table of contents field, tables with a repeating header row,
//! signature blocks in a table whose rows never break across pages, a
//! running header and a footer with `PAGE` and `NUMPAGES` fields, review
//! notes (`--annotate`) as Word comments on their article, and a
//! comparison's `<ins>`/`<del>` marks as tracked changes (`w:ins`, `w:del`)
//! that Word's and LibreOffice's Review pane accept or reject one by one.
//!
//! The XML is written here rather than with docx-rs: that crate (0.4) has no
//! language on runs or styles (`w:lang`) and no repeating table header
//! (`w:tblHeader`), both required, and stores its parts uncompressed. The
//! package ([`package`]) is zipped with fixed timestamps and order; its
//! dates (document properties, comments, tracked changes) are
//! `SOURCE_DATE_EPOCH`'s when it is set, so the same input then gives the
//! same bytes, as for the PDF.
//!
//! Here: the body, paragraph by paragraph, and its runs; [`tables`]: annex
//! tables and the two-column tables (signatures, two languages);
//! [`package`]: the other parts and the zip.

mod package;
mod tables;

use crate::lang::Lang;
use crate::render::print::markup::escape;
use crate::render::print::page::{in_both, locale};
use crate::render::print::script::{directions, is_arabic};
use crate::render::print::text::ordinal_pieces;
use crate::render::print::tree::{
    Block, Entry, Mark, Numbering, Printed, Run, contents, item_labels,
};
use crate::render::print::{Paper, PrintInfo};

/// Who a Word document's tracked changes and comments are by, and when.
#[derive(Clone, Debug)]
pub struct Revisions {
    /// The author shown in the Review pane (`pacte`, or `--author`).
    pub author: String,
    /// Whether the document is a comparison: Word then keeps tracking the
    /// lawyer's own changes to it.
    pub track: bool,
}

/// Why a Word document could not be written.
#[derive(Debug)]
pub struct DocxError(pub std::io::Error);

impl DocxError {
    pub fn describe(&self, lang: Lang) -> String {
        let cause = &self.0;
        crate::tr!(
            lang,
            "le document Word n'a pas pu être assemblé : {cause}",
            "the Word document could not be packaged: {cause}"
        )
    }
}

/// Writes a printed document as the bytes of a `.docx` file.
pub fn write(
    printed: &Printed,
    info: &PrintInfo,
    revisions: &Revisions,
) -> Result<Vec<u8>, DocxError> {
    let blocks = &printed.blocks;
    let date = w3c_date(info.timestamp);
    let mut body = Body {
        out: String::with_capacity(64 * 1024 + printed.text_len() * 2),
        comments: Vec::new(),
        revision: 0,
        author: escape(&revisions.author).into_owned(),
        date: date.clone(),
        lang: info.lang,
        document_lang: info.lang,
        paper: info.paper,
        pending_comment: None,
        keep: false,
        keep_next: false,
        title_page: false,
        cell_width: package::text_width(info),
        in_cell: false,
        nesting: 0,
    };
    let headings = contents(blocks);
    let toc_title = in_both(info, "Table des matières", "Contents");
    body.blocks(blocks, &headings, &toc_title);
    package::zip(&package::Parts {
        info,
        body: &body.out,
        comments: &body.comments,
        date: &date,
        locale: locale(info.lang, info.paper),
        track: revisions.track,
        author: &body.author,
    })
    .map_err(DocxError)
}

/// `2026-11-26T00:00:00Z`, the date form of tracked changes, comments and
/// document properties.
fn w3c_date(timestamp: i64) -> String {
    chrono::DateTime::from_timestamp(timestamp, 0)
        .unwrap_or_default()
        .format("%Y-%m-%dT%H:%M:%SZ")
        .to_string()
}

/// The document's body being written.
struct Body {
    out: String,
    /// Each comment's paragraphs (XML), by id.
    comments: Vec<String>,
    /// The last tracked change's id.
    revision: u32,
    author: String,
    date: String,
    /// The language of the text being written, and the document's.
    lang: Lang,
    document_lang: Lang,
    paper: Paper,
    /// The comment the next review note becomes, anchored on the heading
    /// before it.
    pending_comment: Option<usize>,
    /// Inside a group kept on one page (a signature block).
    keep: bool,
    /// The next paragraph stays with the one after it.
    keep_next: bool,
    title_page: bool,
    /// The width of the column being written, in twips.
    cell_width: u32,
    /// Inside a table's cell.
    in_cell: bool,
    nesting: u8,
}

/// A paragraph's properties beyond its style.
#[derive(Default)]
struct Para<'a> {
    style: &'a str,
    keep_next: bool,
    align: Option<&'a str>,
    /// The comment anchored on the whole paragraph.
    comment: Option<usize>,
    /// Space above, in twips, beyond the style's.
    space_before: Option<u32>,
}

impl Body {
    fn blocks(&mut self, blocks: &[Block], headings: &[Entry], toc_title: &str) {
        for (i, block) in blocks.iter().enumerate() {
            match block {
                Block::TitlePage(inner) => {
                    self.title_page = true;
                    self.blocks(inner, headings, toc_title);
                    self.title_page = false;
                    self.page_break();
                }
                Block::Title(runs) => self.paragraph(
                    runs,
                    Para {
                        style: "Title",
                        // A third of the way down the title page, as in the PDF.
                        space_before: self.title_page.then_some(3600),
                        ..Para::default()
                    },
                ),
                Block::Heading { runs, .. } => {
                    // A review note after this heading, before the next
                    // one, becomes a comment anchored on it.
                    let comment = blocks[i + 1..]
                        .iter()
                        .take_while(|b| !matches!(b, Block::Heading { .. }))
                        .any(|b| matches!(b, Block::Note(_)))
                        .then_some(self.comments.len());
                    if comment.is_some() {
                        self.comments.push(String::new());
                    }
                    self.pending_comment = comment;
                    self.paragraph(
                        runs,
                        Para {
                            style: "Heading1",
                            keep_next: true,
                            comment,
                            ..Para::default()
                        },
                    );
                }
                Block::Paragraph { runs, quote } => {
                    let style = match (quote, self.title_page, self.keep) {
                        (true, _, _) => "Quote",
                        (false, true, _) => "TitlePage",
                        (false, false, true) => "Signature",
                        (false, false, false) => "BodyText",
                    };
                    self.paragraph(
                        runs,
                        Para {
                            style,
                            ..Para::default()
                        },
                    );
                }
                Block::List { numbering, items } => {
                    // Word's numbering would restart or continue as it sees
                    // fit, and has no « a) »: the label is the text's.
                    let labels = item_labels(*numbering, items, self.lang);
                    for (label, runs) in labels.into_iter().zip(items) {
                        let labelled: Vec<Run> =
                            label.into_iter().chain(runs.iter().cloned()).collect();
                        self.paragraph(
                            &labelled,
                            Para {
                                style: if *numbering == Numbering::Bullets {
                                    "ListBullet"
                                } else {
                                    "ListNumber"
                                },
                                ..Para::default()
                            },
                        );
                    }
                }
                Block::Table {
                    align,
                    header,
                    rows,
                } => self.table(align, header, rows),
                Block::Rule => self
                    .out
                    .push_str(r#"<w:p><w:pPr><w:pStyle w:val="Rule"/></w:pPr></w:p>"#),
                Block::Space(points) => {
                    let twips = (points * 20.0) as u32;
                    self.out.push_str(&format!(
                        r#"<w:p><w:pPr><w:keepNext/><w:spacing w:before="0" w:after="0" w:line="{twips}" w:lineRule="exact"/></w:pPr></w:p>"#
                    ));
                }
                Block::Contents => self.toc(headings, toc_title),
                Block::PageBreak => self.page_break(),
                Block::Keep(group) => {
                    let keep = std::mem::replace(&mut self.keep, true);
                    self.blocks(group, headings, toc_title);
                    self.keep = keep;
                }
                Block::KeepWithNext => self.keep_next = true,
                Block::Lang(lang) => self.lang = *lang,
                Block::Columns { rule, left, right } => {
                    self.nesting += 1;
                    self.columns(left, right, *rule, headings, toc_title);
                    self.nesting -= 1;
                }
                Block::Note(inner) => self.comment(inner),
            }
        }
    }

    fn page_break(&mut self) {
        self.out
            .push_str(r#"<w:p><w:r><w:br w:type="page"/></w:r></w:p>"#);
    }

    fn paragraph(&mut self, runs: &[Run], para: Para<'_>) {
        let Para {
            style,
            keep_next,
            align,
            comment,
            space_before,
        } = para;
        self.out.push_str("<w:p><w:pPr>");
        self.out
            .push_str(&format!(r#"<w:pStyle w:val="{style}"/>"#));
        // The closing formula stays with the first signatures; a signature
        // block's lines stay together.
        let kept = std::mem::take(&mut self.keep_next);
        if style == "Heading1" && self.nesting > 0 {
            // A heading in a column shares its cell with its text: kept with
            // the next paragraph, it would push the whole row to the next
            // page and leave the rest of this one blank.
            self.out.push_str(r#"<w:keepNext w:val="0"/>"#);
        } else if keep_next || kept || self.keep {
            self.out.push_str("<w:keepNext/><w:keepLines/>");
        }
        if let Some(before) = space_before {
            self.out
                .push_str(&format!(r#"<w:spacing w:before="{before}"/>"#));
        }
        if let Some(align) = align {
            self.out.push_str(&format!(r#"<w:jc w:val="{align}"/>"#));
        }
        // A paragraph added or removed whole: its mark too, so that
        // rejecting (or accepting) the change leaves no empty paragraph.
        // (A table cell keeps its paragraph; its row carries the change.)
        if let Some(tag) = whole_change(runs).filter(|_| !self.in_cell) {
            let attributes = self.revision_attributes();
            self.out
                .push_str(&format!("<w:rPr><{tag} {attributes}/></w:rPr>"));
        }
        self.out.push_str("</w:pPr>");
        if let Some(id) = comment {
            self.out
                .push_str(&format!(r#"<w:commentRangeStart w:id="{id}"/>"#));
        }
        self.runs(runs);
        if let Some(id) = comment {
            self.out.push_str(&format!(
                r#"<w:commentRangeEnd w:id="{id}"/><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="{id}"/></w:r>"#
            ));
        }
        self.out.push_str("</w:p>");
    }

    /// Runs of text, those a comparison marks grouped into one tracked
    /// insertion or deletion each.
    fn runs(&mut self, runs: &[Run]) {
        let mut i = 0;
        while i < runs.len() {
            let mark = runs[i].mark;
            let end = runs[i..]
                .iter()
                .position(|r| r.mark != mark)
                .map_or(runs.len(), |p| i + p);
            let tag = match mark {
                Mark::None => None,
                Mark::Inserted => Some("w:ins"),
                Mark::Deleted => Some("w:del"),
            };
            if let Some(tag) = tag {
                let attributes = self.revision_attributes();
                self.out.push_str(&format!("<{tag} {attributes}>"));
            }
            for run in &runs[i..end] {
                self.run(run);
            }
            if let Some(tag) = tag {
                self.out.push_str(&format!("</{tag}>"));
            }
            i = end;
        }
    }

    /// A new tracked change's id, author and date.
    fn revision_attributes(&mut self) -> String {
        self.revision += 1;
        format!(
            r#"w:id="{}" w:author="{}" w:date="{}""#,
            self.revision, self.author, self.date
        )
    }

    /// One run: « 1er » and « 2e » with their letters raised in French
    /// text, as in the PDF.
    fn run(&mut self, run: &Run) {
        let deleted = run.mark == Mark::Deleted;
        if self.lang != Lang::Fr {
            self.text(&run.text, run, false, deleted);
            return;
        }
        for (piece, raised) in ordinal_pieces(&run.text) {
            self.text(piece, run, raised, deleted);
        }
    }

    fn text(&mut self, text: &str, run: &Run, raised: bool, deleted: bool) {
        for (segment, rtl) in directions(text) {
            self.segment(segment, run, raised, deleted, rtl);
        }
    }

    /// A run in one direction. Right-to-left text is kept as typed, marked
    /// `w:rtl` with its complex-script font (Noto Naskh Arabic for Arabic),
    /// so Word orders and shapes it itself.
    fn segment(&mut self, text: &str, run: &Run, raised: bool, deleted: bool, rtl: bool) {
        if text.is_empty() {
            return;
        }
        self.out.push_str("<w:r>");
        let lang = (self.lang != self.document_lang).then(|| locale(self.lang, self.paper));
        let bold = run.style.is_bold();
        if bold || run.style.is_italic() || raised || lang.is_some() || rtl {
            self.out.push_str("<w:rPr>");
            if rtl && text.chars().any(is_arabic) {
                self.out.push_str(r#"<w:rFonts w:cs="Noto Naskh Arabic"/>"#);
            }
            if bold {
                self.out
                    .push_str(if rtl { "<w:b/><w:bCs/>" } else { "<w:b/>" });
            }
            if run.style.is_italic() {
                self.out.push_str("<w:i/>");
            }
            if raised {
                self.out.push_str(r#"<w:vertAlign w:val="superscript"/>"#);
            }
            if rtl {
                self.out.push_str("<w:rtl/>");
            }
            if let Some(lang) = lang {
                self.out.push_str(&format!(r#"<w:lang w:val="{lang}"/>"#));
            }
            self.out.push_str("</w:rPr>");
        }
        let tag = if deleted { "w:delText" } else { "w:t" };
        self.out.push_str(&format!(
            r#"<{tag} xml:space="preserve">{}</{tag}>"#,
            escape(text)
        ));
        self.out.push_str("</w:r>");
    }

    /// The table of contents: a Word field marked for updating, whose
    /// current result lists the headings (Word adds the page numbers).
    fn toc(&mut self, headings: &[Entry], title: &str) {
        self.out.push_str(&format!(
            r#"<w:p><w:pPr><w:pStyle w:val="TOCHeading"/></w:pPr><w:r><w:t xml:space="preserve">{}</w:t></w:r></w:p>"#,
            escape(title)
        ));
        let field_start = r#"<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \o "1-1" \h \z \u </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>"#;
        if headings.is_empty() {
            self.out.push_str(&format!(
                r#"<w:p><w:pPr><w:pStyle w:val="TOC1"/></w:pPr>{field_start}<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>"#
            ));
            return;
        }
        for (n, heading) in headings.iter().enumerate() {
            self.out
                .push_str(r#"<w:p><w:pPr><w:pStyle w:val="TOC1"/></w:pPr>"#);
            if n == 0 {
                self.out.push_str(field_start);
            }
            self.out.push_str(&format!(
                r#"<w:r><w:t xml:space="preserve">{}</w:t></w:r>"#,
                escape(&heading.text)
            ));
            if n + 1 == headings.len() {
                self.out
                    .push_str(r#"<w:r><w:fldChar w:fldCharType="end"/></w:r>"#);
            }
            self.out.push_str("</w:p>");
        }
    }

    /// A review note: a Word comment anchored on its article's heading, or,
    /// with no heading before it, a quotation in the text (never dropped).
    fn comment(&mut self, blocks: &[Block]) {
        let Some(id) = self.pending_comment.take() else {
            let (keep, title_page) = (self.keep, self.title_page);
            for block in blocks {
                match block {
                    Block::Paragraph { runs, .. } => self.paragraph(
                        runs,
                        Para {
                            style: "Quote",
                            ..Para::default()
                        },
                    ),
                    Block::List { numbering, items } => {
                        for runs in labelled_items(*numbering, items, self.lang) {
                            self.paragraph(
                                &runs,
                                Para {
                                    style: "Quote",
                                    ..Para::default()
                                },
                            );
                        }
                    }
                    Block::Lang(lang) => self.lang = *lang,
                    _ => {}
                }
            }
            (self.keep, self.title_page) = (keep, title_page);
            return;
        };
        let mut note = Body {
            out: String::new(),
            comments: Vec::new(),
            revision: self.revision,
            author: self.author.clone(),
            date: self.date.clone(),
            lang: self.lang,
            document_lang: self.document_lang,
            paper: self.paper,
            pending_comment: None,
            keep: false,
            keep_next: false,
            title_page: false,
            cell_width: self.cell_width,
            in_cell: false,
            nesting: 1,
        };
        for block in blocks {
            match block {
                Block::Paragraph { runs, .. }
                | Block::Heading { runs, .. }
                | Block::Title(runs) => note.paragraph(
                    runs,
                    Para {
                        style: "CommentText",
                        ..Para::default()
                    },
                ),
                Block::List { numbering, items } => {
                    for runs in labelled_items(*numbering, items, note.lang) {
                        note.paragraph(
                            &runs,
                            Para {
                                style: "CommentText",
                                ..Para::default()
                            },
                        );
                    }
                }
                Block::Lang(lang) => note.lang = *lang,
                _ => {}
            }
        }
        if note.out.is_empty() {
            note.out
                .push_str(r#"<w:p><w:pPr><w:pStyle w:val="CommentText"/></w:pPr></w:p>"#);
        }
        self.revision = note.revision;
        if let Some(slot) = self.comments.get_mut(id) {
            *slot = note.out;
        }
    }
}

/// A list item with its bullet or number as text (« – », « 3. »), for a
/// paragraph style that has none of its own.
fn labelled_items(numbering: Numbering, items: &[Vec<Run>], lang: Lang) -> Vec<Vec<Run>> {
    item_labels(numbering, items, lang)
        .into_iter()
        .zip(items)
        .map(|(label, runs)| match numbering {
            Numbering::Bullets => prefixed("– ".to_string(), runs),
            _ => label.into_iter().chain(runs.iter().cloned()).collect(),
        })
        .collect()
}

/// The runs with `label` before the first one's text, in its style.
fn prefixed(label: String, runs: &[Run]) -> Vec<Run> {
    let mut out = runs.to_vec();
    match out.first_mut() {
        Some(first) => first.text.insert_str(0, &label),
        None => out.push(Run::new(label, crate::render::print::Style::Regular)),
    }
    out
}

/// `w:ins` or `w:del` when every run of a paragraph (or row) is one
/// insertion or one deletion.
fn whole_change(runs: &[Run]) -> Option<&'static str> {
    let text: Vec<&Run> = runs.iter().filter(|r| !r.text.trim().is_empty()).collect();
    let mark = text.first()?.mark;
    if !text.iter().all(|r| r.mark == mark) {
        return None;
    }
    match mark {
        Mark::Inserted => Some("w:ins"),
        Mark::Deleted => Some("w:del"),
        Mark::None => None,
    }
}
