//! The wizard's logic, driven by a scripted prompter: no terminal needed.

use pacte::check::{CheckOptions, check_text};
use pacte::wizard::{ScriptedPrompter, Wizard, WizardError};
use pacte::{ClauseLibrary, Lang, Severity};

const DONE: &str = "Terminé";
const ADD: &str = "Ajouter une entrée";
const SKIP: &str = "";
/// The review screen's last item, then both documents.
const FINISH_AND_RENDER: [&str; 2] = ["Vérifier et terminer", "la version Markdown et le PDF"];
/// The review screen's last item, then no document.
const FINISH_ONLY: [&str; 2] = ["Vérifier et terminer", "rien pour l'instant"];

/// The preamble's answers: problem, mission, why together, object; no
/// activities with the public, no work with minors.
const PREAMBLE: [&str; 6] = [
    "Le parc des Saules est laissé à l'abandon depuis trois ans.",
    "Rendre le parc accessible et vivant toute l'année.",
    "La Ville possède le parc ; l'Association réunit les bénévoles du quartier.",
    "La présente convention organise la gestion conjointe du parc.",
    "non",
    "non",
];
/// Evaluation: indicators, monitoring, funds, one mid-term step.
const EVALUATION: [&str; 9] = [
    "fréquentation du parc",
    SKIP,
    "Registre des activités.",
    "État des dépenses trimestriel.",
    ADD,
    "2028-06-30",
    "Bilan de mi-parcours",
    "la Ville",
    DONE,
];
/// The three audits: review, frequency, first date, who.
const AUDITS: [[&str; 4]; 3] = [
    [
        "évaluation des résultats",
        "chaque année",
        "2028-03-31",
        "le conseil",
    ],
    [
        "contrôle des dépenses",
        "chaque trimestre",
        "2027-06-30",
        "le trésorier",
    ],
    [
        "vérification des états financiers",
        "chaque année",
        "2028-04-30",
        "un vérificateur externe",
    ],
];
/// The end of the partnership: subject, arrangement.
const PROVISIONS: [[&str; 2]; 3] = [
    ["le personnel", "Chaque partie garde son personnel."],
    ["les équipements", "Les équipements restent à la Ville."],
    ["le surplus", "Le surplus revient au parc."],
];

/// Answers, in the order the wizard asks, for a complete management
/// partnership between a town and an association.
fn management_script() -> Vec<String> {
    // Every question, clause by clause (not the quick way).
    let mut a: Vec<&str> = vec!["Complet"];
    // Header: title, short title, reference, place, effective date, end date, currency.
    a.extend([
        "Convention de gestion du parc des Saules",
        "Parc des Saules",
        SKIP,
        "Lévis",
        "2027-01-01",
        "31/12/2031",
        "dollar canadien",
    ]);
    // Two parties: name, short name (the id is made from it), sector, address, statute,
    // establishment, registration, representative (name, title, mandate, date).
    a.extend([
        "Ville de Lévis",
        "la Ville",
        "secteur public",
        "2175, chemin du Fleuve, Lévis",
        "la Loi sur les cités et villes",
        SKIP, // no establishment it acts through
        SKIP,
        "Gilles Lehouillier",
        "maire",
        "la résolution CV-2026-10-12",
        SKIP,
        DONE, // no other signatory
    ]);
    a.extend([
        "Les Amis du parc des Saules",
        "l'Association",
        "secteur associatif",
        "12, rue des Saules, Lévis",
        SKIP,
        SKIP,
        SKIP,
        "Anne Côté",
        "présidente",
        "la résolution du 3 novembre 2026",
        "2026-11-03",
        DONE,
    ]);
    a.push("non"); // no third party
    // Definitions: none.
    a.push(DONE);
    // Preamble: problem, mission, why together, object, recitals (none).
    a.extend(&PREAMBLE[..4]);
    a.push(SKIP); // no recitals
    a.extend(&PREAMBLE[4..]);
    // Legal frame: one statute, governing law, form.
    a.extend([
        "Loi sur les compétences municipales (RLRQ, c. C-47.1)",
        SKIP,
        "les lois en vigueur au Québec",
        "convention entre les parties",
    ]);
    // Term: renewal in writing, 12 months (no notice of non-renewal is asked:
    // it would have no effect).
    a.extend(["renouvellement par écrit", "12"]);
    // Obligations: one entry per party.
    a.extend([
        ADD,
        "la Ville",
        "Assure l'entretien majeur du parc.",
        SKIP,
        ADD,
        "l'Association",
        "Anime le parc et coordonne les bénévoles.",
        SKIP,
        DONE,
        // No detailed provisions.
        SKIP,
    ]);
    // Resources: budget, period, contributions, fund manager, terms,
    // payments, lines.
    a.extend([
        "100 000",
        "chaque année",
        SKIP, // fiscal year
        ADD,
        "la Ville",
        "80000",
        SKIP, // what the cash pays: any expense
        "10000",
        SKIP,
        SKIP,
        ADD,
        "l'Association",
        SKIP, // no cash, so what it pays is not asked
        "10 000,00 $",
        "animation bénévole",
        SKIP,
        DONE,
        "la Ville",
        SKIP,
        DONE, // no payment schedule: the City manages its own funds
        SKIP, // taxes: not a service agreement
        DONE,
    ]);
    // The City pays over several years: the next clause, not this one, makes
    // that subject to its appropriations, so nothing is said here.
    // Appropriations: the City's contributions; repayment of unused funds.
    a.extend(["la Ville", "30", DONE, "sont reportées", "60"]);
    // Board: seats, nomination, officers, experts, admission criteria.
    a.extend([
        ADD,
        "la Ville",
        "2",
        SKIP,
        "1",
        ADD,
        "l'Association",
        "2",
        SKIP,
        "1",
        DONE,
    ]);
    a.push("Chaque partie nomme ses membres par résolution, pour deux ans.");
    a.extend([
        ADD,
        "présidence",
        "élue par le Conseil",
        SKIP,
        ADD,
        "secrétariat",
        "élue par le Conseil",
        SKIP,
        ADD,
        "trésorerie",
        "élue par le Conseil",
        SKIP,
        DONE,
    ]);
    a.extend([DONE, "Être actif dans le quartier depuis deux ans."]);
    // Deliberations: frequency, notice, quorum, rule, minutes, code, conflicts.
    a.extend([
        "chaque trimestre",
        "10",
        "3",
        SKIP, // no parties the quorum must include
        "consensus, à défaut la majorité",
        SKIP, // tie: no rule (P057 warns; the check passes)
        "le secrétariat du Conseil",
        SKIP,
        SKIP,
    ]);
    // Management structure: delegation to the association.
    a.extend([
        "des responsabilités confiées",
        DONE,
        ADD,
        "l'Association",
        "Animation du parc.",
        DONE,
        SKIP,
    ]);
    // Action plan: deadline, who, frequency, content.
    a.extend(["2027-04-30", "l'Association", "chaque année", SKIP]);
    // Coordination.
    a.extend(["Rencontre mensuelle des répondants.", SKIP]);
    // Contacts and committee.
    a.extend([
        ADD,
        "la Ville",
        "Julie Roy",
        SKIP,
        SKIP,
        SKIP,
        ADD,
        "l'Association",
        "Anne Côté",
        SKIP,
        SKIP,
        SKIP,
        DONE,
        "Les deux répondants.",
        "chaque trimestre",
    ]);
    // Communication.
    a.extend([
        "L'Association informe la Ville de tout incident.",
        "chaque mois",
        SKIP,
        SKIP,
    ]);
    // Intellectual property: the creator owns, logos with approval.
    a.extend(["à la partie qui les crée", "oui"]);
    // Evaluation: indicators, monitoring, funds, schedule.
    a.extend(EVALUATION);
    // Audit: the three reviews.
    for audit in AUDITS {
        a.push(ADD);
        a.extend(audit);
    }
    a.push(DONE);
    // Confidentiality is advised: skip it.
    a.push("non");
    // Conflicts of interest: the register, no gift threshold.
    a.extend(["le secrétariat du Conseil", SKIP]);
    // Insurance: the Association, proof yearly, nobody held harmless.
    a.extend([
        ADD,
        "l'Association",
        "2000000",
        DONE,
        SKIP,
        "à la signature, puis",
        SKIP,
    ]);
    // Background checks are optional: skip them.
    a.push("non");
    // Disputes: no joint committee first.
    a.extend([SKIP, "30", SKIP, "aux tribunaux compétents"]);
    // Termination: notice, time to remedy, no listed causes, no protected period.
    a.extend(["90", "30", SKIP, DONE]);
    // Withdrawal: notice, seats, contributions, property.
    a.extend([
        "180",
        "sont abolis",
        "restent dues en entier",
        "Chaque partie reprend les biens qu'elle a prêtés.",
    ]);
    // End of partnership: three provisions, no shares.
    for provision in PROVISIONS {
        a.push(ADD);
        a.extend(provision);
    }
    a.extend([DONE, DONE, DONE]);
    // Superior force, notices, general provisions.
    a.extend(["5", "120", "oui", "5"]);
    a.extend([
        "Lévis",
        "les lois applicables au Québec",
        "la version française prévaut sur toute autre version",
    ]);
    // Signatures: copies, counterparts, annexes.
    a.extend(["2", SKIP, SKIP]);
    a.into_iter().map(String::from).collect()
}

