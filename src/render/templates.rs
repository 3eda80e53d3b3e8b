//! The templates: the bundled ones, an organisation's overrides read once
//! and checked, the minijinja environment they run in, and rendering within
//! limits (fuel, output size). Also the fingerprint of a document's sources.

use super::print::markers;
use super::{RenderError, RenderOptions};
use crate::lang::Lang;
use crate::library::ClauseLibrary;
use crate::source::SourceFile;
use crate::tr;
use include_dir::{Dir, include_dir};
use minijinja::{Environment, ErrorKind, UndefinedBehavior, Value as JinjaValue};
use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

static BUNDLED: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/templates");

/// Instructions a template may run before it is stopped (runaway loops in an
/// organisation's override).
/// The memory of the child process an organisation's templates run in
/// (`--templates`): far above any honest rendering of a 4 MiB convention,
/// far below the machine. Enforced by the system on Unix.
pub const TEMPLATE_CHILD_MEMORY_BYTES: u64 = 1 << 30;
/// That child's CPU time, in seconds (`PACTE_TEMPLATE_CPU_SECONDS` may lower
/// it, for tests and impatient pipelines; never raise it); it is stopped
/// after twice that in wall-clock time on every system.
pub const TEMPLATE_CHILD_CPU_SECONDS: u64 = 30;

pub const TEMPLATE_FUEL: u64 = 5_000_000;

impl RenderError {
    fn from_jinja(e: &minijinja::Error, origin: &Origins) -> RenderError {
        let name = e.name().unwrap_or("?").to_string();
        let cause = match e.detail() {
            Some(detail) => format!("{}: {detail}", e.kind()),
            None => e.kind().to_string(),
        };
        RenderError::Template {
            template: origin.display(&name),
            line: e.line(),
            cause,
        }
    }
}

/// The most text one template may produce: far above any convention (whose
/// file is at most 4 MiB), far below what would exhaust memory.
pub const MAX_RENDERED_BYTES: usize = 32 * 1024 * 1024;

/// An organisation's templates, read once, before anything renders, from a
/// folder that may come from a stranger: every file a regular file inside
/// the folder, of bounded size, valid UTF-8. Cheap to clone: every document
/// and the fingerprint of a run share one reading.
#[derive(Clone)]
pub struct Templates {
    dir: PathBuf,
    /// Sources by template name (`fr/clauses/audit.md.j2`).
    sources: Arc<BTreeMap<String, String>>,
}

impl std::fmt::Debug for Templates {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Templates")
            .field("dir", &self.dir)
            .field("files", &self.sources.len())
            .finish()
    }
}

impl Templates {
    /// Reads the folder `dir`; `lang` is the language of its errors.
    pub fn read(dir: &Path, lang: Lang) -> Result<Templates, RenderError> {
        use crate::input::{
            Entry, MAX_FOLDER_BYTES, MAX_FOLDER_FILES, MAX_TEMPLATE_BYTES, Skip, Walk, read_bounded,
        };
        let refuse = |path: &Path, cause: String| RenderError::TemplatesFolder {
            path: path.to_path_buf(),
            cause,
        };
        if !dir.is_dir() {
            return Err(refuse(
                dir,
                tr!(
                    lang,
                    "ce n'est pas un dossier de modèles",
                    "not a folder of templates"
                ),
            ));
        }
        let keep = |_: &Path| true;
        let mut sources = BTreeMap::new();
        let mut total = 0;
        for entry in Walk::new(dir, &keep).max_files(MAX_FOLDER_FILES).entries() {
            let path = match entry {
                Entry::File(path) => path,
                Entry::Skipped(_, Skip::AlreadyWalked) => continue,
                Entry::Skipped(path, why) => return Err(refuse(&path, why.describe(lang))),
            };
            let bytes = read_bounded(&path, MAX_TEMPLATE_BYTES)
                .map_err(|e| refuse(&path, e.describe(lang)))?;
            let text = String::from_utf8(bytes).map_err(|e| {
                let at = e.utf8_error().valid_up_to();
                refuse(
                    &path,
                    tr!(
                        lang,
                        "pas en UTF-8 (octet invalide à la position {at}) ; réenregistrez-le en UTF-8",
                        "not UTF-8 (invalid byte at offset {at}); save it again as UTF-8"
                    ),
                )
            })?;
            let name = path
                .strip_prefix(dir)
                .unwrap_or(&path)
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            total += text.len() as u64;
            if total > MAX_FOLDER_BYTES {
                let max = crate::input::human_size(MAX_FOLDER_BYTES);
                return Err(refuse(
                    dir,
                    tr!(
                        lang,
                        "les modèles dépassent {max} ensemble",
                        "the templates hold more than {max} together"
                    ),
                ));
            }
            sources.insert(name, text);
        }
        Ok(Templates {
            dir: dir.to_path_buf(),
            sources: Arc::new(sources),
        })
    }
}

