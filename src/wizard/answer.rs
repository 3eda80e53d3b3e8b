//! Reading what a person types: amounts, percentages and dates written the
//! way the interface language writes them, refused when a reading is
//! ambiguous, and echoed back in words right after the answer so that a
//! misreading is seen at once (« 450 000,00 $ », "January 3, 2027").

use crate::format;
use crate::lang::Lang;
use crate::library::FieldKind;
use crate::tr;
use chrono::{Datelike, NaiveDate};
use toml_edit::Value;

pub use crate::field::date_text::read_date as parse_date;

/// Turns what a person typed into a TOML value of the field's type.
pub fn parse_answer(kind: FieldKind, input: &str, lang: Lang) -> Result<Value, String> {
    let input = input.trim();
    match kind {
        FieldKind::Date => {
            let date = parse_date(input, lang)?;
            let d = toml_edit::Date {
                year: u16::try_from(date.year()).unwrap_or(0),
                month: date.month() as u8,
                day: date.day() as u8,
            };
            Ok(Value::from(toml_edit::Datetime {
                date: Some(d),
                time: None,
                offset: None,
            }))
        }
        FieldKind::Integer => input
            .replace([' ', '\u{a0}', '\u{202f}'], "")
            .parse::<i64>()
            .map(Value::from)
            .map_err(|_| {
                tr!(
                    lang,
                    "nombre entier attendu, par exemple 5",
                    "a whole number is expected, for example 5"
                )
            }),
        FieldKind::Money | FieldKind::Percentage => {
            let hundredths = parse_amount(input, lang)?;
            Ok(if hundredths % 100 == 0 {
                Value::from(hundredths / 100)
            } else {
                // Two decimals at most, so the shortest float text is exact.
                let text = format!(
                    "{}{}.{:02}",
                    if hundredths < 0 { "-" } else { "" },
                    hundredths.unsigned_abs() / 100,
                    hundredths.unsigned_abs() % 100
                );
                Value::from(text.parse::<f64>().map_err(|e| e.to_string())?)
            })
        }
        _ => Ok(Value::from(input)),
    }
}

/// What an accepted answer means, in words, to show right after it:
/// « 450 000,00 $ », « 3 janvier 2027 », « 12,5 % ». `None` for text.
pub fn echo(kind: FieldKind, value: &Value, currency: &str, lang: Lang) -> Option<String> {
    match kind {
        FieldKind::Date => {
            let d = value.as_datetime()?.date?;
            let date =
                NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))?;
            Some(format::date(date, lang))
        }
        FieldKind::Money | FieldKind::Percentage => {
            let hundredths = match value {
                Value::Integer(i) => i.value().checked_mul(100)?,
                Value::Float(f) => (f.value() * 100.0).round() as i64,
                _ => return None,
            };
            Some(if kind == FieldKind::Money {
                format::money(hundredths, currency, lang)
            } else {
                format::percent(hundredths, lang)
            })
        }
        _ => None,
    }
}

