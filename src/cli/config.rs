//! Resolving arguments: which glossaries to load, reading inputs, where
//! output goes and whether it is coloured.

use super::args::{ColorChoice, GlobalArgs, InputArgs};
use anyhow::{Context, Result, bail};
use std::borrow::Cow;
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use tolk::Glossary;
use tolk::glossary::{Source, shipped_sources};
use tolk::input::{Decoded, decode, encoding_for_label};

/// A glossary that failed to load: the problems are printed, exit code 2.
#[derive(Debug)]
pub struct GlossaryFailed(pub tolk::glossary::LoadError);

impl std::fmt::Display for GlossaryFailed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}
impl std::error::Error for GlossaryFailed {}

/// The user glossaries, in the order of precedence rules: every `-g FILE`;
/// if none, the files in TOLK_GLOSSARY; if unset, ./glossary.csv when it exists.
pub fn user_glossary_paths(global: &GlobalArgs) -> Vec<PathBuf> {
    if !global.glossary.is_empty() {
        return global.glossary.clone();
    }
    if let Some(v) = std::env::var_os("TOLK_GLOSSARY") {
        return std::env::split_paths(&v)
            .filter(|p| !p.as_os_str().is_empty())
            .collect();
    }
    let local = PathBuf::from("glossary.csv");
    if local.is_file() {
        vec![local]
    } else {
        Vec::new()
    }
}

fn read_file(path: &Path) -> Result<Vec<u8>> {
    if path.is_dir() {
        bail!("{}: is a directory, not a file", path.display());
    }
    std::fs::read(path).with_context(|| format!("{}: cannot read", path.display()))
}

/// Load the shipped glossaries (unless turned off) and the user's; print
/// warnings to stderr, one line each.
pub fn load_glossary(global: &GlobalArgs) -> Result<Glossary> {
    let mut sources = if global.no_default_glossary {
        Vec::new()
    } else {
        shipped_sources()
    };
    for path in user_glossary_paths(global) {
        let bytes = read_file(&path).context("cannot load glossary")?;
        sources.push(Source {
            name: path.display().to_string(),
            bytes: Cow::Owned(bytes),
            shipped: false,
        });
    }
    let g = Glossary::load(sources).map_err(GlossaryFailed)?;
    for w in g.warnings() {
        eprintln!("tolk: {w}");
    }
    Ok(g)
}

/// One decoded input.
pub struct Input {
    /// As the user named it; `-` for standard input.
    pub name: String,
    pub decoded: Decoded,
}

/// Read and decode every input (standard input when none is given).
pub fn read_inputs(args: &InputArgs) -> Result<Vec<Input>> {
    let encoding = match &args.encoding {
        None => None,
        Some(label) => Some(encoding_for_label(label).with_context(|| {
            format!("unknown encoding {label:?} (try utf-8, windows-1252, latin1, utf-16le)")
        })?),
    };
    let names: Vec<String> = if args.inputs.is_empty() {
        vec!["-".into()]
    } else {
        args.inputs.clone()
    };
    let mut out = Vec::with_capacity(names.len());
    for name in names {
        let bytes = if name == "-" {
            let mut b = Vec::new();
            std::io::stdin()
                .lock()
                .read_to_end(&mut b)
                .context("<stdin>: cannot read")?;
            b
        } else {
            read_file(Path::new(&name))?
        };
        let display = if name == "-" {
            "<stdin>"
        } else {
            name.as_str()
        };
        let decoded = decode(&bytes, encoding).with_context(|| display.to_owned())?;
        out.push(Input { name, decoded });
    }
    Ok(out)
}

/// Should terminal output be coloured?
pub fn use_color(choice: ColorChoice, to_file: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            !to_file
                && std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::env::var("TERM").map_or(true, |t| t != "dumb")
        }
    }
}

/// Width for side-by-side output.
pub fn output_width(explicit: Option<usize>, to_file: bool) -> usize {
    if let Some(w) = explicit {
        return w;
    }
    if !to_file
        && std::io::stdout().is_terminal()
        && let Some((terminal_size::Width(w), _)) = terminal_size::terminal_size()
    {
        return w as usize;
    }
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse().ok())
        .filter(|&w: &usize| w >= 20)
        .unwrap_or(100)
}

/// Write what `write` produces to `path` atomically (a temporary file in the
/// same directory, renamed over the target only when everything succeeded),
/// or to standard output.
pub fn with_output(
    path: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> Result<()>,
) -> Result<()> {
    match path {
        None => {
            let stdout = std::io::stdout();
            let mut lock = std::io::BufWriter::new(stdout.lock());
            write(&mut lock)?;
            lock.flush().context("cannot write to standard output")?;
            Ok(())
        }
        Some(path) => {
            if path.is_dir() {
                bail!("{}: is a directory", path.display());
            }
            let dir = match path.parent() {
                Some(p) if !p.as_os_str().is_empty() => p,
                _ => Path::new("."),
            };
            let tmp = tempfile::Builder::new()
                .prefix(".tolk-")
                .suffix(".tmp")
                .tempfile_in(dir)
                .with_context(|| {
                    format!(
                        "{}: cannot create a temporary file in {}",
                        path.display(),
                        dir.display()
                    )
                })?;
            let mut w = std::io::BufWriter::new(tmp);
            write(&mut w)?;
            let tmp = w
                .into_inner()
                .map_err(|e| e.into_error())
                .with_context(|| format!("{}: cannot write", path.display()))?;
            tmp.as_file()
                .sync_all()
                .with_context(|| format!("{}: cannot write", path.display()))?;
            tmp.persist(path)
                .map_err(|e| e.error)
                .with_context(|| format!("{}: cannot write", path.display()))?;
            Ok(())
        }
    }
}
