//! The `glossary` engine: the Dutch sentence with every glossary hit replaced
//! by its English. A pre-translation mode: what it writes is exactly what the
//! glossary decides and nothing else.

use super::{Engine, SentenceInput, SentenceOutput};

pub struct GlossaryEngine;

impl Engine for GlossaryEngine {
    fn name(&self) -> &'static str {
        "glossary"
    }

    fn translate_sentence(&self, input: &SentenceInput<'_>) -> SentenceOutput {
        let span = &input.sentence.span;
        let mut en = String::with_capacity(span.len() + 16);
        let mut spans = Vec::with_capacity(input.hits.len());
        let mut pos = span.start;
        for (i, hit) in input.hits.iter().enumerate() {
            en.push_str(&input.text[pos..hit.start]);
            let start = en.len();
            en.push_str(&input.term_english(i));
            spans.push(Some(start..en.len()));
            pos = hit.end;
        }
        en.push_str(&input.text[pos..span.end]);
        SentenceOutput {
            en,
            term_spans: spans,
            unknown: Vec::new(),
            extra_terms: Vec::new(),
            ..Default::default()
        }
    }
}
