//! The bundled word tables: English synonyms (WordNet), Russian and Turkish words in English
//! (FreeDict, inverted), the core vocabulary and function words of the Turkic languages,
//! informal abbreviations and the list of common English words.
//!
//! The data is built by `scripts/build_language_data.py` and committed under
//! `src/search/data/` (licences in its README), so nothing is downloaded at build or run time.
//! Tables are parsed once per process, on first use.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::is_apostrophe;
use crate::search::is_cyrillic;

type Table = HashMap<&'static str, Vec<&'static str>>;

fn parse(text: &'static str) -> Table {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split_once('\t'))
        .map(|(key, values)| (key, values.split('|').filter(|v| !v.is_empty()).collect()))
        .collect()
}

fn english_synonym_table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| parse(include_str!("../data/en-synonyms.tsv")))
}

/// Foreign word -> English words: the hand-written Turkic tables first, then the dictionaries,
/// then the wider Turkic news vocabulary.
fn foreign_tables() -> &'static [Table; 6] {
    static TABLES: OnceLock<[Table; 6]> = OnceLock::new();
    TABLES.get_or_init(|| {
        [
            parse(include_str!("../data/turkic-core.tsv")),
            parse(include_str!("../data/turkic-places.tsv")),
            parse(include_str!("../data/turkic-general.tsv")),
            parse(include_str!("../data/ru-en.tsv")),
            parse(include_str!("../data/tr-en.tsv")),
            // Read last: the words of wider news, after the dictionaries.
            parse(include_str!("../data/turkic-extra.tsv")),
        ]
    })
}

/// Every entry of the Russian dictionary (FreeDict, inverted): a Russian word in its
/// dictionary form and its English words.
pub fn russian_dictionary() -> impl Iterator<Item = (&'static str, &'static [&'static str])> {
    foreign_tables()[3].iter().map(|(russian, english)| (*russian, english.as_slice()))
}

fn abbreviation_table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| parse(include_str!("../data/abbreviations.tsv")))
}

/// The full English words for an informal abbreviation or clipped word in English or Russian
/// (`intl` -> international, `минцифры` -> ministry of digital development), if it is one.
pub fn expand_abbreviation(lower: &str) -> Option<&'static str> {
    let key = lower.replace(is_apostrophe, "");
    abbreviation_table().get(key.as_str()).and_then(|v| v.first().copied())
}

/// English synonyms and derivationally related words of a lowercase English word, most
/// frequent sense first (WordNet). Empty for unknown words.
pub fn english_synonyms(lower: &str) -> &'static [&'static str] {
    let table = english_synonym_table();
    // WordNet lists dictionary forms: "users", "linking", "cables" find "user", "link", "cable".
    std::iter::once(lower.to_string())
        .chain(dictionary_forms(lower))
        .find_map(|form| table.get(form.as_str()))
        .map_or(&[], Vec::as_slice)
}

/// The country (and its adjective) whose capital a lowercase English city name is
/// (`bishkek` -> kyrgyzstan, kyrgyz). Empty for other words.
pub fn country_of_capital(lower: &str) -> &'static [&'static str] {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| parse(include_str!("../data/capitals.tsv"))).get(lower).map_or(&[], Vec::as_slice)
}

/// Candidate dictionary forms of an inflected English word (plural, -ing, -ed), most likely
/// first; the caller keeps the first one a table knows.
fn dictionary_forms(lower: &str) -> Vec<String> {
    let mut forms = Vec::new();
    let mut push = |stem: &str, ending: &str| {
        if stem.chars().count() >= 2 {
            forms.push(format!("{stem}{ending}"));
        }
    };
    if let Some(stem) = lower.strip_suffix("ies").or_else(|| lower.strip_suffix("ied")) {
        push(stem, "y");
    }
    if let Some(stem) = lower.strip_suffix("es") {
        push(stem, "");
    }
    if let Some(stem) = lower.strip_suffix('s').filter(|s| !s.ends_with('s')) {
        push(stem, "");
    }
    for ending in ["ing", "ed"] {
        if let Some(stem) = lower.strip_suffix(ending) {
            push(stem, "");
            push(stem, "e");
            // "planned", "running": the doubled consonant.
            let chars: Vec<char> = stem.chars().collect();
            if let [.., a, b] = chars[..] {
                if a == b {
                    push(&stem[..stem.len() - b.len_utf8()], "");
                }
            }
        }
    }
    forms
}

