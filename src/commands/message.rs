//! Commands on a message's Apps menu (Discord's message context-menu commands): no options,
//! no description; each acts on the message it was used on. They are defined here once, as
//! slash commands are in [`COMMANDS`](super::COMMANDS), and read by registration and both
//! front ends; a typed line cannot name one (there is no message to act on).

use super::Cost;

/// Every message command rolecall answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MessageCommandId {
    /// A mentor has the bot answer a member's message, publicly, as a reply to it.
    AnswerWithRolecall,
}

/// A message command's definition.
#[derive(Debug, Clone, Copy)]
pub struct MessageCommandSpec {
    pub id: MessageCommandId,
    /// As the Apps menu shows it (1–32 characters, spaces and capitals allowed).
    pub name: &'static str,
    pub cost: Cost,
}

pub const MESSAGE_COMMANDS: &[MessageCommandSpec] = &[MessageCommandSpec {
    id: MessageCommandId::AnswerWithRolecall,
    name: "Answer with rolecall",
    cost: Cost::Expensive,
}];

/// The message command named exactly `name` (Discord sends the registered name).
pub fn find_message_command(name: &str) -> Option<&'static MessageCommandSpec> {
    MESSAGE_COMMANDS.iter().find(|spec| spec.name == name)
}

/// The longest text of a message read as a question, in characters: a message may hold
/// 4,000, and a question is in its first lines.
pub const QUESTION_MAX: usize = 1_000;

/// The part of a message's text read as a question: its first [`QUESTION_MAX`] characters.
pub fn question_of(text: &str) -> &str {
    match text.char_indices().nth(QUESTION_MAX) {
        Some((end, _)) => &text[..end],
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_command_is_found_by_its_name_and_within_discords_limits() {
        for spec in MESSAGE_COMMANDS {
            assert_eq!(find_message_command(spec.name).map(|s| s.id), Some(spec.id));
            assert!(
                (1..=32).contains(&spec.name.chars().count()),
                "{}",
                spec.name
            );
        }
        assert!(find_message_command("answer with rolecall").is_none());
    }

    #[test]
    fn a_long_message_is_read_up_to_its_first_thousand_characters() {
        assert_eq!(question_of("skills for mlops?"), "skills for mlops?");
        let long = "é".repeat(4_000);
        assert_eq!(question_of(&long).chars().count(), QUESTION_MAX);
    }
}
