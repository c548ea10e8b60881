//! `tolk glossary lint|fmt|export|import|merge|suggest`: whole glossary files
//! and other tools' formats.

use super::Outcome;
use super::args::{GlobalArgs, InputArgs, Prefer, ReportFormat, SuggestFormat};
use super::config::{Inputs, load_glossary, user_glossary_paths, with_output};
use anyhow::{Context, Result, bail};
use std::io::Read;
use std::path::{Path, PathBuf};
use tolk::fsio::{DirLock, write_atomic};
use tolk::glossary::edit::{GlossaryDoc, csv_line, new_file_text};
use tolk::glossary::formats::{self, ExchangeFormat, Term};
use tolk::glossary::lint::{Finding, lint};
use tolk::glossary::merge::{self, Incoming, Report};
use tolk::glossary::{Severity, shipped_sources};
use tolk::input::encoding_for_label;

/// The files a command works on: those named, else the loaded user glossaries.
fn files_or_user(global: &GlobalArgs, files: &[PathBuf], what: &str) -> Result<Vec<PathBuf>> {
    if !files.is_empty() {
        return Ok(files.to_vec());
    }
    let user = user_glossary_paths(global);
    if user.is_empty() {
        bail!(
            "no glossary to {what}: name the files, or load them with -g FILE, TOLK_GLOSSARY or ./glossary.csv"
        );
    }
    Ok(user)
}

pub fn lint_cmd(global: &GlobalArgs, files: &[PathBuf], format: ReportFormat) -> Result<Outcome> {
    let paths = files_or_user(global, files, "lint")?;
    let mut findings: Vec<Finding> = Vec::new();
    let mut read = Vec::new();
    for p in &paths {
        let name = p.display().to_string();
        match std::fs::read(p) {
            Ok(b) if !p.is_dir() => read.push((name, b)),
            Ok(_) | Err(_) => findings.push(Finding {
                severity: Severity::Error,
                file: name,
                line: None,
                column: None,
                code: "io",
                message: if p.is_dir() {
                    "is a directory, not a file".into()
                } else {
                    "cannot read the file".into()
                },
                hint: "check the path".into(),
            }),
        }
    }
    let base = if global.no_default_glossary {
        Vec::new()
    } else {
        shipped_sources()
    };
    findings.extend(lint(&read, &base));
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    let (errors, warnings, infos) = (
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info),
    );
    with_output(None, |out| {
        match format {
            ReportFormat::Json => {
                serde_json::to_writer_pretty(
                    &mut *out,
                    &serde_json::json!({
                        "files": paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>(),
                        "errors": errors,
                        "warnings": warnings,
                        "infos": infos,
                        "findings": findings,
                    }),
                )?;
                writeln!(out)?;
            }
            ReportFormat::Text => {
                for f in &findings {
                    writeln!(out, "{f}")?;
                }
            }
        }
        Ok(())
    })?;
    if format == ReportFormat::Text {
        eprintln!(
            "tolk: {} file(s): {errors} error(s), {warnings} warning(s), {infos} info(s)",
            paths.len()
        );
    }
    Ok(if errors > 0 {
        Outcome::Findings
    } else {
        Outcome::Ok
    })
}

fn read_doc(path: &Path) -> Result<(Vec<u8>, GlossaryDoc)> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).with_context(|| format!("{name}: cannot read"))?;
    let doc = GlossaryDoc::parse(&name, &bytes).map_err(|e| {
        anyhow::anyhow!("{name}: not a valid glossary (see `tolk glossary lint {name}`)\n{e}")
    })?;
    Ok((bytes, doc))
}

pub fn fmt_cmd(global: &GlobalArgs, files: &[PathBuf], check: bool) -> Result<Outcome> {
    let paths = files_or_user(global, files, "format")?;
    let mut unformatted = 0;
    for p in &paths {
        let name = p.display().to_string();
        let _lock = if check {
            None
        } else {
            Some(
                DirLock::acquire(p)
                    .with_context(|| format!("{name}: cannot lock its directory"))?,
            )
        };
        let (bytes, doc) = read_doc(p)?;
        let formatted = doc.formatted();
        if formatted == bytes {
            continue;
        }
        if check {
            println!("{name}: not in canonical form (run `tolk glossary fmt {name}`)");
            unformatted += 1;
            continue;
        }
        // The formatted file must load as the original did.
        let new = GlossaryDoc::parse(&name, &formatted)
            .map_err(anyhow::Error::from)
            .and_then(|d| Ok(d.validate()?));
        if let Err(e) = new {
            bail!("{name}: refused to format, nothing written: {e}");
        }
        write_atomic(p, &formatted)
            .with_context(|| format!("{name}: cannot write (the file is unchanged)"))?;
        eprintln!("tolk: formatted {name}");
    }
    Ok(if unformatted > 0 {
        Outcome::Findings
    } else {
        Outcome::Ok
    })
}

