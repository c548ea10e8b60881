//! `tolk glossary …` on real files: every command, the data-safety promises
//! (atomic writes, preserved layout, the lock) and the exit codes.

mod common;

use common::{root, tolk, tolk_in};
use std::fs;
use std::path::Path;
use tolk::Glossary;

fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = tolk_in(dir).args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn write(dir: &Path, name: &str, text: &str) {
    fs::write(dir.join(name), text).unwrap();
}

fn read(dir: &Path, name: &str) -> String {
    fs::read_to_string(dir.join(name)).unwrap()
}

/// Files in `dir` (to see that no temporary file was left behind).
fn listing(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn add_creates_glossary_csv_then_appends() {
    let d = tempfile::tempdir().unwrap();
    let (code, out, _) = run(
        d.path(),
        &[
            "glossary",
            "add",
            "Sjebekino",
            "Shebekino",
            "--kind",
            "place",
            "--origin",
            "ru",
        ],
    );
    assert_eq!(code, 0);
    assert!(out.contains("added to glossary.csv"), "{out}");
    assert_eq!(
        read(d.path(), "glossary.csv"),
        "nl,en,kind,variants,avoid,origin,note\nSjebekino,Shebekino,place,,,ru,\n"
    );
    // The new entry is used at once (./glossary.csv is loaded by default).
    let (code, out, _) = run(
        d.path(),
        &[
            "glossary",
            "add",
            "Belgorod",
            "Belgorod",
            "--variant",
            "Bjelgorod",
            "--note",
            "city, oblast",
        ],
    );
    assert_eq!(code, 0, "{out}");
    assert_eq!(
        read(d.path(), "glossary.csv"),
        "nl,en,kind,variants,avoid,origin,note\nSjebekino,Shebekino,place,,,ru,\nBelgorod,Belgorod,,Bjelgorod,,,\"city, oblast\"\n"
    );
    let out = common::stdout_of(
        tolk_in(d.path())
            .args(["translate", "-e", "glossary", "-f", "text"])
            .write_stdin("Bjelgorod en Sjebekino."),
    );
    assert_eq!(out, "Belgorod en Shebekino.\n");
    assert_eq!(listing(d.path()), ["glossary.csv"]);
}

#[test]
fn add_refuses_a_conflict_and_replace_updates() {
    let d = tempfile::tempdir().unwrap();
    let original = "\u{FEFF}# my names\r\nnl,en,source,kind\r\nKiev,Kyiv,AP,place\r\n\r\n\"Moskou\",Moscow,atlas,place\r\n";
    write(d.path(), "mine.csv", original);
    let (code, _, err) = run(
        d.path(),
        &["-g", "mine.csv", "glossary", "add", "kiev", "Kiev"],
    );
    assert_eq!(code, 1);
    assert!(err.contains("mine.csv:3"), "{err}");
    assert!(err.contains("Kiev,Kyiv,AP,place"), "prints the row: {err}");
    assert_eq!(read(d.path(), "mine.csv"), original, "nothing written");
    // The same entry again is not a conflict, and changes nothing.
    let (code, _, err) = run(
        d.path(),
        &["-g", "mine.csv", "glossary", "add", "Kiev", "Kyiv"],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(read(d.path(), "mine.csv"), original);
    // --replace updates that row only: BOM, CRLF, comment, blank line,
    // quoting and the unknown column survive.
    let (code, _, err) = run(
        d.path(),
        &[
            "-g",
            "mine.csv",
            "glossary",
            "add",
            "Kiev",
            "Kiev",
            "--replace",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        read(d.path(), "mine.csv"),
        "\u{FEFF}# my names\r\nnl,en,source,kind\r\nKiev,Kiev,AP,place\r\n\r\n\"Moskou\",Moscow,atlas,place\r\n"
    );
    assert!(
        err.contains("overrides glossary/places.csv"),
        "override of a shipped entry is said: {err}"
    );
}

#[test]
fn an_edit_that_would_break_the_file_is_refused() {
    let d = tempfile::tempdir().unwrap();
    let original = "nl,en\nKiev,Kyiv\nMoskou,Moscow\n";
    write(d.path(), "g.csv", original);
    // A variant that is another row's term with other English.
    let (code, _, err) = run(
        d.path(),
        &[
            "glossary",
            "add",
            "Kyjiv",
            "Kiev",
            "--variant",
            "moskou",
            "--file",
            "g.csv",
        ],
    );
    assert_eq!(code, 1, "{err}");
    assert_eq!(read(d.path(), "g.csv"), original);
    // A broken file is not edited at all.
    write(d.path(), "bad.csv", "nl,en\nKiev,\"Kyiv\n");
    let (code, _, err) = run(
        d.path(),
        &["glossary", "add", "Parijs", "Paris", "--file", "bad.csv"],
    );
    assert_eq!(code, 2);
    assert!(err.contains("bad.csv") && err.contains("lint"), "{err}");
    assert_eq!(read(d.path(), "bad.csv"), "nl,en\nKiev,\"Kyiv\n");
}

#[test]
fn rm_and_set() {
    let d = tempfile::tempdir().unwrap();
    write(
        d.path(),
        "glossary.csv",
        "nl,en,kind,variants,note\n# keep me\nPoetin,Poutine,person,Poetine,x\nMoskou,Moscow,place,,\n",
    );
    let (code, out, err) = run(
        d.path(),
        &["glossary", "set", "poetine", "--en", "Putin", "--note", ""],
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("glossary.csv:3"), "{out}");
    assert_eq!(
        read(d.path(), "glossary.csv"),
        "nl,en,kind,variants,note\n# keep me\nPoetin,Putin,person,Poetine,\nMoskou,Moscow,place,,\n"
    );
    let (code, _, err) = run(d.path(), &["glossary", "set", "Poetin"]);
    assert_eq!(code, 2, "nothing to set is a usage error: {err}");
    let (code, _, err) = run(d.path(), &["glossary", "rm", "Kiev"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("glossary/places.csv"),
        "says where it is: {err}"
    );
    let (code, _, err) = run(d.path(), &["glossary", "rm", "Poetin"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        read(d.path(), "glossary.csv"),
        "nl,en,kind,variants,note\n# keep me\nMoskou,Moscow,place,,\n"
    );
    let (code, _, _) = run(
        d.path(),
        &["glossary", "rm", "Poetin", "--file", "missing.csv"],
    );
    assert_eq!(code, 1, "a refused change");
    assert!(!d.path().join("missing.csv").exists());
}

#[test]
fn show_finds_inflected_forms_variants_and_english() {
    let d = tempfile::tempdir().unwrap();
    write(
        d.path(),
        "glossary.csv",
        "nl,en,kind\nPoetin,Poutine,person\n",
    );
    let (code, out, _) = run(d.path(), &["glossary", "show", "Poetins"]);
    assert_eq!(code, 0);
    assert!(out.contains("inflected form of `Poetin`"), "{out}");
    assert!(out.contains("glossary.csv:2: Poetin → Poutine"), "{out}");
    assert!(out.contains("overrides glossary/names.csv:"), "{out}");
    let (_, out, _) = run(d.path(), &["glossary", "show", "Kyiv"]);
    assert!(
        out.contains("glossary/places.csv:") && out.contains("Kiev → Kyiv"),
        "{out}"
    );
    let (_, out, _) = run(
        d.path(),
        &["glossary", "show", "Zaporizhzhia", "--format", "json"],
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["matches"][0]["nl"], "Zaporizja");
    assert_eq!(v["matches"][0]["en"], "Zaporizhzhia");
    let (code, _, err) = run(d.path(), &["glossary", "show", "Amsterdamse grachten"]);
    assert_eq!(code, 1);
    assert!(err.contains("no glossary entry"), "{err}");
}

#[test]
fn list_filters_and_its_csv_loads() {
    let out =
        common::stdout_of(tolk().args(["glossary", "list", "--kind", "place", "--grep", "zapor"]));
    assert!(
        out.contains("Zaporizja") && out.contains("Zaporizhzhia"),
        "{out}"
    );
    assert_eq!(out.lines().count(), 2, "header and one row: {out}");
    let csv = common::stdout_of(tolk().args(["glossary", "list", "--format", "csv"]));
    let g = Glossary::from_csv_str("list.csv", &csv).expect("list --format csv is a glossary");
    let shipped = Glossary::load(tolk::glossary::shipped_sources()).unwrap();
    assert_eq!(g.entries().len(), shipped.active_entries().count());
    let json =
        common::stdout_of(tolk().args(["glossary", "list", "--format", "json", "--kind", "org"]));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(v.as_array().unwrap().iter().all(|e| e["kind"] == "org"));
    let (code, _, err) = run(&root(), &["glossary", "list", "--kind", "town"]);
    assert_eq!(code, 2, "{err}");
}

#[test]
fn lint_reports_findings_with_lines_and_exit_codes() {
    let d = tempfile::tempdir().unwrap();
    write(
        d.path(),
        "ok.csv",
        "nl,en,kind,origin\nKiev,Kiev,place,uk\nSjebekino,Sjebekino,place,ru\n",
    );
    let (code, out, _) = run(d.path(), &["glossary", "lint", "ok.csv"]);
    assert_eq!(code, 0, "warnings only: {out}");
    assert!(out.contains("ok.csv:2: info[override]"), "{out}");
    assert!(out.contains("ok.csv:3: warning[dutch-spelling]"), "{out}");
    write(
        d.path(),
        "bad.csv",
        "nl,en,kind\nKiev,Kyiv,town\nMoskou,Moscow,place\nmoskou,Moskva,place\n\"Parijs,Paris\n",
    );
    let (code, out, _) = run(
        d.path(),
        &["glossary", "lint", "bad.csv", "--format", "json"],
    );
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let errors: Vec<(u64, &str)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["severity"] == "error")
        .map(|f| (f["line"].as_u64().unwrap(), f["code"].as_str().unwrap()))
        .collect();
    assert!(errors.contains(&(2, "value")), "{errors:?}");
    assert!(errors.contains(&(4, "conflict")), "{errors:?}");
    assert!(errors.iter().any(|(l, _)| *l == 5), "{errors:?}");
    assert!(
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| !f["hint"].as_str().unwrap().is_empty())
    );
    // A binary file is an error finding, not a crash.
    fs::write(d.path().join("bin.csv"), b"nl,en\n\x00\x01\x02").unwrap();
    let (code, out, _) = run(d.path(), &["glossary", "lint", "bin.csv"]);
    assert_eq!(code, 1, "{out}");
    // Without files: the loaded user glossaries, else a clear error.
    let (code, _, err) = run(d.path(), &["glossary", "lint"]);
    assert_eq!(code, 2);
    assert!(err.contains("no glossary to lint"), "{err}");
    let (code, _, _) = run(d.path(), &["-g", "ok.csv", "glossary", "lint"]);
    assert_eq!(code, 0);
}

#[test]
fn fmt_sorts_and_check_exits_1() {
    let d = tempfile::tempdir().unwrap();
    let messy = "# names\r\nnl,en,kind,source\r\nMoskou , Moscow,place,atlas\r\n\r\n# the president\r\nPoetin,Putin,person,\r\nkerncentrale,nuclear  power plant,term,\r\n";
    write(d.path(), "glossary.csv", messy);
    let (code, out, _) = run(d.path(), &["glossary", "fmt", "--check"]);
    assert_eq!(code, 1);
    assert!(out.contains("glossary.csv"), "{out}");
    assert_eq!(
        read(d.path(), "glossary.csv"),
        messy,
        "--check changes nothing"
    );
    let (code, _, err) = run(d.path(), &["glossary", "fmt"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        read(d.path(), "glossary.csv"),
        "# names\r\nnl,en,kind,source\r\n# the president\r\nPoetin,Putin,person,\r\nMoskou,Moscow,place,atlas\r\nkerncentrale,nuclear power plant,term,\r\n"
    );
    let (code, _, _) = run(d.path(), &["glossary", "fmt", "--check"]);
    assert_eq!(code, 0);
}

/// Checks DeepL makes on an uploaded glossary.
fn assert_deepl_rules(csv: &str) {
    let mut seen = std::collections::HashSet::new();
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(csv.as_bytes());
    let mut rows = 0;
    for rec in r.records() {
        let rec = rec.expect("valid CSV");
        assert_eq!(rec.len(), 2, "{rec:?}");
        for f in rec.iter() {
            assert!(!f.is_empty(), "empty side: {rec:?}");
            assert_eq!(f, f.trim(), "surrounding whitespace: {rec:?}");
            assert!(
                !f.chars().any(char::is_control),
                "control character: {rec:?}"
            );
            assert!(f.len() <= 1024, "over 1024 bytes: {rec:?}");
        }
        assert!(
            seen.insert(rec[0].to_owned()),
            "duplicate source {:?}",
            &rec[0]
        );
        rows += 1;
    }
    assert!(rows > 0);
}

#[test]
fn deepl_export_of_the_shipped_glossary_obeys_deepl_rules() {
    let d = tempfile::tempdir().unwrap();
    let out = d.path().join("deepl.csv");
    let o = tolk()
        .args([
            "glossary",
            "export",
            "--to",
            "deepl",
            "--include-default",
            "-o",
        ])
        .arg(&out)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let csv = fs::read_to_string(&out).unwrap();
    assert_deepl_rules(&csv);
    // Every Dutch spelling of every entry is a row.
    let g = Glossary::load(tolk::glossary::shipped_sources()).unwrap();
    assert_eq!(csv.lines().count(), g.spellings().len());
    assert!(
        csv.lines().any(|l| l == "Zaporizja,Zaporizhzhia"),
        "variants as extra rows"
    );
    assert!(
        csv.lines().any(|l| l == "Zaporozje,Zaporizhzhia"),
        "variants as extra rows"
    );
    // What DeepL cannot carry is said.
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("avoid"), "{err}");
    // Without user glossaries and without --include-default there is nothing to export.
    let (code, _, err) = run(d.path(), &["glossary", "export", "--to", "deepl"]);
    assert_eq!(code, 2, "{err}");
}

fn parse_xml(text: &str) -> usize {
    let mut r = quick_xml::Reader::from_str(text);
    r.config_mut().check_end_names = true;
    let mut elements = 0;
    loop {
        match r.read_event().expect("well-formed XML") {
            quick_xml::events::Event::Eof => break,
            quick_xml::events::Event::Start(_) => elements += 1,
            _ => {}
        }
    }
    elements
}

#[test]
fn tbx_exports_are_xml_with_variants_and_forbidden_terms() {
    let d = tempfile::tempdir().unwrap();
    write(
        d.path(),
        "glossary.csv",
        "nl,en,kind,variants,avoid,origin,note\nZelenski,Zelensky,person,Zelenskyj,Zelenskyy,uk,\"<b> & \"\"quotes\"\"\"\n",
    );
    for fmt in ["tbx", "tbx3"] {
        let (code, out, err) = run(d.path(), &["glossary", "export", "--to", fmt]);
        assert_eq!(code, 0, "{err}");
        assert!(parse_xml(&out) > 5, "{out}");
        assert!(
            out.contains("Zelenskyj") && out.contains("Zelenskyy"),
            "{out}"
        );
        assert!(
            out.contains("deprecatedTerm-admn-sts"),
            "forbidden term marked: {out}"
        );
        let xmllint = std::process::Command::new("xmllint")
            .arg("--noout")
            .arg("-")
            .stdin(std::process::Stdio::piped())
            .spawn();
        if let Ok(mut child) = xmllint {
            use std::io::Write;
            child
                .stdin
                .take()
                .unwrap()
                .write_all(out.as_bytes())
                .unwrap();
            assert!(
                child.wait().unwrap().success(),
                "xmllint rejects the {fmt} export"
            );
        }
    }
}

/// nl, en, kind, variants, avoid, origin, note.
type Row = (
    String,
    String,
    String,
    Vec<String>,
    Vec<String>,
    String,
    String,
);

/// A glossary's entries as comparable tuples.
fn entries_of(csv: &str) -> Vec<Row> {
    let g = Glossary::from_csv_str("x.csv", csv).unwrap();
    let mut v: Vec<_> = g
        .entries()
        .iter()
        .map(|e| {
            (
                e.nl.clone(),
                e.en.clone(),
                e.kind.to_string(),
                e.variants.clone(),
                e.avoid.clone(),
                e.origin.map(|o| o.as_str().to_owned()).unwrap_or_default(),
                e.note.clone(),
            )
        })
        .collect();
    v.sort();
    v
}

#[test]
fn round_trips_csv_export_import_csv() {
    let d = tempfile::tempdir().unwrap();
    let source = "nl,en,kind,variants,avoid,origin,note\n\
Zelenski,Zelensky,person,Zelenskyj|Volodimir Zelenski,Zelenskyy|Zelenskiy,uk,house style\n\
Charkiv,Kharkiv,place,Charkov,Kharkov,uk,\n\
kerncentrale,nuclear power plant,term,,,,\"comma, \"\"quote\"\" & <tag>\"\n\
Europese Unie,European Union,org,EU,,,\n";
    write(d.path(), "glossary.csv", source);
    let want = entries_of(source);
    for fmt in ["tbx", "tbx3", "json"] {
        let (code, exported, err) = run(
            d.path(),
            &["--no-default-glossary", "glossary", "export", "--to", fmt],
        );
        assert_eq!(code, 0, "{err}");
        write(d.path(), &format!("x.{fmt}"), &exported);
        let (code, back, err) = run(
            d.path(),
            &["glossary", "import", "--from", fmt, &format!("x.{fmt}")],
        );
        assert_eq!(code, 0, "{fmt}: {err}");
        assert_eq!(entries_of(&back), want, "{fmt} round trip");
    }
    // Flat formats keep every Dutch spelling → English pair.
    for fmt in ["deepl", "google", "amazon", "omegat"] {
        let (code, exported, _) = run(
            d.path(),
            &["--no-default-glossary", "glossary", "export", "--to", fmt],
        );
        assert_eq!(code, 0);
        write(d.path(), "flat", &exported);
        let (code, back, err) = run(d.path(), &["glossary", "import", "--from", fmt, "flat"]);
        assert_eq!(code, 0, "{fmt}: {err}");
        let g = Glossary::from_csv_str("back.csv", &back).unwrap();
        let orig = Glossary::from_csv_str("orig.csv", source).unwrap();
        let pairs = |g: &Glossary| {
            let mut v: Vec<(String, String)> = g
                .spellings()
                .iter()
                .map(|s| (s.text.clone(), g.entry(s.entry).en.clone()))
                .collect();
            v.sort();
            v
        };
        assert_eq!(pairs(&g), pairs(&orig), "{fmt}");
    }
}

#[test]
fn import_spreadsheet_csv_into_a_glossary_with_conflicts() {
    let d = tempfile::tempdir().unwrap();
    // What Excel writes: UTF-16 with BOM, `;`-separated, its own header names.
    let mut bytes = vec![0xFF, 0xFE];
    for u in "Dutch;English;Comment\r\nMoskou;Moscow;capital\r\nkiev;Kiev;old spelling\r\n"
        .encode_utf16()
    {
        bytes.extend_from_slice(&u.to_le_bytes());
    }
    fs::write(d.path().join("sheet.csv"), &bytes).unwrap();
    let original = "nl,en,source\nKiev,Kyiv,AP\n";
    write(d.path(), "mine.csv", original);
    let (code, _, err) = run(
        d.path(),
        &[
            "glossary",
            "import",
            "--from",
            "csv",
            "sheet.csv",
            "--into",
            "mine.csv",
        ],
    );
    assert_eq!(code, 1);
    assert!(
        err.contains("mine.csv:2") && err.contains("Kyiv") && err.contains("Kiev"),
        "{err}"
    );
    assert_eq!(read(d.path(), "mine.csv"), original, "nothing written");
    let (code, _, err) = run(
        d.path(),
        &[
            "glossary",
            "import",
            "--from",
            "csv",
            "sheet.csv",
            "--into",
            "mine.csv",
            "--prefer",
            "first",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        read(d.path(), "mine.csv"),
        "nl,en,source,note\nKiev,Kyiv,AP,\nMoskou,Moscow,,capital\n"
    );
    // Windows-1252 with --encoding, to a new file.
    fs::write(d.path().join("w.csv"), b"nl,en\ncaf\xe9,caf\xe9\n").unwrap();
    let (code, _, err) = run(
        d.path(),
        &[
            "glossary",
            "import",
            "--from",
            "csv",
            "w.csv",
            "--encoding",
            "windows-1252",
            "-o",
            "new.csv",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        read(d.path(), "new.csv"),
        "nl,en,kind,variants,avoid,origin,note\ncafé,café,,,,,\n"
    );
    // A broken input is an error with its line; nothing is written.
    write(d.path(), "broken.csv", "nl,en\nKiev,\"Kyiv\n");
    let (code, _, err) = run(
        d.path(),
        &[
            "glossary",
            "import",
            "--from",
            "csv",
            "broken.csv",
            "-o",
            "out.csv",
        ],
    );
    assert_eq!(code, 2);
    assert!(err.contains("broken.csv") && err.contains("line"), "{err}");
    assert!(!d.path().join("out.csv").exists());
}

#[test]
fn merge_refuses_conflicts_unless_told_which_wins() {
    let d = tempfile::tempdir().unwrap();
    write(
        d.path(),
        "a.csv",
        "# a\nnl,en,source\nKiev,Kyiv,AP\nMoskou,Moscow,\n",
    );
    write(
        d.path(),
        "b.csv",
        "nl,en,kind\nkiev,Kiev,place\nParijs,Paris,place\nMoskou,Moscow,place\n",
    );
    let (code, _, err) = run(
        d.path(),
        &["glossary", "merge", "a.csv", "b.csv", "-o", "m.csv"],
    );
    assert_eq!(code, 1);
    assert!(err.contains("a.csv:3") && err.contains("b.csv:2"), "{err}");
    assert!(!d.path().join("m.csv").exists());
    let (code, _, err) = run(
        d.path(),
        &[
            "glossary", "merge", "a.csv", "b.csv", "-o", "m.csv", "--prefer", "last",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        read(d.path(), "m.csv"),
        "# a\nnl,en,source,kind\nkiev,Kiev,AP,place\nMoskou,Moscow,,\nParijs,Paris,,place\n"
    );
    let (code, _, _) = run(d.path(), &["glossary", "merge", "a.csv", "-o", "m.csv"]);
    assert_eq!(code, 2, "merge needs two files");
}

#[test]
fn two_processes_adding_100_rows_each_lose_none() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "g.csv", "nl,en\n");
    let dir = d.path().to_path_buf();
    let workers: Vec<_> = ["a", "b"]
        .into_iter()
        .map(|w| {
            let dir = dir.clone();
            std::thread::spawn(move || {
                for i in 0..100 {
                    let out = tolk_in(&dir)
                        .args([
                            "--no-default-glossary",
                            "glossary",
                            "add",
                            &format!("{w}term{i}"),
                            &format!("{w} term {i}"),
                            "--file",
                            "g.csv",
                        ])
                        .output()
                        .unwrap();
                    assert!(
                        out.status.success(),
                        "{}",
                        String::from_utf8_lossy(&out.stderr)
                    );
                }
            })
        })
        .collect();
    for w in workers {
        w.join().unwrap();
    }
    let text = read(d.path(), "g.csv");
    assert_eq!(text.lines().count(), 201, "header and 200 rows");
    let g = Glossary::from_csv_str("g.csv", &text).unwrap();
    assert_eq!(g.entries().len(), 200);
    assert_eq!(listing(d.path()), ["g.csv"]);
}

#[cfg(unix)]
#[test]
fn a_failed_write_leaves_the_file_as_it_was() {
    // The file size limit makes the write of the new file fail half-way
    // (EFBIG, with SIGXFSZ ignored): the original must be untouched and no
    // temporary file left behind.
    let d = tempfile::tempdir().unwrap();
    let mut original = String::from("nl,en,note\n");
    for i in 0..40 {
        original.push_str(&format!(
            "term{i},term {i},a note to make the file larger than one kilobyte\n"
        ));
    }
    assert!(original.len() > 2048);
    write(d.path(), "g.csv", &original);
    let bin = assert_cmd::cargo::cargo_bin("tolk");
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg("trap '' XFSZ; ulimit -f 1; exec \"$0\" --no-default-glossary glossary add nieuw new --file g.csv")
        .arg(&bin)
        .current_dir(d.path())
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("g.csv"));
    assert_eq!(read(d.path(), "g.csv"), original);
    assert_eq!(listing(d.path()), ["g.csv"]);
}

#[test]
fn suggest_lists_unknown_names_with_counts_and_csv_rows() {
    let d = tempfile::tempdir().unwrap();
    write(
        d.path(),
        "a.txt",
        "Volgens Jan Pietersen bezocht Poetin gisteren Sjebekino.\nIn Sjebekino was het rustig, zei Pietersen.\nDe NAVO zweeg.\n",
    );
    let (code, out, _) = run(d.path(), &["glossary", "suggest", "a.txt"]);
    assert_eq!(code, 0);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    assert!(
        lines[0].contains("2  Sjebekino → Shebekino  [Dutch transliteration]  a.txt:1:"),
        "{out}"
    );
    assert!(
        out.contains("1  Jan Pietersen  a.txt:1:") && out.contains("1  Pietersen  a.txt:2:"),
        "{out}"
    );
    let (_, json, _) = run(
        d.path(),
        &["glossary", "suggest", "a.txt", "--format", "json"],
    );
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let names: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["nl"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["Sjebekino", "Jan Pietersen", "Pietersen"],
        "no glossary terms, no sentence-initial words"
    );
    let (_, csv, _) = run(
        d.path(),
        &[
            "glossary",
            "suggest",
            "a.txt",
            "--format",
            "csv",
            "--min-count",
            "2",
        ],
    );
    assert_eq!(
        csv,
        "nl,en,kind,variants,avoid,origin,note\nSjebekino,Shebekino,,,,ru,\"seen 2×, first at a.txt:1\"\n"
    );
}

#[test]
fn a_term_starting_with_hash_is_data_not_a_comment() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "h.csv", "# my terms\nnl,en\nKiev,Kyiv\n");
    let (code, _, err) = run(
        d.path(),
        &[
            "--no-default-glossary",
            "glossary",
            "add",
            "#MeToo",
            "#MeToo",
            "--file",
            "h.csv",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        read(d.path(), "h.csv"),
        "# my terms\nnl,en\nKiev,Kyiv\n\"#MeToo\",#MeToo\n"
    );
    let (code, out, _) = run(
        d.path(),
        &[
            "--no-default-glossary",
            "-g",
            "h.csv",
            "glossary",
            "show",
            "#MeToo",
        ],
    );
    assert_eq!(code, 0);
    assert!(out.contains("h.csv:4: #MeToo → #MeToo"), "{out}");
    // A comment may hold quotes.
    write(
        d.path(),
        "c.csv",
        "# a \"quoted\" comment\nnl,en\n# it's \"x\nKiev,Kyiv\n",
    );
    let (code, out, _) = run(
        d.path(),
        &["--no-default-glossary", "glossary", "lint", "c.csv"],
    );
    assert_eq!(code, 0, "{out}");
}

#[test]
fn replace_through_a_variant_keeps_the_headword() {
    let d = tempfile::tempdir().unwrap();
    write(
        d.path(),
        "v.csv",
        "nl,en,kind,variants\nKiev,Kyiv,place,Kyjiv|Kiew\n",
    );
    let (code, _, err) = run(
        d.path(),
        &[
            "--no-default-glossary",
            "glossary",
            "add",
            "Kyjiv",
            "Kyiv (city)",
            "--replace",
            "--file",
            "v.csv",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        read(d.path(), "v.csv"),
        "nl,en,kind,variants\nKiev,Kyiv (city),place,Kyjiv|Kiew\n"
    );
    // Same English, other kind: not silently ignored.
    let (code, _, err) = run(
        d.path(),
        &[
            "--no-default-glossary",
            "glossary",
            "add",
            "Kiew",
            "Kyiv (city)",
            "--kind",
            "org",
            "--file",
            "v.csv",
        ],
    );
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("--replace"), "{err}");
    // Spacing is compared as the loader compares it.
    let (code, _, err) = run(
        d.path(),
        &[
            "--no-default-glossary",
            "glossary",
            "add",
            "Kiev",
            "Kyiv  (city)",
            "--file",
            "v.csv",
        ],
    );
    assert_eq!(code, 0, "{err}");
}

#[test]
fn prefer_last_keeps_columns_the_import_lacks() {
    let d = tempfile::tempdir().unwrap();
    write(
        d.path(),
        "a.csv",
        "nl,en,kind,variants,avoid\nKiev,Kyiv,place,Kiew|Kyjiv,Kiev\n",
    );
    write(d.path(), "in.csv", "Kiev,Kiev (city)\n");
    let (code, _, err) = run(
        d.path(),
        &[
            "glossary", "import", "--from", "deepl", "in.csv", "--into", "a.csv", "--prefer",
            "last",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        read(d.path(), "a.csv"),
        "nl,en,kind,variants,avoid\nKiev,Kiev (city),place,Kiew|Kyjiv,Kiev\n"
    );
}

#[test]
fn merging_into_a_file_with_mixed_line_endings_edits_the_right_row() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "c.csv", "nl,en\r\nKiev,Kyiv\nMoskou,Moscow\n");
    write(d.path(), "in.csv", "Parijs,Paris\nparijs,Paris (FR)\n");
    let (code, _, err) = run(
        d.path(),
        &[
            "glossary", "import", "--from", "deepl", "in.csv", "--into", "c.csv", "--prefer",
            "last",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        read(d.path(), "c.csv"),
        "nl,en\r\nKiev,Kyiv\nMoskou,Moscow\nparijs,Paris (FR)\r\n"
    );
}

#[test]
fn merge_refuses_to_overwrite_an_output_that_is_not_its_first_input() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "a.csv", "nl,en\nKiev,Kyiv\n");
    write(
        d.path(),
        "b.csv",
        "# keep\r\nnl,en,src\r\nMoskou,Moscow,x\r\n",
    );
    write(d.path(), "c.csv", "# mine\nnl,en\nRome,Rome\n");
    for out in ["b.csv", "c.csv"] {
        let (code, _, err) = run(
            d.path(),
            &["glossary", "merge", "a.csv", "b.csv", "-o", out],
        );
        assert_eq!(code, 1, "{err}");
        assert!(err.contains("not the first input"), "{err}");
    }
    assert_eq!(
        read(d.path(), "b.csv"),
        "# keep\r\nnl,en,src\r\nMoskou,Moscow,x\r\n"
    );
    assert_eq!(read(d.path(), "c.csv"), "# mine\nnl,en\nRome,Rome\n");
    let (code, _, err) = run(
        d.path(),
        &["glossary", "merge", "b.csv", "a.csv", "-o", "b.csv"],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        read(d.path(), "b.csv"),
        "# keep\r\nnl,en,src\r\nMoskou,Moscow,x\r\nKiev,Kyiv,\r\n"
    );
}

