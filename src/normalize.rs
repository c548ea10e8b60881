//! Normalization for matching: text → a folded *match key* plus a map back to
//! the original bytes.
//!
//! Takes any text; returns [`Folded`], whose `key` is lowercase, free of
//! diacritics, with typographic apostrophes, dashes and spaces replaced by
//! their ASCII forms and whitespace runs collapsed. Invariant: every byte of the
//! key maps to the start of the original character that produced it, so a
//! match in key space is always reported as a range on char boundaries of the
//! original text. The original text is never changed: normalization is for
//! matching only.

use std::ops::Range;
use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// What one original character becomes in the match key.
enum Fold {
    /// Dropped entirely (zero-width characters, soft hyphens, combining marks).
    Drop,
    /// A single replacement character (apostrophes, dashes, spaces).
    One(char),
    /// Decompose, drop marks and (optionally) lowercase.
    Letters,
}

/// Apostrophes and primes: Dutch writes both ' and ’ in *zo’n*, *Europa’s*.
pub fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2019}'
            | '\u{2018}'
            | '\u{02BC}'
            | '\u{2032}'
            | '\u{00B4}'
            | '\u{0060}'
            | '\u{FF07}'
    )
}

/// Hyphens and dashes.
pub fn is_dash(c: char) -> bool {
    matches!(
        c,
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}'
    )
}

/// Invisible characters that must not break a word or a match (soft hyphen,
/// zero-width space and joiners, word joiner, a stray BOM).
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

fn classify(c: char) -> Fold {
    match c {
        c if is_apostrophe(c) => Fold::One('\''),
        c if is_dash(c) => Fold::One('-'),
        c if is_invisible(c) => Fold::Drop,
        c if c.is_whitespace() => Fold::One(' '),
        c if is_combining_mark(c) => Fold::Drop,
        _ => Fold::Letters,
    }
}

/// Letters that carry a diacritic but have no canonical decomposition.
fn fold_special(c: char) -> Option<&'static str> {
    Some(match c {
        'ł' => "l",
        'Ł' => "L",
        'ø' => "o",
        'Ø' => "O",
        'đ' => "d",
        'Đ' => "D",
        'ħ' => "h",
        'Ħ' => "H",
        'ı' => "i",
        _ => return None,
    })
}

fn push_letters(c: char, lowercase: bool, out: &mut String) {
    if let Some(s) = fold_special(c) {
        if lowercase {
            out.extend(s.chars().flat_map(char::to_lowercase));
        } else {
            out.push_str(s);
        }
        return;
    }
    decompose_canonical(c, |d| {
        if is_combining_mark(d) {
            return;
        }
        if lowercase {
            out.extend(d.to_lowercase().filter(|l| !is_combining_mark(*l)));
        } else {
            out.push(d);
        }
    });
}

/// Fold a string (a glossary spelling or any short text) to its match key:
/// lowercase, diacritics removed, punctuation normalized, whitespace trimmed
/// and collapsed.
pub fn match_key(s: &str) -> String {
    fold(s, true, None).trim_matches(' ').to_owned()
}

/// Like [`match_key`] but keeping letter case: used to compare the case
/// pattern of a matched text with the case pattern of a glossary spelling.
pub fn fold_keep_case(s: &str) -> String {
    fold(s, false, None).trim_matches(' ').to_owned()
}

/// [`match_key`] of `s`, given `kept`, its [`fold_keep_case`]: ASCII folds
/// to its case-kept form lowercased, so only other text is folded again.
pub fn match_key_from_kept(s: &str, kept: &str) -> String {
    if s.is_ascii() {
        kept.to_ascii_lowercase()
    } else {
        match_key(s)
    }
}

