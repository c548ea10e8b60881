//! Reading glossary CSV files: bytes → rows → validated [`Entry`] values.
//!
//! Takes the bytes of one file and its display name; returns the parsed file
//! (header and raw rows, unknown columns included, for tools that rewrite it)
//! with its entries and every problem found, each with file, line and column.
//! Invariant: reading never stops at the first problem; a file with errors
//! still yields all the problems it has.

use super::entry::{Entry, Kind, Location, Origin, Problem, Severity};
use std::sync::Arc;
use unicode_normalization::{UnicodeNormalization, is_nfc};

/// The columns tolk knows, in their canonical order.
pub const KNOWN_COLUMNS: [&str; 7] = ["nl", "en", "kind", "variants", "avoid", "origin", "note"];

/// A glossary file as read: header, rows (comments included) and layout facts
/// that an editor must preserve.
#[derive(Debug, Clone)]
pub struct GlossaryFile {
    pub name: Arc<str>,
    pub shipped: bool,
    /// The file started with a UTF-8 byte order mark.
    pub bom: bool,
    pub headers: Vec<String>,
    pub header_line: usize,
    /// Every record after the header, comments included; empty when read
    /// with [`Keep::Entries`] (as [`crate::Glossary::load`] does).
    pub rows: Vec<Row>,
}

/// One CSV record of a glossary file.
#[derive(Debug, Clone)]
pub struct Row {
    /// 1-based line where the record starts.
    pub line: usize,
    /// Byte offset of the record in the file (after the BOM).
    pub byte: u64,
    pub fields: Vec<String>,
    /// The first field starts with `#`.
    pub comment: bool,
}

/// Positions of the known columns in a header.
#[derive(Debug, Clone, Copy)]
struct Columns {
    nl: usize,
    en: usize,
    kind: Option<usize>,
    variants: Option<usize>,
    avoid: Option<usize>,
    origin: Option<usize>,
    note: Option<usize>,
}

/// Everything read from one file.
pub struct Parsed {
    pub file: Option<GlossaryFile>,
    pub entries: Vec<Entry>,
    pub problems: Vec<Problem>,
}

struct Reporter {
    file: Arc<str>,
    problems: Vec<Problem>,
    /// How many of `problems` are errors.
    errors: usize,
}

impl Reporter {
    fn new(file: Arc<str>) -> Reporter {
        Reporter {
            file,
            problems: Vec::new(),
            errors: 0,
        }
    }
    fn push(&mut self, sev: Severity, line: Option<usize>, col: Option<usize>, msg: String) {
        self.errors += usize::from(sev == Severity::Error);
        self.problems.push(Problem {
            severity: sev,
            file: self.file.clone(),
            line,
            column: col,
            message: msg,
        });
    }
    fn error(&mut self, line: usize, col: Option<usize>, msg: String) {
        self.push(Severity::Error, Some(line), col, msg);
    }
    fn warn(&mut self, line: usize, col: Option<usize>, msg: String) {
        self.push(Severity::Warning, Some(line), col, msg);
    }
}

/// Byte offsets where lines start (LF, CRLF and CR all end a line).
fn line_starts(bytes: &[u8]) -> Vec<usize> {
    let mut starts = vec![0];
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => starts.push(i + 1),
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                starts.push(i + 2);
                i += 1;
            }
            b'\r' => starts.push(i + 1),
            _ => {}
        }
        i += 1;
    }
    starts
}

/// 1-based line number of byte offset `pos`, given the line starts.
fn line_at(starts: &[usize], pos: usize) -> usize {
    starts.partition_point(|&s| s <= pos)
}

/// A quote left open: the csv reader runs the field to the end of the file.
const OPEN_QUOTE: &str = "a quote is not closed (the field runs to the end of the file)";

