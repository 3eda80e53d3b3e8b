//! The GitHub Actions workflow and the pre-commit hook in `docs/ci/`, run as
//! a repository of conventions would run them.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// PATH with the freshly built `pacte` first.
fn path_with_pacte() -> String {
    let bin = Path::new(env!("CARGO_BIN_EXE_pacte")).parent().unwrap();
    format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    )
}

fn sh(dir: &Path, command: &str) -> Output {
    Command::new("sh")
        .arg("-c")
        .arg(command)
        .current_dir(dir)
        .env("PATH", path_with_pacte())
        .env_remove("LANG")
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

/// The `run:` command of a named step of the workflow.
fn workflow_step(name: &str) -> String {
    let workflow = std::fs::read_to_string("docs/ci/conventions.yml").unwrap();
    let mut lines = workflow
        .lines()
        .skip_while(|l| l.trim() != format!("- name: {name}"));
    lines.next().expect("step exists");
    lines
        .map(str::trim)
        .find_map(|l| l.strip_prefix("run: "))
        .expect("step has a run command")
        .to_string()
}

fn copy(from: &str, to: PathBuf) {
    std::fs::create_dir_all(to.parent().unwrap()).unwrap();
    std::fs::copy(from, to).unwrap();
}

#[test]
fn the_workflow_check_step_annotates_a_pull_request() {
    let command = workflow_step("Check conventions");
    assert_eq!(
        command,
        "pacte $PACTE_SETTINGS check --lang fr --format github conventions/"
    );
    let repo = tempfile::tempdir().unwrap();
    copy(
        "examples/gestion-base-plein-air.toml",
        repo.path().join("conventions/gestion.toml"),
    );
    copy(
        "examples/realisation-jardins.toml",
        repo.path().join("conventions/jardins.toml"),
    );
    let clean = sh(repo.path(), &command);
    assert_eq!(clean.status.code(), Some(0), "{clean:?}");

    copy(
        "tests/fixtures/invalid/P051-quorum-single-party.toml",
        repo.path().join("conventions/quorum.toml"),
    );
    let out = sh(repo.path(), &command);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let (line, column) = quorum_position();
    let end = column + 1;
    assert!(
        stdout.contains(&format!(
            "::error file=conventions/quorum.toml,line={line},col={column},endLine={line},endColumn={end},title=P051 quorum-single-party::"
        )),
        "{stdout}"
    );
}

#[test]
fn a_pull_request_cannot_loosen_the_checks_with_its_own_settings() {
    let repo = tempfile::tempdir().unwrap();
    let r = repo.path();
    let ok = |out: Output| assert!(out.status.success(), "{out:?}");
    ok(git(r, &["init", "-q", "-b", "main"]));
    copy(
        "tests/fixtures/invalid/P051-quorum-single-party.toml",
        r.join("conventions/quorum.toml"),
    );
    std::fs::write(r.join("pacte.toml"), "[lints]\nP019 = \"allow\"\n").unwrap();
    ok(git(r, &["add", "."]));
    ok(git(r, &["commit", "-q", "-m", "base"]));
    ok(git(r, &["update-ref", "refs/remotes/origin/main", "HEAD"]));
    // The pull request allows the very error it brings.
    std::fs::write(r.join("pacte.toml"), "[lints]\nP051 = \"allow\"\n").unwrap();
    ok(git(r, &["commit", "-q", "-am", "allow everything"]));
    let check = workflow_step("Check conventions");
    assert_eq!(
        sh(r, &check).status.code(),
        Some(0),
        "the PR's own settings would pass it"
    );
    let env_file = r.join("github_env");
    let settings = workflow_step("Settings from the base branch");
    let script = format!(
        "export GITHUB_BASE_REF=main RUNNER_TEMP={} GITHUB_ENV={}; {settings}",
        r.display(),
        env_file.display()
    );
    ok(sh(r, &script));
    let exported = std::fs::read_to_string(&env_file).unwrap();
    let value = exported.trim().strip_prefix("PACTE_SETTINGS=").unwrap();
    assert!(value.starts_with("--config "), "{exported}");
    let out = sh(r, &format!("export PACTE_SETTINGS='{value}'; {check}"));
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("P051"));
}

