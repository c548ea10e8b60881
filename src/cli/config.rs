//! Resolving arguments: which glossaries to load, reading inputs, where
//! output goes and whether it is coloured.

use super::args::{ColorChoice, GlobalArgs, InputArgs};
use anyhow::{Context, Result, bail};
use std::borrow::Cow;
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use tolk::Glossary;
use tolk::glossary::{Source, shipped_sources};
use tolk::input::{Chunks, Decoded, EncodingChoice, decode, encoding_for_label};

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
    let g = Glossary::load(sources)?;
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

/// The inputs to read, in order: the files named, or standard input.
pub struct Inputs {
    pub names: Vec<String>,
    encoding: Option<&'static encoding_rs::Encoding>,
    /// `--encoding auto`: detect per input and say what was chosen.
    detect: bool,
}

impl Inputs {
    /// Resolve the input arguments (checking `--encoding` at once).
    pub fn new(args: &InputArgs) -> Result<Inputs> {
        let detect = args
            .encoding
            .as_deref()
            .is_some_and(|l| l.eq_ignore_ascii_case("auto"));
        let encoding = match &args.encoding {
            None => None,
            Some(_) if detect => None,
            Some(label) => Some(encoding_for_label(label).with_context(|| {
                format!(
                    "unknown encoding {label:?} (try auto, utf-8, windows-1252, latin1, utf-16le)"
                )
            })?),
        };
        let names = if args.inputs.is_empty() {
            vec!["-".into()]
        } else {
            args.inputs.clone()
        };
        Ok(Inputs {
            names,
            encoding,
            detect,
        })
    }

    /// Open one input to read in pieces that end at paragraph boundaries
    /// (see [`Chunks`]): an input of at most 4 MiB is one piece; a larger
    /// one is decoded as it is read, so output can start before the input
    /// ends and memory stays bounded.
    pub fn open(&self, name: &str, join_lines: bool) -> Result<Chunks<Box<dyn Read + Send>>> {
        // Standard input unlocked (each read takes the lock), so that the
        // pieces can be read on another thread.
        let reader: Box<dyn Read + Send> = if name == "-" {
            Box::new(std::io::stdin())
        } else {
            let path = Path::new(name);
            if path.is_dir() {
                bail!("{}: is a directory, not a file", path.display());
            }
            Box::new(
                std::fs::File::open(path)
                    .with_context(|| format!("{}: cannot read", path.display()))?,
            )
        };
        let choice = if self.detect {
            EncodingChoice::Detect
        } else {
            self.encoding
                .map_or(EncodingChoice::Default, EncodingChoice::Given)
        };
        let mut chunks = Chunks::new(reader, choice, join_lines, CHUNK_BYTES);
        let display = display_name(name);
        let info = chunks.start().with_context(|| display.to_owned())?;
        if self.detect {
            eprintln!(
                "tolk: {display}: encoding detected: {}",
                info.encoding.name()
            );
        }
        Ok(chunks)
    }

    /// Read and decode one input. Inputs are read one at a time, as output
    /// is written, so a bad input later on stops the run with the output
    /// (to a file) discarded.
    pub fn read(&self, name: &str) -> Result<Input> {
        let bytes = if name == "-" {
            let mut b = Vec::new();
            std::io::stdin()
                .lock()
                .read_to_end(&mut b)
                .context("<stdin>: cannot read")?;
            b
        } else {
            read_file(Path::new(name))?
        };
        let display = display_name(name);
        let encoding = if self.detect && !bytes.is_empty() {
            let enc = tolk::input::detect(&bytes);
            eprintln!("tolk: {display}: encoding detected: {}", enc.name());
            Some(enc)
        } else {
            self.encoding
        };
        let decoded = decode(&bytes, encoding).with_context(|| display.to_owned())?;
        Ok(Input {
            name: name.to_owned(),
            decoded,
        })
    }
}

/// How an input is named in messages.
pub fn display_name(name: &str) -> &str {
    if name == "-" { "<stdin>" } else { name }
}

/// The size of the pieces a large input is translated in.
const CHUNK_BYTES: usize = 1 << 20;

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
            let file = tolk::fsio::AtomicFile::new(path).with_context(|| {
                format!(
                    "{}: cannot create a temporary file in its directory",
                    path.display()
                )
            })?;
            let mut w = std::io::BufWriter::new(file);
            write(&mut w)?;
            let file = w
                .into_inner()
                .map_err(|e| e.into_error())
                .with_context(|| format!("{}: cannot write", path.display()))?;
            file.commit()
                .with_context(|| format!("{}: cannot write", path.display()))?;
            Ok(())
        }
    }
}
