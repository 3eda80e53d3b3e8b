//! `pacte schema`: the JSON Schema editors use accepts every example and
//! rejects what the checker rejects for type reasons.

use assert_cmd::Command;
use serde_json::Value;

fn pacte() -> Command {
    let mut cmd = Command::cargo_bin("pacte").unwrap();
    cmd.env_remove("LANG").env("NO_COLOR", "1");
    cmd
}

fn schema(args: &[&str]) -> Value {
    let out = pacte().arg("schema").args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// A convention as an editor's schema validator sees it: TOML dates become
/// RFC 3339 strings, as Taplo does.
fn toml_to_json(value: toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => i.into(),
        toml::Value::Float(f) => f.into(),
        toml::Value::Boolean(b) => b.into(),
        toml::Value::Datetime(d) => d.to_string().into(),
        toml::Value::Array(items) => items.into_iter().map(toml_to_json).collect(),
        toml::Value::Table(table) => Value::Object(
            table
                .into_iter()
                .map(|(k, v)| (k, toml_to_json(v)))
                .collect(),
        ),
    }
}

fn load(path: &str) -> Value {
    let text = std::fs::read_to_string(path).unwrap();
    toml_to_json(text.parse::<toml::Table>().map(toml::Value::Table).unwrap())
}

fn errors(validator: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    validator
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn the_schema_is_valid_draft_07_and_accepts_every_example() {
    // validator_for checks the schema against the draft-07 meta-schema.
    let validator = jsonschema::validator_for(&schema(&[])).unwrap();
    let mut seen = 0;
    for entry in std::fs::read_dir("examples").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "toml") {
            let errors = errors(&validator, &load(path.to_str().unwrap()));
            assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
            seen += 1;
        }
    }
    assert_eq!(seen, 4);
}

#[test]
fn the_schema_rejects_wrong_types_unknown_keys_and_choices() {
    let validator = jsonschema::validator_for(&schema(&["--lang", "en"])).unwrap();
    let base = load("examples/gestion-base-plein-air.toml");
    type Mutation = fn(&mut Value);
    let cases: [(&str, Mutation); 6] = [
        ("a quorum written as text", |c| {
            c["clauses"]["deliberations"]["quorum"] = "cinq".into();
        }),
        ("an amount below zero", |c| {
            c["clauses"]["ressources"]["total_budget"] = (-5).into();
        }),
        ("a percentage of 250", |c| {
            c["clauses"]["terminaison"]["surplus_shares"][0]["share"] = 250.into();
        }),
        ("an unknown choice", |c| {
            c["convention"]["language"] = "de".into();
        }),
        ("an unknown profile", |c| {
            c["convention"]["kind"] = "gestoin".into();
        }),
        ("a key one letter off", |c| {
            let clause = c["clauses"]["deliberations"].as_object_mut().unwrap();
            let quorum = clause.remove("quorum").unwrap();
            clause.insert("quorom".into(), quorum);
        }),
    ];
    for (what, mutate) in cases {
        let mut conv = base.clone();
        mutate(&mut conv);
        assert!(!validator.is_valid(&conv), "accepted {what}");
    }
    // A management convention without its board clause misses a required clause.
    let mut conv = base.clone();
    conv["clauses"].as_object_mut().unwrap().remove("conseil");
    let found = errors(&validator, &conv);
    assert!(found.iter().any(|e| e.contains("conseil")), "{found:#?}");
}

#[test]
fn the_schema_rejects_the_wrong_type_fixture() {
    // The checker reports P011 on this file: a date given as "15/03/2027".
    let validator = jsonschema::validator_for(&schema(&[])).unwrap();
    let found = errors(
        &validator,
        &load("tests/fixtures/invalid/P011-wrong-type.toml"),
    );
    assert!(!found.is_empty());
    assert!(found.iter().any(|e| e.contains("date")), "{found:#?}");
}

#[test]
fn the_schema_follows_the_clause_library_in_force() {
    let bundled = schema(&[]);
    assert!(bundled["properties"]["clauses"]["properties"]["reddition"].is_null());
    let overlay = schema(&["--clauses", "tests/fixtures/library/correctionnel"]);
    let reddition = &overlay["properties"]["clauses"]["properties"]["reddition"];
    assert!(reddition.is_object(), "{overlay:#}");
    let kinds = overlay["properties"]["convention"]["properties"]["kind"]["enum"]
        .as_array()
        .unwrap();
    assert!(
        kinds.contains(&"entente-correctionnelle".into()),
        "{kinds:?}"
    );
}

#[test]
fn descriptions_follow_the_interface_language() {
    let fr = schema(&["--lang", "fr"]);
    let en = schema(&["--lang", "en"]);
    let quorum = |s: &Value| {
        s["properties"]["clauses"]["properties"]["deliberations"]["properties"]["quorum"]
            ["description"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_ne!(quorum(&fr), quorum(&en));
    assert!(
        quorum(&en).to_lowercase().contains("quorum"),
        "{}",
        quorum(&en)
    );
}

#[test]
fn schema_output_file_is_replaced_only_when_pacte_wrote_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pacte.schema.json");
    pacte().args(["schema", "-o"]).arg(&path).assert().success();
    let first = std::fs::read_to_string(&path).unwrap();
    assert!(first.starts_with(pacte::schema::MARKER_PREFIX), "{first}");
    // Ours: replaced without --force.
    pacte().args(["schema", "-o"]).arg(&path).assert().success();
    // Someone else's: kept.
    std::fs::write(&path, "{}").unwrap();
    let out = pacte().args(["schema", "-o"]).arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--force"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "{}");
}

/// A free-text answer may be a table of languages; a name kept as written
/// in every edition may not, nor may a language pacte does not know.
#[test]
fn the_schema_types_translated_answers() {
    let validator = jsonschema::validator_for(&schema(&[])).unwrap();
    let translated = load("tests/fixtures/invalid/P085-untranslated-answer.toml");
    assert!(errors(&validator, &translated).is_empty());
    let mut bad = translated.clone();
    bad["convention"]["title"] = serde_json::json!({ "fr": "Titre", "de": "Titel" });
    assert!(!errors(&validator, &bad).is_empty(), "an unknown language");
    let mut bad = translated;
    bad["parties"][0]["name"] = serde_json::json!({ "fr": "Ville", "en": "City" });
    assert!(
        !errors(&validator, &bad).is_empty(),
        "a legal name is not translated"
    );
}
