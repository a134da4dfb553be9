//! What the bot shows, as blocks: the reply to a question (quotes with citations, caveats,
//! suggestions and buttons), meeting lists, sources, help and about.

use super::actions::Action;
use super::commands::Command;
use super::model::{Block, Button, Message, Reply, Span};
use super::{Conversation, Counts, Sender};
use crate::answer::{cut_at_word, known_instead, meeting_line, Answer, Citation, Confidence, Hit};
use crate::i18n::{fill, Lang, Texts};
use crate::knowledge::Knowledge;
use crate::meetings;

/// Hits shown in the first reply to a question.
pub const FIRST_PAGE: usize = 2;
/// Meetings listed per section of `/meetings`.
const UPCOMING_LISTED: usize = 10;
const RECENT_LISTED: usize = 5;
/// Longest "Did you mean" button label, in characters.
const MAX_BUTTON_CHARS: usize = 60;

/// The first reply to a question.
pub(super) fn answer_message(answer: &Answer, knowledge: &Knowledge, id: u64, lang: Lang) -> Message {
    let t = lang.texts();
    let mut blocks = Vec::new();
    let shown = match answer.confidence {
        Confidence::Declined => {
            blocks.push(para(t.declined));
            if answer.hits.is_empty() {
                blocks.push(Block::Para(vec![Span::Text(known_topics(knowledge, t))]));
            }
            // What is known instead (the most recent meeting when none is ahead).
            answer.hits.len()
        }
        Confidence::Unsure => {
            blocks.push(para(t.unsure));
            1
        }
        Confidence::Sure => FIRST_PAGE,
    };
    for hit in answer.hits.iter().take(shown) {
        blocks.extend(hit_blocks(hit, knowledge, lang));
    }
    let mut buttons = Vec::new();
    if answer.confidence != Confidence::Sure && !answer.suggestions.is_empty() {
        blocks.push(para(t.did_you_mean));
        for (index, suggestion) in answer.suggestions.iter().take(3).enumerate() {
            buttons.push(vec![Button {
                label: shorten(suggestion, MAX_BUTTON_CHARS),
                action: Action::Suggestion { question: id, index },
            }]);
        }
    }
    if answer.confidence == Confidence::Declined {
        blocks.push(para(t.declined_next_step));
    } else {
        let mut row = Vec::new();
        if answer.hits.len() > shown {
            row.push(Button {
                label: t.more_results.into(),
                action: Action::More { question: id, from: shown.min(answer.hits.len()) },
            });
        }
        row.push(Button { label: t.sources_button.into(), action: Action::Sources { question: id } });
        buttons.push(row);
        buttons.push(feedback_row(id, t));
    }
    // Id 0 is the answer whose question could not be remembered.
    Message { blocks, buttons, answers: (id != 0).then_some(id) }
}

/// 👍 and 👎 under an answer (a decline has none: there is nothing to rate).
fn feedback_row(id: u64, t: &Texts) -> Vec<Button> {
    vec![
        Button { label: t.helpful_button.into(), action: Action::Feedback { question: id, helpful: true } },
        Button { label: t.not_helpful_button.into(), action: Action::Feedback { question: id, helpful: false } },
    ]
}

/// What the bot knows about, for a short decline: the organizations its documents cover.
pub(super) fn known_topics(knowledge: &Knowledge, t: &Texts) -> String {
    fill(t.known_topics, &[("orgs", &known_instead(knowledge).join(", "))])
}

/// A quote with its highlights, then its source line. A meeting hit's calendar line comes
/// first, outside the quote; a calendar listing is the bot's own lines, never quoted. Both are
/// written in `lang` (the hit's own `line` and `snippet` stay English for `ask --json`).
pub(super) fn hit_blocks(hit: &Hit, knowledge: &Knowledge, lang: Lang) -> Vec<Block> {
    let t = lang.texts();
    let line_of = |i: usize| knowledge.meetings.get(i).map(|m| meeting_line(m, lang));
    if let Some(listing) = hit.listing {
        let header = listing.header(t);
        let lines: Vec<String> = hit.meetings.iter().filter_map(|&i| line_of(i)).map(|l| format!("• {l}")).collect();
        return vec![
            Block::Para(vec![Span::Bold(header.into())]),
            Block::Para(vec![Span::Text(lines.join("\n"))]),
            Block::Para(vec![Span::Text(format!("— {}", t.calendar_title))]),
        ];
    }
    let mut cite = vec![Span::Text("— ".into())];
    cite.extend(citation_spans(&hit.citation, knowledge, lang));
    let line = hit.meetings.first().and_then(|&i| line_of(i)).or_else(|| hit.line.clone());
    let mut blocks: Vec<Block> = line.into_iter().map(|line| Block::Para(vec![Span::Bold(line)])).collect();
    blocks.push(Block::Quote(highlighted(&hit.snippet, &hit.highlights)));
    blocks.push(Block::Para(cite));
    blocks
}

