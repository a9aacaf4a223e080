//! An independent oracle for Discord's limits on what the bot sends, written from
//! `shared/design/discord-limits.md` and deliberately sharing no code or constants with
//! `rolecall::reply::limits`: a wrong limit there must not make a wrong check here.

use std::collections::HashSet;

use serde_json::{json, Map, Value};

const CONTENT: usize = 2000;
const EMBEDS: usize = 10;
const TITLE: usize = 256;
const DESCRIPTION: usize = 4096;
const FIELDS: usize = 25;
const FIELD_NAME: usize = 256;
const FIELD_VALUE: usize = 1024;
const FOOTER: usize = 2048;
const AUTHOR: usize = 256;
const EMBED_TOTAL: usize = 6000;
const ACTION_ROWS: usize = 5;
const BUTTONS_PER_ROW: usize = 5;
const BUTTON_LABEL: usize = 80;
const CUSTOM_ID: usize = 100;
const SELECT_OPTIONS: usize = 25;
const SELECT_OPTION_TEXT: usize = 100;
/// From Discord's component reference (string select): placeholder and min/max values.
const SELECT_PLACEHOLDER: usize = 150;
const SELECT_VALUES_MAX: u64 = 25;
const CHOICES: usize = 25;
const CHOICE_TEXT: usize = 100;
const EPHEMERAL: u64 = 64;

/// Code points as Discord counts them: after trimming.
fn count(text: &str) -> usize {
    text.trim().chars().count()
}

/// Every limit `body` (an interaction response) breaks, one sentence each.
pub fn violations(body: &Value) -> Vec<String> {
    let mut check = Checker::default();
    check.response(body);
    check.found
}

/// `Ok` when Discord would accept `body` as an interaction response; otherwise every
/// violation, then the body itself.
pub fn check_interaction_response(body: &Value) -> Result<(), String> {
    // Discord's own description of the body first: the shape, then our oracle's limits.
    crate::spec::check_callback(body)?;
    let found = violations(body);
    if found.is_empty() {
        return Ok(());
    }
    Err(format!(
        "{}\nin body: {}",
        found.join("\n"),
        shorten(&body.to_string(), 3000)
    ))
}

/// `Ok` when Discord would accept `choices` as an autocomplete response.
pub fn check_choices(choices: &[(String, String)]) -> Result<(), String> {
    let mut found = Vec::new();
    if choices.len() > CHOICES {
        found.push(format!("{} choices (max {CHOICES})", choices.len()));
    }
    for (i, (name, value)) in choices.iter().enumerate() {
        for (what, text) in [("name", name), ("value", value)] {
            if !(1..=CHOICE_TEXT).contains(&count(text)) {
                found.push(format!(
                    "choice {i} {what} has {} characters (1 to {CHOICE_TEXT}): {:?}",
                    count(text),
                    shorten(text, 120)
                ));
            }
        }
    }
    if found.is_empty() {
        Ok(())
    } else {
        Err(found.join("\n"))
    }
}

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let head: String = text.chars().take(max).collect();
    format!("{head}[…]")
}

/// Walks a body, collecting violations; paths in messages look like `embeds[0].fields[3].name`.
#[derive(Default)]
struct Checker {
    found: Vec<String>,
    custom_ids: HashSet<String>,
}

impl Checker {
    fn fail(&mut self, message: String) {
        self.found.push(message);
    }

    fn response(&mut self, body: &Value) {
        match body.get("type").and_then(Value::as_u64) {
            Some(4 | 7) => {}
            other => self.fail(format!("type is {other:?}, not 4 or 7")),
        }
        match body.get("data").and_then(Value::as_object) {
            Some(data) => self.message(data),
            None => self.fail("data is missing or not an object".into()),
        }
    }

