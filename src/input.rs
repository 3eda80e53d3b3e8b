//! Reading files pacte did not write, all of which may be hostile: a pull
//! request can put a FIFO, a device, a symbolic link to `/proc/self/environ`
//! or a 3 GB sparse file where a convention, a setting, a clause or a
//! template is expected. Every read goes through [`read_bounded`]: regular
//! files only, nothing from the kernel's pseudo-filesystems, never more than
//! a stated number of bytes, counted on what is read (devices and `/proc`
//! files report a size of 0).
//!
//! Folders are walked with [`Walk`]: each real folder once (a symbolic link
//! loop ends), each file once, nothing outside the walked root unless asked.

use crate::lang::Lang;
use crate::tr;
use std::collections::HashSet;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The most a settings file (`pacte.toml`) may hold.
pub const MAX_SETTINGS_BYTES: u64 = 256 * 1024;
/// The most one clause-library file may hold.
pub const MAX_LIBRARY_FILE_BYTES: u64 = 1024 * 1024;
/// The most one template may hold.
pub const MAX_TEMPLATE_BYTES: u64 = 1024 * 1024;
/// The most files a clause-library or templates folder may hold.
pub const MAX_FOLDER_FILES: usize = 10_000;
/// The most bytes all the files of a clause-library or templates folder may
/// hold together.
pub const MAX_FOLDER_BYTES: u64 = 64 * 1024 * 1024;
/// How deep a templates folder may nest.
pub const MAX_FOLDER_DEPTH: usize = 16;

/// Why a file was not read.
#[derive(Debug)]
pub enum ReadError {
    /// A FIFO, a device, a socket or a folder where a file was expected.
    NotRegular(&'static str),
    /// A file of the kernel's pseudo-filesystems (`/proc`, `/sys`, `/dev`):
    /// never a convention, and often a secret (`/proc/self/environ`).
    SystemFile(PathBuf),
    /// More than `limit` bytes.
    TooLarge {
        limit: u64,
    },
    Io(std::io::Error),
}

impl ReadError {
    /// The reason, in the interface language, without the path (the caller
    /// names the file).
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            ReadError::NotRegular(kind) => {
                let kind = kind_name(kind, lang);
                tr!(
                    lang,
                    "c'est {kind}, pas un fichier ordinaire ; pacte ne le lit pas",
                    "it is {kind}, not a regular file; pacte does not read it"
                )
            }
            ReadError::SystemFile(real) => {
                let real = real.display();
                tr!(
                    lang,
                    "il mène à {real}, un fichier système ; pacte ne lit pas /proc, /sys ni /dev",
                    "it leads to {real}, a system file; pacte does not read /proc, /sys or /dev"
                )
            }
            ReadError::TooLarge { limit } => {
                let size = human_size(*limit);
                tr!(
                    lang,
                    "fichier trop volumineux (plus de {size})",
                    "file too large (over {size})"
                )
            }
            ReadError::Io(e) => tr!(lang, "lecture impossible : {}", "cannot read: {}", e),
        }
    }
}

/// « un tube nommé (FIFO) », "a FIFO": a kind from [`ReadError::NotRegular`].
pub fn kind_name(kind: &str, lang: Lang) -> String {
    match lang {
        Lang::En => kind.to_string(),
        Lang::Fr => match kind {
            "a FIFO" => "un tube nommé (FIFO)",
            "a device" => "un périphérique",
            "a socket" => "une socket",
            "a folder" => "un dossier",
            _ => "un fichier spécial",
        }
        .to_string(),
    }
}

/// `4 MiB`, `256 KiB`, `12 bytes`.
pub fn human_size(bytes: u64) -> String {
    if bytes >= 1024 * 1024 && bytes.is_multiple_of(1024 * 1024) {
        format!("{} MiB", bytes / (1024 * 1024))
    } else if bytes >= 1024 && bytes.is_multiple_of(1024) {
        format!("{} KiB", bytes / 1024)
    } else {
        format!("{bytes} bytes")
    }
}

/// Whether `real` (a canonical path) lies in a kernel pseudo-filesystem.
fn is_system_path(real: &Path) -> bool {
    cfg!(unix)
        && ["/proc", "/sys", "/dev"]
            .iter()
            .any(|p| real.starts_with(p))
}

