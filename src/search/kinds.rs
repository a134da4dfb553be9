//! What kind of answer a sentence holds — a date, a quantity, a sum of money, a place, a
//! person, a definition ("X is an intergovernmental forum…"), an event still to come — read from its words with general cues (month names, numerals, currencies, a
//! capitalised word after "in", titles and patronymic surname endings), so ranking can
//! prefer the sentence that holds what the question asks for and doubt one that does not.

use super::lexicon::Intent;

/// Kinds of answer, as a set of bits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Kinds(u8);

impl Kinds {
    pub const DATE: Kinds = Kinds(1);
    pub const NUMBER: Kinds = Kinds(1 << 1);
    pub const AMOUNT: Kinds = Kinds(1 << 2);
    pub const PLACE: Kinds = Kinds(1 << 3);
    pub const PERSON: Kinds = Kinds(1 << 4);
    pub const DEFINITION: Kinds = Kinds(1 << 5);
    pub const FUTURE: Kinds = Kinds(1 << 6);

    /// The set of the kinds whose flag is true.
    fn from_flags(flags: [(bool, Kinds); 7]) -> Kinds {
        flags.into_iter().filter(|(on, _)| *on).fold(Kinds::default(), |set, (_, kind)| set.union(kind))
    }

    /// The kinds a question asks for ("when" → a date, "who" → a person).
    pub fn asked(intent: Intent) -> Kinds {
        Kinds::from_flags([
            (intent.when, Kinds::DATE),
            (intent.count, Kinds::NUMBER),
            (intent.amount, Kinds::AMOUNT),
            (intent.place, Kinds::PLACE),
            (intent.who, Kinds::PERSON),
            (intent.define, Kinds::DEFINITION),
            (intent.upcoming, Kinds::FUTURE),
        ])
    }

    /// The kinds one sentence holds. `words` are its words in order, as written and
    /// lowercased.
    pub fn of(sentence: &str, words: &[(&str, &str)]) -> Kinds {
        let lowers: Vec<&str> = words.iter().map(|(_, lower)| *lower).collect();
        Kinds::from_flags([
            (has_date(&lowers), Kinds::DATE),
            (has_count(&lowers), Kinds::NUMBER),
            (has_amount(sentence, &lowers), Kinds::AMOUNT),
            (has_place(words), Kinds::PLACE),
            (has_person(words), Kinds::PERSON),
            (is_definition(&lowers), Kinds::DEFINITION),
            (speaks_of_future(&lowers), Kinds::FUTURE),
        ])
    }

    /// Both sets together.
    pub fn union(self, other: Kinds) -> Kinds {
        Kinds(self.0 | other.0)
    }

    /// The kinds in `self` that `other` lacks.
    pub fn without(self, other: Kinds) -> Kinds {
        Kinds(self.0 & !other.0)
    }

    /// The kinds both sets hold.
    pub fn shared(self, other: Kinds) -> Kinds {
        Kinds(self.0 & other.0)
    }

    /// True when every kind of `other` is in the set.
    pub fn contains(self, other: Kinds) -> bool {
        self.0 & other.0 == other.0
    }

    /// How many kinds the set holds.
    pub fn count(self) -> usize {
        self.0.count_ones() as usize
    }

    /// How much of a quote's coverage survives when it lacks these asked kinds. A "how many"
    /// or a budget question is declined where no number or sum is stated, however much else
    /// matches: numbers are read reliably, so their absence is the answer's absence. A "who"
    /// answer without a recognisable name is only doubted, since the cues may miss the name.
    pub fn missing_factor(self) -> f32 {
        self.factor([0.85, 0.35, 0.33, 0.9, 0.8, 0.95, 0.9])
    }

    /// The same for one sentence against the others of its passage: harsher, since they share
    /// the topic and differ mostly in what they state.
    pub fn sentence_factor(self) -> f32 {
        self.factor([0.6, 0.5, 0.5, 0.6, 0.6, 0.7, 0.6])
    }

