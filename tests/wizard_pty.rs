//! The real binary in a pseudo-terminal: `pacte new` from the first question
//! to a saved, valid file, as a person types it (expectrl).
//!
//! Unix only: expectrl drives a Unix pseudo-terminal. On Windows the same
//! walks run through the scripted prompter (`tests/wizard.rs`).
#![cfg(unix)]

use expectrl::{Eof, Expect, Session};
use std::process::Command;
use std::time::Duration;

const DOWN: &str = "\x1b[B";

/// pacte with `args`, French, without colours.
fn command(args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_pacte"));
    cmd.args(args)
        .env("TERM", "xterm")
        .env("NO_COLOR", "1")
        .env_remove("LANG")
        .env_remove("VISUAL")
        .env_remove("EDITOR");
    cmd
}

/// Starts a command in a pseudo-terminal.
fn start(cmd: Command) -> expectrl::session::OsSession {
    let mut s = Session::spawn(cmd).unwrap();
    s.set_expect_timeout(Some(Duration::from_secs(20)));
    s
}

/// Starts pacte in a pseudo-terminal, French, without colours.
fn spawn(args: &[&str]) -> expectrl::session::OsSession {
    start(command(args))
}

/// Waits for `prompt` on the screen, then types `answer`.
fn ask<S: Expect>(s: &mut S, prompt: &str, answer: &str) {
    s.expect(prompt)
        .unwrap_or_else(|e| panic!("waiting for “{prompt}”: {e}"));
    s.send(answer).unwrap();
}

#[test]
fn pacte_new_in_a_terminal_writes_a_valid_convention() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("essai.toml");
    let mut s = spawn(&[
        "new",
        file.to_str().unwrap(),
        "--kind",
        "essai",
        "--lang",
        "fr",
        "--clauses",
        "tests/fixtures/library/essai",
    ]);

    // Every question, clause by clause: the second way.
    ask(&mut s, "Comment procéder", &format!("{DOWN}\r"));
    ask(
        &mut s,
        "Titre de la convention",
        "Convention d'essai du quartier\r",
    );
    ask(&mut s, "Titre abrégé", "\r");
    ask(&mut s, "Numéro de référence", "\r");
    ask(&mut s, "Lieu de signature", "Québec\r");
    // A refused answer first: the date does not exist.
    ask(&mut s, "Date d'entrée en vigueur", "30/02/2027\r");
    ask(&mut s, "date invalide", "\x15"); // Ctrl-U clears the line
    s.send("1/3/2027\r").unwrap();
    ask(&mut s, "Date de fin", "2028-02-29\r");
    ask(&mut s, "Devise", "\r");
    for (name, short, sector_downs, rep, title) in [
        (
            "Ville de Québec",
            "la Ville",
            0,
            "Marie Tremblay",
            "mairesse",
        ),
        // A name in Arabic beside its transcription, typed as it is written.
        (
            "Coopérative Al Amal (تعاونية الأمل)",
            "la Coopérative",
            3,
            "Karim Benjelloun (كريم بنجلون)",
            "président",
        ),
    ] {
        ask(&mut s, "Dénomination légale", &format!("{name}\r"));
        // Echoed back as typed.
        s.expect(format!("· {name}").as_str())
            .unwrap_or_else(|e| panic!("the echo of {name}: {e}"));
        // The short name is offered from the name; typing replaces it.
        ask(&mut s, "Désignation abrégée", &format!("{short}\r"));
        s.expect("Secteur").unwrap();
        for _ in 0..sector_downs {
            s.send(DOWN).unwrap();
        }
        s.send("\r").unwrap();
        ask(&mut s, "Adresse", "1, rue des Jardins, Québec\r");
        ask(&mut s, "Loi constitutive", "\r");
        ask(&mut s, "Établissement par lequel la partie agit", "\r");
        ask(&mut s, "Numéro d'immatriculation", "\r");
        ask(&mut s, "Nom du représentant", &format!("{rep}\r"));
        ask(&mut s, "Fonction", &format!("{title}\r"));
        ask(&mut s, "Résolution ou mandat", "résolution n° 1\r");
        ask(&mut s, "Date d'adoption de la résolution", "\r");
        ask(&mut s, "Autres signataires", "\r");
    }
    // French yes and no, ended by Enter; a stray English "y" is refused first.
    ask(&mut s, "Ajouter une autre partie ? [o/N]", "y\r");
    ask(&mut s, "répondez o (oui) ou n (non)", "\x15n\r");
    // Clause 1: definitions, none.
    ask(&mut s, "Clause 1 sur 3", "");
    ask(&mut s, "Termes à définir", "\r");
    ask(&mut s, "Clause 2 sur 3", "");
    for (prompt, text) in [
        ("Quel problème", "Le quartier manque de jardins."),
        ("Quelle mission", "Offrir des jardins à tous."),
        (
            "Pourquoi aucune partie",
            "La Ville a le terrain, la Coopérative les jardiniers.",
        ),
        ("Quel est l'objet", "La création de jardins partagés."),
    ] {
        ask(&mut s, prompt, &format!("{text}\r"));
        ask(&mut s, "suite du texte", "\r");
    }
    ask(&mut s, "élément 1", "\r");
    // Yes/no fields are typed: no answer is taken for the person.
    ask(&mut s, "activités ouvertes au public ? [o/n]", "\r");
    ask(&mut s, "ce champ est obligatoire", "non\r");
    ask(&mut s, "mineurs ou de personnes vulnérables ? [o/n]", "n\r");
    ask(&mut s, "Clause 3 sur 3", "");
    ask(&mut s, "En combien d'exemplaires", "2\r");
    // An optional yes/no, answered with the French « o ».
    ask(&mut s, "signer séparément", "o\r");
    ask(&mut s, "Annexes jointes", "\r");
    // The review screen, then the check: ready; the Markdown only.
    ask(&mut s, "Récapitulatif", "\r");
    s.expect("Convention complète").unwrap();
    ask(&mut s, "Produire maintenant", &format!("{DOWN}\r"));
    s.expect(Eof).unwrap();
    assert!(
        std::fs::read_to_string(dir.path().join("essai.md"))
            .unwrap()
            .contains("Convention d’essai du quartier")
    );
    assert!(!dir.path().join("essai.pdf").exists());

    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("effective_date = 2027-03-01"), "{text}");
    assert!(text.contains("sector = \"cooperatif\""), "{text}");
    assert!(text.contains("counterparts = true"), "{text}");
    assert!(
        text.contains("name = \"Coopérative Al Amal (تعاونية الأمل)\""),
        "{text}"
    );
    assert!(text.contains("Karim Benjelloun (كريم بنجلون)"), "{text}");
    let check = Command::new(env!("CARGO_BIN_EXE_pacte"))
        .args([
            "check",
            "--clauses",
            "tests/fixtures/library/essai",
            file.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "{}\n{text}",
        String::from_utf8_lossy(&check.stdout)
    );
}

