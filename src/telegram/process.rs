//! Handling stored updates: the oldest unhandled update of each chat, several chats at once,
//! one update at a time per chat (so a chat's answers keep its order). Each is converted,
//! answered by the conversation (off the async workers), and its replies are enqueued in the
//! same transaction that marks it handled: a crash repeats the handling, never the replies.
//! Button presses are acknowledged at once (`answerCallbackQuery`); inline queries are
//! answered directly (their answers are not chat messages).

use std::collections::HashSet;
use std::sync::Arc;
use std::time::Duration;

use teloxide::payloads::{AnswerCallbackQuerySetters, AnswerInlineQuerySetters};
use teloxide::prelude::Requester;
use teloxide::requests::Request;
use teloxide::types::ChatId;
use teloxide::types::{
    CallbackQuery, InlineQuery, InlineQueryResult, InlineQueryResultArticle, InputMessageContent,
    InputMessageContentText, Message, ParseMode, Update, UpdateKind,
};
use teloxide::{Bot, RequestError};
use tokio::sync::Notify;
use tokio::task::JoinSet;
use tokio::time::Instant;
use tokio_util::sync::CancellationToken;

use super::convert::{self, Identity};
use super::html;
use super::reminders;
use crate::clock::Clock;
use crate::conversation::{ChatKind, Content, Conversation, Incoming, Reply, Sender};
use crate::delivery::{outgoing, Payload, Wake};
use crate::i18n::Lang;
use crate::store::outbox::{self, Priority};
use crate::store::updates::{add_to_counter, mark_done, Inbound};
use crate::store::{chats, Store};

/// Telegram stops accepting an answer to a button press after about 15 s.
const CALLBACK_WINDOW: Duration = Duration::from_secs(10);

/// What handling needs.
pub struct Context {
    /// The client for answers (callback and inline).
    pub bot: Bot,
    pub conversation: Arc<Conversation>,
    pub me: Identity,
    pub store: Arc<Store>,
    pub clock: Arc<dyn Clock>,
    pub wake: Wake,
}

/// Handles stored updates until `shutdown`; then finishes those under way and returns.
pub async fn run(context: Arc<Context>, inbox: Arc<Notify>, concurrency: usize, shutdown: CancellationToken) {
    let mut in_flight: HashSet<i64> = HashSet::new();
    let mut jobs: JoinSet<i64> = JoinSet::new();
    loop {
        if !shutdown.is_cancelled() {
            let heads = context.store.inbox_heads(concurrency * 4).unwrap_or_else(|err| {
                tracing::error!("inbox: {err}");
                Vec::new()
            });
            for update in heads {
                if jobs.len() >= concurrency {
                    break;
                }
                if in_flight.insert(update.chat_key) {
                    let context = context.clone();
                    jobs.spawn(async move {
                        let key = update.chat_key;
                        handle(&context, update).await;
                        key
                    });
                }
            }
        } else if jobs.is_empty() {
            return;
        }
        tokio::select! {
            _ = inbox.notified() => {}
            Some(done) = jobs.join_next(), if !jobs.is_empty() => {
                match done {
                    Ok(key) => { in_flight.remove(&key); }
                    Err(err) => {
                        tracing::error!("an update handler failed: {err}");
                        in_flight.clear();
                    }
                }
            }
            _ = shutdown.cancelled(), if !shutdown.is_cancelled() => {}
            // Errors reading the inbox are retried without a wake.
            _ = tokio::time::sleep(Duration::from_secs(5)) => {}
        }
    }
}

