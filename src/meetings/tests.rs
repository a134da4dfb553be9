use super::*;

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

fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

const ALMATY: Tz = chrono_tz::Asia::Almaty;

#[test]
fn upcoming_is_relative_to_today_and_respects_precision_and_status() {
    let meetings = vec![
        meeting("held-2019", Some("2019-01-31"), MeetingStatus::Held),
        meeting("proposed-2026", Some("2026"), MeetingStatus::Proposed),
        meeting("planned-2026-12", Some("2026-12"), MeetingStatus::Planned),
        meeting("undated", None, MeetingStatus::Planned),
        meeting("planned-2020", Some("2020-03-01"), MeetingStatus::Planned),
    ];
    // A year-only date may fall on any remaining day, so it can come before December.
    assert_eq!(upcoming(&meetings, day("2026-11-26")), [1, 2]);
    assert_eq!(upcoming(&meetings, day("2019-01-01")), [0, 4, 1, 2], "the date decides, not the status");
    assert_eq!(upcoming(&meetings, day("2027-01-01")), Vec::<usize>::new());
    assert_eq!(next(&meetings, day("2025-06-01")), Some(1));
    assert_eq!(recent(&meetings, day("2027-01-01")), [0], "only held meetings are recent");
    assert_eq!(unconfirmed(&meetings, day("2027-01-01")), [2, 1, 4]);
    assert_eq!(undated_plans(&meetings), [3]);
}

#[test]
fn lead_times_parse_and_print() {
    assert_eq!(Lead::parse_list("7d,1d").unwrap(), [Lead(7 * 86_400), Lead(86_400)]);
    assert_eq!(Lead::parse_list("2h 7d  1d 1d").unwrap(), [Lead(604_800), Lead(86_400), Lead(7_200)]);
    assert_eq!(Lead(5400).to_string(), "90m");
    assert_eq!(Lead(7_200).to_string(), "2h");
    for bad in ["", "7", "d", "0d", "61d", "-1d", "1w", "1.5d", "99999d"] {
        assert!(Lead::parse_list(bad).is_err(), "{bad}");
    }
}

#[test]
fn a_date_only_meeting_is_reminded_at_nine_in_the_bot_zone_on_the_lead_day() {
    let m = meeting("m", Some("2026-12-12"), MeetingStatus::Planned);
    let occ = occurrence(&m, ALMATY).unwrap();
    assert!(occ.all_day);
    let dues = schedule(&m, &occ, &[Lead(7 * 86_400), Lead(86_400), Lead(7_200)], ALMATY);
    // Almaty is UTC+5: 09:00 local is 04:00 UTC. 2h means the day before, like 1d.
    let at: Vec<_> = dues.iter().map(|d| (d.lead, d.at)).collect();
    assert_eq!(at, [(Lead(604_800), utc("2026-12-05T04:00:00Z")), (Lead(86_400), utc("2026-12-11T04:00:00Z"))]);
}

#[test]
fn a_timed_meeting_is_reminded_that_long_before_its_start_in_its_own_zone() {
    let mut m = meeting("baku", Some("2026-12-12"), MeetingStatus::Planned);
    m.time = NaiveTime::from_hms_opt(15, 0, 0);
    m.timezone = Some(chrono_tz::Asia::Baku);
    let occ = occurrence(&m, ALMATY).unwrap();
    // 15:00 in Baku (UTC+4) is 11:00 UTC, 16:00 in Almaty.
    assert_eq!(occ.start, utc("2026-12-12T11:00:00Z"));
    let dues = schedule(&m, &occ, &[Lead(86_400), Lead(7_200)], ALMATY);
    assert_eq!(dues[0].at, utc("2026-12-11T11:00:00Z"));
    assert_eq!(dues[1].at, utc("2026-12-12T09:00:00Z"));
}

#[test]
fn month_only_and_held_meetings_get_no_reminder() {
    assert_eq!(occurrence(&meeting("month", Some("2026-12"), MeetingStatus::Planned), ALMATY), None);
    assert_eq!(occurrence(&meeting("year", Some("2026"), MeetingStatus::Proposed), ALMATY), None);
    assert_eq!(occurrence(&meeting("held", Some("2026-12-12"), MeetingStatus::Held), ALMATY), None);
}

#[test]
fn after_downtime_only_the_latest_overdue_reminder_is_sent_and_none_once_started() {
    let m = meeting("m", Some("2026-12-12"), MeetingStatus::Planned);
    let occ = occurrence(&m, ALMATY).unwrap();
    let dues = schedule(&m, &occ, &[Lead(7 * 86_400), Lead(86_400)], ALMATY);
    assert_eq!(overdue(&dues, &occ, utc("2026-12-01T00:00:00Z")), None);
    let (send, skip) = overdue(&dues, &occ, utc("2026-12-06T00:00:00Z")).unwrap();
    assert_eq!((send.lead, skip.len()), (Lead(604_800), 0));
    let (send, skip) = overdue(&dues, &occ, utc("2026-12-11T12:00:00Z")).unwrap();
    assert_eq!((send.lead, skip.iter().map(|d| d.lead).collect::<Vec<_>>()), (Lead(86_400), vec![Lead(604_800)]));
    assert_eq!(overdue(&dues, &occ, utc("2026-12-11T19:00:00Z")), None, "midnight in Almaty: started");
}
