//! The convention file: reading it, and typing it against the clause library.
//!
//! A convention is a TOML file with three top-level keys: `[convention]` (the
//! header), `[[parties]]` and `[clauses.<id>]`. Loading never panics and never
//! stops at the first problem: every key is typed, and everything wrong becomes
//! a spanned [`Diagnostic`]. What is valid is kept in a [`Convention`] for the
//! consistency checks.

use crate::diag::{Code, Diagnostic};
use crate::field::{self, Record, Spanned, Typer, Value, type_table};
use crate::lang::Lang;
use crate::library::ClauseLibrary;
use crate::source::{SourceFile, Span};
use crate::suggest::did_you_mean;
use crate::tr;
use chrono::{Months, NaiveDate};
use std::collections::BTreeMap;
use toml::de::{DeTable, DeValue};

/// The largest convention file pacte reads (a real one is a few tens of KB).
pub const MAX_FILE_BYTES: usize = 4 * 1024 * 1024;

/// The most parties a convention may name (P005).
pub const MAX_PARTIES: usize = 100;

/// The most entries in any one list: board seats, budget lines, recitals (P005).
pub const MAX_LIST_ITEMS: usize = 1_000;

/// The most tables (headers and inline tables) a convention file may hold
/// (P005). A convention has a few dozen; the TOML parser spends about a
/// kilobyte on each, so this bounds memory before parsing.
pub const MAX_TABLES: usize = 20_000;

/// The most keys a convention file may hold (P005), for the same reason.
pub const MAX_KEYS: usize = 100_000;

/// Sectors that count as public (for the public/non-public balance, the
/// appropriations rule, and sentences about the public body).
pub const PUBLIC_SECTORS: [&str; 2] = [PUBLIC_ADMINISTRATION, "parapublic"];

/// The sector of municipalities, regional county municipalities and
/// ministries (« secteur public »), as opposed to health and education
/// institutions: the one whose subsidies municipal law governs.
pub const PUBLIC_ADMINISTRATION: &str = "public";

/// The currency of a convention that names none: the Canadian dollar, as the
/// bundled library was written for Quebec first.
pub const DEFAULT_CURRENCY: &str = "CAD";

/// A convention, typed. Values that failed their checks are absent.
#[derive(Clone, Debug, Default)]
pub struct Convention {
    /// `[convention]`.
    pub header: Record,
    /// Each `[[parties]]` entry.
    pub parties: Vec<Record>,
    /// Each `[clauses.<id>]` table naming a known clause, in file order.
    pub clauses: Vec<ClauseAnswers>,
    /// The profile named by `kind`, when the library has it.
    pub profile: Option<String>,
}

/// The answers to one clause.
#[derive(Clone, Debug)]
pub struct ClauseAnswers {
    pub id: String,
    pub answers: Record,
}

impl Convention {
    pub fn clause(&self, id: &str) -> Option<&Record> {
        self.clauses.iter().find(|c| c.id == id).map(|c| &c.answers)
    }

    /// The language the convention is written in (French when not given).
    pub fn language(&self) -> Lang {
        self.header
            .text("language")
            .and_then(Lang::parse)
            .unwrap_or_default()
    }

    /// The editions the convention promises (`languages`), with where it
    /// promises them; empty when it promises none beyond its own language.
    pub fn editions(&self) -> Option<Spanned<Vec<Lang>>> {
        let languages = self.header.get("languages")?;
        let Value::TextList(items) = &languages.value else {
            return None;
        };
        let mut langs: Vec<Lang> = items.iter().filter_map(|l| Lang::parse(&l.value)).collect();
        langs.sort_by_key(|l| l.code());
        langs.dedup();
        Some(Spanned {
            value: langs,
            span: languages.span.clone(),
        })
    }

    /// Whether the convention promises editions in both languages.
    pub fn is_bilingual(&self) -> bool {
        self.editions().is_some_and(|e| {
            Lang::ALL
                .iter()
                .all(|l| e.value.contains(l) || *l == self.language())
        })
    }

    /// The currency amounts are in: the header's, else [`DEFAULT_CURRENCY`].
    pub fn currency(&self) -> &str {
        self.header.text("currency").unwrap_or(DEFAULT_CURRENCY)
    }

