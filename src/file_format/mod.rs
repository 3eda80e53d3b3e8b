//! Convention file formats: their numbers, the steps between them, and the
//! upgrade of a convention's text to the current one (the files themselves
//! are [`crate::upgrade`]'s).
//!
//! A convention file says which format it is written in with `format = N`
//! in its `[convention]` table; a file without it is in format 1, the first
//! (every file written before formats were numbered). This module owns the
//! numbers and, for each format after the first, the upgrade step that
//! brings a file of the format before it up: the keys that moved (moved, with
//! their comments), the keys the new format holds differently (kept as a
//! comment at their new place, to be rewritten by hand). It never invents an
//! answer: clauses and fields that became required are left for the person
//! to fill, and `pacte upgrade` lists them from a check of the upgraded text.
//!
//! Editing goes through `toml_edit`, so comments, order and layout are kept;
//! every change is made on the parsed document, never on the text.
//!
//! **From now on, a change to the format comes with its step here**, an
//! entry in `CHANGELOG.md`, and a test that upgrades a file of the format
//! before it (`tests/upgrade.rs`). This module depends on no stage of the pipeline:
//! reading a convention (`convention`) and the wizard ask it first which
//! format a file is in.

use crate::lang::Lang;
use crate::tr;
use edit::{comment_into, has, place, put_back, room_for, stamp, take};
use toml_edit::{Item, Key, Value};

mod declared;
mod edit;

use declared::Number;
pub use declared::{Declared, finding};

/// The format this pacte reads and writes.
pub const CURRENT: u32 = 2;

/// The key of `[convention]` that holds the format.
pub const KEY: &str = "format";

/// A key that moved from one clause's table to another's (perhaps renamed).
#[derive(Debug, Clone, Copy)]
pub struct Move {
    pub from: FieldPath,
    pub to: FieldPath,
}

/// A key whose answer the new format holds in another shape (a paragraph
/// that became a list, say): its text is kept as a comment at the new place
/// and the person rewrites it; nothing is guessed.
#[derive(Debug, Clone, Copy)]
pub struct Rewrite {
    pub from: FieldPath,
    pub to: FieldPath,
    /// What to write instead, shown with the kept text.
    pub how: (&'static str, &'static str),
}

/// `clauses.CLAUSE.FIELD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldPath {
    pub clause: &'static str,
    pub field: &'static str,
}

impl std::fmt::Display for FieldPath {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "clauses.{}.{}", self.clause, self.field)
    }
}

/// What changed from format `to - 1` to format `to`.
#[derive(Debug)]
pub struct Step {
    pub to: u32,
    pub moves: &'static [Move],
    pub rewrites: &'static [Rewrite],
}

const fn path(clause: &'static str, field: &'static str) -> FieldPath {
    FieldPath { clause, field }
}

/// Every step, in order: `STEPS[i]` brings format `i + 1` to `i + 2`.
pub const STEPS: &[Step] = &[Step {
    to: 2,
    // Termination left the disputes clause for a clause of its own.
    moves: &[Move {
        from: path("differends", "termination_notice_days"),
        to: path("resiliation", "notice_days"),
    }],
    rewrites: &[Rewrite {
        from: path("differends", "termination_causes"),
        to: path("resiliation", "causes"),
        how: (
            "écrivez chaque motif dans `causes = [\"…\", \"…\"]`, en minuscules et sans point final, et le délai pour remédier dans `cure_days`",
            "write each ground in `causes = [\"…\", \"…\"]`, in lower case without a final period, and the time to remedy in `cure_days`",
        ),
    }],
}];

/// One change the upgrade made, or left to the person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// `format = N` written in `[convention]`.
    Stamped { from: u32, to: u32 },
    /// A key moved to its new place; `line` is where it was (1-based).
    Moved {
        from: FieldPath,
        to: FieldPath,
        line: usize,
    },
    /// A key whose text is now a comment at its new place, to rewrite.
    KeptAsComment {
        from: FieldPath,
        to: FieldPath,
        line: usize,
        how: (&'static str, &'static str),
    },
    /// A key that could not move because its new place already holds an
    /// answer: left where it was (`pacte check` reports it) for the person
    /// to choose.
    Conflict {
        from: FieldPath,
        to: FieldPath,
        line: usize,
    },
}

impl Change {
    /// Whether the person has something to do about this change.
    pub fn is_manual(&self) -> bool {
        matches!(self, Change::KeptAsComment { .. } | Change::Conflict { .. })
    }

