//! English morphology for generation: noun plurals, verb forms, comparison,
//! adverbs from adjectives, and the article *a*/*an*.
//!
//! Takes English lemmas (possibly several words: *power plant*, *find out*,
//! *round of negotiations*) and the irregular tables of the lexicon; returns
//! inflected text. Invariant: a multi-word lemma is inflected on its head
//! only (the last word of a noun, or the word before *of*; the first word of
//! a verb).

use super::lexicon::EnglishIrregulars;

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// Apply `f` to the head word of a noun phrase lemma.
fn on_noun_head(lemma: &str, f: impl Fn(&str) -> String) -> String {
    if let Some(i) = lemma.find(" of ") {
        let (head, rest) = lemma.split_at(i);
        return on_noun_head_dyn(head, &f) + rest;
    }
    on_noun_head_dyn(lemma, &f)
}

fn on_noun_head_dyn(lemma: &str, f: &dyn Fn(&str) -> String) -> String {
    match lemma.rfind(' ') {
        Some(i) => format!("{}{}", &lemma[..=i], f(&lemma[i + 1..])),
        None => f(lemma),
    }
}

/// Apply `f` to the first word of a verb lemma (*find out* → *found out*).
fn on_verb_head(lemma: &str, f: impl Fn(&str) -> String) -> String {
    match lemma.find(' ') {
        Some(i) => format!("{}{}", f(&lemma[..i]), &lemma[i..]),
        None => f(lemma),
    }
}

fn ends_sibilant(w: &str) -> bool {
    w.ends_with('s')
        || w.ends_with('x')
        || w.ends_with('z')
        || w.ends_with("ch")
        || w.ends_with("sh")
}

fn consonant_y(w: &str) -> bool {
    let c: Vec<char> = w.chars().collect();
    c.len() >= 2 && c[c.len() - 1] == 'y' && !is_vowel(c[c.len() - 2])
}

/// Plural of an English noun lemma.
pub fn plural(irr: &EnglishIrregulars, lemma: &str) -> String {
    on_noun_head(lemma, |w| {
        if let Some(p) = irr.nouns.get(w) {
            return p.clone();
        }
        let lower = w.to_lowercase();
        if let Some(p) = irr.nouns.get(&lower) {
            return p.clone();
        }
        if w.chars().all(|c| c.is_uppercase() || c.is_ascii_digit()) && w.chars().count() > 1 {
            return format!("{w}s"); // acronyms: MPs
        }
        if lower.ends_with("man")
            && w.len() > 4
            && !lower.ends_with("human")
            && !lower.ends_with("german")
        {
            return format!("{}men", &w[..w.len() - 3]); // spokesman → spokesmen
        }
        if ends_sibilant(&lower) {
            format!("{w}es")
        } else if consonant_y(&lower) {
            format!("{}ies", &w[..w.len() - 1])
        } else {
            format!("{w}s")
        }
    })
}

/// Syllables, roughly: vowel groups, ignoring a silent final *e*.
fn syllables(w: &str) -> usize {
    let c: Vec<char> = w.to_lowercase().chars().collect();
    let mut n = 0;
    let mut prev = false;
    for (i, &ch) in c.iter().enumerate() {
        let v = is_vowel(ch) || (ch == 'y' && i > 0);
        if v && !prev {
            n += 1;
        }
        prev = v;
    }
    if c.len() > 2
        && c[c.len() - 1] == 'e'
        && !is_vowel(c[c.len() - 2])
        && c[c.len() - 2] != 'l'
        && n > 1
    {
        n -= 1;
    }
    n.max(1)
}

/// Two-syllable verbs stressed on the last syllable, which double their final
/// consonant (*admitted*, *preferred*).
const DOUBLING: &[&str] = &[
    "admit", "commit", "submit", "permit", "omit", "emit", "transmit", "occur", "recur", "prefer",
    "refer", "confer", "defer", "infer", "deter", "regret", "forget", "upset", "begin", "control",
    "patrol", "compel", "expel", "propel", "repel", "equip", "acquit", "abet", "allot", "embed",
    "rebel", "excel", "dispel", "incur", "outwit", "befit", "unwrap", "kidnap", "worship",
    "handicap",
];

