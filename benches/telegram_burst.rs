//! A burst of 1,000 questions (the knowledge's curated questions plus a few the bot declines,
//! a third of them asked in Russian) through the whole Telegram path against a fake Bot API
//! server on 127.0.0.1: getUpdates → inbox → processor (one update per chat at a time) →
//! `Conversation::handle` → outbox → the sender (`delivery`, governor limiters) → sendMessage.
//! Reports updates answered per second and the latency from an update entering the server's
//! queue to the bot's sendMessage for it (median, p99, max).
//!
//! Runs, each a fresh bot with its own in-memory store, stopped before the next starts:
//! `Conversation::handle` alone (the floor; everything above it is transport), one question
//! at a time, 100 users × 10 and 1,000 users × 1 without send limits (what the bot itself can
//! do), and 100 users × 10 under Telegram's limits (`delivery::Limits::default()`: 1 message/s
//! per private chat after a burst of 3, 30/s overall), which dominate a burst: at least ~33 s
//! by arithmetic.
//!
//! `cargo bench --bench telegram_burst`; set `BURST_SKIP_THROTTLED=1` to skip the limited run.
//! `benches/telegram_delivery.rs` measures the sender's fairness (a saturated group) and memory.

#[path = "../tests/support/fake_bot_api.rs"]
mod fake_bot_api;

use std::collections::{BTreeSet, HashMap};
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use fake_bot_api::{updates, FakeBotApi, TOKEN};
use ictbot::conversation::{ChatKind, Content, Conversation, Incoming, Sender, Settings};
use ictbot::knowledge::{self, Knowledge};
use ictbot::search::Engine;
use ictbot::telegram;

const USERS: i64 = 100;
const QUESTIONS_PER_USER: usize = 10;

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge");
    let knowledge = knowledge::load(&dir).expect("the knowledge folder loads");
    let questions = questions(&knowledge);
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();

    println!(
        "telegram_burst: {} questions from {USERS} users, {} cores",
        USERS as usize * QUESTIONS_PER_USER,
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    conversation_only(&new_chat(knowledge.clone(), &dir), &questions);
    runtime.block_on(one_at_a_time(new_chat(knowledge.clone(), &dir), &questions));
    let unthrottled = telegram::Options::unthrottled;
    let chat = new_chat(knowledge.clone(), &dir);
    runtime.block_on(burst("unthrottled, 100 users x 10", chat, unthrottled(), &questions, USERS, QUESTIONS_PER_USER));
    // One question per chat: no chat waits for its own previous answer (a chat's updates are
    // handled one after another), so this shows how far handling spreads over the cores.
    let chat = new_chat(knowledge.clone(), &dir);
    let users = USERS * QUESTIONS_PER_USER as i64;
    runtime.block_on(burst("unthrottled, 1000 users x 1", chat, unthrottled(), &questions, users, 1));
    if std::env::var_os("BURST_SKIP_THROTTLED").is_none() {
        let options = telegram::Options::default();
        let chat = new_chat(knowledge, &dir);
        runtime.block_on(burst("Telegram's limits, 100 x 10", chat, options, &questions, USERS, QUESTIONS_PER_USER));
    }
}

/// A conversation over `knowledge` with a store of its own: runs never share a store, whose
/// inbox (keyed by update id) and getUpdates offset would make a new fake server's updates,
/// numbered from 1 again, look like ones already answered.
fn new_chat(knowledge: Knowledge, dir: &Path) -> Arc<Conversation> {
    let engine = Engine::build(knowledge).expect("index builds");
    Arc::new(Conversation::new(
        engine,
        Settings {
            knowledge_dir: dir.to_path_buf(),
            admin_ids: BTreeSet::new(),
            timezone: chrono_tz::Asia::Almaty,
            today: Some(NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()),
        },
    ))
}

/// Curated questions of the knowledge folder, plus some the bot must decline.
fn questions(knowledge: &Knowledge) -> Vec<String> {
    let mut questions: Vec<String> = knowledge.facts.iter().map(|f| f.question.clone()).collect();
    questions.extend(
        ["How do I cook plov?", "weather in Paris tomorrow", "кто выиграл матч?"].iter().map(|q| q.to_string()),
    );
    questions
}

