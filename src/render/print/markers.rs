//! The layout markers a template may write, and the check of a template's
//! markers when it is loaded.
//!
//! A printed edition (PDF, Word, HTML) is the Markdown of the templates
//! rendered with `pdf = true`; what Markdown cannot say — a title page, a
//! group kept on one page, two columns — the templates say with HTML
//! comments, one per line. These are the only ones: any other comment, a
//! misspelt one or one left open is an error naming the template and line,
//! never a silent change of the document.

use crate::lang::Lang;

/// One layout marker (`<!-- keep -->`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Marker {
    TitlePage,
    TitlePageEnd,
    Contents,
    PageBreak,
    Keep,
    KeepEnd,
    KeepWithNext,
    Space,
    Note,
    NoteEnd,
    Columns { rule: bool },
    Column,
    ColumnsEnd,
    Lang(Lang),
    Anchor(String),
}

/// What a marker opens, for the check that every one is closed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Opens {
    TitlePage,
    Keep,
    Note,
    Columns,
}

impl Opens {
    /// The marker that closes it.
    pub fn closer(self) -> &'static str {
        match self {
            Opens::TitlePage => "<!-- /titlepage -->",
            Opens::Keep => "<!-- /keep -->",
            Opens::Note => "<!-- /box -->",
            Opens::Columns => "<!-- /columns -->",
        }
    }

    pub fn opener(self) -> &'static str {
        match self {
            Opens::TitlePage => "<!-- titlepage -->",
            Opens::Keep => "<!-- keep -->",
            Opens::Note => "<!-- box -->",
            Opens::Columns => "<!-- columns -->",
        }
    }
}

impl Marker {
    /// What the marker opens, if it opens a container.
    pub fn opens(&self) -> Option<Opens> {
        match self {
            Marker::TitlePage => Some(Opens::TitlePage),
            Marker::Keep => Some(Opens::Keep),
            Marker::Note => Some(Opens::Note),
            Marker::Columns { .. } => Some(Opens::Columns),
            _ => None,
        }
    }

    /// What the marker closes, if it closes a container.
    pub fn closes(&self) -> Option<Opens> {
        match self {
            Marker::TitlePageEnd => Some(Opens::TitlePage),
            Marker::KeepEnd => Some(Opens::Keep),
            Marker::NoteEnd => Some(Opens::Note),
            Marker::ColumnsEnd => Some(Opens::Columns),
            _ => None,
        }
    }
}

/// Every marker, as a template writes it, with what it does (French,
/// English): the reference for template authors is generated from it.
pub const VOCABULARY: &[(&str, &str, &str)] = &[
    (
        "<!-- titlepage -->",
        "ouvre la page de titre, fermée par `<!-- /titlepage -->`",
        "opens the title page, closed by `<!-- /titlepage -->`",
    ),
    (
        "<!-- toc -->",
        "la table des matières",
        "the table of contents",
    ),
    ("<!-- pagebreak -->", "une nouvelle page", "a new page"),
    (
        "<!-- keep -->",
        "ouvre un groupe jamais coupé par une page (un bloc de signature), fermé par `<!-- /keep -->`",
        "opens a group never split by a page (a signature block), closed by `<!-- /keep -->`",
    ),
    (
        "<!-- keep-with-next -->",
        "le bloc suivant et celui d'après restent sur la même page",
        "the next block and the one after it stay on one page",
    ),
    ("<!-- space -->", "l'espace pour signer", "room to sign"),
    (
        "<!-- box -->",
        "ouvre une note de révision (`--annotate`), fermée par `<!-- /box -->`",
        "opens a review note (`--annotate`), closed by `<!-- /box -->`",
    ),
    (
        "<!-- columns -->",
        "ouvre deux colonnes séparées d'un filet (deux langues) ; `<!-- column -->` passe à la colonne de droite, `<!-- /columns -->` les ferme",
        "opens two columns with a rule between them (two languages); `<!-- column -->` moves to the right column, `<!-- /columns -->` closes them",
    ),
    (
        "<!-- columns grid -->",
        "ouvre deux colonnes sans filet (blocs de signature deux à deux)",
        "opens two columns without a rule (signature blocks two by two)",
    ),
    (
        "<!-- lang en -->",
        "la langue de ce qui suit (`fr` ou `en`) : typographie, césure, attribut `lang`",
        "the language of what follows (`fr` or `en`): typography, hyphenation, the `lang` attribute",
    ),
    (
        "<!-- anchor article-3 -->",
        "l'identifiant stable du titre qui suit (lettres minuscules, chiffres, tirets), pour les liens de la table des matières",
        "the stable identifier of the heading that follows (lower-case letters, digits, hyphens), for the contents' links",
    ),
];

