//! `tolk translate`: decode → segment → tag → engine → render.

use super::Outcome;
use super::args::{EngineArg, EngineArgs, GlobalArgs, TranslateArgs};
use super::config::{Inputs, load_glossary, output_width, use_color, with_output};
use anyhow::{Context, Result};
use tolk::engine::{Engine, GlossaryEngine};
use tolk::render::{Format, RenderOptions, renderer};
use tolk::segment::SegmentOptions;
use tolk::translate::BuiltinEngine;
use tolk::translate::lexicon::Lexicon;

pub fn run(global: &GlobalArgs, args: &TranslateArgs) -> Result<Outcome> {
    let glossary = load_glossary(global)?;
    let inputs = Inputs::new(&args.input)?;
    let engine = load_engine(&args.engine)?;
    let to_file = args.output.is_some();
    let opts = RenderOptions {
        width: output_width(args.width, to_file),
        color: args.format == Format::Side && use_color(global.color, to_file),
        multiple: inputs.names.len() > 1,
    };
    let seg = SegmentOptions {
        join_lines: args.input.join_lines,
    };
    with_output(args.output.as_deref(), |out| {
        let mut r = renderer(args.format, &opts);
        r.begin(out)?;
        for name in &inputs.names {
            let input = inputs.read(name)?;
            let doc = tolk::translate(
                &input.name,
                &input.decoded.text,
                &glossary,
                engine.as_ref(),
                &seg,
            );
            if args.trace {
                trace(&input.decoded.text, &glossary, engine.as_ref(), &seg);
            }
            r.document(&doc, out)?;
        }
        r.end(out)?;
        Ok(())
    })?;
    Ok(Outcome::Ok)
}

/// The engine the arguments ask for, with any user lexicons loaded.
pub fn load_engine(args: &EngineArgs) -> Result<Box<dyn Engine>> {
    Ok(match args.engine {
        EngineArg::Glossary => Box::new(GlossaryEngine),
        EngineArg::Builtin => Box::new(BuiltinEngine::new(load_lexicon(&args.lexicon)?)),
    })
}

/// The shipped lexicon and the user's `--lexicon` files, in order.
pub fn load_lexicon(paths: &[std::path::PathBuf]) -> Result<Lexicon> {
    let mut lex = Lexicon::shipped();
    for path in paths {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("{}: cannot read lexicon", path.display()))?;
        lex.add_csv(&path.display().to_string(), &text)?;
    }
    Ok(lex)
}

/// `--trace`: every sentence after each stage, on standard error.
fn trace(text: &str, glossary: &tolk::Glossary, engine: &dyn Engine, seg: &SegmentOptions) {
    let doc = tolk::segment(text, seg);
    let hits = tolk::tag(glossary, text);
    let mut next = 0;
    for s in doc.sentences() {
        while next < hits.len() && hits[next].start < s.span.start {
            next += 1;
        }
        let first = next;
        while next < hits.len() && hits[next].end <= s.span.end {
            next += 1;
        }
        let input = tolk::engine::SentenceInput {
            text,
            sentence: s,
            hits: &hits[first..next],
            glossary,
        };
        eprintln!("source:   {}", &text[s.span.clone()]);
        let tags: Vec<String> = input
            .hits
            .iter()
            .map(|h| format!("{} → {}", &text[h.start..h.end], glossary.entry(h.entry).en))
            .collect();
        eprintln!(
            "tag:      {}",
            if tags.is_empty() {
                "(no glossary terms)".into()
            } else {
                tags.join(", ")
            }
        );

        match engine.trace(&input) {
            Some(t) => eprint!("{t}"),
            None => eprintln!("output:   {}", engine.translate_sentence(&input).en),
        }
        eprintln!();
    }
}
