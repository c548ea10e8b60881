//! The neural engine through the production path (`tolk translate --engine
//! neural|auto`), on a tiny synthetic model in fxtranslate's container
//! format written by `tolk::neural::testmodel`. No network, no real model.
//! The tiny model's weights are random, so its English is noise; what is
//! tested is what tolk guarantees whatever the model writes: the engine
//! named, every glossary term present verbatim at its span, forbidden
//! spellings gone, repairs reported, deterministic output, termination.

mod common;
use common::*;
use serde_json::Value;
use std::path::Path;

/// A model directory with the tiny model installed as `nl-en`.
fn model_dir(seed: u64) -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    tolk::neural::testmodel::write_model_dir(&d.path().join("nl-en"), seed).unwrap();
    d
}

fn neural_json(dir: &Path, extra: &[&str], input: &str) -> Value {
    let out = stdout_of(
        tolk()
            .args([
                "translate",
                "--engine",
                "neural",
                "-f",
                "json",
                "--model-dir",
            ])
            .arg(dir)
            .args(extra)
            .write_stdin(input),
    );
    serde_json::from_str(&out).unwrap()
}

/// Every term's `en` is in the sentence's English at `en_start..en_end`,
/// each at a stretch of its own.
fn assert_terms_in_place(s: &Value) -> usize {
    let en = s["en"].as_str().unwrap();
    let terms = s["terms"].as_array().unwrap();
    let mut spans: Vec<(u64, u64)> = terms
        .iter()
        .map(|t| {
            (
                t["en_start"].as_u64().unwrap(),
                t["en_end"].as_u64().unwrap(),
            )
        })
        .collect();
    spans.sort();
    assert!(spans.windows(2).all(|w| w[0].1 <= w[1].0), "overlap: {s}");
    for t in terms {
        let (a, b) = (
            t["en_start"]
                .as_u64()
                .unwrap_or_else(|| panic!("no span: {t}")) as usize,
            t["en_end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&en[a..b], t["en"].as_str().unwrap(), "{s}");
        assert_ne!(t["status"], "missing", "{s}");
    }
    terms.len()
}

#[test]
fn glossary_terms_are_forced_into_neural_output() {
    let d = model_dir(7);
    let input = "Poetin sprak in Moskou met Zelenski over Kiev.\nDe Russische president Poetin ontmoette Sjojgoe in Marioepol.\nDe steun van Nederland aan Den Haag.\nVolodimir Zelenski zei dat Zelenski zou komen.\nNederland en Den Haag.\n";
    let doc = neural_json(d.path(), &[], input);
    assert_eq!(doc["engine"], "neural");
    let ss = json_sentences(&doc);
    assert_eq!(ss.len(), 5);
    let mut terms = 0;
    for s in &ss {
        terms += assert_terms_in_place(s);
        // Constrained decoding placed every term: nothing to repair.
        assert!(s.get("repair").is_none(), "{s}");
        let en = s["en"].as_str().unwrap();
        // Forbidden spellings never survive.
        for bad in ["Kiev", "Moskou", "Poetin"] {
            assert!(!en.contains(bad), "{en}");
        }
    }
    assert!(terms >= 13, "{doc}");
    // A name mentioned twice is written twice.
    assert_eq!(
        ss[3]["en"].as_str().unwrap().matches("Zelensky").count(),
        2,
        "{}",
        ss[3]
    );
    let en: Vec<&str> = ss.iter().map(|s| s["en"].as_str().unwrap()).collect();
    for want in [
        "Putin",
        "Moscow",
        "Zelensky",
        "Kyiv",
        "Shoigu",
        "Mariupol",
        "The Netherlands", // first in the English: capitalised
        "The Hague",
    ] {
        assert!(
            en.iter().any(|e| e.contains(want)),
            "{want} missing: {en:?}"
        );
    }
    // Deterministic.
    assert_eq!(neural_json(d.path(), &[], input), doc);
    // Thread count does not change a translation.
    assert_eq!(neural_json(d.path(), &["--threads", "1"], input), doc);
}

#[test]
fn auto_uses_the_model_when_installed_else_builtin() {
    let d = model_dir(3);
    let with = stdout_of(
        tolk()
            .args(["translate", "-f", "json", "--model-dir"])
            .arg(d.path())
            .write_stdin("Poetin sprak."),
    );
    assert!(with.contains("\"engine\":\"neural\""), "{with}");
    let empty = tempfile::tempdir().unwrap();
    let without = stdout_of(
        tolk()
            .args(["translate", "-f", "json", "--model-dir"])
            .arg(empty.path())
            .write_stdin("Poetin sprak."),
    );
    assert!(without.contains("\"engine\":\"builtin\""), "{without}");
    // The side header names the engine too.
    let side = stdout_of(
        tolk()
            .args(["translate", "--model-dir"])
            .arg(d.path())
            .write_stdin("Poetin sprak."),
    );
    assert!(side.contains("neural"), "{side}");
}

#[test]
fn neural_without_a_model_is_a_clear_error() {
    let empty = tempfile::tempdir().unwrap();
    let out = tolk()
        .args(["translate", "--engine", "neural", "--model-dir"])
        .arg(empty.path())
        .write_stdin("Poetin sprak.")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("tolk model download"), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn a_term_the_model_cannot_spell_is_repaired_or_marked_missing() {
    let d = model_dir(11);
    let g = tempfile::tempdir().unwrap();
    // The tiny vocabulary has no Cyrillic: this English cannot be decoded.
    let glossary = g.path().join("g.csv");
    std::fs::write(&glossary, "nl,en,kind\nKiev,Київ,place\n").unwrap();
    let g = glossary.to_str().unwrap();
    let run = |extra: &[&str]| -> Value {
        let args = [&["--no-default-glossary", "-g", g], extra].concat();
        neural_json(d.path(), &args, "Poetin sprak in Kiev.")
    };
    // Strict (default): repaired, and said so.
    let doc = run(&[]);
    let s = json_sentences(&doc)[0];
    assert!(s["repair"] == "aligned" || s["repair"] == "builtin", "{s}");
    assert_terms_in_place(s);
    assert!(s["en"].as_str().unwrap().contains("Київ"), "{s}");
    // --no-strict: kept as the model wrote it, the term marked missing.
    let doc = run(&["--no-strict"]);
    let s = json_sentences(&doc)[0];
    assert!(s.get("repair").is_none(), "{s}");
    assert_eq!(s["terms"][0]["status"], "missing", "{s}");
    assert!(!s["en"].as_str().unwrap().contains("Київ"), "{s}");
}

#[test]
fn eval_measures_the_neural_engine() {
    let d = model_dir(5);
    let t = tempfile::tempdir().unwrap();
    std::fs::write(t.path().join("src.nl"), "Poetin sprak in Moskou.\nKiev.\n").unwrap();
    std::fs::write(t.path().join("ref.en"), "Putin spoke in Moscow.\nKyiv.\n").unwrap();
    let out = stdout_of(
        tolk()
            .args(["eval", "--engine", "neural", "-f", "json", "--src"])
            .arg(t.path().join("src.nl"))
            .arg("--ref")
            .arg(t.path().join("ref.en"))
            .arg("--model-dir")
            .arg(d.path()),
    );
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["engine"], "neural", "{v}");
    assert!(v["chrf2"].as_f64().unwrap() > 0.0, "{v}");
}

/// With a real downloaded model (`TOLK_TEST_MODEL_DIR` pointing at a model
/// directory, as `tolk model download --dir`): every glossary term of the
/// sample article is in the English. Skipped when no model is at hand.
#[test]
fn real_model_renders_every_term_of_the_seed() {
    let Some(dir) = std::env::var_os("TOLK_TEST_MODEL_DIR") else {
        eprintln!("skipped: TOLK_TEST_MODEL_DIR is not set");
        return;
    };
    let start = std::time::Instant::now();
    let text = std::fs::read_to_string(seed_path()).unwrap();
    let doc = neural_json(Path::new(&dir), &[], &text);
    let elapsed = start.elapsed();
    assert_eq!(doc["engine"], "neural");
    let ss = json_sentences(&doc);
    let terms: usize = ss.iter().map(|s| assert_terms_in_place(s)).sum();
    assert!(terms > 30, "{terms}");
    eprintln!(
        "real model: {} sentences, {terms} terms, {:.1} sentences/s",
        ss.len(),
        ss.len() as f64 / elapsed.as_secs_f64()
    );
}

#[test]
fn html_pairs_each_term_with_its_counterpart_for_hover() {
    let d = model_dir(7);
    let html = stdout_of(
        tolk()
            .args([
                "translate",
                "--engine",
                "neural",
                "-f",
                "html",
                "--model-dir",
            ])
            .arg(d.path())
            .write_stdin("Poetin sprak in Moskou met Zelenski.\n"),
    );
    assert!(
        html.contains("English by the <strong>neural</strong> engine"),
        "{html}"
    );
    let row = html
        .lines()
        .find(|l| l.contains("class=\"sentence\""))
        .unwrap();
    let (nl, en) = row.split_once("<td lang=\"en\">").unwrap();
    for i in 0..3 {
        let mark = format!("data-t=\"{i}\"");
        assert!(nl.contains(&mark) && en.contains(&mark), "{row}");
        let rule = format!("tr:has(mark[data-t=\"{i}\"]:hover) mark[data-t=\"{i}\"]");
        assert!(html.contains(&rule), "no hover rule for {i}");
    }
}
