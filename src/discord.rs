//! Discord at the edge: reading interactions and answering them through the advisor.
//! Everything here translates; nothing decides what an answer says.

pub mod gateway;
pub mod http;
pub mod interaction;
pub mod rate_limit;
pub mod respond;
pub mod signature;

use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use crate::advisor::chat::{self, ChatMemory, Speaker};
use crate::knowledge::KnowledgeBase;
use crate::reply::Reply;
use rate_limit::RateLimiter;

/// Answers per user before the rate limit applies, and how fast it refills.
const RATE_BURST: u32 = 5;
const RATE_REFILL: Duration = Duration::from_secs(3);
/// How long and for how many conversations chat follow-ups are remembered.
const CHAT_MEMORY_TTL: Duration = Duration::from_secs(10 * 60);
const CHAT_MEMORY_CAPACITY: usize = 10_000;

/// The bot's shared state: the knowledge base (swappable on reload), the rate limiter and the
/// chat memory. One per process, shared by every shard and request.
#[derive(Debug)]
pub struct Bot {
    knowledge: RwLock<Arc<KnowledgeBase>>,
    limiter: RateLimiter,
    memory: ChatMemory,
}

impl Bot {
    pub fn new(knowledge: KnowledgeBase) -> Bot {
        Bot {
            knowledge: RwLock::new(Arc::new(knowledge)),
            limiter: RateLimiter::new(RATE_BURST, RATE_REFILL),
            memory: ChatMemory::new(CHAT_MEMORY_TTL, CHAT_MEMORY_CAPACITY),
        }
    }

    /// The current knowledge base; a reload swaps it without disturbing answers in flight.
    pub fn knowledge(&self) -> Arc<KnowledgeBase> {
        let guard = self.knowledge.read().unwrap_or_else(|e| e.into_inner());
        Arc::clone(&guard)
    }

    /// Replaces the knowledge base atomically.
    pub fn replace_knowledge(&self, knowledge: KnowledgeBase) {
        let mut guard = self.knowledge.write().unwrap_or_else(|e| e.into_inner());
        *guard = Arc::new(knowledge);
    }

    /// Answers a mention or DM from `user` in `channel`, rate limited like commands.
    pub fn chat(&self, user: &str, channel: &str, text: &str, now: Instant) -> Reply {
        if let Err(wait) = self.limiter.check(user, now) {
            return respond::slow_down(wait);
        }
        let speaker = Speaker {
            user: user.to_owned(),
            channel: channel.to_owned(),
        };
        let kb = self.knowledge();
        chat::answer_chat(&kb, &self.memory, &speaker, text, now).unwrap_or_else(|p| p.reply())
    }
}
