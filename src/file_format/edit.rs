//! Edits of a parsed convention, made with `toml_edit` so that comments,
//! order and layout stay as the person wrote them: taking a key out of one
//! clause's table and putting it in another's, keeping a removed answer as
//! a comment, writing the format number.

use super::{CURRENT, FieldPath, KEY, Rewrite, pick};
use crate::lang::Lang;
use crate::tr;
use toml_edit::{DocumentMut, Item, Key, Table, Value};

/// The two ways a clause's table can be written.
enum ClauseTable<'a> {
    /// `[clauses.ID]`, or dotted keys (`ID.field = …` under `[clauses]`).
    Table(&'a mut Table),
    /// `ID = { … }`.
    Inline(&'a mut toml_edit::InlineTable),
}

/// The table of `clauses.CLAUSE`, when the file has one.
fn clause_mut<'d>(doc: &'d mut DocumentMut, clause: &str) -> Option<ClauseTable<'d>> {
    match doc
        .get_mut("clauses")?
        .as_table_like_mut()?
        .get_mut(clause)?
    {
        Item::Table(t) => Some(ClauseTable::Table(t)),
        Item::Value(Value::InlineTable(t)) => Some(ClauseTable::Inline(t)),
        _ => None,
    }
}

/// Removes `clauses.CLAUSE.FIELD` with its key (and the key's comments).
pub(super) fn take(doc: &mut DocumentMut, p: FieldPath) -> Option<(Key, Item)> {
    match clause_mut(doc, p.clause)? {
        ClauseTable::Table(t) => t.remove_entry(p.field),
        ClauseTable::Inline(t) => t.remove_entry(p.field).map(|(k, v)| (k, Item::Value(v))),
    }
}

/// Inserts `key = item` keeping the key's comments. A table that existed
/// only as the parent of others (`[clauses.X.y]`) gets its own header, so
/// what goes in it is printed. An inline table holds no comment: the key
/// goes in bare (the value is verified after the upgrade).
fn insert_keyed(table: ClauseTable<'_>, key: &Key, item: Item) {
    match table {
        ClauseTable::Table(t) => {
            t.set_implicit(false);
            t.insert_formatted(key, item);
        }
        ClauseTable::Inline(t) => {
            if let Ok(mut v) = item.into_value() {
                v.decor_mut().clear();
                t.insert(key.get(), v);
            }
        }
    }
}

pub(super) fn put_back(doc: &mut DocumentMut, p: FieldPath, key: Key, item: Item) {
    if let Some(table) = clause_mut(doc, p.clause) {
        insert_keyed(table, &key, item);
    }
}

/// Whether `clauses.CLAUSE` can take a key: absent (it will be made) or a
/// table. Any other value there (a text, a list of tables) is the person's
/// and is never written over.
pub(super) fn room_for(doc: &DocumentMut, clause: &str) -> bool {
    match doc.get("clauses").and_then(|c| c.get(clause)) {
        None => true,
        Some(Item::Table(_) | Item::Value(Value::InlineTable(_))) => true,
        Some(_) => false,
    }
}

pub(super) fn has(doc: &DocumentMut, p: FieldPath) -> bool {
    doc.get("clauses")
        .and_then(|c| c.get(p.clause))
        .and_then(|c| c.get(p.field))
        .is_some()
}

/// The last header position in a table and the tables under it: a table
/// placed at that position prints right after them.
fn last_position(table: &Table) -> Option<isize> {
    let mut last = table.position();
    for (_, item) in table.iter() {
        let below = match item {
            Item::Table(t) => last_position(t),
            Item::ArrayOfTables(a) => a.iter().filter_map(last_position).max(),
            _ => None,
        };
        last = last.max(below);
    }
    last
}

/// Makes sure `clauses.CLAUSE` exists, created as the same kind of table as
/// `clauses.BESIDE` (a header, dotted keys or an inline table) and, for a
/// header, printed just after it.
fn ensure_clause(doc: &mut DocumentMut, beside: &str, clause: &str) {
    // Something already there that is not a table is never replaced (the
    // callers report a conflict before coming here).
    if clause_mut(doc, clause).is_some() || !room_for(doc, clause) {
        return;
    }
    let Some(clauses) = doc.get_mut("clauses").and_then(Item::as_table_like_mut) else {
        return;
    };
    let new = match clauses.get(beside) {
        Some(Item::Value(Value::InlineTable(_))) => {
            Item::Value(Value::InlineTable(toml_edit::InlineTable::new()))
        }
        Some(Item::Table(t)) if t.is_dotted() => {
            let mut table = Table::new();
            table.set_dotted(true);
            Item::Table(table)
        }
        Some(Item::Table(t)) => {
            let mut table = Table::new();
            table.set_position(last_position(t));
            Item::Table(table)
        }
        _ => Item::Table(Table::new()),
    };
    clauses.insert(clause, new);
}