    pub fn effective_date(&self) -> Option<Spanned<NaiveDate>> {
        self.header.typed("effective_date", Value::as_date)
    }

    /// The last day of the term: `end_date`, or the day before the anniversary
    /// `duration_months` after the effective date.
    pub fn end_date(&self) -> Option<Spanned<NaiveDate>> {
        self.header.typed("end_date", Value::as_date).or_else(|| {
            let months = self.header.typed("duration_months", Value::as_integer)?;
            let end = end_from_duration(self.effective_date()?.value, months.value)?;
            Some(Spanned {
                value: end,
                span: months.span,
            })
        })
    }

    /// Every declared party id with its span, in file order.
    pub fn party_ids(&self) -> impl Iterator<Item = Spanned<&str>> {
        self.parties.iter().filter_map(|p| {
            let v = p.get("id")?;
            Some(Spanned {
                value: p.text("id")?,
                span: v.span.clone(),
            })
        })
    }

    /// The byte range of each clause in the source text, by clause id: from
    /// its table's header to the next clause's, or to `end`. How the wizard
    /// and the review notes tell which findings belong to a clause.
    pub fn clause_regions(&self, end: usize) -> BTreeMap<String, std::ops::Range<usize>> {
        let mut starts: Vec<(usize, &str)> = self
            .clauses
            .iter()
            .map(|c| (c.answers.span.start, c.id.as_str()))
            .collect();
        starts.sort();
        starts
            .iter()
            .enumerate()
            .map(|(i, (start, id))| {
                (
                    id.to_string(),
                    *start..starts.get(i + 1).map_or(end, |n| n.0),
                )
            })
            .collect()
    }

    /// Whether the party `id` belongs to the public sector.
    pub fn is_public(&self, id: &str) -> bool {
        self.sector(id).is_some_and(|s| PUBLIC_SECTORS.contains(&s))
    }

    /// A party's sector as written, if the party and its answer exist.
    fn sector(&self, id: &str) -> Option<&str> {
        self.party(id).and_then(|p| p.text("sector"))
    }

    /// Whether the party is a municipality, a regional county municipality
    /// or a ministry, not a health or education institution.
    pub fn is_public_administration(&self, id: &str) -> bool {
        self.sector(id) == Some(PUBLIC_ADMINISTRATION)
    }

    pub fn party(&self, id: &str) -> Option<&Record> {
        self.parties.iter().find(|p| p.text("id") == Some(id))
    }
}

/// The last day of a term of `months` starting on `start`.
pub fn end_from_duration(start: NaiveDate, months: i64) -> Option<NaiveDate> {
    let months = u32::try_from(months).ok()?;
    start.checked_add_months(Months::new(months))?.pred_opt()
}

/// Decodes a file's bytes: size limit, UTF-8, and a leading byte-order mark
/// (accepted and dropped). The error is the diagnostic to report.
pub fn decode(bytes: Vec<u8>, lang: Lang) -> Result<String, Box<Undecodable>> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(Box::new(Undecodable::whole(too_large(
            bytes.len() as u64,
            lang,
        ))));
    }
    let mut text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            // Show the bad byte in context: everything before it decodes exactly.
            let lossy = String::from_utf8_lossy(e.as_bytes()).into_owned();
            let d = Diagnostic::new(
                Code::NotUtf8,
                at..at + '\u{fffd}'.len_utf8(),
                tr!(lang, "le fichier n'est pas en UTF-8 (octet invalide à la position {at})", "the file is not UTF-8 (invalid byte at offset {at})"),
            )
            .label(tr!(lang, "ce caractère n'est pas de l'UTF-8", "this character is not UTF-8"))
            .help(tr!(lang, "réenregistrez le fichier en UTF-8 depuis votre éditeur (il est peut-être en Latin-1 ou Windows-1252)", "save the file again as UTF-8 from your editor (it may be Latin-1 or Windows-1252)"));
            return Err(Box::new(Undecodable {
                diagnostic: d,
                lossy_text: Some(lossy),
            }));
        }
    };
    if text.starts_with('\u{feff}') {
        text.drain(..3);
    }
    Ok(text)
}

