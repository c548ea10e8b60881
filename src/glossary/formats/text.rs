//! Bytes to text for every import, and small text helpers shared by the
//! formats.
//!
//! Takes the raw bytes of an input file and an optional encoding; returns its
//! text without byte order mark. Invariant: a byte order mark always wins,
//! and input that is not valid in the encoding asked for is an error with
//! the line of the first bad byte, never silently replaced.

use super::FormatError;
use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// Decode `bytes`: BOM, else `encoding`, else UTF-8 when valid, else (for
/// XML) the encoding named in the declaration, else Windows-1252.
pub(super) fn decode(
    bytes: &[u8],
    encoding: Option<&'static Encoding>,
    xml: bool,
) -> Result<String, FormatError> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        return decode_with(enc, &bytes[bom_len..]);
    }
    if let Some(enc) = encoding {
        return decode_with(enc, bytes);
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(s.to_owned());
    }
    if xml && let Some(enc) = declared_xml_encoding(bytes) {
        return decode_with(enc, bytes);
    }
    // Windows-1252 maps every byte: this cannot fail.
    decode_with(WINDOWS_1252, bytes)
}

/// Decode without BOM sniffing; malformed input is a [`FormatError::Parse`].
fn decode_with(enc: &'static Encoding, bytes: &[u8]) -> Result<String, FormatError> {
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    if had_errors {
        // The first replacement character marks the first malformed sequence
        // (a genuine U+FFFD before it would only move the line earlier).
        let at = text.find('\u{FFFD}').unwrap_or(0);
        return Err(FormatError::Parse {
            line: line_at(&text, at),
            message: format!("not valid {} text", enc.name()),
        });
    }
    Ok(text.into_owned())
}

/// The encoding named by `<?xml … encoding="…"?>`, if the bytes start with a
/// declaration and name one that is not UTF-8 (UTF-8 was tried already).
fn declared_xml_encoding(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(200)];
    if !head.starts_with(b"<?xml") {
        return None;
    }
    let end = head.windows(2).position(|w| w == b"?>")?;
    let decl = String::from_utf8_lossy(&head[..end]);
    let rest = &decl[decl.find("encoding")? + "encoding".len()..];
    let rest = rest.trim_start().strip_prefix('=')?.trim_start();
    let quote = rest.chars().next()?;
    if quote != '"' && quote != '\'' {
        return None;
    }
    let label = rest[1..].split(quote).next()?;
    Encoding::for_label(label.as_bytes()).filter(|e| *e != UTF_8)
}

/// The 1-based line of byte offset `at` in `text`.
pub(super) fn line_at(text: &str, at: usize) -> usize {
    let at = at.min(text.len());
    text.as_bytes()[..at]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// A term as shown in a message: control characters made visible, long
/// terms shortened to their first 40 characters.
pub(super) fn show(s: &str) -> String {
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i == 40 {
            out.push('…');
            break;
        }
        if c.is_control() || is_line_break(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

/// Line and paragraph separators that are not control characters.
pub(super) fn is_line_break(c: char) -> bool {
    matches!(c, '\u{2028}' | '\u{2029}')
}

/// `n entry` / `n entries`.
pub(super) fn entries(n: usize) -> String {
    if n == 1 {
        "1 entry".to_owned()
    } else {
        format!("{n} entries")
    }
}

/// Split a `|`-separated list cell (tolk's `variants` and `avoid`), trimming
/// each item and leaving out empty ones.
pub(super) fn split_list(cell: &str) -> Vec<String> {
    cell.split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Is `code` a language tag for Dutch (`nl`, `nl-NL`, `nl_BE`…)?
pub(super) fn is_dutch_code(code: &str) -> bool {
    primary_subtag(code).eq_ignore_ascii_case("nl")
}

/// Is `code` a language tag for English (`en`, `en-GB`, `en_US`…)?
pub(super) fn is_english_code(code: &str) -> bool {
    primary_subtag(code).eq_ignore_ascii_case("en")
}

fn primary_subtag(code: &str) -> &str {
    let code = code.trim();
    let end = code.find(['-', '_']).unwrap_or(code.len());
    // A tag's subtags are short ASCII letters: `nlx` or `english` is no tag.
    let tag = &code[..end];
    let rest_ok = code[end..]
        .split(['-', '_'])
        .all(|s| s.len() <= 8 && s.chars().all(|c| c.is_ascii_alphanumeric()));
    if rest_ok { tag } else { "" }
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::UTF_16LE;

    #[test]
    fn formats_decode_bom_wins_and_fallbacks() {
        assert_eq!(decode(b"\xEF\xBB\xBFa,b", None, false).unwrap(), "a,b");
        assert_eq!(
            decode(b"\xFF\xFEa\x00", Some(WINDOWS_1252), false).unwrap(),
            "a"
        );
        assert_eq!(decode(b"Oekra\xefne", None, false).unwrap(), "Oekraïne");
        assert_eq!(
            decode("Oekraïne".as_bytes(), None, false).unwrap(),
            "Oekraïne"
        );
        let err = decode(b"ok\nbad \xC3(", Some(UTF_8), false).unwrap_err();
        assert_eq!(
            err,
            FormatError::Parse {
                line: 2,
                message: "not valid UTF-8 text".into()
            }
        );
        assert_eq!(decode(b"a\x00", Some(UTF_16LE), false).unwrap(), "\u{61}");
    }

    #[test]
    fn formats_decode_xml_declaration() {
        let bytes = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>\xe9</a>";
        assert_eq!(
            decode(bytes, None, true).unwrap(),
            "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>é</a>"
        );
    }

    #[test]
    fn formats_language_codes() {
        assert!(is_dutch_code("nl") && is_dutch_code("NL-be") && is_dutch_code("nl_NL"));
        assert!(is_english_code("en-GB") && is_english_code(" en "));
        assert!(!is_english_code("english") && !is_dutch_code("nl-x y"));
    }

    #[test]
    fn formats_show_escapes_and_shortens() {
        assert_eq!(show("a\nb"), "a\\nb");
        assert_eq!(show(&"x".repeat(50)), format!("{}…", "x".repeat(40)));
    }
}
