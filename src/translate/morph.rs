//! Dutch morphology: a word form → its possible analyses (lemma, part of
//! speech, features), by lexicon lookup and reverse inflection rules.
//!
//! Takes a lowercase word and the [`Lexicon`]; returns every analysis whose
//! lemma the lexicon knows (context picks one later). Rules cover noun plurals
//! and diminutives, adjective inflection and comparison, verb present, weak
//! past, participles (with and without *ge-*, inseparable prefixes,
//! separable particles attached) and the infinitive; strong and irregular
//! forms come from the lexicon's `forms` column. Invariant: every analysis
//! names a lemma the lexicon has (as an entry or as the base of a separable
//! verb).

use super::lexicon::{FormTag, LexId, Lexicon, Pos};
use std::fmt;

/// The form of a Dutch verb.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerbForm {
    /// *lopen*: also the present plural.
    Infinitive,
    /// *loop*, *loopt*.
    PresentSingular,
    PastSingular,
    PastPlural,
    Participle,
}

/// Comparison degree of an adjective.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Degree {
    Positive,
    Comparative,
    Superlative,
}

/// Features of an analysis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Feats {
    Noun { plural: bool, diminutive: bool },
    Verb(VerbForm),
    Adj { inflected: bool, degree: Degree },
    Plain,
}

/// One reading of a word form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Analysis {
    /// The lemma (for a separable verb written whole: the whole verb).
    pub lemma: String,
    pub pos: Pos,
    /// The lexicon entry, when the lemma is one (the base of a separable verb
    /// may not be).
    pub entry: Option<LexId>,
    pub feats: Feats,
}

impl fmt::Display for Analysis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.lemma, self.pos)?;
        match self.feats {
            Feats::Noun { plural, diminutive } => {
                if plural {
                    f.write_str("+pl")?;
                }
                if diminutive {
                    f.write_str("+dim")?;
                }
            }
            Feats::Verb(v) => write!(
                f,
                "+{}",
                match v {
                    VerbForm::Infinitive => "inf",
                    VerbForm::PresentSingular => "pres.sg",
                    VerbForm::PastSingular => "past.sg",
                    VerbForm::PastPlural => "past.pl",
                    VerbForm::Participle => "part",
                }
            )?,
            Feats::Adj { inflected, degree } => {
                if inflected {
                    f.write_str("+e")?;
                }
                match degree {
                    Degree::Positive => {}
                    Degree::Comparative => f.write_str("+comp")?,
                    Degree::Superlative => f.write_str("+sup")?,
                }
            }
            Feats::Plain => {}
        }
        Ok(())
    }
}

pub fn is_vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'é' | 'ë' | 'ï' | 'ö' | 'ü' | 'è' | 'á' | 'ó'
    )
}

/// Present singular forms that no rule derives.
const IRREGULAR_PRESENT: &[(&str, &str)] = &[
    ("ben", "zijn"),
    ("bent", "zijn"),
    ("is", "zijn"),
    ("heb", "hebben"),
    ("hebt", "hebben"),
    ("heeft", "hebben"),
    ("kan", "kunnen"),
    ("kunt", "kunnen"),
    ("zal", "zullen"),
    ("zult", "zullen"),
    ("wil", "willen"),
    ("wilt", "willen"),
    ("mag", "mogen"),
];

/// Prefixes that are separable in some verbs and inseparable in others
/// (*ondertekenen* but *ondergaan*): the lexicon's `sep` column decides.
const INSEPARABLE_OR_NOT: [&str; 7] = ["onder", "over", "door", "om", "achter", "vol", "weer"];

/// Inseparable verb prefixes: their participles take no *ge-*.
pub const INSEPARABLE: [&str; 7] = ["be", "ge", "ver", "ont", "her", "er", "mis"];

/// Do these two letters write one vowel sound (*ie*, *oe*, *ei*, *aa*…)?
fn is_digraph(a: char, b: char) -> bool {
    matches!(
        (a, b),
        ('a', 'a')
            | ('e', 'e')
            | ('o', 'o')
            | ('u', 'u')
            | ('i', 'e')
            | ('e', 'i')
            | ('e', 'u')
            | ('o', 'e')
            | ('o', 'u')
            | ('u', 'i')
            | ('i', 'j')
            | ('a', 'u')
    )
}

