//! Merging parsed articles into role profiles: one role per person-facing job title, every
//! fact kept once with all its sources, skills and tools recognised as competencies.

use crate::knowledge::text::words::split_words;
use std::collections::{BTreeMap, HashMap, HashSet};

use crate::knowledge::model::{
    Article, ArticleId, Category, Competency, Fact, FeaturedJob, Role, RoleId, Section, Warning,
};
use crate::knowledge::reading::curated::CuratedRoles;
use crate::knowledge::reading::parsed::{ParsedArticle, ParsedRole};
use crate::knowledge::reading::taxonomy::Taxonomy;
use crate::knowledge::text::names::{acronym, slugify};
use crate::knowledge::text::stop_words::is_stop_word;
use crate::knowledge::text::words::{normalize, stem};

/// Two bullets whose word sets overlap this much (Jaccard) say the same thing…
const NEAR_DUPLICATE: f64 = 0.75;
/// …and so does a bullet of at least [`CONTAINED_MIN_WORDS`] content words whose words are
/// nearly all in another ("validate model effectiveness" within "validate model performance
/// and improve accuracy").
const CONTAINED: f64 = 0.8;
const CONTAINED_MIN_WORDS: usize = 4;

/// Sections whose facts name skills and tools. A difference often speaks of both roles
/// ("… whereas MLOps mainly focus on … programming"): its skills are counted when it is
/// filed, from the part about each role (`knowledge::filing`).
pub(super) const COMPETENCY_SECTIONS: [Section; 3] =
    [Section::Skills, Section::Tools, Section::Responsibilities];

/// Everything merged from a set of parsed articles.
#[derive(Debug, Default)]
pub struct Merged {
    pub roles: Vec<Role>,
    pub jobs: Vec<FeaturedJob>,
    pub warnings: Vec<Warning>,
}

/// What makes two job cards the same job: title, company, location and salary.
type JobKey = (String, String, String, Option<(String, u64, u64)>);

/// Accumulates roles across articles.
pub struct Merger<'k> {
    taxonomy: &'k Taxonomy,
    curated: &'k CuratedRoles,
    /// Normalised name or alias → role.
    by_name: HashMap<String, RoleId>,
    roles: Vec<Role>,
    /// Per role and section, the word sets of its facts, for near-duplicate checks.
    word_sets: Vec<BTreeMap<Section, Vec<WordSet>>>,
    jobs: Vec<FeaturedJob>,
    /// Every job card kept: the same card in many articles is one job.
    job_keys: HashSet<JobKey>,
    slugs: HashSet<String>,
    warnings: Vec<Warning>,
}

impl<'k> Merger<'k> {
    pub fn new(taxonomy: &'k Taxonomy, curated: &'k CuratedRoles) -> Merger<'k> {
        Merger {
            taxonomy,
            curated,
            by_name: HashMap::new(),
            roles: Vec::new(),
            word_sets: Vec::new(),
            jobs: Vec::new(),
            job_keys: HashSet::new(),
            slugs: HashSet::new(),
            warnings: Vec::new(),
        }
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