/// The snippet as spans, highlighted ranges in bold. Ranges that overlap, run backwards or
/// fall inside a character are ignored rather than trusted.
pub(super) fn highlighted(snippet: &str, highlights: &[std::ops::Range<usize>]) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut at = 0;
    for range in highlights {
        let valid = range.start >= at
            && range.start < range.end
            && range.end <= snippet.len()
            && snippet.is_char_boundary(range.start)
            && snippet.is_char_boundary(range.end);
        if !valid {
            continue;
        }
        if range.start > at {
            spans.push(Span::Text(snippet[at..range.start].to_string()));
        }
        spans.push(Span::Bold(snippet[range.clone()].to_string()));
        at = range.end;
    }
    if at < snippet.len() {
        spans.push(Span::Text(snippet[at..].to_string()));
    }
    spans
}

/// `Title (ORG, ORG), date`, the title linked when the document has a URL.
pub(super) fn citation_spans(citation: &Citation, knowledge: &Knowledge, lang: Lang) -> Vec<Span> {
    let mut spans = vec![match &citation.url {
        Some(url) => Span::Link { text: citation.title.clone(), url: url.clone() },
        None => Span::Text(citation.title.clone()),
    }];
    let mut tail = String::new();
    if !citation.organizations.is_empty() {
        tail.push_str(&format!(" ({})", citation.organizations.join(", ")));
    }
    // The citation's date is worded in English; the document's own date is written in the
    // reader's language.
    let document = knowledge.documents.iter().find(|d| d.path == citation.source);
    let date = match document.and_then(|d| d.date.map(|date| (date, d.date_label.as_deref()))) {
        Some((date, label)) => Some(lang.dated(date, label)),
        None => citation.date.clone(),
    };
    if let Some(date) = date {
        tail.push_str(&format!(", {date}"));
    }
    if !tail.is_empty() {
        spans.push(Span::Text(tail));
    }
    spans
}

pub(super) fn sources_view(knowledge: &Knowledge, lang: Lang) -> Vec<Block> {
    let mut blocks = vec![para(lang.texts().sources_header)];
    for document in &knowledge.documents {
        let mut spans = vec![Span::Text("• ".into())];
        spans.extend(citation_spans(&Citation::of(document), knowledge, lang));
        blocks.push(Block::Para(spans));
    }
    blocks
}

pub(super) fn about_view(knowledge: &Knowledge, t: &Texts) -> Vec<Block> {
    let counts = Counts::of(knowledge).values();
    let mut values: Vec<(&str, &str)> = counts.iter().map(|(k, v)| (*k, v.as_str())).collect();
    values.push(("version", env!("CARGO_PKG_VERSION")));
    vec![Block::Para(vec![Span::Text(fill(t.about, &values))])]
}

pub(super) fn meeting_list(knowledge: &Knowledge, indices: &[usize], limit: usize, lang: Lang) -> Block {
    let lines: Vec<String> =
        indices.iter().take(limit).map(|&i| format!("• {}", meeting_line(&knowledge.meetings[i], lang))).collect();
    Block::Para(vec![Span::Text(lines.join("\n"))])
}

pub(super) fn para(text: &str) -> Block {
    Block::Para(vec![Span::Text(text.to_string())])
}

pub(super) fn message(blocks: Vec<Block>) -> Vec<Reply> {
    vec![Reply::Message(Message { blocks, buttons: Vec::new(), answers: None })]
}

/// At most `max` characters of `text` on one line, cut at a word with an ellipsis.
pub fn shorten(text: &str, max: usize) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    cut_at_word(&flat, max)
}

