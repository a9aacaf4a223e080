//! "Was this useful?": the compact 👍 / 👎 pair every answer from the knowledge base ends
//! with (after its own buttons and menus, never displacing them: `Reply::push_trailing_buttons`),
//! and the private thanks a vote gets.

use crate::commands::vote::VoteButton;
use crate::reply::{ButtonStyle, Component, Reply};
use crate::teaching::store::votes::{Vote, VotedAnswer};

/// Ends `reply` with the vote pair for `answer`, when the message has room for it.
pub fn offer_votes(reply: &mut Reply, answer: &VotedAnswer) {
    let button = |label: &str, vote: Vote| {
        let id = VoteButton {
            vote,
            answer: answer.clone(),
        }
        .custom_id();
        Component::button(label, &id, ButtonStyle::Secondary)
    };
    reply.push_trailing_buttons(vec![button("👍", Vote::Up), button("👎", Vote::Down)]);
}

/// The private acknowledgement of `vote`.
pub fn thanks(vote: Vote) -> Reply {
    let text = match vote {
        Vote::Up => "👍 Thanks: noted that this answer was useful.",
        Vote::Down => {
            "👎 Thanks: noted that this answer fell short. In a server, its mentors see the answers voted down most, to know which articles to add."
        }
    };
    Reply::text(&format!(
        "{text} A click on the other button changes your vote."
    ))
    .ephemeral(true)
}
