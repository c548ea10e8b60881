//! A synthetic translation model, for tests and benchmarks.
//!
//! [`tiny_model`] builds, in memory, a float32 model in the marian binary
//! container that `fxtranslate` loads (the same format as Firefox's
//! `model.*.intgemm.alphas.bin`, but with float32 weights), plus a tiny
//! SentencePiece unigram vocabulary shared by source and target. The weights
//! are pseudo-random, so the "translations" are nonsense — but they are
//! deterministic for a given seed, they run through fxtranslate's real parsing
//! and decoding code, and they cost microseconds.
//!
//! The architecture is the Bergamot one fxtranslate runs (transformer encoder,
//! SSRU decoder, tied embeddings), scaled down: embedding width 8, two
//! attention heads, FFN width 16, one encoder and one decoder layer.
//!
//! [`model_with_shape`] builds the same kind of model in any [`ModelShape`]:
//! [`ModelShape::real_nl_en`] is the shape of the real Dutch→English model
//! (Firefox's "tiny" student: width 256, 8 heads, FFN 1536, 6 encoder and
//! 2 SSRU decoder layers, a 32,000-piece shared vocabulary, int8 weights
//! with activation quantization multipliers, as `marian-conv --gemm-type
//! intgemm8` writes them), for benchmarks that should cost what the real
//! model costs. Only the weights are random.
//!
//! The vocabulary holds, in this order: `</s>` (id 0, the end of sentence),
//! `<unk>` (id 1), `<s>` (id 2, unused by marian), the word-boundary marker
//! `▁` alone, one piece per printable ASCII character and per common accented
//! letter and typographic mark, a few whole words of Dutch and English (with the
//! `▁` prefix), the piece `'s`, and then any extra words the caller asks for.
//! Whole words always win over spelling a word out, and any text made of
//! those characters encodes without `<unk>`. A shape with a vocabulary size
//! fills the rest with letter pairs and triples (word-initial and not), so
//! that words it does not hold split into a few pieces, as in a real
//! SentencePiece vocabulary.
//!
//! Everything here is written from the format descriptions; nothing is taken
//! from fxtranslate's own test builders.

use std::io;
use std::path::{Path, PathBuf};

/// Bytes of a tiny model and its shared vocabulary.
///
/// `model` is a marian binary container (float32 weights), `vocab` a
/// SentencePiece `ModelProto`; pass `vocab` as both the source and the target
/// vocabulary, e.g. `Engine::from_bytes(&m.model, &m.vocab, &m.vocab)`.
pub struct TinyModel {
    /// The model file's bytes.
    pub model: Vec<u8>,
    /// The `.spm` vocabulary's bytes.
    pub vocab: Vec<u8>,
}

/// How the matrices of a synthetic model are stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WeightType {
    /// float32 everywhere (`marian-conv --gemm-type float32`).
    Float32,
    /// int8 matrices and embedding (`intgemm8`, each with its quantization
    /// multiplier) and a `*_QuantMultA` activation multiplier per matrix, as
    /// in Firefox's `*.intgemm.alphas.bin`; biases and layer norms float32.
    Int8,
}

/// The architecture of a synthetic model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ModelShape {
    /// Embedding width (`dim-emb`).
    pub dim: usize,
    /// Attention heads; `dim` must be a multiple.
    pub heads: usize,
    /// Feed-forward width (`transformer-dim-ffn`).
    pub ffn: usize,
    pub enc_depth: usize,
    pub dec_depth: usize,
    /// Pieces in the vocabulary: `None` for the built-in pieces and the
    /// extra words only; `Some(n)` fills up to `n` pieces with letter pairs
    /// and triples (never fewer than the built-ins and the extra words).
    pub vocab: Option<usize>,
    pub weights: WeightType,
}

impl ModelShape {
    /// The tiny shape [`tiny_model`] builds: width 8, 2 heads, FFN 16, one
    /// encoder and one decoder layer, float32.
    pub const TINY: ModelShape = ModelShape {
        dim: 8,
        heads: 2,
        ffn: 16,
        enc_depth: 1,
        dec_depth: 1,
        vocab: None,
        weights: WeightType::Float32,
    };

