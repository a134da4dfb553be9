//! Buttons: the [`Action`] behind each (encoded as callback data of at most 64 bytes and
//! checked strictly on return) and what a press does. The questions they refer to are
//! remembered in the store (`store::buttons`), tied to their chat, under ids never reused.

use serde::{Deserialize, Serialize};

use super::model::{Block, Button, Message, Reply, Span};
use super::views::{citation_spans, hit_blocks, message, para};
use super::{Conversation, Incoming};
use crate::answer::{answer, Citation, Hit};
use crate::i18n::Lang;
use crate::store::buttons::Remembered;

/// Telegram's limit for callback data, in bytes.
pub const MAX_CALLBACK_BYTES: usize = 64;
/// Hits shown per "More results" press.
pub const MORE_PAGE: usize = 3;

/// What a button does when pressed; travels as callback data of at most 64 bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Action {
    /// Show the hits of a remembered question from index `from` on.
    More { question: u64, from: usize },
    /// List the sources of a remembered question's hits.
    Sources { question: u64 },
    /// Ask the `index`-th suggestion of a remembered question.
    Suggestion { question: u64, index: usize },
    /// 👍 (`helpful`) or 👎 on the answer to a remembered question.
    Feedback { question: u64, helpful: bool },
    /// Subscribe this chat to the organization with this key ([`super::subscriptions::key`]),
    /// or to all when 0.
    Subscribe { organization: u64 },
    /// Use the `preset`-th choice of lead times ([`super::subscriptions::LEAD_PRESETS`]).
    Leads { preset: usize },
    /// Send the calendar file of the meeting with this key ([`super::subscriptions::key`]).
    Calendar { meeting: u64 },
}

impl Action {
    /// The callback data for this action.
    pub fn encode(&self) -> String {
        match self {
            Action::More { question, from } => format!("m:{question}:{from}"),
            Action::Sources { question } => format!("s:{question}"),
            Action::Suggestion { question, index } => format!("d:{question}:{index}"),
            Action::Feedback { question, helpful } => format!("f:{question}:{}", if *helpful { "y" } else { "n" }),
            Action::Subscribe { organization } => format!("sub:{organization:x}"),
            Action::Leads { preset } => format!("lead:{preset}"),
            Action::Calendar { meeting } => format!("ics:{meeting:x}"),
        }
    }

    /// Parses callback data strictly; anything this bot did not produce is `None`.
    pub fn decode(data: &str) -> Option<Action> {
        if data.len() > MAX_CALLBACK_BYTES {
            return None;
        }
        let number = |s: &str| -> Option<u64> {
            if s.is_empty() || s.len() > 19 || !s.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            s.parse().ok()
        };
        let hex = |s: &str| -> Option<u64> {
            if s.is_empty() || s.len() > 16 || !s.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)) {
                return None;
            }
            u64::from_str_radix(s, 16).ok()
        };
        let parts: Vec<&str> = data.split(':').collect();
        match parts.as_slice() {
            ["m", q, from] => {
                let from = number(from)? as usize;
                (from <= crate::answer::MAX_HITS).then_some(Action::More { question: number(q)?, from })
            }
            ["s", q] => Some(Action::Sources { question: number(q)? }),
            ["f", q, "y"] => Some(Action::Feedback { question: number(q)?, helpful: true }),
            ["f", q, "n"] => Some(Action::Feedback { question: number(q)?, helpful: false }),
            ["sub", key] => Some(Action::Subscribe { organization: hex(key)? }),
            ["lead", preset] => {
                let preset = number(preset)? as usize;
                (preset < super::subscriptions::LEAD_PRESETS.len()).then_some(Action::Leads { preset })
            }
            ["ics", key] => Some(Action::Calendar { meeting: hex(key)? }),
            ["d", q, index] => {
                let index = number(index)? as usize;
                (index < 3).then_some(Action::Suggestion { question: number(q)?, index })
            }
            _ => None,
        }
    }
}

