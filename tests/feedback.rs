//! 👍/👎 under answers, end to end: localized labels, a brief acknowledgement without the
//! answer being sent again, one vote per person, and 👎 feeding `/unanswered`.

#[path = "support/admin_bot.rs"]
mod bot;
#[path = "support/fake_bot_api.rs"]
mod fake_bot_api;

use std::sync::Arc;

use bot::{button, conversation, shipped_knowledge, start, to};
use fake_bot_api::updates;

const ADMIN: i64 = 4242;
const SCO_QUESTION: &str = "When did the SCO meet in Almaty?";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_press_is_acknowledged_briefly_and_the_answer_is_not_sent_again() {
    let api = start(Arc::new(conversation(shipped_knowledge(), &[ADMIN as u64]))).await;
    api.push(updates::private_text(701, "en", SCO_QUESTION));
    let answer = api.wait_for("sendMessage", 1, to(701)).await;
    let last_row: Vec<String> = answer.buttons().into_iter().rev().take(2).map(|(l, _)| l).collect();
    assert_eq!(last_row, ["👎 Not helpful", "👍 Helpful"]);
    for (label, data) in answer.buttons() {
        assert!(data.len() <= 64, "{label}: {data}");
    }
    api.push(updates::callback(701, 701, 1, &button(&answer, "👍 Helpful")));
    let ack = api.wait_for("answerCallbackQuery", 1, |_| true).await;
    assert_eq!(ack.body["text"], "Thanks for the feedback!");
    // A later message proves the bot has moved on; nothing else went to the chat meanwhile.
    api.push(updates::private_text(701, "en", "/about"));
    let next = api.wait_for("sendMessage", 2, to(701)).await;
    assert!(next.text().starts_with("ictbot "), "the answer was sent again: {}", next.text());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn labels_and_notices_follow_the_users_language() {
    let api = start(Arc::new(conversation(shipped_knowledge(), &[ADMIN as u64]))).await;
    api.push(updates::private_text(702, "kk", SCO_QUESTION));
    let answer = api.wait_for("sendMessage", 1, to(702)).await;
    let data = button(&answer, "👎 Не помогло");
    button(&answer, "👍 Полезно");
    let mut press = updates::callback(702, 702, 1, &data);
    press["callback_query"]["from"]["language_code"] = "ru".into();
    api.push(press);
    let ack = api.wait_for("answerCallbackQuery", 1, |_| true).await;
    assert!(ack.body["text"].as_str().unwrap().starts_with("Спасибо; отметил"), "{}", ack.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_vote_counts_once_per_person_and_thumbs_down_lists_the_question() {
    let api = start(Arc::new(conversation(shipped_knowledge(), &[ADMIN as u64]))).await;
    api.push(updates::private_text(703, "en", SCO_QUESTION));
    let answer = api.wait_for("sendMessage", 1, to(703)).await;
    let down = button(&answer, "👎 Not helpful");
    for n in 1..=3 {
        api.push(updates::callback(703, 703, 1, &down));
        api.wait_for("answerCallbackQuery", n, |_| true).await;
    }
    // Forged or foreign feedback data is refused like any stale button.
    api.push(updates::callback(703, 703, 1, "f:999999:y"));
    let forged = api.wait_for("answerCallbackQuery", 4, |_| true).await;
    assert_eq!(forged.body["text"], "This button has expired. Please ask again.");

    api.push(updates::private_text(ADMIN, "en", "/stats"));
    let stats = api.wait_for("sendMessage", 1, to(ADMIN)).await;
    assert!(stats.text().contains("Feedback: 👍 0, 👎 1"), "{}", stats.text());
    api.push(updates::private_text(ADMIN, "en", "/unanswered"));
    let list = api.wait_for("sendMessage", 2, to(ADMIN)).await;
    assert!(list.text().contains(&format!("<i>{SCO_QUESTION}</i> — 👎, ×1")), "{}", list.text());

    // Changing one's mind to 👍 moves the vote.
    api.push(updates::callback(703, 703, 1, &button(&answer, "👍 Helpful")));
    api.wait_for("answerCallbackQuery", 5, |_| true).await;
    api.push(updates::private_text(ADMIN, "en", "/stats"));
    let stats = api.wait_for("sendMessage", 3, to(ADMIN)).await;
    assert!(stats.text().contains("Feedback: 👍 1, 👎 0"), "{}", stats.text());
}
