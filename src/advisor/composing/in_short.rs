//! The point of an answer in a line or three, from the knowledge base only: what a role is
//! for, the skills and tools that set one role apart from another, and what a person coming
//! from the other side would learn first.

use crate::knowledge::{Category, Competency, Role};
use crate::reply::limits;

/// Items named per role where a line names "what sets it apart".
const APART: usize = 3;
/// Room for what a role is for, in code points.
const PURPOSE: usize = 170;

/// What `role` is for, in one sentence: its curated note, else its definition without the
/// "A … is" that repeats its name.
pub fn purpose(role: &Role) -> Option<String> {
    if let Some(note) = role.notes.first() {
        return Some(limits::clamp(note, PURPOSE));
    }
    let definition = role.definition()?;
    let sentence = crate::advisor::first_sentence(definition, usize::MAX);
    Some(limits::clamp(
        without_own_name(&sentence, &role.name),
        PURPOSE,
    ))
}

/// "A Data Specialist is a professional who…" → "a professional who…"; a definition that
/// does not open with the role's name is kept whole.
fn without_own_name<'t>(sentence: &'t str, name: &str) -> &'t str {
    let lower = sentence.to_lowercase();
    let name = name.to_lowercase();
    for article in ["a ", "an ", "the ", ""] {
        for verb in [" is ", " are "] {
            let opening = format!("{article}{name}{verb}");
            // Lower-casing can change a text's length; only cut where it did not.
            if lower.starts_with(&opening) && lower.len() == sentence.len() {
                return &sentence[opening.len()..];
            }
        }
    }
    sentence
}

/// Competencies both roles have, only `a` has, and only `b` has.
pub struct Overlap<'r> {
    pub shared: Vec<&'r Competency>,
    pub only_a: Vec<&'r Competency>,
    pub only_b: Vec<&'r Competency>,
}

pub fn overlap<'r>(a: &'r Role, b: &'r Role) -> Overlap<'r> {
    // Both lists are sorted by key: one walk through them, as a merge would.
    let mut overlap = Overlap {
        shared: Vec::new(),
        only_a: Vec::new(),
        only_b: Vec::new(),
    };
    let (mut xs, mut ys) = (
        a.competencies.iter().peekable(),
        b.competencies.iter().peekable(),
    );
    loop {
        match (xs.peek(), ys.peek()) {
            (Some(x), Some(y)) => match x.key.cmp(&y.key) {
                std::cmp::Ordering::Less => overlap.only_a.extend(xs.next()),
                std::cmp::Ordering::Greater => overlap.only_b.extend(ys.next()),
                std::cmp::Ordering::Equal => {
                    overlap.shared.extend(xs.next());
                    ys.next();
                }
            },
            (Some(_), None) => overlap.only_a.extend(xs.by_ref()),
            (None, Some(_)) => overlap.only_b.extend(ys.by_ref()),
            (None, None) => return overlap,
        }
    }
}

/// The lines that open a comparison of `a` and `b`: what each is for, what sets them
/// apart, what they share.
pub fn comparison(a: &Role, b: &Role) -> String {
    let mut lines = vec!["**In short**".to_owned()];
    for role in [a, b] {
        let what = purpose(role).unwrap_or_else(|| "no article defines it yet.".to_owned());
        lines.push(format!(
            "• **{}**: {}",
            short_name(role),
            capitalised(&what)
        ));
    }
    let overlap = overlap(a, b);
    let only_a = names(&central(overlap.only_a));
    let only_b = names(&central(overlap.only_b));
    let shared = names(&central(overlap.shared));
    let for_role = |items: &str, role: &Role| format!("{items} for the {}", short_name(role));
    let apart = match (only_a.is_empty(), only_b.is_empty()) {
        (true, true) => "the articles name no skill or tool for one and not the other".to_owned(),
        (false, true) => format!("the articles name {}", for_role(&only_a, a)),
        (true, false) => format!("the articles name {}", for_role(&only_b, b)),
        (false, false) => format!(
            "the articles name {}, and {}",
            for_role(&only_a, a),
            for_role(&only_b, b)
        ),
    };
    lines.push(format!("• **What sets them apart**: {apart}."));
    // Advice only where a fact backs it: a shared skill is a head start for a switch.
    let common = if shared.is_empty() {
        "the articles name no skill or tool for both, so a switch either way means learning the other role's list.".to_owned()
    } else {
        format!("both roles' articles name {shared}, a head start if you switch; then learn what the other role adds.")
    };
    lines.push(format!("• **Common ground**: {common}"));
    lines.join("\n")
}

