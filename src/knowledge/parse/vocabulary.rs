//! Words that mean the same: `aliases.toml` (groups of equivalent names and Russian words
//! with their English counterparts) and `synonyms.toml` (interchangeable English words).

use std::collections::HashMap;

use serde::Deserialize;
use toml::Spanned;

use super::{Problems, Source};
use crate::knowledge::{AliasGroup, Translation};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AliasesFile {
    #[serde(default)]
    alias: Vec<Spanned<RawAlias>>,
    #[serde(default)]
    translation: Vec<Spanned<RawTranslation>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SynonymsFile {
    #[serde(default)]
    synonym: Vec<Spanned<RawSynonym>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSynonym {
    words: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAlias {
    canonical: String,
    forms: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTranslation {
    ru: Vec<String>,
    en: Vec<String>,
}

pub(super) fn parse_aliases(text: &str, problems: &mut Problems) -> (Vec<AliasGroup>, Vec<Translation>) {
    let source = Source { file: "aliases.toml", text, first_line: 1 };
    let Some(file) = source.parse::<AliasesFile>(problems) else {
        return (Vec::new(), Vec::new());
    };
    let mut owner: HashMap<String, String> = HashMap::new();
    let mut groups = Vec::new();
    for entry in file.alias {
        let line = source.line(entry.span());
        let raw = entry.into_inner();
        let forms: Vec<String> = std::iter::once(raw.canonical.clone())
            .chain(raw.forms)
            .map(|f| f.trim().to_string())
            .filter(|f| !f.is_empty())
            .collect();
        let mut unique = Vec::new();
        for form in forms {
            let key = form.to_lowercase();
            match owner.get(&key) {
                Some(other) if *other != raw.canonical => {
                    problems.add(
                        "aliases.toml",
                        line,
                        format!("alias '{form}' of '{}' is already an alias of '{other}'", raw.canonical),
                    );
                }
                Some(_) => {}
                None => {
                    owner.insert(key, raw.canonical.clone());
                    unique.push(form);
                }
            }
        }
        if unique.len() < 2 {
            problems.add(
                "aliases.toml",
                line,
                format!("alias group '{}' needs at least one other form", raw.canonical),
            );
        }
        groups.push(AliasGroup { canonical: raw.canonical.trim().to_string(), forms: unique });
    }
    let mut translations = Vec::new();
    for entry in file.translation {
        let line = source.line(entry.span());
        let raw = entry.into_inner();
        if raw.ru.is_empty() || raw.en.is_empty() {
            problems.add("aliases.toml", line, "translation needs at least one word in both ru and en");
            continue;
        }
        translations.push(Translation { russian: raw.ru, english: raw.en });
    }
    (groups, translations)
}

pub(super) fn parse_synonyms(text: &str, problems: &mut Problems) -> Vec<Vec<String>> {
    let source = Source { file: "synonyms.toml", text, first_line: 1 };
    let Some(file) = source.parse::<SynonymsFile>(problems) else { return Vec::new() };
    let mut groups = Vec::new();
    for entry in file.synonym {
        let line = source.line(entry.span());
        let words: Vec<String> =
            entry.into_inner().words.into_iter().map(|w| w.trim().to_string()).filter(|w| !w.is_empty()).collect();
        if words.len() < 2 {
            problems.add("synonyms.toml", line, "a synonym group needs at least two words");
            continue;
        }
        groups.push(words);
    }
    groups
}
