//! Transliteration: English spellings for Russian and Ukrainian names that
//! no glossary knows.
//!
//! Takes a name as Dutch text writes it (Russian-based or Ukrainian-based
//! Dutch transliteration, a form already in English, or Cyrillic); returns a
//! [`Proposal`]: the English spelling (BGN/PCGN as English news simplifies it
//! for Russian, KMU 2010 for Ukrainian), the origin used, a confidence and
//! the rules that fired. Given names come from a table
//! (`glossary/lexicon/given-names.csv`). Invariants: a word without Dutch
//! transliteration marks comes back unchanged (it is already English, or
//! not Slavic); a Dutch word (*strijd, rijk, Oekraïne*) is never changed.

use crate::glossary::Origin;
use serde::Serialize;
use std::collections::HashMap;

mod shipped_data {
    include!(concat!(env!("OUT_DIR"), "/given_names.rs"));
}

/// A proposed English spelling.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Proposal {
    /// The input, as given.
    pub input: String,
    /// The English spelling.
    pub en: String,
    /// The origin the spelling follows.
    pub origin: Origin,
    /// Where the origin came from: `given` (the caller), `name` (the table
    /// of given names), `letters`, `context`, or `default` (no evidence:
    /// Russian).
    pub origin_from: &'static str,
    /// 0 to 1: how likely `en` is the spelling English news uses.
    pub confidence: f32,
    /// The rules that fired, in order (`sj→sh`, `given name Sergej→Sergei`…).
    pub rules: Vec<String>,
    /// For Cyrillic input: the Dutch spellings (Russian-based and, for a
    /// Ukrainian name, Ukrainian-based); empty otherwise.
    pub dutch: Vec<String>,
    /// Nothing was changed (already English, or not a Slavic name).
    pub unchanged: bool,
}

/// A given name in the table.
#[derive(Debug, Clone)]
struct GivenName {
    en: String,
    origin: Origin,
}

/// The transliterator with its table of given names.
#[derive(Debug, Clone, Default)]
pub struct Transliterator {
    /// Lowercase Dutch spelling → its English per origin.
    given: HashMap<String, Vec<GivenName>>,
}

/// A given-names table could not be read.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct TableError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

fn is_cyrillic(c: char) -> bool {
    ('\u{0400}'..='\u{04FF}').contains(&c)
}

/// Lowercase Dutch letter groups that never occur in Dutch transliteration
/// of a Slavic name, but do in Dutch (and other) words: *strijd, rijk,
/// Oekraïne, Hoekstra, huis, Jansen*.
fn looks_dutch(lower: &str) -> bool {
    const GROUPS: [&str; 12] = [
        "aa", "ee", "oo", "uu", "ui", "eu", "ou", "ei", "ie", "ae", "ë", "ï",
    ];
    if GROUPS.iter().any(|g| lower.contains(g)) {
        return true;
    }
    // `ij` before a consonant is the Dutch letter (*strijd, rijk*); a
    // Slavic name has it only at the end (-ij) or before a vowel (*Marija*).
    if lower
        .match_indices("ij")
        .any(|(i, _)| lower[i + 2..].chars().next().is_some_and(|c| !is_vowel(c)))
    {
        return true;
    }
    const ENDINGS: [&str; 9] = [
        "stra", "sma", "tje", "pje", "kje", "ink", "heid", "lijk", "isch",
    ];
    ENDINGS.iter().any(|e| lower.ends_with(e))
}

/// Letters and groups Dutch transliteration of Russian and Ukrainian never
/// writes: the word is English, Spanish, Polish… (*Project, Johnson,
/// Ratajkowski*).
fn foreign_letters(lower: &str) -> bool {
    if ["q", "w", "x", "th", "ph", "ck", "sz", "cz"]
        .iter()
        .any(|g| lower.contains(g))
    {
        return true;
    }
    // c only in ch (and German sch).
    lower
        .match_indices('c')
        .any(|(i, _)| !lower[i + 1..].starts_with('h'))
}

