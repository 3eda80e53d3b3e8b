//! The contract between pacte's code and the clause library.
//!
//! The library is data an organisation may replace, but a few of its clauses
//! carry numbers pacte computes with: board seats and quorum, money, shares,
//! schedules, notice periods. This module is the one place that names those
//! clauses and fields ([`NEEDS`]); [`crate::facts`] reads a convention through
//! these names and nothing else. When a library loads, [`check`] verifies that
//! every need still holds — the clause exists, the field exists with a
//! compatible type, the choice values pacte recognises are still offered — or
//! that the clause says `computed = false`, in which case the checks that
//! depend on it are reported as skipped ([`Use`] says which).

use super::{Clause, Field, FieldKind, Loaded, report};
use crate::diag::{Code, Diagnostic, FileReport};
use crate::lang::Lang;
use crate::tr;
use std::collections::BTreeMap;

/// What pacte does with a clause or field, in words for a reader of the library.
#[derive(Debug)]
pub struct Use {
    pub fr: &'static str,
    pub en: &'static str,
}

impl Use {
    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => self.fr,
            Lang::En => self.en,
        }
    }
}

/// One clause field pacte computes with.
#[derive(Debug)]
pub struct Need {
    /// The clause id.
    pub clause: &'static str,
    /// The field, with a sub-field after a dot (`seats.party`).
    pub path: &'static str,
    /// The types pacte can read the field as.
    pub kinds: &'static [FieldKind],
    /// For a choice: the values pacte recognises, which must stay offered.
    pub values: &'static [&'static str],
    /// Whether a library may leave the field out: it is then never answered,
    /// as an optional field is left blank, and nothing is computed from it.
    /// When present it must still have a compatible type.
    pub optional: bool,
    pub used_for: &'static Use,
}

impl Need {
    /// The field's own name (the last part of its path).
    pub fn name(&self) -> &'static str {
        self.path.rsplit('.').next().unwrap_or(self.path)
    }

    /// The field specification in a clause, following the path.
    pub fn find<'c>(&self, clause: &'c Clause) -> Option<&'c Field> {
        let mut parts = self.path.split('.');
        let mut field = clause.field(parts.next()?)?;
        for part in parts {
            field = field.subfield(part)?;
        }
        Some(field)
    }
}

