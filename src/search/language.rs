//! General language resources: English synonyms (WordNet), Russian and Turkish words in
//! English (FreeDict, inverted), the core vocabulary of the Turkic languages, suffix stripping
//! for agglutinative forms, ordinals, and Cyrillic-to-Latin transliteration of names.
//!
//! The data is built by `scripts/build_language_data.py` and committed under
//! `src/search/data/` (licences in its README), so nothing is downloaded at build or run time.
//! Tables are parsed once per process, on first use.

use std::collections::HashMap;
use std::sync::OnceLock;

type Table = HashMap<&'static str, Vec<&'static str>>;

fn parse(text: &'static str) -> Table {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split_once('\t'))
        .map(|(key, values)| (key, values.split('|').filter(|v| !v.is_empty()).collect()))
        .collect()
}

fn english_synonym_table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| parse(include_str!("data/en-synonyms.tsv")))
}

/// Foreign word -> English words: the hand-written Turkic tables first, then the dictionaries.
fn foreign_tables() -> &'static [Table; 4] {
    static TABLES: OnceLock<[Table; 4]> = OnceLock::new();
    TABLES.get_or_init(|| {
        [
            parse(include_str!("data/turkic-core.tsv")),
            parse(include_str!("data/turkic-general.tsv")),
            parse(include_str!("data/ru-en.tsv")),
            parse(include_str!("data/tr-en.tsv")),
        ]
    })
}

fn abbreviation_table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| parse(include_str!("data/abbreviations.tsv")))
}

/// The full English words for an informal abbreviation or clipped word in English or Russian
/// (`intl` -> international, `минцифры` -> ministry of digital development), if it is one.
pub fn expand_abbreviation(lower: &str) -> Option<&'static str> {
    let key = lower.replace(is_apostrophe, "");
    abbreviation_table().get(key.as_str()).and_then(|v| v.first().copied())
}

/// English synonyms and derivationally related words of a lowercase English word, most
/// frequent sense first (WordNet). Empty for unknown words.
pub fn english_synonyms(lower: &str) -> &'static [&'static str] {
    english_synonym_table().get(lower).map_or(&[], Vec::as_slice)
}

/// English words for a lowercase Russian, Turkish or Turkic word, if a dictionary knows it.
pub fn to_english(lower: &str) -> Option<&'static [&'static str]> {
    let key = lower.replace(is_apostrophe, "");
    foreign_tables().iter().find_map(|t| t.get(key.as_str())).map(Vec::as_slice)
}

/// True for a Turkic question word ("эмне", "качан", "қанча") or function word ("жана",
/// "менен"): Kazakh or Kyrgyz written without their own letters still shows itself by these,
/// while the loanwords the Turkic tables share with Russian («саммит», «форум») do not count.
pub fn is_turkic_question_or_function_word(lower: &str) -> bool {
    const QUESTION_WORDS: &[&str] = &["what", "when", "where", "who", "which", "how many", "how much", "why"];
    let [core, ..] = foreign_tables();
    let asks = core.get(lower).is_some_and(|english| english.iter().any(|e| QUESTION_WORDS.contains(e)));
    asks || is_turkic_function_word(lower)
}

/// American spellings of a British-spelt English word, most specific first ("organised" ->
/// "organized", "programme" -> "program", "centre" -> "center", "favour" -> "favor",
/// "defence" -> "defense", "travelled" -> "traveled"). Empty when no rule applies; the
/// caller keeps a variant only if the knowledge uses it.
pub fn american_spellings(lower: &str) -> Vec<String> {
    const ENDINGS: &[(&str, &str)] = &[
        ("isations", "izations"),
        ("isation", "ization"),
        ("ising", "izing"),
        ("ised", "ized"),
        ("ises", "izes"),
        ("iser", "izer"),
        ("isers", "izers"),
        ("ise", "ize"),
        ("yse", "yze"),
        ("ysed", "yzed"),
        ("ysing", "yzing"),
        ("programmes", "programs"),
        ("programme", "program"),
        ("ogue", "og"),
        ("ogues", "ogs"),
        ("tres", "ters"),
        ("tre", "ter"),
        ("ence", "ense"),
        ("lled", "led"),
        ("lling", "ling"),
        ("ller", "ler"),
        ("llers", "lers"),
    ];
    if lower.chars().count() < 5 || !lower.is_ascii() {
        return Vec::new();
    }
    let mut out: Vec<String> = ENDINGS
        .iter()
        .filter_map(|(british, american)| lower.strip_suffix(british).map(|stem| format!("{stem}{american}")))
        .collect();
    // "favour", "labour", "behaviour", "colours", "neighbouring": "our" before the last letters.
    if let Some(at) = lower.rfind("our").filter(|&at| at >= 3 && lower.len() - at <= 7) {
        out.push(format!("{}or{}", &lower[..at], &lower[at + 3..]));
    }
    out
}