/// Stems that a suffix was stripped from may need their spelling restored:
/// the candidates for the base before the ending `-en`/`-e`/`-er` etc.
/// `closed` is the form as written in a closed syllable (a verb stem, an
/// adjective base): *loop*, *zit*, *leef*, *groot*; `open` the form before a
/// vowel ending: *lop-*, *zitt-*, *lev-*, *grot-*.
/// Given an open form (what is left after removing an ending that starts with
/// a vowel), returns the closed forms it may come from.
pub fn closed_from_open(open: &str) -> Vec<String> {
    let mut out = vec![open.to_owned()];
    let chars: Vec<char> = open.chars().collect();
    let n = chars.len();
    if n < 2 {
        return out;
    }
    let last = chars[n - 1];
    // zitt- → zit, bell- → bel
    if !is_vowel(last) && chars[n - 2] == last {
        out.push(chars[..n - 1].iter().collect());
    }
    // lop- → loop, grot- → groot, mak- → maak (single vowel before a single consonant).
    if n >= 2
        && !is_vowel(last)
        && is_vowel(chars[n - 2])
        && matches!(chars[n - 2], 'a' | 'e' | 'o' | 'u')
    {
        let before = if n >= 3 { Some(chars[n - 3]) } else { None };
        // cruciaal, seksueel: the vowel before is its own syllable (not a digraph).
        if before.is_none_or(|b| !is_digraph(b, chars[n - 2])) {
            let mut s: String = chars[..n - 1].iter().collect();
            s.push(chars[n - 2]);
            s.push(last);
            out.push(s);
        }
    }
    // officiël- → officieel, financiël- → financieel.
    if chars[n - 2] == 'ë' && !is_vowel(last) {
        let mut s: String = chars[..n - 2].iter().collect();
        s.push_str("ee");
        s.push(last);
        out.push(s);
    }
    // Devoicing: lev- → leef/lef, reiz- → reis.
    let extra: Vec<String> = out
        .iter()
        .filter_map(|s| {
            if let Some(b) = s.strip_suffix('v') {
                Some(format!("{b}f"))
            } else {
                s.strip_suffix('z').map(|b| format!("{b}s"))
            }
        })
        .collect();
    out.extend(extra);
    out.dedup();
    out
}

/// The infinitives a verb stem (the 1st person singular: *loop*, *zit*,
/// *leef*, *werk*, *ga*) may belong to.
pub fn infinitives_of_stem(stem: &str) -> Vec<String> {
    let mut out = Vec::new();
    let chars: Vec<char> = stem.chars().collect();
    let n = chars.len();
    if n == 0 {
        return out;
    }
    // After a short vowel in a closed final syllable the infinitive doubles
    // the consonant when that syllable is stressed (stel → stellen, vertel →
    // vertellen), not when it is unstressed (wandel → wandelen, kondig →
    // kondigen). Stress is guessed: a single syllable after any inseparable
    // prefix is stressed. Both spellings are tried, the likelier first
    // (komen keeps a single consonant after its short *kom*).
    let short_closed = n >= 2 && {
        let (last, v) = (chars[n - 1], chars[n - 2]);
        let before_vowel = n >= 3 && is_vowel(chars[n - 3]);
        !is_vowel(last)
            && matches!(v, 'a' | 'e' | 'i' | 'o' | 'u')
            && !before_vowel
            && !matches!(last, 'w' | 'j')
    };
    let root = INSEPARABLE
        .iter()
        .filter_map(|p| stem.strip_prefix(p))
        .filter(|r| r.chars().count() >= 2)
        .min_by_key(|r| r.len())
        .unwrap_or(stem);
    let root_chars: Vec<char> = root.chars().collect();
    let syllables = root_chars
        .iter()
        .enumerate()
        .filter(|&(i, &c)| is_vowel(c) && (i == 0 || !is_vowel(root_chars[i - 1])))
        .count();
    let mut opens = if short_closed {
        let doubled = format!("{stem}{}", chars[n - 1]);
        if syllables >= 2 {
            vec![stem.to_owned(), doubled]
        } else {
            vec![doubled, stem.to_owned()]
        }
    } else {
        vec![stem.to_owned()]
    };
    if n >= 3 {
        let last = chars[n - 1];
        let (v1, v2) = (chars[n - 3], chars[n - 2]);
        // loop → lop(en), maak → mak(en), leef → lev(en): a doubled vowel is single before -en.
        if !is_vowel(last) && v1 == v2 && matches!(v1, 'a' | 'e' | 'o' | 'u') {
            opens.push(chars[..n - 2].iter().chain([&last]).collect());
        }
    }
    for o in opens {
        let voiced: Option<String> = if let Some(b) = o.strip_suffix('f') {
            Some(format!("{b}v"))
        } else {
            o.strip_suffix('s').map(|b| format!("{b}z"))
        };
        out.push(format!("{o}en"));
        if let Some(v) = voiced {
            out.push(format!("{v}en"));
        }
    }
    // gaan, staan, slaan, doen, zien: monosyllables ending in a vowel.
    match chars.last() {
        Some('a') if stem.ends_with("aa") => out.push(format!("{stem}n")),
        Some('a') => out.push(format!("{stem}an")),
        Some(&c) if is_vowel(c) => out.push(format!("{stem}n")),
        _ => {}
    }
    out.dedup();
    out
}

