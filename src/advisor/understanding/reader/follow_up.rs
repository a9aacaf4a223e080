//! What a follow-up keeps of the conversation's last topic: "and the tools?" keeps its
//! roles, "what about for a data scientist?" its aspect or intent, "and for data
//! scientists?" after a yes/no its thing.

use super::*;

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
            // "which one pays more?": the pay of the roles talked about.
            Intent::Clarify | Intent::Unknown if e.has(Ask::Salary) => Intent::Salary,
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
            // "does an MLE need a PhD?" then "and for data scientists?": the same thing.
            Some(Intent::YesNo) if e.items.is_empty() && !previous.items.is_empty() => {
                reading.intent = Intent::YesNo;
                reading.items = previous.items.clone();
                reading.aspect = previous.aspect;
            }
            Some(Intent::Aspect | Intent::Compare) if previous.aspect.is_some() => {
                reading.intent = Intent::Aspect;
                reading.aspect = previous.aspect;
            }
            _ => {}
        }
    }
}