/// Handles one stored update; every path marks it handled.
async fn handle(context: &Context, inbound: Inbound) {
    let update_id = inbound.update_id;
    let update: Update = match serde_json::from_str(&inbound.body) {
        Ok(update) => update,
        Err(err) => {
            tracing::warn!(update_id, "an update this version cannot read; skipped: {err}");
            finish(context, update_id, None, Vec::new());
            return;
        }
    };
    match update.kind {
        UpdateKind::Message(msg) => on_message(context, update_id, &msg, false).await,
        UpdateKind::EditedMessage(msg) => on_message(context, update_id, &msg, true).await,
        UpdateKind::CallbackQuery(query) => on_callback(context, update_id, &query).await,
        UpdateKind::InlineQuery(query) => on_inline(context, update_id, &query).await,
        UpdateKind::Error(_) => {
            // teloxide could not read it (a kind of content newer than this version knows).
            tracing::warn!(update_id, "an update teloxide cannot read; skipped");
            finish(context, update_id, None, Vec::new());
        }
        _ => finish(context, update_id, None, Vec::new()),
    }
}

async fn on_message(context: &Context, update_id: i64, msg: &Message, edited: bool) {
    let Some(mut incoming) = convert::message(msg, &context.me, edited) else {
        finish(context, update_id, None, Vec::new());
        return;
    };
    if let (ChatKind::Group, Sender::User(user), Content::Text(text)) =
        (incoming.chat_kind, incoming.sender, &incoming.content)
    {
        if reminders::needs_admin_check(text) {
            incoming.sender_is_chat_admin =
                reminders::is_chat_admin(&context.bot, ChatId(incoming.chat_id), user).await;
        }
    }
    tracing::debug!(update_id, chat_id = incoming.chat_id, content = ?incoming.content, "message");
    let replies = respond(context, &incoming).await;
    let now = context.clock.unix();
    let group = incoming.chat_kind == ChatKind::Group;
    let rows = payloads(replies)
        .map(|payload| {
            let mut row = outgoing(incoming.chat_id, &payload, Priority::Reply, now);
            row.thread_id = incoming.thread_id;
            // In a group, quote the question so the answer is found in the flow of talk.
            row.reply_to = group.then_some(msg.id.0);
            row
        })
        .collect();
    finish(context, update_id, Some(&incoming), rows);
}

async fn on_callback(context: &Context, update_id: i64, query: &CallbackQuery) {
    let data = query.data.clone().unwrap_or_default();
    let origin = query.message.as_ref().and_then(|m| m.regular_message());
    let mut incoming = origin.map(|on| convert::callback(on, &query.from, &data));
    if let Some(incoming) = incoming.as_mut() {
        if let (ChatKind::Group, Sender::User(user)) = (incoming.chat_kind, incoming.sender) {
            if reminders::needs_admin_check(&data) {
                incoming.sender_is_chat_admin =
                    reminders::is_chat_admin(&context.bot, ChatId(incoming.chat_id), user).await;
            }
        }
    }
    let replies = match &incoming {
        Some(incoming) => respond(context, incoming).await,
        // A button on an inline-mode message, or on one too old to be shown: none of ours.
        None => {
            let lang = Lang::from_code(query.from.language_code.as_deref());
            vec![Reply::Notice(lang.texts().stale_button.to_string())]
        }
    };
    let notice = replies.iter().find_map(|r| match r {
        Reply::Notice(text) => Some(text.clone()),
        Reply::Message(_) | Reply::Document { .. } => None,
    });
    answer_callback(context, update_id, query, notice).await;
    let now = context.clock.unix();
    let rows = match &incoming {
        Some(incoming) => payloads(replies)
            .map(|payload| {
                let mut row = outgoing(incoming.chat_id, &payload, Priority::Button, now);
                row.thread_id = incoming.thread_id;
                row
            })
            .collect(),
        None => Vec::new(),
    };
    finish(context, update_id, incoming.as_ref(), rows);
}