    /// The shape of Firefox Translations' Dutch→English model (the Bergamot
    /// "tiny" student architecture): width 256, 8 heads, FFN 1536, 6
    /// encoder and 2 SSRU decoder layers, a shared vocabulary of 32,000
    /// pieces, int8 weights.
    pub fn real_nl_en() -> ModelShape {
        ModelShape {
            dim: 256,
            heads: 8,
            ffn: 1536,
            enc_depth: 6,
            dec_depth: 2,
            vocab: Some(32_000),
            weights: WeightType::Int8,
        }
    }
}

impl Default for ModelShape {
    fn default() -> Self {
        ModelShape::TINY
    }
}

/// Build it. `extra_words`: more whole-word pieces (given without the ▁; it is added).
///
/// Extra words are appended after the built-in pieces, so they never change the
/// id of a built-in piece; a word already in the vocabulary is not added twice,
/// and a space inside a word becomes `▁` (so `"Volodymyr Zelensky"` is one
/// piece). The same `seed` and words always give the same bytes. Each tensor
/// draws from its own random stream, so extra words change only the rows they
/// add to the embedding and the output bias.
pub fn tiny_model(seed: u64, extra_words: &[&str]) -> TinyModel {
    model_with_shape(&ModelShape::TINY, seed, extra_words)
}

/// Like [`tiny_model`], in any shape. The same seed gives the same random
/// values (before quantization) in a float32 and an int8 model of one shape.
pub fn model_with_shape(shape: &ModelShape, seed: u64, extra_words: &[&str]) -> TinyModel {
    assert!(
        shape.heads > 0 && shape.dim.is_multiple_of(shape.heads),
        "the width must be a multiple of the heads"
    );
    let pieces = pieces(extra_words, shape.vocab);
    TinyModel {
        model: model_bytes(shape, seed, pieces.len()),
        vocab: spm_bytes(&pieces),
    }
}

/// Write it (seed `seed`, no extra words) into `dir`, creating `dir`, under
/// the file names fxtranslate's cache uses for a cached pair. Returns (model
/// path, vocab path).
///
/// `Cache::cached_model` recognizes a pair directory's files by their leading
/// component (`model.`, `vocab.`, `lex.`, …); the names used here are those of
/// the real Dutch→English Remote Settings records, `model.nlen.intgemm.alphas.bin`
/// and `vocab.nlen.spm`, so `dir = <cache root>/nl-en` looks exactly like a
/// downloaded pair. fxtranslate tells int8 from float32 by the tensors, never by
/// the file name, so the float32 content under an `intgemm` name loads fine.
pub fn write_model_dir(dir: &Path, seed: u64) -> io::Result<(PathBuf, PathBuf)> {
    write_model_dir_with_shape(dir, &ModelShape::TINY, seed, &[])
}

/// Like [`write_model_dir`], in any shape and with extra words.
pub fn write_model_dir_with_shape(
    dir: &Path,
    shape: &ModelShape,
    seed: u64,
    extra_words: &[&str],
) -> io::Result<(PathBuf, PathBuf)> {
    let m = model_with_shape(shape, seed, extra_words);
    std::fs::create_dir_all(dir)?;
    let model_path = dir.join(MODEL_FILE);
    let vocab_path = dir.join(VOCAB_FILE);
    std::fs::write(&model_path, &m.model)?;
    std::fs::write(&vocab_path, &m.vocab)?;
    Ok((model_path, vocab_path))
}

/// File names of the real Dutch→English Remote Settings records.
const MODEL_FILE: &str = "model.nlen.intgemm.alphas.bin";
const VOCAB_FILE: &str = "vocab.nlen.spm";

// ---- architecture -----------------------------------------------------------

/// marian's `special:model.yml`: fxtranslate reads the dimensions from it.
fn model_yml(shape: &ModelShape, vocab: usize) -> String {
    let ModelShape {
        dim,
        heads,
        ffn,
        enc_depth,
        dec_depth,
        ..
    } = *shape;
    let mut yml = format!(
        "type: transformer\n\
         dim-emb: {dim}\n\
         dim-vocabs:\n  - {vocab}\n  - {vocab}\n\
         enc-depth: {enc_depth}\n\
         dec-depth: {dec_depth}\n\
         transformer-heads: {heads}\n\
         transformer-dim-ffn: {ffn}\n\
         transformer-ffn-activation: relu\n\
         transformer-decoder-autoreg: rnn\n\
         dec-cell: ssru\n\
         transformer-postprocess: dan\n\
         tied-embeddings-all: true\n"
    );
    if shape.weights == WeightType::Int8 {
        yml.push_str("gemm-precision: int8shiftAlphaAll\n");
    }
    yml
}

