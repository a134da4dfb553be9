//! Splitting text into sentences, keeping initials, titles and abbreviations inside theirs.

use std::ops::Range;

/// Splits text into sentences: at line breaks, and after `.`, `!`, `?` or `;` followed by
/// a space and a capital letter, digit or quote. Initials (`M.A.`), `prof.` and `Sh.Sadikov`
/// stay inside their sentence. Returns trimmed byte ranges.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let push = |from: usize, to: usize, out: &mut Vec<Range<usize>>| {
        let piece = &text[from..to];
        let lead = piece.len() - piece.trim_start().len();
        let trimmed = piece.trim();
        if !trimmed.is_empty() {
            out.push(from + lead..from + lead + trimmed.len());
        }
    };
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\n' {
            push(start, i, &mut out);
            start = i + 1;
        } else if matches!(b, b'.' | b'!' | b'?' | b';') && ends_sentence(text, i) {
            push(start, i + 1, &mut out);
            start = i + 1;
        }
        i += 1;
    }
    push(start, text.len(), &mut out);
    out
}

fn ends_sentence(text: &str, at: usize) -> bool {
    let after = &text[at + 1..];
    let mut rest = after.chars();
    if !rest.next().is_some_and(char::is_whitespace) {
        return false;
    }
    let next = after.trim_start().chars().next();
    if !next.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "\"«“'(".contains(c)) {
        return false;
    }
    // A single capital letter or a short abbreviation before the dot is an initial or title.
    let before = &text[..at];
    let mut last_word: Vec<char> = before.chars().rev().take_while(|c| c.is_alphabetic()).collect();
    last_word.reverse();
    let last_word: String = last_word.into_iter().collect();
    let is_initial = last_word.chars().count() == 1 && last_word.chars().all(char::is_uppercase);
    let is_title = ["prof", "Prof", "Dr", "Mr", "Mrs", "St", "No", "Co", "vs"].contains(&last_word.as_str());
    !(text.as_bytes()[at] == b'.' && (is_initial || is_title))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_split_on_stops_and_lines_but_not_initials() {
        let text = "Minister Sh.Sadikov made a report. It was held by prof. M.A. Bonch-Bruevich.\n1st line; 2nd line";
        let parts: Vec<&str> = sentences(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            parts,
            [
                "Minister Sh.Sadikov made a report.",
                "It was held by prof. M.A. Bonch-Bruevich.",
                "1st line;",
                "2nd line"
            ]
        );
    }
}
