//! Transfer: Dutch clause structure → English word order and English words.
//!
//! Takes the analysed [`Word`]s of a sentence; returns a flat list of
//! [`Out`] items (English text, each tied to its source word where there is
//! one) for generation. Steps: split the sentence at hard boundaries (`:`,
//! `;`, dashes), parse each part into main and subordinate clauses, find each
//! clause's finite verb, subject, verb cluster, separable particle and
//! negation, and lay them out in English order (V2 inversion undone, verb
//! clusters brought together, verb-final subordinate clauses turned to SVO,
//! `te`-infinitives as *to* + verb). Invariant: every source word appears in
//! the output at most once, and a glossary term only ever as its locked
//! English (it is moved as a unit, never translated inside).

use super::analyse::{AUXILIARIES, Cat, SUBJECT_PRONOUNS, Word};
use super::english;
use super::lexicon::{Lexicon, Pos};
use super::morph::{Degree, Feats, VerbForm};
use crate::glossary::{EntryId, Kind};
use crate::segment::TokenKind;
use std::ops::Range;

/// One item of English output.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Out {
    pub text: String,
    /// The source word it translates, if any (inserted words have none).
    pub word: Option<usize>,
    /// The sentence-level glossary hit index, for a locked term.
    pub hit: Option<usize>,
    /// A word the engine does not know, kept as written.
    pub unknown: bool,
    /// No space before this item.
    pub glue_left: bool,
    /// No space after this item.
    pub glue_right: bool,
    /// An indefinite article whose form (*a*/*an*) depends on the next word.
    pub article: bool,
    /// A glossary term found by morphology or compound splitting (not a tag
    /// hit): its entry and source span. Locked: `text` is its English.
    pub term: Option<(EntryId, Range<usize>)>,
}

impl Out {
    fn insert(text: &str) -> Out {
        Out {
            text: text.to_owned(),
            ..Out::default()
        }
    }
}

#[derive(Debug, Clone)]
enum Item {
    W(usize),
    C(Box<Clause>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ClauseKind {
    Main,
    /// Opened by a subordinating conjunction or relative: items[0] is the opener.
    Sub,
    /// `om … te …`: items[0] is `om`.
    Om,
}

#[derive(Debug, Clone)]
struct Clause {
    kind: ClauseKind,
    items: Vec<Item>,
    /// For a subordinate clause: where an extraposed `te`-infinitive starts.
    tail: Option<usize>,
}

/// English person and number of a subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Agr {
    pub person: u8,
    pub plural: bool,
}

const THIRD_SG: Agr = Agr {
    person: 3,
    plural: false,
};

/// Verbs whose perfect takes *zijn* (motion and change of state): with them
/// *is gekomen* is *has come*, not a passive.
/// Dutch modals rendered by an English modal or its periphrasis: finite
/// present, finite past, after a perfect auxiliary, anywhere else.
const MODALS: &[(&str, [&str; 4])] = &[
    ("zullen", ["will", "would", "will", "will"]),
    ("kunnen", ["can", "could", "been able to", "be able to"]),
    ("moeten", ["must", "had to", "had to", "have to"]),
];

const ZIJN_VERBS: &[&str] = &[
    "komen",
    "gaan",
    "worden",
    "zijn",
    "blijven",
    "gebeuren",
    "vertrekken",
    "sterven",
    "overlijden",
    "vallen",
    "stijgen",
    "dalen",
    "beginnen",
    "verdwijnen",
    "ontstaan",
    "verschijnen",
    "groeien",
    "vluchten",
    "ontsnappen",
    "slagen",
    "mislukken",
    "veranderen",
    "verhuizen",
    "terugkeren",
    "keren",
    "toenemen",
    "afnemen",
    "opgroeien",
    "ontploffen",
    "vergaan",
    "verlopen",
    "belanden",
    "raken",
    "lopen",
    "rijden",
    "vliegen",
    "varen",
    "reizen",
    "zakken",
    "landen",
    "arriveren",
    "aankomen",
    "overgaan",
    "opstaan",
    "uitgroeien",
    "omkomen",
    "ontwaken",
    "verongelukken",
    "verlopen",
    "geraken",
    "blijken",
    "eindigen",
    "stoppen",
    "genezen",
    "verbeteren",
    "verslechteren",
    "ontbreken",
    "uitkomen",
    "teruggaan",
    "terugkomen",
    "binnenkomen",
    "meegaan",
    "doorgaan",
    "opkomen",
    "voorkomen",
    "afgaan",
    "aflopen",
    "verdrinken",
    "bevriezen",
    "smelten",
    "ontvluchten",
];

/// Copulas: an adjective in their clause is predicative, not an adverb.
const COPULAS: &[&str] = &[
    "zijn",
    "worden",
    "blijven",
    "lijken",
    "blijken",
    "schijnen",
    "heten",
    "raken",
    "zijn geworden",
];

/// Verbs whose adjective complement stays an adjective (*maakte duidelijk*,
/// *vindt het gevaarlijk*).
const COMPLEMENT_VERBS: &[&str] = &[
    "maken",
    "vinden",
    "houden",
    "achten",
    "noemen",
    "laten",
    "verklaren",
    "zijn",
    "worden",
    "blijven",
    "lijken",
    "blijken",
    "schijnen",
];

/// Time nouns: a noun phrase headed by one is an adverbial, not a subject.
const TIME_NOUNS: &[&str] = &[
    "dag",
    "week",
    "maand",
    "jaar",
    "eeuw",
    "ochtend",
    "middag",
    "avond",
    "nacht",
    "weekend",
    "keer",
    "maandag",
    "dinsdag",
    "woensdag",
    "donderdag",
    "vrijdag",
    "zaterdag",
    "zondag",
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
    "seizoen",
    "zomer",
    "winter",
    "lente",
    "voorjaar",
    "najaar",
    "herfst",
    "tijd",
    "moment",
    "periode",
    "decennium",
    "kwartaal",
    "uur",
    "minuut",
    "seconde",
];

/// Adverbs that make a Dutch present tense a future (*volgende week*).
const FUTURE_MARKERS: &[&str] = &[
    "volgende",
    "komende",
    "aanstaande",
    "morgen",
    "overmorgen",
    "binnenkort",
    "straks",
];

/// Quantity nouns that take *of* before a bare noun (*a number of people*,
/// *billions of euros*).
const OF_NOUNS: &[&str] = &[
    "aantal",
    "soort",
    "groep",
    "reeks",
    "deel",
    "helft",
    "meerderheid",
    "minderheid",
    "miljoen",
    "miljard",
    "duizend",
    "honderd",
    "tiental",
    "paar",
    "serie",
    "hoeveelheid",
    "stuk",
    "kwart",
    "derde",
    "rij",
    "lijst",
    "golf",
    "stroom",
    "massa",
    "handvol",
    "menigte",
    "percentage",
    "procent",
    "deel",
    "biljoen",
];

/// Nouns a place name stands in apposition to (*de stad Utrecht*).
const PLACE_NOUNS: &[&str] = &[
    "stad",
    "land",
    "regio",
    "provincie",
    "dorp",
    "gemeente",
    "hoofdstad",
    "havenstad",
    "deelstaat",
    "staat",
    "oblast",
    "eiland",
    "rivier",
    "gebied",
];

/// Nouns a person's name stands in apposition to (*minister Rubio*).
const PERSON_NOUNS: &[&str] = &[
    "minister",
    "president",
    "premier",
    "koning",
    "koningin",
    "prins",
    "prinses",
    "generaal",
    "burgemeester",
    "voorzitter",
    "woordvoerder",
    "adviseur",
    "senator",
    "kanselier",
    "paus",
    "bondskanselier",
    "ambassadeur",
    "commandant",
    "directeur",
    "hoogleraar",
    "professor",
    "dokter",
    "schrijver",
    "journalist",
    "rechter",
    "advocaat",
    "trainer",
    "coach",
    "speler",
    "zanger",
    "kapitein",
    "leider",
    "secretaris",
    "gouverneur",
    "gezant",
    "onderhandelaar",
    "oud-president",
    "oud-premier",
    "collega",
    "partijleider",
    "fractievoorzitter",
];

/// Question words that open a question with inversion.
const WH_WORDS: &[&str] = &[
    "wie", "wat", "waar", "waarom", "wanneer", "hoe", "welke", "welk", "hoeveel", "waarheen",
    "vanwaar",
];

/// Abbreviations with a fixed English rendering.
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("o.a.", "among others"),
    ("bijv.", "for example"),
    ("bv.", "for example"),
    ("d.w.z.", "i.e."),
    ("dhr.", "Mr"),
    ("mevr.", "Mrs"),
    ("mw.", "Ms"),
    ("mr.", "Mr"),
    ("dr.", "Dr"),
    ("drs.", ""),
    ("ir.", ""),
    ("ing.", ""),
    ("prof.", "Prof."),
    ("nr.", "no."),
    ("ca.", "about"),
    ("jl.", "last"),
    ("j.l.", "last"),
    ("m.b.t.", "regarding"),
    ("i.p.v.", "instead of"),
    ("t.o.v.", "compared with"),
    ("i.v.m.", "in connection with"),
    ("n.a.v.", "following"),
    ("m.n.", "in particular"),
    ("enz.", "etc."),
    ("etc.", "etc."),
    ("e.d.", "and the like"),
    ("e.a.", "et al."),
    ("vs.", "vs."),
    ("zgn.", "so-called"),
    ("z.g.", "so-called"),
    ("resp.", "respectively"),
    ("evt.", "possibly"),
    ("incl.", "including"),
    ("excl.", "excluding"),
    ("max.", "max."),
    ("min.", "min."),
    ("gem.", "average"),
    ("jr.", "Jr"),
    ("sr.", "Sr"),
    ("st.", "St"),
    ("blz.", "p."),
    ("vgl.", "cf."),
    ("mln.", "million"),
    ("mld.", "billion"),
    ("mrd.", "billion"),
    ("a.s.", "next"),
    ("jan.", "Jan."),
    ("feb.", "Feb."),
    ("febr.", "Feb."),
    ("mrt.", "Mar."),
    ("apr.", "Apr."),
    ("jun.", "Jun."),
    ("jul.", "Jul."),
    ("aug.", "Aug."),
    ("sep.", "Sep."),
    ("sept.", "Sept."),
    ("okt.", "Oct."),
    ("nov.", "Nov."),
    ("dec.", "Dec."),
    ("gen.", "Gen."),
    ("lt.", "Lt"),
    ("kol.", "Col."),
    ("maj.", "Maj."),
];

/// Everything transfer needs to know about the sentence.
pub struct Ctx<'a> {
    pub words: &'a [Word],
    pub lex: &'a Lexicon,
    pub glossary: &'a crate::glossary::Glossary,
    /// The sentence ends with a question mark.
    pub question: bool,
    /// English chosen for a word by a clause-level rule (word index → text).
    pub overrides: std::cell::RefCell<std::collections::HashMap<usize, String>>,
}

impl Ctx<'_> {
    fn w(&self, i: usize) -> &Word {
        &self.words[i]
    }
}

fn is_verbal(w: &Word) -> bool {
    matches!(w.cat, Cat::Verb | Cat::Aux)
}

fn is_hard_boundary(w: &Word) -> bool {
    w.cat == Cat::Punct
        && (matches!(
            w.text.as_str(),
            ":" | ";" | "(" | ")" | "?" | "!" | "." | "…" | "..."
        ) || (matches!(w.text.as_str(), "-" | "–" | "—") && w.space_before))
}

