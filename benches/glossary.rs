//! Glossary load and matcher build on synthetic glossaries.
//!
//! `cargo bench --bench glossary` loads a synthetic glossary (see
//! `benches/synth`) of 1k, 10k and 100k entries from CSV bytes, with and
//! without building its matcher (`Glossary::load` then `.matcher()`).
//! `TOLK_BENCH_1M=1` adds 1M entries (slow: minutes per sample).

// The allocator the tolk binary uses, so the figures are what users get.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[path = "synth/mod.rs"]
mod synth;

use criterion::{BatchSize, BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::borrow::Cow;
use std::hint::black_box;
use std::time::Duration;
use tolk::Glossary;
use tolk::glossary::Source;

fn load(csv: &str) -> Glossary {
    Glossary::load([Source {
        name: "synth.csv".into(),
        bytes: Cow::Borrowed(csv.as_bytes()),
        shipped: false,
    }])
    .expect("a synthetic glossary loads")
}

fn bench(c: &mut Criterion) {
    let mut sizes = vec![1_000, 10_000, 100_000];
    if std::env::var("TOLK_BENCH_1M").is_ok_and(|v| v == "1") {
        sizes.push(1_000_000);
    }
    let mut g = c.benchmark_group("glossary");
    for n in sizes {
        let csv = synth::csv(n, synth::SEED);
        let glossary = load(&csv);
        eprintln!(
            "glossary {n}: {} bytes of CSV, {} spellings, {} patterns",
            csv.len(),
            glossary.spellings().len(),
            glossary.matcher().pattern_count()
        );
        drop(glossary);
        // Big glossaries take seconds per load: few, long samples.
        g.sample_size(10);
        if n >= 100_000 {
            g.warm_up_time(Duration::from_millis(100));
            g.measurement_time(Duration::from_secs(if n >= 1_000_000 { 1 } else { 10 }));
        } else {
            g.warm_up_time(Duration::from_secs(1));
            g.measurement_time(Duration::from_secs(5));
        }
        g.throughput(Throughput::Elements(n as u64));
        // Dropping a glossary is not timed (it takes a while for big ones).
        g.bench_with_input(BenchmarkId::new("load", n), &csv, |b, csv| {
            b.iter_batched(|| (), |()| load(black_box(csv)), BatchSize::PerIteration)
        });
        g.bench_with_input(BenchmarkId::new("load+matcher", n), &csv, |b, csv| {
            b.iter_batched(
                || (),
                |()| {
                    let glossary = load(black_box(csv));
                    glossary.matcher();
                    glossary
                },
                BatchSize::PerIteration,
            )
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
