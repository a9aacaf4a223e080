//! A member's skill profile and how a list typed into `/me skills` becomes one: mentions
//! removed, split as lists are (`text::lists`), duplicates kept once (first spelling), each
//! skill kept as written; within bounds that say what to do when crossed.

use crate::knowledge::text::lists;
use crate::reply::escape::{escape_user_text, strip_mentions};

/// The most skills a profile keeps.
pub const SKILLS_MAX: usize = 100;
/// The longest skill, in characters.
pub const SKILL_MAX_CHARS: usize = 60;

/// A member's skills, as they wrote them, in the order they gave them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Profile {
    pub skills: Vec<String>,
    /// Unix seconds; 0 for a profile never saved.
    pub updated_at: i64,
}

/// Why a list is not kept, in words for the member.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProfileProblem {
    #[error("that makes {0} skills; a profile keeps at most {SKILLS_MAX}: keep the ones you would put on a CV")]
    TooMany(usize),
    #[error("`{0}…` is too long for one skill (at most {SKILL_MAX_CHARS} characters): separate skills with commas")]
    TooLong(String),
    #[error("I found no skill in that: list them with commas, e.g. `python, sql, tableau`")]
    NoSkill,
}

/// The skills in `text`, each once (case does not make a new one), as written.
pub fn skill_list(text: &str) -> Result<Vec<String>, ProfileProblem> {
    let text = strip_mentions(text);
    let mut skills: Vec<String> = Vec::new();
    for item in lists::items(&text) {
        if item.chars().count() > SKILL_MAX_CHARS {
            let start: String = item.chars().take(30).collect();
            return Err(ProfileProblem::TooLong(escape_user_text(&start)));
        }
        if !contains(&skills, item) {
            skills.push(item.to_owned());
        }
    }
    match skills.len() {
        0 => Err(ProfileProblem::NoSkill),
        n if n > SKILLS_MAX => Err(ProfileProblem::TooMany(n)),
        _ => Ok(skills),
    }
}

/// `current` and then whichever of `added` it does not hold yet.
pub fn with_added(current: &[String], added: &[String]) -> Result<Vec<String>, ProfileProblem> {
    let mut skills = current.to_vec();
    for skill in added {
        if !contains(&skills, skill) {
            skills.push(skill.clone());
        }
    }
    match skills.len() {
        n if n > SKILLS_MAX => Err(ProfileProblem::TooMany(n)),
        _ => Ok(skills),
    }
}

/// `current` without any of `removed` (whatever their case).
pub fn without(current: &[String], removed: &[String]) -> Vec<String> {
    current
        .iter()
        .filter(|skill| !contains(removed, skill))
        .cloned()
        .collect()
}

fn contains(skills: &[String], skill: &str) -> bool {
    skills
        .iter()
        .any(|kept| kept.to_lowercase() == skill.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(text: &str) -> Vec<String> {
        skill_list(text).expect("a list")
    }

    #[test]
    fn a_typed_list_is_kept_as_written_once_each_without_mentions() {
        assert_eq!(
            list("Python, sql and Tableau; python, <@123> dbt, **Spark**, 🚀"),
            ["Python", "sql", "Tableau", "dbt", "**Spark**"]
        );
    }

    #[test]
    fn empty_long_and_oversized_lists_are_refused_with_the_reason() {
        assert_eq!(skill_list(" , 🚀 ,"), Err(ProfileProblem::NoSkill));
        assert_eq!(skill_list(""), Err(ProfileProblem::NoSkill));
        let long = format!("python, {}", "x".repeat(61));
        assert_eq!(
            skill_list(&long),
            Err(ProfileProblem::TooLong("x".repeat(30)))
        );
        let many: Vec<String> = (0..500).map(|i| format!("skill{i}")).collect();
        assert_eq!(
            skill_list(&many.join(", ")),
            Err(ProfileProblem::TooMany(500))
        );
        let ten_thousand = "sql, ".repeat(2_000);
        assert_eq!(skill_list(&ten_thousand), Ok(vec!["sql".to_owned()]));
    }

    #[test]
    fn skills_are_added_once_and_removed_whatever_their_case() {
        let current = list("python, sql");
        assert_eq!(
            with_added(&current, &list("SQL, dbt")),
            Ok(list("python, sql, dbt"))
        );
        assert_eq!(without(&current, &list("PYTHON, rust")), list("sql"));
        let full: Vec<String> = (0..SKILLS_MAX).map(|i| format!("s{i}")).collect();
        assert_eq!(
            with_added(&full, &list("one more")),
            Err(ProfileProblem::TooMany(SKILLS_MAX + 1))
        );
    }
}
