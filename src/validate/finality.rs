//! Signature readiness (`check --final`): every representative authorised,
//! no placeholder text left.

use super::{Ctx, texts, walk_all};
use crate::diag::{Code, Diagnostic};
use crate::field::Value;
use crate::tr;

/// Marks of unfinished text. Upper-case markers match whole words; phrases
/// match in any case.
const MARKERS: [&str; 3] = ["TODO", "XXX", "TBD"];
const PHRASES: [&str; 5] = [
    "à compléter",
    "a compléter",
    "à completer",
    "to be completed",
    "à préciser",
];

pub(super) fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let lang = ctx.lang;
    for party in &ctx.conv.parties {
        let Some(rep) = party.get("representative") else {
            continue;
        };
        let Value::Record(r) = &rep.value else {
            continue;
        };
        if r.get("mandate").is_none() {
            let who = party.text("short_name").or(party.text("id")).unwrap_or("?");
            out.push(
                Diagnostic::new(Code::MissingMandate, rep.span.clone(), tr!(lang, "le représentant de « {who} » n'a pas de résolution ou de mandat qui l'autorise à signer", "the representative of “{who}” has no resolution or mandate authorising them to sign"))
                    .help(tr!(lang, "ajoutez mandate = \"résolution n° … adoptée le …\" dans representative", "add mandate = \"resolution no. … adopted on …\" to representative"))
                    .plain(tr!(lang, "le représentant de « {who} » n'a pas de résolution ou de mandat qui l'autorise à signer", "the representative of “{who}” has no resolution or mandate authorising them to sign"), tr!(lang, "dans « Parties », indiquez la résolution ou le mandat qui l'autorise à signer", "in “Parties”, give the resolution or mandate that authorises them to sign")),
            );
        }
    }

    let mut visit = |_: &_, value: &crate::field::Spanned<Value>, path: &str| {
        for (text, span) in texts(value) {
            if let Some(mark) = placeholder(text) {
                out.push(
                    Diagnostic::new(
                        Code::PlaceholderText,
                        span,
                        tr!(
                            lang,
                            "`{path}` contient un texte provisoire (« {mark} »)",
                            "`{path}` holds placeholder text (“{mark}”)"
                        ),
                    )
                    .help(tr!(
                        lang,
                        "remplacez-le par la rédaction définitive avant la signature",
                        "replace it with the final wording before signature"
                    )),
                );
            }
        }
    };
    walk_all(ctx, &mut visit);
}

/// The placeholder a text contains, if any.
fn placeholder(text: &str) -> Option<String> {
    if text.contains("___") {
        return Some("___".into());
    }
    let words = text.split(|c: char| !c.is_alphanumeric());
    for word in words {
        if MARKERS.contains(&word) {
            return Some(word.to_string());
        }
    }
    let lower = text.to_lowercase();
    PHRASES
        .iter()
        .find(|p| lower.contains(*p))
        .map(|p| p.to_string())
}

#[cfg(test)]
mod tests {
    use super::placeholder;

    #[test]
    fn finds_placeholders_but_not_ordinary_words() {
        assert_eq!(placeholder("Montant : TODO").as_deref(), Some("TODO"));
        assert_eq!(placeholder("signé le ____").as_deref(), Some("___"));
        assert_eq!(
            placeholder("Adresse À COMPLÉTER").as_deref(),
            Some("à compléter")
        );
        assert_eq!(placeholder("XXXL"), None);
        assert_eq!(placeholder("todos les jours"), None);
        assert_eq!(placeholder("Une convention complète."), None);
    }
}
