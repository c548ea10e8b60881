//! The built-in rule-based engine: analyse → transfer → generate.

pub mod english;
pub mod lexicon;
pub mod morph;
