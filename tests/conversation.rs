//! The transport-agnostic conversation: what the bot says (and when it stays silent) for
//! each kind of incoming message, independent of Telegram.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use chrono::NaiveDate;

use ictbot::console::render_plain;
use ictbot::conversation::{
    Action, ChatKind, Content, Conversation, Incoming, Message, Reply, Sender, Settings, Unsupported,
    MAX_CALLBACK_BYTES,
};
use ictbot::knowledge::{self, Knowledge};
use ictbot::search::Engine;

const ADMIN: u64 = 7;

fn knowledge_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge")
}

fn knowledge() -> Knowledge {
    static KNOWLEDGE: OnceLock<Knowledge> = OnceLock::new();
    KNOWLEDGE.get_or_init(|| knowledge::load(&knowledge_dir()).unwrap()).clone()
}

fn chat_on(today: &str) -> Conversation {
    Conversation::new(
        Engine::build(knowledge()).unwrap(),
        Settings {
            knowledge_dir: knowledge_dir(),
            admin_ids: BTreeSet::from([ADMIN]),
            timezone: chrono_tz::Asia::Almaty,
            today: Some(NaiveDate::parse_from_str(today, "%Y-%m-%d").unwrap()),
        },
    )
}

fn chat() -> Conversation {
    chat_on("2026-11-26")
}

fn private(user: u64, language: &str, content: Content) -> Incoming {
    Incoming {
        chat_id: user as i64,
        chat_kind: ChatKind::Private,
        thread_id: None,
        sender: Sender::User(user),
        language_code: Some(language.into()),
        addressed: true,
        content,
        sender_is_chat_admin: None,
        replies_to_bot: None,
    }
}

fn text(user: u64, s: &str) -> Incoming {
    private(user, "en", Content::Text(s.into()))
}

fn group(addressed: bool, content: Content) -> Incoming {
    Incoming {
        chat_id: -100,
        chat_kind: ChatKind::Group,
        thread_id: None,
        sender: Sender::User(5),
        language_code: Some("en".into()),
        addressed,
        content,
        sender_is_chat_admin: None,
        replies_to_bot: None,
    }
}

/// The single message of `replies`.
fn only_message(replies: Vec<Reply>) -> Message {
    match replies.as_slice() {
        [Reply::Message(m)] => m.clone(),
        other => panic!("expected one message, got {other:?}"),
    }
}

fn plain(replies: Vec<Reply>) -> String {
    render_plain(&only_message(replies))
}

#[test]
fn groups_hear_only_what_is_addressed_to_the_bot() {
    let chat = chat();
    let question = Content::Text("When did the SCO meet in Almaty?".into());
    assert!(chat.handle(&group(false, question.clone())).is_empty());
    assert!(chat.handle(&group(false, Content::Unsupported(Unsupported::Media))).is_empty());
    assert!(chat.handle(&group(true, Content::Unsupported(Unsupported::Media))).is_empty());
    assert!(chat.handle(&group(true, Content::Text("/frobnicate".into()))).is_empty(), "another bot's command");
    assert!(plain(chat.handle(&group(true, question))).contains("February 1, 2024"));
}

#[test]
fn private_chats_get_hints_for_what_the_bot_cannot_read() {
    let chat = chat();
    let hint = |kind| plain(chat.handle(&private(1, "en", Content::Unsupported(kind))));
    assert!(hint(Unsupported::Media).starts_with("I can only read text."));
    assert!(hint(Unsupported::Edited).starts_with("I answer new messages only."));
    assert!(hint(Unsupported::Service).starts_with("I can only read text."));
    assert!(plain(chat.handle(&text(1, "/frobnicate"))).starts_with("I don't know that command."));
}

#[test]
fn a_deep_link_opens_its_view_and_a_plain_start_welcomes() {
    let chat = chat();
    assert_eq!(plain(chat.handle(&text(1, "/start meetings"))), plain(chat.handle(&text(1, "/meetings"))));
    let welcome = plain(chat.handle(&text(1, "/start")));
    assert!(welcome.starts_with("Hello! I answer questions about ICT cooperation"));
    assert!(welcome.contains("When did the SCO meet in Almaty?"));
}

