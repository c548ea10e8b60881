//! Tagging: text → glossary term hits.
//!
//! A pure function of a [`Glossary`] and a text; the hits are byte ranges of
//! the original text, sorted and non-overlapping. [`LineIndex`] turns offsets
//! into the 1-based line and character column that `tolk tag` prints.

use crate::engine::{AlignedTerm, GlossaryEngine, translate_document};
use crate::glossary::{Glossary, TermHit};
use crate::segment::{Document, SegmentOptions, paragraph, paragraph_spans};
use rayon::prelude::*;

/// Find every glossary term in `text`.
pub fn tag(glossary: &Glossary, text: &str) -> Vec<TermHit> {
    glossary.matcher().find(text)
}

/// The glossary terms of `text` as `translate` reports them (the English
/// cased for the term's place in its sentence; a hit across a sentence
/// boundary dropped), without proposals. Only the paragraphs that hold a
/// hit are segmented (in parallel), so this runs at the matcher's speed on
/// text where terms are sparse.
pub fn glossary_terms(glossary: &Glossary, text: &str, opts: &SegmentOptions) -> Vec<AlignedTerm> {
    let hits = tag(glossary, text);
    if hits.is_empty() {
        return Vec::new();
    }
    let mut next = 0;
    let mut spans = Vec::new();
    for span in paragraph_spans(text, opts) {
        while next < hits.len() && hits[next].end <= span.start {
            next += 1;
        }
        if next == hits.len() {
            break;
        }
        if hits[next].start < span.end {
            spans.push(span);
        }
    }
    // Segmenting is most of the work left: on every core.
    let paragraphs = spans
        .into_par_iter()
        .map(|span| paragraph(text, span))
        .collect();
    let doc = Document { paragraphs };
    translate_document(
        "",
        text,
        &doc,
        &hits,
        glossary,
        &GlossaryEngine,
        opts.join_lines,
    )
    .into_terms()
}

/// Byte offset → (line, column), both 1-based, the column counted in characters.
/// Offsets asked in increasing order (hits are sorted) are counted on from
/// the previous one, so a long line costs one pass, not one per hit.
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
    /// The last answer: (offset, line, column).
    last: std::cell::Cell<(usize, usize, usize)>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> LineIndex<'a> {
        let mut starts = vec![0];
        starts.extend(
            crate::segment::line_spans(text)
                .iter()
                .skip(1)
                .map(|r| r.start),
        );
        // line_spans drops a final empty line; offsets there still map to a line.
        LineIndex {
            text,
            starts,
            last: std::cell::Cell::new((0, 1, 1)),
        }
    }

    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        let (last_offset, last_line, last_col) = self.last.get();
        let col = if last_line == line && last_offset <= offset {
            last_col + self.text[last_offset..offset].chars().count()
        } else {
            self.text[start..offset].chars().count() + 1
        };
        self.last.set((offset, line, col));
        (line, col)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glossary_terms_are_what_translate_reports() {
        let g = Glossary::load(crate::glossary::shipped_sources()).unwrap();
        let text = "Niets hier.\nKerncentrale in Zaporizja. Poetin sprak met Zelensky's\r\nminister.\n\nNiets.";
        for join_lines in [false, true] {
            let opts = SegmentOptions { join_lines };
            let doc = crate::translate("-", text, &g, &GlossaryEngine, &opts);
            let want = doc.into_terms();
            let got = glossary_terms(&g, text, &opts);
            assert_eq!(got, want, "join_lines {join_lines}");
            assert!(got.iter().any(|t| t.en == "Nuclear power plant"), "{got:?}");
        }
    }

    #[test]
    fn line_and_char_columns() {
        let text = "Oekraïne en Kiev\r\nnaar Moskou\rPoetin";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text.find("Kiev").unwrap()), (1, 13));
        assert_eq!(idx.line_col(text.find("Moskou").unwrap()), (2, 6));
        assert_eq!(idx.line_col(text.find("Poetin").unwrap()), (3, 1));
        // Backwards, and again forwards on one line.
        assert_eq!(idx.line_col(text.find("Kiev").unwrap()), (1, 13));
        assert_eq!(idx.line_col(text.find("en").unwrap()), (1, 10));
        assert_eq!(idx.line_col(text.find("Kiev").unwrap()), (1, 13));
        assert_eq!(idx.line_col(text.find("Kiev").unwrap() + 4), (1, 17));
    }
}
