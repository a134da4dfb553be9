//! The conversation, independent of any transport: an [`Incoming`] message becomes a list of
//! [`Reply`]s built from a small markup model ([`Block`], [`Span`], [`Button`]).
//!
//! This is the one place that decides what the bot says; the console renders replies as plain
//! text and the Telegram layer as HTML. The knowledge sits behind an atomically swappable
//! handle so `/reload` can replace it while other messages are being answered.
//!
//! - [`model`]: the message model (incoming messages, replies, blocks, spans, buttons);
//! - [`commands`]: the command set and what each command says;
//! - [`actions`]: button callback data and the memory of the questions behind buttons;
//! - `views`: answers, meeting lists, sources and help as blocks;
//! - `inline`: inline-mode results;
//! - `small_talk`: greetings and thanks, which are not questions;
//! - [`subscriptions`]: meeting reminders (subscribe, lead times, calendar files) and the
//!   wording of reminders and announcements.

pub mod actions;
pub mod commands;
mod inline;
pub mod model;
mod reminder_view;
mod small_talk;
pub mod subscriptions;
mod views;

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Instant;

use arc_swap::ArcSwap;
use chrono::NaiveDate;
use chrono_tz::Tz;

use crate::admin;
use crate::answer::{answer_in_context, leans_on_previous, InContext};
use crate::clock::{Clock, SystemClock};
use crate::i18n::{fill, Lang};
use crate::knowledge::Knowledge;
use crate::meetings::Lead;
use crate::search::Engine;
use crate::store::buttons::Remembered;
use crate::store::Store;

pub use actions::{Action, MAX_CALLBACK_BYTES};
pub use commands::Command;
pub use model::{Block, Button, ChatKind, Content, Incoming, InlineItem, Message, Reply, Sender, Span, Unsupported};
use small_talk::{small_talk, SmallTalk};
pub use views::shorten;
use views::{answer_message, message, para};

/// How long after a question a short one in a private chat may follow it up, in seconds.
const FOLLOW_UP_WITHIN: i64 = 10 * 60;
/// How old a question a reply to the bot's answer may follow up, in seconds.
const REPLY_FOLLOWS_UP_WITHIN: i64 = 24 * 60 * 60;

/// Longest question accepted, in characters (Telegram's own limit for a text message).
pub const MAX_QUESTION_CHARS: usize = 4096;

/// Fixed settings of the conversation.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Where `/reload` reads the knowledge from.
    pub knowledge_dir: PathBuf,
    /// Telegram users allowed to run admin commands.
    pub admin_ids: BTreeSet<u64>,
    /// Decides what "today" is.
    pub timezone: Tz,
    /// A fixed "today" for reproducible runs and tests.
    pub today: Option<NaiveDate>,
}

/// Counts describing the loaded knowledge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub documents: usize,
    pub facts: usize,
    pub meetings: usize,
}

impl Counts {
    pub(crate) fn of(knowledge: &Knowledge) -> Counts {
        Counts {
            documents: knowledge.documents.len(),
            facts: knowledge.facts.len(),
            meetings: knowledge.meetings.len(),
        }
    }

    pub(super) fn values(&self) -> [(&'static str, String); 3] {
        [
            ("documents", self.documents.to_string()),
            ("facts", self.facts.to_string()),
            ("meetings", self.meetings.to_string()),
        ]
    }
}

/// The conversation state shared by every chat: cheap to share behind an `Arc`.
pub struct Conversation {
    engine: ArcSwap<Engine>,
    settings: Settings,
    asked: AtomicU64,
    answered: AtomicU64,
    started: Instant,
    store: Arc<Store>,
    clock: Arc<dyn Clock>,
    admin: admin::State,
    reminder_leads: Vec<Lead>,
}

impl Conversation {
    /// A conversation over `engine`, remembering in a private in-memory store and reading the
    /// system clock; [`Conversation::with_store`] and [`Conversation::with_clock`] change that.
    pub fn new(engine: Engine, settings: Settings) -> Conversation {
        Conversation {
            engine: ArcSwap::from_pointee(engine),
            settings,
            asked: AtomicU64::new(0),
            answered: AtomicU64::new(0),
            started: Instant::now(),
            store: Arc::new(Store::in_memory().expect("an in-memory SQLite database opens")),
            clock: Arc::new(SystemClock),
            admin: admin::State::default(),
            reminder_leads: subscriptions::default_leads(),
        }
    }

    /// Remembers in `store` (the bot's SQLite file) instead.
    pub fn with_store(mut self, store: Arc<Store>) -> Conversation {
        self.store = store;
        self
    }

    /// Reads `clock` instead of the system clock.
    pub fn with_clock(mut self, clock: Arc<dyn Clock>) -> Conversation {
        self.clock = clock;
        self
    }

