//! `text`: the English only. One output line per input line (a blank line for
//! a blank line), so line-aligned files stay aligned; with `--join-lines`, one
//! line per paragraph and a blank line between paragraphs.

use super::{Renderer, one_line};
use crate::engine::AlignedDoc;
use std::io::{self, Write};

pub struct Text;

impl Renderer for Text {
    fn document(&mut self, doc: &AlignedDoc, out: &mut dyn Write) -> io::Result<()> {
        for (i, p) in doc.paragraphs.iter().enumerate() {
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
