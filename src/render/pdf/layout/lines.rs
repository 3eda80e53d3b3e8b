//! Line breaking: runs of text to lines of words no wider than a measure —
//! the fonts' real advances, optimal fit, French and English hyphenation,
//! « 1er » with its letters raised — and the lines kept from one pass of
//! the layout to the next.

use super::Writer;
use crate::render::pdf::fonts::Style;
use crate::render::print::text::superscript;
use crate::render::print::tree::{Mark, Run};
use textwrap::core::Fragment;
use textwrap::wrap_algorithms::{Penalties, wrap_first_fit, wrap_optimal_fit};

/// Part of a date, never cut (English months have their capital).
pub(super) use crate::format::MONTHS_FR as FRENCH_MONTHS;
/// The size of raised letters (« 1er »), relative to the text.
pub(super) const SUPERSCRIPT: f32 = 0.62;

/// A word: pieces in possibly different styles, not to be broken.
#[derive(Debug, Clone)]
pub(super) struct Word {
    pub(super) pieces: Vec<(String, Style, Mark)>,
    pub(super) width: f64,
    pub(super) space: f64,
    /// A syllable with more of its word after it: a line ending here ends
    /// with a hyphen; a line going on joins it to the next.
    pub(super) hyphen: f64,
}

impl Fragment for Word {
    fn width(&self) -> f64 {
        self.width
    }
    fn whitespace_width(&self) -> f64 {
        self.space
    }
    fn penalty_width(&self) -> f64 {
        self.hyphen
    }
}

/// Paragraphs broken into lines, kept from one pass of the layout to the
/// next: the passes differ only in where pages fall, not in how a
/// paragraph of a given width breaks. Keyed by the paragraph's content,
/// never by where it lives in memory.
#[derive(Default)]
pub struct Lines(std::cell::RefCell<std::collections::HashMap<u64, Vec<Vec<Word>>>>);

