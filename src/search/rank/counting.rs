//! "How many" questions: what the question counts, and whether a sentence's number counts it.

use std::ops::Range;

use crate::search::kinds::NUMBER_WORDS;
use crate::search::units::{within, Sentence, StemTable, Token, Unit};
use crate::search::QueryPlan;

/// How many words after a number may stand between it and the counted noun ("361
/// first-year students").
const COUNTED_WITHIN: usize = 3;

/// The stem of what a "how many" question counts; `None` when it counts nothing.
pub(super) fn counted_stem(stems: &StemTable, plan: &QueryPlan) -> Option<u32> {
    plan.counted
        .and_then(|n| plan.groups.get(n))
        // The head of the question's own words: "first-year students" counts students,
        // not years; synonyms ("first year", "study") would count other things.
        .and_then(|g| g.direct.last().or_else(|| g.alternatives.first().and_then(|a| a.last())))
        .and_then(|s| stems.get(s))
}

/// The head stem of each spelling of what a "how many" question counts ("countries",
/// "states", "nations").
pub(super) fn counted_heads(stems: &StemTable, plan: &QueryPlan) -> Vec<u32> {
    let Some(group) = plan.counted.and_then(|n| plan.groups.get(n)) else {
        return Vec::new();
    };
    group
        .direct
        .last()
        .into_iter()
        .chain(group.all_alternatives().filter_map(|a| a.last()))
        .filter_map(|s| stems.get(s))
        .collect()
}

/// True when a number in the sentence, in digits or words, is followed closely by what the
/// question counts ("361 first-year *students*" for "how many students", "three *meetings*"),
/// not only by other words ("the first 2 *years*").
pub(super) fn counts(unit: &Unit, sentence: &Sentence, counted: u32) -> bool {
    let tokens = tokens_within(&unit.words, &sentence.range);
    tokens.iter().enumerate().any(|(n, t)| {
        let word = &unit.text[t.start as usize..t.end as usize];
        (word.chars().all(|c| c.is_ascii_digit())
            || NUMBER_WORDS.iter().any(|number| number.eq_ignore_ascii_case(word)))
            && tokens[n + 1..].iter().take(COUNTED_WITHIN).any(|next| next.stem == counted)
    })
}

/// True when a number in the sentence counts one of `heads` (see [`counts`]).
pub(super) fn counts_any(unit: &Unit, sentence: &Sentence, heads: &[u32]) -> bool {
    heads.iter().any(|&head| counts(unit, sentence, head))
}

/// The tokens lying wholly within `range`.
fn tokens_within<'t>(tokens: &'t [Token], range: &Range<usize>) -> &'t [Token] {
    &tokens[within(tokens, range, |t| t.start as usize..t.end as usize)]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn token(start: u32, end: u32) -> Token {
        Token { start, end, stem: start }
    }

    #[test]
    fn the_tokens_within_a_sentence_are_those_wholly_inside_it() {
        // "ab cd. ef gh" with tokens at 0..2, 3..5, 7..9, 10..12.
        let tokens = [token(0, 2), token(3, 5), token(7, 9), token(10, 12)];
        let starts = |range: Range<usize>| tokens_within(&tokens, &range).iter().map(|t| t.start).collect::<Vec<_>>();
        assert_eq!(starts(0..6), [0, 3]);
        assert_eq!(starts(7..12), [7, 10]);
        assert_eq!(starts(4..9), [7]);
        assert!(starts(5..7).is_empty());
        assert!(starts(1..4).is_empty());
    }
}
