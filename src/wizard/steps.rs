//! « Back » at any prompt: a run of questions (a clause's fields, a party's,
//! an entry's) asked in order, where going back re-asks the previous
//! question actually asked — not one a rule skipped — with its answer as the
//! default.

use super::{Prompter, Wizard, WizardError};

/// Where a run of questions starts: at its first question, or — when the
/// person came back into it from the next section — at its last.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Start {
    First,
    Last,
}

/// One question of a run: `Ok(true)` when it was asked, `Ok(false)` when a
/// rule skipped it.
pub(super) type Step<'s, 'a> =
    dyn FnMut(&mut Wizard<'a>, &mut dyn Prompter, usize) -> Result<bool, WizardError> + 's;

impl<'a> Wizard<'a> {
    /// Asks questions `0..n` through `ask`. « Back » re-asks the previous
    /// question asked; at the first one, it is returned to the caller,
    /// which goes back into the previous section.
    pub(super) fn steps(
        &mut self,
        p: &mut dyn Prompter,
        n: usize,
        start: Start,
        ask: &mut Step<'_, 'a>,
    ) -> Result<(), WizardError> {
        if n == 0 {
            return match start {
                Start::First => Ok(()),
                Start::Last => Err(WizardError::Back),
            };
        }
        // The questions asked in this run, most recent last.
        let mut asked: Vec<usize> = Vec::new();
        let (mut i, mut backward) = match start {
            Start::First => (0, false),
            Start::Last => (n - 1, true),
        };
        // Entered from the end, the questions before the start were asked
        // in an earlier run: going back scans down through them.
        let scan_down = start == Start::Last;
        let step_back = |asked: &mut Vec<usize>, i: usize| match asked.pop() {
            Some(previous) => Some(previous),
            None if scan_down && i > 0 => Some(i - 1),
            None => None,
        };
        while i < n {
            match ask(self, p, i) {
                Ok(true) => {
                    asked.push(i);
                    i += 1;
                    backward = false;
                }
                Ok(false) if backward => match step_back(&mut asked, i) {
                    Some(previous) => i = previous,
                    None => return Err(WizardError::Back),
                },
                Ok(false) => i += 1,
                Err(WizardError::Back) => match step_back(&mut asked, i) {
                    Some(previous) => {
                        i = previous;
                        backward = true;
                    }
                    None => return Err(WizardError::Back),
                },
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }
}
