//! The search engine: a tantivy index over passages, curated facts and calendar entries.
//!
//! This module owns the schema, building the in-memory index from a [`Knowledge`], turning a
//! question into a query (never through query syntax, so no user text can break it), and
//! ranking: tantivy's BM25 finds candidates, then each is re-scored by how much of the
//! question's meaning it covers, and the best 1–3 sentences are cut out as its snippet.
//! It knows nothing of Telegram or of how answers are worded.

mod language;
mod lexicon;
mod text;
mod typo;

use std::collections::HashSet;
use std::ops::Range;

use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, BoostQuery, Occur, PhraseQuery, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST};
use tantivy::tokenizer::{TextAnalyzer, WhitespaceTokenizer};
use tantivy::{Index, IndexReader, TantivyDocument, Term};

pub use lexicon::{Intent, QueryPlan, TermGroup, MAX_QUESTION_WORDS};
pub use text::{is_cyrillic, sentences, words, Analyzer};

use crate::knowledge::Knowledge;
use lexicon::Lexicon;

/// How many candidates BM25 hands to re-ranking.
const CANDIDATES: usize = 40;
/// Longest snippet, in characters, when several sentences are joined.
const MAX_SNIPPET_CHARS: usize = 480;
const TOKENIZER: &str = "stems";
/// How much of the ranking score is coverage; the rest is BM25 relative to the best candidate.
const COVERAGE_SHARE: f32 = 0.6;
/// Credit for a concept found only in a fact's question or a meeting's title, not in the quote.
const QUESTION_ONLY_CREDIT: f32 = 0.85;

/// Why the index could not be built.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error("cannot build the search index: {0}")]
    Index(#[from] tantivy::TantivyError),
}

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
    /// The text a snippet is cut from.
    pub text: String,
    sentences: Vec<Sentence>,
    /// Every word of the text with its stem, for marking matches.
    words: Vec<(Range<usize>, String)>,
    /// Stems of the text and, for facts and meetings, of their questions and titles.
    stems: HashSet<String>,
    /// Stems of the text alone, the part that is quoted.
    text_stems: HashSet<String>,
    /// Stems of the document's title and organizations: context, worth less than the text.
    context_stems: HashSet<String>,
}

/// A sentence of a unit, analysed once at build time.
#[derive(Debug)]
struct Sentence {
    range: Range<usize>,
    stems: HashSet<String>,
    has_date: bool,
    has_number: bool,
}

/// One ranked candidate.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// Index into [`Engine::units`].
    pub unit: usize,
    /// tantivy's BM25 score.
    pub bm25: f32,
    /// Share of the question's weight that the unit covers, 0..=1.
    pub coverage: f32,
    /// The final ranking score.
    pub score: f32,
    /// Byte range of the chosen sentences within the unit's text.
    pub snippet: Range<usize>,
    /// Byte ranges, within the snippet, of the words that matched the question.
    pub highlights: Vec<Range<usize>>,
}

/// The result of searching: the analysed question and the candidates, best first.
#[derive(Debug, Clone, Default)]
pub struct Ranking {
    pub plan: QueryPlan,
    pub candidates: Vec<Candidate>,
}

struct Fields {
    unit: Field,
    text: Field,
    question: Field,
    context: Field,
}

/// An immutable, searchable snapshot of one knowledge folder.
pub struct Engine {
    knowledge: Knowledge,
    units: Vec<Unit>,
    lexicon: Lexicon,
    reader: IndexReader,
    fields: Fields,
}

impl Engine {
    /// Indexes every paragraph, fact and meeting of `knowledge` in RAM.
    pub fn build(knowledge: Knowledge) -> Result<Engine, SearchError> {
        let analyzer = Analyzer::default();
        let units = collect_units(&knowledge, &analyzer);

        let stem_options = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(TOKENIZER)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        );
        let mut builder = Schema::builder();
        let fields = Fields {
            unit: builder.add_u64_field("unit", FAST),
            text: builder.add_text_field("text", stem_options.clone()),
            question: builder.add_text_field("question", stem_options.clone()),
            context: builder.add_text_field("context", stem_options),
        };
        let index = Index::create_in_ram(builder.build());
        index.tokenizers().register(TOKENIZER, TextAnalyzer::builder(WhitespaceTokenizer::default()).build());

