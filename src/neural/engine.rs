//! [`NeuralEngine`]: fxtranslate's transformer behind tolk's [`Engine`]
//! interface, with the glossary enforced in three steps:
//!
//! 1. tolk's matcher has found the terms ([`SentenceInput::hits`]);
//! 2. sentences with terms are decoded with the terms as constraints
//!    ([`super::constrain`]); sentences without go through fxtranslate's
//!    batched greedy decoder;
//! 3. a post-check finds every term in the English and marks it found,
//!    forced or missing. In strict mode a sentence with a missing term is
//!    repaired: each missing term replaces the words its Dutch is aligned to
//!    (fxtranslate's soft alignments), or, failing that, the sentence is
//!    translated by the fallback (built-in) engine. Forbidden spellings
//!    (`avoid`) are then replaced by the glossary's English.

use super::constrain::{self, Placement, Settings, StepModel, Term};
use crate::check::find_words;
use crate::engine::{Engine, Repair, SentenceInput, SentenceOutput, TermStatus, capitalize_first};
use crate::glossary::Glossary;
use fxtranslate::engine::Engine as Fx;
use fxtranslate::segment::MAX_SOURCE_TOKENS;
use fxtranslate::spm::SpmVocab;
use std::ops::Range;
use std::path::Path;
use std::sync::OnceLock;

/// Builds the engine used for sentences the model cannot render with every
/// term; called at most once, when first needed.
pub type FallbackFn = Box<dyn Fn() -> Box<dyn Engine + Send + Sync> + Send + Sync>;

/// Options of the neural engine.
#[derive(Debug, Clone)]
pub struct NeuralOptions {
    /// Worker threads (0: all cores).
    pub threads: usize,
    /// Sentences per batch through the model.
    pub batch: usize,
    /// Repair sentences with a missing term (default); else keep them and
    /// mark the term missing.
    pub strict: bool,
    /// Logit bonus for the first token of a term not yet placed.
    pub bonus: f32,
}

impl Default for NeuralOptions {
    fn default() -> Self {
        NeuralOptions {
            threads: 0,
            batch: 32,
            strict: true,
            bonus: 4.0,
        }
    }
}

/// The neural engine.
pub struct NeuralEngine {
    fx: Fx,
    /// The vocabularies again: fxtranslate keeps its own private, and terms
    /// must be tokenized, output detokenized with offsets and Dutch terms
    /// normalized as the model's source is.
    src: SpmVocab,
    trg: SpmVocab,
    dim: usize,
    dec_depth: usize,
    eos: u32,
    opts: NeuralOptions,
    threads: usize,
    make_fallback: FallbackFn,
    fallback: OnceLock<Box<dyn Engine + Send + Sync>>,
}

/// One decoding session of one sentence, driven step by step.
struct FxStep<'a> {
    fx: &'a Fx,
    context: Vec<f32>,
    seq: usize,
    cells: Vec<Vec<f32>>,
}

impl StepModel for FxStep<'_> {
    fn step(&mut self, prev: u32, pos: usize) -> Vec<f32> {
        let top = self
            .fx
            .decode_step(prev, pos, &self.context, self.seq, &mut self.cells);
        self.fx.project(&top)
    }
}

/// What the post-check found for one sentence: per term its span in `en`,
/// the text there, and its status.
struct Checked {
    en: String,
    spans: Vec<Option<Range<usize>>>,
    forms: Vec<Option<String>>,
    status: Vec<TermStatus>,
}

impl Checked {
    fn empty(terms: usize) -> Checked {
        Checked {
            en: String::new(),
            spans: vec![None; terms],
            forms: vec![None; terms],
            status: vec![TermStatus::Missing; terms],
        }
    }
}

