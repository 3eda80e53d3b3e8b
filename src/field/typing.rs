//! The one function that types a TOML value against a [`Field`]. The
//! checker, the library's own example check and the wizard all go through
//! [`type_table`] / [`type_value`], so a value accepted in one place is
//! accepted everywhere.

use super::editions::Texts;
use super::value::{Record, Spanned, Value};
use super::{Field, FieldKind};
use crate::diag::{Code, Diagnostic};
use crate::lang::Lang;
use crate::source::Span;
use crate::suggest::did_you_mean;
use crate::tr;
use chrono::{Datelike, NaiveDate};
use toml::de::{DeTable, DeValue};

/// Where diagnostics go while typing, and in which language.
pub struct Typer<'a> {
    pub lang: Lang,
    pub diagnostics: &'a mut Vec<Diagnostic>,
    /// Which language's text a free-text answer gives, and which it must
    /// have.
    pub editions: super::Editions,
}

impl Typer<'_> {
    fn push(&mut self, d: Diagnostic) {
        self.diagnostics.push(d);
    }
}

/// Types every key of `table` against `fields`: unknown keys, wrong types and
/// missing required fields become diagnostics; valid values are kept.
/// `path` names the table in messages (`clauses.audit`).
pub fn type_table(
    fields: &[Field],
    table: &DeTable<'_>,
    span: Span,
    path: &str,
    t: &mut Typer<'_>,
) -> Record {
    let lang = t.lang;
    let mut record = Record {
        span: span.clone(),
        fields: Vec::new(),
    };
    for (key, value) in table.iter() {
        let name = key.get_ref().as_ref();
        let Some(field) = fields.iter().find(|f| f.name() == name) else {
            let known: Vec<&str> = fields.iter().map(Field::name).collect();
            t.push(unknown_key(name, key.span(), path, &known, lang));
            continue;
        };
        let here = format!("{path}.{name}");
        if let Some(v) = type_value(field, value.get_ref(), value.span(), &here, t) {
            record.fields.push((name.to_string(), v));
        }
    }
    for field in fields.iter().filter(|f| f.required) {
        if table.get(field.name()).is_none() {
            t.push(missing_field(field, &span, path, None, lang));
        }
    }
    record
}

/// The diagnostic for a key no field declares.
pub fn unknown_key(name: &str, span: Span, path: &str, known: &[&str], lang: Lang) -> Diagnostic {
    let d = Diagnostic::new(
        Code::UnknownKey,
        span,
        tr!(
            lang,
            "clé inconnue « {name} » dans `{path}`",
            "unknown key `{name}` in `{path}`"
        ),
    );
    let suggestion = did_you_mean(name, known.iter().copied());
    match suggestion {
        Some(s) => d.suggest(suggestion, lang).help(tr!(
            lang,
            "remplacez « {name} » par « {s} »",
            "replace `{name}` with `{s}`"
        )),
        None => d.help(tr!(
            lang,
            "clés permises ici : {}",
            "keys allowed here: {}",
            crate::diag::name_list(known.iter().copied(), lang)
        )),
    }
}

/// Why a field is required when the field alone does not say so: in the
/// file's terms (`renewal = true`) and in the wizard's (« Renouvellement
/// tacite » vaut « oui »).
pub struct Why {
    pub in_file: String,
    pub in_words: String,
}

