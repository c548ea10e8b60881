//! The built-in rule-based engine: analyse → transfer → generate.
//!
//! Takes a sentence with its glossary hits; returns English made from the
//! shipped lexicon (and any user lexicon), with every glossary hit locked:
//! analysis turns a hit into one word, transfer moves it as a unit, and
//! generation writes the glossary's English for it. [`BuiltinEngine::trace`]
//! shows the data after each stage.

pub mod analyse;
pub mod compound;
pub mod coverage;
pub mod english;
pub mod generate;
pub mod lexicon;
pub mod morph;
pub mod numbers;
pub mod transfer;

use crate::engine::{Engine, SentenceInput, SentenceOutput};
use lexicon::Lexicon;
use std::fmt::Write;

/// The built-in engine.
pub struct BuiltinEngine {
    lexicon: Lexicon,
}

impl BuiltinEngine {
    pub fn new(lexicon: Lexicon) -> BuiltinEngine {
        BuiltinEngine { lexicon }
    }

    /// The engine with the shipped lexicon only.
    pub fn shipped() -> BuiltinEngine {
        BuiltinEngine::new(Lexicon::shipped())
    }

    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    fn run(&self, input: &SentenceInput<'_>, trace: Option<&mut String>) -> SentenceOutput {
        let words = analyse::words(
            input.text,
            input.sentence,
            input.hits,
            input.glossary,
            &self.lexicon,
        );
        let question = input.text[input.sentence.span.clone()]
            .trim_end()
            .ends_with('?');
        let ctx = transfer::Ctx {
            words: &words,
            lex: &self.lexicon,
            glossary: input.glossary,
            question,
            overrides: Default::default(),
        };
        let outs = transfer::transfer(&ctx);
        let traced = trace.map(|t| {
            let _ = writeln!(
                t,
                "analyse:  {}",
                words
                    .iter()
                    .map(|w| w.to_string())
                    .collect::<Vec<_>>()
                    .join(" ")
            );
            let _ = writeln!(
                t,
                "transfer: {}",
                outs.iter()
                    .filter(|o| !o.text.is_empty() || o.hit.is_some())
                    .map(|o| if o.hit.is_some() {
                        format!("[{}]", o.text)
                    } else {
                        o.text.clone()
                    })
                    .collect::<Vec<_>>()
                    .join(" · ")
            );
            t
        });
        let g = generate::generate(outs, &words, input.hits, input.glossary);
        if let Some(t) = traced {
            let _ = writeln!(t, "generate: {}", g.en);
        }
        SentenceOutput {
            en: g.en,
            term_spans: g.term_spans,
            unknown: g.unknown,
            extra_terms: g.extra_terms,
            ..Default::default()
        }
    }
}

impl Engine for BuiltinEngine {
    fn name(&self) -> &'static str {
        "builtin"
    }

    fn translate_sentence(&self, input: &SentenceInput<'_>) -> SentenceOutput {
        self.run(input, None)
    }

    fn knows(&self, word: &str, glossary: &crate::Glossary) -> Option<bool> {
        Some(analyse::known(word, glossary, &self.lexicon))
    }

    fn trace(&self, input: &SentenceInput<'_>) -> Option<String> {
        let mut t = String::new();
        self.run(input, Some(&mut t));
        Some(t)
    }
}
