//! "Did you mean": the closest known name to a misspelt one.

/// The candidate closest to `input`, if it is close enough to be a typo:
/// within a third of the input's length in edits (at least one), or differing
/// only in case, accents aside.
pub fn did_you_mean<'a>(
    input: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    // An edit distance costs the product of the two lengths: a name longer
    // than any real one (a 400,000-character party id) is no typo.
    const LONGEST: usize = 64;
    if input.len() > LONGEST {
        return None;
    }
    let input_lower = input.to_lowercase();
    let limit = (input.chars().count() / 3).max(1);
    candidates
        .into_iter()
        .filter(|c| c.len() <= LONGEST)
        .map(|c| (strsim::levenshtein(&input_lower, &c.to_lowercase()), c))
        .filter(|&(d, _)| d <= limit)
        .min_by_key(|&(d, c)| (d, c))
        .map(|(_, c)| c)
}

/// The question shown under a caret: « vouliez-vous dire « quorum » ? ».
pub fn question(suggestion: &str, lang: crate::Lang) -> String {
    crate::tr!(
        lang,
        "vouliez-vous dire « {suggestion} » ?",
        "did you mean `{suggestion}`?"
    )
}

#[cfg(test)]
mod tests {
    use super::did_you_mean;

    #[test]
    fn suggests_close_names_only() {
        let keys = ["quorum", "notice_days", "decision_rule"];
        assert_eq!(did_you_mean("quorom", keys), Some("quorum"));
        assert_eq!(did_you_mean("Quorum", keys), Some("quorum"));
        assert_eq!(did_you_mean("notice_day", keys), Some("notice_days"));
        assert_eq!(did_you_mean("budget", keys), None);
        let long = "v".repeat(100_000);
        assert_eq!(did_you_mean(&long, [long.as_str()]), None);
    }
}