/// True for the conjunctions, postpositions and particles of the Turkic languages ("va",
/// "uchun", «бойынша», "üçün", "için"), which carry no topic.
pub fn is_turkic_function_word(lower: &str) -> bool {
    static WORDS: OnceLock<std::collections::HashSet<&'static str>> = OnceLock::new();
    WORDS
        .get_or_init(|| include_str!("data/turkic-stop-words.txt").lines().filter(|l| !l.starts_with('#')).collect())
        .contains(lower)
}

/// True for words of the bundled list of common English words (wordfreq).
pub fn is_common_english_word(lower: &str) -> bool {
    static WORDS: OnceLock<std::collections::HashSet<&'static str>> = OnceLock::new();
    WORDS
        .get_or_init(|| include_str!("english-words.txt").lines().filter(|l| !l.starts_with('#')).collect())
        .contains(lower)
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '‘' | '`' | 'ʻ')
}

/// Case, possessive and plural endings of Uzbek, Kazakh, Kyrgyz, Azerbaijani and Turkish,
/// longest first within each script. Stripping them one at a time recovers the dictionary
/// form of most nouns (`uchrashuvini` -> `uchrashuvi` -> `uchrashuv`, `Алматыда` -> `Алматы`).
const LATIN_SUFFIXES: &[&str] = &[
    "larining",
    "larning",
    "lerinin",
    "larının",
    "ların",
    "lerin",
    "ların",
    "ləri",
    "ları",
    "leri",
    "lari",
    "larda",
    "lerde",
    "lərdə",
    "lardan",
    "lerden",
    "lərdən",
    "dagi",
    "daki",
    "deki",
    "dəki",
    "ning",
    "nin",
    "nın",
    "nun",
    "nün",
    "dan",
    "den",
    "dən",
    "tan",
    "ten",
    "lar",
    "ler",
    "lər",
    "sini",
    "sının",
    "sinin",
    "ini",
    "ını",
    "ga",
    "ka",
    "qa",
    "ge",
    "ke",
    "da",
    "de",
    "də",
    "ta",
    "te",
    "ni",
    "nı",
    "nu",
    "nü",
    "na",
    "nə",
    "ne",
    "si",
    "sı",
    "su",
    "sü",
    "ya",
    "ye",
    "yə",
    "in",
    "ın",
    "un",
    "ün",
    "i",
    "ı",
    "u",
    "ü",
    "a",
    "e",
    "ə",
];
const CYRILLIC_SUFFIXES: &[&str] = &[
    "ларының",
    "лерінің",
    "лардың",
    "лердің",
    "дағы",
    "дегі",
    "тағы",
    "тегі",
    "даги",
    "дагы",
    "деги",
    "ның",
    "нің",
    "дың",
    "дің",
    "тың",
    "тің",
    "нын",
    "нин",
    "дын",
    "дин",
    "тын",
    "тин",
    "нинг",
    "нун",
    "нүн",
    "дун",
    "дүн",
    "тун",
    "түн",
    "дон",
    "дөн",
    "тон",
    "төн",
    "ында",
    "інде",
    "нда",
    "нде",
    "дан",
    "ден",
    "тан",
    "тен",
    "нан",
    "нен",
    "лар",
    "лер",
    "дар",
    "дер",
    "тар",
    "тер",
    "лор",
    "лөр",
    "ға",
    "ге",
    "қа",
    "ке",
    "га",
    "ка",
    "да",
    "де",
    "та",
    "те",
    "ны",
    "ні",
    "ды",
    "ді",
    "ты",
    "ті",
    "ни",
    "сы",
    "сі",
    "си",
    // Kyrgyz rounded-vowel forms of the possessive, accusative and dative.
    "су",
    "сү",
    "ну",
    "нү",
    "ду",
    "дү",
    "ту",
    "тү",
    "на",
    "не",
    "го",
    "гө",
    "ко",
    "кө",
    "ын",
    "ін",
    "ы",
    "і",
    "и",
    "а",
    "е",
    "у",
    "ү",
];

