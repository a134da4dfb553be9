//! Reloads while several chats keep asking: no question fails or goes unanswered, and the
//! worst added delay is measured against the same stream without reloads.

#[path = "support/admin_bot.rs"]
mod bot;
#[path = "support/fake_bot_api.rs"]
mod fake_bot_api;

use std::sync::Arc;
use std::time::{Duration, Instant};

use bot::{conversation, copy_dir, shipped_knowledge, start, to};
use fake_bot_api::{updates, FakeBotApi};

const ADMIN: i64 = 4242;
const CHATS: [i64; 4] = [901, 902, 903, 904];
const SCO_QUESTION: &str = "When did the SCO meet in Almaty?";

/// Each chat asks, waits for the answer, and asks again, `rounds` times; returns every
/// question's latency (push to sendMessage). `asked` counts the questions per chat so far.
async fn stream(api: &FakeBotApi, rounds: usize, asked: usize) -> Vec<Duration> {
    let tasks: Vec<_> = CHATS
        .iter()
        .map(|&chat| {
            let api = api.clone();
            tokio::spawn(async move {
                let mut latencies = Vec::new();
                for n in asked + 1..=asked + rounds {
                    let pushed = Instant::now();
                    api.push(updates::private_text(chat, "en", SCO_QUESTION));
                    let answer = api.wait_for("sendMessage", n, to(chat)).await;
                    assert!(
                        answer.text().contains("<b>Almaty</b>"),
                        "question {n} in {chat} failed: {}",
                        answer.text()
                    );
                    latencies.push(answer.at.saturating_duration_since(pushed));
                }
                latencies
            })
        })
        .collect();
    let mut all = Vec::new();
    for task in tasks {
        all.extend(task.await.unwrap());
    }
    all.sort();
    all
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reloads_under_a_stream_of_questions_never_fail_a_question() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&shipped_knowledge(), dir.path());
    let api = start(Arc::new(conversation(dir.path().to_path_buf(), &[ADMIN as u64]))).await;
    let rounds = 15;
    let baseline = stream(&api, rounds, 0).await;

    let admin = {
        let api = api.clone();
        tokio::spawn(async move {
            let mut reloads = 0;
            let started = Instant::now();
            while started.elapsed() < Duration::from_secs(2) || reloads < 3 {
                api.push(updates::private_text(ADMIN, "en", "/reload"));
                let report = api.wait_for("sendMessage", reloads + 1, to(ADMIN)).await;
                assert!(report.text().starts_with("Knowledge reloaded in "), "{}", report.text());
                reloads += 1;
            }
            reloads
        })
    };
    let during = stream(&api, rounds, rounds).await;
    let reloads = admin.await.unwrap();
    let answered = api.requests_of("sendMessage").iter().filter(|r| CHATS.contains(&r.chat_id().unwrap_or(0))).count();
    assert_eq!(answered, CHATS.len() * rounds * 2, "every question got exactly one answer");

    let worst = |l: &[Duration]| *l.last().unwrap();
    let median = |l: &[Duration]| l[l.len() / 2];
    eprintln!(
        "reload under load: {reloads} reloads; {} questions per phase; without reloads median {:?} worst {:?}; during reloads median {:?} worst {:?}; worst added delay {:?}",
        baseline.len(),
        median(&baseline),
        worst(&baseline),
        median(&during),
        worst(&during),
        worst(&during).saturating_sub(worst(&baseline)),
    );
    assert!(reloads >= 3);
}
