//! Russian inflected forms of a dictionary word («опыт» → «опыта», «опытом»; «реализовать» →
//! «реализует», «реализуется»), so that a glossary or dictionary entry written in its
//! dictionary form meets a question's cases and tenses.
//!
//! Snowball stems a word and its inflections alike only most of the time: «опыт» stems to
//! «оп» but «опытом» to «опыт», «реализовать» to «реализова» but «реализуется» to «реализу».
//! The forms made here are stemmed by the caller, and each new stem leads to the same entry.
//! They follow the regular paradigms by the word's ending; a form that Russian lacks only
//! adds a stem no question holds.

/// Regular inflected forms of a Russian noun, adjective or verb in its dictionary form (the
/// word itself not included). Empty for other words.
pub fn russian_forms(word: &str) -> Vec<String> {
    let cut = |ending: &str| word.strip_suffix(ending).filter(|base| base.chars().count() >= 2);
    let with = |base: &str, endings: &[&str]| endings.iter().map(|e| format!("{base}{e}")).collect::<Vec<_>>();
    // Verbs: «-овать» («реализовать» → «реализует»), «-ать/-ять», «-ить», «-еть», reflexive.
    if let Some(base) = cut("оваться") {
        return with(base, &["уется", "уются", "овался", "овалась", "овались", "уясь"]);
    }
    if let Some(base) = cut("овать") {
        return with(base, &["ует", "уют", "овал", "овала", "овали", "ован", "ована", "овано", "ованы", "уя"]);
    }
    for (infinitive, stem_vowel) in [("аться", "а"), ("яться", "я"), ("иться", "и"), ("еться", "е")]
    {
        if let Some(base) = cut(infinitive) {
            let present = if stem_vowel == "и" { ["ится", "ятся"] } else { ["ется", "ются"] };
            let mut forms = with(base, &present);
            forms.extend(with(&format!("{base}{stem_vowel}"), &["лся", "лась", "лось", "лись"]));
            return forms;
        }
    }
    for (infinitive, stem_vowel) in [("ать", "а"), ("ять", "я"), ("ить", "и"), ("еть", "е")] {
        if let Some(base) = cut(infinitive) {
            let present: &[&str] =
                if stem_vowel == "и" { &["ит", "ят", "ю"] } else { &["ет", "ют", "ет", "ут"] };
            let mut forms = with(base, present);
            let past = format!("{base}{stem_vowel}");
            forms.extend(with(&past, &["л", "ла", "ло", "ли", "н", "на", "но", "ны", "ние"]));
            return forms;
        }
    }
    // Adjectives and participles.
    for ending in ["ый", "ой"] {
        if let Some(base) = cut(ending) {
            let mut forms = with(base, &["ая", "ое", "ые", "ого", "ому", "ым", "ом", "ой", "ую", "ых", "ыми"]);
            forms.extend(short_forms(base));
            return forms;
        }
    }
    if let Some(base) = cut("ий") {
        return with(
            base,
            &["ая", "яя", "ое", "ее", "ие", "ого", "его", "ому", "ему", "им", "ой", "ей", "ую", "юю", "их", "ими"],
        );
    }
    // Nouns by the ending of their nominative.
    if let Some(base) = cut("ие").or_else(|| cut("ье")) {
        return with(base, &["ия", "ию", "ием", "ии", "ий", "иям", "иями", "иях"]);
    }
    if let Some(base) = cut("ия") {
        return with(base, &["ии", "ию", "ией", "ий", "иям", "иями", "иях"]);
    }
    if let Some(base) = cut("а") {
        return with(base, &["ы", "и", "е", "у", "ой", "ам", "ами", "ах"]);
    }
    if let Some(base) = cut("я") {
        return with(base, &["и", "е", "ю", "ей", "ям", "ями", "ях"]);
    }
    if let Some(base) = cut("о") {
        return with(base, &["а", "у", "ом", "е", "ам", "ами", "ах"]);
    }
    if let Some(base) = cut("ь").or_else(|| cut("й")) {
        return with(base, &["я", "ю", "ем", "е", "и", "ей", "ев", "ям", "ями", "ях"]);
    }
    let consonant_final = word.chars().last().is_some_and(|c| "бвгджзклмнпрстфхцчшщ".contains(c));
    if consonant_final && word.chars().count() >= 3 {
        return with(word, &["а", "у", "ом", "е", "ы", "и", "ов", "ам", "ами", "ах"]);
    }
    Vec::new()
}

/// The short forms of an adjective in «-ный» («привлекательный» → «привлекателен»,
/// «привлекательна», «привлекательно», «привлекательны»), from its base («привлекательн»).
fn short_forms(base: &str) -> Vec<String> {
    let Some(stem) = base.strip_suffix('н') else {
        return Vec::new();
    };
    let masculine = format!("{}ен", stem.strip_suffix('ь').unwrap_or(stem));
    vec![masculine, format!("{base}а"), format!("{base}о"), format!("{base}ы")]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dictionary_forms_give_their_cases_and_tenses() {
        assert!(russian_forms("опыт").contains(&"опытом".to_string()));
        assert!(russian_forms("реализовать").contains(&"реализует".to_string()));
        assert!(russian_forms("реализоваться").contains(&"реализуется".to_string()));
        assert!(russian_forms("сотрудничество").contains(&"сотрудничества".to_string()));
        assert!(russian_forms("информация").contains(&"информации".to_string()));
        assert!(russian_forms("цифровой").contains(&"цифровых".to_string()));
        assert!(russian_forms("строить").contains(&"строит".to_string()));
        assert!(russian_forms("привлекательный").contains(&"привлекателен".to_string()));
        assert!(russian_forms("важный").contains(&"важна".to_string()));
        // Latin words and one-letter words have no Russian forms.
        assert!(russian_forms("digital").is_empty());
        assert!(russian_forms("и").is_empty());
    }
}
