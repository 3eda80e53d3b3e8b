//! Every diagnostic code is triggered by a fixture, at the line and column the
//! fixture states; every bundled example is clean.
//!
//! A convention fixture starts with comment lines:
//! `# expect: CODE LINE:COLUMN` and optionally `# args: --final` or
//! `# args: --clauses DIR`.

use pacte::check::{CheckOptions, check_file};
use pacte::validate::Options;
use pacte::{ClauseLibrary, Code, Lang, Severity};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn sorted_entries(dir: &str) -> Vec<PathBuf> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    entries
}

struct Expectation {
    code: Code,
    line: usize,
    column: usize,
    final_check: bool,
    clauses: Vec<PathBuf>,
}

fn expectation(path: &Path) -> Expectation {
    let text = std::fs::read_to_string(path).unwrap();
    let mut expect = None;
    let (mut final_check, mut clauses) = (false, Vec::new());
    for line in text.lines().take_while(|l| l.starts_with('#')) {
        if let Some(rest) = line.strip_prefix("# expect: ") {
            let (code, pos) = rest.split_once(' ').unwrap();
            let (l, c) = pos.split_once(':').unwrap();
            expect = Some((
                Code::parse(code).unwrap(),
                l.parse().unwrap(),
                c.parse().unwrap(),
            ));
        }
        if let Some(args) = line.strip_prefix("# args: ") {
            let mut words = args.split_whitespace();
            while let Some(w) = words.next() {
                match w {
                    "--final" => final_check = true,
                    "--clauses" => clauses.push(PathBuf::from(words.next().unwrap())),
                    other => panic!("{}: unknown arg {other}", path.display()),
                }
            }
        }
    }
    let (code, line, column) =
        expect.unwrap_or_else(|| panic!("{} has no `# expect:` line", path.display()));
    Expectation {
        code,
        line,
        column,
        final_check,
        clauses,
    }
}

#[test]
fn each_convention_fixture_triggers_its_code_at_its_position() {
    let mut covered = BTreeSet::new();
    for path in sorted_entries("tests/fixtures/invalid") {
        let e = expectation(&path);
        let library = ClauseLibrary::load(&e.clauses, Lang::En).unwrap();
        let options = CheckOptions {
            validate: Options {
                final_check: e.final_check,
                ..Default::default()
            },
            lang: Lang::En,
            ..Default::default()
        };
        let report = check_file(&path, &library, &options).report;
        let source = report.source.as_ref().unwrap();
        let found: Vec<(Code, usize, usize)> = report
            .diagnostics
            .iter()
            .map(|d| {
                let p = source.position(d.span.clone().unwrap_or(0..0).start);
                (d.code, p.line, p.column)
            })
            .collect();
        assert!(
            found.contains(&(e.code, e.line, e.column)),
            "{}: expected {} at {}:{}, found {found:?}",
            path.display(),
            e.code,
            e.line,
            e.column
        );
        // The file name starts with the code it demonstrates.
        assert!(
            path.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(e.code.as_str())
        );
        covered.insert(e.code);
    }
    // Codes about unreadable files are covered through the binary (tests/cli.rs).
    let through_cli = [Code::NotUtf8, Code::FileTooLarge, Code::UnreadableFile];
    for code in Code::ALL
        .iter()
        .filter(|c| !c.is_library() && !through_cli.contains(c))
    {
        assert!(covered.contains(code), "no fixture triggers {code}");
    }
}

