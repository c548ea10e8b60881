//! `text`: the English only. One output line per input line (a blank line for
//! a blank line), so line-aligned files stay aligned; with `--join-lines`, one
//! line per paragraph and a blank line between paragraphs.

use super::{PartRenderer, Renderer, one_line};
use crate::engine::AlignedDoc;
use std::io::{self, Write};

#[derive(Default)]
pub struct Text {
    /// Paragraphs of the current document written so far.
    done: usize,
}

impl Renderer for Text {
    fn document(&mut self, doc: &AlignedDoc, out: &mut dyn Write) -> io::Result<()> {
        self.part(doc, true, out)
    }
    fn parts(&mut self) -> Option<&mut dyn PartRenderer> {
        Some(self)
    }
}

impl PartRenderer for Text {
    fn part(&mut self, doc: &AlignedDoc, first: bool, out: &mut dyn Write) -> io::Result<()> {
        if first {
            self.done = 0;
        }
        for p in &doc.paragraphs {
            let i = self.done;
            self.done += 1;
            if doc.joined && i > 0 {
                writeln!(out)?;
            }
            let mut first = true;
            for s in &p.sentences {
                if !first {
                    out.write_all(b" ")?;
                }
                first = false;
                out.write_all(one_line(&s.en).as_bytes())?;
            }
            writeln!(out)?;
        }
        Ok(())
    }
}
