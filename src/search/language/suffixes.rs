//! Turkic endings: case, possessive and plural suffixes of Uzbek, Kazakh, Kyrgyz,
//! Azerbaijani and Turkish stripped back to the dictionary form, and from numbers (`2026'da`).

use super::is_apostrophe;
use crate::search::is_cyrillic;

mod endings;

use endings::{CYRILLIC_SUFFIXES, CYRILLIC_VERB_ENDINGS, LATIN_SUFFIXES, LATIN_VERB_ENDINGS};

/// Shorter forms of a word with Turkic endings removed, longest first; never shorter than
/// three letters. The caller keeps the first one the knowledge knows.
pub fn without_suffixes(lower: &str) -> Vec<String> {
    let (cases, verbs) = if is_cyrillic(lower) {
        (CYRILLIC_SUFFIXES, CYRILLIC_VERB_ENDINGS)
    } else {
        (LATIN_SUFFIXES, LATIN_VERB_ENDINGS)
    };
    let mut out: Vec<String> = Vec::new();
    let mut frontier = vec![lower.to_string()];
    for _ in 0..3 {
        let mut next = Vec::new();
        for word in &frontier {
            for suffix in cases.iter().chain(verbs) {
                if let Some(stem) = word.strip_suffix(suffix) {
                    let stem = stem.trim_end_matches(is_apostrophe);
                    for stem in [stem.to_string(), unvoiced(stem)] {
                        if stem.chars().count() >= 3 && !out.contains(&stem) {
                            out.push(stem.clone());
                            next.push(stem);
                        }
                    }
                }
            }
        }
        frontier = next;
    }
    out.sort_by_key(|s| std::cmp::Reverse(s.chars().count()));
    out
}

/// The stem with a final g/ğ/ғ/г back as the k/q/қ/к it was before a vowel ending
/// (`xavfsizligi` -> `xavfsizlik`, `коопсуздугу` -> `коопсуздук`), and a final d/b back as the
/// t/p of Azerbaijani and Turkish verbs and nouns (`yaradır` -> `yarat`, `kitabı` -> `kitap`);
/// the stem itself otherwise.
fn unvoiced(stem: &str) -> String {
    let mut chars: Vec<char> = stem.chars().collect();
    let back = match chars.last() {
        Some('g') if chars.len() >= 2 && matches!(chars[chars.len() - 2], 'i' | 'ı' | 'u' | 'ü') => 'k',
        Some('ğ') => 'k',
        Some('ғ') => 'қ',
        Some('г') => 'к',
        // Azerbaijani k between vowels is y ("nazirliyi" of "nazirlik").
        Some('y') if chars.len() >= 3 && matches!(chars[chars.len() - 2], 'i' | 'ı' | 'ə' | 'ü' | 'e' | 'a') => 'k',
        Some('d') => 't',
        Some('b') => 'p',
        _ => return stem.to_string(),
    };
    chars.pop();
    chars.push(back);
    chars.into_iter().collect()
}

/// The number a Turkic ending is attached to (`2026'da`, `2026da`, `2019-yilda`, `2020жылы`
/// -> `2026`, `2019`, `2020`): digits followed by letters that are case endings or a word for
/// "year". `None` for other words, and for English ordinals (`4th`).
pub fn number_with_ending(lower: &str) -> Option<&str> {
    const YEAR_WORDS: &[&str] = &[
        "yil",
        "yili",
        "yilda",
        "yildan",
        "yıl",
        "yılı",
        "yılında",
        "yılda",
        "il",
        "ildə",
        "ili",
        "жыл",
        "жылы",
        "жылғы",
        "жылдын",
        "жылда",
        "йил",
        "йили",
        "йилда",
    ];
    let digits = lower.find(|c: char| !c.is_ascii_digit())?;
    if digits == 0 {
        return None;
    }
    let tail: String = lower[digits..].chars().filter(|&c| !is_apostrophe(c) && c != '-').collect();
    let suffixes = if is_cyrillic(&tail) { CYRILLIC_SUFFIXES } else { LATIN_SUFFIXES };
    let ending = YEAR_WORDS.contains(&tail.as_str())
        || YEAR_WORDS.iter().any(|y| tail.strip_prefix(y).is_some_and(|rest| suffixes.contains(&rest)))
        || suffixes.contains(&tail.as_str());
    ending.then(|| &lower[..digits])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn turkic_endings_are_stripped_to_the_dictionary_form() {
        assert!(without_suffixes("uchrashuvini").contains(&"uchrashuv".to_string()));
        assert!(without_suffixes("qəbələdə").contains(&"qəbələ".to_string()));
        // Kyrgyz plural, possessive and accusative after a front vowel: -тер-ин.
        assert!(without_suffixes("жетишкендиктерин").contains(&"жетишкендик".to_string()));
        assert!(without_suffixes("алматыда").contains(&"алматы".to_string()));
        assert!(without_suffixes("tokayevning").contains(&"tokayev".to_string()));
        assert!(without_suffixes("xavfsizligini").contains(&"xavfsizlik".to_string()));
        assert!(without_suffixes("тмунун").contains(&"тму".to_string()));
        assert!(without_suffixes("өнүгүүсү").contains(&"өнүгүү".to_string()));
        assert!(without_suffixes("келишимине").contains(&"келишим".to_string()));
        assert!(without_suffixes("hizmetleriyle").contains(&"hizmet".to_string()));
        assert!(without_suffixes("çərçivəsində").contains(&"çərçivə".to_string()));
        assert!(without_suffixes("içerikle").contains(&"içerik".to_string()));
    }

    #[test]
    fn turkic_verb_endings_are_stripped_to_the_stem() {
        assert!(without_suffixes("yaradır").contains(&"yarat".to_string()));
        assert!(without_suffixes("белгилешти").contains(&"белгиле".to_string()));
    }

    #[test]
    fn a_number_keeps_its_value_under_a_turkic_ending() {
        assert_eq!(number_with_ending("2026'da"), Some("2026"));
        assert_eq!(number_with_ending("2026da"), Some("2026"));
        assert_eq!(number_with_ending("2020жылы"), Some("2020"));
        assert_eq!(number_with_ending("4th"), None);
        assert_eq!(number_with_ending("2026"), None);
    }
}
