//! SARIF 2.1.0 output, for code-scanning services (GitHub, GitLab, Azure).
//!
//! One run; its rules are every diagnostic code with its explanation, so a
//! viewer can show why a finding matters without pacte installed. Columns
//! count Unicode characters, as everywhere in pacte (`columnKind`).

use super::{Code, FileReport, Severity};
use crate::lang::Lang;
use serde_json::{Value, json};
use std::io::{self, Write};
use std::path::Path;

const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

fn rule(code: Code, lang: Lang) -> Value {
    let e = code.explanation();
    json!({
        "id": code.as_str(),
        "name": code.slug(),
        "shortDescription": { "text": e.summary.get(lang).trim() },
        "fullDescription": { "text": e.why.get(lang).trim() },
        "help": { "text": e.fix.get(lang).trim() },
        "defaultConfiguration": { "level": level(code.default_severity()) },
    })
}

/// A relative path as a URI reference: forward slashes, and every byte outside
/// the unreserved set percent-encoded (spaces, accents).
pub(crate) fn uri(path: &Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(char::from(byte));
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

fn results(reports: &[FileReport]) -> impl Iterator<Item = Value> + '_ {
    reports.iter().flat_map(|report| {
        report.diagnostics.iter().map(move |d| {
            let mut physical = json!({ "artifactLocation": { "uri": uri(&report.path) } });
            if let (Some(source), Some(span)) = (&report.source, &d.span) {
                let start = source.position(span.start);
                let end = source.position(span.end.max(span.start));
                physical["region"] = json!({
                    "startLine": start.line,
                    "startColumn": start.column,
                    "endLine": end.line,
                    "endColumn": end.column,
                });
            }
            let text = if d.help.is_empty() {
                super::sanitize(&d.message).into_owned()
            } else {
                format!(
                    "{}\n{}",
                    super::sanitize(&d.message),
                    super::sanitize(&d.help)
                )
            };
            let rule_index = Code::ALL.iter().position(|&c| c == d.code).unwrap_or(0);
            json!({
                "ruleId": d.code.as_str(),
                "ruleIndex": rule_index,
                "level": level(d.severity),
                "message": { "text": text },
                "locations": [{ "physicalLocation": physical }],
            })
        })
    })
}

/// The SARIF log of all reports, as a JSON value.
pub fn log(reports: &[FileReport], lang: Lang) -> Value {
    let mut log = skeleton(lang);
    log["runs"][0]["results"] = Value::Array(results(reports).collect());
    log
}

/// The log without its results.
fn skeleton(lang: Lang) -> Value {
    json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "pacte",
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "language": lang.code(),
                "rules": Code::ALL.iter().map(|&c| rule(c, lang)).collect::<Vec<_>>(),
            }},
            "columnKind": "unicodeCodePoints",
            "results": [],
        }],
    })
}

/// Writes the SARIF log of all reports, one result at a time: a file with
/// hundreds of thousands of findings streams out in constant memory.
pub fn write(out: &mut dyn Write, reports: &[FileReport], lang: Lang) -> io::Result<()> {
    let head = serde_json::to_string_pretty(&skeleton(lang))?;
    let marker = "\"results\": []";
    let Some(at) = head.rfind(marker) else {
        return Err(io::Error::other("SARIF skeleton without results"));
    };
    out.write_all(&head.as_bytes()[..at])?;
    out.write_all(b"\"results\": [")?;
    for (i, result) in results(reports).enumerate() {
        out.write_all(if i == 0 { b"\n" } else { b",\n" })?;
        serde_json::to_writer(&mut *out, &result)?;
    }
    out.write_all(b"\n]")?;
    out.write_all(&head.as_bytes()[at + marker.len()..])?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(uri(Path::new("examples/a b.toml")), "examples/a%20b.toml");
        assert_eq!(uri(Path::new("é.toml")), "%C3%A9.toml");
        assert_eq!(uri(Path::new("dir\\x.toml")), "dir/x.toml");
    }
}
