//! Subscriptions end to end through the fake Bot API server: private chats, groups (only
//! administrators, including anonymous ones, may change them), aliases and typos, lead times.

#[path = "support/fake_bot_api.rs"]
mod fake_bot_api;
#[path = "support/reminders_env.rs"]
mod reminders_env;

use std::sync::Arc;

use fake_bot_api::updates;
use ictbot::clock::ManualClock;
use ictbot::conversation::subscriptions::resolve_organization;
use ictbot::knowledge;
use ictbot::store::Store;
use reminders_env::{at, conversation, fixture, start};

const GROUP: i64 = -1001234567890;

#[test]
fn any_alias_of_an_organization_subscribes_to_it_typos_tolerated() {
    let knowledge = knowledge::load(&fixture()).unwrap();
    for (name, code) in [
        ("OTS", "OTS"),
        ("ots", "OTS"),
        ("ОТГ", "OTS"),
        ("Turkic Council", "OTS"),
        ("turkic councl", "OTS"),
        ("Türk Devletleri Teşkilatı", "OTS"),
        ("Тюркский совет", "OTS"),
        ("SCO", "SCO"),
        ("ШОС", "SCO"),
        ("Shanghai Cooperation Organisation", "SCO"),
        ("CIS", "CIS"),
        ("СНГ", "CIS"),
        ("RCC", "RCC"),
        ("РСС", "RCC"),
    ] {
        assert_eq!(resolve_organization(&knowledge, name).as_deref(), Some(code), "{name}");
    }
    for name in ["NATO", "SCA", "", "Council"] {
        assert_eq!(resolve_organization(&knowledge, name), None, "{name}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_private_chat_subscribes_lists_and_unsubscribes() {
    let clock = Arc::new(ManualClock::new(at("2026-12-01T06:00:00Z")));
    let store = Arc::new(Store::in_memory().unwrap());
    let api = start(conversation(&fixture(), clock, store.clone())).await;
    let user = 901;
    let to_user = move |r: &fake_bot_api::Recorded| r.chat_id() == Some(user);
    api.push(updates::private_text(user, "ru", "/subscribe Turkic Councl"));
    let reply = api.wait_for("sendMessage", 1, to_user).await;
    assert!(reply.text().contains("Подписка оформлена") && reply.text().contains("OTS"), "{}", reply.text());
    api.push(updates::private_text(user, "en", "/subscribe NATO"));
    let reply = api.wait_for("sendMessage", 2, to_user).await;
    assert!(reply.text().contains("I don't know an organization called 'NATO'"), "{}", reply.text());
    assert!(reply.text().contains("CIS, OTS, RCC, SCO"));
    api.push(updates::private_text(user, "en", "/subscriptions"));
    let reply = api.wait_for("sendMessage", 3, to_user).await;
    assert!(reply.text().contains("receives reminders of: OTS"), "{}", reply.text());
    assert!(reply.text().contains("2026-12-05 09:00 (Asia/Almaty)"), "the next reminder: {}", reply.text());
    api.push(updates::private_text(user, "en", "/remind 3d 2h"));
    let reply = api.wait_for("sendMessage", 4, to_user).await;
    assert!(reply.text().contains("3 days, 2 hours"), "{}", reply.text());
    api.push(updates::private_text(user, "en", "/remind soon"));
    let reply = api.wait_for("sendMessage", 5, to_user).await;
    assert!(reply.text().contains("'soon' is not a lead time"), "{}", reply.text());
    assert_eq!(store.leads_of(user).unwrap(), Some(vec![259_200, 7_200]));
    api.push(updates::private_text(user, "en", "/unsubscribe ОТГ"));
    let reply = api.wait_for("sendMessage", 6, to_user).await;
    assert!(reply.text().contains("no more reminders of OTS"), "{}", reply.text());
    api.push(updates::private_text(user, "en", "/unsubscribe"));
    let reply = api.wait_for("sendMessage", 7, to_user).await;
    assert!(reply.text().contains("no meeting reminders to cancel"), "{}", reply.text());
    assert!(store.subscriptions_of(user).unwrap().is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_a_group_only_administrators_change_subscriptions() {
    let clock = Arc::new(ManualClock::new(at("2026-12-01T06:00:00Z")));
    let store = Arc::new(Store::in_memory().unwrap());
    let api = start(conversation(&fixture(), clock, store.clone())).await;
    let (member, admin) = (11, 12);
    api.set_admin(GROUP, admin);
    let in_group = |r: &fake_bot_api::Recorded| r.chat_id() == Some(GROUP);

    api.push(updates::group_command(GROUP, member, "/subscribe SCO"));
    let refused = api.wait_for("sendMessage", 1, in_group).await;
    assert!(refused.text().contains("only its administrators"), "{}", refused.text());
    assert!(store.subscriptions_of(GROUP).unwrap().is_empty());
    // Anyone may look.
    api.push(updates::group_command(GROUP, member, "/subscriptions"));
    let reply = api.wait_for("sendMessage", 2, in_group).await;
    assert!(reply.text().contains("receives no meeting reminders"), "{}", reply.text());

    api.push(updates::group_command(GROUP, admin, &format!("/subscribe@{} ШОС", fake_bot_api::BOT_USERNAME)));
    let reply = api.wait_for("sendMessage", 3, in_group).await;
    assert!(reply.text().contains("Subscribed"), "{}", reply.text());
    assert_eq!(store.subscriptions_of(GROUP).unwrap(), ["SCO"]);
    assert!(api.requests_of("getChatMember").iter().any(|r| r.body["user_id"] == admin));

    // An anonymous administrator writes as the group; no lookup is needed.
    api.push(updates::anonymous_admin_text(GROUP, "/subscribe OTS"));
    api.wait_for("sendMessage", 4, in_group).await;
    assert_eq!(store.subscriptions_of(GROUP).unwrap(), ["OTS", "SCO"]);

    // A member pressing a subscription button is refused on the button itself.
    api.push(updates::group_command(GROUP, admin, "/subscribe"));
    let choice = api.wait_for("sendMessage", 5, in_group).await;
    let (_, data) = choice.buttons().into_iter().find(|(label, _)| label == "CIS").unwrap();
    assert!(data.len() <= 64);
    api.push(updates::callback(GROUP, member, 1000, &data));
    let answer = api.wait_for("answerCallbackQuery", 1, |_| true).await;
    assert!(answer.body["text"].as_str().unwrap_or_default().contains("only its administrators"));
    api.push(updates::group_command(GROUP, member, "/unsubscribe"));
    api.wait_for("sendMessage", 6, in_group).await;
    assert_eq!(store.subscriptions_of(GROUP).unwrap(), ["OTS", "SCO"]);
    api.push(updates::callback(GROUP, admin, 1000, &data));
    api.wait_for("sendMessage", 7, in_group).await;
    assert_eq!(store.subscriptions_of(GROUP).unwrap(), ["CIS", "OTS", "SCO"]);
}
