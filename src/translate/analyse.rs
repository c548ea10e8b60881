//! Analysis: a segmented, tagged sentence → [`Word`]s with their Dutch
//! readings and one chosen category each.
//!
//! Takes the sentence's tokens, its glossary hits and the lexicon; returns
//! words in source order. Glossary hits become single locked words; other
//! words get every morphological reading, then a category chosen by explicit
//! context rules (determiner or pronoun, noun or verb, conjunction or
//! preposition). Invariant: words are in source order and cover every token
//! of the sentence exactly once.

use super::compound::{self, Compound};
use super::lexicon::{Gender, LexId, Lexicon, Pos};
use super::morph::{self, Analysis, Feats, VerbForm};
use crate::glossary::{EntryId, Glossary, Kind, TermHit};
use crate::normalize::match_key;
use crate::segment::{Sentence, TokenKind};
use std::fmt;
use std::ops::Range;

/// The category a word plays in its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cat {
    Noun,
    /// A capitalised word the lexicon does not know (mid-sentence): a name.
    Name,
    Pron,
    Det,
    Adj,
    Adv,
    Prep,
    /// Coordinating conjunction: *en, of, maar, want*.
    Conj,
    /// Subordinating conjunction: *dat, omdat, als, terwijl*…
    SubConj,
    /// Relative pronoun or adverb: *die, dat, wat, waarin*…
    Rel,
    Verb,
    Aux,
    /// The infinitive marker *te*.
    Te,
    /// *om* introducing *om … te*.
    Om,
    /// A separable verb particle standing alone.
    Particle,
    Num,
    Punct,
    Citation,
    /// A locked glossary term.
    Term,
    /// A word nobody knows.
    Unknown,
}

/// A word of the sentence.
#[derive(Debug, Clone)]
pub struct Word {
    /// Byte range in the document text.
    pub span: Range<usize>,
    pub text: String,
    /// Lowercase, with typographic apostrophes as `'`.
    pub lower: String,
    pub token: TokenKind,
    /// Index of the glossary hit (into the sentence's hits) for a term.
    pub hit: Option<usize>,
    pub term_kind: Option<Kind>,
    pub readings: Vec<Analysis>,
    pub cat: Cat,
    /// Index into `readings` of the reading chosen, if any.
    pub pick: Option<usize>,
    /// Whitespace precedes the word in the source.
    pub space_before: bool,
    /// The word starts the sentence (after opening quotes).
    pub initial: bool,
    /// An unknown word split into known parts.
    pub compound: Option<Compound>,
    /// An inflected form of a glossary term of kind `term`, `adj` or
    /// `demonym` (*kerncentrales*): locked, with the English inflected.
    pub term_form: Option<TermForm>,
    /// A glossary name in the genitive (*Poetins*, *Europa’s*).
    pub genitive: bool,
}

/// A glossary term found through morphology.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TermForm {
    pub entry: EntryId,
    pub plural: bool,
}

impl Word {
    pub fn reading(&self) -> Option<&Analysis> {
        self.pick.and_then(|i| self.readings.get(i))
    }

    pub fn is(&self, lower: &str) -> bool {
        self.lower == lower
    }

    pub fn verb_form(&self) -> Option<VerbForm> {
        match self.reading()?.feats {
            Feats::Verb(f) => Some(f),
            _ => None,
        }
    }

    /// A finite verb form (present or past).
    pub fn is_finite(&self) -> bool {
        matches!(self.cat, Cat::Verb | Cat::Aux)
            && matches!(
                self.verb_form(),
                Some(VerbForm::PresentSingular | VerbForm::PastSingular | VerbForm::PastPlural)
            )
    }

    pub fn lemma(&self) -> &str {
        self.reading()
            .map_or(self.lower.as_str(), |a| a.lemma.as_str())
    }

    fn choose(&mut self, cat: Cat, pred: impl Fn(&Analysis) -> bool) -> bool {
        if let Some(i) = self.readings.iter().position(pred) {
            self.cat = cat;
            self.pick = Some(i);
            true
        } else {
            false
        }
    }
}

impl fmt::Display for Word {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{:?}", self.text, self.cat)?;
        if let Some(r) = self.reading() {
            write!(f, "[{r}]")?;
        }
        Ok(())
    }
}

pub const SUBORDINATORS: &[&str] = &[
    "dat",
    "omdat",
    "doordat",
    "zodat",
    "terwijl",
    "toen",
    "wanneer",
    "nadat",
    "voordat",
    "sinds",
    "sedert",
    "totdat",
    "tenzij",
    "hoewel",
    "ofschoon",
    "indien",
    "mits",
    "zodra",
    "zolang",
    "alsof",
    "opdat",
    "als",
    "aangezien",
    "naarmate",
    "zoals",
    "alvorens",
    "ondanks dat",
    "waarna",
    "nu",
];
pub const RELATIVE_ADVERBS: &[&str] = &[
    "waarin",
    "waarop",
    "waarmee",
    "waarvan",
    "waardoor",
    "waarbij",
    "waarover",
    "waarvoor",
    "waaraan",
    "waaruit",
    "waarna",
    "waartegen",
    "waaronder",
    "waartoe",
    "waarnaar",
    "waarachter",
    "waarom",
    "waarheen",
];
pub const COORDINATORS: &[&str] = &["en", "of", "maar", "want", "dus", "noch", "doch"];
pub const AUXILIARIES: &[&str] = &[
    "zijn", "hebben", "worden", "zullen", "kunnen", "moeten", "willen", "mogen", "hoeven", "gaan",
    "laten", "blijven", "komen",
];
pub const SUBJECT_PRONOUNS: &[&str] = &[
    "ik", "jij", "je", "u", "hij", "zij", "ze", "het", "wij", "we", "jullie", "men", "er",
];
pub const OBJECT_PRONOUNS: &[&str] = &[
    "mij", "me", "jou", "hem", "haar", "ons", "hen", "hun", "zich", "zichzelf", "elkaar",
];
pub const DETERMINERS: &[&str] = &[
    "de",
    "het",
    "een",
    "deze",
    "dit",
    "die",
    "dat",
    "elk",
    "elke",
    "ieder",
    "iedere",
    "alle",
    "geen",
    "mijn",
    "jouw",
    "zijn",
    "haar",
    "onze",
    "ons",
    "hun",
    "uw",
    "welke",
    "sommige",
    "enkele",
    "beide",
    "zo'n",
    "zulke",
    "dezelfde",
    "hetzelfde",
    "z'n",
    "'t",
    "'n",
    "diverse",
    "meerdere",
    "verschillende",
    "vele",
];