impl NeuralEngine {
    /// Load a model and its vocabularies (the files `tolk model download`
    /// installs).
    pub fn load(
        model: &Path,
        src_vocab: &Path,
        trg_vocab: &Path,
        opts: NeuralOptions,
        make_fallback: FallbackFn,
    ) -> Result<NeuralEngine, String> {
        let context = |e: String, p: &Path| format!("{}: {e}", p.display());
        let weights = fxtranslate::weights::Weights::load_mmapped(model)
            .or_else(|_| fxtranslate::weights::Weights::load(model))
            .map_err(|e| context(e, model))?;
        let config = weights.config();
        let load_vocab = |p: &Path| -> Result<SpmVocab, String> {
            let v = SpmVocab::load(p).map_err(|e| context(e.to_string(), p))?;
            // A vocabulary of another model would index past the embeddings.
            if v.is_empty() || v.len() > config.vocab {
                return Err(context(
                    format!(
                        "the vocabulary ({} pieces) does not belong to the model ({} embeddings)",
                        v.len(),
                        config.vocab
                    ),
                    p,
                ));
            }
            Ok(v)
        };
        let src_for_fx = load_vocab(src_vocab)?;
        let src = load_vocab(src_vocab)?;
        let trg_for_fx = load_vocab(trg_vocab)?;
        let trg = load_vocab(trg_vocab)?;
        let threads = match opts.threads {
            0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
            n => n,
        };
        let eos = trg.eos_id();
        Ok(NeuralEngine {
            fx: Fx::new(weights, src_for_fx, trg_for_fx).with_threads(threads),
            src,
            trg,
            dim: config.dim_emb,
            dec_depth: config.dec_depth,
            eos,
            opts,
            threads,
            make_fallback,
            fallback: OnceLock::new(),
        })
    }

    fn fallback(&self) -> &dyn Engine {
        self.fallback
            .get_or_init(|| (self.make_fallback)())
            .as_ref()
    }

