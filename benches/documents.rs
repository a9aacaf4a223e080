//! Reading one Markdown document: a 40 KB document in the layouts people publish (our own
//! documents under `tests/documents/`, one after another), the real 18 KB career profile
//! from `../shared/real-docs/` when it is there, and documents of 2,500 to 10,000 role
//! headings, to show that reading stays linear in the number of roles.

use std::path::Path;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use rolecall::knowledge::reading::article::parse_document;
use rolecall::synthetic::role_headings;

/// Our documents, repeated until the text is at least `size` bytes.
fn real_style(size: usize) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/documents");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("tests/documents")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    paths.sort();
    let texts: Vec<String> = paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("readable"))
        .collect();
    let mut out = String::new();
    for text in texts.iter().cycle() {
        if out.len() >= size {
            break;
        }
        out.push_str(text);
        out.push_str("\n\n");
    }
    out
}

fn bench_documents(c: &mut Criterion) {
    let mut group = c.benchmark_group("read_document");
    let text = real_style(40 * 1024);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("real_style_40kb", |b| {
        b.iter(|| parse_document("real-style.md", &text))
    });
    let real = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/real-docs/career-path-data-scientist.md");
    if let Ok(real) = std::fs::read_to_string(real) {
        group.throughput(Throughput::Bytes(real.len() as u64));
        group.bench_function("real_career_profile_18kb", |b| {
            b.iter(|| parse_document("career-path.md", &real))
        });
    }
    group.finish();

    let mut group = c.benchmark_group("role_headings");
    group.sample_size(10);
    for count in [2_500, 5_000, 10_000] {
        let text = role_headings(count);
        group.bench_with_input(BenchmarkId::from_parameter(count), &text, |b, text| {
            b.iter(|| parse_document("many.md", text))
        });
    }
    group.finish();
}

criterion_group!(benches, bench_documents);
criterion_main!(benches);
