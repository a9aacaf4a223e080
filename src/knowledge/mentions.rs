//! Recognising roles named in free text (a question, a job title): every run of words is
//! tried as a role's name, slug or alias, longest first, with typos tolerated in names of
//! two words or more. The advisor reads questions with it, the job board tags job titles.

use std::ops::Range;

use super::words::normalize;
use super::{KnowledgeBase, Role};

/// Longest role name, in words, looked for in a text.
pub const MAX_NAME_WORDS: usize = 6;

/// Words that never start or fill a role name, so fuzzy matching does not read "is a data
/// engineer" as a role, nor "data roles" as "DataOps".
pub const STOP_WORDS: [&str; 34] = [
    "a", "an", "the", "and", "or", "vs", "versus", "to", "from", "for", "of", "in", "is", "are",
    "what", "how", "do", "does", "i", "my", "me", "between", "with", "as", "it", "be", "can", "we",
    "you", "on", "role", "roles", "job", "jobs",
];

/// A role named in a text, and which of its words name it.
#[derive(Debug, Clone)]
pub struct Mention<'k> {
    pub role: &'k Role,
    /// Indices of the words (as given to [`KnowledgeBase::mentions`]) that name it.
    pub words: Range<usize>,
}

impl KnowledgeBase {
    /// The roles `text` names, each once, in order of first mention.
    pub fn roles_named_in(&self, text: &str) -> Vec<&Role> {
        let key = normalize(text);
        let words: Vec<&str> = key.split(' ').filter(|w| !w.is_empty()).collect();
        let mut roles: Vec<&Role> = Vec::new();
        for mention in self.mentions(&words) {
            if !roles.iter().any(|r| r.slug == mention.role.slug) {
                roles.push(mention.role);
            }
        }
        roles
    }

    /// The roles named in `words` (lower-case, as [`normalize`] gives them), in order,
    /// repeats included; the longest name wins at each position.
    pub fn mentions(&self, words: &[&str]) -> Vec<Mention<'_>> {
        let mut found = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let longest = (1..=MAX_NAME_WORDS.min(words.len() - i))
                .rev()
                .find_map(|n| self.role_in(&words[i..i + n]).map(|role| (n, role)));
            match longest {
                Some((n, role)) => {
                    found.push(Mention {
                        role,
                        words: i..i + n,
                    });
                    i += n;
                }
                None => i += 1,
            }
        }
        found
    }

    /// The role `words` name: exactly, or (for two words or more) through a clear fuzzy match.
    fn role_in(&self, words: &[&str]) -> Option<&Role> {
        if let [word] = words {
            // A lone common word is never a role, whatever alias a document gave.
            if STOP_WORDS.contains(word) || word.len() < 2 {
                return None;
            }
        }
        let phrase = words.join(" ");
        if let Some(role) = self.exact(&phrase) {
            return Some(role);
        }
        if words.len() >= 2 && phrase.len() >= 8 && !words.iter().any(|w| STOP_WORDS.contains(w)) {
            return self.recognise(&phrase);
        }
        None
    }
}
