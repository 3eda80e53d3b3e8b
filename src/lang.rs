//! The two languages pacte speaks, and bilingual text.
//!
//! French is the default: pacte's users are first of all French-speaking
//! coordinators. The interface language follows `--lang`, then `LANG`.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Whether a character is a letter of a right-to-left script (Arabic,
/// Hebrew): the question shaping, line order, Word runs and the
/// transliteration note all ask.
pub fn is_right_to_left(c: char) -> bool {
    matches!(
        unicode_bidi::bidi_class(c),
        unicode_bidi::BidiClass::R | unicode_bidi::BidiClass::AL
    )
}

/// A language pacte writes in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Français.
    #[default]
    Fr,
    /// English.
    En,
}

impl Lang {
    /// Every language, in the order clause texts are written.
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    /// The language code used in files and on the command line.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// The other language: the second column of a bilingual edition.
    pub fn other(self) -> Lang {
        match self {
            Lang::Fr => Lang::En,
            Lang::En => Lang::Fr,
        }
    }

    /// The language's name, in `lang`: « anglais », "French".
    pub fn name_in(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Lang::Fr, Lang::Fr) => "français",
            (Lang::En, Lang::Fr) => "anglais",
            (Lang::Fr, Lang::En) => "French",
            (Lang::En, Lang::En) => "English",
        }
    }

    /// « oui » / « non », "yes" / "no".
    pub fn yes_no(self, b: bool) -> &'static str {
        match (self, b) {
            (Lang::Fr, true) => "oui",
            (Lang::Fr, false) => "non",
            (Lang::En, true) => "yes",
            (Lang::En, false) => "no",
        }
    }

    /// Parses `fr` or `en` (case-insensitive).
    pub fn parse(s: &str) -> Option<Lang> {
        match s.to_ascii_lowercase().as_str() {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language a locale names, if it names French or English.
    pub fn named_by_locale(locale: Option<&str>) -> Option<Lang> {
        let l = locale?.to_ascii_lowercase();
        if l.starts_with("en") {
            Some(Lang::En)
        } else if l.starts_with("fr") {
            Some(Lang::Fr)
        } else {
            None
        }
    }

    /// The interface language from a `LANG`-style locale (`fr_CA.UTF-8`,
    /// `en_US`, `C`): English only when the locale says English, otherwise French.
    pub fn from_locale(locale: Option<&str>) -> Lang {
        match locale {
            Some(l) if l.to_ascii_lowercase().starts_with("en") => Lang::En,
            _ => Lang::Fr,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A text written in both languages, as clause files hold them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub fr: String,
    pub en: String,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Fr => &self.fr,
            Lang::En => &self.en,
        }
    }
}

/// Formats a message in the interface language: `tr!(lang, "fr {x}", "en {x}")`.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $fr:literal, $en:literal $(, $arg:expr)* $(,)?) => {
        match $lang {
            $crate::Lang::Fr => format!($fr $(, $arg)*),
            $crate::Lang::En => format!($en $(, $arg)*),
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_picks_english_only_when_asked() {
        assert_eq!(Lang::from_locale(Some("en_CA.UTF-8")), Lang::En);
        assert_eq!(Lang::from_locale(Some("fr_FR.UTF-8")), Lang::Fr);
        assert_eq!(Lang::from_locale(Some("C")), Lang::Fr);
        assert_eq!(Lang::from_locale(None), Lang::Fr);
    }

    #[test]
    fn tr_formats_in_the_chosen_language() {
        let n = 3;
        assert_eq!(tr!(Lang::Fr, "{n} sièges", "{n} seats"), "3 sièges");
        assert_eq!(tr!(Lang::En, "{n} sièges", "{n} seats"), "3 seats");
    }
}
