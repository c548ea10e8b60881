//! Lexicon coverage: how many word tokens of a text the engine can analyse.
//!
//! Takes a text, the glossaries and the lexicon; returns counts. A word token
//! is a token of letters; names are excluded — a token inside a glossary hit,
//! or a capitalised token that does not start its sentence. A token is
//! analysed when the lexicon, the morphology or the compound splitter knows
//! it. Invariant: `analysed + unknown.values().sum() == words - names`.

use super::analyse;
use super::lexicon::Lexicon;
use crate::glossary::Glossary;
use crate::segment::{SegmentOptions, TokenKind, segment};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default)]
pub struct Coverage {
    /// Word tokens in the text.
    pub words: usize,
    /// Of those, names (excluded from the figure).
    pub names: usize,
    /// Word tokens analysed.
    pub analysed: usize,
    /// Unknown word forms (lowercase) with their counts.
    pub unknown: BTreeMap<String, usize>,
}

impl Coverage {
    /// Analysed share of the non-name word tokens, in percent.
    pub fn percent(&self) -> f64 {
        let n = self.words - self.names;
        if n == 0 {
            100.0
        } else {
            100.0 * self.analysed as f64 / n as f64
        }
    }

    /// The unknown forms, most frequent first.
    pub fn top_unknown(&self, n: usize) -> Vec<(&str, usize)> {
        let mut v: Vec<(&str, usize)> =
            self.unknown.iter().map(|(k, c)| (k.as_str(), *c)).collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        v.truncate(n);
        v
    }
}

/// Measure the coverage of `text`.
pub fn coverage(text: &str, glossary: &Glossary, lex: &Lexicon) -> Coverage {
    let doc = segment(text, &SegmentOptions::default());
    let hits = crate::tag(glossary, text);
    let mut c = Coverage::default();
    let mut h = 0;
    for s in doc.sentences() {
        let mut first = true;
        for t in &s.tokens {
            if !matches!(t.kind, TokenKind::Word | TokenKind::Abbreviation) {
                continue;
            }
            c.words += 1;
            let initial = first;
            first = false;
            while h < hits.len() && hits[h].end <= t.span.start {
                h += 1;
            }
            let in_hit = hits
                .get(h)
                .is_some_and(|x| x.start <= t.span.start && x.end > t.span.start);
            let raw = &text[t.span.clone()];
            if in_hit || (!initial && raw.starts_with(char::is_uppercase)) {
                c.names += 1;
                continue;
            }
            if analyse::known(raw, glossary, lex) {
                c.analysed += 1;
            } else {
                *c.unknown.entry(raw.to_lowercase()).or_default() += 1;
            }
        }
    }
    c
}