/// Transfer a whole sentence.
pub fn transfer(ctx: &Ctx<'_>) -> Vec<Out> {
    let words = ctx.words;
    let mut out = Vec::new();
    let mut start = 0;
    for i in 0..=words.len() {
        let boundary = i == words.len() || is_hard_boundary(&words[i]);
        if !boundary {
            continue;
        }
        if start < i {
            let clause = parse(ctx, start, i, ClauseKind::Main);
            for c in split_coordination(ctx, clause) {
                match c {
                    Item::C(cl) => out.extend(order(ctx, &cl)),
                    Item::W(w) => out.extend(word_out(ctx, w, &Role::default())),
                }
            }
        }
        if i < words.len() {
            out.extend(word_out(ctx, i, &Role::default()));
        }
        start = i + 1;
    }
    fix_hyphens(ctx, &mut out);
    out
}

// ---------------------------------------------------------------- parsing

/// Does word `i` open a subordinate clause that has a verb before `hi`?
fn opener(ctx: &Ctx<'_>, i: usize, hi: usize) -> Option<(usize, Option<usize>)> {
    let w = ctx.w(i);
    if !matches!(w.cat, Cat::SubConj | Cat::Rel | Cat::Om) {
        return None;
    }
    sub_end(ctx, i, hi)
}

/// The end of the subordinate clause opened at `i` (after its verb cluster
/// and any extraposed `te`-infinitive), and where that infinitive starts.
fn sub_end(ctx: &Ctx<'_>, i: usize, hi: usize) -> Option<(usize, Option<usize>)> {
    let om = ctx.w(i).cat == Cat::Om;
    let mut j = i + 1;
    while j < hi {
        let w = ctx.w(j);
        if is_hard_boundary(w) || (w.is(",") && !om) {
            return None;
        }
        if j > i + 1
            && let Some((end, _)) = opener(ctx, j, hi)
        {
            j = end;
            continue;
        }
        let starts_cluster =
            is_verbal(w) || (w.cat == Cat::Te && ctx.words.get(j + 1).is_some_and(is_verbal));
        if starts_cluster && (!om || w.cat == Cat::Te) {
            let mut k = j;
            while k < hi
                && (is_verbal(ctx.w(k))
                    || (ctx.w(k).cat == Cat::Te && ctx.words.get(k + 1).is_some_and(is_verbal)))
            {
                k += 1;
            }
            // An extraposed te-infinitive after the cluster belongs to this clause.
            if !om && !(j..k).any(|x| ctx.w(x).cat == Cat::Te) {
                let mut t = k;
                while t < hi {
                    let x = ctx.w(t);
                    if is_hard_boundary(x)
                        || x.is(",")
                        || matches!(x.cat, Cat::SubConj | Cat::Rel | Cat::Om | Cat::Conj)
                        || is_verbal(x)
                    {
                        break;
                    }
                    if x.cat == Cat::Te && ctx.words.get(t + 1).is_some_and(is_verbal) {
                        let mut e = t + 1;
                        while e < hi && is_verbal(ctx.w(e)) {
                            e += 1;
                        }
                        return Some((e, Some(k)));
                    }
                    t += 1;
                }
            }
            return Some((k, None));
        }
        j += 1;
    }
    None
}

fn parse(ctx: &Ctx<'_>, lo: usize, hi: usize, kind: ClauseKind) -> Clause {
    let mut items = Vec::new();
    let mut i = lo;
    if kind != ClauseKind::Main {
        items.push(Item::W(lo));
        i = lo + 1;
    }
    while i < hi {
        if let Some((end, tail)) = opener(ctx, i, hi) {
            let k = if ctx.w(i).cat == Cat::Om {
                ClauseKind::Om
            } else {
                ClauseKind::Sub
            };
            let mut sub = parse(ctx, i, end.min(hi), k);
            // Record the tail position as an item index of the sub clause.
            sub.tail = tail.and_then(|t| {
                sub.items
                    .iter()
                    .position(|it| matches!(it, Item::W(x) if *x == t))
            });
            items.push(Item::C(Box::new(sub)));
            i = end;
        } else {
            items.push(Item::W(i));
            i += 1;
        }
    }
    Clause {
        kind,
        items,
        tail: None,
    }
}

/// The item index of the finite verb of a main clause: the first verb, in a
/// present or past form or (the Dutch plural present looks like the
/// infinitive) in the infinitive form, not after `te`.
fn finite_at_main(ctx: &Ctx<'_>, items: &[Item]) -> Option<usize> {
    items.iter().enumerate().position(|(k, it)| {
        matches!(it, Item::W(i) if {
            let w = ctx.w(*i);
            w.is_finite()
                || (is_verbal(w)
                    && w.verb_form() == Some(VerbForm::Infinitive)
                    && !(k > 0 && matches!(items[k - 1], Item::W(p) if ctx.w(p).cat == Cat::Te)))
        })
    })
}

/// The item index of the finite verb of a subordinate clause: a present or
/// past form, else (the Dutch plural present looks like the infinitive) the
/// first verb in infinitive form that does not follow `te`.
fn finite_at(ctx: &Ctx<'_>, items: &[Item]) -> Option<usize> {
    items
        .iter()
        .position(|it| matches!(it, Item::W(i) if ctx.w(*i).is_finite()))
        .or_else(|| {
            items.iter().enumerate().position(|(k, it)| {
                matches!(it, Item::W(i) if is_verbal(ctx.w(*i))
                && ctx.w(*i).verb_form() == Some(VerbForm::Infinitive)
                && !(k > 0 && matches!(items[k - 1], Item::W(p) if ctx.w(p).cat == Cat::Te)))
            })
        })
}

/// Split a main clause at coordinating conjunctions that join two clauses
/// (each with its own finite verb). Conjunctions stay as word items.
fn split_coordination(ctx: &Ctx<'_>, clause: Clause) -> Vec<Item> {
    let items = clause.items;
    let mut cuts = Vec::new();
    for (k, it) in items.iter().enumerate() {
        if let Item::W(i) = it
            && ctx.w(*i).cat == Cat::Conj
            && k > 0
        {
            let left_has =
                finite_at(ctx, &items[cuts.last().map_or(0, |c: &usize| c + 1)..k]).is_some();
            let right_end = items[k + 1..]
                .iter()
                .position(|x| matches!(x, Item::W(j) if ctx.w(*j).cat == Cat::Conj))
                .map_or(items.len(), |p| k + 1 + p);
            let right_has = finite_at(ctx, &items[k + 1..right_end]).is_some();
            if left_has && right_has {
                cuts.push(k);
            }
        }
    }
    if cuts.is_empty() {
        return vec![Item::C(Box::new(Clause {
            kind: ClauseKind::Main,
            items,
            tail: None,
        }))];
    }
    let mut out = Vec::new();
    let mut start = 0;
    let mut items = items.into_iter().map(Some).collect::<Vec<_>>();
    for &c in &cuts {
        let part: Vec<Item> = items[start..c]
            .iter_mut()
            .filter_map(Option::take)
            .collect();
        out.push(Item::C(Box::new(Clause {
            kind: ClauseKind::Main,
            items: part,
            tail: None,
        })));
        out.push(items[c].take().unwrap());
        start = c + 1;
    }
    let part: Vec<Item> = items[start..].iter_mut().filter_map(Option::take).collect();
    out.push(Item::C(Box::new(Clause {
        kind: ClauseKind::Main,
        items: part,
        tail: None,
    })));
    out
}

// ---------------------------------------------------------------- noun phrases

fn np_word(w: &Word) -> bool {
    matches!(
        w.cat,
        Cat::Det | Cat::Adj | Cat::Noun | Cat::Name | Cat::Term | Cat::Num
    ) || (w.cat == Cat::Unknown && w.token == TokenKind::Word)
        || (w.cat == Cat::Adv
            && matches!(
                w.lower.as_str(),
                "zeer" | "heel" | "erg" | "zo" | "meest" | "minder" | "nog"
            ))
        || (w.cat == Cat::Verb && w.verb_form() == Some(VerbForm::Participle))
}

/// The end of a subject noun phrase: the noun phrase and any *van*-phrase
/// that modifies it (*de locatie van een top*).
/// The subject after an inverted verb: the first noun phrase, possibly after
/// adverbs (er ontplofte gisteren een bom). Returns its item range; empty
/// when none follows.
fn inverted_subject(ctx: &Ctx<'_>, items: &[Item], from: usize) -> std::ops::Range<usize> {
    let mut k = from;
    while let Some(i) = direct_word(items, k) {
        let w = ctx.w(i);
        let e = subject_end(ctx, items, k);
        if e > k {
            return k..e;
        }
        if w.cat != Cat::Adv || w.is("er") {
            break;
        }
        k += 1;
    }
    from..from
}

fn subject_end(ctx: &Ctx<'_>, items: &[Item], k: usize) -> usize {
    let mut e = np_end(ctx, items, k);
    if e == k || direct_word(items, k).is_some_and(|i| ctx.w(i).cat == Cat::Pron) {
        return e;
    }
    while let Some(i) = direct_word(items, e)
        && matches!(
            ctx.w(i).lower.as_str(),
            "van" | "tussen" | "uit" | "rond" | "rondom"
        )
    {
        let after = np_end(ctx, items, e + 1);
        if after == e + 1 {
            break;
        }
        e = after;
    }
    e
}

/// The end (item index) of a noun phrase starting at item `k`, or `k`.
fn np_end(ctx: &Ctx<'_>, items: &[Item], k: usize) -> usize {
    let Some(Item::W(first)) = items.get(k) else {
        return k;
    };
    let w = ctx.w(*first);
    if w.cat == Cat::Pron || w.is("er") {
        return k + 1;
    }
    if !np_word(w) || (w.cat == Cat::Verb) {
        return k;
    }
    // Determiners and modifiers, then one or more heads (nouns, names,
    // terms: *Kremlin-adviseur Yuri Ushakov*). After a head only more heads
    // continue the phrase: a determiner or adjective starts a new one.
    // A genitive (Europa’s, Poetins) is a determiner of what follows.
    let genitive = |x: &Word| x.genitive;
    let head = |x: &Word| {
        (matches!(x.cat, Cat::Noun | Cat::Name | Cat::Term | Cat::Unknown)
            || (x.cat == Cat::Num && x.token == TokenKind::Number))
            && !genitive(x)
    };
    let mut j = k;
    let mut seen_head = false;
    let mut last_np = k;
    while let Some(Item::W(i)) = items.get(j) {
        let x = ctx.w(*i);
        let glued_hyphen = x.cat == Cat::Punct && x.text == "-" && !x.space_before;
        let quote = x.cat == Cat::Punct && matches!(x.text.as_str(), "‘" | "’" | "“" | "”");
        if head(x) {
            // After a common noun, a name continues the phrase only as an
            // apposition: a person (minister Rubio), or a place after a
            // place noun (de stad Utrecht). Otherwise it starts the object
            // (bezoekt de koning Duitsland).
            if seen_head
                && let Some(Item::W(p)) = j.checked_sub(1).and_then(|p| items.get(p))
                && ctx.w(*p).cat == Cat::Noun
                && matches!(x.cat, Cat::Term | Cat::Name)
                && x.term_kind != Some(Kind::Person)
                && !(x.term_kind == Some(Kind::Place) && PLACE_NOUNS.contains(&ctx.w(*p).lemma()))
                && !(x.cat == Cat::Name
                    && x.term_kind.is_none()
                    && PERSON_NOUNS.contains(&ctx.w(*p).lemma()))
            {
                break;
            }
            // Two common nouns in a row are two phrases (Dutch writes
            // compounds as one word): de verkiezingen | plaats.
            if seen_head
                && x.cat == Cat::Noun
                && let Some(Item::W(p)) = j.checked_sub(1).and_then(|p| items.get(p))
                && ctx.w(*p).cat == Cat::Noun
            {
                break;
            }

            seen_head = true;

            j += 1;
            last_np = j;
            continue;
        }

        if glued_hyphen || quote {
            j += 1;
            continue;
        }
        if !seen_head && np_word(x) {
            j += 1;
            continue;
        }
        // Coordination inside the noun phrase: X en Y.
        if seen_head
            && matches!(x.lower.as_str(), "en" | "of")
            && let Some(Item::W(n)) = items.get(j + 1)
            && np_word(ctx.w(*n))
            && ctx.w(*n).cat != Cat::Verb
        {
            seen_head = false;
            j += 1;
            continue;
        }
        break;
    }
    if seen_head {
        last_np
    } else if j > k + 1
        && items[k..j]
            .iter()
            .any(|it| matches!(it, Item::W(i) if ctx.w(*i).cat == Cat::Det))
    {
        // A determiner and an adjective: a nominalised adjective (de Oekraïense).
        j
    } else {
        last_np.max(if w.cat == Cat::Det {
            k
        } else {
            k + usize::from(np_word(w) && w.cat != Cat::Adj)
        })
    }
}

