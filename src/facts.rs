//! Typed facts: what pacte computes with, lifted once from a typed convention.
//!
//! The checks, the render annexes and the diff read these values, never a
//! clause id or a field name. Every field is read through a
//! [`Need`](crate::library::contract::Need) of the library contract, so what
//! the code relies on is exactly what the contract lists and checks when a
//! library loads. A clause the library marks `computed = false` yields no
//! facts; it is listed in [`Facts::skipped`] so the checks can say so.

use crate::convention::Convention;
use crate::field::{Cents, Hundredths, Record, Spanned, Value};
use crate::library::contract::{self, Need};
use crate::library::{Choice, ClauseLibrary};
use crate::source::Span;
use chrono::NaiveDate;

/// A sum that stops at the largest amount rather than overflowing: integers
/// and amounts come from untrusted files, and an organisation's library may
/// lift the bounds the bundled one sets. A saturated total never matches a
/// real one, so the check it feeds still fails, without a panic.
pub fn total(values: impl IntoIterator<Item = i64>) -> i64 {
    values.into_iter().fold(0, i64::saturating_add)
}

/// Whether seats vote when the convention does not say: they do.
const SEATS_VOTE_BY_DEFAULT: bool = true;
/// Whether experts vote when the convention does not say: they advise.
const EXPERTS_VOTE_BY_DEFAULT: bool = false;

/// Everything pacte computes with in one convention.
#[derive(Debug, Default)]
pub struct Facts<'a> {
    /// « Conseil d'administration ».
    pub board: Option<Board<'a>>,
    /// The quorum of the board's meetings.
    pub quorum: Option<Spanned<i64>>,
    /// How the board decides (« mode de décision »).
    pub decision_rule: Option<Spanned<DecisionRule>>,
    /// « Ressources » : the budget and what each party brings.
    pub resources: Option<Resources<'a>>,
    /// How a surplus and a deficit are shared at the end.
    pub shares: Vec<Shares>,
    /// Notice periods, in days (termination, renewal).
    pub notices: Vec<Spanned<i64>>,
    /// The evaluation schedule (« calendrier d'évaluation »).
    pub assessments: Option<Schedule<Assessment<'a>>>,
    /// The audits (« vérifications »).
    pub audits: Vec<Audit<'a>>,
    /// When the first action plan is due (« plan d'action »).
    pub action_plan_deadline: Option<Spanned<NaiveDate>>,
    /// The parties named in the undertakings, and in the contact persons.
    pub per_party: Vec<PartyList<'a>>,
    /// The partnership runs activities open to the public (preamble).
    pub public_activities: Option<Spanned<bool>>,
    /// People will work with minors or vulnerable persons (preamble).
    pub vulnerable_persons: Option<Spanned<bool>>,
    /// The parties carrying civil liability insurance; `None` without the
    /// insurance clause.
    pub insured: Option<Vec<&'a str>>,
    /// Whether the convention has a background-checks clause.
    pub background_checks: bool,
    /// Whether the convention provides for the withdrawal of a party.
    pub withdrawal: bool,
    /// The public parties whose contributions are subject to appropriations;
    /// `None` without the appropriations clause.
    pub appropriations: Option<Vec<&'a str>>,
    /// Years the books and vouchers are kept after the end.
    pub financial_records_years: Option<Spanned<i64>>,
    /// The documents attached to the convention, by title.
    pub attached: Vec<&'a str>,
    /// Clauses of the convention the library says pacte does not compute with.
    pub skipped: Vec<Skipped<'a>>,
    /// The terms the convention defines, as written, with where.
    pub defined_terms: Vec<Spanned<&'a str>>,
    /// Which language version prevails (« version qui fait foi »): `Some`
    /// with the general provisions, `None` inside when not answered.
    pub prevailing: Option<Option<Spanned<Prevailing>>>,
    /// The agreement is governed by the laws applicable in Quebec.
    pub quebec_law: bool,
    /// What the services cost at their unit prices, up to their maximum
    /// quantities (« prix unitaire »), with the services list for findings;
    /// `None` when no service has both a price and a quantity.
    pub priced_services: Option<Spanned<Cents>>,
    /// Unused funds are carried over from one fiscal year to the next: the
    /// answer, for findings.
    pub carry_over: Option<Span>,
}

/// What the agreement says of its language versions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Prevailing {
    /// Drawn up in one language only: there is no other version.
    OneLanguage,
    /// The French version prevails over any other.
    French,
    /// Another version has standing: it prevails, or both are authoritative.
    OtherStanding,
}