/// Dutch transliteration marks in a word, strong ones (never in Dutch or
/// English words: *tsj, zj, sj* inside a word, *j* between letters) and weak
/// ones (*oe*, an initial *j* or *sj*, *ch*: common in Dutch and English too).
pub fn dutch_marks(word: &str) -> (Vec<&'static str>, Vec<&'static str>) {
    let w = word.to_lowercase();
    let (mut strong, mut weak) = (Vec::new(), Vec::new());
    for m in ["sjtsj", "tsj", "zj"] {
        if w.contains(m) {
            strong.push(m);
        }
    }
    if w.starts_with("sj") {
        weak.push("sj");
    } else if strong.is_empty() && w.contains("sj") {
        strong.push("sj");
    }
    if w.contains("oe") {
        weak.push("oe");
    }
    if w.contains("ch") && !w.contains("sch") {
        weak.push("ch");
    }
    // Not at the start (*Schiphol*): German ш in a pasted name (*Timoschenko*).
    if w.char_indices()
        .skip(1)
        .any(|(i, _)| w[i..].starts_with("sch"))
    {
        weak.push("sch");
    }
    let chars: Vec<char> = w.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c != 'j' {
            continue;
        }
        let prev = i.checked_sub(1).map(|k| chars[k]);
        let next = chars.get(i + 1).copied();
        match (prev, next) {
            (None, Some(n)) if is_vowel(n) => weak.push("initial j"),
            // i + iotated vowel (*Marija, Joelija*); else the Dutch letter ij.
            (Some('i'), Some(n)) if is_vowel(n) => strong.push("j+vowel"),
            (Some('i'), _) => {}
            (Some(_), Some(n)) if is_vowel(n) => strong.push("j+vowel"),
            (Some(p), Some(_)) if is_vowel(p) => strong.push("j+consonant"),
            (Some(p), None) if is_vowel(p) => strong.push("final j"),
            _ => {}
        }
    }
    // -ij/-yj: the Ukrainian ending -ій/-ий (*Serhij, Zelenskyj*).
    if chars.len() > 3 && (w.ends_with("ij") || w.ends_with("yj")) {
        strong.push("-ij/-yj");
    }
    strong.dedup();
    weak.dedup();
    (strong, weak)
}

/// Endings and letters that point to a Ukrainian or a Russian name.
fn origin_clues(lower: &str) -> (i32, i32, Vec<&'static str>) {
    let (mut uk, mut ru) = (0, 0);
    let mut why = Vec::new();
    let plain = lower
        .replace("ch", "")
        .replace("kh", "")
        .replace("sh", "")
        .replace("zh", "");
    if plain.contains('h') {
        uk += 2;
        why.push("h (Ukrainian г)");
    }
    let chars: Vec<char> = lower.chars().collect();
    if chars
        .iter()
        .enumerate()
        .any(|(i, &c)| c == 'y' && i > 0 && !is_vowel(chars[i - 1]))
    {
        uk += 2;
        why.push("y after a consonant (Ukrainian и)");
    }
    if lower.contains("ji") {
        uk += 2;
        why.push("ji (Ukrainian ї)");
    }
    for (e, w) in [
        ("yj", 2),
        ("ij", 1),
        ("ivka", 2),
        ("iv", 2),
        ("enko", 2),
        ("tsjoek", 2),
        ("joek", 2),
        ("oek", 1),
        ("tsi", 2),
        ("ske", 2),
    ] {
        if lower.ends_with(e) {
            uk += w;
            why.push("Ukrainian ending");
            break;
        }
    }
    for (e, w) in [
        ("ov", 2),
        ("ova", 2),
        ("ev", 2),
        ("eva", 2),
        ("in", 1),
        ("ina", 1),
        ("grad", 2),
        ("burg", 2),
        ("skaja", 2),
        ("ovitsj", 1),
        ("ski", 1),
        ("ska", 1),
        ("sk", 1),
    ] {
        if lower.ends_with(e) {
            ru += w;
            why.push("Russian ending");
            break;
        }
    }
    (uk, ru, why)
}

/// Words near a name that tell its origin.
fn context_clues(context: &str) -> (i32, i32) {
    let lower = context.to_lowercase();
    let uk = [
        "oekraï", "oekrai", "kyiv", "kiev", "kyjiv", "kharkiv", "charkiv",
    ]
    .iter()
    .filter(|w| lower.contains(*w))
    .count() as i32;
    let ru = ["russisch", "rusland", "kremlin", "moskou", "sovjet"]
        .iter()
        .filter(|w| lower.contains(*w))
        .count() as i32;
    (uk, ru)
}

/// Replace the case of `out` to follow `like` (capitalised, ALL CAPS or lowercase).
fn recase(out: &str, like: &str) -> String {
    let letters: Vec<char> = like.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()) {
        return out.to_uppercase();
    }
    if like.chars().next().is_some_and(char::is_uppercase) {
        let mut c = out.chars();
        return match c.next() {
            Some(f) => f.to_uppercase().chain(c).collect(),
            None => String::new(),
        };
    }
    out.to_owned()
}

