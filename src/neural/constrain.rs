//! Glossary-constrained greedy decoding over any step-wise model.
//!
//! "The glossary is law": every glossary term of a sentence must come out of
//! the neural model exactly as the glossary renders it. This module holds the
//! decoding loop that makes it so. It knows nothing of fxtranslate: the model
//! is anything implementing [`StepModel`] (logits for the next target token,
//! given the previous one), and a term is a list of target token sequences
//! that render it ([`Term`]). Tests drive it with a scripted fake model.
//!
//! # The algorithm
//!
//! Decoding is greedy: one token per step, `pos` counting from 0, until `eos`
//! or `max_len` tokens. Each step is in one of three modes.
//!
//! - **Free.** Argmax over the logits (ties go to the lowest id, NaN never
//!   beats a number). While terms are unmet, the first token of each of their
//!   alternatives gets [`Settings::bonus`] added to its logit, and `eos` may
//!   not win. If the chosen token is the first token of alternatives of an
//!   unmet term (the lowest-numbered such term), that term is *in progress*.
//! - **In progress.** The next token is forced along the term's alternatives
//!   still consistent with what was emitted; when they disagree, the model's
//!   logits choose among their next tokens. When an alternative is complete
//!   the term is met and decoding is free again; if one alternative is a
//!   prefix of another ("Putin" / "Putin 's") the shorter one completes first
//!   and the model is then free to add the "'s" itself.
//! - **Tight.** When the remaining budget (`max_len` minus tokens emitted) is
//!   exactly what the unmet terms need (the length of each one's shortest
//!   alternative), the first unmet term in term order is forced to start now:
//!   its first token is chosen by the logits among its alternatives' first
//!   tokens, then it is in progress. Terms are placed rather than lost at the
//!   length cap.
//!
//! A term is also met when one of its alternatives appears at the end of the
//! output without the term having been in progress, e.g. inside the forced
//! tokens of another term. A stretch of output counts for one term only, so
//! two identical terms (one per occurrence in the source) need two
//! placements, met in term order.
//!
//! # Budget
//!
//! The decoder keeps one invariant: the tokens the unmet terms still need fit
//! in the remaining budget. At every step, while they do not (only possible
//! at the start, when `max_len` is too small for all terms), the unmet term
//! with the longest shortest alternative (ties: the last one) is dropped: it
//! no longer gets the bonus, is never started or forced, and no longer blocks
//! `eos`; it ends in [`Decoded::missing`] unless it happens to appear anyway.
//! An alternative that would no longer fit (with the other terms' needs) is
//! neither given the bonus nor started nor continued; so the output never
//! exceeds `max_len` tokens, every term is placed whenever the shortest
//! alternatives of all terms fit in `max_len` together, and since every step
//! emits a token or stops, decoding always terminates.
//!
//! # Edge cases
//!
//! - A term with no non-empty alternative cannot be placed: it is missing
//!   from the start and never blocks `eos`. Alternatives containing `eos` are
//!   ignored likewise (they could not be emitted).
//! - Token ids outside the logits vector have no score: they never win a
//!   free step, and lose to any scored token among forced choices.
//! - The model is never asked for position `max_len`: when `max_len` tokens
//!   are out, decoding stops with [`Decoded::hit_max_len`] set.
//! - An empty logits vector (or, with `eos` blocked, nothing but `eos` to
//!   choose) in a free step ends decoding as if `eos` had been chosen.

use std::ops::Range;

/// A model driven one target token at a time.
pub trait StepModel {
    /// Logits over the target vocabulary for position `pos`, after feeding `prev`
    /// (the first call gets `pos == 0` and `prev == Settings::start`).
    fn step(&mut self, prev: u32, pos: usize) -> Vec<f32>;
}

/// One glossary term to place: each alternative is a target token sequence
/// that renders it (e.g. the tokenization of "Putin", of "Putin's", of the
/// capitalised form).
///
/// An empty `alternatives` (or only empty sequences) is a term that cannot be
/// placed. Pass a term once per occurrence in the source sentence.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Term {
    /// Token sequences rendering the term, in the caller's order of
    /// preference (the order only breaks ties between identical sequences).
    pub alternatives: Vec<Vec<u32>>,
}

impl Term {
    /// A term rendered by any of `alternatives`.
    pub fn new(alternatives: Vec<Vec<u32>>) -> Self {
        Term { alternatives }
    }
}

