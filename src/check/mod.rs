//! Checking an English translation against the glossaries, whoever made it.
//!
//! Takes aligned units (a Dutch sentence or paragraph and its English) and
//! the loaded glossaries; returns [`Finding`]s: glossary terms whose English
//! is missing, forbidden spellings, terms rendered in different ways,
//! numbers and citation markers that do not correspond, Dutch left in the
//! English, and names still in Dutch transliteration. [`align`] pairs two
//! plain texts by line (paragraph), then by sentence. Invariant: findings
//! are data in unit order; the check never stops at the first.

pub mod bilingual;
pub mod numbers;

use crate::glossary::{EntryId, Glossary};
use crate::segment::{SegmentOptions, TokenKind, segment};
use serde::Serialize;
use std::collections::BTreeMap;

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Warning,
    Error,
}

/// One Dutch unit and its English.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unit {
    /// 1-based paragraph (line) number.
    pub paragraph: usize,
    /// 1-based sentence number in the paragraph; `None` when the paragraph
    /// is checked whole (its sentence counts differ).
    pub sentence: Option<usize>,
    pub nl: String,
    pub en: String,
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// Index into the units.
    pub unit: usize,
    pub level: Level,
    /// A short stable name (`missing-term`, `forbidden`, …).
    pub code: &'static str,
    pub message: String,
    /// `FILE:LINE` of the glossary entry concerned, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entry: Option<String>,
    /// The text the finding is about, in the English (or the Dutch for a
    /// missing term), to highlight it.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub text: String,
}

/// The result of a check.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub units: Vec<Unit>,
    pub findings: Vec<Finding>,
    /// Paragraphs checked whole because their sentence counts differ.
    pub unaligned_paragraphs: Vec<usize>,
}

impl Report {
    pub fn count(&self, level: Level) -> usize {
        self.findings.iter().filter(|f| f.level == level).count()
    }
}

/// Why two texts cannot be checked against each other.
#[derive(Debug, Clone, thiserror::Error)]
#[error(
    "the source has {source_lines} lines (paragraphs) but the target has {target_lines}: they must be line-aligned"
)]
pub struct AlignError {
    pub source_lines: usize,
    pub target_lines: usize,
}

fn sentences(text: &str) -> Vec<String> {
    segment(text, &SegmentOptions::default())
        .sentences()
        .map(|s| text[s.span.clone()].to_owned())
        .collect()
}

/// Pair a Dutch text and its English by line, then by sentence; a
/// paragraph whose sentence counts differ is one unit (and is listed).
pub fn align(source: &str, target: &str) -> Result<(Vec<Unit>, Vec<usize>), AlignError> {
    let lines = |t: &str| -> Vec<String> {
        let mut v: Vec<String> = crate::segment::line_spans(t)
            .into_iter()
            .map(|r| t[r].to_owned())
            .collect();
        while v.last().is_some_and(|l| l.trim().is_empty()) {
            v.pop();
        }
        v
    };
    let (src, tgt) = (lines(source), lines(target));
    if src.len() != tgt.len() {
        return Err(AlignError {
            source_lines: src.len(),
            target_lines: tgt.len(),
        });
    }
    let mut units = Vec::new();
    let mut whole = Vec::new();
    for (p, (nl, en)) in src.iter().zip(&tgt).enumerate() {
        if nl.trim().is_empty() && en.trim().is_empty() {
            continue;
        }
        let (ns, es) = (sentences(nl), sentences(en));
        if ns.len() == es.len() && !ns.is_empty() {
            for (k, (n, e)) in ns.into_iter().zip(es).enumerate() {
                units.push(Unit {
                    paragraph: p + 1,
                    sentence: Some(k + 1),
                    nl: n,
                    en: e,
                });
            }
        } else {
            whole.push(p + 1);
            units.push(Unit {
                paragraph: p + 1,
                sentence: None,
                nl: nl.trim().to_owned(),
                en: en.trim().to_owned(),
            });
        }
    }
    Ok((units, whole))
}

