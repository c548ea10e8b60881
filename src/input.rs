//! Decoding input bytes to text.
//!
//! Takes the raw bytes of an article and an optional encoding; returns the
//! text with any byte order mark removed. UTF-8 is the default; UTF-16 with a
//! BOM is recognised; anything else needs `--encoding NAME` (any WHATWG label
//! that `encoding_rs` knows, such as `windows-1252` or `latin1`). Invariant:
//! the offsets of every later stage are byte offsets into the returned text.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error(
        "invalid UTF-8 at byte offset {offset}; if the file is in another encoding, pass --encoding NAME (e.g. --encoding windows-1252)"
    )]
    InvalidUtf8 { offset: usize },
    #[error("invalid {encoding} text (decoding with --encoding {encoding} failed)")]
    Malformed { encoding: &'static str },
    #[error("binary file: NUL byte at byte offset {offset}")]
    Binary { offset: usize },
    #[error(
        "NUL byte at byte offset {offset}: this looks like UTF-16 without a byte order mark; pass --encoding {label}"
    )]
    Utf16WithoutBom { offset: usize, label: &'static str },
    #[error("empty input: nothing to translate")]
    Empty,
}

/// Decoded input.
#[derive(Debug, Clone)]
pub struct Decoded {
    pub text: String,
    /// The encoding used (`UTF-8`, `UTF-16LE`, …).
    pub encoding: &'static str,
    /// A byte order mark was removed.
    pub bom: bool,
}

/// Look up an encoding by its label (`windows-1252`, `latin1`, `utf-16le`, …).
pub fn encoding_for_label(label: &str) -> Option<&'static Encoding> {
    Encoding::for_label(label.trim().as_bytes())
}

/// Text that is mostly ASCII written as UTF-16 has a NUL in every other
/// byte: which half says the byte order.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static str> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 4 {
        return None;
    }
    let pairs = sample.len() / 2;
    let even = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    if odd * 10 >= pairs * 7 && even * 10 < pairs {
        Some("utf-16le")
    } else if even * 10 >= pairs * 7 && odd * 10 < pairs {
        Some("utf-16be")
    } else {
        None
    }
}

/// Guess the encoding of `bytes` (`--encoding auto`): a BOM, else UTF-8
/// when the bytes are valid UTF-8, else what `chardetng` finds most likely
/// (legacy single- and multi-byte encodings).
pub fn detect(bytes: &[u8]) -> &'static Encoding {
    if let Some((enc, _)) = Encoding::for_bom(bytes) {
        return enc;
    }
    if let Some(label) = utf16_without_bom(bytes) {
        return encoding_for_label(label).unwrap_or(UTF_16LE);
    }
    if std::str::from_utf8(bytes).is_ok() {
        return UTF_8;
    }
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Allow);
    det.feed(bytes, true);
    det.guess(None, chardetng::Utf8Detection::Allow)
}

/// The encoding of `bytes` (its start, for a stream) and the length of its
/// byte order mark: a BOM wins, else `encoding`, else UTF-8; text that looks
/// like UTF-16 without a BOM is an error when no encoding was given.
fn settle(
    bytes: &[u8],
    encoding: Option<&'static Encoding>,
) -> Result<(&'static Encoding, usize), DecodeError> {
    if let Some((enc, len)) = Encoding::for_bom(bytes) {
        return Ok((enc, len));
    }
    if encoding.is_none()
        && let Some(label) = utf16_without_bom(bytes)
    {
        let offset = memchr::memchr(0, bytes).unwrap_or(0);
        return Err(DecodeError::Utf16WithoutBom { offset, label });
    }
    Ok((encoding.unwrap_or(UTF_8), 0))
}

