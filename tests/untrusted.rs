//! pacte on hostile ground: files it must not replace, secrets it must not
//! print, folders it must not leave, and input built to make it hang or
//! swell. Every case runs the real binary, in English, with a time limit, so
//! a regression fails rather than hangs.

#![cfg(unix)]

use assert_cmd::Command;
use std::os::unix::fs::symlink;
use std::path::Path;
use std::time::Duration;

const GESTION: &str = "examples/gestion-base-plein-air.toml";

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    /// Everything the run printed.
    fn all(&self) -> String {
        format!("{}\n{}", self.stdout, self.stderr)
    }
}

fn pacte_in(dir: Option<&Path>, args: &[&str]) -> Run {
    let mut cmd = Command::cargo_bin("pacte").unwrap();
    if let Some(dir) = dir {
        cmd.current_dir(dir);
    }
    let out = cmd
        // English messages from the locale: `--lang en` would also ask for
        // an English edition, which a French-only convention does not have.
        .env("LANG", "en_CA.UTF-8")
        .env("NO_COLOR", "1")
        .env("SECRET_TOKEN", "hunter2-do-not-print")
        .args(args)
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn pacte(args: &[&str]) -> Run {
    pacte_in(None, args)
}

fn abs(path: &str) -> String {
    std::fs::canonicalize(path)
        .unwrap()
        .to_string_lossy()
        .into_owned()
}

fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap();
    assert!(status.success());
}

// --- Outputs: nothing replaced that pacte did not write -----------------------

