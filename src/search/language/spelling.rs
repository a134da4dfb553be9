//! British to American spelling: the regular endings (-ise, -tre, -our, -ence, -lled,
//! -programme) rewritten, so a British spelling the knowledge lacks reaches its American form.

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
}