fn library() -> ClauseLibrary {
    ClauseLibrary::bundled(Lang::Fr).unwrap()
}

#[test]
fn the_last_step_writes_through_the_render_path_and_leaves_a_users_file_alone() {
    let library = library();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("parc.toml");
    let mine = dir.path().join("parc.md");
    std::fs::write(&mine, "# Mes notes sur le parc\n").unwrap();
    let mut wizard = Wizard::create(&library, Lang::Fr, &path, false).unwrap();
    let mut script = management_script();
    script.extend(FINISH_AND_RENDER.map(String::from));
    let mut p = ScriptedPrompter::new(script);
    wizard
        .run_new(&mut p, Some("gestion"), Some(Lang::Fr))
        .unwrap();
    assert_eq!(
        std::fs::read_to_string(&mine).unwrap(),
        "# Mes notes sur le parc\n",
        "a file pacte did not write is kept"
    );
    assert!(
        p.shown
            .iter()
            .any(|s| s.contains("n'a pas été produit par pacte : rien n'est écrit")),
        "{:?}",
        p.shown
    );
    // The PDF goes on, and carries pacte's mark: `render` may replace it.
    let pdf = dir.path().join("parc.pdf");
    assert_eq!(pacte::output::inspect(&pdf), pacte::output::Target::Ours);

    // A folder where the Markdown would go is said, and the PDF still offered.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("parc.toml");
    std::fs::create_dir(dir.path().join("parc.md")).unwrap();
    let mut wizard = Wizard::create(&library, Lang::Fr, &path, false).unwrap();
    let mut script = management_script();
    script.extend(FINISH_AND_RENDER.map(String::from));
    let mut p = ScriptedPrompter::new(script);
    wizard
        .run_new(&mut p, Some("gestion"), Some(Lang::Fr))
        .unwrap();
    assert!(
        p.shown
            .iter()
            .any(|s| s.contains("pas un fichier ordinaire")),
        "{:?}",
        p.shown
    );
    assert!(dir.path().join("parc.pdf").is_file());
}

#[test]
fn a_management_convention_from_nothing_passes_check() {
    let library = library();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("parc.toml");
    let mut wizard = Wizard::create(&library, Lang::Fr, &path, false).unwrap();
    let mut script = management_script();
    script.extend(FINISH_AND_RENDER.map(String::from));
    let mut p = ScriptedPrompter::new(script);
    if let Err(e) = wizard.run_new(&mut p, Some("gestion"), Some(Lang::Fr)) {
        let mut seen: Vec<&String> = p.asked.iter().collect();
        seen.dedup();
        let n = seen.len();
        panic!(
            "{e:?}: last questions {:#?}\nrefusals {:#?}",
            &seen[n.saturating_sub(30)..],
            &p.refusals[..p.refusals.len().min(2)]
        );
    }
    assert_eq!(p.remaining(), 0, "every scripted answer was used");
    // What a cash contribution pays is asked of the City, which pays cash,
    // and not of the Association, which pays none.
    let pays = p
        .asked
        .iter()
        .filter(|q| q.starts_with("Ce que paie cet argent"))
        .count();
    assert_eq!(pays, 1, "{:#?}", p.asked);
    // At the end, a clean convention is offered for rendering, and the paths are printed.
    let md = dir.path().join("parc.md");
    let pdf = dir.path().join("parc.pdf");
    assert!(
        std::fs::read_to_string(&md)
            .unwrap()
            .contains("## Article 3 — Objet et mission")
    );
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));
    let shown = |f: &std::path::Path| p.shown.iter().any(|s| s.contains(&f.display().to_string()));
    assert!(shown(&md) && shown(&pdf), "the paths are printed");
    assert!(p.refusals.is_empty(), "{:?}", p.refusals);
    // Findings inside the wizard speak the questions' words: no file keys,
    // no table paths, no code excerpt.
    let findings: Vec<&String> = p
        .shown
        .iter()
        .filter(|s| s.starts_with("⚠ ") && !s.contains("Convention"))
        .collect();
    assert!(!findings.is_empty(), "the appropriations finding is shown");
    for f in findings {
        assert!(
            !f.contains("[[clauses") && !f.contains('`') && !f.contains(" | "),
            "{f}"
        );
    }
    let start = &p.shown[0];
    assert!(
        start.starts_with("Cette convention compte 30 clauses")
            && start.contains("reprendre avec `pacte edit"),
        "{start}"
    );
    // A required list does not offer to be left empty.
    assert!(
        p.asked
            .iter()
            .any(|q| q == "Indicateurs de suivi — élément 1"),
        "{:?}",
        p.asked
    );
    assert!(
        p.asked
            .iter()
            .any(|q| q.contains("[présidence, élue par le Conseil")),
        "a summary shows the choice's label: {:?}",
        p.asked
    );
    assert!(
        p.shown
            .iter()
            .any(|s| s.contains("Clause 11 sur 30 — Structure de gestion")),
        "progress lines: {:?}",
        p.shown
    );
    assert!(
        p.shown
            .iter()
            .any(|s| s
                .starts_with("Le conseil d'administration est le lieu où se partage le pouvoir")),
        "each clause's purpose is shown"
    );

    let text = std::fs::read_to_string(&path).unwrap();
    let checked = check_text(&path, text.clone(), &library, &CheckOptions::default());
    let problems: Vec<_> = checked
        .report
        .diagnostics
        .iter()
        .filter(|d| d.severity >= Severity::Warning)
        .map(|d| (d.code, d.message.clone()))
        .collect();
    assert!(problems.is_empty(), "{problems:#?}\n{text}");
    assert!(
        text.contains("end_date = 2031-12-31"),
        "1/1-style dates are stored as TOML dates"
    );
    assert!(
        text.contains("in_kind = 10000.0") || text.contains("in_kind = 10000"),
        "money typed as « 10 000,00 $ » is stored as a number:\n{text}"
    );
    assert!(!text.contains("[clauses]\n"), "no bare [clauses] header");
}

