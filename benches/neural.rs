//! The neural engine on a model of the real Dutch→English model's shape.
//!
//! `cargo bench --bench neural` writes a synthetic model (random weights) in
//! the shape of Firefox Translations' nl-en model — width 256, 8 heads, FFN
//! 1536, 6 encoder and 2 SSRU decoder layers, 32,000 shared pieces, int8 —
//! to a temporary directory (see `tolk::neural::testmodel`), loads it with
//! `tolk::neural::NeuralEngine` as `tolk translate -e neural` does, and
//! translates ~50 sentences of the sample article: with the shipped
//! glossaries (terms decoded as constraints) and with none (fxtranslate's
//! batched decoder only). Criterion reports sentences per second.
//!
//! Random weights rarely choose the end of sentence, so most sentences are
//! decoded up to the length cap (2 × source tokens + 4), about twice what a
//! trained model writes; and the model never writes a glossary term on its
//! own, so every term is forced in by the constrained decoder (sentences
//! with terms are decoded one at a time, not in batches). The figures are a
//! pessimistic bound on the real model's cost. The token counts and the
//! repairs (sentences the model could not render with every term) are
//! printed once. One worker thread unless `TOLK_BENCH_THREADS` says
//! otherwise.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};
use tolk::Glossary;
use tolk::engine::Repair;
use tolk::glossary::shipped_sources;
use tolk::neural::testmodel::{ModelShape, write_model_dir_with_shape};
use tolk::neural::{FallbackFn, NeuralEngine, NeuralOptions};
use tolk::segment::SegmentOptions;
use tolk::translate::BuiltinEngine;

const ARTICLE: &str = include_str!("../samples/zelensky-poetin-moskou.nl.txt");
const SENTENCES: usize = 50;

/// The article's first sentences, repeated if need be, to about `SENTENCES`.
fn text(seg: &SegmentOptions) -> (String, u64) {
    let mut text = String::new();
    loop {
        let count = tolk::segment(&text, seg).sentences().count();
        if count >= SENTENCES {
            return (text, count as u64);
        }
        let doc = tolk::segment(ARTICLE, seg);
        for s in doc.sentences().take(SENTENCES - count) {
            text.push_str(&ARTICLE[s.span.clone()]);
            text.push('\n');
        }
    }
}

fn engine(model: &Path, vocab: &Path, threads: usize) -> NeuralEngine {
    let fallback: FallbackFn = Box::new(|| Box::new(BuiltinEngine::shipped()));
    let opts = NeuralOptions {
        threads,
        ..Default::default()
    };
    NeuralEngine::load(model, vocab, vocab, opts, fallback).expect("the synthetic model loads")
}

fn bench(c: &mut Criterion) {
    let threads: usize = std::env::var("TOLK_BENCH_THREADS")
        .ok()
        .and_then(|t| t.parse().ok())
        .unwrap_or(1);
    let seg = SegmentOptions::default();
    let (text, sentences) = text(&seg);
    // A real vocabulary holds the common words whole: the article's words
    // are pieces, the rest is letter pairs and triples.
    let mut words: Vec<&str> = ARTICLE
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.sort_unstable();
    words.dedup();
    let dir = tempfile::tempdir().expect("a temporary directory");
    let shape = ModelShape::real_nl_en();
    let (model, vocab) = write_model_dir_with_shape(&dir.path().join("nl-en"), &shape, 1, &words)
        .expect("the model is written");
    let size = std::fs::metadata(&model).map_or(0, |m| m.len());
    let start = Instant::now();
    let neural = engine(&model, &vocab, threads);
    eprintln!(
        "neural: {shape:?}, {:.1} MiB, loaded in {:.0} ms; {sentences} sentences, {threads} thread(s)",
        size as f64 / (1 << 20) as f64,
        start.elapsed().as_secs_f64() * 1e3
    );

    let shipped = Glossary::load(shipped_sources()).expect("the shipped glossaries load");
    let none = Glossary::empty();
    let spm = fxtranslate::spm::SpmVocab::load(&vocab).expect("the vocabulary loads");
    for (name, glossary) in [("shipped glossary", &shipped), ("no glossary", &none)] {
        let doc = tolk::translate("-", &text, glossary, &neural, &seg);
        let all: Vec<_> = doc.paragraphs.iter().flat_map(|p| &p.sentences).collect();
        let count = |r: Repair| all.iter().filter(|s| s.repair == Some(r)).count();
        let src: usize = all
            .iter()
            .map(|s| spm.encode(&text[s.src.clone()]).len())
            .sum();
        let out: usize = all.iter().map(|s| spm.encode(&s.en).len()).sum();
        eprintln!(
            "neural, {name}: {src} source and {out} output tokens; {} sentences repaired by alignment, {} by the built-in engine",
            count(Repair::Aligned),
            count(Repair::Builtin)
        );
    }

    let mut g = c.benchmark_group("neural");
    g.sample_size(10);
    g.warm_up_time(Duration::from_secs(1));
    g.measurement_time(Duration::from_secs(20));
    g.throughput(Throughput::Elements(sentences));
    for (name, glossary) in [("shipped glossary", &shipped), ("no glossary", &none)] {
        g.bench_function(format!("real-shape int8, {name}"), |b| {
            b.iter(|| tolk::translate("-", black_box(&text), glossary, &neural, &seg))
        });
    }
    g.finish();
    let mut g = c.benchmark_group("neural load");
    g.sample_size(10);
    g.bench_function("real-shape int8", |b| {
        b.iter(|| engine(&model, &vocab, threads))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
