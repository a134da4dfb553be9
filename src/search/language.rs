//! General language resources: English synonyms (WordNet), Russian and Turkish words in
//! English (FreeDict, inverted), the core vocabulary of the Turkic languages, suffix stripping
//! for agglutinative forms, Russian inflected forms, ordinals, and Cyrillic-to-Latin transliteration of names.
//!
//! This file is the public face; the work lives by job: `dictionaries.rs` (the bundled word
//! tables under `src/search/data/`, parsed once on first use), `spelling.rs` (British to
//! American spellings), `suffixes.rs` (Turkic endings), `inflections.rs` (Russian cases and tenses), `names.rs` (transliteration and name
//! keys) and `ordinals.rs` (ordinal words and numbered ordinals).

mod dictionaries;
mod inflections;
mod names;
mod ordinals;
mod spelling;
mod suffixes;

pub use dictionaries::{
    country_of_capital, english_synonyms, expand_abbreviation, is_common_english_word, is_turkic_function_word,
    is_turkic_question_or_function_word, is_world_organization, russian_dictionary, to_english,
    world_organization_names,
};
pub use inflections::russian_forms;
pub use names::{name_key, uzbek_latin};
pub use ordinals::{marked_ordinal, numbered_ordinal, ordinal};
pub use spelling::american_spellings;
pub use suffixes::{number_with_ending, without_suffixes};

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '‘' | '`' | 'ʻ')
}