// ---- vocabulary ---------------------------------------------------------------

const DUTCH_WORDS: &[&str] = &[
    "Poetin", "sprak", "in", "Moskou", "met", "Zelenski", "Kiev", "de", "het", "een", "en", "is",
];
const ENGLISH_WORDS: &[&str] = &[
    "Putin",
    "spoke",
    "in",
    "Moscow",
    "with",
    "Zelensky",
    "Kyiv",
    "Volodymyr",
    "the",
    "a",
    "and",
    "is",
];
/// Non-ASCII characters common in Dutch and English news text.
const EXTRA_CHARS: &str = "ÀÁÂÄÇÈÉÊËÌÍÎÏÑÒÓÔÖÙÚÛÜàáâäçèéêëìíîïñòóôöùúûüĳĲ‘’“”„–—…€°«»";

/// SentencePiece piece types (`ModelProto.SentencePiece.Type`).
const NORMAL: u64 = 1;
const UNKNOWN: u64 = 2;
const CONTROL: u64 = 3;

/// Piece scores: the unigram Viterbi maximizes their sum, so one word piece
/// beats spelling the word out in pieces of three, and those beat pairs and
/// single characters.
const WORD_SCORE: f32 = -2.0;
const TRIPLE_SCORE: f32 = -5.0;
const PAIR_SCORE: f32 = -6.5;
const CHAR_SCORE: f32 = -8.0;

/// SentencePiece's word-boundary marker (U+2581).
const SPACE: char = '▁';

/// `(piece, score, type)` in id order; with `size`, filled up to `size`
/// pieces with letter pairs and triples.
fn pieces(extra_words: &[&str], size: Option<usize>) -> Vec<(String, f32, u64)> {
    let mut out: Vec<(String, f32, u64)> = vec![
        ("</s>".into(), 0.0, CONTROL),
        ("<unk>".into(), 0.0, UNKNOWN),
        ("<s>".into(), 0.0, CONTROL),
    ];
    let mut seen: std::collections::HashSet<String> = out.iter().map(|p| p.0.clone()).collect();
    let mut add = |out: &mut Vec<(String, f32, u64)>, piece: String, score: f32| {
        if seen.insert(piece.clone()) {
            out.push((piece, score, NORMAL));
        }
    };
    add(&mut out, SPACE.to_string(), CHAR_SCORE);
    for c in ('!'..='~').chain(EXTRA_CHARS.chars()) {
        add(&mut out, c.to_string(), CHAR_SCORE);
    }
    for w in DUTCH_WORDS.iter().chain(ENGLISH_WORDS) {
        add(&mut out, format!("{SPACE}{w}"), WORD_SCORE);
    }
    add(&mut out, "'s".into(), WORD_SCORE);
    for w in extra_words {
        let w = w.split_whitespace().collect::<Vec<_>>().join("▁");
        if !w.is_empty() {
            add(&mut out, format!("{SPACE}{w}"), WORD_SCORE);
        }
    }
    let Some(size) = size else {
        return out;
    };
    // Pairs first (word-initial, capitalised word-initial, inside a word),
    // then the triples in a fixed pseudo-random order, until full.
    let lower = || 'a'..='z';
    let mut pairs = Vec::new();
    for a in lower() {
        for b in lower() {
            pairs.push(format!("{SPACE}{a}{b}"));
            pairs.push(format!("{SPACE}{}{b}", a.to_ascii_uppercase()));
            pairs.push(format!("{a}{b}"));
        }
    }
    let mut triples = Vec::new();
    for a in lower() {
        for b in lower() {
            for c in lower() {
                triples.push(format!("{a}{b}{c}"));
                triples.push(format!("{SPACE}{a}{b}{c}"));
            }
        }
    }
    let mut rng = SplitMix64(fnv1a("triples"));
    for i in (1..triples.len()).rev() {
        triples.swap(i, (rng.next() % (i as u64 + 1)) as usize);
    }
    let fill = pairs
        .into_iter()
        .map(|p| (p, PAIR_SCORE))
        .chain(triples.into_iter().map(|t| (t, TRIPLE_SCORE)));
    for (piece, score) in fill {
        if out.len() >= size {
            break;
        }
        add(&mut out, piece, score);
    }
    out
}

