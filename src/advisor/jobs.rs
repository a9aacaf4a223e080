//! `/jobs`, `/salary` and `/job`: what a job-board answer says. The store finds the jobs;
//! this module turns a member's filter into a store query and the store's results into
//! replies, so every job answer is tested without a database.

use super::profile::pager;
use crate::commands::request::JobFilter;
use crate::jobs::model::{level_label, BoardSettings, Job, JobPage, JobQuery, SalaryBand, LEVELS};
use crate::jobs::validate::format_date;
use crate::knowledge::KnowledgeBase;
use crate::reply::{colour, escape_user_text, limits, Embed, Reply};

/// Jobs on one page of `/jobs`.
pub const PER_PAGE: usize = 5;

/// The store query for a member's filter: a role the knowledge base knows matches the jobs
/// tagged with it; any other role name matches job titles that contain it.
pub fn job_query(kb: &KnowledgeBase, filter: &JobFilter) -> JobQuery {
    let known = filter.role.as_deref().and_then(|r| known_role(kb, r));
    JobQuery {
        role_slug: known.map(str::to_owned),
        title_contains: filter.role.clone().filter(|_| known.is_none()),
        level: filter.level.clone(),
        remote: filter.remote,
        company_contains: filter.company.clone(),
    }
}

/// The slug of the role `typed` names by its name, slug or an alias. Not fuzzy: "data
/// engineer" is a job title of its own, not a typo of "DataOps Engineer".
fn known_role<'k>(kb: &'k KnowledgeBase, typed: &str) -> Option<&'k str> {
    kb.exact(typed).map(|role| role.slug.as_str())
}

/// The name to show for the role a member typed.
pub fn role_name(kb: &KnowledgeBase, typed: &str) -> String {
    match kb.exact(typed) {
        Some(role) => role.name.clone(),
        None => escape_user_text(typed),
    }
}

/// One page of a listing, newest first, with previous/next buttons.
pub fn listing(found: &JobPage, filter: &JobFilter, page: usize) -> Reply {
    if found.total == 0 {
        return Reply::error(
            "No featured job matches",
            "No featured job matches those filters. Try `/jobs` without filters to see them all.",
        );
    }
    let pages = found.total.div_ceil(PER_PAGE);
    let count = if found.more {
        format!("{}+", found.total)
    } else {
        found.total.to_string()
    };
    let mut embed = Embed::new(&format!("Featured jobs ({count})")).colour(colour::JOBS);
    for job in &found.jobs {
        embed = embed.field(&card_title(job), &job_card(job), false);
    }
    let older = if found.more {
        " · narrow the filters to reach older jobs"
    } else {
        ""
    };
    let mut reply = Reply::embed(embed.footer(&format!(
        "Page {page}/{pages} · newest first{older} · moderators manage jobs with /job"
    )));
    reply.push_buttons(pager(&jobs_line(filter), page, pages));
    reply
}

/// "#12 · Senior ML Engineer".
fn card_title(job: &Job) -> String {
    format!("#{} · {}", job.id, escape_user_text(&job.draft.title))
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
        lines.push(format_salary(&salary.currency, salary.min, salary.max));
    }
    if let Some(url) = &draft.apply_url {
        // Angle brackets keep Discord from unfurling a preview of every link.
        lines.push(format!("[Apply](<{url}>)"));
    }
    if let Some(expires) = draft.expires_at {
        lines.push(format!("Listed until {}", format_date(expires - 1)));
    }
    lines.push(match &job.source {
        Some(article) => format!("*From the article {}*", escape_user_text(article)),
        None => format!("*Posted {}*", format_date(job.posted_at)),
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
    let mut levels: Vec<Option<&str>> = Vec::new();
    for band in bands {
        if !levels.contains(&band.level.as_deref()) {
            levels.push(band.level.as_deref());
        }
    }
    // Levels in career order, then any odd ones, then jobs that give none.
    levels.sort_by_key(|level| match level {
        Some(l) => LEVELS
            .iter()
            .position(|c| c.value == *l)
            .unwrap_or(LEVELS.len()),
        None => LEVELS.len() + 1,
    });
    for level in levels {
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

/// What a moderator's change did: the job as it now stands.
pub fn changed(job: &Job, what: &str) -> Reply {
    let embed = Embed::new(&format!("Job #{} {what}", job.id))
        .colour(colour::JOBS)
        .field(&card_title(job), &job_card(job), false)
        .footer("Edit with /job edit, take down with /job remove");
    Reply::embed(embed)
}

/// The message announcing a new job in the server's jobs channel.
pub fn announcement(job: &Job) -> Reply {
    let embed = Embed::new("New featured job")
        .colour(colour::JOBS)
        .field(&card_title(job), &job_card(job), false)
        .footer("Browse every job with /jobs");
    Reply::embed(embed)
}

/// A server's board settings.
pub fn settings(settings: &BoardSettings) -> Reply {
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
