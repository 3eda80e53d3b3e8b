//! Every script the parties write: a convention naming parties, a person, a
//! street and a neighbourhood in Arabic beside their transcriptions, checked
//! and rendered to Markdown, PDF (read back with poppler) and DOCX.

use assert_cmd::Command;
use std::io::Read;
use std::path::Path;

const ARABIC: &str = "tests/fixtures/scripts/arabic-names.toml";
const NAMES: [&str; 5] = [
    "تعاونية الأمل",
    "كريم بنجلون",
    "فاطمة الزهراء العمراني",
    "شارع سان جان",
    "حي الحدائق",
];

fn pacte() -> Command {
    let mut cmd = Command::cargo_bin("pacte").unwrap();
    cmd.env_remove("LANG")
        .env("NO_COLOR", "1")
        .env("SOURCE_DATE_EPOCH", "1798761600");
    cmd
}

fn render(dir: &Path, to: &str) -> std::path::PathBuf {
    render_file(dir, Path::new(ARABIC), to)
}

/// Renders `file` to `dir/<its name>.<to>`.
fn render_file(dir: &Path, file: &Path, to: &str) -> std::path::PathBuf {
    let out = dir.join(file.with_extension(to).file_name().unwrap());
    let run = pacte()
        .args([
            "render",
            "--to",
            to,
            file.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    out
}

/// The fixture with each `(from, to)` replaced, written to `dir/name`;
/// a replacement that finds nothing fails the test.
fn variant(dir: &Path, name: &str, replacements: &[(&str, &str)]) -> std::path::PathBuf {
    let mut text = std::fs::read_to_string(ARABIC).unwrap();
    for (from, to) in replacements {
        assert!(text.contains(from), "{from} is not in the fixture");
        text = text.replace(from, to);
    }
    let file = dir.join(name);
    std::fs::write(&file, text).unwrap();
    file
}

fn tool(name: &str, args: &[&str], file: &Path) -> String {
    let out = std::process::Command::new(name)
        .args(args)
        .arg(file)
        .args(if name == "pdftotext" {
            vec!["-"]
        } else {
            vec![]
        })
        .output()
        .unwrap_or_else(|e| panic!("{name} is not installed ({e}): run the tests with `bash .ci/test`, which installs what they need, or `sudo apt-get install poppler-utils`"));
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn names_with_their_transcriptions_check_clean_and_markdown_keeps_them_as_typed() {
    let run = pacte().args(["check", "--final", ARABIC]).output().unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stdout)
    );
    let text = String::from_utf8(run.stdout).unwrap();
    assert!(!text.contains("P097") && !text.contains("P082"), "{text}");
    let md = pacte().args(["render", ARABIC]).output().unwrap();
    let md = String::from_utf8(md.stdout).unwrap();
    for name in NAMES {
        assert!(md.contains(name), "{name}");
    }
    // No direction marks added to the text.
    assert!(!md.contains(['\u{200e}', '\u{200f}', '\u{202b}', '\u{202c}']));
}

#[test]
fn the_pdf_embeds_the_arabic_face_and_gives_every_name_back_in_logical_order() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = render(dir.path(), "pdf");
    let fonts = tool("pdffonts", &[], &pdf);
    let arabic = fonts
        .lines()
        .find(|l| l.contains("NotoNaskhArabic"))
        .unwrap_or_else(|| panic!("{fonts}"));
    // Embedded and subset (`ABCDEF+` prefix, emb yes, sub yes).
    assert!(
        arabic.contains('+') && arabic.contains("yes yes yes"),
        "{arabic}"
    );
    // pdftotext reads each name as typed (poppler wraps right-to-left text
    // in embedding marks, which carry no letters).
    let text: String = tool("pdftotext", &[], &pdf)
        .chars()
        .filter(|c| !matches!(c, '\u{202a}'..='\u{202e}'))
        .collect();
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for name in &NAMES[..4] {
        assert!(text.contains(name), "{name} not in\n{text}");
    }
    // The neighbourhood's name falls across a line break: poppler reads
    // each line on its own; each word is there, as typed.
    for word in NAMES[4].split(' ') {
        assert!(text.contains(word), "{word}");
    }
    // The French around them is intact.
    assert!(text.contains("Karim Benjelloun"));
    assert!(text.contains("compte peu d’espaces verts"));
}

/// A name written with its vowel marks is drawn with them, and does not
/// change how the other names read back: a PDF maps each glyph to one
/// text, the same in every word. An Arabic short title is drawn in the
/// running header.
#[test]
fn vowel_marks_and_an_arabic_running_header_keep_every_name_readable() {
    let dir = tempfile::tempdir().unwrap();
    let file = variant(
        dir.path(),
        "harakat.toml",
        &[
            (
                "Fatima Zahra El Amrani (فاطمة الزهراء العمراني)",
                "Fatima Zahra El Amrani (فَاطِمَةُ الزَّهْرَاءِ العُمْرَانِيّ)",
            ),
            (
                "short_title = { fr = \"Jardins communautaires Saint-Jean\"",
                "short_title = { fr = \"Jardins حدائق الحي\"",
            ),
        ],
    );
    let pdf = render_file(dir.path(), &file, "pdf");
    let text: String = tool("pdftotext", &[], &pdf)
        .chars()
        .filter(|c| !matches!(c, '\u{202a}'..='\u{202e}'))
        .collect();
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for name in ["كريم بنجلون", "تعاونية الأمل", "شارع سان جان"] {
        assert!(text.contains(name), "{name}");
    }
    // The running header of every page after the title page.
    assert!(text.matches("Jardins حدائق الحي").count() >= 5, "{text}");
}

#[test]
fn the_docx_marks_right_to_left_runs_and_their_face_for_word_to_shape() {
    let dir = tempfile::tempdir().unwrap();
    let docx = render(dir.path(), "docx");
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&docx).unwrap()).unwrap();
    let mut document = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut document)
        .unwrap();
    for name in NAMES {
        assert!(
            document.contains(&format!(
                r#"<w:rtl/></w:rPr><w:t xml:space="preserve">{name}</w:t>"#
            )) || document.contains(&format!(
                r#"<w:rtl/></w:rPr><w:t xml:space="preserve">{name} "#
            )),
            "{name}"
        );
    }
    assert!(document.contains(r#"<w:rFonts w:cs="Noto Naskh Arabic"/>"#));
    // The French text around them is not right to left.
    assert!(document.contains(r#"<w:t xml:space="preserve">), maire"#));
}

#[test]
fn a_name_only_in_arabic_script_gets_a_note_suggesting_a_transcription() {
    let dir = tempfile::tempdir().unwrap();
    let file = variant(
        dir.path(),
        "only.toml",
        &[("Coopérative Al Amal (تعاونية الأمل)", "تعاونية الأمل")],
    );
    let run = pacte()
        .args(["check", file.to_str().unwrap()])
        .output()
        .unwrap();
    let text = String::from_utf8(run.stdout).unwrap();
    assert!(
        run.status.success(),
        "a note does not fail the check: {text}"
    );
    assert!(
        text.contains("note[P097]") && text.contains("parties[2].name"),
        "{text}"
    );
}
