//! `tolk translit`: English spellings for Slavic names, and `--eval`.

use super::Outcome;
use super::args::{GlobalArgs, ReportFormat, TranslitArgs};
use super::config::{load_glossary, with_output};
use anyhow::{Context, Result, bail};
use std::io::Read;
use tolk::glossary::Origin;
use tolk::input::decode;
use tolk::translit::{NameRow, Proposal, Transliterator, evaluate};

pub fn run(global: &GlobalArgs, args: &TranslitArgs) -> Result<Outcome> {
    let t = Transliterator::shipped();
    if let Some(path) = &args.eval {
        return eval(global, &t, path, args);
    }
    let names: Vec<String> = if args.names.is_empty() {
        let mut b = Vec::new();
        std::io::stdin()
            .read_to_end(&mut b)
            .context("<stdin>: cannot read")?;
        let text = decode(&b, None).context("<stdin>")?.text;
        text.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect()
    } else {
        args.names.clone()
    };
    let proposals: Vec<Proposal> = names
        .iter()
        .map(|n| t.transliterate(n, args.origin, None))
        .collect();
    with_output(None, |out| {
        match args.format {
            ReportFormat::Json => {
                serde_json::to_writer_pretty(&mut *out, &proposals)?;
                writeln!(out)?;
            }
            ReportFormat::Text => {
                for p in &proposals {
                    if !args.explain {
                        writeln!(out, "{}", p.en)?;
                        continue;
                    }
                    writeln!(
                        out,
                        "{} → {}  (origin {} from {}, confidence {:.2}{})",
                        p.input,
                        p.en,
                        p.origin.as_str(),
                        p.origin_from,
                        p.confidence,
                        if p.unchanged { ", unchanged" } else { "" }
                    )?;
                    if !p.rules.is_empty() {
                        writeln!(out, "  rules: {}", p.rules.join(", "))?;
                    }
                    if !p.dutch.is_empty() {
                        writeln!(out, "  Dutch: {}", p.dutch.join(", "))?;
                    }
                }
            }
        }
        Ok(())
    })?;
    Ok(Outcome::Ok)
}

fn read_rows(path: &std::path::Path) -> Result<Vec<NameRow>> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).with_context(|| format!("{name}: cannot read"))?;
    let text = decode(&bytes, None).with_context(|| name.clone())?.text;
    let mut r = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = r
        .headers()
        .with_context(|| format!("{name}: no header"))?
        .clone();
    let col = |n: &str| {
        headers
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(n))
    };
    let (Some(nl), Some(en)) = (col("nl"), col("en")) else {
        bail!("{name}:1: the header must name the columns nl and en");
    };
    let origin = col("origin");
    let mut rows = Vec::new();
    for rec in r.records() {
        let rec = rec.with_context(|| format!("{name}: invalid CSV"))?;
        let line = rec.position().map_or(0, |p| p.line());
        let get = |i: usize| rec.get(i).unwrap_or("").trim().to_owned();
        if get(nl).is_empty() || get(en).is_empty() {
            bail!("{name}:{line}: empty nl or en");
        }
        rows.push(NameRow {
            nl: get(nl),
            en: get(en),
            origin: origin.and_then(|i| Origin::parse(&get(i)).ok().flatten()),
        });
    }
    if rows.is_empty() {
        bail!("{name}: no names");
    }
    Ok(rows)
}

fn eval(
    global: &GlobalArgs,
    t: &Transliterator,
    path: &std::path::Path,
    args: &TranslitArgs,
) -> Result<Outcome> {
    let rows = read_rows(path)?;
    let glossary = load_glossary(global)?;
    let r = evaluate(t, &rows, &glossary);
    with_output(None, |out| {
        match args.format {
            ReportFormat::Json => {
                serde_json::to_writer_pretty(&mut *out, &r)?;
                writeln!(out)?;
            }
            ReportFormat::Text => {
                let d = &r.translit_differ;
                writeln!(
                    out,
                    "transliterator, Dutch ≠ English ({} names): exact {:.1}% ({}), tolerant {:.1}% ({})",
                    d.rows,
                    d.exact_percent(),
                    d.exact,
                    d.tolerant_percent(),
                    d.tolerant
                )?;
                let i = &r.translit_identical;
                writeln!(
                    out,
                    "transliterator, Dutch = English ({} names): unchanged {:.1}% ({})",
                    i.rows,
                    i.exact_percent(),
                    i.exact
                )?;
                let g = &r.with_glossary;
                writeln!(
                    out,
                    "with the glossaries ({} names): exact {:.1}% ({}), tolerant {:.1}% ({})",
                    g.rows,
                    g.exact_percent(),
                    g.exact,
                    g.tolerant_percent(),
                    g.tolerant
                )?;
                if args.misses {
                    for (nl, want, got) in &r.misses {
                        writeln!(out, "  {nl} → {got} (expected {want})")?;
                    }
                }
            }
        }
        Ok(())
    })?;
    Ok(Outcome::Ok)
}
