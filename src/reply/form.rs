//! A form Discord shows over the conversation (a modal): a title and a few text inputs. Its
//! submission comes back as an interaction carrying the form's `custom_id` and each input's
//! value by the input's `custom_id`.

use super::limits;

/// Discord's limits on a modal: title 45 characters, at most five inputs, labels of 45.
const TITLE_MAX: usize = 45;
const LABEL_MAX: usize = 45;
const PLACEHOLDER_MAX: usize = 100;
/// A text input holds at most 4,000 characters.
pub const INPUT_MAX: u16 = 4000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    pub custom_id: String,
    pub title: String,
    pub inputs: Vec<TextInput>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextInput {
    pub custom_id: &'static str,
    pub label: String,
    /// A paragraph (several lines) rather than one line.
    pub paragraph: bool,
    pub min_length: u16,
    pub max_length: u16,
    pub placeholder: Option<String>,
}

impl Form {
    /// A form titled `title` (cut to Discord's limit), its submission carrying `custom_id`.
    pub fn new(custom_id: &str, title: &str) -> Form {
        Form {
            custom_id: custom_id.chars().take(limits::CUSTOM_ID).collect(),
            title: limits::clamp_non_empty(title, TITLE_MAX),
            inputs: Vec::new(),
        }
    }

    /// Adds a required text input taking `min..=max` characters (max at most 4,000).
    pub fn input(mut self, custom_id: &'static str, label: &str, lengths: (u16, u16)) -> Form {
        let max_length = lengths.1.clamp(1, INPUT_MAX);
        self.inputs.push(TextInput {
            custom_id,
            label: limits::clamp_non_empty(label, LABEL_MAX),
            paragraph: false,
            min_length: lengths.0.min(max_length),
            max_length,
            placeholder: None,
        });
        self
    }

    /// Makes the last input a paragraph with `placeholder` shown while it is empty.
    pub fn paragraph(mut self, placeholder: &str) -> Form {
        if let Some(input) = self.inputs.last_mut() {
            input.paragraph = true;
            input.placeholder = Some(placeholder.chars().take(PLACEHOLDER_MAX).collect());
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_form_stays_within_discords_limits() {
        let form = Form::new("kb_add", &"A very long title ".repeat(10))
            .input("title", &"label ".repeat(20), (3, 9000))
            .paragraph(&"p".repeat(300));
        assert!(form.title.chars().count() <= TITLE_MAX);
        let input = &form.inputs[0];
        assert!(input.label.chars().count() <= LABEL_MAX);
        assert_eq!(input.max_length, INPUT_MAX);
        assert!(input.paragraph);
        assert_eq!(
            input.placeholder.as_ref().map(|p| p.len()),
            Some(PLACEHOLDER_MAX)
        );
    }
}