#[test]
fn a_wrong_answer_is_refused_with_the_reason_and_asked_again() {
    let library = library();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.toml");
    let mut wizard = Wizard::create(&library, Lang::Fr, &path, false).unwrap();
    let mut script = management_script();
    script.extend(FINISH_ONLY.map(String::from));
    // A date that does not exist, then one in the wrong order of magnitude, then a good one.
    script[5] = "30/02/2027".into();
    script.insert(6, "2027-13-01".into());
    script.insert(7, "2027-01-01".into());
    // An end date before the start: said at once, asked again.
    script.insert(8, "2026-12-31".into());
    // A quorum of zero before 3.
    let quorum = script.iter().position(|a| a == "chaque trimestre").unwrap() + 2;
    assert_eq!(script[quorum], "3");
    script.insert(quorum, "0".into());
    let mut p = ScriptedPrompter::new(script);
    wizard
        .run_new(&mut p, Some("gestion"), Some(Lang::Fr))
        .unwrap();
    let reasons: Vec<&str> = p.refusals.iter().map(|(_, r)| r.as_str()).collect();
    assert_eq!(p.refusals.len(), 3, "{:?}", p.refusals);
    let end = p
        .shown
        .iter()
        .position(|s| s.starts_with("✗ La convention finirait le 31 décembre 2026"))
        .expect("the end date is refused at once");
    assert_eq!(
        p.asked
            .iter()
            .filter(|q| q.as_str() == "Date de fin")
            .count(),
        2
    );
    assert!(end > 0);
    assert!(
        reasons[0].contains("date invalide") && reasons[1].contains("date invalide"),
        "{reasons:?}"
    );
    assert!(
        reasons[2].contains("sous le minimum de 1"),
        "the same message as pacte check: {reasons:?}"
    );
}

#[test]
fn an_interrupted_wizard_keeps_every_answer_and_edit_resumes() {
    let library = library();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.toml");
    let script = management_script();
    // Stop in the middle of the board clause.
    let cut = script
        .iter()
        .position(|a| a == "Chaque partie nomme ses membres par résolution, pour deux ans.")
        .unwrap();
    let mut wizard = Wizard::create(&library, Lang::Fr, &path, false).unwrap();
    let mut p = ScriptedPrompter::new(script[..cut].to_vec());
    assert!(matches!(
        wizard.run_new(&mut p, Some("gestion"), Some(Lang::Fr)),
        Err(WizardError::Interrupted)
    ));
    // The process ends with the interruption, releasing the file's lock.
    drop(wizard);
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(
        saved.parse::<toml::Table>().is_ok(),
        "valid TOML after an interruption"
    );
    assert!(
        saved.contains("[[clauses.conseil.seats]]"),
        "the seats answered before the interruption are saved:\n{saved}"
    );
    assert!(!saved.contains("nomination"));

    // Resume: the review screen shows complete and incomplete clauses and
    // offers to continue; the wizard asks the board clause again with the
    // saved seats as defaults.
    let mut wizard = Wizard::open(&library, Lang::Fr, &path).unwrap();
    let mut rest: Vec<String> = vec!["=".into(), DONE.into()];
    rest.extend(script[cut..].iter().cloned());
    rest.extend(FINISH_ONLY.map(String::from));
    let mut p = ScriptedPrompter::new(rest);
    wizard.run_edit(&mut p).unwrap();
    let review = &p.menus[0];
    assert_eq!(p.asked[0], "Récapitulatif");
    assert!(
        review[0].starts_with("→ Continuer : 21 clauses à compléter")
            && review.iter().any(
                |i| i.starts_with("✓ Préambule, objet et mission commune — Le parc des Saules")
            )
            && review
                .iter()
                .any(|i| i
                    == "✗ Conseil d'administration : nomination et dirigeants — 2 entrées  ✗3")
            && review.iter().any(|i| i.starts_with(
                "✓ En-tête — Convention de gestion du parc des Saules, Lévis, 1er janvier"
            ))
            && review
                .iter()
                .any(|i| i.starts_with("✓ Parties — la Ville, l'Association")),
        "{review:#?}"
    );
    assert_eq!(
        p.asked[1], "Sièges au conseil, par partie [la Ville, 2, 1 ; l'Association, 2, 1]",
        "saved answers are shown"
    );
    let text = std::fs::read_to_string(&path).unwrap();
    let checked = check_text(&path, text, &library, &CheckOptions::default());
    assert!(!checked.has_errors(), "{:#?}", checked.report.diagnostics);
}

#[test]
fn editing_a_hand_written_file_keeps_its_comments_and_order() {
    let library = library();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.toml");
    let original = std::fs::read_to_string("examples/realisation-jardins.toml").unwrap();
    let edited = original.replace("[clauses.signatures]\ncopies = 2", "# Deux exemplaires : un par partie.\n[clauses.signatures]\ncopies = 2  # à confirmer avec le greffe");
    std::fs::write(&path, &edited).unwrap();
    let mut wizard = Wizard::open(&library, Lang::Fr, &path).unwrap();
    // Everything is complete: revisit the term clause and change the renewal.
    let mut p = ScriptedPrompter::new([
        "✓ Durée",
        "renouvellement par écrit",
        "24",
        "Vérifier et terminer",
        "rien pour l'instant",
    ]);
    wizard.run_edit(&mut p).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("renewal = \"written\"") && text.contains("renewal_months = 24"),
        "{text}"
    );
    assert!(
        text.contains("# Deux exemplaires : un par partie."),
        "comments survive"
    );
    assert!(
        text.contains("copies = 2  # à confirmer avec le greffe"),
        "trailing comments survive"
    );
    assert!(
        text.starts_with("# Convention de partenariat de réalisation"),
        "the header comment survives"
    );
    let order = |s: &str| text.find(s).unwrap();
    assert!(
        order("[convention]") < order("[[parties]]")
            && order("[clauses.duree]") < order("[clauses.engagements]"),
        "key order kept"
    );
}

