//! The Markdown edition is the printed document: every bundled example,
//! in each of its editions, prints as Markdown that reads back as the very
//! blocks, text and emphasis the PDF, the Word document and the HTML page
//! print; and no clause template joins two paragraphs by mistake.

use pacte::check::{CheckOptions, check_text};
use pacte::render::print::{Mark, Printed, Style, read, tree::each_run};
use pacte::render::{self, Editions, PdfOptions, RenderOptions};
use pacte::{ClauseLibrary, Lang};

fn library() -> ClauseLibrary {
    ClauseLibrary::bundled(Lang::Fr).unwrap()
}

fn examples() -> Vec<(String, String)> {
    let mut paths: Vec<_> = std::fs::read_dir("examples")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            (
                p.to_string_lossy().into_owned(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect()
}

const PAGE: PdfOptions = PdfOptions {
    paper: None,
    timestamp: 0,
};

/// Every edition of every example, as printed: each language it is
/// written in, draft and annotated, and both languages side by side.
fn editions(library: &ClauseLibrary) -> Vec<(String, Printed, pacte::render::print::PrintInfo)> {
    let mut out = Vec::new();
    for (file, text) in examples() {
        let bilingual = text.contains("languages = [\"fr\", \"en\"]");
        let langs: &[Lang] = if bilingual {
            &[Lang::Fr, Lang::En]
        } else {
            &[Lang::Fr]
        };
        for &lang in langs {
            for (draft, annotate) in [(false, false), (true, true)] {
                let options = CheckOptions {
                    edition: Some(lang),
                    ..Default::default()
                };
                let checked = check_text(&file, text.clone(), library, &options);
                let conv = checked.convention.as_ref().unwrap();
                let render_options = RenderOptions {
                    lang: Some(lang),
                    draft,
                    annotate,
                    ..Default::default()
                };
                let (printed, info) =
                    render::printed(conv, library, &checked.report, &render_options, PAGE).unwrap();
                out.push((format!("{file} {lang:?} draft={draft}"), printed, info));
            }
        }
        if bilingual {
            let options = CheckOptions {
                edition: Some(Lang::Fr),
                second_edition: Some(Lang::En),
                ..Default::default()
            };
            let checked = check_text(&file, text.clone(), library, &options);
            let (conv, second) = (
                checked.convention.as_ref().unwrap(),
                checked.second.as_ref().unwrap(),
            );
            let render_options = RenderOptions {
                lang: Some(Lang::Fr),
                bilingual: true,
                ..Default::default()
            };
            let editions = Editions::Two([(conv, Lang::Fr), (second, Lang::En)]);
            let (printed, info) =
                render::printed(editions, library, &checked.report, &render_options, PAGE).unwrap();
            out.push((format!("{file} bilingual"), printed, info));
        }
    }
    out
}

/// Each block's characters with their emphasis and mark, in reading order
/// (emphasis on a space is no emphasis: Markdown cannot show it).
fn characters(printed: &Printed) -> Vec<Vec<(char, Style, Mark)>> {
    let mut out = Vec::new();
    each_run(printed, &mut |runs, _, _| {
        out.push(
            runs.iter()
                .flat_map(|r| {
                    r.text.chars().map(|c| {
                        let style = if c.is_whitespace() {
                            Style::Regular
                        } else {
                            r.style
                        };
                        (c, style, r.mark)
                    })
                })
                .collect(),
        )
    });
    out
}

/// The Markdown as the printed edition's reader takes it: the anchors
/// (which only a viewer follows) and the contents (which the printers make
/// from the headings) set aside.
fn readable(markdown: &str, toc: &str) -> String {
    let mut out = String::new();
    let mut in_contents = false;
    for line in markdown.lines() {
        if line == format!("## {toc}") {
            in_contents = true;
            continue;
        }
        if in_contents {
            if line.is_empty() || line.starts_with("- [") {
                continue;
            }
            in_contents = false;
        }
        if line.starts_with("<a id=\"") {
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

#[test]
fn the_markdown_reads_back_as_the_printed_document() {
    let library = library();
    for (name, printed, info) in editions(&library) {
        let markdown = render::md::write(&printed, &info);
        let toc = render::print::page::in_both(&info, "Table des matières", "Contents");
        assert!(markdown.contains(&format!("## {toc}\n\n- [")), "{name}");
        let back = read(&readable(&markdown, &toc), printed.lang)
            .unwrap_or_else(|e| panic!("{name}: {e:?}\n{markdown}"));
        let (expected, found) = (characters(&printed), characters(&back));
        assert_eq!(found.len(), expected.len(), "{name}: blocks");
        for (a, b) in expected.iter().zip(&found) {
            let text = |v: &[(char, Style, Mark)]| v.iter().map(|x| x.0).collect::<String>();
            assert_eq!(text(b), text(a), "{name}");
            assert_eq!(b, a, "{name}: emphasis of « {} »", text(a));
        }
        // Every link of the contents has its anchor.
        for link in markdown.lines().filter_map(|l| l.strip_prefix("- [")) {
            let Some((_, target)) = link.rsplit_once("](#") else {
                continue;
            };
            let id = target.trim_end_matches(')');
            assert!(
                markdown.contains(&format!("<a id=\"{id}\"></a>\n\n## ")),
                "{name}: #{id}"
            );
        }
        // Paper only: nothing of the markers remains.
        assert!(!markdown.contains("<!--"), "{name}");
    }
}

/// A paragraph of a clause is one paragraph: a template line that ends
/// with a block tag (`{% endif %}`) loses the newline after it, and the
/// next paragraph runs into this one under its number (« 29.1 …
/// indépendance. La présente convention, y compris … »).
#[test]
fn no_paragraph_of_an_example_runs_into_the_next() {
    let library = library();
    for (file, text) in examples() {
        for lang in [Lang::Fr, Lang::En] {
            let options = CheckOptions {
                edition: Some(lang),
                ..Default::default()
            };
            let checked = check_text(&file, text.clone(), &library, &options);
            let conv = checked.convention.as_ref().unwrap();
            let render_options = RenderOptions {
                lang: Some(lang),
                draft: true,
                annotate: true,
                ..Default::default()
            };
            let doc =
                render::build_document(conv, &library, &checked.report, &render_options).unwrap();
            let markdown = render::printed_markdown(&doc, &render_options).unwrap();
            let is_text = |l: &str| {
                !l.is_empty()
                    && !l.starts_with(['-', '|', '>', '#', '<'])
                    && !l.starts_with(|c: char| c.is_ascii_digit() && l.contains(". "))
            };
            let lines: Vec<&str> = markdown.lines().collect();
            for pair in lines.windows(2) {
                assert!(
                    !(is_text(pair[0]) && is_text(pair[1])),
                    "{file} {lang:?}: one paragraph runs into the next:\n{}\n{}",
                    pair[0],
                    pair[1]
                );
            }
        }
    }
}

#[path = "generator/mod.rs"]
mod generator;

/// Printed documents read from Markdown made of the pieces that trip a
/// Markdown writer (delimiters, brackets, entities, a line's first
/// character, tags, markers), printed back to Markdown: the same text
/// (the fuzz target `print_tree` does the same on any bytes).
#[test]
fn markdown_made_of_tricky_pieces_prints_back_as_its_text() {
    let pieces = [
        "a",
        "b",
        " ",
        "*",
        "**",
        "_",
        "__",
        "[",
        "]",
        "(",
        ")",
        "#",
        "-",
        "+",
        "1.",
        "2)",
        ">",
        "<",
        "&",
        "amp;",
        "#x41;",
        "\\",
        "`",
        "~",
        "|",
        "!",
        ":",
        "\n",
        "\n\n",
        "<ins>",
        "</ins>",
        "<del>",
        "</del>",
        "« ",
        " »",
        "é",
        "=",
        "\u{a0}",
        ".",
        "0",
        "9",
        "## ",
        "# ",
        "<!-- box -->\n\n",
        "<!-- /box -->\n\n",
        "<!-- toc -->\n\n",
        "<!-- anchor x -->\n\n",
        "| a | b |\n|---|---:|\n| c | d |\n\n",
    ];
    // A fixed sequence (xorshift): the same inputs on every run.
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..3000 {
        let n = (next() % 32) as usize + 1;
        let text: String = (0..n)
            .map(|_| pieces[(next() % pieces.len() as u64) as usize])
            .collect();
        generator::print_tree(text.as_bytes());
    }
}
