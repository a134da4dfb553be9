//! The vocabulary of a built index and the question analysis that uses it: each word
//! normalised (`normalize.rs`: typos, translations, endings, names), the intent read
//! (`intent.rs`), and the words grouped into weighted concepts through aliases, the Russian
//! glossary, curated and WordNet synonyms. `build.rs` makes the lexicon from an index's statistics.

use std::collections::{HashMap, HashSet};

use super::language;
use super::text::{is_cyrillic, is_stop_word, words, Analyzer};
use super::typo::TypoIndex;

mod build;
mod intent;
mod normalize;
mod specifiers;
mod surface;

pub use intent::Intent;
use intent::{detect_intent, RUSSIAN_INTENT_PREFIXES};
use normalize::looks_turkic;
use specifiers::is_specifier;
pub(super) use specifiers::specifier_kind;
pub use specifiers::SPECIFIER_FACTOR;
use surface::{marks_ordinal, Surface};

/// Longest question the engine reads, in words; the rest is ignored.
pub const MAX_QUESTION_WORDS: usize = 64;

/// One concept of the question and the ways the index may spell it.
#[derive(Debug, Clone)]
pub struct TermGroup {
    /// The question's own words for it, for display and debugging.
    pub label: String,
    /// Alternatives, each a sequence of stems that must all occur (a phrase).
    pub alternatives: Vec<Vec<String>>,
    /// How much the concept identifies a passage (inverse document frequency).
    pub weight: f32,
    /// The question's own (possibly corrected) word, as opposed to an expansion.
    pub direct: Vec<String>,
    /// Looser expansions from general language data (WordNet synonyms and related forms):
    /// a passage matching only these covers the concept at `related_credit`.
    pub related: Vec<Vec<String>>,
    /// Share of the weight a related word earns: `RELATED_CREDIT`, or
    /// `UNKNOWN_RELATED_CREDIT` when the question's own word is unknown to the index.
    pub related_credit: f32,
    /// The canonical name of the alias group the words name ("Shanghai Cooperation
    /// Organization" for «ШОС»), if they name one.
    pub entity: Option<String>,
    /// A year or an ordinal ("2027", "4th"): a unit lacking it weighs it `SPECIFIER_FACTOR`
    /// times, as it is about another year's or another number's event.
    pub specifier: bool,
}

/// Share of a concept's weight credited when only a related word (a general synonym) matches.
pub const RELATED_CREDIT: f32 = 0.75;
/// The same when the question's own word is unknown: a synonym of a word the knowledge never
/// uses ("cook" -> "prepare") is weak evidence that the passage is about it.
pub const UNKNOWN_RELATED_CREDIT: f32 = 0.5;

impl TermGroup {
    /// True when the index has some spelling of the concept.
    pub fn is_known(&self) -> bool {
        !self.alternatives.is_empty() || !self.related.is_empty()
    }

    /// Every spelling, curated or related.
    pub fn all_alternatives(&self) -> impl Iterator<Item = &Vec<String>> {
        self.alternatives.iter().chain(&self.related)
    }
}

/// A question analysed against the index vocabulary.
#[derive(Debug, Clone, Default)]
pub struct QueryPlan {
    pub groups: Vec<TermGroup>,
    pub intent: Intent,
    /// Canonical names of the alias groups the question mentions (organizations, places ...).
    pub mentioned: Vec<String>,
    /// Index in `groups` of what a "how many" question counts ("how many *students*",
    /// «сколько *студентов*»): the first concept after the question word.
    pub counted: Option<usize>,
}

struct Phrase {
    stems: Vec<String>,
    /// The form's own lowercase words: a question's stop words match it only as written.
    words: Vec<String>,
    target: usize,
}

impl Phrase {
    fn new(analyzer: &Analyzer, form: &str, target: usize) -> Phrase {
        let words = words(form).into_iter().map(|w| w.lower).collect();
        Phrase { stems: analyzer.stems(form), words, target }
    }
}

