//! Automatic reloads: SIGHUP and `WATCH_KNOWLEDGE=1` on the real binary against the fake Bot
//! API, and the notice queued for admins when an automatic reload fails.

#[path = "support/binary.rs"]
#[allow(dead_code)]
mod binary;
#[path = "support/admin_bot.rs"]
mod bot;
#[path = "support/fake_bot_api.rs"]
mod fake_bot_api;

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use bot::{copy_dir, to};
use fake_bot_api::{updates, FakeBotApi, Recorded, TOKEN};
use ictbot::admin::triggers;
use ictbot::conversation::{ChatKind, Content, Incoming, Sender};
use ictbot::store::Store;

const ADMIN: i64 = 4242;
const NEW_QUESTION: &str = "satellite internet programme";
const NEW_DOCUMENT: &str = "+++\nid = \"summit\"\ntitle = \"Summit note\"\norganizations = [\"OTS\"]\n+++\nThe heads of state agreed on a satellite internet programme.\n";

fn minimal_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal"), dir.path());
    dir
}

/// The bot binary serving the fake API; killed when dropped.
struct Bot(Child);

impl Drop for Bot {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn serve(api: &FakeBotApi, knowledge: &Path, data: &Path, extra: &[(&str, &str)]) -> Bot {
    let mut command = Command::new(env!("CARGO_BIN_EXE_ictbot"));
    for variable in binary::VARIABLES {
        command.env_remove(variable);
    }
    command
        .arg("serve")
        .env("TELOXIDE_TOKEN", TOKEN)
        .env("TELOXIDE_API_URL", &api.url)
        .env("KNOWLEDGE_DIR", knowledge)
        .env("DATA_DIR", data)
        .env("ADMIN_IDS", ADMIN.to_string())
        .env("ICTBOT_TODAY", "2026-11-26")
        .envs(extra.iter().copied())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::inherit());
    Bot(command.spawn().unwrap())
}

/// Waits until the bot has registered its menus (its signal handler and watch are set up
/// before that).
async fn started(api: &FakeBotApi) {
    let menus = 2 * ictbot::telegram::MENU_REQUESTS;
    api.wait_until(Duration::from_secs(30), |rs| rs.iter().filter(|r| r.method == "setMyCommands").count() >= menus)
        .await;
}