/// « Conseil d'administration » : the seats and the experts.
#[derive(Debug)]
pub struct Board<'a> {
    /// The seats list (or the clause, when it has none), for findings.
    pub span: Span,
    pub seats: Vec<Seats<'a>>,
    /// Experts who vote (« experts avec droit de vote »).
    pub voting_experts: i64,
    /// For each officer (« dirigeant »): held by a woman, when said.
    pub officers: Vec<Option<bool>>,
}

/// One entry of the board's seats.
#[derive(Debug)]
pub struct Seats<'a> {
    pub party: Option<&'a str>,
    pub count: Option<Spanned<i64>>,
    pub voting: bool,
    /// Of which held by women, when given.
    pub women: Option<Spanned<i64>>,
}

impl Board<'_> {
    /// Voting seats by party, in party id order, each with the span of its
    /// first entry's count.
    pub fn voting_by_party(&self) -> Vec<(&str, i64, Span)> {
        let mut out: Vec<(&str, i64, Span)> = Vec::new();
        for seat in self.seats.iter().filter(|s| s.voting) {
            let (Some(party), Some(count)) = (seat.party, &seat.count) else {
                continue;
            };
            match out.iter_mut().find(|(p, ..)| *p == party) {
                Some(entry) => entry.1 = entry.1.saturating_add(count.value),
                None => out.push((party, count.value, count.span.clone())),
            }
        }
        out.sort_by(|a, b| a.0.cmp(b.0));
        out
    }

    /// Voting seats of parties and voting experts together.
    pub fn total_voting(&self) -> i64 {
        total(self.voting_by_party().iter().map(|(_, n, _)| *n)).saturating_add(self.voting_experts)
    }

    /// Every seat of the parties, voting or not.
    pub fn total_seats(&self) -> i64 {
        total(
            self.seats
                .iter()
                .filter_map(|s| s.count.as_ref())
                .map(|c| c.value),
        )
    }

    pub fn has_seat(&self, party: &str) -> bool {
        self.seats.iter().any(|s| s.party == Some(party))
    }
}

/// How the board decides.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DecisionRule {
    /// Whether consensus is sought before any vote.
    pub consensus_first: bool,
    /// The majority a vote needs.
    pub threshold: Threshold,
    /// Whether the convention says how an equal division of votes is broken.
    pub tie_break: bool,
}

/// The majority a board's vote needs (« majorité simple », « deux tiers »).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Threshold {
    Majority,
    TwoThirds,
    /// A rule a library adds: pacte assumes a simple majority.
    Other,
}

impl Threshold {
    /// Whether `seats` of `total` voting seats carry a vote alone (in 128
    /// bits: counts come from untrusted files and may be huge).
    pub fn carried_by(self, seats: i64, total: i64) -> bool {
        let (seats, total) = (i128::from(seats), i128::from(total));
        match self {
            Threshold::TwoThirds => 3 * seats >= 2 * total,
            Threshold::Majority | Threshold::Other => 2 * seats > total,
        }
    }
}

/// « Ressources ».
#[derive(Debug)]
pub struct Resources<'a> {
    pub total_budget: Option<Spanned<Cents>>,
    pub contributions: Vec<Contribution<'a>>,
    pub budget_lines: Vec<BudgetLine<'a>>,
    /// The budget lines list, for findings.
    pub budget_lines_span: Span,
    /// The total budget covers the whole term, not each year.
    pub whole_term: bool,
    /// The fiscal year is defined (« exercice financier » in the definitions).
    pub fiscal_year_defined: bool,
    /// The party that receives the payments and manages the funds.
    pub fund_manager: Option<Spanned<&'a str>>,
    /// When each cash contribution is paid; with a yearly budget, the first
    /// year's payments (« calendrier des versements »).
    pub payments: Vec<Payment<'a>>,
    /// The payments list, for findings.
    pub payments_span: Span,
}

/// One payment of a cash contribution (« versement »), in cents.
#[derive(Debug)]
pub struct Payment<'a> {
    /// The entry in the file, for findings.
    pub span: Span,
    /// The paying party.
    pub party: Option<&'a str>,
    pub amount: Cents,
    pub due: Option<NaiveDate>,
}

/// What one party brings (« contribution »), in cents.
#[derive(Debug)]
pub struct Contribution<'a> {
    /// The entry in the file, for findings.
    pub span: Span,
    pub party: Option<&'a str>,
    pub cash: Cents,
    pub in_kind: Cents,
    /// Where the entry says what alone its cash pays, if it does.
    pub cash_pays: Option<Span>,
}

