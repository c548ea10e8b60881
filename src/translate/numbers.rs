//! Dutch numerals written as one word (*eenentwintig*, *tweeënveertig*,
//! *driehonderdvijftig*, *vijfduizend*) → their value and English words.
//!
//! Takes a lowercase word; returns its value when the whole word is a
//! numeral. Invariant: `english(parse(w)?)` spells the same number in
//! English (*twenty-one*, *three hundred and fifty*).

const UNITS: [(&str, u64); 20] = [
    ("nul", 0),
    ("een", 1),
    ("één", 1),
    ("twee", 2),
    ("drie", 3),
    ("vier", 4),
    ("vijf", 5),
    ("zes", 6),
    ("zeven", 7),
    ("acht", 8),
    ("negen", 9),
    ("tien", 10),
    ("elf", 11),
    ("twaalf", 12),
    ("dertien", 13),
    ("veertien", 14),
    ("vijftien", 15),
    ("zestien", 16),
    ("zeventien", 17),
    ("achttien", 18),
];

const NINETEEN: (&str, u64) = ("negentien", 19);

const TENS: [(&str, u64); 8] = [
    ("twintig", 20),
    ("dertig", 30),
    ("veertig", 40),
    ("vijftig", 50),
    ("zestig", 60),
    ("zeventig", 70),
    ("tachtig", 80),
    ("negentig", 90),
];

/// A number below 100 spelled at the start of `s`: (value, bytes used),
/// longest spelling first.
fn below_hundred(s: &str) -> Option<(u64, usize)> {
    let mut best: Option<(u64, usize)> = None;
    let mut consider = |v: u64, len: usize| {
        if best.is_none_or(|(_, l)| len > l) {
            best = Some((v, len));
        }
    };
    for &(w, v) in UNITS
        .iter()
        .chain(std::iter::once(&NINETEEN))
        .chain(TENS.iter())
    {
        if s.starts_with(w) {
            consider(v, w.len());
        }
    }
    // eenentwintig, tweeëntwintig: unit + en/ën + tens.
    for &(u, uv) in UNITS.iter().filter(|(_, v)| (1..=9).contains(v)) {
        if let Some(rest) = s.strip_prefix(u) {
            for link in ["en", "ën"] {
                if let Some(rest2) = rest.strip_prefix(link) {
                    for &(t, tv) in &TENS {
                        if rest2.starts_with(t) {
                            consider(tv + uv, u.len() + link.len() + t.len());
                        }
                    }
                }
            }
        }
    }
    best
}

/// The value of a Dutch numeral written as one word.
pub fn parse(w: &str) -> Option<u64> {
    if w.is_empty() {
        return None;
    }
    parse_from(w).filter(|_| w.chars().count() > 3)
}

fn parse_from(s: &str) -> Option<u64> {
    if s.is_empty() {
        return Some(0);
    }
    // … duizend …
    if let Some(i) = s.find("duizend") {
        let (before, after) = (&s[..i], &s[i + "duizend".len()..]);
        let mult = if before.is_empty() {
            1
        } else {
            parse_below_thousand(before)?
        };
        return Some(mult * 1000 + parse_from(after)?);
    }
    parse_below_thousand(s)
}

fn parse_below_thousand(s: &str) -> Option<u64> {
    if let Some(i) = s.find("honderd") {
        let (before, after) = (&s[..i], &s[i + "honderd".len()..]);
        let mult = if before.is_empty() {
            1
        } else {
            below_hundred(before).filter(|&(_, l)| l == before.len())?.0
        };
        let rest = if after.is_empty() {
            0
        } else {
            below_hundred(after).filter(|&(_, l)| l == after.len())?.0
        };
        return Some(mult * 100 + rest);
    }
    below_hundred(s)
        .filter(|&(_, l)| l == s.len())
        .map(|(v, _)| v)
}

const EN_UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const EN_TENS: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// A number in English words (British *and*: *three hundred and fifty*).
pub fn english(n: u64) -> String {
    match n {
        0..=19 => EN_UNITS[n as usize].into(),
        20..=99 => {
            let t = EN_TENS[(n / 10) as usize];
            if n.is_multiple_of(10) {
                t.into()
            } else {
                format!("{t}-{}", EN_UNITS[(n % 10) as usize])
            }
        }
        100..=999 => {
            let h = format!("{} hundred", EN_UNITS[(n / 100) as usize]);
            if n.is_multiple_of(100) {
                h
            } else {
                format!("{h} and {}", english(n % 100))
            }
        }
        _ => {
            let t = format!("{} thousand", english(n / 1000));
            match n % 1000 {
                0 => t,
                r if r < 100 => format!("{t} and {}", english(r)),
                r => format!("{t} {}", english(r)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_numerals() {
        for (w, v, en) in [
            ("eenentwintig", 21, "twenty-one"),
            ("tweeënveertig", 42, "forty-two"),
            ("negenennegentig", 99, "ninety-nine"),
            ("honderd", 100, "one hundred"),
            ("honderdvijftig", 150, "one hundred and fifty"),
            ("driehonderdvijftig", 350, "three hundred and fifty"),
            ("tweeduizend", 2000, "two thousand"),
            ("vijfhonderdduizend", 500_000, "five hundred thousand"),
            ("drieduizendtwintig", 3020, "three thousand and twenty"),
            ("negentien", 19, "nineteen"),
            ("zeventig", 70, "seventy"),
        ] {
            assert_eq!(parse(w), Some(v), "{w}");
            assert_eq!(english(v), en);
        }
        for w in [
            "tien",
            "een",
            "tweede",
            "negentiger",
            "honderden",
            "eendracht",
            "achtergrond",
        ] {
            if w == "tien" || w == "een" {
                assert_eq!(parse(w), if w == "tien" { Some(10) } else { None });
            } else {
                assert_eq!(parse(w), None, "{w}");
            }
        }
    }
}