#[test]
fn the_workflow_sarif_step_writes_a_report_even_with_findings() {
    let command = workflow_step("SARIF report");
    let repo = tempfile::tempdir().unwrap();
    copy(
        "tests/fixtures/invalid/P051-quorum-single-party.toml",
        repo.path().join("conventions/quorum.toml"),
    );
    let out = sh(repo.path(), &command);
    // Findings must not fail this step: the upload step reports them.
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let sarif: serde_json::Value =
        serde_json::from_slice(&std::fs::read(repo.path().join("pacte.sarif")).unwrap()).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    assert!(
        sarif["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["ruleId"] == "P051")
    );
    // A broken file is still a failure (exit 2 is not swallowed).
    std::fs::write(repo.path().join("conventions/broken.toml"), "[convention\n").unwrap();
    assert_eq!(sh(repo.path(), &command).status.code(), Some(1));
}

fn git(repo: &Path, args: &[&str]) -> Output {
    Command::new("git")
        .args(args)
        .current_dir(repo)
        .env("PATH", path_with_pacte())
        .env("GIT_AUTHOR_NAME", "Test")
        .env("GIT_AUTHOR_EMAIL", "test@example.org")
        .env("GIT_COMMITTER_NAME", "Test")
        .env("GIT_COMMITTER_EMAIL", "test@example.org")
        .env_remove("LANG")
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

#[test]
fn the_pre_commit_hook_refuses_staged_errors_only() {
    let repo = tempfile::tempdir().unwrap();
    let r = repo.path();
    assert!(git(r, &["init", "-q"]).status.success());
    copy("docs/ci/pre-commit", r.join(".git/hooks/pre-commit"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let hook = r.join(".git/hooks/pre-commit");
        std::fs::set_permissions(&hook, std::fs::Permissions::from_mode(0o755)).unwrap();
    }

    // A clean convention, and a TOML file that is not a convention.
    copy(
        "examples/gestion-base-plein-air.toml",
        r.join("conventions/gestion.toml"),
    );
    std::fs::write(r.join("Cargo.toml"), "[package]\nname = \"autre\"\n").unwrap();
    git(r, &["add", "."]);
    let ok = git(r, &["commit", "-q", "-m", "clean"]);
    assert!(ok.status.success(), "{ok:?}");

    // A staged error blocks the commit and is named.
    copy(
        "tests/fixtures/invalid/P051-quorum-single-party.toml",
        r.join("conventions/quorum.toml"),
    );
    git(r, &["add", "conventions/quorum.toml"]);
    let refused = git(r, &["commit", "-q", "-m", "quorum"]);
    assert!(!refused.status.success());
    // Git sends a hook's output to standard error.
    let said = String::from_utf8_lossy(&refused.stderr);
    let (line, column) = quorum_position();
    assert!(
        said.contains("P051") && said.contains(&format!("conventions/quorum.toml:{line}:{column}")),
        "{said}"
    );

    // Fixing only the working copy is not enough: the staged text is checked.
    copy(
        "examples/gestion-base-plein-air.toml",
        r.join("conventions/quorum.toml"),
    );
    assert!(!git(r, &["commit", "-q", "-m", "quorum"]).status.success());
    git(r, &["add", "conventions/quorum.toml"]);
    let fixed = git(r, &["commit", "-q", "-m", "quorum fixed"]);
    assert!(fixed.status.success(), "{fixed:?}");
}

/// Where the quorum fixture says its P051 is (`# expect: P051 LINE:COLUMN`),
/// so editing the fixture does not break these tests.
fn quorum_position() -> (usize, usize) {
    let text =
        std::fs::read_to_string("tests/fixtures/invalid/P051-quorum-single-party.toml").unwrap();
    let at = text
        .lines()
        .find_map(|l| l.strip_prefix("# expect: P051 "))
        .unwrap();
    let (line, column) = at.split_once(':').unwrap();
    (line.parse().unwrap(), column.trim().parse().unwrap())
}
