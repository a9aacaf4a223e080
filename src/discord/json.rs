//! A [`Reply`] as the exact JSON body Discord expects in answer to an interaction.
//!
//! The bodies are serialised straight from the reply through borrowed views, with no JSON
//! tree in between: building, writing and dropping a `serde_json::Value` was most of the time
//! of a `/compare` (BENCHMARKS.md). [`InteractionResponse`] is what the endpoints send;
//! [`interaction_response`] and [`update_response`] give the same JSON as a tree, for tests
//! and pretty-printing.

use serde::{Serialize, Serializer};
use serde_json::Value;

use super::wire::callback::{
    AUTOCOMPLETE_RESULT, CHANNEL_MESSAGE_WITH_SOURCE, DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE, MODAL,
    PONG, UPDATE_MESSAGE,
};
use super::wire::component::{ACTION_ROW, BUTTON, STRING_SELECT};
use super::wire::{button_style, EPHEMERAL};
use crate::reply::form::Form;
use crate::reply::{ButtonStyle, Component, Embed, Field, File, Reply, SelectOption};

mod form;

/// The body of an answer to an interaction, ready to serialise.
#[derive(Debug, Clone, PartialEq)]
pub enum InteractionResponse {
    /// The answer to Discord's ping of the HTTP endpoint.
    Pong,
    /// Posts the reply as a new message.
    Message(Reply),
    /// Replaces the message whose button or menu was used.
    Update(Reply),
    /// Autocomplete choices, as (name shown, value sent) pairs.
    Choices(Vec<(String, String)>),
    /// A form shown over the conversation (a modal).
    Form(Form),
    /// "rolecall is thinking…", shown only to the user: the answer takes longer than
    /// Discord's three seconds, and edits this message in when it is ready.
    DeferredPrivate,
}

impl InteractionResponse {
    /// The file a message response carries, sent beside the JSON as `files[0]`.
    pub fn file(&self) -> Option<&File> {
        match self {
            InteractionResponse::Message(reply) | InteractionResponse::Update(reply) => {
                reply.file()
            }
            _ => None,
        }
    }
}

impl Serialize for InteractionResponse {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            InteractionResponse::Pong => Callback {
                kind: PONG,
                data: None::<()>,
            }
            .serialize(serializer),
            InteractionResponse::Message(reply) => {
                Callback::with(CHANNEL_MESSAGE_WITH_SOURCE, message(reply)).serialize(serializer)
            }
            InteractionResponse::Update(reply) => {
                Callback::with(UPDATE_MESSAGE, message(reply)).serialize(serializer)
            }
            InteractionResponse::Choices(choices) => {
                let choices = ArrayOf(choices, |(name, value)| ChoiceJson { name, value });
                Callback::with(AUTOCOMPLETE_RESULT, ChoicesJson { choices }).serialize(serializer)
            }
            InteractionResponse::Form(form) => {
                Callback::with(MODAL, form::FormJson::new(form)).serialize(serializer)
            }
            InteractionResponse::DeferredPrivate => Callback::with(
                DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE,
                FlagsJson { flags: EPHEMERAL },
            )
            .serialize(serializer),
        }
    }
}

/// The body of an interaction response that posts `reply` as a new message, as a JSON tree.
pub fn interaction_response(reply: &Reply) -> Value {
    tree(&Callback::with(CHANNEL_MESSAGE_WITH_SOURCE, message(reply)))
}

/// The body of an interaction response that replaces the message a button was on, as a tree.
pub fn update_response(reply: &Reply) -> Value {
    tree(&Callback::with(UPDATE_MESSAGE, message(reply)))
}

fn tree(body: &impl Serialize) -> Value {
    // Cannot fail: every map key is a string and every number fits JSON.
    serde_json::to_value(body).unwrap_or_default()
}

/// The message object: content, embeds, components, flags and (always) no mentions.
pub fn message(reply: &Reply) -> impl Serialize + '_ {
    MessageJson::new(reply, None)
}

/// `reply` as the new content of a deferred response (a webhook edit): a message without
/// flags, which an edit cannot change (the deferral already made it private or not).
pub fn edited_message(reply: &Reply) -> impl Serialize + '_ {
    MessageJson {
        flags: None,
        ..MessageJson::new(reply, None)
    }
}

/// `reply` as a channel message answering the chat message `question_id`: a reply to it
/// that pings no one, not even its author. Ephemeral flags mean nothing outside
/// interactions, so there are none.
pub fn chat_reply<'a>(reply: &'a Reply, question_id: &'a str) -> impl Serialize + 'a {
    MessageJson::new(reply, Some(question_id))
}

#[derive(Serialize)]
struct Callback<D> {
    #[serde(rename = "type")]
    kind: u8,
    #[serde(skip_serializing_if = "Option::is_none")]
    data: Option<D>,
}

impl<D> Callback<D> {
    fn with(kind: u8, data: D) -> Callback<D> {
        Callback {
            kind,
            data: Some(data),
        }
    }
}

#[derive(Serialize)]
struct FlagsJson {
    flags: u64,
}

#[derive(Serialize)]
struct ChoicesJson<A> {
    choices: A,
}

#[derive(Serialize)]
struct ChoiceJson<'a> {
    name: &'a str,
    value: &'a str,
}

