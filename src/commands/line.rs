//! Reading a slash-command line as a user would type it in Discord:
//! `/compare role_a:mle role_b:"data specialist" aspect:skills`.
//!
//! Named values run until the next `option:` (quotes are optional). Bare values fill the
//! command's options in order: a last word that is one of a remaining option's choices is
//! that option's (`/compare mle data-specialist tools`); the words before it are role names
//! only where each run of them names a role by itself (`/compare mle data specialist`;
//! "data scientist" is one role, not two, so `/compare data scientist` names one and leaves
//! the other to ask for); and a lone remaining option takes all the words
//! (`/skills mlops engineer`).

use super::invocation::{self, ArgValue, Invocation, InvocationError};
use super::{find, Autocomplete, CommandSpec, OptionKind, OptionSpec};

pub use crate::knowledge::lookup::mentions::Naming;

/// Tells how surely a run of words names a role: the knowledge base decides
/// (`KnowledgeBase::naming`); the parser only asks.
pub type RoleNames<'a> = &'a dyn Fn(&str) -> Naming;

/// Parses `line` (with or without the leading `/`) into a checked [`Invocation`]; `is_role`
/// tells which runs of bare words name a role.
pub fn parse_line(line: &str, is_role: RoleNames) -> Result<Invocation, InvocationError> {
    let line = line.trim().trim_start_matches('/');
    let (name, rest) = split_word(line);
    let command = find(name).ok_or_else(|| {
        InvocationError::UnknownCommand(crate::reply::escape_user_text(&clip(name, 40)))
    })?;
    let (subcommand, rest) = read_subcommand(command, rest)?;
    let specs = invocation::option_specs(command, subcommand);
    let words = tokenize(rest);
    let (named, positional) = group(command, specs, &words)?;
    let args = assign(command, specs, named, positional, is_role)?;
    invocation::complete(Invocation {
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
    is_role: RoleNames,
) -> Result<Vec<(&'static str, ArgValue)>, InvocationError> {
    let mut args: Vec<(&'static str, ArgValue)> = Vec::new();
    for (spec, raw) in named {
        push_arg(&mut args, spec, &raw)?;
    }
    let targets = bare_targets(command, specs, &args);
    for (spec, raw) in spread(command, &targets, positional, is_role)? {
        push_arg(&mut args, spec, &raw)?;
    }
    Ok(args)
}

/// The options bare values may fill, in the order they fill them: the command's bare order
/// where it has one, then its options in order; never one already named.
fn bare_targets(
    command: &'static CommandSpec,
    specs: &'static [OptionSpec],
    args: &[(&'static str, ArgValue)],
) -> Vec<&'static OptionSpec> {
    let ordered = command
        .bare_order
        .iter()
        .filter_map(|name| specs.iter().find(|o| o.name == *name));
    let mut targets: Vec<&'static OptionSpec> = Vec::new();
    for spec in ordered.chain(specs.iter()) {
        let named = args.iter().any(|(n, _)| *n == spec.name);
        if takes_positional(spec) && !named && !targets.iter().any(|t| t.name == spec.name) {
            targets.push(spec);
        }
    }
    targets
}

/// Text and a required number (a job's id) may be given bare; booleans, page numbers and
/// other optional numbers only by name.
fn takes_positional(spec: &OptionSpec) -> bool {
    spec.kind == OptionKind::String || (spec.kind == OptionKind::Integer && spec.required)
}

fn is_role_option(spec: &OptionSpec) -> bool {
    spec.autocomplete == Autocomplete::Role
}

/// Gives bare values to `targets`: a last word that is a remaining option's choice to it,
/// then runs of words that each name a role to the role options (the required ones first
/// when there are fewer runs than options), and otherwise one value to each target in order,
/// a single target taking all the words.
fn spread(
    command: &'static CommandSpec,
    targets: &[&'static OptionSpec],
    values: Vec<String>,
    is_role: RoleNames,
) -> Result<Vec<(&'static OptionSpec, String)>, InvocationError> {
    let roles: Vec<&'static OptionSpec> = targets
        .iter()
        .copied()
        .filter(|t| is_role_option(t))
        .collect();
    // A last word that is a choice of a remaining option ("tools") is that option's, unless
    // it is needed as a role: a role may be called "Responsibilities".
    let choice = (values.len() > 1)
        .then(|| {
            let last = values.last().map(String::as_str).unwrap_or_default();
            targets
                .iter()
                .position(|t| !t.choices.is_empty() && invocation::check_string(t, last).is_ok())
        })
        .flatten();
    let with_choice =
        choice.and_then(|_| role_runs(&values[..values.len() - 1], roles.len(), is_role));
    let without = role_runs(&values, roles.len(), is_role);
    let filled = |runs: &Option<Vec<String>>| runs.as_ref().map_or(0, Vec::len);
    let mut given = Vec::new();
    let mut targets = targets.to_vec();
    let mut values = values;
    let runs = match choice {
        Some(at) if with_choice.is_some() && filled(&with_choice) >= filled(&without) => {
            given.push((targets.remove(at), values.pop().unwrap_or_default()));
            with_choice
        }
        Some(at) if with_choice.is_none() && without.is_none() => {
            given.push((targets.remove(at), values.pop().unwrap_or_default()));
            None
        }
        _ => without,
    };
    match runs {
        Some(runs) if !roles.is_empty() => given.extend(fill_roles(&roles, runs)),
        _ => given.extend(spread_in_order(command, &targets, values)?),
    }
    Ok(given)
}

/// `words` cut into at most `most` runs that each name a role, fewest runs first ("mlops
/// engineer" is one role before it is "mlops" and "engineer"), and runs that name roles
/// exactly before runs that only look like names; `None` if there is no way.
fn role_runs(words: &[String], most: usize, is_role: RoleNames) -> Option<Vec<String>> {
    if words.is_empty() || most == 0 {
        return None;
    }
    [Naming::Exactly, Naming::Closely]
        .into_iter()
        .find_map(|surely| {
            (1..=most.min(words.len())).find_map(|runs| cut(words, runs, is_role, surely))
        })
}

/// `words` cut into exactly `runs` runs that each name a role at least `surely`.
fn cut(words: &[String], runs: usize, is_role: RoleNames, surely: Naming) -> Option<Vec<String>> {
    if runs == 1 {
        let run = words.join(" ");
        return (is_role(&run) >= surely).then(|| vec![run]);
    }
    (1..=words.len() - (runs - 1)).find_map(|end| {
        let run = words[..end].join(" ");
        if is_role(&run) < surely {
            return None;
        }
        let mut rest = cut(&words[end..], runs - 1, is_role, surely)?;
        rest.insert(0, run);
        Some(rest)
    })
}

/// Runs of role names given to the role options in order; with fewer runs than options,
/// the required options take them first.
fn fill_roles(
    roles: &[&'static OptionSpec],
    runs: Vec<String>,
) -> Vec<(&'static OptionSpec, String)> {
    let mut order: Vec<&'static OptionSpec> = roles.to_vec();
    if runs.len() < roles.len() {
        order.sort_by_key(|spec| !spec.required);
        let mut chosen: Vec<&'static OptionSpec> = order.into_iter().take(runs.len()).collect();
        chosen.sort_by_key(|spec| roles.iter().position(|r| r.name == spec.name));
        order = chosen;
    }
    order.into_iter().zip(runs).collect()
}

/// Gives one bare value to each target in order; when a single target is left, it takes
/// all the remaining words as one value.
fn spread_in_order(
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
