//! Follow-up questions and the words offered around an answer: an elliptical question ("and
//! who proposed it?", "а где?") is answered with the previous question's topic carried over;
//! suggestions are cut at a word; a decline names what is known instead.
//!
//! Pure, like the rest of `answer`: the conversation decides when a message is a follow-up
//! (a reply to the bot, or a short message soon after the last question in a private chat)
//! and keeps the [`Context`] between messages.

use chrono::NaiveDate;

use super::{answer, Answer};
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

/// True when the question leans on an earlier one: short, and opening with "and …" / "а …",
/// pointing back ("it", "there", "его"), or naming no topic the knowledge knows.
pub fn is_elliptical(engine: &Engine, question: &str) -> bool {
    let lowers: Vec<String> = words(question).into_iter().map(|w| w.lower).collect();
    if lowers.is_empty() || lowers.len() > MAX_FOLLOW_UP_WORDS {
        return false;
    }
    let joined = lowers.join(" ");
    let opens = OPENERS.iter().any(|o| joined == *o || joined.starts_with(&format!("{o} ")));
    let points = lowers.iter().any(|w| POINTERS.contains(&w.as_str()));
    let no_topic = engine.search(question).plan.groups.iter().all(|g| !g.is_known());
    opens || points || no_topic
}

/// Answers `question`, carrying over the previous question's topic when the question is an
/// elliptical follow-up to it. The returned answer's `question` is the user's own text.
/// Without a previous question an elliptical one is answered as it stands (the conversation
/// may ask what is meant when that answer is declined).
pub fn answer_in_context(engine: &Engine, question: &str, previous: Option<&Context>, today: NaiveDate) -> Answer {
    let Some(previous) = previous.filter(|p| !p.topic.is_empty() && is_elliptical(engine, question)) else {
        return answer(engine, question, today);
    };
    let expanded = format!("{question} {}", previous.topic.join(" "));
    let mut answered = answer(engine, &expanded, today);
    answered.question = question.to_string();
    answered
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
pub fn known_instead(engine: &Engine) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for organization in engine.knowledge().documents.iter().flat_map(|d| &d.organizations) {
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