impl Conversation {
    pub(super) fn help_view(&self, sender: Sender, lang: Lang) -> Vec<Block> {
        let t = lang.texts();
        let list = |commands: &[Command]| {
            Block::Para(vec![Span::Text(
                commands
                    .iter()
                    .map(|c| format!("/{} — {}", c.name(), c.description(lang)))
                    .collect::<Vec<_>>()
                    .join("\n"),
            )])
        };
        let mut blocks = vec![para(t.help_intro), list(&Command::MENU)];
        if self.is_admin(sender) {
            blocks.push(para(t.help_admin));
            blocks.push(list(&Command::ADMIN));
        }
        blocks.push(para(t.help_groups));
        blocks
    }

    /// `/meetings`: upcoming (with plans that have no date yet), then held ones, then plans
    /// whose date passed unconfirmed; an "Add to calendar" button for each listed meeting
    /// with an exact date.
    pub(super) fn meetings_message(&self, knowledge: &Knowledge, lang: Lang) -> Message {
        let t = lang.texts();
        let today = self.today();
        let mut ahead = meetings::upcoming(&knowledge.meetings, today);
        ahead.extend(meetings::undated_plans(&knowledge.meetings));
        let mut blocks = vec![Block::Para(vec![Span::Bold(t.upcoming_header.into())])];
        let mut listed: Vec<usize> = ahead.iter().copied().take(UPCOMING_LISTED).collect();
        if ahead.is_empty() {
            blocks.push(para(t.no_upcoming));
        } else {
            blocks.push(meeting_list(knowledge, &ahead, UPCOMING_LISTED, lang));
        }
        let recent = meetings::recent(&knowledge.meetings, today);
        if !recent.is_empty() {
            blocks.push(Block::Para(vec![Span::Bold(t.recent_header.into())]));
            blocks.push(meeting_list(knowledge, &recent, RECENT_LISTED, lang));
            listed.extend(recent.iter().take(RECENT_LISTED));
        }
        let unconfirmed = meetings::unconfirmed(&knowledge.meetings, today);
        if !unconfirmed.is_empty() {
            blocks.push(Block::Para(vec![Span::Bold(lang.reminder_texts().unconfirmed_header.into())]));
            blocks.push(meeting_list(knowledge, &unconfirmed, RECENT_LISTED, lang));
            listed.extend(unconfirmed.iter().take(RECENT_LISTED));
        }
        let buttons = listed
            .into_iter()
            .filter_map(|i| super::subscriptions::calendar_button(&knowledge.meetings[i], lang, true))
            .map(|button| vec![button])
            .collect();
        Message { blocks, buttons, answers: None }
    }

    pub(super) fn next_view(&self, knowledge: &Knowledge, lang: Lang) -> Vec<Block> {
        let t = lang.texts();
        let mut blocks = vec![Block::Para(vec![Span::Bold(t.next_header.into())])];
        match meetings::next(&knowledge.meetings, self.today()) {
            Some(i) => {
                let meeting = &knowledge.meetings[i];
                blocks.push(Block::Para(vec![Span::Text(meeting_line(meeting, lang))]));
                // The maintainers' summary is not the source's words; the source sentence is.
                if let Some(sentence) = super::reminder_view::source_sentence(knowledge, meeting) {
                    blocks.push(Block::Quote(vec![Span::Text(sentence)]));
                }
                let mut cite = vec![Span::Text("— ".into())];
                cite.extend(citation_spans(&Citation::of(&knowledge.documents[meeting.document]), knowledge, lang));
                blocks.push(Block::Para(cite));
            }
            None => {
                blocks.push(para(t.none_dated));
                let plans = meetings::undated_plans(&knowledge.meetings);
                if !plans.is_empty() {
                    blocks.push(Block::Para(vec![Span::Bold(t.undated_header.into())]));
                    blocks.push(meeting_list(knowledge, &plans, 10, lang));
                }
            }
        }
        blocks
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlights_become_bold_and_bad_ranges_are_ignored() {
        let spans = highlighted("SCO met in Almaty", &[0..3, 2..5, 11..17, 40..50]);
        assert_eq!(spans, [Span::Bold("SCO".into()), Span::Text(" met in ".into()), Span::Bold("Almaty".into()),]);
        assert_eq!(highlighted("Алматы", &[1..3, 7..9]), [Span::Text("Алматы".into())]);
    }
}
