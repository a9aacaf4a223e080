//! The featured-jobs board: moderators post, edit and remove jobs; members browse them and
//! ask for salaries. What is asked ([`request`]), typed jobs ([`model`]), their checks
//! ([`validate`]), who may change them ([`rights`]), the rules of a board ([`board`]) and
//! where jobs are kept ([`store`]).

pub mod board;
pub mod model;
pub mod request;
pub mod rights;
pub mod store;
pub mod validate;

use crate::knowledge::{FeaturedJob, KnowledgeBase};
use model::{level_key, JobDraft, Salary};
use store::Seed;

/// The role slugs a job title names ("Senior ML Engineer" → `machine-learning-engineer`).
pub fn roles_in_title(kb: &KnowledgeBase, title: &str) -> Vec<String> {
    kb.roles_named_in(title)
        .into_iter()
        .map(|role| role.slug.clone())
        .collect()
}

/// `roles` and the roles `title` names, each once.
pub fn tag_roles(kb: &KnowledgeBase, title: &str, roles: &[String]) -> Vec<String> {
    let mut tags = roles.to_vec();
    for slug in roles_in_title(kb, title) {
        if !tags.contains(&slug) {
            tags.push(slug);
        }
    }
    tags
}

/// The articles' featured jobs as seeds for a board, in the order the articles list them.
pub fn seeds(kb: &KnowledgeBase) -> Vec<Seed> {
    kb.jobs.iter().map(|job| seed(kb, job)).collect()
}

fn seed(kb: &KnowledgeBase, job: &FeaturedJob) -> Seed {
    let source = kb.article(job.source).title.clone();
    let salary = job.salary.as_ref().and_then(|s| {
        Some(Salary {
            min: i64::try_from(s.min).ok()?,
            max: i64::try_from(s.max).ok()?,
            currency: s.currency.clone(),
        })
    });
    let draft = JobDraft {
        title: job.title.clone(),
        company: job.company.clone(),
        location: job.location.clone(),
        remote: job.location.to_lowercase().contains("remote"),
        employment_type: job.employment_type.clone(),
        level: job
            .level
            .as_deref()
            .map(|printed| level_key(printed).map_or_else(|| printed.to_owned(), str::to_owned)),
        salary,
        apply_url: None,
        roles: tag_roles(kb, &job.title, &[]),
        expires_at: None,
    };
    Seed {
        // What makes a featured job the same one in a later run: its card and its article.
        key: [&source, &job.title, &job.company, &job.location]
            .map(|s| s.trim())
            .join("\u{1f}"),
        source,
        draft,
    }
}
