//! The one list of words that carry no meaning of their own: searching skips them, merging
//! does not compare bullets by them, and no role name is read from them.

/// Words too common to search, compare or name by: English function words, the words of
/// questions, and the words that set two roles side by side ("vs", "between").
///
/// A `match`, which compiles to comparisons on length and bytes: this runs for every word
/// of every fact indexed and every fact shown.
pub fn is_stop_word(word: &str) -> bool {
    matches!(
        word,
        "a" | "about"
            | "after"
            | "all"
            | "also"
            | "am"
            | "an"
            | "and"
            | "any"
            | "are"
            | "as"
            | "at"
            | "be"
            | "been"
            | "being"
            | "both"
            | "but"
            | "by"
            | "can"
            | "could"
            | "d"
            | "did"
            | "do"
            | "does"
            | "doing"
            | "e"
            | "each"
            | "etc"
            | "even"
            | "every"
            | "for"
            | "from"
            | "g"
            | "get"
            | "got"
            | "had"
            | "has"
            | "have"
            | "he"
            | "her"
            | "his"
            | "how"
            | "i"
            | "if"
            | "in"
            | "into"
            | "is"
            | "it"
            | "its"
            | "just"
            | "like"
            | "ll"
            | "m"
            | "many"
            | "me"
            | "more"
            | "most"
            | "much"
            | "my"
            | "no"
            | "not"
            | "of"
            | "on"
            | "one"
            | "or"
            | "other"
            | "our"
            | "out"
            | "re"
            | "s"
            | "she"
            | "should"
            | "so"
            | "some"
            | "such"
            | "t"
            | "than"
            | "that"
            | "the"
            | "their"
            | "them"
            | "then"
            | "there"
            | "these"
            | "they"
            | "this"
            | "those"
            | "to"
            | "ve"
            | "was"
            | "we"
            | "what"
            | "when"
            | "where"
            | "which"
            | "who"
            | "why"
            | "will"
            | "with"
            | "would"
            | "you"
            | "your"
            | "very"
            | "really"
            | "versus"
            | "vs"
            | "between"
            | "thing"
            | "things"
            | "way"
            | "tell"
            | "know"
    )
}

/// The nouns for a role itself: "which role", "data jobs". Never a role's name, nor a part
/// that says which role.
pub fn is_role_noun(word: &str) -> bool {
    matches!(word, "role" | "roles" | "job" | "jobs")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_words_are_function_words_not_content() {
        for word in ["a", "about", "like", "why", "with", "what", "vs", "between"] {
            assert!(is_stop_word(word), "{word}");
        }
        for word in ["pipelines", "python", "weather", "data", "engineer", "role"] {
            assert!(!is_stop_word(word), "{word}");
        }
        assert!(is_role_noun("jobs") && !is_role_noun("engineer"));
    }
}
