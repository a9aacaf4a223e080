//! Commands on a message's Apps menu, as the edge carries them out: "Answer with rolecall"
//! turns the right-clicked message into a question for the service, with a link to it, and
//! answers in the channel (a public interaction response: the header Discord draws over it
//! says which mentor used the command, and the answer links the member's message). Rate
//! limited like the slash commands of the same cost.

use super::interaction::{Incoming, MessageInvocation};
use super::json::InteractionResponse;
use super::respond::slow_down;
use super::{caller_of, Bot};
use crate::commands::message::{MessageCommandId, MESSAGE_COMMANDS};
use crate::commands::Cost;
use crate::service::relaying::AskedMessage;

impl Bot {
    /// The response to a message command.
    pub(super) async fn message_command(
        &self,
        incoming: &Incoming,
        invocation: &MessageInvocation,
        unix_now: i64,
    ) -> InteractionResponse {
        let costly = MESSAGE_COMMANDS
            .iter()
            .any(|spec| spec.id == invocation.command && spec.cost == Cost::Expensive);
        if costly {
            if let Err(wait) = self.check_rate(incoming) {
                return InteractionResponse::Message(slow_down(wait));
            }
        }
        match invocation.command {
            MessageCommandId::AnswerWithRolecall => {
                self.answer_message(incoming, invocation, unix_now).await
            }
        }
    }

    async fn answer_message(
        &self,
        incoming: &Incoming,
        invocation: &MessageInvocation,
        unix_now: i64,
    ) -> InteractionResponse {
        let message = &invocation.message;
        let link = message_link(incoming.guild_id.as_deref(), message.channel_id, message.id);
        let asked = AskedMessage {
            author: message.author_id,
            author_is_bot: message.author_is_bot,
            text: &message.content,
            link: &link,
        };
        let answered = self
            .service
            .answer_message(&caller_of(incoming), asked, unix_now)
            .await;
        InteractionResponse::Message(answered.unwrap_or_else(|problem| problem.reply()))
    }
}

/// Discord's link to a message (`@me` outside servers).
fn message_link(guild: Option<&str>, channel: u64, message: u64) -> String {
    let guild = guild.unwrap_or("@me");
    format!("https://discord.com/channels/{guild}/{channel}/{message}")
}
