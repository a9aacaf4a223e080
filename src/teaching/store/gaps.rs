//! What members asked that a server's knowledge base could not answer (`/kb gaps`): a count
//! and the time of the last ask per subject, never who asked. (The answers members voted
//! down are kept apart, as votes: `votes`.) Kept with the teaching store,
//! on its pool.

use sqlx::Row;

use super::rows::db_id;
use super::{TeachingError, TeachingStore};

/// Rows kept per server: past it, the least recently asked subjects are forgotten.
pub const GAPS_PER_SERVER: i64 = 500;

/// Longest subject kept, in characters (a question is cut there).
pub const SUBJECT_MAX: usize = 200;

/// What could not be answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GapKind {
    /// A role no article covers (subject: the name as asked, normalised).
    UnknownRole,
    /// Skills the taxonomy and the articles do not name (subject: the skills as given).
    UnknownSkills,
    /// A question read more than one way, or naming no role it needed (subject: the
    /// question, normalised).
    Unclear,
    /// An aspect of a role the articles say nothing about (subject: the role's slug and the
    /// aspect's key, `data-engineer tools`: see [`aspect_subject`]).
    EmptyAspect,
}

impl GapKind {
    pub const ALL: [GapKind; 4] = [
        GapKind::UnknownRole,
        GapKind::UnknownSkills,
        GapKind::Unclear,
        GapKind::EmptyAspect,
    ];

    /// The word kept in the database.
    pub fn key(self) -> &'static str {
        match self {
            GapKind::UnknownRole => "unknown_role",
            GapKind::UnknownSkills => "unknown_skills",
            GapKind::Unclear => "unclear",
            GapKind::EmptyAspect => "empty_aspect",
        }
    }

    fn from_key(key: &str) -> Option<GapKind> {
        GapKind::ALL.into_iter().find(|kind| kind.key() == key)
    }
}

/// One gap, as `/kb gaps` lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gap {
    pub kind: GapKind,
    pub subject: String,
    pub asks: i64,
    pub last_at: i64,
}

/// `text` as a gap's subject: lower case, spaces collapsed, cut at [`SUBJECT_MAX`].
pub fn subject_of(text: &str) -> String {
    let words: Vec<String> = text.split_whitespace().map(str::to_lowercase).collect();
    words.join(" ").chars().take(SUBJECT_MAX).collect()
}

/// The subject of an [`GapKind::EmptyAspect`] gap: the role's slug and the aspect's key.
pub fn aspect_subject(slug: &str, aspect: &str) -> String {
    subject_of(&format!("{slug} {aspect}"))
}

/// The role's slug and the aspect's key an [`GapKind::EmptyAspect`] subject names.
pub fn aspect_of_subject(subject: &str) -> Option<(&str, &str)> {
    subject.split_once(' ')
}

impl TeachingStore {
    /// Counts one more ask of `subject` (already [`subject_of`]) in `guild`.
    pub async fn record_gap(
        &self,
        guild: u64,
        kind: GapKind,
        subject: &str,
        now: i64,
    ) -> Result<(), TeachingError> {
        if subject.is_empty() {
            return Ok(());
        }
        let guild = db_id(guild)?;
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO knowledge_gaps (guild, kind, subject, asks, last_at) \
             VALUES ($1, $2, $3, 1, $4) ON CONFLICT (guild, kind, subject) DO UPDATE SET \
             asks = knowledge_gaps.asks + 1, last_at = excluded.last_at",
        )
        .bind(guild)
        .bind(kind.key())
        .bind(subject)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        // Past the cap, the least recently asked go (nothing while fewer are kept: the
        // subquery is then NULL).
        sqlx::query(
            "DELETE FROM knowledge_gaps WHERE guild = $1 AND last_at < (SELECT last_at FROM \
             knowledge_gaps WHERE guild = $1 ORDER BY last_at DESC LIMIT 1 OFFSET $2)",
        )
        .bind(guild)
        .bind(GAPS_PER_SERVER - 1)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The most asked gaps of `guild`, then the most recent, at most `limit`.
    pub async fn gaps(&self, guild: u64, limit: usize) -> Result<Vec<Gap>, TeachingError> {
        let mut conn = self.pool.acquire().await?;
        let rows = sqlx::query(
            "SELECT kind, subject, asks, last_at FROM knowledge_gaps WHERE guild = $1 \
             ORDER BY asks DESC, last_at DESC LIMIT $2",
        )
        .bind(db_id(guild)?)
        .bind(i64::try_from(limit).unwrap_or(i64::MAX))
        .fetch_all(&mut *conn)
        .await?;
        let mut gaps = Vec::with_capacity(rows.len());
        for row in rows {
            let kind: String = row.try_get(0)?;
            // A kind this version does not know (a newer one wrote it) is skipped.
            let Some(kind) = GapKind::from_key(&kind) else {
                continue;
            };
            gaps.push(Gap {
                kind,
                subject: row.try_get(1)?,
                asks: row.try_get(2)?,
                last_at: row.try_get(3)?,
            });
        }
        Ok(gaps)
    }

    /// Forgets `guild`'s gaps of `kind` that `answered` says are answered now: a gap counts
    /// only the asks since the last article that answers it.
    pub async fn forget_answered_gaps(
        &self,
        guild: u64,
        kind: GapKind,
        answered: impl Fn(&str) -> bool,
    ) -> Result<usize, TeachingError> {
        let subjects: Vec<String> = self
            .gaps(guild, usize::MAX)
            .await?
            .into_iter()
            .filter(|gap| gap.kind == kind && answered(&gap.subject))
            .map(|gap| gap.subject)
            .collect();
        let mut tx = self.pool.begin().await?;
        for subject in &subjects {
            sqlx::query(
                "DELETE FROM knowledge_gaps WHERE guild = $1 AND kind = $2 AND subject = $3",
            )
            .bind(db_id(guild)?)
            .bind(kind.key())
            .bind(subject)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(subjects.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_subject_is_lower_case_single_spaced_and_capped() {
        assert_eq!(subject_of("  Data   ENGINEER "), "data engineer");
        assert_eq!(subject_of(&"x ".repeat(300)).chars().count(), SUBJECT_MAX);
        for kind in GapKind::ALL {
            assert_eq!(GapKind::from_key(kind.key()), Some(kind));
        }
        let subject = aspect_subject("data-engineer", "tools");
        assert_eq!(
            aspect_of_subject(&subject),
            Some(("data-engineer", "tools"))
        );
    }
}
