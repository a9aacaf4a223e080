//! Picks a role's definition from the prose under its heading.

/// The sentence that best says what the role is: "A Data Scientist is …" first, then any
/// "… Data Scientist is …", then the first sentence naming the role, then the first sentence.
pub(super) fn choose_definition(
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

/// Splits a paragraph into sentences at '.', '!' or '?' followed by a space and a capital,
/// except after abbreviations ("e.g.", "U.S.").
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for (at, c) in text.char_indices() {
        let end = at + c.len_utf8();
        if !matches!(c, '.' | '!' | '?') || at < start {
            continue;
        }
        let next = text[end..].strip_prefix(' ');
        let starts_sentence =
            next.is_some_and(|n| n.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()));
        if starts_sentence && !ends_with_abbreviation(&text[start..at]) {
            out.push(text[start..end].trim());
            start = end;
        }
    }
    out.push(text[start..].trim());
    out.retain(|s| !s.is_empty());
    out
}

fn ends_with_abbreviation(text: &str) -> bool {
    const ABBREVIATIONS: [&str; 8] = ["e.g", "i.e", "etc", "vs", "dr", "mr", "mrs", "ms"];
    let last = text.rsplit(' ').next().unwrap_or_default();
    let lower = last.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
        || last.contains('.')
        || (last.chars().count() == 1 && last.starts_with(char::is_uppercase))
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

    #[test]
    fn splits_sentences_but_not_abbreviations() {
        let text = "The U.S. Bureau says so. It uses tools, e.g. Python. Done!";
        let expected = [
            "The U.S. Bureau says so.",
            "It uses tools, e.g. Python.",
            "Done!",
        ];
        assert_eq!(sentences(text), expected);
    }
}
