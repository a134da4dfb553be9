//! Ranking: how much of the question a candidate covers, which sentences answer it, and
//! which words to mark.

use std::collections::HashSet;
use std::ops::Range;

use super::kinds::Kinds;
use super::lexicon::SPECIFIER_FACTOR;
use super::units::{holds, Sentence, Token, Unit, UnitKind};
use super::{Candidate, Engine, QueryPlan, TermGroup};

/// Longest snippet, in characters, when several sentences are joined.
const MAX_SNIPPET_CHARS: usize = 480;
/// How much of the ranking score is coverage; the rest is BM25 relative to the best candidate.
const COVERAGE_SHARE: f32 = 0.6;
/// Extra weight of the coverage by the quotable text alone.
const QUOTE_SHARE: f32 = 0.15;
/// Share of the coverage that comes from the quoted sentences alone rather than the whole unit.
const QUOTE_BLEND: f32 = 0.5;
/// Credit for a concept found only in a fact's question or a meeting's entry, not in the quote.
const QUESTION_ONLY_CREDIT: f32 = 0.85;
/// Coverage kept by a unit about another organization than the one the question names: its
/// shared words ("4th meeting of ministers") describe the other organization's events.
const OTHER_ORGANIZATION_FACTOR: f32 = 0.45;
/// Bonus of a sentence where a number counts what a "how many" question asks about.
const COUNTED_BONUS: f32 = 0.08;
/// How many words after a number may stand between it and the counted noun ("361
/// first-year students").
const COUNTED_WITHIN: usize = 3;

impl Engine {
    /// Share of the question's weight that the unit covers through the text `has` reads (the
    /// whole unit, or only its quoted sentences), its best single curated phrasing, and its
    /// document's title; and the share that text (and title) covers alone.
    fn coverage(&self, plan: &QueryPlan, unit: &Unit, has: impl Fn(&str) -> bool) -> (f32, f32) {
        let context = &self.contexts[unit.document];
        // (covered, total) weight; a specifier the unit lacks weighs more in the total.
        let through = |phrasing: Option<&Vec<u32>>| -> (f32, f32) {
            plan.groups.iter().fold((0.0, 0.0), |(covered, total), group| {
                let in_text = group.credit(&has);
                // Only a curated question or entry says it; the quoted text may not.
                let in_question =
                    phrasing.map_or(0.0, |p| group.credit(|s| holds(p, &self.stems, s)) * QUESTION_ONLY_CREDIT);
                let in_context = group.credit(|s| holds(context, &self.stems, s)) * 0.5;
                let credit = in_text.max(in_question).max(in_context);
                let missing = if group.specifier { (SPECIFIER_FACTOR - 1.0) * (1.0 - credit) } else { 0.0 };
                (covered + group.weight * credit, total + group.weight * (1.0 + missing))
            })
        };
        let share = |(covered, total): (f32, f32)| if total > 0.0 { covered / total } else { 0.0 };
        let in_text = share(through(None));
        let covered = unit.phrasings.iter().map(|p| share(through(Some(p)))).fold(in_text, f32::max);
        (covered, in_text)
    }

    /// True when the question names organizations, the unit's source is about others, and
    /// neither its text nor its curated phrasings name any of the question's.
    fn about_other_organization(&self, plan: &QueryPlan, unit: &Unit) -> bool {
        let about = self.organizations.of_unit(unit);
        let named: Vec<(&TermGroup, &str)> = plan
            .groups
            .iter()
            .filter_map(|g| g.entity.as_deref().filter(|e| self.organizations.is_organization(e)).map(|e| (g, e)))
            .collect();
        !about.is_empty()
            && !named.is_empty()
            && named.iter().all(|(group, entity)| {
                let in_text = group.credit(|s| holds(&unit.text_stems, &self.stems, s)) > 0.0;
                let in_phrasing = unit.phrasings.iter().any(|p| group.credit(|s| holds(p, &self.stems, s)) > 0.0);
                !about.iter().any(|a| a == entity) && !in_text && !in_phrasing
            })
    }

