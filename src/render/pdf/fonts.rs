//! The embedded faces (Liberation Serif for the text, Liberation Sans for
//! review notes, Noto Naskh Arabic and DejaVu Sans for what they lack — see
//! `crate::fonts`) and exact text measurement. Latin text is measured by
//! its glyph advances (printpdf applies no kerning, so a sum of advances is
//! exactly the width it will draw); text in a fallback face is shaped
//! (rustybuzz: Arabic letters take their joining forms, right-to-left
//! text comes out in visual order) and measured by its shaped advances.

use ttf_parser::Face;

/// A face: the serif of the convention's text, the sans that sets a review
/// note apart from it (`--annotate`), or a fallback for the characters
/// they lack.
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
    /// Noto Naskh Arabic, for Arabic script.
    Arabic,
    ArabicBold,
    /// DejaVu Sans: Greek, Cyrillic, Hebrew, symbols.
    Symbols,
}

impl From<crate::render::print::Style> for Style {
    /// The text face of a run's weight and slant.
    fn from(style: crate::render::print::Style) -> Style {
        use crate::render::print::Style as Emphasis;
        match style {
            Emphasis::Regular => Style::Regular,
            Emphasis::Bold => Style::Bold,
            Emphasis::Italic => Style::Italic,
            Emphasis::BoldItalic => Style::BoldItalic,
        }
    }
}

impl Style {
    pub const ALL: [Style; 11] = [
        Style::Regular,
        Style::Bold,
        Style::Italic,
        Style::BoldItalic,
        Style::SansRegular,
        Style::SansBold,
        Style::SansItalic,
        Style::SansBoldItalic,
        Style::Arabic,
        Style::ArabicBold,
        Style::Symbols,
    ];

    pub fn is_bold(self) -> bool {
        matches!(
            self,
            Style::Bold
                | Style::BoldItalic
                | Style::SansBold
                | Style::SansBoldItalic
                | Style::ArabicBold
        )
    }

    /// A face that draws what the text's faces lack: shaped, never
    /// hyphenated.
    pub fn is_fallback(self) -> bool {
        self >= Style::Arabic
    }

    pub fn is_italic(self) -> bool {
        matches!(
            self,
            Style::Italic | Style::BoldItalic | Style::SansItalic | Style::SansBoldItalic
        )
    }

    pub fn is_sans(self) -> bool {
        (Style::SansRegular..=Style::SansBoldItalic).contains(&self)
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
        match self {
            Style::Arabic | Style::ArabicBold if bold => return Style::ArabicBold,
            Style::Arabic | Style::ArabicBold => return Style::Arabic,
            Style::Symbols => return Style::Symbols,
            _ => {}
        }
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
    /// The fallback faces' shapers, made the first time one is needed.
    shapers: Vec<std::cell::OnceCell<Option<rustybuzz::Face<'static>>>>,
    /// The text each fallback glyph stands for, fixed the first time it is
    /// drawn: a PDF maps a glyph to one text.
    glyph_texts: std::cell::RefCell<std::collections::HashMap<(Style, u16), String>>,
    /// Text already shaped, by face.
    shaped: std::cell::RefCell<std::collections::HashMap<(Style, String), Shaped>>,
    /// Each face's advance of the characters a convention is mostly made
    /// of (up to U+2FFF: Latin, punctuation, spaces, currency), read from
    /// its tables the first time it is measured: measuring is the
    /// typesetter's innermost loop.
    advances: Vec<Vec<std::cell::Cell<u16>>>,
}

/// The most shaped texts kept at once.
const MAX_SHAPED: usize = 20_000;

/// A text's shaped glyphs, shared between the passes that use them.
pub type Shaped = std::rc::Rc<Vec<Glyph>>;

/// A shaped glyph.
#[derive(Clone, Debug, PartialEq)]
pub struct Glyph {
    pub id: u16,
    /// How far the pen moves after it, in font units.
    pub advance: i32,
    /// How far right of the pen it is drawn (a vowel mark over its letter).
    pub x_offset: i32,
    /// Where its text starts in the shaped text.
    pub cluster: usize,
    /// The characters it stands for in the font's ToUnicode map (empty for
    /// the second glyph of a cluster that draws several characters).
    pub text: String,
}

/// Not yet read from the face.
const UNKNOWN: u16 = u16::MAX;

/// The characters whose advances are kept at hand.
const CACHED: usize = 0x3000;

impl Fonts {
    /// Parses the embedded fonts. They are compiled in and covered by tests,
    /// so a failure here is a build defect, reported rather than panicking.
    pub fn load() -> Result<Fonts, super::PdfError> {
        let faces = BYTES
            .iter()
            .map(|b| Face::parse(b, 0).map_err(|e| super::PdfError::Fonts(e.to_string())))
            .collect::<Result<Vec<_>, _>>()?;
        // Fallback faces are measured shaped, never by this cache.
        let advances = Style::ALL
            .iter()
            .map(|style| {
                if style.is_fallback() {
                    Vec::new()
                } else {
                    vec![std::cell::Cell::new(UNKNOWN); CACHED]
                }
            })
            .collect();
        let shapers = faces.iter().map(|_| std::cell::OnceCell::new()).collect();
        Ok(Fonts {
            faces,
            shapers,
            shaped: Default::default(),
            glyph_texts: Default::default(),
            advances,
        })
    }

