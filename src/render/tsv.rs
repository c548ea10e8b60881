//! `tsv`: a header `paragraph<TAB>sentence<TAB>nl<TAB>en`, then one row per
//! sentence with 1-based paragraph and sentence numbers. Tab, newline, carriage
//! return and backslash in text are written `\t`, `\n`, `\r`, `\\`. With several
//! inputs a fifth column, `path`, names the input of each row.

use super::{RenderOptions, Renderer};
use crate::engine::AlignedDoc;
use std::io::{self, Write};

pub struct Tsv {
    opts: RenderOptions,
}

impl Tsv {
    pub fn new(opts: RenderOptions) -> Tsv {
        Tsv { opts }
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
        for (pi, p) in doc.paragraphs.iter().enumerate() {
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
