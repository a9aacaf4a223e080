//! The things a question names besides roles: skills and tools through the taxonomy, and
//! qualifications, items after a verb ("need Java") and the asker's own lists ("I know A and B").

use std::ops::Range;

use super::form::{overlaps, span_of};
use super::{Cues, Word, YES_NO_STARTS};
use crate::knowledge::lookup::mentions::Mention;
use crate::knowledge::lookup::terms;
use crate::knowledge::text::stop_words::is_stop_word;
use crate::knowledge::KnowledgeBase;

/// Qualifications, read as items ("PhD", "master's degree").
pub(super) const QUALIFICATIONS: [&str; 11] = [
    "phd",
    "doctorate",
    "master",
    "bachelor",
    "degree",
    "certification",
    "certificate",
    "diploma",
    "bootcamp",
    "cert",
    "mba",
];

/// Words that introduce the thing needed or used ("need java", "use docker").
const ITEM_VERBS: [&str; 10] = [
    "need", "require", "use", "using", "know", "learn", "with", "knowing", "learning", "needed",
];

/// Skills, tools and qualifications named in the question, lower case, as written: taxonomy
/// entities (but not inside a role's name), qualifications, and, after "need"/"use", the
/// words named there. Also how many are taxonomy entities.
pub(super) fn items_of(
    kb: &KnowledgeBase,
    question: &str,
    words: &[Word],
    mentions: &[Mention],
    cues: &Cues,
) -> (Vec<String>, usize) {
    let cue_words = &cues.words;
    let in_role = |span: &Range<usize>| mentions.iter().any(|m| overlaps(&span_of(words, m), span));
    let mut items: Vec<(usize, String)> = Vec::new();
    let mut taken = vec![false; words.len()];
    for (span, _) in kb.taxonomy.mentions_in(question) {
        if in_role(&span) {
            continue;
        }
        mark(words, &span, &mut taken);
        items.push((span.start, question[span.clone()].to_lowercase()));
    }
    let entities = items.len();
    for (i, word) in words.iter().enumerate() {
        if taken[i] || !QUALIFICATIONS.contains(&word.one.as_str()) {
            continue;
        }
        let degree = words
            .get(i + 1)
            .filter(|next| next.one == "degree" || (next.text == "s" && word.one != "degree"));
        let end = match (degree, words.get(i + 2)) {
            (Some(next), Some(after)) if next.text == "s" && after.one == "degree" => i + 2,
            (Some(_), _) => i + 1,
            _ => i,
        };
        for t in &mut taken[i..=end] {
            *t = true;
        }
        let text = question[word.span.start..words[end].span.end].to_lowercase();
        items.push((word.span.start, text));
    }
    // Spellings the words above do not make out ("Ph.D." is the words "ph" and "d").
    for span in terms::qualification_spans(question) {
        let covers = |i: usize| overlaps(&words[i].span, &span);
        if !in_role(&span) && !(0..words.len()).any(|i| covers(i) && taken[i]) {
            mark(words, &span, &mut taken);
            items.push((span.start, question[span.clone()].to_lowercase()));
        }
    }
    items.extend(named_after_verbs(words, mentions, cue_words, &taken));
    items.extend(listed(words, &cues.lists, mentions, cue_words, &taken));
    items.sort_by_key(|(at, _)| *at);
    let mut found: Vec<String> = Vec::new();
    for (_, item) in items {
        if !found.contains(&item) {
            found.push(item);
        }
    }
    (found, entities)
}

fn mark(words: &[Word], span: &Range<usize>, taken: &mut [bool]) {
    for (i, word) in words.iter().enumerate() {
        if overlaps(&word.span, span) {
            taken[i] = true;
        }
    }
}

/// What an item verb names when no taxonomy entity stands there: "need rust" → "rust",
/// "is haskell useful" → "haskell". At most three words, up to a punctuation mark, a stop
/// word, a cue or a role.
fn named_after_verbs(
    words: &[Word],
    mentions: &[Mention],
    cue_words: &[bool],
    taken: &[bool],
) -> Vec<(usize, String)> {
    let in_role = |i: usize| mentions.iter().any(|m| m.words.contains(&i));
    let free =
        |i: usize| !taken[i] && !cue_words[i] && !in_role(i) && !is_stop_word(&words[i].text);
    let mut found = Vec::new();
    for (i, word) in words.iter().enumerate() {
        let after_verb = ITEM_VERBS.contains(&word.one.as_str());
        // "is rust useful…": the words between the opening verb and "useful".
        let before_judgement =
            i == 0 && YES_NO_STARTS.contains(&word.text.as_str()) && judged_later(words);
        if !after_verb && !before_judgement {
            continue;
        }
        let mut run: Vec<usize> = Vec::new();
        for (j, next) in words.iter().enumerate().skip(i + 1) {
            if next.after_break || run.len() == 3 {
                break;
            }
            if free(j) {
                run.push(j);
            } else if !run.is_empty() || !SKIPPABLE.contains(&next.text.as_str()) {
                break;
            }
        }
        if let (Some(&first), Some(&last)) = (run.first(), run.last()) {
            let text: Vec<&str> = words[first..=last]
                .iter()
                .map(|w| w.text.as_str())
                .collect();
            found.push((words[first].span.start, text.join(" ")));
        }
    }
    found
}

/// The asker's own skills, listed after "I know", "I'm good at"…: runs of words separated by
/// "and", "or" and commas, up to the end of the clause, a role or a cue.
fn listed(
    words: &[Word],
    starts: &[usize],
    mentions: &[Mention],
    cue_words: &[bool],
    taken: &[bool],
) -> Vec<(usize, String)> {
    let in_role = |i: usize| mentions.iter().any(|m| m.words.contains(&i));
    let mut found = Vec::new();
    for &start in starts {
        let mut run: Vec<usize> = Vec::new();
        let mut flush = |run: &mut Vec<usize>| {
            if let (Some(&first), Some(&last)) = (run.first(), run.last()) {
                if !run.iter().any(|&i| taken[i]) && run.len() <= 3 {
                    let text: Vec<&str> = words[first..=last]
                        .iter()
                        .map(|w| w.text.as_str())
                        .collect();
                    found.push((words[first].span.start, text.join(" ")));
                }
            }
            run.clear();
        };
        for (j, word) in words.iter().enumerate().skip(start) {
            let ends_clause = word.after_break && !word.after_comma && j > start;
            if ends_clause
                || in_role(j)
                || cue_words[j]
                || QUESTION_WORDS.contains(&word.text.as_str())
            {
                break;
            }
            if word.after_comma || matches!(word.text.as_str(), "and" | "or" | "plus") {
                flush(&mut run);
            }
            if !is_stop_word(&word.text) && !matches!(word.text.as_str(), "plus") {
                run.push(j);
            }
        }
        flush(&mut run);
    }
    found
}

/// Words that open the question part of a sentence, ending a list before them.
const QUESTION_WORDS: [&str; 12] = [
    "what", "which", "how", "who", "where", "can", "should", "would", "could", "is", "do", "any",
];

/// Whether a later word judges the item ("useful", "important", "necessary", "needed").
fn judged_later(words: &[Word]) -> bool {
    words.iter().skip(2).any(|w| {
        matches!(
            w.text.as_str(),
            "useful" | "important" | "necessary" | "needed" | "required" | "essential" | "worth"
        )
    })
}

/// Words an item verb may be followed by before the item ("need to know", "use a lot of").
const SKIPPABLE: [&str; 12] = [
    "to", "a", "an", "the", "know", "learn", "any", "some", "much", "lot", "of", "also",
];
