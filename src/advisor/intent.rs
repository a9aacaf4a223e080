//! Reading a question in plain words: what the user wants, and which roles and skills it
//! names. `/ask`, mentions and DMs all go through [`interpret`], which turns the question
//! into the request a command would make (or answers it when no command fits).

use std::borrow::Cow;

use super::matching::skill_keys;
use super::Problem;
use crate::commands::request::{BoardRequest, KnowledgeRequest};
use crate::commands::CommandId;
use crate::jobs::model::LEVELS;
use crate::jobs::request::JobFilter;
use crate::knowledge::mentions::{Mention, MAX_NAME_WORDS, STOP_WORDS};
use crate::knowledge::words::{normalize, singular};
use crate::knowledge::{KnowledgeBase, Section};
use crate::reply::{colour, escape_user_text, Embed, Reply};

/// What a question asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Intent {
    /// Two roles side by side; one role in [`Reading::roles`] when it was named twice.
    Compare,
    Path,
    Skills,
    Tools,
    Salary,
    Jobs,
    Match,
    Roles,
    /// What the knowledge base holds (`/kb stats`).
    Stats,
    Help,
    /// About one role in general, or unclear.
    Profile,
}

/// A question, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    pub intent: Intent,
    /// Slugs of the roles named, in order of appearance.
    pub roles: Vec<String>,
    /// The aspect a comparison is narrowed to, when the question names one.
    pub aspect: Option<Section>,
    /// For a list of roles: words of role names that name no role alone ("engineer" in
    /// "engineer roles"), which the list is narrowed to.
    pub name_part: Option<String>,
    /// For jobs: the seniority asked for, as a `level` choice value ("senior").
    pub level: Option<&'static str>,
    /// For jobs: remote (true) or on-site (false) work asked for.
    pub remote: Option<bool>,
}

/// Reads `question`: roles by name or alias (typos tolerated in names of two words or more),
/// intent from its wording.
pub fn read(kb: &KnowledgeBase, question: &str) -> Reading {
    let text = normalize(question);
    let words: Vec<&str> = text.split(' ').filter(|w| !w.is_empty()).collect();
    let mentions = kb.mentions(&words);
    let roles = distinct_roles(&words, &mentions);
    let has = |phrases: &[&str]| phrases.iter().any(|p| contains_phrase(&words, p));
    let intent = if has(&["salary", "pay", "paid", "earn", "compensation"]) {
        Intent::Salary
    } else if has(&["job", "jobs", "opening", "hiring", "vacancy", "position"]) {
        Intent::Jobs
    } else if has(&[
        "from",
        "move",
        "switch",
        "transition",
        "become",
        "pivot",
        "get into",
    ]) && roles.len() >= 2
    {
        Intent::Path
    } else if asks_for_a_fit(kb, question, &has) {
        Intent::Match
    } else if roles.is_empty() && has(ABOUT_USE) {
        Intent::Help
    } else if roles.is_empty() && has(ABOUT_KNOWLEDGE) {
        Intent::Stats
    } else if roles.len() >= 2 || (mentions.len() >= 2 && has(COMPARING)) {
        Intent::Compare
    } else if has(&["tool", "tools", "software", "stack"]) {
        Intent::Tools
    } else if has(&["skill", "skills", "learn", "need", "require", "requirement"]) {
        Intent::Skills
    } else if roles.is_empty() && has(&["roles", "role", "list", "careers", "options"]) {
        Intent::Roles
    } else {
        Intent::Profile
    };
    let jobs = intent == Intent::Jobs;
    Reading {
        intent,
        roles,
        aspect: aspect(&words),
        name_part: (intent == Intent::Roles)
            .then(|| name_part(kb, &words))
            .flatten(),
        level: jobs.then(|| level(&words, &mentions)).flatten(),
        remote: jobs.then(|| remote(&has)).flatten(),
    }
}

/// Wording that sets roles side by side, even one role twice ("mle vs mle").
const COMPARING: &[&str] = &[
    "vs",
    "versus",
    "compare",
    "comparison",
    "difference",
    "different",
    "differ",
];

/// Questions about using the bot, answered by `/help`.
const ABOUT_USE: &[&str] = &[
    "help",
    "what can you do",
    "how do i use you",
    "how to use you",
    "how do you work",
    "how does this work",
    "command",
];

/// Questions about what the bot knows as a whole, answered by `/kb stats`; a question that
/// names a role ("what do you know about mlops?") is about that role instead.
const ABOUT_KNOWLEDGE: &[&str] = &[
    "knowledge base",
    "kb",
    "what do you know",
    "how much do you know",
];

