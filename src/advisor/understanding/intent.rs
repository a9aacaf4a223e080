//! From a question to what answers it: the reading ([`crate::advisor::reader`]) becomes the request a
//! command would make, a clarifying question when a role is needed and not clear, or an
//! honest "I don't know". `/ask`, mentions and DMs all go through [`interpret`].

use crate::advisor::clarify::{which_role_for, Choice, Clarification};
use crate::advisor::comparative::comparative;
use crate::advisor::confidence::is_confident;
use crate::advisor::reader::{self, Intent, Reading};
use crate::advisor::{search, Problem};
use crate::commands::request::{BoardRequest, KnowledgeRequest, Request};
use crate::commands::Audience;
use crate::jobs::request::JobFilter;
use crate::knowledge::{KnowledgeBase, Role, Section};
use crate::members::request::MeRequest;
use crate::reply::{colour, escape_user_text, Embed, Reply};
use crate::teaching::request::TeachingRequest;

pub use crate::advisor::reader::Topic;

/// A question, understood: the request to answer it with, or the answer itself when no
/// command fits; and what the conversation is about now, if the question named roles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Interpretation {
    pub understood: Understood,
    pub topic: Option<Topic>,
    /// Whether the reading is sure enough to answer a question nobody put to the bot (a
    /// forum post): see [`is_confident`].
    pub confident: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Understood {
    /// Answer from the knowledge base, as this command would.
    Knowledge(KnowledgeRequest),
    /// Answer from the job board, as this command would.
    Board(BoardRequest),
    /// Answer from the teaching store (a command only: plain words never set anything up).
    Teaching(TeachingRequest),
    /// About the member's own profile (a command only).
    Member(MeRequest),
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

/// Reads `question` into the request a command would make; a question that names no role
/// is read as about `previous`, the conversation's last topic, if any.
pub fn interpret(
    kb: &KnowledgeBase,
    question: &str,
    previous: Option<&Topic>,
) -> Result<Interpretation, Problem> {
    if question.trim().is_empty() {
        return Err(Problem::Empty);
    }
    let reading = reader::read(kb, question, previous);
    let topic = reading.topic();
    if let Some(which) = which_reading(kb, &reading, question) {
        return Err(which);
    }
    let understood = understand(kb, &reading, question)?;
    // An answer already made is one only when it is a comparative's verdict: "I don't know"
    // is a reply too.
    let says_something = match &understood {
        Understood::Knowledge(_) | Understood::Board(_) => true,
        Understood::Reply(reply) => !reply.is_error() && reading.intent == Intent::Compare,
        // Plain words never set anything up, nor read a member's profile unasked.
        Understood::Teaching(_) | Understood::Member(_) => false,
    };
    let confident = is_confident(&reading) && says_something;
    Ok(Interpretation {
        understood,
        topic,
        confident,
    })
}

/// When the reader found readings nearly as likely as the first: ask which is meant, each
/// choice the command line that answers it. `None` when fewer than two of them are
/// answerable by a command.
fn which_reading(kb: &KnowledgeBase, reading: &Reading, question: &str) -> Option<Problem> {
    if reading.alternatives.is_empty() {
        return None;
    }
    let mut choices: Vec<Choice> = Vec::new();
    for reading in std::iter::once(reading).chain(&reading.alternatives) {
        // Two readings answered by the same command are one choice.
        if let Some(choice) = choice(kb, reading, question) {
            if !choices.iter().any(|c| c.line == choice.line) {
                choices.push(choice);
            }
        }
    }
    (choices.len() >= 2).then(|| {
        Problem::WhichReading(Clarification {
            question: format!(
                "I can read \"{}\" more than one way: pick the one you meant.",
                escape_user_text(&crate::reply::limits::clamp(question, 150))
            ),
            choices,
        })
    })
}

/// A reading as a choice: what it would answer, and the command line answering it; `None`
/// when no command answers it, or its command would be refused ("no skill recognised").
fn choice(kb: &KnowledgeBase, reading: &Reading, question: &str) -> Option<Choice> {
    let line = match understand(kb, reading, question).ok()? {
        Understood::Knowledge(request) => {
            crate::advisor::answer(kb, &request, Audience::Everyone).ok()?;
            request.line()
        }
        Understood::Board(request) => request.line()?,
        Understood::Teaching(_) | Understood::Member(_) | Understood::Reply(_) => return None,
    };
    Some(Choice {
        label: describe(kb, reading),
        line,
    })
}

/// What a reading would answer, in a few words, for a button.
fn describe(kb: &KnowledgeBase, reading: &Reading) -> String {
    let name = |i: usize| {
        reading
            .roles
            .get(i)
            .and_then(|slug| kb.exact(slug))
            .map_or_else(String::new, |role| role.name.clone())
    };
    let item = reading.items.first().cloned().unwrap_or_default();
    match reading.intent {
        Intent::Compare => format!("Compare {} and {}", name(0), name(1)),
        Intent::Path if reading.roles.len() >= 2 => format!("From {} to {}", name(0), name(1)),
        Intent::Path => format!("How to become a {}", name(0)),
        Intent::Profile => format!("About the {}", name(0)),
        Intent::Aspect => match reading.aspect {
            Some(aspect) => format!("{}: {}", name(0), aspect.title().to_lowercase()),
            None => format!("About the {}", name(0)),
        },
        Intent::YesNo => format!("Does a {} need {item}?", name(0)),
        Intent::Reverse => format!("Roles that need {item}"),
        Intent::Match => "Roles that fit your skills".to_owned(),
        Intent::Salary if reading.roles.is_empty() => "Salaries on the job board".to_owned(),
        Intent::Salary => format!("Salaries for the {}", name(0)),
        Intent::Jobs => "Featured jobs".to_owned(),
        Intent::Roles => "The roles I know".to_owned(),
        Intent::Stats => "What the knowledge base holds".to_owned(),
        Intent::Search => "Search the articles".to_owned(),
        Intent::Help | Intent::Clarify | Intent::Unknown => "Something else".to_owned(),
    }
}

/// The request a reading makes.
fn understand(
    kb: &KnowledgeBase,
    reading: &Reading,
    question: &str,
) -> Result<Understood, Problem> {
    use KnowledgeRequest as K;
    let role = |i: usize| reading.roles.get(i).cloned().unwrap_or_default();
    let items = || reading.items.join(", ");
    Ok(match reading.intent {
        Intent::Help => K::Help.into(),
        Intent::Stats => K::KbStats.into(),
        Intent::Roles => K::Roles {
            filter: reading.name_part.clone(),
            page: 1,
        }
        .into(),
        Intent::Match => K::Match {
            skills: match (reading.items.is_empty(), speaks_of_oneself(question)) {
                (false, _) => items(),
                // "Which roles fit me?": the skills the member saved (the service's to add).
                (true, true) => String::new(),
                (true, false) => question.to_owned(),
            },
        }
        .into(),
        Intent::Salary => BoardRequest::Salary {
            roles: reading.roles.clone(),
        }
        .into(),
        Intent::Jobs => BoardRequest::Jobs {
            filter: JobFilter {
                role: reading.roles.first().cloned(),
                level: reading.level.map(str::to_owned),
                remote: reading.remote,
                company: None,
                // "Which jobs fit me?": ranked by the member's saved skills.
                by_fit: speaks_of_oneself(question),
            },
            page: 1,
        }
        .into(),
        Intent::Path if reading.background.is_some() => K::Path {
            from: reading
                .background
                .as_deref()
                .and_then(|key| kb.backgrounds.by_key(key))
                .map(|background| background.name.clone()),
            to: role(0),
            skills: None,
        }
        .into(),
        Intent::Path if reading.roles.len() >= 2 => K::Path {
            from: Some(role(0)),
            to: role(1),
            skills: (!reading.items.is_empty()).then(items),
        }
        .into(),
        Intent::Path => K::Path {
            from: None,
            to: role(0),
            skills: (!reading.items.is_empty()).then(items),
        }
        .into(),
        // "Which is more hands-on, A or B?": which one, said first, from the facts.
        Intent::Compare => match reading.quality {
            Some(quality) => Understood::Reply(comparative(kb, &role(0), &role(1), quality)?),
            // A role compared with itself is named twice; answering refuses it as `/compare`
            // does.
            None => K::Compare {
                a: role(0),
                b: role(1),
                aspect: reading.aspect,
            }
            .into(),
        },
        Intent::Profile => K::Role {
            role: role(0),
            aspect: None,
            focus: None,
            page: 1,
        }
        .into(),
        Intent::Aspect => K::Role {
            role: role(0),
            aspect: reading.aspect,
            focus: reading.items.first().cloned(),
            page: 1,
        }
        .into(),
        Intent::YesNo => {
            let item = reading.items.first().cloned().unwrap_or_default();
            K::Role {
                role: role(0),
                aspect: reading.aspect.or_else(|| Some(aspect_of_item(kb, &item))),
                focus: Some(item),
                page: 1,
            }
            .into()
        }
        Intent::Reverse => K::Needs {
            item: reading.items.first().cloned().unwrap_or_default(),
        }
        .into(),
        Intent::Search => K::Search {
            query: question.to_owned(),
        }
        .into(),
        Intent::Clarify => return Err(clarify(kb, reading)),
        Intent::Unknown if search::has_hits(kb, question) => K::Search {
            query: question.to_owned(),
        }
        .into(),
        Intent::Unknown => Understood::Reply(dont_know(kb, question)),
    })
}

/// The aspect a thing belongs to: a qualification to Education, a tool to Tools, anything
/// else (a language, a method, something no article names) to Skills.
fn aspect_of_item(kb: &KnowledgeBase, item: &str) -> Section {
    match kb.taxonomy.find_in(item).first() {
        Some(entry) if entry.category.is_tool() => Section::Tools,
        Some(_) => Section::Skills,
        None if crate::advisor::reader::is_qualification(item) => Section::Education,
        None => Section::Skills,
    }
}

/// The clarifying question for a reading that needs a role and names none clearly.
fn clarify(kb: &KnowledgeBase, reading: &Reading) -> Problem {
    let part = reading.name_part.as_deref();
    let (wanted, aspect) = (reading.wanted, reading.aspect);
    which_role_for(kb, part, &reading.candidates, |role: &Role| match wanted {
        Some(Intent::Salary) => Request::Board(BoardRequest::Salary {
            roles: vec![role.slug.clone()],
        }),
        _ => KnowledgeRequest::Role {
            role: role.slug.clone(),
            aspect,
            focus: None,
            page: 1,
        }
        .into(),
    })
}

/// Whether the question speaks of the one asking ("fit me", "my skills", "should I").
fn speaks_of_oneself(question: &str) -> bool {
    question
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .any(|word| {
            ["i", "me", "my", "mine", "myself", "i'm"].contains(&word.to_lowercase().as_str())
        })
}

/// An honest "I don't know", with roles that look close and questions that work.
fn dont_know(kb: &KnowledgeBase, question: &str) -> Reply {
    let close: Vec<String> = kb
        .closest(question, 3)
        .into_iter()
        .map(|r| format!("**{}**", r.name))
        .collect();
    let mut text = format!(
        "I couldn't tell what \"{}\" is asking.",
        escape_user_text(&crate::reply::limits::clamp(question, 200))
    );
    if !close.is_empty() {
        text.push_str(&format!(
            " Roles I know that look close: {}.",
            close.join(", ")
        ));
    }
    text.push_str(
        "\nTry: \"ml engineer vs data specialist\", \"what does an mlops engineer do?\", \
         \"does a data scientist need a PhD?\", \"I know python and sql, which role fits?\", or `/roles`.",
    );
    Reply::embed(
        Embed::new("I don't know that one yet")
            .colour(colour::INFO)
            .description(&text),
    )
    .ephemeral(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kb() -> KnowledgeBase {
        KnowledgeBase::embedded().expect("the shipped knowledge base")
    }

    fn reading(intent: Intent, roles: &[&str]) -> Reading {
        Reading::new(intent, roles.iter().map(|r| r.to_string()).collect())
    }

    #[test]
    fn readings_nearly_as_likely_are_offered_as_buttons_each_answering_one() {
        let kb = kb();
        let mle = "machine-learning-engineer";
        let mut first = reading(Intent::Profile, &[mle]);
        first.alternatives = vec![
            reading(Intent::Path, &[mle]),
            // The same command as the first: one choice, not two.
            reading(Intent::Profile, &[mle]),
        ];
        let Some(Problem::WhichReading(which)) = which_reading(&kb, &first, "mle?") else {
            panic!("expected a question back");
        };
        let lines: Vec<&str> = which.choices.iter().map(|c| c.line.as_str()).collect();
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert_eq!(
            lines,
            [
                "/role machine-learning-engineer",
                "/path machine-learning-engineer"
            ]
        );
        assert_eq!(
            which.choices[0].label,
            "About the Machine Learning Engineer"
        );
        let reply = Problem::WhichReading(which).reply();
        assert!(reply.is_ephemeral());
        assert_eq!(reply.rows().iter().flatten().count(), 2);
    }

    #[test]
    fn a_reading_without_alternatives_or_with_one_answer_is_not_asked_back() {
        let kb = kb();
        let alone = reading(Intent::Profile, &["machine-learning-engineer"]);
        assert!(which_reading(&kb, &alone, "mle").is_none());
        let mut same = alone.clone();
        same.alternatives = vec![alone.clone()];
        assert!(which_reading(&kb, &same, "mle").is_none());
    }
}
