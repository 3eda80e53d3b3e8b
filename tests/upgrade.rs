//! `pacte upgrade` and file formats: files of the previous format (the
//! bundled examples as pacte 0.1 wrote them, in `tests/fixtures/format1/`)
//! upgrade, keep their comments, and then check with only the newly
//! required clauses and fields reported; bad input writes nothing.

use assert_cmd::Command;
use pacte::check::{CheckOptions, check_text};
use pacte::file_format::{CURRENT, Change, STEPS, UpgradeError, upgrade};
use pacte::{ClauseLibrary, Code, Lang};
use std::path::{Path, PathBuf};

const FORMAT1: &str = "tests/fixtures/format1";

fn format1_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(FORMAT1)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 4, "the four examples of pacte 0.1");
    files
}

fn pacte() -> Command {
    let mut cmd = Command::cargo_bin("pacte").unwrap();
    cmd.env_remove("LANG")
        .arg("--lang")
        .arg("en")
        .arg("--no-config");
    cmd
}

fn run(cmd: &mut Command) -> (i32, String, String) {
    let out = cmd.output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn codes(text: &str) -> Vec<Code> {
    let library = ClauseLibrary::bundled(Lang::En).unwrap();
    let options = CheckOptions {
        lang: Lang::En,
        ..Default::default()
    };
    check_text("t.toml", text.to_string(), &library, &options)
        .report
        .diagnostics
        .iter()
        .filter(|d| d.severity == pacte::Severity::Error)
        .map(|d| d.code)
        .collect()
}

#[test]
fn a_format_1_file_is_refused_by_check_with_the_command_to_run() {
    for file in format1_files() {
        let (code, out, _) = run(pacte().arg("check").arg(&file));
        assert_eq!(code, 2, "{out}");
        assert!(out.contains("error[P006]"), "{out}");
        assert!(
            out.contains(&format!("pacte upgrade {}", file.display())),
            "{out}"
        );
        // Alone: no unknown key, no missing clause.
        assert_eq!(out.matches("error[").count(), 1, "{out}");
    }
}

#[test]
fn the_previous_format_upgrades_and_checks_with_only_newly_required_items() {
    for file in format1_files() {
        let before = std::fs::read_to_string(&file).unwrap();
        let up = upgrade(&before).unwrap();
        assert_eq!(up.from, 1);
        assert!(up.changed());
        // Comments and the first lines are kept as they were.
        let head: Vec<&str> = before.lines().take(4).collect();
        let new_head: Vec<&str> = up.text.lines().take(4).collect();
        assert_eq!(head, new_head, "{}", file.display());
        assert!(up.text.contains("[convention]\nformat = 2\nkind = "));
        // What the check reports now is only what became required.
        let found = codes(&up.text);
        assert!(!found.is_empty());
        for code in &found {
            assert!(
                matches!(code, Code::MissingClause | Code::MissingField),
                "{}: {code} after the upgrade\n{}",
                file.display(),
                up.text
            );
        }
        // The notice moved with its value.
        let old: toml::Table = toml::from_str(&before).unwrap();
        let new: toml::Table = toml::from_str(&up.text).unwrap();
        let notice = &old["clauses"]["differends"]["termination_notice_days"];
        assert_eq!(&new["clauses"]["resiliation"]["notice_days"], notice);
        assert!(
            new["clauses"]["differends"]
                .get("termination_notice_days")
                .is_none()
        );
        // Upgrading again changes nothing.
        let again = upgrade(&up.text).unwrap();
        assert!(!again.changed());
        assert_eq!(again.text, up.text);
    }
}

#[test]
fn a_paragraph_that_became_a_list_is_kept_word_for_word_as_a_comment() {
    let before =
        std::fs::read_to_string(Path::new(FORMAT1).join("gestion-base-plein-air.toml")).unwrap();
    let old: toml::Table = toml::from_str(&before).unwrap();
    let causes = old["clauses"]["differends"]["termination_causes"]
        .as_str()
        .unwrap();
    let up = upgrade(&before).unwrap();
    assert!(up.text.contains(&format!("\n# {causes}\n")), "{}", up.text);
    let kept = up
        .changes
        .iter()
        .find(|c| matches!(c, Change::KeptAsComment { .. }))
        .unwrap();
    assert!(kept.is_manual());
    assert!(kept.describe(Lang::En).contains("causes"));
    // The comment sits under the new clause's header, which follows the
    // disputes clause.
    let resiliation = up
        .text
        .find("[clauses.resiliation]\n# pacte upgrade")
        .unwrap();
    let differends = up.text.find("[clauses.differends]").unwrap();
    let next = up.text.find("[clauses.terminaison]").unwrap();
    assert!(differends < resiliation && resiliation < next);
}

#[test]
fn comments_move_with_their_key_and_an_answer_already_there_is_not_overwritten() {
    let text = "[convention]\nkind = \"realisation\"\n\n[clauses.differends]\n# agreed at the June meeting\ntermination_notice_days = 60 # days\n";
    let up = upgrade(text).unwrap();
    assert!(
        up.text.contains(
            "[clauses.resiliation]\n# agreed at the June meeting\nnotice_days = 60 # days\n"
        ),
        "{}",
        up.text
    );
    let clash = format!("{text}\n[clauses.resiliation]\nnotice_days = 90\n");
    let up = upgrade(&clash).unwrap();
    assert!(up.text.contains("termination_notice_days = 60"));
    assert!(up.text.contains("notice_days = 90"));
    assert!(
        up.changes
            .iter()
            .any(|c| matches!(c, Change::Conflict { .. }))
    );
}

#[test]
fn inline_and_dotted_clause_tables_are_upgraded_in_their_own_style() {
    let inline = "[convention]\nkind = \"realisation\"\n\n[clauses]\ndifferends = { negotiation_days = 30, termination_notice_days = 60 }\n";
    let up = upgrade(inline).unwrap();
    let t: toml::Table = toml::from_str(&up.text).unwrap();
    assert_eq!(
        t["clauses"]["resiliation"]["notice_days"].as_integer(),
        Some(60)
    );
    assert!(up.text.contains("resiliation = {"), "{}", up.text);

    let dotted = "[convention]\nkind = \"realisation\"\n\n[clauses]\ndifferends.negotiation_days = 30\ndifferends.termination_notice_days = 60\ndifferends.termination_causes = \"Grave breach.\"\n";
    let up = upgrade(dotted).unwrap();
    let t: toml::Table = toml::from_str(&up.text).unwrap();
    assert_eq!(
        t["clauses"]["resiliation"]["notice_days"].as_integer(),
        Some(60)
    );
    assert!(up.text.contains("# Grave breach."), "{}", up.text);

    let header = "convention = { kind = \"realisation\", language = \"fr\" }\n";
    let up = upgrade(header).unwrap();
    assert!(
        up.text.starts_with("convention = { format = 2, kind"),
        "{}",
        up.text
    );
}

#[test]
fn control_characters_in_a_kept_text_stay_visible_and_the_file_stays_toml() {
    let text = "[convention]\nkind = \"gestion\"\n[clauses.differends]\ntermination_causes = \"a\\u0007b\\nsecond line\"\n";
    let up = upgrade(text).unwrap();
    assert!(
        up.text.contains("# a<U+0007>b\n# second line\n"),
        "{}",
        up.text
    );
    toml::from_str::<toml::Table>(&up.text).unwrap();
}

#[test]
fn what_cannot_be_upgraded_is_an_error() {
    assert_eq!(
        upgrade("[package]\nname = \"x\"\n").unwrap_err(),
        UpgradeError::NotAConvention
    );
    assert_eq!(
        upgrade("[convention]\nformat = 9\n").unwrap_err(),
        UpgradeError::TooNew(9)
    );
    assert_eq!(
        upgrade("[convention]\nformat = \"2\"\n").unwrap_err(),
        UpgradeError::InvalidFormat { line: 2 }
    );
    assert!(matches!(
        upgrade("[convention\n").unwrap_err(),
        UpgradeError::NotToml { line: 1, .. }
    ));
}

/// Each step's moves and rewrites name fields of the bundled library in
/// their new place, and none in their old one: a step cannot point at a
/// field that does not exist.
#[test]
fn every_step_names_fields_that_exist_in_the_current_library() {
    let library = ClauseLibrary::bundled(Lang::En).unwrap();
    assert_eq!(STEPS.len() as u32, CURRENT - 1);
    for (i, step) in STEPS.iter().enumerate() {
        assert_eq!(step.to, i as u32 + 2);
        let pairs = step
            .moves
            .iter()
            .map(|m| (m.from, m.to))
            .chain(step.rewrites.iter().map(|r| (r.from, r.to)));
        for (from, to) in pairs {
            let clause = library.clause(to.clause).unwrap();
            assert!(clause.field(to.field).is_some(), "{to}");
            let old = library.clause(from.clause).unwrap();
            assert!(old.field(from.field).is_none(), "{from} still exists");
        }
    }
}

fn scratch() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for file in format1_files() {
        std::fs::copy(&file, dir.path().join(file.file_name().unwrap())).unwrap();
    }
    dir
}

