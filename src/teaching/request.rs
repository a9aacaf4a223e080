//! What mentors and server managers ask of teaching, typed. The command layer builds these
//! from a slash line, an interaction or the terminal; [`super::set_up`] and
//! [`super::manage`] carry them out.

/// `/kb …` calls answered from the teaching store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TeachingRequest {
    Setup(SetupRequest),
    /// `/kb add`: a form for the article's title and text (in Discord; the operator adds
    /// files with `rolecall kb add`).
    Add,
    /// `/kb list`: one page (from 1) of the server's added articles, newest first.
    List {
        page: usize,
    },
    /// `/kb remove`: take article `id` out of the server's articles.
    Remove {
        id: i64,
    },
    /// `/kb history`: the latest additions and removals.
    History,
    /// `/kb gaps`: what members asked that the server's knowledge base could not answer.
    Gaps,
    /// `/kb reload`: the bot's owner re-reads the shipped knowledge documents (answered by
    /// the service's library, not the store).
    Reload,
}

/// `/kb setup`: who may teach, and where the bot answers new forum posts. Nothing given
/// shows the settings.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SetupRequest {
    /// A server role's id.
    pub mentor_role: Option<u64>,
    pub answer_forum: Option<ForumChoice>,
}

/// A change to the server's answer forum.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ForumChoice {
    /// Answer new posts in this forum channel (its id).
    Answer(u64),
    /// Answer in no forum.
    Stop,
}

impl SetupRequest {
    /// Whether the request only asks to see the settings.
    pub fn shows_only(&self) -> bool {
        self.mentor_role.is_none() && self.answer_forum.is_none()
    }
}
