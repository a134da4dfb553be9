//! Telegram updates -> [`Incoming`]: who wrote (a user, an anonymous group admin, a channel),
//! where (chat and forum topic), in which language, whether the message is addressed to this
//! bot, and its content (text, or a photo's or document's caption) with mentions removed.

use teloxide::types::{Chat, Message, MessageKind, ThreadId, User, UserId};

use crate::conversation::{ChatKind, Content, Incoming, Sender, Unsupported};

/// This bot, as `getMe` described it.
#[derive(Debug, Clone)]
pub struct Identity {
    pub id: UserId,
    /// Without the `@`.
    pub username: String,
}

/// A message (or an edit of one) as the conversation sees it; `None` when it is not for this
/// bot at all: channel posts, other bots' messages, commands meant for another bot.
pub fn message(msg: &Message, me: &Identity, edited: bool) -> Option<Incoming> {
    let chat_kind = chat_kind(&msg.chat)?;
    let sender = message_sender(msg)?;
    let replies_to_me =
        msg.reply_to_message().filter(|r| r.from.as_ref().is_some_and(|u| u.id == me.id)).map(|r| r.id.0);
    let (addressed, content) = if edited {
        (false, Content::Unsupported(Unsupported::Edited))
    } else if let Some(text) = msg.text().or_else(|| msg.caption()) {
        let (text, for_me) = address(text, &me.username)?;
        (for_me || replies_to_me.is_some(), Content::Text(text))
    } else {
        let kind = match msg.kind {
            MessageKind::Common(_) | MessageKind::Dice(_) => Unsupported::Media,
            _ => Unsupported::Service,
        };
        (replies_to_me.is_some(), Content::Unsupported(kind))
    };
    Some(Incoming {
        chat_id: msg.chat.id.0,
        chat_kind,
        thread_id: topic(msg),
        sender,
        language_code: msg.from.as_ref().and_then(|u| u.language_code.clone()),
        addressed: addressed || chat_kind == ChatKind::Private,
        content,
        sender_is_chat_admin: None,
        replies_to_bot: replies_to_me,
    })
}

/// The forum topic a message belongs to: only topic messages carry one that a reply may use
/// (in other supergroups `message_thread_id` names a reply thread, not a topic).
pub fn topic(msg: &Message) -> Option<i32> {
    msg.thread_id.filter(|_| msg.is_topic_message).map(|ThreadId(id)| id.0)
}

/// A button press on the bot's message `on` (in its chat and topic).
pub fn callback(on: &Message, from: &User, data: &str) -> Incoming {
    Incoming {
        chat_id: on.chat.id.0,
        chat_kind: if on.chat.is_private() { ChatKind::Private } else { ChatKind::Group },
        thread_id: topic(on),
        sender: user(from),
        language_code: from.language_code.clone(),
        addressed: true,
        content: Content::Callback(data.to_string()),
        sender_is_chat_admin: None,
        replies_to_bot: None,
    }
}

/// @GroupAnonymousBot: the `from` of an anonymous group admin's message.
pub const GROUP_ANONYMOUS_BOT: UserId = UserId(1_087_968_824);
/// @Channel_Bot: the `from` of a message a channel posts in a group (a linked channel).
pub const CHANNEL_BOT: UserId = UserId(136_817_688);

fn chat_kind(chat: &Chat) -> Option<ChatKind> {
    if chat.is_private() {
        Some(ChatKind::Private)
    } else if chat.is_group() || chat.is_supergroup() {
        Some(ChatKind::Group)
    } else {
        None
    }
}

/// Who wrote `msg`; `None` for other bots, whose messages the bot never answers.
fn message_sender(msg: &Message) -> Option<Sender> {
    let from = msg.from.as_ref();
    match (from.map(|u| u.id), &msg.sender_chat) {
        // The group writing as itself is one of its admins, anonymously.
        (Some(GROUP_ANONYMOUS_BOT), Some(chat)) if chat.id == msg.chat.id => Some(Sender::AnonymousAdmin),
        (_, Some(chat)) if chat.is_channel() => Some(Sender::Channel(chat.id.0)),
        (Some(CHANNEL_BOT), Some(chat)) => Some(Sender::Channel(chat.id.0)),
        _ => match from {
            Some(u) if u.is_bot => None,
            Some(u) => Some(user(u)),
            None => Some(Sender::Anonymous),
        },
    }
}

fn user(u: &User) -> Sender {
    if u.id == GROUP_ANONYMOUS_BOT {
        Sender::AnonymousAdmin
    } else {
        Sender::User(u.id.0)
    }
}

/// Removes this bot's name from `text` and tells whether the text addressed the bot: a
/// command (`/ask`, `/ask@thisbot`) or a mention (`@thisbot`). `None` for a command that
/// names another bot (`/ask@otherbot`).
pub fn address(text: &str, username: &str) -> Option<(String, bool)> {
    if let Some(rest) = text.strip_prefix('/') {
        let (word, args) = rest.split_once(char::is_whitespace).map_or((rest, ""), |(w, a)| (w, a));
        return match word.split_once('@') {
            Some((name, target)) if target.eq_ignore_ascii_case(username) => {
                Some((format!("/{name} {args}").trim_end().to_string(), true))
            }
            Some(_) => None,
            None => Some((text.to_string(), true)),
        };
    }
    let needle = format!("@{username}");
    let bytes = text.as_bytes();
    // Usernames are ASCII, so an ASCII case-insensitive byte comparison finds every spelling.
    let found = (0..=bytes.len().saturating_sub(needle.len()))
        .filter(|&start| text.is_char_boundary(start))
        .map(|start| (start, start + needle.len()))
        .find(|&(start, end)| {
            end <= bytes.len()
                && bytes[start..end].eq_ignore_ascii_case(needle.as_bytes())
                && !text[end..].chars().next().is_some_and(|c| c.is_alphanumeric() || c == '_')
        });
    match found {
        Some((start, end)) => {
            let rest = format!("{} {}", &text[..start], &text[end..]);
            let cleaned = rest.trim().trim_start_matches([',', ':']).trim().to_string();
            Some((cleaned, true))
        }
        None => Some((text.to_string(), false)),
    }
}

#[cfg(test)]
mod tests {
    use super::address;

    #[test]
    fn commands_for_this_bot_lose_the_suffix_and_others_are_not_ours() {
        assert_eq!(address("/ask@IctBot when?", "ictbot"), Some(("/ask when?".into(), true)));
        assert_eq!(address("/help@ictbot", "ictbot"), Some(("/help".into(), true)));
        assert_eq!(address("/ask@otherbot when?", "ictbot"), None);
        assert_eq!(address("/start", "ictbot"), Some(("/start".into(), true)));
    }

    #[test]
    fn mentions_address_the_bot_and_are_removed() {
        assert_eq!(address("@ictbot, when did the SCO meet?", "ictbot"), Some(("when did the SCO meet?".into(), true)));
        assert_eq!(address("tell me @ICTBOT about OTS", "ictbot"), Some(("tell me   about OTS".into(), true)));
        assert_eq!(address("ask @ictbot_fan instead", "ictbot"), Some(("ask @ictbot_fan instead".into(), false)));
        assert_eq!(address("просто болтовня", "ictbot"), Some(("просто болтовня".into(), false)));
    }
}
