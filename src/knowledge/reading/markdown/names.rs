//! What a role's name is: a heading, label or cell read as a name by evidence (a few words
//! ending in a role noun, once ordinals, articles, nicknames and qualifiers are set aside),
//! and the names running text gives in lower case ("speaking of data analysts").

use crate::knowledge::reading::known::KnownRoles;
use crate::knowledge::reading::lines::{ends_with_role_noun, singular_role_name, split_versus};
use crate::knowledge::text::stop_words::is_stop_word;
use crate::knowledge::text::words::normalize;

/// First words that make a phrase ending in a role noun something else: a move ("From Data
/// Analyst", "To Data Engineer"), advice ("Choose ML Engineer if you"), a question, an
/// activity ("Mentoring Junior Data Scientists") or a group ("Other Engineers").
const NOT_A_NAME_START: [&str; 44] = [
    "about",
    "all",
    "any",
    "are",
    "as",
    "at",
    "becoming",
    "being",
    "best",
    "by",
    "can",
    "choose",
    "choosing",
    "common",
    "do",
    "does",
    "each",
    "every",
    "example",
    "examples",
    "for",
    "from",
    "how",
    "hiring",
    "in",
    "into",
    "is",
    "managing",
    "mentoring",
    "more",
    "most",
    "my",
    "on",
    "other",
    "our",
    "should",
    "their",
    "to",
    "typical",
    "what",
    "when",
    "which",
    "who",
    "why",
];

/// Whether a phrase starting with `word` reads as a phrase rather than a name.
pub(super) fn starts_as_phrase(word: &str) -> bool {
    NOT_A_NAME_START.contains(&word.to_lowercase().as_str())
}

/// Words that make a phrase a sentence or an aside rather than a name.
const NOT_IN_A_NAME: [&str; 9] = [
    "if", "you", "your", "vs", "versus", "than", "is", "are", "with",
];

/// Last words of a heading about many roles ("The 20 Data Roles", "Careers in Data").
const TOPIC_ENDINGS: [&str; 8] = [
    "roles",
    "positions",
    "jobs",
    "careers",
    "titles",
    "paths",
    "levels",
    "teams",
];

/// A role's name as read from a heading, label or cell, with the other names it gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Named {
    pub name: String,
    pub aliases: Vec<String>,
}

/// Why a text is not a role's name, for `kb check --explain`.
pub(super) type NotAName = &'static str;

/// `text` as a role's name, or why it is not one. "## 1. Machine Learning Engineer",
/// "Role 1: The Data Scientist (The Detective)", "DATA ANALYST", "Data Analysts",
/// "Job Description: Machine Learning Engineer", "ML Engineer (Machine Learning Engineer)",
/// "Machine Learning Scientist / Research Scientist" are names; "Entry paths", "From Data
/// Analyst", "Data Engineer + Data Scientist", "The 20 Data Roles" are not.
pub(super) fn read_name(text: &str) -> Result<Named, NotAName> {
    if text.len() > 160 {
        return Err("too long for a name");
    }
    let text = strip_markup(text);
    let text = strip_ordinal(text);
    // "Job Description: Machine Learning Engineer"; "Data Scientist: an overview".
    if let Some((before, after)) = text.split_once(':') {
        let after = after.trim();
        if after.is_empty() {
            return read_name(before);
        }
        if let Ok(named) = read_name(after) {
            if before.split_whitespace().count() <= 3 {
                return Ok(named);
            }
        }
        if before.split_whitespace().count() <= 6 {
            if let Ok(named) = read_name(before) {
                return Ok(named);
            }
        }
        return Err("a sentence or a label, not a name");
    }
    for dash in [" — ", " – ", " - "] {
        if let Some((before, _)) = text.split_once(dash) {
            return read_name(before);
        }
    }
    if text.contains(['?', '!', ';', '|', ',', '+', '=', '→', '>']) {
        return Err("a question, a list or a sentence, not a name");
    }
    if !split_versus(text).is_empty() {
        return Err("compares roles");
    }
    let (text, aside) = split_parenthetical(text);
    let mut named = plain_name(text)?;
    if let Some(aside) = aside {
        // "(MLE)" or "(Machine Learning Engineer)" is another name; "(The Detective)",
        // "(AI/ML)" or "(0–2 years)" is a nickname or a qualifier.
        if let Ok(other) = plain_name(aside) {
            named.aliases.push(other.name);
        } else if is_acronym(aside) {
            named.aliases.push(aside.to_string());
        }
    }
    Ok(named)
}

/// `text` as one of the names known before reading ("MLOps", "DataOps"), once markup,
/// ordinals and articles are set aside.
pub(super) fn known_name(text: &str, known: &KnownRoles) -> Option<Named> {
    let name = bare(text);
    known.contains(name).then(|| Named {
        name: name.to_string(),
        aliases: Vec::new(),
    })
}