impl Facts<'_> {
    /// Whether the library opted out of a clause this convention uses.
    pub fn skips(&self, clause: &str) -> bool {
        self.skipped.iter().any(|s| s.clause == clause)
    }
}

impl Contribution<'_> {
    /// Cash and in kind together.
    pub fn total(&self) -> Cents {
        self.cash.saturating_add(self.in_kind)
    }
}

impl Resources<'_> {
    /// Every contribution, cash and in kind.
    pub fn contributed(&self) -> Cents {
        total(self.contributions.iter().map(Contribution::total))
    }

    /// The budget lines added up.
    pub fn budgeted(&self) -> Cents {
        total(self.budget_lines.iter().map(|l| l.amount))
    }
}

/// One line of the budget breakdown (« poste budgétaire »).
#[derive(Debug)]
pub struct BudgetLine<'a> {
    pub item: Option<&'a str>,
    pub amount: Cents,
}

/// How a surplus or a deficit is shared (« partage des surplus / déficits »).
#[derive(Debug)]
pub struct Shares {
    /// The field, as written in the file, for messages.
    pub field: &'static str,
    pub span: Span,
    /// How many entries the list has.
    pub entries: usize,
    /// Each share given, in hundredths of a percent.
    pub shares: Vec<Hundredths>,
    /// The entries without a ceiling, for the deficit (empty for the surplus,
    /// where a ceiling means nothing).
    pub uncapped: Vec<(Option<String>, Span)>,
}

/// A list of dated steps with the span of the list.
#[derive(Debug)]
pub struct Schedule<T> {
    pub span: Span,
    pub steps: Vec<T>,
}

/// One step of the evaluation schedule.
#[derive(Debug)]
pub struct Assessment<'a> {
    pub due: Option<NaiveDate>,
    pub deliverable: Option<&'a str>,
    pub responsible: Option<&'a str>,
}

/// One audit (« vérification ») and when it is first due.
#[derive(Debug)]
pub struct Audit<'a> {
    pub first_due: NaiveDate,
    /// What is audited, as written, and its choice when the library offers one.
    pub element: &'a str,
    pub element_choice: Option<&'a Choice>,
    pub responsible: Option<&'a str>,
    /// How many years one verification covers (two for a biennial one).
    pub period_years: i64,
}

/// "Each party must appear in this list": undertakings, contact persons.
#[derive(Debug)]
pub struct PartyList<'a> {
    pub role: ListRole,
    /// Where the list is written, and the path to name in a help line.
    pub span: Span,
    pub path: String,
    /// The sub-field naming the party.
    pub key: &'static str,
    pub parties: Vec<&'a str>,
}

/// What a per-party list holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListRole {
    /// « Engagements des parties ».
    Undertakings,
    /// « Répondants » of the coordination committee.
    Contacts,
}

/// A clause of the convention that pacte does not compute with.
#[derive(Debug)]
pub struct Skipped<'a> {
    pub clause: &'a str,
    /// The clause's table in the file.
    pub span: Span,
}

impl<'a> Facts<'a> {
    /// Whether the party managing the funds pays a cash contribution of its
    /// own: the managed sums then include it once it is entered in the
    /// separate accounts.
    pub fn fund_manager_pays_cash(&self) -> bool {
        self.resources.as_ref().is_some_and(|r| {
            r.fund_manager.as_ref().is_some_and(|m| {
                r.contributions
                    .iter()
                    .any(|c| c.party == Some(m.value) && c.cash > 0)
            })
        })
    }

    /// Whether one of the audits is of the financial statements
    /// (« vérification des états financiers »).
    pub fn audits_financial_statements(&self) -> bool {
        self.audits
            .iter()
            .any(|a| a.element == contract::FINANCIAL_STATEMENTS)
    }

