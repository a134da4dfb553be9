//! Question intent: what kind of answer a question asks for (a date, a place, a number, a
//! list, the next meeting, what something is), from its question words in English and Russian.

/// What kind of answer the question asks for, from its question words.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Intent {
    pub when: bool,
    pub who: bool,
    /// A sum of money: a budget, a cost, funding.
    pub amount: bool,
    pub place: bool,
    pub count: bool,
    pub list: bool,
    pub upcoming: bool,
    /// "What is X?", «что такое X»: what something is.
    pub define: bool,
    /// Live data no document holds: an exchange rate, the weather.
    pub live_data: bool,
    /// A request about the web page or the asker's own doing rather than about cooperation:
    /// cookies, logging in, a WhatsApp channel, "how do I…".
    pub page_request: bool,
}

/// Russian words that ask "when", "where", "how many", "next": intent, not topic.
pub(super) const RUSSIAN_INTENT_PREFIXES: &[&str] =
    &["когда", "где", "сколько", "следующ", "ближайш", "предстоящ", "город", "год"];

pub(super) fn detect_intent(lowers: &[String]) -> Intent {
    let lowers = &without_conjunctions(lowers);
    // English question words are matched whole ("all" must not fire on "alliance"); Russian
    // ones by stem, since they inflect ("следующая", "следующий").
    let has = |english: &[&str], russian: &[&str]| {
        lowers.iter().any(|w| english.contains(&w.as_str()) || russian.iter().any(|stem| w.starts_with(stem)))
    };
    Intent {
        when: has(&["when", "date", "dates"], &["когда", "дата", "дату", "числа"])
            || lowers
                .windows(2)
                .any(|w| (w[0] == "what" || w[0] == "which") && ["year", "day", "month"].contains(&w[1].as_str()))
            || asks_which(lowers, &["год", "месяц", "день", "дня", "числ", "year", "month", "day", "date", "number"]),
        who: has(&["who", "whom", "whose"], &[])
            || lowers.iter().any(|w| {
                [
                    "кто",
                    "кого",
                    "кем",
                    "кому",
                    "чей",
                    "чья",
                    "чьё",
                    "чье",
                    "чьи",
                    "чьего",
                    "чьей",
                    "чьим",
                    "чьих",
                    "чью",
                    "чьему",
                ]
                .contains(&w.as_str())
            }),
        amount: has(
            &[
                "budget",
                "budgets",
                "cost",
                "costs",
                "price",
                "funding",
                "worth",
                "spent",
                "expense",
                "expenses",
                "expenditure",
            ],
            &["бюджет", "стоимост", "стоит", "финансирова", "расход", "затрат"],
        ) || asks_how_much_money(lowers),
        place: has(&["where", "city", "venue", "location"], &["где", "город"])
            || asks_which(lowers, &["стран", "мест", "country", "place", "city"]),
        count: lowers.windows(2).any(|w| w[0] == "how" && ["many", "much", "often"].contains(&w[1].as_str()))
            || has(&["number", "headcount", "quantity"], &["сколько"]),
        list: has(&["list", "all", "every"], &["список", "перечисл", "какие"])
            || lowers.iter().any(|w| w == "все" || w == "всех"),
        upcoming: has(
            &["next", "upcoming", "future", "coming", "soon", "scheduled", "planned"],
            &["следующ", "ближайш", "предстоящ", "будущ"],
        ),
        define: is_definition_question(lowers),
        live_data: asks_live_data(lowers),
        page_request: asks_about_the_page(lowers),
    }
}

/// Words that open a question; after one of them, "when" and "where" join a clause ("which
/// areas did Bishkek name when promising…") unless "and" or "or" joins them as a second
/// question ("who proposed it and when").
const OPENERS: &[&str] = &[
    "what",
    "which",
    "who",
    "whom",
    "whose",
    "where",
    "when",
    "how",
    "why",
    "что",
    "какой",
    "какая",
    "какое",
    "какие",
    "каких",
    "каком",
    "кто",
    "где",
    "когда",
    "сколько",
    "почему",
    "зачем",
];

/// `lowers` with each "when", "where", «когда», «где» that joins a clause blanked out.
fn without_conjunctions(lowers: &[String]) -> Vec<String> {
    let joining = ["when", "where", "когда", "где"];
    let mut opened = false;
    lowers
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let word = w.as_str();
            let joined = i > 0
                && ["and", "or", "и", "или", "а", "va", "ва", "ve", "və", "hem", "және", "жана"]
                    .contains(&lowers[i - 1].as_str());
            let conjunction = opened && joining.contains(&word) && !joined;
            opened |= OPENERS.contains(&word);
            if conjunction {
                String::new()
            } else {
                w.clone()
            }
        })
        .collect()
}

