//! `html`: one self-contained page (inline CSS, no scripts, no external
//! resources), two columns, one row per sentence, every glossary term marked
//! with its entry in a tooltip. All text is escaped.

use super::{Renderer, pieces, term_spans};
use crate::engine::{AlignedDoc, AlignedSentence, TermSource};
use html_escape::{encode_double_quoted_attribute as attr, encode_text as text};
use std::io::{self, Write};
use std::ops::Range;

#[derive(Default)]
pub struct Html {
    docs: usize,
}

pub(super) const STYLE: &str = r#"
:root { color-scheme: light; --term: #d7f0f7; --term-border: #2a8fb0; --translit: #fbe3f4; --translit-border: #b03a8f; --rule: #d9d9d9; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; color: #1a1a1a; background: #fff; }
h1 { font-size: 1.3rem; margin: 0 0 .2rem; overflow-wrap: anywhere; }
.meta { color: #555; margin: 0 0 1rem; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th { text-align: left; border-bottom: 2px solid #333; padding: .3rem .6rem; }
td { vertical-align: top; padding: .35rem .6rem; border-bottom: 1px solid var(--rule); overflow-wrap: anywhere; }
tbody.paragraph + tbody.paragraph tr:first-child td { border-top: 2px solid #999; }
th.n, td.n { width: 3.5rem; color: #777; font-size: .85rem; white-space: nowrap; }
mark.term { background: var(--term); border-bottom: 2px solid var(--term-border); padding: 0 .1em; color: inherit; }
mark.term.translit { background: var(--translit); border-bottom: 2px dashed var(--translit-border); }
small.repair { color: #8a5a00; }
mark.unknown { background: none; color: inherit; text-decoration: underline wavy #c0392b; text-decoration-thickness: 1px; }
.legend mark { margin-right: .6rem; }
@media print { body { margin: 0; max-width: none; } tr { break-inside: avoid; } mark.term { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
"#;

fn tooltip(t: &crate::engine::AlignedTerm) -> String {
    let mut s = format!("{} → {} · {} · {}", t.entry_nl, t.en, t.kind, t.entry);
    if let Some(p) = t.proposed {
        s.push_str(&format!(
            " · proposal ({}, confidence {:.2})",
            p.origin.as_str(),
            p.confidence()
        ));
    }
    if !t.note.is_empty() {
        s.push_str(" · ");
        s.push_str(&t.note);
    }
    s
}

/// Terms per sentence whose counterparts light up on hover.
const HOVER_TERMS: usize = 48;

fn class(source: TermSource) -> &'static str {
    match source {
        TermSource::Glossary => "term glossary",
        TermSource::Translit => "term translit",
    }
}

fn marked(s: &str, spans: &[(Range<usize>, usize)], sentence: &AlignedSentence) -> String {
    let mut out = String::with_capacity(s.len() + 64);
    for (r, mark) in pieces(s, spans) {
        match mark {
            Some(i) if i >= sentence.terms.len() => {
                out.push_str(&format!(
                    "<mark class=\"unknown\" title=\"not in the lexicon: kept as written\">{}</mark>",
                    text(&s[r])
                ));
            }
            Some(i) => {
                let t = &sentence.terms[i];
                out.push_str(&format!(
                    "<mark class=\"{}\" data-t=\"{i}\" title=\"{}\">{}</mark>",
                    class(t.source),
                    attr(&tooltip(t)),
                    text(&s[r])
                ));
            }
            None => out.push_str(&text(&s[r])),
        }
    }
    out
}

impl Renderer for Html {
    fn begin(&mut self, out: &mut dyn Write) -> io::Result<()> {
        // Hovering a term outlines it and its counterpart on the other side
        // (same row, same `data-t`): CSS only, no script.
        let hover: String = (0..HOVER_TERMS)
            .map(|i| {
                format!("tr:has(mark[data-t=\"{i}\"]:hover) mark[data-t=\"{i}\"]{{outline:2px solid #1d4f91;}}")
            })
            .collect();
        writeln!(
            out,
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>tolk</title>\n<style>{STYLE}{}</style>\n</head>\n<body>",
            hover
        )
    }

    fn document(&mut self, doc: &AlignedDoc, out: &mut dyn Write) -> io::Result<()> {
        self.docs += 1;
        let sentences: usize = doc.paragraphs.iter().map(|p| p.sentences.len()).sum();
        let all = || {
            doc.paragraphs
                .iter()
                .flat_map(|p| &p.sentences)
                .flat_map(|s| &s.terms)
        };
        let terms = all().filter(|t| t.source == TermSource::Glossary).count();
        let proposed = all().filter(|t| t.source == TermSource::Translit).count();
        writeln!(out, "<section class=\"document\">")?;
        writeln!(out, "<h1>{}</h1>", text(&doc.path))?;
        writeln!(
            out,
            "<p class=\"meta\">English by the <strong>{}</strong> engine · {sentences} sentence{} · {terms} glossary term{}{} <span class=\"legend\"><mark class=\"term glossary\">glossary term</mark> <mark class=\"term translit\">proposed spelling</mark> <mark class=\"unknown\">unknown word</mark></span></p>",
            text(&doc.engine),
            if sentences == 1 { "" } else { "s" },
            if terms == 1 { "" } else { "s" },
            if proposed == 0 {
                String::new()
            } else {
                format!(
                    " · {proposed} name{} spelled by transliteration (proposals to check)",
                    if proposed == 1 { "" } else { "s" }
                )
            },
        )?;
        writeln!(
            out,
            "<table>\n<thead><tr><th class=\"n\">#</th><th lang=\"nl\">Dutch</th><th lang=\"en\">English</th></tr></thead>"
        )?;
        for (pi, p) in doc.paragraphs.iter().enumerate() {
            if p.sentences.is_empty() {
                continue;
            }
            writeln!(
                out,
                "<tbody class=\"paragraph\" id=\"d{}p{}\">",
                self.docs,
                pi + 1
            )?;
            for (si, s) in p.sentences.iter().enumerate() {
                let (nl_spans, en_spans) = term_spans(s);
                writeln!(
                    out,
                    "<tr class=\"sentence\"><td class=\"n\">{}.{}</td><td lang=\"nl\">{}</td><td lang=\"en\">{}{}</td></tr>",
                    pi + 1,
                    si + 1,
                    marked(&s.nl, &nl_spans, s),
                    marked(&s.en, &en_spans, s),
                    match s.repair {
                        None => "",
                        Some(crate::engine::Repair::Aligned) => {
                            " <small class=\"repair\">(a glossary term replaced the words aligned to it)</small>"
                        }
                        Some(crate::engine::Repair::Builtin) => {
                            " <small class=\"repair\">(translated by the built-in engine: the neural model could not place every glossary term)</small>"
                        }
                    }
                )?;
            }
            writeln!(out, "</tbody>")?;
        }
        writeln!(out, "</table>\n</section>")?;
        Ok(())
    }

    fn end(&mut self, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out, "</body>\n</html>")
    }
}
