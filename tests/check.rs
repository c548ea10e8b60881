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

fn xmllint(xml: &str) {
    let child = std::process::Command::new("xmllint")
        .args(["--noout", "-"])
        .stdin(std::process::Stdio::piped())
        .spawn();
    if let Ok(mut child) = child {
        use std::io::Write;
        child
            .stdin
            .take()
            .unwrap()
            .write_all(xml.as_bytes())
            .unwrap();
        assert!(child.wait().unwrap().success(), "xmllint rejects:\n{xml}");
    }
}

#[test]
fn tmx_and_xliff_are_well_formed_and_read_back() {
    let d = tempfile::tempdir().unwrap();
    for (format, root_tag) in [
        ("tmx", "<tmx version=\"1.4\">"),
        ("xliff", "urn:oasis:names:tc:xliff:glossary:2.0"),
    ] {
        let file = d.path().join(format!("seed.{format}"));
        let out = tolk()
            .args(["translate", "-f", format, common::SEED, "-o"])
            .arg(&file)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let xml = fs::read_to_string(&file).unwrap();
        assert!(xml.contains(root_tag), "{xml}");
        let mut r = quick_xml::Reader::from_str(&xml);
        r.config_mut().check_end_names = true;
        loop {
            if let quick_xml::events::Event::Eof = r.read_event().expect("well-formed") {
                break;
            }
        }
        xmllint(&xml);
        let out = tolk()
            .args(["check", "--format", "json", "--bilingual"])
            .arg(&file)
            .output()
            .unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(v["units"], 32, "{format}: one unit per sentence");
        assert_eq!(v["errors"], 0, "{format}: {v}");
    }
    // XLIFF records each term hit: Poetin → Putin with its glossary row.
    let xml = fs::read_to_string(d.path().join("seed.xliff")).unwrap();
    assert!(
        xml.contains("<gls:term source=\"glossary/names.csv:4\">Poetin</gls:term>"),
        "{xml}"
    );
    assert!(
        xml.contains("<mrk id=\"m1\" type=\"term\">Zelensky</mrk>"),
        "{xml}"
    );
}

#[test]
fn markup_in_the_article_stays_text_in_tmx_and_xliff() {
    let text = "Hij schreef <script>alert(1)</script> en \"quotes\" & ampersands in Kiev.\n";
    for format in ["tmx", "xliff"] {
        let out = tolk()
            .args(["translate", "-e", "glossary", "-f", format])
            .write_stdin(text)
            .output()
            .unwrap();
        let xml = String::from_utf8(out.stdout).unwrap();
        assert!(!xml.contains("<script>"), "{xml}");
        assert!(
            xml.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{xml}"
        );
        xmllint(&xml);
    }
}
