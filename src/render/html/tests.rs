use super::*;
use crate::render::print::read;

fn info(lang: Lang) -> PrintInfo {
    PrintInfo {
        lang,
        second: None,
        paper: Paper::Letter,
        title: "Convention <b> & « test »".into(),
        short_title: "Convention".into(),
        kind: String::new(),
        reference: "CONV &lt;b&gt;".into(),
        parties: Vec::new(),
        fingerprint: "abc123".into(),
        draft: true,
        timestamp: 0,
    }
}

fn page(md: &str) -> String {
    write(&read(md, Lang::Fr).unwrap(), &info(Lang::Fr))
}

#[test]
fn text_is_never_markup() {
    let html = page("Réf. \\&rlm; \\<b\\> \\<!-- box --\\> \"q\" 'a'\n");
    assert!(
        html.contains("<p>Réf. &amp;rlm; &lt;b&gt; &lt;!-- box --&gt; &quot;q&quot; ’a’</p>"),
        "{html}"
    );
    // Properties too.
    assert!(html.contains("<title>Convention &lt;b&gt; &amp; « test »</title>"));
    assert!(html.contains("CONV &amp;lt;b&amp;gt;"));
    assert!(!html.contains("<script"));
}

#[test]
fn parts_are_sections_linked_from_the_contents() {
    let html = page(
        "<!-- titlepage -->\n\n# Titre\n\n<!-- /titlepage -->\n\n<!-- toc -->\n\n<!-- anchor article-1 -->\n\n## Article 1er — Objet\n\nTexte.\n\n## Parties\n\nSuite.\n",
    );
    assert!(html.contains("<html lang=\"fr-CA\" dir=\"ltr\">"), "{html}");
    assert!(html.contains("<h1>Titre</h1>"));
    assert!(
        html.contains("<li><a href=\"#article-1\">Article 1<sup>er</sup> — Objet</a></li>"),
        "{html}"
    );
    assert!(
        html.contains("<li><a href=\"#part-2\">Parties</a></li>"),
        "{html}"
    );
    assert!(html.contains(
        "<section aria-labelledby=\"article-1\">\n<h2 id=\"article-1\">Article 1<sup>er</sup> — Objet</h2>"
    ));
    assert_eq!(
        html.matches("<section").count(),
        html.matches("</section>").count()
    );
    assert!(html.contains("<header class=\"draft-mark\"><p>PROJET</p></header>"));
}

#[test]
fn two_languages_pair_paragraph_by_paragraph() {
    let html = page(
        "<!-- columns -->\n\n<!-- lang fr -->\n\n## Durée\n\nUn.\n\nDeux.\n\n<!-- column -->\n\n<!-- lang en -->\n\n## Term\n\nOne.\n\nTwo.\n\n<!-- /columns -->\n\n<!-- lang fr -->\n",
    );
    let left = html.find("<h2 id=\"part-1\" class=\"l\" style=\"grid-row:1\">Durée</h2>");
    let right =
        html.find("<h2 id=\"part-2\" lang=\"en-CA\" class=\"r\" style=\"grid-row:1\">Term</h2>");
    assert!(left.is_some() && right.is_some(), "{html}");
    assert!(left < right, "French first in reading order");
    assert!(
        html.contains("<p lang=\"en-CA\" class=\"r\" style=\"grid-row:3\">Two.</p>"),
        "{html}"
    );
    assert!(html.contains("<p class=\"l\" style=\"grid-row:3\">Deux.</p>"));
}

#[test]
fn notes_tables_lists_and_marks() {
    let html = page(
        "<!-- box -->\n\n> **Note**\n\n<!-- /box -->\n\n| Poste | Montant |\n|---|---|\n| Loyer | 1 000,00 $ |\n\n3. trois\n4. quatre\n\nLe quorum est de <del>5</del><ins>6</ins>.\n\nشارع 88 rue\n",
    );
    assert!(
        html.contains("<aside class=\"review\" aria-label=\"Note de révision\">"),
        "{html}"
    );
    assert!(html.contains("<th scope=\"col\">Montant</th>"));
    assert!(html.contains("<td class=\"right\">1 000,00 $</td>"));
    assert!(html.contains("<ol start=\"3\">"));
    assert!(html.contains("<del>5</del><ins>6</ins>"));
    assert!(
        html.contains("<span dir=\"rtl\" lang=\"ar\">شارع 88</span>"),
        "{html}"
    );
}

#[test]
fn a_table_in_a_pair_takes_its_row_and_the_signatures_are_no_article() {
    let html = page(
        "<!-- columns -->\n\n## Annexe\n\n| A | B |\n|---|---|\n| x | y |\n\n<!-- column -->\n\n<!-- lang en -->\n\n## Annex\n\n| A | B |\n|---|---|\n| x | y |\n\n<!-- /columns -->\n\n<!-- lang fr -->\n\n---\n\nEN FOI DE QUOI\n",
    );
    assert!(
        html.contains(
            "aria-label=\"Tableau — Annexe\" class=\"table l\" style=\"grid-row:2\"><table>"
        ),
        "{html}"
    );
    assert!(
        html.contains("class=\"table r\" style=\"grid-row:2\"><table>"),
        "{html}"
    );
    let closed = html.find("</section>").unwrap();
    assert!(closed < html.find("EN FOI DE QUOI").unwrap(), "{html}");
}
