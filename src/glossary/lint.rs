//! Linting glossary files: everything that makes loading fail, and what
//! makes a glossary wrong or fragile without making it fail.
//!
//! Takes the glossary files to check and the glossaries loaded before them
//! (the shipped ones); returns [`Finding`]s with file, line, severity and a
//! fix hint. Findings are data, not errors: lint never stops at the first.
//! Invariant: a file that fails to load has at least one `Error` finding.

use super::entry::{Entry, Problem, Severity};
use super::{Glossary, Source, spelling_key};
use serde::Serialize;
use std::borrow::Cow;
use std::collections::HashMap;

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub severity: Severity,
    pub file: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// A short stable name of the check (`conflict`, `duplicate`, …).
    pub code: &'static str,
    pub message: String,
    pub hint: String,
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(l) = self.line {
            write!(f, ":{l}")?;
            if let Some(c) = self.column {
                write!(f, ":{c}")?;
            }
        }
        write!(f, ": {}[{}]: {}", self.severity, self.code, self.message)?;
        if !self.hint.is_empty() {
            write!(f, " (hint: {})", self.hint)?;
        }
        Ok(())
    }
}

/// DeepL's limit on a glossary term, in UTF-8 bytes.
pub const DEEPL_TERM_LIMIT: usize = 1024;

fn from_problem(p: &Problem) -> Finding {
    let (code, hint) = if p.message.contains("conflict") {
        (
            "conflict",
            "give both spellings the same English, or remove one row",
        )
    } else if p.message.contains("whitespace") {
        ("whitespace", "run `tolk glossary fmt` to trim it")
    } else if p.message.contains("NFC") {
        ("nfc", "run `tolk glossary fmt` to normalize it")
    } else if p.message.contains("control character") {
        (
            "control",
            "remove the control character (a tab or line break inside a cell)",
        )
    } else if p.message.contains("unknown kind") || p.message.contains("unknown origin") {
        ("value", "use one of the listed values")
    } else if p.message.contains("empty `") {
        ("empty", "fill in the cell or remove the row")
    } else if p.message.contains("column") && p.message.contains("header")
        || p.message.contains("missing required")
    {
        (
            "header",
            "the first row must name the columns, at least `nl,en`",
        )
    } else {
        (
            "parse",
            "fix the row so that it is valid CSV with as many fields as the header",
        )
    };
    Finding {
        severity: p.severity,
        file: p.file.to_string(),
        line: p.line,
        column: p.column,
        code,
        message: p.message.clone(),
        hint: hint.into(),
    }
}

/// Letters of a word in more than one script (a Cyrillic *а* in a Latin name).
fn mixed_script(word: &str) -> bool {
    let mut latin = false;
    let mut cyrillic = false;
    let mut greek = false;
    for c in word.chars().filter(|c| c.is_alphabetic()) {
        match c as u32 {
            0x0400..=0x052F => cyrillic = true,
            0x0370..=0x03FF => greek = true,
            _ if c.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&c) => latin = true,
            _ => {}
        }
    }
    [latin, cyrillic, greek].iter().filter(|x| **x).count() > 1
}

/// Dutch transliteration marks left in an English rendering of a Slavic
/// name (*Loegansk*, *Sjojgoe*, *Tsjernihiv*, *Zjytomyr*).
fn dutch_marks(en: &str) -> Option<&'static str> {
    let lower = en.to_lowercase();
    ["tsj", "sj", "zj", "oe"]
        .into_iter()
        .find(|m| lower.contains(m))
}

