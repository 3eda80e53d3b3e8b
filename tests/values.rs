//! What a TOML value says is what every output prints, character for
//! character: no Markdown, HTML, character reference or layout marker in a
//! value is ever interpreted — in the Markdown, the PDF, the Word document
//! and the HTML page. Read back with tools that are not pacte's
//! (`pdftotext`, the zip crate).

use assert_cmd::Command;
use std::io::Read;
use std::path::Path;

const GESTION: &str = "examples/gestion-base-plein-air.toml";

/// The values, as typed in the TOML file.
const REFERENCE: &str = "CONV &lt;b&gt; 100 &rlm;200 &rlm;300 &lowbar;&lowbar;&lowbar;";
const NAME: &str = "Ville <!-- box --> **x** [a](b) &amp; <b>gras</b> &#x200F; `c` ~~d~~";
const PLACE: &str = "# Saint-Aurèle &ZeroWidthSpace;";

fn pacte() -> Command {
    let mut cmd = Command::cargo_bin("pacte").unwrap();
    cmd.env_remove("LANG")
        .env("NO_COLOR", "1")
        .env("SOURCE_DATE_EPOCH", "1798761600");
    cmd
}

/// The management example with hostile values, in `dir`.
fn hostile(dir: &Path) -> std::path::PathBuf {
    let text = std::fs::read_to_string(GESTION).unwrap();
    let toml_string = |s: &str| toml::Value::String(s.to_string()).to_string();
    let text = text
        .replacen(
            "reference = \"CONV-2027-014\"",
            &format!("reference = {}", toml_string(REFERENCE)),
            1,
        )
        .replacen(
            "name = \"Ville de Saint-Aurèle-du-Lac\"",
            &format!("name = {}", toml_string(NAME)),
            1,
        )
        .replacen(
            "place = \"Saint-Aurèle-du-Lac\"",
            &format!("place = {}", toml_string(PLACE)),
            1,
        );
    let path = dir.join("hostile.toml");
    std::fs::write(&path, text).unwrap();
    path
}

fn render(file: &Path, to: &str, out: &Path) {
    let result = pacte()
        .args(["render", "--to", to])
        .arg(file)
        .arg("-o")
        .arg(out)
        .output()
        .unwrap();
    assert!(
        result.status.success(),
        "render --to {to}: {}",
        String::from_utf8_lossy(&result.stderr)
    );
}