/// Serialize a SentencePiece `ModelProto`: the pieces (field 1), a
/// `TrainerSpec` (field 2) naming the unigram type and the special ids, and an
/// identity `NormalizerSpec` (field 3; no character map, so no NFKC).
fn spm_bytes(pieces: &[(String, f32, u64)]) -> Vec<u8> {
    let mut out = Vec::new();
    for (piece, score, kind) in pieces {
        let mut msg = Vec::new();
        pb_bytes(&mut msg, 1, piece.as_bytes());
        pb_key(&mut msg, 2, 5);
        msg.extend_from_slice(&score.to_le_bytes());
        pb_int(&mut msg, 3, *kind as i64);
        pb_bytes(&mut out, 1, &msg);
    }
    let mut trainer = Vec::new();
    pb_int(&mut trainer, 3, 1); // model_type: UNIGRAM
    pb_int(&mut trainer, 4, pieces.len() as i64); // vocab_size
    pb_int(&mut trainer, 40, 1); // unk_id
    pb_int(&mut trainer, 41, 2); // bos_id
    pb_int(&mut trainer, 42, 0); // eos_id
    pb_int(&mut trainer, 43, -1); // pad_id: none
    pb_bytes(&mut out, 2, &trainer);
    let mut normalizer = Vec::new();
    pb_bytes(&mut normalizer, 1, b"identity"); // name
    pb_int(&mut normalizer, 3, 1); // add_dummy_prefix
    pb_int(&mut normalizer, 4, 1); // remove_extra_whitespaces
    pb_int(&mut normalizer, 5, 1); // escape_whitespaces
    pb_bytes(&mut out, 3, &normalizer);
    out
}

