//! How text is compared, one way for every stage: words and their plurals and stems
//! (`words`), slugs and acronyms (`names`), and the spellings of terms (`terms`: Ph.D. and
//! PhD, C++, CI/CD).

pub mod names;
pub mod words;
