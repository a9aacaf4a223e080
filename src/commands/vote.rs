//! The "Was this useful?" buttons: what an answer was about ([`voted_answer`]), and the
//! `custom_id` a 👍 or 👎 carries, `vote:<up|down>:<command>:<aspect>:<role>,<role>`
//! (`vote:down:compare:tools:data-engineer,data-scientist`). Command lines start with `/`,
//! so a vote is never read as one; a vote only ever records a vote.
//!
//! The id is bounded by Discord's 100 characters: the roles come last, and a role that
//! would not fit (two 36-byte slugs with a long aspect) is left out of the answer the vote
//! is about, so the button and the stored vote always agree. On receipt the id is user
//! input and read strictly: a known command answered from the knowledge base, a known
//! aspect, at most two slugs; anything else is no vote.

use super::request::KnowledgeRequest;
use super::{find, spec, CommandId};
use crate::knowledge::text::names::SLUG_MAX;
use crate::knowledge::{KnowledgeBase, Section};
use crate::reply::limits;
use crate::teaching::store::votes::{Vote, VotedAnswer};

/// A vote button, as its `custom_id` carries it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VoteButton {
    pub vote: Vote,
    pub answer: VotedAnswer,
}

const PREFIX: &str = "vote:";

/// The most roles an answer is about (a comparison, a path from one role to another).
const MOST_ROLES: usize = 2;

impl VoteButton {
    /// `vote:<vote>:<command>:<aspect>:<roles>`; within 100 characters for an answer from
    /// [`voted_answer`].
    pub fn custom_id(&self) -> String {
        let aspect = self.answer.aspect.as_deref().unwrap_or_default();
        format!(
            "{PREFIX}{}:{}:{aspect}:{}",
            self.vote.key(),
            self.answer.command,
            self.answer.roles.join(",")
        )
    }

    /// Whether `custom_id` claims to be a vote (whether or not it is one rolecall sent):
    /// such an id is never a command line.
    pub fn claims(custom_id: &str) -> bool {
        custom_id.starts_with(PREFIX)
    }

