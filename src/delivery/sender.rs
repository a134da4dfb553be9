//! The one sender that drains the outbox: head row of each chat, most urgent first, within
//! the [`Limits`]; at most one request in flight per chat (so a chat's messages keep their
//! order) and a bounded number overall. It sleeps until a producer wakes it ([`Wake`]), a
//! send finishes, a chat's wait ends or a row's `not_before` comes, and looks again after a
//! few idle seconds in any case, so a wake-up that went astray delays a message by seconds,
//! not half a minute.
//!
//! Every outcome is recorded on the row: a 429 pauses only that chat for `retry_after`;
//! network and server errors retry with backoff until the row expires; a 403 marks the chat
//! inactive; a migrated group takes its rows along and the message is re-sent there; a
//! request whose outcome was never seen is `unknown`, not repeated blindly.

use std::collections::{HashMap, HashSet};
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Notify;
use tokio::task::JoinSet;
use tokio::time::Instant;
use tokio_util::sync::CancellationToken;

use super::limits::{Limiters, Limits, Permit};
use super::Payload;
use crate::clock::Clock;
use crate::store::outbox::{Due, Finished, Priority};
use crate::store::Store;

/// Where one part goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Target {
    pub chat_id: i64,
    pub thread_id: Option<i32>,
    /// Quoted by the first part only.
    pub reply_to: Option<i32>,
}

/// What became of one request, as the transport reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Delivered as message `message_id`.
    Sent { message_id: i32 },
    /// 429: this chat must wait.
    RetryAfter(Duration),
    /// The request certainly did not take effect (connection refused, 5xx): try again later.
    Transient(String),
    /// The request may have taken effect (a timeout after it was written): do not repeat.
    Unknown(String),
    /// The group became a supergroup with this id.
    Migrated(i64),
    /// The chat refuses the bot (blocked, kicked, deleted): 403.
    ChatGone(String),
    /// Refused for good (a bad request).
    Rejected(String),
}

/// How a transport (Telegram) sends outbox payloads.
pub trait Transport: Send + Sync + 'static {
    /// One request's worth of a payload (a part of a long message, a document).
    type Part: Send + Sync + 'static;
    /// Splits a payload into the requests that send it; the first carries the quote.
    fn prepare(&self, payload: &Payload) -> Vec<Self::Part>;
    /// Sends one part.
    fn send(&self, target: Target, part: &Self::Part) -> impl Future<Output = Outcome> + Send;
}

/// Retry timing for transient failures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backoff {
    /// Wait after the first failure; doubled after each further one.
    pub first: Duration,
    /// Longest wait between two attempts.
    pub max: Duration,
}

impl Default for Backoff {
    fn default() -> Backoff {
        Backoff { first: Duration::from_secs(1), max: Duration::from_secs(60) }
    }
}

impl Backoff {
    /// The wait after `failures` earlier failures (0 for the first).
    pub fn after(&self, failures: u32) -> Duration {
        self.first.saturating_mul(1 << failures.min(16)).min(self.max)
    }
}

/// How the sender runs.
#[derive(Debug, Clone, Copy)]
pub struct SenderOptions {
    pub limits: Limits,
    pub backoff: Backoff,
    /// Requests in flight at once (each to a different chat).
    pub concurrency: usize,
    /// After the stop signal, how long to keep sending what is ready.
    pub flush: Duration,
}

impl Default for SenderOptions {
    fn default() -> SenderOptions {
        SenderOptions {
            limits: Limits::default(),
            backoff: Backoff::default(),
            concurrency: 16,
            flush: Duration::from_secs(3),
        }
    }
}

/// Wakes the sender after rows were enqueued (call it after the transaction committed).
/// Cheap to clone; a wake with no sleeping sender is kept for its next look.
#[derive(Debug, Clone, Default)]
pub struct Wake(Arc<Notify>);

impl Wake {
    /// New rows are in the outbox.
    pub fn wake(&self) {
        self.0.notify_one();
    }
}

/// Longest sleep with nothing to do: expiries are checked at least this often, and a row
/// whose wake-up was missed waits at most this long. One indexed look costs microseconds.
const IDLE: Duration = Duration::from_secs(2);
/// Most rows read per look; one per chat, so this bounds the chats considered at once.
const HEADS: usize = 1000;

/// What a finished send job tells the loop.
struct JobEnd {
    chat_id: i64,
    /// The chat waits this long before its next send (429, backoff).
    pause: Option<Duration>,
}

