//! `/match`: roles ranked by how well a person's skills fit them.

use crate::advisor::{next, Problem};
use crate::knowledge::reading::taxonomy::{competency_key, Taxonomy};
use crate::knowledge::text::lists;
use crate::knowledge::{Category, KnowledgeBase, Role};
use crate::reply::{colour, escape_user_text, limits, Embed, Reply};

const SHOWN: usize = 5;
const MISSING_SHOWN: usize = 8;

/// A role and how the person's skills cover it.
pub struct Fit<'k> {
    pub role: &'k Role,
    /// The names of the role's competencies the person has.
    pub matched: Vec<&'k str>,
    /// [`fit_percent`].
    pub fit: usize,
}

/// How well skills (competency keys, sorted) fit a role, in percent: the share of what the
/// role's articles name that the skills cover, each skill weighted by how often the articles
/// name it for the role (how central it is). The one measure of fit: `/match`, `/me show`
/// and `/jobs fit:true` rank by it.
pub fn fit_percent(role: &Role, keys: &[String]) -> usize {
    let weight = |named: u32| u64::from(named.max(1));
    let total: u64 = role.competencies.iter().map(|c| weight(c.named)).sum();
    let had: u64 = role
        .competencies
        .iter()
        .filter(|c| keys.binary_search(&c.key).is_ok())
        .map(|c| weight(c.named))
        .sum();
    usize::try_from(had * 100 / total.max(1)).unwrap_or(100)
}

/// The competency keys named in `text`: known skills anywhere in it, plus each
/// comma-separated item as written.
pub fn skill_keys(kb: &KnowledgeBase, text: &str) -> Vec<String> {
    skill_keys_in(&kb.taxonomy, text)
}

/// [`skill_keys`], which read with the taxonomy alone: keys read once stay true for every
/// base over the same curated files (a job alert's audience keeps them across a server's
/// rebuilds).
pub fn skill_keys_in(taxonomy: &Taxonomy, text: &str) -> Vec<String> {
    let mut keys: Vec<String> = taxonomy
        .find_in(text)
        .into_iter()
        .map(|e| competency_key(&e.name))
        .collect();
    for item in list_items(text) {
        keys.push(taxonomy.competency(item, Category::Other).key);
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

/// Every role that shares at least one competency with `keys` (sorted), best fit first.
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
                fit: fit_percent(role, keys),
                role,
                matched,
            })
        })
        .collect();
    // Best fit first; of two that fit as well, the one using more of what the person knows.
    fits.sort_by(|a, b| {
        b.fit
            .cmp(&a.fit)
            .then(b.matched.len().cmp(&a.matched.len()))
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
            "{} — {}% fit, uses {} of your {known} skills",
            fit.role.name,
            fit.fit,
            fit.matched.len()
        );
        embed = embed.field(&name, &value, false);
    }
    let mut reply = Reply::embed(embed.footer(
        "Ranked by fit: the share of what the role's articles name that you have, each skill weighted by how often they name it",
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

    #[test]
    fn fit_weighs_each_skill_by_how_often_the_articles_name_it_for_the_role() {
        let kb = KnowledgeBase::embedded().expect("shipped roles");
        let role = kb.exact("data-scientist").expect("a shipped role");
        let most = role
            .competencies
            .iter()
            .max_by_key(|c| c.named)
            .expect("competencies");
        let least = role
            .competencies
            .iter()
            .min_by_key(|c| c.named)
            .expect("competencies");
        assert!(
            most.named > least.named,
            "the articles name some skills more"
        );
        let fit_of =
            |c: &crate::knowledge::Competency| fit_percent(role, std::slice::from_ref(&c.key));
        assert!(fit_of(most) > fit_of(least));
        let mut all: Vec<String> = role.competencies.iter().map(|c| c.key.clone()).collect();
        all.sort();
        assert_eq!(fit_percent(role, &all), 100);
        assert_eq!(fit_percent(role, &[]), 0);
    }
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
