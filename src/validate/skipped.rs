//! Checks the library gives up: a clause marked `computed = false` is said to
//! be unchecked (P084), so an unchecked agreement is not taken for a sound one.

use super::Ctx;
use crate::diag::{Code, Diagnostic};
use crate::library::contract;
use crate::tr;

pub(super) fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let lang = ctx.lang;
    for skipped in &ctx.facts.skipped {
        let (title, uses) = (
            ctx.clause_title(skipped.clause),
            contract::uses_of(skipped.clause, lang),
        );
        out.push(
            Diagnostic::new(
                Code::CheckSkipped,
                skipped.span.clone(),
                tr!(
                    lang,
                    "la bibliothèque de clauses marque « {title} » computed = false : pacte n'en tire rien ; ni vérifié ni produit : {uses}",
                    "the clause library marks “{title}” computed = false, so pacte takes nothing from it; neither checked nor produced: {uses}"
                ),
            )
            .help(tr!(
                lang,
                "faites ces vérifications vous-même avant la signature",
                "make these checks yourself before signing"
            ))
            .plain(
                tr!(
                    lang,
                    "votre organisation a choisi que pacte ne tire rien de la clause « {title} » ; ni vérifié ni produit : {uses}",
                    "your organisation chose that pacte takes nothing from the “{title}” clause; neither checked nor produced: {uses}"
                ),
                tr!(
                    lang,
                    "faites ces vérifications vous-même avant la signature",
                    "make these checks yourself before signing"
                ),
            ),
        );
    }
}
