//! `pacte render --to html` and `pacte diff --to html` in a real browser:
//! Debian's Chromium, headless, driven by playwright-core, scanned by
//! axe-core (`bash .ci/test` installs all three; tests/browser/check.mjs
//! does the looking). Screenshots land in target/browser/shots for a human
//! to look at.

use assert_cmd::Command;
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

fn run_to(out: &Path, args: &[&str], expected: i32) {
    let result = pacte().args(args).arg("-o").arg(out).output().unwrap();
    assert_eq!(
        result.status.code(),
        Some(expected),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
}

/// What the browser saw of each page.
fn browse(pages: &[PathBuf]) -> Vec<serde_json::Value> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let modules = root.join("target/browser/node_modules");
    assert!(
        modules.join("playwright-core").is_dir() && modules.join("axe-core").is_dir(),
        "playwright-core and axe-core are not installed in {}: run the tests with `bash .ci/test`, which installs them (and Debian's chromium)",
        modules.display()
    );
    let shots = root.join("target/browser/shots");
    std::fs::create_dir_all(&shots).unwrap();
    let out = std::process::Command::new("node")
        .arg(root.join("tests/browser/check.mjs"))
        .arg(&shots)
        .args(pages)
        .env("NODE_PATH", &modules)
        .output()
        .unwrap_or_else(|e| panic!("node is missing ({e}): run `bash .ci/test`"));
    assert!(
        out.status.success(),
        "the browser check failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn every_edition_reads_well_in_a_browser_and_a_screen_reader() {
    let dir = tempfile::tempdir().unwrap();
    let page = |name: &str| dir.path().join(format!("{name}.html"));
    run_to(&page("gestion"), &["render", "--to", "html", GESTION], 0);
    run_to(
        &page("jardins-bilingue"),
        &["render", "--to", "html", "--bilingual", JARDINS],
        0,
    );
    run_to(
        &page("jardins-projet-en"),
        &[
            "render",
            "--to",
            "html",
            "--bilingual=en",
            "--annotate",
            "--draft",
            JARDINS,
        ],
        0,
    );
    run_to(
        &page("popote-annotee"),
        &["render", "--to", "html", "--annotate", POPOTE],
        0,
    );
    run_to(
        &page("comparaison"),
        &["diff", "--to", "html", GESTION, V2],
        1,
    );
    let names = [
        "gestion",
        "jardins-bilingue",
        "jardins-projet-en",
        "popote-annotee",
        "comparaison",
    ];
    let pages: Vec<PathBuf> = names.iter().map(|n| page(n)).collect();
    let report = browse(&pages);
    assert_eq!(report.len(), names.len());
    for (name, seen) in names.iter().zip(&report) {
        assert_eq!(
            seen["axe"],
            serde_json::json!([]),
            "{name}: {:#}",
            seen["axe"]
        );
        assert_eq!(
            seen["requests"],
            serde_json::json!([]),
            "{name} fetched something"
        );
        assert_eq!(seen["scripts"], 0, "{name}");
        assert!(seen["h1"].as_u64().unwrap() >= 1, "{name}");
        assert_eq!(
            seen["targets"], true,
            "{name}: a contents link leads nowhere"
        );
        assert_eq!(seen["print"]["pageBreaks"], true, "{name}");
        let text = seen["text"].as_str().unwrap();
        assert!(!text.contains("<!--"), "{name} shows a marker");
    }
    let [gestion, bilingual, draft, annotated, diff] = &report[..] else {
        unreachable!()
    };
    // One language: fr-CA, articles as sections linked from the contents.
    assert_eq!(gestion["lang"], "fr-CA");
    assert!(gestion["sections"].as_u64().unwrap() >= 20);
    let links = gestion["contents"].as_array().unwrap();
    assert!(links.iter().any(|l| l == "#article-1"), "{links:?}");
    assert!(links.iter().any(|l| l == "#annexe-a"), "{links:?}");
    assert!(gestion["text"].as_str().unwrap().contains("EN FOI DE QUOI"));
    // Two languages side by side on a wide screen, stacked on a phone,
    // side by side on paper; English tagged.
    for (name, seen) in [("bilingual", bilingual), ("draft", draft)] {
        assert_eq!(seen["pairSideBySide"], true, "{name}");
        assert_eq!(seen["narrowStacked"], true, "{name}");
        assert_eq!(seen["print"]["pairDisplay"], "grid", "{name}");
        let langs = seen["otherLang"].as_array().unwrap();
        assert!(langs.iter().any(|l| l == "en-CA") && langs.iter().any(|l| l == "fr-CA"));
    }
    assert_eq!(draft["lang"], "en-CA");
    assert!(draft["text"].as_str().unwrap().contains("DRAFT"));
    assert!(
        annotated["text"]
            .as_str()
            .unwrap()
            .contains("Raison d’être de la clause")
    );
    let diff_text = diff["text"].as_str().unwrap();
    assert!(
        diff_text.contains("Comparaison des versions"),
        "{diff_text}"
    );
}

#[test]
fn a_hostile_value_reads_as_typed_in_the_browser() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(GESTION).unwrap().replacen(
        "reference = \"CONV-2027-014\"",
        r#"reference = "CONV &lt;b&gt; <script>alert(1)</script> &rlm;200 <!-- box -->""#,
        1,
    );
    let file = dir.path().join("hostile.toml");
    std::fs::write(&file, text).unwrap();
    let page = dir.path().join("hostile.html");
    run_to(
        &page,
        &["render", "--to", "html", file.to_str().unwrap()],
        0,
    );
    let report = browse(std::slice::from_ref(&page));
    let seen = &report[0];
    assert_eq!(seen["scripts"], 0);
    let text = seen["text"].as_str().unwrap();
    assert!(
        text.contains("CONV &lt;b&gt; <script>alert(1)</script> &rlm;200 <!-- box -->"),
        "{text}"
    );
}

#[test]
fn pacte_replaces_its_own_page_but_not_one_written_by_hand() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("c.html");
    run_to(&page, &["render", "--to", "html", GESTION], 0);
    let first = std::fs::read_to_string(&page).unwrap();
    assert!(first.starts_with("<!DOCTYPE html>\n<!-- Généré par pacte"));
    // Its own page: replaced without --force.
    run_to(&page, &["render", "--to", "html", JARDINS], 0);
    assert_ne!(std::fs::read_to_string(&page).unwrap(), first);
    // A page someone wrote: kept, unless --force.
    std::fs::write(&page, "<!DOCTYPE html>\n<p>Notre page</p>\n").unwrap();
    run_to(&page, &["render", "--to", "html", GESTION], 2);
    assert_eq!(
        std::fs::read_to_string(&page).unwrap(),
        "<!DOCTYPE html>\n<p>Notre page</p>\n"
    );
    let forced = pacte()
        .args(["render", "--to", "html", "--force", GESTION, "-o"])
        .arg(&page)
        .output()
        .unwrap();
    assert!(forced.status.success());
}

#[test]
fn the_page_is_self_contained() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("c.html");
    run_to(
        &page,
        &[
            "render",
            "--to",
            "html",
            "--bilingual",
            "--annotate",
            JARDINS,
        ],
        0,
    );
    let html = std::fs::read_to_string(&page).unwrap();
    for outside in [
        "<script", "<link", "<img", "<iframe", "src=", "url(", "@import", "http",
    ] {
        assert!(!html.contains(outside), "the page holds `{outside}`");
    }
    assert!(html.contains("<style>") && html.contains("@media print"));
}
