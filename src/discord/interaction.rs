//! Discord interaction payloads, read into what rolecall needs: who, where, and which
//! command, autocomplete, button or menu choice. Lenient: unknown fields are ignored, because
//! Discord adds fields over time and its documented samples are partial.

use serde::Deserialize;
use serde_json::Value;

use crate::commands::invocation::{self, ArgValue, Invocation, InvocationError};
use crate::commands::{find, OptionKind};

/// Interaction types (Discord "Interaction Type").
const PING: u8 = 1;
const APPLICATION_COMMAND: u8 = 2;
const MESSAGE_COMPONENT: u8 = 3;
const AUTOCOMPLETE: u8 = 4;
/// Option type of a sub-command.
const SUB_COMMAND: u8 = 1;
/// Message component types (Discord "Component Types") rolecall sends.
const BUTTON: u64 = 2;
const STRING_SELECT: u64 = 3;
/// The longest command line a component carries: Discord's limit on a `custom_id` and on a
/// select option's value. Anything longer was not sent by rolecall.
const COMPONENT_LINE_MAX: usize = 100;

/// An interaction, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Incoming {
    pub kind: IncomingKind,
    /// The user who acted: `member.user` in a server, `user` in a DM.
    pub user_id: Option<String>,
    pub guild_id: Option<String>,
    pub channel_id: Option<String>,
    /// In a server: the member's permissions in the channel and their role ids.
    pub member: Option<MemberRights>,
}

/// What Discord says a server member may do (`member.permissions`, `member.roles`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MemberRights {
    pub permissions: u64,
    pub roles: Vec<u64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IncomingKind {
    Ping,
    /// A slash command, checked against its definition.
    Command(Result<Invocation, InvocationError>),
    /// The user is typing `typed` into an autocomplete option.
    Autocomplete {
        typed: String,
    },
    /// A button was clicked (the line is its `custom_id`) or a select menu's option chosen
    /// (the line is the chosen value): the command line to answer, or why there is none.
    Component(Result<String, ComponentError>),
    /// An interaction type rolecall does not handle (e.g. a modal submit).
    Unsupported(u8),
}

/// Why a component interaction carries no command line rolecall could have sent.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ComponentError {
    #[error("this kind of control (component type {0}) is not one rolecall sends")]
    UnknownType(u64),
    #[error("a menu choice must be exactly one option, and {0} were chosen")]
    NotOneChoice(usize),
    #[error("the choice is not text")]
    NotText,
    #[error("the command it carries is {0} characters long, more than rolecall ever sends")]
    TooLong(usize),
}

#[derive(Debug, Deserialize)]
struct Raw {
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
}

#[derive(Debug, Deserialize)]
struct RawData {
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    options: Vec<RawOption>,
    #[serde(default)]
    custom_id: Option<String>,
    /// Which component a MESSAGE_COMPONENT interaction came from; absent in old payloads.
    #[serde(default)]
    component_type: Option<u64>,
    /// The chosen values of a select menu; any JSON, checked by [`component_line`].
    #[serde(default)]
    values: Option<Value>,
}

#[derive(Debug, Deserialize)]
struct RawOption {
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
    Ok(from_raw(raw))
}

/// Reads an interaction already parsed as JSON (the gateway hands us one).
pub fn from_value(value: Value) -> Result<Incoming, serde_json::Error> {
    serde_json::from_value(value).map(from_raw)
}

fn from_raw(raw: Raw) -> Incoming {
    // Unreadable permission bits grant nothing.
    let member = raw.member.as_ref().map(|m| MemberRights {
        permissions: m
            .permissions
            .as_deref()
            .and_then(|p| p.parse().ok())
            .unwrap_or(0),
        roles: m.roles.iter().filter_map(|r| r.parse().ok()).collect(),
    });
    let user_id = raw.member.and_then(|m| m.user).or(raw.user).map(|u| u.id);
    let kind = match (raw.kind, raw.data) {
        (PING, _) => IncomingKind::Ping,
        (APPLICATION_COMMAND, Some(data)) => IncomingKind::Command(invocation_of(&data)),
        (AUTOCOMPLETE, Some(data)) => IncomingKind::Autocomplete {
            typed: focused_value(&data.options).unwrap_or_default(),
        },
        (
            MESSAGE_COMPONENT,
            Some(
                data @ RawData {
                    custom_id: Some(_), ..
                },
            ),
        ) => IncomingKind::Component(component_line(data)),
        (kind, _) => IncomingKind::Unsupported(kind),
    };
    Incoming {
        kind,
        user_id,
        guild_id: raw.guild_id,
        channel_id: raw.channel_id,
        member,
    }
}

/// The command and its options, checked again here whatever Discord enforced: the endpoint
/// is public and a forged or stale client could send anything.
fn invocation_of(data: &RawData) -> Result<Invocation, InvocationError> {
    let name = data.name.as_deref().unwrap_or_default();
    let command = find(name)
        .ok_or_else(|| InvocationError::UnknownCommand(name.chars().take(40).collect()))?;
    let (subcommand, options) = match data.options.first() {
        Some(first) if first.kind == SUB_COMMAND => {
            let sub = command
                .option(&first.name)
                .filter(|o| o.kind == OptionKind::SubCommand)
                .map(|o| o.name);
            (sub, first.options.as_slice())
        }
        _ => (None, data.options.as_slice()),
    };
    let specs = invocation::option_specs(command, subcommand);
    let mut args: Vec<(&'static str, ArgValue)> = Vec::new();
    for option in options {
        let spec = invocation::find_option(command, specs, &option.name)?;
        if args.iter().any(|(n, _)| *n == spec.name) {
            return Err(InvocationError::Repeated { option: spec.name });
        }
        let raw = option.value.as_ref().map(value_text).unwrap_or_default();
        args.push((spec.name, invocation::convert(spec, &raw)?));
    }
    invocation::check_required(command, specs, &args)?;
    if subcommand.is_none()
        && command
            .options
            .iter()
            .any(|o| o.kind == OptionKind::SubCommand)
    {
        return Err(InvocationError::MissingSubcommand {
            command: command.name,
            expected: "a sub-command".into(),
        });
    }
    Ok(Invocation {
        command: command.id,
        subcommand,
        args,
    })
}

/// The command line a component carries, checked like any user input: the endpoint is public,
/// and a forged click or choice may carry anything.
fn component_line(data: RawData) -> Result<String, ComponentError> {
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

/// An option value as the text the command-line parser would have seen.
fn value_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn focused_value(options: &[RawOption]) -> Option<String> {
    options.iter().find_map(|o| {
        if o.focused {
            Some(o.value.as_ref().map(value_text).unwrap_or_default())
        } else {
            focused_value(&o.options)
        }
    })
}

#[cfg(test)]
mod tests;
