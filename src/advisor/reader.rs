//! Reading a question in plain words: which roles it names, which skills, tools or
//! qualifications, which aspect it is about, and what it asks for.
//!
//! The reader finds three kinds of evidence and then decides in a fixed order:
//! - **roles**, by name or alias (typos tolerated in names of two words or more), the one
//!   after "from" or "I'm a" first ([`KnowledgeBase::mentions`]);
//! - **items**: taxonomy entities ("Tableau"), qualifications ("master's degree") and, after
//!   a word such as "need" or "use", whatever is named there, known or not ("rust");
//! - **cues**: the phrases of [`cues::CUES`], each saying what is asked or which aspect.
//!
//! [`decide`] turns them into an [`Intent`] by explicit rules, written in the order they
//! win. A question that names no role can follow up on the last one ([`Topic`]).

pub mod cues;

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use crate::jobs::model::LEVELS;
use crate::knowledge::mentions::{Mention, MAX_NAME_WORDS, STOP_WORDS};
use crate::knowledge::words::{normalize, singular};
use crate::knowledge::{KnowledgeBase, Section};
use cues::{Ask, Says, CUES};

/// What a question asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Intent {
    /// Two roles side by side (one role named twice: refused as the same role).
    Compare,
    /// Moving to a role, from a role or from skills.
    Path,
    /// One role in general.
    Profile,
    /// One aspect of one role.
    Aspect,
    /// Whether one role needs or uses one thing.
    YesNo,
    /// Which roles need or use a thing.
    Reverse,
    /// Which roles fit the asker's skills.
    Match,
    Salary,
    Jobs,
    /// The list of roles.
    Roles,
    Stats,
    Help,
    /// About the field's content, with no role: the facts that match.
    Search,
    /// Needs a role, and names none clearly: ask which.
    Clarify,
    /// Nothing rolecall can answer.
    Unknown,
}

impl Intent {
    /// The name used in the question corpus (`tests/questions/`).
    pub fn key(self) -> &'static str {
        match self {
            Intent::Compare => "compare",
            Intent::Path => "path",
            Intent::Profile => "profile",
            Intent::Aspect => "aspect",
            Intent::YesNo => "yes-no",
            Intent::Reverse => "reverse",
            Intent::Match => "match",
            Intent::Salary => "salary",
            Intent::Jobs => "jobs",
            Intent::Roles => "roles",
            Intent::Stats => "stats",
            Intent::Help => "help",
            Intent::Search => "search",
            Intent::Clarify => "clarify",
            Intent::Unknown => "unknown",
        }
    }
}

/// A question, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    pub intent: Intent,
    /// Slugs of the roles the question is about: for a path `[from, to]`, or `[to]` from
    /// skills.
    pub roles: Vec<String>,
    pub aspect: Option<Section>,
    /// Skills, tools and qualifications named, lower case, as written.
    pub items: Vec<String>,
    /// For a clarifying question: the roles the question may mean, most likely first…
    pub candidates: Vec<String>,
    /// …and what it asks of the one it means (`Salary`, `Aspect` or `Profile`).
    pub wanted: Option<Intent>,
    /// For the list of roles: words of role names that name no role alone ("engineer" in
    /// "engineer roles"), which the list is narrowed to.
    pub name_part: Option<String>,
    /// For jobs: the seniority asked for, as a `level` key ("senior").
    pub level: Option<&'static str>,
    /// For jobs: remote (true) or on-site (false) work asked for.
    pub remote: Option<bool>,
}

/// What a conversation was last about, so that a follow-up ("and the tools?", "what about
/// for a data scientist?") can refer to it. Kept per user and channel by the chat edge.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Topic {
    /// Role slugs, in the order they were named.
    pub roles: Vec<String>,
    pub aspect: Option<Section>,
    pub intent: Option<Intent>,
}

impl Reading {
    /// What a conversation is about after this reading, if it named a role.
    pub fn topic(&self) -> Option<Topic> {
        (!self.roles.is_empty()).then(|| Topic {
            roles: self.roles.clone(),
            aspect: self.aspect,
            intent: Some(self.intent),
        })
    }
}

