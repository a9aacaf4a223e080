//! End-to-end tests: the real binary, rendered output snapshots, and properties that must
//! hold for any knowledge base and any input. One test binary, so it builds and links once.

mod adding;
mod alert_store;
mod alerts;
mod audience_changes;
mod cli;
mod crash;
mod documents;
mod fit_ranking;
mod forum;
mod gateway;
mod honesty;
mod http;
mod job_board;
mod layers;
mod mentors;
mod operations;
mod oracle;
mod outage;
mod processes;
mod profile_store;
mod profiles;
mod properties;
mod questions;
mod real_documents;
mod relaying;
mod reload;
mod server_knowledge;
mod shutdown;
mod snapshots;
mod spec;
mod store;
mod support;
mod teaching_store;
mod uploads;
mod votes;
