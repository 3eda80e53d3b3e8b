//! Per-repository settings: `pacte.toml` (or `.pacte.toml`) in the current
//! folder or the nearest parent, as linters do.
//!
//! ```toml
//! clauses = ["clauses-maison"]      # clause library folders, relative to this file
//! exclude = ["brouillons"]          # folders skipped when checking a directory
//! [lints]
//! P019 = "allow"                    # or a slug: clause-outside-profile = "allow"
//! board-majority = "deny"
//! ```

use crate::diag::{Code, Diagnostic, Severity};
use crate::lang::Lang;
use crate::suggest::did_you_mean;
use crate::tr;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The names pacte looks for, in order.
pub const FILE_NAMES: [&str; 2] = ["pacte.toml", ".pacte.toml"];

/// What a lint level does to a code's findings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Drop the findings.
    Allow,
    /// Report them as warnings.
    Warn,
    /// Report them as errors.
    Deny,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    #[serde(default)]
    clauses: Vec<PathBuf>,
    #[serde(default)]
    exclude: Vec<PathBuf>,
    #[serde(default)]
    lints: BTreeMap<String, Level>,
}

/// The settings in force.
#[derive(Debug, Default, Clone)]
pub struct Config {
    /// Where the settings came from, if anywhere.
    pub path: Option<PathBuf>,
    /// Clause library folders (absolute or relative to the working folder).
    pub clauses: Vec<PathBuf>,
    /// Folders skipped when a directory is checked.
    pub exclude: Vec<PathBuf>,
    pub lints: Lints,
}

/// Severity overrides by code.
#[derive(Debug, Default, Clone)]
pub struct Lints {
    levels: BTreeMap<Code, Level>,
}

impl Lints {
    /// Sets a level for a code given by id or slug.
    pub fn set(&mut self, code: &str, level: Level, lang: Lang) -> Result<(), String> {
        let Some(parsed) = Code::parse(code) else {
            let code = crate::diag::sanitize(&crate::diag::shorten(code, 64)).into_owned();
            let names = Code::ALL.iter().flat_map(|c| [c.as_str(), c.slug()]);
            let hint = did_you_mean(&code, names)
                .map(|s| format!(" ({})", crate::suggest::question(s, lang)))
                .unwrap_or_default();
            return Err(tr!(
                lang,
                "code de diagnostic inconnu « {code} »{hint}",
                "unknown diagnostic code `{code}`{hint}"
            ));
        };
        if parsed.is_fatal() && level != Level::Deny {
            return Err(tr!(
                lang,
                "{parsed} signale un fichier illisible ; il ne peut pas être autorisé",
                "{parsed} reports an unreadable file; it cannot be allowed"
            ));
        }
        self.levels.insert(parsed, level);
        Ok(())
    }

    /// Applies the overrides: drops allowed findings, re-levels the others.
    pub fn apply(&self, diagnostics: &mut Vec<Diagnostic>) {
        if self.levels.is_empty() {
            return;
        }
        diagnostics.retain_mut(|d| match self.levels.get(&d.code) {
            Some(Level::Allow) => false,
            Some(Level::Warn) => {
                d.severity = Severity::Warning;
                true
            }
            Some(Level::Deny) => {
                d.severity = Severity::Error;
                true
            }
            None => true,
        });
    }
}

impl Config {
    /// Finds and reads the settings for `start` (a folder): the nearest
    /// `pacte.toml` or `.pacte.toml` in it or a parent, stopping at the
    /// repository's root (a folder holding `.git`) or the user's home, so a
    /// checkout never picks up settings from above it. No file: defaults.
    pub fn discover(start: &Path, lang: Lang) -> Result<Config, String> {
        // Compared resolved: a home reached through a link is still home.
        let home = std::env::var_os("HOME").and_then(|h| std::fs::canonicalize(h).ok());
        let start = std::fs::canonicalize(start).unwrap_or_else(|_| start.to_path_buf());
        for dir in start.ancestors() {
            for name in FILE_NAMES {
                let path = dir.join(name);
                if path.is_file() || path.is_symlink() {
                    refuse_strangers(&path, lang)?;
                    return Config::read(&path, lang, Trust::Repository);
                }
            }
            let at_root = dir.join(".git").exists();
            if at_root || home.as_deref() == Some(dir) {
                break;
            }
        }
        Ok(Config::default())
    }