/// Decoding settings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Settings {
    /// Token fed as `prev` at position 0.
    pub start: u32,
    /// End-of-sentence token; never part of [`Decoded::tokens`].
    pub eos: u32,
    /// Most tokens emitted (without `eos`).
    pub max_len: usize,
    /// Added to the logit of each first token of an unmet term.
    pub bonus: f32,
}

/// How a term came to be placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// Every token of the term was the plain argmax of the model's logits at
    /// its step (no bonus, no `eos` blocking, no forcing).
    Free,
    /// At least one token was not the model's plain argmax: it was forced,
    /// or won thanks to the bonus or to `eos` being blocked.
    Forced,
}

/// A term placed in the output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placed {
    /// Index into the `terms` given to [`decode`].
    pub term: usize,
    /// Index into that term's `alternatives`.
    pub alternative: usize,
    /// Where it is in [`Decoded::tokens`].
    pub tokens: Range<usize>,
    /// Whether the model chose every token itself.
    pub how: Placement,
}

/// The result of [`decode`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// Output tokens, without `eos`.
    pub tokens: Vec<u32>,
    /// Terms placed, in the order they were met.
    pub placed: Vec<Placed>,
    /// Indices of the terms never placed, ascending.
    pub missing: Vec<usize>,
    /// Decoding stopped because `max_len` tokens were out, not at `eos`.
    pub hit_max_len: bool,
}

/// Greedy decoding of `model` with every term of `terms` placed if it fits
/// in `settings.max_len`. See the [module docs](self) for the algorithm.
pub fn decode(model: &mut dyn StepModel, terms: &[Term], settings: &Settings) -> Decoded {
    Decoder::new(terms, settings).run(model)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Status {
    /// Still to be placed; gets the bonus and blocks `eos`.
    Active,
    Met,
    /// Cannot be placed (no usable alternative, or no room): only a chance
    /// appearance in the output can still meet it.
    Dropped,
}

struct TermState<'a> {
    /// The usable alternatives, with their index in `Term::alternatives`.
    alts: Vec<(usize, &'a [u32])>,
    /// Length of the shortest usable alternative.
    shortest: usize,
    status: Status,
}

/// The term being forced.
struct Progress {
    term: usize,
    /// Position of its first token in the output.
    start: usize,
    /// Positions in `TermState::alts` of the alternatives consistent with
    /// the output so far, ascending.
    alts: Vec<usize>,
}

struct Decoder<'a> {
    settings: &'a Settings,
    terms: Vec<TermState<'a>>,
    tokens: Vec<u32>,
    /// Per output token: was it the plain argmax of its step?
    free: Vec<bool>,
    placed: Vec<Placed>,
    progress: Option<Progress>,
}

/// The id with the highest score: ties go to the lowest id, and a missing or
/// NaN score ranks below every number. `None` if `ids` is empty.
fn argmax(ids: impl IntoIterator<Item = u32>, score: impl Fn(u32) -> Option<f32>) -> Option<u32> {
    let rank = |id: u32| score(id).filter(|s| !s.is_nan());
    let mut best: Option<(u32, Option<f32>)> = None;
    for id in ids {
        let r = rank(id);
        let better = match best {
            None => true,
            Some((b, br)) => match (r, br) {
                (Some(s), Some(bs)) => s > bs || (s == bs && id < b),
                (Some(_), None) => true,
                (None, Some(_)) => false,
                (None, None) => id < b,
            },
        };
        if better {
            best = Some((id, r));
        }
    }
    best.map(|(id, _)| id)
}

fn logit(logits: &[f32], id: u32) -> Option<f32> {
    logits.get(id as usize).copied()
}

impl<'a> Decoder<'a> {
    fn new(terms: &'a [Term], settings: &'a Settings) -> Self {
        let terms = terms
            .iter()
            .map(|term| {
                let alts: Vec<(usize, &[u32])> = term
                    .alternatives
                    .iter()
                    .enumerate()
                    .filter(|(_, a)| !a.is_empty() && !a.contains(&settings.eos))
                    .map(|(i, a)| (i, a.as_slice()))
                    .collect();
                let shortest = alts.iter().map(|(_, a)| a.len()).min().unwrap_or(0);
                let status = if alts.is_empty() {
                    Status::Dropped
                } else {
                    Status::Active
                };
                TermState {
                    alts,
                    shortest,
                    status,
                }
            })
            .collect();
        Decoder {
            settings,
            terms,
            tokens: Vec::new(),
            free: Vec::new(),
            placed: Vec::new(),
            progress: None,
        }
    }

