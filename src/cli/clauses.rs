//! `pacte clauses list` and `pacte clauses show`.

use super::{Env, fail};
use clap::Subcommand;
use pacte::library::{Field, FieldKind};
use pacte::{ClauseLibrary, Lang, tr};
use std::fmt::Write as _;
use std::process::ExitCode;

#[derive(Subcommand, Debug)]
pub enum ClausesCommand {
    /// List the profiles and clauses.
    List {
        /// Only the clauses of this profile, marked required, advised or optional.
        #[arg(long)]
        profile: Option<String>,
    },
    /// Show a clause: its purpose and every field with its question and help.
    Show {
        /// A clause id (audit, conseil …).
        id: String,
        /// Print the clause's file as the library holds it, to start your
        /// organisation's own version from (save it as DIR/ID.toml, then
        /// `--clauses DIR`).
        #[arg(long)]
        toml: bool,
    },
}

pub fn run(env: &Env, command: ClausesCommand) -> ExitCode {
    let library = match env.library() {
        Ok(l) => l,
        Err(code) => return code,
    };
    let text = match command {
        ClausesCommand::List { profile } => list(&library, profile.as_deref(), env.lang),
        ClausesCommand::Show { id, toml: true } => as_toml(&library, &id, env.lang),
        ClausesCommand::Show { id, toml: false } => show(&library, &id, env.lang),
    };
    match text {
        Ok(text) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Err(message) => fail(&message),
    }
}

fn list(library: &ClauseLibrary, profile: Option<&str>, lang: Lang) -> Result<String, String> {
    let mut out = String::new();
    let Some(id) = profile else {
        let _ = writeln!(out, "{}", tr!(lang, "Profils :", "Profiles:"));
        for p in library.profiles() {
            let _ = writeln!(
                out,
                "  {:<24} {} — {}",
                p.id,
                p.title.get(lang),
                p.description.get(lang)
            );
        }
        let _ = writeln!(out, "\n{}", tr!(lang, "Clauses :", "Clauses:"));
        for c in library.clauses() {
            let _ = writeln!(out, "  {:<24} {}", c.id(), c.title.get(lang));
        }
        return Ok(out);
    };
    let p = library.profile(id).ok_or_else(|| {
        let ids: Vec<&str> = library.profiles().map(|p| p.id.as_str()).collect();
        tr!(
            lang,
            "profil inconnu « {id} » ; profils : {}",
            "unknown profile `{id}`; profiles: {}",
            ids.join(", ")
        )
    })?;
    let _ = writeln!(
        out,
        "{} ({})\n{}\n",
        p.title.get(lang),
        p.id,
        p.description.get(lang)
    );
    let (required, advised, optional) = (
        tr!(lang, "exigée", "required"),
        tr!(lang, "conseillée", "advised"),
        tr!(lang, "facultative", "optional"),
    );
    for c in library.clauses() {
        let status = if p.clauses.iter().any(|x| x == c.id()) {
            &required
        } else if p.advised.iter().any(|x| x == c.id()) {
            &advised
        } else if p.optional.iter().any(|x| x == c.id()) {
            &optional
        } else {
            continue;
        };
        let _ = writeln!(out, "  {:<24} {:<10} {}", c.id(), status, c.title.get(lang));
    }
    Ok(out)
}

/// The clause's file, verbatim after one comment line saying where it comes
/// from and how to use a copy. On a terminal, characters that would drive it
/// (escape sequences from a stranger's library) are shown as `<U+…>`.
fn as_toml(library: &ClauseLibrary, id: &str, lang: Lang) -> Result<String, String> {
    let clause = library.clause(id).ok_or_else(|| unknown_clause(id, lang))?;
    let origin = clause.origin.display();
    let mut out = tr!(
        lang,
        "# {origin} — copiez-le sous DOSSIER/{id}.toml et passez --clauses DOSSIER (ou clauses = [\"DOSSIER\"] dans pacte.toml) pour utiliser votre version.\n",
        "# {origin} — copy it to DIR/{id}.toml and pass --clauses DIR (or clauses = [\"DIR\"] in pacte.toml) to use your version.\n"
    );
    out.push_str(&clause.source_text);
    if !out.ends_with('\n') {
        out.push('\n');
    }
    use std::io::IsTerminal;
    if std::io::stdout().is_terminal() {
        out = out
            .lines()
            .map(|l| pacte::diag::sanitize(l).into_owned() + "\n")
            .collect();
    }
    Ok(out)
}

fn unknown_clause(id: &str, lang: Lang) -> String {
    tr!(
        lang,
        "clause inconnue « {id} » ; `pacte clauses list` les donne toutes",
        "unknown clause `{id}`; `pacte clauses list` gives them all"
    )
}

