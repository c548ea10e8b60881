//! Translation speed of the built-in engine.
//!
//! `cargo bench --bench translate` translates the NTREX dev file (path in
//! `TOLK_BENCH_NTREX`, default `../shared/eval/ntrex-dev.nl.txt`; the sample
//! article repeated 30 times when it is missing) and the sample article, and
//! reports sentences per second beside the time.

// The allocator the tolk binary uses, so the figures are what users get.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use tolk::Glossary;
use tolk::glossary::shipped_sources;
use tolk::segment::SegmentOptions;
use tolk::translate::BuiltinEngine;

fn ntrex() -> (String, String) {
    let path = std::env::var("TOLK_BENCH_NTREX")
        .unwrap_or_else(|_| "../shared/eval/ntrex-dev.nl.txt".into());
    match std::fs::read_to_string(&path) {
        Ok(t) => (path, t),
        Err(_) => (
            "samples/ ×30".into(),
            include_str!("../samples/zelensky-poetin-moskou.nl.txt").repeat(30),
        ),
    }
}

fn bench(c: &mut Criterion) {
    let glossary = Glossary::load(shipped_sources()).unwrap();
    let engine = BuiltinEngine::shipped();
    let seg = SegmentOptions::default();
    let (name, text) = ntrex();
    let sentences = tolk::segment(&text, &seg).sentences().count() as u64;
    let mut g = c.benchmark_group("translate");
    g.sample_size(20);
    g.throughput(Throughput::Elements(sentences));
    g.bench_function(format!("builtin {name} ({sentences} sentences)"), |b| {
        b.iter(|| tolk::translate("-", black_box(&text), &glossary, &engine, &seg))
    });
    let seed = include_str!("../samples/zelensky-poetin-moskou.nl.txt");
    let seed_sentences = tolk::segment(seed, &seg).sentences().count() as u64;
    g.throughput(Throughput::Elements(seed_sentences));
    g.bench_function("builtin seed article", |b| {
        b.iter(|| tolk::translate("-", black_box(seed), &glossary, &engine, &seg))
    });
    g.finish();
    c.bench_function("load shipped lexicon", |b| {
        b.iter(tolk::translate::lexicon::Lexicon::shipped)
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
