//! Telegram's send limits as keyed rate limiters (`governor`): a budget per private chat, a
//! budget per group, and one overall budget above them. A chat that used its budget waits
//! alone; the others go on.

use std::num::NonZeroU32;
use std::time::Duration;

use governor::clock::{Clock as _, DefaultClock};
use governor::{DefaultDirectRateLimiter, DefaultKeyedRateLimiter, Quota, RateLimiter};

/// How fast the bot may send.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Messages per second to one private chat (Telegram: about one).
    pub private_per_second: u32,
    /// Messages a private chat may get at once before the rate applies (a long answer in parts).
    pub private_burst: u32,
    /// Messages per minute to one group (Telegram: 20).
    pub group_per_minute: u32,
    /// Messages a group may get at once before the rate applies.
    pub group_burst: u32,
    /// Messages per second overall (Telegram: 30).
    pub overall_per_second: u32,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits { private_per_second: 1, private_burst: 3, group_per_minute: 20, group_burst: 3, overall_per_second: 30 }
    }
}

impl Limits {
    /// Limits that never delay a send: for tests and for measuring the bot itself.
    pub fn unlimited() -> Limits {
        Limits {
            private_per_second: 100_000,
            private_burst: 100_000,
            group_per_minute: 6_000_000,
            group_burst: 100_000,
            overall_per_second: 100_000,
        }
    }
}

fn nonzero(n: u32) -> NonZeroU32 {
    NonZeroU32::new(n.max(1)).expect("at least 1")
}

/// The limiters of one running sender.
pub struct Limiters {
    private: DefaultKeyedRateLimiter<i64>,
    group: DefaultKeyedRateLimiter<i64>,
    overall: DefaultDirectRateLimiter,
}

/// Whether a send may go now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Permit {
    /// Go: the budgets are charged.
    Go,
    /// This chat must wait this long; others may go.
    ChatWait(Duration),
    /// Every chat must wait this long (the overall budget is spent).
    AllWait(Duration),
}

impl Limiters {
    /// Limiters for `limits`.
    pub fn new(limits: Limits) -> Limiters {
        let private = Quota::per_second(nonzero(limits.private_per_second)).allow_burst(nonzero(limits.private_burst));
        let group = Quota::per_minute(nonzero(limits.group_per_minute)).allow_burst(nonzero(limits.group_burst));
        let overall = Quota::per_second(nonzero(limits.overall_per_second));
        Limiters {
            private: RateLimiter::keyed(private),
            group: RateLimiter::keyed(group),
            overall: RateLimiter::direct(overall),
        }
    }

    fn chat_limiter(&self, chat_id: i64) -> &DefaultKeyedRateLimiter<i64> {
        // Private chats have the user's (positive) id; groups and channels negative ids.
        if chat_id > 0 {
            &self.private
        } else {
            &self.group
        }
    }

    /// Charges one message to `chat_id` and to the overall budget, if both allow it now.
    pub fn try_send(&self, chat_id: i64) -> Permit {
        let now = DefaultClock::default().now();
        if let Err(not_until) = self.chat_limiter(chat_id).check_key(&chat_id) {
            return Permit::ChatWait(not_until.wait_time_from(now));
        }
        // The chat's cell is spent even when the overall budget refuses: the chat then waits
        // one interval more, which is cheaper than a second pass over every limiter.
        match self.overall.check() {
            Ok(()) => Permit::Go,
            Err(not_until) => Permit::AllWait(not_until.wait_time_from(now)),
        }
    }

    /// Waits until one more message to `chat_id` fits the budgets, and charges it.
    pub async fn until_ready(&self, chat_id: i64) {
        self.chat_limiter(chat_id).until_key_ready(&chat_id).await;
        self.overall.until_ready().await;
    }

    /// Forgets chats whose budget is full again, so the maps do not grow without bound.
    pub fn forget_idle(&self) {
        self.private.retain_recent();
        self.group.retain_recent();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_spent_chat_waits_alone() {
        let limiters = Limiters::new(Limits::default());
        for _ in 0..3 {
            assert_eq!(limiters.try_send(-1), Permit::Go);
        }
        assert!(matches!(limiters.try_send(-1), Permit::ChatWait(wait) if wait > Duration::from_secs(2)));
        assert_eq!(limiters.try_send(-2), Permit::Go);
        assert_eq!(limiters.try_send(7), Permit::Go);
    }

    #[test]
    fn the_overall_budget_caps_every_chat() {
        let limiters = Limiters::new(Limits { overall_per_second: 2, ..Limits::default() });
        assert_eq!(limiters.try_send(1), Permit::Go);
        assert_eq!(limiters.try_send(2), Permit::Go);
        assert!(matches!(limiters.try_send(3), Permit::AllWait(_)));
    }
}
