//! The term matcher: the match keys of every active spelling (and the
//! genitive forms of names), filed under their first word or two, looked up
//! at every word start of the folded text.
//!
//! A term starts and ends on word boundaries, so the text's words at a word
//! start are the pattern's first words: a hash lookup or two per word finds
//! every pattern that can start there (a bit filter dismisses most words
//! before the lookup). Building is a sort of the patterns, so a glossary of
//! a million entries builds in seconds in little memory, where an automaton
//! over all their bytes took minutes and gigabytes.
//!
//! Takes the spellings of a loaded glossary; returns [`TermHit`]s as byte
//! ranges of the *original* text. Invariants: hits never overlap, are sorted
//! by position, lie on char boundaries, and never start or end inside a word.
//! Semantics: leftmost, then longest *valid* match — a candidate that fails
//! the word-boundary or case rules gives way to the next shorter match at the
//! same position, then to matches further right.

use super::entry::{Entry, EntryId};
use crate::normalize::{Folded, fold_keep_case, is_plain_ascii, match_key, match_key_from_kept};
use rustc_hash::FxHashMap;
use serde::Serialize;
use std::hash::Hasher;

/// Index of a spelling in [`crate::Glossary::spellings`].
pub type SpellingId = usize;

/// The grammatical form a hit was found in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Inflection {
    /// The spelling as listed.
    Base,
    /// The Dutch genitive of a name: *Poetins*, *Zelensky’s*, *Europa’s*.
    Genitive,
}

/// The letter case the source text used for the term, as far as it changes
/// how the English is written. Sentence-initial capitals are decided by the
/// engine, which knows where sentences start.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum HitCase {
    /// As the glossary writes it (or a Title Case / sentence-initial form).
    AsWritten,
    /// ALL CAPS where the glossary spelling is not (a headline).
    AllCaps,
}

/// One glossary term found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermHit {
    /// Byte range of the whole hit in the original text, genitive ending included.
    pub start: usize,
    pub end: usize,
    /// Byte offset where the name ends and a genitive ending starts (`end` for [`Inflection::Base`]).
    pub stem_end: usize,
    /// The entry that renders this hit (the overriding one, when overridden).
    pub entry: EntryId,
    /// The spelling that matched.
    pub spelling: SpellingId,
    pub inflection: Inflection,
    pub case: HitCase,
}

/// A Dutch spelling that the matcher looks for.
#[derive(Debug, Clone)]
pub struct Spelling {
    /// As the glossary writes it (NFC, trimmed).
    pub text: String,
    /// The entry whose English this spelling renders (after overrides).
    pub entry: EntryId,
    /// The entry whose row lists this spelling.
    pub listed_by: EntryId,
}

/// Does the text's letter case fit the spelling's? `cased` is the
/// spelling's case-preserving folded form when it has capitals (`None`: the
/// spelling is all lowercase and any case matches). `None` if the text's case
/// is not allowed; otherwise how it is written.
fn check_case(cased: Option<&str>, text: &str) -> Option<HitCase> {
    // Plain ASCII folds to itself: no allocation for the common case.
    let folded;
    let t = if is_plain_ascii(text.as_bytes()) {
        text
    } else {
        folded = fold_keep_case(text);
        folded.as_str()
    };
    let letters = t
        .chars()
        .filter(|c| c.is_uppercase() || c.is_lowercase())
        .count();
    let all_caps = letters >= 2 && !t.chars().any(|c| c.is_lowercase());
    let Some(s) = cased else {
        return Some(if all_caps {
            HitCase::AllCaps
        } else {
            HitCase::AsWritten
        });
    };
    let spelling_all_caps = !s.chars().any(|c| c.is_lowercase());
    let case = if all_caps && !spelling_all_caps {
        HitCase::AllCaps
    } else {
        HitCase::AsWritten
    };
    if t.chars().count() != s.chars().count() {
        // Case mapping changed the length (rare scripts): the keys matched,
        // so accept unless the text is all lowercase.
        return t.chars().any(|c| c.is_uppercase()).then_some(case);
    }
    let mut word_start = true;
    for (tc, sc) in t.chars().zip(s.chars()) {
        if sc.is_uppercase() && !tc.is_uppercase() {
            return None;
        }
        if sc.is_lowercase() && tc.is_uppercase() && !all_caps && !word_start {
            return None;
        }
        word_start = !(tc.is_alphanumeric() || tc == '\'');
    }
    Some(case)
}

