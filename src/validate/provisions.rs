//! The general provisions a convention needs given what it says about
//! itself: insurance for activities with the public, background checks for
//! work with minors, a withdrawal rule among three or more parties,
//! appropriations for public money over several years, and financial
//! records kept as long as the audits need them.

use super::Ctx;
use crate::diag::{Code, Diagnostic};
use crate::library::contract;
use crate::tr;
use chrono::Datelike;

pub(super) fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let (lang, facts) = (ctx.lang, &ctx.facts);

    if let Some(public) = facts.public_activities.as_ref().filter(|p| p.value)
        && !facts.skips(contract::INSURANCE)
        && facts.insured.as_ref().is_none_or(Vec::is_empty)
    {
        let title = ctx.clause_title(contract::INSURANCE);
        out.push(
            Diagnostic::new(
                Code::InsuranceMissing,
                public.span.clone(),
                tr!(
                    lang,
                    "le partenariat accueille du public, mais aucune partie n'y est assurée en responsabilité civile",
                    "the partnership serves the public, but no party carries civil liability insurance for it"
                ),
            )
            .help(tr!(
                lang,
                "remplissez la clause « {title} » : qui est assuré, et pour quel montant minimal par sinistre",
                "fill in the “{title}” clause: who is insured, and for what minimum amount per occurrence"
            )),
        );
    }

    if let Some(vulnerable) = facts.vulnerable_persons.as_ref().filter(|v| v.value)
        && !facts.skips(contract::BACKGROUND_CHECKS)
        && !facts.background_checks
    {
        let title = ctx.clause_title(contract::BACKGROUND_CHECKS);
        out.push(
            Diagnostic::new(
                Code::BackgroundChecksMissing,
                vulnerable.span.clone(),
                tr!(
                    lang,
                    "des personnes travailleront auprès de mineurs ou de personnes vulnérables, mais la convention ne prévoit aucune vérification de leurs antécédents",
                    "people will work with minors or vulnerable persons, but the agreement provides for no check of their background"
                ),
            )
            .help(tr!(
                lang,
                "ajoutez la clause « {title} » (pacte edit la propose)",
                "add the “{title}” clause (pacte edit offers it)"
            )),
        );
    }

    if ctx.conv.parties.len() >= 3 && !facts.withdrawal && !facts.skips(contract::WITHDRAWAL_CLAUSE)
    {
        let (n, title) = (
            ctx.conv.parties.len(),
            ctx.clause_title(contract::WITHDRAWAL_CLAUSE),
        );
        out.push(
            Diagnostic::new(
                Code::WithdrawalMissing,
                ctx.conv.parties[2].span.clone(),
                tr!(
                    lang,
                    "la convention compte {n} parties, mais ne dit pas ce qui arrive si l'une d'elles se retire",
                    "the agreement has {n} parties, but does not say what happens if one of them withdraws"
                ),
            )
            .help(tr!(
                lang,
                "ajoutez la clause « {title} » : préavis, sièges, contributions promises et part des biens",
                "add the “{title}” clause: notice, seats, promised contributions and share of property"
            )),
        );
    }

    appropriations(ctx, out);
    retention(ctx, out);
}

/// A public party paying cash over more than one fiscal year does so subject
/// to its appropriations.
fn appropriations(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let (lang, facts) = (ctx.lang, &ctx.facts);
    let (Some(resources), Some(start), Some(end)) = (
        &facts.resources,
        ctx.conv.effective_date(),
        ctx.conv.end_date(),
    ) else {
        return;
    };
    if end.value.year() == start.value.year() || facts.skips(contract::APPROPRIATIONS_CLAUSE) {
        return;
    }
    for contribution in &resources.contributions {
        let Some(party) = contribution.party else {
            continue;
        };
        let public = ctx.conv.is_public(party);
        let covered = facts
            .appropriations
            .as_ref()
            .is_some_and(|parties| parties.contains(&party));
        if contribution.cash > 0 && public && !covered {
            let (who, title) = (
                ctx.party_name(party),
                ctx.clause_title(contract::APPROPRIATIONS_CLAUSE),
            );
            out.push(
                Diagnostic::new(
                    Code::AppropriationsMissing,
                    contribution.span.clone(),
                    tr!(
                        lang,
                        "{who} s'engage à verser de l'argent sur plusieurs exercices sans réserve de ses crédits",
                        "{who} undertakes to pay money over several fiscal years without making it subject to its appropriations"
                    ),
                )
                .help(tr!(
                    lang,
                    "nommez {who} dans la clause « {title} »",
                    "name {who} in the “{title}” clause"
                )),
            );
        }
    }
}

/// The books must still exist for the verification of the term's last
/// period, which comes after the end: a year later, two for a biennial one.
fn retention(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let (lang, facts) = (ctx.lang, &ctx.facts);
    let Some(years) = &facts.financial_records_years else {
        return;
    };
    let Some(needed) = facts.audits.iter().map(|a| a.period_years).max() else {
        return;
    };
    if years.value < needed {
        let (kept, title) = (years.value, ctx.clause_title(contract::AUDIT));
        out.push(
            Diagnostic::new(
                Code::RetentionTooShort,
                years.span.clone(),
                tr!(
                    lang,
                    "les pièces financières ne sont gardées que {kept} an(s) après la fin, mais la dernière vérification prévue en exige {needed}",
                    "the financial records are kept only {kept} year(s) after the end, but the last audit provided for needs {needed}"
                ),
            )
            .help(tr!(
                lang,
                "gardez-les au moins {needed} ans après la fin, pour la vérification de la dernière période prévue à la clause « {title} »",
                "keep them at least {needed} years after the end, for the audit of the last period under the “{title}” clause"
            )),
        );
    }
}
