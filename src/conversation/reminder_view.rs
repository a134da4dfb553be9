//! The wording of what subscribers receive: a reminder (title, date in their language, time
//! in the meeting's zone and the bot's, place, status, the source sentence quoted verbatim
//! with its citation, an "Add to calendar" button) and the short announcement of a meeting
//! added or changed on reload.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::actions::Action;
use super::model::{Block, Button, Message, Span};
use super::subscriptions::key;
use super::views::{citation_spans, para, shorten};
use crate::answer::Citation;
use crate::calendar;
use crate::i18n::{fill, Lang};
use crate::knowledge::{Knowledge, Meeting, PartialDate};
use crate::meetings::{self, Facts, Lead};
use crate::search::{sentences, words};

/// Longest meeting title on a button, in characters.
const MAX_BUTTON_TITLE: usize = 40;

/// The "Add to calendar" button of a meeting with an exact date; with its title when several
/// such buttons stand under one message.
pub fn calendar_button(meeting: &Meeting, lang: Lang, with_title: bool) -> Option<Button> {
    if !calendar::has_entry(meeting) {
        return None;
    }
    let r = lang.reminder_texts();
    let label = if with_title {
        format!("📅 {}", shorten(&meeting.title, MAX_BUTTON_TITLE))
    } else {
        format!("📅 {}", r.calendar_button)
    };
    Some(Button { label, action: Action::Calendar { meeting: key(&meeting.id) } })
}

/// The sentence of the meeting's source document that best matches the meeting (its title,
/// place and date words), verbatim; `None` when no sentence shares a word with it.
pub fn source_sentence(knowledge: &Knowledge, meeting: &Meeting) -> Option<String> {
    let document = knowledge.documents.get(meeting.document)?;
    let mut wanted: Vec<String> = words(&meeting.title).into_iter().map(|w| w.lower).collect();
    wanted.extend(meeting.place.iter().flat_map(|p| words(p)).map(|w| w.lower));
    if let Some(date) = meeting.date {
        wanted.push(date.year().to_string());
        if let PartialDate::Day(day) = date {
            use chrono::Datelike;
            wanted.push(day.day().to_string());
            wanted.push(crate::knowledge::month_name(day.month()).to_lowercase());
        }
    }
    wanted.retain(|w| w.chars().count() > 2 || w.chars().all(|c| c.is_ascii_digit()));
    wanted.sort();
    wanted.dedup();
    let mut best: Option<(usize, &str)> = None;
    for paragraph in &document.paragraphs {
        for range in sentences(&paragraph.text) {
            let sentence = &paragraph.text[range];
            let mut seen: Vec<String> = words(sentence).into_iter().map(|w| w.lower).collect();
            seen.sort();
            seen.dedup();
            let score = seen.iter().filter(|w| wanted.binary_search(w).is_ok()).count();
            if score > 0 && best.is_none_or(|(b, _)| score > b) {
                best = Some((score, sentence));
            }
        }
    }
    best.map(|(_, s)| s.to_string())
}

/// `15:00 (Asia/Baku), 16:00 (Asia/Almaty)` for a timed meeting; `None` without a time.
fn time_text(meeting: &Meeting, bot_zone: Tz) -> Option<String> {
    let occurrence = meetings::occurrence(meeting, bot_zone).filter(|o| !o.all_day)?;
    let zone = meeting.timezone.unwrap_or(bot_zone);
    let local = occurrence.start.with_timezone(&zone).format("%H:%M");
    if zone == bot_zone {
        return Some(format!("{local} ({})", zone.name()));
    }
    let bot = occurrence.start.with_timezone(&bot_zone).format("%H:%M");
    Some(format!("{local} ({}), {bot} ({})", zone.name(), bot_zone.name()))
}

fn detail_lines(meeting: &Meeting, lang: Lang, bot_zone: Tz) -> Vec<String> {
    let r = lang.reminder_texts();
    let mut lines = Vec::new();
    if let Some(date) = meeting.date {
        lines.push(format!("{}: {}", r.date_label, lang.date(date)));
    }
    if let Some(time) = time_text(meeting, bot_zone) {
        lines.push(format!("{}: {time}", r.time_label));
    }
    if let Some(place) = &meeting.place {
        lines.push(format!("{}: {place}", r.place_label));
    }
    lines.push(format!("{}: {}", r.status_label, lang.status(meeting.status)));
    lines
}

