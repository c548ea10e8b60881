//! Synthetic glossaries for benchmarks: any number of entries that look like
//! the shipped ones, deterministic for a seed.
//!
//! Included by the benches (`#[path = "synth/mod.rs"] mod synth;`) and by
//! `examples/synth_glossary.rs`, which prints one as CSV:
//!
//! ```text
//! cargo run --release --example synth_glossary -- 10000 > glossary.csv
//! ```
//!
//! The mix, roughly: 40 % people (Russian and Ukrainian given and family
//! names, built from sounds and written the Dutch way — *oe*, *sj*, *zj*,
//! *tsj*, *ch*, *-ski*, *-ij* — with the English, German and other spellings
//! as variants, and sometimes a row for the bare surname), 25 % places
//! (*-sk*, *-ivka*, *-hrad*, *-pil*, sometimes with *Nizjni*, *Velyka*),
//! 15 % organisations (*Nationale Bank van …* with its acronym) and 20 %
//! terms (common Dutch news words first, then compounds such as
//! *graancorridor* and *tijdelijke humanitaire graancorridor*). Each entry
//! has 0–3 variants; about a third of the people and places have an `avoid`
//! spelling. No two spellings share a match key, and none is a spelling of
//! the shipped glossaries, so the file loads alone or after them without a
//! conflict or an override.

#![allow(dead_code)]

use std::collections::HashSet;
use std::fmt::Write as _;
use tolk::normalize::match_key;

/// The seed the benches and the example use unless told otherwise.
pub const SEED: u64 = 0x746f_6c6b; // "tolk"

/// One synthetic glossary row.
#[derive(Debug, Clone)]
pub struct Entry {
    pub nl: String,
    pub en: String,
    pub kind: &'static str,
    pub variants: Vec<String>,
    pub avoid: Vec<String>,
    pub origin: &'static str,
    pub note: String,
}

impl Entry {
    /// The Dutch spellings: `nl`, then the variants.
    pub fn spellings(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.nl.as_str()).chain(self.variants.iter().map(String::as_str))
    }
}

/// SplitMix64 (Steele, Lea & Flood): small, fast and well mixed.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (((self.next_u64() >> 32) * n as u64) >> 32) as usize
    }

    /// True with probability `percent` / 100.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

// ---- sounds and their spellings ---------------------------------------------

/// One sound (or ending) as English, Dutch and German news spell it.
#[derive(Clone, Copy)]
struct Sound {
    en: &'static str,
    nl: &'static str,
    de: &'static str,
}

const fn s(en: &'static str, nl: &'static str, de: &'static str) -> Sound {
    Sound { en, nl, de }
}

/// Consonants; the plain ones are listed more than once to be more frequent.
const CONSONANTS: &[Sound] = &[
    s("b", "b", "b"),
    s("v", "v", "w"),
    s("v", "v", "w"),
    s("h", "h", "h"),
    s("g", "g", "g"),
    s("d", "d", "d"),
    s("d", "d", "d"),
    s("z", "z", "s"),
    s("k", "k", "k"),
    s("k", "k", "k"),
    s("l", "l", "l"),
    s("l", "l", "l"),
    s("m", "m", "m"),
    s("m", "m", "m"),
    s("n", "n", "n"),
    s("n", "n", "n"),
    s("p", "p", "p"),
    s("r", "r", "r"),
    s("r", "r", "r"),
    s("s", "s", "s"),
    s("s", "s", "s"),
    s("t", "t", "t"),
    s("t", "t", "t"),
    s("f", "f", "f"),
    s("zh", "zj", "sh"),
    s("sh", "sj", "sch"),
    s("ch", "tsj", "tsch"),
    s("kh", "ch", "ch"),
    s("ts", "ts", "z"),
    s("shch", "sjtsj", "schtsch"),
];

const VOWELS: &[Sound] = &[
    s("a", "a", "a"),
    s("a", "a", "a"),
    s("o", "o", "o"),
    s("o", "o", "o"),
    s("e", "e", "e"),
    s("i", "i", "i"),
    s("i", "i", "i"),
    s("u", "oe", "u"),
    s("y", "y", "y"),
    s("ya", "ja", "ja"),
    s("yu", "joe", "ju"),
    s("ye", "je", "je"),
    s("yi", "ji", "ji"),
];

