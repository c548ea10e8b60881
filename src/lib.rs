//! # tolk
//!
//! Translate Dutch news articles into English, driven by glossaries kept as
//! CSV files. The work is a pipeline of small stages over plain data:
//!
//! ```text
//! bytes ─▶ decode ─▶ segment ─▶ tag ─▶ engine ─▶ AlignedDoc ─▶ render
//!          (input)   (segment)  (tag)  (engine)  (engine)      (render)
//! ```
//!
//! Glossary hits are found on a normalized form of the text ([`normalize`])
//! and reported as byte ranges of the original text; every engine renders
//! them exactly as the glossary says.
//!
//! ```
//! use tolk::{Glossary, segment, tag, render};
//! use tolk::engine::{GlossaryEngine, translate_document};
//! use tolk::render::{Format, RenderOptions};
//! use tolk::segment::SegmentOptions;
//!
//! let glossary = Glossary::from_csv_str(
//!     "my.csv",
//!     "nl,en,kind\nPoetin,Putin,person\nMoskou,Moscow,place\nkerncentrale,nuclear power plant,term\n",
//! )?;
//! let text = "Poetins woordvoerder sprak in Moskou. Kerncentrale veilig.";
//! let doc = segment(text, &SegmentOptions::default());
//! let hits = tag(&glossary, text);
//! assert_eq!(hits.len(), 3);
//! let aligned = translate_document("-", text, &doc, &hits, &glossary, &GlossaryEngine, false);
//! let mut out = Vec::new();
//! render(&[aligned], Format::Text, &RenderOptions::default(), &mut out)?;
//! assert_eq!(
//!     String::from_utf8(out)?,
//!     "Putin's woordvoerder sprak in Moscow. Nuclear power plant veilig.\n"
//! );
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod check;
pub mod engine;
pub mod fsio;
pub mod glossary;
pub mod input;
pub mod metrics;
pub mod neural;
pub mod normalize;
pub mod propose;
pub mod render;
pub mod segment;
pub mod suggest;
pub mod tag;
pub mod translate;
pub mod translit;

pub use engine::AlignedDoc;
pub use glossary::Glossary;
pub use render::render;
pub use segment::segment;
pub use tag::tag;

/// Segment, tag and translate one decoded text with `engine`.
pub fn translate(
    path: &str,
    text: &str,
    glossary: &Glossary,
    engine: &dyn engine::Engine,
    opts: &segment::SegmentOptions,
) -> AlignedDoc {
    let doc = segment(text, opts);
    let hits = tag(glossary, text);
    // Names no glossary knows get a transliteration, marked as a proposal.
    // The shipped lexicon is loaded only when a candidate name needs it.
    let knows = |w: &str| {
        engine.knows(w, glossary).unwrap_or_else(|| {
            static LEXICON: std::sync::OnceLock<translate::lexicon::Lexicon> =
                std::sync::OnceLock::new();
            let lex = LEXICON.get_or_init(translate::lexicon::Lexicon::shipped);
            translate::analyse::known(w, glossary, lex)
        })
    };
    match propose::propose(text, &doc, &hits, glossary, translit::shipped(), &knows) {
        Some((g, hits)) => {
            engine::translate_document(path, text, &doc, &hits, &g, engine, opts.join_lines)
        }
        None => {
            engine::translate_document(path, text, &doc, &hits, glossary, engine, opts.join_lines)
        }
    }
}

/// The README's Rust examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