/// Shorter forms of a word with Turkic endings removed, longest first; never shorter than
/// three letters. The caller keeps the first one the knowledge knows.
pub fn without_suffixes(lower: &str) -> Vec<String> {
    let suffixes = if super::is_cyrillic(lower) { CYRILLIC_SUFFIXES } else { LATIN_SUFFIXES };
    let mut out: Vec<String> = Vec::new();
    let mut frontier = vec![lower.to_string()];
    for _ in 0..3 {
        let mut next = Vec::new();
        for word in &frontier {
            for suffix in suffixes {
                if let Some(stem) = word.strip_suffix(suffix) {
                    let stem = stem.trim_end_matches(is_apostrophe);
                    for stem in [stem.to_string(), unvoiced(stem)] {
                        if stem.chars().count() >= 3 && !out.contains(&stem) {
                            out.push(stem.clone());
                            next.push(stem);
                        }
                    }
                }
            }
        }
        frontier = next;
    }
    out.sort_by_key(|s| std::cmp::Reverse(s.chars().count()));
    out
}

/// The stem with a final g/ğ/ғ/г back as the k/q/қ/к it was before a vowel ending
/// (`xavfsizligi` -> `xavfsizlik`, `коопсуздугу` -> `коопсуздук`); the stem itself otherwise.
fn unvoiced(stem: &str) -> String {
    let mut chars: Vec<char> = stem.chars().collect();
    let back = match chars.last() {
        Some('g') if chars.len() >= 2 && matches!(chars[chars.len() - 2], 'i' | 'ı' | 'u' | 'ü') => 'k',
        Some('ğ') => 'k',
        Some('ғ') => 'қ',
        Some('г') => 'к',
        _ => return stem.to_string(),
    };
    chars.pop();
    chars.push(back);
    chars.into_iter().collect()
}

/// The number a Turkic ending is attached to (`2026'da`, `2026da`, `2019-yilda`, `2020жылы`
/// -> `2026`, `2019`, `2020`): digits followed by letters that are case endings or a word for
/// "year". `None` for other words, and for English ordinals (`4th`).
pub fn number_with_ending(lower: &str) -> Option<&str> {
    const YEAR_WORDS: &[&str] = &[
        "yil",
        "yili",
        "yilda",
        "yildan",
        "yıl",
        "yılı",
        "yılında",
        "yılda",
        "il",
        "ildə",
        "ili",
        "жыл",
        "жылы",
        "жылғы",
        "жылдын",
        "жылда",
        "йил",
        "йили",
        "йилда",
    ];
    let digits = lower.find(|c: char| !c.is_ascii_digit())?;
    if digits == 0 {
        return None;
    }
    let tail: String = lower[digits..].chars().filter(|&c| !is_apostrophe(c) && c != '-').collect();
    let suffixes = if super::is_cyrillic(&tail) { CYRILLIC_SUFFIXES } else { LATIN_SUFFIXES };
    let ending = YEAR_WORDS.contains(&tail.as_str())
        || YEAR_WORDS.iter().any(|y| tail.strip_prefix(y).is_some_and(|rest| suffixes.contains(&rest)))
        || suffixes.contains(&tail.as_str());
    ending.then(|| &lower[..digits])
}

/// The Latin spelling of a Cyrillic word (Russian, Kazakh, Kyrgyz, Uzbek letters), in the
/// common English transliteration: `Садиков` -> `sadikov`, `Тоқаев` -> `tokaev`.
pub fn transliterate(lower: &str) -> String {
    let mut out = String::with_capacity(lower.len());
    for c in lower.chars() {
        let latin = match c {
            'а' | 'ә' => "a",
            'б' => "b",
            'в' => "v",
            'г' | 'ғ' => "g",
            'д' => "d",
            'е' | 'э' => "e",
            'ё' => "yo",
            'ж' => "zh",
            'з' => "z",
            'и' | 'і' => "i",
            'й' => "y",
            'к' | 'қ' => "k",
            'л' => "l",
            'м' => "m",
            'н' => "n",
            'ң' => "ng",
            'о' | 'ө' | 'ў' => "o",
            'п' => "p",
            'р' => "r",
            'с' => "s",
            'т' => "t",
            'у' | 'ұ' | 'ү' => "u",
            'ф' => "f",
            'х' | 'ҳ' | 'һ' => "kh",
            'ц' => "ts",
            'ч' => "ch",
            'ш' => "sh",
            'щ' => "shch",
            'ъ' | 'ь' => "",
            'ы' => "y",
            'ю' => "yu",
            'я' => "ya",
            other => {
                out.push(other);
                continue;
            }
        };
        out.push_str(latin);
    }
    out
}

