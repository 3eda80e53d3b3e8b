//! The wizard's only contact with a person: a [`Prompter`]. The terminal one
//! (dialoguer) lives in the binary; [`ScriptedPrompter`] answers from a list,
//! so the wizard's logic is tested without a terminal.

use std::collections::VecDeque;

/// Why a question got no answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stop {
    /// The person stopped the wizard (Ctrl-C, end of input). Everything
    /// answered before is already saved.
    Interrupted,
    /// The person asked for the previous question (`<`, « ← Retour »).
    Back,
}

/// What a person types, at any text or yes/no prompt, to go back to the
/// previous question.
pub const BACK: &str = "<";

/// A check on a typed answer: `Err(reason)` refuses it.
pub type Validator<'a> = &'a dyn Fn(&str) -> Result<(), String>;

/// A text question.
pub struct TextQuestion<'a> {
    pub prompt: &'a str,
    /// Shown when the person types `?`.
    pub help: &'a str,
    pub default: Option<&'a str>,
    /// An empty answer skips the field.
    pub optional: bool,
    /// Several lines (a paragraph or more).
    pub long: bool,
    /// What an empty answer does, when not « skip »: « vide pour terminer »
    /// for the next item of a list.
    pub when_empty: Option<&'a str>,
    pub validate: Validator<'a>,
}

/// Asks a question that has nothing before it (the kind of agreement, the
/// review screen): « back » asks it again.
pub(super) fn staying<T>(mut ask: impl FnMut() -> Result<T, Stop>) -> Result<T, Stop> {
    loop {
        match ask() {
            Err(Stop::Back) => continue,
            other => return other,
        }
    }
}

pub trait Prompter {
    /// Prints information (clause titles, purposes, findings).
    fn show(&mut self, text: &str);
    /// Asks for a text; `None` when an optional field is skipped.
    fn text(&mut self, q: &TextQuestion<'_>) -> Result<Option<String>, Stop>;
    /// Picks one of `items`; `help` is shown on request.
    fn select(
        &mut self,
        prompt: &str,
        help: &str,
        items: &[String],
        default: Option<usize>,
    ) -> Result<usize, Stop>;
    /// Picks any of `items`.
    fn multi_select(
        &mut self,
        prompt: &str,
        items: &[String],
        defaults: &[bool],
    ) -> Result<Vec<usize>, Stop>;
    fn confirm(&mut self, prompt: &str, default: bool) -> Result<bool, Stop>;
}

/// Answers from a script, for tests. Text answers are checked by the same
/// validators as at a terminal; a refused answer is recorded in `refusals`
/// and the next scripted answer is tried, as a person would retype. `=`
/// takes the default, `<` goes back, at any prompt; `-` erases an optional
/// answer.
#[derive(Debug, Default)]
pub struct ScriptedPrompter {
    answers: VecDeque<String>,
    /// Every question asked, in order.
    pub asked: Vec<String>,
    /// Every refused answer, with the reason given.
    pub refusals: Vec<(String, String)>,
    /// Everything shown.
    pub shown: Vec<String>,
    /// The items of every list offered, in order.
    pub menus: Vec<Vec<String>>,
}

impl ScriptedPrompter {
    pub fn new<I: IntoIterator<Item = S>, S: Into<String>>(answers: I) -> ScriptedPrompter {
        ScriptedPrompter {
            answers: answers.into_iter().map(Into::into).collect(),
            ..Default::default()
        }
    }

    /// Answers not consumed (a test may expect none left).
    pub fn remaining(&self) -> usize {
        self.answers.len()
    }

    fn next(&mut self, prompt: &str) -> Result<String, Stop> {
        self.asked.push(prompt.to_string());
        match self.answers.pop_front() {
            None => Err(Stop::Interrupted),
            Some(a) if a == BACK => Err(Stop::Back),
            Some(a) => Ok(a),
        }
    }

    /// `answer` names an item by its exact text, by a prefix, or by its index.
    fn pick(items: &[String], answer: &str) -> Option<usize> {
        items
            .iter()
            .position(|i| i == answer)
            .or_else(|| items.iter().position(|i| i.starts_with(answer)))
            .or_else(|| answer.parse().ok().filter(|&n: &usize| n < items.len()))
    }
}

impl Prompter for ScriptedPrompter {
    fn show(&mut self, text: &str) {
        self.shown.push(text.to_string());
    }

    fn text(&mut self, q: &TextQuestion<'_>) -> Result<Option<String>, Stop> {
        loop {
            let answer = self.next(q.prompt)?;
            // "=" keeps the default, as pressing Enter does at a terminal.
            let answer = match (answer.as_str(), q.default) {
                ("=", Some(d)) => d.to_string(),
                _ => answer,
            };
            if answer.trim().is_empty() && q.optional {
                return Ok(None);
            }
            // `-` erases an optional answer already given, as at a terminal.
            if answer.trim() == "-" && q.optional && q.default.is_some() {
                return Ok(None);
            }
            match (q.validate)(&answer) {
                Ok(()) => return Ok(Some(answer)),
                Err(reason) => self.refusals.push((answer, reason)),
            }
        }
    }

    fn select(
        &mut self,
        prompt: &str,
        _help: &str,
        items: &[String],
        default: Option<usize>,
    ) -> Result<usize, Stop> {
        self.menus.push(items.to_vec());
        loop {
            let answer = self.next(prompt)?;
            if answer == "="
                && let Some(d) = default
            {
                return Ok(d);
            }
            match Self::pick(items, &answer) {
                Some(i) => return Ok(i),
                None => self
                    .refusals
                    .push((answer, format!("not one of {items:?}"))),
            }
        }
    }

    fn multi_select(
        &mut self,
        prompt: &str,
        items: &[String],
        _defaults: &[bool],
    ) -> Result<Vec<usize>, Stop> {
        let answer = self.next(prompt)?;
        Ok(answer
            .split(',')
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .filter_map(|a| Self::pick(items, a))
            .collect())
    }

    fn confirm(&mut self, prompt: &str, default: bool) -> Result<bool, Stop> {
        let answer = self.next(prompt)?;
        Ok(match answer.as_str() {
            "=" => default,
            a => matches!(a, "o" | "oui" | "y" | "yes"),
        })
    }
}