    /// Lifts the facts from a typed convention.
    pub fn of(conv: &'a Convention, library: &'a ClauseLibrary) -> Facts<'a> {
        let mut facts = Facts::default();
        // Each computed clause, or its place in `skipped`.
        let clause = |id: &str, facts: &mut Facts<'a>| -> Option<&'a Record> {
            let answers = conv.clauses.iter().find(|c| c.id == id)?;
            if library.clause(id).is_some_and(|c| !c.computed()) {
                if facts.skips(id) {
                    return None;
                }
                facts.skipped.push(Skipped {
                    clause: &answers.id,
                    span: answers.answers.span.clone(),
                });
                return None;
            }
            Some(&answers.answers)
        };
        if let Some(r) = clause(contract::BOARD, &mut facts) {
            facts.board = Some(board(r));
        }
        if let Some(r) = clause(contract::DEFINITIONS_CLAUSE, &mut facts) {
            facts.defined_terms = records(r, &contract::DEFINITIONS)
                .iter()
                .filter_map(|d| {
                    let term = d.text(contract::DEFINED_TERM.name())?;
                    Some(Spanned {
                        value: term,
                        span: d.span_of(contract::DEFINED_TERM.name()),
                    })
                })
                .collect();
        }
        if let Some(r) = clause(contract::GENERAL_PROVISIONS, &mut facts) {
            facts.quebec_law = r.text(contract::GOVERNING_LAW.name()) == Some(contract::QUEBEC_LAW);
            let need = &contract::PREVAILING_VERSION;
            facts.prevailing = Some(r.get(need.name()).and_then(|written| {
                let value = r.text(need.name())?;
                Some(Spanned {
                    value: match value {
                        contract::FRENCH_ONLY => Prevailing::OneLanguage,
                        contract::FRENCH_PREVAILS => Prevailing::French,
                        _ => Prevailing::OtherStanding,
                    },
                    span: written.span.clone(),
                })
            }));
        }
        if let Some(r) = clause(contract::DELIBERATIONS, &mut facts) {
            facts.quorum = r.typed(contract::QUORUM.name(), Value::as_integer);
            facts.decision_rule = decision_rule(r);
        }
        if let Some(r) = clause(contract::RESOURCES, &mut facts) {
            facts.resources = Some(resources(r));
        }
        if let Some(r) = clause(contract::SERVICES_CLAUSE, &mut facts) {
            let costs: Vec<Cents> = records(r, &contract::SERVICES)
                .iter()
                .filter_map(|s| {
                    let price = money_like(s, &contract::SERVICE_UNIT_PRICE, Value::as_money)?;
                    let quantity = money_like(s, &contract::SERVICE_QUANTITY, Value::as_integer)?;
                    Some(price.saturating_mul(quantity))
                })
                .collect();
            if !costs.is_empty() {
                facts.priced_services = Some(Spanned {
                    value: total(costs),
                    span: r.span_of(contract::SERVICES.name()),
                });
            }
        }
        if let Some(r) = clause(contract::REPAYMENT, &mut facts)
            && r.text(contract::UNUSED_FUNDS.name()) == Some(contract::CARRIED_OVER)
        {
            facts.carry_over = Some(r.span_of(contract::UNUSED_FUNDS.name()));
        }
        if let Some(r) = clause(contract::WINDING_UP, &mut facts) {
            for (list, share) in [
                (&contract::SURPLUS_SHARES, &contract::SURPLUS_SHARE),
                (&contract::DEFICIT_SHARES, &contract::DEFICIT_SHARE),
            ] {
                let Some(value) = r.get(list.name()) else {
                    continue;
                };
                let deficit = list.path == contract::DEFICIT_SHARES.path;
                facts.shares.push(Shares {
                    uncapped: records(r, list)
                        .iter()
                        .filter(|s| deficit && s.get(contract::DEFICIT_CAP.name()).is_none())
                        .map(|s| {
                            let party = s.text(contract::DEFICIT_SHARE_PARTY.name());
                            (party.map(str::to_string), s.span.clone())
                        })
                        .collect(),
                    field: list.path,
                    span: value.span.clone(),
                    entries: records(r, list).len(),
                    shares: records(r, list)
                        .iter()
                        .filter_map(|s| money_like(s, share, Value::as_percentage))
                        .collect(),
                });
            }
        }
        for (id, notice) in [
            (contract::TERMINATION, &contract::TERMINATION_NOTICE),
            (contract::WITHDRAWAL_CLAUSE, &contract::WITHDRAWAL_NOTICE),
            (contract::TERM, &contract::RENEWAL_NOTICE),
        ] {
            if let Some(r) = clause(id, &mut facts)
                && let Some(days) = r.typed(notice.name(), Value::as_integer)
            {
                facts.notices.push(days);
            }
        }
        if let Some(r) = clause(contract::ASSESSMENT, &mut facts) {
            facts.assessments = Some(Schedule {
                span: r.span_of(contract::ASSESSMENTS.name()),
                steps: records(r, &contract::ASSESSMENTS)
                    .iter()
                    .map(|s| Assessment {
                        due: s
                            .typed(contract::ASSESSMENT_DUE.name(), Value::as_date)
                            .map(|d| d.value),
                        deliverable: s.text(contract::ASSESSMENT_DELIVERABLE.name()),
                        responsible: s.text(contract::ASSESSMENT_RESPONSIBLE.name()),
                    })
                    .collect(),
            });
        }
        if let Some(r) = clause(contract::AUDIT, &mut facts) {
            let element = library
                .clause(contract::AUDIT)
                .and_then(|c| contract::AUDIT_ELEMENT.find(c));
            facts.audits = records(r, &contract::AUDITS)
                .iter()
                .filter_map(|a| {
                    let first_due = a.typed(contract::AUDIT_FIRST_DUE.name(), Value::as_date)?;
                    let written = a.text(contract::AUDIT_ELEMENT.name()).unwrap_or_default();
                    Some(Audit {
                        first_due: first_due.value,
                        element: written,
                        element_choice: element.and_then(|e| e.choice(written)),
                        responsible: a.text(contract::AUDIT_RESPONSIBLE.name()),
                        period_years: if a.text(contract::AUDIT_FREQUENCY.name())
                            == Some(contract::BIENNIAL)
                        {
                            2
                        } else {
                            1
                        },
                    })
                })
                .collect();
        }
        if let Some(r) = clause(contract::ACTION_PLAN, &mut facts) {
            facts.action_plan_deadline =
                r.typed(contract::ACTION_PLAN_DEADLINE.name(), Value::as_date);
        }
        for (id, list, party, role) in [
            (
                contract::UNDERTAKINGS,
                &contract::OBLIGATIONS_BY_PARTY,
                &contract::OBLIGATION_PARTY,
                ListRole::Undertakings,
            ),
            (
                contract::COMMITTEE,
                &contract::CONTACT_PERSONS,
                &contract::CONTACT_PARTY,
                ListRole::Contacts,
            ),
        ] {
            let Some(r) = clause(id, &mut facts) else {
                continue;
            };
            let Some(value) = r.get(list.name()) else {
                continue;
            };
            facts.per_party.push(PartyList {
                role,
                span: value.span.clone(),
                path: format!("{id}.{}", list.path),
                key: party.name(),
                parties: records(r, list)
                    .iter()
                    .filter_map(|e| e.text(party.name()))
                    .collect(),
            });
        }
        if let Some(r) = clause(contract::PREAMBLE, &mut facts) {
            facts.public_activities = r.typed(contract::PUBLIC_ACTIVITIES.name(), Value::as_bool);
            facts.vulnerable_persons = r.typed(contract::VULNERABLE_PERSONS.name(), Value::as_bool);
        }
        if let Some(r) = clause(contract::INSURANCE, &mut facts) {
            facts.insured = Some(
                records(r, &contract::CIVIL_LIABILITY)
                    .iter()
                    .filter_map(|e| e.text(contract::CIVIL_LIABILITY_PARTY.name()))
                    .collect(),
            );
        }
        facts.background_checks = clause(contract::BACKGROUND_CHECKS, &mut facts).is_some();
        facts.withdrawal = clause(contract::WITHDRAWAL_CLAUSE, &mut facts).is_some();
        if let Some(r) = clause(contract::APPROPRIATIONS_CLAUSE, &mut facts) {
            facts.appropriations = Some(match r.get(contract::APPROPRIATED_PARTIES.name()) {
                Some(Spanned {
                    value: Value::Parties(ids),
                    ..
                }) => ids.iter().map(|id| id.value.as_str()).collect(),
                _ => Vec::new(),
            });
        }
        if let Some(r) = clause(contract::SIGNATURES, &mut facts)
            && let Some(Spanned {
                value: Value::TextList(items),
                ..
            }) = r.get(contract::ATTACHED_DOCUMENTS.name())
        {
            facts.attached = items.iter().map(|i| i.value.as_str()).collect();
        }
        if let Some(r) = clause(contract::CONFIDENTIALITY, &mut facts) {
            facts.financial_records_years =
                r.typed(contract::FINANCIAL_RECORDS_YEARS.name(), Value::as_integer);
        }
        facts
    }
}