#[test]
fn each_library_fixture_triggers_its_code_at_its_position() {
    let expected = [
        ("L001-library-syntax", "cassee.toml", 3, 26),
        ("L002-library-schema", "budget.toml", 10, 8),
        ("L003-library-duplicate", "double2.toml", 1, 6),
        ("L004-field-incomplete", "muette.toml", 9, 8),
        ("L005-library-unknown-reference", "bancal.toml", 6, 23),
        ("L006-profile-cycle", "oeuf.toml", 2, 11),
        ("L007-invalid-example", "exemple.toml", 16, 11),
        ("L008-id-mismatch", "nom.toml", 1, 6),
        ("L009-library-contract", "conseil.toml", 11, 8),
    ];
    for (dir, file, line, column) in expected {
        let code = Code::parse(&dir[..4]).unwrap();
        let err = ClauseLibrary::load(&[Path::new("tests/fixtures/library").join(dir)], Lang::En)
            .unwrap_err();
        let hit = err.reports.iter().any(|r| {
            r.path.file_name().unwrap() == file
                && r.diagnostics.iter().any(|d| {
                    let p = r
                        .source
                        .as_ref()
                        .unwrap()
                        .position(d.span.clone().unwrap().start);
                    d.code == code && (p.line, p.column) == (line, column)
                })
        });
        assert!(
            hit,
            "{dir}: expected {code} in {file} at {line}:{column}, got {err}"
        );
    }
    for code in Code::ALL.iter().filter(|c| c.is_library()) {
        assert!(
            expected.iter().any(|(d, ..)| d.starts_with(code.as_str())),
            "no fixture for {code}"
        );
    }
}

#[test]
fn bundled_examples_are_clean_even_for_signature() {
    let library = ClauseLibrary::bundled(Lang::Fr).unwrap();
    let options = CheckOptions {
        validate: Options {
            final_check: true,
            ..Default::default()
        },
        ..Default::default()
    };
    let mut profiles = BTreeSet::new();
    for path in sorted_entries("examples")
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
    {
        let checked = check_file(&path, &library, &options);
        let problems: Vec<_> = checked
            .report
            .diagnostics
            .iter()
            .filter(|d| d.severity > Severity::Note)
            .collect();
        assert!(problems.is_empty(), "{}: {problems:#?}", path.display());
        profiles.insert(checked.convention.unwrap().profile.unwrap());
    }
    let all: BTreeSet<String> = library.profiles().map(|p| p.id.clone()).collect();
    assert_eq!(profiles, all, "one example per bundled profile");
}

#[test]
fn the_organisation_library_extends_the_bundled_one() {
    let library = ClauseLibrary::load(
        &[PathBuf::from("tests/fixtures/library/correctionnel")],
        Lang::Fr,
    )
    .unwrap();
    let profile = library.profile("entente-correctionnelle").unwrap();
    assert!(profile.clauses.contains(&"reddition".to_string()));
    assert!(
        profile.clauses.contains(&"clientele".to_string()),
        "inherited from entente-services"
    );
    assert_eq!(profile.max_duration_months, Some(60));
    assert!(
        library.profile("gestion").is_some(),
        "bundled profiles stay"
    );
}

/// P050 follows the decision rule: a bare majority of the seats holds the
/// board under a majority vote, with or without consensus sought first,
/// and no longer under a two-thirds vote; two thirds of the seats hold it
/// under any rule.
#[test]
fn board_majority_depends_on_the_majority_a_vote_needs() {
    let library = ClauseLibrary::bundled(Lang::En).unwrap();
    let fixture =
        std::fs::read_to_string("tests/fixtures/invalid/P050-board-majority.toml").unwrap();
    let p050 = |rule: &str, city_seats: &str| {
        let text = fixture
            .replace(
                "decision_rule = \"consensus_majority\"",
                &format!("decision_rule = \"{rule}\""),
            )
            .replace(
                "party = \"ville\"\nseats = 7",
                &format!("party = \"ville\"\nseats = {city_seats}"),
            );
        let options = CheckOptions {
            lang: Lang::En,
            ..Default::default()
        };
        let checked = pacte::check::check_text("c.toml", text, &library, &options);
        checked
            .report
            .diagnostics
            .into_iter()
            .filter(|d| d.code == Code::BoardMajority)
            .map(|d| d.help)
            .collect::<Vec<_>>()
    };
    // 7 of 13 voting seats.
    for rule in ["majority", "consensus_majority"] {
        let found = p050(rule, "7");
        assert_eq!(found.len(), 1, "{rule}");
        assert!(found[0].contains("two thirds"), "{found:?}");
    }
    for rule in ["two_thirds", "consensus_two_thirds"] {
        assert!(
            p050(rule, "7").is_empty(),
            "{rule}: 7 of 13 cannot decide alone"
        );
    }
    // 12 of 18: two thirds exactly.
    let found = p050("consensus_two_thirds", "12");
    assert_eq!(found.len(), 1);
    assert!(found[0].contains("rebalance the seats"), "{found:?}");
}

