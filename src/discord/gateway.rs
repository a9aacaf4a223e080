//! The gateway bot: serenity's client, translating its events to the shared responder.
//!
//! serenity owns the connection (heartbeats, reconnects, resumes); this module only turns an
//! event into an `Incoming` or a chat question, and posts the engine's JSON back over REST.

use std::sync::{Arc, OnceLock};
use std::time::Instant;

use serenity::all::{
    ChannelId, Client, ClientBuilder, Context, CreateAttachment, CurrentApplicationInfo,
    EventHandler, GatewayIntents, GuildId, Http, HttpBuilder, Interaction, MembershipState,
    Message, Ready, ResumedEvent, TeamMemberRole, UserId,
};
use serenity::async_trait;

mod forum;
pub mod shards;

use super::interaction::{self, Incoming, IncomingKind};
use super::registration::commands;
use super::{json, observe, Bot, ChatMessage};
use crate::config::ChatMode;
use crate::service::{unix_now, Announcement};
use crate::telemetry::FrontEnd;

/// Where the gateway bot registers its commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Registration {
    /// One server: updates at once, for development.
    Guild(u64),
    /// Every server: may take up to an hour to appear.
    Global,
}

/// The fewest intents that serve `chat`: interactions need none; DMs and mentions need the
/// two message intents, whose content Discord sends without the privileged intent; answering
/// every message of a channel needs MESSAGE_CONTENT.
pub fn intents(chat: &ChatMode) -> GatewayIntents {
    match chat {
        ChatMode::Off => GatewayIntents::empty(),
        ChatMode::Mentions => GatewayIntents::DIRECT_MESSAGES | GatewayIntents::GUILD_MESSAGES,
        ChatMode::Channels(_) => {
            GatewayIntents::DIRECT_MESSAGES
                | GatewayIntents::GUILD_MESSAGES
                | GatewayIntents::MESSAGE_CONTENT
        }
    }
}

/// The forum mode's, on top of chat's: a new forum post mentions nobody, so its text comes
/// only with MESSAGE_CONTENT (privileged); GUILDS fills serenity's cache with each server's
/// channels, threads, roles and the bot's own member, from which the thread's forum and the
/// bot's permissions there are known.
pub const FORUM_INTENTS: GatewayIntents = GatewayIntents::GUILDS
    .union(GatewayIntents::GUILD_MESSAGES)
    .union(GatewayIntents::MESSAGE_CONTENT);

/// serenity's event handler for rolecall.
pub struct Handler {
    bot: Arc<Bot>,
    chat: ChatMode,
    registration: Registration,
    /// Whether the gateway connects with the Message Content intent (and the forum mode's
    /// others): `ROLECALL_MESSAGE_CONTENT`.
    message_content: bool,
    /// Our own user id, learnt from READY: chat answers messages that mention it.
    me: OnceLock<UserId>,
}

impl Handler {
    pub fn new(bot: Arc<Bot>, chat: ChatMode, registration: Registration) -> Handler {
        Handler {
            bot,
            chat,
            registration,
            message_content: false,
            me: OnceLock::new(),
        }
    }

    /// The same handler, connecting with the Message Content intent when `wanted`: the
    /// forum mode reads posts that do not mention the bot.
    pub fn with_message_content(self, wanted: bool) -> Handler {
        Handler {
            message_content: wanted,
            ..self
        }
    }

    /// The intents to connect with: chat's, and the forum mode's when asked for.
    pub fn intents(&self) -> GatewayIntents {
        let forum = if self.message_content {
            FORUM_INTENTS
        } else {
            GatewayIntents::empty()
        };
        intents(&self.chat) | forum
    }

    /// Whether `message` is a question for us: a DM, a mention, or a chat channel's message.
    fn is_for_us(&self, message: &Message) -> bool {
        if message.author.bot || self.chat == ChatMode::Off {
            return false;
        }
        let mentioned = self
            .me
            .get()
            .is_some_and(|me| message.mentions_user_id(*me));
        let in_chat_channel = match &self.chat {
            ChatMode::Channels(ids) => ids.contains(&message.channel_id.get()),
            _ => false,
        };
        message.guild_id.is_none() || mentioned || in_chat_channel
    }
}

impl Handler {
    /// Makes the application's owner (or its team's owner and admins) owners of the bot,
    /// who may `/kb reload`; without them, only `ROLECALL_OWNERS` may.
    async fn learn_the_owners(&self, http: &Http) {
        match http.get_current_application_info().await {
            Ok(application) => {
                let owners = application_owners(&application);
                tracing::info!(
                    owners = owners.len(),
                    "the application's owners may reload the knowledge base"
                );
                self.bot.service().owners().add(owners);
            }
            Err(error) => tracing::warn!(
                %error,
                "cannot learn the application's owner: only ROLECALL_OWNERS may /kb reload"
            ),
        }
    }
}

/// The application's owner, or its team's owner and the admins who accepted.
fn application_owners(application: &CurrentApplicationInfo) -> Vec<u64> {
    let mut owners: Vec<u64> = application.owner.iter().map(|user| user.id.get()).collect();
    if let Some(team) = &application.team {
        owners.push(team.owner_user_id.get());
        owners.extend(
            team.members
                .iter()
                .filter(|member| {
                    member.membership_state == MembershipState::Accepted
                        && matches!(member.role, TeamMemberRole::Admin)
                })
                .map(|member| member.user.id.get()),
        );
    }
    owners
}