#[test]
fn without_a_terminal_the_wizard_explains_and_exits() {
    let out = Command::new(env!("CARGO_BIN_EXE_pacte"))
        .args(["new", "x.toml", "--lang", "en"])
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("the wizard needs a terminal") && err.contains("pacte check"),
        "{err}"
    );
    assert!(!std::path::Path::new("x.toml").exists());
}

#[test]
fn ctrl_c_keeps_every_answer_given_and_says_how_to_resume() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("c.toml");
    let mut s = spawn(&[
        "new",
        file.to_str().unwrap(),
        "--kind",
        "realisation",
        "--lang",
        "fr",
    ]);
    // The quick way: the optional short title and reference wait.
    ask(&mut s, "Comment procéder", "\r");
    ask(&mut s, "Titre de la convention", "Convention interrompue\r");
    ask(&mut s, "Lieu de signature", "Gaspé\r");
    // Half an answer, then Ctrl-C.
    ask(&mut s, "Date d'entrée en vigueur", "2027-0");
    s.send("\x03").unwrap();
    s.expect("reprenez avec `pacte edit").unwrap();
    s.expect(Eof).unwrap();
    let text = std::fs::read_to_string(&file).unwrap();
    let table: toml::Table = text.parse().expect("valid TOML after Ctrl-C");
    assert_eq!(
        table["convention"]["title"].as_str(),
        Some("Convention interrompue")
    );
    assert_eq!(table["convention"]["place"].as_str(), Some("Gaspé"));
    assert!(
        table["convention"].get("effective_date").is_none(),
        "only the answer being typed is lost"
    );
}

