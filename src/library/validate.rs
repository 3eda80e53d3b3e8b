//! Checks a clause library before use: every field documented in both
//! languages, examples that pass their own field's checks, rules and profiles
//! that refer to things that exist, and no inheritance loop.

use super::{Clause, Field, FieldKind, Loaded, Profile, ProfileFile, report};
use crate::diag::{Code, Diagnostic, FileReport};
use crate::field::check_literal;
use crate::lang::{Lang, Text};
use crate::tr;
use std::collections::{BTreeMap, BTreeSet};

/// Diagnostics for every clause file, grouped by file.
pub(super) fn clauses(clauses: &BTreeMap<String, Loaded<Clause>>, lang: Lang) -> Vec<FileReport> {
    let mut reports = Vec::new();
    for loaded in clauses.values() {
        let mut diags = Vec::new();
        let clause = &loaded.value;
        check_fields(&clause.fields, true, lang, &mut diags);
        for rule in &clause.coverage {
            let field = clause.field(rule.field.get_ref());
            let key = field.and_then(|f| f.subfield(&rule.key));
            match (field, key) {
                (Some(f), Some(k))
                    if f.kind == FieldKind::Records && k.kind == FieldKind::Choice =>
                {
                    for v in &rule.values {
                        if k.choice(v).is_none() {
                            diags.push(unknown_ref(
                                rule.field.span(),
                                &format!("{}.{} = {v}", rule.field.get_ref(), rule.key),
                                lang,
                            ));
                        }
                    }
                }
                _ => diags.push(unknown_ref(
                    rule.field.span(),
                    &format!("{}.{}", rule.field.get_ref(), rule.key),
                    lang,
                )),
            }
        }
        for rule in &clause.when {
            if clause.field(rule.field.get_ref()).is_none() {
                diags.push(unknown_ref(rule.field.span(), rule.field.get_ref(), lang));
            }
            for name in rule.require.iter().chain(&rule.ignore) {
                if clause.field(name.get_ref()).is_none() {
                    diags.push(unknown_ref(name.span(), name.get_ref(), lang));
                }
            }
        }
        if !diags.is_empty() {
            reports.push(report(loaded.source.clone(), diags));
        }
    }
    reports
}

fn unknown_ref(span: std::ops::Range<usize>, what: &str, lang: Lang) -> Diagnostic {
    Diagnostic::new(
        Code::LibraryUnknownReference,
        span,
        tr!(
            lang,
            "référence à « {what} », qui n'existe pas",
            "reference to `{what}`, which does not exist"
        ),
    )
    .help(tr!(
        lang,
        "corrigez le nom, ou déclarez ce qui manque",
        "fix the name, or declare what is missing"
    ))
}

