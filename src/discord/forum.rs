//! The forum mode at the edge, for whichever front end sees forum posts (the gateway): a
//! new post answered in its thread or met with silence, a follow-up read with the thread's
//! topic, and a mentor's take-down of an answer, the same from both front ends.

use std::time::Instant;

use super::chat::Speaker;
use super::interaction::Incoming;
use super::json::InteractionResponse;
use super::{caller_of, Bot, ChatMessage};
use crate::reply::Reply;
use crate::service::forum::ForumPost;
use crate::service::Outcome;

/// The key a thread's own topic is remembered under: no user id is empty.
fn thread_speaker(thread: u64) -> Speaker {
    Speaker {
        user: String::new(),
        channel: thread.to_string(),
    }
}

impl Bot {
    /// A new post in a forum: the answer to post in its thread, or `None` for silence (see
    /// `Service::answer_forum_post`). The post's topic is kept for follow-ups.
    pub async fn forum_post(
        &self,
        post: &ForumPost<'_>,
        now: Instant,
        unix_now: i64,
    ) -> Option<Reply> {
        let answer = self.service.answer_forum_post(post, unix_now).await?;
        if let Some(topic) = answer.topic {
            self.threads
                .remember(&thread_speaker(post.thread), topic, now);
        }
        Some(answer.reply)
    }

    /// A message in an answered post's thread that mentions the bot or replies to it: chat,
    /// read with what its speaker discussed there, else with the post's topic.
    pub async fn forum_follow_up(
        &self,
        message: ChatMessage<'_>,
        thread: u64,
        now: Instant,
        unix_now: i64,
    ) -> Outcome {
        let context = self.threads.recall(&thread_speaker(thread), now);
        self.converse(message, context, now, unix_now).await
    }

    /// "Remove this answer" on a forum answer: the answer replaced in place for a mentor,
    /// or a private refusal.
    pub(super) async fn take_down(
        &self,
        incoming: &Incoming,
        unix_now: i64,
    ) -> InteractionResponse {
        let Some(message) = incoming.message_id else {
            return InteractionResponse::Message(Reply::error(
                "That button didn't work",
                "It is not on one of the bot's forum answers.",
            ));
        };
        match self
            .service
            .take_down_forum_answer(&caller_of(incoming), message, unix_now)
            .await
        {
            Ok(replacement) => InteractionResponse::Update(replacement),
            Err(problem) => InteractionResponse::Message(problem.reply()),
        }
    }
}
