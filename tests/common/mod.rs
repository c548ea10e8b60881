//! Helpers shared by the integration tests.
#![allow(dead_code)]

use assert_cmd::Command;
use std::path::{Path, PathBuf};

pub const SEED: &str = "samples/zelensky-poetin-moskou.nl.txt";

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn seed_path() -> PathBuf {
    root().join(SEED)
}

/// `tolk` with a clean environment: no user glossary, no colour settings,
/// no neural model (so `--engine auto` is the built-in engine).
pub fn tolk() -> Command {
    let mut c = Command::cargo_bin("tolk").unwrap();
    c.env("TOLK_MODEL_DIR", root().join("tests/fixtures/no-models"))
        .env_remove("TOLK_GLOSSARY")
        .env_remove("NO_COLOR")
        .env_remove("COLUMNS")
        .current_dir(root());
    c
}

pub fn tolk_in(dir: &Path) -> Command {
    let mut c = tolk();
    c.current_dir(dir);
    c
}

pub fn stdout_of(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "command failed: {}\nstderr: {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The sentences of a `translate --format json` document, in order.
pub fn json_sentences(doc: &serde_json::Value) -> Vec<&serde_json::Value> {
    doc["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["sentences"].as_array().unwrap())
        .collect()
}
