//! Interim wiring of reminders into the Telegram bot, until the delivery pipeline (issue 6)
//! replaces it: the scheduler task, a broadcast sender that drains the outbox through the
//! throttled bot (so Telegram's per-chat and global limits apply), calendar files as
//! documents, 403 → the chat's subscriptions are switched off, and the getChatMember lookup
//! (cached briefly) that tells the conversation whether a group sender is an administrator.
//!
//! A row is marked `sending` before its request goes out; after a crash such rows become
//! `unknown` and are never re-sent, because Telegram cannot tell us whether it delivered them
//! and a second copy is worse than a logged loss of the one message in flight.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use teloxide::payloads::{SendDocumentSetters, SendMessageSetters};
use teloxide::prelude::Requester;
use teloxide::requests::Request;
use teloxide::types::{ChatId, InputFile, ParseMode, UserId};
use teloxide::{ApiError, RequestError};

use super::{html, TgBot};
use crate::conversation::{Command, Conversation, Message};
use crate::delivery::Payload;
use crate::reminders::{self, Scheduler};

/// Outbox rows sent at once; the throttle spaces them out further.
const IN_FLIGHT: usize = 8;
/// How long the sender sleeps when the outbox is empty.
const IDLE: Duration = Duration::from_millis(200);
/// How long a getChatMember answer is trusted.
const ADMIN_CACHE: Duration = Duration::from_secs(60);
/// @GroupAnonymousBot, which stands in for anonymous group administrators.
pub const ANONYMOUS_ADMIN: u64 = 1_087_968_824;

/// Starts the scheduler and the broadcast sender; they stop when `stop` turns true.
pub fn start(bot: TgBot, conversation: Arc<Conversation>, stop: tokio::sync::watch::Receiver<bool>) {
    if let Err(err) = conversation.store().recover_in_flight() {
        tracing::error!("outbox: cannot recover rows in flight: {err}");
    }
    let scheduler = Arc::new(Scheduler::new(conversation.clone()));
    tokio::spawn(reminders::run(scheduler, stop.clone()));
    tokio::spawn(send_outbox(bot, conversation, stop));
}

async fn send_outbox(bot: TgBot, conversation: Arc<Conversation>, mut stop: tokio::sync::watch::Receiver<bool>) {
    loop {
        if *stop.borrow() {
            return;
        }
        let store = conversation.store().clone();
        let now = conversation.clock().unix();
        let claimed = tokio::task::spawn_blocking(move || {
            store.expire_outbox(now)?;
            store.claim_outbox(now, IN_FLIGHT, None)
        })
        .await;
        let rows = match claimed {
            Ok(Ok(rows)) => rows,
            Ok(Err(err)) => {
                tracing::error!("outbox: {err}");
                Vec::new()
            }
            Err(err) => {
                tracing::error!("outbox: {err}");
                Vec::new()
            }
        };
        if rows.is_empty() {
            tokio::select! {
                _ = tokio::time::sleep(IDLE) => {}
                _ = stop.changed() => {}
            }
            continue;
        }
        let mut sends = tokio::task::JoinSet::new();
        for row in rows {
            let bot = bot.clone();
            let conversation = conversation.clone();
            sends.spawn(async move {
                let result = match Payload::from_json(&row.payload) {
                    Some(payload) => match send_payload(&bot, ChatId(row.chat_id), &payload).await {
                        Ok(id) => Ok(id),
                        Err(err) => {
                            if chat_is_gone(&err) {
                                forget_chat(&conversation, ChatId(row.chat_id)).await;
                            }
                            Err((is_server_error(&err), err.to_string()))
                        }
                    },
                    None => Err((false, "unreadable payload".to_string())),
                };
                if let Err((_, error)) = &result {
                    tracing::warn!(row = row.id, "broadcast failed: {error}");
                }
                let store = conversation.store().clone();
                let now = conversation.clock().unix();
                let finished = tokio::task::spawn_blocking(move || store.finish_outbox(row.id, result, now)).await;
                if let Ok(Err(err)) = finished {
                    tracing::error!("outbox: {err}");
                }
            });
        }
        while sends.join_next().await.is_some() {}
    }
}

/// Sends one payload; the first message id.
async fn send_payload(bot: &TgBot, chat: ChatId, payload: &Payload) -> Result<Option<i32>, RequestError> {
    match payload {
        Payload::Message(message) => send_message(bot, chat, message).await,
        Payload::Document { file_name, text, caption, .. } => {
            send_document(bot, chat, file_name, text, caption.as_deref()).await
        }
    }
}