/// Vocabulary and expansion tables built once per index.
pub struct Lexicon {
    pub analyzer: Analyzer,
    document_frequency: HashMap<String, u32>,
    unit_count: u32,
    /// Lowercase words seen in the knowledge, with how often, for typo correction.
    words: HashMap<String, u32>,
    /// The known words as a typo-correction index.
    typos: TypoIndex,
    phrases: Vec<Phrase>,
    /// Indices into `phrases` by first stem, longest first.
    phrases_by_first: HashMap<String, Vec<usize>>,
    /// Expansion targets: each is a list of stem sequences, plus the canonical name.
    targets: Vec<(Vec<Vec<String>>, Option<String>)>,
    /// Known words of four or more letters by their spelling-neutral key
    /// ([`language::name_key`]), for names written in another script or transliteration.
    name_keys: HashMap<String, String>,
    /// The name keys as a typo-correction index, for near spellings (`tokaiev`).
    name_typos: TypoIndex,
    /// The Russian dictionary by the stems of its words and their inflected forms
    /// («опытом» finds «опыт»), for the words it lists only in their dictionary form.
    russian_stems: HashMap<String, &'static [&'static str]>,
    /// The one-word dictionary entry of each stem of `russian_stems` that has one.
    russian_words: HashMap<String, String>,
    /// The stems of `russian_words` as a typo-correction index («агенством» finds
    /// «агентство»'s stem).
    russian_typos: TypoIndex,
    /// Full names of international organizations as stems, longest first, each with the stems
    /// of its English name (see [`Lexicon::plan_knowing`]).
    world_names: Vec<(Vec<String>, Vec<String>)>,
}

/// How much more an unknown name (Estonia, FIFA) weighs than an unknown common word.
const UNKNOWN_NAME_FACTOR: f32 = 3.0;
/// An unknown ordinary word ("biggest", "overview") is often just the asker's wording.
const UNKNOWN_WORD_FACTOR: f32 = 0.7;
/// In a Turkic-language question an unknown lowercase word is most often an inflected verb
/// or a word the small Turkic vocabulary lacks: the names and known words carry the question.
const UNKNOWN_TURKIC_WORD_FACTOR: f32 = 0.3;

const QUESTION_WORDS: &[&str] = &[
    "when", "where", "who", "what", "which", "how", "many", "much", "list", "next", "upcoming", "date", "year", "city",
];

impl Lexicon {
    /// Inverse document frequency of a stem (BM25's form); unseen stems get the maximum.
    pub fn idf(&self, stem: &str) -> f32 {
        let n = self.unit_count as f32;
        let df = self.document_frequency.get(stem).copied().unwrap_or(0) as f32;
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }

    /// The weight of a concept the index does not know at all.
    pub fn unknown_weight(&self) -> f32 {
        self.idf("")
    }

    /// True when the stem occurs in some indexed unit.
    pub fn has_stem(&self, stem: &str) -> bool {
        self.document_frequency.contains_key(stem)
    }

    /// Analyses a question: corrects typos, detects intent, expands aliases and Russian words,
    /// and weighs each concept. Never fails; any text gives some plan (possibly empty). Takes
    /// every organization's full name the question writes out as known to the knowledge.
    #[cfg(test)]
    pub fn plan(&self, question: &str) -> QueryPlan {
        self.plan_knowing(question, &|_| true)
    }

