//! Glossary types: entries, kinds, origins and the problems found on loading.
//!
//! Plain data, no behaviour beyond parsing the closed vocabularies of the
//! `kind` and `origin` columns. Invariant: an [`Entry`] only exists for a row
//! that passed validation, so `nl` and `en` are never empty.

use serde::Serialize;
use std::fmt;
use std::sync::Arc;

/// What an entry names. Genitives (*Poetins* → *Putin's*) are recognised only
/// for persons, places and organisations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Person,
    Place,
    Org,
    Adj,
    Demonym,
    Term,
    Other,
}

impl Kind {
    pub const ALL: [Kind; 7] = [
        Kind::Person,
        Kind::Place,
        Kind::Org,
        Kind::Adj,
        Kind::Demonym,
        Kind::Term,
        Kind::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Place => "place",
            Kind::Org => "org",
            Kind::Adj => "adj",
            Kind::Demonym => "demonym",
            Kind::Term => "term",
            Kind::Other => "other",
        }
    }

    /// Parse a `kind` cell; an empty cell is `term`.
    pub fn parse(s: &str) -> Option<Kind> {
        let s = s.trim();
        if s.is_empty() {
            return Some(Kind::Term);
        }
        Kind::ALL
            .into_iter()
            .find(|k| k.as_str().eq_ignore_ascii_case(s))
    }

    /// Names take the Dutch genitive `-s` / `’s`.
    pub fn takes_genitive(self) -> bool {
        matches!(self, Kind::Person | Kind::Place | Kind::Org)
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The origin of a Slavic name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    Ru,
    Uk,
    Other,
}

impl Origin {
    pub fn as_str(self) -> &'static str {
        match self {
            Origin::Ru => "ru",
            Origin::Uk => "uk",
            Origin::Other => "other",
        }
    }

    /// Parse an `origin` cell: `Ok(None)` when empty, `Err(())` when unknown.
    #[allow(clippy::result_unit_err)]
    pub fn parse(s: &str) -> Result<Option<Origin>, ()> {
        match s.trim().to_ascii_lowercase().as_str() {
            "" => Ok(None),
            "ru" => Ok(Some(Origin::Ru)),
            "uk" => Ok(Some(Origin::Uk)),
            "other" => Ok(Some(Origin::Other)),
            _ => Err(()),
        }
    }
}

/// Index of an entry in [`crate::Glossary::entries`].
pub type EntryId = usize;

/// Where a row lives: the file as the user named it (or `glossary/NAME.csv`
/// for a shipped one) and its 1-based line.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Location {
    pub file: Arc<str>,
    pub line: usize,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// One glossary row, validated and normalized (NFC, trimmed).
#[derive(Debug, Clone)]
pub struct Entry {
    pub nl: String,
    pub en: String,
    pub kind: Kind,
    pub variants: Vec<String>,
    pub avoid: Vec<String>,
    pub origin: Option<Origin>,
    pub note: String,
    /// Index of the file in load order (0 = first loaded).
    pub file_index: usize,
    pub shipped: bool,
    pub location: Location,
    /// 1-based CSV field numbers of the `nl` and `variants` columns, for
    /// problems that point at a spelling.
    pub nl_column: usize,
    pub variants_column: Option<usize>,
    /// The entry of a later file that overrides this one, if any.
    pub overridden_by: Option<EntryId>,
    /// Not read from a glossary file: a rendering proposed by
    /// transliteration for a name no glossary knows.
    pub proposed: Option<Proposed>,
}

/// A rendering proposed by transliteration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Proposed {
    /// Confidence in percent (0 to 100).
    pub confidence_percent: u8,
    pub origin: Origin,
}

impl Proposed {
    /// Confidence from 0 to 1.
    pub fn confidence(self) -> f32 {
        f32::from(self.confidence_percent) / 100.0
    }
}

impl Entry {
    /// The Dutch spellings of this row: `nl` first, then the variants.
    pub fn spellings(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.nl.as_str()).chain(self.variants.iter().map(String::as_str))
    }
}

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// A problem found while loading a glossary, with file, line and column
/// (the 1-based CSV field number) where there is one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub severity: Severity,
    pub file: Arc<str>,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(col) = self.column {
                write!(f, ":{col}")?;
            }
        }
        write!(f, ": {}: {}", self.severity, self.message)
    }
}

/// The glossary could not be loaded: every error found (and the warnings
/// seen on the way), in file and line order.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{}", render_problems(.problems))]
pub struct LoadError {
    pub problems: Vec<Problem>,
}

impl LoadError {
    pub fn errors(&self) -> impl Iterator<Item = &Problem> {
        self.problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
    }
}

/// The header and every problem (errors and the warnings met on the way),
/// one indented line each.
fn render_problems(problems: &[Problem]) -> String {
    let n = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    let mut out = format!(
        "invalid glossary ({n} error{}):",
        if n == 1 { "" } else { "s" }
    );
    for p in problems {
        out.push_str("\n  ");
        out.push_str(&p.to_string());
    }
    out
}