fn normalize_apostrophes(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '’' | '‘' | 'ʼ' | '`' | '´' => '\'',
            _ => c,
        })
        .collect()
}

fn is_capitalised(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// Build the words of a sentence.
/// Longer tokens are not analysed (kept as written).
pub const MAX_WORD_CHARS: usize = 80;

pub fn words(
    text: &str,
    sentence: &Sentence,
    hits: &[TermHit],
    glossary: &Glossary,
    lex: &Lexicon,
) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::with_capacity(sentence.tokens.len());
    let mut next_hit = 0;
    let mut prev_end = sentence.span.start;
    let mut at_start = true;
    let mut i = 0;
    let toks = &sentence.tokens;
    while i < toks.len() {
        let t = &toks[i];
        let space_before = t.span.start > prev_end
            && (out.is_empty()
                || text[prev_end..t.span.start]
                    .chars()
                    .any(char::is_whitespace));
        // A glossary hit covering this token: one locked word.
        while next_hit < hits.len() && hits[next_hit].end <= t.span.start {
            next_hit += 1;
        }
        if let Some(h) = hits.get(next_hit)
            && h.start <= t.span.start
            && h.end > t.span.start
        {
            let mut j = i;
            while j < toks.len() && toks[j].span.start < h.end {
                j += 1;
            }
            let span = h.start.min(t.span.start)..h.end.max(toks[j - 1].span.end);
            let kind = glossary.entry(h.entry).kind;
            out.push(Word {
                text: text[span.clone()].to_owned(),
                lower: normalize_apostrophes(&text[span.clone()].to_lowercase()),
                span,
                token: TokenKind::Word,
                hit: Some(next_hit),
                term_kind: Some(kind),
                readings: Vec::new(),
                cat: Cat::Term,
                pick: None,
                space_before,
                initial: at_start,
                compound: None,
                term_form: None,
                genitive: h.inflection == crate::glossary::Inflection::Genitive,
            });
            at_start = false;
            prev_end = toks[j - 1].span.end;
            next_hit += 1;
            i = j;
            continue;
        }
        let raw = &text[t.span.clone()];
        let lower = normalize_apostrophes(&raw.to_lowercase());
        // A multi-word lexicon entry starting here (in plaats van, met name).
        if t.kind == TokenKind::Word
            && let Some((len, id)) =
                multiword_at(lex, text, toks, i, hits.get(next_hit).map(|h| h.start))
        {
            let span = t.span.start..toks[i + len - 1].span.end;
            let e = lex.entry(id);
            let reading = Analysis {
                lemma: e.nl.clone(),
                pos: e.pos,
                entry: Some(id),
                feats: Feats::Plain,
            };
            out.push(Word {
                text: text[span.clone()].to_owned(),
                lower: normalize_apostrophes(&text[span.clone()].to_lowercase()),
                span,
                token: TokenKind::Word,
                hit: None,
                term_kind: None,
                cat: cat_of(&reading),
                readings: vec![reading],
                pick: Some(0),
                space_before,
                initial: at_start,
                compound: None,
                term_form: None,
                genitive: false,
            });
            at_start = false;
            prev_end = toks[i + len - 1].span.end;
            i += len;
            continue;
        }
        // A token longer than any word (a URL, a run of letters) is kept as
        // written: the analyses below grow faster than its length.
        let analysable = lower.chars().count() <= MAX_WORD_CHARS;
        let readings = match t.kind {
            TokenKind::Word | TokenKind::Abbreviation if analysable => morph::analyse(lex, &lower),
            _ => Vec::new(),
        };
        let initial = at_start
            && !(t.kind == TokenKind::Punct
                && matches!(
                    raw,
                    "‘" | "“" | "\"" | "'" | "(" | "[" | "„" | "«" | "-" | "–" | "—"
                ));
        let mut term_form = None;
        let mut compound = None;
        if t.kind == TokenKind::Word && analysable {
            // The glossary is law: an inflected glossary term wins over the lexicon.
            term_form = inflected_term(glossary, &lower);
        }

        if t.kind == TokenKind::Word
            && analysable
            && readings.is_empty()
            && term_form.is_none()
            && super::numbers::parse(&lower).is_none()
        {
            compound = compound::split(lex, glossary, &lower).filter(|c| {
                // A capitalised word mid-sentence is a name unless it starts with a glossary term.
                initial
                    || !is_capitalised(raw)
                    || matches!(
                        c.modifiers.first().map(|m| &m.source),
                        Some(compound::PartSource::Glossary(_))
                    )
            });
        }
        let cat = match t.kind {
            TokenKind::Number => Cat::Num,
            TokenKind::Citation => Cat::Citation,
            TokenKind::Punct => Cat::Punct,
            // A numeral written as one word: eenentwintig, driehonderd.
            TokenKind::Word if readings.is_empty() && super::numbers::parse(&lower).is_some() => {
                Cat::Num
            }
            _ => Cat::Unknown,
        };
        out.push(Word {
            span: t.span.clone(),
            text: raw.to_owned(),
            lower,
            token: t.kind,
            hit: None,
            term_kind: term_form.map(|f: TermForm| glossary.entry(f.entry).kind),
            readings,
            cat: if compound.is_some() {
                Cat::Noun
            } else if term_form.is_some() {
                Cat::Term
            } else {
                cat
            },
            pick: None,
            space_before,
            initial,
            compound,
            term_form,
            genitive: false,
        });
        // A new sentence-like start: after a colon, an opening quote (a quoted
        // sentence), a spaced dash; brackets keep the state.
        at_start = match (t.kind, raw) {
            (TokenKind::Punct, ":" | "‘" | "“" | "„" | "«") => true,
            (TokenKind::Punct, "\"" | "'") => space_before || at_start,
            (TokenKind::Punct, "-" | "–" | "—") => space_before,
            (TokenKind::Punct, "(" | "[") => at_start,
            _ => false,
        };
        prev_end = t.span.end;
        i += 1;
    }
    disambiguate(&mut out, lex);
    out
}

