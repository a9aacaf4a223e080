//! A command call with its option values, checked against the command's definition.
//!
//! Every front end builds one: the slash-line parser and `rolecall jobs` from text
//! ([`convert`]), the gateway and the HTTP endpoint from the typed values Discord sends
//! ([`from_values`]). Checking happens here, once, whatever Discord already checked.

use std::fmt;

use super::{CommandId, CommandSpec, OptionKind, OptionSpec};

/// An option's value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ArgValue {
    Str(String),
    Int(i64),
    Bool(bool),
    /// A channel's or a server role's id.
    Id(u64),
    /// A file the user uploaded with the command; only an interaction can carry one.
    Attachment(Attachment),
}

/// A file given to an attachment option, as Discord resolved it: Discord keeps the file, and
/// `url` is where to fetch it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    pub id: u64,
    pub filename: String,
    /// Bytes.
    pub size: u64,
    /// The media type Discord gives (`application/pdf`), when it gives one.
    pub content_type: Option<String>,
    pub url: String,
}

/// A checked call: the command, its sub-command if any, and option values by name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invocation {
    pub command: CommandId,
    pub subcommand: Option<&'static str>,
    pub args: Vec<(&'static str, ArgValue)>,
}

/// Why a call was refused; each says what to do instead.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InvocationError {
    #[error("there is no command `/{0}`; try `/help`")]
    UnknownCommand(String),
    #[error("`/{command}` has no option `{option}`; it takes {expected}")]
    UnknownOption {
        command: &'static str,
        option: String,
        expected: String,
    },
    #[error("`/{command}` needs `{option}`, e.g. {example}")]
    MissingOption {
        command: &'static str,
        option: &'static str,
        example: String,
    },
    /// A role a command needs was not given: the call so far, to complete with a choice.
    #[error("`/{command}` needs `{option}`: which role?")]
    MissingRole {
        command: &'static str,
        option: &'static str,
        given: Box<Invocation>,
    },
    #[error("`{option}` was given twice")]
    Repeated { option: &'static str },
    #[error("`{option}` must be {bound} characters long (it has {actual})")]
    Length {
        option: &'static str,
        bound: String,
        actual: usize,
    },
    #[error("`{option}` must be {expected}")]
    BadValue {
        option: &'static str,
        expected: String,
    },
    #[error("`/{command}` needs a sub-command: {expected}")]
    MissingSubcommand {
        command: &'static str,
        expected: String,
    },
}

impl Invocation {
    pub fn str(&self, name: &str) -> Option<&str> {
        self.args.iter().find_map(|(n, v)| match v {
            ArgValue::Str(s) if *n == name => Some(s.as_str()),
            _ => None,
        })
    }

    pub fn int(&self, name: &str) -> Option<i64> {
        self.args.iter().find_map(|(n, v)| match v {
            ArgValue::Int(i) if *n == name => Some(*i),
            _ => None,
        })
    }

    pub fn bool(&self, name: &str) -> Option<bool> {
        self.args.iter().find_map(|(n, v)| match v {
            ArgValue::Bool(b) if *n == name => Some(*b),
            _ => None,
        })
    }

    pub fn id(&self, name: &str) -> Option<u64> {
        self.args.iter().find_map(|(n, v)| match v {
            ArgValue::Id(id) if *n == name => Some(*id),
            _ => None,
        })
    }

    pub fn attachment(&self, name: &str) -> Option<&Attachment> {
        self.args.iter().find_map(|(n, v)| match v {
            ArgValue::Attachment(a) if *n == name => Some(a),
            _ => None,
        })
    }
}

/// A call from option values given one by one as text, by name (the operator's
/// `name:value` words), checked as a typed line is: each option known, given once, of its
/// type and within its bounds; the required ones present.
pub fn from_options<'a>(
    command: &'static CommandSpec,
    subcommand: Option<&'static str>,
    options: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Result<Invocation, InvocationError> {
    checked(command, subcommand, options, convert)
}

/// A call from an interaction's option values, typed as Discord sent them, checked as
/// [`from_options`] checks text; a value of another type than its option's is refused
/// rather than read as text. `None` is a value Discord sent empty, or of a type rolecall
/// never registers (a user, a number).
pub fn from_values<'a>(
    command: &'static CommandSpec,
    subcommand: Option<&'static str>,
    values: impl IntoIterator<Item = (&'a str, Option<ArgValue>)>,
) -> Result<Invocation, InvocationError> {
    checked(command, subcommand, values, check_value)
}