    fn run(mut self, model: &mut dyn StepModel) -> Decoded {
        let mut prev = self.settings.start;
        let hit_max_len = loop {
            let remaining = self.settings.max_len.saturating_sub(self.tokens.len());
            if remaining == 0 {
                break true;
            }
            self.drop_unfittable(remaining);
            let logits = model.step(prev, self.tokens.len());
            let Some(token) = self.choose(&logits, remaining) else {
                break false;
            };
            let plain = argmax(0..logits.len() as u32, |id| logit(&logits, id));
            self.tokens.push(token);
            self.free.push(plain == Some(token));
            self.advance();
            self.meet_by_appearance();
            prev = token;
        };
        let missing = (0..self.terms.len())
            .filter(|&t| self.terms[t].status != Status::Met)
            .collect();
        Decoded {
            tokens: self.tokens,
            placed: self.placed,
            missing,
            hit_max_len,
        }
    }

    /// Tokens the active terms other than `except` still need at least.
    fn need(&self, except: Option<usize>) -> usize {
        let mut need = 0;
        for (t, term) in self.terms.iter().enumerate() {
            if term.status != Status::Active || Some(t) == except {
                continue;
            }
            need += match &self.progress {
                Some(p) if p.term == t => {
                    let done = self.tokens.len() - p.start;
                    p.alts
                        .iter()
                        .map(|&a| term.alts[a].1.len() - done)
                        .min()
                        .unwrap_or(0)
                }
                _ => term.shortest,
            };
        }
        need
    }

    /// Drops terms until what the active terms need fits in `remaining`.
    fn drop_unfittable(&mut self, remaining: usize) {
        while self.need(None) > remaining {
            let in_progress = self.progress.as_ref().map(|p| p.term);
            let victim = (0..self.terms.len())
                .filter(|&t| self.terms[t].status == Status::Active && Some(t) != in_progress)
                .max_by_key(|&t| (self.terms[t].shortest, t))
                .or(in_progress);
            let Some(victim) = victim else { return };
            self.terms[victim].status = Status::Dropped;
            if Some(victim) == in_progress {
                self.progress = None;
            }
        }
    }

    /// Positions in `alts` of the alternatives of active term `t` that could
    /// start now and still leave room for the other active terms.
    fn fitting_starts(&self, t: usize, remaining: usize) -> Vec<usize> {
        let term = &self.terms[t];
        if term.status != Status::Active {
            return Vec::new();
        }
        let others = self.need(Some(t));
        (0..term.alts.len())
            .filter(|&a| term.alts[a].1.len() + others <= remaining)
            .collect()
    }

    /// The token of this step, or `None` to stop (`eos`). Sets `progress`
    /// when a term starts; `advance` narrows it once the token is out.
    fn choose(&mut self, logits: &[f32], remaining: usize) -> Option<u32> {
        // In progress: restricted to the next tokens of the alternatives still
        // consistent (and fitting) with the output.
        if let Some(p) = &self.progress {
            let term = &self.terms[p.term];
            let done = self.tokens.len() - p.start;
            let others = self.need(Some(p.term));
            let next: Vec<u32> = p
                .alts
                .iter()
                .map(|&a| term.alts[a].1)
                .filter(|alt| alt.len() - done + others <= remaining)
                .map(|alt| alt[done])
                .collect();
            return argmax(next, |id| logit(logits, id));
        }

        // Tight: the first active term must start now.
        let need = self.need(None);
        if need > 0 && need == remaining {
            let t = (0..self.terms.len()).find(|&t| self.terms[t].status == Status::Active)?;
            let starts = self.fitting_starts(t, remaining);
            let firsts = starts.iter().map(|&a| self.terms[t].alts[a].1[0]);
            let token = argmax(firsts, |id| logit(logits, id))?;
            self.start(t, token, &starts);
            return Some(token);
        }

        // Free: argmax with the bonus, eos blocked while terms are active.
        let starts: Vec<Vec<usize>> = (0..self.terms.len())
            .map(|t| self.fitting_starts(t, remaining))
            .collect();
        let mut boosted: Vec<u32> = starts
            .iter()
            .enumerate()
            .flat_map(|(t, s)| s.iter().map(move |&a| (t, a)))
            .map(|(t, a)| self.terms[t].alts[a].1[0])
            .collect();
        boosted.sort_unstable();
        boosted.dedup();
        let eos = self.settings.eos;
        let block_eos = self.terms.iter().any(|t| t.status == Status::Active);
        let ids = (0..logits.len() as u32).filter(|&id| !(block_eos && id == eos));
        let bonus = self.settings.bonus;
        let token = argmax(ids, |id| {
            let l = logit(logits, id)?;
            Some(if boosted.binary_search(&id).is_ok() {
                l + bonus
            } else {
                l
            })
        })?;
        if token == eos {
            return None;
        }
        if let Some(t) = (0..self.terms.len()).find(|&t| {
            starts[t]
                .iter()
                .any(|&a| self.terms[t].alts[a].1[0] == token)
        }) {
            self.start(t, token, &starts[t]);
        }
        Some(token)
    }

