//! The document model of one edition: a checked convention's answers
//! through the clause templates into numbered articles, parties, annexes,
//! signature blocks and, for drafts and reviews, the open findings.

use super::annexes;
use super::model::{Article, Document, Draft, PartyBlock, Review, Signatory, Signature};
use super::print::markers::ProblemKind;
use super::templates::{Origins, Rendered, render_clause};
use super::text::{self, escape_markdown};
use super::values::{self, Formatter};
use super::{RenderError, RenderOptions, with_language};
use crate::convention::Convention;
use crate::diag::{Diagnostic, FileReport, Severity};
use crate::lang::Lang;
use crate::library::ClauseLibrary;
use crate::library::contract;
use crate::source::SourceFile;
use crate::tr;
use minijinja::{Environment, ErrorKind, Value as JinjaValue};
use serde_json::{Map, Value as Json, json};
use std::collections::BTreeMap;
use std::sync::Arc;

/// In a draft, a required answer still missing reads « [à compléter] »
/// where the article needs it, rather than leaving a hole in the sentence.
fn fill_placeholders(record: &mut Json, fields: &[crate::library::Field], lang: Lang) {
    let Json::Object(map) = record else {
        return;
    };
    for field in fields
        .iter()
        .filter(|f| f.required && values::is_scalar(f.kind))
    {
        map.entry(field.name().to_string()).or_insert_with(|| {
            let text = tr!(lang, "[à compléter]", "[to be completed]");
            match field.kind {
                crate::library::FieldKind::Choice => json!({ "value": "", "label": text }),
                crate::library::FieldKind::Party => json!({
                    "id": "", "name": text, "short_name": text, "Short_name": text, "a": text, "de": text,
                }),
                _ => Json::String(text),
            }
        });
    }
}

