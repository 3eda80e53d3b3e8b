//! The registry of diagnostic codes: stable identifiers, slugs, default
//! severities, and (in `codes.toml`) the explanation `pacte explain` prints.
//!
//! Codes never change meaning once published; a retired code is not reused.
//! `P0xx` codes are findings in a convention; `L0xx` codes are defects in a
//! clause library.

use super::Severity;
use crate::lang::{Lang, Text};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;

macro_rules! codes {
    ($($variant:ident = $code:literal, $slug:literal, $sev:ident;)*) => {
        /// A stable diagnostic code.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Code { $($variant,)* }

        impl Code {
            /// Every code, in registry order.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The code as written in output and configuration (`P051`).
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $code,)* }
            }

            /// A kebab-case name, accepted wherever a code is.
            pub fn slug(self) -> &'static str {
                match self { $(Code::$variant => $slug,)* }
            }

            /// The severity used unless configuration says otherwise.
            pub fn default_severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$sev,)* }
            }
        }
    };
}

codes! {
    TomlSyntax = "P001", "toml-syntax", Error;
    NotUtf8 = "P002", "not-utf8", Error;
    FileTooLarge = "P003", "file-too-large", Error;
    UnreadableFile = "P004", "unreadable-file", Error;
    LimitExceeded = "P005", "limit-exceeded", Error;
    OutdatedFormat = "P006", "outdated-format", Error;
    FormatTooNew = "P007", "format-too-new", Error;
    UnknownKey = "P010", "unknown-key", Error;
    WrongType = "P011", "wrong-type", Error;
    MissingField = "P012", "missing-field", Error;
    UnknownChoice = "P013", "unknown-choice", Error;
    OutOfRange = "P014", "out-of-range", Error;
    InvalidDate = "P015", "invalid-date", Error;
    UnknownProfile = "P017", "unknown-profile", Error;
    UnknownClause = "P018", "unknown-clause", Error;
    ClauseOutsideProfile = "P019", "clause-outside-profile", Warning;
    MissingClause = "P020", "missing-clause", Error;
    AdvisedMissing = "P021", "advised-missing", Warning;
    DuplicateParty = "P030", "duplicate-party", Error;
    UnknownParty = "P031", "unknown-party", Error;
    TooFewParties = "P032", "too-few-parties", Error;
    NoPublicParty = "P033", "no-public-party", Warning;
    NoNonPublicParty = "P034", "no-non-public-party", Warning;
    PartyWithoutObligations = "P035", "party-without-obligations", Warning;
    PartyWithoutContact = "P036", "party-without-contact", Error;
    DuplicateShortName = "P037", "duplicate-short-name", Error;
    DateOrder = "P040", "date-order", Error;
    DateOutsideTerm = "P041", "date-outside-term", Error;
    TermTooShort = "P042", "term-too-short", Warning;
    TermTooLong = "P043", "term-too-long", Error;
    TermMissing = "P044", "term-missing", Error;
    TermConflict = "P045", "term-conflict", Error;
    NoticeExceedsTerm = "P046", "notice-exceeds-term", Warning;
    EvaluationOnlyAtEnd = "P047", "evaluation-only-at-end", Warning;
    BoardMajority = "P050", "board-majority", Warning;
    QuorumSingleParty = "P051", "quorum-single-party", Error;
    QuorumExceedsSeats = "P052", "quorum-exceeds-seats", Error;
    QuorumBelowMajority = "P053", "quorum-below-majority", Warning;
    VoteWithoutConsensus = "P054", "vote-without-consensus", Warning;
    PartyWithoutSeat = "P055", "party-without-seat", Warning;
    BoardGenderShare = "P056", "board-gender-share", Note;
    BoardTie = "P057", "board-tie", Warning;
    CoverageIncomplete = "P060", "coverage-incomplete", Error;
    ContributionsMismatch = "P070", "contributions-mismatch", Error;
    BudgetLinesMismatch = "P071", "budget-lines-mismatch", Error;
    SharesNotHundred = "P072", "shares-not-hundred", Error;
    DeficitUncapped = "P073", "deficit-uncapped", Warning;
    CarryOverWholeTerm = "P074", "carry-over-whole-term", Warning;
    PaymentsMismatch = "P075", "payments-mismatch", Error;
    SubsidyUnaudited = "P076", "subsidy-unaudited", Warning;
    UnitPricesMismatch = "P077", "unit-prices-mismatch", Warning;
    DefinedTermForm = "P078", "defined-term-form", Warning;
    MissingMandate = "P080", "missing-mandate", Error;
    PlaceholderText = "P081", "placeholder-text", Error;
    Undrawable = "P082", "undrawable-character", Error;
    HiddenCharacter = "P083", "hidden-character", Error;
    CheckSkipped = "P084", "check-skipped", Note;
    UntranslatedAnswer = "P085", "untranslated-answer", Error;
    PrevailingVersion = "P086", "prevailing-version", Error;
    BlankLineIgnored = "P087", "blank-line-ignored", Warning;
    ParagraphsDiffer = "P088", "paragraphs-differ", Error;
    InsuranceMissing = "P090", "insurance-missing", Error;
    BackgroundChecksMissing = "P091", "background-checks-missing", Error;
    WithdrawalMissing = "P092", "withdrawal-missing", Warning;
    RetentionTooShort = "P093", "retention-too-short", Error;
    AppropriationsMissing = "P094", "appropriations-missing", Warning;
    IgnoredAnswer = "P095", "ignored-answer", Warning;
    FrenchLanguageCharter = "P096", "french-language-charter", Note;
    TransliterationSuggested = "P097", "transliteration-suggested", Note;
    TranslationByAdministration = "P098", "translation-by-administration", Note;
    CashPaysWithoutCash = "P099", "cash-pays-without-cash", Error;
    LibrarySyntax = "L001", "library-syntax", Error;
    LibrarySchema = "L002", "library-schema", Error;
    LibraryDuplicate = "L003", "library-duplicate", Error;
    FieldIncomplete = "L004", "field-incomplete", Error;
    LibraryUnknownReference = "L005", "library-unknown-reference", Error;
    ProfileCycle = "L006", "profile-cycle", Error;
    InvalidExample = "L007", "invalid-example", Error;
    IdMismatch = "L008", "id-mismatch", Error;
    LibraryContract = "L009", "library-contract", Error;
}

