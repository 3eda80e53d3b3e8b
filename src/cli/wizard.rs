//! `pacte new` and `pacte edit`: the wizard at a terminal, through dialoguer.

use super::{Env, fail};
use clap::Args;
use dialoguer::{Input, MultiSelect, Select, theme::ColorfulTheme};
use pacte::wizard::{BACK, Prompter, Stop, TextQuestion, Wizard, WizardError};
use pacte::{Lang, tr};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args, Debug)]
pub struct NewArgs {
    /// Where to save the convention.
    #[arg(default_value = "convention.toml")]
    file: PathBuf,
    /// The kind of convention (a profile: gestion, realisation …).
    #[arg(long)]
    kind: Option<String>,
    /// Replace FILE if it exists.
    #[arg(long)]
    force: bool,
}

#[derive(Args, Debug)]
pub struct EditArgs {
    /// The convention to resume or revise.
    file: PathBuf,
}

/// The longest default shown on a prompt's own line.
const LONG_DEFAULT: usize = 30;

/// Prompts on the terminal (drawn on standard error; standard output stays clean).
struct TerminalPrompter {
    theme: ColorfulTheme,
    lang: Lang,
}

fn interrupted<T>(_: dialoguer::Error) -> Result<T, Stop> {
    Err(Stop::Interrupted)
}

impl Prompter for TerminalPrompter {
    fn show(&mut self, text: &str) {
        print_wrapped(text);
    }

    fn text(&mut self, q: &TextQuestion<'_>) -> Result<Option<String>, Stop> {
        let lang = self.lang;
        // A paragraph can be written in the person's own editor, when they
        // have named one (never a default `vi` sprung on a coordinator).
        let editor = q.long
            && ["VISUAL", "EDITOR"]
                .iter()
                .any(|v| std::env::var_os(v).is_some_and(|e| !e.is_empty()));
        let with_editor = if editor {
            tr!(lang, ", ! éditeur", ", ! editor")
        } else {
            String::new()
        };
        // An optional answer already given is erased with `-` (Enter keeps
        // it).
        let clearable = q.optional && q.default.is_some();
        let hint = if clearable {
            tr!(
                lang,
                " (? aide, < retour{with_editor}, - pour effacer)",
                " (? help, < back{with_editor}, - to clear)"
            )
        } else if q.optional {
            let empty = q.when_empty.map_or_else(
                || tr!(lang, "vide pour passer", "empty to skip"),
                str::to_string,
            );
            tr!(
                lang,
                " (? aide, < retour{with_editor}, {empty})",
                " (? help, < back{with_editor}, {empty})"
            )
        } else {
            tr!(
                lang,
                " (? aide, < retour{with_editor})",
                " (? help, < back{with_editor})"
            )
        };
        let required = tr!(
            lang,
            "ce champ est obligatoire (tapez ? pour l'aide)",
            "this field is required (type ? for help)"
        );
        loop {
            // A refused answer is refused inside the prompt, with its reason;
            // `?` and an empty answer are handled after it.
            let validate = |input: &String| -> Result<(), String> {
                match input.trim() {
                    "?" | BACK => Ok(()),
                    "!" if editor => Ok(()),
                    "-" if clearable => Ok(()),
                    "" if q.optional => Ok(()),
                    "" => Err(required.clone()),
                    _ if q.long => Ok(()),
                    _ => (q.validate)(input),
                }
            };
            let mut input = Input::<String>::with_theme(&self.theme)
                .with_prompt(format!("{}{hint}", q.prompt))
                .allow_empty(true)
                .validate_with(validate);
            // An existing paragraph is edited, not retyped: with the
            // person's editor (`!`) when they have one — it is shown, and
            // Enter keeps it —, else in place when it is one line.
            let prefill = q.default.filter(|d| q.long && !editor && !d.contains('\n'));
            match q.default {
                Some(d) if prefill.is_some() => {
                    input = input.with_initial_text(d.to_string());
                }
                Some(d) if q.long => {
                    if d.contains('\n') {
                        for line in d.lines() {
                            eprintln!("  │ {line}");
                        }
                    }
                    input = input.default(d.lines().next().unwrap_or_default().to_string());
                }
                // A long default would wrap mid-word on the prompt's line:
                // it is shown above, wrapped, and Enter still keeps it.
                Some(d) if d.chars().count() > LONG_DEFAULT => {
                    print_wrapped(&tr!(
                        lang,
                        "  Réponse actuelle : {d}",
                        "  Current answer: {d}"
                    ));
                    input = input.default(d.to_string()).show_default(false);
                }
                Some(d) => input = input.default(d.to_string()),
                None => {}
            }
            let mut answer = input.interact_text().or_else(interrupted)?;
            // `<`, `?` or `-` typed after a prefilled answer are commands,
            // not text to add to it.
            if let Some(d) = prefill
                && let Some(command) = answer.trim().strip_prefix(d.trim())
                && matches!(command.trim(), "<" | "?" | "-")
            {
                answer = command.trim().to_string();
            }
            if clearable && answer.trim() == "-" {
                return Ok(None);
            }
            // Enter on a kept paragraph keeps all of it.
            if let Some(d) = q.default
                && q.long
                && (answer == d || Some(answer.as_str()) == d.lines().next())
            {
                return Ok(Some(d.to_string()));
            }
            if editor && answer.trim() == "!" {
                match dialoguer::Editor::new().edit(q.default.unwrap_or_default()) {
                    Ok(Some(text)) if !text.trim().is_empty() => {
                        let text = text.trim().to_string();
                        match (q.validate)(&text) {
                            Ok(()) => return Ok(Some(text)),
                            Err(reason) => eprintln!("  ✗ {reason}"),
                        }
                    }
                    Ok(Some(_)) if q.optional => return Ok(None),
                    Ok(_) => eprintln!(
                        "{}",
                        tr!(lang, "  (rien d'enregistré)", "  (nothing saved)")
                    ),
                    Err(e) => eprintln!("  ✗ {e}"),
                }
                continue;
            }
            if answer.trim() == "?" {
                eprintln!("  {}", q.help);
                continue;
            }
            if answer.trim() == BACK {
                return Err(Stop::Back);
            }
            if answer.trim().is_empty() {
                return Ok(None);
            }
            if q.long {
                // A paragraph: further lines until an empty one.
                eprintln!(
                    "{}",
                    tr!(
                        lang,
                        "  (suite du texte ; ligne vide pour terminer)",
                        "  (more text; empty line to finish)"
                    )
                );
                loop {
                    let more = Input::<String>::with_theme(&self.theme)
                        .with_prompt("…")
                        .allow_empty(true)
                        .interact_text()
                        .or_else(interrupted)?;
                    if more.trim().is_empty() {
                        break;
                    }
                    if more.trim() == BACK {
                        return Err(Stop::Back);
                    }
                    answer.push('\n');
                    answer.push_str(&more);
                }
                if let Err(reason) = (q.validate)(&answer) {
                    eprintln!("  ✗ {reason}");
                    continue;
                }
            }
            return Ok(Some(answer));
        }
    }

