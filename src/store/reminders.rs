//! The reminder ledger (one row per meeting occurrence, lead and chat, so nothing is sent
//! twice), the snapshot of meetings the scheduler compares a reload with, and the interim
//! claim/outcome queries the console chat uses to print its own outbox rows.

use std::collections::{BTreeMap, HashSet};

use rusqlite::{params, OptionalExtension, Transaction};

use super::{Store, StoreError};

/// What the ledger says about one (meeting, lead, chat).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The reminder was put in the outbox.
    Sent,
    /// A later lead was due as well (catch-up after downtime), so this one was not sent.
    Skipped,
}

impl Outcome {
    fn as_str(self) -> &'static str {
        match self {
            Outcome::Sent => "sent",
            Outcome::Skipped => "skipped",
        }
    }
}

/// Records `outcome` for (`meeting`, `lead`, `chat_id`) inside `tx`; false when the ledger
/// already had it (then the caller must not enqueue anything).
pub fn record(
    tx: &Transaction<'_>,
    meeting: &str,
    lead: i64,
    chat_id: i64,
    outcome: Outcome,
    outbox_id: Option<i64>,
    now: i64,
) -> Result<bool, rusqlite::Error> {
    let inserted = tx.execute(
        "INSERT OR IGNORE INTO reminder_ledger (meeting, lead, chat_id, outcome, outbox_id, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![meeting, lead, chat_id, outcome.as_str(), outbox_id, now],
    )?;
    Ok(inserted == 1)
}

/// Replaces the meeting snapshot inside `tx` and marks it taken.
pub fn save_snapshot(
    tx: &Transaction<'_>,
    snapshot: &BTreeMap<String, String>,
    now: i64,
) -> Result<(), rusqlite::Error> {
    tx.execute("DELETE FROM meeting_snapshot", [])?;
    let mut insert = tx.prepare("INSERT INTO meeting_snapshot (id, fingerprint) VALUES (?1, ?2)")?;
    for (id, fingerprint) in snapshot {
        insert.execute(params![id, fingerprint])?;
    }
    tx.execute("INSERT OR REPLACE INTO meeting_snapshot_state (id, taken_at) VALUES (1, ?1)", params![now])?;
    Ok(())
}

/// An outbox row claimed for sending.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claimed {
    pub id: i64,
    pub chat_id: i64,
    pub payload: String,
}