    /// The source the model sees: the sentence on one line.
    fn source(input: &SentenceInput<'_>) -> String {
        input.text[input.sentence.span.clone()]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The spellings that render hit `i`: the glossary's English as placed
    /// at its position, and without the capital the sentence start gave it.
    fn forms(input: &SentenceInput<'_>, i: usize) -> Vec<String> {
        let en = input.term_english(i);
        let mut forms = vec![en.clone()];
        let plain = crate::engine::term_english(input.glossary, &input.hits[i], false);
        if plain != en {
            forms.push(plain);
        } else if capitalize_first(&en) != en {
            // A term that opens the English though not the Dutch.
            forms.push(capitalize_first(&en));
        }
        forms
    }

    /// The token sequences of `forms` (after a leading article), one per
    /// form, so an alternative's index is its form's; a form the vocabulary
    /// cannot spell (an unknown piece) gets an empty sequence, which the
    /// decoder never places.
    fn alternatives(&self, forms: &[String]) -> Term {
        Term {
            alternatives: forms
                .iter()
                .map(|f| self.trg.encode(split_article(f).1))
                .map(|ids| {
                    if ids.iter().all(|&id| self.trg.piece(id) != "<unk>") {
                        ids
                    } else {
                        Vec::new()
                    }
                })
                .collect(),
        }
    }

    /// Decode one sentence with its terms as constraints.
    fn decode_constrained(&self, ids: &[u32], terms: &[Term]) -> constrain::Decoded {
        let seq = ids.len();
        let mut step = FxStep {
            fx: &self.fx,
            context: self.fx.encode(ids),
            seq,
            cells: vec![vec![0.0; self.dim]; self.dec_depth + 1],
        };
        // The length cap of fxtranslate's greedy decoder.
        let max_len = ((2.0 * seq as f32).ceil() as usize + 4).min(256);
        constrain::decode(
            &mut step,
            terms,
            &Settings {
                start: self.eos,
                eos: self.eos,
                max_len,
                bonus: self.opts.bonus,
            },
        )
    }

    /// Translate one sentence that has terms, with the post-check (before
    /// repairs).
    fn translate_with_terms(
        &self,
        input: &SentenceInput<'_>,
        src: &str,
        forms: &[Vec<String>],
    ) -> Checked {
        let mut checked = Checked::empty(forms.len());
        let ids = self.fx.src_ids(src);
        if ids.len() > MAX_SOURCE_TOKENS + 1 {
            // Longer than the model's window: fxtranslate wraps it, without
            // constraints; the post-check and the repairs do the rest.
            checked.en = self.fx.translate_long(src);
            find_unplaced(&mut checked, forms);
            return checked;
        }
        let terms: Vec<Term> = forms.iter().map(|f| self.alternatives(f)).collect();
        let decoded = self.decode_constrained(&ids, &terms);
        let (en, ranges) = self.trg.decode_with_offsets(&decoded.tokens);
        checked.en = en;
        // Every placement as a span of the English as decoded, first; the
        // articles are put in afterwards, right to left.
        let mut articles: Vec<(usize, String)> = Vec::new();
        for p in &decoded.placed {
            let Some(text) = forms[p.term].get(p.alternative) else {
                continue;
            };
            let (Some(first), Some(last)) = (
                ranges.get(p.tokens.start),
                p.tokens.end.checked_sub(1).and_then(|l| ranges.get(l)),
            ) else {
                continue;
            };
            let span = trim_span(&checked.en, first.start..last.end);
            let (article, rest) = split_article(text);
            let taken = checked.spans.iter().flatten().any(|t| overlaps(t, &span));
            if taken || checked.en.get(span.clone()) != Some(rest) {
                continue;
            }
            checked.spans[p.term] = Some(span);
            checked.forms[p.term] = Some(rest.to_owned());
            checked.status[p.term] = match p.how {
                Placement::Free => TermStatus::Found,
                Placement::Forced => TermStatus::Forced,
            };
            if !article.is_empty() {
                // The article of the glossary's own spelling (*The Hague*
                // keeps its capital), capitalised where the English begins.
                let plain = crate::engine::term_english(input.glossary, &input.hits[p.term], false);
                articles.push((p.term, split_article(&plain).0.to_owned()));
            }
        }
        articles
            .sort_by_key(|(t, _)| std::cmp::Reverse(checked.spans[*t].as_ref().map(|s| s.start)));
        for (t, article) in articles {
            let Some(span) = checked.spans[t].clone() else {
                continue;
            };
            let rest = checked.forms[t].clone().unwrap_or_default();
            let span = place_article(&mut checked, span, &article);
            checked.forms[t] = Some(format!(
                "{}{rest}",
                &checked.en[span.start..span.end - rest.len()]
            ));
            checked.spans[t] = Some(span);
        }
        // Anything the decoder did not report, looked for in the text.
        find_unplaced(&mut checked, forms);
        checked
    }

    /// Repair a sentence with missing terms from fxtranslate's aligned
    /// translation: each missing term replaces the target words aligned to
    /// its Dutch. `None` when a term has nothing aligned to it, or its words
    /// overlap another term.
    fn repair_aligned(
        &self,
        input: &SentenceInput<'_>,
        src: &str,
        forms: &[Vec<String>],
    ) -> Option<Checked> {
        let aligned = self.fx.translate_aligned(src);
        let mut checked = Checked::empty(forms.len());
        checked.en = aligned.target_text.clone();
        find_unplaced(&mut checked, forms);
        let src16 = Utf16Offsets::new(&aligned.source_normalized);
        let trg16 = Utf16Offsets::new(&aligned.target_text);
        let mut edits: Vec<(Range<usize>, usize)> = Vec::new();
        for (i, hit) in input.hits.iter().enumerate() {
            if checked.status[i] != TermStatus::Missing {
                continue;
            }
            // The term as the model's source spells it (`▁` for spaces).
            let nl = self.src.normalize(&input.text[hit.start..hit.end]);
            let before = &input.text[input.sentence.span.start..hit.start];
            let range = locate(
                &aligned.source_normalized,
                &nl,
                before.split_whitespace().count(),
            )?;
            let (b, e) = (src16.utf16(range.start), src16.utf16(range.end));
            let src_tokens: Vec<usize> = aligned
                .source_tokens
                .iter()
                .enumerate()
                .filter(|(_, t)| t.begin < e && t.end > b)
                .map(|(k, _)| k)
                .collect();
            // Target tokens whose strongest source token is part of the term,
            // the longest contiguous run of them.
            let aligned_to: Vec<usize> = aligned
                .alignments
                .iter()
                .enumerate()
                .filter(|(t, _)| {
                    aligned
                        .target_tokens
                        .get(*t)
                        .is_some_and(|tok| tok.end > tok.begin)
                })
                .filter(|(_, row)| argmax(row).is_some_and(|k| src_tokens.contains(&k)))
                .map(|(t, _)| t)
                .collect();
            let (first, last) = longest_run(&aligned_to)?;
            let start = trg16.byte(aligned.target_tokens[first].begin);
            let end = trg16.byte(aligned.target_tokens[last].end);
            let span = widen_to_words(&checked.en, trim_span(&checked.en, start..end));
            let clash = checked.spans.iter().flatten().any(|t| overlaps(t, &span))
                || edits.iter().any(|(r, _)| overlaps(r, &span));
            if span.is_empty() || clash {
                return None;
            }
            edits.push((span, i));
        }
        // Apply right to left, moving the spans already found.
        edits.sort_by_key(|(r, _)| std::cmp::Reverse(r.start));
        for (span, i) in edits {
            let form = forms[i][0].clone();
            let delta = form.len() as isize - span.len() as isize;
            checked.en.replace_range(span.clone(), &form);
            for s in checked.spans.iter_mut().flatten() {
                if s.start >= span.end {
                    *s = shift(s, delta);
                }
            }
            checked.spans[i] = Some(span.start..span.start + form.len());
            checked.forms[i] = Some(form);
            checked.status[i] = TermStatus::Repaired;
        }
        Some(checked)
    }

    /// The post-check: forbidden spellings replaced, every span verified;
    /// in strict mode a sentence with a missing term is repaired by
    /// alignment, else translated by the fallback engine.
    fn finish(
        &self,
        input: &SentenceInput<'_>,
        src: &str,
        forms: &[Vec<String>],
        checked: Checked,
    ) -> SentenceOutput {
        let out = self.checked_output(input, forms, checked);
        if !self.opts.strict || !out.term_status.contains(&TermStatus::Missing) {
            return out;
        }
        if let Some(mut repaired) = self
            .repair_aligned(input, src, forms)
            .map(|c| self.checked_output(input, forms, c))
            .filter(|o| !o.term_status.contains(&TermStatus::Missing))
        {
            repaired.repair = Some(Repair::Aligned);
            return repaired;
        }
        self.fallback_output(input)
    }

    /// The sentence translated by the fallback engine, said so.
    fn fallback_output(&self, input: &SentenceInput<'_>) -> SentenceOutput {
        let mut out = self.fallback().translate_sentence(input);
        out.repair = Some(Repair::Builtin);
        replace_avoided(&mut out, input.glossary);
        out
    }

    /// `checked` as engine output: forbidden spellings replaced (a term
    /// the model wrote in a forbidden spelling is then found), each span
    /// checked against its text (a term whose span is wrong is missing).
    fn checked_output(
        &self,
        input: &SentenceInput<'_>,
        all: &[Vec<String>],
        checked: Checked,
    ) -> SentenceOutput {
        let mut out = SentenceOutput {
            en: checked.en,
            term_spans: checked.spans,
            term_status: checked.status,
            ..Default::default()
        };
        let before = out.en.clone();
        replace_avoided(&mut out, input.glossary);
        let mut forms = checked.forms;
        if out.en != before {
            let mut again = Checked {
                en: out.en.clone(),
                spans: out.term_spans.clone(),
                forms: forms.clone(),
                status: out.term_status.clone(),
            };
            find_unplaced(&mut again, all);
            for (i, form) in forms.iter_mut().enumerate() {
                if out.term_status[i] == TermStatus::Missing && again.spans[i].is_some() {
                    out.term_spans[i] = again.spans[i].clone();
                    out.term_status[i] = TermStatus::Repaired;
                    *form = again.forms[i].clone();
                }
            }
        }
        for (i, form) in forms.iter_mut().enumerate() {
            let ok = match (&out.term_spans[i], &*form) {
                (Some(span), Some(f)) => out.en.get(span.clone()) == Some(f.as_str()),
                _ => false,
            };
            if !ok {
                out.term_spans[i] = None;
                out.term_status[i] = TermStatus::Missing;
                *form = None;
            }
        }
        out.term_en = (0..input.hits.len())
            .map(|i| {
                let form = forms[i].clone()?;
                (form != input.term_english(i)).then_some(form)
            })
            .collect();
        out
    }

    /// One sentence with terms, start to end. A panic inside the model is
    /// caught: the sentence goes to the fallback engine, like any sentence
    /// the model cannot render.
    fn one_with_terms(&self, input: &SentenceInput<'_>, src: &str) -> SentenceOutput {
        let run = std::panic::AssertUnwindSafe(|| {
            let forms: Vec<Vec<String>> = (0..input.hits.len())
                .map(|i| Self::forms(input, i))
                .collect();
            let checked = self.translate_with_terms(input, src, &forms);
            self.finish(input, src, &forms, checked)
        });
        std::panic::catch_unwind(run).unwrap_or_else(|_| self.fallback_output(input))
    }

    /// Sentences without terms through fxtranslate's batched decoder (a
    /// sentence longer than the model's window is wrapped by fxtranslate).
    fn plain(&self, inputs: &[&SentenceInput<'_>], sources: &[&str]) -> Vec<SentenceOutput> {
        let run = std::panic::AssertUnwindSafe(|| {
            let (long, short): (Vec<usize>, Vec<usize>) = (0..sources.len())
                .partition(|&i| self.fx.src_ids(sources[i]).len() > MAX_SOURCE_TOKENS + 1);
            let mut en = vec![String::new(); sources.len()];
            let texts: Vec<&str> = short.iter().map(|&i| sources[i]).collect();
            for (&i, e) in short.iter().zip(self.fx.translate_batch(&texts)) {
                en[i] = e;
            }
            for i in long {
                en[i] = self.fx.translate_long(sources[i]);
            }
            en
        });
        match std::panic::catch_unwind(run) {
            Ok(en) => en
                .into_iter()
                .zip(inputs)
                .map(|(en, input)| {
                    let mut out = SentenceOutput {
                        en,
                        ..Default::default()
                    };
                    replace_avoided(&mut out, input.glossary);
                    out
                })
                .collect(),
            Err(_) => inputs.iter().map(|i| self.fallback_output(i)).collect(),
        }
    }
}

impl Engine for NeuralEngine {
    fn name(&self) -> &'static str {
        "neural"
    }

    fn translate_sentence(&self, input: &SentenceInput<'_>) -> SentenceOutput {
        self.translate_batch(std::slice::from_ref(input))
            .pop()
            .unwrap_or_default()
    }

    fn translate_batch(&self, inputs: &[SentenceInput<'_>]) -> Vec<SentenceOutput> {
        let sources: Vec<String> = inputs.iter().map(Self::source).collect();
        let mut outputs: Vec<Option<SentenceOutput>> = (0..inputs.len()).map(|_| None).collect();
        // Sentences without terms: fxtranslate's batched decoder.
        let plain: Vec<usize> = (0..inputs.len())
            .filter(|&i| inputs[i].hits.is_empty() && !sources[i].is_empty())
            .collect();
        for chunk in plain.chunks(self.opts.batch.max(1)) {
            let ins: Vec<&SentenceInput<'_>> = chunk.iter().map(|&i| &inputs[i]).collect();
            let srcs: Vec<&str> = chunk.iter().map(|&i| sources[i].as_str()).collect();
            for (&i, out) in chunk.iter().zip(self.plain(&ins, &srcs)) {
                outputs[i] = Some(out);
            }
        }
        // Sentences with terms: constrained, each worker taking the next
        // sentence as it finishes one.
        let constrained: Vec<usize> = (0..inputs.len())
            .filter(|&i| !inputs[i].hits.is_empty())
            .collect();
        let next = std::sync::atomic::AtomicUsize::new(0);
        let workers = self.threads.clamp(1, constrained.len().max(1));
        let results: Vec<(usize, SentenceOutput)> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..workers)
                .map(|_| {
                    scope.spawn(|| {
                        let mut done = Vec::new();
                        loop {
                            let k = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                            let Some(&i) = constrained.get(k) else {
                                break done;
                            };
                            done.push((i, self.one_with_terms(&inputs[i], &sources[i])));
                        }
                    })
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        });
        for (i, out) in results {
            outputs[i] = Some(out);
        }
        outputs.into_iter().map(Option::unwrap_or_default).collect()
    }
}

/// Do two ranges share a byte?
fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// The first and last of the longest run of consecutive numbers in `xs`
/// (sorted), the first such run on a tie.
fn longest_run(xs: &[usize]) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize)> = None;
    let mut k = 0;
    while k < xs.len() {
        let mut j = k;
        while j + 1 < xs.len() && xs[j + 1] == xs[j] + 1 {
            j += 1;
        }
        if best.is_none_or(|(a, b)| j - k > b - a) {
            best = Some((k, j));
        }
        k = j + 1;
    }
    best.map(|(a, b)| (xs[a], xs[b]))
}