#[test]
fn fmt_keeps_which_duplicate_wins() {
    let d = tempfile::tempdir().unwrap();
    write(
        d.path(),
        "dk.csv",
        "nl,en,kind,note\nKiev,Kyiv,term,first\nkiev,Kyiv,place,second\n",
    );
    let before = Glossary::from_csv_str("dk.csv", &read(d.path(), "dk.csv")).unwrap();
    let (code, _, err) = run(d.path(), &["glossary", "fmt", "dk.csv"]);
    assert_eq!(code, 0, "{err}");
    let after = Glossary::from_csv_str("dk.csv", &read(d.path(), "dk.csv")).unwrap();
    let winner = |g: &Glossary| {
        let sid = g.spelling_for_key("kiev").unwrap();
        g.entry(g.spelling(sid).entry).note.clone()
    };
    assert_eq!(winner(&before), winner(&after));
}

#[test]
fn list_csv_carries_spellings_taken_over_from_overridden_entries() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "f1.csv", "nl,en,variants\nKiev,Kyiv,Kiew\n");
    write(d.path(), "f2.csv", "nl,en,variants\nKyjiv,Kyiv2,Kiew\n");
    let (code, out, _) = run(
        d.path(),
        &[
            "--no-default-glossary",
            "-g",
            "f1.csv",
            "-g",
            "f2.csv",
            "glossary",
            "list",
            "--format",
            "csv",
        ],
    );
    assert_eq!(code, 0);
    assert!(out.contains("Kyjiv,Kyiv2,term,Kiev|Kiew,,,"), "{out}");
}

#[test]
fn rm_without_a_user_glossary_is_refused_and_says_where_the_term_is() {
    let d = tempfile::tempdir().unwrap();
    let (code, _, err) = run(d.path(), &["glossary", "rm", "Poetin"]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("no such file") && err.contains("glossary/names.csv:"),
        "{err}"
    );
}
