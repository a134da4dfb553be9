//! Ranking: how much of the question a candidate covers, which sentences answer it, and
//! which words to mark.
//!
//! A question's stems are resolved to the index's stem ids once per search ([`Resolved`]):
//! re-ranking forty candidates compares ids in sorted vectors, per group, phrasing and
//! sentence, and hashing a stem string for each of those lookups used to dominate a search.

use std::collections::HashSet;
use std::ops::Range;

use super::kinds::Kinds;
use super::lexicon::SPECIFIER_FACTOR;
use super::units::{Sentence, Unit, UnitKind};
use super::{Candidate, Engine, Intent, QueryPlan};

mod counting;

use counting::{counted_heads, counted_stem, counts, counts_any};

/// Longest snippet, in characters, when several sentences are joined.
const MAX_SNIPPET_CHARS: usize = 480;
/// How much of the ranking score is coverage; the rest is BM25 relative to the best candidate.
const COVERAGE_SHARE: f32 = 0.6;
/// Extra weight of the coverage by the quotable text alone.
const QUOTE_SHARE: f32 = 0.15;
/// Share of the coverage that comes from the quoted sentences alone rather than the whole unit.
const QUOTE_BLEND: f32 = 0.5;
/// Credit for a concept found only in the unit's context: its document's title and
/// organizations, or the paragraph before it.
const CONTEXT_CREDIT: f32 = 0.5;
/// Credit for a concept found only in a fact's question or a meeting's entry, not in the quote.
const QUESTION_ONLY_CREDIT: f32 = 0.85;
/// Coverage kept by a unit about another organization than the one the question names: its
/// shared words ("4th meeting of ministers") describe the other organization's events.
const OTHER_ORGANIZATION_FACTOR: f32 = 0.45;
/// Coverage kept by a quote that names another year or ordinal than the question's, and not
/// the question's: it tells of another meeting ("1st … in Baku" for "the 4th meeting").
const OTHER_SPECIFIER_FACTOR: f32 = 0.6;
/// Coverage kept by a quote for a "how many" question whose numbers count other things
/// ("Top 100 IT companies" for "how many countries").
const UNCOUNTED_FACTOR: f32 = 0.6;
/// Bonus of a sentence where a number counts what a "how many" question asks about.
const COUNTED_BONUS: f32 = 0.08;

/// One term group of the question with its stems as ids; `None` for a stem no unit holds,
/// which no stem set can match.
struct Group {
    alternatives: Vec<Vec<Option<u32>>>,
    related: Vec<Vec<Option<u32>>>,
    related_credit: f32,
    weight: f32,
    specifier: bool,
}

impl Group {
    /// The share of the concept's weight that the stems `has` accepts hold: 1 for the
    /// question's word or a curated alias, `related_credit` for a general synonym, else 0.
    fn credit(&self, has: impl Fn(u32) -> bool) -> f32 {
        let all = |alt: &Vec<Option<u32>>| alt.iter().all(|s| s.is_some_and(&has));
        if self.alternatives.iter().any(all) {
            1.0
        } else if self.related.iter().any(all) {
            self.related_credit
        } else {
            0.0
        }
    }

    /// The credit a sorted stem set earns.
    fn credit_in(&self, set: &[u32]) -> f32 {
        self.credit(|id| set.binary_search(&id).is_ok())
    }
}

/// What ranking needs of a question, resolved against the index's stems once per search.
pub(super) struct Resolved {
    groups: Vec<Group>,
    /// The kinds of answer the question asks for.
    asked: Kinds,
    /// The stem a "how many" question counts, if any.
    counted: Option<u32>,
    /// The head stems of every spelling of what a "how many" question counts.
    counted_heads: Vec<u32>,
    /// Every stem of every spelling of the question's concepts, for highlighting.
    wanted: HashSet<u32>,
    /// The groups naming an organization some unit is about, with its canonical name.
    organizations: Vec<(usize, String)>,
    intent: Intent,
    /// Per year or ordinal the question names: whether it is an ordinal, and its stems.
    specifiers: Vec<(bool, Vec<u32>)>,
}

