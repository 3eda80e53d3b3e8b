//! The `pacte` binary as users and CI run it: exit codes, output formats,
//! lint levels, settings files, hostile input.

use assert_cmd::Command;
use std::path::Path;

fn pacte() -> Command {
    let mut cmd = Command::cargo_bin("pacte").unwrap();
    // Output must not depend on the machine's locale or terminal.
    cmd.env_remove("LANG").env("NO_COLOR", "1");
    cmd
}

fn stdout(cmd: &mut Command) -> (i32, String) {
    let out = cmd.output().unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
    )
}

const GESTION: &str = "examples/gestion-base-plein-air.toml";
const QUORUM: &str = "tests/fixtures/invalid/P051-quorum-single-party.toml";
const MAJORITY: &str = "tests/fixtures/invalid/P050-board-majority.toml";

#[test]
fn checking_the_examples_folder_succeeds() {
    let (code, out) = stdout(pacte().args(["check", "examples/"]));
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("4 fichiers vérifiés : 0 erreur, 0 avertissement"),
        "{out}"
    );
}

#[test]
fn errors_exit_1_and_warnings_only_with_strict() {
    assert_eq!(stdout(pacte().args(["check", QUORUM])).0, 1);
    assert_eq!(stdout(pacte().args(["check", MAJORITY])).0, 0);
    assert_eq!(stdout(pacte().args(["check", "--strict", MAJORITY])).0, 1);
}

#[test]
fn allow_and_deny_change_severity_for_one_run() {
    let (code, out) = stdout(pacte().args(["check", "--lang", "en", "--allow", "P051", QUORUM]));
    assert_eq!(code, 0, "{out}");
    assert!(!out.contains("[P051]"), "{out}");
    let (code, out) = stdout(pacte().args([
        "check",
        "--lang",
        "en",
        "--deny",
        "board-majority",
        MAJORITY,
    ]));
    assert_eq!(code, 1);
    assert!(out.contains("error[P050]"), "{out}");
    let out = pacte()
        .args(["check", "--allow", "P999", GESTION])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = pacte()
        .args(["check", "--lang", "en", "--allow", "P001", GESTION])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot be allowed"));
}

#[test]
fn a_repository_settings_file_sets_lint_levels_and_libraries() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(QUORUM, dir.path().join("c.toml")).unwrap();
    std::fs::write(
        dir.path().join("pacte.toml"),
        "[lints]\nquorum-single-party = \"warn\"\n",
    )
    .unwrap();
    let (code, out) = stdout(
        pacte()
            .current_dir(dir.path())
            .args(["check", "--lang", "en", "."]),
    );
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("warning[P051]"), "{out}");
    assert!(
        out.contains("1 file checked"),
        "settings file itself is not checked: {out}"
    );

    std::fs::write(
        dir.path().join("pacte.toml"),
        "[lints]\nquorum-single-parti = \"warn\"\n",
    )
    .unwrap();
    let out = pacte()
        .current_dir(dir.path())
        .args(["check", "--lang", "en", "c.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean `quorum-single-party`"));

    // A repository's settings name folders inside it...
    let org = dir.path().join("maison");
    std::fs::create_dir_all(org.join("profiles")).unwrap();
    let fixture = Path::new("tests/fixtures/library/correctionnel");
    for name in ["reddition.toml", "profiles/entente-correctionnelle.toml"] {
        std::fs::copy(fixture.join(name), org.join(name)).unwrap();
    }
    std::fs::write(dir.path().join("pacte.toml"), "clauses = [\"maison\"]\n").unwrap();
    let (code, out) = stdout(
        pacte()
            .current_dir(dir.path())
            .args(["clauses", "list", "--lang", "en"]),
    );
    assert_eq!(code, 0);
    assert!(out.contains("entente-correctionnelle"), "{out}");
    // ...and no folder outside it: a pull request cannot make pacte read
    // and echo files elsewhere on the machine.
    let outside = std::fs::canonicalize(fixture).unwrap();
    std::fs::write(
        dir.path().join("pacte.toml"),
        format!("clauses = [{:?}]\n", outside.display().to_string()),
    )
    .unwrap();
    let out = pacte()
        .current_dir(dir.path())
        .args(["clauses", "list", "--lang", "en"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("leaves the repository"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn json_output_has_positions_and_a_summary() {
    let (code, out) = stdout(pacte().args(["check", "--format", "json", "--lang", "en", QUORUM]));
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["version"], 1);
    let d = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["severity"] == "error")
        .unwrap();
    assert_eq!(d["code"], "P051");
    assert_eq!(d["slug"], "quorum-single-party");
    assert_eq!(d["severity"], "error");
    assert_eq!(
        d["start"]["line"], 198,
        "the line `# expect:` names in the fixture"
    );
    assert_eq!(d["start"]["column"], 10);
    assert!(d["help"].as_str().unwrap().contains("at least 6"));
    assert_eq!(v["summary"]["errors"], 1);
}

#[test]
fn unreadable_files_exit_2_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let latin1 = dir.path().join("latin1.toml");
    std::fs::write(&latin1, b"[convention]\ntitle = \"Soci\xe9t\xe9\"\n").unwrap();
    let (code, out) = stdout(pacte().args(["check", "--lang", "en"]).arg(&latin1));
    assert_eq!(code, 2);
    assert!(
        out.contains("error[P002]: the file is not UTF-8 (invalid byte at offset 26)"),
        "{out}"
    );
    assert!(
        out.contains("latin1.toml:2:14"),
        "the line and column of the bad byte: {out}"
    );

    let huge = dir.path().join("huge.toml");
    let garbage: Vec<u8> = (0..50 * 1024 * 1024u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8)
        .collect();
    std::fs::write(&huge, garbage).unwrap();
    let (code, out) = stdout(pacte().args(["check", "--lang", "en"]).arg(&huge));
    assert_eq!(code, 2);
    assert!(out.contains("error[P003]: the file is 50.0 MiB"), "{out}");

    let (code, out) = stdout(pacte().args(["check", "--lang", "en", "does-not-exist.toml"]));
    assert_eq!(code, 2);
    assert!(out.contains("error[P004]: cannot read"), "{out}");

    let broken = dir.path().join("broken.toml");
    std::fs::write(&broken, "[convention\nkind = 1").unwrap();
    let (code, out) = stdout(pacte().args(["check", "--lang", "en"]).arg(&broken));
    assert_eq!(code, 2);
    assert!(out.contains("error[P001]"), "{out}");
}

