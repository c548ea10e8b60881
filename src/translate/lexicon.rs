//! The engine lexicon: Dutch lemmas with their English, from CSV.
//!
//! Takes the shipped `glossary/lexicon/*.csv` (embedded) and any user
//! `--lexicon FILE`s; returns a [`Lexicon`] with the indexes analysis needs:
//! lemmas, the irregular forms listed in the `forms` column, separable verbs
//! by (particle, base verb), and the English irregular forms. Invariant: a
//! later file's entry replaces an earlier one with the same lemma and part of
//! speech; lexicon entries are never locked terms.

use crate::glossary::{Location, Problem, Severity};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::fmt;
use std::sync::Arc;

/// Part of speech of a lexicon entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Pos {
    Noun,
    Verb,
    Adj,
    Adv,
    Num,
    Interj,
    Pron,
    Det,
    Prep,
    Conj,
    Aux,
    Part,
}

impl Pos {
    pub fn parse(s: &str) -> Option<Pos> {
        Some(match s.trim() {
            "noun" => Pos::Noun,
            "verb" => Pos::Verb,
            "adj" => Pos::Adj,
            "adv" => Pos::Adv,
            "num" => Pos::Num,
            "interj" => Pos::Interj,
            "pron" => Pos::Pron,
            "det" => Pos::Det,
            "prep" => Pos::Prep,
            "conj" => Pos::Conj,
            "aux" => Pos::Aux,
            "part" => Pos::Part,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Pos::Noun => "noun",
            Pos::Verb => "verb",
            Pos::Adj => "adj",
            Pos::Adv => "adv",
            Pos::Num => "num",
            Pos::Interj => "interj",
            Pos::Pron => "pron",
            Pos::Det => "det",
            Pos::Prep => "prep",
            Pos::Conj => "conj",
            Pos::Aux => "aux",
            Pos::Part => "part",
        }
    }

    /// Verbs and auxiliaries inflect alike.
    pub fn is_verbal(self) -> bool {
        matches!(self, Pos::Verb | Pos::Aux)
    }
}

impl fmt::Display for Pos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Grammatical gender of a Dutch noun, by its article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    De,
    Het,
}

/// Index of an entry in the lexicon.
pub type LexId = u32;

/// One lexicon row.
#[derive(Debug, Clone)]
pub struct LexEntry {
    pub nl: String,
    pub pos: Pos,
    pub en: String,
    /// Noun plurals; strong verb `past sg, past pl, participle`; adjective
    /// `comparative, superlative`.
    pub forms: Vec<String>,
    pub sep: Option<String>,
    pub gender: Option<Gender>,
    pub senses: Vec<String>,
    pub note: String,
    pub location: Location,
}

impl LexEntry {
    /// The base verb of a separable verb (*bellen* for *opbellen*).
    pub fn base_verb(&self) -> Option<&str> {
        let sep = self.sep.as_deref()?;
        self.nl.strip_prefix(sep).filter(|b| !b.is_empty())
    }
}

/// Which irregular form a `forms` cell gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormTag {
    NounPlural,
    PastSingular,
    PastPlural,
    Participle,
    Comparative,
    Superlative,
}

/// An irregular form: the lemma it belongs to (which may be the base of a
/// separable verb, not itself an entry) and the entry that listed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IrregularForm {
    pub lemma: String,
    pub pos: Pos,
    pub entry: LexId,
    pub tag: FormTag,
}

/// English irregular forms.
#[derive(Debug, Clone, Default)]
pub struct EnglishIrregulars {
    /// base → (past, past participle)
    pub verbs: HashMap<String, (String, String)>,
    /// singular → plural
    pub nouns: HashMap<String, String>,
    /// base → (comparative, superlative)
    pub adjs: HashMap<String, (String, String)>,
}