/// Does the word double its final consonant before *-ed*/*-ing*?
fn doubles(w: &str) -> bool {
    let c: Vec<char> = w.chars().collect();
    let n = c.len();
    if n < 3 {
        return false;
    }
    let (a, b, last) = (c[n - 3], c[n - 2], c[n - 1]);
    let cvc = !is_vowel(a) && is_vowel(b) && !is_vowel(last) && !matches!(last, 'w' | 'x' | 'y');
    if !cvc {
        return false;
    }
    if syllables(w) == 1 {
        return true;
    }
    // British spelling doubles a final -l after a single vowel (travelled, cancelled).
    last == 'l' || DOUBLING.contains(&w)
}

fn regular_ed(w: &str) -> String {
    if w.ends_with('e') {
        format!("{w}d")
    } else if consonant_y(w) {
        format!("{}ied", &w[..w.len() - 1])
    } else if doubles(w) {
        format!("{w}{}ed", w.chars().last().unwrap())
    } else if w.ends_with('c') {
        format!("{w}ked") // panicked
    } else {
        format!("{w}ed")
    }
}

/// Third person singular present (*goes*, *tries*, *finds out*).
pub fn third_singular(lemma: &str) -> String {
    on_verb_head(lemma, |w| match w {
        "be" => "is".into(),
        "have" => "has".into(),
        "do" => "does".into(),
        "go" => "goes".into(),
        "can" | "must" | "may" | "might" | "will" | "shall" | "should" | "would" | "could" => {
            w.into()
        }
        _ if ends_sibilant(w) || w.ends_with('o') => format!("{w}es"),
        _ if consonant_y(w) => format!("{}ies", &w[..w.len() - 1]),
        _ => format!("{w}s"),
    })
}

/// Simple past (*went*, *worked*). For *be*, the singular *was*.
pub fn past(irr: &EnglishIrregulars, lemma: &str) -> String {
    on_verb_head(lemma, |w| match irr.verbs.get(w) {
        Some((p, _)) => p.clone(),
        None if w == "be" => "was".into(),
        None => regular_ed(w),
    })
}

/// Past participle (*gone*, *worked*).
pub fn participle(irr: &EnglishIrregulars, lemma: &str) -> String {
    on_verb_head(lemma, |w| match irr.verbs.get(w) {
        Some((_, p)) => p.clone(),
        None if w == "be" => "been".into(),
        None => regular_ed(w),
    })
}

/// The *-ing* form (*making*, *running*, *lying*).
pub fn gerund(lemma: &str) -> String {
    on_verb_head(lemma, |w| {
        if let Some(b) = w.strip_suffix("ie") {
            format!("{b}ying")
        } else if w.ends_with('e')
            && !w.ends_with("ee")
            && !w.ends_with("ye")
            && !w.ends_with("oe")
            && w.len() > 2
        {
            format!("{}ing", &w[..w.len() - 1])
        } else if doubles(w) {
            format!("{w}{}ing", w.chars().last().unwrap())
        } else {
            format!("{w}ing")
        }
    })
}

/// Comparative (*bigger*, *more important*, *better*).
pub fn comparative(irr: &EnglishIrregulars, adj: &str) -> String {
    if let Some((c, _)) = irr.adjs.get(adj) {
        return c.clone();
    }
    match suffix_comparison(adj) {
        Some(stem) => format!("{stem}er"),
        None => format!("more {adj}"),
    }
}

/// Superlative (*biggest*, *most important*, *best*).
pub fn superlative(irr: &EnglishIrregulars, adj: &str) -> String {
    if let Some((_, s)) = irr.adjs.get(adj) {
        return s.clone();
    }
    match suffix_comparison(adj) {
        Some(stem) => format!("{stem}est"),
        None => format!("most {adj}"),
    }
}