    /// The face that draws `c` in text set in `style`: `style` itself when
    /// it has the glyph, else Noto Naskh Arabic (bold for bold text), else
    /// DejaVu Sans, else `style` (and the coverage check names `c`).
    /// Right-to-left letters (Arabic, Hebrew) always go to a fallback face,
    /// the one that is shaped: their order and joining are the shaper's.
    pub fn face_for(&self, c: char, style: Style) -> Style {
        if c.is_ascii() || c.is_control() {
            return style;
        }
        if !crate::lang::is_right_to_left(c) && self.faces[style.index()].glyph_index(c).is_some() {
            return style;
        }
        let arabic = if style.is_bold() {
            Style::ArabicBold
        } else {
            Style::Arabic
        };
        [arabic, Style::Symbols]
            .into_iter()
            .find(|f| self.faces[f.index()].glyph_index(c).is_some())
            .unwrap_or(style)
    }

    /// `text` shaped in a fallback face: its glyphs in visual order (right
    /// to left text comes out reversed), each with its advance and offset in
    /// font units and the text it draws. Shaped once per text and face:
    /// the layout measures a word in every pass and the export draws it.
    pub fn shape(&self, text: &str, style: Style) -> std::rc::Rc<Vec<Glyph>> {
        let key = (style, text.to_string());
        if let Some(found) = self.shaped.borrow().get(&key) {
            return found.clone();
        }
        let glyphs = std::rc::Rc::new(self.shape_uncached(text, style));
        let mut shaped = self.shaped.borrow_mut();
        // Words repeat (a party's name on every page); a text made of
        // nothing but different words does not fill memory with them.
        if shaped.len() >= MAX_SHAPED {
            shaped.clear();
        }
        shaped.insert(key, glyphs.clone());
        glyphs
    }

    fn shape_uncached(&self, text: &str, style: Style) -> Vec<Glyph> {
        let Some(shaper) = self.shapers[style.index()]
            .get_or_init(|| rustybuzz::Face::from_slice(BYTES[style.index()], 0))
        else {
            return Vec::new();
        };
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.guess_segment_properties();
        let shaped = rustybuzz::shape(shaper, &[], buffer);
        let infos = shaped.glyph_infos();
        let positions = shaped.glyph_positions();
        // Each cluster's text runs to the next cluster start in logical
        // order, whichever way the glyphs are ordered.
        let mut starts: Vec<usize> = infos.iter().map(|i| i.cluster as usize).collect();
        starts.sort_unstable();
        starts.dedup();
        let cluster_text = |start: usize| {
            let next = starts.partition_point(|&s| s <= start);
            let end = starts.get(next).copied().unwrap_or(text.len());
            text.get(start..end).unwrap_or_default()
        };
        let mut glyphs: Vec<Glyph> = infos
            .iter()
            .zip(positions)
            .map(|(info, position)| Glyph {
                id: u16::try_from(info.glyph_id).unwrap_or(0),
                advance: position.x_advance,
                x_offset: position.x_offset,
                cluster: info.cluster as usize,
                text: String::new(),
            })
            .collect();
        // The text each glyph stands for in the font's ToUnicode map, one
        // entry per glyph for the whole document: in logical order, each
        // glyph of a cluster takes one character and the last glyph the
        // rest (a letter, then its vowel marks); a glyph first seen standing
        // for a text keeps it.
        let rtl = infos.len() > 1 && infos[0].cluster > infos[infos.len() - 1].cluster;
        let mut canonical = self.glyph_texts.borrow_mut();
        let mut n = 0;
        while n < glyphs.len() {
            let cluster = glyphs[n].cluster;
            let end = glyphs[n..]
                .iter()
                .position(|g| g.cluster != cluster)
                .map_or(glyphs.len(), |p| n + p);
            let chars: Vec<char> = cluster_text(cluster).chars().collect();
            let mut order: Vec<usize> = (n..end).collect();
            if rtl {
                order.reverse();
            }
            for (k, &g) in order.iter().enumerate() {
                let text: String = if k + 1 == order.len() {
                    chars
                        .get(k..)
                        .map(|c| c.iter().collect())
                        .unwrap_or_default()
                } else {
                    chars.get(k).map(|c| c.to_string()).unwrap_or_default()
                };
                let entry = canonical.entry((style, glyphs[g].id));
                glyphs[g].text = match entry {
                    std::collections::hash_map::Entry::Occupied(o) => o.get().clone(),
                    std::collections::hash_map::Entry::Vacant(v) if !text.is_empty() => {
                        v.insert(text).clone()
                    }
                    std::collections::hash_map::Entry::Vacant(_) => text,
                };
            }
            n = end;
        }
        glyphs
    }