fn board(r: &Record) -> Board<'_> {
    let seats = records(r, &contract::BOARD_SEATS)
        .iter()
        .map(|s| Seats {
            party: s.text(contract::BOARD_SEAT_PARTY.name()),
            count: s.typed(contract::BOARD_SEAT_COUNT.name(), Value::as_integer),
            voting: s
                .typed(contract::BOARD_SEAT_VOTING.name(), Value::as_bool)
                .map_or(SEATS_VOTE_BY_DEFAULT, |v| v.value),
            women: s.typed(contract::BOARD_SEAT_WOMEN.name(), Value::as_integer),
        })
        .collect();
    let voting_experts = total(
        records(r, &contract::BOARD_EXPERTS)
            .iter()
            .filter(|e| {
                e.typed(contract::BOARD_EXPERT_VOTING.name(), Value::as_bool)
                    .map_or(EXPERTS_VOTE_BY_DEFAULT, |v| v.value)
            })
            .filter_map(|e| e.typed(contract::BOARD_EXPERT_COUNT.name(), Value::as_integer))
            .map(|c| c.value),
    );
    let officers = records(r, &contract::BOARD_OFFICERS)
        .iter()
        .map(|o| {
            o.typed(contract::BOARD_OFFICER_WOMAN.name(), Value::as_bool)
                .map(|w| w.value)
        })
        .collect();
    Board {
        span: r.span_of(contract::BOARD_SEATS.name()),
        seats,
        voting_experts,
        officers,
    }
}

