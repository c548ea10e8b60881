//! `tolk model`: download, list, locate and remove the neural models. Only
//! `download` and `list --available` open a network connection.

use super::Outcome;
use super::args::{ModelCommand, ModelDirArgs, ReportFormat};
use super::config::with_output;
use anyhow::{Context, Result};
use serde::Serialize;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use tolk::neural::store::{self, InstalledModel};

pub fn run(c: ModelCommand) -> Result<Outcome> {
    match c {
        ModelCommand::Download { pair, dir } => download(&pair, &dir),
        ModelCommand::List {
            dir,
            available,
            format,
        } => list(&dir, available, format),
        ModelCommand::Path { pair, dir } => path(&pair, &dir),
        ModelCommand::Rm { pair, dir } => rm(&pair, &dir),
    }
}

fn root(dir: &ModelDirArgs) -> PathBuf {
    store::model_root(dir.dir.as_deref().filter(|d| !d.as_os_str().is_empty()))
}

/// `31.2 MiB`, `812.0 KiB`, `17 B`.
fn human_size(bytes: u64) -> String {
    const KIB: f64 = 1024.0;
    let b = bytes as f64;
    if b >= KIB * KIB {
        format!("{:.1} MiB", b / (KIB * KIB))
    } else if b >= KIB {
        format!("{:.1} KiB", b / KIB)
    } else {
        format!("{bytes} B")
    }
}

fn download(pair: &str, dir: &ModelDirArgs) -> Result<Outcome> {
    let root = root(dir);
    let fetch = fxtranslate::fetch::NetworkFetch::new();
    let progress = std::io::stderr().is_terminal();
    let files = store::download(&fetch, &root, pair, progress)
        .with_context(|| format!("cannot download {pair}"))?;
    let model_dir = files
        .model
        .parent()
        .map_or_else(|| root.join(pair), Path::to_path_buf);
    let size = store::list_installed(&root)
        .ok()
        .and_then(|l| l.into_iter().find(|m| m.pair == pair))
        .map_or_else(String::new, |m| format!(" ({})", human_size(m.bytes)));
    eprintln!("tolk: {pair} installed{size}");
    with_output(None, |out| Ok(writeln!(out, "{}", model_dir.display())?))?;
    Ok(Outcome::Ok)
}

/// `model list --format json`.
#[derive(Serialize)]
struct ListReport<'a> {
    /// The model directory.
    dir: &'a Path,
    /// The installed pairs.
    installed: &'a [InstalledModel],
    /// With `--available`: the pairs Remote Settings offers.
    #[serde(skip_serializing_if = "Option::is_none")]
    available: Option<&'a [String]>,
}

fn list(dir: &ModelDirArgs, available: bool, format: ReportFormat) -> Result<Outcome> {
    let root = root(dir);
    let installed = store::list_installed(&root)?;
    let offered = if available {
        let fetch = fxtranslate::fetch::NetworkFetch::new();
        Some(store::list_available(&fetch).context("cannot list the available models")?)
    } else {
        None
    };
    if format == ReportFormat::Text && !available && installed.is_empty() {
        eprintln!(
            "tolk: no models in {} (`tolk model download` installs nl-en)",
            root.display()
        );
    }
    with_output(None, |out| {
        match format {
            ReportFormat::Json => {
                let report = ListReport {
                    dir: &root,
                    installed: &installed,
                    available: offered.as_deref(),
                };
                serde_json::to_writer_pretty(&mut *out, &report)?;
                writeln!(out)?;
            }
            ReportFormat::Text => match &offered {
                Some(pairs) => {
                    for p in pairs {
                        let mark = if installed.iter().any(|m| &m.pair == p && m.complete) {
                            "  (installed)"
                        } else {
                            ""
                        };
                        writeln!(out, "{p}{mark}")?;
                    }
                }
                None => {
                    for m in &installed {
                        writeln!(
                            out,
                            "{:<8} {:>10}  {}{}",
                            m.pair,
                            human_size(m.bytes),
                            m.dir.display(),
                            if m.complete { "" } else { "  (incomplete)" }
                        )?;
                    }
                }
            },
        }
        Ok(())
    })?;
    Ok(Outcome::Ok)
}

fn path(pair: &str, dir: &ModelDirArgs) -> Result<Outcome> {
    let root = root(dir);
    if store::installed(&root, pair).is_some() {
        let model_dir = root.join(pair);
        with_output(None, |out| Ok(writeln!(out, "{}", model_dir.display())?))?;
        return Ok(Outcome::Ok);
    }
    if root.join(pair).is_dir() {
        eprintln!(
            "tolk: {pair} in {} is incomplete (no model or no vocabulary); `tolk model download {pair}` repairs it",
            root.display()
        );
    } else {
        eprintln!(
            "tolk: {pair} is not installed in {} (`tolk model download {pair}` installs it)",
            root.display()
        );
    }
    Ok(Outcome::Findings)
}

fn rm(pair: &str, dir: &ModelDirArgs) -> Result<Outcome> {
    let root = root(dir);
    if store::remove(&root, pair)? {
        with_output(None, |out| {
            Ok(writeln!(out, "removed {}", root.join(pair).display())?)
        })?;
        Ok(Outcome::Ok)
    } else {
        eprintln!("tolk: {pair} is not installed in {}", root.display());
        Ok(Outcome::Findings)
    }
}
