//! The one way a name is found in text: a role's heading in a document, the roles a fact
//! speaks of, the roles a question names. Names are keyed by their words as
//! [`normalize`] gives them (case folded, punctuation dropped, the last word singular), and a
//! text is read as runs of whole words, longest name first, in time linear in the text.

use std::hash::Hasher;
use std::ops::Range;

use rustc_hash::{FxHashMap as HashMap, FxHasher};

use super::words::{normalize, push_lowercase, singular, word_spans};

/// The longest name found in a text, in words: longer runs of a text are never looked up,
/// which keeps reading a text linear. A longer name is still found as a whole ([`NameFinder::get`]).
pub const NAME_WORDS: usize = 6;

/// Names, each standing for an id (a role's place in its list).
#[derive(Debug, Default, Clone)]
pub struct NameFinder {
    /// Name key → id.
    keys: HashMap<Box<str>, usize>,
    /// The first words of a longer name → its id, or `None` when names of several ids
    /// start so.
    starts: HashMap<Box<str>, Option<usize>>,
    /// The [`folded_hash`] of every word that may start a name, as a text writes it → the
    /// most words a name starting with it has: a text's words that start no name cost one
    /// hash and one look-up, and are never lower-cased.
    heads: HashMap<u64, usize>,
}

/// A name found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Bytes of the text that name it, from its first word's start to its last word's end.
    pub span: Range<usize>,
    /// Which of the text's words (as [`word_spans`] gives them) name it.
    pub words: Range<usize>,
    pub id: usize,
}

impl NameFinder {
    /// Makes `name` stand for `id`. A name already taken keeps its first id; a name of no
    /// words is not a name. Says whether it was added.
    pub fn insert(&mut self, name: &str, id: usize) -> bool {
        let key = normalize(name);
        let words: Vec<&str> = key.split(' ').filter(|w| !w.is_empty()).collect();
        if words.is_empty() || self.keys.contains_key(key.as_str()) {
            return false;
        }
        if words.len() <= NAME_WORDS {
            for head in heads(&words) {
                let longest = self.heads.entry(folded_hash(&head)).or_default();
                *longest = (*longest).max(words.len());
            }
        }
        for end in 2..words.len().min(NAME_WORDS + 1) {
            self.starts
                .entry(normalize(&words[..end].join(" ")).into_boxed_str())
                .and_modify(|found| {
                    if *found != Some(id) {
                        *found = None
                    }
                })
                .or_insert(Some(id));
        }
        self.keys.insert(key.into_boxed_str(), id);
        true
    }

    /// Takes the name `key` (as [`normalize`] gives it) out. The words a look-up tries
    /// first stay (a word that starts no name any more costs a look-up, nothing else), but
    /// a name of three words or more also named its first words ([`NameFinder::by_start`]),
    /// which cannot be taken back alone: then nothing changes, it says false, and the
    /// caller builds the finder again.
    pub fn remove_short(&mut self, key: &str) -> bool {
        if key.split(' ').count() >= 3 {
            return false;
        }
        self.keys.remove(key);
        true
    }

    /// The id `name` stands for, as a whole.
    pub fn get(&self, name: &str) -> Option<usize> {
        self.keys.get(normalize(name).as_str()).copied()
    }

    /// Whether a name of at most [`NAME_WORDS`] words may start with `word` (as a text
    /// writes it): a test that costs one hash, before building a key to look up. Never false
    /// for a word that starts such a name.
    pub fn may_start(&self, word: &str) -> bool {
        self.heads.contains_key(&folded_hash(word))
    }

