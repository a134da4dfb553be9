//! Courtesy that is not a question: a bare greeting gets the welcome and a thank-you a
//! reply, instead of a search.

/// A message that is courtesy, not a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum SmallTalk {
    Greeting,
    Thanks,
}

/// Recognises a bare greeting or thank-you, so "thanks!" is not searched for (it would find
/// the one quote about gratitude).
pub(super) fn small_talk(text: &str) -> Option<SmallTalk> {
    const GREETINGS: &[&str] = &[
        "hi",
        "hello",
        "hey",
        "good morning",
        "good afternoon",
        "good evening",
        "привет",
        "здравствуйте",
        "добрый день",
        "доброе утро",
        "добрый вечер",
        "salam",
        "салам",
        "assalomu alaykum",
    ];
    const THANKS: &[&str] = &[
        "thanks",
        "thank you",
        "thx",
        "thank you very much",
        "many thanks",
        "спасибо",
        "спасибо большое",
        "благодарю",
        "рахмат",
        "rahmat",
    ];
    let words: Vec<String> = crate::search::words(text).into_iter().map(|w| w.lower).collect();
    let phrase = words.join(" ");
    if THANKS.contains(&phrase.as_str()) {
        Some(SmallTalk::Thanks)
    } else if GREETINGS.contains(&phrase.as_str()) {
        Some(SmallTalk::Greeting)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_greetings_and_thanks_are_small_talk_but_questions_are_not() {
        assert_eq!(small_talk("Thanks!"), Some(SmallTalk::Thanks));
        assert_eq!(small_talk("Спасибо большое"), Some(SmallTalk::Thanks));
        assert_eq!(small_talk("hello"), Some(SmallTalk::Greeting));
        assert_eq!(small_talk("Hello, when did the SCO meet in Almaty?"), None);
        assert_eq!(small_talk("thanks to whom did Tokayev express gratitude?"), None);
    }
}
