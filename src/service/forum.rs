//! The forum mode as the service carries it out: a new post in the server's answer forum is
//! claimed once, read (at most [`POST_READ_MAX`] characters of it), and answered only when
//! the reading is confident and the answer says something; otherwise the bot stays quiet and
//! the post counts as a gap like any unanswered question. A mentor may take an answer down.

use std::sync::Arc;

use crate::advisor::intent::{self, Interpretation, Topic, Understood};
use crate::advisor::{self, Problem};
use crate::jobs::model::Board;
use crate::jobs::rights::{Caller, Standing};
use crate::reply::escape::strip_mentions;
use crate::reply::limits;
use crate::reply::Reply;
use crate::teaching::forum::{ForumProbe, ForumReadiness};
use crate::teaching::manage::mentor_only;
use crate::teaching::store::forum::TakeDown;
use crate::teaching::store::TeachingError;
use crate::teaching::{problem_of, TeachingProblem};

use super::gaps::empty_aspects;
use super::{asker_of, Service};

/// The most of a post that is read, in code points: as much as `/ask` takes. A long post is
/// read by its title and its opening, where a question usually is; the reader's work stays
/// bounded whatever members paste.
pub const POST_READ_MAX: usize = crate::commands::TEXT_MAX as usize;

/// A new post in a forum, as the edge saw it.
#[derive(Debug, Clone, Copy)]
pub struct ForumPost<'a> {
    pub guild: u64,
    /// The forum the post is in.
    pub forum: u64,
    /// The post's thread (also its first message's id).
    pub thread: u64,
    /// Its title, when the edge knows it.
    pub title: Option<&'a str>,
    pub text: &'a str,
    pub author: &'a str,
}

/// An answer to post in a post's thread, and what the thread is about now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ForumAnswer {
    pub reply: Reply,
    pub topic: Option<Topic>,
}

impl Service {
    /// Lets the service see what the gateway sees (set once, when the gateway connects).
    pub fn connect_forum(&self, probe: Arc<dyn ForumProbe>) {
        let _ = self.forum_probe.set(probe);
    }

    /// How ready `forum` of `guild` is for the forum mode, as this process can tell.
    pub(super) fn forum_readiness(&self, guild: u64, forum: u64) -> ForumReadiness {
        self.forum_probe
            .get()
            .map_or(ForumReadiness::NO_GATEWAY, |probe| {
                probe.readiness(guild, forum)
            })
    }

    /// `guild`'s answer forum, read from the store on every call so that a `/kb setup` in
    /// another process counts at once; none when the store fails (logged).
    pub async fn answer_forum(&self, guild: u64) -> Option<u64> {
        let store = self.teaching_store_or_unavailable().await.ok()?;
        match store.settings(guild).await {
            Ok(settings) => settings.answer_forum,
            Err(error) => {
                logged(error, "reading the answer forum");
                None
            }
        }
    }

    /// The answer to a new forum post, or `None` to stay quiet: the post is not in the
    /// server's answer forum, has no text (an image alone), was read before (a duplicate
    /// event), or is not read with confidence as a question the articles answer.
    pub async fn answer_forum_post(&self, post: &ForumPost<'_>, now: i64) -> Option<ForumAnswer> {
        let question = question_of(post);
        if question.is_empty() || self.answer_forum(post.guild).await != Some(post.forum) {
            return None;
        }
        // Claimed before it is read: of two deliveries of one post, only one goes on.
        let store = self.teaching_store_or_unavailable().await.ok()?;
        match store.claim_forum_post(post.guild, post.thread, now).await {
            Ok(true) => {}
            Ok(false) => return None,
            Err(error) => {
                // Unclaimed, unanswered: a second answer is worse than none.
                logged(error, "claiming a forum post");
                return None;
            }
        }
        let caller = Caller {
            user: post.author.to_owned(),
            board: Board::server(post.guild),
            // An answer only browses, as chat does.
            standing: Standing::Outsider,
        };
        let kb = self.knowledge_for(&caller);
        let Interpretation {
            understood,
            topic,
            confident,
        } = match intent::interpret(&kb, &question, None) {
            Ok(interpretation) => interpretation,
            Err(problem) => {
                self.note_gap(&caller, &problem, Some(&question), now).await;
                return None;
            }
        };
        if !confident {
            return None;
        }
        if let Understood::Knowledge(request) = &understood {
            // "The articles say nothing about it" is no answer to post unasked.
            if !empty_aspects(&kb, request).is_empty() {
                self.note_empty_aspects(&caller, &kb, request, now).await;
                return None;
            }
        }
        match self.understood(&kb, understood, &caller, now, false).await {
            Ok(outcome) if !outcome.reply.is_error() => Some(ForumAnswer {
                reply: advisor::forum::answer(&outcome.reply),
                topic,
            }),
            Ok(_) => None,
            Err(problem) => {
                self.note_gap(&caller, &problem, Some(&question), now).await;
                None
            }
        }
    }

