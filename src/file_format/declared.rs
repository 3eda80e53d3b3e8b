//! Which format a file says it is in, read from the parsed file, and what
//! `pacte check` reports when it is not the current one (P006, P007): the
//! format is the first thing read, and the only finding then.

use super::{CURRENT, KEY};
use crate::diag::{Code, Diagnostic};
use crate::lang::Lang;
use crate::source::{SourceFile, Span};
use crate::tr;
use toml::de::{DeTable, DeValue};

/// What a `format` number means, the one rule for `pacte check` and
/// `pacte upgrade`.
pub(super) enum Number {
    Format(u32),
    /// A positive number past any format pacte could have.
    TooLarge,
    /// Zero or negative.
    Invalid,
}

pub(super) fn number(n: i64) -> Number {
    match u32::try_from(n) {
        Ok(0) => Number::Invalid,
        Ok(n) => Number::Format(n),
        Err(_) if n > 0 => Number::TooLarge,
        Err(_) => Number::Invalid,
    }
}

/// What a file's `format` key says, read from the parsed TOML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Declared {
    /// A format number (1 when the key is absent); the span of the value.
    Version(u32, Option<Span>),
    /// `format` is there but not a positive whole number.
    Invalid(Span),
}

impl Declared {
    /// Reads the format of a parsed convention file.
    pub fn of(root: &DeTable<'_>) -> Declared {
        let Some(header) = root.get("convention") else {
            return Declared::Version(1, None);
        };
        let DeValue::Table(header) = header.get_ref() else {
            return Declared::Version(1, None);
        };
        let Some(value) = header.get(KEY) else {
            return Declared::Version(1, None);
        };
        let span = value.span();
        match value.get_ref() {
            DeValue::Integer(i) => {
                let digits = i.as_str().replace('_', "");
                match i64::from_str_radix(&digits, i.radix()).map(number) {
                    Ok(Number::Format(n)) => Declared::Version(n, Some(span)),
                    _ => Declared::Invalid(span),
                }
            }
            _ => Declared::Invalid(span),
        }
    }
}

/// P006 for a file in an older format (no `format` key is format 1), P007
/// for a newer one or a `format` that is not a format number.
pub fn finding(root: &DeTable<'_>, source: &SourceFile, lang: Lang) -> Option<Diagnostic> {
    let current = CURRENT;
    // A file with no [convention] table at all is not a convention of any
    // format: the missing table is the finding, which loading reports.
    if !matches!(root.get("convention")?.get_ref(), DeValue::Table(_)) {
        return None;
    }
    let shown = source.path().display();
    match Declared::of(root) {
        Declared::Version(n, _) if n == current => None,
        Declared::Version(n, span) if n < current => {
            let why = match span {
                None => tr!(
                    lang,
                    "ce fichier est au format 1 (il n'indique pas de `format` dans [convention]) ; cette version de pacte lit le format {current}",
                    "this file is in format 1 (it gives no `format` in [convention]); this version of pacte reads format {current}"
                ),
                Some(_) => tr!(
                    lang,
                    "ce fichier est au format {n} ; cette version de pacte lit le format {current}",
                    "this file is in format {n}; this version of pacte reads format {current}"
                ),
            };
            // Without a `format` key, the finding points at the header.
            let at = span.or_else(|| header_span(source.text()));
            Some(
                Diagnostic::new(Code::OutdatedFormat, at, why)
                    .help(tr!(
                        lang,
                        "mettez-le à jour avec `pacte upgrade {shown}` (`--dry-run` pour voir les changements d'abord), puis vérifiez-le de nouveau",
                        "upgrade it with `pacte upgrade {shown}` (`--dry-run` to see the changes first), then check it again"
                    )),
            )
        }
        Declared::Version(n, span) => Some(
            Diagnostic::new(
                Code::FormatTooNew,
                span,
                tr!(
                    lang,
                    "ce fichier est au format {n}, plus récent que celui de cette version de pacte ({current})",
                    "this file is in format {n}, newer than this version of pacte's ({current})"
                ),
            )
            .help(tr!(
                lang,
                "installez une version plus récente de pacte (`pacte --version` donne le format que lit celle-ci)",
                "install a newer version of pacte (`pacte --version` gives the format this one reads)"
            )),
        ),
        Declared::Invalid(span) => Some(
            Diagnostic::new(
                Code::FormatTooNew,
                span,
                tr!(
                    lang,
                    "`format` doit être un numéro de format, un nombre entier comme {current}",
                    "`format` must be a format number, a whole number such as {current}"
                ),
            )
            .help(tr!(
                lang,
                "écrivez format = {current} dans [convention], ou retirez la clé si le fichier vient d'une version de pacte antérieure aux formats numérotés",
                "write format = {current} in [convention], or remove the key if the file comes from a version of pacte older than numbered formats"
            )),
        ),
    }
}

/// The span of the `[convention]` header line, for findings about the
/// header as a whole.
fn header_span(text: &str) -> Option<Span> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if trimmed.starts_with("[convention]") {
            let start = offset + (line.len() - trimmed.len());
            return Some(start..start + "[convention]".len());
        }
        offset += line.len();
    }
    None
}
