//! Google Cloud Translation unidirectional glossaries: CSV, no header (the
//! first row is data), `source,target`.
//!
//! Takes [`Term`]s; returns the CSV and what Google cannot carry (`avoid`,
//! `kind`, `origin`, `note`) or would reject. Invariant: no header row, one
//! target per source, no empty side, no control characters. Import is
//! shared with DeepL (see `flat::import_pairs`).

use super::flat::{self, Carries, Rules};
use super::{Export, Term};

/// Export `terms` as a Google unidirectional glossary.
pub(super) fn export(terms: &[Term]) -> Export {
    let mut dropped = Vec::new();
    flat::report_columns(terms, "Google", Carries::default(), &mut dropped);
    let rules = Rules {
        tool: "Google",
        unique_sources: true,
        max_bytes: None,
    };
    let rows = flat::pairs(terms, &rules, &mut dropped);
    let bytes = flat::write_csv(None, rows.iter().map(|p| [p.source, p.target]));
    Export { bytes, dropped }
}