/// Where each template comes from, for the loader and for error messages.
#[derive(Clone, Default)]
pub(super) struct Origins {
    overrides: Option<Templates>,
}

impl Origins {
    fn source(&self, name: &str) -> Option<&String> {
        self.overrides.as_ref()?.sources.get(name)
    }

    pub(super) fn display(&self, name: &str) -> String {
        match &self.overrides {
            Some(t) if t.sources.contains_key(name) => t.dir.join(name).display().to_string(),
            _ => format!("templates/{name}"),
        }
    }

    /// Whether an organisation's folder holds a template of this name.
    pub(super) fn overridden(&self, name: &str) -> bool {
        self.source(name).is_some()
    }

    /// Whether a template of this name exists, overridden or bundled.
    pub(super) fn exists(&self, name: &str) -> bool {
        self.source(name).is_some()
            || safe_relative(name).is_some_and(|p| BUNDLED.get_file(p).is_some())
    }
}

/// How a template is named in a message: its file in an organisation's
/// folder when it overrides the bundled one, else `templates/NAME`.
pub(crate) fn template_path(options: &RenderOptions, name: &str) -> String {
    Origins {
        overrides: options.templates.clone(),
    }
    .display(name)
}

/// A template name is a relative path with no `..`: an override can never
/// read outside its folder.
fn safe_relative(name: &str) -> Option<&Path> {
    let path = Path::new(name);
    path.components()
        .all(|c| matches!(c, Component::Normal(_)))
        .then_some(path)
}

pub(super) fn environment(
    options: &RenderOptions,
) -> Result<(Environment<'static>, Origins), RenderError> {
    let origins = Origins {
        overrides: options.templates.clone(),
    };
    let mut env = Environment::new();
    let loader_origins = origins.clone();
    env.set_loader(move |name| {
        if safe_relative(name).is_none() {
            return Err(minijinja::Error::new(
                ErrorKind::InvalidOperation,
                format!("template path `{name}` leaves the templates folder"),
            ));
        }
        if let Some(text) = loader_origins.source(name) {
            return Ok(Some(text.clone()));
        }
        Ok(safe_relative(name)
            .and_then(|p| BUNDLED.get_file(p))
            .and_then(|f| f.contents_utf8())
            .map(str::to_string))
    });
    env.add_filter("ucfirst", |s: String| super::text::capitalize(&s));
    env.add_filter("in_sentence", |s: String| super::text::in_sentence(&s));
    env.add_filter("after_colon", |s: String| super::text::after_colon(&s));
    env.add_filter("without_article", |s: String| {
        super::text::without_article(&s).to_string()
    });
    // A glossary in the order a reader looks a term up (`term` of each entry).
    env.add_filter("by_term", |mut entries: Vec<minijinja::Value>| {
        entries.sort_by_cached_key(|e| {
            let term = e.get_attr("term").ok().map(|t| t.to_string());
            super::text::collation_key(term.as_deref().unwrap_or_default())
        });
        entries
    });
    // A missing value is an error naming the template and line, so template
    // authors see their mistakes; a draft renders what it can, since its
    // missing answers are listed in its annex of open findings.
    env.set_undefined_behavior(if options.draft {
        UndefinedBehavior::Chainable
    } else {
        UndefinedBehavior::SemiStrict
    });
    env.set_debug(true);
    env.set_fuel(Some(TEMPLATE_FUEL));
    env.set_auto_escape_callback(|_| minijinja::AutoEscape::None);
    if let Ok(syntax) = minijinja::syntax::SyntaxConfig::builder()
        .trim_blocks(true)
        .lstrip_blocks(true)
        .build()
    {
        env.set_syntax(syntax);
    }
    // Every override compiles, used or not: a syntax error is reported at
    // once, naming the file and line, rather than discovered (or silently
    // passed over) later.
    let names = origins
        .overrides
        .iter()
        .flat_map(|t| t.sources.keys())
        .filter(|n| n.ends_with(".j2"));
    for name in names {
        env.get_template(name)
            .map_err(|e| RenderError::from_jinja(&e, &origins))?;
        // Its layout markers, too: a slip is an error at its line, not a
        // different document.
        if let Some(source) = origins.source(name) {
            check_markers(name, source).map_err(|problem| RenderError::Markers {
                template: origins.display(name),
                problem,
            })?;
        }
    }
    Ok((env, origins))
}

/// Checks a template's layout markers and tags: a clause's or the
/// recitals' text may hold none, being numbered paragraph by paragraph.
fn check_markers(name: &str, source: &str) -> Result<(), markers::TemplateProblem> {
    let text = name.contains("/clauses/") || name.ends_with("/preamble.md.j2");
    if text {
        markers::check_text_template(source)
    } else {
        markers::check_template(source)
    }
}

/// Told the name of each template about to run (the sandbox of an
/// organisation's templates records it, to name the culprit if the
/// operating system stops the process).
static OBSERVER: std::sync::OnceLock<Observer> = std::sync::OnceLock::new();

