//! `pacte diff`: two versions of the management example, compared as a
//! lawyer reads them.

use assert_cmd::Command;

const V1: &str = "examples/gestion-base-plein-air.toml";
/// The same convention with a higher quorum, a fifth party, no
/// confidentiality clause, and a larger budget.
const V2: &str = "tests/fixtures/diff/gestion-v2.toml";

fn pacte() -> Command {
    let mut cmd = Command::cargo_bin("pacte").unwrap();
    cmd.env_remove("LANG")
        .env("NO_COLOR", "1")
        .env("SOURCE_DATE_EPOCH", "1798761600");
    cmd
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = pacte().args(args).output().unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn both_versions_are_clean_conventions() {
    for file in [V1, V2] {
        let (code, out, _) = run(&["check", file]);
        assert_eq!(code, 0, "{file}: {out}");
    }
}

#[test]
fn diff_of_two_versions_in_french() {
    let (code, out, err) = run(&["diff", V1, V2]);
    assert_eq!(code, 1, "versions differ: {err}");
    // The summary names each kind of change.
    for expected in [
        "**Clauses supprimées**",
        "- Article 20 — Confidentialité, accès aux documents et renseignements personnels",
        "**Parties ajoutées**",
        "- Centre de services scolaire des Hautes-Rivières",
        "| Article 11 — Délibérations du Conseil — Quorum (nombre de membres votants présents) | 5 | 6 |",
        "| 480\u{202f}000,00\u{a0}$ | 500\u{202f}000,00\u{a0}$ |",
        "(le Centre de services) — Nombre de sièges | — | 1 |",
    ] {
        assert!(out.contains(expected), "missing {expected:?} in\n{out}");
    }
    // Redlines: the quorum word by word; a renumbered article says so.
    assert!(
        out.contains("Le quorum est de <del>cinq</del><ins>six</ins> membres"),
        "{out}"
    );
    assert!(
        out.contains("## Article 20 — Conflits d’intérêts\n\n*Anciennement article 21.*"),
        "{out}"
    );
    assert!(out.contains("## Confidentialité, accès aux documents et renseignements personnels (supprimé)\n\n*Article 20 de la version précédente.*"), "{out}");
    insta::assert_snapshot!("diff-gestion-fr", out);
}

#[test]
fn diff_in_english() {
    let (code, out, _) = run(&["diff", "--lang", "en", V1, V2]);
    assert_eq!(code, 1);
    assert!(out.contains("## Summary of changes"), "{out}");
    assert!(out.contains("*Formerly Article 21.*"), "{out}");
    insta::assert_snapshot!("diff-gestion-en", out);
}

#[test]
fn the_reverse_diff_removes_the_party_and_restores_the_clause() {
    let (code, out, _) = run(&["diff", V2, V1]);
    assert_eq!(code, 1);
    assert!(
        out.contains("**Parties retirées**\n\n- Centre de services scolaire des Hautes-Rivières"),
        "{out}"
    );
    assert!(
        out.contains("**Clauses ajoutées**\n\n- Article 20 — Confidentialité"),
        "{out}"
    );
    assert!(out.contains("| 6 | 5 |"), "{out}");
}

#[test]
fn identical_versions_exit_0() {
    let (code, out, _) = run(&["diff", V1, V1]);
    assert_eq!(code, 0);
    assert!(out.contains("Les deux versions sont identiques."), "{out}");
    // A copy with other comments and layout says the same thing.
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("copie.toml");
    let text = std::fs::read_to_string(V1).unwrap();
    std::fs::write(
        &copy,
        format!("# Copie annotée\n{}", text.replace(" = ", "   =   ")),
    )
    .unwrap();
    let (code, _, _) = run(&["diff", V1, copy.to_str().unwrap()]);
    assert_eq!(code, 0);
}

#[test]
fn an_unreadable_version_exits_2() {
    let (code, _, err) = run(&["diff", V1, "tests/fixtures/invalid/P001-toml-syntax.toml"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("P001"), "{err}");
}

#[test]
fn pdf_redline_is_typeset() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("diff.pdf");
    let (code, _, err) = run(&["diff", "--to", "pdf", "-o", pdf.to_str().unwrap(), V1, V2]);
    assert_eq!(code, 1, "{err}");
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF"));
    let text = std::process::Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext is not installed: run the tests with `bash .ci/test`, or `sudo apt-get install poppler-utils`");
    let text = String::from_utf8(text.stdout).unwrap();
    for expected in [
        "Comparaison des versions",
        "Résumé des modifications",
        "Centre de services scolaire des Hautes-Rivières",
        "Article 11 — Délibérations du Conseil",
    ] {
        assert!(text.contains(expected), "missing {expected:?}");
    }
    // Reproducible like every PDF pacte writes.
    let again = dir.path().join("again.pdf");
    run(&["diff", "--to", "pdf", "-o", again.to_str().unwrap(), V1, V2]);
    assert_eq!(bytes, std::fs::read(&again).unwrap());
}

/// A change to a translation shows in that edition's redline only.
#[test]
fn a_changed_translation_shows_in_its_edition() {
    const JARDINS: &str = "examples/realisation-jardins.toml";
    let dir = tempfile::tempdir().unwrap();
    let v2 = dir.path().join("jardins-v2.toml");
    let text = std::fs::read_to_string(JARDINS).unwrap();
    let changed = text.replacen(
        "the water supply and the fence, which remain its property;",
        "the water supply, the fence and a tool shed, which remain its property;",
        1,
    );
    assert_ne!(changed, text);
    std::fs::write(&v2, changed).unwrap();
    let v2 = v2.to_str().unwrap();
    let (code, en, _) = run(&["diff", "--lang", "en", JARDINS, v2]);
    assert_eq!(code, 1, "{en}");
    assert!(en.contains("<ins>a tool shed,</ins>"), "{en}");
    let (code, fr, _) = run(&["diff", "--lang", "fr", JARDINS, v2]);
    assert_eq!(code, 0, "the French edition is unchanged: {fr}");
}

/// The printed comparison redlines each part's two printed versions; the
/// marks by which it finds where the template put them never show, even
/// when an organisation's template puts a redline inside a sentence.
#[test]
fn the_printed_comparison_never_shows_its_placement_marks() {
    let (code, html, err) = run(&["diff", "--to", "html", V1, V2]);
    assert_eq!(code, 1, "{err}");
    assert!(!html.contains('\u{E000}'));
    assert!(
        html.contains("<del>cinq</del>") && html.contains("<ins>six</ins>"),
        "{html}"
    );
    let dir = tempfile::tempdir().unwrap();
    let skeleton = std::fs::read_to_string("templates/diff-skeleton.md.j2").unwrap();
    let inline = skeleton.replace("{{ x.redline }}", "Texte : {{ x.redline }}");
    assert_ne!(inline, skeleton);
    std::fs::write(dir.path().join("diff-skeleton.md.j2"), inline).unwrap();
    let (code, html, err) = run(&[
        "diff",
        "--templates",
        dir.path().to_str().unwrap(),
        "--to",
        "html",
        V1,
        V2,
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(!html.contains('\u{E000}'));
    assert!(html.contains("Texte\u{a0}:"), "the organisation's wording");
    assert!(html.contains("<del>cinq</del>"), "{html}");
}