/// Family-name endings: (masculine, feminine).
const FAMILY_ENDINGS: &[(Sound, Option<Sound>)] = &[
    (s("ov", "ov", "ow"), Some(s("ova", "ova", "owa"))),
    (s("ov", "ov", "ow"), Some(s("ova", "ova", "owa"))),
    (s("ev", "ev", "ew"), Some(s("eva", "eva", "ewa"))),
    (s("in", "in", "in"), Some(s("ina", "ina", "ina"))),
    (s("sky", "ski", "ski"), Some(s("ska", "ska", "ska"))),
    (s("sky", "ski", "ski"), Some(s("ska", "ska", "ska"))),
    (s("enko", "enko", "enko"), None),
    (s("enko", "enko", "enko"), None),
    (s("uk", "oek", "uk"), None),
    (s("chuk", "tsjoek", "tschuk"), None),
    (s("ovych", "ovytsj", "owytsch"), None),
    (s("ko", "ko", "ko"), None),
    (s("nyk", "nyk", "nik"), None),
];

/// Given-name endings; a name ending in `a` takes feminine family names.
const GIVEN_ENDINGS: &[Sound] = &[
    s("", "", ""),
    s("", "", ""),
    s("a", "a", "a"),
    s("a", "a", "a"),
    s("iy", "ij", "ij"),
    s("o", "o", "o"),
    s("yr", "yr", "yr"),
];

const PLACE_ENDINGS: &[Sound] = &[
    s("sk", "sk", "sk"),
    s("sk", "sk", "sk"),
    s("ivka", "ivka", "iwka"),
    s("ivka", "ivka", "iwka"),
    s("hrad", "hrad", "grad"),
    s("pil", "pil", "pol"),
    s("ove", "ove", "owe"),
    s("yn", "yn", "yn"),
    s("ets", "ets", "ez"),
    s("ka", "ka", "ka"),
    s("iv", "iv", "iw"),
    s("ivske", "ivske", "iwske"),
];

const PLACE_PREFIXES: &[Sound] = &[
    s("Velyka", "Velyka", "Welyka"),
    s("Nyzhni", "Nizjni", "Nischni"),
    s("Stara", "Stara", "Stara"),
    s("Nova", "Nova", "Nowa"),
    s("Verkhnia", "Verchnja", "Werchnja"),
];

/// `(Dutch, English)` organisation types, written "{type} van {place}".
const ORG_TYPES: &[(&str, &str)] = &[
    ("Nationale Bank", "National Bank"),
    ("Gemeenteraad", "City Council"),
    ("Staatsuniversiteit", "State University"),
    ("Universiteit", "University"),
    ("Rechtbank", "Court"),
    ("Hof van Beroep", "Court of Appeal"),
    ("Kamer van Koophandel", "Chamber of Commerce"),
    ("Politie", "Police"),
    ("Havenbedrijf", "Port Authority"),
    ("Energiebedrijf", "Energy Company"),
    ("Metrobedrijf", "Metro Company"),
    ("Regionale Administratie", "Regional Administration"),
    ("Militaire Administratie", "Military Administration"),
    ("Openbaar Ministerie", "Prosecutor's Office"),
    ("Nationale Garde", "National Guard"),
    ("Filharmonie", "Philharmonic"),
    ("Kunstacademie", "Academy of Arts"),
    ("Mijnbouwmaatschappij", "Mining Company"),
];

/// `(Dutch, English)` company forms, written "{surname} {form}".
const COMPANY_FORMS: &[(&str, &str)] = &[
    ("Groep", "Group"),
    ("Holding", "Holding"),
    ("Stichting", "Foundation"),
    ("Transport", "Transport"),
    ("Agro", "Agro"),
];