/// Cyrillic → English (BGN/PCGN as news simplifies it; KMU 2010).
fn cyrillic_english(
    c: char,
    origin: Origin,
    word_start: bool,
    prev: Option<char>,
    next: Option<char>,
) -> String {
    let uk = origin == Origin::Uk;
    let after_vowel_or_start = word_start || prev.is_some_and(|p| "аеєиіїоуюяыэёьъ".contains(p));
    let s = match c {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => {
            if uk {
                if prev == Some('з') { "gh" } else { "h" }
            } else {
                "g"
            }
        }
        'ґ' => "g",
        'д' => "d",
        'е' => {
            if !uk && after_vowel_or_start {
                "ye"
            } else {
                "e"
            }
        }
        'є' => {
            if word_start {
                "ye"
            } else {
                "ie"
            }
        }
        'ё' => {
            if prev.is_some_and(|p| "жшчщ".contains(p)) {
                "e"
            } else {
                "yo"
            }
        }
        'ж' => "zh",
        'з' => "z",
        // Russian final -ий/-ый is -y: the и/ы goes, the й gives the y.
        'и' if !uk && next == Some('й') => "",
        'и' => {
            if uk {
                "y"
            } else {
                "i"
            }
        }
        'і' => "i",
        'ї' => {
            if word_start {
                "yi"
            } else {
                "i"
            }
        }
        'й' => {
            if uk {
                if word_start { "y" } else { "i" }
            } else if word_start || next.is_none() && matches!(prev, Some('о' | 'и' | 'ы')) {
                // Yoshkar-Ola; Tolstoy; -ий/-ый → -y.
                "y"
            } else if prev.is_some_and(|p| "аеёоуыэюя".contains(p)) {
                // News writes Sergei, Nikolai, Shoigu.
                "i"
            } else {
                "y"
            }
        }
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' => "u",
        'ф' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ъ' | 'ь' => "",
        'ы' if next == Some('й') => "",
        'ы' => "y",
        'э' => "e",
        'ю' => {
            if uk && !word_start {
                "iu"
            } else {
                "yu"
            }
        }
        'я' => {
            if uk && !word_start {
                "ia"
            } else {
                "ya"
            }
        }
        '\'' | 'ʼ' | '’' => "",
        other => return other.to_string(),
    };
    s.to_owned()
}

/// Cyrillic → Dutch (Russian-based or Ukrainian-based Dutch transliteration).
fn cyrillic_dutch(
    c: char,
    origin: Origin,
    word_start: bool,
    prev: Option<char>,
    next: Option<char>,
) -> String {
    let uk = origin == Origin::Uk;
    let after_vowel_or_start = word_start || prev.is_some_and(|p| "аеєиіїоуюяыэё".contains(p));
    let s = match c {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => {
            if uk {
                "h"
            } else {
                "g"
            }
        }
        'ґ' => "g",
        'д' => "d",
        'е' => {
            if !uk && (after_vowel_or_start || matches!(prev, Some('ь' | 'ъ'))) {
                "je"
            } else {
                "e"
            }
        }
        'є' => "je",
        'ё' => {
            if prev.is_some_and(|p| "жшчщ".contains(p)) {
                "o"
            } else {
                "jo"
            }
        }
        'ж' => "zj",
        'з' => "z",
        'и' => {
            if uk {
                "y"
            } else {
                "i"
            }
        }
        'і' => "i",
        'ї' => "ji",
        'й' => {
            if !uk && next.is_none() && matches!(prev, Some('и' | 'ы')) {
                ""
            } else {
                "j"
            }
        }
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' => "oe",
        'ф' => "f",
        'х' => "ch",
        'ц' => "ts",
        'ч' => "tsj",
        'ш' => "sj",
        'щ' => "sjtsj",
        'ъ' | 'ь' => {
            if next.is_some_and(|n| "аеоуэ".contains(n)) {
                "j"
            } else {
                ""
            }
        }
        'ы' => "y",
        'э' => "e",
        'ю' => "joe",
        'я' => "ja",
        '\'' | 'ʼ' | '’' => "",
        other => return other.to_string(),
    };
    s.to_owned()
}

/// Convert one Cyrillic word with a per-letter table.
fn convert_cyrillic(
    word: &str,
    origin: Origin,
    table: fn(char, Origin, bool, Option<char>, Option<char>) -> String,
) -> String {
    let chars: Vec<char> = word.chars().collect();
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        let lower = c.to_lowercase().next().unwrap_or(c);
        let prev = (i > 0).then(|| chars[i - 1].to_lowercase().next().unwrap_or(chars[i - 1]));
        let next = chars
            .get(i + 1)
            .map(|n| n.to_lowercase().next().unwrap_or(*n));
        let piece = table(
            lower,
            origin,
            i == 0 || !chars[i - 1].is_alphabetic(),
            prev,
            next,
        );
        if c.is_uppercase() {
            let mut p = piece.chars();
            if let Some(f) = p.next() {
                out.extend(f.to_uppercase());
                out.extend(p);
            }
        } else {
            out.push_str(&piece);
        }
    }
    out
}

