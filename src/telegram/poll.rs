//! Long polling: each `getUpdates` batch is stored in the inbox together with the next
//! offset, in one transaction, before that offset is sent (which confirms the batch to
//! Telegram). A crash at any moment therefore loses no update; one delivered again is stored
//! once. Repeated 401s stop the bot: a revoked token does not get better by waiting.

use std::sync::Arc;
use std::time::Duration;

use teloxide::payloads::GetUpdatesSetters;
use teloxide::prelude::Requester;
use teloxide::requests::Request;
use teloxide::types::{AllowedUpdate, Update, UpdateKind};
use teloxide::{ApiError, Bot, RequestError};
use tokio::sync::Notify;
use tokio_util::sync::CancellationToken;

use crate::clock::Clock;
use crate::delivery::Backoff;
use crate::store::updates::Inbound;
use crate::store::Store;

/// 401s in a row after which the token counts as rejected.
const UNAUTHORIZED_LIMIT: u32 = 3;

/// Why polling stopped other than by the stop signal.
#[derive(Debug, thiserror::Error)]
pub enum PollError {
    #[error(
        "Telegram rejected TELOXIDE_TOKEN (401 Unauthorized): the token was revoked or is wrong; get the current one from @BotFather"
    )]
    TokenRejected,
}

/// Polling settings.
#[derive(Debug, Clone, Copy)]
pub struct PollOptions {
    /// How long Telegram holds a `getUpdates` open when there is nothing new.
    pub long_poll: Duration,
    /// Waits after failed polls.
    pub backoff: Backoff,
}

impl Default for PollOptions {
    fn default() -> PollOptions {
        PollOptions {
            long_poll: Duration::from_secs(10),
            backoff: Backoff { first: Duration::from_secs(1), max: Duration::from_secs(30) },
        }
    }
}

/// Polls until `shutdown`, storing every batch and waking `inbox` after each.
pub async fn run(
    bot: &Bot,
    store: &Arc<Store>,
    clock: &Arc<dyn Clock>,
    inbox: &Notify,
    options: PollOptions,
    shutdown: &CancellationToken,
) -> Result<(), PollError> {
    let mut offset = store.next_offset().unwrap_or(0);
    let mut failures = 0u32;
    let mut unauthorized = 0u32;
    loop {
        let request =
            bot.get_updates().offset(offset as i32).timeout(options.long_poll.as_secs() as u32).allowed_updates([
                AllowedUpdate::Message,
                AllowedUpdate::EditedMessage,
                AllowedUpdate::CallbackQuery,
                AllowedUpdate::InlineQuery,
            ]);
        // Dropping a poll under way loses nothing: its updates are unconfirmed and come again.
        let result = tokio::select! {
            _ = shutdown.cancelled() => return Ok(()),
            result = request.send() => result,
        };
        let wait = match result {
            Ok(updates) => {
                failures = 0;
                unauthorized = 0;
                let Some(last) = updates.iter().map(|u| u.id.0 as i64).max() else {
                    continue;
                };
                let batch: Vec<Inbound> = updates.iter().map(inbound).collect();
                match store.receive(&batch, last + 1, clock.unix()) {
                    Ok(fresh) => {
                        tracing::debug!(updates = batch.len(), fresh, offset = last + 1, "updates stored");
                        offset = last + 1;
                        inbox.notify_one();
                        continue;
                    }
                    Err(err) => {
                        // Not confirmed: Telegram sends the batch again.
                        tracing::error!("cannot store updates, polling them again: {err}");
                        failures += 1;
                        options.backoff.after(failures - 1)
                    }
                }
            }
            Err(RequestError::Api(ApiError::InvalidToken)) => {
                unauthorized += 1;
                if unauthorized >= UNAUTHORIZED_LIMIT {
                    return Err(PollError::TokenRejected);
                }
                // Debug only: the one line that matters is the error the bot exits with.
                tracing::debug!(unauthorized, "getUpdates: 401 Unauthorized");
                options.backoff.after(unauthorized - 1)
            }
            Err(err) => {
                failures += 1;
                let wait = options.backoff.after(failures - 1);
                tracing::warn!(failures, "getUpdates failed, polling again in {wait:?}: {}", brief(&err));
                wait
            }
        };
        tokio::select! {
            _ = shutdown.cancelled() => return Ok(()),
            _ = tokio::time::sleep(wait) => {}
        }
    }
}

/// An update as the inbox keeps it: its JSON and the chat whose order it joins.
fn inbound(update: &Update) -> Inbound {
    let chat_key = match &update.kind {
        UpdateKind::Message(m) | UpdateKind::EditedMessage(m) => m.chat.id.0,
        UpdateKind::CallbackQuery(q) => q.message.as_ref().map_or(q.from.id.0 as i64, |m| m.chat().id.0),
        UpdateKind::InlineQuery(q) => q.from.id.0 as i64,
        _ => 0,
    };
    let fallback = || format!("{{\"update_id\":{}}}", update.id.0);
    let body = match serde_json::to_value(update) {
        Ok(mut value) => {
            readable_again(&mut value);
            serde_json::to_string(&value).unwrap_or_else(|_| fallback())
        }
        Err(_) => fallback(),
    };
    Inbound { update_id: update.id.0 as i64, chat_key, body }
}

/// Makes teloxide's serialisation of an update readable by teloxide again. A button press on
/// a message too old for Telegram to show carries an inaccessible message, which Telegram
/// marks with `date: 0` and teloxide writes without a date; read back without one it is no
/// message at all, and the whole update becomes unreadable (the press would never be
/// acknowledged).
fn readable_again(update: &mut serde_json::Value) {
    if let Some(message) = update.pointer_mut("/callback_query/message").and_then(|m| m.as_object_mut()) {
        message.entry("date").or_insert(serde_json::json!(0));
    }
}

fn brief(err: &RequestError) -> String {
    match err {
        RequestError::InvalidJson { .. } => "the Bot API answered with something other than JSON".into(),
        err => err.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_press_on_an_inaccessible_message_reads_back_from_the_inbox() {
        let raw = serde_json::json!({"update_id": 5, "callback_query": {
            "id": "c1", "from": {"id": 7, "is_bot": false, "first_name": "U"}, "chat_instance": "1", "data": "s:1",
            "message": {"chat": {"id": 7, "type": "private", "first_name": "U"}, "message_id": 3, "date": 0}}});
        // As teloxide reads a getUpdates reply: from text (it borrows the keys).
        let update: Update = serde_json::from_str(&raw.to_string()).unwrap();
        let stored = inbound(&update);
        assert_eq!(stored.chat_key, 7);
        let again: Update = serde_json::from_str(&stored.body).unwrap();
        let UpdateKind::CallbackQuery(query) = again.kind else { panic!("unreadable: {}", stored.body) };
        assert!(query.message.unwrap().regular_message().is_none());
    }
}
