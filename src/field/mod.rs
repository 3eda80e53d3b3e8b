//! Fields: what a clause (or the convention header, or a party) asks for and
//! of what type, and the answers typed against them.
//!
//! This module sits below both the clause library (which checks its examples
//! with it) and the convention (which types its answers with it), so neither
//! depends on the other through it.

pub mod date_text;
mod editions;
mod typing;
mod value;

pub use editions::Editions;
pub use typing::{
    Typer, Why, YEARS, check_literal, missing_field, toml_type_name, type_table, type_value,
    unknown_key, wrong_type,
};
pub use value::{Cents, Hundredths, Record, Spanned, Value};

use crate::lang::{Lang, Text};
use serde::Deserialize;

/// The type of a field's answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldKind {
    /// A short text on one line.
    Text,
    /// A paragraph or more.
    LongText,
    /// A list of short texts.
    TextList,
    Boolean,
    /// A calendar date, written as a TOML date (`2027-01-01`).
    Date,
    Integer,
    /// A percentage from 0 to 100, up to two decimals.
    Percentage,
    /// An amount in the convention's currency, up to two decimals, never negative.
    Money,
    /// The id of a declared party.
    Party,
    /// A list of party ids.
    Parties,
    /// One value among `choices`.
    Choice,
    /// One table with typed sub-fields (`fields`).
    Record,
    /// A list of tables with typed sub-fields (`fields`), such as board seats.
    Records,
}

impl FieldKind {
    /// How the type is described to a user, e.g. in a wrong-type message.
    pub fn describe(self, lang: Lang) -> &'static str {
        use FieldKind::*;
        match (self, lang) {
            (Text | LongText, Lang::Fr) => "un texte entre guillemets",
            (Text | LongText, Lang::En) => "a text in quotes",
            (TextList, Lang::Fr) => "une liste de textes, [\"…\", \"…\"]",
            (TextList, Lang::En) => "a list of texts, [\"…\", \"…\"]",
            (Boolean, Lang::Fr) => "true ou false",
            (Boolean, Lang::En) => "true or false",
            (Date, Lang::Fr) => "une date AAAA-MM-JJ sans guillemets",
            (Date, Lang::En) => "a date YYYY-MM-DD without quotes",
            (Integer, Lang::Fr) => "un nombre entier",
            (Integer, Lang::En) => "a whole number",
            (Percentage, Lang::Fr) => "un pourcentage (nombre de 0 à 100)",
            (Percentage, Lang::En) => "a percentage (number from 0 to 100)",
            (Money, Lang::Fr) => "un montant (nombre sans guillemets ni symbole)",
            (Money, Lang::En) => "an amount (number without quotes or symbol)",
            (Party, Lang::Fr) => "l'identifiant d'une partie, entre guillemets",
            (Party, Lang::En) => "a party id, in quotes",
            (Parties, Lang::Fr) => "une liste d'identifiants de parties",
            (Parties, Lang::En) => "a list of party ids",
            (Choice, Lang::Fr) => "l'un des choix permis, entre guillemets",
            (Choice, Lang::En) => "one of the allowed choices, in quotes",
            (Record, Lang::Fr) => "une table { clé = valeur, … }",
            (Record, Lang::En) => "a table { key = value, … }",
            (Records, Lang::Fr) => "une liste de tables [[…]]",
            (Records, Lang::En) => "a list of tables [[…]]",
        }
    }

    /// Whether this type holds sub-fields.
    pub fn has_subfields(self) -> bool {
        matches!(self, FieldKind::Record | FieldKind::Records)
    }
}

/// A shape a short text must have, checked as it is typed and by `check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TextFormat {
    /// An identifier clauses refer to: lower-case letters, digits, `-`, `_`.
    Id,
    /// An email address.
    Email,
}

impl TextFormat {
    /// Whether `text` has the shape.
    pub fn accepts(self, text: &str) -> bool {
        match self {
            TextFormat::Id => {
                !text.is_empty()
                    && text.len() <= 40
                    && text.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit())
                    && text.chars().all(|c| {
                        c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_'
                    })
            }
            TextFormat::Email => match text.split_once('@') {
                Some((local, domain)) => {
                    !local.is_empty()
                        && !domain.contains('@')
                        && domain.contains('.')
                        && !domain.starts_with('.')
                        && !domain.ends_with('.')
                        && !text.chars().any(char::is_whitespace)
                }
                None => false,
            },
        }
    }

    /// What the shape is, for a refusal.
    pub fn describe(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (TextFormat::Id, Lang::Fr) => {
                "un identifiant : lettres minuscules sans accent, chiffres, - et _, sans espace"
            }
            (TextFormat::Id, Lang::En) => {
                "an id: lower-case letters without accents, digits, - and _, no spaces"
            }
            (TextFormat::Email, Lang::Fr) => "une adresse de courriel, comme nom@exemple.org",
            (TextFormat::Email, Lang::En) => "an email address, such as name@example.org",
        }
    }
}

/// One allowed value of a choice field, with its wording in each language.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub value: String,
    pub fr: String,
    pub en: String,
}