impl Resolved {
    /// Resolves `plan`'s stems through the index's stem table.
    pub fn new(engine: &Engine, plan: &QueryPlan) -> Resolved {
        let ids = |alts: &[Vec<String>]| -> Vec<Vec<Option<u32>>> {
            alts.iter().map(|alt| alt.iter().map(|s| engine.stems.get(s)).collect()).collect()
        };
        let groups = plan
            .groups
            .iter()
            .map(|g| Group {
                alternatives: ids(&g.alternatives),
                related: ids(&g.related),
                related_credit: g.related_credit,
                weight: g.weight,
                specifier: g.specifier,
            })
            .collect();
        let wanted = plan
            .groups
            .iter()
            .flat_map(|g| g.all_alternatives().flatten())
            .filter_map(|s| engine.stems.get(s))
            .collect();
        let organizations = plan
            .groups
            .iter()
            .enumerate()
            .filter_map(|(n, g)| {
                g.entity.as_deref().filter(|e| engine.organizations.is_organization(e)).map(|e| (n, e.to_string()))
            })
            .collect();
        let specifiers = plan
            .groups
            .iter()
            .filter(|g| g.specifier)
            .filter_map(|g| {
                // A Russian ordinal in words has no direct stems; its first spelling is the
                // English ordinal.
                let stem = g.direct.first().or_else(|| g.alternatives.first()?.first())?;
                let ordinal = super::lexicon::specifier_kind(stem)?;
                Some((ordinal, g.all_alternatives().flatten().filter_map(|s| engine.stems.get(s)).collect()))
            })
            .collect();
        Resolved {
            specifiers,
            groups,
            asked: Kinds::asked(plan.intent),
            counted: counted_stem(&engine.stems, plan),
            counted_heads: counted_heads(&engine.stems, plan),
            wanted,
            organizations,
            intent: plan.intent,
        }
    }
}

impl Engine {
    /// Share of the question's weight that the unit covers, through its whole text and
    /// through its quoted sentences: each reads per group the credit of that text
    /// (`in_text`, `in_quote`), of the unit's best single curated phrasing, and of its
    /// context: its document's title or the paragraph before it (`in_context`). Returns the coverage through the whole text, the share
    /// that text (and title) covers alone, and the coverage through the quote.
    fn coverage(&self, q: &Resolved, unit: &Unit, in_text: &[f32], in_quote: &[f32], in_context: &[f32]) -> [f32; 3] {
        // (covered, total) weight through the text and through the quote; a specifier the
        // unit lacks weighs more in the total.
        let through = |phrasing: Option<&Vec<u32>>| -> [(f32, f32); 2] {
            q.groups.iter().enumerate().fold([(0.0, 0.0); 2], |mut sums, (n, group)| {
                // Only a curated question or entry says it; the quoted text may not.
                let in_question = phrasing.map_or(0.0, |p| group.credit_in(p) * QUESTION_ONLY_CREDIT);
                for (sum, found) in sums.iter_mut().zip([in_text[n], in_quote[n]]) {
                    let credit = found.max(in_question).max(in_context[n]);
                    let missing = if group.specifier { (SPECIFIER_FACTOR - 1.0) * (1.0 - credit) } else { 0.0 };
                    *sum = (sum.0 + group.weight * credit, sum.1 + group.weight * (1.0 + missing));
                }
                sums
            })
        };
        let share = |(covered, total): (f32, f32)| if total > 0.0 { covered / total } else { 0.0 };
        let [text, quote] = through(None).map(share);
        let (mut covered, mut quote_covered) = (text, quote);
        for phrasing in &unit.phrasings {
            let [by_text, by_quote] = through(Some(phrasing)).map(share);
            covered = covered.max(by_text);
            quote_covered = quote_covered.max(by_quote);
        }
        [covered, text, quote_covered]
    }

    /// True when the quote names another year or ordinal than the question's and not the
    /// question's own: "the 1st meeting … in Baku" for "where was the 4th meeting".
    fn names_other_specifier(&self, q: &Resolved, quoted: &[Sentence]) -> bool {
        q.specifiers.iter().any(|(ordinal, own)| {
            let kind = if *ordinal { &self.ordinals } else { &self.years };
            let stems = || quoted.iter().flat_map(|s| s.stems.iter());
            !stems().any(|id| own.contains(id)) && stems().any(|id| kind.binary_search(id).is_ok())
        })
    }

