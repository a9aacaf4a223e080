//! Chat at the edge: a mention or a DM is a question in plain words. Its mentions are
//! stripped before the advisor reads it, and a short memory per user and channel keeps what
//! each conversation was last about, so that "and the tools?" follows up on it.

use std::time::{Duration, Instant};

use mini_moka::sync::Cache;

use crate::advisor::intent::Topic;

/// Who is talking where: the key of a conversation.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Speaker {
    pub user: String,
    pub channel: String,
}

/// What each speaker discussed last, forgotten after `ttl`, at most `capacity` speakers.
///
/// mini-moka keeps the capacity (evicting the least used) and drops entries once they are
/// past the ttl; each entry also carries when it was said, so that [`ChatMemory::recall`] at
/// a given instant is exact whatever the cache's own clock did.
#[derive(Debug, Clone)]
pub struct ChatMemory {
    ttl: Duration,
    entries: Cache<Speaker, (Topic, Instant)>,
}

impl ChatMemory {
    pub fn new(ttl: Duration, capacity: u64) -> ChatMemory {
        ChatMemory {
            ttl,
            entries: Cache::builder()
                .max_capacity(capacity.max(1))
                .time_to_live(ttl)
                .build(),
        }
    }

    /// What `speaker` discussed within the `ttl` before `now`.
    pub fn recall(&self, speaker: &Speaker, now: Instant) -> Option<Topic> {
        self.entries
            .get(speaker)
            .filter(|(_, at)| now.saturating_duration_since(*at) < self.ttl)
            .map(|(topic, _)| topic)
    }

    pub fn remember(&self, speaker: &Speaker, topic: Topic, now: Instant) {
        self.entries.insert(speaker.clone(), (topic, now));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mini_moka::sync::ConcurrentCacheExt;

    fn topic(slug: &str) -> Topic {
        Topic {
            roles: vec![slug.into()],
            ..Topic::default()
        }
    }

    #[test]
    fn memory_expires_and_is_per_speaker() {
        let memory = ChatMemory::new(Duration::from_secs(60), 100);
        let now = Instant::now();
        let a = Speaker {
            user: "a".into(),
            channel: "c".into(),
        };
        let b = Speaker {
            user: "b".into(),
            channel: "c".into(),
        };
        memory.remember(&a, topic("mle"), now);
        assert_eq!(memory.recall(&a, now), Some(topic("mle")));
        assert_eq!(memory.recall(&b, now), None);
        assert_eq!(memory.recall(&a, now + Duration::from_secs(61)), None);
    }

    #[test]
    fn memory_is_bounded() {
        let memory = ChatMemory::new(Duration::from_secs(60), 3);
        let now = Instant::now();
        for i in 0..100 {
            let speaker = Speaker {
                user: i.to_string(),
                channel: "c".into(),
            };
            memory.remember(&speaker, topic("x"), now);
        }
        memory.entries.sync();
        assert!(
            memory.entries.entry_count() <= 3,
            "{}",
            memory.entries.entry_count()
        );
    }
}
