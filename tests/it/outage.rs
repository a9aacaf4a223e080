//! The store goes away while the endpoint serves, and comes back: answers that need no store
//! keep flowing, board commands say the board is unreachable, and the pool reconnects. And a
//! store that is down when the binary starts: a clear error and an exit code.
//!
//! PostgreSQL is reached through a proxy on loopback that the test can cut: connections in
//! flight are closed and new ones refused, as when the database restarts or the network drops.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use serde_json::{json, Value};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;

use crate::http::{command, guild_member, start_with};

/// A TCP proxy to PostgreSQL that can be cut and restored.
struct Proxy {
    port: u16,
    up: Arc<AtomicBool>,
    /// Bumped on every cut: forwarding connections watch it and close.
    cuts: watch::Sender<u64>,
}

impl Proxy {
    async fn start(target: u16) -> Proxy {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let port = listener.local_addr().expect("addr").port();
        let up = Arc::new(AtomicBool::new(true));
        let (cuts, _) = watch::channel(0);
        let (accepting, cut) = (up.clone(), cuts.clone());
        tokio::spawn(async move {
            while let Ok((client, _)) = listener.accept().await {
                if !accepting.load(Ordering::SeqCst) {
                    continue; // dropped: the connection is refused at once
                }
                tokio::spawn(forward(client, target, cut.subscribe()));
            }
        });
        Proxy { port, up, cuts }
    }

    fn cut(&self) {
        self.up.store(false, Ordering::SeqCst);
        self.cuts.send_modify(|n| *n += 1);
    }

    fn restore(&self) {
        self.up.store(true, Ordering::SeqCst);
    }
}

async fn forward(mut client: TcpStream, target: u16, mut cut: watch::Receiver<u64>) {
    let Ok(mut server) = TcpStream::connect(("127.0.0.1", target)).await else {
        return;
    };
    tokio::select! {
        _ = tokio::io::copy_bidirectional(&mut client, &mut server) => {}
        _ = cut.changed() => {}
    }
}

/// `postgres_url`'s database, reached through `proxy`.
fn through(url: &str, proxy: &Proxy) -> String {
    let (head, database) = url.rsplit_once('/').expect("a database in the URL");
    let (scheme_user, _) = head.rsplit_once('@').expect("user@host");
    format!("{scheme_user}@127.0.0.1:{}/{database}", proxy.port)
}

fn jobs_list() -> Vec<u8> {
    command("jobs", json!([]), guild_member("42"))
}

fn compare() -> Vec<u8> {
    command(
        "compare",
        json!([
            { "name": "role_a", "type": 3, "value": "machine-learning-engineer" },
            { "name": "role_b", "type": 3, "value": "data-specialist" },
        ]),
        guild_member("42"),
    )
}

fn title(answer: &Value) -> String {
    answer["data"]["embeds"][0]["title"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

#[test]
fn while_the_store_is_down_knowledge_answers_flow_and_the_board_says_it_is_unreachable() {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let database = runtime.block_on(crate::support::postgres_url("outage"));
    let target = database
        .rsplit_once('@')
        .and_then(|(_, rest)| rest.split(['/', ':']).nth(1))
        .and_then(|port| port.parse().ok())
        .unwrap_or(5432);
    let proxy = runtime.block_on(Proxy::start(target));
    let endpoint = start_with(through(&database, &proxy), None);

    let before = endpoint.answer(&jobs_list());
    assert_ne!(title(&before), "Job board unavailable", "{before}");

    proxy.cut();
    let during = endpoint.answer(&compare());
    assert_eq!(
        title(&during),
        "Machine Learning Engineer vs Data Specialist"
    );
    let refused = endpoint.answer(&jobs_list());
    assert_eq!(title(&refused), "Job board unavailable", "{refused}");
    assert_eq!(refused["data"]["flags"], 64, "said privately");

    proxy.restore();
    let after = endpoint.answer(&jobs_list());
    assert_eq!(
        title(&after),
        title(&before),
        "the pool reconnected: {after}"
    );
    drop(runtime);
}

#[test]
fn a_store_down_at_start_is_a_clear_error_and_exit_code_without_its_password() {
    let port = crate::http::free_port();
    let url = format!("postgres://rolecall:hunter2@127.0.0.1:{port}/rolecall");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_rolecall"))
        .args([
            "serve-http",
            "--addr",
            &format!("127.0.0.1:{}", crate::http::free_port()),
        ])
        .env("DATABASE_URL", &url)
        .env("DISCORD_PUBLIC_KEY", public_key())
        .env("ROLECALL_METRICS_ADDR", "off")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the binary runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("the database cannot be reached"),
        "{stderr}"
    );
    assert!(!stderr.contains("hunter2"), "{stderr}");
}

/// A well-formed public key (the tests' signing key's).
fn public_key() -> String {
    let key = ed25519_dalek::SigningKey::from_bytes(&[42u8; 32]);
    hex::encode(key.verifying_key().to_bytes())
}
