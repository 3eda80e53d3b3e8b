//! Power-sharing on the board: seat balance, quorum, decision rule, and the
//! share of women when it is given.

use super::Ctx;
use crate::convention::value::Record;
use crate::diag::{Code, Diagnostic};
use crate::format;
use crate::tr;
use std::collections::BTreeMap;

pub(super) fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let lang = ctx.lang;
    let Some(board) = ctx.conv.clause("conseil") else {
        return;
    };
    let seats = board.records("seats");
    if seats.is_empty() {
        return;
    }

    // Voting seats per party, in file order of first appearance.
    let mut voting: BTreeMap<&str, (i64, &Record)> = BTreeMap::new();
    let mut total_voting = 0;
    for seat in seats {
        let (Some(party), Some(n)) = (seat.text("party"), seat.integer("seats")) else {
            continue;
        };
        if seat.boolean("voting").unwrap_or(true) {
            let entry = voting.entry(party).or_insert((0, seat));
            entry.0 += n.value;
            total_voting += n.value;
        }
    }
    // Experts are advisory unless stated otherwise.
    total_voting += board
        .records("experts")
        .iter()
        .filter(|e| e.boolean("voting") == Some(true))
        .filter_map(|e| e.integer("count"))
        .map(|c| c.value)
        .sum::<i64>();

    for (party, (n, record)) in &voting {
        if n * 2 > total_voting {
            let who = ctx.party_name(party);
            out.push(
                Diagnostic::new(Code::BoardMajority, record.span_of("seats"), tr!(lang, "{who} détient {n} des {total_voting} sièges votants du conseil", "{who} holds {n} of the board's {total_voting} voting seats"))
                    .help(tr!(lang, "rééquilibrez les sièges, ou exigez le consensus ou une majorité qualifiée pour les décisions importantes", "rebalance the seats, or require consensus or a qualified majority for major decisions")),
            );
        }
    }

    for id in ctx.conv.party_ids() {
        if !seats.iter().any(|s| s.text("party") == Some(id.value)) {
            let who = ctx.party_name(id.value);
            out.push(
                Diagnostic::new(
                    Code::PartyWithoutSeat,
                    board.span_of("seats"),
                    tr!(
                        lang,
                        "{who} n'a aucun siège au conseil",
                        "{who} has no seat on the board"
                    ),
                )
                .help(tr!(
                    lang,
                    "ajoutez une entrée [[clauses.conseil.seats]] avec party = \"{}\"",
                    "add a [[clauses.conseil.seats]] entry with party = \"{}\"",
                    id.value
                )),
            );
        }
    }

    gender_share(ctx, seats, out);

    let Some(deliberations) = ctx.conv.clause("deliberations") else {
        return;
    };
    if let Some(quorum) = deliberations.integer("quorum") {
        let q = quorum.value;
        let strongest = voting
            .iter()
            .max_by_key(|(_, (n, _))| *n)
            .map(|(p, (n, _))| (*p, *n));
        if q > total_voting {
            out.push(
                Diagnostic::new(
                    Code::QuorumExceedsSeats,
                    quorum.span.clone(),
                    tr!(
                        lang,
                        "le quorum de {q} dépasse les {total_voting} sièges votants du conseil",
                        "the quorum of {q} exceeds the board's {total_voting} voting seats"
                    ),
                )
                .label(tr!(
                    lang,
                    "ce quorum ne peut jamais être atteint",
                    "this quorum can never be reached"
                ))
                .help(tr!(
                    lang,
                    "fixez le quorum à {total_voting} au plus",
                    "set the quorum to {total_voting} at most"
                )),
            );
        } else if let Some((party, n)) = strongest.filter(|&(_, n)| n >= q) {
            let who = ctx.party_name(party);
            let need = n + 1;
            out.push(
                Diagnostic::new(Code::QuorumSingleParty, quorum.span.clone(), tr!(lang, "{who} peut atteindre à elle seule le quorum de {q}", "{who} can reach the quorum of {q} on its own"))
                    .label(tr!(lang, "{who} détient {n} sièges votants", "{who} holds {n} voting seats"))
                    .help(tr!(lang, "fixez le quorum à {need} au moins, ou exigez la présence d'un membre de chaque partie", "set the quorum to at least {need}, or require one member of each party to be present")),
            );
        } else if q * 2 <= total_voting {
            let majority = total_voting / 2 + 1;
            out.push(
                Diagnostic::new(Code::QuorumBelowMajority, quorum.span.clone(), tr!(lang, "le quorum de {q} n'atteint pas la majorité des {total_voting} sièges votants", "the quorum of {q} is not a majority of the {total_voting} voting seats"))
                    .help(tr!(lang, "fixez le quorum à {majority} au moins", "set the quorum to at least {majority}")),
            );
        }
    }
    if let Some(rule) = deliberations.get("decision_rule")
        && matches!(
            deliberations.text("decision_rule"),
            Some("majority" | "two_thirds")
        )
    {
        out.push(
            Diagnostic::new(
                Code::VoteWithoutConsensus,
                rule.span.clone(),
                tr!(
                    lang,
                    "le conseil décide par vote sans chercher d'abord le consensus",
                    "the board decides by vote without first seeking consensus"
                ),
            )
            .help(tr!(
                lang,
                "choisissez decision_rule = \"consensus_majority\" ou \"consensus_two_thirds\"",
                "choose decision_rule = \"consensus_majority\" or \"consensus_two_thirds\""
            )),
        );
    }
}

/// Reports the share of women when every seat entry gives it, and refuses a
/// count of women above the seats it belongs to.
fn gender_share(ctx: &Ctx<'_>, seats: &[Record], out: &mut Vec<Diagnostic>) {
    let lang = ctx.lang;
    let (mut women, mut total, mut all_given) = (0, 0, true);
    for seat in seats {
        let Some(n) = seat.integer("seats") else {
            continue;
        };
        total += n.value;
        match seat.integer("women") {
            Some(w) if w.value > n.value => {
                let (wv, nv) = (w.value, n.value);
                out.push(
                    Diagnostic::new(Code::OutOfRange, w.span.clone(), tr!(lang, "{wv} femmes pour {nv} sièges", "{wv} women for {nv} seats"))
                        .help(tr!(lang, "`women` compte les sièges de cette entrée occupés par des femmes : {nv} au plus", "`women` counts this entry's seats held by women: {nv} at most")),
                );
                return;
            }
            Some(w) => women += w.value,
            None => all_given = false,
        }
    }
    if all_given && total > 0 {
        // Hundredths of a percent, rounded half up (6 of 11 is 54.55 %).
        let share = format::percent((women * 20_000 + total) / (2 * total), lang);
        let span = ctx
            .conv
            .clause("conseil")
            .map_or(0..0, |b| b.span_of("seats"));
        out.push(
            Diagnostic::new(
                Code::BoardGenderShare,
                span,
                tr!(
                    lang,
                    "les femmes occupent {women} des {total} sièges du conseil ({share})",
                    "women hold {women} of the board's {total} seats ({share})"
                ),
            )
            .help(tr!(
                lang,
                "visez une représentation équilibrée, par exemple entre 40\u{a0}% et 60\u{a0}%",
                "aim for balanced representation, for example between 40% and 60%"
            )),
        );
    }
}
