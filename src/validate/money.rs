//! Money that adds up: contributions and budget lines against the total, and
//! surplus or deficit shares against 100 %.

use super::Ctx;
use crate::diag::{Code, Diagnostic};
use crate::format;
use crate::tr;

pub(super) fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let lang = ctx.lang;
    let currency = ctx.conv.header.text("currency").unwrap_or("CAD");
    let m = |cents: i64| format::money(cents, currency, lang);

    if let Some(resources) = ctx.conv.clause("ressources")
        && let Some(total) = resources.money("total_budget")
    {
        let contributions = resources.records("contributions");
        if !contributions.is_empty() {
            let sum: i64 = contributions
                .iter()
                .map(|c| {
                    c.money("cash").map_or(0, |v| v.value)
                        + c.money("in_kind").map_or(0, |v| v.value)
                })
                .sum();
            if sum != total.value {
                let (s, t, gap) = (m(sum), m(total.value), m((total.value - sum).abs()));
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
                        "corrigez les montants cash et in_kind des contributions, ou total_budget",
                        "fix the contributions' cash and in_kind amounts, or total_budget"
                    )),
                );
            }
        }
        let lines = resources.records("budget_lines");
        if !lines.is_empty() {
            let sum: i64 = lines
                .iter()
                .filter_map(|l| l.money("amount"))
                .map(|a| a.value)
                .sum();
            if sum != total.value {
                let (s, t) = (m(sum), m(total.value));
                out.push(
                        Diagnostic::new(Code::BudgetLinesMismatch, resources.span_of("budget_lines"), tr!(lang, "les postes budgétaires totalisent {s}, mais le budget total est de {t}", "the budget lines total {s}, but the total budget is {t}"))
                            .help(tr!(lang, "corrigez les montants des postes, ou total_budget", "fix the lines' amounts, or total_budget")),
                    );
            }
        }
    }

    if let Some(end) = ctx.conv.clause("terminaison") {
        for field in ["surplus_shares", "deficit_shares"] {
            let shares = end.records(field);
            if shares.is_empty() {
                continue;
            }
            let sum: i64 = shares
                .iter()
                .filter_map(|s| s.percentage("share"))
                .map(|s| s.value)
                .sum();
            if sum != 10_000 {
                let (shown, hundred) = (format::percent(sum, lang), format::percent(10_000, lang));
                out.push(
                    Diagnostic::new(
                        Code::SharesNotHundred,
                        end.span_of(field),
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
                    )),
                );
            }
        }
    }
}