    /// A face's advance of a glyph, in font units.
    pub fn glyph_advance(&self, style: Style, id: u16) -> u16 {
        self.faces[style.index()]
            .glyph_hor_advance(ttf_parser::GlyphId(id))
            .unwrap_or(0)
    }

    pub fn units_per_em(&self, style: Style) -> u16 {
        self.faces[style.index()].units_per_em()
    }

    /// The width of `text` in points at `size`.
    pub fn width(&self, text: &str, style: Style, size: f32) -> f32 {
        if style.is_fallback() {
            let units = f32::from(self.faces[style.index()].units_per_em());
            let total: i32 = self.shape(text, style).iter().map(|g| g.advance).sum();
            return total as f32 * size / units;
        }
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
        for style in Style::ALL.into_iter().filter(|s| !s.is_fallback()) {
            assert_eq!(
                fonts.missing(&needed.replace('№', ""), style),
                None,
                "{style:?}"
            );
        }
        assert_eq!(fonts.missing("a☃b", Style::Regular), Some('☃'));
    }

    #[test]
    fn what_the_text_faces_lack_falls_back_by_character() {
        let fonts = Fonts::load().unwrap();
        assert_eq!(fonts.face_for('é', Style::Regular), Style::Regular);
        assert_eq!(fonts.face_for('ج', Style::Regular), Style::Arabic);
        assert_eq!(fonts.face_for('ج', Style::SansBold), Style::ArabicBold);
        assert_eq!(fonts.face_for('☃', Style::Italic), Style::Symbols);
        // Hebrew is in Liberation Serif, but set in the face that is shaped.
        assert_eq!(fonts.face_for('ש', Style::Regular), Style::Symbols);
        // Nothing draws it: the face asked for, and the coverage check
        // names the character.
        assert_eq!(fonts.face_for('🦀', Style::Regular), Style::Regular);
    }

    #[test]
    fn arabic_is_shaped_into_joined_forms_in_visual_order() {
        let fonts = Fonts::load().unwrap();
        let word = "بنجلون";
        let shaped = fonts.shape(word, Style::Arabic);
        let isolated: Vec<u16> = word
            .chars()
            .map(|c| fonts.shape(&c.to_string(), Style::Arabic)[0].id)
            .collect();
        // Joined: the letters' glyphs are not their isolated forms.
        let ids: Vec<u16> = shaped.iter().map(|g| g.id).collect();
        let mut logical = ids.clone();
        logical.reverse();
        assert_ne!(logical, isolated, "joining forms");
        // Right to left: the first glyph drawn is the last letter's; the
        // glyphs' texts, read from the last, give the word back.
        assert_eq!(shaped.first().map(|g| g.text.as_str()), Some("ن"));
        let back: String = shaped.iter().rev().map(|g| g.text.as_str()).collect();
        assert_eq!(back, word);
        assert!(fonts.width(word, Style::Arabic, 11.0) > 0.0);
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
