//! A defined term is used as it is defined (`P078`): « Intervenant de
//! liaison », defined with its capital, then written « l'intervenante de
//! liaison », leaves a reader to ask whether the definition applies — and a
//! lawyer to rewrite the sentence.
//!
//! Only terms of two words or more are compared: a one-word term (« Base »,
//! « Terrain ») is also a common noun, and its lower-case use is often the
//! plain word, not a slip. The comparison ignores the feminine and plural
//! endings, so « l'intervenante de liaison » is found for « Intervenant de
//! liaison »; it runs in time linear in the text whatever the terms.

use super::{Ctx, texts, walk_all};
use crate::diag::{Code, Diagnostic};
use crate::field::{Spanned, Value};
use crate::library::Field;
use crate::tr;
use std::collections::{BTreeSet, HashMap};

/// Words beyond which a phrase is no longer a term: longer ones are not
/// compared (bounds the work on a hostile file).
const MAX_TERM_WORDS: usize = 8;

pub(super) fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let terms = Terms::new(ctx.facts.defined_terms.iter().map(|t| t.value));
    if terms.by_words.is_empty() {
        return;
    }
    let lang = ctx.lang;
    let mut visit = |_: &Field, value: &Spanned<Value>, path: &str| {
        // A term's own entry is the definition, not a use.
        if path.contains("definitions[") && path.ends_with(".term") {
            return;
        }
        for (text, span) in texts(value) {
            for (found, term) in terms.misused_in(text) {
                out.push(
                    Diagnostic::new(
                        Code::DefinedTermForm,
                        span.clone(),
                        tr!(
                            lang,
                            "`{path}` écrit « {found} », alors que « {term} » est un terme défini",
                            "`{path}` writes “{found}”, although “{term}” is a defined term"
                        ),
                    )
                    .help(tr!(
                        lang,
                        "écrivez « {term} », comme à sa définition ; si vous voulez dire autre chose, choisissez d'autres mots",
                        "write “{term}”, as in its definition; if you mean something else, choose other words"
                    )),
                );
            }
        }
    };
    walk_all(ctx, &mut visit);
}

/// The terms compared, keyed by their words reduced to a common form.
struct Terms<'a> {
    by_words: HashMap<Vec<String>, &'a str>,
    /// The lengths, in words, of the terms: the only slices worth looking up.
    lengths: BTreeSet<usize>,
}

impl<'a> Terms<'a> {
    fn new(defined: impl Iterator<Item = &'a str>) -> Terms<'a> {
        let mut by_words = HashMap::new();
        let mut lengths = BTreeSet::new();
        for term in defined {
            if !term.chars().next().is_some_and(char::is_uppercase) {
                continue;
            }
            let key: Vec<String> = words(term).map(|(_, w)| reduced(w)).collect();
            if key.len() < 2 || key.len() > MAX_TERM_WORDS {
                continue;
            }
            lengths.insert(key.len());
            by_words.entry(key).or_insert(term);
        }
        Terms { by_words, lengths }
    }

    /// Each use of a term in `text` that starts with a lower-case letter, as
    /// written, with the term; once per term.
    fn misused_in(&self, text: &str) -> Vec<(String, &'a str)> {
        let spans: Vec<(usize, usize)> = words(text).map(|(span, _)| span).collect();
        let keys: Vec<String> = words(text).map(|(_, w)| reduced(w)).collect();
        let mut reported = BTreeSet::new();
        let mut found = Vec::new();
        for (i, &(start, _)) in spans.iter().enumerate() {
            if !text[start..].chars().next().is_some_and(char::is_lowercase) {
                continue;
            }
            for &n in &self.lengths {
                let Some(key) = keys.get(i..i + n) else {
                    break;
                };
                let end = spans[i + n - 1].1;
                // One phrase: its words are apart by spaces, apostrophes or
                // hyphens only, never across a comma or a full stop.
                let joined = spans[i..i + n].windows(2).all(|w| {
                    text[w[0].1..w[1].0]
                        .chars()
                        .all(|c| c.is_whitespace() || "'’-".contains(c))
                });
                if let Some(term) = self.by_words.get(key)
                    && joined
                    && reported.insert(*term)
                {
                    found.push((text[start..end].to_string(), *term));
                }
            }
        }
        found
    }
}

/// The words of a text — runs of letters and digits — with where each
/// starts and ends; an apostrophe or a hyphen separates two words.
fn words(text: &str) -> impl Iterator<Item = ((usize, usize), &str)> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(move |w| {
            // `split` yields sub-slices of `text`: their offset is exact.
            let start = w.as_ptr() as usize - text.as_ptr() as usize;
            ((start, start + w.len()), w)
        })
}

/// A word in lower case without its feminine or plural ending, so that
/// « intervenante », « intervenants » and « Intervenant » compare equal.
fn reduced(word: &str) -> String {
    let lower = word.to_lowercase();
    for ending in ["es", "e", "s", "x"] {
        if let Some(stem) = lower.strip_suffix(ending)
            && stem.chars().count() >= 2
        {
            return stem.to_string();
        }
    }
    lower
}

#[cfg(test)]
mod tests {
    use super::*;

    fn misused(terms: &[&str], text: &str) -> Vec<String> {
        Terms::new(terms.iter().copied())
            .misused_in(text)
            .into_iter()
            .map(|(found, _)| found)
            .collect()
    }

    #[test]
    fn a_lower_case_or_inflected_use_is_found() {
        let terms = ["Intervenant de liaison", "Plan d'action"];
        assert_eq!(
            misused(&terms, "le délai d'accès à l'intervenante de liaison"),
            ["intervenante de liaison"]
        );
        assert_eq!(
            misused(&terms, "selon le plan d’action adopté"),
            ["plan d’action"]
        );
    }

    #[test]
    fn the_term_as_defined_and_unrelated_words_are_left_alone() {
        let terms = ["Intervenant de liaison", "Base", "secteur ouest"];
        assert!(misused(&terms, "l'Intervenant de liaison reçoit les jeunes").is_empty());
        assert!(misused(&terms, "Intervenants de liaison").is_empty());
        // One-word and lower-case terms are common words too.
        assert!(misused(&terms, "la base de plein air, le secteur ouest").is_empty());
        // Not one phrase: a comma stands between the words.
        assert!(misused(&terms, "un intervenant, de liaison").is_empty());
    }

    #[test]
    fn each_term_is_reported_once_per_text() {
        let terms = ["Comité conjoint"];
        assert_eq!(
            misused(&terms, "le comité conjoint puis le comité conjoint"),
            ["comité conjoint"]
        );
    }
}
