//! Engines and the aligned document they produce.
//!
//! Takes a segmented, tagged document; returns an [`AlignedDoc`]: per
//! sentence the Dutch, the English and every term with its span on both
//! sides. Every engine goes through [`translate_document`], so glossary hits
//! are found and rendered the same way whatever translates the rest.
//! Invariant: a term's English is produced by [`term_english`] and appears
//! verbatim at its `en_span` in the sentence's English.

pub mod glossary;

use crate::glossary::{Glossary, HitCase, Inflection, Kind, TermHit};
use crate::segment::{Document, Sentence};
use serde::Serialize;
use std::ops::Range;

pub use self::glossary::GlossaryEngine;

/// Where a term's English came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TermSource {
    /// A glossary row.
    Glossary,
    /// A proposal by transliteration, for a name no glossary knows.
    Translit,
}

/// How a neural engine's output came to contain a term (the post-check).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TermStatus {
    /// The model wrote the glossary's English by itself.
    Found,
    /// Constrained decoding forced (part of) it.
    Forced,
    /// It replaced the words aligned to the Dutch term.
    Repaired,
    /// It is not in the English.
    Missing,
}

/// How a sentence the neural engine could not render with every term was
/// repaired.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Repair {
    /// Each missing term replaced the span of the translation aligned to it.
    Aligned,
    /// The sentence was translated by the built-in engine instead.
    Builtin,
}

/// A term of one sentence, on both sides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AlignedTerm {
    /// Byte range in the decoded input text.
    pub src: Range<usize>,
    /// The matched source text, genitive ending included.
    pub text: String,
    /// The rendered English (`'s` included for a genitive).
    pub en: String,
    /// Byte range of `en` in the sentence's English, when the engine placed it.
    pub en_span: Option<Range<usize>>,
    pub kind: Kind,
    pub source: TermSource,
    /// `FILE:LINE` of the glossary row.
    pub entry: String,
    /// The entry's Dutch headword and note, for tooltips.
    pub entry_nl: String,
    pub note: String,
    pub inflection: Inflection,
    /// For a proposal: its confidence and the origin the spelling follows.
    pub proposed: Option<crate::glossary::Proposed>,
    /// The neural engine's post-check; `None` for rule-based engines, which
    /// always place a term.
    pub status: Option<TermStatus>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AlignedSentence {
    /// Byte range in the decoded input text.
    pub src: Range<usize>,
    pub nl: String,
    pub en: String,
    pub terms: Vec<AlignedTerm>,
    /// Words the engine did not know (byte ranges in the decoded input).
    pub unknown: Vec<Range<usize>>,
    /// Set when the engine had to repair the sentence to get every term in.
    pub repair: Option<Repair>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AlignedParagraph {
    pub sentences: Vec<AlignedSentence>,
}

/// A translated document: what every renderer takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AlignedDoc {
    /// The input as the user named it (`-` for standard input).
    pub path: String,
    /// The engine that produced the English.
    pub engine: String,
    /// Paragraphs are blocks of lines (`--join-lines`), not single lines.
    pub joined: bool,
    pub paragraphs: Vec<AlignedParagraph>,
}

impl AlignedDoc {
    /// Every term of the document, in order.
    pub fn into_terms(self) -> Vec<AlignedTerm> {
        self.paragraphs
            .into_iter()
            .flat_map(|p| p.sentences)
            .flat_map(|s| s.terms)
            .collect()
    }
}

/// What an engine sees of one sentence.
pub struct SentenceInput<'a> {
    /// The whole decoded input text (spans index into it).
    pub text: &'a str,
    pub sentence: &'a Sentence,
    /// The glossary hits inside this sentence, in order.
    pub hits: &'a [TermHit],
    pub glossary: &'a Glossary,
}

impl SentenceInput<'_> {
    /// The English of hit `i`, as the glossary says, cased for its position.
    pub fn term_english(&self, i: usize) -> String {
        let hit = &self.hits[i];
        term_english(
            self.glossary,
            hit,
            self.sentence.first_word_start() == Some(hit.start),
        )
    }
}

/// What an engine returns for one sentence.
/// A glossary term an engine found itself (an inflected form, a compound
/// part), not among the tagged hits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExtraTerm {
    /// Byte range in the document text.
    pub src: Range<usize>,
    pub entry: crate::glossary::EntryId,
    /// The English as written, and where.
    pub en: String,
    pub en_span: Range<usize>,
}

#[derive(Debug, Clone, Default)]
pub struct SentenceOutput {
    pub en: String,
    /// For each hit of the input (same order), its byte range in `en`.
    pub term_spans: Vec<Option<Range<usize>>>,
    /// Source spans (document offsets) of words the engine left untranslated
    /// because it does not know them.
    pub unknown: Vec<Range<usize>>,
    /// Glossary terms the engine found beyond the tagged hits.
    pub extra_terms: Vec<ExtraTerm>,
    /// For each hit, the English as the engine wrote it when that differs
    /// from [`SentenceInput::term_english`] (a capital lost because the term
    /// moved away from the start of the sentence).
    pub term_en: Vec<Option<String>>,
    /// For each hit, the post-check of an engine that cannot always place
    /// terms (empty: the engine placed every term it could).
    pub term_status: Vec<TermStatus>,
    pub repair: Option<Repair>,
}

