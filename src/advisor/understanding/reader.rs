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

mod cue_hits;
pub mod cues;
mod decide;
mod features;
mod follow_up;
mod form;
mod items;
pub mod quality;
pub mod scorer;

use crate::jobs::model::LEVELS;
use crate::knowledge::lookup::mentions::{never_in_a_name, Mention, MAX_NAME_WORDS};
use crate::knowledge::reading::backgrounds::Background;
use crate::knowledge::text::words::{normalize, singular};
use crate::knowledge::{KnowledgeBase, Section};
use cue_hits::{match_cues, Cues};
use cues::Ask;
use decide::decide;
pub use decide::is_qualification;
use follow_up::follow_up;
use form::{
    asks_which_roles, distinct_roles, overlaps, span_of, thing_defined, thing_first, words_of,
    Word, YES_NO_STARTS,
};
use items::{items_of, QUALIFICATIONS};

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
    /// Every intent, in the order the scorer numbers them.
    pub const ALL: [Intent; 15] = [
        Intent::Compare,
        Intent::Path,
        Intent::Profile,
        Intent::Aspect,
        Intent::YesNo,
        Intent::Reverse,
        Intent::Match,
        Intent::Salary,
        Intent::Jobs,
        Intent::Roles,
        Intent::Stats,
        Intent::Help,
        Intent::Search,
        Intent::Clarify,
        Intent::Unknown,
    ];

    /// Its place in [`Intent::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

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
    /// For a path from a background the articles do not profile: its key in
    /// `backgrounds.toml` ("backend-developer").
    pub background: Option<String>,
    /// For a comparative ("which is more hands-on, A or B?"): the quality compared.
    pub quality: Option<&'static quality::Quality>,
    /// Other readings nearly as likely as this one, most likely first: when there are any,
    /// the asker is asked which they mean rather than given a guess.
    pub alternatives: Vec<Reading>,
}

/// What a conversation was last about, so that a follow-up ("and the tools?", "what about
/// for a data scientist?") can refer to it. Kept per user and channel by the chat edge.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Topic {
    /// Role slugs, in the order they were named.
    pub roles: Vec<String>,
    pub aspect: Option<Section>,
    pub intent: Option<Intent>,
    /// The things a yes/no question asked about ("PhD"), which "and for a data
    /// scientist?" asks about again.
    pub items: Vec<String>,
}

impl Reading {
    /// A reading of `intent` about `roles`, its other slots empty.
    pub fn new(intent: Intent, roles: Vec<String>) -> Reading {
        Reading {
            intent,
            roles,
            aspect: None,
            items: Vec::new(),
            candidates: Vec::new(),
            wanted: None,
            name_part: None,
            level: None,
            remote: None,
            background: None,
            quality: None,
            alternatives: Vec::new(),
        }
    }

    /// What a conversation is about after this reading, if it named a role.
    pub fn topic(&self) -> Option<Topic> {
        (!self.roles.is_empty()).then(|| Topic {
            roles: self.roles.clone(),
            aspect: self.aspect,
            intent: Some(self.intent),
            items: if self.intent == Intent::YesNo {
                self.items.clone()
            } else {
                Vec::new()
            },
        })
    }
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
    /// A background the articles do not profile, named in the question ("backend dev").
    background: Option<&'k Background>,
    /// The quality a comparative asks about ("which is more hands-on").
    quality: Option<&'static quality::Quality>,
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
        let before = (reading.intent, reading.roles.clone());
        follow_up(&mut reading, &evidence, previous);
        // Read with the topic, the question is another one than the alternatives were for.
        if (reading.intent, &reading.roles) != (before.0, &before.1) {
            reading.alternatives.clear();
        }
    }
    reading.settle_quality();
    reading
        .alternatives
        .iter_mut()
        .for_each(Reading::settle_quality);
    reading
}

impl Reading {
    /// A quality is compared between two roles, and is the point of the comparison; any
    /// other reading drops it.
    fn settle_quality(&mut self) {
        if self.intent == Intent::Compare && self.quality.is_some() {
            self.aspect = None;
        } else {
            self.quality = None;
        }
    }
}

fn gather<'k>(kb: &'k KnowledgeBase, question: &str) -> Evidence<'k> {
    let words = words_of(question);
    let plain: Vec<&str> = words.iter().map(|w| w.text.as_str()).collect();
    let mut mentions = kb.mentions(&plain);
    let background = background_of(kb, question, &words, &mut mentions);
    let mut used = vec![false; words.len()];
    for mention in &mentions {
        used[mention.words.clone()]
            .iter_mut()
            .for_each(|u| *u = true);
    }
    let mut cues = match_cues(&words, &mut used);
    // "ML engineer -> lead ML engineer": an arrow is a move.
    if ["->", "→", "=>", "⟶"]
        .iter()
        .any(|arrow| question.contains(arrow))
    {
        cues.asks.push(Ask::Move);
    }
    // In a comparison ("how does X differ from Y"), "from" says nothing of a move.
    let compares = cues.asks.contains(&Ask::Compare);
    let (roles, from_role) = distinct_roles(&plain, &mentions, !compares);
    let (mut items, entities) = items_of(kb, question, &words, &mentions, &cues);
    let which_roles_form = asks_which_roles(&plain);
    if which_roles_form && items.is_empty() {
        items.extend(thing_first(&words, &cues.words, &mentions));
    }
    // "what's a vector database?": the term asked about, with what it was found to hold.
    if let Some(thing) = thing_defined(&words, &cues.words).filter(|_| mentions.is_empty()) {
        if items
            .iter()
            .all(|item| thing.contains(&item.to_lowercase()))
        {
            items = vec![thing];
        }
    }
    let (asks, aspects) = (cues.asks, cues.aspects);
    let quality = quality::quality_asked(&plain);
    let first = plain.first().copied().unwrap_or_default();
    Evidence {
        yes_no_form: YES_NO_STARTS.contains(&first),
        which_roles_form,
        words,
        mentions,
        roles,
        from_role,
        asks,
        aspects,
        items,
        entities,
        background,
        quality,
    }
}

/// The first background `question` names that is no role, and its words; a role read by a
/// typo-tolerant match inside those words is the background misread ("data engineer" is not
/// a misspelt "DataOps Engineer"), and is dropped from `mentions`.
fn background_of<'k>(
    kb: &'k KnowledgeBase,
    question: &str,
    words: &[Word],
    mentions: &mut Vec<Mention<'k>>,
) -> Option<&'k Background> {
    // The question's own words, as the finder splits a text: it is not split again.
    let spans: Vec<(usize, &str)> = words
        .iter()
        .map(|w| (w.span.start, &question[w.span.clone()]))
        .collect();
    let named = kb.backgrounds.named_in_words(&spans);
    mentions.retain(|m| {
        let phrase: Vec<&str> = words[m.words.clone()]
            .iter()
            .map(|w| w.text.as_str())
            .collect();
        let at = span_of(words, m);
        !named.iter().any(|(span, _)| overlaps(&at, span)) || kb.names_exactly(&phrase)
    });
    // Inside a role's name ("researcher" in "ML researcher"), a background is the role's.
    named
        .into_iter()
        .find(|(span, _)| !mentions.iter().any(|m| overlaps(&span_of(words, m), span)))
        .map(|(_, background)| background)
}

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
            if generic || run.iter().any(|w| never_in_a_name(w)) {
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

#[cfg(test)]
mod tests;
