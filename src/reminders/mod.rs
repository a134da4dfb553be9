//! The reminder scheduler: on each tick it reads the injected clock and the current
//! knowledge, puts every reminder that fell due into the outbox exactly once, and announces
//! meetings that a reload added or changed (see [`announce`]).
//!
//! Exactly once: the ledger row for (meeting occurrence, lead, chat) and the outbox row are
//! written in one transaction, so a crash at any moment leaves either both or neither. After
//! downtime only the latest overdue lead of a meeting is sent (the others are recorded as
//! skipped), and nothing is sent for a meeting that has started. Pending reminders need no
//! rows of their own: they are computed from the knowledge on every tick, so a moved meeting
//! is reminded at its new time and a removed one not at all.
//!
//! The tick also prunes old inbox and outbox rows when that is due (`store::retention`); the
//! ledger is never pruned, so pruning cannot make a reminder go out twice.

pub mod announce;

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use tokio_util::sync::CancellationToken;

use crate::conversation::subscriptions::{expiry, reminder_message};
use crate::conversation::{Conversation, Message};
use crate::delivery::Payload;
use crate::i18n::Lang;
use crate::meetings::{self, Due, Lead};
use crate::store::outbox::{self, Outgoing, Priority};
use crate::store::reminders::{self as ledger, Outcome};
use crate::store::subscriptions::Subscriber;
use crate::store::StoreError;

/// How often the scheduler looks at the clock.
pub const TICK: Duration = Duration::from_millis(500);
/// Reminders written per transaction, so the conversation never waits long for the store.
const BATCH: usize = 500;

/// What one tick did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Report {
    /// Reminders put in the outbox.
    pub reminders: usize,
    /// Overdue reminders superseded by a later lead of the same meeting.
    pub skipped: usize,
    /// Announcements put in the outbox.
    pub announcements: usize,
}

/// One reminder to write.
struct Job {
    chat_id: i64,
    lead: Lead,
    outcome: Outcome,
    payload: Option<String>,
}

/// Schedules the reminders and announcements of one conversation's knowledge and store.
pub struct Scheduler {
    conversation: Arc<Conversation>,
}

impl Scheduler {
    /// A scheduler over `conversation`'s knowledge (swapped on reload), store and clock.
    pub fn new(conversation: Arc<Conversation>) -> Scheduler {
        Scheduler { conversation }
    }

    /// Announces changes, then enqueues every reminder due at the clock's now.
    pub fn tick(&self) -> Result<Report, StoreError> {
        let now = self.conversation.clock().now();
        let mut report = Report { announcements: announce::announce(&self.conversation, now)?, ..Report::default() };
        let engine = self.conversation.engine();
        let knowledge = engine.knowledge();
        let zone = self.conversation.timezone();
        let store = self.conversation.store();
        let mut subscribers: HashMap<&str, Vec<Subscriber>> = HashMap::new();
        for meeting in &knowledge.meetings {
            let Some(occurrence) = meetings::occurrence(meeting, zone) else {
                continue;
            };
            if occurrence.start <= now {
                continue;
            }
            if !subscribers.contains_key(meeting.organization.as_str()) {
                subscribers.insert(&meeting.organization, store.subscribers(&meeting.organization)?);
            }
            let key = meetings::occurrence_key(meeting, &occurrence);
            let mut schedules: HashMap<Vec<Lead>, Option<(Due, Vec<Due>)>> = HashMap::new();
            let mut done = None;
            let mut messages: HashMap<(Lang, Lead), String> = HashMap::new();
            let mut jobs = Vec::new();
            for subscriber in &subscribers[meeting.organization.as_str()] {
                let leads = match &subscriber.leads {
                    Some(seconds) => seconds.iter().map(|&s| Lead(s)).collect(),
                    None => self.conversation.reminder_leads().to_vec(),
                };
                let plan = schedules
                    .entry(leads)
                    .or_insert_with_key(|leads| {
                        meetings::overdue(&meetings::schedule(meeting, &occurrence, leads, zone), &occurrence, now)
                    })
                    .clone();
                let Some((send, superseded)) = plan else {
                    continue;
                };
                let done = match &done {
                    Some(done) => done,
                    None => done.insert(store.ledger_of(&key)?),
                };
                for due in superseded.iter().filter(|d| !done.contains(&(d.lead.0, subscriber.chat_id))) {
                    jobs.push(Job {
                        chat_id: subscriber.chat_id,
                        lead: due.lead,
                        outcome: Outcome::Skipped,
                        payload: None,
                    });
                }
                if done.contains(&(send.lead.0, subscriber.chat_id)) {
                    continue;
                }
                let lang = Lang::from_code(subscriber.language.as_deref());
                let payload = messages
                    .entry((lang, send.lead))
                    .or_insert_with(|| {
                        Payload::Message(reminder_message(knowledge, meeting, send.lead, lang, zone)).to_json()
                    })
                    .clone();
                jobs.push(Job {
                    chat_id: subscriber.chat_id,
                    lead: send.lead,
                    outcome: Outcome::Sent,
                    payload: Some(payload),
                });
            }
            let expires_at = expiry(meeting, zone, now).timestamp();
            for batch in jobs.chunks(BATCH) {
                let (sent, skipped) = store.transaction(|tx| write_jobs(tx, &key, batch, expires_at, now))?;
                report.reminders += sent;
                report.skipped += skipped;
            }
        }
        if report != Report::default() {
            tracing::info!(?report, "reminders scheduled");
        }
        prune(store, now.timestamp());
        Ok(report)
    }
}

