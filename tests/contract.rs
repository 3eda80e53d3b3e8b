//! The contract between the code and the clause library: an overlay that
//! breaks it is refused (L009), one that opts out is reported (P084), and the
//! facts pacte computes with come from the library's named fields only.

use pacte::check::{CheckOptions, check_file};
use pacte::facts::Facts;
use pacte::library::contract::NEEDS;
use pacte::{ClauseLibrary, Code, Lang};
use std::path::{Path, PathBuf};

const EXAMPLE: &str = "examples/gestion-base-plein-air.toml";

/// A copy of a bundled clause with `edit` applied, as an organisation's folder.
fn overlay(clause: &str, edit: impl Fn(String) -> String) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(format!("clauses/{clause}.toml")).unwrap();
    std::fs::write(dir.path().join(format!("{clause}.toml")), edit(text)).unwrap();
    dir
}

fn load(dir: &Path) -> Result<ClauseLibrary, pacte::library::LibraryError> {
    ClauseLibrary::load(&[dir.to_path_buf()], Lang::En)
}

fn contract_errors(err: &pacte::library::LibraryError) -> Vec<String> {
    err.reports
        .iter()
        .flat_map(|r| &r.diagnostics)
        .filter(|d| d.code == Code::LibraryContract)
        .map(|d| d.message.clone())
        .collect()
}

#[test]
fn a_replacement_that_drops_a_choice_pacte_recognises_is_refused() {
    let dir = overlay("deliberations", |t| {
        t.replace(
            "  { value = \"majority\",",
            "  { value = \"simple_majority\",",
        )
    });
    let text = std::fs::read_to_string(dir.path().join("deliberations.toml")).unwrap();
    assert!(text.contains("simple_majority"), "the edit applies");
    let err = load(dir.path()).unwrap_err();
    let messages = contract_errors(&err);
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert!(
        messages[0].contains("deliberations.decision_rule")
            && messages[0].contains("majority")
            && messages[0].contains("consensus"),
        "{}",
        messages[0]
    );
}

#[test]
fn a_replacement_that_renames_a_money_field_is_refused_naming_it_and_why() {
    let dir = overlay("ressources", |t| {
        t.replace("name = \"total_budget\"", "name = \"budget_total\"")
            .replace("total_budget", "budget_total")
    });
    let err = load(dir.path()).unwrap_err();
    let messages = contract_errors(&err);
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert!(
        messages[0].starts_with("ressources.total_budget is missing: pacte needs it for"),
        "{}",
        messages[0]
    );
}

#[test]
fn the_same_replacement_with_computed_false_loads_and_its_checks_are_reported_skipped() {
    let dir = overlay("ressources", |t| {
        t.replace("name = \"total_budget\"", "name = \"budget_total\"")
            .replace("total_budget", "budget_total")
            .replacen("order =", "computed = false\norder =", 1)
    });
    let library = load(dir.path()).unwrap();
    let convention = std::fs::read_to_string(EXAMPLE)
        .unwrap()
        .replace("total_budget =", "budget_total =");
    let file = dir.path().join("convention.toml");
    std::fs::write(&file, convention).unwrap();
    let options = CheckOptions {
        lang: Lang::En,
        ..Default::default()
    };
    let checked = check_file(&file, &library, &options);
    let skipped: Vec<_> = checked
        .report
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::CheckSkipped)
        .collect();
    assert_eq!(skipped.len(), 1, "{:#?}", checked.report.diagnostics);
    assert!(skipped[0].message.contains("budget totals"));
    assert!(!checked.has_errors(), "{:#?}", checked.report.diagnostics);

    // Nothing is computed from a clause the library opts out of (the annexes
    // are built from these facts).
    let conv = checked.convention.as_ref().unwrap();
    let facts = Facts::of(conv, &library);
    assert!(facts.resources.is_none());
    assert!(facts.board.is_some());
    assert_eq!(facts.skipped.len(), 1);
}

