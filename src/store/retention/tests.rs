use super::*;
use crate::store::outbox::{Finished, Outgoing, Priority};
use crate::store::reminders::{self as ledger, Outcome};
use crate::store::updates::{self, Inbound};

/// Rows written at this second are old when pruning before `CUT`; rows at `RECENT` are not.
const OLD: i64 = 1_000;
const CUT: i64 = 2_000;
const RECENT: i64 = 3_000;

fn message(chat_id: i64) -> Outgoing {
    Outgoing {
        chat_id,
        thread_id: None,
        reply_to: None,
        priority: Priority::Reply,
        payload: "{}".into(),
        not_before: 0,
        expires_at: i64::MAX,
    }
}

/// One outbox row per way a row can stand, written at `at`; returns (state, id).
fn every_state(store: &Store, at: i64) -> Vec<(&'static str, i64)> {
    let row = |chat| store.enqueue(&message(chat), at).unwrap();
    let sent = row(1);
    store.mark_sending(sent).unwrap();
    store.mark_part_sent(sent, 10, true, at).unwrap();
    let finished = [("failed", Finished::Failed), ("expired", Finished::Expired), ("unknown", Finished::Unknown)];
    let mut rows = vec![("sent", sent)];
    for (chat, (name, state)) in (2..).zip(finished) {
        let id = row(chat);
        store.finish(id, state, "").unwrap();
        rows.push((name, id));
    }
    rows.push(("pending", row(5)));
    let sending = row(6);
    store.mark_sending(sending).unwrap();
    rows.push(("sending", sending));
    let retrying = row(7);
    store.retry_later(retrying, at + 60, "timeout").unwrap();
    rows.push(("retrying", retrying));
    rows
}

fn outbox_ids(store: &Store) -> Vec<i64> {
    let conn = store.conn();
    let mut statement = conn.prepare("SELECT id FROM outbox ORDER BY id").unwrap();
    let ids = statement.query_map([], |r| r.get(0)).unwrap();
    ids.collect::<Result<_, _>>().unwrap()
}

fn inbox_ids(store: &Store) -> Vec<i64> {
    let conn = store.conn();
    let mut statement = conn.prepare("SELECT update_id FROM inbox ORDER BY update_id").unwrap();
    let ids = statement.query_map([], |r| r.get(0)).unwrap();
    ids.collect::<Result<_, _>>().unwrap()
}

fn update(update_id: i64) -> Inbound {
    Inbound { update_id, chat_key: 10, body: "{}".into() }
}

#[test]
fn old_finished_outbox_rows_go_and_recent_or_unfinished_ones_stay() {
    let store = Store::in_memory().unwrap();
    let old = every_state(&store, OLD);
    let recent = every_state(&store, RECENT);
    let pruned = store.prune(CUT).unwrap();
    assert_eq!(pruned, Pruned { inbox: 0, outbox: 4, backlog: false });
    let kept: Vec<i64> = old
        .iter()
        .filter(|(state, _)| ["pending", "sending", "retrying"].contains(state))
        .chain(&recent)
        .map(|(_, id)| *id)
        .collect();
    let mut expected = kept.clone();
    expected.sort_unstable();
    assert_eq!(outbox_ids(&store), expected, "old rows were {old:?}");
}

#[test]
fn old_handled_updates_go_but_unhandled_ones_the_offset_and_counters_stay() {
    let store = Store::in_memory().unwrap();
    store.receive(&[update(1), update(2)], 3, OLD).unwrap();
    store.receive(&[update(3)], 4, RECENT).unwrap();
    store
        .transaction(|tx| {
            updates::mark_done(tx, 1)?;
            updates::mark_done(tx, 3)?;
            updates::add_to_counter(tx, "questions", 5)
        })
        .unwrap();
    assert_eq!(store.prune(CUT).unwrap(), Pruned { inbox: 1, outbox: 0, backlog: false });
    assert_eq!(inbox_ids(&store), [2, 3], "the unhandled and the recent update stay");
    assert_eq!(store.next_offset().unwrap(), 4);
    assert_eq!(store.counter("questions").unwrap(), 5);
    assert_eq!(store.inbox_heads(10).unwrap(), [update(2)], "the unhandled update is still handed out");
}

