//! Who may write and how: anonymous group admins and linked-channel posts are answered like
//! members, captions are read as text, invisible characters inside words do not spoil a
//! question, and in forum topics every reply (button presses too) goes to the topic.

#[path = "support/bot.rs"]
mod bot;
#[path = "support/fake_bot_api.rs"]
mod fake_bot_api;

use bot::{start, to, SCO_QUESTION};
use fake_bot_api::{updates, BOT_USERNAME};
use ictbot::telegram::Options;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_anonymous_admin_and_a_linked_channel_are_answered_like_members() {
    let (api, _bot) = start(Options::unthrottled()).await;
    let group = -1_008_000_000_001;
    let admin = updates::anonymous_admin_text(group, &format!("/ask@{BOT_USERNAME} {SCO_QUESTION}"));
    let admin_message = admin["message"]["message_id"].clone();
    api.push(admin);
    let answer = api.wait_for("sendMessage", 1, to(group)).await;
    assert!(answer.text().contains("<b>Almaty</b>"), "{}", answer.text());
    assert_eq!(answer.body["reply_parameters"]["message_id"], admin_message);

    api.push(updates::channel_text(group, -1_008_000_000_002, &format!("@{BOT_USERNAME} {SCO_QUESTION}")));
    let answer = api.wait_for("sendMessage", 2, to(group)).await;
    assert!(answer.text().contains("<b>Almaty</b>"), "{}", answer.text());
    // Not addressed: still silent.
    api.push(updates::anonymous_admin_text(group, "meeting at noon, everyone"));
    api.push(updates::group_text(group, 8003, "/next", None));
    let last = api.wait_for("sendMessage", 3, to(group)).await;
    assert!(last.text().starts_with("<b>Next meeting:</b>"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn invisible_characters_inside_words_and_captions_still_get_answers() {
    let (api, _bot) = start(Options::unthrottled()).await;
    api.push(updates::private_text(8101, "en", "When did the S\u{200B}CO meet in Al\u{00AD}ma\u{200D}ty?\u{FEFF}"));
    let answer = api.wait_for("sendMessage", 1, to(8101)).await;
    assert!(answer.text().contains("<b>Almaty</b>"), "{}", answer.text());
    api.push(updates::photo_with_caption(8102, SCO_QUESTION));
    let answer = api.wait_for("sendMessage", 1, to(8102)).await;
    assert!(answer.text().contains("<b>Almaty</b>"), "{}", answer.text());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_a_forum_topic_answers_and_button_answers_go_to_the_topic() {
    let (api, _bot) = start(Options::unthrottled()).await;
    let group = -1_008_000_000_003;
    api.push(updates::topic_text(group, 77, 8201, &format!("/ask@{BOT_USERNAME} {SCO_QUESTION}")));
    let answer = api.wait_for("sendMessage", 1, to(group)).await;
    assert_eq!(answer.body["message_thread_id"], 77, "{}", answer.body);
    let sources = answer.buttons().into_iter().find(|(label, _)| label == "Sources").unwrap().1;
    api.push(updates::topic_callback(group, 77, 8201, 1000, &sources));
    let pressed = api.wait_for("sendMessage", 2, to(group)).await;
    assert!(pressed.text().starts_with("Sources of this answer:"));
    assert_eq!(pressed.body["message_thread_id"], 77, "{}", pressed.body);
    // Outside topics no thread is named.
    api.push(updates::group_text(group, 8202, "/next", None));
    let plain = api.wait_for("sendMessage", 3, to(group)).await;
    assert!(plain.body.get("message_thread_id").is_none());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn inline_results_are_personal_because_their_wording_follows_the_language() {
    let (api, _bot) = start(Options::unthrottled()).await;
    api.push(updates::inline_query(8301, "cybersecurity council"));
    let answer = api.wait_for("answerInlineQuery", 1, |_| true).await;
    assert_eq!(answer.body["is_personal"], true);
}
