//! The chats the bot has talked to: kind, language, whether the chat still accepts the bot
//! (`active`, cleared on a 403) and where a group moved when it became a supergroup.
//! Reminders read [`Store::chat_active`] before enqueueing.

use rusqlite::{params, OptionalExtension, Transaction};

use super::{Store, StoreError};

/// Records that `chat_id` wrote to the bot: it exists, accepts the bot, and speaks `language`.
pub fn seen(tx: &Transaction<'_>, chat_id: i64, kind: &str, language: Option<&str>, now: i64) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO chat (id, kind, language, active, updated_at) VALUES (?1, ?2, ?3, 1, ?4)
         ON CONFLICT (id) DO UPDATE SET kind = ?2, language = COALESCE(?3, language), active = 1, updated_at = ?4",
        params![chat_id, kind, language, now],
    )?;
    Ok(())
}

impl Store {
    /// Whether the bot may write to `chat_id`: unknown chats are assumed to accept it.
    pub fn chat_active(&self, chat_id: i64) -> Result<bool, StoreError> {
        let active: Option<bool> = self
            .conn()
            .query_row("SELECT active AND migrated_to IS NULL FROM chat WHERE id = ?1", [chat_id], |r| r.get(0))
            .optional()?;
        Ok(active.unwrap_or(true))
    }

    /// The chat refused the bot (blocked it, kicked it, was deleted): no more sends to it
    /// until it writes again.
    pub fn deactivate_chat(&self, chat_id: i64, now: i64) -> Result<(), StoreError> {
        self.conn().execute(
            "INSERT INTO chat (id, kind, active, updated_at) VALUES (?1, 'unknown', 0, ?2)
             ON CONFLICT (id) DO UPDATE SET active = 0, updated_at = ?2",
            params![chat_id, now],
        )?;
        Ok(())
    }

    /// A group became the supergroup `to`: its record and its unsent rows follow it.
    pub fn migrate_chat(&self, from: i64, to: i64, now: i64) -> Result<(), StoreError> {
        self.transaction(|tx| {
            tx.execute(
                "INSERT INTO chat (id, kind, language, active, updated_at)
                 SELECT ?2, 'group', language, 1, ?3 FROM chat WHERE id = ?1
                 ON CONFLICT (id) DO NOTHING",
                params![from, to, now],
            )?;
            tx.execute(
                "INSERT INTO chat (id, kind, active, migrated_to, updated_at) VALUES (?1, 'group', 0, ?2, ?3)
                 ON CONFLICT (id) DO UPDATE SET migrated_to = ?2, active = 0, updated_at = ?3",
                params![from, to, now],
            )?;
            tx.execute(
                "UPDATE outbox SET chat_id = ?2, state = 'pending'
                 WHERE chat_id = ?1 AND state IN ('pending', 'sending')",
                params![from, to],
            )?;
            tx.execute("UPDATE button_question SET chat_id = ?2 WHERE chat_id = ?1", params![from, to])?;
            // The group's subscriptions, lead times and the reminders it already got move with
            // it: without the ledger rows, a reminder sent to the old id would go out again.
            // Rows the supergroup already has win.
            for (table, columns) in [
                ("subscription", "organization, language, active, created_at"),
                ("reminder_leads", "leads, updated_at"),
                ("reminder_ledger", "meeting, lead, outcome, outbox_id, created_at"),
            ] {
                tx.execute(
                    &format!(
                        "INSERT OR IGNORE INTO {table} (chat_id, {columns})
                         SELECT ?2, {columns} FROM {table} WHERE chat_id = ?1"
                    ),
                    params![from, to],
                )?;
                tx.execute(&format!("DELETE FROM {table} WHERE chat_id = ?1"), params![from])?;
            }
            Ok(())
        })
    }

    /// Where `chat_id` moved, if it became a supergroup.
    pub fn migrated_to(&self, chat_id: i64) -> Result<Option<i64>, StoreError> {
        let to = self
            .conn()
            .query_row("SELECT migrated_to FROM chat WHERE id = ?1", [chat_id], |r| r.get::<_, Option<i64>>(0))
            .optional()?
            .flatten();
        Ok(to)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refusing_chat_is_inactive_until_it_writes_again() {
        let store = Store::in_memory().unwrap();
        assert!(store.chat_active(5).unwrap());
        store.deactivate_chat(5, 1).unwrap();
        assert!(!store.chat_active(5).unwrap());
        store.transaction(|tx| seen(tx, 5, "private", Some("ru"), 2)).unwrap();
        assert!(store.chat_active(5).unwrap());
    }

    #[test]
    fn a_migrated_group_takes_its_rows_along() {
        let store = Store::in_memory().unwrap();
        store.transaction(|tx| seen(tx, -5, "group", Some("ru"), 1)).unwrap();
        let row = crate::store::outbox::Outgoing {
            chat_id: -5,
            thread_id: None,
            reply_to: None,
            priority: crate::store::outbox::Priority::Reply,
            payload: "{}".into(),
            not_before: 0,
            expires_at: 99,
        };
        store.enqueue(&row, 0).unwrap();
        store.subscribe(-5, "OTS", Some("ru"), 0).unwrap();
        store
            .transaction(|tx| {
                crate::store::reminders::record(tx, "m@1", 86_400, -5, crate::store::reminders::Outcome::Sent, None, 0)
                    .map(|_| ())
            })
            .unwrap();
        store.migrate_chat(-5, -1005, 2).unwrap();
        // Its subscriptions and the reminders it already got move with it.
        assert_eq!(store.subscriptions_of(-1005).unwrap(), ["OTS"]);
        assert!(store.subscriptions_of(-5).unwrap().is_empty());
        assert_eq!(store.ledger_of("m@1").unwrap().into_iter().collect::<Vec<_>>(), [(86_400, -1005)]);
        assert_eq!(store.migrated_to(-5).unwrap(), Some(-1005));
        assert!(!store.chat_active(-5).unwrap());
        assert!(store.chat_active(-1005).unwrap());
        assert_eq!(store.due(1, 10).unwrap()[0].message.chat_id, -1005);
        // A reply to an update from the old group, handled after the move, follows it too.
        store.enqueue(&row, 3).unwrap();
        assert!(store.due(4, 10).unwrap().iter().all(|r| r.message.chat_id == -1005));
    }
}
