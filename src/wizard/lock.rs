//! The advisory lock of a convention being edited: a hidden file beside it
//! (`.jardins.toml.pacte-lock`), locked by the operating system for as long
//! as the wizard runs and holding who runs it. A second `pacte edit` of the
//! same file is refused with that name; a lock left by a killed process is
//! released by the system and taken over silently.

use crate::lang::Lang;
use crate::tr;
use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

/// A held lock; released (and its file removed) when dropped.
#[derive(Debug)]
pub struct EditLock {
    file: File,
    path: PathBuf,
    /// Removed by the signal handler if the wizard is stopped.
    _cleanup: crate::output::Pending,
}

/// The lock file's path for a convention.
pub fn lock_path(convention: &Path) -> PathBuf {
    let name = convention
        .file_name()
        .map_or_else(|| "convention".into(), |n| n.to_string_lossy().into_owned());
    let dir = match convention.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    dir.join(format!(".{name}.pacte-lock"))
}

impl EditLock {
    /// Takes the lock of `convention`, or says who holds it. When no lock
    /// file can be made (a read-only folder), editing goes on unlocked: the
    /// first save will report the folder anyway.
    pub fn take(convention: &Path, lang: Lang) -> Result<Option<EditLock>, String> {
        let path = lock_path(convention);
        let mut options = OpenOptions::new();
        options.read(true).write(true).create(true).truncate(false);
        // A lock file is pacte's own: never followed through a link (a
        // cloned repository could ship `.NAME.pacte-lock` pointing at any
        // file of the user's), never another file's second name.
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
        }
        let Ok(mut file) = options.open(&path) else {
            return Ok(None);
        };
        if !is_own_lock_file(&file) {
            return Ok(None);
        }
        match file.try_lock() {
            // Locked — but the file may have been removed by the holder
            // between our open and our lock; a lock on a file no longer at
            // the path would let a third wizard in beside us.
            Ok(()) if !still_at(&file, &path) => return Ok(None),
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                let mut holder = String::new();
                let _ = (&file).take(512).read_to_string(&mut holder);
                let holder = crate::diag::sanitize(holder.trim()).into_owned();
                let shown = convention.display();
                return Err(tr!(
                    lang,
                    "{shown} est déjà ouvert dans un autre assistant pacte ({holder}) ; terminez cette session d'abord, sinon l'une effacerait les réponses de l'autre",
                    "{shown} is already open in another pacte wizard ({holder}); finish that session first, or one would erase the other's answers"
                ));
            }
            Err(TryLockError::Error(_)) => return Ok(None),
        }
        let user = ["USER", "LOGNAME", "USERNAME"]
            .iter()
            .find_map(|v| std::env::var(v).ok().filter(|u| !u.is_empty()))
            .unwrap_or_else(|| owner(&file));
        let since = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .ok()
            .and_then(|d| chrono::DateTime::from_timestamp(i64::try_from(d.as_secs()).ok()?, 0))
            .map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string())
            .unwrap_or_default();
        let holder = format!("pid {}, {user}, {since}", std::process::id());
        let _ = file.set_len(0);
        let _ = file.rewind();
        let _ = file.write_all(holder.as_bytes());
        let cleanup = crate::output::Pending::register(&path);
        Ok(Some(EditLock {
            file,
            path,
            _cleanup: cleanup,
        }))
    }
}

/// Whether the open file is still the one at `path`.
#[cfg(unix)]
fn still_at(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), std::fs::symlink_metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn still_at(_: &File, _: &Path) -> bool {
    true
}

/// Whether an opened lock file is a plain file with no other name.
#[cfg(unix)]
fn is_own_lock_file(file: &File) -> bool {
    use std::os::unix::fs::MetadataExt;
    file.metadata().is_ok_and(|m| m.is_file() && m.nlink() == 1)
}

#[cfg(not(unix))]
fn is_own_lock_file(file: &File) -> bool {
    file.metadata().is_ok_and(|m| m.is_file())
}

/// The lock file's owner, when the environment names no user.
#[cfg(unix)]
fn owner(file: &File) -> String {
    use std::os::unix::fs::MetadataExt;
    file.metadata()
        .map_or_else(|_| "?".into(), |m| format!("uid {}", m.uid()))
}

#[cfg(not(unix))]
fn owner(_: &File) -> String {
    "?".into()
}

impl Drop for EditLock {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
        let _ = self.file.unlock();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_editor_is_told_who_holds_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let conv = dir.path().join("jardins.toml");
        let first = EditLock::take(&conv, Lang::En).unwrap().expect("locked");
        let err = EditLock::take(&conv, Lang::En).unwrap_err();
        assert!(
            err.contains("already open in another pacte wizard"),
            "{err}"
        );
        assert!(
            err.contains(&format!("pid {}", std::process::id())),
            "{err}"
        );
        drop(first);
        assert!(!lock_path(&conv).exists(), "the lock file is removed");
        let again = EditLock::take(&conv, Lang::En).unwrap();
        assert!(again.is_some(), "free again once released");
    }

    #[cfg(unix)]
    #[test]
    fn a_lock_file_planted_as_a_link_or_a_second_name_is_never_written() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim.txt");
        std::fs::write(&victim, "IMPORTANT").unwrap();
        let conv = dir.path().join("jardins.toml");
        std::os::unix::fs::symlink(&victim, lock_path(&conv)).unwrap();
        let lock = EditLock::take(&conv, Lang::En).unwrap();
        assert!(lock.is_none());
        drop(lock);
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "IMPORTANT");
        std::fs::remove_file(lock_path(&conv)).unwrap();
        std::fs::hard_link(&victim, lock_path(&conv)).unwrap();
        let lock = EditLock::take(&conv, Lang::En).unwrap();
        assert!(lock.is_none());
        drop(lock);
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "IMPORTANT");
    }
}
