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
            let names = Code::ALL.iter().flat_map(|c| [c.as_str(), c.slug()]);
            let hint = did_you_mean(code, names)
                .map(|s| {
                    tr!(
                        lang,
                        " (vouliez-vous dire « {s} » ?)",
                        " (did you mean `{s}`?)"
                    )
                })
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
    /// Finds and reads the settings for `start` (a folder). No file: defaults.
    pub fn discover(start: &Path, lang: Lang) -> Result<Config, String> {
        for dir in start.ancestors() {
            for name in FILE_NAMES {
                let path = dir.join(name);
                if path.is_file() {
                    return Config::read(&path, lang);
                }
            }
        }
        Ok(Config::default())
    }

    /// Reads one settings file.
    pub fn read(path: &Path, lang: Lang) -> Result<Config, String> {
        let shown = path.display();
        let text = std::fs::read_to_string(path).map_err(|e| {
            tr!(
                lang,
                "{shown} : lecture impossible : {e}",
                "{shown}: cannot read: {e}"
            )
        })?;
        let file: ConfigFile =
            toml::from_str(&text).map_err(|e| tr!(lang, "{shown} : {e}", "{shown}: {e}"))?;
        let base = path.parent().unwrap_or(Path::new("."));
        let mut config = Config {
            path: Some(path.to_path_buf()),
            clauses: file.clauses.iter().map(|c| base.join(c)).collect(),
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
