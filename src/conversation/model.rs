//! The message model shared by every transport: what arrives ([`Incoming`]) and what the bot
//! says back ([`Reply`], made of [`Block`]s of [`Span`]s with [`Button`]s). Replies are
//! serialisable so they can wait in the outbox.

use serde::{Deserialize, Serialize};

use super::actions::Action;

/// Where a message was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChatKind {
    /// A one-to-one chat (or the console): every message is for the bot.
    Private,
    /// A group or supergroup: only messages addressed to the bot are answered.
    Group,
}

/// Who wrote a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sender {
    /// The operator at the console, trusted with admin commands.
    Console,
    /// A Telegram user.
    User(u64),
    /// An admin of the group posting anonymously (as the group itself, through
    /// @GroupAnonymousBot): a member, and an admin of that group, but no particular user.
    AnonymousAdmin,
    /// A channel posting (a linked channel's post in its discussion group, or a member
    /// writing as a channel): a member, never an admin.
    Channel(i64),
    /// No known sender.
    Anonymous,
}

impl Sender {
    /// Whether the sender is an admin of the group itself, as far as the message shows
    /// (only anonymous admins show it; others need a `getChatMember` check).
    pub fn is_anonymous_group_admin(&self) -> bool {
        matches!(self, Sender::AnonymousAdmin)
    }
}

/// What a message carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Content {
    /// Text, with any `@botname` mention or command suffix already removed.
    Text(String),
    /// The data of a pressed button.
    Callback(String),
    /// Something the bot does not read.
    Unsupported(Unsupported),
}

/// Kinds of messages the bot does not answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unsupported {
    /// Stickers, photos, voice, documents, locations…
    Media,
    /// An edit of an earlier message.
    Edited,
    /// Members joining, pinned messages and other service messages.
    Service,
}

/// One message to the bot, stripped of transport details.
#[derive(Debug, Clone)]
pub struct Incoming {
    pub chat_id: i64,
    pub chat_kind: ChatKind,
    /// The forum topic (`message_thread_id`) the message was written in, where replies go.
    pub thread_id: Option<i32>,
    pub sender: Sender,
    /// The sender's interface language code (`ru`, `en-GB`, …).
    pub language_code: Option<String>,
    /// In groups: the message is a command for this bot, mentions it or replies to it.
    pub addressed: bool,
    pub content: Content,
    /// In groups: whether the sender administers the chat, when the transport looked it up
    /// (only for commands that change the chat's settings); `None` when unknown.
    pub sender_is_chat_admin: Option<bool>,
    /// The bot's message (its id) that this message replies to: a follow-up to that answer.
    pub replies_to_bot: Option<i32>,
}

/// Inline text with its emphasis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Span {
    Text(String),
    Bold(String),
    Italic(String),
    Link { text: String, url: String },
}

/// A paragraph of a message; paragraphs are where long messages may be split.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Block {
    Para(Vec<Span>),
    /// Quoted source text.
    Quote(Vec<Span>),
}

/// A button under a message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Button {
    pub label: String,
    pub action: Action,
}

/// A message to send: paragraphs, then rows of buttons.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Message {
    pub blocks: Vec<Block>,
    pub buttons: Vec<Vec<Button>>,
    /// The remembered question this message answers: a reply to the message, once sent,
    /// follows that question up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answers: Option<u64>,
}

/// One thing the bot does in response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Reply {
    /// A new message in the chat.
    Message(Message),
    /// A short notice shown on the pressed button (or printed by the console).
    Notice(String),
    /// A small text file (an `.ics` calendar) sent as a document.
    Document { file_name: String, mime: String, text: String, caption: Option<String> },
}

/// One inline-mode result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InlineItem {
    /// Unique among the results of one query.
    pub id: String,
    pub title: String,
    pub description: String,
    /// The message sent when the user picks the result.
    pub message: Message,
}

impl Span {
    /// The visible text.
    pub fn text(&self) -> &str {
        match self {
            Span::Text(s) | Span::Bold(s) | Span::Italic(s) => s,
            Span::Link { text, .. } => text,
        }
    }
}