    pub fn finish(mut self) -> Merged {
        self.add_acronyms();
        for role in &mut self.roles {
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
        Merged {
            roles: self.roles,
            jobs: self.jobs,
            warnings: self.warnings,
        }
    }

    fn warn(&mut self, file: &str, line: usize, message: String) {
        self.warnings.push(Warning {
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
            .find_map(|n| self.by_name.get(&normalize(n)).copied());
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
        if self.slugs.contains(&slug) {
            // Keep the suffix within the limit too: it must stay unique and short.
            let suffix = format!("-{}", self.roles.len() + 1);
            let mut base = slug.clone();
            while base.len() + suffix.len() > crate::knowledge::text::names::SLUG_MAX {
                base.pop();
            }
            slug = format!("{}{suffix}", base.trim_end_matches('-'));
        }
        self.slugs.insert(slug.clone());
        self.roles.push(Role {
            slug,
            name: name.to_owned(),
            aliases: Vec::new(),
            sections: BTreeMap::new(),
            competencies: Vec::new(),
            sources: Vec::new(),
            notes,
        });
        self.word_sets.push(BTreeMap::new());
        self.roles.len() - 1
    }

    fn add_alias(&mut self, id: RoleId, alias: &str) {
        let key = normalize(alias);
        if key.is_empty() {
            return;
        }
        // The first role to claim a name keeps it.
        let owner = *self.by_name.entry(key.clone()).or_insert(id);
        let role = &mut self.roles[id];
        if owner == id
            && normalize(&role.name) != key
            && !role.aliases.iter().any(|a| normalize(a) == key)
        {
            role.aliases.push(alias.trim().to_owned());
        }
    }

    fn absorb(&mut self, role_id: RoleId, article: ArticleId, parsed: ParsedRole) {
        if !self.roles[role_id].sources.contains(&article) {
            self.roles[role_id].sources.push(article);
        }
        for fact in parsed.facts {
            if COMPETENCY_SECTIONS.contains(&fact.section) {
                let found = competencies(self.taxonomy, fact.section, &fact.text);
                self.roles[role_id].competencies.extend(found);
            }
            self.add_fact(role_id, article, fact.section, fact.text);
        }
    }

    /// Adds a fact, or credits `article` on a near-identical one already there.
    fn add_fact(&mut self, role_id: RoleId, article: ArticleId, section: Section, text: String) {
        let words = word_set(&text);
        let sets = self.word_sets[role_id].entry(section).or_default();
        let facts = self.roles[role_id].sections.entry(section).or_default();
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
        if self.job_keys.insert(key) {
            self.jobs.push(job);
        }
    }

    /// Gives each role its initials as an alias ("MLE"), unless two roles share them.
    fn add_acronyms(&mut self) {
        let mut counts: HashMap<String, usize> = HashMap::new();
        for role in &self.roles {
            if let Some(a) = acronym(&role.name) {
                *counts.entry(a).or_default() += 1;
            }
        }
        for id in 0..self.roles.len() {
            if let Some(a) = acronym(&self.roles[id].name) {
                if counts.get(&a) == Some(&1) {
                    self.add_alias(id, &a);
                }
            }
        }
    }
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

/// A bullet's content words, as sorted, deduplicated hashes: compact, because one is kept
/// per fact until merging ends.
type WordSet = Vec<u64>;

/// Lower-case content words of `text`, hashed.
fn word_set(text: &str) -> WordSet {
    let mut words: WordSet = split_words(text)
        .filter(|w| !is_stop_word_any_case(w))
        .map(word_hash)
        .collect();
    words.sort_unstable();
    words.dedup();
    words
}

/// [`is_stop_word`] for a word as written ("The"): only a short capitalised word is
/// lower-cased to ask, since no stop word is longer than seven letters.
fn is_stop_word_any_case(word: &str) -> bool {
    if word.len() <= 7 && word.bytes().any(|b| b.is_ascii_uppercase()) {
        is_stop_word(&word.to_ascii_lowercase())
    } else {
        is_stop_word(word)
    }
}

/// FNV-1a over the stem of the lower-cased word: stable, fast, and collisions only ever merge
/// two bullets that were already almost alike. Runs for every word of every fact, so short
/// ASCII words (nearly all) are lower-cased on the stack.
fn word_hash(word: &str) -> u64 {
    let mut small = [0u8; 32];
    let owned;
    let lower = match small.get_mut(..word.len()) {
        Some(buf) if word.is_ascii() => {
            buf.copy_from_slice(word.as_bytes());
            buf.make_ascii_lowercase();
            std::str::from_utf8(buf).unwrap_or(word)
        }
        _ => {
            owned = word.to_lowercase();
            &owned
        }
    };
    stem(lower)
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325, |hash: u64, byte| {
            (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
        })
}

fn near_duplicate(a: &[u64], b: &[u64]) -> bool {
    if a.is_empty() || b.is_empty() {
        return a.is_empty() && b.is_empty();
    }
    let shared = shared_words(a, b) as f64;
    let smaller = a.len().min(b.len());
    let jaccard = shared / ((a.len() + b.len()) as f64 - shared);
    jaccard >= NEAR_DUPLICATE
        || (smaller >= CONTAINED_MIN_WORDS && shared / smaller as f64 >= CONTAINED)
}

/// How many words two sorted, deduplicated word lists share.
fn shared_words(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_duplicates_share_most_words() {
        let a = word_set("Develop and implement machine learning models and algorithms.");
        let b = word_set("Develop and implement Machine Learning models and algorithms");
        let c = word_set("Optimize models for performance and scalability.");
        assert!(near_duplicate(&a, &b));
        assert!(!near_duplicate(&a, &c));
    }

    #[test]
    fn a_shorter_bullet_within_a_longer_one_is_a_near_duplicate() {
        let short = word_set("Conduct experiments to validate model effectiveness.");
        let long =
            word_set("Conduct experiments to validate model performance and improve accuracy.");
        assert!(near_duplicate(&short, &long));
        let deploying = word_set(
            "Familiarity with cloud platforms (e.g., AWS, Google Cloud) for deploying models.",
        );
        let deployment = word_set(
            "Familiarity with cloud platforms (e.g., AWS, Google Cloud) for model deployment.",
        );
        assert!(near_duplicate(&deploying, &deployment));
        // Short items share a word without saying the same thing.
        assert!(!near_duplicate(
            &word_set("Finance and Banking"),
            &word_set("Finance and Insurance")
        ));
    }

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
