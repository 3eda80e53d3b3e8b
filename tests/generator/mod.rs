//! The two fuzz harnesses, shared by the cargo-fuzz targets (`fuzz/`) and by
//! the corpus replay that `cargo test` runs (`tests/fuzz_corpus.rs`).
//!
//! - [`check_bytes`]: any bytes, read as a convention file: decoding, parsing,
//!   typing, validation, then a draft Markdown rendering of whatever parsed.
//! - [`render_generated`]: a convention built from the bytes by a generator —
//!   the management example with hostile text in every party and preamble
//!   field (control characters, right-to-left text, emoji, Markdown and
//!   template syntax, 10,000-character names) and lists from empty to the
//!   1,000-entry limit — rendered to Markdown and to PDF.
//!
//! Both panic only on a bug: a panic inside pacte, a template that fails on
//! typed input, or a PDF error other than an unprintable character.

#![allow(dead_code)]

use pacte::check::{CheckOptions, check_text};
use pacte::render::{self, PdfOptions, RenderOptions};
use pacte::{ClauseLibrary, Lang};
use std::sync::OnceLock;

fn library() -> &'static ClauseLibrary {
    static LIBRARY: OnceLock<ClauseLibrary> = OnceLock::new();
    LIBRARY.get_or_init(|| match ClauseLibrary::bundled(Lang::Fr) {
        Ok(l) => l,
        Err(_) => panic!("the bundled library loads"),
    })
}

fn example() -> &'static toml::Table {
    static EXAMPLE: OnceLock<toml::Table> = OnceLock::new();
    EXAMPLE.get_or_init(|| {
        include_str!("../../examples/gestion-base-plein-air.toml")
            .parse()
            .unwrap_or_else(|e| panic!("the example parses: {e}"))
    })
}

/// Any bytes as a convention file.
pub fn check_bytes(data: &[u8]) {
    let lang = if data.first().is_some_and(|b| b & 1 == 1) {
        Lang::En
    } else {
        Lang::Fr
    };
    let options = CheckOptions {
        lang,
        validate: pacte::validate::Options {
            final_check: data.first().is_some_and(|b| b & 2 == 2),
            ..Default::default()
        },
        ..Default::default()
    };
    let text = match pacte::convention::decode(data.to_vec(), lang) {
        Ok(text) => text,
        Err(_) => return,
    };
    let checked = check_text("fuzz.toml", text, library(), &options);
    write_every_format(&checked.report, lang);
    if let Some(conv) = &checked.convention {
        let draft = RenderOptions {
            draft: true,
            annotate: true,
            ..Default::default()
        };
        if let Err(e) = render::markdown(conv, library(), &checked.report, &draft) {
            panic!("a typed convention failed to render: {e}");
        }
    }
}

/// Prints the report as `pacte check` can: rustc-style text (source
/// snippets cut at spans, the likeliest place for a slicing panic), JSON,
/// SARIF and GitHub annotations.
fn write_every_format(report: &pacte::diag::FileReport, lang: Lang) {
    use pacte::diag::{github, human, json, sarif};
    let reports = std::slice::from_ref(report);
    let mut out = Vec::new();
    let written = human::write_report(&mut out, report, lang, true)
        .and_then(|()| json::write(&mut out, reports))
        .and_then(|()| sarif::write(&mut out, reports, lang))
        .and_then(|()| github::write(&mut out, reports));
    if let Err(e) = written {
        panic!("writing a report to memory failed: {e}");
    }
}

/// Reads generator decisions from the fuzz input; zeros once it runs out.
struct Input<'a> {
    data: &'a [u8],
}

