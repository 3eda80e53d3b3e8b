//! Text made safe for markup, XML (Word) and HTML alike: markup characters
//! escaped (text and double-quoted attributes), and the characters XML 1.0
//! cannot hold at all (most control characters, unpaired surrogates'
//! stand-ins U+FFFE and U+FFFF) dropped — an answer or a template is
//! untrusted, Word refuses a whole document for one of them, and a browser
//! shows them as boxes.

use std::borrow::Cow;

pub fn escape(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_care) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if allowed(c) => out.push(c),
            _ => {}
        }
    }
    Cow::Owned(out)
}

fn needs_care(c: char) -> bool {
    matches!(c, '&' | '<' | '>' | '"') || !allowed(c)
}

/// XML 1.0's `Char` production.
fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_escaped_and_characters_xml_cannot_hold_are_dropped() {
        assert_eq!(escape("Ville « A »"), "Ville « A »");
        assert!(matches!(escape("plain"), Cow::Borrowed(_)));
        assert_eq!(
            escape("<w:p>&\"x\"</w:p>"),
            "&lt;w:p&gt;&amp;&quot;x&quot;&lt;/w:p&gt;"
        );
        assert_eq!(escape("a\u{0}b\u{1b}c\u{FFFE}d"), "abcd");
        assert_eq!(escape("tab\there"), "tab\there");
    }
}
