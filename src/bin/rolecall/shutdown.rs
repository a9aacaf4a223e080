//! Stopping on SIGINT (Ctrl-C) or SIGTERM: the first signal stops taking work (the endpoint
//! accepts no more connections, the gateway closes, `/readyz` says draining) and drains what
//! is in flight for at most the drain limit (`ROLECALL_DRAIN_SECONDS`), then closes the
//! store; a second signal ends the process at once.

use std::time::{Duration, Instant};

use rolecall::discord::Bot;
use tokio::sync::watch;

/// The exit code of a process stopped by a second signal, without draining.
pub const EXIT_WITHOUT_DRAINING: i32 = 1;

/// Whether a stop was asked for, and when. Cloned for every part that must stop.
#[derive(Clone)]
pub struct Stop {
    asked: watch::Receiver<Option<Instant>>,
    /// How long the drain may take from the first signal.
    pub limit: Duration,
}

impl Stop {
    /// Listens for SIGINT and SIGTERM from now on; call inside the runtime, before anything
    /// slow, so an early signal is not lost.
    pub fn listen(limit: Duration) -> Stop {
        let (tell, asked) = watch::channel(None);
        tokio::spawn(async move {
            let mut signals = Signals::new();
            signals.next().await;
            tracing::info!(
                ?limit,
                "shutting down: draining interactions in flight (a second signal exits at once)"
            );
            let _ = tell.send(Some(Instant::now()));
            signals.next().await;
            tracing::warn!("second signal: exiting at once, without draining");
            std::process::exit(EXIT_WITHOUT_DRAINING);
        });
        Stop { asked, limit }
    }

    /// When the first signal came, if it has.
    pub fn asked_at(&self) -> Option<Instant> {
        *self.asked.borrow()
    }

    /// Completes on the first signal, with when it came.
    pub async fn asked(mut self) -> Instant {
        loop {
            if let Some(at) = *self.asked.borrow_and_update() {
                return at;
            }
            if self.asked.changed().await.is_err() {
                // The listener is gone: no signal will come.
                std::future::pending::<()>().await;
            }
        }
    }
}

/// After the front end stopped: waits for the rest of `stop`'s drain limit (from the first
/// signal) for interactions and follow-up work in flight, then closes the store.
pub async fn drain(bot: &Bot, stop: &Stop) {
    let Some(asked_at) = stop.asked_at() else {
        return;
    };
    let left = stop.limit.saturating_sub(asked_at.elapsed());
    match bot.in_flight().drain(left).await {
        0 => tracing::info!("every interaction in flight was answered"),
        unfinished => tracing::warn!(
            unfinished,
            "drain limit reached: stopping with work still in flight"
        ),
    }
    bot.service().close().await;
    tracing::info!("store closed; stopped");
}

/// SIGINT and SIGTERM, one after the other.
struct Signals {
    #[cfg(unix)]
    interrupt: Option<tokio::signal::unix::Signal>,
    #[cfg(unix)]
    terminate: Option<tokio::signal::unix::Signal>,
}

impl Signals {
    fn new() -> Signals {
        #[cfg(unix)]
        {
            use tokio::signal::unix::{signal, SignalKind};
            let listen = |kind: SignalKind, name: &str| match signal(kind) {
                Ok(signal) => Some(signal),
                Err(error) => {
                    tracing::warn!(%error, "cannot listen for {name}");
                    None
                }
            };
            Signals {
                interrupt: listen(SignalKind::interrupt(), "SIGINT"),
                terminate: listen(SignalKind::terminate(), "SIGTERM"),
            }
        }
        #[cfg(not(unix))]
        Signals {}
    }

    /// The next SIGINT or SIGTERM.
    async fn next(&mut self) {
        #[cfg(unix)]
        {
            async fn next_of(signal: &mut Option<tokio::signal::unix::Signal>) {
                match signal {
                    Some(signal) => {
                        signal.recv().await;
                    }
                    None => std::future::pending().await,
                }
            }
            tokio::select! {
                () = next_of(&mut self.interrupt) => {},
                () = next_of(&mut self.terminate) => {},
            }
        }
        #[cfg(not(unix))]
        {
            let _ = tokio::signal::ctrl_c().await;
        }
    }
}