/// Why a comment is not a marker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NotAMarker {
    /// Not an HTML comment, or more than one on the line.
    NotAComment,
    /// A comment pacte does not know (a misspelling, a note to self).
    Unknown(String),
    /// `<!-- lang xx -->` with a language pacte does not print.
    Language(String),
    /// `<!-- anchor … -->` with characters a link cannot carry.
    Anchor(String),
}

impl NotAMarker {
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            NotAMarker::NotAComment => crate::tr!(
                lang,
                "du HTML qui n'est pas un repère de mise en page : un gabarit n'écrit que du Markdown et les repères <!-- … --> documentés, chacun seul sur sa ligne",
                "HTML that is not a layout marker: a template writes only Markdown and the documented <!-- … --> markers, each on a line of its own"
            ),
            NotAMarker::Unknown(m) => crate::tr!(
                lang,
                "repère inconnu `<!-- {m} -->` ; les repères sont titlepage, toc, pagebreak, keep, keep-with-next, space, box, columns, column, lang et anchor (et leur fermeture /…) ; une remarque pour les auteurs s'écrit {{# … #}}",
                "unknown marker `<!-- {m} -->`; the markers are titlepage, toc, pagebreak, keep, keep-with-next, space, box, columns, column, lang and anchor (and their closing /…); a note to authors is written {{# … #}}"
            ),
            NotAMarker::Language(l) => crate::tr!(
                lang,
                "langue inconnue `{l}` dans <!-- lang … --> : fr ou en",
                "unknown language `{l}` in <!-- lang … -->: fr or en"
            ),
            NotAMarker::Anchor(a) => crate::tr!(
                lang,
                "ancre `{a}` : lettres minuscules, chiffres et tirets seulement, 64 au plus ; `contents…` et `part-…` sont réservés à pacte",
                "anchor `{a}`: lower-case letters, digits and hyphens only, 64 at most; `contents…` and `part-…` are pacte's own"
            ),
        }
    }
}

/// The longest anchor: an identifier, not a text.
const MAX_ANCHOR: usize = 64;

/// Reads one HTML comment (`<!-- keep -->`, surrounding spaces allowed).
pub fn parse(html: &str) -> Result<Marker, NotAMarker> {
    let inner = html
        .trim()
        .strip_prefix("<!--")
        .and_then(|s| s.strip_suffix("-->"))
        .filter(|s| !s.contains("-->") && !s.contains("<!--"))
        .ok_or(NotAMarker::NotAComment)?
        .trim();
    let (word, argument) = inner.split_once(' ').unwrap_or((inner, ""));
    let argument = argument.trim();
    let marker = match (word, argument) {
        ("titlepage", "") => Marker::TitlePage,
        ("/titlepage", "") => Marker::TitlePageEnd,
        ("toc", "") => Marker::Contents,
        ("pagebreak", "") => Marker::PageBreak,
        ("keep", "") => Marker::Keep,
        ("/keep", "") => Marker::KeepEnd,
        ("keep-with-next", "") => Marker::KeepWithNext,
        ("space", "") => Marker::Space,
        ("box", "") => Marker::Note,
        ("/box", "") => Marker::NoteEnd,
        ("columns", "") => Marker::Columns { rule: true },
        ("columns", "grid") => Marker::Columns { rule: false },
        ("column", "") => Marker::Column,
        ("/columns", "") => Marker::ColumnsEnd,
        ("lang", code) => {
            Marker::Lang(Lang::parse(code).ok_or_else(|| NotAMarker::Language(code.to_string()))?)
        }
        ("anchor", id) => {
            // `contents` and `part-N` are the identifiers pacte gives
            // itself: an anchor never takes one over.
            let valid = !id.is_empty()
                && id.len() <= MAX_ANCHOR
                && id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                && !id.starts_with("contents")
                && !id.starts_with("part-");
            if !valid {
                return Err(NotAMarker::Anchor(id.to_string()));
            }
            Marker::Anchor(id.to_string())
        }
        _ => return Err(NotAMarker::Unknown(inner.to_string())),
    };
    Ok(marker)
}

