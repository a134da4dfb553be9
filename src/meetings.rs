//! Calendar questions over the meetings of the knowledge folder, relative to a given moment:
//! what is upcoming, recent or unconfirmed, and when each reminder of a meeting falls due.
//!
//! Pure functions: the caller passes "today" or "now" (from an injected clock), so tests can
//! fix it.

use std::fmt;

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;

use crate::knowledge::{Meeting, MeetingStatus, PartialDate};

/// True when the meeting's date (or any day of its month or year) is today or later. The
/// status does not decide: with the clock set back (`ICTBOT_NOW`), a meeting the knowledge
/// records as held is still ahead. Reminders skip held meetings on their own.
pub fn is_upcoming(meeting: &Meeting, today: NaiveDate) -> bool {
    meeting.date.is_some_and(|d| d.last_day() >= today)
}

/// Indices of dated meetings still ahead, soonest first.
pub fn upcoming(meetings: &[Meeting], today: NaiveDate) -> Vec<usize> {
    let mut found: Vec<usize> = (0..meetings.len()).filter(|&i| is_upcoming(&meetings[i], today)).collect();
    found.sort_by_key(|&i| meetings[i].date.map(|d| (d.first_day(), d.last_day())));
    found
}

/// Indices of planned or proposed meetings that have no date at all.
pub fn undated_plans(meetings: &[Meeting]) -> Vec<usize> {
    (0..meetings.len()).filter(|&i| meetings[i].date.is_none() && meetings[i].status != MeetingStatus::Held).collect()
}

/// Indices of held meetings whose date has passed, most recent first.
pub fn recent(meetings: &[Meeting], today: NaiveDate) -> Vec<usize> {
    let mut found: Vec<usize> = (0..meetings.len())
        .filter(|&i| {
            meetings[i].status == MeetingStatus::Held && meetings[i].date.is_some_and(|d| d.last_day() < today)
        })
        .collect();
    found.sort_by_key(|&i| std::cmp::Reverse(meetings[i].date.map(|d| (d.last_day(), d.first_day()))));
    found
}

/// Indices of planned or proposed meetings whose date has passed without them being recorded
/// as held: neither upcoming nor recent. Most recent first.
pub fn unconfirmed(meetings: &[Meeting], today: NaiveDate) -> Vec<usize> {
    let mut found: Vec<usize> = (0..meetings.len())
        .filter(|&i| {
            meetings[i].status != MeetingStatus::Held && meetings[i].date.is_some_and(|d| d.last_day() < today)
        })
        .collect();
    found.sort_by_key(|&i| std::cmp::Reverse(meetings[i].date.map(|d| (d.last_day(), d.first_day()))));
    found
}

/// The next meeting ahead, if any is dated.
pub fn next(meetings: &[Meeting], today: NaiveDate) -> Option<usize> {
    upcoming(meetings, today).into_iter().next()
}

/// Sorts meeting indices chronologically; undated ones last.
pub fn chronological(meetings: &[Meeting], indices: &mut [usize]) {
    indices.sort_by_key(|&i| (meetings[i].date.is_none(), meetings[i].date.map(|d| d.first_day())));
}

/// How long before a meeting a reminder is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Lead(pub i64);

/// Why a lead time could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not a lead time such as 7d, 1d, 2h or 30m (a number then d, h or m; at most 60 days)")]
pub struct LeadError(pub String);

impl Lead {
    /// Longest lead accepted.
    pub const MAX_SECONDS: i64 = 60 * 86_400;

    /// Parses `7d`, `1d`, `2h` or `30m`.
    pub fn parse(text: &str) -> Result<Lead, LeadError> {
        let text = text.trim().to_ascii_lowercase();
        let err = || LeadError(text.clone());
        let unit = match text.chars().last() {
            Some('d') => 86_400,
            Some('h') => 3_600,
            Some('m') => 60,
            _ => return Err(err()),
        };
        let number = &text[..text.len() - 1];
        if number.is_empty() || number.len() > 4 || !number.bytes().all(|b| b.is_ascii_digit()) {
            return Err(err());
        }
        let seconds = number.parse::<i64>().map_err(|_| err())? * unit;
        if seconds == 0 || seconds > Lead::MAX_SECONDS {
            return Err(err());
        }
        Ok(Lead(seconds))
    }

    /// Parses a list separated by commas or spaces (`7d,1d` or `7d 1d 2h`), sorted longest
    /// first, without repeats.
    pub fn parse_list(text: &str) -> Result<Vec<Lead>, LeadError> {
        let mut leads: Vec<Lead> =
            text.split([',', ' ']).filter(|s| !s.trim().is_empty()).map(Lead::parse).collect::<Result<_, _>>()?;
        if leads.is_empty() {
            return Err(LeadError(text.trim().to_string()));
        }
        leads.sort_by(|a, b| b.cmp(a));
        leads.dedup();
        Ok(leads)
    }
}

impl fmt::Display for Lead {
    /// The shortest exact form: `7d`, `2h`, `90m`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            s if s % 86_400 == 0 => write!(f, "{}d", s / 86_400),
            s if s % 3_600 == 0 => write!(f, "{}h", s / 3_600),
            s => write!(f, "{}m", s / 60),
        }
    }
}

