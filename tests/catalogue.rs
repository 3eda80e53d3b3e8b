//! The catalogue of bad inputs: each hostile file, library, template or
//! output path pacte may meet, with the exact error it gives and its exit
//! code. Every case goes through the real binary, in English.
//!
//! Exit codes: 0 clean, 1 findings, 2 the input could not be used at all.

use assert_cmd::Command;

#[path = "support/mod.rs"]
mod support;
use std::path::{Path, PathBuf};
#[cfg(unix)]
use support::ReadOnly;

const GESTION: &str = "examples/gestion-base-plein-air.toml";

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn pacte(args: &[&str]) -> Run {
    let out = Command::cargo_bin("pacte")
        .unwrap()
        // English messages from the locale: `--lang en` would also ask for
        // an English edition, which a French-only convention does not have.
        .env("LANG", "en_CA.UTF-8")
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Checks `contents` written to a scratch file named `name`.
fn check_bytes(name: &str, contents: &[u8]) -> Run {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, contents).unwrap();
    let run = pacte(&["check", path.to_str().unwrap()]);
    // Make messages independent of the scratch folder.
    let shown = path.display().to_string();
    Run {
        stdout: run.stdout.replace(&shown, name),
        ..run
    }
}

/// The management example with one substitution.
fn variant(from: &str, to: &str) -> Vec<u8> {
    let base = std::fs::read_to_string(GESTION).unwrap();
    assert!(
        base.contains(from),
        "the example no longer contains {from:?}"
    );
    base.replacen(from, to, 1).into_bytes()
}

/// Where `needle` (part of `to`) stands in the variant of the example that
/// replaces `from` with `to`, as `line:column`: derived, so that editing
/// the example does not break these tests.
fn at(from: &str, to: &str, needle: &str) -> String {
    let base = std::fs::read_to_string(GESTION).unwrap();
    position_in(
        &base.replacen(from, to, 1),
        base.find(from).unwrap() + to.find(needle).unwrap(),
    )
}

/// `line:column` (characters) of a byte offset.
fn position_in(text: &str, offset: usize) -> String {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before[before.rfind('\n').map_or(0, |i| i + 1)..]
        .chars()
        .count()
        + 1;
    format!("{line}:{column}")
}

#[track_caller]
fn expect(run: &Run, code: i32, lines: &[&str]) {
    assert_eq!(
        run.code, code,
        "stdout:\n{}\nstderr:\n{}",
        run.stdout, run.stderr
    );
    for line in lines {
        assert!(
            run.stdout.contains(line) || run.stderr.contains(line),
            "missing {line:?} in\n{}\n{}",
            run.stdout,
            run.stderr
        );
    }
}

// --- Encodings and sizes -------------------------------------------------

#[test]
fn not_utf8_is_refused_with_the_position_of_the_first_bad_byte() {
    let mut bytes = b"[convention]\ntitle = \"Caf".to_vec();
    bytes.push(0xE9); // é in Latin-1
    bytes.extend_from_slice(b"\"\n");
    let run = check_bytes("latin1.toml", &bytes);
    expect(
        &run,
        2,
        &[
            "error[P002]: the file is not UTF-8 (invalid byte at offset 25)",
            "--> latin1.toml:2:13",
            "help: save the file again as UTF-8 from your editor (it may be Latin-1 or Windows-1252)",
        ],
    );
}

#[test]
fn a_utf8_bom_is_accepted() {
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend(std::fs::read(GESTION).unwrap());
    expect(
        &check_bytes("bom.toml", &bytes),
        0,
        &["1 file checked: 0 errors"],
    );
}

#[test]
fn crlf_line_endings_are_accepted_and_positions_stay_right() {
    let lf =
        std::fs::read_to_string("tests/fixtures/invalid/P051-quorum-single-party.toml").unwrap();
    let text = lf.replace('\n', "\r\n");
    let run = check_bytes("crlf.toml", text.as_bytes());
    let quorum = lf.find("quorum = 5").unwrap() + "quorum = ".len();
    expect(
        &run,
        1,
        &[
            "error[P051]: “la Ville” can reach the quorum of 5 on its own",
            // The same line and column as with LF endings.
            &format!("--> crlf.toml:{}", position_in(&lf, quorum)),
        ],
    );
}

