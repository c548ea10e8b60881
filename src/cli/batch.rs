//! `tolk translate DIR… -o OUTDIR`: every file of the directory trees (and
//! any files named) translated into a mirror tree under OUTDIR, in
//! parallel, each output written atomically. A progress bar on a terminal,
//! a summary at the end; a file that fails is reported and the rest go on.

use super::Outcome;
use super::args::TranslateArgs;
use super::config::{Inputs, output_width, with_output};
use super::translate::{Counts, Job, Loaded};
use anyhow::{Context, Result, bail};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::time::Instant;
use tolk::engine::Engine;
use tolk::render::{Format, RenderOptions, renderer};
use tolk::segment::SegmentOptions;

/// Is this a batch run: an input that is a directory, or `-o` naming a
/// directory?
pub fn wanted(names: &[String], output: Option<&Path>) -> bool {
    names.iter().any(|n| n != "-" && Path::new(n).is_dir()) || output.is_some_and(Path::is_dir)
}

/// The file name extension of `format`'s output.
fn extension(format: Format) -> &'static str {
    match format {
        Format::Side | Format::Text => "txt",
        Format::Markdown => "md",
        Format::Html => "html",
        Format::Tsv => "tsv",
        Format::Json => "json",
        Format::Tmx => "tmx",
        Format::Xliff => "xlf",
    }
}

/// One file to translate and where its output goes.
struct Task {
    input: PathBuf,
    output: PathBuf,
}

/// Every file to translate, in a stable order: the regular files under each
/// directory (hidden files and directories skipped, and nothing under
/// `outdir`), each file named, with their outputs in `outdir`.
fn tasks(names: &[String], outdir: &Path, format: Format) -> Result<Vec<Task>> {
    let out_abs = std::fs::canonicalize(outdir).ok();
    let mut tasks = Vec::new();
    for name in names {
        if name == "-" {
            bail!(
                "standard input (-) cannot be translated into a directory; name files or directories"
            );
        }
        let root = Path::new(name);
        if !root.is_dir() {
            let file = root
                .file_name()
                .with_context(|| format!("{name}: not a file name"))?;
            tasks.push(Task {
                input: root.to_path_buf(),
                output: outdir.join(file).with_extension(extension(format)),
            });
            continue;
        }
        let walk = walkdir::WalkDir::new(root)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| {
                let hidden = e.depth() > 0 && e.file_name().to_string_lossy().starts_with('.');
                let inside_out = out_abs.as_ref().is_some_and(|o| {
                    std::fs::canonicalize(e.path()).is_ok_and(|p| p.starts_with(o))
                });
                !hidden && !inside_out
            });
        for entry in walk {
            let entry = entry.with_context(|| format!("{name}: cannot list"))?;
            if !entry.file_type().is_file() {
                continue;
            }
            let rel = entry.path().strip_prefix(root).unwrap_or(entry.path());
            tasks.push(Task {
                input: entry.path().to_path_buf(),
                output: outdir.join(rel).with_extension(extension(format)),
            });
        }
    }
    Ok(tasks)
}

/// Translate one file into its output file (atomically, parents created).
fn translate_file(
    task: &Task,
    inputs: &Inputs,
    job: &Job,
    opts: &RenderOptions,
    format: Format,
) -> Result<Counts> {
    if let Some(parent) = task.output.parent() {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("{}: cannot create directory", parent.display()))?;
    }
    let mut counts = Counts::default();
    with_output(Some(&task.output), |w| {
        let mut r = renderer(format, opts);
        r.begin(w)?;
        counts = job.input(inputs, &task.input.to_string_lossy(), r.as_mut(), w)?;
        r.end(w)?;
        Ok(())
    })?;
    Ok(counts)
}

pub fn run(
    inputs: &Inputs,
    args: &TranslateArgs,
    glossary: &tolk::Glossary,
    engine: &Loaded,
    seg: SegmentOptions,
) -> Result<Outcome> {
    let Some(outdir) = args.output.as_deref() else {
        let dir = inputs
            .names
            .iter()
            .find(|n| Path::new(n).is_dir())
            .map_or("", String::as_str);
        bail!(
            "{dir}: is a directory; to translate the files in it, name an output directory with -o OUTDIR"
        );
    };
    if outdir.exists() && !outdir.is_dir() {
        bail!(
            "{}: not a directory (with a directory as input, -o names the output directory)",
            outdir.display()
        );
    }
    std::fs::create_dir_all(outdir)
        .with_context(|| format!("{}: cannot create directory", outdir.display()))?;
    let tasks = tasks(&inputs.names, outdir, args.format)?;
    let opts = RenderOptions {
        width: output_width(args.width, true),
        color: false,
        multiple: false,
    };
    let started = Instant::now();
    let bar = indicatif::ProgressBar::new(tasks.len() as u64).with_style(
        indicatif::ProgressStyle::with_template(
            "{bar:40} {pos}/{len} files  {elapsed_precise}  {wide_msg}",
        )
        .expect("a valid template"),
    );
    let step = |task: &Task, engine: &dyn Engine| {
        bar.set_message(task.input.display().to_string());
        let job = Job {
            glossary,
            engine,
            seg,
            trace: args.trace,
        };
        let result = translate_file(task, inputs, &job, &opts, args.format);
        if let Err(e) = &result {
            bar.suspend(|| eprintln!("tolk: {e:#}"));
        }
        bar.inc(1);
        result
    };
    // Files in parallel on all cores; the neural engine takes them one at
    // a time and parallelises within each.
    let results: Vec<Result<Counts>> = match engine {
        Loaded::Shared(e) => tasks.par_iter().map(|t| step(t, e.as_ref())).collect(),
        Loaded::Local(e) => tasks.iter().map(|t| step(t, e.as_ref())).collect(),
    };
    bar.finish_and_clear();
    let mut total = Counts::default();
    let mut failed = 0;
    for r in &results {
        match r {
            Ok(c) => {
                total.sentences += c.sentences;
                total.terms += c.terms;
                total.unknown += c.unknown;
            }
            Err(_) => failed += 1,
        }
    }
    eprintln!(
        "tolk: {} files translated into {}{}: {} sentences, {} glossary terms, {} unknown words, {:.1} s",
        tasks.len() - failed,
        outdir.display(),
        if failed > 0 {
            format!(" ({failed} failed)")
        } else {
            String::new()
        },
        total.sentences,
        total.terms,
        total.unknown,
        started.elapsed().as_secs_f64()
    );
    if failed > 0 {
        bail!("{failed} of {} files failed", tasks.len());
    }
    Ok(Outcome::Ok)
}
