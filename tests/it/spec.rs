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
    schema["components"] = spec["components"].clone();
    jsonschema::validator_for(&schema).expect("a valid schema")
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

/// `Ok` when Discord's description accepts `body` as an interaction response.
pub fn check_callback(body: &Value) -> Result<(), String> {
    let errors: Vec<String> = callback_validator()
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
