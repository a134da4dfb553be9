//! What a unit quotes and how a meeting is searched: a sentence that points back takes its
//! antecedent along, and a meeting quotes the sentence of its source document its calendar
//! entry comes from. Every quote stays verbatim text of the document.

use std::collections::HashSet;
use std::hash::Hash;

use crate::knowledge::{Knowledge, Meeting, Paragraph};
use crate::search::text::{is_stop_word, sentences, words, Analyzer};

/// Whether a sentence opens by pointing back at the one before it ("The initiative was
/// proposed by…", "This agreement…"): its subject is only named in that sentence.
pub(super) fn refers_back(sentence: &str) -> bool {
    const POINTERS: &[&str] = &["this", "these", "that", "those", "such", "it", "they"];
    const RECALLED: &[&str] =
        &["initiative", "proposal", "idea", "agreement", "decision", "project", "plan", "document", "memorandum"];
    let mut opening =
        sentence.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase());
    match (opening.next(), opening.next()) {
        (Some(first), _) if POINTERS.contains(&first.as_str()) => true,
        (Some(first), Some(second)) => first == "the" && RECALLED.contains(&second.as_str()),
        _ => false,
    }
}

/// A fact's quote, preceded by the sentence of its paragraph it refers back to, so that the
/// quote names what it is about. Both stay verbatim text of the document.
pub(super) fn with_antecedent(paragraphs: &[Paragraph], answer: &str) -> String {
    if !refers_back(answer) {
        return answer.to_string();
    }
    for paragraph in paragraphs {
        let Some(at) = paragraph.text.find(answer) else { continue };
        if let Some(previous) = sentences(&paragraph.text).into_iter().rfind(|s| s.end <= at) {
            return paragraph.text[previous.start..at + answer.len()].to_string();
        }
    }
    answer.to_string()
}

/// A calendar entry as searchable text: it is matched, though only its source sentence is
/// quoted.
pub(super) fn calendar_entry(meeting: &Meeting) -> String {
    let date = meeting.date.map(|d| d.to_string()).unwrap_or_default();
    let place = meeting.place.as_deref().unwrap_or_default();
    format!("{} {} {} {date} {place} {}", meeting.title, meeting.organization, meeting.kind, meeting.summary)
}

/// The sentence of a meeting's source document that its calendar entry comes from: the one
/// sharing most words with its summary and title. A meeting hit quotes this, verbatim; the
/// calendar line itself is the bot's own wording, never presented as a quote.
pub fn source_sentence(knowledge: &Knowledge, analyzer: &Analyzer, meeting: &Meeting) -> String {
    best_source_sentence(knowledge, meeting, |lower| analyzer.stem(lower))
}

/// [`source_sentence`] with `stem` giving each lowercase word's stem, or any value standing
/// one to one for it (an interned id).
pub(super) fn best_source_sentence<T: Eq + Hash>(
    knowledge: &Knowledge,
    meeting: &Meeting,
    mut stem: impl FnMut(&str) -> T,
) -> String {
    let wanted: HashSet<T> = words(&format!("{} {}", meeting.summary, meeting.title))
        .into_iter()
        .filter(|w| !is_stop_word(&w.lower))
        .map(|w| stem(&w.lower))
        .collect();
    let document = &knowledge.documents[meeting.document];
    let mut best: Option<(usize, &str)> = None;
    for paragraph in &document.paragraphs {
        for range in sentences(&paragraph.text) {
            let sentence = &paragraph.text[range];
            let shared =
                words(sentence).iter().map(|w| stem(&w.lower)).collect::<HashSet<_>>().intersection(&wanted).count();
            if best.is_none_or(|(n, _)| shared > n) {
                best = Some((shared, sentence));
            }
        }
    }
    best.map_or_else(|| document.title.clone(), |(_, s)| s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_pointing_back_is_recognised() {
        assert!(refers_back("The initiative was proposed by the minister."));
        assert!(refers_back("This agreement was signed in 2020."));
        assert!(!refers_back("The minister proposed an initiative."));
        assert!(!refers_back("Kyrgyzstan has expressed interest."));
    }

    #[test]
    fn a_fact_that_points_back_quotes_its_antecedent_verbatim() {
        let document = [Paragraph {
            text: "Kyrgyzstan offered to host a meeting. The initiative was proposed by Zhamangulov.".into(),
            line: 1,
        }];
        assert_eq!(
            with_antecedent(&document, "The initiative was proposed by Zhamangulov."),
            "Kyrgyzstan offered to host a meeting. The initiative was proposed by Zhamangulov."
        );
        assert_eq!(
            with_antecedent(&document, "Kyrgyzstan offered to host a meeting."),
            "Kyrgyzstan offered to host a meeting."
        );
    }
}
