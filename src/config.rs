//! Configuration: `rolecall.toml` (optional, no secrets) overridden by the environment (or
//! `.env`, read by `main`). Parsed once into [`Settings`] by a function that takes a lookup
//! closure, so tests never touch the process environment.

use std::fmt;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use serde::Deserialize;

/// A secret that never prints: `Debug` and `Display` show `[redacted]`.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Secret {
        Secret(value.into())
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

/// Where the bot answers chat messages (not slash commands).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChatMode {
    Off,
    /// DMs and messages that mention the bot: no privileged intent needed.
    Mentions,
    /// Also every message in these channels: needs the privileged MESSAGE_CONTENT intent.
    Channels(Vec<u64>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    pub discord_token: Option<Secret>,
    pub public_key: Option<String>,
    pub application_id: Option<u64>,
    pub guild_id: Option<u64>,
    pub knowledge: Option<PathBuf>,
    pub http_addr: SocketAddr,
    /// Where `/metrics`, `/healthz` and `/readyz` are served for the operator
    /// (`ROLECALL_METRICS_ADDR`, loopback by default); `None` when set to `off`.
    pub metrics_addr: Option<SocketAddr>,
    /// How long a shutdown waits for interactions in flight (`ROLECALL_DRAIN_SECONDS`).
    pub drain_limit: Duration,
    pub chat: ChatMode,
    /// Where featured jobs are kept: `sqlite:PATH` or `postgres://…`. A secret: a
    /// PostgreSQL URL may carry a password.
    pub database_url: Secret,
    /// Discord user ids that own the bot (`ROLECALL_OWNERS`): they may `/kb reload`.
    pub owners: Vec<u64>,
    /// Whether the gateway asks for the privileged Message Content intent
    /// (`ROLECALL_MESSAGE_CONTENT`): the forum mode reads posts that do not mention the bot,
    /// whose text Discord sends only with it. Off unless asked for, because Discord refuses
    /// the connection when the intent is not also enabled in the Developer Portal.
    pub message_content: bool,
    /// FOR TESTS ONLY (`ROLECALL_DISCORD_API`): a fake Discord's base URL, which the bot
    /// token is sent to; the edge accepts only a loopback address (`discord::rest`) and
    /// says loudly when it is set. Never read from `rolecall.toml`.
    pub discord_api: Option<String>,
    /// Alert DMs a member is sent per day (`ROLECALL_ALERTS_PER_DAY`, at least 1).
    pub alerts_per_day: u32,
    /// How long a delivery worker holds an alert it claimed (`ROLECALL_ALERTS_CLAIM_SECONDS`):
    /// a process that dies holding it leaves it to another after this long.
    pub alert_claim_seconds: i64,
}

/// Alert DMs a member is sent per day unless `ROLECALL_ALERTS_PER_DAY` says otherwise.
pub const DEFAULT_ALERTS_PER_DAY: u32 = 5;
/// How long an alert claim lasts unless `ROLECALL_ALERTS_CLAIM_SECONDS` says otherwise: longer
/// than a delivery's three calls to Discord can take.
pub const DEFAULT_ALERT_CLAIM_SECONDS: i64 = 60;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    #[error("Missing {0}: set it in the environment or in .env (see .env.example)")]
    Missing(&'static str),
    #[error("Invalid {name}: {reason}")]
    Invalid { name: &'static str, reason: String },
    #[error("Invalid rolecall.toml: {0}")]
    File(String),
}

/// The optional file's shape; every field may be left out.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSettings {
    application_id: Option<u64>,
    guild_id: Option<u64>,
    knowledge: Option<PathBuf>,
    http_addr: Option<String>,
    metrics_addr: Option<String>,
    drain_seconds: Option<u64>,
    chat: Option<String>,
    chat_channels: Option<Vec<u64>>,
    message_content: Option<bool>,
}

