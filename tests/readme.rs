//! The README's promises: its code table is the registry's, and its two
//! commands are the ones CI runs.

use pacte::{Code, Lang};

fn readme() -> String {
    std::fs::read_to_string("README.md").unwrap()
}

/// The code table as the registry says it should read.
fn expected_table() -> String {
    let mut out = String::from("| Code | Name | Default | Meaning |\n|---|---|---|---|\n");
    for &code in Code::ALL {
        let severity = code.default_severity().name(Lang::En);
        let summary = code.explanation().summary.get(Lang::En);
        out.push_str(&format!(
            "| {code} | `{}` | {severity} | {summary} |\n",
            code.slug()
        ));
    }
    out
}

#[test]
fn readme_code_table_matches_the_registry() {
    let text = readme();
    let start = text
        .find("<!-- codes:start -->\n")
        .expect("codes:start marker")
        + "<!-- codes:start -->\n".len();
    let end = text.find("<!-- codes:end -->").expect("codes:end marker");
    assert_eq!(
        &text[start..end],
        expected_table(),
        "update the README table between the markers"
    );
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
