//! The outbox: every message the bot sends is written here first, in the same transaction
//! as the state that caused it, and one sender drains it (see `crate::delivery`). A crash
//! between the two leaves a row to send after the restart, never a silent loss.

use rusqlite::{params, Transaction};

use super::{Store, StoreError};

/// What is sent first when several rows are due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Priority {
    /// The answer to a button press: the user is looking at the button.
    Button = 0,
    /// A reply to a person's message.
    Reply = 1,
    /// Reminders and announcements.
    Broadcast = 2,
}

/// A message waiting to be sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outgoing {
    pub chat_id: i64,
    /// The forum topic it belongs to.
    pub thread_id: Option<i32>,
    /// The message it answers, quoted when sent.
    pub reply_to: Option<i32>,
    pub priority: Priority,
    /// JSON of what to send; its shape belongs to the delivery layer.
    pub payload: String,
    /// Unix seconds before which it is not sent.
    pub not_before: i64,
    /// Unix seconds after which it is dropped unsent (and logged).
    pub expires_at: i64,
}

/// Adds `message` to the outbox inside `tx`; returns its row id.
pub fn enqueue(tx: &Transaction<'_>, message: &Outgoing, now: i64) -> Result<i64, rusqlite::Error> {
    tx.execute(
        "INSERT INTO outbox (chat_id, thread_id, reply_to, priority, payload, not_before, expires_at, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            message.chat_id,
            message.thread_id,
            message.reply_to,
            message.priority as i64,
            message.payload,
            message.not_before,
            message.expires_at,
            now
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

impl Store {
    /// Adds one message to the outbox in a transaction of its own.
    pub fn enqueue(&self, message: &Outgoing, now: i64) -> Result<i64, StoreError> {
        self.transaction(|tx| enqueue(tx, message, now))
    }

    /// Rows waiting to be sent.
    pub fn outbox_depth(&self) -> Result<u64, StoreError> {
        let n: i64 = self.conn().query_row("SELECT COUNT(*) FROM outbox WHERE state = 'pending'", [], |r| r.get(0))?;
        Ok(n as u64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enqueued_rows_are_pending_until_sent() {
        let store = Store::in_memory().unwrap();
        let message = Outgoing {
            chat_id: 7,
            thread_id: None,
            reply_to: Some(3),
            priority: Priority::Reply,
            payload: "{}".into(),
            not_before: 0,
            expires_at: 3600,
        };
        store.enqueue(&message, 0).unwrap();
        store.enqueue(&message, 0).unwrap();
        assert_eq!(store.outbox_depth().unwrap(), 2);
    }
}