    fn message(&mut self, data: &Map<String, Value>) {
        let content = self.text(data.get("content"), "content", CONTENT);
        let embeds = self.array(data.get("embeds"), "embeds", EMBEDS);
        let mut total = 0;
        for (i, embed) in embeds.iter().enumerate() {
            total += self.embed(embed, &format!("embeds[{i}]"));
        }
        if total > EMBED_TOTAL {
            self.fail(format!(
                "embeds hold {total} characters together (max {EMBED_TOTAL})"
            ));
        }
        if count(&content) == 0 && embeds.is_empty() {
            self.fail("message has neither content nor an embed".into());
        }
        let rows = self.array(data.get("components"), "components", ACTION_ROWS);
        for (i, row) in rows.iter().enumerate() {
            self.action_row(row, &format!("components[{i}]"));
        }
        if data.get("allowed_mentions") != Some(&json!({ "parse": [] })) {
            self.fail(format!(
                "allowed_mentions is {:?}, not {{\"parse\": []}}",
                data.get("allowed_mentions")
            ));
        }
        if let Some(flags) = data.get("flags") {
            if flags.as_u64() != Some(EPHEMERAL) {
                self.fail(format!("flags is {flags}, not {EPHEMERAL}"));
            }
        }
    }

    /// Checks an embed; returns the characters it counts towards the message's total.
    fn embed(&mut self, embed: &Value, path: &str) -> usize {
        let mut size = 0;
        let title = self.text(embed.get("title"), &format!("{path}.title"), TITLE);
        let description = self.text(
            embed.get("description"),
            &format!("{path}.description"),
            DESCRIPTION,
        );
        let footer = self.text(
            embed.pointer("/footer/text"),
            &format!("{path}.footer.text"),
            FOOTER,
        );
        // Discord shows footers as plain text: markdown there is shown as its raw marks.
        for mark in ["`", "**", "__", "~~", "||"] {
            if footer.contains(mark) {
                self.fail(format!(
                    "{path}.footer.text has markdown ({mark}), which footers show raw: {:?}",
                    shorten(&footer, 120)
                ));
            }
        }
        let author = self.text(
            embed.pointer("/author/name"),
            &format!("{path}.author.name"),
            AUTHOR,
        );
        for text in [title, description, footer, author] {
            size += count(&text);
        }
        let fields = self.array(embed.get("fields"), &format!("{path}.fields"), FIELDS);
        for (i, field) in fields.iter().enumerate() {
            let at = format!("{path}.fields[{i}]");
            for (key, max) in [("name", FIELD_NAME), ("value", FIELD_VALUE)] {
                let text = self.text(field.get(key), &format!("{at}.{key}"), max);
                if count(&text) == 0 {
                    self.fail(format!("{at}.{key} is empty"));
                }
                size += count(&text);
            }
        }
        size
    }

    fn action_row(&mut self, row: &Value, path: &str) {
        if row.get("type").and_then(Value::as_u64) != Some(1) {
            self.fail(format!("{path} is not an action row (type 1)"));
        }
        let components = self.array(
            row.get("components"),
            &format!("{path}.components"),
            BUTTONS_PER_ROW,
        );
        if components.is_empty() {
            self.fail(format!("{path} has no components"));
        }
        let selects = components
            .iter()
            .filter(|c| c.get("type").and_then(Value::as_u64) == Some(3))
            .count();
        if selects > 0 && components.len() > 1 {
            self.fail(format!("{path} mixes a select menu with other components"));
        }
        for (i, component) in components.iter().enumerate() {
            self.component(component, &format!("{path}.components[{i}]"));
        }
    }

    fn component(&mut self, component: &Value, path: &str) {
        match component.get("type").and_then(Value::as_u64) {
            Some(2) => {
                self.text(
                    component.get("label"),
                    &format!("{path}.label"),
                    BUTTON_LABEL,
                );
            }
            Some(3) => self.select_menu(component, path),
            other => self.fail(format!("{path} has type {other:?}, not a button or select")),
        }
        // A link button (style 5) has a URL of at most 512 characters and no custom_id.
        if component.get("style").and_then(Value::as_u64) == Some(5) {
            let url = self.text(component.get("url"), &format!("{path}.url"), 512);
            if !url.starts_with("https://") && !url.starts_with("http://") {
                self.fail(format!("{path}.url {url:?} is not a web address"));
            }
            if component.get("custom_id").is_some() {
                self.fail(format!("{path} is a link with a custom_id"));
            }
            return;
        }
        self.custom_id(component.get("custom_id"), path);
    }