#[test]
fn new_refuses_to_replace_an_existing_file() {
    let library = library();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.toml");
    std::fs::write(&path, "# mine\n").unwrap();
    let Err(message) = Wizard::create(&library, Lang::En, &path, false) else {
        panic!("must refuse")
    };
    assert!(
        message.contains("pacte edit") && message.contains("--force"),
        "{message}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "# mine\n");
}

// --- A save that fails ---------------------------------------------------------------

#[path = "support/mod.rs"]
mod support;
#[cfg(unix)]
use support::{Hooked, ReadOnly};

/// The recovery file named in a message: a `NAME-unsaved-XXXX.toml` in the
/// temporary folder.
#[cfg(unix)]
fn recovery_file(message: &str) -> std::path::PathBuf {
    let tmp = std::env::temp_dir();
    message
        .split_whitespace()
        .map(|w| w.trim_end_matches([':', ',', ';', '.']))
        .map(std::path::PathBuf::from)
        .find(|p| {
            p.parent() == Some(tmp.as_path())
                && p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with("jardins-unsaved-"))
        })
        .unwrap_or_else(|| panic!("no recovery file named in: {message}"))
}

/// A copy of the jardins example in a folder of its own: the folder, the
/// file and its text. It promises no English edition (its answers keep
/// their English texts), so the wizard asks each question once.
fn jardins_copy() -> (tempfile::TempDir, std::path::PathBuf, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("jardins.toml");
    let original = std::fs::read_to_string("examples/realisation-jardins.toml")
        .unwrap()
        .replacen("languages = [\"fr\", \"en\"]\n", "", 1);
    std::fs::write(&path, &original).unwrap();
    (dir, path, original)
}

#[cfg(unix)]
#[test]
fn a_failed_save_leaves_the_file_unchanged_and_keeps_the_answers_aside() {
    let library = library();
    let (dir, path, original) = jardins_copy();
    let mut wizard = Wizard::open(&library, Lang::Fr, &path).unwrap();
    let guard = ReadOnly::new(dir.path());
    // Change the renewal: the save fails; retry (still read-only), then stop.
    let mut p = ScriptedPrompter::new([
        "✓ Durée",
        "renouvellement par écrit",
        "Réessayer",
        "Arrêter",
    ]);
    let result = wizard.run_edit(&mut p);
    drop(guard);
    // The process ends: its lock file goes with it.
    let handle = wizard.unsaved_answers();
    drop(wizard);
    let Err(WizardError::Io(message)) = result else {
        panic!("the wizard must stop with an error: {result:?}")
    };
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        original,
        "the file on disk is unchanged"
    );
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temporary file left beside it"
    );
    assert!(
        message.starts_with(&format!("impossible d'enregistrer {}", path.display())),
        "{message}"
    );
    assert!(
        message.contains("Permission denied") || message.contains("Operation not permitted"),
        "the reason is given: {message}"
    );
    assert!(
        !message.contains(".pacte-"),
        "no temporary file name: {message}"
    );
    assert!(
        message.contains("le fichier est inchangé")
            && message.contains(&format!("pacte edit {}", path.display())),
        "{message}"
    );
    let failures: Vec<_> = p
        .shown
        .iter()
        .filter(|s| s.starts_with("✗ impossible d'enregistrer"))
        .collect();
    assert_eq!(failures.len(), 2, "one report per attempt: {failures:?}");
    assert_eq!(p.remaining(), 0);

    // The answer given is not lost: it is in the recovery file, whole.
    let recovery = recovery_file(&message);
    assert_eq!(
        handle.recovery_file(),
        Some(recovery.clone()),
        "a Ctrl-C handler can name the recovery file"
    );
    let kept = std::fs::read_to_string(&recovery).unwrap();
    std::fs::remove_file(&recovery).unwrap();
    assert!(kept.contains("renewal = \"written\""), "{kept}");
    assert!(kept.parse::<toml::Table>().is_ok());
    assert!(
        kept.starts_with("# Convention de partenariat de réalisation"),
        "the whole convention, comments included"
    );
}

#[cfg(unix)]
#[test]
fn interrupted_at_the_failed_save_menu_the_answers_wait_in_the_recovery_file() {
    let library = library();
    let (dir, path, original) = jardins_copy();
    let mut wizard = Wizard::open(&library, Lang::Fr, &path).unwrap();
    let guard = ReadOnly::new(dir.path());
    // The script ends at "Que faire ?": the person presses Ctrl-C there.
    let mut p = ScriptedPrompter::new(["✓ Durée", "renouvellement par écrit"]);
    let result = wizard.run_edit(&mut p);
    drop(guard);
    assert!(
        matches!(result, Err(WizardError::Interrupted)),
        "Ctrl-C is an interruption, not a choice to stop: {result:?}"
    );
    assert_eq!(p.asked.last().map(String::as_str), Some("Que faire ?"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), original);
    let recovery = wizard
        .unsaved_answers()
        .recovery_file()
        .expect("the recovery file is known to the Ctrl-C message");
    let kept = std::fs::read_to_string(&recovery).unwrap();
    std::fs::remove_file(&recovery).unwrap();
    assert!(kept.contains("renewal = \"written\""), "{kept}");
}

#[cfg(unix)]
#[test]
fn after_a_failed_save_retry_saves_and_the_wizard_goes_on() {
    let library = library();
    let (dir, path, _) = jardins_copy();
    let mut wizard = Wizard::open(&library, Lang::Fr, &path).unwrap();
    let unsaved = wizard.unsaved_answers();
    let waiting_at_failure = std::cell::RefCell::new(None);
    let guard = std::cell::RefCell::new(Some(ReadOnly::new(dir.path())));
    let mut p = Hooked::new([
        "✓ Durée",
        "renouvellement par écrit",
        "Réessayer",
        "24",
        "Vérifier et terminer",
        "rien pour l'instant",
    ]);
    // The person makes the folder writable again, then retries.
    p.on_show = Box::new(|text| {
        if text.starts_with("✗ impossible d'enregistrer") {
            *waiting_at_failure.borrow_mut() = unsaved.recovery_file();
            drop(guard.borrow_mut().take());
        }
    });
    wizard.run_edit(&mut p).unwrap();
    let waiting_at_failure = waiting_at_failure.borrow().clone();
    assert_eq!(
        unsaved.recovery_file(),
        None,
        "once saved, no answer waits elsewhere"
    );
    let shown = &p.script.shown;
    let failure = shown
        .iter()
        .find(|s| s.starts_with("✗ impossible d'enregistrer"))
        .expect("the failure is reported");
    assert!(
        failure.contains("Le fichier sur le disque est inchangé"),
        "{failure}"
    );
    let recovery = recovery_file(failure);
    assert!(
        !recovery.exists(),
        "the recovery copy is removed once the file is saved"
    );
    assert!(
        shown
            .iter()
            .any(|s| *s == format!("✓ enregistré dans {}", path.display())),
        "{shown:?}"
    );
    assert_eq!(
        waiting_at_failure,
        Some(recovery),
        "while the failure waits for a decision, the handle names the recovery file"
    );
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("renewal = \"written\"") && text.contains("renewal_months = 24"),
        "both answers, before and after the failure, are saved:\n{text}"
    );
}