    /// Reads one settings file. The repository's own settings (found by
    /// [`Config::discover`]) may only name folders inside the repository;
    /// a file named with `--config` is the user's and may name any.
    pub fn read(path: &Path, lang: Lang, trust: Trust) -> Result<Config, String> {
        let shown = path.display();
        if trust == Trust::Repository && path.is_symlink() {
            let root = path.parent().unwrap_or(Path::new("."));
            if !crate::input::is_within(path, root) {
                return Err(tr!(
                    lang,
                    "{shown} est un lien vers un fichier hors du dépôt ; pacte ne le lit pas (--config FICHIER pour le nommer, --no-config pour s'en passer)",
                    "{shown} is a link to a file outside the repository; pacte does not read it (--config FILE to name one, --no-config to do without)"
                ));
            }
        }
        let bytes =
            crate::input::read_bounded(path, crate::input::MAX_SETTINGS_BYTES).map_err(|e| {
                let e = e.describe(lang);
                tr!(lang, "{shown} : {e}", "{shown}: {e}")
            })?;
        let text = String::from_utf8(bytes).map_err(|_| {
            tr!(
                lang,
                "{shown} n'est pas un fichier texte UTF-8 ; réenregistrez-le en UTF-8",
                "{shown} is not a UTF-8 text file; save it again as UTF-8"
            )
        })?;
        // The message and the position, not the parser's snippet: the file
        // may not be settings at all, and its lines are not for a CI log.
        let file: ConfigFile = toml::from_str(&text).map_err(|e| {
            let at = e
                .span()
                .map(|s| {
                    let p = crate::source::position_in(&text, s.start);
                    format!(":{}:{}", p.line, p.column)
                })
                .unwrap_or_default();
            // One line, controls shown: the file may be a stranger's.
            let message = crate::diag::sanitize(e.message().trim()).into_owned();
            tr!(lang, "{shown}{at} : {message}", "{shown}{at}: {message}")
        })?;
        let base = path.parent().unwrap_or(Path::new("."));
        let mut clauses = Vec::new();
        for dir in &file.clauses {
            let joined = base.join(dir);
            if trust == Trust::Repository {
                confined(base, dir, &joined, lang).map_err(|e| format!("{shown}: {e}"))?;
            }
            clauses.push(joined);
        }
        let mut config = Config {
            path: Some(path.to_path_buf()),
            clauses,
            exclude: file.exclude.iter().map(|c| base.join(c)).collect(),
            lints: Lints::default(),
        };
        for (code, level) in file.lints {
            config
                .lints
                .set(&code, level, lang)
                .map_err(|e| format!("{shown}: {e}"))?;
        }
        Ok(config)
    }
}

/// Refuses settings found on the way up that belong to another user (not
/// you, not root): outside a repository the search may reach a shared
/// folder such as `/tmp`, where anyone can leave a `pacte.toml`. Git
/// refuses such repositories the same way.
#[cfg(unix)]
fn refuse_strangers(path: &Path, lang: Lang) -> Result<(), String> {
    use std::os::unix::fs::MetadataExt;
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return Ok(());
    };
    let me = nix::unistd::getuid().as_raw();
    let owner = meta.uid();
    if owner == me || owner == 0 {
        return Ok(());
    }
    let shown = path.display();
    Err(tr!(
        lang,
        "{shown} appartient à un autre utilisateur (uid {owner}) ; pacte ne suit pas ses réglages (--config FICHIER pour en nommer, --no-config pour s'en passer)",
        "{shown} belongs to another user (uid {owner}); pacte does not follow its settings (--config FILE to name some, --no-config to do without)"
    ))
}

#[cfg(not(unix))]
fn refuse_strangers(_: &Path, _: Lang) -> Result<(), String> {
    Ok(())
}

/// Who wrote a settings file, and so what it may name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trust {
    /// Found in the repository being checked: perhaps a stranger's pull
    /// request. Its paths must stay inside the repository.
    Repository,
    /// Named by the user with `--config`.
    User,
}