const DEFAULT_HTTP_ADDR: &str = "127.0.0.1:8080";
/// Well within systemd's default 90 s stop timeout, and longer than any answer takes.
pub const DEFAULT_DRAIN_LIMIT: Duration = Duration::from_secs(10);
/// Prometheus' conventional exporter port range, on loopback: never the public endpoint.
pub const DEFAULT_METRICS_ADDR: &str = "127.0.0.1:9184";
/// A SQLite file under `data/`, created on first use.
pub const DEFAULT_DATABASE_URL: &str = "sqlite:data/rolecall.db";

impl Settings {
    /// Reads settings from `file` (the text of `rolecall.toml`, if any) and `lookup` (an
    /// environment variable by name). An empty variable counts as unset.
    pub fn load(
        file: Option<&str>,
        lookup: impl Fn(&str) -> Option<String>,
    ) -> Result<Settings, ConfigError> {
        let file: FileSettings = match file {
            Some(text) => toml::from_str(text).map_err(|e| ConfigError::File(e.to_string()))?,
            None => FileSettings::default(),
        };
        let var = |name: &str| {
            lookup(name)
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        };
        let http_addr = var("ROLECALL_HTTP_ADDR")
            .or(file.http_addr)
            .unwrap_or_else(|| DEFAULT_HTTP_ADDR.to_owned());
        Ok(Settings {
            discord_token: var("DISCORD_TOKEN").map(Secret),
            public_key: var("DISCORD_PUBLIC_KEY"),
            application_id: parse_id("DISCORD_APPLICATION_ID", var("DISCORD_APPLICATION_ID"))?
                .or(file.application_id),
            guild_id: parse_id("DISCORD_GUILD_ID", var("DISCORD_GUILD_ID"))?.or(file.guild_id),
            knowledge: var("ROLECALL_KNOWLEDGE")
                .map(PathBuf::from)
                .or(file.knowledge),
            http_addr: http_addr.parse().map_err(|e| ConfigError::Invalid {
                name: "ROLECALL_HTTP_ADDR",
                reason: format!("{http_addr:?} is not HOST:PORT ({e})"),
            })?,
            metrics_addr: metrics_addr(var("ROLECALL_METRICS_ADDR").or(file.metrics_addr))?,
            drain_limit: match var("ROLECALL_DRAIN_SECONDS") {
                Some(value) => {
                    Duration::from_secs(value.parse().map_err(|e| ConfigError::Invalid {
                        name: "ROLECALL_DRAIN_SECONDS",
                        reason: format!("{value:?} is not a whole number of seconds ({e})"),
                    })?)
                }
                None => file
                    .drain_seconds
                    .map_or(DEFAULT_DRAIN_LIMIT, Duration::from_secs),
            },
            chat: chat_mode(
                var("ROLECALL_CHAT").or(file.chat),
                var("ROLECALL_CHAT_CHANNELS"),
                file.chat_channels,
            )?,
            database_url: Secret(
                var("DATABASE_URL").unwrap_or_else(|| DEFAULT_DATABASE_URL.to_owned()),
            ),
            owners: id_list("ROLECALL_OWNERS", var("ROLECALL_OWNERS"))?,
            message_content: match var("ROLECALL_MESSAGE_CONTENT") {
                Some(value) => flag("ROLECALL_MESSAGE_CONTENT", &value)?,
                None => file.message_content.unwrap_or(false),
            },
            discord_api: var("ROLECALL_DISCORD_API"),
            alerts_per_day: positive(
                "ROLECALL_ALERTS_PER_DAY",
                var("ROLECALL_ALERTS_PER_DAY"),
                1000,
            )?
            .unwrap_or(DEFAULT_ALERTS_PER_DAY),
            alert_claim_seconds: positive(
                "ROLECALL_ALERTS_CLAIM_SECONDS",
                var("ROLECALL_ALERTS_CLAIM_SECONDS"),
                86_400,
            )?
            .map_or(DEFAULT_ALERT_CLAIM_SECONDS, i64::from),
        })
    }

