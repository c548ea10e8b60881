//! DeepL glossaries: CSV, no header, `source,target`.
//!
//! Takes [`Term`]s; returns the CSV and what DeepL cannot carry (`avoid`,
//! `kind`, `origin`, `note`) or would reject. Invariant: the output obeys
//! DeepL's rules — no duplicate sources (case-sensitive, after trimming),
//! no empty side, no control characters or line breaks, no leading or
//! trailing whitespace, at most [`MAX_TERM_BYTES`] UTF-8 bytes per term.
//! Import is shared with Google (see `flat::import_pairs`).

use super::flat::{self, Carries, Rules};
use super::{Export, Term};

/// DeepL's limit on the length of one term, in UTF-8 bytes.
pub(super) const MAX_TERM_BYTES: usize = 1024;

/// Export `terms` as a DeepL glossary.
pub(super) fn export(terms: &[Term]) -> Export {
    let mut dropped = Vec::new();
    flat::report_columns(terms, "DeepL", Carries::default(), &mut dropped);
    let rules = Rules {
        tool: "DeepL",
        unique_sources: true,
        max_bytes: Some(MAX_TERM_BYTES),
    };
    let rows = flat::pairs(terms, &rules, &mut dropped);
    let bytes = flat::write_csv(None, rows.iter().map(|p| [p.source, p.target]));
    Export { bytes, dropped }
}
