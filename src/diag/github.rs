//! GitHub Actions workflow commands: each finding becomes an annotation shown
//! inline on the pull request (`::error file=…,line=…,col=…::message`).

use super::{FileReport, Severity};
use std::io::{self, Write};

/// Escapes the message part of a workflow command: GitHub's escapes for
/// `%`, CR and LF, after hazardous characters (ESC, BEL, bidirectional
/// overrides) are made visible, so a value from a convention can neither
/// start another command nor disguise an annotation.
fn escape_data(s: &str) -> String {
    escape_line_breaks(&super::sanitize(s))
}

/// GitHub's own escapes, for text already sanitized.
fn escape_line_breaks(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value (`file=`, `title=`), where `:` and `,` separate.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// Writes one workflow command per diagnostic.
pub fn write(out: &mut dyn Write, reports: &[FileReport]) -> io::Result<()> {
    for report in reports {
        let file = escape_property(&report.path.to_string_lossy().replace('\\', "/"));
        for d in &report.diagnostics {
            let command = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Note => "notice",
            };
            let mut properties = format!("file={file}");
            if let (Some(source), Some(span)) = (&report.source, &d.span) {
                let start = source.position(span.start);
                let end = source.position(span.end.max(span.start));
                properties.push_str(&format!(
                    ",line={},col={},endLine={},endColumn={}",
                    start.line, start.column, end.line, end.column
                ));
            }
            let title = escape_property(&format!("{} {}", d.code, d.code.slug()));
            // The message and its help on two lines of the annotation; a
            // line break inside either is a value's, and shown as such.
            let mut message = super::sanitize(&d.message).into_owned();
            if !d.help.is_empty() {
                message.push('\n');
                message.push_str(&super::sanitize(&d.help));
            }
            writeln!(
                out,
                "::{command} {properties},title={title}::{}",
                escape_line_breaks(&message)
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators_and_newlines_are_escaped() {
        assert_eq!(
            escape_line_breaks("50% fait\nensuite"),
            "50%25 fait%0Aensuite"
        );
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
        // A value cannot end the line and start a command of its own, nor
        // reach the log's terminal.
        let hostile = "x\r\n::error file=evil.toml::pwned\u{1b}[31m\u{7}\u{202e}txt";
        let escaped = escape_data(hostile);
        assert!(
            !escaped.contains(['\r', '\n', '\u{1b}', '\u{7}', '\u{202e}']),
            "{escaped}"
        );
        assert_eq!(
            escaped,
            "x<U+000D><U+000A>::error file=evil.toml::pwned<U+001B>[31m<U+0007><U+202E>txt"
        );
        assert_eq!(escape_data("a ##[error]b"), "a #<U+0023>[error]b");
        assert_eq!(escape_property("a\u{202e}b"), "a<U+202E>b");
    }
}