fn is_temporal(ctx: &Ctx<'_>, items: &[Item]) -> bool {
    items.iter().any(|it| {
        matches!(it, Item::W(i) if {
            let w = ctx.w(*i);
            TIME_NOUNS.contains(&w.lemma()) || FUTURE_MARKERS.contains(&w.lower.as_str()) || matches!(w.lower.as_str(), "vorige" | "vorig" | "afgelopen" | "gisteren" | "vandaag" | "nu")
        })
    })
}

/// Is the first constituent the subject (no inversion)?
/// A noun phrase with its relative clause (*de vrouw die de prijs won,*):
/// the part before the clause, or all of `c1` without one.
fn before_relative(ctx: &Ctx<'_>, c1: &[Item]) -> usize {
    let Some(k) = c1.iter().position(|it| matches!(it, Item::C(_))) else {
        return c1.len();
    };
    let relative = matches!(&c1[k], Item::C(c) if c.kind == ClauseKind::Sub && matches!(c.items[0], Item::W(o) if ctx.w(o).cat == Cat::Rel));
    let rest_is_comma = c1[k + 1..]
        .iter()
        .all(|it| matches!(it, Item::W(i) if ctx.w(*i).is(",")));
    if relative && rest_is_comma && k > 0 {
        k
    } else {
        0
    }
}

fn c1_is_subject(ctx: &Ctx<'_>, c1: &[Item]) -> bool {
    let c1 = &c1[..before_relative(ctx, c1)];
    // An opening quote before the subject (‘Dit zijn …) does not count.
    let quotes = c1.iter().take_while(|it| matches!(it, Item::W(i) if ctx.w(*i).cat == Cat::Punct && matches!(ctx.w(*i).text.as_str(), "‘" | "“" | "\"" | "'" | "(" | "„" | "«"))).count();
    let c1 = &c1[quotes..];

    if c1.is_empty() || c1.iter().any(|it| matches!(it, Item::C(_))) {
        return false;
    }
    let Item::W(first) = &c1[0] else { return false };
    let w = ctx.w(*first);
    let end = np_end(ctx, c1, 0);
    let pronoun_subject = w.cat == Cat::Pron
        && (SUBJECT_PRONOUNS.contains(&w.lower.as_str())
            || matches!(
                w.lower.as_str(),
                "dit"
                    | "dat"
                    | "die"
                    | "deze"
                    | "iedereen"
                    | "niemand"
                    | "iemand"
                    | "alles"
                    | "niets"
                    | "wat"
                    | "wie"
                    | "beide"
                    | "velen"
                    | "sommigen"
                    | "anderen"
                    | "allen"
            ));
    // The noun phrase may carry a van-phrase and trailing adverbs (elke
    // escalatie daar, de minister zelf).
    let end = subject_end(ctx, c1, 0).max(end);
    let rest_adverbs = c1[end..].iter().all(|it| {
        matches!(it, Item::W(i) if matches!(ctx.w(*i).cat, Cat::Adv | Cat::Punct | Cat::Citation) && !WH_WORDS.contains(&ctx.w(*i).lower.as_str()))
    });
    (pronoun_subject || (end > 0 && rest_adverbs && !is_temporal(ctx, &c1[..end])))
        && !WH_WORDS.contains(&w.lower.as_str())
}

// ---------------------------------------------------------------- clauses

#[derive(Default)]
struct Role {
    /// Subject agreement, for pronouns (*ze* → *she*/*they*).
    agr: Option<Agr>,
    /// The word is in subject position.
    subject: bool,
    /// The clause's finite verb is a copula (adjectives stay adjectives).
    copula: bool,
    /// The clause's verb is a lexical verb that an adjective at the clause
    /// end modifies (ik ken haar goed → well).
    adverbial: bool,
}

/// Words of a clause, by kind, found once.
struct Parts {
    finite: Option<usize>,
    /// Non-finite verbs of the main verb chain (item indices), Dutch order.
    nonfinite: Vec<usize>,
    /// `te` groups: (item index of `te`, item indices of its verbs).
    te_groups: Vec<(usize, Vec<usize>)>,
    particle: Option<usize>,
    negation: Option<usize>,
    /// Adverbs English puts inside the verb phrase (*has never*, *also
    /// said*): item indices.
    adverbs: Vec<usize>,
}

/// Dutch adverbs whose English goes next to the verb.
const VP_ADVERBS: &[&str] = &[
    "nooit",
    "altijd",
    "vaak",
    "ook",
    "reeds",
    "zelfs",
    "ooit",
    "soms",
    "meestal",
    "eveneens",
    "tevens",
    "nog nooit",
    "inmiddels",
    "waarschijnlijk",
    "allang",
    "al",
    "niet meer",
    "nog steeds",
    "nog altijd",
];

/// Degree adverbs: a participle after one is an adjective (*zeer gefocust*).
const DEGREE_ADVERBS: &[&str] = &[
    "zeer",
    "heel",
    "erg",
    "zo",
    "te",
    "nogal",
    "vrij",
    "best",
    "uiterst",
    "enorm",
    "bijzonder",
    "minder",
    "meer",
    "steeds",
    "hoogst",
    "volledig",
    "volkomen",
    "helemaal",
];

fn direct_word(items: &[Item], k: usize) -> Option<usize> {
    match items.get(k) {
        Some(Item::W(i)) => Some(*i),
        _ => None,
    }
}

fn find_parts(ctx: &Ctx<'_>, items: &[Item], from: usize) -> Parts {
    let finite = if from == 0 {
        finite_at_main(ctx, items)
    } else {
        finite_at(ctx, &items[from..]).map(|p| p + from)
    };
    let mut nonfinite = Vec::new();

    let mut te_groups: Vec<(usize, Vec<usize>)> = Vec::new();
    let mut k = from;
    while k < items.len() {
        if Some(k) == finite {
            k += 1;
            continue;
        }
        if let Some(i) = direct_word(items, k) {
            let w = ctx.w(i);
            if w.cat == Cat::Te && direct_word(items, k + 1).is_some_and(|n| is_verbal(ctx.w(n))) {
                let mut verbs = Vec::new();
                let mut e = k + 1;
                while let Some(n) = direct_word(items, e) {
                    if !is_verbal(ctx.w(n)) {
                        break;
                    }
                    verbs.push(e);
                    e += 1;
                }
                te_groups.push((k, verbs));
                k = e;
                continue;
            }
            let after_degree = k > 0
                && direct_word(items, k - 1).is_some_and(|p| {
                    DEGREE_ADVERBS.contains(&ctx.w(p).lower.as_str()) && ctx.w(p).cat == Cat::Adv
                });
            if is_verbal(w)
                && !w.is_finite()
                && !(after_degree && w.verb_form() == Some(VerbForm::Participle))
            {
                // A participle right before a noun is an adjective.
                let before_noun = direct_word(items, k + 1)
                    .is_some_and(|n| matches!(ctx.w(n).cat, Cat::Noun | Cat::Term));
                if !before_noun {
                    nonfinite.push(k);
                }
            }
        }
        k += 1;
    }
    // The lexical verb: the last of the chain, else the finite one.
    let main = nonfinite
        .last()
        .copied()
        .or(finite)
        .and_then(|k| direct_word(items, k));
    let mut particle = None;
    if let Some(m) = main {
        let lemma = ctx.w(m).lemma().to_owned();
        // The separable particle: the last non-verb word before the verbs (or the clause end).
        let last_verb = nonfinite.first().copied().unwrap_or(items.len());
        let te_start = te_groups.first().map_or(items.len(), |g| g.0);
        let limit = last_verb.min(te_start).min(items.len());
        // Scan the middle field from the right: the particle ends it, but
        // extraposed phrases and clauses may follow (bouwt voort op …).
        for k in (from..limit).rev() {
            if Some(k) == finite {
                break;
            }
            if let Some(Item::W(i)) = items.get(k) {
                let w = ctx.w(*i);
                let candidate = matches!(
                    w.cat,
                    Cat::Particle | Cat::Adv | Cat::Adj | Cat::Noun | Cat::Prep | Cat::Unknown
                ) && !(w.cat == Cat::Prep
                    && direct_word(items, k + 1)
                        .is_some_and(|n| np_word(ctx.w(n)) || ctx.w(n).cat == Cat::Pron))
                    && !(w.cat == Cat::Noun
                        && k > 0
                        && direct_word(items, k - 1)
                            .is_some_and(|p| matches!(ctx.w(p).cat, Cat::Det | Cat::Adj)));
                if candidate && ctx.lex.separable(&w.lower, &lemma).is_some() {
                    particle = Some(k);
                    break;
                }
            }
        }
    }
    let negation = items[from..]
        .iter()
        .position(|it| matches!(it, Item::W(i) if ctx.w(*i).is("niet") && !ctx.words.get(i + 1).is_some_and(|n| matches!(n.lower.as_str(), "alleen" | "enkel" | "slechts" | "zo" | "te" | "eens" | "ver" | "lang" | "veel"))))
        .map(|p| p + from);
    let adverbs = (from..items.len())
        .filter(|&k| Some(k) != finite && finite.is_some_and(|f| k > f || from > 0))
        .filter(|&k| {
            direct_word(items, k).is_some_and(|i| {
                ctx.w(i).cat == Cat::Adv && VP_ADVERBS.contains(&ctx.w(i).lower.as_str())
            })
        })
        .collect();
    Parts {
        finite,
        nonfinite,
        te_groups,
        particle,
        negation,
        adverbs,
    }
}

/// *geen … meer*, *niet … meer*: a clause-final *meer* after a negation is
/// *anymore* (er waren geen lezingen meer → there were no lectures anymore).
fn mark_anymore(ctx: &Ctx<'_>, items: &[Item]) {
    let mut negated = false;
    for (k, it) in items.iter().enumerate() {
        let Item::W(i) = it else { continue };
        let w = ctx.w(*i);
        if matches!(
            w.lower.as_str(),
            "niet" | "geen" | "nooit" | "niemand" | "niets" | "nergens"
        ) {
            negated = true;
        }
        if negated && w.is("meer") {
            let at_end = items[k + 1..].iter().all(|x| matches!(x, Item::W(j) if matches!(ctx.w(*j).cat, Cat::Punct | Cat::Citation | Cat::Verb | Cat::Aux | Cat::Te | Cat::Particle)));
            if at_end {
                ctx.overrides.borrow_mut().insert(*i, "anymore".into());
            }
        }
    }
}

