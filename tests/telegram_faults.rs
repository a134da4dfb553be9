//! Faults lose nothing: an outage of the Bot API (sends and polls), a group that became a
//! supergroup, a chat that blocked the bot, a forum topic deleted before the answer.
//!
//! The outage runs on a compressed timescale: retries start at 50 ms and back off to 400 ms
//! (production: 1 s to 60 s), so a 3 s outage here stands for a minute-long one.

#[path = "support/bot.rs"]
mod bot;
#[path = "support/fake_bot_api.rs"]
mod fake_bot_api;

use std::time::Duration;

use bot::{sent_to, start, to, SCO_QUESTION};
use fake_bot_api::{updates, Fault, BOT_USERNAME};
use ictbot::telegram::Options;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_outage_of_sends_and_polls_loses_no_answer() {
    let (api, _bot) = start(Options::unthrottled()).await;
    api.wait_until(Duration::from_secs(20), |rs| rs.iter().any(|r| r.method == "setMyCommands")).await;
    // Sends fail first: the questions are fetched and answered, the answers cannot leave.
    api.set_sends_down(true);
    for user in 5001..5006 {
        api.push(updates::private_text(user, "en", SCO_QUESTION));
    }
    tokio::time::sleep(Duration::from_millis(1500)).await;
    // Then everything is down, polls too; more questions wait at Telegram.
    api.set_down(true);
    for user in 5006..5009 {
        api.push(updates::private_text(user, "en", SCO_QUESTION));
    }
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert!(api.requests_of("sendMessage").is_empty());
    api.set_down(false);
    api.set_sends_down(false);
    for user in 5001..5009 {
        let answer = api.wait_for("sendMessage", 1, to(user)).await;
        assert!(answer.text().contains("<b>Almaty</b>"));
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    for user in 5001..5009 {
        assert_eq!(sent_to(&api, user).len(), 1, "user {user} was answered more than once");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_migrated_group_gets_its_answers_in_the_new_supergroup() {
    let (api, bot) = start(Options::unthrottled()).await;
    let (old, new) = (-4_000_001, -1_004_000_000_001);
    api.inject_for(old, [Fault::Migrated { to: new }]);
    api.push(updates::group_text(old, 6001, &format!("/ask@{BOT_USERNAME} {SCO_QUESTION}"), None));
    api.push(updates::group_text(old, 6002, "/next", None));
    let first = api.wait_for("sendMessage", 1, to(new)).await;
    assert!(first.text().contains("<b>Almaty</b>"), "{}", first.text());
    let second = api.wait_for("sendMessage", 2, to(new)).await;
    assert!(second.text().starts_with("<b>Next meeting:</b>"), "{}", second.text());
    // One refused attempt in the old group, nothing more.
    assert_eq!(sent_to(&api, old).len(), 1);
    assert_eq!(bot.store.migrated_to(old).unwrap(), Some(new));
    assert!(!bot.store.chat_active(old).unwrap());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_chat_that_blocked_the_bot_is_marked_inactive_for_everyone() {
    let (api, bot) = start(Options::unthrottled()).await;
    api.inject_for(7001, [Fault::Blocked]);
    api.push(updates::private_text(7001, "en", SCO_QUESTION));
    api.wait_for("sendMessage", 1, to(7001)).await;
    api.push(updates::private_text(7002, "en", SCO_QUESTION));
    api.wait_for("sendMessage", 1, to(7002)).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    // The refusal is not retried, and reminders can see that the chat is gone.
    assert_eq!(sent_to(&api, 7001).len(), 1);
    assert!(!bot.store.chat_active(7001).unwrap());
    assert!(bot.store.chat_active(7002).unwrap());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_answer_to_a_deleted_topic_goes_to_the_group_once() {
    let (api, _bot) = start(Options::unthrottled()).await;
    let group = -1_008_000_000_004;
    api.inject_for(group, [Fault::ThreadNotFound]);
    api.push(updates::topic_text(group, 78, 7101, &format!("/ask@{BOT_USERNAME} {SCO_QUESTION}")));
    let answer = api.wait_for("sendMessage", 2, to(group)).await;
    assert!(answer.text().contains("<b>Almaty</b>"), "{}", answer.text());
    assert!(answer.body.get("message_thread_id").is_none(), "{}", answer.body);
    tokio::time::sleep(Duration::from_millis(300)).await;
    let sent = sent_to(&api, group);
    assert_eq!(sent.len(), 2, "one refused send in the topic, one in the group");
    assert_eq!(sent[0].body["message_thread_id"], 78, "{}", sent[0].body);
}