#[test]
fn an_update_the_offset_has_not_passed_is_never_pruned() {
    let store = Store::in_memory().unwrap();
    // Telegram may still send update 7 again: its row is what answers it once.
    store.receive(&[update(6), update(7)], 7, OLD).unwrap();
    store.transaction(|tx| updates::mark_done(tx, 6).and_then(|()| updates::mark_done(tx, 7))).unwrap();
    assert_eq!(store.prune(CUT).unwrap().inbox, 1);
    assert_eq!(inbox_ids(&store), [7]);
}

#[test]
fn a_reminder_sent_before_pruning_is_not_sent_again_after_it() {
    let store = Store::in_memory().unwrap();
    let id = store
        .transaction(|tx| {
            assert!(ledger::record(tx, "m@9", 86400, 7, Outcome::Sent, None, OLD)?);
            crate::store::outbox::enqueue(tx, &Outgoing { priority: Priority::Broadcast, ..message(7) }, OLD)
        })
        .unwrap();
    store.mark_part_sent(id, 1, true, OLD).unwrap();
    let before = store.ledger().unwrap();
    assert_eq!(store.prune(CUT).unwrap().outbox, 1);
    assert!(outbox_ids(&store).is_empty());
    assert_eq!(store.ledger().unwrap(), before, "the ledger is never pruned");
    let again = store.transaction(|tx| ledger::record(tx, "m@9", 86400, 7, Outcome::Sent, None, RECENT)).unwrap();
    assert!(!again, "the ledger still refuses the same reminder");
}

#[test]
fn pruning_runs_at_start_up_then_hourly_and_at_once_while_a_backlog_remains() {
    let store = Store::in_memory().unwrap();
    let now = OLD + RETENTION_SECS + 10;
    assert_eq!(store.prune_if_due(now).unwrap(), Some(Pruned::default()), "the first call prunes");
    assert_eq!(store.prune_if_due(now + 10).unwrap(), None);

    let rows = BATCH as usize * BATCHES_PER_RUN + 1;
    store
        .transaction(|tx| {
            for _ in 0..rows {
                let id = crate::store::outbox::enqueue(tx, &message(1), OLD)?;
                tx.execute("UPDATE outbox SET state = 'sent' WHERE id = ?1", [id])?;
            }
            Ok(())
        })
        .unwrap();
    let later = now + PRUNE_EVERY_SECS;
    let first = store.prune_if_due(later).unwrap().unwrap();
    assert_eq!((first.outbox, first.backlog), (rows - 1, true), "a run is bounded");
    let second = store.prune_if_due(later + 1).unwrap().unwrap();
    assert_eq!((second.outbox, second.backlog), (1, false), "a backlog is worked off on the next call");
    assert_eq!(store.prune_if_due(later + 2).unwrap(), None, "then an hour's rest");
}

#[test]
fn the_age_lookups_use_their_indexes() {
    let store = Store::in_memory().unwrap();
    let conn = store.conn();
    let plan = |sql: &str| -> String {
        let mut statement = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
        let zeros = vec![0i64; statement.parameter_count()];
        let details = statement.query_map(rusqlite::params_from_iter(zeros), |r| r.get::<_, String>(3)).unwrap();
        let details: Vec<String> = details.collect::<Result<_, _>>().unwrap();
        details.join("; ")
    };
    let inbox = plan(PRUNE_INBOX);
    assert!(inbox.contains("inbox_handled_age"), "{inbox}");
    let outbox = plan(PRUNE_OUTBOX);
    assert!(outbox.contains("outbox_finished_age"), "{outbox}");
}
