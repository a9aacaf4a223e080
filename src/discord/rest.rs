//! The two calls to Discord the edge makes itself, for both front ends: downloading a file a
//! member attached (from Discord's CDN only, the size capped while it streams in), and
//! editing a deferred interaction response through the interaction's webhook (which needs
//! no bot token, so the HTTP endpoint can do it too).
//!
//! Everything else goes through serenity's client. Like it, this one can be pointed at a fake
//! Discord for tests, and only at one on this machine: the override is refused unless it is a
//! loopback address, so neither a token nor a member's file can be sent elsewhere.

use std::net::IpAddr;
use std::time::Duration;

use reqwest::{StatusCode, Url};
use serde::Serialize;

use super::interaction::InteractionWebhook;

/// Discord's REST API and the hosts its attachments are served from.
const DISCORD_ORIGIN: &str = "https://discord.com";
const API_PATH: &str = "/api/v10";
const CDN_ORIGINS: [&str; 2] = [
    "https://cdn.discordapp.com/",
    "https://media.discordapp.net/",
];

/// A download or an edit gives up after this long: the interaction's token outlives it by far.
const TIMEOUT: Duration = Duration::from_secs(20);

/// Discord's REST API and CDN, as this process reaches them.
#[derive(Debug, Clone)]
pub struct Rest {
    client: reqwest::Client,
    /// `https://discord.com/api/v10`, or the fake's.
    api: String,
    /// Where an attachment's URL must start: Discord's CDN, or the fake's origin.
    file_origins: Vec<String>,
}

/// Why the Discord API override is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ApiBaseError {
    #[error(
        "ROLECALL_DISCORD_API must be an http(s) address such as http://127.0.0.1:8080, not `{0}`"
    )]
    NotAnAddress(String),
    #[error("ROLECALL_DISCORD_API points at `{0}`, which is not this machine: it exists for tests against a fake Discord on loopback, and would send the bot token there")]
    NotLoopback(String),
}

/// Why an attachment was not downloaded, in words for the member.
#[derive(Debug, thiserror::Error)]
pub enum DownloadError {
    #[error("its address is not Discord's file server")]
    NotDiscord,
    #[error("Discord no longer has the file ({0}); attach it again")]
    Status(u16),
    #[error("it is larger than {kb} KB once downloaded", kb = .0 / 1024)]
    TooBig(u64),
    #[error("I could not download it; try again in a moment")]
    Failed(#[source] reqwest::Error),
}

/// Why a deferred response could not be edited (logged, never shown: there is nowhere to).
#[derive(Debug, thiserror::Error)]
pub enum EditError {
    #[error("Discord answered {0}")]
    Status(StatusCode),
    #[error("the request failed: {0}")]
    Failed(#[source] reqwest::Error),
}

impl Rest {
    /// Discord itself.
    pub fn discord() -> Rest {
        Rest::with_origin(DISCORD_ORIGIN, CDN_ORIGINS.map(str::to_owned).to_vec())
    }

    /// Discord, or the fake at `base` (as serenity's proxy setting takes it: an origin such as
    /// `http://127.0.0.1:8080`), which must be on this machine.
    pub fn pointing_at(base: Option<&str>) -> Result<Rest, ApiBaseError> {
        let Some(base) = base else {
            return Ok(Rest::discord());
        };
        let origin = checked_api_base(base)?;
        Ok(Rest::with_origin(&origin, vec![format!("{origin}/")]))
    }

    fn with_origin(origin: &str, file_origins: Vec<String>) -> Rest {
        let client = reqwest::Client::builder()
            .timeout(TIMEOUT)
            // A redirect could lead a download away from Discord's CDN.
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap_or_default();
        Rest {
            client,
            api: format!("{origin}{API_PATH}"),
            file_origins,
        }
    }

