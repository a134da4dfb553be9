//! Delivery: what an outbox row carries ([`Payload`]) and, later, the sender that drains the
//! outbox within Telegram's limits. Knows nothing of teloxide; the Telegram layer sends.

use serde::{Deserialize, Serialize};

use crate::conversation::Message;

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
        let message = Message { blocks: vec![Block::Para(vec![Span::Bold("<b>".into())])], buttons: Vec::new() };
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
