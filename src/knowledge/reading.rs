//! Reading documents: one article's text into the roles and facts it states, before any
//! merging. A document comes from a directory or the binary (`source`), is cleaned and
//! handed to the reader of its layout (`article`): Markdown by structure (`markdown`), the
//! comparison template (`template`) or free prose (`prose`), which share the cue table of
//! aspects (`aspects`) and line helpers (`lines`), and produce a `parsed` article.

pub mod article;
pub mod aspects;
pub mod backgrounds;
pub mod curated;
pub mod featured_jobs;
pub mod known;
pub mod lines;
pub mod markdown;
pub mod mojibake;
pub mod parsed;
pub mod prose;
pub mod source;
pub mod taxonomy;
pub mod template;
