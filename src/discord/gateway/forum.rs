//! The forum mode on the gateway: which messages are forum posts or follow-ups in an answer
//! forum's threads (the thread's forum from serenity's cache, which the Guilds intent fills,
//! else from Discord), and what the cache says of the bot's permissions in a forum.

use std::sync::Arc;
use std::time::Instant;

use serenity::all::{
    Cache, ChannelId, ChannelType, Context, GuildId, Message, Permissions, UserId,
};

use super::super::{json, ChatMessage};
use super::Handler;
use crate::service::forum::ForumPost;
use crate::service::unix_now;
use crate::teaching::forum::{Connection, ForumProbe, ForumReadiness, InForum};

/// What the bot needs in a forum to answer its posts, with the names Discord shows: to see
/// it, to post in its threads, to reply to the post (a reply needs the history) and to show
/// its answers' embeds.
const NEEDED: [(Permissions, &str); 4] = [
    (Permissions::VIEW_CHANNEL, "View Channel"),
    (
        Permissions::SEND_MESSAGES_IN_THREADS,
        "Send Messages in Threads",
    ),
    (Permissions::READ_MESSAGE_HISTORY, "Read Message History"),
    (Permissions::EMBED_LINKS, "Embed Links"),
];

/// The gateway's view of each server, from serenity's cache.
#[derive(Debug)]
pub struct CacheProbe {
    pub cache: Arc<Cache>,
    pub me: UserId,
    pub message_content: bool,
}

impl ForumProbe for CacheProbe {
    fn readiness(&self, guild: u64, forum: u64) -> ForumReadiness {
        ForumReadiness {
            connection: Connection::Gateway {
                message_content: self.message_content,
            },
            in_forum: Some(self.in_forum(guild, forum)),
        }
    }
}

impl CacheProbe {
    fn in_forum(&self, guild: u64, forum: u64) -> InForum {
        // `new` panics on 0, which no server or channel has.
        if guild == 0 || forum == 0 {
            return InForum::NotAForum;
        }
        let (guild, forum) = (GuildId::new(guild), ChannelId::new(forum));
        let Some(guild) = self.cache.guild(guild) else {
            return InForum::Unknown;
        };
        let Some(channel) = guild.channels.get(&forum) else {
            return InForum::NotAForum;
        };
        if channel.kind != ChannelType::Forum {
            return InForum::NotAForum;
        }
        let Some(member) = guild.members.get(&self.me) else {
            return InForum::Unknown;
        };
        let granted = guild.user_permissions_in(channel, member);
        let lacks: Vec<&'static str> = NEEDED
            .iter()
            .filter(|(permission, _)| !granted.contains(*permission))
            .map(|(_, name)| *name)
            .collect();
        if lacks.is_empty() {
            InForum::CanAnswer
        } else {
            InForum::Lacks(lacks)
        }
    }
}

/// A thread, as far as the forum mode needs it.
struct Thread {
    parent: u64,
    name: Option<String>,
}

/// The thread `channel` of `guild` is, if it is one: from the cache, or (when the cache does
/// not know the channel, e.g. a message that came before its THREAD_CREATE) from Discord.
async fn thread_of(ctx: &Context, guild: GuildId, channel: ChannelId) -> Option<Thread> {
    let cached = ctx.cache.guild(guild).map(|guild| {
        let thread = guild.threads.iter().find(|thread| thread.id == channel);
        let known = thread.is_some() || guild.channels.contains_key(&channel);
        (
            known,
            thread.and_then(|t| Some((t.parent_id?.get(), t.name.clone()))),
        )
    });
    match cached {
        Some((_, Some((parent, name)))) => Some(Thread {
            parent,
            name: Some(name),
        }),
        // A channel of the server that is no thread.
        Some((true, None)) => None,
        _ => match ctx.http.get_channel(channel).await {
            Ok(serenity::all::Channel::Guild(fetched)) if fetched.thread_metadata.is_some() => {
                Some(Thread {
                    parent: fetched.parent_id?.get(),
                    name: Some(fetched.name),
                })
            }
            Ok(_) => None,
            Err(error) => {
                tracing::warn!(%error, "cannot tell which forum a thread is in");
                None
            }
        },
    }
}

impl Handler {
    /// Answers `message` if it is the forum mode's: a new post in the server's answer forum
    /// (its starter message, whose id is the thread's), or a follow-up in such a thread that
    /// mentions the bot or replies to it. Returns whether it was, so chat leaves it alone.
    pub(super) async fn forum_message(&self, ctx: &Context, message: &Message) -> bool {
        let Some(guild) = message.guild_id else {
            return false;
        };
        let Some(&me) = self.me.get() else {
            return false;
        };
        let is_post = message.id.get() == message.channel_id.get();
        let addressed = message.mentions_user_id(me)
            || message
                .referenced_message
                .as_ref()
                .is_some_and(|replied| replied.author.id == me);
        if !is_post && !addressed {
            return false;
        }
        let Some(thread) = thread_of(ctx, guild, message.channel_id).await else {
            return false;
        };
        let service = self.bot.service();
        if service.answer_forum(guild.get()).await != Some(thread.parent) {
            return false;
        }
        let reply = if is_post {
            let author = message.author.id.to_string();
            let post = ForumPost {
                guild: guild.get(),
                forum: thread.parent,
                thread: message.channel_id.get(),
                title: thread.name.as_deref(),
                text: &message.content,
                author: &author,
            };
            match self.bot.forum_post(&post, Instant::now(), unix_now()).await {
                Some(reply) => reply,
                None => return true,
            }
        } else {
            let (user, channel) = (
                message.author.id.to_string(),
                message.channel_id.to_string(),
            );
            let guild_id = guild.to_string();
            let chat = ChatMessage {
                user: &user,
                channel: &channel,
                guild: Some(&guild_id),
                text: &message.content,
            };
            let thread_id = message.channel_id.get();
            self.bot
                .forum_follow_up(chat, thread_id, Instant::now(), unix_now())
                .await
                .reply
        };
        let question = message.id.to_string();
        let body = json::chat_reply(&reply, &question);
        match ctx
            .http
            .send_message(message.channel_id, Vec::new(), &body)
            .await
        {
            Ok(sent) if is_post => {
                service
                    .forum_answer_posted(guild.get(), message.channel_id.get(), sent.id.get())
                    .await;
            }
            Ok(_) => {}
            Err(error) => tracing::warn!(%error, "answering in a forum thread failed"),
        }
        true
    }
}
