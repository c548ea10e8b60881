//! The term matcher: one aho-corasick automaton over the match keys of every
//! active spelling (and the genitive forms of names), searched over the
//! folded text.
//!
//! Takes the spellings of a loaded glossary; returns [`TermHit`]s as byte
//! ranges of the *original* text. Invariants: hits never overlap, are sorted
//! by position, lie on char boundaries, and never start or end inside a word.
//! Semantics: leftmost, then longest *valid* match — a candidate that fails
//! the word-boundary or case rules gives way to the next shorter match at the
//! same position, then to matches further right.

use super::entry::{Entry, EntryId};
use crate::normalize::{Folded, fold_keep_case, is_plain_ascii, match_key};
use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};
use serde::Serialize;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

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

/// How the letter case of a text must relate to the spelling.
#[derive(Debug, Clone)]
enum CaseRule {
    /// The spelling is all lowercase: any case matches.
    Any,
    /// The spelling has capitals; these are its case-preserving folded chars.
    Cased(Box<[char]>),
}

impl CaseRule {
    fn of(spelling: &str) -> CaseRule {
        if spelling.chars().any(char::is_uppercase) {
            CaseRule::Cased(fold_keep_case(spelling).chars().collect())
        } else {
            CaseRule::Any
        }
    }

    /// `None` if the text's case is not allowed; otherwise how it is written.
    fn check(&self, text: &str) -> Option<HitCase> {
        // Plain ASCII folds to itself: no allocation for the common case.
        let folded;
        let t = if is_plain_ascii(text.as_bytes()) {
            text
        } else {
            folded = fold_keep_case(text);
            folded.as_str()
        };
        let cased = t
            .chars()
            .filter(|c| c.is_uppercase() || c.is_lowercase())
            .count();
        let all_caps = cased >= 2 && !t.chars().any(|c| c.is_lowercase());
        let s = match self {
            CaseRule::Any => {
                return Some(if all_caps {
                    HitCase::AllCaps
                } else {
                    HitCase::AsWritten
                });
            }
            CaseRule::Cased(s) => s,
        };
        let spelling_all_caps = !s.iter().any(|c| c.is_lowercase());
        let case = if all_caps && !spelling_all_caps {
            HitCase::AllCaps
        } else {
            HitCase::AsWritten
        };
        if t.chars().count() != s.len() {
            // Case mapping changed the length (rare scripts): the keys matched,
            // so accept unless the text is all lowercase.
            return t.chars().any(|c| c.is_uppercase()).then_some(case);
        }
        let mut word_start = true;
        for (tc, &sc) in t.chars().zip(s.iter()) {
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
}

#[derive(Debug, Clone)]
struct Candidate {
    spelling: SpellingId,
    entry: EntryId,
    inflection: Inflection,
    /// Length in key bytes of the name part (the whole pattern for `Base`).
    stem_len: usize,
    case: CaseRule,
    /// Load order of the entry's file: later files win.
    file_index: usize,
}

/// The compiled matcher.
#[derive(Debug)]
pub struct Matcher {
    /// A contiguous NFA over every pattern: quick to build, searches both
    /// unanchored and anchored (to fall back to a shorter match).
    nfa: Option<AhoCorasick>,
    /// A DFA over the same patterns, about four times faster to search but
    /// slower to build: built once enough text has been searched to repay
    /// it (see `Matcher::searcher`).
    dfa: OnceLock<Option<AhoCorasick>>,
    /// Bytes of match key searched so far, and announced to come
    /// ([`Matcher::expect`]).
    searched: AtomicUsize,
    /// Candidates per automaton pattern, best first.
    candidates: Vec<Vec<Candidate>>,
    /// The patterns, kept until the DFA is built from them.
    patterns: Mutex<Option<Vec<String>>>,
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric()
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

/// Above this many patterns (spellings and their genitives) the matcher
/// stays an NFA: a DFA would take too long to build and too much memory.
const DFA_MAX_PATTERNS: usize = 200_000;

/// The DFA is built once this many bytes of text per pattern have been
/// searched: by then building it (about 3 µs a pattern) costs less than the
/// NFA's slower search would go on costing (about 8 ms a MiB more).
const DFA_BYTES_PER_PATTERN: usize = 400;

impl Matcher {
    /// Build the automaton for `spellings` of `entries`.
    pub fn build(entries: &[Entry], spellings: &[Spelling]) -> Matcher {
        let mut patterns: Vec<String> = Vec::new();
        let mut index: rustc_hash::FxHashMap<String, usize> = rustc_hash::FxHashMap::default();
        let mut candidates: Vec<Vec<Candidate>> = Vec::new();
        let mut add = |pattern: String, cand: Candidate| {
            let id = *index.entry(pattern.clone()).or_insert_with(|| {
                patterns.push(pattern);
                candidates.push(Vec::new());
                candidates.len() - 1
            });
            candidates[id].push(cand);
        };
        for (sid, sp) in spellings.iter().enumerate() {
            let key = match_key(&sp.text);
            if key.is_empty() {
                continue;
            }
            let entry = &entries[sp.entry];
            let case = CaseRule::of(&sp.text);
            let base = Candidate {
                spelling: sid,
                entry: sp.entry,
                inflection: Inflection::Base,
                stem_len: key.len(),
                case,
                file_index: entry.file_index,
            };
            if entry.kind.takes_genitive() {
                for suffix in genitive_suffixes(&key) {
                    add(
                        format!("{key}{suffix}"),
                        Candidate {
                            inflection: Inflection::Genitive,
                            ..base.clone()
                        },
                    );
                }
            }
            add(key, base);
        }
        for list in &mut candidates {
            // Exact spellings before genitives, then later files first.
            // Exact spellings before genitives, later files first, and a
            // spelling with capitals (VS) before a lowercase one (vs): the
            // cased one only accepts text written its way.
            list.sort_by_key(|c| {
                (
                    c.inflection != Inflection::Base,
                    std::cmp::Reverse(c.file_index),
                    matches!(c.case, CaseRule::Any),
                )
            });
        }
        let nfa = (!patterns.is_empty()).then(|| {
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .start_kind(StartKind::Both)
                .kind(Some(AhoCorasickKind::ContiguousNFA))
                .build(&patterns)
                .or_else(|_| {
                    // Very large glossaries may exceed the contiguous NFA's limits.
                    AhoCorasick::builder()
                        .match_kind(MatchKind::LeftmostLongest)
                        .start_kind(StartKind::Both)
                        .kind(Some(AhoCorasickKind::NoncontiguousNFA))
                        .build(&patterns)
                })
                .expect("aho-corasick accepts any set of non-empty patterns")
        });
        let dfa = OnceLock::new();
        if patterns.len() > DFA_MAX_PATTERNS {
            let _ = dfa.set(None);
        }
        Matcher {
            nfa,
            dfa,
            searched: AtomicUsize::new(0),
            candidates,
            patterns: Mutex::new(Some(patterns)),
        }
    }

    /// The automaton to search `len` more bytes of key with: the DFA once
    /// the text searched so far (this one included) repays building it.
    fn searcher(&self, len: usize) -> Option<&AhoCorasick> {
        let nfa = self.nfa.as_ref()?;
        let searched = self.searched.fetch_add(len, Ordering::Relaxed) + len;
        if let Some(dfa) = self.dfa.get() {
            return Some(dfa.as_ref().unwrap_or(nfa));
        }
        if searched < self.candidates.len() * DFA_BYTES_PER_PATTERN {
            return Some(nfa);
        }
        let dfa = self.dfa.get_or_init(|| {
            let patterns = self.patterns.lock().ok()?.take()?;
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .start_kind(StartKind::Unanchored)
                .kind(Some(AhoCorasickKind::DFA))
                .build(&patterns)
                .ok()
        });
        Some(dfa.as_ref().unwrap_or(nfa))
    }

    /// Say that about `bytes` of text are going to be searched (an input's
    /// size), so that a large input gets the DFA from its first piece.
    pub fn expect(&self, bytes: usize) {
        self.searched.fetch_add(bytes, Ordering::Relaxed);
    }

    /// Number of patterns in the automaton (spellings plus genitive forms).
    pub fn pattern_count(&self) -> usize {
        self.candidates.len()
    }

    /// Find every term in `text`.
    pub fn find(&self, text: &str) -> Vec<TermHit> {
        if self.nfa.is_none() {
            return Vec::new();
        }
        let folded = Folded::new(text);
        let key = folded.key.as_str();
        let Some(ac) = self.searcher(key.len()) else {
            return Vec::new();
        };
        let mut hits = Vec::new();
        let mut pos = 0;
        while pos < key.len() {
            let Some(m) = ac.find(Input::new(key).range(pos..)) else {
                break;
            };
            match self.accept_at(text, &folded, m) {
                Some(hit) => {
                    hits.push(hit.0);
                    pos = hit.1;
                }
                None => {
                    pos = m.start() + key[m.start()..].chars().next().map_or(1, char::len_utf8);
                }
            }
        }
        hits
    }

    /// The longest valid hit starting where `m` starts, with its key end.
    fn accept_at(
        &self,
        text: &str,
        folded: &Folded,
        m: aho_corasick::Match,
    ) -> Option<(TermHit, usize)> {
        let key = folded.key.as_str();
        if !left_ok(key, m.start()) {
            return None;
        }
        let mut current = Some(m);
        while let Some(m) = current {
            if right_ok(key, m.end()) {
                for cand in &self.candidates[m.pattern().as_usize()] {
                    let stem_key_end = m.start() + cand.stem_len;
                    let stem = folded.orig_range(text, m.start()..stem_key_end);
                    let Some(case) = cand.case.check(&text[stem.clone()]) else {
                        continue;
                    };
                    let whole = folded.orig_range(text, m.range());
                    if cand.inflection == Inflection::Genitive
                        && stem.end + text[stem.end..].chars().next().map_or(0, char::len_utf8)
                            == whole.end
                        && !bare_apostrophe_genitive(text, whole.clone())
                    {
                        continue;
                    }
                    return Some((
                        TermHit {
                            start: whole.start,
                            end: whole.end,
                            stem_end: if cand.inflection == Inflection::Base {
                                whole.end
                            } else {
                                stem.end
                            },
                            entry: cand.entry,
                            spelling: cand.spelling,
                            inflection: cand.inflection,
                            case,
                        },
                        m.end(),
                    ));
                }
            }
            if m.end() <= m.start() + 1 {
                break;
            }
            // Anchored at the same start, on the NFA (the DFA is unanchored only).
            current = self.nfa.as_ref()?.find(
                Input::new(key)
                    .range(m.start()..m.end() - 1)
                    .anchored(Anchored::Yes),
            );
        }
        None
    }
}
