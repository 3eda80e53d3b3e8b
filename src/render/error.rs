//! Why a convention or a comparison could not be rendered: the stage that
//! failed, the template or part where, and the cause — a type a caller can
//! match, and a sentence in the reader's language ([`RenderError::describe`]).

use super::docx::DocxError;
use super::pdf::PdfError;
use super::print::ReadError;
use super::print::markers::TemplateProblem;
use crate::lang::Lang;
use crate::tr;
use std::path::PathBuf;

#[derive(Debug)]
pub enum RenderError {
    /// An organisation's templates folder (`--templates`) cannot be read:
    /// the file or folder at fault, and why (already in the interface
    /// language, from the reader's own typed error).
    TemplatesFolder {
        path: PathBuf,
        cause: String,
    },
    /// A template failed as it compiled or ran: its file, the line when
    /// known, and the template engine's cause.
    Template {
        template: String,
        line: Option<usize>,
        cause: String,
    },
    /// A template produced more than [`super::MAX_RENDERED_BYTES`].
    TooMuchText {
        template: String,
    },
    /// A template's layout markers cannot work, found as it loads.
    Markers {
        template: String,
        problem: TemplateProblem,
    },
    /// The two editions of a bilingual document do not have the same parts.
    Editions,
    /// The printed edition cannot be read into the document tree (a marker
    /// opened under a condition and closed outside it, one built from a
    /// value): the skeleton template it came from, and why.
    Printed {
        template: String,
        error: ReadError,
    },
    Pdf(PdfError),
    Docx(DocxError),
}

impl RenderError {
    /// What failed, where and why, in `lang`.
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            RenderError::TemplatesFolder { path, cause } => {
                let path = path.display();
                tr!(
                    lang,
                    "modèles, {path} : {cause}",
                    "templates, {path}: {cause}"
                )
            }
            RenderError::Template {
                template,
                line,
                cause,
            } => {
                let place = match line {
                    Some(l) => format!("{template}:{l}"),
                    None => template.clone(),
                };
                tr!(
                    lang,
                    "modèle {place} : {cause}",
                    "template {place}: {cause}"
                )
            }
            RenderError::TooMuchText { template } => {
                let max = super::MAX_RENDERED_BYTES / (1024 * 1024);
                tr!(
                    lang,
                    "modèle {template} : plus de {max} Mio de texte produit ; arrêté",
                    "template {template}: produced more than {max} MiB of text; stopped"
                )
            }
            RenderError::Markers { template, problem } => {
                let line = problem.line;
                let why = problem.describe(lang);
                tr!(
                    lang,
                    "modèle {template}:{line} : {why}",
                    "template {template}:{line}: {why}"
                )
            }
            RenderError::Editions => tr!(
                lang,
                "édition bilingue : les deux langues n'ont pas les mêmes articles et annexes",
                "bilingual edition: the two languages do not have the same articles and annexes"
            ),
            RenderError::Printed { template, error } => {
                let why = error.describe(lang);
                tr!(
                    lang,
                    "modèle {template} et ceux qu'il inclut, mise en page : {why}",
                    "template {template} and those it includes, layout: {why}"
                )
            }
            RenderError::Pdf(e) => {
                let why = e.describe(lang);
                tr!(lang, "PDF : {why}", "PDF: {why}")
            }
            RenderError::Docx(e) => {
                let why = e.describe(lang);
                tr!(lang, "Word : {why}", "Word: {why}")
            }
        }
    }
}

impl std::fmt::Display for RenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

impl std::error::Error for RenderError {}

impl From<PdfError> for RenderError {
    fn from(e: PdfError) -> Self {
        RenderError::Pdf(e)
    }
}

impl From<DocxError> for RenderError {
    fn from(e: DocxError) -> Self {
        RenderError::Docx(e)
    }
}
