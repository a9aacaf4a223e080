//! `/match`: roles ranked by how well a person's skills fit them.

use crate::advisor::{next, Problem};
use crate::knowledge::reading::taxonomy::competency_key;
use crate::knowledge::text::lists;
use crate::knowledge::{Category, KnowledgeBase, Role};
use crate::reply::{colour, escape_user_text, limits, Embed, Reply};

const SHOWN: usize = 5;
const MISSING_SHOWN: usize = 8;

/// A role and how the person's skills cover it.
pub struct Fit<'k> {
    pub role: &'k Role,
    /// Competency keys the person has.
    pub matched: Vec<&'k str>,
    /// Percentage of the role's competencies covered.
    pub coverage: usize,
}

/// The competency keys named in `text`: known skills anywhere in it, plus each
/// comma-separated item as written.
pub fn skill_keys(kb: &KnowledgeBase, text: &str) -> Vec<String> {
    let mut keys: Vec<String> = kb
        .taxonomy
        .find_in(text)
        .into_iter()
        .map(|e| competency_key(&e.name))
        .collect();
    for item in list_items(text) {
        keys.push(kb.taxonomy.competency(item, Category::Other).key);
    }
    keys.sort();
    keys.dedup();
    keys
}

/// The items of a comma-separated list that no article and no taxonomy entry names ("rust"
/// in "python, rust"), as written. Items of more than three words are sentences, not
/// skills, and are passed over.
pub fn unknown_items(kb: &KnowledgeBase, text: &str) -> Vec<String> {
    list_items(text)
        .filter(|item| item.split_whitespace().count() <= 3)
        .filter(|item| {
            kb.taxonomy.lookup(item).is_none()
                && kb.taxonomy.find_in(item).is_empty()
                && kb
                    .roles_with_any(&[kb.taxonomy.competency(item, Category::Other).key])
                    .is_empty()
        })
        .map(str::to_owned)
        .collect()
}

/// The items of a list that can name a skill: longer ones are sentences.
fn list_items(text: &str) -> impl Iterator<Item = &str> {
    lists::items(text).filter(|item| item.len() <= lists::ITEM_MAX)
}

/// Every role that shares at least one competency with `keys`, best fit first.
pub fn rank<'k>(kb: &'k KnowledgeBase, keys: &[String]) -> Vec<Fit<'k>> {
    let mut fits: Vec<Fit<'k>> = kb
        .roles_with_any(keys)
        .into_iter()
        .filter_map(|role| {
            let matched: Vec<&str> = role
                .competencies
                .iter()
                .filter(|c| keys.binary_search(&c.key).is_ok())
                .map(|c| c.name.as_str())
                .collect();
            (!matched.is_empty()).then(|| Fit {
                coverage: matched.len() * 100 / role.competencies.len().max(1),
                role,
                matched,
            })
        })
        .collect();
    // First the roles that use most of what the person knows, then those they cover best.
    fits.sort_by(|a, b| {
        b.matched
            .len()
            .cmp(&a.matched.len())
            .then(b.coverage.cmp(&a.coverage))
            .then(a.role.name.cmp(&b.role.name))
    });
    fits
}