/// The suffix a pattern adds to its spelling's key: none, or a genitive ending.
const SUFFIXES: [&str; 4] = ["", "s", "'", "'s"];

fn suffix_code(suffix: &str) -> u32 {
    SUFFIXES
        .iter()
        .position(|s| *s == suffix)
        .expect("a known suffix") as u32
}

/// One spelling as the matcher needs it.
#[derive(Debug, Clone, Copy)]
struct Spelled {
    /// Its match key: `keys[key.0..key.1]`.
    key: (u32, u32),
    /// Its case-preserving folded form when it has capitals
    /// (`cased[case.0..case.1]`); empty when any case matches.
    case: (u32, u32),
    entry: u32,
}

impl Spelled {
    /// The length in key bytes of pattern `p`, of this spelling.
    fn pattern_len(&self, p: u32) -> usize {
        (self.key.1 - self.key.0) as usize + SUFFIXES[(p & 3) as usize].len()
    }
}

/// The compiled matcher.
#[derive(Debug)]
pub struct Matcher {
    /// The match keys of every spelling, one after another.
    keys: String,
    /// The case-preserving folded forms of spellings with capitals.
    cased: String,
    /// Per spelling (by [`SpellingId`]).
    spelled: Vec<Spelled>,
    /// Patterns (`spelling << 2 | suffix`), grouped by the group of their
    /// head (see [`first_head`], [`group_of`]); within a group longest
    /// first, then in candidate order (exact spelling before genitive,
    /// later file first, capitals first).
    patterns: Vec<u32>,
    /// Head group (see [`group_of`]) → range of `patterns`.
    by_head: FxHashMap<u32, (u32, u32)>,
    /// One bit per first word of a pattern (the top bits of its hash): most
    /// words of a text start no pattern and are dismissed here.
    filter: Vec<u64>,
    filter_shift: u32,
    /// Characters other than letters and digits that start a pattern
    /// (*'s-Hertogenbosch*): the text is looked up at them too. ASCII ones
    /// as a bit mask.
    lead_ascii: u128,
    lead_other: Vec<char>,
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric()
}

/// The char starting at byte `i` of `s` (a char boundary), with its length.
fn char_at(s: &str, i: usize) -> (char, usize) {
    let b = s.as_bytes()[i];
    if b < 0x80 {
        (char::from(b), 1)
    } else {
        let c = s[i..].chars().next().expect("a char starts here");
        (c, c.len_utf8())
    }
}

/// The end of the run of word characters from `i`.
#[inline]
fn word_end(s: &str, mut i: usize) -> usize {
    let b = s.as_bytes();
    // Eight ASCII bytes at a time.
    while let Some(word) = b.get(i..i + 8) {
        let w = u64::from_le_bytes(word.try_into().expect("eight bytes"));
        let n = ascii_alphanumeric_prefix(w);
        i += n;
        if n < 8 {
            break;
        }
    }
    while i < b.len() {
        if b[i] < 0x80 {
            if !b[i].is_ascii_alphanumeric() {
                break;
            }
            i += 1;
        } else {
            let (c, len) = char_at(s, i);
            if !is_word(c) {
                break;
            }
            i += len;
        }
    }
    i
}

/// How many of the eight bytes of `w` (little-endian), from the first, are
/// ASCII letters or digits. The per-byte range tests run on all eight at
/// once: for a byte below 0x80, adding `0x80 - n` sets its high bit exactly
/// when it is at least `n`, without a carry into the next byte.
fn ascii_alphanumeric_prefix(w: u64) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let ascii = !w & HIGH;
    let low7 = w & !HIGH;
    let at_least = |x: u64, n: u8| (x + ONES * u64::from(0x80 - n)) & HIGH;
    // Letters: lowercased (0x20 set), a..=z.
    let lower = low7 | (ONES * 0x20);
    let letter = at_least(lower, b'a') & !at_least(lower, b'z' + 1);
    let digit = at_least(low7, b'0') & !at_least(low7, b'9' + 1);
    let word = (letter | digit) & ascii;
    ((!word & HIGH).trailing_zeros() / 8) as usize
}

