//! Verifying Discord's Ed25519 request signatures on the HTTP interactions endpoint.
//!
//! Discord signs `timestamp + raw body` with the application's key and sends the signature
//! (hex) and timestamp in headers. Anything that fails is refused with 401, which is also
//! how Discord tests an endpoint before accepting it.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use ed25519_dalek::{Signature, VerifyingKey};

/// Requests signed longer ago (or further ahead) than this are refused as replays.
pub const MAX_AGE: Duration = Duration::from_secs(5 * 60);

#[derive(Debug, Clone)]
pub struct Verifier {
    key: VerifyingKey,
}

/// Why `DISCORD_PUBLIC_KEY` could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("Invalid DISCORD_PUBLIC_KEY: {0}")]
pub struct KeyError(String);

/// Why a request was refused. Every variant answers 401.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Rejection {
    #[error("missing X-Signature-Ed25519 or X-Signature-Timestamp")]
    MissingHeaders,
    #[error("signature is not 64 bytes of hex")]
    MalformedSignature,
    #[error("timestamp is not a Unix time in seconds")]
    MalformedTimestamp,
    #[error("timestamp is too old or in the future")]
    Stale,
    #[error("signature does not match")]
    Forged,
}

impl Rejection {
    /// One word for the metrics' `reason` label.
    pub fn reason(self) -> &'static str {
        match self {
            Rejection::MissingHeaders => "missing_headers",
            Rejection::MalformedSignature => "malformed_signature",
            Rejection::MalformedTimestamp => "malformed_timestamp",
            Rejection::Stale => "stale",
            Rejection::Forged => "forged",
        }
    }
}

impl Verifier {
    /// From the application's public key as Discord's developer portal shows it (64 hex
    /// characters).
    pub fn from_hex(public_key: &str) -> Result<Verifier, KeyError> {
        let bytes =
            hex::decode(public_key.trim()).map_err(|e| KeyError(format!("not hex ({e})")))?;
        let bytes: [u8; 32] = bytes
            .try_into()
            .map_err(|_| KeyError("expected 32 bytes (64 hex characters)".into()))?;
        let key = VerifyingKey::from_bytes(&bytes)
            .map_err(|_| KeyError("not an Ed25519 public key".into()))?;
        Ok(Verifier { key })
    }

    pub fn from_key(key: VerifyingKey) -> Verifier {
        Verifier { key }
    }

    /// Checks a request's headers and raw body, as received at `now`.
    pub fn verify(
        &self,
        signature: Option<&str>,
        timestamp: Option<&str>,
        body: &[u8],
        now: SystemTime,
    ) -> Result<(), Rejection> {
        let (Some(signature), Some(timestamp)) = (signature, timestamp) else {
            return Err(Rejection::MissingHeaders);
        };
        let signature = parse_signature(signature)?;
        check_fresh(timestamp, now)?;
        let mut message = Vec::with_capacity(timestamp.len() + body.len());
        message.extend_from_slice(timestamp.as_bytes());
        message.extend_from_slice(body);
        self.key
            .verify_strict(&message, &signature)
            .map_err(|_| Rejection::Forged)
    }
}

fn parse_signature(hex_text: &str) -> Result<Signature, Rejection> {
    let bytes = hex::decode(hex_text.trim()).map_err(|_| Rejection::MalformedSignature)?;
    let bytes: [u8; 64] = bytes
        .try_into()
        .map_err(|_| Rejection::MalformedSignature)?;
    Ok(Signature::from_bytes(&bytes))
}

fn check_fresh(timestamp: &str, now: SystemTime) -> Result<(), Rejection> {
    let signed: u64 = timestamp
        .trim()
        .parse()
        .map_err(|_| Rejection::MalformedTimestamp)?;
    let now = now.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    if now.abs_diff(signed) > MAX_AGE.as_secs() {
        return Err(Rejection::Stale);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use ed25519_dalek::{Signer, SigningKey};

    fn keys() -> (SigningKey, Verifier) {
        let signing = SigningKey::from_bytes(&[7u8; 32]);
        let verifier = Verifier::from_hex(&hex::encode(signing.verifying_key().to_bytes()))
            .expect("valid key");
        (signing, verifier)
    }

    fn sign(key: &SigningKey, timestamp: &str, body: &[u8]) -> String {
        let mut message = timestamp.as_bytes().to_vec();
        message.extend_from_slice(body);
        hex::encode(key.sign(&message).to_bytes())
    }

    fn now_secs() -> (SystemTime, String) {
        let now = SystemTime::now();
        let secs = now
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        (now, secs.to_string())
    }

    #[test]
    fn a_fresh_valid_signature_passes() {
        let (key, verifier) = keys();
        let (now, ts) = now_secs();
        let signature = sign(&key, &ts, b"{}");
        assert_eq!(
            verifier.verify(Some(&signature), Some(&ts), b"{}", now),
            Ok(())
        );
    }

    #[test]
    fn forged_tampered_stale_and_missing_are_refused() {
        let (key, verifier) = keys();
        let (now, ts) = now_secs();
        let signature = sign(&key, &ts, b"{}");
        assert_eq!(
            verifier.verify(Some(&signature), Some(&ts), b"{ }", now),
            Err(Rejection::Forged)
        );
        let other = SigningKey::from_bytes(&[9u8; 32]);
        let forged = sign(&other, &ts, b"{}");
        assert_eq!(
            verifier.verify(Some(&forged), Some(&ts), b"{}", now),
            Err(Rejection::Forged)
        );
        let old = (now - Duration::from_secs(600))
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0)
            .to_string();
        let stale = sign(&key, &old, b"{}");
        assert_eq!(
            verifier.verify(Some(&stale), Some(&old), b"{}", now),
            Err(Rejection::Stale)
        );
        assert_eq!(
            verifier.verify(None, Some(&ts), b"{}", now),
            Err(Rejection::MissingHeaders)
        );
        assert_eq!(
            verifier.verify(Some("zz"), Some(&ts), b"{}", now),
            Err(Rejection::MalformedSignature)
        );
        assert_eq!(
            verifier.verify(Some(&signature), Some("soon"), b"{}", now),
            Err(Rejection::MalformedTimestamp)
        );
    }

    #[test]
    fn bad_public_keys_name_the_variable() {
        let error = Verifier::from_hex("abc").expect_err("not a key");
        assert!(error.to_string().starts_with("Invalid DISCORD_PUBLIC_KEY"));
        assert!(Verifier::from_hex(&"00".repeat(16)).is_err());
    }
}