/// The conventions of a folder and their bytes (not the wizard's lock files).
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.path().extension().is_some_and(|x| x == "toml"))
        })
        .map(|e| {
            let p = e.unwrap().path();
            let bytes = std::fs::read(&p).unwrap_or_default();
            (p, bytes)
        })
        .collect();
    files.sort();
    files
}

#[test]
fn check_and_dry_run_write_nothing_then_the_upgrade_writes_every_file() {
    let dir = scratch();
    let before = snapshot(dir.path());

    let (code, out, err) = run(pacte().args(["upgrade", "--check"]).arg(dir.path()));
    assert_eq!(code, 1, "{out}{err}");
    assert!(out.contains("format 1 → 2"), "{out}");
    assert!(err.contains("4 file(s) of 4"), "{err}");
    assert_eq!(snapshot(dir.path()), before);

    let (code, out, _) = run(pacte().args(["upgrade", "--dry-run"]).arg(dir.path()));
    assert_eq!(code, 0);
    assert!(out.contains("+format = 2"), "{out}");
    assert!(out.contains("-termination_notice_days = 180"), "{out}");
    assert!(out.contains("pacte clauses show credits"), "{out}");
    assert_eq!(snapshot(dir.path()), before);

    let (code, out, err) = run(pacte().arg("upgrade").arg(dir.path()));
    assert_eq!(code, 0, "{out}{err}");
    assert!(err.contains("4 file(s) of 4 brought to format 2"), "{err}");
    assert!(out.contains("To fill in"), "{out}");
    assert!(
        out.contains("! line "),
        "the paragraph to rewrite by hand: {out}"
    );
    for (path, _) in snapshot(dir.path()) {
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("format = 2"), "{}", path.display());
        let (code, out, _) = run(pacte().arg("check").arg(&path));
        assert_eq!(code, 1, "{out}");
        assert!(!out.contains("P006") && !out.contains("P010"), "{out}");
    }
    let (code, _, _) = run(pacte().args(["upgrade", "--check"]).arg(dir.path()));
    assert_eq!(code, 0, "nothing left to upgrade");
}