    /// The token, or the one-line error naming the variable.
    pub fn token(&self) -> Result<&Secret, ConfigError> {
        self.discord_token
            .as_ref()
            .ok_or(ConfigError::Missing("DISCORD_TOKEN"))
    }

    pub fn public_key(&self) -> Result<&str, ConfigError> {
        self.public_key
            .as_deref()
            .ok_or(ConfigError::Missing("DISCORD_PUBLIC_KEY"))
    }
}

/// The operator's listener: HOST:PORT, the default when unset, none when `off`.
fn metrics_addr(value: Option<String>) -> Result<Option<SocketAddr>, ConfigError> {
    let value = value.unwrap_or_else(|| DEFAULT_METRICS_ADDR.to_owned());
    if value.eq_ignore_ascii_case("off") {
        return Ok(None);
    }
    value.parse().map(Some).map_err(|e| ConfigError::Invalid {
        name: "ROLECALL_METRICS_ADDR",
        reason: format!("{value:?} is not HOST:PORT or `off` ({e})"),
    })
}

/// `true` or `false` (also `1`/`0`, `yes`/`no`, `on`/`off`), refused with the variable's
/// name otherwise: a typo must not silently leave a feature off.
fn flag(name: &'static str, value: &str) -> Result<bool, ConfigError> {
    match value.to_ascii_lowercase().as_str() {
        "true" | "1" | "yes" | "on" => Ok(true),
        "false" | "0" | "no" | "off" => Ok(false),
        _ => Err(ConfigError::Invalid {
            name,
            reason: format!("{value:?} is not true or false"),
        }),
    }
}

/// A whole number from 1 to `max`, refused with the variable's name otherwise.
fn positive(
    name: &'static str,
    value: Option<String>,
    max: u32,
) -> Result<Option<u32>, ConfigError> {
    value
        .map(|v| match v.parse::<u32>() {
            Ok(n) if (1..=max).contains(&n) => Ok(n),
            _ => Err(ConfigError::Invalid {
                name,
                reason: format!("{v:?} is not a whole number from 1 to {max}"),
            }),
        })
        .transpose()
}

fn parse_id(name: &'static str, value: Option<String>) -> Result<Option<u64>, ConfigError> {
    value
        .map(|v| {
            v.parse::<u64>().map_err(|_| ConfigError::Invalid {
                name,
                reason: format!("{v:?} is not a Discord id (a number)"),
            })
        })
        .transpose()
}

/// A comma-separated list of Discord ids; blanks between commas (a trailing comma) are
/// skipped, anything else that is not an id is refused with the variable's name.
fn id_list(name: &'static str, value: Option<String>) -> Result<Vec<u64>, ConfigError> {
    let Some(list) = value else {
        return Ok(Vec::new());
    };
    list.split(',')
        .map(str::trim)
        .filter(|id| !id.is_empty())
        .map(|id| match id.parse::<u64>() {
            Ok(parsed) if parsed > 0 => Ok(parsed),
            _ => Err(ConfigError::Invalid {
                name,
                reason: format!("{id:?} is not a Discord user id (a number)"),
            }),
        })
        .collect()
}

