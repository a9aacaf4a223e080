//! The knowledge base: role documents read, repaired, merged and indexed in memory.

pub mod article;
pub mod curated;
pub mod featured_jobs;
pub mod model;
pub mod mojibake;
pub mod prose;
pub mod taxonomy;
pub mod template;

pub use model::*;