/// Decode `bytes`. A BOM always wins; otherwise `encoding` (default UTF-8).
pub fn decode(bytes: &[u8], encoding: Option<&'static Encoding>) -> Result<Decoded, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    let (enc, bom_len) = settle(bytes, encoding)?;
    let body = &bytes[bom_len..];
    let text = if enc == UTF_8 {
        match std::str::from_utf8(body) {
            Ok(s) => s.to_owned(),
            Err(e) => {
                return Err(DecodeError::InvalidUtf8 {
                    offset: bom_len + e.valid_up_to(),
                });
            }
        }
    } else {
        match enc.decode_without_bom_handling_and_without_replacement(body) {
            Some(s) => s.into_owned(),
            None => {
                return Err(DecodeError::Malformed {
                    encoding: enc.name(),
                });
            }
        }
    };
    if let Some(pos) = memchr::memchr(0, text.as_bytes()) {
        let offset = if enc == UTF_8 {
            bom_len + pos
        } else if enc == UTF_16LE || enc == UTF_16BE {
            bom_len + 2 * text[..pos].encode_utf16().count()
        } else {
            bom_len + pos
        };
        return Err(DecodeError::Binary { offset });
    }
    if text.is_empty() {
        return Err(DecodeError::Empty);
    }
    Ok(Decoded {
        text,
        encoding: enc.name(),
        bom: bom_len > 0,
    })
}

/// Inputs up to this size are read whole and decoded in one go; larger
/// ones are decoded and handed out in pieces ([`Chunks`]).
pub const WHOLE_INPUT_MAX: usize = 4 << 20;

/// A piece of a decoded input that ends at a paragraph boundary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chunk {
    pub text: String,
    /// Lines of the input before this piece (for line numbers).
    pub lines_before: usize,
    /// Bytes of decoded text before this piece (for offsets).
    pub offset: usize,
}

/// What [`Chunks`] says about the input once it has read its start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StreamInfo {
    /// The encoding used.
    pub encoding: &'static Encoding,
    /// The whole input fit in the first read and is one chunk.
    pub whole: bool,
}

