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
    for command in [
        "cargo test --locked",
        "cargo run --locked -- check examples/gestion-base-plein-air.toml",
    ] {
        assert!(text.contains(command), "README lacks `{command}`");
    }
    assert!(
        ci.contains("cargo test --locked"),
        ".ci/run must run the README's test command"
    );
}