    /// True when the question names organizations, the unit's source is about others, and
    /// neither its text (`in_text`, credit per group) nor its curated phrasings name any of
    /// the question's.
    fn about_other_organization(&self, q: &Resolved, unit: &Unit, in_text: &[f32]) -> bool {
        let about = self.organizations.of_unit(unit);
        !about.is_empty()
            && !q.organizations.is_empty()
            && q.organizations.iter().all(|(n, entity)| {
                let group = &q.groups[*n];
                let in_phrasing = unit.phrasings.iter().any(|p| group.credit_in(p) > 0.0);
                !about.iter().any(|a| a == entity) && in_text[*n] <= 0.0 && !in_phrasing
            })
    }

    pub(super) fn rank(&self, q: &Resolved, unit_id: usize, bm25: f32, best_bm25: f32) -> Candidate {
        let unit = &self.units[unit_id];
        let context = &self.contexts[unit.document];
        let in_text: Vec<f32> = q.groups.iter().map(|g| g.credit_in(&unit.text_stems)).collect();
        // A paragraph goes on from the one before it ("Today, 361 students study at the
        // joint faculty" after the paragraph that names the Belarusian university): what that
        // one names is context, as the title is.
        let previous = unit_id
            .checked_sub(1)
            .map(|p| &self.units[p])
            .filter(|p| p.document == unit.document && p.kind == UnitKind::Passage && unit.kind == UnitKind::Passage);
        let in_context: Vec<f32> = q
            .groups
            .iter()
            .map(|g| {
                let in_previous = previous.map_or(0.0, |p| g.credit_in(&p.text_stems));
                g.credit_in(context).max(in_previous) * CONTEXT_CREDIT
            })
            .collect();
        let (snippet, snippet_bonus) = self.snippet(q, unit, &in_text);
        // A "how many" answer without a number, or a "when" answer without a date, misses
        // what was asked however many words it shares with the question.
        let quoted = &unit.sentences[snippet.clone()];
        // Words of the question spread over a long passage, but not in the sentences shown,
        // do not make the quote an answer.
        // A sentence holds no stem the unit's text lacks: a group absent from the text is
        // absent from every sentence, and its credit there is 0 without looking.
        let in_quote: Vec<f32> =
            q.groups
                .iter()
                .zip(&in_text)
                .map(|(g, &t)| {
                    if t == 0.0 {
                        0.0
                    } else {
                        g.credit(|id| quoted.iter().any(|s| s.stems.binary_search(&id).is_ok()))
                    }
                })
                .collect();
        let [mut coverage, text_coverage, quote] = self.coverage(q, unit, &in_text, &in_quote, &in_context);
        let quote = quote.min(coverage);
        coverage = coverage * (1.0 - QUOTE_BLEND) + quote * QUOTE_BLEND;
        coverage *= q.asked.without(q.held_by(quoted)).missing_factor();
        if self.about_other_organization(q, unit, &in_text) {
            coverage *= OTHER_ORGANIZATION_FACTOR;
        }
        // "How many countries…" is not answered by a number that counts companies.
        let counts_asked = |s: &Sentence| counts_any(unit, s, &q.counted_heads);
        if !q.counted_heads.is_empty() && q.held_by(quoted).contains(Kinds::NUMBER) && !quoted.iter().any(counts_asked)
        {
            coverage *= UNCOUNTED_FACTOR;
        }
        if self.names_other_specifier(q, quoted) {
            coverage *= OTHER_SPECIFIER_FACTOR;
        }
        let snippet = match (quoted.first(), quoted.last()) {
            (Some(first), Some(last)) => first.range.start..last.range.end,
            _ => 0..unit.text.len(),
        };
        let kind_bonus = match unit.kind {
            UnitKind::Fact(_) => 0.05,
            UnitKind::Meeting(_) if q.intent.when || q.intent.place || q.intent.list => 0.08,
            UnitKind::Meeting(_) => -0.05,
            UnitKind::Passage => 0.0,
        };
        // What the quote itself says counts beyond what a curated phrasing matched: the
        // sentence shown must answer, not just the fact's question.
        let score = COVERAGE_SHARE * coverage
            + (1.0 - COVERAGE_SHARE) * (bm25 / best_bm25)
            + QUOTE_SHARE * text_coverage
            + snippet_bonus
            + kind_bonus;
        Candidate { unit: unit_id, bm25, coverage, score, snippet, highlights: Vec::new() }
    }