/// Dutch (Latin) → English for one lowercase word, by origin; records the
/// rules that fired and the ambiguities met.
fn convert_dutch(w: &str, origin: Origin, rules: &mut Vec<String>, doubt: &mut f32) -> String {
    let uk = origin == Origin::Uk;
    let c: Vec<char> = w.chars().collect();
    let n = c.len();
    let at = |i: usize, s: &str| -> bool {
        let s: Vec<char> = s.chars().collect();
        i + s.len() <= n && c[i..i + s.len()] == s[..]
    };
    let mut out = String::new();
    let fired = |rule: &str, rules: &mut Vec<String>| {
        if !rules.iter().any(|r| r == rule) {
            rules.push(rule.to_owned());
        }
    };
    let mut i = 0;
    // The last English letter group written: hushing sounds change a following -ov.
    let mut hushing = false;
    while i < n {
        let start = i == 0;
        let prev_vowel = i > 0 && is_vowel(c[i - 1]);
        let before_vowel = |k: usize| k < n && is_vowel(c[k]);
        if at(i, "sjtsj") {
            out.push_str("shch");
            fired("sjtsj→shch", rules);
            i += 5;
            hushing = true;
            continue;
        }
        // A final -ytsja/-itsja is the place suffix -иця (*Vinnytsja*):
        // ц + я, not ч + а (*Boetsja*, Bucha).
        if at(i, "tsja") && i + 4 == n && i > 0 && matches!(c[i - 1], 'y' | 'i') {
            out.push_str(if uk { "tsia" } else { "tsya" });
            fired("final tsja→tsia/tsya", rules);
            *doubt += 0.05;
            i += 4;
            continue;
        }
        if at(i, "tsj") {
            out.push_str("ch");
            fired("tsj→ch", rules);
            if before_vowel(i + 3) {
                *doubt += 0.1; // ч, or ц + я/ю/є
            }
            i += 3;
            hushing = true;
            continue;
        }
        if at(i, "sj") {
            out.push_str("sh");
            fired("sj→sh", rules);
            if before_vowel(i + 2) && i > 0 {
                *doubt += 0.05;
            }
            i += 2;
            hushing = true;
            continue;
        }
        if at(i, "zj") {
            out.push_str("zh");
            fired("zj→zh", rules);
            if before_vowel(i + 2) {
                *doubt += 0.05;
            }
            i += 2;
            hushing = true;
            continue;
        }
        // German spellings pasted into Dutch text: sch is ш.
        if at(i, "tsch") || at(i, "sch") {
            let len = if at(i, "tsch") { 4 } else { 3 };
            out.push_str(if len == 4 { "ch" } else { "sh" });
            fired("German sch/tsch→sh/ch", rules);
            i += len;
            hushing = true;
            continue;
        }
        if at(i, "ch") {
            out.push_str("kh");
            fired("ch→kh", rules);
            if start {
                *doubt += 0.15; // or an English Ch
            }
            i += 2;
            hushing = false;
            continue;
        }
        if at(i, "oe") {
            out.push('u');
            fired("oe→u", rules);
            i += 2;
            hushing = false;
            continue;
        }
        // -ov after a hushing sound is ё: Gorbatsjov → Gorbachev.
        if hushing && !uk && (at(i, "ov") && i + 2 == n || at(i, "ova") && i + 3 == n) {
            out.push('e');
            fired("o after sh/zh/ch→e (ё)", rules);
            *doubt += 0.1;
            i += 1;
            hushing = false;
            continue;
        }
        hushing = false;
        if c[i] == 'j' {
            // Iotated vowels: joe, ja, je, jo, ji.
            let (vowel, len) = if at(i, "joe") {
                ("u", 3)
            } else if i + 1 < n && matches!(c[i + 1], 'a' | 'e' | 'o' | 'i' | 'u') {
                (
                    &w[w.char_indices().nth(i + 1).map_or(0, |x| x.0)..][..c[i + 1].len_utf8()],
                    2,
                )
            } else {
                ("", 1)
            };
            // Russian -иев/-еев is -iev/-eev in English (*Dmitriev, Mendeleev*).
            if !uk
                && (at(i, "jev") && i + 3 == n || at(i, "jeva") && i + 4 == n)
                && i > 0
                && matches!(c[i - 1], 'i' | 'e')
            {
                out.push('e');
                fired("ije/eje→ie/ee", rules);
                i += 2;
                continue;
            }
            if len > 1 {
                let y = if uk && !start { "i" } else { "y" };
                if uk && vowel == "i" {
                    out.push_str(if start { "yi" } else { "i" });
                    fired("ji→yi/i", rules);
                } else {
                    out.push_str(y);
                    out.push_str(vowel);
                    fired(
                        if uk {
                            "j+vowel→y/i+vowel"
                        } else {
                            "j+vowel→y+vowel"
                        },
                        rules,
                    );
                }
                i += len;
                continue;
            }
            // j before a consonant or at the end.
            let last = i + 1 == n;
            if uk {
                out.push(if start { 'y' } else { 'i' });
                fired("j→y/i", rules);
            } else if last && out.ends_with(['i', 'y']) {
                // -ij, -yj: the ending -ий/-ый is -y.
                out.pop();
                out.push('y');
                fired("-ij/-yj→-y", rules);
            } else if last && out.ends_with(['a', 'e', 'u']) || !last && prev_vowel {
                out.push('i');
                fired("j after a vowel→i", rules);
            } else {
                out.push('y');
                fired("j→y", rules);
            }
            i += 1;
            continue;
        }
        out.push(c[i]);
        i += 1;
    }
    // Endings. Russian -ий/-ый, which Dutch writes -i, is -y (*Nizjni → Nizhny*).
    // (Not -tsi: Russian ц takes ы, so -tsi is Ukrainian -ці, *Tsjernivtsi*.)
    let ends_consonant_i = out.len() >= 4
        && out.ends_with('i')
        && out[..out.len() - 1]
            .chars()
            .last()
            .is_some_and(|c| !is_vowel(c))
        && !out.ends_with("ski")
        && !out.ends_with("tsi");
    if !uk && ends_consonant_i {
        out.pop();
        out.push('y');
        fired("-i→-y", rules);
        *doubt += 0.05;
    }
    if !uk && out.ends_with("ski") {
        out.push('y');
        out.remove(out.len() - 2);
        fired("-ski→-sky", rules);
    } else if uk && out.ends_with("ski") {
        out.push_str("yi");
        out.remove(out.len() - 3);
        fired("-ski→-skyi", rules);
    }
    out
}

