//! Job alerts as a member sets them (`/me alerts on|off`, in a server): which new jobs of
//! that server they want a DM about, why their alerts may be paused, and the two buttons an
//! alert DM carries, whose ids are read strictly (they carry no command line).

/// The fit a job must reach when `/me alerts on` is given no `min_fit`.
pub const DEFAULT_MIN_FIT: u8 = 50;

/// Alert DMs a member is sent per day unless the operator says otherwise
/// (`ROLECALL_ALERTS_PER_DAY`); the rest wait for the next day, best fit first.
pub const DEFAULT_PER_DAY: u32 = 5;

/// Which new jobs of one server a member wants a DM about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AlertFilter {
    /// The least fit (percent, 1–100) a job's best role must reach.
    pub min_fit: u8,
    /// Only jobs at this level (one of `jobs::model::LEVELS`' keys).
    pub level: Option<String>,
    /// Only remote jobs (`true`) or only on-site ones (`false`).
    pub remote: Option<bool>,
}

impl Default for AlertFilter {
    fn default() -> AlertFilter {
        AlertFilter {
            min_fit: DEFAULT_MIN_FIT,
            level: None,
            remote: None,
        }
    }
}

impl AlertFilter {
    /// Whether a job at `level`, remote or not, passes the level and remote filters (the fit
    /// is compared apart, where it is computed).
    pub fn admits(&self, level: Option<&str>, remote: bool) -> bool {
        let level_ok = match &self.level {
            Some(wanted) => level == Some(wanted.as_str()),
            None => true,
        };
        level_ok && self.remote.is_none_or(|wanted| wanted == remote)
    }
}

/// A member's alerts in one server, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerAlerts {
    pub guild: u64,
    pub enabled: bool,
    pub filter: AlertFilter,
    pub updated_at: i64,
}

/// Why a member's alerts are paused everywhere; `/me alerts on` lifts it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pause {
    pub reason: String,
    pub paused_at: i64,
}

/// Everything about a member's alerts, for `/me show`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AlertStatus {
    pub servers: Vec<ServerAlerts>,
    pub pause: Option<Pause>,
}

/// The reason kept when Discord refuses to DM a member (their DMs are closed to the bot).
pub const DMS_CLOSED: &str = "Discord would not let me send you a direct message (your DMs are closed to me, or we share no server any more). Allow direct messages from this server's members, then run `/me alerts on` again.";

/// The two buttons of an alert DM. A click comes from the member's DMs, where no server is
/// known, so each names the server the alert came from; neither is a command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AlertButton {
    /// "Stop these alerts": the clicker's alerts in `guild` are turned off.
    Stop { guild: u64 },
    /// "Show me similar jobs": the server's jobs for the same roles, best fit first.
    Similar { guild: u64, job: i64 },
}

const STOP_PREFIX: &str = "alerts:stop:";
const SIMILAR_PREFIX: &str = "alerts:similar:";

impl AlertButton {
    /// The button's `custom_id` (at most 55 characters: two 20-digit numbers and a prefix).
    pub fn custom_id(self) -> String {
        match self {
            AlertButton::Stop { guild } => format!("{STOP_PREFIX}{guild}"),
            AlertButton::Similar { guild, job } => format!("{SIMILAR_PREFIX}{guild}:{job}"),
        }
    }

    /// Whether `id` is meant as an alert button (and so is never read as a command line).
    pub fn claims(id: &str) -> bool {
        id.starts_with("alerts:")
    }

    /// The button `id` names, read strictly: exactly the prefix and positive numbers.
    pub fn parse(id: &str) -> Option<AlertButton> {
        let number = |text: &str| -> Option<u64> {
            let ok =
                !text.is_empty() && text.len() <= 20 && text.bytes().all(|b| b.is_ascii_digit());
            ok.then(|| text.parse().ok()).flatten().filter(|n| *n > 0)
        };
        if let Some(guild) = id.strip_prefix(STOP_PREFIX) {
            return Some(AlertButton::Stop {
                guild: number(guild)?,
            });
        }
        let (guild, job) = id.strip_prefix(SIMILAR_PREFIX)?.split_once(':')?;
        Some(AlertButton::Similar {
            guild: number(guild)?,
            job: i64::try_from(number(job)?).ok()?,
        })
    }
}

/// The Unix day (UTC) of `unix_seconds`: the cap counts alert DMs per such day.
pub fn day_of(unix_seconds: i64) -> i64 {
    unix_seconds.div_euclid(86_400)
}

/// When the Unix day after `day` starts, in seconds.
pub fn start_of_day_after(day: i64) -> i64 {
    (day + 1) * 86_400
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alert_buttons_round_trip_and_nothing_else_reads_as_one() {
        for button in [
            AlertButton::Stop { guild: 4000 },
            AlertButton::Similar {
                guild: u64::MAX,
                job: i64::MAX,
            },
        ] {
            let id = button.custom_id();
            assert!(id.chars().count() <= 100);
            assert!(AlertButton::claims(&id));
            assert_eq!(AlertButton::parse(&id), Some(button));
        }
        for forged in [
            "alerts:stop:",
            "alerts:stop:0",
            "alerts:stop:12a",
            "alerts:stop:-4",
            "alerts:stop:4 /jobs",
            "alerts:similar:4000",
            "alerts:similar:4000:",
            "alerts:similar:4000:99999999999999999999",
            "alerts:similar:4000:7:8",
            "/jobs fit:true",
        ] {
            assert_eq!(AlertButton::parse(forged), None, "{forged}");
        }
    }

    #[test]
    fn the_level_and_remote_filters_admit_only_what_they_name() {
        let any = AlertFilter::default();
        assert!(any.admits(None, false) && any.admits(Some("senior"), true));
        let senior_remote = AlertFilter {
            level: Some("senior".into()),
            remote: Some(true),
            ..AlertFilter::default()
        };
        assert!(senior_remote.admits(Some("senior"), true));
        assert!(!senior_remote.admits(Some("senior"), false));
        assert!(!senior_remote.admits(Some("mid"), true));
        assert!(!senior_remote.admits(None, true));
    }

    #[test]
    fn days_are_utc_days() {
        assert_eq!(day_of(0), 0);
        assert_eq!(day_of(86_399), 0);
        assert_eq!(day_of(86_400), 1);
        assert_eq!(start_of_day_after(day_of(100_000)), 172_800);
    }
}