#[cfg(unix)]
#[test]
fn a_wizard_that_changes_nothing_does_not_rewrite_the_file() {
    let library = library();
    let (dir, path, _) = jardins_copy();
    let mut wizard = Wizard::open(&library, Lang::Fr, &path).unwrap();
    // Read-only: any write would fail, so finishing proves none was tried.
    let guard = ReadOnly::new(dir.path());
    let mut p = ScriptedPrompter::new(["Vérifier et terminer", "rien pour l'instant"]);
    let result = wizard.run_edit(&mut p);
    drop(guard);
    result.unwrap();
    assert!(!p.shown.iter().any(|s| s.starts_with("✗")), "{:?}", p.shown);
}

#[test]
fn edit_revisits_the_header_and_the_parties_and_checks_them_at_once() {
    let library = library();
    let (_dir, path, _) = jardins_copy();
    let mut wizard = Wizard::open(&library, Lang::Fr, &path).unwrap();
    let mut p = ScriptedPrompter::new([
        // The header, every field with its answer as the default: the place changes.
        "✓ En-tête",
        "=",
        "=",
        "=",
        "Québec",
        "=",
        SKIP, // no end date: the term is a duration
        "=",
        "=",
        // The parties: the Coopérative's short name changes (its id, asked
        // after it, stays).
        "✓ Parties",
        "Modifier : la Coopérative (coop)",
        "=",
        "la Coop",
        "=",
        "=",
        "=",
        "=",
        SKIP, // no establishment it acts through
        SKIP,
        "=",
        "=",
        "=",
        SKIP,
        DONE, // no other signatory
        // A third party with the same short name: its id is made unique
        // (not asked), and the checks shown at once say the short name is
        // taken.
        "Ajouter une partie",
        "Coopérative bis",
        "la Coop",
        "secteur associatif",
        "1, rue du Port, Québec",
        SKIP,
        SKIP,
        SKIP,
        "Jean Roy",
        "président",
        SKIP,
        SKIP,
        DONE,
        DONE,
        // The parties are marked ✗; the third one is removed again.
        "✗ Parties",
        "Retirer : la Coop (coop-2)",
        "oui",
        DONE,
        "Vérifier et terminer",
        "rien pour l'instant",
    ]);
    if let Err(e) = wizard.run_edit(&mut p) {
        panic!("{e:?}: {:?}\n{:?}", p.asked, p.refusals);
    }
    assert_eq!(p.remaining(), 0, "{:?}", p.asked);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("place = \"Québec\""), "{text}");
    assert!(
        text.contains("short_name = { fr = \"la Coop\", en = \"the Cooperative\" }"),
        "the French text changes, the English stays: {text}"
    );
    assert!(!text.contains("Coopérative bis"), "{text}");
    assert!(
        p.shown
            .iter()
            .any(|s| s.contains("« la Coop » désigne déjà une autre partie")),
        "the duplicate short name is said right after the parties: {:?}",
        p.shown
    );
    assert!(
        p.shown
            .iter()
            .any(|s| s == "  → identifiant de la partie dans le fichier : coop-2"),
        "a new party's id is made from its short name, unique: {:?}",
        p.shown
    );
}

#[test]
fn the_end_says_complete_only_when_the_agreement_can_be_signed() {
    let library = library();
    let (_dir, path, original) = jardins_copy();
    // No mandate for the City's mayor: check passes, check --final does not.
    std::fs::write(
        &path,
        original.replace(
            ", mandate = { fr = \"la résolution n° 2027-02-033 du conseil municipal\", en = \"resolution No. 2027-02-033 of the municipal council\" }",
            "",
        ),
    )
    .unwrap();
    let mut wizard = Wizard::open(&library, Lang::Fr, &path).unwrap();
    // Only the Markdown is offered: there is no PDF to sign yet.
    let mut p = ScriptedPrompter::new(["Vérifier et terminer", "rien pour l'instant"]);
    wizard.run_edit(&mut p).unwrap();
    assert_eq!(p.remaining(), 0);
    let shown = p.shown.join("\n");
    assert!(!shown.contains("Convention complète"), "{shown}");
    assert!(shown.contains("pas encore prête à signer"), "{shown}");
    assert!(
        shown.contains("n'a pas de résolution ou de mandat"),
        "{shown}"
    );
    for finding in shown
        .lines()
        .filter(|l| l.starts_with(['✗', '⚠', '·']) || l.starts_with("  →"))
    {
        assert!(
            !finding.contains("-->") && !finding.contains('`'),
            "plain words: {finding}"
        );
    }
    assert!(!p.asked.iter().any(|q| q.contains("PDF")), "{:?}", p.asked);
}

#[test]
fn an_unknown_kind_lists_the_kinds() {
    let library = library();
    let dir = tempfile::tempdir().unwrap();
    let mut wizard = Wizard::create(&library, Lang::Fr, &dir.path().join("x.toml"), false).unwrap();
    let mut p = ScriptedPrompter::new(Vec::<String>::new());
    let Err(WizardError::Io(message)) = wizard.run_new(&mut p, Some("gestoin"), Some(Lang::Fr))
    else {
        panic!("an unknown kind is refused");
    };
    assert!(
        message.contains("gestion") && message.contains("entente-services"),
        "{message}"
    );
}

#[test]
fn a_party_id_with_a_space_is_refused_as_it_is_typed() {
    let library = library();
    let (_dir, path, _) = jardins_copy();
    let mut wizard = Wizard::open(&library, Lang::Fr, &path).unwrap();
    // The City's id, first typed with a space and a capital.
    let mut p = ScriptedPrompter::new([
        "✓ Parties",
        "Modifier : la Ville (ville)",
        "=",
        "=",
        "la Ville",
        "ville",
    ]);
    let _ = wizard.run_edit(&mut p);
    assert_eq!(
        p.refusals.first().map(|r| r.0.as_str()),
        Some("la Ville"),
        "{:?}",
        p.refusals
    );
    assert!(p.refusals[0].1.contains("identifiant"), "{:?}", p.refusals);
}

#[test]
fn renaming_a_party_rewrites_its_mentions_in_the_clauses() {
    let library = library();
    let (_dir, path, original) = jardins_copy();
    let mentions = original.matches("\"ville\"").count();
    assert!(mentions > 3, "the example names the City in its clauses");
    let mut wizard = Wizard::open(&library, Lang::Fr, &path).unwrap();
    // The renaming is confirmed; the rest of the City's answers stay.
    let mut script = vec![
        "✓ Parties",
        "Modifier : la Ville (ville)",
        "=",
        "=",
        "ville-quebec",
        "oui",
    ];
    script.extend(["=", "=", "=", SKIP, SKIP, "=", "=", "=", SKIP, DONE, DONE]);
    script.extend(FINISH_ONLY);
    let mut p = ScriptedPrompter::new(script);
    if let Err(e) = wizard.run_edit(&mut p) {
        panic!("{e:?}: {:?}", p.asked);
    }
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(text.matches("\"ville\"").count(), 0, "{text}");
    assert_eq!(text.matches("\"ville-quebec\"").count(), mentions, "{text}");
    let checked = check_text(&path, text, &library, &CheckOptions::default());
    assert!(!checked.has_errors(), "{:#?}", checked.report.diagnostics);
}