/// The verb stem (1st person singular) of an infinitive: *lopen* → *loop*.
pub fn stem_of_infinitive(inf: &str) -> String {
    for p in ["ver", "ont", "her", "be", "ge"] {
        if let Some(rest) = inf.strip_prefix(p)
            && rest.chars().count() >= 4
            && !rest.starts_with(is_vowel)
        {
            return format!("{p}{}", stem_of_infinitive(rest));
        }
    }
    if let Some(b) = inf.strip_suffix("en") {
        let mut c: Vec<char> = b.chars().collect();
        let n = c.len();
        if n >= 2 && c[n - 1] == c[n - 2] && !is_vowel(c[n - 1]) {
            c.pop();
        } else if n >= 2
            && !is_vowel(c[n - 1])
            && matches!(c[n - 2], 'a' | 'e' | 'o' | 'u')
            && (n < 3 || !is_vowel(c[n - 3]))
        {
            // lop → loop (open syllable); but not for unstressed -el/-er/-en stems (wandel).
            let syllables = c.iter().filter(|&&x| is_vowel(x)).count();
            if !(c[n - 2] == 'e' && syllables > 1) {
                c.insert(n - 1, c[n - 2]);
            }
        }
        let mut s: String = c.into_iter().collect();
        if s.ends_with('v') {
            s.pop();
            s.push('f');
        } else if s.ends_with('z') {
            s.pop();
            s.push('s');
        }
        s
    } else if let Some(b) = inf.strip_suffix('n') {
        // gaan → ga, staan → sta; doen → doe, zien → zie.
        b.strip_suffix("aa")
            .map_or_else(|| b.to_owned(), |x| format!("{x}a"))
    } else {
        inf.to_owned()
    }
}

/// Does this verb take a weak past (*-de*/*-te*)? Strong and irregular verbs
/// (and the bases of separable ones) list their forms in the lexicon.
fn is_weak(lex: &Lexicon, lemma: &str) -> bool {
    !lex.has_listed_forms(lemma)
}

/// A short stressed stem (*met*, *bel*) keeps its vowel short, so its
/// infinitive doubles the consonant (*metten*, *bellen*); the single-consonant
/// infinitive (*meten*) is only right for an irregular verb like *komen*.
fn plausible_infinitive(lex: &Lexicon, stem: &str, inf: &str) -> bool {
    let chars: Vec<char> = stem.chars().collect();
    let n = chars.len();
    let short_closed = n >= 2
        && !is_vowel(chars[n - 1])
        && matches!(chars[n - 2], 'a' | 'e' | 'i' | 'o' | 'u')
        && (n < 3 || !is_vowel(chars[n - 3]));
    let monosyllable = chars.iter().filter(|&&c| is_vowel(c)).count() == 1;
    !(short_closed && monosyllable && inf == format!("{stem}en")) || lex.has_listed_forms(inf)
}

