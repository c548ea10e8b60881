//! Candidate glossary entries from Dutch articles, for `tolk glossary suggest`.
//!
//! Takes decoded texts, the loaded glossary and the engine lexicon; returns
//! names no glossary knows: runs of capitalised words (with name particles
//! such as *van der* inside and hyphens between: *Oost-Oekraïne*), counted,
//! with the first sentence each was seen in. A capitalised word that only
//! starts a sentence and is an ordinary Dutch word (*Volgens*, *Dat*) is not
//! a name; headlines in capitals are skipped. Invariant: no candidate
//! overlaps a glossary hit.

use crate::glossary::{Glossary, Origin, TermHit};
use crate::segment::{SegmentOptions, TokenKind, segment};
use crate::translate::analyse;
use crate::translate::lexicon::Lexicon;
use serde::Serialize;
use std::collections::HashMap;

/// One candidate entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Candidate {
    /// The name as first seen (genitive ending removed).
    pub nl: String,
    /// The English spelling the transliterator proposes for a Slavic name;
    /// empty when there is none.
    pub en: String,
    /// The origin the proposed English follows.
    pub origin: Option<Origin>,
    /// Times seen, across all texts.
    pub count: usize,
    /// Where it was first seen.
    pub file: String,
    pub line: usize,
    /// The sentence it was first seen in.
    pub context: String,
    /// The spelling has Dutch transliteration marks of a Slavic name
    /// (*oe, sj, tsj, zj, -enko, -ski*): a name to check against English usage.
    pub transliterated: bool,
}

/// Lowercase words that may sit inside a name: *Ursula von der Leyen*,
/// *Bashar al-Assad*, *Hof van Justitie*.
const PARTICLES: &[&str] = &[
    "van", "der", "den", "de", "von", "al", "el", "bin", "ibn", "la", "le", "du", "di", "da",
    "ten", "ter", "te", "het", "voor",
];

/// Dutch transliteration marks of a Slavic name.
pub fn has_dutch_translit_marks(word: &str) -> bool {
    let w = word.to_lowercase();
    // `oe` alone is common in English and French names (*Phoenix*, *Joe*).
    ["tsj", "sj", "zj"].iter().any(|m| w.contains(m))
        || [
            "enko", "ski", "skyj", "ov", "ova", "ev", "eva", "itsj", "oek",
        ]
        .iter()
        .any(|e| w.ends_with(e))
}

/// The transliterator's English for a name that looks Slavic; empty when
/// it has none (the name is not Slavic, or already in English spelling).
fn proposed_english(nl: &str, context: &str) -> (String, Option<Origin>) {
    let t = crate::translit::shipped();
    if !nl.split([' ', '-']).any(|w| t.looks_slavic(w)) {
        return (String::new(), None);
    }
    let p = t.transliterate(nl, None, Some(context));
    if p.unchanged {
        (String::new(), None)
    } else {
        (p.en, Some(p.origin))
    }
}

/// Strip a genitive ending: *Zelenski's*, *Zelenski’s*, or a bare *-s*
/// before a word on a Slavic name (*Koebrakovs plan*).
fn strip_genitive(w: &str, word_follows: bool) -> &str {
    if let Some(stem) = w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")) {
        return stem;
    }
    match w.strip_suffix('s') {
        Some(stem)
            if word_follows
                && stem
                    .rsplit([' ', '-'])
                    .next()
                    .is_some_and(|last| crate::translit::shipped().looks_slavic(last)) =>
        {
            stem
        }
        _ => w,
    }
}

