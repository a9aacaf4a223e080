//! Where the processes listen: the HTTP endpoint on the socket systemd passes (socket
//! activation: `LISTEN_FDS`, the first passed descriptor, fd 3), so connections made while
//! the process restarts wait in the socket's queue instead of being refused, or else on
//! its address; and the operator's listener (`/metrics`, `/healthz`, `/readyz`).

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use rolecall::discord::operations::{self, Operations};

/// How often the metrics' histograms are tidied.
const METRICS_UPKEEP: Duration = Duration::from_secs(5);

/// The endpoint's socket: systemd's when it passed one, else `addr` bound now. Call before
/// the runtime starts: reading systemd's variables removes them from the environment.
pub fn endpoint(addr: SocketAddr) -> anyhow::Result<std::net::TcpListener> {
    let passed = listenfd::ListenFd::from_env()
        .take_tcp_listener(0)
        .context("reading the socket systemd passed (LISTEN_FDS)")?;
    let listener = match passed {
        Some(listener) => {
            tracing::info!(
                addr = ?listener.local_addr().ok(),
                "listening on the socket systemd passed"
            );
            listener
        }
        None => {
            std::net::TcpListener::bind(addr).with_context(|| format!("listening on {addr}"))?
        }
    };
    listener
        .set_nonblocking(true)
        .context("making the endpoint's socket non-blocking")?;
    Ok(listener)
}

/// Starts the operator's listener on `addr` (none when `None`), with metrics recorded from
/// now on. An address that cannot be bound is logged, not fatal: the bot's answers matter
/// more than its metrics.
pub fn operations(runtime: &tokio::runtime::Runtime, addr: Option<SocketAddr>) -> Arc<Operations> {
    let operations = Operations::new(rolecall::telemetry::install());
    let Some(addr) = addr else {
        tracing::info!("no metrics listener (ROLECALL_METRICS_ADDR=off)");
        return operations;
    };
    if !addr.ip().is_loopback() {
        tracing::warn!(%addr, "the metrics listener is not on loopback: keep it off the public network");
    }
    let served = operations.clone();
    runtime.spawn(async move {
        let listener = match tokio::net::TcpListener::bind(addr).await {
            Ok(listener) => listener,
            Err(error) => {
                tracing::error!(%addr, %error, "cannot listen for /metrics, /healthz and /readyz: serving without them");
                return;
            }
        };
        tracing::info!(%addr, "serving /metrics, /healthz and /readyz");
        let upkeep = served.clone();
        tokio::spawn(async move {
            let mut every = tokio::time::interval(METRICS_UPKEEP);
            loop {
                every.tick().await;
                upkeep.upkeep();
            }
        });
        if let Err(error) = operations::serve(listener, served, std::future::pending()).await {
            tracing::error!(%error, "the metrics listener stopped");
        }
    });
    operations
}
