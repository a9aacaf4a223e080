//! Discord's application-command registration body, generated from [`super::COMMANDS`].

use serde_json::{json, Map, Value};

use super::{Audience, Autocomplete, CommandSpec, OptionKind, OptionSpec, COMMANDS};
use crate::jobs::rights;

/// The JSON array for `PUT /applications/{id}/commands` (or a guild's).
pub fn registration_json() -> Value {
    Value::Array(COMMANDS.iter().map(command).collect())
}

fn command(spec: &CommandSpec) -> Value {
    let mut body = json!({
        "name": spec.name,
        "type": 1,
        "description": spec.description,
        "options": spec.options.iter().map(option).collect::<Vec<_>>(),
    });
    match spec.audience {
        // Usable in servers, in DMs with the bot, and as a user-installed app.
        Audience::Everyone => body["contexts"] = json!([0, 1, 2]),
        // Servers only, shown to members who can manage messages; the bot checks again.
        Audience::Moderators => {
            body["contexts"] = json!([0]);
            body["default_member_permissions"] = rights::MANAGE_MESSAGES.to_string().into();
        }
    }
    body
}

fn option(spec: &OptionSpec) -> Value {
    let mut out = Map::new();
    out.insert("type".into(), option_type(spec.kind).into());
    out.insert("name".into(), spec.name.into());
    out.insert("description".into(), spec.description.into());
    if spec.kind == OptionKind::SubCommand {
        out.insert(
            "options".into(),
            spec.options.iter().map(option).collect::<Vec<_>>().into(),
        );
        return Value::Object(out);
    }
    out.insert("required".into(), spec.required.into());
    if !spec.choices.is_empty() {
        let choices: Vec<Value> = spec
            .choices
            .iter()
            .map(|c| json!({ "name": c.name, "value": c.value }))
            .collect();
        out.insert("choices".into(), choices.into());
    }
    if spec.kind == OptionKind::String {
        if let Some(min) = spec.min_length {
            out.insert("min_length".into(), min.into());
        }
        if let Some(max) = spec.max_length {
            out.insert("max_length".into(), max.into());
        }
    }
    if let Some(min) = spec.min_value {
        out.insert("min_value".into(), min.into());
    }
    if let Some(max) = spec.max_value {
        out.insert("max_value".into(), max.into());
    }
    if spec.autocomplete != Autocomplete::None {
        out.insert("autocomplete".into(), true.into());
    }
    Value::Object(out)
}

/// Discord's application command option types.
fn option_type(kind: OptionKind) -> u8 {
    match kind {
        OptionKind::SubCommand => 1,
        OptionKind::String => 3,
        OptionKind::Integer => 4,
        OptionKind::Boolean => 5,
        OptionKind::Channel => 7,
        OptionKind::ServerRole => 8,
    }
}
