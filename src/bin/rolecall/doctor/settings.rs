//! The settings as Discord will read them: each one named, each problem said, no secret
//! shown.

use rolecall::config::{ConfigError, Settings};

use super::{Class, Report, Status};

/// What the settings checks found, for the checks after them.
#[derive(Debug, Default)]
pub struct Checked {
    /// The settings, when they load at all.
    pub settings: Option<Settings>,
    /// Whether the token has the shape of a bot token (false when unset).
    pub token_usable: bool,
    /// Whether the application and guild ids (when set) are snowflakes.
    pub ids_usable: bool,
    /// `ROLECALL_DISCORD_API` as an origin, when set to a loopback address.
    pub api: Option<String>,
}

/// Discord's epoch (2015-01-01), in milliseconds since 1970: a snowflake's top 42 bits count
/// from it.
const DISCORD_EPOCH_MS: u64 = 1_420_070_400_000;

/// Whether `id` is a snowflake Discord could have made: not zero, made after its epoch and
/// not in the future (a day's slack for clocks).
pub fn snowflake(value: &str) -> Result<u64, String> {
    let id: u64 = value
        .trim()
        .parse()
        .map_err(|_| format!("{value:?} is not a Discord id (a number)"))?;
    let made_ms = (id >> 22) + DISCORD_EPOCH_MS;
    let now_ms = u64::try_from(rolecall::service::unix_now())
        .unwrap_or(0)
        .saturating_mul(1000);
    if id >> 22 == 0 {
        return Err(format!(
            "{id} is too small to be a Discord id (ids have 17 to 20 digits)"
        ));
    }
    if made_ms > now_ms + 86_400_000 {
        return Err(format!("{id} would be a Discord id made in the future"));
    }
    Ok(id)
}

/// A bot token's shape: three dot-separated base64url parts, the first the bot's user id.
/// Returns that id when it can be read. Nothing of the token is ever put in a message.
pub fn token_shape(token: &str) -> Result<Option<u64>, String> {
    let parts: Vec<&str> = token.split('.').collect();
    if parts.len() != 3 {
        return Err(format!(
            "{} dot-separated part(s); a bot token has three",
            parts.len()
        ));
    }
    let base64url = |part: &str| {
        !part.is_empty()
            && part
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'=')
    };
    if let Some(at) = parts.iter().position(|part| !base64url(part)) {
        return Err(format!(
            "part {} is empty or not base64url (A-Z, a-z, 0-9, - and _); \
             copy the token again from the Developer Portal (Bot > Reset Token)",
            at + 1
        ));
    }
    Ok(decode_base64url(parts[0])
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .and_then(|id| id.parse().ok()))
}

/// Decodes unpadded (or padded) base64url; `None` when it is not.
fn decode_base64url(text: &str) -> Option<Vec<u8>> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'-' => Some(62),
        b'_' => Some(63),
        _ => None,
    };
    let (mut bits, mut count, mut out) = (0u32, 0u32, Vec::new());
    for c in text.trim_end_matches('=').bytes() {
        bits = (bits << 6) | u32::from(value(c)?);
        count += 6;
        if count >= 8 {
            count -= 8;
            out.push((bits >> count) as u8);
        }
    }
    Some(out)
}

