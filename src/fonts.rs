//! The PDF's fonts, embedded in the binary (Liberation Serif for the text,
//! Liberation Sans for review notes; SIL OFL 1.1 — see
//! assets/fonts/LICENSE-OFL.txt), and which characters they can draw. The check (`P082`, with `check --final` and before every PDF) and
//! the typesetter share this one answer, so a convention that checks clean
//! always typesets.

use std::sync::OnceLock;
use ttf_parser::Face;

/// Regular, bold, italic, bold italic: the serif of the text, then the sans
/// of review notes (the order of `render::pdf::fonts::Style`).
pub static BYTES: [&[u8]; 8] = [
    include_bytes!("../assets/fonts/LiberationSerif-Regular.ttf"),
    include_bytes!("../assets/fonts/LiberationSerif-Bold.ttf"),
    include_bytes!("../assets/fonts/LiberationSerif-Italic.ttf"),
    include_bytes!("../assets/fonts/LiberationSerif-BoldItalic.ttf"),
    include_bytes!("../assets/fonts/LiberationSans-Regular.ttf"),
    include_bytes!("../assets/fonts/LiberationSans-Bold.ttf"),
    include_bytes!("../assets/fonts/LiberationSans-Italic.ttf"),
    include_bytes!("../assets/fonts/LiberationSans-BoldItalic.ttf"),
];

/// The first character of `text` that `face` has no glyph for (control
/// characters are layout, not drawn).
pub fn missing_in(face: &Face<'_>, text: &str) -> Option<char> {
    // Printable ASCII is in every face (a test says so): only the rest is
    // looked up, and a convention is mostly ASCII.
    text.chars()
        .find(|&c| !c.is_ascii() && !c.is_control() && face.glyph_index(c).is_none())
}

/// The first character of `text` that one of the faces cannot draw: any
/// text may end up bold (a heading), italic (a quotation) or quoted in a
/// review note.
pub fn undrawable(text: &str) -> Option<char> {
    static FACES: OnceLock<Vec<Face<'static>>> = OnceLock::new();
    let faces = FACES.get_or_init(|| {
        BYTES
            .iter()
            .filter_map(|b| Face::parse(b, 0).ok())
            .collect()
    });
    faces.iter().find_map(|f| missing_in(f, text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_and_english_typography_is_drawable_and_the_rest_is_named() {
        assert_eq!(undrawable("Société « Ça » — 1 200,00 $ l’œuvre…"), None);
        assert_eq!(undrawable("Les jardins ☃ du port"), Some('☃'));
        assert_eq!(undrawable("Amin 😀"), Some('😀'));
        let printable: String = (' '..='~').collect();
        for face in BYTES.iter().map(|b| Face::parse(b, 0).unwrap()) {
            assert!(printable.chars().all(|c| face.glyph_index(c).is_some()));
        }
    }
}
