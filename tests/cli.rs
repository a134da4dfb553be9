//! The command-line contract used by the evaluation: `ask --json`, `ask`, `check`, and the
//! console chat, exercised through the real binary.

#[path = "support/binary.rs"]
mod binary;

use binary::ictbot;

#[test]
fn ask_json_writes_one_object_per_line_in_order() {
    let questions =
        ["When did the ICT ministers meet in Istanbul?", "", "How do I cook plov?", "title:(* AND", "\u{1}\u{2}"];
    let (code, stdout, stderr) = ictbot(&["ask", "--json"], &[], &(questions.join("\n") + "\n"));
    assert_eq!(code, 0, "{stderr}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), questions.len(), "{stdout}");
    for (line, question) in lines.iter().zip(questions) {
        let value: serde_json::Value = serde_json::from_str(line).expect("valid JSON");
        assert_eq!(value["question"], question);
        let hits = value["hits"].as_array().unwrap();
        assert!(hits.len() <= 5);
        if value["answered"] == false {
            assert!(hits.is_empty(), "a decline carries no hits: {line}");
            assert_eq!(value["confidence"], "declined", "{line}");
        } else {
            assert!(["sure", "unsure"].contains(&value["confidence"].as_str().unwrap()), "{line}");
        }
        for hit in hits {
            assert!(hit["snippet"].is_string() && hit["title"].is_string() && hit["source"].is_string());
            assert!(hit["url"].is_null() || hit["url"].is_string());
            assert!(hit["score"].is_number());
        }
    }
    let first: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
    assert_eq!(first["answered"], true);
    assert_eq!(first["confidence"], "sure", "a plain question with its answer is not hedged");
    assert!(first["hits"][0]["snippet"].as_str().unwrap().contains("2017"));
    assert!(first["hits"][0]["source"].as_str().unwrap().starts_with("documents/000"));
    let plov: serde_json::Value = serde_json::from_str(lines[2]).unwrap();
    assert_eq!(plov["answered"], false);
}

#[test]
fn ask_prints_a_cited_answer() {
    let (code, stdout, _) =
        ictbot(&["ask", "Who", "is", "the", "Kyrgyz", "digital", "development", "minister?"], &[], "");
    assert_eq!(code, 0);
    assert!(stdout.contains("Zhamangulov"), "{stdout}");
    assert!(stdout.contains("— "), "cites a source: {stdout}");
}

#[test]
fn check_summarises_a_good_folder_and_fails_on_a_broken_one() {
    let (code, stdout, _) = ictbot(&["check"], &[], "");
    assert_eq!(code, 0);
    assert!(stdout.contains("5 documents"), "{stdout}");
    let (code, _, stderr) = ictbot(&["--knowledge", "tests/fixtures/broken", "check"], &[], "");
    assert_eq!(code, 1);
    assert!(stderr.contains("tests/fixtures/broken/meetings.toml:6:"), "{stderr}");
}

#[test]
fn a_broken_folder_stops_answering_with_a_clear_error() {
    let (code, _, stderr) = ictbot(&["--knowledge", "tests/fixtures/broken", "ask", "--json"], &[], "hello\n");
    assert_ne!(code, 0);
    assert!(stderr.contains("problem(s) in the knowledge folder"), "{stderr}");
}

#[test]
fn console_chat_answers_piped_questions_until_end_of_input() {
    let (code, stdout, stderr) =
        ictbot(&["console"], &[], "When did the SCO digital forum in Almaty take place?\nweather in Paris?\n");
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("February 1, 2024") || stdout.contains("1 February 2024"), "{stdout}");
    assert!(stdout.contains("I don't know"), "{stdout}");
}

#[test]
fn ask_json_echoes_a_huge_question_whole() {
    let huge = "é".repeat(60_000) + " ICT";
    let (code, stdout, stderr) = ictbot(&["ask", "--json"], &[], &format!("{huge}\n"));
    assert_eq!(code, 0, "{stderr}");
    let value: serde_json::Value = serde_json::from_str(stdout.trim_end()).expect("one JSON line");
    assert_eq!(value["question"].as_str(), Some(huge.as_str()));
}
