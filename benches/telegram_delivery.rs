//! Delivery through the fake Bot API server: (1) 2,000 questions from 200 users (10 each),
//! unthrottled (what the bot itself can do) and under Telegram's limits (1/s per private
//! chat, 30/s overall: at least ~67 s by arithmetic); time until all are answered, p50/p99
//! from update to reply, peak RSS of the process (bot and fake server together); (2) the p99
//! latency of private users while one group is saturated (target under 1.5 s). The baseline
//! is one question at a time, measured in the same run.
//!
//! `cargo bench --bench telegram_delivery`; `DELIVERY_SKIP_LIMITED=1` skips the ~70 s run.

#[path = "../tests/support/bot.rs"]
mod bot;
#[path = "../tests/support/fake_bot_api.rs"]
mod fake_bot_api;

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use fake_bot_api::{updates, FakeBotApi, BOT_USERNAME};
use ictbot::store::Store;
use ictbot::telegram::{Options, MENU_REQUESTS};

const QUESTIONS: [&str; 5] = [
    "When did the SCO meet in Almaty?",
    "cybersecurity council",
    "/next",
    "where will the next SCO ICT meeting be?",
    "Digital Forum of the Shanghai Cooperation Organization",
];

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    runtime.block_on(async {
        let baseline = one_at_a_time().await;
        report("baseline: one at a time", &baseline, None);
        let base_p50 = percentile(&baseline, 0.5);
        let lat = burst(Options::unthrottled(), "2,000 from 200 users, unthrottled").await;
        println!("  p50 ratio to baseline: {:.1}x", percentile(&lat, 0.5).as_secs_f64() / base_p50.as_secs_f64());
        if std::env::var_os("DELIVERY_SKIP_LIMITED").is_none() {
            burst(Options::default(), "2,000 from 200 users, Telegram's limits").await;
        }
        saturated_group().await;
        println!("peak RSS (bot + fake server): {} MiB", peak_rss_kib() / 1024);
    });
}

async fn started(options: Options) -> (FakeBotApi, bot::Running) {
    let api = FakeBotApi::start().await;
    let dir = tempfile::tempdir().unwrap().keep();
    let running = bot::start_with(&api, options, Arc::new(Store::open_in(&dir).unwrap()));
    api.wait_until(Duration::from_secs(30), |rs| {
        rs.iter().filter(|r| r.method == "setMyCommands").count() == MENU_REQUESTS
    })
    .await;
    (api, running)
}

async fn one_at_a_time() -> Vec<Duration> {
    let (api, _bot) = started(Options::unthrottled()).await;
    let mut latencies = Vec::new();
    for n in 0..50 {
        let user = 100 + n;
        let pushed = Instant::now();
        api.push(updates::private_text(user, "en", QUESTIONS[n as usize % QUESTIONS.len()]));
        latencies.push(api.wait_for("sendMessage", 1, bot::to(user)).await.at - pushed);
    }
    latencies
}

async fn burst(options: Options, label: &str) -> Vec<Duration> {
    let (api, _bot) = started(options).await;
    let mut pushed: HashMap<i64, Vec<Instant>> = HashMap::new();
    let started = Instant::now();
    for round in 0..10 {
        for user in 1..=200i64 {
            pushed.entry(user).or_default().push(Instant::now());
            let question = QUESTIONS[(round + user as usize) % QUESTIONS.len()];
            api.push(updates::private_text(10_000 + user, "en", question));
        }
    }
    let sent = api
        .wait_until(Duration::from_secs(600), |rs| rs.iter().filter(|r| r.method == "sendMessage").count() >= 2000)
        .await;
    let elapsed = started.elapsed();
    // One message per question, in order per chat: the k-th message answers the k-th question.
    let mut seen: HashMap<i64, usize> = HashMap::new();
    let mut latencies = Vec::new();
    for message in sent.iter().filter(|r| r.method == "sendMessage") {
        let user = message.chat_id().unwrap() - 10_000;
        let k = seen.entry(user).or_default();
        latencies.push(message.at - pushed[&user][*k]);
        *k += 1;
    }
    report(label, &latencies, Some(elapsed));
    latencies
}

async fn saturated_group() {
    let (api, _bot) = started(Options::default()).await;
    let group = -1_000_000_000_777;
    for n in 0..200 {
        api.push(updates::group_text(group, 50_000 + n, &format!("/ask@{BOT_USERNAME} {}", QUESTIONS[0]), None));
    }
    let mut latencies = Vec::new();
    for user in 0..100 {
        let user = 60_000 + user;
        let pushed = Instant::now();
        api.push(updates::private_text(user, "en", QUESTIONS[user as usize % QUESTIONS.len()]));
        latencies.push(api.wait_for("sendMessage", 1, bot::to(user)).await.at - pushed);
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    report("private users, one group saturated", &latencies, None);
    let p99 = percentile(&latencies, 0.99);
    println!(
        "  p99 {:.0} ms against a target of 1500 ms: {}",
        p99.as_secs_f64() * 1e3,
        if p99 < Duration::from_millis(1500) { "met" } else { "MISSED" }
    );
}

fn percentile(latencies: &[Duration], q: f64) -> Duration {
    let mut sorted = latencies.to_vec();
    sorted.sort();
    sorted[((sorted.len() as f64 - 1.0) * q).round() as usize]
}

fn report(label: &str, latencies: &[Duration], elapsed: Option<Duration>) {
    let total = elapsed.map_or(String::new(), |e| format!(" all answered in {:.2} s;", e.as_secs_f64()));
    println!(
        "{label:>40}: {} answers;{total} p50 {:.1} ms, p99 {:.1} ms",
        latencies.len(),
        percentile(latencies, 0.5).as_secs_f64() * 1e3,
        percentile(latencies, 0.99).as_secs_f64() * 1e3
    );
}

/// Peak resident memory of this process (VmHWM), in KiB.
fn peak_rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(|l| l.split_whitespace().nth(1).unwrap_or("0").parse().unwrap_or(0))
        })
        .unwrap_or(0)
}