impl Writer<'_> {
    /// The width [`Writer::draw`] gives a piece.
    pub(super) fn width(&self, text: &str, style: Style, size: f32) -> f32 {
        match (self.lang == crate::lang::Lang::Fr)
            .then(|| superscript(text))
            .flatten()
        {
            Some((base, raised, rest)) => {
                self.fonts.width(base, style, size)
                    + self.fonts.width(raised, style, size * SUPERSCRIPT)
                    + self.fonts.width(rest, style, size)
            }
            None => self.fonts.width(text, style, size),
        }
    }

    /// Breaks runs into lines of words no wider than `width`, or takes
    /// them from an earlier pass.
    pub(super) fn wrap(&self, runs: &[Run], size: f32, width: f32) -> Vec<Vec<Word>> {
        let Some(lines) = self.lines else {
            return self.break_lines(runs, size, width);
        };
        let key = {
            use std::hash::{Hash, Hasher};
            let mut h = std::collections::hash_map::DefaultHasher::new();
            for r in runs {
                (&r.text, r.style, r.mark).hash(&mut h);
            }
            (
                size.to_bits(),
                width.to_bits(),
                self.lang.code(),
                self.hyphenate,
                self.sans,
            )
                .hash(&mut h);
            h.finish()
        };
        if let Some(found) = lines.0.borrow().get(&key) {
            return found.clone();
        }
        let broken = self.break_lines(runs, size, width);
        lines.0.borrow_mut().insert(key, broken.clone());
        broken
    }

    /// Breaks runs into lines of words no wider than `width`.
    fn break_lines(&self, runs: &[Run], size: f32, width: f32) -> Vec<Vec<Word>> {
        let mut words: Vec<Word> = Vec::new();
        let mut current: Vec<(String, Style, Mark)> = Vec::new();
        let finish = |current: &mut Vec<(String, Style, Mark)>,
                      words: &mut Vec<Word>,
                      space_style: Style| {
            if current.is_empty() {
                return;
            }
            let pieces = std::mem::take(current);
            let w: f32 = pieces.iter().map(|(t, s, _)| self.width(t, *s, size)).sum();
            let space = self.fonts.width(" ", space_style, size);
            words.push(Word {
                pieces,
                width: f64::from(w),
                space: f64::from(space),
                hyphen: 0.0,
            });
        };
        for run in runs {
            // A review note is set in the sans, apart from the text it reviews.
            let style = Style::from(run.style);
            let style = if self.sans { style.sans() } else { style };
            for c in run.text.chars() {
                if c == ' ' || c == '\n' || c == '\t' {
                    finish(&mut current, &mut words, style);
                    continue;
                }
                // Each character in the face that draws it: Arabic in Noto
                // Naskh Arabic, the rest of what the text faces lack in
                // DejaVu Sans.
                let face = self.fonts.face_for(c, style);
                match current.last_mut() {
                    Some((text, style, mark)) if *style == face && *mark == run.mark => {
                        text.push(c);
                    }
                    _ => current.push((c.to_string(), face, run.mark)),
                }
            }
        }
        finish(&mut current, &mut words, Style::Regular);
        let words = if self.hyphenate {
            self.hyphenate(words, size)
        } else {
            words
        };
        let words = self.split_overlong(words, size, width);
        let widths = [f64::from(width)];
        let lines = wrap_optimal_fit(&words, &widths, &Penalties::new())
            .unwrap_or_else(|_| wrap_first_fit(&words, &widths));
        lines.into_iter().map(<[Word]>::to_vec).collect()
    }

    /// Cuts each word the language's patterns allow into syllables a line
    /// may end on, with a hyphen. Only common words: one in bold (a party's
    /// name), with a capital (a proper noun), a digit (an amount, a date, a
    /// reference) or a hyphen of its own is kept whole, and so is a short one.
    fn hyphenate(&self, words: Vec<Word>, size: f32) -> Vec<Word> {
        let patterns = match self.lang {
            crate::lang::Lang::Fr => hypher::Lang::French,
            crate::lang::Lang::En => hypher::Lang::English,
        };
        let mut out = Vec::with_capacity(words.len());
        for word in words {
            let [(text, style, mark)] = &word.pieces[..] else {
                out.push(word);
                continue;
            };
            if style.is_bold() || style.is_fallback() {
                out.push(word);
                continue;
            }
            // « l’aménagement » : the elision stays with the first syllable;
            // « entente, » : the punctuation with the last.
            let elided = text
                .char_indices()
                .take(4)
                .find(|(_, c)| matches!(c, '’' | '\''))
                .map_or(0, |(i, c)| i + c.len_utf8());
            let core_end = text
                .char_indices()
                .rev()
                .find(|(_, c)| c.is_alphabetic())
                .map_or(0, |(i, c)| i + c.len_utf8());
            let core = text.get(elided..core_end).unwrap_or_default();
            let plain = core.chars().count() >= 6
                && core.chars().all(char::is_alphabetic)
                && core.chars().next().is_some_and(char::is_lowercase)
                && !FRENCH_MONTHS.contains(&core);
            if !plain {
                out.push(word);
                continue;
            }
            let syllables: Vec<&str> = hypher::hyphenate_bounded(core, patterns, 2, 3).collect();
            if syllables.len() < 2 {
                out.push(word);
                continue;
            }
            let hyphen = f64::from(self.fonts.width("-", *style, size));
            let last = syllables.len() - 1;
            for (k, syllable) in syllables.iter().enumerate() {
                let mut piece = String::new();
                if k == 0 {
                    piece.push_str(&text[..elided]);
                }
                piece.push_str(syllable);
                if k == last {
                    piece.push_str(&text[core_end..]);
                }
                let width = f64::from(self.fonts.width(&piece, *style, size));
                out.push(Word {
                    pieces: vec![(piece, *style, *mark)],
                    width,
                    space: if k == last { word.space } else { 0.0 },
                    hyphen: if k == last { 0.0 } else { hyphen },
                });
            }
        }
        out
    }

    /// Cuts words wider than the line (a long address, a URL) into pieces that fit.
    fn split_overlong(&self, words: Vec<Word>, size: f32, width: f32) -> Vec<Word> {
        let mut out = Vec::with_capacity(words.len());
        for word in words {
            if word.width <= f64::from(width) {
                out.push(word);
                continue;
            }
            let mut piece = Vec::new();
            let mut piece_width = 0.0f32;
            for (text, style, mark) in word.pieces {
                for c in text.chars() {
                    let cw = self.fonts.width(&c.to_string(), style, size);
                    if piece_width + cw > width && piece_width > 0.0 {
                        out.push(Word {
                            pieces: std::mem::take(&mut piece),
                            width: f64::from(piece_width),
                            space: 0.0,
                            hyphen: 0.0,
                        });
                        piece_width = 0.0;
                    }
                    match piece.last_mut() {
                        Some((t, s, m)) if *s == style && *m == mark => t.push(c),
                        _ => piece.push((c.to_string(), style, mark)),
                    }
                    piece_width += cw;
                }
            }
            if !piece.is_empty() {
                out.push(Word {
                    pieces: piece,
                    width: f64::from(piece_width),
                    space: word.space,
                    hyphen: 0.0,
                });
            }
        }
        out
    }
}