/// The shipped transliterator, built once.
pub fn shipped() -> &'static Transliterator {
    static SHIPPED: std::sync::OnceLock<Transliterator> = std::sync::OnceLock::new();
    SHIPPED.get_or_init(Transliterator::shipped)
}

impl Transliterator {
    /// The transliterator with the shipped table of given names.
    pub fn shipped() -> Transliterator {
        Transliterator::from_table(
            "glossary/lexicon/given-names.csv",
            shipped_data::GIVEN_NAMES,
        )
        .expect("the shipped given-names table is valid")
    }

    /// A transliterator with the given-names table `text` (`nl,en,origin`).
    pub fn from_table(name: &str, text: &str) -> Result<Transliterator, TableError> {
        let mut t = Transliterator::default();
        let mut r = csv::ReaderBuilder::new()
            .flexible(true)
            .from_reader(text.as_bytes());
        let err = |line: usize, message: String| TableError {
            file: name.to_owned(),
            line,
            message,
        };
        let headers = r.headers().map_err(|e| err(1, e.to_string()))?.clone();
        let col = |n: &str| headers.iter().position(|h| h.trim() == n);
        let (Some(nl), Some(en), Some(or)) = (col("nl"), col("en"), col("origin")) else {
            return Err(err(
                1,
                "the header must name the columns nl, en and origin".into(),
            ));
        };
        for rec in r.records() {
            let rec =
                rec.map_err(|e| err(e.position().map_or(0, |p| p.line() as usize), e.to_string()))?;
            let line = rec.position().map_or(0, |p| p.line() as usize);
            let get = |i: usize| rec.get(i).unwrap_or("").trim();
            let origin = match Origin::parse(get(or)) {
                Ok(Some(o)) => o,
                _ => {
                    return Err(err(
                        line,
                        format!("origin must be ru or uk, not {:?}", get(or)),
                    ));
                }
            };
            if get(nl).is_empty() || get(en).is_empty() {
                return Err(err(line, "empty nl or en".into()));
            }
            t.given
                .entry(get(nl).to_lowercase())
                .or_default()
                .push(GivenName {
                    en: get(en).to_owned(),
                    origin,
                });
        }
        Ok(t)
    }

