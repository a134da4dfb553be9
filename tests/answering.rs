//! Answering over the shipped knowledge folder: hostile input never breaks the engine,
//! boilerplate and unrelated questions are declined, meetings are relative to the clock.

use std::path::Path;
use std::sync::OnceLock;

use chrono::NaiveDate;
use ictbot::answer::{answer, Confidence, HitKind, MAX_HITS};
use ictbot::knowledge;
use ictbot::search::Engine;

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        let k = knowledge::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge")).expect("knowledge loads");
        Engine::build(k).expect("index builds")
    })
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

const TODAY: &str = "2026-11-26";

#[test]
fn hostile_questions_never_panic_and_stay_within_limits() {
    let huge = "ICT ".repeat(25_000);
    let hostile = [
        "",
        "   ",
        &huge,
        "?!.,;:()[]{}<>",
        "title:(*",
        "AND OR NOT",
        "\"unclosed phrase",
        "text:ict^100 +SCO -OTS ~2",
        "🤖🚀🇺🇿",
        "مرحبا كيف حالك",
        "שלום עולם",
        "\u{0}\u{1}\u{7}\u{1b}[31mred\u{7f}",
        "<b>ICT</b> &amp; <script>alert(1)</script>",
        "İSTANBUL ıstanbul",
        "a",
    ];
    for question in hostile {
        let a = answer(engine(), question, day(TODAY));
        assert!(a.hits.len() <= MAX_HITS);
        for hit in &a.hits {
            assert!(!hit.snippet.is_empty());
            for r in &hit.highlights {
                assert!(hit.snippet.is_char_boundary(r.start) && hit.snippet.is_char_boundary(r.end));
            }
        }
    }
}

#[test]
fn empty_and_punctuation_only_questions_are_declined() {
    for question in ["", "?!.,", "🤖🚀", "AND OR NOT"] {
        assert_eq!(answer(engine(), question, day(TODAY)).confidence, Confidence::Declined, "{question:?}");
    }
}

#[test]
fn boilerplate_only_questions_are_declined() {
    // An exchange rate or the weather is live data no document holds, though an export figure
    // in USD, "exchange of experience" or «курс» (courses) share the question's words.
    for question in [
        "What is the USD exchange rate today?",
        "курс доллара к суму сегодня",
        "What will the weather be like in Tashkent tomorrow?",
    ] {
        let a = answer(engine(), question, day(TODAY));
        assert_eq!(a.confidence, Confidence::Declined, "{question}: {:?}", a.hits.first().map(|h| &h.snippet));
    }
    // A currency alone is no rate question.
    let exports = answer(engine(), "How many million USD did Kazakhstan's IT exports reach?", day(TODAY));
    assert!(exports.hits.first().is_some_and(|h| h.snippet.contains("373.4")), "{:?}", exports.hits.first());
    for question in [
        "How many views does the article have?",
        "How do I log in to leave a comment?",
        "Where can I follow the news on the WhatsApp channel?",
        "What are the popular headlines about Air Arabia flights?",
        // Page clutter and how-to requests that share a topic's words are declined too.
        "Мы используем файлы cookie. Принять все",
        "how do i post a comment under the sco digital forum article",
    ] {
        let a = answer(engine(), question, day(TODAY));
        assert_eq!(a.confidence, Confidence::Declined, "{question}: {:?}", a.hits.first().map(|h| &h.snippet));
    }
}

#[test]
fn unrelated_questions_are_declined() {
    for question in ["What is the capital of France?", "Recommend a good pizza recipe", "Who won the Champions League?"]
    {
        let a = answer(engine(), question, day(TODAY));
        assert_eq!(a.confidence, Confidence::Declined, "{question}: {:?}", a.hits.first().map(|h| &h.snippet));
    }
}

#[test]
fn answers_quote_the_source_and_cite_it() {
    let a = answer(engine(), "Where was the 2nd meeting of the Turkic Council ICT ministers held?", day(TODAY));
    assert!(a.answered());
    let hit = &a.hits[0];
    assert!(hit.snippet.contains("Istanbul"), "{}", hit.snippet);
    assert!(hit.citation.source.starts_with("documents/000"), "{:?}", hit.citation);
    assert!(hit.snippet.chars().count() <= 600, "snippet stays 1–3 sentences");
}