/// Drains `store`'s outbox through `transport` until `shutdown`, then flushes what is ready
/// for [`SenderOptions::flush`] and returns; unsent rows stay for the next start.
pub async fn run<T: Transport>(
    store: Arc<Store>,
    clock: Arc<dyn Clock>,
    transport: Arc<T>,
    wake: Wake,
    options: SenderOptions,
    shutdown: CancellationToken,
) {
    match store.recover_in_flight() {
        Ok((0, 0)) => {}
        Ok((again, unknown)) => tracing::warn!(
            again,
            unknown,
            "messages were being sent when the bot stopped; replies are sent again, reminders are not repeated"
        ),
        Err(err) => tracing::error!("outbox: {err}"),
    }
    let limiters = Arc::new(Limiters::new(options.limits));
    let mut in_flight: HashSet<i64> = HashSet::new();
    let mut paused: HashMap<i64, Instant> = HashMap::new();
    let mut jobs: JoinSet<JobEnd> = JoinSet::new();
    let mut stop_at: Option<Instant> = None;
    let mut looks: u64 = 0;
    loop {
        let now = Instant::now();
        paused.retain(|_, until| *until > now);
        looks += 1;
        if looks.is_multiple_of(1000) {
            limiters.forget_idle();
        }
        let unix = clock.unix();
        for (id, chat_id) in store.expire(unix).unwrap_or_default() {
            tracing::warn!(row = id, chat_id, "a message expired before it could be delivered; dropped");
        }
        // Enough heads to fill every free slot past the chats that are busy or paused; reading
        // more each look only costs time while the store is shared with the replies.
        let wanted = (options.concurrency + in_flight.len() + paused.len()).min(HEADS);
        let heads = store.due(unix, wanted).unwrap_or_else(|err| {
            tracing::error!("outbox: {err}");
            Vec::new()
        });
        let mut wake_at = now + IDLE;
        let mut waiting = false;
        for row in heads {
            let chat_id = row.message.chat_id;
            if in_flight.contains(&chat_id) {
                continue;
            }
            if let Some(until) = paused.get(&chat_id) {
                wake_at = wake_at.min(*until);
                waiting = true;
                continue;
            }
            if in_flight.len() >= options.concurrency {
                break;
            }
            match limiters.try_send(chat_id) {
                Permit::Go => {}
                Permit::ChatWait(wait) => {
                    paused.insert(chat_id, now + wait);
                    wake_at = wake_at.min(now + wait);
                    waiting = true;
                    continue;
                }
                Permit::AllWait(wait) => {
                    wake_at = wake_at.min(now + wait);
                    waiting = true;
                    break;
                }
            }
            in_flight.insert(chat_id);
            let job = Job {
                store: store.clone(),
                clock: clock.clone(),
                transport: transport.clone(),
                limiters: limiters.clone(),
                backoff: options.backoff,
            };
            jobs.spawn(job.deliver(row));
        }
        if let Ok(Some(at)) = store.next_not_before(unix) {
            let secs = (at - unix).max(0) as u64;
            wake_at = wake_at.min(now + Duration::from_secs(secs));
        }
        if let Some(deadline) = stop_at {
            if jobs.is_empty() && (!waiting || Instant::now() >= deadline) {
                break;
            }
            if Instant::now() >= deadline {
                tracing::warn!(requests = jobs.len(), "stopping with requests under way");
                jobs.abort_all();
                break;
            }
            wake_at = wake_at.min(deadline);
        }
        tokio::select! {
            _ = wake.0.notified() => {}
            Some(ended) = jobs.join_next(), if !jobs.is_empty() => {
                if let Ok(ended) = ended {
                    in_flight.remove(&ended.chat_id);
                    if let Some(pause) = ended.pause {
                        paused.insert(ended.chat_id, Instant::now() + pause);
                    }
                }
            }
            _ = tokio::time::sleep_until(wake_at) => {}
            _ = shutdown.cancelled(), if stop_at.is_none() => {
                stop_at = Some(Instant::now() + options.flush);
            }
        }
        // A panicked job (there should be none) must not hold its chat forever.
        if in_flight.len() > jobs.len() {
            in_flight.clear();
        }
    }
    let left = store.outbox_depth().unwrap_or(0);
    tracing::info!(unsent = left, "sender stopped; unsent messages are kept for the next start");
}

/// One row's delivery: its parts in order, each outcome recorded.
struct Job<T> {
    store: Arc<Store>,
    clock: Arc<dyn Clock>,
    transport: Arc<T>,
    limiters: Arc<Limiters>,
    backoff: Backoff,
}