#[test]
fn a_pdf_from_another_tool_is_not_replaced_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let signed = dir.path().join("signed.pdf");
    let theirs = b"%PDF-1.7\n1 0 obj << /Producer (LibreOffice 7.6) >> endobj\ntrailer << /Info 1 0 R >>\n%%EOF\n";
    std::fs::write(&signed, theirs).unwrap();
    let out = signed.to_str().unwrap();
    for args in [
        &["render", "--to", "pdf", GESTION, "-o", out][..],
        &["render", GESTION, "-o", out][..],
        &["schema", "-o", out][..],
        &["diff", GESTION, GESTION, "-o", out][..],
    ] {
        let run = pacte(args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.all());
        assert!(
            run.stderr
                .contains("exists and was not written by pacte; use --force"),
            "{}",
            run.stderr
        );
        assert_eq!(std::fs::read(&signed).unwrap(), theirs, "{args:?}");
    }
    // pacte's own PDF carries its mark and is replaced freely.
    let run = pacte(&["render", "--to", "pdf", GESTION, "-o", out, "--force"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = pacte(&["render", "--to", "pdf", GESTION, "-o", out]);
    assert_eq!(run.code, 0, "pacte's own PDF: {}", run.stderr);
}

/// A PDF pacte made, then signed or edited elsewhere (an incremental
/// update with its own document information), is no longer pacte's; nor is
/// a file that merely quotes pacte's marks somewhere in its bytes.
#[test]
fn a_pacte_pdf_signed_elsewhere_or_quoting_its_marks_is_not_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let signed = dir.path().join("signed.pdf");
    let out = signed.to_str().unwrap();
    let run = pacte(&["render", "--to", "pdf", GESTION, "-o", out]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut bytes = std::fs::read(&signed).unwrap();
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let startxref: usize = text[text.rfind("startxref").unwrap() + 9..]
        .split_whitespace()
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let root = text[text.rfind("/Root").unwrap() + 5..]
        .split('R')
        .next()
        .unwrap()
        .trim()
        .to_string();
    // What a signing tool appends: a new information dictionary, a new
    // cross-reference section and a trailer pointing back to the old one.
    let object = 9_000;
    let at = bytes.len();
    bytes.extend(
        format!(
            "{object} 0 obj\n<< /Producer (Adobe Acrobat Pro 2024) /Title (Signed) >>\nendobj\n"
        )
        .as_bytes(),
    );
    let xref = bytes.len();
    bytes.extend(
        format!(
            "xref\n{object} 1\n{at:010} 00000 n \ntrailer\n<< /Size {} /Root {root} R /Info {object} 0 R /Prev {startxref} >>\nstartxref\n{xref}\n%%EOF\n",
            object + 1
        )
        .as_bytes(),
    );
    std::fs::write(&signed, &bytes).unwrap();
    let run = pacte(&["render", "--to", "pdf", GESTION, "-o", out]);
    assert_eq!(run.code, 2, "{}", run.all());
    assert_eq!(
        std::fs::read(&signed).unwrap(),
        bytes,
        "the signed PDF is intact"
    );

    let quoting = dir.path().join("quoting.pdf");
    let theirs = b"%PDF-1.7\n%<pdf:Producer>pacte 0.1.0</pdf:Producer> pacte-fingerprint:abc /Producer (pacte 0.1.0)\n%%EOF\n";
    std::fs::write(&quoting, theirs).unwrap();
    let run = pacte(&[
        "render",
        "--to",
        "pdf",
        GESTION,
        "-o",
        quoting.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 2, "{}", run.all());
    assert_eq!(std::fs::read(&quoting).unwrap(), theirs);
}

#[test]
fn devices_fifos_and_folders_are_never_output_targets() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("out.md");
    mkfifo(&fifo);
    for target in ["/dev/full", "/dev/null", fifo.to_str().unwrap()] {
        for force in [&[][..], &["--force"][..]] {
            let run = pacte(&[&["render", GESTION, "-o", target], force].concat());
            assert_eq!(run.code, 2, "{target}: {}", run.all());
            assert!(
                run.stderr.contains("not a regular file"),
                "{target}: {}",
                run.stderr
            );
        }
    }
    // A FIFO stays a FIFO: nothing replaced it.
    use std::os::unix::fs::FileTypeExt;
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
    // `-o -` is standard output.
    let run = pacte(&["render", GESTION, "-o", "-"]);
    assert_eq!(run.code, 0);
    assert!(
        run.stdout.contains("\n# Convention"),
        "{}",
        &run.stdout[..200]
    );
}

#[test]
fn the_convention_is_never_its_own_output() {
    let dir = tempfile::tempdir().unwrap();
    let conv = dir.path().join("c.toml");
    std::fs::copy(GESTION, &conv).unwrap();
    let c = conv.to_str().unwrap();
    for args in [
        &["render", c, "-o", c, "--force"][..],
        &["render", "--to", "pdf", c, "-o", c, "--force"][..],
        &["diff", GESTION, c, "-o", c, "--force"][..],
    ] {
        let run = pacte(args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.all());
        assert!(
            run.stderr.contains("is both the input and the output"),
            "{}",
            run.stderr
        );
    }
    assert_eq!(
        std::fs::read(&conv).unwrap(),
        std::fs::read(GESTION).unwrap()
    );
}

#[test]
fn new_outputs_follow_the_umask() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("private.md");
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "umask 077; exec \"$0\" render {GESTION} -o {}",
            out.display()
        ))
        .arg(env!("CARGO_BIN_EXE_pacte"))
        .status()
        .unwrap();
    assert!(status.success());
    let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "{mode:o}");
}

