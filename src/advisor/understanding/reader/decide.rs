//! The rules that turn a question's evidence into a reading, in the order they win, and
//! what a follow-up keeps of the last topic.

use super::quality::quality_asked;
use super::*;
use crate::knowledge::lookup::mentions::never_in_a_name;
use crate::knowledge::reading::lines::ROLE_NOUNS;
use crate::knowledge::text::words::split_words;

/// Decides the intent and fills the reading, by rules in the order they win.
pub(super) fn decide(kb: &KnowledgeBase, e: &Evidence) -> Reading {
    let plain: Vec<&str> = e.words.iter().map(|w| w.text.as_str()).collect();
    let n = e.roles.len();
    // "What does X do?", "what does X analyse?": asks what the role does.
    let ends_on_do = asks_what_it_does(e);
    let aspect = e
        .aspects
        .first()
        .copied()
        .or(ends_on_do.then_some(Section::Responsibilities));
    let moving =
        e.has(Ask::Move) || e.has(Ask::Become) || (e.has(Ask::From) && !e.has(Ask::Compare));
    let qualification = e.items.iter().any(|i| is_qualification(i));
    let mut reading = Reading {
        intent: Intent::Unknown,
        roles: e.roles.clone(),
        aspect: None,
        items: e.items.clone(),
        candidates: Vec::new(),
        wanted: None,
        name_part: None,
        level: None,
        remote: None,
        background: None,
        quality: None,
    };
    let role_words = plain
        .iter()
        .any(|w| matches!(singular(w).as_ref(), "role" | "career" | "position"));
    let wh = matches!(
        plain.first(),
        Some(&("what" | "which" | "how" | "where" | "who" | "when" | "why"))
    );
    // "I'm a backend developer, how do I get into MLOps?": a move to the one role named,
    // from a background the articles do not profile.
    let from_background = e.background.is_some()
        && n == 1
        && !e.has(Ask::Compare)
        // "Does a backend developer need Python?" asks about the thing.
        && (!e.yes_no_form || e.items.is_empty())
        && (moving || matches!(aspect, None | Some(Section::Tips | Section::Skills)));
    // "been an MLE for 4 years, how do I step up to lead?": the role's senior form.
    let step_up = (n == 1 && moving).then(|| senior_form(kb, e)).flatten();
    let quality = quality_asked(&plain);
    reading.quality = quality;
    let intent = if e.words.is_empty() {
        Intent::Unknown
    } else if e.has(Ask::Help) && n == 0 && e.items.is_empty() && !asks_for_something(e) {
        Intent::Help
    } else if e.has(Ask::Stats) && n == 0 {
        Intent::Stats
    } else if quality.is_some() && n >= 2 {
        // "Which is more hands-on, A or B?": a comparison, whatever else its words ask.
        Intent::Compare
    } else if e.has(Ask::Salary) {
        Intent::Salary
    } else if from_background || step_up.is_some() {
        Intent::Path
    } else if n == 1 && aspect == Some(Section::Outlook) && !moving && !qualification {
        // "Will data specialists get automated?", "job prospects for X": the outlook, not
        // a yes/no on "AI" nor the job board.
        Intent::Aspect
    } else if e.has(Ask::Jobs) && !e.has(Ask::Fit) && !e.which_roles_form {
        Intent::Jobs
    } else if n >= 2 && e.has(Ask::Fit) && !moving {
        // "ML engineer or data scientist, which should I pick?": a choice between the two.
        Intent::Compare
    } else if e.has(Ask::Fit) || (moving && n == 1 && !e.items.is_empty() && !qualification) {
        if n >= 1 {
            Intent::Path
        } else {
            Intent::Match
        }
    } else if moving && n >= 2 {
        Intent::Path
    } else if n >= 2 && !e.yes_no_form {
        Intent::Compare
    } else if n == 1 && e.mentions.len() >= 2 && e.has(Ask::Compare) {
        // "mle vs mle": one role named twice, refused as `/compare mle mle` is.
        Intent::Compare
    } else if n >= 1 && !e.items.is_empty() && (e.yes_no_form || (e.has(Ask::Need) && !wh)) {
        Intent::YesNo
    } else if n >= 1 && !e.items.is_empty() && wh && aspect.is_some() {
        // "What degree does X need?": which one, not whether.
        Intent::Aspect
    } else if n == 0 && !e.items.is_empty() && (e.which_roles_form || e.has(Ask::Need)) {
        Intent::Reverse
    } else if n == 0
        && (e.has(Ask::List) || (role_words && e.items.is_empty() && aspect.is_none() && !moving))
    {
        Intent::Roles
    } else if n == 1 && (moving || aspect.is_some()) {
        Intent::Aspect
    } else if n == 1 {
        Intent::Profile
    } else if n >= 2 {
        Intent::Compare
    } else if !e.items.is_empty() && !qualification {
        Intent::Search
    } else {
        Intent::Unknown
    };
    reading.intent = intent;
    match intent {
        Intent::Aspect => {
            reading.aspect = aspect.or(moving.then_some(Section::Tips));
        }
        Intent::Compare => {
            reading.roles.truncate(2);
            if e.mentions.len() >= 2 && n == 1 {
                // "mle vs mle": the same role twice, refused as `/compare mle mle` is.
                reading.roles.push(e.roles[0].clone());
            }
            reading.aspect = if quality.is_some() { None } else { aspect };
        }
        Intent::YesNo => {
            reading.aspect = qualification.then_some(Section::Education);
            reading.roles.truncate(1);
        }
        Intent::Path if step_up.is_some() => {
            reading.roles.truncate(1);
            reading.roles.extend(step_up);
        }
        Intent::Path if from_background => {
            reading.background = e.background.map(|b| b.key.clone());
            reading.roles.truncate(1);
        }
        Intent::Path => {
            // From skills: the role named is where the asker wants to go.
            if n == 1 || !e.from_role && e.has(Ask::Fit) {
                reading.roles.truncate(1);
            }
            reading.roles.truncate(2);
        }
        Intent::Roles => {
            reading.name_part = name_part(kb, &plain, true).map(|(part, _)| part);
        }
        Intent::Jobs => {
            reading.level = level(&plain, &e.mentions);
            reading.remote = remote(&plain);
        }
        _ => {}
    }
    // A role the articles do not have ("what does a data engineer do?"): which of those they
    // have is meant, never one of them in silence.
    if n == 0 && !e.which_roles_form {
        if let Some(unknown) = unknown_role(kb, e) {
            let open = matches!(reading.intent, Intent::Unknown | Intent::Search)
                || (reading.intent == Intent::Reverse && e.yes_no_form);
            if open {
                reading.intent = Intent::Clarify;
                reading.wanted = Some(if aspect.is_some() || moving {
                    Intent::Aspect
                } else {
                    Intent::Profile
                });
                reading.aspect = aspect.or(moving.then_some(Section::Tips));
                reading.candidates = kb
                    .closest(&unknown, 5)
                    .into_iter()
                    .map(|role| role.slug.clone())
                    .collect();
                reading.name_part = Some(unknown);
                return reading;
            }
        }
    }
    // A question that needs a role and names none clearly asks which one.
    // A skill or tool named with no role is a search or a reverse question, not a role to
    // ask for ("what is feature engineering?").
    let wants_a_role = intent == Intent::Salary
        || (n == 0
            && e.entities == 0
            && (aspect.is_some() || moving || e.has(Ask::About))
            && matches!(intent, Intent::Unknown | Intent::Search));
    if n == 0 && wants_a_role {
        let part = name_part(kb, &plain, false);
        let wanted = if intent == Intent::Salary {
            Intent::Salary
        } else if aspect.is_some() || moving {
            Intent::Aspect
        } else {
            Intent::Profile
        };
        if part.is_some() || wanted != Intent::Profile {
            reading.intent = Intent::Clarify;
            reading.wanted = Some(wanted);
            reading.aspect = (wanted == Intent::Aspect).then(|| aspect.unwrap_or(Section::Tips));
            if let Some((part, roles)) = part {
                reading.name_part = Some(part);
                reading.candidates = roles.iter().map(|s| s.to_string()).collect();
            }
        } else if intent == Intent::Unknown
            && crate::advisor::search::has_hits(kb, &question_text(e))
        {
            reading.intent = Intent::Search;
        }
    }
    reading
}

