//! What a role is called besides its name: a slug for command lines and an acronym. How
//! names are compared is `knowledge::words`.

use super::words::split_words;

/// Longest slug, in bytes: two slugs and a section name must fit in a button's 100-character
/// `custom_id` (`/compare <a> <b> responsibilities`).
pub const SLUG_MAX: usize = 36;

/// A URL-safe identifier: "Machine Learning Engineer" → `machine-learning-engineer`; whole
/// words up to [`SLUG_MAX`] bytes (a single longer word is cut).
pub fn slugify(name: &str) -> String {
    let mut slug = String::with_capacity(name.len().min(SLUG_MAX));
    for word in split_words(name) {
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
    let words: Vec<&str> = split_words(name).collect();
    if words.len() < 3 {
        return None;
    }
    Some(
        words
            .iter()
            .filter_map(|w| w.chars().next())
            .flat_map(char::to_uppercase)
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(acronym("Machine Learning Engineer").as_deref(), Some("MLE"));
        assert_eq!(acronym("MLOps Engineer"), None);
        assert_eq!(acronym("Engineer"), None);
    }
}