    /// Records `message` as the answer posted to post `thread`, so that it may be taken
    /// down. A failure is logged: the answer stands either way.
    pub async fn forum_answer_posted(&self, guild: u64, thread: u64, message: u64) {
        if let Ok(store) = self.teaching_store_or_unavailable().await {
            if let Err(error) = store.record_forum_answer(guild, thread, message).await {
                logged(error, "recording a forum answer");
            }
        }
    }

    /// A mentor's "Remove this answer" on forum answer `message`: the answer's replacement,
    /// or (privately) why not. Mentors and members with Manage Server only, checked here.
    pub async fn take_down_forum_answer(
        &self,
        caller: &Caller,
        message: u64,
        now: i64,
    ) -> Result<Reply, Problem> {
        let store = self.teaching_store_or_unavailable().await?;
        let asker = asker_of(caller);
        mentor_only(&store, &asker).await?;
        match store
            .take_down_forum_answer(asker.guild, message, now)
            .await
            .map_err(problem_of)?
        {
            TakeDown::Done | TakeDown::AlreadyDown => Ok(advisor::forum::taken_down()),
            TakeDown::NotAnAnswer => Err(TeachingProblem::Refused(
                "This message is not one of the bot's forum answers in this server.".to_owned(),
            )
            .into()),
        }
    }
}

/// Logs a store failure the forum mode meets with silence.
fn logged(error: TeachingError, doing: &str) {
    let error = anyhow::Error::from(error);
    tracing::warn!(error = format!("{error:#}"), "{doing} failed");
}

/// What of a post is read: its title and text, mentions stripped, at most
/// [`POST_READ_MAX`] code points; empty for a post with no text (an image alone).
fn question_of(post: &ForumPost<'_>) -> String {
    let text = strip_mentions(post.text);
    if text.trim().is_empty() {
        return String::new();
    }
    let title = post.title.map(strip_mentions).unwrap_or_default();
    let whole = if title.trim().is_empty() || text.contains(title.trim()) {
        text
    } else {
        format!("{}\n{text}", title.trim())
    };
    limits::clamp(&whole, POST_READ_MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn post<'a>(title: Option<&'a str>, text: &'a str) -> ForumPost<'a> {
        ForumPost {
            guild: 1,
            forum: 2,
            thread: 3,
            title,
            text,
            author: "4",
        }
    }

    #[test]
    fn a_post_is_read_by_its_title_and_opening_within_bounds() {
        assert_eq!(
            question_of(&post(Some("A title"), "  ")),
            "",
            "an image alone"
        );
        assert_eq!(
            question_of(&post(None, "<@1000> data engineer?")),
            "data engineer?"
        );
        assert_eq!(
            question_of(&post(
                Some("ML engineer vs data scientist"),
                "Which pays more?"
            )),
            "ML engineer vs data scientist\nWhich pays more?"
        );
        let long = "é".repeat(4_000);
        let read = question_of(&post(Some("Title"), &long));
        assert_eq!(read.chars().count(), POST_READ_MAX);
        assert!(read.starts_with("Title\n"));
    }
}
