//! Line-level reading shared by both article layouts (the comparison template and free
//! prose): bullets, headings, role nouns, "A vs B" titles, aliases.

use crate::knowledge::model::Section;
use crate::knowledge::reading::parsed::ParsedRole;
use crate::knowledge::text::words::{normalize, singular};

/// Last words that make a Title Case phrase a role name ("Data Operations *Specialist*").
pub const ROLE_NOUNS: [&str; 30] = [
    "administrator",
    "advocate",
    "analyst",
    "architect",
    "associate",
    "consultant",
    "coordinator",
    "designer",
    "developer",
    "director",
    "engineer",
    "evangelist",
    "executive",
    "expert",
    "head",
    "intern",
    "lead",
    "manager",
    "modeler",
    "officer",
    "owner",
    "practitioner",
    "professional",
    "programmer",
    "researcher",
    "scientist",
    "specialist",
    "statistician",
    "steward",
    "strategist",
];

/// Phrases after which an article gives another name for a role.
const ALIAS_PHRASES: [&str; 5] = [
    "referred to as",
    "known as",
    "also called",
    "sometimes called",
    "often called",
];

/// The item text of a bullet line (`•`, `-`, `*`, `–`, `1.`, `2)` …), or `None` for other lines.
/// The text may be empty ("•" alone).
pub fn strip_bullet(line: &str) -> Option<&str> {
    let line = line.trim_start();
    let mut chars = line.chars();
    let first = chars.next()?;
    let rest = chars.as_str();
    let item = match first {
        // Markers that never start a word: the space after them is optional.
        '•' | '·' | '▪' | '◦' | '●' | '‣' => rest,
        // Markers that can start ordinary text ("-level", "*emphasis*") need a space.
        '-' | '*' | '–' | '—' => rest.strip_prefix(char::is_whitespace)?,
        '0'..='9' => strip_number(line)?,
        _ => return None,
    };
    Some(item.trim())
}

/// "12. text" or "3) text" → "text".
fn strip_number(line: &str) -> Option<&str> {
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits > 3 {
        return None;
    }
    line[digits..]
        .strip_prefix(['.', ')'])?
        .strip_prefix(char::is_whitespace)
}

/// The section a heading line names ("Key Responsibilities", "Tools and Software Used"…).
///
/// Headings are short, have no inner colon or final full stop and are not bullets or role
/// names, so list items and role sub-headings are never taken for them.
pub fn section_for_heading(line: &str) -> Option<Section> {
    let line = line
        .trim()
        .trim_start_matches('#')
        .trim_end_matches(':')
        .trim();
    // Cheapest tests first: this runs on every line of every article.
    let is_short_label = line.len() <= 80
        && !line.contains(':')
        && !line.ends_with(['.', '!', '?', ','])
        && (1..=6).contains(&line.split_whitespace().take(7).count())
        && strip_bullet(line).is_none()
        && !ends_with_role_noun(line);
    if !is_short_label {
        return None;
    }
    section_keyword(&line.to_lowercase())
}

/// The section a phrase is about, by keyword; used for headings and for list intros. The
/// keywords are the text layouts' cues in `knowledge::aspects`.
pub fn section_keyword(lower: &str) -> Option<Section> {
    crate::knowledge::reading::aspects::keyword_section(lower)
}

/// True if the phrase's last word is a role noun, singular or plural ("…Engineers").
pub fn ends_with_role_noun(phrase: &str) -> bool {
    let Some(last) = phrase.split_whitespace().last() else {
        return false;
    };
    let last = last.to_lowercase();
    ROLE_NOUNS.contains(&singular(&last).as_ref())
}

/// Splits "A vs. B" / "A vs B" / "A VS B" into trimmed, whitespace-collapsed parts.
pub fn split_versus(text: &str) -> Vec<String> {
    // ASCII lower-casing keeps byte offsets, so positions found in `lower` cut `text`.
    let lower = text.to_ascii_lowercase();
    let mut parts = Vec::new();
    let mut start = 0;
    let mut search = 0;
    while let Some(found) = lower[search..].find(" vs") {
        let at = search + found;
        let after = &lower[at + 3..];
        let separator = if after.starts_with(". ") {
            Some(5)
        } else if after.starts_with(' ') {
            Some(4)
        } else {
            None
        };
        search = at + 3;
        if let Some(len) = separator {
            parts.push(collapse_whitespace(&text[start..at]));
            start = at + len;
            search = start;
        }
    }
    if parts.is_empty() {
        return Vec::new();
    }
    parts.push(collapse_whitespace(&text[start..]));
    parts
}

/// Trims and collapses runs of whitespace to one space.
pub fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// "The Data Scientists" → "Data Scientist": a heading or an intro may name a role in the
/// plural or with an article. The name keeps its case; only a plural that leaves a role noun
/// is made singular.
pub fn singular_role_name(line: &str) -> String {
    let mut name = collapse_whitespace(line);
    for article in ["The ", "A ", "An "] {
        if let Some(rest) = name.strip_prefix(article) {
            name = rest.to_string();
            break;
        }
    }
    let start = name.rfind(' ').map_or(0, |space| space + 1);
    let last = singular(&name[start..]);
    if last.len() != name.len() - start && ends_with_role_noun(&last) {
        name = format!("{}{last}", &name[..start]);
    }
    name
}

