//! Rendering: a checked convention becomes a [`Document`] (`build`, one
//! per edition), which becomes Markdown through minijinja templates — one
//! language's skeleton, or the bilingual one over two — with the layout
//! markers, read once into the [`print`] tree that every printer prints:
//! Markdown ([`md`]), PDF, Word and HTML.
//!
//! Templates live in `templates/<lang>/` (compiled in); `--templates DIR`
//! overrides any of them by the same relative path ([`templates`] owns
//! both, and the limits they run within). Undefined values are errors
//! naming the template and line, never silent blanks. User text is escaped
//! before it reaches a template and is never evaluated as one.

mod annexes;
mod build;
pub mod docx;
mod error;
pub mod html;
pub mod md;
pub mod model;
pub mod pdf;
pub mod print;
mod templates;
pub(crate) mod text;
mod values;

pub use build::article_label;
use build::build_with;
pub use error::RenderError;
pub use model::Document;
pub use pdf::layout::MAX_PAGES;
pub use print::typography::french_typography;
pub(crate) use templates::template_path;
pub use templates::{
    MAX_RENDERED_BYTES, TEMPLATE_CHILD_CPU_SECONDS, TEMPLATE_CHILD_MEMORY_BYTES, TEMPLATE_FUEL,
    Templates, fingerprint, observe_templates,
};
use templates::{Origins, environment, fingerprint_with, render_bounded};
pub use text::escape_markdown;

use crate::convention::Convention;
use crate::diag::FileReport;
use crate::lang::Lang;
use crate::library::ClauseLibrary;
use minijinja::{Environment, Value as JinjaValue};
use std::collections::BTreeMap;

/// How to render.
#[derive(Clone, Debug, Default)]
pub struct RenderOptions {
    /// The document's language; the convention's `language` when `None`.
    pub lang: Option<Lang>,
    /// Render despite errors, with a banner and an annex of open findings.
    pub draft: bool,
    /// Add the review notes (clause purpose, empty fields, findings).
    pub annotate: bool,
    /// An organisation's templates, overriding the bundled ones by relative
    /// path ([`Templates::read`]).
    pub templates: Option<Templates>,
    /// The interface language, for messages about the templates.
    pub interface: Lang,
    /// Part of a bilingual edition: the agreement speaks of its two
    /// versions even when the file does not promise them.
    pub bilingual: bool,
}

/// What a document is made of: one edition of a convention, or two side by
/// side (`render --bilingual`).
#[derive(Clone, Copy, Debug)]
pub enum Editions<'c> {
    /// The convention in [`RenderOptions::lang`] (its own language when
    /// `None`).
    One(&'c Convention),
    /// A bilingual edition: the convention typed in each language, the left
    /// column's first. Both come from the same file, so their articles and
    /// annexes correspond one to one.
    Two([(&'c Convention, Lang); 2]),
}

impl<'c> From<&'c Convention> for Editions<'c> {
    fn from(conv: &'c Convention) -> Self {
        Editions::One(conv)
    }
}

/// Builds the document model of a convention.
///
/// `report` holds the convention's diagnostics (for drafts and review notes).
/// Refuses a convention with errors unless `options.draft`.
pub fn build_document(
    conv: &Convention,
    library: &ClauseLibrary,
    report: &FileReport,
    options: &RenderOptions,
) -> Result<Document, RenderError> {
    let (env, origins) = environment(options)?;
    build_with(&env, &origins, conv, library, report, options)
}

/// Renders a convention to Markdown: its printed document
/// ([`printed`]) written by the [`md`] printer.
pub fn markdown<'c>(
    editions: impl Into<Editions<'c>>,
    library: &ClauseLibrary,
    report: &FileReport,
    options: &RenderOptions,
) -> Result<String, RenderError> {
    // Nothing of a page: no paper, no date, no fingerprint of the sources.
    let (doc, info) = printed_with(editions, library, report, options, MARKDOWN_PAGE, false)?;
    Ok(md::write(&doc, &info))
}

/// What a Markdown edition has of a page: nothing it prints (the paper and
/// the date are the PDF's).
pub(crate) const MARKDOWN_PAGE: PdfOptions = PdfOptions {
    paper: None,
    timestamp: 0,
};

/// The Markdown of a built document as printed (PDF, Word), with the
/// typesetter's markers: what a Word redline compares, version to version.
pub fn printed_markdown(doc: &Document, options: &RenderOptions) -> Result<String, RenderError> {
    let (env, origins) = environment(options)?;
    skeleton(&env, &origins, std::slice::from_ref(doc))
}

/// Renders a convention to the text of a Markdown file: the document, headed
/// by the marker that lets pacte replace it later without `--force`.
pub fn markdown_file<'c>(
    editions: impl Into<Editions<'c>>,
    library: &ClauseLibrary,
    report: &FileReport,
    options: &RenderOptions,
) -> Result<String, RenderError> {
    let editions = editions.into();
    let lang = match editions {
        Editions::One(conv) => options.lang.unwrap_or_else(|| conv.language()),
        Editions::Two([(_, left), _]) => left,
    };
    let body = markdown(editions, library, report, options)?;
    Ok(format!(
        "{}\n\n{body}",
        crate::output::generated_marker(lang)
    ))
}

