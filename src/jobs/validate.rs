//! Checking what a moderator typed into a job: each field on its own as it is read, then the
//! job as a whole (salary bounds, currency) once edits are merged. Every refusal names the
//! field and says what would be accepted.

use time::macros::format_description;
use time::{Date, OffsetDateTime};

use super::model::{JobChanges, JobDraft, Salary, EMPLOYMENT_TYPES, SALARY_MAX, TEXT_MAX, URL_MAX};
use super::request::JobFields;
use crate::knowledge::KnowledgeBase;

const SECONDS_PER_DAY: i64 = 86_400;

/// A field a moderator must correct.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{field}` {message}")]
pub struct FieldError {
    pub field: &'static str,
    pub message: String,
}

fn refuse(field: &'static str, message: impl Into<String>) -> FieldError {
    FieldError {
        field,
        message: message.into(),
    }
}

/// A new job from `/job post`, checked in full. `now` is Unix seconds.
pub fn draft(fields: &JobFields, kb: &KnowledgeBase, now: i64) -> Result<JobDraft, FieldError> {
    let changes = changes(fields, kb, now)?;
    let required = |field: &'static str, value: Option<String>| {
        value.ok_or_else(|| refuse(field, "is required"))
    };
    let draft = JobDraft {
        title: required("title", changes.title)?,
        company: required("company", changes.company)?,
        location: required("location", changes.location)?,
        remote: changes
            .remote
            .ok_or_else(|| refuse("remote", "is required"))?,
        employment_type: changes.employment_type,
        level: changes.level,
        salary: salary(changes.salary_min, changes.salary_max, changes.currency)?,
        apply_url: changes.apply_url,
        roles: changes.roles.unwrap_or_default(),
        expires_at: changes.expires_at,
    };
    Ok(draft)
}

/// `changes` applied to `job`, checked as a whole: what `/job edit` stores.
pub fn apply(mut job: JobDraft, changes: JobChanges) -> Result<JobDraft, FieldError> {
    let (min, max, currency) = match &job.salary {
        Some(s) => (Some(s.min), Some(s.max), Some(s.currency.clone())),
        None => (None, None, None),
    };
    job.salary = salary(
        changes.salary_min.or(min),
        changes.salary_max.or(max),
        changes.currency.or(currency),
    )?;
    let JobChanges {
        title,
        company,
        location,
        remote,
        employment_type,
        level,
        apply_url,
        roles,
        expires_at,
        ..
    } = changes;
    job.title = title.unwrap_or(job.title);
    job.company = company.unwrap_or(job.company);
    job.location = location.unwrap_or(job.location);
    job.remote = remote.unwrap_or(job.remote);
    job.employment_type = employment_type.or(job.employment_type);
    job.level = level.or(job.level);
    job.apply_url = apply_url.or(job.apply_url);
    job.roles = roles.unwrap_or(job.roles);
    job.expires_at = expires_at.or(job.expires_at);
    Ok(job)
}

/// The fields of `/job post` or `/job edit`, each checked on its own.
pub fn changes(fields: &JobFields, kb: &KnowledgeBase, now: i64) -> Result<JobChanges, FieldError> {
    const ROLE_TAGS: [&str; 3] = ["role", "role_2", "role_3"];
    let text = |field: &'static str, value: &Option<String>| {
        value.as_deref().map(|v| plain_text(field, v)).transpose()
    };
    let mut roles = Vec::new();
    let tags = ROLE_TAGS.into_iter().zip(&fields.role_tags);
    for (field, typed) in tags.filter_map(|(field, typed)| Some((field, typed.as_deref()?))) {
        let role = kb.resolve(typed).map_err(|unknown| {
            let hint = match unknown.suggestions.first() {
                Some(close) => format!("; did you mean {close}?"),
                None => "; see `/roles`".to_owned(),
            };
            refuse(field, format!("is not a role I know{hint}"))
        })?;
        if !roles.contains(&role.slug) {
            roles.push(role.slug.clone());
        }
    }
    Ok(JobChanges {
        title: text("title", &fields.title)?,
        company: text("company", &fields.company)?,
        location: text("location", &fields.location)?,
        remote: fields.remote,
        // Choice options: the command layer checked them against the choices.
        employment_type: fields.employment_type.as_deref().map(employment_label),
        level: fields.level.clone(),
        salary_min: fields
            .salary_min
            .map(|n| bound("salary_min", n))
            .transpose()?,
        salary_max: fields
            .salary_max
            .map(|n| bound("salary_max", n))
            .transpose()?,
        currency: fields.currency.as_deref().map(str::to_uppercase),
        apply_url: fields.apply_url.as_deref().map(apply_url).transpose()?,
        roles: (!roles.is_empty()).then_some(roles),
        expires_at: fields
            .expires
            .as_deref()
            .map(|d| expiry(d, now))
            .transpose()?,
    })
}