/// The loaded lexicon.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    entries: Vec<LexEntry>,
    by_lemma: HashMap<String, Vec<LexId>>,
    forms: HashMap<String, Vec<IrregularForm>>,
    separable: HashMap<(String, String), LexId>,
    particles: HashSet<String>,
    /// Base verbs of separable verbs (*bellen* for *opbellen*).
    forms_of_base: HashSet<String>,
    /// Verb lemmas (and separable bases) whose past forms are listed.
    strong: HashSet<String>,
    /// Multi-word entries (*in plaats van*) by their first word.
    multi: HashMap<String, Vec<(Vec<String>, LexId)>>,
    pub english: EnglishIrregulars,
    warnings: Vec<Problem>,
}

/// A lexicon file to load.
pub struct LexSource<'a> {
    pub name: String,
    pub text: &'a str,
}

mod shipped_data {
    include!(concat!(env!("OUT_DIR"), "/lexicon.rs"));
}

/// A lexicon file could not be read.
#[derive(Debug, Clone, thiserror::Error)]
#[error("invalid lexicon ({} error{}):\n{}", .problems.len(), if .problems.len() == 1 { "" } else { "s" }, .problems.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("\n"))]
pub struct LexiconError {
    pub problems: Vec<Problem>,
}

const LEX_COLUMNS: [&str; 8] = [
    "nl", "pos", "en", "forms", "sep", "gender", "senses", "note",
];

fn split_list(s: &str) -> Vec<String> {
    s.split('|')
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(str::to_owned)
        .collect()
}

impl Lexicon {
    /// The shipped lexicon and English irregulars.
    pub fn shipped() -> Lexicon {
        let mut lex = Lexicon::default();
        for (name, text) in shipped_data::LEXICON {
            lex.add_csv(name, text)
                .unwrap_or_else(|e| panic!("the shipped lexicon {name} is valid: {e}"));
        }
        lex.add_english(shipped_data::EN_IRREGULAR)
            .expect("the shipped English irregulars are valid");
        lex
    }

    /// Entries in load order.
    pub fn entries(&self) -> &[LexEntry] {
        &self.entries
    }

    pub fn entry(&self, id: LexId) -> &LexEntry {
        &self.entries[id as usize]
    }

    pub fn warnings(&self) -> &[Problem] {
        &self.warnings
    }

    /// Entries with this lemma (lowercase).
    pub fn lookup(&self, lemma: &str) -> impl Iterator<Item = (LexId, &LexEntry)> {
        self.by_lemma
            .get(lemma)
            .into_iter()
            .flatten()
            .map(|&id| (id, &self.entries[id as usize]))
    }

    /// The entry with this lemma and part of speech.
    pub fn get(&self, lemma: &str, pos: Pos) -> Option<(LexId, &LexEntry)> {
        self.lookup(lemma).find(|(_, e)| e.pos == pos)
    }

    /// Irregular forms listed for this surface form (lowercase).
    pub fn irregular(&self, form: &str) -> &[IrregularForm] {
        self.forms.get(form).map_or(&[], Vec::as_slice)
    }

    /// The separable verb made of `particle` and the base verb `lemma`.
    pub fn separable(&self, particle: &str, lemma: &str) -> Option<(LexId, &LexEntry)> {
        self.separable
            .get(&(particle.to_owned(), lemma.to_owned()))
            .map(|&id| (id, &self.entries[id as usize]))
    }

    /// Multi-word entries starting with `first`, longest first: their
    /// remaining words and the entry.
    pub fn multiword(&self, first: &str) -> &[(Vec<String>, LexId)] {
        self.multi.get(first).map_or(&[], Vec::as_slice)
    }

    /// Is this word a separable particle of some verb?
    pub fn is_particle(&self, word: &str) -> bool {
        self.particles.contains(word)
    }

    /// Does this verb list its past forms (a strong or irregular verb, or the
    /// base of one)?
    pub fn has_listed_forms(&self, lemma: &str) -> bool {
        self.strong.contains(lemma)
    }

    /// Is there any verb with this lemma (an entry, or the base of a
    /// separable verb)?
    pub fn is_verb_lemma(&self, lemma: &str) -> bool {
        self.lookup(lemma).any(|(_, e)| e.pos.is_verbal()) || self.forms_of_base.contains(lemma)
    }

