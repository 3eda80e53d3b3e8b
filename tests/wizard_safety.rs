//! The wizard never loses or clobbers answers: another editor's changes are
//! kept, a second wizard is told who holds the file, finished entries are on
//! disk as soon as they are complete, and what an interruption leaves is said
//! exactly. Driven by scripted prompters; no terminal needed.

#[path = "support/mod.rs"]
#[allow(dead_code)]
mod support;

use pacte::wizard::{ScriptedPrompter, Wizard, WizardError};
use pacte::{ClauseLibrary, Lang};
use support::Hooked;

fn library() -> ClauseLibrary {
    ClauseLibrary::bundled(Lang::Fr).unwrap()
}

fn jardins_copy() -> (tempfile::TempDir, std::path::PathBuf, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("jardins.toml");
    let original = std::fs::read_to_string("examples/realisation-jardins.toml").unwrap();
    std::fs::write(&path, &original).unwrap();
    (dir, path, original)
}

const HAND_EDIT: &str = "\n# Ajouté à la main pendant que l'assistant attendait.\n";

/// Edits the jardins example, choosing `choice` when the wizard finds that
/// another program changed the file while it asked for the renewal; returns
/// the folder, the file, what it held before, what the wizard showed and
/// how it ended.
fn edit_while_someone_writes(
    choice: &str,
) -> (
    tempfile::TempDir,
    std::path::PathBuf,
    String,
    String,
    Result<(), WizardError>,
) {
    let library = library();
    let (dir, path, original) = jardins_copy();
    let mut wizard = Wizard::open(&library, Lang::Fr, &path).unwrap();
    let edited = format!("{original}{HAND_EDIT}");
    let mut p = Hooked::new([
        "✓ Durée",
        "renouvellement par écrit",
        choice,
        "24",
        "Vérifier et terminer",
        "rien pour l'instant",
    ]);
    p.before_select = Box::new(|n| {
        if n == 2 {
            std::fs::write(&path, &edited).unwrap();
        }
    });
    let result = wizard.run_edit(&mut p);
    drop(wizard);
    let shown = p.script.shown.join("\n");
    (dir, path.clone(), original, shown, result)
}

#[test]
fn a_file_changed_by_someone_else_is_not_overwritten_and_the_answers_go_beside_it() {
    let (dir, path, original, shown, result) =
        edit_while_someone_writes("Enregistrer mes réponses à côté");
    result.unwrap();
    assert!(
        shown.contains("a été modifié par quelqu'un d'autre depuis votre dernière réponse"),
        "{shown}"
    );
    // The other editor's change is intact; the answers are beside it.
    let on_disk = std::fs::read_to_string(&path).unwrap();
    assert_eq!(on_disk, format!("{original}{HAND_EDIT}"));
    let beside = dir.path().join("jardins-2.toml");
    let mine = std::fs::read_to_string(&beside).unwrap();
    assert!(
        mine.contains("renewal = \"written\"") && mine.contains("renewal_months = 24"),
        "the answer that met the change and those after it:\n{mine}"
    );
    assert!(!mine.contains(HAND_EDIT.trim()));
    assert!(shown.contains("pacte diff"), "{shown}");
}

#[test]
fn keeping_the_other_version_stops_without_writing_over_it() {
    let (_dir, path, original, _, result) = edit_while_someone_writes("Garder la version");
    let Err(WizardError::Io(message)) = result else {
        panic!("the wizard stops: {result:?}")
    };
    assert!(
        message.contains("est gardé tel que l'autre l'a enregistré")
            && message.contains("pacte edit"),
        "{message}"
    );
    // Not a byte of the session's answers: the entries in progress were
    // built on the old text and would have overwritten the other's.
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        format!("{original}{HAND_EDIT}")
    );
}

#[test]
fn inline_parties_are_completed_not_asked_for_ever() {
    let library = library();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("inline.toml");
    let text = std::fs::read_to_string("examples/realisation-jardins.toml").unwrap();
    // The first party written inline, the second dropped.
    let start = text.find("[[parties]]").unwrap();
    let end = text.find("[clauses.").unwrap();
    let inline = format!(
        "{}parties = [{{ id = \"ville\", name = \"Ville\", short_name = \"la Ville\", sector = \"public\", address = \"1 rue\" }}]\n\n{}",
        &text[..start],
        &text[end..]
    );
    std::fs::write(&path, inline).unwrap();
    let mut wizard = Wizard::open(&library, Lang::Fr, &path).unwrap();
    // The script ends at once: whatever the wizard asks, it must not ask
    // the same party's first question again and again.
    let mut p = ScriptedPrompter::new(["coop", "Coopérative", "la Coopérative"]);
    let _ = wizard.run_edit(&mut p);
    drop(wizard);
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(
        saved.contains("[[parties]]") && saved.contains("Coopérative"),
        "the inline party became a table and the new one was added:\n{saved}"
    );
}