/// Starts the short `essai` wizard and answers up to the middle of a clause:
/// the preamble's first answer is saved, the second is half typed.
fn wizard_in_the_middle_of_a_clause(file: &std::path::Path) -> expectrl::session::OsSession {
    let mut s = spawn(&[
        "new",
        file.to_str().unwrap(),
        "--kind",
        "essai",
        "--lang",
        "fr",
        "--clauses",
        "tests/fixtures/library/essai",
    ]);
    ask(&mut s, "Comment procéder", &format!("{DOWN}\r"));
    ask(&mut s, "Titre de la convention", "Convention tuée\r");
    ask(&mut s, "Titre abrégé", "\r");
    ask(&mut s, "Numéro de référence", "\r");
    ask(&mut s, "Lieu de signature", "Rimouski\r");
    ask(&mut s, "Date d'entrée en vigueur", "2027-03-01\r");
    ask(&mut s, "Date de fin", "2028-02-29\r");
    ask(&mut s, "Devise", "\r");
    for (id, sector_downs) in [("ville", 0), ("coop", 3)] {
        ask(&mut s, "Dénomination légale", &format!("Partie {id}\r"));
        ask(&mut s, "Désignation abrégée", &format!("la partie {id}\r"));
        s.expect("Secteur").unwrap();
        for _ in 0..sector_downs {
            s.send(DOWN).unwrap();
        }
        s.send("\r").unwrap();
        ask(&mut s, "Adresse", "1, rue du Port, Rimouski\r");
        ask(&mut s, "Loi constitutive", "\r");
        ask(&mut s, "Établissement par lequel la partie agit", "\r");
        ask(&mut s, "Numéro d'immatriculation", "\r");
        ask(&mut s, "Nom du représentant", "Anne Roy\r");
        ask(&mut s, "Fonction", "présidente\r");
        ask(&mut s, "Résolution ou mandat", "résolution n° 7\r");
        ask(&mut s, "Date d'adoption de la résolution", "\r");
        ask(&mut s, "Autres signataires", "\r");
    }
    ask(&mut s, "Ajouter une autre partie", "non\r");
    ask(&mut s, "Clause 1 sur 3", "");
    ask(&mut s, "Termes à définir", "\r");
    ask(&mut s, "Clause 2 sur 3", "");
    ask(&mut s, "Quel problème", "Le port manque de jardins.\r");
    ask(&mut s, "suite du texte", "\r");
    // Half of the next answer, not yet confirmed.
    ask(&mut s, "Quelle mission", "Offrir des jar");
    // The previous answer is on disk before the next question is drawn.
    s.expect("Offrir des jar").unwrap();
    s
}

/// The file after a kill: valid TOML, every confirmed answer, nothing of the
/// answer being typed, and still checkable by pacte.
fn assert_last_saved_state(file: &std::path::Path, killed: bool) {
    let text = std::fs::read_to_string(file).unwrap();
    let table: toml::Table = text
        .parse()
        .unwrap_or_else(|e| panic!("not valid TOML after the kill: {e}\n{text}"));
    assert_eq!(
        table["convention"]["title"].as_str(),
        Some("Convention tuée")
    );
    assert_eq!(table["parties"].as_array().map(Vec::len), Some(2), "{text}");
    let preamble = &table["clauses"]["preambule"];
    assert_eq!(
        preamble["problem"].as_str(),
        Some("Le port manque de jardins.")
    );
    assert!(preamble.get("mission").is_none(), "{text}");
    assert!(!text.contains("Offrir des jar"));
    // No temporary file left beside it.
    let dir = file.parent().unwrap();
    let names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    // SIGKILL leaves no chance to remove the edit lock's file; the lock
    // itself goes with the process, and the next session takes it over.
    let mut names = names;
    if killed {
        names.retain(|n| n != ".tuee.toml.pacte-lock");
    }
    names.sort();
    assert_eq!(names, ["tuee.toml"], "{names:?}");
    let check = Command::new(env!("CARGO_BIN_EXE_pacte"))
        .args(["check", "--clauses", "tests/fixtures/library/essai"])
        .arg(file)
        .output()
        .unwrap();
    // Incomplete (exit 1), never unreadable (exit 2).
    assert_eq!(
        check.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
}

#[test]
fn sigint_in_the_middle_of_a_clause_leaves_the_last_saved_state() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("tuee.toml");
    let mut s = wizard_in_the_middle_of_a_clause(&file);
    send_signal(&s, "INT");
    s.expect(Eof).unwrap();
    assert_last_saved_state(&file, false);
}

#[test]
fn sigterm_in_the_middle_of_a_clause_leaves_the_last_saved_state_and_no_lock() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("tuee.toml");
    let mut s = wizard_in_the_middle_of_a_clause(&file);
    send_signal(&s, "TERM");
    s.expect(Eof).unwrap();
    assert_last_saved_state(&file, false);
}

