//! Consistency and completeness checks over a typed convention.
//!
//! [`validate`] is a pure function: a convention and a library in, diagnostics
//! out. Each family of rules lives in its own file and is a plain function of
//! the shared [`Ctx`]; the rules compute with the convention's
//! [`Facts`], never with clause ids or field names. Field-level checks (types, ranges, choices) happened
//! while loading ([`crate::field`]); the rules here look across
//! fields, clauses and parties.

mod completeness;
mod dates;
mod finality;
mod governance;
mod languages;
mod money;
mod parties;
mod printable;
mod provisions;
mod skipped;
mod terms;

use crate::convention::Convention;
use crate::diag::Diagnostic;
use crate::facts::Facts;
use crate::field::{Record, Spanned, Value};
use crate::lang::Lang;
use crate::library::{ClauseLibrary, Field, Profile};

/// What to check beyond completeness and consistency.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// Signature readiness: mandates, placeholders, advised clauses, and
    /// every character printable.
    pub final_check: bool,
    /// Every character printable by the PDF's font (before a PDF is made).
    pub printable: bool,
    /// A bilingual edition is being made (`render --bilingual`): held to
    /// what a convention promising both languages is.
    pub bilingual: bool,
}

/// What every rule sees.
pub(crate) struct Ctx<'a> {
    pub conv: &'a Convention,
    /// What the rules compute with.
    pub facts: Facts<'a>,
    pub library: &'a ClauseLibrary,
    pub profile: Option<&'a Profile>,
    pub lang: Lang,
}

impl<'a> Ctx<'a> {
    fn new(conv: &'a Convention, library: &'a ClauseLibrary, lang: Lang) -> Self {
        Ctx {
            conv,
            facts: Facts::of(conv, library),
            library,
            profile: conv.profile.as_deref().and_then(|p| library.profile(p)),
            lang,
        }
    }

    /// How a party is named in messages: its short name, else its id.
    pub fn party_name(&self, id: &str) -> String {
        self.conv
            .party(id)
            .and_then(|p| p.text("short_name"))
            .map_or_else(
                || id.to_string(),
                |s| match self.lang {
                    Lang::Fr => format!("« {s} »"),
                    Lang::En => format!("“{s}”"),
                },
            )
    }

    /// A clause's title in the interface language, for messages.
    pub fn clause_title(&self, id: &str) -> String {
        self.library
            .clause(id)
            .map_or_else(|| id.to_string(), |c| c.title.get(self.lang).to_string())
    }
}

/// Runs every rule.
pub fn validate(
    conv: &Convention,
    library: &ClauseLibrary,
    options: Options,
    lang: Lang,
) -> Vec<Diagnostic> {
    let ctx = Ctx::new(conv, library, lang);
    let mut out = Vec::new();
    completeness::check(&ctx, &mut out);
    parties::check(&ctx, &mut out);
    dates::check(&ctx, &mut out);
    governance::check(&ctx, &mut out);
    money::check(&ctx, &mut out);
    provisions::check(&ctx, &mut out);
    skipped::check(&ctx, &mut out);
    languages::check(&ctx, options, &mut out);
    terms::check(&ctx, &mut out);
    if options.final_check {
        completeness::check_advised(&ctx, &mut out);
        finality::check(&ctx, &mut out);
    }
    printable::hidden(&ctx, &mut out);
    printable::blank_lines(&ctx, &mut out);
    printable::transliteration(&ctx, &mut out);
    if options.final_check || options.printable {
        printable::check(&ctx, &mut out);
    }
    out
}

/// The checks of the words alone, for an edition other than the one
/// [`validate`] read: every other finding would repeat.
pub fn text_checks(conv: &Convention, library: &ClauseLibrary, lang: Lang) -> Vec<Diagnostic> {
    let ctx = Ctx::new(conv, library, lang);
    let mut out = Vec::new();
    terms::check(&ctx, &mut out);
    printable::hidden(&ctx, &mut out);
    printable::blank_lines(&ctx, &mut out);
    out
}

/// P088, for another edition of the same file: see
/// [`printable::paragraphs_match`].
pub fn paragraphs_match(
    ours: (&Convention, Lang),
    theirs: (&Convention, Lang),
    library: &ClauseLibrary,
    lang: Lang,
) -> Vec<Diagnostic> {
    printable::paragraphs_match(ours, theirs, library, lang)
}

/// Calls `visit` for every typed value in a record, depth first, with its
/// field specification and its path.
pub(crate) fn walk<'a>(
    fields: &'a [Field],
    record: &'a Record,
    path: &str,
    visit: &mut dyn FnMut(&'a Field, &'a Spanned<Value>, &str),
) {
    for (name, value) in &record.fields {
        let Some(field) = fields.iter().find(|f| f.name() == name) else {
            continue;
        };
        let here = format!("{path}.{name}");
        visit(field, value, &here);
        match &value.value {
            Value::Record(r) => walk(&field.fields, r, &here, visit),
            Value::Records(rs) => {
                for (i, r) in rs.iter().enumerate() {
                    walk(&field.fields, r, &format!("{here}[{}]", i + 1), visit);
                }
            }
            _ => {}
        }
    }
}

/// The texts a value holds, each with its span: one for a text, one per
/// item for a list of texts, none otherwise.
pub(crate) fn texts(value: &Spanned<Value>) -> Vec<(&str, crate::source::Span)> {
    match &value.value {
        Value::Text(s) => vec![(s.as_str(), value.span.clone())],
        Value::TextList(items) => items
            .iter()
            .map(|i| (i.value.as_str(), i.span.clone()))
            .collect(),
        _ => Vec::new(),
    }
}

/// Calls `visit` for every typed value of the convention: the header, each
/// party, each clause.
pub(crate) fn walk_all<'a>(
    ctx: &Ctx<'a>,
    visit: &mut dyn FnMut(&'a Field, &'a Spanned<Value>, &str),
) {
    walk(
        ctx.library.header_fields(),
        &ctx.conv.header,
        "convention",
        visit,
    );
    for (i, party) in ctx.conv.parties.iter().enumerate() {
        walk(
            ctx.library.party_fields(),
            party,
            &format!("parties[{}]", i + 1),
            visit,
        );
    }
    walk_clauses(ctx, visit);
}

/// Calls `visit` for every typed value of every clause.
pub(crate) fn walk_clauses<'a>(
    ctx: &Ctx<'a>,
    visit: &mut dyn FnMut(&'a Field, &'a Spanned<Value>, &str),
) {
    for clause in &ctx.conv.clauses {
        if let Some(spec) = ctx.library.clause(&clause.id) {
            walk(
                &spec.fields,
                &clause.answers,
                &format!("clauses.{}", clause.id),
                visit,
            );
        }
    }
}
