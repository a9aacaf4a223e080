//! What `/me` asks. Always answered privately: a profile is the member's alone.

/// A `/me` request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MeRequest {
    /// `/me skills`: replace, add to or remove from the profile's skills (lists as typed);
    /// none given shows the profile.
    Skills {
        set: Option<String>,
        add: Option<String>,
        remove: Option<String>,
    },
    /// `/me show`: the skills by category, the roles they fit best.
    Show,
    /// `/me forget`: asks to confirm, with a button.
    Forget,
    /// `/me export`: everything stored about the member, as a JSON file.
    Export,
    /// `/me alerts on|off`, in a server: DMs about its new jobs that fit, or none.
    Alerts(AlertsRequest),
}

/// `/me alerts`: on with a filter (its parts as given), or off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AlertsRequest {
    On {
        min_fit: Option<u8>,
        level: Option<String>,
        remote: Option<bool>,
    },
    Off,
}
