//! Names across scripts: Cyrillic-to-Latin transliteration and the spelling-neutral key that
//! lets one name written in several transliterations match.

use super::is_apostrophe;

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

/// The Uzbek Latin spelling of an Uzbek Cyrillic word, apostrophes left out as the word
/// tables write their keys (`давлатлари` -> `davlatlari`, `ўтказилди` -> `otkazildi`), so the
/// tables' Latin entries serve both scripts. `None` for a word with letters Uzbek lacks
/// (Kazakh ә, ө, ү, ұ, і, ң, һ).
pub fn uzbek_latin(lower: &str) -> Option<String> {
    let mut out = String::with_capacity(lower.len());
    for (n, c) in lower.chars().enumerate() {
        let latin = match c {
            'а' => "a",
            'б' => "b",
            'в' => "v",
            'г' | 'ғ' => "g",
            'д' => "d",
            // At the start of a word Uzbek writes е as "ye".
            'е' if n == 0 => "ye",
            'е' | 'э' => "e",
            'ё' => "yo",
            'ж' => "j",
            'з' => "z",
            'и' => "i",
            'й' => "y",
            'к' => "k",
            'қ' => "q",
            'л' => "l",
            'м' => "m",
            'н' => "n",
            'о' | 'ў' => "o",
            'п' => "p",
            'р' => "r",
            'с' | 'ц' => "s",
            'т' => "t",
            'у' => "u",
            'ф' => "f",
            'х' => "x",
            'ҳ' => "h",
            'ч' => "ch",
            'ш' => "sh",
            'ъ' | 'ь' => "",
            'ю' => "yu",
            'я' => "ya",
            'ә' | 'ө' | 'ү' | 'ұ' | 'і' | 'ң' | 'һ' | 'ы' | 'щ' => return None,
            c if is_apostrophe(c) => "",
            c if c.is_ascii() => {
                out.push(c);
                continue;
            }
            _ => return None,
        };
        out.push_str(latin);
    }
    Some(out)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_other_scripts_and_spellings_share_a_key() {
        assert_eq!(name_key("садиков"), name_key("sadikov"));
        assert_eq!(name_key("ахметжанов"), name_key("akhmetjanov"));
        assert_eq!(name_key("toqayev"), name_key("tokayev"));
        assert_eq!(name_key("тоқаев"), name_key("tokaev"));
    }

    #[test]
    fn uzbek_cyrillic_is_spelt_as_the_word_tables_key_uzbek_latin() {
        assert_eq!(uzbek_latin("давлатлари").as_deref(), Some("davlatlari"));
        assert_eq!(uzbek_latin("ўтказилди").as_deref(), Some("otkazildi"));
        assert_eq!(uzbek_latin("ҳамкорлиги").as_deref(), Some("hamkorligi"));
        assert_eq!(uzbek_latin("навбатдаги").as_deref(), Some("navbatdagi"));
        assert_eq!(uzbek_latin("мәселелер"), None, "a Kazakh letter");
    }
}