impl Conversation {
    pub(super) fn callback(&self, incoming: &Incoming, lang: Lang, data: &str) -> Vec<Reply> {
        let t = lang.texts();
        let stale = || vec![Reply::Notice(t.stale_button.into())];
        let Some(action) = Action::decode(data) else {
            tracing::debug!(data, "unrecognised callback data");
            return stale();
        };
        let id = match action {
            Action::More { question, .. }
            | Action::Sources { question }
            | Action::Suggestion { question, .. }
            | Action::Feedback { question, .. } => question,
            Action::Subscribe { .. } | Action::Leads { .. } | Action::Calendar { .. } => {
                return self.subscription_callback(incoming, lang, action);
            }
        };
        let remembered = self.store.remembered_question(id, incoming.chat_id).unwrap_or_else(|err| {
            tracing::warn!(chat_id = incoming.chat_id, "cannot read the question behind a button: {err}");
            None
        });
        let Some(Remembered { question, suggestions }) = remembered else {
            return stale();
        };
        match action {
            Action::Feedback { helpful, .. } => crate::admin::feedback(self, incoming, lang, id, &question, helpful),
            Action::Suggestion { index, .. } => match suggestions.get(index) {
                Some(suggestion) => self.question(incoming.chat_id, lang, suggestion, None),
                None => stale(),
            },
            Action::More { from, .. } => {
                let engine = self.engine();
                let answer = answer(&engine, &question, self.today());
                let page: Vec<&Hit> = answer.hits.iter().skip(from).take(MORE_PAGE).collect();
                if page.is_empty() {
                    return vec![Reply::Notice(t.no_more_results.into())];
                }
                let mut blocks = Vec::new();
                for hit in &page {
                    blocks.extend(hit_blocks(hit, engine.knowledge(), lang));
                }
                let next = from + page.len();
                let mut row = Vec::new();
                if next < answer.hits.len() {
                    row.push(Button {
                        label: t.more_results.into(),
                        action: Action::More { question: id, from: next },
                    });
                }
                row.push(Button { label: t.sources_button.into(), action: Action::Sources { question: id } });
                vec![Reply::Message(Message { blocks, buttons: vec![row], answers: Some(id) })]
            }
            Action::Sources { .. } => {
                let engine = self.engine();
                let answer = answer(&engine, &question, self.today());
                let mut citations: Vec<&Citation> = Vec::new();
                for hit in &answer.hits {
                    if !citations.iter().any(|c| c.source == hit.citation.source) {
                        citations.push(&hit.citation);
                    }
                }
                if citations.is_empty() {
                    return stale();
                }
                let mut blocks = vec![para(t.answer_sources_header)];
                blocks.extend(citations.into_iter().map(|c| {
                    let mut spans = vec![Span::Text("• ".into())];
                    spans.extend(citation_spans(c, engine.knowledge(), lang));
                    Block::Para(spans)
                }));
                message(blocks)
            }
            Action::Subscribe { .. } | Action::Leads { .. } | Action::Calendar { .. } => stale(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actions_round_trip_within_64_bytes() {
        let actions = [
            Action::More { question: u64::MAX / 2, from: 5 },
            Action::Sources { question: 1 },
            Action::Suggestion { question: 42, index: 2 },
            Action::Feedback { question: u64::MAX / 2, helpful: false },
            Action::Feedback { question: 3, helpful: true },
            Action::Subscribe { organization: u64::MAX },
            Action::Subscribe { organization: 0 },
            Action::Leads { preset: 1 },
            Action::Calendar { meeting: 0xdead_beef },
        ];
        for action in actions {
            let data = action.encode();
            assert!(data.len() <= MAX_CALLBACK_BYTES);
            assert_eq!(Action::decode(&data), Some(action));
        }
    }

    #[test]
    fn forged_callback_data_is_rejected() {
        for data in [
            "",
            "m",
            "m:1",
            "m:1:99",
            "d:1:3",
            "s:-1",
            "s:1:2",
            "x:1",
            "s:99999999999999999999999",
            "m:+1:1",
            "f:1",
            "f:1:x",
            "f:1:Y",
            "f::y",
            "sub:",
            "sub:XYZ",
            "sub:11111111111111111",
            "lead:99",
            "ics:-1",
            "ics:1:2",
        ] {
            assert_eq!(Action::decode(data), None, "{data}");
        }
    }
}
