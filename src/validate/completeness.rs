//! Every clause the profile requires, every field a rule makes required, and
//! every element a clause must cover.

use super::Ctx;
use crate::diag::{Code, Diagnostic};
use crate::field::{Value, Why, missing_field};
use crate::library::Clause;
use crate::tr;

pub(super) fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let lang = ctx.lang;
    let kind_span = ctx.conv.header.span_of("kind");
    if let Some(profile) = ctx.profile {
        let profile_title = profile.title.get(lang);
        for id in &profile.clauses {
            let Some(clause) = ctx.library.clause(id) else {
                continue;
            };
            if clause.implicit || ctx.conv.clause(id).is_some() {
                continue;
            }
            let title = clause.title.get(lang);
            out.push(
                Diagnostic::new(Code::MissingClause, kind_span.clone(), tr!(lang, "la clause « {title} » ({id}) est absente", "clause “{title}” ({id}) is missing"))
                    .label(tr!(lang, "le profil « {profile_title} » l'exige", "the “{profile_title}” profile requires it"))
                    .help(tr!(lang, "ajoutez une table [clauses.{id}] ; `pacte clauses show {id}` en donne les champs", "add a [clauses.{id}] table; `pacte clauses show {id}` gives its fields"))
                    .plain(tr!(lang, "la clause « {title} » n'est pas remplie", "the “{title}” clause is not filled in"), tr!(lang, "le type de convention l'exige : remplissez-la depuis le menu de pacte edit", "this kind of agreement requires it: fill it in from pacte edit's menu")),
            );
        }
        for clause in &ctx.conv.clauses {
            if !profile.clauses.contains(&clause.id)
                && !profile.advised.contains(&clause.id)
                && !profile.optional.contains(&clause.id)
            {
                let title = ctx.clause_title(&clause.id);
                out.push(
                    Diagnostic::new(Code::ClauseOutsideProfile, clause.answers.span.clone(), tr!(lang, "la clause « {title} » ne fait pas partie du profil « {profile_title} »", "clause “{title}” is not part of the “{profile_title}” profile"))
                        .help(tr!(lang, "vérifiez `kind` dans [convention], ou retirez cette clause", "check `kind` in [convention], or remove this clause")),
                );
            }
        }
        for (id, fields) in &profile.require_fields {
            let (Some(answers), Some(spec)) = (ctx.conv.clause(id), ctx.library.clause(id)) else {
                continue;
            };
            for name in fields {
                if answers.get(name).is_none()
                    && let Some(field) = spec.field(name)
                {
                    let why = tr!(
                        lang,
                        "exigé par le profil « {profile_title} »",
                        "required by the “{profile_title}” profile"
                    );
                    let why = Why {
                        in_file: why.clone(),
                        in_words: why,
                    };
                    out.push(missing_field(
                        field,
                        &answers.span,
                        &format!("clauses.{id}"),
                        Some(&why),
                        lang,
                    ));
                }
            }
        }
    }
    for answers in &ctx.conv.clauses {
        let Some(spec) = ctx.library.clause(&answers.id) else {
            continue;
        };
        conditional_fields(ctx, spec, &answers.answers, out);
        coverage(ctx, spec, &answers.answers, out);
    }
}

/// `[[when]]` rules: a field becomes required when another has a given value.
fn conditional_fields(
    ctx: &Ctx<'_>,
    spec: &Clause,
    answers: &crate::field::Record,
    out: &mut Vec<Diagnostic>,
) {
    let lang = ctx.lang;
    for rule in &spec.when {
        let trigger = rule.field.get_ref();
        let Some(value) = answers.get(trigger) else {
            continue;
        };
        let shown = match &value.value {
            Value::Choice(s) => s.clone(),
            Value::Bool(b) => b.to_string(),
            _ => continue,
        };
        if !rule.holds(answers) {
            continue;
        }
        for name in &rule.ignore {
            let Some(ignored) = answers.get(name.get_ref()) else {
                continue;
            };
            let label = spec
                .field(name.get_ref())
                .map_or(name.get_ref().as_str(), |f| f.label(lang));
            let field = name.get_ref();
            out.push(
                Diagnostic::new(
                    Code::IgnoredAnswer,
                    ignored.span.clone(),
                    tr!(
                        lang,
                        "« {label} » ({field}) est sans effet parce que {trigger} = {shown} : la convention n'en dit rien",
                        "“{label}” ({field}) has no effect because {trigger} = {shown}: the agreement says nothing of it"
                    ),
                )
                .help(tr!(
                    lang,
                    "retirez {field}, ou changez {trigger} si cette réponse doit compter",
                    "remove {field}, or change {trigger} if this answer should count"
                ))
                .plain(
                    tr!(
                        lang,
                        "la réponse « {label} » est sans effet à cause d'une autre réponse de la clause",
                        "the answer “{label}” has no effect because of another answer in the clause"
                    ),
                    tr!(
                        lang,
                        "elle n'apparaîtra pas dans la convention ; changez l'autre réponse si elle doit compter",
                        "it will not appear in the agreement; change the other answer if it should count"
                    ),
                ),
            );
        }
        for name in &rule.require {
            if answers.get(name.get_ref()).is_none()
                && let Some(field) = spec.field(name.get_ref())
            {
                let trigger_field = spec.field(trigger);
                let trigger_label = trigger_field.map_or(trigger.as_str(), |f| f.label(lang));
                let shown_label = match &value.value {
                    Value::Bool(b) => lang.yes_no(*b).to_lowercase(),
                    _ => trigger_field
                        .and_then(|f| f.choice(&shown))
                        .map_or(shown.clone(), |c| c.label(lang).to_string()),
                };
                let why = Why {
                    in_file: tr!(
                        lang,
                        "parce que {trigger} = {shown}",
                        "because {trigger} = {shown}"
                    ),
                    in_words: tr!(
                        lang,
                        "parce que « {trigger_label} » vaut « {shown_label} »",
                        "because “{trigger_label}” is “{shown_label}”"
                    ),
                };
                out.push(missing_field(
                    field,
                    &answers.span,
                    &format!("clauses.{}", spec.id()),
                    Some(&why),
                    lang,
                ));
            }
        }
    }
}

