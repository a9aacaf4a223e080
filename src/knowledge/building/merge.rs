//! Merging parsed articles into role profiles: one role per person-facing job title, every
//! fact kept once with all its sources, skills and tools recognised as competencies.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

use crate::knowledge::model::{
    Article, ArticleId, Category, Competency, Fact, FeaturedJob, Role, RoleId, Section, Warning,
};
use crate::knowledge::reading::curated::CuratedRoles;
use crate::knowledge::reading::parsed::{ParsedArticle, ParsedRole};
use crate::knowledge::reading::taxonomy::Taxonomy;
use crate::knowledge::text::names::{acronym, slugify};
use crate::knowledge::text::words::normalize;

mod near;
use near::{near_duplicate, word_set, WordSet};

/// Sections whose facts name skills and tools. A difference often speaks of both roles
/// ("… whereas MLOps mainly focus on … programming"): its skills are counted when it is
/// filed, from the part about each role (`knowledge::filing`).
pub(super) const COMPETENCY_SECTIONS: [Section; 3] =
    [Section::Skills, Section::Tools, Section::Responsibilities];

/// Everything merged from a set of parsed articles.
#[derive(Debug, Default)]
pub struct Merged {
    pub roles: Vec<Arc<Role>>,
    pub jobs: Vec<FeaturedJob>,
    pub warnings: Vec<Warning>,
}

/// What makes two job cards the same job: title, company, location and salary.
type JobKey = (String, String, String, Option<(String, u64, u64)>);

/// Accumulates roles across articles.
pub struct Merger<'k> {
    taxonomy: &'k Taxonomy,
    curated: &'k CuratedRoles,
    state: MergeState,
}

/// What merging the articles so far left, apart from the curated data it merged them with:
/// kept after the shipped documents (`building::shelf`), so that a server's base merges
/// only its own articles over a copy of it, as merging every document in order would.
#[derive(Debug, Default)]
pub struct MergeState {
    /// Normalised name or alias → role.
    by_name: HashMap<String, RoleId>,
    /// Shared with the copies of this state (and the bases finished from them): a role is
    /// copied when an article adds to it (`Arc::make_mut`), not when the state is.
    roles: Vec<Arc<Role>>,
    /// Per role and section, the word sets of its facts, for near-duplicate checks; `None`
    /// until the role takes a fact after a copy (see `Clone`).
    word_sets: Vec<Option<WordSets>>,
    jobs: Vec<FeaturedJob>,
    /// Every job card kept: the same card in many articles is one job.
    job_keys: HashSet<JobKey>,
    slugs: HashSet<String>,
    warnings: Vec<Warning>,
}

/// A role's facts' word sets, per section, in the order of its facts.
type WordSets = BTreeMap<Section, Vec<WordSet>>;

/// A copy leaves the word sets out: a fact's are always those of its text, so they are read
/// again for the few roles a later article adds to, rather than copied for every role (at
/// 10,000 articles, a third of the copy).
impl Clone for MergeState {
    fn clone(&self) -> MergeState {
        MergeState {
            by_name: self.by_name.clone(),
            roles: self.roles.clone(),
            word_sets: vec![None; self.word_sets.len()],
            jobs: self.jobs.clone(),
            job_keys: self.job_keys.clone(),
            slugs: self.slugs.clone(),
            warnings: self.warnings.clone(),
        }
    }
}

/// The word sets of `role`'s facts, as merging them kept them.
fn word_sets_of(role: &Role) -> WordSets {
    role.sections
        .iter()
        .map(|(&section, facts)| (section, facts.iter().map(|f| word_set(&f.text)).collect()))
        .collect()
}

