//! Members' votes on answers ("Was this useful?"), for `/kb gaps`'s answers voted down
//! most. A vote keeps what the answer was about (the command, the roles, the aspect), never
//! the question's text; who voted is kept only so that a second click changes their vote
//! instead of adding one, and is never shown. Kept with the teaching store, on its pool.

use sqlx::Row;

use super::rows::db_id;
use super::{TeachingError, TeachingStore};

/// Rows kept per server: past it, the least recent votes are forgotten.
pub const VOTES_PER_SERVER: i64 = 5000;

/// A member's verdict on an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Vote {
    Up,
    Down,
}

impl Vote {
    /// The word kept in the database and in a vote button's id.
    pub fn key(self) -> &'static str {
        match self {
            Vote::Up => "up",
            Vote::Down => "down",
        }
    }

    pub fn from_key(key: &str) -> Option<Vote> {
        [Vote::Up, Vote::Down]
            .into_iter()
            .find(|vote| vote.key() == key)
    }
}

/// What a voted answer was about: the command that makes it (`compare`), the slugs of the
/// roles it answered for, and the aspect's key if it was about one. Never the question's
/// text, nor any other value a member typed.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct VotedAnswer {
    pub command: String,
    pub roles: Vec<String>,
    pub aspect: Option<String>,
}

/// An answer members of a server voted down: how many did and when the last one did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VotedDown {
    pub answer: VotedAnswer,
    pub votes: i64,
    pub last_at: i64,
}

/// Where a vote was cast: the message the buttons sit on, and who pressed one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ballot<'a> {
    pub guild: u64,
    pub message: u64,
    pub voter: &'a str,
}

/// The roles as kept: slugs, comma-separated (a slug holds no comma).
fn roles_key(roles: &[String]) -> String {
    roles.join(",")
}

impl TeachingStore {
    /// Keeps `vote` on `answer` from `ballot`'s member on its message; their earlier vote on
    /// the same answer is changed, not added to.
    pub async fn record_vote(
        &self,
        ballot: Ballot<'_>,
        answer: &VotedAnswer,
        vote: Vote,
        now: i64,
    ) -> Result<(), TeachingError> {
        let guild = db_id(ballot.guild)?;
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO answer_votes (guild, message, voter, command, roles, aspect, vote, at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
             ON CONFLICT (guild, message, voter, command, roles, aspect) DO UPDATE SET \
             vote = excluded.vote, at = excluded.at",
        )
        .bind(guild)
        .bind(db_id(ballot.message)?)
        .bind(ballot.voter)
        .bind(&answer.command)
        .bind(roles_key(&answer.roles))
        .bind(answer.aspect.as_deref().unwrap_or_default())
        .bind(vote.key())
        .bind(now)
        .execute(&mut *tx)
        .await?;
        // Past the cap, the least recent go (nothing while fewer are kept: the subquery is
        // then NULL).
        sqlx::query(
            "DELETE FROM answer_votes WHERE guild = $1 AND at < (SELECT at FROM answer_votes \
             WHERE guild = $1 ORDER BY at DESC LIMIT 1 OFFSET $2)",
        )
        .bind(guild)
        .bind(VOTES_PER_SERVER - 1)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The answers of `guild` voted down most, then most recently, at most `limit`.
    pub async fn voted_down(
        &self,
        guild: u64,
        limit: usize,
    ) -> Result<Vec<VotedDown>, TeachingError> {
        let mut conn = self.pool.acquire().await?;
        let rows = sqlx::query(
            "SELECT command, roles, aspect, COUNT(*) AS votes, MAX(at) AS last_at \
             FROM answer_votes WHERE guild = $1 AND vote = $2 \
             GROUP BY command, roles, aspect \
             ORDER BY votes DESC, last_at DESC, command, roles, aspect LIMIT $3",
        )
        .bind(db_id(guild)?)
        .bind(Vote::Down.key())
        .bind(i64::try_from(limit).unwrap_or(i64::MAX))
        .fetch_all(&mut *conn)
        .await?;
        let mut voted = Vec::with_capacity(rows.len());
        for row in rows {
            let roles: String = row.try_get(1)?;
            let aspect: String = row.try_get(2)?;
            voted.push(VotedDown {
                answer: VotedAnswer {
                    command: row.try_get(0)?,
                    roles: roles
                        .split(',')
                        .filter(|r| !r.is_empty())
                        .map(str::to_owned)
                        .collect(),
                    aspect: (!aspect.is_empty()).then_some(aspect),
                },
                votes: row.try_get(3)?,
                last_at: row.try_get(4)?,
            });
        }
        Ok(voted)
    }

    /// Forgets `guild`'s votes cast on an answer no later than `answered_at` says an
    /// article answering it was added (`None`: none was): a voted-down answer counts only
    /// the votes since the last article about it. Returns how many votes went.
    pub async fn forget_answered_votes(
        &self,
        guild: u64,
        answered_at: impl Fn(&VotedAnswer) -> Option<i64>,
    ) -> Result<u64, TeachingError> {
        let guild = db_id(guild)?;
        let mut conn = self.pool.acquire().await?;
        let rows = sqlx::query(
            "SELECT command, roles, aspect, MIN(at) FROM answer_votes WHERE guild = $1 \
             GROUP BY command, roles, aspect",
        )
        .bind(guild)
        .fetch_all(&mut *conn)
        .await?;
        drop(conn);
        let mut stale = Vec::new();
        for row in rows {
            let (command, roles, aspect): (String, String, String) =
                (row.try_get(0)?, row.try_get(1)?, row.try_get(2)?);
            let first: i64 = row.try_get(3)?;
            let answer = VotedAnswer {
                command: command.clone(),
                roles: roles.split(',').map(str::to_owned).collect(),
                aspect: (!aspect.is_empty()).then(|| aspect.clone()),
            };
            if let Some(at) = answered_at(&answer).filter(|at| first <= *at) {
                stale.push((command, roles, aspect, at));
            }
        }
        if stale.is_empty() {
            return Ok(0);
        }
        let mut tx = self.pool.begin().await?;
        let mut forgotten = 0;
        for (command, roles, aspect, at) in &stale {
            forgotten += sqlx::query(
                "DELETE FROM answer_votes WHERE guild = $1 AND command = $2 AND roles = $3 \
                 AND aspect = $4 AND at <= $5",
            )
            .bind(guild)
            .bind(command)
            .bind(roles)
            .bind(aspect)
            .bind(at)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        }
        tx.commit().await?;
        Ok(forgotten)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_vote_reads_back_from_its_key_and_nothing_else_does() {
        for vote in [Vote::Up, Vote::Down] {
            assert_eq!(Vote::from_key(vote.key()), Some(vote));
        }
        assert_eq!(Vote::from_key("sideways"), None);
        assert_eq!(roles_key(&["a-b".into(), "c".into()]), "a-b,c");
    }
}