#[test]
fn one_file_that_cannot_be_upgraded_stops_the_whole_run_before_any_write() {
    let dir = scratch();
    let newer = dir.path().join("newer.toml");
    std::fs::write(&newer, "[convention]\nformat = 3\nkind = \"gestion\"\n").unwrap();
    let before = snapshot(dir.path());
    let (code, _, err) = run(pacte().arg("upgrade").arg(dir.path()));
    assert_eq!(code, 2);
    assert!(
        err.contains("newer.toml") && err.contains("format 3"),
        "{err}"
    );
    assert!(err.contains("nothing was written"), "{err}");
    assert_eq!(snapshot(dir.path()), before);

    // Named on the command line, a file that is not a convention is an error…
    let settings = dir.path().join("library.toml");
    std::fs::write(&settings, "id = \"clause\"\norder = 1\n").unwrap();
    std::fs::remove_file(&newer).unwrap();
    let (code, _, err) = run(pacte().arg("upgrade").arg(&settings));
    assert_eq!(code, 2);
    assert!(err.contains("not a convention"), "{err}");
    // … found in a folder, it is left alone and the others are upgraded.
    let (code, _, err) = run(pacte().arg("upgrade").arg(dir.path()));
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("library.toml: no [convention] table, left as it is"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(&settings).unwrap(),
        "id = \"clause\"\norder = 1\n"
    );

    // Not TOML, or not there: exit 2, with the file named.
    let broken = dir.path().join("broken.toml");
    std::fs::write(&broken, "[convention\n").unwrap();
    let (code, _, err) = run(pacte().arg("upgrade").arg(&broken));
    assert_eq!(code, 2);
    assert!(
        err.contains("broken.toml") && err.contains("not valid TOML"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&broken).unwrap(), "[convention\n");
    let (code, _, err) = run(pacte().arg("upgrade").arg(dir.path().join("absent.toml")));
    assert_eq!(code, 2);
    assert!(err.contains("absent.toml"), "{err}");
}