/// Common Dutch news terms, the first terms every glossary gets.
const NEWS_TERMS: &[(&str, &str)] = &[
    ("wapenstilstand", "ceasefire"),
    ("vredesakkoord", "peace agreement"),
    ("vredesoverleg", "peace talks"),
    ("tegenoffensief", "counteroffensive"),
    ("luchtafweer", "air defence"),
    ("luchtaanval", "air strike"),
    ("raketaanval", "missile attack"),
    ("droneaanval", "drone attack"),
    ("gevangenenruil", "prisoner exchange"),
    ("graanakkoord", "grain deal"),
    ("energiecrisis", "energy crisis"),
    ("vluchtelingen", "refugees"),
    ("mobilisatie", "mobilisation"),
    ("annexatie", "annexation"),
    ("frontlinie", "front line"),
    ("bezette gebieden", "occupied territories"),
    ("oorlogsmisdaden", "war crimes"),
    ("wapenleveranties", "arms deliveries"),
    ("militaire steun", "military aid"),
    ("humanitaire hulp", "humanitarian aid"),
    ("regering", "government"),
    ("kabinet", "cabinet"),
    ("oppositie", "opposition"),
    ("verkiezingen", "elections"),
    ("coalitie", "coalition"),
    ("parlement", "parliament"),
    ("premier", "prime minister"),
    ("minister", "minister"),
    ("staatssecretaris", "state secretary"),
    ("burgemeester", "mayor"),
    ("economie", "economy"),
    ("inflatie", "inflation"),
    ("werkloosheid", "unemployment"),
    ("begroting", "budget"),
    ("belastingen", "taxes"),
    ("klimaatverandering", "climate change"),
    ("ziekenhuis", "hospital"),
    ("politie", "police"),
    ("rechter", "judge"),
    ("rechtbank", "court"),
    ("onderzoek", "investigation"),
    ("demonstranten", "protesters"),
    ("demonstratie", "demonstration"),
    ("aanslag", "attack"),
    ("slachtoffers", "victims"),
    ("gewonden", "injured"),
    ("doden", "dead"),
    ("leger", "army"),
    ("soldaten", "soldiers"),
    ("grens", "border"),
    ("bondgenoten", "allies"),
    ("onderhandelingen", "negotiations"),
    ("woordvoerder", "spokesperson"),
    ("persconferentie", "press conference"),
    ("verklaring", "statement"),
    ("president", "president"),
    ("hoofdstad", "capital"),
    ("bevolking", "population"),
    ("bedrijven", "companies"),
    ("onderzoekers", "researchers"),
    ("wetenschappers", "scientists"),
    ("studie", "study"),
    ("patiënten", "patients"),
    ("vaccin", "vaccine"),
    ("pandemie", "pandemic"),
    ("orkaan", "hurricane"),
    ("overstromingen", "floods"),
    ("bosbranden", "wildfires"),
    ("aardbeving", "earthquake"),
    ("brandweer", "fire brigade"),
];

/// `(Dutch, English)` first parts of compound terms (linking *-s-* included).
const PREFIXES: &[(&str, &str)] = &[
    ("vredes", "peace"),
    ("wapen", "arms"),
    ("grens", "border"),
    ("energie", "energy"),
    ("graan", "grain"),
    ("lucht", "air"),
    ("raket", "missile"),
    ("gas", "gas"),
    ("olie", "oil"),
    ("kern", "nuclear"),
    ("veiligheids", "security"),
    ("handels", "trade"),
    ("belasting", "tax"),
    ("water", "water"),
    ("spoor", "rail"),
    ("haven", "port"),
    ("stroom", "power"),
    ("voedsel", "food"),
    ("munitie", "ammunition"),
    ("drone", "drone"),
    ("tank", "tank"),
    ("hulp", "aid"),
    ("vluchtelingen", "refugee"),
    ("gevangenen", "prisoner"),
    ("oorlogs", "war"),
    ("pers", "press"),
    ("defensie", "defence"),
    ("infrastructuur", "infrastructure"),
    ("staats", "state"),
    ("overheids", "government"),
    ("kiezers", "voter"),
    ("verkiezings", "election"),
    ("begrotings", "budget"),
    ("migratie", "migration"),
    ("klimaat", "climate"),
    ("zorg", "care"),
    ("onderwijs", "education"),
    ("woning", "housing"),
    ("stikstof", "nitrogen"),
    ("landbouw", "agriculture"),
];

