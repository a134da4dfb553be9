//! Follow-up questions and the words offered around an answer: an elliptical question ("and
//! who proposed it?", "а где?") is answered with the previous question's topic carried over;
//! suggestions are cut at a word; a decline names what is known instead.
//!
//! Pure, like the rest of `answer`: the conversation decides when a message is a follow-up
//! (a reply to the bot, or a short message soon after the last question in a private chat)
//! and keeps the [`Context`] between messages.

use chrono::NaiveDate;

use super::{answer, Answer, Confidence};
use crate::knowledge::Knowledge;
use crate::search::{words, Engine};

/// What is remembered of a question to answer a follow-up to it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Context {
    /// The question as asked.
    pub question: String,
    /// Its content words that the knowledge knows (names, topics), in order.
    pub topic: Vec<String>,
}

/// Words that open an elliptical follow-up in English or Russian.
const OPENERS: &[&str] = &["and", "also", "what about", "how about", "а", "и", "а что", "ещё", "еще"];
/// Words that point back to the previous question's subject.
const POINTERS: &[&str] = &[
    "it",
    "that",
    "this",
    "there",
    "he",
    "she",
    "they",
    "them",
    "his",
    "her",
    "its",
    "their",
    "его",
    "её",
    "ее",
    "это",
    "этот",
    "эта",
    "там",
    "тогда",
    "он",
    "она",
    "они",
    "их",
    "этом",
];
/// Longest message, in words, still read as an elliptical follow-up.
const MAX_FOLLOW_UP_WORDS: usize = 7;

/// The context a question leaves for the next one.
pub fn context_of(engine: &Engine, question: &str) -> Context {
    let plan = engine.search(question).plan;
    let topic = plan.groups.iter().filter(|g| g.is_known()).map(|g| g.label.clone()).collect();
    Context { question: question.to_string(), topic }
}

/// True when the words themselves lean on an earlier question: short, and opening with
/// "and …" / "а …" or pointing back ("it", "there", "его").
pub fn leans_on_previous(question: &str) -> bool {
    let lowers: Vec<String> = words(question).into_iter().map(|w| w.lower).collect();
    if lowers.is_empty() || lowers.len() > MAX_FOLLOW_UP_WORDS {
        return false;
    }
    let joined = lowers.join(" ");
    let opens = OPENERS.iter().any(|o| joined == *o || joined.starts_with(&format!("{o} ")));
    opens || lowers.iter().any(|w| POINTERS.contains(&w.as_str()))
}

/// True when the question leans on an earlier one: [`leans_on_previous`], or short and made
/// of question words alone ("where?", "когда?"). A word the knowledge does not know is a new
/// topic, not a follow-up, so "what is frobnication" stays on its own and is declined.
pub fn is_elliptical(engine: &Engine, question: &str) -> bool {
    let short = (1..=MAX_FOLLOW_UP_WORDS).contains(&words(question).len());
    leans_on_previous(question) || (short && engine.search(question).plan.groups.is_empty())
}

/// An answer to a question that may follow up an earlier one.
#[derive(Debug, Clone)]
pub struct InContext {
    /// The answer; its `question` is the user's own text.
    pub answer: Answer,
    /// The question as it was answered, with the previous topic carried over; what a later
    /// follow-up (or a "More results" button) builds on.
    pub effective: String,
}

/// Answers `question`, carrying over the previous question's topic when the question is an
/// elliptical follow-up to it and the topic makes the answer more certain (or, when its words
/// point back, gives any answer). A question answered with certainty on its own, without words that
/// point back, stays on its own, so a full new question is never coloured by the one before.
pub fn answer_in_context(engine: &Engine, question: &str, previous: Option<&str>, today: NaiveDate) -> InContext {
    let own = answer(engine, question, today);
    let alone = |answer: Answer| InContext { answer, effective: question.to_string() };
    let Some(previous) = previous else {
        return alone(own);
    };
    // Words that point back ("and who spoke there?") ask about the earlier topic even when
    // one of them alone matches something else with certainty.
    let points_back = leans_on_previous(question);
    if (own.confidence == Confidence::Sure && !points_back) || !is_elliptical(engine, question) {
        return alone(own);
    }
    let previous = context_of(engine, previous);
    if previous.topic.is_empty() {
        return alone(own);
    }
    let effective = format!("{question} {}", previous.topic.join(" "));
    let mut carried = answer(engine, &effective, today);
    let (carried_certainty, own_certainty) = (certainty(carried.confidence), certainty(own.confidence));
    let keep_own = if points_back { carried_certainty == 0 } else { carried_certainty <= own_certainty };
    if keep_own {
        return alone(own);
    }
    carried.question = question.to_string();
    InContext { answer: carried, effective }
}

fn certainty(confidence: Confidence) -> u8 {
    match confidence {
        Confidence::Declined => 0,
        Confidence::Unsure => 1,
        Confidence::Sure => 2,
    }
}

/// A suggestion or button label of at most `max_chars` characters, cut at a word boundary
/// with an ellipsis, never inside a word.
pub fn cut_at_word(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_string();
    }
    let budget: String = text.chars().take(max_chars.saturating_sub(1)).collect();
    let cut = budget.rfind(char::is_whitespace).map_or(budget.as_str(), |i| &budget[..i]);
    format!("{}…", cut.trim_end_matches(|c: char| c.is_whitespace() || ",;:—-".contains(c)))
}

/// The organizations the knowledge covers, for a short decline ("I know about OTS, SCO, CIS").
pub fn known_instead(knowledge: &Knowledge) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for organization in knowledge.documents.iter().flat_map(|d| &d.organizations) {
        if !out.contains(organization) {
            out.push(organization.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_cut_at_a_word() {
        assert_eq!(cut_at_word("When did the SCO digital forum take place?", 20), "When did the SCO…");
        assert_eq!(cut_at_word("short", 20), "short");
        assert!(cut_at_word("Когда прошла встреча министров ИКТ?", 15).ends_with('…'));
    }
}