/// RFC 4180 quoting, which the csv reader is lenient about: a quoted field
/// ends at its closing quote; a quote inside an unquoted field is an error.
/// Returns the problem and the 1-based field number.
fn quoting_problem(raw: &str) -> Option<(String, usize)> {
    let b = raw.as_bytes();
    let mut i = 0;
    let mut field = 1;
    loop {
        if b.get(i) == Some(&b'"') {
            i += 1;
            loop {
                match b.get(i) {
                    None => return Some((OPEN_QUOTE.into(), field)),
                    Some(b'"') if b.get(i + 1) == Some(&b'"') => i += 2,
                    Some(b'"') => {
                        i += 1;
                        break;
                    }
                    Some(_) => i += 1,
                }
            }
            match b.get(i) {
                None | Some(b',' | b'\r' | b'\n') => {}
                Some(_) => {
                    return Some((
                        "text after a closing quote (quote the whole field)".into(),
                        field,
                    ));
                }
            }
        } else {
            while let Some(&c) = b.get(i) {
                if matches!(c, b',' | b'\r' | b'\n') {
                    break;
                }
                if c == b'"' {
                    return Some(("a quote inside an unquoted field (quote the whole field and double the inner quote: \"\")".into(), field));
                }
                i += 1;
            }
        }
        match b.get(i) {
            Some(b',') => {
                i += 1;
                field += 1;
            }
            _ => return None,
        }
    }
}

/// Whether the record at the start of `raw` opens a quoted field that its
/// first line does not close: the csv reader then reads the lines after it
/// (or nothing, at the end of the file) into that field.
fn quote_runs_past_line(raw: &str) -> bool {
    let mut quoted = false;
    let mut field_start = true;
    let mut bytes = raw.bytes().peekable();
    while let Some(c) = bytes.next() {
        if quoted {
            match c {
                b'\r' | b'\n' => return true,
                b'"' if bytes.peek() == Some(&b'"') => {
                    bytes.next();
                }
                b'"' => quoted = false,
                _ => {}
            }
            continue;
        }
        match c {
            b'\r' | b'\n' => return false,
            b'"' if field_start => quoted = true,
            _ => {}
        }
        field_start = c == b',';
    }
    quoted
}

/// How much of a file [`parse`] keeps besides its entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keep {
    /// Every row as read, for tools that rewrite the file.
    Rows,
    /// The entries only (the file's rows are left empty): loading to match.
    Entries,
}