struct Collector<'a> {
    lex: &'a Lexicon,
    out: Vec<Analysis>,
}

impl Collector<'_> {
    fn push(&mut self, a: Analysis) {
        if !self.out.contains(&a) {
            self.out.push(a);
        }
    }

    /// Verb analyses for lemma `inf` (an entry or a separable base).
    fn verb(&mut self, inf: &str, form: VerbForm) -> bool {
        let mut found = false;
        let entries: Vec<(LexId, Pos)> = self
            .lex
            .lookup(inf)
            .filter(|(_, e)| e.pos.is_verbal())
            .map(|(id, e)| (id, e.pos))
            .collect();
        for (id, pos) in entries {
            self.push(Analysis {
                lemma: inf.to_owned(),
                pos,
                entry: Some(id),
                feats: Feats::Verb(form),
            });
            found = true;
        }
        if !found && self.lex.is_verb_lemma(inf) {
            self.push(Analysis {
                lemma: inf.to_owned(),
                pos: Pos::Verb,
                entry: None,
                feats: Feats::Verb(form),
            });
            found = true;
        }
        found
    }

    fn has(&self, pos: Pos) -> bool {
        self.out.iter().any(|a| a.pos == pos)
    }
}

/// Every analysis of a lowercase word form.
pub fn analyse(lex: &Lexicon, w: &str) -> Vec<Analysis> {
    let mut c = Collector {
        lex,
        out: Vec::new(),
    };
    analyse_into(&mut c, w, true);
    let mut out = c.out;
    // Likeliest first: closed-class readings (bij is "at" before it is a
    // bee), then auxiliaries (was is a verb before it is laundry), then the
    // rest; among verb readings the commoner verb first (the lexicon is in
    // frequency order: weet is weten before wijten).
    let rank = |a: &Analysis| match a.pos {
        Pos::Det | Pos::Pron | Pos::Prep | Pos::Conj | Pos::Part | Pos::Num => 0,
        Pos::Aux => 1,
        _ => 2,
    };
    out.sort_by_key(rank);
    let verbal: Vec<usize> = (0..out.len())
        .filter(|&i| out[i].pos == Pos::Verb)
        .collect();
    let mut verbs: Vec<Analysis> = verbal.iter().map(|&i| out[i].clone()).collect();
    verbs.sort_by_key(|a| a.entry.unwrap_or(LexId::MAX));
    for (slot, v) in verbal.into_iter().zip(verbs) {
        out[slot] = v;
    }
    out
}

