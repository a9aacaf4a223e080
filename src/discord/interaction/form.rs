//! A form's submission (a modal submit interaction): the form's `custom_id` and each text
//! input's value by its `custom_id`. Discord sends the inputs either in action rows (the
//! shape of the forms rolecall sends) or each in a Label; both are read, and anything else
//! in `data.components` is ignored.

use serde_json::Value;
use serenity::all::{ActionRow, ActionRowComponent};

use crate::discord::wire::component::{ACTION_ROW, LABEL, TEXT_INPUT};
use crate::reply::form::INPUT_MAX;

/// Discord's limits: a form has at most five inputs (forty components in all), a custom id
/// at most 100 characters.
const INPUTS_MAX: usize = 40;
const CUSTOM_ID_MAX: usize = 100;

/// A submitted form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Submission {
    pub custom_id: String,
    /// (input's custom id, its value), in the form's order.
    pub values: Vec<(String, String)>,
}

/// Why a submission is not one rolecall's forms could have sent.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FormError {
    #[error("the form carries no id")]
    NoId,
    #[error("the form has more inputs than Discord allows")]
    TooManyInputs,
    #[error("an input's id or value is longer than Discord allows")]
    TooLong,
}

impl Submission {
    /// The value given for the input `custom_id`.
    pub fn value(&self, custom_id: &str) -> Option<&str> {
        self.values
            .iter()
            .find(|(id, _)| id == custom_id)
            .map(|(_, value)| value.as_str())
    }
}

/// A submission from an HTTP body's `data.custom_id` and `data.components`.
pub fn from_json(
    custom_id: Option<String>,
    components: Option<&Value>,
) -> Result<Submission, FormError> {
    let mut values = Vec::new();
    for component in components.and_then(Value::as_array).into_iter().flatten() {
        let inputs: Vec<&Value> = match component.get("type").and_then(Value::as_u64) {
            Some(kind) if kind == u64::from(ACTION_ROW) => component
                .get("components")
                .and_then(Value::as_array)
                .map(|inner| inner.iter().collect())
                .unwrap_or_default(),
            Some(kind) if kind == u64::from(LABEL) => {
                component.get("component").into_iter().collect()
            }
            _ => Vec::new(),
        };
        for input in inputs {
            if input.get("type").and_then(Value::as_u64) != Some(u64::from(TEXT_INPUT)) {
                continue;
            }
            let text = |key: &str| input.get(key).and_then(Value::as_str).map(str::to_owned);
            if let Some(id) = text("custom_id") {
                values.push((id, text("value").unwrap_or_default()));
            }
        }
    }
    checked(custom_id, values)
}

/// A submission from serenity's modal interaction data (action rows of text inputs).
pub fn from_gateway(custom_id: &str, rows: &[ActionRow]) -> Result<Submission, FormError> {
    let values = rows
        .iter()
        .flat_map(|row| &row.components)
        .filter_map(|component| match component {
            ActionRowComponent::InputText(input) => Some((
                input.custom_id.clone(),
                input.value.clone().unwrap_or_default(),
            )),
            _ => None,
        })
        .collect();
    checked(Some(custom_id.to_owned()), values)
}

fn checked(
    custom_id: Option<String>,
    values: Vec<(String, String)>,
) -> Result<Submission, FormError> {
    let custom_id = custom_id
        .filter(|id| !id.is_empty())
        .ok_or(FormError::NoId)?;
    if values.len() > INPUTS_MAX {
        return Err(FormError::TooManyInputs);
    }
    let too_long = |text: &str, max: usize| text.chars().count() > max;
    if too_long(&custom_id, CUSTOM_ID_MAX)
        || values.iter().any(|(id, value)| {
            too_long(id, CUSTOM_ID_MAX) || too_long(value, usize::from(INPUT_MAX))
        })
    {
        return Err(FormError::TooLong);
    }
    Ok(Submission { custom_id, values })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Discord's documented sample payloads (see `tests/fixtures/discord/SOURCES.md`).
    fn sample(name: &str) -> Value {
        let path = format!(
            "{}/tests/fixtures/discord/{name}",
            env!("CARGO_MANIFEST_DIR")
        );
        let text = std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("{path}"));
        serde_json::from_str(&text).expect("a JSON sample")
    }

    fn submission(name: &str) -> Submission {
        let body = sample(name);
        let data = &body["data"];
        from_json(
            data["custom_id"].as_str().map(str::to_owned),
            data.get("components"),
        )
        .expect("a submission")
    }

    #[test]
    fn both_shapes_of_a_submission_read_alike() {
        let rows = submission("modal-submit.json");
        let labels = submission("modal-submit-label.json");
        assert_eq!(rows, labels);
        assert_eq!(rows.custom_id, "kb_save:1480928745744629760");
        assert_eq!(
            rows.value("kb_title"),
            Some("Updating your VPN profile (vpn2)")
        );
        assert!(rows
            .value("kb_body")
            .is_some_and(|body| body.contains("nwctl vpn refresh")));
        assert_eq!(rows.value("nothing"), None);
    }

    #[test]
    fn a_forged_submission_is_refused() {
        assert_eq!(from_json(None, None), Err(FormError::NoId));
        let long = serde_json::json!([{"type": 1, "components": [
            {"type": 4, "custom_id": "kb_body", "value": "x".repeat(4001)}
        ]}]);
        assert_eq!(
            from_json(Some("kb_add".into()), Some(&long)),
            Err(FormError::TooLong)
        );
        let odd =
            serde_json::json!([{"type": 1, "components": [{"type": 2, "custom_id": "b"}]}, 7]);
        let read = from_json(Some("kb_add".into()), Some(&odd)).expect("ignored");
        assert!(read.values.is_empty());
    }
}