#[test]
fn a_refusal_names_the_question_not_the_file_key() {
    let library = library();
    let field = library
        .clause("ressources")
        .unwrap()
        .fields
        .iter()
        .find(|f| f.kind == pacte::library::FieldKind::Money)
        .unwrap()
        .clone();
    let value = pacte::wizard::parse_answer(field.kind, "-5", Lang::Fr).unwrap();
    let refusal = pacte::wizard::check_value(&field, &value, Lang::Fr).unwrap_err();
    assert!(!refusal.contains('`'), "{refusal}");
    assert!(
        refusal.contains(&format!("« {} »", field.label(Lang::Fr))),
        "{refusal}"
    );
}

#[test]
fn an_inline_header_is_kept_when_the_header_is_revisited() {
    let library = library();
    let (_dir, path, original) = jardins_copy();
    // `convention = { … }`: valid TOML, once wiped by the first header answer.
    let start = original.find("[convention]\n").unwrap();
    let end = original[start..].find("\n\n").unwrap() + start;
    let pairs: Vec<&str> = original[start + "[convention]\n".len()..end]
        .lines()
        .filter(|l| !l.starts_with('#'))
        .collect();
    let inline = format!("convention = {{ {} }}", pairs.join(", "));
    std::fs::write(
        &path,
        format!("{}{inline}{}", &original[..start], &original[end..]),
    )
    .unwrap();
    let mut wizard = Wizard::open(&library, Lang::Fr, &path).unwrap();
    let mut p = ScriptedPrompter::new([
        "✓ En-tête",
        "=",
        "=",
        "=",
        "Québec",
        "=",
        SKIP,
        "=",
        "=",
        "Vérifier et terminer",
        "rien pour l'instant",
    ]);
    if let Err(e) = wizard.run_edit(&mut p) {
        panic!("{e:?}: {:?}", p.asked);
    }
    let text = std::fs::read_to_string(&path).unwrap();
    for kept in [
        "kind = \"realisation\"",
        "language = \"fr\"",
        "duration_months = 24",
        "place = \"Québec\"",
    ] {
        assert!(text.contains(kept), "{kept} in\n{text}");
    }
}

#[test]
fn the_wizard_s_wording_of_a_finding_names_no_file_key() {
    let library = library();
    for (fixture, code) in [
        (
            "tests/fixtures/invalid/P095-ignored-answer.toml",
            pacte::Code::IgnoredAnswer,
        ),
        (
            "tests/fixtures/invalid/P045-term-conflict.toml",
            pacte::Code::TermConflict,
        ),
    ] {
        let path = std::path::Path::new(fixture);
        let text = std::fs::read_to_string(path).unwrap();
        let checked = check_text(path, text, &library, &CheckOptions::default());
        let d = checked
            .report
            .diagnostics
            .iter()
            .find(|d| d.code == code)
            .unwrap();
        let (message, help) = d.in_plain_words();
        for words in [message, help] {
            assert!(
                !words.contains("renewal") && !words.contains("end_date") && !words.contains('`'),
                "{fixture}: {words}"
            );
        }
    }
}

/// The same management partnership the quick way: the required questions
/// only, usual answers accepted with Enter (`=`), the optional questions
/// declined at the end.
fn quick_management_script() -> Vec<&'static str> {
    let mut a = vec!["Rapide"];
    // Header: title, place, dates, currency (offered).
    a.extend([
        "Convention de gestion du parc des Saules",
        "Lévis",
        "2027-01-01",
        "31/12/2031",
        "=",
    ]);
    // Two parties: name, short name (offered from the name), sector,
    // address, representative; the id is made from the short name.
    a.extend([
        "Ville de Lévis",
        "=",
        "secteur public",
        "2175, chemin du Fleuve, Lévis",
        "Gilles Lehouillier",
        "maire",
        "la résolution CV-2026-10-12",
        SKIP,
    ]);
    a.extend([
        "Les Amis du parc des Saules",
        "l'Association",
        "secteur associatif",
        "12, rue des Saules, Lévis",
        "Anne Côté",
        "présidente",
        "la résolution du 3 novembre 2026",
        "2026-11-03",
        "non", // no third party
    ]);
    // Preamble (the recitals are optional: left for the end).
    a.extend(PREAMBLE);
    // Legal frame: the governing law is offered from the currency.
    a.extend([
        "Loi sur les compétences municipales (RLRQ, c. C-47.1)",
        SKIP,
        "=",
        "convention entre les parties",
    ]);
    a.extend(["renouvellement par écrit", "12"]);
    // Undertakings, walked party by party.
    a.extend([
        "Assure l'entretien majeur du parc.",
        "Anime le parc et coordonne les bénévoles.",
    ]);
    // Resources: the contributions walked party by party (cash, in kind).
    a.extend([
        "100 000",
        "chaque année",
        "80000",
        "10000",
        SKIP,
        "10 000,00 $",
        "la Ville",
    ]);
    a.extend(["la Ville", "=", "sont reportées", "="]);
    // Board: seats by party (seats, women), officers by office.
    a.extend([
        "2",
        "1",
        "2",
        "1",
        "Chaque partie nomme ses membres par résolution, pour deux ans.",
        "élue par le Conseil",
        "élue par le Conseil",
        "élue par le Conseil",
        "Être actif dans le quartier depuis deux ans.",
    ]);
    a.extend([
        "chaque trimestre",
        "=",
        "3",
        "consensus, à défaut la majorité",
        "le secrétariat du Conseil",
    ]);
    // A delegation to the Association only: nothing for the City.
    a.extend(["des responsabilités confiées", SKIP, "Animation du parc."]);
    a.extend(["2027-04-30", "l'Association", "chaque année"]);
    a.push("Rencontre mensuelle des répondants.");
    a.extend([
        "Julie Roy",
        "Anne Côté",
        "Les deux répondants.",
        "chaque trimestre",
    ]);
    a.extend([
        "L'Association informe la Ville de tout incident.",
        "chaque mois",
    ]);
    a.extend(["à la partie qui les crée", "oui"]);
    a.extend(EVALUATION);
    // Audit, walked review by review: frequency, first date, who.
    for audit in AUDITS {
        a.extend(&audit[1..]);
    }
    a.push("non"); // confidentiality, advised
    a.push("le secrétariat du Conseil");
    // Insurance: only the Association carries it.
    a.extend([SKIP, "2000000", "à la signature, puis"]);
    a.extend(["=", "aux tribunaux compétents"]);
    // Termination and withdrawal: the usual answers, kept together.
    a.push("oui");
    a.extend(["oui", "Chaque partie reprend les biens qu'elle a prêtés."]);
    a.extend(PROVISIONS.map(|[_, arrangement]| arrangement));
    a.extend(["oui", "oui"]); // superior force, notices: usual answers
    a.extend(["oui", "Lévis"]); // usual law and prevailing version kept; the district
    a.push("=");
    // The optional questions left: not now. Then finish and render.
    a.push("non");
    a.extend(FINISH_AND_RENDER);
    a
}

