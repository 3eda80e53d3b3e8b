//! The wizard's last step: the whole check, then the offer to render, through
//! the same rendering and the same write path as `pacte render`.

use super::{Prompter, Wizard, WizardError};
use crate::check::{CheckOptions, check_text};
use crate::output::{Target, WriteError, inspect, write_document};
use crate::render::{Format, PdfOptions, RenderOptions, document_timestamp, file};
use crate::tr;

impl Wizard<'_> {
    /// The whole check, then the offer to render.
    pub(super) fn finish(&mut self, p: &mut dyn Prompter) -> Result<(), WizardError> {
        let lang = self.lang;
        self.save(p)?;
        let options = CheckOptions {
            lang,
            ..Default::default()
        };
        let checked = check_text(&self.path, self.doc.to_string(), self.library, &options);
        let shown = self.path.display().to_string();
        if checked.has_errors() {
            p.show(&self.plain_findings(&checked.report.diagnostics));
            p.show(&tr!(lang, "Convention enregistrée dans {shown}, avec des erreurs : corrigez-les avec `pacte edit {shown}`.", "Agreement saved to {shown}, with errors: fix them with `pacte edit {shown}`."));
            return Ok(());
        }
        // Complete means ready to sign: what `pacte check --final` says.
        let final_options = CheckOptions {
            lang,
            validate: crate::validate::Options {
                final_check: true,
                ..Default::default()
            },
            ..Default::default()
        };
        let signing = check_text(
            &self.path,
            self.doc.to_string(),
            self.library,
            &final_options,
        );
        let ready = !signing.has_errors();
        if signing.report.diagnostics.is_empty() {
            p.show(&tr!(
                lang,
                "✓ Convention complète et prête à signer, enregistrée dans {shown}.",
                "✓ Agreement complete and ready to sign, saved to {shown}."
            ));
        } else {
            p.show(&self.plain_findings(&signing.report.diagnostics));
            p.show(&if ready {
                tr!(lang, "✓ Convention complète, enregistrée dans {shown} ; revoyez les points ci-dessus (avec `pacte edit {shown}`) avant la signature.", "✓ Agreement complete, saved to {shown}; review the points above (with `pacte edit {shown}`) before signing.")
            } else {
                tr!(lang, "Convention enregistrée dans {shown} ; elle n'est pas encore prête à signer : réglez les points ci-dessus avec `pacte edit {shown}`.", "Agreement saved to {shown}; it is not ready to sign yet: settle the points above with `pacte edit {shown}`.")
            });
        }
        let Some(conv) = checked.convention.as_ref() else {
            return Ok(());
        };
        // One question for both documents; a PDF to sign only when the
        // agreement can be signed.
        let mut items = vec![tr!(
            lang,
            "la version Markdown, pour révision",
            "the Markdown version, for review"
        )];
        if ready {
            items.insert(
                0,
                tr!(
                    lang,
                    "la version Markdown et le PDF à signer",
                    "the Markdown version and the PDF to sign"
                ),
            );
            items.push(tr!(lang, "le PDF à signer", "the PDF to sign"));
        }
        items.push(tr!(lang, "rien pour l'instant", "nothing for now"));
        let help = tr!(
            lang,
            "Les documents sont écrits à côté de la convention ; `pacte render` les produit aussi à tout moment.",
            "The documents are written next to the agreement; `pacte render` also produces them at any time."
        );
        let question = tr!(lang, "Produire maintenant", "Produce now");
        let choice = super::prompter::staying(|| p.select(&question, &help, &items, Some(0)))?;
        let wanted: &[&str] = match choice {
            0 if ready => &["md", "pdf"],
            0 => &["md"],
            1 if ready => &["md"],
            2 if ready => &["pdf"],
            _ => &[],
        };
        for &ext in wanted {
            let out = self.path.with_extension(ext);
            let out_shown = out.display().to_string();
            let refused = |e: &WriteError| match e {
                WriteError::Theirs => tr!(
                    lang,
                    "{out_shown} existe et n'a pas été produit par pacte : rien n'est écrit (utilisez `pacte render --force`).",
                    "{out_shown} exists and was not written by pacte: nothing written (use `pacte render --force`)."
                ),
                other => other.describe(&out, lang),
            };
            // Asked before typesetting: a file that will not be replaced is
            // said at once, and the next document is still offered.
            match inspect(&out) {
                Target::Theirs => {
                    p.show(&refused(&WriteError::Theirs));
                    continue;
                }
                Target::NotRegular(kind) => {
                    p.show(&refused(&WriteError::NotRegular(kind)));
                    continue;
                }
                Target::Absent | Target::Ours => {}
            }
            let format = if ext == "md" {
                Format::Markdown
            } else {
                let timestamp =
                    document_timestamp().map_err(|e| WizardError::Io(e.describe(lang)))?;
                Format::Pdf(PdfOptions {
                    paper: None,
                    timestamp,
                })
            };
            let bytes = match file(
                format,
                conv,
                self.library,
                &checked.report,
                &RenderOptions::default(),
            ) {
                Ok(bytes) => bytes,
                Err(e) => {
                    let e = e.describe(lang);
                    p.show(&tr!(lang, "rendu impossible : {e}", "cannot render: {e}"));
                    continue;
                }
            };
            match write_document(&out, &bytes, false) {
                Ok(()) => p.show(&format!("  → {out_shown}")),
                Err(e @ WriteError::Failed { .. }) => {
                    return Err(WizardError::Io(e.describe(&out, lang)));
                }
                Err(e) => p.show(&refused(&e)),
            }
        }
        Ok(())
    }
}