/// Stops the client's spinner: at once, before the press's messages, retried only while
/// Telegram still accepts it.
async fn answer_callback(context: &Context, update_id: i64, query: &CallbackQuery, notice: Option<String>) {
    let deadline = Instant::now() + CALLBACK_WINDOW;
    let mut wait = Duration::from_millis(200);
    loop {
        let mut request = context.bot.answer_callback_query(query.id.clone());
        if let Some(text) = &notice {
            request = request.text(text.clone());
        }
        let left = deadline.saturating_duration_since(Instant::now());
        let err = match tokio::time::timeout(left, request.send()).await {
            Ok(Ok(_)) => return,
            Ok(Err(err)) => err,
            Err(_) => {
                tracing::warn!(update_id, "answerCallbackQuery timed out; the button press stays unacknowledged");
                return;
            }
        };
        let retry = match &err {
            RequestError::RetryAfter(after) => Some(after.duration()),
            RequestError::Network(_) | RequestError::Io(_) | RequestError::InvalidJson { .. } => Some(wait),
            _ => None,
        };
        match retry {
            Some(pause) if Instant::now() + pause < deadline => {
                tokio::time::sleep(pause).await;
                wait *= 2;
            }
            _ => {
                tracing::warn!(update_id, "answerCallbackQuery failed: {err}");
                return;
            }
        }
    }
}

async fn on_inline(context: &Context, update_id: i64, query: &InlineQuery) {
    let conversation = context.conversation.clone();
    let (text, code) = (query.query.clone(), query.from.language_code.clone());
    let items =
        tokio::task::spawn_blocking(move || conversation.inline(&text, code.as_deref())).await.unwrap_or_default();
    let results: Vec<InlineQueryResult> = items
        .into_iter()
        .map(|item| {
            let text = html::render(&item.message.blocks, html::MAX_MESSAGE_LEN).into_iter().next().unwrap_or_default();
            let content = InputMessageContent::Text(InputMessageContentText::new(text).parse_mode(ParseMode::Html));
            InlineQueryResultArticle::new(item.id, item.title, content).description(item.description).into()
        })
        .collect();
    // The wording follows the asker's language, so Telegram must not serve one user's results
    // to another from its cache.
    let request = context.bot.answer_inline_query(query.id.clone(), results).cache_time(60).is_personal(true);
    if let Err(err) = request.send().await {
        tracing::warn!(update_id, "answerInlineQuery failed: {err}");
    }
    finish(context, update_id, None, Vec::new());
}

/// Runs the (CPU-bound) conversation off the async workers.
async fn respond(context: &Context, incoming: &Incoming) -> Vec<Reply> {
    let conversation = context.conversation.clone();
    let owned = incoming.clone();
    match tokio::task::spawn_blocking(move || conversation.handle(&owned)).await {
        Ok(replies) => replies,
        Err(err) => {
            // The update is still marked handled (handling it again would fail again), but the
            // person who wrote it is asked to send it again, so no message goes unanswered.
            tracing::error!(chat_id = incoming.chat_id, "handling a message failed: {err}");
            context.conversation.failure_reply(incoming)
        }
    }
}

fn payloads(replies: Vec<Reply>) -> impl Iterator<Item = Payload> {
    replies.into_iter().filter_map(|reply| match reply {
        Reply::Message(message) => Some(Payload::Message(message)),
        Reply::Document { file_name, mime, text, caption } => {
            Some(Payload::Document { file_name, mime, text, caption })
        }
        // Notices belong on a pressed button, never in the chat.
        Reply::Notice(_) => None,
    })
}

/// Enqueues the replies, records the chat and marks the update handled, all in one
/// transaction; then wakes the sender.
fn finish(context: &Context, update_id: i64, incoming: Option<&Incoming>, rows: Vec<outbox::Outgoing>) {
    let now = context.clock.unix();
    let sent = !rows.is_empty();
    let result = context.store.transaction(|tx| {
        if let Some(incoming) = incoming {
            let kind = match incoming.chat_kind {
                ChatKind::Private => "private",
                ChatKind::Group => "group",
            };
            chats::seen(tx, incoming.chat_id, kind, incoming.language_code.as_deref(), now)?;
        }
        for row in &rows {
            outbox::enqueue(tx, row, now)?;
        }
        add_to_counter(tx, "telegram.updates", 1)?;
        mark_done(tx, update_id)
    });
    match result {
        Ok(()) if sent => context.wake.wake(),
        Ok(()) => {}
        // The update stays unhandled and is tried again.
        Err(err) => tracing::error!(update_id, "cannot record the answer to an update: {err}"),
    }
}
