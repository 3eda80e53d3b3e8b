//! pacte builds, checks and renders partnership conventions between public
//! bodies and third-sector organisations.
//!
//! The pipeline, one way (no module depends back on a later stage; a test
//! holds it):
//! 1. [`field`] — what a clause asks for, and answers typed against it;
//! 2. [`library`] — the clause library (clauses and profiles), loaded from data
//!    and validated, with its [contract](library::contract): the clauses and
//!    fields the code computes with, named once and checked at load;
//! 3. [`convention`] — a convention file read and typed against the library,
//!    keeping the source span of every value, once [`file_format`] has said
//!    the file is in the format this pacte reads;
//! 4. [`facts`] — what pacte computes with, lifted once through the contract;
//! 5. [`validate`] — completeness and consistency rules over the facts and
//!    the typed model;
//! 6. [`render`] — the document model, then Markdown and PDF; [`diff`]
//!    compares two documents;
//! 7. [`diag`] — the findings as data, printed for people or CI; [`output`]
//!    writes every document a command or the wizard produces.
//!
//! [`check`] strings the first stages together for one file or many;
//! [`upgrade`] brings files of an older format to the current one.
// No unsafe code: memory safety comes from the compiler alone (which is why
// the render fuzz target may run without AddressSanitizer).
#![forbid(unsafe_code)]
#![warn(clippy::print_stdout, clippy::print_stderr)]
// Nothing that comes from a user's file or environment may panic.
#![cfg_attr(not(test), warn(clippy::unwrap_used, clippy::expect_used))]

pub mod check;
pub mod config;
pub mod convention;
pub mod diag;
pub mod diff;
pub mod facts;
pub mod field;
pub mod file_format;
pub mod fonts;
pub mod format;
pub mod input;
pub mod lang;
pub mod library;
pub mod output;
pub mod reference;
pub mod render;
pub mod schema;
pub mod source;
mod suggest;
pub mod upgrade;
pub mod validate;
pub mod wizard;

pub use check::{CheckOptions, check_file, check_files, check_text};
pub use convention::Convention;
pub use diag::{Code, Diagnostic, FileReport, Severity};
pub use lang::{Lang, Text};
pub use library::ClauseLibrary;
