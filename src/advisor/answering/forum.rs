//! Answers in the server's answer forum: a confident answer posted unasked in a new post's
//! thread, and what takes its place when a mentor takes it down.

use crate::commands::vote::VoteButton;
use crate::reply::{ButtonStyle, Component, Reply};
use crate::teaching::forum::TakeDownButton;

/// The label of the take-down button: it says who it is for, since every member sees it.
pub const TAKE_DOWN_LABEL: &str = "Remove this answer (mentors)";

/// `answer` as posted in a forum thread: its embeds and its 👍 / 👎 pair, then the mentors'
/// "Remove this answer". Its other buttons and menus are left off: they replace the message
/// they are on, and a forum answer is read by everyone in the thread, so one member's click
/// would change it for all (and drop the take-down button with it).
pub fn answer(answer: &Reply) -> Reply {
    let mut posted = Reply::text(answer.content());
    for embed in answer.embeds() {
        posted.push_embed(embed.clone());
    }
    let mut buttons: Vec<Component> = answer
        .rows()
        .iter()
        .flatten()
        .filter(|component| VoteButton::claims(component.custom_id()))
        .cloned()
        .collect();
    buttons.push(Component::button(
        TAKE_DOWN_LABEL,
        TakeDownButton::CUSTOM_ID,
        ButtonStyle::Secondary,
    ));
    posted.push_buttons(buttons);
    posted
}

/// What replaces an answer a mentor took down: a line, no embed, no button.
pub fn taken_down() -> Reply {
    Reply::text("A mentor took this answer down.")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reply::Embed;

    #[test]
    fn a_forum_answer_keeps_its_embeds_and_votes_and_ends_with_the_take_down() {
        let mut reply = Reply::embed(Embed::new("Data Engineer").description("Builds pipelines."));
        reply.push_buttons(vec![
            Component::button("Skills", "/skills data-engineer", ButtonStyle::Primary),
            Component::button("Compare…", "/compare data-engineer x", ButtonStyle::Primary),
        ]);
        reply.push_buttons(vec![Component::button(
            "👍",
            "vote:up:role:data-engineer:",
            ButtonStyle::Secondary,
        )]);
        let posted = answer(&reply);
        assert_eq!(posted.embeds(), reply.embeds());
        let ids: Vec<&str> = posted
            .rows()
            .iter()
            .flatten()
            .map(|c| c.custom_id())
            .collect();
        assert_eq!(
            ids,
            ["vote:up:role:data-engineer:", TakeDownButton::CUSTOM_ID]
        );
        assert!(!posted.is_ephemeral());
    }

    #[test]
    fn a_taken_down_answer_shows_nothing_of_it() {
        let gone = taken_down();
        assert!(gone.embeds().is_empty() && gone.rows().is_empty());
        assert!(!gone.content().is_empty());
    }
}
