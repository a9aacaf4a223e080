//! A command interaction's options with their values typed, read the same from both front
//! ends: from the body's JSON (the HTTP endpoint) and from serenity's typed values (the
//! gateway). Values stay typed from Discord to the command layer; nothing is turned into
//! text to be parsed again.

use serde::Deserialize;
use serde_json::Value;
use serenity::all::{CommandDataOption, CommandDataOptionValue, CommandDataResolved};

use crate::commands::invocation::{ArgValue, Attachment};
use crate::discord::wire::option::{
    ATTACHMENT, BOOLEAN, CHANNEL, INTEGER, ROLE, STRING, SUB_COMMAND,
};

/// One option as Discord sent it.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct ReceivedOption {
    pub name: String,
    pub value: Received,
}

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Received {
    /// A sub-command and its own options.
    SubCommand(Vec<ReceivedOption>),
    /// The option an autocomplete interaction is for, with what the user has typed so far.
    Typing(String),
    /// A value; `None` when Discord sent it empty, or of a type rolecall never registers
    /// (a user, a number, a sub-command group).
    Value(Option<ArgValue>),
}

/// An option in the body's JSON.
#[derive(Debug, Deserialize)]
pub(super) struct RawOption {
    name: String,
    #[serde(rename = "type")]
    kind: u8,
    #[serde(default)]
    value: Option<Value>,
    #[serde(default)]
    options: Vec<RawOption>,
    #[serde(default)]
    focused: bool,
}

/// An attachment in the body's `data.resolved.attachments`; every field may be missing in a
/// forged body, and one without an id, a name, a size or a URL is not read.
#[derive(Debug, Deserialize)]
struct RawAttachment {
    id: Option<String>,
    filename: Option<String>,
    size: Option<u64>,
    content_type: Option<String>,
    url: Option<String>,
}

/// The options of the body's JSON, typed by their option type. `resolved` is the body's
/// `data.resolved` (any JSON), where an attachment option's file is.
pub(super) fn from_json(options: &[RawOption], resolved: Option<&Value>) -> Vec<ReceivedOption> {
    options
        .iter()
        .map(|option| ReceivedOption {
            name: option.name.clone(),
            value: json_received(option, resolved),
        })
        .collect()
}

fn json_received(option: &RawOption, resolved: Option<&Value>) -> Received {
    if option.kind == SUB_COMMAND {
        return Received::SubCommand(from_json(&option.options, resolved));
    }
    if option.focused {
        return Received::Typing(option.value.as_ref().map(text_of).unwrap_or_default());
    }
    let value = option
        .value
        .as_ref()
        .and_then(|value| match (option.kind, value) {
            // Ids are strings on the wire (64-bit ids do not fit a JSON number); the
            // command layer reads them as it reads a typed id.
            (STRING | CHANNEL | ROLE, Value::String(text)) => Some(ArgValue::Str(text.clone())),
            (INTEGER, Value::Number(n)) => n.as_i64().map(ArgValue::Int),
            (BOOLEAN, Value::Bool(b)) => Some(ArgValue::Bool(*b)),
            (ATTACHMENT, Value::String(id)) => resolved_attachment(resolved, id),
            _ => None,
        });
    Received::Value(value)
}

/// The attachment `id` names in the body's `data.resolved.attachments`.
fn resolved_attachment(resolved: Option<&Value>, id: &str) -> Option<ArgValue> {
    let raw = resolved?.get("attachments")?.get(id)?;
    let raw = RawAttachment::deserialize(raw).ok()?;
    Some(ArgValue::Attachment(Attachment {
        id: raw.id?.parse().ok()?,
        filename: raw.filename?,
        size: raw.size?,
        content_type: raw.content_type,
        url: raw.url?,
    }))
}

/// What the user has typed, as text: Discord sends the partial value of an autocomplete
/// option as a string, whatever the option's type.
pub(super) fn text_of(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

/// The options serenity read from the gateway, typed as serenity typed them. `resolved` is
/// the interaction's `data.resolved`, where an attachment option's file is.
pub(super) fn from_gateway(
    options: &[CommandDataOption],
    resolved: &CommandDataResolved,
) -> Vec<ReceivedOption> {
    options
        .iter()
        .map(|option| ReceivedOption {
            name: option.name.clone(),
            value: gateway_received(&option.value, resolved),
        })
        .collect()
}

fn gateway_received(value: &CommandDataOptionValue, resolved: &CommandDataResolved) -> Received {
    use CommandDataOptionValue as V;
    let value = match value {
        V::SubCommand(inner) => return Received::SubCommand(from_gateway(inner, resolved)),
        V::Autocomplete { value, .. } => return Received::Typing(value.clone()),
        V::String(text) => Some(ArgValue::Str(text.clone())),
        V::Integer(n) => Some(ArgValue::Int(*n)),
        V::Boolean(b) => Some(ArgValue::Bool(*b)),
        V::Channel(id) => Some(ArgValue::Id(id.get())),
        V::Role(id) => Some(ArgValue::Id(id.get())),
        V::Attachment(id) => resolved.attachments.get(id).map(|file| {
            ArgValue::Attachment(Attachment {
                id: file.id.get(),
                filename: file.filename.clone(),
                size: u64::from(file.size),
                content_type: file.content_type.clone(),
                url: file.url.clone(),
            })
        }),
        // Kinds rolecall never registers; serenity may add more.
        _ => None,
    };
    Received::Value(value)
}

/// The option being typed into, wherever it is among `options`: its sub-command (if any),
/// its name and its text.
pub(super) fn typing(options: &[ReceivedOption]) -> Option<(Option<&str>, &str, &str)> {
    options.iter().find_map(|option| match &option.value {
        Received::Typing(text) => Some((None, option.name.as_str(), text.as_str())),
        Received::SubCommand(inner) => {
            typing(inner).map(|(_, name, text)| (Some(option.name.as_str()), name, text))
        }
        Received::Value(_) => None,
    })
}

#[cfg(test)]
mod tests;
