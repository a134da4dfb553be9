//! Reloading the knowledge folder: a valid folder changes the answers and the report names
//! what changed; a broken one keeps the old answers and names file and line; reloads are
//! serialised; only admins may reload.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Barrier};

use chrono::NaiveDate;

use ictbot::admin::{Outcome, Trigger};
use ictbot::console::render_plain;
use ictbot::conversation::{ChatKind, Content, Conversation, Incoming, Reply, Sender, Settings};
use ictbot::knowledge;
use ictbot::search::Engine;

const ADMIN: u64 = 7;
const QUESTION: &str = "What did the ministers propose?";

/// A copy of `tests/fixtures/minimal` to change, and a conversation over it.
fn setup() -> (tempfile::TempDir, Conversation) {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal"), dir.path());
    let chat = over(dir.path().to_path_buf());
    (dir, chat)
}

fn over(dir: PathBuf) -> Conversation {
    let engine = Engine::build(knowledge::load(&dir).unwrap()).unwrap();
    let settings = Settings {
        knowledge_dir: dir,
        admin_ids: BTreeSet::from([ADMIN]),
        timezone: chrono_tz::Asia::Almaty,
        today: Some(NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()),
    };
    Conversation::new(engine, settings)
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

fn say(chat: &Conversation, user: u64, text: &str) -> String {
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
        .map(|reply| match reply {
            Reply::Message(m) => render_plain(&m),
            Reply::Notice(n) => n,
            Reply::Document { file_name, .. } => file_name,
        })
        .collect()
}

const NEW_DOCUMENT: &str = "+++\nid = \"summit\"\ntitle = \"Summit note\"\norganizations = [\"OTS\"]\ndate = \"2027-03-01\"\n+++\nThe heads of state agreed on a satellite internet programme.\n";
const NEW_MEETING: &str = "\n[[meeting]]\nid = \"summit-2027\"\ntitle = \"Digital summit\"\nkind = \"summit\"\norganization = \"OTS\"\nplace = \"Baku, Azerbaijan\"\ndate = \"2027-03-01\"\nstatus = \"planned\"\nsource = \"summit\"\n";

fn edit(dir: &Path, file: &str, from: &str, to: &str) {
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{file} lacks {from:?}");
    std::fs::write(path, text.replace(from, to)).unwrap();
}

#[test]
fn a_valid_reload_changes_the_answers_and_reports_what_changed() {
    let (dir, chat) = setup();
    assert!(say(&chat, 1, QUESTION).contains("Alliance of technoparks"));
    edit(
        dir.path(),
        "documents/010-sample.md",
        "Alliance of technoparks.",
        "Alliance of technoparks and data centres.",
    );
    edit(dir.path(), "facts.toml", "Alliance of technoparks.", "Alliance of technoparks and data centres.");
    std::fs::write(dir.path().join("documents/020-summit.md"), NEW_DOCUMENT).unwrap();
    let meetings = std::fs::read_to_string(dir.path().join("meetings.toml")).unwrap();
    std::fs::write(dir.path().join("meetings.toml"), meetings + NEW_MEETING).unwrap();

    let report = say(&chat, ADMIN, "/reload");
    assert!(report.starts_with("Knowledge reloaded in "), "{report}");
    assert!(report.contains(": 2 documents, 1 facts, 2 meetings."), "{report}");
    assert!(report.contains("Documents added: documents/020-summit.md"), "{report}");
    assert!(report.contains("Documents changed: documents/010-sample.md"), "{report}");
    assert!(report.contains("Facts changed: alliance"), "{report}");
    assert!(report.contains("Meetings added: summit-2027 (Digital summit)"), "{report}");
    assert!(!report.contains("removed"), "{report}");

    assert!(say(&chat, 1, QUESTION).contains("technoparks and data centres"));
    assert!(say(&chat, 1, "satellite internet programme").contains("heads of state agreed"));
    // Nothing changed since: the next reload says so.
    assert!(say(&chat, ADMIN, "/reload").contains("Nothing changed."));
}

/// Breaks a fresh copy with `breakage`, reloads, and returns the report; the old answer
/// must still be given afterwards.
fn broken_reload(breakage: impl FnOnce(&Path)) -> (String, PathBuf) {
    let (dir, chat) = setup();
    breakage(dir.path());
    let report = say(&chat, ADMIN, "/reload");
    assert!(report.starts_with("Reload failed; I keep answering from the previous knowledge."), "{report}");
    assert!(say(&chat, 1, QUESTION).contains("Alliance of technoparks"), "the old knowledge was not kept");
    assert!(say(&chat, ADMIN, "/stats").contains("Knowledge: 1 documents, 1 facts, 1 meetings"));
    let path = dir.path().to_path_buf();
    std::mem::forget(dir); // the caller's messages name files inside it
    (report, path)
}

#[test]
fn bad_front_matter_is_reported_with_file_and_line_and_the_old_answers_stay() {
    let (report, dir) = broken_reload(|dir| {
        std::fs::write(dir.join("documents/030-x.md"), "+++\nid = \"x\"\nitle = \"typo\"\n+++\nText.\n").unwrap();
    });
    let expected = format!("{}/documents/030-x.md:", dir.display());
    let expected = format!("> {expected}3: invalid TOML: unknown field `itle`");
    assert!(report.lines().any(|l| l.starts_with(&expected)), "{report}");
}

#[test]
fn a_bad_date_is_reported_with_file_and_line() {
    let (report, dir) = broken_reload(|dir| edit(dir, "documents/010-sample.md", "2024-02-01", "2024-02-30"));
    let expected = format!("{}/documents/010-sample.md:5: date '2024-02-30' is not a real date", dir.display());
    assert!(report.contains(&expected), "{report}");
}

#[test]
fn a_duplicate_id_is_reported_with_file_and_line() {
    let (report, dir) = broken_reload(|dir| {
        std::fs::write(dir.join("documents/020-copy.md"), "+++\nid = \"sample\"\ntitle = \"Copy\"\n+++\nText.\n")
            .unwrap();
    });
    let expected = format!("{}/documents/020-copy.md:2: duplicate document id 'sample'", dir.display());
    assert!(report.contains(&expected), "{report}");
}

// Tests run as root, where chmod 000 does not stop reads; a directory where a file is expected
// and bytes that are not UTF-8 are the unreadable files here.
#[test]
fn an_unreadable_file_is_reported_and_the_old_answers_stay() {
    let (report, dir) = broken_reload(|dir| std::fs::create_dir(dir.join("documents/040-folder.md")).unwrap());
    assert!(report.contains(&format!("{}/documents/040-folder.md: cannot read file", dir.display())), "{report}");
    let (report, dir) =
        broken_reload(|dir| std::fs::write(dir.join("documents/050-latin1.md"), [0x2b, 0xe9, 0xff]).unwrap());
    assert!(report.contains(&format!("{}/documents/050-latin1.md", dir.display())), "{report}");
}

#[test]
fn an_empty_folder_is_refused_and_the_old_answers_stay() {
    let (report, _) = broken_reload(|dir| std::fs::remove_file(dir.join("documents/010-sample.md")).unwrap());
    assert!(report.contains("documents: no documents (*.md) found"), "{report}");
    let (report, _) = broken_reload(|dir| {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() { std::fs::remove_dir_all(path) } else { std::fs::remove_file(path) }.unwrap();
        }
    });
    assert!(report.contains("cannot read the knowledge folder"), "{report}");
}

