//! Segmentation: text → paragraphs → sentences → tokens, with Dutch rules.
//!
//! Takes the decoded input text; returns a [`Document`] whose spans are byte
//! ranges of that text. Each line is a paragraph (LF, CRLF and CR end lines;
//! blank lines are kept as empty paragraphs), or with `join_lines` each block
//! of lines between blank lines. Words come from Unicode word boundaries
//! (UAX #29, which keeps *1.000*, *3,5* and *zo’n* whole); Dutch abbreviations,
//! initials, citation markers and quotes are handled on top. Invariant:
//! sentences lie inside their paragraph, in order, without overlap, and cover
//! every non-whitespace character of it.

use serde::Serialize;
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// How to split the text into paragraphs.
#[derive(Debug, Clone, Copy, Default)]
pub struct SegmentOptions {
    /// Treat blocks of lines separated by blank lines as paragraphs (for
    /// hard-wrapped text). Off: every line is a paragraph, which keeps
    /// line-aligned files aligned.
    pub join_lines: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    /// Letters (with internal apostrophes: *zo’n*, *regio’s*).
    Word,
    /// Digits with internal separators: *1.000*, *3,5*, *19.30*, *3e*.
    Number,
    /// A word with its abbreviation period: *o.a.*, *dr.*, *J.*
    Abbreviation,
    /// A citation marker such as `[1]`.
    Citation,
    /// Anything else: punctuation, symbols (runs like `...` and `?!` are one token).
    Punct,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub span: Range<usize>,
    pub kind: TokenKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub span: Range<usize>,
    pub tokens: Vec<Token>,
}

