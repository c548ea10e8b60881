//! `tolk tag`: the glossary hits of each input, one per line
//! (`line:col  Poetin → Putin  person  glossary/names.csv:12`) or as JSON.
//! Inputs are read in pieces (see [`tolk::input::Chunks`]) and hits written
//! as they are found.

use super::Outcome;
use super::args::{GlobalArgs, TagArgs, TagFormat};
use super::config::{Inputs, display_name, load_glossary, with_output};
use anyhow::{Context, Result};
use rayon::prelude::*;
use serde::Serialize;
use tolk::engine::{AlignedTerm, GlossaryEngine};
use tolk::input::Chunk;
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
            let mut chunks = inputs.open(name, seg.join_lines)?;
            if args.format == TagFormat::Json {
                // One object per input: {"path":…,"terms":[…]}, written as
                // the hits are found.
                out.write_all(b"{\"path\":")?;
                serde_json::to_writer(&mut *out, name)?;
                out.write_all(b",\"terms\":[")?;
            }
            let mut first = true;
            let terms_of = |text: &str| -> Vec<AlignedTerm> {
                if args.glossary_only {
                    tolk::tag::glossary_terms(&glossary, text, &seg)
                } else {
                    // Through the glossary engine, so the English is cased
                    // exactly as `translate` writes it (sentence-initial
                    // capitals, ALL CAPS), with the proposals.
                    tolk::translate(name, text, &glossary, &GlossaryEngine, &seg).into_terms()
                }
            };
            // Pieces are tagged a few at a time, in parallel, and written
            // in order; the next few are read and decoded meanwhile.
            let width = 2 * rayon::current_num_threads();
            let mut read_batch = move || {
                let mut batch = Vec::with_capacity(width);
                while batch.len() < width {
                    match chunks.next() {
                        Some(Ok(chunk)) => batch.push(chunk),
                        Some(Err(e)) => return (batch, Some(e)),
                        None => break,
                    }
                }
                (batch, None)
            };
            let (mut batch, mut failed) = read_batch();
            while !batch.is_empty() || failed.is_some() {
                let tag_all = |batch: &[Chunk]| -> Vec<Vec<AlignedTerm>> {
                    batch.par_iter().map(|c| terms_of(&c.text)).collect()
                };
                let (found, next) = if failed.is_none() {
                    rayon::join(|| tag_all(&batch), &mut read_batch)
                } else {
                    (tag_all(&batch), (Vec::new(), None))
                };
                for (chunk, terms) in batch.iter().zip(found) {
                    write_terms(out, name, multiple, args.format, chunk, &terms, &mut first)?;
                }
                if let Some(e) = failed {
                    return Err(e).with_context(|| display_name(name).to_owned());
                }
                (batch, failed) = next;
            }
            if args.format == TagFormat::Json {
                out.write_all(b"]}\n")?;
            }
        }
        Ok(())
    })?;
    Ok(Outcome::Ok)
}

/// Write the terms found in one piece of input `name`.
fn write_terms(
    out: &mut dyn std::io::Write,
    name: &str,
    multiple: bool,
    format: TagFormat,
    chunk: &Chunk,
    terms: &[AlignedTerm],
    first: &mut bool,
) -> Result<()> {
    let index = LineIndex::new(&chunk.text);
    for t in terms {
        let (line, col) = index.line_col(t.src.start);
        let line = line + chunk.lines_before;
        match format {
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
                if !*first {
                    out.write_all(b",")?;
                }
                *first = false;
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
    Ok(())
}