impl Code {
    /// Finds a code by its identifier (`P051`, any case) or its slug.
    pub fn parse(s: &str) -> Option<Code> {
        Code::ALL
            .iter()
            .copied()
            .find(|c| c.as_str().eq_ignore_ascii_case(s) || c.slug() == s)
    }

    /// Whether this code means the file could not be read as a convention at all
    /// (exit code 2 rather than 1).
    pub fn is_fatal(self) -> bool {
        matches!(
            self,
            Code::TomlSyntax
                | Code::NotUtf8
                | Code::FileTooLarge
                | Code::UnreadableFile
                | Code::LimitExceeded
                | Code::OutdatedFormat
                | Code::FormatTooNew
        ) || self.is_library()
    }

    /// Whether this code reports a defect in a clause library.
    pub fn is_library(self) -> bool {
        self.as_str().starts_with('L')
    }

    /// The documentation of this code.
    pub fn explanation(self) -> &'static Explanation {
        // Every code has an entry: the `every_code_is_documented` test holds it.
        &explanations()[self.as_str()]
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a code means, why it matters and how to fix it, in both languages.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Explanation {
    pub summary: Text,
    pub why: Text,
    pub fix: Text,
}

impl Explanation {
    /// The explanation as plain text, for `pacte explain`.
    pub fn render(&self, code: Code, lang: Lang) -> String {
        let (why, fix) = match lang {
            Lang::Fr => ("Pourquoi", "Comment corriger"),
            Lang::En => ("Why it matters", "How to fix it"),
        };
        let severity = code.default_severity().name(lang);
        format!(
            "{code} {slug} ({severity})\n\n{summary}\n\n{why}\n  {w}\n\n{fix}\n  {f}\n",
            slug = code.slug(),
            summary = self.summary.get(lang),
            w = self.why.get(lang).trim().replace('\n', "\n  "),
            f = self.fix.get(lang).trim().replace('\n', "\n  "),
        )
    }
}

#[allow(
    clippy::expect_used,
    reason = "compiled-in data, parsed by the every_code_is_documented test"
)]
fn explanations() -> &'static BTreeMap<String, Explanation> {
    static TABLE: OnceLock<BTreeMap<String, Explanation>> = OnceLock::new();
    TABLE.get_or_init(|| {
        // The table is compiled in and covered by tests; it cannot fail at run time.
        toml::from_str(include_str!("codes.toml")).expect("src/diag/codes.toml is valid")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn every_code_is_documented_and_nothing_else() {
        let documented: BTreeSet<&str> = explanations().keys().map(String::as_str).collect();
        let registered: BTreeSet<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(documented, registered);
        for code in Code::ALL {
            let e = code.explanation();
            for lang in Lang::ALL {
                assert!(!e.summary.get(lang).is_empty(), "{code} summary {lang}");
                assert!(!e.why.get(lang).is_empty(), "{code} why {lang}");
                assert!(!e.fix.get(lang).is_empty(), "{code} fix {lang}");
            }
        }
    }

    #[test]
    fn codes_and_slugs_are_unique_and_parse_back() {
        let mut seen = BTreeSet::new();
        for &code in Code::ALL {
            assert!(seen.insert(code.as_str()), "duplicate {code}");
            assert!(seen.insert(code.slug()), "duplicate slug {}", code.slug());
            assert_eq!(Code::parse(code.as_str()), Some(code));
            assert_eq!(Code::parse(&code.as_str().to_lowercase()), Some(code));
            assert_eq!(Code::parse(code.slug()), Some(code));
        }
        assert_eq!(Code::parse("P999"), None);
    }
}
