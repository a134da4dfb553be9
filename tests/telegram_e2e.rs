//! End to end: the bot (teloxide as the HTTP client) against a fake Bot API server on 127.0.0.1,
//! fed real-shaped updates; the assertions are on the requests the bot makes.

#[path = "support/fake_bot_api.rs"]
mod fake_bot_api;
#[path = "support/telegram_html.rs"]
mod telegram_html;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use fake_bot_api::{updates, FakeBotApi, Fault, Recorded, BOT_USERNAME, TOKEN};
use ictbot::conversation::{Conversation, Settings};
use ictbot::knowledge::{self, Knowledge};
use ictbot::search::Engine;
use ictbot::{console, telegram};
use telegram_html::{as_console_text, assert_accepted};

const ADMIN: i64 = 4242;
const GROUP: i64 = -1001234567890;
const SCO_QUESTION: &str = "When did the SCO heads of ministries meet in Almaty?";

fn knowledge_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge")
}

fn knowledge() -> Knowledge {
    static KNOWLEDGE: OnceLock<Knowledge> = OnceLock::new();
    KNOWLEDGE.get_or_init(|| knowledge::load(&knowledge_dir()).expect("the knowledge folder loads")).clone()
}

fn chat_over(dir: PathBuf) -> Arc<Conversation> {
    let engine = Engine::build(knowledge::load(&dir).unwrap()).unwrap();
    Arc::new(Conversation::new(engine, settings(dir)))
}

fn settings(dir: PathBuf) -> Settings {
    Settings {
        knowledge_dir: dir,
        admin_ids: BTreeSet::from([ADMIN as u64]),
        timezone: chrono_tz::Asia::Almaty,
        today: Some(NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()),
    }
}

fn chat() -> Arc<Conversation> {
    let engine = Engine::build(knowledge()).unwrap();
    Arc::new(Conversation::new(engine, settings(knowledge_dir())))
}

/// Starts a fake server and the bot polling it.
async fn start(chat: Arc<Conversation>, options: telegram::Options) -> FakeBotApi {
    let api = FakeBotApi::start().await;
    let bot = telegram::Api::connect(TOKEN, Some(&api.url), &options).unwrap();
    tokio::spawn(async move {
        if let Err(err) = telegram::serve(bot, chat, options, telegram::Lifecycle::default()).await {
            panic!("bot stopped: {err:#}");
        }
    });
    api
}

async fn start_default() -> FakeBotApi {
    start(chat(), telegram::Options::unthrottled()).await
}

fn to(chat_id: i64) -> impl Fn(&Recorded) -> bool {
    move |r: &Recorded| r.chat_id() == Some(chat_id)
}

/// A setMyCommands for everyone (not an admin's scoped menu).
fn public_menu(r: &Recorded) -> bool {
    r.method == "setMyCommands" && r.body.get("scope").is_none()
}

