//! Golden files for every output format, on the showcase article with the
//! shipped glossary (re-bless with `INSTA_UPDATE=always cargo test` or
//! `cargo insta review`).

mod common;
use common::*;

/// The seed through the `glossary` engine (the golden files of the
/// foundation's formats).
fn translate(format: &str) -> String {
    translate_with("glossary", format)
}

fn translate_with(engine: &str, format: &str) -> String {
    stdout_of(tolk().args([
        "translate",
        "--engine",
        engine,
        "--width",
        "100",
        "--color",
        "never",
        "--format",
        format,
        SEED,
    ]))
}

#[test]
fn side() {
    insta::assert_snapshot!("seed.side", translate("side"));
}

#[test]
fn text() {
    insta::assert_snapshot!("seed.text", translate("text"));
}

#[test]
fn markdown() {
    insta::assert_snapshot!("seed.markdown", translate("markdown"));
}

#[test]
fn html() {
    insta::assert_snapshot!("seed.html", translate("html"));
}

#[test]
fn tsv() {
    insta::assert_snapshot!("seed.tsv", translate("tsv"));
}

#[test]
fn json() {
    insta::assert_snapshot!("seed.json", translate("json"));
}

#[test]
fn side_with_colour() {
    let out = stdout_of(tolk().args([
        "translate",
        "-e",
        "glossary",
        "--width",
        "60",
        "--color",
        "always",
        "tests/fixtures/short.nl.txt",
    ]));
    insta::assert_snapshot!("short.side.color", out);
}

#[test]
fn tag_text() {
    insta::assert_snapshot!("seed.tag", stdout_of(tolk().args(["tag", SEED])));
}

#[test]
fn tag_json() {
    insta::assert_snapshot!(
        "seed.tag.json",
        stdout_of(tolk().args(["tag", "--format", "json", SEED]))
    );
}

#[test]
fn builtin_text() {
    insta::assert_snapshot!("seed.builtin.text", translate_with("builtin", "text"));
}

#[test]
fn builtin_json() {
    insta::assert_snapshot!("seed.builtin.json", translate_with("builtin", "json"));
}

/// `--glossary-only` lists the same glossary terms, without the proposals.
#[test]
fn tag_glossary_only_is_tag_without_proposals() {
    for format in ["text", "json"] {
        let names = "De Oekraïense minister Mykola Tkatsjenko bezocht Zjoekovka.\n";
        let all = stdout_of(
            tolk()
                .args(["tag", "-f", format, SEED, "-"])
                .write_stdin(names),
        );
        let only = stdout_of(
            tolk()
                .args(["tag", "--glossary-only", "-f", format, SEED, "-"])
                .write_stdin(names),
        );
        let want: String = match format {
            "text" => all
                .lines()
                .filter(|l| !l.ends_with("  translit"))
                .map(|l| format!("{l}\n"))
                .collect(),
            _ => all
                .lines()
                .map(|l| {
                    let mut doc: serde_json::Value = serde_json::from_str(l).unwrap();
                    doc["terms"]
                        .as_array_mut()
                        .unwrap()
                        .retain(|t| t["source"] != "translit");
                    format!("{doc}\n")
                })
                .collect(),
        };
        assert!(all.contains("translit"), "the names are proposals");
        if format == "json" {
            let parse = |s: &str| -> Vec<serde_json::Value> {
                s.lines()
                    .map(|l| serde_json::from_str(l).unwrap())
                    .collect()
            };
            assert_eq!(parse(&only), parse(&want));
        } else {
            assert_eq!(only, want);
        }
    }
}
