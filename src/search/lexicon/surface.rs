//! What the way a question is written says beyond its words: capitalised words are names,
//! words in capitals abbreviations, and a number joined to a noun by a hyphen or a period a
//! Turkic ordinal.

use std::collections::HashSet;

use super::language;
use crate::search::text::{is_cyrillic, Word};

/// The names and abbreviations of a question, as its capitals show them.
pub(super) struct Surface {
    /// Capitalised words past the first, Latin abbreviations and international organizations:
    /// a name the knowledge lacks is the question's topic.
    pub names: HashSet<String>,
    /// Words in capitals ("ASEAN") and known international organizations: never typos.
    pub acronyms: HashSet<String>,
    /// "IT" in capitals is information technology, not the pronoun.
    pub keeps_it: bool,
}

impl Surface {
    /// Reads the surface of `question`, whose words are `question_words`.
    pub fn read(question: &str, question_words: &[Word], turkic: bool) -> Surface {
        // Capitalised words past the first are names; a name the knowledge lacks is the topic.
        // In Turkic, the second half of a hyphenated name takes the endings ("Чўлпон-Отадаги")
        // and is the same name, which its first half already stands for.
        let second_half = |n: usize| {
            turkic && n > 0 && question[question_words[n - 1].range.end..question_words[n].range.start] == *"-"
        };
        let names: HashSet<String> = question_words
            .iter()
            .enumerate()
            .skip(1)
            .filter(|&(n, w)| question[w.range.clone()].starts_with(char::is_uppercase) && !second_half(n))
            .map(|(_, w)| w.lower.clone())
            .collect();
        // A word in capitals ("ASEAN") is an abbreviation, never a typo.
        let acronyms: HashSet<String> = question_words
            .iter()
            .filter(|w| {
                let surface = &question[w.range.clone()];
                surface.chars().filter(|c| c.is_alphabetic()).count() >= 2
                    && surface.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
            })
            .map(|w| w.lower.clone())
            .collect();
        // A known international organization is a name however it is written ("asean").
        let world: HashSet<String> = question_words
            .iter()
            .filter(|w| language::is_world_organization(&w.lower))
            .map(|w| w.lower.clone())
            .collect();
        // A Latin abbreviation names an organization even first ("ASEAN digital ministers…");
        // Cyrillic ones are as often a generic body («СГГ», «МИД»), and stay ordinary words.
        let names: HashSet<String> = names
            .into_iter()
            .chain(acronyms.iter().filter(|w| !is_cyrillic(w)).cloned())
            .chain(world.iter().cloned())
            .collect();
        // "IT" in capitals is information technology, not the pronoun, unless the whole
        // question is shouted.
        let shouted = question_words.len() > 2 && question_words.iter().all(|w| acronyms.contains(&w.lower));
        let keeps_it = acronyms.contains("it") && !shouted;
        let acronyms: HashSet<String> = acronyms.into_iter().chain(world).collect();
        Surface { names, acronyms, keeps_it }
    }
}

/// True when the number that is word `i` is followed by a hyphen or a period and then a word
/// of letters: a Turkic ordinal ("4-uchrashuvi", "6-саммити", "4. toplantı").
pub(super) fn marks_ordinal(question: &str, words: &[Word], i: usize) -> bool {
    let (Some(number), Some(next)) = (words.get(i), words.get(i + 1)) else {
        return false;
    };
    let between = &question[number.range.end..next.range.start];
    matches!(between.trim_end(), "-" | ".") && next.lower.chars().all(char::is_alphabetic)
}
