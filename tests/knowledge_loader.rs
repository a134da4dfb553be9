//! Loading the knowledge folder: the shipped folder is valid, and every kind of broken file
//! is reported as `path:line: message` without panicking.

use std::path::{Path, PathBuf};

use ictbot::knowledge::{self, LoadError, MeetingStatus};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

fn problems_of(name: &str) -> Vec<String> {
    match knowledge::load(&fixture(name)) {
        Ok(_) => panic!("{name} should not load"),
        Err(err) => {
            let base = fixture(name);
            err.problems().iter().map(|p| p.to_string().replace(&format!("{}/", base.display()), "")).collect()
        }
    }
}

fn assert_reported(problems: &[String], expected: &str) {
    assert!(
        problems.iter().any(|p| p.starts_with(expected)),
        "no problem starting with {expected:?} in:\n{}",
        problems.join("\n")
    );
}

#[test]
fn shipped_knowledge_folder_is_valid_and_complete() {
    let k = knowledge::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge")).expect("knowledge/ loads");
    assert_eq!(k.documents.len(), 5);
    assert!(k.facts.len() >= 50, "facts cover every document");
    for (d, doc) in k.documents.iter().enumerate() {
        assert!(k.facts.iter().any(|f| f.document == d), "no fact cites {}", doc.path);
        let text: String = doc.paragraphs.iter().map(|p| p.text.as_str()).collect::<Vec<_>>().join("\n");
        for boilerplate in
            ["USD 87", "EUR 99", "views:", "Login to leave a comment", "WhatsApp channel", "Popular\n", "Related\n"]
        {
            assert!(!text.contains(boilerplate), "{} still holds boilerplate {boilerplate:?}", doc.path);
        }
    }
    let baku = k
        .meetings
        .iter()
        .find(|m| m.date.is_some_and(|d| d.iso() == "2016-11-29"))
        .expect("1st ICT ministers' meeting");
    assert_eq!(baku.status, MeetingStatus::Held);
    assert!(k
        .meetings
        .iter()
        .any(|m| m.status == MeetingStatus::Proposed && m.date.is_some_and(|d| d.iso() == "2026")));
    assert!(k
        .aliases
        .iter()
        .any(|g| g.forms.iter().any(|f| f == "OTS") && g.forms.iter().any(|f| f == "Turkic Council")));
}

#[test]
fn every_problem_is_reported_with_file_and_line() {
    let problems = problems_of("broken");
    assert_reported(&problems, "documents/001-no-front-matter.md:1: missing front matter");
    assert_reported(&problems, "documents/002-missing-title.md:2: invalid TOML: missing field `title`");
    assert_reported(&problems, "documents/003-bad-date.md:4: date '2024-02-30' is not a real date");
    assert_reported(&problems, "documents/006-duplicate.md:2: duplicate document id 'good'");
    assert_reported(&problems, "facts.toml:8: duplicate fact id 'one'");
    assert_reported(&problems, "facts.toml:16: fact 'invented': answer is not a verbatim quote");
    assert_reported(&problems, "meetings.toml:6: date '2024-13'");
    assert_reported(&problems, "meetings.toml:13: meeting 'm2': kind 'party'");
    assert_reported(&problems, "meetings.toml:15: meeting 'm2': status 'maybe'");
    assert_reported(&problems, "meetings.toml:16: meeting 'm2': source 'nowhere'");
    assert_reported(&problems, "aliases.toml:4: invalid TOML");
    assert_eq!(problems.len(), 11, "one line per problem:\n{}", problems.join("\n"));
}

#[test]
fn missing_folder_names_the_path_and_the_fix() {
    let err = knowledge::load(&fixture("does-not-exist")).unwrap_err();
    assert!(matches!(err, LoadError::Folder { .. }));
    let message = err.to_string();
    assert!(message.contains("does-not-exist/documents") && message.contains("KNOWLEDGE_DIR"), "{message}");
}

#[test]
fn binary_and_empty_files_are_problems_not_panics() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("documents")).unwrap();
    std::fs::write(dir.path().join("documents/a.md"), [0xff, 0xfe, 0x00, 0x9f]).unwrap();
    std::fs::write(dir.path().join("documents/b.md"), "").unwrap();
    std::fs::write(dir.path().join("documents/c.md"), "+++\nid = \"c\"\ntitle = \"Front matter never closed\"\n")
        .unwrap();
    std::fs::write(dir.path().join("facts.toml"), "\u{0}\u{1}garbage = = =").unwrap();
    let err = knowledge::load(dir.path()).unwrap_err();
    let text = err.to_string();
    assert!(text.contains("a.md: not valid UTF-8"), "{text}");
    assert!(text.contains("b.md:1: missing front matter"), "{text}");
    assert!(text.contains("c.md:1: front matter is not closed"), "{text}");
    assert!(text.contains("facts.toml:1: invalid TOML"), "{text}");
}

#[test]
fn duplicate_ids_and_empty_titles_point_at_their_own_lines() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("documents")).unwrap();
    std::fs::write(dir.path().join("documents/a.md"), "+++\nid = \"same\"\ntitle = \"First\"\n+++\nText.\n").unwrap();
    std::fs::write(
        dir.path().join("documents/b.md"),
        "+++\norganizations = [\"SCO\"]\ntitle = \"  \"\nid = \"same\"\n+++\nText.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("documents/c.md"),
        "+++\norganizations = [\"SCO\"]\ntitle = \"Third\"\nid = \"same\"\n+++\nText.\n",
    )
    .unwrap();
    let text = knowledge::load(dir.path()).unwrap_err().to_string();
    assert!(text.contains("b.md:3: title is empty"), "{text}");
    assert!(text.contains("c.md:4: duplicate document id 'same' (also in documents/a.md)"), "{text}");
}
