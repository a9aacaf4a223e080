//! A page of jobs best fit first (`/jobs fit:true`), read without ranking the whole board.
//!
//! A job fits as its best-fitting role. The roles are walked from the best fit down (one
//! role, then two, four… a statement), each role's newest matching jobs read through
//! `job_roles_listed` (board, role, posting time), until the jobs found that fit better
//! than every role not yet read fill the page; jobs tagged with no fitting role come after
//! them, newest first. A page then reads about as many rows as it shows, where ranking
//! every job read the whole board.
//!
//! Why stopping early is exact: a job whose best role is `r` is preceded in `r`'s list only
//! by jobs that fit at least as well and are newer, so it is among the first `n` of that
//! list when it is among the first `n` of the whole ranking. Reading the first `n` of every
//! role down to a fit `f` therefore finds every job of the first `n` that fits better
//! than `f`.

use std::cmp::Reverse;
use std::collections::HashSet;

use sqlx::{AnyConnection, Row};

use super::conditions::Conditions;
use super::rows;
use crate::jobs::model::{Board, Job, JobQuery};

/// The fits a ranking uses, best first: role slugs only (anything else is left out, as a
/// slug is inlined into SQL), fits above 0, each role once (its first fit).
pub fn ranked_fits(fits: &[(String, usize)]) -> Vec<(&str, usize)> {
    let mut seen = HashSet::new();
    let mut ranked: Vec<(&str, usize)> = fits
        .iter()
        .filter(|(slug, fit)| is_slug(slug) && *fit > 0)
        .filter(|(slug, _)| seen.insert(slug.as_str()))
        .map(|(slug, fit)| (slug.as_str(), *fit))
        .collect();
    ranked.sort_by_key(|(_, fit)| Reverse(*fit));
    ranked
}

/// Lower-case letters, digits and dashes, as every role slug is.
fn is_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// A job found through one of its roles: what it is ranked by.
#[derive(Debug, Clone, Copy)]
struct Found {
    id: i64,
    posted_at: i64,
    /// Its best fit among all its roles.
    fit: usize,
}

impl Found {
    /// Best fit first, then newest, as listings break ties.
    fn rank(&self) -> (Reverse<usize>, Reverse<i64>, Reverse<i64>) {
        (Reverse(self.fit), Reverse(self.posted_at), Reverse(self.id))
    }
}

/// Jobs `offset..offset + limit` on `board` matching `query` at `now`, ranked by `fits`
/// (from [`ranked_fits`], not empty), then newest first.
pub async fn page(
    conn: &mut AnyConnection,
    (board, query, now): (Board, &JobQuery, i64),
    fits: &[(&str, usize)],
    offset: usize,
    limit: usize,
) -> Result<Vec<Job>, sqlx::Error> {
    let wanted = offset + limit;
    let mut found: Vec<Found> = Vec::new();
    let mut ids = HashSet::new();
    let (mut read, mut batch) = (0, 1);
    while read < fits.len() {
        let roles = &fits[read..fits.len().min(read + batch)];
        for job in newest_of_roles(conn, (board, query, now), roles, fits, wanted).await? {
            if ids.insert(job.id) {
                found.push(job);
            }
        }
        read += roles.len();
        // Usually the best role fills the page; when it does not, read more roles a
        // statement, so a member fitting many roles with no job here costs few round trips.
        batch *= 2;
        let next_fit = fits.get(read).map_or(0, |(_, fit)| *fit);
        if found.iter().filter(|job| job.fit > next_fit).count() >= wanted {
            break;
        }
    }
    found.sort_by_key(Found::rank);
    // Either the page lies among the jobs found, or every job with a fitting role was found.
    let ranked: Vec<i64> = found
        .iter()
        .skip(offset)
        .take(limit)
        .map(|job| job.id)
        .collect();
    let mut jobs = rows::fetch_jobs_by_id(conn, &ranked).await?;
    let start = offset.max(found.len());
    if start < wanted {
        let roles: Vec<&str> = fits.iter().map(|(role, _)| *role).collect();
        let conditions = Conditions::listing(board, query, now).tagged_with_none_of(&roles);
        let sql = format!(
            "SELECT {} FROM jobs j WHERE {} ORDER BY j.posted_at DESC, j.id DESC \
             LIMIT {} OFFSET {}",
            rows::JOB_COLUMNS,
            conditions.sql(),
            wanted - start,
            start - found.len()
        );
        jobs.extend(rows::fetch_jobs(conn, &sql, &conditions).await?);
    }
    Ok(jobs)
}

/// For each of `roles`, its first `wanted` jobs on `board` matching `query`, newest first,
/// each with its best fit among all its roles (`fits`): one statement.
async fn newest_of_roles(
    conn: &mut AnyConnection,
    (board, query, now): (Board, &JobQuery, i64),
    roles: &[(&str, usize)],
    fits: &[(&str, usize)],
    wanted: usize,
) -> Result<Vec<Found>, sqlx::Error> {
    let mut conditions = Conditions::listing(board, query, now);
    let matching = conditions.sql();
    let on_board = conditions.int_placeholder(board.id());
    // CROSS JOIN: SQLite then reads the tags first, in index order, and stops at `wanted`.
    let newest: Vec<String> = roles
        .iter()
        .enumerate()
        .map(|(i, (role, _))| {
            let role = conditions.text_placeholder(role);
            format!(
                "SELECT job_id, posted_at FROM (SELECT t.job_id AS job_id, t.posted_at AS posted_at \
                 FROM job_roles t CROSS JOIN jobs j WHERE j.id = t.job_id AND t.board = {on_board} \
                 AND t.role = {role} AND {matching} \
                 ORDER BY t.posted_at DESC, t.job_id DESC LIMIT {wanted}) AS newest{i}"
            )
        })
        .collect();
    let sql = format!(
        "SELECT u.job_id, u.posted_at, {} FROM ({}) AS u",
        best_fit(fits),
        newest.join(" UNION ALL ")
    );
    let rows = conditions
        .bind(sqlx::query(&sql))
        .fetch_all(&mut *conn)
        .await?;
    rows.iter()
        .map(|row| {
            Ok(Found {
                id: row.try_get(0)?,
                posted_at: row.try_get(1)?,
                fit: usize::try_from(row.try_get::<i64, _>(2)?).unwrap_or(0),
            })
        })
        .collect()
}

/// The best fit among the roles of the job `u.job_id`; slugs and fits are inlined
/// ([`ranked_fits`] keeps slugs only).
fn best_fit(fits: &[(&str, usize)]) -> String {
    let cases: Vec<String> = fits
        .iter()
        .map(|(slug, fit)| format!("WHEN '{slug}' THEN {fit}"))
        .collect();
    format!(
        "CAST((SELECT MAX(CASE f.role {} ELSE 0 END) FROM job_roles f WHERE f.job_id = u.job_id) \
         AS BIGINT)",
        cases.join(" ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_slugs_with_a_fit_are_ranked_each_once_best_first() {
        let fits = vec![
            ("data-analyst".to_owned(), 30),
            ("x' OR 1=1 --".to_owned(), 99),
            ("mlops-engineer".to_owned(), 70),
            ("data-analyst".to_owned(), 90),
            ("nobody".to_owned(), 0),
            ("machine-learning-engineer".to_owned(), 30),
        ];
        assert_eq!(
            ranked_fits(&fits),
            [
                ("mlops-engineer", 70),
                ("data-analyst", 30),
                ("machine-learning-engineer", 30)
            ]
        );
    }
}