/// A leading English article of a term (*the Netherlands*, *The Hague*) and
/// the rest: constraints start after it, since forcing a term whenever the
/// model writes *the* would be wrong.
fn split_article(form: &str) -> (&str, &str) {
    for a in ["the ", "The ", "THE "] {
        if let Some(rest) = form.strip_prefix(a).filter(|r| !r.trim().is_empty()) {
            return (&form[..a.len()], rest);
        }
    }
    ("", form)
}

/// Make the words before `span` end with `article`: the model's own article
/// is replaced, a missing one inserted; capitalised when nothing but
/// punctuation precedes it, else as given. Returns the span grown to
/// include the article; other spans move with the edit.
fn place_article(checked: &mut Checked, span: Range<usize>, article: &str) -> Range<usize> {
    let before = &checked.en[..span.start];
    let word = article.trim_end();
    let own = before
        .trim_end()
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .filter(|w| w.eq_ignore_ascii_case(word))
        .map(|w| before.trim_end().len() - w.len());
    let (start, old_len) = match own {
        Some(at) => (at, span.start - at),
        None => (span.start, 0),
    };
    let opens = !checked.en[..start].chars().any(char::is_alphanumeric);
    let article = if opens {
        capitalize_first(article)
    } else {
        article.to_owned()
    };
    checked.en.replace_range(start..start + old_len, &article);
    let delta = article.len() as isize - old_len as isize;
    for s in checked.spans.iter_mut().flatten() {
        if s.start >= span.start {
            *s = shift(s, delta);
        }
    }
    start..(span.end as isize + delta) as usize
}

