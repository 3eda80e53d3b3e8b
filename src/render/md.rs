//! The Markdown edition: the printed document as Markdown text, for a
//! repository, a wiki, an email or a pull request's review. The same
//! blocks as the PDF, in the same order: the title page's text, the linked
//! contents, each part under its `##` heading (with a stable anchor,
//! `<a id="article-3"></a>`), lists, tables, review notes as quotations, a
//! bilingual edition's languages one after the other, a comparison's marks
//! as `<del>` and `<ins>`. What only paper has (page breaks, room to sign,
//! columns) leaves no trace.
//!
//! Every character of the printed text is text here: what Markdown would
//! read as markup (`*`, `[`, `<`, `&amp;`, a leading `#` or `1.`) is
//! escaped, so a viewer shows the characters a value holds, and reading the
//! Markdown back gives the same runs (tested). Emphasis that Markdown
//! cannot say around a given character keeps its text and loses its style,
//! never the other way round.

use crate::render::print::PrintInfo;
use crate::render::print::markup::escape;
use crate::render::print::page::in_both;
use crate::render::print::tree::{
    Align, Block, Cell, Entry, Mark, Printed, Run, Style, contents, heading_ids,
};
use std::collections::HashSet;

/// Writes a printed document as Markdown.
pub fn write(printed: &Printed, info: &PrintInfo) -> String {
    // The headings are linked only from a table of contents.
    let contents = match has_contents(&printed.blocks) {
        true => contents(&printed.blocks),
        false => Vec::new(),
    };
    let mut writer = Writer {
        out: String::with_capacity(4 * 1024 + printed.text_len() + printed.text_len() / 8),
        ids: heading_ids(&printed.blocks),
        targets: contents.iter().map(|e| e.heading).collect(),
        next_heading: 0,
        toc_title: in_both(info, "Table des matières", "Contents"),
        contents,
        last_list: None,
    };
    writer.blocks(&printed.blocks, "");
    writer.out
}

fn has_contents(blocks: &[Block]) -> bool {
    blocks.iter().any(|b| match b {
        Block::Contents => true,
        Block::TitlePage(inner) | Block::Keep(inner) | Block::Note(inner) => has_contents(inner),
        Block::Columns { left, right, .. } => has_contents(left) || has_contents(right),
        _ => false,
    })
}

/// How a list's items are marked: two lists in a row are two lists only if
/// their markers differ (`-` then `*`, `1.` then `1)`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum ListMarker {
    Dash,
    Star,
    Dot,
    Paren,
}

struct Writer {
    out: String,
    /// Every heading's identifier, in reading order, and the next one's rank.
    ids: Vec<String>,
    /// The headings the contents link to: each gets its anchor.
    targets: HashSet<usize>,
    next_heading: usize,
    toc_title: String,
    contents: Vec<Entry>,
    /// The last block written, when it was a list: the next list's marker
    /// must differ.
    last_list: Option<ListMarker>,
}

/// Where inline text stands: what may be read as markup there.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Context {
    /// At the start of a line of its own (a paragraph, a list item):
    /// `-`, `>`, `#` or `1.` there would open a block.
    Line,
    /// After `## `: a `#` may close the heading.
    Heading,
    /// In a table's cell: `|` ends it.
    Cell,
    /// Inside a link's text, after `[`.
    Link,
}

impl Writer {
    /// Starts a block: a blank line (inside a quotation, `>`) after the
    /// previous one.
    fn start(&mut self, prefix: &str) {
        if !self.out.is_empty() {
            self.out.push_str(prefix.trim_end());
            self.out.push('\n');
        }
    }

    fn line(&mut self, prefix: &str, text: &str) {
        self.out.push_str(prefix);
        self.out.push_str(text);
        self.out.push('\n');
    }

    fn blocks(&mut self, blocks: &[Block], prefix: &str) {
        for block in blocks {
            self.block(block, prefix);
        }
    }

