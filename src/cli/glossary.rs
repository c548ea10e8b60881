//! `tolk glossary add|rm|set|show|list`: editing one glossary file and
//! looking entries up in the loaded glossaries.
//!
//! Every edit takes the directory lock, reads the file, edits the rows it
//! concerns (nothing else changes), checks that the result still loads, and
//! replaces the file atomically. A refused edit writes nothing and exits 1.

use super::Outcome;
use super::args::{GlobalArgs, ListFormat, ReportFormat, RowArgs, TargetArgs};
use super::config::{load_glossary, user_glossary_paths, with_output};
use anyhow::{Context, Result, bail};
use serde::Serialize;
use std::borrow::Cow;
use std::path::{Path, PathBuf};
use tolk::Glossary;
use tolk::fsio::{DirLock, write_atomic};
use tolk::glossary::edit::{EditError, GlossaryDoc, csv_line, new_file_text};
use tolk::glossary::formats::Term;
use tolk::glossary::{Entry, EntryId, Inflection, Kind, Source, shipped_sources, spelling_key};
use tolk::normalize::match_key;
use unicode_normalization::UnicodeNormalization;
use unicode_width::UnicodeWidthStr;

/// The file an edit goes to: `--file`, else the last user glossary loaded,
/// else ./glossary.csv.
pub fn target_path(global: &GlobalArgs, target: &TargetArgs) -> PathBuf {
    if let Some(f) = &target.file {
        return f.clone();
    }
    user_glossary_paths(global)
        .pop()
        .unwrap_or_else(|| PathBuf::from("glossary.csv"))
}

/// The glossaries as `translate` loads them, stopping before `stop_at` when
/// given; unreadable or broken files give `None`. Only for saying where else
/// a term is (what an edit overrides, where a missing term lives).
fn load_quiet(global: &GlobalArgs, stop_at: Option<&Path>) -> Option<Glossary> {
    let mut sources = if global.no_default_glossary {
        Vec::new()
    } else {
        shipped_sources()
    };
    for p in user_glossary_paths(global) {
        if Some(p.as_path()) == stop_at {
            break;
        }
        sources.push(Source {
            name: p.display().to_string(),
            bytes: Cow::Owned(std::fs::read(&p).ok()?),
            shipped: false,
        });
    }
    Glossary::load(sources).ok()
}

/// A glossary file opened for an edit, under the directory lock.
struct Editing {
    path: PathBuf,
    name: String,
    doc: GlossaryDoc,
    _lock: DirLock,
}

impl Editing {
    /// Lock and read `path`; a missing file is created (with a header) only
    /// when `create` is set.
    fn open(path: &Path, create: bool) -> Result<Editing> {
        let name = path.display().to_string();
        let lock = DirLock::acquire(path)
            .with_context(|| format!("{name}: cannot lock its directory (does it exist?)"))?;
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && create => {
                new_file_text().into_bytes()
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                bail!("{name}: no such glossary file")
            }
            Err(e) => return Err(e).with_context(|| format!("{name}: cannot read")),
        };
        let doc = GlossaryDoc::parse(&name, &bytes).map_err(|e| broken(&name, e))?;
        // The file must load on its own (no conflicts) before it is edited.
        if let Err(e) = doc.load() {
            return Err(broken(
                &name,
                EditError::WouldBreak(e.errors().cloned().collect()),
            ));
        }
        Ok(Editing {
            path: path.to_path_buf(),
            name,
            doc,
            _lock: lock,
        })
    }

    /// The file's entries, as loaded on their own.
    fn glossary(&self) -> Glossary {
        self.doc
            .load()
            .expect("checked when opened and after each edit")
    }

    /// Check the edited document and write it; a document that no longer
    /// loads is refused.
    fn commit(self) -> Result<Outcome> {
        if let Err(e) = self.doc.validate() {
            eprintln!("tolk: refused, nothing written: {e}");
            return Ok(Outcome::Findings);
        }
        write_atomic(&self.path, &self.doc.bytes())
            .with_context(|| format!("{}: cannot write (the file is unchanged)", self.name))?;
        Ok(Outcome::Ok)
    }
}

