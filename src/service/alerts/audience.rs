//! Who a new job should alert in a server, fast: the server's subscribers (alerts on, not
//! paused, skills saved) read once into memory with their skills as competency keys
//! numbered densely, so matching a job is, per member, a sum over their few key numbers in
//! each of the job's roles' weight tables. The fit is `advisor::matching::fit_percent`'s,
//! exactly (tested against it). When the server's revision in the store moves on, the
//! members changed since are patched in (`patch`); a new taxonomy (a reload of the shipped
//! documents) reads it anew.

use rustc_hash::FxHashMap;

use crate::advisor::matching::skill_keys_in;
use crate::knowledge::reading::taxonomy::Taxonomy;
use crate::knowledge::Role;
use crate::members::alerts::AlertFilter;
use crate::members::store::audience::Subscriber;

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
    /// The taxonomy the skills were read with (its address): every base over the same
    /// curated files shares it, so a server's base rebuilt after an add keeps the audience;
    /// a reload of the shipped documents reads a new one, and the audience anew.
    pub read_with: usize,
    /// Every key any member had since the audience was read: a key number, once given,
    /// stays (a member who drops a key leaves its number unused, which costs a table slot).
    key_numbers: FxHashMap<String, u32>,
    members: Vec<Member>,
    /// Where each member is in `members`: what lets a patch replace one.
    places: FxHashMap<String, usize>,
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
        taxonomy: &Taxonomy,
        read_with: usize,
        revision: i64,
        subscribers: Vec<Subscriber>,
    ) -> Audience {
        let mut audience = Audience {
            revision,
            read_with,
            key_numbers: FxHashMap::default(),
            members: Vec::with_capacity(subscribers.len()),
            places: FxHashMap::default(),
        };
        audience.places.reserve(subscribers.len());
        for subscriber in subscribers {
            audience.add(taxonomy, subscriber);
        }
        audience
    }

    /// Brings the audience to `revision`: each of `changed` is dropped, and those of them
    /// still subscribed come back as `now` has them (their rows read after the revision).
    pub fn patch(
        &mut self,
        taxonomy: &Taxonomy,
        revision: i64,
        changed: &[String],
        now: Vec<Subscriber>,
    ) {
        for user in changed {
            self.remove(user);
        }
        for subscriber in now {
            self.add(taxonomy, subscriber);
        }
        self.revision = revision;
    }

    /// `subscriber` as a member, their skills read into key numbers (new keys numbered on).
    fn add(&mut self, taxonomy: &Taxonomy, subscriber: Subscriber) {
        self.remove(&subscriber.user);
        let keys = skill_keys_in(taxonomy, &subscriber.skills.join(", "))
            .into_iter()
            .map(|key| {
                let next = u32::try_from(self.key_numbers.len()).unwrap_or(u32::MAX);
                *self.key_numbers.entry(key).or_insert(next)
            })
            .collect();
        self.places
            .insert(subscriber.user.clone(), self.members.len());
        self.members.push(Member {
            user: subscriber.user,
            filter: subscriber.filter,
            keys,
        });
    }

    /// Drops `user`, if a member: the last member takes their place.
    fn remove(&mut self, user: &str) {
        let Some(place) = self.places.remove(user) else {
            return;
        };
        self.members.swap_remove(place);
        if let Some(moved) = self.members.get(place) {
            if let Some(slot) = self.places.get_mut(&moved.user) {
                *slot = place;
            }
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
    use crate::advisor::matching::{fit_percent, skill_keys};
    use crate::knowledge::KnowledgeBase;

    fn kb() -> KnowledgeBase {
        KnowledgeBase::embedded().expect("the shipped knowledge")
    }

    /// Each member with their filter and keys by name, sorted by member: what two audiences
    /// must agree on to match every job alike, whatever their numbering and order.
    fn contents(audience: &Audience) -> Vec<(String, AlertFilter, Vec<String>)> {
        let mut names = vec![""; audience.key_numbers.len()];
        for (key, &number) in &audience.key_numbers {
            names[number as usize] = key;
        }
        let mut rows: Vec<_> = audience
            .members
            .iter()
            .map(|member| {
                let mut keys: Vec<String> = member
                    .keys
                    .iter()
                    .map(|&k| names[k as usize].to_owned())
                    .collect();
                keys.sort();
                (member.user.clone(), member.filter.clone(), keys)
            })
            .collect();
        rows.sort_by(|a, b| a.0.cmp(&b.0));
        for (place, member) in audience.members.iter().enumerate() {
            assert_eq!(audience.places.get(&member.user), Some(&place));
        }
        assert_eq!(audience.places.len(), audience.members.len());
        rows
    }

    fn subscriber(user: &str, min_fit: u8, skills: &str) -> Subscriber {
        Subscriber {
            user: user.into(),
            filter: AlertFilter {
                min_fit,
                ..AlertFilter::default()
            },
            skills: skills.split(", ").map(str::to_owned).collect(),
        }
    }

    #[test]
    fn a_patched_audience_is_the_one_read_fresh_and_fits_alike() {
        let kb = kb();
        let before = vec![
            subscriber("a", 10, "python, sql"),
            subscriber("b", 20, "excel"),
            subscriber("c", 30, "pytorch, docker"),
            subscriber("d", 40, "rust"),
        ];
        let mut patched = Audience::read(&kb.taxonomy, 0, 1, before);
        // a's skills change, b leaves (alerts off, paused or forgotten), e and f arrive,
        // d's filter changes; c is untouched; "ghost" changed but was never subscribed.
        let now = vec![
            subscriber("a", 10, "statistics, tableau, knitting"),
            subscriber("d", 5, "rust"),
            subscriber("e", 1, "sql, dbt, airflow"),
            subscriber("f", 1, "kubernetes"),
        ];
        let changed: Vec<String> = ["a", "b", "d", "e", "f", "ghost"]
            .map(String::from)
            .to_vec();
        patched.patch(&kb.taxonomy, 7, &changed, now.clone());
        let mut all = now;
        all.push(subscriber("c", 30, "pytorch, docker"));
        let fresh = Audience::read(&kb.taxonomy, 0, 7, all);
        assert_eq!(contents(&patched), contents(&fresh));
        assert_eq!(patched.revision, 7);
        for role in &kb.roles {
            let sorted = |mut found: Vec<Match>| {
                found.sort_by(|a, b| a.user.cmp(&b.user));
                found
            };
            assert_eq!(
                sorted(patched.matching(&[role], None, true)),
                sorted(fresh.matching(&[role], None, true)),
                "{}",
                role.slug
            );
        }
        // Everyone leaving leaves an empty audience.
        let everyone: Vec<String> = contents(&fresh).into_iter().map(|row| row.0).collect();
        patched.patch(&kb.taxonomy, 8, &everyone, Vec::new());
        assert!(patched.is_empty());
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
        let subscribers: Vec<Subscriber> = lists
            .iter()
            .enumerate()
            .map(|(i, list)| subscriber(&i.to_string(), 1, list))
            .collect();
        let read = Audience::read(&kb.taxonomy, 0, 1, subscribers.clone());
        // The same members patched in, over others who then left: the fit is the same.
        let mut patched =
            Audience::read(&kb.taxonomy, 0, 0, vec![subscriber("gone", 1, "rust, sql")]);
        let mut changed: Vec<String> = subscribers.iter().map(|s| s.user.clone()).collect();
        changed.push("gone".into());
        patched.patch(&kb.taxonomy, 1, &changed, subscribers);
        for audience in [&read, &patched] {
            for role in &kb.roles {
                let found = audience.matching(&[role], None, false);
                assert!(found.iter().all(|m| m.user != "gone"));
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
            &kb.taxonomy,
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