    /// Keeps unanswered questions for `retention` instead of [`admin::DEFAULT_RETENTION`].
    pub fn with_unanswered_retention(mut self, retention: std::time::Duration) -> Conversation {
        self.admin = self.admin.with_retention(retention);
        self
    }

    /// The fixed settings.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// How long the conversation has been running.
    pub fn uptime(&self) -> std::time::Duration {
        self.started.elapsed()
    }

    /// The admin operations' state (reload lock, retention).
    pub(crate) fn admin_state(&self) -> &admin::State {
        &self.admin
    }

    /// Puts `engine` in service; questions already being answered finish on the old one.
    pub(crate) fn replace_engine(&self, engine: Engine) {
        self.engine.store(Arc::new(engine));
    }

    /// Reminds `leads` before each meeting unless a chat chose its own (`REMINDER_LEADS`).
    pub fn with_reminder_leads(mut self, leads: Vec<Lead>) -> Conversation {
        if !leads.is_empty() {
            self.reminder_leads = leads;
        }
        self
    }

    /// The lead times used for chats that did not choose their own.
    pub fn reminder_leads(&self) -> &[Lead] {
        &self.reminder_leads
    }

    /// The bot's time zone.
    pub fn timezone(&self) -> Tz {
        self.settings.timezone
    }

    /// The store the conversation remembers in.
    pub fn store(&self) -> &Arc<Store> {
        &self.store
    }

    /// The clock the conversation reads.
    pub fn clock(&self) -> &Arc<dyn Clock> {
        &self.clock
    }

    /// The current engine; a reload does not affect a snapshot already taken.
    pub fn engine(&self) -> Arc<Engine> {
        self.engine.load_full()
    }

    /// Today in the bot's time zone, or the fixed day of the settings.
    pub fn today(&self) -> NaiveDate {
        self.settings.today.unwrap_or_else(|| self.clock.now().with_timezone(&self.settings.timezone).date_naive())
    }

    /// Questions answered (not declined) since start.
    pub fn answered_count(&self) -> u64 {
        self.answered.load(Ordering::Relaxed)
    }

    /// Reloads the knowledge folder and swaps it in when the whole folder is valid (see
    /// [`admin::reload`]). Blocks for the load and index build.
    pub fn reload(&self, trigger: admin::Trigger) -> admin::Outcome {
        admin::reload::reload(self, trigger)
    }

    /// Everything the bot does in response to `incoming`.
    pub fn handle(&self, incoming: &Incoming) -> Vec<Reply> {
        let lang = Lang::from_code(incoming.language_code.as_deref());
        let t = lang.texts();
        let private = incoming.chat_kind == ChatKind::Private;
        if private {
            admin::note_private_chat(self, incoming);
        }
        match &incoming.content {
            Content::Text(_) if !private && !incoming.addressed => Vec::new(),
            Content::Text(text) => {
                let text = clean(text);
                match Command::parse(&text) {
                    Some((Ok(command), args)) => self.command(incoming, lang, command, args),
                    // In a group an unknown command is probably another bot's.
                    Some((Err(_), _)) if !private => Vec::new(),
                    Some((Err(_), _)) => message(vec![para(t.unknown_command)]),
                    None => match small_talk(&text) {
                        Some(SmallTalk::Greeting) => self.command(incoming, lang, Command::Start, ""),
                        Some(SmallTalk::Thanks) => message(vec![para(t.you_are_welcome)]),
                        None => {
                            let previous = self.previous_question(incoming);
                            self.question(incoming.chat_id, lang, &text, previous.as_deref())
                        }
                    },
                }
            }
            Content::Callback(data) => self.callback(incoming, lang, data),
            Content::Unsupported(_) if !private => Vec::new(),
            Content::Unsupported(Unsupported::Edited) => message(vec![para(t.edited)]),
            Content::Unsupported(_) => message(vec![para(t.unsupported)]),
        }
    }

    /// What to say when handling a message failed unexpectedly (a panic caught by the
    /// caller): the person who wrote learns to ask again instead of waiting for an answer that
    /// never comes.
    pub fn failure_reply(&self, incoming: &Incoming) -> Vec<Reply> {
        let lang = Lang::from_code(incoming.language_code.as_deref());
        message(vec![para(lang.texts().handling_failed)])
    }

    /// Whether `sender` may run admin commands.
    pub fn is_admin(&self, sender: Sender) -> bool {
        match sender {
            Sender::Console => true,
            Sender::User(id) => self.settings.admin_ids.contains(&id),
            Sender::AnonymousAdmin | Sender::Channel(_) | Sender::Anonymous => false,
        }
    }

