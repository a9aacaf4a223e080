//! The words of a question and what its form says: each word with where it stands and the
//! punctuation before it; whether it opens like a yes/no question, asks which roles, names
//! the thing first, or says where the asker comes from.

use std::ops::Range;

use crate::knowledge::lookup::mentions::{never_in_a_name, Mention};
use crate::knowledge::reading::lines::ROLE_NOUNS;
use crate::knowledge::text::words::{singular, word_spans};

/// One word of a question, lower case, with where it stands in the text.
#[derive(Debug, Clone)]
pub(super) struct Word {
    pub(super) text: String,
    /// Its singular, for comparing with cues.
    pub(super) one: String,
    pub(super) span: Range<usize>,
    /// A punctuation mark stands between it and the word before…
    pub(super) after_break: bool,
    /// …and it is only a comma (lists go on after one).
    pub(super) after_comma: bool,
}

/// The bytes of the question a mention's words stand on.
pub(super) fn span_of(words: &[Word], mention: &Mention) -> Range<usize> {
    words[mention.words.start].span.start..words[mention.words.end - 1].span.end
}

/// Whether two byte ranges of the question share a byte.
pub(super) fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// Words that open a yes/no question.
pub(super) const YES_NO_STARTS: [&str; 14] = [
    "does", "do", "is", "are", "can", "should", "will", "would", "must", "could", "did", "has",
    "have", "am",
];

/// "which roles…", "what jobs…", "who uses…", "roles that use…".
pub(super) fn asks_which_roles(words: &[&str]) -> bool {
    let role_word = |w: &str| {
        matches!(
            singular(w).as_ref(),
            "role" | "job" | "career" | "position" | "title" | "profession"
        )
    };
    let using = |w: &str| {
        matches!(
            singular(w).as_ref(),
            "use" | "need" | "require" | "work" | "know" | "list"
        )
    };
    // Anywhere, so that the thing may come first: "Spark — which roles use it?".
    (0..words.len()).any(|i| match &words[i..] {
        ["who", "actually" | "really" | "still", verb, ..] | ["who", verb, ..] => using(verb),
        ["which" | "what", "of", "these" | "the" | "those", next, ..] => role_word(next),
        ["which" | "what", next, ..] => role_word(next),
        [role, "that" | "which" | "using" | "needing", ..] => role_word(role),
        _ => false,
    })
}

/// The thing a question names first, before a break ("spark: which roles use it?",
/// "excel — who uses it?"): one to three words that are no cue, role or stop word.
pub(super) fn thing_first(
    words: &[Word],
    cue_words: &[bool],
    mentions: &[Mention],
) -> Option<String> {
    let end = words.iter().position(|w| w.after_break)?;
    let free = |i: usize| {
        !cue_words[i]
            && !mentions.iter().any(|m| m.words.contains(&i))
            && !never_in_a_name(&words[i].text)
    };
    ((1..=3).contains(&end) && (0..end).all(free)).then(|| {
        let thing: Vec<&str> = words[..end].iter().map(|w| w.text.as_str()).collect();
        thing.join(" ")
    })
}

/// The thing a question asks to have defined, when it names nothing else ("what is model
/// drift?", "explain data lineage pls"): one to three words after "what is", "explain" or
/// "define" (and an article), up to a break, none a cue or a stop word, the last no role
/// noun (an unknown role is asked about otherwise).
pub(super) fn thing_defined(words: &[Word], cue_words: &[bool]) -> Option<String> {
    let texts: Vec<&str> = words.iter().map(|w| w.text.as_str()).collect();
    let start = match texts.as_slice() {
        ["what", "is" | "are" | "s", ..] | ["meaning", "of", ..] => 2,
        ["what's" | "whats" | "explain" | "define", ..] => 1,
        _ => return None,
    };
    let start = start + usize::from(matches!(texts.get(start), Some(&("a" | "an" | "the"))));
    let filler = |w: &str| matches!(w, "pls" | "please" | "exactly" | "actually" | "again");
    let end = (start..words.len())
        .find(|&i| (i > start && words[i].after_break) || filler(texts[i]))
        .unwrap_or(words.len());
    let thing = start..end;
    let free = |i: usize| !cue_words[i] && !never_in_a_name(texts[i]);
    let names_a_role = ROLE_NOUNS.contains(&words.get(end.wrapping_sub(1))?.one.as_str());
    ((1..=3).contains(&thing.len()) && thing.clone().all(free) && !names_a_role)
        .then(|| texts[thing].join(" "))
}

/// The question's words ([`word_spans`]), lower case, each knowing whether punctuation
/// stands before it.
pub(super) fn words_of(question: &str) -> Vec<Word> {
    let mut words = Vec::new();
    let mut last_end = 0;
    for (at, word) in word_spans(question) {
        // An apostrophe or a hyphen joins; other marks break a clause.
        let marks: String = question[last_end..at]
            .chars()
            .filter(|c| !c.is_whitespace() && !matches!(c, '\'' | '’' | '-' | '/'))
            .collect();
        push_word(question, at..at + word.len(), &marks, &mut words);
        last_end = at + word.len();
    }
    words
}

fn push_word(question: &str, span: Range<usize>, marks: &str, words: &mut Vec<Word>) {
    // Discord mentions were stripped where the question came in (`strip_mentions`).
    let text = question[span.clone()].to_lowercase();
    let one = singular(&text).into_owned();
    words.push(Word {
        text,
        one,
        span,
        after_break: !marks.is_empty(),
        after_comma: !marks.is_empty() && marks.chars().all(|c| c == ','),
    });
}

/// Slugs of the roles mentioned, each once, in order; a role right after "from" (or "I'm
/// a", "I work as") comes first, so "to X, coming from Y" reads as a move from Y. Also
/// whether one came from there.
pub(super) fn distinct_roles(
    words: &[&str],
    mentions: &[Mention],
    moves: bool,
) -> (Vec<String>, bool) {
    let mut found: Vec<String> = Vec::new();
    for mention in mentions {
        if !found.contains(&mention.role.slug) {
            found.push(mention.role.slug.clone());
        }
    }
    let from = mentions
        .iter()
        .find(|m| moves && comes_from(words, m.words.start))
        .map(|m| &m.role.slug);
    if let Some(from) = from {
        found.retain(|slug| slug != from);
        found.insert(0, from.clone());
    }
    (found, from.is_some())
}

/// Whether the word at `i` names where the asker comes from: right after "from", "I'm a",
/// "I am an", "I work as a", "currently a"…
fn comes_from(words: &[&str], i: usize) -> bool {
    let before: Vec<&str> = words[..i].iter().rev().take(4).copied().collect();
    let rest = match before.as_slice() {
        ["a" | "an" | "the", rest @ ..] => rest,
        rest => rest,
    };
    // "differs from X" compares with X; it comes from nowhere.
    if matches!(
        rest,
        [
            "from",
            "differ"
                | "differs"
                | "different"
                | "difference"
                | "apart"
                | "separate"
                | "separates"
                | "distinguish"
                | "distinguishes",
            ..
        ]
    ) {
        return false;
    }
    matches!(
        rest,
        ["from", ..]
            | ["being", "from", ..]
            | ["m", "i", ..]
            | ["am", "i", ..]
            | ["as", "work", "i", ..]
            | ["currently", ..]
            | ["as", "working", ..]
    )
}