/// The document model of each edition, the left column's first.
fn documents(
    env: &Environment<'static>,
    origins: &Origins,
    editions: Editions<'_>,
    library: &ClauseLibrary,
    report: &FileReport,
    options: &RenderOptions,
) -> Result<Vec<Document>, RenderError> {
    let [left, right] = match editions {
        Editions::One(conv) => {
            return Ok(vec![build_with(
                env, origins, conv, library, report, options,
            )?]);
        }
        Editions::Two(two) => two.map(|(conv, lang)| {
            let options = RenderOptions {
                lang: Some(lang),
                bilingual: true,
                ..options.clone()
            };
            build_with(env, origins, conv, library, report, &options)
        }),
    };
    let (left, right) = (left?, right?);
    // Typed from one file, the editions have the same clauses and annexes;
    // a difference would pair one language's article with another's.
    let shape = |d: &Document| {
        (
            d.articles
                .iter()
                .map(|a| a.clause_id.clone())
                .collect::<Vec<_>>(),
            d.annexes.iter().map(|a| a.key.clone()).collect::<Vec<_>>(),
            d.signatures.len(),
        )
    };
    if shape(&left) != shape(&right) {
        return Err(RenderError::Editions);
    }
    Ok(vec![left, right])
}

/// Renders the skeleton template over a document, or the bilingual one over
/// two, with the typesetter's markers.
fn skeleton(
    env: &Environment<'static>,
    origins: &Origins,
    docs: &[Document],
) -> Result<String, RenderError> {
    let serde = |d: &Document| JinjaValue::from(minijinja::value::Serde(d));
    // `pdf` is always true: every edition is printed from the markers. It
    // stays defined for the templates written when Markdown had its own
    // branch (before 0.2.0).
    let (name, ctx, lang) = match docs {
        [doc] => (
            format!("{}/convention.md.j2", doc.lang.code()),
            minijinja::context! { doc => serde(doc), pdf => true },
            doc.lang,
        ),
        [left, right] => (
            "bilingual.md.j2".to_string(),
            minijinja::context! { left => serde(left), right => serde(right), pdf => true },
            left.lang,
        ),
        _ => unreachable!("a document has one or two editions"),
    };
    // The filters that depend on the language are the left edition's; the
    // articles, built per edition, have already used their own.
    let env = with_language(env, lang);
    let out = render_bounded(&env, origins, &name, ctx)?;
    Ok(finish(&out, lang))
}

