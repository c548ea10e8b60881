//! `side`: Dutch left, English right, one row per sentence, each column
//! wrapped to half the width (display-width aware, so CJK and combining
//! characters line up); a blank line between paragraphs; terms highlighted
//! with ANSI colours when colour is on.

use super::{PartRenderer, RenderOptions, Renderer, pieces, term_spans, terminal_safe};
use crate::engine::{AlignedDoc, TermSource};
use anstyle::{AnsiColor, Style};
use std::io::{self, Write};
use std::ops::Range;
use unicode_width::UnicodeWidthStr;

pub struct Side {
    opts: RenderOptions,
    first: bool,
    /// The current document has written a paragraph.
    any_paragraph: bool,
}

impl Side {
    pub fn new(opts: RenderOptions) -> Side {
        Side {
            opts,
            first: true,
            any_paragraph: false,
        }
    }

    fn column_width(&self) -> usize {
        (self.opts.width.saturating_sub(3) / 2).max(10)
    }
}

/// The style of a term from `source`.
pub fn term_style(source: TermSource) -> Style {
    match source {
        TermSource::Glossary => Style::new().bold().fg_color(Some(AnsiColor::Cyan.into())),
        // A proposal to check: its own colour, underlined.
        TermSource::Translit => Style::new()
            .bold()
            .underline()
            .fg_color(Some(AnsiColor::Magenta.into())),
    }
}

/// The style of a word the engine did not know.
pub fn unknown_style() -> Style {
    Style::new()
        .underline()
        .fg_color(Some(AnsiColor::Yellow.into()))
}

/// Wrap `s` to `width` columns; the lines as byte ranges of `s`.
fn wrap_ranges(s: &str, width: usize) -> Vec<Range<usize>> {
    let opts = textwrap::Options::new(width).break_words(true);
    let base = s.as_ptr() as usize;
    let mut search_from = 0;
    let mut out = Vec::new();
    for line in textwrap::wrap(s, opts) {
        let start = match line {
            std::borrow::Cow::Borrowed(b) => b.as_ptr() as usize - base,
            std::borrow::Cow::Owned(ref o) => s[search_from..]
                .find(o.as_str())
                .map_or(search_from, |i| i + search_from),
        };
        let end = (start + line.len()).min(s.len());
        search_from = end;
        out.push(start..end);
    }
    if out.is_empty() {
        out.push(0..0);
    }
    out
}

impl Side {
    /// Write `s[line]` with the marked spans coloured, padded to `pad` columns.
    fn write_cell(
        &self,
        out: &mut dyn Write,
        s: &str,
        line: &Range<usize>,
        spans: &[(Range<usize>, usize)],
        styles: &[Style],
        pad: Option<usize>,
    ) -> io::Result<()> {
        let text = &s[line.clone()];
        if self.opts.color {
            // Clip the spans to this line.
            let clipped: Vec<(Range<usize>, usize)> = spans
                .iter()
                .filter(|(r, _)| r.start < line.end && r.end > line.start)
                .map(|(r, i)| {
                    (
                        r.start.max(line.start) - line.start..r.end.min(line.end) - line.start,
                        *i,
                    )
                })
                .collect();
            for (r, mark) in pieces(text, &clipped) {
                match mark {
                    Some(i) => write!(out, "{}{}{:#}", styles[i], &text[r], styles[i])?,
                    None => out.write_all(text[r].as_bytes())?,
                }
            }
        } else {
            out.write_all(text.as_bytes())?;
        }
        if let Some(w) = pad {
            let used = text.width();
            write!(out, "{:1$}", "", w.saturating_sub(used))?;
        }
        Ok(())
    }
}

impl Renderer for Side {
    fn document(&mut self, doc: &AlignedDoc, out: &mut dyn Write) -> io::Result<()> {
        self.part(doc, true, out)
    }
    fn parts(&mut self) -> Option<&mut dyn PartRenderer> {
        Some(self)
    }
}

impl PartRenderer for Side {
    fn part(&mut self, doc: &AlignedDoc, first: bool, out: &mut dyn Write) -> io::Result<()> {
        let col = self.column_width();
        if first {
            if !self.first {
                writeln!(out)?;
            }
            self.first = false;
            self.any_paragraph = false;
            if self.opts.multiple {
                writeln!(out, "==> {} <==", doc.path)?;
            }
            let right = format!("English ({} engine)", doc.engine);
            let right = if right.width() <= col {
                right.as_str()
            } else {
                "English"
            };
            writeln!(out, "{:col$} │ {right}", "Dutch")?;
            writeln!(out, "{}─┼─{}", "─".repeat(col), "─".repeat(col))?;
        }
        for p in &doc.paragraphs {
            if p.sentences.is_empty() {
                continue;
            }
            if self.any_paragraph {
                writeln!(out)?;
            }
            self.any_paragraph = true;
            for s in &p.sentences {
                let nl = terminal_safe(&s.nl);
                let en = terminal_safe(&s.en);
                let (nl_spans, en_spans) = term_spans(s);
                let styles: Vec<Style> = s
                    .terms
                    .iter()
                    .map(|t| term_style(t.source))
                    .chain(s.unknown.iter().map(|_| unknown_style()))
                    .collect();
                let left = wrap_ranges(&nl, col);
                let right = wrap_ranges(&en, col);
                for row in 0..left.len().max(right.len()) {
                    match left.get(row) {
                        Some(l) => self.write_cell(out, &nl, l, &nl_spans, &styles, Some(col))?,
                        None => write!(out, "{:col$}", "")?,
                    }
                    out.write_all(" │".as_bytes())?;
                    if let Some(r) = right.get(row) {
                        out.write_all(b" ")?;
                        self.write_cell(out, &en, r, &en_spans, &styles, None)?;
                    }
                    writeln!(out)?;
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_lines_are_ranges_of_the_input() {
        let s = "De Oekraïense president wil persoonlijk onderhandelen";
        let lines = wrap_ranges(s, 20);
        let texts: Vec<&str> = lines.iter().map(|r| &s[r.clone()]).collect();
        assert_eq!(
            texts,
            [
                "De Oekraïense",
                "president wil",
                "persoonlijk",
                "onderhandelen"
            ]
        );
        assert!(texts.iter().all(|t| t.width() <= 20));
    }

    #[test]
    fn long_words_are_broken() {
        let s = "Veiligheidswaarborgen";
        let lines = wrap_ranges(s, 10);
        assert_eq!(lines.len(), 3);
        assert_eq!(lines.iter().map(|r| r.len()).sum::<usize>(), s.len());
    }
}