/// Terms not yet placed, looked for in the English as written (a stretch
/// of the English renders one term).
fn find_unplaced(checked: &mut Checked, forms: &[Vec<String>]) {
    for (i, form) in forms.iter().enumerate() {
        if checked.spans[i].is_some() {
            continue;
        }
        let found = form.iter().find_map(|f| {
            find_words(&checked.en, f)
                .into_iter()
                .find(|r| {
                    &checked.en[r.clone()] == f
                        && !checked.spans.iter().flatten().any(|t| overlaps(t, r))
                })
                .map(|r| (r, f.clone()))
        });
        if let Some((r, f)) = found {
            checked.spans[i] = Some(r);
            checked.forms[i] = Some(f);
            checked.status[i] = TermStatus::Found;
        }
    }
}

/// Replace every forbidden spelling (`avoid`) in the English by the
/// glossary's English, except inside a placed term or inside the English of
/// a longer glossary entry (*chicken Kiev*). Spellings and their
/// replacements are as [`Glossary::forbidden_spellings`] lists them:
/// longest first, *Shoygu* → *Shoigu* (not *Sergei Shoigu*).
pub fn replace_avoided(out: &mut SentenceOutput, glossary: &Glossary) {
    let found = glossary.find_forbidden(&out.en);
    if found.is_empty() {
        return;
    }
    // Occurrences of the English of entries that contain a forbidden
    // spelling, and the placed terms: protected.
    let mut protected: Vec<Range<usize>> = out.term_spans.iter().flatten().cloned().collect();
    for &id in glossary.forbidden_containers() {
        protected.extend(find_words(&out.en, &glossary.entry(id).en));
    }
    let mut edits: Vec<(Range<usize>, String)> = Vec::new();
    for (r, id) in found {
        let safe = protected
            .iter()
            .any(|p| p.start <= r.start && r.end <= p.end && p.len() > r.len())
            || out.term_spans.iter().flatten().any(|t| overlaps(t, &r));
        if safe {
            continue;
        }
        let en = &glossary.entry(id).en;
        let was = &out.en[r.clone()];
        let with = if was.chars().next().is_some_and(char::is_uppercase) {
            capitalize_first(en)
        } else {
            en.clone()
        };
        edits.push((r, with));
    }
    edits.sort_by_key(|(r, _)| std::cmp::Reverse(r.start));
    for (r, with) in edits {
        let delta = with.len() as isize - r.len() as isize;
        out.en.replace_range(r.clone(), &with);
        for s in out.term_spans.iter_mut().flatten() {
            if s.start >= r.end {
                *s = shift(s, delta);
            }
        }
    }
}