fn has(w: &Word, pos: Pos) -> bool {
    w.readings.iter().any(|a| a.pos == pos)
}

fn is_finite_reading(a: &Analysis) -> bool {
    a.pos.is_verbal()
        && matches!(
            a.feats,
            Feats::Verb(VerbForm::PresentSingular | VerbForm::PastSingular | VerbForm::PastPlural)
        )
}

/// The category a reading gives a word.
fn cat_of(a: &Analysis) -> Cat {
    match a.pos {
        Pos::Noun => Cat::Noun,
        Pos::Verb | Pos::Aux if AUXILIARIES.contains(&a.lemma.as_str()) => Cat::Aux,
        Pos::Verb | Pos::Aux => Cat::Verb,
        Pos::Adj => Cat::Adj,
        Pos::Adv | Pos::Interj => Cat::Adv,
        Pos::Prep => Cat::Prep,
        Pos::Conj => Cat::Conj,
        Pos::Det => Cat::Det,
        Pos::Pron => Cat::Pron,
        Pos::Num => Cat::Num,
        Pos::Part => Cat::Particle,
    }
}

/// Could this word start or continue a noun phrase (after a determiner)?
fn nominal(w: &Word) -> bool {
    if w.cat != Cat::Unknown || w.readings.is_empty() {
        // Decided already, or unknown to everyone (an unknown word is most
        // likely a noun).
        return matches!(
            w.cat,
            Cat::Name | Cat::Term | Cat::Num | Cat::Noun | Cat::Adj
        ) || w.token == TokenKind::Number
            || (w.cat == Cat::Unknown && w.token == TokenKind::Word);
    }
    // Not yet decided: its likeliest reading (the first) is nominal.
    let first = &w.readings[0];
    matches!(first.pos, Pos::Noun | Pos::Adj | Pos::Num)
        || first.feats == Feats::Verb(VerbForm::Participle)
}

/// The first noun within the next few words: is it plural, and its gender?
fn next_noun(words: &[Word], i: usize) -> Option<(bool, Option<Gender>, Option<LexId>)> {
    for w in words.iter().skip(i + 1).take(4) {
        if let Some(a) = w.readings.iter().find(|a| a.pos == Pos::Noun) {
            let plural = matches!(a.feats, Feats::Noun { plural: true, .. });
            return Some((plural, None, a.entry));
        }
        if w.term_kind == Some(Kind::Demonym) {
            return Some((true, None, None));
        }
        if w.readings
            .iter()
            .all(|a| !matches!(a.pos, Pos::Adj | Pos::Adv))
            && w.cat != Cat::Term
        {
            return None;
        }
    }
    None
}