/// One word of a question, lower case, with where it stands in the text.
#[derive(Debug, Clone)]
struct Word {
    text: String,
    /// Its singular, for comparing with cues.
    one: String,
    span: Range<usize>,
    /// A punctuation mark stands between it and the word before…
    after_break: bool,
    /// …and it is only a comma (lists go on after one).
    after_comma: bool,
}

/// Everything the reader found in a question.
struct Evidence<'k> {
    words: Vec<Word>,
    mentions: Vec<Mention<'k>>,
    /// Distinct roles in order, the one coming from first.
    roles: Vec<String>,
    from_role: bool,
    asks: Vec<Ask>,
    aspects: Vec<Section>,
    items: Vec<String>,
    /// How many of the items are skills or tools the taxonomy knows.
    entities: usize,
    /// The question starts like a yes/no question ("does", "is", "can"…).
    yes_no_form: bool,
    /// The question asks which roles ("which roles…", "who uses…").
    which_roles_form: bool,
}

impl Evidence<'_> {
    fn has(&self, ask: Ask) -> bool {
        self.asks.contains(&ask)
    }
}

/// Reads `question`, as a follow-up of `previous` when it names no role of its own.
pub fn read(kb: &KnowledgeBase, question: &str, previous: Option<&Topic>) -> Reading {
    let evidence = gather(kb, question);
    let mut reading = decide(kb, &evidence);
    if let Some(previous) = previous {
        follow_up(&mut reading, &evidence, previous);
    }
    reading
}

fn gather<'k>(kb: &'k KnowledgeBase, question: &str) -> Evidence<'k> {
    let words = words_of(question);
    let plain: Vec<&str> = words.iter().map(|w| w.text.as_str()).collect();
    let mentions = kb.mentions(&plain);
    let mut used = vec![false; words.len()];
    for mention in &mentions {
        used[mention.words.clone()]
            .iter_mut()
            .for_each(|u| *u = true);
    }
    let cues = match_cues(&words, &mut used);
    // In a comparison ("how does X differ from Y"), "from" says nothing of a move.
    let compares = cues.asks.contains(&Ask::Compare);
    let (roles, from_role) = distinct_roles(&plain, &mentions, !compares);
    let (items, entities) = items_of(kb, question, &words, &mentions, &cues);
    let (asks, aspects) = (cues.asks, cues.aspects);
    let first = plain.first().copied().unwrap_or_default();
    Evidence {
        yes_no_form: YES_NO_STARTS.contains(&first),
        which_roles_form: asks_which_roles(&plain),
        words,
        mentions,
        roles,
        from_role,
        asks,
        aspects,
        items,
        entities,
    }
}

/// Words that open a yes/no question.
const YES_NO_STARTS: [&str; 14] = [
    "does", "do", "is", "are", "can", "should", "will", "would", "must", "could", "did", "has",
    "have", "am",
];

/// "which roles…", "what jobs…", "who uses…", "roles that use…".
fn asks_which_roles(words: &[&str]) -> bool {
    let role_word = |w: &str| {
        matches!(
            singular(w).as_ref(),
            "role" | "job" | "career" | "position" | "title" | "profession"
        )
    };
    match words {
        ["who", verb, ..] => matches!(
            singular(verb).as_ref(),
            "use" | "need" | "require" | "work" | "know"
        ),
        ["which" | "what", next, ..] => role_word(next),
        _ => words.windows(2).any(|pair| {
            role_word(pair[0]) && matches!(pair[1], "that" | "which" | "using" | "needing")
        }),
    }
}

/// The question's words: lower-case runs of letters and digits, each knowing whether
/// punctuation stands before it.
fn words_of(question: &str) -> Vec<Word> {
    let mut words = Vec::new();
    let mut start = None;
    // The marks between the last word and the next one.
    let mut marks = String::new();
    for (at, c) in question.char_indices() {
        if c.is_alphanumeric() {
            start.get_or_insert(at);
            continue;
        }
        if let Some(from) = start.take() {
            push_word(question, from..at, &marks, &mut words);
            marks.clear();
        }
        // An apostrophe or a hyphen joins; other marks break a clause.
        if !c.is_whitespace() && !matches!(c, '\'' | '’' | '-' | '/') {
            marks.push(c);
        }
    }
    if let Some(from) = start {
        push_word(question, from..question.len(), &marks, &mut words);
    }
    words
}