fn broken(name: &str, e: EditError) -> anyhow::Error {
    anyhow::anyhow!(
        "{name}: not a valid glossary, so it is not edited; fix it first (`tolk glossary lint {name}`)\n{e}"
    )
}

/// NFC, trimmed, runs of whitespace made one space: how the loader
/// compares text, and how `fmt` writes it.
fn clean(s: &str) -> String {
    let nfc: String = s.nfc().collect();
    nfc.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn clean_list(v: &[String]) -> Vec<String> {
    v.iter()
        .map(|s| clean(s))
        .filter(|s| !s.is_empty())
        .collect()
}

/// Entries of `g` with a spelling whose key is one of `keys`.
fn entries_with_keys<'g>(g: &'g Glossary, keys: &[String]) -> Vec<&'g Entry> {
    g.entries()
        .iter()
        .filter(|e| e.spellings().any(|s| keys.contains(&spelling_key(s))))
        .collect()
}

/// One entry as a line of the glossary file it came from.
fn row_text(doc: &GlossaryDoc, line: usize) -> String {
    doc.row_fields(line).map(csv_line).unwrap_or_default()
}

/// Tell the user which entries loaded before the target an added row overrides.
fn announce_overrides(global: &GlobalArgs, path: &Path, values: &Term) {
    let Some(before) = load_quiet(global, Some(path)) else {
        return;
    };
    let mut seen = Vec::new();
    for s in std::iter::once(&values.nl).chain(&values.variants) {
        if let Some(sid) = before.spelling_for_key(&match_key(s)) {
            let id = before.spelling(sid).entry;
            let e = before.entry(id);
            if e.en != values.en && !seen.contains(&id) {
                seen.push(id);
                eprintln!(
                    "tolk: note: overrides {} (`{}` → `{}`){}",
                    e.location,
                    e.nl,
                    e.en,
                    if e.shipped { ", a shipped entry" } else { "" }
                );
            }
        }
    }
}