/// Whitespace collapsed, no-break spaces as spaces: justified lines and
/// French typography move spaces, never characters.
fn squeeze(text: &str) -> String {
    text.replace(['\u{a0}', '\u{202f}'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn assert_all_literal(output: &str, text: &str) {
    let text = squeeze(text);
    for value in [REFERENCE, NAME, PLACE] {
        assert!(
            text.contains(value),
            "{output} does not print `{value}` as typed:\n{text}"
        );
    }
}

#[test]
fn a_hostile_value_passes_the_final_check_as_the_text_it_prints() {
    let dir = tempfile::tempdir().unwrap();
    let file = hostile(dir.path());
    // Nothing in these values is hidden or a placeholder once printed as
    // typed, so the final check has nothing to say of them.
    let out = pacte()
        .args(["check", "--final", "--format", "json"])
        .arg(&file)
        .output()
        .unwrap();
    let json = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{json}");
}

#[test]
fn markdown_escapes_every_value() {
    let dir = tempfile::tempdir().unwrap();
    let file = hostile(dir.path());
    let out = dir.path().join("c.md");
    render(&file, "md", &out);
    let md = std::fs::read_to_string(&out).unwrap();
    // The Markdown holds the values escaped, exactly where Markdown would
    // read markup; a CommonMark reader with GitHub's extensions shows them
    // as typed, as text: no HTML, no link, no emphasis, no strikethrough.
    assert!(md.contains(r"CONV \&lt;b\&gt; 100 \&rlm;200"), "{md}");
    assert!(
        md.contains(r"Ville \<!-- box --> \*\*x\*\* [a\](b) \&amp; \<b>gras\</b>"),
        "{md}"
    );
    assert!(!md.contains("\u{200f}"));
    use pulldown_cmark::{Event, Options, Parser, Tag};
    let mut text = String::new();
    for event in Parser::new_ext(&md, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH) {
        match event {
            Event::Text(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak | Event::End(_) => text.push(' '),
            // The contents link each heading; nothing else links.
            Event::Start(Tag::Link { dest_url, .. }) if dest_url.starts_with('#') => {}
            Event::Start(Tag::Link { .. } | Tag::Strikethrough | Tag::Image { .. }) => {
                panic!("a value read as markup: {event:?}")
            }
            Event::Html(h) | Event::InlineHtml(h) => assert!(
                h.starts_with("<!-- Généré") || h.starts_with("<a id=\"") || &*h == "</a>",
                "a value read as HTML: {h}"
            ),
            _ => {}
        }
    }
    assert_all_literal("the Markdown", &text);
}

#[test]
fn the_pdf_prints_every_value_as_typed() {
    let dir = tempfile::tempdir().unwrap();
    let file = hostile(dir.path());
    let out = dir.path().join("c.pdf");
    render(&file, "pdf", &out);
    let text = std::process::Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&out)
        .arg("-")
        .output()
        .unwrap_or_else(|e| panic!("pdftotext is missing ({e}): run `bash .ci/test`"));
    let text = String::from_utf8(text.stdout).unwrap();
    assert_all_literal("the PDF", &text);
    // The whole document, signatures included: no marker in a value
    // swallowed the rest into a box.
    assert!(text.contains("EN FOI DE QUOI"));
}

#[test]
fn the_word_document_prints_every_value_as_typed() {
    let dir = tempfile::tempdir().unwrap();
    let file = hostile(dir.path());
    let out = dir.path().join("c.docx");
    render(&file, "docx", &out);
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&out).unwrap()).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    // The text of the runs, XML references decoded once, as Word reads them.
    let mut text = String::new();
    for piece in xml.split("<w:t xml:space=\"preserve\">").skip(1) {
        let run = piece.split("</w:t>").next().unwrap_or_default();
        text.push_str(
            &run.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&apos;", "'")
                .replace("&amp;", "&"),
        );
    }
    assert_all_literal("the Word document", &text);
    assert!(!xml.contains("<w:comment "), "no value opens a comment");
}

#[test]
fn the_html_page_prints_every_value_as_typed() {
    let dir = tempfile::tempdir().unwrap();
    let file = hostile(dir.path());
    let out = dir.path().join("c.html");
    render(&file, "html", &out);
    let html = std::fs::read_to_string(&out).unwrap();
    // Escaped once: a browser shows the characters typed.
    assert!(html.contains("CONV &amp;lt;b&amp;gt; 100 &amp;rlm;200 &amp;rlm;300"));
    assert!(html.contains(
        "Ville &lt;!-- box --&gt; **x** [a](b) &amp;amp; &lt;b&gt;gras&lt;/b&gt; &amp;#x200F; `c` ~~d~~"
    ));
    assert!(!html.contains("<b>gras"));
    assert!(!html.contains("<aside"), "no value opens a review note");
}

#[test]
fn a_blank_line_in_a_value_never_changes_the_documents_structure() {
    let dir = tempfile::tempdir().unwrap();
    let original = std::fs::read_to_string("examples/realisation-jardins.toml").unwrap();
    let broken = original
        .replacen("name = \"Martin Dubé\"", "name = \"Martin\\n\\nDubé\"", 1)
        .replacen(
            "fr = \"Bilan de la saison 2027\"",
            "fr = \"Bilan\\n\\n| z | y |\\n\\nde la saison 2027\"",
            1,
        );
    assert_ne!(broken, original);
    let page = |text: &str, name: &str| {
        let file = dir.path().join(format!("{name}.toml"));
        std::fs::write(&file, text).unwrap();
        let out = dir.path().join(format!("{name}.html"));
        render(&file, "html", &out);
        std::fs::read_to_string(out).unwrap()
    };
    let (before, after) = (page(&original, "original"), page(&broken, "broken"));
    let count = |html: &str, tag: &str| html.matches(tag).count();
    for tag in ["<p", "<li", "<tr", "<td", "<h2", "<table"] {
        assert_eq!(count(&before, tag), count(&after, tag), "{tag}");
    }
    assert!(after.contains("Martin Dubé"));
    assert!(after.contains("Bilan | z | y | de la saison 2027"));
}
