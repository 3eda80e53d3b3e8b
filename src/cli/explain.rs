//! `pacte explain CODE`.

use super::{Env, fail};
use pacte::{Code, tr};
use std::process::ExitCode;

pub fn run(env: &Env, code: &str) -> ExitCode {
    let lang = env.lang;
    let Some(parsed) = Code::parse(code) else {
        return fail(&tr!(
            lang,
            "code inconnu « {code} » ; les codes vont de P001 à P081 et de L001 à L008 (voir le README)",
            "unknown code `{code}`; codes run from P001 to P081 and L001 to L008 (see the README)"
        ));
    };
    print!("{}", parsed.explanation().render(parsed, lang));
    ExitCode::SUCCESS
}
