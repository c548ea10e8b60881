//! Glossary exchange formats: round trips for the lossless formats (TBX 2,
//! TBX v3, JSON), rows and `dropped` reports for the flat ones (DeepL,
//! Google, Amazon, OmegaT), DeepL's rules, XML well-formedness (and `xmllint`
//! where installed), and spreadsheet CSV import in its encodings.

use quick_xml::Reader;
use quick_xml::events::Event;
use quick_xml::name::ResolveResult;
use tolk::glossary::formats::*;
use tolk::glossary::{Kind, Origin};

fn term(nl: &str, en: &str) -> Term {
    Term {
        nl: nl.into(),
        en: en.into(),
        ..Term::default()
    }
}

/// Terms with every field set somewhere and characters that need escaping
/// in CSV and XML.
fn sample() -> Vec<Term> {
    vec![
        Term {
            nl: "Poetin".into(),
            en: "Putin".into(),
            kind: Some(Kind::Person),
            variants: vec!["Poettin".into()],
            avoid: vec!["Poutine".into()],
            origin: Some(Origin::Ru),
            note: "Russian president; \"Vladimir\" & co <b>".into(),
        },
        Term {
            nl: "Kiev".into(),
            en: "Kyiv".into(),
            kind: Some(Kind::Place),
            variants: vec!["Kyjiv".into(), "Київ".into()],
            avoid: vec!["Kiev".into(), "Kiew".into()],
            origin: Some(Origin::Uk),
            note: "capital, since 2022; see 'Kyiv'".into(),
        },
        Term {
            nl: "Witte Huis, het".into(),
            en: "White House".into(),
            kind: Some(Kind::Org),
            ..Term::default()
        },
        Term {
            nl: "AT&T <corp>".into(),
            en: "AT&T \"corp\"".into(),
            ..Term::default()
        },
        Term {
            nl: "d'Hondt-methode".into(),
            en: "D'Hondt method; seats".into(),
            kind: Some(Kind::Term),
            note: "Oekraïne’s «quotes» — ünïcödé".into(),
            ..Term::default()
        },
        Term {
            nl: "Oekraïens".into(),
            en: "Ukrainian".into(),
            kind: Some(Kind::Adj),
            origin: Some(Origin::Other),
            ..Term::default()
        },
    ]
}

fn text(e: &Export) -> &str {
    std::str::from_utf8(&e.bytes).expect("exports are UTF-8")
}

/// The CSV records of `bytes`, no header handling.
fn csv_rows(bytes: &[u8]) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes)
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

fn rows(pairs: &[(&str, &str)]) -> Vec<Vec<String>> {
    pairs
        .iter()
        .map(|(a, b)| vec![a.to_string(), b.to_string()])
        .collect()
}

/// The nl/en pairs the flat formats write for [`sample`]: one per spelling.
const SAMPLE_PAIRS: [(&str, &str); 9] = [
    ("Poetin", "Putin"),
    ("Poettin", "Putin"),
    ("Kiev", "Kyiv"),
    ("Kyjiv", "Kyiv"),
    ("Київ", "Kyiv"),
    ("Witte Huis, het", "White House"),
    ("AT&T <corp>", "AT&T \"corp\""),
    ("d'Hondt-methode", "D'Hondt method; seats"),
    ("Oekraïens", "Ukrainian"),
];

fn pair_terms() -> Vec<Term> {
    SAMPLE_PAIRS.iter().map(|(nl, en)| term(nl, en)).collect()
}

// ---------------------------------------------------------------- lossless

#[test]
fn lossless_formats_round_trip() {
    let terms = sample();
    for format in [
        ExchangeFormat::Tbx,
        ExchangeFormat::Tbx3,
        ExchangeFormat::Json,
    ] {
        assert!(format.is_lossless());
        let e = export(&terms, format).unwrap();
        assert!(e.dropped.is_empty(), "{format:?}: {:?}", e.dropped);
        let back = import(&e.bytes, format, None).unwrap_or_else(|err| panic!("{format:?}: {err}"));
        assert_eq!(back, terms, "{format:?} round trip");
    }
}

