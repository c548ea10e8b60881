//! Editing a glossary file in place without losing anything.
//!
//! Takes a glossary file's bytes; [`GlossaryDoc`] appends, replaces and
//! removes rows by editing the text of those rows only, so comments, unknown
//! columns, quoting, row order, a byte order mark and the line-ending style
//! survive every edit. Invariant: [`GlossaryDoc::bytes`] of an unedited
//! document equals the bytes it was read from; an edit that would make the
//! file invalid is refused before anything is written.

use super::csv_io::{self, KNOWN_COLUMNS};
use super::entry::{Problem, Severity};
use super::formats::Term;
use std::ops::Range;
use std::sync::Arc;

/// A row's known columns are a [`Term`] (unknown columns are kept separately).
impl Term {
    fn column(&self, name: &str) -> Option<String> {
        Some(match name {
            "nl" => self.nl.clone(),
            "en" => self.en.clone(),
            "kind" => self.kind.map_or(String::new(), |k| k.as_str().to_owned()),
            "variants" => self.variants.join("|"),
            "avoid" => self.avoid.join("|"),
            "origin" => self.origin.map_or(String::new(), |o| o.as_str().to_owned()),
            "note" => self.note.clone(),
            _ => return None,
        })
    }

    /// Every known column with its value (empty where there is none).
    pub fn columns(&self) -> Vec<(String, String)> {
        KNOWN_COLUMNS
            .iter()
            .map(|c| ((*c).to_owned(), self.column(c).unwrap_or_default()))
            .collect()
    }

    /// The values of an entry as loaded.
    pub fn from_entry(e: &super::Entry) -> Term {
        Term {
            nl: e.nl.clone(),
            en: e.en.clone(),
            kind: Some(e.kind),
            variants: e.variants.clone(),
            avoid: e.avoid.clone(),
            origin: e.origin,
            note: e.note.clone(),
        }
    }
}

/// One CSV record of the file: where its text is, and its fields.
#[derive(Debug, Clone)]
pub(super) struct Record {
    /// Byte range of the record's text, without its line ending.
    pub(super) range: Range<usize>,
    pub(super) line: usize,
    pub(super) fields: Vec<String>,
    pub(super) comment: bool,
}

/// A glossary file opened for editing.
#[derive(Debug, Clone)]
pub struct GlossaryDoc {
    pub(super) name: Arc<str>,
    pub(super) bom: bool,
    pub(super) text: String,
    pub(super) newline: &'static str,
    pub(super) header: Option<usize>,
    pub(super) records: Vec<Record>,
    /// (byte, line breaks before it): where [`GlossaryDoc::line_at`] stopped.
    counted: Option<(usize, usize)>,
}

/// An edit was refused; nothing was written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("{0}")]
    Invalid(String),
    #[error("the edit would make the glossary invalid:\n{}", .0.iter().map(|p| format!("  {p}")).collect::<Vec<_>>().join("\n"))]
    WouldBreak(Vec<Problem>),
}

fn detect_newline(text: &str) -> &'static str {
    match text.find(['\n', '\r']) {
        Some(i) if text[i..].starts_with("\r\n") => "\r\n",
        Some(i) if text[i..].starts_with('\r') => "\r",
        _ => "\n",
    }
}

/// One CSV record as text, quoted only where needed.
pub fn csv_line(fields: &[String]) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .quote_style(csv::QuoteStyle::Necessary)
        .from_writer(Vec::new());
    w.write_record(fields).expect("writing to memory");
    let mut s =
        String::from_utf8(w.into_inner().expect("writing to memory")).expect("UTF-8 fields");
    s.pop(); // the terminator
    // A row starting with `#` as written (after spaces or tabs) is a
    // comment: quote a first field that starts with it (*#MeToo*).
    if s.trim_start_matches([' ', '\t']).starts_with('#') {
        let first = fields.first().map_or("", String::as_str);
        let quoted = format!("\"{}\"", first.replace('"', "\"\""));
        s = format!("{quoted}{}", &s[first.len()..]);
    }
    s
}

/// The header tolk writes in a new glossary.
pub fn new_file_text() -> String {
    format!("{}\n", KNOWN_COLUMNS.join(","))
}

