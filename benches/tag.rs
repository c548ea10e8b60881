//! Tagging throughput: `tolk::tag` over ~8 MiB of Dutch news.
//!
//! `cargo bench --bench tag` repeats the NTREX dev file (path in
//! `TOLK_BENCH_NTREX`, default `../shared/eval/ntrex-dev.nl.txt`; the sample
//! article when it is missing) to about 8 MiB and tags it with the shipped
//! glossaries alone and with synthetic glossaries (see `benches/synth`) of
//! 1k, 10k and 100k entries loaded after them. Criterion reports MiB/s; the
//! number of hits per MiB is printed once per glossary. Building the matcher
//! is not timed (see `benches/glossary.rs`).

// The allocator the tolk binary uses, so the figures are what users get.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[path = "synth/mod.rs"]
mod synth;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::borrow::Cow;
use std::hint::black_box;
use std::time::Duration;
use tolk::Glossary;
use tolk::glossary::{Source, shipped_sources};

const TARGET: usize = 8 << 20;

/// The text and where it came from.
fn text() -> (String, String) {
    let path = std::env::var("TOLK_BENCH_NTREX")
        .unwrap_or_else(|_| "../shared/eval/ntrex-dev.nl.txt".into());
    let (name, one) = match std::fs::read_to_string(&path) {
        Ok(t) => (path, t),
        Err(_) => (
            "samples/zelensky-poetin-moskou.nl.txt".into(),
            include_str!("../samples/zelensky-poetin-moskou.nl.txt").to_owned(),
        ),
    };
    let copies = TARGET.div_ceil(one.len());
    let mut text = String::with_capacity(copies * (one.len() + 1));
    for _ in 0..copies {
        text.push_str(&one);
        if !one.ends_with('\n') {
            text.push('\n');
        }
    }
    (format!("{name} ×{copies}"), text)
}

fn glossary(n: usize) -> Glossary {
    let mut sources = shipped_sources();
    if n > 0 {
        sources.push(Source {
            name: format!("synth-{n}.csv"),
            bytes: Cow::Owned(synth::csv(n, synth::SEED).into_bytes()),
            shipped: false,
        });
    }
    Glossary::load(sources).expect("the glossaries load")
}

fn bench(c: &mut Criterion) {
    let (name, text) = text();
    let mib = text.len() as f64 / (1 << 20) as f64;
    eprintln!("tag: {name}, {mib:.1} MiB");
    let mut g = c.benchmark_group("tag");
    g.sample_size(10);
    g.warm_up_time(Duration::from_secs(1));
    g.measurement_time(Duration::from_secs(8));
    g.throughput(Throughput::Bytes(text.len() as u64));
    for n in [0, 1_000, 10_000, 100_000] {
        let glossary = glossary(n);
        let hits = tolk::tag(&glossary, &text).len();
        let label = if n == 0 {
            "shipped".to_owned()
        } else {
            format!("shipped+{n}")
        };
        eprintln!(
            "tag {label}: {} patterns, {hits} hits, {:.0} hits/MiB",
            glossary.matcher().pattern_count(),
            hits as f64 / mib
        );
        g.bench_with_input(BenchmarkId::new("glossary", &label), &text, |b, text| {
            b.iter(|| tolk::tag(&glossary, black_box(text)))
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
