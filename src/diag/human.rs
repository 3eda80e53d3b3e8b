//! Human output, drawn like rustc's (annotate-snippets is rustc's own renderer).

use super::{Code, Diagnostic, FileReport, Severity, Summary};
use crate::lang::Lang;
use crate::source::SourceFile;
use crate::tr;
use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};
use std::collections::BTreeMap;
use std::io::{self, Write};
use std::ops::Range;

/// How many findings of one code are drawn per file; the rest are counted
/// in one line. A file with 200,000 unknown tables reads no better with all
/// of them, and a terminal or CI log would drown.
pub const SHOWN_PER_CODE: usize = 20;

/// How many lines of source a snippet shows at most.
const MAX_SNIPPET_LINES: usize = 12;

/// How many characters of one source line a snippet shows at most.
const MAX_SNIPPET_LINE_CHARS: usize = 240;

/// Writes the diagnostics of a report: the first [`SHOWN_PER_CODE`] of each
/// code drawn with their source lines, then one line per code counting the
/// others.
pub fn write_report(
    out: &mut dyn Write,
    report: &FileReport,
    lang: Lang,
    color: bool,
) -> io::Result<()> {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut seen: BTreeMap<Code, usize> = BTreeMap::new();
    for diagnostic in &report.diagnostics {
        let n = seen.entry(diagnostic.code).or_default();
        *n += 1;
        if *n > SHOWN_PER_CODE {
            continue;
        }
        writeln!(out, "{}", render(&renderer, report, diagnostic, lang))?;
        writeln!(out)?;
    }
    for (code, n) in seen {
        if n > SHOWN_PER_CODE {
            let more = crate::format::count(n - SHOWN_PER_CODE, lang);
            let path = super::sanitize(&report.path.display().to_string()).into_owned();
            writeln!(
                out,
                "{}\n",
                tr!(
                    lang,
                    "… et {more} autres {code} dans {path} (toutes figurent avec --format json)",
                    "… and {more} more {code} in {path} (all are listed with --format json)"
                )
            )?;
        }
    }
    Ok(())
}

/// The lines a snippet shows: whole lines around the span, at most
/// [`MAX_SNIPPET_LINES`] of them, each cut to [`MAX_SNIPPET_LINE_CHARS`]
/// characters around the span, hazardous characters replaced. Returns the
/// excerpt, its first line number and the span within it. Only these lines
/// go to the renderer: handing it the whole file for each finding made a
/// file with many findings quadratic.
fn excerpt(source: &SourceFile, span: &Range<usize>) -> (String, usize, Range<usize>, bool) {
    let text = source.text();
    let span = on_char_boundaries(text, span);
    let first_line = source.position(span.start).line;
    let last_line = source
        .position(span.end)
        .line
        .min(first_line + MAX_SNIPPET_LINES - 1);
    let start = source.line_start(first_line);
    let end = source.line_end(last_line);
    // A span may start on a line's ending (after its `\r`): keep it within
    // the shown text, never reversed.
    let from = span.start.clamp(start, end);
    let mut span = from - start..span.end.clamp(from, end) - start;
    let mut lines = &text[start..end];
    // One very long line (a minified table): keep a window around the span.
    let windowed = first_line == last_line && lines.chars().count() > MAX_SNIPPET_LINE_CHARS;
    if windowed {
        let from = floor_boundary(lines, span.start.saturating_sub(MAX_SNIPPET_LINE_CHARS / 2));
        let to = floor_boundary(
            lines,
            (span.start + MAX_SNIPPET_LINE_CHARS / 2)
                .max(span.end.min(span.start + MAX_SNIPPET_LINE_CHARS)),
        );
        let to = to.max(from);
        lines = &lines[from..to];
        span = span.start - from..span.end.min(to).max(span.start) - from;
    }
    (
        super::sanitize_same_len(lines).into_owned(),
        first_line,
        span,
        windowed,
    )
}

fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn render(renderer: &Renderer, report: &FileReport, d: &Diagnostic, lang: Lang) -> String {
    let level = match d.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Note => Level::NOTE,
    }
    .with_name(d.severity.name(lang));
    let path = super::sanitize(&report.path.display().to_string()).into_owned();
    let message = super::sanitize(&d.message);
    let title = level.primary_title(message.as_ref()).id(d.code.as_str());
    let label = d.label.as_deref().map(super::sanitize);
    let excerpt = report
        .source
        .as_ref()
        .zip(d.span.as_ref())
        .map(|(source, span)| excerpt(source, span));
    let mut group = match &excerpt {
        Some((lines, line_start, span, windowed)) => {
            let mut annotation = AnnotationKind::Primary.span(span.clone());
            if let Some(label) = &label {
                annotation = annotation.label(label.as_ref());
            }
            let snippet = Snippet::source(lines.as_str())
                .line_start(*line_start)
                .fold(true)
                .annotation(annotation);
            if *windowed {
                // The renderer would count the column from the window: the
                // header gives the real one.
                let at = report
                    .source
                    .as_ref()
                    .zip(d.span.as_ref())
                    .map(|(s, sp)| s.position(sp.start));
                let mut origin = Origin::path(path);
                if let Some(at) = at {
                    origin = origin.line(at.line).char_column(at.column);
                }
                title.element(origin).element(snippet)
            } else {
                title.element(snippet.path(path))
            }
        }
        _ => title.element(Origin::path(path)),
    };
    let help_text = super::sanitize(&d.help);
    if !d.help.is_empty() {
        let help = Level::HELP.with_name(match lang {
            Lang::Fr => "aide",
            Lang::En => "help",
        });
        group = group.element(help.message(help_text.as_ref()));
    }
    let report: &[Group<'_>] = &[group];
    renderer.render(report)
}