    /// The change in a sentence, in the interface language.
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            Change::Stamped { from, to } => tr!(
                lang,
                "format {from} → {to} : `format = {to}` ajouté à [convention]",
                "format {from} → {to}: `format = {to}` added to [convention]"
            ),
            Change::Moved { from, to, line } => tr!(
                lang,
                "ligne {line} : `{from}` déplacé vers `{to}`",
                "line {line}: `{from}` moved to `{to}`"
            ),
            Change::KeptAsComment {
                from,
                to,
                line,
                how,
            } => {
                let how = pick(*how, lang);
                tr!(
                    lang,
                    "ligne {line} : `{from}` n'a plus cette forme ; son texte est gardé en commentaire dans [clauses.{}] : {how}",
                    "line {line}: `{from}` no longer has this shape; its text is kept as a comment in [clauses.{}]: {how}",
                    to.clause
                )
            }
            Change::Conflict { from, to, line } => tr!(
                lang,
                "ligne {line} : `{from}` n'a pas été déplacé, car `{to}` a déjà une réponse ; gardez l'une des deux et supprimez l'autre",
                "line {line}: `{from}` was not moved, because `{to}` already has an answer; keep one of the two and delete the other"
            ),
        }
    }
}

/// A file brought to the current format.
#[derive(Debug)]
pub struct Upgraded {
    /// The format the file was in.
    pub from: u32,
    /// The upgraded text (the original text when `from == CURRENT`).
    pub text: String,
    pub changes: Vec<Change>,
}

impl Upgraded {
    /// Whether the file needed upgrading.
    pub fn changed(&self) -> bool {
        self.from != CURRENT
    }
}

/// Why a file cannot be upgraded. Nothing is written for it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UpgradeError {
    #[error("not TOML (line {line}): {message}")]
    NotToml { line: usize, message: String },
    #[error("no [convention] table")]
    NotAConvention,
    #[error("format {0} is newer than this pacte's")]
    TooNew(u32),
    #[error("`format` is not a whole number (line {line})")]
    InvalidFormat { line: usize },
    #[error("the upgrade cannot be made safely ({what})")]
    Unsafe { what: String },
}

impl UpgradeError {
    /// The reason and what to do, in the interface language.
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            UpgradeError::NotToml { line, message } => tr!(
                lang,
                "ce n'est pas du TOML valide (ligne {line} : {message}) ; corrigez-le d'abord (`pacte check` montre l'endroit)",
                "it is not valid TOML (line {line}: {message}); fix it first (`pacte check` shows where)"
            ),
            UpgradeError::NotAConvention => tr!(
                lang,
                "ce n'est pas une convention : il n'a pas de table [convention]",
                "it is not a convention: it has no [convention] table"
            ),
            UpgradeError::TooNew(n) => tr!(
                lang,
                "il est au format {n}, plus récent que celui de cette version de pacte ({CURRENT}) ; installez une version plus récente de pacte",
                "it is in format {n}, newer than this version of pacte's ({CURRENT}); install a newer pacte"
            ),
            UpgradeError::Unsafe { what } => tr!(
                lang,
                "pacte ne sait pas mettre ce fichier à jour sans risque ({what}) : rien n'a été écrit ; faites les changements à la main en suivant CHANGELOG.md, ou signalez le fichier aux responsables de pacte",
                "pacte cannot upgrade this file safely ({what}): nothing was written; make the changes by hand following CHANGELOG.md, or report the file to pacte's maintainers"
            ),
            UpgradeError::InvalidFormat { line } => tr!(
                lang,
                "ligne {line} : `format` doit être un nombre entier, par exemple format = {CURRENT}",
                "line {line}: `format` must be a whole number, for example format = {CURRENT}"
            ),
        }
    }
}

