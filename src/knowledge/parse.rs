//! Reading the knowledge folder: walks its files, parses each with the module for its kind
//! (`documents.rs`, `facts.rs`, `meetings.rs`, `vocabulary.rs` for aliases and synonyms) and
//! collects every problem with its file line. The shared pieces live here: the problem list,
//! TOML spans mapped to file lines, ids and dates.

mod documents;
mod facts;
mod meetings;
mod vocabulary;

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use super::{Knowledge, LoadError, PartialDate, Problem};
use documents::parse_document;
use facts::parse_facts;
use meetings::parse_meetings;
use vocabulary::{parse_aliases, parse_synonyms};

/// Collects problems for one folder so they can be reported together.
struct Problems {
    dir: PathBuf,
    list: Vec<Problem>,
}

impl Problems {
    fn add(&mut self, file: &str, line: usize, message: impl Into<String>) {
        self.list.push(Problem { path: self.dir.join(file), line, message: message.into() });
    }
}

/// A file's text with a line offset, so spans inside embedded TOML map to file lines.
struct Source<'a> {
    file: &'a str,
    text: &'a str,
    first_line: usize,
}

impl Source<'_> {
    fn line(&self, span: Range<usize>) -> usize {
        let end = span.start.min(self.text.len());
        self.first_line + self.text[..end].matches('\n').count()
    }

    /// Parses TOML, reporting a syntax or shape error at its line.
    fn parse<T: for<'de> Deserialize<'de>>(&self, problems: &mut Problems) -> Option<T> {
        match toml::from_str::<T>(self.text) {
            Ok(value) => Some(value),
            Err(err) => {
                let line = err.span().map_or(self.first_line, |s| self.line(s));
                problems.add(self.file, line, format!("invalid TOML: {}", err.message().trim().replace('\n', "; ")));
                None
            }
        }
    }
}

pub(super) fn load_folder(dir: &Path) -> Result<Knowledge, LoadError> {
    let documents_dir = dir.join("documents");
    let entries = std::fs::read_dir(&documents_dir)
        .map_err(|source| LoadError::Folder { path: documents_dir.clone(), source })?;
    let mut problems = Problems { dir: dir.to_path_buf(), list: Vec::new() };

    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|ext| ext == "md"))
        .collect();
    files.sort();

    let mut knowledge = Knowledge::default();
    let mut document_ids: HashMap<String, usize> = HashMap::new();
    for path in files {
        let relative = format!("documents/{}", path.file_name().unwrap_or_default().to_string_lossy());
        let text = match read_text(&path) {
            Ok(text) => text,
            Err(message) => {
                problems.add(&relative, 0, message);
                continue;
            }
        };
        if let Some((doc, id_line)) = parse_document(&relative, &text, &mut problems) {
            if let Some(&first) = document_ids.get(&doc.id) {
                let first_path = knowledge.documents[first].path.clone();
                problems.add(&relative, id_line, format!("duplicate document id '{}' (also in {first_path})", doc.id));
                continue;
            }
            document_ids.insert(doc.id.clone(), knowledge.documents.len());
            knowledge.documents.push(doc);
        }
    }
    if knowledge.documents.is_empty() && problems.list.is_empty() {
        problems.add("documents", 0, "no documents (*.md) found; add at least one source document");
    }

    if let Some(text) = read_optional(dir, "facts.toml", &mut problems) {
        knowledge.facts = parse_facts(&text, &knowledge.documents, &document_ids, &mut problems);
    }
    if let Some(text) = read_optional(dir, "meetings.toml", &mut problems) {
        knowledge.meetings = parse_meetings(&text, &document_ids, &mut problems);
    }
    if let Some(text) = read_optional(dir, "aliases.toml", &mut problems) {
        (knowledge.aliases, knowledge.translations) = parse_aliases(&text, &mut problems);
    }

    if let Some(text) = read_optional(dir, "synonyms.toml", &mut problems) {
        knowledge.synonyms = parse_synonyms(&text, &mut problems);
    }

    if problems.list.is_empty() {
        Ok(knowledge)
    } else {
        Err(LoadError::Problems(problems.list))
    }
}

fn read_text(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read file: {e}"))?;
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "not valid UTF-8 text (first bad byte at offset {}); save the file as UTF-8",
            e.utf8_error().valid_up_to()
        )
    })
}

/// Reads an optional top-level file; `None` when it is absent or unreadable (the latter reported).
fn read_optional(dir: &Path, file: &str, problems: &mut Problems) -> Option<String> {
    let path = dir.join(file);
    if !path.exists() {
        return None;
    }
    read_text(&path).map_err(|message| problems.add(file, 0, message)).ok()
}

fn is_valid_id(id: &str) -> bool {
    !id.is_empty() && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn parse_date(value: &Spanned<String>, source: &Source, problems: &mut Problems) -> Option<PartialDate> {
    let parsed = PartialDate::parse(value.get_ref());
    if parsed.is_none() {
        problems.add(
            source.file,
            source.line(value.span()),
            format!("date '{}' is not a real date written YYYY-MM-DD, YYYY-MM or YYYY", value.get_ref()),
        );
    }
    parsed
}