    fn block(&mut self, block: &Block, prefix: &str) {
        let list = self.last_list.take();
        match block {
            Block::Title(runs) => {
                self.start(prefix);
                let text = inline(runs, Context::Heading);
                self.line(prefix, &format!("# {text}"));
            }
            Block::Heading { runs, anchor } => {
                let rank = self.next_heading;
                self.next_heading += 1;
                self.start(prefix);
                if anchor.is_some() || self.targets.contains(&rank) {
                    let id = self.ids.get(rank).map_or("", String::as_str);
                    let anchor = format!("<a id=\"{}\"></a>", escape(id));
                    self.line(prefix, &anchor);
                    self.start(prefix);
                }
                let text = inline(runs, Context::Heading);
                self.line(prefix, &format!("## {text}"));
            }
            Block::Paragraph { runs, quote } => {
                // A quotation in a review note is the note's own text.
                let prefix = if *quote && prefix.is_empty() {
                    "> "
                } else {
                    prefix
                };
                self.start(prefix);
                let text = inline(runs, Context::Line);
                self.line(prefix, &text);
            }
            Block::List { start, items } => {
                let marker = match (start, list) {
                    (None, Some(ListMarker::Dash)) => ListMarker::Star,
                    (None, _) => ListMarker::Dash,
                    (Some(_), Some(ListMarker::Dot)) => ListMarker::Paren,
                    (Some(_), _) => ListMarker::Dot,
                };
                self.start(prefix);
                for (n, item) in items.iter().enumerate() {
                    let bullet = match (marker, start) {
                        (ListMarker::Dash, _) => "-".to_string(),
                        (ListMarker::Star, _) => "*".to_string(),
                        (ListMarker::Dot, Some(s)) => format!("{}.", s.saturating_add(n as u64)),
                        (ListMarker::Paren, Some(s)) => format!("{})", s.saturating_add(n as u64)),
                        (_, None) => "-".to_string(),
                    };
                    let text = inline(item, Context::Line);
                    self.line(prefix, format!("{bullet} {text}").trim_end_matches(' '));
                }
                self.last_list = Some(marker);
            }
            Block::Table {
                align,
                header,
                rows,
            } => {
                self.start(prefix);
                self.table(prefix, align, header, rows);
            }
            Block::Rule => {
                self.start(prefix);
                self.line(prefix, "---");
            }
            Block::Contents => self.contents(prefix),
            // Paper only: where a page turns, room to sign, what stays
            // together on a page.
            Block::Space(_) | Block::PageBreak | Block::KeepWithNext => self.last_list = list,
            // The text is already in its language's typography.
            Block::Lang(_) => self.last_list = list,
            Block::TitlePage(inner) | Block::Keep(inner) => self.blocks(inner, prefix),
            Block::Note(inner) => self.blocks(inner, &format!("{prefix}> ")),
            // One language, then the other; signature blocks one by one.
            Block::Columns { left, right, .. } => {
                self.blocks(left, prefix);
                self.blocks(right, prefix);
            }
        }
    }

    fn table(&mut self, prefix: &str, align: &[Align], header: &[Cell], rows: &[Vec<Cell>]) {
        // A row wider than the header would lose its last cells.
        let width = rows
            .iter()
            .map(Vec::len)
            .chain([header.len(), align.len()])
            .max()
            .unwrap_or(0);
        if width == 0 {
            return;
        }
        let row = |cells: &[Cell]| {
            let mut line = String::from("|");
            for k in 0..width {
                let text = cells.get(k).map(|c| inline(c, Context::Cell));
                line.push(' ');
                line.push_str(text.as_deref().unwrap_or(""));
                line.push_str(" |");
            }
            line
        };
        let head = row(header);
        self.line(prefix, &head);
        let mut rule = String::from("|");
        for k in 0..width {
            rule.push_str(match align.get(k).copied().unwrap_or_default() {
                Align::Auto => "---|",
                Align::Left => ":---|",
                Align::Center => ":---:|",
                Align::Right => "---:|",
            });
        }
        self.line(prefix, &rule);
        for cells in rows {
            let line = row(cells);
            self.line(prefix, &line);
        }
    }