#[test]
fn an_empty_file_lacks_its_header() {
    expect(
        &check_bytes("empty.toml", b""),
        1,
        &[
            "error[P012]: the [convention] table is missing",
            "--> empty.toml:1:1",
        ],
    );
}

#[test]
fn a_50_mb_file_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.toml");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(50 * 1024 * 1024).unwrap();
    let run = pacte(&["check", path.to_str().unwrap()]);
    expect(
        &run,
        2,
        &["error[P003]: the file is 50.0 MiB; an agreement is limited to 4 MiB"],
    );
}

#[test]
fn ten_thousand_nested_tables_are_refused_without_overflow() {
    let inline = format!("a = {}1{}\n", "{ b = ".repeat(10_000), " }".repeat(10_000));
    expect(
        &check_bytes("nested.toml", inline.as_bytes()),
        2,
        &["error[P001]: cannot recurse further; max recursion depth met"],
    );
    let dotted = format!("[{}]\nx = 1\n", vec!["t"; 10_000].join("."));
    expect(
        &check_bytes("dotted.toml", dotted.as_bytes()),
        2,
        &["error[P001]: recursion limit"],
    );
}

#[test]
fn too_many_parties_or_entries_are_refused() {
    expect(
        &pacte(&["check", "tests/fixtures/invalid/P005-limit-exceeded.toml"]),
        2,
        &["error[P005]: `parties` has 101 entries; pacte accepts at most 100"],
    );
    let recitals = variant(
        "recitals = [",
        &format!("recitals = [{}", "\"x\", ".repeat(1_001)),
    );
    expect(
        &check_bytes("recitals.toml", &recitals),
        2,
        &["error[P005]: `clauses.preambule.recitals` has 1003 entries; pacte accepts at most 1000"],
    );
}

// --- Values ----------------------------------------------------------------

#[test]
fn an_impossible_date_is_a_syntax_error_with_date_help() {
    let run = check_bytes(
        "date.toml",
        &variant("end_date = 2031-12-31", "end_date = 2027-02-30"),
    );
    expect(
        &run,
        2,
        &[
            "error[P001]: invalid date, expected day between 01 and 28",
            &format!(
                "--> date.toml:{}",
                at("end_date = 2031-12-31", "end_date = 2027-02-30", "2027")
            ),
            "help: a date is written YYYY-MM-DD and must exist in the calendar",
        ],
    );
}

#[test]
fn a_date_in_another_format_says_how_to_write_it() {
    let run = check_bytes(
        "date.toml",
        &variant("deadline = 2027-04-30", "deadline = \"30/04/2027\""),
    );
    expect(
        &run,
        1,
        &[
            "error[P011]: `clauses.plan_action.deadline` must be a date YYYY-MM-DD without quotes, but it is a text",
            &format!(
                "--> date.toml:{}",
                at("deadline = 2027-04-30", "deadline = \"30/04/2027\"", "\"")
            ),
        ],
    );
}

#[test]
fn a_negative_amount_is_out_of_range() {
    let run = check_bytes(
        "amount.toml",
        &variant("total_budget = 480000", "total_budget = -480000"),
    );
    expect(
        &run,
        1,
        &[
            "error[P014]: `clauses.ressources.total_budget` is negative (-480000)",
            &format!(
                "--> amount.toml:{}",
                at("total_budget = 480000", "total_budget = -480000", "-")
            ),
        ],
    );
}

