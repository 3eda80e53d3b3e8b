//! Word changes grouped into phrases, for both redlines (the text one and
//! the printed comparison's).
//!
//! Word by word, a diff keeps the spaces two rewritten phrases share
//! (« ~~plein~~ services ~~air~~ scolaire »): accepted or rejected in Word,
//! every kept space then sits next to a vanished word, doubling spaces and
//! leaving one before a comma. Here a space alone between two changes
//! belongs to both, and a rewritten phrase is one deletion followed by one
//! insertion, so each version is exactly the unchanged text plus its own.

use similar::ChangeTag;

/// The changes, in order, as groups: unchanged tokens, then each rewritten
/// phrase as its deleted tokens followed by its inserted ones. `text` gives
/// a token's characters.
pub(super) fn phrases<T: Copy>(
    changes: impl IntoIterator<Item = (ChangeTag, T)>,
    text: impl Fn(&T) -> &str,
) -> Vec<(ChangeTag, Vec<T>)> {
    let mut groups: Vec<(ChangeTag, Vec<T>)> = Vec::new();
    for (tag, token) in changes {
        match groups.last_mut() {
            Some((last, tokens)) if *last == tag => tokens.push(token),
            _ => groups.push((tag, vec![token])),
        }
    }
    let mut out: Vec<(ChangeTag, Vec<T>)> = Vec::new();
    let (mut deleted, mut inserted): (Vec<T>, Vec<T>) = (Vec::new(), Vec::new());
    let n = groups.len();
    for (i, (tag, tokens)) in groups.iter().enumerate() {
        match tag {
            ChangeTag::Delete => deleted.extend(tokens),
            ChangeTag::Insert => inserted.extend(tokens),
            ChangeTag::Equal => {
                let between_changes = i > 0
                    && i + 1 < n
                    && groups[i - 1].0 != ChangeTag::Equal
                    && groups[i + 1].0 != ChangeTag::Equal
                    && tokens.iter().all(|t| {
                        let s = text(t);
                        s.trim().is_empty() && !s.contains('\n')
                    });
                if between_changes {
                    deleted.extend(tokens);
                    inserted.extend(tokens);
                } else {
                    push_change(&mut out, &mut deleted, &mut inserted);
                    out.push((ChangeTag::Equal, tokens.clone()));
                }
            }
        }
    }
    push_change(&mut out, &mut deleted, &mut inserted);
    out
}

fn push_change<T>(out: &mut Vec<(ChangeTag, Vec<T>)>, deleted: &mut Vec<T>, inserted: &mut Vec<T>) {
    if !deleted.is_empty() {
        out.push((ChangeTag::Delete, std::mem::take(deleted)));
    }
    if !inserted.is_empty() {
        out.push((ChangeTag::Insert, std::mem::take(inserted)));
    }
}