impl Sentence {
    /// Byte offset of the first word or number (after opening quotes, dashes
    /// and brackets): where a capital letter is due.
    pub fn first_word_start(&self) -> Option<usize> {
        self.tokens
            .iter()
            .find(|t| !matches!(t.kind, TokenKind::Punct | TokenKind::Citation))
            .map(|t| t.span.start)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// The line (or block) without its line ending.
    pub span: Range<usize>,
    /// Empty for a blank line.
    pub sentences: Vec<Sentence>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Document {
    pub paragraphs: Vec<Paragraph>,
}

impl Document {
    pub fn sentences(&self) -> impl Iterator<Item = &Sentence> {
        self.paragraphs.iter().flat_map(|p| p.sentences.iter())
    }
}

/// Abbreviations that never end a sentence by their period: titles and
/// words followed by what they abbreviate (numbers, names, lowercase).
const ABBREVIATIONS: &[&str] = &[
    "o.a.", "bijv.", "bv.", "d.w.z.", "dhr.", "mevr.", "mw.", "mr.", "dr.", "drs.", "ir.", "ing.",
    "prof.", "nr.", "ca.", "m.b.t.", "i.p.v.", "t.o.v.", "i.v.m.", "n.a.v.", "m.n.", "z.g.",
    "zgn.", "resp.", "evt.", "incl.", "excl.", "blz.", "pag.", "vgl.", "afd.", "vs.", "a.s.",
    "m.i.", "o.m.", "t.a.v.", "t.g.v.", "v.a.", "v.d.", "v.chr.", "n.chr.", "mld.", "mln.", "mrd.",
    "gen.", "lt.", "kol.", "maj.", "kpt.", "ds.", "ong.", "ongev.", "mrs.", "ms.", "sen.", "st.",
];

/// Abbreviations that may close a sentence, and words that read as one
/// before a number (*jan.*, *jl.*): they end a sentence when a capital
/// follows (*Dat gebeurde vrijdag jl. Daarna …*, *Ik sprak met Jan. Hij …*).
const SENTENCE_FINAL_ABBREVIATIONS: &[&str] = &[
    "enz.", "etc.", "e.d.", "e.a.", "e.v.", "e.o.", "jl.", "j.l.", "jan.", "feb.", "febr.", "mrt.",
    "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "okt.", "nov.", "dec.",
];

fn is_abbreviation(word: &str) -> bool {
    let lower = format!("{}.", word.to_lowercase());
    // An acronym in capitals (VS, EU) is not the abbreviation vs. or eu.
    let acronym = word.chars().filter(|c| c.is_uppercase()).count() >= 2;
    (!acronym && ABBREVIATIONS.contains(&lower.as_str()))
        || SENTENCE_FINAL_ABBREVIATIONS.contains(&lower.as_str())
        // Internal periods: o.a, d.w.z, m.b.t, V.S and any other dotted abbreviation.
        || (word.contains('.') && word.split('.').all(|p| !p.is_empty() && p.chars().count() <= 4))
        // An initial: J. Smith.
        || (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
}

/// Can this abbreviation end a sentence (when the next word allows it)?
fn is_sentence_final_abbreviation(word_with_dot: &str) -> bool {
    SENTENCE_FINAL_ABBREVIATIONS.contains(&word_with_dot.to_lowercase().as_str())
        || is_dotted_acronym(word_with_dot)
}

/// A dotted acronym in capitals: *V.S.*, *J.F.* (initials look the same).
fn is_dotted_acronym(word_with_dot: &str) -> bool {
    let word = word_with_dot.trim_end_matches('.');
    word.contains('.')
        && word
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
}

/// Words that start Dutch sentences and never follow initials as a surname:
/// after a dotted acronym (*de V.S. Daar …* but *J.F. Kennedy*) only these
/// make a new sentence.
const SENTENCE_STARTERS: &[&str] = &[
    "de", "het", "een", "daar", "hier", "hij", "zij", "ze", "dit", "dat", "deze", "die", "er",
    "in", "op", "maar", "en", "ook", "toen", "nu", "dan", "volgens", "na", "met", "bij", "ik",
    "we", "wij", "u", "je", "jij", "men", "als", "omdat", "terwijl", "tijdens", "sinds", "daarna",
    "daarom", "dus", "want", "wat", "waarom", "hoe", "wie", "zo", "toch", "al", "nog", "vandaag",
    "gisteren", "morgen", "later", "eerder",
];

/// Split `text` into paragraphs, sentences and tokens.
pub fn segment(text: &str, opts: &SegmentOptions) -> Document {
    Document {
        paragraphs: paragraph_spans(text, opts)
            .into_iter()
            .map(|p| paragraph(text, p))
            .collect(),
    }
}

/// The spans of the paragraphs [`segment`] makes: the lines, or with
/// `join_lines` the blocks of lines between blank lines.
pub fn paragraph_spans(text: &str, opts: &SegmentOptions) -> Vec<Range<usize>> {
    let lines = line_spans(text);
    if !opts.join_lines {
        return lines;
    }
    let mut paragraphs = Vec::new();
    let mut block: Option<Range<usize>> = None;
    for line in lines {
        if text[line.clone()].trim().is_empty() {
            if let Some(b) = block.take() {
                paragraphs.push(b);
            }
        } else {
            block = Some(match block {
                Some(b) => b.start..line.end,
                None => line,
            });
        }
    }
    paragraphs.extend(block);
    paragraphs
}

/// The lines of `text` without their line endings (LF, CRLF or CR). A final
/// line ending does not start another line.
pub fn line_spans(text: &str) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut after_cr = false;
    for i in memchr::memchr2_iter(b'\n', b'\r', b) {
        if b[i] == b'\n' && after_cr && i == start {
            // The LF of a CRLF.
            start = i + 1;
            after_cr = false;
            continue;
        }
        out.push(start..i);
        start = i + 1;
        after_cr = b[i] == b'\r';
    }
    if start < b.len() {
        out.push(start..b.len());
    }
    out
}

/// Split one paragraph (`span` of `text`, from [`paragraph_spans`]) into
/// sentences and tokens.
pub fn paragraph(text: &str, span: Range<usize>) -> Paragraph {
    let tokens = tokenize(text, span.clone());
    Paragraph {
        sentences: split_sentences(text, tokens),
        span,
    }
}

fn first_char(s: &str) -> char {
    s.chars().next().unwrap_or(' ')
}

/// Tokens of `text[range]`, with spans into `text`.
pub fn tokenize(text: &str, range: Range<usize>) -> Vec<Token> {
    let base = range.start;
    let mut raw: Vec<Token> = Vec::new();
    for (i, seg) in text[range].split_word_bound_indices() {
        // UAX #29 attaches combining marks to a preceding space; keep them.
        let Some(skip) = seg.find(|c: char| !c.is_whitespace() && !is_invisible(c)) else {
            continue;
        };
        let (i, seg) = (i + skip, &seg[skip..]);
        let c = first_char(seg);
        let kind = if c.is_alphabetic() {
            TokenKind::Word
        } else if c.is_numeric() {
            TokenKind::Number
        } else {
            TokenKind::Punct
        };
        raw.push(Token {
            span: base + i..base + i + seg.len(),
            kind,
        });
    }
    merge_tokens(text, raw)
}

fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
    )
}

