//! The operator's side of the real `serve-http`: `/metrics` scraped from its own listener
//! after signed interactions (counters by command and outcome, latency histograms, signature
//! rejections, rate-limit refusals, the knowledge base's size), `/readyz` and `/healthz`,
//! and nothing of it on the public endpoint.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use serde_json::json;

use crate::crash::{client, kill};
use crate::http::{command, free_port, guild_member, Endpoint};

/// A real `serve-http` with its operator's listener, logging JSON at info to a file.
pub struct Served {
    pub child: Child,
    pub endpoint: Endpoint,
    pub operations: Endpoint,
    pub log: PathBuf,
    _dir: tempfile::TempDir,
}

impl Served {
    /// Starts `rolecall serve-http` on free ports, once its endpoint and operator's
    /// listener both answer.
    pub fn start(name: &str) -> Served {
        Served::start_with(name, &[])
    }

    /// [`Served::start`] with more environment variables.
    pub fn start_with(name: &str, vars: &[(&str, &str)]) -> Served {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let log = dir.path().join("stderr.log");
        let (port, metrics_port) = (free_port(), free_port());
        let child = Command::new(env!("CARGO_BIN_EXE_rolecall"))
            .args(["serve-http", "--addr", &format!("127.0.0.1:{port}")])
            .args(["--metrics-addr", &format!("127.0.0.1:{metrics_port}")])
            .env("DISCORD_PUBLIC_KEY", public_key())
            .env_remove("ROLECALL_KNOWLEDGE")
            .env("ROLECALL_LOG", "info")
            .env("ROLECALL_LOG_FORMAT", "json")
            .env("DATABASE_URL", crate::support::sqlite_url(name))
            .envs(vars.iter().copied())
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log).expect("a log file"))
            .spawn()
            .expect("serve-http starts");
        let served = Served {
            child,
            endpoint: client(port),
            operations: client(metrics_port),
            log,
            _dir: dir,
        };
        served.until_ready();
        served
    }

    /// Waits (up to 20 s) for `/readyz` on the operator's listener to say ready.
    fn until_ready(&self) {
        let ready = (0..400).any(|_| {
            std::thread::sleep(Duration::from_millis(50));
            std::net::TcpStream::connect(self.operations.addr).is_ok()
                && self.operations.get("/readyz").status == 200
        });
        assert!(ready, "serve-http never became ready:\n{}", self.logged());
    }

    pub fn metrics(&self) -> String {
        let scraped = self.operations.get("/metrics");
        assert_eq!(scraped.status, 200, "{}", scraped.body);
        scraped.body
    }

    /// The value of the sample `line_start` (a metric name with its labels) in a scrape.
    pub fn sample(&self, line_start: &str) -> Option<f64> {
        sample(&self.metrics(), line_start)
    }

    pub fn logged(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn public_key() -> String {
    let key = ed25519_dalek::SigningKey::from_bytes(&[42u8; 32]);
    hex::encode(key.verifying_key().to_bytes())
}

/// The value of the sample whose line starts with `line_start` followed by a space.
pub fn sample(scrape: &str, line_start: &str) -> Option<f64> {
    scrape
        .lines()
        .find_map(|line| line.strip_prefix(line_start)?.strip_prefix(' '))
        .and_then(|value| value.trim().parse().ok())
}

fn compare() -> serde_json::Value {
    json!([
        { "type": 3, "name": "role_a", "value": "machine-learning-engineer" },
        { "type": 3, "name": "role_b", "value": "data-specialist" }
    ])
}

#[test]
fn metrics_count_signed_interactions_by_command_and_outcome_on_their_own_listener() {
    let mut served = Served::start("operations_metrics");
    let answered = served
        .endpoint
        .answer(&command("compare", compare(), guild_member("1")));
    assert_eq!(
        answered["data"]["embeds"][0]["title"],
        "Machine Learning Engineer vs Data Specialist"
    );
    // No role matches: an empty list is an error reply.
    let nothing = json!([{ "type": 3, "name": "filter", "value": "zzqqxx" }]);
    served
        .endpoint
        .answer(&command("roles", nothing, guild_member("1")));
    // Eight expensive commands at once from one member: the rate limit refuses some.
    for _ in 0..8 {
        served
            .endpoint
            .answer(&command("compare", compare(), guild_member("flood")));
    }
    let unsigned = served
        .endpoint
        .post(&command("help", json!([]), guild_member("1")), &[]);
    assert_eq!(unsigned.status, 401);

    let scrape = served.metrics();
    let interactions = |command: &str, outcome: &str| {
        sample(
            &scrape,
            &format!(
                r#"rolecall_interactions_total{{front_end="http",command="{command}",outcome="{outcome}"}}"#
            ),
        )
        .unwrap_or(0.0)
    };
    let limited = sample(
        &scrape,
        r#"rolecall_rate_limited_total{what="interaction"}"#,
    )
    .expect("rate-limit refusals are counted");
    assert!(limited >= 1.0, "{scrape}");
    assert_eq!(
        interactions("compare", "answered") + limited,
        9.0,
        "{scrape}"
    );
    assert_eq!(interactions("compare", "error"), limited, "{scrape}");
    assert_eq!(interactions("roles", "error"), 1.0, "{scrape}");
    assert_eq!(
        sample(
            &scrape,
            r#"rolecall_interaction_duration_seconds_count{front_end="http",command="compare"}"#
        ),
        Some(9.0),
        "{scrape}"
    );
    assert!(
        scrape.contains(r#"rolecall_interaction_duration_seconds_bucket{front_end="http",command="roles",le="+Inf"} 1"#),
        "{scrape}"
    );
    assert_eq!(
        sample(
            &scrape,
            r#"rolecall_signature_rejections_total{reason="missing_headers"}"#
        ),
        Some(1.0),
        "{scrape}"
    );
    assert_eq!(
        sample(&scrape, "rolecall_knowledge_roles"),
        Some(8.0),
        "{scrape}"
    );
    assert!(sample(&scrape, "rolecall_knowledge_articles").is_some_and(|n| n >= 1.0));
    assert!(
        sample(&scrape, "rolecall_knowledge_loaded_timestamp_seconds").is_some_and(|t| t > 1.6e9)
    );
    assert!(
        scrape.contains("# TYPE rolecall_interaction_duration_seconds histogram"),
        "{scrape}"
    );

    // Never on the public endpoint.
    assert_eq!(served.endpoint.get("/metrics").status, 404);
    let ready = served.operations.get("/readyz").json();
    assert_eq!(ready["status"], "ready", "{ready}");
    assert_eq!(ready["store"], "ok", "{ready}");
    assert_eq!(ready["roles"], 8, "{ready}");
    assert_eq!(served.endpoint.get("/readyz").json()["status"], "ready");
    assert_eq!(served.operations.get("/healthz").status, 200);
    kill(&mut served.child, "-TERM");
}
