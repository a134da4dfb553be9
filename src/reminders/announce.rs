//! Announcements of what a reload changed: the scheduler keeps a snapshot of the meetings in
//! the store and compares it with the current knowledge on each tick. A meeting added, or
//! whose date, time, place or status changed, is announced once to the subscribers of its
//! organization; nothing is announced for unchanged meetings or on the very first load.
//! The new snapshot and the announcements are written in one transaction.

use std::collections::BTreeMap;
use std::sync::Mutex;

use chrono::{DateTime, Utc};

use crate::conversation::subscriptions::{announcement_message, expiry};
use crate::conversation::Conversation;
use crate::delivery::Payload;
use crate::i18n::Lang;
use crate::meetings::Facts;
use crate::store::outbox::{self, Outgoing, Priority};
use crate::store::reminders::save_snapshot;
use crate::store::StoreError;

/// Compares the knowledge with the stored snapshot; enqueues the announcements and stores
/// the new snapshot. Returns how many announcements were enqueued.
pub fn announce(conversation: &Conversation, now: DateTime<Utc>) -> Result<usize, StoreError> {
    // Two schedulers of one process (the console's thread and its last tick) must not both
    // announce from the same old snapshot.
    static ANNOUNCING: Mutex<()> = Mutex::new(());
    let _one_at_a_time = ANNOUNCING.lock().unwrap_or_else(|p| p.into_inner());
    let engine = conversation.engine();
    let knowledge = engine.knowledge();
    let store = conversation.store();
    let current: BTreeMap<String, String> = knowledge
        .meetings
        .iter()
        .map(|m| (m.id.clone(), serde_json::to_string(&Facts::of(m)).expect("facts are plain data")))
        .collect();
    let previous = store.snapshot()?;
    if previous.as_ref() == Some(&current) {
        return Ok(0);
    }
    let zone = conversation.timezone();
    let today = now.with_timezone(&zone).date_naive();
    let mut rows = Vec::new();
    if let Some(previous) = &previous {
        for meeting in &knowledge.meetings {
            let before: Option<Facts> = previous.get(&meeting.id).and_then(|json| serde_json::from_str(json).ok());
            let news = match &before {
                None => !previous.contains_key(&meeting.id),
                Some(before) => Facts::of(meeting).announce_change_from(before),
            };
            // A past meeting added or corrected for the record is not news for subscribers.
            let past = meeting.date.is_some_and(|d| d.last_day() < today);
            if !news || past {
                continue;
            }
            let expires_at = expiry(meeting, zone, now).timestamp();
            if expires_at <= now.timestamp() {
                continue;
            }
            let mut by_lang: BTreeMap<bool, String> = BTreeMap::new();
            for subscriber in store.subscribers(&meeting.organization)? {
                let lang = Lang::from_code(subscriber.language.as_deref());
                let payload = by_lang
                    .entry(lang == Lang::Ru)
                    .or_insert_with(|| {
                        Payload::Message(announcement_message(knowledge, meeting, before.as_ref(), lang, zone))
                            .to_json()
                    })
                    .clone();
                rows.push(Outgoing {
                    chat_id: subscriber.chat_id,
                    thread_id: None,
                    reply_to: None,
                    priority: Priority::Broadcast,
                    payload,
                    not_before: now.timestamp(),
                    expires_at,
                });
            }
        }
    }
    let count = rows.len();
    store.transaction(|tx| {
        for row in &rows {
            outbox::enqueue(tx, row, now.timestamp())?;
        }
        save_snapshot(tx, &current, now.timestamp())
    })?;
    if count > 0 {
        tracing::info!(count, "meeting changes announced");
    }
    Ok(count)
}
