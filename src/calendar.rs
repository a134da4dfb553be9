//! Calendar files (RFC 5545 `.ics`) of the meetings, through the `icalendar` crate: stable
//! UIDs, DTSTAMP, all-day `DTSTART;VALUE=DATE` for date-only meetings, `TZID` for timed ones,
//! CRLF lines folded at 75 octets. Meetings known only by month or year are left out.
//!
//! Pure: the caller passes "now" for DTSTAMP, so the same knowledge and clock give the same
//! file.

use chrono::{DateTime, Duration, Utc};
use icalendar::{Calendar, CalendarDateTime, Component, Event, EventLike, EventStatus};

use crate::knowledge::{Knowledge, Meeting, MeetingStatus, PartialDate};

/// The product identifier written into every file.
pub const PRODID: &str = "-//ictbot//meetings//EN";
/// The MIME type of the files.
pub const MIME: &str = "text/calendar";

/// The UID of a meeting: its id in the knowledge folder, which admins keep stable.
pub fn uid(meeting: &Meeting) -> String {
    format!("{}@ictbot", meeting.id)
}

/// True when the meeting can be put in a calendar (it has an exact date).
pub fn has_entry(meeting: &Meeting) -> bool {
    matches!(meeting.date, Some(PartialDate::Day(_)))
}

/// The calendar event of a meeting, or `None` when it has no exact date.
pub fn event(knowledge: &Knowledge, meeting: &Meeting, now: DateTime<Utc>) -> Option<Event> {
    let Some(PartialDate::Day(day)) = meeting.date else {
        return None;
    };
    let mut event = Event::new();
    event.uid(&uid(meeting)).timestamp(now).summary(&meeting.title);
    match (meeting.time, meeting.timezone) {
        (Some(time), Some(zone)) => {
            let start = day.and_time(time);
            event.starts(CalendarDateTime::WithTimezone { date_time: start, tzid: zone.name().to_string() });
        }
        (Some(time), None) => {
            event.starts(CalendarDateTime::Floating(day.and_time(time)));
        }
        _ => {
            event.all_day(day);
        }
    }
    if let Some(place) = &meeting.place {
        event.location(place);
    }
    event.status(match meeting.status {
        MeetingStatus::Held | MeetingStatus::Planned => EventStatus::Confirmed,
        MeetingStatus::Proposed => EventStatus::Tentative,
    });
    let mut description = format!("{} ({}), {}.", meeting.kind, meeting.organization, meeting.status.as_str());
    if let Some(document) = knowledge.documents.get(meeting.document) {
        description.push_str(&format!("\nSource: {}", document.title));
        if let Some(url) = &document.url {
            description.push_str(&format!(" <{url}>"));
            event.url(url);
        }
    }
    event.description(&description);
    Some(event.done())
}

/// A calendar of `meetings` (those with an exact date), as RFC 5545 text.
pub fn calendar<'a>(
    knowledge: &Knowledge,
    meetings: impl IntoIterator<Item = &'a Meeting>,
    name: &str,
    now: DateTime<Utc>,
) -> String {
    let mut calendar = Calendar::empty();
    calendar.append_property(("VERSION", "2.0"));
    calendar.append_property(("PRODID", PRODID));
    calendar.append_property(("CALSCALE", "GREGORIAN"));
    calendar.append_property(("METHOD", "PUBLISH"));
    calendar.name(name);
    calendar.ttl(&Duration::days(1));
    for meeting in meetings {
        if let Some(event) = event(knowledge, meeting, now) {
            calendar.push(event);
        }
    }
    calendar.done().to_string()
}

/// The calendar of every meeting of `organization` (a code such as `OTS`), or of all.
pub fn organization_calendar(knowledge: &Knowledge, organization: Option<&str>, now: DateTime<Utc>) -> String {
    let meetings = knowledge.meetings.iter().filter(|m| organization.is_none_or(|org| m.organization == org));
    let name = match organization {
        Some(org) => format!("{org} meetings (ictbot)"),
        None => "ICT cooperation meetings (ictbot)".to_string(),
    };
    calendar(knowledge, meetings, &name, now)
}

/// A file name for a calendar: lowercase letters, digits and dashes, then `.ics`.
pub fn file_name(stem: &str) -> String {
    let mut name: String =
        stem.chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' }).collect();
    name.truncate(60);
    let name = name.trim_matches('-');
    format!("{}.ics", if name.is_empty() { "meetings" } else { name })
}
