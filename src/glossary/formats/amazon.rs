//! Amazon Translate custom terminology: CSV with a header of language codes
//! (`nl,en`), the first column the source.
//!
//! Takes [`Term`]s (export) or text (import); returns the CSV and what
//! Amazon cannot carry, or one [`Term`] per row. Invariant: the header names
//! `nl` then `en`, and there is one target per source.

use super::flat::{self, Carries, Rules};
use super::text::{is_dutch_code, is_english_code};
use super::{Export, FormatError, Term};

/// Export `terms` as Amazon custom terminology.
pub(super) fn export(terms: &[Term]) -> Export {
    let mut dropped = Vec::new();
    flat::report_columns(terms, "Amazon", Carries::default(), &mut dropped);
    let rules = Rules {
        tool: "Amazon",
        unique_sources: true,
        max_bytes: None,
    };
    let rows = flat::pairs(terms, &rules, &mut dropped);
    let bytes = flat::write_csv(
        Some(["nl", "en"]),
        rows.iter().map(|p| [p.source, p.target]),
    );
    Export { bytes, dropped }
}

/// Read Amazon custom terminology (CSV or TSV). The header's first column
/// must be Dutch (`nl`, `nl-NL`…); the English column is the one whose code
/// is `en`, `en-GB`, `en-US`…; other columns are ignored.
pub(super) fn import(text: &str) -> Result<Vec<Term>, FormatError> {
    let records = flat::read_records(text)?;
    let Some((header, rows)) = records.split_first() else {
        return Err(FormatError::Parse {
            line: 1,
            message: "empty file: Amazon terminology starts with a header of language codes such as `nl,en`".into(),
        });
    };
    let err = |message: String| FormatError::Parse {
        line: header.line,
        message,
    };
    let codes: Vec<&str> = header.fields.iter().map(|f| f.trim()).collect();
    if !is_dutch_code(codes[0]) {
        return Err(err(format!(
            "the first column (the source) must be Dutch, e.g. `nl`; found `{}` (header `{}`)",
            codes[0],
            codes.join(",")
        )));
    }
    let Some(en) = codes.iter().position(|c| is_english_code(c)) else {
        return Err(err(format!(
            "no English column: the header must name one `en` (or `en-GB`, `en-US`…); found `{}`",
            codes.join(",")
        )));
    };
    rows.iter()
        .map(|rec| flat::pair_of(rec, 0, en, "Amazon"))
        .collect()
}
