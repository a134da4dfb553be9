//! The Telegram front end, and the only module that imports teloxide: start-up checks, the
//! command menu, and three tasks sharing one stop signal:
//!
//! - [`poll`]: `getUpdates` into the store's inbox (stored before confirmed);
//! - [`process`]: inbox -> [`crate::conversation::Conversation`] -> outbox rows, per chat in order;
//! - the outbox sender ([`crate::delivery::sender`]) over [`transport::Telegram`].
//!
//! Everything the bot says is decided by the conversation; this layer converts and sends.
//! Other tasks (a reminder scheduler, a knowledge watcher) run beside these with the same
//! [`Lifecycle`]: they enqueue with `store::outbox::enqueue`, call [`Lifecycle::wake`], and
//! return when [`Lifecycle::shutdown`] is cancelled.

pub mod convert;
pub mod html;
pub mod menu;
pub mod poll;
pub mod process;
pub mod reminders;
pub mod transport;

use std::sync::Arc;
use std::time::Duration;

use anyhow::Context as _;
use teloxide::prelude::Requester;
use teloxide::requests::Request;
use teloxide::types::Me;
use teloxide::{ApiError, Bot, RequestError};
use tokio::sync::Notify;
use tokio_util::sync::CancellationToken;

use crate::config::Config;
use crate::conversation::Conversation;
use crate::delivery::{self, Backoff, Limits, SenderOptions, Wake};
use convert::Identity;
pub use poll::{PollError, PollOptions};

/// The Bot API, with two clients: polls and sends have different timeouts. Cheap to clone;
/// other parts of the bot use [`Api::bot`] for methods the sender does not cover
/// (`getChatMember`, `setMyCommands` with a scope, …).
#[derive(Clone)]
pub struct Api {
    poll: Bot,
    send: Bot,
}

/// HTTP timeout of a `getUpdates`, beyond its long poll.
const POLL_SLACK: Duration = Duration::from_secs(7);
/// HTTP timeout of every other request: long, because a send that times out after it was
/// written may have been delivered, and is then not repeated.
pub const SEND_TIMEOUT: Duration = Duration::from_secs(45);

impl Api {
    /// Clients for the Bot API at `api_url` (api.telegram.org when `None`).
    pub fn connect(token: &str, api_url: Option<&str>, options: &Options) -> anyhow::Result<Api> {
        let client = |timeout: Duration| {
            teloxide::net::default_reqwest_settings().timeout(timeout).build().context("creating the HTTP client")
        };
        let poll = Bot::with_client(token, client(options.poll.long_poll + POLL_SLACK)?);
        let send = Bot::with_client(token, client(options.send_timeout)?);
        match api_url {
            Some(url) => {
                let invalid = || format!("TELOXIDE_API_URL: '{url}' is not a valid URL");
                let poll = poll.set_api_url(url.parse().with_context(invalid)?);
                let send = send.set_api_url(url.parse().with_context(invalid)?);
                Ok(Api { poll, send })
            }
            None => Ok(Api { poll, send }),
        }
    }

    /// The client for every request but polling.
    pub fn bot(&self) -> &Bot {
        &self.send
    }
}

/// How to run the bot.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub sender: SenderOptions,
    pub poll: PollOptions,
    /// HTTP timeout of sends ([`SEND_TIMEOUT`] in production).
    pub send_timeout: Duration,
    /// Updates handled at once (each from a different chat).
    pub handlers: usize,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            sender: SenderOptions::default(),
            poll: PollOptions::default(),
            send_timeout: SEND_TIMEOUT,
            handlers: std::thread::available_parallelism().map_or(2, |n| n.get()) * 2,
        }
    }
}

impl Options {
    /// No rate limits and quick retries: for tests and for measuring the bot itself.
    pub fn unthrottled() -> Options {
        Options::default().with_limits(Limits::unlimited()).fast_retries()
    }

    /// These send limits.
    pub fn with_limits(mut self, limits: Limits) -> Options {
        self.sender.limits = limits;
        self
    }

    /// Retries after tens of milliseconds instead of seconds, so fault tests take seconds.
    pub fn fast_retries(mut self) -> Options {
        let fast = Backoff { first: Duration::from_millis(50), max: Duration::from_millis(400) };
        self.sender.backoff = fast;
        self.poll.backoff = fast;
        self.poll.long_poll = Duration::from_secs(2);
        self
    }
}

