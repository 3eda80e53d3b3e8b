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
    /// Characters before each [`CHAR_BLOCK`]-byte block, built on the first
    /// column asked: with it a column costs at most one block of counting,
    /// however long the line (a minified inline table with 90,000 findings
    /// made each column cost the whole line).
    char_marks: std::sync::OnceLock<Vec<usize>>,
}

/// The stride of [`SourceFile::char_marks`], in bytes.
const CHAR_BLOCK: usize = 4096;

/// Characters in UTF-8 bytes: every byte that does not continue a character.
fn chars_in(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
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
            char_marks: std::sync::OnceLock::new(),
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
        let column = if offset - start <= CHAR_BLOCK {
            self.text[start..offset].chars().count()
        } else {
            self.chars_before(offset) - self.chars_before(start)
        } + 1;
        Position {
            line: line + 1,
            column,
        }
    }

    /// The number of characters before a byte offset.
    fn chars_before(&self, offset: usize) -> usize {
        let bytes = self.text.as_bytes();
        let marks = self.char_marks.get_or_init(|| {
            let mut marks = vec![0];
            let mut total = 0;
            for block in bytes.chunks(CHAR_BLOCK) {
                total += chars_in(block);
                marks.push(total);
            }
            marks
        });
        let block = offset / CHAR_BLOCK;
        marks[block] + chars_in(&bytes[block * CHAR_BLOCK..offset])
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
    fn columns_on_a_very_long_line_count_characters() {
        let line = "é".repeat(10_000) + "x";
        let text = format!("a = 1\n{line}\n");
        let f = SourceFile::new("a.toml", text.clone());
        let x = text.rfind('x').unwrap();
        assert_eq!(
            f.position(x),
            Position {
                line: 2,
                column: 10_001
            }
        );
        let mid = 6 + 2 * 5_000;
        assert_eq!(f.position(mid).column, 5_001);
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
