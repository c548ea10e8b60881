//! Compound splitting: an unknown Dutch word → known parts, rendered in
//! English order (*veiligheidswaarborgen* → *security guarantees*).
//!
//! Takes a lowercase word the lexicon does not know; returns modifier parts
//! and a head (the last part, which carries the inflection). Parts are
//! lexicon nouns, adjectives, numerals or verb stems, or glossary terms
//! (*Kremlinwoordvoerder* → *Kremlin spokesman*, the *Kremlin* part locked),
//! joined by the linking *-s-*, *-e-*, *-en-* or *-er-*. The split with the
//! fewest parts wins, then the one with the longest head. Invariant: the
//! parts and linkers cover the word exactly, in order.

use super::english;
use super::lexicon::{Lexicon, Pos};
use super::morph::{self, Analysis, Feats};
use crate::glossary::{EntryId, Glossary};
use crate::normalize::match_key;
use std::ops::Range;

/// Where a part's English comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PartSource {
    /// Lexicon English, as it reads before a noun.
    Lexicon(String),
    /// A glossary term: locked.
    Glossary(EntryId),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// Byte range in the word (linker excluded).
    pub range: Range<usize>,
    pub source: PartSource,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Compound {
    pub modifiers: Vec<Part>,
    pub head: Analysis,
    pub head_range: Range<usize>,
}

/// First parts that are prefixes or prepositions rather than words of their
/// own: splitting on them gives nonsense (*over|lopers*).
const NOT_MODIFIERS: &[&str] = &[
    "aan", "af", "bij", "door", "in", "mee", "na", "om", "onder", "op", "over", "tegen", "toe",
    "uit", "voor", "weg", "ver", "ont", "her", "mis", "wan", "oer", "achter", "boven", "binnen",
    "buiten", "neer", "terug", "samen", "vast", "los", "heen", "rond", "tussen", "verder", "voort",
    "open", "dicht", "los", "hoofd",
];

/// The English of `s` as the first part of a compound, if it is one.
fn modifier(lex: &Lexicon, glossary: &Glossary, s: &str) -> Option<PartSource> {
    if s.chars().count() < 3 || NOT_MODIFIERS.contains(&s) {
        return None;
    }
    if let Some(sp) = glossary.spelling_for_key(&match_key(s)) {
        return Some(PartSource::Glossary(glossary.spelling(sp).entry));
    }
    for pos in [Pos::Noun, Pos::Adj, Pos::Num] {
        if let Some((_, e)) = lex.get(s, pos) {
            return Some(PartSource::Lexicon(e.en.clone()));
        }
    }
    // A plural as first part: boeken-, kinder-.
    for f in lex.irregular(s) {
        if f.pos == Pos::Noun
            && let Some((_, e)) = lex.get(&f.lemma, Pos::Noun)
        {
            return Some(PartSource::Lexicon(e.en.clone()));
        }
    }
    // A verb stem: zwem-, werk-.
    if s.chars().count() >= 4 {
        for inf in morph::infinitives_of_stem(s) {
            if let Some((_, e)) = lex.get(&inf, Pos::Verb) {
                return Some(PartSource::Lexicon(english::gerund(&e.en)));
            }
        }
    }
    None
}

/// Modifier parts, allowing a linking element after the part.
fn modifier_with_linker(
    lex: &Lexicon,
    glossary: &Glossary,
    s: &str,
) -> Option<(usize, PartSource)> {
    if let Some(m) = modifier(lex, glossary, s) {
        return Some((s.len(), m));
    }
    for linker in ["s", "en", "e", "er"] {
        if let Some(base) = s.strip_suffix(linker)
            && let Some(m) = modifier(lex, glossary, base)
        {
            // A linker only follows a noun (or a term).
            if matches!(m, PartSource::Glossary(_)) || lex.get(base, Pos::Noun).is_some() {
                return Some((base.len(), m));
            }
        }
    }
    None
}

/// Longer words are not split into parts.
pub const MAX_COMPOUND_CHARS: usize = 60;

