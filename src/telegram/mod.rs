//! The Telegram front end, and the only module that imports teloxide: start-up checks, the
//! command menu, the dptree handler tree, conversion of updates into [`crate::conversation::Incoming`]
//! and sending the replies as HTML with retries.
//!
//! Everything the bot says is decided by [`crate::conversation::Conversation`]; this layer converts and sends.

pub mod convert;
pub mod html;
pub mod reminders;

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use teloxide::adaptors::throttle::{Limits, Throttle};
use teloxide::dispatching::{DpHandlerDescription, UpdateFilterExt};
use teloxide::dptree;
use teloxide::error_handlers::LoggingErrorHandler;
use teloxide::payloads::{
    AnswerCallbackQuerySetters, AnswerInlineQuerySetters, SendMessageSetters, SetMyCommandsSetters,
};
use teloxide::prelude::{Dispatcher, Requester, RequesterExt};
use teloxide::requests::Request;
use teloxide::types::{
    BotCommand, CallbackQuery, ChatId, InlineQuery, InlineQueryResult, InlineQueryResultArticle, InputMessageContent,
    InputMessageContentText, Me, Message, ParseMode, ReplyParameters, Update,
};
use teloxide::{ApiError, Bot, RequestError};

use crate::config::Config;
use crate::conversation::{ChatKind, Command, Content, Conversation, Incoming, Reply, Sender};
use crate::i18n::{Lang, RUSSIAN_READERS};
use convert::Identity;

/// The bot as the handlers use it: every send goes through the Throttle adaptor, which keeps
/// to Telegram's rate limits and waits out a 429's `retry_after` before re-sending.
pub type TgBot = Throttle<Bot>;

type HandlerResult = anyhow::Result<()>;
type UpdateHandler = dptree::Handler<'static, HandlerResult, DpHandlerDescription>;

/// Attempts for one request that fails with a server error or a timeout.
const SEND_ATTEMPTS: u32 = 4;
/// First wait before retrying; doubled after each attempt.
const FIRST_BACKOFF: Duration = Duration::from_millis(500);

/// How to run the dispatcher.
#[derive(Debug, Clone)]
pub struct Options {
    /// Send rate limits (Telegram's defaults in production).
    pub limits: Limits,
    /// Stop on Ctrl-C (off in tests, which run many bots in one process).
    pub ctrlc: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options { limits: Limits::default(), ctrlc: true }
    }
}

impl Options {
    /// Limits high enough never to delay a send, and no Ctrl-C handler: for tests and for
    /// measuring what the bot itself can do.
    pub fn unthrottled() -> Options {
        Options {
            limits: Limits {
                messages_per_sec_chat: 10_000,
                messages_per_min_chat: 600_000,
                messages_per_min_channel_or_supergroup: 600_000,
                messages_per_sec_overall: 100_000,
            },
            ctrlc: false,
        }
    }
}

/// A client for the Bot API at `api_url` (api.telegram.org when `None`).
pub fn connect(token: &str, api_url: Option<&str>) -> anyhow::Result<Bot> {
    let bot = Bot::new(token);
    match api_url {
        Some(url) => {
            let url = url.parse().with_context(|| format!("TELOXIDE_API_URL: '{url}' is not a valid URL"))?;
            Ok(bot.set_api_url(url))
        }
        None => Ok(bot),
    }
}

/// Runs the bot configured by `config` until Ctrl-C.
pub async fn run(config: &Config, chat: Arc<Conversation>) -> anyhow::Result<()> {
    let token =
        config.token.as_ref().context("TELOXIDE_TOKEN is not set; get a token from @BotFather (see .env.example)")?;
    let bot = connect(token.expose(), config.api_url.as_deref())?;
    serve(bot, chat, Options::default()).await
}

/// Checks the token, registers the command menu and serves updates by long polling.
pub async fn serve(bot: Bot, chat: Arc<Conversation>, options: Options) -> anyhow::Result<()> {
    let me = check_token(&bot).await?;
    tracing::info!(username = %me.username(), "connected to Telegram");
    register_commands(&bot).await;
    let identity = Arc::new(Identity { id: me.id, username: me.username().to_string() });
    let bot = bot.throttle(options.limits);
    let (stop, stopped) = tokio::sync::watch::channel(false);
    reminders::start(bot.clone(), chat.clone(), stopped);
    let mut builder = Dispatcher::builder(bot, schema())
        .dependencies(dptree::deps![chat, identity])
        .default_handler(|update| async move {
            tracing::debug!(id = update.id.0, "update without a handler");
        })
        .error_handler(LoggingErrorHandler::with_custom_text("an update handler failed"));
    if options.ctrlc {
        builder = builder.enable_ctrlc_handler();
    }
    builder.build().dispatch().await;
    let _ = stop.send(true);
    Ok(())
}