/// The one folding loop: every character classified, whitespace runs
/// collapsed to one space. With `map`, records where each output byte
/// comes from (see [`Piece`]).
fn fold(text: &str, lowercase: bool, mut map: Option<&mut Vec<Piece>>) -> String {
    let mut key = String::with_capacity(text.len());
    let mut prev_space = false;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // A run of ASCII that folds to itself lowercased, byte for byte (no
        // backtick, no whitespace but single spaces), copied in one go.
        let run = i;
        // Eight bytes at a time while none of them ends the run.
        while let Some(word) = bytes.get(i..i + 8) {
            let w = u64::from_le_bytes(word.try_into().expect("eight bytes"));
            if !plain_ascii_word(w, prev_space) {
                break;
            }
            prev_space = word[7] == b' ';
            i += 8;
        }
        while i < bytes.len() {
            match bytes[i] {
                0x80.. | b'`' | b'\t'..=b'\r' => break,
                b' ' if prev_space => break,
                b => prev_space = b == b' ',
            }
            i += 1;
        }
        if i > run {
            let at = key.len();
            key.push_str(&text[run..i]);
            if lowercase {
                key[at..].make_ascii_lowercase();
            }
            if let Some(m) = map.as_deref_mut() {
                m.push(Piece {
                    key: at as u32,
                    orig: run as u32,
                    run: true,
                });
            }
            continue;
        }
        let b = bytes[i];
        if b.is_ascii() {
            // The common case, without the Unicode tables: ASCII folds to
            // itself (lowercased), except whitespace and the backtick.
            let o = match b {
                b'\t'..=b'\r' | b' ' if prev_space => None,
                b'\t'..=b'\r' | b' ' => Some(b' '),
                b'`' => Some(b'\''),
                _ if lowercase => Some(b.to_ascii_lowercase()),
                _ => Some(b),
            };
            if let Some(o) = o {
                prev_space = o == b' ';
                key.push(char::from(o));
                if let Some(m) = map.as_deref_mut() {
                    m.push(Piece {
                        key: (key.len() - 1) as u32,
                        orig: i as u32,
                        run: false,
                    });
                }
            }
            i += 1;
            continue;
        }
        let c = text[i..].chars().next().expect("a char starts here");
        let before = key.len();
        match classify(c) {
            Fold::Drop => {}
            Fold::One(' ') => {
                if !prev_space {
                    key.push(' ');
                    prev_space = true;
                }
            }
            Fold::One(r) => {
                key.push(r);
                prev_space = false;
            }
            Fold::Letters => {
                push_letters(c, lowercase, &mut key);
                prev_space = false;
            }
        }
        if let Some(m) = map.as_deref_mut()
            && key.len() > before
        {
            m.push(Piece {
                key: before as u32,
                orig: i as u32,
                run: false,
            });
        }
        i += c.len_utf8();
    }
    key
}

/// Do these eight bytes (little-endian) all fold to themselves, lowercased,
/// as the byte loop in [`fold`] takes them: ASCII, no backtick, no
/// whitespace but single spaces (`prev_space`: the byte before is a space)?
/// Per-byte tests done on all eight at once, without carries between bytes.
fn plain_ascii_word(w: u64, prev_space: bool) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    if w & HIGH != 0 {
        return false; // a byte ≥ 0x80
    }
    // The high bit of each byte set where that byte is zero.
    let zero = |x: u64| !(((x & LOW7) + LOW7) | x) & HIGH;
    if zero(w ^ (ONES * u64::from(b'`'))) != 0 {
        return false;
    }
    // Bytes 0x09..=0x0D: ≥ 0x09 and < 0x0E (every byte is < 0x80 here, so
    // adding 0x77 or 0x72 sets its high bit exactly when it is that large).
    let at_least_tab = (w + ONES * 0x77) & HIGH;
    let below_cr_end = !(w + ONES * 0x72) & HIGH;
    if at_least_tab & below_cr_end != 0 {
        return false;
    }
    let spaces = zero(w ^ (ONES * u64::from(b' ')));
    // Two spaces in a row, inside the word or across its start.
    spaces & (spaces >> 8) == 0 && !(prev_space && spaces & 0x80 != 0)
}

/// Where the key bytes from `key` on come from (up to the next piece): a
/// copied run (`run`: key byte `k` from original byte `orig + k - key`) or
/// one folded character (every byte from the character at `orig`).
#[derive(Debug, Clone, Copy)]
struct Piece {
    key: u32,
    orig: u32,
    run: bool,
}

/// A text folded for matching, with the map from key bytes to original bytes.
#[derive(Debug, Clone)]
pub struct Folded {
    /// The match key of the whole text.
    pub key: String,
    /// Where each byte of `key` comes from in the original text, in pieces
    /// sorted by key offset. `None` when the text is ASCII, where the key is
    /// the lowercased text and offsets are identical.
    map: Option<Vec<Piece>>,
}

