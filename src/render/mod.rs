//! Renderers: [`AlignedDoc`] → bytes, one file per format.
//!
//! Every format takes the same aligned documents; adding a format is adding a
//! file. A renderer sees documents one at a time (`begin`, `document`…,
//! `end`), so output can start before all input is read.

mod bilingual;
mod check_html;
mod html;
pub mod json;
pub use check_html::check_report;
mod markdown;
mod side;
mod text;
mod tsv;

use crate::engine::AlignedDoc;
use std::io::{self, Write};
use std::ops::Range;

/// Output formats of `tolk translate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Two columns, Dutch left and English right, wrapped to a width.
    Side,
    /// English only, one output line per input line.
    Text,
    /// A two-column Markdown table.
    Markdown,
    /// One self-contained HTML page.
    Html,
    /// `paragraph, sentence, nl, en` rows with a header.
    Tsv,
    /// One JSON object per input (JSON Lines with several inputs).
    Json,
    /// TMX 1.4b, one translation unit per sentence.
    Tmx,
    /// XLIFF 2.0 with the glossary module recording each term.
    Xliff,
}

impl Format {
    pub const ALL: [Format; 8] = [
        Format::Side,
        Format::Text,
        Format::Markdown,
        Format::Html,
        Format::Tsv,
        Format::Json,
        Format::Tmx,
        Format::Xliff,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Format::Side => "side",
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Tsv => "tsv",
            Format::Json => "json",
            Format::Tmx => "tmx",
            Format::Xliff => "xliff",
        }
    }
}

/// Options shared by the renderers.
#[derive(Debug, Clone)]
pub struct RenderOptions {
    /// Total width of `side` output in columns.
    pub width: usize,
    /// Emit ANSI colours (`side` only).
    pub color: bool,
    /// More than one input: formats that need it name each input.
    pub multiple: bool,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            width: 100,
            color: false,
            multiple: false,
        }
    }
}

/// A renderer for one format.
pub trait Renderer {
    fn begin(&mut self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
    fn document(&mut self, doc: &AlignedDoc, out: &mut dyn Write) -> io::Result<()>;
    fn end(&mut self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
    /// The formats that can write a document in parts, as it is translated
    /// (`text`, `side`, `tsv`, `markdown`); the others (`json`, `html`,
    /// `tmx`, `xliff`) need the whole document at once.
    fn parts(&mut self) -> Option<&mut dyn PartRenderer> {
        None
    }
}

/// A renderer that takes a document in parts: consecutive paragraphs, each
/// part translated on its own (see [`crate::input::Chunks`]). The output is
/// the same as for the whole document at once.
pub trait PartRenderer {
    /// The next paragraphs of a document; `first` for its first part.
    fn part(&mut self, doc: &AlignedDoc, first: bool, out: &mut dyn Write) -> io::Result<()>;
    /// After the last part of a document.
    fn finish(&mut self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
}

/// The renderer for `format`.
pub fn renderer(format: Format, opts: &RenderOptions) -> Box<dyn Renderer> {
    let opts = opts.clone();
    match format {
        Format::Side => Box::new(side::Side::new(opts)),
        Format::Text => Box::new(text::Text::default()),
        Format::Markdown => Box::new(markdown::Markdown::new(opts)),
        Format::Html => Box::new(html::Html::default()),
        Format::Tsv => Box::new(tsv::Tsv::new(opts)),
        Format::Json => Box::new(json::Json),
        Format::Tmx => Box::new(bilingual::Tmx::default()),
        Format::Xliff => Box::new(bilingual::Xliff::default()),
    }
}

/// Render `docs` in `format` to `out`.
pub fn render(
    docs: &[AlignedDoc],
    format: Format,
    opts: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut r = renderer(format, opts);
    r.begin(out)?;
    for d in docs {
        r.document(d, out)?;
    }
    r.end(out)
}

/// Replace line breaks inside a sentence (from `--join-lines`) by spaces, for
/// formats that show a sentence on one line. Byte offsets are unchanged.
fn one_line(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains(['\n', '\r']) {
        s.replace(['\n', '\r'], " ").into()
    } else {
        s.into()
    }
}

/// Make a sentence safe to show on a terminal: line breaks and tabs become
/// spaces, other control characters (escape sequences included) `?`. Byte
/// offsets are unchanged (every replaced character is replaced by as many
/// bytes).
pub fn terminal_safe(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(char::is_control) {
        return s.into();
    }
    s.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => " ".to_owned(),
            c if c.is_control() => "?".repeat(c.len_utf8()),
            c => c.to_string(),
        })
        .collect::<String>()
        .into()
}

/// Cut `s` into pieces at the marked `spans`: each piece is a byte range and,
/// for a marked piece, the index of its span. Overlapping or out-of-range
/// spans are ignored.
fn pieces(s: &str, spans: &[(Range<usize>, usize)]) -> Vec<(Range<usize>, Option<usize>)> {
    let mut sorted: Vec<&(Range<usize>, usize)> = spans.iter().collect();
    sorted.sort_by_key(|(r, _)| r.start);
    let mut out = Vec::new();
    let mut pos = 0;
    for (r, i) in sorted {
        if r.start < pos || r.end > s.len() || r.start >= r.end {
            continue;
        }
        if !s.is_char_boundary(r.start) || !s.is_char_boundary(r.end) {
            continue;
        }
        if r.start > pos {
            out.push((pos..r.start, None));
        }
        out.push((r.clone(), Some(*i)));
        pos = r.end;
    }
    if pos < s.len() {
        out.push((pos..s.len(), None));
    }
    out
}

/// Byte ranges of a text, each with the index of the term it marks.
type Marks = Vec<(Range<usize>, usize)>;

/// The term spans of a sentence on each side, relative to the sentence text.
///
/// Unknown words are marked on the Dutch side with indices after the terms:
/// mark `terms.len() + j` is `unknown[j]`.
fn term_spans(s: &crate::engine::AlignedSentence) -> (Marks, Marks) {
    let nl = s
        .terms
        .iter()
        .map(|t| t.src.clone())
        .chain(s.unknown.iter().cloned())
        .enumerate()
        .filter(|(_, r)| r.start >= s.src.start && r.end <= s.src.end)
        .map(|(i, r)| (r.start - s.src.start..r.end - s.src.start, i))
        .collect();
    let en = s
        .terms
        .iter()
        .enumerate()
        .filter_map(|(i, t)| t.en_span.clone().map(|r| (r, i)))
        .collect();
    (nl, en)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_cover_the_string() {
        let s = "Putin en Kyiv";
        let p = pieces(s, &[(9..13, 1), (0..5, 0), (3..7, 2)]);
        assert_eq!(p, vec![(0..5, Some(0)), (5..9, None), (9..13, Some(1))]);
        assert_eq!(pieces("", &[]), vec![]);
    }
}