/// Parse one glossary file. `file_index` is its position in load order.
pub fn parse(name: Arc<str>, bytes: &[u8], shipped: bool, file_index: usize, keep: Keep) -> Parsed {
    let mut rep = Reporter::new(name.clone());
    let fail = |rep: Reporter| Parsed {
        file: None,
        entries: Vec::new(),
        problems: rep.problems,
    };

    let (bom, body) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (true, rest),
        None => (false, bytes),
    };
    if body.starts_with(b"\xFF\xFE") || body.starts_with(b"\xFE\xFF") {
        rep.push(
            Severity::Error,
            Some(1),
            None,
            "the file is UTF-16; glossaries are UTF-8 (convert it, e.g. with `iconv -f UTF-16 -t UTF-8`)".into(),
        );
        return fail(rep);
    }
    if let Some(pos) = memchr::memchr(0, body) {
        rep.push(
            Severity::Error,
            Some(line_at(&line_starts(body), pos)),
            None,
            format!("NUL byte at byte offset {pos}: this is a binary file, not a CSV glossary"),
        );
        return fail(rep);
    }
    if let Err(e) = std::str::from_utf8(body) {
        let pos = e.valid_up_to();
        rep.push(
            Severity::Error,
            Some(line_at(&line_starts(body), pos)),
            None,
            format!(
                "invalid UTF-8 at byte offset {}: glossaries are UTF-8",
                pos + usize::from(bom) * 3
            ),
        );
        return fail(rep);
    }
    if body.iter().all(|b| b.is_ascii_whitespace()) {
        rep.push(
            Severity::Error,
            Some(1),
            None,
            "empty file: expected a header row naming at least the columns `nl` and `en`".into(),
        );
        return fail(rep);
    }

    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(body);

    let starts = line_starts(body);
    let text = std::str::from_utf8(body).expect("checked above");
    let mut header: Option<(Vec<String>, usize)> = None;
    // Problems of the header's columns and of the entries, reported after
    // those of the CSV syntax.
    let mut columns: Option<Option<Columns>> = None;
    let mut column_rep = Reporter::new(name.clone());
    let mut entry_rep = Reporter::new(name.clone());
    let mut entries = Vec::with_capacity(memchr::memchr_iter(b'\n', body).count());
    let mut rows = Vec::new();
    // The line and field count of the last record.
    let mut last: Option<(usize, usize)> = None;
    let mut record = csv::StringRecord::new();
    let mut prev: Option<(usize, usize, bool)> = None; // (start, line, comment) of the previous record
    let check_quotes = |rep: &mut Reporter, from: usize, to: usize, line: usize| {
        if let Some((msg, field)) = quoting_problem(&text[from..to]) {
            rep.error(line, Some(field), format!("row does not parse: {msg}"));
        }
    };
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let line = e
                    .position()
                    .map_or(0, |p| line_at(&starts, p.byte() as usize));
                rep.error(line, None, format!("row does not parse: {e}"));
                return fail(rep);
            }
        }
        let pos = record
            .position()
            .expect("records read from a reader have a position");
        // The reader's position may be on blank lines it skipped before the record.
        let start = pos.byte() as usize
            + text[pos.byte() as usize..]
                .bytes()
                .take_while(|b| matches!(b, b'\r' | b'\n'))
                .count();
        let line = line_at(&starts, start);
        if let Some((b, l, was_comment)) = prev
            && !was_comment
        {
            check_quotes(&mut rep, b, pos.byte() as usize, l);
        }
        // A comment is a line that starts with `#` as written: a quoted
        // "#MeToo" is data.
        let comment = text[start..]
            .trim_start_matches([' ', '\t'])
            .starts_with('#');
        if comment && quote_runs_past_line(&text[start..]) {
            rep.error(
                line,
                None,
                "row does not parse: a quote in this comment is not closed on its line, so the lines after it are read into the comment (close the quote or remove it)".into(),
            );
        }
        prev = Some((start, line, comment));
        last = Some((line, record.len()));
        let fields = || record.iter().map(str::to_owned).collect::<Vec<String>>();
        if header.is_none() && !comment {
            let headers = fields();
            columns = Some(find_columns(&headers, line, &mut column_rep));
            header = Some((headers, line));
            continue;
        }
        if keep == Keep::Rows {
            rows.push(Row {
                line,
                byte: pos.byte(),
                fields: fields(),
                comment,
            });
        }
        let (false, Some((headers, _))) = (comment, &header) else {
            continue;
        };
        let Some(Some(cols)) = columns else {
            continue;
        };
        if record.len() != headers.len() {
            entry_rep.error(
                line,
                None,
                format!(
                    "row does not parse: it has {} field{}, the header has {}{}",
                    record.len(),
                    if record.len() == 1 { "" } else { "s" },
                    headers.len(),
                    if record.iter().any(|f| f.contains(['\n', '\r'])) {
                        " (a quote is probably not closed)"
                    } else {
                        ""
                    }
                ),
            );
            continue;
        }
        if let Some(e) = read_entry(
            &record,
            line,
            cols,
            &name,
            shipped,
            file_index,
            &mut entry_rep,
        ) {
            entries.push(e);
        }
    }

    if let Some((b, l, false)) = prev {
        // Only the last record can leave a quote open. When that costs the
        // row fields, the field count check reports it with a hint.
        let short = match (&header, last) {
            (Some((h, _)), Some((line, len))) => line == l && len != h.len(),
            _ => false,
        };
        match quoting_problem(&text[b..]) {
            Some((msg, _)) if short && msg == OPEN_QUOTE => {}
            _ => check_quotes(&mut rep, b, text.len(), l),
        }
    }
    let Some((headers, header_line)) = header else {
        rep.error(
            1,
            None,
            "no header row: expected a header naming at least the columns `nl` and `en`".into(),
        );
        return fail(rep);
    };
    rep.problems.extend(column_rep.problems);
    if let Some(None) = columns {
        return fail(rep);
    }
    rep.problems.extend(entry_rep.problems);

    Parsed {
        file: Some(GlossaryFile {
            name,
            shipped,
            bom,
            headers,
            header_line,
            rows,
        }),
        entries,
        problems: rep.problems,
    }
}