#[test]
fn sigkill_in_the_middle_of_a_clause_leaves_the_last_saved_state() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("tuee.toml");
    let mut s = wizard_in_the_middle_of_a_clause(&file);
    send_signal(&s, "KILL");
    let _ = s.expect(Eof);
    assert_last_saved_state(&file, true);
}

fn send_signal(s: &expectrl::session::OsSession, signal: &str) {
    let pid = s.get_process().pid().to_string();
    let status = Command::new("kill")
        .args([&format!("-{signal}"), &pid])
        .status()
        .unwrap();
    assert!(status.success());
}

#[path = "support/mod.rs"]
mod support;

/// Opens `pacte edit` on a copy of the jardins example whose term clause is
/// missing, in a read-only folder, and answers the term question: the save
/// fails and the wizard asks what to do. With `no_recovery`, the temporary
/// folder is that read-only folder too, so the recovery copy fails as well.
/// Returns the session, the file, its original text and the guard keeping
/// the folder read-only.
fn a_save_that_fails(
    dir: &std::path::Path,
    no_recovery: bool,
) -> (
    expectrl::session::OsSession,
    std::path::PathBuf,
    String,
    support::ReadOnly,
) {
    let file = dir.join("jardins.toml");
    let original = std::fs::read_to_string("examples/realisation-jardins.toml")
        .unwrap()
        .replace("[clauses.duree]\nrenewal = \"none\"\n", "");
    assert!(!original.contains("[clauses.duree]"));
    std::fs::write(&file, &original).unwrap();
    let guard = support::ReadOnly::new(dir);
    let mut cmd = command(&["edit", file.to_str().unwrap(), "--lang", "fr"]);
    if no_recovery {
        cmd.env("TMPDIR", dir);
    }
    let mut s = start(cmd);
    // The review screen offers to continue with the incomplete clause.
    ask(&mut s, "Récapitulatif", "");
    ask(&mut s, "Continuer : 1 clause à compléter", "\r");
    // "renouvellement par écrit" is the second choice.
    ask(
        &mut s,
        "Comment la convention peut-elle être renouvelée",
        &format!("{DOWN}\r"),
    );
    // The answer could not be saved: the reason, then a choice.
    s.expect("impossible d'enregistrer").unwrap();
    s.expect("Le fichier sur le disque est inchangé").unwrap();
    s.expect("Que faire ?").unwrap();
    (s, file, original, guard)
}

/// The recovery file a message names, read then removed; it must hold the
/// answer the failed save could not write.
fn take_recovery(said: &str) -> String {
    let recovery = said
        .split_whitespace()
        .find(|w| w.contains("jardins-unsaved-"))
        .map(|w| std::path::PathBuf::from(w.trim_end_matches([':', ';', '.'])))
        .unwrap_or_else(|| panic!("no recovery file named: {said}"));
    let kept = std::fs::read_to_string(&recovery).unwrap();
    std::fs::remove_file(&recovery).unwrap();
    assert!(
        kept.contains("[clauses.duree]\nrenewal = \"written\""),
        "{kept}"
    );
    kept
}

/// Waits for the wizard to exit, then lifts the read-only guard: the exit
/// code and everything said since the last expectation.
fn end(mut s: expectrl::session::OsSession, guard: support::ReadOnly) -> (i32, String) {
    let rest = s.expect(Eof).unwrap();
    let said = String::from_utf8_lossy(rest.as_bytes()).into_owned();
    let status = s.get_process().wait().unwrap();
    drop(guard);
    match status {
        expectrl::process::unix::WaitStatus::Exited(_, code) => (code, said),
        other => panic!("the wizard did not exit normally: {other:?}: {said}"),
    }
}

#[test]
fn a_save_that_fails_at_the_terminal_offers_retry_and_keeps_the_answers() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, file, original, guard) = a_save_that_fails(dir.path(), false);
    // Retry: still read-only, so the same report; then stop.
    s.send("\r").unwrap();
    s.expect("Le fichier sur le disque est inchangé").unwrap();
    ask(&mut s, "Que faire ?", &format!("{DOWN}\r"));
    let (code, said) = end(s, guard);
    assert_eq!(code, 2, "a failed save is an error: {said}");
    assert!(
        said.contains("pacte: impossible d'enregistrer")
            && said.contains("le fichier est inchangé"),
        "{said}"
    );
    take_recovery(&said);
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        original,
        "the file is unchanged"
    );
}

