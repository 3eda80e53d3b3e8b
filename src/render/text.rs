//! Text transforms before the templates: escaping what users typed, cutting
//! a text at its language marks, the capitals of a sentence.

use crate::lang::Lang;

/// Escapes user text so it reads literally in Markdown: no heading, list,
/// table, emphasis, link, HTML or character reference (`&rlm;`, `&#x200F;`)
/// can come out of it. It is one run of text wherever a template puts it —
/// a name in a sentence, a table cell, a numbered paragraph — so every
/// line break, blank lines included, becomes a space: a blank line in a
/// value would otherwise cut a table, end a list item or add a numbered
/// paragraph.
pub fn escape_markdown(text: &str) -> String {
    escape_paragraph(&plain_text(text))
}

/// User text of a field whose template prints it as paragraphs of their
/// own: each run of text between blank lines escaped as by
/// [`escape_markdown`], the runs separated by a blank line, which makes each
/// a numbered paragraph.
pub fn escape_paragraphs(text: &str) -> String {
    crate::field::paragraphs(text)
        .map(|p| escape_markdown(&p))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// User text as one line of plain text (what [`escape_markdown`] escapes,
/// and a document's properties: title, author): runs of whitespace as one
/// space, control characters as spaces.
pub fn plain_text(text: &str) -> String {
    let line = text
        .split_whitespace()
        .map(|w| w.replace(|c: char| c.is_control(), " "))
        .collect::<Vec<_>>()
        .join(" ");
    // A control character at an end leaves a space there, which would
    // hide a list's dash from the escaping.
    match line.trim_matches(' ') {
        trimmed if trimmed.len() == line.len() => line,
        trimmed => trimmed.to_string(),
    }
}

fn escape_paragraph(p: &str) -> String {
    let mut out = String::with_capacity(p.len() + 8);
    for c in p.chars() {
        if matches!(
            c,
            '\\' | '`'
                | '*'
                | '_'
                | '['
                | ']'
                | '<'
                | '>'
                | '#'
                | '|'
                | '~'
                | '{'
                | '}'
                | '!'
                | '&'
        ) {
            out.push('\\');
        }
        // Control characters have no place in a legal text.
        if c.is_control() {
            out.push(' ');
            continue;
        }
        out.push(c);
    }
    // A paragraph must not start a list, a numbered item or, under a line
    // of a template's text, a heading's underline (`===`).
    let starts_block = out.starts_with(['-', '+', '='])
        || out
            .find(['.', ')'])
            .is_some_and(|i| i > 0 && out[..i].chars().all(|c| c.is_ascii_digit()));
    if starts_block {
        let split = out.find(|c: char| !c.is_ascii_digit()).unwrap_or(0);
        if split == 0 {
            out.insert(0, '\\');
        } else {
            out.insert(split, '\\');
        }
    }
    out
}

/// The mark a bilingual template puts before text in another language.
const LANGUAGE_MARK: &str = "<!-- lang ";

/// Cuts text at its `<!-- lang xx -->` marks (dropped) into runs of one
/// language, the first in `lang`. A mark escaped as user text is (`\<`)
/// is text, not a mark: an answer cannot change the language of what follows.
pub(crate) fn language_segments(text: &str, lang: Lang) -> Vec<(Lang, &str)> {
    let mut out = Vec::new();
    let (mut current, mut start, mut from) = (lang, 0, 0);
    while let Some(found) = text[from..].find(LANGUAGE_MARK) {
        let at = from + found;
        from = at + LANGUAGE_MARK.len();
        if text[..at].ends_with('\\') {
            continue;
        }
        let Some(close) = text[from..].find("-->") else {
            break;
        };
        let Some(next) = Lang::parse(text[from..from + close].trim()) else {
            continue;
        };
        out.push((current, &text[start..at]));
        current = next;
        from += close + 3;
        start = from;
    }
    out.push((current, &text[start..]));
    out
}

/// Upper-cases the first letter (« la Ville » → « La Ville » at a sentence start).
pub fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Words that may start a sentence and stay lower-case inside one. A first
/// word not in this list (a proper noun, an acronym) keeps its capital.
const SENTENCE_OPENERS: [&str; 37] = [
    "le",
    "la",
    "les",
    "l’",
    "l'",
    "un",
    "une",
    "des",
    "de",
    "du",
    "d’",
    "d'",
    "ce",
    "cet",
    "cette",
    "ces",
    "plusieurs",
    "aucun",
    "aucune",
    "chaque",
    "tout",
    "toute",
    "tous",
    "toutes",
    "nos",
    "leur",
    "leurs",
    "the",
    "a",
    "an",
    "this",
    "these",
    "many",
    "several",
    "any",
    "every",
    "each",
];

/// A sentence made ready to follow « ATTENDU QUE » / "WHEREAS": its first
/// word in lower case when it is a common opener, no final full stop.
pub fn in_sentence(s: &str) -> String {
    let s = without_full_stop(s);
    // The first word, with its apostrophe when elided (« L'Association » → « l' »).
    let letters: String = s.chars().take_while(|c| c.is_alphabetic()).collect();
    let first = match s[letters.len()..].chars().next() {
        Some(a @ ('\'' | '’')) => format!("{letters}{a}"),
        _ => letters,
    };
    // « A » opens an English sentence only before a common word: in
    // « A & B inc. » it is a name.
    let rest = s[first.len()..].trim_start();
    let name = first.chars().count() == 1 && !rest.starts_with(char::is_lowercase);
    if SENTENCE_OPENERS.contains(&first.to_lowercase().as_str()) && !name {
        let mut chars = s.chars();
        match chars.next() {
            Some(c) => c.to_lowercase().chain(chars).collect(),
            None => String::new(),
        }
    } else {
        s.to_string()
    }
}

/// Text without the full stop that ends it, so that a « ; » can follow —
/// but an ellipsis and an abbreviation's point (« etc. ») stay.
fn without_full_stop(s: &str) -> &str {
    let s = s.trim();
    let abbreviation = s.ends_with("..") || s.to_lowercase().ends_with("etc.");
    match s.strip_suffix('.') {
        Some(stripped) if !abbreviation => stripped.trim_end(),
        _ => s,
    }
}

/// A noun phrase without its leading definite article, for a label that
/// names a document (« Autorisation de signer : résolution n° 12 », not
/// « : la résolution n° 12 »). Only the articles are removed: « l’ » and
/// « l' », « la », « le », « les », "the".
pub fn without_article(s: &str) -> &str {
    for article in ["l’", "l'", "la ", "le ", "les ", "the ", "The "] {
        if let Some(rest) = s.strip_prefix(article)
            && !rest.is_empty()
        {
            return rest;
        }
    }
    s
}

/// A phrase made ready to follow a colon or a comma in a list (« les
/// obligations suivantes : met la Base… »): no final full stop, and its first
/// letter in lower case unless the first word looks like a name — an acronym
/// (« MRC »), a word with a capital inside (« McGill ») or a compound place
/// name (« Saint-Jean »).
pub fn after_colon(s: &str) -> String {
    let s = without_full_stop(s);
    let word: String = s
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '-')
        .collect();
    let capitals = word.chars().filter(|c| c.is_uppercase()).count();
    let looks_like_a_name = capitals > 1 || word.chars().count() == 1;
    if looks_like_a_name {
        return s.to_string();
    }
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The key a glossary sorts a term by: letters without their accents and
/// case, so « Équipement » comes between « Conseil » and « jour ouvrable »
/// as a French reader looks for it, not after « z ».
pub fn collation_key(term: &str) -> String {
    term.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' => 'a',
            'ç' => 'c',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ÿ' => 'y',
            '\u{2019}' => '\'',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_named_after_a_colon_loses_its_article_only() {
        assert_eq!(without_article("la résolution n° 12"), "résolution n° 12");
        assert_eq!(without_article("l’arrêté du maire"), "arrêté du maire");
        assert_eq!(
            without_article("the resolution of the board"),
            "resolution of the board"
        );
        // A word that only starts like an article is left alone.
        assert_eq!(without_article("lettre de mandat"), "lettre de mandat");
        assert_eq!(without_article("les"), "les");
    }

    #[test]
    fn terms_sort_as_a_reader_looks_for_them() {
        let mut terms = [
            "jour ouvrable",
            "Équipement",
            "Conseil",
            "zone",
            "Plan d'action",
        ];
        terms.sort_by_key(|t| collation_key(t));
        assert_eq!(
            terms,
            [
                "Conseil",
                "Équipement",
                "jour ouvrable",
                "Plan d'action",
                "zone"
            ]
        );
    }

    #[test]
    fn hostile_text_is_rendered_literally() {
        assert_eq!(escape_markdown("# | *"), "\\# \\| \\*");
        assert_eq!(escape_markdown("- item"), "\\- item");
        assert_eq!(escape_markdown("1. point"), "1\\. point");
        assert_eq!(escape_markdown("{{ 7*7 }}"), "\\{\\{ 7\\*7 \\}\\}");
        assert_eq!(escape_markdown("<script>"), "\\<script\\>");
        assert_eq!(escape_markdown("a\nb\n\nc"), "a b c");
        assert_eq!(escape_markdown("tab\there"), "tab here");
    }

    #[test]
    fn capitals_and_languages() {
        assert_eq!(capitalize("la Ville"), "La Ville");
        // A recital keeps a name's capital and an abbreviation's point.
        assert_eq!(in_sentence("A & B inc. a signé."), "A & B inc. a signé");
        assert_eq!(in_sentence("A partnership exists."), "a partnership exists");
        assert_eq!(
            in_sentence("La Ville a adopté une politique, etc."),
            "la Ville a adopté une politique, etc."
        );
        assert_eq!(
            in_sentence("Les travaux suivent..."),
            "les travaux suivent..."
        );
        // A bilingual edition's marks cut it into languages; one escaped as
        // user text is (`\\<`) is text.
        assert_eq!(
            language_segments(
                "a <!-- lang en --> b \\<!-- lang fr --> c<!-- lang fr -->d",
                Lang::Fr
            ),
            [
                (Lang::Fr, "a "),
                (Lang::En, " b \\<!-- lang fr --> c"),
                (Lang::Fr, "d")
            ]
        );
        assert_eq!(capitalize("été"), "Été");
        assert_eq!(
            in_sentence("La Ville possède le site."),
            "la Ville possède le site"
        );
        assert_eq!(
            in_sentence("L'Association mobilise."),
            "l'Association mobilise"
        );
        assert_eq!(in_sentence("Montréal compte…"), "Montréal compte…");
        // « critères suivants : toute personne référée », not « Toute ».
        assert_eq!(
            in_sentence("Toute personne référée par le CISSS."),
            "toute personne référée par le CISSS"
        );
        assert_eq!(in_sentence("Any person referred."), "any person referred");
        assert_eq!(
            after_colon("Met la Base à disposition."),
            "met la Base à disposition"
        );
        assert_eq!(after_colon("MRC des Collines"), "MRC des Collines");
        assert_eq!(after_colon("Saint-Jean accueille"), "Saint-Jean accueille");
        assert_eq!(after_colon("McGill prête"), "McGill prête");
    }
}