/// A translation engine.
pub trait Engine {
    /// The name shown in output (`engine` in json, headers in side and html).
    fn name(&self) -> &'static str;
    fn translate_sentence(&self, input: &SentenceInput<'_>) -> SentenceOutput;

    /// Translate several sentences (of one document, in order). Engines that
    /// gain from batching override this.
    fn translate_batch(&self, inputs: &[SentenceInput<'_>]) -> Vec<SentenceOutput> {
        inputs.iter().map(|i| self.translate_sentence(i)).collect()
    }

    /// Does the engine translate `word` (a Dutch word it knows, so not a
    /// name to transliterate)? `None`: the engine has no lexicon, and the
    /// shipped one decides, so that every engine proposes the same names.
    fn knows(&self, _word: &str, _glossary: &Glossary) -> Option<bool> {
        None
    }

    /// The data after each internal stage, for `--trace`; `None` for an
    /// engine without stages.
    fn trace(&self, _input: &SentenceInput<'_>) -> Option<String> {
        None
    }
}

/// The English of a hit, exactly as the glossary writes it, except:
/// capitalised at the start of a sentence, in capitals where the source is ALL
/// CAPS, and with `'s` for a genitive.
pub fn term_english(glossary: &Glossary, hit: &TermHit, sentence_initial: bool) -> String {
    let en = glossary.entry(hit.entry).en.as_str();
    let mut out = match hit.case {
        HitCase::AllCaps => en.to_uppercase(),
        HitCase::AsWritten if sentence_initial => capitalize_first(en),
        HitCase::AsWritten => en.to_owned(),
    };
    if hit.inflection == Inflection::Genitive {
        out.push_str(match hit.case {
            HitCase::AllCaps => "'S",
            HitCase::AsWritten => "'s",
        });
    }
    out
}

/// Upper-case the first letter of `s`.
pub fn capitalize_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c.is_lowercase() => c.to_uppercase().chain(chars).collect(),
        _ => s.to_owned(),
    }
}

/// Run `engine` over a segmented and tagged document.
pub fn translate_document(
    path: &str,
    text: &str,
    doc: &Document,
    hits: &[TermHit],
    glossary: &Glossary,
    engine: &dyn Engine,
    joined: bool,
) -> AlignedDoc {
    // Every sentence with its hits, then one batch through the engine.
    let mut next_hit = 0;
    let mut inputs = Vec::new();
    for p in &doc.paragraphs {
        for s in &p.sentences {
            // Hits are sorted; skip any that straddle a sentence boundary.
            while next_hit < hits.len() && hits[next_hit].start < s.span.start {
                next_hit += 1;
            }
            let first = next_hit;
            while next_hit < hits.len() && hits[next_hit].end <= s.span.end {
                next_hit += 1;
            }
            inputs.push(SentenceInput {
                text,
                sentence: s,
                hits: &hits[first..next_hit],
                glossary,
            });
        }
    }
    let mut outputs = engine.translate_batch(&inputs).into_iter();
    let mut inputs = inputs.iter();
    let paragraphs = doc
        .paragraphs
        .iter()
        .map(|p| AlignedParagraph {
            sentences: p
                .sentences
                .iter()
                .map(|_| {
                    let input = inputs.next().expect("one input per sentence");
                    let out = outputs.next().unwrap_or_default();
                    align_sentence(input, out)
                })
                .collect(),
        })
        .collect();
    AlignedDoc {
        path: path.to_owned(),
        engine: engine.name().to_owned(),
        joined,
        paragraphs,
    }
}

fn source_of(e: &crate::glossary::Entry) -> TermSource {
    if e.proposed.is_some() {
        TermSource::Translit
    } else {
        TermSource::Glossary
    }
}

/// Where a term came from: `FILE:LINE` of its glossary row, or `translit`.
fn entry_ref(e: &crate::glossary::Entry) -> String {
    if e.proposed.is_some() {
        "translit".to_owned()
    } else {
        e.location.to_string()
    }
}

fn align_sentence(input: &SentenceInput<'_>, out: SentenceOutput) -> AlignedSentence {
    let (text, s, hits, glossary) = (input.text, input.sentence, input.hits, input.glossary);
    let mut terms: Vec<AlignedTerm> = hits
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let e = glossary.entry(h.entry);
            AlignedTerm {
                src: h.start..h.end,
                text: text[h.start..h.end].to_owned(),
                en: out
                    .term_en
                    .get(i)
                    .cloned()
                    .flatten()
                    .unwrap_or_else(|| input.term_english(i)),
                en_span: out.term_spans.get(i).cloned().flatten(),
                kind: e.kind,
                source: source_of(e),
                entry: entry_ref(e),
                entry_nl: e.nl.clone(),
                note: e.note.clone(),
                inflection: h.inflection,
                proposed: e.proposed,
                status: out.term_status.get(i).copied(),
            }
        })
        .collect();
    for x in &out.extra_terms {
        let e = glossary.entry(x.entry);
        terms.push(AlignedTerm {
            src: x.src.clone(),
            text: text[x.src.clone()].to_owned(),
            en: x.en.clone(),
            en_span: Some(x.en_span.clone()),
            kind: e.kind,
            source: source_of(e),
            entry: entry_ref(e),
            entry_nl: e.nl.clone(),
            note: e.note.clone(),
            inflection: Inflection::Base,
            proposed: e.proposed,
            status: None,
        });
    }
    terms.sort_by_key(|t| t.src.start);
    AlignedSentence {
        src: s.span.clone(),
        nl: text[s.span.clone()].to_owned(),
        en: out.en,
        terms,
        unknown: out.unknown,
        repair: out.repair,
    }
}