impl Input<'_> {
    fn byte(&mut self) -> u8 {
        match self.data.split_first() {
            Some((b, rest)) => {
                self.data = rest;
                *b
            }
            None => 0,
        }
    }

    /// A piece of hostile text; `long` allows the 10,000-character name.
    fn piece(&mut self, long: bool) -> String {
        const PIECES: &[&str] = &[
            "Ville",
            "l'Association",
            " ",
            "\u{a0}",
            "\u{202f}",
            "\t",
            "\n",
            "\r\n",
            "\u{0}",
            "\u{7}",
            "\u{1b}[31m",
            "\u{7f}",
            "\u{200b}",
            "\u{feff}",
            "مرحبا بالعالم",
            "שלום",
            "\u{202e}gnp.exe",
            "🤝",
            "👩\u{200d}👩\u{200d}👧",
            "e\u{301}",
            "# Titre",
            "## Article 99",
            "| a | b |",
            "---",
            "* puce",
            "1. liste",
            "> citation",
            "**gras**",
            "_souligné_",
            "`code`",
            "[lien](http://x)",
            "<script>alert(1)</script>",
            "<!-- pagebreak -->",
            "<del>",
            "<ins>x</ins>",
            "{{ 7*7 }}",
            "{% include '../../etc/passwd' %}",
            "{# commentaire #}",
            "\\",
            "\"",
            "« »",
            "’",
            "…",
            "ǅ",
            "ﬁ",
            "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
            "中文",
            "Ω",
        ];
        let b = self.byte();
        match b {
            // A 10,000-character name.
            250..=255 if long => "Nom très long ".repeat(715),
            200..=249 => char::from_u32(u32::from(self.byte()) << 8 | u32::from(self.byte()))
                .map_or_else(String::new, String::from),
            _ => PIECES[usize::from(b) % PIECES.len()].to_string(),
        }
    }

    /// A short hostile text: up to five pieces.
    fn text(&mut self) -> String {
        let n = self.byte() % 6;
        (0..n).map(|_| self.piece(false)).collect()
    }

    /// A name: like [`Input::text`], but may be 10,000 characters long.
    fn name(&mut self) -> String {
        let n = self.byte() % 3;
        (0..n).map(|_| self.piece(true)).collect()
    }

    /// A list length: mostly small, sometimes empty, sometimes at the limit.
    fn length(&mut self) -> usize {
        match self.byte() {
            0..=15 => 0,
            16..=239 => usize::from(self.byte() % 8) + 1,
            240..=251 => 200,
            _ => pacte::convention::MAX_LIST_ITEMS,
        }
    }
}

/// The management example with generated text and list lengths.
pub fn generate(data: &[u8]) -> String {
    let mut input = Input { data };
    let mut conv = example().clone();
    let set = |table: Option<&mut toml::Value>, key: &str, value: toml::Value| {
        if let Some(toml::Value::Table(t)) = table {
            t.insert(key.to_string(), value);
        }
    };
    if let Some(toml::Value::Array(parties)) = conv.get_mut("parties") {
        for party in parties.iter_mut() {
            if input.byte() & 1 == 1 {
                set(Some(party), "name", input.name().into());
            }
            for key in ["short_name", "address", "constituted_under"] {
                if input.byte() & 1 == 1 {
                    set(Some(party), key, input.text().into());
                }
            }
        }
    }
    if input.byte() & 1 == 1 {
        set(conv.get_mut("convention"), "title", input.text().into());
    }
    let clauses = conv.get_mut("clauses");
    if let Some(toml::Value::Table(clauses)) = clauses {
        let n = input.length();
        let recitals: Vec<toml::Value> = (0..n).map(|_| input.text().into()).collect();
        set(clauses.get_mut("preambule"), "recitals", recitals.into());
        for key in ["problem", "mission", "why_together", "object"] {
            if input.byte() & 1 == 1 {
                set(clauses.get_mut("preambule"), key, input.text().into());
            }
        }
        let n = input.length();
        let definitions: Vec<toml::Value> = (0..n)
            .map(|_| {
                let mut d = toml::Table::new();
                d.insert("term".into(), input.text().into());
                d.insert("meaning".into(), input.text().into());
                d.into()
            })
            .collect();
        set(
            clauses.get_mut("parties"),
            "definitions",
            definitions.into(),
        );
    }
    toml::to_string(&conv).unwrap_or_else(|e| panic!("a generated table serialises: {e}"))
}

/// A generated convention rendered to Markdown and to PDF.
pub fn render_generated(data: &[u8]) {
    let lang = if data.last().is_some_and(|b| b & 1 == 1) {
        Lang::En
    } else {
        Lang::Fr
    };
    let text = generate(data);
    let checked = check_text("generated.toml", text, library(), &CheckOptions::default());
    let Some(conv) = &checked.convention else {
        panic!(
            "a generated convention parses: {:?}",
            checked.report.diagnostics
        );
    };
    // Generated text may be empty or blank, which the checker reports; the
    // draft rendering must still succeed.
    let options = RenderOptions {
        lang: Some(lang),
        draft: checked.has_errors(),
        ..Default::default()
    };
    if let Err(e) = render::markdown(conv, library(), &checked.report, &options) {
        panic!("markdown: {e}");
    }
    let pdf_options = PdfOptions {
        paper: None,
        timestamp: 1_798_761_600,
    };
    // The printed document every printer reads, built once: typeset, and
    // printed as HTML and Word, whatever the text.
    let (printed, info) = render::printed(conv, library(), &checked.report, &options, pdf_options)
        .unwrap_or_else(|e| panic!("printed: {e}"));
    match render::pdf::typeset(&printed, &info) {
        Ok(bytes) => assert!(bytes.starts_with(b"%PDF")),
        // An emoji or a script the embedded fonts lack is refused by name.
        Err(render::pdf::PdfError::Undrawable { .. }) => {}
        Err(e) => panic!("pdf: {}", e.describe(lang)),
    }
    let html = render::html::write(&printed, &info);
    assert!(html.ends_with("</html>\n"));
    let docx = render::docx::Revisions {
        author: "pacte".into(),
        track: false,
    };
    if let Err(e) = render::docx::write(&printed, &info, &docx) {
        panic!("docx: {}", e.describe(lang));
    }
}