#[test]
fn facts_of_the_example_are_read_through_the_contract() {
    let library = ClauseLibrary::bundled(Lang::En).unwrap();
    let checked = check_file(&PathBuf::from(EXAMPLE), &library, &CheckOptions::default());
    let conv = checked.convention.unwrap();
    let facts = Facts::of(&conv, &library);
    let board = facts.board.as_ref().unwrap();
    assert!(board.total_voting() > 0);
    assert_eq!(
        board.voting_by_party().len(),
        conv.parties.len(),
        "every party has voting seats in the example"
    );
    let resources = facts.resources.as_ref().unwrap();
    let total = resources.total_budget.as_ref().unwrap().value;
    let contributed: i64 = resources
        .contributions
        .iter()
        .map(|c| c.cash + c.in_kind)
        .sum();
    assert_eq!(contributed, total);
    assert!(facts.quorum.is_some() && facts.decision_rule.is_some());
    assert!(!facts.audits.is_empty() && facts.action_plan_deadline.is_some());
    assert!(facts.skipped.is_empty());
    // Every clause the contract names is a bundled clause.
    for need in NEEDS {
        assert!(library.clause(need.clause).is_some(), "{}", need.clause);
    }
}

#[test]
fn clauses_show_says_what_pacte_computes_with_and_what_an_opt_out_gives_up() {
    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_pacte"))
            .args(["--lang", "en"])
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    let bundled = run(&["clauses", "show", "conseil"]);
    assert!(
        bundled.contains("pacte computes with this clause: the balance of the board"),
        "{bundled}"
    );
    assert!(
        bundled.contains("seats (records, required, computed)")
            && bundled.contains("nomination (long_text, required)\n"),
        "{bundled}"
    );
    let replaced = run(&[
        "--clauses",
        "tests/fixtures/library/conseil-libre",
        "clauses",
        "show",
        "conseil",
    ]);
    assert!(
        replaced.contains(
            "computed = false: pacte takes nothing from it; neither checked nor produced: the balance of the board"
        ),
        "{replaced}"
    );
    assert!(!run(&["clauses", "show", "plaintes"]).contains("computes with"));
}