/// `[[coverage]]` rules: the records of a field must include each listed value.
fn coverage(
    ctx: &Ctx<'_>,
    spec: &Clause,
    answers: &crate::field::Record,
    out: &mut Vec<Diagnostic>,
) {
    let lang = ctx.lang;
    let title = spec.title.get(lang);
    for rule in &spec.coverage {
        let field_name = rule.field.get_ref();
        // An absent list is already reported as a missing field.
        let Some(list) = answers.get(field_name) else {
            continue;
        };
        let records = answers.records(field_name);
        let list_spec = spec.field(field_name);
        let key_spec = list_spec.and_then(|f| f.subfield(&rule.key));
        let list_label = list_spec.map_or(field_name.as_str(), |f| f.label(lang));
        let key_label = key_spec.map_or(rule.key.as_str(), |k| k.label(lang));
        for wanted in &rule.values {
            if records
                .iter()
                .any(|r| r.text(&rule.key) == Some(wanted.as_str()))
            {
                continue;
            }
            let label = key_spec
                .and_then(|k| k.choice(wanted))
                .map_or(wanted.as_str(), |c| c.label(lang));
            let key = &rule.key;
            let id = spec.id();
            out.push(
                Diagnostic::new(
                    Code::CoverageIncomplete,
                    list.span.clone(),
                    tr!(
                        lang,
                        "la clause « {title} » ne couvre pas : {label}",
                        "clause “{title}” does not cover: {label}"
                    ),
                )
                .help(tr!(
                    lang,
                    "ajoutez une entrée [[clauses.{id}.{field_name}]] avec {key} = \"{wanted}\"",
                    "add a [[clauses.{id}.{field_name}]] entry with {key} = \"{wanted}\""
                ))
                .plain(
                    tr!(
                        lang,
                        "la clause « {title} » ne couvre pas : {label}",
                        "the “{title}” clause does not cover: {label}"
                    ),
                    tr!(
                        lang,
                        "dans « {list_label} », ajoutez une entrée « {key_label} » : {label}",
                        "in “{list_label}”, add an entry whose “{key_label}” is {label}"
                    ),
                ),
            );
        }
    }
}

/// Advised clauses and fields (`--final`).
pub(super) fn check_advised(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let lang = ctx.lang;
    let Some(profile) = ctx.profile else { return };
    let profile_title = profile.title.get(lang);
    let kind_span = ctx.conv.header.span_of("kind");
    for id in &profile.advised {
        if ctx.conv.clause(id).is_none() {
            let title = ctx.clause_title(id);
            out.push(
                Diagnostic::new(Code::AdvisedMissing, kind_span.clone(), tr!(lang, "la clause conseillée « {title} » ({id}) est absente", "advised clause “{title}” ({id}) is missing"))
                    .label(tr!(lang, "le profil « {profile_title} » la conseille", "the “{profile_title}” profile advises it"))
                    .help(tr!(lang, "ajoutez [clauses.{id}] ; `pacte clauses show {id}` explique pourquoi elle compte", "add [clauses.{id}]; `pacte clauses show {id}` explains why it matters"))
                    .plain(tr!(lang, "la clause conseillée « {title} » n'est pas remplie", "the advised clause “{title}” is not filled in"), tr!(lang, "remplissez-la depuis le menu de pacte edit ; son explication dit pourquoi elle compte", "fill it in from pacte edit's menu; its explanation says why it matters")),
            );
        }
    }
    for (id, fields) in &profile.advise_fields {
        let (Some(answers), Some(spec)) = (ctx.conv.clause(id), ctx.library.clause(id)) else {
            continue;
        };
        for name in fields {
            if answers.get(name).is_some() {
                continue;
            }
            let prompt = spec.field(name).map_or(name.as_str(), |f| f.prompt(lang));
            out.push(
                Diagnostic::new(
                    Code::AdvisedMissing,
                    answers.span.clone(),
                    tr!(
                        lang,
                        "le champ conseillé « {name} » est absent de [clauses.{id}]",
                        "advised field `{name}` is missing from [clauses.{id}]"
                    ),
                )
                .label(tr!(
                    lang,
                    "le profil « {profile_title} » le conseille",
                    "the “{profile_title}” profile advises it"
                ))
                .help(prompt.to_string())
                .plain(
                    tr!(
                        lang,
                        "une réponse conseillée manque : « {} »",
                        "an advised answer is missing: “{}”",
                        prompt.trim_end_matches(['?', ' ', '\u{a0}'])
                    ),
                    prompt.to_string(),
                ),
            );
        }
    }
}
