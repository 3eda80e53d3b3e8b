//! Dates as people write them — `2027-01-03`, `2027/01/03`, `3/1/2027`,
//! `3 janvier 2027`, `January 3, 2027` — read one way only: the wizard reads
//! answers with it and `pacte check` suggests the ISO form of a quoted date
//! with it, so both understand the same things.

use super::YEARS;
use crate::lang::Lang;
use crate::tr;
use chrono::{Datelike, NaiveDate};

const MONTHS: [(&str, &str, &str); 12] = [
    ("janvier", "january", "jan"),
    ("février", "february", "feb"),
    ("mars", "march", "mar"),
    ("avril", "april", "apr"),
    ("mai", "may", "may"),
    ("juin", "june", "jun"),
    ("juillet", "july", "jul"),
    ("août", "august", "aug"),
    ("septembre", "september", "sep"),
    ("octobre", "october", "oct"),
    ("novembre", "november", "nov"),
    ("décembre", "december", "dec"),
];

fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches(['.', ',']).to_lowercase();
    let w = w
        .replace("fevrier", "février")
        .replace("aout", "août")
        .replace("decembre", "décembre");
    MONTHS
        .iter()
        .position(|(fr, en, abbr)| w == *fr || w == *en || w == *abbr)
        .and_then(|i| u32::try_from(i + 1).ok())
}

/// A date as a person types it: `2027-01-03` always; a month in words in
/// either language (`3 janvier 2027`, `1er mars 2027`, `January 3, 2027`,
/// `3 January 2027`); digits day first (`3/1/2027`) — in French always, in
/// English only when no month-first reading exists, since `3/1/2027` is
/// March 1 to many English readers. Years outside [`YEARS`] are refused.
pub fn read_date(s: &str, lang: Lang) -> Result<NaiveDate, String> {
    let invalid = || {
        tr!(
            lang,
            "date invalide : écrivez 2027-01-03, 3/1/2027 (jour/mois/année) ou 3 janvier 2027",
            "invalid date: write 2027-01-03 or 3 January 2027"
        )
    };
    let s = s.trim();
    let date = if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        d
    } else if let Some(d) = words_date(s) {
        d
    } else {
        let parts: Vec<&str> = s.split(['/', '-', '.']).collect();
        let ([d, m, y], year_first) = match parts.as_slice() {
            // `2027/03/04`: the year first reads one way only.
            [y, m, d] if y.len() == 4 => ([*d, *m, *y], true),
            [d, m, y] => ([*d, *m, *y], false),
            _ => return Err(invalid()),
        };
        let (Ok(d), Ok(m), Ok(y)) = (d.parse::<u32>(), m.parse::<u32>(), y.parse::<i32>()) else {
            return Err(invalid());
        };
        let both_readings = NaiveDate::from_ymd_opt(y, m, d).is_some()
            && NaiveDate::from_ymd_opt(y, d, m).is_some();
        if lang == Lang::En && !year_first && both_readings && d != m {
            let month = |n: u32| capitalize(MONTHS[(n as usize).saturating_sub(1).min(11)].1);
            return Err(format!(
                "`{s}` is ambiguous: {} {d} or {} {m}? Write {y:04}-{m:02}-{d:02} or {d} {} {y}",
                month(m),
                month(d),
                month(m)
            ));
        }
        NaiveDate::from_ymd_opt(y, m, d).ok_or_else(invalid)?
    };
    if !YEARS.contains(&date.year()) {
        let (first, last) = (YEARS.start(), YEARS.end());
        return Err(tr!(
            lang,
            "l'année {} est hors de la plage permise ({first} à {last}) ; vérifiez la date",
            "the year {} is outside the accepted range ({first} to {last}); check the date",
            date.year()
        ));
    }
    Ok(date)
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// `3 janvier 2027`, `1er mars 2027`, `January 3, 2027`, `3 January 2027`.
fn words_date(s: &str) -> Option<NaiveDate> {
    let words: Vec<&str> = s.split_whitespace().collect();
    let [a, b, c] = words.as_slice() else {
        return None;
    };
    let day = |w: &str| -> Option<u32> {
        w.trim_end_matches(',')
            .trim_end_matches("er")
            .trim_end_matches("st")
            .trim_end_matches("nd")
            .trim_end_matches("rd")
            .trim_end_matches("th")
            .parse()
            .ok()
    };
    let year: i32 = c.parse().ok()?;
    let (d, m) = match month_number(a) {
        Some(m) => (day(b)?, m),
        None => (day(a)?, month_number(b)?),
    };
    NaiveDate::from_ymd_opt(year, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_day_first_only_when_unambiguous_in_english() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(read_date("3/1/2027", Lang::Fr), Ok(d(2027, 1, 3)));
        let err = read_date("3/1/2027", Lang::En).unwrap_err();
        assert!(
            err.contains("ambiguous") && err.contains("2027-01-03"),
            "{err}"
        );
        assert_eq!(read_date("13/1/2027", Lang::En), Ok(d(2027, 1, 13)));
        assert!(
            read_date("0/5/2027", Lang::En)
                .unwrap_err()
                .starts_with("invalid date")
        );
        assert_eq!(read_date("1/1/2027", Lang::En), Ok(d(2027, 1, 1)));
        assert_eq!(read_date("2027-03-04", Lang::En), Ok(d(2027, 3, 4)));
        assert_eq!(read_date("January 3, 2027", Lang::En), Ok(d(2027, 1, 3)));
        assert_eq!(read_date("3 January 2027", Lang::En), Ok(d(2027, 1, 3)));
        assert_eq!(read_date("1er mars 2027", Lang::Fr), Ok(d(2027, 3, 1)));
        assert_eq!(read_date("3 février 2027", Lang::Fr), Ok(d(2027, 2, 3)));
        assert!(read_date("30/2/2027", Lang::Fr).is_err());
        for year in ["0000-01-01", "0001-01-01", "1/1/1899", "2201-01-01"] {
            let err = read_date(year, Lang::En).unwrap_err();
            assert!(
                err.contains("1900 to 2200") || err.contains("invalid"),
                "{year}: {err}"
            );
        }
        assert!(
            read_date("0001-01-01", Lang::Fr)
                .unwrap_err()
                .contains("1900 à 2200")
        );
    }

    #[test]
    fn the_year_may_come_first_with_any_separator() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        for lang in [Lang::Fr, Lang::En] {
            assert_eq!(read_date("2027/03/04", lang), Ok(d(2027, 3, 4)));
            assert_eq!(read_date("2027.03.04", lang), Ok(d(2027, 3, 4)));
        }
    }
}