/// Choose a category and reading for every word. Each word first takes its
/// most likely reading (the lexicon lists the commonest part of speech
/// first), then context rules correct it, left to right.
fn disambiguate(words: &mut [Word], lex: &Lexicon) {
    let n = words.len();
    for i in 0..n {
        let w = &words[i];
        if w.cat != Cat::Unknown || w.token == TokenKind::Number {
            continue;
        }
        // Capitalised mid-sentence words are names unless they are acronyms
        // the lexicon knows (Dutch capitalises names and sentence starts).
        if is_capitalised(&w.text) && !w.initial && w.token == TokenKind::Word {
            let acronym = w.text.chars().filter(|c| c.is_uppercase()).count() >= 2
                && !w.text.chars().any(char::is_lowercase);
            if !acronym || w.readings.is_empty() {
                words[i].cat = Cat::Name;
                continue;
            }
        }
        if w.readings.is_empty() {
            continue; // stays Unknown
        }
        let prev: Option<(Cat, String)> =
            (i > 0).then(|| (words[i - 1].cat, words[i - 1].lower.clone()));
        let prev_cat = prev.as_ref().map(|p| p.0);
        let next_owned = words.get(i + 1).cloned();
        let next = next_owned.as_ref();
        let next_nominal = next.is_some_and(|x| nominal(x) && x.cat != Cat::Punct);
        let next_finite = next.is_some_and(|x| {
            x.readings.iter().any(is_finite_reading) && !has(x, Pos::Noun) && !has(x, Pos::Adj)
        });
        let next_is_verb_only = next.is_some_and(|x| {
            !x.readings.is_empty() && x.readings.iter().all(|a| a.pos.is_verbal())
        });
        let ahead_te = words_ahead_have_te(words, i);
        let noun_ahead = next_noun(words, i);
        let next_starts_np = words.get(i + 1).is_some_and(|x| {
            matches!(
                x.cat,
                Cat::Term | Cat::Name | Cat::Num | Cat::Pron | Cat::Det
            ) || x.token == TokenKind::Number
                || x.readings.first().is_some_and(|a| {
                    matches!(
                        a.pos,
                        Pos::Det | Pos::Pron | Pos::Noun | Pos::Adj | Pos::Num
                    )
                })
        });
        let next_is_name = words.get(i + 1).is_some_and(|x| {
            x.cat == Cat::Name
                || matches!(x.term_kind, Some(Kind::Person | Kind::Place | Kind::Org))
        });
        // Has this clause had its finite verb yet? (Clauses start after
        // punctuation and conjunctions.)
        let finite_seen = clause_has_verb(words, i);

        // The auxiliaries of this clause so far: a modal wants an infinitive
        // at the clause end, hebben/zijn/worden a participle.
        let mut modal_seen = false;
        let mut perfect_seen = false;
        for x in words[..i].iter().rev() {
            if matches!(x.cat, Cat::Conj | Cat::SubConj | Cat::Rel)
                || (x.cat == Cat::Punct && !x.is(","))
            {
                break;
            }
            if matches!(x.cat, Cat::Aux | Cat::Verb) {
                match x.lemma() {
                    "zullen" | "kunnen" | "moeten" | "mogen" | "willen" | "gaan" | "laten"
                    | "blijven" => modal_seen = true,
                    "hebben" | "zijn" | "worden" => perfect_seen = true,
                    _ => {}
                }
            }
        }
        let at_clause_end = words.get(i + 1).is_none_or(|x| {
            matches!(x.cat, Cat::Punct | Cat::Citation)
                || x.readings.iter().any(|a| a.pos.is_verbal())
        });
        let prev_initial_adverb = i == 1 && words[0].cat == Cat::Adv
            || (i >= 1 && words[i - 1].initial && words[i - 1].cat == Cat::Adv);
        let prev_genitive = i > 0 && words[i - 1].genitive;
        let prev_adj_term =
            i > 0 && words[i - 1].cat == Cat::Term && words[i - 1].term_kind == Some(Kind::Adj);
        let prev_het_noun = i > 0
            && words[i - 1]
                .reading()
                .and_then(|r| r.entry)
                .is_some_and(|id| lex.entry(id).gender == Some(Gender::Het));
        let verb_before_comma = i >= 2 && matches!(words[i - 2].cat, Cat::Verb | Cat::Aux);
        let words_after_owned = words.get(i + 2).cloned();
        let words_after = words_after_owned.as_ref();
        // A noun follows, possibly after one adjective: jullie hulp, jullie grote hulp.
        let noun_like = |x: &Word| {
            matches!(x.cat, Cat::Term | Cat::Name)
                || x.readings.first().is_some_and(|a| a.pos == Pos::Noun)
                || (x.readings.is_empty() && x.token == TokenKind::Word)
        };
        let next_is_noun_phrase = next.is_some_and(|x| {
            noun_like(x)
                || (x.readings.first().is_some_and(|a| a.pos == Pos::Adj)
                    && words_after.is_some_and(noun_like))
        });

        let w = &mut words[i];
        let l = w.lower.clone();

        let l = l.as_str();

        // Prior: the first reading.
        w.pick = Some(0);
        w.cat = cat_of(&w.readings[0]);

        // Closed-class words.
        match l {
            "te" if next.is_some_and(|x| {
                x.readings
                    .iter()
                    .any(|a| a.pos.is_verbal() && a.feats == Feats::Verb(VerbForm::Infinitive))
            }) =>
            {
                w.cat = Cat::Te;
                continue;
            }
            "te" => {
                // te + adjective: "too".
                w.choose(Cat::Adv, |a| a.pos == Pos::Adv);
                continue;
            }
            "nu" | "toen" | "sinds" | "zoals"
                if next_finite
                    || next.is_some_and(|x| x.readings.iter().any(is_finite_reading))
                        && w.initial =>
            {
                if !w.choose(Cat::Adv, |a| a.pos == Pos::Adv) {
                    w.choose(Cat::Prep, |a| a.pos == Pos::Prep);
                }
                continue;
            }
            "om" if ahead_te && !next_nominal_with_prep_use(next) => {
                w.cat = Cat::Om;
                continue;
            }
            "er" => {
                w.cat = Cat::Adv;
                continue;
            }
            "als" => {
                w.choose(Cat::SubConj, |a| a.pos == Pos::Conj);
                w.cat = Cat::SubConj; // decided again in transfer (als + NP = "as")
                continue;
            }
            "die" | "wat"
                if matches!(prev_cat, Some(Cat::Noun | Cat::Name | Cat::Term))
                    || prev.as_ref().is_some_and(|p| p.1 == ",") && l == "wat" =>
            {
                // After a noun (or ", wat"): a relative pronoun.
                w.choose(Cat::Rel, |a| a.pos == Pos::Pron);
                w.cat = Cat::Rel;
                continue;
            }
            "het" | "'t" if !next_nominal => {
                w.choose(Cat::Pron, |a| a.pos == Pos::Pron);
                continue;
            }
            "veel" | "weinig" | "meer" | "minder" | "genoeg" | "meest" | "vele" if next_nominal => {
                // A quantifier before a noun: more money, many weapons.
                if !w.choose(Cat::Det, |a| a.pos == Pos::Det) {
                    w.choose(Cat::Det, |a| a.pos == Pos::Adv || a.pos == Pos::Pron);
                    w.cat = Cat::Det;
                }
                continue;
            }
            "veel" | "weinig" | "meer" | "minder" | "genoeg" | "meest" | "allebei"
                if !next_nominal =>
            {
                if !w.choose(Cat::Pron, |a| a.pos == Pos::Pron) {
                    w.choose(Cat::Adv, |a| a.pos == Pos::Adv);
                }
                continue;
            }
            "dat" if !w.initial && next_is_name => {
                // A determiner never precedes a name: dat Rusland … is the conjunction.
                w.choose(Cat::SubConj, |a| a.pos == Pos::Conj);
                w.cat = Cat::SubConj;
                continue;
            }
            "dat"
                if !w.initial
                    && matches!(
                        prev_cat,
                        Some(
                            Cat::Verb
                                | Cat::Aux
                                | Cat::Adv
                                | Cat::Adj
                                | Cat::Num
                                | Cat::Particle
                                | Cat::Citation
                        )
                    ) =>
            {
                // After a verb (zei dat, maakte duidelijk dat) or a date: the conjunction.
                w.choose(Cat::SubConj, |a| a.pos == Pos::Conj);
                w.cat = Cat::SubConj;
                continue;
            }
            "die" | "deze" | "dit" | "dat" | "welke" | "zulke"
                if next_nominal
                    && !next_finite
                    && det_fits(l, noun_ahead, lex)
                    && w.choose(Cat::Det, |a| a.pos == Pos::Det) =>
            {
                continue;
            }
            "zijn"
                if prev.as_ref().is_some_and(|p| {
                    SUBJECT_PRONOUNS.contains(&p.1.as_str())
                        || matches!(p.1.as_str(), "dit" | "dat" | "deze" | "die" | "er" | "wat")
                }) =>
            {
                // dit zijn, het zijn, er zijn: the verb.
                w.choose(Cat::Aux, |a| a.pos.is_verbal());
                continue;
            }
            "daar" | "hier" => {
                // An adverb (there, here); `daar` as "since" is rare in news.
                w.choose(Cat::Adv, |a| a.pos == Pos::Adv);
                continue;
            }
            "zijn" | "haar" | "hun" | "ons" | "mijn" | "jouw" | "uw" | "jullie"
                if next_nominal
                    && !next_is_verb_only
                    && (l != "jullie" || next_is_noun_phrase)
                    && !next.is_some_and(|x| COORDINATORS.contains(&x.lower.as_str()))
                    && w.choose(Cat::Det, |a| a.pos == Pos::Det) =>
            {
                continue;
            }
            _ => {}
        }
        if matches!(l, "deze" | "dit") {
            // Not a determiner here: the pronoun (this, these).
            w.choose(Cat::Pron, |a| a.pos == Pos::Pron);
            continue;
        }
        if matches!(l, "die" | "dat" | "wat" | "wie" | "welke") {
            let after_noun_or_comma = matches!(
                prev_cat,
                Some(Cat::Noun | Cat::Name | Cat::Term | Cat::Punct)
            ) && prev
                .as_ref()
                .is_some_and(|p| p.0 != Cat::Punct || p.1 == ",");
            if l == "dat" && !w.initial && !next_finite {
                // dat + clause: a relative after a het-noun (het plan dat),
                // else the conjunction (de verklaring dat, op 28 januari dat).
                if prev_het_noun {
                    w.choose(Cat::Rel, |a| a.pos == Pos::Pron);
                    w.cat = Cat::Rel;
                } else {
                    w.choose(Cat::SubConj, |a| a.pos == Pos::Conj);
                    w.cat = Cat::SubConj;
                }
                continue;
            }
            if after_noun_or_comma && !w.initial && l != "dat" {
                w.choose(Cat::Rel, |a| a.pos == Pos::Pron);
                w.cat = Cat::Rel;
                continue;
            }
            w.choose(Cat::Pron, |a| a.pos == Pos::Pron);
            continue;
        }
        if RELATIVE_ADVERBS.contains(&l)
            && !w.initial
            && prev_cat.is_some_and(|c| matches!(c, Cat::Punct | Cat::Noun | Cat::Name | Cat::Term))
        {
            w.cat = Cat::Rel;
            continue;
        }
        if l == "zijn" && w.choose(Cat::Aux, |a| a.pos.is_verbal()) {
            continue; // not before a noun: the verb
        }
        // of after a verb (weet, vraagt, twijfelt): "whether" with a clause.
        if l == "of" && matches!(prev_cat, Some(Cat::Verb | Cat::Aux)) && next_starts_np {
            w.choose(Cat::SubConj, |a| a.pos == Pos::Conj);
            w.cat = Cat::SubConj;
            continue;
        }
        // A question word that is also a conjunction, right before the verb:
        // Wanneer begint de vergadering? (not "when … begins").
        if SUBORDINATORS.contains(&l)
            && w.initial
            && next.is_some_and(|x| {
                x.readings.iter().any(is_finite_reading)
                    && x.readings.first().is_some_and(|a| a.pos.is_verbal())
            })
        {
            w.choose(Cat::Adv, |a| a.pos == Pos::Adv);
            if w.cat == Cat::SubConj || w.cat == Cat::Conj {
                w.cat = Cat::Adv;
            }
            continue;
        }
        // al before a participle, verb or adverb: "already" (al het geld: "all").
        let next_participle = next.is_some_and(|x| {
            x.readings
                .iter()
                .any(|a| a.feats == Feats::Verb(VerbForm::Participle))
        });
        if l == "al"
            && (!next_nominal || next_participle)
            && w.choose(Cat::Adv, |a| a.pos == Pos::Adv)
        {
            continue;
        }
        if COORDINATORS.contains(&l) && w.choose(Cat::Conj, |a| a.pos == Pos::Conj) {
            continue;
        }
        if SUBORDINATORS.contains(&l)
            && !matches!(l, "nu" | "sinds" | "toen" | "zoals")
            && w.choose(Cat::SubConj, |a| a.pos == Pos::Conj)
        {
            continue;
        }
        if matches!(l, "toen" | "nu")
            && next_starts_np
            && !next_finite
            && w.choose(Cat::SubConj, |a| a.pos == Pos::Conj)
        {
            continue; // toen hij kwam, toen de president aankwam
        }

        // waar after a noun or comma: the relative "where".
        if l == "waar"
            && !w.initial
            && matches!(
                prev_cat,
                Some(Cat::Noun | Cat::Name | Cat::Term | Cat::Punct)
            )
        {
            w.cat = Cat::Rel;
            continue;
        }
        // meer, minder before an adjective or adverb: "more", "less".
        if matches!(l, "meer" | "minder")
            && next.is_some_and(|x| {
                x.readings
                    .first()
                    .is_some_and(|a| matches!(a.pos, Pos::Adj | Pos::Adv))
            })
            && w.choose(Cat::Adv, |a| a.pos == Pos::Adv)
        {
            continue;
        }

        // A word that can be a preposition is one before a noun phrase
        // (richting een oplossing, rond deze kerncentrale), unless a
        // determiner makes it a noun (de richting).
        if w.cat != Cat::Prep
            && has(w, Pos::Prep)
            && !matches!(prev_cat, Some(Cat::Det | Cat::Adj))
            && next.is_some_and(|x| {
                matches!(x.cat, Cat::Term | Cat::Name | Cat::Num)
                    || x.token == TokenKind::Number
                    || x.readings
                        .first()
                        .is_some_and(|a| matches!(a.pos, Pos::Det | Pos::Pron))
            })
            && w.choose(Cat::Prep, |a| a.pos == Pos::Prep)
        {
            continue;
        }
        // A preposition (its likeliest reading) before a noun phrase stays one.
        if w.cat == Cat::Prep
            && next.is_some_and(|x| {
                nominal(x)
                    || matches!(
                        x.cat,
                        Cat::Term | Cat::Name | Cat::Num | Cat::Pron | Cat::Det
                    )
                    || x.readings
                        .first()
                        .is_some_and(|a| matches!(a.pos, Pos::Det | Pos::Pron))
            })
        {
            continue;
        }
        // In a verb cluster before a finite auxiliary (voorbereid moet zijn,
        // komen kan), the first verb is a participle or an infinitive.
        let next_aux = next.is_some_and(|x| {
            x.readings
                .first()
                .is_some_and(|a| a.pos == Pos::Aux && is_finite_reading(a))
        });
        if next_aux
            && !matches!(prev_cat, Some(Cat::Det | Cat::Num))
            && !prev_genitive
            && w.readings.first().is_some_and(|a| a.pos.is_verbal())
        {
            let nonfinite = |a: &Analysis| {
                a.pos.is_verbal()
                    && matches!(
                        a.feats,
                        Feats::Verb(VerbForm::Participle | VerbForm::Infinitive)
                    )
            };
            if w.readings.iter().any(nonfinite) {
                let cat = if AUXILIARIES.contains(
                    &w.readings
                        .iter()
                        .find(|a| nonfinite(a))
                        .unwrap()
                        .lemma
                        .as_str(),
                ) {
                    Cat::Aux
                } else {
                    Cat::Verb
                };
                w.choose(cat, nonfinite);
                continue;
            }
        }
        // The verb a clause's auxiliary is waiting for, at the clause end:

        // moest … verlaten (infinitive), zijn … mislukt (participle).
        if at_clause_end && modal_seen && prev_cat != Some(Cat::Det) {
            let inf =
                |a: &Analysis| a.pos.is_verbal() && a.feats == Feats::Verb(VerbForm::Infinitive);
            if w.readings.iter().any(inf) {
                let cat = if AUXILIARIES
                    .contains(&w.readings.iter().find(|a| inf(a)).unwrap().lemma.as_str())
                {
                    Cat::Aux
                } else {
                    Cat::Verb
                };
                w.choose(cat, inf);
                continue;
            }
        }
        if at_clause_end && perfect_seen && prev_cat != Some(Cat::Det) {
            let part =
                |a: &Analysis| a.pos.is_verbal() && a.feats == Feats::Verb(VerbForm::Participle);
            if w.readings.iter().any(part) {
                w.choose(Cat::Verb, part);
                continue;
            }
        }
        // Open-class rules.

        // After a determiner, a number or an inflected (attributive)
        // adjective a noun phrase goes on; a bare adjective (ziek was) can
        // be predicative and says nothing.
        let after_det = prev_adj_term
            || prev_genitive
            || matches!(prev_cat, Some(Cat::Det | Cat::Num))
            || (prev_cat == Some(Cat::Adj) && prev.as_ref().is_some_and(|p| p.1.ends_with('e')));
        if prev_cat == Some(Cat::Te)
            && w.choose(Cat::Verb, |a| {
                a.pos.is_verbal() && a.feats == Feats::Verb(VerbForm::Infinitive)
            })
        {
            if AUXILIARIES.contains(&w.lemma()) {
                w.cat = Cat::Aux;
            }
            continue;
        }
        if after_det {
            // An adjective only when a noun can follow it; otherwise a noun
            // reading wins (de verdachte, de gewonde).
            // (An adjective after it must itself have a noun after it: de
            // verdachte snel arresteren is the suspect.)
            let noun_like = |x: &Word| {
                matches!(x.cat, Cat::Term | Cat::Name)
                    || x.readings.first().is_some_and(|a| a.pos == Pos::Noun)
                    || (x.readings.is_empty() && x.token == TokenKind::Word)
            };
            let noun_follows = next.is_some_and(|x| {
                noun_like(x)
                    || (x.readings.first().is_some_and(|a| a.pos == Pos::Adj)
                        && words_after.is_some_and(noun_like))
            });

            if noun_follows && has(w, Pos::Adj) && w.choose(Cat::Adj, |a| a.pos == Pos::Adj) {
                continue;
            }

            if w.choose(Cat::Noun, |a| a.pos == Pos::Noun)
                || w.choose(Cat::Adj, |a| a.pos == Pos::Adj)
            {
                continue;
            }
            // A participle after a determiner is an adjective when a noun
            // follows (de gesloten deur); after a number it stays a verb
            // (worden op 1 februari voortgezet).
            if (next_nominal || prev_cat != Some(Cat::Num))
                && w.choose(Cat::Adj, |a| a.feats == Feats::Verb(VerbForm::Participle))
            {
                continue;
            }
        }
        // After a plural subject pronoun the infinitive form is the plural
        // present (wij weten), not some other verb's past.
        let plural_subject = prev
            .as_ref()
            .is_some_and(|p| matches!(p.1.as_str(), "wij" | "we" | "jullie" | "zij" | "ze"));
        if plural_subject && !finite_seen {
            let inf =
                |a: &Analysis| a.pos.is_verbal() && a.feats == Feats::Verb(VerbForm::Infinitive);
            if w.readings.iter().any(inf) {
                let cat = if AUXILIARIES
                    .contains(&w.readings.iter().find(|a| inf(a)).unwrap().lemma.as_str())
                {
                    Cat::Aux
                } else {
                    Cat::Verb
                };
                w.choose(cat, inf);
                continue;
            }
        }
        let prev_subject = !next_finite
            && prev
                .as_ref()
                .is_some_and(|p| p.0 == Cat::Pron && SUBJECT_PRONOUNS.contains(&p.1.as_str()))
            || (!finite_seen
                && !next_finite
                && (matches!(prev_cat, Some(Cat::Noun | Cat::Name | Cat::Term | Cat::Pron))
                    // after a comma that closes a subordinate clause: its main verb
                                        || (prev.as_ref().is_some_and(|p| p.1 == ",") && verb_before_comma)))
            || (!finite_seen && !next_finite && prev_initial_adverb);
        if prev_subject && w.readings.iter().any(is_finite_reading) {
            let cat = cat_of(w.readings.iter().find(|a| is_finite_reading(a)).unwrap());
            w.choose(cat, is_finite_reading);
            continue;
        }
        // A preposition needs an object; without one it is a particle or adverb.
        if w.cat == Cat::Prep
            && !next_nominal
            && !next.is_some_and(|x| {
                matches!(x.cat, Cat::Pron | Cat::Det)
                    || has(x, Pos::Det)
                    || has(x, Pos::Pron)
                    || x.token == TokenKind::Number
            })
        {
            if lex.is_particle(l) || !w.choose(Cat::Adv, |a| a.pos == Pos::Adv) {
                w.cat = Cat::Particle;
            }
            continue;
        }
        // Before a noun, an adjective reading beats a verb or adverb reading.
        if next.is_some_and(|x| has(x, Pos::Noun) && !x.readings.iter().any(is_finite_reading))
            && matches!(w.cat, Cat::Verb | Cat::Adv)
            && w.choose(Cat::Adj, |a| a.pos == Pos::Adj)
        {
            continue;
        }
        // Verbs: prefer a finite reading mid-clause, the infinitive at a clause end.
        if matches!(w.cat, Cat::Verb | Cat::Aux) {
            let at_end = next.is_none_or(|x| {
                x.cat == Cat::Punct
                    || x.cat == Cat::Citation
                    || has(x, Pos::Verb)
                    || has(x, Pos::Aux)
            });
            let cur = w.pick.unwrap();
            if !is_finite_reading(&w.readings[cur])
                && !at_end
                && w.readings.iter().any(is_finite_reading)
            {
                w.pick = w.readings.iter().position(is_finite_reading);
            }
            if at_end
                && is_finite_reading(&w.readings[cur])
                && w.readings[cur].feats != Feats::Verb(VerbForm::PresentSingular)
            {
                // keep
            }
        }
        // A noun reading ending in -en at the end of a clause after a verb cluster is an infinitive.
        if w.cat == Cat::Noun
            && next_is_verb_only
            && w.readings
                .iter()
                .any(|a| a.pos.is_verbal() && a.feats == Feats::Verb(VerbForm::Infinitive))
            && !after_det
        {
            let cat = if AUXILIARIES.contains(&w.lemma()) {
                Cat::Aux
            } else {
                Cat::Verb
            };
            w.choose(cat, |a| {
                a.pos.is_verbal() && a.feats == Feats::Verb(VerbForm::Infinitive)
            });
        }
    }
}

