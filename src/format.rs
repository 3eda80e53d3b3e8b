//! Dates, amounts and percentages written the way each language writes them.
//!
//! French: « 1er janvier 2027 », « 120 000,00 $ » (narrow no-break spaces as
//! digit separators, no-break space before the symbol). English: "January 1,
//! 2027", "$120,000.00". Month names come from a fixed table, not the locale,
//! so output is the same on every machine.

use crate::lang::Lang;
use chrono::{Datelike, NaiveDate};

pub(crate) const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Narrow no-break space: the French thousands separator.
pub const NNBSP: char = '\u{202f}';
/// No-break space: before a currency symbol or a percent sign in French.
pub const NBSP: char = '\u{a0}';

/// A date in words.
pub fn date(d: NaiveDate, lang: Lang) -> String {
    let month = d.month0() as usize;
    match lang {
        Lang::Fr => {
            let day = if d.day() == 1 {
                "1er".to_string()
            } else {
                d.day().to_string()
            };
            format!("{day} {} {}", MONTHS_FR[month], d.year())
        }
        Lang::En => format!("{} {}, {}", MONTHS_EN[month], d.day(), d.year()),
    }
}

/// An amount in cents, with its currency, in the convention's language.
pub fn money(cents: i64, currency: &str, lang: Lang) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    let (units, hundredths) = (abs / 100, abs % 100);
    match lang {
        Lang::Fr => {
            let n = group(units, NNBSP);
            let symbol = match currency {
                "CAD" | "USD" => "$",
                "EUR" => "€",
                "MAD" => "DH",
                "XOF" => "F CFA",
                other => other,
            };
            let suffix = if currency == "USD" { " US" } else { "" };
            format!("{sign}{n},{hundredths:02}{NBSP}{symbol}{suffix}")
        }
        Lang::En => {
            let n = group(units, ',');
            match currency {
                "CAD" | "USD" => format!("{sign}${n}.{hundredths:02}"),
                "EUR" => format!("{sign}€{n}.{hundredths:02}"),
                other => format!("{sign}{other}{NBSP}{n}.{hundredths:02}"),
            }
        }
    }
}

/// A percentage given in hundredths of a percent.
pub fn percent(hundredths: i64, lang: Lang) -> String {
    let (whole, frac) = (hundredths / 100, (hundredths % 100).abs());
    let number = match (frac, lang) {
        (0, _) => whole.to_string(),
        (f, Lang::Fr) => format!("{whole},{}", format!("{f:02}").trim_end_matches('0')),
        (f, Lang::En) => format!("{whole}.{}", format!("{f:02}").trim_end_matches('0')),
    };
    match lang {
        Lang::Fr => format!("{number}{NBSP}%"),
        Lang::En => format!("{number}%"),
    }
}

/// Items joined for a sentence: « a, b et c », "a, b and c".
pub fn join(items: &[&str], lang: Lang) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => {
            let and = if lang == Lang::Fr { "et" } else { "and" };
            format!("{} {and} {last}", init.join(", "))
        }
    }
}

/// A small number in words, as legal prose writes numbers under ten
/// (« trois ans », "three years"); larger numbers in digits. Masculine in
/// French (« un an »); a feminine noun needs its own wording.
pub fn small_number(n: i64, lang: Lang) -> String {
    const FR: [&str; 10] = [
        "zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf",
    ];
    const EN: [&str; 10] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    ];
    match usize::try_from(n) {
        Ok(i @ 1..=9) => match lang {
            Lang::Fr => FR[i].to_string(),
            Lang::En => EN[i].to_string(),
        },
        _ => n.to_string(),
    }
}

/// An ordinal in words up to ten (« cinquième », "fifth"), else in digits
/// (« 12e », "12th").
pub fn ordinal(n: i64, lang: Lang) -> String {
    const FR: [&str; 11] = [
        "",
        "premier",
        "deuxième",
        "troisième",
        "quatrième",
        "cinquième",
        "sixième",
        "septième",
        "huitième",
        "neuvième",
        "dixième",
    ];
    const EN: [&str; 11] = [
        "", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
        "tenth",
    ];
    match (usize::try_from(n), lang) {
        (Ok(i @ 1..=10), Lang::Fr) => FR[i].to_string(),
        (Ok(i @ 1..=10), Lang::En) => EN[i].to_string(),
        (_, Lang::Fr) => format!("{n}e"),
        (_, Lang::En) => {
            let suffix = match (n % 10, n % 100) {
                (_, 11..=13) => "th",
                (1, _) => "st",
                (2, _) => "nd",
                (3, _) => "rd",
                _ => "th",
            };
            format!("{n}{suffix}")
        }
    }
}

/// A count with the language's digit grouping: « 199 980 », "199,980".
pub fn count(n: usize, lang: Lang) -> String {
    group(n as u64, if lang == Lang::Fr { NNBSP } else { ',' })
}

fn group(mut n: u64, separator: char) -> String {
    let mut groups = Vec::new();
    loop {
        if n < 1000 {
            groups.push(n.to_string());
            break;
        }
        groups.push(format!("{:03}", n % 1000));
        n /= 1000;
    }
    groups.reverse();
    groups.join(&separator.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn small_numbers_and_ordinals_in_words() {
        assert_eq!(small_number(3, Lang::Fr), "trois");
        assert_eq!(small_number(3, Lang::En), "three");
        assert_eq!(small_number(12, Lang::Fr), "12");
        assert_eq!(small_number(0, Lang::En), "0");
        assert_eq!(ordinal(1, Lang::Fr), "premier");
        assert_eq!(ordinal(5, Lang::En), "fifth");
        assert_eq!(ordinal(12, Lang::Fr), "12e");
        assert_eq!(ordinal(11, Lang::En), "11th");
        assert_eq!(ordinal(22, Lang::En), "22nd");
    }

    #[test]
    fn dates_in_words() {
        assert_eq!(date(d(2027, 1, 1), Lang::Fr), "1er janvier 2027");
        assert_eq!(date(d(2027, 8, 15), Lang::Fr), "15 août 2027");
        assert_eq!(date(d(2027, 1, 1), Lang::En), "January 1, 2027");
    }

    #[test]
    fn money_in_each_language() {
        assert_eq!(
            money(12_000_000, "CAD", Lang::Fr),
            "120\u{202f}000,00\u{a0}$"
        );
        assert_eq!(money(12_000_000, "CAD", Lang::En), "$120,000.00");
        assert_eq!(money(150, "EUR", Lang::Fr), "1,50\u{a0}€");
        assert_eq!(
            money(123_456_789, "MAD", Lang::Fr),
            "1\u{202f}234\u{202f}567,89\u{a0}DH"
        );
        assert_eq!(money(123_456_789, "MAD", Lang::En), "MAD\u{a0}1,234,567.89");
        assert_eq!(money(-500, "EUR", Lang::En), "-€5.00");
    }

    #[test]
    fn percentages() {
        assert_eq!(percent(10_000, Lang::En), "100%");
        assert_eq!(percent(3_333, Lang::Fr), "33,33\u{a0}%");
        assert_eq!(percent(1_250, Lang::En), "12.5%");
    }
}
