//! `/help` and `/kb stats`: what the bot can do and what it knows.

use crate::commands::{Audience, CommandSpec, HelpGroup, COMMANDS};
use crate::knowledge::KnowledgeBase;
use crate::reply::{colour, count_of, limits, Embed, Reply};

/// What rolecall does, grouped by what a member wants; moderators' commands only for those
/// who can use them.
pub fn help(audience: Audience) -> Reply {
    let mut embed = Embed::new("rolecall — career answers for data and ML roles")
        .colour(colour::INFO)
        .description(
            "Compare roles, see what each needs, and plan a move between them. Mention me or DM me \
             with a question in plain words too: \"ml engineer vs data specialist\", \"skills for mlops?\".",
        );
    let shown = |spec: &CommandSpec| {
        audience == Audience::Moderators || spec.audience == Audience::Everyone
    };
    for group in HelpGroup::ALL {
        let specs: Vec<&CommandSpec> = COMMANDS
            .iter()
            .filter(|spec| spec.help_group == group && shown(spec))
            .collect();
        if let Some(value) = command_lines(&specs) {
            embed = embed.field(group.title(), &value, false);
        }
    }
    Reply::embed(embed.footer("Add private:true to any command to see the answer alone"))
}

/// "`/role` — description" and an example, per command.
fn command_lines(specs: &[&CommandSpec]) -> Option<String> {
    let lines: Vec<String> = specs
        .iter()
        .map(|spec| {
            format!(
                "**/{}** — {}\ne.g. `{}`",
                spec.name, spec.description, spec.example
            )
        })
        .collect();
    (!lines.is_empty()).then(|| lines.join("\n"))
}

/// What the bot knows: a sentence for members; the counts and every warning (with file and
/// line) for moderators, privately.
pub fn stats(kb: &KnowledgeBase, audience: Audience) -> Reply {
    let facts: usize = kb
        .roles
        .iter()
        .flat_map(|r| r.sections.values())
        .map(Vec::len)
        .sum();
    let mut competencies: Vec<&str> = kb
        .roles
        .iter()
        .flat_map(|r| r.competencies.iter().map(|c| c.key.as_str()))
        .collect();
    competencies.sort_unstable();
    competencies.dedup();
    let sentence = format!(
        "I know {} from {}: {} about them, naming {}.",
        count_of(kb.roles.len(), "role"),
        count_of(kb.articles.len(), "article"),
        count_of(facts, "fact"),
        match competencies.len() {
            1 => "1 skill or tool".to_owned(),
            n => format!("{n} skills and tools"),
        }
    );
    let embed = Embed::new("What I know")
        .colour(colour::INFO)
        .description(&sentence);
    if audience == Audience::Everyone {
        return Reply::embed(embed.footer("Try /roles to see them all"));
    }
    let warnings: Vec<String> = kb
        .warnings
        .iter()
        .map(|w| format!("{}:{} {}", w.file, w.line, w.message))
        .collect();
    let embed = embed
        .field("Articles", &kb.articles.len().to_string(), true)
        .field("Roles", &kb.roles.len().to_string(), true)
        .field("Facts", &facts.to_string(), true)
        .field(
            "Skills & tools named",
            &competencies.len().to_string(),
            true,
        )
        .field(
            "Taxonomy entries",
            &kb.taxonomy.entries().len().to_string(),
            true,
        )
        .field("Featured jobs", &kb.jobs.len().to_string(), true)
        .field(
            &format!("Warnings ({})", kb.warnings.len()),
            &if warnings.is_empty() {
                "None.".to_owned()
            } else {
                // Not a bullet list: it would capitalise the file names.
                limits::clamp(&warnings.join("\n"), limits::FIELD_VALUE)
            },
            false,
        )
        .footer(&format!(
            "Loaded from {} · only you can see this",
            kb.origin
        ));
    Reply::embed(embed).ephemeral(true)
}
