//! Arbitrary text tagged with the shipped glossary: hits sorted, not
//! overlapping, on char boundaries, each with its entry and spelling, and
//! every hit's line and column computable.

#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use tolk::tag::LineIndex;
use tolk::{Glossary, tag};

fn shipped() -> &'static Glossary {
    static G: OnceLock<Glossary> = OnceLock::new();
    G.get_or_init(|| Glossary::load(tolk::glossary::shipped_sources()).unwrap())
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let g = shipped();
    let hits = tag(g, text);
    let lines = LineIndex::new(text);
    let mut prev_end = 0;
    for h in &hits {
        assert!(h.start < h.end && h.end <= text.len());
        assert!(h.start >= prev_end, "overlap at {}", h.start);
        assert!(h.start <= h.stem_end && h.stem_end <= h.end);
        assert!(
            text.is_char_boundary(h.start)
                && text.is_char_boundary(h.stem_end)
                && text.is_char_boundary(h.end)
        );
        assert!(h.entry < g.entries().len() && h.spelling < g.spellings().len());
        let (line, col) = lines.line_col(h.start);
        assert!(line >= 1 && col >= 1);
        prev_end = h.end;
    }
});
