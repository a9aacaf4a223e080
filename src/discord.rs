//! Discord at the edge: reading interactions and answering them through the advisor.
//! Everything here translates; nothing decides what an answer says.

pub mod gateway;
pub mod http;
pub mod interaction;
pub mod rate_limit;
pub mod respond;
pub mod signature;

use std::time::{Duration, Instant};

use crate::advisor::chat::{self, ChatMemory, Speaker};
use crate::jobs::model::Board;
use crate::jobs::rights::Standing;
use crate::knowledge::KnowledgeBase;
use crate::service::{Caller, Outcome, Service};
use interaction::Incoming;
use rate_limit::RateLimiter;

/// Answers per user before the rate limit applies, and how fast it refills.
const RATE_BURST: u32 = 5;
const RATE_REFILL: Duration = Duration::from_secs(3);
/// How long and for how many conversations chat follow-ups are remembered.
const CHAT_MEMORY_TTL: Duration = Duration::from_secs(10 * 60);
const CHAT_MEMORY_CAPACITY: usize = 10_000;

/// The bot's shared state: the service (knowledge and job store), the rate limiter and the
/// chat memory. One per process, shared by every shard and request.
#[derive(Debug)]
pub struct Bot {
    service: Service,
    limiter: RateLimiter,
    memory: ChatMemory,
}

impl Bot {
    pub fn new(service: Service) -> Bot {
        Bot {
            service,
            limiter: RateLimiter::new(RATE_BURST, RATE_REFILL),
            memory: ChatMemory::new(CHAT_MEMORY_TTL, CHAT_MEMORY_CAPACITY),
        }
    }

    pub fn service(&self) -> &Service {
        &self.service
    }

    /// The current knowledge base.
    pub fn knowledge(&self) -> std::sync::Arc<KnowledgeBase> {
        self.service.knowledge()
    }

    /// Answers a mention or DM from `user` in `channel` (of `guild`, if any), rate limited
    /// like commands.
    pub async fn chat(&self, message: ChatMessage<'_>, now: Instant, unix_now: i64) -> Outcome {
        if let Err(wait) = self.limiter.check(message.user, now) {
            return respond::slow_down(wait).into();
        }
        let speaker = Speaker {
            user: message.user.to_owned(),
            channel: message.channel.to_owned(),
        };
        let kb = self.service.knowledge();
        let caller = Caller {
            user: message.user.to_owned(),
            board: board_of(message.guild),
            // Chat only browses: changes to the board go through `/job`.
            standing: Standing::Outsider,
        };
        let answered = match chat::answer_chat(&kb, &self.memory, &speaker, message.text, now) {
            Ok(answer) => {
                self.service
                    .complete(&kb, answer, false, &caller, unix_now)
                    .await
            }
            Err(problem) => Err(problem),
        };
        answered.unwrap_or_else(|p| p.reply().into())
    }
}

/// A chat message addressed to the bot.
#[derive(Debug, Clone, Copy)]
pub struct ChatMessage<'a> {
    pub user: &'a str,
    pub channel: &'a str,
    pub guild: Option<&'a str>,
    pub text: &'a str,
}

/// The board of a server by its id as Discord sends it; DMs use the board outside servers.
fn board_of(guild: Option<&str>) -> Board {
    guild
        .and_then(|g| g.parse().ok())
        .map_or(Board::OUTSIDE_SERVERS, Board::server)
}

/// Who sent an interaction, as the job board sees them.
fn caller_of(incoming: &Incoming) -> Caller {
    let standing = match (&incoming.guild_id, &incoming.member) {
        (Some(_), Some(member)) => Standing::Member {
            permissions: member.permissions,
            roles: member.roles.clone(),
        },
        _ => Standing::Outsider,
    };
    Caller {
        user: incoming.user_id.clone().unwrap_or_else(|| "unknown".into()),
        board: board_of(incoming.guild_id.as_deref()),
        standing,
    }
}