/// `getMe`, with a clear error instead of the dispatcher's panic when the token is wrong.
async fn check_token(bot: &Bot) -> anyhow::Result<Me> {
    match bot.get_me().send().await {
        Ok(me) => Ok(me),
        Err(RequestError::Api(ApiError::InvalidToken)) => anyhow::bail!(
            "Telegram rejected TELOXIDE_TOKEN (getMe said Unauthorized/Not Found); copy the token again from @BotFather"
        ),
        // teloxide strips the URL (and so the token) from network errors.
        Err(err) => Err(anyhow::Error::new(err)
            .context("cannot reach the Telegram Bot API (check the network, or TELOXIDE_API_URL)")),
    }
}

/// Registers the command menu: English by default, Russian for every client language that
/// gets the Russian interface. A failure is logged only: the bot works without a menu.
async fn register_commands(bot: &Bot) {
    let menu = |lang: Lang| -> Vec<BotCommand> {
        Command::MENU.iter().map(|c| BotCommand::new(c.name(), c.description(lang))).collect()
    };
    if let Err(err) = bot.set_my_commands(menu(Lang::En)).send().await {
        tracing::warn!("setMyCommands failed: {err}");
    }
    for code in RUSSIAN_READERS {
        if let Err(err) = bot.set_my_commands(menu(Lang::Ru)).language_code(*code).send().await {
            tracing::warn!(code, "setMyCommands failed: {err}");
        }
    }
}

/// setMyCommands requests made at start-up: the default menu and one per Russian-reading
/// language.
pub const MENU_REQUESTS: usize = 1 + RUSSIAN_READERS.len();

/// The handler tree: messages, edits, button presses and inline queries.
pub fn schema() -> UpdateHandler {
    dptree::entry()
        .branch(Update::filter_message().endpoint(on_message))
        .branch(Update::filter_edited_message().endpoint(on_edited_message))
        .branch(Update::filter_callback_query().endpoint(on_callback))
        .branch(Update::filter_inline_query().endpoint(on_inline))
}

async fn on_message(bot: TgBot, chat: Arc<Conversation>, me: Arc<Identity>, msg: Message) -> HandlerResult {
    converse(bot, chat, &me, msg, false).await
}

async fn on_edited_message(bot: TgBot, chat: Arc<Conversation>, me: Arc<Identity>, msg: Message) -> HandlerResult {
    converse(bot, chat, &me, msg, true).await
}

async fn converse(bot: TgBot, chat: Arc<Conversation>, me: &Identity, msg: Message, edited: bool) -> HandlerResult {
    let Some(mut incoming) = convert::message(&msg, me, edited) else {
        return Ok(());
    };
    let group = incoming.chat_kind == ChatKind::Group;
    if let (true, None, Sender::User(user), Content::Text(text)) =
        (group, incoming.sender_is_chat_admin, incoming.sender, &incoming.content)
    {
        if reminders::needs_admin_check(text) {
            incoming.sender_is_chat_admin = reminders::is_chat_admin(&bot, msg.chat.id, user).await;
        }
    }
    let replies = respond(chat, incoming).await?;
    // In a group, quote the question so the answer is found in the flow of talk.
    let reply_to = group.then(|| ReplyParameters::new(msg.id).allow_sending_without_reply());
    send_replies(&bot, msg.chat.id, replies, reply_to).await;
    Ok(())
}

async fn on_callback(bot: TgBot, chat: Arc<Conversation>, query: CallbackQuery) -> HandlerResult {
    let data = query.data.clone().unwrap_or_default();
    let origin = query.message.as_ref().map(|m| (m.chat().id, m.chat().is_private()));
    let replies = match origin {
        Some((chat_id, private)) => {
            let mut incoming = convert::callback(chat_id, private, &query.from, &data);
            if let (false, Sender::User(user)) = (private, incoming.sender) {
                if reminders::needs_admin_check(&data) {
                    incoming.sender_is_chat_admin = reminders::is_chat_admin(&bot, chat_id, user).await;
                }
            }
            // The query is answered even if handling failed, or the client keeps spinning.
            respond(chat, incoming).await.unwrap_or_else(|err| {
                tracing::error!("button press failed: {err:#}");
                Vec::new()
            })
        }
        // A button on an inline-mode message: none of ours carry buttons.
        None => {
            let lang = Lang::from_code(query.from.language_code.as_deref());
            vec![Reply::Notice(lang.texts().stale_button.to_string())]
        }
    };
    let notice = replies.iter().find_map(|r| match r {
        Reply::Notice(text) => Some(text.clone()),
        Reply::Message(_) | Reply::Document { .. } => None,
    });
    let id = query.id.clone();
    retrying("answerCallbackQuery", || {
        let request = bot.answer_callback_query(id.clone());
        match &notice {
            Some(text) => request.text(text.clone()).send(),
            None => request.send(),
        }
    })
    .await;
    if let Some((chat_id, _)) = origin {
        send_replies(&bot, chat_id, replies, None).await;
    }
    Ok(())
}

