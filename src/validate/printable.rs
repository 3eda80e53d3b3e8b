//! What the document shows is what the text holds: every character can be
//! drawn by the PDF's font (`P082`), so that a convention which checks clean
//! for signature also typesets, and no invisible character changes how a
//! text reads (`P083`); a blank line is a paragraph only where the library
//! prints the answer as paragraphs (`P087`), split alike in every language
//! (`P088`).

use super::{Ctx, texts, walk_all};
use crate::convention::Convention;
use crate::diag::{Code, Diagnostic};
use crate::field::{Spanned, Value};
use crate::lang::Lang;
use crate::library::{ClauseLibrary, Field};
use crate::tr;

pub(super) fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let lang = ctx.lang;
    let mut visit = |_: &Field, value: &Spanned<Value>, path: &str| {
        for (text, span) in texts(value) {
            let Some(c) = crate::fonts::undrawable(text) else {
                continue;
            };
            let code = format!("U+{:04X}", u32::from(c));
            out.push(
                Diagnostic::new(
                    Code::Undrawable,
                    span,
                    tr!(
                        lang,
                        "`{path}` contient « {c} » ({code}), que la police du PDF ne peut pas imprimer",
                        "`{path}` contains “{c}” ({code}), which the PDF's font cannot draw"
                    ),
                )
                .help(tr!(
                    lang,
                    "remplacez ce caractère par un équivalent courant, ou écrivez-le en toutes lettres",
                    "replace the character with a common equivalent, or write it out in words"
                )),
            );
        }
    };
    walk_all(ctx, &mut visit);
}

/// P097: a name (a party's, a representative's, a signatory's) written only
/// in a right-to-left script, with no Latin letters beside it.
pub(super) fn transliteration(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let lang = ctx.lang;
    let mut visit = |_: &Field, value: &Spanned<Value>, path: &str| {
        let last = path.rsplit(['.', ']']).next().unwrap_or(path);
        if last != "name" {
            return;
        }
        for (text, span) in texts(value) {
            if !text.chars().any(crate::lang::is_right_to_left)
                || text.chars().any(|c| c.is_ascii_alphabetic())
            {
                continue;
            }
            out.push(
                Diagnostic::new(
                    Code::TransliterationSuggested,
                    span,
                    tr!(
                        lang,
                        "`{path}` n'est écrit qu'en alphabet arabe ou hébreu, sans transcription en lettres latines",
                        "`{path}` is written only in Arabic or Hebrew script, with no transcription in Latin letters"
                    ),
                )
                .help(tr!(
                    lang,
                    "ajoutez la transcription que consigne le registre, par exemple « Coopérative Al Amal (تعاونية الأمل) »",
                    "add the transcription the registry records, for example “Coopérative Al Amal (تعاونية الأمل)”"
                )),
            );
        }
    };
    walk_all(ctx, &mut visit);
}

/// P087: a blank line in an answer the templates print inside a sentence
/// or a table, where it is read as a space.
pub(super) fn blank_lines(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let lang = ctx.lang;
    let mut visit = |field: &Field, value: &Spanned<Value>, path: &str| {
        if field.paragraphs {
            return;
        }
        for (text, span) in texts(value) {
            if crate::field::paragraphs(text).nth(1).is_none() {
                continue;
            }
            out.push(
                Diagnostic::new(
                    Code::BlankLineIgnored,
                    span,
                    tr!(
                        lang,
                        "`{path}` contient une ligne vide, mais ce champ s'imprime dans une phrase ou un tableau : la ligne vide y devient une espace",
                        "`{path}` holds a blank line, but this field is printed inside a sentence or a table: the blank line becomes a space there"
                    ),
                )
                .help(tr!(
                    lang,
                    "écrivez la réponse d'un seul tenant, ou placez cette règle dans un champ qui s'imprime en paragraphes",
                    "write the answer in one piece, or put this rule in a field printed as paragraphs"
                )),
            );
        }
    };
    walk_all(ctx, &mut visit);
}

/// P088: a field printed as paragraphs has as many paragraphs in `other`,
/// the edition of the same file in language `two`, as in `conv`; otherwise a paragraph
/// number would name one provision in French and another in English.
pub(super) fn paragraphs_match(
    (conv, one): (&Convention, Lang),
    (other, two): (&Convention, Lang),
    library: &ClauseLibrary,
    lang: Lang,
) -> Vec<Diagnostic> {
    let counts = |c: &Convention| {
        let ctx = Ctx::new(c, library, lang);
        let mut found = Vec::new();
        let mut visit = |field: &Field, value: &Spanned<Value>, path: &str| {
            if let (true, Value::Text(text)) = (field.paragraphs, &value.value) {
                let n = crate::field::paragraphs(text).count();
                found.push((path.to_string(), n, value.span.clone()));
            }
        };
        walk_all(&ctx, &mut visit);
        found
    };
    let (ours, theirs) = (counts(conv), counts(other));
    let (one, two) = (one.name_in(lang), two.name_in(lang));
    let mut out = Vec::new();
    for (path, n, span) in theirs {
        let Some((_, m, _)) = ours.iter().find(|(p, ..)| *p == path) else {
            continue;
        };
        if *m == n {
            continue;
        }
        out.push(
            Diagnostic::new(
                Code::ParagraphsDiffer,
                span,
                tr!(
                    lang,
                    "`{path}` compte {m} paragraphe(s) en {one} et {n} en {two} : un même numéro de paragraphe viserait deux textes différents",
                    "`{path}` has {m} paragraph(s) in {one} and {n} in {two}: one paragraph number would name two different texts"
                ),
            )
            .help(tr!(
                lang,
                "coupez les deux versions aux mêmes endroits, par une ligne vide",
                "split both versions at the same places, with a blank line"
            )),
        );
    }
    out
}

/// A character that changes how text reads without being seen: controls
/// other than line breaks and tabs, direction embeddings, overrides and
/// isolates, line and paragraph separators.
fn hidden_character(text: &str) -> Option<char> {
    text.chars().find(|&c| {
        (c.is_control() && !matches!(c, '\n' | '\t' | '\r'))
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}')
    })
}

pub(super) fn hidden(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let lang = ctx.lang;
    let mut visit = |_: &Field, value: &Spanned<Value>, path: &str| {
        for (text, span) in texts(value) {
            let Some(c) = hidden_character(text) else {
                continue;
            };
            let code = format!("U+{:04X}", u32::from(c));
            out.push(
                Diagnostic::new(
                    Code::HiddenCharacter,
                    span,
                    tr!(
                        lang,
                        "`{path}` contient un caractère invisible ({code}) qui change la façon dont le texte se lit",
                        "`{path}` holds an invisible character ({code}) that changes how the text reads"
                    ),
                )
                .help(tr!(
                    lang,
                    "retirez-le ; pour écrire de droite à gauche, les mots suffisent",
                    "remove it; to write right to left, the words themselves are enough"
                )),
            );
        }
    };
    walk_all(ctx, &mut visit);
}
