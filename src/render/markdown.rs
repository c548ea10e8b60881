//! `markdown`: a two-column table, Dutch and English, one row per sentence;
//! pipes and backslashes escaped. With several inputs each table is preceded
//! by a heading naming its input.

use super::{RenderOptions, Renderer, one_line};
use crate::engine::AlignedDoc;
use std::io::{self, Write};

pub struct Markdown {
    opts: RenderOptions,
    first: bool,
}

impl Markdown {
    pub fn new(opts: RenderOptions) -> Markdown {
        Markdown { opts, first: true }
    }
}

fn cell(s: &str) -> String {
    one_line(s).replace('\\', "\\\\").replace('|', "\\|")
}

impl Renderer for Markdown {
    fn document(&mut self, doc: &AlignedDoc, out: &mut dyn Write) -> io::Result<()> {
        if !self.first {
            writeln!(out)?;
        }
        self.first = false;
        if self.opts.multiple {
            writeln!(out, "## {}\n", cell(&doc.path))?;
        }
        writeln!(out, "| Dutch | English ({} engine) |", doc.engine)?;
        writeln!(out, "| --- | --- |")?;
        for s in doc.paragraphs.iter().flat_map(|p| &p.sentences) {
            writeln!(out, "| {} | {} |", cell(&s.nl), cell(&s.en))?;
        }
        Ok(())
    }
}