    fn select(
        &mut self,
        prompt: &str,
        help: &str,
        items: &[String],
        default: Option<usize>,
    ) -> Result<usize, Stop> {
        let mut shown = items.to_vec();
        shown.push(tr!(self.lang, "? Aide", "? Help"));
        shown.push(tr!(
            self.lang,
            "← Question précédente",
            "← Previous question"
        ));
        loop {
            let i = Select::with_theme(&self.theme)
                .with_prompt(prompt)
                .items(&shown)
                .default(default.unwrap_or(0))
                .interact()
                .or_else(interrupted)?;
            if i < items.len() {
                return Ok(i);
            }
            if i == items.len() + 1 {
                return Err(Stop::Back);
            }
            eprintln!("  {help}");
        }
    }

    fn multi_select(
        &mut self,
        prompt: &str,
        items: &[String],
        defaults: &[bool],
    ) -> Result<Vec<usize>, Stop> {
        let hint = tr!(
            self.lang,
            " (espace pour cocher, Entrée pour valider)",
            " (space to tick, Enter to confirm)"
        );
        MultiSelect::with_theme(&self.theme)
            .with_prompt(format!("{prompt}{hint}"))
            .items(items)
            .defaults(defaults)
            .interact()
            .or_else(interrupted)
    }

    /// Yes or no in the interface language (« [O/n] », o/oui/n/non), ended
    /// by Enter: a single key press never answers, so a following Enter
    /// cannot fall into the next question.
    fn confirm(&mut self, prompt: &str, default: bool) -> Result<bool, Stop> {
        use pacte::wizard::answer::{yes_no, yes_no_hint};
        let lang = self.lang;
        let refusal = tr!(
            lang,
            "répondez o (oui) ou n (non)",
            "answer y (yes) or n (no)"
        );
        let typed: String = Input::with_theme(&self.theme)
            .with_prompt(format!("{prompt} {}", yes_no_hint(default, lang)))
            .allow_empty(true)
            .validate_with(|s: &String| {
                if s.trim() == BACK {
                    return Ok(());
                }
                yes_no(s, default, lang)
                    .map(|_| ())
                    .ok_or_else(|| refusal.clone())
            })
            .interact_text()
            .or_else(interrupted)?;
        if typed.trim() == BACK {
            return Err(Stop::Back);
        }
        Ok(yes_no(&typed, default, lang).unwrap_or(default))
    }
}

