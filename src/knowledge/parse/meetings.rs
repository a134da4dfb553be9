//! `meetings.toml`: the calendar entries, with their kind, status, date, time and zone checked.

use std::collections::{HashMap, HashSet};

use chrono::NaiveTime;
use chrono_tz::Tz;
use serde::Deserialize;
use toml::Spanned;

use super::{is_valid_id, parse_date, Problems, Source};
use crate::knowledge::{Meeting, MeetingStatus};

const MEETING_KINDS: [&str; 4] = ["meeting", "summit", "forum", "agreement"];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MeetingsFile {
    #[serde(default)]
    meeting: Vec<Spanned<RawMeeting>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMeeting {
    id: Spanned<String>,
    title: String,
    kind: Spanned<String>,
    organization: String,
    place: Option<String>,
    date: Option<Spanned<String>>,
    time: Option<Spanned<String>>,
    timezone: Option<Spanned<String>>,
    status: Spanned<String>,
    source: Spanned<String>,
    #[serde(default)]
    summary: String,
}

pub(super) fn parse_meetings(
    text: &str,
    document_ids: &HashMap<String, usize>,
    problems: &mut Problems,
) -> Vec<Meeting> {
    let source = Source { file: "meetings.toml", text, first_line: 1 };
    let Some(file) = source.parse::<MeetingsFile>(problems) else {
        return Vec::new();
    };
    let mut seen = HashSet::new();
    let mut meetings = Vec::new();
    for entry in file.meeting {
        let line = source.line(entry.span());
        let raw = entry.into_inner();
        let id = raw.id.get_ref().clone();
        let before = problems.list.len();
        let at = |s: &Spanned<String>| source.line(s.span());
        if !is_valid_id(&id) {
            problems.add("meetings.toml", at(&raw.id), format!("meeting id '{id}' must use only a-z, 0-9 and '-'"));
        } else if !seen.insert(id.clone()) {
            problems.add("meetings.toml", at(&raw.id), format!("duplicate meeting id '{id}'"));
        }
        if raw.title.trim().is_empty() {
            problems.add("meetings.toml", line, format!("meeting '{id}': title is empty"));
        }
        if !MEETING_KINDS.contains(&raw.kind.get_ref().as_str()) {
            problems.add(
                "meetings.toml",
                at(&raw.kind),
                format!("meeting '{id}': kind '{}' must be one of {}", raw.kind.get_ref(), MEETING_KINDS.join(", ")),
            );
        }
        let status = match raw.status.get_ref().as_str() {
            "held" => Some(MeetingStatus::Held),
            "planned" => Some(MeetingStatus::Planned),
            "proposed" => Some(MeetingStatus::Proposed),
            other => {
                problems.add(
                    "meetings.toml",
                    at(&raw.status),
                    format!("meeting '{id}': status '{other}' must be held, planned or proposed"),
                );
                None
            }
        };
        let date = raw.date.as_ref().and_then(|d| parse_date(d, &source, problems));
        let time = raw.time.as_ref().and_then(|t| {
            let parsed = NaiveTime::parse_from_str(t.get_ref(), "%H:%M").ok();
            if parsed.is_none() {
                problems.add(
                    "meetings.toml",
                    at(t),
                    format!("meeting '{id}': time '{}' must be HH:MM (24-hour)", t.get_ref()),
                );
            }
            parsed
        });
        let timezone = raw.timezone.as_ref().and_then(|z| {
            let parsed = z.get_ref().parse::<Tz>().ok();
            if parsed.is_none() {
                problems.add(
                    "meetings.toml",
                    at(z),
                    format!("meeting '{id}': timezone '{}' is not an IANA zone such as Asia/Almaty", z.get_ref()),
                );
            }
            parsed
        });
        if let Some(t) = &raw.time {
            if raw.timezone.is_none() {
                problems.add("meetings.toml", at(t), format!("meeting '{id}': a time needs a timezone"));
            }
            if date.is_some_and(|d| !d.is_exact()) {
                problems.add(
                    "meetings.toml",
                    at(t),
                    format!("meeting '{id}': a time needs an exact date (YYYY-MM-DD)"),
                );
            }
        }
        let document = document_ids.get(raw.source.get_ref().as_str()).copied();
        if document.is_none() {
            problems.add(
                "meetings.toml",
                at(&raw.source),
                format!(
                    "meeting '{id}': source '{}' is not the id of any document in documents/",
                    raw.source.get_ref()
                ),
            );
        }
        if problems.list.len() == before {
            meetings.push(Meeting {
                id,
                title: raw.title.trim().to_string(),
                kind: raw.kind.into_inner(),
                organization: raw.organization,
                place: raw.place,
                date,
                time,
                timezone,
                status: status.unwrap_or(MeetingStatus::Proposed),
                document: document.unwrap_or_default(),
                summary: raw.summary.trim().to_string(),
            });
        }
    }
    meetings
}