#[derive(Serialize)]
struct MessageJson<'a> {
    #[serde(skip_serializing_if = "str::is_empty")]
    content: &'a str,
    embeds: ArrayOf<'a, Embed, EmbedJson<'a>>,
    components: ArrayOf<'a, Vec<Component>, RowJson<'a>>,
    // Every message: nobody is pinged, whatever the text says.
    allowed_mentions: AllowedMentions,
    #[serde(skip_serializing_if = "Option::is_none")]
    flags: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    message_reference: Option<MessageReference<'a>>,
    /// The file sent with the message, as `files[0]` of a multipart body.
    #[serde(skip_serializing_if = "Option::is_none")]
    attachments: Option<[AttachmentJson<'a>; 1]>,
}

/// An attachment's metadata: `id` is the index of its `files[n]` part, as a snowflake
/// string (Discord's type for it).
#[derive(Serialize)]
struct AttachmentJson<'a> {
    id: &'static str,
    filename: &'a str,
}

impl<'a> MessageJson<'a> {
    fn new(reply: &'a Reply, question_id: Option<&'a str>) -> MessageJson<'a> {
        let in_chat = question_id.is_some();
        MessageJson {
            content: reply.content(),
            embeds: ArrayOf(reply.embeds(), EmbedJson::new),
            components: ArrayOf(reply.rows(), |row| RowJson {
                kind: ACTION_ROW,
                components: ArrayOf(row, ComponentJson::new),
            }),
            allowed_mentions: AllowedMentions {
                parse: [],
                replied_user: in_chat.then_some(false),
            },
            flags: (reply.is_ephemeral() && !in_chat).then_some(EPHEMERAL),
            message_reference: question_id.map(|message_id| MessageReference {
                message_id,
                fail_if_not_exists: false,
            }),
            attachments: reply.file().map(|file| {
                [AttachmentJson {
                    id: "0",
                    filename: &file.name,
                }]
            }),
        }
    }
}

#[derive(Serialize)]
struct AllowedMentions {
    parse: [&'static str; 0],
    #[serde(skip_serializing_if = "Option::is_none")]
    replied_user: Option<bool>,
}

#[derive(Serialize)]
struct MessageReference<'a> {
    message_id: &'a str,
    fail_if_not_exists: bool,
}

#[derive(Serialize)]
struct EmbedJson<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "str::is_empty")]
    title: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    description: &'a str,
    color: u32,
    #[serde(skip_serializing_if = "ArrayOf::is_empty")]
    fields: ArrayOf<'a, Field, FieldJson<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    footer: Option<FooterJson<'a>>,
}

impl<'a> EmbedJson<'a> {
    fn new(embed: &'a Embed) -> EmbedJson<'a> {
        let footer = embed.footer_text();
        EmbedJson {
            kind: "rich",
            title: embed.title_text(),
            description: embed.description_text(),
            color: embed.colour_value(),
            fields: ArrayOf(embed.fields(), |f| FieldJson {
                name: &f.name,
                value: &f.value,
                inline: f.inline,
            }),
            footer: (!footer.is_empty()).then_some(FooterJson { text: footer }),
        }
    }
}

#[derive(Serialize)]
struct FieldJson<'a> {
    name: &'a str,
    value: &'a str,
    inline: bool,
}

#[derive(Serialize)]
struct FooterJson<'a> {
    text: &'a str,
}

#[derive(Serialize)]
struct RowJson<'a> {
    #[serde(rename = "type")]
    kind: u8,
    components: ArrayOf<'a, Component, ComponentJson<'a>>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum ComponentJson<'a> {
    Button {
        #[serde(rename = "type")]
        kind: u8,
        style: u8,
        label: &'a str,
        custom_id: &'a str,
        disabled: bool,
    },
    Link {
        #[serde(rename = "type")]
        kind: u8,
        style: u8,
        label: &'a str,
        url: &'a str,
    },
    Select {
        #[serde(rename = "type")]
        kind: u8,
        custom_id: &'a str,
        #[serde(skip_serializing_if = "str::is_empty")]
        placeholder: &'a str,
        options: ArrayOf<'a, SelectOption, OptionJson<'a>>,
        // Exactly one choice: its value is the one command line to answer.
        min_values: u8,
        max_values: u8,
        disabled: bool,
    },
}

impl<'a> ComponentJson<'a> {
    fn new(component: &'a Component) -> ComponentJson<'a> {
        match component {
            Component::Button {
                label,
                custom_id,
                style,
                disabled,
            } => ComponentJson::Button {
                kind: BUTTON,
                style: match style {
                    ButtonStyle::Primary => button_style::PRIMARY,
                    ButtonStyle::Secondary => button_style::SECONDARY,
                },
                label,
                custom_id,
                disabled: *disabled,
            },
            Component::Link { label, url } => ComponentJson::Link {
                kind: BUTTON,
                style: button_style::LINK,
                label,
                url,
            },
            Component::Select {
                custom_id,
                placeholder,
                options,
                disabled,
            } => ComponentJson::Select {
                kind: STRING_SELECT,
                custom_id,
                placeholder,
                options: ArrayOf(options, |option| OptionJson {
                    label: option.label(),
                    value: option.value(),
                    description: option.description_text(),
                }),
                min_values: 1,
                max_values: 1,
                disabled: *disabled,
            },
        }
    }
}

#[derive(Serialize)]
struct OptionJson<'a> {
    label: &'a str,
    value: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    description: &'a str,
}

/// A slice written as a JSON array of each item's view, built as it is written.
struct ArrayOf<'a, T, V>(&'a [T], fn(&'a T) -> V);

impl<T, V> ArrayOf<'_, T, V> {
    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<T, V: Serialize> Serialize for ArrayOf<'_, T, V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(self.1))
    }
}

#[cfg(test)]
mod tests;
