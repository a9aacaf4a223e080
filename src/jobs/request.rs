//! What members and moderators ask of a board, typed: each value already of its kind (text,
//! number, yes/no), not yet checked against the board's rules. The command layer builds
//! these from a slash line, an interaction or the operator's terminal; [`super::validate`]
//! checks them once and [`super::board`] carries them out.

/// `/job post|edit|remove|setup`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JobRequest {
    Post(JobFields),
    /// Change the fields given; the rest stay as they are.
    Edit {
        id: i64,
        fields: JobFields,
    },
    Remove {
        id: i64,
    },
    Setup(SetupRequest),
}

/// A job's fields as a moderator typed them; `None` (or no role) where not given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JobFields {
    pub title: Option<String>,
    pub company: Option<String>,
    pub location: Option<String>,
    pub remote: Option<bool>,
    /// A key of [`super::model::EMPLOYMENT_TYPES`].
    pub employment_type: Option<String>,
    /// A key of [`super::model::LEVELS`].
    pub level: Option<String>,
    pub salary_min: Option<i64>,
    pub salary_max: Option<i64>,
    /// A key of [`super::model::CURRENCIES`].
    pub currency: Option<String>,
    pub apply_url: Option<String>,
    /// Role names as typed in `role`, `role_2` and `role_3`; the board resolves them against
    /// the knowledge base.
    pub role_tags: [Option<String>; 3],
    /// The last day the job lists, as typed (`YYYY-MM-DD`).
    pub expires: Option<String>,
}

/// `/job setup`: who else may manage jobs and where new ones are announced. Nothing given
/// shows the settings.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SetupRequest {
    pub moderator_role: Option<u64>,
    pub announce_channel: Option<u64>,
    /// Forget both settings.
    pub reset: bool,
}

impl SetupRequest {
    /// Whether the request only asks to see the settings.
    pub fn shows_only(&self) -> bool {
        !self.reset && self.moderator_role.is_none() && self.announce_channel.is_none()
    }
}

/// Which featured jobs a member asks `/jobs` for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JobFilter {
    /// A role as typed: a known role matches the jobs tagged with it, anything else titles.
    pub role: Option<String>,
    /// A key of [`super::model::LEVELS`].
    pub level: Option<String>,
    pub remote: Option<bool>,
    pub company: Option<String>,
    /// Best fit for the asker's saved skills first, rather than newest first.
    pub by_fit: bool,
}
