//! Job alerts in words: `/me alerts`' answers, the alerts part of `/me show`, an alert DM
//! (the job as it stands now, why it fits, the server it comes from, "Stop these alerts" and
//! "Show me similar jobs"), and what those buttons answer.

use crate::advisor::jobs::{apply_links, job_card};
use crate::jobs::model::{level_label, Job};
use crate::members::alerts::{AlertButton, AlertFilter, AlertStatus};
use crate::reply::{colour, escape_user_text, limits, ButtonStyle, Component, Embed, Reply};

/// Matched skills named in a DM.
const MATCHED_SHOWN: usize = 8;

/// What an alert DM says, as the service prepares it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AlertDm<'a> {
    pub job: &'a Job,
    /// The server's name as Discord gives it (user text), or `None` when it cannot be had.
    pub server_name: Option<&'a str>,
    pub guild: u64,
    /// The fit, as the job's best-fitting role.
    pub fit: u8,
    /// The role it fits as, by name.
    pub role: Option<&'a str>,
    /// The role's skills the member has, by the names the articles use.
    pub matched: &'a [String],
}

/// An alert DM: the job's embed, why it fits, where it comes from, and its two buttons.
pub fn dm(alert: &AlertDm<'_>) -> Reply {
    let job = alert.job;
    let server = server_named(alert.server_name, alert.guild);
    let why = match (alert.role, alert.matched) {
        (_, []) => format!("{}% fit with your saved skills.", alert.fit),
        (Some(role), matched) => format!(
            "{}% fit as **{role}**: you have {}.",
            alert.fit,
            shown_skills(matched)
        ),
        (None, matched) => format!("{}% fit: you have {}.", alert.fit, shown_skills(matched)),
    };
    let embed = Embed::new(&format!("A new job that fits you, from {server}"))
        .colour(colour::JOBS)
        .field(&escape_user_text(&job.draft.title), &job_card(job), false)
        .field(
            "Why it fits",
            &limits::clamp(&why, limits::FIELD_VALUE),
            false,
        )
        .footer(
            "You asked for these with /me alerts on in that server. /me show lists your alerts.",
        );
    let mut reply = Reply::embed(embed);
    reply.push_buttons(vec![
        Component::button(
            "Stop these alerts",
            &AlertButton::Stop { guild: alert.guild }.custom_id(),
            ButtonStyle::Secondary,
        ),
        Component::button(
            "Show me similar jobs",
            &AlertButton::Similar {
                guild: alert.guild,
                job: job.id,
            }
            .custom_id(),
            ButtonStyle::Primary,
        ),
    ]);
    reply.push_buttons(apply_links(std::slice::from_ref(job)));
    reply
}

fn shown_skills(matched: &[String]) -> String {
    let mut shown: Vec<String> = matched
        .iter()
        .take(MATCHED_SHOWN)
        .map(|skill| format!("**{}**", escape_user_text(skill)))
        .collect();
    if matched.len() > MATCHED_SHOWN {
        shown.push(format!("{} more", matched.len() - MATCHED_SHOWN));
    }
    shown.join(", ")
}

/// A server as a DM names it: by its name, or by its id when Discord would not say.
fn server_named(name: Option<&str>, guild: u64) -> String {
    match name.map(str::trim).filter(|n| !n.is_empty()) {
        Some(name) => format!("**{}**", limits::clamp(&escape_user_text(name), 100)),
        None => format!("the server {guild}"),
    }
}

/// `/me alerts on`'s answer: what will be sent, and from where.
pub fn turned_on(filter: &AlertFilter, per_day: u32) -> Reply {
    Reply::embed(
        Embed::new("Alerts on")
            .colour(colour::JOBS)
            .description(&format!(
                "I'll DM you this server's new featured jobs that {}. At most {per_day} a day; the rest wait for the next day, best fit first. Stop with `/me alerts off` here or the button under any alert.",
                described(filter)
            )),
    )
    .ephemeral(true)
}

/// `/me alerts off`'s answer.
pub fn turned_off(were_on: bool) -> Reply {
    let said = if were_on {
        "No more alerts from this server; the ones still waiting will not be sent."
    } else {
        "Your alerts were not on in this server: nothing to stop."
    };
    Reply::embed(
        Embed::new("Alerts off")
            .colour(colour::INFO)
            .description(said),
    )
    .ephemeral(true)
}

/// "Stop these alerts", clicked in a DM: the same as `/me alerts off` in that server.
pub fn stopped(were_on: bool) -> Reply {
    let said = if were_on {
        "Stopped: no more alerts from that server. `/me alerts on` there turns them on again."
    } else {
        "These alerts were already stopped."
    };
    Reply::embed(
        Embed::new("Alerts stopped")
            .colour(colour::INFO)
            .description(said),
    )
    .ephemeral(true)
}

/// The alerts part of `/me show`: each server's settings, and why they are paused.
pub fn status_field(status: &AlertStatus) -> Option<(String, String)> {
    if status.servers.is_empty() && status.pause.is_none() {
        return None;
    }
    let mut lines: Vec<String> = status
        .servers
        .iter()
        .map(|server| match server.enabled {
            true => format!(
                "Server {}: on, jobs that {}",
                server.guild,
                described(&server.filter)
            ),
            false => format!("Server {}: off", server.guild),
        })
        .collect();
    if let Some(pause) = &status.pause {
        lines.insert(0, format!("**Paused**: {}", pause.reason));
    }
    Some((
        "Job alerts".to_owned(),
        limits::clamp(&lines.join("\n"), limits::FIELD_VALUE),
    ))
}

/// A filter in words: "fit you at least 50%, senior, remote".
fn described(filter: &AlertFilter) -> String {
    let mut said = format!("fit you at least {}%", filter.min_fit);
    if let Some(level) = &filter.level {
        said.push_str(&format!(", {}", level_label(level)));
    }
    match filter.remote {
        Some(true) => said.push_str(", remote"),
        Some(false) => said.push_str(", on site"),
        None => {}
    }
    said
}

/// A button of an alert DM that is not the clicker's (no alerts in that server).
pub fn not_yours() -> Reply {
    Reply::error(
        "Not your alert",
        "This button belongs to an alert sent to someone else, or to alerts you no longer have. `/me show` lists yours.",
    )
}
