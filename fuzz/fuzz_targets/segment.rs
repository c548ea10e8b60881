//! Arbitrary text through the segmenter, lines joined and not: paragraphs
//! and sentences in order, inside the text, on char boundaries, and every
//! visible character in some sentence.

#![no_main]

use libfuzzer_sys::fuzz_target;
use tolk::segment;
use tolk::segment::SegmentOptions;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let boundary = |i: usize| i <= text.len() && text.is_char_boundary(i);
    for join_lines in [false, true] {
        let doc = segment(text, &SegmentOptions { join_lines });
        let mut covered = vec![false; text.len()];
        let mut prev_para_end = 0;
        for p in &doc.paragraphs {
            assert!(p.span.start >= prev_para_end && p.span.start <= p.span.end);
            assert!(boundary(p.span.start) && boundary(p.span.end));
            prev_para_end = p.span.end;
            let mut prev = p.span.start;
            for s in &p.sentences {
                assert!(s.span.start >= prev && s.span.start < s.span.end);
                assert!(s.span.end <= p.span.end);
                assert!(boundary(s.span.start) && boundary(s.span.end));
                let mut prev_token = s.span.start;
                for t in &s.tokens {
                    assert!(t.span.start >= prev_token && t.span.start < t.span.end);
                    assert!(t.span.end <= s.span.end);
                    assert!(boundary(t.span.start) && boundary(t.span.end));
                    prev_token = t.span.end;
                }
                if let Some(w) = s.first_word_start() {
                    assert!(s.span.contains(&w));
                }
                covered[s.span.clone()].iter_mut().for_each(|c| *c = true);
                prev = s.span.end;
            }
        }
        for (i, c) in text.char_indices() {
            let invisible = matches!(
                c,
                '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
            );
            assert!(
                covered[i] || c.is_whitespace() || invisible,
                "{c:?} at {i} is in no sentence (join_lines {join_lines})"
            );
        }
    }
    // Line spans: in order, on boundaries, without their line endings.
    let mut prev = 0;
    for r in segment::line_spans(text) {
        assert!(r.start >= prev && r.start <= r.end && boundary(r.start) && boundary(r.end));
        assert!(!text[r.clone()].contains(['\n', '\r']));
        prev = r.end;
    }
});
