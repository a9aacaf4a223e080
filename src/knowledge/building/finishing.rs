//! Finishing a merge again after a few more articles, redoing only the roles they changed.
//!
//! Finishing is per role ([`finish_role`], [`filing::file_role`]) but for two things every
//! role shares: which roles take their initials as an alias ([`MergeState::acronyms`], a
//! count over every role's name) and the names filing finds roles by (every role's names and
//! aliases). So a role finished before is taken as it was when the merge left it as it was
//! (the same `Arc`), its acronym is the same, and no name whose owner changed may stand in
//! its facts: those are found through an index from each word of every fact to the roles
//! holding it. Filing reads names in some of them ([`filing::file_role`]); answers note the
//! roles each fact names on its first use and keep it with the fact
//! (`KnowledgeBase::notes`), so a role kept as it was keeps what answers from the bases
//! before noted, which holds only as long as no name in it changed. The result is what
//! finishing every role again gives (`service::library::server::tests` compare them,
//! notes included).

use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::knowledge::building::filing;
use crate::knowledge::building::merge::{finish_role, MergeState};
use crate::knowledge::lookup::mentions::RoleNames;
use crate::knowledge::model::{Role, RoleId};
use crate::knowledge::reading::taxonomy::Taxonomy;
use crate::knowledge::text::words::{normalize, push_lowercase, singular, word_spans};

/// A merge finished: its roles, and what finishing them again after more articles needs.
#[derive(Debug, Clone)]
pub struct Finished {
    /// Per role: the merged role it was finished from, and the acronym it took.
    from: Vec<(Arc<Role>, Option<String>)>,
    /// Per role: finished, its stray facts filed.
    pub roles: Vec<Arc<Role>>,
    /// Every role's names, as filing found them.
    pub names: Arc<RoleNames>,
    /// The roles finished anew, ascending, when this was finished from an earlier finish
    /// (whose base's indexes need updating for these alone); `None` when all were.
    pub redone: Option<Vec<RoleId>>,
    /// Each word of the roles' facts, as merged (lower-cased, and singular) → the roles
    /// whose facts hold it, ascending, perhaps more than once.
    words: Arc<FxHashMap<Box<str>, Vec<u32>>>,
}

impl Finished {
    /// Every role of `merge` finished and filed.
    pub fn new(merge: &MergeState, taxonomy: &Taxonomy) -> Finished {
        let from: Vec<(Arc<Role>, Option<String>)> = merge
            .roles()
            .iter()
            .cloned()
            .zip(merge.acronyms())
            .collect();
        let unfiled: Vec<Role> = from
            .iter()
            .map(|(role, acronym)| finished(role, acronym.as_deref()))
            .collect();
        let names = RoleNames::build(&unfiled);
        let mut words = FxHashMap::default();
        let roles = unfiled
            .into_iter()
            .enumerate()
            .map(|(id, mut role)| {
                index_words(&mut words, id, &role);
                filing::file_role(id, &mut role, taxonomy, &names);
                Arc::new(role)
            })
            .collect();
        Finished {
            from,
            roles,
            names: Arc::new(names),
            words: Arc::new(words),
            redone: None,
        }
    }

    /// `merge` finished, where it is this finished merge with more articles merged:
    /// only the roles those changed, or whose texts may name a role differently now, are
    /// finished again.
    pub fn update(&self, merge: &MergeState, taxonomy: &Taxonomy) -> Finished {
        let acronyms = merge.acronyms();
        let changed: Vec<usize> = (0..merge.roles().len())
            .filter(|&id| match self.from.get(id) {
                Some((role, acronym)) => {
                    !Arc::ptr_eq(role, &merge.roles()[id]) || *acronym != acronyms[id]
                }
                None => true,
            })
            .collect();
        let unfiled: Vec<(usize, Role)> = changed
            .iter()
            .map(|&id| (id, finished(&merge.roles()[id], acronyms[id].as_deref())))
            .collect();
        let (names, renamed) = self.names_after(&unfiled);
        let mut words = (*self.words).clone();
        for (id, role) in &unfiled {
            index_words(&mut words, *id, role);
        }
        let mut refile: FxHashSet<usize> = changed.iter().copied().collect();
        refile.extend(roles_naming(&words, &renamed));
        let mut redone: Vec<RoleId> = refile.iter().copied().collect();
        redone.sort_unstable();
        let mut unfiled: FxHashMap<usize, Role> = unfiled.into_iter().collect();
        let roles = (0..merge.roles().len())
            .map(|id| {
                if !refile.contains(&id) {
                    return Arc::clone(&self.roles[id]);
                }
                let mut role = unfiled
                    .remove(&id)
                    .unwrap_or_else(|| finished(&merge.roles()[id], acronyms[id].as_deref()));
                filing::file_role(id, &mut role, taxonomy, &names);
                Arc::new(role)
            })
            .collect();
        Finished {
            from: merge.roles().iter().cloned().zip(acronyms).collect(),
            roles,
            names: Arc::new(names),
            words: Arc::new(words),
            redone: Some(redone),
        }
    }