pub fn add(
    global: &GlobalArgs,
    nl: &str,
    en: &str,
    row: &RowArgs,
    target: &TargetArgs,
    replace: bool,
) -> Result<Outcome> {
    let values = Term {
        nl: clean(nl),
        en: clean(en),
        kind: row.kind,
        variants: clean_list(&row.variants),
        avoid: clean_list(&row.avoid),
        origin: row.origin,
        note: row.note.as_deref().map(clean).unwrap_or_default(),
    };
    if values.nl.is_empty() || values.en.is_empty() {
        bail!("both the Dutch term and its English must be non-empty");
    }
    let path = target_path(global, target);
    let mut ed = Editing::open(&path, true)?;
    let g = ed.glossary();
    let keys: Vec<String> = std::iter::once(&values.nl)
        .chain(&values.variants)
        .map(|s| spelling_key(s))
        .collect();
    let existing = entries_with_keys(&g, &keys);
    match existing.as_slice() {
        [] => ed.doc.append(&values),
        [e] if !replace => {
            let same_en = e.en == values.en;
            // Every option given is already in the row: nothing to do.
            let has_all = same_en
                && values.kind.is_none_or(|k| k == e.kind)
                && values.origin.is_none_or(|o| Some(o) == e.origin)
                && (values.note.is_empty() || values.note == e.note)
                && values
                    .variants
                    .iter()
                    .all(|v| e.spellings().any(|s| spelling_key(s) == spelling_key(v)))
                && values.avoid.iter().all(|a| e.avoid.contains(a));
            eprintln!(
                "tolk: {} `{}` → `{}` at {}:\n  {}",
                if has_all {
                    "already has"
                } else {
                    "refused: already has"
                },
                e.nl,
                e.en,
                e.location,
                row_text(&ed.doc, e.location.line)
            );
            if has_all {
                return Ok(Outcome::Ok);
            }
            eprintln!("tolk: use --replace to update that row");
            return Ok(Outcome::Findings);
        }
        [e] => {
            // Update the row: the English and the columns given; the others
            // keep their values. The row keeps its headword; a new Dutch
            // spelling and new variants join its variants.
            let mut cols = vec![("en".to_owned(), values.en.clone())];
            cols.extend(values.columns().into_iter().filter(|(n, v)| {
                !v.is_empty() && !matches!(n.as_str(), "nl" | "en" | "variants" | "avoid")
            }));
            let mut variants = e.variants.clone();
            for v in std::iter::once(&values.nl).chain(&values.variants) {
                if !e
                    .spellings()
                    .chain(variants.iter().map(String::as_str))
                    .any(|s| spelling_key(s) == spelling_key(v))
                {
                    variants.push(v.clone());
                }
            }
            if variants != e.variants {
                cols.push(("variants".to_owned(), variants.join("|")));
            }
            let mut avoid = e.avoid.clone();
            for a in &values.avoid {
                if !avoid.contains(a) {
                    avoid.push(a.clone());
                }
            }
            if avoid != e.avoid {
                cols.push(("avoid".to_owned(), avoid.join("|")));
            }
            let line = e.location.line;
            ed.doc.replace_columns(line, &cols)?;
        }
        many => {
            eprintln!(
                "tolk: refused: the spellings match several rows of {}:",
                ed.name
            );
            for e in many {
                eprintln!("  {}: {}", e.location, row_text(&ed.doc, e.location.line));
            }
            return Ok(Outcome::Findings);
        }
    }
    announce_overrides(global, &path, &values);
    let name = ed.name.clone();
    let replaced = !existing.is_empty();
    let outcome = ed.commit()?;
    if outcome == Outcome::Ok {
        println!(
            "{} {name}: `{}` → `{}`",
            if replaced { "updated" } else { "added to" },
            values.nl,
            values.en
        );
    }
    Ok(outcome)
}

/// Where else `term` is: " (it is in FILE:LINE…)", or `None`.
fn elsewhere(global: &GlobalArgs, term: &str) -> Option<String> {
    let all = load_quiet(global, None)?;
    let sid = all.spelling_for_key(&match_key(term))?;
    let e = all.entry(all.spelling(sid).entry);
    Some(format!(
        " (it is in {}{})",
        e.location,
        if e.shipped {
            ", a shipped glossary: override it with `tolk glossary add`"
        } else {
            "; use --file to edit that file"
        }
    ))
}

/// Open the target file and find its single row with `term` as a
/// spelling; `None` (after saying why) when there is no such single row.
fn open_row(
    global: &GlobalArgs,
    target: &TargetArgs,
    term: &str,
) -> Result<Option<(Editing, Entry)>> {
    let path = target_path(global, target);
    if !path.exists() {
        let mut msg = format!("`{term}` is not in {} (no such file)", path.display());
        if let Some(at) = elsewhere(global, term) {
            msg.push_str(&at);
        }
        eprintln!("tolk: refused: {msg}");
        return Ok(None);
    }
    let ed = Editing::open(&path, false)?;
    match find_row(global, &ed, term) {
        Ok(e) => Ok(Some((ed, e))),
        Err(msg) => {
            eprintln!("tolk: refused: {msg}");
            Ok(None)
        }
    }
}

