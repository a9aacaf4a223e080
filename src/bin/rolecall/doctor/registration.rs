//! The commands registered with Discord against the definitions (`registration_json`): what
//! `rolecall register` (or `run`, on connecting) would add, change and remove.

use std::time::Duration;

use serde_json::Value;

use rolecall::config::Settings;
use rolecall::discord::registration::registration_json;

use super::settings::Checked;
use super::{Class, Report, Status};

const NAME: &str = "registered commands";

/// What registering now would do.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Diff {
    pub add: Vec<String>,
    /// Each with the fields that differ.
    pub change: Vec<String>,
    pub remove: Vec<String>,
}

impl Diff {
    fn is_empty(&self) -> bool {
        self.add.is_empty() && self.change.is_empty() && self.remove.is_empty()
    }

    fn to_text(&self) -> String {
        let mut parts = Vec::new();
        for (verb, list) in [
            ("add", &self.add),
            ("change", &self.change),
            ("remove", &self.remove),
        ] {
            if !list.is_empty() {
                parts.push(format!("{verb} {}", list.join(", ")));
            }
        }
        format!("registering would {}", parts.join("; "))
    }
}

/// How a command is shown: `/name` for a slash command, its menu name for the others.
fn label(command: &Value) -> String {
    let name = command["name"].as_str().unwrap_or("?");
    match command["type"].as_u64().unwrap_or(1) {
        1 => format!("/{name}"),
        _ => format!("{name:?} (Apps menu)"),
    }
}

fn key(command: &Value) -> (String, u64) {
    (
        command["name"].as_str().unwrap_or_default().to_owned(),
        command["type"].as_u64().unwrap_or(1),
    )
}

