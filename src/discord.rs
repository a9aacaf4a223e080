//! Discord at the edge: reading interactions and messages, answering them through the
//! service, writing Discord's JSON. Everything here translates; nothing decides what an
//! answer says.

pub mod alerts;
pub mod chat;
pub mod deferred;
pub mod draining;
pub mod forum;
pub mod gateway;
pub mod http;
pub mod interaction;
pub mod json;
mod message_command;
pub mod observe;
pub mod operations;
pub mod rate_limit;
pub mod registration;
pub mod respond;
pub mod rest;
pub mod signature;
pub mod wire;

use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::advisor::intent::Topic;
use crate::jobs::model::Board;
use crate::jobs::rights::{Caller, Standing};
use crate::knowledge::KnowledgeBase;
use crate::reply::escape::strip_mentions;
use crate::service::{Outcome, Service};
use chat::{ChatMemory, Speaker};
use draining::InFlight;
use interaction::{Incoming, MemberRights};
use rate_limit::RateLimiter;
use rest::Rest;

/// Answers per user before the rate limit applies, and how fast it refills.
const RATE_BURST: u32 = 5;
const RATE_REFILL: Duration = Duration::from_secs(3);
/// How long and for how many conversations chat follow-ups are remembered.
const CHAT_MEMORY_TTL: Duration = Duration::from_secs(10 * 60);
const CHAT_MEMORY_CAPACITY: u64 = 10_000;
/// How long a forum post's topic is remembered for follow-ups in its thread: a thread is
/// read and answered over hours, not minutes.
const THREAD_MEMORY_TTL: Duration = Duration::from_secs(24 * 60 * 60);

/// The bot's shared state: the service (knowledge and job boards), the rate limiter, the
/// chat memory and the calls to Discord it makes itself. One per process, shared by every
/// shard and request.
#[derive(Debug)]
pub struct Bot {
    service: Service,
    limiter: RateLimiter,
    memory: ChatMemory,
    /// What each answered forum post was about, for follow-ups by anyone in its thread.
    threads: ChatMemory,
    rest: Rest,
    /// What a shutdown waits for: interactions being answered, work after a response.
    in_flight: InFlight,
}

impl Bot {
    /// A bot whose downloads and deferred answers go to Discord itself.
    pub fn new(service: Service) -> Bot {
        Bot {
            service,
            limiter: RateLimiter::new(RATE_BURST, RATE_REFILL),
            memory: ChatMemory::new(CHAT_MEMORY_TTL, CHAT_MEMORY_CAPACITY),
            threads: ChatMemory::new(THREAD_MEMORY_TTL, CHAT_MEMORY_CAPACITY),
            rest: Rest::discord(),
            in_flight: InFlight::default(),
        }
    }

    /// The same bot, downloading and editing deferred answers through `rest` (a fake
    /// Discord in tests).
    pub fn with_rest(self, rest: Rest) -> Bot {
        Bot { rest, ..self }
    }

    /// The shipped knowledge base, as it is now (a reload swaps it).
    pub fn knowledge(&self) -> Arc<KnowledgeBase> {
        self.service.knowledge()
    }

    /// The interactions and follow-up work in flight, which a shutdown drains.
    pub fn in_flight(&self) -> &InFlight {
        &self.in_flight
    }

    /// The service answering every front end (SIGHUP reloads its knowledge base).
    pub fn service(&self) -> &Service {
        &self.service
    }

    /// Answers a mention or DM, rate limited like commands. Its mentions are stripped before
    /// it is read; a question that names no role follows up on what the same user discussed
    /// in the same channel within the last minutes.
    pub async fn chat(&self, message: ChatMessage<'_>, now: Instant, unix_now: i64) -> Outcome {
        self.converse(message, None, now, unix_now).await
    }

    /// [`Bot::chat`], falling back on `context` (a forum thread's topic) when the speaker
    /// has discussed nothing here lately.
    async fn converse(
        &self,
        message: ChatMessage<'_>,
        context: Option<Topic>,
        now: Instant,
        unix_now: i64,
    ) -> Outcome {
        if let Err(wait) = self.limiter.check(message.user) {
            crate::telemetry::rate_limited("chat");
            return respond::slow_down(wait).into();
        }
        let speaker = Speaker {
            user: message.user.to_owned(),
            channel: message.channel.to_owned(),
        };
        let caller = Caller {
            user: message.user.to_owned(),
            board: board_of(message.guild),
            // Chat only browses: changes to the board go through `/job`.
            standing: Standing::Outsider,
        };
        let question = strip_mentions(message.text);
        let previous = self.memory.recall(&speaker, now).or(context);
        let (answered, topic) = self
            .service
            .answer_chat(&question, previous.as_ref(), &caller, unix_now)
            .await;
        if let Some(topic) = topic {
            self.memory.remember(&speaker, topic, now);
        }
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
        (Some(_), Some(member)) => standing_of(member),
        _ => Standing::Outsider,
    };
    Caller {
        user: incoming.user_id.clone().unwrap_or_else(|| "unknown".into()),
        board: board_of(incoming.guild_id.as_deref()),
        standing,
    }
}

/// What a member's Discord permissions let them do on the job board.
fn standing_of(member: &MemberRights) -> Standing {
    Standing::Member {
        moderates: member.permissions.intersects(wire::permission::MODERATE),
        manages_server: member.permissions.intersects(wire::permission::CONFIGURE),
        roles: member.roles.clone(),
    }
}