// What each group of fields serves.
const BALANCE: Use = Use {
    fr: "l'équilibre du conseil, le quorum et l'annexe de composition du conseil",
    en: "the balance of the board, the quorum and the board composition annex",
};
const WOMEN: Use = Use {
    fr: "la part des femmes au conseil",
    en: "the share of women on the board",
};
const EXPERTS: Use = Use {
    fr: "le compte des sièges votants (experts ayant droit de vote)",
    en: "counting the voting seats (experts with a vote)",
};
const QUORUM_CHECKS: Use = Use {
    fr: "la vérification du quorum",
    en: "the quorum checks",
};
const DECISIONS: Use = Use {
    fr: "la vérification que le conseil cherche le consensus avant de voter",
    en: "checking that the board seeks consensus before voting",
};
const BUDGET: Use = Use {
    fr: "le bouclage du budget et les annexes financières",
    en: "checking the budget totals and the financial annexes",
};
const SHARES: Use = Use {
    fr: "la vérification que les parts des surplus et des déficits font 100 %",
    en: "checking that surplus and deficit shares add up to 100%",
};
const NOTICES: Use = Use {
    fr: "la comparaison des préavis avec la durée de la convention",
    en: "comparing notice periods with the agreement's term",
};
const EVALUATION: Use = Use {
    fr: "le calendrier des évaluations et l'annexe des échéances",
    en: "the evaluation timing check and the schedule of deadlines",
};
const SCHEDULE: Use = Use {
    fr: "l'annexe des échéances",
    en: "the schedule of deadlines",
};
const INSURANCE_CHECK: Use = Use {
    fr: "la vérification qu'une assurance de responsabilité civile couvre les activités ouvertes au public",
    en: "checking that civil liability insurance covers activities open to the public",
};
const BACKGROUND_CHECK: Use = Use {
    fr: "la vérification des antécédents exigée auprès de mineurs ou de personnes vulnérables",
    en: "requiring background checks for work with minors or vulnerable persons",
};
const APPROPRIATIONS_CHECK: Use = Use {
    fr: "la vérification que les engagements pluriannuels des parties publiques sont soumis à leurs crédits",
    en: "checking that public parties' multi-year commitments are made subject to appropriations",
};
const RETENTION_CHECK: Use = Use {
    fr: "la vérification que les pièces financières sont gardées aussi longtemps que les vérifications l'exigent",
    en: "checking that financial records are kept as long as the audits require",
};
const WITHDRAWAL_CHECK: Use = Use {
    fr: "la comparaison du préavis de retrait avec la durée de la convention",
    en: "comparing the notice of withdrawal with the agreement's term",
};
const ATTACHED: Use = Use {
    fr: "la liste des annexes jointes et leurs lettres",
    en: "the list of attached annexes and their letters",
};
const OBLIGATIONS: Use = Use {
    fr: "la vérification que chaque partie a des engagements",
    en: "checking that each party has obligations",
};
const TIES: Use = Use {
    fr: "la vérification qu'un conseil à nombre pair de voix sait trancher un partage égal",
    en: "checking that a board with an even number of votes can break a tie",
};
const DEFICIT_CAPS: Use = Use {
    fr: "la vérification que la part de chaque partie au déficit a un plafond",
    en: "checking that each party's share of a deficit has a ceiling",
};
const CARRY_OVER: Use = Use {
    fr: "la vérification qu'un report d'exercice en exercice a un sens pour le budget donné",
    en: "checking that carrying funds from one fiscal year to the next makes sense for the budget given",
};
const PREVAILING: Use = Use {
    fr: "la vérification qu'une convention bilingue dit quelle version prévaut",
    en: "checking that a bilingual agreement says which version prevails",
};
const CHARTER: Use = Use {
    fr: "le rappel de la Charte de la langue française quand un organisme public québécois donne valeur à une version anglaise",
    en: "the reminder of the Charter of the French language when a Quebec public body gives an English version standing",
};
const PAYMENT_SCHEDULE: Use = Use {
    fr: "la vérification que les versements de chaque partie totalisent sa contribution en argent, et l'annexe des échéances",
    en: "checking that each party's payments add up to its cash contribution, and the schedule of deadlines",
};
const SUBSIDY_AUDIT: Use = Use {
    fr: "le rappel qu'un organisme qui reçoit une subvention municipale annuelle d'au moins 100 000 $ fait vérifier ses états financiers",
    en: "the reminder that an organisation receiving an annual municipal subsidy of at least $100,000 has its financial statements audited",
};
const UNIT_PRICES: Use = Use {
    fr: "la comparaison du coût des services, au prix unitaire, avec les contributions en argent des parties publiques",
    en: "comparing the cost of the services at their unit prices with the public parties' cash contributions",
};
const DEFINED_TERMS: Use = Use {
    fr: "la vérification qu'un terme défini est employé sous la forme de sa définition",
    en: "checking that a defined term is used in the form of its definition",
};
const CONTACTS: Use = Use {
    fr: "la vérification que chaque partie a un répondant",
    en: "checking that each party has a contact person",
};