        let mut writer = index.writer_with_num_threads(1, 15_000_000)?;
        let mut all_stems = Vec::with_capacity(units.len());
        let mut indexed_text: Vec<String> = Vec::new();
        for (id, unit) in units.iter().enumerate() {
            let (question_text, context_text) = unit_fields(&knowledge, unit);
            let mut doc = TantivyDocument::default();
            doc.add_u64(fields.unit, id as u64);
            doc.add_text(fields.text, analyzer.stems(&unit.text).join(" "));
            doc.add_text(fields.question, analyzer.stems(&question_text).join(" "));
            doc.add_text(fields.context, analyzer.stems(&context_text).join(" "));
            writer.add_document(doc)?;
            all_stems.push(unit.stems.union(&unit.context_stems).cloned().collect::<HashSet<_>>());
            indexed_text.push(format!("{} {} {}", unit.text, question_text, context_text));
        }
        writer.commit()?;
        let reader = index.reader()?;
        let text_refs: Vec<&str> = indexed_text.iter().map(String::as_str).collect();
        let lexicon = Lexicon::new(analyzer, &all_stems, &text_refs, &knowledge);
        Ok(Engine { knowledge, units, lexicon, reader, fields })
    }

    /// The knowledge this engine was built from.
    pub fn knowledge(&self) -> &Knowledge {
        &self.knowledge
    }

    /// All indexed units; [`Candidate::unit`] indexes into this.
    pub fn units(&self) -> &[Unit] {
        &self.units
    }

    /// Searches for `question` and returns candidates, best first. Never fails: any input,
    /// however hostile, gives a (possibly empty) ranking.
    pub fn search(&self, question: &str) -> Ranking {
        let plan = self.lexicon.plan(question);
        let query = self.build_query(&plan);
        let Some(query) = query else {
            return Ranking { plan, candidates: Vec::new() };
        };
        let searcher = self.reader.searcher();
        let top = match searcher.search(&query, &TopDocs::with_limit(CANDIDATES).order_by_score()) {
            Ok(top) => top,
            Err(err) => {
                tracing::warn!("search failed: {err}");
                return Ranking { plan, candidates: Vec::new() };
            }
        };
        let total_weight: f32 = plan.groups.iter().map(|g| g.weight).sum();
        let best_bm25 = top.first().map_or(1.0, |(s, _)| s.max(f32::EPSILON));
        let mut candidates: Vec<Candidate> = top
            .into_iter()
            .filter_map(|(bm25, address)| {
                let column = searcher.segment_reader(address.segment_ord).fast_fields().u64("unit").ok()?;
                let unit = column.first(address.doc_id)? as usize;
                Some(self.rank(&plan, unit, bm25, best_bm25, total_weight))
            })
            .collect();
        candidates.sort_by(|a, b| b.score.total_cmp(&a.score));
        for candidate in candidates.iter_mut().take(crate::answer::MAX_HITS * 2) {
            self.highlight(&plan, candidate);
        }
        Ranking { plan, candidates }
    }

    fn build_query(&self, plan: &QueryPlan) -> Option<Box<dyn Query>> {
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for group in plan.groups.iter().filter(|g| g.is_known()) {
            for alternative in group.all_alternatives() {
                let boost = if *alternative == group.direct {
                    1.0
                } else if group.alternatives.contains(alternative) {
                    0.7
                } else {
                    0.5
                };
                for (field, field_boost) in
                    [(self.fields.text, 1.0), (self.fields.question, 0.8), (self.fields.context, 0.3)]
                {
                    let terms: Vec<Term> = alternative.iter().map(|s| Term::from_field_text(field, s)).collect();
                    let query: Box<dyn Query> = if terms.len() == 1 {
                        Box::new(TermQuery::new(terms[0].clone(), IndexRecordOption::WithFreqs))
                    } else {
                        Box::new(PhraseQuery::new(terms))
                    };
                    clauses.push((Occur::Should, Box::new(BoostQuery::new(query, boost * field_boost))));
                }
            }
        }
        (!clauses.is_empty()).then(|| Box::new(BooleanQuery::new(clauses)) as Box<dyn Query>)
    }

    fn rank(&self, plan: &QueryPlan, unit_id: usize, bm25: f32, best_bm25: f32, total_weight: f32) -> Candidate {
        let unit = &self.units[unit_id];
        let mut covered = 0.0;
        for group in &plan.groups {
            let in_text = group.credit(|s| unit.text_stems.contains(s));
            // Only a curated question or title says it; the quoted text may not.
            let in_question = group.credit(|s| unit.stems.contains(s)) * QUESTION_ONLY_CREDIT;
            let in_context = group.credit(|s| unit.context_stems.contains(s)) * 0.5;
            covered += group.weight * in_text.max(in_question).max(in_context);
        }
        let mut coverage = if total_weight > 0.0 { covered / total_weight } else { 0.0 };
        let (snippet, snippet_bonus) = self.snippet(plan, unit);
        // A "how many" answer without a number, or a "when" answer without a date, misses
        // what was asked however many words it shares with the question.
        let quoted = &unit.sentences[snippet.clone()];
        if plan.intent.count && !quoted.iter().any(|s| s.has_number) {
            coverage *= 0.6;
        }
        if plan.intent.when && !quoted.iter().any(|s| s.has_date) {
            coverage *= 0.85;
        }
        let snippet = match (quoted.first(), quoted.last()) {
            (Some(first), Some(last)) => first.range.start..last.range.end,
            _ => 0..unit.text.len(),
        };
        let kind_bonus = match unit.kind {
            UnitKind::Fact(_) => 0.05,
            UnitKind::Meeting(_) if plan.intent.when || plan.intent.place || plan.intent.list => 0.08,
            UnitKind::Meeting(_) => -0.05,
            UnitKind::Passage => 0.0,
        };
        let score =
            COVERAGE_SHARE * coverage + (1.0 - COVERAGE_SHARE) * (bm25 / best_bm25) + snippet_bonus + kind_bonus;
        Candidate { unit: unit_id, bm25, coverage, score, snippet, highlights: Vec::new() }
    }

    /// Chooses the best window of one to three sentences. Returns the window (sentence
    /// indices) and a bonus when it holds what the question asks for (a date for "when",
    /// a number for "how many").
    fn snippet(&self, plan: &QueryPlan, unit: &Unit) -> (Range<usize>, f32) {
        let sentence_score = |i: usize| -> (f32, f32) {
            let sentence = &unit.sentences[i];
            let stems = &sentence.stems;
            let matched: f32 = plan.groups.iter().map(|g| g.weight * g.credit(|s| stems.contains(s))).sum();
            let wanted = intent_bonus(plan.intent, sentence);
            (matched, wanted)
        };
        let scores: Vec<(f32, f32)> = (0..unit.sentences.len()).map(sentence_score).collect();
        let best = (0..scores.len())
            .max_by(|&a, &b| (scores[a].0 + scores[a].1).total_cmp(&(scores[b].0 + scores[b].1)).then(b.cmp(&a)))
            .unwrap_or(0);
        let mut window = best..best + 1;
        let chars = |w: &Range<usize>| {
            unit.text[unit.sentences[w.start].range.start..unit.sentences[w.end - 1].range.end].chars().count()
        };
        // Grow the window while a neighbour adds matched weight and the snippet stays short.
        // A neighbour that supplies what the question asks for and the window lacks (the date
        // of a "when" question, the number of a "how many") is worth more than any match.
        let supplies = |i: usize, window: &Range<usize>| -> bool {
            let lacks = |has: fn(&Sentence) -> bool| !unit.sentences[window.clone()].iter().any(has);
            let sentence = &unit.sentences[i];
            (plan.intent.when && sentence.has_date && lacks(|s| s.has_date))
                || (plan.intent.count && sentence.has_number && lacks(|s| s.has_number))
        };
        let value = |i: usize, window: &Range<usize>| scores[i].0 + if supplies(i, window) { 100.0 } else { 0.0 };
        while window.len() < 3 {
            let before = window.start.checked_sub(1).map(|i| (i, value(i, &window)));
            let after = (window.end < scores.len()).then(|| (window.end, value(window.end, &window)));
            let pick = match (before, after) {
                (Some(b), Some(a)) => {
                    if a.1 >= b.1 {
                        a
                    } else {
                        b
                    }
                }
                (Some(b), None) => b,
                (None, Some(a)) => a,
                (None, None) => break,
            };
            if pick.1 <= 0.0 {
                break;
            }
            let grown = window.start.min(pick.0)..window.end.max(pick.0 + 1);
            if chars(&grown) > MAX_SNIPPET_CHARS {
                break;
            }
            window = grown;
        }
        if unit.sentences.is_empty() {
            window = 0..0;
        }
        let wanted = scores.get(best).map_or(0.0, |s| s.1);
        (window, wanted)
    }

    /// Marks, within the candidate's snippet, the words that match the question.
    fn highlight(&self, plan: &QueryPlan, candidate: &mut Candidate) {
        let wanted: HashSet<&str> =
            plan.groups.iter().flat_map(|g| g.all_alternatives().flatten()).map(String::as_str).collect();
        let snippet = candidate.snippet.clone();
        candidate.highlights = self.units[candidate.unit]
            .words
            .iter()
            .filter(|(range, stem)| {
                range.start >= snippet.start && range.end <= snippet.end && wanted.contains(stem.as_str())
            })
            .map(|(range, _)| range.start - snippet.start..range.end - snippet.start)
            .collect();
    }
}