    /// Chooses the best window of one to three sentences. Returns the window (sentence
    /// indices) and a bonus when it holds what the question asks for (a date for "when",
    /// a number for "how many"). `in_text` is each group's credit in the whole unit.
    fn snippet(&self, q: &Resolved, unit: &Unit, in_text: &[f32]) -> (Range<usize>, f32) {
        let asked = q.asked;
        let sentence_score = |i: usize| -> (f32, f32) {
            let sentence = &unit.sentences[i];
            // A group absent from the unit's text is absent from each of its sentences.
            let matched: f32 = q
                .groups
                .iter()
                .zip(in_text)
                .filter(|(_, &t)| t != 0.0)
                .map(|(g, _)| g.weight * g.credit_in(&sentence.stems))
                .sum();
            // A bonus for holding what is asked, and a discount for lacking it.
            let kinds = q.kinds_of(sentence);
            let mut wanted = 0.08 * asked.shared(kinds).count() as f32;
            if q.counted.is_some_and(|counted| counts(unit, sentence, counted)) {
                wanted += COUNTED_BONUS;
            }
            (matched * asked.without(kinds).sentence_factor(), wanted)
        };
        let scores: Vec<(f32, f32)> = (0..unit.sentences.len()).map(sentence_score).collect();
        let best = (0..scores.len())
            .max_by(|&a, &b| (scores[a].0 + scores[a].1).total_cmp(&(scores[b].0 + scores[b].1)).then(b.cmp(&a)))
            .unwrap_or(0);
        let mut window = best..best + 1;
        let chars = |w: &Range<usize>| {
            unit.text[unit.sentences[w.start].range.start..unit.sentences[w.end - 1].range.end].chars().count()
        };
        // "The initiative was proposed by…" says what it is about only with the sentence before.
        if best > 0 && unit.sentences[best].refers_back && chars(&(best - 1..best + 1)) <= MAX_SNIPPET_CHARS {
            window = best - 1..best + 1;
        }
        // Grow the window while a neighbour adds matched weight and the snippet stays short.
        // A neighbour that supplies what the question asks for and the window lacks (the date
        // of a "when" question, the number of a "how many") is worth more than any match.
        // A number that counts other things than a "how many" question does supplies nothing.
        let supplies = |i: usize, window: &Range<usize>| -> bool {
            let sentence = &unit.sentences[i];
            let mut supplied = asked.without(q.held_by(&unit.sentences[window.clone()])).shared(q.kinds_of(sentence));
            if !q.counted_heads.is_empty() && !counts_any(unit, sentence, &q.counted_heads) {
                supplied = supplied.without(Kinds::NUMBER);
            }
            supplied.count() > 0
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
    pub(super) fn highlight(&self, q: &Resolved, candidate: &mut Candidate) {
        let wanted = &q.wanted;
        let snippet = candidate.snippet.clone();
        candidate.highlights = self.units[candidate.unit]
            .words
            .iter()
            .map(|t| (t.start as usize..t.end as usize, t.stem))
            .filter(|(range, stem)| range.start >= snippet.start && range.end <= snippet.end && wanted.contains(stem))
            .map(|(range, _)| range.start - snippet.start..range.end - snippet.start)
            .collect();
    }
}

impl Resolved {
    /// The kinds of answer a sentence holds for this question: a date or a place the
    /// question names itself ("the 2026 meeting" for "when is the 2026 meeting") tells it
    /// nothing new.
    fn kinds_of(&self, sentence: &Sentence) -> Kinds {
        let only_asked = |stems: &[u32]| !stems.is_empty() && stems.iter().all(|stem| self.wanted.contains(stem));
        let mut kinds = sentence.kinds;
        if only_asked(&sentence.dates) {
            kinds = kinds.without(Kinds::DATE);
        }
        if only_asked(&sentence.places) {
            kinds = kinds.without(Kinds::PLACE);
        }
        kinds
    }

    /// The kinds of answer some sentence of `sentences` holds.
    fn held_by(&self, sentences: &[Sentence]) -> Kinds {
        sentences.iter().fold(Kinds::default(), |held, s| held.union(self.kinds_of(s)))
    }
}
