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
    /// convention promises (`languages`). An edition made without being
    /// promised takes the original text where no translation is given.
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
        let mut required: Vec<Lang> = promised.to_vec();
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

/// The texts of a free-text answer, by language, with their spans: `None`
/// when the value is neither a string nor a table of languages.
fn texts<'v>(
    value: &'v DeValue<'_>,
    span: &Span,
    original: Lang,
) -> Option<Vec<(Lang, &'v str, Span)>> {
    match value {
        DeValue::String(s) => Some(vec![(original, s.as_ref(), span.clone())]),
        DeValue::Table(table) if !table.is_empty() => table
            .iter()
            .map(|(key, v)| match (Lang::parse(key.get_ref()), v.get_ref()) {
                (Some(lang), DeValue::String(s)) => Some((lang, s.as_ref(), v.span())),
                _ => None,
            })
            .collect(),
        _ => None,
    }
}

/// The text of the edition being made, and its span; P085 for each
/// required language missing. `None` when the value is not a text at all
/// (the caller reports the wrong type).
pub(super) fn localized<'v>(
    field: &Field,
    value: &'v DeValue<'_>,
    span: &Span,
    path: &str,
    editions: &Editions,
    lang: Lang,
    out: &mut Vec<Diagnostic>,
) -> Option<(Cow<'v, str>, Span)> {
    let texts = texts(value, span, editions.original)?;
    let text_in = |l: Lang| texts.iter().find(|(t, _, _)| *t == l);
    // Kept as written in every edition: the edition's text if given, else
    // the original, else the first.
    if !field.translate || field.format.is_some() {
        let (_, text, at) = text_in(editions.edition)
            .or_else(|| text_in(editions.original))
            .unwrap_or(&texts[0]);
        return Some((Cow::Borrowed(*text), at.clone()));
    }
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
    match (text_in(editions.edition), text_in(editions.original)) {
        (Some((_, text, at)), _) => Some((Cow::Borrowed(*text), at.clone())),
        // Under --draft, the original, visibly marked.
        (None, Some((_, text, at))) if editions.mark_untranslated => {
            let mark = match editions.edition {
                Lang::Fr => "[non traduit]",
                Lang::En => "[untranslated]",
            };
            Some((Cow::Owned(format!("{mark} {text}")), at.clone()))
        }
        (None, Some((_, text, at))) => Some((Cow::Borrowed(*text), at.clone())),
        (None, None) => Some((Cow::Borrowed(texts[0].1), texts[0].2.clone())),
    }
}
