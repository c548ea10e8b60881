//! Glossaries: loading the CSV files in order, resolving overrides, and the
//! matcher built from the result.
//!
//! Takes glossary sources (the shipped files, then the user's); returns a
//! [`Glossary`] or a [`LoadError`] listing every problem. Invariants: within
//! one file no two spellings share a match key with different English (that
//! is an error); across files a later entry overrides an earlier one with the
//! same key, taking over all of its spellings.

pub mod csv_io;
pub mod edit;
pub mod entry;
mod fmt;
pub mod formats;
pub mod lint;
pub mod matcher;
pub mod merge;

pub use csv_io::{GlossaryFile, KNOWN_COLUMNS, Row};
pub use entry::{Entry, EntryId, Kind, LoadError, Location, Origin, Problem, Proposed, Severity};
pub use matcher::{HitCase, Inflection, Matcher, Spelling, SpellingId, TermHit};

use crate::normalize::{fold_keep_case, match_key_from_kept};
use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;
use std::sync::{Arc, OnceLock};

/// One glossary file to load.
#[derive(Debug, Clone)]
pub struct Source<'a> {
    /// The name used in messages and `entry` references: the path as the user
    /// gave it, or `glossary/NAME.csv` for a shipped file.
    pub name: String,
    pub bytes: Cow<'a, [u8]>,
    pub shipped: bool,
}

mod shipped_data {
    include!(concat!(env!("OUT_DIR"), "/shipped.rs"));
}

/// The glossaries shipped with tolk, embedded in the binary, in name order.
pub fn shipped_sources() -> Vec<Source<'static>> {
    shipped_data::SHIPPED
        .iter()
        .map(|(name, text)| Source {
            name: (*name).to_owned(),
            bytes: Cow::Borrowed(text.as_bytes()),
            shipped: true,
        })
        .collect()
}

/// The key two spellings must share to be "the same term": the folded,
/// lowercased spelling — except an all-capitals acronym (*VS*, *NAVO*), which
/// keeps its case, since *VS* is not *vs*.
pub fn spelling_key(spelling: &str) -> String {
    let kept = fold_keep_case(spelling);
    let letters = kept.chars().filter(|c| c.is_alphabetic()).count();
    if letters >= 2 && kept.chars().all(|c| !c.is_lowercase()) {
        kept
    } else {
        match_key_from_kept(spelling, &kept)
    }
}

/// Loaded glossaries, ready for matching.
#[derive(Debug, Clone)]
pub struct Glossary {
    entries: Vec<Entry>,
    files: Vec<GlossaryFile>,
    warnings: Vec<Problem>,
    spellings: Vec<Spelling>,
    /// Built on first use (loading to check or edit a glossary needs no
    /// matcher), from the first `matched` spellings; shared by clones.
    matcher: Arc<OnceLock<Matcher>>,
    /// How many spellings the matcher covers (proposals come after them).
    matched: usize,
    /// Every forbidden spelling with the entry that forbids it, built on
    /// first use.
    forbidden: OnceLock<Vec<(String, EntryId)>>,
    forbidden_containers: OnceLock<Vec<EntryId>>,
    /// A matcher over the forbidden spellings, built on first use.
    forbidden_matcher: OnceLock<Option<aho_corasick::AhoCorasick>>,
}

/// Who holds a key while loading: the entry that claimed it, or the entry
/// that overrode that one (see [`holder`]). Ids fit in 32 bits: a million
/// entries hold a few million keys.
#[derive(Clone, Copy)]
struct Owner {
    /// The entry that claimed the key.
    entry: u32,
    /// Index into the spelling table.
    spelling: u32,
}

/// The entry that holds the keys `claimer` claimed: the last in its chain
/// of overrides. (An override takes every key of the entry it overrides, so
/// the chain, not the keys, records it.)
fn holder(entries: &[Entry], claimer: u32) -> EntryId {
    let mut e = claimer as EntryId;
    while let Some(next) = entries[e].overridden_by {
        e = next;
    }
    e
}

