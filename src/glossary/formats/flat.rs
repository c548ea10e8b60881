//! What the flat two-column formats (DeepL, Google, Amazon, OmegaT) share:
//! terms to `source → target` rows under a tool's rules, the report of the
//! columns a tool cannot carry, CSV writing, and reading rows back.
//!
//! Takes [`Term`]s (export) or decoded text (import); returns rows and
//! `dropped` messages, or one [`Term`] per row. Invariant: a row that breaks
//! the tool's rules is never written, and every row skipped is named in
//! `dropped`.

use super::text::{entries, is_dutch_code, is_english_code, is_line_break, line_at, show};
use super::{FormatError, Term};
use std::collections::{HashMap, HashSet};

/// The rules of one tool for its rows.
pub(super) struct Rules {
    /// The tool's name in messages (`DeepL`).
    pub tool: &'static str,
    /// At most one target per source: later rows with a source already
    /// written are skipped. When false, only exact duplicate rows are.
    pub unique_sources: bool,
    /// The most UTF-8 bytes a term may have.
    pub max_bytes: Option<usize>,
}

/// One exported row.
pub(super) struct Pair<'a> {
    pub source: &'a str,
    pub target: &'a str,
    /// The term the row comes from.
    pub term: &'a Term,
}

/// The rows for `terms`: each Dutch spelling (`nl`, then the variants) with
/// the entry's `en`, trimmed, minus the rows `rules` reject (each reported
/// in `dropped`).
pub(super) fn pairs<'a>(
    terms: &'a [Term],
    rules: &Rules,
    dropped: &mut Vec<String>,
) -> Vec<Pair<'a>> {
    let tool = rules.tool;
    let mut out = Vec::new();
    // source → the target of the first row written for it
    let mut first_target: HashMap<&str, &str> = HashMap::new();
    let mut rows_seen: HashSet<(&str, &str)> = HashSet::new();
    for term in terms {
        let target = term.en.trim();
        for spelling in std::iter::once(&term.nl).chain(&term.variants) {
            let source = spelling.trim();
            let row = format!("`{}` → `{}`", show(source), show(target));
            if source.is_empty() || target.is_empty() {
                let side = if source.is_empty() {
                    "source"
                } else {
                    "target"
                };
                dropped.push(format!(
                    "skipped {row}: empty {side} ({tool} needs both sides)"
                ));
                continue;
            }
            if has_control(source) || has_control(target) {
                dropped.push(format!(
                    "skipped {row}: control character or line break ({tool} does not accept them)"
                ));
                continue;
            }
            if let Some(max) = rules.max_bytes {
                let too_long = [source, target].into_iter().find(|s| s.len() > max);
                if let Some(long) = too_long {
                    dropped.push(format!(
                        "skipped {row}: a term of {} bytes ({tool} accepts at most {max} UTF-8 bytes per term)",
                        long.len()
                    ));
                    continue;
                }
            }
            if !rows_seen.insert((source, target)) {
                if rules.unique_sources {
                    dropped.push(format!(
                        "skipped {row}: duplicate source, the same row is already written"
                    ));
                }
                // Without the unique-source rule an identical row is simply
                // not repeated: nothing is lost.
                continue;
            }
            match first_target.get(source) {
                Some(kept) if rules.unique_sources => {
                    dropped.push(format!(
                        "skipped {row}: duplicate source ({tool} accepts one target per source; kept → `{}`)",
                        show(kept)
                    ));
                    rows_seen.remove(&(source, target));
                    continue;
                }
                Some(_) => {}
                None => {
                    first_target.insert(source, target);
                }
            }
            out.push(Pair {
                source,
                target,
                term,
            });
        }
    }
    out
}

/// A control character (tab, CR, LF, C0, DEL, C1) or a Unicode line break.
pub(super) fn has_control(s: &str) -> bool {
    s.chars().any(|c| c.is_control() || is_line_break(c))
}

/// Which columns a flat export carries besides `nl`, `en` and the variants.
#[derive(Clone, Copy, Default)]
pub(super) struct Carries {
    pub kind: bool,
    pub note: bool,
}