/// How to choose the encoding of a streamed input.
#[derive(Debug, Clone, Copy)]
pub enum EncodingChoice {
    /// UTF-8 unless a BOM says otherwise; invalid UTF-8 is an error.
    Default,
    /// This encoding (a BOM still wins).
    Given(&'static Encoding),
    /// Detect from the start of the input ([`detect`]).
    Detect,
}

/// Reads an input and decodes it into pieces of about `target` bytes that
/// end where a paragraph ends (after a line ending, or after a blank line
/// with `join_lines`), so that each piece can be segmented and translated
/// on its own and memory stays bounded whatever the input's size. An input
/// of at most [`WHOLE_INPUT_MAX`] bytes is one piece, decoded exactly as
/// [`decode`] does. A paragraph longer than `target` is kept whole.
pub struct Chunks<R> {
    reader: R,
    join_lines: bool,
    target: usize,
    whole_max: usize,
    decoder: Option<encoding_rs::Decoder>,
    /// The first read, before the encoding is known.
    first: Option<Vec<u8>>,
    choice: EncodingChoice,
    /// Decoded text not handed out yet.
    pending: String,
    /// Raw bytes decoded so far, and decoded bytes handed to `pending` so
    /// far (for error offsets).
    raw_done: usize,
    text_done: usize,
    utf16_units_done: usize,
    chars_done: usize,
    bom_len: usize,
    lines_before: usize,
    handed_out: usize,
    eof: bool,
    any_text: bool,
    info: Option<StreamInfo>,
}

/// Errors of a streamed input: a decoding error or a read error.
#[derive(Debug, thiserror::Error)]
pub enum ChunkError {
    #[error(transparent)]
    Decode(#[from] DecodeError),
    #[error("cannot read: {0}")]
    Io(#[from] std::io::Error),
}

const READ_BLOCK: usize = 1 << 20;

fn read_up_to(r: &mut impl std::io::Read, limit: usize) -> std::io::Result<(Vec<u8>, bool)> {
    let mut buf = Vec::with_capacity(limit.min(READ_BLOCK));
    use std::io::Read;
    let n = r.take(limit as u64).read_to_end(&mut buf)?;
    Ok((buf, n < limit))
}

impl<R: std::io::Read> Chunks<R> {
    pub fn new(reader: R, choice: EncodingChoice, join_lines: bool, target: usize) -> Self {
        Chunks {
            reader,
            join_lines,
            target: target.max(1),
            whole_max: WHOLE_INPUT_MAX,
            decoder: None,
            first: None,
            choice,
            pending: String::new(),
            raw_done: 0,
            text_done: 0,
            utf16_units_done: 0,
            chars_done: 0,
            bom_len: 0,
            lines_before: 0,
            handed_out: 0,
            eof: false,
            any_text: false,
            info: None,
        }
    }

    /// Decode inputs up to `n` bytes whole (default [`WHOLE_INPUT_MAX`]).
    pub fn whole_max(mut self, n: usize) -> Self {
        self.whole_max = n;
        self
    }

    /// Read the start of the input and settle its encoding (done by the
    /// first [`Iterator::next`] too).
    pub fn start(&mut self) -> Result<StreamInfo, ChunkError> {
        if let Some(info) = self.info {
            return Ok(info);
        }
        let (bytes, eof) = read_up_to(&mut self.reader, self.whole_max + 1)?;
        let enc = match self.choice {
            EncodingChoice::Default => None,
            EncodingChoice::Given(e) => Some(e),
            EncodingChoice::Detect => (!bytes.is_empty()).then(|| detect(&bytes)),
        };
        if eof {
            // Small enough: decoded whole, exactly as `decode` does.
            let d = decode(&bytes, enc)?;
            let encoding = Encoding::for_label(d.encoding.as_bytes()).unwrap_or(UTF_8);
            self.pending = d.text;
            self.eof = true;
            self.any_text = true;
            let info = StreamInfo {
                encoding,
                whole: true,
            };
            self.info = Some(info);
            return Ok(info);
        }
        let (encoding, bom_len) = settle(&bytes, enc)?;
        self.bom_len = bom_len;
        self.raw_done = bom_len;
        self.decoder = Some(encoding.new_decoder_without_bom_handling());
        self.first = Some(bytes[bom_len..].to_vec());
        let info = StreamInfo {
            encoding,
            whole: false,
        };
        self.info = Some(info);
        Ok(info)
    }

    /// Decode `bytes` onto `pending`, checking for malformed text and NULs.
    fn feed(&mut self, bytes: &[u8], last: bool) -> Result<(), ChunkError> {
        let decoder = self.decoder.as_mut().expect("started");
        let encoding = decoder.encoding();
        let mut src = bytes;
        loop {
            let need = decoder
                .max_utf8_buffer_length_without_replacement(src.len())
                .unwrap_or(src.len() * 3 + 16);
            self.pending.reserve(need);
            let before = self.pending.len();
            let (res, read) =
                decoder.decode_to_string_without_replacement(src, &mut self.pending, last);
            let new = &self.pending[before..];
            if let Some(pos) = memchr::memchr(0, new.as_bytes()) {
                let offset = if encoding == UTF_8 {
                    self.raw_done + pos
                } else if encoding == UTF_16LE || encoding == UTF_16BE {
                    self.bom_len + 2 * (self.utf16_units_done + new[..pos].encode_utf16().count())
                } else {
                    self.bom_len + self.chars_done + new[..pos].chars().count()
                };
                return Err(DecodeError::Binary { offset }.into());
            }
            self.text_done += new.len();
            if encoding != UTF_8 {
                self.utf16_units_done += new.encode_utf16().count();
                self.chars_done += new.chars().count();
            }
            match res {
                encoding_rs::DecoderResult::InputEmpty => {
                    self.raw_done += read;
                    return Ok(());
                }
                encoding_rs::DecoderResult::OutputFull => {
                    self.raw_done += read;
                    src = &src[read..];
                }
                encoding_rs::DecoderResult::Malformed(bad, after) => {
                    let offset = self.raw_done + read - bad as usize - after as usize;
                    return Err(if encoding == UTF_8 {
                        DecodeError::InvalidUtf8 { offset }
                    } else {
                        DecodeError::Malformed {
                            encoding: encoding.name(),
                        }
                    }
                    .into());
                }
            }
        }
    }

    /// Where `pending` can be cut: just after the last paragraph end.
    fn cut_point(&self) -> Option<usize> {
        let b = self.pending.as_bytes();
        if !self.join_lines {
            // After the last LF, or after a CR that is not the last byte
            // (it may be the first half of a CRLF).
            let lf = memchr::memrchr(b'\n', b).map(|i| i + 1);
            let cr = memchr::memrchr(b'\r', &b[..b.len().saturating_sub(1)])
                .filter(|&i| b[i + 1] != b'\n')
                .map(|i| i + 1);
            return lf.max(cr).filter(|&c| c > 0);
        }
        // After the last complete blank line that follows text.
        let lines = crate::segment::line_spans(&self.pending);
        let mut seen_text = false;
        let mut cut = None;
        for (i, l) in lines.iter().enumerate() {
            let blank = self.pending[l.clone()].trim().is_empty();
            if !blank {
                seen_text = true;
            } else if seen_text && let Some(next) = lines.get(i + 1) {
                cut = Some(next.start);
            }
        }
        cut
    }

    fn take(&mut self, at: usize) -> Chunk {
        let rest = self.pending.split_off(at);
        let text = std::mem::replace(&mut self.pending, rest);
        let lines_before = self.lines_before;
        // Chunks end with a line ending (but the last): count the ends,
        // CRLF as one.
        let b = text.as_bytes();
        let ends = memchr::memchr_iter(b'\n', b).count() + memchr::memchr_iter(b'\r', b).count()
            - memchr::memmem::find_iter(b, b"\r\n").count();
        self.lines_before += ends;
        let offset = self.handed_out;
        self.handed_out += text.len();
        Chunk {
            text,
            lines_before,
            offset,
        }
    }
}

impl<R: std::io::Read> Iterator for Chunks<R> {
    type Item = Result<Chunk, ChunkError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.info.is_none()
            && let Err(e) = self.start()
        {
            self.eof = true;
            self.pending.clear();
            self.info = Some(StreamInfo {
                encoding: UTF_8,
                whole: true,
            });
            return Some(Err(e));
        }
        loop {
            let whole = self.info.is_some_and(|i| i.whole);
            if !whole
                && self.pending.len() >= self.target
                && let Some(at) = self.cut_point()
            {
                return Some(Ok(self.take(at)));
            }
            if self.eof {
                if self.pending.is_empty() {
                    return None;
                }
                let at = self.pending.len();
                return Some(Ok(self.take(at)));
            }
            let bytes = match self.first.take() {
                Some(b) => b,
                None => match read_up_to(&mut self.reader, self.target.min(READ_BLOCK)) {
                    Ok((b, eof)) => {
                        self.eof = eof;
                        b
                    }
                    Err(e) => {
                        self.eof = true;
                        self.pending.clear();
                        return Some(Err(e.into()));
                    }
                },
            };
            if let Err(e) = self.feed(&bytes, self.eof) {
                self.eof = true;
                self.pending.clear();
                return Some(Err(e));
            }
            if self.eof && self.text_done == 0 && !self.any_text {
                return Some(Err(DecodeError::Empty.into()));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reader that hands out at most `n` bytes per read.
    struct Trickle<'a>(&'a [u8], usize);

    impl std::io::Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = self.0.len().min(self.1).min(buf.len());
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    fn chunks(bytes: &[u8], join: bool, target: usize) -> Result<Vec<Chunk>, ChunkError> {
        Chunks::new(Trickle(bytes, 3), EncodingChoice::Default, join, target)
            .whole_max(8)
            .collect()
    }

    #[test]
    fn chunks_end_at_line_ends_and_cover_the_text() {
        let text = "Poetin sprak.\r\nZelensky\rantwoordde.\n\nKiev\r\n";
        let got = chunks(text.as_bytes(), false, 1).unwrap();
        let texts: Vec<&str> = got.iter().map(|c| c.text.as_str()).collect();
        // A CRLF is never split, even when a read ends between CR and LF.
        assert_eq!(
            texts,
            [
                "Poetin sprak.\r\n",
                "Zelensky\r",
                "antwoordde.\n",
                "\n",
                "Kiev\r\n"
            ]
        );
        let lines: Vec<usize> = got.iter().map(|c| c.lines_before).collect();
        assert_eq!(lines, [0, 1, 2, 3, 4]);
        // A bigger target gathers paragraphs.
        let got = chunks(text.as_bytes(), false, 20).unwrap();
        assert_eq!(
            got.iter().map(|c| c.text.as_str()).collect::<String>(),
            text
        );
        assert!(got.len() < 5);
    }

    #[test]
    fn joined_chunks_end_after_blank_lines() {
        let text = "Poetin sprak\nlang.\n\nZelensky\nantwoordde.\n  \nKiev\n";
        let got = chunks(text.as_bytes(), true, 1).unwrap();
        let texts: Vec<&str> = got.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Poetin sprak\nlang.\n\n",
                "Zelensky\nantwoordde.\n  \n",
                "Kiev\n"
            ]
        );
        assert_eq!(got[2].lines_before, 6);
    }

    #[test]
    fn small_inputs_are_one_chunk_as_decode_gives_it() {
        let got = Chunks::new(
            &b"\xEF\xBB\xBFKiev\nMoskou"[..],
            EncodingChoice::Default,
            false,
            1,
        )
        .collect::<Result<Vec<_>, _>>()
        .unwrap();
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].text, "Kiev\nMoskou");
    }