    /// A string select: 1 to 25 options, each with a label and a value of 1 to 100
    /// characters (values unique in the menu) and a description of at most 100; a placeholder
    /// of at most 150; `min_values` 0 to 25, `max_values` 1 to 25, at most the options.
    fn select_menu(&mut self, menu: &Value, path: &str) {
        let options = self.array(
            menu.get("options"),
            &format!("{path}.options"),
            SELECT_OPTIONS,
        );
        if options.is_empty() {
            self.fail(format!("{path} has no options"));
        }
        let mut values = HashSet::new();
        for (i, option) in options.iter().enumerate() {
            let at = format!("{path}.options[{i}]");
            for key in ["label", "value"] {
                let text = self.text(option.get(key), &format!("{at}.{key}"), SELECT_OPTION_TEXT);
                if count(&text) == 0 {
                    self.fail(format!("{at}.{key} is missing or empty"));
                }
            }
            self.text(
                option.get("description"),
                &format!("{at}.description"),
                SELECT_OPTION_TEXT,
            );
            if let Some(value) = option.get("value").and_then(Value::as_str) {
                if !values.insert(value.to_owned()) {
                    self.fail(format!("{at}.value {value:?} repeats an earlier option's"));
                }
            }
        }
        self.text(
            menu.get("placeholder"),
            &format!("{path}.placeholder"),
            SELECT_PLACEHOLDER,
        );
        let min = self.count_of(menu.get("min_values"), &format!("{path}.min_values"), 0, 1);
        let max = self.count_of(menu.get("max_values"), &format!("{path}.max_values"), 1, 1);
        if min > max {
            self.fail(format!(
                "{path}.min_values {min} is more than max_values {max}"
            ));
        }
        if !options.is_empty() && max > options.len() as u64 {
            self.fail(format!(
                "{path}.max_values {max} is more than its {} options",
                options.len()
            ));
        }
    }

    /// An optional count from `least` to 25 (Discord's bounds on min/max values), or `default`.
    fn count_of(&mut self, value: Option<&Value>, path: &str, least: u64, default: u64) -> u64 {
        match value {
            None | Some(Value::Null) => default,
            Some(value) => match value.as_u64() {
                Some(n) if (least..=SELECT_VALUES_MAX).contains(&n) => n,
                _ => {
                    self.fail(format!(
                        "{path} is {value}, not {least} to {SELECT_VALUES_MAX}"
                    ));
                    default
                }
            },
        }
    }

    fn custom_id(&mut self, id: Option<&Value>, path: &str) {
        let id = self.text(id, &format!("{path}.custom_id"), CUSTOM_ID);
        if count(&id) == 0 {
            self.fail(format!("{path}.custom_id is missing or empty"));
        } else if !self.custom_ids.insert(id.clone()) {
            self.fail(format!(
                "{path}.custom_id {:?} is used twice in the message",
                shorten(&id, 120)
            ));
        }
    }

    /// An optional string at most `max` characters long; returns it, or "" when absent.
    fn text(&mut self, value: Option<&Value>, path: &str, max: usize) -> String {
        let text = match value {
            None | Some(Value::Null) => return String::new(),
            Some(Value::String(text)) => text.clone(),
            Some(other) => {
                self.fail(format!("{path} is not a string: {other}"));
                return String::new();
            }
        };
        if count(&text) > max {
            self.fail(format!(
                "{path} has {} characters (max {max}): {:?}",
                count(&text),
                shorten(&text, 120)
            ));
        }
        text
    }

