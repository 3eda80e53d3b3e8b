//! The parties: enough of them, distinct, referenced correctly, each with
//! obligations and a contact, and a public/third-sector mix.

use super::{Ctx, walk_clauses};
use crate::convention::PUBLIC_SECTORS;
use crate::diag::{Code, Diagnostic};
use crate::facts::ListRole;
use crate::field::{Spanned, Value};
use crate::suggest::did_you_mean;
use crate::tr;
use std::collections::BTreeMap;

pub(super) fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let lang = ctx.lang;
    let conv = ctx.conv;
    if conv.parties.len() < 2 {
        let span = conv
            .parties
            .first()
            .map_or(conv.header.span.clone(), |p| p.span.clone());
        let n = conv.parties.len();
        out.push(
            Diagnostic::new(
                Code::TooFewParties,
                span,
                match n {
                    0 => tr!(
                        lang,
                        "la convention ne déclare aucune partie ; il en faut au moins deux",
                        "the agreement declares no party; it needs at least two"
                    ),
                    _ => tr!(
                        lang,
                        "la convention ne déclare qu'une partie ; il en faut au moins deux",
                        "the agreement declares only one party; it needs at least two"
                    ),
                },
            )
            .help(tr!(
                lang,
                "ajoutez une table [[parties]] pour chaque partie",
                "add a [[parties]] table for each party"
            ))
            .plain(
                tr!(
                    lang,
                    "une convention lie au moins deux parties",
                    "an agreement binds at least two parties"
                ),
                tr!(
                    lang,
                    "dans « Parties », ajoutez chaque partie à la convention",
                    "in “Parties”, add each party to the agreement"
                ),
            ),
        );
    }

    let mut first_seen: BTreeMap<&str, usize> = BTreeMap::new();
    for id in conv.party_ids() {
        if first_seen.insert(id.value, id.span.start).is_some() {
            let name = id.value;
            out.push(
                Diagnostic::new(
                    Code::DuplicateParty,
                    id.span.clone(),
                    tr!(
                        lang,
                        "l'identifiant de partie « {name} » est déjà utilisé",
                        "party id `{name}` is already used"
                    ),
                )
                .help(tr!(
                    lang,
                    "donnez à chaque partie un identifiant unique",
                    "give each party a unique id"
                )),
            );
        }
    }
    let mut short_names: BTreeMap<String, ()> = BTreeMap::new();
    for party in &conv.parties {
        let Some(short) = party.get("short_name") else {
            continue;
        };
        let Value::Text(s) = &short.value else {
            continue;
        };
        if short_names.insert(s.to_lowercase(), ()).is_some() {
            out.push(
                Diagnostic::new(Code::DuplicateShortName, short.span.clone(), tr!(lang, "la désignation « {s} » désigne déjà une autre partie", "short name “{s}” already stands for another party"))
                    .help(tr!(lang, "donnez à chaque partie une désignation distincte (« la Ville », « le Centre »…)", "give each party a distinct short name (“the City”, “the Centre”…)")),
            );
        }
    }

    let known: Vec<&str> = first_seen.keys().copied().collect();
    let mut check_ref = |id: &Spanned<String>| {
        if first_seen.contains_key(id.value.as_str()) {
            return;
        }
        let name = &id.value;
        let mut d = Diagnostic::new(
            Code::UnknownParty,
            id.span.clone(),
            tr!(
                lang,
                "« {name} » ne désigne aucune partie déclarée",
                "`{name}` does not name any declared party"
            ),
        );
        d = d.suggest(did_you_mean(name, known.iter().copied()), lang);
        out.push(d.help(tr!(
            lang,
            "parties déclarées : {}",
            "declared parties: {}",
            crate::diag::name_list(known.iter().copied(), lang)
        )));
    };
    walk_clauses(ctx, &mut |_, value, _| match &value.value {
        Value::Party(id) => check_ref(&Spanned {
            value: id.clone(),
            span: value.span.clone(),
        }),
        Value::Parties(ids) => ids.iter().for_each(&mut check_ref),
        _ => {}
    });

    if ctx.profile.is_some_and(|p| p.public_and_nonpublic) && conv.parties.len() >= 2 {
        let sectors: Vec<&str> = conv
            .parties
            .iter()
            .filter_map(|p| p.text("sector"))
            .collect();
        if sectors.len() == conv.parties.len() {
            let span = conv.parties[0].span.clone();
            if !sectors.iter().any(|s| PUBLIC_SECTORS.contains(s)) {
                out.push(
                    Diagnostic::new(
                        Code::NoPublicParty,
                        span.clone(),
                        tr!(
                            lang,
                            "aucune partie n'appartient au secteur public",
                            "no party belongs to the public sector"
                        ),
                    )
                    .help(tr!(
                        lang,
                        "vérifiez `sector` : public ou parapublic pour un organisme public",
                        "check `sector`: public or parapublic for a public body"
                    ))
                    .plain(
                        tr!(
                            lang,
                            "aucune partie n'appartient au secteur public",
                            "no party belongs to the public sector"
                        ),
                        tr!(
                            lang,
                            "dans « Parties », choisissez le secteur public ou parapublic pour l'organisme public",
                            "in “Parties”, choose the public or parapublic sector for the public body"
                        ),
                    ),
                );
            } else if sectors.iter().all(|s| PUBLIC_SECTORS.contains(s)) {
                out.push(
                    Diagnostic::new(Code::NoNonPublicParty, span, tr!(lang, "toutes les parties appartiennent au secteur public", "every party belongs to the public sector"))
                        .help(tr!(lang, "un partenariat avec le tiers secteur compte au moins une partie associative, coopérative ou privée", "a partnership with the third sector has at least one voluntary, cooperative or private party")),
                );
            }
        }
    }

    per_party_entry(ctx, out);
}

/// Each declared party must appear in the undertakings and among the
/// contact persons.
fn per_party_entry(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let lang = ctx.lang;
    for list in &ctx.facts.per_party {
        for id in ctx.conv.party_ids() {
            if list.parties.contains(&id.value) {
                continue;
            }
            let who = ctx.party_name(id.value);
            let (pid, path, party_key) = (id.value, &list.path, list.key);
            let (code, message) = match list.role {
                ListRole::Undertakings => (
                    Code::PartyWithoutObligations,
                    tr!(
                        lang,
                        "{who} n'a aucun engagement",
                        "{who} has no obligations"
                    ),
                ),
                ListRole::Contacts => (
                    Code::PartyWithoutContact,
                    tr!(
                        lang,
                        "{who} n'a pas de répondant",
                        "{who} has no contact person"
                    ),
                ),
            };
            let section = ctx.clause_title(path.split('.').next().unwrap_or_default());
            out.push(
                Diagnostic::new(code, list.span.clone(), message.clone())
                    .help(tr!(
                        lang,
                        "ajoutez une entrée [[clauses.{path}]] avec {party_key} = \"{pid}\"",
                        "add a [[clauses.{path}]] entry with {party_key} = \"{pid}\""
                    ))
                    .plain(
                        message,
                        tr!(
                            lang,
                            "dans « {section} », ajoutez une entrée pour {who}",
                            "in “{section}”, add an entry for {who}"
                        ),
                    ),
            );
        }
    }
}
