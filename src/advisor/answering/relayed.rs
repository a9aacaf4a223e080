//! An answer a mentor asked for on a member's message ("Answer with rolecall"): the answer
//! itself, public, led by a line that names the member, links their question and says which
//! mentor asked for it. Mentions render as names and ping no one (every message has empty
//! `allowed_mentions`).

use crate::reply::Reply;

/// The member's message, as the answer points at it.
#[derive(Debug, Clone, Copy)]
pub struct Relayed<'a> {
    /// The member who wrote it.
    pub author: u64,
    /// A link to it.
    pub link: &'a str,
    /// The mentor who asked for the answer, when their id is known.
    pub mentor: Option<u64>,
}

/// `answer`, public, led by who and what it answers.
pub fn relayed(answer: Reply, asked: Relayed<'_>) -> Reply {
    let by = asked
        .mentor
        .map(|mentor| format!(" · asked for by <@{mentor}>"))
        .unwrap_or_default();
    let intro = format!(
        "↪ Answering <@{}>'s [question]({}){by}",
        asked.author, asked.link
    );
    answer.ephemeral(false).with_intro(&intro)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_answer_is_public_and_names_the_member_their_question_and_the_mentor() {
        let answer = Reply::text("Data engineers build pipelines.").ephemeral(true);
        let link = "https://discord.com/channels/1/2/3";
        let shown = relayed(
            answer,
            Relayed {
                author: 42,
                link,
                mentor: Some(7),
            },
        );
        assert!(!shown.is_ephemeral());
        assert_eq!(
            shown.content(),
            "↪ Answering <@42>'s [question](https://discord.com/channels/1/2/3) · asked for by <@7>\nData engineers build pipelines."
        );
    }
}