    /// Is `word` a given name in the table (either origin)?
    pub fn is_given_name(&self, word: &str) -> bool {
        self.given.contains_key(&word.to_lowercase())
    }

    /// Evidence that `word`, said to be a name, is Slavic spelled the Dutch
    /// way: a given name of the table, a strong transliteration mark, or a
    /// weak one with a Slavic ending or letter (*Poetin, Koersk,
    /// Chodorkovski*). Permissive: for names the caller vouches for.
    fn slavic_evidence(&self, word: &str) -> bool {
        if word.chars().any(is_cyrillic) {
            return true;
        }
        let lower = word.to_lowercase();
        if self.given.contains_key(&lower) {
            return true;
        }
        if looks_dutch(&lower) {
            return false;
        }
        let (strong, weak) = dutch_marks(&lower);
        let (uk, ru, _) = origin_clues(&lower);
        !strong.is_empty() || (!weak.is_empty() && uk + ru > 0)
    }

    /// Does `word`, a capitalised word in running text, look like a Slavic
    /// name spelled the Dutch way (or in Cyrillic)? Strict, since a wrong
    /// yes changes an English or Spanish name (*John, Benjamin, Alejandro*):
    /// Dutch transliteration that no other language writes (*tsj, zj*, *sj*
    /// inside a word, *j* before a consonant or at the end), or a Slavic ending (*-ov, -enko, -ski, -ino*) on a
    /// word with another Dutch mark. Dutch words, and words with letters
    /// Dutch transliteration does not use (*c* outside *ch*, *q, w, x, th,
    /// ph*), do not.
    pub fn looks_slavic(&self, word: &str) -> bool {
        if word.chars().any(is_cyrillic) {
            return true;
        }
        let lower = word.to_lowercase();
        if looks_dutch(&lower) || foreign_letters(&lower) {
            return false;
        }
        let (strong, weak) = dutch_marks(&lower);
        // j before a consonant (*Sjojgoe, Sajpov*) or at the end (*Nikolaj*)
        // is no English or Spanish spelling either.
        if ["tsj", "zj", "sjtsj", "sj", "j+consonant"]
            .iter()
            .any(|m| strong.contains(m))
            || strong.contains(&"final j") && lower.chars().count() >= 5
        {
            return true;
        }
        // (Not -in, -iv, -ij: Benjamin, Martin, Aviv.)
        const ENDINGS: [&str; 17] = [
            "ov", "ova", "ev", "eva", "enko", "ski", "skyj", "skij", "skaja", "itsj", "oek", "yj",
            "ino", "ovo", "evo", "sk", "ivka",
        ];
        let ending = ENDINGS
            .iter()
            .any(|e| lower.ends_with(e) && lower.len() > e.len() + 2);
        ending && !(strong.is_empty() && weak.is_empty())
    }

    /// The origin of a name (its words), with where it came from.
    fn guess_origin(&self, words: &[&str], context: Option<&str>) -> (Origin, &'static str, i32) {
        let (mut uk, mut ru) = (0, 0);
        let mut from_names = false;
        for w in words {
            let lower = w.to_lowercase();
            if let Some(g) = self.given.get(&lower) {
                let has_uk = g.iter().any(|x| x.origin == Origin::Uk);
                let has_ru = g.iter().any(|x| x.origin == Origin::Ru);
                if has_uk != has_ru {
                    from_names = true;
                    if has_uk {
                        uk += 3;
                    } else {
                        ru += 3;
                    }
                }
            }
            if w.chars().any(is_cyrillic) {
                if w.chars().any(|c| "іїєґІЇЄҐ".contains(c)) || lower.contains("ськ") {
                    uk += 5;
                }
                if w.chars().any(|c| "ыэъёЫЭЪЁ".contains(c)) {
                    ru += 5;
                }
                // A given name in either Dutch spelling.
                for o in [Origin::Ru, Origin::Uk] {
                    let nl = convert_cyrillic(&lower, o, cyrillic_dutch);
                    if let Some(g) = self.given.get(&nl)
                        && g.iter().all(|x| x.origin == o)
                    {
                        from_names = true;
                        if o == Origin::Uk {
                            uk += 3;
                        } else {
                            ru += 3;
                        }
                    }
                }
                continue;
            }
            let (u, r, _) = origin_clues(&lower);
            uk += u;
            ru += r;
        }
        let margin = (uk - ru).abs();
        if uk != ru {
            let from = if from_names { "name" } else { "letters" };
            return (if uk > ru { Origin::Uk } else { Origin::Ru }, from, margin);
        }
        if let Some(ctx) = context {
            let (u, r) = context_clues(ctx);
            if u != r {
                return (
                    if u > r { Origin::Uk } else { Origin::Ru },
                    "context",
                    (u - r).abs(),
                );
            }
        }
        (Origin::Ru, "default", 0)
    }

