//! `/jobs`, `/salary` and `/job`: what a job-board answer says. The store finds the jobs;
//! this module turns a member's filter into a store query and the store's results into
//! replies, so every job answer is tested without a database.

use crate::advisor::profile::pager;
use crate::jobs::board::{Changed, Listing};
use crate::jobs::model::{level_label, BoardSettings, Job, SalaryBand, LEVELS};
use crate::jobs::request::JobFilter;
use crate::jobs::validate::format_date;
use crate::knowledge::{KnowledgeBase, Section};
use crate::reply::{colour, escape_user_text, limits, Component, Embed, Reply};

/// The name to show for the role a member typed.
pub fn role_name(kb: &KnowledgeBase, typed: &str) -> String {
    match kb.exact(typed) {
        Some(role) => role.name.clone(),
        None => escape_user_text(typed),
    }
}

/// One page of a listing, newest first, with previous/next buttons.
/// A page of featured jobs; with `fits` (role slug, percent), each job shows how well it
/// fits the asker's saved skills (as its best-fitting role does).
pub fn listing(listing: &Listing, filter: &JobFilter, fits: &[(String, usize)]) -> Reply {
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
        let mut card = job_card(job);
        if filter.by_fit {
            let fit = job
                .draft
                .roles
                .iter()
                .filter_map(|role| fits.iter().find(|(slug, _)| slug == role))
                .map(|(_, fit)| *fit)
                .max()
                .unwrap_or(0);
            card = format!("**{fit}% fit** for your skills\n{card}");
        }
        embed = embed.field(&escape_user_text(&job.draft.title), &card, false);
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
    footer.push(
        if filter.by_fit {
            "best fit for your saved skills first"
        } else {
            "newest first"
        }
        .to_owned(),
    );
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
pub fn apply_links(jobs: &[Job]) -> Vec<Component> {
    jobs.iter()
        .filter_map(|job| {
            let url = job.draft.apply_url.as_deref()?;
            Component::link(&format!("View / apply: {}", job.draft.title), url)
        })
        .collect()
}

/// A job's details, one fact a line. Everything a moderator typed is escaped.
pub fn job_card(job: &Job) -> String {
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

/// What `/salary` knows of one role: its name (escaped or known), the ranges of the board's
/// posted jobs, and the ranges the articles state.
#[derive(Debug, Clone)]
pub struct RoleSalaries {
    pub role: String,
    pub posted: Vec<SalaryBand>,
    pub stated: Vec<Stated>,
}

/// A salary range an article states, with the article it comes from.
#[derive(Debug, Clone)]
pub struct Stated {
    pub text: String,
    pub source: String,
}

/// How many stated ranges a role shows; the rest are one `/role … aspect:salary` away.
const STATED_SHOWN: usize = 4;

/// The ranges the articles state for the role `typed` names, with their sources.
pub fn stated_salaries(kb: &KnowledgeBase, typed: &str) -> Vec<Stated> {
    let Some(role) = kb.exact(typed) else {
        return Vec::new();
    };
    role.facts(Section::Salary)
        .iter()
        .map(|fact| Stated {
            text: fact.text.clone(),
            source: fact
                .sources
                .first()
                .and_then(|&id| kb.articles.get(id))
                .map_or_else(String::new, |a| a.title.clone()),
        })
        .collect()
}

/// Salary ranges of each role, side by side when there are several: the board's posted
/// jobs and the articles' stated ranges, each labelled for what it is.
pub fn salaries(roles: &[RoleSalaries]) -> Reply {
    match roles {
        [one] => salary(one),
        _ => side_by_side(roles),
    }
}

/// The posted bands as lines "Level: range", in career order.
fn posted_lines(bands: &[SalaryBand]) -> Vec<String> {
    levels_in_order(bands)
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
        .collect()
}

/// The stated ranges as lines, each with its article's number in `sources`.
fn stated_lines(stated: &[Stated], sources: &mut Vec<String>) -> Vec<String> {
    stated
        .iter()
        .take(STATED_SHOWN)
        .map(|s| {
            let number = match sources.iter().position(|t| *t == s.source) {
                Some(at) => at + 1,
                None => {
                    sources.push(s.source.clone());
                    sources.len()
                }
            };
            // Article text, shown as every other answer shows facts.
            format!("{} [{number}]", s.text)
        })
        .collect()
}

/// What each kind of range is, and the articles the stated ones come from.
fn sources_footer(posted: bool, sources: &[String]) -> String {
    let mut notes = Vec::new();
    if posted {
        notes.push(
            "Posted: the board's listed jobs, a small sample, not a market survey".to_owned(),
        );
    }
    if !sources.is_empty() {
        let named: Vec<String> = sources
            .iter()
            .enumerate()
            .map(|(i, title)| format!("[{}] {}", i + 1, plain(title)))
            .collect();
        notes.push(format!("Stated in: {}", named.join("; ")));
    }
    notes.join(". ")
}

/// A title as plain text for a footer, which Discord does not render as markdown.
fn plain(title: &str) -> String {
    title
        .chars()
        .filter(|c| !matches!(c, '*' | '_' | '`' | '~' | '|'))
        .collect()
}

/// Several roles' ranges, a column each.
fn side_by_side(roles: &[RoleSalaries]) -> Reply {
    let names: Vec<&str> = roles.iter().map(|r| r.role.as_str()).collect();
    let posted_any = roles.iter().any(|r| !r.posted.is_empty());
    let stated_any = roles.iter().any(|r| !r.stated.is_empty());
    let description = match (posted_any, stated_any) {
        (true, true) => {
            "**Posted**: ranges of the listed jobs, by level. **Stated**: ranges the articles give."
        }
        (true, false) => "Ranges from the listed jobs for each role, by level.",
        (false, true) => "No listed job gives a salary yet; the ranges the articles state:",
        (false, false) => "No listed job gives a salary yet, and no article states one.",
    };
    let mut embed = Embed::new(&format!("Salaries: {}", names.join(" vs ")))
        .colour(colour::JOBS)
        .description(description);
    let mut sources = Vec::new();
    for role in roles.iter().take(3) {
        let mut lines: Vec<String> = Vec::new();
        let posted = posted_lines(&role.posted);
        if !posted.is_empty() {
            lines.push("__Posted__".into());
            lines.extend(posted);
        }
        let stated = stated_lines(&role.stated, &mut sources);
        if !stated.is_empty() {
            lines.push("__Stated in articles__".into());
            lines.extend(stated);
        }
        let value = if lines.is_empty() {
            "No listed job with a salary, and no article states one".to_owned()
        } else {
            lines.join("\n")
        };
        embed = embed.field(
            &role.role,
            &limits::clamp(&value, limits::FIELD_VALUE),
            true,
        );
    }
    Reply::embed(embed.footer(&sources_footer(posted_any, &sources)))
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

/// Salary ranges for one role: the posted jobs' by level, then what the articles state.
pub fn salary(role: &RoleSalaries) -> Reply {
    let RoleSalaries {
        role: name,
        posted,
        stated,
    } = role;
    if posted.is_empty() && stated.is_empty() {
        return Reply::error(
            "No salary data",
            &limits::clamp(
                &format!(
                    "No listed job with a salary matches **{name}** yet, and no article states one. Try `/jobs` to see what is listed."
                ),
                limits::EMBED_DESCRIPTION,
            ),
        );
    }
    let description = match (posted.is_empty(), stated.is_empty()) {
        (false, true) => "Ranges from the listed jobs for this role, by level.",
        (true, false) => "No listed job gives a salary yet; the ranges the articles state:",
        _ => "Ranges from the listed jobs for this role, by level, and the ranges the articles state.",
    };
    let mut embed = Embed::new(&format!("Salaries for {name}"))
        .colour(colour::JOBS)
        .description(description);
    for level in levels_in_order(posted) {
        let value: Vec<String> = posted
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
        embed = embed.field(&format!("Posted · {name}"), &value.join("\n"), true);
    }
    let mut sources = Vec::new();
    let lines = stated_lines(stated, &mut sources);
    if !lines.is_empty() {
        let value = limits::clamp(&lines.join("\n"), limits::FIELD_VALUE);
        embed = embed.field("Stated in articles", &value, false);
    }
    Reply::embed(embed.footer(&sources_footer(!posted.is_empty(), &sources)))
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
