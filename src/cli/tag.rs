//! `tolk tag`: the glossary hits of each input, one per line
//! (`line:col  Poetin → Putin  person  glossary/names.csv:12`) or as JSON.
//! Inputs are read in pieces (see [`tolk::input::Chunks`]) and hits written
//! as they are found.

use super::Outcome;
use super::args::{GlobalArgs, TagArgs, TagFormat};
use super::config::{Inputs, display_name, load_glossary, with_output};
use anyhow::{Context, Result};
use serde::Serialize;
use tolk::engine::{AlignedTerm, GlossaryEngine};
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

pub fn run(global: &GlobalArgs, args: &TagArgs) -> Result<Outcome> {
    let glossary = load_glossary(global)?;
    let inputs = Inputs::new(&args.input)?;
    let seg = SegmentOptions {
        join_lines: args.input.join_lines,
    };
    let multiple = inputs.names.len() > 1;
    with_output(args.output.as_deref(), |out| {
        for name in &inputs.names {
            let chunks = inputs.open(name, seg.join_lines)?;
            if args.format == TagFormat::Json {
                // One object per input: {"path":…,"terms":[…]}, written as
                // the hits are found.
                out.write_all(b"{\"path\":")?;
                serde_json::to_writer(&mut *out, name)?;
                out.write_all(b",\"terms\":[")?;
            }
            let mut first = true;
            for chunk in chunks {
                let chunk = chunk.with_context(|| display_name(name).to_owned())?;
                let text = &chunk.text;
                let terms: Vec<AlignedTerm> = if args.glossary_only {
                    tolk::tag::glossary_terms(&glossary, text, &seg)
                } else {
                    // Through the glossary engine, so the English is cased
                    // exactly as `translate` writes it (sentence-initial
                    // capitals, ALL CAPS), with the proposals.
                    tolk::translate(name, text, &glossary, &GlossaryEngine, &seg).into_terms()
                };
                let index = LineIndex::new(text);
                for t in &terms {
                    let (line, col) = index.line_col(t.src.start);
                    let line = line + chunk.lines_before;
                    match args.format {
                        TagFormat::Text => {
                            if multiple {
                                write!(out, "{name}:")?;
                            }
                            // One hit per line, even for a term across a line break (--join-lines).
                            let text = t.text.replace(['\n', '\r'], " ");
                            writeln!(
                                out,
                                "{line}:{col}  {text} → {}  {}  {}",
                                t.en, t.kind, t.entry
                            )?;
                        }
                        TagFormat::Json => {
                            if !first {
                                out.write_all(b",")?;
                            }
                            first = false;
                            let hit = JsonHit {
                                line,
                                col,
                                // No English text here: no English spans.
                                term: JsonTerm {
                                    start: t.src.start + chunk.offset,
                                    end: t.src.end + chunk.offset,
                                    en_start: None,
                                    en_end: None,
                                    ..t.into()
                                },
                            };
                            serde_json::to_writer(&mut *out, &hit)?;
                        }
                    }
                }
            }
            if args.format == TagFormat::Json {
                out.write_all(b"]}\n")?;
            }
        }
        Ok(())
    })?;
    Ok(Outcome::Ok)
}
