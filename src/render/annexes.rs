//! The annexes built from what pacte computes with: board composition,
//! contributions, budget breakdown, schedule of deadlines; then one lettered
//! annex per document the convention attaches.

use super::model::Annex;
use super::text::{self, escape_markdown};
use super::values::Formatter;
use crate::facts::Facts;
use crate::lang::Lang;
use crate::tr;

/// The annexes: board composition, budget, budget lines, schedule.
pub(super) fn annexes(facts: &Facts<'_>, fmt: &Formatter<'_>, lang: Lang) -> Vec<Annex> {
    let mut out: Vec<Annex> = Vec::new();
    let party = |id: Option<&str>| {
        id.map(|i| fmt.party(i)["short_name"].as_str().unwrap_or(i).to_string())
            .unwrap_or_default()
    };
    let money = |cents: i64| crate::format::money(cents, fmt.currency, lang);
    let mut push = |key: &str,
                    title: String,
                    headers: Vec<String>,
                    rows: Vec<Vec<String>>,
                    total: Option<Vec<String>>| {
        if !rows.is_empty() {
            out.push(Annex {
                letter: annex_letter(out.len()),
                attached: false,
                key: key.to_string(),
                title,
                headers,
                rows,
                total,
            });
        }
    };
    let h = |fr: &[&str], en: &[&str]| match lang {
        Lang::Fr => fr.iter().map(|s| s.to_string()).collect(),
        Lang::En => en.iter().map(|s| s.to_string()).collect(),
    };

    if let Some(board) = &facts.board {
        let rows: Vec<Vec<String>> = board
            .seats
            .iter()
            .map(|s| {
                vec![
                    party(s.party),
                    s.count
                        .as_ref()
                        .map(|n| n.value.to_string())
                        .unwrap_or_default(),
                    lang.yes_no(s.voting).to_string(),
                    s.women
                        .as_ref()
                        .map(|n| n.value.to_string())
                        .unwrap_or_else(|| "—".into()),
                ]
            })
            .collect();
        let total = vec![
            tr!(lang, "Total", "Total"),
            board.total_seats().to_string(),
            String::new(),
            String::new(),
        ];
        push(
            "board",
            tr!(
                lang,
                // « Conseil » is the term the agreement defines.
                "Composition du Conseil",
                "Composition of the Board"
            ),
            h(
                &["Partie", "Sièges", "Droit de vote", "Dont femmes"],
                &["Party", "Seats", "Voting", "Held by women"],
            ),
            rows,
            Some(total),
        );
    }
    if let Some(resources) = &facts.resources {
        let contributions = &resources.contributions;
        let rows = contributions
            .iter()
            .map(|c| {
                vec![
                    party(c.party),
                    money(c.cash),
                    money(c.in_kind),
                    money(c.total()),
                ]
            })
            .collect();
        let cash = crate::facts::total(contributions.iter().map(|c| c.cash));
        let kind = crate::facts::total(contributions.iter().map(|c| c.in_kind));
        let total = vec![
            tr!(lang, "Total", "Total"),
            money(cash),
            money(kind),
            money(resources.contributed()),
        ];
        // A yearly budget's tables are per fiscal year: the title says so,
        // lest « intégralement versées » be read against a total for the term.
        let yearly = !resources.whole_term;
        // In English a defined term is capitalised, as the articles write it.
        let fiscal_year = if resources.fiscal_year_defined {
            "Fiscal Year"
        } else {
            "fiscal year"
        };
        let per_year = |fr: &str, en: &str| match lang {
            Lang::Fr => format!("{fr} (montants par exercice financier)"),
            Lang::En => format!("{en} (amounts per {fiscal_year})"),
        };
        push(
            "budget",
            if yearly {
                per_year(
                    "Contributions annuelles des parties",
                    "Annual contributions of the parties",
                )
            } else {
                tr!(
                    lang,
                    "Contributions des parties",
                    "Contributions of the parties"
                )
            },
            h(
                &["Partie", "En argent", "En nature", "Total"],
                &["Party", "Cash", "In kind", "Total"],
            ),
            rows,
            Some(total),
        );
        let lines = &resources.budget_lines;
        let rows = lines
            .iter()
            .map(|l| {
                vec![
                    l.item.map(escape_markdown).unwrap_or_default(),
                    money(l.amount),
                ]
            })
            .collect();
        let sum = resources.budgeted();
        push(
            "budget_lines",
            if yearly {
                per_year("Ventilation du budget annuel", "Annual budget breakdown")
            } else {
                tr!(lang, "Ventilation du budget", "Budget breakdown")
            },
            h(&["Poste", "Montant"], &["Item", "Amount"]),
            rows,
            Some(vec![tr!(lang, "Total", "Total"), money(sum)]),
        );
    }
    let mut schedule: Vec<(chrono::NaiveDate, Vec<String>)> = Vec::new();
    for audit in &facts.audits {
        let what = audit
            .element_choice
            .map_or(audit.element, |c| c.label(lang));
        schedule.push((
            audit.first_due,
            vec![
                crate::format::date(audit.first_due, lang),
                text::capitalize(&escape_markdown(what)),
                audit.responsible.map(escape_markdown).unwrap_or_default(),
            ],
        ));
    }
    // The payments: with a yearly budget, the first year's, as the audits
    // give their first date; the article says when the others fall due.
    if let Some(resources) = &facts.resources {
        // « au Club », « à la Ville », "to the City".
        let to = resources
            .fund_manager
            .as_ref()
            .map_or_else(String::new, |m| {
                fmt.party(m.value)["a"]
                    .as_str()
                    .unwrap_or_default()
                    .to_string()
            });
        for payment in &resources.payments {
            if let Some(due) = payment.due {
                let amount = money(payment.amount);
                schedule.push((
                    due,
                    vec![
                        crate::format::date(due, lang),
                        tr!(
                            lang,
                            "Versement de {amount} {to}",
                            "Instalment of {amount} {to}"
                        ),
                        party(payment.party),
                    ],
                ));
            }
        }
    }
    for step in facts.assessments.iter().flat_map(|a| &a.steps) {
        if let Some(due) = step.due {
            schedule.push((
                due,
                vec![
                    crate::format::date(due, lang),
                    step.deliverable.map(escape_markdown).unwrap_or_default(),
                    // A step no party is named for is the parties' together.
                    step.responsible.map_or_else(
                        || tr!(lang, "les parties, conjointement", "the parties, jointly"),
                        |id| party(Some(id)),
                    ),
                ],
            ));
        }
    }
    if let Some(deadline) = &facts.action_plan_deadline {
        schedule.push((
            deadline.value,
            vec![
                crate::format::date(deadline.value, lang),
                tr!(
                    lang,
                    "Adoption du premier Plan d'action",
                    "Adoption of the first Action Plan"
                ),
                tr!(lang, "le Conseil", "the Board"),
            ],
        ));
    }
    schedule.sort_by_key(|(date, _)| *date);
    push(
        "schedule",
        tr!(lang, "Calendrier des échéances", "Schedule of deadlines"),
        h(
            &["Échéance", "Objet", "Responsable"],
            &["Due", "Subject", "Responsible"],
        ),
        schedule.into_iter().map(|(_, r)| r).collect(),
        None,
    );
    // The documents attached to the convention follow, each with its letter.
    for (i, title) in facts.attached.iter().enumerate() {
        out.push(Annex {
            letter: annex_letter(out.len()),
            attached: true,
            key: format!("attached-{}", i + 1),
            title: escape_markdown(title),
            headers: Vec::new(),
            rows: Vec::new(),
            total: None,
        });
    }
    out
}

/// The letter of the annex at `index`: A to Z, then AA, AB…
pub(super) fn annex_letter(index: usize) -> String {
    let mut n = index;
    let mut letters = Vec::new();
    loop {
        letters.push(char::from(b'A' + (n % 26) as u8));
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    letters.iter().rev().collect()
}