/// The local time at which date-only meetings are reminded, in the bot's zone.
pub const REMINDER_HOUR: u32 = 9;

/// When a meeting that can be reminded starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Occurrence {
    /// The start: the meeting's time in its zone, or the beginning of its day in the bot's
    /// zone when only the date is known.
    pub start: DateTime<Utc>,
    /// Only the date is known.
    pub all_day: bool,
}

/// The occurrence of a meeting that gets reminders: one with an exact date that is not held.
/// Month- or year-only meetings and held ones get none.
pub fn occurrence(meeting: &Meeting, bot_zone: Tz) -> Option<Occurrence> {
    let Some(PartialDate::Day(day)) = meeting.date else {
        return None;
    };
    if meeting.status == MeetingStatus::Held {
        return None;
    }
    match meeting.time {
        Some(time) => {
            let zone = meeting.timezone.unwrap_or(bot_zone);
            Some(Occurrence { start: local(zone, day, time)?, all_day: false })
        }
        None => Some(Occurrence { start: local(bot_zone, day, NaiveTime::MIN)?, all_day: true }),
    }
}

/// The first instant of `day` at `time` in `zone` (the earlier one in a repeated hour; the
/// hour after a skipped one).
fn local(zone: Tz, day: NaiveDate, time: NaiveTime) -> Option<DateTime<Utc>> {
    let naive = day.and_time(time);
    zone.from_local_datetime(&naive)
        .earliest()
        .or_else(|| zone.from_local_datetime(&(naive + Duration::hours(1))).earliest())
        .map(|t| t.with_timezone(&Utc))
}

/// The ledger key of a meeting occurrence: its id and start, so a moved meeting is reminded
/// again at its new time.
pub fn occurrence_key(meeting: &Meeting, occurrence: &Occurrence) -> String {
    format!("{}@{}", meeting.id, occurrence.start.timestamp())
}

/// When the reminder `lead` before a meeting falls due: that long before a timed meeting;
/// at 09:00 in the bot's zone on the lead day for a date-only one (a lead under a day means
/// the day before).
pub fn due_at(meeting: &Meeting, occurrence: &Occurrence, lead: Lead, bot_zone: Tz) -> Option<DateTime<Utc>> {
    if !occurrence.all_day {
        return Some(occurrence.start - Duration::seconds(lead.0));
    }
    let Some(PartialDate::Day(day)) = meeting.date else {
        return None;
    };
    let days = ((lead.0 + 86_399) / 86_400).max(1);
    let reminder_day = day - Duration::days(days);
    local(bot_zone, reminder_day, NaiveTime::from_hms_opt(REMINDER_HOUR, 0, 0)?)
}

/// One reminder of one meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Due {
    pub lead: Lead,
    pub at: DateTime<Utc>,
}

/// The reminders of a meeting for `leads`, soonest first; leads that fall on the same moment
/// (1d and 2h of a date-only meeting) are one reminder, under the longest lead.
pub fn schedule(meeting: &Meeting, occurrence: &Occurrence, leads: &[Lead], bot_zone: Tz) -> Vec<Due> {
    let mut dues: Vec<Due> = leads
        .iter()
        .filter_map(|&lead| due_at(meeting, occurrence, lead, bot_zone).map(|at| Due { lead, at }))
        .collect();
    dues.sort_by_key(|d| (d.at, std::cmp::Reverse(d.lead)));
    dues.dedup_by_key(|d| d.at);
    dues
}

/// What to do about a meeting's reminders at `now`: the one to send (the latest overdue) and
/// the overdue ones it supersedes. Nothing once the meeting has started.
pub fn overdue(schedule: &[Due], occurrence: &Occurrence, now: DateTime<Utc>) -> Option<(Due, Vec<Due>)> {
    if now >= occurrence.start {
        return None;
    }
    let mut past: Vec<Due> = schedule.iter().copied().filter(|d| d.at <= now).collect();
    let latest = past.pop()?;
    Some((latest, past))
}

/// What subscribers are told about a meeting, kept between reloads to announce changes.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Facts {
    pub title: String,
    pub organization: String,
    /// ISO with the source's precision (`2026-12-12`, `2026-12`, `2026`).
    pub date: Option<String>,
    pub time: Option<String>,
    pub timezone: Option<String>,
    pub place: Option<String>,
    pub status: String,
}

impl Facts {
    /// The facts of `meeting`.
    pub fn of(meeting: &Meeting) -> Facts {
        Facts {
            title: meeting.title.clone(),
            organization: meeting.organization.clone(),
            date: meeting.date.map(|d| d.iso()),
            time: meeting.time.map(|t| t.format("%H:%M").to_string()),
            timezone: meeting.timezone.map(|z| z.name().to_string()),
            place: meeting.place.clone(),
            status: meeting.status.as_str().to_string(),
        }
    }

    /// True when subscribers should hear of the change from `before`: the date, time, place
    /// or status changed (a reworded title alone is not news).
    pub fn announce_change_from(&self, before: &Facts) -> bool {
        (&self.date, &self.time, &self.timezone, &self.place, &self.status)
            != (&before.date, &before.time, &before.timezone, &before.place, &before.status)
    }
}

#[cfg(test)]
mod tests;