#[test]
fn a_percentage_of_250_is_out_of_range() {
    let run = check_bytes("share.toml", &variant("share = 71.43", "share = 250"));
    expect(
        &run,
        1,
        &[
            "error[P014]: `clauses.terminaison.surplus_shares[1].share` is 250%, above 100%",
            &format!(
                "--> share.toml:{}",
                at("share = 71.43", "share = 250", "250")
            ),
        ],
    );
}

#[test]
fn duplicate_party_ids_are_named() {
    let run = check_bytes("dup.toml", &variant("id = \"mrc\"", "id = \"ville\""));
    expect(
        &run,
        1,
        &[
            "error[P030]: party id `ville` is already used",
            &format!(
                "--> dup.toml:{}",
                at("id = \"mrc\"", "id = \"ville\"", "\"ville")
            ),
        ],
    );
}

#[test]
fn a_reference_to_an_unknown_party_is_located() {
    let run = check_bytes(
        "party.toml",
        &variant(
            "[[clauses.conseil.seats]]\nparty = \"mrc\"",
            "[[clauses.conseil.seats]]\nparty = \"mcr\"",
        ),
    );
    expect(
        &run,
        1,
        &[
            "error[P031]: `mcr` does not name any declared party",
            &format!(
                "--> party.toml:{}",
                at(
                    "[[clauses.conseil.seats]]\nparty = \"mrc\"",
                    "[[clauses.conseil.seats]]\nparty = \"mcr\"",
                    "\"mcr"
                )
            ),
        ],
    );
}

#[test]
fn a_key_one_letter_off_gets_a_suggestion() {
    let run = check_bytes("key.toml", &variant("quorum = 5", "quorom = 5"));
    expect(
        &run,
        1,
        &[
            "error[P010]: unknown key `quorom` in `clauses.deliberations`",
            &format!("--> key.toml:{}", at("quorum = 5", "quorom = 5", "quorom")),
            "did you mean `quorum`?",
        ],
    );
}

// --- Clause libraries --------------------------------------------------------

#[test]
fn a_library_with_a_profile_cycle_is_refused() {
    let run = pacte(&[
        "--clauses",
        "tests/fixtures/library/L006-profile-cycle",
        "check",
        GESTION,
    ]);
    expect(
        &run,
        2,
        &["error[L006]", "pacte: the clause library is invalid"],
    );
}

#[test]
fn a_library_with_a_duplicate_id_is_refused() {
    let run = pacte(&[
        "--clauses",
        "tests/fixtures/library/L003-library-duplicate",
        "check",
        GESTION,
    ]);
    expect(
        &run,
        2,
        &["error[L003]", "pacte: the clause library is invalid"],
    );
}

// --- Templates -----------------------------------------------------------------

#[test]
fn a_template_override_cannot_leave_its_folder() {
    let dir = tempfile::tempdir().unwrap();
    for lang in ["fr", "en"] {
        std::fs::create_dir_all(dir.path().join(lang)).unwrap();
        std::fs::write(
            dir.path().join(lang).join("convention.md.j2"),
            "{% include '../../etc/passwd' %}",
        )
        .unwrap();
    }
    let run = pacte(&[
        "render",
        "--templates",
        dir.path().to_str().unwrap(),
        GESTION,
    ]);
    expect(
        &run,
        2,
        &["template path `../../etc/passwd` leaves the templates folder"],
    );
    assert!(!run.stdout.contains("root:"), "{}", run.stdout);
}

#[test]
fn template_and_markdown_syntax_in_user_text_is_rendered_literally() {
    let hostile = "# Titre {{ 7*7 }} {% include 'x' %} | a | b | *gras*";
    let run = {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("hostile.toml");
        std::fs::write(
            &path,
            variant(
                "name = \"Club de plein air Les Sentiers\"",
                &format!("name = \"{hostile}\""),
            ),
        )
        .unwrap();
        pacte(&["render", path.to_str().unwrap()])
    };
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .contains(r"**# Titre {{ 7\*7 }} {% include ’x’ %} | a | b | \*gras\***"),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("Titre 49"));
    assert!(!run.stdout.lines().any(|l| l.starts_with("# Titre")));
}