#[test]
fn typos_and_aliases_reach_the_same_passage() {
    let exact = answer(engine(), "Which Belarusian IT companies have offices in Uzbekistan?", day(TODAY));
    let typo = answer(engine(), "wich belarusian IT compnies have ofices in Uzbekistn", day(TODAY));
    assert!(exact.hits[0].snippet.contains("EPAM"), "{}", exact.hits[0].snippet);
    assert!(typo.hits[0].snippet.contains("EPAM"), "{}", typo.hits[0].snippet);
    let alias =
        answer(engine(), "When did the Organization of Turkic States ICT ministers meet in Almaty?", day(TODAY));
    assert!(alias.hits[0].snippet.contains("2019"), "{}", alias.hits[0].snippet);
}

#[test]
fn greetings_requests_and_fillers_do_not_weigh_as_unknown_words() {
    for question in [
        "слушайте, подскажите короче вообще где проходил цифровой форум ШОС",
        "hi, just wondering where the SCO digital forum took place",
        "iltimos, ShHT raqamli forumi qayerda oʻtdi?",
    ] {
        let a = answer(engine(), question, day(TODAY));
        assert_eq!(a.confidence, Confidence::Sure, "{question}");
        assert!(a.hits.first().is_some_and(|h| h.snippet.contains("Almaty")), "{question}: {:?}", a.hits.first());
    }
}

#[test]
fn russian_questions_are_answered_from_english_sources() {
    let a = answer(engine(), "Где прошла встреча глав цифровых ведомств ШОС?", day(TODAY));
    assert!(a.answered());
    assert!(
        a.hits.iter().take(3).any(|h| h.snippet.contains("Karamay") || h.snippet.contains("Almaty")),
        "{:?}",
        a.hits
    );
}

#[test]
fn upcoming_meetings_depend_on_the_clock() {
    let before_forum = answer(engine(), "What is the next SCO meeting?", day("2024-01-15"));
    let listing = before_forum.hits.iter().find(|h| h.kind == HitKind::Calendar).expect("a calendar hit");
    assert!(listing.snippet.starts_with("Upcoming:"));
    assert!(listing.snippet.lines().nth(1).unwrap().contains("1 February 2024"), "{}", listing.snippet);

    let later = answer(engine(), "What is the next SCO meeting?", day(TODAY));
    let listing = later.hits.iter().find(|h| h.kind == HitKind::Calendar).expect("a calendar hit");
    assert!(!listing.snippet.contains("1 February 2024"), "past meetings are not upcoming: {}", listing.snippet);
    assert!(listing.snippet.contains("2026"), "{}", listing.snippet);
}

#[test]
fn when_questions_quote_the_date() {
    let a = answer(engine(), "When was the 12th OTS summit in Gabala?", day(TODAY));
    assert!(
        a.hits.iter().take(1).any(|h| h.snippet.contains("7 October 2025") || h.snippet.contains("October 7")),
        "{:?}",
        a.hits
    );
}

#[test]
fn a_bare_next_meeting_question_gets_only_the_calendar() {
    for question in ["next meeting?", "Когда следующая встреча ШОС?"] {
        let a = answer(engine(), question, day("2024-01-15"));
        assert_eq!(a.hits.len(), 1, "{question}: {:?}", a.hits);
        assert_eq!(a.hits[0].kind, HitKind::Calendar);
        assert!(a.hits[0].snippet.contains("1 February 2024"), "{}", a.hits[0].snippet);
    }
}