/// The diagnostic for a file over [`MAX_FILE_BYTES`].
pub fn too_large(len: u64, lang: Lang) -> Diagnostic {
    let mib = len as f64 / (1024.0 * 1024.0);
    let max = MAX_FILE_BYTES / (1024 * 1024);
    // A device or a growing file may report less than was read.
    let message = if len > MAX_FILE_BYTES as u64 {
        tr!(
            lang,
            "le fichier fait {mib:.1} Mio ; une convention est limitée à {max} Mio",
            "the file is {mib:.1} MiB; an agreement is limited to {max} MiB"
        )
    } else {
        tr!(
            lang,
            "le fichier dépasse {max} Mio, la limite d'une convention",
            "the file is over {max} MiB, the limit for an agreement"
        )
    };
    Diagnostic::new(Code::FileTooLarge, None, message).help(tr!(
        lang,
        "vérifiez que c'est bien le fichier de la convention",
        "check that this is the agreement's file"
    ))
}

/// Bytes that are not a convention's text, with what can be shown of them.
#[derive(Debug)]
pub struct Undecodable {
    pub diagnostic: Diagnostic,
    /// The text with invalid bytes replaced, for showing the line at fault.
    pub lossy_text: Option<String>,
}

impl Undecodable {
    fn whole(diagnostic: Diagnostic) -> Undecodable {
        Undecodable {
            diagnostic,
            lossy_text: None,
        }
    }
}

/// P005 when the text holds more tables or keys than any convention would,
/// counted from the TOML tokens (no allocation) before the parser builds a
/// tree for them: 200,000 tables would take the parser 200 MB.
pub fn too_many_nodes(text: &str, lang: Lang) -> Option<Diagnostic> {
    use toml_parser::lexer::TokenKind;
    // Bytes first: every table opens with `[` or `{` and every key has its
    // `=`, so when the raw counts are within the limits the tokens are too,
    // and the usual file is not lexed twice.
    let bytes = text.as_bytes();
    let brackets = bytes.iter().filter(|&&b| b == b'[' || b == b'{').count();
    let equals = bytes.iter().filter(|&&b| b == b'=').count();
    if brackets <= MAX_TABLES && equals <= MAX_KEYS {
        return None;
    }
    let (mut tables, mut keys) = (0usize, 0usize);
    // A `[` is a table header when it opens a line; elsewhere, an array.
    let mut line_start = true;
    for token in toml_parser::Source::new(text).lex() {
        let kind = token.kind();
        match kind {
            TokenKind::LeftSquareBracket if line_start => tables += 1,
            TokenKind::LeftCurlyBracket => tables += 1,
            TokenKind::Equals => keys += 1,
            _ => {}
        }
        let (max, what_fr, what_en) = if tables > MAX_TABLES {
            (MAX_TABLES, "tables", "tables")
        } else if keys > MAX_KEYS {
            (MAX_KEYS, "clés", "keys")
        } else {
            line_start = match kind {
                TokenKind::Newline => true,
                TokenKind::Whitespace => line_start,
                _ => false,
            };
            continue;
        };
        let span = token.span();
        let max = crate::format::count(max, lang);
        return Some(
            Diagnostic::new(
                Code::LimitExceeded,
                span.start()..span.end(),
                tr!(
                    lang,
                    "le fichier compte plus de {max} {what_fr} ; une convention en a quelques dizaines",
                    "the file holds more than {max} {what_en}; an agreement has a few dozen"
                ),
            )
            .label(tr!(lang, "la limite est franchie ici", "the limit is passed here"))
            .help(tr!(
                lang,
                "vérifiez que c'est bien le fichier de la convention",
                "check that this is the agreement's file"
            )),
        );
    }
    None
}