#[async_trait]
impl EventHandler for Handler {
    async fn ready(&self, ctx: Context, ready: Ready) {
        let _ = self.me.set(ready.user.id);
        self.bot
            .service()
            .connect_forum(Arc::new(forum::CacheProbe {
                cache: ctx.cache.clone(),
                me: ready.user.id,
                message_content: self.message_content,
            }));
        tracing::info!(user = %ready.user.name, guilds = ready.guilds.len(), shard = ctx.shard_id.0, "connected to the gateway");
        // Once per bot, not once per shard: processes splitting the shards share one set of
        // commands, and shard 0 always runs somewhere.
        if ctx.shard_id.0 == 0 {
            if let Err(error) = register(&ctx.http, self.registration).await {
                tracing::error!(%error, "registering commands failed");
            }
        }
        self.learn_the_owners(&ctx.http).await;
    }

    async fn resume(&self, _ctx: Context, _event: ResumedEvent) {
        tracing::info!("gateway session resumed");
    }

    async fn interaction_create(&self, ctx: Context, event: Interaction) {
        let (id, token) = match &event {
            Interaction::Command(i) => (i.id, &i.token),
            Interaction::Autocomplete(i) => (i.id, &i.token),
            Interaction::Component(i) => (i.id, &i.token),
            Interaction::Modal(i) => (i.id, &i.token),
            _ => return,
        };
        let received = Instant::now();
        // A drain waits for this interaction until its response and follow-ups are sent.
        let _in_flight = self.bot.in_flight().begin();
        let incoming = interaction::from_gateway(&event).unwrap_or(Incoming {
            id: Some(id.get()),
            kind: IncomingKind::Unsupported(event.kind().into()),
            user_id: None,
            guild_id: None,
            channel_id: None,
            member: None,
            webhook: None,
            message_id: None,
        });
        let response = self.bot.respond(&incoming, unix_now()).await;
        observe::interaction(
            FrontEnd::Gateway,
            &incoming,
            &response.body,
            received.elapsed(),
        );
        let files = response
            .body
            .file()
            .map(|file| CreateAttachment::bytes(file.bytes.clone(), file.name.clone()))
            .into_iter()
            .collect();
        if let Err(error) = ctx
            .http
            .create_interaction_response(id, token, &response.body, files)
            .await
        {
            tracing::warn!(%error, "answering an interaction failed");
        }
        if let Some(announcement) = &response.announcement {
            post_announcement(&ctx.http, announcement).await;
        }
        if let Some(posted) = response.alerts {
            self.bot.service().queue_posted(posted).await;
        }
        // Each event has a task of its own: the deferred work may take its time here.
        if let Some(later) = response.later {
            self.bot.finish(later).await;
        }
    }

    async fn message(&self, ctx: Context, message: Message) {
        // Only with the intent do forum posts reach the bot at all.
        if self.message_content && !message.author.bot && self.forum_message(&ctx, &message).await {
            return;
        }
        if !self.is_for_us(&message) {
            return;
        }
        let (user, channel) = (
            message.author.id.to_string(),
            message.channel_id.to_string(),
        );
        let guild = message.guild_id.map(|g| g.to_string());
        let chat = ChatMessage {
            user: &user,
            channel: &channel,
            guild: guild.as_deref(),
            text: &message.content,
        };
        let outcome = self.bot.chat(chat, Instant::now(), unix_now()).await;
        let question = message.id.to_string();
        let body = json::chat_reply(&outcome.reply, &question);
        if let Err(error) = ctx
            .http
            .send_message(message.channel_id, Vec::new(), &body)
            .await
        {
            tracing::warn!(%error, "answering a chat message failed");
        }
    }
}

/// Posts a new job's announcement in the server's jobs channel. A failure (no access to the
/// channel, say) is logged: the job itself is posted either way.
pub async fn post_announcement(http: &Http, announcement: &Announcement) {
    let body = json::message(&announcement.reply);
    let channel = ChannelId::new(announcement.channel.max(1));
    if let Err(error) = http.send_message(channel, Vec::new(), &body).await {
        tracing::warn!(%error, channel = announcement.channel, "announcing a job failed");
    }
}

/// Registers every command from the one definition, to a guild or globally.
pub async fn register(http: &Http, registration: Registration) -> serenity::Result<usize> {
    let body = commands();
    let commands = match registration {
        Registration::Guild(id) => http.create_guild_commands(GuildId::new(id), &body).await?,
        Registration::Global => http.create_global_commands(&body).await?,
    };
    tracing::info!(count = commands.len(), ?registration, "registered commands");
    Ok(commands.len())
}

/// An HTTP client for Discord's REST API; `base_url` points it elsewhere (a fake Discord in
/// tests), which needs serenity's rate limiter off: it ignores the proxy.
pub fn http_client(token: &str, base_url: Option<&str>, application_id: Option<u64>) -> Http {
    let mut builder = HttpBuilder::new(token);
    if let Some(base) = base_url {
        builder = builder.proxy(base).ratelimiter_disabled(true);
    }
    if let Some(id) = application_id {
        builder = builder.application_id(id.into());
    }
    builder.build()
}

/// Runs `client`'s gateway shards until they stop: `range`'s when this process runs part of
/// the bot's shards, else as many as Discord recommends for the bot.
pub async fn start(client: &mut Client, range: Option<shards::ShardRange>) -> serenity::Result<()> {
    match range {
        // serenity's range includes its end: `start_shard_range(4..7, 10)` starts 4 to 7.
        Some(range) => {
            client
                .start_shard_range(range.first..range.last, range.total)
                .await
        }
        None => client.start_autosharded().await,
    }
}

/// The client, ready to `start()`; `http` decides where REST (and so the gateway URL) goes.
pub async fn client(http: Http, handler: Handler) -> serenity::Result<Client> {
    let intents = handler.intents();
    ClientBuilder::new_with_http(http, intents)
        .event_handler(handler)
        .await
}
