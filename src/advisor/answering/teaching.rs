//! Teaching answers: a server's mentor settings as `/kb setup` shows them, and what
//! `/kb reload` did.

use crate::knowledge::building::reload::{KeptLastGood, ReloadReport, Reloaded};
use crate::knowledge::Warning;
use crate::reply::escape::escape_user_text;
use crate::reply::{bullet_list, colour, count_of, limits, Embed, Reply};
use crate::teaching::forum::{ForumReadiness, Missing};
use crate::teaching::model::TeachingSettings;

/// Who may add and remove the server's articles, and the answer forum with what the forum
/// mode still needs (`forum`: how this process found it; given when a forum is set). Roles
/// and channels are mentions inside an embed, which Discord renders as their names without
/// pinging anyone (and every message carries an empty `allowed_mentions` anyway).
pub fn settings(settings: &TeachingSettings, forum: Option<&ForumReadiness>) -> Reply {
    let teachers = match settings.mentor_role {
        Some(role) => format!("Members with the role <@&{role}>, and members with Manage Server"),
        None => {
            "Members with Manage Server. Name a mentor role with `/kb setup mentor_role:@Mentors`."
                .to_owned()
        }
    };
    let mut embed = Embed::new("Mentor settings").colour(colour::INFO).field(
        "Who may add and remove articles",
        &teachers,
        false,
    );
    embed = match settings.answer_forum {
        Some(channel) => embed.field(
            "Answer forum",
            &format!(
                "<#{channel}>: each new post is answered in its thread when the bot is sure \
                 of the answer, and left alone otherwise. Stop with `/kb setup forum_off:true`."
            ),
            false,
        ),
        None => embed.field(
            "Answer forum",
            "None. Name one with `/kb setup answer_forum:#forum`.",
            false,
        ),
    };
    if let (Some(channel), Some(forum)) = (settings.answer_forum, forum) {
        let missing: Vec<String> = forum
            .missing()
            .iter()
            .map(|need| missing_sentence(need, channel))
            .collect();
        embed = if missing.is_empty() {
            embed.field("Forum mode", "Ready: nothing is missing.", false)
        } else {
            embed.field(
                "Forum mode: missing",
                &limits::clamp(&missing.join("\n"), limits::FIELD_VALUE),
                false,
            )
        };
    }
    Reply::embed(embed).ephemeral(true)
}

/// What to do about one thing the forum mode lacks, as a line.
fn missing_sentence(need: &Missing, channel: u64) -> String {
    match need {
        Missing::Gateway => "• Unavailable here: this bot answers interactions over HTTP only \
            (`rolecall serve-http`), and Discord sends forum posts only over the gateway. \
            Run `rolecall run` on the same database to answer the forum."
            .to_owned(),
        Missing::MessageContent => "• The Message Content intent: turn it on in the Developer \
            Portal (Bot > Privileged Gateway Intents), set `ROLECALL_MESSAGE_CONTENT=true` \
            and restart the bot."
            .to_owned(),
        Missing::NotAForum => {
            format!("• <#{channel}> is not a forum channel of this server: pick a forum.")
        }
        Missing::Permissions(permissions) => format!(
            "• The bot's permissions in <#{channel}>: give it {}.",
            permissions.join(", ")
        ),
        Missing::Unknown => format!(
            "• The bot's permissions in <#{channel}> could not be checked yet (it may have just \
             connected): run `/kb setup` again in a minute."
        ),
    }
}

/// What a reload did, privately for the owner who asked: roles before and after, the
/// servers rebuilt and the warnings (as many as fit), or why the last good base was kept (an
/// error, so the terminal exits 1).
pub fn reloaded(report: &ReloadReport) -> Reply {
    let embed = match report {
        ReloadReport::Reloaded(reloaded) => swapped(reloaded),
        ReloadReport::Kept(kept) => kept_last_good(kept),
    };
    Reply::embed(embed).ephemeral(true)
}

fn swapped(reloaded: &Reloaded) -> Embed {
    let servers: Vec<String> = reloaded
        .servers_rebuilt
        .iter()
        .map(u64::to_string)
        .collect();
    let mut embed = Embed::new("Knowledge base reloaded")
        .colour(colour::INFO)
        .description(&format!(
            "{} read from {}.",
            count_of(reloaded.documents, "document"),
            escape_user_text(&reloaded.origin)
        ))
        .field(
            "Roles",
            &format!("{} → {}", reloaded.roles_before, reloaded.roles_after),
            true,
        )
        .field(
            "Servers rebuilt",
            &if servers.is_empty() {
                "None: no server has articles of its own".to_owned()
            } else {
                bullet_list(&servers, limits::FIELD_VALUE)
            },
            true,
        );
    if !reloaded.servers_kept.is_empty() {
        let kept: Vec<String> = reloaded.servers_kept.iter().map(u64::to_string).collect();
        embed = embed.field(
            "Servers keeping their previous base (see the log)",
            &bullet_list(&kept, limits::FIELD_VALUE),
            false,
        );
    }
    with_warnings(embed, &reloaded.warnings)
}

fn kept_last_good(kept: &KeptLastGood) -> Embed {
    let embed = Embed::new("Kept the last good knowledge base")
        .colour(colour::ERROR)
        .description(&format!(
            "Kept the last good knowledge base ({}): {}.",
            count_of(kept.roles, "role"),
            escape_user_text(&kept.reason)
        ));
    with_warnings(embed, &kept.warnings)
}