/// The first list longer than the limits allow, as a P005 diagnostic on the
/// first entry past the limit. The TOML parser bounds nesting depth itself.
fn over_limit(table: &DeTable<'_>, path: &str, lang: Lang) -> Option<Diagnostic> {
    for (key, value) in table.iter() {
        let name = key.get_ref().as_ref();
        // Only tables and lists are looked into: no path to build for a scalar.
        if !matches!(value.get_ref(), DeValue::Table(_) | DeValue::Array(_)) {
            continue;
        }
        let here = if path.is_empty() {
            name.to_string()
        } else {
            format!("{path}.{name}")
        };
        match value.get_ref() {
            DeValue::Table(t) => {
                if let Some(d) = over_limit(t, &here, lang) {
                    return Some(d);
                }
            }
            DeValue::Array(items) => {
                let max = if here == "parties" {
                    MAX_PARTIES
                } else {
                    MAX_LIST_ITEMS
                };
                if let Some(extra) = items.get(max) {
                    let count = items.len();
                    return Some(
                        Diagnostic::new(
                            Code::LimitExceeded,
                            extra.span(),
                            tr!(
                                lang,
                                "`{here}` compte {count} entrées ; pacte en accepte {max} au plus",
                                "`{here}` has {count} entries; pacte accepts at most {max}"
                            ),
                        )
                        .label(tr!(lang, "entrée n° {}", "entry no. {}", max + 1))
                        .help(tr!(
                            lang,
                            "découpez la convention, ou joignez une liste aussi longue en annexe hors du fichier",
                            "split the agreement, or attach so long a list as a separate annex"
                        )),
                    );
                }
                for item in items.iter() {
                    if let DeValue::Table(t) = item.get_ref()
                        && let Some(d) = over_limit(t, &here, lang)
                    {
                        return Some(d);
                    }
                }
            }
            _ => {}
        }
    }
    None
}

/// The languages of a convention, read before its answers are typed: its
/// `language` (French when absent or unknown — the header's typing reports
/// an unknown one) and the editions `languages` promises. An unknown code
/// there is reported here, at its item.
fn editions_of(
    doc: &DeTable<'_>,
    edition: Option<Lang>,
    lang: Lang,
    out: &mut Vec<Diagnostic>,
) -> field::Editions {
    let header = match doc.get("convention").map(|h| h.get_ref()) {
        Some(DeValue::Table(t)) => Some(t),
        _ => None,
    };
    let original = header
        .and_then(|h| h.get("language"))
        .and_then(|l| l.get_ref().as_str())
        .and_then(Lang::parse)
        .unwrap_or(Lang::Fr);
    let mut promised = Vec::new();
    if let Some(DeValue::Array(items)) =
        header.and_then(|h| h.get("languages")).map(|l| l.get_ref())
    {
        for item in items.iter() {
            let Some(code) = item.get_ref().as_str() else {
                continue;
            };
            match Lang::parse(code) {
                Some(l) => promised.push(l),
                None => out.push(
                    Diagnostic::new(
                        Code::UnknownChoice,
                        item.span(),
                        tr!(
                            lang,
                            "« {code} » n'est pas une langue que pacte connaît pour une édition",
                            "`{code}` is not a language pacte knows for an edition"
                        ),
                    )
                    .help(tr!(
                        lang,
                        "langues permises : \"fr\", \"en\"",
                        "allowed languages: \"fr\", \"en\""
                    )),
                ),
            }
        }
    }
    field::Editions::new(original, &promised, edition)
}

