//! Saving the wizard's answers without ever losing or clobbering any: the
//! atomic save after every answer, the recovery copy when a save fails, the
//! check that nobody else changed the file meanwhile, and what a Ctrl-C
//! handler says was saved.

use super::{Prompter, Wizard, WizardError};
use crate::lang::Lang;
use crate::tr;
use std::path::{Path, PathBuf};
use toml_edit::DocumentMut;

/// Answers a failed save could not write into the convention file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unsaved {
    /// Copied to this recovery file.
    Copied(PathBuf),
    /// The recovery copy failed too: the convention's whole text, to show.
    NotCopied(String),
}

impl Unsaved {
    /// Where the answers are and how to put them back into `file`: said
    /// when the person stops at a failed save, and by the Ctrl-C handler.
    pub fn whereabouts(&self, file: &Path, lang: Lang) -> String {
        let shown = file.display();
        match self {
            Unsaved::Copied(recovery) => {
                let recovery = recovery.display();
                tr!(
                    lang,
                    "les réponses qui n'ont pas pu y être enregistrées sont dans {recovery} : copiez ce fichier sur {shown} quand ce sera possible, puis reprenez avec `pacte edit {shown}`.",
                    "the answers that could not be saved there are in {recovery}: copy that file over {shown} when you can, then resume with `pacte edit {shown}`."
                )
            }
            Unsaved::NotCopied(text) => tr!(
                lang,
                "les réponses qui n'ont pu être ni enregistrées ni copiées ailleurs ne sont que dans le texte complet ci-dessous : recopiez-le dans {shown}.\n{text}",
                "the answers that could be neither saved there nor copied elsewhere are only in the whole text below: copy it into {shown}.\n{text}"
            ),
        }
    }
}

/// What the wizard has saved so far: read by the Ctrl-C handler on another
/// thread, so that its message says exactly what is on disk.
#[derive(Clone, Debug, Default)]
struct SaveState {
    /// Answers waiting outside the convention file because the last save failed.
    unsaved: Option<Unsaved>,
    /// How many times the file was written in this session.
    writes: usize,
    /// The last answer written, as « clause — field ».
    last: Option<String>,
    /// Whether the file existed when the wizard started.
    existed: bool,
    /// Where the answers now go, when a conflict moved them beside the file.
    file: Option<PathBuf>,
}

/// A clonable handle on what the wizard has saved, for a Ctrl-C handler.
#[derive(Clone, Debug, Default)]
pub struct UnsavedAnswers(std::sync::Arc<std::sync::Mutex<SaveState>>);

impl UnsavedAnswers {
    pub(super) fn starting(existed: bool) -> UnsavedAnswers {
        let handle = UnsavedAnswers::default();
        handle.update(|s| s.existed = existed);
        handle
    }

