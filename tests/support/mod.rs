//! Helpers shared by several test files (included with `#[path]`).

#[cfg(unix)]
use std::path::{Path, PathBuf};

/// Makes a folder read-only for the duration of a test: by permissions, or,
/// for root (whom permissions do not stop), with the immutable attribute.
/// Unix only: the tests that use it are too.
#[cfg(unix)]
pub struct ReadOnly {
    dir: PathBuf,
    immutable: bool,
}

#[cfg(unix)]
impl ReadOnly {
    pub fn new(dir: &Path) -> ReadOnly {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o555)).unwrap();
        let probe = dir.join(".probe");
        let immutable = std::fs::write(&probe, b"").is_ok();
        if immutable {
            std::fs::remove_file(&probe).unwrap();
            let status = std::process::Command::new("chattr")
                .arg("+i")
                .arg(dir)
                .status()
                .expect("chattr (e2fsprogs) makes a folder read-only for root");
            assert!(
                status.success(),
                "chattr +i failed: cannot make a read-only folder"
            );
            assert!(
                std::fs::write(&probe, b"").is_err(),
                "the folder is still writable"
            );
        }
        ReadOnly {
            dir: dir.to_path_buf(),
            immutable,
        }
    }
}

#[cfg(unix)]
impl Drop for ReadOnly {
    fn drop(&mut self) {
        use std::os::unix::fs::PermissionsExt;
        if self.immutable {
            let _ = std::process::Command::new("chattr")
                .arg("-i")
                .arg(&self.dir)
                .status();
        }
        let _ = std::fs::set_permissions(&self.dir, std::fs::Permissions::from_mode(0o755));
    }
}

/// A scripted prompter with hooks: `on_show` sees everything the wizard
/// shows (a person reacting to a message), `before_select` runs before each
/// list question with its 1-based count (another program acting while the
/// person thinks).
#[allow(dead_code)]
pub struct Hooked<'h> {
    pub script: pacte::wizard::ScriptedPrompter,
    pub on_show: Box<dyn FnMut(&str) + 'h>,
    pub before_select: Box<dyn FnMut(usize) + 'h>,
    selects: usize,
}

#[allow(dead_code)]
impl<'h> Hooked<'h> {
    pub fn new<I: IntoIterator<Item = S>, S: Into<String>>(answers: I) -> Hooked<'h> {
        Hooked {
            script: pacte::wizard::ScriptedPrompter::new(answers),
            on_show: Box::new(|_| {}),
            before_select: Box::new(|_| {}),
            selects: 0,
        }
    }
}

impl pacte::wizard::Prompter for Hooked<'_> {
    fn show(&mut self, text: &str) {
        (self.on_show)(text);
        self.script.show(text);
    }
    fn text(
        &mut self,
        q: &pacte::wizard::TextQuestion<'_>,
    ) -> Result<Option<String>, pacte::wizard::Stop> {
        self.script.text(q)
    }
    fn select(
        &mut self,
        prompt: &str,
        help: &str,
        items: &[String],
        default: Option<usize>,
    ) -> Result<usize, pacte::wizard::Stop> {
        self.selects += 1;
        (self.before_select)(self.selects);
        self.script.select(prompt, help, items, default)
    }
    fn multi_select(
        &mut self,
        prompt: &str,
        items: &[String],
        defaults: &[bool],
    ) -> Result<Vec<usize>, pacte::wizard::Stop> {
        self.script.multi_select(prompt, items, defaults)
    }
    fn confirm(&mut self, prompt: &str, default: bool) -> Result<bool, pacte::wizard::Stop> {
        self.script.confirm(prompt, default)
    }
}
