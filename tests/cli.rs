//! The binary's contract: inputs, glossary selection, errors and exit codes,
//! atomic output.

mod common;
use common::*;
use predicates::prelude::*;
use std::fs;
use std::io::{Read, Write};
use std::process::Stdio;

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

#[test]
fn reads_standard_input() {
    tolk()
        .args(["translate", "-e", "glossary", "--format", "text"])
        .write_stdin("Poetin bezocht Kiev.\n")
        .assert()
        .success()
        .stdout("Putin bezocht Kyiv.\n");
    tolk()
        .args(["translate", "-e", "glossary", "--format", "text", "-"])
        .write_stdin("Poetin.")
        .assert()
        .success()
        .stdout("Putin.\n");
}

#[test]
fn text_keeps_line_alignment_with_any_line_ending() {
    tolk()
        .args(["translate", "-e", "glossary", "--format", "text"])
        .write_stdin("Kiev.\r\n\r\nMoskou. Parijs.\rBrussel\n\n")
        .assert()
        .success()
        .stdout("Kyiv.\n\nMoscow. Paris.\nBrussels\n\n");
}

#[test]
fn join_lines_treats_blocks_as_paragraphs() {
    tolk()
        .args([
            "translate",
            "-e",
            "glossary",
            "--format",
            "text",
            "--join-lines",
        ])
        .write_stdin("De Witte\nHuis-woordvoerder zei het.\n\nKiev\nwacht.\n")
        .assert()
        .success()
        .stdout("De White House-woordvoerder zei het.\n\nKyiv wacht.\n");
}

#[test]
fn several_inputs_give_json_lines() {
    let d = tmp();
    fs::write(d.path().join("a.txt"), "Kiev.").unwrap();
    fs::write(d.path().join("b.txt"), "Moskou.").unwrap();
    let out = stdout_of(tolk_in(d.path()).args([
        "translate",
        "-e",
        "glossary",
        "--format",
        "json",
        "a.txt",
        "b.txt",
    ]));
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["path"], "a.txt");
    assert_eq!(lines[1]["paragraphs"][0]["sentences"][0]["en"], "Moscow.");
}

#[test]
fn several_inputs_in_tsv_get_a_path_column() {
    let d = tmp();
    fs::write(d.path().join("a.txt"), "Kiev.").unwrap();
    let out = stdout_of(
        tolk_in(d.path())
            .args([
                "translate",
                "-e",
                "glossary",
                "--format",
                "tsv",
                "a.txt",
                "-",
            ])
            .write_stdin("Moskou."),
    );
    assert_eq!(
        out,
        "paragraph\tsentence\tnl\ten\tpath\n1\t1\tKiev.\tKyiv.\ta.txt\n1\t1\tMoskou.\tMoscow.\t-\n"
    );
}

#[test]
fn tsv_escapes_tabs_and_backslashes() {
    let out = stdout_of(
        tolk()
            .args(["translate", "-e", "glossary", "--format", "tsv"])
            .write_stdin("Kiev\tC:\\pad.\n"),
    );
    assert_eq!(
        out,
        "paragraph\tsentence\tnl\ten\n1\t1\tKiev\\tC:\\\\pad.\tKyiv\\tC:\\\\pad.\n"
    );
}

#[test]
fn markdown_escapes_pipes() {
    let out = stdout_of(
        tolk()
            .args(["translate", "-e", "glossary", "--format", "markdown"])
            .write_stdin("Kiev | Moskou\n"),
    );
    assert!(
        out.contains("| Kiev \\| Moskou | Kyiv \\| Moscow |"),
        "{out}"
    );
}

