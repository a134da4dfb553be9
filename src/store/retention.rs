//! Retention of delivery bookkeeping: handled updates in the inbox and finished rows of the
//! outbox are deleted a week after they were written, so the database of a busy bot stops
//! growing without bound.
//!
//! Only rows nothing reads again are deleted:
//! - an inbox row once handled, and only below the stored `getUpdates` offset: Telegram never
//!   sends those update ids again, so the offset (not the row) is what answers each update
//!   once from then on;
//! - an outbox row once `sent`, `failed`, `expired` or `unknown`; `pending` and `sending`
//!   rows (retries included) stay whatever their age.
//!
//! Everything else is kept: the counters (the offset among them), the reminder ledger (its
//! rows are what makes a reminder exactly-once; their `outbox_id` may then name a deleted
//! row, which nothing reads), subscriptions, the meeting snapshot, and the button memory
//! (`answer_message` maps Telegram message ids to questions on its own, without the outbox,
//! and is bounded by `buttons::REMEMBERED_QUESTIONS`).
//!
//! Deletes go in batches of [`BATCH`] rows, each its own short write, and a run stops after
//! [`BATCHES_PER_RUN`] of them per table, so the sender and the processor never wait long for
//! the write lock; a backlog (the first run on an old database) is worked off over the next
//! runs.

use std::sync::atomic::Ordering;

use rusqlite::params;

use super::{Store, StoreError};

/// How long handled updates and finished outbox rows are kept: a week, to look into a
/// delivery problem after the fact. A constant rather than a setting: nothing the bot says
/// depends on these rows, so there is nothing for an operator to tune.
pub const RETENTION_SECS: i64 = 7 * 24 * 3600;
/// How often [`Store::prune_if_due`] prunes.
pub const PRUNE_EVERY_SECS: i64 = 3600;
/// Rows deleted per statement: a few milliseconds of write lock.
const BATCH: i64 = 1000;
/// Batches per table in one run, at most.
const BATCHES_PER_RUN: usize = 20;

/// What one pruning run deleted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Pruned {
    /// Handled updates deleted from the inbox.
    pub inbox: usize,
    /// Finished rows deleted from the outbox.
    pub outbox: usize,
    /// Old rows remain that this run left for the next one.
    pub backlog: bool,
}

/// Deletes one batch of handled updates received before `before`, below the offset.
const PRUNE_INBOX: &str = "DELETE FROM inbox WHERE update_id IN (
     SELECT update_id FROM inbox
     WHERE done = 1 AND received_at < ?1
       AND update_id < (SELECT COALESCE(MAX(value), 0) FROM counter WHERE name = ?2)
     LIMIT ?3)";

/// Deletes one batch of finished outbox rows created before `before`. The states are those
/// `outbox.rs` ends a row in (`mark_part_sent`, `Finished`).
const PRUNE_OUTBOX: &str = "DELETE FROM outbox WHERE id IN (
     SELECT id FROM outbox
     WHERE state IN ('sent', 'failed', 'expired', 'unknown') AND created_at < ?1
     LIMIT ?2)";

impl Store {
    /// Deletes handled updates and finished outbox rows written before unix second `before`,
    /// at most [`BATCHES_PER_RUN`] batches per table.
    pub fn prune(&self, before: i64) -> Result<Pruned, StoreError> {
        let offset = super::updates::OFFSET;
        let (inbox, inbox_left) = self.in_batches(|conn| conn.execute(PRUNE_INBOX, params![before, offset, BATCH]))?;
        let (outbox, outbox_left) = self.in_batches(|conn| conn.execute(PRUNE_OUTBOX, params![before, BATCH]))?;
        Ok(Pruned { inbox, outbox, backlog: inbox_left || outbox_left })
    }

    /// Prunes rows older than [`RETENTION_SECS`] at unix second `now` when a run is due: at the
    /// first call (start-up), then every [`PRUNE_EVERY_SECS`], or at the next call while a
    /// backlog remains. `None` when no run was due. Cheap enough to call on every scheduler
    /// tick. A failed run is tried again an interval later, not on every tick.
    pub fn prune_if_due(&self, now: i64) -> Result<Option<Pruned>, StoreError> {
        let due_at = self.prune_due_at.load(Ordering::Relaxed);
        // Claiming the run with a compare-exchange lets two callers (the console's reminder
        // thread and its chat) share a store without pruning twice.
        if now < due_at
            || self
                .prune_due_at
                .compare_exchange(due_at, now.saturating_add(PRUNE_EVERY_SECS), Ordering::Relaxed, Ordering::Relaxed)
                .is_err()
        {
            return Ok(None);
        }
        let pruned = self.prune(now.saturating_sub(RETENTION_SECS))?;
        if pruned.backlog {
            self.prune_due_at.store(now, Ordering::Relaxed);
        }
        Ok(Some(pruned))
    }

    /// Runs `batch` (one `DELETE … LIMIT BATCH`) until it deletes less than a full batch or
    /// [`BATCHES_PER_RUN`] ran; the connection is released between batches so other work
    /// interleaves. Returns the rows deleted and whether the last batch was full.
    fn in_batches(
        &self,
        batch: impl Fn(&rusqlite::Connection) -> rusqlite::Result<usize>,
    ) -> Result<(usize, bool), StoreError> {
        let mut deleted = 0;
        for _ in 0..BATCHES_PER_RUN {
            let n = batch(&self.conn())?;
            deleted += n;
            if (n as i64) < BATCH {
                return Ok((deleted, false));
            }
        }
        Ok((deleted, true))
    }
}

#[cfg(test)]
mod tests;