/// Dutch function words that are not English words: one in an English
/// sentence is Dutch left untranslated.
const DUTCH_WORDS: &[&str] = &[
    "het",
    "een",
    "niet",
    "wordt",
    "werd",
    "worden",
    "heeft",
    "hebben",
    "naar",
    "geen",
    "omdat",
    "ook",
    "maar",
    "nog",
    "deze",
    "dit",
    "zijn",
    "uit",
    "bij",
    "wij",
    "zij",
    "hij",
    "jullie",
    "onze",
    "ons",
    "haar",
    "wel",
    "toch",
    "reeds",
    "echter",
    "volgens",
    "tussen",
    "tijdens",
    "zullen",
    "zou",
    "zouden",
    "kunnen",
    "moeten",
    "waarin",
    "waarbij",
    "daarom",
    "wanneer",
    "welke",
    "waar",
    "voor",
    "alleen",
    "eigenlijk",
];

/// Whole-word, case-insensitive occurrences of `needle` in `hay` (byte ranges
/// of `hay`). Characters are compared one by one, each case-folded, so
/// offsets stay right where lower-casing changes a character's length (*İ*).
pub(crate) fn find_words(hay: &str, needle: &str) -> Vec<std::ops::Range<usize>> {
    let Some(first) = needle.chars().next() else {
        return Vec::new();
    };
    let same = |a: char, b: char| a == b || a.to_lowercase().eq(b.to_lowercase());
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    let mut found = Vec::new();
    let mut from = 0;
    for (i, c) in hay.char_indices() {
        if i < from || !same(c, first) || word(hay[..i].chars().next_back()) {
            continue;
        }
        let mut rest = hay[i..].char_indices();
        let mut end = i;
        let matched = needle.chars().all(|n| match rest.next() {
            Some((k, h)) if same(h, n) => {
                end = i + k + h.len_utf8();
                true
            }
            _ => false,
        });
        if matched && !word(hay[end..].chars().next()) {
            found.push(i..end);
            from = end;
        }
    }
    found
}

/// Does `en` appear in the target as the glossary writes it (a capital
/// first letter and ALL CAPS allowed)?
fn has_rendering(target: &str, en: &str) -> Option<std::ops::Range<usize>> {
    find_words(target, en).into_iter().find(|r| {
        let got = &target[r.clone()];
        got == en
            || got == crate::engine::capitalize_first(en)
            || got == en.to_uppercase()
            || en.chars().next().is_some_and(char::is_lowercase)
                && got.to_lowercase() == en.to_lowercase()
    })
}

