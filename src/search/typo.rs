//! Typo correction through an index, so its cost does not grow with the vocabulary.
//!
//! A symmetric-delete index (the SymSpell idea): every known word is stored under its own
//! hash and the hashes of its one-letter deletions. A misspelling looks up its own hash, its
//! one-letter deletions and, for long words, its two-letter deletions; the few words found
//! are checked with the true Damerau–Levenshtein distance. This finds every word within one
//! edit, and within two edits unless the word lost two letters of the known one. Lookups are
//! cached, since questions repeat words.

use std::collections::HashMap;
use std::sync::Mutex;

/// Longest word indexed or corrected, in characters: longer tokens are not words.
const MAX_WORD_CHARS: usize = 32;
/// Cached corrections kept before the cache is cleared.
const CACHE_LIMIT: usize = 20_000;

/// Known words and their deletion hashes, for finding the closest word to a misspelling.
pub struct TypoIndex {
    words: Vec<String>,
    frequency: Vec<u32>,
    /// (hash of a word or of one of its one-letter deletions, word index), sorted.
    deletes: Vec<(u64, u32)>,
    cache: Mutex<HashMap<(String, bool), Option<u32>>>,
}

/// FNV-1a over the characters, skipping the positions `skip` names: a deletion is hashed
/// without building the shorter word, so a lookup allocates nothing per candidate key.
fn hash_without(chars: &[char], skip: [usize; 2]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for (i, &c) in chars.iter().enumerate() {
        if i != skip[0] && i != skip[1] {
            h ^= c as u64;
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h
}

const NONE: usize = usize::MAX;

fn hash(chars: &[char]) -> u64 {
    hash_without(chars, [NONE, NONE])
}

impl TypoIndex {
    /// Indexes words with how often each occurs (the tie-break between equally close words).
    pub fn new(words: impl IntoIterator<Item = (String, u32)>) -> TypoIndex {
        let mut index =
            TypoIndex { words: Vec::new(), frequency: Vec::new(), deletes: Vec::new(), cache: Mutex::default() };
        for (word, frequency) in words {
            let chars: Vec<char> = word.chars().collect();
            if chars.len() < 2 || chars.len() > MAX_WORD_CHARS {
                continue;
            }
            let id = index.words.len() as u32;
            index.deletes.push((hash(&chars), id));
            for i in 0..chars.len() {
                index.deletes.push((hash_without(&chars, [i, NONE]), id));
            }
            index.words.push(word);
            index.frequency.push(frequency);
        }
        index.deletes.sort_unstable();
        index.deletes.dedup();
        index.deletes.shrink_to_fit();
        index
    }

    fn ids_under(&self, key: u64) -> impl Iterator<Item = u32> + '_ {
        let start = self.deletes.partition_point(|&(h, _)| h < key);
        self.deletes[start..].iter().take_while(move |&&(h, _)| h == key).map(|&(_, id)| id)
    }

    /// The closest other word within one edit (two for words of eight letters or more) that
    /// starts with the same letter, the most frequent among equals; `accept` filters
    /// candidates. `strict` is part of the cache key, for callers with two filters.
    pub fn closest(&self, word: &str, strict: bool, accept: impl Fn(&str) -> bool) -> Option<&str> {
        let key = (word.to_string(), strict);
        if let Some(cached) = self.cache.lock().ok().and_then(|c| c.get(&key).copied()) {
            return cached.map(|id| self.words[id as usize].as_str());
        }
        let found = self.search(word, &accept);
        if let Ok(mut cache) = self.cache.lock() {
            if cache.len() >= CACHE_LIMIT {
                cache.clear();
            }
            cache.insert(key, found);
        }
        found.map(|id| self.words[id as usize].as_str())
    }

    fn search(&self, word: &str, accept: &impl Fn(&str) -> bool) -> Option<u32> {
        let chars: Vec<char> = word.chars().collect();
        if chars.len() < 2 || chars.len() > MAX_WORD_CHARS {
            return None;
        }
        let max_distance = if chars.len() < 8 { 1 } else { 2 };
        let n = chars.len();
        let mut keys = vec![hash(&chars)];
        keys.extend((0..n).map(|i| hash_without(&chars, [i, NONE])));
        if max_distance == 2 {
            for i in 0..n {
                keys.extend((i + 1..n).map(|j| hash_without(&chars, [i, j])));
            }
        }
        keys.sort_unstable();
        keys.dedup();
        let mut best: Option<(usize, u32, u32)> = None;
        for key in keys {
            for id in self.ids_under(key) {
                let candidate = &self.words[id as usize];
                if candidate.chars().next() != chars.first().copied() || !accept(candidate) {
                    continue;
                }
                let distance = strsim::damerau_levenshtein(word, candidate);
                if distance == 0 || distance > max_distance {
                    continue;
                }
                let frequency = self.frequency[id as usize];
                let better = match best {
                    None => true,
                    Some((d, f, b)) => distance < d || (distance == d && (frequency > f || (frequency == f && id < b))),
                };
                if better {
                    best = Some((distance, frequency, id));
                }
            }
        }
        best.map(|(_, _, id)| id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> TypoIndex {
        TypoIndex::new(["ministers", "meeting", "council", "councils", "turkic", "almaty"].map(|w| (w.to_string(), 1)))
    }

    #[test]
    fn finds_words_within_the_allowed_distance() {
        let index = index();
        let any = |_: &str| true;
        assert_eq!(index.closest("minsters", false, any), Some("ministers"));
        assert_eq!(index.closest("meetng", false, any), Some("meeting"));
        assert_eq!(index.closest("councl", false, any), Some("council"));
        assert_eq!(index.closest("turkci", false, any), Some("turkic"));
        assert_eq!(index.closest("mnisetrs", false, any), None, "three edits");
        assert_eq!(index.closest("almaty", false, any), None, "a known word is not a typo");
    }

    #[test]
    fn repeated_lookups_come_from_the_cache() {
        let index = index();
        for _ in 0..3 {
            assert_eq!(index.closest("minsters", false, |_| true), Some("ministers"));
        }
        assert_eq!(index.cache.lock().unwrap().len(), 1);
    }
}