fn chat_mode(
    mode: Option<String>,
    channels: Option<String>,
    file_channels: Option<Vec<u64>>,
) -> Result<ChatMode, ConfigError> {
    let channels = match channels {
        Some(list) => list
            .split(',')
            .map(|id| {
                parse_id("ROLECALL_CHAT_CHANNELS", Some(id.trim().to_owned()))
                    .map(Option::unwrap_or_default)
            })
            .collect::<Result<Vec<u64>, _>>()?,
        None => file_channels.unwrap_or_default(),
    };
    match mode.as_deref().map(str::to_ascii_lowercase).as_deref() {
        Some("off") => Ok(ChatMode::Off),
        None | Some("mentions") if channels.is_empty() => Ok(ChatMode::Mentions),
        None | Some("mentions") | Some("channels") => Ok(ChatMode::Channels(channels)),
        Some(other) => Err(ConfigError::Invalid {
            name: "ROLECALL_CHAT",
            reason: format!("{other:?} is not one of off, mentions, channels"),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn load(vars: &[(&str, &str)], file: Option<&str>) -> Result<Settings, ConfigError> {
        let map: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| ((*k).into(), (*v).into()))
            .collect();
        Settings::load(file, |k| map.get(k).cloned())
    }

    #[test]
    fn alert_settings_are_whole_numbers_within_bounds() {
        let defaults = load(&[], None).expect("defaults");
        assert_eq!(defaults.alerts_per_day, DEFAULT_ALERTS_PER_DAY);
        assert_eq!(defaults.alert_claim_seconds, DEFAULT_ALERT_CLAIM_SECONDS);
        let set = load(
            &[
                ("ROLECALL_ALERTS_PER_DAY", "2"),
                ("ROLECALL_ALERTS_CLAIM_SECONDS", "3"),
            ],
            None,
        )
        .expect("set");
        assert_eq!((set.alerts_per_day, set.alert_claim_seconds), (2, 3));
        for (name, value) in [
            ("ROLECALL_ALERTS_PER_DAY", "0"),
            ("ROLECALL_ALERTS_PER_DAY", "five"),
            ("ROLECALL_ALERTS_CLAIM_SECONDS", "-1"),
        ] {
            assert!(
                matches!(load(&[(name, value)], None), Err(ConfigError::Invalid { name: n, .. }) if n == name),
                "{name}={value}"
            );
        }
    }

    #[test]
    fn defaults_need_no_variables() {
        let settings = load(&[], None).expect("defaults");
        assert_eq!(settings.http_addr.to_string(), DEFAULT_HTTP_ADDR);
        assert_eq!(settings.chat, ChatMode::Mentions);
        assert_eq!(settings.token(), Err(ConfigError::Missing("DISCORD_TOKEN")));
        assert_eq!(
            settings.public_key().expect_err("missing").to_string(),
            "Missing DISCORD_PUBLIC_KEY: set it in the environment or in .env (see .env.example)"
        );
    }

    #[test]
    fn environment_overrides_the_file() {
        let file = "guild_id = 1\nhttp_addr = \"0.0.0.0:9000\"\nchat = \"off\"";
        let settings = load(
            &[("DISCORD_GUILD_ID", "2"), ("DISCORD_TOKEN", "abc")],
            Some(file),
        )
        .expect("valid");
        assert_eq!(settings.guild_id, Some(2));
        assert_eq!(settings.http_addr.to_string(), "0.0.0.0:9000");
        assert_eq!(settings.chat, ChatMode::Off);
        assert_eq!(settings.token().map(Secret::expose), Ok("abc"));
    }

    #[test]
    fn empty_variables_count_as_unset() {
        assert_eq!(
            load(&[("DISCORD_TOKEN", "  ")], None)
                .expect("valid")
                .discord_token,
            None
        );
    }

    #[test]
    fn bad_values_name_the_variable() {
        let error = load(&[("DISCORD_GUILD_ID", "abc")], None).expect_err("invalid");
        assert!(
            error.to_string().starts_with("Invalid DISCORD_GUILD_ID"),
            "{error}"
        );
        let error = load(&[("ROLECALL_HTTP_ADDR", "nowhere")], None).expect_err("invalid");
        assert!(
            error.to_string().starts_with("Invalid ROLECALL_HTTP_ADDR"),
            "{error}"
        );
        assert!(
            load(&[], Some("secret_token = 1")).is_err(),
            "unknown keys are refused"
        );
    }

    #[test]
    fn chat_channels_need_the_channels_mode() {
        let settings = load(&[("ROLECALL_CHAT_CHANNELS", "10, 11")], None).expect("valid");
        assert_eq!(settings.chat, ChatMode::Channels(vec![10, 11]));
    }

    /// `rolecall.example.toml` shows every key, and each one parses once uncommented.
    #[test]
    fn the_example_file_parses_with_every_key_uncommented() {
        let example = include_str!("../rolecall.example.toml");
        let uncommented: String = example
            .lines()
            .filter_map(|line| line.strip_prefix("# "))
            .filter(|line| {
                line.split_once(" = ")
                    .is_some_and(|(key, _)| key.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
            })
            .map(|line| format!("{line}\n"))
            .collect();
        let settings = load(&[], Some(&uncommented)).expect("the example parses");
        assert!(settings.application_id.is_some() && settings.guild_id.is_some());
        assert!(settings.knowledge.is_some());
        assert_eq!(
            settings.chat,
            ChatMode::Channels(vec![345_678_901_234_567_890])
        );
        assert_eq!(
            load(&[], Some(example)).expect("all commented out"),
            load(&[], None).expect("defaults")
        );
    }

    /// Every variable `Settings` reads is documented in `.env.example`.
    #[test]
    fn every_variable_read_is_in_the_env_example() {
        let example = include_str!("../.env.example");
        let asked = std::cell::RefCell::new(Vec::new());
        let _ = Settings::load(None, |name| {
            asked.borrow_mut().push(name.to_owned());
            None
        });
        let asked = asked.into_inner();
        assert!(asked.len() >= 8, "{asked:?}");
        for name in asked {
            assert!(
                example.contains(&format!("# {name}=")) || example.contains(&format!("\n{name}=")),
                "{name} is read but not in .env.example"
            );
        }
    }

    #[test]
    fn the_metrics_listener_is_on_loopback_unless_moved_or_turned_off() {
        let default = load(&[], None).expect("defaults");
        let addr = default.metrics_addr.expect("on by default");
        assert!(addr.ip().is_loopback(), "{addr}");
        let moved = load(&[("ROLECALL_METRICS_ADDR", "0.0.0.0:9000")], None).expect("valid");
        assert_eq!(
            moved.metrics_addr,
            Some("0.0.0.0:9000".parse().expect("addr"))
        );
        let off = load(&[("ROLECALL_METRICS_ADDR", "off")], None).expect("valid");
        assert_eq!(off.metrics_addr, None);
        let error = load(&[("ROLECALL_METRICS_ADDR", "9184")], None).expect_err("no host");
        assert!(
            error.to_string().contains("ROLECALL_METRICS_ADDR"),
            "{error}"
        );
    }

    #[test]
    fn owners_are_a_comma_separated_list_of_user_ids() {
        assert!(load(&[], None).expect("valid").owners.is_empty());
        let settings = load(&[("ROLECALL_OWNERS", " 123456789012345678, 42 ,")], None);
        assert_eq!(
            settings.expect("valid").owners,
            [123_456_789_012_345_678, 42]
        );
        for bad in ["42,alice", "42;43", "-1", "0", "99999999999999999999"] {
            let error = load(&[("ROLECALL_OWNERS", bad)], None).expect_err(bad);
            assert!(
                error.to_string().starts_with("Invalid ROLECALL_OWNERS: "),
                "{bad}: {error}"
            );
        }
    }

    #[test]
    fn the_message_content_intent_is_asked_for_only_when_set() {
        assert!(!load(&[], None).expect("valid").message_content);
        let file = Some("message_content = true");
        assert!(load(&[], file).expect("valid").message_content);
        let off = load(&[("ROLECALL_MESSAGE_CONTENT", "false")], file).expect("valid");
        assert!(!off.message_content, "the environment wins over the file");
        assert!(
            load(&[("ROLECALL_MESSAGE_CONTENT", "TRUE")], None)
                .expect("valid")
                .message_content
        );
        let error = load(&[("ROLECALL_MESSAGE_CONTENT", "ture")], None).expect_err("a typo");
        assert!(
            error
                .to_string()
                .starts_with("Invalid ROLECALL_MESSAGE_CONTENT: "),
            "{error}"
        );
    }

    #[test]
    fn secrets_never_print() {
        let settings = load(&[("DISCORD_TOKEN", "super-secret-token")], None).expect("valid");
        assert!(!format!("{settings:?}").contains("super-secret-token"));
    }
}
