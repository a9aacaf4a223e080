//! How role names are compared, turned into slugs and abbreviated.

/// Lower-case words of letters and digits separated by single spaces, with a trailing plural
/// `s` dropped from the last word, so "Data Scientists" and "data-scientist" compare equal.
pub fn normalize(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for word in name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        push_lowercase(&mut out, word);
    }
    let last_word_len = out.rsplit(' ').next().map_or(0, str::len);
    if last_word_len > 3 && out.ends_with('s') && !out.ends_with("ss") {
        out.pop();
    }
    out
}

/// Appends `word` lower-cased: ASCII (nearly every word) in place, anything else by Unicode's
/// rules. Keys are built for every line of every article, so this is worth the fast path.
pub(crate) fn push_lowercase(out: &mut String, word: &str) {
    if word.is_ascii() {
        let start = out.len();
        out.push_str(word);
        out[start..].make_ascii_lowercase();
    } else {
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
}

/// Whether `text` starts with the ASCII `prefix`, ignoring ASCII case, without allocating.
pub(crate) fn starts_with_ignoring_case(text: &str, prefix: &str) -> bool {
    text.as_bytes()
        .get(..prefix.len())
        .is_some_and(|start| start.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// Whether `text` ends with the ASCII `suffix`, ignoring ASCII case, without allocating.
pub(crate) fn ends_with_ignoring_case(text: &str, suffix: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() >= suffix.len()
        && bytes[bytes.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
}

/// Longest slug, in bytes: two slugs and a section name must fit in a button's 100-character
/// `custom_id` (`/compare <a> <b> responsibilities`).
pub const SLUG_MAX: usize = 36;

/// A URL-safe identifier: "Machine Learning Engineer" → `machine-learning-engineer`; whole
/// words up to [`SLUG_MAX`] bytes (a single longer word is cut).
pub fn slugify(name: &str) -> String {
    let mut slug = String::with_capacity(name.len().min(SLUG_MAX));
    for word in name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let word: String = word.chars().flat_map(char::to_lowercase).collect();
        let room = SLUG_MAX.saturating_sub(slug.len() + usize::from(!slug.is_empty()));
        if word.len() > room {
            if slug.is_empty() {
                slug = word
                    .char_indices()
                    .take_while(|(i, c)| i + c.len_utf8() <= SLUG_MAX)
                    .map(|(_, c)| c)
                    .collect();
            }
            break;
        }
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(&word);
    }
    if slug.is_empty() {
        slug.push_str("role");
    }
    slug
}

/// Initials of a name of three or more words: "Machine Learning Engineer" → `mle`. Two
/// initials too often spell a word ("MLOps Engineer" → "me"), so shorter names get none.
pub fn acronym(name: &str) -> Option<String> {
    let words: Vec<&str> = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() < 3 {
        return None;
    }
    Some(
        words
            .iter()
            .filter_map(|w| w.chars().next())
            .flat_map(char::to_lowercase)
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_affixes_ignore_case_and_never_split_a_character() {
        assert!(starts_with_ignoring_case("Featured JOB 👀", "featured job"));
        assert!(!starts_with_ignoring_case("Feat", "featured job"));
        assert!(!starts_with_ignoring_case("é featured job", "featured job"));
        assert!(ends_with_ignoring_case("Mid-LEVEL", "-level"));
        assert!(!ends_with_ignoring_case("level", "-level"));
        assert!(!ends_with_ignoring_case("Mid-levél", "-level"));
    }

    #[test]
    fn normalize_folds_case_punctuation_and_plural() {
        assert_eq!(normalize("Data Scientists"), "data scientist");
        assert_eq!(normalize("  data-scientist "), "data scientist");
        assert_eq!(normalize("MLOps"), normalize("mlops"));
        assert_eq!(normalize("DS"), "ds");
        assert_eq!(normalize("Business"), "business");
    }

    #[test]
    fn slugs_are_lowercase_and_hyphenated() {
        assert_eq!(
            slugify("Machine Learning Engineer"),
            "machine-learning-engineer"
        );
        assert_eq!(slugify("C++ Developer (Senior)"), "c-developer-senior");
        assert_eq!(slugify("!!!"), "role");
    }

    #[test]
    fn slugs_stop_at_a_whole_word_within_the_limit() {
        let slug = slugify("Principal Applied Machine Learning Platform Reliability Engineer");
        assert!(slug.len() <= SLUG_MAX, "{slug}");
        assert_eq!(slug, "principal-applied-machine-learning");
        assert_eq!(slugify(&"x".repeat(100)).len(), SLUG_MAX);
        assert!(slugify(&"é".repeat(100)).len() <= SLUG_MAX);
    }

    #[test]
    fn acronyms_need_three_words() {
        assert_eq!(acronym("Machine Learning Engineer").as_deref(), Some("mle"));
        assert_eq!(acronym("MLOps Engineer"), None);
        assert_eq!(acronym("Engineer"), None);
    }
}