#[test]
fn meetings_lists_upcoming_before_recent_and_next_names_one() {
    let chat = chat();
    let meetings = plain(chat.handle(&text(1, "/meetings")));
    let upcoming = meetings.find("Upcoming:").unwrap();
    let recent = meetings.find("Recent:").unwrap();
    assert!(upcoming < recent);
    let kyrgyz = meetings.find("Meeting of SCO ministers responsible for ICT in Kyrgyzstan").unwrap();
    assert!(upcoming < kyrgyz && kyrgyz < recent, "{meetings}");

    let next = plain(chat.handle(&text(1, "/next")));
    assert!(next.starts_with("Next meeting:\n\nMeeting of SCO ministers responsible for ICT in Kyrgyzstan"), "{next}");
}

#[test]
fn next_without_dated_meetings_says_so_and_lists_undated_plans() {
    let next = plain(chat_on("2031-01-01").handle(&text(1, "/next")));
    assert!(next.contains("None dated yet."), "{next}");
    assert!(next.contains("Planned without a date:"), "{next}");
    assert!(next.contains("date not set"), "{next}");
}

#[test]
fn admin_commands_need_an_admin_id() {
    let chat = chat();
    let refusal = "Sorry, this command is only for the bot's administrators.\n";
    assert_eq!(plain(chat.handle(&text(1, "/reload"))), refusal);
    assert_eq!(plain(chat.handle(&text(1, "/stats"))), refusal);
    assert!(plain(chat.handle(&text(ADMIN, "/stats"))).contains("Knowledge: 5 documents, 124 facts"));
    assert_eq!(plain(chat.handle(&text(1, "/unanswered"))), refusal);
    let console = Incoming { sender: Sender::Console, ..text(0, "/reload") };
    let report = plain(chat.handle(&console));
    assert!(report.starts_with("Knowledge reloaded in ") && report.contains(": 5 documents, 124 facts, 33 meetings."));
    assert!(report.contains("Nothing changed."), "{report}");
    // Admins see their commands in /help; others do not.
    assert!(plain(chat.handle(&text(ADMIN, "/help"))).contains("/reload"));
    assert!(!plain(chat.handle(&text(1, "/help"))).contains("/reload"));
}

#[test]
fn buttons_carry_short_callback_data_that_works_only_in_its_chat() {
    let chat = chat();
    let answer = only_message(chat.handle(&text(1, "SCO digital ministers")));
    let buttons: Vec<_> = answer.buttons.iter().flatten().collect();
    assert!(buttons.iter().all(|b| b.action.encode().len() <= MAX_CALLBACK_BYTES));
    let more = buttons.iter().find(|b| matches!(b.action, Action::More { .. })).expect("More results");
    let data = more.action.encode();

    let page = plain(chat.handle(&private(1, "en", Content::Callback(data.clone()))));
    assert!(page.starts_with("> "), "{page}");
    let elsewhere = chat.handle(&private(2, "en", Content::Callback(data)));
    assert_eq!(elsewhere, [Reply::Notice("This button has expired. Please ask again.".into())]);
    for forged in ["", "m:1:999", "zzz", &"9".repeat(100)] {
        assert!(matches!(
            chat.handle(&private(1, "en", Content::Callback(forged.into()))).as_slice(),
            [Reply::Notice(_)]
        ));
    }
}

#[test]
fn a_decline_names_what_the_bot_knows_and_suggests_questions() {
    let chat = chat();
    let decline = only_message(chat.handle(&text(1, "Turkic council pizza recipe")));
    let said = render_plain(&decline);
    assert!(said.starts_with("I don't know: nothing in my sources answers that."));
    assert!(said.contains("OTS, SCO"));
    assert!(said.contains("/help"));
    let suggestions: Vec<_> =
        decline.buttons.iter().flatten().filter(|b| matches!(b.action, Action::Suggestion { .. })).collect();
    assert!((1..=3).contains(&suggestions.len()));
    // A suggestion, when pressed, is answered.
    let asked = plain(chat.handle(&private(1, "en", Content::Callback(suggestions[0].action.encode()))));
    assert!(asked.starts_with("> "), "{asked}");
}

