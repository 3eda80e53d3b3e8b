//! A bilingual convention says which language version prevails (P086):
//! never that it is drawn up in one language only, and — before signature
//! (`--final`) or in a bilingual edition — always something. A Quebec
//! public body that gives an English version standing is reminded of the
//! Charter of the French language (P096), and so is one that hands over
//! an English translation for information (P098).

use super::{Ctx, Options};
use crate::diag::{Code, Diagnostic};
use crate::facts::Prevailing;
use crate::source::Span;
use crate::tr;

pub(super) fn check(ctx: &Ctx<'_>, options: Options, out: &mut Vec<Diagnostic>) {
    charter(ctx, out);
    translation(ctx, out);
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

/// Under Quebec law, when the convention says `said` of its language
/// versions and a public body signs: where it says so, and the body's name.
fn quebec_public_body(ctx: &Ctx<'_>, said: Prevailing) -> Option<(Span, String)> {
    let Some(Some(answer)) = &ctx.facts.prevailing else {
        return None;
    };
    if answer.value != said || !ctx.facts.quebec_law {
        return None;
    }
    let public = ctx
        .conv
        .party_ids()
        .find(|id| ctx.conv.is_public(id.value))?;
    Some((answer.span.clone(), ctx.party_name(public.value)))
}

/// P098: under Quebec law, a public party signs the French version alone
/// and hands over an English translation for information. The Charter
/// (ss. 21.3 and 22) keeps the Administration's writings, including those
/// related to its contracts, in French save the exceptions it lists; two
/// readers of the bundled examples held that none obviously applies.
/// Whether one does is a fact pacte cannot know, hence a note.
fn translation(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let lang = ctx.lang;
    let (Some(editions), true) = (ctx.conv.editions(), ctx.conv.is_bilingual()) else {
        return;
    };
    let Some((_, who)) = quebec_public_body(ctx, Prevailing::French) else {
        return;
    };
    out.push(
        Diagnostic::new(
            Code::TranslationByAdministration,
            editions.span,
            tr!(
                lang,
                "{who}, organisme public québécois, ne rédige ses écrits, y compris ceux qui se rattachent à ses contrats, qu'en français, sauf les exceptions de la Charte de la langue française (art. 21.3 et 22) : une traduction anglaise fournie à titre d'information en est un",
                "{who}, a Quebec public body, writes in French only, including the writings related to its contracts, save the exceptions of the Charter of the French language (ss. 21.3 and 22): an English translation provided for information is such a writing"
            ),
        )
        .help(tr!(
            lang,
            "faites confirmer par vos juristes qu'une exception s'applique avant de remettre la version anglaise, ou retirez \"en\" de languages",
            "have your lawyers confirm that an exception applies before handing over the English version, or remove \"en\" from languages"
        ))
        .plain(
            tr!(
                lang,
                "{who}, organisme public québécois, écrit en principe en français seulement, même une traduction fournie à titre d'information (Charte de la langue française, art. 21.3 et 22)",
                "{who}, a Quebec public body, writes in French only as a rule, even a translation provided for information (Charter of the French language, ss. 21.3 and 22)"
            ),
            tr!(
                lang,
                "faites confirmer par vos juristes qu'une exception s'applique avant de remettre la version anglaise",
                "have your lawyers confirm that an exception applies before handing over the English version"
            ),
        ),
    );
}

/// P096: under Quebec law, a public party, and an English version that
/// prevails or is equally authoritative.
fn charter(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let lang = ctx.lang;
    let Some((span, who)) = quebec_public_body(ctx, Prevailing::OtherStanding) else {
        return;
    };
    out.push(
        Diagnostic::new(
            Code::FrenchLanguageCharter,
            span,
            tr!(
                lang,
                "{who}, organisme public québécois, contracte en principe en français (Charte de la langue française, art. 21) : une version anglaise qui prévaut ou fait également foi suppose une exception",
                "{who}, a Quebec public body, contracts in French as a rule (Charter of the French language, s. 21): an English version that prevails or is equally authoritative requires an exception"
            ),
        )
        .help(tr!(
            lang,
            "faites confirmer l'exception par vos juristes, ou écrivez language = \"french_prevails\"",
            "have your lawyers confirm the exception, or write language = \"french_prevails\""
        ))
        .plain(
            tr!(
                lang,
                "{who}, organisme public québécois, contracte en principe en français : une version anglaise qui prévaut ou fait également foi suppose une exception (Charte de la langue française, art. 21)",
                "{who}, a Quebec public body, contracts in French as a rule: an English version that prevails or is equally authoritative requires an exception (Charter of the French language, s. 21)"
            ),
            tr!(
                lang,
                "faites confirmer l'exception par vos juristes, ou choisissez « la version française prévaut »",
                "have your lawyers confirm the exception, or choose “the French version prevails”"
            ),
        ),
    );
}
