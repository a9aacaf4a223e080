//! `/me`: a member's own profile, shown to them alone: their skills by kind (the ones no
//! article names apart, kept as written), the roles those skills fit best, and the
//! confirmation `/me forget` asks for; the member's job alerts (`alerts::status_field`).

use crate::advisor::alerts::status_field;
use crate::advisor::matching::{rank, skill_keys};
use crate::knowledge::{Category, KnowledgeBase};
use crate::members::alerts::AlertStatus;
use crate::members::model::Profile;
use crate::members::FORGET_BUTTON;
use crate::reply::{colour, escape_user_text, ButtonStyle, Component, Embed, File, Reply};

/// Roles shown as fitting best.
const FITS_SHOWN: usize = 3;

/// The profile as its member sees it, with their alerts; `saved` when it was just changed.
pub fn profile(kb: &KnowledgeBase, profile: &Profile, alerts: &AlertStatus, saved: bool) -> Reply {
    let alerts = status_field(alerts);
    if profile.skills.is_empty() {
        let mut embed = Embed::new("Your profile")
            .colour(colour::INFO)
            .description(
                "You have no skills saved. Save them once with `/me skills set:python, sql, tableau`: `/match` and `/path` then use them when you give none.",
            );
        if let Some((name, value)) = &alerts {
            embed = embed.field(name, value, false);
        }
        return Reply::embed(embed).ephemeral(true);
    }
    let title = if saved {
        "Saved: your profile"
    } else {
        "Your profile"
    };
    let mut embed = Embed::new(title).colour(colour::SKILLS);
    for (kind, skills) in by_kind(kb, &profile.skills) {
        embed = embed.field(&kind, &skills.join(", "), false);
    }
    embed = embed.field("Fits best", &fits(kb, &profile.skills), false);
    if let Some((name, value)) = &alerts {
        embed = embed.field(name, value, false);
    }
    embed = embed.footer("Only you see this. /match and /path use these skills when you give none; /me forget deletes them.");
    Reply::embed(embed).ephemeral(true)
}

/// The skills grouped under their kind's title, in the taxonomy's order of kinds; those no
/// article or taxonomy entry knows last, marked so.
fn by_kind(kb: &KnowledgeBase, skills: &[String]) -> Vec<(String, Vec<String>)> {
    let mut groups: Vec<(Option<Category>, Vec<String>)> = Vec::new();
    for skill in skills {
        let kind = kb.taxonomy.lookup(skill).map(|entry| entry.category);
        let shown = escape_user_text(skill);
        match groups.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, listed)) => listed.push(shown),
            None => groups.push((kind, vec![shown])),
        }
    }
    groups.sort_by_key(|(kind, _)| kind.map_or(usize::MAX, |k| k as usize));
    groups
        .into_iter()
        .map(|(kind, skills)| {
            let title = kind.map_or(
                "Not named by any article (kept as you wrote them)",
                Category::title,
            );
            (title.to_owned(), skills)
        })
        .collect()
}

/// The roles the skills fit best, as `/match` ranks them (most of the member's skills
/// used, then most of the role's list covered).
fn fits(kb: &KnowledgeBase, skills: &[String]) -> String {
    let keys = skill_keys(kb, &skills.join(", "));
    let lines: Vec<String> = rank(kb, &keys)
        .into_iter()
        .take(FITS_SHOWN)
        .map(|fit| {
            format!(
                "**{}**: {}% fit, uses {} of your skills",
                fit.role.name,
                fit.fit,
                fit.matched.len()
            )
        })
        .collect();
    if lines.is_empty() {
        "None of these skills is named by the articles yet.".to_owned()
    } else {
        lines.join("\n")
    }
}

/// `/me export`'s answer: what the file holds, and the file.
pub fn export(export: &serde_json::Value) -> Reply {
    let records = export["records"].as_object().map_or(0, |records| {
        records
            .values()
            .map(|rows| rows.as_array().map_or(0, Vec::len))
            .sum::<usize>()
    });
    let skills = export["profile"]["skills"].as_array().map_or(0, Vec::len);
    // Serialising a JSON value cannot fail.
    let bytes = serde_json::to_vec_pretty(export).unwrap_or_default();
    Reply::embed(
        Embed::new("Everything rolecall keeps about you")
            .colour(colour::INFO)
            .description(&format!(
                "Attached: your profile ({skills} skills) and {records} records that name you (articles, jobs, settings, votes). `/me forget` erases them."
            )),
    )
    .ephemeral(true)
    .with_file(File {
        name: EXPORT_FILE.to_owned(),
        bytes,
    })
}

/// The export's file name.
pub const EXPORT_FILE: &str = "rolecall-me.json";

/// `/me forget`'s question, with the button that confirms it.
pub fn forget_confirm() -> Reply {
    let mut reply = Reply::embed(
        Embed::new("Forget you?")
            .colour(colour::ERROR)
            .description(
                "This deletes your skill profile, your article drafts, your job alerts and the alerts waiting to be sent, and puts a pseudonym where your name stands in this bot's records (jobs and articles you posted, your votes). It cannot be undone.",
            ),
    )
    .ephemeral(true);
    reply.push_buttons(vec![Component::button(
        "Forget me",
        FORGET_BUTTON,
        ButtonStyle::Primary,
    )]);
    reply
}

/// What `/me forget` did.
pub fn forgotten(found: bool) -> Reply {
    let said = if found {
        "Done: your profile, drafts and alerts are deleted, and your name is gone from this bot's records."
    } else {
        "There was nothing about you to forget."
    };
    Reply::embed(
        Embed::new("Forgotten")
            .colour(colour::INFO)
            .description(said),
    )
    .ephemeral(true)
}