#[test]
fn a_link_as_output_keeps_being_a_link() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.md");
    let link = dir.path().join("link.md");
    std::fs::write(&real, "<!-- Generated by pacte: old -->\n").unwrap();
    symlink(&real, &link).unwrap();
    let run = pacte(&["render", GESTION, "-o", link.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(link.is_symlink());
    assert!(
        std::fs::read_to_string(&real)
            .unwrap()
            .contains("plein air du lac des Hérons")
    );
}

#[test]
fn man_pages_are_not_written_over_a_users_files() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("pacte.1"), "my own page\n").unwrap();
    let run = pacte(&["man", "--dir", dir.path().to_str().unwrap()]);
    assert_eq!(run.code, 2, "{}", run.all());
    assert_eq!(
        std::fs::read_to_string(dir.path().join("pacte.1")).unwrap(),
        "my own page\n"
    );
    let run = pacte(&["man", "--dir", dir.path().to_str().unwrap(), "--force"]);
    assert_eq!(run.code, 0);
    // Now they are pacte's pages, replaced freely.
    let run = pacte(&["man", "--dir", dir.path().to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

// --- An untrusted repository: settings, links, folders ------------------------

/// A repository (a `.git` folder) holding one convention.
fn repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    std::fs::create_dir(dir.path().join("conventions")).unwrap();
    std::fs::copy(GESTION, dir.path().join("conventions/gestion.toml")).unwrap();
    dir
}

#[test]
fn settings_linked_to_the_environment_are_not_printed() {
    let repo = repository();
    symlink("/proc/self/environ", repo.path().join("pacte.toml")).unwrap();
    for format in ["human", "json", "sarif", "github"] {
        let run = pacte_in(
            Some(repo.path()),
            &["check", "--format", format, "conventions"],
        );
        assert_eq!(run.code, 2, "{}", run.all());
        assert!(!run.all().contains("hunter2"), "{format}: {}", run.all());
        assert!(
            run.stderr.contains("outside the repository"),
            "{}",
            run.stderr
        );
    }
    // CI that does not trust the repository's settings skips them...
    let run = pacte_in(Some(repo.path()), &["--no-config", "check", "conventions"]);
    assert_eq!(run.code, 0, "{}", run.all());
    // ...or names its own.
    let own = repo.path().join("ci-settings.toml");
    std::fs::write(&own, "[lints]\nP056 = \"allow\"\n").unwrap();
    let run = pacte_in(
        Some(repo.path()),
        &["--config", own.to_str().unwrap(), "check", "conventions"],
    );
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(run.stdout.contains("0 notes"), "{}", run.stdout);
}

#[test]
fn settings_cannot_send_pacte_reading_outside_the_repository() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(
        outside.path().join("secret.toml"),
        "id = \"x\"\ntoken = hunter2-do-not-print\n",
    )
    .unwrap();
    let repo = repository();
    for clauses in [
        outside.path().to_str().unwrap().to_string(),
        "../..".to_string(),
    ] {
        std::fs::write(
            repo.path().join("pacte.toml"),
            format!("clauses = [{clauses:?}]\n"),
        )
        .unwrap();
        let run = pacte_in(Some(repo.path()), &["check", "conventions"]);
        assert_eq!(run.code, 2, "{}", run.all());
        assert!(
            run.stderr.contains("leaves the repository"),
            "{}",
            run.stderr
        );
        assert!(!run.all().contains("hunter2"));
    }
    // The same folder given on the command line is the user's choice.
    let run = pacte_in(
        Some(repo.path()),
        &[
            "--no-config",
            "--clauses",
            outside.path().to_str().unwrap(),
            "check",
            "conventions",
        ],
    );
    assert_eq!(run.code, 2, "a broken library is still reported");
}

#[test]
fn settings_above_the_repository_are_not_read() {
    let above = tempfile::tempdir().unwrap();
    std::fs::write(above.path().join("pacte.toml"), "this is not toml = = =\n").unwrap();
    let repo = above.path().join("repo");
    std::fs::create_dir_all(repo.join(".git")).unwrap();
    std::fs::copy(GESTION, repo.join("c.toml")).unwrap();
    let run = pacte_in(Some(&repo), &["check", "c.toml"]);
    assert_eq!(run.code, 0, "{}", run.all());
}

#[test]
fn a_convention_linked_to_a_system_file_is_not_echoed() {
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("c.toml");
    symlink("/proc/self/environ", &link).unwrap();
    for format in ["human", "json", "sarif", "github"] {
        let run = pacte(&["check", "--format", format, link.to_str().unwrap()]);
        assert_eq!(run.code, 2, "{}", run.all());
        assert!(!run.all().contains("hunter2"), "{format}: {}", run.all());
        assert!(run.all().contains("system file"), "{format}: {}", run.all());
    }
}

