//! What a quote must hold to answer: over a knowledge folder of one small document, the
//! sentence that holds the asked date, place, person, number or sum wins, and a question whose
//! asked thing no sentence states is declined.

use chrono::NaiveDate;
use ictbot::answer::{answer, Confidence};
use ictbot::knowledge;
use ictbot::search::Engine;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

const TODAY: &str = "2026-11-26";

/// A knowledge folder holding one document with the given body.
fn one_document(body: &str) -> Engine {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("documents")).unwrap();
    std::fs::write(dir.path().join("facts.toml"), "").unwrap();
    std::fs::write(dir.path().join("meetings.toml"), "").unwrap();
    let front = "+++\nid = \"note\"\ntitle = \"Forum note\"\norganizations = [\"SCO\"]\ndate = \"2024-02-01\"\n\
                 date_label = \"published\"\nurl = \"https://example.org/note\"\n+++\n";
    std::fs::write(dir.path().join("documents/010-note.md"), format!("{front}{body}")).unwrap();
    Engine::build(knowledge::load(dir.path()).expect("knowledge loads")).expect("index builds")
}

#[test]
fn who_where_and_how_many_questions_quote_the_sentence_that_holds_the_answer() {
    let filler = "The delegations exchanged views on broadband, cybersecurity, e-government services, digital \
                  skills for civil servants, satellite links, postal logistics and the harmonisation of spectrum \
                  rules across the region over two long sessions.";
    let engine = one_document(&format!(
        "The regional innovation forum on digital cooperation was widely discussed by regional delegations. \
         {filler} {filler} The regional innovation forum was first proposed by Minister Rustam Nazarov. \
         {filler} {filler} The regional innovation forum will be convened in Samarkand. {filler} {filler} \
         The regional innovation forum brought together 240 participants."
    ));
    for (question, expected) in [
        ("Who proposed the regional innovation forum on digital cooperation?", "Nazarov"),
        ("Where will the regional innovation forum on digital cooperation be convened?", "Samarkand"),
        ("How many people did the regional innovation forum on digital cooperation bring together?", "240"),
        ("Кто предложил regional innovation forum?", "Nazarov"),
    ] {
        let a = answer(&engine, question, day(TODAY));
        let snippet = a.hits.first().map_or("", |h| h.snippet.as_str());
        assert!(snippet.contains(expected), "{question}: {snippet}");
    }
}

#[test]
fn a_capital_the_knowledge_never_names_stands_for_its_country() {
    let engine = one_document(
        "Kyrgyzstan reaffirmed its commitment to deepening multilateral cooperation in the digital sphere, \
         prioritizing digital literacy programs. The forum also discussed satellite links across the region.",
    );
    let a = answer(&engine, "What did Bishkek reaffirm about the digital sphere?", day(TODAY));
    assert!(a.hits.first().is_some_and(|h| h.snippet.contains("Kyrgyzstan reaffirmed")), "{:?}", a.hits);
    // Another country's capital is no stand-in.
    let a = answer(&engine, "What did Tbilisi reaffirm about the digital sphere?", day(TODAY));
    assert_eq!(a.confidence, Confidence::Declined, "{:?}", a.hits.first());
}

#[test]
fn an_organization_written_out_that_the_documents_never_name_is_declined() {
    let engine = one_document(
        "The European Union funded a broadband project in Samarkand.\n\n\
         The Universal Postal Union trained postal staff in Bukhara.",
    );
    let answered = |question: &str| answer(&engine, question, day(TODAY)).answered();
    assert!(answered("What did the European Union fund in Samarkand?"));
    // "union", "fund" and Samarkand are the documents' words; the African Union is not.
    assert!(!answered("What did the African Union fund in Samarkand?"));
}

#[test]
fn a_paragraph_that_goes_on_from_the_one_before_answers_with_its_context() {
    let engine = one_document(
        "An agreement on a joint faculty was signed between the Tashkent university and the Belarusian \
         State University of Informatics in 2018.\n\n\
         Today, 361 first-year students study at the faculty, and 484 in the second year.\n\n\
         The ministers also discussed satellite links and postal services across the region.",
    );
    // The numbers never name the Belarusian university: the paragraph before them does.
    let a = answer(&engine, "How many students study at the Belarusian joint faculty?", day(TODAY));
    assert_eq!(a.confidence, Confidence::Sure, "{:?}", a.hits.first().map(|h| &h.snippet));
    assert!(a.hits.first().is_some_and(|h| h.snippet.starts_with("Today, 361")), "{:?}", a.hits.first());
}