#[test]
fn a_next_meeting_nobody_has_planned_is_declined_with_the_last_one_in_the_users_language() {
    let chat = chat_on("2026-12-07");
    let said = render_plain(&only_message(chat.handle(&private(
        1,
        "ru",
        Content::Text("Когда следующий саммит ОТГ?".into()),
    ))));
    assert!(said.starts_with("Не знаю"), "{said}");
    assert!(said.contains("Предстоящих встреч по этому запросу не известно"), "{said}");
    assert!(said.contains("7 октября 2025"), "{said}");
    // The calendar line stands in for the list of topics, keeping the decline short.
    assert!(!said.contains("Я знаю о сотрудничестве"), "{said}");
}

#[test]
fn regional_languages_get_the_russian_interface() {
    let chat = chat();
    let help = plain(chat.handle(&private(1, "uz", Content::Text("/help".into()))));
    assert!(help.starts_with("Напишите вопрос сообщением"));
    let english = plain(chat.handle(&private(1, "tr", Content::Text("/help".into()))));
    assert!(english.starts_with("Write a question as a message"));
}

#[test]
fn overlong_and_empty_questions_get_a_notice() {
    let chat = chat();
    let long = plain(chat.handle(&text(1, &"a".repeat(5000))));
    assert!(long.starts_with("That message is too long for a question (5000 characters; at most 4096)"));
    assert_eq!(
        plain(chat.handle(&text(1, "/ask"))).lines().next(),
        Some("Write the question after the command, for example:")
    );
    assert_eq!(plain(chat.handle(&text(1, "\u{0}\u{1}  "))), "Please write a question.\n");
}

#[test]
fn inline_mode_answers_or_lists_upcoming_meetings() {
    let chat = chat();
    let upcoming = chat.inline("", Some("en"));
    assert!(!upcoming.is_empty() && upcoming.len() <= 5);
    assert_eq!(upcoming[0].title, "Meeting of SCO ministers responsible for ICT in Kyrgyzstan");
    let answers = chat.inline("When did the SCO meet in Almaty?", Some("en"));
    assert!((1..=5).contains(&answers.len()));
    assert!(render_plain(&answers[0].message).contains("February 1, 2024"));
    let ids: BTreeSet<&str> = answers.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids.len(), answers.len(), "inline result ids must be unique");
}

#[test]
fn a_short_follow_up_in_a_private_chat_carries_the_previous_question() {
    let chat = chat();
    let first = plain(chat.handle(&text(1, "What did Tokayev propose at the OTS summit in Gabala?")));
    assert!(first.contains("Cybersecurity Council"), "{first}");
    let follow_up = plain(chat.handle(&text(1, "and when was that?")));
    assert!(follow_up.contains("October 7"), "{follow_up}");
    // Another chat has no previous question: the bot asks what is meant, in the user's language.
    let alone = plain(chat.handle(&private(2, "ru", Content::Text("а где?".into()))));
    assert!(alone.starts_with("Какую встречу, организацию или тему вы имеете в виду?"), "{alone}");
    // A new topic right after is not coloured by the previous question.
    assert!(plain(chat.handle(&text(1, "what is frobnication"))).starts_with("I don't know"));
}

#[test]
fn a_decline_is_short_and_names_no_documents() {
    let said = plain(chat().handle(&text(1, "Turkic council pizza recipe")));
    assert!(!said.contains("puts forth idea"), "{said}");
    let text = said.split("Did you mean").next().unwrap();
    assert!(text.lines().filter(|l| !l.is_empty()).count() <= 3, "{said}");
}

#[test]
fn the_russian_calendar_uses_russian_dates_and_status_words() {
    let meetings = plain(chat().handle(&private(1, "ru", Content::Text("/meetings".into()))));
    assert!(meetings.contains("7 октября 2025"), "{meetings}");
    assert!(!meetings.contains("(held)") && !meetings.contains("October"), "{meetings}");
}
