//! Discord's wire numbers, in one place: what the types, flags and bits in interaction
//! payloads and responses mean (Discord's API reference: "Interaction Type", "Interaction
//! Callback Type", "Component Types", "Message Flags", "Permissions").
//!
//! Where serenity names a number (option types, permissions, contexts), the registration and
//! the gateway use serenity's types; these are the numbers the hand-written readers and
//! writers of raw JSON need.

/// Interaction types.
pub mod interaction {
    pub const PING: u8 = 1;
    pub const APPLICATION_COMMAND: u8 = 2;
    pub const MESSAGE_COMPONENT: u8 = 3;
    pub const AUTOCOMPLETE: u8 = 4;
    pub const MODAL_SUBMIT: u8 = 5;
}

/// Interaction callback types.
pub mod callback {
    pub const PONG: u8 = 1;
    pub const CHANNEL_MESSAGE_WITH_SOURCE: u8 = 4;
    /// "Thinking…" now; the message is edited in through the interaction's webhook.
    pub const DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE: u8 = 5;
    pub const UPDATE_MESSAGE: u8 = 7;
    pub const AUTOCOMPLETE_RESULT: u8 = 8;
    pub const MODAL: u8 = 9;
}

/// Message component types.
pub mod component {
    pub const ACTION_ROW: u8 = 1;
    pub const BUTTON: u8 = 2;
    pub const STRING_SELECT: u8 = 3;
    pub const USER_SELECT: u8 = 5;
    pub const ROLE_SELECT: u8 = 6;
    pub const MENTIONABLE_SELECT: u8 = 7;
    pub const CHANNEL_SELECT: u8 = 8;
    pub const TEXT_INPUT: u8 = 4;
    /// A label around one input, in modals (and in their submissions).
    pub const LABEL: u8 = 18;
}

/// Text input styles.
pub mod text_input_style {
    pub const SHORT: u8 = 1;
    pub const PARAGRAPH: u8 = 2;
}

/// Button styles.
pub mod button_style {
    pub const PRIMARY: u8 = 1;
    pub const SECONDARY: u8 = 2;
    /// Opens a URL; carries no `custom_id`.
    pub const LINK: u8 = 5;
}

/// Option types, in an interaction's options (the types rolecall reads; serenity names
/// every one for the gateway).
pub mod option {
    pub const SUB_COMMAND: u8 = 1;
    pub const STRING: u8 = 3;
    pub const INTEGER: u8 = 4;
    pub const BOOLEAN: u8 = 5;
    pub const CHANNEL: u8 = 7;
    pub const ROLE: u8 = 8;
    /// Its value is the attachment's id; the attachment is in `data.resolved.attachments`.
    pub const ATTACHMENT: u8 = 11;
}

/// Message flag that shows a reply only to the user who asked.
pub const EPHEMERAL: u64 = 1 << 6;

/// Permission bits (`member.permissions` is their sum as a decimal string).
pub mod permission {
    use serenity::all::Permissions;

    /// Members with any of these moderate the job board.
    pub const MODERATE: Permissions = Permissions::ADMINISTRATOR
        .union(Permissions::MANAGE_GUILD)
        .union(Permissions::MANAGE_MESSAGES);
    /// Members with any of these configure it.
    pub const CONFIGURE: Permissions = Permissions::ADMINISTRATOR.union(Permissions::MANAGE_GUILD);
}