/// A piece of a line to draw: part of a word's piece (its word, its
/// piece, the byte range of the piece's text, whether it reads right to
/// left), or the space after a word.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Atom {
    Piece {
        word: usize,
        piece: usize,
        start: usize,
        end: usize,
        rtl: bool,
    },
    Space(usize),
}

/// The order in which a line's pieces and spaces are drawn from left to
/// right: the Unicode bidirectional algorithm over the line (a French
/// sentence holding an Arabic name shows the name's words right to left,
/// its parentheses around it; a number inside Arabic text stays a number).
/// A piece is cut where its level changes (« 88), » ends an Arabic address:
/// the number goes with the Arabic, the parenthesis and comma with the
/// French). A line with no right-to-left text, almost every line, is drawn
/// as it reads.
pub(super) fn visual_order(line: &[Word]) -> Vec<Atom> {
    use crate::lang::is_right_to_left as rtl;
    use unicode_bidi::{BidiInfo, Level};
    let whole = |word: usize, piece: usize| Atom::Piece {
        word,
        piece,
        start: 0,
        end: line[word].pieces[piece].0.len(),
        rtl: false,
    };
    if !line.iter().any(|w| {
        w.pieces
            .iter()
            .any(|(t, s, _)| s.is_fallback() && t.chars().any(rtl))
    }) {
        let mut atoms = Vec::new();
        for (w, word) in line.iter().enumerate() {
            if w > 0 {
                atoms.push(Atom::Space(w - 1));
            }
            atoms.extend((0..word.pieces.len()).map(|p| whole(w, p)));
        }
        return atoms;
    }
    let mut text = String::new();
    let mut places = Vec::new();
    for (w, word) in line.iter().enumerate() {
        if w > 0 {
            places.push((text.len(), None));
            text.push(' ');
        }
        for (p, (piece, _, _)) in word.pieces.iter().enumerate() {
            places.push((text.len(), Some((w, p))));
            text.push_str(piece);
        }
    }
    let bidi = BidiInfo::new(&text, Some(Level::ltr()));
    let level = |at: usize| bidi.levels.get(at).copied().unwrap_or_else(Level::ltr);
    let mut atoms = Vec::new();
    let mut levels = Vec::new();
    for (n, &(at, place)) in places.iter().enumerate() {
        match place {
            None => {
                atoms.push(Atom::Space(places[n - 1].1.map_or(0, |(w, _)| w)));
                levels.push(level(at));
            }
            Some((w, p)) => {
                let piece = &line[w].pieces[p].0;
                let mut start = 0;
                for (i, _) in piece.char_indices().skip(1) {
                    if level(at + i) != level(at + start) {
                        atoms.push(Atom::Piece {
                            word: w,
                            piece: p,
                            start,
                            end: i,
                            rtl: level(at + start).is_rtl(),
                        });
                        levels.push(level(at + start));
                        start = i;
                    }
                }
                atoms.push(Atom::Piece {
                    word: w,
                    piece: p,
                    start,
                    end: piece.len(),
                    rtl: level(at + start).is_rtl(),
                });
                levels.push(level(at + start));
            }
        }
    }
    BidiInfo::reorder_visual(&levels)
        .into_iter()
        .map(|i| atoms[i])
        .collect()
}

/// A character as drawn in right-to-left text: brackets and quotation
/// marks turn round (the shaper does this for text it shapes).
pub(crate) fn mirrored(c: char) -> char {
    match c {
        '(' => ')',
        ')' => '(',
        '[' => ']',
        ']' => '[',
        '{' => '}',
        '}' => '{',
        '<' => '>',
        '>' => '<',
        '«' => '»',
        '»' => '«',
        '‹' => '›',
        '›' => '‹',
        c => c,
    }
}

/// A line's syllables joined back into words, and a hyphen after the last
/// when the line ends inside a word.
pub(super) fn join_syllables(line: Vec<Word>, hyphen_width: f32) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::with_capacity(line.len());
    let mut continues = false;
    for word in line {
        match out.last_mut() {
            Some(prev) if continues => {
                for piece in word.pieces {
                    match prev.pieces.last_mut() {
                        Some(last) if last.1 == piece.1 && last.2 == piece.2 => {
                            last.0.push_str(&piece.0)
                        }
                        _ => prev.pieces.push(piece),
                    }
                }
                prev.width += word.width;
                prev.space = word.space;
                prev.hyphen = word.hyphen;
            }
            _ => out.push(word),
        }
        continues = out.last().is_some_and(|w| w.hyphen > 0.0);
    }
    if let Some(last) = out.last_mut()
        && last.hyphen > 0.0
    {
        if let Some(piece) = last.pieces.last_mut() {
            piece.0.push('-');
        }
        last.width += f64::from(hyphen_width);
        last.hyphen = 0.0;
    }
    out
}