fn is_quote(s: &str) -> bool {
    s.chars().all(|c| "'\"‘’“”„«»‹›(".contains(c))
}

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Find candidates in `texts` (name, text).
pub fn suggest(texts: &[(String, String)], glossary: &Glossary, lex: &Lexicon) -> Vec<Candidate> {
    let mut found: Vec<Candidate> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for (name, text) in texts {
        let hits: Vec<TermHit> = crate::tag(glossary, text);
        let lines = crate::tag::LineIndex::new(text);
        let doc = segment(text, &SegmentOptions::default());
        for s in doc.sentences() {
            let words: Vec<&crate::segment::Token> = s
                .tokens
                .iter()
                .filter(|t| t.kind == TokenKind::Word)
                .collect();
            // Headlines: most words in capitals (*POETIN BEZOEKT DE KRIM*),
            // or every word capitalised (an English-style title).
            let shouting = words
                .iter()
                .filter(|t| {
                    let w = &text[t.span.clone()];
                    w.chars().count() > 1 && !w.chars().any(char::is_lowercase)
                })
                .count();
            let caps = words
                .iter()
                .filter(|t| capitalised(&text[t.span.clone()]))
                .count();
            if words.len() >= 4 && (shouting * 10 > words.len() * 6 || caps == words.len()) {
                continue;
            }
            let first = s.first_word_start();
            // Hits are sorted and do not overlap: the last one starting at or before
            // `pos` is the only one that can hold it.
            let in_hit = |pos: usize| {
                let k = hits.partition_point(|h| h.start <= pos);
                k > 0 && hits[k - 1].end > pos
            };
            let mut runs: Vec<Vec<usize>> = Vec::new(); // token indices
            let mut cur: Vec<usize> = Vec::new();
            let toks = &s.tokens;
            for (i, t) in toks.iter().enumerate() {
                let w = &text[t.span.clone()];
                let joined = |a: usize, b: usize| toks[a].span.end == toks[b].span.start;
                let is_name_word =
                    t.kind == TokenKind::Word && capitalised(w) && !in_hit(t.span.start);
                // Inside a name: particles before a capitalised word
                // (*von der Leyen*), a hyphen between words (*Oost-Oekraïne*).
                let particle = t.kind == TokenKind::Word
                    && PARTICLES.contains(&w)
                    && toks[i + 1..]
                        .iter()
                        .find(|n| !PARTICLES.contains(&&text[n.span.clone()]))
                        .is_some_and(|n| {
                            n.kind == TokenKind::Word && capitalised(&text[n.span.clone()])
                        });
                let hyphen = t.kind == TokenKind::Punct
                    && w == "-"
                    && i > 0
                    && i + 1 < toks.len()
                    && joined(i - 1, i)
                    && joined(i, i + 1)
                    && toks[i + 1].kind == TokenKind::Word;
                if is_name_word || (!cur.is_empty() && (particle || hyphen)) {
                    cur.push(i);
                } else if !cur.is_empty() {
                    runs.push(std::mem::take(&mut cur));
                }
            }
            if !cur.is_empty() {
                runs.push(cur);
            }
            for mut run in runs {
                // A capitalised ordinary word that starts the sentence, or a
                // quotation or clause after `:` or a dash, is not part of the name.
                let after_opening = toks[..run[0]]
                    .iter()
                    .rev()
                    .find(|t| t.kind != TokenKind::Punct || !is_quote(&text[t.span.clone()]))
                    .is_some_and(|t| {
                        t.kind == TokenKind::Punct && !text[t.span.clone()].contains(',')
                    });
                if Some(toks[run[0]].span.start) == first || after_opening {
                    let w = &text[toks[run[0]].span.clone()];
                    if analyse::known(w, glossary, lex) {
                        run.remove(0);
                    }
                }
                // No particle or hyphen at either end.
                while run
                    .last()
                    .is_some_and(|&k| !capitalised(&text[toks[k].span.clone()]))
                {
                    run.pop();
                }
                while run
                    .first()
                    .is_some_and(|&k| !capitalised(&text[toks[k].span.clone()]))
                {
                    run.remove(0);
                }
                let (Some(&a), Some(&b)) = (run.first(), run.last()) else {
                    continue;
                };
                let word_follows = toks.get(b + 1).is_some_and(|t| t.kind == TokenKind::Word);
                let raw = strip_genitive(&text[toks[a].span.start..toks[b].span.end], word_follows);
                let nl: String = raw.split_whitespace().collect::<Vec<_>>().join(" ");
                if nl.chars().filter(|c| c.is_alphabetic()).count() < 2 {
                    continue;
                }
                let key = crate::glossary::spelling_key(&nl);
                if glossary
                    .spelling_for_key(&crate::normalize::match_key(&nl))
                    .is_some()
                {
                    continue;
                }
                match index.get(&key) {
                    Some(&k) => found[k].count += 1,
                    None => {
                        index.insert(key, found.len());
                        let (line, _) = lines.line_col(s.span.start);
                        let context = &text[s.span.clone()];
                        let (en, origin) = proposed_english(&nl, context);
                        found.push(Candidate {
                            transliterated: nl.split([' ', '-']).any(has_dutch_translit_marks),
                            nl,
                            en,
                            origin,
                            count: 1,
                            file: name.clone(),
                            line,
                            context: text[s.span.clone()].to_owned(),
                        });
                    }
                }
            }
        }
    }
    found.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.nl.cmp(&b.nl)));
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, glossary: &str) -> Vec<(String, usize)> {
        let g = Glossary::from_csv_str("g.csv", glossary).unwrap();
        let lex = Lexicon::shipped();
        suggest(&[("a.txt".into(), text.into())], &g, &lex)
            .into_iter()
            .map(|c| (c.nl, c.count))
            .collect()
    }

    #[test]
    fn names_not_sentence_initial_words() {
        let got = run(
            "Volgens Dmitri Peskov is het stil. Peskov's woorden vielen op. De NAVO zweeg: ‘Dit niet.’",
            "nl,en\nNAVO,NATO\n",
        );
        assert_eq!(
            got,
            [("Dmitri Peskov".to_owned(), 1), ("Peskov".to_owned(), 1)]
        );
    }

    #[test]
    fn particles_and_hyphens_stay_inside() {
        let got = run(
            "Hij sprak met Ursula von der Leyen over Oost-Oekraïne en over de stad.",
            "nl,en\nx,y\n",
        );
        assert_eq!(
            got,
            [
                ("Oost-Oekraïne".to_owned(), 1),
                ("Ursula von der Leyen".to_owned(), 1)
            ]
        );
    }

    #[test]
    fn glossary_terms_and_headlines_are_skipped() {
        let got = run(
            "POETIN BEZOEKT DE KRIM VANDAAG\nZe zagen Poetin in Sjebekino.",
            "nl,en\nPoetin,Putin\n",
        );
        assert_eq!(got, [("Sjebekino".to_owned(), 1)]);
    }
}
