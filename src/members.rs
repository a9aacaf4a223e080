//! What rolecall keeps about a member, at their request: their skill profile, one per member
//! across servers, used by `/match` and `/path` when they give no skills ([`model`]: the
//! profile and how a typed list becomes one; [`alerts`]: the job alerts they asked for per
//! server; [`store`]: where both are kept with the outbox of alert DMs, and how `/me forget`
//! erases it all; [`request`]: what `/me` asks). Nothing here is shown to anyone but the
//! member.

pub mod alerts;
pub mod model;
pub mod request;
pub mod store;

/// The `custom_id` of `/me forget`'s confirming button: it forgets whoever clicks it, and
/// only they see it (the question is private), so it names no one.
pub const FORGET_BUTTON: &str = "me:forget";

/// Why a `/me` request, or a command that needed the profile, was not done.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MemberProblem {
    #[error(transparent)]
    Profile(#[from] model::ProfileProblem),
    /// A command that falls back on the profile found none.
    #[error("no skills given and none saved")]
    NoProfile,
    /// `/me alerts` outside a server: alerts are for one server's jobs.
    #[error("alerts are set in a server")]
    AlertsOutsideServers,
    /// `/me alerts on` with no skills saved: nothing to match jobs against.
    #[error("no skills saved to match jobs against")]
    AlertsWithoutSkills,
    /// The store failed; the details are in the log.
    #[error("profiles are unavailable")]
    Unavailable,
}
