//! Arbitrary input through the whole pipeline: bytes that are not UTF-8 go
//! through input decoding first; the text is translated with the built-in
//! and the glossary engine, lines joined and not, and rendered in every
//! format. Spans in the aligned document stay inside their strings.

#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use tolk::engine::{AlignedDoc, Engine, GlossaryEngine};
use tolk::render::{Format, RenderOptions, renderer};
use tolk::segment::SegmentOptions;
use tolk::translate::BuiltinEngine;
use tolk::{Glossary, input};

fn shipped() -> &'static Glossary {
    static G: OnceLock<Glossary> = OnceLock::new();
    G.get_or_init(|| Glossary::load(tolk::glossary::shipped_sources()).unwrap())
}

fn builtin() -> &'static BuiltinEngine {
    static E: OnceLock<BuiltinEngine> = OnceLock::new();
    E.get_or_init(BuiltinEngine::shipped)
}

fn check(doc: &AlignedDoc, text: &str) {
    let inside = |s: &str, r: &std::ops::Range<usize>| {
        r.start <= r.end
            && r.end <= s.len()
            && s.is_char_boundary(r.start)
            && s.is_char_boundary(r.end)
    };
    for p in &doc.paragraphs {
        for s in &p.sentences {
            assert!(
                inside(text, &s.src),
                "sentence {:?} outside the text",
                s.src
            );
            for t in &s.terms {
                assert!(inside(text, &t.src), "term {:?} outside the text", t.src);
                if let Some(r) = &t.en_span {
                    assert!(inside(&s.en, r), "term English {r:?} outside {:?}", s.en);
                }
            }
            for u in &s.unknown {
                assert!(inside(text, u), "unknown word {u:?} outside the text");
            }
        }
    }
}

fn pipeline(text: &str) {
    let g = shipped();
    let engines: [&dyn Engine; 2] = [builtin(), &GlossaryEngine];
    for engine in engines {
        for join_lines in [false, true] {
            let doc = tolk::translate("-", text, g, engine, &SegmentOptions { join_lines });
            check(&doc, text);
            for format in Format::ALL {
                for opts in [
                    RenderOptions::default(),
                    RenderOptions {
                        width: 20,
                        color: true,
                        multiple: true,
                    },
                ] {
                    let mut out = Vec::new();
                    let mut r = renderer(format, &opts);
                    r.begin(&mut out).unwrap();
                    r.document(&doc, &mut out).unwrap();
                    r.end(&mut out).unwrap();
                    assert!(
                        std::str::from_utf8(&out).is_ok(),
                        "{} output is not UTF-8",
                        format.name()
                    );
                }
            }
        }
    }
}

fuzz_target!(|data: &[u8]| {
    match std::str::from_utf8(data) {
        Ok(text) => {
            // UTF-8 decodes to itself, less a byte order mark.
            if let Ok(decoded) = input::decode(data, None) {
                assert_eq!(decoded.text, text.strip_prefix('\u{FEFF}').unwrap_or(text));
            }
            pipeline(text)
        }
        // Raw bytes: decoded as `tolk translate` does, with no encoding
        // given and with the one `--encoding auto` detects.
        Err(_) => {
            for encoding in [None, Some(input::detect(data))] {
                if let Ok(decoded) = input::decode(data, encoding) {
                    pipeline(&decoded.text);
                }
            }
        }
    }
});