    /// Puts term `t` in progress with those of `starts` beginning with `token`.
    fn start(&mut self, t: usize, token: u32, starts: &[usize]) {
        let alts = starts
            .iter()
            .copied()
            .filter(|&a| self.terms[t].alts[a].1[0] == token)
            .collect();
        self.progress = Some(Progress {
            term: t,
            start: self.tokens.len(),
            alts,
        });
    }

    /// After a token is out: narrows the term in progress to the alternatives
    /// consistent with it, and meets the term if one is complete.
    fn advance(&mut self) {
        let Some(p) = &mut self.progress else { return };
        let term = &self.terms[p.term];
        let done = self.tokens.len() - p.start;
        let last = self.tokens[self.tokens.len() - 1];
        p.alts
            .retain(|&a| term.alts[a].1.len() >= done && term.alts[a].1[done - 1] == last);
        let complete = p.alts.iter().find(|&&a| term.alts[a].1.len() == done);
        if let Some(&a) = complete {
            let (t, start) = (p.term, p.start);
            self.meet(t, term.alts[a].0, start..self.tokens.len());
            self.progress = None;
        } else if p.alts.is_empty() {
            // Cannot happen: the token was one of the alternatives' next tokens.
            self.progress = None;
        }
    }

    /// Meets every term (not in progress) one of whose alternatives ends the
    /// output, unless that stretch overlaps one that counts for another term.
    fn meet_by_appearance(&mut self) {
        let end = self.tokens.len();
        let in_progress = self.progress.as_ref().map(|p| p.term);
        for t in 0..self.terms.len() {
            if self.terms[t].status == Status::Met || Some(t) == in_progress {
                continue;
            }
            let found = self.terms[t].alts.iter().find_map(|&(i, alt)| {
                let range = end.checked_sub(alt.len())?..end;
                // A stretch of output renders one term: a term inside
                // another's tokens (*Zelensky* in *Volodymyr Zelensky*) is
                // another mention and needs its own placement.
                let taken = self
                    .placed
                    .iter()
                    .any(|p| p.tokens.start < range.end && range.start < p.tokens.end);
                (!taken && self.tokens[range.clone()] == *alt).then_some((i, range))
            });
            if let Some((alternative, range)) = found {
                self.meet(t, alternative, range);
            }
        }
    }