/// The single row of the target file that has `term` as a spelling, or a
/// refusal message.
fn find_row(global: &GlobalArgs, ed: &Editing, term: &str) -> Result<Entry, String> {
    let g = ed.glossary();
    let key = spelling_key(&clean(term));
    let found = entries_with_keys(&g, &[key]);
    match found.as_slice() {
        [e] => Ok((*e).clone()),
        [] => {
            let mut msg = format!("`{term}` is not in {}", ed.name);
            if let Some(at) = elsewhere(global, term) {
                msg.push_str(&at);
            }
            Err(msg)
        }
        many => Err(format!(
            "`{term}` matches {} rows of {}: {}",
            many.len(),
            ed.name,
            many.iter()
                .map(|e| e.location.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

pub fn rm(global: &GlobalArgs, term: &str, target: &TargetArgs) -> Result<Outcome> {
    let Some((mut ed, e)) = open_row(global, target, term)? else {
        return Ok(Outcome::Findings);
    };
    let text = row_text(&ed.doc, e.location.line);
    ed.doc.remove(e.location.line)?;
    let outcome = ed.commit()?;
    if outcome == Outcome::Ok {
        println!("removed {}: {text}", e.location);
    }
    Ok(outcome)
}

pub fn set(
    global: &GlobalArgs,
    term: &str,
    nl: Option<&str>,
    en: Option<&str>,
    row: &RowArgs,
    target: &TargetArgs,
) -> Result<Outcome> {
    let mut cols: Vec<(String, String)> = Vec::new();
    if let Some(nl) = nl {
        cols.push(("nl".into(), clean(nl)));
    }
    if let Some(en) = en {
        cols.push(("en".into(), clean(en)));
    }
    if let Some(k) = row.kind {
        cols.push(("kind".into(), k.as_str().into()));
    }
    if !row.variants.is_empty() {
        cols.push(("variants".into(), clean_list(&row.variants).join("|")));
    }
    if !row.avoid.is_empty() {
        cols.push(("avoid".into(), clean_list(&row.avoid).join("|")));
    }
    if let Some(o) = row.origin {
        cols.push(("origin".into(), o.as_str().into()));
    }
    if let Some(n) = &row.note {
        cols.push(("note".into(), clean(n)));
    }
    if cols.is_empty() {
        bail!("nothing to set: give --en, --nl, --kind, --variant, --avoid, --origin or --note");
    }
    let Some((mut ed, e)) = open_row(global, target, term)? else {
        return Ok(Outcome::Findings);
    };
    ed.doc.replace_columns(e.location.line, &cols)?;
    let text = row_text(&ed.doc, e.location.line);
    let outcome = ed.commit()?;
    if outcome == Outcome::Ok {
        println!("updated {}: {text}", e.location);
    }
    Ok(outcome)
}

/// How a `show` query found an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
enum Via {
    /// A Dutch spelling (headword or variant).
    Dutch,
    /// An inflected form (genitive) of a Dutch spelling.
    Inflected,
    /// The English.
    English,
    /// An English spelling the entry says to avoid.
    Avoided,
}

#[derive(Serialize)]
struct JsonRef<'a> {
    file: &'a str,
    line: usize,
    nl: &'a str,
    en: &'a str,
}

#[derive(Serialize)]
struct JsonEntry<'a> {
    file: &'a str,
    line: usize,
    shipped: bool,
    nl: &'a str,
    en: &'a str,
    kind: Kind,
    variants: &'a [String],
    avoid: Vec<&'a str>,
    origin: Option<&'a str>,
    note: &'a str,
}

impl<'a> JsonEntry<'a> {
    fn new(g: &'a Glossary, id: EntryId) -> JsonEntry<'a> {
        let e = g.entry(id);
        JsonEntry {
            file: &e.location.file,
            line: e.location.line,
            shipped: e.shipped,
            nl: &e.nl,
            en: &e.en,
            kind: e.kind,
            variants: &e.variants,
            avoid: g.effective_avoid(id),
            origin: e.origin.map(|o| o.as_str()),
            note: &e.note,
        }
    }
}

#[derive(Serialize)]
struct JsonMatch<'a> {
    via: Via,
    /// The spelling the query matched.
    spelling: &'a str,
    #[serde(flatten)]
    entry: JsonEntry<'a>,
    overrides: Vec<JsonRef<'a>>,
}

/// Entries `id` overrides, directly or through others, newest first.
fn overridden_by(g: &Glossary, id: EntryId) -> Vec<EntryId> {
    let mut out = Vec::new();
    let mut frontier = vec![id];
    while let Some(cur) = frontier.pop() {
        for (oid, o) in g.entries().iter().enumerate() {
            if o.overridden_by == Some(cur) {
                out.push(oid);
                frontier.push(oid);
            }
        }
    }
    out.sort_unstable_by(|a, b| b.cmp(a));
    out
}

/// Find what `query` names: Dutch spellings (with inflected forms), then
/// English, then avoided English.
fn lookup(g: &Glossary, query: &str) -> Vec<(EntryId, Via, String)> {
    let q = clean(query);
    let mut out: Vec<(EntryId, Via, String)> = Vec::new();
    let mut push = |id: EntryId, via: Via, s: &str| {
        if !out.iter().any(|(o, _, _)| *o == id) {
            out.push((id, via, s.to_owned()));
        }
    };
    if let Some(sid) = g.spelling_for_key(&match_key(&q)) {
        let sp = g.spelling(sid);
        push(sp.entry, Via::Dutch, &sp.text);
    }
    // A bare `-s` genitive counts only before a word (*Poetins woordvoerder*,
    // not the plural *de Poetins*): look the form up in that position.
    for hit in g.matcher().find(&format!("{q} woord")) {
        if hit.start == 0 && hit.end == q.len() {
            let via = if hit.inflection == Inflection::Genitive {
                Via::Inflected
            } else {
                Via::Dutch
            };
            push(hit.entry, via, &g.spelling(hit.spelling).text);
        }
    }
    let key = match_key(&q);
    for (id, e) in g.active_entries() {
        if match_key(&e.en) == key {
            push(id, Via::English, &e.en);
        }
    }
    for (id, _) in g.active_entries() {
        if let Some(a) = g
            .effective_avoid(id)
            .into_iter()
            .find(|a| match_key(a) == key)
        {
            push(id, Via::Avoided, a);
        }
    }
    out
}

pub fn show(global: &GlobalArgs, term: &str, format: ReportFormat) -> Result<Outcome> {
    let g = load_glossary(global)?;
    let found = lookup(&g, term);
    if found.is_empty() {
        eprintln!("tolk: no glossary entry for `{term}`");
        return Ok(Outcome::Findings);
    }
    with_output(None, |out| {
        match format {
            ReportFormat::Json => {
                let matches: Vec<JsonMatch> = found
                    .iter()
                    .map(|(id, via, s)| JsonMatch {
                        via: *via,
                        spelling: s,
                        entry: JsonEntry::new(&g, *id),
                        overrides: overridden_by(&g, *id)
                            .into_iter()
                            .map(|o| {
                                let e = g.entry(o);
                                JsonRef {
                                    file: &e.location.file,
                                    line: e.location.line,
                                    nl: &e.nl,
                                    en: &e.en,
                                }
                            })
                            .collect(),
                    })
                    .collect();
                serde_json::to_writer_pretty(
                    &mut *out,
                    &serde_json::json!({
                        "query": term,
                        "matches": matches,
                    }),
                )?;
                writeln!(out)?;
            }
            ReportFormat::Text => {
                for (k, (id, via, s)) in found.iter().enumerate() {
                    if k > 0 {
                        writeln!(out)?;
                    }
                    let e = g.entry(*id);
                    let how = match via {
                        Via::Dutch if *s == e.nl => String::new(),
                        Via::Dutch => format!("`{term}`: variant of `{}`\n", e.nl),
                        Via::Inflected => format!("`{term}`: inflected form of `{s}`\n"),
                        Via::English => String::new(),
                        Via::Avoided => {
                            format!("`{term}`: an English spelling to avoid, for `{}`\n", e.nl)
                        }
                    };
                    write!(out, "{how}")?;
                    writeln!(out, "{}: {} → {}", e.location, e.nl, e.en)?;
                    let mut facts = vec![format!("kind: {}", e.kind)];
                    if let Some(o) = e.origin {
                        facts.push(format!("origin: {}", o.as_str()));
                    }
                    if e.shipped {
                        facts.push("shipped".into());
                    }
                    writeln!(out, "  {}", facts.join(", "))?;
                    if !e.variants.is_empty() {
                        writeln!(out, "  variants: {}", e.variants.join(", "))?;
                    }
                    let avoid = g.effective_avoid(*id);
                    if !avoid.is_empty() {
                        writeln!(out, "  avoid: {}", avoid.join(", "))?;
                    }
                    if !e.note.is_empty() {
                        writeln!(out, "  note: {}", e.note)?;
                    }
                    for o in overridden_by(&g, *id) {
                        let oe = g.entry(o);
                        writeln!(out, "  overrides {}: {} → {}", oe.location, oe.nl, oe.en)?;
                    }
                }
            }
        }
        Ok(())
    })?;
    Ok(Outcome::Ok)
}

fn pad(s: &str, width: usize) -> String {
    let w = s.width();
    format!("{s}{}", " ".repeat(width.saturating_sub(w)))
}

pub fn list(
    global: &GlobalArgs,
    kind: Option<Kind>,
    grep: Option<&str>,
    format: ListFormat,
) -> Result<Outcome> {
    let g = load_glossary(global)?;
    let needle = grep.map(match_key);
    let selected: Vec<EntryId> = g
        .active_entries()
        .filter(|(_, e)| kind.is_none_or(|k| e.kind == k))
        .filter(|(_, e)| {
            needle.as_ref().is_none_or(|n| {
                e.spellings()
                    .chain([e.en.as_str()])
                    .any(|s| match_key(s).contains(n.as_str()))
            })
        })
        .map(|(id, _)| id)
        .collect();
    with_output(None, |out| {
        match format {
            ListFormat::Json => {
                let v: Vec<JsonEntry> = selected.iter().map(|&id| JsonEntry::new(&g, id)).collect();
                serde_json::to_writer_pretty(&mut *out, &v)?;
                writeln!(out)?;
            }
            ListFormat::Csv => {
                writeln!(out, "{}", tolk::glossary::KNOWN_COLUMNS.join(","))?;
                for &id in &selected {
                    let e = g.entry(id);
                    let mut v = Term::from_entry(e);
                    v.variants = g
                        .rendered_spellings(id)
                        .into_iter()
                        .skip(1)
                        .map(str::to_owned)
                        .collect();
                    v.avoid = g
                        .effective_avoid(id)
                        .into_iter()
                        .map(str::to_owned)
                        .collect();
                    let fields: Vec<String> = v.columns().into_iter().map(|(_, v)| v).collect();
                    writeln!(out, "{}", csv_line(&fields))?;
                }
            }
            ListFormat::Table => {
                let w_nl = selected
                    .iter()
                    .map(|&id| g.entry(id).nl.width())
                    .max()
                    .unwrap_or(0)
                    .max(2);
                let w_en = selected
                    .iter()
                    .map(|&id| g.entry(id).en.width())
                    .max()
                    .unwrap_or(0)
                    .max(2);
                writeln!(
                    out,
                    "{}  {}  {:<8} WHERE",
                    pad("NL", w_nl),
                    pad("EN", w_en),
                    "KIND"
                )?;
                for &id in &selected {
                    let e = g.entry(id);
                    let nl = tolk::render::terminal_safe(&e.nl);
                    let en = tolk::render::terminal_safe(&e.en);
                    writeln!(
                        out,
                        "{}  {}  {:<8} {}",
                        pad(&nl, w_nl),
                        pad(&en, w_en),
                        e.kind.as_str(),
                        e.location
                    )?;
                }
            }
        }
        Ok(())
    })?;
    if selected.is_empty() {
        eprintln!("tolk: no entries");
    }
    Ok(Outcome::Ok)
}
