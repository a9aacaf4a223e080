//! `/jobs` and `/salary`: the featured jobs found in the articles' page furniture.

use std::collections::BTreeMap;

use super::profile::pager;
use crate::commands::request::JobFilter;
use crate::knowledge::names::normalize;
use crate::knowledge::{FeaturedJob, KnowledgeBase, SalaryRange};
use crate::reply::{colour, escape_user_text, limits, Embed, Reply};

const PER_PAGE: usize = 5;

/// The featured jobs that pass `filter`, newest first, one page of them.
pub fn jobs(kb: &KnowledgeBase, filter: &JobFilter, page: usize) -> Reply {
    let title_terms = filter.role.as_deref().map(|r| role_terms(kb, r));
    // Later articles were added later: newest first.
    let matching: Vec<&FeaturedJob> = kb
        .jobs
        .iter()
        .rev()
        .filter(|job| {
            title_terms
                .as_ref()
                .is_none_or(|terms| title_matches(&job.title, terms))
        })
        .filter(|job| {
            filter
                .level
                .as_deref()
                .is_none_or(|level| level_matches(job, level))
        })
        .filter(|job| filter.remote.is_none_or(|remote| is_remote(job) == remote))
        .filter(|job| {
            filter
                .company
                .as_deref()
                .is_none_or(|c| normalize(&job.company).contains(&normalize(c)))
        })
        .collect();
    if matching.is_empty() {
        return Reply::error(
            "No featured job matches",
            "No featured job matches those filters. Try `/jobs` without filters to see them all.",
        );
    }
    let total = matching.len().div_ceil(PER_PAGE);
    let page = page.clamp(1, total);
    let mut embed = Embed::new(&format!("Featured jobs ({})", matching.len())).colour(colour::JOBS);
    for job in matching.iter().skip((page - 1) * PER_PAGE).take(PER_PAGE) {
        embed = embed.field(&job.title, &job_card(kb, job), false);
    }
    let mut reply = Reply::embed(embed.footer(&format!(
        "Page {page}/{total} · from the articles' featured jobs"
    )));
    reply.push_buttons(pager(&jobs_line(filter), page, total));
    reply
}

fn job_card(kb: &KnowledgeBase, job: &FeaturedJob) -> String {
    let mut lines = vec![format!("{} · {}", job.company, job.location)];
    let kind: Vec<&str> = [job.employment_type.as_deref(), job.level.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    if !kind.is_empty() {
        lines.push(kind.join(" · "));
    }
    if let Some(salary) = &job.salary {
        lines.push(format_salary(salary));
    }
    lines.push(format!("*Source: {}*", kb.article(job.source).title));
    lines.join("\n")
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
pub fn format_salary(salary: &SalaryRange) -> String {
    let k = |n: u64| {
        if n % 1000 == 0 {
            format!("{}K", n / 1000)
        } else {
            n.to_string()
        }
    };
    if salary.min == salary.max {
        format!("{} {}", salary.currency, k(salary.min))
    } else {
        format!("{} {} – {}", salary.currency, k(salary.min), k(salary.max))
    }
}

/// Names a job title may contain for `role`: the known role's name and aliases, or the
/// words as typed when no role matches (jobs cover titles the articles don't profile).
fn role_terms(kb: &KnowledgeBase, role: &str) -> Vec<String> {
    match kb.exact(role).or_else(|| kb.resolve(role).ok()) {
        Some(known) => std::iter::once(&known.name)
            .chain(&known.aliases)
            .map(|n| normalize(n))
            .filter(|n| n.contains(' '))
            .collect(),
        None => vec![normalize(role)],
    }
}

fn title_matches(title: &str, terms: &[String]) -> bool {
    let title = format!(" {} ", normalize(title));
    terms
        .iter()
        .any(|t| !t.is_empty() && title.contains(&format!(" {t} ")))
}

fn level_matches(job: &FeaturedJob, level: &str) -> bool {
    job.level
        .as_deref()
        .is_some_and(|l| l.to_lowercase().starts_with(&level.to_lowercase()))
}

fn is_remote(job: &FeaturedJob) -> bool {
    job.location.to_lowercase().contains("remote")
}

/// Salary ranges by level from the featured jobs whose title matches `role`.
pub fn salary(kb: &KnowledgeBase, role: &str) -> Reply {
    let terms = role_terms(kb, role);
    let mut by_level: BTreeMap<String, Vec<&SalaryRange>> = BTreeMap::new();
    for job in kb.jobs.iter().filter(|j| title_matches(&j.title, &terms)) {
        if let Some(salary) = &job.salary {
            let level = job
                .level
                .clone()
                .unwrap_or_else(|| "Level not given".into());
            by_level.entry(level).or_default().push(salary);
        }
    }
    let shown = match kb.exact(role).or_else(|| kb.resolve(role).ok()) {
        Some(known) => known.name.clone(),
        None => escape_user_text(role),
    };
    if by_level.is_empty() {
        let titles: Vec<&str> = kb.jobs.iter().map(|j| j.title.as_str()).collect();
        return Reply::error(
            "No salary data",
            &limits::clamp(
                &format!(
                    "No featured job with a salary matches **{shown}** yet. Featured jobs I know: {}.",
                    titles.join(", ")
                ),
                limits::EMBED_DESCRIPTION,
            ),
        );
    }
    let mut embed = Embed::new(&format!("Salaries for {shown}"))
        .colour(colour::JOBS)
        .description("Ranges from featured jobs whose title matches, by level.");
    for (level, ranges) in &by_level {
        let value = summarise(ranges);
        embed = embed.field(level, &value, true);
    }
    Reply::embed(embed.footer("Featured jobs are a small sample, not a market survey"))
}

/// "USD 100K – 150K (from 2 jobs)" per currency.
fn summarise(ranges: &[&SalaryRange]) -> String {
    let mut by_currency: BTreeMap<&str, (u64, u64, usize)> = BTreeMap::new();
    for range in ranges {
        let entry = by_currency
            .entry(range.currency.as_str())
            .or_insert((u64::MAX, 0, 0));
        entry.0 = entry.0.min(range.min);
        entry.1 = entry.1.max(range.max);
        entry.2 += 1;
    }
    by_currency
        .into_iter()
        .map(|(currency, (min, max, n))| {
            let range = format_salary(&SalaryRange {
                currency: currency.to_owned(),
                min,
                max,
            });
            format!("{range} (from {n} job{})", if n == 1 { "" } else { "s" })
        })
        .collect::<Vec<_>>()
        .join("\n")
}