#[test]
fn html_escapes_everything() {
    let out = stdout_of(
        tolk()
            .args(["translate", "-e", "glossary", "--format", "html"])
            .write_stdin("<script>alert(1)</script> \"quotes\" & Kiev\n"),
    );
    assert!(!out.contains("<script>"), "{out}");
    assert!(out.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(out.contains("&amp; <mark class=\"term glossary\""));
    assert!(!out.contains("http://") && !out.contains("https://") && !out.contains("<link"));
}

#[test]
fn glossary_flags_and_environment() {
    let d = tmp();
    fs::write(d.path().join("mine.csv"), "nl,en,kind\nKiev,Kiev,place\n").unwrap();
    fs::write(d.path().join("other.csv"), "nl,en\nMoskou,Moskva\n").unwrap();
    // -g overrides the shipped entry.
    tolk_in(d.path())
        .args([
            "translate",
            "-e",
            "glossary",
            "-f",
            "text",
            "-g",
            "mine.csv",
        ])
        .write_stdin("Kiev en Moskou")
        .assert()
        .stdout("Kiev en Moscow\n");
    // Repeatable, later wins; `-g` after the subcommand works too.
    tolk_in(d.path())
        .args([
            "translate",
            "-e",
            "glossary",
            "-f",
            "text",
            "-g",
            "mine.csv",
            "-g",
            "other.csv",
        ])
        .write_stdin("Kiev en Moskou")
        .assert()
        .stdout("Kiev en Moskva\n");
    // TOLK_GLOSSARY when no -g.
    tolk_in(d.path())
        .env("TOLK_GLOSSARY", "mine.csv:other.csv")
        .args(["translate", "-e", "glossary", "-f", "text"])
        .write_stdin("Kiev en Moskou")
        .assert()
        .stdout("Kiev en Moskva\n");
    // -g wins over TOLK_GLOSSARY.
    tolk_in(d.path())
        .env("TOLK_GLOSSARY", "other.csv")
        .args([
            "translate",
            "-e",
            "glossary",
            "-f",
            "text",
            "-g",
            "mine.csv",
        ])
        .write_stdin("Kiev en Moskou")
        .assert()
        .stdout("Kiev en Moscow\n");
    // ./glossary.csv when neither is given.
    fs::write(
        d.path().join("glossary.csv"),
        "nl,en\nMoskou,MOSCOW-LOCAL\n",
    )
    .unwrap();
    tolk_in(d.path())
        .args(["translate", "-e", "glossary", "-f", "text"])
        .write_stdin("Moskou")
        .assert()
        .stdout("MOSCOW-LOCAL\n");
    // --no-default-glossary: only the user's.
    tolk_in(d.path())
        .args([
            "translate",
            "-e",
            "glossary",
            "-f",
            "text",
            "--no-default-glossary",
            "-g",
            "mine.csv",
        ])
        .write_stdin("Kiev en Moskou")
        .assert()
        .stdout("Kiev en Moskou\n");
}

#[test]
fn entry_names_the_file_as_given() {
    let d = tmp();
    fs::create_dir(d.path().join("sub")).unwrap();
    fs::write(
        d.path().join("sub/g.csv"),
        "# mine\nnl,en,kind\nSjmyhal,Shmyhal,person\n",
    )
    .unwrap();
    let out = stdout_of(
        tolk_in(d.path())
            .args(["tag", "-g", "sub/g.csv"])
            .write_stdin("Poetin en Sjmyhals plan"),
    );
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2);
    assert!(
        lines[0].starts_with("1:1  Poetin → Putin  person  glossary/names.csv:"),
        "{out}"
    );
    assert_eq!(lines[1], "1:11  Sjmyhals → Shmyhal's  person  sub/g.csv:3");
}

#[test]
fn invalid_glossary_lists_every_problem_and_exits_2() {
    let d = tmp();
    fs::write(
        d.path().join("bad.csv"),
        "nl,en,kind\nKiev,Kyiv,place\n,Moscow,place\nParijs,Paris,town\nkiev,Kiev,place\n",
    )
    .unwrap();
    tolk_in(d.path())
        .args(["translate", "-g", "bad.csv"])
        .write_stdin("Kiev")
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("invalid glossary (3 errors)"))
        .stderr(predicate::str::contains("bad.csv:3:1: error: empty `nl`"))
        .stderr(predicate::str::contains(
            "bad.csv:4:3: error: unknown kind \"town\"",
        ))
        .stderr(predicate::str::contains("bad.csv:5:1: error: conflict"));
}

#[test]
fn glossary_warnings_go_to_stderr_one_line_each() {
    let d = tmp();
    fs::write(d.path().join("w.csv"), "nl,en\n Kiev ,Kyiv\n").unwrap();
    tolk_in(d.path())
        .args(["translate", "-e", "glossary", "-f", "text", "-g", "w.csv"])
        .write_stdin("Kiev")
        .assert()
        .success()
        .stdout("Kyiv\n")
        .stderr("tolk: w.csv:2:1: warning: leading or trailing whitespace in `nl` \" Kiev \" (trimmed for matching)\n");
}

