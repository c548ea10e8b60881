//! Merging rows into a glossary file, with a conflict report: `tolk glossary
//! merge` and `tolk glossary import --into`.
//!
//! Takes a [`GlossaryDoc`] and incoming rows (column, value pairs, with where
//! each came from); appends new terms, skips terms already there with the
//! same English, and reports a term that the file renders otherwise as a
//! [`Conflict`], resolved only when a [`Prefer`] rule is given. Invariant:
//! without a rule the document is unchanged whenever there is a conflict.

use super::edit::GlossaryDoc;
use super::spelling_key;
use std::collections::HashMap;
use unicode_normalization::UnicodeNormalization;

/// How to resolve a conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prefer {
    /// Keep what the document has.
    First,
    /// Take the incoming row (its columns replace the document's; columns
    /// the incoming row lacks keep their values).
    Last,
}

/// A row to merge in.
#[derive(Debug, Clone)]
pub struct Incoming {
    /// Where it comes from (`b.csv:7`, `terms.tbx entry 3`).
    pub origin: String,
    /// Its columns, known and unknown.
    pub columns: Vec<(String, String)>,
}

impl Incoming {
    fn get(&self, name: &str) -> &str {
        self.columns
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map_or("", |(_, v)| v.as_str())
    }

    fn nl(&self) -> String {
        self.get("nl").trim().nfc().collect()
    }

    fn en(&self) -> String {
        self.get("en").trim().nfc().collect()
    }

    fn spellings(&self) -> Vec<String> {
        std::iter::once(self.nl())
            .chain(
                self.get("variants")
                    .split('|')
                    .map(|v| v.trim().nfc().collect()),
            )
            .filter(|s: &String| !s.is_empty())
            .collect()
    }
}

/// One term the document and an incoming row render differently.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub spelling: String,
    /// `file:line` of the row in the document, and its English.
    pub existing: String,
    pub existing_en: String,
    pub incoming: String,
    pub incoming_en: String,
}

impl std::fmt::Display for Conflict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "`{}`: `{}` ({}) vs `{}` ({})",
            self.spelling, self.existing_en, self.existing, self.incoming_en, self.incoming
        )
    }
}

/// What a merge did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    pub added: usize,
    /// Rows already there with the same English.
    pub unchanged: usize,
    /// Conflicts resolved in favour of the incoming row.
    pub replaced: usize,
    /// Incoming rows left out: empty `nl` or `en`.
    pub skipped: Vec<String>,
    pub conflicts: Vec<Conflict>,
}

/// Merge `incoming` into `doc` in order. With conflicts and no `prefer`,
/// `doc` is left as it was.
pub fn merge(doc: &mut GlossaryDoc, incoming: &[Incoming], prefer: Option<Prefer>) -> Report {
    let original = doc.clone();
    let mut report = Report::default();
    // Spelling key → (line, English) of the document's rows.
    let mut keys: HashMap<String, (usize, String)> = HashMap::new();
    if let Ok(g) = doc.load() {
        for e in g.entries() {
            for s in e.spellings() {
                keys.entry(spelling_key(s))
                    .or_insert((e.location.line, e.en.clone()));
            }
        }
    }
    let name = doc.name.to_string();
    for row in incoming {
        let (nl, en) = (row.nl(), row.en());
        if nl.is_empty() || en.is_empty() {
            report.skipped.push(row.origin.clone());
            continue;
        }
        let spellings = row.spellings();
        let hit = spellings
            .iter()
            .find_map(|s| keys.get(&spelling_key(s)).map(|h| (s.clone(), h.clone())));
        match hit {
            None => {
                doc.append_columns(&row.columns);
                let line = doc.records.last().map_or(0, |r| r.line);
                for s in &spellings {
                    keys.insert(spelling_key(s), (line, en.clone()));
                }
                report.added += 1;
            }
            Some((_, (_, ref have))) if *have == en => report.unchanged += 1,
            Some((spelling, (line, have))) => {
                report.conflicts.push(Conflict {
                    spelling,
                    existing: format!("{name}:{line}"),
                    existing_en: have,
                    incoming: row.origin.clone(),
                    incoming_en: en.clone(),
                });
                if prefer == Some(Prefer::Last) {
                    let cols: Vec<(String, String)> = row
                        .columns
                        .iter()
                        .filter(|(_, v)| !v.is_empty())
                        .cloned()
                        .collect();
                    if doc.replace_columns(line, &cols).is_ok() {
                        for s in &spellings {
                            keys.insert(spelling_key(s), (line, en.clone()));
                        }
                        report.replaced += 1;
                    }
                }
            }
        }
    }
    if prefer.is_none() && !report.conflicts.is_empty() {
        *doc = original;
    }
    report
}

/// The rows of a document as incoming rows (for merging one file into another).
pub fn rows_of(doc: &GlossaryDoc) -> Vec<Incoming> {
    let header = doc.header;
    doc.records
        .iter()
        .enumerate()
        .filter(|(k, r)| !r.comment && Some(*k) != header)
        .filter_map(|(_, r)| {
            Some(Incoming {
                origin: format!("{}:{}", doc.name, r.line),
                columns: doc.row_columns(r.line)?,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> GlossaryDoc {
        GlossaryDoc::parse("a.csv", text.as_bytes()).unwrap()
    }

    #[test]
    fn adds_skips_and_reports_conflicts() {
        let mut a = doc("nl,en,source\n# mine\nKiev,Kyiv,wiki\nMoskou,Moscow,\n");
        let b = GlossaryDoc::parse("b.csv", b"nl,en,kind,checked\nkiev,Kiev,place,yes\nMoskou,Moscow,place,\nParijs,Paris,place,no\n").unwrap();
        let rows = rows_of(&b);
        let r = merge(&mut a, &rows, None);
        assert_eq!((r.added, r.unchanged, r.conflicts.len()), (1, 1, 1));
        assert_eq!(r.conflicts[0].existing, "a.csv:3");
        assert_eq!(r.conflicts[0].incoming, "b.csv:2");
        // Unchanged without a rule.
        assert_eq!(
            a.bytes(),
            doc("nl,en,source\n# mine\nKiev,Kyiv,wiki\nMoskou,Moscow,\n").bytes()
        );

        let r = merge(&mut a, &rows, Some(Prefer::First));
        assert_eq!((r.added, r.replaced), (1, 0));
        assert_eq!(
            String::from_utf8(a.bytes()).unwrap(),
            "nl,en,source,kind,checked\n# mine\nKiev,Kyiv,wiki,,\nMoskou,Moscow,,,\nParijs,Paris,,place,no\n"
        );

        let mut a = doc("nl,en,source\nKiev,Kyiv,wiki\n");
        let r = merge(&mut a, &rows, Some(Prefer::Last));
        assert_eq!((r.added, r.replaced), (2, 1));
        assert_eq!(
            String::from_utf8(a.bytes()).unwrap(),
            "nl,en,source,kind,checked\nkiev,Kiev,wiki,place,yes\nMoskou,Moscow,,place,\nParijs,Paris,,place,no\n"
        );
        a.validate().unwrap();
    }
}