/// The stem that takes *-er*/*-est*, if the adjective compares that way.
fn suffix_comparison(adj: &str) -> Option<String> {
    if adj.contains(' ') || adj.contains('-') {
        return None;
    }
    let syl = syllables(adj);
    if syl == 1 {
        Some(if let Some(b) = adj.strip_suffix('e') {
            b.to_owned()
        } else if consonant_y(adj) {
            format!("{}i", &adj[..adj.len() - 1])
        } else if doubles(adj) && !adj.ends_with('l') {
            format!("{adj}{}", adj.chars().last().unwrap())
        } else {
            adj.to_owned()
        })
    } else if syl == 2 && consonant_y(adj) {
        Some(format!("{}i", &adj[..adj.len() - 1]))
    } else {
        None
    }
}

/// Adjectives whose adverb is the same word.
const FLAT_ADVERBS: &[&str] = &[
    "fast", "hard", "late", "early", "daily", "weekly", "monthly", "yearly", "long", "high", "low",
    "straight", "far", "near", "right", "wrong", "much", "little", "enough", "only", "likely",
    "well", "close", "deep", "direct", "free", "just", "last", "first", "next", "still", "very",
    "even", "alone", "ahead", "abroad", "together", "apart", "back", "away", "further", "more",
    "most", "less", "least",
];

/// The adverb of an adjective (*quickly*, *well*, *simply*, *basically*).
pub fn adverb(adj: &str) -> String {
    if adj.contains(' ') || FLAT_ADVERBS.contains(&adj) || adj.ends_with("ly") {
        return adj.to_owned();
    }
    match adj {
        "good" => "well".into(),
        "public" => "publicly".into(),
        _ if adj.ends_with("ic") => format!("{adj}ally"),
        _ if adj.ends_with("le")
            && adj.len() > 3
            && !is_vowel(adj.chars().rev().nth(2).unwrap_or('a')) =>
        {
            format!("{}y", &adj[..adj.len() - 1])
        }
        _ if consonant_y(adj) => format!("{}ily", &adj[..adj.len() - 1]),
        _ if adj.ends_with("ll") => format!("{adj}y"),
        _ if adj.ends_with("ue") => format!("{}ly", &adj[..adj.len() - 1]),
        _ => format!("{adj}ly"),
    }
}

/// Words starting with a vowel letter that take *a* (a consonant sound).
const A_BEFORE_VOWEL_LETTER: &[&str] = &[
    "uni", "use", "usu", "uti", "eu", "one", "once", "ure", "uk", "ubiq", "ufo", "uran",
];
/// Words starting with a consonant letter that take *an* (a silent *h*).
const AN_BEFORE_CONSONANT: &[&str] = &["hour", "honest", "honour", "honor", "heir"];