#[test]
fn a_second_wizard_on_the_same_file_is_told_who_holds_it() {
    let library = library();
    let (_dir, path, _) = jardins_copy();
    let first = Wizard::open(&library, Lang::En, &path).unwrap();
    let Err(message) = Wizard::open(&library, Lang::En, &path) else {
        panic!("a second wizard opened the same file");
    };
    assert!(
        message.contains("already open in another pacte wizard")
            && message.contains(&format!("pid {}", std::process::id())),
        "{message}"
    );
    drop(first);
    assert!(Wizard::open(&library, Lang::En, &path).is_ok());
}

#[test]
fn an_interruption_says_exactly_what_was_saved() {
    let library = library();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nouvelle.toml");
    // Interrupted at the very first question: nothing written, and said so.
    let mut wizard = Wizard::create(&library, Lang::En, &path, false).unwrap();
    let handle = wizard.unsaved_answers();
    let result = wizard.run_new(&mut ScriptedPrompter::new(Vec::<String>::new()), None, None);
    assert!(matches!(result, Err(WizardError::Interrupted)));
    assert!(!path.exists());
    assert_eq!(
        handle.interruption(&path, Lang::En),
        "Interrupted before the first answer: nothing was written."
    );
    drop(wizard);

    // Interrupted in the middle of the term clause: the last answer saved
    // is named.
    let (_dir, path, _) = jardins_copy();
    let mut wizard = Wizard::open(&library, Lang::En, &path).unwrap();
    let handle = wizard.unsaved_answers();
    assert_eq!(
        handle.interruption(&path, Lang::En),
        format!(
            "Interrupted. {} is unchanged; resume with `pacte edit {}`.",
            path.display(),
            path.display()
        )
    );
    let mut p = ScriptedPrompter::new(["✓ Term", "renewal in writing"]);
    assert!(matches!(
        wizard.run_edit(&mut p),
        Err(WizardError::Interrupted)
    ));
    let said = handle.interruption(&path, Lang::En);
    assert!(
        said.contains("Your answers are saved in")
            && said.contains(
                "the last one being “Term and renewal — How can the agreement be renewed”"
            ),
        "{said}"
    );
}

#[test]
fn each_finished_entry_of_a_list_is_saved_before_done() {
    let library = library();
    let (_dir, path, _) = jardins_copy();
    let before = std::fs::read_to_string(&path).unwrap();
    let count = |text: &str| text.matches("[[clauses.engagements.obligations]]").count();
    let mut wizard = Wizard::open(&library, Lang::Fr, &path).unwrap();
    // Revisit the obligations, add one entry, then stop at the menu (Ctrl-C)
    // instead of choosing "done".
    let mut p = ScriptedPrompter::new([
        "✓ Engagements des parties",
        "Ajouter une entrée",
        "la Ville",
        "Prête la salle communautaire une fois par mois.",
        // The example promises an English edition.
        "Lends the community hall once a month.",
        "",
    ]);
    let result = wizard.run_edit(&mut p);
    drop(wizard);
    assert!(
        matches!(result, Err(WizardError::Interrupted)),
        "{result:?}"
    );
    let after = std::fs::read_to_string(&path).unwrap();
    assert!(
        after.contains("fr = \"Prête la salle communautaire une fois par mois.\", en = \"Lends the community hall once a month.\""),
        "the finished entry is on disk, in both languages:\n{after}"
    );
    assert_eq!(count(&after), count(&before) + 1);
}

#[test]
fn amounts_and_dates_are_read_by_the_interface_language_and_said_back() {
    let library = library();
    let (_dir, path, _) = jardins_copy();
    let mut wizard = Wizard::open(&library, Lang::En, &path).unwrap();
    let mut p = ScriptedPrompter::new(["✓ Financial", "$1,200,000"]);
    let _ = wizard.run_edit(&mut p);
    drop(wizard);
    assert!(
        p.shown.iter().any(|s| s == "  → $1,200,000.00"),
        "{:?}",
        p.shown
    );
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("1200000"), "not 1.2:\n{text}");
}
