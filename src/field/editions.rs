//! One convention, several languages: a free-text answer is either a string
//! in the convention's `language` or a table of languages
//! (`title = { fr = "…", en = "…" }`). This module picks the text of the
//! edition being made and reports (P085) each promised edition an answer
//! has no text for. Answers the library marks `translate = false` (proper
//! names, addresses, numbers) stay as written in every edition.

use super::Field;
use crate::diag::{Code, Diagnostic};
use crate::lang::Lang;
use crate::source::Span;
use crate::tr;
use std::borrow::Cow;
use toml::de::DeValue;

/// The languages at play while a convention is typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Editions {
    /// The convention's `language`: a plain string is in it.
    pub original: Lang,
    /// The edition being made: its text is the one kept.
    pub edition: Lang,
    /// The languages every free-text answer must have: the editions the
    /// convention promises (`languages`), and the edition being made.
    pub required: Vec<Lang>,
    /// Under `--draft`, an answer without text in the edition keeps its
    /// original text, marked, instead of failing.
    pub mark_untranslated: bool,
}

impl Default for Editions {
    fn default() -> Self {
        Editions {
            original: Lang::Fr,
            edition: Lang::Fr,
            required: Vec::new(),
            mark_untranslated: false,
        }
    }
}

impl Editions {
    /// The editions of a convention written in `original` that promises
    /// `promised`, while `edition` is made (`None`: its own language).
    pub fn new(original: Lang, promised: &[Lang], edition: Option<Lang>) -> Editions {
        let edition = edition.unwrap_or(original);
        // An edition made is one every answer must have, promised or not:
        // an English edition of a French-only file is refused at each
        // untranslated answer, never printed half in French.
        let mut required: Vec<Lang> = promised.iter().copied().chain([edition]).collect();
        required.retain(|l| *l != original);
        required.sort_by_key(|l| l.code());
        required.dedup();
        Editions {
            original,
            edition,
            required,
            mark_untranslated: false,
        }
    }
}

/// What a free-text answer holds.
pub(super) enum Texts<'v> {
    /// Neither a string nor a table: the caller reports the wrong type.
    NotText,
    /// A table with a key that is not a language, or a value that is not
    /// a text: reported here, at that key.
    Reported,
    /// The text to type, and where it is written.
    Text(Cow<'v, str>, Span),
}

/// The texts of a free-text answer, by language, with their spans; a
/// wrong key or value of a table of languages is reported at it
/// (`Err(Texts::Reported)`).
fn texts<'v>(
    value: &'v DeValue<'_>,
    span: &Span,
    path: &str,
    original: Lang,
    lang: Lang,
    out: &mut Vec<Diagnostic>,
) -> Result<Vec<(Lang, &'v str, Span)>, Texts<'v>> {
    match value {
        DeValue::String(s) => Ok(vec![(original, s.as_ref(), span.clone())]),
        DeValue::Table(table) if !table.is_empty() => {
            let mut texts = Vec::new();
            for (key, v) in table.iter() {
                let name = key.get_ref();
                match (Lang::parse(name), v.get_ref()) {
                    (Some(l), DeValue::String(s)) => texts.push((l, s.as_ref(), v.span())),
                    (Some(_), _) => {
                        out.push(
                            Diagnostic::new(
                                Code::WrongType,
                                v.span(),
                                tr!(
                                    lang,
                                    "`{path}.{name}` doit être un texte entre guillemets",
                                    "`{path}.{name}` must be a text in quotes"
                                ),
                            )
                            .help(tr!(
                                lang,
                                "mettez la valeur entre guillemets",
                                "put the value in quotes"
                            )),
                        );
                        return Err(Texts::Reported);
                    }
                    (None, _) => {
                        out.push(
                            Diagnostic::new(
                                Code::WrongType,
                                key.span(),
                                tr!(
                                    lang,
                                    "`{path}` a une clé « {name} » qui n'est pas une langue : une réponse s'écrit dans chaque langue, fr ou en",
                                    "`{path}` has a key `{name}` that is not a language: an answer is written in each language, fr or en"
                                ),
                            )
                            .help(tr!(lang, "langues permises : fr, en", "allowed languages: fr, en")),
                        );
                        return Err(Texts::Reported);
                    }
                }
            }
            Ok(texts)
        }
        _ => Err(Texts::NotText),
    }
}

/// The text of the edition being made, and its span; P085 for each
/// required language missing (a blank text is missing).
pub(super) fn localized<'v>(
    field: &Field,
    value: &'v DeValue<'_>,
    span: &Span,
    path: &str,
    editions: &Editions,
    lang: Lang,
    out: &mut Vec<Diagnostic>,
) -> Texts<'v> {
    // Kept as written in every edition (a name, an address, an id): a
    // string only; a table of languages there is the wrong type.
    if !field.translate || field.format.is_some() {
        return match value {
            DeValue::String(s) => Texts::Text(Cow::Borrowed(s.as_ref()), span.clone()),
            _ => Texts::NotText,
        };
    }
    let texts = match texts(value, span, path, editions.original, lang, out) {
        Ok(texts) => texts,
        Err(not_typed) => return not_typed,
    };
    let text_in = |l: Lang| {
        texts
            .iter()
            .find(|(t, s, _)| *t == l && !s.trim().is_empty())
    };
    let label = field.label(lang);
    let name = field.name();
    for missing in std::iter::once(editions.original)
        .chain(editions.required.iter().copied())
        .filter(|l| text_in(*l).is_none())
    {
        let language = missing.name_in(lang);
        let code = missing.code();
        out.push(
            Diagnostic::new(
                Code::UntranslatedAnswer,
                span.clone(),
                tr!(
                    lang,
                    "`{path}` n'a pas de texte en {language}",
                    "`{path}` has no {language} text"
                ),
            )
            .help(tr!(
                lang,
                "écrivez {name} = {{ fr = \"…\", en = \"…\" }} ; pour garder le même texte dans cette édition (le titre officiel d'une loi), écrivez-le sous les deux clés",
                "write {name} = {{ fr = \"…\", en = \"…\" }}; to keep the same text in this edition (a statute's official title), write it under both keys"
            ))
            .plain(
                tr!(
                    lang,
                    "« {label} » n'a pas de version en {language}",
                    "“{label}” has no {language} version"
                ),
                tr!(
                    lang,
                    "donnez-en le texte en {language} ({code})",
                    "give its text in {language} ({code})"
                ),
            ),
        );
    }
    let (text, at) = match (text_in(editions.edition), text_in(editions.original)) {
        (Some((_, text, at)), _) => (Cow::Borrowed(*text), at.clone()),
        // Under --draft, the original, visibly marked.
        (None, Some((_, text, at))) if editions.mark_untranslated => {
            let mark = match editions.edition {
                Lang::Fr => "[non traduit]",
                Lang::En => "[untranslated]",
            };
            (Cow::Owned(format!("{mark} {text}")), at.clone())
        }
        (None, Some((_, text, at))) => (Cow::Borrowed(*text), at.clone()),
        // Nothing but blanks: typed as such (an empty answer).
        (None, None) => (Cow::Borrowed(texts[0].1), texts[0].2.clone()),
    };
    Texts::Text(text, at)
}