fn pb_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push(v as u8 | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn pb_key(out: &mut Vec<u8>, field: u64, wire: u64) {
    pb_varint(out, field << 3 | wire);
}

/// A varint field; negative values take ten bytes, as protobuf's `int32` does.
fn pb_int(out: &mut Vec<u8>, field: u64, v: i64) {
    pb_key(out, field, 0);
    pb_varint(out, v as u64);
}

fn pb_bytes(out: &mut Vec<u8>, field: u64, bytes: &[u8]) {
    pb_key(out, field, 2);
    pb_varint(out, bytes.len() as u64);
    out.extend_from_slice(bytes);
}

// ---- model --------------------------------------------------------------------

/// marian type codes (`Type` enum) for the item types used.
const TYPE_INT8: u64 = 0x101;
const TYPE_FLOAT32: u64 = 0x404;
const TYPE_INTGEMM8: u64 = 0x4101;

/// The activation range assumed by the int8 models' `*_QuantMultA`
/// (quantization multiplier `127 / ALPHA`).
const ALPHA: f32 = 4.0;

/// One named tensor: `(name, type, shape, data)`.
type Item = (String, u64, Vec<i32>, Vec<u8>);

/// Collects the model's tensors, each filled from its own random stream.
struct Builder {
    seed: u64,
    shape: ModelShape,
    items: Vec<Item>,
}

impl Builder {
    fn floats(&mut self, name: &str, shape: [usize; 2], values: impl Iterator<Item = f32>) {
        let data = values.flat_map(f32::to_le_bytes).collect();
        let shape = shape.iter().map(|&d| d as i32).collect();
        self.items.push((name.into(), TYPE_FLOAT32, shape, data));
    }

    /// `rows × cols` values uniform in ±`scale`, from the stream of `name`, row-major.
    fn values(&self, name: &str, rows: usize, cols: usize, scale: f32) -> Vec<f32> {
        let mut rng = SplitMix64(self.seed ^ fnv1a(name));
        (0..rows * cols).map(|_| rng.uniform(scale)).collect()
    }

    /// `[rows, cols]` uniform in ±`scale`, from the stream of `name`.
    fn random(&mut self, name: &str, rows: usize, cols: usize, scale: f32) {
        let values = self.values(name, rows, cols, scale);
        self.floats(name, [rows, cols], values.into_iter());
    }

    /// A matrix `[rows, cols]` uniform in ±`scale`: float32, or int8 with
    /// its multiplier `127 / scale` after the data, laid out transposed
    /// (`[cols, rows]`) unless `embedding`, as intgemm8 stores it.
    fn matrix(&mut self, name: &str, rows: usize, cols: usize, scale: f32, embedding: bool) {
        if self.shape.weights == WeightType::Float32 {
            return self.random(name, rows, cols, scale);
        }
        let v = self.values(name, rows, cols, scale);
        let q = 127.0 / scale;
        let quant = |x: f32| (x * q).round().clamp(-127.0, 127.0) as i8 as u8;
        let mut data: Vec<u8> = if embedding {
            v.iter().map(|&x| quant(x)).collect()
        } else {
            (0..cols)
                .flat_map(|c| (0..rows).map(move |r| (r, c)))
                .map(|(r, c)| quant(v[r * cols + c]))
                .collect()
        };
        data.extend_from_slice(&q.to_le_bytes());
        let shape = vec![rows as i32, cols as i32];
        self.items.push((name.into(), TYPE_INTGEMM8, shape, data));
        if !embedding {
            self.alpha(&format!("{name}_QuantMultA"));
        }
    }

    /// An activation multiplier `127 / ALPHA` (int8 models).
    fn alpha(&mut self, name: &str) {
        let data = (127.0 / ALPHA).to_le_bytes().to_vec();
        self.items.push((name.into(), TYPE_FLOAT32, vec![1], data));
    }

    /// A `[k, n]` weight, Glorot-uniform as marian initializes it.
    fn weight(&mut self, name: &str, k: usize, n: usize) {
        self.matrix(name, k, n, (6.0 / (k + n) as f32).sqrt(), false);
    }

    fn bias(&mut self, name: &str, n: usize) {
        self.random(name, 1, n, 0.1);
    }

    /// `{base}_ln_scale` (ones) and `{base}_ln_bias` (zeros).
    fn layer_norm(&mut self, base: &str) {
        let dim = self.shape.dim;
        let (scale, bias) = (format!("{base}_ln_scale"), format!("{base}_ln_bias"));
        self.floats(&scale, [1, dim], std::iter::repeat_n(1.0, dim));
        self.floats(&bias, [1, dim], std::iter::repeat_n(0.0, dim));
    }

    /// Multi-head attention `{prefix}_W{q,k,v,o}` / `_b{q,k,v,o}`, and the
    /// layer norm after it.
    fn attention(&mut self, prefix: &str) {
        let dim = self.shape.dim;
        for p in ["q", "k", "v", "o"] {
            self.weight(&format!("{prefix}_W{p}"), dim, dim);
            self.bias(&format!("{prefix}_b{p}"), dim);
        }
        self.layer_norm(&format!("{prefix}_Wo"));
    }

    /// The feed-forward block `{prefix}_W1/b1/W2/b2` and its layer norm.
    fn ffn(&mut self, prefix: &str) {
        let (dim, ffn) = (self.shape.dim, self.shape.ffn);
        self.weight(&format!("{prefix}_W1"), dim, ffn);
        self.bias(&format!("{prefix}_b1"), ffn);
        self.weight(&format!("{prefix}_W2"), ffn, dim);
        self.bias(&format!("{prefix}_b2"), dim);
        self.layer_norm(&format!("{prefix}_ffn"));
    }
}

/// The tensors fxtranslate's engine reads, under marian's names, serialized.
fn model_bytes(shape: &ModelShape, seed: u64, vocab: usize) -> Vec<u8> {
    let mut b = Builder {
        seed,
        shape: *shape,
        items: Vec::new(),
    };
    let dim = shape.dim;
    // marian stores the config as a NUL-terminated int8 string.
    let mut yml = model_yml(shape, vocab).into_bytes();
    yml.push(0);
    let len = yml.len() as i32;
    b.items
        .push(("special:model.yml".into(), TYPE_INT8, vec![len], yml));
    // Tied embeddings: one table for source, target and output projection.
    b.matrix(
        "Wemb",
        vocab,
        dim,
        (6.0 / (vocab + dim) as f32).sqrt(),
        true,
    );
    for l in 1..=shape.enc_depth {
        b.attention(&format!("encoder_l{l}_self"));
        b.ffn(&format!("encoder_l{l}_ffn"));
    }
    for l in 1..=shape.dec_depth {
        let p = format!("decoder_l{l}");
        // SSRU: candidate `x·W`, forget gate `x·Wf + bf`.
        b.weight(&format!("{p}_rnn_W"), dim, dim);
        b.weight(&format!("{p}_rnn_Wf"), dim, dim);
        b.bias(&format!("{p}_rnn_bf"), dim);
        b.layer_norm(&format!("{p}_rnn_ffn"));
        b.attention(&format!("{p}_context"));
        b.ffn(&format!("{p}_ffn"));
    }
    b.bias("decoder_ff_logit_out_b", vocab);
    if shape.weights == WeightType::Int8 {
        // The activation multiplier of the tied output projection.
        b.alpha("none_QuantMultA");
    }
    serialize(&b.items)
}

/// The marian binary container, little-endian: version 1 and item count;
/// per item `name_len, type, shape_len, data_len` (u64 each); the
/// NUL-terminated names; the shapes (i32); a u64 padding length and that many
/// zero bytes, so the data starts at a multiple of 256; then the data blocks.
fn serialize(items: &[Item]) -> Vec<u8> {
    fn u64le(out: &mut Vec<u8>, v: usize) {
        out.extend_from_slice(&(v as u64).to_le_bytes());
    }
    let mut out = Vec::new();
    u64le(&mut out, 1);
    u64le(&mut out, items.len());
    for (name, kind, shape, data) in items {
        u64le(&mut out, name.len() + 1);
        out.extend_from_slice(&kind.to_le_bytes());
        u64le(&mut out, shape.len());
        u64le(&mut out, data.len());
    }
    for (name, ..) in items {
        out.extend_from_slice(name.as_bytes());
        out.push(0);
    }
    for (_, _, shape, _) in items {
        shape
            .iter()
            .for_each(|d| out.extend_from_slice(&d.to_le_bytes()));
    }
    let pad = (256 - (out.len() + 8) % 256) % 256;
    u64le(&mut out, pad);
    out.resize(out.len() + pad, 0);
    for (.., data) in items {
        out.extend_from_slice(data);
    }
    out
}

/// SplitMix64 (Steele, Lea & Flood): a tiny, well-mixed generator.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `[-scale, scale)`, from the top 24 bits.
    fn uniform(&mut self, scale: f32) -> f32 {
        let unit = (self.next() >> 40) as f32 / (1u32 << 24) as f32;
        (2.0 * unit - 1.0) * scale
    }
}