/// Puts `key = item` in `clauses.TO.CLAUSE`, creating it beside `beside`.
pub(super) fn place(doc: &mut DocumentMut, beside: &str, to: FieldPath, key: &Key, item: Item) {
    ensure_clause(doc, beside, to.clause);
    if let Some(table) = clause_mut(doc, to.clause) {
        insert_keyed(table, key, item);
    }
}

/// The language the file's comments are written in: its convention's.
fn file_lang(doc: &DocumentMut) -> Lang {
    doc.get("convention")
        .and_then(|c| c.get("language"))
        .and_then(Item::as_str)
        .and_then(Lang::parse)
        .unwrap_or(Lang::Fr)
}

/// A line of a TOML comment: characters a comment may not hold (control
/// characters other than tab) written as `<U+XXXX>`, so no word is lost and
/// the file stays valid.
pub(super) fn comment_line(line: &str) -> String {
    let mut out = String::from("#");
    if !line.is_empty() {
        out.push(' ');
    }
    for c in line.chars() {
        if c.is_control() && c != '\t' {
            out.push_str(&format!("<U+{:04X}>", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// Writes the answer of `r.from` as a comment in the table of `r.to`: under
/// its header, or at the end of the file when the clause is written inline
/// (an inline table holds no comment).
pub(super) fn comment_into(doc: &mut DocumentMut, r: &Rewrite, key: &Key, item: &Item) {
    let lang = file_lang(doc);
    let how = pick(r.how, lang);
    let from = r.from;
    let intro = tr!(
        lang,
        "pacte upgrade : `{from}` a été retiré du format {CURRENT} ; {how}. Son texte était :",
        "pacte upgrade: `{from}` was removed in format {CURRENT}; {how}. Its text was:"
    );
    // pacte's own sentence is wrapped; the person's text is kept as written.
    let mut lines: Vec<String> = textwrap::wrap(&intro, 77)
        .iter()
        .map(|l| comment_line(l))
        .collect();
    let text = match item.as_str() {
        Some(s) => s.to_string(),
        None => format!("{} ={}", key.get(), item),
    };
    lines.extend(text.lines().map(comment_line));
    let block = lines.join("\n");
    ensure_clause(doc, r.from.clause, r.to.clause);
    match clause_mut(doc, r.to.clause) {
        Some(ClauseTable::Table(t)) if !t.is_dotted() => {
            t.set_implicit(false);
            let decor = t.decor_mut();
            let suffix = decor
                .suffix()
                .and_then(|s| s.as_str())
                .unwrap_or_default()
                .to_string();
            decor.set_suffix(format!("{suffix}\n{block}"));
        }
        _ => {
            let trailing = doc.trailing().as_str().unwrap_or_default().to_string();
            let clause = r.to.clause;
            let intro = comment_line(&tr!(lang, "[clauses.{clause}] :", "[clauses.{clause}]:"));
            let sep = if doc.to_string().ends_with('\n') {
                ""
            } else {
                "\n"
            };
            doc.set_trailing(format!("{trailing}{sep}\n{intro}\n{block}\n"));
        }
    }
}

/// Writes `format = CURRENT` in `[convention]`: over an older number where
/// there is one, else as its first key.
pub(super) fn stamp(doc: &mut DocumentMut) {
    let Some(header) = doc.get_mut("convention") else {
        return;
    };
    match header {
        Item::Table(t) => {
            if let Some(item) = t.get_mut(KEY) {
                *item = value_keeping_decor(item, CURRENT);
                return;
            }
            let keys: Vec<String> = t.iter().map(|(k, _)| k.to_string()).collect();
            let entries: Vec<(Key, Item)> = keys.iter().filter_map(|k| t.remove_entry(k)).collect();
            t.insert(KEY, toml_edit::value(i64::from(CURRENT)));
            for (k, item) in entries {
                t.insert_formatted(&k, item);
            }
        }
        Item::Value(Value::InlineTable(t)) => {
            if let Some(v) = t.get_mut(KEY) {
                let mut new = Value::from(i64::from(CURRENT));
                *new.decor_mut() = v.decor().clone();
                *v = new;
                return;
            }
            let keys: Vec<String> = t.iter().map(|(k, _)| k.to_string()).collect();
            let entries: Vec<(Key, Value)> =
                keys.iter().filter_map(|k| t.remove_entry(k)).collect();
            t.insert(KEY, Value::from(i64::from(CURRENT)));
            for (k, v) in entries {
                t.insert_formatted(&k, v);
            }
            t.fmt();
        }
        _ => {}
    }
}

fn value_keeping_decor(item: &Item, n: u32) -> Item {
    let mut new = Value::from(i64::from(n));
    if let Some(v) = item.as_value() {
        *new.decor_mut() = v.decor().clone();
    }
    Item::Value(new)
}