    pub(super) fn rank(&self, plan: &QueryPlan, unit_id: usize, bm25: f32, best_bm25: f32) -> Candidate {
        let unit = &self.units[unit_id];
        let (mut coverage, text_coverage) = self.coverage(plan, unit, |s| holds(&unit.text_stems, &self.stems, s));
        let (snippet, snippet_bonus) = self.snippet(plan, unit);
        // A "how many" answer without a number, or a "when" answer without a date, misses
        // what was asked however many words it shares with the question.
        let quoted = &unit.sentences[snippet.clone()];
        // Words of the question spread over a long passage, but not in the sentences shown,
        // do not make the quote an answer.
        let (quote, _) = self.coverage(plan, unit, |s| quoted.iter().any(|q| holds(&q.stems, &self.stems, s)));
        let quote = quote.min(coverage);
        coverage = coverage * (1.0 - QUOTE_BLEND) + quote * QUOTE_BLEND;
        coverage *= Kinds::asked(plan.intent).without(held_by(quoted)).missing_factor();
        if self.about_other_organization(plan, unit) {
            coverage *= OTHER_ORGANIZATION_FACTOR;
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
    /// a number for "how many").
    fn snippet(&self, plan: &QueryPlan, unit: &Unit) -> (Range<usize>, f32) {
        let asked = Kinds::asked(plan.intent);
        let counted = self.counted_stems(plan);
        let sentence_score = |i: usize| -> (f32, f32) {
            let sentence = &unit.sentences[i];
            let matched: f32 =
                plan.groups.iter().map(|g| g.weight * g.credit(|s| holds(&sentence.stems, &self.stems, s))).sum();
            // A bonus for holding what is asked, and a discount for lacking it.
            let mut wanted = 0.08 * asked.shared(sentence.kinds).count() as f32;
            if counts(unit, sentence, &counted) {
                wanted += COUNTED_BONUS;
            }
            (matched * asked.without(sentence.kinds).sentence_factor(), wanted)
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
        let supplies = |i: usize, window: &Range<usize>| -> bool {
            asked.without(held_by(&unit.sentences[window.clone()])).shared(unit.sentences[i].kinds).count() > 0
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

    /// The stem of what a "how many" question counts; empty when it counts nothing.
    fn counted_stems(&self, plan: &QueryPlan) -> HashSet<u32> {
        plan.counted
            .and_then(|n| plan.groups.get(n))
            // The head of the question's own words: "first-year students" counts students,
            // not years; synonyms ("first year", "study") would count other things.
            .and_then(|g| g.direct.last().or_else(|| g.alternatives.first().and_then(|a| a.last())))
            .and_then(|s| self.stems.get(s))
            .into_iter()
            .collect()
    }

    /// Marks, within the candidate's snippet, the words that match the question.
    pub(super) fn highlight(&self, plan: &QueryPlan, candidate: &mut Candidate) {
        let wanted: HashSet<u32> =
            plan.groups.iter().flat_map(|g| g.all_alternatives().flatten()).filter_map(|s| self.stems.get(s)).collect();
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

/// True when a number in the sentence is followed closely by what the question counts
/// ("361 first-year *students*" for "how many students"), not only by other words ("the
/// first 2 *years*").
fn counts(unit: &Unit, sentence: &Sentence, counted: &HashSet<u32>) -> bool {
    if counted.is_empty() {
        return false;
    }
    let within = |t: &&Token| t.start as usize >= sentence.range.start && t.end as usize <= sentence.range.end;
    let tokens: Vec<&Token> = unit.words.iter().filter(within).collect();
    tokens.iter().enumerate().any(|(n, t)| {
        unit.text[t.start as usize..t.end as usize].chars().all(|c| c.is_ascii_digit())
            && tokens[n + 1..].iter().take(COUNTED_WITHIN).any(|next| counted.contains(&next.stem))
    })
}

/// The kinds of answer some sentence of `sentences` holds.
fn held_by(sentences: &[Sentence]) -> Kinds {
    sentences.iter().fold(Kinds::default(), |held, s| held.union(s.kinds))
}
