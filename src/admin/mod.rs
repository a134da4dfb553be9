//! Admin operations: reloading the knowledge folder (by `/reload`, SIGHUP or a folder watch)
//! with a report of what changed, `/stats`, `/unanswered`, and the 👍/👎 feedback that feeds
//! them. The conversation routes admin commands and button presses here; everything is kept
//! in the store so it survives restarts.
//!
//! - [`reload`]: serialised background reloads, the atomic swap, failure notices to admins;
//! - [`triggers`]: SIGHUP and the folder watch that start automatic reloads;
//! - `views`: the admin replies as blocks.

pub mod reload;
pub mod triggers;
mod views;

use std::sync::Mutex;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use chrono::{Days, NaiveTime};

use crate::answer::{Answer, Confidence};
use crate::conversation::{Command, Conversation, Incoming, Reply, Sender};
use crate::i18n::Lang;
use crate::store::stats::Verdict;
use crate::store::unanswered::Reason;
pub use reload::{Outcome, Trigger};

/// How long `/unanswered` keeps a question when nothing else is configured.
pub const DEFAULT_RETENTION: Duration = Duration::from_secs(90 * 24 * 3600);
/// Questions listed by `/unanswered`.
pub const UNANSWERED_SHOWN: usize = 20;

/// The admin side's state inside a conversation.
#[derive(Debug)]
pub struct State {
    /// Held for the whole of a reload, so two never run at once.
    pub(crate) reloading: Mutex<()>,
    /// How long unanswered questions are kept.
    pub(crate) retention: Duration,
    /// Tells this run's button ids apart from an earlier run's in the feedback votes.
    boot: u128,
}

impl Default for State {
    fn default() -> State {
        State {
            reloading: Mutex::new(()),
            retention: DEFAULT_RETENTION,
            boot: SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_nanos()),
        }
    }
}

impl State {
    /// The same state keeping unanswered questions for `retention`.
    pub fn with_retention(self, retention: Duration) -> State {
        State { retention, ..self }
    }
}

/// Runs the admin `command` for an admin (the caller has checked), logging who ran it.
pub fn command(chat: &Conversation, incoming: &Incoming, lang: Lang, command: Command, args: &str) -> Vec<Reply> {
    tracing::info!(user = ?incoming.sender, command = command.name(), "admin command");
    let message = match command {
        Command::Reload => views::reload_message(&reload::reload(chat, Trigger::Command), lang),
        Command::Stats => views::stats_message(chat, lang),
        Command::Unanswered if args.eq_ignore_ascii_case("clear") => {
            let cleared = chat.store().clear_unanswered();
            views::cleared_message(
                cleared.map_err(|err| tracing::error!("clearing unanswered failed: {err}")).ok(),
                lang,
            )
        }
        _ => views::unanswered_message(chat, lang),
    };
    vec![Reply::Message(message)]
}

/// Logs a refused admin command with the user who tried it.
pub fn log_refusal(incoming: &Incoming, command: Command) {
    tracing::info!(user = ?incoming.sender, command = command.name(), "admin command refused: not an admin");
}

/// Keeps what `/stats` and `/unanswered` need to know about one answered question. A store
/// failure is logged and never fails the answer.
pub fn record_question(chat: &Conversation, question: &str, answer: &Answer, took: Duration) {
    let now = chat.clock().unix();
    let (verdict, reason) = match answer.confidence {
        Confidence::Sure => (Verdict::Answered, None),
        Confidence::Unsure => (Verdict::Unsure, Some(Reason::Unsure)),
        Confidence::Declined => (Verdict::Declined, Some(Reason::Declined)),
    };
    let micros = took.as_micros().min(u64::MAX as u128) as u64;
    if let Err(err) = chat.store().log_question(now, verdict, micros) {
        tracing::error!("logging a question failed: {err}");
    }
    if let Some(reason) = reason {
        if let Err(err) = chat.store().record_unanswered(question, reason, now, expire_before(chat, now)) {
            tracing::error!("recording an unanswered question failed: {err}");
        }
    }
}

/// A 👍 or 👎 press on the answer to `question` (remembered as `id`): counted once per person,
/// a 👎 lists the question in `/unanswered`. Acknowledged with a notice; the answer is not
/// sent again.
pub fn feedback(
    chat: &Conversation,
    incoming: &Incoming,
    lang: Lang,
    id: u64,
    question: &str,
    helpful: bool,
) -> Vec<Reply> {
    let t = lang.texts();
    let person = match incoming.sender {
        Sender::User(user) => user.to_string(),
        Sender::Console => "console".into(),
        // No person behind it: one vote per chat.
        _ => format!("chat{}", incoming.chat_id),
    };
    let vote = format!("{}:{id}:{person}", chat.admin_state().boot);
    let now = chat.clock().unix();
    match chat.store().record_feedback(&vote, helpful, now) {
        Ok(true) if !helpful => {
            if let Err(err) =
                chat.store().record_unanswered(question, Reason::NotHelpful, now, expire_before(chat, now))
            {
                tracing::error!("recording a 👎 question failed: {err}");
            }
        }
        Ok(_) => {}
        Err(err) => tracing::error!("recording feedback failed: {err}"),
    }
    vec![Reply::Notice(if helpful { t.feedback_thanks } else { t.feedback_noted }.into())]
}

/// Entries last seen before this unix second have expired.
fn expire_before(chat: &Conversation, now: i64) -> i64 {
    now.saturating_sub(chat.admin_state().retention.as_secs().min(i64::MAX as u64) as i64)
}

/// Unix seconds of the start of today and of the day 6 days before it, in the bot's zone.
fn day_starts(chat: &Conversation) -> (i64, i64) {
    let tz = chat.settings().timezone;
    let today = chat.clock().now().with_timezone(&tz).date_naive();
    let start = |day: chrono::NaiveDate| {
        day.and_time(NaiveTime::MIN).and_local_timezone(tz).earliest().map_or(0, |t| t.timestamp())
    };
    (start(today), start(today.checked_sub_days(Days::new(6)).unwrap_or(today)))
}

/// Remembers an admin's private chat, so failed automatic reloads can be reported there.
pub fn note_private_chat(chat: &Conversation, incoming: &Incoming) {
    let Sender::User(user) = incoming.sender else {
        return;
    };
    if chat.settings().admin_ids.contains(&user) {
        if let Err(err) =
            chat.store().remember_private_chat(user, incoming.language_code.as_deref(), chat.clock().unix())
        {
            tracing::error!("remembering an admin's chat failed: {err}");
        }
    }
}
