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
use crate::check::{find_words, has_rendering};
use crate::engine::{Engine, Repair, SentenceInput, SentenceOutput, TermStatus, capitalize_first};
use crate::glossary::{EntryId, Glossary};
use fxtranslate::engine::Engine as Fx;
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
    /// The target vocabulary again: fxtranslate keeps its own private, and
    /// terms must be tokenized and output detokenized with offsets.
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

/// What the post-check found for one sentence.
struct Checked {
    en: String,
    spans: Vec<Option<Range<usize>>>,
    forms: Vec<Option<String>>,
    status: Vec<TermStatus>,
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
        let src = SpmVocab::load(src_vocab).map_err(|e| context(e.to_string(), src_vocab))?;
        let trg_for_fx =
            SpmVocab::load(trg_vocab).map_err(|e| context(e.to_string(), trg_vocab))?;
        let trg = SpmVocab::load(trg_vocab).map_err(|e| context(e.to_string(), trg_vocab))?;
        let threads = match opts.threads {
            0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
            n => n,
        };
        let eos = trg.eos_id();
        Ok(NeuralEngine {
            fx: Fx::new(weights, src, trg_for_fx).with_threads(threads),
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

    /// The token sequences of `forms`; a form the vocabulary cannot spell
    /// (an unknown piece) is left out.
    fn alternatives(&self, forms: &[String]) -> Term {
        Term {
            alternatives: forms
                .iter()
                .map(|f| self.trg.encode(split_article(f).1))
                .filter(|ids| {
                    !ids.is_empty() && ids.iter().all(|&id| self.trg.piece(id) != "<unk>")
                })
                .collect(),
        }
    }

    /// Decode one sentence with its terms as constraints.
    fn decode_constrained(&self, src: &str, terms: &[Term]) -> constrain::Decoded {
        let ids = self.fx.src_ids(src);
        let seq = ids.len();
        let mut step = FxStep {
            fx: &self.fx,
            context: self.fx.encode(&ids),
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

    /// Translate one sentence that has terms, with the post-check.
    fn translate_with_terms(&self, input: &SentenceInput<'_>, src: &str) -> Checked {
        let forms: Vec<Vec<String>> = (0..input.hits.len())
            .map(|i| Self::forms(input, i))
            .collect();
        let terms: Vec<Term> = forms.iter().map(|f| self.alternatives(f)).collect();
        let decoded = self.decode_constrained(src, &terms);
        let (en, ranges) = self.trg.decode_with_offsets(&decoded.tokens);
        let mut checked = Checked {
            spans: vec![None; forms.len()],
            forms: vec![None; forms.len()],
            status: vec![TermStatus::Missing; forms.len()],
            en,
        };
        for p in &decoded.placed {
            let form = &forms[p.term];
            let Some(alt) = terms[p.term].alternatives.get(p.alternative) else {
                continue;
            };
            let Some(text) = form
                .iter()
                .find(|f| &self.trg.encode(split_article(f).1) == alt)
            else {
                continue;
            };
            let (Some(first), Some(last)) = (
                ranges.get(p.tokens.start),
                ranges.get(p.tokens.end.wrapping_sub(1)),
            ) else {
                continue;
            };
            let mut span = trim_span(&checked.en, first.start..last.end);
            let (article, rest) = split_article(text);
            if checked.en.get(span.clone()) != Some(rest) {
                continue;
            }
            if !article.is_empty() {
                // The article is not part of the constraint (a common word
                // must not start a term): put it in as the glossary has it.
                span = place_article(&mut checked, span, article);
            }
            if checked.en.get(span.clone()) == Some(text.as_str()) {
                checked.spans[p.term] = Some(span);
                checked.forms[p.term] = Some(text.clone());
                checked.status[p.term] = match p.how {
                    Placement::Free => TermStatus::Found,
                    Placement::Forced => TermStatus::Forced,
                };
            }
        }
        // Anything the decoder did not report, looked for in the text.
        find_unplaced(&mut checked, &forms);
        checked
    }

    /// Repair a sentence with missing terms from fxtranslate's aligned
    /// translation: each missing term replaces the target words aligned to
    /// its Dutch. `None` when a term has nothing aligned to it.
    fn repair_aligned(&self, input: &SentenceInput<'_>, src: &str) -> Option<Checked> {
        let forms: Vec<Vec<String>> = (0..input.hits.len())
            .map(|i| Self::forms(input, i))
            .collect();
        let aligned = self.fx.translate_aligned(src);
        let mut checked = Checked {
            en: aligned.target_text.clone(),
            spans: vec![None; forms.len()],
            forms: vec![None; forms.len()],
            status: vec![TermStatus::Missing; forms.len()],
        };
        find_unplaced(&mut checked, &forms);
        // The hits' spans in the model's source: the sentence as one line.
        let sentence = &input.text[input.sentence.span.clone()];
        let src16 = Utf16Offsets::new(&aligned.source_normalized);
        let trg16 = Utf16Offsets::new(&aligned.target_text);
        let mut edits: Vec<(Range<usize>, usize)> = Vec::new();
        for (i, hit) in input.hits.iter().enumerate() {
            if checked.status[i] != TermStatus::Missing {
                continue;
            }
            let nl = &input.text[hit.start..hit.end];
            let range = locate(
                &aligned.source_normalized,
                nl,
                hit.start - input.sentence.span.start,
                sentence,
            )?;
            let (b, e) = (src16.utf16(range.start), src16.utf16(range.end));
            let src_tokens: Vec<usize> = aligned
                .source_tokens
                .iter()
                .enumerate()
                .filter(|(_, t)| t.begin < e && t.end > b)
                .map(|(k, _)| k)
                .collect();
            // Target tokens whose strongest source token is part of the term.
            let targets: Vec<usize> = aligned
                .alignments
                .iter()
                .enumerate()
                .filter(|(t, _)| aligned.target_tokens[*t].end > aligned.target_tokens[*t].begin)
                .filter(|(_, row)| argmax(row).is_some_and(|k| src_tokens.contains(&k)))
                .map(|(t, _)| t)
                .collect();
            let (first, last) = (*targets.first()?, *targets.last()?);
            let start = trg16.byte(aligned.target_tokens[first].begin);
            let end = trg16.byte(aligned.target_tokens[last].end);
            let span = widen_to_words(&checked.en, trim_span(&checked.en, start..end));
            if span.is_empty()
                || edits
                    .iter()
                    .any(|(r, _)| r.start < span.end && span.start < r.end)
            {
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

    /// The post-check in strict mode: repair, then fall back.
    fn finish(&self, input: &SentenceInput<'_>, src: &str, checked: Checked) -> SentenceOutput {
        let missing = checked.status.contains(&TermStatus::Missing);
        let (checked, repair) = if missing && self.opts.strict {
            match self.repair_aligned(input, src) {
                Some(c) if !c.status.contains(&TermStatus::Missing) => (c, Some(Repair::Aligned)),
                _ => {
                    let mut out = self.fallback().translate_sentence(input);
                    out.repair = Some(Repair::Builtin);
                    out.term_status = out
                        .term_spans
                        .iter()
                        .map(|s| {
                            if s.is_some() {
                                TermStatus::Found
                            } else {
                                TermStatus::Missing
                            }
                        })
                        .collect();
                    return out;
                }
            }
        } else {
            (checked, None)
        };
        let mut out = SentenceOutput {
            en: checked.en,
            term_spans: checked.spans,
            term_status: checked.status,
            repair,
            ..Default::default()
        };
        out.term_en = (0..input.hits.len())
            .map(|i| {
                let form = checked.forms.get(i).cloned().flatten()?;
                (form != input.term_english(i)).then_some(form)
            })
            .collect();
        replace_avoided(&mut out, input.glossary);
        out
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
            let texts: Vec<&str> = chunk.iter().map(|&i| sources[i].as_str()).collect();
            for (&i, en) in chunk.iter().zip(self.fx.translate_batch(&texts)) {
                let mut out = SentenceOutput {
                    en,
                    ..Default::default()
                };
                replace_avoided(&mut out, inputs[i].glossary);
                outputs[i] = Some(out);
            }
        }
        // Sentences with terms: constrained, one per worker at a time.
        let constrained: Vec<usize> = (0..inputs.len())
            .filter(|&i| !inputs[i].hits.is_empty())
            .collect();
        let per_worker = constrained.len().div_ceil(self.threads.max(1)).max(1);
        let results: Vec<(usize, SentenceOutput)> = std::thread::scope(|scope| {
            let handles: Vec<_> = constrained
                .chunks(per_worker)
                .map(|chunk| {
                    let sources = &sources;
                    scope.spawn(move || {
                        chunk
                            .iter()
                            .map(|&i| {
                                let checked = self.translate_with_terms(&inputs[i], &sources[i]);
                                (i, self.finish(&inputs[i], &sources[i], checked))
                            })
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_default())
                .collect()
        });
        for (i, out) in results {
            outputs[i] = Some(out);
        }
        outputs.into_iter().map(Option::unwrap_or_default).collect()
    }
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

/// Make the words before `span` end with `article` (its case as given):
/// the model's own article is replaced, a missing one inserted. Returns the
/// span grown to include the article; other spans move with the edit.
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
    checked.en.replace_range(start..start + old_len, article);
    let delta = article.len() as isize - old_len as isize;
    for s in checked.spans.iter_mut().flatten() {
        if s.start >= span.start {
            *s = shift(s, delta);
        }
    }
    start..(span.end as isize + delta) as usize
}

/// Terms not yet placed, looked for in the English as written.
fn find_unplaced(checked: &mut Checked, forms: &[Vec<String>]) {
    for (i, form) in forms.iter().enumerate() {
        if checked.spans[i].is_some() {
            continue;
        }
        let taken = checked.spans.clone();
        let found = form.iter().find_map(|f| {
            find_words(&checked.en, f)
                .into_iter()
                .find(|r| {
                    &checked.en[r.clone()] == f
                        && !taken
                            .iter()
                            .flatten()
                            .any(|t| t.start < r.end && r.start < t.end)
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
/// glossary's English, except inside a placed term (*chicken Kiev*).
pub fn replace_avoided(out: &mut SentenceOutput, glossary: &Glossary) {
    let forbidden = forbidden(glossary);
    if forbidden.is_empty() {
        return;
    }
    let mut edits: Vec<(Range<usize>, String)> = Vec::new();
    for (avoid, id) in forbidden {
        for r in find_words(&out.en, avoid) {
            let inside_term = out
                .term_spans
                .iter()
                .flatten()
                .any(|t| t.start <= r.start && r.end <= t.end);
            let inside_rendering = glossary.active_entries().any(|(other, e)| {
                other != *id
                    && e.en.len() > avoid.len()
                    && has_rendering(&out.en, &e.en)
                        .is_some_and(|c| c.start <= r.start && r.end <= c.end)
            });
            if inside_term
                || inside_rendering
                || edits
                    .iter()
                    .any(|(e, _)| e.start < r.end && r.start < e.end)
            {
                continue;
            }
            let en = &glossary.entry(*id).en;
            let was = &out.en[r.clone()];
            let with = if was.chars().next().is_some_and(char::is_uppercase) {
                capitalize_first(en)
            } else {
                en.clone()
            };
            edits.push((r, with));
        }
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

/// Every forbidden spelling of the glossary with the entry that forbids it,
/// built once per glossary.
fn forbidden(glossary: &Glossary) -> &[(String, EntryId)] {
    glossary.forbidden_spellings()
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

/// The byte range of the Dutch term `nl` in the model's normalized source,
/// preferring the occurrence nearest to where it is in the sentence.
fn locate(normalized: &str, nl: &str, at: usize, sentence: &str) -> Option<Range<usize>> {
    // The sentence was put on one line: count the words before the term.
    let words_before = sentence[..at.min(sentence.len())]
        .split_whitespace()
        .count();
    let candidates: Vec<usize> = normalized.match_indices(nl).map(|(i, _)| i).collect();
    let best = candidates.into_iter().min_by_key(|&i| {
        normalized[..i]
            .split_whitespace()
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
        // A longer glossary rendering protects its forbidden part even when
        // it is not a tagged term of the sentence.
        let mut out = SentenceOutput {
            en: "They served chicken Kiev in Kiev.".to_owned(),
            ..Default::default()
        };
        replace_avoided(&mut out, &g);
        assert_eq!(out.en, "They served chicken Kiev in Kyiv.");
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
    fn locate_prefers_the_nearest_occurrence() {
        let sentence = "Kiev en Kiev";
        let r = locate("Kiev en Kiev", "Kiev", 8, sentence).unwrap();
        assert_eq!(r, 8..12);
    }
}
