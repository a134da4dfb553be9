//! The search engine: a tantivy index over passages, curated facts and calendar entries.
//!
//! This module owns the schema, building the in-memory index from a [`Knowledge`], turning a
//! question into a query (never through query syntax, so no user text can break it), and
//! ranking: tantivy's BM25 finds candidates, then each is re-scored by how much of the
//! question's meaning it covers, and the best 1–3 sentences are cut out as its snippet.
//! It knows nothing of Telegram or of how answers are worded.

mod kinds;
mod language;
mod lexicon;
mod organizations;
mod rank;
mod text;
mod typo;
mod units;

use std::ops::Range;

use tantivy::collector::TopDocs;
use tantivy::query::{
    BooleanQuery, BoostQuery, DisjunctionMaxQuery, EnableScoring, Explanation, Occur, PhraseQuery, Query, Scorer,
    TermQuery, Weight,
};
use tantivy::schema::{Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST};
use tantivy::tokenizer::{TextAnalyzer, WhitespaceTokenizer};
use tantivy::{DocId, DocSet, Index, IndexReader, Score, SegmentReader, TantivyDocument, Term, TERMINATED};

/// True when a text speaks of what is still to come ("will take place", "the next meeting").
pub fn speaks_of_future(text: &str) -> bool {
    let lowers: Vec<String> = words(text).into_iter().map(|w| w.lower).collect();
    kinds::speaks_of_future(&lowers.iter().map(String::as_str).collect::<Vec<_>>())
}

pub use lexicon::{Intent, QueryPlan, TermGroup, MAX_QUESTION_WORDS};
pub use text::{is_cyrillic, sentences, words, Analyzer};
pub use units::{source_sentence, StemTable, Unit, UnitKind};

use crate::knowledge::Knowledge;
use lexicon::Lexicon;
use organizations::Organizations;

/// How many candidates BM25 hands to re-ranking.
const CANDIDATES: usize = 40;
/// Share of a concept's other matching clauses added to its best one: one concept counts
/// about once in BM25 (chosen on the dev sets; 0 to 0.3 all gained, 0.3 kept dev whole).
const CONCEPT_TIE_BREAKER: f32 = 0.3;
const TOKENIZER: &str = "stems";

/// Why the index could not be built.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error("cannot build the search index: {0}")]
    Index(#[from] tantivy::TantivyError),
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
    stems: StemTable,
    /// Stems of each document's title and organizations, by document index.
    contexts: Vec<Vec<u32>>,
    /// Which fields may hold each stem, by id (`units::IN_TEXT` …).
    in_fields: Vec<u8>,
    /// Per field, the pairs of stems side by side somewhere in it (`units::pair`), sorted.
    adjacent: [Vec<u64>; 3],
    lexicon: Lexicon,
    organizations: Organizations,
    /// The ids of the stems that are ordinals ("4th") and years ("2025"), sorted.
    ordinals: Vec<u32>,
    years: Vec<u32>,
    reader: IndexReader,
    fields: Fields,
}

impl Engine {
    /// Indexes every paragraph, fact and meeting of `knowledge` in RAM.
    pub fn build(knowledge: Knowledge) -> Result<Engine, SearchError> {
        let analyzer = Analyzer::default();
        let analysed = units::analyse(&knowledge, &analyzer);

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

        let mut writer = index.writer_with_num_threads(1, 30_000_000)?;
        for (id, (unit, (text, question))) in analysed.units.iter().zip(&analysed.fields).enumerate() {
            let mut doc = TantivyDocument::default();
            doc.add_u64(fields.unit, id as u64);
            doc.add_text(fields.text, text);
            doc.add_text(fields.question, question);
            doc.add_text(fields.context, &analysed.context_fields[unit.document]);
            writer.add_document(doc)?;
        }
        writer.commit()?;
        drop(writer);
        let reader = index.reader()?;
        let unit_count = analysed.units.len();
        let lexicon = Lexicon::new(analyzer, analysed.document_frequency, unit_count, analysed.words_seen, &knowledge);
        let organizations = Organizations::of(&knowledge);
        let ordinals = analysed.stems.ids_where(|s| lexicon::specifier_kind(s) == Some(true));
        let years = analysed.stems.ids_where(|s| lexicon::specifier_kind(s) == Some(false));
        Ok(Engine {
            organizations,
            ordinals,
            years,
            knowledge,
            units: analysed.units,
            stems: analysed.stems,
            contexts: analysed.contexts,
            in_fields: analysed.in_fields,
            adjacent: analysed.adjacent,
            lexicon,
            reader,
            fields,
        })
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
        let plan = self.lexicon.plan_knowing(question, &|phrase| {
            phrase.iter().all(|s| self.field_holds(s, units::IN_TEXT)) && self.side_by_side(phrase, units::IN_TEXT)
        });
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
        let best_bm25 = top.first().map_or(1.0, |(s, _)| s.max(f32::EPSILON));
        // Each segment's unit column, opened once per search rather than once per candidate.
        let columns: Vec<_> = searcher.segment_readers().iter().map(|r| r.fast_fields().u64("unit").ok()).collect();
        let resolved = rank::Resolved::new(self, &plan);
        let mut candidates: Vec<Candidate> = top
            .into_iter()
            .filter_map(|(bm25, address)| {
                let column = columns.get(address.segment_ord as usize)?.as_ref()?;
                let unit = column.first(address.doc_id)? as usize;
                Some(self.rank(&resolved, unit, bm25, best_bm25))
            })
            .collect();
        candidates.sort_by(|a, b| b.score.total_cmp(&a.score));
        // For tuning: RUST_LOG=ictbot::search=trace shows why a unit won (question text
        // appears only at trace level).
        if tracing::enabled!(tracing::Level::TRACE) {
            if tracing::enabled!(tracing::Level::TRACE) {
                let spell =
                    |alts: &[Vec<String>]| alts.iter().take(4).map(|a| a.join(" ")).collect::<Vec<_>>().join("|");
                let groups: Vec<String> = plan
                    .groups
                    .iter()
                    .map(|g| {
                        format!("{} {:.2} [{}] ~[{}]", g.label, g.weight, spell(&g.alternatives), spell(&g.related))
                    })
                    .collect();
                tracing::trace!(groups = %groups.join("; "), intent = ?plan.intent, "plan");
            }
            for c in candidates.iter().take(12) {
                let unit = &self.units[c.unit];
                tracing::trace!(
                    unit = c.unit,
                    score = c.score,
                    coverage = c.coverage,
                    bm25 = c.bm25,
                    snippet = &unit.text[c.snippet.clone()].chars().take(90).collect::<String>(),
                    "candidate"
                );
            }
        }
        for candidate in candidates.iter_mut().take(crate::answer::MAX_HITS * 2) {
            self.highlight(&resolved, candidate);
        }
        Ranking { plan, candidates }
    }