    /// Add the rows of a lexicon CSV (`lexicon.csv` columns). Later rows
    /// replace earlier ones with the same lemma and part of speech.
    pub fn add_csv(&mut self, name: &str, text: &str) -> Result<usize, LexiconError> {
        let file: Arc<str> = Arc::from(name);
        let mut problems = Vec::new();
        let err = |line: usize, msg: String| Problem {
            severity: Severity::Error,
            file: file.clone(),
            line: Some(line),
            column: None,
            message: msg,
        };
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        let mut header: Option<Vec<usize>> = None;
        let mut added = 0;
        for rec in reader.records() {
            let rec = match rec {
                Ok(r) => r,
                Err(e) => {
                    problems.push(err(
                        e.position().map_or(0, |p| p.line() as usize),
                        format!("row does not parse: {e}"),
                    ));
                    break;
                }
            };
            let line = rec.position().map_or(0, |p| p.line() as usize);
            if rec.get(0).is_some_and(|f| f.trim_start().starts_with('#')) {
                continue;
            }
            let Some(cols) = &header else {
                let names: Vec<String> =
                    rec.iter().map(|h| h.trim().to_ascii_lowercase()).collect();
                let mut cols = Vec::new();
                for c in LEX_COLUMNS {
                    match names.iter().position(|n| n == c) {
                        Some(i) => cols.push(i),
                        None if matches!(c, "nl" | "pos" | "en") => {
                            problems.push(err(line, format!("missing required column `{c}`")));
                            cols.push(usize::MAX);
                        }
                        None => cols.push(usize::MAX),
                    }
                }
                if !problems.is_empty() {
                    return Err(LexiconError { problems });
                }
                header = Some(cols);
                continue;
            };
            let cell = |k: usize| rec.get(cols[k]).map_or("", str::trim);
            let (nl, pos, en) = (cell(0).to_lowercase(), cell(1), cell(2));
            if nl.is_empty() || en.is_empty() {
                problems.push(err(line, "empty `nl` or `en`".into()));
                continue;
            }
            let Some(pos) = Pos::parse(pos) else {
                problems.push(err(line, format!("unknown pos {pos:?}")));
                continue;
            };
            let gender = match cell(5) {
                "de" => Some(Gender::De),
                "het" => Some(Gender::Het),
                _ => None,
            };
            let entry = LexEntry {
                nl,
                pos,
                en: en.to_owned(),
                // Positional: a verb may leave a slot empty (zullen has no participle).
                forms: if cell(3).is_empty() {
                    Vec::new()
                } else {
                    cell(3)
                        .to_lowercase()
                        .split('|')
                        .map(|f| f.trim().to_owned())
                        .collect()
                },
                sep: Some(cell(4).to_lowercase()).filter(|s| !s.is_empty()),
                gender,
                senses: split_list(cell(6)),
                note: cell(7).to_owned(),
                location: Location {
                    file: file.clone(),
                    line,
                },
            };
            if pos.is_verbal() && !entry.forms.is_empty() && entry.forms.len() != 3 {
                problems.push(err(
                    line,
                    format!(
                        "verb forms must be `past sg|past pl|participle`: {:?}",
                        cell(3)
                    ),
                ));
                continue;
            }
            self.insert(entry);
            added += 1;
        }
        if header.is_none() && problems.is_empty() {
            problems.push(err(1, "empty lexicon file: expected a header row".into()));
        }
        if problems.is_empty() {
            Ok(added)
        } else {
            Err(LexiconError { problems })
        }
    }

    fn insert(&mut self, entry: LexEntry) {
        let id = match self.get(&entry.nl, entry.pos) {
            Some((id, _)) => {
                self.entries[id as usize] = entry;
                id
            }
            None => {
                let id = self.entries.len() as LexId;
                self.by_lemma.entry(entry.nl.clone()).or_default().push(id);
                self.entries.push(entry);
                id
            }
        };
        self.index(id);
    }

    fn add_form(&mut self, form: String, f: IrregularForm) {
        let list = self.forms.entry(form).or_default();
        list.retain(|x| !(x.lemma == f.lemma && x.pos == f.pos && x.tag == f.tag));
        list.push(f);
    }