#[test]
fn lossless_round_trip_of_no_terms() {
    for format in [
        ExchangeFormat::Tbx,
        ExchangeFormat::Tbx3,
        ExchangeFormat::Json,
    ] {
        let e = export(&[], format).unwrap();
        assert_eq!(import(&e.bytes, format, None).unwrap(), []);
    }
}

#[test]
fn tbx_mapping() {
    let e = export(&sample()[..1], ExchangeFormat::Tbx).unwrap();
    let xml = text(&e);
    assert!(xml.starts_with(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<martif type=\"TBX\" xml:lang=\"nl\">"
    ));
    for needle in [
        "<termEntry id=\"t1\">",
        "<descrip type=\"subjectField\">person</descrip>",
        "<descrip type=\"origin\">ru</descrip>",
        "<note>Russian president; &quot;Vladimir&quot; &amp; co &lt;b&gt;</note>",
        "<langSet xml:lang=\"nl\">",
        "<term>Poetin</term>\n            <termNote type=\"administrativeStatus\">preferredTerm-admn-sts</termNote>",
        "<term>Poettin</term>\n            <termNote type=\"administrativeStatus\">admittedTerm-admn-sts</termNote>",
        "<langSet xml:lang=\"en\">",
        "<term>Putin</term>\n            <termNote type=\"administrativeStatus\">preferredTerm-admn-sts</termNote>",
        "<term>Poutine</term>\n            <termNote type=\"administrativeStatus\">deprecatedTerm-admn-sts</termNote>",
    ] {
        assert!(xml.contains(needle), "missing {needle:?} in\n{xml}");
    }
}

#[test]
fn tbx3_mapping() {
    let e = export(&sample()[..1], ExchangeFormat::Tbx3).unwrap();
    let xml = text(&e);
    assert!(xml.starts_with(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"nl\" xmlns=\"urn:iso:std:iso:30042:ed-2\">"
    ));
    for needle in [
        "<tbxHeader>",
        "<conceptEntry id=\"c1\">",
        "<langSec xml:lang=\"nl\">",
        "<termSec>\n            <term>Poettin</term>\n            <termNote type=\"administrativeStatus\">admittedTerm-admn-sts</termNote>\n          </termSec>",
        "<term>Poutine</term>\n            <termNote type=\"administrativeStatus\">deprecatedTerm-admn-sts</termNote>",
    ] {
        assert!(xml.contains(needle), "missing {needle:?} in\n{xml}");
    }
}

#[test]
fn tbx_ids_are_unique() {
    let e = export(&sample(), ExchangeFormat::Tbx).unwrap();
    let ids: Vec<_> = text(&e).match_indices("id=\"t").map(|(i, _)| i).collect();
    assert_eq!(ids.len(), sample().len());
    for n in 1..=sample().len() {
        assert_eq!(text(&e).matches(&format!("id=\"t{n}\"")).count(), 1);
    }
}

#[test]
fn tbx_keeps_carriage_returns_and_drops_forbidden_characters() {
    let terms = [Term {
        nl: "a\u{1}b".into(),
        en: "c".into(),
        note: "line\r\nbreak\tand tab".into(),
        ..Term::default()
    }];
    for format in [ExchangeFormat::Tbx, ExchangeFormat::Tbx3] {
        let e = export(&terms, format).unwrap();
        assert_eq!(
            e.dropped,
            ["control characters in 1 entry: removed (XML 1.0 cannot carry them)"]
        );
        assert_well_formed(&e.bytes);
        let back = import(&e.bytes, format, None).unwrap();
        assert_eq!(back[0].nl, "ab");
        assert_eq!(back[0].note, "line\r\nbreak\tand tab");
    }
}

#[test]
fn tbx_import_reads_either_version() {
    let terms = sample();
    let v2 = export(&terms, ExchangeFormat::Tbx).unwrap();
    let v3 = export(&terms, ExchangeFormat::Tbx3).unwrap();
    assert_eq!(
        import(&v2.bytes, ExchangeFormat::Tbx3, None).unwrap(),
        terms
    );
    assert_eq!(import(&v3.bytes, ExchangeFormat::Tbx, None).unwrap(), terms);
}