/// `(Dutch, English)` second parts of compound terms.
const SUFFIXES: &[(&str, &str)] = &[
    ("akkoord", "agreement"),
    ("overleg", "talks"),
    ("verdrag", "treaty"),
    ("corridor", "corridor"),
    ("leverantie", "delivery"),
    ("steun", "support"),
    ("crisis", "crisis"),
    ("tekort", "shortage"),
    ("beleid", "policy"),
    ("hervorming", "reform"),
    ("sector", "sector"),
    ("fonds", "fund"),
    ("markt", "market"),
    ("netwerk", "network"),
    ("systeem", "system"),
    ("installatie", "installation"),
    ("commissie", "committee"),
    ("plan", "plan"),
    ("garantie", "guarantee"),
    ("embargo", "embargo"),
    ("blokkade", "blockade"),
    ("missie", "mission"),
    ("aanval", "attack"),
    ("verdediging", "defence"),
    ("export", "exports"),
    ("import", "imports"),
    ("prijs", "price"),
    ("heffing", "levy"),
    ("inspectie", "inspection"),
    ("rapport", "report"),
    ("wet", "law"),
    ("toezicht", "oversight"),
    ("programma", "programme"),
    ("strategie", "strategy"),
    ("reserve", "reserve"),
    ("capaciteit", "capacity"),
];

/// `(Dutch, English)` adjectives before a compound term.
const ADJECTIVES: &[(&str, &str)] = &[
    ("humanitaire", "humanitarian"),
    ("militaire", "military"),
    ("nationale", "national"),
    ("regionale", "regional"),
    ("nieuwe", "new"),
    ("tijdelijke", "temporary"),
    ("gezamenlijke", "joint"),
    ("strategische", "strategic"),
    ("internationale", "international"),
    ("bilaterale", "bilateral"),
    ("economische", "economic"),
    ("financiële", "financial"),
    ("digitale", "digital"),
    ("federale", "federal"),
    ("verplichte", "mandatory"),
    ("tweede", "second"),
    ("extra", "additional"),
    ("permanente", "permanent"),
    ("grootschalige", "large-scale"),
    ("noodzakelijke", "necessary"),
    ("vrijwillige", "voluntary"),
    ("preventieve", "preventive"),
    ("defensieve", "defensive"),
    ("offensieve", "offensive"),
    ("civiele", "civil"),
    ("publieke", "public"),
    ("private", "private"),
    ("lokale", "local"),
    ("centrale", "central"),
    ("Europese", "European"),
];

const ROLES: &[&str] = &[
    "minister of energy",
    "governor",
    "mayor",
    "member of parliament",
    "army commander",
    "spokesperson of the foreign ministry",
    "head of the regional military administration",
    "opposition leader",
    "businessman",
    "human rights activist",
    "journalist",
    "prosecutor general",
];

const PLACE_NOTES: &[&str] = &["city", "town", "village", "river", "oblast", "port city"];

// ---- building names ----------------------------------------------------------

/// A name in its three spellings.
#[derive(Clone, Default)]
struct Name {
    en: String,
    nl: String,
    de: String,
}

impl Name {
    fn push(&mut self, s: Sound) {
        self.en.push_str(s.en);
        self.nl.push_str(s.nl);
        self.de.push_str(s.de);
    }

    fn capitalized(&self) -> Name {
        Name {
            en: capitalize(&self.en),
            nl: capitalize(&self.nl),
            de: capitalize(&self.de),
        }
    }

