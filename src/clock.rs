//! The bot's clock, injected wherever time matters (scheduling, outbox timestamps, "today"),
//! so tests run in virtual time and `ICTBOT_NOW` can start the bot at a chosen moment.

use std::sync::Mutex;
use std::time::Instant;

use chrono::{DateTime, Duration, Utc};

/// A source of the current time.
pub trait Clock: Send + Sync {
    /// Now, in UTC.
    fn now(&self) -> DateTime<Utc>;

    /// Now as Unix seconds.
    fn unix(&self) -> i64 {
        self.now().timestamp()
    }
}

/// The system clock.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// Starts at a given moment and then advances in real time (`ICTBOT_NOW`).
#[derive(Debug)]
pub struct StartedAt {
    start: DateTime<Utc>,
    since: Instant,
}

impl StartedAt {
    /// A clock that reads `start` now.
    pub fn new(start: DateTime<Utc>) -> StartedAt {
        StartedAt { start, since: Instant::now() }
    }
}

impl Clock for StartedAt {
    fn now(&self) -> DateTime<Utc> {
        let elapsed = Duration::from_std(self.since.elapsed()).unwrap_or_else(|_| Duration::zero());
        self.start + elapsed
    }
}

/// A clock that moves only when told to: for tests.
#[derive(Debug)]
pub struct ManualClock(Mutex<DateTime<Utc>>);

impl ManualClock {
    /// A clock stopped at `at`.
    pub fn new(at: DateTime<Utc>) -> ManualClock {
        ManualClock(Mutex::new(at))
    }

    /// Moves the clock to `at`.
    pub fn set(&self, at: DateTime<Utc>) {
        *self.0.lock().unwrap_or_else(|p| p.into_inner()) = at;
    }

    /// Moves the clock forward by `by`.
    pub fn advance(&self, by: Duration) {
        *self.0.lock().unwrap_or_else(|p| p.into_inner()) += by;
    }
}

impl Clock for ManualClock {
    fn now(&self) -> DateTime<Utc> {
        *self.0.lock().unwrap_or_else(|p| p.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_manual_clock_moves_only_when_told() {
        let at = DateTime::parse_from_rfc3339("2026-12-01T09:00:00Z").unwrap().with_timezone(&Utc);
        let clock = ManualClock::new(at);
        assert_eq!(clock.now(), at);
        clock.advance(Duration::hours(2));
        assert_eq!(clock.unix(), at.timestamp() + 7200);
    }

    #[test]
    fn a_started_clock_begins_at_its_start() {
        let at = DateTime::parse_from_rfc3339("2030-01-01T00:00:00Z").unwrap().with_timezone(&Utc);
        let clock = StartedAt::new(at);
        assert!(clock.now() >= at && clock.now() < at + Duration::seconds(5));
    }
}
