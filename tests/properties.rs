//! Invariants on arbitrary input (proptest): no panic anywhere in the
//! pipeline, term hits on char boundaries and in order, sentences covering
//! their paragraph in order, `text` output line-aligned with the input, and
//! glossary files read back exactly as the editor wrote them.

use proptest::prelude::*;
use std::sync::OnceLock;
use tolk::engine::GlossaryEngine;
use tolk::render::{Format, RenderOptions};
use tolk::segment::SegmentOptions;
use tolk::{Glossary, render, segment, tag};

fn shipped() -> &'static Glossary {
    static G: OnceLock<Glossary> = OnceLock::new();
    G.get_or_init(|| Glossary::load(tolk::glossary::shipped_sources()).unwrap())
}

/// Dutch-news-like text: names from the glossary, genitives, quotes,
/// abbreviations, numbers, citations, odd spaces and line ends.
fn dutchish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Poetin".to_owned()),
        Just("Poetins".to_owned()),
        Just("Zelensky’s".to_owned()),
        Just("Oekraïne".to_owned()),
        Just("Oekrai\u{0308}ne".to_owned()),
        Just("Wit-Rusland".to_owned()),
        Just("VS".to_owned()),
        Just("vs.".to_owned()),
        Just("o.a.".to_owned()),
        Just("Kiev".to_owned()),
        Just("KIEV".to_owned()),
        Just("kerncentrale".to_owned()),
        Just("regio’s".to_owned()),
        Just("1.000".to_owned()),
        Just("3,5".to_owned()),
        Just("[1][2]".to_owned()),
        Just("‘".to_owned()),
        Just("’".to_owned()),
        Just(". ".to_owned()),
        Just("? ".to_owned()),
        Just("...".to_owned()),
        Just(" ".to_owned()),
        Just("\u{00A0}".to_owned()),
        Just("\u{200B}".to_owned()),
        Just("\n".to_owned()),
        Just("\r\n".to_owned()),
        Just("\r".to_owned()),
        Just("-".to_owned()),
        "[a-zA-Zëé]{1,8}",
        "\\PC{1,3}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![dutchish(), any::<String>(), "\\PC*"]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn pipeline_never_panics_and_renders_every_format(text in any_text(), join in any::<bool>()) {
        let g = shipped();
        let doc = tolk::translate("-", &text, g, &GlossaryEngine, &SegmentOptions { join_lines: join });
        for format in Format::ALL {
            let mut out = Vec::new();
            render(std::slice::from_ref(&doc), format, &RenderOptions { width: 30, color: true, multiple: false }, &mut out).unwrap();
            prop_assert!(std::str::from_utf8(&out).is_ok());
        }
    }

    #[test]
    fn hits_lie_on_char_boundaries_in_order(text in any_text()) {
        let hits = tag(shipped(), &text);
        let mut prev_end = 0;
        for h in &hits {
            prop_assert!(h.start < h.end);
            prop_assert!(h.start >= prev_end, "overlap at {}", h.start);
            prop_assert!(text.is_char_boundary(h.start) && text.is_char_boundary(h.end));
            prop_assert!(h.start <= h.stem_end && h.stem_end <= h.end && text.is_char_boundary(h.stem_end));
            prev_end = h.end;
        }
    }

    #[test]
    fn sentences_cover_the_input_in_order(text in any_text(), join in any::<bool>()) {
        let doc = segment(&text, &SegmentOptions { join_lines: join });
        let mut covered = vec![false; text.len()];
        let mut prev_para_end = 0;
        for p in &doc.paragraphs {
            prop_assert!(p.span.start >= prev_para_end);
            prev_para_end = p.span.end;
            let mut prev = p.span.start;
            for s in &p.sentences {
                prop_assert!(s.span.start >= prev && s.span.end <= p.span.end && s.span.start < s.span.end);
                prop_assert!(text.is_char_boundary(s.span.start) && text.is_char_boundary(s.span.end));
                for t in &s.tokens {
                    prop_assert!(t.span.start >= s.span.start && t.span.end <= s.span.end);
                }
                covered[s.span.clone()].iter_mut().for_each(|c| *c = true);
                prev = s.span.end;
            }
        }
        for (i, c) in text.char_indices() {
            let invisible = matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}');
            prop_assert!(covered[i] || c.is_whitespace() || invisible, "{c:?} at {i} is in no sentence");
        }
    }

    #[test]
    fn text_output_has_one_line_per_input_line(text in any_text()) {
        let doc = tolk::translate("-", &text, shipped(), &GlossaryEngine, &SegmentOptions::default());
        let mut out = Vec::new();
        render(&[doc], Format::Text, &RenderOptions::default(), &mut out).unwrap();
        let out = String::from_utf8(out).unwrap();
        // Lines counted independently of the segmenter: every LF, CRLF or CR
        // ends one, and text after the last line end is one more.
        let ends = text.matches("\r\n").count() + text.matches('\n').count() - text.matches("\r\n").count()
            + text.matches('\r').count() - text.matches("\r\n").count();
        let trailing = !text.is_empty() && !text.ends_with(['\n', '\r']);
        let input_lines = ends + usize::from(trailing);
        prop_assert_eq!(out.matches('\n').count(), input_lines);
    }
}

