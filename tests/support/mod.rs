//! Helpers shared by several test files (included with `#[path]`).

use std::path::{Path, PathBuf};

/// Makes a folder read-only for the duration of a test: by permissions, or,
/// for root (whom permissions do not stop), with the immutable attribute.
pub struct ReadOnly {
    dir: PathBuf,
    immutable: bool,
}

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
