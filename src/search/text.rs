//! Text analysis shared by indexing and querying: words, stems, sentences, stop words.
//!
//! The index stores exactly the stems produced here, so a question and a passage are always
//! compared through one pipeline (see `Analyzer::stems`).

use std::ops::Range;

use frostem::{Algorithm, Stemmer};

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

/// Stems words with the English or Russian Snowball stemmer, chosen by script.
pub struct Analyzer {
    english: Stemmer,
    russian: Stemmer,
}

impl Default for Analyzer {
    fn default() -> Self {
        Analyzer { english: Stemmer::new(Algorithm::English), russian: Stemmer::new(Algorithm::Russian) }
    }
}

impl Analyzer {
    /// The stem of one lowercase word. Ordinals in any language stem to the English ordinal
    /// (`third`, `третий`, `uchinchi` -> `3rd`), as the documents write them.
    pub fn stem(&self, lower: &str) -> String {
        if let Some(ordinal) = super::language::ordinal(lower) {
            ordinal.to_string()
        } else if is_cyrillic(lower) {
            self.russian.stem(&lower.replace('ё', "е")).into_owned()
        } else {
            self.english.stem(superlative_base(lower).as_deref().unwrap_or(lower)).into_owned()
        }
    }

    /// The stems of every word of `text`, in order.
    pub fn stems(&self, text: &str) -> Vec<String> {
        words(text).iter().map(|w| self.stem(&w.lower)).collect()
    }
}

/// The adjective of a superlative the Snowball stemmer keeps whole: `biggest` -> `big`,
/// `strongest` -> `strong`, `largest` -> `large`, `earliest` -> `early`; only when the result
/// is a common English word, so `interest` or `request` stay as they are.
fn superlative_base(lower: &str) -> Option<String> {
    // Common words that end in -est without being superlatives.
    const NOT_SUPERLATIVES: &[&str] = &[
        "interest", "request", "forest", "harvest", "honest", "modest", "suggest", "protest", "contest", "digest",
        "invest", "arrest", "manifest", "conquest", "inquest", "earnest", "bequest", "attest", "detest", "infest",
    ];
    if NOT_SUPERLATIVES.iter().any(|w| lower.ends_with(w)) {
        return None;
    }
    let base = lower.strip_suffix("est").filter(|b| b.len() >= 3)?;
    let common = super::language::is_common_english_word;
    let bytes = base.as_bytes();
    let undoubled =
        (bytes.len() >= 2 && bytes[bytes.len() - 1] == bytes[bytes.len() - 2]).then(|| &base[..base.len() - 1]);
    let candidates = [
        undoubled.map(str::to_string),
        base.strip_suffix('i').map(|b| format!("{b}y")),
        Some(format!("{base}e")),
        Some(base.to_string()),
    ];
    candidates.into_iter().flatten().find(|c| c.len() >= 3 && common(c))
}

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

/// English words that carry no topic: they are never search terms.
pub const ENGLISH_STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "according",
    "after",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "been",
    "before",
    "being",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "done",
    "during",
    "each",
    "else",
    "ever",
    "every",
    "for",
    "from",
    "get",
    "give",
    "go",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "him",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "just",
    "know",
    "let",
    "like",
    "me",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "no",
    "nor",
    "not",
    "of",
    "off",
    "on",
    "one",
    "only",
    "or",
    "other",
    "our",
    "out",
    "over",
    "please",
    "s",
    "say",
    "said",
    "shall",
    "she",
    "should",
    "show",
    "so",
    "some",
    "such",
    "tell",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "up",
    "us",
    "very",
    "was",
    "we",
    "were",
    "what",
    "whats",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "there",
    "way",
    "ways",
    "thing",
    "things",
    "anything",
    "something",
    "exactly",
    "really",
    "per",
    "across",
    "via",
    "regarding",
    "toward",
    "towards",
    "upon",
    "among",
    "amongst",
    "kind",
    "sort",
    "whether",
    "again",
    "still",
    "yet",
    "even",
    "pls",
    "plz",
];

/// Russian words that carry no topic.
pub const RUSSIAN_STOP_WORDS: &[&str] = &[
    "и",
    "в",
    "во",
    "не",
    "что",
    "он",
    "на",
    "я",
    "с",
    "со",
    "как",
    "а",
    "то",
    "все",
    "она",
    "так",
    "его",
    "но",
    "да",
    "ты",
    "к",
    "у",
    "же",
    "вы",
    "за",
    "бы",
    "по",
    "только",
    "ее",
    "её",
    "мне",
    "было",
    "вот",
    "от",
    "меня",
    "еще",
    "ещё",
    "нет",
    "о",
    "об",
    "из",
    "ему",
    "теперь",
    "когда",
    "даже",
    "ну",
    "ли",
    "если",
    "уже",
    "или",
    "ни",
    "быть",
    "был",
    "него",
    "до",
    "вас",
    "нибудь",
    "опять",
    "уж",
    "вам",
    "ведь",
    "там",
    "потом",
    "себя",
    "ничего",
    "ей",
    "может",
    "они",
    "тут",
    "где",
    "есть",
    "надо",
    "ней",
    "для",
    "мы",
    "тебя",
    "их",
    "чем",
    "была",
    "сам",
    "чтобы",
    "без",
    "будто",
    "чего",
    "раз",
    "тоже",
    "себе",
    "под",
    "будет",
    "ж",
    "тогда",
    "кто",
    "этот",
    "того",
    "потому",
    "этого",
    "какой",
    "какая",
    "какие",
    "каким",
    "какими",
    "каких",
    "какое",
    "какую",
    "каком",
    "совсем",
    "ним",
    "здесь",
    "этом",
    "один",
    "почти",
    "мой",
    "тем",
    "чтобы",
    "нее",
    "были",
    "куда",
    "зачем",
    "всех",
    "никогда",
    "можно",
    "при",
    "наконец",
    "два",
    "об",
    "другой",
    "хоть",
    "после",
    "над",
    "больше",
    "тот",
    "через",
    "эти",
    "нас",
    "про",
    "всего",
    "них",
    "какая",
    "много",
    "разве",
    "три",
    "эту",
    "моя",
    "впрочем",
    "хорошо",
    "свою",
    "этой",
    "перед",
    "иногда",
    "лучше",
    "чуть",
    "том",
    "нельзя",
    "такой",
    "им",
    "более",
    "всегда",
    "конечно",
    "всю",
    "между",
    "ли",
    "скажи",
    "скажите",
    "расскажи",
    "расскажите",
    "пожалуйста",
    "сколько",
    "каков",
    "каковы",
    "кем",
    "чём",
    "чем",
    "это",
    "была",
    "были",
];

/// True when the lowercase word is an English, Russian or Turkic stop word.
pub fn is_stop_word(lower: &str) -> bool {
    ENGLISH_STOP_WORDS.contains(&lower)
        || RUSSIAN_STOP_WORDS.contains(&lower)
        || super::language::is_turkic_function_word(lower)
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

    #[test]
    fn stems_unify_inflections_in_both_languages() {
        let a = Analyzer::default();
        assert_eq!(a.stem("meetings"), a.stem("meeting"));
        assert_eq!(a.stem("встречи"), a.stem("встреча"));
        assert_eq!(a.stem("biggest"), a.stem("big"));
        assert_eq!(a.stem("strongest"), a.stem("strong"));
        assert_eq!(a.stem("largest"), a.stem("large"));
        assert_eq!(a.stem("interest"), "interest");
    }

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