// Glossary files: what the editor writes (`tolk glossary add`, import,
// merge: `GlossaryDoc::append_columns`, one row at a time, through
// `csv_line`) reads back through `Glossary::load` with every field, unknown
// column, comment and row order as it was.

const KNOWN: [&str; 7] = ["nl", "en", "kind", "variants", "avoid", "origin", "note"];

/// A known column's name as a header may write it: any ASCII case.
fn known_name(name: &'static str) -> impl Strategy<Value = String> {
    prop_oneof![
        Just(name.to_owned()),
        Just(name.to_ascii_uppercase()),
        Just(format!("{}{}", name[..1].to_ascii_uppercase(), &name[1..])),
    ]
}

/// Strings of 0..`max` characters that `keep` accepts (built from chars,
/// not a regex: proptest compiles a regex each time a value is drawn).
fn chars(max: usize, keep: fn(char) -> bool) -> impl Strategy<Value = String> {
    prop::collection::vec(
        any::<char>().prop_filter("excluded", move |&c| keep(c)),
        0..=max,
    )
    .prop_map(|v| v.into_iter().collect())
}

/// Spaces and tabs, as before a comment's `#`.
fn indent() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(vec![' ', '\t']), 0..3)
        .prop_map(|v| v.into_iter().collect())
}

/// Quotes, commas, line breaks, `|` and `#`: what a CSV writer must quote.
fn csv_specials(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec!['"', ',', '\r', '\n', ' ', '|', '#']),
        0..=max,
    )
    .prop_map(|v| v.into_iter().collect())
}

/// A name for a column tolk does not know: quotes, commas, line breaks and
/// `#` included. Callers of the writer give column names trimmed (as
/// `GlossaryDoc::row_columns` returns them), so these are trimmed too; and
/// none starts with U+FEFF, which at the start of a file is read as a byte
/// order mark whatever follows.
fn unknown_name() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec!["source", "wiki", "Bron", "checked_by", "#"])
            .prop_map(String::from),
        chars(6, |c| c != '\0'),
        csv_specials(4).prop_map(|s| format!("x{s}y")),
    ]
    .prop_map(|s| s.trim().to_owned())
    .prop_filter("a known column", |s| {
        !KNOWN.contains(&s.to_ascii_lowercase().as_str()) && !s.starts_with('\u{FEFF}')
    })
}

/// A cell of a known column in the form the loader keeps it: no control
/// characters, trimmed, single spaces, NFC (the loader warns about and
/// normalizes anything else, so that is not what a lossless round trip is
/// about). `|` separates list items, so list items have none.
fn clean_text(min_words: usize, list_item: bool) -> impl Strategy<Value = String> {
    let word = if list_item {
        chars(6, |c| !c.is_whitespace() && !c.is_control() && c != '|').boxed()
    } else {
        chars(6, |c| !c.is_whitespace() && !c.is_control()).boxed()
    };
    let special = prop::sample::select(vec![
        "Zelensky’s",
        "\"Kiev\"",
        "Witte Huis, het",
        "#MeToo",
        "Oekraïne",
    ])
    .prop_map(String::from);
    prop::collection::vec(prop_oneof![4 => word, 1 => special], min_words..4).prop_map(|words| {
        use unicode_normalization::UnicodeNormalization;
        let words: Vec<String> = words.into_iter().filter(|w| !w.is_empty()).collect();
        words.join(" ").nfc().collect::<String>()
    })
}