/// Report the columns `tool` cannot carry, one message per column with the
/// number of entries that had a value in it.
pub(super) fn report_columns(
    terms: &[Term],
    tool: &str,
    carries: Carries,
    dropped: &mut Vec<String>,
) {
    let with_variants = terms.iter().filter(|t| !t.variants.is_empty()).count();
    if with_variants > 0 {
        let rows: usize = terms.iter().map(|t| t.variants.len()).sum();
        dropped.push(format!(
            "variants of {}: written as {rows} extra row{} ({tool} has no variants; importing gives separate entries)",
            entries(with_variants),
            if rows == 1 { "" } else { "s" }
        ));
    }
    let avoid: Vec<_> = terms.iter().filter(|t| !t.avoid.is_empty()).collect();
    if !avoid.is_empty() {
        let spellings: usize = avoid.iter().map(|t| t.avoid.len()).sum();
        dropped.push(format!(
            "avoid ({spellings} forbidden English spelling{}) of {}: {tool} has no forbidden terms (only TBX carries them)",
            if spellings == 1 { "" } else { "s" },
            entries(avoid.len())
        ));
    }
    let kinds = terms.iter().filter(|t| t.kind.is_some()).count();
    if !carries.kind && kinds > 0 {
        dropped.push(format!(
            "kind of {}: {tool} has no term types",
            entries(kinds)
        ));
    }
    let origins = terms.iter().filter(|t| t.origin.is_some()).count();
    if origins > 0 {
        dropped.push(format!(
            "origin of {}: {tool} has no field for it",
            entries(origins)
        ));
    }
    let notes = terms.iter().filter(|t| !t.note.trim().is_empty()).count();
    if !carries.note && notes > 0 {
        dropped.push(format!("note of {}: {tool} has no notes", entries(notes)));
    }
}

/// Write rows as CSV (RFC 4180 quoting, LF line ends).
pub(super) fn write_csv<'a>(
    header: Option<[&str; 2]>,
    rows: impl IntoIterator<Item = [&'a str; 2]>,
) -> Vec<u8> {
    let mut w = csv::WriterBuilder::new()
        .has_headers(false)
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    // Writing to a Vec cannot fail.
    if let Some(h) = header {
        w.write_record(h).expect("write to memory");
    }
    for row in rows {
        w.write_record(row).expect("write to memory");
    }
    w.into_inner().expect("flush to memory")
}

/// One record read from a flat file: its 1-based line and its fields.
pub(super) struct Record {
    pub line: usize,
    pub fields: Vec<String>,
}

/// Read CSV, or TSV when the first non-empty line has a tab (TSV has no
/// quoting). Empty lines are left out.
pub(super) fn read_records(text: &str) -> Result<Vec<Record>, FormatError> {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    if first.contains('\t') {
        return Ok(read_tsv(text, false));
    }
    read_csv(text, b',')
}

/// Tab-separated lines, no quoting; empty lines (and, with `comments`, lines
/// starting with `#`) left out.
pub(super) fn read_tsv(text: &str, comments: bool) -> Vec<Record> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !(l.trim().is_empty() || comments && l.starts_with('#')))
        .map(|(i, l)| Record {
            line: i + 1,
            fields: l.split('\t').map(str::to_owned).collect(),
        })
        .collect()
}

/// CSV records with `delimiter`; records whose fields are all blank are left
/// out.
pub(super) fn read_csv(text: &str, delimiter: u8) -> Result<Vec<Record>, FormatError> {
    // The csv reader takes an unclosed quote to run to the end of the file.
    if let Some(at) = unclosed_quote(text, delimiter) {
        return Err(FormatError::Parse {
            line: line_at(text, at),
            message: "a quoted field is never closed (a missing `\"`)".into(),
        });
    }
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut out = Vec::new();
    for rec in r.records() {
        let rec = rec.map_err(|e| FormatError::Parse {
            line: line_of(text, e.position()),
            message: format!("invalid CSV: {e}"),
        })?;
        let line = line_of(text, rec.position());
        if rec.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        out.push(Record {
            line,
            fields: rec.iter().map(str::to_owned).collect(),
        });
    }
    Ok(out)
}

/// The 1-based line where a record starts. The csv crate's own line count
/// (and byte offset) point before the blank lines it skips, so skip them here.
fn line_of(text: &str, pos: Option<&csv::Position>) -> usize {
    let mut at = pos.map_or(0, |p| p.byte() as usize);
    while matches!(text.as_bytes().get(at), Some(b'\r' | b'\n')) {
        at += 1;
    }
    line_at(text, at)
}

