//! Starting the bot for end-to-end tests: in this process against a fake Bot API server
//! (with a store in memory or in a folder), or as the real binary in a child process.

#![allow(dead_code)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use ictbot::conversation::{Conversation, Settings};
use ictbot::knowledge::{self, Knowledge};
use ictbot::search::Engine;
use ictbot::store::Store;
use ictbot::telegram::{self, Lifecycle, Options};
use tokio::task::JoinHandle;

use super::fake_bot_api::{FakeBotApi, Recorded, TOKEN};

pub const SCO_QUESTION: &str = "When did the SCO meet in Almaty?";

pub fn knowledge_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge")
}

fn knowledge() -> Knowledge {
    static KNOWLEDGE: OnceLock<Knowledge> = OnceLock::new();
    KNOWLEDGE.get_or_init(|| knowledge::load(&knowledge_dir()).expect("the knowledge folder loads")).clone()
}

/// A conversation over the repository's knowledge, remembering in `store`.
pub fn conversation(store: Arc<Store>) -> Arc<Conversation> {
    let engine = Engine::build(knowledge()).unwrap();
    let settings = Settings {
        knowledge_dir: knowledge_dir(),
        admin_ids: BTreeSet::new(),
        timezone: chrono_tz::Asia::Almaty,
        today: Some(NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()),
    };
    Arc::new(Conversation::new(engine, settings).with_store(store))
}

/// A bot running in this process.
pub struct Running {
    pub store: Arc<Store>,
    pub lifecycle: Lifecycle,
    pub task: JoinHandle<anyhow::Result<()>>,
}

impl Running {
    /// Stops it as a stop signal would, and waits until it has.
    pub async fn stop(self) {
        self.lifecycle.shutdown.cancel();
        self.task.await.unwrap().unwrap();
    }
}

/// Starts the bot against `api` with `options` and `store`.
pub fn start_with(api: &FakeBotApi, options: Options, store: Arc<Store>) -> Running {
    let bot = telegram::Api::connect(TOKEN, Some(&api.url), &options).unwrap();
    let lifecycle = Lifecycle::default();
    let task = tokio::spawn(telegram::serve(bot, conversation(store.clone()), options, lifecycle.clone()));
    Running { store, lifecycle, task }
}

/// A fake server and the bot polling it, with a store in memory.
pub async fn start(options: Options) -> (FakeBotApi, Running) {
    let api = FakeBotApi::start().await;
    let running = start_with(&api, options, Arc::new(Store::in_memory().unwrap()));
    (api, running)
}

pub fn to(chat_id: i64) -> impl Fn(&Recorded) -> bool {
    move |r: &Recorded| r.chat_id() == Some(chat_id)
}

/// sendMessage requests to `chat_id` so far.
pub fn sent_to(api: &FakeBotApi, chat_id: i64) -> Vec<Recorded> {
    api.requests_of("sendMessage").into_iter().filter(|r| r.chat_id() == Some(chat_id)).collect()
}

/// The real binary serving against `api` with its data in `data_dir`; stderr is captured.
pub fn spawn_binary(api: &FakeBotApi, data_dir: &Path) -> Child {
    let mut command = Command::new(env!("CARGO_BIN_EXE_ictbot"));
    command.arg("serve").current_dir(env!("CARGO_MANIFEST_DIR"));
    for variable in ["ADMIN_IDS", "KNOWLEDGE_DIR", "BOT_TIMEZONE", "RUST_LOG", "LOG_FORMAT"] {
        command.env_remove(variable);
    }
    command
        .env("ICTBOT_TODAY", "2026-11-26")
        .env("TELOXIDE_TOKEN", TOKEN)
        .env("TELOXIDE_API_URL", &api.url)
        .env("DATA_DIR", data_dir)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Sends `signal` (TERM, KILL) to the child.
pub fn signal(child: &Child, signal: &str) {
    let status = Command::new("kill").arg(format!("-{signal}")).arg(child.id().to_string()).status().unwrap();
    assert!(status.success());
}

/// Waits for the child to exit, at most `timeout`; its exit code and stderr.
pub async fn wait_exit(mut child: Child, timeout: Duration) -> (Option<i32>, String) {
    let deadline = Instant::now() + timeout;
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            let mut stderr = String::new();
            use std::io::Read;
            child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
            return (status.code(), stderr);
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("the bot did not exit within {timeout:?}");
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}