/// The kind of a non-regular file, for messages.
pub fn kind_of(file_type: std::fs::FileType) -> &'static str {
    if file_type.is_dir() {
        return "a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a FIFO";
        }
        if file_type.is_socket() {
            return "a socket";
        }
        if file_type.is_block_device() || file_type.is_char_device() {
            return "a device";
        }
    }
    "a special file"
}

/// Opens without blocking on a FIFO (whose open waits for a writer) and
/// without making a terminal the controlling one.
fn open_nonblocking(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    options.open(path)
}

/// Reads the whole of `path`, a regular file of at most `limit` bytes.
/// Symbolic links are followed, but not into `/proc`, `/sys` or `/dev`.
pub fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let real = std::fs::canonicalize(path).map_err(ReadError::Io)?;
    if is_system_path(&real) {
        return Err(ReadError::SystemFile(real));
    }
    let (file, meta) = open_regular(&real)?;
    // Refuse before reading when the size says so; count while reading
    // anyway, since a file may grow and some report no size.
    if meta.len() > limit {
        return Err(ReadError::TooLarge { limit });
    }
    let mut bytes = Vec::with_capacity(meta.len().min(limit) as usize);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge { limit });
    }
    Ok(bytes)
}

/// Opens a regular file without blocking, or says what else it is.
fn open_regular(path: &Path) -> Result<(std::fs::File, std::fs::Metadata), ReadError> {
    let file = open_nonblocking(path).map_err(ReadError::Io)?;
    let meta = file.metadata().map_err(ReadError::Io)?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular(kind_of(meta.file_type())));
    }
    Ok((file, meta))
}

/// At most `n` bytes of an open file from `start`.
fn take_from(mut file: std::fs::File, start: u64, n: u64) -> Result<Vec<u8>, ReadError> {
    use std::io::{Seek, SeekFrom};
    file.seek(SeekFrom::Start(start)).map_err(ReadError::Io)?;
    let mut bytes = Vec::new();
    file.take(n)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    Ok(bytes)
}

/// At most `n` bytes of a regular file from `offset`: enough to recognise
/// it, never the whole of something huge or endless.
pub fn read_at(path: &Path, offset: u64, n: u64) -> Result<Vec<u8>, ReadError> {
    take_from(open_regular(path)?.0, offset, n)
}

/// At most `n` bytes from the start of a regular file.
pub fn read_head(path: &Path, n: u64) -> Result<Vec<u8>, ReadError> {
    read_at(path, 0, n)
}

/// At most `n` bytes from the end of a regular file.
pub fn read_tail(path: &Path, n: u64) -> Result<Vec<u8>, ReadError> {
    let (file, meta) = open_regular(path)?;
    take_from(file, meta.len().saturating_sub(n), n)
}

/// Whether `path`, once links are resolved, lies inside `root` (also
/// resolved). A path that does not resolve is outside.
pub fn is_within(path: &Path, root: &Path) -> bool {
    match (std::fs::canonicalize(path), std::fs::canonicalize(root)) {
        (Ok(p), Ok(r)) => p.starts_with(r),
        _ => false,
    }
}

/// One entry met while walking a folder.
#[derive(Debug)]
pub enum Entry {
    /// A regular file (possibly through a link), met for the first time.
    File(PathBuf),
    /// Something not read, and why: a FIFO, a device, a link leaving the
    /// root, a folder too deep, a link loop.
    Skipped(PathBuf, Skip),
}

/// Why a walk did not take an entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Skip {
    NotRegular(&'static str),
    /// A link leading outside the walked folder.
    OutsideRoot(PathBuf),
    /// A link to a folder already walked (a loop, or two ways to one folder).
    AlreadyWalked,
    TooDeep,
    TooManyFiles,
    Unreadable(String),
}