/// Translated answers are typed strictly: a name or the kind of agreement
/// is never a table of languages (P011), a key that is not a language is
/// named (P011), and a blank translation is a missing one (P085).
#[test]
fn translated_answers_are_typed_strictly() {
    let library = ClauseLibrary::bundled(Lang::En).unwrap();
    let example = std::fs::read_to_string("examples/realisation-jardins.toml").unwrap();
    let found = |from: &str, to: &str| {
        let text = example.replacen(from, to, 1);
        assert_ne!(text, example, "{from}");
        let options = CheckOptions {
            lang: Lang::En,
            ..Default::default()
        };
        pacte::check::check_text("c.toml", text, &library, &options)
            .report
            .diagnostics
            .into_iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| (d.code, d.message))
            .collect::<Vec<_>>()
    };
    let name = found(
        "name = \"Ville de Rivière-aux-Saules\"",
        "name = { fr = \"Ville\", en = \"City\" }",
    );
    assert!(
        name.iter()
            .any(|(c, m)| *c == Code::WrongType && m.contains("parties[1].name")),
        "{name:?}"
    );
    let kind = found(
        "kind = \"realisation\"",
        "kind = { fr = \"realisation\", en = \"gestion\" }",
    );
    assert!(kind.iter().any(|(c, _)| *c == Code::WrongType), "{kind:?}");
    let key = found("en = \"Saint-Jean Community Gardens\"", "de = \"Gärten\"");
    assert!(
        key.iter()
            .any(|(c, m)| *c == Code::WrongType && m.contains("`de` that is not a language")),
        "{key:?}"
    );
    let blank = found("en = \"Saint-Jean Community Gardens\"", "en = \"  \"");
    assert_eq!(
        blank,
        vec![(
            Code::UntranslatedAnswer,
            "`convention.short_title` has no English text".to_string()
        )]
    );
}

/// `paragraphs` splits a long text at its blank lines; on any other kind of
/// field it would cut a sentence, so the library is refused.
#[test]
fn only_a_long_text_may_be_printed_as_paragraphs() {
    let dir = tempfile::tempdir().unwrap();
    let clause = std::fs::read_to_string("tests/fixtures/library/L002-library-schema/budget.toml")
        .unwrap()
        .replace("type = \"textt\"", "type = \"text\"\nparagraphs = true");
    std::fs::write(dir.path().join("budget.toml"), &clause).unwrap();
    let err = ClauseLibrary::load(&[dir.path().to_path_buf()], Lang::En).unwrap_err();
    let text = err.to_string();
    assert!(
        text.contains(
            "only a top-level `long_text` field without a `sentence` may have `paragraphs`"
        ),
        "{text}"
    );
    let long = clause.replace("type = \"text\"", "type = \"long_text\"");
    std::fs::write(dir.path().join("budget.toml"), &long).unwrap();
    assert!(ClauseLibrary::load(&[dir.path().to_path_buf()], Lang::En).is_ok());
    // A sentence around the answer would be cut by its paragraphs.
    let sentence = long.replace(
        "paragraphs = true",
        "paragraphs = true\nsentence.fr = \"Les parties conviennent que {}.\"\nsentence.en = \"The parties agree that {}.\"",
    );
    std::fs::write(dir.path().join("budget.toml"), sentence).unwrap();
    assert!(ClauseLibrary::load(&[dir.path().to_path_buf()], Lang::En).is_err());
}
