//! Translation quality metrics: corpus-level chrF2 and BLEU, computed exactly
//! as sacreBLEU 2.x does with its default settings.
//!
//! **Takes** line-aligned hypotheses (system output) and references as string
//! slices, one reference per hypothesis (`nrefs:1`). Text is compared as-is:
//! no lowercasing, no Unicode normalization.
//!
//! **Returns** scores on sacreBLEU's 0..=100 scale:
//!
//! * [`chrf2`]: chrF with β = 2, character n-grams of orders 1..=6, whitespace
//!   removed, effective-order averaging ([`CHRF_SIGNATURE`]);
//! * [`bleu`]: BLEU-4 over the `13a` tokenization ([`tokenize_13a`]),
//!   exponential smoothing, brevity penalty ([`BLEU_SIGNATURE`]);
//! * [`score`]: both at once, as a [`Scores`].
//!
//! **Invariant**: both metrics are *corpus* metrics. Each sentence pair only
//! contributes integer n-gram counts, which are summed over the corpus before
//! a single score is computed from the sums; the score is therefore not the
//! mean of sentence scores, and it does not depend on the order of the pairs.
//!
//! Empty input (no pairs) scores 0.0. Neither function panics: if the two
//! slices differ in length, pairs are formed as by [`Iterator::zip`] and the
//! surplus of the longer slice is ignored (sacreBLEU would reject such input).
//!
//! "Whitespace" here is Python's `str.isspace()` (Rust's
//! [`char::is_whitespace`] plus the separators U+001C..=U+001F), because that
//! is what sacreBLEU splits and strips on.
//!
//! ```
//! use tolk::metrics::{bleu, chrf2, score};
//!
//! let refs = ["The cat sat on the mat in the kitchen."];
//! assert!((chrf2(&refs, &refs) - 100.0).abs() < 1e-9);
//! assert!((bleu(&refs, &refs) - 100.0).abs() < 1e-9);
//! assert_eq!(score(&[""], &refs).chrf2, 0.0);
//! ```

use std::cmp::Ordering;
use std::collections::HashMap;

/// sacreBLEU signature of the chrF variant that [`chrf2`] computes.
pub const CHRF_SIGNATURE: &str = "nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.x";

/// sacreBLEU signature of the BLEU variant that [`bleu`] computes.
pub const BLEU_SIGNATURE: &str = "nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.x";

/// Maximum character n-gram order of chrF.
const CHAR_ORDER: usize = 6;
/// chrF's β: recall weighs β² = 4 times as much as precision.
const CHRF_BETA_SQ: f64 = 4.0;
/// Maximum word n-gram order of BLEU.
const BLEU_ORDER: usize = 4;

/// Both corpus scores of one hypothesis/reference set.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scores {
    /// Corpus chrF2, 0..=100 (see [`chrf2`]).
    pub chrf2: f64,
    /// Corpus BLEU, 0..=100 (see [`bleu`]).
    pub bleu: f64,
    /// Number of sentence pairs scored.
    pub sentences: usize,
}

/// Scores `hyps` against `refs` with both [`chrf2`] and [`bleu`].
///
/// `sentences` is the number of pairs actually scored (the shorter length).
pub fn score(hyps: &[&str], refs: &[&str]) -> Scores {
    Scores {
        chrf2: chrf2(hyps, refs),
        bleu: bleu(hyps, refs),
        sentences: hyps.len().min(refs.len()),
    }
}

/// Whitespace as Python's `str.isspace()` defines it.
fn is_py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Python's `s.split()` (no argument): runs of whitespace separate, empty
/// pieces are dropped.
fn py_split(s: &str) -> impl Iterator<Item = &str> {
    s.split(is_py_space).filter(|w| !w.is_empty())
}

/// Writes into `out` one key per n-gram of `symbols` (each below 2^`bits`,
/// with `n * bits <= 128`): the n symbols packed into a `u128`, so that two
/// n-grams of the same order are equal exactly when their keys are.
fn ngram_keys(symbols: &[u32], n: usize, bits: u32, out: &mut Vec<u128>) {
    out.clear();
    out.extend(
        symbols
            .windows(n)
            .map(|w| w.iter().fold(0u128, |k, &s| (k << bits) | u128::from(s))),
    );
}