    #[test]
    fn streamed_errors_keep_their_byte_offsets() {
        let mut bytes = b"Kiev\n".repeat(10);
        bytes.extend(b"\xE9t\xE9\n");
        let err = chunks(&bytes, false, 1).unwrap_err();
        assert!(
            matches!(
                err,
                ChunkError::Decode(DecodeError::InvalidUtf8 { offset: 50 })
            ),
            "{err:?}"
        );
        let mut bytes = b"Kiev\n".repeat(10);
        bytes.extend(b"ab\0");
        let err = chunks(&bytes, false, 1).unwrap_err();
        assert!(
            matches!(err, ChunkError::Decode(DecodeError::Binary { offset: 52 })),
            "{err:?}"
        );
        assert!(matches!(
            chunks(b"", false, 1).unwrap_err(),
            ChunkError::Decode(DecodeError::Empty)
        ));
    }

    #[test]
    fn streamed_utf16_and_other_encodings() {
        let text = "Oekraïne\r\nKiev\n".repeat(5);
        let mut le = vec![0xFF, 0xFE];
        le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        let got = chunks(&le, false, 4).unwrap();
        assert!(got.len() > 1);
        assert_eq!(
            got.iter().map(|c| c.text.as_str()).collect::<String>(),
            text
        );
        let (cp1252, _, _) = encoding_rs::WINDOWS_1252.encode(&text);
        let got: Vec<Chunk> = Chunks::new(
            Trickle(&cp1252, 5),
            EncodingChoice::Given(encoding_rs::WINDOWS_1252),
            false,
            4,
        )
        .whole_max(8)
        .collect::<Result<_, _>>()
        .unwrap();
        assert_eq!(
            got.iter().map(|c| c.text.as_str()).collect::<String>(),
            text
        );
    }