impl GlossaryDoc {
    /// Read a glossary file's bytes; fails (with every problem) when the
    /// file is not a valid glossary, since an edit must start from one.
    pub fn parse(name: &str, bytes: &[u8]) -> Result<GlossaryDoc, EditError> {
        let parsed = csv_io::parse(Arc::from(name), bytes, false, 0, csv_io::Keep::Rows);
        let errors: Vec<Problem> = parsed
            .problems
            .into_iter()
            .filter(|p| p.severity == Severity::Error)
            .collect();
        if !errors.is_empty() {
            return Err(EditError::WouldBreak(errors));
        }
        let file = parsed.file.expect("a file without errors was read");
        let (bom, body) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
            Some(rest) => (true, rest),
            None => (false, bytes),
        };
        let text = String::from_utf8(body.to_vec()).expect("checked by the parser");
        let mut records = Vec::new();
        let mut header = None;
        // Every record's text runs from its offset to the next record's,
        // less line endings and blank lines.
        let mut starts: Vec<(usize, usize, Vec<String>, bool, bool)> = file
            .rows
            .iter()
            .map(|r| (r.byte as usize, r.line, r.fields.clone(), r.comment, false))
            .collect();
        // The header is not among the rows: find it by its line.
        let header_byte = nth_line_start(&text, file.header_line);
        starts.push((
            header_byte,
            file.header_line,
            file.headers.clone(),
            false,
            true,
        ));
        starts.sort_by_key(|s| s.0);
        for (k, (start, line, fields, comment, is_header)) in starts.iter().enumerate() {
            // Skip blank lines the reader passed over before the record.
            let start = *start
                + text[*start..]
                    .bytes()
                    .take_while(|b| matches!(b, b'\r' | b'\n'))
                    .count();
            let next = starts.get(k + 1).map_or(text.len(), |s| s.0);
            let end = start + text[start..next].trim_end_matches(['\r', '\n']).len();
            if *is_header {
                header = Some(records.len());
            }
            records.push(Record {
                range: start..end,
                line: *line,
                fields: fields.clone(),
                comment: *comment,
            });
        }
        Ok(GlossaryDoc {
            name: Arc::from(name),
            bom,
            newline: detect_newline(&text),
            text,
            header,
            records,
            counted: None,
        })
    }

    /// The file's bytes (with its byte order mark, if it had one).
    pub fn bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.text.len() + 3);
        if self.bom {
            out.extend_from_slice(b"\xEF\xBB\xBF");
        }
        out.extend_from_slice(self.text.as_bytes());
        out
    }

    pub fn headers(&self) -> &[String] {
        &self.records[self.header.expect("a parsed glossary has a header")].fields
    }

    fn column_index(&self, name: &str) -> Option<usize> {
        self.headers()
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(name))
    }

    /// The index of the data row at `line`.
    fn record_at(&self, line: usize) -> Option<usize> {
        (0..self.records.len()).find(|&k| {
            self.records[k].line == line && !self.records[k].comment && Some(k) != self.header
        })
    }

    /// The raw fields of the row at `line`.
    pub fn row_fields(&self, line: usize) -> Option<&[String]> {
        self.record_at(line)
            .map(|k| self.records[k].fields.as_slice())
    }

    /// Add the columns that `cols` gives a value for and the header lacks,
    /// at the end of every row (comments excepted).
    fn ensure_columns(&mut self, cols: &[(String, String)]) {
        for (name, value) in cols {
            if value.is_empty() || self.column_index(name).is_some() {
                continue;
            }
            let header = self.header.expect("header");
            // Edit from the end so earlier ranges stay valid.
            let mut order: Vec<usize> = (0..self.records.len())
                .filter(|&k| !self.records[k].comment)
                .collect();
            order.sort_by_key(|&k| std::cmp::Reverse(self.records[k].range.start));
            for k in order {
                let add = if k == header {
                    format!(",{}", csv_line(std::slice::from_ref(name)))
                } else {
                    ",".to_owned()
                };
                let at = self.records[k].range.end;
                self.splice(at..at, &add);
                self.records[k].range.end += add.len();
                self.records[k].fields.push(if k == header {
                    name.clone()
                } else {
                    String::new()
                });
            }
        }
    }

    /// The 1-based line at byte `at`, counting LF, CRLF and CR line ends
    /// as the parser does; counted on from the last call when the text
    /// before was not changed (appends), so merging many rows stays linear.
    fn line_at(&mut self, at: usize) -> usize {
        let (from, mut breaks) = match self.counted {
            Some((b, n)) if b <= at => (b, n),
            _ => (0, 0),
        };
        let bytes = self.text.as_bytes();
        for i in from..at {
            match bytes[i] {
                b'\n' => breaks += 1,
                b'\r' if bytes.get(i + 1) != Some(&b'\n') => breaks += 1,
                _ => {}
            }
        }
        self.counted = Some((at, breaks));
        breaks + 1
    }

    /// Replace `range` of the text and shift every record after it.
    fn splice(&mut self, range: Range<usize>, with: &str) {
        self.counted = None;
        let delta = with.len() as isize - range.len() as isize;
        let at = range.start;
        let old_end = range.end;
        self.text.replace_range(range, with);
        // Records after the edited text move; the caller adjusts the record
        // it edits itself.
        for r in &mut self.records {
            if r.range.start >= old_end && r.range.start > at {
                r.range.start = (r.range.start as isize + delta) as usize;
                r.range.end = (r.range.end as isize + delta) as usize;
            }
        }
    }

    fn fields_for(&self, cols: &[(String, String)], old: Option<&[String]>) -> Vec<String> {
        self.headers()
            .iter()
            .enumerate()
            .map(
                |(i, h)| match cols.iter().find(|(n, _)| n.eq_ignore_ascii_case(h.trim())) {
                    Some((_, v)) => v.clone(),
                    None => old.and_then(|o| o.get(i).cloned()).unwrap_or_default(),
                },
            )
            .collect()
    }

    /// Append a row at the end of the file.
    pub fn append(&mut self, values: &Term) {
        self.append_columns(&values.columns());
    }

    /// Append a row given as (column, value) pairs; columns the file lacks
    /// are added (known or not), other columns stay empty.
    pub fn append_columns(&mut self, cols: &[(String, String)]) {
        self.ensure_columns(cols);
        let fields = self.fields_for(cols, None);
        let line = csv_line(&fields);
        if !self.text.is_empty() && !self.text.ends_with(['\n', '\r']) {
            let nl = self.newline;
            self.text.push_str(nl);
        }
        let start = self.text.len();
        self.text.push_str(&line);
        self.text.push_str(self.newline);
        let line_no = self.line_at(start);
        self.records.push(Record {
            range: start..start + line.len(),
            line: line_no,
            fields,
            comment: false,
        });
    }

    /// Replace the known columns of the row at `line` (unknown columns keep
    /// their values).
    pub fn replace(&mut self, line: usize, values: &Term) -> Result<(), EditError> {
        self.replace_columns(line, &values.columns())
    }

    /// Set the given columns of the row at `line`; the others keep their values.
    pub fn replace_columns(
        &mut self,
        line: usize,
        cols: &[(String, String)],
    ) -> Result<(), EditError> {
        let k = self
            .record_at(line)
            .ok_or_else(|| EditError::Invalid(format!("{}: no row at line {line}", self.name)))?;
        self.ensure_columns(cols);
        let fields = self.fields_for(cols, Some(&self.records[k].fields.clone()));
        let text = csv_line(&fields);
        let range = self.records[k].range.clone();
        self.splice(range.clone(), &text);
        self.records[k].range = range.start..range.start + text.len();
        self.records[k].fields = fields;
        Ok(())
    }

    /// The row at `line` as (column, value) pairs, in header order.
    pub fn row_columns(&self, line: usize) -> Option<Vec<(String, String)>> {
        let fields = self.row_fields(line)?;
        Some(
            self.headers()
                .iter()
                .zip(fields)
                .map(|(h, v)| (h.trim().to_owned(), v.clone()))
                .collect(),
        )
    }

    /// Load the document on its own as a glossary.
    pub fn load(&self) -> Result<super::Glossary, super::LoadError> {
        super::Glossary::load([super::Source {
            name: self.name.to_string(),
            bytes: std::borrow::Cow::Owned(self.bytes()),
            shipped: false,
        }])
    }

    /// Remove the row at `line`, with its line ending.
    pub fn remove(&mut self, line: usize) -> Result<(), EditError> {
        let k = self
            .record_at(line)
            .ok_or_else(|| EditError::Invalid(format!("{}: no row at line {line}", self.name)))?;
        let range = self.records[k].range.clone();
        let rest = &self.text[range.end..];
        let ending = if rest.starts_with("\r\n") {
            2
        } else {
            usize::from(rest.starts_with(['\n', '\r']))
        };
        let cut = range.start..range.end + ending;
        self.records.remove(k);
        self.splice(cut, "");
        Ok(())
    }

    /// Check that the edited text is still a valid glossary on its own:
    /// every problem an edit introduced is an error here.
    pub fn validate(&self) -> Result<(), EditError> {
        match self.load() {
            Ok(_) => Ok(()),
            Err(e) => Err(EditError::WouldBreak(e.errors().cloned().collect())),
        }
    }
}

