//! Who a new job should alert in a server, fast: the server's subscribers (alerts on, not
//! paused, skills saved) read once into memory with their skills as competency keys
//! numbered densely, so matching a job is, per member, a sum over their few key numbers in
//! each of the job's roles' weight tables. The fit is `advisor::matching::fit_percent`'s,
//! exactly (tested against it); the audience is rebuilt when the server's revision in the
//! store, or the knowledge base it was read with, changes.

use rustc_hash::FxHashMap;

use crate::advisor::matching::skill_keys;
use crate::knowledge::{KnowledgeBase, Role};
use crate::members::alerts::AlertFilter;
use crate::members::store::alerts::Subscriber;

/// One subscriber, as matching reads them.
#[derive(Debug)]
struct Member {
    user: String,
    filter: AlertFilter,
    /// Their competency keys, as numbers into [`Audience::key_numbers`].
    keys: Box<[u32]>,
}

/// A server's subscribers, ready to match jobs against.
#[derive(Debug)]
pub struct Audience {
    /// The store's revision of the server's audience this was read at.
    pub revision: i64,
    /// The knowledge base the skills were read with (its address: a rebuilt base is new).
    pub read_with: usize,
    key_numbers: FxHashMap<String, u32>,
    members: Vec<Member>,
}

/// A member a job fits: who, and how well (percent, as the job's best-fitting role).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    pub user: String,
    pub fit: u8,
}

/// A role's weights, by key number: what each of its competencies counts toward its total.
struct RoleWeights {
    weights: Vec<u32>,
    total: u64,
}

impl Audience {
    /// The subscribers' skills read into keys with `kb` (the server's base).
    pub fn read(
        kb: &KnowledgeBase,
        read_with: usize,
        revision: i64,
        subscribers: Vec<Subscriber>,
    ) -> Audience {
        let mut key_numbers: FxHashMap<String, u32> = FxHashMap::default();
        let members = subscribers
            .into_iter()
            .map(|subscriber| {
                let keys = skill_keys(kb, &subscriber.skills.join(", "))
                    .into_iter()
                    .map(|key| {
                        let next = u32::try_from(key_numbers.len()).unwrap_or(u32::MAX);
                        *key_numbers.entry(key).or_insert(next)
                    })
                    .collect();
                Member {
                    user: subscriber.user,
                    filter: subscriber.filter,
                    keys,
                }
            })
            .collect();
        Audience {
            revision,
            read_with,
            key_numbers,
            members,
        }
    }

    /// How many members are subscribed.
    pub fn len(&self) -> usize {
        self.members.len()
    }

    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }

    /// The members a job for `roles`, at `level`, remote or not, should alert: those whose
    /// filters admit it and whose fit (as its best role) reaches their `min_fit`.
    pub fn matching(&self, roles: &[&Role], level: Option<&str>, remote: bool) -> Vec<Match> {
        let tables: Vec<RoleWeights> = roles.iter().map(|role| self.weights(role)).collect();
        if tables.is_empty() {
            return Vec::new();
        }
        self.members
            .iter()
            .filter(|member| member.filter.admits(level, remote))
            .filter_map(|member| {
                let fit = tables
                    .iter()
                    .map(|table| table.fit(&member.keys))
                    .max()
                    .unwrap_or(0);
                (fit >= member.filter.min_fit).then(|| Match {
                    user: member.user.clone(),
                    fit,
                })
            })
            .collect()
    }

    /// `role`'s weight table over this audience's key numbers.
    fn weights(&self, role: &Role) -> RoleWeights {
        let weight = |named: u32| named.max(1);
        let mut weights = vec![0; self.key_numbers.len()];
        let mut total = 0u64;
        for competency in &role.competencies {
            total += u64::from(weight(competency.named));
            if let Some(&number) = self.key_numbers.get(&competency.key) {
                weights[number as usize] += weight(competency.named);
            }
        }
        RoleWeights { weights, total }
    }
}

impl RoleWeights {
    /// The fit of a member with these key numbers, as `fit_percent` computes it.
    fn fit(&self, keys: &[u32]) -> u8 {
        let had: u64 = keys
            .iter()
            .map(|&key| u64::from(self.weights[key as usize]))
            .sum();
        u8::try_from(had * 100 / self.total.max(1)).unwrap_or(100)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::advisor::matching::fit_percent;

    fn kb() -> KnowledgeBase {
        KnowledgeBase::embedded().expect("the shipped knowledge")
    }

    #[test]
    fn the_fit_is_fit_percents_for_every_member_and_role() {
        let kb = kb();
        let lists = [
            "python, sql, tableau",
            "pytorch, docker, kubernetes, python",
            "excel, communication",
            "rust, haskell",
            "sql, dbt, airflow, snowflake, python, statistics",
        ];
        let subscribers = lists
            .iter()
            .enumerate()
            .map(|(i, list)| Subscriber {
                user: i.to_string(),
                filter: AlertFilter {
                    min_fit: 1,
                    ..AlertFilter::default()
                },
                skills: list.split(", ").map(str::to_owned).collect(),
            })
            .collect();
        let audience = Audience::read(&kb, 0, 1, subscribers);
        for role in &kb.roles {
            let found = audience.matching(&[role], None, false);
            for (i, list) in lists.iter().enumerate() {
                let expected = fit_percent(role, &skill_keys(&kb, list));
                let got = found
                    .iter()
                    .find(|m| m.user == i.to_string())
                    .map_or(0, |m| usize::from(m.fit));
                assert_eq!(got, expected, "{} for {list}", role.slug);
            }
        }
    }

    #[test]
    fn filters_and_the_least_fit_decide_who_is_alerted() {
        let kb = kb();
        let role = kb.exact("data scientist").expect("a data scientist role");
        let everything: Vec<String> = role.competencies.iter().map(|c| c.name.clone()).collect();
        let subscriber = |user: &str, filter: AlertFilter| Subscriber {
            user: user.into(),
            filter,
            skills: everything.clone(),
        };
        let audience = Audience::read(
            &kb,
            0,
            1,
            vec![
                subscriber("any", AlertFilter::default()),
                subscriber(
                    "senior",
                    AlertFilter {
                        level: Some("senior".into()),
                        ..AlertFilter::default()
                    },
                ),
                subscriber(
                    "onsite",
                    AlertFilter {
                        remote: Some(false),
                        ..AlertFilter::default()
                    },
                ),
            ],
        );
        let users =
            |found: Vec<Match>| -> Vec<String> { found.into_iter().map(|m| m.user).collect() };
        assert_eq!(
            users(audience.matching(&[role], Some("mid"), true)),
            ["any"]
        );
        assert_eq!(
            users(audience.matching(&[role], Some("senior"), false)),
            ["any", "senior", "onsite"]
        );
        assert!(audience.matching(&[], None, false).is_empty());
    }
}