/// The call the values make, each checked by `check` against its option.
fn checked<'a, V>(
    command: &'static CommandSpec,
    subcommand: Option<&'static str>,
    values: impl IntoIterator<Item = (&'a str, V)>,
    check: impl Fn(&'static OptionSpec, V) -> Result<ArgValue, InvocationError>,
) -> Result<Invocation, InvocationError> {
    let specs = option_specs(command, subcommand);
    let mut args: Vec<(&'static str, ArgValue)> = Vec::new();
    for (name, value) in values {
        let spec = find_option(command, specs, name)?;
        if args.iter().any(|(n, _)| *n == spec.name) {
            return Err(InvocationError::Repeated { option: spec.name });
        }
        args.push((spec.name, check(spec, value)?));
    }
    let has_subcommands = command
        .options
        .iter()
        .any(|o| o.kind == OptionKind::SubCommand);
    if subcommand.is_none() && has_subcommands {
        return Err(InvocationError::MissingSubcommand {
            command: command.name,
            expected: "a sub-command".into(),
        });
    }
    complete(Invocation {
        command: command.id,
        subcommand,
        args,
    })
}

/// The sub-command of `command` called `name`, if it has one.
pub fn subcommand(command: &'static CommandSpec, name: &str) -> Option<&'static str> {
    command
        .option(name)
        .filter(|o| o.kind == OptionKind::SubCommand)
        .map(|o| o.name)
}

/// The options a call may give: the command's, or its sub-command's.
pub fn option_specs(
    command: &'static CommandSpec,
    subcommand: Option<&str>,
) -> &'static [OptionSpec] {
    match subcommand.and_then(|s| command.option(s)) {
        Some(sub) if sub.kind == OptionKind::SubCommand => sub.options,
        _ => command.options,
    }
}

/// Looks up `name` among `specs`, refusing options the command does not have.
pub fn find_option(
    command: &'static CommandSpec,
    specs: &'static [OptionSpec],
    name: &str,
) -> Result<&'static OptionSpec, InvocationError> {
    specs
        .iter()
        .find(|o| o.name.eq_ignore_ascii_case(name) && o.kind != OptionKind::SubCommand)
        .ok_or_else(|| InvocationError::UnknownOption {
            command: command.name,
            option: crate::reply::escape_user_text(name),
            expected: describe_options(specs),
        })
}

/// Converts `raw` to the option's type and checks its bounds and choices.
pub fn convert(spec: &'static OptionSpec, raw: &str) -> Result<ArgValue, InvocationError> {
    let raw = raw.trim();
    let value = match spec.kind {
        // Ids are read from text, a mention or a bare id, as Discord's JSON sends them.
        OptionKind::String
        | OptionKind::SubCommand
        | OptionKind::Channel
        | OptionKind::ServerRole => Some(ArgValue::Str(raw.to_owned())),
        OptionKind::Integer => raw.parse::<i64>().ok().map(ArgValue::Int),
        OptionKind::Boolean => match raw.to_ascii_lowercase().as_str() {
            "true" | "yes" | "y" | "on" | "1" => Some(ArgValue::Bool(true)),
            "false" | "no" | "n" | "off" | "0" => Some(ArgValue::Bool(false)),
            _ => None,
        },
        // A typed line cannot carry a file.
        OptionKind::Attachment => None,
    };
    value
        .ok_or_else(|| bad_value(spec))
        .and_then(|value| check_value(spec, Some(value)))
}

/// Checks a typed value against its option: of the option's type, within its bounds and
/// choices.
fn check_value(
    spec: &'static OptionSpec,
    value: Option<ArgValue>,
) -> Result<ArgValue, InvocationError> {
    match (spec.kind, value) {
        (OptionKind::String | OptionKind::SubCommand, Some(ArgValue::Str(text))) => {
            check_string(spec, text.trim()).map(ArgValue::Str)
        }
        (OptionKind::Integer, Some(ArgValue::Int(n)))
            if spec.min_value.is_none_or(|min| n >= min)
                && spec.max_value.is_none_or(|max| n <= max) =>
        {
            Ok(ArgValue::Int(n))
        }
        (OptionKind::Boolean, Some(ArgValue::Bool(b))) => Ok(ArgValue::Bool(b)),
        (OptionKind::Attachment, Some(ArgValue::Attachment(file))) => {
            Ok(ArgValue::Attachment(file))
        }
        (OptionKind::Channel | OptionKind::ServerRole, Some(ArgValue::Id(id))) if id > 0 => {
            Ok(ArgValue::Id(id))
        }
        // An id is text on the wire, and in a typed line: a bare id or a mention.
        (OptionKind::Channel | OptionKind::ServerRole, Some(ArgValue::Str(text))) => {
            snowflake(text.trim())
                .map(ArgValue::Id)
                .ok_or_else(|| bad_value(spec))
        }
        _ => Err(bad_value(spec)),
    }
}

/// The refusal of a value that is not of `spec`'s type or not within its bounds.
fn bad_value(spec: &'static OptionSpec) -> InvocationError {
    let expected = match spec.kind {
        OptionKind::Integer => format!(
            "a whole number from {} to {}",
            spec.min_value.unwrap_or(i64::MIN),
            spec.max_value.unwrap_or(i64::MAX)
        ),
        OptionKind::Boolean => "true or false".into(),
        OptionKind::Channel => "a channel, e.g. #jobs".into(),
        OptionKind::ServerRole => "a server role, e.g. @Moderators".into(),
        OptionKind::String | OptionKind::SubCommand => "text".into(),
        OptionKind::Attachment => {
            "a file attached in Discord (from a terminal: `rolecall kb add FILE`)".into()
        }
    };
    InvocationError::BadValue {
        option: spec.name,
        expected,
    }
}

/// The id in a channel or role mention (`<#123>`, `<@&123>`) or a bare id.
fn snowflake(raw: &str) -> Option<u64> {
    let id = raw
        .strip_prefix("<#")
        .or_else(|| raw.strip_prefix("<@&"))
        .and_then(|rest| rest.strip_suffix('>'))
        .unwrap_or(raw);
    id.parse().ok().filter(|id| *id > 0)
}

/// Checks a string value: length in code points, and choice when the option has choices.
pub fn check_string(spec: &'static OptionSpec, raw: &str) -> Result<String, InvocationError> {
    let actual = raw.chars().count();
    let min = usize::from(spec.min_length.unwrap_or(0));
    let max = usize::from(spec.max_length.unwrap_or(6000));
    if actual < min || actual > max {
        return Err(InvocationError::Length {
            option: spec.name,
            bound: format!("{min} to {max}"),
            actual,
        });
    }
    if spec.choices.is_empty() {
        return Ok(raw.to_owned());
    }
    spec.choices
        .iter()
        .find(|c| c.value.eq_ignore_ascii_case(raw) || c.name.eq_ignore_ascii_case(raw))
        .map(|c| c.value.to_owned())
        .ok_or_else(|| InvocationError::BadValue {
            option: spec.name,
            expected: format!(
                "one of {}",
                spec.choices
                    .iter()
                    .map(|c| c.value)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        })
}

/// The call, if it gives every required option; a missing role is told apart, so that it
/// can be asked for.
pub fn complete(invocation: Invocation) -> Result<Invocation, InvocationError> {
    let command = super::spec(invocation.command);
    let specs = option_specs(command, invocation.subcommand);
    let missing = specs
        .iter()
        .find(|o| o.required && !invocation.args.iter().any(|(n, _)| *n == o.name));
    match missing {
        None => Ok(invocation),
        Some(option) if option.autocomplete == super::Autocomplete::Role => {
            Err(InvocationError::MissingRole {
                command: command.name,
                option: option.name,
                given: Box::new(invocation),
            })
        }
        Some(option) => Err(InvocationError::MissingOption {
            command: command.name,
            option: option.name,
            example: example_line(command),
        }),
    }
}

/// "`role_a`, `role_b`, `aspect` or `private`".
fn describe_options(specs: &[OptionSpec]) -> String {
    let names: Vec<String> = specs.iter().map(|o| format!("`{}`", o.name)).collect();
    if names.is_empty() {
        "no options".into()
    } else {
        names.join(", ")
    }
}

/// A usage line such as `/path from:… to:…`.
pub fn example_line(command: &CommandSpec) -> String {
    let mut line = format!("`/{}", command.name);
    for option in command.options.iter().filter(|o| o.required) {
        line.push_str(&format!(" {}:…", option.name));
    }
    line.push('`');
    line
}

impl fmt::Display for ArgValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ArgValue::Str(s) => f.write_str(s),
            ArgValue::Int(n) => write!(f, "{n}"),
            ArgValue::Id(id) => write!(f, "{id}"),
            ArgValue::Bool(b) => write!(f, "{b}"),
            ArgValue::Attachment(attachment) => f.write_str(&attachment.filename),
        }
    }
}