    /// An optional array of at most `max` items; returns its items, or none when absent.
    fn array(&mut self, value: Option<&Value>, path: &str, max: usize) -> Vec<Value> {
        let items = match value {
            None | Some(Value::Null) => return Vec::new(),
            Some(Value::Array(items)) => items.clone(),
            Some(other) => {
                self.fail(format!("{path} is not an array: {other}"));
                return Vec::new();
            }
        };
        if items.len() > max {
            self.fail(format!("{path} has {} items (max {max})", items.len()));
        }
        items
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A body that uses every part the oracle checks, each at its limit.
    fn valid_body() -> Value {
        let button =
            |id: &str| json!({ "type": 2, "style": 1, "label": "x".repeat(80), "custom_id": id });
        json!({
            "type": 4,
            "data": {
                "content": "c".repeat(2000),
                "embeds": [{
                    "type": "rich",
                    "title": "t".repeat(256),
                    "description": "d".repeat(1000),
                    "fields": [
                        { "name": "n".repeat(256), "value": "v".repeat(1024), "inline": true },
                        { "name": "\u{200B}", "value": "\u{200B}", "inline": true },
                    ],
                    "footer": { "text": "f".repeat(2048) },
                    "author": { "name": "a".repeat(256) },
                }],
                "components": [
                    { "type": 1, "components": [button("a"), button("b"), button("c"), button("d"), button(&"e".repeat(100))] },
                    { "type": 1, "components": [select_menu()] },
                ],
                "allowed_mentions": { "parse": [] },
                "flags": 64,
            }
        })
    }

    /// A string select at its limits: 25 options of 100-character texts, a 150-character
    /// placeholder, up to 25 values.
    fn select_menu() -> Value {
        let options: Vec<Value> = (0..25)
            .map(|i| {
                json!({
                    "label": "l".repeat(100),
                    "value": format!("{i:0>2}{}", "v".repeat(98)),
                    "description": "é".repeat(100),
                })
            })
            .collect();
        json!({
            "type": 3, "custom_id": "menu", "placeholder": "p".repeat(150),
            "options": options, "min_values": 0, "max_values": 25,
        })
    }

    fn menu(body: &mut Value) -> &mut Value {
        &mut body["data"]["components"][1]["components"][0]
    }

    /// `valid_body` changed by `change` must be refused with a message containing `expected`.
    #[track_caller]
    fn assert_caught(change: impl FnOnce(&mut Value), expected: &str) {
        let mut body = valid_body();
        change(&mut body);
        let found = violations(&body);
        assert!(
            found.iter().any(|v| v.contains(expected)),
            "expected a violation containing {expected:?}, got {found:?}"
        );
    }

    fn embed(body: &mut Value) -> &mut Value {
        &mut body["data"]["embeds"][0]
    }

    fn first_button(body: &mut Value) -> &mut Value {
        &mut body["data"]["components"][0]["components"][0]
    }

    fn push_embed(body: &mut Value, embed: Value) {
        if let Some(embeds) = body["data"]["embeds"].as_array_mut() {
            embeds.push(embed);
        }
    }

    #[test]
    fn a_valid_body_passes() {
        assert_eq!(violations(&valid_body()), Vec::<String>::new());
        assert!(check_interaction_response(&valid_body()).is_ok());
    }

    #[test]
    fn an_update_response_passes_and_flags_are_optional() {
        let mut body = valid_body();
        body["type"] = json!(7);
        if let Some(data) = body["data"].as_object_mut() {
            data.remove("flags");
        }
        assert_eq!(violations(&body), Vec::<String>::new());
    }

    #[test]
    fn the_crates_own_replies_pass() {
        use rolecall::discord::json::{interaction_response, update_response};
        use rolecall::reply::Reply;
        let reply = Reply::error("Unknown role", "@everyone **x**");
        assert!(check_interaction_response(&interaction_response(&reply)).is_ok());
        assert!(check_interaction_response(&update_response(&Reply::text("hi"))).is_ok());
    }

    #[test]
    fn limits_count_code_points_after_trimming() {
        assert_eq!(count("  é\u{200B}  "), 2);
        let mut body = valid_body();
        body["data"]["content"] = json!(format!("  {}  ", "é".repeat(2000)));
        assert_eq!(violations(&body), Vec::<String>::new());
    }

    #[test]
    fn catches_a_wrong_response_type() {
        assert_caught(|b| b["type"] = json!(5), "type is Some(5)");
        assert_caught(|b| b["type"] = json!("4"), "not 4 or 7");
    }

    #[test]
    fn catches_missing_data() {
        assert_caught(|b| b["data"] = json!(null), "data is missing");
    }

    #[test]
    fn catches_an_empty_message() {
        assert_caught(
            |b| {
                b["data"]["content"] = json!("  ");
                b["data"]["embeds"] = json!([]);
            },
            "neither content nor an embed",
        );
    }

    #[test]
    fn catches_long_content() {
        assert_caught(
            |b| b["data"]["content"] = json!("é".repeat(2001)),
            "content has 2001",
        );
    }

    #[test]
    fn catches_eleven_embeds() {
        let small = json!({ "title": "x" });
        assert_caught(
            |b| (0..10).for_each(|_| push_embed(b, small.clone())),
            "embeds has 11 items",
        );
    }

    #[test]
    fn catches_each_embed_text_over_its_limit() {
        let cases = [
            ("title", 257, "embeds[0].title has 257"),
            ("description", 4097, "embeds[0].description has 4097"),
        ];
        for (key, len, expected) in cases {
            assert_caught(|b| embed(b)[key] = json!("x".repeat(len)), expected);
        }
        assert_caught(
            |b| embed(b)["footer"]["text"] = json!("x".repeat(2049)),
            "footer.text has 2049",
        );
        assert_caught(
            |b| embed(b)["author"]["name"] = json!("x".repeat(257)),
            "author.name has 257",
        );
    }

    #[test]
    fn catches_markdown_in_a_footer() {
        assert_caught(
            |b| embed(b)["footer"]["text"] = json!("Add `private:true`"),
            "footer.text has markdown (`)",
        );
    }

    #[test]
    fn catches_26_fields() {
        let field = json!({ "name": "n", "value": "v" });
        assert_caught(
            |b| embed(b)["fields"] = json!(vec![field; 26]),
            "fields has 26 items",
        );
    }

    #[test]
    fn catches_long_field_names_and_values() {
        assert_caught(
            |b| embed(b)["fields"][0]["name"] = json!("x".repeat(257)),
            "fields[0].name has 257",
        );
        assert_caught(
            |b| embed(b)["fields"][1]["value"] = json!("x".repeat(1025)),
            "fields[1].value has 1025",
        );
    }

    #[test]
    fn catches_empty_or_blank_field_text_but_accepts_a_zero_width_space() {
        assert_caught(
            |b| embed(b)["fields"][0]["name"] = json!(" \n "),
            "fields[0].name is empty",
        );
        assert_caught(
            |b| embed(b)["fields"][0]["value"] = json!(""),
            "fields[0].value is empty",
        );
        assert_caught(
            |b| {
                if let Some(field) = embed(b)["fields"][0].as_object_mut() {
                    field.remove("value");
                }
            },
            "fields[0].value is empty",
        );
    }

    #[test]
    fn catches_non_string_texts() {
        assert_caught(|b| embed(b)["title"] = json!(12), "title is not a string");
        assert_caught(
            |b| b["data"]["embeds"] = json!({}),
            "embeds is not an array",
        );
    }

    #[test]
    fn catches_more_than_6000_characters_across_embeds() {
        // Each embed alone is within its limits; together they pass 6,000 characters.
        assert_caught(
            |b| {
                embed(b)["description"] = json!("d".repeat(1500));
                for _ in 0..3 {
                    push_embed(b, json!({ "description": "d".repeat(1500) }));
                }
            },
            "embeds hold",
        );
    }

    #[test]
    fn catches_six_action_rows_and_six_buttons() {
        let button = |id: &str| json!({ "type": 2, "label": "x", "custom_id": id });
        assert_caught(
            |b| {
                b["data"]["components"] = json!((0..6)
                    .map(|i| json!({ "type": 1, "components": [button(&format!("r{i}"))] }))
                    .collect::<Vec<_>>())
            },
            "components has 6 items",
        );
        assert_caught(
            |b| {
                let row: Vec<Value> = (0..6).map(|i| button(&format!("b{i}"))).collect();
                b["data"]["components"] = json!([{ "type": 1, "components": row }]);
            },
            "components[0].components has 6 items",
        );
    }

    #[test]
    fn catches_malformed_rows() {
        assert_caught(
            |b| b["data"]["components"][0]["type"] = json!(2),
            "not an action row",
        );
        assert_caught(
            |b| b["data"]["components"][0]["components"] = json!([]),
            "has no components",
        );
    }

    #[test]
    fn catches_long_labels_and_custom_ids() {
        assert_caught(
            |b| first_button(b)["label"] = json!("x".repeat(81)),
            "label has 81",
        );
        assert_caught(
            |b| first_button(b)["custom_id"] = json!("x".repeat(101)),
            "custom_id has 101",
        );
        assert_caught(
            |b| first_button(b)["custom_id"] = json!(""),
            "custom_id is missing",
        );
    }

    #[test]
    fn catches_a_custom_id_used_twice() {
        assert_caught(
            |b| b["data"]["components"][0]["components"][1]["custom_id"] = json!("a"),
            "\"a\" is used twice",
        );
    }

    #[test]
    fn catches_select_menu_limits() {
        let option = json!({ "label": "l", "value": "v" });
        assert_caught(
            |b| {
                let mut options = vec![option.clone(); 26];
                for (i, o) in options.iter_mut().enumerate() {
                    o["value"] = json!(i.to_string());
                }
                menu(b)["options"] = json!(options);
            },
            "options has 26 items",
        );
        assert_caught(|b| menu(b)["options"] = json!([]), "has no options");
        assert_caught(
            |b| menu(b)["options"][0]["label"] = json!("x".repeat(101)),
            "options[0].label has 101",
        );
        assert_caught(
            |b| menu(b)["options"][1]["value"] = json!("é".repeat(101)),
            "options[1].value has 101",
        );
        assert_caught(
            |b| menu(b)["options"][2]["description"] = json!("x".repeat(101)),
            "options[2].description has 101",
        );
        assert_caught(
            |b| menu(b)["placeholder"] = json!("x".repeat(151)),
            "placeholder has 151",
        );
        assert_caught(
            |b| {
                let button = json!({ "type": 2, "label": "x", "custom_id": "b" });
                b["data"]["components"][1]["components"] = json!([menu(b).clone(), button]);
            },
            "mixes a select menu",
        );
    }

    #[test]
    fn catches_select_options_without_label_or_value_or_with_a_repeated_value() {
        assert_caught(
            |b| menu(b)["options"][0]["label"] = json!("  "),
            "options[0].label is missing or empty",
        );
        assert_caught(
            |b| {
                if let Some(option) = menu(b)["options"][3].as_object_mut() {
                    option.remove("value");
                }
            },
            "options[3].value is missing or empty",
        );
        assert_caught(
            |b| menu(b)["options"][4]["value"] = menu(b)["options"][0]["value"].clone(),
            "repeats an earlier option's",
        );
    }

    #[test]
    fn catches_select_value_counts_out_of_range() {
        assert_caught(
            |b| menu(b)["max_values"] = json!(0),
            "max_values is 0, not 1 to 25",
        );
        assert_caught(
            |b| menu(b)["min_values"] = json!(26),
            "min_values is 26, not 0 to 25",
        );
        assert_caught(
            |b| {
                menu(b)["min_values"] = json!(3);
                menu(b)["max_values"] = json!(2);
            },
            "min_values 3 is more than max_values 2",
        );
        assert_caught(
            |b| {
                menu(b)["options"] = json!([{ "label": "a", "value": "a" }]);
                menu(b)["max_values"] = json!(2);
            },
            "max_values 2 is more than its 1 options",
        );
        // Without min/max, Discord lets the user choose exactly one: valid with one option.
        let mut body = valid_body();
        if let Some(select) = menu(&mut body).as_object_mut() {
            select.remove("min_values");
            select.remove("max_values");
        }
        menu(&mut body)["options"] = json!([{ "label": "a", "value": "a" }]);
        assert_eq!(violations(&body), Vec::<String>::new());
    }

    #[test]
    fn a_select_custom_id_counts_towards_the_messages_unique_ids() {
        assert_caught(|b| menu(b)["custom_id"] = json!("a"), "\"a\" is used twice");
        assert_caught(
            |b| menu(b)["custom_id"] = json!("m".repeat(101)),
            "custom_id has 101",
        );
    }

    #[test]
    fn the_crates_own_select_menus_pass() {
        use rolecall::discord::json::interaction_response;
        use rolecall::reply::{Component, Reply, SelectOption};
        let mut reply = Reply::text("x");
        let options = (0..40)
            .map(|i| {
                SelectOption::new(&"é".repeat(300), &format!("/role role:r{i}"))
                    .description(&"d".repeat(300))
            })
            .collect();
        reply.push_select(Component::select(
            &"m".repeat(200),
            &"p".repeat(200),
            options,
        ));
        let body = interaction_response(&reply);
        assert_eq!(body["data"]["components"][0]["components"][0]["type"], 3);
        assert_eq!(violations(&body), Vec::<String>::new());
    }

    #[test]
    fn catches_mentions_that_are_not_turned_off() {
        for mentions in [
            json!(null),
            json!({ "parse": ["users"] }),
            json!({ "parse": [], "users": ["1"] }),
        ] {
            assert_caught(
                |b| b["data"]["allowed_mentions"] = mentions,
                "allowed_mentions",
            );
        }
        assert_caught(
            |b| {
                if let Some(data) = b["data"].as_object_mut() {
                    data.remove("allowed_mentions");
                }
            },
            "allowed_mentions is None",
        );
    }

    #[test]
    fn catches_flags_other_than_ephemeral() {
        assert_caught(|b| b["data"]["flags"] = json!(4), "flags is 4");
        assert_caught(|b| b["data"]["flags"] = json!(64 | 4), "flags is 68");
    }

    #[test]
    fn reports_every_violation_at_once() {
        let mut body = valid_body();
        body["type"] = json!(1);
        embed(&mut body)["title"] = json!("x".repeat(300));
        assert_eq!(violations(&body).len(), 2, "{:?}", violations(&body));
        assert!(check_interaction_response(&body)
            .is_err_and(|e| e.contains("type is") && e.contains("title has 300")));
    }

    fn choice(name: &str, value: &str) -> (String, String) {
        (name.to_owned(), value.to_owned())
    }

    #[test]
    fn choices_within_limits_pass() {
        let mut choices = vec![choice(&"é".repeat(100), &"v".repeat(100)); 24];
        choices.push(choice("a", "b"));
        assert_eq!(check_choices(&choices), Ok(()));
        assert_eq!(check_choices(&[]), Ok(()));
    }

    #[test]
    fn choices_over_their_limits_are_caught() {
        let caught = |choices: &[(String, String)], expected: &str| {
            let error = check_choices(choices).expect_err(expected);
            assert!(error.contains(expected), "{error:?} lacks {expected:?}");
        };
        caught(&vec![choice("a", "b"); 26], "26 choices");
        caught(&[choice(&"x".repeat(101), "b")], "choice 0 name has 101");
        caught(&[choice("a", &"x".repeat(101))], "choice 0 value has 101");
        caught(&[choice("a", "b"), choice("", "b")], "choice 1 name has 0");
        caught(&[choice("a", "   ")], "choice 0 value has 0");
    }
}