    fn join(&self, other: &Name) -> Name {
        Name {
            en: format!("{} {}", self.en, other.en),
            nl: format!("{} {}", self.nl, other.nl),
            de: format!("{} {}", self.de, other.de),
        }
    }
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// `syllables` consonant-vowel syllables (the first may lack its consonant),
/// then a consonant when `closed`.
fn stem(rng: &mut Rng, syllables: usize, closed: bool) -> Name {
    let mut n = Name::default();
    for i in 0..syllables {
        let onset = (i > 0 || !rng.chance(15)).then(|| *rng.pick(CONSONANTS));
        if let Some(c) = onset {
            n.push(c);
        }
        // A glide vowel (ya, yu) follows only a plain consonant or starts
        // the word; `y` does not start one.
        let mut v = *rng.pick(VOWELS);
        loop {
            let glide = v.en.starts_with('y') && v.en.len() > 1;
            let ok = match onset {
                Some(c) => !glide || c.en.len() == 1,
                None => v.en != "y" && v.en != "yi",
            };
            if ok {
                break;
            }
            v = *rng.pick(VOWELS);
        }
        n.push(v);
    }
    if closed {
        n.push(*rng.pick(CONSONANTS));
    }
    n
}

fn given_name(rng: &mut Rng) -> (Name, bool) {
    let syllables = 1 + rng.below(2);
    let ending = *rng.pick(GIVEN_ENDINGS);
    let mut n = stem(rng, syllables, true);
    n.push(ending);
    (n.capitalized(), ending.en == "a")
}

fn family_name(rng: &mut Rng, feminine: bool) -> Name {
    let syllables = 1 + rng.below(2);
    let mut n = stem(rng, syllables, true);
    let (m, f) = *rng.pick(FAMILY_ENDINGS);
    n.push(if feminine { f.unwrap_or(m) } else { m });
    n.capitalized()
}

fn place_name(rng: &mut Rng) -> Name {
    let syllables = 1 + rng.below(2);
    let mut n = stem(rng, syllables, true);
    n.push(*rng.pick(PLACE_ENDINGS));
    let n = n.capitalized();
    if rng.chance(10) {
        let p = *rng.pick(PLACE_PREFIXES);
        Name {
            en: p.en.into(),
            nl: p.nl.into(),
            de: p.de.into(),
        }
        .join(&n)
    } else {
        n
    }
}

/// Other Dutch spellings news writes: `-ski` as `-skyj`, `-ij` as `-i`,
/// English `kh` for `ch`, and `u` for `oe` (half-English).
fn dutch_alternatives(nl: &str) -> Vec<String> {
    let mut out = Vec::new();
    let words: Vec<&str> = nl.split(' ').collect();
    let last = words.len() - 1;
    let with_last = |w: String| {
        let mut ws: Vec<String> = words.iter().map(|w| w.to_string()).collect();
        ws[last] = w;
        ws.join(" ")
    };
    if let Some(stem) = words[last].strip_suffix("ski") {
        out.push(with_last(format!("{stem}skyj")));
    }
    if words.iter().any(|w| w.ends_with("ij")) {
        out.push(
            words
                .iter()
                .map(|w| {
                    w.strip_suffix("ij")
                        .map_or(w.to_string(), |s| format!("{s}i"))
                })
                .collect::<Vec<_>>()
                .join(" "),
        );
    }
    if nl.contains("ch") && !nl.contains("sch") {
        out.push(nl.replace("ch", "kh"));
    }
    if nl.contains("oe") {
        out.push(nl.replace("oe", "u"));
    }
    out
}

/// English spellings house style rules out: `-skyy`/`-skiy`, `-iy` as `-y`,
/// Russian `g` and `-ov` for Ukrainian `h` and `-iv`.
fn english_alternatives(en: &str) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(stem) = en.strip_suffix("sky") {
        out.push(format!("{stem}skyy"));
        out.push(format!("{stem}skiy"));
    }
    if en.contains("iy") {
        out.push(en.replace("iy", "y"));
    }
    if let Some(stem) = en.strip_suffix("iv") {
        out.push(format!("{stem}ov"));
    }
    if en.contains('h') && !en.contains("kh") && !en.contains("sh") && !en.contains("ch") {
        out.push(en.replace('h', "g"));
    }
    if en.contains("kh") {
        out.push(en.replace("kh", "h"));
    }
    out
}

/// Acronym of the capitalised words (`Nationale Bank van Lviv` → `NBL`).
fn acronym(nl: &str) -> String {
    nl.split([' ', '-'])
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect()
}

// ---- the generator -----------------------------------------------------------

struct Generator {
    rng: Rng,
    /// Match keys taken (by the shipped glossaries or an earlier entry).
    keys: HashSet<String>,
    /// English of the shipped glossaries and of every entry so far.
    english: HashSet<String>,
    /// Avoid spellings of the shipped glossaries.
    avoided: HashSet<String>,
    entries: Vec<Entry>,
    next_news_term: usize,
}

impl Generator {
    /// Take `spelling`'s key; false if it is taken.
    fn claim(&mut self, spelling: &str) -> bool {
        let key = match_key(spelling);
        !key.is_empty() && self.keys.insert(key)
    }

    fn free(&self, spelling: &str) -> bool {
        !self.keys.contains(&match_key(spelling))
    }