pub(super) fn build_with(
    env: &Environment<'static>,
    origins: &Origins,
    conv: &Convention,
    library: &ClauseLibrary,
    report: &FileReport,
    options: &RenderOptions,
) -> Result<Document, RenderError> {
    let lang = options.lang.unwrap_or_else(|| conv.language());
    let currency = conv.currency();
    let fmt = Formatter {
        conv,
        lang,
        currency,
    };
    let header_text = |k: &str| conv.header.text(k).map(escape_markdown);

    // Article numbers first: cross-references need them while rendering.
    // An implicit clause (the definitions and rules of interpretation) is an
    // article of every convention, answered or not: its template defines the
    // terms other articles use (« jour ouvrable », « Conseil »).
    let mut present: Vec<&crate::library::Clause> = conv
        .clauses
        .iter()
        .filter_map(|c| library.clause(&c.id).filter(|spec| !spec.implicit))
        .chain(library.clauses().into_iter().filter(|c| c.implicit))
        .collect();
    present.sort_by_key(|c| (c.order, c.id().to_string()));
    let numbers: BTreeMap<String, usize> = present
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id().to_string(), i + 1))
        .collect();

    // Computed once: the annexes and the templates' context both read it.
    let facts = crate::facts::Facts::of(conv, library);
    let annexes = annexes::annexes(&facts, &fmt, lang);
    let annex_letters: BTreeMap<String, String> = annexes
        .iter()
        .map(|a| (a.key.clone(), a.letter.clone()))
        .collect();

    let mut clauses_ctx = Map::new();
    for clause in &present {
        if let Some(answers) = conv.clause(clause.id()) {
            let mut record = fmt.record(&clause.fields, answers);
            if options.draft {
                fill_placeholders(&mut record, &clause.fields, lang);
            }
            clauses_ctx.insert(clause.id().to_string(), record);
        }
    }
    let parties_ctx: Vec<Json> = conv.party_ids().map(|id| fmt.party(id.value)).collect();
    let end = conv
        .end_date()
        .map(|d| crate::format::date(d.value, lang))
        .unwrap_or_default();
    let instrument = conv
        .profile
        .as_deref()
        .and_then(|p| library.profile(p))
        .map_or(crate::library::Instrument::default(), |p| p.instrument);
    let this = instrument.this(lang);
    let delegated = conv
        .profile
        .as_deref()
        .and_then(|p| library.profile(p))
        .is_some_and(|p| p.delegated_service);
    // « l'autre partie » between two parties, « les autres parties » beyond.
    let two = conv.parties.len() == 2;
    let (others, to_others, of_others) = match (lang, two) {
        (Lang::Fr, true) => ("l'autre partie", "à l'autre partie", "de l'autre partie"),
        (Lang::Fr, false) => (
            "les autres parties",
            "aux autres parties",
            "des autres parties",
        ),
        (Lang::En, true) => (
            "the other party",
            "to the other party",
            "of the other party",
        ),
        (Lang::En, false) => (
            "the other parties",
            "to the other parties",
            "of the other parties",
        ),
    };
    let (all, another, no_party, any_party) = match (lang, two) {
        (Lang::Fr, true) => (
            "les deux parties",
            "l'autre partie",
            "aucune partie",
            "l'une ou l'autre partie",
        ),
        (Lang::Fr, false) => (
            "toutes les parties",
            "une autre partie",
            "aucune partie",
            "toute partie",
        ),
        (Lang::En, true) => (
            "both parties",
            "the other party",
            "neither party",
            "either party",
        ),
        (Lang::En, false) => ("all the parties", "another party", "no party", "any party"),
    };
    let many = conv.parties.len() >= 3;
    // A Quebec public body signs and the French version prevails: under the
    // Charter of the French language (s. 21) the French text alone is the
    // agreement. Decided once: the general provisions say it, and an English
    // edition bears no signatures.
    let french_alone = conv.clause(contract::GENERAL_PROVISIONS).is_some_and(|c| {
        c.text(contract::PREVAILING_VERSION.name()) == Some(contract::FRENCH_PREVAILS)
            && c.text(contract::GOVERNING_LAW.name()) == Some(contract::QUEBEC_LAW)
    }) && conv.party_ids().any(|id| conv.is_public(id.value));
    let conv_ctx = json!({
        "french_alone": french_alone,
        "title": header_text("title").unwrap_or_default(),
        "place": header_text("place").unwrap_or_default(),
        "reference": header_text("reference"),
        "effective_date": conv.effective_date().map(|d| crate::format::date(d.value, lang)).unwrap_or_default(),
        "end_date": end,
        "currency": currency,
        // What the document calls itself, for sentences: « la présente
        // convention » / « la présente entente », "this agreement".
        "this": this,
        "This": text::capitalize(this),
        "noun": instrument.noun(lang),
        // A service or collaboration agreement has no partnership budget
        // or funds of its own.
        "entente": instrument == crate::library::Instrument::Entente,
        "delegated_service": delegated,
        // Made in two languages: its general provisions say which prevails.
        "bilingual": options.bilingual || conv.is_bilingual(),
        "others": others,
        // The attached documents, with their annex letters.
        "attached": annexes
            .iter()
            .filter(|a| a.attached)
            .map(|a| json!({ "letter": a.letter, "title": a.title }))
            .collect::<Vec<_>>(),
        "to_others": to_others,
        "of_others": of_others,
        // Two parties are « les deux parties », each the other's « autre
        // partie »; three or more are « toutes les parties ».
        "two": two,
        "all": all,
        "another": another,
        "no_party": no_party,
        "No_party": text::capitalize(no_party),
        "any_party": any_party,
        "many": many,
        // Whether the audits include the financial statements: a year's
        // unspent money is then the audited figure.
        "audited_statements": facts.audits_financial_statements(),
        // Whether the fund manager's own cash is among the managed sums.
        "manager_cash": facts.fund_manager_pays_cash(),
    });

    let mut env = with_language(env, lang);
    // An enumeration a paragraph cites: `- {{ loop.index0 | letter }} …`
    // writes « a) » in French, "(a)" in English, which the reader turns
    // into a lettered list.
    env.add_filter("letter", move |index: usize| {
        crate::render::print::Numbering::Letters
            .label(index, lang)
            .unwrap_or_default()
    });
    env.add_filter("ordinal", move |v: JinjaValue| match v.as_i64() {
        Some(n) => crate::format::ordinal(n, lang),
        None => v.to_string(),
    });
    let numbers_fn = Arc::new(numbers.clone());
    env.add_function(
        "article",
        move |id: String| -> Result<String, minijinja::Error> {
            numbers_fn.get(&id).map(|n| n.to_string()).ok_or_else(|| {
                minijinja::Error::new(
                    ErrorKind::InvalidOperation,
                    format!("clause `{id}` is not in this convention; test it with has(\"{id}\")"),
                )
            })
        },
    );
    let has_ids = Arc::new(numbers.clone());
    env.add_function("has", move |id: String| has_ids.contains_key(&id));
    let letters = Arc::new(annex_letters);
    // A draft may lack the data of an annex its text refers to.
    let draft = options.draft;
    let missing = tr!(lang, "[à compléter]", "[to be completed]");
    env.add_function(
        "annex",
        move |key: String| -> Result<String, minijinja::Error> {
            if draft && !letters.contains_key(&key) {
                return Ok(missing.clone());
            }
            letters.get(&key).map(|c| c.to_string()).ok_or_else(|| {
                minijinja::Error::new(
                    ErrorKind::InvalidOperation,
                    format!("no annex `{key}` in this convention"),
                )
            })
        },
    );

    let base_ctx = |f: Json, clause_id: &str| {
        minijinja::context! {
            f => JinjaValue::from(minijinja::value::Serde(&f)),
            clause_id => clause_id,
            conv => JinjaValue::from(minijinja::value::Serde(&conv_ctx)),
            parties => JinjaValue::from(minijinja::value::Serde(&parties_ctx)),
            clauses => JinjaValue::from(minijinja::value::Serde(&clauses_ctx)),
        }
    };
    // A clause's or the recitals' text is numbered paragraphs: a layout
    // marker its template prints (from an expression, which the check at
    // load cannot see) is refused here, naming the template.
    let render_titled = |name: &str, ctx: JinjaValue| {
        let Rendered {
            text,
            article_title,
        } = render_clause(&env, origins, name, ctx)?;
        if unescaped_marker(&text) || article_title.as_deref().is_some_and(unescaped_marker) {
            return Err(RenderError::Template {
                template: origins.display(name),
                line: None,
                cause: ProblemKind::MarkerInText.describe(options.interface),
            });
        }
        Ok((text, article_title))
    };
    let render = |name: &str, ctx: JinjaValue| render_titled(name, ctx).map(|(text, _)| text);

    let preamble = render(
        &format!("{}/preamble.md.j2", lang.code()),
        base_ctx(Json::Null, crate::library::contract::PREAMBLE),
    )?;
    let regions = conv.clause_regions(
        report
            .source
            .as_ref()
            .map_or(usize::MAX, |s| s.text().len()),
    );
    let mut articles = Vec::new();
    for clause in &present {
        let id = clause.id();
        let number = numbers[id];
        let specific = format!("{}/clauses/{id}.md.j2", lang.code());
        // A clause's own template when there is one (its errors are
        // reported, never passed over for the generic one). The bundled
        // template of a clause the library marks `computed = false` was
        // written for the bundled clause and its annexes: an organisation
        // that opts out brings its own template, or gets the generic one.
        let bundled_for_computed = clause.computed() || origins.overridden(&specific);
        let name = if origins.exists(&specific) && bundled_for_computed {
            specific
        } else {
            format!("{}/clauses/_generic.md.j2", lang.code())
        };
        let f = clauses_ctx.get(id).cloned().unwrap_or_else(|| {
            // An implicit clause left unanswered has no answers, not no record.
            if clause.implicit {
                Json::Object(Map::new())
            } else {
                Json::Null
            }
        });
        let mut ctx_fields = f.clone();
        if name.ends_with("_generic.md.j2") {
            ctx_fields = generic_fields(clause, conv.clause(id), &fmt);
        }
        let (body, set_title) = render_titled(&name, base_ctx(ctx_fields, id))?;
        let review = options
            .annotate
            .then(|| review(clause, conv.clause(id), report, regions.get(id), lang));
        let title = set_title.unwrap_or_else(|| {
            clause
                .article_title
                .as_ref()
                .unwrap_or(&clause.title)
                .get(lang)
                .to_string()
        });
        articles.push(Article {
            number,
            label: article_label(number, lang),
            title,
            clause_id: id.to_string(),
            body: number_paragraphs(body.trim(), number),
            review,
        });
    }

    let parties = conv
        .parties
        .iter()
        .map(|p| {
            let t = |k: &str| p.text(k).map(escape_markdown);
            let rep = p.record("representative");
            let r = |k: &str| rep.and_then(|r| r.text(k)).map(escape_markdown);
            PartyBlock {
                id: p.text("id").unwrap_or_default().to_string(),
                name: t("name").unwrap_or_default(),
                short_name: t("short_name").unwrap_or_default(),
                address: t("address").unwrap_or_default(),
                constituted_under: t("constituted_under"),
                registration: t("registration"),
                public: p.text("id").is_some_and(|id| conv.is_public(id)),
                acting_through: t("acting_through"),
                representative: r("name").unwrap_or_default(),
                representative_title: r("title").unwrap_or_default(),
                mandate: r("mandate"),
                mandate_date: rep
                    .and_then(|r| r.typed("mandate_date", crate::field::Value::as_date))
                    .map(|d| crate::format::date(d.value, lang)),
                signatories: std::iter::once(Signatory {
                    name: r("name").unwrap_or_default(),
                    title: r("title").unwrap_or_default(),
                    mandate: r("mandate"),
                })
                .chain(p.records("cosignatories").iter().map(|c| {
                    let c = |k: &str| c.text(k).map(escape_markdown);
                    Signatory {
                        name: c("name").unwrap_or_default(),
                        title: c("title").unwrap_or_default(),
                        mandate: c("mandate").or_else(|| r("mandate")),
                    }
                }))
                .collect(),
            }
        })
        .collect::<Vec<_>>();
    let signatures = parties
        .iter()
        .map(|p| Signature {
            party_name: p.name.clone(),
            short_name: p.short_name.clone(),
            representative: p.representative.clone(),
            title: p.representative_title.clone(),
            mandate: p.mandate.clone(),
            signatories: p.signatories.clone(),
        })
        .collect();

    let draft = options.draft.then(|| Draft {
        banner: tr!(lang, "PROJET — NON VALIDÉ", "DRAFT — NOT VALIDATED"),
        letter: annexes::annex_letter(annexes.len()),
        findings: draft_findings(report, lang),
    });

    let kind = conv
        .profile
        .as_deref()
        .and_then(|p| library.profile(p))
        .map(|p| p.title.get(lang).to_string())
        .unwrap_or_default();
    let title = header_text("title").unwrap_or_default();
    let plain = |k: &str| conv.header.text(k).map(text::plain_text);
    let properties = super::model::Properties {
        title: plain("title").unwrap_or_default(),
        short_title: plain("short_title")
            .or_else(|| plain("title"))
            .unwrap_or_default(),
        reference: plain("reference"),
        parties: conv
            .parties
            .iter()
            .map(|p| p.text("name").map(text::plain_text).unwrap_or_default())
            .collect(),
    };
    // An English edition of such an agreement is a translation for
    // information: the French text alone is signed.
    let translation = french_alone && lang != Lang::Fr;
    Ok(Document {
        translation,
        lang,
        short_title: header_text("short_title").unwrap_or_else(|| title.clone()),
        title,
        kind,
        reference: header_text("reference"),
        place: header_text("place").unwrap_or_default(),
        this: this.to_string(),
        effective_date: conv_ctx["effective_date"]
            .as_str()
            .unwrap_or_default()
            .to_string(),
        end_date: conv_ctx["end_date"]
            .as_str()
            .unwrap_or_default()
            .to_string(),
        parties,
        preamble: preamble.trim().to_string(),
        articles,
        annexes,
        signatures,
        draft,
        properties,
    })
}