#[test]
fn only_the_first_20_problems_are_listed_then_how_many_more() {
    let (report, _) = broken_reload(|dir| {
        for n in 0..25 {
            std::fs::write(dir.join(format!("documents/1{n:02}-bad.md")), "no front matter\n").unwrap();
        }
    });
    assert_eq!(report.lines().filter(|l| l.contains("-bad.md:1: missing front matter")).count(), 20, "{report}");
    assert!(report.contains("… and 5 more; run `ictbot check`"), "{report}");
}

#[test]
fn a_non_admin_is_refused_and_nothing_is_reloaded() {
    let (dir, chat) = setup();
    edit(dir.path(), "documents/010-sample.md", "Alliance of technoparks.", "Alliance of data centres.");
    edit(dir.path(), "facts.toml", "Alliance of technoparks.", "Alliance of data centres.");
    let refusal = "Sorry, this command is only for the bot's administrators.\n";
    for command in ["/reload", "/stats", "/unanswered", "/unanswered clear"] {
        assert_eq!(say(&chat, 1, command), refusal, "{command}");
    }
    assert!(say(&chat, 1, QUESTION).contains("Alliance of technoparks"));
}

#[test]
fn concurrent_reloads_run_one_at_a_time() {
    // The shipped knowledge takes long enough to index that the presses overlap.
    let chat = Arc::new(over(Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge")));
    let presses = 6;
    let barrier = Arc::new(Barrier::new(presses));
    let handles: Vec<_> = (0..presses)
        .map(|_| {
            let (chat, barrier) = (chat.clone(), barrier.clone());
            std::thread::spawn(move || {
                barrier.wait();
                chat.reload(Trigger::Command)
            })
        })
        .collect();
    let outcomes: Vec<Outcome> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    let done = outcomes.iter().filter(|o| matches!(o, Outcome::Reloaded { .. })).count();
    let busy = outcomes.iter().filter(|o| matches!(o, Outcome::Busy)).count();
    assert!(done >= 1 && busy >= 1 && done + busy == presses, "{outcomes:?}");
    assert!(say(&chat, ADMIN, "/reload").starts_with("Knowledge reloaded in "), "the lock was released");

    // Automatic reloads wait their turn instead of being refused.
    let barrier = Arc::new(Barrier::new(3));
    let handles: Vec<_> = [Trigger::Watch, Trigger::Signal, Trigger::Watch]
        .into_iter()
        .map(|trigger| {
            let (chat, barrier) = (chat.clone(), barrier.clone());
            std::thread::spawn(move || {
                barrier.wait();
                chat.reload(trigger)
            })
        })
        .collect();
    for handle in handles {
        assert!(matches!(handle.join().unwrap(), Outcome::Reloaded { .. }));
    }
}

#[test]
fn a_refused_reload_says_another_is_running() {
    // A press while a reload runs: made deterministic by reloading a folder that takes long.
    let chat = Arc::new(over(Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge")));
    let background = {
        let chat = chat.clone();
        std::thread::spawn(move || {
            (0..5).map(|_| chat.reload(Trigger::Watch)).filter(|o| matches!(o, Outcome::Reloaded { .. })).count()
        })
    };
    let mut refused = None;
    while !background.is_finished() {
        let report = say(&chat, ADMIN, "/reload");
        if report.starts_with("A reload is already running") {
            refused = Some(report);
            break;
        }
    }
    assert_eq!(background.join().unwrap(), 5);
    let refused = refused.expect("no /reload overlapped five background reloads");
    assert!(refused.contains("Try /reload again when it has finished."), "{refused}");
}