/// The diagnostic for a required field that is absent. `why` adds the reason
/// when the requirement is conditional or comes from the profile.
pub fn missing_field(
    field: &Field,
    span: &Span,
    path: &str,
    why: Option<&Why>,
    lang: Lang,
) -> Diagnostic {
    let name = field.name();
    let prompt = field.prompt(lang);
    let because = why.map(|w| format!(" ({})", w.in_file)).unwrap_or_default();
    let because_plain = why
        .map(|w| format!(" ({})", w.in_words))
        .unwrap_or_default();
    let example = field
        .example
        .as_ref()
        .map(|e| format!("{name} = {}", inline(e.get_ref())));
    let help = match example {
        Some(ex) => tr!(
            lang,
            "{prompt} — par exemple : {ex}",
            "{prompt} — for example: {ex}"
        ),
        None => prompt.to_string(),
    };
    let label = field.label(lang);
    Diagnostic::new(
        Code::MissingField,
        span.clone(),
        tr!(
            lang,
            "champ obligatoire « {name} » absent de `{path}`{because}",
            "required field `{name}` is missing from `{path}`{because}"
        ),
    )
    .help(help)
    .plain(
        tr!(
            lang,
            "il manque une réponse : « {label} »{because_plain}",
            "an answer is missing: “{label}”{because_plain}"
        ),
        tr!(
            lang,
            "répondez à la question « {prompt} »",
            "answer the question “{prompt}”"
        ),
    )
}

/// A TOML value on one line, for help texts.
fn inline(v: &toml::Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 70 {
        let cut: String = s.chars().take(67).collect();
        format!("{cut}…")
    } else {
        s
    }
}

/// Checks a value written as a TOML literal (`2027-01-01`, `"texte"`,
/// `[{ a = 1 }]`) against a field: how the library checks its examples and
/// the wizard checks answers, with the same code as `pacte check`.
pub fn check_literal(field: &Field, literal: &str, lang: Lang) -> Result<(), Diagnostic> {
    let text = format!("x = {}", literal.trim());
    let parsed = DeTable::parse(&text)
        .map_err(|e| Diagnostic::new(Code::TomlSyntax, e.span(), e.message().trim().to_string()))?;
    let Some(value) = parsed.get_ref().get("x") else {
        return Ok(());
    };
    let mut diagnostics = Vec::new();
    let mut typer = Typer {
        lang,
        diagnostics: &mut diagnostics,
        editions: super::Editions::default(),
    };
    type_value(
        field,
        value.get_ref(),
        value.span(),
        field.name(),
        &mut typer,
    );
    diagnostics.into_iter().next().map_or(Ok(()), Err)
}

/// A free-text answer in the edition's language: not empty, and of the
/// field's format (an id, an email) when it has one.
fn type_text(
    field: &Field,
    s: &str,
    span: Span,
    path: &str,
    t: &mut Typer<'_>,
) -> Option<Spanned<Value>> {
    let lang = t.lang;
    if s.trim().is_empty() {
        return empty(field, span, path, t);
    }
    if let Some(format) = field.format.filter(|f| !f.accepts(s)) {
        let wanted = format.describe(lang);
        let shown = crate::diag::shorten(s, 40);
        t.push(
            Diagnostic::new(
                Code::WrongType,
                span,
                tr!(
                    lang,
                    "`{path}` vaut « {shown} », qui n'est pas {wanted}",
                    "`{path}` is “{shown}”, which is not {wanted}"
                ),
            )
            .help(match format {
                crate::field::TextFormat::Id => tr!(
                    lang,
                    "par exemple : ville, cs-2, club_plein_air",
                    "for example: city, cs-2, outdoor_club"
                ),
                crate::field::TextFormat::Email => tr!(
                    lang,
                    "par exemple : loisirs@ville.example",
                    "for example: recreation@city.example"
                ),
            }),
        );
        return None;
    }
    Some(Spanned {
        value: Value::Text(s.to_string()),
        span,
    })
}