/// Parses and types a convention. Returns `None` only when the text is not
/// TOML at all (the diagnostics then hold the syntax error).
pub fn load(
    source: &SourceFile,
    library: &ClauseLibrary,
    lang: Lang,
    (edition, mark_untranslated): (Option<Lang>, bool),
) -> (Option<Convention>, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    if let Some(d) = too_many_nodes(source.text(), lang) {
        diagnostics.push(d);
        return (None, diagnostics);
    }
    let doc = match DeTable::parse(source.text()) {
        Ok(doc) => doc,
        Err(e) => {
            diagnostics.push(syntax_error(&e, lang));
            return (None, diagnostics);
        }
    };
    if let Some(d) = over_limit(doc.get_ref(), "", lang) {
        diagnostics.push(d);
        return (None, diagnostics);
    }
    // A file in another format would give errors unrelated to what it says:
    // the format is the first thing read, and the only thing reported then.
    if let Some(d) = crate::file_format::finding(doc.get_ref(), source, lang) {
        diagnostics.push(d);
        return (None, diagnostics);
    }
    let mut editions = editions_of(doc.get_ref(), edition, lang, &mut diagnostics);
    editions.mark_untranslated = mark_untranslated;
    let mut typer = Typer {
        lang,
        diagnostics: &mut diagnostics,
        editions,
    };
    let mut conv = Convention::default();
    let mut saw_header = false;
    for (key, value) in doc.get_ref().iter() {
        match key.get_ref().as_ref() {
            "convention" => match value.get_ref() {
                DeValue::Table(t) => {
                    saw_header = true;
                    // The format was read above; it is not an answer.
                    let mut answers = t.clone();
                    answers.remove(crate::file_format::KEY);
                    conv.header = type_table(
                        library.header_fields(),
                        &answers,
                        value.span(),
                        "convention",
                        &mut typer,
                    );
                }
                other => {
                    // Given, but not as a table: P011 says so; "missing"
                    // would contradict the line it points at.
                    saw_header = true;
                    typer.diagnostics.push(not_a(
                        other,
                        value.span(),
                        "convention",
                        "[convention]",
                        lang,
                    ));
                }
            },
            "parties" => match value.get_ref() {
                DeValue::Array(items) => {
                    for (i, item) in items.iter().enumerate() {
                        let path = format!("parties[{}]", i + 1);
                        match item.get_ref() {
                            DeValue::Table(t) => conv.parties.push(type_table(
                                library.party_fields(),
                                t,
                                item.span(),
                                &path,
                                &mut typer,
                            )),
                            other => typer.diagnostics.push(not_a(
                                other,
                                item.span(),
                                &path,
                                "[[parties]]",
                                lang,
                            )),
                        }
                    }
                }
                other => typer.diagnostics.push(not_a(
                    other,
                    value.span(),
                    "parties",
                    "[[parties]]",
                    lang,
                )),
            },
            "clauses" => match value.get_ref() {
                DeValue::Table(t) => load_clauses(t, library, &mut conv, &mut typer),
                other => typer.diagnostics.push(not_a(
                    other,
                    value.span(),
                    "clauses",
                    "[clauses.ID]",
                    lang,
                )),
            },
            name => {
                let d = field::unknown_key(
                    name,
                    key.span(),
                    match lang {
                        Lang::Fr => "(racine)",
                        Lang::En => "(root)",
                    },
                    &["convention", "parties", "clauses"],
                    lang,
                );
                typer.diagnostics.push(d);
            }
        }
    }
    if !saw_header {
        diagnostics.push(
            Diagnostic::new(Code::MissingField, 0..0, tr!(lang, "la table [convention] est absente", "the [convention] table is missing"))
                .help(tr!(lang, "commencez le fichier par [convention] avec kind, language, title, place, effective_date et currency", "start the file with [convention] holding kind, language, title, place, effective_date and currency")),
        );
    }
    if let Some(kind) = conv.header.get("kind") {
        let name = conv.header.text("kind").unwrap_or_default();
        if library.profile(name).is_some() {
            conv.profile = Some(name.to_string());
        } else {
            let ids: Vec<&str> = library.profiles().map(|p| p.id.as_str()).collect();
            let mut d = Diagnostic::new(
                Code::UnknownProfile,
                kind.span.clone(),
                tr!(
                    lang,
                    "« {name} » n'est pas un type de convention connu",
                    "`{name}` is not a known kind of agreement"
                ),
            );
            d = d.suggest(did_you_mean(name, ids.iter().copied()), lang);
            diagnostics.push(d.help(tr!(
                lang,
                "types connus : {}",
                "known kinds: {}",
                crate::diag::name_list(ids.iter().map(|s| s.as_ref()), lang)
            )));
        }
    }
    (Some(conv), diagnostics)
}

