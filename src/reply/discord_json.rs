//! A [`Reply`] as the exact JSON body Discord expects in answer to an interaction.

use serde_json::{json, Map, Value};

use super::{ButtonStyle, Component, Embed, Reply, SelectOption};

/// Interaction callback types (Discord "Interaction Response Type").
const CHANNEL_MESSAGE_WITH_SOURCE: u8 = 4;
const UPDATE_MESSAGE: u8 = 7;
/// Component type of a string select menu (2 is a button, 1 an action row).
const STRING_SELECT: u8 = 3;
/// Message flag that shows a reply only to the user who asked.
const EPHEMERAL: u64 = 1 << 6;

/// The body of an interaction response that posts `reply` as a new message.
pub fn interaction_response(reply: &Reply) -> Value {
    json!({ "type": CHANNEL_MESSAGE_WITH_SOURCE, "data": message(reply) })
}

/// The body of an interaction response that replaces the message a button was on.
pub fn update_response(reply: &Reply) -> Value {
    json!({ "type": UPDATE_MESSAGE, "data": message(reply) })
}

/// The message object: content, embeds, components, flags and (always) no mentions.
pub fn message(reply: &Reply) -> Value {
    let mut data = Map::new();
    if !reply.content().is_empty() {
        data.insert("content".into(), reply.content().into());
    }
    data.insert(
        "embeds".into(),
        reply.embeds().iter().map(embed).collect::<Vec<_>>().into(),
    );
    data.insert(
        "components".into(),
        reply
            .rows()
            .iter()
            .map(|row| action_row(row))
            .collect::<Vec<_>>()
            .into(),
    );
    // Every message: nobody is pinged, whatever the text says.
    data.insert("allowed_mentions".into(), json!({ "parse": [] }));
    if reply.is_ephemeral() {
        data.insert("flags".into(), EPHEMERAL.into());
    }
    Value::Object(data)
}

fn embed(embed: &Embed) -> Value {
    let mut out = Map::new();
    out.insert("type".into(), "rich".into());
    if !embed.title_text().is_empty() {
        out.insert("title".into(), embed.title_text().into());
    }
    if !embed.description_text().is_empty() {
        out.insert("description".into(), embed.description_text().into());
    }
    out.insert("color".into(), embed.colour_value().into());
    if !embed.fields().is_empty() {
        let fields: Vec<Value> = embed
            .fields()
            .iter()
            .map(|f| json!({ "name": f.name, "value": f.value, "inline": f.inline }))
            .collect();
        out.insert("fields".into(), fields.into());
    }
    if !embed.footer_text().is_empty() {
        out.insert("footer".into(), json!({ "text": embed.footer_text() }));
    }
    Value::Object(out)
}

fn action_row(row: &[Component]) -> Value {
    let components: Vec<Value> = row.iter().map(component).collect();
    json!({ "type": 1, "components": components })
}

fn component(component: &Component) -> Value {
    match component {
        Component::Button {
            label,
            custom_id,
            style,
            disabled,
        } => json!({
            "type": 2,
            "style": match style { ButtonStyle::Primary => 1, ButtonStyle::Secondary => 2 },
            "label": label,
            "custom_id": custom_id,
            "disabled": disabled,
        }),
        Component::Select {
            custom_id,
            placeholder,
            options,
            disabled,
        } => {
            let mut menu = Map::new();
            menu.insert("type".into(), STRING_SELECT.into());
            menu.insert("custom_id".into(), custom_id.as_str().into());
            if !placeholder.is_empty() {
                menu.insert("placeholder".into(), placeholder.as_str().into());
            }
            menu.insert(
                "options".into(),
                options.iter().map(select_option).collect::<Vec<_>>().into(),
            );
            // Exactly one choice: its value is the one command line to answer.
            menu.insert("min_values".into(), 1.into());
            menu.insert("max_values".into(), 1.into());
            menu.insert("disabled".into(), (*disabled).into());
            Value::Object(menu)
        }
    }
}

fn select_option(option: &SelectOption) -> Value {
    let mut out = Map::new();
    out.insert("label".into(), option.label().into());
    out.insert("value".into(), option.value().into());
    if !option.description_text().is_empty() {
        out.insert("description".into(), option.description_text().into());
    }
    Value::Object(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_forbids_mentions() {
        let body = interaction_response(&Reply::text("@everyone hi"));
        assert_eq!(body["type"], 4);
        assert_eq!(body["data"]["allowed_mentions"], json!({ "parse": [] }));
        assert_eq!(body["data"]["content"], "@everyone hi");
    }

    #[test]
    fn ephemeral_sets_flag_64() {
        let body = interaction_response(&Reply::error("No", "nope"));
        assert_eq!(body["data"]["flags"], 64);
        assert_eq!(body["data"]["embeds"][0]["title"], "No");
    }

    #[test]
    fn buttons_become_action_rows() {
        let mut reply = Reply::text("x");
        reply.push_buttons(vec![Component::button(
            "Next",
            "role:x:2",
            ButtonStyle::Primary,
        )]);
        let body = update_response(&reply);
        assert_eq!(body["type"], 7);
        let button = &body["data"]["components"][0]["components"][0];
        assert_eq!(button["type"], 2);
        assert_eq!(button["custom_id"], "role:x:2");
    }

    #[test]
    fn a_select_menu_is_a_type_3_component_alone_on_its_row() {
        let mut reply = Reply::text("x");
        reply.push_buttons(vec![Component::button(
            "Next",
            "/help",
            ButtonStyle::Primary,
        )]);
        reply.push_select(Component::select(
            "menu:aspect",
            "Compare another aspect…",
            vec![
                SelectOption::new("Tools", "/compare a b tools").description("What each uses"),
                SelectOption::new("Skills", "/compare a b skills"),
            ],
        ));
        let rows = &interaction_response(&reply)["data"]["components"];
        assert_eq!(rows.as_array().map(Vec::len), Some(2));
        assert_eq!(rows[1]["type"], 1);
        assert_eq!(rows[1]["components"].as_array().map(Vec::len), Some(1));
        assert_eq!(
            rows[1]["components"][0],
            json!({
                "type": 3,
                "custom_id": "menu:aspect",
                "placeholder": "Compare another aspect…",
                "options": [
                    { "label": "Tools", "value": "/compare a b tools", "description": "What each uses" },
                    { "label": "Skills", "value": "/compare a b skills" },
                ],
                "min_values": 1,
                "max_values": 1,
                "disabled": false,
            })
        );
    }
}