    /// The question a message may follow up: in a reply to one of the bot's answers, that
    /// answer's question; in a reply to another of its messages, the chat's last question of
    /// the past day; in a private chat, one asked in the last few minutes.
    pub(super) fn previous_question(&self, incoming: &Incoming) -> Option<String> {
        if let Some(message_id) = incoming.replies_to_bot {
            match self.store.question_answered_by(incoming.chat_id, message_id) {
                Ok(Some(question)) => return Some(question),
                Ok(None) => {}
                Err(err) => tracing::warn!(chat_id = incoming.chat_id, "cannot read the replied answer: {err}"),
            }
        }
        let window = if incoming.replies_to_bot.is_some() {
            REPLY_FOLLOWS_UP_WITHIN
        } else if incoming.chat_kind == ChatKind::Private {
            FOLLOW_UP_WITHIN
        } else {
            return None;
        };
        let since = self.clock.unix() - window;
        match self.store.last_question(incoming.chat_id, since) {
            Ok(found) => found.map(|(question, _)| question),
            Err(err) => {
                tracing::warn!(chat_id = incoming.chat_id, "cannot read the last question: {err}");
                None
            }
        }
    }

    /// Answers `text`, as a follow-up to `previous` when it is one.
    pub(super) fn question(&self, chat_id: i64, lang: Lang, text: &str, previous: Option<&str>) -> Vec<Reply> {
        let t = lang.texts();
        let text = text.trim();
        if text.is_empty() {
            return message(vec![para(t.empty_question)]);
        }
        let chars = text.chars().count();
        if chars > MAX_QUESTION_CHARS {
            let n = chars.to_string();
            let max = MAX_QUESTION_CHARS.to_string();
            return message(vec![Block::Para(vec![Span::Text(fill(t.too_long, &[("n", &n), ("max", &max)]))])]);
        }
        let engine = self.engine();
        let started = Instant::now();
        let InContext { answer, effective } = answer_in_context(&engine, text, previous, self.today());
        admin::record_question(self, text, &answer, started.elapsed());
        self.asked.fetch_add(1, Ordering::Relaxed);
        if answer.answered() {
            self.answered.fetch_add(1, Ordering::Relaxed);
        }
        if !answer.answered() && leans_on_previous(text) {
            // "And where?" with nothing to follow: ask rather than decline.
            return message(vec![para(t.what_is_meant), Block::Para(vec![Span::Italic(t.example_question.into())])]);
        }
        // The question as answered (with a carried-over topic) is what buttons and the next
        // follow-up build on.
        let remembered = Remembered { question: effective, suggestions: answer.suggestions.clone() };
        // Without the memory the answer still stands; its buttons then report that they expired
        // (ids start at 1, so 0 is never found).
        let id = self.store.remember_question(chat_id, &remembered, self.clock.unix()).unwrap_or_else(|err| {
            tracing::warn!(chat_id, "cannot remember a question for its buttons: {err}");
            0
        });
        vec![Reply::Message(answer_message(&answer, engine.knowledge(), id, lang))]
    }
}

/// Invisible characters that clients and copy-paste leave inside words: zero-width space,
/// non-joiner and joiner, word joiner, soft hyphen, the byte-order mark (zero-width no-break
/// space), and the direction marks, embeddings, overrides and isolates that right-to-left
/// keyboards and mixed-script copy-paste insert (they change how text is shown, never what
/// it says).
const INVISIBLE: [char; 18] = [
    '\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{00AD}', '\u{FEFF}', '\u{200E}', '\u{200F}', '\u{061C}',
    '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}',
];

/// The text as analysis should see it: NFKC-normalised (full-width letters, ligatures and
/// compatibility forms become their plain letters), invisible format characters removed so
/// a word they split is one word again, and control characters (other than line breaks and
/// tabs) turned into spaces.
pub fn clean(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    text.chars()
        .filter(|c| !INVISIBLE.contains(c))
        .nfkc()
        .map(|c| if c.is_control() && c != '\n' && c != '\t' { ' ' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_become_spaces() {
        assert_eq!(clean("a\u{0}b\u{7}c\nd\u{1b}[31m"), "a b c\nd [31m");
    }

    #[test]
    fn invisible_characters_vanish_and_compatibility_forms_become_plain() {
        assert_eq!(clean("Al\u{00AD}ma\u{200B}ty \u{FEFF}S\u{200D}C\u{200C}O"), "Almaty SCO");
        assert_eq!(clean("ＳＣＯ ﬁnance"), "SCO finance");
        assert_eq!(clean("\u{200F}/help \u{202B}Al\u{200E}maty\u{202C}\u{2066}\u{2069}"), "/help Almaty");
    }
}