/// Types one value. Returns `None` (after a diagnostic) when it is not valid.
pub fn type_value(
    field: &Field,
    value: &DeValue<'_>,
    span: Span,
    path: &str,
    t: &mut Typer<'_>,
) -> Option<Spanned<Value>> {
    let lang = t.lang;
    // A text in one language or several: the edition's, then typed as text.
    if matches!(field.kind, FieldKind::Text | FieldKind::LongText) {
        match super::editions::localized(
            field,
            value,
            &span,
            path,
            &t.editions,
            lang,
            t.diagnostics,
        ) {
            Texts::Text(text, at) => return type_text(field, &text, at, path, t),
            Texts::Reported => return None,
            Texts::NotText => {}
        }
    }
    let typed = match (field.kind, value) {
        (FieldKind::TextList, DeValue::Array(items)) => {
            let mut out = Vec::new();
            for item in items.iter() {
                let localized = super::editions::localized(
                    field,
                    item.get_ref(),
                    &item.span(),
                    path,
                    &t.editions,
                    lang,
                    t.diagnostics,
                );
                match localized {
                    Texts::Text(s, at) if !s.trim().is_empty() => out.push(Spanned {
                        value: s.into_owned(),
                        span: at,
                    }),
                    Texts::Text(..) => {
                        empty(field, item.span(), path, t);
                    }
                    Texts::Reported => {}
                    Texts::NotText => {
                        t.push(wrong_type(field, item.get_ref(), item.span(), path, lang))
                    }
                }
            }
            if out.is_empty() && field.required {
                return empty(field, span, path, t);
            }
            Value::TextList(out)
        }
        (FieldKind::Boolean, DeValue::Boolean(b)) => Value::Bool(*b),
        (FieldKind::Date, DeValue::Datetime(dt)) => Value::Date(date(dt, span.clone(), path, t)?),
        (FieldKind::Integer, DeValue::Integer(i)) => {
            let Ok(n) = i64::from_str_radix(i.as_str(), i.radix()) else {
                return range(
                    span,
                    tr!(
                        lang,
                        "le nombre `{path}` est trop grand",
                        "the number `{path}` is too large"
                    ),
                    field,
                    t,
                );
            };
            if let Some(min) = field.min.filter(|&m| n < m) {
                return range(
                    span,
                    tr!(
                        lang,
                        "`{path}` vaut {n}, sous le minimum de {min}",
                        "`{path}` is {n}, below the minimum of {min}"
                    ),
                    field,
                    t,
                );
            }
            if let Some(max) = field.max.filter(|&m| n > m) {
                return range(
                    span,
                    tr!(
                        lang,
                        "`{path}` vaut {n}, au-dessus du maximum de {max}",
                        "`{path}` is {n}, above the maximum of {max}"
                    ),
                    field,
                    t,
                );
            }
            Value::Integer(n)
        }
        (FieldKind::Money | FieldKind::Percentage, DeValue::Integer(_) | DeValue::Float(_)) => {
            let text = match value {
                DeValue::Integer(i) if i.radix() == 10 => i.as_str().to_string(),
                DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix())
                    .map(|n| n.to_string())
                    .unwrap_or_default(),
                DeValue::Float(f) => f.as_str().to_string(),
                _ => String::new(),
            };
            let scaled = match parse_hundredths(&text) {
                Ok(n) => n,
                Err(DecimalError::TooPrecise) => {
                    return range(
                        span,
                        tr!(
                            lang,
                            "`{path}` a plus de deux décimales",
                            "`{path}` has more than two decimals"
                        ),
                        field,
                        t,
                    );
                }
                Err(DecimalError::Invalid) => {
                    return range(
                        span,
                        tr!(
                            lang,
                            "`{path}` n'est pas un nombre fini",
                            "`{path}` is not a finite number"
                        ),
                        field,
                        t,
                    );
                }
            };
            if scaled < 0 {
                return range(
                    span,
                    tr!(
                        lang,
                        "`{path}` est négatif ({text})",
                        "`{path}` is negative ({text})"
                    ),
                    field,
                    t,
                );
            }
            if field.kind == FieldKind::Percentage {
                if scaled > 10_000 {
                    return range(
                        span,
                        tr!(
                            lang,
                            "`{path}` vaut {text}\u{a0}%, au-delà de 100\u{a0}%",
                            "`{path}` is {text}%, above 100%"
                        ),
                        field,
                        t,
                    );
                }
                Value::Percentage(scaled)
            } else {
                Value::Money(scaled)
            }
        }
        (FieldKind::Party, DeValue::String(s)) => {
            if s.trim().is_empty() {
                return empty(field, span, path, t);
            }
            Value::Party(s.to_string())
        }
        (FieldKind::Parties, DeValue::Array(items)) => {
            let mut out = Vec::new();
            for item in items.iter() {
                match item.get_ref() {
                    DeValue::String(s) => out.push(Spanned {
                        value: s.to_string(),
                        span: item.span(),
                    }),
                    other => t.push(wrong_type(field, other, item.span(), path, lang)),
                }
            }
            Value::Parties(out)
        }
        (FieldKind::Choice, DeValue::String(s)) => {
            if field.choice(s).is_none() {
                t.push(unknown_choice(field, s, span, path, lang));
                return None;
            }
            Value::Choice(s.to_string())
        }
        (FieldKind::Record, DeValue::Table(table)) => {
            Value::Record(type_table(&field.fields, table, span.clone(), path, t))
        }
        (FieldKind::Records, DeValue::Array(items)) => {
            let mut out = Vec::new();
            for (i, item) in items.iter().enumerate() {
                let here = format!("{path}[{}]", i + 1);
                match item.get_ref() {
                    DeValue::Table(table) => {
                        out.push(type_table(&field.fields, table, item.span(), &here, t))
                    }
                    other => t.push(wrong_type(field, other, item.span(), &here, lang)),
                }
            }
            if out.is_empty() && field.required {
                return empty(field, span, path, t);
            }
            Value::Records(out)
        }
        (_, other) => {
            t.push(wrong_type(field, other, span, path, lang));
            return None;
        }
    };
    Some(Spanned { value: typed, span })
}

