//! Every character the PDF will show can be drawn by its font (`P082`), so
//! that a convention which checks clean for signature also typesets.

use super::{Ctx, texts, walk_all};
use crate::convention::value::{Spanned, Value};
use crate::diag::{Code, Diagnostic};
use crate::library::Field;
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