/// *er* with a preposition left at the end of the clause (*hij denkt er
/// vaak aan*, *ik ben er trots op*): the preposition becomes "*prep* it".
fn mark_er_preposition(ctx: &Ctx<'_>, items: &[Item]) {
    let Some(er) = items
        .iter()
        .position(|it| matches!(it, Item::W(i) if ctx.w(*i).is("er")))
    else {
        return;
    };
    for k in er + 1..items.len() {
        let Some(i) = direct_word(items, k) else {
            continue;
        };
        let w = ctx.w(i);
        if !matches!(w.cat, Cat::Particle | Cat::Adv | Cat::Prep)
            || w.cat == Cat::Prep
                && direct_word(items, k + 1)
                    .is_some_and(|n| np_word(ctx.w(n)) || ctx.w(n).cat == Cat::Pron)
        {
            continue;
        }
        let stranded = items[k + 1..].iter().all(|x| matches!(x, Item::W(j) if matches!(ctx.w(*j).cat, Cat::Punct | Cat::Citation | Cat::Verb | Cat::Aux | Cat::Te)));
        if !stranded {
            continue;
        }
        if let Some((_, e)) = ctx.lex.get(&w.lower, Pos::Prep) {
            ctx.overrides.borrow_mut().insert(i, format!("{} it", e.en));
        }
        return;
    }
}

fn order(ctx: &Ctx<'_>, cl: &Clause) -> Vec<Out> {
    mark_anymore(ctx, &cl.items);
    mark_er_preposition(ctx, &cl.items);

    match cl.kind {
        ClauseKind::Main => order_main(ctx, cl),
        ClauseKind::Sub => order_sub(ctx, cl),
        ClauseKind::Om => order_om(ctx, cl),
    }
}

fn items_out(ctx: &Ctx<'_>, items: &[Item], skip: &[usize], role: &Role) -> Vec<Out> {
    let mut out = Vec::new();
    for (k, it) in items.iter().enumerate() {
        if skip.contains(&k) {
            continue;
        }
        match it {
            Item::W(i) => out.extend(word_out(ctx, *i, role)),
            Item::C(c) => out.extend(order(ctx, c)),
        }
    }
    out
}

/// Agreement of a subject (item range) with the finite verb.
fn agreement(ctx: &Ctx<'_>, subj: &[Item], finite: Option<usize>) -> Agr {
    let plural_verb = finite.is_some_and(|f| {
        let w = ctx.w(f);
        matches!(
            w.verb_form(),
            Some(VerbForm::PastPlural | VerbForm::Infinitive)
        )
    });
    if let [Item::W(i)] = subj {
        match ctx.w(*i).lower.as_str() {
            "ik" => {
                return Agr {
                    person: 1,
                    plural: false,
                };
            }
            "jij" | "je" | "u" => {
                return Agr {
                    person: 2,
                    plural: false,
                };
            }
            "wij" | "we" => {
                return Agr {
                    person: 1,
                    plural: true,
                };
            }
            "jullie" => {
                return Agr {
                    person: 2,
                    plural: true,
                };
            }
            "hij" | "het" | "men" => {
                return Agr {
                    person: 3,
                    plural: plural_verb,
                };
            }
            _ => {}
        }
    }
    let coordinated = subj
        .iter()
        .any(|it| matches!(it, Item::W(i) if ctx.w(*i).is("en")));
    Agr {
        person: 3,
        plural: plural_verb || (finite.is_none() && coordinated),
    }
}

fn future_marked(ctx: &Ctx<'_>, items: &[Item]) -> bool {
    items
        .iter()
        .any(|it| matches!(it, Item::W(i) if FUTURE_MARKERS.contains(&ctx.w(*i).lower.as_str())))
}

fn order_main(ctx: &Ctx<'_>, cl: &Clause) -> Vec<Out> {
    let items = &cl.items;
    let mut parts = find_parts(ctx, items, 0);
    // `zijn` read as "his" in a clause with no finite verb is the verb (Dit zijn andere mensen).
    if parts.finite.is_none()
        && let Some(k) = items.iter().position(
            |it| matches!(it, Item::W(i) if ctx.w(*i).is("zijn") && ctx.w(*i).cat == Cat::Det),
        )
        && k > 0
    {
        let mut o = Vec::new();
        o.extend(items_out(ctx, &items[..k], &[], &Role::default()));
        let agr = agreement(ctx, &items[..k], None);
        o.push(Out::insert(
            if agr.plural || k > 1 || is_plural_np(ctx, &items[..k]) {
                "are"
            } else {
                "is"
            },
        ));
        let mut copy = items[k + 1..].to_vec();
        let _ = &mut copy;
        o.extend(items_out(
            ctx,
            &items[k + 1..],
            &[],
            &Role {
                copula: true,
                ..Role::default()
            },
        ));
        return o;
    }
    let Some(f) = parts.finite else {
        // A fragment (headline, dateline): words in order, te-groups as to + verb.
        return items_out(ctx, items, &[], &Role::default());
    };
    let c1 = &items[..f];
    let fw = direct_word(items, f).unwrap();
    let wh_first = ctx.question
        && direct_word(c1, 0).is_some_and(|i| WH_WORDS.contains(&ctx.w(i).lower.as_str()));
    // A question word that is the subject keeps subject order: Wie heeft het
    // rapport geschreven? → Who has written the report? (a personal pronoun
    // after the verb makes it an object question).
    let wh_subject = wh_first
        && direct_word(c1, 0).is_some_and(|i| {
            let l = ctx.w(i).lower.as_str();
            // A pronoun or a name after the verb is the subject: Hoeveel
            // inwoners heeft Kiev? Welke partij steunt hij?
            let subject_follows = direct_word(items, f + 1).is_some_and(|n| {
                let w = ctx.w(n);
                w.cat == Cat::Pron
                    || w.cat == Cat::Name
                    || matches!(w.term_kind, Some(Kind::Person | Kind::Place | Kind::Org))
            });
            matches!(l, "wie" | "wat" | "welke" | "welk" | "hoeveel")
                && !subject_follows
                && (l != "wat" || np_end(ctx, items, f + 1) == f + 1)
        });
    let wh = wh_first && !wh_subject && (c1.len() == 1 || np_end(ctx, c1, 1) == c1.len());
    // Existential "there" only with be: er werken duizend mensen → a thousand people work.
    let lexical_lemma = parts
        .nonfinite
        .last()
        .and_then(|&k| direct_word(items, k))
        .map_or_else(
            || ctx.w(fw).lemma().to_owned(),
            |i| ctx.w(i).lemma().to_owned(),
        );
    let be_only = lexical_lemma == "zijn";

    let mut skip: Vec<usize> = vec![f];
    let mut out = Vec::new();
    let (subj, inverted): (Vec<Item>, bool);
    let mut expletive = false;
    if c1.is_empty() {
        // V1: a question, or a coordinated clause sharing its subject.
        let e = np_end(ctx, items, f + 1);
        if ctx.question || direct_word(items, f + 1).is_some_and(|i| ctx.w(i).cat == Cat::Pron) {
            subj = items[f + 1..e].to_vec();
            skip.extend(f + 1..e);
        } else {
            subj = Vec::new();
        }
        inverted = ctx.question;
    } else if c1.len() == 1 && direct_word(c1, 0).is_some_and(|i| ctx.w(i).is("er")) && be_only {
        expletive = true;
        subj = Vec::new();
        inverted = false;
    } else if c1.len() == 1 && direct_word(c1, 0).is_some_and(|i| ctx.w(i).is("er")) {
        // Er + another verb: the subject after the verb becomes the subject.
        let r = inverted_subject(ctx, items, f + 1);
        subj = items[r.clone()].to_vec();
        skip.extend(r);
        inverted = true;
    } else if wh_subject {
        subj = c1.to_vec();
        inverted = false;
    } else if c1_is_subject(ctx, c1) && !wh {
        // English puts no comma between a subject's relative clause and its verb.
        let mut s = c1.to_vec();
        if before_relative(ctx, c1) < c1.len()
            && let Some(Item::W(i)) = s.last()
            && ctx.w(*i).is(",")
        {
            s.pop();
        }
        subj = s;
        inverted = false;
    } else {
        // Inversion after a fronted constituent: the subject follows the verb.
        let e = subject_end(ctx, items, f + 1);
        if direct_word(items, f + 1).is_some_and(|i| ctx.w(i).is("er")) && be_only {
            expletive = true;
            skip.push(f + 1);
            subj = Vec::new();
        } else if direct_word(items, f + 1).is_some_and(|i| ctx.w(i).is("er")) {
            let e = subject_end(ctx, items, f + 2);
            skip.push(f + 1);
            subj = items[f + 2..e].to_vec();
            skip.extend(f + 2..e);
        } else {
            let r = if e > f + 1 {
                f + 1..e
            } else {
                inverted_subject(ctx, items, f + 1)
            };
            subj = items[r.clone()].to_vec();
            skip.extend(r);
        }
        inverted = true;
    }
    let agr = if expletive {
        agreement(ctx, &[], Some(fw))
    } else {
        agreement(ctx, &subj, Some(fw))
    };
    skip.extend(parts.nonfinite.iter().copied());
    skip.extend(parts.adverbs.iter().copied());
    if let Some(p) = parts.particle {
        skip.push(p);
    }
    let mut neg = parts.negation.is_some();
    if let Some(n) = parts.negation {
        // "niet" inside the subject or the fronted part stays where it is.
        if n < f || skip.contains(&n) {
            neg = false;
        } else {
            skip.push(n);
        }
    }
    let te: Vec<usize> = parts
        .te_groups
        .iter()
        .flat_map(|g| std::iter::once(g.0).chain(g.1.iter().copied()))
        .collect();
    skip.extend(te.iter().copied());
    let question = (c1.is_empty() && ctx.question) || wh;
    let copula = COPULAS.contains(&ctx.w(fw).lemma());
    let vp = verb_phrase(
        ctx,
        items,
        &parts,
        agr,
        neg,
        question,
        future_marked(ctx, items),
    );

    // Assemble: [C1] [aux if question] subject VP middle.
    if !c1.is_empty() && (inverted || expletive) && !c1_is_subject(ctx, c1) && !wh_subject || wh {
        out.extend(items_out(ctx, c1, &[], &Role::default()));
    }
    let subj_role = Role {
        agr: Some(agr),
        subject: true,
        copula,
        adverbial: false,
    };
    if question && !vp.pre.is_empty() {
        out.extend(vp.pre.clone());
    }
    if expletive {
        out.push(Out::insert("there"));
    } else {
        out.extend(items_out(ctx, &subj, &[], &subj_role));
    }
    out.extend(if question { vp.post.clone() } else { vp.all() });
    // Pronoun objects right after the verb stay with it; a te-infinitive follows them.
    let rest: Vec<usize> = (f + 1..items.len()).filter(|k| !skip.contains(k)).collect();
    let role = Role {
        agr: Some(agr),
        copula,
        adverbial: adverbial_clause(ctx, items, &parts),
        ..Role::default()
    };
    if let Some((te_k, verbs)) = parts.te_groups.first().cloned() {
        let objects: Vec<usize> = rest
            .iter()
            .copied()
            .take_while(|&k| direct_word(items, k).is_some_and(|i| ctx.w(i).cat == Cat::Pron))
            .collect();
        for &k in &objects {
            out.extend(item_out(ctx, &items[k], &role));
        }
        let mut inf_middle: Vec<usize> = rest
            .iter()
            .copied()
            .filter(|k| *k < te_k && !objects.contains(k))
            .collect();
        let after: Vec<usize> = rest.iter().copied().filter(|k| *k > te_k).collect();
        out.extend(te_infinitive(ctx, items, &verbs, &mut inf_middle));
        for k in inf_middle {
            out.extend(item_out(ctx, &items[k], &role));
        }
        for k in after {
            out.extend(item_out(ctx, &items[k], &role));
        }
        for g in parts.te_groups.iter().skip(1) {
            out.extend(te_infinitive(ctx, items, &g.1, &mut Vec::new()));
        }
    } else {
        for k in time_last(ctx, items, &rest) {
            out.extend(item_out(ctx, &items[k], &role));
        }
    }
    if cl.kind == ClauseKind::Main {
        parts.nonfinite.clear();
    }
    out
}