/// True when the text names a year or a month ("2019", "October 7").
fn has_date(text: &str) -> bool {
    words(text).iter().any(|w| {
        (w.lower.len() == 4 && w.lower.starts_with(['1', '2']) && w.lower.parse::<u32>().is_ok())
            || is_month_name(&w.lower)
    })
}

const NUMBER_WORDS: &[&str] = &[
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve", "twofold", "hundred", "million",
];

/// True when the text states a quantity: a number word, or digits that are not a year, an
/// ordinal ("3rd") or the day of a date ("November 29").
fn has_count(text: &str) -> bool {
    let words = words(text);
    let is_month = |i: usize| words.get(i).is_some_and(|w: &text::Word| is_month_name(&w.lower));
    words.iter().enumerate().any(|(i, w)| {
        let digits = w.lower.bytes().all(|b| b.is_ascii_digit());
        let year = w.lower.len() == 4 && w.lower.starts_with(['1', '2']);
        let day = is_month(i + 1) || (i > 0 && is_month(i - 1));
        NUMBER_WORDS.contains(&w.lower.as_str()) || (digits && !year && !day)
    })
}

fn is_month_name(lower: &str) -> bool {
    (1..=12).any(|m| crate::knowledge::month_name(m).eq_ignore_ascii_case(lower))
}

