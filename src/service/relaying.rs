//! "Answer with rolecall": a mentor has the bot answer a member's message, in public, in the
//! channel where it was asked. Only mentors (and members with Manage Server) may; the
//! message is read as a chat question is (the first lines of it, mentions stripped) and
//! answered from the server's knowledge base. What cannot be answered is said to the mentor
//! alone, so a channel never sees an "I don't know" nobody asked for.

use crate::advisor::relayed::{self, Relayed};
use crate::advisor::Problem;
use crate::commands::message::question_of;
use crate::jobs::rights::Caller;
use crate::reply::escape::strip_mentions;
use crate::reply::Reply;
use crate::teaching::TeachingProblem;

use super::Service;

/// A member's message a mentor asked the bot to answer.
#[derive(Debug, Clone, Copy)]
pub struct AskedMessage<'a> {
    pub author: u64,
    pub author_is_bot: bool,
    pub text: &'a str,
    /// Where the message is, for the answer to link to it.
    pub link: &'a str,
}

impl Service {
    /// The public answer to `message`, for the mentor `caller`; or, for them alone, why
    /// there is none.
    pub async fn answer_message(
        &self,
        caller: &Caller,
        message: AskedMessage<'_>,
        now: i64,
    ) -> Result<Reply, Problem> {
        let store = self.teaching_store_or_unavailable().await?;
        crate::teaching::manage::mentor_only(&store, &super::asker_of(caller)).await?;
        if message.author_is_bot {
            return Err(refused(
                "That message is from a bot: use this on a member's question.",
            ));
        }
        let question = strip_mentions(question_of(message.text));
        if question.trim().is_empty() {
            return Err(refused(
                "That message has no text I can read as a question (only files or images?).",
            ));
        }
        let (answered, _topic) = self.answer_chat(&question, None, caller, now).await;
        let answer = answered?.reply;
        // What would be private to the one who asked (an "I don't know") stays the mentor's.
        if answer.is_ephemeral() {
            return Ok(answer);
        }
        let asked = Relayed {
            author: message.author,
            link: message.link,
            mentor: caller.user.parse().ok(),
        };
        Ok(relayed::relayed(answer, asked))
    }
}

fn refused(reason: &str) -> Problem {
    TeachingProblem::Refused(reason.to_owned()).into()
}