/// Where the *heads* of `s` from `at` end: what a pattern is filed under,
/// and what the text at a place a match may start is looked up by. The first
/// head is the first word (or the first character, when that is not a letter
/// or digit); when one character and another word follow, the second head
/// runs to the end of that word. A pattern is filed under its longer head
/// (*nationale politie*, *poetin's*), so that a common first word does not
/// make every pattern it starts a candidate.
fn first_head(s: &str, at: usize) -> usize {
    let (c, len) = char_at(s, at);
    if is_word(c) {
        word_end(s, at + len)
    } else {
        at + len
    }
}

/// The end of the second head, given the end of the first (see [`first_head`]).
fn second_head(s: &str, at: usize, one: usize) -> Option<usize> {
    if one == s.len() || !is_word(char_at(s, at).0) {
        return None;
    }
    // `one` ends a word: a character other than a letter or digit follows.
    let after = one + char_at(s, one).1;
    let two = word_end(s, after);
    (two > after).then_some(two)
}

/// A non-empty pattern's first head (which the filter knows) and the head
/// it is filed under: its second head when it has one, else its first.
fn filed_heads(pattern: &str) -> (&str, &str) {
    let one = first_head(pattern, 0);
    let filed = second_head(pattern, 0, one).unwrap_or(one);
    (&pattern[..one], &pattern[..filed])
}

#[inline]
fn head_hash(head: &str) -> u64 {
    let mut h = rustc_hash::FxHasher::default();
    h.write(head.as_bytes());
    h.finish()
}

/// The group a head is filed in: 32 bits of its hash. Heads that share a
/// group share a list of patterns (each candidate's bytes are compared, so
/// sharing only costs a comparison), and the index stays small for a
/// glossary of millions of patterns.
#[inline]
fn group_of(head: &str) -> u32 {
    group_of_hash(head_hash(head))
}

fn group_of_hash(h: u64) -> u32 {
    (h >> 32) as u32
}

/// Does a match starting at key byte `at` start a word?
fn left_ok(key: &str, at: usize) -> bool {
    let Some(first) = key[at..].chars().next() else {
        return true;
    };
    if !is_word(first) {
        return true;
    }
    let mut before = key[..at].chars().rev();
    match before.next() {
        None => true,
        Some(p) if is_word(p) => false,
        // An apostrophe inside a word (zo'n, regio's) does not separate words.
        Some('\'') => !before.next().is_some_and(is_word),
        Some(_) => true,
    }
}

/// Does a match ending at key byte `at` end a word?
fn right_ok(key: &str, at: usize) -> bool {
    let Some(last) = key[..at].chars().next_back() else {
        return true;
    };
    if !is_word(last) {
        return true;
    }
    let mut after = key[at..].chars();
    match after.next() {
        None => true,
        Some(n) if is_word(n) => false,
        Some('\'') => !after.next().is_some_and(is_word),
        Some(_) => true,
    }
}

/// A bare apostrophe after a sibilant is a genitive (*Klaus’ boek*) only
/// when a word follows, and not when it closes a quotation (*‘… naar
/// Parijs’, zei hij*).
fn bare_apostrophe_genitive(text: &str, hit: std::ops::Range<usize>) -> bool {
    let after = &text[hit.end..];
    let mut chars = after.chars();
    let spaced = chars.next().is_some_and(char::is_whitespace);
    let next_word = chars
        .find(|c| !c.is_whitespace())
        .is_some_and(char::is_alphabetic);
    let line_start = text[..hit.start].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let before = &text[line_start..hit.start];
    let open_quote = before.matches('‘').count() > before.matches('’').count();
    spaced && next_word && !open_quote
}

/// The Dutch genitive endings a name key can take: `-s` (*Poetins*), `'s`
/// (*Europa's*, *Zelensky's*, and *Poetin's* under English influence), and a
/// bare apostrophe after a sibilant (*Klaus'*, *Marx'*).
fn genitive_suffixes(key: &str) -> &'static [&'static str] {
    match key.chars().next_back() {
        Some('s' | 'x' | 'z') => &["'", "'s"],
        Some(c) if c.is_alphanumeric() => &["s", "'s"],
        _ => &[],
    }
}

/// The filter bit of a first word's hash.
fn filter_bit(h: u64, shift: u32) -> usize {
    (h.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> shift) as usize
}