    proptest::proptest! {
        /// Streamed pieces put back together are the text, each piece but
        /// the last ends at a paragraph end, and the line counts add up.
        #[test]
        fn chunks_cover_the_text_at_paragraph_ends(
            text in "([a-zé ]{0,12}(\r\n|\n|\r|\n\n| \n)){1,40}[a-z]{0,5}",
            target in 1usize..40,
            read in 1usize..9,
            join in proptest::bool::ANY,
        ) {
            let got: Vec<Chunk> = Chunks::new(Trickle(text.as_bytes(), read), EncodingChoice::Default, join, target)
                .whole_max(8)
                .collect::<Result<_, _>>()
                .unwrap();
            let whole: String = got.iter().map(|c| c.text.as_str()).collect();
            proptest::prop_assert_eq!(&whole, &text);
            let opts = crate::segment::SegmentOptions { join_lines: join };
            let want: Vec<String> = crate::segment::paragraph_spans(&text, &opts)
                .into_iter()
                .map(|r| text[r].to_owned())
                .collect();
            let mut pieces: Vec<String> = Vec::new();
            for c in &got {
                proptest::prop_assert_eq!(c.lines_before, crate::segment::line_spans(&text[..c.offset]).len());
                pieces.extend(
                    crate::segment::paragraph_spans(&c.text, &opts)
                        .into_iter()
                        .map(|r| c.text[r].to_owned()),
                );
            }
            // Paragraph by paragraph, the pieces give what the whole gives.
            proptest::prop_assert_eq!(pieces, want);
        }
    }

