//! `tolk check` on a hand-made English translation of the sample article:
//! clean as it is, and exactly the three errors planted in a copy.

mod common;

use common::{root, tolk};
use std::fs;

fn planted() -> String {
    let good = fs::read_to_string(root().join("tests/fixtures/seed.en.txt")).unwrap();
    let mut lines: Vec<String> = good.split('\n').map(str::to_owned).collect();
    assert!(lines[0].contains("Zelensky and Putin could"));
    lines[0] = lines[0].replace("Zelensky and Putin could", "Zelensky could");
    assert!(lines[1].contains("29 January"));
    lines[1] = lines[1].replace("29 January", "28 January");
    let k = lines.iter().rposition(|l| l.contains("Kyiv")).unwrap();
    lines[k] = lines[k].replacen("Kyiv", "Kiev", 1);
    lines.join("\n")
}

fn check(target: &str, extra: &[&str]) -> (i32, String, String) {
    let d = tempfile::tempdir().unwrap();
    let t = d.path().join("en.txt");
    fs::write(&t, target).unwrap();
    let out = tolk()
        .args(["check", "--source", common::SEED, "--target"])
        .arg(&t)
        .args(extra)
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn the_hand_made_translation_is_clean() {
    let good = fs::read_to_string(root().join("tests/fixtures/seed.en.txt")).unwrap();
    let (code, out, err) = check(&good, &[]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.ends_with("0 error(s), 0 warning(s)\n"), "{out}");
}

#[test]
fn the_three_planted_errors_and_nothing_else() {
    let (code, out, err) = check(&planted(), &["--format", "json"]);
    assert_eq!(code, 1, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let found: Vec<(u64, &str, &str)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["paragraph"].as_u64().unwrap(),
                f["code"].as_str().unwrap(),
                f["level"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            (1, "missing-term", "error"),
            (2, "number", "error"),
            (9, "forbidden", "error")
        ],
        "{out}"
    );
    let f = &v["findings"][0];
    assert_eq!(f["entry"], "glossary/names.csv:4");
    assert!(f["nl"].as_str().unwrap().contains("Poetin"));
    assert!(f["en"].as_str().unwrap().contains("Zelensky could"));
    assert_eq!(v["errors"], 3);
    assert_eq!(v["warnings"], 0);
    // Text output names the place, the entry, and both texts.
    let (_, out, _) = check(&planted(), &[]);
    assert!(out.contains("¶9 s2: error[forbidden]: `Kiev` is a forbidden spelling: write `Kyiv` (glossary/places.csv:13)"), "{out}");
    assert!(
        out.contains("  nl: Kiev, donderdag, 29 januari 2026."),
        "{out}"
    );
    assert!(out.ends_with("3 error(s), 0 warning(s)\n"), "{out}");
}

#[test]
fn fail_on_and_exit_codes() {
    // A warning only (Dutch left in the English): exit 0 by default, 1 with --fail-on warning.
    let good = fs::read_to_string(root().join("tests/fixtures/seed.en.txt")).unwrap();
    let with_dutch = good.replacen("could finally meet, but", "could finally meet, maar", 1);
    let (code, out, _) = check(&with_dutch, &[]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("warning[dutch]"), "{out}");
    let (code, _, _) = check(&with_dutch, &["--fail-on", "warning"]);
    assert_eq!(code, 1);
    // Not aligned: an error.
    let (code, _, err) = check("One line only.\n", &[]);
    assert_eq!(code, 2);
    assert!(err.contains("line-aligned"), "{err}");
}

#[test]
fn bilingual_tsv_from_translate_checks_clean() {
    let d = tempfile::tempdir().unwrap();
    let tsv = d.path().join("seed.tsv");
    let out = tolk()
        .args(["translate", "-f", "tsv", common::SEED, "-o"])
        .arg(&tsv)
        .output()
        .unwrap();
    assert!(out.status.success());
    let out = tolk()
        .args(["check", "--bilingual"])
        .arg(&tsv)
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("0 error(s)"), "{stdout}");
}

#[test]
fn html_report_marks_findings_on_their_rows() {
    let (code, out, _) = check(&planted(), &["--format", "html"]);
    assert_eq!(code, 1);
    assert!(out.starts_with("<!DOCTYPE html>"));
    assert_eq!(
        out.matches("<tr class=\"sentence").count(),
        32,
        "one row per unit"
    );
    assert_eq!(out.matches("<tr class=\"sentence has-error\"").count(), 3);
    assert!(out.contains("<mark class=\"finding error\""), "{out}");
    assert!(out.contains("3 errors"), "{out}");
    assert!(!out.contains("<script"), "no scripts");
}
