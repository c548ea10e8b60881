//! `tolk translate DIR… -o OUTDIR` (a mirror tree, in parallel, failures
//! reported) and Ctrl-C during `-o FILE` (no partial file).

mod common;
use common::*;
use std::fs;
use std::path::Path;

fn write(path: &Path, bytes: &[u8]) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, bytes).unwrap();
}

#[test]
fn a_directory_is_translated_into_a_mirror_tree() {
    let d = tempfile::tempdir().unwrap();
    let input = d.path().join("in");
    let seed = fs::read(seed_path()).unwrap();
    let short = fs::read(root().join("tests/fixtures/short.nl.txt")).unwrap();
    write(&input.join("a.txt"), &seed);
    write(&input.join("sub/deeper/b.txt"), &short);
    write(&input.join("sub/broken.txt"), b"Poetin\0");
    write(&input.join(".git/config"), b"not an article");
    let out = d.path().join("out");
    let run = tolk()
        .args(["translate", "-e", "builtin", "-f", "markdown"])
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    // The broken file fails, is named, and the others are still written.
    assert_eq!(run.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("broken.txt: binary file"), "{stderr}");
    assert!(
        stderr.contains("2 files translated") && stderr.contains("(1 failed)"),
        "{stderr}"
    );
    let mut files: Vec<String> = walk(&out);
    files.sort();
    assert_eq!(files, ["a.md", "sub/deeper/b.md"]);
    // Each file as a single-file run writes it.
    for (src, dst) in [
        (input.join("a.txt"), out.join("a.md")),
        (input.join("sub/deeper/b.txt"), out.join("sub/deeper/b.md")),
    ] {
        let single = stdout_of(
            tolk()
                .args(["translate", "-e", "builtin", "-f", "markdown"])
                .arg(&src),
        );
        assert_eq!(
            fs::read_to_string(&dst).unwrap(),
            single,
            "{}",
            dst.display()
        );
    }
    // The summary counts what was translated.
    let sentences = stdout_of(
        tolk()
            .args(["translate", "-e", "builtin", "-f", "tsv"])
            .arg(input.join("a.txt"))
            .arg(input.join("sub/deeper/b.txt")),
    )
    .lines()
    .count()
        - 1;
    assert!(
        stderr.contains(&format!(": {sentences} sentences")),
        "{sentences}: {stderr}"
    );
}

fn walk(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for e in fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            out.extend(walk(&p).into_iter().map(|f| format!("{name}/{f}")));
        } else {
            out.push(p.file_name().unwrap().to_string_lossy().into_owned());
        }
    }
    out
}

#[test]
fn files_into_an_existing_directory_and_the_errors() {
    let d = tempfile::tempdir().unwrap();
    let out = d.path().join("out");
    fs::create_dir(&out).unwrap();
    tolk()
        .args(["translate", "-e", "glossary", "-f", "json", SEED])
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    let json: serde_json::Value = serde_json::from_str(
        &fs::read_to_string(out.join("zelensky-poetin-moskou.nl.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(json["engine"], "glossary");
    // A directory needs -o; standard input cannot go into a directory.
    tolk()
        .args(["translate", "tests/fixtures"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "tests/fixtures: is a directory; to translate the files in it, name an output directory with -o OUTDIR",
        ));
    tolk()
        .args(["translate", "-", "tests/fixtures", "-o"])
        .arg(&out)
        .write_stdin("Poetin.")
        .assert()
        .code(2)
        .stderr(predicates::str::contains("standard input"));
}

/// Ctrl-C while writing `-o FILE`: the process ends at once, the target
/// keeps its old content and no temporary file is left.
#[cfg(unix)]
#[test]
fn ctrl_c_leaves_no_partial_output() {
    use std::time::{Duration, Instant};
    let d = tempfile::tempdir().unwrap();
    let input = d.path().join("big.txt");
    let seed = fs::read_to_string(seed_path()).unwrap();
    fs::write(&input, seed.repeat(300)).unwrap();
    let target = d.path().join("out.txt");
    fs::write(&target, "old").unwrap();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("tolk"))
        .args(["translate", "-e", "builtin", "-f", "text"])
        .arg(&input)
        .arg("-o")
        .arg(&target)
        .env("TOLK_MODEL_DIR", root().join("tests/fixtures/no-models"))
        .spawn()
        .unwrap();
    let tmp_exists = || {
        fs::read_dir(d.path()).unwrap().any(|e| {
            e.unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with(".tolk-")
        })
    };
    let start = Instant::now();
    while !tmp_exists() {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "no temporary file"
        );
        assert!(child.try_wait().unwrap().is_none(), "finished too soon");
        std::thread::sleep(Duration::from_millis(5));
    }
    // The shell's own kill: no other program needed.
    let kill = std::process::Command::new("sh")
        .args(["-c", &format!("kill -INT {}", child.id())])
        .status()
        .unwrap();
    assert!(kill.success());
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(130));
    assert_eq!(fs::read_to_string(&target).unwrap(), "old");
    assert!(!tmp_exists(), "a temporary file was left behind");
}