/// A container marker out of place, in a template or in the document
/// read from the templates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Nesting {
    /// Opened and never closed.
    Unclosed(Opens),
    /// A closing marker with nothing open, or not the one open.
    Unexpected { found: String, open: Option<Opens> },
    /// `<!-- column -->` outside two columns, or twice in the same.
    Column,
}

impl Nesting {
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            Nesting::Unclosed(open) => {
                let (opener, closer) = (open.opener(), open.closer());
                crate::tr!(
                    lang,
                    "`{opener}` n'est pas fermé : ajoutez `{closer}` après ce qu'il entoure",
                    "`{opener}` is not closed: add `{closer}` after what it encloses"
                )
            }
            Nesting::Unexpected { found, open: None } => crate::tr!(
                lang,
                "`{found}` ferme ce qui n'a pas été ouvert",
                "`{found}` closes what was not opened"
            ),
            Nesting::Unexpected {
                found,
                open: Some(open),
            } => {
                let closer = open.closer();
                crate::tr!(
                    lang,
                    "`{found}` alors que `{closer}` est attendu d'abord",
                    "`{found}` where `{closer}` is expected first"
                )
            }
            Nesting::Column => crate::tr!(
                lang,
                "`<!-- column -->` hors de `<!-- columns -->` … `<!-- /columns -->`, ou deux fois dans les mêmes",
                "`<!-- column -->` outside `<!-- columns -->` … `<!-- /columns -->`, or twice in the same"
            ),
        }
    }
}

/// A template's markers that cannot work: where, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TemplateProblem {
    /// 1-based line in the template's source.
    pub line: usize,
    pub kind: ProblemKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    NotAMarker(NotAMarker),
    /// A container left open, closed out of order, or split wrongly.
    Nesting(Nesting),
    /// A marker in a clause's or the recitals' template, whose text is
    /// numbered paragraphs.
    MarkerInText,
    /// An HTML tag in a template: a template writes Markdown.
    Html(String),
}

impl TemplateProblem {
    pub fn describe(&self, lang: Lang) -> String {
        self.kind.describe(lang)
    }
}

impl ProblemKind {
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            ProblemKind::NotAMarker(n) => n.describe(lang),
            ProblemKind::Nesting(n) => n.describe(lang),
            ProblemKind::MarkerInText => crate::tr!(
                lang,
                "le texte d'une clause ou des attendus est fait de paragraphes numérotés : un repère de mise en page n'y a pas sa place (il va dans le squelette, convention.md.j2 ou parts.md.j2) ; une remarque pour les auteurs s'écrit {{# … #}}",
                "a clause's or the recitals' text is numbered paragraphs: a layout marker has no place there (it goes in the skeleton, convention.md.j2 or parts.md.j2); a note to authors is written {{# … #}}"
            ),
            ProblemKind::Html(tag) if tag.starts_with("<a ") || tag.starts_with("</a") => {
                crate::tr!(
                    lang,
                    "balise HTML `{tag}` : l'ancre d'un titre s'écrit `<!-- anchor article-3 -->`, seule sur sa ligne avant le titre",
                    "HTML tag `{tag}`: a heading's anchor is written `<!-- anchor article-3 -->`, on a line of its own before the heading"
                )
            }
            ProblemKind::Html(tag) => crate::tr!(
                lang,
                "balise HTML `{tag}` : un modèle écrit du Markdown (**gras**, *italique*, listes, tableaux) et les repères <!-- … --> documentés",
                "HTML tag `{tag}`: a template writes Markdown (**bold**, *italic*, lists, tables) and the documented <!-- … --> markers"
            ),
        }
    }
}

