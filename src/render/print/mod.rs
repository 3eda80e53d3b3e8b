//! The printed document: one typed tree per edition, read once from the
//! templates' Markdown, that the Markdown, the PDF, the Word document, the
//! HTML page and the comparison all print. No printer reads Markdown, and none imports
//! another's internals: what they share — the tree ([`tree`]), the page
//! ([`page`]), the decisions about text ([`text`], [`script`]), escaping for
//! markup ([`markup`]) — is here.
//!
//! Templates say what Markdown cannot with layout [`markers`]; a marker
//! pacte does not know, or a container left open, is an error naming the
//! template and line when the templates load ([`markers::check_template`])
//! and the heading it follows when the document is read ([`read`]).

pub mod markers;
pub mod markup;
pub mod page;
pub mod read;
pub mod script;
pub mod text;
pub mod tree;
pub mod typography;

pub use page::{Furniture, Geometry, Metadata, Paper, PrintInfo};
pub use read::{ReadError, ReadErrorKind, read};
pub use tree::{Align, Block, Cell, Entry, Mark, Numbering, Printed, Run, Style};