    /// The product of `keep` (date, number, amount, place, person, definition, future) over
    /// the kinds in the set.
    fn factor(self, keep: [f32; 7]) -> f32 {
        [Kinds::DATE, Kinds::NUMBER, Kinds::AMOUNT, Kinds::PLACE, Kinds::PERSON, Kinds::DEFINITION, Kinds::FUTURE]
            .into_iter()
            .zip(keep)
            .filter(|(kind, _)| self.contains(*kind))
            .map(|(_, keep)| keep)
            .product()
    }
}

/// True when the words speak of what is still to come ("the next meeting will take place",
/// "an upcoming summit"): the answer to "when is the next …".
pub(crate) fn speaks_of_future(lowers: &[&str]) -> bool {
    const FUTURE: &[&str] = &["next", "will", "shall", "upcoming", "planned", "scheduled", "forthcoming"];
    lowers.iter().any(|w| FUTURE.contains(w))
}

/// True when the words name a year or a month ("2019", "October 7").
pub(super) fn has_date(lowers: &[&str]) -> bool {
    !date_words(lowers).is_empty()
}

/// The positions of the words that state a date: years, months and the days beside them
/// ("October 7", "9 November 2017").
pub(super) fn date_words(lowers: &[&str]) -> Vec<usize> {
    let is_month = |i: usize| lowers.get(i).is_some_and(|w| is_month_name(w));
    let is_day = |i: usize| {
        lowers[i].len() <= 2
            && lowers[i].bytes().all(|b| b.is_ascii_digit())
            && (is_month(i + 1) || (i > 0 && is_month(i - 1)))
    };
    (0..lowers.len()).filter(|&i| is_year(lowers[i]) || is_month(i) || is_day(i)).collect()
}

fn is_year(lower: &str) -> bool {
    lower.len() == 4 && lower.starts_with(['1', '2']) && lower.parse::<u32>().is_ok()
}

/// Number words that state a quantity ("three meetings").
/// "One" is left out: "one of the residents" counts nothing.
#[rustfmt::skip]
pub(super) const NUMBER_WORDS: &[&str] = &[
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen",
    "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
    "eighty", "ninety", "hundred", "hundreds", "thousand", "thousands", "million", "millions", "billion", "billions",
    "dozen", "dozens", "twofold", "threefold", "два", "две", "три", "четыре", "пять", "шесть", "семь", "восемь",
    "девять", "десять", "двадцать", "тридцать", "сорок", "пятьдесят", "сто", "двести", "тысяча", "тысячи", "тысяч",
    "миллион", "миллиона", "миллионов", "миллиард", "миллиарда", "миллиардов",
];

/// True when the words state a quantity: a number word, or digits that are not a year, an
/// ordinal ("3rd") or the day of a date ("November 29").
fn has_count(lowers: &[&str]) -> bool {
    let is_month = |i: usize| lowers.get(i).is_some_and(|w| is_month_name(w));
    lowers.iter().enumerate().any(|(i, w)| {
        let digits = w.bytes().all(|b| b.is_ascii_digit());
        let year = w.len() == 4 && w.starts_with(['1', '2']);
        // Whether it is a day of a month is only asked of a number that is not a year.
        let day = || is_month(i + 1) || (i > 0 && is_month(i - 1));
        NUMBER_WORDS.contains(w) || (digits && !year && !day())
    })
}

fn is_month_name(lower: &str) -> bool {
    // Month names run from three letters ("may") to nine ("september"): most words are
    // ruled out by length before any comparison.
    (3..=9).contains(&lower.len()) && (1..=12).any(|m| crate::knowledge::month_name(m).eq_ignore_ascii_case(lower))
}

/// Currency symbols, and the stems of currency names in English and Russian.
const CURRENCY_SYMBOLS: &[char] = &['$', '€', '£', '¥', '₽', '₸', '₼', '₺'];
const CURRENCY_STEMS: &[&str] = &[
    "dollar",
    "usd",
    "euro",
    "eur",
    "rubl",
    "roubl",
    "tenge",
    "manat",
    "lira",
    "soum",
    "yuan",
    "рубл",
    "доллар",
    "евро",
    "тенге",
    "манат",
    "сум",
    "лир",
];

