//! `pacte render --to md`: every example in both languages (snapshots a
//! reviewer can read in tests/snapshots/), and the rendering rules.

use assert_cmd::Command;
use std::path::Path;

fn pacte() -> Command {
    let mut cmd = Command::cargo_bin("pacte").unwrap();
    cmd.env_remove("LANG").env("NO_COLOR", "1");
    cmd
}

fn render(args: &[&str]) -> (i32, String, String) {
    let out = pacte().arg("render").args(args).output().unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

const GESTION: &str = "examples/gestion-base-plein-air.toml";

#[test]
fn every_example_renders_in_french_and_english() {
    let mut paths: Vec<_> = std::fs::read_dir("examples")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    let mut french_only = 0;
    for path in paths {
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let file = path.to_str().unwrap();
        let (code, out, err) = render(&["--lang", "fr", file]);
        assert_eq!(code, 0, "{name} fr: {err}");
        insta::assert_snapshot!(format!("render-{name}-fr"), out);
        let bilingual = std::fs::read_to_string(&path)
            .unwrap()
            .contains("languages = [\"fr\", \"en\"]");
        let (code, out, err) = render(&["--lang", "en", file]);
        if bilingual {
            assert_eq!(code, 0, "{name} en: {err}");
            insta::assert_snapshot!(format!("render-{name}-en"), out);
        } else {
            // A French-only convention has no English edition: refused at
            // each untranslated answer, never printed half in French.
            french_only += 1;
            assert_eq!(code, 1, "{name} en: {out}");
            assert!(out.is_empty());
            assert!(
                err.contains("error[P085]") || err.contains("erreur[P085]"),
                "{err}"
            );
            assert!(
                err.contains(&format!("{file}:9:9")),
                "the title, at its line: {err}"
            );
        }
    }
    assert!(french_only >= 1, "one example stays French-only");
}

#[test]
fn articles_are_numbered_and_cross_references_resolve() {
    let (_, out, _) = render(&[GESTION]);
    assert!(out.contains("## Article 1er — Définitions"));
    assert!(out.contains("## Article 3 — Objet et mission"));
    assert!(out.contains("## Article 31 — Signatures"));
    assert!(out.contains("**11.2** Le quorum est de cinq membres ayant droit de vote, dont au moins un membre nommé par la Ville et un membre nommé par la MRC."));
    // References to annexes resolve to their letters, in order of appearance.
    assert!(out.contains("dont la composition figure à l’annexe A"));
    assert!(out.contains("figurent à l’annexe B"));
    assert!(out.contains("## Annexe D — Calendrier des échéances"));
    // Cross-references between clauses resolve to the actual numbers.
    assert!(out.contains("malgré l’article 26, la partie qui a donné l’avis de non-disponibilité"));
    assert!(out.contains("**Plan d’action**\u{a0}: le plan adopté conformément à l’article 13"));
    assert!(out.contains("réglées conformément à l’article 27."));
    assert!(
        out.contains("jusqu’à ce que les vérifications prévues à l’article 19 soient terminées")
    );
    // Without the referenced clause, the sentence is left out rather than dangling.
    let (_, small, _) = render(&["examples/realisation-jardins.toml"]);
    assert!(
        !small.contains("sont réglées conformément"),
        "no terminaison clause, no reference to it"
    );
    assert!(small.contains(
        "les stipulations de l’article 19 sur les sommes dues à la fin de la présente convention"
    ));
    assert!(
        small.contains("soumettre le différend à la médiation\u{202f}; à défaut d’accord"),
        "no mediator: no dangling words"
    );
    // The management example is French-only: its English boilerplate is
    // read in a draft, the answers marked untranslated.
    let (_, en, _) = render(&["--lang", "en", "--draft", GESTION]);
    assert!(en.contains("## Article 1 — Definitions"));
    assert!(en.contains("set out in Annex B"));
    assert!(en.contains("despite Article 26, the party that gave the notice that appropriations are not available is bound to pay only"));
}

#[test]
fn dates_money_and_french_typography() {
    let (_, fr, _) = render(&[GESTION]);
    assert!(fr.contains("entre en vigueur le 1er janvier 2027 et prend fin le 31 décembre 2031"));
    assert!(fr.contains("s’élève à 480\u{202f}000,00\u{a0}$ par exercice financier"));
    assert!(fr.contains("ci-après «\u{a0}la Ville\u{a0}»"));
    assert!(fr.contains("Référence\u{a0}: CONV-2027-014"));
    assert!(!fr.contains(" :"), "every colon has its no-break space");
    assert!(!fr.contains('\''), "apostrophes are typographic");
    assert!(fr.contains("au Club"), "« à le Club » is contracted");
    let (_, en, _) = render(&["--lang", "en", "--draft", GESTION]);
    assert!(en.contains("comes into force on January 1, 2027 and expires on December 31, 2031"));
    assert!(en.contains("is $480,000.00 per Fiscal Year"));
}

#[test]
fn a_convention_with_errors_is_refused_unless_draft() {
    let fixture = "tests/fixtures/invalid/P051-quorum-single-party.toml";
    let (code, out, err) = render(&[fixture]);
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert!(
        err.contains("erreur[P051]") && err.contains("--draft"),
        "{err}"
    );
    let (code, out, _) = render(&["--draft", fixture]);
    assert_eq!(code, 0);
    assert!(out.contains("> **PROJET — NON VALIDÉ**"));
    assert!(out.contains("## Annexe G — Constats ouverts"), "{out}");
    assert!(out.contains("P051 erreur (ligne 198, colonne 10)"), "{out}");
    let (_, en, _) = render(&["--draft", "--lang", "en", fixture]);
    assert!(en.contains("> **DRAFT — NOT VALIDATED**"));
}

#[test]
fn hostile_user_text_renders_literally() {
    let text = std::fs::read_to_string("examples/realisation-jardins.toml").unwrap();
    let hostile = text
        .replace(
            "name = \"Coopérative de solidarité Les Jardins partagés\"",
            "name = \"# | * {{ 7*7 }} {% include 'x' %}\"",
        )
        .replace(
            "mechanisms.fr = \"",
            "mechanisms.fr = \"## Titre\\n\\n| a | b |\\n- puce ",
        )
        // The English splits alike, or the editions would number apart (P088).
        .replace("mechanisms.en = \"", "mechanisms.en = \"Title\\n\\n");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hostile.toml");
    std::fs::write(&path, hostile).unwrap();
    let (code, out, err) = render(&[path.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    // Escaped where Markdown would read markup, and only there.
    assert!(
        out.contains("**# | * {{ 7\\*7 }} {% include ’x’ %}**"),
        "{out}"
    );
    assert!(
        !out.contains("49"),
        "user text is never evaluated as a template"
    );
    // The field is printed as paragraphs: its blank line starts one, and
    // neither is a heading, a table or a list.
    assert!(
        out.contains("** ## Titre\n\n**10.2** | a | b | - puce"),
        "{out}"
    );
    assert!(
        !out.lines()
            .any(|l| l == "## Titre" || l.starts_with("- puce"))
    );
}

/// The document depends on the convention and nothing else: not on the
/// interface language, the time zone, the clock, the folder pacte runs in or
/// the path the file is read from — any of which a careless change (a
/// « généré le … » line, a message in the interface language, a path in a
/// review note) would leak into it.
#[test]
fn the_document_depends_on_the_convention_alone() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("ailleurs.toml");
    std::fs::copy(GESTION, &copy).unwrap();
    let here = std::fs::canonicalize(".").unwrap();
    let run = |file: &Path, cwd: &Path, env: &[(&str, &str)]| {
        let out = pacte()
            .current_dir(cwd)
            .envs(env.iter().copied())
            .args(["render", "--annotate", "--lang", "fr"])
            .arg(file)
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let first = run(
        &here.join(GESTION),
        &here,
        &[
            ("LANG", "fr_CA.UTF-8"),
            ("TZ", "America/Montreal"),
            ("SOURCE_DATE_EPOCH", "1"),
        ],
    );
    let second = run(
        &copy,
        dir.path(),
        &[
            ("LANG", "en_CA.UTF-8"),
            ("TZ", "Asia/Tokyo"),
            ("SOURCE_DATE_EPOCH", "2000000000"),
        ],
    );
    assert_eq!(first, second);
}

#[test]
fn annotate_adds_review_notes_beside_each_article() {
    let fixture = "tests/fixtures/invalid/P050-board-majority.toml";
    let (code, out, _) = render(&["--annotate", fixture]);
    assert_eq!(code, 0);
    assert!(
        out.contains("> **Note de révision — clause conseil**"),
        "{out}"
    );
    assert!(out.contains("> *Raison d’être de la clause\u{a0}:* Le conseil d’administration est le lieu où se partage le pouvoir."));
    assert!(
        out.contains("P050 avertissement (ligne 161, colonne 9)"),
        "warnings appear beside the clause they concern: {out}"
    );
    let (_, realisation, _) = render(&["--annotate", "examples/realisation-jardins.toml"]);
    assert!(
        realisation.contains("*Champs facultatifs non remplis\u{a0}:* committee_first (Un différend est-il d’abord soumis au comité conjoint\u{202f}?), mediator"),
        "{realisation}"
    );
}

#[test]
fn templates_can_be_overridden_by_relative_path() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("fr/clauses")).unwrap();
    std::fs::write(dir.path().join("fr/clauses/audit.md.j2"), "Gabarit maison : {{ f.schedule | length }} vérifications, article {{ article('audit') }}.\n").unwrap();
    let (code, out, err) = render(&["--templates", dir.path().to_str().unwrap(), GESTION]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("Gabarit maison\u{a0}: 3 vérifications, article 19."),
        "{out}"
    );
    assert!(
        out.contains("## Article 20 — Confidentialité"),
        "other templates stay bundled"
    );
}

#[test]
fn a_template_using_a_missing_value_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("fr/clauses")).unwrap();
    std::fs::write(
        dir.path().join("fr/clauses/audit.md.j2"),
        "Ligne un\n{{ f.inexistant }}\n",
    )
    .unwrap();
    let (code, out, err) = render(&["--templates", dir.path().to_str().unwrap(), GESTION]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    let expected = format!("{}:2", dir.path().join("fr/clauses/audit.md.j2").display());
    assert!(err.contains(&expected), "{err}");
    assert!(err.contains("undefined value"), "{err}");
}

