//! A block's runs as one line of Markdown: the marks as `<del>`/`<ins>`,
//! each run's emphasis where Markdown can say it, and its text escaped
//! exactly where a reader would take it for markup.

use super::Context;
use crate::render::print::tree::{Mark, Run, Style};

/// A block's runs as one line of Markdown.
pub(super) fn inline(runs: &[Run], context: Context) -> String {
    // Runs of one style and mark are one run; empty ones are nothing.
    let mut merged: Vec<Run> = Vec::with_capacity(runs.len());
    for run in runs.iter().filter(|r| !r.text.is_empty()) {
        match merged.last_mut() {
            Some(last) if last.style == run.style && last.mark == run.mark => {
                last.text.push_str(&run.text)
            }
            _ => merged.push(run.clone()),
        }
    }
    // Two delimiters side by side read as one (`**a***b*`): a run of
    // emphasis right after another, nothing between them, is printed plain.
    let adjacent = |a: &Run, b: &Run| {
        a.style != Style::Regular
            && b.style != Style::Regular
            && a.mark == b.mark
            && !a.text.ends_with(char::is_whitespace)
            && !b.text.starts_with(char::is_whitespace)
    };
    let styles: Vec<Style> = merged
        .iter()
        .enumerate()
        .map(|(i, run)| match i.checked_sub(1).map(|p| &merged[p]) {
            Some(previous) if adjacent(previous, run) => Style::Regular,
            _ => run.style,
        })
        .collect();
    let mut out = String::with_capacity(runs.iter().map(|r| r.text.len() + 8).sum());
    for (i, run) in merged.iter().enumerate() {
        let opens_mark = i == 0 || merged[i - 1].mark != run.mark;
        let closes_mark = merged.get(i + 1).is_none_or(|next| next.mark != run.mark);
        let tags = match run.mark {
            Mark::None => ("", ""),
            Mark::Inserted => ("<ins>", "</ins>"),
            Mark::Deleted => ("<del>", "</del>"),
        };
        if opens_mark {
            out.push_str(tags.0);
        }
        // What follows this run's text: a tag, the next run's emphasis
        // (some punctuation), or its text.
        let next = match merged.get(i + 1) {
            // A closing tag, or the next run's opening one.
            Some(_) if closes_mark => Some('<'),
            None if run.mark != Mark::None => Some('<'),
            Some(next) => match next.text.chars().next() {
                Some(c) if styles[i + 1] == Style::Regular || c.is_whitespace() => Some(c),
                _ => Some('*'),
            },
            None => None,
        };
        let at_start = out.is_empty();
        styled(&mut out, &run.text, styles[i], context, at_start, next);
        if closes_mark {
            out.push_str(tags.1);
        }
    }
    out
}

/// One run: its text escaped, inside the emphasis of its style where
/// Markdown can say it there.
fn styled(
    out: &mut String,
    text: &str,
    style: Style,
    context: Context,
    at_start: bool,
    next: Option<char>,
) {
    let delimiters = match style {
        Style::Regular => 0,
        Style::Italic => 1,
        Style::Bold => 2,
        Style::BoldItalic => 3,
    };
    let core = text.trim_matches(char::is_whitespace);
    if delimiters == 0 || core.is_empty() {
        let after = next;
        escape_text(out, text, context, at_start, after);
        return;
    }
    let lead = &text[..text.len() - text.trim_start_matches(char::is_whitespace).len()];
    let trail = &text[lead.len() + core.len()..];
    escape_text(out, lead, context, at_start, core.chars().next());
    // Inside its delimiters, a run's text does not start the line.
    let mut escaped = String::with_capacity(core.len() + 8);
    escape_text(&mut escaped, core, context, false, Some('*'));
    let before = out.chars().next_back();
    let after = trail.chars().next().or(next);
    let (first, last) = (escaped.chars().next(), escaped.chars().next_back());
    let delimiter = ['*', '_'].into_iter().find(|&d| {
        before != Some(d)
            && after != Some(d)
            && can_open(d, before, first)
            && can_close(d, last, after)
    });
    match delimiter {
        Some(d) => {
            let run: String = std::iter::repeat_n(d, delimiters).collect();
            out.push_str(&run);
            out.push_str(&escaped);
            out.push_str(&run);
        }
        // Markdown cannot emphasise here: the text stays, plain.
        None => {
            let at_start = out.is_empty();
            escape_text(out, core, context, at_start, after)
        }
    }
    escape_text(out, trail, context, false, next);
}

fn is_space(c: Option<char>) -> bool {
    c.is_none_or(char::is_whitespace)
}