/// What the bot's tasks share: the stop signal and the sender's wake-up. Cheap to clone.
#[derive(Clone, Default)]
pub struct Lifecycle {
    /// Cancelled to stop: polling stops at once, handling finishes what is under way, the
    /// sender flushes for a few seconds; unsent rows stay in the store.
    pub shutdown: CancellationToken,
    /// Call after enqueueing outbox rows.
    pub wake: Wake,
}

impl Lifecycle {
    /// Wakes the sender.
    pub fn wake(&self) {
        self.wake.wake();
    }
}

/// Runs the bot configured by `config` until `lifecycle.shutdown` is cancelled.
pub async fn run(config: &Config, chat: Arc<Conversation>, lifecycle: Lifecycle) -> anyhow::Result<()> {
    let token =
        config.token.as_ref().context("TELOXIDE_TOKEN is not set; get a token from @BotFather (see .env.example)")?;
    let options = Options::default();
    let api = Api::connect(token.expose(), config.api_url.as_deref(), &options)?;
    serve(api, chat, options, lifecycle).await
}

/// Checks the token, registers the command menu, then polls, handles and sends until
/// `lifecycle.shutdown`; returns after the sender's flush. An error when the token is
/// rejected, at start or later.
pub async fn serve(api: Api, chat: Arc<Conversation>, options: Options, lifecycle: Lifecycle) -> anyhow::Result<()> {
    let me = check_token(api.bot()).await?;
    tracing::info!(bot_id = me.id.0, "connected to Telegram");
    menu::register(api.bot(), &chat.settings().admin_ids).await;
    let store = chat.store().clone();
    let clock = chat.clock().clone();
    let inbox = Arc::new(Notify::new());
    let stop_handling = CancellationToken::new();
    let stop_sending = CancellationToken::new();

    let transport = Arc::new(transport::Telegram { bot: api.send.clone() });
    let sender = tokio::spawn(delivery::sender::run(
        store.clone(),
        clock.clone(),
        transport,
        lifecycle.wake.clone(),
        options.sender,
        stop_sending.clone(),
    ));
    let context = Arc::new(process::Context {
        bot: api.send.clone(),
        conversation: chat,
        me: Identity { id: me.id, username: me.username().to_string() },
        store: store.clone(),
        clock: clock.clone(),
        wake: lifecycle.wake.clone(),
    });
    let scheduler = Arc::new(crate::reminders::Scheduler::new(context.conversation.clone()));
    let wake = lifecycle.wake.clone();
    // A child token: the scheduler stops when the bot stops for any reason, a rejected token
    // included, not only on a signal.
    let stop_reminders = lifecycle.shutdown.child_token();
    let reminders = tokio::spawn(crate::reminders::run(scheduler, move || wake.wake(), stop_reminders.clone()));
    let processor = tokio::spawn(process::run(context, inbox.clone(), options.handlers, stop_handling.clone()));
    // Anything still unhandled from the last run.
    inbox.notify_one();

    let polled = poll::run(&api.poll, &store, &clock, &inbox, options.poll, &lifecycle.shutdown).await;
    tracing::info!("polling stopped; finishing what is under way");
    // In order: no new updates, the handlers under way finish (their replies are enqueued),
    // then the sender flushes what it can.
    stop_handling.cancel();
    stop_reminders.cancel();
    let _ = processor.await;
    let _ = reminders.await;
    stop_sending.cancel();
    let _ = sender.await;
    polled.map_err(anyhow::Error::new)
}

/// `getMe`, with a clear error when the token is wrong.
async fn check_token(bot: &Bot) -> anyhow::Result<Me> {
    match bot.get_me().send().await {
        Ok(me) => Ok(me),
        Err(RequestError::Api(ApiError::InvalidToken)) => Err(anyhow::Error::new(PollError::TokenRejected)),
        // teloxide strips the URL (and so the token) from network errors.
        Err(err) => Err(anyhow::Error::new(err)
            .context("cannot reach the Telegram Bot API (check the network, or TELOXIDE_API_URL)")),
    }
}

/// setMyCommands requests made at start-up for the public menu.
pub use menu::MENU_REQUESTS;
