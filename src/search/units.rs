//! The indexed units — document passages, curated facts, calendar entries — analysed once at
//! build time.
//!
//! Each unit's text is split into words and stemmed in a single pass; the tantivy fields, the
//! per-sentence stem sets, the highlight positions and the vocabulary statistics all come from
//! that pass. Stems are interned as `u32` ids and kept in sorted vectors, so a passage costs a
//! few times its text in memory rather than a hash set of strings per view of it.

use std::collections::HashMap;
use std::ops::Range;

use super::kinds::{date_words, place_words, Kinds};
use super::text::{is_stop_word, sentences, words, Analyzer, Word};
use crate::knowledge::Knowledge;

mod quotes;

pub use quotes::source_sentence;
use quotes::{best_source_sentence, calendar_entry, refers_back, with_antecedent};

/// What an indexed unit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitKind {
    /// A paragraph of a document.
    Passage,
    /// A curated fact (index into `Knowledge::facts`).
    Fact(usize),
    /// A calendar entry (index into `Knowledge::meetings`).
    Meeting(usize),
}

/// A searchable piece of knowledge with its analysed text.
#[derive(Debug)]
pub struct Unit {
    pub kind: UnitKind,
    /// Index into `Knowledge::documents`: the document it comes from or cites.
    pub document: usize,
    /// The text a snippet is cut from: always verbatim text of the document.
    pub text: String,
    pub(super) sentences: Vec<Sentence>,
    /// Every non-stop word of the text: byte range and stem, for marking matches.
    pub(super) words: Vec<Token>,
    /// Stems of the text, the part that is quoted; sorted.
    pub(super) text_stems: Vec<u32>,
    /// Stems of each curated phrasing (a fact's question and each alternate, a meeting's
    /// calendar entry), each sorted. A question is compared with one phrasing at a time, so
    /// a bag of many alternates cannot match everything.
    pub(super) phrasings: Vec<Vec<u32>>,
}

/// A word of a unit's text: byte range and interned stem.
#[derive(Debug, Clone, Copy)]
pub(super) struct Token {
    pub start: u32,
    pub end: u32,
    pub stem: u32,
}

/// A sentence of a unit.
#[derive(Debug)]
pub(super) struct Sentence {
    pub range: Range<usize>,
    pub stems: Vec<u32>,
    /// What kind of answer it holds (a date, a number, a place, a person).
    pub kinds: Kinds,
    /// The stems of the words that state its date (see [`date_words`]): a date the question
    /// names itself answers nothing.
    pub dates: Vec<u32>,
    /// The stems of the words that state its place (see [`place_words`]), likewise.
    pub places: Vec<u32>,
    /// Whether it opens by pointing back at the sentence before it (see [`refers_back`]).
    pub refers_back: bool,
}

/// Interned stems: each distinct stem string once, with a dense id.
#[derive(Debug, Default)]
pub struct StemTable {
    ids: HashMap<String, u32>,
}

impl StemTable {
    fn intern(&mut self, stem: String) -> u32 {
        let next = self.ids.len() as u32;
        *self.ids.entry(stem).or_insert(next)
    }

    /// The id of a stem the knowledge uses.
    pub fn get(&self, stem: &str) -> Option<u32> {
        self.ids.get(stem).copied()
    }

    /// The ids of the stems `keep` accepts, sorted.
    pub(super) fn ids_where(&self, keep: impl Fn(&str) -> bool) -> Vec<u32> {
        let mut ids: Vec<u32> = self.ids.iter().filter(|(stem, _)| keep(stem)).map(|(_, &id)| id).collect();
        ids.sort_unstable();
        ids
    }
}

/// Everything the build derives from the knowledge in its one analysis pass.
pub(super) struct Analysed {
    pub units: Vec<Unit>,
    pub stems: StemTable,
    /// Stems of each document's title and organizations: context, worth less than text.
    pub contexts: Vec<Vec<u32>>,
    /// The tantivy field texts of each unit: (text, phrasings, context), stems joined by spaces.
    pub fields: Vec<(String, String)>,
    pub context_fields: Vec<String>,
    /// Units holding each stem (text, phrasings or context).
    pub document_frequency: HashMap<String, u32>,
    /// Lowercase words of the knowledge with how often they occur, for typo correction.
    pub words_seen: HashMap<String, u32>,
    /// Which tantivy fields may hold each stem, by id: bits [`IN_TEXT`], [`IN_QUESTION`] and
    /// [`IN_CONTEXT`]. A bit may be set for a field lacking the stem, never the reverse.
    pub in_fields: Vec<u8>,
    /// For each field (by bit position), the pairs of stem ids that stand side by side in it
    /// somewhere, as [`pair`]s, sorted: a phrase with another pair matches no unit.
    pub adjacent: [Vec<u64>; 3],
}