/// Does the clause's lexical verb take adverbs (not a copula, not a verb
/// with an adjective complement like *maken*, *vinden*)?
fn adverbial_clause(ctx: &Ctx<'_>, items: &[Item], parts: &Parts) -> bool {
    let main = parts
        .nonfinite
        .last()
        .copied()
        .or(parts.finite)
        .and_then(|k| direct_word(items, k));
    main.is_some_and(|m| {
        let l = ctx.w(m).lemma();
        !COPULAS.contains(&l)
            && !COMPLEMENT_VERBS.contains(&l)
            && !matches!(l, "hebben" | "zijn" | "worden")
    })
}

fn item_out(ctx: &Ctx<'_>, it: &Item, role: &Role) -> Vec<Out> {
    match it {
        Item::W(i) => word_out(ctx, *i, role),
        Item::C(c) => order(ctx, c),
    }
}

fn is_plural_np(ctx: &Ctx<'_>, items: &[Item]) -> bool {
    items.iter().any(|it| matches!(it, Item::W(i) if matches!(ctx.w(*i).reading().map(|r| r.feats), Some(Feats::Noun { plural: true, .. }))))
        || items.iter().any(|it| matches!(it, Item::W(i) if ctx.w(*i).term_kind == Some(Kind::Demonym)))
}

fn order_sub(ctx: &Ctx<'_>, cl: &Clause) -> Vec<Out> {
    let items = &cl.items;
    let tail = cl.tail.unwrap_or(items.len());
    let body = &items[..tail];
    let parts = find_parts(ctx, body, 1);
    let Item::W(op) = items[0] else {
        unreachable!("a sub clause starts with its opener")
    };
    let opener = ctx.w(op);
    let mut out = Vec::new();
    let mut skip: Vec<usize> = vec![0];
    // Subject: the relative pronoun itself, unless a subject pronoun follows.
    let rel_subject = opener.cat == Cat::Rel
        && matches!(
            opener.lower.as_str(),
            "die" | "dat" | "wat" | "welke" | "wie"
        )
        && !direct_word(body, 1).is_some_and(|i| {
            ctx.w(i).cat == Cat::Pron && SUBJECT_PRONOUNS.contains(&ctx.w(i).lower.as_str())
        })
        && !object_relative(ctx, op, body);
    let mut subj: Vec<Item> = Vec::new();
    let mut expletive = false;
    let lexical_lemma = parts
        .nonfinite
        .last()
        .copied()
        .or(parts.finite)
        .and_then(|k| direct_word(body, k))
        .map(|i| ctx.w(i).lemma().to_owned());
    if !rel_subject {
        if direct_word(body, 1).is_some_and(|i| ctx.w(i).is("er"))
            && lexical_lemma.as_deref() == Some("zijn")
        {
            expletive = true;
            skip.push(1);
        } else if direct_word(body, 1).is_some_and(|i| ctx.w(i).is("er")) {
            // dat er een bom ontplofte → that a bomb exploded.
            skip.push(1);
            let r = inverted_subject(ctx, body, 2);
            subj = body[r.clone()].to_vec();
            skip.extend(r);
        } else {
            let e = subject_end(ctx, body, 1);
            subj = body[1..e].to_vec();
            skip.extend(1..e);
        }
    }
    let fin = parts.finite.and_then(|k| direct_word(body, k));
    let agr = if rel_subject {
        agreement(ctx, &[], fin)
    } else {
        agreement(ctx, &subj, fin)
    };
    let opener_role = Role {
        agr: Some(agr),
        subject: rel_subject,
        ..Role::default()
    };
    match opener.lower.as_str() {
        // als, of with a clause: "if", "whether" (als without one is "as").
        "als" | "indien" => out.push(Out {
            text: "if".into(),
            word: Some(op),
            ..Out::default()
        }),
        "of" => out.push(Out {
            text: "whether".into(),
            word: Some(op),
            ..Out::default()
        }),
        _ => out.extend(word_out(ctx, op, &opener_role)),
    }
    if expletive {
        out.push(Out::insert("there"));
    }
    out.extend(items_out(
        ctx,
        &subj,
        &[],
        &Role {
            agr: Some(agr),
            subject: true,
            ..Role::default()
        },
    ));
    if let Some(f) = parts.finite {
        skip.push(f);
    }
    skip.extend(parts.nonfinite.iter().copied());
    skip.extend(parts.adverbs.iter().copied());
    if let Some(p) = parts.particle {
        skip.push(p);
    }
    let neg = parts.negation.filter(|n| !skip.contains(n));
    if let Some(n) = neg {
        skip.push(n);
    }
    let te: Vec<usize> = parts
        .te_groups
        .iter()
        .flat_map(|g| std::iter::once(g.0).chain(g.1.iter().copied()))
        .collect();
    skip.extend(te.iter().copied());
    let copula = fin.is_some_and(|f| COPULAS.contains(&ctx.w(f).lemma()));
    if parts.finite.is_some() || !parts.nonfinite.is_empty() {
        let vp = verb_phrase(
            ctx,
            body,
            &parts,
            agr,
            neg.is_some(),
            false,
            future_marked(ctx, body),
        );
        out.extend(vp.all());
    }
    let role = Role {
        agr: Some(agr),
        copula,
        adverbial: adverbial_clause(ctx, body, &parts),
        ..Role::default()
    };
    let middle: Vec<usize> = (0..body.len()).filter(|k| !skip.contains(k)).collect();
    for k in time_last(ctx, body, &middle) {
        out.extend(item_out(ctx, &body[k], &role));
    }

    for g in &parts.te_groups {
        out.extend(te_infinitive(ctx, body, &g.1, &mut Vec::new()));
    }
    // The extraposed te-infinitive: "to" + verb + its objects.
    if tail < items.len() {
        let rest = &items[tail..];
        let te_k = rest
            .iter()
            .position(|it| matches!(it, Item::W(i) if ctx.w(*i).cat == Cat::Te))
            .unwrap_or(rest.len());
        let verbs: Vec<usize> = (te_k + 1..rest.len()).collect();
        let mut middle: Vec<usize> = (0..te_k).collect();
        out.extend(te_infinitive(ctx, rest, &verbs, &mut middle));
        for k in middle {
            out.extend(item_out(ctx, &rest[k], &Role::default()));
        }
    }
    out
}

/// `om … te V`: *to V …*.
fn order_om(ctx: &Ctx<'_>, cl: &Clause) -> Vec<Out> {
    let items = &cl.items;
    let te_k = items
        .iter()
        .position(|it| matches!(it, Item::W(i) if ctx.w(*i).cat == Cat::Te))
        .unwrap_or(items.len());
    let verbs: Vec<usize> = (te_k + 1..items.len())
        .filter(|&k| direct_word(items, k).is_some_and(|i| is_verbal(ctx.w(i))))
        .collect();
    let mut middle: Vec<usize> = (1..te_k).collect();
    let mut out = Vec::new();
    let particle = particle_before(ctx, items, te_k, &verbs);
    if let Some(p) = particle {
        middle.retain(|&k| k != p);
    }
    let neg = middle
        .iter()
        .position(|&k| direct_word(items, k).is_some_and(|i| ctx.w(i).is("niet")));
    if let Some(n) = neg {
        middle.remove(n);
        out.push(Out::insert("not"));
    }
    out.extend(te_infinitive(ctx, items, &verbs, &mut middle));
    for k in middle {
        out.extend(item_out(ctx, &items[k], &Role::default()));
    }
    let after: Vec<usize> = (te_k + 1..items.len())
        .filter(|k| !verbs.contains(k))
        .collect();
    for k in after {
        out.extend(item_out(ctx, &items[k], &Role::default()));
    }
    out
}

/// The separable particle right before item `before` for the last verb.
fn particle_before(ctx: &Ctx<'_>, items: &[Item], before: usize, verbs: &[usize]) -> Option<usize> {
    let v = verbs.last().and_then(|&k| direct_word(items, k))?;
    let k = before.checked_sub(1)?;
    let p = direct_word(items, k)?;
    ctx.lex
        .separable(&ctx.w(p).lower, ctx.w(v).lemma())
        .map(|_| k)
}

/// *to* + verb(s) of a te-group; a separable particle among `middle` joins it.
fn te_infinitive(
    ctx: &Ctx<'_>,
    items: &[Item],
    verbs: &[usize],
    middle: &mut Vec<usize>,
) -> Vec<Out> {
    let Some(&last) = verbs.last() else {
        return Vec::new();
    };
    let Some(v) = direct_word(items, last) else {
        return Vec::new();
    };
    let first_verb = verbs[0];
    let particle = first_verb.checked_sub(2).and_then(|k| {
        // items: … particle te verb
        let p = direct_word(items, k)?;
        ctx.lex
            .separable(&ctx.w(p).lower, ctx.w(v).lemma())
            .map(|_| (k, p))
    });
    // The particle joins the verb; it is no longer part of the middle field.
    let particle = particle.map(|(k, p)| {
        middle.retain(|&m| m != k);
        p
    });
    let en = lexical_verb_en(ctx, v, particle);
    let mut out = Vec::new();
    // niet right before the infinitive: "not to" (besloot niet te reageren).
    let before = first_verb.checked_sub(if particle.is_some() { 3 } else { 2 });
    if let Some(k) = before
        && middle.contains(&k)
        && direct_word(items, k).is_some_and(|n| ctx.w(n).is("niet"))
    {
        middle.retain(|&m| m != k);
        out.push(Out {
            text: "not".into(),
            word: direct_word(items, k),
            ..Out::default()
        });
    }
    out.push(Out::insert("to"));

    out.push(Out {
        text: en,
        word: Some(v),
        ..Out::default()
    });
    if let Some(p) = particle {
        // The particle is consumed by the verb.
        out.push(Out {
            text: String::new(),
            word: Some(p),
            ..Out::default()
        });
    }
    out
}

// ---------------------------------------------------------------- verbs

/// The English of a verb phrase: words before the subject (question
/// inversion) and after it.
#[derive(Clone, Default)]
struct Vp {
    pre: Vec<Out>,
    post: Vec<Out>,
}

impl Vp {
    fn all(&self) -> Vec<Out> {
        self.pre.iter().chain(self.post.iter()).cloned().collect()
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Need {
    Finite { past: bool },
    Base,
    Participle,
    Gerund,
}

/// English *be* for an agreement and tense.
fn be(agr: Agr, past: bool) -> &'static str {
    match (past, agr.person, agr.plural) {
        (false, 1, false) => "am",
        (false, 3, false) => "is",
        (false, _, _) => "are",
        (true, 1 | 3, false) => "was",
        (true, _, _) => "were",
    }
}

fn have(agr: Agr, past: bool) -> &'static str {
    if past {
        "had"
    } else if agr.person == 3 && !agr.plural {
        "has"
    } else {
        "have"
    }
}

