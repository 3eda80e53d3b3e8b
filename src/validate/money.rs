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
    cash_pays(ctx, out);
    carry_over(ctx, out);
    payments(ctx, out);
    subsidy_audit(ctx, out);
    unit_prices(ctx, out);
}

/// Services priced by the unit cost, up to their maximum quantities, what
/// the public parties pay the party delivering them.
fn unit_prices(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let lang = ctx.lang;
    let (Some(priced), Some(resources)) = (&ctx.facts.priced_services, &ctx.facts.resources) else {
        return;
    };
    let manager = resources.fund_manager.as_ref().map(|m| m.value);
    let paid = crate::facts::total(
        resources
            .contributions
            .iter()
            .filter(|c| {
                c.party
                    .is_some_and(|p| ctx.conv.is_public(p) && Some(p) != manager)
            })
            .map(|c| c.cash),
    );
    if paid == priced.value {
        return;
    }
    let currency = ctx.conv.currency();
    let (cost, paid) = (
        format::money(priced.value, currency, lang),
        format::money(paid, currency, lang),
    );
    let message = tr!(
        lang,
        "au prix unitaire, les services coûtent au plus {cost}, mais les parties publiques versent {paid} en argent",
        "at their unit prices the services cost at most {cost}, but the public parties pay {paid} in cash"
    );
    let (price, quantity) = (
        contract::SERVICE_UNIT_PRICE.name(),
        contract::SERVICE_QUANTITY.name(),
    );
    out.push(
        Diagnostic::new(Code::UnitPricesMismatch, priced.span.clone(), message.clone())
            .help(tr!(
                lang,
                "corrigez {price} ou {quantity} des services, ou la contribution en argent de la partie publique",
                "fix the services' {price} or {quantity}, or the public party's cash contribution"
            ))
            .plain(
                message,
                tr!(
                    lang,
                    "faites concorder le prix unitaire, le nombre d'unités et la contribution en argent",
                    "make the unit price, the number of units and the cash contribution agree"
                ),
            ),
    );
}

/// Each paying party's payments add up to its cash contribution, and the
/// party managing the funds makes no payment to itself.
fn payments(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let lang = ctx.lang;
    let Some(resources) = &ctx.facts.resources else {
        return;
    };
    if resources.payments.is_empty() {
        return;
    }
    let currency = ctx.conv.currency();
    let m = |cents: i64| format::money(cents, currency, lang);
    let manager = resources.fund_manager.as_ref().map(|m| m.value);
    for payment in &resources.payments {
        if let Some(party) = payment.party
            && Some(party) == manager
        {
            let who = ctx.party_name(party);
            let message = tr!(
                lang,
                "{who} reçoit et gère les fonds : ce versement ne serait fait à personne",
                "{who} receives and manages the funds: this payment would be made to no one"
            );
            out.push(
                Diagnostic::new(Code::PaymentsMismatch, payment.span.clone(), message.clone())
                    .help(tr!(
                        lang,
                        "retirez ce versement ; la contribution de la partie qui gère les fonds est déjà entre ses mains",
                        "remove this payment; the contribution of the party managing the funds is already in its hands"
                    ))
                    .plain(
                        message,
                        tr!(
                            lang,
                            "retirez ce versement",
                            "remove this payment"
                        ),
                    ),
            );
        }
    }
    // Every party that pays cash to the fund manager, and every party the
    // schedule names, in the order the file gives them.
    let mut payers: Vec<&str> = Vec::new();
    let named = resources
        .contributions
        .iter()
        .filter(|c| c.cash > 0)
        .filter_map(|c| c.party)
        .chain(resources.payments.iter().filter_map(|p| p.party));
    for party in named {
        if Some(party) != manager && !payers.contains(&party) {
            payers.push(party);
        }
    }
    let yearly = !resources.whole_term;
    for payer in payers {
        let cash = crate::facts::total(
            resources
                .contributions
                .iter()
                .filter(|c| c.party == Some(payer))
                .map(|c| c.cash),
        );
        let theirs: Vec<_> = resources
            .payments
            .iter()
            .filter(|p| p.party == Some(payer))
            .collect();
        let paid = crate::facts::total(theirs.iter().map(|p| p.amount));
        if paid == cash {
            continue;
        }
        let (who, paid, cash) = (ctx.party_name(payer), m(paid), m(cash));
        let message = if yearly {
            tr!(
                lang,
                "les versements de {who} pour une année totalisent {paid}, mais sa contribution annuelle en argent est de {cash}",
                "{who}'s payments for one year total {paid}, but its yearly cash contribution is {cash}"
            )
        } else {
            tr!(
                lang,
                "les versements de {who} totalisent {paid}, mais sa contribution en argent est de {cash}",
                "{who}'s payments total {paid}, but its cash contribution is {cash}"
            )
        };
        let span = theirs
            .first()
            .map_or_else(|| resources.payments_span.clone(), |p| p.span.clone());
        let (amount, field) = (
            contract::PAYMENT_AMOUNT.name(),
            contract::CONTRIBUTION_CASH.name(),
        );
        out.push(
            Diagnostic::new(Code::PaymentsMismatch, span, message.clone())
                .help(tr!(
                    lang,
                    "corrigez les montants ({amount}) des versements de cette partie, ou sa contribution ({field})",
                    "fix the amounts ({amount}) of this party's payments, or its contribution ({field})"
                ))
                .plain(
                    message,
                    tr!(
                        lang,
                        "corrigez les montants des versements de cette partie, ou sa contribution en argent",
                        "fix the amounts of this party's payments, or its cash contribution"
                    ),
                ),
        );
    }
}

