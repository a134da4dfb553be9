//! Normalising one word of a question to the words the knowledge uses: typo correction,
//! dictionary translation of Russian and Turkic words, Turkic endings, clipped words, names in
//! another script or transliteration; general synonyms of a word; organizations' full names.

use super::{is_cyrillic, is_stop_word, language, words, Lexicon, QUESTION_WORDS};
use crate::search::language::is_common_english_word;
use crate::search::text::RUSSIAN_STOP_WORDS;

impl Lexicon {
    /// The closest known word for a word the knowledge never uses, if one is close enough
    /// to be a typo: one edit for words of up to seven letters, two for longer ones.
    pub fn correct(&self, lower: &str) -> Option<String> {
        let len = lower.chars().count();
        if len < 3 || self.words.contains_key(lower) || lower.chars().any(|c| c.is_ascii_digit()) {
            return None;
        }
        // A real word the knowledge does not use ("came", "weather") is not a typo of one it
        // does ("case", "whether"): correcting it would invent a match.
        if is_common_english_word(lower) {
            return None;
        }
        // Three-letter words only correct to question and stop words ("wat" -> "what").
        let short = len == 3;
        let accept = |candidate: &str| !short || is_stop_word(candidate) || QUESTION_WORDS.contains(&candidate);
        self.typos.closest(lower, short, accept).map(str::to_string)
    }

    /// The known word that a name written in another script or transliteration stands for
    /// (`садиков` -> `sadikov`, `toqayev` -> `tokayev`).
    pub(super) fn name(&self, lower: &str) -> Option<String> {
        if lower.chars().count() < 4 {
            return None;
        }
        let key = language::name_key(lower);
        if let Some(word) = self.name_keys.get(&key) {
            return (word != lower).then(|| word.clone());
        }
        // A Cyrillic word near a common English word is a Russian word, not a name: «дает»
        // (gives), spelt "daet", is not a transposed "date".
        let near = self.name_typos.closest(&key, false, |_| true)?;
        self.name_keys.get(near).filter(|word| !(is_cyrillic(lower) && is_common_english_word(word))).cloned()
    }

    /// English words for a foreign word, preferring a translation the index knows.
    pub(super) fn translate(&self, lower: &str) -> Option<Vec<String>> {
        self.choose_translation(language::to_english(lower)?)
    }

    /// The first of a dictionary's translations whose words the index knows, else the first.
    fn choose_translation(&self, english: &[&str]) -> Option<Vec<String>> {
        let known =
            |e: &&&str| e.split(' ').all(|w| QUESTION_WORDS.contains(&w) || self.has_stem(&self.analyzer.stem(w)));
        let chosen = english.iter().find(known).or(english.first())?;
        Some(chosen.split(' ').map(str::to_string).collect())
    }

    /// English words for a Russian word in another case or tense than the dictionary lists,
    /// by its stem. Short stems are left alone: «стоит» stems to «сто» (a hundred).
    fn translate_inflected(&self, stem: &str) -> Option<Vec<String>> {
        const SHORTEST_STEM: usize = 4;
        if stem.chars().count() < SHORTEST_STEM {
            return None;
        }
        self.choose_translation(self.russian_stems.get(stem)?)
    }

    /// The dictionary word a misspelt Russian word stands for («агенством» for «агентство»),
    /// through the dictionary stem one edit away. Only long stems: among short ones, one edit
    /// turns a real word into another («сервер», server, into «север», north).
    fn correct_russian(&self, stem: &str) -> Option<String> {
        const SHORTEST_STEM: usize = 7;
        if stem.chars().count() < SHORTEST_STEM {
            return None;
        }
        let near = self.russian_typos.closest(stem, true, |_| true)?;
        if strsim::damerau_levenshtein(stem, near) > 1 {
            return None;
        }
        // A dictionary word translates, so normalising the correction goes no deeper.
        self.russian_words.get(near).filter(|word| self.translate(word).is_some()).cloned()
    }

    /// English words for two foreign words that a dictionary lists as one entry.
    pub(super) fn translate_pair(&self, first: &str, second: &str, turkic: bool) -> Option<Vec<String>> {
        if !(turkic || is_cyrillic(first)) || self.words.contains_key(first) {
            return None;
        }
        let pair = format!("{first} {second}");
        self.translate(&pair)
            .or_else(|| {
                let latin = (turkic && is_cyrillic(first)).then(|| language::uzbek_latin(&pair)).flatten()?;
                self.translate(&latin)
            })
            // The second word takes the endings ("жумушчу тобу", "ishchi guruhi").
            .or_else(|| {
                let shorter = if turkic { language::without_suffixes(second) } else { Vec::new() };
                shorter.iter().find_map(|s| self.translate(&format!("{first} {s}")))
            })
    }

