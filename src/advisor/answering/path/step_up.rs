//! A step up in the same line of work (Machine Learning Engineer → Lead Machine Learning
//! Engineer): the skills mostly stay, so a path that opens with tools to learn misleads.
//! What the target's facts say and the other role's do not (leading, mentoring, owning
//! design) comes first, and the soft and management skills lead what to learn.

use crate::advisor::reader::quality::{quality, uses_any};
use crate::advisor::shown;
use crate::knowledge::reading::lines::sentences;
use crate::knowledge::text::words::normalize;
use crate::knowledge::{Category, Competency, KnowledgeBase, Role, Section};

/// Words of a fact about taking the lead, besides those of the leadership quality.
const OWNING: [&str; 9] = [
    "architecture",
    "strategy",
    "strategic",
    "own",
    "owning",
    "decisions",
    "guide",
    "guidance",
    "senior",
];

/// Whether `to` is `from` one step up: its name holds `from`'s name as its last words and
/// more before them ("Lead Machine Learning Engineer" after "Machine Learning Engineer").
pub(super) fn is_step_up(from: &Role, to: &Role) -> bool {
    let (from, to) = (normalize(&from.name), normalize(&to.name));
    to.len() > from.len() && to.ends_with(&format!(" {from}"))
}

/// What the target's facts say about leading and owning that the other role's do not,
/// responsibilities first.
pub(super) fn what_changes(kb: &KnowledgeBase, from: &Role, to: &Role) -> Vec<String> {
    let leading = quality("leadership").map_or(&[][..], |q| q.evidence);
    // "Lead" in "Lead Machine Learning Engineer" names the role; it says nothing of leading.
    let to_id = kb.id_of(to);
    let without_names = |text: &str| {
        let mut out = text.to_owned();
        for (span, id) in kb.role_names_in(text) {
            if Some(id) == to_id {
                out.replace_range(span.clone(), &" ".repeat(span.len()));
            }
        }
        out
    };
    let speaks_of_leading = |text: &str| {
        let text = without_names(text);
        uses_any(&text, leading) || uses_any(&text, &OWNING)
    };
    let mut changes: Vec<String> = Vec::new();
    for section in [
        Section::Definition,
        Section::Responsibilities,
        Section::Skills,
        Section::Differences,
    ] {
        let theirs: Vec<String> = shown::texts(kb, from, section, &[from])
            .iter()
            .map(|text| normalize(text))
            .collect();
        // As far as each fact is about the target: "leading a team of data scientists" also
        // speaks of another role, and is not shown here.
        for text in shown::texts(kb, to, section, &[to]) {
            // A definition says what the role is; only its sentences about leading change.
            for part in sentences(&text) {
                let new = !theirs.contains(&normalize(part));
                if new && speaks_of_leading(part) && !changes.iter().any(|c| c == part) {
                    changes.push(part.to_owned());
                }
            }
        }
    }
    changes
}

/// Soft and management skills first: one step up, they are the difference.
pub(super) fn leading_first(learn: &mut [&Competency]) {
    learn.sort_by_key(|c| !matches!(c.category, Category::SoftSkill | Category::Management));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::reading::source::embedded_documents;

    #[test]
    fn a_lead_role_is_a_step_up_and_its_leading_facts_come_first() {
        let kb = KnowledgeBase::from_documents(&embedded_documents(), "test").expect("roles");
        let engineer = kb.resolve("ml engineer").expect("a role");
        let lead = kb.resolve("lead ml engineer").expect("a role");
        assert!(is_step_up(engineer, lead));
        assert!(!is_step_up(lead, engineer));
        assert!(!is_step_up(
            engineer,
            kb.resolve("mlops engineer").expect("a role")
        ));
        let changes = what_changes(&kb, engineer, lead);
        // Not the definition's first sentence, whose "Lead" is the role's name.
        assert!(
            changes.iter().any(|c| c.contains("leadership")),
            "{changes:?}"
        );
        assert!(
            !changes.iter().any(|c| c.starts_with("A Lead Machine")),
            "{changes:?}"
        );
        for change in &changes {
            let lower = change.to_lowercase();
            assert!(
                [
                    "lead",
                    "mentor",
                    "manag",
                    "oversee",
                    "team",
                    "architect",
                    "strateg",
                    "own",
                    "guid",
                    "senior"
                ]
                .iter()
                .any(|w| lower.contains(w)),
                "{change}"
            );
        }
    }
}