    fn meet(&mut self, term: usize, alternative: usize, tokens: Range<usize>) {
        let how = if self.free[tokens.clone()].iter().all(|&f| f) {
            Placement::Free
        } else {
            Placement::Forced
        };
        self.terms[term].status = Status::Met;
        self.placed.push(Placed {
            term,
            alternative,
            tokens,
            how,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const START: u32 = 0;
    const EOS: u32 = 1;
    const VOCAB: usize = 30;

    /// A scripted model: at position `pos`, every token scores 0 except those
    /// listed in `rows[pos]`; past the script, `eos` scores 10. Records every
    /// call as `(prev, pos)`.
    struct Script {
        rows: Vec<Vec<(u32, f32)>>,
        calls: Vec<(u32, usize)>,
    }

    impl Script {
        fn new(rows: &[&[(u32, f32)]]) -> Self {
            Script {
                rows: rows.iter().map(|r| r.to_vec()).collect(),
                calls: Vec::new(),
            }
        }
    }

    impl StepModel for Script {
        fn step(&mut self, prev: u32, pos: usize) -> Vec<f32> {
            self.calls.push((prev, pos));
            let mut logits = vec![0.0; VOCAB];
            match self.rows.get(pos) {
                Some(row) => row.iter().for_each(|&(id, s)| logits[id as usize] = s),
                None => logits[EOS as usize] = 10.0,
            }
            logits
        }
    }

    /// A model given as a function of `(prev, pos)`.
    struct Func<F>(F);

    impl<F: FnMut(u32, usize) -> Vec<f32>> StepModel for Func<F> {
        fn step(&mut self, prev: u32, pos: usize) -> Vec<f32> {
            (self.0)(prev, pos)
        }
    }

    fn settings(max_len: usize, bonus: f32) -> Settings {
        Settings {
            start: START,
            eos: EOS,
            max_len,
            bonus,
        }
    }

    fn term(alternatives: &[&[u32]]) -> Term {
        Term::new(alternatives.iter().map(|a| a.to_vec()).collect())
    }

    fn placed(term: usize, alternative: usize, tokens: Range<usize>, how: Placement) -> Placed {
        Placed {
            term,
            alternative,
            tokens,
            how,
        }
    }

    #[test]
    fn argmax_ties_go_to_the_lowest_id_and_nan_never_wins() {
        let logits = [1.0, f32::NAN, 3.0, 3.0, f32::NAN];
        assert_eq!(argmax(0..5, |id| logit(&logits, id)), Some(2));
        let logits = [f32::NAN, f32::NEG_INFINITY];
        assert_eq!(argmax(0..2, |id| logit(&logits, id)), Some(1));
        assert_eq!(argmax(0..9, |id| logit(&logits, id)), Some(1));
        assert_eq!(argmax([], |id| logit(&logits, id)), None);
    }

    #[test]
    fn without_terms_decoding_is_plain_greedy() {
        let mut model = Script::new(&[&[(5, 2.0), (6, 2.0)], &[(7, 1.0), (8, f32::NAN)]]);
        let out = decode(&mut model, &[], &settings(10, 5.0));
        assert_eq!(out.tokens, [5, 7]);
        assert_eq!(out.placed, Vec::<Placed>::new());
        assert_eq!(out.missing, Vec::<usize>::new());
        assert!(!out.hit_max_len);
        assert_eq!(model.calls, [(START, 0), (5, 1), (7, 2)]);
    }

    #[test]
    fn the_rest_of_a_started_term_is_forced() {
        let mut model = Script::new(&[&[(7, 5.0)], &[(3, 5.0)], &[(4, 5.0)]]);
        let out = decode(&mut model, &[term(&[&[7, 8, 9]])], &settings(10, 0.0));
        assert_eq!(out.tokens, [7, 8, 9]);
        assert_eq!(out.placed, [placed(0, 0, 0..3, Placement::Forced)]);
        assert_eq!(out.missing, Vec::<usize>::new());
        assert!(!out.hit_max_len);
        assert_eq!(model.calls, [(START, 0), (7, 1), (8, 2), (9, 3)]);
    }

    #[test]
    fn the_bonus_lifts_a_second_best_first_token() {
        let rows: &[&[(u32, f32)]] = &[&[(4, 2.0), (5, 1.0)], &[(EOS, 3.0), (5, 1.0)]];
        let terms = [term(&[&[5]])];

        // Without the bonus the model's favourite wins; the term comes next
        // only because eos is blocked.
        let out = decode(&mut Script::new(rows), &terms, &settings(10, 0.0));
        assert_eq!(out.tokens, [4, 5]);
        assert_eq!(out.placed, [placed(0, 0, 1..2, Placement::Forced)]);

        // With it the term's first token wins at once, and eos then follows.
        let out = decode(&mut Script::new(rows), &terms, &settings(10, 5.0));
        assert_eq!(out.tokens, [5]);
        assert_eq!(out.placed, [placed(0, 0, 0..1, Placement::Forced)]);
        assert_eq!(out.missing, Vec::<usize>::new());
    }

    #[test]
    fn eos_waits_for_the_unmet_terms() {
        // The model wants to stop at step 1; the term comes first.
        let mut model = Script::new(&[
            &[(3, 5.0)],
            &[(EOS, 10.0), (6, 2.0)],
            &[(EOS, 10.0), (5, 2.0)],
        ]);
        let out = decode(&mut model, &[term(&[&[6, 7]])], &settings(10, 0.0));
        assert_eq!(out.tokens, [3, 6, 7]);
        assert_eq!(out.placed, [placed(0, 0, 1..3, Placement::Forced)]);
        assert!(!out.hit_max_len);
        assert_eq!(model.calls, [(START, 0), (3, 1), (6, 2), (7, 3)]);
    }

    #[test]
    fn the_logits_choose_between_alternatives() {
        let terms = [term(&[&[10, 11], &[10, 12]])];
        // The model prefers 4 at step 1, but only 11 and 12 may come; 12
        // scores higher.
        let mut model = Script::new(&[&[(10, 5.0)], &[(4, 9.0), (11, 2.0), (12, 3.0)]]);
        let out = decode(&mut model, &terms, &settings(10, 0.0));
        assert_eq!(out.tokens, [10, 12]);
        assert_eq!(out.placed, [placed(0, 1, 0..2, Placement::Forced)]);

        // A model that itself wants 11 after 10 gets the first alternative,
        // freely.
        let mut model = Func(|prev, pos| {
            let mut logits = vec![0.0; VOCAB];
            let best = match (prev, pos) {
                (START, 0) => 10,
                (10, _) => 11,
                _ => EOS,
            };
            logits[best as usize] = 5.0;
            logits
        });
        let out = decode(&mut model, &terms, &settings(10, 0.0));
        assert_eq!(out.tokens, [10, 11]);
        assert_eq!(out.placed, [placed(0, 0, 0..2, Placement::Free)]);
    }

    #[test]
    fn the_shorter_of_two_prefix_alternatives_completes_the_term() {
        // "Putin" = [20], "Putin 's" = [20, 21], in either order.
        for (terms, alternative) in [
            (term(&[&[20], &[20, 21]]), 0),
            (term(&[&[20, 21], &[20]]), 1),
        ] {
            // After "Putin" decoding is free: the model adds the "'s" itself...
            let mut model = Script::new(&[&[(20, 5.0)], &[(21, 5.0)]]);
            let out = decode(&mut model, std::slice::from_ref(&terms), &settings(10, 0.0));
            assert_eq!(out.tokens, [20, 21]);
            assert_eq!(out.placed, [placed(0, alternative, 0..1, Placement::Free)]);

            // ...or does not.
            let mut model = Script::new(&[&[(20, 5.0)], &[(3, 5.0)]]);
            let out = decode(&mut model, std::slice::from_ref(&terms), &settings(10, 0.0));
            assert_eq!(out.tokens, [20, 3]);
            assert_eq!(out.placed, [placed(0, alternative, 0..1, Placement::Free)]);
        }
    }

    #[test]
    fn a_term_that_cannot_be_placed_is_missing_and_does_not_block_eos() {
        let terms = [term(&[]), term(&[&[]]), term(&[&[5, EOS]])];
        let mut model = Script::new(&[&[(3, 5.0)]]);
        let out = decode(&mut model, &terms, &settings(10, 5.0));
        assert_eq!(out.tokens, [3]);
        assert_eq!(out.placed, Vec::<Placed>::new());
        assert_eq!(out.missing, [0, 1, 2]);
        assert!(!out.hit_max_len);
    }

    #[test]
    fn terms_are_forced_in_before_the_length_cap() {
        // The model never wants the terms; at step 2 the budget (3) is just
        // what they need: term 0 starts, then term 1.
        let rows: &[&[(u32, f32)]] = &[
            &[(3, 5.0)],
            &[(4, 5.0)],
            &[(5, 5.0)],
            &[(6, 5.0)],
            &[(7, 5.0)],
        ];
        let terms = [term(&[&[10, 11]]), term(&[&[12]])];
        let out = decode(&mut Script::new(rows), &terms, &settings(5, 1.0));
        assert_eq!(out.tokens, [3, 4, 10, 11, 12]);
        assert_eq!(
            out.placed,
            [
                placed(0, 0, 2..4, Placement::Forced),
                placed(1, 0, 4..5, Placement::Forced),
            ]
        );
        assert_eq!(out.missing, Vec::<usize>::new());
        assert!(out.hit_max_len);
    }

    #[test]
    fn a_term_longer_than_the_budget_is_missing() {
        let rows: &[&[(u32, f32)]] = &[&[(3, 5.0)], &[(4, 5.0)], &[(5, 5.0)], &[(6, 5.0)]];
        let terms = [term(&[&[10, 11, 12, 13]]), term(&[&[14]])];
        let mut model = Script::new(rows);
        let out = decode(&mut model, &terms, &settings(3, 1.0));
        assert_eq!(out.tokens, [3, 4, 14]);
        assert_eq!(out.placed, [placed(1, 0, 2..3, Placement::Forced)]);
        assert_eq!(out.missing, [0]);
        assert!(out.hit_max_len);
        assert_eq!(model.calls.len(), 3);

        // No room at all: the model is not even asked.
        let mut model = Script::new(rows);
        let out = decode(&mut model, &terms, &settings(0, 1.0));
        assert_eq!(out.tokens, Vec::<u32>::new());
        assert_eq!(out.missing, [0, 1]);
        assert!(out.hit_max_len);
        assert_eq!(model.calls, Vec::<(u32, usize)>::new());
    }

    #[test]
    fn an_alternative_that_no_longer_fits_is_not_started() {
        // At step 0 the long alternative does not fit in max_len 2: the
        // model's 11 is just a token, and the short alternative is forced in.
        let terms = [term(&[&[11, 12, 13], &[10]])];
        let mut model = Script::new(&[&[(11, 5.0)], &[(11, 5.0)]]);
        let out = decode(&mut model, &terms, &settings(2, 1.0));
        assert_eq!(out.tokens, [11, 10]);
        assert_eq!(out.placed, [placed(0, 1, 1..2, Placement::Forced)]);
        assert!(out.hit_max_len);

        // With room, the model's 11 starts the long one.
        let mut model = Script::new(&[&[(11, 5.0)], &[(11, 5.0)]]);
        let out = decode(&mut model, &terms, &settings(5, 1.0));
        assert_eq!(out.tokens, [11, 12, 13]);
        assert_eq!(out.placed, [placed(0, 0, 0..3, Placement::Forced)]);
        assert!(!out.hit_max_len);
    }

    #[test]
    fn a_term_given_twice_is_placed_twice() {
        let terms = [term(&[&[9]]), term(&[&[9]])];
        // The model says 9 once, then wants to stop; eos waits for the second.
        let mut model = Script::new(&[&[(9, 5.0)], &[(3, 5.0)], &[(EOS, 5.0), (9, 2.0)]]);
        let out = decode(&mut model, &terms, &settings(10, 0.0));
        assert_eq!(out.tokens, [9, 3, 9]);
        assert_eq!(
            out.placed,
            [
                placed(0, 0, 0..1, Placement::Free),
                placed(1, 0, 2..3, Placement::Forced),
            ]
        );
        assert_eq!(out.missing, Vec::<usize>::new());

        // Same with a multi-token term appearing inside nothing else.
        let terms = [term(&[&[7, 8]]), term(&[&[7, 8]])];
        let mut model = Script::new(&[&[(7, 5.0)], &[(8, 5.0)], &[(EOS, 5.0), (7, 2.0)]]);
        let out = decode(&mut model, &terms, &settings(10, 0.0));
        assert_eq!(out.tokens, [7, 8, 7, 8]);
        assert_eq!(
            out.placed,
            [
                placed(0, 0, 0..2, Placement::Free),
                placed(1, 0, 2..4, Placement::Forced),
            ]
        );
    }

    #[test]
    fn a_term_the_model_produces_itself_is_free() {
        let mut model = Script::new(&[&[(4, 5.0)], &[(10, 5.0)], &[(11, 5.0)], &[(12, 5.0)]]);
        let out = decode(&mut model, &[term(&[&[10, 11, 12]])], &settings(10, 3.0));
        assert_eq!(out.tokens, [4, 10, 11, 12]);
        assert_eq!(out.placed, [placed(0, 0, 1..4, Placement::Free)]);
        assert_eq!(out.missing, Vec::<usize>::new());
        assert!(!out.hit_max_len);
    }

    #[test]
    fn a_term_inside_another_terms_tokens_needs_its_own_placement() {
        // Term 1 = [11, 12] is inside term 0 = [10, 11, 12] as forced: that
        // stretch renders term 0, so term 1 is forced in later, when the
        // length budget is just enough for it.
        let terms = [term(&[&[10, 11, 12]]), term(&[&[11, 12]])];
        let mut model = Script::new(&[&[(10, 5.0)]]);
        let out = decode(&mut model, &terms, &settings(10, 0.0));
        assert_eq!(out.tokens, [10, 11, 12, 0, 0, 0, 0, 0, 11, 12]);
        assert_eq!(
            out.placed,
            [
                placed(0, 0, 0..3, Placement::Forced),
                placed(1, 0, 8..10, Placement::Forced),
            ]
        );
        assert_eq!(out.missing, Vec::<usize>::new());
    }

    #[test]
    fn decoding_is_deterministic() {
        // Ties everywhere: all scores equal, so the lowest allowed id wins.
        let mut model = Func(|_, _| vec![1.0; 8]);
        let terms = [term(&[&[6, 5]]), term(&[&[2]])];
        let first = decode(&mut model, &terms, &settings(6, 0.0));
        for _ in 0..3 {
            assert_eq!(decode(&mut model, &terms, &settings(6, 0.0)), first);
        }
        // Step 0: 0 (lowest id; eos blocked). Step 1: 0 again. Step 2: 0.
        // Step 3: budget 3 = need, term 0 forced (6, 5); step 5: term 1 (2).
        assert_eq!(first.tokens, [0, 0, 0, 6, 5, 2]);
        assert_eq!(
            first.placed,
            [
                placed(0, 0, 3..5, Placement::Forced),
                placed(1, 0, 5..6, Placement::Forced),
            ]
        );
        assert!(first.hit_max_len);
    }

    #[test]
    fn out_of_vocabulary_term_tokens_are_forced_at_the_cap() {
        // Token 50 has no logit: it never wins a free step but is forced in.
        let mut model = Script::new(&[&[(3, 5.0)], &[(4, 5.0)], &[(5, 5.0)]]);
        let out = decode(&mut model, &[term(&[&[50]])], &settings(3, 100.0));
        assert_eq!(out.tokens, [3, 4, 50]);
        assert_eq!(out.placed, [placed(0, 0, 2..3, Placement::Forced)]);
        assert!(out.hit_max_len);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 500, ..Default::default() })]

        /// Over arbitrary models and terms: the output fits `max_len`, every
        /// placement is its alternative verbatim at its own stretch, the
        /// terms are placed or missing, never both, and every term is placed
        /// when the shortest alternatives all fit.
        #[test]
        fn placements_are_exact_and_complete_when_they_fit(
            table in proptest::collection::vec(proptest::collection::vec(-5.0f32..5.0, 12), 1..40),
            alternatives in proptest::collection::vec(
                proptest::collection::vec(proptest::collection::vec(2u32..12, 0..4), 0..3),
                0..4,
            ),
            max_len in 0usize..12,
            bonus in 0.0f32..4.0,
        ) {
            let terms: Vec<Term> = alternatives.into_iter().map(Term::new).collect();
            let run = || {
                let mut model = Func(|prev: u32, pos: usize| {
                    table[(prev as usize * 7 + pos) % table.len()].clone()
                });
                decode(&mut model, &terms, &settings(max_len, bonus))
            };
            let out = run();
            proptest::prop_assert_eq!(&out, &run());
            proptest::prop_assert!(out.tokens.len() <= max_len);
            proptest::prop_assert!(!out.tokens.contains(&EOS));
            let mut met = vec![false; terms.len()];
            for (i, p) in out.placed.iter().enumerate() {
                let alt = &terms[p.term].alternatives[p.alternative];
                proptest::prop_assert_eq!(&out.tokens[p.tokens.clone()], alt.as_slice());
                proptest::prop_assert!(!met[p.term]);
                met[p.term] = true;
                proptest::prop_assert!(out.placed[..i].iter().all(|q| q.tokens != p.tokens));
            }
            let missing: Vec<usize> = (0..terms.len()).filter(|&t| !met[t]).collect();
            proptest::prop_assert_eq!(&out.missing, &missing);
            let shortest: Option<usize> = terms
                .iter()
                .map(|t| t.alternatives.iter().map(Vec::len).filter(|&n| n > 0).min())
                .sum();
            if let Some(need) = shortest
                && need <= max_len
            {
                proptest::prop_assert_eq!(out.missing, Vec::<usize>::new());
            }
        }
    }
}