/// Check `units` against `glossary`.
pub fn check(units: Vec<Unit>, unaligned: Vec<usize>, glossary: &Glossary) -> Report {
    let mut findings = Vec::new();
    // Entry → renderings seen (rendering → first unit).
    let mut renderings: BTreeMap<EntryId, BTreeMap<String, usize>> = BTreeMap::new();
    let translit = crate::translit::shipped();
    for (u, unit) in units.iter().enumerate() {
        let hits = crate::tag(glossary, &unit.nl);
        // English of the source terms found in the target: forbidden
        // spellings inside them are part of a longer term (*Dynamo Kiev*).
        let mut covered: Vec<std::ops::Range<usize>> = Vec::new();
        for h in &hits {
            let e = glossary.entry(h.entry);
            match has_rendering(&unit.en, &e.en) {
                Some(r) => {
                    covered.push(r);
                    renderings
                        .entry(h.entry)
                        .or_default()
                        .entry(e.en.clone())
                        .or_insert(u);
                }
                None => {
                    let avoided = glossary
                        .effective_avoid(h.entry)
                        .into_iter()
                        .find(|a| !find_words(&unit.en, a).is_empty());
                    if avoided.is_some() {
                        // Reported once, as the forbidden spelling it is.
                        continue;
                    }
                    // The Dutch left as it was is a rendering too.
                    if let Some(sp) = glossary
                        .rendered_spellings(h.entry)
                        .into_iter()
                        .find(|s| has_rendering(&unit.en, s).is_some())
                    {
                        renderings
                            .entry(h.entry)
                            .or_default()
                            .entry(sp.to_owned())
                            .or_insert(u);
                    }
                    findings.push(Finding {
                        unit: u,
                        level: Level::Error,
                        code: "missing-term",
                        message: format!(
                            "`{}` → `{}`: the glossary's English is not in the target",
                            &unit.nl[h.start..h.end],
                            e.en
                        ),
                        entry: Some(e.location.to_string()),
                        text: unit.nl[h.start..h.end].to_owned(),
                    });
                }
            }
        }
        for (r, id) in glossary.find_forbidden(&unit.en) {
            if covered
                .iter()
                .any(|c| c.start <= r.start && r.end <= c.end && c.len() > r.len())
            {
                continue;
            }
            let e = glossary.entry(id);
            findings.push(Finding {
                unit: u,
                level: Level::Error,
                code: "forbidden",
                message: format!(
                    "`{}` is a forbidden spelling: write `{}`",
                    &unit.en[r.clone()],
                    e.en
                ),
                entry: Some(e.location.to_string()),
                text: unit.en[r].to_owned(),
            });
        }
        // Numbers.
        let (missing, extra) =
            numbers::compare(&numbers::dutch(&unit.nl), &numbers::english(&unit.en));
        let mut number = |message: String, text: String| {
            findings.push(Finding {
                unit: u,
                level: Level::Error,
                code: "number",
                message,
                entry: None,
                text,
            })
        };
        // A number changed is one finding, not a missing one and an extra one.
        let changed = missing.len().min(extra.len());
        for (m, x) in missing.iter().zip(&extra).take(changed) {
            number(
                format!("the number `{m}` of the source is `{x}` in the target"),
                x.clone(),
            );
        }
        for m in &missing[changed..] {
            number(
                format!("the number `{m}` of the source has no counterpart in the target"),
                m.clone(),
            );
        }
        for x in &extra[changed..] {
            number(
                format!("the number `{x}` in the target is not in the source"),
                x.clone(),
            );
        }
        // Citation markers.
        let cites = |t: &str| -> Vec<String> {
            let doc = segment(t, &SegmentOptions::default());
            doc.sentences()
                .flat_map(|s| s.tokens.iter())
                .filter(|k| k.kind == TokenKind::Citation)
                .map(|k| t[k.span.clone()].to_owned())
                .collect()
        };
        let (cn, ce) = (cites(&unit.nl), cites(&unit.en));
        if cn != ce {
            findings.push(Finding {
                unit: u,
                level: Level::Error,
                code: "citation",
                message: format!(
                    "citation markers differ: source {}, target {}",
                    if cn.is_empty() {
                        "none".to_owned()
                    } else {
                        cn.join(" ")
                    },
                    if ce.is_empty() {
                        "none".to_owned()
                    } else {
                        ce.join(" ")
                    }
                ),
                entry: None,
                text: String::new(),
            });
        }
        // Dutch left in the English.
        let dutch: Vec<&str> = unit
            .en
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| DUTCH_WORDS.contains(&w.to_lowercase().as_str()))
            .collect();
        if !dutch.is_empty() {
            findings.push(Finding {
                unit: u,
                level: Level::Warning,
                code: "dutch",
                message: format!(
                    "Dutch left in the target? {}",
                    dutch
                        .iter()
                        .map(|w| format!("`{w}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                entry: None,
                text: dutch[0].to_owned(),
            });
        }
        // Names still in Dutch transliteration.
        for w in unit
            .en
            .split(|c: char| !(c.is_alphabetic() || c == '\'' || c == '’'))
        {
            let w = w.trim_end_matches("'s").trim_end_matches("’s");
            if w.chars().next().is_some_and(char::is_uppercase) && translit.looks_slavic(w) {
                let p = translit.transliterate(w, None, Some(&unit.nl));
                if !p.unchanged {
                    findings.push(Finding {
                        unit: u,
                        level: Level::Warning,
                        code: "dutch-spelling",
                        message: format!(
                            "`{w}` is spelled the Dutch way: English would be `{}`",
                            p.en
                        ),
                        entry: None,
                        text: w.to_owned(),
                    });
                }
            }
        }
    }
    // One source term rendered in different ways.
    for (id, seen) in renderings {
        if seen.len() > 1 {
            let e = glossary.entry(id);
            let (&first_unit, list) = (
                seen.values().min().expect("two renderings"),
                seen.iter()
                    .map(|(r, u)| format!("`{r}` (¶{})", units[*u].paragraph))
                    .collect::<Vec<_>>()
                    .join(", "),
            );
            findings.push(Finding {
                unit: first_unit,
                level: Level::Warning,
                code: "inconsistent",
                message: format!("`{}` is rendered in different ways: {list}", e.nl),
                entry: Some(e.location.to_string()),
                text: String::new(),
            });
        }
    }
    findings.sort_by_key(|f| (f.unit, std::cmp::Reverse(f.level)));
    Report {
        units,
        findings,
        unaligned_paragraphs: unaligned,
    }
}

#[cfg(test)]
mod tests;
