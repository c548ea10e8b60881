//! `tolk translit` and transliteration proposals in translation: a name no
//! glossary knows gets an English spelling, marked as a proposal in every
//! format. The names here are made up for the tests.

mod common;

use common::{stdout_of, tolk};

const TEXT: &str = "De Oekraïense minister Mykola Tkatsjenko bezocht gisteren Zjoekovka. Tkatsjenko's plan werd door Poetin afgewezen.\n";

#[test]
fn translit_names_with_explain_and_json() {
    let out = stdout_of(tolk().args([
        "translit",
        "Sergej Sjtsjerbakov",
        "Mykola Tkatsjenko",
        "strijd",
        "Zelensky",
    ]));
    assert_eq!(
        out,
        "Sergei Shcherbakov\nMykola Tkachenko\nstrijd\nZelensky\n"
    );
    let out = stdout_of(tolk().args(["translit", "--explain", "Zjoekovka"]));
    assert!(out.starts_with("Zjoekovka → Zhukovka  (origin ru"), "{out}");
    assert!(out.contains("rules: zj→zh, oe→u"), "{out}");
    let out = stdout_of(tolk().args([
        "translit",
        "--format",
        "json",
        "--origin",
        "uk",
        "Hryhorij Koezmenko",
    ]));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v[0]["en"], "Hryhorii Kuzmenko");
    assert_eq!(v[0]["origin"], "uk");
    assert_eq!(v[0]["origin_from"], "given");
    let c = v[0]["confidence"].as_f64().unwrap();
    assert!((0.0..=1.0).contains(&c));
    // Cyrillic gives the Dutch spellings too.
    let out = stdout_of(tolk().args(["translit", "--explain", "Сергей Щербаков"]));
    assert!(
        out.contains("→ Sergei Shcherbakov") && out.contains("Dutch: Sergej Sjtsjerbakov"),
        "{out}"
    );
    // Names on standard input, one per line.
    let out = stdout_of(
        tolk()
            .arg("translit")
            .write_stdin("Zjoekovka\n\nAleksej Sjoesjkin\n"),
    );
    assert_eq!(out, "Zhukovka\nAlexei Shushkin\n");
}

#[test]
fn translit_eval_reports_accuracy() {
    let out =
        stdout_of(tolk().args(["translit", "--eval", "tests/fixtures/names.csv", "--misses"]));
    assert!(
        out.contains("Dutch ≠ English (5 names): exact 100.0% (5), tolerant 100.0% (5)"),
        "{out}"
    );
    assert!(
        out.contains("Dutch = English (1 names): unchanged 100.0% (1)"),
        "{out}"
    );
    let out = stdout_of(tolk().args([
        "translit",
        "--eval",
        "tests/fixtures/names.csv",
        "--format",
        "json",
    ]));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["translit_differ"]["rows"], 5);
    assert_eq!(v["with_glossary"]["exact"], 6);
}

