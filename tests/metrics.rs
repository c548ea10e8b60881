//! `tolk::metrics` against sacreBLEU on the hand-written fixture in
//! `tests/fixtures/eval/` (40 line-aligned English pairs, see its README).
//!
//! The expected figures were computed with sacreBLEU 2.6.0:
//!
//! ```python
//! import sacrebleu
//! def read(p):
//!     lines = open(p, encoding="utf-8").read().split("\n")
//!     return lines[:-1] if lines and lines[-1] == "" else lines
//! hyps, refs = read("hyp.txt"), read("ref.txt")
//! sacrebleu.corpus_chrf(hyps, [refs])  # chrF2 = 76.41
//! sacrebleu.corpus_bleu(hyps, [refs])  # BLEU = 54.67 86.0/64.4/49.5/38.0
//!                                      #   (BP = 0.962 ratio = 0.963
//!                                      #    hyp_len = 514 ref_len = 534)
//! ```

use std::path::PathBuf;

use tolk::metrics::{BLEU_SIGNATURE, CHRF_SIGNATURE, bleu, chrf2, score, tokenize_13a};

/// sacreBLEU's full chrF signature for the figure below.
const SACREBLEU_CHRF_SIGNATURE: &str =
    "nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.6.0";
/// sacreBLEU's full BLEU signature for the figure below.
const SACREBLEU_BLEU_SIGNATURE: &str = "nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0";
/// `sacrebleu.corpus_chrf(hyps, [refs]).score` on the fixture.
const SACREBLEU_CHRF2: f64 = 76.40587368690484;
/// `sacrebleu.corpus_bleu(hyps, [refs]).score` on the fixture.
const SACREBLEU_BLEU: f64 = 54.67157047272466;

const TOL: f64 = 0.01;

/// Reads a fixture file as sacreBLEU's figures were computed: split on
/// `\n`, the final newline ending the last line.
fn read_lines(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/eval")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn split(text: &str) -> Vec<&str> {
    let mut lines: Vec<&str> = text.split('\n').collect();
    if lines.last() == Some(&"") {
        lines.pop();
    }
    lines
}

#[test]
fn fixture_is_line_aligned() {
    let (h, r) = (read_lines("hyp.txt"), read_lines("ref.txt"));
    let (hyps, refs) = (split(&h), split(&r));
    assert_eq!(hyps.len(), 40);
    assert_eq!(refs.len(), 40);
    assert!(hyps.contains(&""), "fixture keeps its empty hypothesis");
}

#[test]
fn signatures_match_sacrebleu_up_to_version() {
    let strip = |s: &'static str| s.rsplit_once("|version:").unwrap().0;
    assert_eq!(strip(CHRF_SIGNATURE), strip(SACREBLEU_CHRF_SIGNATURE));
    assert_eq!(strip(BLEU_SIGNATURE), strip(SACREBLEU_BLEU_SIGNATURE));
    assert!(CHRF_SIGNATURE.ends_with("|version:2.x"));
    assert!(BLEU_SIGNATURE.ends_with("|version:2.x"));
}

#[test]
fn chrf2_matches_sacrebleu_on_fixture() {
    let (h, r) = (read_lines("hyp.txt"), read_lines("ref.txt"));
    let got = chrf2(&split(&h), &split(&r));
    assert!(
        (got - SACREBLEU_CHRF2).abs() < TOL,
        "chrF2 {got} vs sacreBLEU {SACREBLEU_CHRF2} ({SACREBLEU_CHRF_SIGNATURE})"
    );
}

#[test]
fn bleu_matches_sacrebleu_on_fixture() {
    let (h, r) = (read_lines("hyp.txt"), read_lines("ref.txt"));
    let got = bleu(&split(&h), &split(&r));
    assert!(
        (got - SACREBLEU_BLEU).abs() < TOL,
        "BLEU {got} vs sacreBLEU {SACREBLEU_BLEU} ({SACREBLEU_BLEU_SIGNATURE})"
    );
}

#[test]
fn score_bundles_both_metrics() {
    let (h, r) = (read_lines("hyp.txt"), read_lines("ref.txt"));
    let (hyps, refs) = (split(&h), split(&r));
    let s = score(&hyps, &refs);
    assert_eq!(s.sentences, 40);
    assert_eq!(s.chrf2, chrf2(&hyps, &refs));
    assert_eq!(s.bleu, bleu(&hyps, &refs));
}

#[test]
fn references_against_themselves_score_100() {
    let r = read_lines("ref.txt");
    let refs = split(&r);
    let s = score(&refs, &refs);
    assert!((s.chrf2 - 100.0).abs() < 1e-9, "{s:?}");
    assert!((s.bleu - 100.0).abs() < 1e-9, "{s:?}");
}

#[test]
fn tokenizer_13a_on_fixture_lines() {
    // sacrebleu.tokenizers.tokenizer_13a.Tokenizer13a()(line)
    let cases = [
        (
            "Around 1,000 people demonstrated in Amsterdam on Saturday against the rising cost of housing.",
            "Around 1,000 people demonstrated in Amsterdam on Saturday against the rising cost of housing .",
        ),
        (
            "\"We are playing with fire,\" the agency's director-general said on Thursday.",
            "\" We are playing with fire , \" the agency's director-general said on Thursday .",
        ),
        (
            "The objects were taken during the colonial period — some of them by force.",
            "The objects were taken during the colonial period — some of them by force .",
        ),
        (
            "The Netherlands beat Belgium 2-1 in a friendly match in Rotterdam.",
            "The Netherlands beat Belgium 2 - 1 in a friendly match in Rotterdam .",
        ),
        (
            "The cabinet wants to spend € 2,5 billion on better public transport in the regions.",
            "The cabinet wants to spend € 2,5 billion on better public transport in the regions .",
        ),
    ];
    for (line, want) in cases {
        assert_eq!(tokenize_13a(line), want);
    }
}