/// CommonMark's punctuation, near enough: any visible character that is
/// neither a letter nor a digit.
fn is_punctuation(c: Option<char>) -> bool {
    c.is_some_and(|c| !c.is_alphanumeric() && !c.is_whitespace())
}

fn left_flanking(before: Option<char>, after: Option<char>) -> bool {
    !is_space(after) && (!is_punctuation(after) || is_space(before) || is_punctuation(before))
}

fn right_flanking(before: Option<char>, after: Option<char>) -> bool {
    !is_space(before) && (!is_punctuation(before) || is_space(after) || is_punctuation(after))
}

fn can_open(d: char, before: Option<char>, after: Option<char>) -> bool {
    left_flanking(before, after)
        && (d == '*' || !right_flanking(before, after) || is_punctuation(before))
}

fn can_close(d: char, before: Option<char>, after: Option<char>) -> bool {
    right_flanking(before, after)
        && (d == '*' || !left_flanking(before, after) || is_punctuation(after))
}

/// Text as Markdown that reads as that text. `at_start` when it begins its
/// line's content; `after` is the character that follows it (`None` at the
/// line's end).
fn escape_text(
    out: &mut String,
    text: &str,
    context: Context,
    at_start: bool,
    after: Option<char>,
) {
    // Most text holds nothing Markdown reads: as it is. (French text is
    // full of « : » and amounts end in « $ »: only a colon before a letter
    // and a dollar after one are looked at closer.)
    const MARKUP: &[u8] = b"\\`<~[]&|#*_\n\r";
    let may_open_block = at_start
        && text.starts_with(|c: char| {
            c.is_ascii_digit() || matches!(c, '-' | '+' | '=' | '>' | ' ' | '\t')
        });
    let bytes = text.as_bytes();
    let suspect = |(i, b): (usize, &u8)| match b {
        b':' => bytes.get(i + 1).is_some_and(|n| !n.is_ascii_whitespace()),
        b'$' => {
            let before = &bytes[..i];
            let spaces: [&[u8]; 3] = [b" ", "\u{a0}".as_bytes(), "\u{202f}".as_bytes()];
            !spaces.iter().any(|s| before.ends_with(s))
        }
        b => MARKUP.contains(b),
    };
    let plain = !may_open_block && !bytes.iter().enumerate().any(suspect);
    if plain {
        out.push_str(text);
        return;
    }
    // Markdown drops the spaces that start a line; four would make code.
    let text = match at_start {
        true => text.trim_start_matches([' ', '\t']),
        false => text,
    };
    let chars: Vec<char> = text
        .chars()
        .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
        .collect();
    // A line may not open a block: a list (`-`, `+`, `*`, `1.`, `1)`), a
    // quotation, a heading, a heading's underline.
    let mut escape_at = None;
    if at_start && context == Context::Line {
        // What ends the marker: a space, the line's end, or (a rule, an
        // underline) the same character again.
        let ends = |k: usize, same: char| {
            chars
                .get(k)
                .copied()
                .or(after)
                .is_none_or(|c| c.is_whitespace() || c == same)
        };
        match chars.first() {
            Some('>' | '#') => escape_at = Some(0),
            // A task's box in a list item (`- [ ] Loi`, `- [x] …`).
            Some('[')
                if matches!(chars.get(1), Some(' ' | 'x' | 'X'))
                    && chars.get(2) == Some(&']')
                    && chars
                        .get(3)
                        .copied()
                        .or(after)
                        .is_none_or(char::is_whitespace) =>
            {
                escape_at = Some(0)
            }
            Some(&c @ ('-' | '+' | '*' | '=' | '_')) if ends(1, c) => escape_at = Some(0),
            Some(c) if c.is_ascii_digit() => {
                let digits = chars.iter().take_while(|c| c.is_ascii_digit()).count();
                if matches!(chars.get(digits), Some('.' | ')')) && ends(digits + 1, ' ') {
                    escape_at = Some(digits);
                }
            }
            _ => {}
        }
    }
    // Nothing before text that does not start its line is an emphasis's
    // opening delimiter (a run's text inside its `**`).
    let before_text = if at_start {
        None
    } else {
        out.chars().next_back().or(Some('*'))
    };
    let previous = |i: usize| match i {
        0 => before_text,
        _ => Some(chars[i - 1]),
    };
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        // A web address, whole, between `<` `>`: no escape inside it, and
        // no reader stretches it over the no-break space that follows.
        if let Some(end) = address_at(&chars, i, previous(i)) {
            out.push('<');
            out.extend(&chars[i..end]);
            out.push('>');
            i = end;
            continue;
        }
        let needs = Some(i) == escape_at
            || match c {
                '\\' | '`' | '~' => true,
                // Only before what could open a tag or an address.
                '<' => chars
                    .get(i + 1)
                    .copied()
                    .or(after)
                    .is_some_and(|n| n.is_ascii_alphabetic() || matches!(n, '/' | '!' | '?')),
                // A link needs `](`, `][` or (a definition) `]:`: with
                // `]` escaped there, brackets are text (« [à compléter] »).
                '[' => context == Context::Link,
                ']' => {
                    context == Context::Link
                        || matches!(chars.get(i + 1).copied().or(after), Some('(' | '[' | ':'))
                }
                // Only what a reader would take for a character reference.
                '&' => is_reference(&chars[i + 1..]),
                '|' => context == Context::Cell,
                // A heading's closing sequence (`## Titre #`).
                '#' => {
                    context == Context::Heading && {
                        let (start, end) = run_around(&chars, i);
                        is_space(previous(start))
                            && after.is_none()
                            && chars[end..].iter().all(|c| c.is_whitespace())
                    }
                }
                // GitHub's emoji (`:smile:`) and mathematics (`$x$`): a
                // colon opening a short code, a dollar that could close one
                // (after a character, not before a digit: `$480` never does).
                ':' => is_shortcode(&chars[i + 1..]),
                '$' => {
                    !is_space(previous(i))
                        && !chars
                            .get(i + 1)
                            .copied()
                            .or(after)
                            .is_some_and(|n| n.is_ascii_digit())
                }
                // A run of stars or underscores between spaces is text,
                // and underscores inside a word (`cadre_juridique`);
                // anywhere else they might emphasise.
                '*' | '_' => {
                    let (start, end) = run_around(&chars, i);
                    let (before, following) = (previous(start), chars.get(end).copied().or(after));
                    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
                    !(is_space(before) && is_space(following)
                        || c == '_' && word(before) && word(following))
                }
                _ => false,
            };
        if needs {
            out.push('\\');
        }
        out.push(c);
        i += 1;
    }
}

