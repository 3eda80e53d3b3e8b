//! The PDF's fonts, embedded in the binary, and which characters they can
//! draw. The text is set in Liberation Serif, review notes in Liberation
//! Sans (SIL OFL 1.1 — see assets/fonts/LICENSE-OFL.txt); what those lack
//! falls back, character by character, to Noto Naskh Arabic (OFL) for
//! Arabic script, then to DejaVu Sans (Bitstream Vera licence — see
//! assets/fonts/LICENSE-DejaVu.txt) for Greek, Cyrillic, Hebrew and
//! symbols. The check (`P082`, with `check --final` and before every PDF)
//! and the typesetter share this one answer, so a convention that checks
//! clean always typesets.

use std::sync::OnceLock;
use ttf_parser::Face;

/// Regular, bold, italic, bold italic: the serif of the text, then the sans
/// of review notes; then the fallbacks: Arabic regular and bold, and the
/// symbols face (the order of `render::pdf::fonts::Style`).
pub static BYTES: [&[u8]; 11] = [
    include_bytes!("../assets/fonts/LiberationSerif-Regular.ttf"),
    include_bytes!("../assets/fonts/LiberationSerif-Bold.ttf"),
    include_bytes!("../assets/fonts/LiberationSerif-Italic.ttf"),
    include_bytes!("../assets/fonts/LiberationSerif-BoldItalic.ttf"),
    include_bytes!("../assets/fonts/LiberationSans-Regular.ttf"),
    include_bytes!("../assets/fonts/LiberationSans-Bold.ttf"),
    include_bytes!("../assets/fonts/LiberationSans-Italic.ttf"),
    include_bytes!("../assets/fonts/LiberationSans-BoldItalic.ttf"),
    include_bytes!("../assets/fonts/NotoNaskhArabic-Regular.ttf"),
    include_bytes!("../assets/fonts/NotoNaskhArabic-Bold.ttf"),
    include_bytes!("../assets/fonts/DejaVuSans.ttf"),
];

/// How many of [`BYTES`] are the text's own faces (serif and sans); the
/// rest are fallbacks.
pub const TEXT_FACES: usize = 8;

/// The first character of `text` that `face` has no glyph for (control
/// characters are layout, not drawn).
pub fn missing_in(face: &Face<'_>, text: &str) -> Option<char> {
    // Printable ASCII is in every text face (a test says so): only the rest
    // is looked up, and a convention is mostly ASCII.
    text.chars()
        .find(|&c| !c.is_ascii() && !c.is_control() && face.glyph_index(c).is_none())
}

/// The faces, parsed once.
fn faces() -> &'static [Face<'static>] {
    static FACES: OnceLock<Vec<Face<'static>>> = OnceLock::new();
    FACES.get_or_init(|| {
        BYTES
            .iter()
            .filter_map(|b| Face::parse(b, 0).ok())
            .collect()
    })
}

/// Whether a character can be drawn in any style: every text face has it
/// (any text may end up bold, italic or quoted in a review note), or a
/// fallback face does.
pub fn drawable(c: char) -> bool {
    if c.is_ascii() || c.is_control() {
        return true;
    }
    let faces = faces();
    let (text, fallbacks) = faces.split_at(TEXT_FACES.min(faces.len()));
    text.iter().all(|f| f.glyph_index(c).is_some())
        || fallbacks.iter().any(|f| f.glyph_index(c).is_some())
}

/// The first character of `text` that no face can draw.
pub fn undrawable(text: &str) -> Option<char> {
    text.chars().find(|&c| !drawable(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_english_arabic_and_symbols_are_drawable_and_the_rest_is_named() {
        assert_eq!(undrawable("Société « Ça » — 1 200,00 $ l’œuvre…"), None);
        assert_eq!(undrawable("جمعية الأمل — Ελλάδα — Москва — שלום ☃"), None);
        assert_eq!(undrawable("Amin 🦀"), Some('🦀'));
        assert_eq!(undrawable("東京"), Some('東'));
        let printable: String = (' '..='~').collect();
        for face in BYTES[..TEXT_FACES]
            .iter()
            .map(|b| Face::parse(b, 0).unwrap())
        {
            assert!(printable.chars().all(|c| face.glyph_index(c).is_some()));
        }
        assert_eq!(faces().len(), BYTES.len(), "every face parses");
    }
}
