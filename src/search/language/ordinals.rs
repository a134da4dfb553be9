//! Ordinals: ordinal words in English, Russian and the Turkic languages, and numbers with an
//! ordinal ending, as the English ordinal (`3rd`) the documents write.

use super::is_apostrophe;
use crate::search::is_cyrillic;

/// English ordinal for an ordinal word in English, Russian or a Turkic language ("third",
/// "третий", "uchinchi", "üçüncü" -> `3rd`), so that "the third meeting" finds "3rd meeting".
pub fn ordinal(lower: &str) -> Option<&'static str> {
    const ORDINALS: &[(&[&str], &str)] = &[
        (&["first", "перв", "birinchi", "бірінші", "биринчи", "birinci"], "1st"),
        (&["second", "втор", "ikkinchi", "екінші", "экинчи", "ikinci"], "2nd"),
        (&["third", "трет", "uchinchi", "үшінші", "үчүнчү", "üçüncü"], "3rd"),
        (&["fourth", "четверт", "четвёрт", "tortinchi", "төртінші", "төртүнчү", "dördüncü"], "4th"),
        (&["fifth", "пят", "beshinchi", "бесінші", "бешинчи", "beşinci"], "5th"),
        (&["sixth", "шест", "oltinchi", "алтыншы", "altınchı", "altıncı"], "6th"),
        (&["seventh", "седьм", "yettinchi", "жетінші", "yedinci"], "7th"),
        (&["eighth", "восьм", "sakkizinchi", "сегізінші", "sekizinci"], "8th"),
        (&["ninth", "девят", "toqqizinchi", "тоғызыншы", "dokuzuncu"], "9th"),
        (&["tenth", "десят", "oninchi", "оныншы", "onuncu"], "10th"),
        (&["eleventh", "одиннадцат"], "11th"),
        (&["twelfth", "двенадцат"], "12th"),
    ];
    const RUSSIAN_ENDINGS: &[&str] = &[
        "ый", "ий", "ой", "ая", "ья", "ое", "ье", "ого", "его", "ьего", "ую", "ью", "ом", "ем", "ые", "ьи", "ых",
        "ьей", "ей",
    ];
    let word = lower.replace(is_apostrophe, "");
    ORDINALS.iter().find_map(|(forms, ordinal)| {
        forms
            .iter()
            .any(|f| {
                if is_cyrillic(f) && !f.ends_with(['і', 'ы', 'и', 'ү']) {
                    word.strip_prefix(f).is_some_and(|end| RUSSIAN_ENDINGS.contains(&end))
                } else {
                    word == *f
                }
            })
            .then_some(*ordinal)
    })
}

/// The ordinal that a number and a Russian ending spell (`3` + `е`, `12` + `го`), or an
/// Uzbek/Kazakh `3-` prefix, as the English `3rd`.
pub fn numbered_ordinal(number: &str, ending: &str) -> Option<String> {
    const ENDINGS: &[&str] = &[
        "е", "й", "я", "го", "му", "м", "ю", "х", "ое", "ий", "ый", "ая", "ой", "ая", "ші", "шы", "nchi", "inchi",
        "chi", "чи", "нчи", "ci", "cı", "cu", "cü", "nci", "ncı", "ncu", "ncü", "inci", "ıncı", "uncu", "üncü", "чы",
        "нчы", "ынчы", "инчи", "үнчү", "ыншы", "інші",
    ];
    if !ENDINGS.contains(&ending) {
        return None;
    }
    english_ordinal(number)
}

/// The ordinal a number spells once something marks it as one: a Turkic "4-" or "4." before
/// a noun ("4-uchrashuv", "4. toplantı"), or an ending written onto it (`1я` -> `1st`).
pub fn marked_ordinal(number: &str, ending: &str) -> Option<String> {
    if ending.is_empty() {
        english_ordinal(number)
    } else {
        numbered_ordinal(number, ending)
    }
}

/// `3` -> `3rd`, for numbers from 1 to 100.
fn english_ordinal(number: &str) -> Option<String> {
    let n: u32 = number.parse().ok()?;
    if n == 0 || n > 100 {
        return None;
    }
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    Some(format!("{n}{suffix}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals_in_every_language_become_english_ordinals() {
        assert_eq!(ordinal("третья"), Some("3rd"));
        assert_eq!(ordinal("первое"), Some("1st"));
        assert_eq!(ordinal("uchinchi"), Some("3rd"));
        assert_eq!(ordinal("third"), Some("3rd"));
        assert_eq!(ordinal("пятница"), None);
        assert_eq!(numbered_ordinal("3", "е").as_deref(), Some("3rd"));
        assert_eq!(numbered_ordinal("12", "й").as_deref(), Some("12th"));
        assert_eq!(numbered_ordinal("3", "meetings"), None);
        assert_eq!(numbered_ordinal("12", "ci").as_deref(), Some("12th"));
        assert_eq!(numbered_ordinal("6", "чы").as_deref(), Some("6th"));
    }
}