#[test]
fn a_bom_and_crlf_line_endings_are_accepted_with_right_positions() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(QUORUM)
        .unwrap()
        .replace('\n', "\r\n");
    let path = dir.path().join("crlf.toml");
    std::fs::write(&path, format!("\u{feff}{text}")).unwrap();
    let (code, out) = stdout(pacte().args(["check", "--format", "json"]).arg(&path));
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let d = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "P051")
        .unwrap();
    assert_eq!(
        (
            d["code"].as_str(),
            d["start"]["line"].as_u64(),
            d["start"]["column"].as_u64()
        ),
        (Some("P051"), Some(198), Some(10))
    );
}

#[test]
fn the_interface_follows_lang_then_the_environment() {
    let (_, fr) = stdout(pacte().args(["check", QUORUM]));
    assert!(
        fr.contains("erreur[P051]: « la Ville » peut atteindre à elle seule le quorum de 5"),
        "{fr}"
    );
    let (_, en) = stdout(pacte().env("LANG", "en_CA.UTF-8").args(["check", QUORUM]));
    assert!(
        en.contains("error[P051]: “la Ville” can reach the quorum of 5 on its own"),
        "{en}"
    );
    let (_, forced) = stdout(
        pacte()
            .env("LANG", "en_CA.UTF-8")
            .args(["check", "--lang", "fr", QUORUM]),
    );
    assert!(forced.contains("erreur[P051]"));
}

#[test]
fn final_adds_signature_readiness_checks() {
    let fixture = "tests/fixtures/invalid/P080-missing-mandate.toml";
    assert_eq!(stdout(pacte().args(["check", fixture])).0, 0);
    let (code, out) = stdout(pacte().args(["check", "--final", "--lang", "en", fixture]));
    assert_eq!(code, 1);
    assert!(out.contains("error[P080]"), "{out}");
}

