//! The interactions a process is still answering, and the work it does after a response
//! (a deferred answer, a job's announcement), so that a shutdown finishes them before the
//! process ends. Closing the set is also what tells `/readyz` the process is draining.

use std::future::Future;
use std::time::Duration;

use tokio_util::task::task_tracker::{TaskTracker, TaskTrackerToken};

#[derive(Debug, Default)]
pub struct InFlight {
    tracker: TaskTracker,
}

impl InFlight {
    /// Held while one interaction is answered: a drain waits until it is dropped.
    pub fn begin(&self) -> TaskTrackerToken {
        self.tracker.token()
    }

    /// Runs `work` (after a response was sent) as part of what a drain waits for.
    pub fn spawn(&self, work: impl Future<Output = ()> + Send + 'static) {
        self.tracker.spawn(work);
    }

    /// A shutdown has begun: `/readyz` says draining from now on.
    pub fn begin_draining(&self) {
        self.tracker.close();
    }

    /// Whether a shutdown has begun.
    pub fn is_draining(&self) -> bool {
        self.tracker.is_closed()
    }

    /// How many interactions and pieces of work are running now.
    pub fn count(&self) -> usize {
        self.tracker.len()
    }

    /// Marks the process as draining and waits, at most `limit`, for everything in flight;
    /// how many were left unfinished (0 when all finished).
    pub async fn drain(&self, limit: Duration) -> usize {
        self.tracker.close();
        match tokio::time::timeout(limit, self.tracker.wait()).await {
            Ok(()) => 0,
            Err(_) => self.tracker.len(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_drain_waits_for_what_is_in_flight_and_says_what_it_left() {
        let in_flight = InFlight::default();
        let (finish, finished) = tokio::sync::oneshot::channel::<()>();
        in_flight.spawn(async move {
            let _ = finished.await;
        });
        let held = in_flight.begin();
        assert_eq!(in_flight.count(), 2);
        assert!(!in_flight.is_draining());
        // Nothing finishes: the drain gives up at its limit and counts both.
        assert_eq!(in_flight.drain(Duration::from_millis(20)).await, 2);
        assert!(in_flight.is_draining());
        let _ = finish.send(());
        drop(held);
        assert_eq!(in_flight.drain(Duration::from_secs(60)).await, 0);
    }
}
