//! Source files and positions: byte spans to 1-based lines and columns.
//!
//! toml reports byte offsets; people and CI tools want lines and columns
//! (columns counted in characters, as rustc and editors do).

use std::ops::Range;
use std::path::{Path, PathBuf};

/// A byte range in a source file.
pub type Span = Range<usize>;

/// A file's text with its line index.
#[derive(Debug, Clone)]
pub struct SourceFile {
    path: PathBuf,
    text: String,
    line_starts: Vec<usize>,
}

/// A 1-based line and column (in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl SourceFile {
    pub fn new(path: impl Into<PathBuf>, text: String) -> SourceFile {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        SourceFile {
            path: path.into(),
            text,
            line_starts,
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// The line and column of a byte offset (clamped to the text, and to a
    /// character boundary, so a bad offset never panics).
    pub fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[line];
        let column = self.text[start..offset].chars().count() + 1;
        Position {
            line: line + 1,
            column,
        }
    }

    /// The byte offset where a 1-based line starts (the text's end past the
    /// last line).
    pub fn line_start(&self, line: usize) -> usize {
        self.line_starts
            .get(line.wrapping_sub(1))
            .copied()
            .unwrap_or(self.text.len())
    }

    /// The byte offset where a 1-based line's text ends, before its line
    /// ending.
    pub fn line_end(&self, line: usize) -> usize {
        let start = self.line_start(line);
        start + self.line_text(line).len()
    }

    /// The text of a 1-based line, without its line ending.
    pub fn line_text(&self, line: usize) -> &str {
        let Some(&start) = self.line_starts.get(line.wrapping_sub(1)) else {
            return "";
        };
        let end = self
            .line_starts
            .get(line)
            .copied()
            .unwrap_or(self.text.len());
        self.text[start..end].trim_end_matches(['\n', '\r'])
    }
}

/// The line and column of a byte offset in `text`, without indexing it
/// first (for a one-off position).
pub fn position_in(text: &str, offset: usize) -> Position {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Position {
        line: before.matches('\n').count() + 1,
        column: before[line_start..].chars().count() + 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters_not_bytes() {
        let f = SourceFile::new("a.toml", "a = 1\nnom = \"Société\"\nz".into());
        assert_eq!(f.position(0), Position { line: 1, column: 1 });
        assert_eq!(f.position(6), Position { line: 2, column: 1 });
        let z = f.text().rfind('z').unwrap();
        assert_eq!(f.position(z), Position { line: 3, column: 1 });
        // The closing quote is the 15th character of its line.
        let q = f.text().rfind('"').unwrap();
        assert_eq!(f.position(q).column, 15);
        assert_eq!(f.line_text(2), "nom = \"Société\"");
    }

    #[test]
    fn crlf_lines_are_indexed_like_lf() {
        let f = SourceFile::new("a.toml", "a = 1\r\nb = 2\r\n".into());
        assert_eq!(f.position(7), Position { line: 2, column: 1 });
        assert_eq!(f.line_text(1), "a = 1");
    }

    #[test]
    fn out_of_range_offsets_are_clamped() {
        let f = SourceFile::new("a.toml", "é".into());
        assert_eq!(f.position(1).column, 1);
        assert_eq!(f.position(99).column, 2);
    }
}