/// A single-line text of 1 to [`TEXT_MAX`] characters, with runs of white space folded.
fn plain_text(field: &'static str, value: &str) -> Result<String, FieldError> {
    let folded = value.split_whitespace().collect::<Vec<_>>().join(" ");
    let length = folded.chars().count();
    if length == 0 || length > TEXT_MAX {
        return Err(refuse(
            field,
            format!("must be 1 to {TEXT_MAX} characters long (it has {length})"),
        ));
    }
    Ok(folded)
}

/// The label of an employment type; the key was checked against the command's choices.
fn employment_label(key: &str) -> String {
    EMPLOYMENT_TYPES
        .iter()
        .find(|t| t.key.eq_ignore_ascii_case(key))
        .map_or(key, |t| t.label)
        .to_owned()
}

fn bound(field: &'static str, amount: i64) -> Result<i64, FieldError> {
    if (1..=SALARY_MAX).contains(&amount) {
        Ok(amount)
    } else {
        Err(refuse(field, format!("must be between 1 and {SALARY_MAX}")))
    }
}

/// A salary from its parts: none at all, or an amount or two with a currency, min ≤ max.
fn salary(
    min: Option<i64>,
    max: Option<i64>,
    currency: Option<String>,
) -> Result<Option<Salary>, FieldError> {
    let (min, max) = match (min, max) {
        (None, None) => {
            return match currency {
                Some(_) => Err(refuse("currency", "needs a salary_min or salary_max")),
                None => Ok(None),
            }
        }
        (Some(min), None) => (min, min),
        (None, Some(max)) => (max, max),
        (Some(min), Some(max)) => (min, max),
    };
    if min > max {
        return Err(refuse(
            "salary_max",
            format!("({max}) must be at least salary_min ({min})"),
        ));
    }
    let currency =
        currency.ok_or_else(|| refuse("currency", "is needed with a salary, e.g. USD"))?;
    Ok(Some(Salary { min, max, currency }))
}

/// An `https` URL without spaces, with a host.
fn apply_url(url: &str) -> Result<String, FieldError> {
    let url = url.trim();
    let host = url
        .strip_prefix("https://")
        .map(|rest| rest.split(['/', '?', '#']).next().unwrap_or_default());
    let fine = url.chars().count() <= URL_MAX
        // Nothing that could end the link's markdown early.
        && !url.chars().any(|c| c.is_whitespace() || c.is_control() || "<>\"`".contains(c))
        && host.is_some_and(|h| h.contains('.') && !h.starts_with('.') && !h.contains('@'));
    if fine {
        Ok(url.to_owned())
    } else {
        Err(refuse(
            "apply_url",
            format!("must be an https:// link of at most {URL_MAX} characters, e.g. https://example.com/jobs/42"),
        ))
    }
}

/// `YYYY-MM-DD`, a day after today: the job lists until the end of that day (UTC).
fn expiry(date: &str, now: i64) -> Result<i64, FieldError> {
    let day = parse_date(date.trim()).ok_or_else(|| {
        refuse(
            "expires",
            "must be a date written YYYY-MM-DD, e.g. 2027-01-31",
        )
    })?;
    let start = day.midnight().assume_utc().unix_timestamp();
    if start <= now {
        return Err(refuse("expires", "must be a day after today"));
    }
    Ok(start + SECONDS_PER_DAY)
}

/// A `YYYY-MM-DD` date from 1970 on, if `text` is one.
fn parse_date(text: &str) -> Option<Date> {
    Date::parse(text, format_description!("[year]-[month]-[day]"))
        .ok()
        .filter(|day| day.year() >= 1970)
}

/// `YYYY-MM-DD` of Unix seconds (UTC), for showing an expiry or a posting date.
pub fn format_date(seconds: i64) -> String {
    OffsetDateTime::from_unix_timestamp(seconds)
        .ok()
        .and_then(|at| {
            at.date()
                .format(format_description!("[year]-[month]-[day]"))
                .ok()
        })
        .unwrap_or_else(|| "an unknown day".to_owned())
}

#[cfg(test)]
mod tests;
