//! Machine formats of `pacte check`: SARIF validated against the official
//! SARIF 2.1.0 schema, GitHub Actions annotations as a snapshot.

use assert_cmd::Command;
use serde_json::Value;

fn pacte() -> Command {
    let mut cmd = Command::cargo_bin("pacte").unwrap();
    cmd.env_remove("LANG").env("NO_COLOR", "1");
    cmd
}

fn run(args: &[&str]) -> (i32, String) {
    let out = pacte().args(args).output().unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
    )
}

fn sarif_validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string("tests/schemas/sarif-schema-2.1.0.json").unwrap();
    let mut schema: Value = serde_json::from_str(&text).unwrap();
    // The 2.1.0 file has a malformed `pattern` (an unbalanced `]`) on the
    // two `language` properties, which fails the draft-07 meta-schema;
    // SARIF's errata spell it `^[a-zA-Z]{2}(-[a-zA-Z]{2})?$`. Correct it in
    // memory only, so the vendored file stays byte-for-byte the official one.
    for owner in ["run", "toolComponent"] {
        let pattern = &mut schema["definitions"][owner]["properties"]["language"]["pattern"];
        assert_eq!(pattern, "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$");
        *pattern = "^[a-zA-Z]{2}(-[a-zA-Z]{2})?$".into();
    }
    jsonschema::validator_for(&schema).unwrap()
}

fn assert_valid(validator: &jsonschema::Validator, log: &Value) {
    let errors: Vec<String> = validator
        .iter_errors(log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "SARIF invalid:\n{}", errors.join("\n"));
}

#[test]
fn sarif_validates_against_the_official_schema() {
    let validator = sarif_validator();
    // Every fixture, plus a missing file (a result without a region).
    let (code, out) = run(&[
        "check",
        "--format",
        "sarif",
        "--lang",
        "en",
        "tests/fixtures/invalid",
        "tests/fixtures/does-not-exist.toml",
    ]);
    assert_eq!(code, 2, "an unreadable file exits 2");
    let log: Value = serde_json::from_str(&out).unwrap();
    assert_valid(&validator, &log);

    let run0 = &log["runs"][0];
    let rules = run0["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), pacte::Code::ALL.len());
    let results = run0["results"].as_array().unwrap();
    // The same findings as the JSON format, one result each.
    let (_, json) = run(&[
        "check",
        "--format",
        "json",
        "tests/fixtures/invalid",
        "tests/fixtures/does-not-exist.toml",
    ]);
    let json: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(results.len(), json["diagnostics"].as_array().unwrap().len());
    for result in results {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
    }
    // The quorum finding points at its exact line and column.
    let quorum = results
        .iter()
        .find(|r| r["ruleId"] == "P051")
        .expect("a P051 result");
    let location = &quorum["locations"][0]["physicalLocation"];
    assert_eq!(
        location["artifactLocation"]["uri"],
        "tests/fixtures/invalid/P051-quorum-single-party.toml"
    );
    assert_eq!(location["region"]["startLine"], 198);
    assert_eq!(location["region"]["startColumn"], 10);
    assert_eq!(quorum["level"], "error");
    let rule = &rules[quorum["ruleIndex"].as_u64().unwrap() as usize];
    assert_eq!(rule["name"], "quorum-single-party");
    assert!(!rule["help"]["text"].as_str().unwrap().is_empty());
    // The missing file has a location without a region.
    assert!(results.iter().any(|r| {
        r["ruleId"] == "P004"
            && r["locations"][0]["physicalLocation"]
                .get("region")
                .is_none()
    }));
}

#[test]
fn a_clean_run_is_valid_sarif_with_notes_only() {
    let (code, out) = run(&["check", "--format", "sarif", "examples/"]);
    assert_eq!(code, 0);
    let log: Value = serde_json::from_str(&out).unwrap();
    assert_valid(&sarif_validator(), &log);
    // The examples are clean; the management example's board carries a note.
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert!(results.iter().all(|r| r["level"] == "note"), "{results:?}");
}

#[test]
fn the_schema_check_is_not_vacuous() {
    let (_, out) = run(&["check", "--format", "sarif", "examples/"]);
    let mut log: Value = serde_json::from_str(&out).unwrap();
    log["version"] = "2.0.0".into();
    assert!(!sarif_validator().is_valid(&log));
    let mut log: Value = serde_json::from_str(&out).unwrap();
    log["runs"][0]["results"] = serde_json::json!([{ "level": "fatal", "message": {} }]);
    assert!(!sarif_validator().is_valid(&log));
}

#[test]
fn github_annotations_snapshot() {
    let (code, out) = run(&[
        "check",
        "--format",
        "github",
        "--lang",
        "en",
        "tests/fixtures/invalid/P051-quorum-single-party.toml",
        "tests/fixtures/invalid/P050-board-majority.toml",
        "tests/fixtures/invalid/P072-shares-not-hundred.toml",
    ]);
    assert_eq!(code, 1);
    for line in out.lines() {
        assert!(
            line.starts_with("::error file=")
                || line.starts_with("::warning file=")
                || line.starts_with("::notice file="),
            "{line}"
        );
    }
    insta::assert_snapshot!(out);
}
