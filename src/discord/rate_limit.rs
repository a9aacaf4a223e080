//! A per-user limit on expensive commands, so one member cannot keep the bot busy: a token
//! bucket per user (`burst` answers at once, then one more every `refill`), from governor's
//! keyed GCRA limiter.
//!
//! Users whose bucket is full again are forgotten once more than [`FORGET_ABOVE`] are kept,
//! so memory holds only the users who asked within the last `burst × refill`.

use std::num::NonZeroU32;
use std::time::Duration;

use governor::clock::{Clock, DefaultClock};
use governor::middleware::NoOpMiddleware;
use governor::state::keyed::DefaultKeyedStateStore;
use governor::Quota;

/// Past this many users, those who are idle again are forgotten.
pub const FORGET_ABOVE: usize = 10_000;

type Keyed<C> = governor::RateLimiter<
    String,
    DefaultKeyedStateStore<String>,
    C,
    NoOpMiddleware<<C as Clock>::Instant>,
>;

pub struct RateLimiter<C: Clock = DefaultClock> {
    limiter: Keyed<C>,
    clock: C,
}

impl RateLimiter {
    pub fn new(burst: u32, refill: Duration) -> RateLimiter {
        RateLimiter::with_clock(burst, refill, DefaultClock::default())
    }
}

impl<C: Clock + Clone> RateLimiter<C> {
    /// A limiter that reads the time from `clock` (a fake one in tests).
    pub fn with_clock(burst: u32, refill: Duration, clock: C) -> RateLimiter<C> {
        let burst = NonZeroU32::new(burst).unwrap_or(NonZeroU32::MIN);
        let quota = Quota::with_period(refill.max(Duration::from_millis(1)))
            .unwrap_or_else(|| Quota::per_second(NonZeroU32::MIN))
            .allow_burst(burst);
        RateLimiter {
            limiter: governor::RateLimiter::new(
                quota,
                DefaultKeyedStateStore::default(),
                clock.clone(),
            ),
            clock,
        }
    }

    /// Takes one answer from `user`'s bucket; `Err(wait)` says how long until the next one.
    pub fn check(&self, user: &str) -> Result<(), Duration> {
        let checked = self
            .limiter
            .check_key(&user.to_owned())
            .map_err(|not_until| not_until.wait_time_from(self.clock.now()));
        if self.limiter.len() > FORGET_ABOVE {
            self.limiter.retain_recent();
        }
        checked
    }

    /// How many users the limiter keeps a bucket for.
    pub fn users(&self) -> usize {
        self.limiter.len()
    }
}

impl<C: Clock> std::fmt::Debug for RateLimiter<C> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RateLimiter")
            .field("users", &self.limiter.len())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use governor::clock::FakeRelativeClock;

    fn limiter(
        burst: u32,
        refill_secs: u64,
    ) -> (RateLimiter<FakeRelativeClock>, FakeRelativeClock) {
        let clock = FakeRelativeClock::default();
        let limiter =
            RateLimiter::with_clock(burst, Duration::from_secs(refill_secs), clock.clone());
        (limiter, clock)
    }

    #[test]
    fn a_burst_is_allowed_then_refused_until_refilled() {
        let (limiter, clock) = limiter(2, 10);
        assert!(limiter.check("u").is_ok());
        assert!(limiter.check("u").is_ok());
        let wait = limiter.check("u").expect_err("limited");
        assert!(
            wait <= Duration::from_secs(10) && wait > Duration::ZERO,
            "{wait:?}"
        );
        clock.advance(Duration::from_secs(10));
        assert!(limiter.check("u").is_ok());
    }

    #[test]
    fn users_have_separate_buckets() {
        let (limiter, _) = limiter(1, 60);
        assert!(limiter.check("a").is_ok());
        assert!(limiter.check("b").is_ok());
        assert!(limiter.check("a").is_err());
    }

    #[test]
    fn idle_users_are_forgotten_past_the_bound() {
        let (limiter, clock) = limiter(1, 1);
        for i in 0..=FORGET_ABOVE {
            let _ = limiter.check(&i.to_string());
        }
        assert_eq!(limiter.users(), FORGET_ABOVE + 1);
        // Every bucket is full again a few seconds later: the next check forgets them all.
        clock.advance(Duration::from_secs(5));
        assert!(limiter.check("new").is_ok());
        assert!(limiter.users() <= 1, "{}", limiter.users());
    }
}