#[test]
fn ctrl_c_after_a_failed_save_names_the_recovery_file() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, file, original, guard) = a_save_that_fails(dir.path(), false);
    s.send("\x03").unwrap();
    let (code, said) = end(s, guard);
    assert_eq!(code, 130, "{said}");
    let shown = file.display();
    assert!(
        said.contains(&format!(
            "Interrompu. {shown} garde son dernier état enregistré"
        )),
        "the message does not claim the last answer is in the file: {said}"
    );
    assert!(
        !said.contains("Vos réponses sont enregistrées dans"),
        "{said}"
    );
    take_recovery(&said);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), original);
}

#[test]
fn ctrl_c_when_even_the_recovery_copy_failed_prints_the_whole_text() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, file, original, guard) = a_save_that_fails(dir.path(), true);
    s.send("\x03").unwrap();
    let (code, said) = end(s, guard);
    assert_eq!(code, 130, "{said}");
    assert!(
        said.contains(
            "ni copiées ailleurs ne sont que dans le texte complet ci-dessous : recopiez-le dans"
        ),
        "{said}"
    );
    // The text printed is the whole convention with the answer given.
    let printed = said
        .split("recopiez-le dans ")
        .nth(1)
        .and_then(|rest| rest.split_once('\n'))
        .map(|(_, text)| text.replace("\r\n", "\n"))
        .unwrap_or_else(|| panic!("no text printed: {said}"));
    assert!(
        printed.contains("[clauses.duree]\nrenewal = \"written\""),
        "{printed}"
    );
    assert!(
        printed.starts_with("# Convention de partenariat"),
        "{printed}"
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), original);
}

#[test]
fn edit_speaks_the_convention_s_language_unless_told_otherwise() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("garden.toml");
    let text = std::fs::read_to_string("examples/realisation-jardins.toml")
        .unwrap()
        .replace("language = \"fr\"", "language = \"en\"");
    std::fs::write(&file, text).unwrap();
    // No --lang and no LANG: the agreement is in English, so is the wizard.
    let mut s = spawn(&["edit", file.to_str().unwrap()]);
    let nothing = format!("{DOWN}{DOWN}{DOWN}\r");
    ask(&mut s, "Review", "");
    ask(&mut s, "Check and finish", "\r");
    ask(&mut s, "nothing for now", &nothing);
    s.expect(Eof).unwrap();
    // Told otherwise, it speaks French.
    let mut s = spawn(&["--lang", "fr", "edit", file.to_str().unwrap()]);
    ask(&mut s, "Récapitulatif", "");
    ask(&mut s, "Vérifier et terminer", "\r");
    ask(&mut s, "rien pour l'instant", &nothing);
    s.expect(Eof).unwrap();
}

/// The position of the review screen's line that starts with `line`, and
/// the screen's default, for the jardins example: read through the
/// library, so the test does not hard-code the clause order.
fn review_position(file: &std::path::Path, line: &str) -> (usize, usize) {
    let library = pacte::ClauseLibrary::bundled(pacte::Lang::Fr).unwrap();
    let mut wizard = pacte::wizard::Wizard::open(&library, pacte::Lang::Fr, file).unwrap();
    let mut p =
        pacte::wizard::ScriptedPrompter::new(["Vérifier et terminer", "rien pour l'instant"]);
    wizard.run_edit(&mut p).unwrap();
    let items = &p.menus[0];
    let at = items
        .iter()
        .position(|i| i.starts_with(line))
        .unwrap_or_else(|| panic!("no “{line}” in {items:#?}"));
    (at, items.len() - 1)
}

/// A copy of the jardins example in a temporary folder, and the keys that
/// move the review screen's cursor from its default to the line starting
/// with `line`.
fn jardins_at(line: &str) -> (tempfile::TempDir, std::path::PathBuf, String) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("jardins.toml");
    std::fs::copy("examples/realisation-jardins.toml", &file).unwrap();
    let (at, default) = review_position(&file, line);
    let keys = format!("{}\r", "\x1b[A".repeat(default - at));
    (dir, file, keys)
}

