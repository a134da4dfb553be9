//! Stemming: the English or Russian Snowball stemmer chosen by script, with ordinals in any
//! language stemmed to the English ordinal and superlatives to their adjective.

use frostem::{Algorithm, Stemmer};

use super::{is_cyrillic, words};
use crate::search::language;

/// Stems words with the English or Russian Snowball stemmer, chosen by script.
pub struct Analyzer {
    english: Stemmer,
    russian: Stemmer,
}

impl Default for Analyzer {
    fn default() -> Self {
        Analyzer { english: Stemmer::new(Algorithm::English), russian: Stemmer::new(Algorithm::Russian) }
    }
}

impl Analyzer {
    /// The stem of one lowercase word. Ordinals in any language stem to the English ordinal
    /// (`third`, `третий`, `uchinchi` -> `3rd`), as the documents write them.
    pub fn stem(&self, lower: &str) -> String {
        if let Some(ordinal) = language::ordinal(lower) {
            ordinal.to_string()
        } else if is_cyrillic(lower) {
            self.russian.stem(&lower.replace('ё', "е")).into_owned()
        } else {
            let base = irregular_base(lower).map(str::to_string).or_else(|| superlative_base(lower));
            self.english.stem(base.as_deref().unwrap_or(lower)).into_owned()
        }
    }

    /// The stems of every word of `text`, in order.
    pub fn stems(&self, text: &str) -> Vec<String> {
        words(text).iter().map(|w| self.stem(&w.lower)).collect()
    }
}

/// English irregular verb forms and their base, so "met" finds "meeting", "took place" finds
/// "will take place" and "spoke" finds "speaking" (Snowball only strips regular endings).
/// Forms that are more often another word ("left", "found", "saw", "rose", "felt") are left out.
const IRREGULAR_VERBS: &[(&str, &str)] = &[
    ("arisen", "arise"),
    ("arose", "arise"),
    ("became", "become"),
    ("began", "begin"),
    ("begun", "begin"),
    ("bought", "buy"),
    ("broke", "break"),
    ("broken", "break"),
    ("brought", "bring"),
    ("built", "build"),
    ("came", "come"),
    ("chose", "choose"),
    ("chosen", "choose"),
    ("did", "do"),
    ("done", "do"),
    ("drawn", "draw"),
    ("drew", "draw"),
    ("driven", "drive"),
    ("drove", "drive"),
    ("gave", "give"),
    ("given", "give"),
    ("gone", "go"),
    ("grew", "grow"),
    ("grown", "grow"),
    ("held", "hold"),
    ("kept", "keep"),
    ("knew", "know"),
    ("known", "know"),
    ("led", "lead"),
    ("made", "make"),
    ("met", "meet"),
    ("paid", "pay"),
    ("ran", "run"),
    ("risen", "rise"),
    ("said", "say"),
    ("sent", "send"),
    ("shown", "show"),
    ("sold", "sell"),
    ("sought", "seek"),
    ("spent", "spend"),
    ("spoke", "speak"),
    ("spoken", "speak"),
    ("stood", "stand"),
    ("taken", "take"),
    ("taught", "teach"),
    ("thought", "think"),
    ("told", "tell"),
    ("took", "take"),
    ("understood", "understand"),
    ("undertaken", "undertake"),
    ("undertook", "undertake"),
    ("went", "go"),
    ("withdrawn", "withdraw"),
    ("withdrew", "withdraw"),
    ("won", "win"),
    ("written", "write"),
    ("wrote", "write"),
];

/// The base of an English irregular verb form (`met` -> `meet`).
fn irregular_base(lower: &str) -> Option<&'static str> {
    IRREGULAR_VERBS.binary_search_by(|(form, _)| form.cmp(&lower)).ok().map(|i| IRREGULAR_VERBS[i].1)
}

/// The adjective of a superlative the Snowball stemmer keeps whole: `biggest` -> `big`,
/// `strongest` -> `strong`, `largest` -> `large`, `earliest` -> `early`; only when the result
/// is a common English word, so `interest` or `request` stay as they are.
fn superlative_base(lower: &str) -> Option<String> {
    // Common words that end in -est without being superlatives.
    const NOT_SUPERLATIVES: &[&str] = &[
        "interest", "request", "forest", "harvest", "honest", "modest", "suggest", "protest", "contest", "digest",
        "invest", "arrest", "manifest", "conquest", "inquest", "earnest", "bequest", "attest", "detest", "infest",
    ];
    if NOT_SUPERLATIVES.iter().any(|w| lower.ends_with(w)) {
        return None;
    }
    let base = lower.strip_suffix("est").filter(|b| b.len() >= 3)?;
    let common = language::is_common_english_word;
    let bytes = base.as_bytes();
    let undoubled =
        (bytes.len() >= 2 && bytes[bytes.len() - 1] == bytes[bytes.len() - 2]).then(|| &base[..base.len() - 1]);
    let candidates = [
        undoubled.map(str::to_string),
        base.strip_suffix('i').map(|b| format!("{b}y")),
        Some(format!("{base}e")),
        Some(base.to_string()),
    ];
    candidates.into_iter().flatten().find(|c| c.len() >= 3 && common(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_unify_inflections_in_both_languages() {
        let a = Analyzer::default();
        assert_eq!(a.stem("meetings"), a.stem("meeting"));
        assert_eq!(a.stem("встречи"), a.stem("встреча"));
        assert_eq!(a.stem("biggest"), a.stem("big"));
        assert_eq!(a.stem("strongest"), a.stem("strong"));
        assert_eq!(a.stem("largest"), a.stem("large"));
        assert_eq!(a.stem("interest"), "interest");
        assert_eq!(a.stem("met"), a.stem("meeting"));
        assert_eq!(a.stem("took"), a.stem("take"));
        assert_eq!(a.stem("held"), a.stem("holding"));
    }

    #[test]
    fn the_irregular_verbs_are_sorted_for_binary_search() {
        assert!(IRREGULAR_VERBS.windows(2).all(|w| w[0].0 < w[1].0));
    }
}