fn find_columns(headers: &[String], line: usize, rep: &mut Reporter) -> Option<Columns> {
    let mut found: [Option<usize>; 7] = [None; 7];
    let mut ok = true;
    for (i, h) in headers.iter().enumerate() {
        let h = h.trim().to_ascii_lowercase();
        if let Some(k) = KNOWN_COLUMNS.iter().position(|c| *c == h) {
            if let Some(first) = found[k] {
                rep.error(
                    line,
                    Some(i + 1),
                    format!(
                        "column `{h}` appears twice in the header (columns {} and {})",
                        first + 1,
                        i + 1
                    ),
                );
                ok = false;
            } else {
                found[k] = Some(i);
            }
        }
    }
    for (k, name) in KNOWN_COLUMNS.iter().enumerate().take(2) {
        if found[k].is_none() {
            rep.error(
                line,
                None,
                format!(
                    "missing required column `{name}`: the first row must be a header such as `nl,en,kind,variants,avoid,origin,note` (found `{}`)",
                    headers.join(",")
                ),
            );
            ok = false;
        }
    }
    ok.then(|| Columns {
        nl: found[0].unwrap(),
        en: found[1].unwrap(),
        kind: found[2],
        variants: found[3],
        avoid: found[4],
        origin: found[5],
        note: found[6],
    })
}

/// Validate one cell: control characters are errors; surrounding or doubled
/// whitespace and non-NFC text are warnings. Returns the cleaned value, or
/// `None` when the cell has an error.
fn clean(value: &str, what: &str, line: usize, col: usize, rep: &mut Reporter) -> Option<String> {
    if let Some(c) = value.chars().find(|c| c.is_control()) {
        rep.error(
            line,
            Some(col),
            format!("control character U+{:04X} in `{what}`", c as u32),
        );
        return None;
    }
    let tidy = !value.starts_with(char::is_whitespace)
        && !value.ends_with(char::is_whitespace)
        && !value.contains("  ")
        && !value.contains(|c: char| c.is_whitespace() && c != ' ');
    if tidy && is_nfc(value) {
        // The common case: nothing to trim, collapse or normalize.
        return Some(value.to_owned());
    }
    let mut v = value.to_owned();
    if v.trim() != v {
        rep.warn(
            line,
            Some(col),
            format!("leading or trailing whitespace in `{what}` {value:?} (trimmed for matching)"),
        );
    }
    let t = v.trim();
    if t.contains("  ") || t.contains(|c: char| c.is_whitespace() && c != ' ') {
        rep.warn(
            line,
            Some(col),
            format!("doubled or unusual whitespace in `{what}` {value:?} (collapsed for matching)"),
        );
    }
    v = v.split_whitespace().collect::<Vec<_>>().join(" ");
    if !is_nfc(&v) {
        rep.warn(
            line,
            Some(col),
            format!("`{what}` {value:?} is not in Unicode NFC (normalized for matching)"),
        );
        v = v.nfc().collect();
    }
    Some(v)
}

fn split_list(
    value: &str,
    what: &str,
    line: usize,
    col: usize,
    rep: &mut Reporter,
) -> Option<Vec<String>> {
    let mut out = Vec::new();
    let mut ok = true;
    if value.trim().is_empty() {
        return Some(out);
    }
    for item in value.split('|') {
        if item.trim().is_empty() {
            rep.warn(
                line,
                Some(col),
                format!("empty item in `{what}` {value:?} (ignored)"),
            );
            continue;
        }
        match clean(item, what, line, col, rep) {
            Some(v) => out.push(v),
            None => ok = false,
        }
    }
    ok.then_some(out)
}

