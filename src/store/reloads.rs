//! What the admin operations remember besides statistics: the log of knowledge reloads (for
//! `/stats`), and the admins' private chats, so a failed automatic reload can be reported to
//! the admins who have started the bot.

use rusqlite::{params, OptionalExtension};

use super::{Store, StoreError};

/// One reload and its outcome.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReloadRecord {
    /// Unix seconds.
    pub at: i64,
    /// `command`, `signal` or `watch`.
    pub trigger: String,
    pub ok: bool,
    /// Counts on success, the number of problems on failure.
    pub summary: String,
}

impl Store {
    /// Logs one reload.
    pub fn log_reload(&self, record: &ReloadRecord) -> Result<(), StoreError> {
        self.conn().execute(
            "INSERT INTO reload_log (at, trigger, ok, summary) VALUES (?1, ?2, ?3, ?4)",
            params![record.at, record.trigger, record.ok, record.summary],
        )?;
        Ok(())
    }

    /// The latest reload, if any.
    pub fn last_reload(&self) -> Result<Option<ReloadRecord>, StoreError> {
        Ok(self
            .conn()
            .query_row("SELECT at, trigger, ok, summary FROM reload_log ORDER BY id DESC LIMIT 1", [], |r| {
                Ok(ReloadRecord { at: r.get(0)?, trigger: r.get(1)?, ok: r.get(2)?, summary: r.get(3)? })
            })
            .optional()?)
    }

    /// Notes that the user `user_id` talks to the bot in private (their chat id is their user
    /// id), in `language`.
    pub fn remember_private_chat(&self, user_id: u64, language: Option<&str>, now: i64) -> Result<(), StoreError> {
        self.conn().execute(
            "INSERT INTO chat (id, kind, language, updated_at) VALUES (?1, 'private', ?2, ?3)
             ON CONFLICT (id) DO UPDATE SET language = excluded.language, active = 1, updated_at = excluded.updated_at",
            params![user_id as i64, language, now],
        )?;
        Ok(())
    }

    /// The private chats among `user_ids` that are known and active, with their language.
    pub fn private_chats(
        &self,
        user_ids: impl IntoIterator<Item = u64>,
    ) -> Result<Vec<(i64, Option<String>)>, StoreError> {
        let conn = self.conn();
        let mut statement =
            conn.prepare("SELECT id, language FROM chat WHERE id = ?1 AND kind = 'private' AND active = 1")?;
        let mut chats = Vec::new();
        for id in user_ids {
            if let Some(chat) = statement.query_row([id as i64], |r| Ok((r.get(0)?, r.get(1)?))).optional()? {
                chats.push(chat);
            }
        }
        Ok(chats)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_reload_is_the_latest_logged() {
        let store = Store::in_memory().unwrap();
        assert_eq!(store.last_reload().unwrap(), None);
        for (at, ok) in [(1, true), (2, false)] {
            let record = ReloadRecord { at, trigger: "watch".into(), ok, summary: "s".into() };
            store.log_reload(&record).unwrap();
        }
        let last = store.last_reload().unwrap().unwrap();
        assert_eq!((last.at, last.ok), (2, false));
    }

    #[test]
    fn only_known_private_chats_of_the_given_users_are_listed() {
        let store = Store::in_memory().unwrap();
        store.remember_private_chat(7, Some("ru"), 0).unwrap();
        store.remember_private_chat(7, Some("en"), 1).unwrap();
        store.remember_private_chat(9, None, 0).unwrap();
        assert_eq!(store.private_chats([7, 8]).unwrap(), [(7, Some("en".to_string()))]);
    }
}
