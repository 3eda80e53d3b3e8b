//! The term and every date inside it.

use super::{Ctx, walk_clauses};
use crate::convention::end_from_duration;
use crate::diag::{Code, Diagnostic};
use crate::field::Value;
use crate::format;
use crate::tr;
use chrono::{Months, NaiveDate};

pub(super) fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let lang = ctx.lang;
    let header = &ctx.conv.header;
    let end_date = header.typed("end_date", Value::as_date);
    let duration = header.typed("duration_months", Value::as_integer);
    let Some(start) = ctx.conv.effective_date() else {
        return;
    };

    match (&end_date, &duration) {
        (None, None)
            if header.get("end_date").is_none() && header.get("duration_months").is_none() =>
        {
            out.push(
                Diagnostic::new(
                    Code::TermMissing,
                    header.span.clone(),
                    tr!(
                        lang,
                        "la convention n'a ni date de fin ni durée",
                        "the agreement has neither an end date nor a duration"
                    ),
                )
                .help(tr!(
                    lang,
                    "ajoutez end_date = AAAA-MM-JJ ou duration_months = N dans [convention]",
                    "add end_date = YYYY-MM-DD or duration_months = N to [convention]"
                ))
                .plain(
                    tr!(
                        lang,
                        "la convention n'a ni date de fin ni durée",
                        "the agreement has neither an end date nor a duration"
                    ),
                    tr!(
                        lang,
                        "dans l'en-tête, donnez la date de fin ou la durée en mois",
                        "in the header, give the end date or the duration in months"
                    ),
                ),
            )
        }
        (Some(end), Some(months)) => {
            if let Some(implied) = end_from_duration(start.value, months.value)
                && implied != end.value
            {
                let (m, e, i) = (
                    months.value,
                    format::date(end.value, lang),
                    format::date(implied, lang),
                );
                out.push(
                    Diagnostic::new(
                        Code::TermConflict,
                        months.span.clone(),
                        tr!(
                            lang,
                            "une durée de {m} mois finit le {i}, mais end_date est le {e}",
                            "a duration of {m} months ends on {i}, but end_date is {e}"
                        ),
                    )
                    .help(tr!(
                        lang,
                        "gardez une seule des deux clés, ou accordez-les",
                        "keep only one of the two keys, or make them agree"
                    ))
                    .plain(
                        tr!(
                            lang,
                            "une durée de {m} mois finit le {i}, mais la date de fin donnée est le {e}",
                            "a duration of {m} months ends on {i}, but the end date given is {e}"
                        ),
                        tr!(
                            lang,
                            "dans l'en-tête, donnez la date de fin ou la durée, pas les deux",
                            "in the header, give the end date or the duration, not both"
                        ),
                    ),
                );
            }
        }
        _ => {}
    }

    let Some(end) = ctx.conv.end_date() else {
        return;
    };
    if end.value <= start.value {
        let (s, e) = (
            format::date(start.value, lang),
            format::date(end.value, lang),
        );
        out.push(
            Diagnostic::new(
                Code::DateOrder,
                end.span.clone(),
                tr!(
                    lang,
                    "la convention finit le {e}, avant ou le jour de son entrée en vigueur ({s})",
                    "the agreement ends on {e}, on or before its effective date ({s})"
                ),
            )
            .help(tr!(
                lang,
                "la date de fin doit suivre la date d'entrée en vigueur",
                "the end date must come after the effective date"
            )),
        );
        return;
    }

    walk_clauses(ctx, &mut |field, value, path| {
        let Value::Date(d) = value.value else { return };
        if !field.in_term || (start.value..=end.value).contains(&d) {
            return;
        }
        let (shown, s, e) = (
            format::date(d, lang),
            format::date(start.value, lang),
            format::date(end.value, lang),
        );
        out.push(
            Diagnostic::new(
                Code::DateOutsideTerm,
                value.span.clone(),
                tr!(
                    lang,
                    "`{path}` ({shown}) tombe hors de la durée de la convention",
                    "`{path}` ({shown}) falls outside the term of the agreement"
                ),
            )
            .label(tr!(
                lang,
                "la convention court du {s} au {e}",
                "the agreement runs from {s} to {e}"
            ))
            .help(tr!(
                lang,
                "choisissez une date entre le {s} et le {e}",
                "choose a date between {s} and {e}"
            )),
        );
    });

    let term_span = end.span.clone();
    let day_after_end = end.value.succ_opt().unwrap_or(end.value);
    if let Some(profile) = ctx.profile {
        if let Some(min) = profile.min_duration_months
            && start
                .value
                .checked_add_months(Months::new(min))
                .is_some_and(|m| day_after_end < m)
        {
            let (months, title) = (
                months_between(start.value, day_after_end),
                profile.title.get(lang),
            );
            out.push(
                    Diagnostic::new(Code::TermTooShort, term_span.clone(), tr!(lang, "la convention dure {months} mois ; un « {title} » vise au moins {min} mois", "the agreement lasts {months} months; a “{title}” is meant to last at least {min} months"))
                        .help(tr!(lang, "allongez la durée, ou choisissez un partenariat de réalisation pour un projet ponctuel", "lengthen the term, or choose a project partnership for a one-off project")),
                );
        }
        if let Some(max) = profile.max_duration_months
            && start
                .value
                .checked_add_months(Months::new(max))
                .is_some_and(|m| day_after_end > m)
        {
            let (months, title) = (
                months_between(start.value, day_after_end),
                profile.title.get(lang),
            );
            out.push(
                    Diagnostic::new(Code::TermTooLong, term_span.clone(), tr!(lang, "la convention dure {months} mois ; le profil « {title} » la limite à {max} mois", "the agreement lasts {months} months; the “{title}” profile caps it at {max} months"))
                        .help(tr!(lang, "raccourcissez la durée et prévoyez un renouvellement", "shorten the term and provide for a renewal")),
                );
        }
    }

    let term_days = (day_after_end - start.value).num_days();
    for notice in &ctx.facts.notices {
        if notice.value > term_days {
            let n = notice.value;
            out.push(
                Diagnostic::new(Code::NoticeExceedsTerm, notice.span.clone(), tr!(lang, "un préavis de {n} jours dépasse la durée de la convention ({term_days} jours)", "a notice of {n} days exceeds the agreement's term ({term_days} days)"))
                    .help(tr!(lang, "réduisez le préavis ou allongez la durée", "shorten the notice or lengthen the term")),
            );
        }
    }

    if let Some(evaluation) = &ctx.facts.assessments {
        let dues: Vec<NaiveDate> = evaluation.steps.iter().filter_map(|s| s.due).collect();
        let last_quarter = start.value + (day_after_end - start.value) * 3 / 4;
        if let Some(first) = dues.iter().min().filter(|&&d| d >= last_quarter) {
            let shown = format::date(*first, lang);
            out.push(
                Diagnostic::new(Code::EvaluationOnlyAtEnd, evaluation.span.clone(), tr!(lang, "la première évaluation n'a lieu que le {shown}, dans le dernier quart de la convention", "the first evaluation only happens on {shown}, in the last quarter of the agreement"))
                    .help(tr!(lang, "ajoutez une étape d'évaluation à mi-parcours", "add a mid-term evaluation step")),
            );
        }
    }
}

/// Whole months from `start` to `end` (exclusive).
fn months_between(start: NaiveDate, end: NaiveDate) -> u32 {
    let mut months = 0;
    while start
        .checked_add_months(Months::new(months + 1))
        .is_some_and(|d| d <= end)
    {
        months += 1;
    }
    months
}