/// The English lemma of a lexical verb (joined with its separable particle).
fn lexical_verb_en(ctx: &Ctx<'_>, v: usize, particle: Option<usize>) -> String {
    let w = ctx.w(v);
    let lemma = w.lemma();
    if let Some(p) = particle
        && let Some((_, e)) = ctx.lex.separable(&ctx.w(p).lower, lemma)
    {
        return e.en.clone();
    }
    match lemma {
        "zijn" => return "be".into(),
        "hebben" => return "have".into(),
        "worden" => return "become".into(),
        _ => {}
    }
    if let Some(e) = w
        .reading()
        .and_then(|r| r.entry)
        .map(|id| ctx.lex.entry(id))
        && e.pos.is_verbal()
    {
        return e.en.clone();
    }
    if let Some((_, e)) = ctx
        .lex
        .get(lemma, Pos::Verb)
        .or_else(|| ctx.lex.get(lemma, Pos::Aux))
    {
        return e.en.clone();
    }
    match lemma {
        "zijn" => "be".into(),
        "hebben" => "have".into(),
        "worden" => "become".into(),
        _ => w.text.clone(),
    }
}

fn verb_form_en(ctx: &Ctx<'_>, en: &str, need: Need, agr: Agr) -> String {
    let irr = &ctx.lex.english;
    match need {
        Need::Finite { past: false } => {
            if en == "be" {
                be(agr, false).into()
            } else if agr.person == 3 && !agr.plural {
                english::third_singular(en)
            } else {
                en.into()
            }
        }
        Need::Finite { past: true } => {
            if en == "be" {
                be(agr, true).into()
            } else {
                english::past(irr, en)
            }
        }
        Need::Base => en.into(),
        Need::Participle => english::participle(irr, en),
        Need::Gerund => english::gerund(en),
    }
}

fn is_past(w: &Word) -> bool {
    matches!(
        w.verb_form(),
        Some(VerbForm::PastSingular | VerbForm::PastPlural)
    )
}

/// Build the English verb phrase of a clause from its finite verb and verb
/// cluster, with negation (*not*, do-support), question inversion and a
/// Dutch present used as a future.
fn verb_phrase(
    ctx: &Ctx<'_>,
    items: &[Item],
    parts: &Parts,
    agr: Agr,
    neg: bool,
    question: bool,
    future: bool,
) -> Vp {
    // The chain in dependency order: finite, auxiliaries, lexical verb(s).
    let mut chain: Vec<usize> = Vec::new();
    if let Some(f) = parts.finite.and_then(|k| direct_word(items, k)) {
        chain.push(f);
    }
    let nonfinite: Vec<usize> = parts
        .nonfinite
        .iter()
        .filter_map(|&k| direct_word(items, k))
        .collect();
    let (aux, lexical): (Vec<usize>, Vec<usize>) = nonfinite.iter().partition(|&&i| {
        let w = ctx.w(i);
        w.cat == Cat::Aux
            && (w.verb_form() == Some(VerbForm::Infinitive)
                || matches!(w.lemma(), "zijn" | "worden"))
    });
    // Auxiliary participles (geweest, geworden) go after auxiliary infinitives.
    let (aux_inf, aux_part): (Vec<usize>, Vec<usize>) = aux
        .iter()
        .partition(|&&i| ctx.w(i).verb_form() == Some(VerbForm::Infinitive));
    chain.extend(aux_inf);
    chain.extend(aux_part);
    chain.extend(lexical);
    let particle = parts.particle.and_then(|k| direct_word(items, k));
    let Some(&head) = chain.first() else {
        return Vp::default();
    };
    let mut words: Vec<Out> = Vec::new();
    let finite_past = is_past(ctx.w(head));
    let mut need = if parts.finite.is_some() {
        Need::Finite { past: finite_past }
    } else {
        Need::Base
    };
    let modal_head = matches!(
        ctx.w(head).lemma(),
        "zullen" | "kunnen" | "moeten" | "mogen" | "willen" | "hoeven"
    );
    if future && !modal_head && need == (Need::Finite { past: false }) {
        words.push(Out::insert("will"));
        need = Need::Base;
    }
    let last = chain.len() - 1;
    for (pos, &v) in chain.iter().enumerate() {
        let w = ctx.w(v);
        let lemma = w.lemma().to_owned();
        let next = chain.get(pos + 1).map(|&n| ctx.w(n));
        let next_is_participle = next.is_some_and(|n| n.verb_form() == Some(VerbForm::Participle));
        let next_is_inf = next.is_some_and(|n| n.verb_form() == Some(VerbForm::Infinitive));
        let finite = matches!(need, Need::Finite { .. });
        let past = matches!(need, Need::Finite { past: true });
        let mut push = |text: String| {
            words.push(Out {
                text,
                word: Some(v),
                ..Out::default()
            });
        };
        if pos < last {
            if let Some((_, [present, past, participle, other])) =
                MODALS.iter().find(|(m, _)| *m == lemma)
            {
                push(
                    match need {
                        Need::Finite { past: false } => present,
                        Need::Finite { past: true } => past,
                        Need::Participle => participle,
                        _ => other,
                    }
                    .to_string(),
                );
                need = Need::Base;
                continue;
            }
            match lemma.as_str() {
                "mogen" => {
                    push(match need {
                        Need::Finite { past: false } => "may".into(),
                        Need::Finite { past: true } => format!("{} allowed to", be(agr, true)),
                        Need::Participle => "been allowed to".into(),
                        _ => "be allowed to".into(),
                    });
                    need = Need::Base;
                    continue;
                }
                "willen" | "hoeven" => {
                    let en = if lemma == "willen" { "want" } else { "need" };
                    push(format!("{} to", verb_form_en(ctx, en, need, agr)));
                    need = Need::Base;
                    continue;
                }
                "hebben" if next_is_participle => {
                    push(match need {
                        Need::Finite { past } => have(agr, past).into(),
                        Need::Participle => "had".into(),
                        _ => "have".into(),
                    });
                    need = Need::Participle;
                    continue;
                }
                "zijn" if next_is_participle => {
                    let part_lemma = next.map(|n| n.lemma().to_owned()).unwrap_or_default();
                    let base_lemma = ctx
                        .lex
                        .lookup(&part_lemma)
                        .find_map(|(_, e)| e.base_verb().map(str::to_owned))
                        .unwrap_or(part_lemma.clone());
                    if ZIJN_VERBS.contains(&part_lemma.as_str())
                        || ZIJN_VERBS.contains(&base_lemma.as_str())
                    {
                        // Perfect: is gekomen → has come.
                        push(match need {
                            Need::Finite { past } => have(agr, past).into(),
                            _ => "have".into(),
                        });
                    } else {
                        // Perfect passive: is gearresteerd → has been
                        // arrested; was gearresteerd → was arrested.
                        push(match need {
                            Need::Finite { past: false } => format!("{} been", have(agr, false)),
                            Need::Finite { past: true } => be(agr, true).into(),
                            _ => "have been".into(),
                        });
                    }
                    need = Need::Participle;
                    continue;
                }
                "worden" if next_is_participle => {
                    push(match need {
                        Need::Finite { past } => be(agr, past).into(),
                        Need::Participle => "been".into(),
                        Need::Gerund => "being".into(),
                        Need::Base => "be".into(),
                    });
                    need = Need::Participle;
                    continue;
                }
                "gaan" if next_is_inf => {
                    push(match need {
                        Need::Finite { past } => format!("{} going to", be(agr, past)),
                        _ => "be going to".into(),
                    });
                    need = Need::Base;
                    continue;
                }
                "blijven" if next_is_participle => {
                    // blijft gevangen → remains trapped: a predicative participle.
                    push(verb_form_en(ctx, "remain", need, agr));
                    need = Need::Participle;
                    continue;
                }
                "blijven" if next_is_inf => {
                    push(verb_form_en(ctx, "keep", need, agr));
                    need = Need::Gerund;
                    continue;
                }
                "laten" if next_is_inf => {
                    push(verb_form_en(ctx, "let", need, agr));
                    need = Need::Base;
                    continue;
                }
                "komen" if next_is_inf => {
                    push(format!("{} to", verb_form_en(ctx, "come", need, agr)));
                    need = Need::Base;
                    continue;
                }
                _ => {}
            }
        }
        // The lexical verb (or a main-verb zijn/hebben/worden).
        let p = if pos == last { particle } else { None };
        let en = lexical_verb_en(ctx, v, p);
        if finite && (neg || question) && !matches!(en.as_str(), "be") && !en.starts_with("be ") {
            // do-support: does not refuse / does he come?
            words.push(Out::insert(if past {
                "did"
            } else if agr.person == 3 && !agr.plural {
                "does"
            } else {
                "do"
            }));
            need = Need::Base;
        }
        let text = verb_form_en(ctx, &en, need, agr);
        words.push(Out {
            text,
            word: Some(v),
            ..Out::default()
        });
        if let Some(p) = p {
            words.push(Out {
                text: String::new(),
                word: Some(p),
                ..Out::default()
            });
        }
        // Verbs the chain did not expect after the lexical one are not lost.
        for &rest in &chain[pos + 1..] {
            let r = ctx.w(rest);
            let en = lexical_verb_en(ctx, rest, None);
            let form = if r.verb_form() == Some(VerbForm::Participle) {
                Need::Participle
            } else {
                Need::Base
            };
            words.push(Out {
                text: verb_form_en(ctx, &en, form, agr),
                word: Some(rest),
                ..Out::default()
            });
        }
        break;
    }
    // A multi-word auxiliary (has been, had to, is going to) opens up after
    // its first word for not, adverbs and question inversion.
    let auxiliary = |t: &str| {
        matches!(
            t,
            "am" | "is"
                | "are"
                | "was"
                | "were"
                | "have"
                | "has"
                | "had"
                | "will"
                | "would"
                | "can"
                | "could"
                | "may"
                | "might"
                | "must"
                | "be"
                | "been"
        )
    };
    if let Some(first) = words.first_mut()
        && first.word.is_some()
        && let Some((aux, rest)) = first.text.clone().split_once(' ')
        && auxiliary(aux)
    {
        let w = first.word;
        first.text = aux.to_owned();
        words.insert(
            1,
            Out {
                text: rest.to_owned(),
                word: w,
                ..Out::default()
            },
        );
    }
    if neg && words.len() >= 2 && words[0].text == "had" && words[1].text == "to" {
        // had to → did not have to.
        words[0].text = "did".into();
        words[1].text = "have to".into();
        words.insert(1, Out::insert("not"));
    } else if neg {
        // not after the first auxiliary.
        let at = 1.min(words.len());
        words.insert(at, Out::insert("not"));
    }

    // Frequency and focus adverbs: after the first auxiliary (has never
    // refused), before a lone lexical verb (never refused), after a lone be
    // (is also ready), before the auxiliary with a negation (also does not).
    if !parts.adverbs.is_empty() {
        let be_forms = ["am", "is", "are", "was", "were"];
        let visible = words.iter().filter(|w| !w.text.is_empty()).count();
        let at = if neg {
            0
        } else if visible == 1 {
            usize::from(be_forms.contains(&words[0].text.as_str()))
        } else {
            1
        };
        for (n, &k) in parts.adverbs.iter().enumerate() {
            if let Some(i) = direct_word(items, k) {
                let mut o = word_out(ctx, i, &Role::default());
                let o = o.remove(0);
                words.insert(at + n, o);
            }
        }
    }
    let aux_words = [
        "am", "is", "are", "was", "were", "have", "has", "had", "do", "does", "did", "can",
        "could", "will", "would", "may", "might", "must", "shall", "should",
    ];
    let first_word = |w: &Out| w.text.split(' ').next().unwrap_or("").to_owned();
    if question
        && (words.len() > 1
            || words
                .first()
                .is_some_and(|w| aux_words.contains(&first_word(w).as_str())))
    {
        // Only the first auxiliary goes before the subject: has … been
        // signed, is … going to.
        let mut first = words.remove(0);
        if let Some((aux, rest)) = first.text.split_once(' ') {
            let rest = Out {
                text: rest.to_owned(),
                word: first.word,
                ..Out::default()
            };
            first.text = aux.to_owned();
            words.insert(0, rest);
        }
        return Vp {
            pre: vec![first],
            post: words,
        };
    }

    Vp {
        pre: Vec::new(),
        post: words,
    }
}

