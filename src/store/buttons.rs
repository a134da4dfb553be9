//! The memory behind buttons: the question a "More results", "Sources" or suggestion button
//! refers to, tied to the chat it was asked in. Ids come from an AUTOINCREMENT column, so
//! they are never reused, across restarts too: an old button finds its own question or none.
//! The sent messages that answer a question are remembered too, so that a reply to one of
//! them follows up its question.

use rusqlite::{params, OptionalExtension};

use super::{Store, StoreError};

/// Questions kept for their buttons; older buttons report that they expired.
pub const REMEMBERED_QUESTIONS: i64 = 100_000;

/// A question behind buttons.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Remembered {
    pub question: String,
    pub suggestions: Vec<String>,
}

impl Store {
    /// Remembers `question` asked in `chat_id`; returns the id its buttons carry.
    pub fn remember_question(&self, chat_id: i64, remembered: &Remembered, now: i64) -> Result<u64, StoreError> {
        let suggestions = serde_json::to_string(&remembered.suggestions).expect("strings serialise");
        self.transaction(|tx| {
            tx.execute(
                "INSERT INTO button_question (chat_id, question, suggestions, created_at) VALUES (?1, ?2, ?3, ?4)",
                params![chat_id, remembered.question, suggestions, now],
            )?;
            let id = tx.last_insert_rowid();
            tx.execute("DELETE FROM button_question WHERE id <= ?1", [id - REMEMBERED_QUESTIONS])?;
            tx.execute("DELETE FROM answer_message WHERE question_id <= ?1", [id - REMEMBERED_QUESTIONS])?;
            Ok(id as u64)
        })
    }

    /// The latest question asked in `chat_id` at `since` or later, with when it was asked:
    /// what a follow-up builds on.
    pub fn last_question(&self, chat_id: i64, since: i64) -> Result<Option<(String, i64)>, StoreError> {
        let row = self
            .conn()
            .query_row(
                "SELECT question, created_at FROM button_question WHERE chat_id = ?1 ORDER BY id DESC LIMIT 1",
                [chat_id],
                |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)),
            )
            .optional()?;
        Ok(row.filter(|(_, at)| *at >= since))
    }

    /// Records that message `message_id`, sent in `chat_id`, answers question `question_id`.
    pub fn link_answer(&self, chat_id: i64, message_id: i32, question_id: u64) -> Result<(), StoreError> {
        self.conn().execute(
            "INSERT OR REPLACE INTO answer_message (chat_id, message_id, question_id) VALUES (?1, ?2, ?3)",
            params![chat_id, message_id, i64::try_from(question_id).unwrap_or(i64::MAX)],
        )?;
        Ok(())
    }

    /// The question that message `message_id` of `chat_id` answers, when it answers one that is
    /// still remembered.
    pub fn question_answered_by(&self, chat_id: i64, message_id: i32) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn()
            .query_row(
                "SELECT b.question FROM answer_message a JOIN button_question b ON b.id = a.question_id
                 WHERE a.chat_id = ?1 AND a.message_id = ?2 AND b.chat_id = ?1",
                params![chat_id, message_id],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// The question behind button id `id`, only when asked in `chat_id`.
    pub fn remembered_question(&self, id: u64, chat_id: i64) -> Result<Option<Remembered>, StoreError> {
        let Ok(id) = i64::try_from(id) else {
            return Ok(None);
        };
        let row: Option<(String, String)> = self
            .conn()
            .query_row(
                "SELECT question, suggestions FROM button_question WHERE id = ?1 AND chat_id = ?2",
                params![id, chat_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        Ok(row.map(|(question, suggestions)| Remembered {
            question,
            suggestions: serde_json::from_str(&suggestions).unwrap_or_default(),
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sent_answer_leads_back_to_its_question_in_its_own_chat_only() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open_in(dir.path()).unwrap();
        let q = |s: &str| Remembered { question: s.into(), suggestions: Vec::new() };
        let older = store.remember_question(1, &q("older"), 0).unwrap();
        store.remember_question(1, &q("newer"), 10).unwrap();
        store.link_answer(1, 41, older).unwrap();
        assert_eq!(store.question_answered_by(1, 41).unwrap().as_deref(), Some("older"));
        assert_eq!(store.question_answered_by(2, 41).unwrap(), None, "another chat's message");
        assert_eq!(store.question_answered_by(1, 42).unwrap(), None, "a message that answers nothing");
    }

    #[test]
    fn ids_are_tied_to_their_chat_and_never_reused_after_a_restart() {
        let dir = tempfile::tempdir().unwrap();
        let q = |s: &str| Remembered { question: s.into(), suggestions: vec!["x".into()] };
        let first = {
            let store = Store::open_in(dir.path()).unwrap();
            let id = store.remember_question(1, &q("first"), 0).unwrap();
            assert_eq!(store.remembered_question(id, 2).unwrap(), None);
            store.conn().execute("DELETE FROM button_question", []).unwrap();
            id
        };
        let store = Store::open_in(dir.path()).unwrap();
        let second = store.remember_question(1, &q("second"), 0).unwrap();
        assert!(second > first);
        assert_eq!(store.remembered_question(first, 1).unwrap(), None);
        assert_eq!(store.remembered_question(second, 1).unwrap(), Some(q("second")));
        assert_eq!(store.remembered_question(u64::MAX, 1).unwrap(), None);
    }

    #[test]
    fn the_last_question_is_the_chats_latest_and_only_when_recent() {
        let store = Store::in_memory().unwrap();
        let q = |s: &str| Remembered { question: s.into(), suggestions: Vec::new() };
        store.remember_question(1, &q("older"), 100).unwrap();
        store.remember_question(1, &q("latest"), 200).unwrap();
        store.remember_question(2, &q("other chat"), 300).unwrap();
        assert_eq!(store.last_question(1, 150).unwrap(), Some(("latest".into(), 200)));
        assert_eq!(store.last_question(1, 201).unwrap(), None, "too old to follow");
        assert_eq!(store.last_question(3, 0).unwrap(), None);
    }
}