#[test]
fn the_next_meeting_of_an_organization_with_none_ahead_is_declined_with_its_last_not_others_plans() {
    for question in ["When is the next OTS summit?", "Когда следующий саммит ОТГ?"] {
        let a = answer(engine(), question, day("2026-12-07"));
        // What is asked is not known: the decline says what is known instead, and only that.
        assert_eq!(a.confidence, Confidence::Declined, "{question}: {:?}", a.hits);
        assert_eq!(a.hits.len(), 1, "{question}: {:?}", a.hits);
        let listing = a.hits.first().filter(|h| h.kind == HitKind::Calendar).expect("a calendar hit first");
        assert!(listing.snippet.starts_with("No upcoming meeting is known"), "{question}: {}", listing.snippet);
        assert!(
            listing.snippet.contains("12th Summit") && listing.snippet.contains("7 October 2025"),
            "{}",
            listing.snippet
        );
        assert!(!listing.snippet.contains("SCO") && !listing.snippet.contains("CIS"), "{}", listing.snippet);
    }
    // The organization's own plans are still listed when it has some.
    let a = answer(engine(), "When is the next SCO meeting?", day("2026-12-07"));
    let listing = a.hits.iter().find(|h| h.kind == HitKind::Calendar).expect("a calendar hit");
    assert!(listing.snippet.starts_with("Upcoming:") && listing.snippet.contains("SCO"), "{}", listing.snippet);
    // A document that announces the next meeting answers, though the calendar has none ahead.
    let a = answer(
        engine(),
        "Where will the next joint meeting of the RCC and the CIS coordination council for informatization be held?",
        day("2026-12-07"),
    );
    assert_ne!(a.confidence, Confidence::Declined, "{:?}", a.hits);
    assert!(a.hits.iter().any(|h| h.listing.is_none() && h.snippet.contains("will be held")), "{:?}", a.hits);
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn every_document_hit_quotes_its_document_verbatim() {
    let knowledge = engine().knowledge();
    let mut questions: Vec<String> = knowledge.facts.iter().flat_map(|f| f.alternates.iter().cloned()).collect();
    questions.extend(knowledge.meetings.iter().map(|m| format!("When was the {}?", m.title)));
    for question in &questions {
        for hit in answer(engine(), question, day(TODAY)).hits {
            if hit.kind == HitKind::Calendar {
                assert_eq!(hit.citation.source, "meetings.toml", "a listing cites the calendar");
                continue;
            }
            let document = knowledge.documents.iter().find(|d| d.path == hit.citation.source).expect("cited document");
            let text = collapse(&document.paragraphs.iter().map(|p| p.text.as_str()).collect::<Vec<_>>().join("\n"));
            assert!(text.contains(&collapse(&hit.snippet)), "{question}: not verbatim: {}", hit.snippet);
            assert_eq!(hit.line.is_some(), hit.kind == HitKind::Meeting, "only meetings carry a calendar line");
        }
    }
}

#[test]
fn a_meeting_hit_gives_the_calendar_line_beside_the_quote() {
    let a = answer(engine(), "When did the ICT ministers meet in Istanbul?", day(TODAY));
    let meeting = a.hits.iter().find(|h| h.kind == HitKind::Meeting).expect("a meeting hit");
    let line = meeting.line.as_deref().unwrap();
    assert!(line.contains("9 November 2017") && line.contains("held"), "{line}");
    assert!(!meeting.snippet.contains(" — "), "the quote is the source's sentence: {}", meeting.snippet);
}

#[test]
fn turkic_questions_with_inflected_names_find_the_passage() {
    for question in [
        "Tokayev Qəbələdə nə təklif etdi?",
        "Токаев Габалада не ұсынды?",
        "Тоқаевтың кибер қауіпсіздік кеңесі туралы ұсынысы",
        "Türk Devletleri Teşkilatı siber güvenlik konseyi kim önerdi?",
    ] {
        let a = answer(engine(), question, day(TODAY));
        assert!(a.answered(), "{question}");
        assert!(a.hits[0].snippet.contains("Cybersecurity Council"), "{question}: {}", a.hits[0].snippet);
    }
    let uzbek =
        answer(engine(), "ShHT raqamli vazirlar uchrashuvini 2026-yilda qaysi davlat oʻtkazmoqchi?", day(TODAY));
    assert!(uzbek.hits.iter().take(3).any(|h| h.snippet.contains("Kyrgyzstan")), "{:?}", uzbek.hits);
}

#[test]
fn turkic_questions_with_untranslated_verbs_and_suffixed_numbers_are_answered() {
    // Each holds an inflected verb or a word the Turkic vocabulary lacks; the names, numbers
    // and known words must carry the question.
    for (question, expected) in [
        ("Qoʻshma fakultetda nechta talaba oʻqiydi?", "361 first-year students"),
        ("MDH axborot xavfsizligi strategiyasi qachon tasdiqlangan?", "Strategy for ensuring information security"),
        ("ŞİÖ dijital bakanlar toplantısına 2026'da hangi ülke ev sahipliği yapmak istiyor?", "Kyrgyzstan"),
        ("Токаев Түрк мамлекеттеринин уюмунун алкагында эмнени сунуштады?", "Cybersecurity Council"),
    ] {
        let a = answer(engine(), question, day(TODAY));
        assert!(a.answered(), "{question}");
        assert!(a.hits[0].snippet.contains(expected), "{question}: {}", a.hits[0].snippet);
    }
    // A year the knowledge does not hold still counts: no summit of 2031 is known.
    assert!(!answer(engine(), "Türk Devletleri Teşkilatı 2031 zirvesi nerede yapılacak?", day(TODAY)).answered());
}

#[test]
fn russian_abbreviations_ordinals_and_transliterated_names_are_understood() {
    let a = answer(engine(), "Когда прошла 3-я встреча министров ИКТ ТюркСовета?", day(TODAY));
    assert!(a.hits[0].snippet.contains("31 January 2019"), "{:?}", a.hits[0]);
    let b = answer(engine(), "Третья встреча министров ИКТ Тюркского совета", day(TODAY));
    assert!(b.hits[0].snippet.contains("31 January 2019"), "{:?}", b.hits[0]);
    let c = answer(engine(), "С кем встречался Ахметжанов на Digital Almaty 2021?", day(TODAY));
    assert!(c.hits.iter().take(2).any(|h| h.snippet.contains("Akhmetjanov")), "{:?}", c.hits);
}

#[test]
fn questions_about_unknown_organizations_are_declined() {
    // In lowercase too: "asean" is the name of an organization, not a typo of "asian".
    for question in [
        "What did the African Union decide about ICT?",
        "Mercosur digital agenda",
        "Что решил Меркосур?",
        "asean ict ministers meeting where",
        "что решил еаэс по цифровизации",
    ] {
        let a = answer(engine(), question, day(TODAY));
        assert_eq!(a.confidence, Confidence::Declined, "{question}: {:?}", a.hits.first().map(|h| &h.snippet));
    }
}

#[test]
fn a_message_of_unknown_long_words_is_corrected_fast() {
    let words: Vec<String> = (0..64).map(|i| format!("zqxministerialwv{i:02}ka")).collect();
    let message = words.join(" ");
    answer(engine(), &message, day(TODAY));
    let start = std::time::Instant::now();
    let a = answer(engine(), "wehn was the 3rd meetng of ict minsters of the turkic councl", day(TODAY));
    let b = answer(engine(), &message, day(TODAY));
    let elapsed = start.elapsed();
    assert!(a.hits[0].snippet.contains("31 January 2019"), "{:?}", a.hits[0]);
    assert!(!b.answered());
    assert!(elapsed < std::time::Duration::from_millis(200), "{elapsed:?}");
}

#[test]
fn an_elliptical_follow_up_carries_the_previous_topic() {
    use ictbot::answer::{answer_in_context, is_elliptical};
    let previous = "What did Tokayev propose at the OTS summit in Gabala?";
    assert!(is_elliptical(engine(), "and when was that?"));
    assert!(is_elliptical(engine(), "а где?"));
    assert!(is_elliptical(engine(), "where?"));
    assert!(!is_elliptical(engine(), "what is frobnication"), "an unknown word is a new topic");
    assert!(!is_elliptical(engine(), "Which Belarusian IT companies have representative offices in Uzbekistan?"));
    let carried = answer_in_context(engine(), "and when was that?", Some(previous), day(TODAY));
    assert!(
        carried.effective.contains("Gabala") || carried.effective.to_lowercase().contains("gabala"),
        "{}",
        carried.effective
    );
    let a = carried.answer;
    assert_eq!(a.question, "and when was that?");
    assert!(a.answered());
    assert!(a.hits.iter().take(2).any(|h| h.snippet.contains("October 7")), "{:?}", a.hits);
    let unrelated = answer_in_context(engine(), "Who won the Champions League?", Some(previous), day(TODAY)).answer;
    assert_eq!(unrelated.confidence, Confidence::Declined, "a full question is not a follow-up");
}

#[test]
fn suggestions_follow_the_question_script_and_declines_say_what_is_known() {
    use ictbot::answer::known_instead;
    let a = answer(engine(), "ШОС технопарки альянс цели?", day(TODAY));
    for s in &a.suggestions {
        assert!(ictbot::search::is_cyrillic(s), "{s}");
    }
    let known = known_instead(engine().knowledge());
    assert!(known.contains(&"SCO".to_string()) && known.contains(&"OTS".to_string()), "{known:?}");
}

#[test]
fn a_meeting_the_documents_do_not_number_is_declined_though_its_neighbours_are_listed() {
    // The 1st, 2nd and 3rd meetings are listed with their dates and cities; the 4th is not.
    let ask = |n: &str| {
        let question =
            format!("Where and when did the Turkic Council ministers in charge of ICT hold their {n} meeting?");
        answer(engine(), &question, day(TODAY))
    };
    assert!(ask("2nd").hits.first().is_some_and(|h| h.snippet.contains("Istanbul")));
    assert_eq!(ask("4th").confidence, Confidence::Declined, "{:?}", ask("4th").hits.first());
}

/// A knowledge folder of documents, each with its organizations and body, and an alias table.
fn documents(documents: &[(&str, &str)], aliases: &str) -> Engine {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("documents")).unwrap();
    std::fs::write(dir.path().join("facts.toml"), "").unwrap();
    std::fs::write(dir.path().join("meetings.toml"), "").unwrap();
    std::fs::write(dir.path().join("aliases.toml"), aliases).unwrap();
    for (i, (organization, body)) in documents.iter().enumerate() {
        let front = format!(
            "+++\nid = \"note-{i}\"\ntitle = \"Note {i}\"\norganizations = [\"{organization}\"]\n\
             date = \"2024-02-01\"\n+++\n"
        );
        std::fs::write(dir.path().join(format!("documents/01{i}-note.md")), format!("{front}{body}")).unwrap();
    }
    Engine::build(knowledge::load(dir.path()).expect("knowledge loads")).expect("index builds")
}

