//! Answers that take longer than Discord's three seconds: `/kb add` with a file, which must
//! be downloaded and read. The interaction is answered at once with a private "thinking…"
//! (`InteractionResponse::DeferredPrivate`); the front end then calls [`Bot::finish`],
//! which does the work and edits the answer in through the interaction's webhook. Both front
//! ends share this: the gateway finishes in its event's task, the HTTP endpoint after it has
//! sent its response.

use super::interaction::{Incoming, InteractionWebhook};
use super::json;
use super::{caller_of, Bot};
use crate::advisor::Problem;
use crate::commands::invocation::Attachment;
use crate::jobs::rights::Caller;
use crate::reply::{escape_user_text, Reply};
use crate::teaching::upload::{self, FileFacts, UPLOAD_MAX_BYTES};
use crate::teaching::TeachingProblem;

/// The answer still to come after a deferred response.
#[derive(Debug, Clone, PartialEq)]
pub struct Later {
    work: Work,
    caller: Caller,
    webhook: InteractionWebhook,
    unix_now: i64,
}

/// What becomes of a request that would take too long to answer at once.
pub(super) enum Deferral {
    /// Answered later: the interaction is deferred meanwhile.
    Later(Later),
    /// Refused at once, with the reason.
    Refused(Reply),
}

#[derive(Debug, Clone, PartialEq)]
enum Work {
    /// A mentor's article file, to download, read and preview.
    Upload(Attachment),
}

impl Bot {
    /// `/kb add article:<file>`: refused at once (the reply says why) when the caller may
    /// not add articles or the file is not one rolecall reads (decided from what Discord says
    /// of it, before any download); otherwise the work to defer, for [`Bot::finish`].
    pub(super) async fn defer_upload(
        &self,
        incoming: &Incoming,
        file: &Attachment,
        unix_now: i64,
    ) -> Deferral {
        let refuse = |problem: Problem| Deferral::Refused(problem.reply());
        let caller = caller_of(incoming);
        if let Err(problem) = self.service.may_add_articles(&caller).await {
            return refuse(problem);
        }
        let facts = FileFacts {
            filename: &file.filename,
            size: file.size,
            content_type: file.content_type.as_deref(),
        };
        if let Err(problem) = upload::check_file(facts) {
            return refuse(TeachingProblem::from(problem).into());
        }
        let Some(webhook) = incoming.webhook.clone() else {
            return Deferral::Refused(Reply::error(
                "That file didn't work",
                "Discord sent this command without the token to answer it later; run it again.",
            ));
        };
        Deferral::Later(Later {
            work: Work::Upload(file.clone()),
            caller,
            webhook,
            unix_now,
        })
    }

    /// Does the deferred work and edits its answer in. A failed edit is logged: the member
    /// then sees Discord's "did not respond", and nothing was kept but a draft that expires.
    pub async fn finish(&self, later: Later) {
        let reply = match &later.work {
            Work::Upload(file) => self.read_upload(&later.caller, file, later.unix_now).await,
        };
        let body = json::edited_message(&reply);
        if let Err(error) = self.rest.edit_original(&later.webhook, &body).await {
            tracing::warn!(%error, "editing a deferred answer failed");
        }
    }

    /// The downloaded file's preview, or why there is none.
    async fn read_upload(&self, caller: &Caller, file: &Attachment, unix_now: i64) -> Reply {
        match self.rest.download(&file.url, UPLOAD_MAX_BYTES).await {
            Ok(bytes) => self
                .service
                .preview_upload(caller, &file.filename, &bytes, unix_now)
                .await
                .unwrap_or_else(|problem| problem.reply()),
            Err(error) => {
                tracing::info!(%error, "downloading an attached article failed");
                Reply::error(
                    "That file didn't work",
                    &format!(
                        "I couldn't read `{}`: {error}.",
                        escape_user_text(&file.filename)
                    ),
                )
            }
        }
    }
}
