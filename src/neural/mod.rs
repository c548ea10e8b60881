//! The neural engine: Firefox Translations' Dutch→English model run by
//! `fxtranslate`, with tolk's glossary enforced on top.
//!
//! - [`constrain`]: decoding with glossary terms as constraints, over any
//!   step-wise model.
//! - [`store`]: the model directory; download, list, remove. The only code
//!   of tolk that opens a network connection.
//! - [`testmodel`]: a tiny synthetic model in fxtranslate's container format
//!   and a tiny SentencePiece vocabulary, for tests and benchmarks.

pub mod constrain;
mod engine;
pub mod store;
#[doc(hidden)]
pub mod testmodel;

pub use engine::{FallbackFn, NeuralEngine, NeuralOptions, replace_avoided};
