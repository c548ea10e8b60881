//! Invariants on arbitrary input (proptest): no panic anywhere in the
//! pipeline, term hits on char boundaries and in order, sentences covering
//! their paragraph in order, `text` output line-aligned with the input.

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
