//! Which of the bot's gateway shards this process runs (`rolecall run --shards 0-3
//! --shard-total 8`). Discord sends a server's events to shard `(server id >> 22) % total`,
//! so processes that split the shards between them split the servers, and each answers only
//! its own; direct messages go to shard 0.

use std::fmt;
use std::str::FromStr;

/// Shards `first..=last` of `total`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShardRange {
    pub first: u32,
    pub last: u32,
    pub total: u32,
}

/// The shards asked for, as typed: `3` or `0-3`, before the total is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shards {
    pub first: u32,
    pub last: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ShardError {
    #[error("shards are a number or a range such as 0-3, not {0:?}")]
    Shape(String),
    #[error("the shard range {first}-{last} runs backwards")]
    Backwards { first: u32, last: u32 },
    #[error("the shard total must be at least 1")]
    NoTotal,
    #[error("shard {last} is past the total of {total} (shards count from 0)")]
    PastTotal { last: u32, total: u32 },
}

impl FromStr for Shards {
    type Err = ShardError;

    fn from_str(text: &str) -> Result<Shards, ShardError> {
        let number = |part: &str| {
            part.trim()
                .parse::<u32>()
                .map_err(|_| ShardError::Shape(text.to_owned()))
        };
        let (first, last) = match text.split_once('-') {
            Some((first, last)) => (number(first)?, number(last)?),
            None => (number(text)?, number(text)?),
        };
        if last < first {
            return Err(ShardError::Backwards { first, last });
        }
        Ok(Shards { first, last })
    }
}

impl ShardRange {
    /// `shards` of `total`, checked: each shard must exist.
    pub fn new(shards: Shards, total: u32) -> Result<ShardRange, ShardError> {
        if total == 0 {
            return Err(ShardError::NoTotal);
        }
        if shards.last >= total {
            return Err(ShardError::PastTotal {
                last: shards.last,
                total,
            });
        }
        Ok(ShardRange {
            first: shards.first,
            last: shards.last,
            total,
        })
    }
}

impl fmt::Display for ShardRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "shards {}-{} of {}", self.first, self.last, self.total)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_shard_or_a_range_is_read() {
        assert_eq!("3".parse(), Ok(Shards { first: 3, last: 3 }));
        assert_eq!(" 0 - 3 ".parse(), Ok(Shards { first: 0, last: 3 }));
    }

    #[test]
    fn other_shapes_are_refused_with_the_reason() {
        assert_eq!(
            "a-b".parse::<Shards>(),
            Err(ShardError::Shape("a-b".into()))
        );
        assert_eq!("".parse::<Shards>(), Err(ShardError::Shape("".into())));
        assert_eq!("-1".parse::<Shards>(), Err(ShardError::Shape("-1".into())));
        assert_eq!(
            "4-2".parse::<Shards>(),
            Err(ShardError::Backwards { first: 4, last: 2 })
        );
    }

    #[test]
    fn every_shard_of_a_range_must_exist() {
        let shards = Shards { first: 0, last: 3 };
        assert!(ShardRange::new(shards, 4).is_ok());
        assert_eq!(
            ShardRange::new(shards, 3),
            Err(ShardError::PastTotal { last: 3, total: 3 })
        );
        assert_eq!(ShardRange::new(shards, 0), Err(ShardError::NoTotal));
    }
}
