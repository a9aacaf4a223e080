//! Picks a role's definition from the prose under its heading.

use crate::knowledge::reading::lines::sentences;

/// The sentence that best says what the role is: "A Data Scientist is …" first, then any
/// "… Data Scientist is …", then the first sentence naming the role, then the first sentence.
pub(crate) fn choose_definition(
    paragraphs: &[(usize, String)],
    names: &[String],
) -> Option<(usize, String)> {
    let rank = |sentence: &str| {
        let lower = sentence.to_lowercase();
        let opens = |name: &String| {
            ["", "a ", "an ", "the "].iter().any(|article| {
                let start = format!("{article}{name} ");
                lower
                    .strip_prefix(&start)
                    .is_some_and(|rest| rest.starts_with("is ") || rest.starts_with("are "))
            })
        };
        if names.iter().any(opens) {
            0
        } else if names.iter().any(|n| lower.contains(&format!("{n} is "))) {
            1
        } else if names.iter().any(|n| lower.contains(n.as_str())) {
            2
        } else {
            3
        }
    };
    paragraphs
        .iter()
        .flat_map(|(line, text)| sentences(text).into_iter().map(move |s| (*line, s)))
        .filter(|(_, s)| !s.is_empty())
        .enumerate()
        .min_by_key(|(order, (_, sentence))| (rank(sentence), *order))
        .map(|(_, (line, sentence))| (line, sentence.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraphs(lines: &[&str]) -> Vec<(usize, String)> {
        lines
            .iter()
            .enumerate()
            .map(|(i, l)| (i + 1, l.to_string()))
            .collect()
    }

    #[test]
    fn prefers_a_sentence_saying_what_the_role_is() {
        let text = paragraphs(&[
            "The role of a Data Scientist is changing. A Data Scientist is a problem solver.",
            "Data Scientists are also paid well.",
        ]);
        let names = ["data scientist".to_string()];
        let chosen = choose_definition(&text, &names);
        assert_eq!(
            chosen,
            Some((1, "A Data Scientist is a problem solver.".to_string()))
        );
    }

    #[test]
    fn falls_back_to_a_sentence_naming_the_role_then_to_the_first() {
        let names = ["mlops engineer".to_string()];
        let text = paragraphs(&["It matters. As an MLOps Engineer, you deploy."]);
        let chosen = choose_definition(&text, &names).map(|(_, s)| s);
        assert_eq!(chosen.as_deref(), Some("As an MLOps Engineer, you deploy."));
        let text = paragraphs(&["It matters. A lot."]);
        let chosen = choose_definition(&text, &names).map(|(_, s)| s);
        assert_eq!(chosen.as_deref(), Some("It matters."));
        assert_eq!(choose_definition(&[], &names), None);
    }
}