/// A bonus for sentences that hold the kind of thing the question asks for.
fn intent_bonus(intent: Intent, sentence: &Sentence) -> f32 {
    let mut bonus = 0.0;
    if intent.when && sentence.has_date {
        bonus += 0.08;
    }
    if intent.count && sentence.has_number {
        bonus += 0.08;
    }
    bonus
}

/// The text a unit is searched by besides its own: (question-like text, context).
fn unit_fields(knowledge: &Knowledge, unit: &Unit) -> (String, String) {
    let document = &knowledge.documents[unit.document];
    let context = format!("{} {}", document.title, document.organizations.join(" "));
    let question = match unit.kind {
        UnitKind::Passage => String::new(),
        UnitKind::Fact(i) => {
            let fact = &knowledge.facts[i];
            format!("{} {}", fact.question, fact.alternates.join(" "))
        }
        UnitKind::Meeting(i) => {
            // The calendar entry is searchable, though only its source sentence is quoted.
            let meeting = &knowledge.meetings[i];
            let date = meeting.date.map(|d| d.to_string()).unwrap_or_default();
            let place = meeting.place.as_deref().unwrap_or_default();
            format!("{} {} {} {date} {place} {}", meeting.title, meeting.organization, meeting.kind, meeting.summary)
        }
    };
    (question, context)
}