/// Whether a question is about the asker's own skills ("I know python and sql", "which role
/// fits me?", "which roles need python?"). "Which roles are there?" names neither a skill nor
/// the asker: it asks for the list of roles, not for a match.
fn asks_for_a_fit(kb: &KnowledgeBase, question: &str, has: &dyn Fn(&[&str]) -> bool) -> bool {
    has(&["i know", "i have", "my skill", "fit", "suit", "i m good"])
        || (has(&["which role", "what role"])
            && (has(&["i", "me", "my"]) || !kb.taxonomy.find_in(question).is_empty()))
}

/// Turns a reading into a request; `None` when it names no role and needs one.
pub fn to_request(reading: &Reading, question: &str) -> Option<Understood> {
    use KnowledgeRequest as K;
    let role = |i: usize| reading.roles.get(i).cloned();
    Some(match reading.intent {
        Intent::Help => K::Help.into(),
        Intent::Stats => K::KbStats.into(),
        Intent::Roles => K::Roles {
            filter: reading.name_part.clone(),
            page: 1,
        }
        .into(),
        Intent::Match => K::Match {
            skills: question.to_owned(),
        }
        .into(),
        Intent::Salary => BoardRequest::Salary { role: role(0)? }.into(),
        Intent::Jobs => BoardRequest::Jobs {
            filter: JobFilter {
                role: role(0),
                level: reading.level.map(str::to_owned),
                remote: reading.remote,
                company: None,
            },
            page: 1,
        }
        .into(),
        Intent::Path => K::Path {
            from: role(0)?,
            to: role(1)?,
        }
        .into(),
        // A role compared with itself is named once; answering refuses it as `/compare` does.
        Intent::Compare => K::Compare {
            a: role(0)?,
            b: role(1).or_else(|| role(0))?,
            aspect: reading.aspect,
        }
        .into(),
        Intent::Tools | Intent::Skills if reading.roles.len() >= 2 => K::Compare {
            a: role(0)?,
            b: role(1)?,
            aspect: Some(if reading.intent == Intent::Tools {
                Section::Tools
            } else {
                Section::Skills
            }),
        }
        .into(),
        Intent::Tools | Intent::Skills => K::Skills { role: role(0)? }.into(),
        Intent::Profile => K::Role {
            role: role(0)?,
            page: 1,
        }
        .into(),
    })
}

/// What a conversation was last about, so that a follow-up ("and the tools?") can refer to
/// it: the roles just discussed. Kept per user and channel by the chat front end.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Topic {
    /// Role slugs, in the order they were named.
    pub roles: Vec<String>,
}

/// A question, understood: the request to answer it with, or the answer itself when no
/// command fits; and what the conversation is about now, if the question named roles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Interpretation {
    pub understood: Understood,
    pub topic: Option<Topic>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Understood {
    /// Answer from the knowledge base, as this command would.
    Knowledge(KnowledgeRequest),
    /// Answer from the job board, as this command would.
    Board(BoardRequest),
    /// Answered already: an honest "I don't know", with what to try.
    Reply(Reply),
}

impl From<KnowledgeRequest> for Understood {
    fn from(request: KnowledgeRequest) -> Understood {
        Understood::Knowledge(request)
    }
}

impl From<BoardRequest> for Understood {
    fn from(request: BoardRequest) -> Understood {
        Understood::Board(request)
    }
}

/// Reads `question` into the request a command would make. A question that names no role
/// is read as about the roles of `previous`, the conversation's last topic, if any.
pub fn interpret(
    kb: &KnowledgeBase,
    question: &str,
    previous: Option<&Topic>,
) -> Result<Interpretation, Problem> {
    if question.trim().is_empty() {
        return Err(Problem::Empty);
    }
    let mut reading = read(kb, question);
    let topic = (!reading.roles.is_empty()).then(|| Topic {
        roles: reading.roles.clone(),
    });
    if let Some(previous) = previous.filter(|_| reading.roles.is_empty()) {
        reading = follow_up(reading, &previous.roles);
    }
    let understood = match to_request(&reading, question) {
        Some(understood) => understood,
        // The wording says what is wanted; only the role is missing.
        None if reading.intent == Intent::Salary => {
            return Err(Problem::WhichRole(CommandId::Salary))
        }
        // Skills but no role: "python and sql" is a /match question.
        None if !super::matching::rank(kb, &skill_keys(kb, question)).is_empty() => {
            KnowledgeRequest::Match {
                skills: question.to_owned(),
            }
            .into()
        }
        None => {
            return Ok(Interpretation {
                understood: Understood::Reply(dont_know(kb, question)),
                topic,
            })
        }
    };
    Ok(Interpretation { understood, topic })
}

/// A question naming no role, read as about the roles discussed last.
fn follow_up(mut reading: Reading, remembered: &[String]) -> Reading {
    if remembered.is_empty() {
        return reading;
    }
    reading.roles = remembered.to_vec();
    if reading.intent == Intent::Compare && reading.roles.len() < 2 {
        reading.intent = Intent::Profile;
    }
    reading
}

