//! A [`Form`] as the body of a modal interaction response (callback type 9).
//!
//! Each input sits in an action row with its label on the input: the shape serenity 0.12
//! reads back from a submission on the gateway. Discord now prefers a Label component around
//! the input, and still accepts this one (its OpenAPI description lists both); submissions
//! of either shape are read (`discord::interaction::form`).

use serde::Serialize;

use crate::discord::wire::component::{ACTION_ROW, TEXT_INPUT};
use crate::discord::wire::text_input_style;
use crate::reply::form::{Form, TextInput};

#[derive(Serialize)]
pub(super) struct FormJson<'a> {
    custom_id: &'a str,
    title: &'a str,
    components: Vec<RowJson<'a>>,
}

#[derive(Serialize)]
struct RowJson<'a> {
    #[serde(rename = "type")]
    kind: u8,
    components: [InputJson<'a>; 1],
}

#[derive(Serialize)]
struct InputJson<'a> {
    #[serde(rename = "type")]
    kind: u8,
    custom_id: &'a str,
    style: u8,
    label: &'a str,
    min_length: u16,
    max_length: u16,
    required: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    placeholder: Option<&'a str>,
}

impl<'a> FormJson<'a> {
    pub(super) fn new(form: &'a Form) -> FormJson<'a> {
        FormJson {
            custom_id: &form.custom_id,
            title: &form.title,
            components: form
                .inputs
                .iter()
                .map(|input| RowJson {
                    kind: ACTION_ROW,
                    components: [InputJson::new(input)],
                })
                .collect(),
        }
    }
}

impl<'a> InputJson<'a> {
    fn new(input: &'a TextInput) -> InputJson<'a> {
        InputJson {
            kind: TEXT_INPUT,
            custom_id: input.custom_id,
            style: if input.paragraph {
                text_input_style::PARAGRAPH
            } else {
                text_input_style::SHORT
            },
            label: &input.label,
            min_length: input.min_length,
            max_length: input.max_length,
            required: true,
            placeholder: input.placeholder.as_deref(),
        }
    }
}
