//! Answers the wizard offers as defaults, so that the usual case costs one
//! Enter: the library's `suggested` values (usual notice periods), what
//! follows from answers already given (the governing law from the currency,
//! « la Ville » from « Ville de Lévis », a party's id from its short name).
//! A suggestion is only a default: nothing is written unless accepted.

use super::Wizard;
use crate::lang::Lang;
use crate::library::Field;
use toml_edit::Item;

/// Nouns that open a body's name and make its usual short name, with their
/// article: « Ville de Lévis » → « la Ville ».
const FRENCH_NOUNS: &[(&str, &str)] = &[
    ("Ville", "la"),
    ("Municipalité", "la"),
    ("MRC", "la"),
    ("Commune", "la"),
    ("Région", "la"),
    ("Département", "le"),
    ("Centre", "le"),
    ("Office", "l'"),
    ("Société", "la"),
    ("Corporation", "la"),
    ("Coopérative", "la"),
    ("Association", "l'"),
    ("Fondation", "la"),
    ("Conseil", "le"),
    ("Agence", "l'"),
    ("Ministère", "le"),
    ("Commission", "la"),
    ("Communauté", "la"),
    ("Club", "le"),
    ("Comité", "le"),
    ("Regroupement", "le"),
    ("Table", "la"),
    ("Maison", "la"),
];

/// English nouns, for names in « Noun of Place » form.
const ENGLISH_NOUNS: &[&str] = &[
    "City",
    "Town",
    "Municipality",
    "Township",
    "Village",
    "Region",
    "County",
    "Province",
    "Ministry",
    "Department",
];

/// The usual short name of a body from its legal name, when its form says
/// it: « Ville de Lévis » → « la Ville », « Association des parents de … »
/// → « l'Association », "City of Ottawa" → "the City".
pub fn short_name(name: &str, lang: Lang) -> Option<String> {
    let name = name.trim();
    let first = name.split([' ', '\'', '’']).next()?;
    match lang {
        Lang::Fr => {
            let (noun, article) = FRENCH_NOUNS.iter().find(|(n, _)| *n == first)?;
            // A one-word name (« Ville ») is not a body's name yet.
            (name.len() > first.len()).then(|| match *article {
                "l'" => format!("l'{noun}"),
                a => format!("{a} {noun}"),
            })
        }
        Lang::En => {
            let noun = ENGLISH_NOUNS.iter().find(|n| **n == first)?;
            name[first.len()..]
                .trim_start()
                .starts_with("of ")
                .then(|| format!("the {noun}"))
        }
    }
}

/// A party id from its short name: lower-case letters, digits and dashes,
/// articles dropped (« la Ville » → `ville`, « l'Association » →
/// `association`).
pub fn party_id(short_name: &str) -> Option<String> {
    let words: Vec<String> = short_name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            w.chars()
                .flat_map(char::to_lowercase)
                .map(unaccented)
                .filter(char::is_ascii_alphanumeric)
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .collect();
    let kept: Vec<&String> = words
        .iter()
        .filter(|w| {
            !matches!(
                w.as_str(),
                "la" | "le" | "les" | "l" | "the" | "de" | "du" | "des"
            )
        })
        .collect();
    let id = kept
        .iter()
        .map(|w| w.as_str())
        .collect::<Vec<_>>()
        .join("-");
    let id: String = id.chars().take(40).collect();
    let id = id.trim_end_matches('-').to_string();
    id.starts_with(|c: char| c.is_ascii_lowercase())
        .then_some(id)
}

fn unaccented(c: char) -> char {
    match c {
        'à' | 'â' | 'ä' | 'á' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'î' | 'ï' | 'í' => 'i',
        'ô' | 'ö' | 'ó' => 'o',
        'ù' | 'û' | 'ü' | 'ú' => 'u',
        'ç' => 'c',
        'ÿ' => 'y',
        other => other,
    }
}

