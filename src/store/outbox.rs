//! The outbox: every message the bot sends is written here first, in the same transaction
//! as the state that caused it, and one sender drains it (see `crate::delivery`). A crash
//! between the two leaves a row to send after the restart, never a silent loss.
//!
//! Producers call [`enqueue`] inside their own transaction and then wake the sender
//! (`delivery::Wake`); the sender reads the head row of each chat ([`Store::due`]) and records
//! every outcome.

use rusqlite::{params, OptionalExtension, Row, Transaction};

use super::{Store, StoreError};

/// What is sent first when several rows are due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Priority {
    /// The answer to a button press: the user is looking at the button.
    Button = 0,
    /// A reply to a person's message.
    Reply = 1,
    /// Reminders and announcements.
    Broadcast = 2,
}

impl Priority {
    fn from_i64(n: i64) -> Priority {
        match n {
            0 => Priority::Button,
            1 => Priority::Reply,
            _ => Priority::Broadcast,
        }
    }
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
    /// JSON of what to send (`delivery::Payload::to_json`).
    pub payload: String,
    /// Unix seconds before which it is not sent.
    pub not_before: i64,
    /// Unix seconds after which it is dropped unsent (and logged): an hour for a reply, the
    /// meeting's start for a reminder.
    pub expires_at: i64,
}

/// A pending row as the sender reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Due {
    pub id: i64,
    pub message: Outgoing,
    /// Failed attempts so far.
    pub attempts: u32,
    /// Parts of a long message already delivered.
    pub parts_sent: u32,
}