/// The `nl` and `en` of a record's first two fields, trimmed; an error when
/// there are fewer than two or one is empty.
pub(super) fn pair_of(
    rec: &Record,
    source: usize,
    target: usize,
    tool: &str,
) -> Result<Term, FormatError> {
    let err = |message: String| FormatError::Parse {
        line: rec.line,
        message,
    };
    let need = source.max(target) + 1;
    if rec.fields.len() < need {
        return Err(err(format!(
            "{} field{}, a {tool} glossary row needs at least {need}",
            rec.fields.len(),
            if rec.fields.len() == 1 { "" } else { "s" }
        )));
    }
    let nl = rec.fields[source].trim();
    let en = rec.fields[target].trim();
    if nl.is_empty() || en.is_empty() {
        let side = if nl.is_empty() {
            "source (Dutch)"
        } else {
            "target (English)"
        };
        return Err(err(format!("empty {side} term")));
    }
    Ok(Term {
        nl: nl.to_owned(),
        en: en.to_owned(),
        ..Term::default()
    })
}

/// Read a headerless two-column glossary (DeepL, Google): CSV or TSV, two or
/// more fields per row, fields after the second (language codes) ignored. A
/// first row that is only language codes (`nl,en`) is taken as a header and
/// skipped.
pub(super) fn import_pairs(text: &str, tool: &str) -> Result<Vec<Term>, FormatError> {
    let records = read_records(text)?;
    let mut out = Vec::with_capacity(records.len());
    for (i, rec) in records.iter().enumerate() {
        if i == 0
            && rec.fields.len() >= 2
            && is_dutch_code(&rec.fields[0])
            && is_english_code(&rec.fields[1])
        {
            continue;
        }
        out.push(pair_of(rec, 0, 1, tool)?);
    }
    Ok(out)
}

/// The byte offset of a quote that opens a field and is never closed.
fn unclosed_quote(text: &str, delimiter: u8) -> Option<usize> {
    let b = text.as_bytes();
    let mut i = 0;
    let mut field_start = true;
    while i < b.len() {
        let c = b[i];
        if field_start && c == b'"' {
            let open = i;
            i += 1;
            loop {
                match b.get(i) {
                    None => return Some(open),
                    Some(b'"') if b.get(i + 1) == Some(&b'"') => i += 2,
                    Some(b'"') => break,
                    Some(_) => i += 1,
                }
            }
            field_start = false;
        } else {
            field_start = c == delimiter || c == b'\n' || c == b'\r';
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term(nl: &str, en: &str) -> Term {
        Term {
            nl: nl.into(),
            en: en.into(),
            ..Term::default()
        }
    }

    #[test]
    fn formats_pairs_keep_identical_rows_once_without_unique_rule() {
        let terms = [
            term("Kiev", "Kyiv"),
            term("Kiev", "Kyiv"),
            term("Kiev", "Kiev"),
        ];
        let rules = Rules {
            tool: "OmegaT",
            unique_sources: false,
            max_bytes: None,
        };
        let mut dropped = Vec::new();
        let rows = pairs(&terms, &rules, &mut dropped);
        let got: Vec<_> = rows.iter().map(|p| (p.source, p.target)).collect();
        assert_eq!(got, [("Kiev", "Kyiv"), ("Kiev", "Kiev")]);
        assert!(dropped.is_empty());
    }

    #[test]
    fn formats_tsv_detection_and_header_skip() {
        let t = import_pairs("nl\ten\nWitte Huis, het\tWhite House\n\n", "DeepL").unwrap();
        assert_eq!(t, [term("Witte Huis, het", "White House")]);
        let t = import_pairs("\"a \"\"b\"\"\",c,nl,en\n", "DeepL").unwrap();
        assert_eq!(t, [term("a \"b\"", "c")]);
    }

    #[test]
    fn formats_csv_lines_count_blank_lines() {
        let recs = read_csv("a\n\nb\r\n\r\nc\n\"x\ny\"\nz\n", b',').unwrap();
        let lines: Vec<_> = recs.iter().map(|r| r.line).collect();
        assert_eq!(lines, [1, 3, 5, 6, 8]);
    }
}