impl Folded {
    /// Fold `text`. Whitespace runs become one space (so `Witte  Huis` and a
    /// term split over two lines still match); zero-width characters vanish.
    pub fn new(text: &str) -> Folded {
        // Fast path: ASCII whose only folding is lowercase (no backtick, no
        // whitespace but single spaces) keeps its offsets.
        if is_plain_ascii(text.as_bytes()) {
            return Folded {
                key: text.to_ascii_lowercase(),
                map: None,
            };
        }
        let mut map: Vec<Piece> = Vec::new();
        let key = fold(text, true, Some(&mut map));
        Folded {
            key,
            map: Some(map),
        }
    }

    /// The original byte offset of the character that produced key byte `k`.
    pub fn orig_offset(&self, k: usize) -> usize {
        match &self.map {
            None => k,
            Some(m) => {
                let p = m[m.partition_point(|p| p.key as usize <= k) - 1];
                if p.run {
                    p.orig as usize + (k - p.key as usize)
                } else {
                    p.orig as usize
                }
            }
        }
    }

    /// Map a non-empty key range to the original text: from the start of the
    /// first producing character to the end of the last one, including any
    /// combining marks that follow it.
    pub fn orig_range(&self, text: &str, key_range: Range<usize>) -> Range<usize> {
        debug_assert!(key_range.start < key_range.end);
        if self.map.is_none() {
            return key_range;
        }
        let start = self.orig_offset(key_range.start);
        let last = self.orig_offset(key_range.end - 1);
        let mut end = last + text[last..].chars().next().map_or(0, char::len_utf8);
        for c in text[end..].chars() {
            if is_combining_mark(c) {
                end += c.len_utf8();
            } else {
                break;
            }
        }
        start..end
    }
}

