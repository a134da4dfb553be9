//! A fault-injection campaign: the combinations the other Telegram tests leave out. Long
//! (split) messages under a 429, a stop half-way through one and a send that times out; one
//! chat refusing the bot while others are answered; media without text; buttons on messages
//! the bot can no longer see, presses Telegram calls too old, forged callback data; a
//! subscription across a restart and a group migration; admin commands from the wrong people;
//! invisible characters, query syntax and HTML in questions; the Russian interface; and what
//! the logs hold.
//!
//! Retries run on the compressed timescale of `Options::unthrottled` (50 ms to 400 ms); the
//! reminder probes move a manual clock rather than wait.

#[path = "support/admin_bot.rs"]
mod admin_bot;
#[path = "support/bot.rs"]
mod bot;
#[path = "support/fake_bot_api.rs"]
mod fake_bot_api;
#[path = "support/reminders_env.rs"]
mod reminders_env;
#[path = "support/telegram_html.rs"]
mod telegram_html;

use std::sync::Arc;
use std::time::Duration;

use bot::{sent_to, start, start_with, to, SCO_QUESTION};
use fake_bot_api::{updates, FakeBotApi, Fault, Recorded, BOT_USERNAME};
use ictbot::clock::ManualClock;
use ictbot::conversation::{Action, Block, Button, Conversation, Message, Span};
use ictbot::delivery::{outgoing, Payload};
use ictbot::store::outbox::Priority;
use ictbot::store::Store;
use ictbot::telegram::{self, Lifecycle, Options};
use serde_json::json;
use telegram_html::{as_console_text, assert_accepted};

/// A message of three paragraphs of 3,000 letters each: three parts, the button on the last.
fn three_part_message() -> Message {
    let para = |c: char| Block::Para(vec![Span::Text(c.to_string().repeat(3000))]);
    Message {
        blocks: vec![para('a'), para('b'), para('c')],
        buttons: vec![vec![Button { label: "Sources".into(), action: Action::Sources { question: 1 } }]],
        answers: None,
    }
}

/// Puts `message` in the outbox for `chat` as a reply and wakes the sender.
fn enqueue(running: &bot::Running, chat: i64, message: Message) {
    let now = chrono::Utc::now().timestamp();
    running.store.enqueue(&outgoing(chat, &Payload::Message(message), Priority::Reply, now), now).unwrap();
    running.lifecycle.wake();
}

/// The first letter of each part sent to `chat`.
fn parts_to(api: &FakeBotApi, chat: i64) -> String {
    sent_to(api, chat).iter().map(|r| r.text().chars().next().unwrap_or('?')).collect()
}

