//! The showcase article end to end: every name of the article comes out in
//! the English of its own sentence exactly as the shipped glossary says.

mod common;
use common::*;
use serde_json::Value;

fn seed_json() -> Value {
    let out = stdout_of(tolk().args(["translate", "-e", "glossary", "--format", "json", SEED]));
    serde_json::from_str(&out).unwrap()
}

/// The row a `FILE:LINE` entry points at, read from the repository's CSV.
fn glossary_row(entry: &str) -> csv::StringRecord {
    let (file, line) = entry.rsplit_once(':').unwrap();
    let line: u64 = line.parse().unwrap();
    let mut r = csv::Reader::from_path(root().join(file)).unwrap();
    let headers = r.headers().unwrap().clone();
    assert_eq!(&headers[0], "nl");
    assert_eq!(&headers[1], "en");
    r.records()
        .map(Result::unwrap)
        .find(|rec| rec.position().unwrap().line() == line)
        .unwrap_or_else(|| panic!("no row at {entry}"))
}

/// (Dutch as the article writes it, English as the house style says).
const EXPECTED: &[(&str, &str)] = &[
    ("Poetin", "Putin"),
    ("Kiev", "Kyiv"),
    ("Moskou", "Moscow"),
    ("Oekraïne", "Ukraine"),
    ("Oekraïense", "Ukrainian"),
    ("Rusland", "Russia"),
    ("Russische", "Russian"),
    ("VS", "US"),
    ("Amerikaanse", "American"),
    ("Parijs", "Paris"),
    ("Europa", "Europe"),
    ("Europa’s", "Europe's"),
    ("Nederlandse", "Dutch"),
    ("Kremlin", "Kremlin"),
    ("Zaporizhzhia", "Zaporizhzhia"),
    ("Donetsk", "Donetsk"),
    ("Luhansk", "Luhansk"),
    ("Abu Dhabi", "Abu Dhabi"),
    ("Washington", "Washington"),
    ("Yuri Ushakov", "Yuri Ushakov"),
    ("Andrii Sybiha", "Andrii Sybiha"),
    ("Marco Rubio", "Marco Rubio"),
    ("Zelensky", "Zelensky"),
    ("Zelensky’s", "Zelensky's"),
];

#[test]
fn every_seed_name_comes_out_as_the_glossary_says() {
    let doc = seed_json();
    assert_eq!(doc["engine"], "glossary");
    for (nl, en) in EXPECTED {
        let mut found = 0;
        for s in json_sentences(&doc) {
            for t in s["terms"].as_array().unwrap() {
                if t["text"] != *nl {
                    continue;
                }
                found += 1;
                // Sentence-initial terms are capitalised; these all start with a capital.
                assert_eq!(t["en"], *en, "{nl} in {:?}", s["nl"]);
                assert!(
                    s["en"].as_str().unwrap().contains(en),
                    "{en} missing from the English of {:?}: {:?}",
                    s["nl"],
                    s["en"]
                );
                assert!(s["nl"].as_str().unwrap().contains(nl));
                // The entry it names says so.
                let row = glossary_row(t["entry"].as_str().unwrap());
                assert_eq!(
                    en.trim_end_matches("'s"),
                    &row[1],
                    "entry {} renders {nl}",
                    t["entry"]
                );
            }
        }
        assert!(found > 0, "{nl} was not tagged anywhere in the seed");
    }
}

#[test]
fn terms_sit_at_their_byte_offsets() {
    let text = std::fs::read_to_string(seed_path()).unwrap();
    let doc = seed_json();
    let mut n = 0;
    for s in json_sentences(&doc) {
        for t in s["terms"].as_array().unwrap() {
            let (a, b) = (
                t["start"].as_u64().unwrap() as usize,
                t["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&text[a..b], t["text"].as_str().unwrap());
            assert_eq!(t["source"], "glossary");
            n += 1;
        }
    }
    assert!(n >= 60, "only {n} terms tagged in the seed");
}

#[test]
fn no_dutch_spelling_of_a_name_survives() {
    let out = stdout_of(tolk().args(["translate", "-e", "glossary", "--format", "text", SEED]));
    for dutch in [
        "Poetin",
        "Moskou",
        "Oekraïne",
        "Rusland",
        "Parijs",
        "Kiev",
        "Europa",
        "Amerikaanse",
    ] {
        assert!(!out.contains(dutch), "{dutch} left in the English:\n{out}");
    }
    // Line alignment: one output line per input line.
    let input = std::fs::read_to_string(seed_path()).unwrap();
    assert_eq!(out.lines().count(), input.lines().count());
}

#[test]
fn seed_sentence_structure() {
    let doc = seed_json();
    let paras = doc["paragraphs"].as_array().unwrap();
    let counts: Vec<usize> = paras
        .iter()
        .map(|p| p["sentences"].as_array().unwrap().len())
        .collect();
    // Headline, dateline, then body paragraphs separated by subheadings.
    assert_eq!(counts, [1, 1, 6, 1, 7, 1, 7, 1, 7]);
    let first = json_sentences(&doc)[0]["en"].as_str().unwrap();
    assert!(first.starts_with("Zelensky en Putin"), "{first}");
}
