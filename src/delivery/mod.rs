//! Delivery: what an outbox row carries ([`Payload`]), and the sender that drains the outbox
//! within Telegram's limits ([`sender`], [`limits`]). Knows nothing of teloxide: the Telegram
//! layer implements [`sender::Transport`].
//!
//! A producer (answers, reminders, announcements) writes rows with
//! [`crate::store::outbox::enqueue`] inside its own transaction, then calls [`Wake::wake`]:
//!
//! ```no_run
//! # use ictbot::delivery::{Payload, Wake, outgoing};
//! # use ictbot::store::{Store, outbox::{self, Priority}};
//! # fn f(store: &Store, wake: &Wake, message: ictbot::conversation::Message, meeting_starts: i64, now: i64) {
//! let mut row = outgoing(-100123, &Payload::Message(message), Priority::Broadcast, now);
//! row.expires_at = meeting_starts; // a reminder is useless once the meeting has begun
//! store.transaction(|tx| outbox::enqueue(tx, &row, now)).unwrap();
//! wake.wake();
//! # }
//! ```

pub mod limits;
pub mod sender;

use serde::{Deserialize, Serialize};

use crate::conversation::Message;
use crate::store::outbox::{Outgoing, Priority};

pub use limits::Limits;
pub use sender::{Backoff, Outcome, SenderOptions, Target, Transport, Wake};

/// How long a reply to a person is worth sending: after an hour it is dropped (and logged).
pub const REPLY_TTL_SECS: i64 = 3600;

/// An outbox row sending `payload` to `chat_id` now, expiring after [`REPLY_TTL_SECS`];
/// set `thread_id`, `reply_to`, `not_before` and `expires_at` on it as needed.
pub fn outgoing(chat_id: i64, payload: &Payload, priority: Priority, now: i64) -> Outgoing {
    Outgoing {
        chat_id,
        thread_id: None,
        reply_to: None,
        priority,
        payload: payload.to_json(),
        not_before: now,
        expires_at: now + REPLY_TTL_SECS,
    }
}

/// What one outbox row sends.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Payload {
    /// A message of the conversation model, rendered by the transport (HTML for Telegram).
    Message(Message),
    /// A small text file sent as a document (an `.ics` calendar), with an optional caption.
    Document { file_name: String, mime: String, text: String, caption: Option<String> },
}

impl Payload {
    /// The JSON stored in the outbox.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("payloads are plain data")
    }

    /// Reads a stored payload; `None` for a row this version cannot read.
    pub fn from_json(json: &str) -> Option<Payload> {
        serde_json::from_str(json).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conversation::{Block, Span};

    #[test]
    fn payloads_round_trip_through_json() {
        let message =
            Message { blocks: vec![Block::Para(vec![Span::Bold("<b>".into())])], buttons: Vec::new(), answers: None };
        for payload in [
            Payload::Message(message),
            Payload::Document {
                file_name: "a.ics".into(),
                mime: "text/calendar".into(),
                text: "X".into(),
                caption: None,
            },
        ] {
            assert_eq!(Payload::from_json(&payload.to_json()), Some(payload));
        }
        assert_eq!(Payload::from_json("{\"kind\":\"hologram\"}"), None);
    }
}