/// Checks every setting and loads them.
pub fn check(
    file: Option<&str>,
    lookup: &impl Fn(&str) -> Option<String>,
    report: &mut Report,
) -> Checked {
    let var = |name: &str| {
        lookup(name)
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    };
    // The ids are checked one by one below; loading without them from the environment lets
    // a malformed id leave the store, knowledge and every other setting still checked.
    let loaded = Settings::load(file, |name| match name {
        "DISCORD_APPLICATION_ID" | "DISCORD_GUILD_ID" => None,
        _ => lookup(name),
    });
    let mut checked = Checked {
        ids_usable: true,
        ..Checked::default()
    };
    // The ids: each named, from the environment or (once loaded) rolecall.toml.
    let (mut application_id, mut guild_id) = (None, None);
    for (name, unset) in [
        (
            "DISCORD_APPLICATION_ID",
            "unset: `invite` needs it, `register` asks Discord for it",
        ),
        (
            "DISCORD_GUILD_ID",
            "unset: commands are registered globally",
        ),
    ] {
        let from_file = loaded.as_ref().ok().and_then(|s| match name {
            "DISCORD_APPLICATION_ID" => s.application_id,
            _ => s.guild_id,
        });
        let value = var(name).or(from_file.map(|id| id.to_string()));
        match value.as_deref().map(snowflake) {
            None => report.add(Class::Settings, name, Status::Ok, unset),
            Some(Ok(id)) => {
                report.add(Class::Settings, name, Status::Ok, format!("{id}"));
                if name == "DISCORD_APPLICATION_ID" {
                    application_id = Some(id);
                } else {
                    guild_id = Some(id);
                }
            }
            Some(Err(reason)) => {
                checked.ids_usable = false;
                report.add(Class::Settings, name, Status::Problem, reason);
            }
        }
    }
    match var("DISCORD_TOKEN").as_deref().map(token_shape) {
        None => report.add(
            Class::Settings,
            "DISCORD_TOKEN",
            Status::Warning,
            "unset: `run` and `register` need it, and `serve-http` to send job alerts by DM \
             (without it they wait in the store) and announce new jobs; the registered \
             commands are not checked",
        ),
        Some(Err(reason)) => report.add(Class::Settings, "DISCORD_TOKEN", Status::Problem, reason),
        Some(Ok(bot)) => match (bot, application_id) {
            (Some(bot), Some(app)) if bot != app => report.add(
                Class::Settings,
                "DISCORD_TOKEN",
                Status::Problem,
                format!(
                    "belongs to the bot of application {bot}, not DISCORD_APPLICATION_ID {app}"
                ),
            ),
            _ => {
                checked.token_usable = true;
                report.add(
                    Class::Settings,
                    "DISCORD_TOKEN",
                    Status::Ok,
                    "three base64url parts (not shown)",
                );
            }
        },
    }
    match var("DISCORD_PUBLIC_KEY") {
        None => report.add(
            Class::Settings,
            "DISCORD_PUBLIC_KEY",
            Status::Warning,
            "unset: `serve-http` needs it",
        ),
        Some(key) => match super::check_public_key(&key) {
            Ok(()) => report.add(
                Class::Settings,
                "DISCORD_PUBLIC_KEY",
                Status::Ok,
                "an Ed25519 public key (32 bytes)",
            ),
            Err(reason) => report.add(
                Class::Settings,
                "DISCORD_PUBLIC_KEY",
                Status::Problem,
                reason
                    .trim_start_matches("Invalid DISCORD_PUBLIC_KEY: ")
                    .to_owned(),
            ),
        },
    }
    if let Some(base) = var("ROLECALL_DISCORD_API") {
        match rolecall::discord::rest::checked_api_base(&base) {
            Ok(origin) => {
                report.add(
                    Class::Settings,
                    "ROLECALL_DISCORD_API",
                    Status::Warning,
                    format!("SET: every Discord call (with the bot token) goes to {origin}, not discord.com; for tests only"),
                );
                checked.api = Some(origin);
            }
            Err(error) => report.add(
                Class::Settings,
                "ROLECALL_DISCORD_API",
                Status::Problem,
                format!("{error}; unset it outside tests"),
            ),
        }
    }
    match loaded {
        Ok(mut settings) => {
            settings.application_id = application_id;
            settings.guild_id = guild_id;
            report.add(
                Class::Settings,
                "other settings",
                Status::Ok,
                "rolecall.toml and the environment load",
            );
            checked.settings = Some(settings);
        }
        Err(error) => {
            let name = match &error {
                ConfigError::Invalid { name, .. } | ConfigError::Missing(name) => *name,
                ConfigError::File(_) => "rolecall.toml",
            };
            report.add(Class::Settings, name, Status::Problem, error.to_string());
        }
    }
    checked
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_has_three_base64url_parts_and_names_its_bot() {
        // "123456789012345678" in base64url, then two made-up parts.
        let token = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.abc_DEF-ghi";
        assert_eq!(token_shape(token), Ok(Some(123_456_789_012_345_678)));
        assert!(token_shape("abc.def").is_err());
        assert!(token_shape("a..b").is_err());
        assert!(
            token_shape("Bot abc.def.ghi").is_err(),
            "a space is no base64url"
        );
    }

    #[test]
    fn snowflakes_are_ids_discord_could_have_made() {
        assert_eq!(snowflake("123456789012345678"), Ok(123_456_789_012_345_678));
        assert!(snowflake("123").is_err());
        assert!(snowflake("abc").is_err());
        assert!(
            snowflake(&u64::MAX.to_string()).is_err(),
            "made in the future"
        );
    }
}