/// The competencies of `items` their role's facts name most, at most [`APART`], soft
/// skills aside (they set no role apart).
pub fn central(items: Vec<&Competency>) -> Vec<&Competency> {
    let mut items = by_centrality(items);
    items.truncate(APART);
    items
}

/// `items` ordered by how central they are to their role: named by more of its facts first,
/// then by name; soft skills left out.
pub fn by_centrality(items: Vec<&Competency>) -> Vec<&Competency> {
    let mut items: Vec<&Competency> = items
        .into_iter()
        .filter(|c| c.category != Category::SoftSkill)
        .collect();
    items.sort_by(|a, b| b.named.cmp(&a.named).then(a.name.cmp(&b.name)));
    items
}

/// "A, B and C".
pub fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

fn names(items: &[&Competency]) -> String {
    let names: Vec<String> = items.iter().map(|c| c.name.clone()).collect();
    and_list(&names)
}

/// The name a narrow column shows: a curated or stated alias of two words or more that
/// ends like the name ("ML Engineer" for "Machine Learning Engineer"), else the name.
pub fn short_name(role: &Role) -> &str {
    const LONG: usize = 22;
    if role.name.chars().count() <= LONG {
        return &role.name;
    }
    let last = role.name.split_whitespace().last().unwrap_or_default();
    role.aliases
        .iter()
        .filter(|alias| {
            alias.split_whitespace().count() >= 2
                && alias.split_whitespace().last() == Some(last)
                && alias.chars().count() < role.name.chars().count()
        })
        .min_by_key(|alias| alias.chars().count())
        .map_or(role.name.as_str(), String::as_str)
}

/// `text` with a capital first letter, as every line of a list starts.
pub(in crate::advisor) fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) if first.to_uppercase().count() == 1 => {
            first.to_uppercase().chain(chars).collect()
        }
        _ => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::KnowledgeBase;

    fn kb() -> KnowledgeBase {
        KnowledgeBase::embedded().expect("the shipped knowledge base")
    }

    #[test]
    fn a_definition_loses_the_name_it_repeats() {
        assert_eq!(
            without_own_name(
                "A Data Specialist is a professional who manages data.",
                "Data Specialist"
            ),
            "a professional who manages data."
        );
        assert_eq!(
            without_own_name("Data is everywhere.", "Data Specialist"),
            "Data is everywhere."
        );
    }

    #[test]
    fn short_names_are_aliases_ending_like_the_name() {
        let kb = kb();
        let name = |slug: &str| short_name(kb.resolve(slug).expect("a seed role")).to_owned();
        assert_eq!(name("machine-learning-engineer"), "ML Engineer");
        assert_eq!(name("data-specialist"), "Data Specialist");
    }

    #[test]
    fn a_comparison_opens_with_each_role_and_what_sets_them_apart() {
        let kb = kb();
        let a = kb
            .resolve("machine-learning-engineer")
            .expect("a seed role");
        let b = kb.resolve("data-specialist").expect("a seed role");
        let text = comparison(a, b);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 5, "{text}");
        assert!(lines[1].starts_with("• **ML Engineer**: "), "{text}");
        assert!(lines[2].starts_with("• **Data Specialist**: "), "{text}");
        let overlap = overlap(a, b);
        for item in central(overlap.only_a.clone()) {
            assert!(lines[3].contains(&item.name), "{} in {text}", item.name);
        }
        assert!(lines[4].contains("name R,"), "{text}");
        assert!(!text.contains("what sets the other apart is"), "{text}");
        // Only what one names and the other does not sets them apart.
        for item in central(overlap.only_a) {
            assert!(!b.has_competency(&item.key));
        }
    }
}