    /// Transliterate a name (one or more words) with `origin` when known;
    /// `context` (the sentence) helps guess it.
    pub fn transliterate(
        &self,
        name: &str,
        origin: Option<Origin>,
        context: Option<&str>,
    ) -> Proposal {
        let parts: Vec<&str> = name
            .split(|c: char| c.is_whitespace() || c == '-')
            .filter(|p| !p.is_empty())
            .collect();
        let (origin, origin_from, margin) = match origin {
            Some(o) if o != Origin::Other => (o, "given", 9),
            _ => self.guess_origin(&parts, context),
        };
        // One clearly Slavic word makes the whole name one (*Joelia Navalnaja*).
        let slavic_name = parts.iter().any(|p| self.slavic_evidence(p));
        let mut rules = Vec::new();
        let mut doubt: f32 = 0.0;
        let mut changed = false;
        let mut dutch = Vec::new();
        let cyrillic = name.chars().any(is_cyrillic);
        let mut out = String::with_capacity(name.len() + 4);
        let mut dutch_ru = String::new();
        let mut dutch_uk = String::new();
        // Keep the separators as they were.
        let mut rest = name;
        while !rest.is_empty() {
            let word_len = rest
                .find(|c: char| c.is_whitespace() || c == '-')
                .unwrap_or(rest.len());
            let (word, tail) = rest.split_at(word_len);
            if !word.is_empty() {
                let en = if cyrillic {
                    dutch_ru.push_str(&convert_cyrillic(word, Origin::Ru, cyrillic_dutch));
                    dutch_uk.push_str(&convert_cyrillic(word, Origin::Uk, cyrillic_dutch));
                    convert_cyrillic(word, origin, cyrillic_english)
                } else {
                    self.word(word, origin, slavic_name, &mut rules, &mut doubt)
                };
                changed |= en != word;
                out.push_str(&en);
            }
            let sep_len = tail
                .char_indices()
                .find(|(_, c)| !(c.is_whitespace() || *c == '-'))
                .map_or(tail.len(), |(i, _)| i);
            out.push_str(&tail[..sep_len]);
            dutch_ru.push_str(&tail[..sep_len]);
            dutch_uk.push_str(&tail[..sep_len]);
            rest = &tail[sep_len..];
        }
        if cyrillic {
            rules.push("Cyrillic letters".into());
            if origin == Origin::Uk {
                dutch.push(dutch_uk);
            }
            if !dutch.contains(&dutch_ru) {
                dutch.push(dutch_ru);
            }
        }
        let mut confidence: f32 = if cyrillic { 0.95 } else { 0.85 };
        confidence -= doubt;
        if changed && !cyrillic {
            confidence -= match (origin_from, margin) {
                ("given" | "name", _) => 0.0,
                (_, m) if m >= 3 => 0.0,
                ("letters", _) => 0.1,
                ("context", _) => 0.15,
                _ => 0.25,
            };
        }
        if !changed {
            confidence = 0.9;
        }
        Proposal {
            input: name.to_owned(),
            en: out,
            origin,
            origin_from,
            confidence: confidence.clamp(0.05, 0.99),
            rules,
            dutch,
            unchanged: !changed,
        }
    }

    /// One Latin word: given-name table, else letter rules when the word is
    /// spelled the Dutch way, else unchanged.
    fn word(
        &self,
        word: &str,
        origin: Origin,
        slavic_name: bool,
        rules: &mut Vec<String>,
        doubt: &mut f32,
    ) -> String {
        let lower = word.to_lowercase();
        if let Some(g) = self.given.get(&lower) {
            let pick = g.iter().find(|x| x.origin == origin).unwrap_or(&g[0]);
            rules.push(format!("given name {word}→{}", pick.en));
            return recase(&pick.en, word);
        }
        let (strong, weak) = dutch_marks(&lower);
        // The caller says this is a name: weak marks are enough in a word of
        // four letters or more (*Marioepol, Bachmoet*), except a lone initial
        // j or Ch (*Jansen, Chelsea*).
        let weak_enough = lower.chars().count() >= 4
            && weak.iter().any(|m| !matches!(*m, "initial j" | "ch"))
            || weak.contains(&"ch") && !lower.starts_with("ch");
        let convert = !looks_dutch(&lower)
            && (self.slavic_evidence(word)
                || !(strong.is_empty() && weak.is_empty()) && (slavic_name || weak_enough))
            || lower.ends_with("ski") && slavic_name;
        if !convert {
            return word.to_owned();
        }
        if !self.slavic_evidence(word) && !slavic_name {
            *doubt += 0.15;
            rules.push("weak evidence of a Slavic name".into());
        }
        recase(&convert_dutch(&lower, origin, rules, doubt), word)
    }
}