/// The senior form of the one role named, when the question names a seniority on its own
/// ("lead", "senior") and the articles have that role ("Lead Machine Learning Engineer").
fn senior_form(kb: &KnowledgeBase, e: &Evidence) -> Option<String> {
    let mention = e.mentions.first()?;
    let in_a_name = |i: usize| e.mentions.iter().any(|m| m.words.contains(&i));
    let seniority = e
        .words
        .iter()
        .enumerate()
        .find(|(i, w)| {
            !in_a_name(*i) && matches!(w.text.as_str(), "lead" | "senior" | "principal" | "staff")
        })?
        .1;
    let role = mention.role;
    std::iter::once(&role.name)
        .chain(&role.aliases)
        .find_map(|name| kb.exact(&format!("{} {name}", seniority.text)))
        .filter(|senior| senior.slug != role.slug)
        .map(|senior| senior.slug.clone())
}

/// A run of words that names a role the articles do not have: up to three words, none a
/// stop word, ending in a role noun ("data engineer", "AI engineers",
/// "scientist").
fn unknown_role(kb: &KnowledgeBase, e: &Evidence) -> Option<String> {
    let end = e
        .words
        .iter()
        .position(|w| ROLE_NOUNS.contains(&w.one.as_str()))?;
    let free = |w: &Word| !never_in_a_name(&w.text);
    let start = (end.saturating_sub(2)..=end)
        .find(|&start| {
            e.words[start..end].iter().all(free)
                && !e.words[start + 1..=end].iter().any(|w| w.after_break)
        })
        .unwrap_or(end);
    let words: Vec<&str> = e.words[start..=end]
        .iter()
        .map(|w| w.text.as_str())
        .collect();
    let phrase = words.join(" ");
    kb.exact(&phrase).is_none().then_some(phrase)
}