/// An honest "I don't know", with roles that look close and questions that work.
fn dont_know(kb: &KnowledgeBase, question: &str) -> Reply {
    let close: Vec<String> = kb
        .closest(question, 3)
        .into_iter()
        .map(|r| format!("**{}**", r.name))
        .collect();
    let mut text = format!(
        "I couldn't tell which role \"{}\" is about.",
        escape_user_text(&crate::reply::limits::clamp(question, 200))
    );
    if !close.is_empty() {
        text.push_str(&format!(
            " Roles I know that look close: {}.",
            close.join(", ")
        ));
    }
    text.push_str(
        "\nTry: \"ml engineer vs data specialist\", \"skills for mlops engineer\", \
         \"how do I move from data specialist to ml engineer\", \"I know python, sql and tableau\", or `/roles`.",
    );
    Reply::embed(
        Embed::new("I don't know that one yet")
            .colour(colour::INFO)
            .description(&text),
    )
    .ephemeral(true)
}

/// Slugs of the roles mentioned, each once, in order; a role right after "from" comes
/// first, so "to X, coming from Y" reads as a move from Y.
fn distinct_roles(words: &[&str], mentions: &[Mention]) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for mention in mentions {
        if !found.contains(&mention.role.slug) {
            found.push(mention.role.slug.clone());
        }
    }
    let from = mentions
        .iter()
        .find(|m| follows_from(words, m.words.start))
        .map(|m| &m.role.slug);
    if let Some(from) = from {
        found.retain(|slug| slug != from);
        found.insert(0, from.clone());
    }
    found
}

/// Whether the word at `i` comes right after "from" (or "from a", "from an", "from being a").
fn follows_from(words: &[&str], i: usize) -> bool {
    let before: Vec<&str> = words[..i].iter().rev().take(3).copied().collect();
    matches!(
        before.as_slice(),
        ["from", ..] | ["a" | "an", "from", ..] | ["a" | "an", "being", "from"]
    )
}

/// Whether `phrase` occurs in `words`, ignoring plural endings.
fn contains_phrase(words: &[&str], phrase: &str) -> bool {
    let wanted: Vec<Cow<str>> = phrase.split(' ').map(singular).collect();
    words
        .windows(wanted.len())
        .any(|w| w.iter().zip(&wanted).all(|(a, b)| singular(a) == *b))
}

/// The seniority asked for, as a `level` choice value: a word of a level's label ("entry",
/// "junior", "senior", "director"…) that is not part of a role's name.
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
fn remote(has: &dyn Fn(&[&str]) -> bool) -> Option<bool> {
    let remote = has(&["remote", "remotely", "wfh", "work from home"]);
    let on_site = has(&["on site", "onsite", "in office", "in person"]);
    match (remote, on_site) {
        (true, false) => Some(true),
        (false, true) => Some(false),
        _ => None,
    }
}

/// The longest run of words that is part of some role's name or alias, whole words and no
/// stop word: "engineer" in "engineer roles", "data operations" in "data operations roles".
/// `/roles` keeps the roles whose names contain it, so at least one is listed.
fn name_part(kb: &KnowledgeBase, words: &[&str]) -> Option<String> {
    let names: Vec<Vec<String>> = kb
        .roles
        .iter()
        .flat_map(|role| std::iter::once(&role.name).chain(&role.aliases))
        .map(|name| {
            normalize(name)
                .split(' ')
                .map(|word| singular(word).into_owned())
                .collect()
        })
        .collect();
    let in_a_name = |run: &[&str]| {
        names.iter().any(|name| {
            name.windows(run.len())
                .any(|part| part.iter().zip(run).all(|(a, b)| *a == singular(b)))
        })
    };
    (1..=MAX_NAME_WORDS.min(words.len()))
        .rev()
        .find_map(|n| {
            words
                .windows(n)
                .find(|run| !run.iter().any(|w| STOP_WORDS.contains(w)) && in_a_name(run))
        })
        .map(|run| run.join(" "))
}

/// The profile section a question narrows to ("…and the tools?").
fn aspect(words: &[&str]) -> Option<Section> {
    let table: [(&[&str], Section); 6] = [
        (&["tool", "tools", "software"], Section::Tools),
        (&["skill", "skills"], Section::Skills),
        (
            &["education", "degree", "study", "background"],
            Section::Education,
        ),
        (
            &["responsibility", "duty", "do all day"],
            Section::Responsibilities,
        ),
        (&["industry", "sector"], Section::Industries),
        (&["outlook", "demand", "future"], Section::Outlook),
    ];
    table
        .iter()
        .find(|(phrases, _)| phrases.iter().any(|p| contains_phrase(words, p)))
        .map(|(_, section)| *section)
}
