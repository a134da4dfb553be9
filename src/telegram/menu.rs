//! The command menus: the public one for everyone (English, and Russian for every client
//! language that gets the Russian interface), and for each admin a menu scoped to their
//! private chat (`BotCommandScopeChat`) that adds the admin commands. Telegram shows the most
//! specific scope, so everyone else never sees `/reload`, `/stats` or `/unanswered`.

use std::collections::BTreeSet;

use teloxide::payloads::SetMyCommandsSetters;
use teloxide::prelude::Requester;
use teloxide::requests::Request;
use teloxide::types::{BotCommand, BotCommandScope, ChatId, Recipient};
use teloxide::Bot;

use crate::conversation::Command;
use crate::i18n::{Lang, RUSSIAN_READERS};

/// setMyCommands requests made at start-up for the public menu: the default menu and one per
/// Russian-reading language.
pub const MENU_REQUESTS: usize = 1 + RUSSIAN_READERS.len();

fn menu(commands: impl Iterator<Item = Command>, lang: Lang) -> Vec<BotCommand> {
    commands.map(|c| BotCommand::new(c.name(), c.description(lang))).collect()
}

/// Registers the public menu, then each admin's. A failure is logged only: the bot works
/// without a menu (an admin who never started the bot has no chat to scope a menu to yet).
pub async fn register(bot: &Bot, admin_ids: &BTreeSet<u64>) {
    let public = || Command::MENU.into_iter();
    let full = || Command::MENU.into_iter().chain(Command::ADMIN);
    if let Err(err) = bot.set_my_commands(menu(public(), Lang::En)).send().await {
        tracing::warn!("setMyCommands failed: {err}");
    }
    for code in RUSSIAN_READERS {
        if let Err(err) = bot.set_my_commands(menu(public(), Lang::Ru)).language_code(*code).send().await {
            tracing::warn!(code, "setMyCommands failed: {err}");
        }
    }
    for &admin in admin_ids {
        let scope = BotCommandScope::Chat { chat_id: Recipient::Id(ChatId(admin as i64)) };
        if let Err(err) = bot.set_my_commands(menu(full(), Lang::En)).scope(scope.clone()).send().await {
            tracing::warn!(user = admin, "setMyCommands for an admin failed: {err}");
            // The other languages would fail the same way (no such chat).
            continue;
        }
        for code in RUSSIAN_READERS {
            let request = bot.set_my_commands(menu(full(), Lang::Ru)).scope(scope.clone()).language_code(*code);
            if let Err(err) = request.send().await {
                tracing::warn!(user = admin, code, "setMyCommands for an admin failed: {err}");
            }
        }
    }
    tracing::info!(admins = admin_ids.len(), "command menus registered");
}