/// "What does X do?", "what do Xs analyse?": "what does/do", a role (or a part of a role's
/// name), then at most two words that are neither cues nor items.
fn asks_what_it_does(e: &Evidence) -> bool {
    let words: Vec<&str> = e.words.iter().map(|w| w.text.as_str()).collect();
    // "dose", "doe": typed in a hurry.
    if !matches!(
        words.as_slice(),
        ["what", "does" | "do" | "dose" | "doe" | "dos", ..]
    ) {
        return false;
    }
    let after_role = e.mentions.last().map_or(3, |m| m.words.end);
    let tail = words.len().saturating_sub(after_role);
    let last_is_do = words.last() == Some(&"do");
    (1..=2).contains(&tail) && (last_is_do || e.items.is_empty())
}

/// Whether the question asks for something a command answers, which "help" only adds to
/// ("help me find remote jobs").
fn asks_for_something(e: &Evidence) -> bool {
    [
        Ask::Jobs,
        Ask::Salary,
        Ask::Fit,
        Ask::Move,
        Ask::Become,
        Ask::Compare,
    ]
    .iter()
    .any(|ask| e.has(*ask))
        || !e.aspects.is_empty()
}

/// The question's words, as searched.
fn question_text(e: &Evidence) -> String {
    let words: Vec<&str> = e.words.iter().map(|w| w.text.as_str()).collect();
    words.join(" ")
}

/// Whether an item is a qualification ("PhD", "master's degree").
pub fn is_qualification(item: &str) -> bool {
    crate::knowledge::lookup::terms::is_qualification(item)
        || split_words(item).any(|w| QUALIFICATIONS.contains(&singular(w).as_ref()))
}

