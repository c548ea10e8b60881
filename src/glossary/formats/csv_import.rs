//! Spreadsheet CSV (import only): what Excel, LibreOffice and Google Sheets
//! write, with a header naming the columns.
//!
//! Takes decoded text (see `text::decode` for UTF-8 with or without BOM,
//! UTF-16 with BOM and Windows-1252); returns one [`Term`] per data row. The
//! separator is `,`, `;` or tab, whichever occurs most in the header line
//! outside quotes (`,` on a tie). Header names are matched case-insensitively:
//! tolk's own (`nl`, `en`, `kind`, `variants`, `avoid`, `origin`, `note`) and
//! the common aliases in [`ALIASES`]; unknown columns are ignored. Rows whose
//! first field starts with `#` (tolk's comments) and blank rows are skipped.
//! Invariant: without an `nl` and an `en` column there is no import, but a
//! [`FormatError::Parse`] at the header's line.

use super::flat::{self, Record};
use super::text::split_list;
use super::{FormatError, Kind, Origin, Term};

/// Header names accepted for each of tolk's columns, lowercase, with `_`
/// read as `-`.
pub(super) const ALIASES: [(&str, &[&str]); 7] = [
    (
        "nl",
        &["nl", "dutch", "nederlands", "source", "nl-nl", "nl-be"],
    ),
    (
        "en",
        &["en", "english", "engels", "target", "en-gb", "en-us"],
    ),
    ("kind", &["kind", "type", "soort"]),
    ("variants", &["variants", "variant", "varianten"]),
    ("avoid", &["avoid", "forbidden", "vermijden"]),
    ("origin", &["origin", "herkomst"]),
    (
        "note",
        &["note", "notes", "comment", "comments", "opmerking"],
    ),
];

/// Read a spreadsheet's CSV.
pub(super) fn import(text: &str) -> Result<Vec<Term>, FormatError> {
    let delimiter = detect_delimiter(text);
    let records = flat::read_csv(text, delimiter)?;
    let mut records = records.into_iter().filter(|r| !is_comment(r));
    let Some(header) = records.next() else {
        return Err(FormatError::Parse {
            line: 1,
            message: "no header: the first row must name the columns, e.g. `nl,en,note`".into(),
        });
    };
    let cols = columns(&header, delimiter as char)?;
    records.map(|r| term(&r, &cols)).collect()
}

fn is_comment(r: &Record) -> bool {
    r.fields
        .first()
        .is_some_and(|f| f.trim_start().starts_with('#'))
}

/// The separator of the header line: the most frequent of `,` `;` and tab
/// outside quotes.
fn detect_delimiter(text: &str) -> u8 {
    let header = text
        .lines()
        .find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .unwrap_or("");
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in header.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let seps = [b',', b';', b'\t'];
    let mut best = 0;
    for i in 1..3 {
        if counts[i] > counts[best] {
            best = i;
        }
    }
    seps[best]
}

/// Field index of each of tolk's columns, in [`ALIASES`] order.
type Columns = [Option<usize>; 7];

fn columns(header: &Record, delimiter: char) -> Result<Columns, FormatError> {
    let err = |message: String| FormatError::Parse {
        line: header.line,
        message,
    };
    let mut cols: Columns = [None; 7];
    for (i, name) in header.fields.iter().enumerate() {
        let name = name.trim().to_lowercase().replace('_', "-");
        let Some(k) = ALIASES
            .iter()
            .position(|(_, names)| names.contains(&name.as_str()))
        else {
            continue; // unknown columns are ignored
        };
        if let Some(first) = cols[k] {
            return Err(err(format!(
                "columns {} and {} both name `{}`",
                first + 1,
                i + 1,
                ALIASES[k].0
            )));
        }
        cols[k] = Some(i);
    }
    for k in 0..2 {
        if cols[k].is_none() {
            let (col, names) = ALIASES[k];
            return Err(err(format!(
                "missing `{col}` column: the header must name the Dutch and English columns (`{col}` may also be called {}); found `{}`",
                names[1..].join(", "),
                header.fields.join(&delimiter.to_string())
            )));
        }
    }
    Ok(cols)
}

fn term(r: &Record, cols: &Columns) -> Result<Term, FormatError> {
    let cell = |k: usize| {
        cols[k]
            .and_then(|i| r.fields.get(i))
            .map_or("", |s| s.trim())
    };
    let err = |message: String| FormatError::Parse {
        line: r.line,
        message,
    };
    let (nl, en) = (cell(0), cell(1));
    if nl.is_empty() || en.is_empty() {
        let col = if nl.is_empty() { "nl" } else { "en" };
        return Err(err(format!(
            "empty `{col}`: every row needs a Dutch and an English term"
        )));
    }
    let kind = match cell(2) {
        "" => None,
        k => Some(Kind::parse(k).ok_or_else(|| {
            err(format!(
                "unknown kind `{k}` (expected one of: {})",
                Kind::ALL.map(Kind::as_str).join(", ")
            ))
        })?),
    };
    let origin = Origin::parse(cell(5)).map_err(|()| {
        err(format!(
            "unknown origin `{}` (expected ru, uk or other)",
            cell(5)
        ))
    })?;
    Ok(Term {
        nl: nl.to_owned(),
        en: en.to_owned(),
        kind,
        variants: split_list(cell(3)),
        avoid: split_list(cell(4)),
        origin,
        note: cell(6).to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_csv_delimiter_detection() {
        assert_eq!(detect_delimiter("nl;en;note\na,b;c"), b';');
        assert_eq!(detect_delimiter("\"a;b\",en\n"), b',');
        assert_eq!(detect_delimiter("# c;;;\nnl\ten\n"), b'\t');
        assert_eq!(detect_delimiter("nl\n"), b',');
    }

    #[test]
    fn formats_csv_tolk_file_with_comments() {
        let t = import("# shipped\nNL,En,Kind,Variants,Avoid,Origin,Note,extra\n# c\n\"Kiev\",Kyiv,place,Kyjiv| Kiew ,Kiev,uk,\"capital, 2022\",x\n").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            t,
            [Term {
                nl: "Kiev".into(),
                en: "Kyiv".into(),
                kind: Some(Kind::Place),
                variants: vec!["Kyjiv".into(), "Kiew".into()],
                avoid: vec!["Kiev".into()],
                origin: Some(Origin::Uk),
                note: "capital, 2022".into(),
            }]
        );
    }

    #[test]
    fn formats_csv_row_errors_have_lines() {
        let e = import("nl,en,kind\na,b,\nc,d,planet\n").unwrap_err();
        assert!(
            matches!(e, FormatError::Parse { line: 3, ref message } if message.contains("planet"))
        );
        let e = import("nl,en\na,\n").unwrap_err();
        assert!(matches!(e, FormatError::Parse { line: 2, .. }));
        let e = import("nl,source,en\n").unwrap_err();
        assert!(
            matches!(e, FormatError::Parse { line: 1, ref message } if message.contains("both"))
        );
    }
}
