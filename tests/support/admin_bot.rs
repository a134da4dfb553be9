//! Starting the bot in-process against the fake Bot API, over a conversation the test built.

#![allow(dead_code)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;
use ictbot::conversation::{Conversation, Settings};
use ictbot::knowledge;
use ictbot::search::Engine;
use ictbot::telegram;

use super::fake_bot_api::{FakeBotApi, Recorded, TOKEN};

/// The shipped knowledge folder.
pub fn shipped_knowledge() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge")
}

/// A conversation over the folder `dir` with these admins, on a fixed day.
pub fn conversation(dir: PathBuf, admins: &[u64]) -> Conversation {
    let engine = Engine::build(knowledge::load(&dir).unwrap()).unwrap();
    let settings = Settings {
        knowledge_dir: dir,
        admin_ids: admins.iter().copied().collect::<BTreeSet<u64>>(),
        timezone: chrono_tz::Asia::Almaty,
        today: Some(NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()),
    };
    Conversation::new(engine, settings)
}

/// Starts a fake server and the bot (unthrottled) polling it.
pub async fn start(chat: Arc<Conversation>) -> FakeBotApi {
    let api = FakeBotApi::start().await;
    let options = telegram::Options::unthrottled();
    let bot = telegram::Api::connect(TOKEN, Some(&api.url), &options).unwrap();
    tokio::spawn(async move {
        if let Err(err) = telegram::serve(bot, chat, options, telegram::Lifecycle::default()).await {
            panic!("bot stopped: {err:#}");
        }
    });
    api
}

/// Requests to the chat `chat_id`.
pub fn to(chat_id: i64) -> impl Fn(&Recorded) -> bool {
    move |r: &Recorded| r.chat_id() == Some(chat_id)
}

/// Copies a folder tree.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// The callback data of the button labelled `label`.
pub fn button(sent: &Recorded, label: &str) -> String {
    sent.buttons().into_iter().find(|(l, _)| l == label).unwrap_or_else(|| panic!("no {label:?} in {}", sent.body)).1
}