/// The value of one cell for a column.
fn cell(column: &str) -> BoxedStrategy<String> {
    match column.to_ascii_lowercase().as_str() {
        "nl" | "en" => clean_text(1, false)
            .prop_filter("empty", |s| !s.is_empty())
            .boxed(),
        "note" => clean_text(0, false).boxed(),
        "kind" => prop_oneof![
            Just(String::new()),
            prop::sample::select(tolk::glossary::Kind::ALL.map(|k| k.as_str()).to_vec())
                .prop_map(String::from),
        ]
        .boxed(),
        "origin" => prop::sample::select(vec!["", "ru", "uk", "other"])
            .prop_map(String::from)
            .boxed(),
        "variants" | "avoid" => prop::collection::vec(
            clean_text(1, true).prop_filter("empty", |s| !s.is_empty()),
            0..3,
        )
        .prop_map(|items| items.join("|"))
        .boxed(),
        // Unknown columns are kept as they are: anything but NUL (which
        // makes the file binary), leading spaces before a `#` included.
        _ => prop_oneof![
            chars(8, |c| c != '\0'),
            (indent(), chars(4, |c| c != '\0')).prop_map(|(i, s)| format!("{i}#{s}")),
            csv_specials(4),
        ]
        .boxed(),
    }
}

/// A comment row as written by hand: a line starting with `#` (after
/// spaces or tabs). Without quotes: a quote in a comment that opens a field
/// it does not close on its line is an error.
fn comment() -> impl Strategy<Value = String> {
    (
        indent(),
        chars(20, |c| !matches!(c, '"' | '\r' | '\n' | '\0')),
    )
        .prop_map(|(i, s)| format!("{i}#{s}"))
}

#[derive(Debug, Clone)]
enum Written {
    Comment(String),
    /// Values in header order.
    Row(Vec<String>),
}

#[derive(Debug, Clone)]
struct GlossaryCase {
    bom: bool,
    newline: &'static str,
    top: Vec<String>,
    headers: Vec<String>,
    lines: Vec<Written>,
}

fn glossary_case() -> impl Strategy<Value = GlossaryCase> {
    let optional = ["kind", "variants", "avoid", "origin", "note"];
    let headers = (
        known_name("nl"),
        known_name("en"),
        prop::collection::vec(prop::option::of(any::<bool>()), optional.len()),
        prop::collection::vec(unknown_name(), 0..3),
    )
        .prop_flat_map(move |(nl, en, opt, unknown)| {
            let mut h = vec![nl, en];
            for (name, pick) in optional.iter().zip(opt) {
                if let Some(upper) = pick {
                    h.push(if upper {
                        name.to_ascii_uppercase()
                    } else {
                        (*name).to_owned()
                    });
                }
            }
            for u in unknown {
                if !h.iter().any(|x| x.eq_ignore_ascii_case(&u)) {
                    h.push(u);
                }
            }
            Just(h).prop_shuffle()
        });
    (
        any::<bool>(),
        prop::sample::select(vec!["\n", "\r\n", "\r"]),
        prop::collection::vec(comment(), 0..2),
        headers,
    )
        .prop_flat_map(|(bom, newline, top, headers)| {
            let row = headers.iter().map(|h| cell(h)).collect::<Vec<_>>();
            let line = prop_oneof![
                3 => row.prop_map(Written::Row),
                1 => comment().prop_map(Written::Comment),
            ];
            prop::collection::vec(line, 0..8).prop_map(move |lines| GlossaryCase {
                bom,
                newline,
                top: top.clone(),
                headers: headers.clone(),
                lines,
            })
        })
}

