//! The embedded font family (Liberation Serif, SIL OFL 1.1 — see
//! assets/fonts/LICENSE-OFL.txt) and exact text measurement with its glyph
//! advances. printpdf applies no kerning, so a sum of advances is exactly the
//! width it will draw.

use ttf_parser::Face;

/// A face of the family.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Style {
    Regular,
    Bold,
    Italic,
    BoldItalic,
}

impl Style {
    pub const ALL: [Style; 4] = [
        Style::Regular,
        Style::Bold,
        Style::Italic,
        Style::BoldItalic,
    ];

    pub fn with(self, bold: bool, italic: bool) -> Style {
        match (bold, italic) {
            (false, false) => Style::Regular,
            (true, false) => Style::Bold,
            (false, true) => Style::Italic,
            (true, true) => Style::BoldItalic,
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

pub use crate::fonts::BYTES;

/// The four faces, parsed once.
pub struct Fonts {
    faces: Vec<Face<'static>>,
}

impl Fonts {
    /// Parses the embedded fonts. They are compiled in and covered by tests,
    /// so a failure here is a build defect, reported rather than panicking.
    pub fn load() -> Result<Fonts, String> {
        let faces = BYTES
            .iter()
            .map(|b| Face::parse(b, 0).map_err(|e| format!("embedded font: {e}")))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Fonts { faces })
    }

    /// The width of `text` in points at `size`.
    pub fn width(&self, text: &str, style: Style, size: f32) -> f32 {
        let face = &self.faces[style.index()];
        let units = f32::from(face.units_per_em());
        let advance: u32 = text
            .chars()
            .filter_map(|c| face.glyph_index(c))
            .filter_map(|g| face.glyph_hor_advance(g))
            .map(u32::from)
            .sum();
        advance as f32 * size / units
    }

    /// The first character of `text` that `style` cannot draw.
    pub fn missing(&self, text: &str, style: Style) -> Option<char> {
        crate::fonts::missing_in(&self.faces[style.index()], text)
    }
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
