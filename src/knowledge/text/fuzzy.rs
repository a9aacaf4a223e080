//! The one rule for "close enough" between a name or term typed and one known: the better of
//! Jaro–Winkler (weighted down a little) and an edit similarity (optimal string alignment),
//! 0..=1. Role look-up, the template reader's role headings, a question's role names and a
//! term asked about all judge typos by it.

/// A name this alike (0..=1) is taken for the one known: a typo of it.
pub const TYPO: f64 = 0.82;

/// Whether `typed` (normalised, lower-case) is a typo of `known`.
pub fn is_typo_of(typed: &str, known: &str) -> bool {
    similarity(typed, known) >= TYPO
}

/// A single word shorter than this is never taken for a misspelt one: short words sit one
/// letter from other words ("still", "skill").
pub const TYPO_FREE_BELOW: usize = 7;

/// Whether the lower-case word `typed` is a misspelling of the word `known`: same first
/// letter, at least [`TYPO_FREE_BELOW`] letters, one edit apart (two from 12 letters). A
/// stricter rule than names get: a word of a question is checked against every cue word,
/// and common words sit close to them ("retirement", "requirement").
pub fn is_word_typo(typed: &str, known: &str) -> bool {
    let length = typed.chars().count();
    let allowed = if length >= 12 { 2 } else { 1 };
    length >= TYPO_FREE_BELOW
        && typed.chars().next() == known.chars().next()
        && typed != known
        && strsim::osa_distance(typed, known) <= allowed
}

/// How alike two normalised names are, 0..=1: the better of whole-string edit similarity and
/// word-by-word similarity (so "learning engineer" is close to "machine learning engineer").
pub fn similarity(query: &str, term: &str) -> f64 {
    let jaro = jaro_winkler(query, term) * 0.95;
    // The edit similarity is at most 1 − (length difference / longer length): the
    // quadratic alignment is skipped when that cannot beat Jaro–Winkler, as for most
    // candidates whose length is far from the query's.
    let (q, t) = (query.chars().count(), term.chars().count());
    let longest = q.max(t);
    if longest > 0 && 1.0 - q.abs_diff(t) as f64 / longest as f64 <= jaro {
        return jaro;
    }
    jaro.max(edit_similarity(query, term))
}

/// [`strsim::jaro_winkler`], on the stack for the ASCII names of up to [`SHORT_NAME`] bytes
/// that nearly every role has: it is scored for every candidate of every keystroke.
fn jaro_winkler(a: &str, b: &str) -> f64 {
    if a.is_ascii() && b.is_ascii() && a.len() <= SHORT_NAME && b.len() <= SHORT_NAME {
        ascii_jaro_winkler(a.as_bytes(), b.as_bytes())
    } else {
        strsim::jaro_winkler(a, b)
    }
}

/// The longest name [`ascii_jaro_winkler`] takes, in bytes.
const SHORT_NAME: usize = 64;

/// Jaro–Winkler as strsim computes it (same windows, same arithmetic, so the same value),
/// with each byte's search starting at its window rather than at the start of `b`.
pub(crate) fn ascii_jaro_winkler(a: &[u8], b: &[u8]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return if a.len() == b.len() { 1.0 } else { 0.0 };
    }
    let window = (a.len().max(b.len()) / 2).saturating_sub(1);
    let (mut a_matched, mut b_matched) = ([false; SHORT_NAME], [false; SHORT_NAME]);
    let mut matches = 0usize;
    for (i, &byte) in a.iter().enumerate() {
        let end = b.len().min(i + window + 1);
        let start = i.saturating_sub(window).min(end);
        if let Some(j) = (start..end).find(|&j| b[j] == byte && !b_matched[j]) {
            a_matched[i] = true;
            b_matched[j] = true;
            matches += 1;
        }
    }
    if matches == 0 {
        return 0.0;
    }
    // Matched bytes of `a` and of `b`, paired in order: each pair that differs is half a
    // transposition.
    let b_in_order = b
        .iter()
        .zip(b_matched)
        .filter(|(_, m)| *m)
        .map(|(byte, _)| byte);
    let a_in_order = a
        .iter()
        .zip(a_matched)
        .filter(|(_, m)| *m)
        .map(|(byte, _)| byte);
    let transpositions = a_in_order.zip(b_in_order).filter(|(x, y)| x != y).count() / 2;
    let m = matches as f64;
    let jaro =
        ((m / a.len() as f64) + (m / b.len() as f64) + ((matches - transpositions) as f64 / m))
            / 3.0;
    if jaro <= 0.7 {
        return jaro;
    }
    let prefix = a.iter().take(4).zip(b).take_while(|(x, y)| x == y).count();
    jaro + 0.1 * prefix as f64 * (1.0 - jaro)
}

/// 1 − the optimal-string-alignment distance (edits and adjacent swaps) over the longer
/// length: Damerau–Levenshtein similarity for names, where an edit never follows a swap.
fn edit_similarity(a: &str, b: &str) -> f64 {
    let longest = a.chars().count().max(b.chars().count());
    if longest == 0 {
        return 1.0;
    }
    let distance = if a.is_ascii() && b.is_ascii() {
        ascii_osa_distance(a.as_bytes(), b.as_bytes())
    } else {
        strsim::osa_distance(a, b)
    };
    1.0 - distance as f64 / longest as f64
}

/// [`strsim::osa_distance`] over bytes, three rolling rows: role names are ASCII nearly
/// always, and this runs for every candidate of every keystroke with a typo.
pub(crate) fn ascii_osa_distance(a: &[u8], b: &[u8]) -> usize {
    // Rows over `b`: two rows back (for swaps), the previous row, the current one.
    let mut before: Vec<usize> = vec![0; b.len() + 1];
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current: Vec<usize> = vec![0; b.len() + 1];
    for (i, &ca) in a.iter().enumerate() {
        current[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            let mut best = (previous[j] + cost)
                .min(previous[j + 1] + 1)
                .min(current[j] + 1);
            if i > 0 && j > 0 && ca == b[j - 1] && a[i - 1] == cb {
                best = best.min(before[j - 1] + 1);
            }
            current[j + 1] = best;
        }
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_long_word_is_misspelt_one_edit_away_a_short_one_never() {
        assert!(is_word_typo("resposibility", "responsibility"));
        assert!(is_word_typo("requirment", "requirement"));
        assert!(!is_word_typo("retirement", "requirement"));
        assert!(!is_word_typo("still", "skill"));
        assert!(
            !is_word_typo("esponsibility", "responsibility"),
            "first letter kept"
        );
    }

    use super::*;

    #[test]
    fn typos_are_close_and_other_names_are_not() {
        assert!(is_typo_of(
            "data operation specialist",
            "data operations specialist"
        ));
        assert!(is_typo_of("enginer", "engineer"));
        assert!(!is_typo_of("data engineer", "data scientist"));
        assert!(!is_typo_of("python", "spark"));
    }

    proptest::proptest! {
        #[test]
        fn ascii_osa_distance_agrees_with_strsim(a in "[a-e ]{0,12}", b in "[a-e ]{0,12}") {
            proptest::prop_assert_eq!(
                ascii_osa_distance(a.as_bytes(), b.as_bytes()),
                strsim::osa_distance(&a, &b)
            );
        }

        #[test]
        fn ascii_jaro_winkler_is_strsims_to_the_bit(a in "[a-e ]{0,20}", b in "[a-e ]{0,20}") {
            proptest::prop_assert_eq!(
                ascii_jaro_winkler(a.as_bytes(), b.as_bytes()).to_bits(),
                strsim::jaro_winkler(&a, &b).to_bits()
            );
        }
    }
}
