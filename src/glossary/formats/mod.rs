//! Glossary exchange formats of other tools: export tolk entries to DeepL,
//! Google, Amazon, OmegaT, TBX 2 (martif), TBX v3 Basic and JSON; import
//! them (and spreadsheet CSV) back.
//!
//! Takes [`Term`]s (a format-neutral copy of a glossary row); returns bytes
//! and the list of what the target format could not carry. Invariant: an
//! export either carries a piece of information or names it in `dropped`;
//! importing an export of a lossless format gives the same terms back.
//!
//! # What each export carries
//!
//! | format | rows / entries | dropped (named in [`Export::dropped`]) |
//! |---|---|---|
//! | DeepL | CSV, no header, one `source,target` row per Dutch spelling | `avoid`, `kind`, `origin`, `note`; rows breaking DeepL's rules |
//! | Google | the same, no header | `avoid`, `kind`, `origin`, `note`; duplicate sources, empty sides, control characters |
//! | Amazon | the same after a `nl,en` header | as Google |
//! | OmegaT | `source<TAB>target<TAB>[kind] note` | `avoid`, `origin`; exact duplicate rows are written once |
//! | TBX, TBX v3, JSON | one entry per term | nothing (characters XML 1.0 forbids, in TBX) |
//!
//! # TBX mapping
//!
//! One `termEntry` (TBX 2, `id="t1"`…) or `conceptEntry` (v3, `id="c1"`…)
//! per term: `kind` as `<descrip type="subjectField">`, `origin` as
//! `<descrip type="origin">`, `note` as `<note>`, all at entry level; a
//! Dutch `langSet`/`langSec` with `nl` (`preferredTerm-admn-sts`) then each
//! variant (`admittedTerm-admn-sts`); an English one with `en`
//! (`preferredTerm-admn-sts`) then each `avoid` spelling
//! (`deprecatedTerm-admn-sts`), each status a
//! `<termNote type="administrativeStatus">` of its `tig`/`termSec`.

mod amazon;
mod csv_import;
mod deepl;
mod flat;
mod google;
mod json;
mod omegat;
mod tbx;
mod text;

use crate::glossary::{Kind, Origin};
use encoding_rs::Encoding;

/// A glossary row, as exchanged with other tools.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Term {
    /// The Dutch term (the source).
    pub nl: String,
    /// The English rendering (the target).
    pub en: String,
    /// What the term names; `None` when the row leaves it open.
    pub kind: Option<Kind>,
    /// Other Dutch spellings rendered as `en`.
    pub variants: Vec<String>,
    /// English spellings not to use (forbidden targets).
    pub avoid: Vec<String>,
    /// The origin of a Slavic name.
    pub origin: Option<Origin>,
    /// A free-text note; empty when there is none.
    pub note: String,
}

/// The formats tolk exchanges glossaries in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExchangeFormat {
    /// DeepL glossary: CSV, no header, `source,target`.
    Deepl,
    /// Google Cloud Translation unidirectional glossary: CSV, no header.
    Google,
    /// Amazon Translate custom terminology: CSV with a `nl,en` header.
    Amazon,
    /// OmegaT glossary: tab-separated `source<TAB>target<TAB>comment`.
    Omegat,
    /// TBX 2 (martif), as OmegaT and translate-toolkit read it.
    Tbx,
    /// TBX v3, TBX-Basic dialect.
    Tbx3,
    /// tolk's JSON: every column.
    Json,
    /// A spreadsheet's CSV with a header naming the columns (import only).
    Csv,
}

/// The result of an export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Export {
    /// The exported file, ready to write.
    pub bytes: Vec<u8>,
    /// What the format could not carry, one message each (e.g. "avoid
    /// spellings of 12 entries: DeepL has no forbidden terms").
    pub dropped: Vec<String>,
}

/// Why an export or import failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FormatError {
    /// Export to a format that cannot be written (CSV is import-only).
    #[error("{0} is an import format only")]
    ImportOnly(&'static str),
    /// Input that does not parse, with the 1-based line (or record) where it fails.
    #[error("line {line}: {message}")]
    Parse {
        /// 1-based line (or record) where the input fails.
        line: usize,
        /// What is wrong there.
        message: String,
    },
}