#[test]
fn a_folder_walk_does_not_follow_links_out_or_round_in_loops() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(
        outside.path().join("creds.toml"),
        "[default]\naws_secret = hunter2-do-not-print\n",
    )
    .unwrap();
    let repo = repository();
    let conv = repo.path().join("conventions");
    symlink(outside.path().join("creds.toml"), conv.join("creds.toml")).unwrap();
    // Two loops, and a second name for the same file.
    symlink(&conv, conv.join("loop")).unwrap();
    symlink(repo.path(), conv.join("up")).unwrap();
    symlink(conv.join("gestion.toml"), conv.join("alias.toml")).unwrap();
    for format in ["human", "json", "sarif", "github"] {
        let run = pacte_in(
            Some(repo.path()),
            &["check", "--format", format, "conventions"],
        );
        assert_eq!(run.code, 2, "{}", run.all());
        assert!(!run.all().contains("hunter2"), "{format}: {}", run.all());
        assert!(
            run.all().contains("outside the folder"),
            "{format}: {}",
            run.all()
        );
    }
    let run = pacte_in(Some(repo.path()), &["check", "conventions"]);
    // The example checked once (its one note), not forty-one times; the two
    // links out (a file, the repository above) reported, not followed.
    assert_eq!(
        run.stdout.matches("note[P056]").count(),
        1,
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("--> conventions/creds.toml"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("--> conventions/up"), "{}", run.stdout);
    assert!(run.stdout.contains("3 files checked"), "{}", run.stdout);
}

#[test]
fn a_folder_named_on_the_command_line_that_links_out_is_not_walked() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(
        outside.path().join("credentials.toml"),
        "token = \"cio-hunter2-do-not-print\"\n",
    )
    .unwrap();
    let repo = tempfile::tempdir().unwrap();
    std::fs::create_dir(repo.path().join(".git")).unwrap();
    symlink(outside.path(), repo.path().join("conventions")).unwrap();
    for format in ["human", "json", "sarif", "github"] {
        let run = pacte_in(
            Some(repo.path()),
            &["check", "--format", format, "conventions/"],
        );
        assert_eq!(run.code, 2, "{}", run.all());
        assert!(!run.all().contains("hunter2"), "{format}: {}", run.all());
        assert!(
            run.all().contains("outside the folder"),
            "{format}: {}",
            run.all()
        );
    }
    // Named by its real path, it is the user's choice.
    let run = pacte_in(
        Some(repo.path()),
        &["check", outside.path().to_str().unwrap()],
    );
    assert_eq!(run.code, 1, "not a convention, but read: {}", run.all());
    assert!(
        run.all().contains("P010") || run.all().contains("P012"),
        "{}",
        run.all()
    );
}