pub fn export(
    global: &GlobalArgs,
    to: ExchangeFormat,
    output: Option<&Path>,
    include_default: bool,
) -> Result<Outcome> {
    if to == ExchangeFormat::Csv {
        bail!(
            "csv is an import format; a tolk glossary already is CSV (`tolk glossary list --format csv`)"
        );
    }
    let g = load_glossary(global)?;
    let terms: Vec<Term> = g
        .active_entries()
        .filter(|(_, e)| include_default || !e.shipped)
        .map(|(id, e)| Term {
            nl: e.nl.clone(),
            en: e.en.clone(),
            kind: Some(e.kind),
            // Every spelling the entry renders, inherited ones included.
            variants: g
                .rendered_spellings(id)
                .into_iter()
                .skip(1)
                .map(str::to_owned)
                .collect(),
            avoid: g
                .effective_avoid(id)
                .into_iter()
                .map(str::to_owned)
                .collect(),
            origin: e.origin,
            note: e.note.clone(),
        })
        .collect();
    if terms.is_empty() {
        bail!(
            "nothing to export: no user glossary is loaded (-g FILE, TOLK_GLOSSARY, ./glossary.csv); --include-default exports the shipped ones"
        );
    }
    let exported = formats::export(&terms, to)?;
    with_output(output, |out| Ok(out.write_all(&exported.bytes)?))?;
    for d in &exported.dropped {
        eprintln!("tolk: {}: {d}", to.name());
    }
    Ok(Outcome::Ok)
}

fn print_report(report: &Report, into: &str, prefer: Option<Prefer>) {
    for s in &report.skipped {
        eprintln!("tolk: skipped {s}: empty Dutch or English");
    }
    for c in &report.conflicts {
        let resolution = match prefer {
            None => "",
            Some(Prefer::First) => " (kept the first)",
            Some(Prefer::Last) => " (took the last)",
        };
        eprintln!("tolk: conflict {c}{resolution}");
    }
    eprintln!(
        "tolk: {into}: {} added, {} already there, {} replaced, {} conflict(s)",
        report.added,
        report.unchanged,
        report.replaced,
        report.conflicts.len()
    );
}

fn lib_prefer(p: Option<Prefer>) -> Option<merge::Prefer> {
    p.map(|p| match p {
        Prefer::First => merge::Prefer::First,
        Prefer::Last => merge::Prefer::Last,
    })
}

/// Merge rows into a document and write it to `out` (`None`: stdout);
/// conflicts without a rule write nothing and exit 1.
fn merge_and_write(
    mut doc: GlossaryDoc,
    rows: &[Incoming],
    prefer: Option<Prefer>,
    out: Option<&Path>,
    label: &str,
) -> Result<Outcome> {
    let report = merge::merge(&mut doc, rows, lib_prefer(prefer));
    print_report(&report, label, prefer);
    if !report.conflicts.is_empty() && prefer.is_none() {
        eprintln!(
            "tolk: refused, nothing written: resolve the conflicts, or choose with --prefer first|last"
        );
        return Ok(Outcome::Findings);
    }
    if let Err(e) = doc.validate() {
        eprintln!("tolk: refused, nothing written: {e}");
        return Ok(Outcome::Findings);
    }
    match out {
        Some(p) => write_atomic(p, &doc.bytes())
            .with_context(|| format!("{}: cannot write (nothing changed)", p.display()))?,
        None => with_output(None, |o| Ok(o.write_all(&doc.bytes())?))?,
    }
    Ok(Outcome::Ok)
}