/// A spelling-neutral key for comparing names across transliterations: Cyrillic is
/// transliterated, Turkic letters folded (ə -> a, ş -> sh, q -> k, x -> kh), and the usual
/// variants unified (zh/j, kh/h, -yev/-ev, y/i), so `Ахметжанов` and `Akhmetjanov`,
/// `Toqayev` and `Tokayev` share a key or differ by a letter.
pub fn name_key(lower: &str) -> String {
    let latin = transliterate(lower);
    let mut folded = String::with_capacity(latin.len());
    for c in latin.chars() {
        match c {
            'ə' | 'ä' | 'â' => folded.push('a'),
            'ı' | 'î' | 'ì' => folded.push('i'),
            'ş' => folded.push_str("sh"),
            'ç' => folded.push_str("ch"),
            'ğ' => folded.push('g'),
            'ö' | 'ô' => folded.push('o'),
            'ü' | 'û' => folded.push('u'),
            'ñ' => folded.push('n'),
            'q' => folded.push('k'),
            'x' => folded.push('h'),
            c if is_apostrophe(c) || c == '-' => {}
            c => folded.push(c),
        }
    }
    folded
        .replace("dzh", "j")
        .replace("zh", "j")
        .replace("kh", "h")
        .replace("yev", "ev")
        .replace("iy", "i")
        .replace('y', "i")
        .replace("ii", "i")
}

/// English ordinal for an ordinal word in English, Russian or a Turkic language ("third",
/// "третий", "uchinchi", "üçüncü" -> `3rd`), so that "the third meeting" finds "3rd meeting".
pub fn ordinal(lower: &str) -> Option<&'static str> {
    const ORDINALS: &[(&[&str], &str)] = &[
        (&["first", "перв", "birinchi", "бірінші", "биринчи", "birinci"], "1st"),
        (&["second", "втор", "ikkinchi", "екінші", "экинчи", "ikinci"], "2nd"),
        (&["third", "трет", "uchinchi", "үшінші", "үчүнчү", "üçüncü"], "3rd"),
        (&["fourth", "четверт", "четвёрт", "tortinchi", "төртінші", "төртүнчү", "dördüncü"], "4th"),
        (&["fifth", "пят", "beshinchi", "бесінші", "бешинчи", "beşinci"], "5th"),
        (&["sixth", "шест", "oltinchi", "алтыншы", "altınchı", "altıncı"], "6th"),
        (&["seventh", "седьм", "yettinchi", "жетінші", "yedinci"], "7th"),
        (&["eighth", "восьм", "sakkizinchi", "сегізінші", "sekizinci"], "8th"),
        (&["ninth", "девят", "toqqizinchi", "тоғызыншы", "dokuzuncu"], "9th"),
        (&["tenth", "десят", "oninchi", "оныншы", "onuncu"], "10th"),
        (&["eleventh", "одиннадцат"], "11th"),
        (&["twelfth", "двенадцат"], "12th"),
    ];
    const RUSSIAN_ENDINGS: &[&str] = &[
        "ый", "ий", "ой", "ая", "ья", "ое", "ье", "ого", "его", "ьего", "ую", "ью", "ом", "ем", "ые", "ьи", "ых",
        "ьей", "ей",
    ];
    let word = lower.replace(is_apostrophe, "");
    ORDINALS.iter().find_map(|(forms, ordinal)| {
        forms
            .iter()
            .any(|f| {
                if super::is_cyrillic(f) && !f.ends_with(['і', 'ы', 'и', 'ү']) {
                    word.strip_prefix(f).is_some_and(|end| RUSSIAN_ENDINGS.contains(&end))
                } else {
                    word == *f
                }
            })
            .then_some(*ordinal)
    })
}

