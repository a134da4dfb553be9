//! What reminders need from Telegram beyond sending (which the outbox sender does): the
//! getChatMember lookup, cached briefly, that tells the conversation whether a group member
//! may change the chat's subscriptions. Asked only for the commands and buttons that change
//! them.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

use teloxide::prelude::Requester;
use teloxide::requests::Request;
use teloxide::types::{ChatId, UserId};
use teloxide::Bot;

use crate::conversation::Command;

/// getChatMember answers by (chat, user): administrator or not, and when asked.
type AdminCache = HashMap<(i64, u64), (bool, Instant)>;

/// How long a getChatMember answer is trusted.
const ADMIN_CACHE: Duration = Duration::from_secs(60);

/// Whether `text` (or callback data) changes the chat's reminders, so the sender's rights in
/// a group matter.
pub fn needs_admin_check(text: &str) -> bool {
    if text.starts_with("sub:") || text.starts_with("lead:") {
        return true;
    }
    matches!(Command::parse(text.trim()), Some((Ok(Command::Subscribe | Command::Unsubscribe | Command::Remind), _)))
}

/// Whether `user` administers `chat` (getChatMember, remembered for a minute); `None` when
/// Telegram could not say (the conversation then refuses politely).
pub async fn is_chat_admin(bot: &Bot, chat: ChatId, user: u64) -> Option<bool> {
    static CACHE: OnceLock<Mutex<AdminCache>> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    if let Some((admin, at)) = cache.lock().unwrap_or_else(|p| p.into_inner()).get(&(chat.0, user)) {
        if at.elapsed() < ADMIN_CACHE {
            return Some(*admin);
        }
    }
    match bot.get_chat_member(chat, UserId(user)).send().await {
        Ok(member) => {
            let admin = member.is_privileged();
            let mut cache = cache.lock().unwrap_or_else(|p| p.into_inner());
            if cache.len() > 10_000 {
                cache.clear();
            }
            cache.insert((chat.0, user), (admin, Instant::now()));
            Some(admin)
        }
        Err(err) => {
            tracing::warn!("getChatMember failed: {err}");
            None
        }
    }
}
