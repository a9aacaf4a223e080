//! A question's evidence as the features the scorer weighs: what its cues ask and name,
//! its form, how many roles and items it names, and its words (a role's name as one word,
//! `<role>`, so that what is learned of one role holds for every role). Each fact about the
//! question is also crossed with the number of roles named ("one role and a yes/no form"),
//! which is how a linear model learns that the same words ask different things of one role
//! and of two.
//!
//! Features are hashed (FxHash of a kind and a value), so reading one allocates nothing
//! beyond the list.

use std::hash::{Hash, Hasher};

use rustc_hash::FxHasher;

use super::{is_qualification, Evidence};

/// One feature, hashed.
pub type Feature = u64;

/// The features of a question's evidence.
pub(super) fn features(e: &Evidence) -> Vec<Feature> {
    let roles = e.roles.len().min(2) as u8;
    let mut out = Vec::with_capacity(2 * (e.asks.len() + e.aspects.len() + 12) + e.words.len());
    let mut fact = |kind: &str, value: &str| {
        out.push(hash(&(kind, value)));
        out.push(hash(&(kind, value, roles)));
    };
    for ask in &e.asks {
        fact("ask", ask.key());
    }
    for aspect in &e.aspects {
        fact("aspect", aspect.key());
    }
    if e.aspects.is_empty() {
        fact("aspect", "none");
    }
    fact("items", if e.items.is_empty() { "none" } else { "some" });
    let flags = [
        ("entities", e.entities > 0),
        ("qualification", e.items.iter().any(|i| is_qualification(i))),
        ("yes-no form", e.yes_no_form),
        ("which-roles form", e.which_roles_form),
        ("background", e.background.is_some()),
        ("from a role", e.from_role),
        ("a role twice", e.mentions.len() >= 2),
        ("quality", e.quality.is_some()),
        ("short", e.words.len() <= 4),
    ];
    for (name, _) in flags.iter().filter(|(_, on)| *on) {
        fact("flag", name);
    }
    if let Some(first) = e.words.first() {
        fact("first", &first.one);
    }
    out.push(hash(&("roles", roles)));
    let in_a_name = |i: usize| e.mentions.iter().any(|m| m.words.contains(&i));
    for (i, word) in e.words.iter().enumerate() {
        let word = if in_a_name(i) { "<role>" } else { &word.one };
        out.push(hash(&("word", word)));
    }
    out.sort_unstable();
    out.dedup();
    out
}

fn hash(value: &impl Hash) -> Feature {
    let mut hasher = FxHasher::default();
    value.hash(&mut hasher);
    hasher.finish()
}
