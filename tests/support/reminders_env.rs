//! A bot over the reminders fixture (upcoming meetings), a manual clock and a store, polling
//! a fake Bot API server: shared by the reminder, subscription and calendar tests.

#![allow(dead_code)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, Utc};
use ictbot::clock::ManualClock;
use ictbot::conversation::{Conversation, Settings};
use ictbot::search::Engine;
use ictbot::store::Store;
use ictbot::{knowledge, telegram};

use super::fake_bot_api::{FakeBotApi, TOKEN};

pub const ADMIN: i64 = 4242;

pub fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reminders")
}

pub fn at(moment: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(moment).unwrap().with_timezone(&Utc)
}

/// A conversation over `dir` in Asia/Almaty reading `clock`, remembering in `store`.
pub fn conversation(dir: &Path, clock: Arc<ManualClock>, store: Arc<Store>) -> Arc<Conversation> {
    let engine = Engine::build(knowledge::load(dir).unwrap()).unwrap();
    let settings = Settings {
        knowledge_dir: dir.to_path_buf(),
        admin_ids: BTreeSet::from([ADMIN as u64]),
        timezone: chrono_tz::Asia::Almaty,
        today: None,
    };
    Arc::new(Conversation::new(engine, settings).with_store(store).with_clock(clock))
}

/// Starts a fake server and the bot over `conversation`.
pub async fn start(conversation: Arc<Conversation>) -> FakeBotApi {
    let api = FakeBotApi::start().await;
    let options = telegram::Options::unthrottled();
    let bot = telegram::Api::connect(TOKEN, Some(&api.url), &options).unwrap();
    tokio::spawn(async move {
        if let Err(err) = telegram::serve(bot, conversation, options, telegram::Lifecycle::default()).await {
            panic!("bot stopped: {err:#}");
        }
    });
    api
}

/// A copy of the fixture that a test may edit.
pub fn editable_fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture(), dir.path());
    dir
}

fn copy_dir(from: &Path, to: &Path) {
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
