//! `pacte schema`: the JSON Schema of a convention file, for editors.

use super::{Env, fail};
use clap::Args;
use pacte::tr;
use std::io::Write;
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
    let Some(path) = &args.output else {
        let mut out = std::io::stdout().lock();
        return match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => fail(&e.to_string()),
            _ => ExitCode::SUCCESS,
        };
    };
    let shown = path.display();
    if !args.force && pacte::output::holds_user_content(path) {
        return fail(&tr!(
            lang,
            "{shown} existe et n'a pas été produit par pacte ; utilisez --force pour le remplacer",
            "{shown} exists and was not written by pacte; use --force to replace it"
        ));
    }
    if let Err(e) = pacte::output::write_atomic(path, text.as_bytes()) {
        return fail(&tr!(
            lang,
            "impossible d'écrire {shown} : {e} (le fichier précédent est intact)",
            "cannot write {shown}: {e} (the previous file is intact)"
        ));
    }
    eprintln!(
        "{}",
        tr!(lang, "schéma écrit : {shown}", "schema written: {shown}")
    );
    ExitCode::SUCCESS
}
