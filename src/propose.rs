//! Proposals: names no glossary knows, given an English spelling by
//! transliteration.
//!
//! Takes a segmented text, its glossary hits, the glossary, the
//! transliterator and the engine's word knowledge; returns the glossary with
//! a proposed entry per name and the hits with the proposals merged in (or
//! `None` when there is nothing to propose). A proposal is a run of
//! capitalised words outside every glossary hit that the engine does not
//! know, with at least one word that looks like a Slavic name spelled the
//! Dutch way, whose transliteration differs from the Dutch; a genitive
//! (*Sjmyhals*, *Sjmyhal’s*) is recognised as for glossary names. Invariant:
//! proposals never overlap glossary hits, and every proposed entry is marked
//! [`Proposed`].

use crate::glossary::{
    Entry, EntryId, Glossary, HitCase, Inflection, Kind, Location, Proposed, SpellingId, TermHit,
};
use crate::segment::{Document, Token, TokenKind};
use crate::translit::Transliterator;
use std::collections::HashMap;

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// A genitive ending of a name: `'s`/`’s`, or a bare `s` before a word.
fn genitive_stem(word: &str, word_follows: bool) -> Option<&str> {
    if let Some(stem) = word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")) {
        return Some(stem);
    }
    if word_follows && word.len() > 3 {
        return word.strip_suffix('s');
    }
    None
}

