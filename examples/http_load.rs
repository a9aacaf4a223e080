//! Load generator for the HTTP interactions endpoint, on loopback only.
//!
//! Sends signed `/compare` interactions over keep-alive connections for a fixed time and
//! reports requests per second and latency percentiles. Requests come from `--users` user ids
//! in turn (20,000 by default), so the per-user rate limiter keeps that many buckets; with
//! few users each asks often, and answers past their burst are the limiter's refusals.
//!
//! ```sh
//! DISCORD_PUBLIC_KEY=$(cargo run --release --example http_load -- --print-public-key) \
//!   target/release/rolecall serve-http --addr 127.0.0.1:8080 &
//! cargo run --release --example http_load -- --addr 127.0.0.1:8080 --connections 32 --seconds 10 --users 20000
//! ```

use std::net::SocketAddr;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use ed25519_dalek::{Signer, SigningKey};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// The benchmark's signing key: fixed, so the server can be given its public key.
const SEED: [u8; 32] = [42; 32];

struct Options {
    addr: SocketAddr,
    connections: usize,
    seconds: u64,
    /// Distinct user ids the requests come from, in turn.
    users: usize,
}

fn options() -> Result<Option<Options>, String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "--print-public-key") {
        println!(
            "{}",
            hex::encode(SigningKey::from_bytes(&SEED).verifying_key().to_bytes())
        );
        return Ok(None);
    }
    let value = |name: &str, default: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1).cloned())
            .unwrap_or_else(|| default.to_owned())
    };
    Ok(Some(Options {
        addr: value("--addr", "127.0.0.1:8080")
            .parse()
            .map_err(|e| format!("--addr: {e}"))?,
        connections: value("--connections", "32")
            .parse()
            .map_err(|e| format!("--connections: {e}"))?,
        seconds: value("--seconds", "10")
            .parse()
            .map_err(|e| format!("--seconds: {e}"))?,
        users: value("--users", "20000")
            .parse::<usize>()
            .map_err(|e| format!("--users: {e}"))?
            .max(1),
    }))
}

/// One complete HTTP request per user, signed now (valid for the endpoint's five minutes).
fn signed_requests(addr: SocketAddr, users: usize) -> Vec<Vec<u8>> {
    let key = SigningKey::from_bytes(&SEED);
    let timestamp = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
        .to_string();
    (0..users)
        .map(|user| {
            let body = format!(
                r#"{{"type":2,"id":"1","token":"t","guild_id":"5","channel_id":"9","member":{{"user":{{"id":"{user}"}}}},"data":{{"name":"compare","type":1,"options":[{{"type":3,"name":"role_a","value":"machine-learning-engineer"}},{{"type":3,"name":"role_b","value":"data-specialist"}}]}}}}"#
            );
            let mut message = timestamp.as_bytes().to_vec();
            message.extend_from_slice(body.as_bytes());
            let signature = hex::encode(key.sign(&message).to_bytes());
            format!(
                "POST /interactions HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nX-Signature-Ed25519: {signature}\r\nX-Signature-Timestamp: {timestamp}\r\n\r\n{body}",
                body.len()
            )
            .into_bytes()
        })
        .collect()
}

/// Reads one response (headers, then Content-Length bytes); returns its status.
async fn read_response(stream: &mut TcpStream, buffer: &mut Vec<u8>) -> std::io::Result<u16> {
    buffer.clear();
    let mut chunk = [0u8; 16 * 1024];
    loop {
        if let Some(end) = buffer.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&buffer[..end]).to_ascii_lowercase();
            let length: usize = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .and_then(|v| v.trim().parse().ok())
                .unwrap_or(0);
            while buffer.len() < end + 4 + length {
                let n = stream.read(&mut chunk).await?;
                if n == 0 {
                    return Err(std::io::ErrorKind::UnexpectedEof.into());
                }
                buffer.extend_from_slice(&chunk[..n]);
            }
            let status = head
                .split_whitespace()
                .nth(1)
                .and_then(|s| s.parse().ok())
                .unwrap_or(0);
            return Ok(status);
        }
        let n = stream.read(&mut chunk).await?;
        if n == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        buffer.extend_from_slice(&chunk[..n]);
    }
}

async fn connection(
    addr: SocketAddr,
    requests: std::sync::Arc<Vec<Vec<u8>>>,
    offset: usize,
    until: Instant,
) -> (Vec<Duration>, usize) {
    let mut latencies = Vec::new();
    let mut failures = 0;
    let Ok(mut stream) = TcpStream::connect(addr).await else {
        return (latencies, 1);
    };
    let _ = stream.set_nodelay(true);
    let mut buffer = Vec::with_capacity(16 * 1024);
    let mut i = offset;
    while Instant::now() < until {
        let started = Instant::now();
        let request = &requests[i % requests.len()];
        i += 1;
        if stream.write_all(request).await.is_err() {
            failures += 1;
            break;
        }
        match read_response(&mut stream, &mut buffer).await {
            Ok(200) => latencies.push(started.elapsed()),
            Ok(_) => failures += 1,
            Err(_) => {
                failures += 1;
                break;
            }
        }
    }
    (latencies, failures)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index.min(sorted.len() - 1)]
}

fn main() {
    let options = match options() {
        Ok(Some(options)) => options,
        Ok(None) => return,
        Err(error) => {
            eprintln!("http_load: {error}");
            std::process::exit(2);
        }
    };
    assert!(
        options.addr.ip().is_loopback(),
        "http_load only targets loopback addresses"
    );
    let requests = std::sync::Arc::new(signed_requests(options.addr, options.users));
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let (mut latencies, failures) = runtime.block_on(async {
        let until = Instant::now() + Duration::from_secs(options.seconds);
        let tasks: Vec<_> = (0..options.connections)
            .map(|c| tokio::spawn(connection(options.addr, requests.clone(), c * 997, until)))
            .collect();
        let mut all = Vec::new();
        let mut failures = 0;
        for task in tasks {
            if let Ok((latencies, failed)) = task.await {
                all.extend(latencies);
                failures += failed;
            }
        }
        (all, failures)
    });
    latencies.sort_unstable();
    let rps = latencies.len() as f64 / options.seconds as f64;
    println!(
        "{} requests in {} s over {} connections from {} users: {rps:.0} req/s, p50 {:.2?}, p99 {:.2?}, max {:.2?}, {failures} failed",
        latencies.len(),
        options.seconds,
        options.connections,
        options.users,
        percentile(&latencies, 0.50),
        percentile(&latencies, 0.99),
        latencies.last().copied().unwrap_or_default()
    );
}

// The binary's allocator, so the figures are the ones `rolecall` would see.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
