//! The documentation stays true: every relative link of the Markdown pages
//! (README, CONTRIBUTING, ARCHITECTURE, CHANGELOG, everything under docs/)
//! leads to a file that exists and, with a `#fragment`, to a heading of that
//! file; every French page of the guide has its English counterpart.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn pages() -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = [
        "README.md",
        "CONTRIBUTING.md",
        "ARCHITECTURE.md",
        "CHANGELOG.md",
    ]
    .iter()
    .map(PathBuf::from)
    .filter(|p| p.exists())
    .collect();
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "md") {
                out.push(path);
            }
        }
    }
    walk(Path::new("docs"), &mut out);
    out.sort();
    out
}

/// The text outside fenced code blocks.
fn prose(text: &str) -> String {
    let mut out = String::new();
    let mut fenced = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if !fenced {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// GitHub's (and mdBook's) anchor for a heading.
fn slug(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == ' ' || *c == '-' || *c == '_')
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

fn anchors(text: &str) -> BTreeSet<String> {
    prose(text)
        .lines()
        .filter(|l| l.starts_with('#'))
        .map(|l| slug(l.trim_start_matches('#')))
        .collect()
}

fn links(text: &str) -> Vec<String> {
    let prose = prose(text);
    let mut out = Vec::new();
    let mut rest = prose.as_str();
    while let Some(at) = rest.find("](") {
        rest = &rest[at + 2..];
        let end = rest.find(')').unwrap_or(rest.len());
        out.push(rest[..end].trim().to_string());
        rest = &rest[end..];
    }
    out
}

#[test]
fn every_relative_link_leads_to_a_file_and_a_heading() {
    let mut broken = Vec::new();
    for page in pages() {
        let text = std::fs::read_to_string(&page).unwrap();
        let dir = page.parent().unwrap_or(Path::new(""));
        for link in links(&text) {
            if link.starts_with("http") || link.starts_with("mailto:") || link.is_empty() {
                continue;
            }
            let (path, fragment) = match link.split_once('#') {
                Some((p, f)) => (p, Some(f)),
                None => (link.as_str(), None),
            };
            let target = if path.is_empty() {
                page.clone()
            } else {
                dir.join(path)
            };
            if !target.exists() {
                broken.push(format!("{}: {link} (no such file)", page.display()));
                continue;
            }
            if let Some(fragment) = fragment
                && target.is_file()
            {
                let target_text = std::fs::read_to_string(&target).unwrap_or_default();
                if !anchors(&target_text).contains(fragment) {
                    broken.push(format!("{}: {link} (no such heading)", page.display()));
                }
            }
        }
    }
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

/// The organisation's example repository works as its README says: its
/// convention checks clean with the folder's own settings, and renders its
/// own clause with its own templates in both languages.
#[test]
fn the_organisation_example_checks_and_renders_with_its_own_clauses() {
    let dir = Path::new("examples/organisation");
    let pacte = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_pacte"))
            .args(args)
            .current_dir(dir)
            .env_remove("LANG")
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (code, out, err) = pacte(&["--lang", "en", "check", "conventions/"]);
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(
        out.contains("1 file checked: 0 errors, 0 warnings"),
        "{out}"
    );
    let (code, out, err) = pacte(&["clauses", "list", "--profile", "entente-soutien-domicile"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("reddition"), "{out}");
    for (lang, expected) in [
        (
            "fr",
            "au plus tard 30 jours après la fin de chaque trimestre",
        ),
        ("en", "no later than 30 days after the end of each quarter"),
    ] {
        let (code, out, err) = pacte(&[
            "render",
            "--lang",
            lang,
            "conventions/entente-repas.toml",
            "--templates",
            "templates",
        ]);
        assert_eq!(code, Some(0), "{err}");
        assert!(out.contains(expected), "{out}");
    }
    // Without its templates, the clause is written field by field from the
    // library's labels: a party by its name, never as a record.
    let (code, out, err) = pacte(&["render", "conventions/entente-repas.toml"]);
    assert_eq!(code, Some(0), "{err}");
    let article = &out[out.find("## Article 15 — Reddition").unwrap()..];
    let first = article.lines().find(|l| l.starts_with("**15.1**")).unwrap();
    assert!(
        first.contains("Organisme qui rend compte") && first.ends_with("l’Organisme."),
        "{first}"
    );
    assert!(
        !article[..article.len().min(2000)].contains('{'),
        "{article}"
    );
}

/// The book's summary lists the same pages in French and in English, in the
/// same order, and every page of the guide is in it.
#[test]
fn every_guide_page_is_in_both_languages_and_in_the_summary() {
    let summary = std::fs::read_to_string("docs/SUMMARY.md").unwrap();
    let (fr, en) = summary
        .split_once("# English")
        .expect("an English part in docs/SUMMARY.md");
    let pages = |part: &str, lang: &str| -> Vec<String> {
        links(part)
            .into_iter()
            .filter(|l| {
                l.starts_with(&format!("{lang}/")) || l.starts_with(&format!("reference/{lang}/"))
            })
            .collect()
    };
    let (fr, en) = (pages(fr, "fr"), pages(en, "en"));
    assert_eq!(fr.len(), en.len(), "French {fr:?}\nEnglish {en:?}");
    assert!(fr.len() >= 10);
    for lang in ["fr", "en"] {
        for page in self::pages() {
            let Ok(rel) = page.strip_prefix(format!("docs/{lang}")) else {
                continue;
            };
            let entry = format!("{lang}/{}", rel.display());
            assert!(
                summary.contains(&entry),
                "{entry} is not in docs/SUMMARY.md"
            );
        }
    }
}

/// Copies `from` (a file or a folder) to `to`.
fn copy(from: &Path, to: &Path) {
    if from.is_dir() {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            copy(&entry.path(), &to.join(entry.file_name()));
        }
    } else {
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(from, to).unwrap();
    }
}

/// The `pacte` command lines of the guide's `sh` and `console` blocks, with
/// the page they are on and the `cd` lines before them.
fn guide_commands() -> Vec<(PathBuf, String)> {
    let mut pages: Vec<PathBuf> = pages()
        .into_iter()
        .filter(|p| {
            p.starts_with("docs/fr") || p.starts_with("docs/en") || p == Path::new("README.md")
        })
        .collect();
    pages.push(PathBuf::from("examples/organisation/README.md"));
    let mut out = Vec::new();
    for page in pages {
        let text = std::fs::read_to_string(&page).unwrap();
        let mut shell = false;
        let mut fenced = false;
        for line in text.lines() {
            let trimmed = line.trim_start();
            if let Some(info) = trimmed.strip_prefix("```") {
                fenced = !fenced;
                shell = fenced && matches!(info.trim(), "sh" | "console" | "bash");
                continue;
            }
            if !shell {
                continue;
            }
            let command = trimmed.strip_prefix("$ ").unwrap_or(trimmed);
            // A comment after two spaces is the page's, not the shell's.
            let command = command.split("  #").next().unwrap_or_default().trim();
            if command.starts_with("pacte ") || command.starts_with("cd ") {
                out.push((page.clone(), command.to_string()));
            }
        }
    }
    out
}

/// Every `pacte` command the guide shows runs: in a scratch folder holding
/// the files the pages name (the bundled examples, `jardins.toml`, two
/// versions to compare, a folder of conventions), each exits 0 or 1 — an
/// unknown option, subcommand or file would exit 2. The wizard's commands
/// (`new`, `edit`) need a terminal and are expected to say so (exit 2).
#[test]
fn every_command_the_guide_shows_runs() {
    let scratch = tempfile::tempdir().unwrap();
    let root = scratch.path();
    copy(Path::new("examples"), &root.join("examples"));
    copy(Path::new("examples"), &root.join("conventions"));
    std::fs::remove_dir_all(root.join("conventions/organisation")).unwrap();
    copy(
        Path::new("examples/realisation-jardins.toml"),
        &root.join("jardins.toml"),
    );
    copy(
        Path::new("examples/gestion-base-plein-air.toml"),
        &root.join("v1.toml"),
    );
    copy(
        Path::new("tests/fixtures/diff/gestion-v2.toml"),
        &root.join("v2.toml"),
    );
    let home = root.join("home");
    std::fs::create_dir_all(&home).unwrap();
    let commands = guide_commands();
    assert!(commands.len() > 20, "{commands:?}");
    let mut failures = Vec::new();
    let mut cwd = root.to_path_buf();
    let mut page_seen = PathBuf::new();
    for (page, line) in &commands {
        if *page != page_seen {
            cwd = root.to_path_buf();
            page_seen = page.clone();
        }
        let line = line
            .replace("/usr/share/doc/pacte/examples/", "examples/")
            .replace('~', &home.display().to_string());
        if let Some(dir) = line.strip_prefix("cd ") {
            cwd = root.join(dir.trim());
            continue;
        }
        let (command, redirect) = match line.split_once(" > ") {
            Some((c, file)) => (c.to_string(), Some(file.trim().to_string())),
            None => (line.clone(), None),
        };
        let words = shell_words(&command);
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_pacte"))
            .args(&words[1..])
            .current_dir(&cwd)
            .env("HOME", &home)
            .env_remove("LANG")
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap();
        let code = out.status.code();
        let interactive = matches!(words.get(1).map(String::as_str), Some("new" | "edit"));
        let ok = if interactive {
            code == Some(2)
        } else {
            matches!(code, Some(0 | 1))
        };
        if !ok {
            failures.push(format!(
                "{}: `{command}` exited {code:?}: {}",
                page.display(),
                String::from_utf8_lossy(&out.stderr)
            ));
        }
        if let Some(file) = redirect {
            let target = cwd.join(file);
            std::fs::create_dir_all(target.parent().unwrap()).unwrap();
            std::fs::write(target, &out.stdout).unwrap();
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Splits a command line on spaces, keeping "quoted words" whole.
fn shell_words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ' ' if !quoted => {
                if !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
            }
            _ => word.push(c),
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// A finding shown in the guide is what `pacte check` prints for the file it
/// names, word for word: a sample cannot drift from the program.
#[test]
fn every_finding_the_guide_shows_is_the_real_output() {
    let mut samples = 0;
    for page in pages() {
        let text = std::fs::read_to_string(&page).unwrap();
        let mut block: Option<Vec<&str>> = None;
        for line in text.lines() {
            match (&mut block, line.trim_start().starts_with("```")) {
                (None, true) if line.trim() == "```text" => block = Some(Vec::new()),
                (Some(lines), true) => {
                    let sample = lines.join("\n");
                    block = None;
                    let lang = if sample.starts_with("erreur[") {
                        "fr"
                    } else if sample.starts_with("error[") {
                        "en"
                    } else {
                        continue;
                    };
                    // A finding about a whole file has no place to show.
                    let Some(file) = sample
                        .lines()
                        .nth(1)
                        .and_then(|l| l.split("--> ").nth(1))
                        .and_then(|l| l.split(':').next())
                    else {
                        continue;
                    };
                    let out = std::process::Command::new(env!("CARGO_BIN_EXE_pacte"))
                        .args(["--no-config", "--lang", lang, "check", file])
                        .env("NO_COLOR", "1")
                        .output()
                        .unwrap();
                    let out = String::from_utf8_lossy(&out.stdout);
                    assert!(
                        out.contains(&sample),
                        "{}: the sample is not what pacte prints:\n{sample}\n---\n{out}",
                        page.display()
                    );
                    samples += 1;
                }
                (Some(lines), false) => lines.push(line),
                _ => {}
            }
        }
    }
    assert!(samples >= 2, "the guide shows findings in both languages");
}

/// Template authors find every layout marker in the guide, in both
/// languages.
#[test]
fn every_layout_marker_is_documented_for_template_authors() {
    for page in [
        "docs/fr/coordination/rendu.md",
        "docs/en/coordinators/rendering.md",
    ] {
        let text = std::fs::read_to_string(page).unwrap();
        for (marker, _, _) in pacte::render::print::markers::VOCABULARY {
            // `<!-- columns grid -->` is listed as written; the others too.
            assert!(text.contains(marker), "{page} does not document `{marker}`");
        }
    }
}
