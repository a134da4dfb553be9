//! Text analysis shared by indexing and querying: words, stems, sentences, stop words.
//!
//! The index stores exactly the stems produced here, so a question and a passage are always
//! compared through one pipeline (see [`Analyzer::stems`]).
//!
//! This file is the public face; the work lives by job: `words.rs` (words and their
//! lowercase forms, [`words()`], [`is_cyrillic`]), `stem.rs` (the Snowball stemmers,
//! [`Analyzer`]), `sentences.rs` ([`sentences()`]) and `stop_words.rs` ([`is_stop_word`]).

mod sentences;
mod stem;
mod stop_words;
mod words;

pub use sentences::sentences;
pub use stem::Analyzer;
pub use stop_words::{is_stop_word, ENGLISH_STOP_WORDS, RUSSIAN_STOP_WORDS};
pub use words::{is_cyrillic, words, Word};