#[test]
fn explain_prints_meaning_reason_and_fix() {
    let (code, out) = stdout(pacte().args(["explain", "P051", "--lang", "en"]));
    assert_eq!(code, 0);
    assert!(out.starts_with("P051 quorum-single-party (error)"));
    assert!(out.contains("Why it matters") && out.contains("How to fix it"));
    let (code, out) = stdout(pacte().args(["explain", "coverage-incomplete"]));
    assert_eq!(code, 0);
    assert!(out.contains("Pourquoi"));
    assert_eq!(
        pacte()
            .args(["explain", "P999"])
            .output()
            .unwrap()
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn clauses_list_and_show_present_the_library() {
    let (code, out) =
        stdout(pacte().args(["clauses", "list", "--profile", "gestion", "--lang", "en"]));
    assert_eq!(code, 0);
    for id in [
        "cadre_juridique",
        "conseil",
        "deliberations",
        "structure_gestion",
        "plan_action",
        "audit",
        "terminaison",
        "preambule",
    ] {
        assert!(out.contains(id), "{id} missing from {out}");
    }
    assert!(out.contains("confidentialite          advised"), "{out}");
    let (code, out) = stdout(pacte().args(["clauses", "show", "deliberations"]));
    assert_eq!(code, 0);
    assert!(
        out.contains("quorum (integer, obligatoire, calculé)"),
        "{out}"
    );
    assert!(out.contains("Exemple : quorum = 5"), "{out}");
    assert_eq!(
        pacte()
            .args(["clauses", "show", "nope"])
            .output()
            .unwrap()
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn a_broken_organisation_library_exits_2_naming_the_file() {
    let out = pacte()
        .args([
            "check",
            "--lang",
            "en",
            "--clauses",
            "tests/fixtures/library/L006-profile-cycle",
            GESTION,
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("error[L006]")
            && err.contains("profiles/oeuf.toml:2:11")
            && err.contains("loop: oeuf → poule → oeuf")
            && err.contains("profiles/poule.toml:2:11")
            && err.contains("loop: poule → oeuf → poule"),
        "{err}"
    );
}

#[test]
fn human_output_snapshots() {
    for (name, file) in [
        ("quorum", QUORUM),
        (
            "coverage",
            "tests/fixtures/invalid/P060-coverage-incomplete.toml",
        ),
        (
            "unknown-key",
            "tests/fixtures/invalid/P010-unknown-key.toml",
        ),
        ("wrong-type", "tests/fixtures/invalid/P011-wrong-type.toml"),
    ] {
        for lang in ["fr", "en"] {
            let (_, out) = stdout(pacte().args(["check", "--lang", lang, file]));
            insta::assert_snapshot!(format!("check-{name}-{lang}"), out);
        }
    }
    assert!(Path::new(QUORUM).exists());
}

#[test]
fn completions_for_every_shell_name_the_commands() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let (code, out) = stdout(pacte().args(["completions", shell]));
        assert_eq!(code, 0, "{shell}");
        for word in ["check", "render", "diff", "schema", "format", "strict"] {
            assert!(out.contains(word), "{shell} completions lack {word}");
        }
    }
    // The bash script is valid bash.
    let (_, script) = stdout(pacte().args(["completions", "bash"]));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pacte.bash");
    std::fs::write(&path, script).unwrap();
    let status = std::process::Command::new("bash")
        .arg("-n")
        .arg(&path)
        .status()
        .unwrap();
    assert!(status.success());
}

#[test]
fn man_pages_are_generated_for_every_command() {
    let (code, page) = stdout(pacte().arg("man"));
    assert_eq!(code, 0);
    assert!(page.contains(".TH pacte 1"), "{page}");
    assert!(page.contains("Build, check and render"), "{page}");
    let dir = tempfile::tempdir().unwrap();
    let (code, listing) = stdout(pacte().args(["man", "--dir"]).arg(dir.path()));
    assert_eq!(code, 0);
    for name in ["pacte.1", "pacte-check.1", "pacte-render.1", "pacte-diff.1"] {
        assert!(listing.contains(name), "{listing}");
        let text = std::fs::read_to_string(dir.path().join(name)).unwrap();
        assert!(text.starts_with(".ie"), "{name}: {text}");
    }
    let check = std::fs::read_to_string(dir.path().join("pacte-check.1")).unwrap();
    assert!(check.contains(r"\-\-final"), "{check}");
    assert!(check.contains("sarif"), "{check}");
}

/// `clauses show ID --toml` prints the clause's file as the library holds
/// it: saved in a folder and passed with `--clauses`, it is a working
/// starting point for an organisation's own version.
#[test]
fn a_clause_printed_as_toml_is_the_bundled_file_and_loads_as_an_overlay() {
    let (code, out) = stdout(pacte().args(["clauses", "show", "avis", "--toml", "--lang", "en"]));
    assert_eq!(code, 0);
    let (comment, body) = out.split_once('\n').unwrap();
    assert!(comment.starts_with("# clauses/avis.toml") && comment.contains("--clauses DIR"));
    assert_eq!(body, std::fs::read_to_string("clauses/avis.toml").unwrap());
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("avis.toml"), &out).unwrap();
    let (code, report) = stdout(
        pacte()
            .arg("--clauses")
            .arg(dir.path())
            .args(["check", "examples/gestion-base-plein-air.toml"]),
    );
    assert_eq!(code, 0, "{report}");
    let (code, _) = stdout(pacte().args(["clauses", "show", "avi", "--toml"]));
    assert_eq!(code, 2);
}

/// The man pages go into a folder that does not exist yet, as the guide
/// shows (`pacte man --dir ~/.local/share/man/man1` on a fresh account).
#[test]
fn man_pages_are_written_into_a_folder_it_makes() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("share/man/man1");
    let (code, out) = stdout(pacte().arg("man").arg("--dir").arg(&target));
    assert_eq!(code, 0, "{out}");
    assert!(target.join("pacte.1").is_file());
    assert!(target.join("pacte-upgrade.1").is_file());
    assert!(
        !target.join("pacte-reference.1").exists(),
        "the hidden command has no page"
    );
}
