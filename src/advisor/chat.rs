//! Chat-style questions (a mention or a DM): the same engine as `/ask`, plus a short memory
//! per user and channel so that "and the tools?" follows up on the roles just discussed.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use super::intent::{self, Reading};
use super::{answer, Answer, Problem};
use crate::commands::request::Call;
use crate::knowledge::KnowledgeBase;

/// Who is talking where: the key of a conversation.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Speaker {
    pub user: String,
    pub channel: String,
}

/// The roles each speaker discussed last, forgotten after `ttl`, at most `capacity` speakers.
#[derive(Debug)]
pub struct ChatMemory {
    ttl: Duration,
    capacity: usize,
    entries: Mutex<HashMap<Speaker, (Vec<String>, Instant)>>,
}

impl ChatMemory {
    pub fn new(ttl: Duration, capacity: usize) -> ChatMemory {
        ChatMemory {
            ttl,
            capacity: capacity.max(1),
            entries: Mutex::new(HashMap::new()),
        }
    }

    /// The role slugs `speaker` discussed within the last `ttl`.
    pub fn recall(&self, speaker: &Speaker, now: Instant) -> Vec<String> {
        let entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        match entries.get(speaker) {
            Some((roles, at)) if now.saturating_duration_since(*at) < self.ttl => roles.clone(),
            _ => Vec::new(),
        }
    }

    pub fn remember(&self, speaker: &Speaker, roles: Vec<String>, now: Instant) {
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        if entries.len() >= self.capacity && !entries.contains_key(speaker) {
            let ttl = self.ttl;
            entries.retain(|_, (_, at)| now.saturating_duration_since(*at) < ttl);
            if entries.len() >= self.capacity {
                let oldest = entries
                    .iter()
                    .min_by_key(|(_, (_, at))| *at)
                    .map(|(k, _)| k.clone());
                if let Some(oldest) = oldest {
                    entries.remove(&oldest);
                }
            }
        }
        entries.insert(speaker.clone(), (roles, now));
    }
}

/// Answers a chat message from `speaker`, using and updating the conversation memory.
pub fn answer_chat(
    kb: &KnowledgeBase,
    memory: &ChatMemory,
    speaker: &Speaker,
    text: &str,
    now: Instant,
) -> Result<Answer, Problem> {
    let text = strip_mentions(text);
    if text.trim().is_empty() {
        return Err(Problem::Empty);
    }
    let mut reading = intent::read(kb, &text);
    if reading.roles.is_empty() {
        reading = follow_up(reading, memory.recall(speaker, now));
    } else {
        memory.remember(speaker, reading.roles.clone(), now);
    }
    match intent::to_request(&reading, &text) {
        Some(request) => answer(
            kb,
            &Call {
                request,
                private: false,
            },
        ),
        None => intent::ask(kb, &text),
    }
}

/// A question naming no role, read as about the roles discussed last.
fn follow_up(mut reading: Reading, remembered: Vec<String>) -> Reading {
    if remembered.is_empty() {
        return reading;
    }
    reading.roles = remembered;
    if reading.intent == intent::Intent::Compare && reading.roles.len() < 2 {
        reading.intent = intent::Intent::Profile;
    }
    reading
}

/// The text without user, role and channel mentions (`<@123>`, `<@!123>`, `<@&1>`, `<#1>`).
pub fn strip_mentions(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        let tail = &rest[start..];
        let end = tail.find('>');
        let is_mention = end.is_some_and(|end| {
            let inner = &tail[1..end];
            let digits = inner.trim_start_matches(['@', '!', '&', '#']);
            inner.len() > digits.len()
                && !digits.is_empty()
                && digits.bytes().all(|b| b.is_ascii_digit())
        });
        match (is_mention, end) {
            (true, Some(end)) => rest = &tail[end + 1..],
            _ => {
                out.push('<');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out.trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::CommandId;
    use crate::reply::terminal::{render, Colour};
    use std::path::Path;

    fn kb() -> KnowledgeBase {
        KnowledgeBase::from_dir(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/knowledge")))
            .expect("loads")
    }

    fn hear(kb: &KnowledgeBase, memory: &ChatMemory, text: &str, now: Instant) -> Answer {
        let speaker = Speaker {
            user: "u1".into(),
            channel: "c1".into(),
        };
        answer_chat(kb, memory, &speaker, text, now).unwrap_or_else(|p| Answer::Reply(p.reply()))
    }

    fn say(kb: &KnowledgeBase, memory: &ChatMemory, text: &str, now: Instant) -> String {
        match hear(kb, memory, text, now) {
            Answer::Reply(reply) => render(&reply, Colour::Plain),
            board => panic!("{text}: a board answer {board:?}"),
        }
    }

    #[test]
    fn mentions_are_removed_before_reading() {
        assert_eq!(
            strip_mentions("<@123> skills for <@!45>mlops? <#9> <b>"),
            "skills for mlops?  <b>"
        );
    }

    #[test]
    fn a_follow_up_uses_the_roles_just_discussed() {
        let kb = kb();
        let memory = ChatMemory::new(Duration::from_secs(600), 100);
        let now = Instant::now();
        let first = say(&kb, &memory, "<@1> ml engineer vs data specialist", now);
        assert!(
            first.contains("Machine Learning Engineer vs Data Specialist"),
            "{first}"
        );
        let tools = say(
            &kb,
            &memory,
            "and the tools?",
            now + Duration::from_secs(30),
        );
        assert!(tools.contains("— Tools"), "{tools}");
        let salary = hear(
            &kb,
            &memory,
            "what about salary?",
            now + Duration::from_secs(60),
        );
        assert_eq!(
            salary,
            Answer::Board(crate::advisor::BoardCall::Salary {
                role: "machine-learning-engineer".into()
            })
        );
    }

    #[test]
    fn a_salary_question_with_no_role_named_or_remembered_asks_which_role() {
        let kb = kb();
        let memory = ChatMemory::new(Duration::from_secs(600), 100);
        let speaker = Speaker {
            user: "u2".into(),
            channel: "c1".into(),
        };
        let asked = answer_chat(&kb, &memory, &speaker, "what about salary?", Instant::now());
        assert_eq!(asked, Err(Problem::WhichRole(CommandId::Salary)));
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
        memory.remember(&a, vec!["mle".into()], now);
        assert_eq!(memory.recall(&a, now), ["mle"]);
        assert!(memory.recall(&b, now).is_empty());
        assert!(memory.recall(&a, now + Duration::from_secs(61)).is_empty());
    }

    #[test]
    fn memory_is_bounded() {
        let memory = ChatMemory::new(Duration::from_secs(60), 3);
        let now = Instant::now();
        for i in 0..10 {
            let speaker = Speaker {
                user: i.to_string(),
                channel: "c".into(),
            };
            memory.remember(&speaker, vec!["x".into()], now + Duration::from_millis(i));
        }
        let size = memory.entries.lock().map(|e| e.len()).unwrap_or(0);
        assert_eq!(size, 3);
    }
}
