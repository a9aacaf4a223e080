//! `/jobs`, `/salary` and `/job`: what a job-board answer says. The store finds the jobs;
//! this module turns a member's filter into a store query and the store's results into
//! replies, so every job answer is tested without a database.

use super::profile::pager;
use crate::jobs::board::{Changed, Listing};
use crate::jobs::model::{level_label, BoardSettings, Job, SalaryBand, LEVELS};
use crate::jobs::request::JobFilter;
use crate::jobs::validate::format_date;
use crate::knowledge::KnowledgeBase;
use crate::reply::{colour, escape_user_text, limits, Component, Embed, Reply};

/// The name to show for the role a member typed.
pub fn role_name(kb: &KnowledgeBase, typed: &str) -> String {
    match kb.exact(typed) {
        Some(role) => role.name.clone(),
        None => escape_user_text(typed),
    }
}

/// One page of a listing, newest first, with previous/next buttons.
pub fn listing(listing: &Listing, filter: &JobFilter) -> Reply {
    let Listing { found, page, pages } = listing;
    if found.total == 0 {
        return Reply::error(
            "No featured job matches",
            "No featured job matches those filters. Try `/jobs` without filters to see them all.",
        );
    }
    let count = if found.more {
        format!("{}+", found.total)
    } else {
        found.total.to_string()
    };
    let mut embed = Embed::new(&format!("Featured jobs ({count})")).colour(colour::JOBS);
    for job in &found.jobs {
        embed = embed.field(&escape_user_text(&job.draft.title), &job_card(job), false);
    }
    // The articles the page's jobs come from, named once rather than under each job.
    let mut articles: Vec<&str> = Vec::new();
    for article in found.jobs.iter().filter_map(|job| job.source.as_deref()) {
        if !articles.contains(&article) {
            articles.push(article);
        }
    }
    let mut footer: Vec<String> = Vec::new();
    if *pages > 1 {
        footer.push(format!("Page {page}/{pages}"));
    }
    footer.push("newest first".to_owned());
    if found.more {
        footer.push("narrow the filters to reach older jobs".to_owned());
    }
    if !articles.is_empty() {
        footer.push(format!(
            "from the {} {}",
            if articles.len() == 1 {
                "article"
            } else {
                "articles"
            },
            articles.join(" and ")
        ));
    }
    let mut reply = Reply::embed(embed.footer(&footer.join(" · ")));
    reply.push_buttons(pager(&jobs_line(filter), *page, *pages));
    reply.push_buttons(apply_links(&found.jobs));
    reply
}

/// A "View / apply" link per job that has an address, named by its title.
fn apply_links(jobs: &[Job]) -> Vec<Component> {
    jobs.iter()
        .filter_map(|job| {
            let url = job.draft.apply_url.as_deref()?;
            Component::link(&format!("View / apply: {}", job.draft.title), url)
        })
        .collect()
}