/// Two stem ids, the first in the high half.
pub(super) fn pair(first: u32, second: u32) -> u64 {
    (u64::from(first) << 32) | u64::from(second)
}

/// The stem is in some unit's text field.
pub(super) const IN_TEXT: u8 = 1;
/// The stem is in some unit's question field (a curated phrasing).
pub(super) const IN_QUESTION: u8 = 1 << 1;
/// The stem is in some unit's context field (its document's title and organizations).
pub(super) const IN_CONTEXT: u8 = 1 << 2;

struct Builder<'a> {
    analyzer: &'a Analyzer,
    out: Analysed,
    /// The stem id of each lowercase word met so far: a corpus repeats its words, and
    /// stemming each occurrence again was most of the build.
    stem_of: HashMap<String, u32>,
    /// Each stem by id, for the tantivy fields and `document_frequency`.
    by_id: Vec<String>,
    /// How many units hold each stem, by id; turned into `document_frequency` at the end.
    id_frequency: Vec<u32>,
    /// The last unit counted into `id_frequency` for each stem, by id (`u32::MAX` for none),
    /// so a unit counts each of its stems once without a set per unit.
    last_counted: Vec<u32>,
}

impl Builder<'_> {
    /// The stem id of a lowercase word, stemming and interning it on first sight.
    fn stem_id(&mut self, lower: &str) -> u32 {
        if let Some(&id) = self.stem_of.get(lower) {
            return id;
        }
        let stem = self.analyzer.stem(lower);
        let id = self.out.stems.intern(stem.clone());
        if id as usize == self.by_id.len() {
            self.by_id.push(stem);
        }
        self.stem_of.insert(lower.to_string(), id);
        id
    }

    /// Stems of a text with their words: one analysis, also counted into the vocabulary.
    fn analyse(&mut self, text: &str) -> (Vec<Word>, Vec<u32>, String) {
        let words = words(text);
        let mut ids = Vec::with_capacity(words.len());
        let mut joined = String::with_capacity(text.len());
        for w in &words {
            let id = self.stem_id(&w.lower);
            if !joined.is_empty() {
                joined.push(' ');
            }
            joined.push_str(&self.by_id[id as usize]);
            ids.push(id);
            if !w.lower.chars().any(|c| c.is_ascii_digit()) {
                match self.out.words_seen.get_mut(&w.lower) {
                    Some(seen) => *seen += 1,
                    None => {
                        self.out.words_seen.insert(w.lower.clone(), 1);
                    }
                }
            }
        }
        (words, ids, joined)
    }

    fn unit(&mut self, kind: UnitKind, document: usize, text: String, phrasings: &[String]) {
        let (text_words, ids, text_field) = self.analyse(&text);
        let sentences = sentences(&text)
            .into_iter()
            .map(|range| {
                let inside = within(&text_words, &range, |w| w.range.clone());
                let written: Vec<(&str, &str)> =
                    text_words[inside.clone()].iter().map(|w| (&text[w.range.clone()], w.lower.as_str())).collect();
                let lowers: Vec<&str> = written.iter().map(|(_, lower)| *lower).collect();
                let stems_at = |positions: Vec<usize>| positions.into_iter().map(|i| ids[inside.start + i]).collect();
                Sentence {
                    dates: stems_at(date_words(&lowers)),
                    places: stems_at(place_words(&written)),
                    stems: sorted(ids[inside].to_vec()),
                    kinds: Kinds::of(&text[range.clone()], &written),
                    refers_back: refers_back(&text[range.clone()]),
                    range,
                }
            })
            .collect();
        let tokens = text_words
            .iter()
            .zip(&ids)
            .filter(|(w, _)| !is_stop_word(&w.lower))
            .map(|(w, &stem)| Token { start: w.range.start as u32, end: w.range.end as u32, stem })
            .collect();
        let mut question_field = String::new();
        let mut phrasing_stems = Vec::with_capacity(phrasings.len());
        // The question field is every phrasing in a row: the last stem of one stands beside
        // the first of the next.
        let mut question_sequence = Vec::new();
        for phrasing in phrasings {
            let (_, stems, joined) = self.analyse(phrasing);
            question_field.push_str(&joined);
            question_field.push(' ');
            question_sequence.extend_from_slice(&stems);
            phrasing_stems.push(sorted(stems));
        }
        self.index_field(&ids, IN_TEXT);
        self.index_field(&question_sequence, IN_QUESTION);
        let text_stems = sorted(ids);
        let unit = self.out.units.len() as u32;
        let context = std::mem::take(&mut self.out.contexts[document]);
        for &id in text_stems.iter().chain(phrasing_stems.iter().flatten()).chain(&context) {
            self.count(unit, id);
        }
        self.out.contexts[document] = context;
        self.out.fields.push((text_field, question_field));
        self.out.units.push(Unit {
            kind,
            document,
            text,
            sentences,
            words: tokens,
            text_stems,
            phrasings: phrasing_stems,
        });
    }

    /// Records a field's token sequence (stems in the order tantivy reads them, so with the
    /// same positions): the field holds each stem, and each stands beside the next.
    fn index_field(&mut self, sequence: &[u32], field: u8) {
        for &id in sequence {
            let id = id as usize;
            if self.out.in_fields.len() <= id {
                self.out.in_fields.resize(id + 1, 0);
            }
            self.out.in_fields[id] |= field;
        }
        let adjacent = &mut self.out.adjacent[field.trailing_zeros() as usize];
        adjacent.extend(sequence.windows(2).map(|w| pair(w[0], w[1])));
    }

    /// Counts `unit` as holding the stem `id`, once however often it occurs.
    fn count(&mut self, unit: u32, id: u32) {
        let id = id as usize;
        if self.id_frequency.len() <= id {
            self.id_frequency.resize(id + 1, 0);
            self.last_counted.resize(id + 1, u32::MAX);
        }
        if self.last_counted[id] != unit {
            self.last_counted[id] = unit;
            self.id_frequency[id] += 1;
        }
    }
}