/// Checks the markers of a template's source: each is one pacte knows, and
/// every container it opens it closes, in source order, in the same file.
/// A marker built from a value (`<!-- lang {{ right.lang }} -->`) is
/// checked by its word here and whole when the document is read.
pub fn check_template(source: &str) -> Result<(), TemplateProblem> {
    let opens = text_openings(source);
    check_tags(source, &opens)?;
    let mut open: Vec<(Opens, usize)> = Vec::new();
    let mut lines = Lines::default();
    for (start, end) in comments(source, &opens) {
        let line = lines.at(source, start);
        let html = &source[start..end];
        let problem = |kind| TemplateProblem { line, kind };
        let marker = if html.contains("{{") {
            // Its word is fixed; its argument is filled in.
            let word = html["<!--".len()..].split_whitespace().next().unwrap_or("");
            match word {
                "lang" | "anchor" => continue,
                _ => {
                    return Err(problem(ProblemKind::NotAMarker(NotAMarker::Unknown(
                        html.trim_start_matches("<!--")
                            .trim_end_matches("-->")
                            .trim()
                            .to_string(),
                    ))));
                }
            }
        } else {
            parse(html).map_err(|n| problem(ProblemKind::NotAMarker(n)))?
        };
        if let Some(opens) = marker.opens() {
            open.push((opens, line));
        } else if let Some(closes) = marker.closes() {
            match open.last() {
                Some((top, _)) if *top == closes => _ = open.pop(),
                top => {
                    return Err(problem(ProblemKind::Nesting(Nesting::Unexpected {
                        found: html.trim().to_string(),
                        open: top.map(|(o, _)| *o),
                    })));
                }
            }
        } else if marker == Marker::Column && open.last().is_none_or(|(o, _)| *o != Opens::Columns)
        {
            return Err(problem(ProblemKind::Nesting(Nesting::Column)));
        }
    }
    match open.pop() {
        Some((opens, line)) => Err(TemplateProblem {
            line,
            kind: ProblemKind::Nesting(Nesting::Unclosed(opens)),
        }),
        None => Ok(()),
    }
}

/// Checks a clause's or the recitals' template: its text is numbered
/// paragraph by paragraph, so no layout marker may stand in it.
pub fn check_text_template(source: &str) -> Result<(), TemplateProblem> {
    let opens = text_openings(source);
    check_tags(source, &opens)?;
    match comments(source, &opens).next() {
        Some((start, _)) => Err(TemplateProblem {
            line: Lines::default().at(source, start),
            kind: ProblemKind::MarkerInText,
        }),
        None => Ok(()),
    }
}

/// Line numbers of ascending offsets, counted once through the text.
#[derive(Default)]
struct Lines {
    offset: usize,
    newlines: usize,
}

impl Lines {
    fn at(&mut self, source: &str, at: usize) -> usize {
        if at >= self.offset {
            self.newlines += source[self.offset..at].matches('\n').count();
            self.offset = at;
        }
        self.newlines + 1
    }
}

/// The tags a template may write besides markers: a comparison's marks
/// (`<del>`, `<ins>`), which every printer reads. An anchor is a marker
/// (`<!-- anchor article-3 -->`), which each printer writes its own way.
const ALLOWED_TAGS: &[&str] = &["del", "ins"];

/// Refuses an HTML tag in a template's own text (not in what a value
/// prints, which is escaped, nor an escaped `\<` or an autolink
/// `<https://…>`).
fn check_tags(source: &str, opens: &[usize]) -> Result<(), TemplateProblem> {
    for &at in opens {
        if source[..at].ends_with('\\') {
            continue;
        }
        let rest = &source[at + 1..];
        let body = rest.strip_prefix('/').unwrap_or(rest);
        let name: String = body
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        // `<https://…>` is an autolink, not a tag (the name is ASCII).
        let autolink = body[name.len()..].starts_with(':');
        let is_tag = name.starts_with(|c: char| c.is_ascii_alphabetic()) && !autolink;
        if is_tag && !ALLOWED_TAGS.contains(&name.to_ascii_lowercase().as_str()) {
            // The tag as written, at most a few dozen characters of it.
            let tag: String = rest.chars().take_while(|c| *c != '>').take(60).collect();
            return Err(TemplateProblem {
                line: Lines::default().at(source, at),
                kind: ProblemKind::Html(format!("<{tag}>")),
            });
        }
    }
    Ok(())
}

/// The HTML comments of a template's own text, start and end.
fn comments<'s>(source: &'s str, opens: &'s [usize]) -> impl Iterator<Item = (usize, usize)> + 's {
    let mut after = 0;
    opens.iter().filter_map(move |&start| {
        if start < after || !source[start..].starts_with("<!--") {
            return None;
        }
        let end = source[start..]
            .find("-->")
            .map_or(source.len(), |e| start + e + 3);
        after = end;
        Some((start, end))
    })
}