/// True when the sentence states a sum of money: a currency symbol, or a number beside a
/// currency's name ("5 million dollars", "$2.4 million", "100 млн рублей").
fn has_amount(sentence: &str, lowers: &[&str]) -> bool {
    let currency = |w: &str| CURRENCY_STEMS.iter().any(|stem| w.starts_with(stem) && w.len() <= stem.len() + 4);
    sentence.contains(CURRENCY_SYMBOLS) || (has_count(lowers) && lowers.iter().any(|w| currency(w)))
}

/// Prepositions after which a capitalised word is usually where something happened.
const PLACE_PREPOSITIONS: &[&str] = &["in", "at", "в", "во"];

/// True when a capitalised word that is not a month follows "in" or "at", directly or after
/// "the" ("in Tashkent", "at the Palace", "в Баку").
fn has_place(words: &[(&str, &str)]) -> bool {
    !place_words(words).is_empty()
}

/// The positions of the words that say where: the capitalised word after "in" or "at".
pub(super) fn place_words(words: &[(&str, &str)]) -> Vec<usize> {
    (0..words.len())
        .filter(|&i| PLACE_PREPOSITIONS.contains(&words[i].1))
        .map(|i| if words.get(i + 1).is_some_and(|(_, w)| *w == "the") { i + 2 } else { i + 1 })
        .filter(|&at| words.get(at).is_some_and(|(written, lower)| starts_upper(written) && !is_month_name(lower)))
        .collect()
}

/// Words that introduce a person by office.
const TITLES: &[&str] = &[
    "president",
    "minister",
    "chairman",
    "chairwoman",
    "chair",
    "secretary",
    "ambassador",
    "director",
    "deputy",
    "envoy",
    "mr",
    "mrs",
    "ms",
    "dr",
    "президент",
    "министр",
    "председатель",
    "секретарь",
    "генсек",
    "посол",
    "директор",
    "заместитель",
    "глава",
];

/// Surname and patronymic endings common across the region ("Tokayev", "Shermatova",
/// "Aliyev", "Erdoğan" aside, "-oglu", "-uly", "-ович").
const SURNAME_ENDINGS: &[&str] =
    &["ov", "ev", "ova", "eva", "yev", "yeva", "oglu", "oğlu", "uly", "kyzy", "ов", "ев", "ова", "ева", "ович", "овна"];

/// True when the sentence names a person: an office ("President", "Minister"), or a
/// capitalised word with a surname ending.
fn has_person(words: &[(&str, &str)]) -> bool {
    words.iter().any(|(written, lower)| {
        TITLES.contains(lower)
            || (starts_upper(written)
                && lower.chars().count() > 4
                && SURNAME_ENDINGS.iter().any(|e| lower.ends_with(e)))
    })
}

/// True when the sentence says what something is: "is a", "is an", "is the" or "are the"
/// within its first fifteen words ("The Conference … (CICA) is an intergovernmental forum").
fn is_definition(lowers: &[&str]) -> bool {
    lowers.windows(2).take(15).any(|w| matches!(w[0], "is" | "are") && matches!(w[1], "a" | "an" | "the"))
}

