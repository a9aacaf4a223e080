//! A per-user limit on expensive commands, so one member cannot keep the bot busy: a token
//! bucket per user (`burst` answers at once, then one more every `refill`), from governor's
//! keyed GCRA limiter.
//!
//! Users whose bucket is full again are forgotten in sweeps: the first once more than
//! [`FORGET_ABOVE`] are kept, the next once twice as many as the last sweep kept are. A
//! sweep scans every bucket, so it runs only after as many new users as it scans: the cost
//! per request stays flat however many members asked within the window (one sweep per
//! request, as before, made a busy hour with 20,000 askers 40% slower), and memory holds at
//! most twice the users who asked within the last `burst × refill`.

use std::num::NonZeroU32;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use governor::clock::{Clock, DefaultClock};
use governor::middleware::NoOpMiddleware;
use governor::state::keyed::DefaultKeyedStateStore;
use governor::Quota;

/// Past this many users, those who are idle again are forgotten (the first sweep).
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
    /// The number of users kept past which the next sweep runs.
    next_sweep: AtomicUsize,
    /// Sweeps so far (for tests and logs).
    sweeps: AtomicUsize,
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
            next_sweep: AtomicUsize::new(FORGET_ABOVE),
            sweeps: AtomicUsize::new(0),
        }
    }

    /// Takes one answer from `user`'s bucket; `Err(wait)` says how long until the next one.
    pub fn check(&self, user: &str) -> Result<(), Duration> {
        let checked = self
            .limiter
            .check_key(&user.to_owned())
            .map_err(|not_until| not_until.wait_time_from(self.clock.now()));
        if self.limiter.len() > self.next_sweep.load(Ordering::Relaxed) {
            self.sweep();
        }
        checked
    }

    /// Forgets the users whose bucket is full again, and sets the next sweep to when as many
    /// users again have come as are kept now (at least [`FORGET_ABOVE`]). Two requests may
    /// both sweep at the bound; the second finds little to do.
    fn sweep(&self) {
        self.limiter.retain_recent();
        let kept = self.limiter.len();
        self.next_sweep
            .store(FORGET_ABOVE.max(kept.saturating_mul(2)), Ordering::Relaxed);
        self.sweeps.fetch_add(1, Ordering::Relaxed);
    }

    /// How many sweeps have run.
    pub fn sweeps(&self) -> usize {
        self.sweeps.load(Ordering::Relaxed)
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
    fn idle_users_are_forgotten_at_the_next_sweep() {
        let (limiter, clock) = limiter(1, 1);
        for i in 0..=FORGET_ABOVE {
            let _ = limiter.check(&i.to_string());
        }
        // The first sweep ran at the bound, while everyone was active: nobody was forgotten,
        // and the next sweep waits for as many users again.
        assert_eq!(limiter.sweeps(), 1);
        assert_eq!(limiter.users(), FORGET_ABOVE + 1);
        // Every bucket is full again a few seconds later: the next sweep forgets them all, and
        // keeps only the newcomers who asked since.
        clock.advance(Duration::from_secs(5));
        let mut newcomer = 0;
        while limiter.sweeps() == 1 {
            assert!(limiter.check(&format!("new-{newcomer}")).is_ok());
            newcomer += 1;
        }
        // About as many newcomers as the first sweep kept.
        assert!(newcomer <= FORGET_ABOVE + 2, "{newcomer}");
        assert_eq!(limiter.users(), newcomer);
    }

    #[test]
    fn many_active_users_are_swept_rarely_not_on_every_request() {
        // Everyone stays active (a long refill): no sweep can forget anyone, so each one
        // only costs time. Their number must grow with the log of the users, not with the
        // requests.
        let (limiter, _) = limiter(5, 3600);
        let users = FORGET_ABOVE * 8;
        for i in 0..users {
            let _ = limiter.check(&i.to_string());
        }
        assert_eq!(limiter.users(), users);
        assert!(limiter.sweeps() <= 4, "{} sweeps", limiter.sweeps());
        // The same users asking again add nobody and sweep no more.
        let before = limiter.sweeps();
        for i in 0..users {
            let _ = limiter.check(&i.to_string());
        }
        assert_eq!(limiter.sweeps(), before);
    }
}
