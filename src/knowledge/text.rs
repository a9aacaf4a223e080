//! How text is compared, one way for every stage: words and their plurals and stems
//! (`words`), slugs and acronyms (`names`), names found in a text (`finder`), when a name
//! typed is a typo of one known (`fuzzy`), and lists typed in one line (`lists`).

pub mod finder;
pub mod fuzzy;
pub mod lists;
pub mod names;
pub mod stop_words;
pub mod words;