#[test]
fn proposals_in_text_json_and_tag() {
    let out = stdout_of(tolk().args(["translate", "-f", "text"]).write_stdin(TEXT));
    assert!(out.contains("Mykola Tkachenko"), "{out}");
    assert!(out.contains("Zhukovka"), "{out}");
    assert!(out.contains("Tkachenko's"), "genitive: {out}");
    assert!(out.contains("Putin"), "{out}");
    let out = stdout_of(tolk().args(["translate", "-f", "json"]).write_stdin(TEXT));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let terms: Vec<&serde_json::Value> = v["paragraphs"][0]["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["terms"].as_array().unwrap())
        .collect();
    let proposed: Vec<&&serde_json::Value> =
        terms.iter().filter(|t| t["source"] == "translit").collect();
    let names: Vec<(&str, &str)> = proposed
        .iter()
        .map(|t| (t["text"].as_str().unwrap(), t["en"].as_str().unwrap()))
        .collect();
    assert_eq!(
        names,
        [
            ("Mykola Tkatsjenko", "Mykola Tkachenko"),
            ("Zjoekovka", "Zhukovka"),
            ("Tkatsjenko's", "Tkachenko's")
        ]
    );
    for t in &proposed {
        assert_eq!(t["entry"], "translit");
        assert_eq!(t["origin"], "uk", "the surname follows the full name: {t}");
        let c = t["confidence"].as_f64().unwrap();
        assert!(c > 0.0 && c <= 1.0);
    }
    // Glossary terms carry no proposal fields.
    let glossary = terms.iter().find(|t| t["text"] == "Poetin").unwrap();
    assert_eq!(glossary["source"], "glossary");
    assert!(glossary.get("confidence").is_none());
    let out = stdout_of(tolk().arg("tag").write_stdin(TEXT));
    assert!(
        out.contains("Mykola Tkatsjenko → Mykola Tkachenko  person  translit"),
        "{out}"
    );
    // The glossary engine proposes the same names.
    let out = stdout_of(
        tolk()
            .args(["translate", "-e", "glossary", "-f", "text"])
            .write_stdin(TEXT),
    );
    assert!(
        out.contains("Mykola Tkachenko") && out.contains("Zhukovka"),
        "{out}"
    );
}

#[test]
fn proposals_have_their_own_highlight_in_html_and_side() {
    let out = stdout_of(tolk().args(["translate", "-f", "html"]).write_stdin(TEXT));
    assert!(out.contains("<mark class=\"term translit\""), "{out}");
    assert!(out.contains("proposal (uk, confidence"), "tooltip: {out}");
    assert!(out.contains("spelled by transliteration"), "{out}");
    let out = stdout_of(
        tolk()
            .args(["translate", "--color", "always"])
            .write_stdin(TEXT),
    );
    // Magenta (35) for proposals, cyan (36) for glossary terms.
    assert!(out.contains("35m") && out.contains("Zhukovka"), "{out}");
    assert!(out.contains("36m"), "{out}");
}

#[test]
fn names_in_english_spelling_and_dutch_words_are_left_alone() {
    let text = "Volgens John Johnson en Benjamin Hoekstra was het een zware strijd.\n";
    let out = stdout_of(tolk().args(["translate", "-f", "json"]).write_stdin(text));
    assert!(!out.contains("translit"), "{out}");
}

#[test]
fn markdown_italicises_proposals_and_given_names_work_without_the_glossaries() {
    let out = stdout_of(
        tolk()
            .args(["translate", "-f", "markdown"])
            .write_stdin(TEXT),
    );
    assert!(
        out.contains("*Mykola Tkachenko*") && out.contains("*Zhukovka*"),
        "{out}"
    );
    assert!(
        !out.contains("*Putin*"),
        "glossary terms are not italic: {out}"
    );
    assert!(out.contains("spelled by transliteration"), "{out}");
    // The given-names table is engine data: on without the shipped glossaries.
    let out = stdout_of(tolk().args(["--no-default-glossary", "translit", "Joeri Sjtsjerbakov"]));
    assert_eq!(out, "Yuri Shcherbakov\n");
}

/// A word token can hold a glossary term (*o.a.kerncentrale* is one token
/// for the segmenter, *kerncentrale* a term for the matcher): no proposal
/// is made over it, so terms never overlap (this input panicked).
#[test]
fn no_proposal_over_a_term_inside_a_token() {
    let input = "Zelensky’sЂo.a.kerncentrale \n";
    let out = stdout_of(tolk().args(["tag", "-f", "json"]).write_stdin(input));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let spans: Vec<(u64, u64)> = v["terms"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (t["start"].as_u64().unwrap(), t["end"].as_u64().unwrap()))
        .collect();
    assert!(spans.contains(&(18, 30)), "{out}");
    assert!(spans.windows(2).all(|w| w[0].1 <= w[1].0), "{out}");
    let out = stdout_of(
        tolk()
            .args(["translate", "-e", "glossary", "-f", "text"])
            .write_stdin(input),
    );
    assert!(out.contains("nuclear power plant"), "{out}");
}