/// A job's details, one fact a line. Everything a moderator typed is escaped.
fn job_card(job: &Job) -> String {
    let draft = &job.draft;
    let mut lines = vec![format!(
        "{} · {}{}",
        escape_user_text(&draft.company),
        escape_user_text(&draft.location),
        if draft.remote && !draft.location.to_lowercase().contains("remote") {
            " · remote"
        } else {
            ""
        }
    )];
    let kind: Vec<String> = [
        draft.employment_type.as_deref().map(escape_user_text),
        draft.level.as_deref().map(|l| level_label(l).to_owned()),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !kind.is_empty() {
        lines.push(kind.join(" · "));
    }
    if let Some(salary) = &draft.salary {
        // The employer's figure, not one rolecall estimated.
        lines.push(format!(
            "{} as posted",
            format_salary(&salary.currency, salary.min, salary.max)
        ));
    }
    if let Some(expires) = draft.expires_at {
        lines.push(format!("Listed until {}", format_date(expires - 1)));
    }
    // A reference for moderators (`/job edit id:…`), worded so it does not read as a rank.
    lines.push(match &job.source {
        Some(_) => format!("*Job ID {}*", job.id),
        None => format!(
            "*Job ID {} · posted {}*",
            job.id,
            format_date(job.posted_at)
        ),
    });
    limits::clamp(&lines.join("\n"), limits::FIELD_VALUE)
}

/// The `/jobs` line that reproduces `filter`, for the pager's buttons.
fn jobs_line(filter: &JobFilter) -> String {
    let mut line = "/jobs".to_owned();
    let quoted = |s: &str| s.replace('"', "");
    if let Some(role) = &filter.role {
        line.push_str(&format!(" role:\"{}\"", quoted(role)));
    }
    if let Some(level) = &filter.level {
        line.push_str(&format!(" level:{level}"));
    }
    if let Some(remote) = filter.remote {
        line.push_str(&format!(" remote:{remote}"));
    }
    if let Some(company) = &filter.company {
        line.push_str(&format!(" company:\"{}\"", quoted(company)));
    }
    line
}

/// "USD 100K – 130K".
pub fn format_salary(currency: &str, min: i64, max: i64) -> String {
    let k = |n: i64| {
        if n % 1000 == 0 {
            format!("{}K", n / 1000)
        } else {
            n.to_string()
        }
    };
    if min == max {
        format!("{currency} {}", k(min))
    } else {
        format!("{currency} {} – {}", k(min), k(max))
    }
}

/// Salary ranges of each role (names already escaped or known), side by side when there
/// are several.
pub fn salaries(roles: &[(String, Vec<SalaryBand>)]) -> Reply {
    match roles {
        [(role, bands)] => salary(role, bands),
        _ => side_by_side(roles),
    }
}

/// Several roles' ranges, a column each, every level on its own line.
fn side_by_side(roles: &[(String, Vec<SalaryBand>)]) -> Reply {
    let names: Vec<&str> = roles.iter().map(|(name, _)| name.as_str()).collect();
    let mut embed = Embed::new(&format!("Salaries: {}", names.join(" vs ")))
        .colour(colour::JOBS)
        .description("Ranges from the listed jobs for each role, by level.");
    for (role, bands) in roles.iter().take(3) {
        let lines: Vec<String> = levels_in_order(bands)
            .into_iter()
            .flat_map(|level| {
                let label = level.map_or("Level not given", level_label);
                bands
                    .iter()
                    .filter(move |b| b.level.as_deref() == level)
                    .map(move |b| {
                        format!(
                            "{}: {}",
                            escape_user_text(label),
                            format_salary(&b.currency, b.min, b.max)
                        )
                    })
            })
            .collect();
        let value = if lines.is_empty() {
            "No listed job with a salary yet".to_owned()
        } else {
            lines.join("\n")
        };
        embed = embed.field(role, &limits::clamp(&value, limits::FIELD_VALUE), true);
    }
    Reply::embed(embed.footer("Listed jobs are a small sample, not a market survey"))
}

/// The levels of `bands`, in career order, then odd ones, then none.
fn levels_in_order(bands: &[SalaryBand]) -> Vec<Option<&str>> {
    let mut levels: Vec<Option<&str>> = Vec::new();
    for band in bands {
        if !levels.contains(&band.level.as_deref()) {
            levels.push(band.level.as_deref());
        }
    }
    levels.sort_by_key(|level| match level {
        Some(l) => LEVELS
            .iter()
            .position(|t| t.key == *l)
            .unwrap_or(LEVELS.len()),
        None => LEVELS.len() + 1,
    });
    levels
}

/// Salary ranges by level for `role` (already escaped or known), from the store's bands.
pub fn salary(role: &str, bands: &[SalaryBand]) -> Reply {
    if bands.is_empty() {
        return Reply::error(
            "No salary data",
            &limits::clamp(
                &format!(
                    "No listed job with a salary matches **{role}** yet. Try `/jobs` to see what is listed."
                ),
                limits::EMBED_DESCRIPTION,
            ),
        );
    }
    let mut embed = Embed::new(&format!("Salaries for {role}"))
        .colour(colour::JOBS)
        .description("Ranges from the listed jobs for this role, by level.");
    for level in levels_in_order(bands) {
        let value: Vec<String> = bands
            .iter()
            .filter(|b| b.level.as_deref() == level)
            .map(|b| {
                format!(
                    "{} (from {} job{})",
                    format_salary(&b.currency, b.min, b.max),
                    b.jobs,
                    if b.jobs == 1 { "" } else { "s" }
                )
            })
            .collect();
        let name = level.map_or("Level not given".to_owned(), |l| {
            escape_user_text(level_label(l))
        });
        embed = embed.field(&name, &value.join("\n"), true);
    }
    Reply::embed(embed.footer("Listed jobs are a small sample, not a market survey"))
}

/// The answer to a `/job` request, and the announcement of a new job, if it is to be made
/// (with the channel to make it in).
pub fn change(changed: &Changed) -> (Reply, Option<(u64, Reply)>) {
    match changed {
        Changed::Posted { job, announce } => (
            changed_job(job, "posted"),
            announce.map(|channel| (channel, announcement(job))),
        ),
        Changed::Edited(job) => (changed_job(job, "edited"), None),
        Changed::Removed(job) => (changed_job(job, "removed"), None),
        Changed::Settings(current) => (settings(current), None),
    }
}

/// What a moderator's change did: the job as it now stands.
fn changed_job(job: &Job, what: &str) -> Reply {
    let embed = Embed::new(&format!("Job ID {} {what}", job.id))
        .colour(colour::JOBS)
        .field(&escape_user_text(&job.draft.title), &job_card(job), false)
        .footer("Edit with /job edit, take down with /job remove");
    Reply::embed(embed)
}

/// The message announcing a new job in the server's jobs channel.
fn announcement(job: &Job) -> Reply {
    let embed = Embed::new("New featured job")
        .colour(colour::JOBS)
        .field(&escape_user_text(&job.draft.title), &job_card(job), false)
        .footer("Browse every job with /jobs");
    let mut reply = Reply::embed(embed);
    reply.push_buttons(apply_links(std::slice::from_ref(job)));
    reply
}

/// A server's board settings.
fn settings(settings: &BoardSettings) -> Reply {
    let moderators = match settings.moderator_role {
        Some(role) => format!("Manage Messages, or the role <@&{role}>"),
        None => "Members with Manage Messages".to_owned(),
    };
    let announce = match settings.announce_channel {
        Some(channel) => format!("<#{channel}>"),
        None => "Nowhere: set one with `/job setup announce_channel:#jobs`".to_owned(),
    };
    Reply::embed(
        Embed::new("Job board settings")
            .colour(colour::JOBS)
            .field("Who manages jobs", &moderators, false)
            .field("New jobs are announced in", &announce, false),
    )
}

#[cfg(test)]
mod tests;