    /// English words for an Uzbek Cyrillic word through its Uzbek Latin spelling, as written
    /// or under its endings.
    fn translate_uzbek_cyrillic(&self, lower: &str) -> Option<Vec<String>> {
        let latin = language::uzbek_latin(lower)?;
        self.translate(&latin)
            .or_else(|| language::without_suffixes(&latin).iter().find_map(|shorter| self.translate(shorter)))
    }

    /// A foreign or misspelt word in the words the knowledge uses: a dictionary translation,
    /// the dictionary form under Turkic endings, a name in another script, or a typo fixed.
    /// Words the knowledge already knows are kept. The flag is true when the words are a
    /// dictionary's translation, a guess that weighs no more than the word unknown.
    pub(super) fn normalize(&self, lower: &str, turkic: bool, acronym: bool) -> (Vec<String>, bool) {
        let keep = || (vec![lower.to_string()], false);
        let stem = self.analyzer.stem(lower);
        let cyrillic = is_cyrillic(lower);
        // A Russian form that curated text uses («Кыргызстане» in a fact's question) may still
        // stem apart from the curated name («Кыргызстан»), which is what carries the aliases.
        if cyrillic && self.has_stem(&stem) && !self.phrases_by_first.contains_key(&stem) {
            // The curated name is the word without its case ending: «Кыргызстан-е».
            let chars: Vec<char> = lower.chars().collect();
            let curated = (1..=2)
                .filter(|&cut| chars.len() >= cut + 5)
                .map(|cut| chars[..chars.len() - cut].iter().collect::<String>())
                .find(|w| self.words.contains_key(w) && self.phrases_by_first.contains_key(&self.analyzer.stem(w)));
            if let Some(known) = self.known_russian_prefix(&stem).or(curated) {
                return (vec![known], false);
            }
        }
        if let Some(number) = language::number_with_ending(lower) {
            return (vec![number.to_string()], false);
        }
        if lower.chars().any(|c| c.is_ascii_digit())
            || is_stop_word(lower)
            || QUESTION_WORDS.contains(&lower)
            || language::ordinal(lower).is_some()
            // A Russian or Turkic word seen only inside a curated name ("davlatlar" of "Mustaqil
            // Davlatlar Hamdoʻstligi") means nothing alone; the name itself is kept whole by
            // `alias_span`.
            || (self.words.contains_key(lower) && !(cyrillic || turkic))
            || self.has_stem(&stem)
            || (cyrillic && self.phrases_by_first.contains_key(&stem))
            // A curated one-word name ("Gebele") is not a word to translate.
            || (turkic && self.knows_alone(lower))
        {
            return keep();
        }
        // A clipped word ("intl", "govt", «минцифры») stands for words the knowledge may use.
        if let Some(full) = language::expand_abbreviation(lower) {
            return (full.split(' ').map(str::to_string).collect(), false);
        }
        if cyrillic || turkic {
            if let Some(english) = self.translate(lower) {
                return (english, true);
            }
            if let Some(english) = (cyrillic && !turkic).then(|| self.translate_inflected(&stem)).flatten() {
                return (english, true);
            }
            // An abbreviation in capitals ("TATU") has no endings to strip.
            let shorter = if acronym { Vec::new() } else { language::without_suffixes(lower) };
            for shorter in &shorter {
                let known_russian = cyrillic && self.phrases_by_first.contains_key(&self.analyzer.stem(shorter));
                // "serverlari" -> "server", whose stem the documents' "servers" share.
                let known_english = !cyrillic && self.has_stem(&self.analyzer.stem(shorter));
                if self.knows_alone(shorter) || known_russian || known_english {
                    return (vec![shorter.clone()], false);
                }
                if let Some(english) = self.translate(shorter) {
                    return (english, true);
                }
            }
            // Uzbek Cyrillic finds the tables' Uzbek Latin entries ("доирасида" -> "doirasida").
            if let Some(english) = (cyrillic && turkic).then(|| self.translate_uzbek_cyrillic(lower)).flatten() {
                return (english, true);
            }
            // A name is matched by a near spelling: only once no form is known exactly, or a
            // form cut too short ("ministerl") would pass for a name ("ministers").
            if let Some(name) = shorter.iter().find_map(|s| self.name(s)) {
                return (vec![name], false);
            }
            if let Some(name) = self.name(lower) {
                return (vec![name], false);
            }
            if let Some(known) = cyrillic.then(|| self.known_russian_prefix(&stem)).flatten() {
                return (vec![known], false);
            }
            if let Some(known) = (cyrillic && !turkic).then(|| self.known_russian_extension(&stem)).flatten() {
                return (vec![known], false);
            }
            // A misspelt Russian word reads as the word it misspells.
            if let Some(word) = (cyrillic && !turkic).then(|| self.correct_russian(&stem)).flatten() {
                return self.normalize(&word, turkic, acronym);
            }
        }
        // "organised", "programme", "centre": the knowledge may spell it the American way.
        if !cyrillic && !turkic {
            let known = |w: &String| self.words.contains_key(w) || self.has_stem(&self.analyzer.stem(w));
            if let Some(american) = language::american_spellings(lower).into_iter().find(known) {
                return (vec![american], false);
            }
        }
        // "ASEAN" is a name the knowledge lacks, not a typo of "asian".
        if !cyrillic && !acronym {
            if let Some(fixed) = self.correct(lower) {
                return (vec![fixed], false);
            }
        }
        keep()
    }