async fn on_inline(bot: TgBot, chat: Arc<Conversation>, query: InlineQuery) -> HandlerResult {
    let text = query.query.clone();
    let code = query.from.language_code.clone();
    let items = tokio::task::spawn_blocking(move || chat.inline(&text, code.as_deref()))
        .await
        .context("answering an inline query")?;
    let results: Vec<InlineQueryResult> = items
        .into_iter()
        .map(|item| {
            let text = html::render(&item.message.blocks, html::MAX_MESSAGE_LEN).into_iter().next().unwrap_or_default();
            let content = InputMessageContent::Text(InputMessageContentText::new(text).parse_mode(ParseMode::Html));
            InlineQueryResultArticle::new(item.id, item.title, content).description(item.description).into()
        })
        .collect();
    let id = query.id.clone();
    retrying("answerInlineQuery", || bot.answer_inline_query(id.clone(), results.clone()).cache_time(60).send()).await;
    Ok(())
}

/// Runs the (CPU-bound) conversation off the async workers.
async fn respond(chat: Arc<Conversation>, incoming: Incoming) -> anyhow::Result<Vec<Reply>> {
    tokio::task::spawn_blocking(move || chat.handle(&incoming)).await.context("handling a message")
}

/// Sends each message reply as HTML, split to Telegram's length limit, buttons on the last
/// part. Notices only make sense on a button press and are not sent as messages.
async fn send_replies(bot: &TgBot, chat_id: ChatId, replies: Vec<Reply>, reply_to: Option<ReplyParameters>) {
    for reply in replies {
        let message = match reply {
            Reply::Message(message) => message,
            Reply::Document { file_name, text, caption, .. } => {
                retrying("sendDocument", || {
                    reminders::send_document(bot, chat_id, &file_name, &text, caption.as_deref())
                })
                .await;
                continue;
            }
            Reply::Notice(_) => continue,
        };
        let parts = html::render(&message.blocks, html::MAX_MESSAGE_LEN);
        let last = parts.len() - 1;
        for (n, text) in parts.into_iter().enumerate() {
            let keyboard = (n == last).then(|| html::keyboard(&message.buttons)).flatten();
            let reply_to = (n == 0).then(|| reply_to.clone()).flatten();
            let sent = retrying("sendMessage", || {
                let mut request = bot.send_message(chat_id, text.clone()).parse_mode(ParseMode::Html);
                if let Some(keyboard) = &keyboard {
                    request = request.reply_markup(keyboard.clone());
                }
                if let Some(reply_to) = &reply_to {
                    request = request.reply_parameters(reply_to.clone());
                }
                request.send()
            })
            .await;
            if sent.is_none() {
                // The rest of the reply makes no sense without this part.
                return;
            }
        }
    }
}

/// Runs `request` until it succeeds, retrying server errors and timeouts with backoff and
/// waiting out any 429 that reaches us; other errors (a blocked bot, a bad request) are
/// logged and given up. `None` when the request finally failed.
async fn retrying<T, F, Fut>(what: &str, mut request: F) -> Option<T>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, RequestError>>,
{
    let mut backoff = FIRST_BACKOFF;
    for attempt in 1..=SEND_ATTEMPTS {
        let err = match request().await {
            Ok(value) => return Some(value),
            Err(err) => err,
        };
        let wait = match &err {
            RequestError::RetryAfter(after) => Some(after.duration()),
            err if is_transient(err) => Some(backoff),
            _ => None,
        };
        match wait {
            Some(wait) if attempt < SEND_ATTEMPTS => {
                tracing::warn!(attempt, "{what} failed, retrying in {wait:?}: {err}");
                tokio::time::sleep(wait).await;
                backoff *= 2;
            }
            _ => {
                match err {
                    RequestError::Api(ApiError::BotBlocked) => {
                        tracing::info!("{what}: the user blocked the bot; not retrying")
                    }
                    err => tracing::warn!(attempt, "{what} failed, giving up: {err}"),
                }
                return None;
            }
        }
    }
    None
}

/// Failures worth retrying: the network, timeouts, and server errors (which arrive as HTML
/// pages that are not JSON, or as API errors teloxide does not know).
fn is_transient(err: &RequestError) -> bool {
    match err {
        RequestError::Network(_) | RequestError::Io(_) | RequestError::InvalidJson { .. } => true,
        RequestError::Api(ApiError::Unknown(description)) => {
            let d = description.to_ascii_lowercase();
            ["internal server error", "bad gateway", "service unavailable", "gateway timeout", "timeout"]
                .iter()
                .any(|s| d.contains(s))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn server_errors_and_timeouts_are_retried_but_refusals_are_not() {
        let unknown = |d: &str| RequestError::Api(ApiError::Unknown(d.to_string()));
        assert!(is_transient(&unknown("Internal Server Error")));
        assert!(is_transient(&unknown("Bad Gateway")));
        assert!(is_transient(&RequestError::Io(Arc::new(std::io::Error::other("reset")))));
        assert!(!is_transient(&RequestError::Api(ApiError::BotBlocked)));
        assert!(!is_transient(&unknown("Bad Request: can't parse entities")));
    }
}