#[test]
fn a_byte_order_mark_and_the_file_mode_survive_the_upgrade() {
    let dir = scratch();
    let file = dir.path().join("realisation-jardins.toml");
    let text = std::fs::read(&file).unwrap();
    std::fs::write(&file, [b"\xEF\xBB\xBF".as_slice(), &text].concat()).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    let (code, _, err) = run(pacte().arg("upgrade").arg(&file));
    assert_eq!(code, 0, "{err}");
    let after = std::fs::read(&file).unwrap();
    assert!(after.starts_with(b"\xEF\xBB\xBF[") || after.starts_with(b"\xEF\xBB\xBF#"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
}

#[test]
fn version_names_the_format_and_the_library() {
    let (code, out, _) = run(pacte().arg("--version"));
    assert_eq!(code, 0);
    assert!(
        out.contains(&format!("convention format {CURRENT}"))
            && out.contains(&format!(
                "clause library {}",
                pacte::library::LIBRARY_VERSION
            )),
        "{out}"
    );
}

#[test]
fn the_wizard_opens_only_a_file_of_the_current_format() {
    let library = ClauseLibrary::bundled(Lang::En).unwrap();
    let dir = scratch();
    let old = dir.path().join("gestion-base-plein-air.toml");
    let refused = pacte::wizard::Wizard::open(&library, Lang::En, &old)
        .err()
        .expect("a format-1 file is refused");
    assert!(
        refused.contains("format 1") && refused.contains("pacte upgrade"),
        "{refused}"
    );
    let newer = dir.path().join("newer.toml");
    std::fs::write(&newer, "[convention]\nformat = 7\n").unwrap();
    let refused = pacte::wizard::Wizard::open(&library, Lang::En, &newer)
        .err()
        .expect("a newer file is refused");
    assert!(refused.contains("format 7"), "{refused}");
    // Once upgraded, it opens.
    let (code, _, err) = run(pacte().arg("upgrade").arg(&old));
    assert_eq!(code, 0, "{err}");
    assert!(pacte::wizard::Wizard::open(&library, Lang::En, &old).is_ok());
}

#[test]
fn a_file_open_in_the_wizard_stops_the_run_before_any_write() {
    let dir = scratch();
    let busy = dir.path().join("realisation-jardins.toml");
    let lock = pacte::wizard::lock::EditLock::take(&busy, Lang::En)
        .unwrap()
        .expect("the lock is taken");
    let before = snapshot(dir.path());
    let (code, out, err) = run(pacte().arg("upgrade").arg(dir.path()));
    drop(lock);
    assert_eq!(code, 2, "{out}{err}");
    assert!(
        err.contains("realisation-jardins.toml")
            && err.contains("already open in another pacte wizard")
            && err.contains("nothing was written"),
        "{err}"
    );
    assert_eq!(snapshot(dir.path()), before);
    // Once the wizard is closed, the run goes through.
    let (code, _, err) = run(pacte().arg("upgrade").arg(dir.path()));
    assert_eq!(code, 0, "{err}");
}

#[test]
fn what_is_already_at_the_new_place_is_never_written_over() {
    // A text, or a list of tables, where the new clause would go: the old
    // keys stay where they were and the person chooses.
    for existing in [
        "resiliation = \"MY TEXT\"\n",
        "[[clauses.resiliation]]\ncauses = [\"MY TEXT\"]\n",
    ] {
        let text = format!(
            "[convention]\ntitle = \"T\"\n[clauses]\n{}[clauses.differends]\ntermination_notice_days = 60\ntermination_causes = \"OLD\"\n",
            if existing.starts_with('[') {
                ""
            } else {
                existing
            }
        );
        let text = if existing.starts_with('[') {
            format!("{text}{existing}")
        } else {
            text
        };
        let up = upgrade(&text).unwrap();
        assert!(
            up.text.contains("MY TEXT") && up.text.contains("termination_notice_days = 60"),
            "{}",
            up.text
        );
        assert!(
            up.text.contains("termination_causes = \"OLD\""),
            "{}",
            up.text
        );
        assert_eq!(
            up.changes
                .iter()
                .filter(|c| matches!(c, Change::Conflict { .. }))
                .count(),
            2
        );
    }
    // A clause present only through a sub-table gets a header of its own,
    // so the kept text is printed.
    let text = "[convention]\n[clauses.differends]\ntermination_causes = \"MY TEXT\"\n[clauses.resiliation.x]\na = 1\n";
    let up = upgrade(text).unwrap();
    assert!(
        up.text.contains("[clauses.resiliation]\n# pacte upgrade"),
        "{}",
        up.text
    );
    assert!(up.text.contains("# MY TEXT\n"), "{}", up.text);
    // Into an inline table, a moved key leaves its comment: the file stays TOML.
    let text = "[convention]\n[clauses]\nresiliation = { cure_days = 30 }\n[clauses.differends]\ntermination_notice_days = 60 # sixty\n";
    let up = upgrade(text).unwrap();
    let t: toml::Table = toml::from_str(&up.text).unwrap();
    assert_eq!(
        t["clauses"]["resiliation"]["notice_days"].as_integer(),
        Some(60)
    );
}

#[test]
fn crlf_line_endings_are_kept() {
    let text = std::fs::read_to_string(Path::new(FORMAT1).join("realisation-jardins.toml"))
        .unwrap()
        .replace('\n', "\r\n");
    let up = upgrade(&text).unwrap();
    assert!(
        !up.text.replace("\r\n", "").contains('\n'),
        "a bare LF was written"
    );
    assert!(up.text.contains("format = 2\r\n"));
}

#[test]
fn a_file_reached_through_a_link_is_locked_by_its_own_name_and_named_once() {
    let dir = scratch();
    let real = dir.path().join("realisation-jardins.toml");
    #[cfg(unix)]
    std::os::unix::fs::symlink("realisation-jardins.toml", dir.path().join("0-alias.toml"))
        .unwrap();
    let before = std::fs::read(&real).unwrap();
    let lock = pacte::wizard::lock::EditLock::take(&real, Lang::En)
        .unwrap()
        .expect("the lock is taken");
    let (code, _, err) = run(pacte().arg("upgrade").arg(dir.path()));
    drop(lock);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("already open in another pacte wizard"),
        "{err}"
    );
    assert!(err.contains("nothing was written"), "{err}");
    assert_eq!(
        std::fs::read(&real).unwrap(),
        before,
        "written through the link"
    );
    // Named twice (and through the folder), one file is upgraded once, cleanly.
    let (code, _, err) = run(pacte()
        .arg("upgrade")
        .arg(dir.path())
        .arg(&real)
        .arg(dir.path()));
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("4 file(s) of 4"), "{err}");
}