    /// The vote a `custom_id` carries, if it is one rolecall could have sent.
    pub fn parse(custom_id: &str) -> Option<VoteButton> {
        if custom_id.chars().count() > limits::CUSTOM_ID {
            return None;
        }
        let mut parts = custom_id.strip_prefix(PREFIX)?.split(':');
        let (vote, command, aspect, roles) =
            (parts.next()?, parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() {
            return None;
        }
        let vote = Vote::from_key(vote)?;
        let command = find(command).filter(|c| c.name == command && votable(c.id))?;
        let aspect = match aspect {
            "" => None,
            key => Some(Section::from_key(key)?.key().to_owned()),
        };
        let roles: Vec<String> = match roles {
            "" => Vec::new(),
            roles => roles.split(',').map(str::to_owned).collect(),
        };
        if roles.len() > MOST_ROLES || !roles.iter().all(|r| is_slug(r)) {
            return None;
        }
        Some(VoteButton {
            vote,
            answer: VotedAnswer {
                command: command.name.to_owned(),
                roles,
                aspect,
            },
        })
    }
}

/// What an answer to `request` from `kb` is about, for its vote buttons: the command that
/// makes it, the roles it named (as `kb`'s slugs) and the aspect. `None` for `/help` and
/// `/kb stats`, which say what rolecall is, not what a role is.
pub fn voted_answer(kb: &KnowledgeBase, request: &KnowledgeRequest) -> Option<VotedAnswer> {
    use KnowledgeRequest as K;
    let (command, named, aspect): (CommandId, Vec<&str>, Option<Section>) = match request {
        K::Compare { a, b, aspect } => (CommandId::Compare, vec![a, b], *aspect),
        K::Skills { role } => (CommandId::Skills, vec![role], None),
        K::Role { role, aspect, .. } => (CommandId::Role, vec![role], *aspect),
        K::Roles { .. } => (CommandId::Roles, Vec::new(), None),
        K::Path { from, to, .. } => {
            let named = from.iter().chain([to]).map(String::as_str).collect();
            (CommandId::Path, named, None)
        }
        K::Match { .. } => (CommandId::Match, Vec::new(), None),
        // Only a question asks which roles need a thing: it has no command of its own.
        K::Needs { .. } => (CommandId::Ask, Vec::new(), None),
        K::Search { .. } => (CommandId::Search, Vec::new(), None),
        K::KbStats | K::Help => return None,
    };
    let mut answer = VotedAnswer {
        command: spec(command).name.to_owned(),
        roles: Vec::new(),
        aspect: aspect.map(|a| a.key().to_owned()),
    };
    for role in named.into_iter().filter_map(|name| kb.recognise(name)) {
        answer.roles.push(role.slug.clone());
        let longest = VoteButton {
            vote: Vote::Down,
            answer: answer.clone(),
        };
        if longest.custom_id().chars().count() > limits::CUSTOM_ID {
            answer.roles.pop();
        }
    }
    Some(answer)
}

/// The commands whose answers come from the knowledge base, and so carry votes.
fn votable(command: CommandId) -> bool {
    use CommandId as C;
    match command {
        C::Compare | C::Skills | C::Role | C::Roles | C::Path | C::Match | C::Ask | C::Search => {
            true
        }
        C::Jobs | C::Salary | C::Kb | C::Help | C::Job => false,
    }
}

/// A role's slug as `knowledge::text::names::slugify` makes one: lower-case letters, digits
/// and single dashes, at most 36 bytes.
fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= SLUG_MAX
        && !text.starts_with('-')
        && !text.ends_with('-')
        && !text.contains("--")
        && text
            .chars()
            .all(|c| c == '-' || c.is_numeric() || (c.is_alphabetic() && !c.is_uppercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn button(vote: Vote, command: &str, roles: &[&str], aspect: Option<&str>) -> VoteButton {
        VoteButton {
            vote,
            answer: VotedAnswer {
                command: command.to_owned(),
                roles: roles.iter().map(|r| (*r).to_owned()).collect(),
                aspect: aspect.map(str::to_owned),
            },
        }
    }

    #[test]
    fn a_vote_button_reads_back_as_itself() {
        let longest = "a".repeat(SLUG_MAX);
        for button in [
            button(
                Vote::Down,
                "compare",
                &["data-engineer", "data-scientist"],
                Some("tools"),
            ),
            button(Vote::Up, "role", &["mlops-engineer"], None),
            button(Vote::Up, "search", &[], None),
            button(Vote::Down, "ask", &[], None),
            button(
                Vote::Down,
                "path",
                &[&longest, "b"],
                Some("responsibilities"),
            ),
        ] {
            let id = button.custom_id();
            assert!(id.chars().count() <= limits::CUSTOM_ID, "{id}");
            assert_eq!(VoteButton::parse(&id), Some(button), "{id}");
        }
        assert_eq!(
            button(Vote::Down, "compare", &["a", "b"], Some("tools")).custom_id(),
            "vote:down:compare:tools:a,b"
        );
    }

    #[test]
    fn a_forged_vote_is_no_vote() {
        let long = "a".repeat(SLUG_MAX + 1);
        let over = format!(
            "vote:up:compare:tools:{},{}",
            "a".repeat(36),
            "b".repeat(60)
        );
        for forged in [
            "vote:",
            "vote:up",
            "vote:up:compare:tools",
            "vote:sideways:compare::a",
            "vote:up:job::a",
            "vote:up:kb::",
            "vote:up:help::",
            "vote:up:Compare::a",
            "vote:up:teleport::a",
            "vote:up:role:astrology:a",
            "vote:up:role:Tools:a",
            "vote:up:compare::a,b,c",
            "vote:up:compare::a,,b",
            "vote:up:role::Data-Engineer",
            "vote:up:role::data engineer",
            "vote:up:role::-a",
            "vote:up:role::a:b",
            "vote:up:role::<@123>",
            "/role data-engineer",
            "kb_draft:add:abcd",
            &format!("vote:up:role::{long}"),
            &over,
        ] {
            assert_eq!(VoteButton::parse(forged), None, "{forged}");
            assert_eq!(VoteButton::claims(forged), forged.starts_with("vote:"));
        }
    }

    #[test]
    fn only_answers_from_the_knowledge_base_are_voted_on() {
        for command in CommandId::ALL {
            let id = format!("vote:up:{}::", spec(*command).name);
            assert_eq!(VoteButton::parse(&id).is_some(), votable(*command), "{id}");
        }
    }
}
