//! Calendar files: RFC 5545 text parsed back with the icalendar crate's parser, from the
//! library, `ictbot calendar`, `/calendar` and the "Add to calendar" buttons.

#[path = "support/binary.rs"]
mod binary;
#[path = "support/fake_bot_api.rs"]
mod fake_bot_api;
#[path = "support/reminders_env.rs"]
mod reminders_env;

use std::sync::Arc;

use icalendar::{Calendar, Component, DatePerhapsTime, EventLike};
use ictbot::calendar::organization_calendar;
use ictbot::clock::ManualClock;
use ictbot::knowledge;
use ictbot::store::Store;
use reminders_env::{at, conversation, fixture, start};

fn check_lines(text: &str) {
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n") && text.ends_with("END:VCALENDAR\r\n"));
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "line over 75 octets: {line:?}");
        assert!(!line.contains('\n'), "bare line feed: {line:?}");
    }
}

#[test]
fn the_calendar_parses_back_with_stable_uids_all_day_and_zoned_starts() {
    let knowledge = knowledge::load(&fixture()).unwrap();
    let now = at("2026-12-01T06:00:00Z");
    let text = organization_calendar(&knowledge, None, now);
    check_lines(&text);
    assert!(text.contains("DTSTART;VALUE=DATE:20261212\r\n"), "{text}");
    assert!(text.contains("DTSTART;TZID=Asia/Baku:20261212T150000\r\n"), "{text}");
    assert!(text.contains("DTSTAMP:20261201T060000Z\r\n"));
    let calendar: Calendar = text.parse().unwrap();
    let events: Vec<_> = calendar.events().collect();
    // The month-only CIS meeting is left out; the held RCC one is a past event.
    let uids: Vec<&str> = events.iter().filter_map(|e| e.get_uid()).collect();
    assert_eq!(uids, ["ots-ict-ministers-8@ictbot", "sco-digital-heads-2026@ictbot", "rcc-commission-2026@ictbot"]);
    let ots = events[0];
    assert_eq!(ots.get_summary(), Some("8th Meeting of the OTS Ministers in charge of ICT"));
    assert_eq!(ots.get_location(), Some("Baku, Azerbaijan"));
    assert!(matches!(ots.get_start(), Some(DatePerhapsTime::Date(d)) if d.to_string() == "2026-12-12"));
    // The same knowledge at the same moment gives the same file.
    assert_eq!(organization_calendar(&knowledge, None, now), text);
    let sco_only = organization_calendar(&knowledge, Some("SCO"), now);
    assert_eq!(sco_only.parse::<Calendar>().unwrap().events().count(), 1);
}

#[test]
fn ictbot_calendar_writes_the_file_to_stdout() {
    let dir = fixture();
    let dir = dir.to_str().unwrap();
    let (code, out, err) = binary::ictbot(
        &["calendar", "--org", "Turkic Council"],
        &[("KNOWLEDGE_DIR", dir), ("ICTBOT_NOW", "2026-12-01T06:00:00Z")],
        "",
    );
    assert_eq!(code, 0, "{err}");
    check_lines(&out);
    let calendar: Calendar = out.parse().unwrap();
    assert_eq!(calendar.events().filter_map(|e| e.get_uid()).collect::<Vec<_>>(), ["ots-ict-ministers-8@ictbot"]);
    let (code, _, err) = binary::ictbot(&["calendar", "--org", "NATO"], &[("KNOWLEDGE_DIR", dir)], "");
    assert_eq!(code, 2);
    assert!(err.contains("--org: no organization called 'NATO'"), "{err}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn calendar_and_add_to_calendar_send_ics_documents() {
    let clock = Arc::new(ManualClock::new(at("2026-12-01T06:00:00Z")));
    let api = start(conversation(&fixture(), clock, Arc::new(Store::in_memory().unwrap()))).await;
    let user = 77;
    api.push(fake_bot_api::updates::private_text(user, "en", "/calendar SCO"));
    let sent = api.wait_for("sendDocument", 1, |_| true).await;
    assert_eq!(sent.body["chat_id"], user);
    let (name, text) = sent.document().unwrap_or_else(|| panic!("no file in {}", sent.body));
    assert_eq!(name, "sco-meetings.ics");
    assert_eq!(text.parse::<Calendar>().unwrap().events().count(), 1);

    api.push(fake_bot_api::updates::private_text(user, "en", "/meetings"));
    let listing = api.wait_for("sendMessage", 1, |r| r.chat_id() == Some(user)).await;
    let buttons = listing.buttons();
    // Every listed meeting with an exact date has a button; the month-only one has none.
    assert_eq!(buttons.len(), 3, "{buttons:?}");
    assert!(buttons.iter().all(|(_, data)| data.starts_with("ics:") && data.len() <= 64));
    let (_, data) = buttons.iter().find(|(label, _)| label.contains("OTS Ministers")).unwrap();
    api.push(fake_bot_api::updates::callback(user, user, 1000, data));
    let sent = api.wait_for("sendDocument", 2, |_| true).await;
    let (name, text) = sent.document().unwrap();
    assert_eq!(name, "ots-ict-ministers-8.ics");
    let calendar: Calendar = text.parse().unwrap();
    assert_eq!(calendar.events().next().and_then(|e| e.get_uid()), Some("ots-ict-ministers-8@ictbot"));
    // A forged key is refused on the button.
    api.push(fake_bot_api::updates::callback(user, user, 1000, "ics:123"));
    let answer = api.wait_for("answerCallbackQuery", 2, |_| true).await;
    assert!(answer.body["text"].as_str().unwrap_or_default().contains("expired"));
}
