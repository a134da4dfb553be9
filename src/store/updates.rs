//! The inbox of Telegram updates: each fetched batch is stored with the next `getUpdates`
//! offset in one transaction before that offset confirms the batch to Telegram, so a crash
//! loses no update, and an update delivered twice is stored (and answered) once.

use rusqlite::{params, OptionalExtension, Transaction};

use super::{Store, StoreError};

/// The counter holding the next `getUpdates` offset.
pub(super) const OFFSET: &str = "telegram.offset";

/// One fetched update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inbound {
    pub update_id: i64,
    /// Updates with the same key are handled in order, one at a time (the chat, or the user
    /// for inline queries).
    pub chat_key: i64,
    /// The update as JSON.
    pub body: String,
}

impl Store {
    /// Stores a fetched batch and the offset that confirms it; returns how many were new.
    pub fn receive(&self, batch: &[Inbound], next_offset: i64, now: i64) -> Result<usize, StoreError> {
        self.transaction(|tx| {
            let mut fresh = 0;
            for update in batch {
                fresh += tx.execute(
                    "INSERT OR IGNORE INTO inbox (update_id, chat_key, body, received_at) VALUES (?1, ?2, ?3, ?4)",
                    params![update.update_id, update.chat_key, update.body, now],
                )?;
            }
            set_counter(tx, OFFSET, next_offset)?;
            Ok(fresh)
        })
    }

    /// The offset for the next `getUpdates` (0 on first start).
    pub fn next_offset(&self) -> Result<i64, StoreError> {
        self.counter(OFFSET)
    }

    /// The oldest unhandled update of each chat, oldest first; at most `limit`.
    pub fn inbox_heads(&self, limit: usize) -> Result<Vec<Inbound>, StoreError> {
        let conn = self.conn();
        let mut statement = conn.prepare_cached(
            "SELECT update_id, chat_key, body FROM inbox
             WHERE done = 0 AND update_id IN (SELECT MIN(update_id) FROM inbox WHERE done = 0 GROUP BY chat_key)
             ORDER BY update_id LIMIT ?1",
        )?;
        let rows = statement.query_map([limit as i64], |r| {
            Ok(Inbound { update_id: r.get(0)?, chat_key: r.get(1)?, body: r.get(2)? })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Updates not yet handled.
    pub fn inbox_depth(&self) -> Result<u64, StoreError> {
        let n: i64 = self.conn().query_row("SELECT COUNT(*) FROM inbox WHERE done = 0", [], |r| r.get(0))?;
        Ok(n as u64)
    }

    /// A persisted counter (0 when never set).
    pub fn counter(&self, name: &str) -> Result<i64, StoreError> {
        let value =
            self.conn().query_row("SELECT value FROM counter WHERE name = ?1", [name], |r| r.get(0)).optional()?;
        Ok(value.unwrap_or(0))
    }
}

/// Marks `update_id` handled, inside the transaction that enqueues its replies.
pub fn mark_done(tx: &Transaction<'_>, update_id: i64) -> rusqlite::Result<()> {
    tx.execute("UPDATE inbox SET done = 1 WHERE update_id = ?1", [update_id])?;
    Ok(())
}

/// Sets a persisted counter.
pub fn set_counter(tx: &Transaction<'_>, name: &str, value: i64) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO counter (name, value) VALUES (?1, ?2) ON CONFLICT (name) DO UPDATE SET value = ?2",
        params![name, value],
    )?;
    Ok(())
}

/// Adds `by` to a persisted counter.
pub fn add_to_counter(tx: &Transaction<'_>, name: &str, by: i64) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO counter (name, value) VALUES (?1, ?2) ON CONFLICT (name) DO UPDATE SET value = value + ?2",
        params![name, by],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn update(update_id: i64, chat_key: i64) -> Inbound {
        Inbound { update_id, chat_key, body: format!("{{\"update_id\":{update_id}}}") }
    }

    #[test]
    fn a_redelivered_update_is_stored_once_and_heads_are_per_chat() {
        let store = Store::in_memory().unwrap();
        assert_eq!(store.next_offset().unwrap(), 0);
        assert_eq!(store.receive(&[update(1, 10), update(2, 10), update(3, 20)], 4, 0).unwrap(), 3);
        assert_eq!(store.receive(&[update(2, 10), update(3, 20), update(4, 10)], 5, 0).unwrap(), 1);
        assert_eq!(store.next_offset().unwrap(), 5);
        let heads: Vec<i64> = store.inbox_heads(10).unwrap().into_iter().map(|u| u.update_id).collect();
        assert_eq!(heads, [1, 3]);
        store.transaction(|tx| mark_done(tx, 1)).unwrap();
        let heads: Vec<i64> = store.inbox_heads(10).unwrap().into_iter().map(|u| u.update_id).collect();
        assert_eq!(heads, [2, 3]);
        assert_eq!(store.inbox_depth().unwrap(), 3);
    }
}