/// The clipped match count Σ min(hyp count, ref count) over all distinct
/// keys: how many hypothesis n-grams can be paired one-to-one with equal
/// reference n-grams. Sorts both key lists in place.
fn clipped_matches(reference: &mut [u128], hyp: &mut [u128]) -> u64 {
    reference.sort_unstable();
    hyp.sort_unstable();
    let (mut i, mut j, mut matched) = (0, 0, 0);
    while i < reference.len() && j < hyp.len() {
        match reference[i].cmp(&hyp[j]) {
            Ordering::Less => i += 1,
            Ordering::Greater => j += 1,
            Ordering::Equal => {
                matched += 1;
                i += 1;
                j += 1;
            }
        }
    }
    matched
}

/// Corpus chrF2 (sacreBLEU `CHRF()` defaults, [`CHRF_SIGNATURE`]), 0..=100.
///
/// Per sentence, whitespace is removed and, for each order n in 1..=6, the
/// hypothesis, reference and matched character n-gram counts are taken (a
/// hypothesis n-gram count is recorded as 0 when the reference has no n-grams
/// of that order). The counts are summed over the corpus; precision and recall
/// of every order with non-zero hypothesis and reference sums are averaged
/// (the "effective order"), and the score is F_β of those averages with β = 2.
///
/// Returns 0.0 for empty input or when nothing matches.
pub fn chrf2(hyps: &[&str], refs: &[&str]) -> f64 {
    // [hyp, ref, match] per order, summed over the corpus.
    let mut stats = [[0u64; 3]; CHAR_ORDER];
    let (mut h_keys, mut r_keys) = (Vec::new(), Vec::new());
    let code_points = |s: &str| -> Vec<u32> {
        s.chars()
            .filter(|&c| !is_py_space(c))
            .map(u32::from)
            .collect()
    };
    for (hyp, reference) in hyps.iter().zip(refs) {
        let h = code_points(hyp);
        let r = code_points(reference);
        for (n, st) in (1..=CHAR_ORDER).zip(stats.iter_mut()) {
            let n_hyp = (h.len() + 1).saturating_sub(n) as u64;
            let n_ref = (r.len() + 1).saturating_sub(n) as u64;
            if n_ref == 0 {
                // sacreBLEU: "don't count hits if no reference exists".
                continue;
            }
            st[0] += n_hyp;
            st[1] += n_ref;
            // Code points are below 2^21, and 6 * 21 <= 128.
            ngram_keys(&r, n, 21, &mut r_keys);
            ngram_keys(&h, n, 21, &mut h_keys);
            st[2] += clipped_matches(&mut r_keys, &mut h_keys);
        }
    }
    chrf_from_stats(&stats)
}

/// sacreBLEU's `CHRF._compute_f_score` with `eps_smoothing=False`.
fn chrf_from_stats(stats: &[[u64; 3]; CHAR_ORDER]) -> f64 {
    let (mut avg_prec, mut avg_rec) = (0.0f64, 0.0f64);
    let mut effective_order = 0u32;
    for &[n_hyp, n_ref, n_match] in stats {
        if n_hyp > 0 && n_ref > 0 {
            avg_prec += n_match as f64 / n_hyp as f64;
            avg_rec += n_match as f64 / n_ref as f64;
            effective_order += 1;
        }
    }
    if effective_order == 0 {
        return 0.0;
    }
    avg_prec /= f64::from(effective_order);
    avg_rec /= f64::from(effective_order);
    if avg_prec + avg_rec == 0.0 {
        return 0.0;
    }
    let mut f = (1.0 + CHRF_BETA_SQ) * avg_prec * avg_rec;
    f /= CHRF_BETA_SQ * avg_prec + avg_rec;
    100.0 * f
}