#[test]
fn a_template_cannot_include_outside_its_folder() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("fr/clauses")).unwrap();
    std::fs::write(
        dir.path().join("fr/clauses/audit.md.j2"),
        "{% include '../../../../etc/passwd' %}\n",
    )
    .unwrap();
    let (code, out, err) = render(&["--templates", dir.path().to_str().unwrap(), GESTION]);
    assert_eq!(code, 2);
    assert!(!out.contains("root:"));
    assert!(err.contains("leaves the templates folder"), "{err}");
}

#[test]
fn output_files_are_written_whole_and_user_files_kept() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("convention.md");
    let (code, _, err) = render(&[GESTION, "-o", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let first = std::fs::read_to_string(&out).unwrap();
    assert!(first.starts_with("<!-- Généré par pacte"));
    // pacte's own output may be replaced; a user's file needs --force.
    assert_eq!(render(&[GESTION, "-o", out.to_str().unwrap()]).0, 0);
    let notes = dir.path().join("notes.md");
    std::fs::write(&notes, "mes notes").unwrap();
    let (code, _, err) = render(&[GESTION, "-o", notes.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("--force"), "{err}");
    assert_eq!(std::fs::read_to_string(&notes).unwrap(), "mes notes");
    assert_eq!(
        render(&[GESTION, "-o", notes.to_str().unwrap(), "--force"]).0,
        0
    );
    // A directory as output: a clear error, nothing changed.
    let (code, _, err) = render(&[GESTION, "-o", dir.path().to_str().unwrap(), "--force"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("est un dossier, pas un fichier ordinaire"),
        "{err}"
    );
    assert!(Path::new(&out).is_file());
}

#[test]
fn an_empty_definitions_table_makes_no_empty_article() {
    // The gardens example without the terms it defines: an empty table.
    let full = std::fs::read_to_string("examples/realisation-jardins.toml").unwrap();
    let (start, end) = (
        full.find("[clauses.parties]").unwrap(),
        full.find("[clauses.cadre_juridique]").unwrap(),
    );
    let text = format!("{}[clauses.parties]\n\n{}", &full[..start], &full[end..]);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.toml");
    std::fs::write(&path, text).unwrap();
    let (code, out, _) = render(&[path.to_str().unwrap()]);
    assert_eq!(code, 0);
    // The glossary pacte defines still makes the first article, never empty.
    assert!(out.contains("## Article 1er — Définitions et interprétation"));
    assert!(out.contains("## Article 3 — Objet et mission"));
}

/// The French and English skeletons share one structure (templates/skeleton.md.j2):
/// each language gives only its words, as macros with the same names and
/// parameters, so a change of structure cannot reach one language only.
#[test]
fn the_languages_share_one_skeleton_and_differ_only_in_words() {
    let macros = |lang: &str| -> Vec<String> {
        let text = std::fs::read_to_string(format!("templates/{lang}/wording.md.j2")).unwrap();
        let body = &text[text.find("-#}").unwrap() + 3..];
        body.lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with("{#"))
            .map(|l| {
                assert!(
                    l.starts_with("{% macro ") && l.ends_with("{% endmacro %}"),
                    "{lang}/wording.md.j2 holds words, not structure: {l}"
                );
                assert!(
                    !l.contains("doc.") && !l.contains("{% include") && !l.contains("{% import"),
                    "{lang}/wording.md.j2 reads no document and includes nothing: {l}"
                );
                l[..l.find("%}").unwrap()].to_string()
            })
            .collect()
    };
    assert_eq!(macros("fr"), macros("en"));
    for lang in ["fr", "en"] {
        for (entry, skeleton) in [
            ("convention.md.j2", "skeleton.md.j2"),
            ("diff.md.j2", "diff-skeleton.md.j2"),
        ] {
            let text = std::fs::read_to_string(format!("templates/{lang}/{entry}")).unwrap();
            let code: Vec<&str> = text.lines().filter(|l| !l.starts_with("{#-")).collect();
            assert_eq!(
                code,
                [format!("{{% include \"{skeleton}\" %}}")],
                "{lang}/{entry}"
            );
        }
    }
    let skeletons = ["skeleton", "parts", "diff-skeleton"]
        .map(|name| std::fs::read_to_string(format!("templates/{name}.md.j2")).unwrap())
        .concat();
    for word in macros("fr") {
        let name = &word["{% macro ".len()..word.find('(').unwrap()];
        assert!(
            skeletons.contains(&format!("w.{name}(")),
            "a skeleton uses every word: {name}"
        );
    }
}

/// An answer written in several languages renders in each edition's, and
/// an edition the agreement promises is refused while an answer lacks its
/// text — unless `--draft`, which shows the original text marked.
#[test]
fn translated_answers_render_in_each_edition() {
    const P085: &str = "tests/fixtures/invalid/P085-untranslated-answer.toml";
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("base.toml");
    let text = std::fs::read_to_string(GESTION).unwrap();
    let titled = text.replacen(
        "title = \"Convention de partenariat de gestion de la base de plein air du lac des Hérons\"",
        "title = { fr = \"Convention des jardins Saint-Jean\", en = \"Saint-Jean Gardens Agreement\" }",
        1,
    );
    assert_ne!(titled, text);
    std::fs::write(&file, titled).unwrap();
    let file = file.to_str().unwrap();
    let (code, fr, _) = render(&["--lang", "fr", file]);
    assert_eq!(code, 0);
    assert!(fr.contains("Convention des jardins Saint-Jean") && !fr.contains("Gardens"));
    // The other answers have no English: refused, but not for the title.
    let (code, _, err) = render(&["--lang", "en", file]);
    assert_eq!(code, 1);
    assert!(
        err.contains("P085") && !err.contains("convention.title"),
        "{err}"
    );
    let (code, en, _) = render(&["--lang", "en", "--draft", file]);
    assert_eq!(code, 0);
    assert!(
        en.contains("# Saint-Jean Gardens Agreement") && !en.contains("Convention des jardins")
    );
    assert!(en.contains("[untranslated] la Ville"), "{en}");

    // Promised in English, the short title has only its French text.
    let (code, _, err) = render(&["--lang", "en", P085]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("P085") && err.contains(":10:15"), "{err}");
    let (code, en, _) = render(&["--draft", "--lang", "en", P085]);
    assert_eq!(code, 0);
    // The mark's brackets are text: nothing follows them that makes a link.
    assert!(en.contains("hereinafter “[untranslated] la Ville”"), "{en}");
    assert!(en.contains("Partnership Agreement for the Saint-Jean Community Gardens"));
}

/// The bilingual example: its English edition holds none of its French
/// answers, and its French edition none of its English ones.
#[test]
fn the_bilingual_example_keeps_each_edition_in_its_language() {
    const JARDINS: &str = "examples/realisation-jardins.toml";
    let table: toml::Table = std::fs::read_to_string(JARDINS).unwrap().parse().unwrap();
    fn pairs(v: &toml::Value, out: &mut Vec<(String, String)>) {
        match v {
            toml::Value::Table(t) => {
                if let (Some(fr), Some(en)) = (
                    t.get("fr").and_then(toml::Value::as_str),
                    t.get("en").and_then(toml::Value::as_str),
                ) {
                    out.push((fr.to_string(), en.to_string()));
                }
                t.values().for_each(|v| pairs(v, out));
            }
            toml::Value::Array(a) => a.iter().for_each(|v| pairs(v, out)),
            _ => {}
        }
    }
    let mut translated = Vec::new();
    pairs(&toml::Value::Table(table.clone()), &mut translated);
    assert!(translated.len() > 30, "{}", translated.len());
    assert_eq!(
        table["convention"]["languages"].as_array().map(Vec::len),
        Some(2)
    );
    // As rendered: typographic apostrophes, the first letter as the
    // sentence wants it.
    let shown = |s: &str| s.replace('\'', "’").chars().skip(1).collect::<String>();
    let (code, en, _) = render(&["--lang", "en", JARDINS]);
    assert_eq!(code, 0);
    let (code, fr, _) = render(&["--lang", "fr", JARDINS]);
    assert_eq!(code, 0);
    // A one-word value (« Terrain » / "Land") is found inside other words:
    // only phrases tell one edition from the other.
    for (french, english) in translated
        .iter()
        .filter(|(f, e)| f.contains(' ') && e.contains(' '))
    {
        assert!(
            !en.contains(&shown(french)),
            "French in the English edition: {french}"
        );
        assert!(
            !fr.contains(&shown(english)),
            "English in the French edition: {english}"
        );
        // What the Markdown shows in French (not the PDF's running header)
        // it shows in English.
        if fr.contains(&shown(french)) {
            assert!(
                en.contains(&shown(english)),
                "missing from the English edition: {english}"
            );
        }
    }
}

/// The bilingual edition in Markdown: every part in French then English,
/// article by article with the same numbers, each language in its own
/// typography; `--bilingual=en` puts English first.
#[test]
fn a_bilingual_edition_gives_each_article_in_both_languages() {
    const JARDINS: &str = "examples/realisation-jardins.toml";
    let (code, both, err) = render(&["--bilingual", JARDINS]);
    assert_eq!(code, 0, "{err}");
    insta::assert_snapshot!("render-realisation-jardins-bilingual", both);
    let (_, fr, _) = render(&["--lang", "fr", JARDINS]);
    let (_, en, _) = render(&["--lang", "en", JARDINS]);
    let headings = |doc: &str| -> Vec<String> {
        doc.lines()
            .filter(|l| l.starts_with("## Article"))
            .map(str::to_string)
            .collect()
    };
    let (fr_articles, en_articles) = (headings(&fr), headings(&en));
    assert!(fr_articles.len() > 15);
    // French, then English, then the next article: the headings of both
    // editions interleaved, in order.
    let interleaved: Vec<String> = fr_articles
        .iter()
        .zip(&en_articles)
        .flat_map(|(f, e)| [f.clone(), e.clone()])
        .collect();
    assert_eq!(headings(&both), interleaved);
    // Each article's body is the body of its edition, whole.
    // From `from` on: « Article 10 — Communication » is both editions' heading.
    let body_after = |doc: &str, heading: &str, from: usize| -> (String, usize) {
        let start = from + doc[from..].find(heading).unwrap() + heading.len();
        let rest = &doc[start..];
        let end = ["\n## ", "\n---", "<a id="]
            .iter()
            .filter_map(|m| rest.find(m))
            .min()
            .unwrap_or(rest.len());
        (rest[..end].trim().to_string(), start)
    };
    let body = |doc: &str, heading: &str| body_after(doc, heading, 0).0;
    let mut at = 0;
    for (f, e) in fr_articles.iter().zip(&en_articles) {
        let (french, after) = body_after(&both, f, at);
        let (english, after) = body_after(&both, e, after);
        at = after;
        assert_eq!(french, body(&fr, f), "{f}");
        assert_eq!(english, body(&en, e), "{e}");
    }
    // Typography follows the language of the text, not of the document:
    // French spacing in French, none in English; no marks left.
    let term = en_articles
        .iter()
        .position(|h| h.contains("Term and renewal"))
        .unwrap();
    let english_part = body_after(
        &both,
        &en_articles[term],
        both.find(&fr_articles[term]).unwrap(),
    )
    .0;
    assert!(english_part.contains("comes into force on March 1, 2027"));
    assert!(!english_part.contains('\u{a0}') && !english_part.contains('\u{202f}'));
    assert!(
        body(&both, &fr_articles[term]).contains("1er\u{a0}mars")
            || both.contains("le 1er mars 2027")
    );
    assert!(both.contains("ci-après «\u{a0}la Ville\u{a0}»"));
    assert!(both.contains("hereinafter “the City”"));
    assert!(!both.contains("<!-- lang"));
    // A Quebec public body signs: the French text alone is the agreement
    // (Charter of the French language), the English a translation.
    assert!(both.contains("n’en fait pas partie et n’a qu’une valeur d’information"));
    assert!(both.contains("seule la version française lie les parties"));
    assert!(both.contains(
        "Any translation of this agreement, including one a party has made for its own use, does not form part of this agreement and is for information only; only the French version binds the parties"
    ));

    // English first on request.
    let (code, english_first, _) = render(&["--bilingual=en", JARDINS]);
    assert_eq!(code, 0);
    let first = headings(&english_first);
    assert_eq!(first[0], en_articles[0]);
    assert_eq!(first[1], fr_articles[0]);
    assert!(english_first.contains("## Contents / Table des matières"));
}

/// A bilingual edition of a French-only convention is refused at each
/// answer without English; one whose general provisions say nothing of
/// the versions is refused too (P086).
#[test]
fn a_bilingual_edition_needs_every_translation_and_a_prevailing_version() {
    let (code, out, err) = render(&["--bilingual", GESTION]);
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert!(
        err.contains("P085") && err.contains(&format!("{GESTION}:9:9")),
        "{err}"
    );
    let (code, _, err) = render(&["--bilingual", "--draft", GESTION]);
    assert_eq!(code, 0, "{err}");

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("silent.toml");
    let text = std::fs::read_to_string("examples/realisation-jardins.toml").unwrap();
    let silent = text.replace("language = \"french_prevails\"\n", "");
    assert_ne!(silent, text);
    std::fs::write(&file, silent).unwrap();
    let (code, _, err) = render(&["--bilingual", file.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        err.contains("P086") && err.contains(":9:13"),
        "at `languages`: {err}"
    );
    let (code, _, err) = render(&[
        "--bilingual",
        "tests/fixtures/invalid/P086-prevailing-version.toml",
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("P086") && err.contains(":174:12"), "{err}");
}

#[test]
fn a_marker_left_open_in_a_template_is_an_error_at_its_line_in_every_output() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().to_str().unwrap();
    // The review's case: `<!-- box -->` added at the end of a clause's
    // template. Its text is numbered paragraphs, so no marker belongs there.
    std::fs::create_dir_all(dir.path().join("en/clauses")).unwrap();
    let bundled = std::fs::read_to_string("templates/en/clauses/duree.md.j2").unwrap();
    let clause = dir.path().join("en/clauses/duree.md.j2");
    std::fs::write(&clause, format!("{bundled}\n<!-- box -->\n")).unwrap();
    let at = format!("{}:{}", clause.display(), bundled.lines().count() + 2);
    for to in ["md", "pdf", "docx", "html"] {
        let (code, out, err) = render(&[
            "--templates",
            folder,
            "--lang",
            "en",
            "--to",
            to,
            "-o",
            "-",
            "examples/realisation-jardins.toml",
        ]);
        assert_eq!(code, 2, "--to {to}: {err}");
        assert!(out.is_empty());
        assert!(err.contains(&at), "--to {to}: {err}");
    }
    std::fs::remove_file(&clause).unwrap();
    // In the skeleton's parts, where markers belong: left open.
    let parts = std::fs::read_to_string("templates/parts.md.j2").unwrap();
    let skeleton = dir.path().join("parts.md.j2");
    std::fs::write(&skeleton, format!("{parts}\n<!-- box -->\n")).unwrap();
    let (code, _, err) = render(&["--templates", folder, "--to", "docx", "-o", "-", GESTION]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains(&format!(
            "{}:{}",
            skeleton.display(),
            parts.lines().count() + 2
        )),
        "{err}"
    );
    assert!(err.contains("<!-- /box -->"), "{err}");
    // A misspelt marker, likewise.
    std::fs::write(&skeleton, format!("{parts}\n<!-- pagebrake -->\n")).unwrap();
    let (code, _, err) = render(&["--templates", folder, GESTION]);
    assert_eq!(code, 2);
    assert!(err.contains("pagebrake"), "{err}");
}

#[test]
fn a_clause_template_holds_no_layout_marker_and_no_template_holds_html() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("fr/clauses")).unwrap();
    let template = dir.path().join("fr/clauses/duree.md.j2");
    let bundled = std::fs::read_to_string("templates/fr/clauses/duree.md.j2").unwrap();
    let folder = dir.path().to_str().unwrap();
    // Written, at its line; printed by an expression, naming the template.
    for (text, line) in [
        (
            format!("{bundled}\n\n<!-- anchor part-2 -->\n\n### T\n"),
            true,
        ),
        (
            format!("{bundled}\n\n{{{{ \"<!-- pagebreak -->\" }}}}\n"),
            false,
        ),
        (format!("<div>\n{bundled}\n</div>\n"), true),
    ] {
        std::fs::write(&template, &text).unwrap();
        for to in ["md", "html"] {
            let (code, _, err) = render(&["--templates", folder, "--to", to, GESTION]);
            assert_eq!(code, 2, "{text}: {err}");
            let named = if line {
                format!("{}:", template.display())
            } else {
                template.display().to_string()
            };
            assert!(err.contains(&named), "{err}");
        }
    }
}

#[test]
fn a_marker_opened_under_a_condition_names_the_skeleton_and_the_heading() {
    let dir = tempfile::tempdir().unwrap();
    let parts = std::fs::read_to_string("templates/parts.md.j2").unwrap();
    // Balanced as written, so the check at load passes; never opened once
    // rendered.
    let slipped = parts.replacen(
        "{% macro in_witness(doc, w) %}",
        "{% macro in_witness(doc, w) %}\n{% if false %}\n<!-- keep -->\n{% endif %}\n<!-- /keep -->\n",
        1,
    );
    assert_ne!(slipped, parts);
    std::fs::write(dir.path().join("parts.md.j2"), slipped).unwrap();
    let (code, _, err) = render(&[
        "--templates",
        dir.path().to_str().unwrap(),
        "--to",
        "html",
        GESTION,
    ]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("templates/fr/convention.md.j2"), "{err}");
    assert!(err.contains("<!-- /keep -->"), "{err}");
    assert!(
        err.contains("(après « Article "),
        "the heading it follows: {err}"
    );
}

/// A clause template may give its article another heading for the
/// convention at hand; the heading is one line of text in the contents and
/// every printer, and a layout marker in it is refused like one in the text.
#[test]
fn a_clause_template_may_set_its_article_title() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("fr/clauses")).unwrap();
    let template = dir.path().join("fr/clauses/duree.md.j2");
    let bundled = std::fs::read_to_string("templates/fr/clauses/duree.md.j2").unwrap();
    let folder = dir.path().to_str().unwrap();
    std::fs::write(
        &template,
        format!("{{% set article_title = \"Durée\n   de la convention\" %}}\n{bundled}"),
    )
    .unwrap();
    let (code, md, err) = render(&["--templates", folder, GESTION]);
    assert_eq!(code, 0, "{err}");
    assert!(
        md.contains("## Article 5 — Durée de la convention\n"),
        "{md}"
    );
    assert!(
        md.contains("[Article 5 — Durée de la convention](#article-5)"),
        "{md}"
    );
    let (code, html, err) = render(&["--templates", folder, "--to", "html", GESTION]);
    assert_eq!(code, 0, "{err}");
    assert!(html.contains("Durée de la convention</h2>"), "{html}");

    std::fs::write(
        &template,
        format!("{{% set article_title = \"<!-- pagebreak --> Durée\" %}}\n{bundled}"),
    )
    .unwrap();
    let (code, _, err) = render(&["--templates", folder, GESTION]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains(&template.display().to_string()), "{err}");
}

