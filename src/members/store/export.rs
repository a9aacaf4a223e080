//! `/me export`: everything the database holds that names a member, as JSON. Each table
//! that can name a member is listed here with the columns that may hold their id, the
//! fields given back (never another member's id: who else acted is not theirs to see), and
//! what `/me forget` does to its rows.

use serde_json::{json, Map, Value};
use sqlx::Row;

use super::{ProfileError, ProfileStore};

/// A field, by how it is stored.
#[derive(Clone, Copy)]
enum Kind {
    Number,
    Text,
}

/// What `/me forget` does to a row naming the member.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Forget {
    /// The row is theirs alone (a draft, their alert settings and DMs): deleted.
    Delete,
    /// The row records what happened on a server (a job, an article, a vote): kept, with a
    /// pseudonym in the member's place.
    Pseudonym,
}

/// A table that can name a member: the columns that may hold their id, the fields shown.
struct Naming {
    table: &'static str,
    by: &'static [&'static str],
    fields: &'static [(&'static str, Kind)],
    forget: Forget,
}

use Forget::{Delete, Pseudonym};
use Kind::{Number as N, Text as T};

const TABLES: &[Naming] = &[
    Naming {
        table: "articles",
        by: &["added_by", "removed_by"],
        fields: &[
            ("id", N),
            ("guild", N),
            ("title", T),
            ("added_at", N),
            ("removed_at", N),
        ],
        forget: Pseudonym,
    },
    Naming {
        table: "article_drafts",
        by: &["author"],
        fields: &[
            ("guild", N),
            ("title", T),
            ("created_at", N),
            ("expires_at", N),
        ],
        forget: Delete,
    },
    Naming {
        table: "article_events",
        by: &["actor"],
        fields: &[("article_id", N), ("guild", N), ("action", T), ("at", N)],
        forget: Pseudonym,
    },
    Naming {
        table: "jobs",
        by: &["posted_by", "updated_by", "removed_by"],
        fields: &[
            ("id", N),
            ("board", N),
            ("title", T),
            ("company", T),
            ("posted_at", N),
            ("removed_at", N),
        ],
        forget: Pseudonym,
    },
    Naming {
        table: "job_events",
        by: &["actor"],
        fields: &[("job_id", N), ("board", N), ("action", T), ("at", N)],
        forget: Pseudonym,
    },
    Naming {
        table: "board_settings",
        by: &["updated_by"],
        fields: &[("board", N), ("updated_at", N)],
        forget: Pseudonym,
    },
    Naming {
        table: "teaching_settings",
        by: &["updated_by"],
        fields: &[("guild", N), ("updated_at", N)],
        forget: Pseudonym,
    },
    Naming {
        table: "answer_votes",
        by: &["voter"],
        fields: &[
            ("guild", N),
            ("message", N),
            ("command", T),
            ("roles", T),
            ("aspect", T),
            ("vote", T),
            ("at", N),
        ],
        forget: Pseudonym,
    },
    Naming {
        table: "member_alerts",
        by: &["user_id"],
        fields: &[
            ("guild", N),
            ("enabled", N),
            ("min_fit", N),
            ("level", T),
            ("remote", N),
            ("updated_at", N),
        ],
        forget: Delete,
    },
    Naming {
        table: "member_alert_pauses",
        by: &["user_id"],
        fields: &[("reason", T), ("paused_at", N)],
        forget: Delete,
    },
    Naming {
        table: "alert_audience_changes",
        by: &["user_id"],
        fields: &[("guild", N), ("revision", N)],
        forget: Delete,
    },
    Naming {
        table: "alert_outbox",
        by: &["user_id"],
        fields: &[
            ("guild", N),
            ("job_id", N),
            ("fit", N),
            ("queued_at", N),
            ("sent_at", N),
            ("outcome", T),
        ],
        forget: Delete,
    },
    Naming {
        table: "alert_budgets",
        by: &["user_id"],
        fields: &[("day", N), ("used", N)],
        forget: Delete,
    },
];

/// Every (table, column) that may hold a member's id.
pub(super) fn naming_columns() -> impl Iterator<Item = (&'static str, &'static str)> {
    columns(|_| true)
}

/// The (table, column) pairs whose rows `/me forget` deletes.
pub(super) fn deleted_columns() -> impl Iterator<Item = (&'static str, &'static str)> {
    columns(|forget| forget == Delete)
}

/// The (table, column) pairs where `/me forget` puts a pseudonym.
pub(super) fn pseudonymised_columns() -> impl Iterator<Item = (&'static str, &'static str)> {
    columns(|forget| forget == Pseudonym)
}

fn columns(which: impl Fn(Forget) -> bool) -> impl Iterator<Item = (&'static str, &'static str)> {
    TABLES
        .iter()
        .filter(move |naming| which(naming.forget))
        .flat_map(|naming| naming.by.iter().map(move |column| (naming.table, *column)))
}

/// At most this many rows of one table: an export is one message's file.
const ROWS_MAX: i64 = 10_000;

impl ProfileStore {
    /// Everything stored about `user`: their profile and every row naming them.
    pub async fn export(&self, user: &str) -> Result<Value, ProfileError> {
        let profile = self.profile(user).await?;
        let mut records = Map::new();
        for naming in TABLES {
            let rows = self.rows_naming(naming, user).await?;
            if !rows.is_empty() {
                records.insert(naming.table.to_owned(), Value::Array(rows));
            }
        }
        Ok(json!({
            "member": user,
            "profile": {
                "skills": profile.skills,
                "updated_at": (profile.updated_at > 0).then_some(profile.updated_at),
            },
            "records": records,
        }))
    }

    async fn rows_naming(&self, naming: &Naming, user: &str) -> Result<Vec<Value>, ProfileError> {
        let fields: Vec<&str> = naming.fields.iter().map(|(name, _)| *name).collect();
        let by: Vec<String> = naming
            .by
            .iter()
            .map(|column| format!("{column} = $1"))
            .collect();
        let sql = format!(
            "SELECT {} FROM {} WHERE {} LIMIT {ROWS_MAX}",
            fields.join(", "),
            naming.table,
            by.join(" OR ")
        );
        let rows = sqlx::query(&sql).bind(user).fetch_all(self.pool()).await?;
        let mut shown = Vec::with_capacity(rows.len());
        for row in rows {
            let mut object = Map::new();
            for (name, kind) in naming.fields {
                let value = match kind {
                    Kind::Number => json!(row.try_get::<Option<i64>, _>(*name)?),
                    Kind::Text => json!(row.try_get::<Option<String>, _>(*name)?),
                };
                object.insert((*name).to_owned(), value);
            }
            shown.push(Value::Object(object));
        }
        Ok(shown)
    }
}