/// What the transport adds is everything above this: `Conversation::handle` alone, per question.
fn conversation_only(chat: &Conversation, questions: &[String]) {
    let latencies = questions
        .iter()
        .cycle()
        .take(1000)
        .enumerate()
        .map(|(n, question)| {
            let incoming = Incoming {
                chat_id: n as i64,
                chat_kind: ChatKind::Private,
                thread_id: None,
                sender: Sender::User(n as u64),
                language_code: Some("en".into()),
                addressed: true,
                content: Content::Text(question.clone()),
                sender_is_chat_admin: None,
                replies_to_bot: None,
            };
            let started = Instant::now();
            assert!(!chat.handle(&incoming).is_empty());
            started.elapsed()
        })
        .collect();
    report("Conversation::handle only", latencies, None);
}

/// The bot's own latency with no queue: one question at a time, each sent after the last
/// answer arrived.
async fn one_at_a_time(chat: Arc<Conversation>, questions: &[String]) {
    let bot = start(chat, telegram::Options::unthrottled()).await;
    let api = &bot.api;
    let mut latencies = Vec::new();
    for (n, question) in questions.iter().take(200).enumerate() {
        let user = 50_000 + n as i64;
        let pushed = Instant::now();
        api.push(updates::private_text(user, "en", question));
        let sent = api.wait_for("sendMessage", 1, |r| r.chat_id() == Some(user)).await;
        latencies.push(sent.at - pushed);
    }
    report("one at a time", latencies, None);
    bot.stop().await;
}

/// A bot serving `chat` against a fresh fake server.
struct Running {
    api: FakeBotApi,
    lifecycle: telegram::Lifecycle,
    task: tokio::task::JoinHandle<anyhow::Result<()>>,
}

impl Running {
    /// Stops the bot, so it does not poll or send while the next run is measured.
    async fn stop(self) {
        self.lifecycle.shutdown.cancel();
        self.task.await.expect("the bot task ends").expect("the bot stops cleanly");
    }
}

async fn start(chat: Arc<Conversation>, options: telegram::Options) -> Running {
    let api = FakeBotApi::start().await;
    let bot = telegram::Api::connect(TOKEN, Some(&api.url), &options).unwrap();
    let lifecycle = telegram::Lifecycle::default();
    let task = tokio::spawn(telegram::serve(bot, chat, options, lifecycle.clone()));
    api.wait_until(Duration::from_secs(30), |rs| {
        rs.iter().filter(|r| r.method == "setMyCommands").count() == telegram::MENU_REQUESTS
    })
    .await;
    Running { api, lifecycle, task }
}

fn report(label: &str, mut latencies: Vec<Duration>, elapsed: Option<Duration>) {
    latencies.sort();
    let pick = |q: f64| latencies[((latencies.len() as f64 - 1.0) * q).round() as usize];
    let rate = elapsed.map_or(String::new(), |e| {
        format!(" in {:.2} s = {:.0} updates/s;", e.as_secs_f64(), latencies.len() as f64 / e.as_secs_f64())
    });
    println!(
        "{label:>30}: {} answered{rate} latency median {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        latencies.len(),
        pick(0.5).as_secs_f64() * 1e3,
        pick(0.99).as_secs_f64() * 1e3,
        latencies.last().unwrap().as_secs_f64() * 1e3,
    );
}

async fn burst(
    label: &str,
    chat: Arc<Conversation>,
    options: telegram::Options,
    questions: &[String],
    users: i64,
    per_user: usize,
) {
    let bot = start(chat, options).await;
    let api = &bot.api;
    // Round-robin over users, so every chat has work queued from the start.
    let mut pushed: HashMap<i64, Vec<Instant>> = HashMap::new();
    let started = Instant::now();
    let mut n = 0;
    for round in 0..per_user {
        for user in 1..=users {
            let question = &questions[(round * users as usize + user as usize) % questions.len()];
            pushed.entry(user).or_default().push(Instant::now());
            api.push(updates::private_text(10_000 + user, if n % 3 == 0 { "ru" } else { "en" }, question));
            n += 1;
        }
    }
    let total = n;
    let sent = api
        .wait_until(Duration::from_secs(600), |rs| rs.iter().filter(|r| r.method == "sendMessage").count() >= total)
        .await;
    let elapsed = started.elapsed();

    // Each question gets exactly one message, and one chat's updates are handled in order,
    // so the k-th message to a user answers that user's k-th question.
    let mut seen: HashMap<i64, usize> = HashMap::new();
    let mut latencies: Vec<Duration> = Vec::with_capacity(total);
    for message in sent.iter().filter(|r| r.method == "sendMessage") {
        let user = message.chat_id().unwrap() - 10_000;
        let k = seen.entry(user).or_default();
        latencies.push(message.at - pushed[&user][*k]);
        *k += 1;
    }
    report(label, latencies, Some(elapsed));
    bot.stop().await;
}