fn push_word(question: &str, span: Range<usize>, marks: &str, words: &mut Vec<Word>) {
    let text = question[span.clone()].to_lowercase();
    // A Discord mention (`<@123>`, `<#9>`) is no word of the question.
    if marks.ends_with(['@', '#', '&', '!']) && text.bytes().all(|b| b.is_ascii_digit()) {
        return;
    }
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
fn distinct_roles(words: &[&str], mentions: &[Mention], moves: bool) -> (Vec<String>, bool) {
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

/// Cue phrases (as singular words) by their first word, longest first.
type CueIndex = HashMap<String, Vec<(Vec<String>, Says)>>;

/// The cue table, indexed once.
fn cue_index() -> &'static CueIndex {
    static INDEX: OnceLock<CueIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index = CueIndex::new();
        for cue in CUES {
            let words: Vec<String> = cue
                .phrase
                .split(' ')
                .map(|w| singular(w).into_owned())
                .collect();
            index
                .entry(words[0].clone())
                .or_default()
                .push((words, cue.says));
        }
        for cues in index.values_mut() {
            cues.sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
        }
        index
    })
}

/// The cues in the question, left to right, the longest at each word; a word in a role's
/// name or in a longer cue is no cue of its own. Returns what they ask, the aspects they
/// name, and which words they took.
fn match_cues(words: &[Word], used: &mut [bool]) -> Cues {
    let index = cue_index();
    let mut lists = Vec::new();
    let mut asks = Vec::new();
    let mut aspects = Vec::new();
    let mut cue_words = vec![false; words.len()];
    let mut i = 0;
    while i < words.len() {
        let found = index.get(&words[i].one).and_then(|cues| {
            cues.iter().find(|(phrase, _)| {
                let end = i + phrase.len();
                end <= words.len()
                    && !used[i..end].iter().any(|u| *u)
                    && phrase.iter().zip(&words[i..end]).all(|(p, w)| *p == w.one)
            })
        });
        let Some((phrase, says)) = found else {
            i += 1;
            continue;
        };
        let (ask, aspect) = match *says {
            Says::Asks(ask) => (Some(ask), None),
            Says::Aspect(section) => (None, Some(section)),
            Says::Both(ask, section) => (Some(ask), Some(section)),
        };
        if ask == Some(Ask::Fit) {
            lists.push(i + phrase.len());
        }
        asks.extend(ask.filter(|a| !asks.contains(a)));
        aspects.extend(aspect.filter(|s| !aspects.contains(s)));
        for at in i..i + phrase.len() {
            used[at] = true;
            cue_words[at] = true;
        }
        i += phrase.len();
    }
    Cues {
        asks,
        aspects,
        words: cue_words,
        lists,
    }
}

/// What the cues of a question say, and where.
struct Cues {
    asks: Vec<Ask>,
    aspects: Vec<Section>,
    /// Per word: whether a cue took it.
    words: Vec<bool>,
    /// Where a list of the asker's own skills may start ("I know …").
    lists: Vec<usize>,
}

/// Qualifications, read as items ("PhD", "master's degree").
const QUALIFICATIONS: [&str; 9] = [
    "phd",
    "doctorate",
    "master",
    "bachelor",
    "degree",
    "certification",
    "certificate",
    "diploma",
    "bootcamp",
];

/// Words that introduce the thing needed or used ("need java", "use docker").
const ITEM_VERBS: [&str; 10] = [
    "need", "require", "use", "using", "know", "learn", "with", "knowing", "learning", "needed",
];

