//! How sure a reading is: sure enough to answer a question nobody put to the bot (a new forum
//! post), or not. A reading the bot would answer when asked may still be no answer to post
//! unasked: a search for words, the list of roles, help, a question back, "I don't know".

use crate::advisor::reader::{Intent, Reading};

/// A reading sure enough to answer unasked: the scorer saw no other reading nearly as likely
/// (no alternatives), and it asks about what the articles know, a role or a thing named
/// (a comparison, a path, a role or one aspect of it, whether a role needs something, which
/// roles need it, which fit a member's skills, a role's salaries). A search for words, the
/// list of roles, jobs, help, a clarifying question and "I don't know" are no such answer:
/// in a forum they would answer posts that asked nothing of the bot. (Whether the answer
/// then says something is the answer's to tell: `intent::interpret`.)
pub fn is_confident(reading: &Reading) -> bool {
    let about_what_the_articles_know = match reading.intent {
        Intent::Compare
        | Intent::Path
        | Intent::Profile
        | Intent::Aspect
        | Intent::YesNo
        | Intent::Reverse
        | Intent::Match => true,
        Intent::Salary => !reading.roles.is_empty(),
        Intent::Jobs
        | Intent::Roles
        | Intent::Stats
        | Intent::Help
        | Intent::Search
        | Intent::Clarify
        | Intent::Unknown => false,
    };
    reading.alternatives.is_empty() && about_what_the_articles_know
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::KnowledgeBase;

    fn kb() -> KnowledgeBase {
        KnowledgeBase::embedded().expect("the shipped knowledge base")
    }

    fn reading(intent: Intent, roles: &[&str]) -> Reading {
        Reading::new(intent, roles.iter().map(|r| r.to_string()).collect())
    }

    #[test]
    fn only_a_sure_reading_about_what_the_articles_know_is_confident() {
        let kb = kb();
        let confident = |question: &str| {
            crate::advisor::intent::interpret(&kb, question, None)
                .is_ok_and(|interpretation| interpretation.confident)
        };
        for sure in [
            "ml engineer vs data specialist",
            "what does an mlops engineer do?",
            "does a data scientist need a PhD?",
        ] {
            assert!(confident(sure), "{sure}");
        }
        for unsure in [
            "Rotating the staging DB password: generate the new secret, restart the deployment",
            "hello everyone",
            "what roles do you know?",
            "",
        ] {
            assert!(!confident(unsure), "{unsure}");
        }
        let mut first = reading(Intent::Profile, &["data-engineer"]);
        assert!(is_confident(&first));
        first.alternatives = vec![reading(Intent::Path, &["data-engineer"])];
        assert!(!is_confident(&first), "a close runner-up is doubt");
        assert!(
            !is_confident(&reading(Intent::Salary, &[])),
            "the board's salaries"
        );
        assert!(!is_confident(&reading(Intent::Search, &[])));
    }
}