/// Byte offset where 1-based line `n` starts (LF, CRLF or CR endings).
fn nth_line_start(text: &str, n: usize) -> usize {
    let b = text.as_bytes();
    let mut line = 1;
    let mut i = 0;
    while line < n && i < b.len() {
        match b[i] {
            b'\n' => line += 1,
            b'\r' if b.get(i + 1) != Some(&b'\n') => line += 1,
            _ => {}
        }
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glossary::Kind;

    fn values(nl: &str, en: &str) -> Term {
        Term {
            nl: nl.into(),
            en: en.into(),
            ..Term::default()
        }
    }

    #[test]
    fn untouched_bytes_survive() {
        let src = "\u{FEFF}# mine\r\nnl,en,source\r\n\"Kiev\",Kyiv,wiki\r\n\r\n# more\r\nMoskou,Moscow,\r\n";
        let doc = GlossaryDoc::parse("g.csv", src.as_bytes()).unwrap();
        assert_eq!(doc.bytes(), src.as_bytes());
    }

    #[test]
    fn append_keeps_style() {
        let src = "\u{FEFF}nl,en,source\r\nKiev,Kyiv,wiki\r\n";
        let mut doc = GlossaryDoc::parse("g.csv", src.as_bytes()).unwrap();
        doc.append(&values("Den Haag", "The Hague, NL"));
        assert_eq!(
            String::from_utf8(doc.bytes()).unwrap(),
            "\u{FEFF}nl,en,source\r\nKiev,Kyiv,wiki\r\nDen Haag,\"The Hague, NL\",\r\n"
        );
        // A file without a final line ending gets one before the new row.
        let mut doc = GlossaryDoc::parse("g.csv", b"nl,en\nKiev,Kyiv").unwrap();
        doc.append(&values("Moskou", "Moscow"));
        assert_eq!(
            String::from_utf8(doc.bytes()).unwrap(),
            "nl,en\nKiev,Kyiv\nMoskou,Moscow\n"
        );
    }

    #[test]
    fn replace_keeps_unknown_columns_and_neighbours() {
        let src = "nl,source,en\n# c\nKiev,wiki,Kyiv\nMoskou,atlas,Moscow\n";
        let mut doc = GlossaryDoc::parse("g.csv", src.as_bytes()).unwrap();
        doc.replace(3, &values("Kiev", "Kiev")).unwrap();
        assert_eq!(
            String::from_utf8(doc.bytes()).unwrap(),
            "nl,source,en\n# c\nKiev,wiki,Kiev\nMoskou,atlas,Moscow\n"
        );
        doc.replace(4, &values("Moskou", "Moskva")).unwrap();
        assert_eq!(
            String::from_utf8(doc.bytes()).unwrap(),
            "nl,source,en\n# c\nKiev,wiki,Kiev\nMoskou,atlas,Moskva\n"
        );
    }

    #[test]
    fn remove_takes_the_line_ending() {
        let src = "nl,en\r\nKiev,Kyiv\r\nMoskou,Moscow\r\nParijs,Paris\r\n";
        let mut doc = GlossaryDoc::parse("g.csv", src.as_bytes()).unwrap();
        doc.remove(3).unwrap();
        assert_eq!(
            String::from_utf8(doc.bytes()).unwrap(),
            "nl,en\r\nKiev,Kyiv\r\nParijs,Paris\r\n"
        );
        assert!(doc.remove(9).is_err());
    }

    #[test]
    fn missing_columns_are_added_at_the_end() {
        let mut doc = GlossaryDoc::parse("g.csv", b"# c,x\nnl,en\nKiev,Kyiv\n").unwrap();
        let mut v = values("Zelenski", "Zelensky");
        v.kind = Some(Kind::Person);
        v.variants = vec!["Zelenskyj".into()];
        doc.append(&v);
        assert_eq!(
            String::from_utf8(doc.bytes()).unwrap(),
            "# c,x\nnl,en,kind,variants\nKiev,Kyiv,,\nZelenski,Zelensky,person,Zelenskyj\n"
        );
        doc.validate().unwrap();
    }

    #[test]
    fn a_first_field_that_would_read_as_a_comment_is_quoted() {
        // The loader takes a line that starts with `#` after spaces or tabs
        // for a comment.
        for first in ["#MeToo", " #x", "\t# y"] {
            let line = csv_line(&[first.to_owned(), "b".to_owned()]);
            assert!(line.starts_with('"'), "{line:?}");
            let mut doc = GlossaryDoc::parse("g.csv", b"source,nl,en\n").unwrap();
            doc.append_columns(&[
                ("source".into(), first.into()),
                ("nl".into(), "Kiev".into()),
                ("en".into(), "Kyiv".into()),
            ]);
            let g = doc.load().unwrap();
            assert_eq!(g.entries().len(), 1, "{first:?}");
            let rows = csv_io::parse("g.csv".into(), &doc.bytes(), false, 0, csv_io::Keep::Rows);
            assert_eq!(rows.file.unwrap().rows[0].fields[0], first);
        }
    }

    #[test]
    fn an_edit_that_breaks_the_file_is_refused() {
        let mut doc = GlossaryDoc::parse("g.csv", b"nl,en\nKiev,Kyiv\n").unwrap();
        doc.append(&values("kiev", "Kiev"));
        assert!(matches!(doc.validate(), Err(EditError::WouldBreak(_))));
        assert!(GlossaryDoc::parse("g.csv", b"nl\nKiev\n").is_err());
    }
}