    fn index(&mut self, id: LexId) {
        let forms = std::mem::take(&mut self.entries[id as usize].forms);
        let e = &self.entries[id as usize];
        let (nl, pos, sep, base) = (
            e.nl.clone(),
            e.pos,
            e.sep.clone(),
            e.base_verb().map(str::to_owned),
        );
        self.index_parts(id, &nl, pos, sep.as_deref(), &forms, base.as_deref());
        self.entries[id as usize].forms = forms;
    }

    fn index_parts(
        &mut self,
        id: LexId,
        nl: &str,
        pos: Pos,
        sep: Option<&str>,
        forms: &[String],
        base: Option<&str>,
    ) {
        if nl.contains(' ') {
            let mut words: Vec<String> = nl.split_whitespace().map(str::to_owned).collect();
            let first = words.remove(0);
            let list = self.multi.entry(first).or_default();
            list.retain(|(w, _)| *w != words);
            list.push((words, id));
            list.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        }
        if let (Some(sep), Some(base)) = (sep, base) {
            self.particles.insert(sep.to_owned());
            self.separable.insert((sep.to_owned(), base.to_owned()), id);
            self.forms_of_base.insert(base.to_owned());
        }
        let tags: &[FormTag] = match pos {
            Pos::Noun => &[
                FormTag::NounPlural,
                FormTag::NounPlural,
                FormTag::NounPlural,
            ],
            Pos::Verb | Pos::Aux => &[
                FormTag::PastSingular,
                FormTag::PastPlural,
                FormTag::Participle,
            ],
            Pos::Adj | Pos::Adv => &[FormTag::Comparative, FormTag::Superlative],
            _ => &[],
        };
        if pos.is_verbal() && !forms.is_empty() {
            self.strong.insert(nl.to_owned());
            if let Some(base) = base {
                self.strong.insert(base.to_owned());
            }
        }
        for (form, &tag) in forms.iter().zip(tags).filter(|(f, _)| !f.is_empty()) {
            self.add_form(
                form.clone(),
                IrregularForm {
                    lemma: nl.to_owned(),
                    pos,
                    entry: id,
                    tag,
                },
            );
            // The forms of a separable verb, without its particle, are forms
            // of the base verb (main clauses: *kwam … aan*).
            if let (Some(sep), Some(base)) = (sep, base)
                && let Some(bare) = form.strip_prefix(sep).filter(|b| !b.is_empty())
            {
                self.add_form(
                    bare.to_owned(),
                    IrregularForm {
                        lemma: base.to_owned(),
                        pos,
                        entry: id,
                        tag,
                    },
                );
            }
        }
    }

    /// Add English irregulars (`pos,base,forms`).
    pub fn add_english(&mut self, text: &str) -> Result<(), LexiconError> {
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .from_reader(text.as_bytes());
        let mut problems = Vec::new();
        for rec in reader.records() {
            let Ok(rec) = rec else { continue };
            let line = rec.position().map_or(0, |p| p.line() as usize);
            if rec.get(0).is_some_and(|f| f.starts_with('#')) {
                continue;
            }
            let (pos, base, forms) = (
                rec.get(0).unwrap_or(""),
                rec.get(1).unwrap_or(""),
                rec.get(2).unwrap_or(""),
            );
            let f: Vec<&str> = forms.split('|').map(str::trim).collect();
            match (pos, f.as_slice()) {
                ("verb", [past, pp]) => {
                    self.english
                        .verbs
                        .insert(base.to_owned(), ((*past).to_owned(), (*pp).to_owned()));
                }
                ("noun", [pl]) => {
                    self.english.nouns.insert(base.to_owned(), (*pl).to_owned());
                }
                ("adj", [c, s]) => {
                    self.english
                        .adjs
                        .insert(base.to_owned(), ((*c).to_owned(), (*s).to_owned()));
                }
                _ => problems.push(Problem {
                    severity: Severity::Error,
                    file: Arc::from("glossary/lexicon/en-irregular.csv"),
                    line: Some(line),
                    column: None,
                    message: format!("bad row {pos},{base},{forms}"),
                }),
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(LexiconError { problems })
        }
    }
}