    fn build_query(&self, plan: &QueryPlan) -> Option<Box<dyn Query>> {
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for group in plan.groups.iter().filter(|g| g.is_known()) {
            // A concept is one clause however many spellings, synonyms and fields match it:
            // summed, a passage that repeats a curated rephrasing of a neighbour ("the 2 + 2
            // model" beside "joint faculty") outscored the one that answers.
            let mut disjuncts: Vec<Box<dyn Query>> = Vec::new();
            for alternative in group.all_alternatives() {
                let spelling = if *alternative == group.direct {
                    1.0
                } else if group.alternatives.contains(alternative) {
                    0.7
                } else {
                    0.5
                };
                // A phrase scores the sum of its words' BM25: a name written out in seven
                // words ("Belarusian State University of Informatics and Radioelectronics")
                // outweighed every other word of the question. Per word, a concept weighs
                // about the same however it is spelled (chosen on the dev sets: +12 of 760).
                let boost = spelling / alternative.len().max(1) as f32;
                for (field, field_boost, bit) in [
                    (self.fields.text, 1.0, units::IN_TEXT),
                    (self.fields.question, 0.8, units::IN_QUESTION),
                    (self.fields.context, 0.3, units::IN_CONTEXT),
                ] {
                    // A clause with a stem the field lacks matches nothing, and tantivy drops
                    // its empty scorer anyway: skipping it saves its weight and term lookups
                    // without changing any score.
                    if !alternative.iter().all(|s| self.field_holds(s, bit)) {
                        continue;
                    }
                    let terms: Vec<Term> = alternative.iter().map(|s| Term::from_field_text(field, s)).collect();
                    let query: Box<dyn Query> = if terms.len() == 1 {
                        Box::new(TermQuery::new(terms[0].clone(), IndexRecordOption::WithFreqs))
                    } else if !self.side_by_side(alternative, bit) {
                        // Its stems never stand in this order in the field: the phrase
                        // matches nothing, but searching it would read every position of
                        // its stems first.
                        Box::new(NeverQuery)
                    } else {
                        Box::new(PhraseQuery::new(terms))
                    };
                    disjuncts.push(Box::new(BoostQuery::new(query, boost * field_boost)));
                }
            }
            if !disjuncts.is_empty() {
                let concept = DisjunctionMaxQuery::with_tie_breaker(disjuncts, CONCEPT_TIE_BREAKER);
                clauses.push((Occur::Should, Box::new(concept)));
            }
        }
        (!clauses.is_empty()).then(|| Box::new(BooleanQuery::new(clauses)) as Box<dyn Query>)
    }

    /// Whether each pair of neighbours of the phrase stands side by side somewhere in `field`
    /// (one of the `units::IN_` bits). The phrase's stems are known to be in the field.
    fn side_by_side(&self, phrase: &[String], field: u8) -> bool {
        let adjacent = &self.adjacent[field.trailing_zeros() as usize];
        let id = |s: &String| self.stems.get(s);
        phrase.windows(2).all(|w| match (id(&w[0]), id(&w[1])) {
            (Some(a), Some(b)) => adjacent.binary_search(&units::pair(a, b)).is_ok(),
            _ => true,
        })
    }

    /// Whether some unit's `field` (one of the `units::IN_` bits) may hold the stem.
    fn field_holds(&self, stem: &str, field: u8) -> bool {
        self.stems.get(stem).is_some_and(|id| self.in_fields.get(id as usize).is_some_and(|bits| bits & field != 0))
    }
}

/// A clause matching no unit, standing in for a phrase that cannot match.
///
/// Its scorer is neither tantivy's empty scorer nor a term scorer, like the phrase scorer it
/// replaces: the boolean query then combines the other clauses exactly as before (a union
/// over the scorers that match something), so no score moves.
#[derive(Clone, Debug)]
struct NeverQuery;

struct NeverWeight;

struct NeverScorer;

impl Query for NeverQuery {
    fn weight(&self, _scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(NeverWeight))
    }
}

impl Weight for NeverWeight {
    fn scorer(&self, _reader: &SegmentReader, _boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        Ok(Box::new(NeverScorer))
    }

    fn explain(&self, _reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        Err(tantivy::TantivyError::InvalidArgument(format!("document {doc} does not match")))
    }
}

impl DocSet for NeverScorer {
    fn advance(&mut self) -> DocId {
        TERMINATED
    }

    fn doc(&self) -> DocId {
        TERMINATED
    }

    fn size_hint(&self) -> u32 {
        0
    }
}

impl Scorer for NeverScorer {
    fn score(&mut self) -> Score {
        0.0
    }
}