/// Everything a sendMessage must satisfy for Telegram to accept it.
fn assert_well_formed(sent: &Recorded) {
    assert_eq!(sent.body["parse_mode"], "HTML", "{}", sent.body);
    assert_accepted(sent.text());
    for (label, data) in sent.buttons() {
        assert!(!label.is_empty());
        assert!((1..=64).contains(&data.len()), "callback data {data:?} is {} bytes", data.len());
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn start_up_registers_the_command_menu_in_english_and_russian() {
    let api = start_default().await;
    let menus = api
        .wait_until(Duration::from_secs(20), |rs| {
            rs.iter().filter(|r| public_menu(r)).count() == telegram::MENU_REQUESTS
        })
        .await;
    let menus: Vec<&Recorded> = menus.iter().filter(|r| public_menu(r)).collect();
    let names = |r: &Recorded| -> Vec<String> {
        r.body["commands"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["command"].as_str().unwrap().trim_start_matches('/').to_string())
            .collect()
    };
    let english = menus.iter().find(|r| r.body.get("language_code").is_none()).unwrap();
    let russian = menus.iter().find(|r| r.body["language_code"] == "ru").unwrap();
    let languages: Vec<&str> = menus.iter().filter_map(|r| r.body["language_code"].as_str()).collect();
    assert_eq!(languages, ["ru", "kk", "ky", "uz", "az", "tg", "be"]);
    assert!(menus.iter().skip(1).all(|r| r.body["commands"] == russian.body["commands"]));
    assert_eq!(
        names(english),
        [
            "start",
            "help",
            "ask",
            "meetings",
            "next",
            "sources",
            "subscribe",
            "unsubscribe",
            "subscriptions",
            "remind",
            "calendar",
            "about"
        ]
    );
    assert_eq!(names(english), names(russian));
    assert_eq!(english.body["commands"][4]["description"], "The next meeting");
    assert_eq!(russian.body["commands"][4]["description"], "Следующая встреча");
    // The token is checked before anything else.
    assert_eq!(api.requests()[0].method, "getMe");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_private_question_is_answered_with_quotes_sources_and_buttons() {
    let api = start_default().await;
    api.push(updates::private_text(501, "en", SCO_QUESTION));
    let sent = api.wait_for("sendMessage", 1, to(501)).await;
    assert_well_formed(&sent);
    let text = sent.text();
    // A meeting hit: the calendar line is the bot's own (bold, outside the quote); the quote
    // is the source's sentence, verbatim.
    let (calendar_line, quoted) = text.split_once("<blockquote>").expect("a quote");
    assert!(calendar_line.contains("1 February 2024, Almaty"), "{text}");
    assert!(quoted.starts_with("On February 1, 2024, in <b>Almaty</b>"), "{text}");
    assert!(text.contains("— Digital Forum of the Shanghai Cooperation Organization (SCO)"));
    let labels: Vec<String> = sent.buttons().into_iter().map(|(l, _)| l).collect();
    assert_eq!(labels, ["More results", "Sources", "👍 Helpful", "👎 Not helpful"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn buttons_show_more_results_and_sources_and_forged_ones_get_a_notice() {
    let api = start_default().await;
    api.push(updates::private_text(502, "en", "SCO digital ministers"));
    let first = api.wait_for("sendMessage", 1, to(502)).await;
    let buttons = first.buttons();
    let data = |label: &str| buttons.iter().find(|(l, _)| l == label).unwrap().1.clone();
    let message_id = 1000;

    api.push(updates::callback(502, 502, message_id, &data("More results")));
    let more = api.wait_for("sendMessage", 2, to(502)).await;
    assert_well_formed(&more);
    assert!(more.text().contains("<blockquote>"));
    assert_ne!(more.text(), first.text(), "More results repeats the first answer");
    let answered = api.wait_for("answerCallbackQuery", 1, |_| true).await;
    assert_eq!(answered.body.get("text"), None, "a working button needs no notice");

    api.push(updates::callback(502, 502, message_id, &data("Sources")));
    let sources = api.wait_for("sendMessage", 3, to(502)).await;
    assert_well_formed(&sources);
    assert!(sources.text().starts_with("Sources of this answer:"));
    assert!(sources.text().contains("<a href=\"https://24.kg/english/333170/\">"));

    // Forged data, data from the future, and a real button pressed in another chat.
    let sources_data = data("Sources");
    for (chat_id, data) in [(502, "m:99999:1"), (502, "'; DROP TABLE"), (777, &sources_data)] {
        api.push(updates::callback(chat_id, chat_id, message_id, data));
    }
    let notices = api
        .wait_until(Duration::from_secs(20), |rs| rs.iter().filter(|r| r.method == "answerCallbackQuery").count() == 5)
        .await;
    for notice in notices.iter().filter(|r| r.method == "answerCallbackQuery").skip(2) {
        assert_eq!(notice.body["text"], "This button has expired. Please ask again.");
    }
    assert_eq!(api.requests_of("sendMessage").len(), 3, "a stale button sent a message");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_groups_only_messages_addressed_to_the_bot_are_answered() {
    let api = start_default().await;
    let bot_message = serde_json::json!({
        "message_id": 900, "date": 1_764_000_000, "from": fake_bot_api::bot_user(),
        "chat": {"id": GROUP, "type": "supergroup", "title": "ICT officials"},
        "text": "an earlier answer"
    });
    let someone_else = updates::message_json(GROUP, 601, "en", serde_json::json!({"text": "hi"}));
    let chatter = [
        updates::group_text(GROUP, 601, "When did the SCO meet in Almaty? I think 2024", None),
        updates::group_text(GROUP, 602, "/ask@other_bot when did the SCO meet?", None),
        updates::group_text(GROUP, 603, "agreed, see you there", Some(someone_else)),
        updates::sticker(GROUP, 604),
        updates::edited_text(GROUP, 605, &format!("@{BOT_USERNAME} when?")),
    ];
    let addressed = [
        updates::group_text(GROUP, 606, &format!("@{BOT_USERNAME} when did the SCO meet in Almaty?"), None),
        updates::group_text(GROUP, 607, &format!("/ask@{BOT_USERNAME} cybersecurity council"), None),
        updates::group_text(GROUP, 608, "and where will the next SCO ICT meeting be?", Some(bot_message)),
        updates::group_text(GROUP, 609, "/next", None),
    ];
    let mut expected_reply_to = Vec::new();
    for update in chatter {
        api.push(update);
    }
    for update in addressed {
        expected_reply_to.push(update["message"]["message_id"].as_i64().unwrap());
        api.push(update);
    }
    // Updates of one chat are handled in order, so once the last addressed message is
    // answered, every earlier one has been handled.
    let last = *expected_reply_to.last().unwrap();
    api.wait_for("sendMessage", 1, |r| r.body["reply_parameters"]["message_id"] == last).await;
    let sent = api.requests_of("sendMessage");
    let replied_to: Vec<i64> =
        sent.iter().map(|r| r.body["reply_parameters"]["message_id"].as_i64().unwrap()).collect();
    assert_eq!(replied_to, expected_reply_to, "answered the wrong messages");
    for message in &sent {
        assert_well_formed(message);
        assert_eq!(message.chat_id(), Some(GROUP));
    }
    assert!(sent[0].text().contains("<b>Almaty</b>"));
    assert!(sent[3].text().starts_with("<b>Next meeting:</b>"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stickers_and_edits_get_a_hint_in_private_chats() {
    let api = start_default().await;
    api.push(updates::sticker(701, 701));
    api.push(updates::edited_text(701, 701, "when did the SCO meet?"));
    let hint = api.wait_for("sendMessage", 1, to(701)).await;
    assert_eq!(hint.text(), "I can only read text. Please write your question as a message, or see /help.");
    let edit = api.wait_for("sendMessage", 2, to(701)).await;
    assert!(edit.text().starts_with("I answer new messages only."));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_decline_says_what_is_known_and_unsure_offers_did_you_mean() {
    let api = start_default().await;
    api.push(updates::private_text(801, "en", "what is frobnication"));
    let decline = api.wait_for("sendMessage", 1, to(801)).await;
    assert_well_formed(&decline);
    assert!(decline.text().starts_with("I don't know: nothing in my sources answers that."));
    assert!(decline.text().contains("OTS, SCO"));
    assert!(decline.text().contains("/help"));

    let question = "cybersecurity council Tokayev banana";
    let answer = ictbot::answer::answer(
        &Engine::build(knowledge()).unwrap(),
        question,
        NaiveDate::from_ymd_opt(2026, 11, 26).unwrap(),
    );
    assert_eq!(
        answer.confidence,
        ictbot::answer::Confidence::Unsure,
        "pick another question that the engine is unsure about"
    );
    api.push(updates::private_text(801, "en", question));
    let unsure = api.wait_for("sendMessage", 2, to(801)).await;
    assert_well_formed(&unsure);
    assert!(unsure.text().starts_with("I'm not sure this answers your question"));
    assert_eq!(unsure.text().matches("<blockquote>").count(), 1, "guessed more than one");
    let buttons = unsure.buttons();
    let suggestions: Vec<&(String, String)> = buttons.iter().filter(|(_, d)| d.starts_with("d:")).collect();
    assert!((1..=3).contains(&suggestions.len()));
    assert!(answer.suggestions[0].starts_with(suggestions[0].0.trim_end_matches('…')));

    // Pressing a suggestion asks it.
    api.push(updates::callback(801, 801, 1001, &suggestions[0].1));
    let asked = api.wait_for("sendMessage", 3, to(801)).await;
    assert_well_formed(&asked);
    assert!(asked.text().contains("<blockquote>"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn inline_queries_return_articles_and_an_empty_one_lists_upcoming_meetings() {
    let api = start_default().await;
    api.push(updates::inline_query(901, "cybersecurity council"));
    let answer = api.wait_for("answerInlineQuery", 1, |_| true).await;
    let results = answer.body["results"].as_array().unwrap();
    assert!((1..=5).contains(&results.len()));
    for result in results {
        assert_eq!(result["type"], "article");
        assert_eq!(result["input_message_content"]["parse_mode"], "HTML");
        assert_accepted(result["input_message_content"]["message_text"].as_str().unwrap());
    }
    assert!(results.iter().any(|r| r["title"].as_str().unwrap().contains("cybersecurity council")));

    api.push(updates::inline_query(901, ""));
    let upcoming = api.wait_for("answerInlineQuery", 2, |_| true).await;
    let titles: Vec<&str> =
        upcoming.body["results"].as_array().unwrap().iter().map(|r| r["title"].as_str().unwrap()).collect();
    assert_eq!(titles.first().copied(), Some("Meeting of SCO ministers responsible for ICT in Kyrgyzstan"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn russian_speakers_get_the_russian_interface_and_quotes_stay_as_written() {
    let api = start_default().await;
    api.push(updates::private_text(1001, "kk", "/help"));
    let help = api.wait_for("sendMessage", 1, to(1001)).await;
    assert!(help.text().starts_with("Напишите вопрос сообщением"), "{}", help.text());
    assert!(help.text().contains("/next — Следующая встреча"));
    assert!(!help.text().contains("/reload"), "admin commands shown to a non-admin");
    api.push(updates::private_text(1001, "ru", SCO_QUESTION));
    let answer = api.wait_for("sendMessage", 2, to(1001)).await;
    assert!(answer.text().contains("February 1, 2024"));
    assert_eq!(answer.buttons()[0].0, "Ещё результаты");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn huge_messages_get_a_notice_and_control_characters_an_answer() {
    let api = start_default().await;
    api.push(updates::private_text(1101, "en", &"Almaty SCO ".repeat(10_000)));
    let notice = api.wait_for("sendMessage", 1, to(1101)).await;
    assert!(
        notice.text().starts_with("That message is too long for a question (109999 characters; at most 4096)"),
        "{}",
        notice.text()
    );
    api.push(updates::private_text(1101, "en", "When\u{0}did the SCO\u{7}meet in\u{1b}Almaty?\u{202e}"));
    let answer = api.wait_for("sendMessage", 2, to(1101)).await;
    assert_well_formed(&answer);
    assert!(answer.text().contains("<b>Almaty</b>"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admin_commands_are_gated_and_a_broken_reload_keeps_the_old_knowledge() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&knowledge_dir(), dir.path());
    let api = start(chat_over(dir.path().to_path_buf()), telegram::Options::unthrottled()).await;

    api.push(updates::private_text(1201, "en", "/stats"));
    let refused = api.wait_for("sendMessage", 1, to(1201)).await;
    assert_eq!(refused.text(), "Sorry, this command is only for the bot's administrators.");

    api.push(updates::private_text(ADMIN, "en", "/reload"));
    let reloaded = api.wait_for("sendMessage", 1, to(ADMIN)).await;
    assert!(reloaded.text().starts_with("Knowledge reloaded in "), "{}", reloaded.text());
    assert!(
        reloaded.text().contains(": 5 documents, 124 facts, 33 meetings.\n\nNothing changed."),
        "{}",
        reloaded.text()
    );

    // Break the calendar with many bad entries: the report is long and must be split.
    let mut broken = std::fs::read_to_string(dir.path().join("meetings.toml")).unwrap();
    for n in 0..400 {
        broken.push_str(&format!(
            "\n[[meeting]]\nid = \"bad-{n}\"\ntitle = \"<Bad & broken>\"\nkind = \"meeting\"\norganization = \"SCO\"\ndate = \"2026-13-45\"\nstatus = \"held\"\nsource = \"no-such-document\"\nsummary = \"x\"\n"
        ));
    }
    std::fs::write(dir.path().join("meetings.toml"), broken).unwrap();
    api.push(updates::private_text(ADMIN, "en", "/reload"));
    api.push(updates::private_text(ADMIN, "en", SCO_QUESTION));
    let answer =
        api.wait_for("sendMessage", 1, |r| r.chat_id() == Some(ADMIN) && r.text().contains("<b>Almaty</b>")).await;
    let report: Vec<Recorded> = api
        .requests_of("sendMessage")
        .into_iter()
        .filter(|r| r.chat_id() == Some(ADMIN) && r.at < answer.at)
        .skip(1)
        .collect();
    assert!(report[0].text().starts_with("Reload failed; I keep answering from the previous knowledge."));
    for part in &report {
        assert_well_formed(part);
    }
    let whole: String = report.iter().map(|r| as_console_text(r.text())).collect();
    let lines: Vec<&str> = whole.lines().filter(|l| l.contains("meetings.toml:")).collect();
    assert_eq!(lines.len(), 20, "{whole}");
    assert!(lines[0].ends_with("date '2026-13-45' is not a real date written YYYY-MM-DD, YYYY-MM or YYYY"));
    assert!(whole.contains("… and 780 more; run `ictbot check`"), "{whole}");

    api.push(updates::private_text(ADMIN, "en", "/stats"));
    let stats =
        api.wait_for("sendMessage", 1, |r| r.chat_id() == Some(ADMIN) && r.text().starts_with("Running for:")).await;
    let stats = stats.text();
    assert!(stats.contains("Knowledge: 5 documents, 124 facts, 33 meetings\nQuestions: 1 today"), "{stats}");
    assert!(stats.contains("Answered 1, unsure 0, declined 0"), "{stats}");
    assert!(stats.contains(": failed, previous knowledge kept"), "{stats}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rate_limits_and_server_errors_are_retried_until_the_answer_arrives() {
    // Telegram's real limits here: the Throttle adaptor handles the 429.
    let options = telegram::Options::default();
    let api = start(chat(), options).await;
    api.wait_until(Duration::from_secs(20), |rs| {
        rs.iter().filter(|r| public_menu(r)).count() == telegram::MENU_REQUESTS
    })
    .await;
    // teloxide waits 10 s after any 5xx before reporting it, so one is enough here.
    api.inject([Fault::TooManyRequests { retry_after: 1 }, Fault::BadGatewayHtml]);
    let started = Instant::now();
    api.push(updates::private_text(1301, "en", SCO_QUESTION));
    let attempts = api
        .wait_until(Duration::from_secs(60), |rs| rs.iter().filter(|r| r.method == "sendMessage").count() == 3)
        .await;
    let attempts: Vec<&Recorded> = attempts.iter().filter(|r| r.method == "sendMessage").collect();
    // The same message each time, and the 429's retry_after was respected.
    assert!(attempts.iter().all(|a| a.text() == attempts[0].text()));
    assert!(attempts[1].at - attempts[0].at >= Duration::from_secs(1));
    assert!(started.elapsed() < Duration::from_secs(40));

    // Then a blocked user: one attempt, no retry, and the bot goes on serving others.
    api.inject([Fault::Blocked]);
    api.push(updates::private_text(1302, "en", SCO_QUESTION));
    api.wait_for("sendMessage", 1, to(1302)).await;
    api.push(updates::private_text(1303, "en", SCO_QUESTION));
    let next = api.wait_for("sendMessage", 1, to(1303)).await;
    assert_well_formed(&next);
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(api.requests_of("sendMessage").iter().filter(|r| r.chat_id() == Some(1302)).count(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_token_is_reported_clearly_without_revealing_it() {
    let api = FakeBotApi::start().await;
    let wrong = "987654:WRONGtokenWRONGtokenWRONG";
    let options = telegram::Options::unthrottled();
    let bot = telegram::Api::connect(wrong, Some(&api.url), &options).unwrap();
    let err = telegram::serve(bot, chat(), options, telegram::Lifecycle::default()).await.unwrap_err();
    let message = format!("{err:#}");
    assert!(message.contains("Telegram rejected TELOXIDE_TOKEN"), "{message}");
    assert!(!message.contains("WRONGtoken"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_console_and_telegram_give_the_same_answer_text() {
    let api = start_default().await;
    let questions = [SCO_QUESTION, "cybersecurity council Tokayev banana", "what is frobnication", "/next"];
    let chat = chat();
    for (n, question) in questions.iter().enumerate() {
        let user = 1400 + n as i64;
        api.push(updates::private_text(user, "en", question));
        let sent = api.wait_for("sendMessage", 1, to(user)).await;

        let mut console_out = Vec::new();
        console::chat(&chat, question.as_bytes(), &mut console_out, false).unwrap();
        let console_text = String::from_utf8(console_out).unwrap();
        let telegram_text = as_console_text(sent.text());
        assert!(
            console_text.starts_with(&format!("{telegram_text}\n")),
            "console:\n{console_text}\ntelegram:\n{telegram_text}"
        );
        // Suggestion buttons are listed under the console text.
        for (label, data) in sent.buttons() {
            if data.starts_with("d:") {
                assert!(console_text.contains(&format!("  • {label}\n")));
            }
        }
    }
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reply_to_an_older_answer_follows_up_that_answers_question() {
    let api = start_default().await;
    let ask = |user: i64, text: &str| updates::group_text(GROUP, user, &format!("@{BOT_USERNAME} {text}"), None);
    api.push(ask(611, SCO_QUESTION));
    let sco = api.wait_for("sendMessage", 1, to(GROUP)).await;
    api.push(ask(612, "What did Tokayev propose at the OTS summit in Gabala?"));
    let gabala = api.wait_for("sendMessage", 2, to(GROUP)).await;
    assert!(gabala.text().contains("cybersecurity council"), "{}", gabala.text());
    let bot_message = |sent: &Recorded| {
        serde_json::json!({
            "message_id": sent.message_id.expect("the answer was delivered"), "date": 1_764_000_000,
            "from": fake_bot_api::bot_user(), "chat": {"id": GROUP, "type": "supergroup", "title": "ICT officials"},
            "text": "an answer"
        })
    };
    // The chat's latest question is about Gabala; the reply is to the SCO answer.
    api.push(updates::group_text(GROUP, 611, "and who spoke there?", Some(bot_message(&sco))));
    let follow_up = api.wait_for("sendMessage", 3, to(GROUP)).await;
    assert!(
        follow_up.text().contains("Digital Forum of the Shanghai Cooperation Organization"),
        "{}",
        follow_up.text()
    );
    assert!(!follow_up.text().contains("cybersecurity council"), "{}", follow_up.text());
    // A reply to the latest answer follows that one.
    api.push(updates::group_text(GROUP, 612, "and who spoke there?", Some(bot_message(&gabala))));
    let latest = api.wait_for("sendMessage", 4, to(GROUP)).await;
    assert!(latest.text().contains("cybersecurity council"), "{}", latest.text());
}
