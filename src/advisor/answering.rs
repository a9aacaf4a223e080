//! Answering: one module per command family, each from a request to a reply.

pub mod about;
pub mod adding;
pub mod alerts;
pub mod articles;
pub mod aspect;
pub mod comparative;
pub mod compare;
pub mod forum;
pub mod gaps;
pub mod jobs;
pub mod matching;
pub mod me;
pub mod path;
pub mod profile;
pub mod relayed;
pub mod reverse;
pub mod roles;
pub mod search;
pub mod teaching;