fn pacte(args: &[&str]) -> (i32, String, String) {
    // English messages; the documents in the conventions' own language.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_pacte"))
        .env("LANG", "en_CA.UTF-8")
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_clause_opted_out_renders_with_the_generic_template_and_no_annex_of_its_own() {
    let (code, out, err) = pacte(&[
        "--clauses",
        "tests/fixtures/library/conseil-libre",
        "render",
        "tests/fixtures/invalid/P084-check-skipped.toml",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Chaque partie nomme deux membres"), "{out}");
    assert!(
        !out.contains("Composition du conseil"),
        "no board annex: {out}"
    );
    // The bundled clause kept whole but opted out renders too.
    let dir = overlay("conseil", |t| {
        t.replacen("order =", "computed = false\norder =", 1)
    });
    let (code, _, err) = pacte(&["--clauses", dir.path().to_str().unwrap(), "render", EXAMPLE]);
    assert_eq!(code, 0, "{err}");
}

#[test]
fn opting_out_of_the_board_keeps_the_decision_rule_check() {
    let dir = overlay("conseil", |t| {
        t.replacen("order =", "computed = false\norder =", 1)
    });
    let library = load(dir.path()).unwrap();
    let text = std::fs::read_to_string(EXAMPLE).unwrap().replace(
        "decision_rule = \"consensus_majority\"",
        "decision_rule = \"majority\"",
    );
    let codes = codes_of(&library, text);
    assert!(codes.contains(&Code::VoteWithoutConsensus), "{codes:?}");
    assert!(codes.contains(&Code::CheckSkipped), "{codes:?}");
}

#[test]
fn a_library_may_leave_out_an_optional_need_but_not_change_its_type() {
    // Without the count of women: loads, and nothing is said about women.
    let dir = overlay("conseil", |t| {
        let start = t.find("name = \"women\"").unwrap();
        let block_start = t[..start].rfind("[[fields.fields]]").unwrap();
        let block_end = start + t[start..].find("[[fields]]").unwrap();
        format!("{}{}", &t[..block_start], &t[block_end..]).replace(", women = 1 }", " }")
    });
    if let Err(e) = load(dir.path()) {
        panic!("{e}");
    }
    // With it as text: refused.
    let dir = overlay("conseil", |t| {
        t.replace(
            "name = \"women\"\ntype = \"integer\"",
            "name = \"women\"\ntype = \"text\"",
        )
    });
    let messages = contract_errors(&load(dir.path()).unwrap_err());
    assert!(
        messages
            .iter()
            .any(|m| m.starts_with("conseil.seats.women is no longer a whole number")),
        "{messages:?}"
    );
}

#[test]
fn a_field_of_several_allowed_types_is_described_with_or() {
    let dir = overlay("ressources", |t| {
        t.replace(
            "name = \"item\"\ntype = \"text\"",
            "name = \"item\"\ntype = \"integer\"",
        )
    });
    let messages = contract_errors(&load(dir.path()).unwrap_err());
    assert_eq!(
        messages,
        [
            "ressources.budget_lines.item is no longer a text in quotes: pacte needs it for checking the budget totals and the financial annexes"
        ],
        "the two text types read the same: said once"
    );
}

#[test]
fn computed_on_a_clause_pacte_does_not_compute_with_is_refused() {
    let dir = overlay("plaintes", |t| {
        t.replacen("order =", "computed = false\norder =", 1)
    });
    let messages = contract_errors(&load(dir.path()).unwrap_err());
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert!(
        messages[0].contains("`computed` means nothing here"),
        "{messages:?}"
    );
}

#[test]
fn huge_amounts_and_counts_are_refused_without_overflow() {
    // 120 budget lines of nearly the largest amount: their sum overflows i64.
    let mut text = std::fs::read_to_string(EXAMPLE).unwrap();
    for _ in 0..120 {
        text.push_str(
            "\n[[clauses.ressources.budget_lines]]\nitem = \"x\"\namount = 92233720368547758\n",
        );
    }
    let library = ClauseLibrary::bundled(Lang::En).unwrap();
    let codes = codes_of(&library, text);
    assert!(codes.contains(&Code::BudgetLinesMismatch), "{codes:?}");
    // Board seats without an upper bound (an organisation's library).
    let dir = overlay("conseil", |t| t.replace("min = 1\nmax = 50", "min = 1"));
    let library = load(dir.path()).unwrap();
    let text = std::fs::read_to_string(EXAMPLE).unwrap().replacen(
        "seats = 2",
        "seats = 9223372036854775807",
        2,
    );
    let codes = codes_of(&library, text);
    assert!(
        codes.contains(&Code::QuorumBelowMajority) || codes.contains(&Code::BoardMajority),
        "{codes:?}"
    );
}

#[test]
fn a_withdrawal_notice_longer_than_the_term_is_reported_like_any_notice() {
    let library = ClauseLibrary::bundled(Lang::En).unwrap();
    let text = std::fs::read_to_string(EXAMPLE)
        .unwrap()
        .replace(
            "[clauses.retrait]\nnotice_days = 365",
            "[clauses.retrait]\nnotice_days = 730",
        )
        .replace("end_date = 2031-12-31", "end_date = 2028-06-30");
    let checked = pacte::check_text(
        Path::new("c.toml"),
        text,
        &library,
        &CheckOptions::default(),
    );
    let notices: Vec<&str> = checked
        .report
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::NoticeExceedsTerm)
        .map(|d| d.message.as_str())
        .collect();
    assert!(
        notices.iter().any(|m| m.contains("730 jours")),
        "{notices:?}"
    );
}

/// The codes `pacte check` finds in a convention's text.
fn codes_of(library: &ClauseLibrary, text: String) -> Vec<Code> {
    pacte::check_text(Path::new("c.toml"), text, library, &CheckOptions::default())
        .report
        .diagnostics
        .iter()
        .map(|d| d.code)
        .collect()
}