/// A question that names no role, read as about the conversation's last topic: "and the
/// tools?" keeps the roles and takes the aspect; "what about for a data scientist?" keeps
/// the aspect (or the intent) and takes the role.
pub(super) fn follow_up(reading: &mut Reading, e: &Evidence, previous: &Topic) {
    // "which needs more maths?" after two roles: the same two, by that quality.
    if reading.quality.is_some() && reading.roles.is_empty() && previous.roles.len() >= 2 {
        reading.intent = Intent::Compare;
        reading.roles = previous.roles[..2].to_vec();
        reading.items.clear();
        return;
    }
    // "and ML scientists?": a short question opening with "and" goes on from the last one.
    let goes_on = e.has(Ask::Follow)
        || (e.words.len() <= 5 && e.words.first().is_some_and(|w| w.text == "and"));
    let follows = goes_on || e.words.len() <= 4;
    if previous.roles.is_empty() || !follows && !reading.roles.is_empty() {
        return;
    }
    if reading.roles.is_empty() {
        let open = matches!(
            reading.intent,
            Intent::Clarify | Intent::Unknown | Intent::Salary | Intent::Search | Intent::Jobs
        ) || (reading.intent == Intent::Roles && e.items.is_empty());
        if !open && !follows {
            return;
        }
        reading.roles = previous.roles.clone();
        reading.candidates.clear();
        let aspect = e.aspects.first().copied().or(previous.aspect);
        // A clarifying question would have asked which role; the topic says.
        let asked = match reading.intent {
            Intent::Clarify => reading.wanted.unwrap_or(Intent::Profile),
            other => other,
        };
        reading.intent = match asked {
            Intent::Salary => Intent::Salary,
            Intent::Jobs => Intent::Jobs,
            _ if reading.roles.len() >= 2 => Intent::Compare,
            _ if e.aspects.is_empty() && previous.intent == Some(Intent::Profile) => {
                Intent::Profile
            }
            _ if aspect.is_some() => Intent::Aspect,
            _ => previous.intent.unwrap_or(Intent::Profile),
        };
        reading.roles.truncate(2);
        if matches!(reading.intent, Intent::Aspect | Intent::Compare) {
            reading.aspect = aspect;
        }
        if reading.intent == Intent::Aspect {
            reading.roles.truncate(1);
        }
        return;
    }
    // One new role in a follow-up keeps what was asked about the last one: a comparison
    // goes on with the new role in place of the second.
    if reading.roles.len() == 1 && goes_on && e.aspects.is_empty() {
        match previous.intent {
            Some(Intent::Compare) if previous.roles.len() >= 2 => {
                let first = previous.roles[0].clone();
                if first != reading.roles[0] {
                    reading.roles.insert(0, first);
                    reading.intent = Intent::Compare;
                    reading.aspect = previous.aspect;
                }
            }
            Some(Intent::Salary) => reading.intent = Intent::Salary,
            Some(Intent::Aspect | Intent::Compare) if previous.aspect.is_some() => {
                reading.intent = Intent::Aspect;
                reading.aspect = previous.aspect;
            }
            _ => {}
        }
    }
}

/// The seniority asked for, as a `level` key: a word of a level's label ("entry", "junior",
/// "senior", "director"…) that is not part of a role's name.
fn level(words: &[&str], mentions: &[Mention]) -> Option<&'static str> {
    let in_a_role_name = |i: usize| mentions.iter().any(|m| m.words.contains(&i));
    words
        .iter()
        .enumerate()
        .filter(|(i, _)| !in_a_role_name(*i))
        .find_map(|(_, word)| {
            LEVELS
                .iter()
                .find(|level| {
                    normalize(level.label)
                        .split(' ')
                        .any(|label| label != "level" && label == singular(word).as_ref())
                })
                .map(|level| level.key)
        })
}

/// Remote (true) or on-site (false) work asked for; neither, or both, is no filter.
fn remote(words: &[&str]) -> Option<bool> {
    let has = |phrase: &str| {
        let wanted: Vec<&str> = phrase.split(' ').collect();
        words.windows(wanted.len()).any(|w| w == wanted.as_slice())
    };
    let remote = ["remote", "remotely", "wfh", "work from home"]
        .iter()
        .any(|p| has(p));
    let on_site = ["on site", "onsite", "in office", "in person"]
        .iter()
        .any(|p| has(p));
    match (remote, on_site) {
        (true, false) => Some(true),
        (false, true) => Some(false),
        _ => None,
    }
}