async fn started(api: &FakeBotApi) {
    api.wait_until(Duration::from_secs(20), |rs| rs.iter().any(|r| r.method == "setMyCommands")).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_429_on_the_second_part_of_a_long_message_sends_every_part_once_in_order() {
    let (api, running) = start(Options::unthrottled()).await;
    started(&api).await;
    let chat = 9101;
    api.inject_for(chat, [Fault::Pass, Fault::TooManyRequests { retry_after: 1 }]);
    enqueue(&running, chat, three_part_message());
    api.wait_for("sendMessage", 3, to(chat)).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    // The refused second part is recorded too: a, b (429), b, c.
    assert_eq!(parts_to(&api, chat), "abbc");
    let sent = sent_to(&api, chat);
    assert!(sent.iter().take(3).all(|r| r.buttons().is_empty()), "only the last part carries the button");
    assert_eq!(sent[3].buttons().len(), 1);
    for part in &sent {
        assert_accepted(part.text());
    }
    assert_eq!(running.store.outbox_chats("sent").unwrap(), [chat]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stop_while_a_long_message_is_half_sent_sends_only_the_rest_after_the_restart() {
    let data = tempfile::tempdir().unwrap();
    let api = FakeBotApi::start().await;
    let chat = 9201;
    let first = start_with(&api, Options::unthrottled(), Arc::new(Store::open_in(data.path()).unwrap()));
    started(&api).await;
    // The first part arrives; Telegram hangs on the second; the bot is stopped meanwhile.
    api.inject_for(chat, [Fault::Pass, Fault::Hang]);
    enqueue(&first, chat, three_part_message());
    api.wait_until(Duration::from_secs(10), |_| api.swallowed() == 1).await;
    assert_eq!(parts_to(&api, chat), "a");
    first.stop().await;

    let second = start_with(&api, Options::unthrottled(), Arc::new(Store::open_in(data.path()).unwrap()));
    api.wait_for("sendMessage", 3, to(chat)).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(parts_to(&api, chat), "abc", "the delivered first part is not sent again");
    assert_eq!(second.store.outbox_chats("sent").unwrap(), [chat]);
    second.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_answer_whose_send_timed_out_is_sent_again_rather_than_lost() {
    let mut options = Options::unthrottled();
    options.send_timeout = Duration::from_secs(1);
    let (api, running) = start(options).await;
    started(&api).await;
    let user = 9301;
    api.inject_for(user, [Fault::Hang]);
    api.push(updates::private_text(user, "en", SCO_QUESTION));
    let answer = api.wait_for("sendMessage", 1, to(user)).await;
    assert!(answer.text().contains("<b>Almaty</b>"), "{}", answer.text());
    assert_eq!(api.swallowed(), 1);
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(sent_to(&api, user).len(), 1);
    assert_eq!(running.store.outbox_chats("sent").unwrap(), [user]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_blocked_chat_and_a_missing_chat_do_not_hold_up_the_others() {
    let (api, running) = start(Options::unthrottled()).await;
    started(&api).await;
    let (blocked, missing) = (9401, 9402);
    api.block(blocked);
    api.inject_for(missing, [Fault::BadRequest("Bad Request: chat not found".into())]);
    for user in [blocked, missing, 9403, 9404, 9405] {
        api.push(updates::private_text(user, "en", SCO_QUESTION));
    }
    for user in [9403, 9404, 9405] {
        api.push(updates::private_text(user, "en", "/next"));
    }
    for user in [9403, 9404, 9405] {
        api.wait_for("sendMessage", 2, to(user)).await;
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    for user in [blocked, missing] {
        assert_eq!(sent_to(&api, user).len(), 1, "chat {user} was tried again after refusing");
        assert!(!running.store.chat_active(user).unwrap());
    }
    // Writing again proves the chat accepts the bot: it is answered.
    api.push(updates::private_text(missing, "en", "/next"));
    api.wait_for("sendMessage", 2, to(missing)).await;
}

/// A photo without a caption.
fn bare_photo(chat: i64, user: i64, reply_to: Option<serde_json::Value>) -> serde_json::Value {
    let mut fields = json!({
        "photo": [{"file_id": "AgACAgIAAxkBAAIB", "file_unique_id": "AQADx", "width": 90, "height": 90}],
    });
    if let Some(original) = reply_to {
        fields["reply_to_message"] = original;
    }
    json!({ "message": updates::message_json(chat, user, "ru", fields) })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn media_without_text_gets_a_hint_in_private_and_silence_in_a_group() {
    let (api, _running) = start(Options::unthrottled()).await;
    started(&api).await;
    let (user, group) = (9501, -1_009_500_000_001);
    api.push(bare_photo(user, user, None));
    let hint = api.wait_for("sendMessage", 1, to(user)).await;
    assert_accepted(hint.text());
    assert!(hint.text().chars().any(|c| matches!(c, 'а'..='я')), "a Russian hint: {}", hint.text());
    // In a group, even a photo replying to the bot is not a question.
    let ours = json!({"message_id": 1000, "date": 1_764_000_000, "chat": {"id": group, "type": "supergroup", "title": "G"},
                      "from": fake_bot_api::bot_user(), "text": "answer"});
    api.push(bare_photo(group, user, Some(ours)));
    api.push(updates::group_text(group, user, &format!("/next@{BOT_USERNAME}"), None));
    let next = api.wait_for("sendMessage", 1, to(group)).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(sent_to(&api, group).len(), 1, "{}", next.text());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn presses_on_messages_the_bot_cannot_see_and_forged_data_get_a_notice_only() {
    let (api, _running) = start(Options::unthrottled()).await;
    started(&api).await;
    let user = 9601;
    // A message too old to be shown: Telegram sends it as inaccessible (date 0).
    let mut inaccessible = updates::callback(user, user, 77, "s:1");
    inaccessible["callback_query"]["message"] = json!({"chat": {"id": user, "type": "private", "first_name": "U"},
                                                        "message_id": 77, "date": 0});
    // A button on an inline-mode message: no message at all.
    let mut inline = updates::callback(user, user, 0, "m:1:3");
    inline["callback_query"].as_object_mut().unwrap().remove("message");
    inline["callback_query"]["inline_message_id"] = json!("AAAAAAbbbb");
    let forged = [
        "garbage",
        "",
        &"m:1:3".repeat(20),
        "m:18446744073709551616:1",
        "sub:zz",
        "lead:999",
        "ics:ffffffffffffffffff",
        "d:1:-1",
        "f:1:maybe",
        "<b>&amp;</b>",
    ];
    let mut presses = vec![inaccessible, inline];
    presses.extend(forged.iter().map(|data| updates::callback(user, user, 1000, data)));
    let n = presses.len();
    for press in presses {
        api.push(press);
    }
    let acks = api
        .wait_until(Duration::from_secs(20), |rs| rs.iter().filter(|r| r.method == "answerCallbackQuery").count() >= n);
    for ack in acks.await.iter().filter(|r| r.method == "answerCallbackQuery") {
        assert!(!ack.body["text"].as_str().unwrap_or_default().is_empty(), "a press without a notice: {}", ack.body);
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(sent_to(&api, user).is_empty(), "a forged press sent a message");
    // The bot is still answering.
    api.push(updates::private_text(user, "en", "/next"));
    api.wait_for("sendMessage", 1, to(user)).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_press_telegram_calls_too_old_still_gets_its_message() {
    let (api, _running) = start(Options::unthrottled()).await;
    started(&api).await;
    let user = 9701;
    api.push(updates::private_text(user, "en", SCO_QUESTION));
    let answer = api.wait_for("sendMessage", 1, to(user)).await;
    let sources = answer.buttons().into_iter().find(|(label, _)| label.contains("Sources")).expect("a Sources button");
    api.inject([Fault::BadRequest(
        "Bad Request: query is too old and response timeout expired or query ID is invalid".into(),
    )]);
    api.push(updates::callback(user, user, answer.message_id.unwrap(), &sources.1));
    let list = api.wait_for("sendMessage", 2, to(user)).await;
    assert_accepted(list.text());
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(api.requests_of("answerCallbackQuery").len(), 1, "a refused acknowledgement is not repeated");
}

/// A bot over the reminders fixture with `clock`, `store` and a handle to stop it.
fn start_reminders(api: &FakeBotApi, clock: Arc<ManualClock>, store: Arc<Store>) -> bot::Running {
    let chat: Arc<Conversation> = reminders_env::conversation(&reminders_env::fixture(), clock, store.clone());
    let options = Options::unthrottled();
    let client = telegram::Api::connect(fake_bot_api::TOKEN, Some(&api.url), &options).unwrap();
    let lifecycle = Lifecycle::default();
    let task = tokio::spawn(telegram::serve(client, chat, options, lifecycle.clone()));
    bot::Running { store, lifecycle, task }
}

const OTS_TITLE: &str = "8th Meeting of the OTS Ministers in charge of ICT";

fn reminders_to(api: &FakeBotApi, chat: i64) -> Vec<Recorded> {
    sent_to(api, chat).into_iter().filter(|r| r.text().contains(OTS_TITLE)).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_subscription_survives_a_restart_and_its_reminder_comes_once() {
    let data = tempfile::tempdir().unwrap();
    let api = FakeBotApi::start().await;
    let clock = Arc::new(ManualClock::new(reminders_env::at("2026-12-05T03:00:00Z")));
    let user = 9801;
    let first = start_reminders(&api, clock.clone(), Arc::new(Store::open_in(data.path()).unwrap()));
    api.push(updates::private_text(user, "ru", "/subscribe OTS"));
    let confirmed = api.wait_for("sendMessage", 1, to(user)).await;
    assert_accepted(confirmed.text());
    first.stop().await;

    // 09:00 in Almaty, 7 days before: due while the bot is down; it comes after the restart.
    clock.set(reminders_env::at("2026-12-05T04:00:00Z"));
    let second = start_reminders(&api, clock.clone(), Arc::new(Store::open_in(data.path()).unwrap()));
    let reminder = api.wait_for("sendMessage", 2, to(user)).await;
    assert!(reminder.text().contains("12 декабря 2026"), "{}", reminder.text());
    second.stop().await;
    let third = start_reminders(&api, clock.clone(), Arc::new(Store::open_in(data.path()).unwrap()));
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(reminders_to(&api, user).len(), 1, "the reminder came twice across restarts");
    third.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_group_that_became_a_supergroup_keeps_its_reminders() {
    let api = FakeBotApi::start().await;
    let (old, new) = (-9_900_001, -1_009_900_000_001);
    let store = Arc::new(Store::in_memory().unwrap());
    store.subscribe(old, "OTS", Some("en"), 0).unwrap();
    let clock = Arc::new(ManualClock::new(reminders_env::at("2026-12-05T04:00:00Z")));
    api.inject_for(old, [Fault::Migrated { to: new }]);
    let _running = start_reminders(&api, clock.clone(), store.clone());
    // The 7-day reminder is refused in the old group and follows it to the supergroup.
    api.wait_for("sendMessage", 1, |r| r.chat_id() == Some(new) && r.text().contains(OTS_TITLE)).await;
    // One day before: the supergroup is reminded again, once.
    clock.set(reminders_env::at("2026-12-11T04:00:00Z"));
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(reminders_to(&api, new).len(), 2, "the supergroup lost its subscription");
    assert_eq!(reminders_to(&api, old).len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admin_commands_refuse_members_anonymous_admins_and_forwarded_messages_in_groups() {
    const ADMIN: u64 = 4243;
    let chat = admin_bot::conversation(admin_bot::shipped_knowledge(), &[ADMIN]);
    let api = admin_bot::start(Arc::new(chat)).await;
    let group = -1_009_100_000_001;
    let refusals = [
        updates::group_command(group, 9901, &format!("/reload@{BOT_USERNAME}")),
        updates::anonymous_admin_text(group, &format!("/stats@{BOT_USERNAME}")),
        {
            // An admin's command, forwarded into the group by a member.
            let mut forwarded = updates::group_command(group, 9902, &format!("/unanswered@{BOT_USERNAME}"));
            forwarded["message"]["forward_origin"] = json!({"type": "user", "date": 1_764_000_000,
                "sender_user": {"id": ADMIN, "is_bot": false, "first_name": "Admin"}});
            forwarded
        },
    ];
    for update in refusals {
        api.push(update);
    }
    let sent = api
        .wait_until(Duration::from_secs(20), |rs| {
            rs.iter().filter(|r| r.method == "sendMessage" && r.chat_id() == Some(group)).count() >= 3
        })
        .await;
    for reply in sent.iter().filter(|r| r.method == "sendMessage") {
        assert!(reply.text().contains("only for administrators") || reply.text().contains("admin"), "{}", reply.text());
        assert!(!reply.text().contains("Knowledge:") && !reply.text().contains("reloaded"), "{}", reply.text());
    }
    // A plain command (no @botname) from a member is refused too; the admin's runs.
    api.push(updates::group_text(group, 9901, "/reload", None));
    let refused = api.wait_for("sendMessage", 4, to(group)).await;
    assert!(refused.text().contains("only for"), "{}", refused.text());
    api.push(updates::group_command(group, ADMIN as i64, &format!("/stats@{BOT_USERNAME}")));
    let stats = api.wait_for("sendMessage", 5, to(group)).await;
    assert!(stats.text().contains("Knowledge:"), "the admin's own command works in the group: {}", stats.text());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reload_with_a_binary_file_keeps_the_old_knowledge_and_names_the_file() {
    const ADMIN: u64 = 4244;
    let dir = tempfile::tempdir().unwrap();
    admin_bot::copy_dir(&admin_bot::shipped_knowledge(), dir.path());
    let chat = admin_bot::conversation(dir.path().to_path_buf(), &[ADMIN]);
    let api = admin_bot::start(Arc::new(chat)).await;
    let admin = ADMIN as i64;
    std::fs::write(dir.path().join("documents/900-broken.md"), b"\x00\xff\xfe+++\nid = \x01\n").unwrap();
    api.push(updates::private_text(admin, "ru", "/reload"));
    let report = api.wait_for("sendMessage", 1, to(admin)).await;
    assert_accepted(report.text());
    assert!(report.text().contains("900-broken.md"), "{}", report.text());
    api.push(updates::private_text(admin, "en", SCO_QUESTION));
    let answer = api.wait_for("sendMessage", 2, to(admin)).await;
    assert!(answer.text().contains("<b>Almaty</b>"), "the old knowledge stays: {}", answer.text());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn invisible_marks_query_syntax_and_html_in_questions_are_plain_text() {
    let (api, _running) = start(Options::unthrottled()).await;
    started(&api).await;
    let cases: [(i64, &str); 6] = [
        (9951, "When did the SCO meet in Al\u{200E}maty?"),
        (9952, "\u{200F}When did the \u{202B}SCO\u{202C} meet in Almaty?\u{2066}\u{2069}"),
        (9953, "\u{200F}/help"),
        (9954, "title:SCO AND (Almaty OR \"meet) NOT * ~2 ^3 +when -did [a TO z] {x} \\ /"),
        (9955, "<b>SCO</b> &amp; <script>Almaty</script> &lt;"),
        (9956, "\u{0}\u{1}\u{7f}\u{feff}"),
    ];
    for (user, text) in cases {
        api.push(updates::private_text(user, "en", text));
    }
    let mut replies = Vec::new();
    for (user, _) in cases {
        let reply = api.wait_for("sendMessage", 1, to(user)).await;
        assert_accepted(reply.text());
        replies.push(reply);
    }
    assert!(replies[0].text().contains("<b>Almaty</b>"), "{}", replies[0].text());
    assert!(replies[1].text().contains("<b>Almaty</b>"), "{}", replies[1].text());
    assert!(replies[2].text().contains("/subscribe"), "a direction mark before a command: {}", replies[2].text());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_menus_registered_at_start_up_are_valid_for_telegram() {
    const ADMIN: u64 = 4245;
    let chat = admin_bot::conversation(admin_bot::shipped_knowledge(), &[ADMIN]);
    let api = admin_bot::start(Arc::new(chat)).await;
    let expected = 1 + ictbot::i18n::RUSSIAN_READERS.len();
    let menus = api
        .wait_until(Duration::from_secs(20), |rs| {
            rs.iter().filter(|r| r.method == "setMyCommands").count() >= 2 * expected
        })
        .await;
    let menus: Vec<&Recorded> = menus.iter().filter(|r| r.method == "setMyCommands").collect();
    for menu in &menus {
        let commands = menu.body["commands"].as_array().unwrap();
        let admin = menu.body["scope"]["chat_id"] == json!(ADMIN);
        assert_eq!(commands.len(), if admin { 15 } else { 12 }, "{}", menu.body);
        for command in commands {
            let name = command["command"].as_str().unwrap().trim_start_matches('/');
            let description = command["description"].as_str().unwrap();
            assert!((1..=32).contains(&name.len()) && name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'));
            assert!((1..=256).contains(&description.chars().count()), "{description:?}");
        }
        let russian = menu.body.get("language_code").is_some();
        let first = commands[0]["description"].as_str().unwrap();
        assert_eq!(first.chars().any(|c| matches!(c, 'а'..='я' | 'А'..='Я')), russian, "{}", menu.body);
    }
}

/// English words of the interface that must not appear in a Russian reply (outside quotes
/// and titles taken from the sources).
const ENGLISH: &[&str] = &[
    "Meeting reminder",
    "More results",
    "Did you mean",
    "Helpful",
    "Subscribe",
    "subscribe to",
    "Unsubscribe",
    "reminders",
    "Add to calendar",
    "Upcoming",
    "Recent:",
    "Next meeting",
    "(planned)",
    "(held)",
    "(proposed)",
    " days",
    " hours",
    "January",
    "February",
    "March",
    "April",
    " May ",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "published",
    "updated",
    "Uptime",
    "Questions",
    "Answered",
    "unsure",
    "declined",
    "Outbox",
    "Last reload",
    "never",
    "not sure",
    "Welcome",
    "Commands",
    "organizations",
    "None yet",
    "only for administrators",
    " ms",
    "h 0",
    "This chat",
    "You can",
    "I know",
    "I don't",
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_russian_interface_has_no_english_left() {
    const ADMIN: u64 = 4246;
    let chat = admin_bot::conversation(reminders_env::fixture(), &[ADMIN]);
    let api = admin_bot::start(Arc::new(chat)).await;
    let user = ADMIN as i64;
    let commands = [
        "/start",
        "/help",
        "/ask",
        "/meetings",
        "/next",
        "/sources",
        "/subscribe",
        "/subscribe OTS",
        "/subscriptions",
        "/remind",
        "/remind 3d 2h",
        "/remind 99x",
        "/unsubscribe",
        "/calendar",
        "/about",
        "/stats",
        "/unanswered",
        "/frob",
        "   ",
        "привет",
        "спасибо",
        "Когда встреча ШОС в Баку?",
        "qwertyuiop zxcvb",
    ];
    let sends =
        |rs: &[Recorded]| rs.iter().filter(|r| r.method.starts_with("send") && r.chat_id() == Some(user)).count();
    for (n, text) in commands.iter().enumerate() {
        api.push(updates::private_text(user, "ru", text));
        api.wait_until(Duration::from_secs(20), |rs| sends(rs) > n).await;
    }
    let mut offending = Vec::new();
    for reply in api.requests_of("sendMessage") {
        // Quotes and titles come from the sources and stay as written.
        let text = as_console_text(reply.text());
        let own: Vec<&str> = text.lines().filter(|l| !l.starts_with("> ")).collect();
        let labels = reply.buttons().into_iter().map(|(label, _)| label);
        for line in own.iter().map(|l| l.to_string()).chain(labels) {
            if let Some(word) = ENGLISH.iter().find(|w| line.contains(**w)) {
                offending.push(format!("{word:?} in {line:?}"));
            }
        }
    }
    for document in api.requests_of("sendDocument") {
        if let Some(caption) = document.body["caption"].as_str() {
            if let Some(word) = ENGLISH.iter().find(|w| caption.contains(**w)) {
                offending.push(format!("{word:?} in {caption:?}"));
            }
        }
    }
    assert!(offending.is_empty(), "English in the Russian interface:\n{}", offending.join("\n"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn logs_at_info_hold_neither_the_token_nor_message_text_nor_names() {
    const SECRET: &str = "Zanzibarquux";
    const NAME: &str = "Ramazanovna";
    let api = FakeBotApi::start().await;
    let data = tempfile::tempdir().unwrap();
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_ictbot"));
    for variable in ["KNOWLEDGE_DIR", "BOT_TIMEZONE", "LOG_FORMAT", "WATCH_KNOWLEDGE"] {
        command.env_remove(variable);
    }
    let child = command
        .arg("serve")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("ICTBOT_TODAY", "2026-11-26")
        .env("TELOXIDE_TOKEN", fake_bot_api::TOKEN)
        .env("TELOXIDE_API_URL", &api.url)
        .env("DATA_DIR", data.path())
        .env("ADMIN_IDS", "9990")
        .env("RUST_LOG", "info")
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let named = |mut update: serde_json::Value| {
        let from = &mut update["message"]["from"];
        from["first_name"] = json!(NAME);
        from["last_name"] = json!(NAME);
        from["username"] = json!(NAME);
        update
    };
    started(&api).await;
    // A refused send, a 429, a blocked chat: the warnings they log must not quote the message.
    api.inject_for(9991, [Fault::BadRequest("Bad Request: can't parse entities".into())]);
    api.inject_for(9992, [Fault::TooManyRequests { retry_after: 1 }]);
    api.block(9993);
    for user in [9990, 9991, 9992, 9993, 9994] {
        api.push(named(updates::private_text(user, "en", &format!("When did the SCO meet in {SECRET}?"))));
    }
    api.push(named(updates::private_text(9990, "en", "/reload")));
    api.push(named(updates::private_text(9994, "en", "/reload")));
    api.push(named(updates::group_text(-1_009_990_000_001, 9994, &format!("@{BOT_USERNAME} {SECRET} Almaty"), None)));
    api.push(updates::callback(9994, 9994, 1000, &format!("x:{SECRET}")));
    api.push(updates::inline_query(9994, SECRET));
    for user in [9990, 9992, 9994] {
        api.wait_for("sendMessage", 2, to(user)).await;
    }
    bot::signal(&child, "TERM");
    let (code, stderr) = bot::wait_exit(child, Duration::from_secs(15)).await;
    assert_eq!(code, Some(0), "{stderr}");
    assert!(!stderr.contains(SECRET), "message text in the logs:\n{stderr}");
    assert!(!stderr.contains(NAME), "a name in the logs:\n{stderr}");
    assert!(!stderr.contains(fake_bot_api::TOKEN.split(':').nth(1).unwrap()), "the token in the logs:\n{stderr}");
}