#[test]
fn github_annotations_cannot_be_forged_by_a_value() {
    let text = std::fs::read_to_string(GESTION).unwrap().replacen(
        "[convention]\n",
        "[convention]\n\"x\\r\\n::error file=evil::forged\\u001b[2J\\u0007\\u202e\\u2028 ##[error]old\" = 1\n",
        1,
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.toml");
    std::fs::write(&path, text).unwrap();
    for format in ["github", "sarif", "human", "json"] {
        let run = pacte(&["check", "--format", format, path.to_str().unwrap()]);
        assert_eq!(run.code, 1, "{}", run.all());
        let out = &run.stdout;
        assert!(
            !out.contains(['\u{1b}', '\u{7}', '\u{202e}', '\r']),
            "{format}: a raw control character got through"
        );
        assert!(
            !out.contains('\u{2028}') && !out.contains("##["),
            "{format}: {out}"
        );
        if format == "github" {
            assert!(
                out.lines().all(|l| l.starts_with("::")),
                "one command per line: {out}"
            );
            assert!(!out.contains("\n::error file=evil"), "{out}");
        } else {
            // A CI runner takes any line starting with `::` for a command.
            assert!(
                !out.lines().any(|l| l.trim_start().starts_with("::")),
                "{format}: {out}"
            );
        }
    }
}

// --- Templates and libraries cannot escape, hang or swell ----------------------

/// A templates folder overriding the term clause's template with `body`.
/// (The document is in English: `--lang en` sets its language too.)
fn templates_with(body: &[u8]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let clauses = dir.path().join("en/clauses");
    std::fs::create_dir_all(&clauses).unwrap();
    std::fs::write(clauses.join("duree.md.j2"), body).unwrap();
    dir
}

/// Renders the bilingual example's English edition, which the overrides
/// in `en/` reach.
fn render_with(templates: &Path) -> Run {
    render_with_args(templates, &[])
}

fn render_with_args(templates: &Path, args: &[&str]) -> Run {
    let mut all = vec![
        "--lang",
        "en",
        "render",
        "examples/realisation-jardins.toml",
        "--templates",
        templates.to_str().unwrap(),
    ];
    all.extend_from_slice(args);
    pacte(&all)
}

#[test]
fn a_template_linked_outside_its_folder_is_refused() {
    let dir = templates_with(b"");
    let target = dir.path().join("en/clauses/duree.md.j2");
    std::fs::remove_file(&target).unwrap();
    symlink("/etc/passwd", &target).unwrap();
    let run = render_with(dir.path());
    assert_eq!(run.code, 2, "{}", run.all());
    assert!(run.stderr.contains("outside the folder"), "{}", run.stderr);
    assert!(!run.all().contains("root:"), "{}", run.all());
}

#[test]
fn a_broken_override_is_an_error_naming_its_file_and_line() {
    let dir = templates_with(b"Le terme.\n{% if %}\n");
    let run = render_with(dir.path());
    assert_eq!(run.code, 2, "{}", run.all());
    assert!(
        run.stderr
            .contains("en/clauses/duree.md.j2:2: syntax error"),
        "{}",
        run.stderr
    );
    let dir = templates_with(b"Le terme \xff\xfe.\n");
    let run = render_with(dir.path());
    assert_eq!(run.code, 2, "{}", run.all());
    assert!(run.stderr.contains("not UTF-8"), "{}", run.stderr);
}

#[test]
fn fifos_and_huge_files_in_template_and_library_folders_are_refused_unread() {
    for what in ["fifo", "huge"] {
        let dir = templates_with(b"");
        let target = dir.path().join("en/clauses/duree.md.j2");
        std::fs::remove_file(&target).unwrap();
        let lib = tempfile::tempdir().unwrap();
        let clause = lib.path().join("duree.toml");
        if what == "fifo" {
            mkfifo(&target);
            mkfifo(&clause);
        } else {
            // Sparse: a gigabyte on paper, nothing on disk.
            for f in [&target, &clause] {
                std::fs::File::create(f).unwrap().set_len(1 << 30).unwrap();
            }
        }
        let expected = if what == "fifo" { "FIFO" } else { "too large" };
        let run = render_with(dir.path());
        assert_eq!(run.code, 2, "{what}: {}", run.all());
        assert!(run.stderr.contains(expected), "{what}: {}", run.stderr);
        let run = pacte(&["check", "--clauses", lib.path().to_str().unwrap(), GESTION]);
        assert_eq!(run.code, 2, "{what}: {}", run.all());
        assert!(run.all().contains(expected), "{what}: {}", run.all());
    }
}

#[test]
fn templates_that_build_without_end_are_stopped_with_their_name() {
    // Output: stopped in-process at 32 MiB.
    let dir = templates_with(b"{{ 'x ' * 50000000 }}");
    let run = render_with(dir.path());
    assert_eq!(run.code, 2, "{}", run.all());
    assert!(
        run.stderr.contains("duree.md.j2") && run.stderr.contains("more than 32 MiB"),
        "{}",
        run.stderr
    );
    // A list that doubles itself: minijinja materialises it element by
    // element; the operating system stops the sandboxed child.
    let dir = templates_with(
        b"{% set ns = namespace(a=[1]) %}{% for i in range(33) %}{% set ns.a = ns.a + ns.a %}{% endfor %}{{ ns.a|length }}",
    );
    let out = Command::cargo_bin("pacte")
        .unwrap()
        .env("PACTE_TEMPLATE_CPU_SECONDS", "2")
        .args([
            "--lang",
            "en",
            "render",
            "examples/realisation-jardins.toml",
            "--templates",
        ])
        .arg(dir.path())
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("duree.md.j2 went past the limits of a template"),
        "{err}"
    );
}