/// `a` or `an` before `next` (the next English word).
pub fn indefinite_article(next: &str) -> &'static str {
    let w = next.trim_start_matches(['"', '\'', '‘', '“', '(']);
    let lower = w.to_lowercase();
    if lower.is_empty() {
        return "a";
    }
    // Acronyms read letter by letter: an MP, an FBI agent, a US, a NATO (read as a word).
    let letters: String = w.chars().take_while(|c| c.is_alphanumeric()).collect();
    if letters.len() >= 2 && letters.len() <= 5 && letters.chars().all(|c| c.is_ascii_uppercase()) {
        let as_words = [
            "NATO", "NASA", "UNESCO", "UNICEF", "OPEC", "OSCE", "UEFA", "FIFA", "AIDS", "COVID",
        ];
        if !as_words.contains(&letters.as_str()) {
            let first = letters.chars().next().unwrap();
            return if "AEFHILMNORSX".contains(first) {
                "an"
            } else {
                "a"
            };
        }
    }
    if lower.starts_with(|c: char| c.is_ascii_digit()) {
        // an 8, an 11, an 18-year-old, an 80
        return if lower.starts_with('8') || lower.starts_with("11") || lower.starts_with("18") {
            "an"
        } else {
            "a"
        };
    }
    if AN_BEFORE_CONSONANT.iter().any(|p| lower.starts_with(p)) {
        return "an";
    }
    if A_BEFORE_VOWEL_LETTER.iter().any(|p| lower.starts_with(p)) {
        return "a";
    }
    if lower.starts_with(|c: char| "aeiou".contains(c)) {
        "an"
    } else {
        "a"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn irr() -> EnglishIrregulars {
        let mut i = EnglishIrregulars::default();
        i.verbs.insert("go".into(), ("went".into(), "gone".into()));
        i.verbs
            .insert("find".into(), ("found".into(), "found".into()));
        i.nouns.insert("child".into(), "children".into());
        i.adjs
            .insert("good".into(), ("better".into(), "best".into()));
        i
    }

    #[test]
    fn plurals() {
        let i = irr();
        for (sg, pl) in [
            ("guarantee", "guarantees"),
            ("power plant", "power plants"),
            ("round of negotiations", "rounds of negotiations"),
            ("child", "children"),
            ("crisis", "crises"),
            ("box", "boxes"),
            ("city", "cities"),
            ("day", "days"),
            ("spokesman", "spokesmen"),
            ("MP", "MPs"),
            ("church", "churches"),
        ] {
            let mut i = i.clone();
            i.nouns.insert("crisis".into(), "crises".into());
            assert_eq!(plural(&i, sg), pl);
        }
    }

    #[test]
    fn verb_forms() {
        let i = irr();
        let cases = [
            ("work", "works", "worked", "working"),
            ("go", "goes", "went", "going"),
            ("try", "tries", "tried", "trying"),
            ("stop", "stops", "stopped", "stopping"),
            ("bake", "bakes", "baked", "baking"),
            ("admit", "admits", "admitted", "admitting"),
            ("travel", "travels", "travelled", "travelling"),
            ("visit", "visits", "visited", "visiting"),
            ("find out", "finds out", "found out", "finding out"),
            ("watch", "watches", "watched", "watching"),
            ("lie", "lies", "lied", "lying"),
            ("agree", "agrees", "agreed", "agreeing"),
            ("open", "opens", "opened", "opening"),
        ];
        for (base, s, p, g) in cases {
            assert_eq!(third_singular(base), s);
            assert_eq!(past(&i, base), p);
            assert_eq!(gerund(base), g);
        }
        assert_eq!(participle(&i, "go"), "gone");
    }

    #[test]
    fn comparison_and_adverbs() {
        let i = irr();
        for (a, c, s) in [
            ("big", "bigger", "biggest"),
            ("large", "larger", "largest"),
            ("happy", "happier", "happiest"),
            ("important", "more important", "most important"),
            ("good", "better", "best"),
            ("fast", "faster", "fastest"),
        ] {
            assert_eq!(comparative(&i, a), c);
            assert_eq!(superlative(&i, a), s);
        }
        for (a, adv) in [
            ("quick", "quickly"),
            ("good", "well"),
            ("simple", "simply"),
            ("basic", "basically"),
            ("happy", "happily"),
            ("fast", "fast"),
            ("full", "fully"),
            ("true", "truly"),
        ] {
            assert_eq!(adverb(a), adv);
        }
    }

    #[test]
    fn articles() {
        for (w, art) in [
            ("agreement", "an"),
            ("peace", "a"),
            ("hour", "an"),
            ("university", "a"),
            ("European", "a"),
            ("Ukrainian", "a"),
            ("MP", "an"),
            ("US", "a"),
            ("NATO", "a"),
            ("UN", "a"),
            ("one-day", "a"),
            ("8-year-old", "an"),
            ("honest", "an"),
            ("unusual", "an"),
        ] {
            assert_eq!(indefinite_article(w), art, "{w}");
        }
    }
}