impl Glossary {
    /// An empty glossary (no terms).
    pub fn empty() -> Glossary {
        Glossary {
            entries: Vec::new(),
            files: Vec::new(),
            warnings: Vec::new(),
            spellings: Vec::new(),
            matcher: Arc::new(OnceLock::new()),
            forbidden: OnceLock::new(),
            forbidden_containers: OnceLock::new(),
            forbidden_matcher: OnceLock::new(),
            matched: 0,
        }
    }

    /// Load glossary files in order; later files override earlier ones.
    pub fn load<'a>(sources: impl IntoIterator<Item = Source<'a>>) -> Result<Glossary, LoadError> {
        let mut problems = Vec::new();
        let mut files = Vec::new();
        let mut entries: Vec<Entry> = Vec::new();
        let mut spellings: Vec<Spelling> = Vec::new();
        let mut owners: HashMap<String, Owner> = HashMap::default();

        for (file_index, src) in sources.into_iter().enumerate() {
            let parsed = csv_io::parse(
                Arc::from(src.name.as_str()),
                &src.bytes,
                src.shipped,
                file_index,
                csv_io::Keep::Entries,
            );
            let mut file_problems = parsed.problems;
            if let Some(f) = parsed.file {
                files.push(f);
            }
            spellings.reserve(parsed.entries.len() * 2);
            owners.reserve(parsed.entries.len() * 2);
            let first = entries.len();
            if entries.is_empty() {
                entries = parsed.entries;
            } else {
                entries.extend(parsed.entries);
            }
            for id in first..entries.len() {
                Self::claim_keys(
                    id,
                    &mut entries,
                    &mut spellings,
                    &mut owners,
                    &mut file_problems,
                );
            }
            file_problems.sort_by_key(|p| p.line);
            problems.extend(file_problems);
        }

        if problems.iter().any(|p| p.severity == Severity::Error) {
            return Err(LoadError { problems });
        }
        // Keep only the spellings that still own their key.
        let mut active: Vec<Spelling> = Vec::with_capacity(owners.len());
        let mut owned: Vec<_> = owners.into_values().collect();
        owned.sort_by_key(|o| o.spelling);
        for o in owned {
            // Each spelling holds at most one key: its text can be moved.
            let sp = &mut spellings[o.spelling as usize];
            active.push(Spelling {
                text: std::mem::take(&mut sp.text),
                entry: holder(&entries, o.entry),
                listed_by: sp.listed_by,
            });
        }
        Ok(Glossary {
            entries,
            files,
            warnings: problems,
            matched: active.len(),
            spellings: active,
            matcher: Arc::new(OnceLock::new()),
            forbidden: OnceLock::new(),
            forbidden_containers: OnceLock::new(),
            forbidden_matcher: OnceLock::new(),
        })
    }

    /// Register the spellings of entry `id`, detecting conflicts and overrides.
    fn claim_keys(
        id: EntryId,
        entries: &mut [Entry],
        spellings: &mut Vec<Spelling>,
        owners: &mut HashMap<String, Owner>,
        problems: &mut Vec<Problem>,
    ) {
        let file_index = entries[id].file_index;
        let count = 1 + entries[id].variants.len();
        for i in 0..count {
            let is_variant = i > 0;
            let text = if is_variant {
                entries[id].variants[i - 1].clone()
            } else {
                entries[id].nl.clone()
            };
            let key = spelling_key(&text);
            if key.is_empty() {
                continue;
            }
            let sid = spellings.len();
            spellings.push(Spelling {
                text: text.clone(),
                entry: id,
                listed_by: id,
            });
            let claim = Owner {
                entry: u32::try_from(id).expect("fewer than 2^32 entries"),
                spelling: u32::try_from(sid).expect("fewer than 2^32 spellings"),
            };
            let Some(prev) = owners.get(&key).copied() else {
                owners.insert(key, claim);
                continue;
            };
            let prev_entry = holder(entries, prev.entry);
            // The holder got this key by overriding the entry that listed it.
            let inherited = prev_entry != prev.entry as EntryId;
            if prev_entry == id {
                continue; // the row lists the same spelling twice
            }
            let same_file = entries[prev_entry].file_index == file_index;
            if same_file && !inherited {
                if entries[prev_entry].en != entries[id].en {
                    let other = &entries[prev_entry];
                    let e = &entries[id];
                    problems.push(Problem {
                        severity: Severity::Error,
                        file: e.location.file.clone(),
                        line: Some(e.location.line),
                        column: Some(if is_variant {
                            e.variants_column.unwrap_or(e.nl_column)
                        } else {
                            e.nl_column
                        }),
                        message: format!(
                            "conflict: `{text}` → `{}` here, but line {} has `{}` → `{}` (same match key `{key}`)",
                            e.en,
                            other.location.line,
                            spellings[prev.spelling as usize].text,
                            other.en
                        ),
                    });
                }
                continue; // a duplicate with the same English keeps the first
            }
            owners.insert(key, claim);
            if same_file {
                continue; // an explicit spelling beats an inherited one
            }
            // Override: `id` takes over the earlier entry and every key it
            // holds (`holder` follows the chain).
            let old = prev_entry;
            if entries[old].overridden_by.is_none() {
                entries[old].overridden_by = Some(id);
            }
        }
    }

    /// Load a single CSV text (handy in tests and examples).
    pub fn from_csv_str(name: &str, csv: &str) -> Result<Glossary, LoadError> {
        Glossary::load([Source {
            name: name.to_owned(),
            bytes: Cow::Borrowed(csv.as_bytes()),
            shipped: false,
        }])
    }

    /// Every entry of every file, in load order (overridden ones included).
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn entry(&self, id: EntryId) -> &Entry {
        &self.entries[id]
    }

    /// The files as read, in load order.
    pub fn files(&self) -> &[GlossaryFile] {
        &self.files
    }

    /// Warnings found while loading (whitespace, NFC).
    pub fn warnings(&self) -> &[Problem] {
        &self.warnings
    }

    /// The spellings the matcher looks for, each with the entry that renders it.
    pub fn spellings(&self) -> &[Spelling] {
        &self.spellings
    }

    pub fn spelling(&self, id: SpellingId) -> &Spelling {
        &self.spellings[id]
    }

    /// The spelling whose lowercase match key is `key` (see
    /// [`crate::normalize::match_key`]), for looking up a single word form;
    /// case rules are not applied.
    pub fn spelling_for_key(&self, key: &str) -> Option<SpellingId> {
        self.matcher().spelling_for_key(key)
    }

    pub fn matcher(&self) -> &Matcher {
        self.matcher
            .get_or_init(|| Matcher::build(&self.entries, &self.spellings[..self.matched]))
    }

    /// This glossary with entries proposed for one text (by
    /// transliteration) added: each `(entry, spelling)` becomes an entry
    /// and a spelling that hits can point to. The matcher is not changed:
    /// the caller places the hits. Cheap: the matcher is shared.
    pub fn with_proposals(
        &self,
        proposals: Vec<(Entry, String)>,
    ) -> (Glossary, Vec<(EntryId, SpellingId)>) {
        // Build the matcher before the clone, so that both share it.
        self.matcher();
        let mut g = self.clone();
        let mut ids = Vec::with_capacity(proposals.len());
        for (mut e, text) in proposals {
            let id = g.entries.len();
            e.file_index = usize::MAX;
            g.entries.push(e);
            let sid = g.spellings.len();
            g.spellings.push(Spelling {
                text,
                entry: id,
                listed_by: id,
            });
            ids.push((id, sid));
        }
        (g, ids)
    }

    /// Every Dutch spelling entry `id` renders after overrides: its own and
    /// those it took over from entries it overrides (its `nl` first).
    pub fn rendered_spellings(&self, id: EntryId) -> Vec<&str> {
        let nl = self.entries[id].nl.as_str();
        std::iter::once(nl)
            .chain(
                self.spellings
                    .iter()
                    .filter(|s| s.entry == id && s.text != nl)
                    .map(|s| s.text.as_str()),
            )
            .collect()
    }

    /// Entries that are not overridden by a later file.
    pub fn active_entries(&self) -> impl Iterator<Item = (EntryId, &Entry)> {
        self.entries
            .iter()
            .enumerate()
            .filter(|(_, e)| e.overridden_by.is_none())
    }

    /// The active entries whose English contains a forbidden spelling as
    /// words (*chicken Kiev*): where they are written, the spelling is
    /// allowed.
    pub fn forbidden_containers(&self) -> &[EntryId] {
        self.forbidden_containers.get_or_init(|| {
            let forbidden = self.forbidden_spellings();
            self.active_entries()
                .filter(|(_, e)| {
                    forbidden.iter().any(|(a, _)| {
                        e.en.len() > a.len() && !crate::check::find_words(&e.en, a).is_empty()
                    })
                })
                .map(|(id, _)| id)
                .collect()
        })
    }

    /// Every forbidden spelling (the effective `avoid` lists of the active
    /// entries), once, with the entry whose English replaces it, longest
    /// spelling first. A spelling several entries forbid (*Zelenskyy*, by
    /// *Volodymyr Zelensky* and *Zelensky*) goes to the one whose English has
    /// as many words, else to the first.
    pub fn forbidden_spellings(&self) -> &[(String, EntryId)] {
        self.forbidden.get_or_init(|| {
            let words = |s: &str| s.split_whitespace().count();
            let mut out: Vec<(String, EntryId)> = Vec::new();
            let mut seen: HashMap<String, usize> = HashMap::default();
            for (id, _) in self.active_entries() {
                for a in self.effective_avoid(id) {
                    let fits = |id: EntryId| words(&self.entries[id].en) == words(a);
                    match seen.get(&a.to_lowercase()) {
                        Some(&k) if !fits(out[k].1) && fits(id) => out[k].1 = id,
                        Some(_) => {}
                        None => {
                            seen.insert(a.to_lowercase(), out.len());
                            out.push((a.to_owned(), id));
                        }
                    }
                }
            }
            out.sort_by_key(|(a, _)| std::cmp::Reverse(a.len()));
            out
        })
    }

    /// The forbidden spellings in `text`, as whole words (ASCII case
    /// ignored), in text order, the longest where they overlap: each with
    /// its byte range and the entry whose English replaces it.
    pub fn find_forbidden(&self, text: &str) -> Vec<(std::ops::Range<usize>, EntryId)> {
        let forbidden = self.forbidden_spellings();
        let matcher = self.forbidden_matcher.get_or_init(|| {
            aho_corasick::AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build(forbidden.iter().map(|(a, _)| a))
                .ok()
        });
        let Some(matcher) = matcher.as_ref().filter(|_| !forbidden.is_empty()) else {
            return Vec::new();
        };
        let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        let mut hits: Vec<(std::ops::Range<usize>, EntryId)> = matcher
            .find_overlapping_iter(text)
            .filter(|m| {
                !word(text[..m.start()].chars().next_back())
                    && !word(text[m.end()..].chars().next())
            })
            .map(|m| (m.range(), forbidden[m.pattern().as_usize()].1))
            .collect();
        hits.sort_by_key(|(r, _)| (std::cmp::Reverse(r.len()), r.start));
        let mut out: Vec<(std::ops::Range<usize>, EntryId)> = Vec::new();
        for (r, id) in hits {
            if !out.iter().any(|(o, _)| o.start < r.end && r.start < o.end) {
                out.push((r, id));
            }
        }
        out.sort_by_key(|(r, _)| r.start);
        out
    }

    /// The `avoid` list of an entry after overrides: an English spelling that
    /// an overriding entry chose is no longer forbidden (a user who prefers
    /// *Zelenskyy* gets *Zelenskyy*).
    pub fn effective_avoid(&self, id: EntryId) -> Vec<&str> {
        let mut chosen = Vec::new();
        let mut cur = self.entries[id].overridden_by;
        while let Some(o) = cur {
            chosen.push(self.entries[o].en.as_str());
            cur = self.entries[o].overridden_by;
        }
        self.entries[id]
            .avoid
            .iter()
            .map(String::as_str)
            .filter(|a| !chosen.iter().any(|c| c.eq_ignore_ascii_case(a)))
            .collect()
    }
}

#[cfg(test)]
mod tests;
