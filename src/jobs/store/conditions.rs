//! `WHERE` clauses built from a member's filters, and the queries that aggregate over them
//! (how many jobs match, their salary bands).

use sqlx::any::AnyArguments;
use sqlx::query::Query;
use sqlx::{Any, AnyConnection, Row};

use crate::jobs::model::{Board, JobQuery, SalaryBand};

pub type AnyQuery<'q> = Query<'q, Any, AnyArguments<'q>>;

/// A value bound to a placeholder.
#[derive(Debug, Clone)]
enum Param {
    Int(i64),
    Text(String),
    Bool(bool),
}

/// How a role filter is written: the planners do best with each for one kind of query.
#[derive(Debug, Clone, Copy)]
enum RoleCheck {
    PerJob,
    Gathered,
}

/// A `WHERE` clause built from filters, with its values bound in placeholder order.
#[derive(Debug, Clone, Default)]
pub struct Conditions {
    clauses: Vec<String>,
    params: Vec<Param>,
}

impl Conditions {
    /// The jobs a listing shows: on `board`, not removed, not expired at `now`, matching
    /// `query`. Written for reading a few jobs newest first: a role is checked job by job.
    pub fn listing(board: Board, query: &JobQuery, now: i64) -> Conditions {
        // Correlated, so a listing walks its index newest first and probes each job's roles;
        // `IN (…)` made SQLite gather every job of the role first (12× slower).
        Conditions::matching(board, query, now, RoleCheck::PerJob)
    }

    /// The same jobs, written for reading all of them (`/salary`): a role's jobs are gathered
    /// once, instead of probed for every job of the board (7× faster on SQLite).
    pub fn aggregate(board: Board, query: &JobQuery, now: i64) -> Conditions {
        Conditions::matching(board, query, now, RoleCheck::Gathered)
    }

    fn matching(board: Board, query: &JobQuery, now: i64, roles: RoleCheck) -> Conditions {
        let mut c = Conditions::default();
        c.push("j.board = ?", Param::Int(board.id()));
        c.clauses.push("j.removed_at IS NULL".into());
        c.push(
            "(j.expires_at IS NULL OR j.expires_at > ?)",
            Param::Int(now),
        );
        if let Some(slug) = &query.role_slug {
            let clause = match roles {
                RoleCheck::PerJob => {
                    "EXISTS (SELECT 1 FROM job_roles r WHERE r.job_id = j.id AND r.role = ?)"
                }
                RoleCheck::Gathered => {
                    "j.id IN (SELECT r.job_id FROM job_roles r WHERE r.role = ?)"
                }
            };
            c.push(clause, Param::Text(slug.clone()));
        }
        if let Some(words) = &query.title_contains {
            c.push(
                "LOWER(j.title) LIKE ? ESCAPE '\\'",
                Param::Text(like(words)),
            );
        }
        if let Some(level) = &query.level {
            c.push("j.level = ?", Param::Text(level.clone()));
        }
        if let Some(remote) = query.remote {
            c.push("j.remote = ?", Param::Bool(remote));
        }
        if let Some(company) = &query.company_contains {
            c.push(
                "LOWER(j.company) LIKE ? ESCAPE '\\'",
                Param::Text(like(company)),
            );
        }
        c
    }

    /// Binds `value` after the conditions' own values and returns its placeholder, for a
    /// statement that uses it outside the clause [`Conditions::sql`] writes.
    pub fn text_placeholder(&mut self, value: &str) -> String {
        self.params.push(Param::Text(value.to_owned()));
        format!("${}", self.params.len())
    }

    /// [`Conditions::text_placeholder`] for a number.
    pub fn int_placeholder(&mut self, value: i64) -> String {
        self.params.push(Param::Int(value));
        format!("${}", self.params.len())
    }

    /// Also: tagged with none of `roles`.
    pub fn tagged_with_none_of(mut self, roles: &[&str]) -> Conditions {
        if roles.is_empty() {
            return self;
        }
        let placeholders: Vec<String> = roles
            .iter()
            .map(|role| self.text_placeholder(role))
            .collect();
        self.clauses.push(format!(
            "NOT EXISTS (SELECT 1 FROM job_roles u WHERE u.job_id = j.id AND u.role IN ({}))",
            placeholders.join(", ")
        ));
        self
    }

    /// Adds `clause`, whose one `?` becomes the next numbered placeholder.
    fn push(&mut self, clause: &str, param: Param) {
        self.params.push(param);
        let placeholder = format!("${}", self.params.len());
        self.clauses.push(clause.replacen('?', &placeholder, 1));
    }

    pub fn sql(&self) -> String {
        self.clauses.join(" AND ")
    }

    pub fn bind<'q>(&'q self, mut query: AnyQuery<'q>) -> AnyQuery<'q> {
        for param in &self.params {
            query = match param {
                Param::Int(n) => query.bind(*n),
                Param::Text(s) => query.bind(s.as_str()),
                Param::Bool(b) => query.bind(i64::from(*b)),
            };
        }
        query
    }
}

/// A `LIKE` pattern matching `text` anywhere, its own `%`, `_` and `\` taken literally.
fn like(text: &str) -> String {
    let mut pattern = String::from("%");
    for ch in text.trim().to_lowercase().chars() {
        if matches!(ch, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(ch);
    }
    pattern.push('%');
    pattern
}

/// How many jobs match, counting no further than `cap`: an exact count of a large board
/// reads every row, and no one pages that far.
pub async fn count(
    conn: &mut AnyConnection,
    conditions: &Conditions,
    cap: usize,
) -> Result<usize, sqlx::Error> {
    let sql = format!(
        "SELECT COUNT(*) FROM (SELECT 1 FROM jobs j WHERE {} LIMIT {cap}) AS matching",
        conditions.sql()
    );
    let total: i64 = conditions
        .bind(sqlx::query(&sql))
        .fetch_one(&mut *conn)
        .await?
        .try_get(0)?;
    Ok(usize::try_from(total).unwrap_or(0))
}

pub async fn salary_bands(
    conn: &mut AnyConnection,
    conditions: &Conditions,
) -> Result<Vec<SalaryBand>, sqlx::Error> {
    let sql = format!(
        "SELECT j.level, j.currency, MIN(j.salary_min), MAX(j.salary_max), COUNT(*) \
         FROM jobs j WHERE {} AND j.salary_min IS NOT NULL \
         GROUP BY j.level, j.currency ORDER BY j.level, j.currency",
        conditions.sql()
    );
    let rows = conditions
        .bind(sqlx::query(&sql))
        .fetch_all(&mut *conn)
        .await?;
    rows.iter()
        .map(|row| {
            Ok(SalaryBand {
                level: row.try_get(0)?,
                currency: row.try_get(1)?,
                min: row.try_get(2)?,
                max: row.try_get(3)?,
                jobs: row.try_get(4)?,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_numbered_in_binding_order() {
        let query = JobQuery {
            role_slug: Some("data-scientist".into()),
            remote: Some(true),
            ..JobQuery::default()
        };
        let sql = Conditions::listing(Board::OUTSIDE_SERVERS, &query, 5).sql();
        assert_eq!(
            sql,
            "j.board = $1 AND j.removed_at IS NULL AND (j.expires_at IS NULL OR j.expires_at > $2) \
             AND EXISTS (SELECT 1 FROM job_roles r WHERE r.job_id = j.id AND r.role = $3) \
             AND j.remote = $4"
        );
    }

    #[test]
    fn like_patterns_take_wildcards_literally() {
        assert_eq!(like(" 100%_Data\\ "), "%100\\%\\_data\\\\%");
    }
}
