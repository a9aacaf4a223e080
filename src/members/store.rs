//! Where profiles are kept: the `member_profiles` table, in the database the job board and
//! the teaching store use; alert settings and the outbox of alert DMs (`alerts`, `outbox`).
//! Also `/me export` and `/me forget`, which read and erase every row naming a member (the
//! tables and columns are listed once, in `export`): drafts and everything about alerts are
//! deleted, and elsewhere a pseudonym takes the member's place, in one transaction.

use rand::RngCore;
use sqlx::AnyPool;
use sqlx::Row;

use super::model::Profile;
use crate::database::{Backend, Database, OpenError};

pub mod alerts;
pub mod audience;
mod export;
pub mod outbox;

/// The profile store, on a shared database.
#[derive(Debug, Clone)]
pub struct ProfileStore {
    pool: AnyPool,
    backend: Backend,
    /// How many of each server's latest audience changes the log keeps (`audience`).
    changes_kept: i64,
}

#[derive(Debug, thiserror::Error)]
pub enum ProfileError {
    #[error(transparent)]
    Open(#[from] OpenError),
    #[error("the profile database failed")]
    Database(#[from] sqlx::Error),
}

impl ProfileStore {
    /// Opens (creating and migrating if need be) the database at `url` for profiles alone.
    pub async fn open(url: &str) -> Result<ProfileStore, ProfileError> {
        Ok(ProfileStore::on(&Database::open(url).await?))
    }

    /// The profile store on `database`, shared with the other stores.
    pub fn on(database: &Database) -> ProfileStore {
        ProfileStore {
            pool: database.pool().clone(),
            backend: database.backend(),
            changes_kept: audience::CHANGES_KEPT,
        }
    }

    /// This store, keeping only each server's last `kept` audience changes (at least one)
    /// when it writes one: how tests see a log outrun without writing thousands.
    pub fn keeping_changes(mut self, kept: i64) -> ProfileStore {
        self.changes_kept = kept.max(1);
        self
    }

    fn changes_kept(&self) -> i64 {
        self.changes_kept
    }

    fn pool(&self) -> &AnyPool {
        &self.pool
    }

    fn backend(&self) -> Backend {
        self.backend
    }

    /// `user`'s profile; an empty one when they have none.
    pub async fn profile(&self, user: &str) -> Result<Profile, ProfileError> {
        let row = sqlx::query("SELECT skills, updated_at FROM member_profiles WHERE user_id = $1")
            .bind(user)
            .fetch_optional(&self.pool)
            .await?;
        Ok(match row {
            Some(row) => Profile {
                skills: row
                    .try_get::<String, _>("skills")?
                    .lines()
                    .map(str::to_owned)
                    .collect(),
                updated_at: row.try_get("updated_at")?,
            },
            None => Profile::default(),
        })
    }

    /// Keeps `skills` as `user`'s profile; no skills deletes it. The servers where they have
    /// alerts match new jobs against the new skills.
    pub async fn save(&self, user: &str, skills: &[String], now: i64) -> Result<(), ProfileError> {
        let mut tx = self.pool.begin().await?;
        if skills.is_empty() {
            sqlx::query("DELETE FROM member_profiles WHERE user_id = $1")
                .bind(user)
                .execute(&mut *tx)
                .await?;
        } else {
            sqlx::query(
                "INSERT INTO member_profiles (user_id, skills, updated_at) VALUES ($1, $2, $3) \
                 ON CONFLICT (user_id) DO UPDATE SET skills = excluded.skills, \
                 updated_at = excluded.updated_at",
            )
            .bind(user)
            .bind(skills.join("\n"))
            .bind(now)
            .execute(&mut *tx)
            .await?;
        }
        // After the write: on SQLite a transaction that reads before it first writes fails
        // at once, rather than waits, when another connection wrote meanwhile.
        self.bump_all_of(&mut tx, user).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Erases `user`: their profile, their drafts and everything about their alerts are
    /// deleted, and a pseudonym (returned) takes their id's place in every other column that
    /// names a member. Forgetting twice finds nothing the second time and says so (`None`).
    pub async fn forget(&self, user: &str) -> Result<Option<String>, ProfileError> {
        let pseudonym = pseudonym();
        let mut tx = self.pool.begin().await?;
        // The first statement writes, as in `save`.
        let mut touched = sqlx::query("DELETE FROM member_profiles WHERE user_id = $1")
            .bind(user)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        // Before their alert settings go: the servers' audiences no longer hold them. Not
        // logged (their log entries go with the rest): a process holding an audience from
        // before reads the server in full, so drops them without the log naming them.
        for guild in audience::servers_of(&mut tx, user).await? {
            audience::bump_unlogged(&mut tx, guild).await?;
        }
        for (table, column) in export::deleted_columns() {
            touched += sqlx::query(&format!("DELETE FROM {table} WHERE {column} = $1"))
                .bind(user)
                .execute(&mut *tx)
                .await?
                .rows_affected();
        }
        for (table, column) in export::pseudonymised_columns() {
            touched += sqlx::query(&format!(
                "UPDATE {table} SET {column} = $1 WHERE {column} = $2"
            ))
            .bind(&pseudonym)
            .bind(user)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        }
        tx.commit().await?;
        Ok((touched > 0).then_some(pseudonym))
    }

    /// Whether any row still names `user`: what `/me forget` must leave false.
    pub async fn names(&self, user: &str) -> Result<bool, ProfileError> {
        let mut named = self.profile(user).await?.updated_at > 0;
        for (table, column) in export::naming_columns() {
            let count: i64 = sqlx::query(&format!(
                "SELECT COUNT(*) AS n FROM {table} WHERE {column} = $1"
            ))
            .bind(user)
            .fetch_one(&self.pool)
            .await?
            .try_get("n")?;
            named |= count > 0;
        }
        Ok(named)
    }
}

/// A stand-in for a forgotten member: random, so it says nothing about who it was.
fn pseudonym() -> String {
    let mut bytes = [0u8; 6];
    rand::thread_rng().fill_bytes(&mut bytes);
    format!("forgotten-{}", hex::encode(bytes))
}