/// Check `files` (already read: name and bytes), with `base` the glossaries
/// loaded before them (the shipped ones) for override and avoid checks.
pub fn lint(files: &[(String, Vec<u8>)], base: &[Source<'_>]) -> Vec<Finding> {
    let mut out = Vec::new();
    let sources = |extra: &[(String, Vec<u8>)]| -> Vec<Source<'static>> {
        base.iter()
            .map(|s| Source {
                name: s.name.clone(),
                bytes: Cow::Owned(s.bytes.to_vec()),
                shipped: s.shipped,
            })
            .chain(extra.iter().map(|(n, b)| Source {
                name: n.clone(),
                bytes: Cow::Owned(b.clone()),
                shipped: false,
            }))
            .collect()
    };
    // Each file alone: everything that makes loading fail, and the warnings.
    let mut loadable = Vec::new();
    for (name, bytes) in files {
        match Glossary::load([Source {
            name: name.clone(),
            bytes: Cow::Borrowed(bytes),
            shipped: false,
        }]) {
            Ok(g) => {
                out.extend(g.warnings().iter().map(from_problem));
                loadable.push((name.clone(), bytes.clone()));
            }
            Err(e) => out.extend(e.problems.iter().map(from_problem)),
        }
    }
    // Together with the base: overrides, avoid, duplicates and more.
    let Ok(g) = Glossary::load(sources(&loadable)) else {
        return sort(out);
    };
    let user: Vec<(usize, &Entry)> = g
        .entries()
        .iter()
        .enumerate()
        .filter(|(_, e)| !e.shipped)
        .collect();
    // Keys of every entry's nl, for variant collisions.
    let mut nl_keys: HashMap<String, Vec<usize>> = HashMap::new();
    for (id, e) in g.entries().iter().enumerate() {
        nl_keys.entry(spelling_key(&e.nl)).or_default().push(id);
    }
    // Who overrides whom, and who forbids which English (lowercase): built
    // once, so that large glossaries lint in linear time.
    let mut overridden: HashMap<usize, Vec<usize>> = HashMap::new();
    let mut avoided_by: HashMap<String, Vec<usize>> = HashMap::new();
    for (oid, o) in g.entries().iter().enumerate() {
        if let Some(by) = o.overridden_by {
            overridden.entry(by).or_default().push(oid);
        }
        for a in g.effective_avoid(oid) {
            let list = avoided_by.entry(a.to_ascii_lowercase()).or_default();
            if list.last() != Some(&oid) {
                list.push(oid);
            }
        }
    }
    let mut seen: HashMap<(String, String), usize> = HashMap::new();
    for &(id, e) in &user {
        let file = e.location.file.to_string();
        let line = Some(e.location.line);
        let finding = |severity, code, message: String, hint: &str| Finding {
            severity,
            file: file.clone(),
            line,
            column: None,
            code,
            message,
            hint: hint.into(),
        };
        // Duplicates: the same spelling and English twice in one file.
        for sp in e.spellings() {
            let key = (file.clone(), spelling_key(sp));
            if let Some(&first) = seen.get(&key) {
                let other = &g.entries()[first];
                if other.en == e.en && first != id {
                    out.push(finding(
                        Severity::Warning,
                        "duplicate",
                        format!("`{sp}` → `{}` repeats line {}", e.en, other.location.line),
                        "remove one of the two rows",
                    ));
                }
            } else {
                seen.insert(key, id);
            }
        }
        // Overrides of shipped (or earlier) entries.
        for &oid in overridden.get(&id).into_iter().flatten() {
            let o = &g.entries()[oid];
            if o.en == e.en {
                out.push(finding(
                    Severity::Info,
                    "redundant",
                    format!(
                        "repeats {} (`{}` → `{}`) with the same English",
                        o.location, o.nl, o.en
                    ),
                    "remove the row, unless it is meant to pin that rendering",
                ));
            } else {
                let severity = if o.shipped {
                    Severity::Info
                } else {
                    Severity::Warning
                };
                out.push(finding(
                    severity,
                    "override",
                    format!(
                        "overrides {} (`{}` → `{}`) with `{}`",
                        o.location, o.nl, o.en, e.en
                    ),
                    if o.shipped {
                        "intended? then nothing to do"
                    } else {
                        "two user glossaries disagree: keep one"
                    },
                ));
            }
        }
        // A variant that is another entry's headword.
        for v in &e.variants {
            for &other in nl_keys.get(&spelling_key(v)).into_iter().flatten() {
                if other != id && g.entries()[other].en != e.en {
                    out.push(finding(
                        Severity::Warning,
                        "variant-collision",
                        format!(
                            "variant `{v}` is the headword of {} (→ `{}`)",
                            g.entries()[other].location,
                            g.entries()[other].en
                        ),
                        "remove the variant or make the two entries agree",
                    ));
                }
            }
        }
        // English that another entry forbids.
        for &oid in avoided_by
            .get(&e.en.to_ascii_lowercase())
            .into_iter()
            .flatten()
        {
            let o = &g.entries()[oid];
            if oid != id {
                out.push(finding(
                    Severity::Warning,
                    "avoided",
                    format!(
                        "`{}` is listed in `avoid` of {} (`{}` → `{}`)",
                        e.en, o.location, o.nl, o.en
                    ),
                    "choose another English, or override that entry",
                ));
            }
        }
        // Mixed scripts inside a word.
        for text in e.spellings().chain([e.en.as_str()]) {
            if let Some(w) = text.split_whitespace().find(|w| mixed_script(w)) {
                out.push(finding(
                    Severity::Warning,
                    "mixed-script",
                    format!("`{w}` mixes scripts (a Cyrillic or Greek letter in a Latin word?)"),
                    "retype the word in one script",
                ));
            }
        }
        // Dutch transliteration left in the English of a Slavic name.
        let slavic = matches!(e.origin, Some(super::Origin::Ru | super::Origin::Uk));
        if slavic && let Some(m) = dutch_marks(&e.en) {
            out.push(finding(
                Severity::Warning,
                "dutch-spelling",
                format!(
                    "the English `{}` still has the Dutch transliteration `{m}`",
                    e.en
                ),
                "write the English spelling (oe → u, sj → sh, tsj → ch, zj → zh)",
            ));
        }
        // DeepL's term limit.
        for text in e.spellings().chain([e.en.as_str()]) {
            if text.len() > DEEPL_TERM_LIMIT {
                out.push(finding(
                    Severity::Warning,
                    "too-long",
                    format!(
                        "a term of {} bytes: DeepL accepts at most {DEEPL_TERM_LIMIT}",
                        text.len()
                    ),
                    "shorten it, or it is left out of DeepL exports",
                ));
            }
        }
    }
    sort(out)
}