impl Wizard<'_> {
    fn header_text(&self, key: &str) -> Option<&str> {
        self.doc
            .get("convention")
            .and_then(|c| c.get(key))
            .and_then(Item::as_str)
    }

    /// The answer offered for a clause's field when it has none: worked out
    /// from the answers given, else the library's usual answer.
    pub(super) fn suggestion(&self, clause: &str, field: &Field) -> Option<Item> {
        let doc_lang = self
            .header_text("language")
            .and_then(Lang::parse)
            .unwrap_or(self.lang);
        let currency = self.currency();
        let derived = match (clause, field.name()) {
            ("dispositions_generales", "governing_law") => match currency.as_str() {
                "CAD" => Some("quebec".to_string()),
                "EUR" => Some("france".to_string()),
                _ => None,
            },
            ("cadre_juridique", "governing_law") => match (currency.as_str(), doc_lang) {
                ("CAD", Lang::Fr) => Some("les lois en vigueur au Québec".to_string()),
                ("CAD", Lang::En) => Some("the laws in force in Quebec".to_string()),
                ("EUR", Lang::Fr) => Some("le droit français".to_string()),
                ("EUR", Lang::En) => Some("French law".to_string()),
                _ => None,
            },
            _ => None,
        };
        derived
            .filter(|v| {
                field.kind != crate::library::FieldKind::Choice || field.choice(v).is_some()
            })
            .map(toml_edit::value)
            .or_else(|| library_suggestion(field))
    }

    /// The answer offered for a party's field: its short name from its
    /// name, its id from its short name (unique among the parties).
    pub(super) fn party_suggestion(&self, index: usize, field: &str) -> Option<String> {
        let doc_lang = self
            .header_text("language")
            .and_then(Lang::parse)
            .unwrap_or(self.lang);
        let party = self
            .doc
            .get("parties")
            .and_then(Item::as_array_of_tables)?
            .get(index)?;
        match field {
            "short_name" => short_name(party.get("name")?.as_str()?, doc_lang),
            "id" => {
                let base = party_id(&self.text_of(party.get("short_name")?)?)?;
                let parties = self.doc.get("parties").and_then(Item::as_array_of_tables)?;
                let taken = |id: &str| {
                    parties
                        .iter()
                        .enumerate()
                        .any(|(i, t)| i != index && t.get("id").and_then(Item::as_str) == Some(id))
                };
                std::iter::once(base.clone())
                    .chain((2..100).map(|n| format!("{base}-{n}")))
                    .find(|id| !taken(id))
            }
            _ => None,
        }
    }
}

/// The library's usual answer for a field, as a TOML item (the header's
/// currency; nothing is guessed from the place).
pub(super) fn library_suggestion(field: &Field) -> Option<Item> {
    let value = field.suggested.as_ref()?.get_ref();
    let literal = format!("x = {value}");
    let doc: toml_edit::DocumentMut = literal.parse().ok()?;
    doc.get("x").cloned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_body_s_usual_short_name_comes_from_its_legal_name() {
        assert_eq!(
            short_name("Ville de Lévis", Lang::Fr).as_deref(),
            Some("la Ville")
        );
        assert_eq!(
            short_name("Association des parents de Sainte-Foy", Lang::Fr).as_deref(),
            Some("l'Association")
        );
        assert_eq!(
            short_name("City of Ottawa", Lang::En).as_deref(),
            Some("the City")
        );
        assert_eq!(short_name("Les Amis du parc", Lang::Fr), None);
        assert_eq!(short_name("Ville", Lang::Fr), None);
        assert_eq!(short_name("Ottawa City Hall", Lang::En), None);
    }

    #[test]
    fn a_party_id_is_made_from_its_short_name() {
        assert_eq!(party_id("la Ville").as_deref(), Some("ville"));
        assert_eq!(party_id("l'Association").as_deref(), Some("association"));
        assert_eq!(party_id("le Centre Élan").as_deref(), Some("centre-elan"));
        assert_eq!(party_id("the City").as_deref(), Some("city"));
        assert_eq!(party_id("« 2 »"), None, "an id starts with a letter");
    }
}
