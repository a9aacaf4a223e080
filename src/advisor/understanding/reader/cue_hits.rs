//! Finding the cue table's phrases in a question: longest first at each word, a word of a
//! role's name or of a longer cue taken once, a long cue word read through a typo.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::cues::{Ask, Says, CUES};
use super::form::Word;
use crate::knowledge::text::fuzzy::{is_word_typo, TYPO_FREE_BELOW};
use crate::knowledge::text::words::singular;
use crate::knowledge::Section;

/// Cue phrases (as singular words) by their first word, longest first.
struct CueIndex {
    by_first_word: HashMap<String, Vec<(Vec<String>, Says)>>,
    /// The cues of one long word ("responsibility"), which a typo does not hide.
    long_words: Vec<(String, Says)>,
}

impl CueIndex {
    /// The cue a misspelt word most likely is: the first long cue word it is a typo of.
    fn misspelt(&self, word: &str) -> Option<(usize, Says)> {
        self.long_words
            .iter()
            .find(|(cue, _)| is_word_typo(word, cue))
            .map(|(_, says)| (1, *says))
    }
}

/// The cue table, indexed once.
fn cue_index() -> &'static CueIndex {
    static INDEX: OnceLock<CueIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index = CueIndex {
            by_first_word: HashMap::new(),
            long_words: Vec::new(),
        };
        for cue in CUES {
            let words: Vec<String> = cue
                .phrase
                .split(' ')
                .map(|w| singular(w).into_owned())
                .collect();
            if let [word] = words.as_slice() {
                if word.chars().count() >= TYPO_FREE_BELOW {
                    index.long_words.push((word.clone(), cue.says));
                }
            }
            index
                .by_first_word
                .entry(words[0].clone())
                .or_default()
                .push((words, cue.says));
        }
        for cues in index.by_first_word.values_mut() {
            cues.sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
        }
        index
    })
}

/// The cues in the question, left to right, the longest at each word; a word in a role's
/// name or in a longer cue is no cue of its own. Returns what they ask, the aspects they
/// name, and which words they took.
pub(super) fn match_cues(words: &[Word], used: &mut [bool]) -> Cues {
    let index = cue_index();
    let mut lists = Vec::new();
    let mut asks = Vec::new();
    let mut aspects = Vec::new();
    let mut cue_words = vec![false; words.len()];
    let mut i = 0;
    while i < words.len() {
        let found = index
            .by_first_word
            .get(&words[i].one)
            .and_then(|cues| {
                cues.iter().find(|(phrase, _)| {
                    let end = i + phrase.len();
                    end <= words.len()
                        && !used[i..end].iter().any(|u| *u)
                        && phrase.iter().zip(&words[i..end]).all(|(p, w)| *p == w.one)
                })
            })
            .map(|(phrase, says)| (phrase.len(), *says))
            .or_else(|| {
                // "resposibilities": a word no cue starts with may be one misspelt.
                let unknown = !used[i] && !index.by_first_word.contains_key(&words[i].one);
                unknown.then(|| index.misspelt(&words[i].one)).flatten()
            });
        let Some((length, says)) = found else {
            i += 1;
            continue;
        };
        let (ask, aspect) = match says {
            Says::Asks(ask) => (Some(ask), None),
            Says::Aspect(section) => (None, Some(section)),
            Says::Both(ask, section) => (Some(ask), Some(section)),
        };
        if ask == Some(Ask::Fit) {
            lists.push(i + length);
        }
        asks.extend(ask.filter(|a| !asks.contains(a)));
        aspects.extend(aspect.filter(|s| !aspects.contains(s)));
        for at in i..i + length {
            used[at] = true;
            cue_words[at] = true;
        }
        i += length;
    }
    Cues {
        asks,
        aspects,
        words: cue_words,
        lists,
    }
}

/// What the cues of a question say, and where.
pub(super) struct Cues {
    pub(super) asks: Vec<Ask>,
    pub(super) aspects: Vec<Section>,
    /// Per word: whether a cue took it.
    pub(super) words: Vec<bool>,
    /// Where a list of the asker's own skills may start ("I know …").
    pub(super) lists: Vec<usize>,
}