impl Store {
    /// The (lead, chat) pairs the ledger holds for one meeting occurrence.
    pub fn ledger_of(&self, meeting: &str) -> Result<HashSet<(i64, i64)>, StoreError> {
        let conn = self.conn();
        let mut statement = conn.prepare("SELECT lead, chat_id FROM reminder_ledger WHERE meeting = ?1")?;
        let rows = statement.query_map(params![meeting], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Ledger rows, for tests and diagnostics: (meeting, lead, chat, outcome).
    pub fn ledger(&self) -> Result<Vec<(String, i64, i64, String)>, StoreError> {
        let conn = self.conn();
        let mut statement = conn
            .prepare("SELECT meeting, lead, chat_id, outcome FROM reminder_ledger ORDER BY meeting, lead, chat_id")?;
        let rows = statement.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The meeting snapshot, or `None` before the first one was taken.
    pub fn snapshot(&self) -> Result<Option<BTreeMap<String, String>>, StoreError> {
        let conn = self.conn();
        let taken: Option<i64> =
            conn.query_row("SELECT taken_at FROM meeting_snapshot_state WHERE id = 1", [], |r| r.get(0)).optional()?;
        if taken.is_none() {
            return Ok(None);
        }
        let mut statement = conn.prepare("SELECT id, fingerprint FROM meeting_snapshot")?;
        let rows = statement.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(Some(rows.collect::<Result<_, _>>()?))
    }

    /// Claims up to `limit` due rows, highest priority and oldest first, marking them
    /// `sending` before anything goes out.
    pub fn claim_outbox(&self, now: i64, limit: usize, chat: Option<i64>) -> Result<Vec<Claimed>, StoreError> {
        self.transaction(|tx| {
            let mut statement = tx.prepare(
                "SELECT id, chat_id, payload FROM outbox
                 WHERE state = 'pending' AND not_before <= ?1 AND expires_at > ?1 AND (?3 IS NULL OR chat_id = ?3)
                 ORDER BY priority, not_before, id LIMIT ?2",
            )?;
            let rows = statement.query_map(params![now, limit as i64, chat], |r| {
                Ok(Claimed { id: r.get(0)?, chat_id: r.get(1)?, payload: r.get(2)? })
            })?;
            let claimed: Vec<Claimed> = rows.collect::<Result<_, _>>()?;
            for row in &claimed {
                tx.execute(
                    "UPDATE outbox SET state = 'sending', attempts = attempts + 1 WHERE id = ?1",
                    params![row.id],
                )?;
            }
            Ok(claimed)
        })
    }

    /// Records how sending a claimed row ended: `sent` (with the message id), `failed`, or
    /// back to `pending` after `retry_at` for a transient failure.
    pub fn finish_outbox(
        &self,
        id: i64,
        result: Result<Option<i32>, (bool, String)>,
        now: i64,
    ) -> Result<(), StoreError> {
        let conn = self.conn();
        match result {
            Ok(message_id) => conn.execute(
                "UPDATE outbox SET state = 'sent', sent_at = ?2, message_id = ?3 WHERE id = ?1",
                params![id, now, message_id],
            )?,
            Err((true, error)) => conn.execute(
                "UPDATE outbox SET state = 'pending', not_before = ?2, last_error = ?3 WHERE id = ?1",
                params![id, now + 5, error],
            )?,
            Err((false, error)) => {
                conn.execute("UPDATE outbox SET state = 'failed', last_error = ?2 WHERE id = ?1", params![id, error])?
            }
        };
        Ok(())
    }

    /// The chats of outbox rows in `state`, for tests and diagnostics.
    pub fn outbox_chats(&self, state: &str) -> Result<Vec<i64>, StoreError> {
        let conn = self.conn();
        let mut statement = conn.prepare("SELECT chat_id FROM outbox WHERE state = ?1 ORDER BY chat_id")?;
        let rows = statement.query_map(params![state], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::outbox::{enqueue, Outgoing, Priority};

    #[test]
    fn the_ledger_refuses_a_second_row_for_the_same_reminder() {
        let store = Store::in_memory().unwrap();
        let first = store.transaction(|tx| record(tx, "m@1", 86400, 7, Outcome::Sent, None, 0)).unwrap();
        let again = store.transaction(|tx| record(tx, "m@1", 86400, 7, Outcome::Sent, None, 0)).unwrap();
        assert!(first && !again);
        assert_eq!(store.ledger_of("m@1").unwrap(), HashSet::from([(86400, 7)]));
    }

    #[test]
    fn claimed_rows_are_never_sent_again_after_a_crash() {
        let store = Store::in_memory().unwrap();
        let row = |chat_id| Outgoing {
            chat_id,
            thread_id: None,
            reply_to: None,
            priority: Priority::Broadcast,
            payload: "{}".into(),
            not_before: 0,
            expires_at: 100,
        };
        store.transaction(|tx| enqueue(tx, &row(1), 0).and_then(|_| enqueue(tx, &row(2), 0))).unwrap();
        let claimed = store.claim_outbox(10, 1, None).unwrap();
        assert_eq!(claimed.len(), 1);
        assert_eq!(store.recover_in_flight().unwrap(), 1);
        let rest = store.claim_outbox(10, 10, None).unwrap();
        assert_eq!(rest.iter().map(|c| c.chat_id).collect::<Vec<_>>(), [2]);
        store.finish_outbox(rest[0].id, Ok(Some(5)), 11).unwrap();
        assert_eq!(store.outbox_chats("sent").unwrap(), [2]);
        assert_eq!(store.outbox_chats("unknown").unwrap(), [1]);
    }
}
