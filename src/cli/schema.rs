//! `pacte schema`: the JSON Schema of a convention file, for editors.

use super::{Env, fail};
use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args, Debug)]
pub struct SchemaArgs {
    /// Write the schema to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,

    /// Replace an output file that pacte did not write.
    #[arg(long)]
    force: bool,
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
    match super::write_output(
        lang,
        args.output.as_deref(),
        text.as_bytes(),
        args.force,
        false,
    ) {
        Ok(()) => ExitCode::SUCCESS,
        Err(code) => code,
    }
}
