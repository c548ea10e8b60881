//! `tolk model`: listing, locating and removing models without a network,
//! and a download that cannot connect failing cleanly.

mod common;
use predicates::prelude::*;
use std::fs;
use std::path::Path;

/// `tolk` with the model directory and the records URL unset, and the home
/// and cache directories pointing into `home`, so nothing touches the real
/// cache and no test can reach the real Remote Settings.
fn tolk(home: &Path) -> assert_cmd::Command {
    let mut c = common::tolk();
    c.env_remove("TOLK_MODEL_DIR")
        .env("FXTRANSLATE_RECORDS_URL", "http://127.0.0.1:9/records")
        .env("HOME", home)
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("LOCALAPPDATA", home.join("cache"));
    c
}

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

/// Put a (tiny, synthetic) nl-en model into `dir/nl-en`, as `download` would.
fn place_model(dir: &Path) {
    let pair = dir.join("nl-en");
    fs::create_dir_all(&pair).unwrap();
    let m = tolk::neural::testmodel::tiny_model(1, &[]);
    fs::write(pair.join("model.nlen.intgemm.alphas.bin"), &m.model).unwrap();
    fs::write(pair.join("vocab.nlen.spm"), &m.vocab).unwrap();
}

fn json(out: &[u8]) -> serde_json::Value {
    serde_json::from_slice(out).unwrap()
}

#[test]
fn list_on_an_empty_directory() {
    let home = tmp();
    let d = tmp();
    tolk(home.path())
        .args(["model", "list", "--dir"])
        .arg(d.path())
        .assert()
        .success()
        .stdout("")
        .stderr(predicate::str::contains("no models in"));
    let out = tolk(home.path())
        .args(["model", "list", "--format", "json", "--dir"])
        .arg(d.path())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v = json(&out);
    assert_eq!(v["dir"], d.path().display().to_string());
    assert_eq!(v["installed"], serde_json::json!([]));
    assert!(v.get("available").is_none());
}

#[test]
fn the_default_directory_is_in_the_cache_dir_or_tolk_model_dir() {
    let home = tmp();
    let out = tolk(home.path())
        .args(["model", "list", "-f", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let want = home.path().join("cache").join("tolk").join("models");
    assert_eq!(json(&out)["dir"], want.display().to_string());
    assert!(!want.exists(), "listing creates nothing");
    // An empty TOLK_MODEL_DIR is as good as none.
    let out = tolk(home.path())
        .env("TOLK_MODEL_DIR", "")
        .args(["model", "list", "-f", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(json(&out)["dir"], want.display().to_string());

    let d = tmp();
    place_model(d.path());
    tolk(home.path())
        .env("TOLK_MODEL_DIR", d.path())
        .args(["model", "path"])
        .assert()
        .success()
        .stdout(format!("{}\n", d.path().join("nl-en").display()));
}

#[test]
fn path_and_rm_of_a_missing_model_exit_1() {
    let home = tmp();
    let d = tmp();
    tolk(home.path())
        .args(["model", "path", "--dir"])
        .arg(d.path())
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("nl-en is not installed in"));
    tolk(home.path())
        .args(["model", "rm", "nl-en", "--dir"])
        .arg(d.path())
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("nl-en is not installed in"));
    // Without --dir: the default directory, in the fake home.
    tolk(home.path())
        .args(["model", "path", "de-en"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("de-en is not installed in"));
}

#[test]
fn invalid_pairs_are_usage_errors() {
    let home = tmp();
    for bad in ["nl", "nl_en", "../en", "nl-en-x"] {
        tolk(home.path())
            .args(["model", "path", bad])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("invalid language pair"));
    }
}

#[test]
fn a_download_without_network_fails_cleanly() {
    let home = tmp();
    let d = tmp();
    let assert = tolk(home.path())
        .args(["model", "download", "--dir"])
        .arg(d.path())
        .timeout(std::time::Duration::from_secs(60))
        .assert()
        .code(2)
        .stdout("");
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    assert!(
        stderr.starts_with(
            "tolk: cannot download nl-en: network error: cannot fetch http://127.0.0.1:9/records: "
        ),
        "{stderr}"
    );
    let left: Vec<_> = fs::read_dir(d.path()).unwrap().collect();
    assert!(left.is_empty(), "left behind: {left:?}");

    // A directory that does not exist yet is not created either.
    let missing = d.path().join("models");
    tolk(home.path())
        .args(["model", "download", "nl-en", "--dir"])
        .arg(&missing)
        .assert()
        .code(2);
    assert!(!missing.exists());

    tolk(home.path())
        .args(["model", "list", "--available", "--dir"])
        .arg(d.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("http://127.0.0.1:9/records"));
}

#[test]
fn list_path_and_rm_of_an_installed_model() {
    let home = tmp();
    let d = tmp();
    place_model(d.path());
    let pair_dir = d.path().join("nl-en");

    tolk(home.path())
        .args(["model", "list", "--dir"])
        .arg(d.path())
        .assert()
        .success()
        .stdout(
            predicate::str::starts_with("nl-en ")
                .and(predicate::str::contains(pair_dir.display().to_string()))
                .and(predicate::str::contains("incomplete").not()),
        );

    let out = tolk(home.path())
        .args(["model", "list", "--format", "json", "--dir"])
        .arg(d.path())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v = json(&out);
    let installed = v["installed"].as_array().unwrap();
    assert_eq!(installed.len(), 1);
    let m = &installed[0];
    assert_eq!(m["pair"], "nl-en");
    assert_eq!(m["dir"], pair_dir.display().to_string());
    assert_eq!(m["complete"], true);
    let files: Vec<&str> = m["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["name"].as_str().unwrap())
        .collect();
    assert_eq!(files, ["model.nlen.intgemm.alphas.bin", "vocab.nlen.spm"]);
    let total: u64 = m["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["bytes"].as_u64().unwrap())
        .sum();
    assert_eq!(m["bytes"].as_u64().unwrap(), total);

    tolk(home.path())
        .args(["model", "path", "--dir"])
        .arg(d.path())
        .assert()
        .success()
        .stdout(format!("{}\n", pair_dir.display()));

    tolk(home.path())
        .args(["model", "rm", "nl-en", "--dir"])
        .arg(d.path())
        .assert()
        .success()
        .stdout(predicate::str::contains("removed"));
    assert!(!pair_dir.exists());
    tolk(home.path())
        .args(["model", "path", "--dir"])
        .arg(d.path())
        .assert()
        .code(1);
}

#[test]
fn an_incomplete_model_is_listed_as_such() {
    let home = tmp();
    let d = tmp();
    place_model(d.path());
    fs::remove_file(d.path().join("nl-en/vocab.nlen.spm")).unwrap();
    tolk(home.path())
        .args(["model", "list", "--dir"])
        .arg(d.path())
        .assert()
        .success()
        .stdout(predicate::str::contains("(incomplete)"));
    tolk(home.path())
        .args(["model", "path", "--dir"])
        .arg(d.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("incomplete"));
}
