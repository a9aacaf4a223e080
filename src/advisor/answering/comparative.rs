//! "Which is more hands-on, A or B?": which of two roles the articles speak of more in the
//! words of that quality, said first, and plainly when they do not tell; then the facts
//! that say it, and the whole comparison one click away.

use crate::advisor::reader::quality::Quality;
use crate::advisor::two_roles;
use crate::advisor::{next, shown, Problem};
use crate::knowledge::{KnowledgeBase, Role, Section};
use crate::reply::{bullet_list, colour, Embed, Reply};

/// A role leans to a quality when at least this many of its facts speak of it…
const AT_LEAST: usize = 2;
/// …and at least this many times as many as the other role's.
const TIMES: usize = 2;
/// Facts shown per role as evidence.
const SHOWN: usize = 2;

pub fn comparative(
    kb: &KnowledgeBase,
    a: &str,
    b: &str,
    quality: &Quality,
) -> Result<Reply, Problem> {
    let (a, b) = two_roles(kb, a, b)?;
    let (of_a, of_b) = (speaking_of(kb, a, quality), speaking_of(kb, b, quality));
    let leans = |more: &[String], less: &[String]| {
        more.len() >= AT_LEAST && more.len() >= TIMES * less.len().max(1)
    };
    let verdict = if leans(&of_a, &of_b) {
        lean(a, b, quality, of_a.len(), of_b.len())
    } else if leans(&of_b, &of_a) {
        lean(b, a, quality, of_b.len(), of_a.len())
    } else if of_a.is_empty() && of_b.is_empty() {
        format!(
            "The articles do not say which is {}: no fact of either role speaks of it.",
            quality.said
        )
    } else {
        format!(
            "The articles do not say which is {}: {} of the {}'s facts and {} of the {}'s speak \
             of it, too close to tell.",
            quality.said,
            of_a.len(),
            a.name,
            of_b.len(),
            b.name
        )
    };
    let mut embed = Embed::new(&format!(
        "Which is {}: {} or {}?",
        quality.said, a.name, b.name
    ))
    .colour(colour::COMPARE)
    .description(&verdict);
    for (role, facts) in [(a, &of_a), (b, &of_b)] {
        if !facts.is_empty() {
            let few: Vec<String> = facts.iter().take(SHOWN).cloned().collect();
            embed = embed.field(&role.name, &bullet_list(&few, 900), false);
        }
    }
    let mut sources = a.sources.clone();
    sources.extend(&b.sources);
    let mut reply = Reply::embed(embed.footer(&crate::advisor::sources::footer(kb, &sources)));
    reply.push_buttons(vec![next::button(
        "The whole comparison",
        &format!("/compare {} {}", a.slug, b.slug),
    )]);
    Ok(reply)
}

fn lean(more: &Role, other: &Role, quality: &Quality, count: usize, against: usize) -> String {
    format!(
        "The articles lean to the **{}** as {}: {count} of its facts speak of it, against \
         {against} of the {}'s.",
        more.name, quality.said, other.name
    )
}

/// What a role is and does: where a quality shows. Industries say where it works, tips what
/// to do to get there, definitions are in every comparison already.
const ABOUT_THE_WORK: [Section; 6] = [
    Section::Responsibilities,
    Section::Skills,
    Section::Education,
    Section::Tools,
    Section::Outlook,
    Section::Differences,
];

/// The facts shown about `role` (its own, or its part of a shared one) on the work itself
/// that use one of the quality's words.
fn speaking_of(kb: &KnowledgeBase, role: &Role, quality: &Quality) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for section in ABOUT_THE_WORK {
        for text in shown::texts(kb, role, section, &[role]) {
            if quality.is_spoken_of_in(&text) && !found.contains(&text) {
                found.push(text);
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::advisor::reader::quality::quality;
    use crate::knowledge::reading::source::embedded_documents;

    fn kb() -> KnowledgeBase {
        KnowledgeBase::from_documents(&embedded_documents(), "test").expect("roles")
    }

    #[test]
    fn the_verdict_comes_from_counted_facts_shown_as_evidence() {
        let kb = kb();
        let research = quality("research").expect("a quality");
        let reply = comparative(&kb, "ml scientist", "data specialist", research).expect("a reply");
        let embed = &reply.embeds()[0];
        assert!(embed
            .title_text()
            .starts_with("Which is more research-oriented"));
        let scientist = kb.resolve("ml scientist").expect("a role");
        let counted = speaking_of(&kb, scientist, research).len();
        let text = embed.description_text();
        if text.starts_with("The articles lean to the **Machine Learning Scientist**") {
            assert!(text.contains(&format!("{counted} of its facts")), "{text}");
            assert!(embed
                .fields()
                .iter()
                .any(|f| f.name == "Machine Learning Scientist"));
        } else {
            assert!(text.starts_with("The articles do not say"), "{text}");
        }
    }

    #[test]
    fn no_lean_is_claimed_without_facts() {
        let kb = kb();
        // A quality the shipped articles never speak of.
        let stress = quality("stress").expect("a quality");
        let reply = comparative(&kb, "data scientist", "mlops engineer", stress).expect("a reply");
        let text = reply.embeds()[0].description_text();
        assert_eq!(
            text,
            "The articles do not say which is more stressful: no fact of either role speaks of it."
        );
        assert!(matches!(
            comparative(&kb, "data scientist", "data scientist", stress),
            Err(Problem::SameRole(_))
        ));
    }
}
