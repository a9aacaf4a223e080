//! Skills that carry over to one another (`[[related]]` in `skills.toml`): someone who
//! analyses data has a head start on statistics, someone who builds dashboards in Tableau on
//! Power BI. `/path` counts them as what carries over, and says through which theme.

use std::collections::HashMap;

use serde::Deserialize;

/// One `[[related]]` block as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FileGroup {
    /// What the skills have in common, as a phrase: "analysing data".
    theme: String,
    skills: Vec<String>,
}

/// Every group of related skills, by competency key.
#[derive(Debug, Clone, Default)]
pub struct RelatedSkills {
    themes: Vec<String>,
    /// Competency key → the groups holding it.
    groups_of: HashMap<String, Vec<usize>>,
}

impl RelatedSkills {
    /// Groups from the file, each skill keyed by `key_of` (its canonical name's key).
    pub(super) fn build(
        groups: Vec<FileGroup>,
        key_of: impl Fn(&str) -> String,
    ) -> Result<RelatedSkills, String> {
        let mut related = RelatedSkills::default();
        for (position, group) in groups.into_iter().enumerate() {
            let theme = group.theme.trim();
            let skills: Vec<&str> = group
                .skills
                .iter()
                .map(|s| s.trim())
                .filter(|s| !s.is_empty())
                .collect();
            if theme.is_empty() || skills.len() < 2 {
                return Err(format!(
                    "related group #{} needs a theme and at least two skills",
                    position + 1
                ));
            }
            let id = related.themes.len();
            related.themes.push(theme.to_owned());
            for skill in skills {
                let groups = related.groups_of.entry(key_of(skill)).or_default();
                if !groups.contains(&id) {
                    groups.push(id);
                }
            }
        }
        Ok(related)
    }

    /// The theme through which the skill keyed `a` carries over to the one keyed `b`, if a
    /// group holds both.
    pub fn theme(&self, a: &str, b: &str) -> Option<&str> {
        let (of_a, of_b) = (self.groups_of.get(a)?, self.groups_of.get(b)?);
        of_a.iter()
            .find(|group| of_b.contains(group))
            .map(|&group| self.themes[group].as_str())
    }
}