    /// The id of the one name whose first words (two or more, fewer than all) are `text`:
    /// "Data Governance" for "Data Governance Specialist".
    pub fn by_start(&self, text: &str) -> Option<usize> {
        self.starts.get(normalize(text).as_str()).copied().flatten()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// The names in `text`, left to right, the longest at each word, never overlapping.
    pub fn find_in(&self, text: &str) -> Vec<Found> {
        if self.keys.is_empty() {
            return Vec::new();
        }
        let words: Vec<(usize, &str)> = word_spans(text).collect();
        self.find_in_words(&words)
    }

    /// [`NameFinder::find_in`] on a text already split into words by [`word_spans`] (each
    /// word with its byte offset), so that a text read once is not split again.
    pub fn find_in_words(&self, words: &[(usize, &str)]) -> Vec<Found> {
        let mut found = Vec::new();
        if self.keys.is_empty() {
            return found;
        }
        let mut buffers = Buffers::default();
        let mut at = 0;
        while at < words.len() {
            match self.longest_at(words, at, &mut buffers) {
                Some((len, id)) => {
                    let (start, _) = words[at];
                    let (last, word) = words[at + len - 1];
                    found.push(Found {
                        span: start..last + word.len(),
                        words: at..at + len,
                        id,
                    });
                    at += len;
                }
                None => at += 1,
            }
        }
        found
    }

    /// The ids `text` names, each once, in order of first mention.
    pub fn ids_in(&self, text: &str) -> Vec<usize> {
        let mut ids: Vec<usize> = Vec::new();
        for found in self.find_in(text) {
            if !ids.contains(&found.id) {
                ids.push(found.id);
            }
        }
        ids
    }

    /// The longest name starting at word `at`: its length in words and its id.
    fn longest_at(
        &self,
        words: &[(usize, &str)],
        at: usize,
        buffers: &mut Buffers,
    ) -> Option<(usize, usize)> {
        let most = *self.heads.get(&folded_hash(words[at].1))?;
        let most = most.min(words.len() - at);
        let Buffers { key, last } = buffers;
        (1..=most).rev().find_map(|len| {
            key.clear();
            for (i, (_, word)) in words[at..at + len].iter().enumerate() {
                if i > 0 {
                    key.push(' ');
                }
                if i + 1 == len {
                    last.clear();
                    push_lowercase(last, word);
                    key.push_str(&singular(last));
                } else {
                    push_lowercase(key, word);
                }
            }
            self.keys.get(key.as_str()).map(|&id| (len, id))
        })
    }
}

/// The strings a look-up builds its key in, reused across a text.
#[derive(Default)]
struct Buffers {
    key: String,
    last: String,
}

/// The words a text may write where a name of `words` (a key's words) starts: the first word
/// as it is; for a one-word name, also every plural [`singular`] takes back to it.
fn heads(words: &[&str]) -> Vec<String> {
    let first = words[0];
    if words.len() > 1 {
        return vec![first.to_owned()];
    }
    let mut forms = vec![first.to_owned(), format!("{first}s")];
    if let Some(stem) = first.strip_suffix('y') {
        forms.push(format!("{stem}ies"));
    }
    forms.retain(|form| singular(form) == first);
    forms
}

/// A hash of `word` lower-cased, computed without lower-casing it (for ASCII words, nearly
/// all): two words equal but for case hash alike.
fn folded_hash(word: &str) -> u64 {
    let mut hasher = FxHasher::default();
    if word.is_ascii() {
        for byte in word.bytes() {
            hasher.write_u8(byte.to_ascii_lowercase());
        }
    } else {
        for c in word.chars().flat_map(char::to_lowercase) {
            hasher.write_u32(c as u32);
        }
    }
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finder(names: &[(&str, usize)]) -> NameFinder {
        let mut finder = NameFinder::default();
        for (name, id) in names {
            finder.insert(name, *id);
        }
        finder
    }

    #[test]
    fn names_are_found_under_any_case_plural_or_punctuation() {
        let names = finder(&[("Data Scientist", 0), ("MLOps Engineer", 1)]);
        assert_eq!(names.get("data-scientists"), Some(0));
        assert_eq!(names.get("MLOPS ENGINEER"), Some(1));
        assert_eq!(names.get("data"), None);
        let text = "Data Scientists and an MLOps-engineer.";
        let found = names.find_in(text);
        assert_eq!(found.len(), 2);
        assert_eq!(&text[found[0].span.clone()], "Data Scientists");
        assert_eq!(&text[found[1].span.clone()], "MLOps-engineer");
        assert_eq!(found[1].words, 4..6);
        assert_eq!(
            names.ids_in("an mlops engineer, a data scientist, an MLOps Engineer"),
            [1, 0]
        );
    }

    #[test]
    fn the_longest_name_wins_and_the_first_id_keeps_a_name() {
        let mut names = finder(&[("Data Scientist", 0), ("Senior Data Scientist", 1)]);
        assert_eq!(names.ids_in("a senior data scientist"), [1]);
        assert!(!names.insert("data scientists", 2));
        assert_eq!(names.get("Data Scientist"), Some(0));
    }

    #[test]
    fn a_unique_start_names_its_role() {
        let names = finder(&[
            ("Data Governance Specialist", 0),
            ("Data Quality Analyst", 1),
            ("Data Quality Engineer", 2),
        ]);
        assert_eq!(names.by_start("Data Governance"), Some(0));
        assert_eq!(names.by_start("data quality"), None);
        assert_eq!(names.by_start("data"), None);
    }

    #[test]
    fn words_inside_other_words_name_nothing() {
        let names = finder(&[("ML Engineer", 0)]);
        assert!(names.find_in("HTML engineers").is_empty());
        assert!(names.find_in("").is_empty());
        assert!(!names.clone().insert("!!!", 1), "no words");
        let mut names = names;
        let long = "Principal Applied Machine Learning Platform Reliability Engineer";
        assert!(names.insert(long, 1));
        assert_eq!(names.get(long), Some(1), "a long name is still a name");
        assert!(
            names.find_in(long).is_empty(),
            "but not looked for in a text"
        );
    }
}
