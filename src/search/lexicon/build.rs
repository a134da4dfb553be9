//! Building the lexicon: the index's vocabulary, the alias, synonym and glossary phrases that
//! expand a question's words, the typo index and the spelling-neutral name keys.

use std::collections::HashMap;

use super::{language, Lexicon, Phrase, QUESTION_WORDS};
use crate::knowledge::Knowledge;
use crate::search::text::{is_cyrillic, words, Analyzer};
use crate::search::typo::TypoIndex;

impl Lexicon {
    /// Builds the lexicon from the build's statistics: how many units hold each stem, how
    /// often each word occurs, and the knowledge's alias, synonym and glossary tables.
    pub fn new(
        analyzer: Analyzer,
        document_frequency: HashMap<String, u32>,
        unit_count: usize,
        mut words_seen: HashMap<String, u32>,
        knowledge: &Knowledge,
    ) -> Lexicon {
        for w in QUESTION_WORDS.iter().chain(crate::search::text::ENGLISH_STOP_WORDS) {
            *words_seen.entry((*w).to_string()).or_default() += 1;
        }

        let mut lexicon = Lexicon {
            analyzer,
            document_frequency,
            unit_count: unit_count.max(1) as u32,
            words: HashMap::new(),
            typos: TypoIndex::new([]),
            phrases: Vec::new(),
            phrases_by_first: HashMap::new(),
            targets: Vec::new(),
            name_keys: HashMap::new(),
            name_typos: TypoIndex::new([]),
            russian_typos: TypoIndex::new([]),
            russian_words: HashMap::new(),
            russian_stems: HashMap::new(),
            world_names: Vec::new(),
        };
        for group in &knowledge.aliases {
            let forms = lexicon.add_phrases(&group.forms);
            for form in &group.forms {
                for w in words(form) {
                    *words_seen.entry(w.lower).or_default() += 1;
                }
            }
            let english: Vec<Vec<String>> = forms.into_iter().filter(|f| !f.iter().any(|s| is_cyrillic(s))).collect();
            lexicon.targets.push((english, Some(group.canonical.clone())));
        }
        for group in &knowledge.synonyms {
            let forms = lexicon.add_phrases(group);
            lexicon.targets.push((forms, None));
        }
        for translation in &knowledge.translations {
            let english: Vec<Vec<String>> =
                translation.english.iter().map(|f| lexicon.analyzer.stems(f)).filter(|s| !s.is_empty()).collect();
            lexicon.add_phrases(&translation.russian);
            lexicon.add_inflections(&translation.russian);
            lexicon.targets.push((english, None));
        }
        // Longest phrases first, so "Organization of Turkic States" wins over "Turkic".
        lexicon.phrases.sort_by_key(|p| std::cmp::Reverse(p.stems.len()));
        for (n, phrase) in lexicon.phrases.iter().enumerate() {
            lexicon.phrases_by_first.entry(phrase.stems[0].clone()).or_default().push(n);
        }
        let mut sorted: Vec<(&String, &u32)> = words_seen.iter().collect();
        sorted.sort();
        lexicon.typos = TypoIndex::new(sorted.iter().map(|(w, f)| ((*w).clone(), **f)));
        // In sorted order, so that which of two spellings sharing a key is kept does not
        // depend on hash order.
        for word in sorted.iter().map(|(w, _)| *w).filter(|w| w.chars().count() >= 4) {
            let key = language::name_key(word);
            let entry = lexicon.name_keys.entry(key).or_insert_with(|| word.clone());
            // Prefer the Latin spelling: it is what the documents quote.
            if is_cyrillic(entry) && !is_cyrillic(word) {
                *entry = word.clone();
            }
        }
        let mut keys: Vec<&String> = lexicon.name_keys.keys().collect();
        keys.sort();
        lexicon.name_typos = TypoIndex::new(keys.into_iter().map(|k| (k.clone(), 1)));
        lexicon.words = words_seen;
        (lexicon.russian_stems, lexicon.russian_words) = lexicon.russian_dictionary_by_stem();
        // The stems of one-word entries: a correction leads to a dictionary word.
        let mut russian: Vec<&String> = lexicon.russian_words.keys().collect();
        russian.sort();
        lexicon.russian_typos = TypoIndex::new(russian.into_iter().map(|stem| (stem.clone(), 1)));
        let stems = |text: &str| lexicon.analyzer.stems(text);
        let mut world_names: Vec<(Vec<String>, Vec<String>)> =
            language::world_organization_names().map(|(name, english)| (stems(name), stems(english))).collect();
        world_names.sort_by_key(|(name, _)| std::cmp::Reverse(name.len()));
        lexicon.world_names = world_names;
        lexicon
    }

    /// The Russian dictionary keyed by the stems of each word and its inflected forms, and
    /// the dictionary word of each such stem; where two words share a stem, the first in
    /// sorted order wins, so builds are reproducible.
    fn russian_dictionary_by_stem(&self) -> (HashMap<String, &'static [&'static str]>, HashMap<String, String>) {
        let mut entries: Vec<_> = language::russian_dictionary().collect();
        entries.sort();
        let mut by_stem = HashMap::new();
        let mut words = HashMap::new();
        for (russian, english) in entries {
            let forms = std::iter::once(russian.to_string()).chain(language::russian_forms(russian));
            for form in forms {
                let stem = self.analyzer.stem(&form);
                if !russian.contains(' ') {
                    words.entry(stem.clone()).or_insert_with(|| russian.to_string());
                }
                by_stem.entry(stem).or_insert(english);
            }
        }
        (by_stem, words)
    }

    /// Adds the inflected forms of each one-word Russian form whose stem differs from the
    /// form's own («опытом» for «опыт»), as phrases leading to the next target.
    fn add_inflections(&mut self, forms: &[String]) {
        let target = self.targets.len();
        for form in forms.iter().map(|f| f.to_lowercase()).filter(|f| is_cyrillic(f) && !f.contains(' ')) {
            let mut stems = vec![self.analyzer.stem(&form)];
            for inflected in language::russian_forms(&form) {
                let stem = self.analyzer.stem(&inflected);
                if !stems.contains(&stem) {
                    stems.push(stem.clone());
                    self.phrases.push(Phrase { stems: vec![stem], words: vec![inflected], target });
                }
            }
        }
    }

    /// Adds `forms` as phrases leading to the next target (the caller pushes it) and returns
    /// their stems; forms without a stem are left out.
    fn add_phrases(&mut self, forms: &[String]) -> Vec<Vec<String>> {
        let target = self.targets.len();
        let phrases: Vec<Phrase> =
            forms.iter().map(|f| Phrase::new(&self.analyzer, f, target)).filter(|p| !p.stems.is_empty()).collect();
        let stems = phrases.iter().map(|p| p.stems.clone()).collect();
        self.phrases.extend(phrases);
        stems
    }
}
