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

/// Decode `bytes`. A BOM always wins; otherwise `encoding` (default UTF-8).
pub fn decode(bytes: &[u8], encoding: Option<&'static Encoding>) -> Result<Decoded, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    if Encoding::for_bom(bytes).is_none()
        && encoding.is_none()
        && let Some(label) = utf16_without_bom(bytes)
    {
        let offset = bytes.iter().position(|&b| b == 0).unwrap_or(0);
        return Err(DecodeError::Utf16WithoutBom { offset, label });
    }
    let (enc, bom_len) = match Encoding::for_bom(bytes) {
        Some((enc, len)) => (enc, len),
        None => (encoding.unwrap_or(UTF_8), 0),
    };
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
    if let Some(pos) = text.bytes().position(|b| b == 0) {
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

#[cfg(test)]
mod tests {
    use super::*;

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
