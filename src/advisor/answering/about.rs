//! `/help` and `/kb stats`: what the bot can do and what it knows.

use crate::commands::{Audience, CommandSpec, COMMANDS};
use crate::knowledge::KnowledgeBase;
use crate::reply::{colour, count_of, limits, Embed, Reply};

/// Example lines shown under each command in `/help` (and in "Which role?" errors).
pub(in crate::advisor) fn example(name: &str) -> &'static str {
    match name {
        "compare" => "/compare role_a:ml engineer role_b:data specialist aspect:skills",
        "skills" => "/skills role:mlops engineer",
        "role" => "/role role:data scientist aspect:education",
        "roles" => "/roles filter:data",
        "path" => "/path to:machine learning engineer skills:python, sql",
        "match" => "/match skills:python, sql, tableau",
        "ask" => "/ask question:does a data scientist need a PhD?",
        "search" => "/search query:model deployment",
        "jobs" => "/jobs level:senior remote:true",
        "salary" => "/salary role:data scientist",
        "kb" => "/kb stats",
        "job" => "/job post title:ML Engineer company:Acme location:Berlin remote:true",
        _ => "/help",
    }
}

/// What a member does, and the commands that do it, in the order `/help` shows them.
const GROUPS: [(&str, &[&str]); 5] = [
    ("Learn about a role", &["role", "skills", "roles", "search"]),
    ("Compare two roles", &["compare"]),
    ("Plan a move", &["path", "match"]),
    ("Find jobs", &["jobs", "salary"]),
    ("Ask in plain words", &["ask", "kb", "help"]),
];

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
    let mut listed: Vec<&str> = Vec::new();
    for (group, names) in GROUPS {
        let specs: Vec<&CommandSpec> = names
            .iter()
            .filter_map(|name| COMMANDS.iter().find(|c| c.name == *name))
            .filter(|spec| shown(spec))
            .collect();
        listed.extend(specs.iter().map(|spec| spec.name));
        if let Some(value) = command_lines(&specs) {
            embed = embed.field(group, &value, false);
        }
    }
    // Whatever the groups do not name (moderators' commands, and any command added later).
    let rest: Vec<&CommandSpec> = COMMANDS
        .iter()
        .filter(|spec| shown(spec) && !listed.contains(&spec.name))
        .collect();
    if let Some(value) = command_lines(&rest) {
        embed = embed.field("For moderators", &value, false);
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
                spec.name,
                spec.description,
                example(spec.name)
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