/// An amount in hundredths, read by the interface language's conventions:
/// in French `450 000,50 $`, `450000,50`, `450000.50`; in English
/// `450,000.50`, `$450,000`, `450 000`. Spaces group digits in both. A form
/// that each language reads differently is refused with the reason: `1,200`
/// in French (one point two, or twelve hundred?), `450,5` in English,
/// `450.000` in French.
pub fn parse_amount(input: &str, lang: Lang) -> Result<i64, String> {
    let example = || {
        tr!(
            lang,
            "par exemple 450 000 ou 450 000,50",
            "for example 450,000 or 450,000.50"
        )
    };
    let mut s: String = input
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '$' | '€' | '%'))
        .collect();
    for code in ["CAD", "USD", "EUR", "DH", "US"] {
        if let Some(rest) = s.strip_suffix(code) {
            s = rest.to_string();
        }
        if let Some(rest) = s.strip_prefix(code) {
            s = rest.to_string();
        }
    }
    let (negative, digits) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s.as_str()),
    };
    if digits.is_empty()
        || !digits
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        return Err(tr!(
            lang,
            "nombre attendu, {}",
            "a number is expected, {}",
            example()
        ));
    }
    let (decimal, grouping) = match lang {
        Lang::Fr => (',', '.'),
        Lang::En => ('.', ','),
    };
    let separators = || {
        tr!(
            lang,
            "« {input} » : en français, la virgule marque les cents et les milliers se séparent par une espace ; écrivez 450 000 ou 450 000,50",
            "`{input}`: in English a comma groups thousands by three (450,000) and a period marks the cents (450,000.50)"
        )
    };
    if digits.matches(decimal).count() > 1 {
        return Err(separators());
    }
    // A French answer may use the dot for cents (`450000.50`) when it holds
    // no comma and is not followed by exactly three digits (`450.000` reads
    // as four hundred and fifty thousand in Europe).
    let (whole, cents) = if lang == Lang::Fr && !digits.contains(',') && digits.contains('.') {
        let (w, f) = digits.rsplit_once('.').unwrap_or((digits, ""));
        if f.len() == 3 || w.contains('.') {
            return Err(format!(
                "« {input} » est ambigu : le point sépare-t-il les milliers ou les cents ? Écrivez 450 000 ou 450 000,50"
            ));
        }
        (w, Some(f))
    } else {
        match digits.rsplit_once(decimal) {
            Some((w, f)) => (w, Some(f)),
            None => (digits, None),
        }
    };
    if let Some(f) = cents {
        if f.contains(grouping) || f.contains(decimal) {
            return Err(tr!(
                lang,
                "nombre attendu, {}",
                "a number is expected, {}",
                example()
            ));
        }
        if f.is_empty() || f.len() > 2 {
            return Err(tr!(
                lang,
                "un montant a au plus deux décimales (les cents) : « {input} »",
                "an amount has at most two decimals (the cents): `{input}`"
            ));
        }
    }
    // The grouping mark, where the language has one, must group by three.
    if whole.contains(grouping) {
        let groups: Vec<&str> = whole.split(grouping).collect();
        let well_formed = groups.first().is_some_and(|g| (1..=3).contains(&g.len()))
            && groups.iter().skip(1).all(|g| g.len() == 3);
        if lang == Lang::Fr || !well_formed {
            return Err(separators());
        }
    }
    let whole: String = whole.chars().filter(|c| *c != grouping).collect();
    if whole.is_empty() {
        return Err(tr!(
            lang,
            "nombre attendu, {}",
            "a number is expected, {}",
            example()
        ));
    }
    let units: i64 = whole.parse().map_err(|_| {
        tr!(
            lang,
            "« {input} » est un nombre trop grand",
            "`{input}` is too large a number"
        )
    })?;
    let cents: i64 = match cents {
        Some(f) if f.len() == 1 => f.parse::<i64>().unwrap_or(0) * 10,
        Some(f) => f.parse().unwrap_or(0),
        None => 0,
    };
    let total = units
        .checked_mul(100)
        .and_then(|u| u.checked_add(cents))
        .ok_or_else(|| {
            tr!(
                lang,
                "« {input} » est un nombre trop grand",
                "`{input}` is too large a number"
            )
        })?;
    Ok(if negative { -total } else { total })
}

/// A yes-or-no answer as typed: « o », « oui », « n », « non » in French,
/// "y", "yes", "n", "no" in English (case and spaces ignored); empty takes
/// the default. `None` for anything else, so the question is asked again
/// rather than a stray key answering it.
pub fn yes_no(input: &str, default: bool, lang: Lang) -> Option<bool> {
    let answer = input.trim().to_lowercase();
    let (yes, no): (&[&str], &[&str]) = match lang {
        Lang::Fr => (&["o", "oui"], &["n", "non"]),
        Lang::En => (&["y", "yes"], &["n", "no"]),
    };
    if answer.is_empty() {
        Some(default)
    } else if yes.contains(&answer.as_str()) {
        Some(true)
    } else if no.contains(&answer.as_str()) {
        Some(false)
    } else {
        None
    }
}