fn is_apostrophe(s: &str) -> bool {
    matches!(s, "'" | "’" | "‘" | "ʼ")
}

fn merge_tokens(text: &str, raw: Vec<Token>) -> Vec<Token> {
    let s = |t: &Token| &text[t.span.clone()];
    let mut out: Vec<Token> = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        let t = &raw[i];
        let next = raw.get(i + 1);
        let adjacent = |a: &Token, b: &Token| a.span.end == b.span.start;
        // Word + "." → abbreviation.
        if t.kind == TokenKind::Word
            && let Some(n) = next
            && s(n) == "."
            && adjacent(t, n)
            && is_abbreviation(s(t))
        {
            out.push(Token {
                span: t.span.start..n.span.end,
                kind: TokenKind::Abbreviation,
            });
            i += 2;
            continue;
        }
        // "[" number "]" → citation marker.
        if s(t) == "["
            && let (Some(n), Some(c)) = (next, raw.get(i + 2))
            && n.kind == TokenKind::Number
            && s(c) == "]"
            && adjacent(t, n)
            && adjacent(n, c)
        {
            out.push(Token {
                span: t.span.start..c.span.end,
                kind: TokenKind::Citation,
            });
            i += 3;
            continue;
        }
        // Dutch clitics at a word start: 's, 't, 'n ('s avonds, 't is).
        if is_apostrophe(s(t))
            && let Some(n) = next
            && adjacent(t, n)
            && matches!(s(n), "s" | "t" | "n")
            && out.last().is_none_or(|p| !adjacent(p, t))
        {
            out.push(Token {
                span: t.span.start..n.span.end,
                kind: TokenKind::Word,
            });
            i += 2;
            continue;
        }
        // Runs of terminal punctuation: "...", "?!", "!!".
        if t.kind == TokenKind::Punct && is_terminal_str(s(t)) {
            let mut end = i;
            while let Some(n) = raw.get(end + 1) {
                if n.kind == TokenKind::Punct && is_terminal_str(s(n)) && adjacent(&raw[end], n) {
                    end += 1;
                } else {
                    break;
                }
            }
            out.push(Token {
                span: t.span.start..raw[end].span.end,
                kind: TokenKind::Punct,
            });
            i = end + 1;
            continue;
        }
        out.push(t.clone());
        i += 1;
    }
    out
}

fn is_terminal_str(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| matches!(c, '.' | '!' | '?' | '…'))
}

fn is_closer(s: &str) -> bool {
    matches!(s, "’" | "”" | "\"" | "'" | "»" | "›" | ")" | "]" | "}")
}

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '‘' | '“'
            | '"'
            | '\''
            | '„'
            | '‚'
            | '«'
            | '‹'
            | '('
            | '['
            | '¿'
            | '¡'
            | '-'
            | '–'
            | '—'
            | '•'
            | '’'
    )
}