/// Other names a sentence gives a role: "often referred to as a DataOps Engineer, …" gives
/// "DataOps Engineer". Only Title Case names ending in a role noun, or acronyms, count, so
/// "known as a business-focused scientist" gives nothing.
pub fn aliases_in(sentence: &str) -> Vec<String> {
    let lower = sentence.to_ascii_lowercase();
    let mut aliases: Vec<String> = Vec::new();
    for phrase in ALIAS_PHRASES {
        for (at, _) in lower.match_indices(phrase) {
            let alias = capitalised_name(&sentence[at + phrase.len()..]);
            let is_name = ends_with_role_noun(&alias) || is_acronym(&alias);
            if is_name && !aliases.contains(&alias) {
                aliases.push(alias);
            }
        }
    }
    aliases
}

/// The capitalised words at the start of `text`, after an optional article, up to the first
/// punctuation mark or lower-case word.
fn capitalised_name(text: &str) -> String {
    let mut words = text.split_whitespace().peekable();
    if words
        .peek()
        .is_some_and(|w| ["a", "an", "the"].contains(&w.to_lowercase().as_str()))
    {
        words.next();
    }
    let mut name = Vec::new();
    for word in words {
        let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
        if !bare.starts_with(|c: char| c.is_uppercase()) {
            break;
        }
        name.push(bare);
        if bare.len() < word.len() {
            break;
        }
    }
    name.join(" ")
}

/// Adds `alias` unless the role already has it (or it is the role's own name).
pub fn add_alias(role: &mut ParsedRole, alias: String) {
    let key = normalize(&alias);
    let known = role.names().any(|name| normalize(name) == key);
    if !known {
        role.aliases.push(alias);
    }
}

/// "MLE", "MLOps": one word with at least two capitals.
fn is_acronym(name: &str) -> bool {
    !name.contains(' ') && name.chars().filter(|c| c.is_uppercase()).count() >= 2
}

/// Splits a paragraph into sentences at '.', '!' or '?' followed by a space and a capital,
/// except after abbreviations ("e.g.", "U.S.").
pub fn sentences(text: &str) -> Vec<&str> {
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

    #[test]
    fn strips_bullet_markers() {
        assert_eq!(strip_bullet("  • Develop models."), Some("Develop models."));
        assert_eq!(strip_bullet("•Tight"), Some("Tight"));
        assert_eq!(
            strip_bullet("- research the data"),
            Some("research the data")
        );
        assert_eq!(strip_bullet("* item"), Some("item"));
        assert_eq!(strip_bullet("– item"), Some("item"));
        assert_eq!(strip_bullet("  1. Build: a base"), Some("Build: a base"));
        assert_eq!(strip_bullet("12) Twelve"), Some("Twelve"));
        assert_eq!(strip_bullet("•"), Some(""));
    }

    #[test]
    fn ordinary_lines_are_not_bullets() {
        for line in [
            "-level",
            "*emphasis*",
            "2024 was a year",
            "3.5 years",
            "Data Scientist",
            "",
        ] {
            assert_eq!(strip_bullet(line), None, "{line:?}");
        }
    }

    #[test]
    fn recognises_heading_variants() {
        let cases = [
            ("Definitions", Section::Definition),
            ("Key Responsibilities", Section::Responsibilities),
            ("Required Skills", Section::Skills),
            ("Skills", Section::Skills),
            ("Educational Backgrounds", Section::Education),
            ("Education:", Section::Education),
            ("Tools and Software Used", Section::Tools),
            ("Common Industries", Section::Industries),
            ("Outlooks", Section::Outlook),
            ("Practical Tips for Getting Started", Section::Tips),
            ("## Outlook", Section::Outlook),
        ];
        for (line, section) in cases {
            assert_eq!(section_for_heading(line), Some(section), "{line:?}");
        }
    }

    #[test]
    fn role_names_and_items_are_not_headings() {
        for line in [
            "Software Engineer",
            "Tools Specialist",
            "  • Skills in Python",
            "Programming languages: Python, R",
            "Salary Insights",
            "Table of contents",
            "The outlook is good.",
        ] {
            assert_eq!(section_for_heading(line), None, "{line:?}");
        }
    }

    #[test]
    fn splits_titles_on_versus() {
        assert_eq!(split_versus("A  B vs. C D"), vec!["A B", "C D"]);
        assert_eq!(split_versus("A VS B vs C"), vec!["A", "B", "C"]);
        assert_eq!(split_versus("Canvas versus paint"), Vec::<String>::new());
        assert_eq!(split_versus("A vs"), Vec::<String>::new());
    }

    #[test]
    fn finds_aliases_after_naming_phrases() {
        let text = "A Data Operations Specialist, often referred to as a DataOps Engineer, is…";
        assert_eq!(aliases_in(text), vec!["DataOps Engineer"]);
        let text = "Referred to as an MLOps Engineer, the role of the …";
        assert_eq!(aliases_in(text), vec!["MLOps Engineer"]);
        assert_eq!(aliases_in("also known as an MLE."), vec!["MLE"]);
    }

    #[test]
    fn ignores_descriptions_after_naming_phrases() {
        assert!(aliases_in("A Data Scientist is known as a business-focused scientist").is_empty());
        assert!(aliases_in("known as the Swiss Army Knife of data").is_empty());
        assert!(aliases_in("known as").is_empty());
    }
}