/// The warnings as `file:line: message` lines, as many as one field holds.
fn with_warnings(embed: Embed, warnings: &[Warning]) -> Embed {
    if warnings.is_empty() {
        return embed;
    }
    let lines: Vec<String> = warnings
        .iter()
        .map(|warning| escape_user_text(&warning.to_string()))
        .collect();
    embed.field(
        &format!("Warnings ({})", warnings.len()),
        &lines_within(&lines, limits::FIELD_VALUE),
        false,
    )
}

/// `lines` one a line, as written (a file name keeps its case, unlike `bullet_list`'s
/// items), as many as fit in `max` code points with "…and N more" for the rest.
fn lines_within(lines: &[String], max: usize) -> String {
    // Room for "\n…and N more" whenever a line may be left out.
    const MORE: usize = 20;
    let (all, shown) = limits::lines_within(lines, max);
    if shown == lines.len() {
        return all;
    }
    let (some, shown) = limits::lines_within(lines, max.saturating_sub(MORE));
    if shown == 0 {
        return limits::clamp(&lines[0], max);
    }
    format!("{some}\n…and {} more", lines.len() - shown)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn warning(n: usize) -> Warning {
        Warning {
            file: format!("articles/a_{n}.md"),
            line: n,
            message: "a heading names no role".to_owned(),
        }
    }

    #[test]
    fn a_reload_reports_roles_servers_and_warnings_within_limits() {
        let reply = reloaded(&ReloadReport::Reloaded(Reloaded {
            origin: "knowledge".to_owned(),
            documents: 12,
            roles_before: 10,
            roles_after: 11,
            warnings: (1..=500).map(warning).collect(),
            servers_rebuilt: vec![5, 6],
            servers_kept: Vec::new(),
        }));
        assert!(reply.is_ephemeral() && !reply.is_error());
        let text = format!("{reply:?}");
        assert!(
            text.contains("10 → 11") && text.contains("Warnings (500)"),
            "{text}"
        );
        let warnings = &reply.embeds()[0].fields()[2].value;
        assert!(
            warnings.starts_with("articles/a\\_1.md:1: a heading names no role\n"),
            "escaped, as file:line: message: {warnings}"
        );
        assert!(text.contains("more"), "capped: {text}");
        assert!(reply.embeds()[0]
            .fields()
            .iter()
            .all(|f| f.value.chars().count() <= limits::FIELD_VALUE));
    }

    #[test]
    fn a_kept_base_says_why_as_an_error() {
        let reply = reloaded(&ReloadReport::Kept(KeptLastGood {
            reason: "no role found in 1 document(s) from knowledge".to_owned(),
            roles: 10,
            warnings: Vec::new(),
        }));
        assert!(reply.is_ephemeral() && reply.is_error());
        let description = reply.embeds()[0].description_text();
        assert!(
            description.starts_with("Kept the last good knowledge base (10 roles): no role found"),
            "{description}"
        );
    }

    #[test]
    fn the_mentor_role_is_named_privately() {
        let set = settings(
            &TeachingSettings {
                mentor_role: Some(777),
                answer_forum: None,
            },
            None,
        );
        assert!(set.is_ephemeral());
        assert!(format!("{set:?}").contains("<@&777>"));
        let unset = format!("{:?}", settings(&TeachingSettings::default(), None));
        assert!(unset.contains("/kb setup mentor_role:"), "{unset}");
        assert!(unset.contains("/kb setup answer_forum:"), "{unset}");
    }

    #[test]
    fn the_answer_forum_comes_with_what_it_still_needs() {
        use crate::teaching::forum::{Connection, InForum};
        let forum = TeachingSettings {
            mentor_role: None,
            answer_forum: Some(555),
        };
        let field = |reply: &Reply, name: &str| {
            reply.embeds()[0]
                .fields()
                .iter()
                .find(|f| f.name == name)
                .map(|f| f.value.clone())
        };
        let over_http = settings(&forum, Some(&ForumReadiness::NO_GATEWAY));
        let missing = field(&over_http, "Forum mode: missing").expect("what is missing");
        assert!(
            missing.contains("Unavailable here") && missing.contains("rolecall run"),
            "{missing}"
        );
        let lacking = ForumReadiness {
            connection: Connection::Gateway {
                message_content: false,
            },
            in_forum: Some(InForum::Lacks(vec!["Send Messages in Threads"])),
        };
        let missing = field(&settings(&forum, Some(&lacking)), "Forum mode: missing")
            .expect("what is missing");
        assert!(
            missing.contains("ROLECALL_MESSAGE_CONTENT=true")
                && missing.contains("<#555>: give it Send Messages in Threads"),
            "{missing}"
        );
        let ready = ForumReadiness {
            connection: Connection::Gateway {
                message_content: true,
            },
            in_forum: Some(InForum::CanAnswer),
        };
        let ready = settings(&forum, Some(&ready));
        assert!(field(&ready, "Forum mode").is_some_and(|v| v.starts_with("Ready")));
        assert!(field(&ready, "Answer forum").is_some_and(|v| v.starts_with("<#555>")));
    }
}