    /// True when the knowledge uses `word` on its own: in its text, or as a one-word alias
    /// or synonym. "давлатлар" seen only inside "Туркий давлатлар ташкилоти" means nothing
    /// alone, and keeping it would stop its translation ("давлат": state).
    fn knows_alone(&self, word: &str) -> bool {
        let stem = self.analyzer.stem(word);
        self.words.contains_key(word)
            && (self.has_stem(&stem)
                || self
                    .phrases_by_first
                    .get(&stem)
                    .is_some_and(|ps| ps.iter().any(|&n| self.phrases[n].stems.len() == 1)))
    }

    /// A curated name of two words or more spelt by the first words of `raw` ("Mustaqil
    /// Davlatlar Hamdoʻstligi", "Türk Konseyi'nin"): how many words it takes and its words as
    /// the knowledge writes them, which are kept, not translated one by one.
    pub(super) fn alias_span(&self, raw: &[String]) -> Option<(usize, Vec<String>)> {
        let first = self.analyzer.stem(raw.first()?);
        let phrases = self.phrases_by_first.get(&first)?.iter().map(|&n| &self.phrases[n]);
        phrases
            .filter(|p| p.stems.len() >= 2 && p.stems.len() <= raw.len())
            // The name may take endings ("Türk Konseyi'nin").
            .find(|p| {
                raw.iter().zip(&p.stems).all(|(w, s)| {
                    self.analyzer.stem(w) == *s
                        || language::without_suffixes(w).iter().any(|f| self.analyzer.stem(f) == *s)
                })
            })
            .map(|p| {
                let words =
                    if p.words.len() == p.stems.len() { p.words.clone() } else { raw[..p.stems.len()].to_vec() };
                (p.stems.len(), words)
            })
    }

    /// A known stem that this unknown stem extends (`ministeri` -> `minist`), for
    /// derivations the stemmer does not unify.
    pub(super) fn known_prefix(&self, stem: &str) -> Option<String> {
        let chars: Vec<char> = stem.chars().collect();
        (5..chars.len())
            .rev()
            .take(4)
            .map(|n| chars[..n].iter().collect::<String>())
            .find(|p| self.document_frequency.contains_key(p))
    }

    /// A known Russian glossary stem that this unknown stem extends by a letter or two
    /// (`встреча` of «встречались» -> `встреч` of «встреча»): Snowball stems a verb and its
    /// noun apart.
    pub(super) fn known_russian_prefix(&self, stem: &str) -> Option<String> {
        let chars: Vec<char> = stem.chars().collect();
        (chars.len().saturating_sub(2).max(5)..chars.len())
            .rev()
            .map(|n| chars[..n].iter().collect::<String>())
            .find(|p| self.phrases_by_first.contains_key(&self.analyzer.stem(p)))
    }

    /// A one-word glossary form whose stem goes on from `stem` by up to three letters: mostly
    /// the noun of a Russian adjective, short adjective or verb («привлекателен» →
    /// «привлекательность», «формировать» → «формирование»), the shortest such form.
    fn known_russian_extension(&self, stem: &str) -> Option<String> {
        const SHORTEST_STEM: usize = 7;
        const LONGEST_SUFFIX: usize = 3;
        let length = stem.chars().count();
        if length < SHORTEST_STEM {
            return None;
        }
        self.phrases_by_first
            .iter()
            .filter(|(known, _)| known.starts_with(stem) && known.chars().count() <= length + LONGEST_SUFFIX)
            .flat_map(|(_, phrases)| phrases.iter().map(|&n| &self.phrases[n]))
            .filter(|phrase| phrase.words.len() == 1 && is_cyrillic(&phrase.words[0]))
            .map(|phrase| &phrase.words[0])
            .min_by_key(|word| (word.chars().count(), word.as_str()))
            .cloned()
    }