// --- Outputs ---------------------------------------------------------------------

fn previous_output(dir: &Path) -> PathBuf {
    let out = dir.join("convention.md");
    std::fs::write(
        &out,
        "<!-- Generated by pacte: previous version -->\nPREVIOUS\n",
    )
    .unwrap();
    out
}

#[test]
fn an_output_path_that_is_a_directory_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().to_str().unwrap();
    for force in [&[][..], &["--force"][..]] {
        let run = pacte(&[&["render", GESTION, "-o", target], force].concat());
        expect(
            &run,
            2,
            &[&format!(
                "pacte: {target} is a folder, not a regular file: pacte does not write to it, even with --force"
            )],
        );
    }
    assert!(dir.path().is_dir());
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "no temporary file left"
    );
}

#[cfg(unix)]
#[test]
fn a_read_only_folder_leaves_the_previous_output_intact() {
    let dir = tempfile::tempdir().unwrap();
    let out = previous_output(dir.path());
    let guard = ReadOnly::new(dir.path());
    let run = pacte(&["render", GESTION, "-o", out.to_str().unwrap()]);
    drop(guard);
    assert_eq!(run.code, 2, "{}", run.stderr);
    // Permissions stop a user; the immutable attribute stops root.
    let said = |reason: &str| {
        format!(
            "pacte: cannot write {}: {reason} (the previous file is intact)\n",
            out.display()
        )
    };
    assert!(
        run.stderr == said("Permission denied (os error 13)")
            || run.stderr == said("Operation not permitted (os error 1)"),
        "the reason, and no temporary file name: {}",
        run.stderr
    );
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .ends_with("PREVIOUS\n")
    );
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temporary file left"
    );
}

#[cfg(unix)]
#[test]
fn a_new_output_in_a_read_only_folder_says_nothing_was_written() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("convention.md");
    let guard = ReadOnly::new(dir.path());
    let run = pacte(&["render", GESTION, "-o", out.to_str().unwrap()]);
    drop(guard);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.ends_with(" (nothing was written)\n") && !run.stderr.contains(".pacte-"),
        "{}",
        run.stderr
    );
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn a_full_disk_leaves_the_previous_output_intact() {
    // A file-size limit makes the write fail mid-way like a full disk does
    // (EFBIG instead of ENOSPC, through the same code path).
    let dir = tempfile::tempdir().unwrap();
    let out = previous_output(dir.path());
    let bin = assert_cmd::cargo::cargo_bin("pacte");
    let output = std::process::Command::new("sh")
        .arg("-c")
        .arg(r#"trap '' XFSZ; ulimit -f 8; exec "$0" render --to pdf "$1" -o "$2" --force"#)
        .arg(&bin)
        .arg(GESTION)
        .arg(&out)
        .env("LANG", "en_CA.UTF-8")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("cannot write"), "{stderr}");
    assert!(stderr.contains("File too large"), "{stderr}");
    assert!(stderr.contains("(the previous file is intact)"), "{stderr}");
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .ends_with("PREVIOUS\n")
    );
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temporary file left"
    );
}

// --- Drafts (found by the fuzzer's first corpus) ----------------------------------

#[test]
fn a_draft_with_a_missing_required_answer_still_renders() {
    // The negotiation period is misspelt, so it is missing: the draft says
    // where an answer is needed instead of failing in a template.
    let run = pacte(&[
        "--lang",
        "en",
        "render",
        "--draft",
        "tests/fixtures/invalid/P010-unknown-key.toml",
    ]);
    // The finding names the key and the table, the spaces around them kept.
    expect(
        &run,
        0,
        &[
            "by negotiation, through their contact persons, for [to be completed] days",
            "unknown key *negociation_days* in *clauses.differends*",
        ],
    );
    let run = pacte(&["render", "tests/fixtures/invalid/P010-unknown-key.toml"]);
    expect(&run, 1, &["render refused"]);
}