fn empty(field: &Field, span: Span, path: &str, t: &mut Typer<'_>) -> Option<Spanned<Value>> {
    let lang = t.lang;
    if field.required {
        let prompt = field.prompt(lang);
        t.push(
            Diagnostic::new(
                Code::MissingField,
                span,
                tr!(
                    lang,
                    "le champ obligatoire `{path}` est vide",
                    "required field `{path}` is empty"
                ),
            )
            .help(prompt.to_string()),
        );
    }
    None
}

fn range(span: Span, message: String, field: &Field, t: &mut Typer<'_>) -> Option<Spanned<Value>> {
    let lang = t.lang;
    let help = match field.kind {
        FieldKind::Money => tr!(
            lang,
            "un montant est positif ou nul, avec au plus deux décimales : 450000 ou 450000.50",
            "an amount is zero or more, with at most two decimals: 450000 or 450000.50"
        ),
        FieldKind::Percentage => tr!(
            lang,
            "un pourcentage va de 0 à 100, avec au plus deux décimales",
            "a percentage goes from 0 to 100, with at most two decimals"
        ),
        _ => match (field.min, field.max) {
            (Some(min), Some(max)) => tr!(
                lang,
                "donnez un nombre entre {min} et {max}",
                "give a number between {min} and {max}"
            ),
            _ => field.help(lang).to_string(),
        },
    };
    t.push(Diagnostic::new(Code::OutOfRange, span, message).help(help));
    None
}

/// The years a convention's dates may fall in: earlier or later dates are
/// typing slips (year 0, 20277), and render as nonsense ("January 1, 0").
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

fn date(
    dt: &toml::value::Datetime,
    span: Span,
    path: &str,
    t: &mut Typer<'_>,
) -> Option<NaiveDate> {
    let lang = t.lang;
    let day = dt.date.filter(|_| dt.time.is_none() && dt.offset.is_none());
    let parsed = day.and_then(|d| {
        NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
    });
    let (message, help) = match parsed {
        Some(d) if YEARS.contains(&d.year()) => return Some(d),
        Some(d) => {
            let (first, last, year) = (YEARS.start(), YEARS.end(), d.year());
            (
                tr!(
                    lang,
                    "`{path}` tombe en {year}, hors de la plage permise ({first} à {last})",
                    "`{path}` falls in {year}, outside the accepted range ({first} to {last})"
                ),
                tr!(
                    lang,
                    "vérifiez l'année : une faute de frappe ?",
                    "check the year: a typing slip?"
                ),
            )
        }
        None => {
            let only = dt
                .date
                .map(|d| d.to_string())
                .unwrap_or_else(|| "2027-01-01".into());
            (
                tr!(
                    lang,
                    "`{path}` doit être une date sans heure, mais vaut {dt}",
                    "`{path}` must be a date without a time, but is {dt}"
                ),
                tr!(
                    lang,
                    "écrivez seulement la date : {only}",
                    "write the date alone: {only}"
                ),
            )
        }
    };
    t.push(Diagnostic::new(Code::InvalidDate, span, message).help(help));
    None
}