#[test]
fn a_template_that_runs_to_thousands_of_pages_is_stopped() {
    let out = tempfile::tempdir().unwrap();
    let pdf = out.path().join("long.pdf");
    // The bilingual example's English edition with `lines` one-line
    // paragraphs in its term clause, as a PDF.
    let render_lines = |lines: usize| {
        let body = format!("{{% for i in range({lines}) %}}Line {{{{ i }}}}.\n\n{{% endfor %}}");
        let dir = templates_with(body.as_bytes());
        render_with_args(dir.path(), &["--to", "pdf", "-o", pdf.to_str().unwrap()])
    };
    let run = render_lines(60_000);
    assert_ne!(run.code, 0, "{}", run.all());
    assert!(run.stderr.contains("past 1000 pages"), "{}", run.stderr);
    assert!(!pdf.exists());
    // Fewer pages than the limit are a document like any other.
    let run = render_lines(2_000);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(pdf.exists());
}

#[test]
fn a_long_extends_chain_is_resolved_quickly() {
    let lib = tempfile::tempdir().unwrap();
    std::fs::create_dir(lib.path().join("profiles")).unwrap();
    for i in 0..990 {
        let extends = if i == 0 {
            "extends = \"gestion\"\n".to_string()
        } else {
            format!("extends = \"p{}\"\n", i - 1)
        };
        std::fs::write(
            lib.path().join(format!("profiles/p{i}.toml")),
            format!(
                "id = \"p{i}\"\n{extends}title.fr = \"P\"\ntitle.en = \"P\"\ndescription.fr = \"P\"\ndescription.en = \"P\"\n"
            ),
        )
        .unwrap();
    }
    let start = std::time::Instant::now();
    let run = pacte(&["check", "--clauses", lib.path().to_str().unwrap(), GESTION]);
    assert_eq!(run.code, 0, "{}", run.all());
    // Seconds at most even unoptimised; the benchmark has the real number.
    assert!(start.elapsed() < Duration::from_secs(20));
    // Past 1,000 profiles (the bundled ones count), the library is refused:
    // each holds its resolved clause list.
    for i in 990..1_000 {
        std::fs::write(
            lib.path().join(format!("profiles/q{i}.toml")),
            format!(
                "id = \"q{i}\"\ntitle.fr = \"Q\"\ntitle.en = \"Q\"\ndescription.fr = \"Q\"\ndescription.en = \"Q\"\n"
            ),
        )
        .unwrap();
    }
    let run = pacte(&["check", "--clauses", lib.path().to_str().unwrap(), GESTION]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("the library has 1,004 profiles; pacte accepts at most 1,000"),
        "{}",
        run.stderr
    );
}

// --- Large input ------------------------------------------------------------

