//! Backgrounds people come from that the articles do not profile (`knowledge/backgrounds.toml`):
//! "I'm a backend developer, how do I get into MLOps?" is answered from a backend developer's
//! usual skills, saying so. Optional: without the file, such a question gets the target's
//! first steps.

use std::ops::Range;

use serde::Deserialize;

use crate::knowledge::text::finder::NameFinder;
use crate::knowledge::text::words::word_spans;

/// One background: who, by which names, with which usual skills.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Background {
    /// Stable key ("backend-developer").
    pub key: String,
    /// As a sentence says it ("backend developer").
    pub name: String,
    /// The usual skills, as the taxonomy names them.
    pub skills: Vec<String>,
}

/// Every background, found by any of its names.
#[derive(Debug, Clone, Default)]
pub struct Backgrounds {
    list: Vec<Background>,
    names: NameFinder,
}

#[derive(Debug, thiserror::Error)]
pub enum BackgroundsError {
    #[error("the backgrounds file is not valid: {0}")]
    Toml(String),
    #[error("background #{position} needs a key, a name and at least one skill")]
    Incomplete { position: usize },
    #[error("\"{name}\" names two backgrounds; a name may belong to one background only")]
    DuplicateName { name: String },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileDoc {
    #[serde(default)]
    background: Vec<FileBackground>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileBackground {
    key: String,
    name: String,
    #[serde(default)]
    names: Vec<String>,
    skills: Vec<String>,
}

impl Backgrounds {
    pub fn from_toml(text: &str) -> Result<Backgrounds, BackgroundsError> {
        let doc: FileDoc =
            toml::from_str(text).map_err(|e| BackgroundsError::Toml(e.to_string()))?;
        let mut backgrounds = Backgrounds::default();
        for (position, entry) in doc.background.into_iter().enumerate() {
            let blank = |s: &str| s.trim().is_empty();
            if blank(&entry.key) || blank(&entry.name) || entry.skills.iter().all(|s| blank(s)) {
                return Err(BackgroundsError::Incomplete {
                    position: position + 1,
                });
            }
            let id = backgrounds.list.len();
            for name in std::iter::once(&entry.name).chain(&entry.names) {
                if !backgrounds.names.insert(name, id) && backgrounds.names.get(name) != Some(id) {
                    return Err(BackgroundsError::DuplicateName { name: name.clone() });
                }
            }
            backgrounds.list.push(Background {
                key: entry.key,
                name: entry.name,
                skills: entry.skills.into_iter().filter(|s| !blank(s)).collect(),
            });
        }
        Ok(backgrounds)
    }

    /// The background `name` names as a whole.
    pub fn named(&self, name: &str) -> Option<&Background> {
        self.names.get(name).map(|id| &self.list[id])
    }

    /// The background of key `key`.
    pub fn by_key(&self, key: &str) -> Option<&Background> {
        self.list.iter().find(|b| b.key == key)
    }

    /// The backgrounds named in `text`, with the bytes that name each, in order.
    pub fn named_in(&self, text: &str) -> Vec<(Range<usize>, &Background)> {
        let words: Vec<(usize, &str)> = word_spans(text).collect();
        self.named_in_words(&words)
    }

    /// [`Backgrounds::named_in`] on a text already split by [`word_spans`].
    pub fn named_in_words(&self, words: &[(usize, &str)]) -> Vec<(Range<usize>, &Background)> {
        self.names
            .find_in_words(words)
            .into_iter()
            .map(|found| (found.span, &self.list[found.id]))
            .collect()
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = r#"
[[background]]
key = "backend-developer"
name = "backend developer"
names = ["backend dev", "SWE"]
skills = ["Python", "SQL"]

[[background]]
key = "statistician"
name = "statistician"
skills = ["Statistics"]
"#;

    #[test]
    fn backgrounds_are_found_by_any_name_in_a_question() {
        let backgrounds = Backgrounds::from_toml(FILE).expect("valid");
        assert_eq!(backgrounds.len(), 2);
        assert_eq!(
            backgrounds.named("Backend Devs").map(|b| b.key.as_str()),
            Some("backend-developer")
        );
        let text = "im a swe, and my friend is a statistician";
        let found = backgrounds.named_in(text);
        let keys: Vec<&str> = found.iter().map(|(_, b)| b.key.as_str()).collect();
        assert_eq!(keys, ["backend-developer", "statistician"]);
        assert_eq!(&text[found[0].0.clone()], "swe");
        assert!(backgrounds.named("data scientist").is_none());
    }

    #[test]
    fn a_bad_file_says_what_to_fix() {
        let error = |text: &str| Backgrounds::from_toml(text).err().map(|e| e.to_string());
        assert!(
            error("[[background]]\nkey = \"a\"\nname = \"\"\nskills = [\"SQL\"]")
                .is_some_and(|e| e.contains("#1 needs a key, a name"))
        );
        let twice = "[[background]]\nkey = \"a\"\nname = \"analyst\"\nskills = [\"SQL\"]\n\
                     [[background]]\nkey = \"b\"\nname = \"BA\"\nnames = [\"analysts\"]\nskills = [\"SQL\"]";
        assert!(error(twice).is_some_and(|e| e.contains("\"analysts\" names two backgrounds")));
        assert!(error("background = 3").is_some_and(|e| e.contains("not valid")));
        assert!(Backgrounds::from_toml("").is_ok_and(|b| b.is_empty()));
    }
}
