//! Turns an [`Incoming`] interaction into the body of Discord's interaction response, the
//! same for the gateway and the HTTP endpoint. Every answer comes from the service.

use std::time::Duration;

use super::deferred::{Deferral, Later};
use super::interaction::{Incoming, IncomingKind, Submission};
use super::json::InteractionResponse;
use super::{caller_of, Bot};
use crate::advisor::{self, Problem};
use crate::commands::request::Call;
use crate::commands::vote::VoteButton;
use crate::commands::{self, parse_line, Autocomplete, CommandId, Cost, Invocation, Request};
use crate::jobs::board::BoardProblem;
use crate::members::alerts::AlertButton;
use crate::reply::Reply;
use crate::service::alerts::PostedJob;
use crate::service::{Announcement, Outcome};
use crate::teaching::adding::{DraftButton, FORM_ID};
use crate::teaching::forum::TakeDownButton;
use crate::teaching::request::TeachingRequest;
use crate::teaching::TeachingProblem;

/// The interaction response, a message the front end posts elsewhere afterwards, and the
/// answer still to come when the response defers it.
#[derive(Debug, Clone, PartialEq)]
pub struct Response {
    pub body: InteractionResponse,
    pub announcement: Option<Announcement>,
    /// A posted job's alerts, for the front end to queue once `body` is sent.
    pub alerts: Option<PostedJob>,
    /// For the front end to hand to [`Bot::finish`] once `body` is sent.
    pub later: Option<Later>,
}

impl From<InteractionResponse> for Response {
    fn from(body: InteractionResponse) -> Response {
        Response {
            body,
            announcement: None,
            alerts: None,
            later: None,
        }
    }
}

impl Bot {
    /// The response to `incoming`, received at `unix_now` (seconds, the board's clock).
    pub async fn respond(&self, incoming: &Incoming, unix_now: i64) -> Response {
        match &incoming.kind {
            IncomingKind::Ping => InteractionResponse::Pong.into(),
            IncomingKind::Command(Ok(invocation)) if adds_an_article(invocation) => {
                match invocation.attachment(ARTICLE_FILE) {
                    Some(file) => match self.defer_upload(incoming, file, unix_now).await {
                        Deferral::Later(later) => Response {
                            body: InteractionResponse::DeferredPrivate,
                            announcement: None,
                            alerts: None,
                            later: Some(later),
                        },
                        Deferral::Refused(refusal) => InteractionResponse::Message(refusal).into(),
                    },
                    None => self.article_form(incoming).await.into(),
                }
            }
            IncomingKind::Command(Ok(invocation)) => {
                let outcome = self.command(incoming, invocation, unix_now).await;
                Response {
                    body: InteractionResponse::Message(outcome.reply),
                    announcement: outcome.announcement,
                    alerts: outcome.alerts,
                    later: None,
                }
            }
            IncomingKind::MessageCommand(Ok(invocation)) => self
                .message_command(incoming, invocation, unix_now)
                .await
                .into(),
            IncomingKind::MessageCommand(Err(error)) => InteractionResponse::Message(Reply::error(
                "That didn't work",
                &format!("I couldn't use it: {error}. Try it again on the message."),
            ))
            .into(),
            IncomingKind::Command(Err(error)) => InteractionResponse::Message(
                advisor::problem_of(&self.knowledge(), error.clone()).reply(),
            )
            .into(),
            IncomingKind::Autocomplete { typed, suggests } => {
                self.autocomplete(incoming, typed, *suggests).into()
            }
            IncomingKind::Component(Ok(line)) => {
                self.component(incoming, line, unix_now).await.into()
            }
            IncomingKind::Component(Err(error)) => InteractionResponse::Message(Reply::error(
                "That control didn't work",
                &format!(
                    "I couldn't use it: {error}. Run the command again for fresh buttons and menus."
                ),
            ))
            .into(),
            IncomingKind::Form(Ok(submission)) => {
                self.form(incoming, submission, unix_now).await.into()
            }
            IncomingKind::Form(Err(error)) => InteractionResponse::Message(Reply::error(
                "That form didn't work",
                &format!("I couldn't read it: {error}. Run the command again for a fresh form."),
            ))
            .into(),
            IncomingKind::Unsupported(kind) => InteractionResponse::Message(Reply::error(
                "Not supported",
                &format!("rolecall does not handle interactions of type {kind}."),
            ))
            .into(),
        }
    }

    async fn command(
        &self,
        incoming: &Incoming,
        invocation: &Invocation,
        unix_now: i64,
    ) -> Outcome {
        if commands::spec(invocation.command).cost == Cost::Expensive {
            if let Err(wait) = self.check_rate(incoming) {
                return slow_down(wait).into();
            }
        }
        self.service
            .answer(&Call::from(invocation), &caller_of(incoming), unix_now)
            .await
            .unwrap_or_else(|p| p.reply().into())
    }

    /// `/kb add`: the article's form, or (privately) why the caller may not add one.
    async fn article_form(&self, incoming: &Incoming) -> InteractionResponse {
        match self.service.article_form(&caller_of(incoming)).await {
            Ok(form) => InteractionResponse::Form(form),
            Err(problem) => InteractionResponse::Message(problem.reply()),
        }
    }