impl Choice {
    pub fn label(&self, lang: Lang) -> &str {
        match lang {
            Lang::Fr => &self.fr,
            Lang::En => &self.en,
        }
    }
}

/// A field a clause asks for.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Field {
    pub name: toml::Spanned<String>,
    #[serde(rename = "type")]
    pub kind: FieldKind,
    #[serde(default)]
    pub required: bool,
    /// The wizard's question.
    pub prompt: Option<Text>,
    /// What the field is called in a document (« Préavis de retrait »): how
    /// a clause without a template of its own reads as prose.
    pub label: Option<Text>,
    /// A sentence for the generic template, `{}` standing for the answer
    /// (« Le préavis de retrait est de {} jours. »). Takes precedence over
    /// the label.
    pub sentence: Option<Text>,
    /// What a good answer looks like, shown on demand.
    pub help: Option<Text>,
    /// A model answer, checked against the field's own type when loaded.
    pub example: Option<toml::Spanned<toml::Value>>,
    /// The usual answer (a notice period of 90 days), offered by the wizard
    /// as the question's default; checked like the example. Never put in a
    /// convention unless the person accepts it.
    pub suggested: Option<toml::Spanned<toml::Value>>,
    #[serde(default)]
    pub choices: Vec<Choice>,
    /// For a short text: the shape it must have.
    pub format: Option<TextFormat>,
    /// Bounds for integers.
    pub min: Option<i64>,
    pub max: Option<i64>,
    /// Whether an answer is written in each language of the convention
    /// (default true). `false` for proper names, addresses and numbers,
    /// kept as written in every edition.
    #[serde(default = "yes")]
    pub translate: bool,
    /// For dates: must fall within the convention's term (default true).
    #[serde(default = "yes")]
    pub in_term: bool,
    /// For a long text its template prints as paragraphs of their own: a
    /// blank line in the answer starts a new numbered paragraph, so that a
    /// long rule can be cited by number. Elsewhere a blank line would cut a
    /// sentence or a table, so it is read as a space (and `P087` says so).
    #[serde(default)]
    pub paragraphs: bool,
    /// Sub-fields of a record or of each record of a list.
    #[serde(default)]
    pub fields: Vec<Field>,
}

/// The paragraphs of a long text: the runs of text between blank lines. A
/// line is blank when nothing on it can be seen: whitespace, and the
/// characters that draw nothing (a zero-width space, a soft hyphen, a
/// byte-order mark, a blank braille cell), which would otherwise make a
/// numbered paragraph that looks empty. A field declared `paragraphs`
/// prints each run as a numbered paragraph.
pub fn paragraphs(text: &str) -> impl Iterator<Item = String> + '_ {
    let blank = |line: &str| line.chars().all(|c| c.is_whitespace() || draws_nothing(c));
    let (mut runs, mut run) = (Vec::new(), String::new());
    for line in text.lines() {
        if !blank(line) {
            run.push_str(line);
            run.push('\n');
        } else if !run.is_empty() {
            runs.push(std::mem::take(&mut run));
        }
    }
    runs.extend((!run.is_empty()).then_some(run));
    runs.into_iter()
}

/// A character that is not whitespace yet draws nothing.
fn draws_nothing(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200D}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2800}'
            | '\u{3164}'
            | '\u{FEFF}'
            | '\u{FFA0}'
    )
}

fn yes() -> bool {
    true
}

impl Field {
    pub fn name(&self) -> &str {
        self.name.get_ref()
    }

    pub fn subfield(&self, name: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.name() == name)
    }

    pub fn choice(&self, value: &str) -> Option<&Choice> {
        self.choices.iter().find(|c| c.value == value)
    }

    /// The prompt in a language, or the field's name when it has none.
    pub fn prompt(&self, lang: Lang) -> &str {
        self.prompt.as_ref().map_or(self.name(), |t| t.get(lang))
    }

    /// The field's name in a document: its label, else its prompt without
    /// the question mark.
    pub fn label(&self, lang: Lang) -> &str {
        match &self.label {
            Some(label) => label.get(lang),
            None => self
                .prompt(lang)
                .trim_end_matches(['?', ' ', '\u{a0}', ':', '…']),
        }
    }

    pub fn help(&self, lang: Lang) -> &str {
        self.help.as_ref().map_or("", |t| t.get(lang))
    }
}

#[cfg(test)]
mod tests {
    use super::TextFormat;

    #[test]
    fn ids_and_emails_have_their_shape() {
        assert!(TextFormat::Id.accepts("ville"));
        assert!(TextFormat::Id.accepts("cs-2"));
        assert!(!TextFormat::Id.accepts("la ville"));
        assert!(!TextFormat::Id.accepts("Ville"));
        assert!(!TextFormat::Id.accepts("école"));
        assert!(TextFormat::Email.accepts("loisirs@saint-aurele.example"));
        assert!(!TextFormat::Email.accepts("loisirs@localhost"));
        assert!(!TextFormat::Email.accepts("a b@c.org"));
        assert!(!TextFormat::Email.accepts("@c.org"));
    }
}