pub fn match_skills(kb: &KnowledgeBase, text: &str) -> Result<Reply, Problem> {
    let keys = skill_keys(kb, text);
    let fits = rank(kb, &keys);
    if fits.is_empty() {
        return Err(Problem::NoSkills(limits::clamp(text, 200)));
    }
    // Skills the person named that some role asks for: what "of your N skills" counts.
    let known = keys
        .iter()
        .filter(|k| !kb.roles_with_any(std::slice::from_ref(k)).is_empty())
        .count();
    let mut description = format!(
        "From what you listed: {}",
        limits::clamp(&escape_user_text(text), 300)
    );
    let unknown = unknown_items(kb, text);
    if !unknown.is_empty() {
        let shown: Vec<String> = unknown.iter().map(|u| escape_user_text(u)).collect();
        description.push_str(&format!(
            "\nNo article names {}, so I left {} out.",
            shown.join(", "),
            if unknown.len() == 1 { "it" } else { "them" }
        ));
    }
    let mut embed = Embed::new("Roles that fit your skills")
        .colour(colour::SKILLS)
        .description(&description);
    for fit in fits.iter().take(SHOWN) {
        let missing: Vec<&str> = fit
            .role
            .competencies
            .iter()
            .filter(|c| keys.binary_search(&c.key).is_err())
            .map(|c| c.name.as_str())
            .collect();
        let more = missing.len().saturating_sub(MISSING_SHOWN);
        let mut still = missing
            .iter()
            .take(MISSING_SHOWN)
            .copied()
            .collect::<Vec<_>>()
            .join(", ");
        if more > 0 {
            still.push_str(&format!(" …and {more} more"));
        }
        let value = format!(
            "**You have:** {}\n**Still to learn:** {}",
            fit.matched.join(", "),
            if still.is_empty() {
                "nothing the articles name".to_owned()
            } else {
                still
            }
        );
        let name = format!(
            "{} — uses {} of your {known} skills, {}% of its list",
            fit.role.name,
            fit.matched.len(),
            fit.coverage
        );
        embed = embed.field(&name, &value, false);
    }
    let mut reply = Reply::embed(embed.footer(
        "Ranked by how many of your skills each role uses, then by the share of its skills and tools you have",
    ));
    let roles: Vec<&Role> = fits.iter().take(SHOWN).map(|fit| fit.role).collect();
    if let Some(menu) = next::open_menu("Open a role…", &roles, |r| format!("/role {}", r.slug)) {
        reply.push_select(menu);
    }
    // A path from the skills recognised (not the text as typed, which could hold anything);
    // a line too long for a component drops its option.
    let paths: Vec<(&Role, String)> = fits
        .iter()
        .take(SHOWN)
        .map(|fit| {
            // Only names a line reads back as they are: an item an article wrote with a
            // quote or a colon would end the value early.
            let skills: Vec<&str> = fit
                .matched
                .iter()
                .copied()
                .filter(|name| {
                    name.chars().any(char::is_alphanumeric)
                        && name
                            .chars()
                            .all(|c| c.is_alphanumeric() || " +#./-&".contains(c))
                })
                .collect();
            // No option (an empty line is dropped) when none is left.
            let line = if skills.is_empty() {
                String::new()
            } else {
                format!("/path to:{} skills:{}", fit.role.slug, skills.join(", "))
            };
            (fit.role, line)
        })
        .collect();
    if let Some(menu) = next::open_menu_named(next::PATH_MENU, "Path to…", &roles, |r| {
        paths
            .iter()
            .find(|(role, _)| role.slug == r.slug)
            .map_or_else(String::new, |(_, line)| line.clone())
    }) {
        reply.push_select(menu);
    }
    Ok(reply)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::reading::source::Document;

    /// An article whose tools lines hold only stray punctuation after their labels.
    fn kb_with_punctuation_tools() -> KnowledgeBase {
        let article = "Data Engineer vs. Data Scientist\n\nDefinitions\n\n\
            Data Engineer: A Data Engineer is a professional who builds pipelines.\n\n\
            Data Scientist: A Data Scientist is a professional who models data.\n\n\
            Tools and Software Used\n\nData Engineer\n\n  • Languages: ?, Python\n\n\
            Data Scientist\n\n  • Languages: \":\n\nRelated articles";
        let documents = [Document {
            path: "articles/punctuation.txt".into(),
            bytes: article.as_bytes().to_vec(),
        }];
        KnowledgeBase::from_documents(&documents, "test").expect("two roles")
    }

    #[test]
    fn an_item_without_a_letter_or_digit_is_no_skill() {
        let kb = kb_with_punctuation_tools();
        for role in &kb.roles {
            for competency in &role.competencies {
                assert!(
                    competency.name.chars().any(char::is_alphanumeric),
                    "{} has the skill {:?}",
                    role.name,
                    competency.name
                );
            }
        }
        assert!(skill_keys(&kb, "\", ?").is_empty());
        assert!(matches!(match_skills(&kb, "\""), Err(Problem::NoSkills(_))));
    }

    #[test]
    fn every_path_option_names_skills() {
        let kb = kb_with_punctuation_tools();
        let reply = match_skills(&kb, "python").expect("the data engineer uses python");
        let lines: Vec<&str> = reply
            .rows()
            .iter()
            .flatten()
            .filter_map(|component| match component {
                crate::reply::Component::Select { options, .. } => Some(options),
                _ => None,
            })
            .flatten()
            .map(|option| option.value())
            .filter(|line| line.starts_with("/path"))
            .collect();
        assert_eq!(lines, ["/path to:data-engineer skills:Python"]);
    }
}
