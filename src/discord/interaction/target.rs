//! The message a message command was used on, as Discord resolves it in the interaction
//! (`data.target_id`, and the message in `data.resolved.messages`): read the same from the
//! HTTP body and from serenity's typed interaction.

use serde::Deserialize;
use serde_json::Value;
use serenity::all::{CommandData, CommandType, ResolvedTarget};

use crate::commands::message::{find_message_command, MessageCommandId};

/// A message command on a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MessageInvocation {
    pub command: MessageCommandId,
    pub message: TargetMessage,
}

/// The message right-clicked: where it is, who wrote it, what it says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TargetMessage {
    pub id: u64,
    pub channel_id: u64,
    pub author_id: u64,
    pub author_is_bot: bool,
    /// Empty when the message has only attachments or embeds (or the bot may not read it).
    pub content: String,
}

/// Why a message command cannot be carried out.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MessageCommandError {
    #[error("there is no message command `{0}`")]
    Unknown(String),
    #[error("Discord sent the command without the message it was used on")]
    NoMessage,
}

/// Discord's type of a command on a message's Apps menu (`data.type`).
pub const MESSAGE: u8 = 3;

#[derive(Deserialize)]
struct RawMessage {
    id: String,
    channel_id: String,
    author: RawAuthor,
    #[serde(default)]
    content: String,
}

#[derive(Deserialize)]
struct RawAuthor {
    id: String,
    #[serde(default)]
    bot: bool,
}

/// The invocation in an HTTP body's `data`: the command by its name, the message by
/// `target_id` among `resolved.messages`.
pub fn from_json(
    name: &str,
    target_id: Option<&str>,
    resolved: Option<&Value>,
) -> Result<MessageInvocation, MessageCommandError> {
    let command = command_named(name)?;
    let raw = target_id
        .and_then(|id| resolved?.get("messages")?.get(id))
        .and_then(|message| RawMessage::deserialize(message).ok())
        .ok_or(MessageCommandError::NoMessage)?;
    let id = |text: &str| text.parse::<u64>().ok().filter(|id| *id > 0);
    let message = TargetMessage {
        id: id(&raw.id).ok_or(MessageCommandError::NoMessage)?,
        channel_id: id(&raw.channel_id).ok_or(MessageCommandError::NoMessage)?,
        author_id: id(&raw.author.id).ok_or(MessageCommandError::NoMessage)?,
        author_is_bot: raw.author.bot,
        content: raw.content,
    };
    Ok(MessageInvocation { command, message })
}

/// The invocation in serenity's typed command data.
pub fn from_gateway(data: &CommandData) -> Result<MessageInvocation, MessageCommandError> {
    let command = command_named(&data.name)?;
    let Some(ResolvedTarget::Message(message)) = data.target() else {
        return Err(MessageCommandError::NoMessage);
    };
    let message = TargetMessage {
        id: message.id.get(),
        channel_id: message.channel_id.get(),
        author_id: message.author.id.get(),
        author_is_bot: message.author.bot,
        content: message.content.clone(),
    };
    Ok(MessageInvocation { command, message })
}

/// Whether serenity's command data is a message command's.
pub fn is_message_command(data: &CommandData) -> bool {
    data.kind == CommandType::Message
}

fn command_named(name: &str) -> Result<MessageCommandId, MessageCommandError> {
    find_message_command(name)
        .map(|spec| spec.id)
        .ok_or_else(|| MessageCommandError::Unknown(name.chars().take(40).collect()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn resolved(content: &str) -> Value {
        json!({ "messages": { "6001": {
            "id": "6001", "channel_id": "5001", "content": content,
            "author": { "id": "42", "username": "ada" },
        } } })
    }

    #[test]
    fn the_message_is_found_by_its_target_id() {
        let read = from_json("Answer with rolecall", Some("6001"), Some(&resolved("hi?")));
        assert_eq!(
            read,
            Ok(MessageInvocation {
                command: MessageCommandId::AnswerWithRolecall,
                message: TargetMessage {
                    id: 6001,
                    channel_id: 5001,
                    author_id: 42,
                    author_is_bot: false,
                    content: "hi?".into(),
                },
            })
        );
    }

    #[test]
    fn an_unknown_command_or_a_missing_message_is_an_error() {
        assert_eq!(
            from_json("Delete everything", Some("6001"), Some(&resolved(""))),
            Err(MessageCommandError::Unknown("Delete everything".into()))
        );
        for (target, resolved) in [
            (None, Some(resolved("x"))),
            (Some("7"), Some(resolved("x"))),
            (Some("6001"), None),
            (
                Some("6001"),
                Some(json!({ "messages": { "6001": { "id": "x" } } })),
            ),
        ] {
            assert_eq!(
                from_json("Answer with rolecall", target, resolved.as_ref()),
                Err(MessageCommandError::NoMessage)
            );
        }
    }
}
