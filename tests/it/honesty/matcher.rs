//! The oracle's own reading of fact texts: which terms and which roles a text names, by
//! whole words in any case (the spellings `skills.toml` marks case-sensitive, and those of
//! one or two letters, as written), the longest spelling winning where two overlap; and
//! which part of a fact speaks of a role.

use rolecall::knowledge::{KnowledgeBase, Role};

/// A term as the oracle knows it: a taxonomy entry, or a qualification.
#[derive(Debug, Clone)]
pub struct OracleTerm {
    pub name: String,
    pub category: String,
    /// Lower case, matched in any case.
    spellings: Vec<String>,
    /// Matched only as written.
    exact: Vec<String>,
}

/// Qualifications, written as the articles and askers write them.
const QUALIFICATIONS: [(&str, &[&str]); 3] = [
    ("PhD", &["phd", "ph.d", "ph. d", "doctorate"]),
    ("master's degree", &["master's", "masters", "master degree"]),
    (
        "bachelor's degree",
        &["bachelor's", "bachelors", "bachelor degree"],
    ),
];

/// Every entry of `skills.toml` (name, category, spellings) and its ignored phrases, then
/// the qualifications.
pub fn read_taxonomy(text: &str) -> (Vec<OracleTerm>, Vec<String>) {
    let value: toml::Value = toml::from_str(text).expect("skills.toml is TOML");
    let strings = |v: Option<&toml::Value>| -> Vec<String> {
        v.and_then(toml::Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|s| s.as_str().map(str::to_owned))
            .collect()
    };
    let ignored = strings(value.get("ignore"));
    let mut terms = Vec::new();
    for entry in value
        .get("skill")
        .and_then(toml::Value::as_array)
        .into_iter()
        .flatten()
    {
        let name = entry
            .get("name")
            .and_then(toml::Value::as_str)
            .unwrap_or_default();
        let category = entry
            .get("category")
            .and_then(toml::Value::as_str)
            .unwrap_or_default();
        let case_sensitive = strings(entry.get("case_sensitive"));
        let mut term = OracleTerm {
            name: name.to_owned(),
            category: category.to_owned(),
            spellings: Vec::new(),
            exact: Vec::new(),
        };
        for spelling in std::iter::once(name.to_owned()).chain(strings(entry.get("aliases"))) {
            for variant in [
                spelling.clone(),
                spelling.replace('-', " "),
                spelling.replace(' ', "-"),
            ] {
                if variant.chars().count() <= 2 || case_sensitive.contains(&spelling) {
                    term.exact.push(variant);
                } else {
                    term.spellings.push(variant.to_lowercase());
                }
            }
        }
        terms.push(term);
    }
    for (name, spellings) in QUALIFICATIONS {
        terms.push(OracleTerm {
            name: name.to_owned(),
            category: "qualification".to_owned(),
            spellings: spellings.iter().map(|s| (*s).to_owned()).collect(),
            exact: Vec::new(),
        });
    }
    (terms, ignored)
}

/// The words the oracle looks for in a knowledge base's facts.
pub struct Words<'k> {
    kb: &'k KnowledgeBase,
    terms: &'k [OracleTerm],
    ignored: Vec<String>,
    /// Per role, its names (name and aliases of three letters or more), lower case.
    role_names: Vec<Vec<String>>,
}

