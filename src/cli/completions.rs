//! `pacte completions SHELL` and `pacte man`: generated from the same clap
//! definition as the parser, so they never drift from the real options.

use super::fail;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

pub fn completions(shell: clap_complete::Shell) -> ExitCode {
    let mut command = super::command();
    let mut out = std::io::stdout().lock();
    clap_complete::generate(shell, &mut command, "pacte", &mut out);
    finish(out.flush())
}

/// The man pages: `pacte(1)` on standard output, or with `dir` one page per
/// command (`pacte.1`, `pacte-check.1`, …) written into that folder.
pub fn man(dir: Option<&Path>, force: bool, lang: pacte::Lang) -> ExitCode {
    let command = super::command().disable_help_subcommand(true);
    let Some(dir) = dir else {
        let mut out = std::io::stdout().lock();
        let written = clap_mangen::Man::new(command).render(&mut out);
        return finish(written.and_then(|()| out.flush()));
    };
    // `pacte man --dir ~/.local/share/man/man1` on a machine that has no
    // such folder yet: made, as `mkdir -p` would.
    if let Err(e) = std::fs::create_dir_all(dir) {
        let shown = dir.display();
        return super::fail(&pacte::tr!(
            lang,
            "impossible de créer le dossier {shown} : {e}",
            "cannot create the folder {shown}: {e}"
        ));
    }
    let mut pages = Vec::new();
    collect_pages(command, &mut pages);
    for (name, page) in pages {
        let path = dir.join(name);
        if let Err(code) = super::write_output(lang, Some(&path), &page, force, false) {
            return code;
        }
        println!("{}", path.display());
    }
    ExitCode::SUCCESS
}

/// Renders a command's page and its subcommands' pages, named after clap's
/// display names (`pacte-clauses-list.1`).
fn collect_pages(mut command: clap::Command, pages: &mut Vec<(String, Vec<u8>)>) {
    command.build();
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        collect_pages(sub.clone(), pages);
    }
    let man = clap_mangen::Man::new(command);
    let mut page = Vec::new();
    // Rendering into memory cannot fail.
    let _ = man.render(&mut page);
    pages.push((man.get_filename(), page));
}

fn finish(result: std::io::Result<()>) -> ExitCode {
    match result {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => fail(&e.to_string()),
        _ => ExitCode::SUCCESS,
    }
}
