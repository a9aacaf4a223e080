//! How text is compared, one way for every stage: words and their plurals and stems
//! (`words`), slugs and acronyms (`names`), and when a name typed is a typo of one known
//! (`fuzzy`).

pub mod fuzzy;
pub mod names;
pub mod words;
