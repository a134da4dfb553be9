//! The reminder ledger (one row per meeting occurrence, lead and chat, so nothing is sent
//! twice), and the snapshot of meetings the scheduler compares a reload with.

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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ledger_refuses_a_second_row_for_the_same_reminder() {
        let store = Store::in_memory().unwrap();
        let first = store.transaction(|tx| record(tx, "m@1", 86400, 7, Outcome::Sent, None, 0)).unwrap();
        let again = store.transaction(|tx| record(tx, "m@1", 86400, 7, Outcome::Sent, None, 0)).unwrap();
        assert!(first && !again);
        assert_eq!(store.ledger_of("m@1").unwrap(), HashSet::from([(86400, 7)]));
    }
}