fn load_clauses(
    table: &DeTable<'_>,
    library: &ClauseLibrary,
    conv: &mut Convention,
    t: &mut Typer<'_>,
) {
    let lang = t.lang;
    for (key, value) in table.iter() {
        let id = key.get_ref().as_ref();
        let path = format!("clauses.{id}");
        let Some(clause) = library.clause(id) else {
            let ids: Vec<&str> = library.clause_ids().collect();
            let mut d = Diagnostic::new(
                Code::UnknownClause,
                key.span(),
                tr!(
                    lang,
                    "« {id} » n'est pas une clause connue",
                    "`{id}` is not a known clause"
                ),
            );
            let suggestion = did_you_mean(id, ids.iter().copied());
            d = match suggestion {
                Some(s) => d.suggest(suggestion, lang).help(tr!(
                    lang,
                    "renommez la table en [clauses.{s}]",
                    "rename the table to [clauses.{s}]"
                )),
                None => d.help(tr!(
                    lang,
                    "`pacte clauses list` donne les clauses connues",
                    "`pacte clauses list` gives the known clauses"
                )),
            };
            t.diagnostics.push(d);
            continue;
        };
        match value.get_ref() {
            DeValue::Table(answers) => {
                let answers = type_table(&clause.fields, answers, value.span(), &path, t);
                conv.clauses.push(ClauseAnswers {
                    id: id.to_string(),
                    answers,
                });
            }
            other => t.diagnostics.push(not_a(
                other,
                value.span(),
                &path,
                &format!("[{path}]"),
                lang,
            )),
        }
    }
}

fn not_a(found: &DeValue<'_>, span: Span, path: &str, expected: &str, lang: Lang) -> Diagnostic {
    let found = field::toml_type_name(found, lang);
    Diagnostic::new(
        Code::WrongType,
        span,
        tr!(
            lang,
            "`{path}` doit être une table {expected}, mais c'est {found}",
            "`{path}` must be a {expected} table, but it is {found}"
        ),
    )
    .help(tr!(
        lang,
        "voir l'exemple de fichier dans le README",
        "see the example file in the README"
    ))
}

fn syntax_error(e: &toml::de::Error, lang: Lang) -> Diagnostic {
    let message = e.message().trim().to_string();
    let help = if message.contains("date") || message.contains("day") || message.contains("month") {
        tr!(
            lang,
            "une date s'écrit AAAA-MM-JJ et doit exister dans le calendrier",
            "a date is written YYYY-MM-DD and must exist in the calendar"
        )
    } else {
        tr!(
            lang,
            "corrigez la syntaxe TOML à l'endroit indiqué ; les textes vont entre guillemets",
            "fix the TOML syntax where shown; texts go in quotes"
        )
    };
    Diagnostic::new(Code::TomlSyntax, e.span(), message).help(help)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duration_ends_the_day_before_the_anniversary() {
        let start = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
        assert_eq!(
            end_from_duration(start, 60),
            NaiveDate::from_ymd_opt(2031, 12, 31)
        );
        assert_eq!(end_from_duration(start, -1), None);
    }

    #[test]
    fn a_header_given_as_a_plain_value_is_a_wrong_type_not_a_missing_table() {
        let library = ClauseLibrary::bundled(Lang::En).unwrap();
        let options = crate::CheckOptions {
            lang: Lang::En,
            ..Default::default()
        };
        let text = "convention = 1\nparties = \"ville\"\nclauses = [1]\n";
        let checked = crate::check_text("t.toml", text.to_string(), &library, &options);
        let found: Vec<(Code, String)> = checked
            .report
            .diagnostics
            .iter()
            .map(|d| (d.code, d.message.clone()))
            .collect();
        let wrong: Vec<&str> = found
            .iter()
            .filter(|(c, _)| *c == Code::WrongType)
            .map(|(_, m)| m.as_str())
            .collect();
        assert_eq!(
            wrong,
            [
                "`convention` must be a [convention] table, but it is a whole number",
                "`parties` must be a [[parties]] table, but it is a text",
                "`clauses` must be a [clauses.ID] table, but it is a list",
            ]
        );
        assert!(
            !found.iter().any(|(c, _)| *c == Code::MissingField),
            "{found:?}"
        );
    }

    #[test]
    fn bom_is_dropped_and_bad_bytes_refused() {
        assert_eq!(
            decode(b"\xef\xbb\xbfa = 1".to_vec(), Lang::En).unwrap(),
            "a = 1"
        );
        let err = decode(vec![b'a', 0xff], Lang::En).unwrap_err();
        assert_eq!(err.diagnostic.code, Code::NotUtf8);
        assert_eq!(err.diagnostic.span, Some(1..4));
        let err = decode(vec![b' '; MAX_FILE_BYTES + 1], Lang::En).unwrap_err();
        assert_eq!(err.diagnostic.code, Code::FileTooLarge);
    }
}