    /// The names after `changed` roles (finished, not filed) took their new names, and the
    /// keys whose owner changed: those they lost or gained.
    fn names_after(&self, changed: &[(usize, Role)]) -> (RoleNames, Vec<String>) {
        let mut gone: Vec<String> = Vec::new();
        let mut added: Vec<(&str, usize)> = Vec::new();
        for (id, role) in changed {
            let before: Vec<String> = self
                .roles
                .get(*id)
                .map(|old| RoleNames::names_of(old).map(normalize).collect())
                .unwrap_or_default();
            let now: Vec<String> = RoleNames::names_of(role).map(normalize).collect();
            gone.extend(before.iter().filter(|key| !now.contains(key)).cloned());
            added.extend(
                RoleNames::names_of(role)
                    .zip(&now)
                    .filter(|(_, key)| !before.contains(key))
                    .map(|(name, _)| (name, *id)),
            );
        }
        let mut renamed = gone.clone();
        renamed.extend(added.iter().map(|(name, _)| normalize(name)));
        let names = self.names.changed(&gone, &added).unwrap_or_else(|| {
            // Rare: built again from every role as it will be (filing keeps names). New
            // roles come last, and are all among the changed.
            let now: FxHashMap<usize, &Role> = changed.iter().map(|(id, r)| (*id, r)).collect();
            let count = self.roles.len() + now.keys().filter(|&&id| id >= self.roles.len()).count();
            let roles: Vec<&Role> = (0..count)
                .map(|id| now.get(&id).copied().unwrap_or_else(|| &*self.roles[id]))
                .collect();
            RoleNames::build(&roles)
        });
        (names, renamed)
    }
}

/// A merged role finished, not yet filed.
fn finished(merged: &Role, acronym: Option<&str>) -> Role {
    let mut role = merged.clone();
    finish_role(&mut role, acronym);
    role
}

/// Adds the words of `role`'s facts (role `id`, merged, not yet filed) to `words`: filed
/// facts are parts of those.
fn index_words(words: &mut FxHashMap<Box<str>, Vec<u32>>, id: usize, role: &Role) {
    let id = id as u32;
    let mut lower = String::new();
    for text in role
        .sections
        .values()
        .flatten()
        .map(|fact| fact.text.as_str())
    {
        for (_, word) in word_spans(text) {
            lower.clear();
            push_lowercase(&mut lower, word);
            let one = singular(&lower).into_owned();
            for form in [lower.as_str(), one.as_str()] {
                match words.get_mut(form) {
                    Some(roles) if roles.last() == Some(&id) => {}
                    Some(roles) => roles.push(id),
                    None => {
                        words.insert(form.into(), vec![id]);
                    }
                }
            }
        }
    }
}

/// The roles whose texts may hold one of the names `keys`: those holding its rarest word.
fn roles_naming<'w>(
    words: &'w FxHashMap<Box<str>, Vec<u32>>,
    keys: &'w [String],
) -> impl Iterator<Item = usize> + 'w {
    keys.iter().flat_map(move |key| {
        key.split(' ')
            .map(|word| words.get(word).map_or(&[][..], Vec::as_slice))
            .min_by_key(|roles| roles.len())
            .unwrap_or(&[])
            .iter()
            .map(|&id| id as usize)
    })
}