/// Where a web address starting at `i` ends (`https://…`, at a word's
/// start), without the punctuation that ends its sentence — what GitHub
/// would link, but decided here.
fn address_at(chars: &[char], i: usize, before: Option<char>) -> Option<usize> {
    if before.is_some_and(char::is_alphanumeric) {
        return None;
    }
    let starts = |scheme: &str| {
        let scheme: Vec<char> = scheme.chars().collect();
        chars
            .get(i..i + scheme.len())
            .is_some_and(|s| {
                s.iter()
                    .zip(&scheme)
                    .all(|(a, b)| a.eq_ignore_ascii_case(b))
            })
            .then_some(i + scheme.len())
    };
    let body = starts("https://").or_else(|| starts("http://"))?;
    let mut end = chars[body..]
        .iter()
        .position(|c| {
            c.is_whitespace()
                || c.is_control()
                || matches!(c, '<' | '>' | '"' | '«' | '»' | '“' | '”')
        })
        .map_or(chars.len(), |n| body + n);
    loop {
        match chars[body..end].last() {
            Some('.' | ',' | ':' | ';' | '!' | '?' | '\'' | '’' | '*' | '_' | '~') => end -= 1,
            Some(')')
                if chars[i..end].iter().filter(|c| **c == '(').count()
                    < chars[i..end].iter().filter(|c| **c == ')').count() =>
            {
                end -= 1
            }
            _ => break,
        }
    }
    (end > body).then_some(end)
}

/// The run of the character at `i` repeated around it: where it starts,
/// and where it ends.
fn run_around(chars: &[char], i: usize) -> (usize, usize) {
    let c = chars[i];
    let start = chars[..i]
        .iter()
        .rposition(|&p| p != c)
        .map_or(0, |p| p + 1);
    let end = chars[i..]
        .iter()
        .position(|&n| n != c)
        .map_or(chars.len(), |n| i + n);
    (start, end)
}

/// Whether what follows an `&` makes a character reference (`amp;`,
/// `#x200F;`, `#65;`).
fn is_reference(rest: &[char]) -> bool {
    let (digits, body): (fn(&char) -> bool, &[char]) = match rest {
        ['#', 'x' | 'X', body @ ..] => (char::is_ascii_hexdigit, body),
        ['#', body @ ..] => (char::is_ascii_digit, body),
        body => (char::is_ascii_alphanumeric, body),
    };
    let n = body.iter().take(32).take_while(|c| digits(c)).count();
    n > 0 && body.get(n) == Some(&';')
}

/// Whether what follows a `:` makes one of GitHub's emoji short codes
/// (`smile:`, `+1:`).
fn is_shortcode(rest: &[char]) -> bool {
    let n = rest
        .iter()
        .take(64)
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '+' | '-'))
        .count();
    n > 0 && rest.get(n) == Some(&':')
}
