//! Stopping the real `serve-http`: SIGTERM with 1,000 signed requests in flight answers
//! every one of them (and `/readyz` says draining meanwhile); a second signal exits at once;
//! started by systemd's socket activation, it serves on the socket it was passed.

use std::process::{Command, Stdio};
use std::time::Duration;

use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::crash::{client, kill};
use crate::http::{command, free_port, guild_member, now, Endpoint};
use crate::operations::{public_key, Served};

/// A signed request for `/help` by member `user`, whole, as bytes on the wire.
fn signed_help(endpoint: &Endpoint, user: usize) -> Vec<u8> {
    let body = command("help", json!([]), guild_member(&user.to_string()));
    let timestamp = now();
    let signature = endpoint.sign(&timestamp, &body);
    let mut request = format!(
        "POST /interactions HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nConnection: close\r\nX-Signature-Ed25519: {signature}\r\n\
         X-Signature-Timestamp: {timestamp}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    request.extend_from_slice(&body);
    request
}

/// Opens a connection and sends all of `request` but its last byte: the request is in
/// flight (its head read, its handler waiting for the body) until the rest comes.
async fn all_but_the_last_byte(addr: std::net::SocketAddr, request: &[u8]) -> TcpStream {
    let mut stream = TcpStream::connect(addr).await.expect("connects");
    stream
        .write_all(&request[..request.len() - 1])
        .await
        .expect("writes");
    stream
}

/// Sends the last byte of `request` and reads the whole response.
async fn finish(mut stream: TcpStream, request: &[u8]) -> String {
    let _ = stream.write_all(&request[request.len() - 1..]).await;
    let mut response = Vec::new();
    let _ = stream.read_to_end(&mut response).await;
    String::from_utf8_lossy(&response).into_owned()
}

/// Polls (up to 30 s) until `check` holds.
fn until(what: &str, served: &Served, check: impl Fn() -> bool) {
    let held = (0..600).any(|_| {
        if check() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
        false
    });
    assert!(held, "never {what}:\n{}", served.logged());
}

fn in_flight(served: &Served) -> f64 {
    served
        .sample("rolecall_http_requests_in_flight")
        .unwrap_or(0.0)
}

#[test]
fn sigterm_with_a_thousand_requests_in_flight_answers_every_one() {
    const IN_FLIGHT: usize = 1000;
    // Long enough for a debug build on a busy machine to answer them all.
    let mut served = Served::start_with("shutdown_thousand", &[("ROLECALL_DRAIN_SECONDS", "300")]);
    let addr = served.endpoint.addr;
    let requests: Vec<Vec<u8>> = (0..IN_FLIGHT)
        .map(|user| signed_help(&served.endpoint, user))
        .collect();
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let streams: Vec<TcpStream> = runtime.block_on(async {
        let opening = requests
            .iter()
            .map(|request| all_but_the_last_byte(addr, request));
        futures_util::future::join_all(opening).await
    });
    until("1,000 requests in flight", &served, || {
        in_flight(&served) == IN_FLIGHT as f64
    });

    let pid = served.child.id().to_string();
    let sent = Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .expect("kill runs");
    assert!(sent.success());
    until("draining", &served, || {
        served.operations.get("/readyz").json()["status"] == "draining"
    });

    let responses: Vec<String> = runtime.block_on(async {
        let finishing = streams
            .into_iter()
            .zip(&requests)
            .map(|(stream, request)| finish(stream, request));
        futures_util::future::join_all(finishing).await
    });
    let answered = responses
        .iter()
        .filter(|r| r.starts_with("HTTP/1.1 200") && r.contains("\"embeds\""))
        .count();
    assert_eq!(
        answered,
        IN_FLIGHT,
        "every request in flight is answered:\n{}",
        served
            .logged()
            .lines()
            .rev()
            .take(5)
            .collect::<Vec<_>>()
            .join("\n")
    );
    let status = served.child.wait().expect("exits");
    assert!(status.success(), "a drained shutdown exits 0, got {status}");
    let logged = served.logged();
    assert!(
        logged.contains("every interaction in flight was answered"),
        "{logged}"
    );
    assert!(logged.contains("store closed"), "{logged}");
}

#[test]
fn a_second_signal_exits_at_once_without_draining() {
    let mut served = Served::start("shutdown_twice");
    let request = signed_help(&served.endpoint, 1);
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let stream = runtime.block_on(all_but_the_last_byte(served.endpoint.addr, &request));
    until("one request in flight", &served, || {
        in_flight(&served) == 1.0
    });
    let pid = served.child.id().to_string();
    let term = || {
        let sent = Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .expect("kill runs");
        assert!(sent.success());
    };
    term();
    until("draining", &served, || {
        served.operations.get("/readyz").json()["status"] == "draining"
    });
    // The first signal waits for the request; the second does not.
    assert!(served.child.try_wait().expect("status").is_none());
    term();
    let status = served.child.wait().expect("exits");
    assert_eq!(status.code(), Some(1), "exits without draining: {status}");
    let response = runtime.block_on(finish(stream, &request));
    assert!(!response.starts_with("HTTP/1.1 200"), "{response}");
    assert!(
        served.logged().contains("second signal: exiting at once"),
        "{}",
        served.logged()
    );
}

#[test]
fn socket_activated_it_serves_on_the_socket_systemd_passes() {
    let activate = which("systemd-socket-activate");
    let (passed, own) = (free_port(), free_port());
    // systemd-socket-activate listens, and on the first connection execs rolecall with
    // the socket as fd 3 and LISTEN_FDS=1, LISTEN_PID its own pid.
    let mut child = Command::new(activate)
        .args(["-l", &format!("127.0.0.1:{passed}")])
        .args(["-E", &format!("DISCORD_PUBLIC_KEY={}", public_key())])
        .args([
            "-E",
            &format!(
                "DATABASE_URL={}",
                crate::support::sqlite_url("socket_activated")
            ),
        ])
        .args(["-E", "ROLECALL_METRICS_ADDR=off"])
        .arg(env!("CARGO_BIN_EXE_rolecall"))
        .args(["serve-http", "--addr", &format!("127.0.0.1:{own}")])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("systemd-socket-activate starts");
    let endpoint = client(passed);
    let listening = (0..200).any(|_| {
        std::thread::sleep(Duration::from_millis(50));
        std::net::TcpStream::connect(endpoint.addr).is_ok()
    });
    assert!(listening, "systemd-socket-activate did not listen");
    // The first request is queued on the socket while rolecall starts, then answered.
    let body = endpoint
        .post_signed(&command("help", json!([]), guild_member("1")))
        .json();
    assert!(body["data"]["embeds"][0]["title"].is_string(), "{body}");
    assert!(
        std::net::TcpStream::connect(("127.0.0.1", own)).is_err(),
        "it binds no socket of its own when passed one"
    );
    kill(&mut child, "-TERM");
}

/// The path of a program on PATH; `.ci/run` installs systemd, which ships this one.
fn which(program: &str) -> String {
    let found = Command::new("sh")
        .args(["-c", &format!("command -v {program}")])
        .output()
        .expect("sh runs");
    let path = String::from_utf8_lossy(&found.stdout).trim().to_owned();
    assert!(
        !path.is_empty(),
        "{program} is not installed (apt-get install systemd)"
    );
    path
}

/// SIGTERM while the knowledge base is being reloaded (SIGHUP, then SIGTERM as soon as the
/// reload has begun): the process still drains and exits 0, whether the reload finished or
/// not, and nothing panics.
#[test]
fn sigterm_during_a_knowledge_reload_stops_cleanly() {
    let knowledge = tempfile::tempdir().expect("a temporary directory");
    // Enough articles that reading them again takes a while in a debug build.
    for document in rolecall::synthetic::articles(1500, 17) {
        let path = knowledge.path().join(&document.path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("a directory");
        }
        std::fs::write(path, &document.bytes).expect("written");
    }
    let directory = knowledge.path().to_string_lossy().into_owned();
    let mut served = Served::start_with(
        "shutdown_reload",
        &[("ROLECALL_KNOWLEDGE", directory.as_str())],
    );
    let pid = served.child.id().to_string();
    let signal = |name: &str| {
        let sent = Command::new("kill")
            .args([name, &pid])
            .status()
            .expect("kill runs");
        assert!(sent.success(), "kill {name}");
    };
    signal("-HUP");
    until("the reload to begin", &served, || {
        served
            .logged()
            .contains("SIGHUP: reloading the knowledge base")
    });
    signal("-TERM");
    let status = served.child.wait().expect("exits");
    let logged = served.logged();
    assert!(status.success(), "exits 0, got {status}:\n{logged}");
    assert!(!logged.contains("panicked"), "{logged}");
    assert!(logged.contains("store closed"), "{logged}");
}