/// Every file must be writable before the first is written: one that is not
/// (read-only for this user; immutable, which stops even root) stops the run.
#[cfg(unix)]
#[test]
fn a_file_that_cannot_be_replaced_stops_the_run_before_any_write() {
    let dir = scratch();
    let stuck = dir.path().join("realisation-jardins.toml");
    let root = nix_is_root();
    if root {
        let ok = std::process::Command::new("chattr")
            .arg("+i")
            .arg(&stuck)
            .status()
            .unwrap();
        assert!(
            ok.success(),
            "chattr +i (e2fsprogs; bash .ci/test installs it)"
        );
    } else {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&stuck, std::fs::Permissions::from_mode(0o444)).unwrap();
    }
    let before = snapshot(dir.path());
    let (code, _, err) = run(pacte().arg("upgrade").arg(dir.path()));
    if root {
        let _ = std::process::Command::new("chattr")
            .arg("-i")
            .arg(&stuck)
            .status();
    }
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("cannot be replaced") && err.contains("nothing was written"),
        "{err}"
    );
    assert_eq!(snapshot(dir.path()), before);
}

#[cfg(unix)]
fn nix_is_root() -> bool {
    std::process::Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

#[test]
fn the_dry_run_shows_a_strangers_text_without_control_sequences() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("c.toml");
    std::fs::write(
        &file,
        "[convention]\nkind = \"gestion\"\n[clauses.differends]\ntermination_causes = \"a\\u001b]0;PWNED\\u0007 \\u202e b\"\n",
    )
    .unwrap();
    let (code, out, _) = run(pacte().args(["upgrade", "--dry-run"]).arg(&file));
    assert_eq!(code, 0);
    assert!(
        !out.contains('\u{1b}') && !out.contains('\u{202e}') && !out.contains('\u{7}'),
        "{out:?}"
    );
    assert!(out.contains("<U+202E>"), "{out}");
}
