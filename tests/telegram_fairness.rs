//! No chat stalls another: with Telegram's real limits, a user who floods the bot, a group
//! with a long queue, or a 429 in one group delays only that chat.

#[path = "support/bot.rs"]
mod bot;
#[path = "support/fake_bot_api.rs"]
mod fake_bot_api;

use std::time::{Duration, Instant};

use bot::{sent_to, start, to, SCO_QUESTION};
use fake_bot_api::{updates, Fault, BOT_USERNAME};
use ictbot::telegram::Options;

/// Longest a private user may wait for an answer while others are busy.
const PROMPT: Duration = Duration::from_millis(1500);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_user_sending_100_messages_does_not_delay_another_user() {
    let (api, _bot) = start(Options::default()).await;
    for _ in 0..100 {
        api.push(updates::private_text(2001, "en", "/next"));
    }
    // The flood is answered at the private rate: its first messages go out at once.
    api.wait_for("sendMessage", 1, to(2001)).await;
    let pushed = Instant::now();
    api.push(updates::private_text(2002, "en", SCO_QUESTION));
    let answer = api.wait_for("sendMessage", 1, to(2002)).await;
    assert!(answer.at - pushed < PROMPT, "the second user waited {:?}", answer.at - pushed);
    assert!(answer.text().contains("<b>Almaty</b>"));
    // And the flood keeps to about one message a second (a burst of 3, then 1/s).
    let flood = sent_to(&api, 2001).len();
    assert!(flood <= 5, "{flood} messages to one private chat in about a second");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_saturated_group_does_not_delay_private_users() {
    let (api, _bot) = start(Options::default()).await;
    let group = -1_002_000_000_001;
    for n in 0..80 {
        api.push(updates::group_text(group, 3000 + n, &format!("/ask@{BOT_USERNAME} {SCO_QUESTION}"), None));
    }
    api.wait_for("sendMessage", 1, to(group)).await;
    let mut waits = Vec::new();
    for user in 3101..3106 {
        let pushed = Instant::now();
        api.push(updates::private_text(user, "en", SCO_QUESTION));
        let answer = api.wait_for("sendMessage", 1, to(user)).await;
        waits.push(answer.at - pushed);
    }
    assert!(waits.iter().all(|w| *w < PROMPT), "private users waited {waits:?}");
    // The group gets its burst, then 20 a minute: never its whole queue at once.
    let to_group = sent_to(&api, group).len();
    assert!((3..=5).contains(&to_group), "{to_group} messages to the group within seconds");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_429_in_one_group_pauses_only_that_group() {
    let (api, _bot) = start(Options::default()).await;
    let (limited, other) = (-1_002_000_000_002, -1_002_000_000_003);
    api.inject_for(limited, [Fault::TooManyRequests { retry_after: 3 }]);
    api.push(updates::group_text(limited, 4001, &format!("/ask@{BOT_USERNAME} {SCO_QUESTION}"), None));
    let refused = api.wait_for("sendMessage", 1, to(limited)).await;
    let pushed = Instant::now();
    api.push(updates::group_text(other, 4002, &format!("/ask@{BOT_USERNAME} {SCO_QUESTION}"), None));
    api.push(updates::private_text(4003, "en", SCO_QUESTION));
    let answer = api.wait_for("sendMessage", 1, to(other)).await;
    assert!(answer.at - pushed < PROMPT, "another group waited {:?}", answer.at - pushed);
    let private = api.wait_for("sendMessage", 1, to(4003)).await;
    assert!(private.at - pushed < PROMPT, "a private user waited {:?}", private.at - pushed);
    // The limited group gets the same message once its retry_after has passed.
    let retried = api.wait_for("sendMessage", 2, to(limited)).await;
    assert!(retried.at - refused.at >= Duration::from_secs(3), "retried after {:?}", retried.at - refused.at);
    assert_eq!(retried.text(), refused.text());
}
