//! Discord interaction payloads, read into what rolecall needs: who, where, and which
//! command, autocomplete, button or menu choice. Both front ends build the same
//! [`Incoming`]: the HTTP endpoint from the request body ([`read`]), the gateway from
//! serenity's typed `Interaction` ([`from_gateway`]).
//!
//! The body is read with structs of our own rather than serenity's `Interaction`: those
//! require every field Discord sends today (`version`, `locale`, `entitlements`,
//! `attachment_size_limit`, a member's `joined_at`…), so a payload from an older or newer
//! API version, or a partial sample from Discord's documentation, would be refused outright.
//! Here unknown fields are ignored and missing ones read as absent.

use serde::Deserialize;
use serde_json::Value;
use serenity::all::Permissions;

use super::wire::component::{BUTTON, STRING_SELECT};
use super::wire::interaction::{
    APPLICATION_COMMAND, AUTOCOMPLETE, MESSAGE_COMPONENT, MODAL_SUBMIT, PING,
};
use crate::commands::invocation::{self, ArgValue, Invocation, InvocationError};
use crate::commands::{find, Autocomplete};
pub use form::{FormError, Submission};
pub use gateway::from_gateway;
use options::{RawOption, Received, ReceivedOption};
pub use target::{MessageCommandError, MessageInvocation, TargetMessage};

pub mod form;
mod gateway;
mod options;
pub mod target;

/// The longest command line a component carries: Discord's limit on a `custom_id` and on a
/// select option's value. Anything longer was not sent by rolecall.
const COMPONENT_LINE_MAX: usize = 100;

/// An interaction, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Incoming {
    /// The interaction's id (a snowflake), for the log line that follows it.
    pub id: Option<u64>,
    pub kind: IncomingKind,
    /// The user who acted: `member.user` in a server, `user` in a DM.
    pub user_id: Option<String>,
    pub guild_id: Option<String>,
    pub channel_id: Option<String>,
    /// In a server: the member's permissions in the channel and their role ids.
    pub member: Option<MemberRights>,
    /// Where a deferred answer is edited in; absent from pings and partial samples.
    pub webhook: Option<InteractionWebhook>,
    /// The message a clicked component sits on (`message.id`): the answer a vote is on.
    pub message_id: Option<u64>,
}

/// An interaction's own webhook: the application and the interaction's token, which lets
/// the bot edit its response for 15 minutes. The token never appears in logs.
#[derive(Clone, PartialEq, Eq)]
pub struct InteractionWebhook {
    pub application_id: u64,
    pub token: String,
}

impl std::fmt::Debug for InteractionWebhook {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("InteractionWebhook")
            .field("application_id", &self.application_id)
            .field("token", &"[redacted]")
            .finish()
    }
}

impl InteractionWebhook {
    /// The webhook when both parts are present and the id is a snowflake.
    fn of(application_id: Option<&str>, token: Option<String>) -> Option<InteractionWebhook> {
        Some(InteractionWebhook {
            application_id: application_id?.parse().ok().filter(|id| *id > 0)?,
            token: token.filter(|token| !token.is_empty())?,
        })
    }
}

/// What Discord says a server member may do (`member.permissions`, `member.roles`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MemberRights {
    pub permissions: Permissions,
    pub roles: Vec<u64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IncomingKind {
    Ping,
    /// A slash command, checked against its definition.
    Command(Result<Invocation, InvocationError>),
    /// A command on a message's Apps menu, with the message it was used on.
    MessageCommand(Result<MessageInvocation, MessageCommandError>),
    /// The user is typing `typed` into an option that suggests `suggests` (from the
    /// command's definition; role names when the option is not known).
    Autocomplete {
        typed: String,
        suggests: Autocomplete,
    },
    /// A button was clicked (the line is its `custom_id`) or a select menu's option chosen
    /// (the line is the chosen value): the command line to answer, or why there is none.
    Component(Result<String, ComponentError>),
    /// A form rolecall showed was submitted.
    Form(Result<Submission, FormError>),
    /// An interaction type rolecall does not handle.
    Unsupported(u8),
}

/// Why a component interaction carries no command line rolecall could have sent.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ComponentError {
    #[error("this kind of control (component type {0}) is not one rolecall sends")]
    UnknownType(u8),
    #[error("a menu choice must be exactly one option, and {0} were chosen")]
    NotOneChoice(usize),
    #[error("the choice is not text")]
    NotText,
    #[error("the command it carries is {0} characters long, more than rolecall ever sends")]
    TooLong(usize),
}