/// Split `w` (lowercase) into known parts.
pub fn split(lex: &Lexicon, glossary: &Glossary, w: &str) -> Option<Compound> {
    let n = w.len();
    // The search is quadratic in the length: a "word" longer than any
    // Dutch compound (a URL, a run of letters) is not one.
    let chars = w.chars().count();
    if !(6..=MAX_COMPOUND_CHARS).contains(&chars) {
        return None;
    }
    let bounds: Vec<usize> = w.char_indices().map(|(i, _)| i).chain([n]).collect();
    // best[i]: fewest modifier parts covering w[..i], with the parts.
    let mut best: Vec<Option<Vec<Part>>> = vec![None; n + 1];
    best[0] = Some(Vec::new());
    for &i in &bounds {
        let Some(parts) = best[i].clone() else {
            continue;
        };
        if parts.len() >= 3 {
            continue;
        }
        for &j in &bounds {
            if j <= i || n - j < 3 {
                continue;
            }
            if let Some((len, src)) = modifier_with_linker(lex, glossary, &w[i..j]) {
                let mut p = parts.clone();
                p.push(Part {
                    range: i..i + len,
                    source: src,
                });
                if best[j].as_ref().is_none_or(|b| b.len() > p.len()) {
                    best[j] = Some(p);
                }
            }
        }
    }
    let mut found: Option<Compound> = None;
    for &j in &bounds {
        if j == 0 || j >= n {
            continue;
        }
        let Some(parts) = &best[j] else { continue };
        if found
            .as_ref()
            .is_some_and(|f| f.modifiers.len() <= parts.len())
        {
            continue;
        }
        let head = &w[j..];
        if head.chars().count() < 3 {
            continue;
        }
        let reading = morph::analyse(lex, head).into_iter().find(|a| {
            a.pos == Pos::Noun || (a.pos == Pos::Adj && matches!(a.feats, Feats::Adj { .. }))
        });
        if let Some(head_reading) = reading {
            found = Some(Compound {
                modifiers: parts.clone(),
                head: head_reading,
                head_range: j..n,
            });
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex() -> Lexicon {
        let mut l = Lexicon::default();
        l.add_csv(
            "t.csv",
            "nl,pos,en,forms,sep,gender,senses,note
veiligheid,noun,security,veiligheden,,de,,
waarborg,noun,guarantee,waarborgen,,de,,
vrede,noun,peace,,,de,,
akkoord,noun,agreement,akkoorden,,het,,
onderhandeling,noun,negotiation,onderhandelingen,,de,,
ronde,noun,round,rondes,,de,,
belasting,noun,tax,belastingen,,de,,
betaler,noun,payer,betalers,,de,,
woordvoerder,noun,spokesman,woordvoerders,,de,,
energie,noun,energy,,,de,,
markt,noun,market,markten,,de,,
zekerheid,noun,security,zekerheden,,de,,
kind,noun,child,kinderen,,het,,
opvang,noun,care,,,de,,
zwemmen,verb,swim,zwom|zwommen|gezwommen,,,,
bad,noun,bath,baden,,het,,
loper,noun,runner,lopers,,de,,
",
        )
        .unwrap();
        l
    }

    fn glossary() -> Glossary {
        Glossary::from_csv_str("g.csv", "nl,en,kind\nKremlin,Kremlin,org\n").unwrap()
    }

    fn english_of(w: &str) -> Option<String> {
        let l = lex();
        let g = glossary();
        let c = split(&l, &g, w)?;
        let mut words: Vec<String> = c
            .modifiers
            .iter()
            .map(|p| match &p.source {
                PartSource::Lexicon(en) => en.clone(),
                PartSource::Glossary(id) => format!("[{}]", g.entry(*id).en),
            })
            .collect();
        let head_en = l.entry(c.head.entry.unwrap()).en.clone();
        let plural = matches!(c.head.feats, Feats::Noun { plural: true, .. });
        words.push(if plural {
            english::plural(&l.english, &head_en)
        } else {
            head_en
        });
        Some(words.join(" "))
    }

    #[test]
    fn splits_with_linkers_and_inflected_heads() {
        let cases = [
            ("veiligheidswaarborgen", Some("security guarantees")),
            ("vredesakkoord", Some("peace agreement")),
            ("onderhandelingsronde", Some("negotiation round")),
            ("belastingbetalers", Some("tax payers")),
            ("energiezekerheid", Some("energy security")),
            ("energiemarkt", Some("energy market")),
            ("kinderopvang", Some("child care")),
            ("zwembad", Some("swimming bath")),
            ("kremlinwoordvoerder", Some("[Kremlin] spokesman")),
            ("overlopers", None),
            ("markt", None),
            ("xyzmarkt", None),
        ];
        for (w, want) in cases {
            assert_eq!(english_of(w).as_deref(), want, "{w}");
        }
    }

    #[test]
    fn parts_cover_the_word() {
        let c = split(&lex(), &glossary(), "veiligheidswaarborgen").unwrap();
        assert_eq!(c.modifiers[0].range, 0..10);
        assert_eq!(c.head_range, 11..21);
    }
}