fn decision_rule(r: &Record) -> Option<Spanned<DecisionRule>> {
    let need = &contract::DECISION_RULE;
    let written = r.get(need.name())?;
    let value = r.text(need.name())?;
    let rule = DecisionRule {
        tie_break: r.get(contract::TIE_BREAK.name()).is_some(),
        consensus_first: !contract::VOTES_WITHOUT_CONSENSUS.contains(&value),
        threshold: if contract::TWO_THIRDS.contains(&value) {
            Threshold::TwoThirds
        } else if contract::SIMPLE_MAJORITY.contains(&value) {
            Threshold::Majority
        } else {
            Threshold::Other
        },
    };
    Some(Spanned {
        value: rule,
        span: written.span.clone(),
    })
}

fn resources(r: &Record) -> Resources<'_> {
    Resources {
        total_budget: r.typed(contract::TOTAL_BUDGET.name(), Value::as_money),
        contributions: records(r, &contract::CONTRIBUTIONS)
            .iter()
            .map(|c| Contribution {
                span: c.span.clone(),
                party: c.text(contract::CONTRIBUTION_PARTY.name()),
                cash: money_like(c, &contract::CONTRIBUTION_CASH, Value::as_money).unwrap_or(0),
                in_kind: money_like(c, &contract::CONTRIBUTION_IN_KIND, Value::as_money)
                    .unwrap_or(0),
                cash_pays: c
                    .get(contract::CONTRIBUTION_CASH_PAYS.name())
                    .map(|v| v.span.clone()),
            })
            .collect(),
        budget_lines: records(r, &contract::BUDGET_LINES)
            .iter()
            .map(|l| BudgetLine {
                item: l.text(contract::BUDGET_LINE_ITEM.name()),
                amount: money_like(l, &contract::BUDGET_LINE_AMOUNT, Value::as_money).unwrap_or(0),
            })
            .collect(),
        budget_lines_span: r.span_of(contract::BUDGET_LINES.name()),
        whole_term: r.text(contract::BUDGET_PERIOD.name()) == Some(contract::WHOLE_TERM),
        fiscal_year_defined: r.get(contract::FISCAL_YEAR.name()).is_some(),
        fund_manager: r.get(contract::FUND_MANAGER.name()).and_then(|v| {
            let id = r.text(contract::FUND_MANAGER.name())?;
            Some(Spanned {
                value: id,
                span: v.span.clone(),
            })
        }),
        payments: records(r, &contract::PAYMENTS)
            .iter()
            .map(|p| Payment {
                span: p.span.clone(),
                party: p.text(contract::PAYMENT_PARTY.name()),
                amount: money_like(p, &contract::PAYMENT_AMOUNT, Value::as_money).unwrap_or(0),
                due: p
                    .typed(contract::PAYMENT_DUE.name(), Value::as_date)
                    .map(|d| d.value),
            })
            .collect(),
        payments_span: r.span_of(contract::PAYMENTS.name()),
    }
}

/// The records of a list need; empty when absent.
fn records<'r>(r: &'r Record, need: &Need) -> &'r [Record] {
    r.records(need.name())
}

/// A number field's value without its span.
fn money_like(r: &Record, need: &Need, pick: fn(&Value) -> Option<i64>) -> Option<i64> {
    r.typed(need.name(), pick).map(|v| v.value)
}