/// Whether a template's output holds a layout marker it printed (not one a
/// value holds: values are escaped, `\<!--`).
fn unescaped_marker(text: &str) -> bool {
    text.match_indices("<!--")
        .any(|(at, _)| !text[..at].ends_with('\\'))
}

/// The open findings a draft lists: the first few of each code, then how
/// many more (`pacte check` lists them all), so that a file with 100,000
/// identical findings makes an annex of a page, not of a thousand.
fn draft_findings(report: &FileReport, lang: Lang) -> Vec<String> {
    use crate::diag::human::SHOWN_PER_CODE;
    let mut seen: BTreeMap<crate::diag::Code, usize> = BTreeMap::new();
    let mut lines = Vec::new();
    for d in report
        .diagnostics
        .iter()
        .filter(|d| d.severity >= Severity::Warning)
    {
        let n = seen.entry(d.code).or_default();
        *n += 1;
        if *n <= SHOWN_PER_CODE {
            lines.push(finding_line(d, report.source.as_ref(), lang));
        }
    }
    for (code, n) in seen {
        if n > SHOWN_PER_CODE {
            let more = crate::format::count(n - SHOWN_PER_CODE, lang);
            lines.push(tr!(
                lang,
                "… et {more} autres constats {code} (`pacte check` les énumère tous)",
                "… and {more} more {code} findings (`pacte check` lists them all)"
            ));
        }
    }
    lines
}