    #[test]
    fn utf8_with_and_without_bom() {
        let d = decode("Oekraïne".as_bytes(), None).unwrap();
        assert_eq!((d.text.as_str(), d.bom), ("Oekraïne", false));
        let d = decode(b"\xEF\xBB\xBFKiev", None).unwrap();
        assert_eq!((d.text.as_str(), d.bom), ("Kiev", true));
    }

    #[test]
    fn utf16_with_bom() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Poetin".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&le, None).unwrap().text, "Poetin");
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("Poetin".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        let d = decode(&be, None).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("Poetin", "UTF-16BE"));
    }

    #[test]
    fn invalid_utf8_names_the_offset() {
        assert_eq!(
            decode(b"Kiev \xE9t\xE9", None).unwrap_err(),
            DecodeError::InvalidUtf8 { offset: 5 }
        );
        assert_eq!(
            decode(b"\xEF\xBB\xBFab\xFF", None).unwrap_err(),
            DecodeError::InvalidUtf8 { offset: 5 }
        );
    }

    #[test]
    fn detects_encodings() {
        let (cp1252, _, _) = encoding_rs::WINDOWS_1252
            .encode("Poetin sprak in Moskou met de Oekraïense president over één kerncentrale. Café, reünie, ruïne, coördinatie, België, geëvacueerd.");
        let enc = detect(&cp1252);
        assert!(
            decode(&cp1252, Some(enc)).unwrap().text.contains("één"),
            "{}",
            enc.name()
        );
        assert_eq!(detect("Kyiv één".as_bytes()), UTF_8);
        let mut le = vec![0xFF, 0xFE];
        le.extend("Kiev".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(detect(&le), UTF_16LE);
        let be: Vec<u8> = "Poetin sprak"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert_eq!(detect(&be), UTF_16BE);
    }

    #[test]
    fn other_encodings_by_label() {
        let enc = encoding_for_label("windows-1252");
        assert_eq!(decode(b"Oekra\xEFne", enc).unwrap().text, "Oekraïne");
        assert!(encoding_for_label("klingon").is_none());
    }

    #[test]
    fn utf16_without_bom_gets_a_hint() {
        let le: Vec<u8> = "Poetin in Kiev"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(
            decode(&le, None).unwrap_err(),
            DecodeError::Utf16WithoutBom {
                offset: 1,
                label: "utf-16le"
            }
        );
        let be: Vec<u8> = "Poetin in Kiev"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert_eq!(
            decode(&be, None).unwrap_err(),
            DecodeError::Utf16WithoutBom {
                offset: 0,
                label: "utf-16be"
            }
        );
        assert_eq!(
            decode(&le, encoding_for_label("utf-16le")).unwrap().text,
            "Poetin in Kiev"
        );
    }

    #[test]
    fn binary_and_empty() {
        assert_eq!(
            decode(b"ab\0cd", None).unwrap_err(),
            DecodeError::Binary { offset: 2 }
        );
        assert_eq!(decode(b"", None).unwrap_err(), DecodeError::Empty);
        assert_eq!(
            decode(b"\xEF\xBB\xBF", None).unwrap_err(),
            DecodeError::Empty
        );
    }
}
