//! The README's promises: short, its two commands the ones CI runs, its
//! links into the generated reference kept fresh.

fn readme() -> String {
    std::fs::read_to_string("README.md").unwrap()
}

/// README is a door, not the manual: at most 10 KB, the rest in docs/.
#[test]
fn the_readme_stays_short_and_points_into_the_docs() {
    let text = readme();
    assert!(text.len() <= 10 * 1024, "README is {} bytes", text.len());
    for page in [
        "docs/fr/index.md",
        "docs/en/index.md",
        "docs/reference/en/codes.md",
        "CONTRIBUTING.md",
        "ARCHITECTURE.md",
    ] {
        assert!(text.contains(page), "README does not link {page}");
    }
}

#[test]
fn ci_runs_the_readme_test_command() {
    let text = readme();
    let ci = std::fs::read_to_string(".ci/run").unwrap();
    let test = std::fs::read_to_string(".ci/test").unwrap();
    for command in [
        "bash .ci/test",
        "cargo run --locked -- check examples/gestion-base-plein-air.toml",
    ] {
        assert!(text.contains(command), "README lacks `{command}`");
    }
    assert!(
        ci.contains("\nbash .ci/test\n"),
        ".ci/run must run the README's test command"
    );
    assert!(
        test.trim_end().ends_with("exec cargo test --locked \"$@\""),
        ".ci/test ends by running the tests"
    );
}

/// The contract page's table as the code's list of needs says it should read.
fn expected_contract_table() -> String {
    use pacte::library::contract::NEEDS;
    let snake = |kind: &pacte::library::FieldKind| {
        let mut out = String::new();
        for (i, c) in format!("{kind:?}").chars().enumerate() {
            if c.is_uppercase() && i > 0 {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        }
        format!("`{out}`")
    };
    let mut out = String::from(
        "| Clause | Field | Type | Values it must offer | May a library leave it out? | What pacte computes with it |\n|---|---|---|---|---|---|\n",
    );
    for need in NEEDS {
        let kinds: Vec<String> = need.kinds.iter().map(snake).collect();
        let values: Vec<String> = need.values.iter().map(|v| format!("`{v}`")).collect();
        out.push_str(&format!(
            "| `{}` | `{}` | {} | {} | {} | {} |\n",
            need.clause,
            need.path,
            kinds.join(", "),
            values.join(", "),
            if need.optional { "yes" } else { "no" },
            need.used_for.en
        ));
    }
    out
}

#[test]
fn the_contract_page_lists_every_field_the_code_computes_with() {
    let page = std::fs::read_to_string("docs/library-contract.md").unwrap();
    let table = &page[page.find("| Clause |").expect("the table")..];
    assert_eq!(
        table,
        expected_contract_table(),
        "docs/library-contract.md is out of date with src/library/contract.rs"
    );
    assert!(
        readme().contains("docs/library-contract.md"),
        "the README links the page"
    );
}

/// The reference pages under docs/reference are what `pacte reference`
/// generates from the code and the data today.
#[test]
fn the_generated_reference_is_up_to_date() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_pacte"))
        .args(["reference", "--dir", "docs/reference", "--check"])
        .env_remove("LANG")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