// ---------------------------------------------------------------- words

fn format_number(s: &str) -> String {
    // Dutch 1.234,5 → English 1,234.5; 3,5 → 3.5; 1.000 → 1,000.
    let groups_ok = |int: &str| {
        let parts: Vec<&str> = int.split('.').collect();
        parts.len() > 1
            && parts[1..]
                .iter()
                .all(|p| p.len() == 3 && p.chars().all(|c| c.is_ascii_digit()))
            && parts[0].len() <= 3
    };
    let (int, frac) = match s.rsplit_once(',') {
        Some((i, f)) if f.chars().all(|c| c.is_ascii_digit()) && !f.is_empty() => (i, Some(f)),
        _ => (s, None),
    };
    let int_en = if groups_ok(int) {
        int.replace('.', ",")
    } else if frac.is_none() && int.contains('.') {
        return s.to_owned(); // 19.30 (a time), 1.5 (unclear): leave as written
    } else {
        int.to_owned()
    };
    match frac {
        Some(f) => format!("{int_en}.{f}"),
        None => int_en,
    }
}

fn capital(s: &str) -> String {
    english::adverb("");
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The English of one source word in its role.
fn word_out(ctx: &Ctx<'_>, i: usize, role: &Role) -> Vec<Out> {
    let w = ctx.w(i);
    let mut o = Out {
        word: Some(i),
        ..Out::default()
    };
    if let Some(text) = ctx.overrides.borrow().get(&i) {
        o.text = text.clone();
        return vec![o];
    }
    if let Some(c) = &w.compound {
        return compound_out(ctx, i, c);
    }
    if let Some(tf) = w.term_form {
        let en = &ctx.glossary.entry(tf.entry).en;
        o.text = if tf.plural {
            english::plural(&ctx.lex.english, en)
        } else {
            en.clone()
        };
        o.term = Some((tf.entry, w.span.clone()));
        return vec![o];
    }
    match w.cat {
        Cat::Term => {
            o.hit = w.hit;
            o.text = w.text.clone(); // replaced by the glossary English in generation
            return vec![o];
        }
        Cat::Punct | Cat::Citation => {
            o.text = w.text.clone();
            let opening = matches!(w.text.as_str(), "‘" | "“" | "(" | "[" | "„" | "«");
            let closing = matches!(
                w.text.as_str(),
                "’" | "”" | ")" | "]" | "»" | "," | "." | ";" | ":" | "?" | "!" | "%" | "…"
            );
            o.glue_left = closing || !w.space_before;
            o.glue_right = opening;
            if matches!(w.text.as_str(), "\"" | "'") {
                o.glue_left = !w.space_before;
                o.glue_right = w.space_before;
            }
            if w.cat == Cat::Citation {
                o.glue_left = !w.space_before;
            }
            return vec![o];
        }
        Cat::Num => {
            o.text = format_number(&w.text);
            // 19.30 uur → 19:30.
            if ctx.words.get(i + 1).is_some_and(|n| n.is("uur"))
                && let Some((h, m)) = w.text.split_once(['.', ':'])
                && h.len() <= 2
                && m.len() == 2
                && h.chars().chain(m.chars()).all(|c| c.is_ascii_digit())
            {
                o.text = format!("{h}:{m}");
                ctx.overrides.borrow_mut().insert(i + 1, String::new());
                return vec![o];
            }

            if w.token == TokenKind::Word {
                o.text = w.reading().and_then(|r| r.entry).map_or_else(
                    || {
                        super::numbers::parse(&w.lower)
                            .map_or(w.text.clone(), super::numbers::english)
                    },
                    |id| ctx.lex.entry(id).en.clone(),
                );

                // duizend mensen → a thousand people (no number before it).
                let prev_num = i > 0 && matches!(ctx.w(i - 1).cat, Cat::Num | Cat::Det);
                if !prev_num && matches!(o.text.as_str(), "hundred" | "thousand") {
                    o.text = format!("a {}", o.text);
                }
                // miljarden euro's → billions of euros.

                let next_nominal = ctx
                    .words
                    .get(i + 1)
                    .is_some_and(|n| matches!(n.cat, Cat::Noun | Cat::Adj | Cat::Term));
                if w.lower.ends_with("en") && o.text.ends_with('s') && next_nominal {
                    o.text.push_str(" of");
                }
            }
            return vec![o];
        }
        Cat::Name => {
            o.text = w.text.clone();
            return vec![o];
        }
        Cat::Unknown => {
            o.text = w.text.clone();
            o.unknown = w.token == TokenKind::Word;
            return vec![o];
        }
        Cat::Te | Cat::Om => {
            o.text = "to".into();
            return vec![o];
        }
        _ => {}
    }
    if w.token == TokenKind::Abbreviation
        && let Some((_, en)) = ABBREVIATIONS.iter().find(|(nl, _)| *nl == w.lower)
    {
        o.text = (*en).to_owned();
        return vec![o];
    }
    let Some(r) = w.reading() else {
        o.text = w.text.clone();
        o.unknown = true;
        return vec![o];
    };
    let entry = r.entry.map(|id| ctx.lex.entry(id));
    let en = entry.map_or_else(|| w.text.clone(), |e| e.en.clone());
    let l = w.lower.as_str();
    // Pronouns and determiners that depend on agreement or number.
    match l {
        "ze" | "zij" if role.subject => {
            o.text = if role.agr.is_some_and(|a| a.plural) {
                "they".into()
            } else {
                "she".into()
            };
            return vec![o];
        }
        "ze" => {
            o.text = "them".into();
            return vec![o];
        }
        "het" if w.cat == Cat::Pron && role.subject && role.agr.is_some_and(|a| a.plural) => {
            o.text = "they".into();
            return vec![o];
        }
        "dit" | "dat" | "deze" | "die"
            if w.cat == Cat::Pron && role.subject && role.agr.is_some_and(|a| a.plural) =>
        {
            o.text = if matches!(l, "dit" | "deze") {
                "these".into()
            } else {
                "those".into()
            };
            return vec![o];
        }
        "die" | "dat" | "wat" | "welke" | "wie" if w.cat == Cat::Rel => {
            let prev = i.checked_sub(1).map(|p| ctx.w(p));
            let after_comma = prev.is_some_and(|p| p.is(","));
            let person = prev.is_some_and(|p| {
                p.term_kind == Some(Kind::Person)
                    || p.cat == Cat::Name
                    || (p.cat == Cat::Noun
                        && p.reading()
                            .and_then(|r| r.entry)
                            .is_some_and(|id| is_human_noun(&ctx.lex.entry(id).en)))
            });

            o.text = match l {
                "wat" => "which".into(),
                "wie" => "who".into(),
                _ if person => "who".into(),
                _ if after_comma => "which".into(),
                _ => "that".into(),
            };
            return vec![o];
        }
        "zich" | "zichzelf" if w.cat == Cat::Pron && l == "zich" => {
            o.text = String::new();
            return vec![o];
        }
        "er" => {
            o.text = String::new();
            return vec![o];
        }
        "een" if w.cat == Cat::Det => {
            o.text = "a".into();
            o.article = true;
            return vec![o];
        }
        "als" if w.cat == Cat::SubConj => {
            // Reached as a word only when no clause follows: "als bemiddelaar" → "as".
            o.text = "as".into();
            return vec![o];
        }
        _ => {}
    }
    if matches!(l, "deze" | "die") && w.cat == Cat::Det {
        let plural = ctx
            .words
            .get(i + 1..)
            .into_iter()
            .flatten()
            .take(3)
            .any(|n| {
                matches!(
                    n.reading().map(|r| r.feats),
                    Some(Feats::Noun { plural: true, .. })
                )
            });
        o.text = match (l, plural) {
            ("deze", false) => "this",
            ("deze", true) => "these",
            (_, false) => "that",
            (_, true) => "those",
        }
        .into();
        return vec![o];
    }
    let irr = &ctx.lex.english;
    let prev = i.checked_sub(1).map(|p| ctx.w(p));
    let next = ctx.words.get(i + 1);
    // veel, weinig: many/much, few/little by the noun's number.
    if w.cat == Cat::Det && matches!(l, "veel" | "weinig" | "vele") {
        let plural = next.is_some_and(|n| {
            matches!(
                n.reading().map(|r| r.feats),
                Some(Feats::Noun { plural: true, .. })
            ) || n.term_kind == Some(Kind::Demonym)
        });
        o.text = match (l, plural) {
            ("weinig", true) => "few",
            ("weinig", false) => "little",
            (_, true) => "many",
            (_, false) => "a lot of",
        }
        .into();
        return vec![o];
    }
    // ruim + a number: "more than" (ruim 12.000 mensen).
    if l == "ruim" && next.is_some_and(|n| n.cat == Cat::Num) {
        o.text = "more than".into();
        return vec![o];
    }
    // over + a number of days/weeks: "in" (over twee weken → in two weeks).

    if w.cat == Cat::Prep
        && l == "over"
        && next.is_some_and(|n| n.cat == Cat::Num)
        && ctx
            .words
            .get(i + 2)
            .is_some_and(|n| TIME_NOUNS.contains(&n.lemma()))
    {
        o.text = "in".into();
        return vec![o];
    }
    // A number of something: Dutch keeps the unit singular (250 meter,
    // twintig jaar, 2,4 miljard euro), English does not; om acht uur is
    // "at eight o'clock".
    let after_number = prev.is_some_and(|p| {
        p.cat == Cat::Num
            && !matches!(p.lower.as_str(), "1" | "een" | "één")
            && !p.text.starts_with("1,")
            || p.lower.ends_with("miljoen")
            || p.lower.ends_with("miljard")
    });
    // (Not a month or other capitalised English word: 3 January.)
    if w.cat == Cat::Noun
        && after_number
        && matches!(r.feats, Feats::Noun { plural: false, .. })
        && !en.starts_with(char::is_uppercase)
    {
        if l == "uur" {
            let at = i >= 2 && ctx.w(i - 2).is("om");
            o.text = if at { "o'clock".into() } else { "hours".into() };
            return vec![o];
        }
        if !matches!(l, "procent" | "keer" | "man") {
            o.text = english::plural(irr, &en);
            return vec![o];
        }
    }
    o.text = match (w.cat, r.feats) {
        (Cat::Noun, Feats::Noun { plural: true, .. }) => english::plural(irr, &en),

        (
            Cat::Adj | Cat::Adv,
            Feats::Adj {
                degree: Degree::Comparative,
                ..
            },
        ) if entry.is_some_and(|e| e.pos == Pos::Adj) => english::comparative(irr, &en),
        (
            Cat::Adj | Cat::Adv,
            Feats::Adj {
                degree: Degree::Superlative,
                ..
            },
        ) if entry.is_some_and(|e| e.pos == Pos::Adj) => english::superlative(irr, &en),
        (Cat::Verb | Cat::Aux, Feats::Verb(VerbForm::Participle)) => english::participle(irr, &en),
        (Cat::Adj, Feats::Verb(VerbForm::Participle)) => english::participle(irr, &en),
        (Cat::Verb | Cat::Aux, Feats::Verb(VerbForm::Infinitive)) => en.clone(),
        (Cat::Verb | Cat::Aux, Feats::Verb(_)) => verb_form_en(
            ctx,
            &en,
            Need::Finite { past: is_past(w) },
            role.agr.unwrap_or(THIRD_SG),
        ),
        _ => en.clone(),
    };
    // An adjective that modifies a verb or clause is an adverb: persoonlijk
    // onderhandelen → negotiate personally.
    if w.cat == Cat::Adj
        && matches!(
            r.feats,
            Feats::Adj {
                inflected: false,
                degree: Degree::Positive
            }
        )
        && !role.copula
    {
        let next = ctx.words.get(i + 1);
        let attributive = next.is_some_and(|n| {
            matches!(
                n.cat,
                Cat::Noun | Cat::Adj | Cat::Name | Cat::Term | Cat::Num | Cat::Unknown
            )
        });
        let after_det = i > 0 && matches!(ctx.w(i - 1).cat, Cat::Det);
        // Only right before a verb (persoonlijk onderhandelen) or right after a
        // lexical finite verb at the end of a clause (hij loopt snel.).
        let before_verb = next.is_some_and(|n| {
            (is_verbal(n) && !COMPLEMENT_VERBS.contains(&n.lemma()))
                || n.reading()
                    .is_some_and(|r| r.feats == Feats::Verb(VerbForm::Participle))
        });
        let after_lexical = i > 0
            && is_verbal(ctx.w(i - 1))
            && !COPULAS.contains(&ctx.w(i - 1).lemma())
            && !COMPLEMENT_VERBS.contains(&ctx.w(i - 1).lemma())
            && next.is_none_or(|n| n.cat == Cat::Punct);
        let clause_end = next.is_none_or(|n| matches!(n.cat, Cat::Punct | Cat::Citation));
        if !attributive
            && !after_det
            && (before_verb || after_lexical || (role.adverbial && clause_end))
            && !en.contains(' ')
        {
            o.text = english::adverb(&o.text);
        }
    }
    // Quantity nouns take "of" before a bare noun phrase: dit soort contact.
    if w.cat == Cat::Noun && OF_NOUNS.contains(&w.lemma()) {
        let next = ctx.words.get(i + 1);
        if next.is_some_and(|n| matches!(n.cat, Cat::Noun | Cat::Adj | Cat::Term | Cat::Name)) {
            o.text.push_str(" of");
        }
    }
    // "geen … meer" is handled by dropping "meer"; "geen" → "no".
    if w.initial && o.text.is_empty() {
        o.text = capital(&w.text);
    }
    vec![o]
}

/// A compound: its parts in English order, modifiers first (glossary parts
/// locked), the head inflected.
fn compound_out(ctx: &Ctx<'_>, i: usize, c: &super::compound::Compound) -> Vec<Out> {
    let w = ctx.w(i);
    let mut out = Vec::new();
    for p in &c.modifiers {
        let src = w.span.start + p.range.start..w.span.start + p.range.end;
        out.push(match &p.source {
            super::compound::PartSource::Lexicon(en) => Out {
                text: en.clone(),
                word: Some(i),
                ..Out::default()
            },
            super::compound::PartSource::Glossary(entry) => Out {
                text: ctx.glossary.entry(*entry).en.clone(),
                word: Some(i),
                term: Some((*entry, src)),
                ..Out::default()
            },
        });
    }
    let en = c.head.entry.map_or_else(
        || w.text[c.head_range.clone()].to_owned(),
        |id| ctx.lex.entry(id).en.clone(),
    );
    let irr = &ctx.lex.english;
    let text = match c.head.feats {
        Feats::Noun { plural: true, .. } => english::plural(irr, &en),
        Feats::Adj {
            degree: Degree::Comparative,
            ..
        } => english::comparative(irr, &en),
        Feats::Adj {
            degree: Degree::Superlative,
            ..
        } => english::superlative(irr, &en),
        _ => en,
    };
    out.push(Out {
        text,
        word: Some(i),
        ..Out::default()
    });
    out
}

/// Hyphens between two translated words: Dutch compounds written with a
/// hyphen (*Kremlin-adviseur*) become open English compounds (*Kremlin
/// adviser*); number ranges (*23-24*) take an en dash.
fn fix_hyphens(ctx: &Ctx<'_>, out: &mut [Out]) {
    for k in 1..out.len().saturating_sub(1) {
        let is_hyphen = out[k].text == "-"
            && out[k].word.is_some_and(|w| !ctx.w(w).space_before)
            && out[k + 1].word.is_some_and(|w| !ctx.w(w).space_before);
        if !is_hyphen {
            continue;
        }
        let left = out[k - 1].word.map(|w| ctx.w(w));
        let right = out[k + 1].word.map(|w| ctx.w(w));
        match (left, right) {
            (Some(l), Some(r)) if l.cat == Cat::Num && r.cat == Cat::Num => {
                out[k].text = "–".into();
                out[k].glue_left = true;
                out[k].glue_right = true;
            }
            (Some(l), Some(r))
                if matches!(l.cat, Cat::Term | Cat::Name | Cat::Noun)
                    && matches!(r.cat, Cat::Noun | Cat::Unknown)
                    && r.text.starts_with(char::is_lowercase) =>
            {
                out[k].text = String::new();
            }
            _ => {
                out[k].glue_left = true;
                out[k].glue_right = true;
            }
        }
    }
}

pub fn is_aux_lemma(l: &str) -> bool {
    AUXILIARIES.contains(&l)
}

/// Does this English noun name a person (for *who* rather than *that*)?
fn is_human_noun(en: &str) -> bool {
    const HUMAN: &[&str] = &[
        "man",
        "woman",
        "person",
        "people",
        "child",
        "boy",
        "girl",
        "journalist",
        "minister",
        "president",
        "soldier",
        "official",
        "leader",
        "citizen",
        "resident",
        "student",
        "teacher",
        "doctor",
        "politician",
        "player",
        "victim",
        "suspect",
        "witness",
        "mayor",
        "king",
        "queen",
        "prince",
        "princess",
        "judge",
        "lawyer",
        "worker",
        "employee",
        "member",
        "voter",
        "refugee",
        "farmer",
        "officer",
        "driver",
        "pilot",
        "author",
        "writer",
        "reporter",
        "expert",
        "scientist",
        "researcher",
        "friend",
        "father",
        "mother",
        "son",
        "daughter",
        "brother",
        "sister",
        "husband",
        "wife",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "chairman",
        "director",
        "manager",
        "owner",
        "customer",
        "patient",
        "nurse",
        "prisoner",
        "diplomat",
        "ambassador",
        "negotiator",
        "general",
        "commander",
        "adviser",
        "advisor",
        "candidate",
        "prime minister",
        "mp",
        "senator",
        "governor",
        "inhabitant",
        "neighbour",
        "colleague",
        "partner",
        "parent",
        "resident",
    ];
    let lower = en.to_lowercase();
    HUMAN.contains(&lower.as_str())
        || lower.ends_with("ist")
        || lower.ends_with("man")
        || lower.ends_with("woman")
}

/// Single-word time adverbs.
const TIME_ADVERBS: &[&str] = &[
    "gisteren",
    "vandaag",
    "morgen",
    "vanavond",
    "vanochtend",
    "vanmorgen",
    "vannacht",
    "vanmiddag",
    "binnenkort",
    "straks",
    "overmorgen",
    "eergisteren",
    "gisteravond",
    "gisterochtend",
    "morgenochtend",
];

/// Words that open a time phrase with a time noun (*vorige week*, *elke dag*).
const TIME_DETERMINERS: &[&str] = &[
    "elke",
    "elk",
    "iedere",
    "ieder",
    "vorige",
    "vorig",
    "volgende",
    "volgend",
    "deze",
    "dit",
    "afgelopen",
    "komende",
    "aanstaande",
    "hele",
];

/// The end of a time adverbial starting at item `k`, if one starts there.
fn time_phrase(ctx: &Ctx<'_>, items: &[Item], k: usize) -> Option<usize> {
    let w = ctx.w(direct_word(items, k)?);
    if TIME_ADVERBS.contains(&w.lower.as_str()) {
        return Some(k + 1);
    }
    if TIME_DETERMINERS.contains(&w.lower.as_str()) {
        let n = ctx.w(direct_word(items, k + 1)?);
        if n.cat == Cat::Noun
            && TIME_NOUNS.contains(&n.lemma())
            && !matches!(n.lemma(), "tijd" | "moment" | "keer")
        {
            return Some(k + 2);
        }
    }
    None
}

/// English puts a time adverbial after the objects: *verlieten gisteren de
/// stad* → *left the city yesterday*. Reorders the middle field `rest`
/// (item indices) so that time phrases come last, before closing
/// punctuation and citation markers; the rest keeps its order.
fn time_last(ctx: &Ctx<'_>, items: &[Item], rest: &[usize]) -> Vec<usize> {
    let mut time = Vec::new();
    let mut other = Vec::new();
    let mut i = 0;
    while i < rest.len() {
        let k = rest[i];
        if let Some(end) = time_phrase(ctx, items, k)
            && (k..end).all(|x| rest.contains(&x))
        {
            time.extend(k..end);
            i += end - k;
            continue;
        }
        other.push(k);
        i += 1;
    }
    if time.is_empty() || other.is_empty() {
        return rest.to_vec();
    }
    // Trailing punctuation and citations stay last.
    let tail_start = other
        .iter()
        .rposition(|&k| !matches!(&items[k], Item::W(i) if matches!(ctx.w(*i).cat, Cat::Punct | Cat::Citation)))
        .map_or(0, |p| p + 1);
    let tail = other.split_off(tail_start);
    if other.is_empty() {
        return rest.to_vec();
    }
    other.extend(time);
    other.extend(tail);
    other
}

/// Is the relative pronoun at `op` the object of its clause? *Het plan dat
/// de minister presenteerde*: a thing as antecedent and a person as the
/// noun phrase that follows make the noun phrase the subject; otherwise the
/// pronoun is taken as the subject (*de vrouw die de prijs won*).
fn object_relative(ctx: &Ctx<'_>, op: usize, body: &[Item]) -> bool {
    let human = |w: &Word| {
        w.term_kind == Some(Kind::Person)
            || w.cat == Cat::Name
            || (w.cat == Cat::Noun
                && w.reading()
                    .and_then(|r| r.entry)
                    .is_some_and(|id| is_human_noun(&ctx.lex.entry(id).en)))
    };
    let antecedent = (0..op)
        .rev()
        .map(|k| ctx.w(k))
        .find(|w| w.cat != Cat::Punct);
    let end = np_end(ctx, body, 1);
    if end == 1 {
        return false;
    }
    let np_head = (1..end)
        .rev()
        .filter_map(|k| direct_word(body, k))
        .map(|i| ctx.w(i))
        .find(|w| matches!(w.cat, Cat::Noun | Cat::Name | Cat::Term));
    antecedent.is_some_and(|a| !human(a)) && np_head.is_some_and(human)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        for (nl, en) in [
            ("1.000", "1,000"),
            ("3,5", "3.5"),
            ("1.234,5", "1,234.5"),
            ("2026", "2026"),
            ("19.30", "19.30"),
            ("1.000.000", "1,000,000"),
        ] {
            assert_eq!(format_number(nl), en);
        }
    }
}
