//! The HTML pages in a real browser: headless Chromium renders the
//! `translate` and `check` pages; the DOM must have one row per sentence with
//! the highlights, markup in the article must stay text, and a screenshot
//! must not be blank. Without Chromium the tests say so and pass, unless
//! `TOLK_REQUIRE_BROWSER` is set (as `.ci/run` does).

mod common;

use common::{root, tolk};
use std::path::{Path, PathBuf};
use std::process::Command;

fn chromium() -> Option<PathBuf> {
    let found = ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find_map(|b| {
            std::env::split_paths(&std::env::var_os("PATH")?)
                .map(|d| d.join(b))
                .find(|p| p.is_file())
        });
    if found.is_none() {
        assert!(
            std::env::var_os("TOLK_REQUIRE_BROWSER").is_none(),
            "TOLK_REQUIRE_BROWSER is set but no chromium is installed"
        );
        eprintln!("no chromium: browser tests skipped");
    }
    found
}

fn headless(browser: &Path, profile: &Path, args: &[&str], page: &Path) -> String {
    let out = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(format!("file://{}", page.display()))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The share of pixels that are not (nearly) white.
fn ink(png_path: &Path) -> f64 {
    let decoder = png::Decoder::new(std::io::BufReader::new(
        std::fs::File::open(png_path).unwrap(),
    ));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let channels = info.color_type.samples();
    let pixels = &buf[..info.buffer_size()];
    let total = pixels.len() / channels;
    let dark = pixels
        .chunks(channels)
        .filter(|p| p.iter().take(3).any(|&c| c < 200))
        .count();
    dark as f64 / total as f64
}

const ARTICLE_EXTRA: &str = "\nDe Oekraïense minister Mykola Tkatsjenko bezocht Zjoekovka en schreef <script>alert(1)</script> met \"quotes\" & ampersands.\n";

#[test]
fn translate_html_in_a_browser() {
    let Some(browser) = chromium() else { return };
    let d = tempfile::tempdir().unwrap();
    let mut article = std::fs::read_to_string(root().join(common::SEED)).unwrap();
    article.push_str(ARTICLE_EXTRA);
    let input = d.path().join("article.nl.txt");
    std::fs::write(&input, &article).unwrap();
    let page = d.path().join("article.html");
    let out = tolk()
        .args(["translate", "-f", "html", "-o"])
        .arg(&page)
        .arg(&input)
        .output()
        .unwrap();
    assert!(out.status.success());
    let json = tolk()
        .args(["translate", "-f", "json"])
        .arg(&input)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let sentences: usize = v["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["sentences"].as_array().unwrap().len())
        .sum();

    let dom = headless(&browser, &d.path().join("profile"), &["--dump-dom"], &page);
    assert_eq!(
        dom.matches("<tr class=\"sentence\"").count(),
        sentences,
        "one row per sentence"
    );
    assert!(
        dom.contains("<mark class=\"term glossary\""),
        "glossary terms highlighted"
    );
    assert!(
        dom.contains("<mark class=\"term translit\""),
        "proposals highlighted"
    );
    assert!(dom.contains(">Mykola Tkachenko</mark>"), "{dom}");
    // The article's markup is text: no script element, the characters shown.
    assert!(
        !dom.contains("<script"),
        "markup in the article became markup"
    );
    assert!(
        dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{dom}"
    );
    assert!(dom.contains("\"quotes\" &amp; ampersands"), "{dom}");

    let shot = d.path().join("article.png");
    headless(
        &browser,
        &d.path().join("profile"),
        &[
            &format!("--screenshot={}", shot.display()),
            "--window-size=1200,900",
        ],
        &page,
    );
    let ink = ink(&shot);
    assert!(ink > 0.01, "the screenshot is blank ({ink})");
}

#[test]
fn check_report_in_a_browser() {
    let Some(browser) = chromium() else { return };
    let d = tempfile::tempdir().unwrap();
    let good = std::fs::read_to_string(root().join("tests/fixtures/seed.en.txt")).unwrap();
    let bad = good.replacen("29 January", "28 January", 1);
    let target = d.path().join("en.txt");
    std::fs::write(&target, bad).unwrap();
    let page = d.path().join("check.html");
    let out = tolk()
        .args([
            "check",
            "--format",
            "html",
            "--source",
            common::SEED,
            "--target",
        ])
        .arg(&target)
        .arg("-o")
        .arg(&page)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let dom = headless(&browser, &d.path().join("profile"), &["--dump-dom"], &page);
    assert_eq!(
        dom.matches("<tr class=\"sentence").count(),
        32,
        "one row per unit"
    );
    assert_eq!(dom.matches("<tr class=\"sentence has-error\"").count(), 1);
    assert!(dom.contains("<mark class=\"finding error\""), "{dom}");
    assert!(dom.contains("1 error ·"), "summary on top: {dom}");
    let shot = d.path().join("check.png");
    headless(
        &browser,
        &d.path().join("profile"),
        &[
            &format!("--screenshot={}", shot.display()),
            "--window-size=1200,900",
        ],
        &page,
    );
    assert!(ink(&shot) > 0.01, "the screenshot is blank");
}
