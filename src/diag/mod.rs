//! Diagnostics: findings about a user's files, as data.
//!
//! A [`Diagnostic`] has a stable [`Code`], a [`Severity`], a message, a span in
//! its file and a help line. The printers ([`human`], [`json`], [`sarif`], [`github`]) turn the same
//! values into text for people or for CI; nothing here touches a terminal.

mod code;
pub mod github;
pub mod human;
pub mod json;
pub mod sarif;

pub use code::{Code, Explanation};

use crate::lang::Lang;
use crate::source::{SourceFile, Span};
use serde::Serialize;
use std::path::PathBuf;

/// Whether a character could hide or forge text on a terminal or in a CI
/// log: C0 and C1 controls (ESC starts terminal sequences, BEL rings) and
/// the bidirectional overrides and isolates that reorder what is shown
/// (U+202E can make `txt.exe` read `exe.txt`).
pub fn is_hazardous(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(
            c,
            '\u{200e}'
                | '\u{200f}'
                | '\u{061c}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}'
        )
}

/// A one-line message with hazardous characters shown as `<U+202E>`: what a
/// user value holds stays visible, and nothing in it acts on the terminal
/// or the CI log. Line breaks too: a CI runner takes any output line that
/// starts with `::` for a workflow command, and `##[` anywhere on a line
/// for an old-style one, so a value can start neither.
pub fn sanitize(s: &str) -> std::borrow::Cow<'_, str> {
    let risky = |c: char| is_hazardous(c) || c == '\n';
    if !s.chars().any(risky) && !s.contains("##[") {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if risky(c) {
            out.push_str(&format!("<U+{:04X}>", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out.replace("##[", "#<U+0023>["))
}

/// Source text with each hazardous character replaced by one of the same
/// length in bytes (`?`, `·`, `�`), so that spans still point where they did;
/// `##[` (an old-style CI command wherever it stands on a line) becomes
/// `# [`.
pub fn sanitize_same_len(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(|c| is_hazardous(c) && c != '\r') && !s.contains("##[") {
        return std::borrow::Cow::Borrowed(s);
    }
    let out: String = s
        .chars()
        .map(|c| match c.len_utf8() {
            _ if !is_hazardous(c) || c == '\r' => c,
            1 => '?',
            2 => '\u{b7}',
            _ => '\u{fffd}',
        })
        .collect();
    std::borrow::Cow::Owned(out.replace("##[", "# ["))
}

/// The most characters a message, a help line or a label keeps: a value a
/// file repeats in every finding (a 30,000-character party id in 1,000
/// findings) cannot make the report gigabytes long.
pub const MAX_MESSAGE_CHARS: usize = 1_000;

/// `s` cut to `max` characters, with « … » where it was cut.
pub fn shorten(s: &str, max: usize) -> std::borrow::Cow<'_, str> {
    match s.char_indices().nth(max) {
        Some((at, _)) => std::borrow::Cow::Owned(format!("{}…", &s[..at])),
        None => std::borrow::Cow::Borrowed(s),
    }
}

/// A list of names for a help line: at most a dozen, each shortened, then
/// how many more.
pub fn name_list<'a>(names: impl IntoIterator<Item = &'a str>, lang: Lang) -> String {
    const SHOWN: usize = 12;
    let names: Vec<&str> = names.into_iter().collect();
    let mut out: Vec<String> = names
        .iter()
        .take(SHOWN)
        .map(|n| shorten(n, 40).into_owned())
        .collect();
    if names.len() > SHOWN {
        let more = names.len() - SHOWN;
        out.push(crate::tr!(lang, "et {more} autres", "and {more} more"));
    }
    out.join(", ")
}

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Information a reviewer wants to see; never fails a check.
    Note,
    /// Advice: fails a check only with `--strict`.
    Warning,
    /// The convention is incomplete or inconsistent: blocks a final render.
    Error,
}

impl Severity {
    /// The severity's name in the interface language.
    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Severity::Error, Lang::Fr) => "erreur",
            (Severity::Error, Lang::En) => "error",
            (Severity::Warning, Lang::Fr) => "avertissement",
            (Severity::Warning, Lang::En) => "warning",
            (Severity::Note, _) => "note",
        }
    }
}

/// One finding about a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: Code,
    pub severity: Severity,
    /// What is wrong, in the interface language.
    pub message: String,
    /// The offending bytes; `None` when the finding concerns the whole file.
    pub span: Option<Span>,
    /// A short note shown under the caret.
    pub label: Option<String>,
    /// How to fix it.
    pub help: String,
    /// The same finding in the wizard's words — the question's terms and the
    /// person's values, no file keys or table paths — when they differ from
    /// `message` and `help`. The rule is one; the renderings are two.
    pub plain: Option<Box<Plain>>,
}

/// A finding worded for the wizard.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plain {
    pub message: String,
    pub help: String,
}

impl Diagnostic {
    /// A diagnostic with the code's default severity.
    pub fn new(code: Code, span: impl Into<Option<Span>>, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            severity: code.default_severity(),
            message: capped(message.into()),
            span: span.into(),
            label: None,
            help: String::new(),
            plain: None,
        }
    }

    /// The wizard's wording of this finding.
    pub fn plain(mut self, message: impl Into<String>, help: impl Into<String>) -> Self {
        self.plain = Some(Box::new(Plain {
            message: capped(message.into()),
            help: capped(help.into()),
        }));
        self
    }

    /// The message and help the wizard shows: its own wording when there is
    /// one.
    pub fn in_plain_words(&self) -> (&str, &str) {
        match &self.plain {
            Some(p) => (&p.message, &p.help),
            None => (&self.message, &self.help),
        }
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = capped(help.into());
        self
    }

    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(capped(label.into()));
        self
    }

    /// Labels the caret with « did you mean … ? » when there is a suggestion.
    pub fn suggest(self, suggestion: Option<&str>, lang: Lang) -> Self {
        match suggestion {
            Some(s) => self.label(crate::suggest::question(s, lang)),
            None => self,
        }
    }
}

/// A message within [`MAX_MESSAGE_CHARS`].
fn capped(text: String) -> String {
    if text.len() <= MAX_MESSAGE_CHARS {
        return text;
    }
    shorten(&text, MAX_MESSAGE_CHARS).into_owned()
}

/// The diagnostics of one checked file, with its text for printing.
#[derive(Debug)]
pub struct FileReport {
    pub path: PathBuf,
    /// `None` when the file could not be read as text at all.
    pub source: Option<SourceFile>,
    pub diagnostics: Vec<Diagnostic>,
}

impl FileReport {
    /// Whether the file could not be read or parsed as a convention (exit 2).
    pub fn is_fatal(&self) -> bool {
        self.diagnostics.iter().any(|d| d.code.is_fatal())
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }

    /// Sorts diagnostics by position, then code, so output is stable.
    pub fn sort(&mut self) {
        self.diagnostics.sort_by(|a, b| {
            let key = |d: &Diagnostic| (d.span.as_ref().map_or(0, |s| s.start), d.code);
            key(a).cmp(&key(b))
        });
    }
}

/// Totals over many files.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub notes: usize,
    /// Files that could not be read or parsed.
    pub unreadable: usize,
}

impl Summary {
    pub fn of(reports: &[FileReport]) -> Summary {
        reports.iter().fold(Summary::default(), |mut s, r| {
            s.files += 1;
            s.errors += r.count(Severity::Error);
            s.warnings += r.count(Severity::Warning);
            s.notes += r.count(Severity::Note);
            s.unreadable += usize::from(r.is_fatal());
            s
        })
    }
}