/// Corpus BLEU (sacreBLEU `BLEU()` defaults, [`BLEU_SIGNATURE`]), 0..=100.
///
/// Each line has trailing whitespace stripped and is tokenized with
/// [`tokenize_13a`]; clipped word n-gram matches of orders 1..=4 and the
/// hypothesis/reference lengths are summed over the corpus. The score is the
/// brevity penalty times the geometric mean of the four precisions, where an
/// order with zero matches gets precision 1/(2^k · total) for its k-th
/// occurrence (sacreBLEU's `exp` smoothing, from mteval-v13a). As in
/// sacreBLEU, the score is 0.0 when no n-gram of any order matches, and
/// (practically) 0.0 when the hypotheses hold no 4-gram at all (`eff:no`).
///
/// Returns 0.0 for empty input.
pub fn bleu(hyps: &[&str], refs: &[&str]) -> f64 {
    let mut sys_len = 0u64;
    let mut ref_len = 0u64;
    let mut correct = [0u64; BLEU_ORDER];
    let mut total = [0u64; BLEU_ORDER];
    let (mut h_keys, mut r_keys) = (Vec::new(), Vec::new());
    for (hyp, reference) in hyps.iter().zip(refs) {
        let h_tok = tokenize_13a(hyp.trim_end_matches(is_py_space));
        let r_tok = tokenize_13a(reference.trim_end_matches(is_py_space));
        // Words as ids: the reference's words numbered from 0, hypothesis
        // words missing from the reference all u32::MAX (they never match).
        let mut ids: HashMap<&str, u32> = HashMap::new();
        let r: Vec<u32> = py_split(&r_tok)
            .map(|w| {
                let next = ids.len() as u32;
                *ids.entry(w).or_insert(next)
            })
            .collect();
        let h: Vec<u32> = py_split(&h_tok)
            .map(|w| ids.get(w).copied().unwrap_or(u32::MAX))
            .collect();
        sys_len += h.len() as u64;
        ref_len += r.len() as u64;
        for (n, (c, t)) in (1..=BLEU_ORDER).zip(correct.iter_mut().zip(total.iter_mut())) {
            *t += (h.len() + 1).saturating_sub(n) as u64;
            ngram_keys(&r, n, 32, &mut r_keys);
            ngram_keys(&h, n, 32, &mut h_keys);
            *c += clipped_matches(&mut r_keys, &mut h_keys);
        }
    }
    bleu_from_stats(&correct, &total, sys_len, ref_len)
}

/// sacreBLEU's `utils.my_log`: the natural logarithm, floored for zero.
fn my_log(x: f64) -> f64 {
    if x == 0.0 { -9_999_999_999.0 } else { x.ln() }
}

/// sacreBLEU's `BLEU.compute_bleu` with `smooth_method='exp'` and
/// `effective_order=False`.
fn bleu_from_stats(
    correct: &[u64; BLEU_ORDER],
    total: &[u64; BLEU_ORDER],
    sys_len: u64,
    ref_len: u64,
) -> f64 {
    let bp = if sys_len < ref_len {
        if sys_len > 0 {
            (1.0 - ref_len as f64 / sys_len as f64).exp()
        } else {
            0.0
        }
    } else {
        1.0
    };
    if correct.iter().all(|&c| c == 0) {
        return 0.0;
    }
    let mut precisions = [0.0f64; BLEU_ORDER];
    let mut smooth_mteval = 1.0f64;
    for ((p, &c), &t) in precisions.iter_mut().zip(correct).zip(total) {
        if t == 0 {
            break;
        }
        if c == 0 {
            smooth_mteval *= 2.0;
            *p = 100.0 / (smooth_mteval * t as f64);
        } else {
            *p = 100.0 * c as f64 / t as f64;
        }
    }
    let log_sum = precisions.iter().fold(0.0f64, |acc, &p| acc + my_log(p));
    bp * (log_sum / BLEU_ORDER as f64).exp()
}

/// Punctuation that mteval-v13a always splits off: ASCII `{|}~`, `[\]^_` and
/// backtick, space to `&`, `(` to `+`, `:` to `@`, and `/`.
fn is_13a_symbol(c: char) -> bool {
    matches!(c, '{'..='~' | '['..='`' | ' '..='&' | '('..='+' | ':'..='@' | '/')
}

/// Applies a regex substitution whose pattern is two single-character classes
/// (`first`, `second`), scanning left to right for non-overlapping matches as
/// Python's `re.sub` does; `emit` writes the replacement of a match.
fn sub_pairs(
    s: &[char],
    first: impl Fn(char) -> bool,
    second: impl Fn(char) -> bool,
    emit: impl Fn(char, char, &mut Vec<char>),
) -> Vec<char> {
    let mut out = Vec::with_capacity(s.len() + s.len() / 4 + 4);
    let mut i = 0;
    while i < s.len() {
        if i + 1 < s.len() && first(s[i]) && second(s[i + 1]) {
            emit(s[i], s[i + 1], &mut out);
            i += 2;
        } else {
            out.push(s[i]);
            i += 1;
        }
    }
    out
}

