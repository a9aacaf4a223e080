//! A per-user limit on expensive commands, so one member cannot keep the bot busy.
//!
//! A token bucket per user: `burst` answers at once, then one more every `refill`. The map is
//! bounded: when full, users whose buckets are full again (idle) are forgotten first.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How many users are tracked at most; a flood of new users cannot grow memory past this.
const MAX_USERS: usize = 10_000;

#[derive(Debug)]
pub struct RateLimiter {
    burst: f64,
    refill: Duration,
    buckets: Mutex<HashMap<String, Bucket>>,
}

#[derive(Debug, Clone, Copy)]
struct Bucket {
    tokens: f64,
    updated: Instant,
}

impl RateLimiter {
    pub fn new(burst: u32, refill: Duration) -> RateLimiter {
        RateLimiter {
            burst: f64::from(burst.max(1)),
            refill: refill.max(Duration::from_millis(1)),
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// Takes one token for `user` at `now`; `Err(wait)` says how long until the next one.
    pub fn check(&self, user: &str, now: Instant) -> Result<(), Duration> {
        // A poisoned lock only means another thread panicked mid-update; the map is still
        // usable, and refusing every user forever would be worse.
        let mut buckets = self.buckets.lock().unwrap_or_else(|e| e.into_inner());
        if buckets.len() >= MAX_USERS && !buckets.contains_key(user) {
            self.forget_idle(&mut buckets, now);
        }
        let bucket = buckets.entry(user.to_owned()).or_insert(Bucket {
            tokens: self.burst,
            updated: now,
        });
        let refilled =
            now.saturating_duration_since(bucket.updated).as_secs_f64() / self.refill.as_secs_f64();
        bucket.tokens = (bucket.tokens + refilled).min(self.burst);
        bucket.updated = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            Ok(())
        } else {
            Err(self.refill.mul_f64(1.0 - bucket.tokens))
        }
    }

    fn forget_idle(&self, buckets: &mut HashMap<String, Bucket>, now: Instant) {
        let full_after = self.refill.mul_f64(self.burst);
        buckets.retain(|_, b| now.saturating_duration_since(b.updated) < full_after);
        if buckets.len() >= MAX_USERS {
            // Everyone is active: drop an arbitrary half rather than grow without bound.
            let keep: Vec<String> = buckets.keys().take(MAX_USERS / 2).cloned().collect();
            buckets.retain(|k, _| keep.contains(k));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_burst_is_allowed_then_refused_until_refilled() {
        let limiter = RateLimiter::new(2, Duration::from_secs(10));
        let t0 = Instant::now();
        assert!(limiter.check("u", t0).is_ok());
        assert!(limiter.check("u", t0).is_ok());
        let wait = limiter.check("u", t0).expect_err("limited");
        assert!(wait <= Duration::from_secs(10) && wait > Duration::ZERO);
        assert!(limiter.check("u", t0 + Duration::from_secs(10)).is_ok());
    }

    #[test]
    fn users_have_separate_buckets() {
        let limiter = RateLimiter::new(1, Duration::from_secs(60));
        let t0 = Instant::now();
        assert!(limiter.check("a", t0).is_ok());
        assert!(limiter.check("b", t0).is_ok());
        assert!(limiter.check("a", t0).is_err());
    }

    #[test]
    fn the_map_stays_bounded() {
        let limiter = RateLimiter::new(1, Duration::from_secs(1));
        let t0 = Instant::now();
        for i in 0..(MAX_USERS + 10) {
            let _ = limiter.check(&i.to_string(), t0);
        }
        let size = limiter.buckets.lock().map(|b| b.len()).unwrap_or(0);
        assert!(size <= MAX_USERS, "{size}");
    }
}