impl<'k> Merger<'k> {
    pub fn new(taxonomy: &'k Taxonomy, curated: &'k CuratedRoles) -> Merger<'k> {
        Merger::resume(taxonomy, curated, MergeState::default())
    }

    /// Goes on merging after the articles that left `state`, with the same curated data.
    pub fn resume(
        taxonomy: &'k Taxonomy,
        curated: &'k CuratedRoles,
        state: MergeState,
    ) -> Merger<'k> {
        Merger {
            taxonomy,
            curated,
            state,
        }
    }

    /// What the articles merged so far left, to resume from later.
    pub fn into_state(self) -> MergeState {
        self.state
    }

    /// Adds one parsed article, read from `article`, known as `id`.
    pub fn add(&mut self, id: ArticleId, article: &Article, parsed: ParsedArticle) {
        for (line, message) in parsed.warnings {
            self.warn(&article.file, line, message);
        }
        for role in parsed.roles {
            if normalize(&role.name).is_empty() {
                let message = format!("role name {:?} has no letter or digit; skipped", role.name);
                self.warn(&article.file, 0, message);
                continue;
            }
            let role_id = self.role_for(&role);
            self.absorb(role_id, id, role);
        }
        for job in parsed.jobs {
            self.add_job(FeaturedJob { source: id, ..job });
        }
    }

    /// The merged roles finished ([`finish_role`], each with its acronym alias as
    /// [`MergeState::acronyms`] decides), with the jobs and warnings.
    pub fn finish(self) -> Merged {
        let acronyms = self.state.acronyms();
        let roles = self
            .state
            .roles
            .into_iter()
            .zip(acronyms)
            .map(|(mut role, acronym)| {
                finish_role(Arc::make_mut(&mut role), acronym.as_deref());
                role
            })
            .collect();
        Merged {
            roles,
            jobs: self.state.jobs,
            warnings: self.state.warnings,
        }
    }

    fn warn(&mut self, file: &str, line: usize, message: String) {
        self.state.warnings.push(Warning {
            file: file.to_owned(),
            line,
            message,
        });
    }

    /// The role `parsed` is about: an existing one sharing a name or alias, or a new one.
    fn role_for(&mut self, parsed: &ParsedRole) -> RoleId {
        let curated = std::iter::once(&parsed.name)
            .chain(&parsed.aliases)
            .find_map(|name| self.curated.find(name));
        let mut names: Vec<&str> = vec![parsed.name.as_str()];
        names.extend(parsed.aliases.iter().map(String::as_str));
        if let Some(c) = curated {
            names.push(c.name.as_str());
            names.extend(c.aliases.iter().map(String::as_str));
        }
        let existing = names
            .iter()
            .find_map(|n| self.state.by_name.get(&normalize(n)).copied());
        let id = existing.unwrap_or_else(|| {
            let name = curated.map_or(parsed.name.as_str(), |c| c.name.as_str());
            self.new_role(name, curated.map(|c| c.notes.clone()).unwrap_or_default())
        });
        for name in names {
            self.add_alias(id, name);
        }
        id
    }

    fn new_role(&mut self, name: &str, notes: Vec<String>) -> RoleId {
        let mut slug = slugify(name);
        if self.state.slugs.contains(&slug) {
            // Keep the suffix within the limit too: it must stay unique and short.
            let suffix = format!("-{}", self.state.roles.len() + 1);
            let mut base = slug.clone();
            while base.len() + suffix.len() > crate::knowledge::text::names::SLUG_MAX {
                base.pop();
            }
            slug = format!("{}{suffix}", base.trim_end_matches('-'));
        }
        self.state.slugs.insert(slug.clone());
        self.state.roles.push(Arc::new(Role {
            slug,
            name: name.to_owned(),
            aliases: Vec::new(),
            sections: BTreeMap::new(),
            competencies: Vec::new(),
            sources: Vec::new(),
            notes,
        }));
        self.state.word_sets.push(Some(WordSets::new()));
        self.state.roles.len() - 1
    }

    fn add_alias(&mut self, id: RoleId, alias: &str) {
        let key = normalize(alias);
        if key.is_empty() {
            return;
        }
        // The first role to claim a name keeps it.
        let owner = *self.state.by_name.entry(key.clone()).or_insert(id);
        let role = &self.state.roles[id];
        if owner == id
            && normalize(&role.name) != key
            && !role.aliases.iter().any(|a| normalize(a) == key)
        {
            Arc::make_mut(&mut self.state.roles[id])
                .aliases
                .push(alias.trim().to_owned());
        }
    }

    fn absorb(&mut self, role_id: RoleId, article: ArticleId, parsed: ParsedRole) {
        let role = Arc::make_mut(&mut self.state.roles[role_id]);
        if !role.sources.contains(&article) {
            role.sources.push(article);
        }
        for fact in parsed.facts {
            if COMPETENCY_SECTIONS.contains(&fact.section) {
                let found = competencies(self.taxonomy, fact.section, &fact.text);
                Arc::make_mut(&mut self.state.roles[role_id])
                    .competencies
                    .extend(found);
            }
            self.add_fact(role_id, article, fact.section, fact.text);
        }
    }

    /// Adds a fact, or credits `article` on a near-identical one already there.
    fn add_fact(&mut self, role_id: RoleId, article: ArticleId, section: Section, text: String) {
        let words = word_set(&text);
        let role = &self.state.roles[role_id];
        let sets = self.state.word_sets[role_id]
            .get_or_insert_with(|| word_sets_of(role))
            .entry(section)
            .or_default();
        let facts = Arc::make_mut(&mut self.state.roles[role_id])
            .sections
            .entry(section)
            .or_default();
        let near = sets.iter().position(|s| near_duplicate(s, &words));
        // A near-duplicate that names a skill or tool the kept wording lacks is not the same
        // fact ("…, Java, C++" after "…, Java"; "AWS SageMaker" after "AWS"): it replaces a
        // wording it says all of, and is kept beside one it does not.
        // The same words name the same things: most repeats are, and skip the taxonomy.
        let adds = near.filter(|&i| sets[i] != words).map(|i| {
            let kept = competency_keys(self.taxonomy, section, &facts[i].text);
            let new = competency_keys(self.taxonomy, section, &text);
            let more = new.iter().any(|k| !kept.contains(k));
            (more, more && kept.iter().all(|k| new.contains(k)))
        });
        match (near, adds) {
            (Some(i), Some((true, true))) => {
                sets[i] = words;
                facts[i].text = text;
                facts[i].sources.retain(|&source| source != article);
                facts[i].sources.insert(0, article);
            }
            (Some(_), Some((true, false))) | (None, _) => {
                sets.push(words);
                facts.push(Fact::new(text, vec![article], None));
            }
            (Some(i), _) => {
                if !facts[i].sources.contains(&article) {
                    facts[i].sources.push(article);
                }
            }
        }
    }

    fn add_job(&mut self, job: FeaturedJob) {
        let salary = job
            .salary
            .as_ref()
            .map(|s| (s.currency.clone(), s.min, s.max));
        let key = (
            job.title.clone(),
            job.company.clone(),
            job.location.clone(),
            salary,
        );
        if self.state.job_keys.insert(key) {
            self.state.jobs.push(job);
        }
    }
}