#[derive(Debug, Deserialize)]
struct Raw {
    #[serde(default)]
    id: Option<String>,
    #[serde(rename = "type")]
    kind: u8,
    #[serde(default)]
    data: Option<RawData>,
    #[serde(default)]
    member: Option<RawMember>,
    #[serde(default)]
    user: Option<RawUser>,
    #[serde(default)]
    guild_id: Option<String>,
    #[serde(default)]
    channel_id: Option<String>,
    #[serde(default)]
    application_id: Option<String>,
    #[serde(default)]
    token: Option<String>,
    /// The message a component sits on; any JSON, only its `id` read.
    #[serde(default)]
    message: Option<Value>,
}

#[derive(Debug, Deserialize)]
struct RawData {
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    options: Vec<RawOption>,
    /// The users, channels, roles and attachments the options name; any JSON, looked into
    /// only for what an option names.
    #[serde(default)]
    resolved: Option<Value>,
    #[serde(default)]
    custom_id: Option<String>,
    /// Which component a MESSAGE_COMPONENT interaction came from; absent in old payloads.
    #[serde(default)]
    component_type: Option<u8>,
    /// The chosen values of a select menu; any JSON, checked by [`component_line`].
    #[serde(default)]
    values: Option<Value>,
    /// A submitted form's inputs; any JSON, read by [`form::from_json`].
    #[serde(default)]
    components: Option<Value>,
    /// A command's type: a slash command, or one on a message's Apps menu.
    #[serde(default, rename = "type")]
    command_type: Option<u8>,
    /// The message a message command was used on.
    #[serde(default)]
    target_id: Option<String>,
}

/// An interaction's `data`, as either front end read it: a command's name and typed
/// options, or a component's id and chosen values.
#[derive(Debug)]
struct Data {
    name: Option<String>,
    options: Vec<ReceivedOption>,
    custom_id: Option<String>,
    component_type: Option<u8>,
    values: Option<Value>,
    /// A submitted form, as read (a modal submit only).
    form: Option<Result<Submission, FormError>>,
    /// A message command, as read (with the message it acts on); `None` for the others.
    on_message: Option<Result<MessageInvocation, MessageCommandError>>,
}

impl From<RawData> for Data {
    fn from(raw: RawData) -> Data {
        let on_message = (raw.command_type == Some(target::MESSAGE)).then(|| {
            let name = raw.name.as_deref().unwrap_or_default();
            target::from_json(name, raw.target_id.as_deref(), raw.resolved.as_ref())
        });
        Data {
            on_message,
            name: raw.name,
            options: options::from_json(&raw.options, raw.resolved.as_ref()),
            form: raw
                .components
                .as_ref()
                .map(|components| form::from_json(raw.custom_id.clone(), Some(components))),
            custom_id: raw.custom_id,
            component_type: raw.component_type,
            values: raw.values,
        }
    }
}

