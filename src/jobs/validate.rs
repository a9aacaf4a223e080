//! Checking what a moderator typed into a job: each field on its own as it is read, then the
//! job as a whole (salary bounds, currency) once edits are merged. Every refusal names the
//! field and says what would be accepted.

use super::model::{JobChanges, JobDraft, Salary, EMPLOYMENT_TYPES};
use crate::commands::Invocation;
use crate::knowledge::KnowledgeBase;

/// Longest job title, company or location: what a Discord embed field name holds with room.
pub const TEXT_MAX: usize = 100;
/// Longest apply URL.
pub const URL_MAX: usize = 500;
/// Most role tags on one job.
pub const ROLE_TAGS: [&str; 3] = ["role", "role_2", "role_3"];
/// Highest salary bound accepted, in whole currency units.
pub const SALARY_MAX: i64 = 100_000_000;

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
pub fn draft(inv: &Invocation, kb: &KnowledgeBase, now: i64) -> Result<JobDraft, FieldError> {
    let changes = changes(inv, kb, now)?;
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

/// The fields an invocation of `/job post` or `/job edit` gives, each checked on its own.
pub fn changes(inv: &Invocation, kb: &KnowledgeBase, now: i64) -> Result<JobChanges, FieldError> {
    let text = |field: &'static str| inv.str(field).map(|v| plain_text(field, v)).transpose();
    let mut roles = Vec::new();
    for field in ROLE_TAGS {
        if let Some(typed) = inv.str(field) {
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
    }
    Ok(JobChanges {
        title: text("title")?,
        company: text("company")?,
        location: text("location")?,
        remote: inv.bool("remote"),
        // Choice options: the invocation was checked against the command's choices.
        employment_type: inv.str("employment_type").map(employment_label),
        level: inv.str("level").map(str::to_owned),
        salary_min: inv
            .int("salary_min")
            .map(|n| bound("salary_min", n))
            .transpose()?,
        salary_max: inv
            .int("salary_max")
            .map(|n| bound("salary_max", n))
            .transpose()?,
        currency: inv.str("currency").map(str::to_uppercase),
        apply_url: inv.str("apply_url").map(apply_url).transpose()?,
        roles: (!roles.is_empty()).then_some(roles),
        expires_at: inv.str("expires").map(|d| expiry(d, now)).transpose()?,
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
        .find(|c| c.value.eq_ignore_ascii_case(key))
        .map_or(key, |c| c.name)
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
    let end = (day + 1) * SECONDS_PER_DAY;
    if end - SECONDS_PER_DAY <= now {
        return Err(refuse("expires", "must be a day after today"));
    }
    Ok(end)
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date, if it is one.
fn parse_date(text: &str) -> Option<i64> {
    let mut parts = text.splitn(3, '-');
    let year: i64 = parts.next()?.parse().ok()?;
    let month: i64 = parts.next()?.parse().ok()?;
    let day: i64 = parts.next()?.parse().ok()?;
    if !(1970..=9999).contains(&year) || !(1..=12).contains(&month) {
        return None;
    }
    if !(1..=days_in_month(year, month)).contains(&day) {
        return None;
    }
    Some(days_from_civil(year, month, day))
}

fn days_in_month(year: i64, month: i64) -> i64 {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Howard Hinnant's `days_from_civil`: the proleptic Gregorian calendar, exactly.
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// `YYYY-MM-DD` of Unix seconds, for showing an expiry.
pub fn format_date(seconds: i64) -> String {
    // Hinnant's `civil_from_days`, the inverse of `days_from_civil`.
    let z = seconds.div_euclid(SECONDS_PER_DAY) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests;
