//! The option builders and shared options every command's definition is written with
//! (`table`, and `/job`'s own in `job`), and the bounds on what users type.

use super::{Autocomplete, OptionKind, OptionSpec};

/// Longest role name a user may type.
pub const ROLE_MAX: u16 = 100;
/// Longest free-text question or skill list.
pub const TEXT_MAX: u16 = 500;

pub(super) const fn string(name: &'static str, description: &'static str) -> OptionSpec {
    OptionSpec {
        name,
        description,
        kind: OptionKind::String,
        required: false,
        choices: &[],
        min_length: Some(1),
        max_length: Some(TEXT_MAX),
        min_value: None,
        max_value: None,
        autocomplete: Autocomplete::None,
        options: &[],
    }
}

pub(super) const fn role(name: &'static str, description: &'static str) -> OptionSpec {
    OptionSpec {
        required: true,
        max_length: Some(ROLE_MAX),
        autocomplete: Autocomplete::Role,
        ..string(name, description)
    }
}

pub(super) const fn required(spec: OptionSpec) -> OptionSpec {
    OptionSpec {
        required: true,
        ..spec
    }
}

pub(super) const fn boolean(name: &'static str, description: &'static str) -> OptionSpec {
    OptionSpec {
        kind: OptionKind::Boolean,
        min_length: None,
        max_length: None,
        ..string(name, description)
    }
}

pub(super) const fn page() -> OptionSpec {
    OptionSpec {
        kind: OptionKind::Integer,
        min_length: None,
        max_length: None,
        min_value: Some(1),
        max_value: Some(1000),
        ..string("page", "Which page of the answer to show")
    }
}

pub(super) const fn subcommand(
    name: &'static str,
    description: &'static str,
    options: &'static [OptionSpec],
) -> OptionSpec {
    OptionSpec {
        kind: OptionKind::SubCommand,
        min_length: None,
        max_length: None,
        options,
        ..string(name, description)
    }
}

/// A channel or a server role, read as its id; or an uploaded file.
pub(super) const fn server_object(
    kind: OptionKind,
    name: &'static str,
    description: &'static str,
) -> OptionSpec {
    OptionSpec {
        kind,
        min_length: None,
        max_length: None,
        ..string(name, description)
    }
}

pub(super) const PRIVATE: OptionSpec = boolean("private", "Show the answer only to you");