/// ASCII that folds to itself lowercased, byte for byte.
pub(crate) fn is_plain_ascii(b: &[u8]) -> bool {
    b.is_ascii()
        && !b
            .iter()
            .any(|&c| c == b'`' || (c.is_ascii_whitespace() && c != b' ') || c.is_ascii_control())
        && !b.windows(2).any(|w| w == b"  ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn match_keys() {
        let cases = [
            ("Oekraïne", "oekraine"),
            ("Oekrai\u{0308}ne", "oekraine"),
            ("Europa’s", "europa's"),
            ("Europa‘s", "europa's"),
            ("Europaʼs", "europa's"),
            ("Wit–Rusland", "wit-rusland"),
            ("Wit—Rusland", "wit-rusland"),
            ("Wit‑Rusland", "wit-rusland"),
            ("Witte\u{00A0}Huis", "witte huis"),
            ("Witte \u{202F} Huis", "witte huis"),
            ("  Witte   Huis ", "witte huis"),
            ("Poe\u{200B}tin", "poetin"),
            ("Erdoğan", "erdogan"),
            ("Łukasz", "lukasz"),
            ("ZAPORIZJA", "zaporizja"),
            ("Genève", "geneve"),
            ("Москва", "москва"),
            ("", ""),
        ];
        for (input, want) in cases {
            assert_eq!(match_key(input), want, "match_key({input:?})");
        }
    }

    #[test]
    fn keep_case_folding() {
        assert_eq!(fold_keep_case("Oekraïne"), "Oekraine");
        assert_eq!(fold_keep_case("ÉÉN"), "EEN");
        assert_eq!(fold_keep_case("Zelensky’s"), "Zelensky's");
    }

    #[test]
    fn folded_text_maps_back_to_original() {
        let text = "De Oekraïense  president’s reis";
        let f = Folded::new(text);
        assert_eq!(f.key, "de oekraiense president's reis");
        let k = f.key.find("oekraiense").unwrap();
        let r = f.orig_range(text, k..k + "oekraiense".len());
        assert_eq!(&text[r], "Oekraïense");
        let k = f.key.find("president's").unwrap();
        let r = f.orig_range(text, k..k + "president's".len());
        assert_eq!(&text[r], "president’s");
    }

    #[test]
    fn decomposed_input_keeps_marks_in_range() {
        let text = "naar Gene\u{0300}ve";
        let f = Folded::new(text);
        let k = f.key.find("geneve").unwrap();
        let r = f.orig_range(text, k..k + 6);
        assert_eq!(&text[r], "Gene\u{0300}ve");
        // A match ending on a letter with a decomposed accent includes the accent.
        let text = "cafe\u{0301} x";
        let f = Folded::new(text);
        let r = f.orig_range(text, 0..4);
        assert_eq!(&text[r], "cafe\u{0301}");
    }

    #[test]
    fn fast_path_agrees_with_the_full_path() {
        for text in [
            "Europa`s plan",
            "Witte\x0bHuis",
            "Kiev  en Moskou",
            "Poetin en Zelensky",
            "a\tb",
            "x\ny",
        ] {
            let fast = Folded::new(text);
            let mut map = Vec::new();
            let full = Folded {
                key: fold(text, true, Some(&mut map)),
                map: Some(map),
            };
            assert_eq!(fast.key, full.key, "{text:?}");
            for k in 0..full.key.len() {
                assert_eq!(fast.orig_offset(k), full.orig_offset(k), "{text:?} at {k}");
            }
        }
    }

    /// Character by character, one map entry per key byte: what the runs
    /// and pieces of `fold` must agree with.
    fn reference(text: &str) -> (String, Vec<usize>) {
        let (mut key, mut map, mut prev_space) = (String::new(), Vec::new(), false);
        for (i, c) in text.char_indices() {
            let before = key.len();
            match classify(c) {
                Fold::Drop => {}
                Fold::One(' ') if prev_space => {}
                Fold::One(r) => {
                    key.push(r);
                    prev_space = r == ' ';
                }
                Fold::Letters => {
                    push_letters(c, true, &mut key);
                    prev_space = false;
                }
            }
            map.extend(std::iter::repeat_n(i, key.len() - before));
        }
        (key, map)
    }

    #[test]
    fn pieces_map_every_key_byte_like_the_reference() {
        for text in [
            "De Oekraïense  president’s reis naar Kyjiv\r\nen Genève",
            "ŁUKASZ\u{200B}Poe\u{00AD}tin — Erdoğan\t\t`s",
            "café\u{0301}  Москва ﬁ x",
        ] {
            let (key, map) = reference(text);
            let f = Folded::new(text);
            assert_eq!(f.key, key, "{text:?}");
            for (k, &o) in map.iter().enumerate() {
                assert_eq!(f.orig_offset(k), o, "{text:?} at key byte {k}");
            }
        }
    }

    #[test]
    fn ascii_loop_agrees_with_the_classification() {
        for b in 0u8..128 {
            let c = b as char;
            let want = match classify(c) {
                Fold::Drop => String::new(),
                Fold::One(r) => r.to_string(),
                Fold::Letters => c.to_ascii_lowercase().to_string(),
            };
            assert_eq!(
                fold(&format!("a{c}"), true, None),
                format!("a{want}"),
                "{b}"
            );
        }
    }

    #[test]
    fn ascii_fast_path_is_identity() {
        let text = "Poetin en Zelensky";
        let f = Folded::new(text);
        assert_eq!(f.key, "poetin en zelensky");
        assert_eq!(f.orig_range(text, 0..6), 0..6);
        // Tabs and double spaces go through the full path and still collapse.
        let text = "Witte\tHuis  nu";
        let f = Folded::new(text);
        assert_eq!(f.key, "witte huis nu");
        assert_eq!(&text[f.orig_range(text, 6..10)], "Huis");
    }

    proptest::proptest! {
        /// The glossary loader and the matcher rely on this to fold an
        /// ASCII spelling once instead of twice.
        #[test]
        fn ascii_folds_to_its_case_kept_form_lowercased(s in "[ -~\t\n\r]{0,24}") {
            proptest::prop_assert_eq!(match_key_from_kept(&s, &fold_keep_case(&s)), match_key(&s));
        }
    }

    #[test]
    fn eight_bytes_at_a_time_as_one_at_a_time() {
        // Every word of the bytes that matter, against the byte rule.
        let special = [
            b' ', b'`', b'\t', b'\n', b'\r', 0x0B, 0x0C, 0x08, 0x0E, 0x1F, 0x7F, 0x80, 0xC3, b'a',
            b'Z', b'_', b'0',
        ];
        let byte_ok = |b: u8, prev_space: bool| match b {
            0x80.. | b'`' | b'\t'..=b'\r' => false,
            b' ' => !prev_space,
            _ => true,
        };
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        for _ in 0..200_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let bytes: [u8; 8] =
                std::array::from_fn(|k| special[(seed >> (k * 5)) as usize % special.len()]);
            for prev in [false, true] {
                let mut p = prev;
                let want = bytes.iter().all(|&b| {
                    let ok = byte_ok(b, p);
                    p = b == b' ';
                    ok
                });
                assert_eq!(
                    plain_ascii_word(u64::from_le_bytes(bytes), prev),
                    want,
                    "{bytes:?} {prev}"
                );
            }
        }
    }
}