fn collect_units(knowledge: &Knowledge, analyzer: &Analyzer) -> Vec<Unit> {
    let mut units = Vec::new();
    for (d, document) in knowledge.documents.iter().enumerate() {
        for paragraph in &document.paragraphs {
            units.push(make_unit(knowledge, analyzer, UnitKind::Passage, d, paragraph.text.clone()));
        }
    }
    for (i, fact) in knowledge.facts.iter().enumerate() {
        units.push(make_unit(knowledge, analyzer, UnitKind::Fact(i), fact.document, fact.answer.clone()));
    }
    for (i, meeting) in knowledge.meetings.iter().enumerate() {
        let quote = source_sentence(knowledge, analyzer, meeting);
        units.push(make_unit(knowledge, analyzer, UnitKind::Meeting(i), meeting.document, quote));
    }
    units
}

/// The sentence of a meeting's source document that its calendar entry comes from: the one
/// sharing most words with its summary and title. A meeting hit quotes this, verbatim; the
/// calendar line itself is the bot's own wording, never presented as a quote.
pub fn source_sentence(knowledge: &Knowledge, analyzer: &Analyzer, meeting: &crate::knowledge::Meeting) -> String {
    let wanted: HashSet<String> = words(&format!("{} {}", meeting.summary, meeting.title))
        .into_iter()
        .filter(|w| !text::is_stop_word(&w.lower))
        .map(|w| analyzer.stem(&w.lower))
        .collect();
    let document = &knowledge.documents[meeting.document];
    let mut best: Option<(usize, &str)> = None;
    for paragraph in &document.paragraphs {
        for range in sentences(&paragraph.text) {
            let sentence = &paragraph.text[range];
            let shared = analyzer.stems(sentence).into_iter().collect::<HashSet<_>>().intersection(&wanted).count();
            if best.is_none_or(|(n, _)| shared > n) {
                best = Some((shared, sentence));
            }
        }
    }
    best.map_or_else(|| document.title.clone(), |(_, s)| s.to_string())
}

fn make_unit(knowledge: &Knowledge, analyzer: &Analyzer, kind: UnitKind, document: usize, text: String) -> Unit {
    let sentences = sentences(&text)
        .into_iter()
        .map(|range| {
            let piece = &text[range.clone()];
            Sentence {
                stems: analyzer.stems(piece).into_iter().collect(),
                has_date: has_date(piece),
                has_number: has_count(piece),
                range,
            }
        })
        .collect();
    let words = words(&text)
        .into_iter()
        .filter(|w| !text::is_stop_word(&w.lower))
        .map(|w| (w.range, analyzer.stem(&w.lower)))
        .collect();
    let mut unit = Unit {
        kind,
        document,
        stems: analyzer.stems(&text).into_iter().collect(),
        text_stems: HashSet::new(),
        text,
        sentences,
        words,
        context_stems: HashSet::new(),
    };
    let (question, context) = unit_fields(knowledge, &unit);
    unit.text_stems = unit.stems.clone();
    unit.stems.extend(analyzer.stems(&question));
    unit.context_stems = analyzer.stems(&context).into_iter().collect();
    unit
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_quantities_not_years_ordinals_or_days() {
        assert!(has_count("convened 3 meetings"));
        assert!(has_count("a twofold increase"));
        assert!(has_count("361 first-year students"));
        assert!(!has_count("the 3rd meeting"));
        assert!(!has_count("held on November 29, 2016 in Baku"));
        assert!(!has_count("held on 9 November 2017"));
    }

    #[test]
    fn dates_include_month_names() {
        assert!(has_date("GABALA, Azerbaijan, October 7."));
        assert!(has_date("in 2019"));
        assert!(!has_date("in Almaty"));
    }
}