impl Skip {
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            Skip::NotRegular(kind) => ReadError::NotRegular(kind).describe(lang),
            Skip::OutsideRoot(real) => {
                let real = real.display();
                tr!(
                    lang,
                    "c'est un lien vers {real}, hors du dossier ; pacte ne le suit pas",
                    "it is a link to {real}, outside the folder; pacte does not follow it"
                )
            }
            Skip::AlreadyWalked => tr!(
                lang,
                "lien vers un dossier déjà parcouru (boucle de liens) ; ignoré",
                "a link to a folder already searched (a link loop); skipped"
            ),
            Skip::TooDeep => tr!(
                lang,
                "dossiers imbriqués sur plus de {MAX_FOLDER_DEPTH} niveaux ; ignoré",
                "folders nested more than {MAX_FOLDER_DEPTH} deep; skipped"
            ),
            Skip::TooManyFiles => tr!(
                lang,
                "plus de {MAX_FOLDER_FILES} fichiers dans le dossier ; les suivants sont ignorés",
                "more than {MAX_FOLDER_FILES} files in the folder; the rest are skipped"
            ),
            Skip::Unreadable(reason) => reason.clone(),
        }
    }
}

/// Walks a folder in sorted order: every real folder once, every real file
/// once, links leading outside `root` reported rather than followed, hidden
/// entries (`.git`, `.pacte-…` temporaries) left out.
pub struct Walk<'a> {
    root: PathBuf,
    /// Whether to report links that leave the root instead of following them.
    confine: bool,
    max_files: usize,
    keep: &'a dyn Fn(&Path) -> bool,
}

