//! The question log behind `/stats`: one row per question with its verdict and answer time,
//! no text and no user, so the counts survive restarts without keeping anything personal.

use rusqlite::params;

use super::{Store, StoreError};

/// How a question was answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Answered,
    Unsure,
    Declined,
}

impl Verdict {
    fn as_str(self) -> &'static str {
        match self {
            Verdict::Answered => "answered",
            Verdict::Unsure => "unsure",
            Verdict::Declined => "declined",
        }
    }
}

/// Counts and answer times of the logged questions.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct QuestionStats {
    /// Questions since the start of today (bot time zone), over the last 7 days, and ever.
    pub today: u64,
    pub week: u64,
    pub total: u64,
    /// Every logged question by verdict.
    pub answered: u64,
    pub unsure: u64,
    pub declined: u64,
    /// Median and 99th-percentile answer time over the last 7 days, in microseconds;
    /// `None` with no question in that window.
    pub p50_micros: Option<u64>,
    pub p99_micros: Option<u64>,
}

/// The nearest-rank `p`-th percentile (0–100) of sorted `values`.
pub fn percentile(sorted: &[u64], p: f64) -> Option<u64> {
    if sorted.is_empty() {
        return None;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    Some(sorted[rank.clamp(1, sorted.len()) - 1])
}

impl Store {
    /// Logs one question asked at unix second `at`.
    pub fn log_question(&self, at: i64, verdict: Verdict, micros: u64) -> Result<(), StoreError> {
        self.conn().execute(
            "INSERT INTO question_log (at, verdict, micros) VALUES (?1, ?2, ?3)",
            params![at, verdict.as_str(), micros as i64],
        )?;
        Ok(())
    }

    /// Counts from `today_start` and `week_start` (unix seconds) on, and in all.
    pub fn question_stats(&self, today_start: i64, week_start: i64) -> Result<QuestionStats, StoreError> {
        let conn = self.conn();
        let count = |sql: &str, arg: i64| -> Result<u64, rusqlite::Error> {
            conn.query_row(sql, [arg], |r| r.get::<_, i64>(0)).map(|n| n as u64)
        };
        let since = "SELECT COUNT(*) FROM question_log WHERE at >= ?1";
        let mut stats = QuestionStats {
            today: count(since, today_start)?,
            week: count(since, week_start)?,
            total: count(since, i64::MIN)?,
            ..QuestionStats::default()
        };
        let mut by_verdict = conn.prepare("SELECT verdict, COUNT(*) FROM question_log GROUP BY verdict")?;
        let rows = by_verdict.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)? as u64)))?;
        for row in rows {
            let (verdict, n) = row?;
            match verdict.as_str() {
                "answered" => stats.answered = n,
                "unsure" => stats.unsure = n,
                _ => stats.declined += n,
            }
        }
        let mut times = conn.prepare("SELECT micros FROM question_log WHERE at >= ?1 ORDER BY micros")?;
        let micros: Vec<u64> = times
            .query_map([week_start], |r| r.get::<_, i64>(0))?
            .map(|m| m.map(|m| m as u64))
            .collect::<Result<_, _>>()?;
        stats.p50_micros = percentile(&micros, 50.0);
        stats.p99_micros = percentile(&micros, 99.0);
        Ok(stats)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_use_the_nearest_rank() {
        let values: Vec<u64> = (1..=100).collect();
        assert_eq!(percentile(&values, 50.0), Some(50));
        assert_eq!(percentile(&values, 99.0), Some(99));
        assert_eq!(percentile(&[7], 99.0), Some(7));
        assert_eq!(percentile(&[], 50.0), None);
    }

    #[test]
    fn counts_split_by_day_week_and_verdict() {
        let store = Store::in_memory().unwrap();
        store.log_question(100, Verdict::Answered, 1_000).unwrap();
        store.log_question(1_000, Verdict::Unsure, 3_000).unwrap();
        store.log_question(2_000, Verdict::Declined, 2_000).unwrap();
        store.log_question(2_001, Verdict::Answered, 90_000).unwrap();
        let stats = store.question_stats(2_000, 1_000).unwrap();
        assert_eq!((stats.today, stats.week, stats.total), (2, 3, 4));
        assert_eq!((stats.answered, stats.unsure, stats.declined), (2, 1, 1));
        assert_eq!(stats.p50_micros, Some(3_000));
        assert_eq!(stats.p99_micros, Some(90_000));
    }
}
