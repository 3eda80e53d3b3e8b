//! Power-sharing on the board: seat balance, quorum, decision rule, and the
//! share of women when it is given.

use super::Ctx;
use crate::diag::{Code, Diagnostic};
use crate::facts::{Board, Threshold};
use crate::format;
use crate::library::contract;
use crate::tr;

pub(super) fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    decision_rule(ctx, out);
    let lang = ctx.lang;
    let Some(board) = &ctx.facts.board else {
        return;
    };
    if board.seats.is_empty() {
        return;
    }

    let voting = board.voting_by_party();
    let total_voting = board.total_voting();
    // What a vote needs: a party that can carry it alone holds the board,
    // whatever consensus is sought first (a consensus that fails ends in
    // that vote).
    let threshold = ctx
        .facts
        .decision_rule
        .as_ref()
        .map_or(Threshold::Majority, |r| r.value.threshold);
    let deliberations = ctx.clause_title(contract::DELIBERATIONS);
    let field = contract::DECISION_RULE.name();
    let [_, two_thirds] = contract::TWO_THIRDS;
    for (party, n, span) in &voting {
        if !threshold.carried_by(*n, total_voting) {
            continue;
        }
        let who = ctx.party_name(party);
        let message = tr!(
            lang,
            "{who} détient {n} des {total_voting} sièges votants du conseil et peut décider seule",
            "{who} holds {n} of the board's {total_voting} voting seats and can decide alone"
        );
        let (help, plain_help) = if threshold == Threshold::TwoThirds {
            (
                tr!(
                    lang,
                    "même aux deux tiers des voix, elle décide seule : rééquilibrez les sièges",
                    "even at two thirds of the votes it decides alone: rebalance the seats"
                ),
                tr!(
                    lang,
                    "même aux deux tiers des voix, elle décide seule : rééquilibrez les sièges",
                    "even at two thirds of the votes it decides alone: rebalance the seats"
                ),
            )
        } else {
            (
                tr!(
                    lang,
                    "rééquilibrez les sièges, ou exigez les deux tiers des voix ({field} = \"{two_thirds}\" dans [clauses.{}])",
                    "rebalance the seats, or require two thirds of the votes ({field} = \"{two_thirds}\" in [clauses.{}])",
                    contract::DELIBERATIONS
                ),
                tr!(
                    lang,
                    "rééquilibrez les sièges, ou, dans la clause « {deliberations} », exigez les deux tiers des voix",
                    "rebalance the seats, or, in the “{deliberations}” clause, require two thirds of the votes"
                ),
            )
        };
        out.push(
            Diagnostic::new(Code::BoardMajority, span.clone(), message.clone())
                .help(help)
                .plain(message, plain_help),
        );
    }

    let seats_path = format!("{}.{}", contract::BOARD, contract::BOARD_SEATS.path);
    let party_key = contract::BOARD_SEAT_PARTY.name();
    for id in ctx.conv.party_ids() {
        if !board.has_seat(id.value) {
            let who = ctx.party_name(id.value);
            out.push(
                Diagnostic::new(
                    Code::PartyWithoutSeat,
                    board.span.clone(),
                    tr!(
                        lang,
                        "{who} n'a aucun siège au conseil",
                        "{who} has no seat on the board"
                    ),
                )
                .help(tr!(
                    lang,
                    "ajoutez une entrée [[clauses.{seats_path}]] avec {party_key} = \"{}\"",
                    "add a [[clauses.{seats_path}]] entry with {party_key} = \"{}\"",
                    id.value
                ))
                .plain(
                    tr!(
                        lang,
                        "{who} n'a aucun siège au conseil",
                        "{who} has no seat on the board"
                    ),
                    tr!(
                        lang,
                        "ajoutez des sièges pour {who}, ou, si c'est voulu, gardez cette remarque en tête",
                        "add seats for {who}, or, if this is intended, keep this remark in mind"
                    ),
                ),
            );
        }
    }

    gender_share(ctx, board, out);
    tie(ctx, total_voting, out);

    if let Some(quorum) = &ctx.facts.quorum {
        let q = quorum.value;
        // The last of the strongest parties, in party id order.
        let strongest = voting
            .iter()
            .max_by_key(|(_, n, _)| *n)
            .map(|(p, n, _)| (*p, *n));
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
            let need = n.saturating_add(1);
            out.push(
                Diagnostic::new(Code::QuorumSingleParty, quorum.span.clone(), tr!(lang, "{who} peut atteindre à elle seule le quorum de {q}", "{who} can reach the quorum of {q} on its own"))
                    .label(tr!(lang, "{who} détient {n} sièges votants", "{who} holds {n} voting seats"))
                    .help(tr!(lang, "fixez le quorum à {need} au moins, ou exigez la présence d'un membre de chaque partie", "set the quorum to at least {need}, or require one member of each party to be present")),
            );
        } else if !Threshold::Majority.carried_by(q, total_voting) {
            let majority = total_voting / 2 + 1;
            out.push(
                Diagnostic::new(Code::QuorumBelowMajority, quorum.span.clone(), tr!(lang, "le quorum de {q} n'atteint pas la majorité des {total_voting} sièges votants", "the quorum of {q} is not a majority of the {total_voting} voting seats"))
                    .help(tr!(lang, "fixez le quorum à {majority} au moins", "set the quorum to at least {majority}")),
            );
        }
    }
}

