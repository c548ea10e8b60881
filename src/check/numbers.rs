//! Numbers in a sentence, read by Dutch or English conventions, for
//! comparing a translation with its source.
//!
//! Takes a sentence; returns each number with the values it can stand for
//! as canonical keys (`3.5`, `1000`, `19:30`). Dutch: `,` is the decimal
//! sign and `.` groups thousands (*3,5*, *1.000*), *19.30 (uur)* is a time.
//! English: `.` is the decimal sign, `,` groups thousands, *19:30* and
//! *7.30 pm* are times. Spelled numbers (*three*, *drie*) are read too, but
//! only to stand in for a number the other side writes in digits.
//! Invariant: every key of a number is a value that number can mean.

/// One number of a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Number {
    /// As written.
    pub text: String,
    /// The values it can mean, canonical.
    pub keys: Vec<String>,
    /// Spelled out (*three*): may match a number, is not required to.
    pub spelled: bool,
}

/// A value as a canonical key: no trailing zeros, `.` as decimal sign.
fn key(v: f64) -> String {
    let s = format!("{v:.6}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    s.to_owned()
}

fn time_key(h: u32, m: u32) -> String {
    format!("{h}:{m:02}")
}

/// Runs of digits with internal separators, and what follows them; not the
/// digits of a citation marker (`[3]`), which are compared on their own.
fn digit_runs(s: &str, seps: &[char]) -> Vec<(usize, usize)> {
    digit_runs_all(s, seps)
        .into_iter()
        .filter(|&(a, b)| !(s[..a].ends_with('[') && s[b..].starts_with(']')))
        .collect()
}

fn digit_runs_all(s: &str, seps: &[char]) -> Vec<(usize, usize)> {
    let b: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    // Char index → byte offset.
    let offs: Vec<usize> = s.char_indices().map(|(o, _)| o).chain([s.len()]).collect();
    while i < b.len() {
        if b[i].is_ascii_digit() && (i == 0 || !b[i - 1].is_alphanumeric()) {
            let start = i;
            while i < b.len()
                && (b[i].is_ascii_digit()
                    || seps.contains(&b[i]) && b.get(i + 1).is_some_and(|c| c.is_ascii_digit()))
            {
                i += 1;
            }
            out.push((offs[start], offs[i]));
        } else {
            i += 1;
        }
    }
    out
}

fn parse_grouped(int: &str, group: char) -> Option<f64> {
    let parts: Vec<&str> = int.split(group).collect();
    if parts.len() > 1
        && parts[1..].iter().all(|p| p.len() == 3)
        && !parts[0].is_empty()
        && parts[0].len() <= 3
    {
        parts.concat().parse().ok()
    } else {
        None
    }
}

fn words_after(s: &str, end: usize) -> String {
    s[end..]
        .trim_start()
        .chars()
        .take(6)
        .collect::<String>()
        .to_lowercase()
}

/// The numbers of a Dutch sentence.
pub fn dutch(s: &str) -> Vec<Number> {
    let mut out = Vec::new();
    for (a, b) in digit_runs(s, &['.', ',']) {
        let text = &s[a..b];
        let after = words_after(s, b);
        let mut keys = Vec::new();
        let (int, frac) = match text.rsplit_once(',') {
            Some((i, f)) => (i, Some(f)),
            None => (text, None),
        };
        if let Some(v) = parse_grouped(int, '.') {
            let v = frac.map_or(v, |f| v + format!("0.{f}").parse::<f64>().unwrap_or(0.0));
            keys.push(key(v));
        } else if frac.is_none()
            && let Some((h, m)) = int.split_once('.')
            && m.len() == 2
            && !m.contains('.')
        {
            // 19.30: a time (Dutch writes decimals with a comma).
            if let (Ok(h), Ok(m)) = (h.parse::<u32>(), m.parse::<u32>())
                && h < 24
                && m < 60
            {
                keys.push(time_key(h, m));
                if m == 0 {
                    keys.push(h.to_string());
                }
            }
            keys.push(key(format!("{h}.{m}").parse().unwrap_or(0.0)));
        } else if let Ok(v) =
            format!("{int}{}", frac.map(|f| format!(".{f}")).unwrap_or_default()).parse::<f64>()
        {
            // Neither grouped nor a time: read as written (*3.5* in Dutch text).
            keys.push(key(v));
        }
        // `8 uur`: a time on the hour.
        if after.starts_with("uur")
            && !text.contains(['.', ','])
            && let Ok(h) = text.parse::<u32>()
        {
            keys.push(time_key(h, 0));
        }
        if !keys.is_empty() {
            out.push(Number {
                text: text.to_owned(),
                keys,
                spelled: false,
            });
        }
    }
    // *een* is also the article.
    out.extend(spelled(s, |w| {
        if matches!(w, "een" | "één") {
            None
        } else {
            crate::translate::numbers::parse(w)
        }
    }));
    out
}

/// Numbers written as words, valued by `value` (of the lowercase word).
fn spelled(s: &str, value: impl Fn(&str) -> Option<u64>) -> impl Iterator<Item = Number> {
    s.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .filter_map(move |w| {
            value(&w.to_lowercase()).map(|v| Number {
                text: w.to_owned(),
                keys: vec![v.to_string()],
                spelled: true,
            })
        })
}

const EN_WORDS: [(&str, u64); 28] = [
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
    ("hundred", 100),
];

/// The numbers of an English sentence.
pub fn english(s: &str) -> Vec<Number> {
    let mut out = Vec::new();
    for (a, b) in digit_runs(s, &['.', ',', ':']) {
        let text = &s[a..b];
        let after = words_after(s, b);
        let pm = after.starts_with("pm") || after.starts_with("p.m");
        let am = after.starts_with("am") || after.starts_with("a.m");
        let mut keys = Vec::new();
        if let Some((h, m)) = text.split_once([':', '.'])
            && m.len() == 2
            && !m.contains(['.', ':', ','])
            && let (Ok(h), Ok(m)) = (h.parse::<u32>(), m.parse::<u32>())
            && h < 24
            && m < 60
            && (text.contains(':') || pm || am)
        {
            let h = if pm && h < 12 { h + 12 } else { h };
            keys.push(time_key(h, m));
            if m == 0 {
                keys.push(h.to_string());
            }
        }
        if !text.contains(':') {
            let (int, frac) = match text.rsplit_once('.') {
                Some((i, f)) if !f.contains(',') => (i, Some(f)),
                _ => (text, None),
            };
            let v = if int.contains(',') {
                parse_grouped(int, ',')
            } else {
                int.parse::<f64>().ok()
            };
            if let Some(v) = v {
                let v = frac.map_or(v, |f| v + format!("0.{f}").parse::<f64>().unwrap_or(0.0));
                keys.push(key(v));
            }
            if (pm || am)
                && !text.contains(['.', ','])
                && let Ok(h) = text.parse::<u32>()
            {
                keys.push(time_key(if pm && h < 12 { h + 12 } else { h }, 0));
            }
        }
        if keys.is_empty() {
            // Not a number by English conventions (*3,5*, *1,00*): its parts.
            for part in text.split([',', '.', ':']) {
                out.push(Number {
                    text: text.to_owned(),
                    keys: vec![key(part.parse().unwrap_or(0.0))],
                    spelled: false,
                });
            }
            continue;
        }
        out.push(Number {
            text: text.to_owned(),
            keys,
            spelled: false,
        });
    }
    out.extend(spelled(s, |w| {
        EN_WORDS.iter().find(|(e, _)| *e == w).map(|(_, v)| *v)
    }));
    out
}

/// Compare the numbers of a source and its translation: the source numbers
/// with no counterpart, and the target numbers (in digits) with none.
pub fn compare(source: &[Number], target: &[Number]) -> (Vec<String>, Vec<String>) {
    let mut used = vec![false; target.len()];
    let mut src_used = vec![false; source.len()];
    // Digits to digits first, then spelled numbers stand in.
    for pass in [false, true] {
        for (i, n) in source.iter().enumerate() {
            if src_used[i] || n.spelled && !pass {
                continue;
            }
            let found = target.iter().enumerate().position(|(j, t)| {
                !used[j] && (pass || !t.spelled) && t.keys.iter().any(|k| n.keys.contains(k))
            });
            if let Some(j) = found {
                used[j] = true;
                src_used[i] = true;
            }
        }
    }
    let missing = source
        .iter()
        .zip(&src_used)
        .filter(|(n, u)| !**u && !n.spelled)
        .map(|(n, _)| n.text.clone())
        .collect();
    let extra = target
        .iter()
        .zip(&used)
        .filter(|(n, u)| !**u && !n.spelled)
        .map(|(n, _)| n.text.clone())
        .collect();
    (missing, extra)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(nl: &str, en: &str) -> (Vec<String>, Vec<String>) {
        compare(&dutch(nl), &english(en))
    }

    #[test]
    fn conventions() {
        let ok = |nl: &str, en: &str| assert_eq!(check(nl, en), (vec![], vec![]), "{nl} / {en}");
        ok("Het groeide 3,5 procent.", "It grew 3.5 percent.");
        ok("Er kwamen 1.000 mensen.", "A thousand people came: 1,000.");
        ok("Om 19.30 uur begon het.", "It began at 19:30.");
        ok("Om 19.30 uur begon het.", "It began at 7.30 pm.");
        ok("Om 8 uur begon het.", "It began at 8:00.");
        ok(
            "Op 29 januari 2026 en 23-24 januari.",
            "On 29 January 2026 and 23-24 January.",
        );
        ok("Drie mensen.", "3 people.");
        ok("3 mensen.", "Three people.");
        ok("Zo'n 20,4 miljoen kijkers.", "Some 20.4 million viewers.");
    }

    #[test]
    fn mismatches() {
        assert_eq!(
            check("Het groeide 3,5 procent.", "It grew 3,5 percent."),
            (vec!["3,5".into()], vec!["3,5".into(), "3,5".into()])
        );
        assert_eq!(
            check("Er kwamen 1.000 mensen.", "1.000 people came."),
            (vec!["1.000".into()], vec!["1.000".into()])
        );
        assert_eq!(
            check("Er kwamen 300 mensen.", "400 people came."),
            (vec!["300".into()], vec!["400".into()])
        );
        assert_eq!(
            check("Er kwamen mensen.", "One of the people came."),
            (vec![], vec![])
        );
    }
}
