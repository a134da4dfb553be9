//! Stop and restart: SIGTERM keeps unsent answers for the next start, a kill -9 loses
//! nothing and a redelivered update is answered once, an old button still means its own
//! question after a restart, and a revoked token stops the bot with one line.

#[path = "support/bot.rs"]
mod bot;
#[path = "support/fake_bot_api.rs"]
mod fake_bot_api;

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use bot::{sent_to, signal, spawn_binary, start_with, to, wait_exit, SCO_QUESTION};
use fake_bot_api::{updates, FakeBotApi, BOT_USERNAME};
use ictbot::store::Store;
use ictbot::telegram::{Options, MENU_REQUESTS};

async fn started(api: &FakeBotApi, runs: usize) {
    api.wait_until(Duration::from_secs(30), |rs| {
        rs.iter().filter(|r| r.method == "setMyCommands").count() >= MENU_REQUESTS * runs
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_with_a_queued_group_exits_0_and_the_restart_answers_everything_once() {
    let api = FakeBotApi::start().await;
    let data = tempfile::tempdir().unwrap();
    let group = -1_009_000_000_001;
    let child = spawn_binary(&api, data.path());
    started(&api, 1).await;
    let mut questions = Vec::new();
    for n in 0..8 {
        let update = updates::group_text(group, 9000 + n, &format!("/ask@{BOT_USERNAME} {SCO_QUESTION}"), None);
        questions.push(update["message"]["message_id"].as_i64().unwrap());
        api.push(update);
    }
    // The group's burst goes out; the rest wait for its 20-a-minute budget.
    api.wait_for("sendMessage", 3, to(group)).await;
    let stopping = Instant::now();
    signal(&child, "TERM");
    let (code, stderr) = wait_exit(child, Duration::from_secs(10)).await;
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stopping.elapsed() < Duration::from_secs(10));
    let before = sent_to(&api, group).len();
    assert!(before < 8, "everything was sent before the stop; the test proves nothing");

    let child = spawn_binary(&api, data.path());
    let sent = api
        .wait_until(Duration::from_secs(40), |rs| {
            rs.iter().filter(|r| r.method == "sendMessage" && r.chat_id() == Some(group)).count() >= 8
        })
        .await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    signal(&child, "TERM");
    wait_exit(child, Duration::from_secs(10)).await;
    let mut answered: HashMap<i64, usize> = HashMap::new();
    for r in sent.iter().filter(|r| r.method == "sendMessage") {
        *answered.entry(r.body["reply_parameters"]["message_id"].as_i64().unwrap()).or_default() += 1;
    }
    for id in &questions {
        assert_eq!(answered.get(id), Some(&1), "question {id}: {answered:?}");
    }
    assert_eq!(sent_to(&api, group).len(), 8);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_kill_9_and_redelivery_every_question_is_answered_once() {
    let api = FakeBotApi::start().await;
    let data = tempfile::tempdir().unwrap();
    let child = spawn_binary(&api, data.path());
    started(&api, 1).await;
    // Telegram hangs: the answers are under way when the process dies.
    api.set_black_hole(true);
    for user in 9101..9107 {
        api.push(updates::private_text(user, "en", SCO_QUESTION));
    }
    api.wait_until(Duration::from_secs(20), |_| api.swallowed() >= 6).await;
    signal(&child, "KILL");
    wait_exit(child, Duration::from_secs(5)).await;
    api.set_black_hole(false);

    let child = spawn_binary(&api, data.path());
    started(&api, 2).await;
    // Telegram forgets what was confirmed and sends every update again.
    api.redeliver_all();
    for user in 9101..9107 {
        api.wait_for("sendMessage", 1, to(user)).await;
    }
    tokio::time::sleep(Duration::from_millis(1500)).await;
    signal(&child, "TERM");
    wait_exit(child, Duration::from_secs(10)).await;
    for user in 9101..9107 {
        assert_eq!(sent_to(&api, user).len(), 1, "user {user}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_old_button_after_a_restart_shows_its_own_question() {
    let api = FakeBotApi::start().await;
    let data = tempfile::tempdir().unwrap();
    let user = 9201;
    let store = Arc::new(Store::open_in(data.path()).unwrap());
    let first = start_with(&api, Options::unthrottled(), store);
    api.push(updates::private_text(user, "en", SCO_QUESTION));
    let answer = api.wait_for("sendMessage", 1, to(user)).await;
    let sources = answer.buttons().into_iter().find(|(l, _)| l == "Sources").unwrap().1;
    api.push(updates::callback(user, user, 1000, &sources));
    let original = api.wait_for("sendMessage", 2, to(user)).await.text().to_string();
    first.stop().await;

    let store = Arc::new(Store::open_in(data.path()).unwrap());
    let _second = start_with(&api, Options::unthrottled(), store);
    api.push(updates::private_text(user, "en", "cybersecurity council"));
    let other = api.wait_for("sendMessage", 3, to(user)).await;
    let other_sources = other.buttons().into_iter().find(|(l, _)| l == "Sources").unwrap().1;
    assert_ne!(other_sources, sources, "a button id was reused");
    api.push(updates::callback(user, user, 1000, &sources));
    let again = api.wait_for("sendMessage", 4, to(user)).await;
    assert_eq!(again.text(), original);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_revoked_token_stops_the_bot_non_zero_with_one_line() {
    let api = FakeBotApi::start().await;
    let data = tempfile::tempdir().unwrap();
    let child = spawn_binary(&api, data.path());
    started(&api, 1).await;
    api.revoke_token();
    let (code, stderr) = wait_exit(child, Duration::from_secs(20)).await;
    assert_eq!(code, Some(3), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("Telegram rejected TELOXIDE_TOKEN"), "{stderr}");
    assert!(!stderr.contains("fakeToken"), "{stderr}");
}
