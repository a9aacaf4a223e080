//! Criterion benchmark of what `/metrics` costs an interaction: recording it (a counter by
//! front end, command and outcome, and a latency histogram) into the Prometheus recorder
//! `rolecall run` and `serve-http` install, and the whole per-interaction observation (the
//! metrics and the log line's fields, with no log subscriber). Target: under 2 µs. Figures
//! go in BENCHMARKS.md.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};

use rolecall::discord::interaction;
use rolecall::discord::json::InteractionResponse;
use rolecall::discord::observe;
use rolecall::reply::Reply;
use rolecall::telemetry::{self, Answered, FrontEnd};

fn bench_recording(c: &mut Criterion) {
    let recorder = telemetry::prometheus();
    let answered = Answered {
        front_end: FrontEnd::Http,
        command: "compare",
        outcome: "answered",
        latency: Duration::from_micros(850),
    };
    let body = br#"{"type":2,"id":"987654321012345678","token":"t","application_id":"1","channel_id":"9","guild_id":"5","member":{"user":{"id":"1"},"permissions":"0"},"data":{"id":"2","name":"compare","type":1,"options":[{"type":3,"name":"role_a","value":"mle"},{"type":3,"name":"role_b","value":"data-specialist"}]}}"#;
    let incoming = interaction::read(body).expect("an interaction");
    let response = InteractionResponse::Message(Reply::text("answer"));
    let mut group = c.benchmark_group("metrics");
    metrics::with_local_recorder(&recorder, || {
        group.bench_function("record_interaction", |b| {
            b.iter(|| telemetry::interaction(black_box(&answered)))
        });
        group.bench_function("observe_interaction", |b| {
            b.iter(|| {
                observe::interaction(
                    FrontEnd::Http,
                    black_box(&incoming),
                    black_box(&response),
                    Duration::from_micros(850),
                )
            })
        });
    });
    group.bench_function("observe_interaction_without_recorder", |b| {
        b.iter(|| {
            observe::interaction(
                FrontEnd::Http,
                black_box(&incoming),
                black_box(&response),
                Duration::from_micros(850),
            )
        })
    });
    group.finish();
    // The scrape itself, after a thousand interactions of twelve kinds.
    let handle = recorder.handle();
    metrics::with_local_recorder(&recorder, || {
        for i in 0..1000 {
            let command = ["compare", "role", "path", "match"][i % 4];
            let outcome = ["answered", "error", "deferred"][i % 3];
            telemetry::interaction(&Answered {
                command,
                outcome,
                ..answered
            });
        }
    });
    c.bench_function("metrics/render_scrape", |b| b.iter(|| handle.render()));
}

criterion_group!(benches, bench_recording);
criterion_main!(benches);