    /// Add an entry if its `nl` is free: up to `max` of `candidates` as
    /// variants (free, distinct keys), and maybe one of `avoid` (not any
    /// entry's English so far).
    #[allow(clippy::too_many_arguments)]
    fn add(
        &mut self,
        nl: String,
        en: String,
        kind: &'static str,
        candidates: Vec<String>,
        max: usize,
        avoid: Vec<String>,
        origin: &'static str,
        note: String,
    ) -> bool {
        if self.avoided.contains(&en.to_lowercase()) || !self.claim(&nl) {
            return false;
        }
        let mut variants = Vec::new();
        let wanted = self.rng.below(max + 1);
        let mut candidates = candidates;
        while variants.len() < wanted && !candidates.is_empty() {
            let v = candidates.swap_remove(self.rng.below(candidates.len()));
            if self.claim(&v) {
                variants.push(v);
            }
        }
        let avoid: Vec<String> = if !avoid.is_empty() && self.rng.chance(35) {
            let a = self.rng.pick(&avoid).clone();
            if a != en && !self.english.contains(&a.to_lowercase()) {
                self.avoided.insert(a.to_lowercase());
                vec![a]
            } else {
                Vec::new()
            }
        } else {
            Vec::new()
        };
        self.english.insert(en.to_lowercase());
        self.entries.push(Entry {
            nl,
            en,
            kind,
            variants,
            avoid,
            origin,
            note,
        });
        true
    }

    fn origin(&mut self) -> &'static str {
        if self.rng.chance(55) { "uk" } else { "ru" }
    }

    fn person(&mut self, room: usize) {
        let (given, feminine) = given_name(&mut self.rng);
        let family = family_name(&mut self.rng, feminine);
        let full = given.join(&family);
        let mut candidates = vec![full.de.clone(), full.en.clone()];
        candidates.extend(dutch_alternatives(&full.nl));
        candidates.retain(|c| *c != full.nl);
        let mut avoid: Vec<String> = english_alternatives(&family.en)
            .into_iter()
            .map(|f| format!("{} {f}", given.en))
            .collect();
        avoid.extend(
            english_alternatives(&given.en)
                .into_iter()
                .map(|g| format!("{g} {}", family.en)),
        );
        let origin = self.origin();
        let note = if self.rng.chance(50) {
            self.rng.pick(ROLES).to_string()
        } else {
            String::new()
        };
        if !self.add(
            full.nl.clone(),
            full.en.clone(),
            "person",
            candidates,
            3,
            avoid,
            origin,
            note,
        ) {
            return;
        }
        // The bare surname, a row of its own (as `Poetin` beside `Vladimir Poetin`).
        if room > 1 && self.rng.chance(30) && self.free(&family.nl) {
            let mut candidates = vec![family.de.clone(), family.en.clone()];
            candidates.extend(dutch_alternatives(&family.nl));
            candidates.retain(|c| *c != family.nl);
            self.add(
                family.nl.clone(),
                family.en.clone(),
                "person",
                candidates,
                2,
                english_alternatives(&family.en),
                origin,
                String::new(),
            );
        }
    }

    fn place(&mut self) {
        let name = place_name(&mut self.rng);
        let mut candidates = vec![name.de.clone(), name.en.clone()];
        candidates.extend(dutch_alternatives(&name.nl));
        candidates.retain(|c| *c != name.nl);
        let avoid = english_alternatives(&name.en);
        let origin = self.origin();
        let note = if self.rng.chance(40) {
            self.rng.pick(PLACE_NOTES).to_string()
        } else {
            String::new()
        };
        self.add(
            name.nl, name.en, "place", candidates, 3, avoid, origin, note,
        );
    }

    fn org(&mut self) {
        if self.rng.chance(25) {
            let family = family_name(&mut self.rng, false);
            let (nl_form, en_form) = *self.rng.pick(COMPANY_FORMS);
            let nl = format!("{} {nl_form}", family.nl);
            let en = format!("{} {en_form}", family.en);
            let candidates = vec![format!("{} {nl_form}", family.de), en.clone()];
            self.add(nl, en, "org", candidates, 2, Vec::new(), "", String::new());
            return;
        }
        let place = place_name(&mut self.rng);
        let (nl_type, en_type) = *self.rng.pick(ORG_TYPES);
        let nl = format!("{nl_type} van {}", place.nl);
        let en = format!("{en_type} of {}", place.en);
        let mut candidates = vec![format!("{nl_type} van {}", place.de), en.clone()];
        let short = acronym(&nl);
        if short.chars().count() >= 3 {
            candidates.push(short);
        }
        candidates.retain(|c| *c != nl);
        self.add(nl, en, "org", candidates, 3, Vec::new(), "", String::new());
    }

    fn term(&mut self) {
        if self.next_news_term < NEWS_TERMS.len() {
            let (nl, en) = NEWS_TERMS[self.next_news_term];
            self.next_news_term += 1;
            self.add(
                nl.into(),
                en.into(),
                "term",
                Vec::new(),
                0,
                Vec::new(),
                "",
                String::new(),
            );
            return;
        }
        let (pn, pe) = *self.rng.pick(PREFIXES);
        let (sn, se) = *self.rng.pick(SUFFIXES);
        let mut nl = format!("{pn}{sn}");
        let mut en = format!("{pe} {se}");
        let mut candidates = vec![format!("{pn}-{sn}")];
        if nl.contains('c') {
            candidates.push(nl.replace('c', "k"));
        }
        // Most compounds come with one or two adjectives.
        let adjectives = self.rng.below(3);
        let mut used = Vec::new();
        for _ in 0..adjectives {
            let (an, ae) = *self.rng.pick(ADJECTIVES);
            if used.contains(&an) {
                continue;
            }
            used.push(an);
            nl = format!("{an} {nl}");
            en = format!("{ae} {en}");
            candidates = candidates.iter().map(|c| format!("{an} {c}")).collect();
        }
        let mut avoid = Vec::new();
        if en.contains("defence") {
            avoid.push(en.replace("defence", "defense"));
        }
        self.add(nl, en, "term", candidates, 2, avoid, "", String::new());
    }
}