fn check_fields(fields: &[Field], top_level: bool, lang: Lang, diags: &mut Vec<Diagnostic>) {
    let mut names = BTreeSet::new();
    for field in fields {
        let name = field.name();
        let span = field.name.span();
        if !names.insert(name) {
            diags.push(
                Diagnostic::new(
                    Code::LibraryDuplicate,
                    span.clone(),
                    tr!(
                        lang,
                        "le champ « {name} » est déclaré deux fois",
                        "field `{name}` is declared twice"
                    ),
                )
                .help(tr!(
                    lang,
                    "renommez ou retirez l'une des deux déclarations",
                    "rename or remove one of the two declarations"
                )),
            );
        }
        // A yes-or-no field's sentence is printed when the answer is yes,
        // with no placeholder; any other sentence holds the answer once.
        let placeholders = usize::from(field.kind != FieldKind::Boolean);
        if let Some(sentence) = &field.sentence
            && [&sentence.fr, &sentence.en]
                .iter()
                .any(|t| t.matches("{}").count() != placeholders)
        {
            diags.push(
                Diagnostic::new(
                    Code::LibrarySchema,
                    span.clone(),
                    tr!(
                        lang,
                        "la phrase du champ « {name} » doit contenir `{{}}` une fois dans chaque langue (aucune fois pour un champ oui/non)",
                        "the sentence of field `{name}` must hold `{{}}` once in each language (never for a yes-or-no field)"
                    ),
                )
                .help(tr!(
                    lang,
                    "`{{}}` marque l'endroit où la réponse s'insère : « Le préavis est de {{}} jours. »",
                    "`{{}}` marks where the answer goes: \"The notice is {{}} days.\""
                )),
            );
        }
        let mut lacks = Vec::new();
        if !complete(&field.prompt) {
            lacks.push("prompt");
        }
        if !complete(&field.help) {
            lacks.push("help");
        }
        if top_level && field.example.is_none() {
            lacks.push("example");
        }
        if !lacks.is_empty() {
            let list = lacks.join(", ");
            diags.push(
                Diagnostic::new(Code::FieldIncomplete, span.clone(), tr!(lang, "le champ « {name} » n'a pas : {list}", "field `{name}` has no {list}"))
                    .help(tr!(lang, "chaque champ a une question (prompt) et une aide (help) en français et en anglais, et un exemple s'il est de premier niveau", "every field has a prompt and a help text in French and English, and an example if it is top-level")),
            );
        }
        let schema_error = match field.kind {
            FieldKind::Choice if field.choices.is_empty() => Some(tr!(
                lang,
                "le champ à choix « {name} » n'a pas de `choices`",
                "choice field `{name}` has no `choices`"
            )),
            k if k != FieldKind::Choice && !field.choices.is_empty() => Some(tr!(
                lang,
                "seul un champ `choice` peut avoir des `choices` (« {name} »)",
                "only a `choice` field may have `choices` (`{name}`)"
            )),
            k if k.has_subfields() && field.fields.is_empty() => Some(tr!(
                lang,
                "le champ « {name} » doit déclarer ses sous-champs (`fields`)",
                "field `{name}` must declare its sub-fields (`fields`)"
            )),
            k if field.paragraphs
                && (k != FieldKind::LongText || !top_level || field.sentence.is_some()) =>
            {
                Some(tr!(
                    lang,
                    "seul un champ `long_text` de premier niveau et sans phrase (`sentence`) peut avoir `paragraphs` (« {name} ») : ailleurs, ses paragraphes couperaient une phrase ou un tableau",
                    "only a top-level `long_text` field without a `sentence` may have `paragraphs` (`{name}`): elsewhere its paragraphs would cut a sentence or a table"
                ))
            }
            k if !k.has_subfields() && !field.fields.is_empty() => Some(tr!(
                lang,
                "seuls `record` et `records` ont des sous-champs (« {name} »)",
                "only `record` and `records` have sub-fields (`{name}`)"
            )),
            _ => None,
        };
        if let Some(message) = schema_error {
            diags.push(
                Diagnostic::new(Code::LibrarySchema, span.clone(), message).help(tr!(
                    lang,
                    "voir la section « Bibliothèque de clauses » du README",
                    "see the README's “Clause library” section"
                )),
            );
        }
        check_fields(&field.fields, false, lang, diags);
        let examples = field.example.iter().map(|e| (e, true));
        for (example, is_example) in examples.chain(field.suggested.iter().map(|e| (e, false))) {
            let Some(problem) = example_problem(field, example.get_ref(), lang) else {
                continue;
            };
            let what = match (is_example, lang) {
                (true, Lang::Fr) => "l'exemple (example)",
                (true, Lang::En) => "the example",
                (false, Lang::Fr) => "la réponse proposée (suggested)",
                (false, Lang::En) => "the suggested answer",
            };
            diags.push(
                Diagnostic::new(
                    Code::InvalidExample,
                    example.span(),
                    tr!(
                        lang,
                        "{what} du champ « {name} » n'est pas valide : {problem}",
                        "{what} of field `{name}` is not valid: {problem}"
                    ),
                )
                .help(tr!(
                    lang,
                    "corrigez cette valeur pour qu'elle respecte le type du champ",
                    "fix this value so it matches the field's type"
                )),
            );
        }
    }
}

fn complete(text: &Option<Text>) -> bool {
    text.as_ref()
        .is_some_and(|t| !t.fr.trim().is_empty() && !t.en.trim().is_empty())
}

/// Runs an example through the same typing as a user's answer.
fn example_problem(field: &Field, example: &toml::Value, lang: Lang) -> Option<String> {
    check_literal(field, &example.to_string(), lang)
        .err()
        .map(|d| d.message)
}

/// Resolves `extends` and checks every reference of every profile.
pub(super) fn profiles(
    profiles: &BTreeMap<String, Loaded<ProfileFile>>,
    clauses: &BTreeMap<String, Loaded<Clause>>,
    lang: Lang,
) -> Result<BTreeMap<String, Profile>, Vec<FileReport>> {
    let mut reports = Vec::new();
    let mut broken = extends_errors(profiles, lang);
    for loaded in profiles.values() {
        let p = &loaded.value;
        let mut diags = Vec::new();
        for id in p.clauses.iter().chain(&p.advised).chain(&p.optional) {
            if !clauses.contains_key(id.get_ref()) {
                diags.push(unknown_ref(id.span(), id.get_ref(), lang));
            }
        }
        for (clause, fields) in p.require_fields.iter().chain(&p.advise_fields) {
            for field in fields {
                let exists = clauses
                    .get(clause)
                    .is_some_and(|c| c.value.field(field).is_some());
                if !exists {
                    diags.push(unknown_ref(p.id.span(), &format!("{clause}.{field}"), lang));
                }
            }
        }
        if let Some(d) = broken.remove(p.id.get_ref()) {
            diags.push(d);
        }
        if !diags.is_empty() {
            reports.push(report(loaded.source.clone(), diags));
        }
    }
    if !reports.is_empty() {
        return Err(reports);
    }
    let order = |id: &String| clauses.get(id).map_or(u32::MAX, |c| c.value.order);
    // Parents first, each profile merged once over its resolved parent:
    // linear in the number of profiles, however long the chains.
    let mut resolved: BTreeMap<String, Profile> = BTreeMap::new();
    for id in profiles.keys() {
        let mut chain = Vec::new();
        let mut current = Some(id.as_str());
        while let Some(c) = current.filter(|c| !resolved.contains_key(*c)) {
            chain.push(c);
            current = profiles[c]
                .value
                .extends
                .as_ref()
                .map(|e| e.get_ref().as_str());
        }
        for c in chain.into_iter().rev() {
            let p = &profiles[c].value;
            let base = p.extends.as_ref().and_then(|e| resolved.get(e.get_ref()));
            let profile = resolve(c, p, base, &order);
            resolved.insert(c.to_string(), profile);
        }
    }
    Ok(resolved)
}