fn starts_upper(word: &str) -> bool {
    word.starts_with(char::is_uppercase)
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_missing_sum_or_number_costs_most_and_a_missing_name_more_than_a_missing_place() {
        // A budget is stated or not; a name the cues may miss is doubted, a place less so.
        assert!(Kinds::AMOUNT.missing_factor() < Kinds::NUMBER.missing_factor());
        assert!(Kinds::NUMBER.missing_factor() < Kinds::PERSON.missing_factor());
        assert!(Kinds::PERSON.missing_factor() < Kinds::PLACE.missing_factor());
        assert_eq!(Kinds::default().missing_factor(), 1.0);
    }
    use super::*;
    use crate::search::text::words;

    fn kinds(text: &str) -> Kinds {
        let words = words(text);
        let pairs: Vec<(&str, &str)> = words.iter().map(|w| (&text[w.range.clone()], w.lower.as_str())).collect();
        Kinds::of(text, &pairs)
    }

    #[test]
    fn counts_are_quantities_not_years_ordinals_or_days() {
        assert!(kinds("convened 3 meetings").contains(Kinds::NUMBER));
        assert!(kinds("a twofold increase").contains(Kinds::NUMBER));
        assert!(kinds("twenty countries joined").contains(Kinds::NUMBER));
        assert!(kinds("к форуму присоединились двадцать стран").contains(Kinds::NUMBER));
        assert!(!kinds("one of the residents").contains(Kinds::NUMBER));
        assert!(kinds("361 first-year students").contains(Kinds::NUMBER));
        assert!(!kinds("the 3rd meeting").contains(Kinds::NUMBER));
        assert!(!kinds("held on November 29, 2016 in Baku").contains(Kinds::NUMBER));
        assert!(!kinds("held on 9 November 2017").contains(Kinds::NUMBER));
    }

    #[test]
    fn dates_include_month_names() {
        assert!(kinds("GABALA, Azerbaijan, October 7.").contains(Kinds::DATE));
        assert!(kinds("in 2019").contains(Kinds::DATE));
        assert!(!kinds("in Almaty").contains(Kinds::DATE));
    }

    #[test]
    fn amounts_name_a_currency() {
        assert!(kinds("The budget is $2.4 million.").contains(Kinds::AMOUNT));
        assert!(kinds("It was financed with 5 million dollars.").contains(Kinds::AMOUNT));
        assert!(kinds("Выделено 100 млн рублей.").contains(Kinds::AMOUNT));
        assert!(!kinds("The forum brought together 240 participants.").contains(Kinds::AMOUNT));
        assert!(!kinds("The dollar remained strong.").contains(Kinds::AMOUNT));
    }

    #[test]
    fn the_words_of_a_date_and_a_place_are_found_for_comparing_with_the_question() {
        let text = "The 2nd meeting was held on 9 November 2017 in Istanbul by 3 ministers.";
        let words = words(text);
        let pairs: Vec<(&str, &str)> = words.iter().map(|w| (&text[w.range.clone()], w.lower.as_str())).collect();
        let lowers: Vec<&str> = pairs.iter().map(|(_, lower)| *lower).collect();
        let at = |positions: Vec<usize>| positions.into_iter().map(|i| pairs[i].0).collect::<Vec<_>>();
        assert_eq!(at(date_words(&lowers)), ["9", "November", "2017"]);
        assert_eq!(at(place_words(&pairs)), ["Istanbul"]);
    }

    #[test]
    fn future_events_are_told_apart_from_past_ones() {
        assert!(kinds("The next meeting will take place in 2025 in China.").contains(Kinds::FUTURE));
        assert!(!kinds("The meeting took place on February 1, 2024.").contains(Kinds::FUTURE));
        let next = Intent { upcoming: true, ..Intent::default() };
        assert!(Kinds::asked(next).contains(Kinds::FUTURE));
    }

    #[test]
    fn places_follow_a_preposition() {
        assert!(kinds("The summit was held in Almaty.").contains(Kinds::PLACE));
        assert!(kinds("Встреча прошла в Ташкенте.").contains(Kinds::PLACE));
        assert!(kinds("They met at the Palace of Independence.").contains(Kinds::PLACE));
        assert!(!kinds("It was held in October.").contains(Kinds::PLACE));
        assert!(!kinds("in 2019 they agreed").contains(Kinds::PLACE));
        assert!(!kinds("cooperation in digital transformation").contains(Kinds::PLACE));
    }

    #[test]
    fn definitions_say_what_something_is() {
        assert!(
            kinds("The Conference (CICA) is an intergovernmental forum aimed at peace.").contains(Kinds::DEFINITION)
        );
        assert!(!kinds("Tokayev praised the contribution of CICA to peace.").contains(Kinds::DEFINITION));
    }

    #[test]
    fn people_are_named_by_office_or_surname() {
        assert!(kinds("President Kassym-Jomart Tokayev proposed it.").contains(Kinds::PERSON));
        assert!(kinds("The minister spoke first.").contains(Kinds::PERSON));
        assert!(kinds("Sherzod Shermatov signed.").contains(Kinds::PERSON));
        assert!(!kinds("The ministries signed a memorandum in Baku.").contains(Kinds::PERSON));
        assert!(!kinds("Members approved the plan of events.").contains(Kinds::PERSON));
    }
}