    /// A submitted form: `/kb add`'s article, previewed privately; any other form was not
    /// one rolecall showed.
    async fn form(
        &self,
        incoming: &Incoming,
        submission: &Submission,
        unix_now: i64,
    ) -> InteractionResponse {
        if submission.custom_id != FORM_ID {
            return InteractionResponse::Message(Reply::error(
                "That form didn't work",
                "It is not one rolecall shows. Run the command again for a fresh form.",
            ));
        }
        let value = |id: &str| submission.value(id).map(str::to_owned);
        let previewed = self
            .service
            .preview_article(&caller_of(incoming), value, unix_now)
            .await;
        InteractionResponse::Message(previewed.unwrap_or_else(|problem| problem.reply()))
    }

    /// Role names, or the skills to end a list with, from the base the member's server
    /// answers from (its own articles' too).
    fn autocomplete(
        &self,
        incoming: &Incoming,
        typed: &str,
        suggests: Autocomplete,
    ) -> InteractionResponse {
        let kb = self.service.knowledge_for(&caller_of(incoming));
        InteractionResponse::Choices(match suggests {
            Autocomplete::Skill => advisor::skill_choices(&kb, typed),
            Autocomplete::Role | Autocomplete::None => advisor::autocomplete(&kb, typed),
        })
    }

    /// A button (in its `custom_id`) or a menu option (in its value) carries the command line
    /// that produces its answer; the message is updated in place. Errors go to the user alone,
    /// leaving the shared message as it was. Components only ever browse, so a click or a
    /// choice cannot change the job board or the server's teaching settings.
    async fn component(
        &self,
        incoming: &Incoming,
        line: &str,
        unix_now: i64,
    ) -> InteractionResponse {
        if let Err(wait) = self.check_rate(incoming) {
            return InteractionResponse::Message(slow_down(wait));
        }
        // A draft's Add or Cancel: the one kind of button that changes something, and only
        // for the draft's author (the store checks), never through a command line.
        if let Some(button) = DraftButton::parse(line) {
            return match self
                .service
                .decide_draft(&caller_of(incoming), &button, unix_now)
                .await
            {
                Ok(reply) => InteractionResponse::Update(reply),
                Err(problem) => InteractionResponse::Message(problem.reply()),
            };
        }
        if TakeDownButton::parse(line).is_some() {
            return self.take_down(incoming, unix_now).await;
        }
        if VoteButton::claims(line) {
            return self.vote(incoming, line, unix_now).await;
        }
        // An alert DM's buttons: they name the server the alert came from, no command line.
        if AlertButton::claims(line) {
            return self.alert_button(incoming, line, unix_now).await;
        }
        // `/me forget`'s confirmation: it forgets the one who clicks, who alone saw it.
        if line == crate::members::FORGET_BUTTON {
            return match self.service.forget_me(&caller_of(incoming)).await {
                Ok(reply) => InteractionResponse::Update(reply),
                Err(problem) => InteractionResponse::Message(problem.reply()),
            };
        }
        // The line is read knowing the server's own roles, as its answers were written.
        let kb = self.service.knowledge_for(&caller_of(incoming));
        let is_role = |phrase: &str| kb.naming(phrase);
        let answered = match parse_line(line, &is_role).map_err(|e| advisor::problem_of(&kb, e)) {
            // Only a forged component could carry one: changes go through `/job` itself.
            Ok(invocation) if invocation.command == CommandId::Job => {
                Err(Problem::Board(BoardProblem::NotAllowed(
                    "Buttons and menus never change the job board: use `/job`.",
                )))
            }
            Ok(invocation) if matches!(Request::from(&invocation), Request::Teaching(_)) => {
                Err(Problem::Teaching(TeachingProblem::NotAllowed(
                    "Buttons and menus never change the server's articles or settings: use the `/kb` command itself.",
                )))
            }
            Ok(invocation) => {
                self.service
                    .answer(&Call::from(&invocation), &caller_of(incoming), unix_now)
                    .await
            }
            Err(problem) => Err(problem),
        };
        match answered {
            Ok(outcome) => InteractionResponse::Update(outcome.reply),
            Err(problem) => InteractionResponse::Message(problem.reply()),
        }
    }

    pub(super) fn check_rate(&self, incoming: &Incoming) -> Result<(), Duration> {
        let checked = match &incoming.user_id {
            Some(user) => self.limiter.check(user),
            None => Ok(()),
        };
        if checked.is_err() {
            crate::telemetry::rate_limited("interaction");
        }
        checked
    }
}

impl Bot {
    /// A 👍 or 👎 on an answer: kept, and thanked privately; the answer stays as it is. A
    /// vote rolecall did not send, or one not on a message, is refused privately.
    async fn vote(&self, incoming: &Incoming, line: &str, unix_now: i64) -> InteractionResponse {
        let (Some(button), Some(message)) = (VoteButton::parse(line), incoming.message_id) else {
            return InteractionResponse::Message(Reply::error(
                "That vote didn't work",
                "It is not one rolecall put under an answer. Vote with the 👍 or 👎 under an answer.",
            ));
        };
        let caller = caller_of(incoming);
        let voted = self.service.vote(&caller, message, &button, unix_now).await;
        InteractionResponse::Message(voted.unwrap_or_else(|problem| problem.reply()))
    }
}

/// The friendly ephemeral refusal of a rate-limited user.
pub fn slow_down(wait: Duration) -> Reply {
    let seconds = wait.as_secs().max(1);
    Reply::error(
        "One moment",
        &format!("You're asking quickly — try again in {seconds} s."),
    )
}

/// `/kb add`'s file option.
const ARTICLE_FILE: &str = "article";

/// Whether `invocation` is `/kb add`: a file to download, or a form to open, not an answer.
fn adds_an_article(invocation: &Invocation) -> bool {
    Request::from(invocation) == Request::Teaching(TeachingRequest::Add)
}
