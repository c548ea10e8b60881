//! `tmx` and `xliff`: bilingual files for translation tools.
//!
//! TMX 1.4b: one `tu` per sentence (`tuid` `d1-p3-s2`: document, paragraph,
//! sentence), Dutch and English `tuv`s. XLIFF 2.0 with the Glossary module:
//! one `file` per input, one `unit` per paragraph, one `segment` per
//! sentence; every term hit is a `<mrk type="term">` in the source and a
//! `gls:glossEntry` (Dutch, English, and its glossary row or `translit`) in
//! the unit's `gls:glossary`. All text is escaped; characters XML 1.0 does
//! not allow are left out. `tolk check --bilingual` reads both back.

use super::Renderer;
use crate::engine::{AlignedDoc, AlignedSentence};
use quick_xml::escape::escape;
use std::io::{self, Write};

/// Text as XML character data: escaped, without the control characters
/// XML 1.0 forbids.
fn xml(s: &str) -> String {
    let clean: String = s
        .chars()
        .filter(|&c| {
            matches!(c, '\t' | '\n' | '\r') || !(c < ' ' || c == '\u{FFFE}' || c == '\u{FFFF}')
        })
        .collect();
    escape(&clean).into_owned()
}

#[derive(Default)]
pub struct Tmx {
    docs: usize,
}

impl Renderer for Tmx {
    fn begin(&mut self, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
        writeln!(out, "<tmx version=\"1.4\">")?;
        writeln!(
            out,
            "  <header creationtool=\"tolk\" creationtoolversion=\"{}\" segtype=\"sentence\" o-tmf=\"tolk\" adminlang=\"en\" srclang=\"nl\" datatype=\"plaintext\"/>",
            env!("CARGO_PKG_VERSION")
        )?;
        writeln!(out, "  <body>")
    }

    fn document(&mut self, doc: &AlignedDoc, out: &mut dyn Write) -> io::Result<()> {
        self.docs += 1;
        for (p, para) in doc.paragraphs.iter().enumerate() {
            for (k, s) in para.sentences.iter().enumerate() {
                writeln!(
                    out,
                    "    <tu tuid=\"d{}-p{}-s{}\">",
                    self.docs,
                    p + 1,
                    k + 1
                )?;
                writeln!(
                    out,
                    "      <prop type=\"x-document\">{}</prop>",
                    xml(&doc.path)
                )?;
                writeln!(
                    out,
                    "      <tuv xml:lang=\"nl\"><seg>{}</seg></tuv>",
                    xml(&s.nl)
                )?;
                writeln!(
                    out,
                    "      <tuv xml:lang=\"en\"><seg>{}</seg></tuv>",
                    xml(&s.en)
                )?;
                writeln!(out, "    </tu>")?;
            }
        }
        Ok(())
    }

    fn end(&mut self, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out, "  </body>\n</tmx>")
    }
}

#[derive(Default)]
pub struct Xliff {
    docs: usize,
}

/// The Dutch of a sentence with its terms as `<mrk>`s (ids counted on in
/// `next`); and, per term, its mark id.
fn source_with_marks(s: &AlignedSentence, next: &mut usize) -> (String, Vec<(usize, usize)>) {
    let mut out = String::new();
    let mut at = 0;
    let mut ids = Vec::new();
    let mut order: Vec<usize> = (0..s.terms.len()).collect();
    order.sort_by_key(|&i| s.terms[i].src.start);
    for i in order {
        let t = &s.terms[i];
        let (a, b) = (
            t.src.start.saturating_sub(s.src.start),
            t.src.end.saturating_sub(s.src.start),
        );
        if a < at || b > s.nl.len() || !s.nl.is_char_boundary(a) || !s.nl.is_char_boundary(b) {
            continue;
        }
        *next += 1;
        out.push_str(&xml(&s.nl[at..a]));
        out.push_str(&format!(
            "<mrk id=\"m{}\" type=\"term\">{}</mrk>",
            next,
            xml(&s.nl[a..b])
        ));
        ids.push((i, *next));
        at = b;
    }
    out.push_str(&xml(&s.nl[at..]));
    (out, ids)
}

impl Renderer for Xliff {
    fn begin(&mut self, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
        writeln!(
            out,
            "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" xmlns:gls=\"urn:oasis:names:tc:xliff:glossary:2.0\" version=\"2.0\" srcLang=\"nl\" trgLang=\"en\">"
        )
    }

    fn document(&mut self, doc: &AlignedDoc, out: &mut dyn Write) -> io::Result<()> {
        self.docs += 1;
        writeln!(
            out,
            "  <file id=\"f{}\" original=\"{}\">",
            self.docs,
            xml(&doc.path)
        )?;
        for (p, para) in doc.paragraphs.iter().enumerate() {
            if para.sentences.is_empty() {
                continue;
            }
            let mut next = 0;
            let mut segments = String::new();
            let mut entries = String::new();
            for (k, s) in para.sentences.iter().enumerate() {
                let (source, ids) = source_with_marks(s, &mut next);
                for (i, m) in ids {
                    let t = &s.terms[i];
                    entries.push_str(&format!(
                        "        <gls:glossEntry id=\"g{m}\" ref=\"#m{m}\">\n          <gls:term source=\"{}\">{}</gls:term>\n          <gls:translation source=\"{}\">{}</gls:translation>\n        </gls:glossEntry>\n",
                        xml(&t.entry),
                        xml(&t.text),
                        xml(&t.entry),
                        xml(&t.en)
                    ));
                }
                segments.push_str(&format!(
                    "      <segment id=\"p{}-s{}\" state=\"translated\">\n        <source>{source}</source>\n        <target>{}</target>\n      </segment>\n",
                    p + 1,
                    k + 1,
                    xml(&s.en)
                ));
            }
            writeln!(out, "    <unit id=\"p{}\">", p + 1)?;
            if !entries.is_empty() {
                write!(
                    out,
                    "      <gls:glossary>\n{entries}      </gls:glossary>\n"
                )?;
            }
            write!(out, "{segments}")?;
            writeln!(out, "    </unit>")?;
        }
        writeln!(out, "  </file>")
    }

    fn end(&mut self, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out, "</xliff>")
    }
}
