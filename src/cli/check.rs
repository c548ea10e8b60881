//! `tolk check`: findings of an English translation against the glossaries.

use super::Outcome;
use super::args::{CheckArgs, CheckFormat, FailOn, GlobalArgs};
use super::config::{load_glossary, with_output};
use anyhow::{Context, Result, bail};
use std::path::Path;
use tolk::check::{Level, Report, Unit, align, check};
use tolk::input::decode;

fn read_text(path: &Path) -> Result<String> {
    let name = path.display().to_string();
    if path.is_dir() {
        bail!("{name}: is a directory, not a file");
    }
    let bytes = std::fs::read(path).with_context(|| format!("{name}: cannot read"))?;
    Ok(decode(&bytes, None).with_context(|| name.clone())?.text)
}

/// Units from a bilingual file.
fn bilingual(path: &Path) -> Result<Vec<Unit>> {
    let text = read_text(path)?;
    let name = path.display().to_string();
    tolk::check::bilingual::read(&text).with_context(|| name)
}

pub fn run(global: &GlobalArgs, args: &CheckArgs) -> Result<Outcome> {
    let glossary = load_glossary(global)?;
    let (units, unaligned) = match (&args.source, &args.target, &args.bilingual) {
        (Some(s), Some(t), _) => {
            let (src, tgt) = (read_text(s)?, read_text(t)?);
            align(&src, &tgt).with_context(|| format!("{} and {}", s.display(), t.display()))?
        }
        (_, _, Some(b)) => (bilingual(b)?, Vec::new()),
        _ => bail!("give --source and --target, or --bilingual"),
    };
    let report = check(units, unaligned, &glossary);
    with_output(args.output.as_deref(), |out| {
        match args.format {
            CheckFormat::Json => {
                serde_json::to_writer_pretty(&mut *out, &json(&report))?;
                writeln!(out)?;
            }
            CheckFormat::Text => text(&report, out)?,
            CheckFormat::Html => tolk::render::check_report(&report, &glossary, &mut *out)?,
        }
        Ok(())
    })?;
    let threshold = match args.fail_on {
        FailOn::Error => Level::Error,
        FailOn::Warning => Level::Warning,
    };
    Ok(if report.findings.iter().any(|f| f.level >= threshold) {
        Outcome::Findings
    } else {
        Outcome::Ok
    })
}

fn place(u: &Unit) -> String {
    match u.sentence {
        Some(s) => format!("¶{} s{}", u.paragraph, s),
        None => format!("¶{}", u.paragraph),
    }
}

fn text(r: &Report, out: &mut dyn std::io::Write) -> Result<()> {
    for p in &r.unaligned_paragraphs {
        writeln!(out, "¶{p}: sentence counts differ: checked as one unit")?;
    }
    let mut last = None;
    for f in &r.findings {
        let u = &r.units[f.unit];
        writeln!(
            out,
            "{}: {}[{}]: {}{}",
            place(u),
            match f.level {
                Level::Error => "error",
                Level::Warning => "warning",
            },
            f.code,
            f.message,
            f.entry
                .as_ref()
                .map(|e| format!(" ({e})"))
                .unwrap_or_default()
        )?;
        if last != Some(f.unit) {
            writeln!(out, "  nl: {}", tolk::render::terminal_safe(&u.nl))?;
            writeln!(out, "  en: {}", tolk::render::terminal_safe(&u.en))?;
        }
        last = Some(f.unit);
    }
    writeln!(
        out,
        "{} unit(s): {} error(s), {} warning(s)",
        r.units.len(),
        r.count(Level::Error),
        r.count(Level::Warning)
    )?;
    Ok(())
}

fn json(r: &Report) -> serde_json::Value {
    let findings: Vec<serde_json::Value> = r
        .findings
        .iter()
        .map(|f| {
            let u = &r.units[f.unit];
            let mut v = serde_json::to_value(f).expect("a finding serializes");
            v["paragraph"] = u.paragraph.into();
            v["sentence"] = u.sentence.into();
            v["nl"] = u.nl.clone().into();
            v["en"] = u.en.clone().into();
            v
        })
        .collect();
    serde_json::json!({
        "units": r.units.len(),
        "errors": r.count(Level::Error),
        "warnings": r.count(Level::Warning),
        "unaligned_paragraphs": r.unaligned_paragraphs,
        "findings": findings,
    })
}