#[test]
fn shipped_glossary_loads_without_warnings() {
    tolk()
        .args(["translate", "-e", "glossary", "-f", "text"])
        .write_stdin("x")
        .assert()
        .success()
        .stderr("");
}

#[test]
fn missing_file_directory_and_bad_bytes_are_clear_errors() {
    let d = tmp();
    tolk_in(d.path())
        .args(["translate", "nope.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with("tolk: nope.txt: cannot read: "));
    tolk_in(d.path())
        .args(["translate", "."])
        .assert()
        .code(2)
        .stderr(
            "tolk: .: is a directory; to translate the files in it, name an output directory with -o OUTDIR\n",
        );
    fs::write(d.path().join("latin1.txt"), b"Kiev \xe9\xe9n\n").unwrap();
    tolk_in(d.path())
        .args(["translate", "latin1.txt"])
        .assert()
        .code(2)
        .stderr(
            "tolk: latin1.txt: invalid UTF-8 at byte offset 5; if the file is in another encoding, pass --encoding NAME (e.g. --encoding windows-1252)\n",
        );
    tolk_in(d.path())
        .args([
            "translate",
            "-e",
            "glossary",
            "-f",
            "text",
            "--encoding",
            "windows-1252",
            "latin1.txt",
        ])
        .assert()
        .success()
        .stdout("Kyiv één\n");
    fs::write(d.path().join("bin"), b"\x7fELF\x02\x01\x00\x00").unwrap();
    tolk_in(d.path())
        .args(["translate", "bin"])
        .assert()
        .code(2)
        .stderr("tolk: bin: binary file: NUL byte at byte offset 6\n");
    fs::write(d.path().join("empty.txt"), b"").unwrap();
    tolk_in(d.path())
        .args(["tag", "empty.txt"])
        .assert()
        .code(2)
        .stderr("tolk: empty.txt: empty input: nothing to translate\n");
    tolk_in(d.path())
        .args(["translate", "--encoding", "klingon", "empty.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown encoding \"klingon\""));
}

#[test]
fn utf16_and_bom_inputs() {
    let d = tmp();
    let mut le = vec![0xFF, 0xFE];
    le.extend("Oekraïne\n".encode_utf16().flat_map(u16::to_le_bytes));
    fs::write(d.path().join("u16.txt"), le).unwrap();
    tolk_in(d.path())
        .args(["translate", "-e", "glossary", "-f", "text", "u16.txt"])
        .assert()
        .success()
        .stdout("Ukraine\n");
    fs::write(d.path().join("bom.txt"), "\u{FEFF}Moskou ligt ver.").unwrap();
    let out =
        stdout_of(tolk_in(d.path()).args(["translate", "-e", "glossary", "-f", "json", "bom.txt"]));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    // Offsets are into the decoded text, after the BOM.
    assert_eq!(v["paragraphs"][0]["sentences"][0]["terms"][0]["start"], 0);
    assert_eq!(v["paragraphs"][0]["sentences"][0]["terms"][0]["end"], 6);
}

#[test]
fn output_file_is_written_atomically() {
    let d = tmp();
    fs::write(d.path().join("in.txt"), "Kiev.\n").unwrap();
    tolk_in(d.path())
        .args([
            "translate",
            "-e",
            "glossary",
            "-f",
            "text",
            "-o",
            "out.txt",
            "in.txt",
        ])
        .assert()
        .success()
        .stdout("");
    assert_eq!(
        fs::read_to_string(d.path().join("out.txt")).unwrap(),
        "Kyiv.\n"
    );
    // A failing run leaves the old file as it was and no temporary file behind.
    fs::write(d.path().join("bad.txt"), b"\xff").unwrap();
    tolk_in(d.path())
        .args([
            "translate",
            "-e",
            "glossary",
            "-f",
            "text",
            "-o",
            "out.txt",
            "in.txt",
            "bad.txt",
        ])
        .assert()
        .code(2);
    assert_eq!(
        fs::read_to_string(d.path().join("out.txt")).unwrap(),
        "Kyiv.\n"
    );
    let names: Vec<_> = fs::read_dir(d.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 3, "{names:?}");
    // -o into a directory that does not exist: clear error, exit 2.
    tolk_in(d.path())
        .args(["translate", "-o", "no/such/dir/out.txt", "in.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "no/such/dir/out.txt: cannot create a temporary file",
        ));
}

#[cfg(unix)]
#[test]
fn output_file_keeps_permissions_and_links() {
    use std::os::unix::fs::PermissionsExt;
    let d = tmp();
    fs::write(d.path().join("in.txt"), "Kiev.\n").unwrap();
    let translate_to = |out: &str| {
        tolk_in(d.path())
            .args([
                "translate",
                "-e",
                "glossary",
                "-f",
                "text",
                "-o",
                out,
                "in.txt",
            ])
            .assert()
            .success();
    };
    // A new file is not left private (tempfile's 0600).
    translate_to("new.txt");
    let mode = fs::metadata(d.path().join("new.txt"))
        .unwrap()
        .permissions()
        .mode()
        & 0o777;
    assert_ne!(mode & 0o044, 0, "new file mode {mode:o}");
    // An existing file keeps its mode.
    fs::write(d.path().join("old.txt"), "x").unwrap();
    fs::set_permissions(d.path().join("old.txt"), fs::Permissions::from_mode(0o640)).unwrap();
    translate_to("old.txt");
    assert_eq!(
        fs::metadata(d.path().join("old.txt"))
            .unwrap()
            .permissions()
            .mode()
            & 0o777,
        0o640
    );
    // A symbolic link stays a link; its target gets the output.
    std::os::unix::fs::symlink("old.txt", d.path().join("link.txt")).unwrap();
    translate_to("link.txt");
    assert!(
        fs::symlink_metadata(d.path().join("link.txt"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        fs::read_to_string(d.path().join("old.txt")).unwrap(),
        "Kyiv.\n"
    );
}

#[test]
fn side_output_neutralises_control_characters() {
    let out = stdout_of(
        tolk()
            .args(["translate", "-e", "glossary", "--width", "40"])
            .write_stdin("Kiev\tMoskou \x1b[31mrood\n"),
    );
    assert!(!out.contains('\x1b') && !out.contains('\t'), "{out:?}");
    for line in out.lines() {
        assert!(unicode_width::UnicodeWidthStr::width(line) <= 40);
    }
}

#[test]
fn usage_errors_exit_2() {
    tolk()
        .args(["translate", "--format", "pdf"])
        .assert()
        .code(2);
    tolk().args(["frobnicate"]).assert().code(2);
    tolk().arg("--help").assert().success();
}

#[test]
fn closed_pipe_is_not_an_error() {
    let big = "Poetin sprak in Moskou met Zelensky over Kiev.\n".repeat(200_000);
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("tolk"))
        .args(["translate", "-e", "glossary", "-f", "text", "-"])
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(big.as_bytes());
    });
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 64];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert!(first.starts_with(b"Putin sprak"));
    assert_eq!(
        out.status.code(),
        Some(0),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn colour_follows_flag_terminal_and_no_color() {
    let plain = stdout_of(
        tolk()
            .args(["translate", "-e", "glossary"])
            .write_stdin("Kiev"),
    );
    assert!(!plain.contains('\x1b'), "no colour into a pipe");
    let coloured = stdout_of(
        tolk()
            .args(["translate", "-e", "glossary", "--color", "always"])
            .write_stdin("Kiev"),
    );
    assert!(
        coloured.contains("\x1b[1m\x1b[36mKiev\x1b[0m"),
        "{coloured:?}"
    );
    assert!(
        coloured.contains("\x1b[1m\x1b[36mKyiv\x1b[0m"),
        "{coloured:?}"
    );
    // On a real terminal (util-linux `script` allocates one): coloured unless NO_COLOR.
    let bin = assert_cmd::cargo::cargo_bin("tolk");
    let run_tty = |no_color: bool| {
        let mut c = std::process::Command::new("script");
        c.args([
            "-qec",
            &format!(
                "echo Kiev | {} translate -e glossary --width 40",
                bin.display()
            ),
            "/dev/null",
        ])
        .current_dir(root())
        .env_remove("TOLK_GLOSSARY");
        if no_color {
            c.env("NO_COLOR", "1");
        } else {
            c.env_remove("NO_COLOR");
        }
        let out = c.output().expect("util-linux `script` is installed");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    assert!(
        run_tty(false).contains("\x1b[36mKyiv"),
        "{:?}",
        run_tty(false)
    );
    let nc = run_tty(true);
    assert!(nc.contains("Kyiv") && !nc.contains('\x1b'), "{nc:?}");
}

#[test]
fn side_is_wrapped_to_the_width_by_display_width() {
    let out = stdout_of(tolk().args(["translate", "--width", "50", SEED]));
    for line in out.lines() {
        assert!(
            unicode_width::UnicodeWidthStr::width(line) <= 50,
            "{line:?}"
        );
    }
    let cjk = stdout_of(
        tolk()
            .args(["translate", "--width", "30"])
            .write_stdin("東京 en Kiev en 北京 en Moskou liggen ver weg."),
    );
    for line in cjk.lines().skip(2) {
        let bar = line.find('│').unwrap();
        assert_eq!(
            unicode_width::UnicodeWidthStr::width(&line[..bar]),
            14,
            "{line:?}"
        );
    }
}

#[test]
fn completions_and_man_page() {
    let bash = stdout_of(tolk().args(["completions", "bash"]));
    assert!(bash.contains("translate") && bash.contains("--no-default-glossary"));
    let man = stdout_of(tolk().arg("man"));
    assert!(man.contains(".TH tolk"), "{}", &man[..200.min(man.len())]);
}

#[test]
fn tag_json_has_positions() {
    let out = stdout_of(
        tolk()
            .args(["tag", "--format", "json"])
            .write_stdin("Zij ging\nnaar Oekraïne."),
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let t = &v["terms"][0];
    assert_eq!((t["line"].as_u64(), t["col"].as_u64()), (Some(2), Some(6)));
    assert_eq!(
        (t["start"].as_u64(), t["end"].as_u64()),
        (Some(14), Some(23))
    );
    assert_eq!(t["en"], "Ukraine");
    assert_eq!(t["kind"], "place");
}

#[test]
fn a_large_input_is_tagged_in_pieces_in_order() {
    // Over 4 MiB: read in pieces, tagged several at a time on every core,
    // written in input order with line numbers and offsets that run on.
    let lines: Vec<String> = (0..125_000)
        .map(|i| format!("Regel {i}: Poetin sprak in Moskou.\n"))
        .collect();
    let input = lines.concat();
    assert!(input.len() > 4 * 1024 * 1024);
    let out = stdout_of(
        tolk()
            .args(["tag", "--glossary-only", "-"])
            .write_stdin(input.clone()),
    );
    let got: Vec<&str> = out.lines().collect();
    assert_eq!(got.len(), 2 * lines.len());
    for (i, line) in lines.iter().enumerate().step_by(997) {
        let col = line.find("Poetin").unwrap() + 1;
        assert!(
            got[2 * i].starts_with(&format!("{}:{col}  Poetin → Putin", i + 1)),
            "{}",
            got[2 * i]
        );
        let col = line.find("Moskou").unwrap() + 1;
        assert!(
            got[2 * i + 1].starts_with(&format!("{}:{col}  Moskou → Moscow", i + 1)),
            "{}",
            got[2 * i + 1]
        );
    }
    // A bad byte in the last piece: the pieces before it are written, then
    // the error, with its offset in the whole input.
    let mut broken = input.clone().into_bytes();
    let bad = broken.len() - 100;
    broken[bad] = 0xFF;
    let out = tolk()
        .args(["tag", "--glossary-only", "-"])
        .write_stdin(broken)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!(
            "invalid UTF-8 at byte offset {bad}"
        )))
        .get_output()
        .stdout
        .clone();
    let written = String::from_utf8(out).unwrap();
    assert!(written.lines().count() >= 2 * 2 * 1024 * 1024 / lines[0].len());
    assert!(
        written.starts_with("1:10  Poetin → Putin"),
        "{}",
        &written[..80]
    );
    let json = stdout_of(
        tolk()
            .args(["tag", "--glossary-only", "-f", "json", "-"])
            .write_stdin(input.clone()),
    );
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let terms = v["terms"].as_array().unwrap();
    assert_eq!(terms.len(), 2 * lines.len());
    for t in terms.iter().step_by(1009) {
        let (start, end) = (
            t["start"].as_u64().unwrap() as usize,
            t["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&input[start..end], t["text"].as_str().unwrap());
    }
}

#[test]
fn a_huge_word_and_a_line_without_punctuation_are_translated() {
    // A 300,000-letter "word" is kept as written; a 40,000-word line with
    // no punctuation is cut into sentences: one output line per input line.
    let word = format!("X{}", "a".repeat(300_000));
    let words = ["Poetin", "sprak", "in", "Moskou", "met", "de", "vrede"];
    let line: Vec<&str> = (0..40_000).map(|i| words[i * 7 % 5]).collect();
    let input = format!("{word}\n{}\n", line.join(" "));
    let out = stdout_of(
        tolk()
            .args(["translate", "-e", "builtin", "-f", "text"])
            .write_stdin(input),
    );
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0], word);
    assert!(
        lines[1].matches("Putin").count() >= 8_000,
        "{}",
        &lines[1][..200]
    );
}

#[test]
fn encoding_auto_detects_and_says_so() {
    let d = tmp();
    let path = d.path().join("cp.txt");
    let (bytes, _, _) = encoding_rs::WINDOWS_1252
        .encode("Poetin sprak met de Oekraïense president over één kerncentrale in België.\n");
    fs::write(&path, &bytes).unwrap();
    tolk()
        .args([
            "translate",
            "-e",
            "builtin",
            "-f",
            "text",
            "--encoding",
            "auto",
        ])
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains("Ukrainian").and(predicate::str::contains("Belgium")))
        .stderr(predicate::str::contains("encoding detected: windows-1252"));
    // Without --encoding it stays an error with its byte offset.
    tolk()
        .args(["translate", "-f", "text"])
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("invalid UTF-8 at byte offset"));
}