/// Under Quebec law, an organisation receiving an annual municipal subsidy
/// of at least $100,000 has its financial statements audited (Cities and
/// Towns Act, s. 107.9): the agreement says so, or the duty goes unperformed.
fn subsidy_audit(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let lang = ctx.lang;
    let Some(resources) = &ctx.facts.resources else {
        return;
    };
    let Some(manager) = &resources.fund_manager else {
        return;
    };
    // Funds held by a public body are not a subsidy to an organisation.
    if !ctx.facts.quebec_law || ctx.conv.is_public(manager.value) {
        return;
    }
    if ctx.facts.audits_financial_statements() {
        return;
    }
    // A budget for the whole term is spread over its years.
    let days = match (ctx.conv.effective_date(), ctx.conv.end_date()) {
        (Some(start), Some(end)) if resources.whole_term => {
            ((end.value - start.value).num_days() + 1).max(365) as i128
        }
        _ => 365,
    };
    let currency = ctx.conv.currency();
    for c in &resources.contributions {
        let Some(party) = c.party else { continue };
        if !ctx.conv.is_public_administration(party) || party == manager.value {
            continue;
        }
        let yearly = i128::from(c.cash) * 365 / days;
        if yearly < i128::from(contract::AUDITED_SUBSIDY_CENTS) {
            continue;
        }
        let (who, to) = (ctx.party_name(party), ctx.party_name(manager.value));
        let sum = format::money(i64::try_from(yearly).unwrap_or(i64::MAX), currency, lang);
        let element = contract::AUDIT_ELEMENT.name();
        let financial = contract::FINANCIAL_STATEMENTS;
        let message = if resources.whole_term {
            tr!(
                lang,
                "{who} verse en moyenne {sum} par année à {to}, mais la convention ne prévoit pas la vérification des états financiers de {to} : une subvention municipale annuelle d'au moins 100 000 $ l'exige (LCV, art. 107.9)",
                "{who} pays {to} {sum} a year on average, but the agreement provides no audit of {to}'s financial statements: an annual municipal subsidy of $100,000 or more requires one (Cities and Towns Act, s. 107.9)"
            )
        } else {
            tr!(
                lang,
                "{who} verse {sum} par année à {to}, mais la convention ne prévoit pas la vérification des états financiers de {to} : une subvention municipale annuelle d'au moins 100 000 $ l'exige (LCV, art. 107.9)",
                "{who} pays {to} {sum} a year, but the agreement provides no audit of {to}'s financial statements: an annual municipal subsidy of $100,000 or more requires one (Cities and Towns Act, s. 107.9)"
            )
        };
        out.push(
            Diagnostic::new(Code::SubsidyUnaudited, c.span.clone(), message.clone())
                .help(tr!(
                    lang,
                    "ajoutez à la clause audit une vérification {element} = \"{financial}\" à la charge de {to}",
                    "add to the audit clause a review {element} = \"{financial}\" borne by {to}"
                ))
                .plain(
                    message,
                    tr!(
                        lang,
                        "prévoyez la vérification des états financiers de {to}, remis à {who}",
                        "provide for the audit of {to}'s financial statements, delivered to {who}"
                    ),
                ),
        );
    }
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

/// A contribution that says what its cash pays must have cash: otherwise
/// the agreement would print a rule about money nobody pays.
fn cash_pays(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let lang = ctx.lang;
    let Some(resources) = &ctx.facts.resources else {
        return;
    };
    let (pays, cash) = (
        contract::CONTRIBUTION_CASH_PAYS.name(),
        contract::CONTRIBUTION_CASH.name(),
    );
    for c in &resources.contributions {
        let Some(span) = &c.cash_pays else { continue };
        if c.cash > 0 {
            continue;
        }
        let who = c.party.map_or_else(String::new, |p| ctx.party_name(p));
        let message = tr!(
            lang,
            "{who} ne verse aucune contribution en argent, mais `{pays}` dit ce que celle-ci paie",
            "{who} pays no cash contribution, but `{pays}` says what it pays"
        );
        out.push(
            Diagnostic::new(Code::CashPaysWithoutCash, span.clone(), message)
                .help(tr!(
                    lang,
                    "indiquez le montant de `{cash}`, ou retirez `{pays}`",
                    "give the `{cash}` amount, or remove `{pays}`"
                ))
                .plain(
                    tr!(
                        lang,
                        "{who} ne verse aucune contribution en argent, mais la convention dit ce que celle-ci paie",
                        "{who} pays no cash contribution, but the agreement says what it pays"
                    ),
                    tr!(
                        lang,
                        "indiquez sa contribution en argent, ou retirez ce que celle-ci paie",
                        "give its cash contribution, or remove what it pays"
                    ),
                ),
        );
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