/// The hint after a yes-or-no question, the default in capitals: « [O/n] ».
pub fn yes_no_hint(default: bool, lang: Lang) -> &'static str {
    match (lang, default) {
        (Lang::Fr, true) => "[O/n]",
        (Lang::Fr, false) => "[o/N]",
        (Lang::En, true) => "[Y/n]",
        (Lang::En, false) => "[y/N]",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yes_and_no_in_each_language() {
        assert_eq!(yes_no("o", false, Lang::Fr), Some(true));
        assert_eq!(yes_no(" Oui ", false, Lang::Fr), Some(true));
        assert_eq!(yes_no("non", true, Lang::Fr), Some(false));
        assert_eq!(yes_no("", true, Lang::Fr), Some(true));
        assert_eq!(yes_no("y", false, Lang::Fr), None, "French asks for o/n");
        assert_eq!(yes_no("yes", false, Lang::En), Some(true));
        assert_eq!(yes_no("o", false, Lang::En), None);
        assert_eq!(yes_no_hint(true, Lang::Fr), "[O/n]");
        assert_eq!(yes_no_hint(false, Lang::En), "[y/N]");
    }

    #[test]
    fn amounts_are_read_by_the_interface_language() {
        let en = |s: &str| parse_amount(s, Lang::En);
        let fr = |s: &str| parse_amount(s, Lang::Fr);
        assert_eq!(en("450,000"), Ok(45_000_000));
        assert_eq!(en("$1,200,000"), Ok(120_000_000));
        assert_eq!(en("450,000.50"), Ok(45_000_050));
        assert_eq!(en("450 000"), Ok(45_000_000));
        assert_eq!(en("$450,000 CAD"), Ok(45_000_000));
        assert_eq!(en("12.5"), Ok(1250));
        assert!(en("450,5").unwrap_err().contains("comma groups thousands"));
        assert!(en("45,00").is_err());
        assert!(en("1,2345").is_err());
        assert_eq!(fr("450 000,50 $"), Ok(45_000_050));
        assert_eq!(fr("450000,50"), Ok(45_000_050));
        assert_eq!(fr("450\u{202f}000,5\u{a0}$"), Ok(45_000_050));
        assert_eq!(fr("450000.50"), Ok(45_000_050));
        assert!(fr("450.000").unwrap_err().contains("ambigu"));
        assert!(fr("1.200.000").is_err());
        assert!(
            fr("1,200,000")
                .unwrap_err()
                .contains("virgule marque les cents")
        );
        assert!(fr("12,345").is_err(), "three decimals");
        assert!(fr("douze").is_err());
        assert!(fr("").is_err());
        assert!(
            en("99999999999999999999")
                .unwrap_err()
                .contains("too large")
        );
    }

    #[test]
    fn accepted_amounts_and_dates_are_echoed_in_words() {
        let v = parse_answer(FieldKind::Money, "450,000", Lang::En).unwrap();
        assert_eq!(v.as_integer(), Some(450_000), "not 450.0");
        assert_eq!(
            echo(FieldKind::Money, &v, "CAD", Lang::En).as_deref(),
            Some("$450,000.00")
        );
        let v = parse_answer(FieldKind::Money, "450 000,50 $", Lang::Fr).unwrap();
        assert_eq!(v.to_string().trim(), "450000.5");
        assert_eq!(
            echo(FieldKind::Money, &v, "CAD", Lang::Fr).as_deref(),
            Some("450\u{202f}000,50\u{a0}$")
        );
        let v = parse_answer(FieldKind::Date, "3/1/2027", Lang::Fr).unwrap();
        assert_eq!(
            echo(FieldKind::Date, &v, "CAD", Lang::Fr).as_deref(),
            Some("3 janvier 2027")
        );
        let v = parse_answer(FieldKind::Percentage, "12,5 %", Lang::Fr).unwrap();
        assert_eq!(
            echo(FieldKind::Percentage, &v, "CAD", Lang::Fr).as_deref(),
            Some("12,5\u{a0}%")
        );
    }
}