/// Brings a convention's text to the current format. A file already in it
/// comes back unchanged; a file that is not a convention, or in a newer
/// format, is an error and nothing is changed.
pub fn upgrade(text: &str) -> Result<Upgraded, UpgradeError> {
    let parsed = toml_edit::Document::parse(text).map_err(|e| not_toml(&e, text))?;
    let line_of = |span: Option<std::ops::Range<usize>>| {
        span.map_or(1, |s| crate::source::position_in(text, s.start).line)
    };
    let header = match parsed.get("convention") {
        Some(item @ (Item::Table(_) | Item::Value(Value::InlineTable(_)))) => item,
        _ => return Err(UpgradeError::NotAConvention),
    };
    let from = match header.get(KEY) {
        None => 1,
        Some(item) => match item.as_integer().map(declared::number) {
            Some(Number::Format(n)) => n,
            Some(Number::TooLarge) => return Err(UpgradeError::TooNew(u32::MAX)),
            Some(Number::Invalid) | None => {
                return Err(UpgradeError::InvalidFormat {
                    line: line_of(item.span()),
                });
            }
        },
    };
    if from > CURRENT {
        return Err(UpgradeError::TooNew(from));
    }
    if from == CURRENT {
        return Ok(Upgraded {
            from,
            text: text.to_string(),
            changes: Vec::new(),
        });
    }
    // Each key the steps move, as it was: its line (read before the document
    // forgets its spans), and its value, to check the upgraded text against.
    let mut sources = Vec::new();
    for step in &STEPS[from as usize - 1..] {
        let moved = step.moves.iter().map(|m| m.from);
        for p in moved.chain(step.rewrites.iter().map(|r| r.from)) {
            let entry = parsed
                .get("clauses")
                .and_then(|c| c.as_table_like())
                .and_then(|c| c.get(p.clause))
                .and_then(|c| c.as_table_like())
                .and_then(|c| c.get_key_value(p.field));
            sources.push(Source {
                path: p,
                line: entry.and_then(|(k, _)| k.span()).map(|s| line_of(Some(s))),
                value: entry.and_then(|(_, v)| v.as_value()).cloned(),
            });
        }
    }
    let line = |p: FieldPath| {
        sources
            .iter()
            .find(|s| s.path == p)
            .and_then(|s| s.line)
            .unwrap_or(1)
    };
    let mut doc = parsed.into_mut();
    let mut changes = vec![Change::Stamped { from, to: CURRENT }];
    for step in &STEPS[from as usize - 1..] {
        for m in step.moves {
            let Some((key, item)) = take(&mut doc, m.from) else {
                continue;
            };
            let line = line(m.from);
            if has(&doc, m.to) || !room_for(&doc, m.to.clause) {
                put_back(&mut doc, m.from, key, item);
                changes.push(Change::Conflict {
                    from: m.from,
                    to: m.to,
                    line,
                });
                continue;
            }
            let renamed = Key::new(m.to.field)
                .with_leaf_decor(key.leaf_decor().clone())
                .with_dotted_decor(key.dotted_decor().clone());
            place(&mut doc, m.from.clause, m.to, &renamed, item);
            changes.push(Change::Moved {
                from: m.from,
                to: m.to,
                line,
            });
        }
        for r in step.rewrites {
            if !room_for(&doc, r.to.clause) {
                if has(&doc, r.from) {
                    changes.push(Change::Conflict {
                        from: r.from,
                        to: r.to,
                        line: line(r.from),
                    });
                }
                continue;
            }
            let Some((key, item)) = take(&mut doc, r.from) else {
                continue;
            };
            let line = line(r.from);
            comment_into(&mut doc, r, &key, &item);
            changes.push(Change::KeptAsComment {
                from: r.from,
                to: r.to,
                line,
                how: r.how,
            });
        }
    }
    stamp(&mut doc);
    // A clause table emptied by the moves stays: its header keeps the
    // clause's place and comments, and `pacte check` says what it needs.
    let mut out = doc.to_string();
    // The file's line endings, kept: an editor on Windows wrote CRLF.
    if text.contains("\r\n") {
        out = out.replace("\r\n", "\n").replace('\n', "\r\n");
    }
    verify(&out, &changes, &sources)?;
    Ok(Upgraded {
        from,
        text: out,
        changes,
    })
}

/// A key a step moves, as the file had it.
struct Source {
    path: FieldPath,
    /// 1-based.
    line: Option<usize>,
    value: Option<Value>,
}

/// The upgraded text is read back before anyone writes it: it must be TOML
/// and hold every moved value at its new place and every kept text word for
/// word (its size is the files' concern). An edit that would fail one of
/// these (a shape of file the steps did not foresee) is refused whole
/// rather than written.
fn verify(out: &str, changes: &[Change], sources: &[Source]) -> Result<(), UpgradeError> {
    let unsafe_edit = |what: &str| {
        Err(UpgradeError::Unsafe {
            what: what.to_string(),
        })
    };
    let Ok(parsed) = out.parse::<toml_edit::DocumentMut>() else {
        return unsafe_edit("syntax");
    };
    let bare = |v: &Value| v.clone().decorated("", "").to_string();
    let was = |p: FieldPath| {
        sources
            .iter()
            .find(|s| s.path == p)
            .and_then(|s| s.value.as_ref())
    };
    for change in changes {
        match change {
            Change::Moved { from, to, .. } => {
                let now = parsed
                    .get("clauses")
                    .and_then(|c| c.get(to.clause))
                    .and_then(|c| c.get(to.field))
                    .and_then(Item::as_value);
                if was(*from).map(bare) != now.map(bare) || now.is_none() {
                    return unsafe_edit(&to.to_string());
                }
            }
            Change::KeptAsComment { from, .. } => {
                let text = was(*from).and_then(Value::as_str).unwrap_or_default();
                let kept = text
                    .lines()
                    .filter(|l| !l.trim().is_empty())
                    .all(|l| out.contains(&edit::comment_line(l)));
                if !kept {
                    return unsafe_edit(&from.to_string());
                }
            }
            Change::Stamped { .. } | Change::Conflict { .. } => {}
        }
    }
    Ok(())
}

/// One of a pair of texts written in code, French first.
fn pick((fr, en): (&'static str, &'static str), lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => fr,
        Lang::En => en,
    }
}

/// A TOML error's line and message.
fn not_toml(e: &toml_edit::TomlError, text: &str) -> UpgradeError {
    let line = e
        .span()
        .map_or(1, |s| crate::source::position_in(text, s.start).line);
    // The first line of the parser's message: the rest repeats the source.
    let message = e
        .message()
        .lines()
        .next()
        .unwrap_or_default()
        .trim()
        .to_string();
    UpgradeError::NotToml { line, message }
}