/// « Article 1er » in French, "Article 1" in English.
pub fn article_label(number: usize, lang: Lang) -> String {
    match (lang, number) {
        (Lang::Fr, 1) => "Article 1er".to_string(),
        (Lang::Fr, n) => format!("Article {n}"),
        (Lang::En, n) => format!("Article {n}"),
    }
}

/// Numbers the paragraphs of an article body N.1, N.2 …, a lone paragraph
/// too, so every sentence can be cited by number (« le paragraphe 9.1 »).
/// Lists and tables belong to the paragraph before them.
fn number_paragraphs(body: &str, article: usize) -> String {
    let blocks: Vec<&str> = body
        .split("\n\n")
        .map(str::trim)
        .filter(|b| !b.is_empty())
        .collect();
    let is_paragraph = |b: &str| {
        !(b.starts_with("- ") || b.starts_with('|') || b.starts_with('>') || b.starts_with("**"))
    };
    if !blocks.iter().any(|b| is_paragraph(b)) {
        return blocks.join("\n\n");
    }
    let mut n = 0;
    blocks
        .iter()
        .map(|b| {
            if is_paragraph(b) {
                n += 1;
                format!("**{article}.{n}** {b}")
            } else {
                b.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// For a clause with no template of its own: each field with its prompt.
fn generic_fields(
    clause: &crate::library::Clause,
    answers: Option<&crate::field::Record>,
    fmt: &Formatter<'_>,
) -> Json {
    let items: Vec<Json> = clause
        .fields
        .iter()
        .filter_map(|field| {
            let value = answers?.get(field.name())?;
            // A party reads as its short name (« la Ville »), never as the
            // record templates get; a choice as its label.
            let party = |o: &serde_json::Map<String, Json>| {
                o.get("short_name")
                    .and_then(Json::as_str)
                    .map(str::to_string)
            };
            let separator = if fmt.lang == Lang::Fr { " ; " } else { "; " };
            let shown = match fmt.value(field, &value.value) {
                Json::String(s) => s,
                Json::Bool(b) => fmt.lang.yes_no(b).to_string(),
                Json::Object(o) if o.contains_key("label") => {
                    o["label"].as_str().unwrap_or_default().to_string()
                }
                Json::Object(o) if party(&o).is_some() => party(&o).unwrap_or_default(),
                other if values::is_scalar(field.kind) => other.to_string(),
                Json::Array(items) => items
                    .iter()
                    .map(|i| match i {
                        Json::String(s) => s.clone(),
                        Json::Object(o) => party(o).unwrap_or_else(|| {
                            o.values()
                                .filter_map(|v| v.as_str())
                                .collect::<Vec<_>>()
                                .join(", ")
                        }),
                        other => other.to_string(),
                    })
                    .collect::<Vec<_>>()
                    .join(separator),
                other => other.to_string(),
            };
            // A sentence of the library's, else prose as written, else the
            // field's label and its value.
            let text = match (&field.sentence, field.kind) {
                (Some(sentence), crate::library::FieldKind::Boolean) => {
                    if value.value != crate::field::Value::Bool(true) {
                        return None;
                    }
                    sentence.get(fmt.lang).to_string()
                }
                (Some(sentence), _) => sentence.get(fmt.lang).replacen("{}", &shown, 1),
                (None, crate::library::FieldKind::LongText) => shown,
                (None, _) => {
                    let colon = if fmt.lang == Lang::Fr { " :" } else { ":" };
                    format!(
                        "{}{colon} {}.",
                        escape_markdown(field.label(fmt.lang)),
                        text::after_colon(&shown)
                    )
                }
            };
            Some(json!({ "text": text }))
        })
        .collect();
    json!({ "items": items })
}

fn review(
    clause: &crate::library::Clause,
    answers: Option<&crate::field::Record>,
    report: &FileReport,
    region: Option<&std::ops::Range<usize>>,
    lang: Lang,
) -> Review {
    let empty_optional_fields = clause
        .fields
        .iter()
        .filter(|f| !f.required && answers.is_none_or(|a| a.get(f.name()).is_none()))
        .map(|f| format!("`{}` ({})", f.name(), escape_markdown(f.prompt(lang))))
        .collect();
    let findings = report
        .diagnostics
        .iter()
        .filter(|d| {
            d.span
                .as_ref()
                .zip(region)
                .is_some_and(|(s, r)| r.contains(&s.start))
        })
        .map(|d| finding_line(d, report.source.as_ref(), lang))
        .collect();
    Review {
        purpose: escape_markdown(clause.purpose.get(lang).trim()),
        empty_optional_fields,
        findings,
    }
}

fn finding_line(d: &Diagnostic, source: Option<&SourceFile>, lang: Lang) -> String {
    let at = source.zip(d.span.as_ref()).map(|(s, span)| {
        let p = s.position(span.start);
        tr!(
            lang,
            " (ligne {}, colonne {})",
            " (line {}, column {})",
            p.line,
            p.column
        )
    });
    let at = at.unwrap_or_default();
    // `clauses.duree.notice` in a message reads in italics, not between
    // backticks a PDF would print.
    // Each piece escaped keeps the spaces around it (« dans `x` contient »).
    let message = d
        .message
        .split('`')
        .enumerate()
        .map(|(n, part)| match (n % 2, escape_markdown(part)) {
            (1, code) if !code.is_empty() => format!("*{code}*"),
            (_, text) => {
                let space = |yes: bool| if yes { " " } else { "" };
                let lead = space(part.starts_with(char::is_whitespace));
                let trail = space(part.ends_with(char::is_whitespace) && !text.is_empty());
                format!("{lead}{text}{trail}")
            }
        })
        .collect::<String>();
    let severity = d.severity.name(lang);
    tr!(
        lang,
        "{} {severity}{at} : {message}",
        "{} {severity}{at}: {message}",
        d.code
    )
}
