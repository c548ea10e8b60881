//! `tolk eval` and `tolk lexicon coverage`: measuring the engine.

use super::Outcome;
use super::args::{EvalArgs, GlobalArgs, LexiconCommand, ReportFormat};
use super::config::{load_glossary, with_output};
use super::translate::{load_engine, load_lexicon};
use anyhow::{Context, Result, bail};
use serde::Serialize;
use std::path::Path;
use tolk::input::decode;
use tolk::metrics;
use tolk::segment::SegmentOptions;
use tolk::translate::coverage::{Coverage, coverage};

fn read_text(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).with_context(|| format!("{}: cannot read", path.display()))?;
    Ok(decode(&bytes, None)
        .with_context(|| path.display().to_string())?
        .text)
}

fn lines(text: &str) -> Vec<&str> {
    tolk::segment::line_spans(text)
        .into_iter()
        .map(|r| &text[r])
        .collect()
}

#[derive(Serialize)]
struct Report<'a> {
    engine: &'a str,
    sentences: usize,
    chrf2: f64,
    bleu: f64,
    coverage: f64,
    chrf2_signature: &'a str,
    bleu_signature: &'a str,
}

pub fn run(global: &GlobalArgs, args: &EvalArgs) -> Result<Outcome> {
    let glossary = load_glossary(global)?;
    let src = read_text(&args.src)?;
    let reference = read_text(&args.reference)?;
    let (src_lines, ref_lines) = (lines(&src), lines(&reference));
    if src_lines.len() != ref_lines.len() {
        bail!(
            "{} has {} lines but {} has {}: source and reference must be line-aligned",
            args.src.display(),
            src_lines.len(),
            args.reference.display(),
            ref_lines.len()
        );
    }
    let (hyp_text, engine_name) = match &args.hyp {
        Some(h) => (read_text(h)?, "hypothesis".to_owned()),
        None => {
            let engine = load_engine(&args.engine)?;
            let doc = tolk::translate(
                &args.src.display().to_string(),
                &src,
                &glossary,
                engine.as_ref(),
                &SegmentOptions::default(),
            );
            let text: String = doc
                .paragraphs
                .iter()
                .map(|p| {
                    p.sentences
                        .iter()
                        .map(|s| s.en.as_str())
                        .collect::<Vec<_>>()
                        .join(" ")
                        + "\n"
                })
                .collect();
            (text, engine.as_ref().name().to_owned())
        }
    };
    let hyp_lines = lines(&hyp_text);
    if hyp_lines.len() != ref_lines.len() {
        bail!(
            "the hypothesis has {} lines but the reference has {}",
            hyp_lines.len(),
            ref_lines.len()
        );
    }
    let scores = metrics::score(&hyp_lines, &ref_lines);
    let lex = load_lexicon(&args.engine.lexicon)?;
    let cov = coverage(&src, &glossary, &lex);
    let report = Report {
        engine: &engine_name,
        sentences: scores.sentences,
        chrf2: scores.chrf2,
        bleu: scores.bleu,
        coverage: cov.percent(),
        chrf2_signature: metrics::CHRF_SIGNATURE,
        bleu_signature: metrics::BLEU_SIGNATURE,
    };
    with_output(None, |out| {
        match args.format {
            ReportFormat::Json => {
                serde_json::to_writer(&mut *out, &report)?;
                writeln!(out)?;
            }
            ReportFormat::Text => {
                writeln!(out, "engine:    {}", report.engine)?;
                writeln!(out, "sentences: {}", report.sentences)?;
                writeln!(
                    out,
                    "chrF2:     {:.2}  ({})",
                    report.chrf2, report.chrf2_signature
                )?;
                writeln!(
                    out,
                    "BLEU:      {:.2}  ({})",
                    report.bleu, report.bleu_signature
                )?;
                write_coverage(out, &cov)?;
            }
        }
        Ok(())
    })?;
    Ok(Outcome::Ok)
}

fn write_coverage(out: &mut dyn std::io::Write, cov: &Coverage) -> std::io::Result<()> {
    writeln!(
        out,
        "coverage:  {:.2}%  ({} of {} word tokens analysed; {} names excluded)",
        cov.percent(),
        cov.analysed,
        cov.words - cov.names,
        cov.names
    )
}

#[derive(Serialize)]
struct CoverageReport<'a> {
    coverage: f64,
    words: usize,
    names: usize,
    analysed: usize,
    unknown: Vec<(&'a str, usize)>,
}

pub fn lexicon(global: &GlobalArgs, cmd: LexiconCommand) -> Result<Outcome> {
    match cmd {
        LexiconCommand::Coverage {
            file,
            top,
            format,
            lexicon,
        } => {
            let glossary = load_glossary(global)?;
            let lex = load_lexicon(&lexicon)?;
            let text = read_text(&file)?;
            let cov = coverage(&text, &glossary, &lex);
            with_output(None, |out| {
                match format {
                    ReportFormat::Json => {
                        let r = CoverageReport {
                            coverage: cov.percent(),
                            words: cov.words,
                            names: cov.names,
                            analysed: cov.analysed,
                            unknown: cov.top_unknown(top),
                        };
                        serde_json::to_writer(&mut *out, &r)?;
                        writeln!(out)?;
                    }
                    ReportFormat::Text => {
                        write_coverage(out, &cov)?;
                        if top > 0 && !cov.unknown.is_empty() {
                            writeln!(out, "unknown:")?;
                            for (w, n) in cov.top_unknown(top) {
                                writeln!(out, "  {n:>5}  {w}")?;
                            }
                        }
                    }
                }
                Ok(())
            })?;
            Ok(Outcome::Ok)
        }
    }
}