/// Can this token open a sentence?
fn starts_sentence(text: &str, t: &Token) -> bool {
    let s = &text[t.span.clone()];
    let c = first_char(s);
    c.is_uppercase()
        || c.is_numeric()
        || is_opener(c)
        || (t.kind == TokenKind::Word && is_apostrophe(&c.to_string()))
        || (!c.is_alphabetic()
            && t.kind == TokenKind::Punct
            && !is_closer(s)
            && !matches!(c, ',' | ';' | ':' | '.'))
}

fn split_sentences(text: &str, tokens: Vec<Token>) -> Vec<Sentence> {
    let s = |t: &Token| &text[t.span.clone()];
    let n = tokens.len();
    let mut bounds = Vec::new(); // token indices where a new sentence starts
    let mut sentence_start = 0;
    let mut i = 0;
    while i < n {
        let t = &tokens[i];
        let terminal = match t.kind {
            TokenKind::Punct => {
                is_terminal_str(s(t))
                    // "1. Eerste punt": an enumerator, not a sentence.
                    && !(s(t) == "." && i == sentence_start + 1 && tokens[sentence_start].kind == TokenKind::Number)
            }
            TokenKind::Abbreviation => is_sentence_final_abbreviation(s(t)),
            _ => false,
        };
        if !terminal {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < n {
            let tj = &tokens[j];
            let glued = tokens[j - 1].span.end == tj.span.start;
            if tj.kind == TokenKind::Citation
                || (glued && tj.kind == TokenKind::Punct && is_closer(s(tj)))
            {
                j += 1;
            } else {
                break;
            }
        }
        if j < n {
            let next = &tokens[j];
            let spaced = tokens[j - 1].span.end < next.span.start;
            let ok = if t.kind == TokenKind::Abbreviation && is_dotted_acronym(s(t)) {
                first_char(s(next)).is_uppercase()
                    && SENTENCE_STARTERS.contains(&s(next).to_lowercase().as_str())
            } else if t.kind == TokenKind::Abbreviation {
                first_char(s(next)).is_uppercase()
            } else {
                starts_sentence(text, next)
            };
            if spaced && ok {
                bounds.push(j);
                sentence_start = j;
            }
        }
        i = j;
    }
    let mut out = Vec::with_capacity(bounds.len() + 1);
    let mut tokens = tokens.into_iter();
    let mut prev = 0;
    for b in bounds.into_iter().chain(std::iter::once(n)) {
        let toks: Vec<Token> = tokens.by_ref().take(b - prev).collect();
        prev = b;
        for toks in split_overlong(text, toks) {
            if let (Some(first), Some(last)) = (toks.first(), toks.last()) {
                out.push(Sentence {
                    span: first.span.start..last.span.end,
                    tokens: toks,
                });
            }
        }
    }
    out
}

/// A sentence of more tokens than this is cut into pieces (no news
/// sentence is this long; a text without punctuation can be, and the
/// engines' work per sentence grows faster than its length).
pub const MAX_SENTENCE_TOKENS: usize = 160;

/// Cut an overlong sentence: after a comma, semicolon, colon or dash once
/// a piece has half the maximum, else at the maximum.
fn split_overlong(text: &str, toks: Vec<Token>) -> Vec<Vec<Token>> {
    if toks.len() <= MAX_SENTENCE_TOKENS {
        return vec![toks];
    }
    let mut pieces = Vec::new();
    let mut cur = Vec::new();
    for t in toks {
        if cur.len() >= MAX_SENTENCE_TOKENS {
            pieces.push(std::mem::take(&mut cur));
        }
        let soft = t.kind == TokenKind::Punct
            && matches!(&text[t.span.clone()], "," | ";" | ":" | "–" | "—");
        cur.push(t);
        if soft && cur.len() >= MAX_SENTENCE_TOKENS / 2 {
            pieces.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        pieces.push(cur);
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlong_sentences_are_cut_at_commas_or_the_maximum() {
        let long = vec!["woord"; 400].join(" ");
        let doc = segment(&long, &SegmentOptions::default());
        let lens: Vec<usize> = doc.sentences().map(|s| s.tokens.len()).collect();
        assert_eq!(lens, [MAX_SENTENCE_TOKENS, MAX_SENTENCE_TOKENS, 80]);
        let commas = vec!["woord woord woord,"; 100].join(" ");
        let doc = segment(&commas, &SegmentOptions::default());
        for s in doc.sentences() {
            assert!(s.tokens.len() <= MAX_SENTENCE_TOKENS);
            assert!(commas[s.span.clone()].ends_with(',') || s.span.end == commas.len());
        }
        // Spans tile the text: nothing lost.
        let joined: Vec<&str> = doc.sentences().map(|s| &commas[s.span.clone()]).collect();
        assert_eq!(joined.join(" "), commas);
    }

    fn sentences(text: &str) -> Vec<&str> {
        let doc = segment(text, &SegmentOptions::default());
        doc.sentences().map(|s| &text[s.span.clone()]).collect()
    }

    macro_rules! t {
        ($name:ident, $input:expr, [$($want:expr),* $(,)?]) => {
            #[test]
            fn $name() {
                let want: Vec<&str> = vec![$($want),*];
                assert_eq!(sentences($input), want);
            }
        };
    }

    t!(
        two_plain_sentences,
        "Het regent. De zon schijnt.",
        ["Het regent.", "De zon schijnt."]
    );
    t!(
        question_and_exclamation,
        "Komt hij? Ja! Zeker.",
        ["Komt hij?", "Ja!", "Zeker."]
    );
    t!(
        headline_without_punctuation,
        "Kremlin zet diplomatieke druk op",
        ["Kremlin zet diplomatieke druk op"]
    );
    t!(
        dateline,
        "Kiev, donderdag, 29 januari 2026.",
        ["Kiev, donderdag, 29 januari 2026."]
    );
    t!(
        abbreviation_oa,
        "Er waren o.a. ministers aanwezig. Daarna niet.",
        ["Er waren o.a. ministers aanwezig.", "Daarna niet."]
    );
    t!(
        abbreviation_bijv_before_capital,
        "Landen als bijv. Polen doen mee.",
        ["Landen als bijv. Polen doen mee."]
    );
    t!(
        abbreviation_dwz,
        "Het is d.w.z. onzeker. Wij wachten.",
        ["Het is d.w.z. onzeker.", "Wij wachten."]
    );
    t!(
        title_dhr,
        "Dhr. Jansen en mevr. De Vries kwamen.",
        ["Dhr. Jansen en mevr. De Vries kwamen."]
    );
    t!(
        title_mr_dr_prof,
        "Mr. Dijk, dr. Bos en prof. Smit spraken.",
        ["Mr. Dijk, dr. Bos en prof. Smit spraken."]
    );
    t!(
        abbreviation_nr,
        "Het is resolutie nr. 2231 van de VN.",
        ["Het is resolutie nr. 2231 van de VN."]
    );
    t!(
        abbreviation_ca,
        "Er kwamen ca. 500 mensen. Dat was veel.",
        ["Er kwamen ca. 500 mensen.", "Dat was veel."]
    );
    t!(
        abbreviation_jl,
        "Op 3 mei jl. besloot niemand iets.",
        ["Op 3 mei jl. besloot niemand iets."]
    );
    t!(
        jl_ends_before_capital,
        "Dat gebeurde vrijdag jl. Daarna sprak Poetin.",
        ["Dat gebeurde vrijdag jl.", "Daarna sprak Poetin."]
    );
    t!(
        name_like_month,
        "Ik sprak met Jan. Hij was boos.",
        ["Ik sprak met Jan.", "Hij was boos."]
    );
    t!(
        month_before_year,
        "Op 5 jan. 2026 begon het.",
        ["Op 5 jan. 2026 begon het."]
    );
    t!(
        ordinary_word_zo,
        "Dat is nu eenmaal zo. Hij ging weg.",
        ["Dat is nu eenmaal zo.", "Hij ging weg."]
    );
    t!(
        ordinary_word_lid,
        "Hij werd lid. Zij niet.",
        ["Hij werd lid.", "Zij niet."]
    );
    t!(
        dotted_acronym_ends,
        "Hij vloog naar de V.S. Daar bleef hij.",
        ["Hij vloog naar de V.S.", "Daar bleef hij."]
    );
    t!(
        abbreviation_mbt_ipv,
        "Afspraken m.b.t. gas i.p.v. olie. Klaar.",
        ["Afspraken m.b.t. gas i.p.v. olie.", "Klaar."]
    );
    t!(
        enz_ends_sentence,
        "Tanks, drones enz. Daarna kwam de winter.",
        ["Tanks, drones enz.", "Daarna kwam de winter."]
    );
    t!(
        enz_inside_sentence,
        "Tanks, drones enz. werden geleverd.",
        ["Tanks, drones enz. werden geleverd."]
    );
    t!(
        initials,
        "J.F. Kennedy en W. Poetin zijn geen vrienden.",
        ["J.F. Kennedy en W. Poetin zijn geen vrienden."]
    );
    t!(
        thousands_separator,
        "Er vielen 1.000 doden. Het is 3,5 procent.",
        ["Er vielen 1.000 doden.", "Het is 3,5 procent."]
    );
    t!(
        year_at_sentence_end,
        "Ze ontmoetten elkaar in 2019. De volgende keer niet.",
        ["Ze ontmoetten elkaar in 2019.", "De volgende keer niet."]
    );
    t!(
        time_with_period,
        "Om 19.30 uur begon het. Het duurde lang.",
        ["Om 19.30 uur begon het.", "Het duurde lang."]
    );
    t!(
        ordinal_and_date,
        "Op de 3e dag, 29-01-2026, viel Bachmoet.",
        ["Op de 3e dag, 29-01-2026, viel Bachmoet."]
    );
    t!(
        month_abbreviation,
        "Op 5 jan. 2026 begon het.",
        ["Op 5 jan. 2026 begon het."]
    );
    t!(
        enumerator,
        "1. Eerste punt van de agenda",
        ["1. Eerste punt van de agenda"]
    );
    t!(
        citations_before_period,
        "Hij komt [1][2]. Zij niet [3].",
        ["Hij komt [1][2].", "Zij niet [3]."]
    );
    t!(
        citations_after_period,
        "Hij komt.[1][2] Zij niet.[3]",
        ["Hij komt.[1][2]", "Zij niet.[3]"]
    );
    t!(
        citation_after_space,
        "Hij komt. [4] Zij niet.",
        ["Hij komt. [4]", "Zij niet."]
    );
    t!(
        quote_closes_after_period,
        "‘Wij gaan.’ Hij knikte.",
        ["‘Wij gaan.’", "Hij knikte."]
    );
    t!(
        straight_quotes,
        "\"Wij gaan.\" Hij knikte.",
        ["\"Wij gaan.\"", "Hij knikte."]
    );
    t!(
        question_in_quote_then_lowercase,
        "‘Waarom?’ vroeg hij. Niemand wist het.",
        ["‘Waarom?’ vroeg hij.", "Niemand wist het."]
    );
    t!(
        sentence_starting_with_quote,
        "Hij zei het. ‘Rusland weigert niet’, aldus Oesjakov [3].",
        [
            "Hij zei het.",
            "‘Rusland weigert niet’, aldus Oesjakov [3]."
        ]
    );
    t!(
        brackets,
        "Het is koud (min tien graden). Iedereen blijft thuis.",
        ["Het is koud (min tien graden).", "Iedereen blijft thuis."]
    );
    t!(
        period_inside_brackets,
        "Het is koud (zeer koud.) Iedereen blijft thuis.",
        ["Het is koud (zeer koud.)", "Iedereen blijft thuis."]
    );
    t!(
        ellipsis,
        "Het wachten duurt... Dan komt hij.",
        ["Het wachten duurt...", "Dan komt hij."]
    );
    t!(
        ellipsis_lowercase_continues,
        "Het wachten duurt... en duurt.",
        ["Het wachten duurt... en duurt."]
    );
    t!(
        unicode_ellipsis,
        "Hij twijfelde… Toen ging hij.",
        ["Hij twijfelde…", "Toen ging hij."]
    );
    t!(question_exclamation_run, "Echt?! Ja.", ["Echt?!", "Ja."]);
    t!(
        clitic_s_start,
        "Het was laat. ’s Avonds sprak hij.",
        ["Het was laat.", "’s Avonds sprak hij."]
    );
    t!(
        dash_start,
        "Het was laat. - Niemand kwam.",
        ["Het was laat.", "- Niemand kwam."]
    );
    t!(
        no_space_no_split,
        "Lees nu.nl of NOS.nl voor meer.",
        ["Lees nu.nl of NOS.nl voor meer."]
    );
    t!(
        lowercase_after_period_no_split,
        "De wet nr. drie geldt.",
        ["De wet nr. drie geldt."]
    );
    t!(
        vs_abbreviation,
        "Oekraïne vs. Rusland is een oude strijd.",
        ["Oekraïne vs. Rusland is een oude strijd."]
    );
    t!(
        acronym_at_end,
        "Hij vloog naar de VS. Daar bleef hij.",
        ["Hij vloog naar de VS.", "Daar bleef hij."]
    );
    t!(
        genitive_apostrophe,
        "Europa’s grootste conflict. Zelensky’s reis.",
        ["Europa’s grootste conflict.", "Zelensky’s reis."]
    );
    t!(trailing_spaces, "  Het regent.   ", ["Het regent."]);
    t!(only_punctuation, "***", ["***"]);

    #[test]
    fn paragraphs_follow_lines_with_any_line_ending() {
        let text = "Eén.\r\nTwee.\rDrie.\n\nVier.";
        let doc = segment(text, &SegmentOptions::default());
        let paras: Vec<&str> = doc
            .paragraphs
            .iter()
            .map(|p| &text[p.span.clone()])
            .collect();
        assert_eq!(paras, ["Eén.", "Twee.", "Drie.", "", "Vier."]);
        assert!(doc.paragraphs[3].sentences.is_empty());
    }

    #[test]
    fn final_newline_does_not_add_a_paragraph() {
        let doc = segment("Eén.\nTwee.\n", &SegmentOptions::default());
        assert_eq!(doc.paragraphs.len(), 2);
        assert!(
            segment("", &SegmentOptions::default())
                .paragraphs
                .is_empty()
        );
    }

    #[test]
    fn join_lines_makes_blocks() {
        let text = "Dit is een lange\nzin over Kiev.\n\n\nNieuwe alinea.\n";
        let doc = segment(text, &SegmentOptions { join_lines: true });
        assert_eq!(doc.paragraphs.len(), 2);
        let s: Vec<&str> = doc.sentences().map(|s| &text[s.span.clone()]).collect();
        assert_eq!(s, ["Dit is een lange\nzin over Kiev.", "Nieuwe alinea."]);
    }

    #[test]
    fn tokens_carry_spans_and_kinds() {
        let text = "Zo’n 1.000 soldaten, o.a. [2] Poetin-regime.";
        let toks = tokenize(text, 0..text.len());
        let got: Vec<(&str, TokenKind)> = toks
            .iter()
            .map(|t| (&text[t.span.clone()], t.kind))
            .collect();
        use TokenKind::*;
        assert_eq!(
            got,
            [
                ("Zo’n", Word),
                ("1.000", Number),
                ("soldaten", Word),
                (",", Punct),
                ("o.a.", Abbreviation),
                ("[2]", Citation),
                ("Poetin", Word),
                ("-", Punct),
                ("regime", Word),
                (".", Punct),
            ]
        );
    }

    #[test]
    fn first_word_skips_opening_quotes() {
        let text = "‘Rusland weigert niet.’";
        let doc = segment(text, &SegmentOptions::default());
        let s = doc.sentences().next().unwrap();
        assert_eq!(
            &text[s.first_word_start().unwrap()..s.first_word_start().unwrap() + 7],
            "Rusland"
        );
    }
}