    /// The contents: its title, then a link to each heading.
    fn contents(&mut self, prefix: &str) {
        if self.contents.is_empty() {
            return;
        }
        self.start(prefix);
        let title = inline(
            &[Run::new(self.toc_title.clone(), Style::Regular)],
            Context::Heading,
        );
        self.line(prefix, &format!("## {title}"));
        self.start(prefix);
        for entry in std::mem::take(&mut self.contents) {
            let id = self.ids.get(entry.heading).map_or("", String::as_str);
            let text = inline(&[Run::new(entry.text, Style::Regular)], Context::Link);
            let link = format!("- [{text}](#{})", escape(id));
            self.line(prefix, &link);
        }
        self.last_list = Some(ListMarker::Dash);
    }
}

/// A block's runs as one line of Markdown.
fn inline(runs: &[Run], context: Context) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::render::print::read;

    fn run(text: &str, style: Style) -> Run {
        Run::new(text, style)
    }

    fn paragraph(runs: Vec<Run>) -> Block {
        Block::Paragraph { runs, quote: false }
    }

    fn info() -> PrintInfo {
        PrintInfo::bare(Lang::Fr, crate::render::print::Paper::Letter)
    }

    fn markdown(blocks: Vec<Block>) -> String {
        write(
            &Printed {
                lang: Lang::Fr,
                blocks,
            },
            &info(),
        )
    }

    /// The Markdown without its anchors, which only a viewer reads.
    fn without_anchors(markdown: &str) -> String {
        markdown
            .lines()
            .filter(|l| !l.trim_start_matches("> ").starts_with("<a id="))
            .map(|l| format!("{l}\n"))
            .collect()
    }

    /// The text and style of each character of each block, read back.
    fn read_back(markdown: &str) -> Vec<Vec<(char, Style, Mark)>> {
        // In English: French typography would add its spaces on reading.
        let printed = read(&without_anchors(markdown), Lang::En).expect(markdown);
        let mut out = Vec::new();
        crate::render::print::tree::each_run(&printed, &mut |runs, _, _| {
            out.push(
                runs.iter()
                    .flat_map(|r| r.text.chars().map(|c| (c, r.style, r.mark)))
                    .collect(),
            )
        });
        out
    }

    #[test]
    fn markup_in_text_is_text() {
        let text = "* [a](b) <b>x</b> &amp; &#x200F; `c` ~~d~~ 1. _e_ \\ #f | g";
        let out = markdown(vec![paragraph(vec![run(text, Style::Regular)])]);
        assert_eq!(
            read_back(&out),
            vec![
                text.chars()
                    .map(|c| (c, Style::Regular, Mark::None))
                    .collect::<Vec<_>>()
            ],
            "{out}"
        );
    }

    #[test]
    fn a_line_that_would_open_a_block_does_not() {
        for text in [
            "- x", "+ x", "* x", "> x", "# x", "=== x", "12. x", "3) x", "1.5 %", "___", "***",
            "_ _ _", " # x", "    code", "---",
        ] {
            let out = markdown(vec![paragraph(vec![run(text, Style::Regular)])]);
            let back = read_back(&out);
            let printed: String = back.concat().iter().map(|(c, ..)| c).collect();
            // Markdown keeps no space at a line's start.
            assert_eq!(printed, text.trim_start(), "{out}");
        }
    }

    #[test]
    fn what_ends_a_run_is_seen_before_a_tag() {
        // `*` between a no-break space and `<ins>` could open emphasis.
        let runs = vec![
            run("\u{a0}*", Style::Regular),
            Run {
                text: "é".into(),
                style: Style::Italic,
                mark: Mark::Inserted,
            },
            run(")|", Style::Italic),
        ];
        let out = markdown(vec![paragraph(runs)]);
        let printed: String = read_back(&out).concat().iter().map(|(c, ..)| c).collect();
        assert_eq!(printed, "\u{a0}*é)|", "{out}");
        // A no-break space ends a list item as typed.
        let out = markdown(vec![Block::List {
            start: None,
            items: vec![vec![run("x\u{a0}", Style::Regular)]],
        }]);
        assert_eq!(out, "- x\u{a0}\n");
    }

    #[test]
    fn ordinary_text_keeps_few_backslashes() {
        for (text, expected) in [
            (
                "A & B inc. T.P.S. #123 a > b Dupont_Durand (phase 1)! ~50",
                "A & B inc. T.P.S. #123 a > b Dupont_Durand (phase 1)! \\~50",
            ),
            (
                "https://x.example/charte_2027?lang=fr&format=pdf",
                "<https://x.example/charte_2027?lang=fr&format=pdf>",
            ),
            (
                "julie_tremblay@x.example : 480 000,00 $",
                "julie_tremblay@x.example : 480 000,00 $",
            ),
            ("&amp; &#65; &#x41; &nom", "\\&amp; \\&#65; \\&#x41; &nom"),
            (
                "Code :smile: et 5$/h, $E=mc^2$",
                "Code \\:smile: et 5\\$/h, $E=mc^2\\$",
            ),
        ] {
            let out = markdown(vec![paragraph(vec![run(text, Style::Regular)])]);
            assert_eq!(out, format!("{expected}\n"));
            let printed: String = read_back(&out).concat().iter().map(|(c, ..)| c).collect();
            assert_eq!(printed, text);
        }
        // A web address is one link, its text as typed, ended before the
        // sentence's punctuation and the no-break space before it.
        for (text, expected) in [
            (
                "voir https://a.example/~l/_p_.pdf\u{202f}; ou",
                "voir <https://a.example/~l/_p_.pdf>\u{202f}; ou",
            ),
            (
                "(https://a.example/Plan_(2027)).",
                "(<https://a.example/Plan_(2027)>).",
            ),
            (
                "«\u{a0}https://a.b/y\u{a0}»",
                "«\u{a0}<https://a.b/y>\u{a0}»",
            ),
            ("- [ ] Loi", "\\- [ ] Loi"),
            ("[x] Loi", "\\[x] Loi"),
            ("a < 10 000 $ <b>", "a < 10 000 $ \\<b>"),
        ] {
            let out = markdown(vec![paragraph(vec![run(text, Style::Regular)])]);
            assert_eq!(out, format!("{expected}\n"));
            let printed: String = read_back(&out).concat().iter().map(|(c, ..)| c).collect();
            assert_eq!(printed, text);
        }
        // A bold run starting with a star keeps its bold.
        let out = markdown(vec![paragraph(vec![
            run("* Club", Style::Bold),
            run(" (« le Club »)", Style::Regular),
        ])]);
        assert_eq!(out, "**\\* Club** (« le Club »)\n");
        // A heading's `#` stays text, and only its closing one is escaped.
        let out = markdown(vec![Block::Title(vec![run(
            "T.P.S. #123 #",
            Style::Regular,
        )])]);
        assert_eq!(out, "# T.P.S. #123 \\#\n");
    }

    #[test]
    fn a_signature_line_stays_readable() {
        let out = markdown(vec![paragraph(vec![run(
            "Signature : ______________________",
            Style::Regular,
        )])]);
        assert_eq!(out, "Signature : ______________________\n");
    }

    #[test]
    fn styles_and_marks_survive() {
        let runs = vec![
            run("**19.3** ", Style::Regular),
            run("Le Centre", Style::Bold),
            run(" (« ", Style::Regular),
            run("Centre", Style::Italic),
            run(" ») ", Style::Regular),
            run("a", Style::Bold),
            run(" ", Style::Regular),
            run("b", Style::BoldItalic),
            run(" ", Style::Regular),
            run("c", Style::Italic),
            Run {
                text: "supprimé".into(),
                style: Style::Regular,
                mark: Mark::Deleted,
            },
            Run {
                text: " ajouté".into(),
                style: Style::Bold,
                mark: Mark::Inserted,
            },
        ];
        let out = markdown(vec![paragraph(runs.clone())]);
        let expected: Vec<_> = runs
            .iter()
            .flat_map(|r| r.text.chars().map(|c| (c, r.style, r.mark)))
            // Emphasis of a space is no emphasis.
            .map(|(c, s, m)| (c, if c == ' ' { Style::Regular } else { s }, m))
            .collect();
        let back: Vec<_> = read_back(&out)
            .concat()
            .into_iter()
            .map(|(c, s, m)| (c, if c == ' ' { Style::Regular } else { s }, m))
            .collect();
        assert_eq!(back, expected, "{out}");
    }

    #[test]
    fn emphasis_markdown_cannot_say_keeps_its_text() {
        // « a**(b)**c »: no delimiter can close before `c` after `)`.
        let runs = vec![
            run("a", Style::Regular),
            run("(b)", Style::Bold),
            run("c", Style::Regular),
        ];
        let out = markdown(vec![paragraph(runs)]);
        let printed: String = read_back(&out).concat().iter().map(|(c, ..)| c).collect();
        assert_eq!(printed, "a(b)c", "{out}");
        // Emphasis right after emphasis: `**a***b*` would read otherwise.
        let runs = vec![
            run("a", Style::Bold),
            run("b", Style::BoldItalic),
            run("c_", Style::Italic),
        ];
        let out = markdown(vec![paragraph(runs)]);
        let back = read_back(&out).concat();
        let printed: String = back.iter().map(|(c, ..)| c).collect();
        assert_eq!(printed, "abc_", "{out}");
        assert_eq!(back[0].1, Style::Bold, "{out}");
    }

    #[test]
    fn blocks_keep_their_shape() {
        let blocks = vec![
            Block::Title(vec![run("Titre #1", Style::Regular)]),
            Block::Heading {
                runs: vec![run("Article 1 — Objet", Style::Regular)],
                anchor: Some("article-1".into()),
            },
            Block::List {
                start: None,
                items: vec![vec![run("un", Style::Regular)]],
            },
            Block::List {
                start: None,
                items: vec![vec![run("- deux", Style::Regular)]],
            },
            Block::List {
                start: Some(3),
                items: vec![
                    vec![run("trois", Style::Regular)],
                    vec![run("quatre", Style::Regular)],
                ],
            },
            Block::Table {
                align: vec![Align::Auto, Align::Right],
                header: vec![
                    vec![run("Poste", Style::Regular)],
                    vec![run("Montant", Style::Regular)],
                ],
                rows: vec![vec![
                    vec![run("a | b", Style::Regular)],
                    vec![run("10 $", Style::Bold)],
                ]],
            },
            Block::Note(vec![
                Block::Paragraph {
                    runs: vec![run("Note", Style::Bold)],
                    quote: true,
                },
                Block::List {
                    start: None,
                    items: vec![vec![run("constat", Style::Regular)]],
                },
            ]),
            paragraph(vec![run("Fin.", Style::Regular)]),
        ];
        let out = markdown(blocks);
        assert!(
            out.contains("<a id=\"article-1\"></a>\n\n## Article 1 — Objet\n"),
            "{out}"
        );
        assert!(
            out.contains("- un\n\n* \\- deux\n\n3. trois\n4. quatre\n"),
            "{out}"
        );
        assert!(out.contains("| a \\| b | **10 $** |\n"), "{out}");
        assert!(out.contains("|---|---:|\n"), "{out}");
        assert!(
            out.contains("> **Note**\n>\n> - constat\n\nFin.\n"),
            "{out}"
        );
        let back = read(&without_anchors(&out), Lang::En).unwrap();
        let lists = back
            .blocks
            .iter()
            .filter(|b| matches!(b, Block::List { .. }))
            .count();
        assert_eq!(lists, 4, "{out}");
    }

    #[test]
    fn the_contents_link_each_heading() {
        let blocks = vec![
            Block::Contents,
            Block::Heading {
                runs: vec![run("Parties", Style::Regular)],
                anchor: None,
            },
            Block::Heading {
                runs: vec![run("Article 1 — [Objet]", Style::Regular)],
                anchor: Some("article-1".into()),
            },
        ];
        let out = markdown(blocks);
        assert!(
            out.starts_with(
                "## Table des matières\n\n- [Parties](#part-1)\n- [Article 1 — \\[Objet\\]](#article-1)\n\n<a id=\"part-1\"></a>\n\n## Parties\n"
            ),
            "{out}"
        );
    }
}