/// The reminder of `meeting`, `lead` before it.
pub fn reminder_message(knowledge: &Knowledge, meeting: &Meeting, lead: Lead, lang: Lang, bot_zone: Tz) -> Message {
    let r = lang.reminder_texts();
    let mut blocks = vec![
        Block::Para(vec![Span::Text(fill(r.reminder_header, &[("lead", &lang.lead(lead.0))]))]),
        Block::Para(vec![Span::Bold(meeting.title.clone())]),
        Block::Para(vec![Span::Text(detail_lines(meeting, lang, bot_zone).join("\n"))]),
    ];
    if let Some(document) = knowledge.documents.get(meeting.document) {
        if let Some(sentence) = source_sentence(knowledge, meeting) {
            blocks.push(Block::Quote(vec![Span::Text(sentence)]));
        }
        let mut cite = vec![Span::Text("— ".into())];
        cite.extend(citation_spans(&Citation::of(document), knowledge, lang));
        blocks.push(Block::Para(cite));
    }
    let buttons = calendar_button(meeting, lang, false).map(|b| vec![vec![b]]).unwrap_or_default();
    Message { blocks, buttons, answers: None }
}

/// The announcement of a meeting added (`before` is `None`) or changed on reload.
pub fn announcement_message(
    knowledge: &Knowledge,
    meeting: &Meeting,
    before: Option<&Facts>,
    lang: Lang,
    bot_zone: Tz,
) -> Message {
    let r = lang.reminder_texts();
    let header = if before.is_some() { r.announce_changed } else { r.announce_added };
    let mut blocks = vec![
        para(header),
        Block::Para(vec![Span::Bold(meeting.title.clone())]),
        Block::Para(vec![Span::Text(detail_lines(meeting, lang, bot_zone).join("\n"))]),
    ];
    if let Some(before) = before {
        let now = Facts::of(meeting);
        let mut old = Vec::new();
        if before.date != now.date || before.time != now.time || before.timezone != now.timezone {
            let date = before.date.as_deref().and_then(PartialDate::parse).map(|d| lang.date(d));
            let time = before.time.as_deref().map(|t| format!("{t} {}", before.timezone.as_deref().unwrap_or("")));
            old.extend([date, time].into_iter().flatten().map(|s| s.trim().to_string()));
        }
        if before.place != now.place {
            old.extend(before.place.clone());
        }
        if before.status != now.status {
            if let Some(status) = parse_status(&before.status) {
                old.push(lang.status(status).to_string());
            }
        }
        if !old.is_empty() {
            blocks.push(Block::Para(vec![Span::Italic(fill(r.was, &[("old", &old.join(", "))]))]));
        }
    }
    if let Some(document) = knowledge.documents.get(meeting.document) {
        let mut cite = vec![Span::Text("— ".into())];
        cite.extend(citation_spans(&Citation::of(document), knowledge, lang));
        blocks.push(Block::Para(cite));
    }
    let buttons = calendar_button(meeting, lang, false).map(|b| vec![vec![b]]).unwrap_or_default();
    Message { blocks, buttons, answers: None }
}

fn parse_status(text: &str) -> Option<crate::knowledge::MeetingStatus> {
    use crate::knowledge::MeetingStatus;
    [MeetingStatus::Held, MeetingStatus::Planned, MeetingStatus::Proposed].into_iter().find(|s| s.as_str() == text)
}

/// When an announcement or reminder stops being worth sending: the meeting's start, or a
/// week from `now` when it has no exact start.
pub fn expiry(meeting: &Meeting, bot_zone: Tz, now: DateTime<Utc>) -> DateTime<Utc> {
    meetings::occurrence(meeting, bot_zone).map(|o| o.start).unwrap_or(now + chrono::Duration::days(7))
}