fn sort(mut v: Vec<Finding>) -> Vec<Finding> {
    v.sort_by(|a, b| {
        (&a.file, a.line, std::cmp::Reverse(a.severity)).cmp(&(
            &b.file,
            b.line,
            std::cmp::Reverse(b.severity),
        ))
    });
    v.dedup();
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(
        files: &[(&str, &str)],
        base: &[(&str, &str)],
    ) -> Vec<(String, Option<usize>, &'static str, Severity)> {
        let files: Vec<(String, Vec<u8>)> = files
            .iter()
            .map(|(n, t)| ((*n).to_owned(), t.as_bytes().to_vec()))
            .collect();
        let base: Vec<Source<'_>> = base
            .iter()
            .map(|(n, t)| Source {
                name: (*n).to_owned(),
                bytes: Cow::Borrowed(t.as_bytes()),
                shipped: true,
            })
            .collect();
        lint(&files, &base)
            .into_iter()
            .map(|f| (f.file, f.line, f.code, f.severity))
            .collect()
    }

    #[test]
    fn each_check() {
        let base = [(
            "glossary/places.csv",
            "nl,en,kind,avoid\nKiev,Kyiv,place,Kiev\nOdessa,Odesa,place,Odessa\n",
        )];
        let user = "nl,en,kind,variants,origin\n\
Kiev,Kiev,place,,\n\
Moskou,Moscow,place,,\n\
moskou,Moscow,place,,\n\
Charkov,Kharkiv,place,Odessa,uk\n\
Loegansk,Loegansk,place,,uk\n\
K\u{0438}ev,Kyiv,place,,\n\
Parijs,Odessa,place,,\n";
        let got = codes(&[("mine.csv", user)], &base);
        let has = |line: usize, code: &str| {
            got.iter()
                .any(|(_, l, c, _)| *l == Some(line) && *c == code)
        };
        assert!(has(2, "override"), "{got:?}");
        assert!(has(4, "duplicate"), "{got:?}");
        assert!(has(5, "variant-collision"), "{got:?}");
        assert!(has(6, "dutch-spelling"), "{got:?}");
        assert!(has(7, "mixed-script"), "{got:?}");
        assert!(has(8, "avoided"), "{got:?}");
        assert!(
            got.iter().all(|(_, _, _, s)| *s != Severity::Error),
            "{got:?}"
        );
    }

    #[test]
    fn load_errors_are_error_findings() {
        let got = codes(
            &[(
                "bad.csv",
                "nl,en,kind\n,x,place\nKiev,Kyiv,town\nOdessa,Odesa,place\nodessa,Odessa,place\n",
            )],
            &[],
        );
        let errors: Vec<_> = got
            .iter()
            .filter(|f| f.3 == Severity::Error)
            .map(|f| (f.1, f.2))
            .collect();
        assert_eq!(
            errors,
            [
                (Some(2), "empty"),
                (Some(3), "value"),
                (Some(5), "conflict")
            ],
            "{got:?}"
        );
    }

    #[test]
    fn whitespace_and_long_terms() {
        let long = "x".repeat(1100);
        let got = codes(
            &[("w.csv", &format!("nl,en\n Kiev ,Kyiv\n{long},y\n"))],
            &[],
        );
        assert!(
            got.iter().any(|f| f.1 == Some(2) && f.2 == "whitespace"),
            "{got:?}"
        );
        assert!(
            got.iter().any(|f| f.1 == Some(3) && f.2 == "too-long"),
            "{got:?}"
        );
    }
}