type Observer = Box<dyn Fn(&str) + Send + Sync>;

/// Sets the function told the name of each template about to run; the
/// first call wins.
pub fn observe_templates(f: impl Fn(&str) + Send + Sync + 'static) {
    let _ = OBSERVER.set(Box::new(f));
}

/// Renders a template into a string of at most [`MAX_RENDERED_BYTES`]: an
/// organisation's template that prints without end is stopped, not allowed
/// to fill memory.
pub(super) fn render_bounded(
    env: &Environment<'static>,
    origins: &Origins,
    name: &str,
    ctx: JinjaValue,
) -> Result<String, RenderError> {
    render_clause(env, origins, name, ctx).map(|r| r.text)
}

/// The top-level variable by which a clause template names its article
/// when the library's title would misdescribe what it printed (the
/// repayment article of a service paid by the unit settles advances; it
/// has no misused funds to speak of).
pub(super) const ARTICLE_TITLE: &str = "article_title";

/// What a clause template printed, and the article title it set, if any.
pub(super) struct Rendered {
    pub text: String,
    pub article_title: Option<String>,
}

/// [`render_bounded`], also reading the template's [`ARTICLE_TITLE`].
pub(super) fn render_clause(
    env: &Environment<'static>,
    origins: &Origins,
    name: &str,
    ctx: JinjaValue,
) -> Result<Rendered, RenderError> {
    if let Some(observe) = OBSERVER.get() {
        observe(&origins.display(name));
    }
    let template = env
        .get_template(name)
        .map_err(|e| RenderError::from_jinja(&e, origins))?;
    let mut out = Bounded(Vec::new());
    let article_title = match template.render_captured_to(ctx, &mut out) {
        // Only a non-empty string counts, folded to one line: a title is
        // printed as one line of text.
        Ok(captured) => captured
            .state()
            .lookup(ARTICLE_TITLE)
            .and_then(|v| {
                v.as_str()
                    .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
            })
            .filter(|t| !t.is_empty()),
        Err(e) if out.0.len() >= MAX_RENDERED_BYTES => {
            let _ = e;
            return Err(RenderError::TooMuchText {
                template: origins.display(name),
            });
        }
        Err(e) => return Err(RenderError::from_jinja(&e, origins)),
    };
    // The engine writes what templates and values hold, all UTF-8; a cut
    // at the bound is refused above.
    let text = String::from_utf8(out.0).map_err(|e| RenderError::Template {
        template: origins.display(name),
        line: None,
        cause: e.to_string(),
    })?;
    Ok(Rendered {
        text,
        article_title,
    })
}

/// A writer that refuses to grow past [`MAX_RENDERED_BYTES`].
struct Bounded(Vec<u8>);

impl std::io::Write for Bounded {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.0.len() + buf.len() > MAX_RENDERED_BYTES {
            self.0.resize(MAX_RENDERED_BYTES, 0);
            return Err(std::io::Error::other("output too large"));
        }
        self.0.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A short hash of what a document is made from: the convention file, the
/// clause library in force and the templates (bundled, then overrides), so a
/// printed page can be traced to its sources.
pub fn fingerprint(
    source: Option<&SourceFile>,
    library: &ClauseLibrary,
    options: &RenderOptions,
) -> String {
    fingerprint_with(source, library, options.templates.as_ref())
}

pub(super) fn fingerprint_with(
    source: Option<&SourceFile>,
    library: &ClauseLibrary,
    overrides: Option<&Templates>,
) -> String {
    use sha2::Digest;
    let mut hasher = sha2::Sha256::new();
    hasher.update(source.map_or("", |s| s.text()).as_bytes());
    hasher.update(library.digest());
    let mut templates: Vec<(String, Vec<u8>)> = Vec::new();
    collect_templates(&BUNDLED, &mut templates);
    for (name, text) in overrides.iter().flat_map(|t| t.sources.iter()) {
        templates.push((format!("override/{name}"), text.as_bytes().to_vec()));
    }
    templates.sort();
    for (name, bytes) in templates {
        hasher.update(name.as_bytes());
        hasher.update(&bytes);
    }
    hasher
        .finalize()
        .iter()
        .take(6)
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn collect_templates(dir: &Dir<'static>, out: &mut Vec<(String, Vec<u8>)>) {
    for f in dir.files() {
        out.push((
            format!("bundled/{}", f.path().display()),
            f.contents().to_vec(),
        ));
    }
    for d in dir.dirs() {
        collect_templates(d, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundled_template_closes_what_it_opens() {
        let mut files = Vec::new();
        collect_templates(&BUNDLED, &mut files);
        assert!(files.len() > 20, "{}", files.len());
        for (name, bytes) in files {
            let source = String::from_utf8(bytes).unwrap();
            if let Err(problem) = check_markers(&name, &source) {
                panic!("{name}:{}: {}", problem.line, problem.describe(Lang::En));
            }
        }
    }
}