#[test]
fn the_quick_way_writes_the_same_convention_in_at_most_120_answers() {
    let library = library();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("parc.toml");
    let mut wizard = Wizard::create(&library, Lang::Fr, &path, false).unwrap();
    let mut p = ScriptedPrompter::new(quick_management_script());
    if let Err(e) = wizard.run_new(&mut p, Some("gestion"), Some(Lang::Fr)) {
        let n = p.asked.len();
        panic!(
            "{e:?}: last questions {:#?}\nrefusals {:#?}",
            &p.asked[n.saturating_sub(12)..],
            p.refusals
        );
    }
    assert_eq!(p.remaining(), 0, "every scripted answer was used");
    assert!(p.refusals.is_empty(), "{:?}", p.refusals);
    // Every question, list and yes/no is one interaction.
    let interactions = p.asked.len();
    assert!(
        interactions <= 120,
        "{interactions} interactions: {:#?}",
        p.asked
    );
    let text = std::fs::read_to_string(&path).unwrap();
    let checked = check_text(&path, text.clone(), &library, &CheckOptions::default());
    let problems: Vec<_> = checked
        .report
        .diagnostics
        .iter()
        .filter(|d| d.severity >= Severity::Warning)
        // The quick way leaves optional questions to the review; an even
        // board's tie rule is one of them, and P057 says so.
        .filter(|d| d.code != pacte::Code::BoardTie)
        .map(|d| (d.code, d.message.clone()))
        .collect();
    assert!(problems.is_empty(), "{problems:#?}\n{text}");
    // The usual answers taken with Enter are in the file.
    for expected in [
        "short_name = \"la Ville\"",
        "id = \"ville\"",
        "id = \"association\"",
        "governing_law = \"les lois en vigueur au Québec\"",
        "currency = \"CAD\"",
    ] {
        assert!(text.contains(expected), "{expected}:\n{text}");
    }
}

#[test]
fn back_at_a_clause_s_first_question_reasks_the_previous_clause_s_last() {
    let library = library();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("parc.toml");
    let mut wizard = Wizard::create(&library, Lang::Fr, &path, false).unwrap();
    let mut script = management_script();
    // At the legal frame's first question, back; the preamble's last
    // answer is given again (now yes: minors are involved), then the legal
    // frame resumes.
    let at = script
        .iter()
        .position(|a| a == "Loi sur les compétences municipales (RLRQ, c. C-47.1)")
        .unwrap();
    script.insert(at, "<".into());
    script.insert(at + 1, "oui".into());
    // Which vulnerable persons: now asked, left unsaid.
    script.insert(at + 2, SKIP.into());
    // The background-check finding this raises is for a later clause.
    script.insert(at + 3, "non".into());
    let mut p = ScriptedPrompter::new(script);
    let _ = wizard.run_new(&mut p, Some("gestion"), Some(Lang::Fr));
    let legal = p
        .asked
        .iter()
        .position(|q| q.starts_with("Lois, chartes"))
        .unwrap_or_else(|| panic!("{:#?}", p.asked));
    assert!(
        p.asked[legal + 1].contains("mineurs ou de personnes vulnérables"),
        "{:#?}",
        &p.asked[legal - 2..legal + 3]
    );
    assert!(
        p.asked[legal + 3].starts_with("Lois, chartes"),
        "{:#?}",
        &p.asked[legal..legal + 4]
    );
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("vulnerable_persons = true"), "{text}");
}

/// Lists written inline (`definitions = [{ … }]`, valid TOML) are read as
/// lists: revisiting their section shows every entry and keeps them all.
#[test]
fn revisiting_a_list_written_inline_keeps_every_entry() {
    let library = library();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("base.toml");
    let original = std::fs::read_to_string("examples/gestion-base-plein-air.toml").unwrap();
    std::fs::write(&path, &original).unwrap();
    let mut wizard = Wizard::open(&library, Lang::Fr, &path).unwrap();
    let mut p = ScriptedPrompter::new([
        "✓ Parties et définitions",
        DONE,
        "✓ Assurances",
        DONE,
        "=",
        "=",
        "=",
        "✓ Parties",
        "Modifier : la Ville (ville)",
        "=",
        "=",
        "=",
        "=",
        "=",
        "=",
        SKIP, // no establishment it acts through
        SKIP,
        "=",
        "=",
        "=",
        "=",
        DONE,
        DONE,
        "Vérifier et terminer",
        "rien pour l'instant",
    ]);
    if let Err(e) = wizard.run_edit(&mut p) {
        panic!("{e:?}: {:#?}\n{:?}", p.asked, p.refusals);
    }
    assert_eq!(p.remaining(), 0, "{:#?}", p.asked);
    let summaries: Vec<&String> = p.asked.iter().filter(|q| q.contains('[')).collect();
    assert!(
        summaries
            .iter()
            .any(|q| q.starts_with("Termes à définir [") && !q.contains("aucune entrée")),
        "{summaries:#?}"
    );
    let text = std::fs::read_to_string(&path).unwrap();
    let table: toml::Table = text.parse().unwrap();
    let count = |t: &toml::Value| t.as_array().map_or(0, Vec::len);
    let before: toml::Table = original.parse().unwrap();
    for (clause, field) in [
        ("parties", "definitions"),
        ("assurances", "civil_liability"),
    ] {
        assert_eq!(
            count(&table["clauses"][clause][field]),
            count(&before["clauses"][clause][field]),
            "{clause}.{field}:\n{text}"
        );
    }
    assert_eq!(count(&table["parties"][0]["cosignatories"]), 1, "{text}");
    let checked = check_text(&path, text, &library, &CheckOptions::default());
    assert!(!checked.has_errors(), "{:#?}", checked.report.diagnostics);
}

/// In a list walked party by party, « back » at a party's first question
/// returns to the previous party's entry, its answers as defaults, and the
/// walk goes on from there: no party is skipped.
#[test]
fn back_in_a_walk_returns_to_the_previous_party() {
    let library = library();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("parc.toml");
    let mut wizard = Wizard::create(&library, Lang::Fr, &path, false).unwrap();
    let mut script = quick_management_script();
    let nomination = script
        .iter()
        .position(|a| a.starts_with("Chaque partie nomme"))
        .unwrap();
    // The Association's seats: back to the City's (kept with Enter), then on.
    script.splice(nomination - 2..nomination - 2, ["<", "=", "="]);
    let mut p = ScriptedPrompter::new(script);
    if let Err(e) = wizard.run_new(&mut p, Some("gestion"), Some(Lang::Fr)) {
        panic!("{e:?}: {:#?}", &p.asked[p.asked.len().saturating_sub(10)..]);
    }
    let city_seats = p
        .asked
        .iter()
        .filter(|q| q.starts_with("la Ville — Nombre de sièges"))
        .count();
    assert_eq!(city_seats, 2, "asked again after back");
    let text = std::fs::read_to_string(&path).unwrap();
    let table: toml::Table = text.parse().unwrap();
    let seats = table["clauses"]["conseil"]["seats"].as_array().unwrap();
    assert_eq!(seats.len(), 2, "{text}");
    assert_eq!(seats[1]["party"].as_str(), Some("association"));
}

