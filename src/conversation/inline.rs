//! Inline-mode results: answers to a query typed after `@botname`, or the upcoming meetings
//! when the query is empty.

use super::model::{Block, InlineItem, Message, Span};
use super::views::{citation_spans, hit_blocks, para, shorten};
use super::{clean, Conversation, MAX_QUESTION_CHARS};
use crate::answer::{answer, meeting_line, Citation};
use crate::i18n::Lang;
use crate::meetings;

/// Most inline results.
pub const MAX_INLINE_RESULTS: usize = 5;

impl Conversation {
    /// Results for an inline query: answers to `query`, or upcoming meetings when it is empty.
    pub fn inline(&self, query: &str, language_code: Option<&str>) -> Vec<InlineItem> {
        let lang = Lang::from_code(language_code);
        let t = lang.texts();
        let engine = self.engine();
        let knowledge = engine.knowledge();
        let query = clean(query);
        let query = query.trim();
        if query.is_empty() {
            let today = self.today();
            let mut ahead = meetings::upcoming(&knowledge.meetings, today);
            ahead.extend(meetings::undated_plans(&knowledge.meetings));
            if ahead.is_empty() {
                return vec![InlineItem {
                    id: "none".into(),
                    title: t.inline_no_upcoming.into(),
                    description: t.no_upcoming.into(),
                    message: Message { blocks: vec![para(t.no_upcoming)], buttons: Vec::new(), answers: None },
                }];
            }
            return ahead
                .into_iter()
                .take(MAX_INLINE_RESULTS)
                .map(|i| {
                    let meeting = &knowledge.meetings[i];
                    let line = meeting_line(meeting, lang);
                    let citation = Citation::of(&knowledge.documents[meeting.document]);
                    let mut cite = vec![Span::Text("— ".into())];
                    cite.extend(citation_spans(&citation, knowledge, lang));
                    InlineItem {
                        id: format!("m{i}"),
                        title: meeting.title.clone(),
                        description: line.clone(),
                        message: Message {
                            blocks: vec![
                                Block::Para(vec![Span::Bold(t.upcoming_header.into())]),
                                Block::Para(vec![Span::Text(line)]),
                                Block::Para(cite),
                            ],
                            buttons: Vec::new(),
                            answers: None,
                        },
                    }
                })
                .collect();
        }
        if query.chars().count() > MAX_QUESTION_CHARS {
            return Vec::new();
        }
        let answer = answer(&engine, query, self.today());
        answer
            .hits
            .iter()
            .take(MAX_INLINE_RESULTS)
            .enumerate()
            .map(|(n, hit)| InlineItem {
                id: format!("a{n}"),
                title: hit.citation.title.clone(),
                description: shorten(&hit.snippet, 120),
                message: Message {
                    blocks: hit_blocks(hit, engine.knowledge(), lang),
                    buttons: Vec::new(),
                    answers: None,
                },
            })
            .collect()
    }
}
