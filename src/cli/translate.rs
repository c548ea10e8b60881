//! `tolk translate`: decode → segment → tag → engine → render.

use super::Outcome;
use super::args::{EngineArg, GlobalArgs, TranslateArgs};
use super::config::{load_glossary, output_width, read_inputs, use_color, with_output};
use anyhow::Result;
use tolk::engine::{Engine, GlossaryEngine};
use tolk::render::{Format, RenderOptions, renderer};
use tolk::segment::SegmentOptions;

pub fn run(global: &GlobalArgs, args: &TranslateArgs) -> Result<Outcome> {
    let glossary = load_glossary(global)?;
    let inputs = read_inputs(&args.input)?;
    let engine: Box<dyn Engine> = match args.engine {
        EngineArg::Glossary => Box::new(GlossaryEngine),
    };
    let to_file = args.output.is_some();
    let opts = RenderOptions {
        width: output_width(args.width, to_file),
        color: args.format == Format::Side && use_color(global.color, to_file),
        multiple: inputs.len() > 1,
    };
    let seg = SegmentOptions {
        join_lines: args.input.join_lines,
    };
    with_output(args.output.as_deref(), |out| {
        let mut r = renderer(args.format, &opts);
        r.begin(out)?;
        for input in &inputs {
            let doc = tolk::translate(
                &input.name,
                &input.decoded.text,
                &glossary,
                engine.as_ref(),
                &seg,
            );
            r.document(&doc, out)?;
        }
        r.end(out)?;
        Ok(())
    })?;
    Ok(Outcome::Ok)
}