/// A finding cleared by a later clause (background checks once minors are
/// involved) is not shown at the preamble, where nothing can be done about
/// it; the quick way then offers that optional clause when it comes.
#[test]
fn a_finding_for_a_later_clause_waits_for_it_and_the_clause_is_offered() {
    let library = library();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("parc.toml");
    let mut wizard = Wizard::create(&library, Lang::Fr, &path, false).unwrap();
    let mut script = quick_management_script();
    // Minors are involved: the last preamble answer is yes.
    let at = script
        .iter()
        .position(|a| *a == "Loi sur les compétences municipales (RLRQ, c. C-47.1)")
        .unwrap();
    script[at - 1] = "oui";
    let mut p = ScriptedPrompter::new(script);
    let _ = wizard.run_new(&mut p, Some("gestion"), Some(Lang::Fr));
    let shown = p.shown.join("\n");
    assert!(
        !shown.contains("aucune vérification de leurs antécédents"),
        "not at the preamble: {shown}"
    );
    assert!(
        p.asked
            .iter()
            .any(|q| q
                .starts_with("Vos réponses demandent la clause « Vérification des antécédents »")),
        "{:#?}",
        p.asked
    );
}

/// The review screen offers the optional questions left empty, and asks
/// only those.
#[test]
fn the_review_offers_the_optional_questions_left_empty() {
    let library = library();
    let (_dir, path, _) = jardins_copy();
    let mut wizard = Wizard::open(&library, Lang::Fr, &path).unwrap();
    let mut p = ScriptedPrompter::new(["+ Questions facultatives", "Une précision."]);
    let _ = wizard.run_edit(&mut p);
    let item = p.menus[0]
        .iter()
        .find(|i| i.starts_with("+ Questions facultatives restées sans réponse ("))
        .unwrap_or_else(|| panic!("{:#?}", p.menus[0]));
    assert!(!item.contains("(0)"), "{item}");
    // The first question asked is an optional one the file leaves empty.
    let text = std::fs::read_to_string("examples/realisation-jardins.toml").unwrap();
    let optional: Vec<String> = library
        .header_fields()
        .iter()
        .chain(library.party_fields())
        .chain(library.clauses().into_iter().flat_map(|c| c.fields.iter()))
        .filter(|f| !f.required && !text.contains(&format!("\n{} = ", f.name())))
        .map(|f| f.prompt(Lang::Fr).to_string())
        .collect();
    assert!(
        optional.iter().any(|q| p.asked[1].starts_with(q.as_str())),
        "{} is not an optional question left empty",
        p.asked[1]
    );
}

/// Answers written in several languages survive the wizard: it edits the
/// convention's own text and keeps the others, in texts and in lists.
#[test]
fn editing_keeps_the_translations_of_an_answer() {
    let library = library();
    let (_dir, path, original) = jardins_copy();
    let text = original
        .replacen(
            "title = { fr = \"Convention de partenariat pour la réalisation des jardins communautaires du quartier Saint-Jean\", en = \"Agreement for the Development of the Saint-Jean Neighbourhood Community Gardens\" }",
            "title = { fr = \"Convention des jardins\", en = \"Gardens Agreement\" }",
            1,
        );
    assert_ne!(text, original);
    std::fs::write(&path, &text).unwrap();
    let mut wizard = Wizard::open(&library, Lang::Fr, &path).unwrap();
    // The header: the French title changes, the rest is kept.
    let mut p = ScriptedPrompter::new([
        "✓ En-tête",
        "Convention des jardins Saint-Jean",
        "=",
        "=",
        "=",
        "=",
        SKIP,
        "=",
        "=",
        "Vérifier et terminer",
        "rien pour l'instant",
    ]);
    if let Err(e) = wizard.run_edit(&mut p) {
        panic!("{e:?}: {:#?}", p.asked);
    }
    assert!(
        p.menus[0]
            .iter()
            .any(|i| i.starts_with("✓ En-tête — Convention des jardins,")),
        "the review shows the convention's own text: {:#?}",
        p.menus[0]
    );
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(
        saved.contains(
            "title = { fr = \"Convention des jardins Saint-Jean\", en = \"Gardens Agreement\" }"
        ),
        "{saved}"
    );
}

/// A bilingual convention: every free-text answer is asked in French, then
/// in English, and written as a table of languages; a name is asked once.
#[test]
fn a_bilingual_convention_asks_each_answer_in_both_languages() {
    let library = library();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("parc.toml");
    let mut wizard = Wizard::create(&library, Lang::Fr, &path, false).unwrap();
    let mut p = ScriptedPrompter::new([
        "Français et anglais",
        "Rapide",
        "Convention du parc des Saules",
        "Saules Park Agreement",
        "Lévis",
        "2027-01-01",
        "31/12/2031",
        "=",
        "Ville de Lévis",
        "=",
        "the City",
    ]);
    let _ = wizard.run_new(&mut p, Some("gestion"), None);
    assert!(
        p.asked
            .iter()
            .any(|q| q == "Titre de la convention — en anglais"),
        "{:#?}",
        p.asked
    );
    assert!(
        !p.asked
            .iter()
            .any(|q| q.starts_with("Lieu de signature — en")),
        "a place is not translated: {:#?}",
        p.asked
    );
    let text = std::fs::read_to_string(&path).unwrap();
    for expected in [
        "languages = [\"fr\", \"en\"]",
        "title = { fr = \"Convention du parc des Saules\", en = \"Saules Park Agreement\" }",
        "name = \"Ville de Lévis\"",
        "short_name = { fr = \"la Ville\", en = \"the City\" }",
    ] {
        assert!(text.contains(expected), "{expected}:\n{text}");
    }
}

/// In a convention promising English, a list's items are asked in English
/// too, and `-` at an English question erases that translation.
#[test]
fn list_items_and_erasures_follow_the_promised_editions() {
    let library = library();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("jardins.toml");
    std::fs::copy("examples/realisation-jardins.toml", &path).unwrap();
    let mut wizard = Wizard::open(&library, Lang::Fr, &path).unwrap();
    let mut p = ScriptedPrompter::new([
        "✓ Évaluation",
        // Indicators: the first one changes in French and in English.
        "nombre de jardinets loués",
        "number of garden plots rented",
        "=",
        "=",
        "",
        // Monitoring kept; its English erased; funds kept in both.
        "=",
        "-",
        "=",
        "=",
        DONE,
        // The erased translation is a finding (P085): not now.
        "non",
        "Vérifier et terminer",
        "rien pour l'instant",
    ]);
    if let Err(e) = wizard.run_edit(&mut p) {
        panic!("{e:?}: {:#?}", p.asked);
    }
    assert!(
        p.shown
            .iter()
            .any(|s| s.contains("« Système de suivi » n'a pas de version en anglais")),
        "{:#?}",
        p.shown
    );
    assert!(
        p.asked
            .iter()
            .any(|q| q == "Indicateurs de suivi — en anglais"),
        "{:#?}",
        p.asked
    );
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains(
            "{ fr = \"nombre de jardinets loués\", en = \"number of garden plots rented\" }"
        ),
        "{text}"
    );
    assert!(
        text.contains("en = \"number of workshop participants (target: an average of at least ten participants per workshop each season)\""),
        "{text}"
    );
    assert!(
        text.contains("monitoring = \"La Coopérative tient la liste des attributions de jardinets et des présences aux ateliers.\"")
            || text.contains("monitoring = { fr = \"La Coopérative tient la liste des attributions de jardinets et des présences aux ateliers.\" }"),
        "the English monitoring text is erased: {text}"
    );
}