/// Skills, tools and qualifications named in the question, lower case, as written: taxonomy
/// entities (but not inside a role's name), qualifications, and, after "need"/"use", the
/// words named there. Also how many are taxonomy entities.
fn items_of(
    kb: &KnowledgeBase,
    question: &str,
    words: &[Word],
    mentions: &[Mention],
    cues: &Cues,
) -> (Vec<String>, usize) {
    let cue_words = &cues.words;
    let in_role = |span: &Range<usize>| {
        mentions.iter().any(|m| {
            let (first, last) = (&words[m.words.start], &words[m.words.end - 1]);
            span.start < last.span.end && first.span.start < span.end
        })
    };
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
        if word.span.start < span.end && span.start < word.span.end {
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
    let free = |i: usize| {
        !taken[i] && !cue_words[i] && !in_role(i) && !FILLER.contains(&words[i].text.as_str())
    };
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
            if !FILLER.contains(&word.text.as_str()) && !matches!(word.text.as_str(), "plus") {
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

/// Words that are never an item.
const FILLER: [&str; 40] = [
    "a", "an", "the", "to", "for", "in", "on", "as", "at", "of", "and", "or", "is", "are", "be",
    "it", "they", "them", "i", "me", "my", "you", "your", "this", "that", "what", "which", "who",
    "how", "why", "when", "where", "do", "does", "did", "much", "more", "most", "really", "also",
];

/// The longest run of words that is part of some role's name or alias, whole words and no
/// stop word ("engineer" in "engineer roles", "data operations" in "break into data
/// operations"), with the roles whose names contain it.
fn name_part<'k>(
    kb: &'k KnowledgeBase,
    words: &[&str],
    generic_too: bool,
) -> Option<(String, Vec<&'k str>)> {
    let roles_with = |run: &[&str]| -> Vec<&'k str> {
        kb.roles_with_name_part(run)
            .into_iter()
            .map(|role| role.slug.as_str())
            .collect()
    };
    (1..=MAX_NAME_WORDS.min(words.len())).rev().find_map(|n| {
        words.windows(n).find_map(|run| {
            let generic = !generic_too && run.iter().all(|w| is_generic(w));
            if generic || run.iter().any(|w| STOP_WORDS.contains(w)) {
                return None;
            }
            let roles = roles_with(run);
            (!roles.is_empty()).then(|| (run.join(" "), roles))
        })
    })
}

/// Words of role names too common to say which role a question means on their own (a list
/// of roles may still be narrowed to them: "data roles").
fn is_generic(word: &str) -> bool {
    matches!(word, "data" | "ml" | "machine" | "learning")
}

/// Decides the intent and fills the reading, by rules in the order they win.
fn decide(kb: &KnowledgeBase, e: &Evidence) -> Reading {
    let plain: Vec<&str> = e.words.iter().map(|w| w.text.as_str()).collect();
    let n = e.roles.len();
    // "What does X do?", "what does X analyse?": asks what the role does.
    let ends_on_do = asks_what_it_does(e);
    let aspect = e
        .aspects
        .first()
        .copied()
        .or(ends_on_do.then_some(Section::Responsibilities));
    let moving =
        e.has(Ask::Move) || e.has(Ask::Become) || (e.has(Ask::From) && !e.has(Ask::Compare));
    let qualification = e.items.iter().any(|i| is_qualification(i));
    let mut reading = Reading {
        intent: Intent::Unknown,
        roles: e.roles.clone(),
        aspect: None,
        items: e.items.clone(),
        candidates: Vec::new(),
        wanted: None,
        name_part: None,
        level: None,
        remote: None,
    };
    let role_words = plain
        .iter()
        .any(|w| matches!(singular(w).as_ref(), "role" | "career" | "position"));
    let wh = matches!(
        plain.first(),
        Some(&("what" | "which" | "how" | "where" | "who" | "when" | "why"))
    );
    let intent = if e.words.is_empty() {
        Intent::Unknown
    } else if e.has(Ask::Help) && n == 0 && e.items.is_empty() && !asks_for_something(e) {
        Intent::Help
    } else if e.has(Ask::Stats) && n == 0 {
        Intent::Stats
    } else if e.has(Ask::Salary) {
        Intent::Salary
    } else if e.has(Ask::Jobs) && !e.has(Ask::Fit) && !e.which_roles_form {
        Intent::Jobs
    } else if e.has(Ask::Fit) || (moving && n == 1 && !e.items.is_empty() && !qualification) {
        if n >= 1 {
            Intent::Path
        } else {
            Intent::Match
        }
    } else if moving && n >= 2 {
        Intent::Path
    } else if n >= 2 && !e.yes_no_form {
        Intent::Compare
    } else if n == 1 && e.mentions.len() >= 2 && e.has(Ask::Compare) {
        // "mle vs mle": one role named twice, refused as `/compare mle mle` is.
        Intent::Compare
    } else if n >= 1 && !e.items.is_empty() && (e.yes_no_form || (e.has(Ask::Need) && !wh)) {
        Intent::YesNo
    } else if n >= 1 && !e.items.is_empty() && wh && aspect.is_some() {
        // "What degree does X need?": which one, not whether.
        Intent::Aspect
    } else if n == 0 && !e.items.is_empty() && (e.which_roles_form || e.has(Ask::Need)) {
        Intent::Reverse
    } else if n == 0
        && (e.has(Ask::List) || (role_words && e.items.is_empty() && aspect.is_none() && !moving))
    {
        Intent::Roles
    } else if n == 1 && (moving || aspect.is_some()) {
        Intent::Aspect
    } else if n == 1 {
        Intent::Profile
    } else if n >= 2 {
        Intent::Compare
    } else if !e.items.is_empty() && !qualification {
        Intent::Search
    } else {
        Intent::Unknown
    };
    reading.intent = intent;
    match intent {
        Intent::Aspect => {
            reading.aspect = aspect.or(moving.then_some(Section::Tips));
        }
        Intent::Compare => {
            reading.roles.truncate(2);
            if e.mentions.len() >= 2 && n == 1 {
                // "mle vs mle": the same role twice, refused as `/compare mle mle` is.
                reading.roles.push(e.roles[0].clone());
            }
            reading.aspect = aspect;
        }
        Intent::YesNo => {
            reading.aspect = qualification.then_some(Section::Education);
            reading.roles.truncate(1);
        }
        Intent::Path => {
            // From skills: the role named is where the asker wants to go.
            if n == 1 || !e.from_role && e.has(Ask::Fit) {
                reading.roles.truncate(1);
            }
            reading.roles.truncate(2);
        }
        Intent::Roles => {
            reading.name_part = name_part(kb, &plain, true).map(|(part, _)| part);
        }
        Intent::Jobs => {
            reading.level = level(&plain, &e.mentions);
            reading.remote = remote(&plain);
        }
        _ => {}
    }
    // A question that needs a role and names none clearly asks which one.
    // A skill or tool named with no role is a search or a reverse question, not a role to
    // ask for ("what is feature engineering?").
    let wants_a_role = intent == Intent::Salary
        || (n == 0
            && e.entities == 0
            && (aspect.is_some() || moving || e.has(Ask::About))
            && matches!(intent, Intent::Unknown | Intent::Search));
    if n == 0 && wants_a_role {
        let part = name_part(kb, &plain, false);
        let wanted = if intent == Intent::Salary {
            Intent::Salary
        } else if aspect.is_some() || moving {
            Intent::Aspect
        } else {
            Intent::Profile
        };
        if part.is_some() || wanted != Intent::Profile {
            reading.intent = Intent::Clarify;
            reading.wanted = Some(wanted);
            reading.aspect = (wanted == Intent::Aspect).then(|| aspect.unwrap_or(Section::Tips));
            if let Some((part, roles)) = part {
                reading.name_part = Some(part);
                reading.candidates = roles.iter().map(|s| s.to_string()).collect();
            }
        } else if intent == Intent::Unknown && super::search::has_hits(kb, &question_text(e)) {
            reading.intent = Intent::Search;
        }
    }
    reading
}

/// "What does X do?", "what do Xs analyse?": "what does/do", a role (or a part of a role's
/// name), then at most two words that are neither cues nor items.
fn asks_what_it_does(e: &Evidence) -> bool {
    let words: Vec<&str> = e.words.iter().map(|w| w.text.as_str()).collect();
    // "dose", "doe": typed in a hurry.
    if !matches!(
        words.as_slice(),
        ["what", "does" | "do" | "dose" | "doe" | "dos", ..]
    ) {
        return false;
    }
    let after_role = e.mentions.last().map_or(3, |m| m.words.end);
    let tail = words.len().saturating_sub(after_role);
    let last_is_do = words.last() == Some(&"do");
    (1..=2).contains(&tail) && (last_is_do || e.items.is_empty())
}

/// Whether the question asks for something a command answers, which "help" only adds to
/// ("help me find remote jobs").
fn asks_for_something(e: &Evidence) -> bool {
    [
        Ask::Jobs,
        Ask::Salary,
        Ask::Fit,
        Ask::Move,
        Ask::Become,
        Ask::Compare,
    ]
    .iter()
    .any(|ask| e.has(*ask))
        || !e.aspects.is_empty()
}

/// The question's words, as searched.
fn question_text(e: &Evidence) -> String {
    let words: Vec<&str> = e.words.iter().map(|w| w.text.as_str()).collect();
    words.join(" ")
}

/// Whether an item is a qualification ("PhD", "master's degree").
pub fn is_qualification(item: &str) -> bool {
    item.split(|c: char| !c.is_alphanumeric())
        .any(|w| QUALIFICATIONS.contains(&singular(w).as_ref()))
}

/// A question that names no role, read as about the conversation's last topic: "and the
/// tools?" keeps the roles and takes the aspect; "what about for a data scientist?" keeps
/// the aspect (or the intent) and takes the role.
fn follow_up(reading: &mut Reading, e: &Evidence, previous: &Topic) {
    let follows = e.has(Ask::Follow) || e.words.len() <= 4;
    if previous.roles.is_empty() || !follows && !reading.roles.is_empty() {
        return;
    }
    if reading.roles.is_empty() {
        let open = matches!(
            reading.intent,
            Intent::Clarify | Intent::Unknown | Intent::Salary | Intent::Search | Intent::Jobs
        ) || (reading.intent == Intent::Roles && e.items.is_empty());
        if !open && !follows {
            return;
        }
        reading.roles = previous.roles.clone();
        reading.candidates.clear();
        let aspect = e.aspects.first().copied().or(previous.aspect);
        // A clarifying question would have asked which role; the topic says.
        let asked = match reading.intent {
            Intent::Clarify => reading.wanted.unwrap_or(Intent::Profile),
            other => other,
        };
        reading.intent = match asked {
            Intent::Salary => Intent::Salary,
            Intent::Jobs => Intent::Jobs,
            _ if reading.roles.len() >= 2 => Intent::Compare,
            _ if e.aspects.is_empty() && previous.intent == Some(Intent::Profile) => {
                Intent::Profile
            }
            _ if aspect.is_some() => Intent::Aspect,
            _ => previous.intent.unwrap_or(Intent::Profile),
        };
        reading.roles.truncate(2);
        if matches!(reading.intent, Intent::Aspect | Intent::Compare) {
            reading.aspect = aspect;
        }
        if reading.intent == Intent::Aspect {
            reading.roles.truncate(1);
        }
        return;
    }
    // One new role in a follow-up keeps what was asked about the last one: a comparison
    // goes on with the new role in place of the second.
    if reading.roles.len() == 1 && e.has(Ask::Follow) && e.aspects.is_empty() {
        match previous.intent {
            Some(Intent::Compare) if previous.roles.len() >= 2 => {
                let first = previous.roles[0].clone();
                if first != reading.roles[0] {
                    reading.roles.insert(0, first);
                    reading.intent = Intent::Compare;
                    reading.aspect = previous.aspect;
                }
            }
            Some(Intent::Salary) => reading.intent = Intent::Salary,
            Some(Intent::Aspect | Intent::Compare) if previous.aspect.is_some() => {
                reading.intent = Intent::Aspect;
                reading.aspect = previous.aspect;
            }
            _ => {}
        }
    }
}

/// The seniority asked for, as a `level` key: a word of a level's label ("entry", "junior",
/// "senior", "director"…) that is not part of a role's name.
fn level(words: &[&str], mentions: &[Mention]) -> Option<&'static str> {
    let in_a_role_name = |i: usize| mentions.iter().any(|m| m.words.contains(&i));
    words
        .iter()
        .enumerate()
        .filter(|(i, _)| !in_a_role_name(*i))
        .find_map(|(_, word)| {
            LEVELS
                .iter()
                .find(|level| {
                    normalize(level.label)
                        .split(' ')
                        .any(|label| label != "level" && label == singular(word).as_ref())
                })
                .map(|level| level.key)
        })
}

/// Remote (true) or on-site (false) work asked for; neither, or both, is no filter.
fn remote(words: &[&str]) -> Option<bool> {
    let has = |phrase: &str| {
        let wanted: Vec<&str> = phrase.split(' ').collect();
        words.windows(wanted.len()).any(|w| w == wanted.as_slice())
    };
    let remote = ["remote", "remotely", "wfh", "work from home"]
        .iter()
        .any(|p| has(p));
    let on_site = ["on site", "onsite", "in office", "in person"]
        .iter()
        .any(|p| has(p));
    match (remote, on_site) {
        (true, false) => Some(true),
        (false, true) => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