/// Adds `message` to the outbox inside `tx`; returns its row id. A message for a group that
/// has become a supergroup goes to the supergroup: an update from the old group may still be
/// handled after the move.
pub fn enqueue(tx: &Transaction<'_>, message: &Outgoing, now: i64) -> Result<i64, rusqlite::Error> {
    tx.execute(
        "INSERT INTO outbox (chat_id, thread_id, reply_to, priority, payload, not_before, expires_at, created_at)
         VALUES (COALESCE((SELECT migrated_to FROM chat WHERE id = ?1), ?1), ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
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

fn due_row(row: &Row<'_>) -> Result<Due, rusqlite::Error> {
    Ok(Due {
        id: row.get(0)?,
        message: Outgoing {
            chat_id: row.get(1)?,
            thread_id: row.get(2)?,
            reply_to: row.get(3)?,
            priority: Priority::from_i64(row.get(4)?),
            payload: row.get(5)?,
            not_before: row.get(6)?,
            expires_at: row.get(7)?,
        },
        attempts: row.get(8)?,
        parts_sent: row.get(9)?,
    })
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

    /// The next row of each chat that may be sent at `now` (the chat's first by priority,
    /// then age), most urgent first; at most `limit`. One row per chat, so a chat with a long
    /// queue never hides the others.
    pub fn due(&self, now: i64, limit: usize) -> Result<Vec<Due>, StoreError> {
        let conn = self.conn();
        let mut statement = conn.prepare_cached(
            // Walks the pending rows in send order and keeps a row only if no earlier due row of
            // its chat exists; both walk and check are index lookups, so a look costs about
            // `limit` rows however long the queue is (ranking every pending row made each look
            // O(queue) and delayed replies during a 10,000-chat fan-out).
            "SELECT o.id, o.chat_id, o.thread_id, o.reply_to, o.priority, o.payload, o.not_before, o.expires_at,
                    o.attempts, o.parts_sent
             FROM outbox o INDEXED BY outbox_send_order
             WHERE o.state = 'pending' AND o.not_before <= ?1
               AND NOT EXISTS (SELECT 1 FROM outbox p INDEXED BY outbox_chat_head
                               WHERE p.chat_id = o.chat_id AND p.state = 'pending' AND p.not_before <= ?1
                                 AND (p.priority, p.id) < (o.priority, o.id))
             ORDER BY o.priority, o.id LIMIT ?2",
        )?;
        let rows = statement.query_map(params![now, limit as i64], due_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The earliest `not_before` of a pending row still in the future.
    pub fn next_not_before(&self, now: i64) -> Result<Option<i64>, StoreError> {
        let at = self
            .conn()
            .query_row("SELECT MIN(not_before) FROM outbox WHERE state = 'pending' AND not_before > ?1", [now], |r| {
                r.get::<_, Option<i64>>(0)
            })
            .optional()?
            .flatten();
        Ok(at)
    }

    /// Marks a row as having a request under way (so a crash now leaves it `unknown`).
    pub fn mark_sending(&self, id: i64) -> Result<(), StoreError> {
        self.conn().execute("UPDATE outbox SET state = 'sending' WHERE id = ?1", [id])?;
        Ok(())
    }

    /// One more part of a row was delivered; the row is sent when it was the last.
    pub fn mark_part_sent(&self, id: i64, message_id: i32, last: bool, now: i64) -> Result<(), StoreError> {
        self.conn().execute(
            "UPDATE outbox SET parts_sent = parts_sent + 1, message_id = ?2, sent_at = ?3,
                    state = CASE WHEN ?4 THEN 'sent' ELSE 'pending' END
             WHERE id = ?1",
            params![id, message_id, now, last],
        )?;
        Ok(())
    }

    /// A failed attempt to retry: back to pending, not before `not_before`.
    pub fn retry_later(&self, id: i64, not_before: i64, error: &str) -> Result<(), StoreError> {
        self.conn().execute(
            "UPDATE outbox SET state = 'pending', attempts = attempts + 1, not_before = MAX(not_before, ?2),
                    last_error = ?3 WHERE id = ?1",
            params![id, not_before, error],
        )?;
        Ok(())
    }

    /// Ends a row without delivery: `failed` (refused), `expired` or `unknown`.
    pub fn finish(&self, id: i64, state: Finished, error: &str) -> Result<(), StoreError> {
        self.conn().execute(
            "UPDATE outbox SET state = ?2, last_error = ?3 WHERE id = ?1",
            params![id, state.as_str(), error],
        )?;
        Ok(())
    }

    /// Fails every pending row of a chat that refused the bot; returns how many.
    pub fn fail_chat(&self, chat_id: i64, error: &str) -> Result<usize, StoreError> {
        let n = self.conn().execute(
            "UPDATE outbox SET state = 'failed', last_error = ?2 WHERE chat_id = ?1 AND state IN ('pending', 'sending')",
            params![chat_id, error],
        )?;
        Ok(n)
    }

    /// Drops pending rows that expired before `now`; returns the ids (for the log).
    pub fn expire(&self, now: i64) -> Result<Vec<(i64, i64)>, StoreError> {
        let conn = self.conn();
        let mut statement = conn.prepare_cached(
            "UPDATE outbox SET state = 'expired' WHERE state = 'pending' AND expires_at < ?1 RETURNING id, chat_id",
        )?;
        let rows = statement.query_map([now], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// At start-up: rows that had a request under way when the process died. Replies to
    /// people are pending again (a likely loss is worse than an unlikely duplicate), but
    /// broadcasts are `unknown`: a reminder is promised exactly once, so one that Telegram may
    /// already have delivered is never repeated. Returns (re-queued, given up as unknown).
    pub fn recover_in_flight(&self) -> Result<(usize, usize), StoreError> {
        self.transaction(|tx| {
            let unknown = tx.execute(
                "UPDATE outbox SET state = 'unknown', last_error = 'the bot stopped during the request'
                 WHERE state = 'sending' AND priority >= ?1",
                [Priority::Broadcast as i64],
            )?;
            let pending = tx.execute(
                "UPDATE outbox SET state = 'pending', last_error = 'the bot stopped during the request' WHERE state = 'sending'",
                [],
            )?;
            Ok((pending, unknown))
        })
    }

    /// Takes every due row of `chat_id` out of the queue as sent and returns their payloads
    /// (JSON), oldest first: the console chat prints its own rows instead of sending them.
    pub fn take_due_for_chat(&self, chat_id: i64, now: i64) -> Result<Vec<String>, StoreError> {
        self.transaction(|tx| {
            let mut statement = tx.prepare(
                "UPDATE outbox SET state = 'sent', sent_at = ?2
                 WHERE chat_id = ?1 AND state = 'pending' AND not_before <= ?2 AND expires_at > ?2
                 RETURNING id, payload",
            )?;
            let mut rows: Vec<(i64, String)> = statement
                .query_map(params![chat_id, now], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<Result<_, _>>()?;
            rows.sort_by_key(|(id, _)| *id);
            Ok(rows.into_iter().map(|(_, payload)| payload).collect())
        })
    }

    /// The chats of outbox rows in `state`, for tests and diagnostics.
    pub fn outbox_chats(&self, state: &str) -> Result<Vec<i64>, StoreError> {
        let conn = self.conn();
        let mut statement = conn.prepare("SELECT chat_id FROM outbox WHERE state = ?1 ORDER BY chat_id")?;
        let rows = statement.query_map(params![state], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Counts rows by state, for tests and statistics.
    pub fn outbox_states(&self) -> Result<Vec<(String, u64)>, StoreError> {
        let conn = self.conn();
        let mut statement = conn.prepare("SELECT state, COUNT(*) FROM outbox GROUP BY state ORDER BY state")?;
        let rows = statement.query_map([], |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as u64)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

/// How a row ended without being delivered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Finished {
    /// Telegram refused it for good (blocked, bad request).
    Failed,
    /// It could not be delivered before `expires_at`.
    Expired,
    /// A request was made but its outcome never seen; not repeated, to avoid a duplicate.
    Unknown,
}

impl Finished {
    fn as_str(self) -> &'static str {
        match self {
            Finished::Failed => "failed",
            Finished::Expired => "expired",
            Finished::Unknown => "unknown",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reply(chat_id: i64, priority: Priority) -> Outgoing {
        Outgoing {
            chat_id,
            thread_id: None,
            reply_to: Some(3),
            priority,
            payload: "{}".into(),
            not_before: 0,
            expires_at: 3600,
        }
    }

    #[test]
    fn enqueued_rows_are_pending_until_sent() {
        let store = Store::in_memory().unwrap();
        store.enqueue(&reply(7, Priority::Reply), 0).unwrap();
        store.enqueue(&reply(7, Priority::Reply), 0).unwrap();
        assert_eq!(store.outbox_depth().unwrap(), 2);
    }

    #[test]
    fn due_gives_each_chat_its_head_row_most_urgent_first() {
        let store = Store::in_memory().unwrap();
        for _ in 0..50 {
            store.enqueue(&reply(1, Priority::Reply), 0).unwrap();
        }
        let broadcast = store.enqueue(&reply(2, Priority::Broadcast), 0).unwrap();
        let button = store.enqueue(&reply(1, Priority::Button), 0).unwrap();
        let other = store.enqueue(&reply(3, Priority::Reply), 0).unwrap();
        let due: Vec<i64> = store.due(10, 100).unwrap().into_iter().map(|d| d.id).collect();
        assert_eq!(due, [button, other, broadcast]);
    }

    #[test]
    fn outcomes_move_rows_out_of_the_queue() {
        let store = Store::in_memory().unwrap();
        let a = store.enqueue(&reply(1, Priority::Reply), 0).unwrap();
        let b = store.enqueue(&reply(2, Priority::Reply), 0).unwrap();
        let c = store.enqueue(&Outgoing { expires_at: 5, ..reply(3, Priority::Reply) }, 0).unwrap();
        store.mark_sending(a).unwrap();
        store.mark_part_sent(a, 10, false, 1).unwrap();
        assert_eq!(store.due(1, 10).unwrap()[0].parts_sent, 1, "a part sent keeps the row pending");
        store.mark_part_sent(a, 11, true, 1).unwrap();
        store.retry_later(b, 100, "timeout").unwrap();
        assert_eq!(store.next_not_before(1).unwrap(), Some(100));
        assert_eq!(store.expire(6).unwrap(), [(c, 3)]);
        assert!(store.due(6, 10).unwrap().is_empty());
        store.mark_sending(b).unwrap();
        assert_eq!(store.recover_in_flight().unwrap(), (1, 0));
        store.finish(b, Finished::Unknown, "timed out").unwrap();
        let states = store.outbox_states().unwrap();
        assert_eq!(states, [("expired".into(), 1), ("sent".into(), 1), ("unknown".into(), 1)]);
    }

    #[test]
    fn a_broadcast_in_flight_at_a_crash_is_never_repeated_but_a_reply_is() {
        let store = Store::in_memory().unwrap();
        let broadcast = store.enqueue(&reply(1, Priority::Broadcast), 0).unwrap();
        let answer = store.enqueue(&reply(2, Priority::Reply), 0).unwrap();
        store.mark_sending(broadcast).unwrap();
        store.mark_sending(answer).unwrap();
        assert_eq!(store.recover_in_flight().unwrap(), (1, 1));
        let due: Vec<i64> = store.due(10, 10).unwrap().into_iter().map(|d| d.id).collect();
        assert_eq!(due, [answer]);
        assert_eq!(store.outbox_chats("unknown").unwrap(), [1]);
    }

    #[test]
    fn the_console_takes_only_its_own_due_rows_once() {
        let store = Store::in_memory().unwrap();
        store.enqueue(&reply(1, Priority::Broadcast), 0).unwrap();
        store.enqueue(&reply(2, Priority::Broadcast), 0).unwrap();
        assert_eq!(store.take_due_for_chat(1, 10).unwrap().len(), 1);
        assert!(store.take_due_for_chat(1, 10).unwrap().is_empty());
        assert_eq!(store.due(10, 10).unwrap().len(), 1, "the other chat's row stays queued");
    }
}