    /// The bytes at an attachment's `url`, at most `max`: refused from the declared length
    /// when the server gives one, and cut off as soon as the body passes `max` otherwise.
    pub async fn download(&self, url: &str, max: u64) -> Result<Vec<u8>, DownloadError> {
        if !self
            .file_origins
            .iter()
            .any(|origin| url.starts_with(origin))
        {
            return Err(DownloadError::NotDiscord);
        }
        let mut response = self
            .client
            .get(url)
            .send()
            .await
            .map_err(|e| DownloadError::Failed(e.without_url()))?;
        if !response.status().is_success() {
            return Err(DownloadError::Status(response.status().as_u16()));
        }
        if response.content_length().is_some_and(|length| length > max) {
            return Err(DownloadError::TooBig(max));
        }
        let mut bytes = Vec::new();
        while let Some(chunk) = response
            .chunk()
            .await
            .map_err(|e| DownloadError::Failed(e.without_url()))?
        {
            if (bytes.len() + chunk.len()) as u64 > max {
                return Err(DownloadError::TooBig(max));
            }
            bytes.extend_from_slice(&chunk);
        }
        Ok(bytes)
    }

    /// Replaces the deferred response of the interaction `webhook` belongs to with `body`.
    pub async fn edit_original(
        &self,
        webhook: &InteractionWebhook,
        body: &impl Serialize,
    ) -> Result<(), EditError> {
        let url = format!(
            "{}/webhooks/{}/{}/messages/@original",
            self.api, webhook.application_id, webhook.token
        );
        // Serialising our own message types cannot fail.
        let body = serde_json::to_vec(body).unwrap_or_default();
        let response = self
            .client
            .patch(url)
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .body(body)
            .send()
            .await
            // The URL holds the interaction's token: never in an error that may be logged.
            .map_err(|e| EditError::Failed(e.without_url()))?;
        match response.status() {
            status if status.is_success() => Ok(()),
            status => Err(EditError::Status(status)),
        }
    }
}

/// `base` as an origin (`scheme://host:port`, no trailing slash) when it is an http(s)
/// address on this machine.
pub fn checked_api_base(base: &str) -> Result<String, ApiBaseError> {
    let not_an_address = || ApiBaseError::NotAnAddress(base.to_owned());
    let url = Url::parse(base.trim()).map_err(|_| not_an_address())?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(not_an_address());
    }
    let host = url.host_str().ok_or_else(not_an_address)?;
    let ip = host.trim_start_matches('[').trim_end_matches(']');
    let loopback = host.eq_ignore_ascii_case("localhost")
        || ip.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback());
    if !loopback {
        return Err(ApiBaseError::NotLoopback(base.to_owned()));
    }
    Ok(url.origin().ascii_serialization())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_loopback_addresses_may_stand_in_for_discord() {
        for base in [
            "http://127.0.0.1:8080",
            "http://127.0.0.1:8080/",
            "http://localhost:9",
            "http://[::1]:80",
        ] {
            assert!(checked_api_base(base).is_ok(), "{base}");
        }
        assert_eq!(
            checked_api_base("http://127.0.0.1:8080/"),
            Ok("http://127.0.0.1:8080".into())
        );
        for base in ["https://discord.example.com", "http://10.0.0.1:80"] {
            assert_eq!(
                checked_api_base(base),
                Err(ApiBaseError::NotLoopback(base.into()))
            );
        }
        for base in ["", "127.0.0.1:8080", "ftp://127.0.0.1/"] {
            assert!(
                matches!(checked_api_base(base), Err(ApiBaseError::NotAnAddress(_))),
                "{base}"
            );
        }
    }

    #[tokio::test]
    async fn files_are_downloaded_from_discords_cdn_only() {
        let rest = Rest::discord();
        for url in [
            "https://evil.example.com/a.md",
            "http://cdn.discordapp.com/a.md",
            "https://cdn.discordapp.com.evil.example/a.md",
        ] {
            assert!(
                matches!(rest.download(url, 10).await, Err(DownloadError::NotDiscord)),
                "{url}"
            );
        }
    }

    #[test]
    fn a_webhooks_token_never_prints() {
        let webhook = InteractionWebhook {
            application_id: 1,
            token: "SECRET-token".into(),
        };
        assert!(!format!("{webhook:?}").contains("SECRET"));
    }
}