fn shift(r: &Range<usize>, delta: isize) -> Range<usize> {
    (r.start as isize + delta) as usize..(r.end as isize + delta) as usize
}

/// `r` without surrounding white space.
fn trim_span(s: &str, r: Range<usize>) -> Range<usize> {
    let piece = &s[r.clone()];
    let start = r.start + (piece.len() - piece.trim_start().len());
    let end = r.end - (piece.len() - piece.trim_end().len());
    start..end.max(start)
}

/// `r` grown to whole words (letters, digits, apostrophes).
fn widen_to_words(s: &str, mut r: Range<usize>) -> Range<usize> {
    let word = |c: char| c.is_alphanumeric() || c == '\'' || c == '’' || c == '-';
    while let Some(c) = s[..r.start].chars().next_back().filter(|&c| word(c)) {
        r.start -= c.len_utf8();
    }
    while let Some(c) = s[r.end..].chars().next().filter(|&c| word(c)) {
        r.end += c.len_utf8();
    }
    r
}

/// The byte range of the normalized Dutch term `nl` (`▁` for spaces) in
/// the model's normalized source, the occurrence nearest to the
/// `words_before`-th word.
fn locate(normalized: &str, nl: &str, words_before: usize) -> Option<Range<usize>> {
    let nl = nl.trim_start_matches('▁');
    let best = normalized
        .match_indices(nl)
        .map(|(i, _)| i)
        .filter(|&i| normalized[..i].is_empty() || normalized[..i].ends_with('▁'))
        .min_by_key(|&i| {
            normalized[..i]
                .split('▁')
                .filter(|w| !w.is_empty())
                .count()
                .abs_diff(words_before)
        })?;
    Some(best..best + nl.len())
}

