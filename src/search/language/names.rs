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
}