/// Rows whose spellings share a match key with an earlier row's are left
/// out: that is a conflict (an error) or a duplicate, not a round trip.
fn without_key_clashes(case: &mut GlossaryCase) {
    let col = |name: &str| {
        case.headers
            .iter()
            .position(|h| h.eq_ignore_ascii_case(name))
    };
    let (nl, variants) = (col("nl").unwrap(), col("variants"));
    let mut seen = std::collections::HashSet::new();
    case.lines.retain(|l| {
        let Written::Row(v) = l else { return true };
        let mut keys: Vec<String> = std::iter::once(v[nl].as_str())
            .chain(variants.map_or("", |i| v[i].as_str()).split('|'))
            .map(tolk::glossary::spelling_key)
            .filter(|k| !k.is_empty())
            .collect();
        keys.sort();
        keys.dedup();
        if keys.iter().any(|k| seen.contains(k)) {
            return false;
        }
        seen.extend(keys);
        true
    });
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn glossary_csv_written_reads_back_losslessly(case in glossary_case()) {
        use tolk::glossary::edit::{GlossaryDoc, csv_line};
        let mut case = case;
        without_key_clashes(&mut case);
        let nl = case.newline;

        // The header and hand-written comments as text, the rows appended
        // by the editor one at a time, each time from the file as written.
        let mut text = String::new();
        if case.bom {
            text.push('\u{FEFF}');
        }
        for c in &case.top {
            text.push_str(c);
            text.push_str(nl);
        }
        text.push_str(&csv_line(&case.headers));
        text.push_str(nl);
        for line in &case.lines {
            match line {
                Written::Comment(c) => {
                    text.push_str(c);
                    text.push_str(nl);
                }
                Written::Row(values) => {
                    let mut doc = GlossaryDoc::parse("g.csv", text.as_bytes())
                        .map_err(|e| TestCaseError::fail(format!("{e}\n{text:?}")))?;
                    let cols: Vec<(String, String)> =
                        case.headers.iter().cloned().zip(values.iter().cloned()).collect();
                    doc.append_columns(&cols);
                    text = String::from_utf8(doc.bytes()).unwrap();
                }
            }
        }

        let g = Glossary::load([tolk::glossary::Source {
            name: "g.csv".into(),
            bytes: text.as_bytes().into(),
            shipped: false,
        }])
        .map_err(|e| TestCaseError::fail(format!("{e}\n{text:?}")))?;
        prop_assert!(g.warnings().is_empty(), "{:?}\n{text:?}", g.warnings());
        // The rows as read for rewriting (loading keeps only the entries).
        let parsed = tolk::glossary::csv_io::parse(
            "g.csv".into(),
            text.as_bytes(),
            false,
            0,
            tolk::glossary::csv_io::Keep::Rows,
        );
        let file = parsed.file.as_ref().expect("the file parses");
        prop_assert_eq!(file.bom, case.bom);
        prop_assert_eq!(&file.headers, &case.headers);

        // Every record in order: comments (with their text) and rows (with
        // every field, unknown columns included).
        let written: Vec<Written> = case
            .top
            .iter()
            .cloned()
            .map(Written::Comment)
            .chain(case.lines.iter().cloned())
            .collect();
        prop_assert_eq!(file.rows.len(), written.len(), "{:?}\n{:?}", file.rows, text);
        for (row, w) in file.rows.iter().zip(&written) {
            match w {
                Written::Comment(c) => {
                    prop_assert!(row.comment, "{:?} read as data\n{:?}", c, text);
                    prop_assert_eq!(&row.fields.join(","), c);
                }
                Written::Row(values) => {
                    prop_assert!(!row.comment, "{:?} read as a comment\n{:?}", values, text);
                    prop_assert_eq!(&row.fields, values, "{:?}", text);
                }
            }
        }

        // Every entry, in row order, with the values written.
        let rows: Vec<&Vec<String>> = case
            .lines
            .iter()
            .filter_map(|l| match l {
                Written::Row(v) => Some(v),
                Written::Comment(_) => None,
            })
            .collect();
        prop_assert_eq!(g.entries().len(), rows.len());
        let value = |values: &[String], name: &str| {
            case.headers
                .iter()
                .position(|h| h.eq_ignore_ascii_case(name))
                .map_or(String::new(), |i| values[i].clone())
        };
        let list = |s: String| -> Vec<String> {
            if s.is_empty() { Vec::new() } else { s.split('|').map(String::from).collect() }
        };
        for (e, values) in g.entries().iter().zip(rows) {
            prop_assert_eq!(&e.nl, &value(values, "nl"));
            prop_assert_eq!(&e.en, &value(values, "en"));
            let kind = value(values, "kind");
            prop_assert_eq!(e.kind.as_str(), if kind.is_empty() { "term" } else { kind.as_str() });
            prop_assert_eq!(&e.variants, &list(value(values, "variants")));
            prop_assert_eq!(&e.avoid, &list(value(values, "avoid")));
            let origin = value(values, "origin");
            prop_assert_eq!(e.origin.map(|o| o.as_str()), (!origin.is_empty()).then_some(origin.as_str()));
            prop_assert_eq!(&e.note, &value(values, "note"));
        }
    }
}
