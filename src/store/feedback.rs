//! 👍/👎 presses under answers: one vote per person and answer, so pressing twice does not
//! count twice, and pressing the other button changes the vote.

use rusqlite::{params, OptionalExtension};

use super::{Store, StoreError};

/// Counts of votes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FeedbackCounts {
    pub helpful: u64,
    pub not_helpful: u64,
}

impl Store {
    /// Records the vote `vote` (naming the answer and the person) at unix second `now`.
    /// Returns whether it is new or changed, so a repeated press does nothing more.
    pub fn record_feedback(&self, vote: &str, helpful: bool, now: i64) -> Result<bool, StoreError> {
        self.transaction(|tx| {
            let before: Option<bool> =
                tx.query_row("SELECT helpful FROM feedback WHERE vote = ?1", [vote], |r| r.get(0)).optional()?;
            if before == Some(helpful) {
                return Ok(false);
            }
            tx.execute(
                "INSERT INTO feedback (vote, helpful, at) VALUES (?1, ?2, ?3)
                 ON CONFLICT (vote) DO UPDATE SET helpful = excluded.helpful, at = excluded.at",
                params![vote, helpful, now],
            )?;
            Ok(true)
        })
    }

    /// Votes in all.
    pub fn feedback_counts(&self) -> Result<FeedbackCounts, StoreError> {
        let (helpful, not_helpful): (i64, i64) = self.conn().query_row(
            "SELECT COALESCE(SUM(helpful), 0), COALESCE(SUM(1 - helpful), 0) FROM feedback",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        Ok(FeedbackCounts { helpful: helpful as u64, not_helpful: not_helpful as u64 })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_repeated_press_counts_once_and_the_other_button_changes_the_vote() {
        let store = Store::in_memory().unwrap();
        assert!(store.record_feedback("a:1", true, 0).unwrap());
        assert!(!store.record_feedback("a:1", true, 1).unwrap());
        assert!(store.record_feedback("b:1", true, 1).unwrap());
        assert!(store.record_feedback("a:1", false, 2).unwrap());
        assert_eq!(store.feedback_counts().unwrap(), FeedbackCounts { helpful: 1, not_helpful: 1 });
    }
}