fn argmax(row: &[f32]) -> Option<usize> {
    // The last column is the source end-of-sentence: not a word.
    let words = row.len().checked_sub(1)?;
    (0..words).max_by(|&a, &b| row[a].total_cmp(&row[b]).then(b.cmp(&a)))
}

/// Converts between byte offsets and UTF-16 offsets (fxtranslate's token
/// spans) of one string.
struct Utf16Offsets {
    /// (utf16 offset, byte offset) at every char boundary, and the end.
    marks: Vec<(usize, usize)>,
}

impl Utf16Offsets {
    fn new(s: &str) -> Self {
        let mut marks = Vec::with_capacity(s.len() + 1);
        let mut u = 0;
        for (b, c) in s.char_indices() {
            marks.push((u, b));
            u += c.len_utf16();
        }
        marks.push((u, s.len()));
        Utf16Offsets { marks }
    }

    fn utf16(&self, byte: usize) -> usize {
        let k = self.marks.partition_point(|&(_, b)| b < byte);
        self.marks
            .get(k)
            .map_or(self.marks.last().map_or(0, |m| m.0), |m| m.0)
    }

    fn byte(&self, utf16: usize) -> usize {
        let k = self.marks.partition_point(|&(u, _)| u < utf16);
        self.marks
            .get(k)
            .map_or(self.marks.last().map_or(0, |m| m.1), |m| m.1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_offsets_round_trip() {
        let s = "Kyiv — “Putin” 😀 x";
        let m = Utf16Offsets::new(s);
        for (b, _) in s.char_indices() {
            assert_eq!(m.byte(m.utf16(b)), b);
        }
        assert_eq!(m.utf16(s.len()), s.encode_utf16().count());
    }

    #[test]
    fn spans_trim_and_widen() {
        let s = "the Putin's men";
        assert_eq!(trim_span(s, 3..9), 4..9);
        assert_eq!(widen_to_words(s, 5..7), 4..11);
    }

    fn glossary() -> Glossary {
        Glossary::from_csv_str(
            "g.csv",
            "nl,en,kind,avoid\nKiev,Kyiv,place,Kiev\nkip Kiev,chicken Kiev,term,\nOdesa,Odesa,place,Odessa\n",
        )
        .unwrap()
    }

    fn replaced(en: &str, g: &Glossary) -> String {
        let mut out = SentenceOutput {
            en: en.to_owned(),
            ..Default::default()
        };
        replace_avoided(&mut out, g);
        out.en
    }

    #[test]
    fn forbidden_spellings_are_replaced_outside_terms() {
        let g = glossary();
        let mut out = SentenceOutput {
            en: "In Kiev they ate chicken Kiev; kiev and Odessa, Kievan Rus.".to_owned(),
            term_spans: vec![Some(17..29)],
            ..Default::default()
        };
        replace_avoided(&mut out, &g);
        assert_eq!(
            out.en,
            "In Kyiv they ate chicken Kiev; Kyiv and Odesa, Kievan Rus."
        );
        // The term's span moved with the edit before it.
        assert_eq!(&out.en[out.term_spans[0].clone().unwrap()], "chicken Kiev");
        // A longer glossary rendering protects its forbidden part wherever
        // it is written, tagged term or not.
        assert_eq!(
            replaced(
                "They served chicken Kiev in Kiev, then chicken Kiev again.",
                &g
            ),
            "They served chicken Kiev in Kyiv, then chicken Kiev again."
        );
    }

    #[test]
    fn a_spelling_forbidden_by_several_entries_takes_the_matching_one() {
        let g = Glossary::load(crate::glossary::shipped_sources()).unwrap();
        assert_eq!(
            replaced("Sergei Shoygu met Zelenskyy.", &g),
            "Sergei Shoigu met Zelensky."
        );
        assert_eq!(
            replaced("Volodymyr Zelenskyy spoke.", &g),
            "Volodymyr Zelensky spoke."
        );
        assert_eq!(replaced("Shoygu spoke.", &g), "Shoigu spoke.");
        // Offsets hold where case folding changes lengths.
        assert_eq!(replaced("ẞ «Kiev» İ", &g), "ẞ «Kyiv» İ");
    }

    #[test]
    fn articles_are_placed_as_the_glossary_writes_them() {
        assert_eq!(split_article("the Netherlands"), ("the ", "Netherlands"));
        assert_eq!(split_article("The Hague"), ("The ", "Hague"));
        assert_eq!(split_article("theatre"), ("", "theatre"));
        let mut c = Checked {
            en: "Trade with Netherlands grew, said Rutte.".to_owned(),
            spans: vec![None, Some(34..39)],
            forms: vec![None, None],
            status: vec![TermStatus::Missing; 2],
        };
        let span = place_article(&mut c, 11..22, "the ");
        assert_eq!(c.en, "Trade with the Netherlands grew, said Rutte.");
        assert_eq!(&c.en[span], "the Netherlands");
        assert_eq!(&c.en[c.spans[1].clone().unwrap()], "Rutte");
        let span = place_article(&mut c, 15..26, "The ");
        assert_eq!(c.en, "Trade with The Netherlands grew, said Rutte.");
        assert_eq!(&c.en[span], "The Netherlands");
    }

    #[test]
    fn locate_finds_terms_in_the_normalized_source() {
        let src = "▁Kiev▁en▁Den▁Haag▁en▁Kiev.";
        assert_eq!(locate(src, "▁Kiev", 0), Some(3..7));
        assert_eq!(
            locate(src, "▁Kiev", 5),
            Some(src.rfind("Kiev").unwrap()..src.len() - 1)
        );
        assert_eq!(&src[locate(src, "▁Den▁Haag", 2).unwrap()], "Den▁Haag");
        assert_eq!(locate(src, "▁Haag▁en▁Kiev▁x", 0), None);
    }

    #[test]
    fn longest_runs() {
        assert_eq!(longest_run(&[1, 2, 5, 6, 7, 9]), Some((5, 7)));
        assert_eq!(longest_run(&[4]), Some((4, 4)));
        assert_eq!(longest_run(&[]), None);
    }
}