impl<T: Transport> Job<T> {
    async fn deliver(self, row: Due) -> JobEnd {
        let chat_id = row.message.chat_id;
        let pause = self.try_deliver(&row).await.unwrap_or_else(|err| {
            tracing::error!(row = row.id, chat_id, "outbox: {err}");
            Some(Duration::from_secs(1))
        });
        JobEnd { chat_id, pause }
    }

    async fn try_deliver(&self, row: &Due) -> Result<Option<Duration>, crate::store::StoreError> {
        let (id, chat_id) = (row.id, row.message.chat_id);
        let Some(payload) = Payload::from_json(&row.message.payload) else {
            tracing::error!(row = id, chat_id, "an outbox row this version cannot read; dropped");
            self.store.finish(id, Finished::Failed, "unreadable payload")?;
            return Ok(None);
        };
        let parts = self.transport.prepare(&payload);
        let first = row.parts_sent as usize;
        if first >= parts.len() {
            self.store.finish(id, Finished::Failed, "nothing to send")?;
            return Ok(None);
        }
        for (n, part) in parts.iter().enumerate().skip(first) {
            if n > first {
                self.limiters.until_ready(chat_id).await;
            }
            let target =
                Target { chat_id, thread_id: row.message.thread_id, reply_to: row.message.reply_to.filter(|_| n == 0) };
            self.store.mark_sending(id)?;
            let outcome = self.transport.send(target, part).await;
            let unix = self.clock.unix();
            match outcome {
                Outcome::Sent { message_id } => {
                    self.store.mark_part_sent(id, message_id, n + 1 == parts.len(), unix)?;
                    if let Payload::Message(crate::conversation::Message { answers: Some(question), .. }) = &payload {
                        self.store.link_answer(chat_id, message_id, *question)?;
                    }
                }
                Outcome::RetryAfter(wait) => {
                    tracing::warn!(row = id, chat_id, seconds = wait.as_secs(), "429: this chat waits");
                    self.store.retry_later(id, unix + wait.as_secs() as i64, "429 Too Many Requests")?;
                    return Ok(Some(wait));
                }
                Outcome::Transient(error) => return self.retry(row, unix, &error),
                // A person waits for a reply: sending it again risks a duplicate, giving up
                // risks silence, and silence is worse (as after a crash, see
                // `Store::recover_in_flight`). A reminder is promised exactly once: not repeated.
                Outcome::Unknown(error) if row.message.priority != Priority::Broadcast => {
                    tracing::warn!(row = id, chat_id, "send outcome unknown; a reply is sent again: {error}");
                    return self.retry(row, unix, &error);
                }
                Outcome::Unknown(error) => {
                    tracing::warn!(row = id, chat_id, "send outcome unknown, not repeating it: {error}");
                    self.store.finish(id, Finished::Unknown, &error)?;
                    return Ok(None);
                }
                Outcome::Migrated(to) => {
                    tracing::info!(chat_id, to, "the group became a supergroup; its messages follow it");
                    self.store.migrate_chat(chat_id, to, unix)?;
                    return Ok(None);
                }
                Outcome::ChatGone(error) => {
                    tracing::info!(chat_id, "the chat refuses the bot; marked inactive: {error}");
                    // Rows first: whoever sees the chat inactive sees its rows settled, and a
                    // crash between the two only costs one more refused send.
                    self.store.fail_chat(chat_id, &error)?;
                    self.store.deactivate_chat(chat_id, unix)?;
                    return Ok(None);
                }
                Outcome::Rejected(error) => {
                    tracing::warn!(row = id, chat_id, "Telegram refused a message: {error}");
                    self.store.finish(id, Finished::Failed, &error)?;
                    return Ok(None);
                }
            }
        }
        Ok(None)
    }

    /// After a failed attempt: again after the backoff, or dropped (and logged) when that
    /// would be past the row's expiry. Returns the chat's pause.
    fn retry(&self, row: &Due, unix: i64, error: &str) -> Result<Option<Duration>, crate::store::StoreError> {
        let (id, chat_id) = (row.id, row.message.chat_id);
        let wait = self.backoff.after(row.attempts);
        if unix + wait.as_secs() as i64 > row.message.expires_at {
            tracing::warn!(
                row = id,
                chat_id,
                attempts = row.attempts + 1,
                "undeliverable until it expired; dropped: {error}"
            );
            self.store.finish(id, Finished::Expired, error)?;
            return Ok(None);
        }
        tracing::warn!(row = id, chat_id, attempts = row.attempts + 1, "send failed, retrying in {wait:?}: {error}");
        // Sub-second waits are kept by the loop only: `not_before` has whole seconds.
        self.store.retry_later(id, unix + wait.as_secs() as i64, error)?;
        Ok(Some(wait))
    }
}