#[test]
fn tbx_import_errors_give_lines() {
    let e = import(
        b"<?xml version=\"1.0\"?>\n<martif>\n<text><body>\n<termEntry>\n</body>",
        ExchangeFormat::Tbx,
        None,
    )
    .unwrap_err();
    assert!(matches!(e, FormatError::Parse { line: 5, .. }), "{e:?}");
    let e = import(b"{\"not\": \"xml\"}", ExchangeFormat::Tbx, None).unwrap_err();
    assert!(matches!(e, FormatError::Parse { line: 1, .. }), "{e:?}");
    let no_nl = b"<tbx>\n<text><body>\n<conceptEntry id=\"c9\">\n<langSec xml:lang=\"en\"><termSec><term>x</term></termSec></langSec>\n</conceptEntry></body></text></tbx>";
    match import(no_nl, ExchangeFormat::Tbx3, None).unwrap_err() {
        FormatError::Parse { line, message } => {
            assert_eq!(line, 3);
            assert!(
                message.contains("c9") && message.contains("Dutch"),
                "{message}"
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn json_shape() {
    let e = export(&[sample()[2].clone()], ExchangeFormat::Json).unwrap();
    assert_eq!(
        text(&e),
        "[\n  {\n    \"nl\": \"Witte Huis, het\",\n    \"en\": \"White House\",\n    \"kind\": \"org\",\n    \"variants\": [],\n    \"avoid\": [],\n    \"origin\": null,\n    \"note\": \"\"\n  }\n]\n"
    );
}

#[test]
fn json_import_accepts_missing_optional_keys() {
    let json = br#"[{"nl": "Kiev", "en": "Kyiv", "variants": ["Kyjiv"]}, {"nl": "a", "en": "b", "kind": "PLACE", "origin": null, "note": null}]"#;
    let got = import(json, ExchangeFormat::Json, None).unwrap();
    assert_eq!(
        got,
        [
            Term {
                variants: vec!["Kyjiv".into()],
                ..term("Kiev", "Kyiv")
            },
            Term {
                kind: Some(Kind::Place),
                ..term("a", "b")
            }
        ]
    );
    let e = import(
        b"[\n  {\"nl\": \"a\",\n   \"en\": \"b\",\n   \"origin\": \"fr\"}\n]",
        ExchangeFormat::Json,
        None,
    )
    .unwrap_err();
    assert!(
        matches!(e, FormatError::Parse { line: 4, ref message } if message.contains("fr")),
        "{e:?}"
    );
}

// ---------------------------------------------------------------- XML checks

/// Read the whole document with quick-xml; return the namespace of the root.
fn assert_well_formed(bytes: &[u8]) -> Option<String> {
    let xml = std::str::from_utf8(bytes).unwrap();
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
    let mut reader = quick_xml::NsReader::from_str(xml);
    let mut root_ns = None;
    let mut depth = 0usize;
    let mut first = true;
    loop {
        let at = reader.buffer_position();
        let (ns, event) = reader
            .read_resolved_event()
            .unwrap_or_else(|e| panic!("not well-formed after byte {at}: {e}\n{xml}"));
        match event {
            Event::Start(_) => {
                if first {
                    root_ns = match ns {
                        ResolveResult::Bound(n) => Some(n.into_inner().to_owned()),
                        _ => None,
                    };
                    first = false;
                }
                depth += 1;
            }
            Event::End(_) => depth -= 1,
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(depth, 0, "unclosed elements");
    root_ns
}

#[test]
fn tbx_output_is_well_formed_xml() {
    let v2 = export(&sample(), ExchangeFormat::Tbx).unwrap();
    assert_eq!(
        assert_well_formed(&v2.bytes),
        None,
        "TBX 2 has no namespace"
    );
    let v3 = export(&sample(), ExchangeFormat::Tbx3).unwrap();
    assert_eq!(
        assert_well_formed(&v3.bytes).as_deref(),
        Some("urn:iso:std:iso:30042:ed-2")
    );
    // And with plain quick_xml::Reader, to the end.
    for e in [&v2, &v3] {
        let mut r = Reader::from_str(text(e));
        while !matches!(r.read_event().unwrap(), Event::Eof) {}
    }
}

#[test]
fn tbx_output_passes_xmllint_when_installed() {
    let xmllint = std::path::Path::new("/usr/bin/xmllint");
    if !xmllint.exists() {
        return; // CI installs libxml2-utils; skip quietly elsewhere
    }
    let dir = tempfile::tempdir().unwrap();
    for (name, format) in [
        ("v2.tbx", ExchangeFormat::Tbx),
        ("v3.tbx", ExchangeFormat::Tbx3),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, export(&sample(), format).unwrap().bytes).unwrap();
        let out = std::process::Command::new(xmllint)
            .arg("--noout")
            .arg(&path)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "xmllint rejects {name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

// ---------------------------------------------------------------- flat formats

#[test]
fn deepl_rows_dropped_and_import() {
    let e = export(&sample(), ExchangeFormat::Deepl).unwrap();
    assert_eq!(csv_rows(&e.bytes), rows(&SAMPLE_PAIRS));
    assert!(text(&e).starts_with("Poetin,Putin\nPoettin,Putin\nKiev,Kyiv\n"));
    assert!(text(&e).contains("\n\"Witte Huis, het\",White House\n"));
    assert!(text(&e).contains("\nAT&T <corp>,\"AT&T \"\"corp\"\"\"\n"));
    assert!(!text(&e).contains('\r'));
    assert_eq!(
        e.dropped,
        [
            "variants of 2 entries: written as 3 extra rows (DeepL has no variants; importing gives separate entries)",
            "avoid (3 forbidden English spellings) of 2 entries: DeepL has no forbidden terms (only TBX carries them)",
            "kind of 5 entries: DeepL has no term types",
            "origin of 3 entries: DeepL has no field for it",
            "note of 3 entries: DeepL has no notes",
        ]
    );
    assert_eq!(
        import(&e.bytes, ExchangeFormat::Deepl, None).unwrap(),
        pair_terms()
    );
}

#[test]
fn deepl_import_tsv_and_language_columns() {
    let tsv = "Kiev\tKyiv\tnl\ten\nWitte Huis, het\tWhite House\tnl\ten\n";
    assert_eq!(
        import(tsv.as_bytes(), ExchangeFormat::Deepl, None).unwrap(),
        [term("Kiev", "Kyiv"), term("Witte Huis, het", "White House")]
    );
    let csv = "Kiev,Kyiv,nl,en\n\"a;b\",c\n";
    assert_eq!(
        import(csv.as_bytes(), ExchangeFormat::Deepl, None).unwrap(),
        [term("Kiev", "Kyiv"), term("a;b", "c")]
    );
    let e = import(b"Kiev,Kyiv\nalone\n", ExchangeFormat::Deepl, None).unwrap_err();
    assert!(matches!(e, FormatError::Parse { line: 2, .. }), "{e:?}");
}

#[test]
fn deepl_rules() {
    let long = "x".repeat(1025);
    let exactly = "y".repeat(1024);
    let wide = "é".repeat(513); // 1026 bytes, 513 characters
    let terms = vec![
        term("Kiev", "Kyiv"),
        Term {
            variants: vec!["  Kiev ".into(), "kiev".into()],
            ..term("Kiev", "Kiev")
        },
        term("  Poetin\t", " Putin "),
        term("Leeg", "   "),
        term("", "Nothing"),
        term("Tab\there", "x"),
        term("Nieuwe\nregel", "x"),
        term("Bel", "ring\u{7}"),
        term("Scheiding", "a\u{2028}b"),
        term(&long, "long"),
        term(&exactly, "exactly 1024"),
        term("wide", &wide),
        term("Poetin", "Putin"),
    ];
    let e = export(&terms, ExchangeFormat::Deepl).unwrap();
    let got = csv_rows(&e.bytes);
    assert_eq!(
        got,
        rows(&[
            ("Kiev", "Kyiv"),
            ("kiev", "Kiev"),
            ("Poetin", "Putin"),
            (&exactly, "exactly 1024"),
        ])
    );
    // DeepL's rules hold for what is written.
    let mut sources = std::collections::HashSet::new();
    for row in &got {
        for side in row {
            assert!(!side.is_empty() && side.len() <= 1024);
            assert_eq!(side.trim(), side);
            assert!(!side.chars().any(char::is_control));
        }
        assert!(
            sources.insert(row[0].clone()),
            "duplicate source {}",
            row[0]
        );
    }
    let d = &e.dropped;
    let has = |needle: &str| {
        assert!(
            d.iter().any(|m| m.contains(needle)),
            "no message with {needle:?} in {d:#?}"
        )
    };
    has(
        "skipped `Kiev` → `Kiev`: duplicate source (DeepL accepts one target per source; kept → `Kyiv`)",
    );
    has("skipped `Leeg` → ``: empty target");
    has("skipped `` → `Nothing`: empty source");
    has("skipped `Tab\\there` → `x`: control character or line break");
    has("skipped `Nieuwe\\nregel` → `x`: control character");
    has("skipped `Bel` → `ring\\u{7}`: control character");
    has("skipped `Scheiding` → `a\\u{2028}b`: control character or line break");
    has("a term of 1025 bytes (DeepL accepts at most 1024 UTF-8 bytes per term)");
    has("a term of 1026 bytes");
    has("skipped `Poetin` → `Putin`: duplicate source, the same row is already written");
    // The two `Kiev` spellings of entry 2 and the repeated Poetin row.
    assert_eq!(
        d.iter().filter(|m| m.contains("duplicate source")).count(),
        3
    );
    assert_eq!(d.iter().filter(|m| m.starts_with("skipped")).count(), 11);
}

#[test]
fn google_rows_dropped_and_import() {
    let e = export(&sample(), ExchangeFormat::Google).unwrap();
    // No header: the first row is data.
    assert!(text(&e).starts_with("Poetin,Putin\n"));
    assert_eq!(csv_rows(&e.bytes), rows(&SAMPLE_PAIRS));
    assert_eq!(
        e.dropped,
        [
            "variants of 2 entries: written as 3 extra rows (Google has no variants; importing gives separate entries)",
            "avoid (3 forbidden English spellings) of 2 entries: Google has no forbidden terms (only TBX carries them)",
            "kind of 5 entries: Google has no term types",
            "origin of 3 entries: Google has no field for it",
            "note of 3 entries: Google has no notes",
        ]
    );
    assert_eq!(
        import(&e.bytes, ExchangeFormat::Google, None).unwrap(),
        pair_terms()
    );
    // Google keeps one target per source too.
    let e = export(&[term("a", "b"), term("a", "c")], ExchangeFormat::Google).unwrap();
    assert_eq!(text(&e), "a,b\n");
    assert_eq!(e.dropped.len(), 1);
}

#[test]
fn amazon_rows_dropped_and_import() {
    let e = export(&sample(), ExchangeFormat::Amazon).unwrap();
    assert!(text(&e).starts_with("nl,en\nPoetin,Putin\n"));
    let mut expected = rows(&[("nl", "en")]);
    expected.extend(rows(&SAMPLE_PAIRS));
    assert_eq!(csv_rows(&e.bytes), expected);
    assert_eq!(e.dropped.len(), 5);
    assert!(e.dropped[0].contains("Amazon has no variants"));
    assert!(e.dropped[1].contains("Amazon has no forbidden terms"));
    assert_eq!(
        import(&e.bytes, ExchangeFormat::Amazon, None).unwrap(),
        pair_terms()
    );
}

#[test]
fn amazon_import_finds_the_english_column() {
    let csv = "nl-NL,de,en-GB\nKiev,Kiew,Kyiv\n\"Witte Huis, het\",Weißes Haus,White House\n";
    assert_eq!(
        import(csv.as_bytes(), ExchangeFormat::Amazon, None).unwrap(),
        [term("Kiev", "Kyiv"), term("Witte Huis, het", "White House")]
    );
    let e = import(b"nl,de\nKiev,Kiew\n", ExchangeFormat::Amazon, None).unwrap_err();
    assert!(matches!(e, FormatError::Parse { line: 1, .. }), "{e:?}");
    let e = import(b"en,nl\nKyiv,Kiev\n", ExchangeFormat::Amazon, None).unwrap_err();
    assert!(matches!(e, FormatError::Parse { line: 1, ref message } if message.contains("Dutch")));
}

#[test]
fn omegat_rows_dropped_and_import() {
    let e = export(&sample(), ExchangeFormat::Omegat).unwrap();
    assert_eq!(
        text(&e),
        "Poetin\tPutin\t[person] Russian president; \"Vladimir\" & co <b>\n\
         Poettin\tPutin\t[person] Russian president; \"Vladimir\" & co <b>\n\
         Kiev\tKyiv\t[place] capital, since 2022; see 'Kyiv'\n\
         Kyjiv\tKyiv\t[place] capital, since 2022; see 'Kyiv'\n\
         Київ\tKyiv\t[place] capital, since 2022; see 'Kyiv'\n\
         Witte Huis, het\tWhite House\t[org]\n\
         AT&T <corp>\tAT&T \"corp\"\n\
         d'Hondt-methode\tD'Hondt method; seats\tOekraïne’s «quotes» — ünïcödé\n\
         Oekraïens\tUkrainian\t[adj]\n"
    );
    assert_eq!(
        e.dropped,
        [
            "variants of 2 entries: written as 3 extra rows (OmegaT has no variants; importing gives separate entries)",
            "avoid (3 forbidden English spellings) of 2 entries: OmegaT has no forbidden terms (only TBX carries them)",
            "origin of 3 entries: OmegaT has no field for it",
        ]
    );
    let back = import(&e.bytes, ExchangeFormat::Omegat, None).unwrap();
    let pairs: Vec<_> = back
        .iter()
        .map(|t| (t.nl.as_str(), t.en.as_str()))
        .collect();
    assert_eq!(pairs, SAMPLE_PAIRS);
    assert_eq!(back[0].kind, Some(Kind::Person));
    assert_eq!(back[0].note, "Russian president; \"Vladimir\" & co <b>");
    assert_eq!(back[5].kind, Some(Kind::Org));
    assert_eq!(back[5].note, "");
    assert_eq!(back[7].kind, None);
    assert_eq!(back[7].note, "Oekraïne’s «quotes» — ünïcödé");
}

#[test]
fn omegat_import_two_or_three_columns() {
    let txt = "# OmegaT glossary\n\nKiev\tKyiv\nPoetin\tPutin\tpresident\textra\n";
    let got = import(txt.as_bytes(), ExchangeFormat::Omegat, None).unwrap();
    assert_eq!(
        got,
        [
            term("Kiev", "Kyiv"),
            Term {
                note: "president".into(),
                ..term("Poetin", "Putin")
            }
        ]
    );
    let e = import(b"Kiev\tKyiv\nonly one\n", ExchangeFormat::Omegat, None).unwrap_err();
    assert!(matches!(e, FormatError::Parse { line: 2, .. }), "{e:?}");
}

#[test]
fn omegat_flattens_note_line_breaks() {
    let t = Term {
        note: "two\nlines".into(),
        ..term("a", "b")
    };
    let e = export(&[t], ExchangeFormat::Omegat).unwrap();
    assert_eq!(text(&e), "a\tb\ttwo lines\n");
    assert!(e.dropped.iter().any(|m| m.contains("replaced by spaces")));
}

#[test]
fn csv_is_import_only() {
    assert_eq!(
        export(&sample(), ExchangeFormat::Csv),
        Err(FormatError::ImportOnly("csv"))
    );
}

// ---------------------------------------------------------------- spreadsheet CSV

#[test]
fn csv_import_semicolons_windows_1252() {
    // What Excel writes in a Dutch locale: `;`, CRLF, Windows-1252.
    let bytes = b"Dutch;English;Note\r\nOekra\xefne;Ukraine;\"land; groot\"\r\nZelenski;Zelensky;caf\xe9 \x93quoted\x94\r\n;;\r\n";
    let got = import(bytes, ExchangeFormat::Csv, None).unwrap();
    assert_eq!(
        got,
        [
            Term {
                note: "land; groot".into(),
                ..term("Oekraïne", "Ukraine")
            },
            Term {
                note: "café “quoted”".into(),
                ..term("Zelenski", "Zelensky")
            },
        ]
    );
    // The same with the encoding given.
    let given = import(bytes, ExchangeFormat::Csv, Some(encoding_rs::WINDOWS_1252)).unwrap();
    assert_eq!(given, got);
}

#[test]
fn csv_import_utf16_with_bom() {
    let text = "\u{FEFF}nederlands,engels,soort,varianten\nKiev,Kyiv,place,Kyjiv|Київ\n";
    let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    let expected = [Term {
        kind: Some(Kind::Place),
        variants: vec!["Kyjiv".into(), "Київ".into()],
        ..term("Kiev", "Kyiv")
    }];
    assert_eq!(import(&le, ExchangeFormat::Csv, None).unwrap(), expected);
    assert_eq!(import(&be, ExchangeFormat::Csv, None).unwrap(), expected);
}

#[test]
fn csv_import_utf8_with_bom_and_tolk_columns() {
    let bytes = "\u{FEFF}NL,EN,kind,variants,avoid,origin,note,Remarks\nKiev,Kyiv,place,Kyjiv,Kiev|Kiew,uk,\"capital, 2022\",ignored\n";
    let got = import(bytes.as_bytes(), ExchangeFormat::Csv, None).unwrap();
    assert_eq!(got, [sample_kiev_without_cyrillic()]);
    let aliases = "source,target,nl-NL\nx,y,z\n";
    let e = import(aliases.as_bytes(), ExchangeFormat::Csv, None).unwrap_err();
    assert!(
        matches!(e, FormatError::Parse { line: 1, .. }),
        "two nl columns: {e:?}"
    );
    let aliases = "Source;en_US\nx;y\n";
    assert_eq!(
        import(aliases.as_bytes(), ExchangeFormat::Csv, None).unwrap(),
        [term("x", "y")]
    );
}

fn sample_kiev_without_cyrillic() -> Term {
    Term {
        variants: vec!["Kyjiv".into()],
        note: "capital, 2022".into(),
        ..sample()[1].clone()
    }
}

#[test]
fn csv_import_missing_header() {
    let e = import(b"Kiev,Kyiv\nPoetin,Putin\n", ExchangeFormat::Csv, None).unwrap_err();
    match e {
        FormatError::Parse { line, message } => {
            assert_eq!(line, 1);
            assert!(message.contains("missing `nl` column"), "{message}");
        }
        other => panic!("{other:?}"),
    }
    let e = import(b"\n\nDutch;Note\nKiev;x\n", ExchangeFormat::Csv, None).unwrap_err();
    assert!(
        matches!(e, FormatError::Parse { line: 3, ref message } if message.contains("missing `en` column")),
        "{e:?}"
    );
    let e = import(b"", ExchangeFormat::Csv, None).unwrap_err();
    assert!(matches!(e, FormatError::Parse { line: 1, .. }));
}

#[test]
fn csv_import_bad_bytes_for_the_given_encoding() {
    let e = import(
        b"nl,en\nKiev,Kyiv\nOekra\xefne,Ukraine\n",
        ExchangeFormat::Csv,
        Some(encoding_rs::UTF_8),
    )
    .unwrap_err();
    assert!(matches!(e, FormatError::Parse { line: 3, .. }), "{e:?}");
}

#[test]
fn format_names_and_extensions() {
    assert_eq!(ExchangeFormat::Tbx3.name(), "tbx3");
    assert_eq!(ExchangeFormat::Tbx3.extension(), "tbx");
    assert_eq!(ExchangeFormat::Omegat.extension(), "utf8");
    assert!(!ExchangeFormat::Deepl.is_lossless());
}

#[test]
fn tbx_import_utf16_and_declared_latin1() {
    let terms = sample();
    let xml = String::from_utf8(export(&terms, ExchangeFormat::Tbx).unwrap().bytes)
        .unwrap()
        .replacen("encoding=\"UTF-8\"", "encoding=\"UTF-16\"", 1);
    let utf16: Vec<u8> = std::iter::once('\u{FEFF}')
        .chain(xml.chars())
        .collect::<String>()
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    assert_eq!(import(&utf16, ExchangeFormat::Tbx, None).unwrap(), terms);

    let latin1 = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<martif type=\"TBX\" xml:lang=\"nl\"><text><body><termEntry>\n<langSet xml:lang=\"nl\"><tig><term>Oekra\xefne</term></tig></langSet>\n<langSet xml:lang=\"en\"><tig><term>Ukraine</term></tig></langSet>\n</termEntry></body></text></martif>";
    assert_eq!(
        import(latin1, ExchangeFormat::Tbx, None).unwrap(),
        [term("Oekraïne", "Ukraine")]
    );
}
