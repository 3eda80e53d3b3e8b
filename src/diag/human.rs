//! Human output, drawn like rustc's (annotate-snippets is rustc's own renderer).

use super::{Diagnostic, FileReport, Severity, Summary};
use crate::lang::Lang;
use crate::tr;
use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};
use std::io::{self, Write};

/// Writes every diagnostic of a report.
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
    for diagnostic in &report.diagnostics {
        writeln!(out, "{}", render(&renderer, report, diagnostic, lang))?;
        writeln!(out)?;
    }
    Ok(())
}

fn render(renderer: &Renderer, report: &FileReport, d: &Diagnostic, lang: Lang) -> String {
    let level = match d.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Note => Level::NOTE,
    }
    .with_name(d.severity.name(lang));
    let path = report.path.display().to_string();
    let title = level.primary_title(d.message.as_str()).id(d.code.as_str());
    let mut group = match (&report.source, &d.span) {
        (Some(source), Some(span)) => {
            let mut annotation =
                AnnotationKind::Primary.span(on_char_boundaries(source.text(), span));
            if let Some(label) = &d.label {
                annotation = annotation.label(label.as_str());
            }
            title.element(
                Snippet::source(source.text())
                    .path(path)
                    .fold(true)
                    .annotation(annotation),
            )
        }
        _ => title.element(Origin::path(path)),
    };
    if !d.help.is_empty() {
        let help = Level::HELP.with_name(match lang {
            Lang::Fr => "aide",
            Lang::En => "help",
        });
        group = group.element(help.message(d.help.as_str()));
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
    use crate::diag::Code;
    use crate::source::SourceFile;

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
