//! `tolk translate`: decode → segment → tag → engine → render.

use super::Outcome;
use super::args::{EngineArg, EngineArgs, GlobalArgs, TranslateArgs};
use super::config::{Inputs, display_name, load_glossary, output_width, use_color, with_output};
use anyhow::{Context, Result, bail};
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
            inputs.announce(name, &glossary);
            let translate = |text: &str| {
                if args.trace {
                    trace(text, &glossary, engine.as_ref(), &seg);
                }
                tolk::translate(name, text, &glossary, engine.as_ref(), &seg)
            };
            match r.parts() {
                // Paragraph by paragraph, as the input is read.
                Some(parts) => {
                    let mut paragraphs = 0;
                    for (i, chunk) in inputs.open(name, seg.join_lines)?.enumerate() {
                        let chunk = chunk.with_context(|| display_name(name).to_owned())?;
                        let doc = translate(&chunk.text);
                        report_repairs(&doc, paragraphs);
                        paragraphs += doc.paragraphs.len();
                        parts.part(&doc, i == 0, out)?;
                    }
                    parts.finish(out)?;
                }
                None => {
                    let input = inputs.read(name)?;
                    let doc = translate(&input.decoded.text);
                    report_repairs(&doc, 0);
                    r.document(&doc, out)?;
                }
            }
        }
        r.end(out)?;
        Ok(())
    })?;
    Ok(Outcome::Ok)
}

/// The engine the arguments ask for, with any user lexicons loaded.
pub fn load_engine(args: &EngineArgs) -> Result<Box<dyn Engine>> {
    let builtin = || -> Result<Box<dyn Engine>> {
        Ok(Box::new(BuiltinEngine::new(load_lexicon(&args.lexicon)?)))
    };
    let root = tolk::neural::store::model_root(args.model_dir.as_deref());
    let model = || tolk::neural::store::installed(&root, PAIR);
    Ok(match args.engine {
        EngineArg::Glossary => Box::new(GlossaryEngine),
        EngineArg::Builtin => builtin()?,
        EngineArg::Auto => match model() {
            Some(files) => Box::new(load_neural(args, &files)?),
            None => builtin()?,
        },
        EngineArg::Neural => match model() {
            Some(files) => Box::new(load_neural(args, &files)?),
            None => bail!(
                "no neural model ({PAIR}) in {}: run `tolk model download` first, or choose `--engine builtin`",
                root.display()
            ),
        },
    })
}

/// Say on standard error which sentences the neural engine had to repair
/// to get every glossary term in (also in the output: `repair` in json, a
/// note in html).
fn report_repairs(doc: &tolk::AlignedDoc, paragraphs_before: usize) {
    use tolk::engine::{Repair, TermStatus};
    for (pi, p) in doc.paragraphs.iter().enumerate() {
        for (si, s) in p.sentences.iter().enumerate() {
            let how = match s.repair {
                Some(Repair::Aligned) => "a missing glossary term replaced the words aligned to it",
                Some(Repair::Builtin) => {
                    "the neural model could not place every glossary term: translated by the built-in engine"
                }
                None if s
                    .terms
                    .iter()
                    .any(|t| t.status == Some(TermStatus::Missing)) =>
                {
                    "a glossary term is missing (--no-strict)"
                }
                None => continue,
            };
            eprintln!(
                "tolk: {}: sentence {}.{}: {how}",
                doc.path,
                paragraphs_before + pi + 1,
                si + 1
            );
        }
    }
}

/// The language pair tolk translates.
const PAIR: &str = "nl-en";

/// The neural engine on an installed model; the built-in engine (with the
/// user's lexicons, checked now) repairs what it cannot render.
fn load_neural(
    args: &EngineArgs,
    files: &fxtranslate::cache::ModelFiles,
) -> Result<tolk::neural::NeuralEngine> {
    // A broken --lexicon is an error now, not when a sentence needs it.
    load_lexicon(&args.lexicon)?;
    let paths = args.lexicon.clone();
    let fallback: tolk::neural::FallbackFn = Box::new(move || {
        let lex = load_lexicon(&paths).unwrap_or_else(|_| Lexicon::shipped());
        Box::new(BuiltinEngine::new(lex))
    });
    let opts = tolk::neural::NeuralOptions {
        threads: args.threads,
        strict: !args.no_strict,
        ..Default::default()
    };
    tolk::neural::NeuralEngine::load(
        &files.model,
        &files.src_vocab,
        &files.trg_vocab,
        opts,
        fallback,
    )
    .map_err(|e| anyhow::anyhow!("cannot load the neural model: {e}"))
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