/// sacreBLEU's `13a` tokenizer (mteval-v13a), applied to one line.
///
/// Exactly as `Tokenizer13a.__call__`: removes `<skipped>`, joins `-\n`
/// hyphenation, turns other newlines into spaces, unescapes `&quot;`,
/// `&amp;`, `&lt;` and `&gt;` (in that order), splits off ASCII punctuation
/// except `'`, `-`, `.` and `,`, splits `.` and `,` unless they sit between
/// digits ("1,000" and "3.5" stay whole), splits `-` after a digit, and
/// finally joins the tokens with single spaces. Non-ASCII characters
/// (such as "’" or "—") are never split off.
///
/// ([`bleu`] additionally strips trailing whitespace before calling this, as
/// sacreBLEU's BLEU does.)
pub fn tokenize_13a(line: &str) -> String {
    let mut line = line.replace("<skipped>", "");
    line = line.replace("-\n", "");
    line = line.replace('\n', " ");
    if line.contains('&') {
        line = line.replace("&quot;", "\"");
        line = line.replace("&amp;", "&");
        line = line.replace("&lt;", "<");
        line = line.replace("&gt;", ">");
    }

    // ([\{-\~\[-\` -\&\(-\+\:-\@\/]) -> ' \1 ', on ' {line} '
    let mut s: Vec<char> = Vec::with_capacity(line.len() + 8);
    s.push(' ');
    for c in line.chars() {
        if is_13a_symbol(c) {
            s.extend([' ', c, ' ']);
        } else {
            s.push(c);
        }
    }
    s.push(' ');

    let is_digit = |c: char| c.is_ascii_digit();
    let is_period_comma = |c: char| c == '.' || c == ',';
    // ([^0-9])([\.,]) -> '\1 \2 '
    let s = sub_pairs(
        &s,
        |c| !is_digit(c),
        is_period_comma,
        |a, b, out| out.extend([a, ' ', b, ' ']),
    );
    // ([\.,])([^0-9]) -> ' \1 \2'
    let s = sub_pairs(
        &s,
        is_period_comma,
        |c| !is_digit(c),
        |a, b, out| out.extend([' ', a, ' ', b]),
    );
    // ([0-9])(-) -> '\1 \2 '
    let s = sub_pairs(
        &s,
        is_digit,
        |c| c == '-',
        |a, b, out| out.extend([a, ' ', b, ' ']),
    );

    let s: String = s.into_iter().collect();
    py_split(&s).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Agreement with sacreBLEU's published figures (2 decimals).
    const TOL: f64 = 0.01;

    fn close(got: f64, want: f64, what: &str) {
        assert!(
            (got - want).abs() < TOL,
            "{what}: got {got}, sacreBLEU {want}"
        );
    }

    #[test]
    fn tokenizer_13a_cases() {
        // (input, sacrebleu Tokenizer13a()(input))
        let cases: &[(&str, &str)] = &[
            ("", ""),
            ("   ", ""),
            ("Hello, world.", "Hello , world ."),
            (
                "It cost $1,000.50 (about 3.5%).",
                "It cost $ 1,000.50 ( about 3.5 % ) .",
            ),
            ("Don't stop-gap: e-mail me!", "Don't stop-gap : e-mail me !"),
            ("1990-2000", "1990 - 2000"),
            ("a-1", "a-1"),
            ("&quot;Yes&quot; &amp; &lt;no&gt;", "\" Yes \" & < no >"),
            ("&amp;quot;", "& quot ;"),
            ("&amp;lt;", "<"),
            ("well-\nknown", "wellknown"),
            ("line\none", "line one"),
            ("<skipped>x<skipped>", "x"),
            ("Zaporizhzhia’s plant — shut", "Zaporizhzhia’s plant — shut"),
            ("U.S. forces", "U . S . forces"),
            ("a.., b", "a . . , b"),
            ("x..,y", "x . . , y"),
            ("3.5.", "3.5 ."),
            (".5 and 5.", ". 5 and 5 ."),
            (
                "a/b\\c|d~e{f}g[h]i^j_k`l",
                "a / b \\ c | d ~ e { f } g [ h ] i ^ j _ k ` l",
            ),
            ("tab\there\u{a0}nbsp\u{1c}fs", "tab here nbsp fs"),
            ("«quoted» “smart”", "«quoted» “smart”"),
        ];
        for &(input, want) in cases {
            assert_eq!(tokenize_13a(input), want, "input {input:?}");
        }
    }

    #[test]
    fn identical_corpora_score_100() {
        let corpora: &[&[&str]] = &[
            &["The reactor was shut down on Tuesday evening."],
            &[
                "Ukraine says the plant is safe.",
                "Prices rose by 3.5 percent in May, the bureau said.",
                "Hi.",
            ],
        ];
        for refs in corpora {
            close(chrf2(refs, refs), 100.0, "chrF2");
            close(bleu(refs, refs), 100.0, "BLEU");
        }
    }

    #[test]
    fn identical_but_shorter_than_four_tokens_has_zero_bleu() {
        // eff:no — without any 4-gram the 4-gram precision is 0 (sacreBLEU: 0.0).
        let refs = ["Hello world", "Yes"];
        assert_eq!(bleu(&refs, &refs), 0.0);
        close(chrf2(&refs, &refs), 100.0, "chrF2");
    }

    #[test]
    fn empty_input_and_empty_hypotheses_score_zero() {
        let cases: &[(&[&str], &[&str])] = &[
            (&[], &[]),
            (&[""], &["The reactor was shut down."]),
            (&["", "  "], &["A reference.", "Another one."]),
            (&["Something."], &[""]),
            (&[""], &[""]),
            (&["completely unrelated"], &["XYZ QQQ"]),
        ];
        for &(hyps, refs) in cases {
            let s = score(hyps, refs);
            assert_eq!(s.chrf2, 0.0, "chrF2 of {hyps:?} vs {refs:?}");
            assert_eq!(s.bleu, 0.0, "BLEU of {hyps:?} vs {refs:?}");
            assert_eq!(s.sentences, hyps.len());
        }
    }

    #[test]
    fn mismatched_lengths_do_not_panic() {
        let s = score(&["a b c d e"], &["a b c d e", "extra"]);
        assert_eq!(s.sentences, 1);
        close(s.bleu, 100.0, "BLEU");
    }

    /// Small corpora with figures from sacreBLEU 2.6.0
    /// (`corpus_chrf(h, [r]).score`, `corpus_bleu(h, [r]).score`).
    #[test]
    fn small_corpora_match_sacrebleu() {
        struct Case {
            name: &'static str,
            hyps: &'static [&'static str],
            refs: &'static [&'static str],
            chrf2: f64,
            bleu: f64,
        }
        let cases = [
            Case {
                name: "single sentence",
                hyps: &["The cat sat on a mat near the door."],
                refs: &["The cat was sitting on the mat by the door."],
                chrf2: CHRF_SINGLE,
                bleu: BLEU_SINGLE,
            },
            Case {
                name: "no 3- or 4-gram matches (exp smoothing: 100.0/16.7/10.0/6.2)",
                hyps: &["the minister said yesterday that prices rise"],
                refs: &["yesterday prices said the minister rise that"],
                chrf2: CHRF_SMOOTH,
                bleu: BLEU_SMOOTH,
            },
            Case {
                name: "short hypothesis (brevity penalty)",
                hyps: &["The government fell.", "Kyiv"],
                refs: &[
                    "The Dutch government fell on Friday after talks on migration collapsed.",
                    "Kyiv responded within hours.",
                ],
                chrf2: CHRF_SHORT,
                bleu: BLEU_SHORT,
            },
            Case {
                name: "all identical",
                hyps: &[
                    "Ukraine says the plant is safe.",
                    "Prices rose by 3.5 percent in May.",
                ],
                refs: &[
                    "Ukraine says the plant is safe.",
                    "Prices rose by 3.5 percent in May.",
                ],
                chrf2: 100.0,
                bleu: 100.000_000_000_000_04,
            },
        ];
        for c in &cases {
            close(chrf2(c.hyps, c.refs), c.chrf2, c.name);
            close(bleu(c.hyps, c.refs), c.bleu, c.name);
        }
    }

    const CHRF_SINGLE: f64 = 36.590085627941676;
    const BLEU_SINGLE: f64 = 19.331263581394154;
    const CHRF_SMOOTH: f64 = 65.06022829552242;
    const BLEU_SMOOTH: f64 = 17.965205598154213;
    const CHRF_SHORT: f64 = 20.75401980562557;
    const BLEU_SHORT: f64 = 3.4465369119284954;

    #[test]
    fn corpus_score_is_not_mean_of_sentence_scores() {
        let hyps = ["the cat sat on the mat today", "x"];
        let refs = [
            "the cat sat on the mat today",
            "completely different words here",
        ];
        let mean = (chrf2(&hyps[..1], &refs[..1]) + chrf2(&hyps[1..], &refs[1..])) / 2.0;
        assert!((chrf2(&hyps, &refs) - mean).abs() > 1.0);
        // ...and does not depend on the order of the pairs.
        let rh = [hyps[1], hyps[0]];
        let rr = [refs[1], refs[0]];
        assert_eq!(chrf2(&hyps, &refs), chrf2(&rh, &rr));
        assert_eq!(bleu(&hyps, &refs), bleu(&rh, &rr));
    }

    #[test]
    fn signatures_name_the_defaults() {
        assert!(CHRF_SIGNATURE.contains("nc:6|nw:0|space:no"));
        assert!(BLEU_SIGNATURE.contains("tok:13a|smooth:exp"));
    }
}