pub fn import(
    from: ExchangeFormat,
    input: &str,
    output: Option<&Path>,
    into: Option<&Path>,
    encoding: Option<&str>,
    prefer: Option<Prefer>,
) -> Result<Outcome> {
    let encoding = match encoding {
        None => None,
        Some(label) => Some(encoding_for_label(label).with_context(|| {
            format!("unknown encoding {label:?} (try utf-8, windows-1252, utf-16le)")
        })?),
    };
    let display = if input == "-" { "<stdin>" } else { input };
    let bytes = if input == "-" {
        let mut b = Vec::new();
        std::io::stdin()
            .read_to_end(&mut b)
            .context("<stdin>: cannot read")?;
        b
    } else {
        std::fs::read(input).with_context(|| format!("{input}: cannot read"))?
    };
    let terms = formats::import(&bytes, from, encoding).with_context(|| display.to_owned())?;
    if terms.is_empty() {
        bail!("{display}: no terms found in this {} file", from.name());
    }
    let rows: Vec<Incoming> = terms
        .iter()
        .enumerate()
        .map(|(i, t)| Incoming {
            origin: format!("{display} term {}", i + 1),
            columns: t.columns(),
        })
        .collect();
    match into {
        Some(path) => {
            let name = path.display().to_string();
            let _lock = DirLock::acquire(path)
                .with_context(|| format!("{name}: cannot lock its directory (does it exist?)"))?;
            let doc = if path.exists() {
                read_doc(path)?.1
            } else {
                GlossaryDoc::parse(&name, new_file_text().as_bytes())?
            };
            merge_and_write(doc, &rows, prefer, Some(path), &name)
        }
        None => {
            let name = output.map_or("<stdout>".to_owned(), |p| p.display().to_string());
            let doc = GlossaryDoc::parse(&name, new_file_text().as_bytes())?;
            merge_and_write(doc, &rows, prefer, output, &name)
        }
    }
}

pub fn merge_cmd(files: &[PathBuf], output: &Path, prefer: Option<Prefer>) -> Result<Outcome> {
    let name = output.display().to_string();
    // OUT is rewritten from the first file: anything else it holds would be lost.
    let same = |a: &Path, b: &Path| {
        a == b
            || std::fs::canonicalize(a)
                .ok()
                .zip(std::fs::canonicalize(b).ok())
                .is_some_and(|(x, y)| x == y)
    };
    if output.exists() && !same(output, &files[0]) {
        eprintln!(
            "tolk: refused: {name} exists and is not the first input, so what it holds would be lost; \
             to merge into it, name it first (`tolk glossary merge {name} …`), or write to a new file"
        );
        return Ok(Outcome::Findings);
    }
    let _lock = DirLock::acquire(output)
        .with_context(|| format!("{name}: cannot lock its directory (does it exist?)"))?;
    let mut docs = Vec::new();
    for f in files {
        docs.push(read_doc(f)?.1);
    }
    let mut docs = docs.into_iter();
    let first = docs.next().expect("clap requires two files");
    let rows: Vec<Incoming> = docs.flat_map(|d| merge::rows_of(&d)).collect();
    merge_and_write(first, &rows, prefer, Some(output), &name)
}

pub fn suggest(
    global: &GlobalArgs,
    input: &InputArgs,
    format: SuggestFormat,
    min_count: usize,
) -> Result<Outcome> {
    let glossary = load_glossary(global)?;
    let inputs = Inputs::new(input)?;
    let mut texts = Vec::new();
    for name in &inputs.names {
        let i = inputs.read(name)?;
        texts.push((i.name, i.decoded.text));
    }
    let lex = tolk::translate::lexicon::Lexicon::shipped();
    let found: Vec<_> = tolk::suggest::suggest(&texts, &glossary, &lex)
        .into_iter()
        .filter(|c| c.count >= min_count)
        .collect();
    with_output(None, |out| {
        match format {
            SuggestFormat::Json => {
                serde_json::to_writer_pretty(&mut *out, &found)?;
                writeln!(out)?;
            }
            SuggestFormat::Csv => {
                writeln!(out, "{}", tolk::glossary::KNOWN_COLUMNS.join(","))?;
                for c in &found {
                    let note = format!("seen {}×, first at {}:{}", c.count, c.file, c.line);
                    let v = Term {
                        nl: c.nl.clone(),
                        en: c.en.clone(),
                        origin: c.origin,
                        note,
                        ..Term::default()
                    };
                    let fields: Vec<String> = v.columns().into_iter().map(|(_, v)| v).collect();
                    writeln!(out, "{}", csv_line(&fields))?;
                }
            }
            SuggestFormat::Text => {
                for c in &found {
                    let ctx = tolk::render::terminal_safe(&c.context);
                    let ctx: String = if ctx.chars().count() > 90 {
                        ctx.chars().take(89).chain(['…']).collect()
                    } else {
                        ctx.into_owned()
                    };
                    writeln!(
                        out,
                        "{:>4}  {}{}{}  {}:{}: {ctx}",
                        c.count,
                        c.nl,
                        if c.en.is_empty() {
                            String::new()
                        } else {
                            format!(" → {}", c.en)
                        },
                        if c.transliterated {
                            "  [Dutch transliteration]"
                        } else {
                            ""
                        },
                        c.file,
                        c.line
                    )?;
                }
            }
        }
        Ok(())
    })?;
    if format == SuggestFormat::Text {
        eprintln!("tolk: {} candidate(s) not in any glossary", found.len());
    }
    Ok(Outcome::Ok)
}
