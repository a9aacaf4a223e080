//! Telling two bullets that say the same thing apart from two that do not: each fact's
//! content words, hashed, compared by overlap.

use crate::knowledge::text::stop_words::is_stop_word;
use crate::knowledge::text::words::{split_words, stem};

/// Two bullets whose word sets overlap this much (Jaccard) say the same thing…
const NEAR_DUPLICATE: f64 = 0.75;
/// …and so does a bullet of at least [`CONTAINED_MIN_WORDS`] content words whose words are
/// nearly all in another ("validate model effectiveness" within "validate model performance
/// and improve accuracy").
const CONTAINED: f64 = 0.8;
const CONTAINED_MIN_WORDS: usize = 4;

/// A bullet's content words, as sorted, deduplicated hashes: compact, because one is kept
/// per fact until merging ends.
pub(super) type WordSet = Vec<u64>;

/// Lower-case content words of `text`, hashed.
pub(super) fn word_set(text: &str) -> WordSet {
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

pub(super) fn near_duplicate(a: &[u64], b: &[u64]) -> bool {
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
}