fn next_nominal_with_prep_use(next: Option<&Word>) -> bool {
    // "om de hoek", "om 8 uur": om + NP not followed by te.
    next.is_some_and(|x| x.token == TokenKind::Number)
}

/// The longest multi-word lexicon entry starting at token `i`: its length in
/// tokens and its entry. It must end before the next glossary hit.
fn multiword_at(
    lex: &Lexicon,
    text: &str,
    toks: &[crate::segment::Token],
    i: usize,
    next_hit: Option<usize>,
) -> Option<(usize, LexId)> {
    let first = normalize_apostrophes(&text[toks[i].span.clone()].to_lowercase());
    'candidates: for (rest, id) in lex.multiword(&first) {
        if i + rest.len() >= toks.len() {
            continue;
        }
        for (k, want) in rest.iter().enumerate() {
            let Some(t) = toks.get(i + 1 + k) else {
                continue 'candidates;
            };
            if next_hit.is_some_and(|h| t.span.end > h)
                || normalize_apostrophes(&text[t.span.clone()].to_lowercase()) != *want
            {
                continue 'candidates;
            }
        }
        return Some((rest.len() + 1, *id));
    }
    None
}

/// Can this demonstrative be the determiner of the noun ahead? *dit*/*dat*
/// go with a singular *het*-noun, *deze*/*die* with a *de*-noun or a plural.
fn det_fits(l: &str, noun: Option<(bool, Option<Gender>, Option<LexId>)>, lex: &Lexicon) -> bool {
    let Some((plural, _, entry)) = noun else {
        return true;
    };
    let gender = entry.and_then(|id| lex.entry(id).gender);
    match l {
        "dit" | "dat" => !plural && gender != Some(Gender::De),
        "deze" | "die" => plural || gender != Some(Gender::Het),
        _ => true,
    }
}