/// Deletes old delivery rows when a run is due (the first tick, then hourly; see
/// `store::retention`). The scheduler's tick is the one periodic blocking loop, so retention
/// rides on it instead of owning a thread. A failure is logged and never fails the tick:
/// reminders matter more than tidiness.
fn prune(store: &crate::store::Store, now: i64) {
    match store.prune_if_due(now) {
        Ok(Some(pruned)) if pruned.inbox + pruned.outbox > 0 => {
            tracing::info!(inbox = pruned.inbox, outbox = pruned.outbox, backlog = pruned.backlog, "old rows pruned");
        }
        Ok(Some(_)) => tracing::debug!("nothing old enough to prune"),
        Ok(None) => {}
        Err(err) => tracing::warn!("pruning old inbox and outbox rows failed (tried again in an hour): {err}"),
    }
}

/// Writes one batch: each ledger row first (refused if it already exists), then its outbox row.
fn write_jobs(
    tx: &rusqlite::Transaction<'_>,
    key: &str,
    jobs: &[Job],
    expires_at: i64,
    now: DateTime<Utc>,
) -> Result<(usize, usize), rusqlite::Error> {
    let (mut sent, mut skipped) = (0, 0);
    let now = now.timestamp();
    for job in jobs {
        if !ledger::record(tx, key, job.lead.0, job.chat_id, job.outcome, None, now)? {
            continue;
        }
        let Some(payload) = &job.payload else {
            skipped += 1;
            continue;
        };
        let outgoing = Outgoing {
            chat_id: job.chat_id,
            thread_id: None,
            reply_to: None,
            priority: Priority::Broadcast,
            payload: payload.clone(),
            not_before: now,
            expires_at,
        };
        let id = outbox::enqueue(tx, &outgoing, now)?;
        tx.execute(
            "UPDATE reminder_ledger SET outbox_id = ?1 WHERE meeting = ?2 AND lead = ?3 AND chat_id = ?4",
            rusqlite::params![id, key, job.lead.0, job.chat_id],
        )?;
        sent += 1;
    }
    Ok((sent, skipped))
}

/// Runs `scheduler` every [`TICK`] until `shutdown`, calling `wake` (the sender) after a
/// tick that enqueued something. A failing tick is logged and retried on the next one:
/// nothing is lost, since due reminders stay due.
pub async fn run(scheduler: Arc<Scheduler>, wake: impl Fn() + Send + 'static, shutdown: CancellationToken) {
    loop {
        let worker = scheduler.clone();
        match tokio::task::spawn_blocking(move || worker.tick()).await {
            Ok(Ok(report)) if report.reminders + report.announcements > 0 => wake(),
            Ok(Ok(_)) => {}
            Ok(Err(err)) => tracing::error!("reminder tick failed: {err}"),
            Err(err) => tracing::error!("reminder tick panicked: {err}"),
        }
        tokio::select! {
            _ = tokio::time::sleep(TICK) => {}
            _ = shutdown.cancelled() => return,
        }
    }
}

/// Takes the rows due for `chat_id` out of the outbox as sent: the console chat prints them.
pub fn take_for_chat(conversation: &Conversation, chat_id: i64) -> Result<Vec<Payload>, StoreError> {
    let store = conversation.store();
    let now = conversation.clock().unix();
    store.expire(now)?;
    Ok(store.take_due_for_chat(chat_id, now)?.iter().filter_map(|json| Payload::from_json(json)).collect())
}

/// The message of a payload, for transports that show only messages.
pub fn message_of(payload: &Payload) -> Option<&Message> {
    match payload {
        Payload::Message(message) => Some(message),
        Payload::Document { .. } => None,
    }
}