impl ExchangeFormat {
    /// The name used on the command line (`deepl`, `tbx3`, …).
    pub fn name(self) -> &'static str {
        match self {
            ExchangeFormat::Deepl => "deepl",
            ExchangeFormat::Google => "google",
            ExchangeFormat::Amazon => "amazon",
            ExchangeFormat::Omegat => "omegat",
            ExchangeFormat::Tbx => "tbx",
            ExchangeFormat::Tbx3 => "tbx3",
            ExchangeFormat::Json => "json",
            ExchangeFormat::Csv => "csv",
        }
    }

    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            ExchangeFormat::Deepl
            | ExchangeFormat::Google
            | ExchangeFormat::Amazon
            | ExchangeFormat::Csv => "csv",
            ExchangeFormat::Omegat => "utf8",
            ExchangeFormat::Tbx | ExchangeFormat::Tbx3 => "tbx",
            ExchangeFormat::Json => "json",
        }
    }

    /// Export then import gives the same [`Term`]s back (TBX 2, TBX v3, JSON).
    pub fn is_lossless(self) -> bool {
        matches!(
            self,
            ExchangeFormat::Tbx | ExchangeFormat::Tbx3 | ExchangeFormat::Json
        )
    }
}

/// Write `terms` in `format`.
///
/// Flat formats (DeepL, Google, Amazon, OmegaT) get one row per Dutch
/// spelling (`nl`, then each variant) and skip rows the tool would reject;
/// everything they cannot carry is named in [`Export::dropped`]. TBX and JSON
/// carry every field. [`ExchangeFormat::Csv`] is import-only and gives
/// [`FormatError::ImportOnly`].
pub fn export(terms: &[Term], format: ExchangeFormat) -> Result<Export, FormatError> {
    match format {
        ExchangeFormat::Deepl => Ok(deepl::export(terms)),
        ExchangeFormat::Google => Ok(google::export(terms)),
        ExchangeFormat::Amazon => Ok(amazon::export(terms)),
        ExchangeFormat::Omegat => Ok(omegat::export(terms)),
        ExchangeFormat::Tbx => Ok(tbx::export(terms, tbx::Version::Tbx2)),
        ExchangeFormat::Tbx3 => Ok(tbx::export(terms, tbx::Version::Tbx3)),
        ExchangeFormat::Json => Ok(json::export(terms)),
        ExchangeFormat::Csv => Err(FormatError::ImportOnly("csv")),
    }
}

/// Read terms from `bytes` in `format`.
///
/// The text encoding is taken from a byte order mark (UTF-8, UTF-16LE/BE)
/// when there is one, else from `encoding` when given, else UTF-8 when the
/// bytes are valid UTF-8, else (TBX) the encoding the XML declaration names,
/// else Windows-1252. Flat formats give one [`Term`] per row (variants come back
/// as separate terms); TBX and JSON give back what [`export`] wrote. The TBX
/// reader accepts both TBX 2 and TBX v3 whichever of the two is asked for.
pub fn import(
    bytes: &[u8],
    format: ExchangeFormat,
    encoding: Option<&'static Encoding>,
) -> Result<Vec<Term>, FormatError> {
    let xml = matches!(format, ExchangeFormat::Tbx | ExchangeFormat::Tbx3);
    let text = text::decode(bytes, encoding, xml)?;
    match format {
        ExchangeFormat::Deepl => flat::import_pairs(&text, "DeepL"),
        ExchangeFormat::Google => flat::import_pairs(&text, "Google"),
        ExchangeFormat::Amazon => amazon::import(&text),
        ExchangeFormat::Omegat => omegat::import(&text),
        ExchangeFormat::Tbx | ExchangeFormat::Tbx3 => tbx::import(&text),
        ExchangeFormat::Json => json::import(&text),
        ExchangeFormat::Csv => csv_import::import(&text),
    }
}
