//! The progress bar of a long `pacte check`: drawn on a terminal, never in
//! CI or with a machine format (real binary in a pseudo-terminal).
//!
//! Unix only: expectrl drives a Unix pseudo-terminal; the bar itself is
//! indicatif's, drawn the same way on every system.
#![cfg(unix)]

use expectrl::{Eof, Expect, Session};
use std::process::Command;
use std::time::Duration;

/// A folder of 250 copies of the management example.
fn many() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string("examples/gestion-base-plein-air.toml").unwrap();
    for i in 0..250 {
        std::fs::write(dir.path().join(format!("c{i:03}.toml")), &text).unwrap();
    }
    dir
}

/// What `pacte check` prints on a terminal for the folder, with `env`.
fn screen(dir: &std::path::Path, args: &[&str], ci: bool) -> String {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_pacte"));
    cmd.args(["--lang", "en", "check"])
        .args(args)
        .arg(dir)
        .env("TERM", "xterm")
        .env("NO_COLOR", "1")
        .env_remove("CI");
    if ci {
        cmd.env("CI", "true");
    }
    let mut s = Session::spawn(cmd).unwrap();
    s.set_expect_timeout(Some(Duration::from_secs(30)));
    let out = s.expect(Eof).unwrap();
    String::from_utf8_lossy(out.as_bytes()).into_owned()
}

#[test]
fn a_long_check_shows_its_progress_on_a_terminal_only() {
    let dir = many();
    let shown = screen(dir.path(), &[], false);
    assert!(shown.contains("/250"), "no progress drawn:\n{shown}");
    assert!(shown.contains("250 files checked"), "{shown}");
    let shown = screen(dir.path(), &[], true);
    assert!(!shown.contains("/250"), "a bar in CI:\n{shown}");
    let shown = screen(dir.path(), &["--format", "json"], false);
    assert!(!shown.contains("/250"), "a bar with a machine format");
}