fn read_entry(
    fields: &csv::StringRecord,
    line: usize,
    cols: Columns,
    name: &Arc<str>,
    shipped: bool,
    file_index: usize,
    rep: &mut Reporter,
) -> Option<Entry> {
    let cell = |i: Option<usize>| i.map_or("", |i| &fields[i]);
    let before = rep.errors;

    let required = |col: usize, what: &str, rep: &mut Reporter| -> Option<String> {
        let v = clean(&fields[col], what, line, col + 1, rep)?;
        if v.is_empty() {
            rep.error(
                line,
                Some(col + 1),
                format!("empty `{what}`: every entry needs one"),
            );
            return None;
        }
        Some(v)
    };
    let nl = required(cols.nl, "nl", rep);
    let en = required(cols.en, "en", rep);

    let kind = match cols.kind {
        None => Some(Kind::Term),
        Some(i) => {
            let raw = &fields[i];
            if raw.chars().any(char::is_control) {
                clean(raw, "kind", line, i + 1, rep);
                None
            } else {
                let k = Kind::parse(raw);
                if k.is_none() {
                    rep.error(
                        line,
                        Some(i + 1),
                        format!(
                            "unknown kind {:?}: use one of {}",
                            raw.trim(),
                            Kind::ALL.map(Kind::as_str).join(", ")
                        ),
                    );
                }
                k
            }
        }
    };
    let origin = match cols.origin {
        None => Some(None),
        Some(i) => match Origin::parse(&fields[i]) {
            Ok(o) => Some(o),
            Err(()) => {
                rep.error(
                    line,
                    Some(i + 1),
                    format!("unknown origin {:?}: use ru, uk or other", fields[i].trim()),
                );
                None
            }
        },
    };
    let variants = match cols.variants {
        None => Some(Vec::new()),
        Some(i) => split_list(cell(Some(i)), "variants", line, i + 1, rep),
    };
    let avoid = match cols.avoid {
        None => Some(Vec::new()),
        Some(i) => split_list(cell(Some(i)), "avoid", line, i + 1, rep),
    };
    let note = match cols.note {
        None => Some(String::new()),
        Some(i) => clean(cell(Some(i)), "note", line, i + 1, rep),
    };

    if rep.errors > before {
        return None;
    }
    Some(Entry {
        nl: nl?,
        en: en?,
        kind: kind?,
        variants: variants?,
        avoid: avoid?,
        origin: origin?,
        note: note?,
        file_index,
        shipped,
        location: Location {
            file: name.clone(),
            line,
        },
        nl_column: cols.nl + 1,
        variants_column: cols.variants.map(|i| i + 1),
        overridden_by: None,
        proposed: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(s: &str) -> Parsed {
        parse("g.csv".into(), s.as_bytes(), false, 0, Keep::Rows)
    }

    fn errors(p: &Parsed) -> Vec<(Option<usize>, Option<usize>, String)> {
        p.problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .map(|p| (p.line, p.column, p.message.clone()))
            .collect()
    }

    #[test]
    fn reads_columns_in_any_order_and_keeps_unknown_ones() {
        let p = parse_str("en,source,nl,kind\nPutin,wiki,Poetin,person\n");
        assert!(p.problems.is_empty(), "{:?}", p.problems);
        assert_eq!(p.entries.len(), 1);
        let e = &p.entries[0];
        assert_eq!(
            (e.nl.as_str(), e.en.as_str(), e.kind),
            ("Poetin", "Putin", Kind::Person)
        );
        let f = p.file.unwrap();
        assert_eq!(f.headers, ["en", "source", "nl", "kind"]);
        assert_eq!(f.rows[0].fields[1], "wiki");
    }

    #[test]
    fn bom_quotes_comments_and_lists() {
        let p = parse_str(
            "\u{FEFF}# shipped names\nnl,en,kind,variants,avoid\n# a comment row\n\"Kiev\",Kyiv,place,Kyjiv|Kyiv,\"Kiev|Kiew\"\n\"Witte Huis, het\",\"White House\",org,,\n",
        );
        assert!(p.problems.is_empty(), "{:?}", p.problems);
        assert_eq!(p.entries.len(), 2);
        assert_eq!(p.entries[0].variants, ["Kyjiv", "Kyiv"]);
        assert_eq!(p.entries[0].avoid, ["Kiev", "Kiew"]);
        assert_eq!(p.entries[0].location.line, 4);
        assert_eq!(p.entries[1].nl, "Witte Huis, het");
        let f = p.file.unwrap();
        assert!(f.bom);
        assert_eq!(f.header_line, 2);
        assert_eq!(f.rows.iter().filter(|r| r.comment).count(), 2);
    }

    #[test]
    fn every_validation_error_has_its_line_and_column() {
        type Case = (
            &'static str,
            &'static str,
            usize,
            Option<usize>,
            &'static str,
        );
        let cases: [Case; 15] = [
            ("missing header", "", 1, None, "empty file"),
            ("only comments", "# nothing\n", 1, None, "no header row"),
            (
                "no nl column",
                "dutch,en\nPoetin,Putin\n",
                1,
                None,
                "missing required column `nl`",
            ),
            (
                "no en column",
                "nl,english\nPoetin,Putin\n",
                1,
                None,
                "missing required column `en`",
            ),
            (
                "duplicate column",
                "nl,en,nl\na,b,c\n",
                1,
                Some(3),
                "appears twice",
            ),
            (
                "field count",
                "nl,en,kind\nPoetin,Putin\n",
                2,
                None,
                "it has 2 fields, the header has 3",
            ),
            (
                "empty nl",
                "nl,en\nPoetin,Putin\n ,Kyiv\n",
                3,
                Some(1),
                "empty `nl`",
            ),
            ("empty en", "nl,en\nKiev,\n", 2, Some(2), "empty `en`"),
            (
                "control char",
                "nl,en\n\"Ki\tev\",Kyiv\n",
                2,
                Some(1),
                "control character U+0009 in `nl`",
            ),
            (
                "unknown kind",
                "nl,en,kind\nKiev,Kyiv,city\n",
                2,
                Some(3),
                "unknown kind \"city\"",
            ),
            (
                "unknown origin",
                "nl,en,origin\nKiev,Kyiv,ua\n",
                2,
                Some(3),
                "unknown origin \"ua\"",
            ),
            (
                "crlf line numbers",
                "nl,en\r\nKiev,Kyiv\r\nPoetin,\r\n",
                3,
                Some(2),
                "empty `en`",
            ),
            (
                "cr line numbers",
                "nl,en\rKiev,Kyiv\rPoetin,\r",
                3,
                Some(2),
                "empty `en`",
            ),
            (
                "text after a quote",
                "nl,en\n\"Kiev\"x,Kyiv\n",
                2,
                Some(1),
                "text after a closing quote",
            ),
            (
                "quote in a bare field",
                "nl,en\nKiev,Ky\"iv\n",
                2,
                Some(2),
                "a quote inside an unquoted field",
            ),
        ];
        for (name, input, line, col, msg) in cases {
            let p = parse_str(input);
            let errs = errors(&p);
            assert_eq!(errs.len(), 1, "{name}: {errs:?}");
            let (l, c, m) = &errs[0];
            assert_eq!(*l, Some(line), "{name}: line");
            assert_eq!(*c, col, "{name}: column");
            assert!(m.contains(msg), "{name}: {m:?} lacks {msg:?}");
        }
    }

    #[test]
    fn entry_lines_follow_the_file_whatever_the_line_ends() {
        for text in [
            "# c\nnl,en\nKiev,Kyiv\n\nPoetin,Putin\n",
            "# c\r\nnl,en\r\nKiev,Kyiv\r\n\r\nPoetin,Putin\r\n",
            "# c\rnl,en\rKiev,Kyiv\r\rPoetin,Putin\r",
        ] {
            let p = parse_str(text);
            assert!(p.problems.is_empty(), "{:?}", p.problems);
            let lines: Vec<usize> = p.entries.iter().map(|e| e.location.line).collect();
            assert_eq!(lines, [3, 5], "{text:?}");
        }
    }

    #[test]
    fn doubled_quotes_inside_quoted_fields_are_fine() {
        let p = parse_str("nl,en,note\n\"Kiev\",Kyiv,\"the \"\"capital\"\", not \"\"Kiev\"\"\"\n");
        assert!(p.problems.is_empty(), "{:?}", p.problems);
        assert_eq!(p.entries[0].note, "the \"capital\", not \"Kiev\"");
    }

    #[test]
    fn unclosed_quote_is_reported() {
        let p = parse_str("nl,en,kind\nKiev,\"Kyiv,place\nMoskou,Moscow,place\n");
        let errs = errors(&p);
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert_eq!(errs[0].0, Some(2));
        assert!(
            errs[0].2.contains("quote is probably not closed"),
            "{errs:?}"
        );
    }

    #[test]
    fn a_quote_left_open_at_the_end_of_the_file_is_an_error() {
        // The reader runs an open quote to the end of the file; when that
        // leaves the row its field count, only the quote can tell.
        for (text, line, col) in [
            ("nl,en\nKiev,\"Kyiv", 2, 2),
            ("nl,en,source\nKiev,Kyiv,\"wiki\n", 2, 3),
            ("nl,en,,\ra,T,,\r\u{308},h,,\"", 3, 4),
            ("nl,\"en\n", 1, 2),
        ] {
            let errs = errors(&parse_str(text));
            assert_eq!(errs.len(), 1, "{text:?}: {errs:?}");
            assert_eq!((errs[0].0, errs[0].1), (Some(line), Some(col)), "{text:?}");
            assert!(errs[0].2.contains("quote is not closed"), "{errs:?}");
        }
    }

    #[test]
    fn quoting_is_checked_after_blank_lines_too() {
        for (text, line, col, msg) in [
            (
                "nl,en\n\nKiev,Ky\"iv\n",
                3,
                2,
                "a quote inside an unquoted field",
            ),
            (
                "nl,en\r\n\r\n\"Kiev\"x,Kyiv\r\n",
                3,
                1,
                "text after a closing quote",
            ),
            ("\rnl,en,\"", 2, 3, "quote is not closed"),
            ("nl,en\n\n\nKiev,\"Kyiv", 4, 2, "quote is not closed"),
        ] {
            let errs = errors(&parse_str(text));
            assert_eq!(errs.len(), 1, "{text:?}: {errs:?}");
            assert_eq!((errs[0].0, errs[0].1), (Some(line), Some(col)), "{text:?}");
            assert!(errs[0].2.contains(msg), "{errs:?}");
        }
    }

    #[test]
    fn a_comment_whose_quote_runs_past_its_line_is_an_error() {
        // The reader would read the lines after it into the comment.
        for (text, line) in [
            ("nl,en\n# see,\"below\nKiev,Kyiv\n\"Moskou\",Moscow\n", 2),
            ("nl,en\r#,\"", 2),
            (
                "nl,en\r\nKiev,Kyiv\r\n#,\"Moskou,Moscow\r\nParijs,Paris\r\n",
                3,
            ),
        ] {
            let errs = errors(&parse_str(text));
            assert_eq!(errs.len(), 1, "{text:?}: {errs:?}");
            assert_eq!(errs[0].0, Some(line), "{text:?}");
            assert!(errs[0].2.contains("comment"), "{errs:?}");
        }
        // Quotes that close on the line, or open no field, are fine.
        let p = parse_str("# a,\"b, c\",d\n# he said \"hi\nnl,en\nKiev,Kyiv\n");
        assert!(p.problems.is_empty(), "{:?}", p.problems);
        assert_eq!(p.entries.len(), 1);
    }

    #[test]
    fn reports_every_problem_not_just_the_first() {
        let p = parse_str("nl,en,kind\n,Kyiv,place\nMoskou,,place\nParijs,Paris,town\n");
        let lines: Vec<_> = errors(&p).into_iter().map(|e| e.0.unwrap()).collect();
        assert_eq!(lines, [2, 3, 4]);
        assert!(p.entries.is_empty());
    }

    #[test]
    fn binary_and_encoding_errors() {
        let p = parse(
            "b.csv".into(),
            b"nl,en\nKi\xffev,Kyiv\n",
            false,
            0,
            Keep::Rows,
        );
        let errs = errors(&p);
        assert_eq!(errs[0].0, Some(2));
        assert!(
            errs[0].2.contains("invalid UTF-8 at byte offset 8"),
            "{errs:?}"
        );
        let p = parse("b.csv".into(), b"nl,en\n\0\0\0", false, 0, Keep::Rows);
        assert!(errors(&p)[0].2.contains("binary file"));
        let p = parse("b.csv".into(), b"\xFF\xFEn\0l\0", false, 0, Keep::Rows);
        assert!(errors(&p)[0].2.contains("UTF-16"));
    }

    #[test]
    fn whitespace_and_nfc_are_warnings_and_cleaned() {
        let p = parse_str(
            "nl,en,variants\n\" Witte  Huis \",White House,\"Wit Huis |\"\nOekrai\u{0308}ne,Ukraine,\n",
        );
        assert!(errors(&p).is_empty());
        let warnings: Vec<_> = p
            .problems
            .iter()
            .map(|p| (p.line.unwrap(), p.message.clone()))
            .collect();
        assert!(
            warnings
                .iter()
                .any(|(l, m)| *l == 2 && m.contains("leading or trailing")),
            "{warnings:?}"
        );
        assert!(
            warnings
                .iter()
                .any(|(l, m)| *l == 2 && m.contains("doubled")),
            "{warnings:?}"
        );
        assert!(
            warnings
                .iter()
                .any(|(l, m)| *l == 2 && m.contains("empty item")),
            "{warnings:?}"
        );
        assert!(
            warnings.iter().any(|(l, m)| *l == 3 && m.contains("NFC")),
            "{warnings:?}"
        );
        assert_eq!(p.entries[0].nl, "Witte Huis");
        assert_eq!(p.entries[0].variants, ["Wit Huis"]);
        assert_eq!(p.entries[1].nl, "Oekraïne");
    }
}
