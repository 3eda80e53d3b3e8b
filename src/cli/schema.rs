//! `pacte schema`: the JSON Schema of a convention file, for editors.

use super::{Env, OutputArgs, fail};
use clap::Args;
use std::process::ExitCode;

#[derive(Args, Debug)]
pub struct SchemaArgs {
    #[command(flatten)]
    out: OutputArgs,
}

pub fn run(env: &Env, args: SchemaArgs) -> ExitCode {
    let lang = env.lang;
    let library = match env.library() {
        Ok(l) => l,
        Err(code) => return code,
    };
    let schema = pacte::schema::convention_schema(&library, lang);
    let mut text = match serde_json::to_string_pretty(&schema) {
        Ok(t) => t,
        Err(e) => return fail(&e.to_string()),
    };
    text.push('\n');
    match args.out.write(lang, text.as_bytes(), false) {
        Ok(()) => ExitCode::SUCCESS,
        Err(code) => code,
    }
}
