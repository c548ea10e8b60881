//! `json`: one object per input, one line each (JSON Lines with several
//! inputs). Fields: `path`, `engine`, `paragraphs[].sentences[]` with `nl`,
//! `en`, `terms[]` (`start`, `end`: byte offsets into the decoded input;
//! `text`, `en`, `kind`, `source`, `entry`) and `unknown[]` (`start`, `end`,
//! `text`: words the engine kept as written). A term placed in the English
//! also has `en_start`, `en_end` (byte offsets into the sentence's `en`);
//! with the neural engine it has `status` (`found`, `forced`, `repaired`,
//! `missing`), and a repaired sentence has `repair` (`aligned`, `builtin`).
//! Later versions add fields; the existing ones keep their meaning.

use super::Renderer;
use crate::engine::{AlignedDoc, AlignedTerm, TermSource};
use crate::glossary::Kind;
use serde::Serialize;
use std::io::{self, Write};

pub struct Json;

#[derive(Serialize)]
struct JsonDoc<'a> {
    path: &'a str,
    engine: &'a str,
    paragraphs: Vec<JsonParagraph<'a>>,
}

#[derive(Serialize)]
struct JsonParagraph<'a> {
    sentences: Vec<JsonSentence<'a>>,
}

#[derive(Serialize)]
struct JsonSentence<'a> {
    nl: &'a str,
    en: &'a str,
    terms: Vec<JsonTerm<'a>>,
    /// Words the engine did not know, kept as written.
    unknown: Vec<JsonUnknown<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    repair: Option<crate::engine::Repair>,
}

#[derive(Serialize)]
struct JsonUnknown<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

/// The JSON form of a term, shared by `translate --format json` and `tag --format json`.
#[derive(Serialize)]
pub struct JsonTerm<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub en: &'a str,
    pub kind: Kind,
    pub source: TermSource,
    pub entry: &'a str,
    /// For a proposal (`source` `translit`): 0 to 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f32>,
    /// For a proposal: the origin its spelling follows (`ru`, `uk`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub origin: Option<crate::glossary::Origin>,
    /// Where `en` is in the sentence's English (byte offsets).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub en_start: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub en_end: Option<usize>,
    /// The neural engine's post-check of the term.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<crate::engine::TermStatus>,
}

impl<'a> From<&'a AlignedTerm> for JsonTerm<'a> {
    fn from(t: &'a AlignedTerm) -> Self {
        JsonTerm {
            start: t.src.start,
            end: t.src.end,
            text: &t.text,
            en: &t.en,
            kind: t.kind,
            source: t.source,
            entry: &t.entry,
            confidence: t.proposed.map(|p| p.confidence()),
            origin: t.proposed.map(|p| p.origin),
            en_start: t.en_span.as_ref().map(|r| r.start),
            en_end: t.en_span.as_ref().map(|r| r.end),
            status: t.status,
        }
    }
}

impl Renderer for Json {
    fn document(&mut self, doc: &AlignedDoc, out: &mut dyn Write) -> io::Result<()> {
        let j = JsonDoc {
            path: &doc.path,
            engine: &doc.engine,
            paragraphs: doc
                .paragraphs
                .iter()
                .map(|p| JsonParagraph {
                    sentences: p
                        .sentences
                        .iter()
                        .map(|s| JsonSentence {
                            nl: &s.nl,
                            en: &s.en,
                            terms: s.terms.iter().map(JsonTerm::from).collect(),
                            unknown: s
                                .unknown
                                .iter()
                                .map(|r| JsonUnknown {
                                    start: r.start,
                                    end: r.end,
                                    text: &s.nl[r.start - s.src.start..r.end - s.src.start],
                                })
                                .collect(),
                            repair: s.repair,
                        })
                        .collect(),
                })
                .collect(),
        };
        serde_json::to_writer(&mut *out, &j)?;
        writeln!(out)
    }
}