impl Matcher {
    /// Build the matcher for `spellings` of `entries`.
    pub fn build(entries: &[Entry], spellings: &[Spelling]) -> Matcher {
        let mut keys = String::new();
        let mut cased = String::new();
        let mut spelled = Vec::with_capacity(spellings.len());
        // (group of the head it is filed under, pattern)
        let mut filed: Vec<(u32, u32)> = Vec::with_capacity(spellings.len() * 3);
        let mut lead_ascii = 0u128;
        let mut lead_other: Vec<char> = Vec::new();
        let bits = (spellings.len() * 16).next_power_of_two().max(1 << 12);
        let mut filter = vec![0u64; bits / 64];
        let filter_shift = 64 - bits.trailing_zeros();
        let mut pattern = String::new();
        let arena = |s: &mut String, add: &str| {
            let start = u32::try_from(s.len()).expect("match keys fit in 4 GiB");
            s.push_str(add);
            let end = u32::try_from(s.len()).expect("match keys fit in 4 GiB");
            (start, end)
        };
        for (sid, sp) in spellings.iter().enumerate() {
            let any_case = !sp.text.chars().any(char::is_uppercase);
            let case_kept = (!any_case).then(|| fold_keep_case(&sp.text));
            let key = match &case_kept {
                Some(k) => match_key_from_kept(&sp.text, k),
                None => match_key(&sp.text),
            };
            spelled.push(Spelled {
                key: arena(&mut keys, &key),
                case: case_kept.map_or((0, 0), |k| arena(&mut cased, &k)),
                entry: u32::try_from(sp.entry).expect("fewer than 2^32 entries"),
            });
            if key.is_empty() {
                continue;
            }
            let sid = u32::try_from(sid)
                .ok()
                .filter(|&s| s < 1 << 30)
                .expect("fewer than 2^30 spellings");
            let genitives = if entries[sp.entry].kind.takes_genitive() {
                genitive_suffixes(&key)
            } else {
                &[]
            };
            for suffix in std::iter::once(&"").chain(genitives) {
                pattern.clear();
                pattern.push_str(&key);
                pattern.push_str(suffix);
                let (first, head) = filed_heads(&pattern);
                let bit = filter_bit(head_hash(first), filter_shift);
                filter[bit / 64] |= 1 << (bit % 64);
                match pattern.chars().next() {
                    Some(c) if is_word(c) => {}
                    Some(c) if c.is_ascii() => lead_ascii |= 1 << (c as u32),
                    Some(c) if !lead_other.contains(&c) => lead_other.push(c),
                    _ => {}
                }
                filed.push((group_of(head), sid << 2 | suffix_code(suffix)));
            }
        }
        filed.sort_unstable();
        let mut patterns: Vec<u32> = filed.iter().map(|f| f.1).collect();
        let mut by_head = FxHashMap::default();
        by_head.reserve(filed.chunk_by(|a, b| a.0 == b.0).count());
        let mut start = 0;
        for group in filed.chunk_by(|a, b| a.0 == b.0) {
            let range = start..start + group.len();
            // Longest first; at the same length exact spellings before
            // genitives, later files first, and a spelling with capitals
            // (VS) before a lowercase one (vs): the cased one only accepts
            // text written its way.
            patterns[range.clone()].sort_unstable_by_key(|&p| {
                let sp = &spelled[(p >> 2) as usize];
                (
                    std::cmp::Reverse(sp.pattern_len(p)),
                    p & 3 != 0,
                    std::cmp::Reverse(entries[sp.entry as usize].file_index),
                    sp.case.1 == sp.case.0,
                    p,
                )
            });
            by_head.insert(group[0].0, (start as u32, group.len() as u32));
            start = range.end;
        }
        Matcher {
            keys,
            cased,
            spelled,
            patterns,
            by_head,
            filter,
            filter_shift,
            lead_ascii,
            lead_other,
        }
    }

    /// The first spelling whose match key is `key` (see
    /// [`crate::Glossary::spelling_for_key`]).
    pub fn spelling_for_key(&self, key: &str) -> Option<SpellingId> {
        if key.is_empty() {
            return None;
        }
        self.filed_under(filed_heads(key).1)
            .iter()
            .filter(|&&p| p & 3 == 0 && self.key_of(p >> 2) == key)
            .map(|&p| (p >> 2) as SpellingId)
            .min()
    }

    fn key_of(&self, spelling: u32) -> &str {
        let sp = &self.spelled[spelling as usize];
        &self.keys[sp.key.0 as usize..sp.key.1 as usize]
    }