/// Whether the chat can no longer be written to: blocked, kicked, deleted.
pub fn chat_is_gone(err: &RequestError) -> bool {
    matches!(
        err,
        RequestError::Api(
            ApiError::BotBlocked
                | ApiError::BotKicked
                | ApiError::BotKickedFromSupergroup
                | ApiError::UserDeactivated
                | ApiError::CantInitiateConversation
                | ApiError::ChatNotFound
        )
    )
}

/// Failures Telegram answered without delivering (5xx): safe to retry. Network errors and
/// timeouts are not: the message may have arrived.
fn is_server_error(err: &RequestError) -> bool {
    match err {
        RequestError::InvalidJson { .. } => true,
        RequestError::Api(ApiError::Unknown(description)) => {
            let d = description.to_ascii_lowercase();
            ["internal server error", "bad gateway", "service unavailable", "gateway timeout"]
                .iter()
                .any(|s| d.contains(s))
        }
        _ => false,
    }
}

/// Sends a message as HTML parts, the buttons under the last; the first message id.
pub async fn send_message(bot: &TgBot, chat: ChatId, message: &Message) -> Result<Option<i32>, RequestError> {
    let parts = html::render(&message.blocks, html::MAX_MESSAGE_LEN);
    let last = parts.len().saturating_sub(1);
    let mut first = None;
    for (n, text) in parts.into_iter().enumerate() {
        let mut request = bot.send_message(chat, text).parse_mode(ParseMode::Html);
        if n == last {
            if let Some(keyboard) = html::keyboard(&message.buttons) {
                request = request.reply_markup(keyboard);
            }
        }
        let sent = request.send().await?;
        first.get_or_insert(sent.id.0);
    }
    Ok(first)
}

/// Sends a small text file (a calendar) as a document.
pub async fn send_document(
    bot: &TgBot,
    chat: ChatId,
    file_name: &str,
    text: &str,
    caption: Option<&str>,
) -> Result<Option<i32>, RequestError> {
    let file = InputFile::memory(text.as_bytes().to_vec()).file_name(file_name.to_string());
    let mut request = bot.send_document(chat, file);
    if let Some(caption) = caption {
        request = request.caption(caption.to_string());
    }
    Ok(Some(request.send().await?.id.0))
}

/// A 403 or a vanished chat: stop its reminders.
pub async fn forget_chat(conversation: &Arc<Conversation>, chat: ChatId) {
    let store = conversation.store().clone();
    match tokio::task::spawn_blocking(move || store.deactivate_chat(chat.0)).await {
        Ok(Ok(n)) if n > 0 => tracing::info!(subscriptions = n, "a chat blocked the bot; its reminders stop"),
        Ok(Err(err)) => tracing::error!("cannot deactivate a chat: {err}"),
        _ => {}
    }
}

/// Whether `text` (or callback data) changes the chat's reminders, so the sender's rights in
/// a group matter.
pub fn needs_admin_check(text: &str) -> bool {
    if text.starts_with("sub:") || text.starts_with("lead:") {
        return true;
    }
    matches!(Command::parse(text.trim()), Some((Ok(Command::Subscribe | Command::Unsubscribe | Command::Remind), _)))
}

/// Whether `user` administers `chat` (getChatMember, remembered for a minute); `None` when
/// Telegram could not say.
pub async fn is_chat_admin(bot: &TgBot, chat: ChatId, user: u64) -> Option<bool> {
    static CACHE: OnceLock<Mutex<HashMap<(i64, u64), (bool, Instant)>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    if let Some((admin, at)) = cache.lock().unwrap_or_else(|p| p.into_inner()).get(&(chat.0, user)) {
        if at.elapsed() < ADMIN_CACHE {
            return Some(*admin);
        }
    }
    match bot.get_chat_member(chat, UserId(user)).send().await {
        Ok(member) => {
            let admin = member.is_privileged();
            let mut cache = cache.lock().unwrap_or_else(|p| p.into_inner());
            if cache.len() > 10_000 {
                cache.clear();
            }
            cache.insert((chat.0, user), (admin, Instant::now()));
            Some(admin)
        }
        Err(err) => {
            tracing::warn!("getChatMember failed: {err}");
            None
        }
    }
}
