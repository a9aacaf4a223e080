//! `/help` and `/kb stats`: what the bot can do and what it knows.

use crate::commands::COMMANDS;
use crate::knowledge::KnowledgeBase;
use crate::reply::{colour, Embed, Reply};

/// Example lines shown under each command in `/help` (and in "Which role?" errors).
pub(super) fn example(name: &str) -> &'static str {
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

pub fn help() -> Reply {
    let mut embed = Embed::new("rolecall — career answers for data and ML roles")
        .colour(colour::INFO)
        .description(
            "Compare roles, see what each needs, and plan a move between them. Mention me or DM me \
             with a question in plain words too: \"ml engineer vs data specialist\", \"skills for mlops?\".",
        );
    for command in COMMANDS {
        let value = format!("{}\ne.g. `{}`", command.description, example(command.name));
        embed = embed.field(&format!("/{}", command.name), &value, false);
    }
    Reply::embed(embed.footer("Add `private:true` to any command to see the answer alone"))
}

pub fn stats(kb: &KnowledgeBase) -> Reply {
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
    let embed = Embed::new("Knowledge base")
        .colour(colour::INFO)
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
        .field("Warnings", &kb.warnings.len().to_string(), true)
        .footer(&format!("Loaded from {}", kb.origin));
    Reply::embed(embed)
}