/// A translation names the place where the agreement is deemed entered into;
/// a wording file an organisation copied before that macro existed still
/// renders, without it.
#[test]
fn a_translation_names_the_deemed_place_and_an_old_wording_file_still_renders() {
    let gardens = "examples/realisation-jardins.toml";
    let (code, md, err) = render(&["--lang", "en", gardens]);
    assert_eq!(code, 0, "{err}");
    assert!(
        md.contains("binds them. This agreement is deemed entered into at Rivière-aux-Saules.\n"),
        "{md}"
    );
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("en")).unwrap();
    let bundled = std::fs::read_to_string("templates/en/wording.md.j2").unwrap();
    let old: String = bundled
        .lines()
        .filter(|l| !l.contains("macro translation_place"))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_ne!(old, bundled);
    std::fs::write(dir.path().join("en/wording.md.j2"), old).unwrap();
    let folder = dir.path().to_str().unwrap();
    let (code, md, err) = render(&["--templates", folder, "--lang", "en", gardens]);
    assert_eq!(code, 0, "{err}");
    assert!(md.contains("signed by the parties, binds them.\n"), "{md}");
    assert!(!md.contains("deemed entered into at"), "{md}");
}

/// A field the library prints as paragraphs of their own starts a new
/// numbered paragraph at each blank line, in every language and format;
/// the same blank line in a field printed inside a sentence is a space.
#[test]
fn a_blank_line_starts_a_numbered_paragraph_only_where_the_library_allows() {
    let dir = tempfile::tempdir().unwrap();
    let source = std::fs::read_to_string(GESTION).unwrap();
    let split = source.replacen(
        "assets = \"Les règles suivantes",
        "assets = \"Une règle d'abord.\\n  \\n\\nLes règles suivantes",
        1,
    );
    assert_ne!(split, source);
    let path = dir.path().join("g.toml");
    std::fs::write(&path, &split).unwrap();
    let (code, md, err) = render(&[path.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    // The retrait article's last paragraph was 26.5; it is now two.
    assert!(
        md.contains("**26.5** Une règle d’abord.\n\n**26.6** Les règles suivantes"),
        "{md}"
    );
    assert!(md.contains("**26.7** Lorsque la Base"), "{md}");
    // In a sentence (a party's name), the blank line is one space, and the
    // check says so.
    let named = split.replacen("name = \"Ville de ", "name = \"Ville\\n\\nde ", 1);
    assert_ne!(named, split);
    std::fs::write(&path, &named).unwrap();
    let (code, md, err) = render(&[path.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(!md.contains("Ville\n\nde "));
    let out = pacte()
        .args(["check", path.to_str().unwrap()])
        .output()
        .unwrap();
    let said = String::from_utf8(out.stdout).unwrap() + &String::from_utf8(out.stderr).unwrap();
    assert!(said.contains("P087"), "{said}");
    assert!(said.contains("parties[1].name"), "{said}");
}

/// The English of a bilingual convention is checked for blank lines too,
/// each edition of a paragraphs field must split alike (P088), and a line
/// that draws nothing is blank rather than an empty-looking paragraph.
#[test]
fn paragraphs_are_checked_in_every_edition_and_never_look_empty() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("j.toml");
    let gardens = std::fs::read_to_string("examples/realisation-jardins.toml").unwrap();
    let check = |text: &str| {
        std::fs::write(&path, text).unwrap();
        let out = pacte()
            .args(["check", path.to_str().unwrap()])
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap() + &String::from_utf8(out.stderr).unwrap()
    };
    let blank_in_english = gardens.replacen(
        "short_name = { fr = \"la Coopérative\", en = \"the Cooperative\" }",
        "short_name = { fr = \"la Coopérative\", en = \"the\\n\\nCooperative\" }",
        1,
    );
    assert_ne!(blank_in_english, gardens);
    let said = check(&blank_in_english);
    assert!(said.contains("P087"), "{said}");
    let split_in_french = gardens.replacen(
        "par l'entremise de son répondant. La Ville peut accéder",
        "par l'entremise de son répondant.\\n\\nLa Ville peut accéder",
        1,
    );
    assert_ne!(split_in_french, gardens);
    let said = check(&split_in_french);
    assert!(
        said.contains("P088") && said.contains("clauses.coordination.mechanisms"),
        "{said}"
    );
    // Split alike in English: no P088.
    let both = split_in_french.replacen(
        "through its contact person. The City may enter",
        "through its contact person.\\n\\nThe City may enter",
        1,
    );
    assert_ne!(both, split_in_french);
    assert!(!check(&both).contains("P088"));
    // A zero-width space between two blank lines is a blank line.
    let invisible = both.replacen(
        "par l'entremise de son répondant.\\n\\nLa Ville peut accéder",
        "par l'entremise de son répondant.\\n\\n\\u200b\\n\\nLa Ville peut accéder",
        1,
    );
    std::fs::write(&path, &invisible).unwrap();
    let (code, md, err) = render(&[path.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(md.contains("**10.1** Les parties font en sorte"), "{md}");
    assert!(md.contains("**10.2** La Ville peut accéder"), "{md}");
}