impl Transliterator {
    /// A name rendered the way translation renders it: glossary terms as
    /// the glossary says, the other words transliterated (with the origin
    /// of the whole name).
    pub fn with_glossary(
        &self,
        name: &str,
        origin: Option<Origin>,
        glossary: &crate::Glossary,
    ) -> String {
        let hits = glossary.matcher().find(name);
        let origin = origin.or_else(|| {
            hits.iter()
                .find_map(|h| glossary.entry(h.entry).origin)
                .filter(|o| *o != Origin::Other)
        });
        let mut out = String::new();
        let mut at = 0;
        let gap = |from: usize, to: usize, out: &mut String| {
            let piece = &name[from..to];
            let core = piece.trim();
            if core.is_empty() {
                out.push_str(piece);
            } else {
                let lead = &piece[..piece.len() - piece.trim_start().len()];
                let trail = &piece[piece.trim_end().len()..];
                out.push_str(lead);
                out.push_str(&self.transliterate(core, origin, Some(name)).en);
                out.push_str(trail);
            }
        };
        for h in &hits {
            gap(at, h.start, &mut out);
            out.push_str(&glossary.entry(h.entry).en);
            at = h.end;
        }
        gap(at, name.len(), &mut out);
        out
    }
}

/// One row of a names list (`nl,en[,kind,origin]`).
#[derive(Debug, Clone)]
pub struct NameRow {
    pub nl: String,
    pub en: String,
    pub origin: Option<Origin>,
}

/// Accuracy on a names list.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Accuracy {
    /// Rows scored.
    pub rows: usize,
    pub exact: usize,
    pub tolerant: usize,
}

impl Accuracy {
    fn add(&mut self, got: &str, want: &str) {
        self.rows += 1;
        if got == want {
            self.exact += 1;
        }
        if tolerant_key(got) == tolerant_key(want) {
            self.tolerant += 1;
        }
    }

    /// Exact matches, in percent.
    pub fn exact_percent(&self) -> f64 {
        percent(self.exact, self.rows)
    }

    /// Tolerant matches, in percent.
    pub fn tolerant_percent(&self) -> f64 {
        percent(self.tolerant, self.rows)
    }
}

fn percent(n: usize, d: usize) -> f64 {
    if d == 0 {
        100.0
    } else {
        100.0 * n as f64 / d as f64
    }
}

/// The scores of `tolk translit --eval`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct EvalReport {
    /// The transliterator alone, rows whose Dutch and English differ.
    pub translit_differ: Accuracy,
    /// The transliterator alone, rows whose Dutch and English are identical
    /// (`exact` counts names left unchanged).
    pub translit_identical: Accuracy,
    /// Glossary first, then the transliterator, all rows.
    pub with_glossary: Accuracy,
    /// Rows the transliterator alone got wrong (exact): Dutch, expected, got.
    pub misses: Vec<(String, String, String)>,
}

/// Score the transliterator (alone, and behind `glossary`) on `rows`. The
/// origin column is not given to the transliterator: it guesses, as in
/// translation.
pub fn evaluate(t: &Transliterator, rows: &[NameRow], glossary: &crate::Glossary) -> EvalReport {
    let mut r = EvalReport::default();
    for row in rows {
        let got = t.transliterate(&row.nl, None, None).en;
        if row.nl == row.en {
            r.translit_identical.add(&got, &row.en);
        } else {
            r.translit_differ.add(&got, &row.en);
        }
        if got != row.en {
            r.misses.push((row.nl.clone(), row.en.clone(), got));
        }
        r.with_glossary
            .add(&t.with_glossary(&row.nl, None, glossary), &row.en);
    }
    r
}

/// Tolerant comparison of two spellings (see the README): case-insensitive,
/// with a final *iy, yy, yi, ii, ey, ei* or *i* of every word read as *y*.
pub fn tolerant_key(s: &str) -> String {
    s.split_whitespace()
        .map(|w| {
            let w = w.to_lowercase();
            for end in ["iy", "yy", "yi", "ii", "ey", "ei", "i"] {
                if let Some(stem) = w.strip_suffix(end) {
                    return format!("{stem}y");
                }
            }
            w
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests;