    /// How many of the words (given by their `stems`) spell the full name of an international
    /// organization that the knowledge never writes, if they do.
    pub(super) fn unknown_organization(
        &self,
        stems: &[String],
        knows_phrase: &dyn Fn(&[String]) -> bool,
    ) -> Option<usize> {
        let (name, english) = self.world_names.iter().find(|(name, _)| stems.starts_with(name))?;
        (!knows_phrase(english)).then_some(name.len())
    }

    /// General synonyms of an English word that the index knows, other than `exclude`.
    pub(super) fn related(&self, lower: &str, exclude: &[Vec<String>]) -> Vec<Vec<String>> {
        let mut out: Vec<Vec<String>> = Vec::new();
        // A capital the knowledge never mentions stands for its country ("Bishkek named…").
        let capital = if exclude.is_empty() { language::country_of_capital(lower) } else { &[] };
        for synonym in language::english_synonyms(lower).iter().chain(capital) {
            let stems = self.analyzer.stems(synonym);
            let meaningful = stems.iter().zip(words(synonym)).all(|(s, w)| self.has_stem(s) && !is_stop_word(&w.lower));
            if meaningful && !stems.is_empty() && !exclude.contains(&stems) && !out.contains(&stems) {
                out.push(stems);
            }
        }
        out.truncate(6);
        out
    }
}

/// True when the question looks Uzbek, Azerbaijani or Turkish rather than English: a letter
/// English lacks (ə, ı, ş, ğ, ç, ö, ü), an Uzbek `ʻ`/`ʼ`, a Cyrillic letter Russian lacks (ә, ғ,
/// қ, ң, ө, ұ, ү, һ, і, ў, ҳ), a Turkic function word ("uchun", "va") or a core Turkic word; in
/// Cyrillic, a Turkic question or function word, with its endings ("эмнеге", "качан", "жана").
pub(super) fn looks_turkic(lowers: &[String]) -> bool {
    lowers.iter().any(|w| {
        w.chars().any(|c| "əışğçöüâîûʻʼ".contains(c) || "әғқңөұүһіўҳ".contains(c))
            || (!is_common_english_word(w) && !is_cyrillic(w) && language::is_turkic_function_word(w))
            || (!is_cyrillic(w) && !is_common_english_word(w) && !is_stop_word(w) && language::to_english(w).is_some())
            || (is_cyrillic(w)
                && !RUSSIAN_STOP_WORDS.contains(&w.as_str())
                && std::iter::once(w.clone())
                    .chain(language::without_suffixes(w))
                    .any(|f| language::is_turkic_question_or_function_word(&f)))
    })
}

#[cfg(test)]
mod tests {
    use super::looks_turkic;

    fn lowers(question: &str) -> Vec<String> {
        question.split_whitespace().map(str::to_lowercase).collect()
    }

    #[test]
    fn a_name_is_kept_whole_under_endings_and_its_words_alone_are_translated() {
        let lex = crate::search::lexicon::tests::lexicon();
        let labels = |q: &str| lex.plan(q).groups.into_iter().map(|g| g.label).collect::<Vec<_>>();
        assert_eq!(labels("Türk Konseyi'nin toplantısı")[0], "türk konseyi");
        // "türk" is known only inside the name; alone it is the Turkish word for Turkic.
        assert_eq!(labels("türk davlatlari uchrashuvi")[0], "turkic");
    }

    #[test]
    fn kyrgyz_and_kazakh_without_their_own_letters_still_look_turkic() {
        assert!(looks_turkic(&lowers("ШКУ эмнеге айланып баратат")));
        assert!(looks_turkic(&lowers("Tokayev nima taklif qildi")));
        assert!(!looks_turkic(&lowers("что предложил Токаев на саммите в Габале")));
        assert!(!looks_turkic(&lowers("когда состоится следующая встреча министров")));
        assert!(!looks_turkic(&lowers("на каком саммите токаев говорил про кибербезопасность")));
        assert!(!looks_turkic(&lowers("так когда же будет цифровой форум и проект интернет")));
        assert!(looks_turkic(&lowers("ШЫУ кайсы жылы Алматыда отту")));
        assert!(!looks_turkic(&lowers("what did Tokayev propose")));
    }
}
