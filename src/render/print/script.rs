//! Which way text runs in a Word document: Word orders and shapes
//! right-to-left text itself, given runs marked `w:rtl`; this cuts a text
//! into such runs.

/// Whether a character is Arabic script (its blocks and presentation forms).
pub fn is_arabic(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// A text cut where its direction changes: right-to-left letters (Arabic,
/// Hebrew) make a right-to-left segment, with their vowel marks, the numbers
/// that follow them (« شارع سان جان 88 ») and the spaces and punctuation
/// between two of them; everything else is left to right.
pub fn directions(text: &str) -> Vec<(&str, bool)> {
    use unicode_bidi::BidiClass::{AL, AN, EN, L, NSM, R};
    #[derive(Clone, Copy, PartialEq)]
    enum Kind {
        Rtl,
        Ltr,
        Number,
        Mark,
        Neutral,
    }
    let kind = |c: char| match unicode_bidi::bidi_class(c) {
        R | AL => Kind::Rtl,
        L => Kind::Ltr,
        EN | AN => Kind::Number,
        NSM => Kind::Mark,
        _ => Kind::Neutral,
    };
    if !text.chars().any(|c| kind(c) == Kind::Rtl) {
        return vec![(text, false)];
    }
    let chars: Vec<(usize, Kind)> = text.char_indices().map(|(i, c)| (i, kind(c))).collect();
    // Numbers take the direction of the letter before them, marks that of
    // their letter; then a space or punctuation is right to left only
    // between two right-to-left characters (each side's nearest, found in
    // one pass each way).
    let mut resolved: Vec<Option<bool>> = Vec::with_capacity(chars.len());
    let mut letter = false;
    for &(_, k) in &chars {
        let r = match k {
            Kind::Rtl => {
                letter = true;
                Some(true)
            }
            Kind::Ltr => {
                letter = false;
                Some(false)
            }
            Kind::Number => Some(letter),
            Kind::Mark => resolved.last().copied().flatten(),
            Kind::Neutral => None,
        };
        resolved.push(r);
    }
    let mut before = Vec::with_capacity(chars.len());
    let mut last = None;
    for r in &resolved {
        before.push(last);
        if r.is_some() {
            last = *r;
        }
    }
    let mut after = vec![None; chars.len()];
    let mut next = None;
    for (n, r) in resolved.iter().enumerate().rev() {
        after[n] = next;
        if r.is_some() {
            next = *r;
        }
    }
    let mut out: Vec<(&str, bool)> = Vec::new();
    let mut start = 0;
    let mut current: Option<bool> = None;
    for (n, &(at, _)) in chars.iter().enumerate() {
        let rtl = resolved[n].unwrap_or(before[n] == Some(true) && after[n] == Some(true));
        if current.is_some_and(|c| c != rtl) {
            out.push((&text[start..at], current.unwrap_or(false)));
            start = at;
        }
        current = Some(rtl);
    }
    out.push((&text[start..], current.unwrap_or(false)));
    out
}

#[cfg(test)]
mod tests {
    use super::directions;

    #[test]
    fn right_to_left_segments_take_their_marks_numbers_and_inner_spaces() {
        assert_eq!(
            directions("Karim Benjelloun"),
            vec![("Karim Benjelloun", false)]
        );
        assert_eq!(
            directions("Karim (كريم بنجلون), maire"),
            vec![
                ("Karim (", false),
                ("كريم بنجلون", true),
                ("), maire", false)
            ]
        );
        assert_eq!(
            directions("(شارع سان جان 88)"),
            vec![("(", false), ("شارع سان جان 88", true), (")", false)]
        );
        // A vowel mark stays with its letter, at the end of the name too.
        assert_eq!(
            directions("(فَاطِمَةُ العُمْرَانِيّ), présidente"),
            vec![
                ("(", false),
                ("فَاطِمَةُ العُمْرَانِيّ", true),
                ("), présidente", false)
            ]
        );
    }
}