/// English words for a lowercase Russian, Turkish or Turkic word, if a dictionary knows it.
pub fn to_english(lower: &str) -> Option<&'static [&'static str]> {
    let key = lower.replace(is_apostrophe, "");
    foreign_tables().iter().find_map(|t| t.get(key.as_str())).map(Vec::as_slice)
}

/// True for a Turkic question word ("эмне", "качан", "қанча") or function word ("жана",
/// "менен"): Kazakh or Kyrgyz written without their own letters still shows itself by these,
/// while the loanwords the Turkic tables share with Russian («саммит», «форум») do not count.
pub fn is_turkic_question_or_function_word(lower: &str) -> bool {
    const QUESTION_WORDS: &[&str] = &["what", "when", "where", "who", "which", "how many", "how much", "why"];
    let [core, ..] = foreign_tables();
    let asks = core.get(lower).is_some_and(|english| english.iter().any(|e| QUESTION_WORDS.contains(e)));
    asks || is_turkic_function_word(lower)
}

/// True for the conjunctions, postpositions and particles of the Turkic languages ("va",
/// "uchun", «бойынша», "üçün", "için"), which carry no topic.
pub fn is_turkic_function_word(lower: &str) -> bool {
    static WORDS: OnceLock<std::collections::HashSet<&'static str>> = OnceLock::new();
    let words = WORDS.get_or_init(|| {
        include_str!("../data/turkic-stop-words.txt").lines().filter(|l| !l.starts_with('#')).collect()
    });
    // Uzbek Cyrillic shares the Latin entries ("асосан": "asosan").
    words.contains(lower)
        || (is_cyrillic(lower) && super::uzbek_latin(lower).is_some_and(|latin| words.contains(latin.as_str())))
}

/// Full names of international organizations as a question may write them out, each with its
/// English name ("european union", «европейский союз» → "european union").
pub fn world_organization_names() -> impl Iterator<Item = (&'static str, &'static str)> {
    include_str!("../data/world-organization-names.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split_once('\t').unwrap_or((l, l)))
}

/// True for the lowercase abbreviation or one-word name of an international organization or
/// bloc ("asean", "mercosur", «одкб»): a name however it is written, never a typo.
pub fn is_world_organization(lower: &str) -> bool {
    static WORDS: OnceLock<std::collections::HashSet<&'static str>> = OnceLock::new();
    WORDS
        .get_or_init(|| {
            include_str!("../data/world-organizations.txt")
                .lines()
                .filter(|l| !l.starts_with('#') && !l.is_empty())
                .collect()
        })
        .contains(lower)
}

/// True for words of the bundled list of common English words (wordfreq).
pub fn is_common_english_word(lower: &str) -> bool {
    static WORDS: OnceLock<std::collections::HashSet<&'static str>> = OnceLock::new();
    WORDS
        .get_or_init(|| include_str!("../english-words.txt").lines().filter(|l| !l.starts_with('#')).collect())
        .contains(lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dictionaries_translate_common_words() {
        assert!(to_english("qachon").is_some_and(|e| e.contains(&"when")));
        assert!(to_english("toplantı").is_some_and(|e| e.contains(&"meeting")));
        assert!(to_english("sunʼiy").is_some_and(|e| e.contains(&"artificial")));
    }

    #[test]
    fn table_keys_are_written_as_they_are_looked_up() {
        // Lookups drop apostrophes (`oʻ` -> `o`); a key that kept one could never match.
        for table in foreign_tables() {
            assert!(table.keys().all(|k| !k.contains(is_apostrophe)), "a key with an apostrophe");
        }
    }

    #[test]
    fn inflected_words_find_the_synonyms_of_their_dictionary_form() {
        assert_eq!(english_synonyms("cables"), english_synonyms("cable"));
        assert_eq!(english_synonyms("linking"), english_synonyms("link"));
        assert_eq!(english_synonyms("planned"), english_synonyms("plan"));
        assert_eq!(english_synonyms("studies"), english_synonyms("study"));
        assert!(!english_synonyms("cable").is_empty());
    }

    #[test]
    fn world_organizations_are_known_in_lowercase_only() {
        assert!(is_world_organization("asean") && is_world_organization("одкб"));
        assert!(!is_world_organization("asian") && !is_world_organization("who"));
    }

    #[test]
    fn clipped_words_expand_to_full_english_words() {
        assert_eq!(expand_abbreviation("int'l"), Some("international"));
        assert_eq!(expand_abbreviation("минцифры"), Some("ministry of digital development"));
        assert_eq!(expand_abbreviation("international"), None);
        assert!(english_synonyms("propose").contains(&"suggest"));
    }
}
