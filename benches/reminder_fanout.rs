//! One reminder fanned out to many subscribed chats through the fake Bot API server
//! (`FANOUT_CHATS`, default 10,000), with the scheduler's clock set to the moment it falls due:
//! (1) without the limiter's waits: messages per second, duplicates and losses; (2) under
//! Telegram's limits (30/s overall, 1/s per chat): total time against the ~N/30 s arithmetic,
//! the most messages any chat got within one second, and the p99 of a private user's questions
//! asked during the fan-out (target under 1.5 s). The baseline is the same fan-out to 100
//! chats, measured in the same run.
//!
//! `cargo bench --bench reminder_fanout`; `FANOUT_SKIP_LIMITED=1` skips the ~6 min run.

#[path = "../tests/support/fake_bot_api.rs"]
mod fake_bot_api;
#[path = "../tests/support/reminders_env.rs"]
mod reminders_env;

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use fake_bot_api::{updates, FakeBotApi, Recorded, TOKEN};
use ictbot::clock::ManualClock;
use ictbot::store::Store;
use ictbot::telegram::{self, Options};
use reminders_env::{at, conversation, fixture};

const OTS_TITLE: &str = "8th Meeting of the OTS Ministers in charge of ICT";
const FIRST_CHAT: i64 = 1_000_000;

fn main() {
    let chats: i64 = std::env::var("FANOUT_CHATS").ok().and_then(|n| n.parse().ok()).unwrap_or(10_000);
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    runtime.block_on(async {
        let baseline = fan_out(100, Options::unthrottled(), false).await;
        let full = fan_out(chats, Options::unthrottled(), false).await;
        println!("  throughput ratio to the 100-chat baseline: {:.2}x", full.per_second() / baseline.per_second());
        if std::env::var_os("FANOUT_SKIP_LIMITED").is_none() {
            let limited = fan_out(chats, Options::default(), true).await;
            println!("  arithmetic lower bound at 30/s: {:.0} s", chats as f64 / 30.0);
            let _ = limited;
        }
    });
}

struct Run {
    chats: i64,
    elapsed: Duration,
}

impl Run {
    fn per_second(&self) -> f64 {
        self.chats as f64 / self.elapsed.as_secs_f64()
    }
}

async fn fan_out(chats: i64, options: Options, limited: bool) -> Run {
    let label = format!("{chats} chats, {}", if limited { "Telegram's limits" } else { "unthrottled" });
    let dir = tempfile::tempdir().unwrap();
    let store = Arc::new(Store::open_in(dir.path()).unwrap());
    for chat in 0..chats {
        store.subscribe(FIRST_CHAT + chat, "OTS", None, 0).unwrap();
    }
    // A minute before the 7-day reminder of the fixture's OTS meeting (09:00 Almaty).
    let clock = Arc::new(ManualClock::new(at("2026-12-05T03:59:00Z")));
    let api = FakeBotApi::start().await;
    let bot = telegram::Api::connect(TOKEN, Some(&api.url), &options).unwrap();
    let lifecycle = telegram::Lifecycle::default();
    let serving = tokio::spawn(telegram::serve(
        bot,
        conversation(&fixture(), clock.clone(), store.clone()),
        options,
        lifecycle.clone(),
    ));
    // Started once the menus are registered (the fake server does not record getUpdates).
    let menus = telegram::MENU_REQUESTS;
    api.wait_until(Duration::from_secs(30), |rs| rs.iter().filter(|r| r.method == "setMyCommands").count() >= menus)
        .await;

    let started = Instant::now();
    clock.set(at("2026-12-05T04:00:00Z"));
    let reminded = |rs: &[Recorded]| rs.iter().filter(|r| is_reminder(r)).count() as i64;
    let mut latencies = Vec::new();
    if limited {
        // A private user asks every half second while the fan-out runs.
        let user = 77;
        let mut asked = 0;
        while reminded(&api.requests()) < chats && started.elapsed() < Duration::from_secs(1200) {
            asked += 1;
            let pushed = Instant::now();
            api.push(updates::private_text(user, "en", "When did the OTS ministers meet?"));
            let answer = api.wait_for("sendMessage", asked, |r| r.chat_id() == Some(user)).await;
            latencies.push(answer.at - pushed);
            tokio::time::sleep(Duration::from_millis(500)).await;
        }
    }
    // Until every chat is reminded, or nothing more arrives for 30 s (then the rest is lost).
    let (mut seen, mut progress) = (0, Instant::now());
    let requests = loop {
        let requests = api.requests();
        let now_seen = reminded(&requests);
        if now_seen >= chats || progress.elapsed() > Duration::from_secs(30) {
            break requests;
        }
        if now_seen > seen {
            (seen, progress) = (now_seen, Instant::now());
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    let elapsed = started.elapsed();
    lifecycle.shutdown.cancel();
    let _ = serving.await;

    let mut per_chat: HashMap<i64, Vec<Instant>> = HashMap::new();
    for r in requests.iter().filter(|r| is_reminder(r)) {
        per_chat.entry(r.chat_id().unwrap()).or_default().push(r.at);
    }
    let duplicates: usize = per_chat.values().map(|times| times.len() - 1).sum();
    let lost = chats - per_chat.len() as i64;
    let most_in_a_second = most_within_a_second(&requests);
    println!(
        "{label:>36}: {:.2} s, {:.0} messages/s; {duplicates} duplicates, {lost} lost; at most {most_in_a_second} \
         message(s) to one chat within a second",
        elapsed.as_secs_f64(),
        chats as f64 / elapsed.as_secs_f64()
    );
    if !latencies.is_empty() {
        latencies.sort();
        let p = |q: f64| latencies[((latencies.len() as f64 - 1.0) * q).round() as usize];
        println!(
            "{:>36}: {} questions, p50 {:.0} ms, p99 {:.0} ms (target 1500 ms: {})",
            "private user during the fan-out",
            latencies.len(),
            p(0.5).as_secs_f64() * 1e3,
            p(0.99).as_secs_f64() * 1e3,
            if p(0.99) < Duration::from_millis(1500) { "met" } else { "MISSED" }
        );
    }
    Run { chats, elapsed }
}

fn is_reminder(r: &Recorded) -> bool {
    r.method == "sendMessage" && r.text().contains(OTS_TITLE)
}

/// The most sendMessage requests any one subscribed chat received within a one-second window
/// (the private user asking during the fan-out is not one of them).
fn most_within_a_second(requests: &[Recorded]) -> usize {
    let mut per_chat: HashMap<i64, Vec<Instant>> = HashMap::new();
    for r in requests.iter().filter(|r| r.method == "sendMessage" && r.chat_id() >= Some(FIRST_CHAT)) {
        per_chat.entry(r.chat_id().unwrap_or(0)).or_default().push(r.at);
    }
    per_chat
        .values()
        .map(|times| {
            (0..times.len())
                .map(|i| times[i..].iter().take_while(|t| **t - times[i] < Duration::from_secs(1)).count())
                .max()
                .unwrap_or(0)
        })
        .max()
        .unwrap_or(0)
}