/// The environment with the filters that depend on the document's language:
/// numbers in words, ordinals, contracted prepositions.
fn with_language(env: &Environment<'static>, lang: Lang) -> Environment<'static> {
    let mut env = env.clone();
    // A draft fills a missing number with « [à compléter] »: shown as is.
    // `words("f")` for a feminine noun (« une vérification »).
    env.add_filter(
        "words",
        move |v: JinjaValue, gender: Option<String>| match v.as_i64() {
            Some(1) if lang == Lang::Fr && gender.as_deref() == Some("f") => "une".to_string(),
            Some(n) => crate::format::small_number(n, lang),
            None => v.to_string(),
        },
    );
    // A quantity with the language's digit grouping (« 15 000 », "15,000").
    env.add_filter("thousands", move |v: JinjaValue| match v.as_i64() {
        Some(n) if n >= 0 => crate::format::count(usize::try_from(n).unwrap_or(usize::MAX), lang),
        _ => v.to_string(),
    });
    // « à » and « de » before any noun phrase, contracted (« au commissaire »).
    env.add_filter("a", move |s: String| values::prepositions(&s, lang).0);
    env.add_filter("de", move |s: String| values::prepositions(&s, lang).1);
    env
}

/// Renders the template `name` over one serialised value given to it as
/// `key`, with the same environment, limits and typography as a convention
/// (for the documents other stages make, such as a comparison of versions),
/// with the typesetter's markers; `docx` says the marks become Word's
/// tracked changes.
pub(crate) fn markdown_from_template(
    name: &str,
    key: &str,
    value: &impl serde::Serialize,
    lang: Lang,
    options: &RenderOptions,
    docx: bool,
) -> Result<String, RenderError> {
    let (env, origins) = environment(options)?;
    let mut ctx = BTreeMap::new();
    ctx.insert(
        key.to_string(),
        JinjaValue::from(minijinja::value::Serde(value)),
    );
    ctx.insert("pdf".to_string(), JinjaValue::from(true));
    ctx.insert("docx".to_string(), JinjaValue::from(docx));
    let ctx = JinjaValue::from(ctx);
    let out = render_bounded(&env, &origins, name, ctx)?;
    Ok(finish(&out, lang))
}

/// How to typeset a PDF.
#[derive(Clone, Copy, Debug)]
pub struct PdfOptions {
    pub paper: Option<print::Paper>,
    /// Seconds since the epoch for the document dates: `SOURCE_DATE_EPOCH`
    /// when reproducible output is wanted.
    pub timestamp: i64,
}

/// `SOURCE_DATE_EPOCH` is set to what is not a number of seconds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadEpoch(pub String);

impl BadEpoch {
    pub fn describe(&self, lang: Lang) -> String {
        let value = &self.0;
        crate::tr!(
            lang,
            "SOURCE_DATE_EPOCH doit être un nombre de secondes, pas `{value}`",
            "SOURCE_DATE_EPOCH must be a number of seconds, not `{value}`"
        )
    }
}

/// The document date: `SOURCE_DATE_EPOCH` when set (reproducible builds),
/// else now.
pub fn document_timestamp() -> Result<i64, BadEpoch> {
    match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(v) => v.trim().parse().map_err(|_| BadEpoch(v)),
        Err(_) => Ok(std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0))),
    }
}

/// The files a convention is rendered to.
#[derive(Clone, Debug)]
pub enum Format {
    /// Markdown, headed by the mark that lets pacte replace it later.
    Markdown,
    Pdf(PdfOptions),
    /// Word, with the PDF's paper and the author of its comments.
    Docx(PdfOptions, docx::Revisions),
    /// One self-contained HTML page; the paper is its print stylesheet's.
    Html(PdfOptions),
}

/// A convention rendered to the bytes of a file: what `pacte render` and the
/// wizard's last step both write.
pub fn file<'c>(
    format: Format,
    editions: impl Into<Editions<'c>>,
    library: &ClauseLibrary,
    report: &FileReport,
    options: &RenderOptions,
) -> Result<Vec<u8>, RenderError> {
    let editions = editions.into();
    let print = |pdf_options| printed(editions, library, report, options, pdf_options);
    match format {
        Format::Markdown => {
            markdown_file(editions, library, report, options).map(String::into_bytes)
        }
        Format::Pdf(pdf_options) => {
            let (doc, info) = print(pdf_options)?;
            Ok(pdf::typeset(&doc, &info)?)
        }
        Format::Docx(pdf_options, revisions) => {
            let (doc, info) = print(pdf_options)?;
            Ok(docx::write(&doc, &info, &revisions)?)
        }
        Format::Html(pdf_options) => {
            let (doc, info) = print(pdf_options)?;
            Ok(html::write(&doc, &info).into_bytes())
        }
    }
}