/// The errors of `extends`, by profile: a parent that does not exist, or a
/// loop (reported on every profile in it). One walk over the chains, each
/// profile visited once, so a chain of thousands is checked in linear time.
fn extends_errors(
    profiles: &BTreeMap<String, Loaded<ProfileFile>>,
    lang: Lang,
) -> BTreeMap<String, Diagnostic> {
    let mut errors = BTreeMap::new();
    let mut done: BTreeSet<&str> = BTreeSet::new();
    for start in profiles.keys() {
        let mut path: Vec<&str> = Vec::new();
        let mut on_path: BTreeMap<&str, usize> = BTreeMap::new();
        let mut current = start.as_str();
        loop {
            if done.contains(current) {
                break;
            }
            if let Some(&i) = on_path.get(current) {
                let cycle = &path[i..];
                for (k, id) in cycle.iter().enumerate() {
                    // Each profile's message starts from itself.
                    let mut names: Vec<&str> =
                        cycle[k..].iter().chain(&cycle[..k]).copied().collect();
                    names.push(id);
                    let loop_text = names.join(" → ");
                    let Some(parent) = &profiles[*id].value.extends else {
                        continue;
                    };
                    let d = Diagnostic::new(
                        Code::ProfileCycle,
                        parent.span(),
                        tr!(
                            lang,
                            "les profils s'étendent en boucle : {loop_text}",
                            "profiles extend one another in a loop: {loop_text}"
                        ),
                    )
                    .help(tr!(
                        lang,
                        "retirez `extends` de l'un des profils de la boucle",
                        "remove `extends` from one of the profiles in the loop"
                    ));
                    errors.insert(id.to_string(), d);
                }
                break;
            }
            on_path.insert(current, path.len());
            path.push(current);
            let Some(parent) = &profiles[current].value.extends else {
                break;
            };
            let name = parent.get_ref();
            if !profiles.contains_key(name) {
                let d = Diagnostic::new(
                    Code::ProfileCycle,
                    parent.span(),
                    tr!(
                        lang,
                        "le profil étend « {name} », qui n'existe pas",
                        "the profile extends `{name}`, which does not exist"
                    ),
                )
                .help(tr!(
                    lang,
                    "nommez un profil existant dans `extends`",
                    "name an existing profile in `extends`"
                ));
                errors.insert(current.to_string(), d);
                break;
            }
            current = profiles
                .get_key_value(name)
                .map_or(current, |(k, _)| k.as_str());
        }
        done.extend(path);
    }
    errors
}

/// Merges a profile over its resolved parent: lists are united, the child's
/// scalars win.
fn resolve(
    id: &str,
    p: &ProfileFile,
    parent: Option<&Profile>,
    order: &dyn Fn(&String) -> u32,
) -> Profile {
    let mut base = match parent {
        Some(parent) => parent.clone(),
        None => Profile {
            id: String::new(),
            title: Text::default(),
            description: Text::default(),
            clauses: Vec::new(),
            advised: Vec::new(),
            optional: Vec::new(),
            public_and_nonpublic: false,
            instrument: super::Instrument::default(),
            delegated_service: false,
            min_duration_months: None,
            max_duration_months: None,
            require_fields: BTreeMap::new(),
            advise_fields: BTreeMap::new(),
        },
    };
    base.id = id.to_string();
    base.title = p.title.clone();
    base.description = p.description.clone();
    let unite = |into: &mut Vec<String>, from: &[toml::Spanned<String>]| {
        for c in from {
            if !into.contains(c.get_ref()) {
                into.push(c.get_ref().clone());
            }
        }
        into.sort_by_key(|c| (order(c), c.clone()));
    };
    unite(&mut base.clauses, &p.clauses);
    unite(&mut base.advised, &p.advised);
    base.advised.retain(|c| !base.clauses.contains(c));
    unite(&mut base.optional, &p.optional);
    base.optional
        .retain(|c| !base.clauses.contains(c) && !base.advised.contains(c));
    if let Some(b) = p.public_and_nonpublic {
        base.public_and_nonpublic = b;
    }
    if let Some(i) = p.instrument {
        base.instrument = i;
    }
    if let Some(d) = p.delegated_service {
        base.delegated_service = d;
    }
    base.min_duration_months = p.min_duration_months.or(base.min_duration_months);
    base.max_duration_months = p.max_duration_months.or(base.max_duration_months);
    for (map, from) in [
        (&mut base.require_fields, &p.require_fields),
        (&mut base.advise_fields, &p.advise_fields),
    ] {
        for (clause, fields) in from {
            let entry = map.entry(clause.clone()).or_default();
            for f in fields {
                if !entry.contains(f) {
                    entry.push(f.clone());
                }
            }
        }
    }
    base
}