/// «в каком году», «какого числа», «в какой стране»: «какой» in any case before a word of
/// time or place (by its stem's start), as written or as a dictionary gave it in English.
fn asks_which(lowers: &[String], nouns: &[&str]) -> bool {
    lowers.windows(2).any(|w| w[0].starts_with("как") && nouns.iter().any(|n| w[1].starts_with(n)))
}

/// "USD rate today?", «курс доллара», "weather in Tashkent": today's market or weather, which
/// no document holds however many of its words it shares (a currency named in an export
/// figure, "courses" for «курс»).
fn asks_live_data(lowers: &[String]) -> bool {
    const RATE: &[&str] =
        &["rate", "rates", "exchange", "forex", "курс", "курса", "курсу", "курсы", "kurs", "kursi", "kuru", "kursu"];
    const CURRENCY: &[&str] = &[
        "usd",
        "eur",
        "rub",
        "rur",
        "kzt",
        "uzs",
        "kgs",
        "azn",
        "dollar",
        "dollars",
        "euro",
        "euros",
        "ruble",
        "rubles",
        "rouble",
        "roubles",
        "tenge",
        "som",
        "soms",
        "manat",
        "lira",
        "yuan",
        "сом",
        "сума",
        "сум",
        "тенге",
        "евро",
        "манат",
        "юань",
        "юаня",
    ];
    const CURRENCY_PREFIXES: &[&str] = &["доллар", "рубл", "сома", "лир"];
    const WEATHER: &[&str] =
        &["weather", "forecast", "погода", "погоду", "погоды", "ob-havo", "obhavo", "havo", "hava", "ырайы", "райы"];
    let currency =
        lowers.iter().any(|w| CURRENCY.contains(&w.as_str()) || CURRENCY_PREFIXES.iter().any(|p| w.starts_with(p)));
    // "Bu gün dollar neçəyədir?": a currency today is its rate, asked without the word.
    const TODAY: &[&str] = &["today", "сегодня", "bugun", "bugün", "бүгін", "бүгүн", "бугун"];
    let today = lowers.iter().any(|w| TODAY.contains(&w.as_str()))
        || lowers
            .windows(2)
            .any(|w| ["bu", "this"].contains(&w[0].as_str()) && ["gün", "gun", "kun", "day"].contains(&w[1].as_str()));
    let rate = lowers.iter().any(|w| RATE.contains(&w.as_str())) || today;
    (currency && rate) || lowers.iter().any(|w| WEATHER.contains(&w.as_str()))
}

/// "Accept all cookies", "How do I log in to leave a comment?", «Подпишитесь на наш канал в
/// WhatsApp»: the clutter of a news page, or how-to help the knowledge never gives.
fn asks_about_the_page(lowers: &[String]) -> bool {
    const PAGE: &[&str] = &["cookie", "cookies", "куки", "whatsapp", "login", "подпишитесь", "abone"];
    let page = lowers.iter().any(|w| PAGE.contains(&w.as_str()));
    let how_do_i = lowers.windows(3).any(|w| {
        w[0] == "how" && ["do", "can", "should"].contains(&w[1].as_str()) && w[2] == "i"
            || w[0] == "log" && w[1] == "in"
    }) || lowers.windows(2).any(|w| w[0] == "как" && w[1] == "мне");
    page || how_do_i
}

/// "How much has X invested", «сколько вложили»: a sum of money, asked with a verb of paying.
fn asks_how_much_money(lowers: &[String]) -> bool {
    const PAYING: &[&str] = &[
        "invest",
        "spen",
        "paid",
        "pay",
        "alloc",
        "fund",
        "financ",
        "вкла",
        "влож",
        "инвест",
        "потрат",
        "выдел",
        "вложи",
    ];
    let how_much = lowers.windows(2).any(|w| w[0] == "how" && w[1] == "much") || lowers.iter().any(|w| w == "сколько");
    how_much && lowers.iter().any(|w| PAYING.iter().any(|p| w.starts_with(p)))
}

/// "What is CICA?", "what are the RCC", «что такое СВМДА», «СВМДА — это что»: a short question
/// that asks what something is, not something about it.
fn is_definition_question(lowers: &[String]) -> bool {
    let words: Vec<&str> = lowers.iter().map(String::as_str).collect();
    let short = words.len() <= 6;
    let english = matches!(words.as_slice(), ["what", "is" | "are", ..] | ["whats", ..]);
    let russian =
        words.windows(2).any(|w| matches!(w, ["что", "такое"] | ["это", "что"] | ["что", "это"] | ["что", "за"]));
    short && (english || russian || words.contains(&"define"))
}
