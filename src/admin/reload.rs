//! Reloading the knowledge folder while the bot keeps answering.
//!
//! A reload reads and indexes the whole folder on the calling (blocking) thread while the old
//! engine keeps serving; the new engine replaces it in one atomic swap, and only when the
//! whole folder is valid. Reloads are serialised: `/reload` while another runs is refused
//! with a notice, automatic ones wait their turn. Every reload is logged in the store, and a
//! failed automatic one is reported to the admins who have a private chat with the bot.

use std::time::{Duration, Instant};

use crate::conversation::{Conversation, Counts};
use crate::delivery::Payload;
use crate::i18n::Lang;
use crate::knowledge::diff::{diff, Diff};
use crate::knowledge::{self, LoadError};
use crate::search::Engine;
use crate::store::outbox::{self, Outgoing, Priority};
use crate::store::reloads::ReloadRecord;

/// A failure notice not delivered within a day is stale: the admin has seen `/stats` by then.
const NOTICE_LIFETIME_SECS: i64 = 24 * 3600;

/// What started a reload.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trigger {
    /// An admin's `/reload`.
    Command,
    /// SIGHUP.
    Signal,
    /// The folder watch saw files change.
    Watch,
}

impl Trigger {
    pub fn as_str(self) -> &'static str {
        match self {
            Trigger::Command => "command",
            Trigger::Signal => "signal",
            Trigger::Watch => "watch",
        }
    }
}

/// What a reload did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The new knowledge is in service.
    Reloaded { counts: Counts, took: Duration, diff: Box<Diff> },
    /// The old knowledge stays in service; every problem as `file:line: problem`.
    Failed { problems: Vec<String>, took: Duration },
    /// Another reload was running; nothing was done.
    Busy,
}

/// Reloads the knowledge folder of `chat` (see the module header). Blocks for the length of
/// the load and index build: call it from a blocking thread.
pub fn reload(chat: &Conversation, trigger: Trigger) -> Outcome {
    let lock = &chat.admin_state().reloading;
    let _running = match trigger {
        Trigger::Command => match lock.try_lock() {
            Ok(guard) => guard,
            Err(std::sync::TryLockError::WouldBlock) => {
                tracing::info!(trigger = trigger.as_str(), "reload refused: another reload is running");
                return Outcome::Busy;
            }
            Err(std::sync::TryLockError::Poisoned(poisoned)) => poisoned.into_inner(),
        },
        _ => lock.lock().unwrap_or_else(|poisoned| poisoned.into_inner()),
    };
    let started = Instant::now();
    let outcome = match build(chat) {
        Ok((engine, diff)) => {
            let counts = Counts::of(engine.knowledge());
            chat.replace_engine(engine);
            Outcome::Reloaded { counts, took: started.elapsed(), diff: Box::new(diff) }
        }
        Err(problems) => Outcome::Failed { problems, took: started.elapsed() },
    };
    record(chat, trigger, &outcome);
    if trigger != Trigger::Command {
        if let Outcome::Failed { problems, .. } = &outcome {
            notify_admins(chat, trigger, problems);
        }
    }
    outcome
}

/// The new engine and what changed, or every problem of the folder.
fn build(chat: &Conversation) -> Result<(Engine, Diff), Vec<String>> {
    let dir = &chat.settings().knowledge_dir;
    let knowledge = knowledge::load(dir).map_err(|err| problem_lines(&err))?;
    let changes = diff(chat.engine().knowledge(), &knowledge);
    let engine = Engine::build(knowledge).map_err(|err| vec![format!("building the search index: {err}")])?;
    Ok((engine, changes))
}

/// Each problem on a line of its own (`file:line: problem`); an unreadable folder is one line.
pub fn problem_lines(err: &LoadError) -> Vec<String> {
    match err.problems() {
        [] => vec![err.to_string()],
        problems => problems.iter().map(ToString::to_string).collect(),
    }
}

fn record(chat: &Conversation, trigger: Trigger, outcome: &Outcome) {
    let (ok, summary) = match outcome {
        Outcome::Reloaded { counts, took, diff } => {
            tracing::info!(trigger = trigger.as_str(), ?counts, ?took, "knowledge reloaded");
            let changed = diff.documents_added.len() + diff.documents_removed.len() + diff.documents_changed.len();
            (
                true,
                format!(
                    "{} documents, {} facts, {} meetings; {changed} files changed",
                    counts.documents, counts.facts, counts.meetings
                ),
            )
        }
        Outcome::Failed { problems, .. } => {
            tracing::warn!(
                trigger = trigger.as_str(),
                problems = problems.len(),
                "reload failed; the previous knowledge stays: {}",
                problems.join("; ")
            );
            (false, format!("{} problem(s)", problems.len()))
        }
        Outcome::Busy => return,
    };
    let record = ReloadRecord { at: chat.clock().unix(), trigger: trigger.as_str().into(), ok, summary };
    if let Err(err) = chat.store().log_reload(&record) {
        tracing::error!("logging the reload failed: {err}");
    }
}

/// Queues the failure report for every admin who has started the bot in private.
fn notify_admins(chat: &Conversation, trigger: Trigger, problems: &[String]) {
    let admins = chat.settings().admin_ids.iter().copied();
    let store = chat.store();
    let chats = match store.private_chats(admins) {
        Ok(chats) => chats,
        Err(err) => return tracing::error!("finding the admins' chats failed: {err}"),
    };
    let now = chat.clock().unix();
    let queued = store.transaction(|tx| {
        for (chat_id, language) in &chats {
            let lang = Lang::from_code(language.as_deref());
            let message = super::views::automatic_failure_message(trigger, problems, lang);
            let row = Outgoing {
                chat_id: *chat_id,
                thread_id: None,
                reply_to: None,
                priority: Priority::Reply,
                payload: Payload::Message(message).to_json(),
                not_before: now,
                expires_at: now + NOTICE_LIFETIME_SECS,
            };
            outbox::enqueue(tx, &row, now)?;
        }
        Ok(())
    });
    match queued {
        Ok(()) => tracing::info!(admins = chats.len(), "failed automatic reload reported to admins"),
        Err(err) => tracing::error!("queueing the reload failure notice failed: {err}"),
    }
}
