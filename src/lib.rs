//! rolecall: a career advisor for data and ML roles, answering from role-comparison articles.
//!
//! The crate is layered so that Discord stays at the edge:
//! - [`knowledge`] reads `knowledge/` into an immutable, in-memory [`knowledge::KnowledgeBase`];
//! - [`commands`] holds the one definition of every command and turns typed lines into requests;
//! - [`advisor`] answers a request from the knowledge base with a [`reply::Reply`];
//! - [`reply`] is the platform-neutral reply model, its Discord limits and its renderers;
//! - [`jobs`] is the featured-jobs board and its store; [`teaching`] the articles mentors add,
//!   who may add them, and their store; both in the one [`database`] (SQLite or PostgreSQL);
//! - [`service`] answers a call for every front end, through the advisor and the job store.

pub mod advisor;
pub mod commands;
pub mod config;
pub mod database;
pub mod discord;
pub mod jobs;
pub mod knowledge;
pub mod members;
pub mod reply;
pub mod service;
#[cfg(any(test, feature = "synthetic"))]
pub mod synthetic;
pub mod teaching;
pub mod telemetry;