    fn state(&self) -> SaveState {
        // A poisoned lock still holds valid data: a panic elsewhere must not
        // hide where the answers are.
        match self.0.lock() {
            Ok(guard) => guard.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    fn update(&self, f: impl FnOnce(&mut SaveState)) {
        match self.0.lock() {
            Ok(mut guard) => f(&mut guard),
            Err(poisoned) => f(&mut poisoned.into_inner()),
        }
    }

    /// The answers waiting, if any.
    pub fn get(&self) -> Option<Unsaved> {
        self.state().unsaved
    }

    /// The recovery file holding answers not yet in the convention file.
    pub fn recovery_file(&self) -> Option<PathBuf> {
        match self.get() {
            Some(Unsaved::Copied(path)) => Some(path),
            _ => None,
        }
    }

    fn set(&self, unsaved: Option<Unsaved>) {
        self.update(|s| s.unsaved = unsaved);
    }

    /// What an interruption leaves, said exactly: nothing written yet; the
    /// file unchanged; every answer up to the last one saved; or, while a
    /// failed save waits, where the unsaved answers are.
    pub fn interruption(&self, file: &Path, lang: Lang) -> String {
        let state = self.state();
        let file = state.file.as_deref().unwrap_or(file);
        let shown = file.display();
        if let Some(waiting) = &state.unsaved {
            return tr!(
                lang,
                "Interrompu. {shown} garde son dernier état enregistré ; {}",
                "Interrupted. {shown} keeps its last saved state; {}",
                waiting.whereabouts(file, lang)
            );
        }
        match (state.writes, state.last, state.existed) {
            (0, _, false) => tr!(
                lang,
                "Interrompu avant la première réponse : rien n'a été écrit.",
                "Interrupted before the first answer: nothing was written."
            ),
            (0, _, true) => tr!(
                lang,
                "Interrompu. {shown} est inchangé ; reprenez avec `pacte edit {shown}`.",
                "Interrupted. {shown} is unchanged; resume with `pacte edit {shown}`."
            ),
            (_, Some(last), _) => tr!(
                lang,
                "Interrompu. Vos réponses sont enregistrées dans {shown}, la dernière étant « {last} » ; reprenez avec `pacte edit {shown}`.",
                "Interrupted. Your answers are saved in {shown}, the last one being “{last}”; resume with `pacte edit {shown}`."
            ),
            (_, None, _) => tr!(
                lang,
                "Interrompu. Vos réponses sont enregistrées dans {shown} ; reprenez avec `pacte edit {shown}`.",
                "Interrupted. Your answers are saved in {shown}; resume with `pacte edit {shown}`."
            ),
        }
    }
}

impl Wizard<'_> {
    /// The file's text when someone else changed it since this session last
    /// read or wrote it (a hand edit, another program), else `None`.
    fn changed_on_disk(&self) -> Option<String> {
        let limit = crate::convention::MAX_FILE_BYTES as u64;
        match crate::input::read_bounded(&self.path, limit) {
            Ok(bytes) => {
                let disk = String::from_utf8_lossy(&bytes).into_owned();
                (self.on_disk.as_deref() != Some(disk.as_str())).then_some(disk)
            }
            // Gone: nothing to clobber.
            Err(crate::input::ReadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => None,
            // Grown past the limit, turned into something else: changed,
            // and not by this session.
            Err(e) => Some(e.describe(self.lang)),
        }
    }

    /// The file changed under the wizard: never overwrite it. The person
    /// keeps their answers in a file beside it and goes on there, reloads
    /// the file (losing only the answer just given), or stops (answers kept
    /// beside it).
    fn resolve_conflict(
        &mut self,
        p: &mut dyn Prompter,
        text: String,
        theirs: String,
    ) -> Result<(), WizardError> {
        let lang = self.lang;
        let shown = self.path.display().to_string();
        let beside = beside_path(&self.path);
        let beside_shown = beside.display().to_string();
        p.show(&tr!(
            lang,
            "✗ {shown} a été modifié par quelqu'un d'autre depuis votre dernière réponse (un autre éditeur ?) ; pacte ne l'écrase pas.",
            "✗ {shown} was changed by someone else since your last answer (another editor?); pacte does not overwrite it."
        ));
        let choices = [
            tr!(
                lang,
                "Enregistrer mes réponses à côté, dans {beside_shown}, et continuer là",
                "Save my answers beside it, in {beside_shown}, and go on there"
            ),
            tr!(
                lang,
                "Garder la version de l'autre et arrêter (ma dernière réponse n'est pas gardée)",
                "Keep the other version and stop (my last answer is not kept)"
            ),
            tr!(
                lang,
                "Arrêter (mes réponses sont enregistrées dans {beside_shown})",
                "Stop (my answers are saved in {beside_shown})"
            ),
        ];
        let help = tr!(
            lang,
            "Comparez ensuite les deux versions avec `pacte diff`.",
            "Compare the two versions afterwards with `pacte diff`."
        );
        let choice = p.select(
            &tr!(lang, "Que faire ?", "What now?"),
            &help,
            &choices,
            Some(0),
        )?;
        if choice == 1 {
            match theirs.parse::<DocumentMut>() {
                Ok(doc) => {
                    // The questions in progress (a party, a list of entries)
                    // were built on the old text: going on would write them
                    // over the other person's. Stop, with their version
                    // kept; `pacte edit` resumes from it.
                    self.doc = doc;
                    self.on_disk = Some(theirs);
                    return Err(WizardError::Io(tr!(
                        lang,
                        "{shown} est gardé tel que l'autre l'a enregistré ; la réponse que vous veniez de donner n'y est pas : reprenez avec `pacte edit {shown}`",
                        "{shown} is kept as the other person saved it; the answer you had just given is not in it: resume with `pacte edit {shown}`"
                    )));
                }
                Err(_) => p.show(&tr!(
                    lang,
                    "{shown} n'est plus du TOML valide : il ne peut pas être rechargé ; vos réponses vont à côté.",
                    "{shown} is no longer valid TOML: it cannot be reloaded; your answers go beside it."
                )),
            }
        }
        crate::output::write_atomic(&beside, text.as_bytes()).map_err(|e| {
            WizardError::Io(tr!(
                lang,
                "{shown} a changé et {beside_shown} ne peut être écrit ({}) : {}",
                "{shown} changed and {beside_shown} cannot be written ({}): {}",
                crate::output::io_reason(&e),
                Unsaved::NotCopied(text.clone()).whereabouts(&self.path, lang)
            ))
        })?;
        let original = std::mem::replace(&mut self.path, beside.clone());
        self.on_disk = Some(text);
        self.saved();
        self.unsaved.update(|s| s.file = Some(beside.clone()));
        let original = original.display();
        if choice == 2 {
            return Err(WizardError::Io(tr!(
                lang,
                "arrêté : {original} a été modifié par ailleurs ; vos réponses sont dans {beside_shown} (comparez avec `pacte diff {original} {beside_shown}`)",
                "stopped: {original} was changed elsewhere; your answers are in {beside_shown} (compare with `pacte diff {original} {beside_shown}`)"
            )));
        }
        p.show(&tr!(
            lang,
            "✓ vos réponses sont dans {beside_shown}, où la suite sera enregistrée ; {original} reste tel que l'autre l'a laissé (comparez avec `pacte diff {original} {beside_shown}`).",
            "✓ your answers are in {beside_shown}, where the rest will be saved; {original} stays as the other left it (compare with `pacte diff {original} {beside_shown}`)."
        ));
        Ok(())
    }

    /// Notes a successful write for the Ctrl-C message.
    fn saved(&self) {
        let last = self.last_answer.clone();
        self.unsaved.update(|s| {
            s.writes += 1;
            if last.is_some() {
                s.last = last;
            }
        });
    }

    /// Writes the file (atomically) if it changed. When the write fails
    /// (read-only folder, full disk), the file on disk keeps its last saved
    /// state; the unsaved answers are first copied to a recovery file, then
    /// the person chooses to retry (after freeing space, say) or to stop.
    pub(super) fn save(&mut self, p: &mut dyn Prompter) -> Result<(), WizardError> {
        let text = self.doc.to_string();
        if self.on_disk.as_deref() == Some(text.as_str()) {
            return Ok(());
        }
        if let Some(theirs) = self.changed_on_disk() {
            return self.resolve_conflict(p, text, theirs);
        }
        let mut error = match crate::output::write_atomic(&self.path, text.as_bytes()) {
            Ok(()) => {
                self.on_disk = Some(text);
                self.saved();
                return Ok(());
            }
            Err(e) => e,
        };
        let lang = self.lang;
        let shown = self.path.display().to_string();
        let (waiting, kept) = match write_recovery(&self.path, &text) {
            Ok(recovery) => {
                let kept = tr!(
                    lang,
                    "vos réponses non enregistrées sont copiées dans {}",
                    "your unsaved answers are copied to {}",
                    recovery.display()
                );
                (Unsaved::Copied(recovery), kept)
            }
            Err(e) => {
                let kept = tr!(
                    lang,
                    "la copie de secours a échoué aussi ({e})",
                    "the recovery copy failed too ({e})"
                );
                (Unsaved::NotCopied(text.clone()), kept)
            }
        };
        self.unsaved.set(Some(waiting.clone()));
        let choices = [
            tr!(lang, "Réessayer", "Retry"),
            tr!(lang, "Arrêter", "Stop"),
        ];
        let help = tr!(
            lang,
            "Libérez de l'espace ou rendez le dossier accessible en écriture, puis réessayez ; ou arrêtez : le fichier garde son dernier état enregistré.",
            "Free some space or make the folder writable, then retry; or stop: the file keeps its last saved state."
        );
        loop {
            p.show(&tr!(
                lang,
                "✗ impossible d'enregistrer {shown} : {error}. Le fichier sur le disque est inchangé (dernier état enregistré) ; {kept}.",
                "✗ cannot save {shown}: {error}. The file on disk is unchanged (last saved state); {kept}."
            ));
            let choice = p.select(
                &tr!(lang, "Que faire ?", "What now?"),
                &help,
                &choices,
                Some(0),
            );
            // Ctrl-C at this menu is an interruption, not a choice: the
            // caller says where the answers are, as for any other Ctrl-C.
            if choice? != 0 {
                return Err(WizardError::Io(tr!(
                    lang,
                    "impossible d'enregistrer {shown} : {error} ; le fichier est inchangé ; {}",
                    "cannot save {shown}: {error}; the file is unchanged; {}",
                    waiting.whereabouts(&self.path, lang)
                )));
            }
            match crate::output::write_atomic(&self.path, text.as_bytes()) {
                Ok(()) => {
                    if let Unsaved::Copied(recovery) = &waiting {
                        let _ = std::fs::remove_file(recovery);
                    }
                    self.unsaved.set(None);
                    self.saved();
                    p.show(&tr!(
                        lang,
                        "✓ enregistré dans {shown}",
                        "✓ saved in {shown}"
                    ));
                    self.on_disk = Some(text);
                    return Ok(());
                }
                Err(e) => error = e,
            }
        }
    }
}

/// A free name beside `path` for answers that cannot go into it:
/// `jardins.toml` → `jardins-2.toml`, `jardins-3.toml`…
fn beside_path(path: &Path) -> PathBuf {
    let stem = path
        .file_stem()
        .map_or_else(|| "convention".into(), |s| s.to_string_lossy().into_owned());
    (2..)
        .map(|n| path.with_file_name(format!("{stem}-{n}.toml")))
        .find(|p| !p.exists() && !p.is_symlink())
        .unwrap_or_else(|| path.with_file_name(format!("{stem}-copy.toml")))
}

/// A convention's text for editing: a regular UTF-8 file within the size
/// limit of `pacte check`.
pub(super) fn read_convention(path: &Path, lang: Lang) -> Result<String, String> {
    let shown = path.display();
    let bytes = crate::input::read_bounded(path, crate::convention::MAX_FILE_BYTES as u64)
        .map_err(|e| {
            let e = e.describe(lang);
            tr!(lang, "{shown} : {e}", "{shown}: {e}")
        })?;
    String::from_utf8(bytes).map_err(|_| {
        tr!(
            lang,
            "{shown} n'est pas en UTF-8 ; vérifiez-le avec `pacte check {shown}`",
            "{shown} is not UTF-8; check it with `pacte check {shown}`"
        )
    })
}

/// Copies unsaved answers to a new private file in the temporary folder,
/// named after the convention (`gestion.toml` → `gestion-unsaved-XXXX.toml`).
fn write_recovery(path: &Path, text: &str) -> std::io::Result<PathBuf> {
    use std::io::Write;
    let stem = path
        .file_stem()
        .map_or_else(|| "convention".into(), |s| s.to_string_lossy());
    let mut file = tempfile::Builder::new()
        .prefix(&format!("{stem}-unsaved-"))
        .suffix(".toml")
        .tempfile()?;
    file.write_all(text.as_bytes())?;
    file.as_file().sync_all()?;
    let (_, kept) = file.keep().map_err(|e| e.error)?;
    Ok(kept)
}