fn show(library: &ClauseLibrary, id: &str, lang: Lang) -> Result<String, String> {
    let clause = library.clause(id).ok_or_else(|| unknown_clause(id, lang))?;
    let mut out = String::new();
    let _ = writeln!(out, "{} ({})\n", clause.title.get(lang), clause.id());
    let _ = writeln!(out, "{}\n", clause.purpose.get(lang).trim());
    let in_profiles: Vec<&str> = library
        .profiles()
        .filter(|p| p.clauses.iter().any(|c| c == id))
        .map(|p| p.id.as_str())
        .collect();
    if !in_profiles.is_empty() {
        let _ = writeln!(
            out,
            "{} {}\n",
            tr!(lang, "Exigée par :", "Required by:"),
            in_profiles.join(", ")
        );
    }
    // What an organisation replacing this clause must keep (or opt out of).
    if pacte::library::contract::clauses().contains(&id) {
        let uses = pacte::library::contract::uses_of(id, lang);
        let _ = if clause.computed() {
            writeln!(
                out,
                "{}\n",
                tr!(
                    lang,
                    "pacte calcule avec cette clause : {uses}. Une version propre à votre organisation garde les champs marqués « calculé » ci-dessous, ou déclare computed = false.",
                    "pacte computes with this clause: {uses}. Your organisation's own version keeps the fields marked “computed” below, or declares computed = false."
                )
            )
        } else {
            writeln!(
                out,
                "{}\n",
                tr!(
                    lang,
                    "computed = false : pacte n'en tire rien ; ni vérifié ni produit : {uses}.",
                    "computed = false: pacte takes nothing from it; neither checked nor produced: {uses}."
                )
            )
        };
    }
    let _ = writeln!(out, "{}", tr!(lang, "Champs :", "Fields:"));
    let computed = clause.computed().then_some(id);
    for field in &clause.fields {
        describe(&mut out, field, computed, "", 1, lang);
    }
    Ok(out)
}

/// One field, with its sub-fields. `computed` is the clause's id when pacte
/// computes with it: the fields of the contract are marked.
fn describe(
    out: &mut String,
    field: &Field,
    computed: Option<&str>,
    parent: &str,
    depth: usize,
    lang: Lang,
) {
    let pad = "  ".repeat(depth);
    let path = if parent.is_empty() {
        field.name().to_string()
    } else {
        format!("{parent}.{}", field.name())
    };
    let required = if field.required {
        tr!(lang, "obligatoire", "required")
    } else {
        tr!(lang, "facultatif", "optional")
    };
    let kind = kind_name(field.kind);
    let needed = computed.is_some_and(|id| {
        pacte::library::contract::NEEDS
            .iter()
            .any(|n| n.clause == id && n.path == path)
    });
    let mark = if needed {
        tr!(lang, ", calculé", ", computed")
    } else {
        String::new()
    };
    let _ = writeln!(out, "{pad}{} ({kind}, {required}{mark})", field.name());
    let _ = writeln!(out, "{pad}  {}", field.prompt(lang));
    if !field.help(lang).is_empty() {
        let _ = writeln!(out, "{pad}  {}", field.help(lang));
    }
    if !field.choices.is_empty() {
        let choices: Vec<String> = field
            .choices
            .iter()
            .map(|c| format!("\"{}\" ({})", c.value, c.label(lang)))
            .collect();
        let _ = writeln!(
            out,
            "{pad}  {} {}",
            tr!(lang, "Choix :", "Choices:"),
            choices.join(", ")
        );
    }
    if let Some(example) = &field.example {
        let _ = writeln!(
            out,
            "{pad}  {} {} = {}",
            tr!(lang, "Exemple :", "Example:"),
            field.name(),
            example.get_ref()
        );
    }
    if let Some(suggested) = &field.suggested {
        let _ = writeln!(
            out,
            "{pad}  {} {}",
            tr!(
                lang,
                "Réponse proposée par l'assistant :",
                "Answer the wizard offers:"
            ),
            suggested.get_ref()
        );
    }
    for sub in &field.fields {
        describe(out, sub, computed, &path, depth + 2, lang);
    }
}

fn kind_name(kind: FieldKind) -> &'static str {
    match kind {
        FieldKind::Text => "text",
        FieldKind::LongText => "long_text",
        FieldKind::TextList => "text_list",
        FieldKind::Boolean => "boolean",
        FieldKind::Date => "date",
        FieldKind::Integer => "integer",
        FieldKind::Percentage => "percentage",
        FieldKind::Money => "money",
        FieldKind::Party => "party",
        FieldKind::Parties => "parties",
        FieldKind::Choice => "choice",
        FieldKind::Record => "record",
        FieldKind::Records => "records",
    }
}