/// An input larger than what is decoded whole (4 MiB) is translated
/// paragraph by paragraph: the first lines come out while standard input is
/// still open, and every line comes out once, in order.
#[test]
fn large_input_streams_output_before_input_ends() {
    use std::io::BufRead;
    use std::sync::mpsc;
    use std::time::Duration;
    let line = "Poetin sprak in Moskou over de kerncentrale van Zaporizja.\n";
    let count = 5 * 1024 * 1024 / line.len() + 1;
    let big = line.repeat(count);
    for format in ["text", "tsv"] {
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("tolk"))
            .args(["translate", "-e", "glossary", "-f", format, "-"])
            .current_dir(root())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        let (seen_tx, seen_rx) = mpsc::channel::<()>();
        let big = big.clone();
        // Writes everything, then keeps standard input open until the test
        // has seen output (or gives up after a minute).
        let writer = std::thread::spawn(move || {
            stdin.write_all(big.as_bytes()).unwrap();
            let seen = seen_rx.recv_timeout(Duration::from_secs(60)).is_ok();
            drop(stdin);
            seen
        });
        let mut out = std::io::BufReader::new(child.stdout.take().unwrap());
        let mut first = String::new();
        out.read_line(&mut first).unwrap();
        seen_tx.send(()).unwrap();
        let mut rest = String::new();
        out.read_to_string(&mut rest).unwrap();
        assert!(child.wait().unwrap().success());
        assert!(
            writer.join().unwrap(),
            "{format}: no output before the input ended"
        );
        let want = "Putin sprak in Moscow over de nuclear power plant van Zaporizhzhia.";
        match format {
            "text" => {
                assert_eq!(first.trim_end(), want);
                assert_eq!(rest.lines().count() + 1, count);
                assert!(rest.lines().all(|l| l == want));
            }
            _ => {
                assert_eq!(first, "paragraph\tsentence\tnl\ten\n");
                let rows: Vec<&str> = rest.lines().collect();
                assert_eq!(rows.len(), count);
                // Paragraph numbers run on across the pieces.
                assert!(rows[count - 1].starts_with(&format!("{count}\t1\t")));
            }
        }
    }
}
