//! The embedded faces (Liberation Serif for the text, Liberation Sans for
//! review notes; SIL OFL 1.1 — see assets/fonts/LICENSE-OFL.txt) and exact
//! text measurement with their glyph advances. printpdf applies no kerning, so a sum of advances is exactly the
//! width it will draw.

use ttf_parser::Face;

/// A face: the serif of the convention's text, or the sans that sets a
/// review note apart from it (`--annotate`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Style {
    Regular,
    Bold,
    Italic,
    BoldItalic,
    SansRegular,
    SansBold,
    SansItalic,
    SansBoldItalic,
}

impl Style {
    pub const ALL: [Style; 8] = [
        Style::Regular,
        Style::Bold,
        Style::Italic,
        Style::BoldItalic,
        Style::SansRegular,
        Style::SansBold,
        Style::SansItalic,
        Style::SansBoldItalic,
    ];

    pub fn is_bold(self) -> bool {
        matches!(
            self,
            Style::Bold | Style::BoldItalic | Style::SansBold | Style::SansBoldItalic
        )
    }

    pub fn is_italic(self) -> bool {
        matches!(
            self,
            Style::Italic | Style::BoldItalic | Style::SansItalic | Style::SansBoldItalic
        )
    }

    pub fn is_sans(self) -> bool {
        self >= Style::SansRegular
    }

    /// The same weight and slant in the sans.
    pub fn sans(self) -> Style {
        match self {
            Style::Regular => Style::SansRegular,
            Style::Bold => Style::SansBold,
            Style::Italic => Style::SansItalic,
            Style::BoldItalic => Style::SansBoldItalic,
            sans => sans,
        }
    }

    /// This face's family with the given weight and slant.
    pub fn with(self, bold: bool, italic: bool) -> Style {
        let serif = match (bold, italic) {
            (false, false) => Style::Regular,
            (true, false) => Style::Bold,
            (false, true) => Style::Italic,
            (true, true) => Style::BoldItalic,
        };
        if self.is_sans() { serif.sans() } else { serif }
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

pub use crate::fonts::BYTES;

/// The faces, parsed once.
pub struct Fonts {
    faces: Vec<Face<'static>>,
    /// Each face's advance of the characters a convention is mostly made
    /// of (up to U+2FFF: Latin, punctuation, spaces, currency), read from
    /// its tables the first time it is measured: measuring is the
    /// typesetter's innermost loop.
    advances: Vec<Vec<std::cell::Cell<u16>>>,
}

/// Not yet read from the face.
const UNKNOWN: u16 = u16::MAX;

/// The characters whose advances are kept at hand.
const CACHED: usize = 0x3000;

impl Fonts {
    /// Parses the embedded fonts. They are compiled in and covered by tests,
    /// so a failure here is a build defect, reported rather than panicking.
    pub fn load() -> Result<Fonts, String> {
        let faces = BYTES
            .iter()
            .map(|b| Face::parse(b, 0).map_err(|e| format!("embedded font: {e}")))
            .collect::<Result<Vec<_>, _>>()?;
        let advances = faces
            .iter()
            .map(|_| vec![std::cell::Cell::new(UNKNOWN); CACHED])
            .collect();
        Ok(Fonts { faces, advances })
    }

    /// The width of `text` in points at `size`.
    pub fn width(&self, text: &str, style: Style, size: f32) -> f32 {
        let face = &self.faces[style.index()];
        let cached = &self.advances[style.index()];
        let units = f32::from(face.units_per_em());
        let total: u32 = text
            .chars()
            .map(|c| match cached.get(c as usize) {
                Some(a) if a.get() != UNKNOWN => u32::from(a.get()),
                Some(a) => {
                    a.set(advance(face, c));
                    u32::from(a.get())
                }
                None => u32::from(advance(face, c)),
            })
            .sum();
        total as f32 * size / units
    }

    /// The first character of `text` that `style` cannot draw.
    pub fn missing(&self, text: &str, style: Style) -> Option<char> {
        crate::fonts::missing_in(&self.faces[style.index()], text)
    }
}

/// A character's advance in font units; 0 when the face lacks it.
fn advance(face: &Face<'_>, c: char) -> u16 {
    face.glyph_index(c)
        .and_then(|g| face.glyph_hor_advance(g))
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_family_covers_french_legal_typography() {
        let fonts = Fonts::load().unwrap();
        let needed = "éèêëàâçôîïûùœŒÉÈÀÇ«»’–—…€\u{a0}\u{202f}°№";
        for style in Style::ALL {
            assert_eq!(
                fonts.missing(&needed.replace('№', ""), style),
                None,
                "{style:?}"
            );
        }
        assert_eq!(fonts.missing("a☃b", Style::Regular), Some('☃'));
    }

    #[test]
    fn widths_come_from_glyph_advances() {
        let fonts = Fonts::load().unwrap();
        let i = fonts.width("iiii", Style::Regular, 10.0);
        let m = fonts.width("mmmm", Style::Regular, 10.0);
        assert!(m > 2.0 * i, "a proportional font: {i} vs {m}");
        assert!(
            (fonts.width("ab", Style::Bold, 12.0)
                - fonts.width("a", Style::Bold, 12.0)
                - fonts.width("b", Style::Bold, 12.0))
            .abs()
                < 1e-4
        );
    }
}
