//! A bilingual convention says which language version prevails (P086):
//! never that it is drawn up in one language only, and — before signature
//! (`--final`) or in a bilingual edition — always something.

use super::{Ctx, Options};
use crate::diag::{Code, Diagnostic};
use crate::facts::Prevailing;
use crate::tr;

pub(super) fn check(ctx: &Ctx<'_>, options: Options, out: &mut Vec<Diagnostic>) {
    let lang = ctx.lang;
    let promised = ctx.conv.is_bilingual();
    if !promised && !options.bilingual {
        return;
    }
    let fix = || {
        tr!(
            lang,
            "dans dispositions_generales, écrivez language = \"french_prevails\" (ou \"english_prevails\", ou \"equal\" si les deux versions font également foi)",
            "in dispositions_generales, write language = \"french_prevails\" (or \"english_prevails\", or \"equal\" when both versions are equally authoritative)"
        )
    };
    match &ctx.facts.prevailing {
        Some(Some(said)) if said.value == Prevailing::OneLanguage => out.push(
            Diagnostic::new(
                Code::PrevailingVersion,
                said.span.clone(),
                tr!(
                    lang,
                    "la convention se dit rédigée en français seulement, mais elle a une version anglaise",
                    "the agreement says it is drawn up in French only, yet it has an English version"
                ),
            )
            .help(fix())
            .plain(
                tr!(
                    lang,
                    "« Langue de la convention » dit « rédigée en français », mais la convention existe aussi en anglais",
                    "“Language of the agreement” says “drawn up in French”, but the agreement also exists in English"
                ),
                tr!(
                    lang,
                    "choisissez la version qui prévaut, ou dites que les deux font également foi",
                    "choose the version that prevails, or say that both are equally authoritative"
                ),
            ),
        ),
        Some(Some(_)) => {}
        // Silent until signature: a draft may not have come to it yet.
        _ if !(options.final_check || options.bilingual) => {}
        _ => {
            let span = ctx
                .conv
                .editions()
                .map(|e| e.span)
                .or_else(|| ctx.conv.header.get("language").map(|l| l.span.clone()))
                .unwrap_or_else(|| ctx.conv.header.span.clone());
            out.push(
                Diagnostic::new(
                    Code::PrevailingVersion,
                    span,
                    tr!(
                        lang,
                        "la convention est bilingue, mais ne dit pas quelle version linguistique prévaut",
                        "the agreement is bilingual, but does not say which language version prevails"
                    ),
                )
                .help(fix())
                .plain(
                    tr!(
                        lang,
                        "la convention est bilingue, mais ne dit pas quelle version prévaut",
                        "the agreement is bilingual, but does not say which version prevails"
                    ),
                    tr!(
                        lang,
                        "dans « Dispositions générales », répondez à « Quelle version linguistique fait foi ? »",
                        "in “General provisions”, answer “Which language version governs?”"
                    ),
                ),
            );
        }
    }
}