#[test]
fn another_organization_or_another_year_or_number_does_not_answer() {
    let aliases = "[[alias]]\ncanonical = \"Shanghai Cooperation Organization\"\nforms = [\"SCO\", \"ШОС\"]\n\n\
                   [[alias]]\ncanonical = \"Organization of Turkic States\"\nforms = [\"OTS\", \"Turkic Council\"]\n";
    let engine = documents(
        &[
            ("SCO", "The 4th meeting of the ministers of communications was held in Samarkand in 2023."),
            ("OTS", "The 1st meeting of the ministers of communications was held in Baku in 2016."),
        ],
        aliases,
    );
    let answered = |question: &str| {
        let a = answer(&engine, question, day(TODAY));
        a.hits.first().filter(|_| a.answered()).map(|h| h.snippet.clone())
    };
    assert!(answered("Where was the 4th meeting of SCO communications ministers?").unwrap().contains("Samarkand"));
    assert!(answered("Where was the 1st meeting of OTS communications ministers?").unwrap().contains("Baku"));
    for question in [
        "Where was the 4th meeting of OTS communications ministers?",
        "Where was the 2nd meeting of SCO communications ministers?",
        "Where will the SCO communications ministers meet in 2031?",
    ] {
        assert_eq!(answered(question), None, "{question}");
    }
}