/// Values Discord and serenity write for "not set", in either direction.
fn unset(value: &Value) -> bool {
    match value {
        Value::Null | Value::Bool(false) => true,
        Value::String(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
        Value::Number(_) | Value::Bool(true) => false,
    }
}

/// Whether a definition's value and the registered one mean the same. Inside options and
/// choices every field counts; Discord's own fields (`id`, `version`, …) exist only at the
/// top level, where the definition's fields are compared.
fn same(defined: &Value, registered: &Value) -> bool {
    if unset(defined) && unset(registered) {
        return true;
    }
    match (defined, registered) {
        (Value::Object(d), Value::Object(r)) => d.keys().chain(r.keys()).all(|k| {
            same(
                d.get(k).unwrap_or(&Value::Null),
                r.get(k).unwrap_or(&Value::Null),
            )
        }),
        (Value::Array(d), Value::Array(r)) => {
            d.len() == r.len() && d.iter().zip(r).all(|(d, r)| same(d, r))
        }
        (Value::Number(d), Value::Number(r)) => d.as_f64() == r.as_f64(),
        _ => defined == registered,
    }
}

/// The definitions against what Discord has.
pub fn diff(defined: &[Value], registered: &[Value]) -> Diff {
    let mut diff = Diff::default();
    for definition in defined {
        match registered.iter().find(|r| key(r) == key(definition)) {
            None => diff.add.push(label(definition)),
            Some(current) => {
                let fields: Vec<&str> = definition
                    .as_object()
                    .into_iter()
                    .flatten()
                    .filter(|(field, value)| !same(value, &current[field.as_str()]))
                    .map(|(field, _)| field.as_str())
                    .collect();
                if !fields.is_empty() {
                    diff.change
                        .push(format!("{} ({})", label(definition), fields.join(", ")));
                }
            }
        }
    }
    for current in registered {
        if !defined.iter().any(|d| key(d) == key(current)) {
            diff.remove.push(label(current));
        }
    }
    diff
}

/// Asks Discord for the registered commands (the guild's when `DISCORD_GUILD_ID` is set, as
/// `run` and `register` register there) and reports the diff.
pub async fn check(settings: &Settings, checked: &Checked, report: &mut Report) {
    let Some(token) = settings
        .discord_token
        .as_ref()
        .filter(|_| checked.token_usable)
    else {
        report.add(
            Class::Discord,
            NAME,
            Status::Skipped,
            "no usable DISCORD_TOKEN",
        );
        return;
    };
    if !checked.ids_usable || report.has_problem(Class::Settings) {
        report.add(
            Class::Discord,
            NAME,
            Status::Skipped,
            "the settings have problems",
        );
        return;
    }
    let api = format!(
        "{}/api/v10",
        checked.api.as_deref().unwrap_or("https://discord.com")
    );
    let client = match reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .redirect(reqwest::redirect::Policy::none())
        .build()
    {
        Ok(client) => client,
        Err(error) => {
            report.add(Class::Discord, NAME, Status::Problem, error.to_string());
            return;
        }
    };
    let get = |path: String| {
        let request = client
            .get(format!("{api}{path}"))
            .header("Authorization", format!("Bot {}", token.expose()))
            .header("User-Agent", "DiscordBot (rolecall doctor, 1)");
        async move {
            let response = request.send().await.map_err(|e| {
                // reqwest's message names the URL, never the headers.
                format!("Discord cannot be reached: {}", e.without_url())
            })?;
            let status = response.status();
            if !status.is_success() {
                return Err(format!("Discord answered {status} to GET {path}"));
            }
            let body = response
                .bytes()
                .await
                .map_err(|e| format!("Discord's answer was cut short: {}", e.without_url()))?;
            serde_json::from_slice::<Value>(&body)
                .map_err(|e| format!("Discord's answer is not JSON: {e}"))
        }
    };
    let application = match settings.application_id {
        Some(id) => id,
        None => match get("/applications/@me".to_owned()).await {
            Ok(app) => match app["id"].as_str().and_then(|id| id.parse().ok()) {
                Some(id) => id,
                None => {
                    report.add(
                        Class::Discord,
                        NAME,
                        Status::Problem,
                        "Discord's application has no id",
                    );
                    return;
                }
            },
            Err(error) => {
                report.add(Class::Discord, NAME, Status::Problem, error);
                return;
            }
        },
    };
    let (path, where_) = match settings.guild_id {
        Some(guild) => (
            format!("/applications/{application}/guilds/{guild}/commands"),
            format!("server {guild}"),
        ),
        None => (
            format!("/applications/{application}/commands"),
            "global".to_owned(),
        ),
    };
    let registered = match get(path).await {
        Ok(Value::Array(commands)) => commands,
        Ok(_) => {
            report.add(
                Class::Discord,
                NAME,
                Status::Problem,
                "Discord's answer is not a list of commands",
            );
            return;
        }
        Err(error) => {
            report.add(Class::Discord, NAME, Status::Problem, error);
            return;
        }
    };
    let defined = match registration_json() {
        Value::Array(defined) => defined,
        _ => Vec::new(),
    };
    let diff = diff(&defined, &registered);
    if diff.is_empty() {
        report.add(
            Class::Discord,
            NAME,
            Status::Ok,
            format!(
                "the {} {where_} commands match the definitions",
                registered.len()
            ),
        );
    } else {
        report.add(
            Class::Discord,
            NAME,
            Status::Problem,
            format!("{} ({where_}): run `rolecall register`", diff.to_text()),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn what_discord_adds_and_writes_for_unset_is_the_same_command() {
        let defined = vec![
            json!({"name": "compare", "type": 1, "description": "Compare",
            "options": [{"type": 3, "name": "role_a", "description": "A", "required": true}],
            "name_localizations": {}}),
        ];
        let registered = vec![
            json!({"id": "1", "version": "2", "name": "compare", "type": 1,
            "description": "Compare", "dm_permission": true, "name_localizations": null,
            "options": [{"type": 3, "name": "role_a", "description": "A", "required": true,
                "autocomplete": false}]}),
        ];
        assert_eq!(diff(&defined, &registered), Diff::default());
    }

    #[test]
    fn added_changed_and_removed_commands_are_named() {
        let defined = vec![
            json!({"name": "me", "type": 1, "description": "You"}),
            json!({"name": "path", "type": 1, "description": "Path", "options": [
                {"type": 3, "name": "from", "description": "From", "required": true}]}),
        ];
        let registered = vec![
            json!({"name": "path", "type": 1, "description": "Path", "options": [
                {"type": 3, "name": "from", "description": "From"}]}),
            json!({"name": "old", "type": 1, "description": "Gone"}),
        ];
        let found = diff(&defined, &registered);
        assert_eq!(found.add, ["/me"]);
        assert_eq!(found.change, ["/path (options)"]);
        assert_eq!(found.remove, ["/old"]);
        assert_eq!(
            found.to_text(),
            "registering would add /me; change /path (options); remove /old"
        );
    }
}
