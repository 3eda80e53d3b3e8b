//! JSON output: the same diagnostics as data, with lines and columns computed.
//!
//! The shape is versioned (`"version": 1`) and documented in the README; new
//! fields may be added, existing ones keep their meaning.

use super::{Diagnostic, FileReport, Severity, Summary};
use crate::source::Position;
use serde::Serialize;
use std::borrow::Cow;
use std::io::{self, Write};

#[derive(Serialize)]
struct Output<'a> {
    version: u32,
    diagnostics: Vec<JsonDiagnostic<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    file: String,
    code: &'static str,
    slug: &'static str,
    severity: Severity,
    message: Cow<'a, str>,
    help: Cow<'a, str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    label: Option<Cow<'a, str>>,
    /// 1-based start and end positions; absent for whole-file findings.
    #[serde(skip_serializing_if = "Option::is_none")]
    start: Option<Position>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end: Option<Position>,
    /// Byte offsets of the span.
    #[serde(skip_serializing_if = "Option::is_none")]
    span: Option<[usize; 2]>,
}

fn convert<'a>(report: &FileReport, d: &'a Diagnostic) -> JsonDiagnostic<'a> {
    let located = report.source.as_ref().zip(d.span.as_ref());
    JsonDiagnostic {
        file: super::sanitize(&report.path.display().to_string()).into_owned(),
        code: d.code.as_str(),
        slug: d.code.slug(),
        severity: d.severity,
        // Control and bidirectional characters from a file's values made
        // visible: messages are shown to people by whatever reads this.
        message: super::sanitize(&d.message),
        help: super::sanitize(&d.help),
        label: d.label.as_deref().map(super::sanitize),
        start: located.map(|(src, span)| src.position(span.start)),
        end: located.map(|(src, span)| src.position(span.end)),
        span: d.span.as_ref().map(|s| [s.start, s.end]),
    }
}

/// Writes all reports as one JSON document.
pub fn write(out: &mut dyn Write, reports: &[FileReport]) -> io::Result<()> {
    let output = Output {
        version: 1,
        diagnostics: reports
            .iter()
            .flat_map(|r| r.diagnostics.iter().map(move |d| convert(r, d)))
            .collect(),
        summary: Summary::of(reports),
    };
    serde_json::to_writer_pretty(&mut *out, &output)?;
    writeln!(out)
}
