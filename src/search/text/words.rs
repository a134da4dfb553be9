//! Splitting text into words: runs of letters and digits, Turkish-aware lowercasing, in-word
//! apostrophes and possessives; and telling a Cyrillic word from a Latin one.

use std::ops::Range;

/// A word of the original text: its byte range and its lowercase, apostrophe-free form.
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    pub range: Range<usize>,
    pub lower: String,
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '‘' | '`' | 'ʻ')
}

/// Lowercases one letter, Turkish-aware for the dotted capital: `İ` is `i`, never `i` plus a
/// combining dot (Rust's `to_lowercase`), so `İstanbul` and `istanbul` are one word.
fn push_lower(out: &mut String, c: char) {
    if c == 'İ' {
        out.push('i');
    } else {
        out.extend(c.to_lowercase().filter(|&l| l != '\u{0307}'));
    }
}

/// Splits text into words: runs of letters and digits, joined across in-word apostrophes
/// (`O’zbektelekom` is one word); a possessive `'s` is dropped.
pub fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        // ʻ and ʼ are letters to Unicode but apostrophes to a reader (Uzbek "Oʻzbekiston").
        if !c.is_alphanumeric() || is_apostrophe(c) {
            continue;
        }
        let mut lower = String::new();
        push_lower(&mut lower, c);
        let mut end = start + c.len_utf8();
        while let Some(&(i, next)) = chars.peek() {
            if next == '\u{0307}' {
                // The combining dot of a decomposed Turkish İ: part of the word, not a letter.
                end = i + next.len_utf8();
                chars.next();
            } else if next.is_alphanumeric() && !is_apostrophe(next) {
                push_lower(&mut lower, next);
                end = i + next.len_utf8();
                chars.next();
            } else if is_apostrophe(next) {
                let mut ahead = chars.clone();
                ahead.next();
                match ahead.peek() {
                    Some(&(_, after)) if after.is_alphanumeric() => {
                        chars.next();
                    }
                    _ => break,
                }
            } else {
                break;
            }
        }
        let ends_with_possessive = lower.len() > 2 && text[start..end].contains(is_apostrophe) && lower.ends_with('s');
        if ends_with_possessive {
            let apostrophe_before_s = text[start..end].trim_end_matches(['s', 'S']).ends_with(is_apostrophe);
            if apostrophe_before_s {
                lower.pop();
            }
        }
        out.push(Word { range: start..end, lower });
    }
    out
}

/// True when the word is written in Cyrillic.
pub fn is_cyrillic(word: &str) -> bool {
    word.chars().any(|c| matches!(c, '\u{0400}'..='\u{04FF}'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lowers(text: &str) -> Vec<String> {
        words(text).into_iter().map(|w| w.lower).collect()
    }

    #[test]
    fn words_join_apostrophes_and_drop_possessives() {
        assert_eq!(
            lowers("O’zbektelekom and Kyrgyzstan’s e-government"),
            ["ozbektelekom", "and", "kyrgyzstan", "e", "government"]
        );
        assert_eq!(lowers("'quoted' 99% $373.4"), ["quoted", "99", "373", "4"]);
        assert_eq!(lowers("ШОС и ИКТ"), ["шос", "и", "икт"]);
        assert_eq!(lowers("İSTANBUL İstanbul"), ["istanbul", "istanbul"]);
        assert_eq!(lowers("Oʻzbektelekom ʻSCOʼ Kyrgyzstanʼs"), ["ozbektelekom", "sco", "kyrgyzstan"]);
    }

    #[test]
    fn word_ranges_point_into_the_original_text() {
        let text = "Héllo, «world»";
        for w in words(text) {
            assert!(text.is_char_boundary(w.range.start) && text.is_char_boundary(w.range.end));
        }
    }
}