fn analyse_into(c: &mut Collector<'_>, w: &str, allow_particle: bool) {
    let lex = c.lex;
    // 1. The lemma itself.
    for (id, e) in lex.lookup(w) {
        let feats = match e.pos {
            Pos::Noun => Feats::Noun {
                plural: false,
                diminutive: false,
            },
            Pos::Verb | Pos::Aux => Feats::Verb(VerbForm::Infinitive),
            Pos::Adj => Feats::Adj {
                inflected: false,
                degree: Degree::Positive,
            },
            _ => Feats::Plain,
        };
        c.push(Analysis {
            lemma: e.nl.clone(),
            pos: e.pos,
            entry: Some(id),
            feats,
        });
    }
    if lex.is_verb_lemma(w) && !c.has(Pos::Verb) && !c.has(Pos::Aux) {
        c.verb(w, VerbForm::Infinitive);
    }
    // 2. Irregular forms listed in the lexicon.
    for f in lex.irregular(w) {
        let feats = match f.tag {
            FormTag::NounPlural => Feats::Noun {
                plural: true,
                diminutive: false,
            },
            FormTag::PastSingular => Feats::Verb(VerbForm::PastSingular),
            FormTag::PastPlural => Feats::Verb(VerbForm::PastPlural),
            FormTag::Participle => Feats::Verb(VerbForm::Participle),
            FormTag::Comparative => Feats::Adj {
                inflected: false,
                degree: Degree::Comparative,
            },
            FormTag::Superlative => Feats::Adj {
                inflected: false,
                degree: Degree::Superlative,
            },
        };
        let own = lex.entry(f.entry).nl == f.lemma;
        c.push(Analysis {
            lemma: f.lemma.clone(),
            pos: f.pos,
            entry: if own {
                Some(f.entry)
            } else {
                lex.get(&f.lemma, f.pos).map(|(id, _)| id)
            },
            feats,
        });
    }
    // Irregular present singulars of the auxiliaries.
    for &(form, lemma) in IRREGULAR_PRESENT {
        if form == w {
            c.verb(lemma, VerbForm::PresentSingular);
        }
    }
    // Inflected superlatives and comparatives of irregular adjectives: beste, betere.
    if let Some(b) = w.strip_suffix('e') {
        for f in lex.irregular(b) {
            if matches!(f.tag, FormTag::Comparative | FormTag::Superlative) {
                c.push(Analysis {
                    lemma: f.lemma.clone(),
                    pos: f.pos,
                    entry: Some(f.entry),
                    feats: Feats::Adj {
                        inflected: true,
                        degree: if f.tag == FormTag::Comparative {
                            Degree::Comparative
                        } else {
                            Degree::Superlative
                        },
                    },
                });
            }
        }
    }
    let n = w.chars().count();
    if n < 3 {
        return;
    }
    // 3. Verbs.
    // Present singular: loop, loopt, zit, praat.
    for inf in infinitives_of_stem(w) {
        if plausible_infinitive(lex, w, &inf) {
            c.verb(&inf, VerbForm::PresentSingular);
        }
    }
    if let Some(stem) = w.strip_suffix('t') {
        for inf in infinitives_of_stem(stem) {
            if plausible_infinitive(lex, stem, &inf) {
                c.verb(&inf, VerbForm::PresentSingular);
            }
        }
    }
    // Weak past: werkte, maakten, leefde.
    for (suffix, form) in [
        ("ten", VerbForm::PastPlural),
        ("den", VerbForm::PastPlural),
        ("te", VerbForm::PastSingular),
        ("de", VerbForm::PastSingular),
    ] {
        if let Some(stem) = w.strip_suffix(suffix) {
            for inf in infinitives_of_stem(stem) {
                if is_weak(lex, &inf) {
                    c.verb(&inf, form);
                }
            }
        }
    }
    // Weak participles: gewerkt, gemaakt, betaald, geannuleerd.
    // A stem ending in -t/-d takes no extra ending: gepraat, bereid.
    // geïnvesteerd → ge + investeer + d: the diaeresis only marks the syllable break.
    if let Some(rest) = w.strip_prefix("ge")
        && let Some(rest) = rest
            .strip_prefix('ï')
            .map(|r| format!("i{r}"))
            .or_else(|| rest.strip_prefix('ë').map(|r| format!("e{r}")))
        && let Some(stem) = rest.strip_suffix('d').or_else(|| rest.strip_suffix('t'))
    {
        for inf in infinitives_of_stem(stem) {
            if is_weak(lex, &inf) {
                c.verb(&inf, VerbForm::Participle);
            }
        }
    }
    if w.ends_with(['t', 'd']) {
        if let Some(s) = w.strip_prefix("ge") {
            for inf in infinitives_of_stem(s) {
                if is_weak(lex, &inf) {
                    c.verb(&inf, VerbForm::Participle);
                }
            }
        }
        if INSEPARABLE.iter().any(|p| w.starts_with(p)) {
            for inf in infinitives_of_stem(w) {
                if is_weak(lex, &inf) {
                    c.verb(&inf, VerbForm::Participle);
                }
            }
        }
        // onder-, over-, door-, om-, achter-, vol-, weer- verbs that the
        // lexicon lists as inseparable take no ge- either (ondertekend,
        // overleefd).
        if let Some(stem) = w.strip_suffix(['t', 'd']) {
            for inf in infinitives_of_stem(stem)
                .into_iter()
                .chain(infinitives_of_stem(w))
            {
                let inseparable = INSEPARABLE_OR_NOT.iter().any(|p| inf.starts_with(p))
                    && lex
                        .lookup(&inf)
                        .any(|(_, e)| e.pos == Pos::Verb && e.sep.is_none());
                if inseparable && is_weak(lex, &inf) {
                    c.verb(&inf, VerbForm::Participle);
                }
            }
        }
    }
    if let Some(stem) = w.strip_suffix('t').or_else(|| w.strip_suffix('d')) {
        if let Some(s) = stem.strip_prefix("ge") {
            for inf in infinitives_of_stem(s) {
                if is_weak(lex, &inf) {
                    c.verb(&inf, VerbForm::Participle);
                }
            }
        }
        if INSEPARABLE.iter().any(|p| stem.starts_with(p)) {
            for inf in infinitives_of_stem(stem) {
                if is_weak(lex, &inf) {
                    c.verb(&inf, VerbForm::Participle);
                }
            }
        }
    }
    // A separable particle written together with the verb: opgebeld,
    // bekendmaakte, aankomt, opbellen (as a whole lemma it was found above).
    if allow_particle {
        for split in 2..w.len().saturating_sub(1) {
            if !w.is_char_boundary(split) {
                continue;
            }
            let (p, rest) = w.split_at(split);
            if !lex.is_particle(p) || rest.chars().count() < 2 {
                continue;
            }
            let mut sub = Collector {
                lex,
                out: Vec::new(),
            };
            analyse_into(&mut sub, rest, false);
            for a in sub.out {
                if let Feats::Verb(form) = a.feats
                    && let Some((id, e)) = lex.separable(p, &a.lemma)
                {
                    c.push(Analysis {
                        lemma: e.nl.clone(),
                        pos: e.pos,
                        entry: Some(id),
                        feats: Feats::Verb(form),
                    });
                }
            }
        }
    }
    // 4. Nouns: regular plurals and diminutives (when the lexicon lists no plural).
    let noun_plural = |c: &mut Collector<'_>, base: &str, diminutive: bool, plural: bool| {
        let found: Vec<LexId> = c
            .lex
            .lookup(base)
            .filter(|(_, e)| e.pos == Pos::Noun && (diminutive || !plural || e.forms.is_empty()))
            .map(|(id, _)| id)
            .collect();
        for id in found {
            c.push(Analysis {
                lemma: base.to_owned(),
                pos: Pos::Noun,
                entry: Some(id),
                feats: Feats::Noun { plural, diminutive },
            });
        }
    };
    for suffix in ["'s", "’s", "s"] {
        if let Some(b) = w.strip_suffix(suffix) {
            noun_plural(c, b, false, true);
        }
    }
    if let Some(b) = w.strip_suffix("en") {
        for base in closed_from_open(b) {
            noun_plural(c, &base, false, true);
        }
    }
    for (suffix, plural) in [
        ("etjes", true),
        ("etje", false),
        ("tjes", true),
        ("tje", false),
        ("pjes", true),
        ("pje", false),
        ("jes", true),
        ("je", false),
    ] {
        if let Some(b) = w.strip_suffix(suffix) {
            let mut bases = vec![b.to_owned()];
            if suffix.starts_with("et") {
                bases.extend(closed_from_open(b));
            }
            // autootje → auto
            if let Some(x) = b.strip_suffix(|ch: char| is_vowel(ch))
                && b.chars().rev().nth(1).is_some_and(is_vowel)
            {
                bases.push(x.to_owned());
            }
            for base in bases {
                noun_plural(c, &base, true, plural);
            }
        }
    }
    // 5. Adjectives: grote, witte, lieve; groter, grootste; duurder.
    let adj = |c: &mut Collector<'_>, base: &str, inflected: bool, degree: Degree| {
        let found: Vec<LexId> = c
            .lex
            .lookup(base)
            .filter(|(_, e)| {
                matches!(e.pos, Pos::Adj | Pos::Adv)
                    && (degree == Degree::Positive || e.forms.is_empty())
            })
            .map(|(id, _)| id)
            .collect();
        for id in found {
            // An inflected or compared form is adjectival even when the
            // lexicon lists the word as an adverb (eerdere, latere).
            let pos = if inflected || degree != Degree::Positive {
                Pos::Adj
            } else {
                c.lex.entry(id).pos
            };
            c.push(Analysis {
                lemma: base.to_owned(),
                pos,
                entry: Some(id),
                feats: Feats::Adj { inflected, degree },
            });
        }
    };
    if let Some(b) = w.strip_suffix('e') {
        for base in closed_from_open(b) {
            adj(c, &base, true, Degree::Positive);
        }
        // Participles as adjectives: verkochte, gesloten stays as is.
        let mut sub = Collector {
            lex,
            out: Vec::new(),
        };
        analyse_into(&mut sub, b, allow_particle);
        for a in sub.out {
            if a.feats == Feats::Verb(VerbForm::Participle) {
                c.push(a);
            }
        }
    }
    for (suffix, inflected) in [("ere", true), ("er", false)] {
        if let Some(b) = w.strip_suffix(suffix) {
            let mut bases = closed_from_open(b);
            if let Some(x) = b.strip_suffix('d')
                && x.ends_with('r')
            {
                bases.push(x.to_owned()); // duurder → duur
            }
            for base in bases {
                adj(c, &base, inflected, Degree::Comparative);
            }
        }
    }
    for (suffix, inflected) in [("ste", true), ("st", false)] {
        if let Some(b) = w.strip_suffix(suffix) {
            adj(c, b, inflected, Degree::Superlative);
            // grootste: the base is "groot", written in a closed syllable already.
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex() -> Lexicon {
        let mut l = Lexicon::default();
        l.add_csv(
            "t.csv",
            "nl,pos,en,forms,sep,gender,senses,note
lopen,verb,walk,liep|liepen|gelopen,,,,
werken,verb,work,,,,,
maken,verb,make,,,,,
zitten,verb,sit,zat|zaten|gezeten,,,,
leven,verb,live,,,,,
reizen,verb,travel,,,,,
praten,verb,talk,,,,,
betalen,verb,pay,,,,,
annuleren,verb,cancel,,,,,
komen,verb,come,kwam|kwamen|gekomen,,,,
stellen,verb,put,,,,,
stelen,verb,steal,stal|stalen|gestolen,,,,
aankondigen,verb,announce,,aan,,,
vertellen,verb,tell,,,,,
introduceren,verb,introduce,,,,,
cruciaal,adj,crucial,,,,,
seksueel,adj,sexual,,,,,
officieel,adj,official,,,,,
opbellen,verb,call,,op,,,
bekendmaken,verb,announce,,bekend,,,
aankomen,verb,arrive,aankwam|aankwamen|aangekomen,aan,,,
gaan,verb,go,ging|gingen|gegaan,,,,
verkiezing,noun,election,verkiezingen,,de,,
jaar,noun,year,jaren,,het,,
man,noun,man,mannen,,de,,
auto,noun,car,auto's,,de,,
bal,noun,ball,,,de,,
huis,noun,house,,,het,,
groot,adj,big,,,,,
wit,adj,white,,,,,
lief,adj,sweet,,,,,
duur,adj,expensive,,,,,
goed,adj,good,beter|best,,,,
verkopen,verb,sell,verkocht|verkochten|verkocht,,,,
",
        )
        .unwrap();
        l
    }

    fn readings(w: &str) -> Vec<String> {
        analyse(&lex(), w).iter().map(|a| a.to_string()).collect()
    }

    macro_rules! a {
        ($name:ident, $w:expr, $want:expr) => {
            #[test]
            fn $name() {
                let got = readings($w);
                assert!(
                    got.iter().any(|r| r == $want),
                    "{} → {:?}, want {}",
                    $w,
                    got,
                    $want
                );
            }
        };
    }

    a!(infinitive, "werken", "werken/verb+inf");
    a!(present_t, "werkt", "werken/verb+pres.sg");
    a!(present_doubled_vowel, "loopt", "lopen/verb+pres.sg");
    a!(present_stem, "loop", "lopen/verb+pres.sg");
    a!(present_double_consonant, "zit", "zitten/verb+pres.sg");
    a!(present_devoiced, "leeft", "leven/verb+pres.sg");
    a!(present_devoiced_s, "reist", "reizen/verb+pres.sg");
    a!(present_stem_in_t, "praat", "praten/verb+pres.sg");
    a!(weak_past_te, "werkte", "werken/verb+past.sg");
    a!(weak_past_plural, "maakten", "maken/verb+past.pl");
    a!(weak_past_de, "leefde", "leven/verb+past.sg");
    a!(strong_past, "liep", "lopen/verb+past.sg");
    a!(strong_participle, "gelopen", "lopen/verb+part");
    a!(weak_participle, "gewerkt", "werken/verb+part");
    a!(weak_participle_d, "gereisd", "reizen/verb+part");
    a!(inseparable_participle, "betaald", "betalen/verb+part");
    a!(eer_participle, "geannuleerd", "annuleren/verb+part");
    a!(separable_participle, "opgebeld", "opbellen/verb+part");
    a!(
        separable_past_joined,
        "bekendmaakte",
        "bekendmaken/verb+past.sg"
    );
    a!(separable_strong_joined, "aangekomen", "aankomen/verb+part");
    a!(separable_base_form, "kwam", "komen/verb+past.sg");
    a!(monosyllable, "gaat", "gaan/verb+pres.sg");
    a!(listed_plural, "verkiezingen", "verkiezing/noun+pl");
    a!(listed_plural_vowel, "jaren", "jaar/noun+pl");
    a!(listed_plural_apostrophe, "auto's", "auto/noun+pl");
    a!(rule_plural_s, "ballen", "bal/noun+pl");
    a!(rule_plural_z, "huizen", "huis/noun+pl");
    a!(diminutive_etje, "balletje", "bal/noun+dim");
    a!(diminutive_plural, "huisjes", "huis/noun+pl+dim");
    a!(diminutive_vowel, "autootje", "auto/noun+dim");
    a!(adj_inflected_long, "grote", "groot/adj+e");
    a!(adj_inflected_short, "witte", "wit/adj+e");
    a!(adj_inflected_devoiced, "lieve", "lief/adj+e");
    a!(adj_comparative, "groter", "groot/adj+comp");
    a!(adj_comparative_der, "duurder", "duur/adj+comp");
    a!(adj_superlative, "grootste", "groot/adj+e+sup");
    a!(adj_irregular_comparative, "beter", "goed/adj+comp");
    a!(
        adj_irregular_superlative_inflected,
        "beste",
        "goed/adj+e+sup"
    );
    a!(participle_as_adjective, "verkochte", "verkopen/verb+part");
    a!(short_stem_irregular, "komt", "komen/verb+pres.sg");
    a!(short_stem_doubled, "stelt", "stellen/verb+pres.sg");
    a!(unstressed_ig_stem, "kondigde", "kondigen/verb+past.sg");
    a!(
        separable_unstressed_participle,
        "aangekondigd",
        "aankondigen/verb+part"
    );
    a!(prefix_stressed_stem, "vertelt", "vertellen/verb+pres.sg");
    a!(
        diaeresis_participle,
        "geïntroduceerd",
        "introduceren/verb+part"
    );
    a!(adj_ia_syllables, "cruciale", "cruciaal/adj+e");
    a!(adj_ue_syllables, "seksuele", "seksueel/adj+e");
    a!(adj_diaeresis, "officiële", "officieel/adj+e");

    #[test]
    fn likelier_reading_first() {
        let r = readings("stelt");
        assert_eq!(r[0], "stellen/verb+pres.sg", "{r:?}");
    }

    #[test]
    fn stems_and_infinitives() {
        for (inf, stem) in [
            ("lopen", "loop"),
            ("zitten", "zit"),
            ("leven", "leef"),
            ("reizen", "reis"),
            ("werken", "werk"),
            ("wandelen", "wandel"),
            ("gaan", "ga"),
            ("maken", "maak"),
            ("vergeten", "vergeet"),
            ("betalen", "betaal"),
        ] {
            assert_eq!(stem_of_infinitive(inf), stem, "{inf}");
            assert!(
                infinitives_of_stem(stem).contains(&inf.to_owned()),
                "{stem} → {:?}",
                infinitives_of_stem(stem)
            );
        }
    }

    #[test]
    fn unknown_words_have_no_analysis() {
        assert!(readings("xyzzy").is_empty());
        assert!(readings("werkje").is_empty());
    }
}