#[test]
fn the_review_jumps_to_a_clause_back_revisits_and_a_conditional_answer_is_required() {
    let (_dir, file, up) = jardins_at("✓ Durée et renouvellement — aucun renouvellement");
    let mut s = spawn(&["--lang", "fr", "edit", file.to_str().unwrap()]);
    // The review screen (its lines are checked by the scripted tests; a
    // small terminal shows the page with the cursor): up to the term clause.
    s.expect("Récapitulatif").unwrap();
    s.expect("Vérifier et terminer").unwrap();
    s.send(up).unwrap();
    // Renewal in writing makes the months required: no « empty to skip ».
    ask(
        &mut s,
        "Comment la convention peut-elle être renouvelée",
        &format!("{DOWN}\r"),
    );
    ask(
        &mut s,
        "Durée de chaque renouvellement, en mois (? aide, < retour)",
        "<\r",
    );
    // Back: the renewal again, now tacit.
    ask(
        &mut s,
        "Comment la convention peut-elle être renouvelée",
        &format!("{DOWN}\r"),
    );
    ask(
        &mut s,
        "Durée de chaque renouvellement, en mois (? aide, < retour)",
        "12\r",
    );
    ask(
        &mut s,
        "Préavis de non-renouvellement, en jours (? aide, < retour)",
        "\r",
    );
    s.expect("ce champ est obligatoire").unwrap();
    s.send("60\r").unwrap();
    // Back on the review screen, then finish without documents.
    ask(&mut s, "Récapitulatif", "");
    ask(&mut s, "Vérifier et terminer", "\r");
    s.expect("Convention complète").unwrap();
    ask(
        &mut s,
        "rien pour l'instant",
        &format!("{DOWN}{DOWN}{DOWN}\r"),
    );
    s.expect(Eof).unwrap();
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(
        text.contains("renewal = \"tacit\"")
            && text.contains("renewal_months = 12")
            && text.contains("renewal_notice_days = 60"),
        "{text}"
    );
}

#[test]
fn an_existing_paragraph_is_edited_in_place_or_in_the_person_s_editor() {
    let (_dir, file, up) = jardins_at("✓ Préambule");
    // Without an editor: the answer is in the line, ready to change; `<`
    // typed after it goes back (to the review) and is not added to it.
    let mut s = spawn(&["--lang", "fr", "edit", file.to_str().unwrap()]);
    ask(&mut s, "Vérifier et terminer", &up);
    ask(&mut s, "fruits et légumes frais.", "<\r");
    ask(&mut s, "Récapitulatif", "");
    ask(&mut s, "Vérifier et terminer", &up);
    ask(&mut s, "fruits et légumes frais.", " Surtout l'été.\r");
    ask(&mut s, "ligne vide pour terminer", "\r");
    // The example promises an English edition: the same question in
    // English, its text ready to keep.
    ask(&mut s, "résoudre — en anglais", "");
    ask(&mut s, "fresh fruit and vegetables.", "\r");
    ask(&mut s, "Quelle mission", "\x03");
    s.expect(Eof).unwrap();
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("légumes frais. Surtout l'été.\""), "{text}");
    assert!(!text.contains('<'), "{text}");
    // With one: `!` opens it on the whole answer.
    let mut cmd = command(&["--lang", "fr", "edit", file.to_str().unwrap()]);
    cmd.env("EDITOR", "sed -i s/Surtout/Notamment/");
    let mut s = start(cmd);
    ask(&mut s, "Vérifier et terminer", &up);
    ask(&mut s, "! éditeur", "!\r");
    ask(&mut s, "résoudre — en anglais", "\r");
    ask(&mut s, "Quelle mission", "\x03");
    s.expect(Eof).unwrap();
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("légumes frais. Notamment l'été.\""), "{text}");
    assert!(
        text.contains("fresh fruit and vegetables.\""),
        "the English text stays: {text}"
    );
}

#[test]
fn an_optional_answer_is_erased_with_a_dash() {
    let (_dir, file, up) = jardins_at("✓ En-tête");
    let mut s = spawn(&["--lang", "fr", "edit", file.to_str().unwrap()]);
    ask(&mut s, "Vérifier et terminer", &up);
    ask(&mut s, "Titre de la convention", "\r");
    ask(&mut s, "Titre de la convention — en anglais", "\r");
    // The short title is optional and answered: `-` erases it, in both
    // languages.
    ask(
        &mut s,
        "Titre abrégé (? aide, < retour, - pour effacer)",
        "-\r",
    );
    ask(&mut s, "Numéro de référence", "\x03");
    s.expect(Eof).unwrap();
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(!text.contains("short_title"), "{text}");
    assert!(text.contains("reference = "), "{text}");
}