/// Declares each need as a constant, and [`NEEDS`] as the list of them all,
/// so no need can be read without being checked.
macro_rules! needs {
    (@values) => { &[] };
    (@values $values:expr) => { $values };
    (@presence required) => { false };
    (@presence optional) => { true };
    ($( $(#[$doc:meta])* $name:ident = $clause:ident . $path:literal : [$($kind:ident),+] $(($values:expr))? $presence:ident for $use:ident; )*) => {
        $( $(#[$doc])* pub const $name: Need = Need {
            clause: $clause,
            path: $path,
            kinds: &[$(FieldKind::$kind),+],
            values: needs!(@values $($values)?),
            optional: needs!(@presence $presence),
            used_for: &$use,
        }; )*
        /// Every clause field pacte computes with.
        pub static NEEDS: &[Need] = &[$($name),*];
    };
}

/// « Préambule » : its answers are read by the preamble template, not by an
/// article of its own (nothing is computed with them).
pub const PREAMBLE: &str = "preambule";
/// « Conseil d'administration ».
pub const BOARD: &str = "conseil";
/// « Assurances et responsabilité ».
pub const INSURANCE: &str = "assurances";
/// « Vérification des antécédents ».
pub const BACKGROUND_CHECKS: &str = "antecedents";
/// « Disponibilité des crédits ».
pub const APPROPRIATIONS_CLAUSE: &str = "credits";
/// « Confidentialité, accès aux documents et renseignements personnels ».
pub const CONFIDENTIALITY: &str = "confidentialite";
/// « Retrait d'une partie ».
pub const WITHDRAWAL_CLAUSE: &str = "retrait";
/// « Résiliation ».
pub const TERMINATION: &str = "resiliation";
/// « Signatures » : copies and attached documents.
pub const SIGNATURES: &str = "signatures";
/// « Délibérations du conseil ».
pub const DELIBERATIONS: &str = "deliberations";
/// « Ressources » : budget and contributions.
pub const RESOURCES: &str = "ressources";
/// « Fin de la convention » : what happens to staff, assets, surplus and deficit.
pub const WINDING_UP: &str = "terminaison";
/// « Durée » : term and renewal.
pub const TERM: &str = "duree";
/// « Évaluation ».
pub const ASSESSMENT: &str = "evaluation";
/// « Vérification » : audits.
pub const AUDIT: &str = "audit";
/// « Plan d'action ».
pub const ACTION_PLAN: &str = "plan_action";
/// « Engagements des parties ».
pub const UNDERTAKINGS: &str = "engagements";
/// « Comité de coordination » : contact persons.
pub const COMMITTEE: &str = "comite";
/// « Dispositions générales » : among them, which language version prevails.
pub const GENERAL_PROVISIONS: &str = "dispositions_generales";
/// « La convention est rédigée en français » : a version in one language
/// only, which a bilingual edition contradicts.
pub const FRENCH_ONLY: &str = "french_only";
/// « La version française prévaut » : a translation has no standing of its own.
pub const FRENCH_PREVAILS: &str = "french_prevails";
/// « Les lois applicables au Québec », where the Charter of the French
/// language governs the public body's contracts.
pub const QUEBEC_LAW: &str = "quebec";

/// « Clientèle et services » : the services delivered, and their prices.
pub const SERVICES_CLAUSE: &str = "clientele";
/// « Parties et définitions » : the terms the convention defines.
pub const DEFINITIONS_CLAUSE: &str = "parties";

/// « Remboursement des sommes non utilisées ».
pub const REPAYMENT: &str = "remboursement";
/// A budget that covers the whole term, not each year.
pub const WHOLE_TERM: &str = "term";
/// Unused funds carried over to the next fiscal year.
pub const CARRIED_OVER: &str = "carried_over";

/// The audit of an organisation's financial statements (« vérification des
/// états financiers »), which a large municipal subsidy requires.
pub const FINANCIAL_STATEMENTS: &str = "financial";
/// The smallest annual municipal subsidy, in cents, whose recipient has its
/// financial statements audited (Cities and Towns Act, s. 107.9).
pub const AUDITED_SUBSIDY_CENTS: i64 = 100_000 * 100;

/// Audit frequencies whose period is two years; the others cover a year at most.
pub const BIENNIAL: &str = "biennial";
const AUDIT_PERIODS: &[&str] = &[BIENNIAL];

/// Decision rules that vote without seeking consensus first.
pub const VOTES_WITHOUT_CONSENSUS: [&str; 2] = ["majority", "two_thirds"];
/// Decision rules that seek consensus first, which the P054 help recommends.
pub const CONSENSUS_FIRST: [&str; 2] = ["consensus_majority", "consensus_two_thirds"];
/// Decision rules whose vote needs two thirds of the voting seats: a party
/// with a bare majority cannot decide alone (P050).
pub const TWO_THIRDS: [&str; 2] = ["two_thirds", "consensus_two_thirds"];
/// Decision rules whose vote needs a simple majority.
pub const SIMPLE_MAJORITY: [&str; 2] = ["majority", "consensus_majority"];
const DECISION_RULES: &[&str] = &[
    VOTES_WITHOUT_CONSENSUS[0],
    VOTES_WITHOUT_CONSENSUS[1],
    CONSENSUS_FIRST[0],
    CONSENSUS_FIRST[1],
];

needs! {
    /// The seats each party names to the board.
    BOARD_SEATS = BOARD."seats": [Records] required for BALANCE;
    BOARD_SEAT_PARTY = BOARD."seats.party": [Party] required for BALANCE;
    BOARD_SEAT_COUNT = BOARD."seats.seats": [Integer] required for BALANCE;
    /// Whether the seats vote (yes when not given).
    BOARD_SEAT_VOTING = BOARD."seats.voting": [Boolean] optional for BALANCE;
    BOARD_SEAT_WOMEN = BOARD."seats.women": [Integer] optional for WOMEN;
    /// The board's officers (« dirigeants »), and which are held by women.
    BOARD_OFFICERS = BOARD."officers": [Records] optional for WOMEN;
    BOARD_OFFICER_WOMAN = BOARD."officers.woman": [Boolean] optional for WOMEN;
    BOARD_EXPERTS = BOARD."experts": [Records] optional for EXPERTS;
    BOARD_EXPERT_COUNT = BOARD."experts.count": [Integer] required for EXPERTS;
    /// Experts are advisory unless they are given a vote.
    BOARD_EXPERT_VOTING = BOARD."experts.voting": [Boolean] optional for EXPERTS;
    QUORUM = DELIBERATIONS."quorum": [Integer] required for QUORUM_CHECKS;
    /// « Mode de décision » : the library must keep offering the rules pacte
    /// recognises.
    DECISION_RULE = DELIBERATIONS."decision_rule": [Choice] (DECISION_RULES) required for DECISIONS;
    /// How an equal division of votes is broken (« voix prépondérante »).
    TIE_BREAK = DELIBERATIONS."tie_break": [Choice] optional for TIES;
    TOTAL_BUDGET = RESOURCES."total_budget": [Money] required for BUDGET;
    CONTRIBUTIONS = RESOURCES."contributions": [Records] required for BUDGET;
    CONTRIBUTION_PARTY = RESOURCES."contributions.party": [Party] required for BUDGET;
    CONTRIBUTION_CASH = RESOURCES."contributions.cash": [Money] required for BUDGET;
    CONTRIBUTION_IN_KIND = RESOURCES."contributions.in_kind": [Money] required for BUDGET;
    /// The only expenses a party's cash contribution pays; it needs a cash
    /// contribution to speak of.
    CONTRIBUTION_CASH_PAYS = RESOURCES."contributions.cash_pays": [Text, LongText] optional for BUDGET;
    BUDGET_LINES = RESOURCES."budget_lines": [Records] optional for BUDGET;
    BUDGET_LINE_ITEM = RESOURCES."budget_lines.item": [Text, LongText] required for BUDGET;
    BUDGET_LINE_AMOUNT = RESOURCES."budget_lines.amount": [Money] required for BUDGET;
    /// The party that receives the payments and manages the funds.
    FUND_MANAGER = RESOURCES."fund_manager": [Party] optional for SUBSIDY_AUDIT;
    /// When each cash contribution is paid (« calendrier des versements »).
    PAYMENTS = RESOURCES."payments": [Records] optional for PAYMENT_SCHEDULE;
    PAYMENT_PARTY = RESOURCES."payments.party": [Party] required for PAYMENT_SCHEDULE;
    PAYMENT_AMOUNT = RESOURCES."payments.amount": [Money] required for PAYMENT_SCHEDULE;
    PAYMENT_DUE = RESOURCES."payments.due": [Date] required for PAYMENT_SCHEDULE;
    SURPLUS_SHARES = WINDING_UP."surplus_shares": [Records] optional for SHARES;
    SURPLUS_SHARE = WINDING_UP."surplus_shares.share": [Percentage] required for SHARES;
    DEFICIT_SHARES = WINDING_UP."deficit_shares": [Records] optional for SHARES;
    DEFICIT_SHARE = WINDING_UP."deficit_shares.share": [Percentage] required for SHARES;
    DEFICIT_SHARE_PARTY = WINDING_UP."deficit_shares.party": [Party] optional for DEFICIT_CAPS;
    /// The most a party pays towards a deficit.
    DEFICIT_CAP = WINDING_UP."deficit_shares.cap": [Money] optional for DEFICIT_CAPS;
    /// Whether the total budget is yearly or for the whole term.
    BUDGET_PERIOD = RESOURCES."budget_period": [Choice] (&[WHOLE_TERM]) optional for CARRY_OVER;
    /// The twelve months of a fiscal year; when given, « exercice financier »
    /// is a defined term, and the annexes' titles write it as one.
    FISCAL_YEAR = RESOURCES."fiscal_year": [Choice] optional for BUDGET;
    /// What becomes of funds unused at a fiscal year's end.
    UNUSED_FUNDS = REPAYMENT."unused": [Choice] (&[CARRIED_OVER]) optional for CARRY_OVER;
    /// The services of a service agreement, priced by the unit.
    SERVICES = SERVICES_CLAUSE."services": [Records] optional for UNIT_PRICES;
    SERVICE_UNIT_PRICE = SERVICES_CLAUSE."services.unit_price": [Money] optional for UNIT_PRICES;
    SERVICE_QUANTITY = SERVICES_CLAUSE."services.quantity": [Integer] optional for UNIT_PRICES;
    TERMINATION_NOTICE = TERMINATION."notice_days": [Integer] required for NOTICES;
    WITHDRAWAL_NOTICE = WITHDRAWAL_CLAUSE."notice_days": [Integer] required for WITHDRAWAL_CHECK;
    /// The partnership's activities are open to the public.
    PUBLIC_ACTIVITIES = PREAMBLE."public_activities": [Boolean] required for INSURANCE_CHECK;
    /// People will work with minors or vulnerable persons.
    VULNERABLE_PERSONS = PREAMBLE."vulnerable_persons": [Boolean] required for BACKGROUND_CHECK;
    CIVIL_LIABILITY = INSURANCE."civil_liability": [Records] required for INSURANCE_CHECK;
    CIVIL_LIABILITY_PARTY = INSURANCE."civil_liability.party": [Party] required for INSURANCE_CHECK;
    /// Who must be checked: the clause's presence is what matters.
    BACKGROUND_COVERED = BACKGROUND_CHECKS."covered": [Choice, Text] required for BACKGROUND_CHECK;
    APPROPRIATED_PARTIES = APPROPRIATIONS_CLAUSE."parties": [Parties] required for APPROPRIATIONS_CHECK;
    /// The documents attached to the convention, which become lettered annexes.
    ATTACHED_DOCUMENTS = SIGNATURES."annexes": [TextList] optional for ATTACHED;
    FINANCIAL_RECORDS_YEARS = CONFIDENTIALITY."financial_records_years": [Integer] required for RETENTION_CHECK;
    RENEWAL_NOTICE = TERM."renewal_notice_days": [Integer] optional for NOTICES;
    ASSESSMENTS = ASSESSMENT."schedule": [Records] required for EVALUATION;
    ASSESSMENT_DUE = ASSESSMENT."schedule.due": [Date] required for EVALUATION;
    ASSESSMENT_DELIVERABLE = ASSESSMENT."schedule.deliverable": [Text, LongText] required for EVALUATION;
    ASSESSMENT_RESPONSIBLE = ASSESSMENT."schedule.responsible": [Party] optional for EVALUATION;
    AUDITS = AUDIT."schedule": [Records] required for SCHEDULE;
    /// Shown by its choice label when it is a choice.
    AUDIT_ELEMENT = AUDIT."schedule.element": [Choice, Text] (&[FINANCIAL_STATEMENTS]) required for SCHEDULE;
    AUDIT_FIRST_DUE = AUDIT."schedule.first_due": [Date] required for SCHEDULE;
    /// How often: a verification covering two years needs two years of books.
    AUDIT_FREQUENCY = AUDIT."schedule.frequency": [Choice] (AUDIT_PERIODS) optional for RETENTION_CHECK;
    AUDIT_RESPONSIBLE = AUDIT."schedule.responsible": [Text, LongText] required for SCHEDULE;
    ACTION_PLAN_DEADLINE = ACTION_PLAN."deadline": [Date] required for SCHEDULE;
    OBLIGATIONS_BY_PARTY = UNDERTAKINGS."obligations": [Records] required for OBLIGATIONS;
    OBLIGATION_PARTY = UNDERTAKINGS."obligations.party": [Party] required for OBLIGATIONS;
    CONTACT_PERSONS = COMMITTEE."contacts": [Records] required for CONTACTS;
    CONTACT_PARTY = COMMITTEE."contacts.party": [Party] required for CONTACTS;
    /// « Version qui fait foi » : the library must keep the one-language
    /// choice pacte recognises.
    PREVAILING_VERSION = GENERAL_PROVISIONS."language": [Choice] (&[FRENCH_ONLY, FRENCH_PREVAILS]) required for PREVAILING;
    GOVERNING_LAW = GENERAL_PROVISIONS."governing_law": [Choice] (&[QUEBEC_LAW]) required for CHARTER;
    /// The terms the convention defines (« définitions »).
    DEFINITIONS = DEFINITIONS_CLAUSE."definitions": [Records] optional for DEFINED_TERMS;
    DEFINED_TERM = DEFINITIONS_CLAUSE."definitions.term": [Text] required for DEFINED_TERMS;
}

/// Details of an entry that speak of a sibling answer: the first is asked
/// only once the second has one (what a cash contribution pays, only for a
/// party that pays cash).
pub static QUALIFIES: &[(Need, Need)] = &[(CONTRIBUTION_CASH_PAYS, CONTRIBUTION_CASH)];

/// The clauses pacte computes with, each once, in [`NEEDS`] order.
pub fn clauses() -> Vec<&'static str> {
    let mut ids: Vec<&'static str> = Vec::new();
    for need in NEEDS {
        if !ids.contains(&need.clause) {
            ids.push(need.clause);
        }
    }
    ids
}

/// What pacte computes with a clause, every use once, separated by
/// semicolons (a use may itself be a list).
pub fn uses_of(clause: &str, lang: Lang) -> String {
    let mut uses: Vec<&str> = Vec::new();
    for need in NEEDS.iter().filter(|n| n.clause == clause) {
        let u = need.used_for.get(lang);
        if !uses.contains(&u) {
            uses.push(u);
        }
    }
    uses.join(if lang == Lang::Fr { " ; " } else { "; " })
}

/// L009 for every need a library no longer meets. A clause with
/// `computed = false` is exempt: the checks that depend on it are skipped.
pub(super) fn check(library: &BTreeMap<String, Loaded<Clause>>, lang: Lang) -> Vec<FileReport> {
    let mut by_clause: BTreeMap<&str, Vec<Diagnostic>> = BTreeMap::new();
    // A list reported once, or optional and left out, is not looked at again
    // through its sub-fields.
    let mut passed_over: Vec<(&str, &str)> = Vec::new();
    for loaded in library.values() {
        let clause = &loaded.value;
        if let Some(key) = &clause.computed_key
            && !clauses().contains(&clause.id())
        {
            let id = clause.id();
            by_clause.entry(id).or_default().push(
                Diagnostic::new(
                    Code::LibraryContract,
                    key.span(),
                    tr!(
                        lang,
                        "`computed` n'a pas de sens ici : pacte ne calcule rien avec la clause « {id} »",
                        "`computed` means nothing here: pacte computes nothing with clause `{id}`"
                    ),
                )
                .help(tr!(
                    lang,
                    "retirez `computed` ; seules les clauses que `pacte clauses show` dit calculées l'acceptent",
                    "remove `computed`; only the clauses `pacte clauses show` says are computed take it"
                )),
            );
        }
    }
    for need in NEEDS {
        if let Some((parent, _)) = need.path.rsplit_once('.')
            && passed_over.contains(&(need.clause, parent))
        {
            continue;
        }
        let Some(loaded) = library.get(need.clause) else {
            // Only a library without the bundled clauses (tests) can get here;
            // nothing to point at, and nothing computed.
            continue;
        };
        let clause = &loaded.value;
        if !clause.computed() {
            continue;
        }
        let (clause_id, path, why) = (need.clause, need.path, need.used_for.get(lang));
        let restore = tr!(
            lang,
            "rétablissez ce champ, ou écrivez `computed = false` dans la clause si votre organisation renonce à ces vérifications",
            "restore this field, or write `computed = false` in the clause if your organisation gives up these checks"
        );
        let diagnostic = match need.find(clause) {
            None if need.optional => {
                passed_over.push((need.clause, need.path));
                continue;
            }
            None => Diagnostic::new(
                Code::LibraryContract,
                clause.id.span(),
                tr!(
                    lang,
                    "{clause_id}.{path} manque : pacte en a besoin pour {why}",
                    "{clause_id}.{path} is missing: pacte needs it for {why}"
                ),
            )
            .help(restore),
            Some(field) if !need.kinds.contains(&field.kind) => {
                let mut wanted: Vec<&str> = need.kinds.iter().map(|k| k.describe(lang)).collect();
                wanted.dedup();
                let wanted = wanted.join(if lang == Lang::Fr { " ou " } else { " or " });
                Diagnostic::new(
                    Code::LibraryContract,
                    field.name.span(),
                    tr!(
                        lang,
                        "{clause_id}.{path} n'est plus {wanted} : pacte en a besoin pour {why}",
                        "{clause_id}.{path} is no longer {wanted}: pacte needs it for {why}"
                    ),
                )
                .help(tr!(
                    lang,
                    "rendez-lui son type, ou écrivez `computed = false` dans la clause si votre organisation renonce à ces vérifications",
                    "give it back its type, or write `computed = false` in the clause if your organisation gives up these checks"
                ))
            }
            // A text field takes any words, the recognised ones included.
            Some(field) if field.kind != FieldKind::Choice => continue,
            Some(field) => {
                let missing: Vec<&str> = need
                    .values
                    .iter()
                    .copied()
                    .filter(|v| field.choice(v).is_none())
                    .collect();
                if missing.is_empty() {
                    continue;
                }
                let list = crate::diag::name_list(missing.iter().copied(), lang);
                Diagnostic::new(
                    Code::LibraryContract,
                    field.name.span(),
                    tr!(
                        lang,
                        "{clause_id}.{path} n'offre plus le choix {list} : pacte en a besoin pour {why}",
                        "{clause_id}.{path} no longer offers {list}: pacte needs it for {why}"
                    ),
                )
                .help(tr!(
                    lang,
                    "offrez de nouveau ces choix (leur libellé peut changer), ou écrivez `computed = false` dans la clause",
                    "offer these choices again (their wording may change), or write `computed = false` in the clause"
                ))
            }
        };
        passed_over.push((need.clause, need.path));
        by_clause.entry(need.clause).or_default().push(diagnostic);
    }
    by_clause
        .into_iter()
        .filter_map(|(id, diagnostics)| {
            let source = library.get(id)?.source.clone();
            Some(report(source, diagnostics))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::ClauseLibrary;

    #[test]
    fn the_bundled_library_meets_the_contract() {
        // `load` runs the check; this names what failed if it does not hold.
        let library = ClauseLibrary::bundled(Lang::En).unwrap();
        for need in NEEDS {
            let clause = library.clause(need.clause).unwrap();
            assert!(clause.computed(), "{}", need.clause);
            let field = need.find(clause).unwrap_or_else(|| panic!("{}", need.path));
            assert!(need.kinds.contains(&field.kind), "{}", need.path);
        }
    }

    #[test]
    fn each_path_names_its_parent_first() {
        for need in NEEDS {
            if let Some((parent, _)) = need.path.rsplit_once('.') {
                assert!(
                    NEEDS
                        .iter()
                        .any(|n| n.clause == need.clause && n.path == parent),
                    "{}.{}: the list {parent} is not itself a need",
                    need.clause,
                    need.path
                );
            }
        }
    }
}
