//! Calendar questions over the meetings of the knowledge folder, relative to a given day.
//!
//! Pure functions: the caller passes "today" (from an injected clock), so tests can fix it.

use chrono::NaiveDate;

use crate::knowledge::{Meeting, MeetingStatus};

/// True when the meeting's date (or any day of its month or year) is today or later. The
/// recorded status is not consulted: a meeting marked held is still ahead for a clock set
/// before its date.
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

/// Indices of dated meetings wholly in the past, most recent first.
pub fn recent(meetings: &[Meeting], today: NaiveDate) -> Vec<usize> {
    let mut found: Vec<usize> =
        (0..meetings.len()).filter(|&i| meetings[i].date.is_some_and(|d| d.last_day() < today)).collect();
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::PartialDate;

    fn meeting(id: &str, date: Option<&str>, status: MeetingStatus) -> Meeting {
        Meeting {
            id: id.into(),
            title: id.into(),
            kind: "meeting".into(),
            organization: "SCO".into(),
            place: None,
            date: date.and_then(PartialDate::parse),
            time: None,
            timezone: None,
            status,
            document: 0,
            summary: String::new(),
        }
    }

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn upcoming_is_relative_to_today_and_respects_precision() {
        let meetings = vec![
            meeting("held-2019", Some("2019-01-31"), MeetingStatus::Held),
            meeting("proposed-2026", Some("2026"), MeetingStatus::Proposed),
            meeting("planned-2026-12", Some("2026-12"), MeetingStatus::Planned),
            meeting("undated", None, MeetingStatus::Planned),
        ];
        // A year-only date may fall on any remaining day, so it can come before December.
        assert_eq!(upcoming(&meetings, day("2026-11-26")), [1, 2]);
        assert_eq!(upcoming(&meetings, day("2019-01-01")), [0, 1, 2], "held is relative to the clock");
        assert_eq!(upcoming(&meetings, day("2027-01-01")), Vec::<usize>::new());
        assert_eq!(next(&meetings, day("2025-06-01")), Some(1));
        assert_eq!(recent(&meetings, day("2027-01-01")), [2, 1, 0]);
        assert_eq!(undated_plans(&meetings), [3]);
    }
}
