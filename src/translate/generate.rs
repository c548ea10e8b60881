//! Generation: English output items → the English sentence.
//!
//! Takes the [`Out`] items of transfer; returns the sentence text with the
//! byte range of every glossary term in it and the source spans of unknown
//! words. Here glossary terms get their English (exactly as the glossary
//! writes it, capitalised only at the sentence start), *a* becomes *an* where
//! the next word needs it, the first word is capitalised and punctuation is
//! joined without spaces. Invariant: a term's English appears verbatim at
//! its recorded range.

use super::analyse::Word;
use super::english::indefinite_article;
use super::transfer::Out;
use crate::engine::{ExtraTerm, term_english};
use crate::glossary::{Glossary, TermHit};
use std::ops::Range;

/// The generated sentence.
pub struct Generated {
    pub en: String,
    /// Per glossary hit of the sentence: its range in `en`.
    pub term_spans: Vec<Option<Range<usize>>>,
    /// Source spans of words left untranslated because nobody knows them.
    pub unknown: Vec<Range<usize>>,
    /// Glossary terms found by morphology or compound splitting.
    pub extra_terms: Vec<ExtraTerm>,
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) if f.is_lowercase() => f.to_uppercase().chain(c).collect(),
        _ => s.to_owned(),
    }
}

pub fn generate(
    outs: Vec<Out>,
    words: &[Word],
    hits: &[TermHit],
    glossary: &Glossary,
) -> Generated {
    // A Dutch headline in ALL CAPS stays in capitals.
    let letters: Vec<char> = words
        .iter()
        .flat_map(|w| w.text.chars())
        .filter(|c| c.is_alphabetic())
        .collect();
    let all_caps = letters.len() >= 4 && letters.iter().all(|c| c.is_uppercase());
    let mut outs = outs;
    if all_caps {
        for o in &mut outs {
            if o.hit.is_none() && !o.article {
                o.text = o.text.to_uppercase();
            }
        }
    }
    let mut items: Vec<Out> = outs
        .into_iter()
        .filter(|o| !o.text.is_empty() || o.hit.is_some())
        .collect();
    // The first item with letters starts the sentence.
    let first = items
        .iter()
        .position(|o| o.hit.is_some() || o.text.chars().any(char::is_alphanumeric));
    for (k, o) in items.iter_mut().enumerate() {
        if let Some(h) = o.hit {
            o.text = term_english(glossary, &hits[h], Some(k) == first);
        } else if o.term.is_some() && Some(k) == first {
            o.text = crate::engine::capitalize_first(&o.text);
        } else if Some(k) == first {
            o.text = capitalise(&o.text);
        }
    }
    for k in 0..items.len() {
        if items[k].article {
            let next = items[k + 1..]
                .iter()
                .find(|o| o.text.chars().any(char::is_alphanumeric));
            // In a headline in capitals the next word is no acronym.
            let art = next.map_or("a", |n| {
                if all_caps {
                    indefinite_article(&n.text.to_lowercase())
                } else {
                    indefinite_article(&n.text)
                }
            });
            let capital = items[k].text.starts_with('A');
            items[k].text = if all_caps {
                art.to_uppercase()
            } else if capital {
                capitalise(art)
            } else {
                art.to_owned()
            };
        }
    }
    // A quoted sentence keeps its capital: ‘Dit zijn … → ‘These are ….
    for k in 0..items.len().saturating_sub(1) {
        let opens_capital = items[k].word.is_some_and(|w| {
            matches!(words[w].text.as_str(), "‘" | "“" | "\"" | "„")
                && words
                    .get(w + 1)
                    .is_some_and(|n| n.initial && n.text.starts_with(char::is_uppercase))
        });
        if opens_capital && items[k + 1].hit.is_none() {
            items[k + 1].text = capitalise(&items[k + 1].text);
        }
    }
    let mut en = String::new();

    let mut term_spans = vec![None; hits.len()];
    let mut unknown = Vec::new();
    let mut extra_terms = Vec::new();
    let mut glue = true;
    for o in &items {
        if !glue && !o.glue_left && !en.is_empty() {
            en.push(' ');
        }
        let start = en.len();
        en.push_str(&o.text);
        if let Some(h) = o.hit {
            term_spans[h] = Some(start..en.len());
        }
        if let Some((entry, src)) = &o.term {
            extra_terms.push(ExtraTerm {
                src: src.clone(),
                entry: *entry,
                en: o.text.clone(),
                en_span: start..en.len(),
            });
        }
        if o.unknown
            && let Some(w) = o.word
        {
            unknown.push(words[w].span.clone());
        }
        glue = o.glue_right;
    }
    // Trimming a leading space would shift the spans; the text never starts with one.
    debug_assert!(!en.starts_with(' '));
    Generated {
        en,
        term_spans,
        unknown,
        extra_terms,
    }
}