#[derive(Debug, Deserialize)]
struct RawMember {
    #[serde(default)]
    user: Option<RawUser>,
    /// A decimal string of permission bits.
    #[serde(default)]
    permissions: Option<String>,
    #[serde(default)]
    roles: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct RawUser {
    id: String,
}

/// Reads an interaction body; `Err` only when it is not an interaction at all.
pub fn read(body: &[u8]) -> Result<Incoming, serde_json::Error> {
    let raw: Raw = serde_json::from_slice(body)?;
    // Unreadable permission bits grant nothing.
    let member = raw.member.as_ref().map(|m| MemberRights {
        permissions: m
            .permissions
            .as_deref()
            .and_then(|p| p.parse().ok())
            .map_or_else(Permissions::empty, Permissions::from_bits_truncate),
        roles: m.roles.iter().filter_map(|r| r.parse().ok()).collect(),
    });
    let user_id = raw.member.and_then(|m| m.user).or(raw.user).map(|u| u.id);
    Ok(Incoming {
        id: raw.id.as_deref().and_then(|id| id.parse().ok()),
        kind: kind_of(raw.kind, raw.data.map(Data::from)),
        user_id,
        guild_id: raw.guild_id,
        channel_id: raw.channel_id,
        member,
        webhook: InteractionWebhook::of(raw.application_id.as_deref(), raw.token),
        message_id: raw
            .message
            .as_ref()
            .and_then(|m| m.get("id")?.as_str()?.parse().ok()),
    })
}

fn kind_of(kind: u8, data: Option<Data>) -> IncomingKind {
    match (kind, data) {
        (PING, _) => IncomingKind::Ping,
        (
            APPLICATION_COMMAND,
            Some(Data {
                on_message: Some(on_message),
                ..
            }),
        ) => IncomingKind::MessageCommand(on_message),
        (APPLICATION_COMMAND, Some(data)) => IncomingKind::Command(invocation_of(&data)),
        (AUTOCOMPLETE, Some(data)) => {
            let typing = options::typing(&data.options);
            let suggests = typing
                .and_then(|(sub, option, _)| suggestions_of(data.name.as_deref()?, sub, option))
                .unwrap_or(Autocomplete::Role);
            IncomingKind::Autocomplete {
                typed: typing
                    .map(|(_, _, text)| text)
                    .unwrap_or_default()
                    .to_owned(),
                suggests,
            }
        }
        (
            MESSAGE_COMPONENT,
            Some(
                data @ Data {
                    custom_id: Some(_), ..
                },
            ),
        ) => IncomingKind::Component(component_line(data)),
        (MODAL_SUBMIT, Some(data)) => IncomingKind::Form(
            data.form
                .unwrap_or_else(|| form::from_json(data.custom_id, None)),
        ),
        (kind, _) => IncomingKind::Unsupported(kind),
    }
}

/// What the option `option` (of `sub`) of command `name` suggests, by its definition.
fn suggestions_of(name: &str, sub: Option<&str>, option: &str) -> Option<Autocomplete> {
    let command = find(name)?;
    let options = match sub {
        Some(sub) => command.options.iter().find(|o| o.name == sub)?.options,
        None => command.options,
    };
    Some(options.iter().find(|o| o.name == option)?.autocomplete)
}

/// The command and its options, checked again here whatever Discord enforced: the endpoint
/// is public and a forged or stale client could send anything.
fn invocation_of(data: &Data) -> Result<Invocation, InvocationError> {
    let name = data.name.as_deref().unwrap_or_default();
    let command = find(name)
        .ok_or_else(|| InvocationError::UnknownCommand(name.chars().take(40).collect()))?;
    let (subcommand, options) = match data.options.first() {
        Some(ReceivedOption {
            name,
            value: Received::SubCommand(inner),
        }) => (invocation::subcommand(command, name), inner.as_slice()),
        _ => (None, data.options.as_slice()),
    };
    invocation::from_values(
        command,
        subcommand,
        options
            .iter()
            .map(|option| (option.name.as_str(), value_of(&option.value))),
    )
}

/// An option's value in a command (not autocomplete) interaction.
fn value_of(received: &Received) -> Option<ArgValue> {
    match received {
        Received::Value(value) => value.clone(),
        // Only a forged command marks an option as being typed; its text is still a value.
        Received::Typing(text) => Some(ArgValue::Str(text.clone())),
        // A second sub-command is an option no command has: refused by its name first.
        Received::SubCommand(_) => None,
    }
}

/// The command line a component carries, checked like any user input: the endpoint is public,
/// and a forged click or choice may carry anything.
fn component_line(data: Data) -> Result<String, ComponentError> {
    let line = match data.component_type.unwrap_or(BUTTON) {
        BUTTON => data.custom_id.unwrap_or_default(),
        STRING_SELECT => only_choice(data.values)?,
        other => return Err(ComponentError::UnknownType(other)),
    };
    let length = line.chars().count();
    if length > COMPONENT_LINE_MAX {
        return Err(ComponentError::TooLong(length));
    }
    Ok(line)
}

/// The one value chosen in a select menu: rolecall's menus take exactly one.
fn only_choice(values: Option<Value>) -> Result<String, ComponentError> {
    let values = match values {
        Some(Value::Array(values)) => values,
        _ => Vec::new(),
    };
    match values.as_slice() {
        [Value::String(value)] => Ok(value.clone()),
        [_] => Err(ComponentError::NotText),
        other => Err(ComponentError::NotOneChoice(other.len())),
    }
}

#[cfg(test)]
mod tests;
