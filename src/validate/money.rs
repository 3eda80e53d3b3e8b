//! Money that adds up: contributions and budget lines against the total, and
//! surplus or deficit shares against 100 %.

use super::Ctx;
use crate::diag::{Code, Diagnostic};
use crate::format;
use crate::library::contract;
use crate::tr;

pub(super) fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let lang = ctx.lang;
    let currency = ctx.conv.currency();
    let m = |cents: i64| format::money(cents, currency, lang);

    if let Some(resources) = &ctx.facts.resources
        && let Some(total) = &resources.total_budget
    {
        if !resources.contributions.is_empty() {
            let sum = resources.contributed();
            if sum != total.value {
                let gap = i64::try_from((i128::from(total.value) - i128::from(sum)).abs())
                    .unwrap_or(i64::MAX);
                let (s, t, gap) = (m(sum), m(total.value), m(gap));
                let (cash, in_kind, total_field) = (
                    contract::CONTRIBUTION_CASH.name(),
                    contract::CONTRIBUTION_IN_KIND.name(),
                    contract::TOTAL_BUDGET.name(),
                );
                out.push(
                    Diagnostic::new(
                        Code::ContributionsMismatch,
                        total.span.clone(),
                        tr!(
                            lang,
                            "les contributions totalisent {s}, mais le budget total est de {t}",
                            "contributions total {s}, but the total budget is {t}"
                        ),
                    )
                    .label(tr!(lang, "écart de {gap}", "a gap of {gap}"))
                    .help(tr!(
                        lang,
                        "corrigez les montants {cash} et {in_kind} des contributions, ou {total_field}",
                        "fix the contributions' {cash} and {in_kind} amounts, or {total_field}"
                    ))
                    .plain(
                        tr!(
                            lang,
                            "les contributions totalisent {s}, mais le budget total est de {t} (écart de {gap})",
                            "contributions total {s}, but the total budget is {t} (a gap of {gap})"
                        ),
                        tr!(
                            lang,
                            "corrigez les contributions en argent ou en nature, ou le budget total",
                            "fix the cash or in-kind contributions, or the total budget"
                        ),
                    ),
                );
            }
        }
        if !resources.budget_lines.is_empty() {
            let sum = resources.budgeted();
            if sum != total.value {
                let (s, t) = (m(sum), m(total.value));
                let total_field = contract::TOTAL_BUDGET.name();
                out.push(
                    Diagnostic::new(Code::BudgetLinesMismatch, resources.budget_lines_span.clone(), tr!(lang, "les postes budgétaires totalisent {s}, mais le budget total est de {t}", "the budget lines total {s}, but the total budget is {t}"))
                        .help(tr!(lang, "corrigez les montants des postes, ou {total_field}", "fix the lines' amounts, or {total_field}"))
                        .plain(tr!(lang, "les postes budgétaires totalisent {s}, mais le budget total est de {t}", "the budget lines total {s}, but the total budget is {t}"), tr!(lang, "corrigez les montants des postes, ou le budget total", "fix the lines' amounts, or the total budget")),
                );
            }
        }
    }

    for shares in &ctx.facts.shares {
        if shares.entries == 0 {
            continue;
        }
        let sum = crate::facts::total(shares.shares.iter().copied());
        if sum != 10_000 {
            let (shown, hundred) = (format::percent(sum, lang), format::percent(10_000, lang));
            let field = shares.field;
            out.push(
                Diagnostic::new(
                    Code::SharesNotHundred,
                    shares.span.clone(),
                    tr!(
                        lang,
                        "les parts de `{field}` totalisent {shown} au lieu de {hundred}",
                        "the shares in `{field}` total {shown} instead of {hundred}"
                    ),
                )
                .help(tr!(
                    lang,
                    "ajustez les parts pour que leur somme fasse exactement 100",
                    "adjust the shares so they add up to exactly 100"
                ))
                .plain(
                    tr!(
                        lang,
                        "les parts totalisent {shown} au lieu de {hundred}",
                        "the shares total {shown} instead of {hundred}"
                    ),
                    tr!(
                        lang,
                        "ajustez les parts pour que leur somme fasse exactement 100",
                        "adjust the shares so they add up to exactly 100"
                    ),
                ),
            );
        }
    }

    deficit_caps(ctx, out);
    carry_over(ctx, out);
}

/// A share of a deficit without a ceiling commits a party to an unknown sum,
/// which a public body cannot do beyond its appropriations, nor a small
/// organisation without risking its existence.
fn deficit_caps(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let lang = ctx.lang;
    let cap = contract::DEFICIT_CAP.name();
    for shares in &ctx.facts.shares {
        for (party, span) in &shares.uncapped {
            let who = party
                .as_deref()
                .map_or_else(|| tr!(lang, "une partie", "a party"), |p| ctx.party_name(p));
            let message = tr!(
                lang,
                "la part de {who} au déficit n'a pas de plafond : son engagement est sans limite",
                "{who}'s share of the deficit has no ceiling: its commitment has no limit"
            );
            out.push(
                Diagnostic::new(Code::DeficitUncapped, span.clone(), message.clone())
                    .help(tr!(
                        lang,
                        "ajoutez {cap} = montant à cette part : la somme la plus élevée que la partie paiera",
                        "add {cap} = amount to this share: the most the party will pay"
                    ))
                    .plain(
                        message,
                        tr!(
                            lang,
                            "fixez la somme la plus élevée que cette partie paiera au titre du déficit",
                            "set the most this party will pay towards the deficit"
                        ),
                    ),
            );
        }
    }
}

/// Funds carried over « to the next fiscal year » when the budget covers the
/// whole term: there is no next year to carry them to.
fn carry_over(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let lang = ctx.lang;
    let (Some(span), Some(resources)) = (&ctx.facts.carry_over, &ctx.facts.resources) else {
        return;
    };
    if !resources.whole_term {
        return;
    }
    let (unused, period) = (
        contract::UNUSED_FUNDS.name(),
        contract::BUDGET_PERIOD.name(),
    );
    let message = tr!(
        lang,
        "les sommes non utilisées sont reportées d'un exercice à l'autre, mais le budget couvre toute la durée de la convention",
        "unused funds are carried over from one fiscal year to the next, but the budget covers the whole term"
    );
    out.push(
        Diagnostic::new(Code::CarryOverWholeTerm, span.clone(), message.clone())
            .help(tr!(
                lang,
                "choisissez {unused} = \"repaid\" (les sommes restantes à la fin sont remboursées), ou un budget annuel ({period} = \"annual\")",
                "choose {unused} = \"repaid\" (sums left at the end are repaid), or a yearly budget ({period} = \"annual\")"
            ))
            .plain(
                message,
                tr!(
                    lang,
                    "choisissez le remboursement des sommes non utilisées, ou un budget annuel",
                    "choose repayment of unused funds, or a yearly budget"
                ),
            ),
    );
}