/// The diagnostic for a value of the wrong TOML type, with a help line that
/// fixes the usual mistakes (quoted dates and amounts, a lone text for a list).
pub fn wrong_type(
    field: &Field,
    found: &DeValue<'_>,
    span: Span,
    path: &str,
    lang: Lang,
) -> Diagnostic {
    let expected = field.kind.describe(lang);
    let found_name = toml_type_name(found, lang);
    let message = tr!(
        lang,
        "`{path}` doit être {expected}, mais c'est {found_name}",
        "`{path}` must be {expected}, but it is {found_name}"
    );
    let help = match (field.kind, found) {
        (FieldKind::Date, DeValue::String(s)) => match looks_like_date(s, lang) {
            Some(iso) => tr!(
                lang,
                "écrivez la date au format TOML, sans guillemets : {iso}",
                "write the date in TOML form, without quotes: {iso}"
            ),
            None => tr!(
                lang,
                "écrivez la date au format AAAA-MM-JJ, sans guillemets : 2027-01-01",
                "write the date as YYYY-MM-DD, without quotes: 2027-01-01"
            ),
        },
        (FieldKind::Money | FieldKind::Percentage | FieldKind::Integer, DeValue::String(s)) => {
            let digits: String = s
                .chars()
                .filter(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
                .collect::<String>()
                .replace(',', ".");
            let digits = if digits.is_empty() {
                "450000".to_string()
            } else {
                digits
            };
            tr!(
                lang,
                "écrivez le nombre sans guillemets, espaces ni symbole : {digits}",
                "write the number without quotes, spaces or symbols: {digits}"
            )
        }
        (FieldKind::TextList | FieldKind::Parties, DeValue::String(s)) => {
            tr!(
                lang,
                "mettez la valeur entre crochets : [\"{s}\"]",
                "put the value in brackets: [\"{s}\"]"
            )
        }
        (FieldKind::Text | FieldKind::LongText | FieldKind::Party | FieldKind::Choice, _) => {
            tr!(
                lang,
                "mettez la valeur entre guillemets",
                "put the value in quotes"
            )
        }
        _ => field.help(lang).to_string(),
    };
    Diagnostic::new(Code::WrongType, span, message).help(help)
}

/// A TOML value's type, with its article, in the interface language.
pub fn toml_type_name(value: &DeValue<'_>, lang: Lang) -> &'static str {
    match (value, lang) {
        (DeValue::String(_), Lang::Fr) => "un texte",
        (DeValue::String(_), Lang::En) => "a text",
        (DeValue::Integer(_), Lang::Fr) => "un nombre entier",
        (DeValue::Integer(_), Lang::En) => "a whole number",
        (DeValue::Float(_), Lang::Fr) => "un nombre décimal",
        (DeValue::Float(_), Lang::En) => "a decimal number",
        (DeValue::Boolean(_), Lang::Fr) => "un booléen",
        (DeValue::Boolean(_), Lang::En) => "a boolean",
        (DeValue::Datetime(_), Lang::Fr) => "une date",
        (DeValue::Datetime(_), Lang::En) => "a date",
        (DeValue::Array(_), Lang::Fr) => "une liste",
        (DeValue::Array(_), Lang::En) => "a list",
        (DeValue::Table(_), Lang::Fr) => "une table",
        (DeValue::Table(_), Lang::En) => "a table",
    }
}

fn unknown_choice(field: &Field, value: &str, span: Span, path: &str, lang: Lang) -> Diagnostic {
    let values: Vec<&str> = field.choices.iter().map(|c| c.value.as_str()).collect();
    let quoted: Vec<String> = values.iter().map(|v| format!("\"{v}\"")).collect();
    let list = crate::diag::name_list(quoted.iter().map(String::as_str), lang);
    let d = Diagnostic::new(
        Code::UnknownChoice,
        span,
        tr!(
            lang,
            "« {value} » n'est pas un choix permis pour `{path}`",
            "`{value}` is not an allowed choice for `{path}`"
        ),
    );
    let d = d.suggest(did_you_mean(value, values.iter().copied()), lang);
    d.help(tr!(
        lang,
        "choix permis : {list}",
        "allowed choices: {list}"
    ))
}

/// The ISO form of a date written as a text, read as the wizard reads it
/// (`1/1/2027` day first; in English only when unambiguous).
fn looks_like_date(s: &str, lang: Lang) -> Option<String> {
    super::date_text::read_date(s, lang)
        .ok()
        .map(|d| d.format("%Y-%m-%d").to_string())
}

enum DecimalError {
    TooPrecise,
    Invalid,
}

/// Parses a TOML number's text into hundredths, exactly (no float rounding).
fn parse_hundredths(text: &str) -> Result<i64, DecimalError> {
    let text = text.trim();
    if text.contains(['e', 'E']) || text.contains("inf") || text.contains("nan") {
        let x: f64 = text.parse().map_err(|_| DecimalError::Invalid)?;
        let scaled = x * 100.0;
        if !scaled.is_finite() || scaled.abs() > 9.0e15 {
            return Err(DecimalError::Invalid);
        }
        if (scaled - scaled.round()).abs() > 1e-6 {
            return Err(DecimalError::TooPrecise);
        }
        return Ok(scaled.round() as i64);
    }
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let (whole, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let frac = frac.trim_end_matches('0');
    if frac.len() > 2 {
        return Err(DecimalError::TooPrecise);
    }
    let whole: i64 = whole.parse().map_err(|_| DecimalError::Invalid)?;
    let frac: i64 = format!("{frac:0<2}")
        .parse()
        .map_err(|_| DecimalError::Invalid)?;
    let n = whole
        .checked_mul(100)
        .and_then(|w| w.checked_add(frac))
        .ok_or(DecimalError::Invalid)?;
    Ok(if negative { -n } else { n })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hundredths(s: &str) -> Option<i64> {
        parse_hundredths(s).ok()
    }

    #[test]
    fn decimals_are_parsed_exactly() {
        assert_eq!(hundredths("450000"), Some(45_000_000));
        assert_eq!(hundredths("0.1"), Some(10));
        assert_eq!(hundredths("33.33"), Some(3333));
        assert_eq!(hundredths("12.50"), Some(1250));
        assert_eq!(hundredths("-3"), Some(-300));
        assert_eq!(hundredths("1e3"), Some(10_0000));
        assert!(hundredths("1.005").is_none());
        assert!(hundredths("inf").is_none());
        assert!(hundredths("99999999999999999999").is_none());
    }

    #[test]
    fn common_date_spellings_are_recognised() {
        let fr = |s| looks_like_date(s, Lang::Fr);
        assert_eq!(fr("1/1/2027").as_deref(), Some("2027-01-01"));
        assert_eq!(fr("31/12/2027").as_deref(), Some("2027-12-31"));
        assert_eq!(fr("2027/03/04").as_deref(), Some("2027-03-04"));
        assert_eq!(fr("3 janvier 2027").as_deref(), Some("2027-01-03"));
        assert_eq!(fr("30/2/2027"), None);
        assert_eq!(fr("janvier"), None);
        assert_eq!(
            looks_like_date("3/1/2027", Lang::En),
            None,
            "ambiguous in English"
        );
    }
}
