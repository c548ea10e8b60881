//! Tagging: text → glossary term hits.
//!
//! A pure function of a [`Glossary`] and a text; the hits are byte ranges of
//! the original text, sorted and non-overlapping. [`LineIndex`] turns offsets
//! into the 1-based line and character column that `tolk tag` prints.

use crate::glossary::{Glossary, TermHit};

/// Find every glossary term in `text`.
pub fn tag(glossary: &Glossary, text: &str) -> Vec<TermHit> {
    glossary.matcher().find(text)
}

/// Byte offset → (line, column), both 1-based, the column counted in characters.
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
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
        LineIndex { text, starts }
    }

    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        let col = self.text[start..offset].chars().count() + 1;
        (line, col)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_char_columns() {
        let text = "Oekraïne en Kiev\r\nnaar Moskou\rPoetin";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text.find("Kiev").unwrap()), (1, 13));
        assert_eq!(idx.line_col(text.find("Moskou").unwrap()), (2, 6));
        assert_eq!(idx.line_col(text.find("Poetin").unwrap()), (3, 1));
    }
}
