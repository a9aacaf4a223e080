//! Discord's own OpenAPI description (`tests/fixtures/discord-spec/openapi.json`, copied
//! unchanged; see its SOURCES.md): bodies rolecall sends are checked against the schema
//! Discord publishes for the request that carries them, independently of our own oracle of
//! limits (`oracle.rs`).

use std::sync::OnceLock;

use jsonschema::Validator;
use serde_json::{json, Value};

const SPEC: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/discord-spec/openapi.json"
);

fn spec() -> &'static Value {
    static SPEC_JSON: OnceLock<Value> = OnceLock::new();
    SPEC_JSON.get_or_init(|| {
        let text = std::fs::read_to_string(SPEC).expect("Discord's OpenAPI description");
        serde_json::from_str(&text).expect("valid JSON")
    })
}

/// A validator of the JSON body of `method path`, with every `#/components/…` reference
/// resolved inside the description.
fn body_validator(path: &str, method: &str) -> Validator {
    let spec = spec();
    let body = &spec["paths"][path][method]["requestBody"]["content"]["application/json"]["schema"];
    assert!(body.is_object(), "no JSON body for {method} {path}");
    let mut schema = body.clone();
    schema["$schema"] = json!("https://json-schema.org/draft/2020-12/schema");
    let mut components = spec["components"].clone();
    accept_permissions_as_digits(&mut components);
    schema["components"] = components;
    jsonschema::validator_for(&schema).expect("a valid schema")
}

/// The one known difference between the description and Discord (its SOURCES.md): it types
/// `default_member_permissions` as an integer, while Discord documents, accepts and serenity
/// sends a string of digits. Both are accepted here; nothing else is loosened.
fn accept_permissions_as_digits(schema: &mut Value) {
    match schema {
        Value::Object(map) => {
            for (key, value) in map.iter_mut() {
                if key == "default_member_permissions" {
                    let described = value.take();
                    *value = json!({ "anyOf": [described, { "type": "string", "pattern": "^[0-9]+$" }] });
                } else {
                    accept_permissions_as_digits(value);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(accept_permissions_as_digits),
        _ => {}
    }
}

fn callback_validator() -> &'static Validator {
    static VALIDATOR: OnceLock<Validator> = OnceLock::new();
    VALIDATOR.get_or_init(|| {
        body_validator(
            "/interactions/{interaction_id}/{interaction_token}/callback",
            "post",
        )
    })
}

fn registration_validator() -> &'static Validator {
    static VALIDATOR: OnceLock<Validator> = OnceLock::new();
    VALIDATOR.get_or_init(|| body_validator("/applications/{application_id}/commands", "put"))
}

fn message_validator() -> &'static Validator {
    static VALIDATOR: OnceLock<Validator> = OnceLock::new();
    VALIDATOR.get_or_init(|| body_validator("/channels/{channel_id}/messages", "post"))
}

fn dm_channel_validator() -> &'static Validator {
    static VALIDATOR: OnceLock<Validator> = OnceLock::new();
    VALIDATOR.get_or_init(|| body_validator("/users/@me/channels", "post"))
}

/// `Ok` when Discord's description accepts `body` as the opening of a DM channel.
pub fn check_dm_channel(body: &Value) -> Result<(), String> {
    check(dm_channel_validator(), body)
}

fn webhook_edit_validator() -> &'static Validator {
    static VALIDATOR: OnceLock<Validator> = OnceLock::new();
    VALIDATOR.get_or_init(|| {
        body_validator(
            "/webhooks/{webhook_id}/{webhook_token}/messages/@original",
            "patch",
        )
    })
}

/// `Ok` when Discord's description accepts `body` as the edit of an interaction's deferred
/// response.
pub fn check_webhook_edit(body: &Value) -> Result<(), String> {
    check(webhook_edit_validator(), body)
}

/// `Ok` when Discord's description accepts `body` as an interaction response.
pub fn check_callback(body: &Value) -> Result<(), String> {
    check(callback_validator(), body)
}

/// `Ok` when Discord's description accepts `body` as the commands registered (global or
/// for one server: the same body).
pub fn check_registration(body: &Value) -> Result<(), String> {
    check(registration_validator(), body)
}

/// `Ok` when Discord's description accepts `body` as a message posted to a channel.
pub fn check_message(body: &Value) -> Result<(), String> {
    check(message_validator(), body)
}

fn check(validator: &Validator, body: &Value) -> Result<(), String> {
    let errors: Vec<String> = validator
        .iter_errors(body)
        .take(5)
        .map(|error| format!("{error} at {}", error.instance_path()))
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(format!("{}\nin body: {body}", errors.join("\n")))
    }
}

#[test]
fn the_description_refuses_what_discord_would() {
    let message =
        json!({ "type": 4, "data": { "content": "hi", "allowed_mentions": { "parse": [] } } });
    assert_eq!(check_callback(&message), Ok(()));
    let form = json!({ "type": 9, "data": { "custom_id": "kb_add", "title": "Add", "components": [
        { "type": 1, "components": [{ "type": 4, "custom_id": "title", "style": 1, "label": "Title" }] }
    ] } });
    assert_eq!(check_callback(&form), Ok(()));
    let long_title = json!({ "type": 9, "data": { "custom_id": "kb_add", "title": "t".repeat(46), "components": [] } });
    assert!(check_callback(&long_title).is_err());
    assert!(check_callback(&json!({ "type": 4, "data": { "embeds": "no" } })).is_err());
}

#[test]
fn the_registered_commands_are_as_discord_describes_them() {
    let body = rolecall::discord::registration::registration_json();
    assert_eq!(check_registration(&body), Ok(()));
    // The check can fail: a command without its name is refused.
    let mut broken = body.clone();
    if let Some(first) = broken.get_mut(0).and_then(Value::as_object_mut) {
        first.remove("name");
    }
    assert!(check_registration(&broken).is_err());
}