impl MergeState {
    /// The merged roles, as merged so far.
    pub fn roles(&self) -> &[Arc<Role>] {
        &self.roles
    }

    /// The featured jobs merged so far.
    pub fn jobs(&self) -> &[FeaturedJob] {
        &self.jobs
    }

    /// What merging warned of so far.
    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
    }

    /// Per role, the initials it takes as an alias when finished ("MLE"): its own when no
    /// other role shares them and no other role's name or alias is already that word (the
    /// first role to claim a name keeps it, acronyms after every merged name).
    pub fn acronyms(&self) -> Vec<Option<String>> {
        let initials: Vec<Option<String>> =
            self.roles.iter().map(|role| acronym(&role.name)).collect();
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for a in initials.iter().flatten() {
            *counts.entry(a.as_str()).or_default() += 1;
        }
        let mut claimed: HashMap<String, RoleId> = HashMap::new();
        initials
            .iter()
            .enumerate()
            .map(|(id, a)| {
                let a = a.as_deref().filter(|a| counts.get(a) == Some(&1))?;
                let key = normalize(a);
                if key.is_empty() {
                    return None;
                }
                let owner = match self.by_name.get(&key) {
                    Some(&owner) => owner,
                    None => *claimed.entry(key).or_insert(id),
                };
                (owner == id).then(|| a.to_owned())
            })
            .collect()
    }
}

