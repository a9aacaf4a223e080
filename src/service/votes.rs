//! "Was this useful?" as the service carries it out: every answer from the knowledge base
//! ends with a 👍 / 👎 pair (added here, once, whatever renders the answer), and a
//! member's vote is kept with what the answer was about, never the question's text: one
//! vote per member per answer, a second click changing it. A server's votes on roles are
//! forgotten once an article about those roles is added after them.

use std::collections::HashMap;

use crate::advisor::{feedback, Problem};
use crate::commands::request::KnowledgeRequest;
use crate::commands::vote::{voted_answer, VoteButton};
use crate::jobs::rights::Caller;
use crate::knowledge::KnowledgeBase;
use crate::reply::Reply;
use crate::teaching::model::article_of_document;
use crate::teaching::problem_of;
use crate::teaching::store::votes::Ballot;
use crate::teaching::store::TeachingStore;

use super::{server_of, Service};

impl Service {
    /// Keeps `caller`'s vote on the answer in `message` (in a server, or a DM: server 0),
    /// and thanks them privately.
    pub async fn vote(
        &self,
        caller: &Caller,
        message: u64,
        button: &VoteButton,
        now: i64,
    ) -> Result<Reply, Problem> {
        let store = self.teaching_store_or_unavailable().await?;
        let ballot = Ballot {
            guild: server_of(caller),
            message,
            voter: &caller.user,
        };
        store
            .record_vote(ballot, &button.answer, button.vote, now)
            .await
            .map_err(problem_of)?;
        Ok(feedback::thanks(button.vote))
    }
}

/// `reply`, the answer to `request` from `kb`, ending with the vote pair; an error reply
/// (an empty result, say) gets none.
pub(super) fn with_votes(kb: &KnowledgeBase, request: &KnowledgeRequest, reply: Reply) -> Reply {
    let mut reply = reply;
    if let Some(answer) = voted_answer(kb, request).filter(|_| !reply.is_error()) {
        feedback::offer_votes(&mut reply, &answer);
    }
    reply
}

/// Forgets `guild`'s votes on answers about a role that an article of `added` ((id, time
/// added) of the server's articles) teaches in `kb`, cast before that article was added.
pub(super) async fn forget_answered_votes(
    store: &TeachingStore,
    guild: u64,
    kb: &KnowledgeBase,
    added: &[(i64, i64)],
) {
    let added: HashMap<i64, i64> = added.iter().copied().collect();
    let added_at: Vec<Option<i64>> = kb
        .articles
        .iter()
        .map(|article| added.get(&article_of_document(&article.file)?).copied())
        .collect();
    // The time the latest article teaching each role was added.
    let mut taught: HashMap<&str, i64> = HashMap::new();
    for role in &kb.roles {
        let latest = role
            .sources
            .iter()
            .filter_map(|&source| added_at.get(source).copied().flatten())
            .max();
        if let Some(latest) = latest {
            taught.insert(role.slug.as_str(), latest);
        }
    }
    if taught.is_empty() {
        return;
    }
    let forgotten = store
        .forget_answered_votes(guild, |answer| {
            answer
                .roles
                .iter()
                .filter_map(|slug| taught.get(slug.as_str()).copied())
                .max()
        })
        .await;
    if let Err(error) = forgotten {
        let error = anyhow::Error::from(error);
        tracing::warn!(
            guild,
            error = format!("{error:#}"),
            "votes on answered roles could not be forgotten"
        );
    }
}