#[test]
fn a_budget_question_is_declined_where_no_sum_is_stated() {
    let engine = one_document(
        "The regional innovation forum brought together 240 participants in Samarkand. \
         Its budget was approved by the ministers.\n\n\
         The digital skills programme received $2 million from the partners.",
    );
    let unknown = answer(&engine, "What is the budget of the regional innovation forum?", day(TODAY));
    assert_eq!(unknown.confidence, Confidence::Declined, "{:?}", unknown.hits.first().map(|h| &h.snippet));
    let known = answer(&engine, "How much funding did the digital skills programme receive?", day(TODAY));
    assert!(known.hits.first().is_some_and(|h| h.snippet.contains("$2 million")), "{:?}", known.hits.first());
    // "How much" with a verb of paying asks for a sum, in English, Russian and Turkish alike.
    for question in [
        "How much was invested in the regional innovation forum?",
        "Сколько вложили в региональный инновационный форум?",
        "Bölgesel inovasyon forumunun bütçesi ne kadar?",
    ] {
        let a = answer(&engine, question, day(TODAY));
        assert_eq!(a.confidence, Confidence::Declined, "{question}: {:?}", a.hits.first().map(|h| &h.snippet));
    }
}

#[test]
fn a_how_many_question_is_declined_where_no_number_is_stated() {
    let engine = one_document(
        "Schools across the country were connected to the Internet within the Giga initiative.\n\n\
         The regional innovation forum brought together 240 participants in Samarkand.",
    );
    for question in [
        "How many schools were connected to the Internet through the Giga initiative?",
        "Сколько школ подключили к интернету по инициативе Giga?",
    ] {
        let a = answer(&engine, question, day(TODAY));
        assert_eq!(a.confidence, Confidence::Declined, "{question}: {:?}", a.hits.first().map(|h| &h.snippet));
    }
    let known = answer(&engine, "How many participants did the regional innovation forum bring together?", day(TODAY));
    assert!(known.hits.first().is_some_and(|h| h.snippet.contains("240")), "{:?}", known.hits.first());
    // A neighbouring sentence whose number counts other things supplies no answer.
    let one_paragraph = one_document(
        "Schools across the country were connected to the Internet within the Giga initiative. \
         The regional innovation forum brought together 240 participants in Samarkand.",
    );
    let a = answer(&one_paragraph, "How many schools were connected through the Giga initiative?", day(TODAY));
    assert_eq!(a.confidence, Confidence::Declined, "{:?}", a.hits.first().map(|h| &h.snippet));
}

#[test]
fn an_ordinal_in_words_picks_its_meeting_and_declines_another() {
    let engine = one_document(
        "In March 2021, the third meeting of the Expert Group was held to agree on the draft plan.\n\n\
         The digital skills programme received $2 million from the partners.",
    );
    let known = answer(&engine, "When was the third meeting of the Expert Group held?", day(TODAY));
    assert!(known.hits.first().is_some_and(|h| h.snippet.contains("March 2021")), "{:?}", known.hits.first());
    for question in
        ["When was the fourth meeting of the Expert Group held?", "Когда прошло четвёртое заседание экспертной группы?"]
    {
        let a = answer(&engine, question, day(TODAY));
        assert_eq!(a.confidence, Confidence::Declined, "{question}: {:?}", a.hits.first().map(|h| &h.snippet));
    }
}

#[test]
fn words_scattered_over_a_long_passage_do_not_make_a_sure_answer() {
    let filler = "The delegations exchanged views on broadband, cybersecurity, e-government services, digital \
                  skills for civil servants, satellite links, postal logistics and the harmonisation of spectrum \
                  rules across the region over two long sessions.";
    let question = "museum Samarkand tariffs hackathon";
    let scattered = one_document(&format!(
        "A museum was opened last year. {filler} {filler} Samarkand is an ancient city. {filler} {filler} \
         Tariffs were compared with the neighbours. {filler} {filler} A hackathon was held for students."
    ));
    let a = answer(&scattered, question, day(TODAY));
    assert_ne!(a.confidence, Confidence::Sure, "{:?}", a.hits.first().map(|h| &h.snippet));
    let together = one_document(&format!(
        "{filler} The museum in Samarkand shows the tariffs of the hackathon. {filler} {filler}"
    ));
    let a = answer(&together, question, day(TODAY));
    assert_eq!(a.confidence, Confidence::Sure, "{:?}", a.hits.first().map(|h| &h.snippet));
}

#[test]
fn a_how_many_question_is_not_answered_by_a_number_that_counts_something_else() {
    let engine = one_document(
        "The regional innovation forum in Samarkand brought together 240 participants.\n\n\
         The member countries fund the digital skills programme.",
    );
    let count = |question: &str| answer(&engine, question, day(TODAY));
    let participants = count("How many participants did the regional innovation forum bring together?");
    assert!(participants.answered() && participants.hits[0].snippet.contains("240"));
    let countries = count("How many countries did the regional innovation forum bring together?");
    assert_ne!(countries.confidence, Confidence::Sure, "{:?}", countries.hits.first().map(|h| &h.snippet));
}