/// Finishes a merged role: `acronym` (see [`MergeState::acronyms`]) as an alias unless it
/// already is its name or one, and each competency once, counting how often its facts named
/// it.
pub fn finish_role(role: &mut Role, acronym: Option<&str>) {
    if let Some(a) = acronym {
        let key = normalize(a);
        if normalize(&role.name) != key && !role.aliases.iter().any(|x| normalize(x) == key) {
            role.aliases.push(a.trim().to_owned());
        }
    }
    // By key, as `Role::has_competency` binary-searches them; by name, "MLOps" sorts
    // before "Machine learning" and the search misses one of them.
    role.competencies
        .sort_by(|a, b| a.key.cmp(&b.key).then_with(|| a.name.cmp(&b.name)));
    // Each once, counting how often the role's facts named it.
    let named: Vec<Competency> = role
        .competencies
        .chunk_by(|a, b| a.key == b.key)
        .map(|run| Competency {
            named: run.iter().map(|c| c.named).sum(),
            ..run[0].clone()
        })
        .collect();
    role.competencies = named;
}

/// Skills and tools named by one fact. A `Category: a, b, c` tools line counts every item,
/// known to the taxonomy or not; other text counts what the taxonomy recognises.
pub(super) fn competencies(taxonomy: &Taxonomy, section: Section, text: &str) -> Vec<Competency> {
    if section == Section::Tools {
        if let Some((label, list)) = text.split_once(':') {
            let fallback = category_from_label(label);
            return list_items(list)
                .map(|item| taxonomy.competency(item, fallback))
                .collect();
        }
    }
    taxonomy.competencies_in(text)
}

/// The keys of the skills and tools one fact names.
fn competency_keys(taxonomy: &Taxonomy, section: Section, text: &str) -> Vec<String> {
    competencies(taxonomy, section, text)
        .into_iter()
        .map(|c| c.key)
        .collect()
}

/// The items of "Python, R, Java." and of "NoSQL (MongoDB, Cassandra)". An item without a
/// letter or digit (a stray quote) names nothing, and would make a skill with an empty key.
fn list_items(list: &str) -> impl Iterator<Item = &str> {
    list.split([',', '(', ')', ';'])
        .map(|item| item.trim().trim_end_matches('.').trim())
        .map(|item| item.strip_prefix("and ").unwrap_or(item))
        .filter(|item| item.chars().any(char::is_alphanumeric) && item.len() <= 60)
}

/// A category guessed from a tools line's label, for items the taxonomy does not know.
fn category_from_label(label: &str) -> Category {
    let label = label.to_lowercase();
    let rules: [(&[&str], Category); 8] = [
        (&["language"], Category::Language),
        (&["framework", "librar"], Category::Framework),
        (&["visuali"], Category::Visualization),
        (&["cloud"], Category::Cloud),
        (&["database"], Category::Database),
        (
            &["version", "monitor", "workflow", "automation", "devops"],
            Category::Devops,
        ),
        (&["governance"], Category::Governance),
        (&["project"], Category::Management),
    ];
    rules
        .iter()
        .find(|(words, _)| words.iter().any(|w| label.contains(w)))
        .map_or(Category::DataTool, |(_, category)| *category)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tools_lists_split_into_items() {
        let items: Vec<&str> = list_items(" SQL, NoSQL (MongoDB, Cassandra).").collect();
        assert_eq!(items, ["SQL", "NoSQL", "MongoDB", "Cassandra"]);
    }

    #[test]
    fn labels_guess_categories() {
        assert_eq!(
            category_from_label("Programming Languages"),
            Category::Language
        );
        assert_eq!(
            category_from_label("Data Integration Tools"),
            Category::DataTool
        );
        assert_eq!(category_from_label("Monitoring tools"), Category::Devops);
    }
}