/// FNV-1a, to give every tensor name its own random stream.
fn fnv1a(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use fxtranslate::cache::Cache;
    use fxtranslate::engine::Engine;
    use fxtranslate::spm::SpmVocab;
    use fxtranslate::weights::{Precision, Weights};

    const SENTENCE: &str = "Poetin sprak in Moskou.";
    const DIM: usize = ModelShape::TINY.dim;
    const HEADS: usize = ModelShape::TINY.heads;
    const FFN: usize = ModelShape::TINY.ffn;
    const ENC_DEPTH: usize = ModelShape::TINY.enc_depth;
    const DEC_DEPTH: usize = ModelShape::TINY.dec_depth;

    fn engine(seed: u64) -> Engine {
        let m = tiny_model(seed, &[]);
        Engine::from_bytes(&m.model, &m.vocab, &m.vocab).expect("tiny model loads")
    }

    #[test]
    fn loads_as_a_float32_model_with_the_tiny_config() {
        let m = tiny_model(1, &[]);
        let weights = Weights::from_bytes(&m.model).expect("weights load");
        assert_eq!(weights.precision(), Precision::Float32);
        let c = weights.config();
        assert_eq!(
            (c.dim_emb, c.heads, c.enc_depth, c.dec_depth, c.dim_ffn),
            (DIM, HEADS, ENC_DEPTH, DEC_DEPTH, FFN)
        );
        let vocab = SpmVocab::from_bytes(&m.vocab);
        assert_eq!(c.vocab, vocab.len());
        assert_eq!(weights.output_vocab(), vocab.len());
    }

    #[test]
    fn translation_terminates_and_is_deterministic() {
        let first = engine(42).translate(SENTENCE);
        assert_eq!(engine(42).translate(SENTENCE), first);
        assert_eq!(engine(42).translate(SENTENCE), first);
        assert_ne!(tiny_model(42, &[]).model, tiny_model(43, &[]).model);
        assert_eq!(tiny_model(42, &[]).model, tiny_model(42, &[]).model);
    }

    #[test]
    fn files_load_like_the_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let (model, vocab) = write_model_dir(&dir.path().join("nl-en"), 5).unwrap();
        let expected = engine(5).translate(SENTENCE);
        let loaded = Engine::load(&model, &vocab, &vocab).expect("files load");
        assert_eq!(loaded.translate(SENTENCE), expected);
        let mapped = Engine::load_mmapped(&model, &vocab, &vocab).expect("files map");
        assert_eq!(mapped.translate(SENTENCE), expected);
    }

    #[test]
    fn vocabulary_has_words_and_falls_back_to_characters() {
        let v = SpmVocab::from_bytes(&tiny_model(1, &[]).vocab);
        assert_eq!(v.eos_id(), 0);
        assert_eq!(v.piece(1), "<unk>");
        let pieces = |text: &str| -> Vec<String> {
            v.encode(text)
                .iter()
                .map(|&id| v.piece(id).to_string())
                .collect()
        };
        let ids = v.encode("Putin");
        assert_eq!(pieces("Putin"), ["▁Putin"]);
        assert_eq!(v.decode(&ids), "Putin");
        assert_eq!(pieces("Xq7"), ["▁", "X", "q", "7"]);
        assert_eq!(pieces("Putin's"), ["▁Putin", "'s"]);
        assert_eq!(
            pieces("Poetin sprak in Moskou met Zelenski."),
            [
                "▁Poetin",
                "▁sprak",
                "▁in",
                "▁Moskou",
                "▁met",
                "▁Zelenski",
                "."
            ]
        );
        let text = "Oekraïne’s „café” — 100 €, Brussel/Kyiv (AP)!";
        assert!(!v.encode(text).contains(&1), "no <unk> in {text:?}");
        assert_eq!(v.decode(&v.encode(text)), text);
    }

    #[test]
    fn extra_words_become_pieces_without_moving_old_ids() {
        let plain = SpmVocab::from_bytes(&tiny_model(1, &[]).vocab);
        let m = tiny_model(1, &["Oekraïne", "Volodymyr Zelensky", "Putin"]);
        let v = SpmVocab::from_bytes(&m.vocab);
        assert_eq!(v.len(), plain.len() + 2);
        assert_eq!(v.encode("Putin"), plain.encode("Putin"));
        let ids = v.encode("Oekraïne");
        assert_eq!(ids.len(), 1);
        assert_eq!(v.piece(ids[0]), "▁Oekraïne");
        assert_eq!(v.encode("Volodymyr Zelensky").len(), 1);
        let engine = Engine::from_bytes(&m.model, &m.vocab, &m.vocab).expect("loads");
        assert_eq!(engine.project(&[0.5; DIM]).len(), v.len());
    }

    #[test]
    fn step_api_works() {
        let m = tiny_model(3, &[]);
        let engine = Engine::from_bytes(&m.model, &m.vocab, &m.vocab).unwrap();
        let vocab = SpmVocab::from_bytes(&m.vocab);
        let ids = vocab.encode_with_eos(SENTENCE);
        let context = engine.encode(&ids);
        assert_eq!(context.len(), ids.len() * DIM);
        let mut cells = vec![vec![0.0; DIM]; DEC_DEPTH + 1];
        let mut prev = vocab.eos_id();
        for pos in 0..3 {
            let top = engine.decode_step(prev, pos, &context, ids.len(), &mut cells);
            assert_eq!(top.len(), DIM);
            let logits = engine.project(&top);
            assert_eq!(logits.len(), vocab.len());
            assert!(logits.iter().all(|x| x.is_finite()));
            prev = (0..logits.len())
                .max_by(|&a, &b| logits[a].total_cmp(&logits[b]))
                .unwrap() as u32;
        }
    }

    #[test]
    fn the_cache_finds_a_written_pair() {
        let root = tempfile::tempdir().unwrap();
        let (model, vocab) = write_model_dir(&root.path().join("nl-en"), 9).unwrap();
        let pair = root.path().join("nl-en");
        assert_eq!(model, pair.join("model.nlen.intgemm.alphas.bin"));
        assert_eq!(vocab, pair.join("vocab.nlen.spm"));
        let files = Cache::with_root(root.path())
            .cached_model("nl", "en")
            .expect("pair found");
        assert_eq!(files.model, model);
        assert_eq!(files.src_vocab, vocab);
        assert_eq!(files.trg_vocab, vocab);
        assert!(files.lex.is_none());
    }
    #[test]
    fn the_default_shape_is_the_tiny_one() {
        assert_eq!(ModelShape::default(), ModelShape::TINY);
        let m = model_with_shape(&ModelShape::TINY, 4, &["Oekraïne"]);
        let t = tiny_model(4, &["Oekraïne"]);
        assert_eq!((m.model, m.vocab), (t.model, t.vocab));
    }

    /// A small int8 shape (widths multiples of 16, as the SIMD kernel wants).
    fn small_int8() -> ModelShape {
        ModelShape {
            dim: 32,
            heads: 4,
            ffn: 64,
            enc_depth: 2,
            dec_depth: 2,
            vocab: Some(2_000),
            weights: WeightType::Int8,
        }
    }

    #[test]
    fn an_int8_model_loads_as_int8_and_translates() {
        let shape = small_int8();
        let m = model_with_shape(&shape, 8, &["Oekraïne"]);
        let weights = Weights::from_bytes(&m.model).expect("weights load");
        assert_eq!(weights.precision(), Precision::Int8);
        let c = weights.config();
        assert_eq!(
            (
                c.dim_emb,
                c.heads,
                c.enc_depth,
                c.dec_depth,
                c.dim_ffn,
                c.vocab
            ),
            (32, 4, 2, 2, 64, 2_000)
        );
        let vocab = SpmVocab::from_bytes(&m.vocab);
        assert_eq!(vocab.len(), 2_000);
        let engine = Engine::from_bytes(&m.model, &m.vocab, &m.vocab).expect("loads");
        let first = engine.translate(SENTENCE);
        assert_eq!(engine.translate(SENTENCE), first);
        // The float32 model of the same seed has the same values, unquantized.
        let f = model_with_shape(
            &ModelShape {
                weights: WeightType::Float32,
                ..shape
            },
            8,
            &["Oekraïne"],
        );
        assert_eq!(f.vocab, m.vocab);
        let fw = Weights::from_bytes(&f.model).expect("float weights load");
        assert_eq!(fw.precision(), Precision::Float32);
    }

    #[test]
    fn a_sized_vocabulary_splits_unknown_words_into_few_pieces() {
        let v = SpmVocab::from_bytes(&spm_bytes(&pieces(&[], Some(32_000))));
        assert_eq!(v.len(), 32_000);
        let plain = SpmVocab::from_bytes(&tiny_model(1, &[]).vocab);
        // The built-in pieces keep their ids.
        for id in 0..plain.len() as u32 {
            assert_eq!(v.piece(id), plain.piece(id));
        }
        let text = "onderhandelingen over een staakt-het-vuren";
        assert!(v.encode(text).len() < plain.encode(text).len() / 2);
        assert_eq!(v.decode(&v.encode(text)), text);
    }

    #[test]
    fn the_real_shape_is_firefoxs_tiny_student() {
        let s = ModelShape::real_nl_en();
        assert_eq!(
            (s.dim, s.heads, s.ffn, s.enc_depth, s.dec_depth, s.vocab),
            (256, 8, 1536, 6, 2, Some(32_000))
        );
        assert_eq!(s.weights, WeightType::Int8);
        assert_eq!(pieces(&["Oekraïne"], s.vocab).len(), 32_000);
    }
}
