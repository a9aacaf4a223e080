//! Reading a slash-command line as a user would type it in Discord:
//! `/compare role_a:mle role_b:"data specialist" aspect:skills`.
//!
//! Named values run until the next `option:` (quotes are optional); bare values fill the
//! command's options in order, and a lone remaining option takes all the words
//! (`/skills mlops engineer`).

use super::invocation::{self, ArgValue, Invocation, InvocationError};
use super::{find, CommandSpec, OptionKind, OptionSpec};

/// Parses `line` (with or without the leading `/`) into a checked [`Invocation`].
pub fn parse_line(line: &str) -> Result<Invocation, InvocationError> {
    let line = line.trim().trim_start_matches('/');
    let (name, rest) = split_word(line);
    let command = find(name).ok_or_else(|| {
        InvocationError::UnknownCommand(crate::reply::escape_user_text(&clip(name, 40)))
    })?;
    let (subcommand, rest) = read_subcommand(command, rest)?;
    let specs = invocation::option_specs(command, subcommand);
    let words = tokenize(rest);
    let (named, positional) = group(command, specs, &words)?;
    let args = assign(command, specs, named, positional)?;
    invocation::check_required(command, specs, &args)?;
    Ok(Invocation {
        command: command.id,
        subcommand,
        args,
    })
}

/// A word of the line; `quoted` when any part of it was in quotes.
#[derive(Debug, PartialEq, Eq)]
struct Word {
    text: String,
    quoted: bool,
}

fn split_word(text: &str) -> (&str, &str) {
    let text = text.trim_start();
    match text.find(char::is_whitespace) {
        Some(i) => (&text[..i], &text[i..]),
        None => (text, ""),
    }
}

fn clip(text: &str, max: usize) -> String {
    text.chars().take(max).collect()
}

fn read_subcommand<'a>(
    command: &'static CommandSpec,
    rest: &'a str,
) -> Result<(Option<&'static str>, &'a str), InvocationError> {
    let subs: Vec<&'static OptionSpec> = command
        .options
        .iter()
        .filter(|o| o.kind == OptionKind::SubCommand)
        .collect();
    if subs.is_empty() {
        return Ok((None, rest));
    }
    let (word, after) = split_word(rest);
    match subs.iter().find(|s| s.name.eq_ignore_ascii_case(word)) {
        Some(sub) => Ok((Some(sub.name), after)),
        None => Err(InvocationError::MissingSubcommand {
            command: command.name,
            expected: subs
                .iter()
                .map(|s| format!("`/{} {}`", command.name, s.name))
                .collect::<Vec<_>>()
                .join(", "),
        }),
    }
}

/// Splits on whitespace, keeping quoted stretches ("…", '…', “…”) together without quotes.
fn tokenize(text: &str) -> Vec<Word> {
    let mut words = Vec::new();
    let mut chars = text.chars().peekable();
    loop {
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        if chars.peek().is_none() {
            return words;
        }
        let mut word = Word {
            text: String::new(),
            quoted: false,
        };
        while let Some(&ch) = chars.peek() {
            if ch.is_whitespace() {
                break;
            }
            chars.next();
            match closing_quote(ch) {
                Some(close) => {
                    word.quoted = true;
                    for inner in chars.by_ref() {
                        if inner == close {
                            break;
                        }
                        word.text.push(inner);
                    }
                }
                None => word.text.push(ch),
            }
        }
        words.push(word);
    }
}

fn closing_quote(open: char) -> Option<char> {
    match open {
        '"' => Some('"'),
        '\'' => Some('\''),
        '“' => Some('”'),
        _ => None,
    }
}

type Named = Vec<(&'static OptionSpec, String)>;

/// Sorts words into named values (`option:value…`) and bare positional values.
fn group(
    command: &'static CommandSpec,
    specs: &'static [OptionSpec],
    words: &[Word],
) -> Result<(Named, Vec<String>), InvocationError> {
    let mut named: Named = Vec::new();
    let mut positional = Vec::new();
    // Whether the last named value may still take following bare words.
    let mut open = false;
    for word in words {
        if let Some((name, value)) = option_prefix(specs, word) {
            let spec = invocation::find_option(command, specs, name)?;
            named.push((spec, value.to_owned()));
            open = !word.quoted;
        } else if open && !word.quoted {
            if let Some((_, value)) = named.last_mut() {
                value.push(' ');
                value.push_str(&word.text);
            }
        } else {
            positional.push(word.text.clone());
            open = false;
        }
    }
    Ok((named, positional))
}

/// `("role_a", "mle")` for the word `role_a:mle`, when `role_a` is one of the options.
fn option_prefix<'w>(specs: &[OptionSpec], word: &'w Word) -> Option<(&'w str, &'w str)> {
    let (name, value) = word.text.split_once(':')?;
    let known = specs
        .iter()
        .any(|o| o.name.eq_ignore_ascii_case(name) && o.kind != OptionKind::SubCommand);
    known.then_some((name, value))
}

fn assign(
    command: &'static CommandSpec,
    specs: &'static [OptionSpec],
    named: Named,
    positional: Vec<String>,
) -> Result<Vec<(&'static str, ArgValue)>, InvocationError> {
    let mut args: Vec<(&'static str, ArgValue)> = Vec::new();
    for (spec, raw) in named {
        push_arg(&mut args, spec, &raw)?;
    }
    let targets: Vec<&'static OptionSpec> = specs
        .iter()
        .filter(|o| takes_positional(o) && !args.iter().any(|(n, _)| *n == o.name))
        .collect();
    for (spec, raw) in spread(command, &targets, positional)? {
        push_arg(&mut args, spec, &raw)?;
    }
    Ok(args)
}

/// Text and a required number (a job's id) may be given bare; booleans, page numbers and
/// other optional numbers only by name.
fn takes_positional(spec: &OptionSpec) -> bool {
    spec.kind == OptionKind::String || (spec.kind == OptionKind::Integer && spec.required)
}

/// Gives one bare value to each target in order; when a single target is left, it takes
/// all the remaining words as one value.
fn spread(
    command: &'static CommandSpec,
    targets: &[&'static OptionSpec],
    values: Vec<String>,
) -> Result<Vec<(&'static OptionSpec, String)>, InvocationError> {
    if values.is_empty() {
        return Ok(Vec::new());
    }
    let Some(&last) = targets.last() else {
        return Err(InvocationError::UnknownOption {
            command: command.name,
            option: crate::reply::escape_user_text(&clip(&values.join(" "), 40)),
            expected: "its values by name, e.g. `option:value`".into(),
        });
    };
    let required_left = targets.iter().filter(|t| t.required).count();
    if required_left <= 1 && values.len() > 1 {
        return Ok(vec![(targets[0], values.join(" "))]);
    }
    if values.len() > targets.len() {
        return Err(InvocationError::BadValue {
            option: last.name,
            expected:
                "one value; put values of several words in quotes, e.g. `\"data specialist\"`"
                    .into(),
        });
    }
    Ok(targets.iter().copied().zip(values).collect())
}

fn push_arg(
    args: &mut Vec<(&'static str, ArgValue)>,
    spec: &'static OptionSpec,
    raw: &str,
) -> Result<(), InvocationError> {
    if args.iter().any(|(n, _)| *n == spec.name) {
        return Err(InvocationError::Repeated { option: spec.name });
    }
    args.push((spec.name, invocation::convert(spec, raw)?));
    Ok(())
}

#[cfg(test)]
mod tests;