/// A name with no parenthetical: maybe two names joined by '/', maybe with an acronym in
/// parentheses inside ("Machine Learning (ML) Engineer").
fn plain_name(text: &str) -> Result<Named, NotAName> {
    if let Some((first, second)) = text.split_once('/') {
        if let (Ok(mut first), Ok(second)) = (plain_name(first), plain_name(second)) {
            first.aliases.push(second.name);
            first.aliases.extend(second.aliases);
            return Ok(first);
        }
        if !text.contains(' ') || text.contains(" / ") {
            return Err("not one role's name");
        }
    }
    if let Some((before, rest)) = text.split_once('(') {
        if let Some((inner, after)) = rest.split_once(')') {
            let whole = format!("{} {}", before.trim(), after.trim());
            let mut named = plain_name(&whole)?;
            if is_acronym(inner.trim()) {
                named.aliases.push(
                    format!("{} {}", inner.trim(), after.trim())
                        .trim()
                        .to_string(),
                );
            }
            return Ok(named);
        }
    }
    let name = strip_article(strip_audience(text.trim()));
    let name = strip_role_word(name);
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.is_empty() || words.len() > 6 {
        return Err("not a few words");
    }
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    if NOT_A_NAME_START.contains(&lower[0].as_str()) {
        return Err("starts like a phrase, not a name");
    }
    if lower.iter().any(|w| NOT_IN_A_NAME.contains(&w.as_str())) {
        return Err("a phrase, not a name");
    }
    if lower.iter().any(|w| w.chars().all(|c| c.is_ascii_digit())) {
        return Err("counts or dates, not a name");
    }
    if TOPIC_ENDINGS.contains(&lower[lower.len() - 1].as_str()) {
        return Err("a topic about many roles");
    }
    if !ends_with_role_noun(name) || !name.chars().any(char::is_alphabetic) {
        return Err("does not end in a role noun (engineer, scientist, analyst…)");
    }
    if let Some((a, b)) = name.split_once(" and ").or_else(|| name.split_once(" or ")) {
        if (ends_with_role_noun(a) || ends_with_people(a)) && ends_with_role_noun(b) {
            return Err("names two roles");
        }
    }
    Ok(Named {
        name: singular_role_name(&recase(name)),
        aliases: Vec::new(),
    })
}

/// Whether `text` ends with a plural noun for people ("Quants", "Statisticians",
/// "Developers"): "Quants and Analysts" names two groups, not one role.
fn ends_with_people(text: &str) -> bool {
    let last = text
        .split_whitespace()
        .last()
        .unwrap_or_default()
        .to_lowercase();
    ["ists", "ians", "ers", "ors", "ants"]
        .iter()
        .any(|end| last.len() > end.len() + 1 && last.ends_with(end))
}

/// `text` without markup, ordinal and article: what is left to compare as a name.
pub(super) fn bare(text: &str) -> &str {
    strip_article(strip_ordinal(strip_markup(text)))
}

/// Emphasis marks, quotes, heading marks and a colon around a heading or label.
fn strip_markup(text: &str) -> &str {
    let markup = |c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '*' | '_' | '#' | '"' | '“' | '”' | '\'' | '`' | '>' | ':'
            )
    };
    text.trim_matches(markup)
}

/// "1. ", "4.1 ", "1) ", "#3 ", "IV. ", "Role 2: ", "Step 1 - ", "Part 3." before a name.
fn strip_ordinal(text: &str) -> &str {
    let mut rest = text.trim_start();
    for word in [
        "role", "part", "step", "no.", "number", "chapter", "section",
    ] {
        if rest.len() > word.len()
            && rest.is_char_boundary(word.len())
            && rest[..word.len()].eq_ignore_ascii_case(word)
            && rest[word.len()..].starts_with(char::is_whitespace)
            && rest[word.len()..]
                .trim_start()
                .starts_with(|c: char| c.is_ascii_digit())
        {
            rest = rest[word.len()..].trim_start();
            break;
        }
    }
    let rest_no_hash = rest.strip_prefix('#').unwrap_or(rest);
    let digits = rest_no_hash
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(rest_no_hash.len());
    let numbered = digits > 0 && rest_no_hash.starts_with(|c: char| c.is_ascii_digit());
    let roman = rest
        .find(['.', ')'])
        .filter(|&at| at > 0 && at <= 4)
        .filter(|&at| rest[..at].chars().all(|c| matches!(c, 'I' | 'V' | 'X')));
    let cut = if numbered {
        Some(rest.len() - rest_no_hash.len() + digits)
    } else {
        roman
    };
    let Some(cut) = cut else {
        return rest;
    };
    let after = rest[cut..].trim_start_matches([')', ':', '-', '–', '—', '.']);
    if after.starts_with(char::is_whitespace) || numbered && after.is_empty() {
        after.trim_start()
    } else {
        rest
    }
}

/// "For Aspiring Data Engineers" → "Data Engineers": advice addressed to a role.
fn strip_audience(name: &str) -> &str {
    for prefix in ["for aspiring ", "aspiring "] {
        if name.len() > prefix.len()
            && name.is_char_boundary(prefix.len())
            && name[..prefix.len()].eq_ignore_ascii_case(prefix)
        {
            return name[prefix.len()..].trim_start();
        }
    }
    name
}