/// Is there a `te` + verb ahead before the clause ends (for `om … te`)?
fn words_ahead_have_te(words: &[Word], i: usize) -> bool {
    for w in &words[i + 1..] {
        if w.is("te") {
            return true;
        }
        if matches!(w.text.as_str(), "." | ";" | ":" | "?" | "!") {
            return false;
        }
    }
    false
}

/// Does the engine know this word form (lexicon, morphology or compound)?
pub fn known(raw: &str, glossary: &Glossary, lex: &Lexicon) -> bool {
    let lower = normalize_apostrophes(&raw.to_lowercase());
    if lower.chars().count() > MAX_WORD_CHARS {
        return false;
    }
    !morph::analyse(lex, &lower).is_empty()
        || super::numbers::parse(&lower).is_some()
        || inflected_term(glossary, &lower).is_some()
        || compound::split(lex, glossary, &lower).is_some()
}

/// An inflected form (plural, adjective *-e*) of a glossary term of kind
/// `term`, `adj` or `demonym`.
pub fn inflected_term(glossary: &Glossary, lower: &str) -> Option<TermForm> {
    let mut candidates: Vec<(String, bool)> = Vec::new();
    for suffix in ["'s", "s"] {
        if let Some(b) = lower.strip_suffix(suffix) {
            candidates.push((b.to_owned(), true));
        }
    }
    if let Some(b) = lower.strip_suffix("en") {
        candidates.extend(morph::closed_from_open(b).into_iter().map(|c| (c, true)));
    }
    if let Some(b) = lower.strip_suffix('e') {
        candidates.extend(morph::closed_from_open(b).into_iter().map(|c| (c, false)));
    }
    for (c, plural) in candidates {
        if let Some(sp) = glossary.spelling_for_key(&match_key(&c)) {
            let entry = glossary.spelling(sp).entry;
            let kind = glossary.entry(entry).kind;
            let ok = match kind {
                Kind::Term | Kind::Demonym => plural,
                Kind::Adj => !plural,
                _ => false,
            };
            if ok {
                return Some(TermForm { entry, plural });
            }
        }
    }
    None
}