#[test]
fn a_concept_counts_once_in_bm25_however_many_of_its_spellings_a_passage_repeats() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("documents")).unwrap();
    std::fs::write(dir.path().join("facts.toml"), "").unwrap();
    std::fs::write(dir.path().join("meetings.toml"), "").unwrap();
    std::fs::write(
        dir.path().join("synonyms.toml"),
        "[[synonym]]\nwords = [\"joint faculty\", \"2 + 2 model\", \"double degree\", \"twinning programme\"]\n",
    )
    .unwrap();
    let front = "+++\nid = \"faculty\"\ntitle = \"University news\"\norganizations = [\"CIS\"]\n\
                 date = \"2024-02-01\"\n+++\n";
    // The same sentence, once with one spelling of the concept and once with all four; a
    // third paragraph keeps the words from being in every unit.
    let body = "The joint faculty opened a robotics laboratory in the spring.\n\n\
                The joint faculty of the 2 + 2 model and its twinning programme with a double degree opened a \
                robotics laboratory.\n\n\
                The rector thanked the partners for their support of the university.";
    std::fs::write(dir.path().join("documents/010-faculty.md"), format!("{front}{body}")).unwrap();
    let engine = Engine::build(knowledge::load(dir.path()).expect("knowledge loads")).expect("index builds");
    let ranking = engine.search("robotics laboratory of the joint faculty");
    let bm25 = |start: &str| {
        let c = ranking.candidates.iter().find(|c| engine.units()[c.unit].text.starts_with(start));
        c.expect("both passages are candidates").bm25
    };
    let (once, repeated) = (bm25("The joint faculty opened"), bm25("The joint faculty of the 2 + 2"));
    // Summed clause by clause, the repeated spellings tripled the concept's share.
    assert!(repeated < once * 2.0, "once {once}, repeated {repeated}");
}

#[test]
fn a_name_written_out_in_full_weighs_about_as_much_as_its_abbreviation() {
    let aliases = "[[alias]]\ncanonical = \"Belarusian State University of Informatics and Radioelectronics\"\n\
                   forms = [\"BSUIR\"]\n";
    let engine = documents(
        &[
            ("CIS", "The Belarusian State University of Informatics and Radioelectronics opened a laboratory."),
            ("CIS", "BSUIR opened a robotics laboratory."),
            ("CIS", "The rector thanked the partners for their support of the university."),
        ],
        aliases,
    );
    let ranking = engine.search("robotics laboratory at BSUIR");
    let bm25 = |start: &str| {
        let c = ranking.candidates.iter().find(|c| engine.units()[c.unit].text.starts_with(start));
        c.expect("both passages are candidates").bm25
    };
    let (full, short) = (bm25("The Belarusian"), bm25("BSUIR opened"));
    // The short passage holds one more word of the question; summed word by word, the
    // seven-word name outweighed it.
    assert!(full < short, "full name {full}, abbreviation {short}");
}