/// Renders a convention to PDF bytes.
pub fn pdf<'c>(
    editions: impl Into<Editions<'c>>,
    library: &ClauseLibrary,
    report: &FileReport,
    options: &RenderOptions,
    pdf_options: PdfOptions,
) -> Result<Vec<u8>, RenderError> {
    file(Format::Pdf(pdf_options), editions, library, report, options)
}

/// The printed document of a convention — its editions rendered with the
/// layout markers, read once into the [`print`] tree — and what its pages
/// carry besides.
pub fn printed<'c>(
    editions: impl Into<Editions<'c>>,
    library: &ClauseLibrary,
    report: &FileReport,
    options: &RenderOptions,
    pdf_options: PdfOptions,
) -> Result<(print::Printed, print::PrintInfo), RenderError> {
    printed_with(editions, library, report, options, pdf_options, true)
}

/// [`printed`]; `fingerprint` when the pages print the sources' fingerprint
/// (hashing every template is a tenth of a Markdown edition's time).
fn printed_with<'c>(
    editions: impl Into<Editions<'c>>,
    library: &ClauseLibrary,
    report: &FileReport,
    options: &RenderOptions,
    pdf_options: PdfOptions,
    fingerprint: bool,
) -> Result<(print::Printed, print::PrintInfo), RenderError> {
    let (env, origins) = environment(options)?;
    let editions = editions.into();
    let currency = match editions {
        Editions::One(conv) | Editions::Two([(conv, _), _]) => conv.currency().to_string(),
    };
    let docs = documents(&env, &origins, editions, library, report, options)?;
    let markdown = skeleton(&env, &origins, &docs)?;
    let doc = &docs[0];
    let second = docs.get(1).map(|d| d.lang);
    let paper = pdf_options
        .paper
        .unwrap_or_else(|| print::Paper::for_currency(&currency));
    // A bilingual edition's properties are both languages', « gauche / right ».
    let both = |f: &dyn Fn(&Document) -> String| {
        let mut texts: Vec<String> = docs.iter().map(f).collect();
        texts.dedup();
        texts.join(" / ")
    };
    let info = print::PrintInfo {
        lang: doc.lang,
        second,
        paper,
        title: both(&|d| d.properties.title.clone()),
        short_title: both(&|d| d.properties.short_title.clone()),
        kind: both(&|d| d.kind.clone()),
        reference: doc.properties.reference.clone().unwrap_or_default(),
        parties: doc.properties.parties.clone(),
        fingerprint: match fingerprint {
            true => fingerprint_with(report.source.as_ref(), library, options.templates.as_ref()),
            false => String::new(),
        },
        draft: options.draft,
        timestamp: pdf_options.timestamp,
    };
    // The models are in the Markdown now: one copy of a long text at a time.
    drop(docs);
    let printed = print::read(&markdown, info.lang).map_err(|error| {
        let name = match info.second {
            Some(_) => "bilingual.md.j2".to_string(),
            None => format!("{}/convention.md.j2", info.lang.code()),
        };
        RenderError::Printed {
            template: origins.display(&name),
            error,
        }
    })?;
    Ok((printed, info))
}

/// Whitespace, and the languages' marks: at most one blank line, one final
/// newline, each change of language (`<!-- lang xx -->`) on a line of its
/// own, for the reader to give the printers (hyphenation, the tagged PDF's
/// `/Lang`, HTML's `lang`); the reader then sets each language's
/// typography on the text ([`print::typography`]).
pub(crate) fn finish(text: &str, lang: Lang) -> String {
    let mut marked = String::with_capacity(text.len() + 64);
    for (n, (lang, segment)) in text::language_segments(text, lang).into_iter().enumerate() {
        if n > 0 {
            marked.push_str(&format!("\n\n<!-- lang {} -->\n\n", lang.code()));
        }
        marked.push_str(segment);
    }
    let mut out = String::with_capacity(marked.len());
    let mut blank = 0;
    for line in marked.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            blank += 1;
            if blank > 1 || out.is_empty() {
                continue;
            }
        } else {
            blank = 0;
        }
        out.push_str(line);
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}