/// Text wrapped on word boundaries at the terminal's width (a clause's
/// purpose is a paragraph; the terminal would cut it mid-word).
fn print_wrapped(text: &str) {
    let width = dialoguer::console::Term::stderr()
        .size_checked()
        .map_or(80, |(_, columns)| usize::from(columns).clamp(20, 120));
    for line in text.lines() {
        if line.chars().count() <= width {
            eprintln!("{line}");
        } else {
            // A continuation keeps the line's indent (« → » of a finding's help).
            let indent: String = line
                .chars()
                .take_while(|c| *c == ' ' || *c == '→')
                .map(|_| ' ')
                .collect();
            let options = textwrap::Options::new(width).subsequent_indent(&indent);
            for wrapped in textwrap::wrap(line, options) {
                eprintln!("{wrapped}");
            }
        }
    }
}

/// The wizard needs a person at a terminal; without one it must not wait.
fn require_terminal(lang: Lang) -> Result<(), ExitCode> {
    if std::io::stdin().is_terminal() && std::io::stderr().is_terminal() {
        return Ok(());
    }
    Err(fail(&tr!(
        lang,
        "l'assistant a besoin d'un terminal. Sans terminal (CI, tube), écrivez la convention en TOML (voir le README et examples/) et vérifiez-la avec `pacte check FICHIER`.",
        "the wizard needs a terminal. Without one (CI, a pipe), write the agreement in TOML (see the README and examples/) and check it with `pacte check FILE`."
    )))
}

/// Prints the interruption message once. A Ctrl-C at a list can reach both
/// the signal handler and the prompt (which then returns an interruption);
/// the lock also keeps the process from exiting halfway through the message.
fn say_once(message: &str) {
    static SAID: std::sync::Mutex<bool> = std::sync::Mutex::new(false);
    let mut said = SAID
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if !*said {
        // Not wrapped: it names files to copy and may hold the whole text
        // of the convention, which must come out exactly.
        eprintln!("{message}");
        *said = true;
    }
}

/// Runs the wizard on `file` at the terminal. Ctrl-C ends it at once: every
/// answer already given is on disk (each was saved atomically) or, after a
/// failed save, in the recovery file the handler names, so there is nothing
/// to flush; the handler restores the cursor a list may have hidden and says
/// how to resume.
fn run(
    env: &Env,
    file: &std::path::Path,
    open: impl FnOnce(&pacte::ClauseLibrary) -> Result<Wizard<'_>, String>,
    go: impl FnOnce(&mut Wizard<'_>, &mut TerminalPrompter) -> Result<(), WizardError>,
) -> ExitCode {
    let lang = env.lang;
    if let Err(code) = require_terminal(lang) {
        return code;
    }
    let library = match env.library() {
        Ok(l) => l,
        Err(code) => return code,
    };
    let mut wizard = match open(&library) {
        Ok(w) => w,
        Err(message) => return fail(&message),
    };
    let unsaved = wizard.unsaved_answers();
    let handler_file = file.to_path_buf();
    let handler_unsaved = unsaved.clone();
    super::on_signal(move || {
        let _ = dialoguer::console::Term::stderr().show_cursor();
        say_once(&format!(
            "\n{}",
            handler_unsaved.interruption(&handler_file, lang)
        ));
    });
    let mut prompter = TerminalPrompter {
        theme: ColorfulTheme::default(),
        lang,
    };
    match go(&mut wizard, &mut prompter) {
        Ok(()) => ExitCode::SUCCESS,
        // A « back » at the very first question has nowhere to go; the
        // wizard keeps it, but should one escape, it ends like Ctrl-C.
        Err(WizardError::Interrupted | WizardError::Back) => {
            say_once(&format!("\n{}", unsaved.interruption(file, lang)));
            ExitCode::from(130)
        }
        Err(WizardError::Io(message)) => fail(&message),
    }
}

pub fn new(env: &Env, args: NewArgs, document_lang: Option<Lang>) -> ExitCode {
    let kind = args.kind.clone();
    run(
        env,
        &args.file,
        |library| Wizard::create(library, env.lang, &args.file, args.force),
        |wizard, prompter| wizard.run_new(prompter, kind.as_deref(), document_lang),
    )
}

pub fn edit(env: &Env, args: EditArgs) -> ExitCode {
    // Unless the person chose one, the wizard speaks the convention's language.
    let lang = match env.lang_chosen {
        true => env.lang,
        false => convention_language(&args.file).unwrap_or(env.lang),
    };
    let env = Env {
        lang,
        lang_chosen: true,
        color: env.color,
        config: env.config.clone(),
        clause_dirs: env.clause_dirs.clone(),
    };
    run(
        &env,
        &args.file,
        |library| Wizard::open(library, lang, &args.file),
        |wizard, prompter| wizard.run_edit(prompter),
    )
}

/// The `language` of a convention file's header, read within the size limit;
/// `None` when the file cannot tell (the wizard then says why, in the
/// interface language).
fn convention_language(path: &std::path::Path) -> Option<Lang> {
    let bytes = pacte::input::read_bounded(path, pacte::convention::MAX_FILE_BYTES as u64).ok()?;
    let table: toml::Table = toml::from_str(std::str::from_utf8(&bytes).ok()?).ok()?;
    Lang::parse(table.get("convention")?.get("language")?.as_str()?)
}