/// Where `<` opens something in a template's own text, in one pass: not in
/// a Jinja comment (`{# … #}`, which may speak of markers), expression
/// (`{{ … }}`) or statement (`{% … %}`).
fn text_openings(source: &str) -> Vec<usize> {
    let bytes = source.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match (bytes[i], bytes.get(i + 1)) {
            (b'{', Some(b'#' | b'{' | b'%')) => {
                let close = match bytes[i + 1] {
                    b'#' => "#}",
                    b'{' => "}}",
                    _ => "%}",
                };
                i = source[i + 2..]
                    .find(close)
                    .map_or(bytes.len(), |e| i + 2 + e + 2);
            }
            (b'<', _) => {
                out.push(i);
                i += 1;
            }
            _ => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_documented_marker_parses() {
        for (marker, _, _) in VOCABULARY {
            assert!(parse(marker).is_ok(), "{marker}");
        }
        assert_eq!(parse("<!--box-->"), Ok(Marker::Note));
        assert!(matches!(
            parse("<!-- pagebrake -->"),
            Err(NotAMarker::Unknown(_))
        ));
        assert!(matches!(
            parse("<!-- lang xx -->"),
            Err(NotAMarker::Language(_))
        ));
        assert!(matches!(
            parse("<!-- anchor A B -->"),
            Err(NotAMarker::Anchor(_))
        ));
        assert_eq!(parse("<b>"), Err(NotAMarker::NotAComment));
    }

    #[test]
    fn a_template_must_close_what_it_opens() {
        let slip = "## Durée\n\nTexte.\n\n<!-- box -->\n";
        assert_eq!(
            check_template(slip),
            Err(TemplateProblem {
                line: 5,
                kind: ProblemKind::Nesting(Nesting::Unclosed(Opens::Note))
            })
        );
        let crossed = "<!-- keep -->\n<!-- box -->\n<!-- /keep -->\n<!-- /box -->\n";
        assert_eq!(check_template(crossed).map_err(|p| p.line), Err(3));
        assert_eq!(
            check_template("x\n<!-- pagebrake -->\n").map_err(|p| p.line),
            Err(2)
        );
        assert_eq!(
            check_template("<!-- column -->").map_err(|p| p.kind),
            Err(ProblemKind::Nesting(Nesting::Column))
        );
    }

    #[test]
    fn html_and_markers_in_text_templates_are_refused_at_their_line() {
        assert_eq!(
            check_template("a\n<div>x</div>\n").map_err(|p| p.line),
            Err(2)
        );
        // An anchor is a marker: the tag is refused, and says so.
        let anchor = check_template("x\n<a id=\"article-{{ a.number }}\"></a>\n").unwrap_err();
        assert_eq!(anchor.line, 2);
        assert!(
            anchor
                .describe(Lang::En)
                .contains("<!-- anchor article-3 -->")
        );
        assert!(check_template("a < b, c <= d, {{ x < y }}\n").is_ok());
        assert!(check_template("\\<div> <https://example.org> <mailto:a@b.c>\n").is_ok());
        // A long tag with accents is quoted whole characters at a time.
        let long = format!("<div title=\"{}\">", "é".repeat(100));
        assert!(check_template(&long).is_err());
        // Linear in the template's length, however many `<` and `{` it holds.
        // (A quadratic scan would take minutes here.)
        assert!(check_template(&"<{".repeat(300_000)).is_ok());
        assert!(check_template(&format!("{{{{{}", "<".repeat(600_000))).is_ok());
        assert!(check_text_template(&"<!-".repeat(200_000)).is_ok());
        // A Jinja expression cannot hide a comment from the check.
        assert!(check_template("{{ \"{#\" }}<!-- bogus -->{{ \"#}\" }}").is_err());
        assert_eq!(
            check_text_template("**1.1** Texte.\n\n<!-- anchor x -->\n")
                .map_err(|p| (p.line, p.kind)),
            Err((3, ProblemKind::MarkerInText))
        );
        assert!(check_text_template("{# <!-- keep --> in a note #}\nTexte.\n").is_ok());
    }

    #[test]
    fn jinja_comments_and_filled_markers_pass() {
        let ok = "{# <!-- lang xx --> says the language #}\n<!-- lang {{ left.lang }} -->\n<!-- columns -->\na\n<!-- column -->\nb\n<!-- /columns -->\n";
        assert_eq!(check_template(ok), Ok(()));
        assert!(check_template("<!-- boxx {{ a }} -->").is_err());
    }
}