/// `n` entries from `seed`: the same arguments always give the same entries.
pub fn entries(n: usize, seed: u64) -> Vec<Entry> {
    let shipped = tolk::Glossary::load(tolk::glossary::shipped_sources())
        .expect("the shipped glossaries load");
    let mut g = Generator {
        rng: Rng::new(seed),
        keys: shipped
            .spellings()
            .iter()
            .map(|s| match_key(&s.text))
            .collect(),
        english: shipped
            .entries()
            .iter()
            .map(|e| e.en.to_lowercase())
            .collect(),
        avoided: shipped
            .entries()
            .iter()
            .flat_map(|e| e.avoid.iter().map(|a| a.to_lowercase()))
            .collect(),
        entries: Vec::with_capacity(n),
        next_news_term: 0,
    };
    while g.entries.len() < n {
        let room = n - g.entries.len();
        match g.rng.below(100) {
            0..40 => g.person(room),
            40..65 => g.place(),
            65..80 => g.org(),
            _ => g.term(),
        }
    }
    // An avoid spelling that became an entry's English later is dropped.
    let english = g.english;
    for e in &mut g.entries {
        e.avoid.retain(|a| !english.contains(&a.to_lowercase()));
    }
    g.entries
}

/// A CSV field, quoted when it must be (RFC 4180).
fn field(out: &mut String, s: &str) {
    if s.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&s.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(s);
    }
}

/// The entries as a glossary CSV (header `nl,en,kind,variants,avoid,origin,note`).
pub fn to_csv(entries: &[Entry]) -> String {
    let mut out = String::with_capacity(entries.len() * 96 + 64);
    out.push_str("nl,en,kind,variants,avoid,origin,note\n");
    for e in entries {
        field(&mut out, &e.nl);
        out.push(',');
        field(&mut out, &e.en);
        let _ = write!(out, ",{},", e.kind);
        field(&mut out, &e.variants.join("|"));
        out.push(',');
        field(&mut out, &e.avoid.join("|"));
        let _ = write!(out, ",{},", e.origin);
        field(&mut out, &e.note);
        out.push('\n');
    }
    out
}

/// `n` entries from `seed`, as CSV.
pub fn csv(n: usize, seed: u64) -> String {
    to_csv(&entries(n, seed))
}