/// A board that votes without first seeking consensus (whatever its seats).
fn decision_rule(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let lang = ctx.lang;
    if let Some(rule) = &ctx.facts.decision_rule
        && !rule.value.consensus_first
    {
        let field = contract::DECISION_RULE.name();
        let [first, second] = contract::CONSENSUS_FIRST;
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
                "choisissez {field} = \"{first}\" ou \"{second}\"",
                "choose {field} = \"{first}\" or \"{second}\""
            ))
            .plain(
                tr!(
                    lang,
                    "le conseil décide par vote sans chercher d'abord le consensus",
                    "the board decides by vote without first seeking consensus"
                ),
                tr!(
                    lang,
                    "choisissez une règle qui commence par le consensus",
                    "choose a rule that starts with consensus"
                ),
            ),
        );
    }
}

/// Reports the share of women when every seat entry gives it, and refuses a
/// count of women above the seats it belongs to.
fn gender_share(ctx: &Ctx<'_>, board: &Board<'_>, out: &mut Vec<Diagnostic>) {
    let lang = ctx.lang;
    let (mut women, mut total, mut all_given) = (0, 0, true);
    for seat in &board.seats {
        let Some(n) = &seat.count else {
            continue;
        };
        total = i64::saturating_add(total, n.value);
        match &seat.women {
            Some(w) if w.value > n.value => {
                let (wv, nv) = (w.value, n.value);
                let field = contract::BOARD_SEAT_WOMEN.name();
                out.push(
                    Diagnostic::new(Code::OutOfRange, w.span.clone(), tr!(lang, "{wv} femmes pour {nv} sièges", "{wv} women for {nv} seats"))
                        .help(tr!(lang, "`{field}` compte les sièges de cette entrée occupés par des femmes : {nv} au plus", "`{field}` counts this entry's seats held by women: {nv} at most"))
                        .plain(tr!(lang, "{wv} femmes pour {nv} sièges", "{wv} women for {nv} seats"), tr!(lang, "le nombre de sièges occupés par des femmes ne peut dépasser {nv}", "the number of seats held by women cannot exceed {nv}")),
                );
                return;
            }
            Some(w) => women = i64::saturating_add(women, w.value),
            None => all_given = false,
        }
    }
    if all_given && total > 0 {
        // Hundredths of a percent, rounded half up (6 of 11 is 54.55 %).
        let hundredths = (i128::from(women) * 20_000 + i128::from(total)) / (2 * i128::from(total));
        let share = format::percent(i64::try_from(hundredths).unwrap_or(i64::MAX), lang);
        // Officers too, when every one says whether a woman holds it.
        let officers: Option<Vec<bool>> = board.officers.iter().copied().collect();
        let message = match officers.filter(|o| !o.is_empty()) {
            Some(officers) => {
                let (held, of) = (officers.iter().filter(|w| **w).count(), officers.len());
                tr!(
                    lang,
                    "les femmes occupent {women} des {total} sièges du conseil ({share}) et {held} de ses {of} postes de dirigeants",
                    "women hold {women} of the board's {total} seats ({share}) and {held} of its {of} officer positions"
                )
            }
            None => tr!(
                lang,
                "les femmes occupent {women} des {total} sièges du conseil ({share})",
                "women hold {women} of the board's {total} seats ({share})"
            ),
        };
        out.push(
            Diagnostic::new(Code::BoardGenderShare, board.span.clone(), message).help(tr!(
                lang,
                "visez une représentation équilibrée, par exemple entre 40\u{a0}% et 60\u{a0}%",
                "aim for balanced representation, for example between 40% and 60%"
            )),
        );
    }
}

/// An even number of votes decided by simple majority can split in two
/// halves; without a casting vote or a rule for that case, the board cannot
/// decide and the question has no answer.
fn tie(ctx: &Ctx<'_>, total_voting: i64, out: &mut Vec<Diagnostic>) {
    let lang = ctx.lang;
    let Some(rule) = &ctx.facts.decision_rule else {
        return;
    };
    if rule.value.tie_break
        || rule.value.threshold != Threshold::Majority
        || total_voting == 0
        || total_voting % 2 != 0
    {
        return;
    }
    let half = total_voting / 2;
    let field = contract::TIE_BREAK.name();
    let deliberations = ctx.clause_title(contract::DELIBERATIONS);
    let message = tr!(
        lang,
        "le conseil a {total_voting} voix et décide à la majorité, sans règle pour un partage à {half} contre {half}",
        "the board has {total_voting} votes and decides by majority, with no rule for a {half}–{half} tie"
    );
    out.push(
        Diagnostic::new(Code::BoardTie, rule.span.clone(), message.clone())
            .help(tr!(
                lang,
                "ajoutez {field} dans [clauses.{}] : voix prépondérante de la présidence, ou proposition rejetée",
                "add {field} in [clauses.{}]: a casting vote for the chair, or the proposal fails",
                contract::DELIBERATIONS
            ))
            .plain(
                message,
                tr!(
                    lang,
                    "dans la clause « {deliberations} », dites ce qui arrive en cas de partage égal des voix",
                    "in the “{deliberations}” clause, say what happens when votes are equally divided"
                ),
            ),
    );
}