impl<'a> Walk<'a> {
    /// `keep` says which entries (files or folders) to take at all.
    pub fn new(root: &Path, keep: &'a dyn Fn(&Path) -> bool) -> Walk<'a> {
        Walk {
            root: root.to_path_buf(),
            confine: true,
            max_files: usize::MAX,
            keep,
        }
    }

    pub fn max_files(mut self, n: usize) -> Self {
        self.max_files = n;
        self
    }

    /// The entries, in sorted order within each folder.
    pub fn entries(&self) -> Vec<Entry> {
        let mut out = Vec::new();
        let Ok(real_root) = std::fs::canonicalize(&self.root) else {
            return out;
        };
        let mut seen_dirs = HashSet::new();
        let mut seen_files = HashSet::new();
        seen_dirs.insert(real_root.clone());
        let mut files = 0;
        self.walk(
            &self.root,
            &real_root,
            0,
            &mut seen_dirs,
            &mut seen_files,
            &mut files,
            &mut out,
        );
        out
    }

    #[allow(clippy::too_many_arguments)]
    fn walk(
        &self,
        dir: &Path,
        real_root: &Path,
        depth: usize,
        seen_dirs: &mut HashSet<PathBuf>,
        seen_files: &mut HashSet<PathBuf>,
        files: &mut usize,
        out: &mut Vec<Entry>,
    ) {
        if *files > self.max_files {
            return;
        }
        let entries = match std::fs::read_dir(dir) {
            Ok(e) => e,
            Err(e) => {
                out.push(Entry::Skipped(
                    dir.to_path_buf(),
                    Skip::Unreadable(e.to_string()),
                ));
                return;
            }
        };
        let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        for path in paths {
            let hidden = path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'));
            if hidden || !(self.keep)(&path) {
                continue;
            }
            let Ok(real) = std::fs::canonicalize(&path) else {
                continue; // a dangling link: nothing to read
            };
            if self.confine && !real.starts_with(real_root) {
                out.push(Entry::Skipped(path, Skip::OutsideRoot(real)));
                continue;
            }
            let Ok(meta) = std::fs::metadata(&real) else {
                continue;
            };
            if meta.is_dir() {
                if depth + 1 > MAX_FOLDER_DEPTH {
                    out.push(Entry::Skipped(path, Skip::TooDeep));
                } else if seen_dirs.insert(real.clone()) {
                    self.walk(
                        &path,
                        real_root,
                        depth + 1,
                        seen_dirs,
                        seen_files,
                        files,
                        out,
                    );
                } else if path.is_symlink() {
                    out.push(Entry::Skipped(path, Skip::AlreadyWalked));
                }
            } else if !meta.is_file() {
                out.push(Entry::Skipped(
                    path,
                    Skip::NotRegular(kind_of(meta.file_type())),
                ));
            } else if seen_files.insert(real) {
                if *files >= self.max_files {
                    // Said once; the walk then stops everywhere (the count
                    // past the limit ends every folder above this one too).
                    if *files == self.max_files {
                        out.push(Entry::Skipped(path, Skip::TooManyFiles));
                        *files += 1;
                    }
                    return;
                }
                *files += 1;
                out.push(Entry::File(path));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_regular_files_within_the_limit_only() {
        let dir = tempfile::tempdir().unwrap();
        let small = dir.path().join("a.toml");
        std::fs::write(&small, "a = 1\n").unwrap();
        assert_eq!(read_bounded(&small, 6).unwrap(), b"a = 1\n");
        assert!(matches!(
            read_bounded(&small, 5),
            Err(ReadError::TooLarge { limit: 5 })
        ));
        assert!(matches!(
            read_bounded(dir.path(), 5),
            Err(ReadError::NotRegular("a folder"))
        ));
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn system_files_and_devices_are_refused_without_reading() {
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("pacte.toml");
        std::os::unix::fs::symlink("/proc/self/environ", &link).unwrap();
        let err = read_bounded(&link, 1 << 20).unwrap_err();
        assert!(matches!(err, ReadError::SystemFile(_)), "{err:?}");
        assert!(err.describe(Lang::En).contains("/proc"));
        // /dev/zero would never end; it is refused before a byte is read.
        assert!(matches!(
            read_bounded(Path::new("/dev/zero"), 10),
            Err(ReadError::SystemFile(_))
        ));
        assert!(matches!(
            read_head(Path::new("/dev/zero"), 10),
            Err(ReadError::NotRegular("a device"))
        ));
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("c.toml");
        let status = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(status.success());
        // No writer: a blocking open would wait for ever.
        assert!(matches!(
            read_bounded(&fifo, 10),
            Err(ReadError::NotRegular("a FIFO"))
        ));
    }

    #[cfg(unix)]
    #[test]
    fn walks_end_on_link_loops_and_take_each_file_once() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("root");
        std::fs::create_dir_all(root.join("a/b")).unwrap();
        std::fs::write(root.join("a/b/c.toml"), "").unwrap();
        std::os::unix::fs::symlink(&root, root.join("a/b/loop")).unwrap();
        std::os::unix::fs::symlink(root.join("a"), root.join("a/b/loop2")).unwrap();
        std::os::unix::fs::symlink(root.join("a/b/c.toml"), root.join("same.toml")).unwrap();
        std::fs::write(dir.path().join("secret.toml"), "").unwrap();
        std::os::unix::fs::symlink(dir.path().join("secret.toml"), root.join("out.toml")).unwrap();
        let keep = |_: &Path| true;
        let entries = Walk::new(&root, &keep).entries();
        let files: Vec<_> = entries
            .iter()
            .filter_map(|e| match e {
                Entry::File(p) => Some(p.strip_prefix(&root).unwrap().to_path_buf()),
                Entry::Skipped(..) => None,
            })
            .collect();
        assert_eq!(files, [PathBuf::from("a/b/c.toml")]);
        let skipped: Vec<_> = entries
            .iter()
            .filter_map(|e| match e {
                Entry::Skipped(p, why) => Some((p.file_name().unwrap().to_owned(), why.clone())),
                Entry::File(_) => None,
            })
            .collect();
        assert!(
            skipped
                .iter()
                .any(|(n, w)| n == "loop" && *w == Skip::AlreadyWalked)
        );
        assert!(
            skipped
                .iter()
                .any(|(n, w)| n == "out.toml" && matches!(w, Skip::OutsideRoot(_)))
        );
    }

    #[test]
    fn a_walk_past_its_file_limit_says_so_once_and_stops() {
        let dir = tempfile::tempdir().unwrap();
        for sub in ["a", "b", "c"] {
            std::fs::create_dir(dir.path().join(sub)).unwrap();
            for i in 0..3 {
                std::fs::write(dir.path().join(sub).join(format!("{i}.toml")), "").unwrap();
            }
        }
        let keep = |_: &Path| true;
        let entries = Walk::new(dir.path(), &keep).max_files(4).entries();
        let files = entries
            .iter()
            .filter(|e| matches!(e, Entry::File(_)))
            .count();
        let limits = entries
            .iter()
            .filter(|e| matches!(e, Entry::Skipped(_, Skip::TooManyFiles)))
            .count();
        assert_eq!((files, limits), (4, 1), "{entries:?}");
    }
}