    /// Does some pattern start with `c`, not a letter or digit?
    fn leads(&self, c: char) -> bool {
        if c.is_ascii() {
            self.lead_ascii & (1 << (c as u32)) != 0
        } else {
            self.lead_other.contains(&c)
        }
    }

    /// Number of patterns (spellings plus genitive forms).
    pub fn pattern_count(&self) -> usize {
        self.patterns.len()
    }

    /// Find every term in `text`: at each place a match may start (a word
    /// start, or a character other than a letter or digit that starts some
    /// pattern), the longest valid match.
    pub fn find(&self, text: &str) -> Vec<TermHit> {
        if self.patterns.is_empty() {
            return Vec::new();
        }
        let folded = Folded::new(text);
        let key = folded.key.as_str();
        let mut hits = Vec::new();
        let bytes = key.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            // The first head's end, or skip a character that starts nothing.
            let one = if b.is_ascii_alphanumeric() {
                word_end(key, i + 1)
            } else if b < 0x80 {
                if self.lead_ascii & (1 << b) == 0 {
                    i += 1;
                    continue;
                }
                i + 1
            } else {
                let (c, len) = char_at(key, i);
                if !is_word(c) && !self.leads(c) {
                    i += len;
                    continue;
                }
                first_head(key, i)
            };
            let first = head_hash(&key[i..one]);
            if self.may_start(first)
                && left_ok(key, i)
                && let Some((hit, end)) = self.longest_at(text, &folded, i, one, first)
            {
                hits.push(hit);
                i = end;
                continue;
            }
            i = one;
        }
        hits
    }

    /// Is the word with hash `word_hash` (see [`head_hash`]) the first word
    /// (or character) of some pattern? Most words of a text are not, and are
    /// dismissed here by a bit of the filter.
    fn may_start(&self, word_hash: u64) -> bool {
        let bit = filter_bit(word_hash, self.filter_shift);
        self.filter[bit / 64] & (1 << (bit % 64)) != 0
    }

    /// The longest valid hit starting at key byte `at`, whose first head
    /// ends at `one` and has hash `first`, with its key end.
    fn longest_at(
        &self,
        text: &str,
        folded: &Folded,
        at: usize,
        one: usize,
        first: u64,
    ) -> Option<(TermHit, usize)> {
        let key = folded.key.as_str();
        let long = second_head(key, at, one).map_or(&[][..], |two| self.filed_under(&key[at..two]));
        let short = self.in_group(group_of_hash(first));
        // Both lists are longest first: merge them. Two patterns of the same
        // length cannot both match here (they would be the same string, and
        // so filed under the same head).
        let (mut l, mut s) = (0, 0);
        while l < long.len() || s < short.len() {
            let p = if s == short.len()
                || (l < long.len() && self.pattern_len(long[l]) >= self.pattern_len(short[s]))
            {
                l += 1;
                long[l - 1]
            } else {
                s += 1;
                short[s - 1]
            };
            if let Some(found) = self.try_pattern(text, folded, at, p) {
                return Some(found);
            }
        }
        None
    }

    /// The patterns filed under `head`, longest first.
    fn filed_under(&self, head: &str) -> &[u32] {
        self.in_group(group_of(head))
    }

    /// The patterns of head group `group`, longest first.
    fn in_group(&self, group: u32) -> &[u32] {
        match self.by_head.get(&group) {
            Some(&(start, len)) => &self.patterns[start as usize..(start + len) as usize],
            None => &[],
        }
    }

    /// The length in key bytes of pattern `p`.
    fn pattern_len(&self, p: u32) -> usize {
        self.spelled[(p >> 2) as usize].pattern_len(p)
    }

    /// Pattern `p` as a hit starting at key byte `at`, if the text there is
    /// the pattern and the hit is valid (word end, case, genitive).
    fn try_pattern(
        &self,
        text: &str,
        folded: &Folded,
        at: usize,
        p: u32,
    ) -> Option<(TermHit, usize)> {
        let key = folded.key.as_str();
        let rest = &key.as_bytes()[at..];
        let sp = &self.spelled[(p >> 2) as usize];
        let stem = self.key_of(p >> 2).as_bytes();
        let suffix = SUFFIXES[(p & 3) as usize].as_bytes();
        if !(rest.starts_with(stem) && rest[stem.len()..].starts_with(suffix)) {
            return None;
        }
        let end = at + stem.len() + suffix.len();
        if !right_ok(key, end) {
            return None;
        }
        let stem_range = folded.orig_range(text, at..at + stem.len());
        let cased =
            (sp.case.1 > sp.case.0).then(|| &self.cased[sp.case.0 as usize..sp.case.1 as usize]);
        let case = check_case(cased, &text[stem_range.clone()])?;
        let whole = folded.orig_range(text, at..end);
        let genitive = !suffix.is_empty();
        if genitive
            && stem_range.end
                + text[stem_range.end..]
                    .chars()
                    .next()
                    .map_or(0, char::len_utf8)
                == whole.end
            && !bare_apostrophe_genitive(text, whole.clone())
        {
            return None;
        }
        Some((
            TermHit {
                start: whole.start,
                end: whole.end,
                stem_end: if genitive { stem_range.end } else { whole.end },
                entry: sp.entry as EntryId,
                spelling: (p >> 2) as SpellingId,
                inflection: if genitive {
                    Inflection::Genitive
                } else {
                    Inflection::Base
                },
                case,
            },
            end,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glossary::{Glossary, Source};
    use proptest::prelude::*;
    use std::borrow::Cow;
    use std::cmp::Reverse;

    /// The matcher's semantics without its index: at every
    /// position where a match may start, every pattern of the glossary is
    /// tried, longest first, in candidate order.
    fn reference(g: &Glossary, text: &str) -> Vec<TermHit> {
        let mut all = Vec::new();
        for (sid, sp) in g.spellings()[..g.matched].iter().enumerate() {
            let key = match_key(&sp.text);
            if key.is_empty() {
                continue;
            }
            let e = &g.entries()[sp.entry];
            let any_case = !sp.text.chars().any(char::is_uppercase);
            let genitives = if e.kind.takes_genitive() {
                genitive_suffixes(&key)
            } else {
                &[]
            };
            for suffix in std::iter::once(&"").chain(genitives) {
                all.push((
                    Reverse(key.len() + suffix.len()),
                    !suffix.is_empty(),
                    Reverse(e.file_index),
                    any_case,
                    sid,
                    (sid as u32) << 2 | suffix_code(suffix),
                ));
            }
        }
        all.sort();
        let m = g.matcher();
        let folded = Folded::new(text);
        let key = folded.key.as_str();
        let mut hits = Vec::new();
        let mut i = 0;
        while i < key.len() {
            if left_ok(key, i)
                && let Some((hit, end)) = all
                    .iter()
                    .find_map(|p| m.try_pattern(text, &folded, i, p.5))
            {
                hits.push(hit);
                i = end;
                continue;
            }
            i += char_at(key, i).1;
        }
        hits
    }

    const WORDS: &[&str] = &[
        "an", "Ana", "ana", "s", "VS", "vs", "Van", "van", "de", "Klaus", "Marx", "Zelensky", "é",
        "Éna", "x", "1", "Poetin", "poetins", "zo", "n", "«Ana", "„de",
    ];
    const JOINS: &[&str] = &[
        " ", "-", "'", "’", "", ". ", "\n", "  ", "\u{AD}", "'s-", "(", "·", "«", " „",
    ];

    fn phrase(max_words: usize) -> impl Strategy<Value = String> {
        prop::collection::vec(
            (
                prop::sample::select(WORDS),
                prop::sample::select(JOINS),
                0..3u8,
            ),
            1..=max_words,
        )
        .prop_map(|parts| {
            let mut s = String::new();
            for (i, (w, join, case)) in parts.iter().enumerate() {
                if i > 0 {
                    s.push_str(join);
                }
                match case {
                    0 => s.push_str(w),
                    1 => s.push_str(&w.to_uppercase()),
                    _ => s.push_str(&w.to_lowercase()),
                }
            }
            s
        })
    }

    fn csv(rows: &[(String, u8)]) -> String {
        let mut out = String::from("nl,en,kind\n");
        for (nl, kind) in rows {
            let nl = nl.trim().replace(['\n', '"'], " ");
            if nl.trim().is_empty() || nl.starts_with('#') {
                continue;
            }
            // The English follows the key, so no two rows conflict.
            let en = format!("E {}", super::super::spelling_key(&nl));
            let kind = ["person", "place", "term"][usize::from(*kind % 3)];
            out.push_str(&format!("\"{nl}\",\"{en}\",{kind}\n"));
        }
        out
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]
        #[test]
        fn finds_what_trying_every_pattern_everywhere_finds(
            first in prop::collection::vec((phrase(3), 0..3u8), 1..8),
            second in prop::collection::vec((phrase(2), 0..3u8), 0..4),
            pieces in prop::collection::vec(
                prop::collection::vec(
                    (any::<usize>(), any::<bool>(), 0..3u8, prop::sample::select(JOINS), phrase(2)),
                    1..12,
                ),
                1..4,
            ),
        ) {
            // Texts of random words and glossary spellings (in any case), so
            // that terms are found, overlap and nest.
            let texts: Vec<String> = pieces
                .iter()
                .map(|text| {
                    let mut s = String::new();
                    for (n, spelling, case, join, words) in text {
                        let piece = if *spelling {
                            let all: Vec<&String> = first.iter().chain(&second).map(|r| &r.0).collect();
                            let p = all[n % all.len()];
                            match case {
                                0 => p.clone(),
                                1 => p.to_uppercase(),
                                _ => p.to_lowercase(),
                            }
                        } else {
                            words.clone()
                        };
                        s.push_str(&piece);
                        s.push_str(join);
                    }
                    s
                })
                .collect();
            let sources = [csv(&first), csv(&second)]
                .into_iter()
                .enumerate()
                .map(|(i, text)| Source {
                    name: format!("g{i}.csv"),
                    bytes: Cow::Owned(text.into_bytes()),
                    shipped: false,
                })
                .collect::<Vec<_>>();
            let g = match Glossary::load(sources) {
                Ok(g) => g,
                Err(_) => return Ok(()),
            };
            for text in &texts {
                prop_assert_eq!(g.matcher().find(text), reference(&g, text), "text {:?}", text);
            }
        }
    }

    #[test]
    fn alphanumeric_prefix_eight_bytes_at_a_time() {
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        for _ in 0..200_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            // Bytes near the edges of the ranges more often than not.
            let edges = b"/09:@AZ[`az{ \x7f\x80\xc3\xff";
            let bytes: [u8; 8] = std::array::from_fn(|k| {
                let r = (seed >> (k * 8)) as u8;
                if r & 1 == 0 {
                    edges[usize::from(r >> 1) % edges.len()]
                } else {
                    r
                }
            });
            let want = bytes
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric())
                .count();
            assert_eq!(
                ascii_alphanumeric_prefix(u64::from_le_bytes(bytes)),
                want,
                "{bytes:?}"
            );
        }
    }

    #[test]
    fn spelling_for_key_finds_the_first_spelling_with_that_key() {
        let g = Glossary::from_csv_str(
            "k.csv",
            "nl,en,kind,variants\nVS,US,place,\nvs,versus,term,\nNationale Politie,National Police,org,Nationale politie\nPoetin,Putin,person,\n",
        )
        .unwrap();
        let text_of = |key: &str| {
            g.spelling_for_key(key)
                .map(|id| g.spelling(id).text.as_str())
        };
        assert_eq!(text_of("vs"), Some("VS"));
        assert_eq!(text_of("nationale politie"), Some("Nationale Politie"));
        assert_eq!(text_of("poetin"), Some("Poetin"));
        // A genitive form is a pattern, not a spelling's key.
        assert_eq!(text_of("poetins"), None);
        assert_eq!(text_of("nationale"), None);
        assert_eq!(text_of(""), None);
    }

    #[test]
    fn a_term_that_starts_with_punctuation_is_found() {
        let g = Glossary::from_csv_str(
            "p.csv",
            "nl,en,kind\n's-Hertogenbosch,'s-Hertogenbosch,place\n(ex-)minister,(former) minister,term\n",
        )
        .unwrap();
        let text = "In ’s-Hertogenbosch sprak de (ex-)minister, in 's-Hertogenboschs centrum.";
        let hits = g.matcher().find(text);
        let found: Vec<&str> = hits.iter().map(|h| &text[h.start..h.end]).collect();
        assert_eq!(
            found,
            ["’s-Hertogenbosch", "(ex-)minister", "'s-Hertogenboschs"]
        );
        assert_eq!(hits, reference(&g, text));
    }
}
