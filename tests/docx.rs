//! `pacte render --to docx` and `pacte diff --to docx`, read back with tools
//! that are not pacte's: pandoc (`bash .ci/test` installs it) for the text, the
//! tracked changes and the comments, and the zip crate with plain XML
//! searches for styles, tables, fields, languages and properties.

use assert_cmd::Command;
use std::io::Read;
use std::path::{Path, PathBuf};

const GESTION: &str = "examples/gestion-base-plein-air.toml";
const JARDINS: &str = "examples/realisation-jardins.toml";
const POPOTE: &str = "examples/entente-services-popote.toml";
const V2: &str = "tests/fixtures/diff/gestion-v2.toml";

fn pacte() -> Command {
    let mut cmd = Command::cargo_bin("pacte").unwrap();
    cmd.env_remove("LANG")
        .env("NO_COLOR", "1")
        .env("SOURCE_DATE_EPOCH", "1798761600");
    cmd
}

/// Runs pacte with `args` then `-o dir/name`; returns the output's path.
fn run_to(dir: &Path, name: &str, args: &[&str], expected: i32) -> PathBuf {
    let out = dir.join(name);
    let result = pacte()
        .args(args)
        .args(["-o", out.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(
        result.status.code(),
        Some(expected),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
    out
}

fn render(dir: &Path, name: &str, args: &[&str]) -> PathBuf {
    let mut all = vec!["render", "--to", "docx"];
    all.extend_from_slice(args);
    run_to(dir, name, &all, 0)
}

/// One part of the package, as text.
fn part(docx: &Path, name: &str) -> String {
    let file = std::fs::File::open(docx).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut entry = zip
        .by_name(name)
        .unwrap_or_else(|_| panic!("{name} is missing"));
    let mut text = String::new();
    entry.read_to_string(&mut text).unwrap();
    text
}

fn pandoc(docx: &Path, args: &[&str]) -> String {
    let out = std::process::Command::new("pandoc")
        .args(["-f", "docx", "--wrap=none"])
        .args(args)
        .arg(docx)
        .output()
        .unwrap_or_else(|e| panic!("pandoc is not installed ({e}): run the tests with `bash .ci/test`, which installs what they need, or `sudo apt-get install pandoc`"));
    assert!(
        out.status.success(),
        "pandoc failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

#[test]
fn the_management_convention_as_word_reads_like_its_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let docx = render(dir.path(), "g.docx", &[GESTION]);
    let text = pandoc(&docx, &["-t", "plain"]);
    // Article and paragraph numbers are text, as in the PDF and Markdown.
    for expected in [
        "Article 11 — Délibérations du Conseil",
        "11.2 Le quorum est de cinq membres",
        "Annexe C — Ventilation du budget",
        "EN FOI DE QUOI",
        "Nadine Lavoie",
    ] {
        assert!(text.contains(expected), "missing {expected:?}");
    }
    let document = part(&docx, "word/document.xml");
    // Real styles: one Heading 1 per article and part, body text, lists.
    let markdown = pacte().args(["render", GESTION]).output().unwrap().stdout;
    let markdown = String::from_utf8(markdown).unwrap();
    let articles = markdown
        .lines()
        .filter(|l| l.starts_with("## Article"))
        .count();
    assert!(articles >= 30, "{articles}");
    assert!(count(&document, r#"<w:pStyle w:val="Heading1"/>"#) > articles);
    assert!(count(&document, r#"<w:pStyle w:val="BodyText"/>"#) > 100);
    assert!(document.contains(r#"<w:pStyle w:val="ListBullet"/>"#));
    assert!(document.contains(r#"<w:pStyle w:val="Title"/>"#));
    // « Article 1er » with a real superscript.
    assert!(document.contains(
        r#"<w:vertAlign w:val="superscript"/></w:rPr><w:t xml:space="preserve">er</w:t>"#
    ));
    // The annexes' tables repeat their header row and never split a row;
    // amounts flush right.
    assert_eq!(count(&document, "<w:tblHeader/>"), 4, "four annex tables");
    assert!(document.contains(r#"<w:jc w:val="right"/>"#));
    // The signature blocks: two by two in a table whose rows never split.
    assert_eq!(
        count(&document, r#"<w:tblStyle w:val="SignatureGrid"/>"#),
        2
    );
    // The contents: Word's TOC field over the headings, marked for update.
    assert!(document.contains(r#"TOC \o "1-1" \h \z \u"#));
    assert!(document.contains(r#"w:dirty="true""#));
    // Letter paper for a convention in dollars, the PDF's margins.
    assert!(document.contains(r#"<w:pgSz w:w="12240" w:h="15840"/>"#));
    // The language on every style, Canadian French.
    let styles = part(&docx, "word/styles.xml");
    assert!(styles.contains(r#"<w:lang w:val="fr-CA""#), "{styles}");
    for style in [
        "Heading1",
        "BodyText",
        "ListBullet",
        "Quote",
        "TableText",
        "Signature",
    ] {
        assert!(
            styles.contains(&format!(r#"w:styleId="{style}""#)),
            "{style}"
        );
    }
    // The running header, the footer with page X of Y and the fingerprint.
    assert!(part(&docx, "word/header1.xml").contains("Base de plein air du lac des Hérons"));
    let footer = part(&docx, "word/footer1.xml");
    for expected in ["CONV-2027-014", " PAGE ", " NUMPAGES ", "Page ", " de "] {
        assert!(footer.contains(expected), "{expected:?} in {footer}");
    }
    // Document properties: title, author (the parties), keywords, language.
    let core = part(&docx, "docProps/core.xml");
    for expected in [
        "<dc:title>Convention de partenariat de gestion de la base de plein air du lac des Hérons</dc:title>",
        "Ville de Saint-Aurèle-du-Lac",
        "CONV-2027-014",
        "pacte-fingerprint:",
        "<dc:language>fr-CA</dc:language>",
        "2027-01-01T00:00:00Z",
    ] {
        assert!(core.contains(expected), "{expected:?} in {core}");
    }
    // No comments, no tracked changes in a plain rendering.
    assert!(!document.contains("<w:ins "));
    assert!(!part(&docx, "word/settings.xml").contains("trackRevisions"));
}

#[test]
fn the_same_input_gives_the_same_bytes_and_a_euro_convention_is_on_a4() {
    let dir = tempfile::tempdir().unwrap();
    let a = render(dir.path(), "a.docx", &[GESTION]);
    let b = render(dir.path(), "b.docx", &[GESTION]);
    assert_eq!(std::fs::read(a).unwrap(), std::fs::read(b).unwrap());
    let euro = dir.path().join("euro.toml");
    std::fs::write(
        &euro,
        std::fs::read_to_string(GESTION)
            .unwrap()
            .replace("currency = \"CAD\"", "currency = \"EUR\""),
    )
    .unwrap();
    let docx = render(dir.path(), "euro.docx", &[euro.to_str().unwrap()]);
    let document = part(&docx, "word/document.xml");
    assert!(document.contains(r#"<w:pgSz w:w="11906" w:h="16838"/>"#));
    assert!(part(&docx, "word/styles.xml").contains(r#"<w:lang w:val="fr-FR""#));
    // --paper still decides.
    let docx = render(
        dir.path(),
        "letter.docx",
        &[euro.to_str().unwrap(), "--paper", "letter"],
    );
    assert!(part(&docx, "word/document.xml").contains(r#"<w:pgSz w:w="12240""#));
}

/// The Word redline is the whole new version with each change tracked:
/// pandoc accepting every change reads the new version's text, rejecting
/// every change the old one's, word for word from the parties on; each
/// change is by the author asked for.
#[test]
fn the_redline_is_the_new_version_with_word_tracked_changes() {
    let dir = tempfile::tempdir().unwrap();
    let docx = run_to(
        dir.path(),
        "r.docx",
        &[
            "diff",
            GESTION,
            V2,
            "--to",
            "docx",
            "--author",
            "Me Tremblay",
        ],
        1,
    );
    let ast: serde_json::Value =
        serde_json::from_str(&pandoc(&docx, &["-t", "json", "--track-changes=all"])).unwrap();
    let mut changes: Vec<(String, String, String)> = Vec::new();
    collect_changes(&ast, &mut changes);
    assert!(changes.len() > 20, "{changes:?}");
    assert!(changes.iter().all(|(_, author, _)| author == "Me Tremblay"));
    let has = |kind: &str, text: &str| changes.iter().any(|(k, _, t)| k == kind && t == text);
    assert!(
        has("deletion", "cinq") && has("insertion", "six"),
        "{changes:?}"
    );
    // From the parties on, accepting all is the new version, rejecting all
    // the old. (pandoc leaves a paragraph added whole as an empty bullet
    // when rejecting it, where Word removes it with its tracked paragraph
    // mark; its tables' rules follow the columns' widths.)
    let body = |text: &str| -> String {
        let from = text.find("ENTRE").expect("the parties");
        text[from..]
            .split_whitespace()
            .filter(|w| !w.chars().all(|c| matches!(c, '-' | '+' | '|' | '=')))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let version = |file: &str| {
        let docx = render(dir.path(), "v.docx", &[file, "--force"]);
        body(&pandoc(&docx, &["-t", "plain"]))
    };
    let accepted = body(&pandoc(&docx, &["-t", "plain", "--track-changes=accept"]));
    let rejected = body(&pandoc(&docx, &["-t", "plain", "--track-changes=reject"]));
    assert_eq!(accepted, version(V2));
    // Rejected, the old words are all back, in the new version's layout
    // (its signature blocks paired two by two as the new version pairs them).
    let sorted = |text: String| {
        let mut words: Vec<String> = text.split(' ').map(str::to_string).collect();
        words.sort();
        words
    };
    assert_eq!(sorted(rejected), sorted(version(GESTION)));
    // The summary comes first, as in the Markdown comparison.
    let summary = pandoc(&docx, &["-t", "plain", "--track-changes=accept"]);
    assert!(summary.contains("Résumé des modifications"));
    assert!(
        summary.contains("modification suivie"),
        "the legend speaks of tracked changes"
    );
    // The lawyer's own edits go on being tracked.
    assert!(part(&docx, "word/settings.xml").contains("<w:trackRevisions/>"));
    let document = part(&docx, "word/document.xml");
    assert!(document.contains(r#"w:author="Me Tremblay" w:date="2027-01-01T00:00:00Z""#));
    // A paragraph added whole is added with its paragraph mark: rejecting
    // it leaves no empty bullet.
    assert!(document.contains(r#"<w:rPr><w:ins w:id="#));
}

/// Markdown's marks and escapes and pandoc's spaces made comparable.
fn plain(s: &str) -> String {
    s.replace(['*', '\\'], "")
        .replace(['\u{a0}', '\u{202f}'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// pandoc's JSON: each `Span` of class `insertion` or `deletion`, with its
/// author and text.
fn collect_changes(value: &serde_json::Value, out: &mut Vec<(String, String, String)>) {
    match value {
        serde_json::Value::Object(map) => {
            if map.get("t").and_then(|t| t.as_str()) == Some("Span") {
                let c = &map["c"];
                let classes = c[0][1].as_array().unwrap();
                for kind in ["insertion", "deletion"] {
                    if classes.iter().any(|k| k == kind) {
                        let author = c[0][2]
                            .as_array()
                            .unwrap()
                            .iter()
                            .find(|kv| kv[0] == "author")
                            .map(|kv| kv[1].as_str().unwrap().to_string())
                            .unwrap_or_default();
                        let mut text = String::new();
                        inline_text(&c[1], &mut text);
                        out.push((kind.to_string(), author, text));
                        return;
                    }
                }
            }
            map.values().for_each(|v| collect_changes(v, out));
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| collect_changes(v, out)),
        _ => {}
    }
}

fn inline_text(value: &serde_json::Value, out: &mut String) {
    match value {
        serde_json::Value::Object(map) => match map.get("t").and_then(|t| t.as_str()) {
            Some("Str") => out.push_str(map["c"].as_str().unwrap()),
            Some("Space" | "SoftBreak" | "LineBreak") => out.push(' '),
            _ => {
                if let Some(c) = map.get("c") {
                    inline_text(c, out)
                }
            }
        },
        serde_json::Value::Array(items) => items.iter().for_each(|v| inline_text(v, out)),
        _ => {}
    }
}

#[test]
fn review_notes_are_comments_on_their_article_and_a_draft_is_marked() {
    let dir = tempfile::tempdir().unwrap();
    let docx = render(dir.path(), "a.docx", &[JARDINS, "--annotate", "--draft"]);
    let markdown = pacte()
        .args(["render", JARDINS, "--annotate", "--draft"])
        .output()
        .unwrap()
        .stdout;
    let notes = count(&String::from_utf8(markdown).unwrap(), "**Note de révision");
    assert!(notes > 5, "{notes}");
    let comments = part(&docx, "word/comments.xml");
    assert_eq!(count(&comments, "<w:comment "), notes);
    assert!(comments.contains("Raison d’être de la clause"));
    let document = part(&docx, "word/document.xml");
    assert_eq!(count(&document, "<w:commentReference "), notes);
    // pandoc sees each comment anchored on an article's heading.
    let md = pandoc(&docx, &["-t", "markdown", "--track-changes=all"]);
    let anchored = md
        .lines()
        .filter(|l| l.starts_with("# [") && l.contains(".comment-start"))
        .count();
    assert_eq!(anchored, notes);
    // The notes are not in the text the parties sign.
    assert!(!pandoc(&docx, &["-t", "plain"]).contains("Raison d’être"));
    // A draft says so in the header of every page.
    assert!(part(&docx, "word/header1.xml").contains("PROJET"));
}

#[test]
fn a_bilingual_edition_sets_the_languages_side_by_side_each_tagged() {
    let dir = tempfile::tempdir().unwrap();
    let docx = render(dir.path(), "b.docx", &[POPOTE, "--bilingual"]);
    let document = part(&docx, "word/document.xml");
    // French first (the document's language), English tagged on its runs.
    assert!(part(&docx, "word/styles.xml").contains(r#"<w:lang w:val="fr-CA""#));
    assert!(document.contains(r#"<w:lang w:val="en-CA"/>"#));
    assert!(count(&document, r#"<w:tblStyle w:val="Columns"/>"#) > 20);
    // A heading shares its cell with its text: not kept with the next
    // paragraph, so a long article's row runs on over the page.
    assert!(document.contains(r#"<w:pStyle w:val="Heading1"/><w:keepNext w:val="0"/>"#));
    let text = pandoc(&docx, &["-t", "plain"]);
    assert!(text.contains("Article 4 — Durée et renouvellement"));
    assert!(text.contains("Article 4 — Term and renewal"));
    // The contents join each article's two headings.
    assert!(
        plain(&document)
            .contains("Article 4 — Durée et renouvellement / Article 4 — Term and renewal"),
        "{document}"
    );
    // The footer's page label is the bilingual PDF's « 3 / 14 ».
    let footer = part(&docx, "word/footer1.xml");
    assert!(
        footer.contains(r#"<w:t xml:space="preserve"> / </w:t>"#),
        "{footer}"
    );
    assert!(!footer.contains("Page "));
}

#[test]
fn pacte_replaces_its_own_docx_but_not_one_a_word_processor_saved() {
    let dir = tempfile::tempdir().unwrap();
    let docx = render(dir.path(), "c.docx", &[GESTION]);
    // Its own: replaced without --force.
    render(dir.path(), "c.docx", &[GESTION]);
    // Re-saved by something else (a new archive without pacte's comment):
    // the lawyer's copy is theirs.
    let bytes = std::fs::read(&docx).unwrap();
    let mut resaved = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    for i in 0..archive.len() {
        let entry = archive.by_index_raw(i).unwrap();
        resaved.raw_copy_file(entry).unwrap();
    }
    std::fs::write(&docx, resaved.finish().unwrap().into_inner()).unwrap();
    let result = pacte()
        .args([
            "render",
            "--to",
            "docx",
            GESTION,
            "-o",
            docx.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_ne!(result.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&result.stderr).contains("--force"));
    render(dir.path(), "c.docx", &[GESTION, "--force"]);
}

#[test]
fn a_docx_is_never_sent_to_a_terminal_but_goes_down_a_pipe() {
    let out = pacte()
        .args(["render", "--to", "docx", GESTION])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(out.stdout.starts_with(b"PK\x03\x04"));
}

/// The DOCX in examples/docx/ is a sample a lawyer can open; it must be
/// exactly what the current code produces.
#[test]
fn the_bundled_example_docx_is_up_to_date() {
    let dir = tempfile::tempdir().unwrap();
    let fresh = render(dir.path(), "gestion.docx", &[GESTION]);
    let bundled = std::fs::read("examples/docx/gestion-base-plein-air.docx").unwrap_or_default();
    assert!(
        std::fs::read(fresh).unwrap() == bundled,
        "examples/docx/gestion-base-plein-air.docx is stale: regenerate it with\n  SOURCE_DATE_EPOCH=1798761600 cargo run -- render --to docx {GESTION} -o examples/docx/gestion-base-plein-air.docx --force"
    );
}

/// LibreOffice (`bash .ci/test` installs it) converts the Word document to PDF;
/// its text is pacte's own PDF's, word for word but for the furniture and
/// page numbers, which each lays out its own way.
#[test]
fn libreoffice_reads_the_text_pacte_typesets() {
    let dir = tempfile::tempdir().unwrap();
    let docx = render(dir.path(), "g.docx", &[GESTION]);
    let profile = dir.path().join("profile");
    let out = std::process::Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir.path())
        .arg(&docx)
        .output()
        .unwrap_or_else(|e| {
            panic!("LibreOffice is not installed ({e}): run the tests with `bash .ci/test`, which installs what they need, or `sudo apt-get install --no-install-recommends libreoffice-writer-nogui`")
        });
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = |pdf: &Path| {
        let out = std::process::Command::new("pdftotext")
            .arg(pdf)
            .arg("-")
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let words = |text: &str| -> std::collections::BTreeMap<String, usize> {
        let mut counts = std::collections::BTreeMap::new();
        for word in text
            .replace("-\n", "")
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.len() > 2 && !w.chars().all(|c| c.is_ascii_digit()))
        {
            *counts.entry(word.to_string()).or_insert(0) += 1;
        }
        counts
    };
    let theirs = words(&text(&dir.path().join("g.pdf")));
    let ours = words(&text(Path::new("examples/pdf/gestion-base-plein-air.pdf")));
    let total: usize = ours.values().sum();
    let shared: usize = ours
        .iter()
        .map(|(w, n)| (*n).min(theirs.get(w).copied().unwrap_or(0)))
        .sum();
    assert!(
        shared as f64 / total as f64 > 0.95,
        "{shared} of {total} words in common"
    );
    for heading in ["Délibérations", "Ventilation", "Signatures", "quorum"] {
        assert!(theirs.contains_key(heading), "{heading}");
    }
}