impl<'k> Words<'k> {
    pub fn new(kb: &'k KnowledgeBase, terms: &'k [OracleTerm], ignored: &[String]) -> Words<'k> {
        let role_names = kb
            .roles
            .iter()
            .map(|role| {
                std::iter::once(&role.name)
                    .chain(&role.aliases)
                    .filter(|name| name.trim().chars().count() >= 3)
                    .map(|name| name.trim().to_lowercase())
                    .collect()
            })
            .collect();
        Words {
            kb,
            terms,
            ignored: ignored.iter().map(|s| s.to_lowercase()).collect(),
            role_names,
        }
    }

    /// The terms it looks for.
    pub fn terms(&self) -> &[OracleTerm] {
        self.terms
    }

    /// Whether `phrase` stands in `lower` as whole words.
    pub fn has_word(&self, lower: &str, phrase: &str) -> bool {
        !spans(lower, phrase).is_empty()
    }

    /// The roles `text` names, by name or alias, singular or plural.
    pub fn roles_in(&self, text: &str) -> Vec<usize> {
        let lower = text.to_lowercase();
        (0..self.role_names.len())
            .filter(|&id| {
                self.role_names[id].iter().any(|name| {
                    self.has_word(&lower, name) || self.has_word(&lower, &format!("{name}s"))
                })
            })
            .collect()
    }

    /// The parts of a fact filed under role `id` that speak of it: all of a fact naming no
    /// role; of a fact naming it, each sentence naming no role or only it, and of a
    /// sentence naming it and others, its clause about it alone where a contrast splits
    /// one off; nothing of a fact naming only other roles. Sentences announcing that roles
    /// differ say nothing.
    pub fn own_parts(&self, id: usize, text: &str) -> Vec<String> {
        let named = self.roles_in(text);
        if !named.is_empty() && !named.contains(&id) {
            return Vec::new();
        }
        let mut parts = Vec::new();
        for sentence in sentences(text) {
            if states_nothing(sentence) {
                continue;
            }
            let here = self.roles_in(sentence);
            if here.is_empty() || here == [id] {
                parts.push(sentence.to_owned());
            } else if here.contains(&id) {
                let clause = [" whereas ", " while ", "; "].iter().find_map(|joint| {
                    let alone: Vec<&str> = sentence
                        .split(joint)
                        .filter(|clause| self.roles_in(clause) == [id])
                        .collect();
                    (alone.len() == 1).then(|| alone[0].to_owned())
                });
                parts.push(clause.unwrap_or_else(|| sentence.to_owned()));
            }
        }
        parts
    }

    /// Whether `text` names `term`: one of its spellings stands there as whole words, not
    /// inside a longer spelling of another term, nor inside an ignored phrase.
    pub fn names_term(&self, text: &str, term: &OracleTerm) -> bool {
        let text = text.replace('\u{2019}', "'");
        let lower = text.to_lowercase();
        let blocked: Vec<(usize, usize)> = self
            .ignored
            .iter()
            .flat_map(|phrase| spans(&lower, phrase))
            .collect();
        let all_spans = |t: &OracleTerm| -> Vec<(usize, usize)> {
            let mut found: Vec<(usize, usize)> =
                t.spellings.iter().flat_map(|s| spans(&lower, s)).collect();
            found.extend(t.exact.iter().flat_map(|s| spans(&text, s)));
            found
        };
        let longer_elsewhere: Vec<(usize, usize)> = self
            .terms
            .iter()
            .filter(|t| t.name != term.name)
            .flat_map(all_spans)
            .chain(blocked)
            .collect();
        all_spans(term).into_iter().any(|(start, end)| {
            !longer_elsewhere
                .iter()
                .any(|&(s, e)| s <= start && end <= e && e - s > end - start)
        })
    }

    /// Every role with a fact whose own parts name `term`, with those parts.
    pub fn roles_naming(&self, term: &OracleTerm) -> Vec<(usize, Vec<String>)> {
        let mut found = Vec::new();
        for (id, role) in self.kb.roles.iter().enumerate() {
            let texts: Vec<String> = role
                .sections
                .values()
                .flatten()
                .flat_map(|fact| self.own_parts(id, &fact.text))
                .filter(|part| self.names_term(part, term))
                .collect();
            if !texts.is_empty() {
                found.push((id, texts));
            }
        }
        found
    }

    /// Whether a fact of `role` names `item`: as a term, or (an item the taxonomy lacks) as
    /// written, in any case.
    pub fn role_names_item(&self, role: &Role, item: &str) -> bool {
        let Some(id) = self.kb.roles.iter().position(|r| r.slug == role.slug) else {
            return false;
        };
        let term = self.terms.iter().find(|t| t.name == item);
        role.sections
            .values()
            .flatten()
            .flat_map(|fact| self.own_parts(id, &fact.text))
            .any(|part| match term {
                Some(term) => self.names_term(&part, term),
                None => part.to_lowercase().contains(&item.to_lowercase()),
            })
    }

    /// The role's competencies (what `/skills` lists) that are tools, or that are not, by
    /// the taxonomy's categories; an item the taxonomy lacks is a skill.
    pub fn competencies_of(&self, role: &Role, tools: bool) -> Vec<String> {
        role.competencies
            .iter()
            .filter(|c| {
                let category = self
                    .terms
                    .iter()
                    .find(|t| t.name == c.name)
                    .map(|t| t.category.as_str());
                category.is_some_and(|c| super::TOOL_CATEGORIES.contains(&c)) == tools
            })
            .map(|c| c.name.clone())
            .collect()
    }
}