/// Refuses a settings path that leaves the repository: absolute, with `..`
/// climbing above it, or through a link leading out of it.
fn confined(base: &Path, dir: &Path, joined: &Path, lang: Lang) -> Result<(), String> {
    let shown = dir.display();
    let climbs = dir.is_absolute()
        || dir.components().any(|c| {
            !matches!(
                c,
                std::path::Component::Normal(_) | std::path::Component::CurDir
            )
        });
    let escapes = joined.exists() && !crate::input::is_within(joined, base);
    if climbs || escapes {
        return Err(tr!(
            lang,
            "le dossier de clauses « {shown} » sort du dépôt ; les réglages d'un dépôt ne peuvent nommer que des dossiers qu'il contient (donnez --clauses DOSSIER sur la ligne de commande pour un autre)",
            "clause folder `{shown}` leaves the repository; a repository's settings may only name folders inside it (give --clauses DIR on the command line for another)"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repo_with(settings: &str) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join(".git")).unwrap();
        std::fs::create_dir(dir.path().join("maison")).unwrap();
        std::fs::write(dir.path().join("pacte.toml"), settings).unwrap();
        dir
    }

    #[test]
    fn repository_settings_cannot_name_folders_outside_it() {
        for bad in ["/etc", "../..", "maison/../../x"] {
            let dir = repo_with(&format!("clauses = [{bad:?}]\n"));
            let err = Config::discover(dir.path(), Lang::En).unwrap_err();
            assert!(err.contains("leaves the repository"), "{bad}: {err}");
        }
        let dir = repo_with("clauses = [\"maison\"]\n");
        let config = Config::discover(dir.path(), Lang::En).unwrap();
        assert_eq!(config.clauses, [dir.path().join("maison")]);
        // Named by the user, the same settings may point anywhere.
        let dir = repo_with("clauses = [\"/etc\"]\n");
        let config = Config::read(&dir.path().join("pacte.toml"), Lang::En, Trust::User).unwrap();
        assert_eq!(config.clauses, [PathBuf::from("/etc")]);
    }

    #[cfg(unix)]
    #[test]
    fn settings_linked_out_of_the_repository_are_not_read_or_echoed() {
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret"), "TOKEN=hunter2\n").unwrap();
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join(".git")).unwrap();
        std::os::unix::fs::symlink(outside.path().join("secret"), dir.path().join("pacte.toml"))
            .unwrap();
        let err = Config::discover(dir.path(), Lang::En).unwrap_err();
        assert!(err.contains("outside the repository"), "{err}");
        assert!(!err.contains("hunter2"));
        let link = dir.path().join("pacte.toml");
        std::fs::remove_file(&link).unwrap();
        std::os::unix::fs::symlink("/proc/self/environ", &link).unwrap();
        let err = Config::discover(dir.path(), Lang::En).unwrap_err();
        assert!(err.contains("outside the repository"), "{err}");
        // Even named by the user, a system file is not read.
        let err = Config::read(&link, Lang::En, Trust::User).unwrap_err();
        assert!(err.contains("system file"), "{err}");
        assert!(!err.contains("PATH="), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn settings_left_by_another_user_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pacte.toml");
        std::fs::write(&path, "[lints]\nP019 = \"allow\"\n").unwrap();
        if std::os::unix::fs::chown(&path, Some(54_321), None).is_err() {
            return; // Only root can give a file away; nothing to test.
        }
        let err = Config::discover(dir.path(), Lang::En).unwrap_err();
        assert!(err.contains("belongs to another user (uid 54321)"), "{err}");
    }

    #[test]
    fn the_search_stops_at_the_repository_root() {
        let above = tempfile::tempdir().unwrap();
        std::fs::write(above.path().join("pacte.toml"), "clauses = [\"/etc\"]\n").unwrap();
        let repo = above.path().join("repo");
        std::fs::create_dir_all(repo.join(".git")).unwrap();
        std::fs::create_dir_all(repo.join("conventions")).unwrap();
        let config = Config::discover(&repo.join("conventions"), Lang::En).unwrap();
        assert!(
            config.path.is_none(),
            "settings above the repository were read"
        );
    }

    #[test]
    fn a_syntax_error_names_the_place_without_echoing_the_line() {
        let dir = repo_with("[lints]\nP019 = allow-this-secret\n");
        let err = Config::discover(dir.path(), Lang::En).unwrap_err();
        assert!(err.contains("pacte.toml:2:8"), "{err}");
        assert!(!err.contains("allow-this-secret"), "{err}");
    }
}
