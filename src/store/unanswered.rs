//! Questions the bot could not answer well, for `/unanswered`: declined, answered unsure, or
//! marked not helpful. One row per normalised question with a repeat count; the question text
//! only, never who asked. Rows expire after the retention the caller gives.

use rusqlite::{params, OptionalExtension};

use super::{Store, StoreError};

/// Why a question is listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    Declined,
    Unsure,
    NotHelpful,
}

impl Reason {
    fn as_str(self) -> &'static str {
        match self {
            Reason::Declined => "declined",
            Reason::Unsure => "unsure",
            Reason::NotHelpful => "not_helpful",
        }
    }

    fn parse(text: &str) -> Reason {
        match text {
            "declined" => Reason::Declined,
            "unsure" => Reason::Unsure,
            _ => Reason::NotHelpful,
        }
    }
}

/// One listed question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unanswered {
    /// The latest wording.
    pub question: String,
    /// The latest reason.
    pub reason: Reason,
    /// How many times it was recorded.
    pub repeats: u64,
    /// Unix seconds of the latest time.
    pub last_at: i64,
}

/// The same question in other case, spacing or end punctuation has the same key.
fn key(question: &str) -> String {
    let words: Vec<String> = question.split_whitespace().map(str::to_lowercase).collect();
    words.join(" ").trim_end_matches(['?', '.', '!', '…', ' ']).to_string()
}

impl Store {
    /// Records `question` at unix second `now` (counting a repeat when it is already listed)
    /// and drops entries last seen before `expire_before`.
    pub fn record_unanswered(
        &self,
        question: &str,
        reason: Reason,
        now: i64,
        expire_before: i64,
    ) -> Result<(), StoreError> {
        self.transaction(|tx| {
            tx.execute("DELETE FROM unanswered WHERE last_at < ?1", [expire_before])?;
            tx.execute(
                "INSERT INTO unanswered (key, question, reason, repeats, first_at, last_at)
                 VALUES (?1, ?2, ?3, 1, ?4, ?4)
                 ON CONFLICT (key) DO UPDATE SET
                   question = excluded.question, reason = excluded.reason,
                   repeats = repeats + 1, last_at = excluded.last_at",
                params![key(question), question, reason.as_str(), now],
            )?;
            Ok(())
        })
    }

    /// At most `limit` entries last seen at or after `expire_before`, newest first, and how
    /// many there are in all.
    pub fn unanswered(&self, expire_before: i64, limit: usize) -> Result<(Vec<Unanswered>, u64), StoreError> {
        let conn = self.conn();
        conn.execute("DELETE FROM unanswered WHERE last_at < ?1", [expire_before])?;
        let total: i64 = conn.query_row("SELECT COUNT(*) FROM unanswered", [], |r| r.get(0))?;
        let mut statement = conn.prepare(
            "SELECT question, reason, repeats, last_at FROM unanswered ORDER BY last_at DESC, rowid DESC LIMIT ?1",
        )?;
        let rows = statement.query_map([limit as i64], |r| {
            Ok(Unanswered {
                question: r.get(0)?,
                reason: Reason::parse(&r.get::<_, String>(1)?),
                repeats: r.get::<_, i64>(2)? as u64,
                last_at: r.get(3)?,
            })
        })?;
        Ok((rows.collect::<Result<_, _>>()?, total as u64))
    }

    /// Empties the list; returns how many entries it held.
    pub fn clear_unanswered(&self) -> Result<u64, StoreError> {
        Ok(self.conn().execute("DELETE FROM unanswered", [])? as u64)
    }

    /// Whether `question` is listed (for tests and the feedback flow).
    pub fn is_unanswered(&self, question: &str) -> Result<bool, StoreError> {
        let found =
            self.conn().query_row("SELECT 1 FROM unanswered WHERE key = ?1", [key(question)], |_| Ok(())).optional()?;
        Ok(found.is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeats_are_counted_by_normalised_text_newest_first() {
        let store = Store::in_memory().unwrap();
        store.record_unanswered("Who won?", Reason::Declined, 10, 0).unwrap();
        store.record_unanswered("What is 5G", Reason::Unsure, 20, 0).unwrap();
        store.record_unanswered("  who   WON ", Reason::NotHelpful, 30, 0).unwrap();
        let (list, total) = store.unanswered(0, 10).unwrap();
        assert_eq!(total, 2);
        assert_eq!(list[0].question, "  who   WON ");
        assert_eq!((list[0].repeats, list[0].reason), (2, Reason::NotHelpful));
        assert_eq!((list[1].question.as_str(), list[1].repeats), ("What is 5G", 1));
    }

    #[test]
    fn old_entries_expire_and_clear_empties() {
        let store = Store::in_memory().unwrap();
        store.record_unanswered("old", Reason::Declined, 10, 0).unwrap();
        store.record_unanswered("new", Reason::Declined, 100, 0).unwrap();
        let (list, total) = store.unanswered(50, 10).unwrap();
        assert_eq!((list.len(), total), (1, 1));
        assert!(!store.is_unanswered("old").unwrap());
        assert_eq!(store.clear_unanswered().unwrap(), 1);
        assert_eq!(store.unanswered(0, 10).unwrap().1, 0);
    }
}
