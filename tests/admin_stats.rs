//! `/stats`, `/unanswered` and the admins' scoped command menu, end to end through teloxide
//! against the fake Bot API.

#[path = "support/admin_bot.rs"]
mod bot;
#[path = "support/fake_bot_api.rs"]
mod fake_bot_api;

use std::sync::Arc;
use std::time::Duration;

use bot::{button, conversation, shipped_knowledge, start, to};
use fake_bot_api::{updates, Recorded};
use ictbot::console::render_plain;
use ictbot::conversation::{ChatKind, Content, Incoming, Reply, Sender};
use ictbot::store::Store;

const ADMIN: i64 = 4242;
const OTHER_ADMIN: i64 = 4343;
const SCO_QUESTION: &str = "When did the SCO meet in Almaty?";
const MARS_QUESTION: &str = "What is the price of tomatoes on Mars?";

/// Sends `text` from `user` in private and returns the `n`-th reply to them.
async fn ask(api: &fake_bot_api::FakeBotApi, user: i64, text: &str, n: usize) -> Recorded {
    api.push(updates::private_text(user, "en", text));
    api.wait_for("sendMessage", n, to(user)).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unanswered_lists_declined_questions_and_thumbs_down_newest_first_with_repeats() {
    let api = start(Arc::new(conversation(shipped_knowledge(), &[ADMIN as u64]))).await;
    let declined = ask(&api, 601, MARS_QUESTION, 1).await;
    assert!(declined.text().starts_with("I don't know"), "{}", declined.text());
    assert!(declined.buttons().iter().all(|(l, _)| !l.contains('👎')), "a decline has nothing to rate");
    ask(&api, 602, &MARS_QUESTION.to_uppercase(), 1).await;
    let answer = ask(&api, 603, SCO_QUESTION, 1).await;
    api.push(updates::callback(603, 603, 1, &button(&answer, "👎 Not helpful")));
    let ack = api.wait_for("answerCallbackQuery", 1, |_| true).await;
    assert!(ack.body["text"].as_str().unwrap().starts_with("Thanks; noted"), "{}", ack.body);

    let refused = ask(&api, 601, "/unanswered", 2).await;
    assert_eq!(refused.text(), "Sorry, this command is only for the bot's administrators.");
    let list = ask(&api, ADMIN, "/unanswered", 1).await;
    let text = list.text();
    let sco = text.find(&format!("<i>{SCO_QUESTION}</i> — 👎, ×1")).unwrap_or_else(|| panic!("{text}"));
    let mars = text
        .find(&format!("<i>{}</i> — declined, ×2", MARS_QUESTION.to_uppercase()))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(sco < mars, "newest first: {text}");
    assert!(text.starts_with("Questions I could not answer well, newest first (2 of 2):"), "{text}");
    assert!(!text.contains("601") && !text.contains("Official"), "no user ids or names: {text}");

    assert!(ask(&api, ADMIN, "/unanswered clear", 2).await.text().contains("(2 removed)"));
    assert!(ask(&api, ADMIN, "/unanswered", 3).await.text().starts_with("No unanswered questions"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stats_count_questions_by_verdict_with_answer_times_and_feedback() {
    let api = start(Arc::new(conversation(shipped_knowledge(), &[ADMIN as u64]))).await;
    let first = ask(&api, 611, SCO_QUESTION, 1).await;
    ask(&api, 612, SCO_QUESTION, 1).await;
    ask(&api, 613, MARS_QUESTION, 1).await;
    api.push(updates::callback(611, 611, 1, &button(&first, "👍 Helpful")));
    api.wait_for("answerCallbackQuery", 1, |_| true).await;
    ask(&api, 611, "/subscribe SCO", 2).await;
    ask(&api, 612, "/subscribe ОТГ", 2).await;
    let refused = ask(&api, 613, "/stats", 2).await;
    assert!(refused.text().starts_with("Sorry, this command is only for"), "{}", refused.text());

    let stats = ask(&api, ADMIN, "/stats", 1).await;
    let text = stats.text();
    assert!(text.starts_with("Running for: 0h 00m\nKnowledge: 5 documents, 124 facts, 33 meetings\n"), "{text}");
    assert!(text.contains("Questions: 3 today, 3 in the last 7 days, 3 in all\n"), "{text}");
    assert!(text.contains("Answered 2, unsure 0, declined 1\n"), "{text}");
    let times = text.lines().find(|l| l.starts_with("Answer time (7 days): p50 ")).unwrap();
    let p99: f64 = times.split("p99 ").nth(1).unwrap().trim_end_matches(" ms").parse().expect("a p99 in ms");
    assert!(p99 > 0.0 && p99 < 5_000.0, "{times}");
    assert!(
        text.contains("Subscribers: OTS: 1, SCO: 1\nOutbox: 0 waiting\nFeedback: 👍 1, 👎 0\nLast reload: none yet"),
        "{text}"
    );
}

#[test]
fn question_counts_survive_a_restart() {
    let data = tempfile::tempdir().unwrap();
    let say = |chat: &ictbot::conversation::Conversation, user: u64, text: &str| -> String {
        let incoming = Incoming {
            chat_id: user as i64,
            chat_kind: ChatKind::Private,
            sender: Sender::User(user),
            language_code: Some("en".into()),
            addressed: true,
            thread_id: None,
            content: Content::Text(text.into()),
            sender_is_chat_admin: None,
            replies_to_bot: None,
        };
        chat.handle(&incoming)
            .into_iter()
            .filter_map(|r| match r {
                Reply::Message(m) => Some(render_plain(&m)),
                Reply::Notice(_) | Reply::Document { .. } => None,
            })
            .collect()
    };
    {
        let store = Arc::new(Store::open_in(data.path()).unwrap());
        let chat = conversation(shipped_knowledge(), &[ADMIN as u64]).with_store(store);
        say(&chat, 1, SCO_QUESTION);
        say(&chat, 1, MARS_QUESTION);
        assert!(say(&chat, ADMIN as u64, "/reload").starts_with("Knowledge reloaded"));
    }
    let store = Arc::new(Store::open_in(data.path()).unwrap());
    let chat = conversation(shipped_knowledge(), &[ADMIN as u64]).with_store(store);
    let stats = say(&chat, ADMIN as u64, "/stats");
    assert!(stats.contains("Questions: 2 today, 2 in the last 7 days, 2 in all"), "{stats}");
    assert!(stats.contains("by /reload: ok"), "{stats}");
    assert!(say(&chat, ADMIN as u64, "/unanswered").contains(MARS_QUESTION));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_admin_gets_a_menu_with_the_admin_commands_scoped_to_their_chat() {
    let api = start(Arc::new(conversation(shipped_knowledge(), &[ADMIN as u64, OTHER_ADMIN as u64]))).await;
    let per_admin = ictbot::telegram::MENU_REQUESTS;
    let requests = api
        .wait_until(Duration::from_secs(20), |rs| {
            rs.iter().filter(|r| r.method == "setMyCommands").count() >= per_admin * 3
        })
        .await;
    let menus: Vec<&Recorded> = requests.iter().filter(|r| r.method == "setMyCommands").collect();
    let names = |r: &Recorded| -> Vec<String> {
        r.body["commands"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["command"].as_str().unwrap().trim_start_matches('/').to_string())
            .collect()
    };
    let (scoped, public): (Vec<&Recorded>, Vec<&Recorded>) = menus.iter().partition(|r| r.body.get("scope").is_some());
    assert_eq!(public.len(), per_admin);
    for menu in &public {
        assert!(!names(menu).iter().any(|n| ["reload", "stats", "unanswered"].contains(&n.as_str())), "{}", menu.body);
    }
    for admin in [ADMIN, OTHER_ADMIN] {
        let theirs: Vec<&&Recorded> = scoped
            .iter()
            .filter(|r| r.body["scope"] == serde_json::json!({"type": "chat", "chat_id": admin}))
            .collect();
        assert_eq!(theirs.len(), per_admin, "admin {admin}");
        for menu in &theirs {
            assert!(names(menu).ends_with(&["reload".into(), "stats".into(), "unanswered".into()]), "{}", menu.body);
        }
        let russian = theirs.iter().find(|r| r.body["language_code"] == "ru").unwrap();
        let last = russian.body["commands"].as_array().unwrap().last().unwrap();
        assert_eq!(last["description"], "Вопросы без ответа (админы)");
    }
}
