//! `tsv`: a header `paragraph<TAB>sentence<TAB>nl<TAB>en`, then one row per
//! sentence with 1-based paragraph and sentence numbers. Tab, newline, carriage
//! return and backslash in text are written `\t`, `\n`, `\r`, `\\`. With several
//! inputs a fifth column, `path`, names the input of each row.

use super::{PartRenderer, RenderOptions, Renderer};
use crate::engine::AlignedDoc;
use std::io::{self, Write};

pub struct Tsv {
    opts: RenderOptions,
    /// Paragraphs of the current document written so far.
    done: usize,
}

impl Tsv {
    pub fn new(opts: RenderOptions) -> Tsv {
        Tsv { opts, done: 0 }
    }
}

/// Escape a TSV field.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out
}

impl Renderer for Tsv {
    fn begin(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if self.opts.multiple {
            writeln!(out, "paragraph\tsentence\tnl\ten\tpath")
        } else {
            writeln!(out, "paragraph\tsentence\tnl\ten")
        }
    }

    fn document(&mut self, doc: &AlignedDoc, out: &mut dyn Write) -> io::Result<()> {
        self.part(doc, true, out)
    }
    fn parts(&mut self) -> Option<&mut dyn PartRenderer> {
        Some(self)
    }
}

impl PartRenderer for Tsv {
    fn part(&mut self, doc: &AlignedDoc, first: bool, out: &mut dyn Write) -> io::Result<()> {
        if first {
            self.done = 0;
        }
        for p in &doc.paragraphs {
            let pi = self.done;
            self.done += 1;
            for (si, s) in p.sentences.iter().enumerate() {
                write!(
                    out,
                    "{}\t{}\t{}\t{}",
                    pi + 1,
                    si + 1,
                    escape(&s.nl),
                    escape(&s.en)
                )?;
                if self.opts.multiple {
                    write!(out, "\t{}", escape(&doc.path))?;
                }
                writeln!(out)?;
            }
        }
        Ok(())
    }
}
