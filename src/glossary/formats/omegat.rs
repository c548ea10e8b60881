//! OmegaT glossaries: plain UTF-8 (no BOM, LF), tab-separated
//! `source<TAB>target<TAB>comment`, no header.
//!
//! Takes [`Term`]s (export) or text (import); returns the file and what
//! OmegaT cannot carry (`avoid`, `origin`), or one [`Term`] per line. The
//! comment is the note, prefixed with the kind in brackets when the entry
//! has one other than `term` (`[person] Russian president`); import reads
//! that prefix back. Invariant: every line has two or three fields, and no
//! field contains a tab or line break.

use super::flat::{self, Carries, Rules};
use super::text::entries;
use super::{Export, FormatError, Kind, Term};

/// Export `terms` as an OmegaT glossary.
pub(super) fn export(terms: &[Term]) -> Export {
    let mut dropped = Vec::new();
    let carries = Carries {
        kind: true,
        note: true,
    };
    flat::report_columns(terms, "OmegaT", carries, &mut dropped);
    let rules = Rules {
        tool: "OmegaT",
        unique_sources: false,
        max_bytes: None,
    };
    let flattened = terms
        .iter()
        .filter(|t| flat::has_control(t.note.trim()))
        .count();
    if flattened > 0 {
        dropped.push(format!(
            "tabs and line breaks in the note of {}: replaced by spaces (an OmegaT comment is one field)",
            entries(flattened)
        ));
    }
    let mut out = String::new();
    for p in flat::pairs(terms, &rules, &mut dropped) {
        out.push_str(p.source);
        out.push('\t');
        out.push_str(p.target);
        let comment = comment(p.term);
        if !comment.is_empty() {
            out.push('\t');
            out.push_str(&comment);
        }
        out.push('\n');
    }
    Export {
        bytes: out.into_bytes(),
        dropped,
    }
}

/// The comment field: `[kind] note`, either part left out when empty (and
/// the kind when it is the default `term`).
fn comment(term: &Term) -> String {
    let note: String = term
        .note
        .trim()
        .split(|c: char| c.is_control() || super::text::is_line_break(c))
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    match term.kind {
        Some(k) if k != Kind::Term => {
            if note.is_empty() {
                format!("[{k}]")
            } else {
                format!("[{k}] {note}")
            }
        }
        _ => note,
    }
}

/// Read an OmegaT tab-separated glossary: two or three fields per line
/// (further fields ignored); empty lines and lines starting with `#` are
/// skipped.
pub(super) fn import(text: &str) -> Result<Vec<Term>, FormatError> {
    flat::read_tsv(text, true)
        .iter()
        .map(|rec| {
            let mut term = flat::pair_of(rec, 0, 1, "OmegaT")?;
            if let Some(c) = rec.fields.get(2) {
                let (kind, note) = split_comment(c.trim());
                term.kind = kind;
                term.note = note.to_owned();
            }
            Ok(term)
        })
        .collect()
}

/// `[person] note` → (`person`, `note`); a comment without a known kind in
/// brackets is all note.
fn split_comment(c: &str) -> (Option<Kind>, &str) {
    if let Some(rest) = c.strip_prefix('[')
        && let Some((kind, note)) = rest.split_once(']')
        && !kind.trim().is_empty()
        && let Some(k) = Kind::parse(kind)
    {
        return (Some(k), note.trim());
    }
    (None, c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_omegat_comment_round_trip() {
        assert_eq!(
            split_comment("[person] Russian president"),
            (Some(Kind::Person), "Russian president")
        );
        assert_eq!(split_comment("[org]"), (Some(Kind::Org), ""));
        assert_eq!(split_comment("[sic] quoted"), (None, "[sic] quoted"));
        assert_eq!(split_comment("[] x"), (None, "[] x"));
        let t = Term {
            kind: Some(Kind::Place),
            note: "a\tb\nc".into(),
            ..Term::default()
        };
        assert_eq!(comment(&t), "[place] a b c");
    }
}
