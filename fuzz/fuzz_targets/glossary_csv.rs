//! Arbitrary bytes as a glossary CSV file: loading, lint, the editor's
//! reading and writing, and `tolk glossary fmt`, each result read back.

#![no_main]

use libfuzzer_sys::fuzz_target;
use std::borrow::Cow;
use tolk::glossary::edit::GlossaryDoc;
use tolk::glossary::formats::Term;
use tolk::glossary::lint::lint;
use tolk::glossary::{Entry, Severity, Source};
use tolk::{Glossary, tag};

const NAME: &str = "fuzz.csv";

fn load(bytes: &[u8]) -> Result<Glossary, tolk::glossary::LoadError> {
    Glossary::load([Source {
        name: NAME.to_owned(),
        bytes: Cow::Borrowed(bytes),
        shipped: false,
    }])
}

/// What a row means once loaded, without where it was.
type Meaning = (
    String,
    String,
    String,
    Vec<String>,
    Vec<String>,
    String,
    String,
);

fn meaning(e: &Entry) -> Meaning {
    // fmt drops repeated list items.
    let firsts = |items: &[String]| {
        let mut out: Vec<String> = Vec::new();
        for i in items {
            if !out.contains(i) {
                out.push(i.clone());
            }
        }
        out
    };
    (
        e.nl.clone(),
        e.en.clone(),
        e.kind.as_str().to_owned(),
        firsts(&e.variants),
        firsts(&e.avoid),
        e.origin.map_or(String::new(), |o| o.as_str().to_owned()),
        e.note.clone(),
    )
}

fn meanings(g: &Glossary) -> Vec<Meaning> {
    let mut m: Vec<_> = g.entries().iter().map(meaning).collect();
    m.sort();
    m
}

fuzz_target!(|data: &[u8]| {
    let loaded = load(data);
    // Lint: a file that fails to load has at least one error finding.
    let findings = lint(&[(NAME.to_owned(), data.to_vec())], &[]);
    if loaded.is_err() {
        assert!(
            findings.iter().any(|f| f.severity == Severity::Error),
            "load failed but lint found no error: {findings:?}"
        );
    }
    // Opened for editing (which needs a file that parses, not one that
    // loads), an unedited file writes back byte for byte.
    let doc = GlossaryDoc::parse(NAME, data);
    if let Ok(doc) = &doc {
        assert_eq!(doc.bytes(), data, "unedited bytes changed");
        let _ = doc.formatted();
    }
    let Ok(g) = loaded else {
        return;
    };
    let doc = doc.expect("a loadable glossary opens for editing");

    // The matcher built from arbitrary spellings, run over the file itself.
    if let Ok(text) = std::str::from_utf8(data) {
        let mut prev = 0;
        for h in tag(&g, text) {
            assert!(prev <= h.start && h.start < h.end && h.end <= text.len());
            assert!(text.is_char_boundary(h.start) && text.is_char_boundary(h.end));
            prev = h.end;
        }
    }

    // `tolk glossary fmt`: the result opens, loads to the same entries, and
    // formatting it again changes nothing.
    let formatted = doc.formatted();
    let again = GlossaryDoc::parse(NAME, &formatted).unwrap_or_else(|e| {
        panic!(
            "formatted file does not open: {e}\n{}",
            String::from_utf8_lossy(&formatted)
        )
    });
    let g2 = again.load().unwrap_or_else(|e| {
        panic!(
            "formatted file does not load: {e}\n{}",
            String::from_utf8_lossy(&formatted)
        )
    });
    assert_eq!(
        meanings(&g),
        meanings(&g2),
        "formatting changed the entries"
    );
    assert_eq!(again.formatted(), formatted, "fmt is not idempotent");

    // `tolk glossary add`: a new term appended (a spelling no row has)
    // loads with every entry the file had.
    let mut appended = doc.clone();
    let new = Term {
        nl: "Qxzwyk".into(),
        en: "Qxzwyk".into(),
        ..Term::default()
    };
    if g.spelling_for_key(&tolk::glossary::spelling_key(&new.nl))
        .is_none()
    {
        appended.append(&new);
        let reread = appended.load().unwrap_or_else(|err| {
            panic!(
                "appending a row broke the file: {err}\n{}",
                String::from_utf8_lossy(&appended.bytes())
            )
        });
        let mut want = meanings(&g);
        want.push((
            "Qxzwyk".into(),
            "Qxzwyk".into(),
            "term".into(),
            vec![],
            vec![],
            String::new(),
            String::new(),
        ));
        want.sort();
        assert_eq!(
            meanings(&reread),
            want,
            "appending a row changed the entries"
        );
    }

    // The editor: rewrite each row with its own loaded values, then remove
    // it; both edits leave a valid file, and the other rows' entries.
    for (i, e) in g.entries().iter().enumerate().take(4) {
        let line = e.location.line;
        let mut edited = doc.clone();
        edited
            .replace(line, &Term::from_entry(e))
            .expect("a loaded row can be replaced");
        let reread = edited.load().unwrap_or_else(|err| {
            panic!(
                "row {line} rewritten with its own values does not load: {err}\n{}",
                String::from_utf8_lossy(&edited.bytes())
            )
        });
        assert_eq!(
            meanings(&reread),
            meanings(&g),
            "rewriting row {line} changed the entries"
        );

        let mut edited = doc.clone();
        edited.remove(line).expect("a loaded row can be removed");
        let reread = edited.load().unwrap_or_else(|err| {
            panic!(
                "removing row {line} broke the file: {err}\n{}",
                String::from_utf8_lossy(&edited.bytes())
            )
        });
        let mut rest: Vec<_> = g
            .entries()
            .iter()
            .enumerate()
            .filter(|&(k, _)| k != i)
            .map(|(_, e)| meaning(e))
            .collect();
        rest.sort();
        assert_eq!(
            meanings(&reread),
            rest,
            "removing row {line} changed other entries"
        );
    }
});