/// The ordinal that a number and a Russian ending spell (`3` + `е`, `12` + `го`), or an
/// Uzbek/Kazakh `3-` prefix, as the English `3rd`.
pub fn numbered_ordinal(number: &str, ending: &str) -> Option<String> {
    const ENDINGS: &[&str] = &[
        "е", "й", "я", "го", "му", "м", "ю", "х", "ое", "ий", "ый", "ая", "ой", "ая", "ші", "шы", "nchi", "inchi",
        "chi", "чи", "нчи", "ci", "cı", "cu", "cü", "nci", "ncı", "ncu", "ncü", "inci", "ıncı", "uncu", "üncü", "чы",
        "нчы", "ынчы", "инчи", "үнчү", "ыншы", "інші",
    ];
    let n: u32 = number.parse().ok()?;
    if !ENDINGS.contains(&ending) || n == 0 || n > 100 {
        return None;
    }
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    Some(format!("{n}{suffix}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn british_spellings_have_american_variants() {
        let american = |w: &str| american_spellings(w);
        assert!(american("organised").contains(&"organized".to_string()));
        assert!(american("programmes").contains(&"programs".to_string()));
        assert!(american("centre").contains(&"center".to_string()));
        assert!(american("favourable").contains(&"favorable".to_string()));
        assert!(american("defence").contains(&"defense".to_string()));
        assert!(american("travelled").contains(&"traveled".to_string()));
        assert!(american("four").is_empty() && american("source").iter().all(|w| w != "sorce"));
    }

    #[test]
    fn turkic_endings_are_stripped_to_the_dictionary_form() {
        assert!(without_suffixes("uchrashuvini").contains(&"uchrashuv".to_string()));
        assert!(without_suffixes("qəbələdə").contains(&"qəbələ".to_string()));
        assert!(without_suffixes("алматыда").contains(&"алматы".to_string()));
        assert!(without_suffixes("tokayevning").contains(&"tokayev".to_string()));
        assert!(without_suffixes("xavfsizligini").contains(&"xavfsizlik".to_string()));
        assert!(without_suffixes("тмунун").contains(&"тму".to_string()));
        assert!(without_suffixes("өнүгүүсү").contains(&"өнүгүү".to_string()));
        assert!(without_suffixes("келишимине").contains(&"келишим".to_string()));
    }

    #[test]
    fn a_number_keeps_its_value_under_a_turkic_ending() {
        assert_eq!(number_with_ending("2026'da"), Some("2026"));
        assert_eq!(number_with_ending("2026da"), Some("2026"));
        assert_eq!(number_with_ending("2020жылы"), Some("2020"));
        assert_eq!(number_with_ending("4th"), None);
        assert_eq!(number_with_ending("2026"), None);
    }

    #[test]
    fn names_in_other_scripts_and_spellings_share_a_key() {
        assert_eq!(name_key("садиков"), name_key("sadikov"));
        assert_eq!(name_key("ахметжанов"), name_key("akhmetjanov"));
        assert_eq!(name_key("toqayev"), name_key("tokayev"));
        assert_eq!(name_key("тоқаев"), name_key("tokaev"));
    }

    #[test]
    fn ordinals_in_every_language_become_english_ordinals() {
        assert_eq!(ordinal("третья"), Some("3rd"));
        assert_eq!(ordinal("первое"), Some("1st"));
        assert_eq!(ordinal("uchinchi"), Some("3rd"));
        assert_eq!(ordinal("third"), Some("3rd"));
        assert_eq!(ordinal("пятница"), None);
        assert_eq!(numbered_ordinal("3", "е").as_deref(), Some("3rd"));
        assert_eq!(numbered_ordinal("12", "й").as_deref(), Some("12th"));
        assert_eq!(numbered_ordinal("3", "meetings"), None);
        assert_eq!(numbered_ordinal("12", "ci").as_deref(), Some("12th"));
        assert_eq!(numbered_ordinal("6", "чы").as_deref(), Some("6th"));
    }

    #[test]
    fn dictionaries_translate_common_words() {
        assert!(to_english("qachon").is_some_and(|e| e.contains(&"when")));
        assert!(to_english("toplantı").is_some_and(|e| e.contains(&"meeting")));
    }

    #[test]
    fn clipped_words_expand_to_full_english_words() {
        assert_eq!(expand_abbreviation("int'l"), Some("international"));
        assert_eq!(expand_abbreviation("минцифры"), Some("ministry of digital development"));
        assert_eq!(expand_abbreviation("international"), None);
        assert!(english_synonyms("propose").contains(&"suggest"));
    }
}
