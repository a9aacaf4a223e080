//! The first line of a yes/no answer ("do I need a PhD to be a machine learning
//! scientist?"): how strongly the facts say it, in their own words. "Typically holds a
//! Master's or Ph.D." is not a yes to "do I need", so only a fact that says "must" or
//! "required" makes a "Yes".

use std::ops::Range;

use crate::advisor::focus::Focus;
use crate::knowledge::reading::lines::sentences;
use crate::knowledge::{KnowledgeBase, Role};
use crate::reply::escape_user_text;

/// How strongly a fact asks for a thing, weakest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    /// Named, with no word for how much it counts ("Programming languages: Python, R").
    Named,
    /// Said not to be needed ("not required").
    Optional,
    /// A plus ("can be beneficial", "enhances").
    Helpful,
    /// Preferred by employers ("often preferred").
    Preferred,
    /// What the role usually has ("typically holds").
    Usual,
    /// Asked for ("must", "required").
    Required,
}

/// The words that say each strength, strongest first within a fact: "often preferred" is a
/// preference, not a usual; "not required" is not a requirement.
const CUES: [(Strength, &[&str]); 5] = [
    (
        Strength::Optional,
        &[
            "not required",
            "not necessary",
            "not mandatory",
            "not a must",
        ],
    ),
    (
        Strength::Required,
        &[
            "must",
            "required",
            "requires",
            "require",
            "mandatory",
            "essential",
            "necessary",
        ],
    ),
    (
        Strength::Preferred,
        &[
            "preferred",
            "prefer",
            "prefers",
            "advantage",
            "advantageous",
        ],
    ),
    (
        Strength::Helpful,
        &[
            "beneficial",
            "enhances",
            "enhance",
            "helpful",
            "useful",
            "valuable",
            "a plus",
            "bonus",
            "can",
            "may",
        ],
    ),
    (
        Strength::Usual,
        &[
            "typically",
            "usually",
            "generally",
            "commonly",
            "common",
            "often",
        ],
    ),
];

/// How strongly the sentence of `text` around `at` asks for what stands there, and the
/// word that says so.
pub fn strength_at(text: &str, at: &Range<usize>) -> (Strength, Option<&'static str>) {
    let mut offset = 0;
    let mut sentence = text;
    for part in sentences(text) {
        let start = text[offset..].find(part).map_or(offset, |i| offset + i);
        offset = start + part.len();
        if start <= at.start && at.start < offset {
            sentence = part;
            break;
        }
    }
    strength_of(sentence)
}

/// How strongly `sentence` asks for what it names, and the word that says so.
pub fn strength_of(sentence: &str) -> (Strength, Option<&'static str>) {
    let lower = sentence.to_lowercase();
    for (strength, words) in CUES {
        if let Some(word) = words.iter().find(|w| has_phrase(&lower, w)) {
            return (strength, Some(word));
        }
    }
    (Strength::Named, None)
}

/// Whether `phrase` stands in `lower` on word edges.
fn has_phrase(lower: &str, phrase: &str) -> bool {
    lower.match_indices(phrase).any(|(at, _)| {
        let before = lower[..at].chars().next_back();
        let after = lower[at + phrase.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The opening line: whether and how strongly the facts of `role` (`focused`, the texts
/// that name the thing) ask for it, quoting the word they use.
pub fn verdict(kb: &KnowledgeBase, role: &Role, focus: &Focus, focused: &[String]) -> String {
    let thing = escape_user_text(focus.name());
    let strongest = focused
        .iter()
        .filter_map(|text| Some(strength_at(text, &focus.find_in(kb, text)?)))
        .max_by_key(|(strength, _)| *strength);
    let Some((strength, cue)) = strongest else {
        return format!(
            "**No** article about the {} role names **{thing}**.",
            role.name
        );
    };
    let quoted = cue.map(|w| format!(" (\"{w}\")")).unwrap_or_default();
    let role = &role.name;
    match strength {
        Strength::Required => {
            format!("**Yes, required**: the articles say the {role} role needs **{thing}**{quoted}.")
        }
        Strength::Usual => format!(
            "**Usually, not a must**: the articles name **{thing}** as usual for the {role} role{quoted}, not as required."
        ),
        Strength::Preferred => format!(
            "**Preferred, not a must**: the articles name **{thing}** as preferred for the {role} role{quoted}, not as required."
        ),
        Strength::Helpful => format!(
            "**Helpful, not a must**: the articles name **{thing}** as a plus for the {role} role{quoted}, not as required."
        ),
        Strength::Optional => format!(
            "**Not required**: the articles say the {role} role does not need **{thing}**{quoted}."
        ),
        Strength::Named => format!(
            "**Named, not said to be required**: the articles name **{thing}** for the {role} role without saying how much it counts."
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_wording_says_its_strength() {
        let cases = [
            (
                "Typically holds a Master's or Ph.D. in Statistics.",
                Strength::Usual,
            ),
            (
                "Advanced degrees (Master’s or Ph.D.) are often preferred.",
                Strength::Preferred,
            ),
            (
                "Certifications in AWS can be beneficial.",
                Strength::Helpful,
            ),
            (
                "A degree in Computer Science is required.",
                Strength::Required,
            ),
            ("Programming languages: Python, R", Strength::Named),
            ("A PhD is not required.", Strength::Optional),
            (
                "Strong knowledge of Python enhances your profile.",
                Strength::Helpful,
            ),
        ];
        for (text, strength) in cases {
            assert_eq!(strength_of(text).0, strength, "{text}");
        }
    }

    #[test]
    fn the_sentence_around_the_thing_decides() {
        let text = "A degree is required. A PhD can help.";
        let at = text.find("PhD").expect("in the text");
        assert_eq!(strength_at(text, &(at..at + 3)).0, Strength::Helpful);
        assert_eq!(strength_at(text, &(2..8)).0, Strength::Required);
    }
}
