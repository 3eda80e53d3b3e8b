//! Replays the fuzz corpora (`fuzz/corpus/`) through the same harnesses the
//! cargo-fuzz targets run, so every input the fuzzers kept — and every crash
//! they found, saved there as a regression — is checked by `cargo test`.

#[path = "generator/mod.rs"]
mod generator;

use std::path::Path;

fn corpus(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new("fuzz/corpus").join(target);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| (p.display().to_string(), std::fs::read(&p).unwrap()))
        .collect()
}

#[test]
fn check_bytes_corpus_replays_without_panic() {
    let inputs = corpus("check_bytes");
    assert!(inputs.len() >= 20, "corpus too small: {}", inputs.len());
    for (name, data) in inputs {
        let outcome = std::panic::catch_unwind(|| generator::check_bytes(&data));
        assert!(outcome.is_ok(), "{name}");
    }
}

#[test]
fn render_generated_corpus_replays_without_panic() {
    let inputs = corpus("render_generated");
    assert!(inputs.len() >= 5, "corpus too small: {}", inputs.len());
    for (name, data) in inputs {
        let outcome = std::panic::catch_unwind(|| generator::render_generated(&data));
        assert!(outcome.is_ok(), "{name}");
    }
}

#[test]
fn the_generator_makes_what_it_promises() {
    // First party's name: one piece, the 10,000-character name; no recitals.
    let text = generator::generate(&[1, 1, 255]);
    assert_eq!(text.matches(&"Nom très long ".repeat(715)).count(), 1);
    assert!(text.contains(&"Nom très long ".repeat(715)), "no long name");
    assert!(text.contains("recitals = []"), "{text}");
    // Nothing changed, then recitals at the 1,000-entry limit.
    let mut bytes = vec![0; 17];
    bytes.push(255);
    let text = generator::generate(&bytes);
    let recitals = text.lines().find(|l| l.starts_with("recitals = ")).unwrap();
    assert_eq!(
        recitals.matches("\"\"").count(),
        pacte::convention::MAX_LIST_ITEMS
    );
    // Right-to-left text, an emoji and template syntax in the first short name.
    let text = generator::generate(&[0, 1, 3, 14, 17, 35]);
    assert!(text.contains("مرحبا بالعالم🤝{{ 7*7 }}"), "{text}");
    // Every generated convention parses and types.
    for bytes in [&[1, 1, 255][..], &[0, 1, 3, 14, 17, 35], &[0x7f; 64]] {
        generator::render_generated(bytes);
    }
}

#[test]
fn print_tree_corpus_replays_without_panic() {
    let inputs = corpus("print_tree");
    assert!(inputs.len() >= 10, "corpus too small: {}", inputs.len());
    for (name, data) in inputs {
        let outcome = std::panic::catch_unwind(|| generator::print_tree(&data));
        assert!(outcome.is_ok(), "{name}");
    }
}

#[test]
fn every_markdown_and_html_construct_in_a_value_reads_as_typed() {
    for value in [
        "&rlm;200 &amp; &#x200F; &ZeroWidthSpace; &lowbar;&lowbar;&lowbar;",
        "<!-- box --> <!-- /columns --> <b>gras</b> <div>x</div>",
        "**gras** *it* _a_ __b__ ~~barré~~ `code` ``` ~~~",
        "[lien](https://example.org) ![image](x.png) <https://example.org> [a]: b",
        "# Titre",
        "## Titre ##",
        "1. premier",
        "12) douze",
        "- tiret",
        "+ plus",
        "* étoile",
        "> citation",
        "===",
        "---",
        "***",
        "| a | b |",
        "\\ échappé \\* fin\\",
        "    quatre espaces",
        "a\u{1}b \u{7} \u{1b}[31m rouge",
        "\u{1}- tiret caché",
        "Martin\n\nDubé",
        "| a |\n\n| b |",
        "Premier paragraphe.\n\n# Second\n\n1. troisième",
        "{{ 7*7 }} {% if x %} {# c #}",
        "مرحبا &rlm; שלום",
    ] {
        generator::value_reads_as_typed(value);
    }
}