/// Widens a span to character boundaries within the text, so that no span,
/// however computed, can make the renderer slice inside a character.
fn on_char_boundaries(text: &str, span: &std::ops::Range<usize>) -> std::ops::Range<usize> {
    let mut start = span.start.min(text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = span.end.clamp(start, text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    start..end
}

/// The closing line: how many files, errors, warnings.
pub fn summary_line(summary: &Summary, lang: Lang) -> String {
    let Summary {
        files,
        errors,
        warnings,
        notes,
        ..
    } = *summary;
    // French uses the singular for 0 and 1; English only for 1.
    let s = |n: usize| match lang {
        Lang::Fr if n > 1 => "s",
        Lang::En if n != 1 => "s",
        _ => "",
    };
    let (sf, se, sw, sn) = (s(files), s(errors), s(warnings), s(notes));
    tr!(
        lang,
        "{files} fichier{sf} vérifié{sf} : {errors} erreur{se}, {warnings} avertissement{sw}, {notes} note{sn}",
        "{files} file{sf} checked: {errors} error{se}, {warnings} warning{sw}, {notes} note{sn}",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_span_on_a_line_ending_or_past_the_text_is_drawn_without_panic() {
        let text = "a = 1\r\nb = 2\r\n".to_string();
        let source = SourceFile::new("x.toml", text);
        for span in [6..7, 5..7, 6..6, 14..14, 40..50] {
            let report = FileReport {
                path: "x.toml".into(),
                source: Some(source.clone()),
                diagnostics: vec![Diagnostic::new(Code::UnknownKey, span.clone(), "m").help("h")],
            };
            let mut out = Vec::new();
            write_report(&mut out, &report, Lang::En, false).unwrap();
            assert!(
                String::from_utf8(out).unwrap().contains("x.toml:"),
                "{span:?}"
            );
        }
    }

    #[test]
    fn a_window_on_a_long_line_keeps_the_real_column() {
        let line = format!("name = \"{}\", bogus = 1", "x".repeat(600));
        let source = SourceFile::new("x.toml", format!("a = 1\n{line}\n"));
        let at = source.text().find("bogus").unwrap();
        let report = FileReport {
            path: "x.toml".into(),
            source: Some(source),
            diagnostics: vec![Diagnostic::new(Code::UnknownKey, at..at + 5, "m")],
        };
        let mut out = Vec::new();
        write_report(&mut out, &report, Lang::En, false).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert!(out.contains("x.toml:2:612"), "{out}");
        assert!(
            !out.contains(&"x".repeat(300)),
            "the line is windowed: {out}"
        );
    }

    #[test]
    fn findings_past_twenty_of_a_code_are_counted() {
        let source = SourceFile::new("x.toml", "a = 1\n".repeat(30));
        let report = FileReport {
            path: "x.toml".into(),
            source: Some(source),
            diagnostics: (0..30)
                .map(|i| Diagnostic::new(Code::UnknownKey, i * 6..i * 6 + 1, "m"))
                .collect(),
        };
        let mut out = Vec::new();
        write_report(&mut out, &report, Lang::Fr, false).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert_eq!(out.matches("erreur[P010]").count(), SHOWN_PER_CODE);
        assert!(out.contains("… et 10 autres P010 dans x.toml"), "{out}");
    }

    #[test]
    fn spans_inside_a_character_do_not_panic() {
        let text = "title = \"Soci\u{fffd}t\u{fffd}\"\n".to_string();
        let report = FileReport {
            path: "x.toml".into(),
            source: Some(SourceFile::new("x.toml", text)),
            diagnostics: vec![Diagnostic::new(Code::NotUtf8, 14..15, "bad").help("fix")],
        };
        let mut out = Vec::new();
        write_report(&mut out, &report, Lang::En, false).unwrap();
        assert!(String::from_utf8(out).unwrap().contains("x.toml:1:14"));
        assert_eq!(on_char_boundaries("aé", &(2..2)), 1..3);
        assert_eq!(on_char_boundaries("a", &(5..9)), 1..1);
    }
}