/// Has the clause word `i` belongs to had its verb yet? A forward scan: a
/// subordinate clause (from its opener to the end of its verb cluster) has
/// its own state; coordinators and hard punctuation start a new clause. A
/// verb in the infinitive form counts (the Dutch plural present: zij
/// kunnen), unless it follows *te*.
fn clause_has_verb(words: &[Word], i: usize) -> bool {
    let mut main = false;
    let mut in_sub = false;
    let mut sub_verb = false;
    for k in 0..i {
        let x = &words[k];
        if matches!(x.cat, Cat::SubConj | Cat::Rel) {
            in_sub = true;
            sub_verb = false;
            continue;
        }
        if x.cat == Cat::Conj
            || (x.cat == Cat::Punct
                && !x.is(",")
                && !matches!(x.text.as_str(), "‘" | "’" | "“" | "”" | "\""))
        {
            main = false;
            in_sub = false;
            continue;
        }
        let after_te = k > 0 && words[k - 1].cat == Cat::Te;
        let verb = x.is_finite()
            || (matches!(x.cat, Cat::Verb | Cat::Aux)
                && x.verb_form() == Some(VerbForm::Infinitive)
                && !after_te);
        if in_sub {
            if verb {
                sub_verb = true;
            } else if sub_verb {
                // The sub clause ended with its verb cluster.
                in_sub = false;
            }
        } else if verb {
            main = true;
        }
    }
    if in_sub { sub_verb } else { main }
}