/// Analyses every paragraph, fact and meeting of the knowledge, once each.
pub(super) fn analyse(knowledge: &Knowledge, analyzer: &Analyzer) -> Analysed {
    let mut builder = Builder {
        analyzer,
        out: Analysed {
            units: Vec::new(),
            stems: StemTable::default(),
            contexts: Vec::new(),
            fields: Vec::new(),
            context_fields: Vec::new(),
            document_frequency: HashMap::new(),
            words_seen: HashMap::new(),
            in_fields: Vec::new(),
            adjacent: Default::default(),
        },
        stem_of: HashMap::new(),
        by_id: Vec::new(),
        id_frequency: Vec::new(),
        last_counted: Vec::new(),
    };
    for document in &knowledge.documents {
        let (_, ids, joined) = builder.analyse(&format!("{} {}", document.title, document.organizations.join(" ")));
        // Every document's, though only those with units are indexed: a bit too many is safe.
        builder.index_field(&ids, IN_CONTEXT);
        builder.out.contexts.push(sorted(ids));
        builder.out.context_fields.push(joined);
    }
    for (d, document) in knowledge.documents.iter().enumerate() {
        for paragraph in &document.paragraphs {
            builder.unit(UnitKind::Passage, d, paragraph.text.clone(), &[]);
        }
    }
    for (i, fact) in knowledge.facts.iter().enumerate() {
        let mut phrasings = vec![fact.question.clone()];
        phrasings.extend(fact.alternates.iter().cloned());
        let quote = with_antecedent(&knowledge.documents[fact.document].paragraphs, &fact.answer);
        builder.unit(UnitKind::Fact(i), fact.document, quote, &phrasings);
    }
    for (i, meeting) in knowledge.meetings.iter().enumerate() {
        // Through the build's stem cache: the same document's sentences are compared with
        // each of its meetings.
        let quote = best_source_sentence(knowledge, meeting, |lower| builder.stem_id(lower));
        builder.unit(UnitKind::Meeting(i), meeting.document, quote, &[calendar_entry(meeting)]);
    }
    let Builder { mut out, id_frequency, by_id, .. } = builder;
    for pairs in &mut out.adjacent {
        pairs.sort_unstable();
        pairs.dedup();
        pairs.shrink_to_fit();
    }
    out.document_frequency = by_id.into_iter().zip(id_frequency).filter(|(_, n)| *n > 0).collect();
    out
}

/// The indices of the `items` lying wholly within `range`, `span` giving each item's byte
/// range. Items are in text order and do not overlap, so their starts and their ends both
/// ascend and those inside form one run.
pub(super) fn within<T>(items: &[T], range: &Range<usize>, span: impl Fn(&T) -> Range<usize>) -> Range<usize> {
    let first = items.partition_point(|item| span(item).start < range.start);
    let end = items.partition_point(|item| span(item).end <= range.end);
    first..end.max(first)
}

fn sorted(mut ids: Vec<u32>) -> Vec<u32> {
    ids.sort_unstable();
    ids.dedup();
    ids.shrink_to_fit();
    ids
}