/// "Data Steward role" → "Data Steward".
fn strip_role_word(name: &str) -> &str {
    for suffix in [" role", " position"] {
        let cut = name.len().wrapping_sub(suffix.len());
        if name.len() > suffix.len()
            && name.is_char_boundary(cut)
            && name[cut..].eq_ignore_ascii_case(suffix)
        {
            return name[..cut].trim_end();
        }
    }
    name
}

fn strip_article(name: &str) -> &str {
    for article in ["the ", "a ", "an "] {
        if name.len() > article.len()
            && name.is_char_boundary(article.len())
            && name[..article.len()].eq_ignore_ascii_case(article)
        {
            return name[article.len()..].trim_start();
        }
    }
    name
}

/// "MLE", "SRE", "BI", "MLOps": a short word with two or more capitals and no spaces.
fn is_acronym(text: &str) -> bool {
    let capitals = text.chars().filter(char::is_ascii_uppercase).count();
    (2..=8).contains(&text.len())
        && capitals >= 2
        && text.chars().all(|c| c.is_ascii_alphanumeric())
}

/// A name written in capitals ("DATA ENGINEER") in title case; short words that look like
/// acronyms ("ML", "BI", "AI") stay as they are. Any other name keeps its case.
fn recase(name: &str) -> String {
    let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
    let shouting = letters.len() > 4 && letters.iter().all(|c| c.is_uppercase());
    if !shouting {
        return name.to_string();
    }
    name.split_whitespace()
        .map(|word| {
            let lower = word.to_lowercase();
            if word.chars().count() <= 3 && !matches!(lower.as_str(), "and" | "of" | "for" | "the")
            {
                return word.to_string();
            }
            let mut chars = lower.chars();
            match chars.next() {
                Some(first) if !matches!(lower.as_str(), "and" | "of" | "for" | "the") => {
                    first.to_uppercase().chain(chars).collect()
                }
                _ => lower,
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether `word` (lower case) ends the words before a role noun in running text: a stop
/// word or a word of praise is never part of a role's name ("speaking *of* data analysts",
/// "*what* does a product manager do", "*good* data engineers").
fn ends_a_name(word: &str) -> bool {
    is_stop_word(word) || matches!(word, "good" | "great" | "job")
}

/// The roles named in running text, even in lower case: a role noun and the words before
/// it that can be part of a name ("data analysts" in "Speaking of data analysts, what…").
/// A bare noun ("engineers") names no role. Two names joined by "or" are one role's names
/// ("a DevOps engineer or site reliability engineer (SRE)").
pub(super) fn named_in_prose(text: &str) -> Vec<Named> {
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let mut found: Vec<Named> = Vec::new();
    let mut last_end = 0;
    for (at, token) in tokens.iter().enumerate() {
        let word = token.trim_matches(|c: char| !c.is_alphanumeric());
        if !ends_with_role_noun(word) || at < last_end {
            continue;
        }
        let mut start = at;
        while start > 0 && at - start < 3 {
            let before = tokens[start - 1];
            let bare = before.trim_matches(|c: char| !c.is_alphanumeric());
            let ends_clause = before.ends_with([',', '.', '?', '!', ';', ':', ')']);
            if ends_clause || bare.is_empty() || ends_a_name(&bare.to_lowercase()) {
                break;
            }
            start -= 1;
        }
        if start == at {
            continue;
        }
        let phrase: Vec<String> = tokens[start..=at]
            .iter()
            .map(|t| title_word(t.trim_matches(|c: char| !c.is_alphanumeric())))
            .collect();
        let Ok(mut named) = read_name(&phrase.join(" ")) else {
            continue;
        };
        if let Some(aside) = tokens
            .get(at + 1)
            .map(|t| t.trim_matches(|c: char| matches!(c, '(' | ')' | ',' | '.' | '?')))
        {
            if tokens[at + 1].starts_with('(') && is_acronym(aside) {
                named.aliases.push(aside.to_string());
            }
        }
        let follows_or = start > 0 && tokens[start - 1].eq_ignore_ascii_case("or");
        let key = normalize(&named.name);
        if found.iter().any(|f| normalize(&f.name) == key) {
            last_end = at + 1;
            continue;
        }
        match found.last_mut() {
            Some(previous) if follows_or && last_end + 1 == start => {
                previous.aliases.push(named.name);
                previous.aliases.extend(named.aliases);
            }
            _ => found.push(named),
        }
        last_end = at + 1;
    }
    found
}

/// A word of a name found in running text: "data" → "Data"; "DevOps", "ML" as written.
fn title_word(word: &str) -> String {
    if word.chars().any(char::is_uppercase) {
        return word.to_string();
    }
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// "Machine Learning Engineer (MLE)" → ("Machine Learning Engineer", Some("MLE")).
pub(super) fn split_parenthetical(text: &str) -> (&str, Option<&str>) {
    let trimmed = text.trim().trim_end_matches(':').trim_end();
    if let Some((name, aside)) = trimmed.strip_suffix(')').and_then(|t| t.rsplit_once('(')) {
        let aside = aside.trim();
        if !name.trim().is_empty() && !aside.is_empty() && !aside.contains(')') {
            return (name.trim_end(), Some(aside));
        }
    }
    (text, None)
}

#[cfg(test)]
mod tests;
