//! `markdown`: a two-column table, Dutch and English, one row per sentence;
//! pipes and backslashes escaped; names spelled by transliteration (proposals
//! to check) in italics, explained under the table. With several inputs each
//! table is preceded by a heading naming its input.

use super::{PartRenderer, RenderOptions, Renderer, one_line};
use crate::engine::{AlignedDoc, AlignedSentence, TermSource};
use std::io::{self, Write};

pub struct Markdown {
    opts: RenderOptions,
    first: bool,
    /// The current document has a proposal (in italics) to explain.
    proposals: bool,
}

impl Markdown {
    pub fn new(opts: RenderOptions) -> Markdown {
        Markdown {
            opts,
            first: true,
            proposals: false,
        }
    }
}

fn cell(s: &str) -> String {
    one_line(s).replace('\\', "\\\\").replace('|', "\\|")
}

/// The English cell, with proposals in italics; and whether there was one.
fn english(s: &AlignedSentence) -> (String, bool) {
    let mut spans: Vec<std::ops::Range<usize>> = s
        .terms
        .iter()
        .filter(|t| t.source == TermSource::Translit)
        .filter_map(|t| t.en_span.clone())
        .filter(|r| {
            r.end <= s.en.len() && s.en.is_char_boundary(r.start) && s.en.is_char_boundary(r.end)
        })
        .collect();
    spans.sort_by_key(|r| r.start);
    let mut out = String::new();
    let mut at = 0;
    for r in &spans {
        if r.start < at {
            continue;
        }
        out.push_str(&cell(&s.en[at..r.start]));
        out.push('*');
        out.push_str(&cell(&s.en[r.clone()]));
        out.push('*');
        at = r.end;
    }
    out.push_str(&cell(&s.en[at..]));
    (out, !spans.is_empty())
}

impl Renderer for Markdown {
    fn document(&mut self, doc: &AlignedDoc, out: &mut dyn Write) -> io::Result<()> {
        self.part(doc, true, out)?;
        self.finish(out)
    }
    fn parts(&mut self) -> Option<&mut dyn PartRenderer> {
        Some(self)
    }
}

impl PartRenderer for Markdown {
    fn part(&mut self, doc: &AlignedDoc, first: bool, out: &mut dyn Write) -> io::Result<()> {
        if first {
            if !self.first {
                writeln!(out)?;
            }
            self.first = false;
            self.proposals = false;
            if self.opts.multiple {
                writeln!(out, "## {}\n", cell(&doc.path))?;
            }
            writeln!(out, "| Dutch | English ({} engine) |", doc.engine)?;
            writeln!(out, "| --- | --- |")?;
        }
        for s in doc.paragraphs.iter().flat_map(|p| &p.sentences) {
            let (en, marked) = english(s);
            self.proposals |= marked;
            writeln!(out, "| {} | {} |", cell(&s.nl), en)?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if self.proposals {
            writeln!(
                out,
                "\n*Italics*: a name in no glossary, spelled by transliteration (a proposal to check)."
            )?;
        }
        Ok(())
    }
}