/// Where `phrase` stands in `text` as whole words: (start, end) byte ranges.
fn spans(text: &str, phrase: &str) -> Vec<(usize, usize)> {
    if phrase.is_empty() {
        return Vec::new();
    }
    text.match_indices(phrase)
        .filter(|(at, _)| {
            let before = text[..*at].chars().next_back();
            let after = text[at + phrase.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
        .map(|(at, _)| (at, at + phrase.len()))
        .collect()
}

/// Sentences: a full stop, question or exclamation mark, a space and a capital.
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for (at, c) in text.char_indices() {
        let rest = &text[at + c.len_utf8()..];
        let capital = rest
            .strip_prefix(' ')
            .and_then(|r| r.chars().next())
            .is_some_and(char::is_uppercase);
        if matches!(c, '.' | '!' | '?') && capital && at >= start {
            let last = text[start..at]
                .rsplit(' ')
                .next()
                .unwrap_or_default()
                .to_lowercase();
            if !matches!(last.as_str(), "e.g" | "i.e" | "etc" | "vs") {
                out.push(text[start..=at].trim());
                start = at + 2;
            }
        }
    }
    out.push(text[start.min(text.len())..].trim());
    out.retain(|s| !s.is_empty());
    out
}

/// Whether a sentence only announces that roles differ ("There is also a difference in
/// their education."): short, about a difference, naming nothing.
pub fn states_nothing(sentence: &str) -> bool {
    let lower = sentence.to_lowercase();
    let words = lower.split_whitespace().count();
    lower.contains("differ") && words <= 9 && !lower.contains(" for ")
}

/// Whether `text` states a qualification: a degree (of any level), a diploma, a
/// certification.
pub fn names_qualification(text: &str) -> bool {
    let lower = text.to_lowercase().replace('\u{2019}', "'");
    [
        "degree",
        "bachelor",
        "master's",
        "masters",
        "ph.d",
        "phd",
        "doctorate",
        "diploma",
        "certification",
        "certificate",
        "mba",
    ]
    .iter()
    .any(|word| lower.contains(word))
}

/// "A, B and C" → its items.
pub fn and_items(list: &str) -> Vec<String> {
    let list = list.trim().trim_end_matches('.');
    let (init, last) = list.rsplit_once(" and ").unwrap_or(("", list));
    init.split(", ")
        .chain(std::iter::once(last))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// "A, B and C for the ML Engineer, and D for the Data Specialist." → each list with the
/// role it is said of (by name or alias) and the other role.
pub fn items_for<'r>(
    apart: &str,
    a: &'r Role,
    b: &'r Role,
) -> Vec<(Vec<String>, &'r Role, &'r Role)> {
    let is_named =
        |role: &Role, name: &str| role.name == name || role.aliases.iter().any(|x| x == name);
    let apart = apart.trim().trim_end_matches('.');
    let parts: Vec<&str> = apart.split(" for the ").collect();
    let mut found = Vec::new();
    let mut items = parts.first().copied().unwrap_or_default();
    for part in &parts[1..] {
        let (name, next) = part.split_once(", and ").unwrap_or((part, ""));
        let (role, other) = if is_named(a, name) { (a, b) } else { (b, a) };
        assert!(is_named(role, name), "{name} is neither role in {apart}");
        found.push((and_items(items), role, other));
        items = next;
    }
    found
}