#[test]
fn many_findings_of_one_code_are_counted_not_drawn() {
    let mut text = std::fs::read_to_string(GESTION).unwrap();
    for i in 0..500 {
        text.push_str(&format!("[extra{i}]\nx = 1\n"));
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.toml");
    std::fs::write(&path, text).unwrap();
    let run = pacte(&["check", path.to_str().unwrap()]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout.matches("error[P010]").count(), 20);
    assert!(
        run.stdout.contains("… and 480 more P010 in ")
            && run.stdout.contains("(all are listed with --format json)"),
        "{}",
        run.stdout
    );
    let run = pacte(&["check", "--format", "json", path.to_str().unwrap()]);
    assert_eq!(run.stdout.matches("\"P010\"").count(), 500);
}

#[test]
fn a_file_of_a_hundred_thousand_tables_is_refused_before_parsing() {
    let mut text = std::fs::read_to_string(GESTION).unwrap();
    for i in 0..100_000 {
        text.push_str(&format!("[t{i}]\nx=1\n"));
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.toml");
    std::fs::write(&path, &text).unwrap();
    let run = pacte(&["check", path.to_str().unwrap()]);
    assert_eq!(run.code, 2, "{}", run.all());
    assert!(
        run.stdout
            .contains("error[P005]: the file holds more than 20,000 tables"),
        "{}",
        run.stdout
    );
    // At the table where the count passes the limit.
    let at = run.stdout.split("c.toml:").nth(1).unwrap();
    let line: usize = at.split(':').next().unwrap().parse().unwrap();
    assert!(
        text.lines().nth(line - 1).unwrap().starts_with("[t"),
        "{at}"
    );
}

#[test]
fn dates_outside_a_sane_range_are_refused() {
    let text = std::fs::read_to_string(GESTION).unwrap().replacen(
        "effective_date = 2027-01-01",
        "effective_date = 0001-01-01",
        1,
    );
    assert!(text.contains("0001-01-01"), "the example's date moved");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.toml");
    std::fs::write(&path, text).unwrap();
    let run = pacte(&["check", path.to_str().unwrap()]);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout.contains(
            "`convention.effective_date` falls in 1, outside the accepted range (1900 to 2200)"
        ),
        "{}",
        run.stdout
    );
}

#[test]
fn a_check_of_many_files_is_in_the_order_given() {
    let dir = tempfile::tempdir().unwrap();
    let mut names = Vec::new();
    for i in 0..40 {
        let name = format!("c{i:02}.toml");
        let text = std::fs::read_to_string(GESTION).unwrap().replacen(
            "[convention]\n",
            &format!("[convention]\nunknown{i} = 1\n"),
            1,
        );
        std::fs::write(dir.path().join(&name), text).unwrap();
        names.push(name);
    }
    let run = pacte(&["check", "--format", "json", dir.path().to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let keys: Vec<String> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "P010")
        .map(|d| d["message"].as_str().unwrap().to_string())
        .collect();
    let expected: Vec<String> = (0..40)
        .map(|i| format!("unknown key `unknown{i}` in `convention`"))
        .collect();
    assert_eq!(
        keys.iter()
            .map(|k| k.split(" (").next().unwrap().to_string())
            .collect::<Vec<_>>(),
        expected
    );
    let _ = abs(GESTION);
}

/// An answer of tens of thousands of paragraphs is bounded like a runaway
/// template: the PDF is refused, and the message names the answer too.
#[test]
fn an_answer_of_thousands_of_paragraphs_is_stopped_and_named() {
    let dir = tempfile::tempdir().unwrap();
    let source = std::fs::read_to_string("examples/gestion-base-plein-air.toml").unwrap();
    let many = "a.\\n\\n".repeat(40_000);
    let huge = source.replacen("assets = \"", &format!("assets = \"{many}"), 1);
    assert_ne!(huge, source);
    let path = dir.path().join("huge.toml");
    std::fs::write(&path, huge).unwrap();
    let pdf = dir.path().join("huge.pdf");
    let run = pacte(&[
        "render",
        "--to",
        "pdf",
        "-o",
        pdf.to_str().unwrap(),
        path.to_str().unwrap(),
    ]);
    assert_ne!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("an answer out of all proportion"),
        "{}",
        run.stderr
    );
    assert!(!pdf.exists());
}
