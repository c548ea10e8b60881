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
    let inputs = Inputs::new(&args.input)?;
    // The glossaries (and their matcher) load on a second thread while the
    // engine loads its lexicon: most of a short run's time.
    let (glossary, engine) = std::thread::scope(|s| {
        let glossary = s.spawn(|| {
            let g = load_glossary(global)?;
            g.matcher();
            anyhow::Ok(g)
        });
        let engine = load_engine(&args.engine);
        let glossary = glossary
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e));
        (glossary, engine)
    });
    let (glossary, engine) = (glossary?, engine?);
    let seg = SegmentOptions {
        join_lines: args.input.join_lines,
    };
    if super::batch::wanted(&inputs.names, args.output.as_deref()) {
        return super::batch::run(&inputs, args, &glossary, &engine, seg);
    }
    let job = Job {
        glossary: &glossary,
        engine: engine.as_ref(),
        seg,
        trace: args.trace,
    };
    let to_file = args.output.is_some();
    let opts = RenderOptions {
        width: output_width(args.width, to_file),
        color: args.format == Format::Side && use_color(global.color, to_file),
        multiple: inputs.names.len() > 1,
    };
    with_output(args.output.as_deref(), |out| {
        let mut r = renderer(args.format, &opts);
        r.begin(out)?;
        for name in &inputs.names {
            job.input(&inputs, name, r.as_mut(), out)?;
        }
        r.end(out)?;
        Ok(())
    })?;
    // The process ends now: freeing the lexicon's and glossaries' many small
    // allocations one by one would only add to a short run's time.
    std::mem::forget(engine);
    std::mem::forget(glossary);
    Ok(Outcome::Ok)
}

/// What translating an input needs.
pub struct Job<'a> {
    pub glossary: &'a tolk::Glossary,
    pub engine: &'a dyn Engine,
    pub seg: SegmentOptions,
    pub trace: bool,
}

/// What was translated: for the batch summary.
#[derive(Debug, Default, Clone, Copy)]
pub struct Counts {
    pub sentences: usize,
    pub terms: usize,
    pub unknown: usize,
}

impl Counts {
    fn add(&mut self, doc: &tolk::AlignedDoc) {
        for s in doc.paragraphs.iter().flat_map(|p| &p.sentences) {
            self.sentences += 1;
            self.terms += s.terms.len();
            self.unknown += s.unknown.len();
        }
    }
}

impl Job<'_> {
    /// Translate input `name` and render it with `r` (its `begin`/`end`
    /// are the caller's).
    pub fn input(
        &self,
        inputs: &Inputs,
        name: &str,
        r: &mut dyn tolk::render::Renderer,
        out: &mut dyn std::io::Write,
    ) -> Result<Counts> {
        let mut counts = Counts::default();
        let translate = |text: &str| {
            if self.trace {
                trace(text, self.glossary, self.engine, &self.seg);
            }
            tolk::translate(name, text, self.glossary, self.engine, &self.seg)
        };
        match r.parts() {
            // Paragraph by paragraph, as the input is read.
            Some(parts) => {
                let mut paragraphs = 0;
                for (i, chunk) in inputs.open(name, self.seg.join_lines)?.enumerate() {
                    let chunk = chunk.with_context(|| display_name(name).to_owned())?;
                    let doc = translate(&chunk.text);
                    report_repairs(&doc, paragraphs);
                    paragraphs += doc.paragraphs.len();
                    counts.add(&doc);
                    parts.part(&doc, i == 0, out)?;
                }
                parts.finish(out)?;
            }
            None => {
                let input = inputs.read(name)?;
                let doc = translate(&input.decoded.text);
                report_repairs(&doc, 0);
                counts.add(&doc);
                r.document(&doc, out)?;
            }
        }
        Ok(counts)
    }
}

/// A loaded engine: one that threads can share (the built-in and glossary
/// engines), or one used from one thread (the neural engine, which runs its
/// own worker threads).
pub enum Loaded {
    Shared(Box<dyn Engine + Send + Sync>),
    Local(Box<dyn Engine>),
}

impl Loaded {
    pub fn as_ref(&self) -> &dyn Engine {
        match self {
            Loaded::Shared(e) => e.as_ref(),
            Loaded::Local(e) => e.as_ref(),
        }
    }
}

/// The engine the arguments ask for, with any user lexicons loaded.
pub fn load_engine(args: &EngineArgs) -> Result<Loaded> {
    let builtin = || -> Result<Loaded> {
        Ok(Loaded::Shared(Box::new(BuiltinEngine::new(load_lexicon(
            &args.lexicon,
        )?))))
    };
    let root = tolk::neural::store::model_root(args.model_dir.as_deref());
    let model = || tolk::neural::store::installed(&root, PAIR);
    Ok(match args.engine {
        EngineArg::Glossary => Loaded::Shared(Box::new(GlossaryEngine)),
        EngineArg::Builtin => builtin()?,
        EngineArg::Auto => match model() {
            Some(files) => Loaded::Local(Box::new(load_neural(args, &files)?)),
            None => builtin()?,
        },
        EngineArg::Neural => match model() {
            Some(files) => Loaded::Local(Box::new(load_neural(args, &files)?)),
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
