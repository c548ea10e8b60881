//! `tolk tag`: the glossary hits of each input, one per line
//! (`line:col  Poetin → Putin  person  glossary/names.csv:12`) or as JSON.

use super::Outcome;
use super::args::{GlobalArgs, TagArgs, TagFormat};
use super::config::{Inputs, load_glossary, with_output};
use anyhow::Result;
use serde::Serialize;
use tolk::engine::GlossaryEngine;
use tolk::render::json::JsonTerm;
use tolk::segment::SegmentOptions;
use tolk::tag::LineIndex;

#[derive(Serialize)]
struct JsonHit<'a> {
    line: usize,
    col: usize,
    #[serde(flatten)]
    term: JsonTerm<'a>,
}

#[derive(Serialize)]
struct JsonDoc<'a> {
    path: &'a str,
    terms: Vec<JsonHit<'a>>,
}

pub fn run(global: &GlobalArgs, args: &TagArgs) -> Result<Outcome> {
    let glossary = load_glossary(global)?;
    let inputs = Inputs::new(&args.input)?;
    let seg = SegmentOptions {
        join_lines: args.input.join_lines,
    };
    let multiple = inputs.names.len() > 1;
    with_output(args.output.as_deref(), |out| {
        for name in &inputs.names {
            let input = inputs.read(name)?;
            let text = &input.decoded.text;
            // Through the glossary engine, so the English is cased exactly as
            // `translate` writes it (sentence-initial capitals, ALL CAPS).
            let doc = tolk::translate(&input.name, text, &glossary, &GlossaryEngine, &seg);
            let index = LineIndex::new(text);
            let terms = doc
                .paragraphs
                .iter()
                .flat_map(|p| &p.sentences)
                .flat_map(|s| &s.terms);
            match args.format {
                TagFormat::Text => {
                    for t in terms {
                        let (line, col) = index.line_col(t.src.start);
                        if multiple {
                            write!(out, "{}:", input.name)?;
                        }
                        // One hit per line, even for a term across a line break (--join-lines).
                        let text = t.text.replace(['\n', '\r'], " ");
                        writeln!(
                            out,
                            "{line}:{col}  {text} → {}  {}  {}",
                            t.en, t.kind, t.entry
                        )?;
                    }
                }
                TagFormat::Json => {
                    let terms = terms
                        .map(|t| {
                            let (line, col) = index.line_col(t.src.start);
                            JsonHit {
                                line,
                                col,
                                // No English text here: no English spans.
                                term: JsonTerm {
                                    en_start: None,
                                    en_end: None,
                                    ..t.into()
                                },
                            }
                        })
                        .collect();
                    serde_json::to_writer(
                        &mut *out,
                        &JsonDoc {
                            path: &input.name,
                            terms,
                        },
                    )?;
                    writeln!(out)?;
                }
            }
        }
        Ok(())
    })?;
    Ok(Outcome::Ok)
}
