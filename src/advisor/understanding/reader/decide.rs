//! From a question's evidence to its reading: the scorer chooses the intent among those the
//! question can be answered as, and the evidence fills the slots.

use super::features::features;
use super::scorer::Scorer;
use super::*;
use crate::knowledge::lookup::mentions::never_in_a_name;
use crate::knowledge::reading::lines::ROLE_NOUNS;
use crate::knowledge::text::words::split_words;

/// Readings at most this much less likely than the first (and at least half as likely) are
/// offered beside it.
const CLOSE: f32 = 0.2;
/// A first reading at least this likely is taken without asking.
const SURE: f32 = 0.6;

/// What the question's evidence says before an intent is chosen, which every reading's
/// slots are filled from.
struct Context<'e> {
    plain: Vec<&'e str>,
    /// Roles named.
    n: usize,
    aspect: Option<Section>,
    moving: bool,
    qualification: bool,
    /// "I'm a backend developer, how do I get into MLOps?": a move to the one role named,
    /// from a background the articles do not profile.
    from_background: bool,
    /// "been an MLE for 4 years, how do I step up to lead?": the role's senior form.
    step_up: Option<String>,
}

impl<'e> Context<'e> {
    fn of(kb: &KnowledgeBase, e: &'e Evidence) -> Context<'e> {
        let plain: Vec<&str> = e.words.iter().map(|w| w.text.as_str()).collect();
        let n = e.roles.len();
        // "What does X do?", "what does X analyse?": asks what the role does.
        let aspect = e
            .aspects
            .first()
            .copied()
            .or(asks_what_it_does(e).then_some(Section::Responsibilities));
        let moving =
            e.has(Ask::Move) || e.has(Ask::Become) || (e.has(Ask::From) && !e.has(Ask::Compare));
        let from_background = e.background.is_some()
            && n == 1
            && !e.has(Ask::Compare)
            // "Does a backend developer need Python?" asks about the thing.
            && (!e.yes_no_form || e.items.is_empty())
            && (moving || matches!(aspect, None | Some(Section::Tips | Section::Skills)));
        Context {
            n,
            aspect,
            moving,
            qualification: e.items.iter().any(|i| is_qualification(i)),
            from_background,
            step_up: (n == 1 && moving).then(|| senior_form(kb, e)).flatten(),
            plain,
        }
    }
}

/// Chooses the intent the scorer finds most likely among those the question can be
/// answered as, and fills the reading's slots for it; readings nearly as likely, when the
/// first is not clearly ahead, go beside it as alternatives to offer.
pub(super) fn decide(kb: &KnowledgeBase, e: &Evidence) -> Reading {
    let context = Context::of(kb, e);
    let ranked = Scorer::shipped()
        .scores(&features(e))
        .ranked(|intent| can_answer(intent, e, &context));
    let Some(&(first, likelihood)) = ranked.first() else {
        return fill(kb, e, &context, Intent::Unknown);
    };
    let reading = needs_a_role(kb, e, &context, fill(kb, e, &context, first));
    if reading.intent != first || likelihood >= SURE || !offered(first) {
        return reading;
    }
    let alternatives = ranked[1..]
        .iter()
        .filter(|(intent, score)| {
            likelihood - score < CLOSE && *score >= likelihood / 2.0 && offered(*intent)
        })
        .take(2)
        .map(|(intent, _)| fill(kb, e, &context, *intent))
        .collect();
    Reading {
        alternatives,
        ..reading
    }
}

/// Whether a reading with `intent` is worth offering as a choice: not "I don't know", nor a
/// question back.
fn offered(intent: Intent) -> bool {
    !matches!(intent, Intent::Unknown | Intent::Clarify | Intent::Help)
}

/// The reading of `e` as asking `intent`, its slots filled.
fn fill(kb: &KnowledgeBase, e: &Evidence, context: &Context, intent: Intent) -> Reading {
    let Context {
        plain,
        n,
        aspect,
        moving,
        qualification,
        from_background,
        ..
    } = context;
    let (n, aspect, moving) = (*n, *aspect, *moving);
    let mut reading = Reading {
        items: e.items.clone(),
        quality: e.quality,
        ..Reading::new(intent, e.roles.clone())
    };
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
            reading.aspect = if e.quality.is_some() { None } else { aspect };
        }
        Intent::YesNo => {
            reading.aspect = qualification.then_some(Section::Education);
            reading.roles.truncate(1);
        }
        Intent::Path if context.step_up.is_some() => {
            reading.roles.truncate(1);
            reading.roles.extend(context.step_up.clone());
        }
        Intent::Path if *from_background => {
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
            reading.name_part = name_part(kb, plain, true).map(|(part, _)| part);
        }
        Intent::Jobs => {
            reading.level = level(plain, &e.mentions);
            reading.remote = remote(plain);
        }
        _ => {}
    }
    reading
}

/// A reading that needs a role the question does not clearly name asks which one.
fn needs_a_role(
    kb: &KnowledgeBase,
    e: &Evidence,
    context: &Context,
    mut reading: Reading,
) -> Reading {
    let (n, aspect, moving, plain) = (context.n, context.aspect, context.moving, &context.plain);
    let intent = reading.intent;
    // A role the articles do not have ("what does a data engineer do?"): which of those they
    // have is meant, never one of them in silence.
    if n == 0 && !e.which_roles_form {
        if let Some(unknown) = unknown_role(kb, e) {
            let open = matches!(
                reading.intent,
                Intent::Unknown | Intent::Search | Intent::Clarify
            ) || (reading.intent == Intent::Reverse && e.yes_no_form);
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
    let wants_a_role = matches!(intent, Intent::Salary | Intent::Clarify)
        || (n == 0
            && e.entities == 0
            && (aspect.is_some() || moving || e.has(Ask::About))
            && matches!(intent, Intent::Unknown | Intent::Search));
    if n == 0 && wants_a_role {
        let part = name_part(kb, plain, false);
        let wanted = if intent == Intent::Salary || e.has(Ask::Salary) {
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

/// Whether a reading with `intent` can be answered from what the question names: a
/// comparison needs two roles (or one named twice, refused as `/compare mle mle` is), a
/// question about a role needs one (and an aspect of it, an aspect), a yes/no needs the
/// thing asked about.
fn can_answer(intent: Intent, e: &Evidence, context: &Context) -> bool {
    let roles = e.roles.len();
    let items = !e.items.is_empty();
    if e.words.is_empty() {
        return intent == Intent::Unknown;
    }
    match intent {
        Intent::Compare => roles >= 2 || (roles == 1 && e.mentions.len() >= 2),
        Intent::Path | Intent::Profile => roles >= 1,
        Intent::Aspect => roles >= 1 && (context.aspect.is_some() || context.moving),
        Intent::YesNo => roles >= 1 && items,
        Intent::Reverse => roles == 0 && items,
        Intent::Search | Intent::Clarify => roles == 0,
        Intent::Match
        | Intent::Salary
        | Intent::Jobs
        | Intent::Roles
        | Intent::Stats
        | Intent::Help
        | Intent::Unknown => true,
    }
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
