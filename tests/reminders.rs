//! Reminders end to end: the bot polls a fake Bot API server while a manual clock moves
//! through virtual days; the assertions are on what each chat receives.

#[path = "support/fake_bot_api.rs"]
mod fake_bot_api;
#[path = "support/reminders_env.rs"]
mod reminders_env;
#[path = "support/telegram_html.rs"]
mod telegram_html;

use std::sync::Arc;
use std::time::Duration;

use fake_bot_api::{updates, Recorded};
use ictbot::clock::ManualClock;
use ictbot::store::Store;
use reminders_env::{at, conversation, editable_fixture, fixture, start, ADMIN};
use telegram_html::assert_accepted;

const OTS_TITLE: &str = "8th Meeting of the OTS Ministers in charge of ICT";
const SCO_TITLE: &str = "Meeting of Heads of SCO Digital Agencies";

fn sent_to(requests: &[Recorded], chat: i64) -> Vec<Recorded> {
    requests.iter().filter(|r| r.method == "sendMessage" && r.chat_id() == Some(chat)).cloned().collect()
}

fn reminders_to(requests: &[Recorded], chat: i64) -> Vec<Recorded> {
    sent_to(requests, chat).into_iter().filter(|r| r.text().contains("Meeting reminder")).collect()
}

/// Waits a few scheduler ticks and returns everything recorded.
async fn settle(api: &fake_bot_api::FakeBotApi) -> Vec<Recorded> {
    tokio::time::sleep(Duration::from_millis(1500)).await;
    api.requests()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reminders_come_at_their_lead_times_in_the_right_zones_and_never_for_month_only_or_held_meetings() {
    let clock = Arc::new(ManualClock::new(at("2026-12-05T03:59:00Z")));
    let store = Arc::new(Store::in_memory().unwrap());
    let api = start(conversation(&fixture(), clock.clone(), store.clone())).await;
    let user = 501;
    api.push(updates::private_text(user, "en", "/subscribe"));
    let choice = api.wait_for("sendMessage", 1, |r| r.chat_id() == Some(user)).await;
    let all = choice.buttons().into_iter().find(|(label, _)| label == "All organizations").unwrap();
    api.push(updates::callback(user, user, 1000, &all.1));
    api.wait_for("sendMessage", 2, |r| r.chat_id() == Some(user)).await;
    assert_eq!(store.subscriptions_of(user).unwrap(), ["*"]);

    // 08:59 in Almaty: nothing yet.
    assert!(reminders_to(&settle(&api).await, user).is_empty());
    // 09:00 Almaty, 7 days before the date-only OTS meeting.
    clock.set(at("2026-12-05T04:00:00Z"));
    let ots = api.wait_for("sendMessage", 1, |r| r.chat_id() == Some(user) && r.text().contains(OTS_TITLE)).await;
    assert_accepted(ots.text());
    assert!(ots.text().contains("in 7 days"), "{}", ots.text());
    assert!(ots.text().contains("12 December 2026"));
    assert!(ots.text().contains("Baku, Azerbaijan") && ots.text().contains("planned"));
    // The source sentence, verbatim, with its citation; not the maintainers' summary.
    assert!(ots.text().contains("will be held in Baku on 12 December 2026."), "{}", ots.text());
    assert!(ots.text().contains("OTS ICT Ministers to Meet in Baku"));
    assert!(!ots.text().contains("The ministers will meet in Baku."));
    assert!(ots.buttons().iter().any(|(label, data)| label.contains("Add to calendar") && data.starts_with("ics:")));

    // The SCO meeting starts at 15:00 in Baku = 11:00 UTC = 16:00 in Almaty; 7 days before.
    clock.set(at("2026-12-05T10:59:00Z"));
    assert_eq!(reminders_to(&settle(&api).await, user).len(), 1);
    clock.set(at("2026-12-05T11:00:00Z"));
    let sco = api.wait_for("sendMessage", 1, |r| r.chat_id() == Some(user) && r.text().contains(SCO_TITLE)).await;
    assert!(sco.text().contains("15:00 (Asia/Baku), 16:00 (Asia/Almaty)"), "{}", sco.text());

    // One day before each, then the meetings start: two more reminders, and nothing for the
    // CIS meeting known only by its month or the RCC meeting already held.
    clock.set(at("2026-12-11T04:00:00Z"));
    api.wait_for("sendMessage", 2, |r| r.chat_id() == Some(user) && r.text().contains(OTS_TITLE)).await;
    clock.set(at("2026-12-11T11:00:00Z"));
    api.wait_for("sendMessage", 2, |r| r.chat_id() == Some(user) && r.text().contains(SCO_TITLE)).await;
    clock.set(at("2026-12-31T00:00:00Z"));
    let reminders = reminders_to(&settle(&api).await, user);
    assert_eq!(reminders.len(), 4, "{:#?}", reminders.iter().map(|r| r.text().to_string()).collect::<Vec<_>>());
    assert!(reminders.iter().all(|r| !r.text().contains("CIS Working Group") && !r.text().contains("RCC Commission")));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_downtime_only_the_latest_overdue_reminder_is_sent_and_none_once_the_meeting_started() {
    let store = Arc::new(Store::in_memory().unwrap());
    store.subscribe(601, "OTS", Some("ru"), 0).unwrap();
    store.subscribe(602, "SCO", None, 0).unwrap();
    // Down since before the 7-day reminders; back at 12:00 UTC on the 11th: the OTS meeting
    // (date only) is tomorrow, the SCO one starts in 23 hours.
    let clock = Arc::new(ManualClock::new(at("2026-12-11T12:00:00Z")));
    let api = start(conversation(&fixture(), clock.clone(), store.clone())).await;
    let ru = api.wait_for("sendMessage", 1, |r| r.chat_id() == Some(601)).await;
    assert!(ru.text().contains("через 1 дн."), "{}", ru.text());
    assert!(ru.text().contains("12 декабря 2026") && ru.text().contains("запланирована"), "{}", ru.text());
    assert!(ru.buttons().iter().any(|(label, _)| label.contains("Добавить в календарь")));
    api.wait_for("sendMessage", 1, |r| r.chat_id() == Some(602)).await;
    let requests = settle(&api).await;
    assert_eq!(sent_to(&requests, 601).len(), 1);
    assert_eq!(sent_to(&requests, 602).len(), 1);
    let ledger = store.ledger().unwrap();
    let skipped = ledger.iter().filter(|row| row.3 == "skipped").count();
    assert_eq!(skipped, 2, "the 7-day reminders are recorded as superseded: {ledger:?}");

    // A chat that subscribes after the OTS meeting started gets nothing for it.
    store.subscribe(603, "OTS", None, 0).unwrap();
    clock.set(at("2026-12-12T20:00:00Z"));
    assert!(sent_to(&settle(&api).await, 603).is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reload_announces_added_and_changed_meetings_and_a_date_change_moves_the_reminder() {
    let dir = editable_fixture();
    let store = Arc::new(Store::in_memory().unwrap());
    store.subscribe(701, "OTS", None, 0).unwrap();
    store.subscribe(702, "SCO", None, 0).unwrap();
    let clock = Arc::new(ManualClock::new(at("2026-12-01T00:00:00Z")));
    let api = start(conversation(dir.path(), clock.clone(), store.clone())).await;
    // The first load is not news.
    assert!(settle(&api).await.iter().all(|r| r.method != "sendMessage"));

    let meetings = dir.path().join("meetings.toml");
    let text = std::fs::read_to_string(&meetings).unwrap();
    let moved = text.replacen(
        "date = \"2026-12-12\"\nstatus = \"planned\"\nsource = \"ots-ministers-2026\"",
        "date = \"2026-12-19\"\nstatus = \"planned\"\nsource = \"ots-ministers-2026\"",
        1,
    );
    assert_ne!(moved, text);
    let added = "\n[[meeting]]\nid = \"ots-digital-forum-2027\"\ntitle = \"OTS Digital Forum\"\nkind = \"forum\"\norganization = \"OTS\"\nplace = \"Astana, Kazakhstan\"\ndate = \"2027-02-10\"\nstatus = \"planned\"\nsource = \"ots-ministers-2026\"\nsummary = \"A forum.\"\n";
    std::fs::write(&meetings, format!("{moved}{added}")).unwrap();
    api.push(updates::private_text(ADMIN, "en", "/reload"));
    api.wait_for("sendMessage", 1, |r| r.chat_id() == Some(ADMIN) && r.text().contains("reloaded")).await;

    let changed = api
        .wait_for("sendMessage", 1, |r| {
            r.chat_id() == Some(701) && r.text().contains("Changed in the meetings calendar")
        })
        .await;
    assert!(
        changed.text().contains("19 December 2026") && changed.text().contains("was: 12 December 2026"),
        "{}",
        changed.text()
    );
    let new = api
        .wait_for("sendMessage", 1, |r| r.chat_id() == Some(701) && r.text().contains("New in the meetings calendar"))
        .await;
    assert!(new.text().contains("OTS Digital Forum"));
    let requests = settle(&api).await;
    assert_eq!(sent_to(&requests, 701).len(), 2, "one announcement per change, nothing for unchanged meetings");
    assert!(sent_to(&requests, 702).is_empty(), "the SCO subscriber hears nothing of OTS changes");

    // The old 7-day moment passes silently; the new one brings the reminder.
    clock.set(at("2026-12-05T04:00:00Z"));
    assert!(reminders_to(&settle(&api).await, 701).is_empty());
    clock.set(at("2026-12-12T04:00:00Z"));
    let reminder =
        api.wait_for("sendMessage", 1, |r| r.chat_id() == Some(701) && r.text().contains("Meeting reminder")).await;
    assert!(reminder.text().contains("19 December 2026"), "{}", reminder.text());

    // A removed meeting's reminders are dropped (and its removal is not announced).
    std::fs::write(&meetings, &moved).unwrap();
    api.push(updates::private_text(ADMIN, "en", "/reload"));
    api.wait_for("sendMessage", 2, |r| r.chat_id() == Some(ADMIN) && r.text().contains("reloaded")).await;
    let before = sent_to(&settle(&api).await, 701).len();
    clock.set(at("2027-02-03T04:00:00Z"));
    assert_eq!(sent_to(&settle(&api).await, 701).len(), before);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_chat_that_blocked_the_bot_has_its_subscriptions_switched_off() {
    let store = Arc::new(Store::in_memory().unwrap());
    store.subscribe(801, "OTS", None, 0).unwrap();
    store.subscribe(802, "OTS", None, 0).unwrap();
    let clock = Arc::new(ManualClock::new(at("2026-12-05T03:59:00Z")));
    let api = start(conversation(&fixture(), clock.clone(), store.clone())).await;
    api.block(801);
    clock.set(at("2026-12-05T04:00:00Z"));
    api.wait_for("sendMessage", 1, |r| r.chat_id() == Some(802)).await;
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while store.chat_active(801).unwrap() {
        assert!(std::time::Instant::now() < deadline, "the 403 did not switch the chat off");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(store.subscribers("OTS").unwrap().iter().map(|s| s.chat_id).collect::<Vec<_>>(), [802]);
    assert_eq!(store.outbox_chats("failed").unwrap(), [801]);
}

/// Starts the real binary as the Telegram bot against `api`, its clock at `now`.
fn spawn_bot(api: &fake_bot_api::FakeBotApi, data: &std::path::Path, now: &str) -> std::process::Child {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_ictbot"));
    for variable in ["ADMIN_IDS", "ICTBOT_TODAY", "REMINDER_LEADS", "RUST_LOG"] {
        command.env_remove(variable);
    }
    command
        .arg("serve")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("TELOXIDE_TOKEN", fake_bot_api::TOKEN)
        .env("TELOXIDE_API_URL", &api.url)
        .env("DATA_DIR", data)
        .env("KNOWLEDGE_DIR", fixture())
        .env("BOT_TIMEZONE", "Asia/Almaty")
        .env("ICTBOT_NOW", now)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kill_9_in_the_middle_of_a_fan_out_sends_no_reminder_twice_and_loses_none_silently() {
    const CHATS: i64 = 150;
    let data = tempfile::tempdir().unwrap();
    {
        let store = Store::open_in(data.path()).unwrap();
        for chat in 1..=CHATS {
            store.subscribe(10_000 + chat, "OTS", None, 0).unwrap();
        }
    }
    let api = fake_bot_api::FakeBotApi::start().await;
    let reminded =
        |rs: &[Recorded]| rs.iter().filter(|r| r.method == "sendMessage" && r.text().contains(OTS_TITLE)).count();
    // Five seconds after the 7-day reminder fell due; Telegram's limits (30/s) spread the
    // fan-out over about five seconds, and the bot is killed a second in.
    let mut first = spawn_bot(&api, data.path(), "2026-12-05T04:00:05Z");
    api.wait_until(Duration::from_secs(30), |rs| reminded(rs) >= 25).await;
    first.kill().unwrap();
    first.wait().unwrap();
    let at_kill = reminded(&api.requests());
    assert!(at_kill < CHATS as usize, "the fan-out finished before the kill");

    let mut second = spawn_bot(&api, data.path(), "2026-12-05T04:00:20Z");
    let store = Store::open_in(data.path()).unwrap();
    let deadline = std::time::Instant::now() + Duration::from_secs(40);
    let (received, unknown) = loop {
        let requests = api.requests();
        let mut received: Vec<i64> = requests
            .iter()
            .filter(|r| r.method == "sendMessage" && r.text().contains(OTS_TITLE))
            .filter_map(|r| r.chat_id())
            .collect();
        received.sort();
        let unknown = store.outbox_chats("unknown").unwrap().len() as u64;
        let mut distinct = received.clone();
        distinct.dedup();
        let sent = store.outbox_chats("sent").unwrap().len() as u64;
        if sent + unknown >= CHATS as u64 || std::time::Instant::now() > deadline {
            break (received, unknown);
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    second.kill().unwrap();
    second.wait().unwrap();
    let mut distinct = received.clone();
    distinct.dedup();
    assert_eq!(received.len(), distinct.len(), "a chat received the reminder twice");
    // Every chat got its reminder, except perhaps those whose send was in flight at the kill:
    // those rows are recorded as `unknown` (never re-sent), at most the sender's window of
    // concurrent sends.
    assert!(unknown <= 32, "{unknown} rows in flight at the kill");
    let in_flight = store.outbox_chats("unknown").unwrap();
    let mut covered: Vec<i64> = distinct.iter().copied().chain(in_flight).collect();
    covered.sort();
    covered.dedup();
    assert_eq!(covered, (1..=CHATS).map(|c| 10_000 + c).collect::<Vec<_>>(), "a reminder was lost silently");
    assert_eq!(store.outbox_chats("sent").unwrap().len() as u64 + unknown, CHATS as u64);
    assert_eq!(store.ledger().unwrap().len(), CHATS as usize, "one ledger row per chat");
}