/// Arbitrary text two ways: as the Markdown of a printed edition (read
/// strictly into the document tree, then printed as HTML and Word, never a
/// panic), and as a value (escaped, read back: the same characters, as
/// `escape_markdown` keeps them: one line, single spaces).
pub fn print_tree(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    if let Ok(printed) = render::print::read(&text, Lang::Fr) {
        let info = render::print::PrintInfo {
            title: text.chars().take(80).collect(),
            ..render::print::PrintInfo::bare(Lang::Fr, render::print::Paper::A4)
        };
        assert!(render::html::write(&printed, &info).ends_with("</html>\n"));
        let revisions = render::docx::Revisions {
            author: "pacte".into(),
            track: false,
        };
        assert!(render::docx::write(&printed, &info, &revisions).is_ok());
        markdown_reads_back(&printed, &info);
    }
    value_reads_as_typed(&text);
}

/// The Markdown printer's text reads back as the tree's: every block's
/// characters, in order (the contents, made from the headings, set aside).
pub fn markdown_reads_back(printed: &render::print::Printed, info: &render::print::PrintInfo) {
    use render::print::Block;
    fn without_contents(blocks: &[Block]) -> Vec<Block> {
        blocks
            .iter()
            .filter(|b| !matches!(b, Block::Contents))
            .map(|b| match b {
                Block::TitlePage(inner) => Block::TitlePage(without_contents(inner)),
                Block::Keep(inner) => Block::Keep(without_contents(inner)),
                Block::Note(inner) => Block::Note(without_contents(inner)),
                Block::Columns { rule, left, right } => Block::Columns {
                    rule: *rule,
                    left: without_contents(left),
                    right: without_contents(right),
                },
                other => other.clone(),
            })
            .collect()
    }
    let printed = render::print::Printed {
        lang: printed.lang,
        blocks: without_contents(&printed.blocks),
    };
    let markdown = render::md::write(&printed, info);
    let readable: String = markdown
        .lines()
        .filter(|l| !l.trim_start_matches("> ").starts_with("<a id=\""))
        .map(|l| format!("{l}\n"))
        .collect();
    let back = render::print::read(&readable, printed.lang)
        .unwrap_or_else(|e| panic!("{e:?}: the Markdown printed does not read:\n{markdown}"));
    let texts = |p: &render::print::Printed| {
        let mut out = Vec::new();
        render::print::tree::each_run(p, &mut |runs, _, _| {
            let text = render::print::tree::plain(runs);
            // Markdown keeps no space at a block's ends, nor an empty block.
            let text = text.trim_matches([' ', '\t']).to_string();
            if !text.is_empty() {
                out.push(text)
            }
        });
        out
    };
    assert_eq!(texts(&back), texts(&printed), "{markdown}");
}

/// A value escaped for a template reads back as the same characters, in
/// French typography (its spaces before `; ! ? :`, its apostrophes).
pub fn value_reads_as_typed(value: &str) {
    let escaped = render::escape_markdown(value);
    let printed = render::print::read(&escaped, Lang::Fr)
        .unwrap_or_else(|e| panic!("{value:?} → {escaped:?}: {e:?}"));
    let read: Vec<String> = printed
        .blocks
        .iter()
        .map(|b| match b {
            render::print::Block::Paragraph { runs, quote: false } => {
                runs.iter().map(|r| r.text.as_str()).collect()
            }
            other => panic!("{value:?} → {escaped:?} made {other:?}"),
        })
        .collect();
    // One run of text, whatever line breaks the value held.
    let line = value
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(|c: char| c.is_control(), " ")
        .trim_matches(' ')
        .to_string();
    let expected: Vec<String> = if line.is_empty() {
        Vec::new()
    } else {
        vec![render::french_typography(&line)]
    };
    assert_eq!(read, expected, "{value:?} → {escaped:?}");
}
