//! Retention across a restart: the scheduler prunes old inbox and outbox rows at start-up,
//! and a reminder whose outbox row was pruned is still never sent again (the ledger stays).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, Utc};
use ictbot::clock::ManualClock;
use ictbot::conversation::{Conversation, Settings};
use ictbot::knowledge;
use ictbot::reminders::Scheduler;
use ictbot::search::Engine;
use ictbot::store::updates::{mark_done, Inbound};
use ictbot::store::Store;

const CHAT: i64 = 901;
/// The OTS meeting of the fixture is on 12 December 2026 (09:00 Almaty = 04:00 UTC); this
/// chat wants its reminder 30 days ahead, so it falls due on 12 November.
const LEAD_SECS: i64 = 30 * 24 * 3600;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reminders")
}

fn at(moment: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(moment).unwrap().with_timezone(&Utc)
}

/// The bot's scheduler over the reminders fixture, its store in `data`, its clock at `now`:
/// what `serve` starts with.
fn start(data: &Path, now: &str) -> (Arc<Store>, Scheduler) {
    let store = Arc::new(Store::open_in(data).unwrap());
    let settings = Settings {
        knowledge_dir: fixture(),
        admin_ids: BTreeSet::new(),
        timezone: chrono_tz::Asia::Almaty,
        today: None,
    };
    let engine = Engine::build(knowledge::load(&fixture()).unwrap()).unwrap();
    let clock = Arc::new(ManualClock::new(at(now)));
    let conversation = Conversation::new(engine, settings).with_store(store.clone()).with_clock(clock);
    (store, Scheduler::new(Arc::new(conversation)))
}

#[test]
fn a_restart_a_week_later_prunes_old_rows_and_never_repeats_a_reminder() {
    let data = tempfile::tempdir().unwrap();
    {
        let (store, scheduler) = start(data.path(), "2026-11-12T05:00:00Z");
        store.subscribe(CHAT, "OTS", None, 0).unwrap();
        store.set_leads(CHAT, &[LEAD_SECS], 0).unwrap();
        let update = Inbound { update_id: 1, chat_key: CHAT, body: "{}".into() };
        store.receive(&[update], 2, at("2026-11-12T05:00:00Z").timestamp()).unwrap();
        store.transaction(|tx| mark_done(tx, 1)).unwrap();
        assert_eq!(scheduler.tick().unwrap().reminders, 1);
        let now = at("2026-11-12T05:00:01Z").timestamp();
        assert_eq!(store.take_due_for_chat(CHAT, now).unwrap().len(), 1, "the reminder went out");
    }

    // Eight days later the 30-day reminder is still the latest overdue one, so only the
    // ledger stands between it and a second copy.
    let (store, scheduler) = start(data.path(), "2026-11-20T05:00:00Z");
    let report = scheduler.tick().unwrap();
    assert_eq!(report.reminders, 0, "{report:?}");
    assert_eq!(store.outbox_states().unwrap(), [], "the sent reminder's row was pruned at start-up");
    let file = rusqlite::Connection::open(data.path().join(ictbot::store::FILE_NAME)).unwrap();
    let inbox: i64 = file.query_row("SELECT COUNT(*) FROM inbox", [], |r| r.get(0)).unwrap();
    assert_eq!(inbox, 0, "the handled update was pruned");
    assert_eq!(store.next_offset().unwrap(), 2, "the offset is never pruned");
    let ledger = store.ledger().unwrap();
    assert_eq!(ledger.len(), 1, "{ledger:?}");
    assert_eq!((ledger[0].1, ledger[0].2, ledger[0].3.as_str()), (LEAD_SECS, CHAT, "sent"));
}
