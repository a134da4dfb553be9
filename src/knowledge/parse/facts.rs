//! `facts.toml`: curated questions whose answers must quote a document word for word.

use std::collections::{HashMap, HashSet};

use serde::Deserialize;
use toml::Spanned;

use super::{is_valid_id, Problems, Source};
use crate::knowledge::{Document, Fact};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FactsFile {
    #[serde(default)]
    fact: Vec<Spanned<RawFact>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFact {
    id: Spanned<String>,
    question: String,
    #[serde(default)]
    alternates: Vec<String>,
    answer: Spanned<String>,
    source: Spanned<String>,
}

/// Collapses runs of whitespace so quotes can be compared with the text they come from.
fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub(super) fn parse_facts(
    text: &str,
    documents: &[Document],
    document_ids: &HashMap<String, usize>,
    problems: &mut Problems,
) -> Vec<Fact> {
    let source = Source { file: "facts.toml", text, first_line: 1 };
    let Some(file) = source.parse::<FactsFile>(problems) else {
        return Vec::new();
    };
    let bodies: Vec<String> = documents
        .iter()
        .map(|d| collapse_whitespace(&d.paragraphs.iter().map(|p| p.text.as_str()).collect::<Vec<_>>().join(" ")))
        .collect();
    let mut seen = HashSet::new();
    let mut facts = Vec::new();
    for entry in file.fact {
        let line = source.line(entry.span());
        let raw = entry.into_inner();
        let id = raw.id.get_ref().clone();
        let before = problems.list.len();
        if !is_valid_id(&id) {
            problems.add(
                "facts.toml",
                source.line(raw.id.span()),
                format!("fact id '{id}' must use only a-z, 0-9 and '-'"),
            );
        } else if !seen.insert(id.clone()) {
            problems.add("facts.toml", source.line(raw.id.span()), format!("duplicate fact id '{id}'"));
        }
        if raw.question.trim().is_empty() {
            problems.add("facts.toml", line, format!("fact '{id}': question is empty"));
        }
        let document = document_ids.get(raw.source.get_ref().as_str()).copied();
        if document.is_none() {
            problems.add(
                "facts.toml",
                source.line(raw.source.span()),
                format!("fact '{id}': source '{}' is not the id of any document in documents/", raw.source.get_ref()),
            );
        }
        let answer = collapse_whitespace(raw.answer.get_ref());
        if answer.is_empty() {
            problems.add("facts.toml", source.line(raw.answer.span()), format!("fact '{id}': answer is empty"));
        } else if let Some(doc) = document {
            if !bodies[doc].contains(&answer) {
                problems.add(
                    "facts.toml",
                    source.line(raw.answer.span()),
                    format!(
                        "fact '{id}': answer is not a verbatim quote of {}; copy the sentence from the document",
                        documents[doc].path
                    ),
                );
            }
        }
        if problems.list.len() == before {
            facts.push(Fact {
                id,
                question: raw.question.trim().to_string(),
                alternates: raw.alternates.into_iter().filter(|a| !a.trim().is_empty()).collect(),
                answer,
                document: document.unwrap_or_default(),
            });
        }
    }
    facts
}
