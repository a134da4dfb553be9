//! Sending outbox payloads through the Bot API: rendering into requests (HTML parts, a
//! document) and reading each result as a delivery [`Outcome`] (sent, 429, transient,
//! unknown, migrated, chat gone, refused).

use std::time::Duration;

use teloxide::payloads::{SendDocumentSetters, SendMessageSetters};
use teloxide::prelude::Requester;
use teloxide::requests::Request;
use teloxide::types::{ChatId, InlineKeyboardMarkup, InputFile, MessageId, ParseMode, ReplyParameters, ThreadId};
use teloxide::{ApiError, Bot, RequestError};

use super::html;
use crate::delivery::{Outcome, Payload, Target, Transport};

/// One request's worth of a payload.
pub enum Part {
    /// An HTML message (a part of a long one), with the buttons on the last part.
    Text { html: String, keyboard: Option<InlineKeyboardMarkup> },
    /// A small text file.
    Document { file_name: String, text: String, caption: Option<String> },
}

/// The Bot API as the sender uses it.
pub struct Telegram {
    /// The client for sends, with a longer timeout than polling's.
    pub bot: Bot,
}

impl Transport for Telegram {
    type Part = Part;

    fn prepare(&self, payload: &Payload) -> Vec<Part> {
        match payload {
            Payload::Message(message) => {
                let parts = html::render(&message.blocks, html::MAX_MESSAGE_LEN);
                let last = parts.len().saturating_sub(1);
                parts
                    .into_iter()
                    .enumerate()
                    .map(|(n, html)| Part::Text {
                        html,
                        keyboard: (n == last).then(|| html::keyboard(&message.buttons)).flatten(),
                    })
                    .collect()
            }
            Payload::Document { file_name, text, caption, .. } => {
                vec![Part::Document { file_name: file_name.clone(), text: text.clone(), caption: caption.clone() }]
            }
        }
    }

    async fn send(&self, target: Target, part: &Part) -> Outcome {
        let mut result = self.send_once(target, part).await;
        // The topic was deleted since the question: the answer goes to the group itself
        // rather than being lost.
        if target.thread_id.is_some() && result.as_ref().is_err_and(is_thread_gone) {
            tracing::info!(chat_id = target.chat_id, "the topic is gone; sending to the group");
            result = self.send_once(Target { thread_id: None, ..target }, part).await;
        }
        outcome(result)
    }
}

impl Telegram {
    async fn send_once(&self, target: Target, part: &Part) -> Result<i32, RequestError> {
        let chat = ChatId(target.chat_id);
        let thread = target.thread_id.map(|id| ThreadId(MessageId(id)));
        let quote = target.reply_to.map(|id| ReplyParameters::new(MessageId(id)).allow_sending_without_reply());
        let result = match part {
            Part::Text { html, keyboard } => {
                let mut request = self.bot.send_message(chat, html.clone()).parse_mode(ParseMode::Html);
                if let Some(thread) = thread {
                    request = request.message_thread_id(thread);
                }
                if let Some(quote) = quote {
                    request = request.reply_parameters(quote);
                }
                if let Some(keyboard) = keyboard {
                    request = request.reply_markup(keyboard.clone());
                }
                request.send().await
            }
            Part::Document { file_name, text, caption } => {
                let file = InputFile::memory(text.clone().into_bytes()).file_name(file_name.clone());
                let mut request = self.bot.send_document(chat, file);
                if let Some(thread) = thread {
                    request = request.message_thread_id(thread);
                }
                if let Some(caption) = caption {
                    request = request.caption(teloxide::utils::html::escape(caption)).parse_mode(ParseMode::Html);
                }
                request.send().await
            }
        };
        result.map(|message| message.id.0)
    }
}

/// True when Telegram refused a send because its forum topic no longer exists.
fn is_thread_gone(err: &RequestError) -> bool {
    matches!(err, RequestError::Api(ApiError::Unknown(d)) if d.to_ascii_lowercase().contains("message thread not found"))
}

/// Reads a send's result.
pub fn outcome(result: Result<i32, RequestError>) -> Outcome {
    let err = match result {
        Ok(message_id) => return Outcome::Sent { message_id },
        Err(err) => err,
    };
    match err {
        RequestError::RetryAfter(after) => Outcome::RetryAfter(after.duration().max(Duration::from_secs(1))),
        RequestError::MigrateToChatId(to) => Outcome::Migrated(to.0),
        RequestError::Api(
            ApiError::BotBlocked
            | ApiError::BotKicked
            | ApiError::BotKickedFromSupergroup
            | ApiError::BotKickedFromChannel
            | ApiError::UserDeactivated
            | ApiError::ChatNotFound
            | ApiError::CantInitiateConversation
            | ApiError::CantTalkWithBots,
        ) => Outcome::ChatGone(err.to_string()),
        RequestError::Api(ApiError::Unknown(ref description)) => {
            if description.starts_with("Forbidden") {
                Outcome::ChatGone(description.clone())
            } else if is_server_error(description) {
                Outcome::Transient(description.clone())
            } else {
                Outcome::Rejected(description.clone())
            }
        }
        RequestError::Api(api) => Outcome::Rejected(api.to_string()),
        // The request was written but no answer came in time: Telegram may have delivered it.
        RequestError::Network(ref e) if e.is_timeout() && !e.is_connect() => Outcome::Unknown(err.to_string()),
        // Connection refused or reset, an HTML error page from a proxy, a local I/O problem.
        RequestError::Network(_) | RequestError::Io(_) | RequestError::InvalidJson { .. } => {
            Outcome::Transient(short(&err))
        }
    }
}

/// Server errors arrive as API errors teloxide does not know.
pub fn is_server_error(description: &str) -> bool {
    let d = description.to_ascii_lowercase();
    ["internal server error", "bad gateway", "service unavailable", "gateway timeout", "timeout"]
        .iter()
        .any(|s| d.contains(s))
}

/// An error without a raw response body (an HTML page can be long).
fn short(err: &RequestError) -> String {
    match err {
        RequestError::InvalidJson { .. } => "the Bot API answered with something other than JSON".into(),
        err => err.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_rate_limits_and_migrations_are_told_apart() {
        let retry = RequestError::RetryAfter(teloxide::types::Seconds::from_seconds(7));
        assert_eq!(outcome(Err(retry)), Outcome::RetryAfter(Duration::from_secs(7)));
        assert_eq!(outcome(Err(RequestError::MigrateToChatId(ChatId(-100)))), Outcome::Migrated(-100));
        assert!(matches!(outcome(Err(RequestError::Api(ApiError::BotBlocked))), Outcome::ChatGone(_)));
        let unknown = |d: &str| RequestError::Api(ApiError::Unknown(d.into()));
        assert!(matches!(outcome(Err(unknown("Forbidden: bot can't send messages"))), Outcome::ChatGone(_)));
        assert!(matches!(outcome(Err(unknown("Bad Gateway"))), Outcome::Transient(_)));
        assert!(matches!(outcome(Err(unknown("Bad Request: can't parse entities"))), Outcome::Rejected(_)));
        assert!(matches!(outcome(Err(RequestError::Api(ApiError::MessageTextIsEmpty))), Outcome::Rejected(_)));
        assert_eq!(outcome(Ok(5)), Outcome::Sent { message_id: 5 });
    }
}