/// Find the proposals of `text`; `knows` says whether the engine can
/// translate a word (then it is not a name).
pub fn propose(
    text: &str,
    doc: &Document,
    hits: &[TermHit],
    glossary: &Glossary,
    translit: &Transliterator,
    knows: &dyn Fn(&str) -> bool,
) -> Option<(Glossary, Vec<TermHit>)> {
    struct Found {
        start: usize,
        end: usize,
        stem_end: usize,
        nl: String,
        genitive: bool,
        all_caps: bool,
    }
    // Does `span` overlap a hit? Hits are sorted and do not overlap: only
    // the last one starting before the span's end can. (A word token can
    // hold a hit: *o.a.kerncentrale* is one token, *kerncentrale* a term.)
    let in_hit = |span: &std::ops::Range<usize>| {
        let k = hits.partition_point(|h| h.start < span.end);
        k > 0 && hits[k - 1].end > span.start
    };
    let mut found: Vec<Found> = Vec::new();
    for s in doc.sentences() {
        let toks: Vec<&Token> = s.tokens.iter().collect();
        let first = s.first_word_start();
        let name_word = |t: &Token| {
            let w = &text[t.span.clone()];
            t.kind == TokenKind::Word && capitalised(w) && !in_hit(&t.span)
        };
        let mut i = 0;
        while i < toks.len() {
            if !name_word(toks[i]) {
                i += 1;
                continue;
            }
            // A run of capitalised words, joined by spaces or hyphens.
            let mut j = i + 1;
            while j < toks.len() {
                let gap = &text[toks[j - 1].span.end..toks[j].span.start];
                if name_word(toks[j]) && (gap == " " || gap.is_empty()) {
                    j += 1;
                } else if toks[j].kind == TokenKind::Punct
                    && &text[toks[j].span.clone()] == "-"
                    && toks[j].span.start == toks[j - 1].span.end
                    && toks
                        .get(j + 1)
                        .is_some_and(|n| n.span.start == toks[j].span.end && name_word(n))
                {
                    j += 2;
                } else {
                    break;
                }
            }
            let run = &toks[i..j];
            i = j;
            let word_follows = toks.get(j).is_some_and(|t| t.kind == TokenKind::Word);
            // Words the engine knows are not names: drop them from the ends
            // (a sentence-initial *Volgens*), and give up on a run with one
            // inside.
            let words: Vec<&Token> = run
                .iter()
                .copied()
                .filter(|t| t.kind == TokenKind::Word)
                .collect();
            let last = words.len() - 1;
            let stems: Vec<&str> = words
                .iter()
                .enumerate()
                .map(|(k, t)| {
                    let w = &text[t.span.clone()];
                    if k == last {
                        genitive_stem(w, word_follows)
                            .filter(|st| {
                                w.ends_with("s")
                                    && !w.ends_with("'s")
                                    && !w.ends_with("’s")
                                    && translit.looks_slavic(st)
                                    || w.len() - st.len() > 1
                            })
                            .unwrap_or(w)
                    } else {
                        w
                    }
                })
                .collect();
            // Most runs have no Slavic-looking word: skip them before asking
            // the (slower) lexicon.
            if !stems.iter().any(|w| translit.looks_slavic(w)) {
                continue;
            }
            // Dutch words are never transliterated.
            let known: Vec<bool> = stems.iter().map(|w| knows(w)).collect();
            // A capitalised sentence start that is no Slavic name itself
            // (*Gouverneur Vjatsjeslav Gladkov*) is not part of the name.
            let mut known = known;
            if Some(words[0].span.start) == first && !translit.looks_slavic(stems[0]) {
                known[0] = true;
            }
            let Some(a) = known.iter().position(|k| !k) else {
                continue;
            };
            let b = known
                .iter()
                .rposition(|k| !k)
                .expect("there is an unknown word");
            if known[a..=b].iter().any(|k| *k)
                || !stems[a..=b].iter().any(|w| translit.looks_slavic(w))
            {
                continue;
            }
            let start = words[a].span.start;
            let end = words[b].span.end;
            let stem_end = if b == last && stems[b].len() < text[words[b].span.clone()].len() {
                words[b].span.start + stems[b].len()
            } else {
                end
            };
            let nl = text[start..stem_end].to_owned();
            let letters: Vec<char> = nl.chars().filter(|c| c.is_alphabetic()).collect();
            found.push(Found {
                start,
                end,
                stem_end,
                genitive: stem_end < end,
                all_caps: letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()),
                nl,
            });
        }
    }
    if found.is_empty() {
        return None;
    }
    // One proposed entry per distinct name; longer names first, so that a
    // surname alone (*Koebrakovs plan*) follows the origin and kind of the
    // full name (*Oleksandr Koebrakov*).
    let mut order: Vec<&Found> = found.iter().collect();
    order.sort_by_key(|f| std::cmp::Reverse(f.nl.split(' ').count()));
    let mut surnames: HashMap<String, (crate::glossary::Origin, Kind)> = HashMap::new();
    let mut proposals: Vec<(Entry, String)> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut keep: Vec<(usize, &Found)> = Vec::new();
    for f in order {
        let k = match index.get(&f.nl) {
            Some(&k) => k,
            None => {
                let context = doc
                    .sentences()
                    .find(|s| s.span.start <= f.start && f.start < s.span.end)
                    .map(|s| &text[s.span.clone()]);
                let known_as = surnames.get(&f.nl).copied();
                let p = translit.transliterate(&f.nl, known_as.map(|k| k.0), context);
                if p.unchanged || p.en == f.nl {
                    continue;
                }
                let first_word = f.nl.split([' ', '-']).next().unwrap_or("");
                let kind = if translit.is_given_name(first_word) && f.nl.contains(' ') {
                    Kind::Person
                } else {
                    known_as.map_or(Kind::Other, |k| k.1)
                };
                if let Some(last) = f.nl.rsplit(' ').next().filter(|l| *l != f.nl) {
                    surnames.entry(last.to_owned()).or_insert((p.origin, kind));
                }
                let confidence_percent = (p.confidence * 100.0).round().clamp(0.0, 100.0) as u8;
                let entry = Entry {
                    nl: f.nl.clone(),
                    en: p.en.clone(),
                    kind,
                    variants: Vec::new(),
                    avoid: Vec::new(),
                    origin: Some(p.origin),
                    note: format!(
                        "proposed by transliteration ({}, confidence {:.2}): check it, then add it to a glossary",
                        p.origin.as_str(),
                        p.confidence
                    ),
                    file_index: usize::MAX,
                    shipped: false,
                    location: Location {
                        file: "translit".into(),
                        line: 0,
                    },
                    nl_column: 1,
                    variants_column: None,
                    overridden_by: None,
                    proposed: Some(Proposed {
                        confidence_percent,
                        origin: p.origin,
                    }),
                };
                index.insert(f.nl.clone(), proposals.len());
                proposals.push((entry, f.nl.clone()));
                proposals.len() - 1
            }
        };
        keep.push((k, f));
    }
    if keep.is_empty() {
        return None;
    }
    let (g, ids): (Glossary, Vec<(EntryId, SpellingId)>) = glossary.with_proposals(proposals);
    let mut all: Vec<TermHit> = hits.to_vec();
    for (k, f) in keep {
        let (entry, spelling) = ids[k];
        all.push(TermHit {
            start: f.start,
            end: f.end,
            stem_end: f.stem_end,
            entry,
            spelling,
            inflection: if f.genitive {
                Inflection::Genitive
            } else {
                Inflection::Base
            },
            case: if f.all_caps {
                HitCase::AllCaps
            } else {
                HitCase::AsWritten
            },
        });
    }
    all.sort_by_key(|h| h.start);
    Some((g, all))
}