    /// [`Lexicon::plan`], where `knows_phrase` tells whether the knowledge writes a phrase (its
    /// stems in order): an international organization's full name it never writes ("European
    /// Union", «Евросоюз» aside) is one unknown name, the question's topic, rather than common
    /// words ("union", "bank") the documents use for other bodies.
    pub fn plan_knowing(&self, question: &str, knows_phrase: &dyn Fn(&[String]) -> bool) -> QueryPlan {
        let question_words: Vec<_> = words(question).into_iter().take(MAX_QUESTION_WORDS).collect();
        let raw: Vec<String> = question_words.iter().map(|w| w.lower.clone()).collect();
        let turkic = looks_turkic(&raw);
        let Surface { mut names, acronyms, keeps_it } = Surface::read(question, &question_words, turkic);
        let raw_stems: Vec<String> = raw.iter().map(|w| self.analyzer.stem(w)).collect();
        // An Uzbek name written in Cyrillic finds its curated Latin form ("Туркий кенгаш").
        let uzbek_latin: Vec<String> = if turkic && raw.iter().any(|w| is_cyrillic(w)) {
            raw.iter().map(|w| language::uzbek_latin(w).unwrap_or_else(|| w.clone())).collect()
        } else {
            Vec::new()
        };
        let mut lowers: Vec<String> = Vec::with_capacity(raw.len());
        // English words a dictionary gave for the question's foreign ones.
        let mut guessed: HashSet<String> = HashSet::new();
        let mut i = 0;
        while i < raw.len() {
            // «3-е», «12-й», "3-uchrashuv" spelt with a number: an ordinal.
            if let Some(ordinal) = raw.get(i + 1).and_then(|next| language::numbered_ordinal(&raw[i], next)) {
                lowers.push(ordinal);
                i += 2;
                continue;
            }
            // «1я», «3м»: the ending written onto the number.
            let digits = raw[i].chars().take_while(char::is_ascii_digit).count();
            let marked = digits > 0 && (digits < raw[i].len() || turkic && marks_ordinal(question, &question_words, i));
            if let Some(ordinal) =
                marked.then(|| language::marked_ordinal(&raw[i][..digits], &raw[i][digits..])).flatten()
            {
                lowers.push(ordinal);
                i += 1;
                continue;
            }
            let alias = self.alias_span(&raw[i..]).or_else(|| self.alias_span(uzbek_latin.get(i..)?));
            if let Some((span, words)) = alias {
                lowers.extend(words);
                i += span;
                continue;
            }
            if let Some(span) = self.unknown_organization(&raw_stems[i..], knows_phrase) {
                let name = raw[i..i + span].join(" ");
                names.insert(name.clone());
                lowers.push(name);
                i += span;
                continue;
            }
            // Some dictionary entries are two words ("кол коюшкан": signed, "өз ара": mutual).
            if let Some(english) = raw.get(i + 1).and_then(|next| self.translate_pair(&raw[i], next, turkic)) {
                guessed.extend(english.iter().cloned());
                lowers.extend(english);
                i += 2;
                continue;
            }
            let (normalized, translated) = self.normalize(&raw[i], turkic, acronyms.contains(&raw[i]));
            if translated {
                guessed.extend(normalized.iter().cloned());
            }
            lowers.extend(normalized);
            i += 1;
        }
        let intent = detect_intent(&lowers);
        let mut stems: Vec<String> = lowers.iter().map(|l| self.analyzer.stem(l)).collect();

        let mut plan = QueryPlan { intent, ..QueryPlan::default() };
        let mut i = 0;
        // Words before this index came from an expansion and are not expanded again.
        let mut expanded_until = 0;
        // How many groups came before "how many" / «сколько»: the next one is what is counted.
        let mut counted_at = None;
        while i < lowers.len() {
            let asks_count = lowers[i].starts_with("скольк")
                || (matches!(lowers[i].as_str(), "many" | "much") && i > 0 && lowers[i - 1] == "how");
            if asks_count && counted_at.is_none() {
                counted_at = Some(plan.groups.len());
            }
            // Russian question words only set the intent, as English ones do.
            if RUSSIAN_INTENT_PREFIXES.iter().any(|p| lowers[i].starts_with(p)) {
                i += 1;
                continue;
            }
            let starting_here = self.phrases_by_first.get(&stems[i]).map_or(&[][..], Vec::as_slice);
            let phrases = starting_here.iter().map(|&n| &self.phrases[n]);
            // «и» (and) stems like «ИИ» (AI): stop words match a phrase only as it is written.
            let matches = |p: &&Phrase| {
                let span = p.stems.len().min(lowers.len() - i);
                stems[i..].starts_with(&p.stems)
                    && (!lowers[i..i + span].iter().all(|w| is_stop_word(w)) || p.words == lowers[i..i + span])
            };
            if let Some(longest) = phrases.clone().find(matches) {
                let span = longest.stems.len();
                let label = lowers[i..i + span].join(" ");
                let own = &stems[i..i + span];
                let all_stop = lowers[i..i + span].iter().all(|w| is_stop_word(w));
                let mut alternatives: Vec<Vec<String>> = Vec::new();
                let mut canonical = None;
                for phrase in phrases.filter(|p| p.stems == own && matches(p)) {
                    let (targets, name) = &self.targets[phrase.target];
                    canonical = canonical.or(name.as_ref());
                    for alternative in targets {
                        if alternative.iter().all(|s| self.has_stem(s)) && !alternatives.contains(alternative) {
                            alternatives.push(alternative.clone());
                        }
                    }
                }
                i += span;
                if all_stop && canonical.is_none() {
                    continue;
                }
                if let Some(name) = canonical {
                    plan.mentioned.push(name.clone());
                }
                let direct = if is_cyrillic(&label) { Vec::new() } else { own.to_vec() };
                if !direct.is_empty() && direct.iter().all(|s| self.has_stem(s)) && !alternatives.contains(&direct) {
                    alternatives.insert(0, direct.clone());
                }
                self.push_group(&mut plan, label, alternatives, direct, canonical.cloned());
                continue;
            }
            // A word of a curated phrase ("Минцифры Кыргызстана", "bilgi ve iletişim
            // teknolojileri") said on its own was kept as known; it may still be a clipped or
            // foreign word that stands for words the index knows.
            if i >= expanded_until && !self.has_stem(&stems[i]) && !is_stop_word(&lowers[i]) {
                let foreign = (turkic || is_cyrillic(&lowers[i])).then(|| self.translate(&lowers[i])).flatten();
                let full = language::expand_abbreviation(&lowers[i])
                    .map(|full| full.split(' ').map(str::to_string).collect())
                    .or(foreign);
                if let Some(expanded) = full {
                    expanded_until = i + expanded.len();
                    stems.splice(i..=i, expanded.iter().map(|w| self.analyzer.stem(w)));
                    lowers.splice(i..=i, expanded);
                    continue;
                }
            }
            let lower = &lowers[i];
            let stem = &stems[i];
            i += 1;
            let single_letter = lower.chars().count() == 1 && !lower.chars().all(|c| c.is_ascii_digit());
            let stop = is_stop_word(lower) && !(keeps_it && lower == "it");
            if single_letter || stop || QUESTION_WORDS.contains(&lower.as_str()) {
                continue;
            }
            let alternatives = if self.has_stem(stem) {
                vec![vec![stem.clone()]]
            } else if let Some(prefix) = (!is_cyrillic(stem)).then(|| self.known_prefix(stem)).flatten() {
                vec![vec![prefix]]
            } else {
                Vec::new()
            };
            let direct = alternatives.first().cloned().unwrap_or_default();
            let related = if is_cyrillic(lower) { Vec::new() } else { self.related(lower, &alternatives) };
            // A specifier is weighed up where it is missing (see `coverage`): an unknown one
            // is missing everywhere, and so weighs as an unknown name in all.
            let unknown_factor = match (alternatives.is_empty(), names.contains(lower)) {
                (false, _) => 1.0,
                (true, _) if is_specifier(lower) => UNKNOWN_NAME_FACTOR / SPECIFIER_FACTOR,
                (true, true) => UNKNOWN_NAME_FACTOR,
                (true, false) if turkic && lower.chars().all(char::is_alphabetic) => UNKNOWN_TURKIC_WORD_FACTOR,
                (true, false) => UNKNOWN_WORD_FACTOR,
            };
            self.push_group(&mut plan, lower.clone(), alternatives, direct, None);
            if let Some(group) = plan.groups.last_mut().filter(|g| g.label == *lower) {
                group.related_credit =
                    if group.alternatives.is_empty() { UNKNOWN_RELATED_CREDIT } else { RELATED_CREDIT };
                group.related = related;
            }
            if let Some(group) = plan.groups.last_mut().filter(|g| g.alternatives.is_empty()) {
                group.weight *= unknown_factor;
            }
            // A dictionary's guess at a foreign word counts where found, but where missing it
            // weighs no more than the word would unknown: a translation must not cost coverage.
            // (An unknown Turkic word's own lower weight is not the bound: it reflects how often
            // an unknown Turkic word is mere grammar, which a translated one is not.)
            if let Some(group) = plan.groups.last_mut().filter(|g| g.label == *lower && guessed.contains(lower)) {
                group.weight = group.weight.min(self.unknown_weight() * UNKNOWN_WORD_FACTOR);
            }
        }
        plan.counted = counted_at.filter(|&n| n < plan.groups.len());
        plan
    }

    fn push_group(
        &self,
        plan: &mut QueryPlan,
        label: String,
        alternatives: Vec<Vec<String>>,
        direct: Vec<String>,
        entity: Option<String>,
    ) {
        if plan.groups.iter().any(|g| !g.alternatives.is_empty() && g.alternatives == alternatives) {
            return;
        }
        // A phrase is as specific as its rarest word. The question's own word sets the weight
        // when the index knows it; an expansion only says how common the concept is, so the
        // most common spelling counts (a rare synonym must not make a common idea weighty).
        let phrase_idf = |alt: &Vec<String>| alt.iter().map(|s| self.idf(s)).fold(0.0, f32::max);
        let weight = if !direct.is_empty() && alternatives.contains(&direct) {
            phrase_idf(&direct)
        } else {
            alternatives.iter().map(phrase_idf).reduce(f32::min).unwrap_or_else(|| self.unknown_weight())
        };
        plan.groups.push(TermGroup {
            specifier: is_specifier(&label),
            label,
            alternatives,
            weight,
            direct,
            related: Vec::new(),
            related_credit: RELATED_CREDIT,
            entity,
        });
    }
}

#[cfg(test)]
pub(super) mod tests;