/// Asks the admin's `/stats` until it shows `wanted`; returns when it did.
async fn wait_for_stats(api: &FakeBotApi, wanted: &str) -> Instant {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let before = api.requests_of("sendMessage").iter().filter(|r| r.chat_id() == Some(ADMIN)).count();
        api.push(updates::private_text(ADMIN, "en", "/stats"));
        let stats = api.wait_for("sendMessage", before + 1, to(ADMIN)).await;
        if stats.text().contains(wanted) {
            return Instant::now();
        }
        assert!(Instant::now() < deadline, "the stats never showed {wanted:?}: {}", stats.text());
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

async fn ask(api: &FakeBotApi, user: i64, n: usize) -> Recorded {
    api.push(updates::private_text(user, "en", NEW_QUESTION));
    api.wait_for("sendMessage", n, to(user)).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sighup_reloads_the_knowledge_folder() {
    let (knowledge, data) = (minimal_copy(), tempfile::tempdir().unwrap());
    let api = FakeBotApi::start().await;
    let bot = serve(&api, knowledge.path(), data.path(), &[]);
    started(&api).await;
    assert!(ask(&api, 801, 1).await.text().starts_with("I don't know"));
    std::fs::write(knowledge.path().join("documents/020-summit.md"), NEW_DOCUMENT).unwrap();
    let status = Command::new("kill").args(["-HUP", &bot.0.id().to_string()]).status().unwrap();
    assert!(status.success());
    wait_for_stats(&api, "on SIGHUP: ok").await;
    assert!(ask(&api, 801, 2).await.text().contains("heads of state agreed"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn watch_knowledge_reloads_about_a_second_after_files_stop_changing() {
    let (knowledge, data) = (minimal_copy(), tempfile::tempdir().unwrap());
    let api = FakeBotApi::start().await;
    let _bot = serve(&api, knowledge.path(), data.path(), &[("WATCH_KNOWLEDGE", "1")]);
    started(&api).await;
    assert!(ask(&api, 802, 1).await.text().starts_with("I don't know"));
    // Written in two steps, a meeting and then the document it cites: the reload must wait
    // for both (the folder is invalid in between).
    let meetings = std::fs::read_to_string(knowledge.path().join("meetings.toml")).unwrap();
    let meeting = "\n[[meeting]]\nid = \"summit-2027\"\ntitle = \"Digital summit\"\nkind = \"summit\"\norganization = \"OTS\"\ndate = \"2027-03-01\"\nstatus = \"planned\"\nsource = \"summit\"\n";
    std::fs::write(knowledge.path().join("meetings.toml"), meetings + meeting).unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    std::fs::write(knowledge.path().join("documents/020-summit.md"), NEW_DOCUMENT).unwrap();
    let written = Instant::now();
    let reloaded = wait_for_stats(&api, "after the knowledge folder changed: ok").await;
    let waited = reloaded - written;
    eprintln!("watch: reloaded {waited:?} after the last write");
    assert!(waited >= Duration::from_millis(900), "reloaded before the folder was quiet: {waited:?}");
    assert!(ask(&api, 802, 2).await.text().contains("heads of state agreed"));
    api.push(updates::private_text(802, "en", "/meetings"));
    assert!(api.wait_for("sendMessage", 3, to(802)).await.text().contains("Digital summit"));
    // A reload reads every file; those reads must not count as changes, or each reload
    // would trigger the next one, forever.
    let logged = reloads_logged(data.path());
    tokio::time::sleep(Duration::from_millis(2_500)).await;
    assert_eq!(reloads_logged(data.path()), logged, "the bot's own reads triggered another reload");
}

/// How many reloads the bot has logged in its store (read beside the running bot).
fn reloads_logged(data: &Path) -> i64 {
    let db = rusqlite::Connection::open(data.join(ictbot::store::FILE_NAME)).unwrap();
    db.query_row("SELECT COUNT(*) FROM reload_log", [], |r| r.get(0)).unwrap()
}

fn private(user: u64, text: &str) -> Incoming {
    Incoming {
        chat_id: user as i64,
        chat_kind: ChatKind::Private,
        sender: Sender::User(user),
        language_code: Some("ru".into()),
        addressed: true,
        thread_id: None,
        sender_is_chat_admin: None,
        replies_to_bot: None,
        content: Content::Text(text.into()),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_automatic_reload_is_queued_for_the_admins_who_started_the_bot() {
    let (knowledge, data) = (minimal_copy(), tempfile::tempdir().unwrap());
    let store = Arc::new(Store::open_in(data.path()).unwrap());
    let chat =
        Arc::new(bot::conversation(knowledge.path().to_path_buf(), &[ADMIN as u64, 4343]).with_store(store.clone()));
    chat.handle(&private(ADMIN as u64, "/start"));
    chat.handle(&private(1, "/start"));
    let _watch = triggers::watch(chat.clone(), Duration::from_millis(200), Arc::new(|| {})).unwrap();
    std::fs::write(
        knowledge.path().join("documents/030-bad.md"),
        "+++\nid = \"bad\"\ntitle = \"Bad\"\ndate = \"2024-02-30\"\n+++\nText.\n",
    )
    .unwrap();
    let deadline = Instant::now() + Duration::from_secs(15);
    while store.outbox_depth().unwrap() == 0 {
        assert!(Instant::now() < deadline, "no notice was queued");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let connection = rusqlite::Connection::open(data.path().join(ictbot::store::FILE_NAME)).unwrap();
    let rows: Vec<(i64, String)> = connection
        .prepare("SELECT chat_id, payload FROM outbox")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    // Only the admin who has a private chat; the other admin never started the bot.
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0].0, ADMIN);
    let payload = &rows[0].1;
    assert!(payload.contains("Автоматическая перезагрузка после изменения папки знаний не удалась"), "{payload}");
    assert!(payload.contains("documents/030-bad.md:4: date '2024-02-30' is not a real date"), "{payload}");
    let answer =
        ictbot::console::render_plain(&match chat.handle(&private(1, "What did the ministers propose?")).remove(0) {
            ictbot::conversation::Reply::Message(m) => m,
            other => panic!("{other:?}"),
        });
    assert!(answer.contains("Alliance of technoparks"), "the old knowledge was not kept: {answer}");
}
