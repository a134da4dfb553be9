//! Reading the knowledge files: TOML front matter, fact/meeting/alias tables, validation.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::path::{Path, PathBuf};

use chrono::NaiveTime;
use chrono_tz::Tz;
use serde::Deserialize;
use toml::Spanned;

use super::{
    AliasGroup, Document, Fact, Knowledge, LoadError, Meeting, MeetingStatus, Paragraph, PartialDate, Problem,
    Translation,
};

const FRONT_MATTER_FENCE: &str = "+++";
const MEETING_KINDS: [&str; 4] = ["meeting", "summit", "forum", "agreement"];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    id: Spanned<String>,
    title: Spanned<String>,
    #[serde(default)]
    organizations: Vec<String>,
    date: Option<Spanned<String>>,
    date_label: Option<Spanned<String>>,
    url: Option<Spanned<String>>,
    publisher: Option<String>,
    /// The raw page this document was cleaned from; kept for provenance only.
    #[allow(dead_code)]
    seed: Option<String>,
}

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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MeetingsFile {
    #[serde(default)]
    meeting: Vec<Spanned<RawMeeting>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMeeting {
    id: Spanned<String>,
    title: String,
    kind: Spanned<String>,
    organization: String,
    place: Option<String>,
    date: Option<Spanned<String>>,
    time: Option<Spanned<String>>,
    timezone: Option<Spanned<String>>,
    status: Spanned<String>,
    source: Spanned<String>,
    #[serde(default)]
    summary: String,
}

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

/// Parses one document; returns it with the line of its `id`, for duplicate reports.
fn parse_document(file: &str, text: &str, problems: &mut Problems) -> Option<(Document, usize)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.split_inclusive('\n');
    let opening = lines.next().unwrap_or_default();
    if opening.trim() != FRONT_MATTER_FENCE {
        problems.add(
            file,
            1,
            "missing front matter: the file must start with a '+++' line, the TOML metadata, then another '+++' line",
        );
        return None;
    }
    let front_start = opening.len();
    let mut offset = front_start;
    let mut front_end = None;
    for line in lines {
        if line.trim() == FRONT_MATTER_FENCE {
            front_end = Some(offset);
            offset += line.len();
            break;
        }
        offset += line.len();
    }
    let Some(front_end) = front_end else {
        problems.add(file, 1, "front matter is not closed: add a '+++' line after the metadata");
        return None;
    };
    let front_text = &text[front_start..front_end];
    let front_source = Source { file, text: front_text, first_line: 2 };
    let front: FrontMatter = front_source.parse(problems)?;
    let body_first_line = 2 + front_text.matches('\n').count() + 1;
    let body = &text[offset..];

    let before = problems.list.len();
    let id = front.id.get_ref().trim().to_string();
    if !is_valid_id(&id) {
        problems.add(file, front_source.line(front.id.span()), format!("id '{id}' must use only a-z, 0-9 and '-'"));
    }
    if front.title.get_ref().trim().is_empty() {
        problems.add(file, front_source.line(front.title.span()), "title is empty");
    }
    let date = front.date.as_ref().and_then(|d| parse_date(d, &front_source, problems));
    if let Some(label) = &front.date_label {
        if !["published", "updated"].contains(&label.get_ref().as_str()) {
            problems.add(
                file,
                front_source.line(label.span()),
                format!("date_label '{}' must be \"published\" or \"updated\"", label.get_ref()),
            );
        }
        if front.date.is_none() {
            problems.add(file, front_source.line(label.span()), "date_label given without a date");
        }
    }
    if let Some(url) = &front.url {
        if !(url.get_ref().starts_with("https://") || url.get_ref().starts_with("http://")) {
            problems.add(
                file,
                front_source.line(url.span()),
                format!("url '{}' must start with http:// or https://", url.get_ref()),
            );
        }
    }
    let paragraphs = split_paragraphs(body, body_first_line);
    if paragraphs.is_empty() {
        problems.add(file, body_first_line, "the document has no text after the front matter");
    }
    if problems.list.len() > before {
        return None;
    }
    let id_line = front_source.line(front.id.span());
    let document = Document {
        id,
        title: front.title.get_ref().trim().to_string(),
        organizations: front.organizations,
        date,
        date_label: front.date_label.map(Spanned::into_inner),
        url: front.url.map(Spanned::into_inner),
        publisher: front.publisher,
        path: file.to_string(),
        paragraphs,
    };
    Some((document, id_line))
}

/// Splits a body into blank-line-separated blocks, dropping list markers (`- `, `* `).
fn split_paragraphs(body: &str, first_line: usize) -> Vec<Paragraph> {
    let mut paragraphs = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    let mut start = first_line;
    for (i, raw) in body.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() {
            if !current.is_empty() {
                paragraphs.push(Paragraph { text: current.join("\n"), line: start });
                current.clear();
            }
            continue;
        }
        if current.is_empty() {
            start = first_line + i;
        }
        let item = line.strip_prefix("- ").or_else(|| line.strip_prefix("* ")).unwrap_or(line).trim();
        current.push(item);
    }
    if !current.is_empty() {
        paragraphs.push(Paragraph { text: current.join("\n"), line: start });
    }
    paragraphs
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

/// Collapses runs of whitespace so quotes can be compared with the text they come from.
fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn parse_facts(
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

fn parse_meetings(text: &str, document_ids: &HashMap<String, usize>, problems: &mut Problems) -> Vec<Meeting> {
    let source = Source { file: "meetings.toml", text, first_line: 1 };
    let Some(file) = source.parse::<MeetingsFile>(problems) else {
        return Vec::new();
    };
    let mut seen = HashSet::new();
    let mut meetings = Vec::new();
    for entry in file.meeting {
        let line = source.line(entry.span());
        let raw = entry.into_inner();
        let id = raw.id.get_ref().clone();
        let before = problems.list.len();
        let at = |s: &Spanned<String>| source.line(s.span());
        if !is_valid_id(&id) {
            problems.add("meetings.toml", at(&raw.id), format!("meeting id '{id}' must use only a-z, 0-9 and '-'"));
        } else if !seen.insert(id.clone()) {
            problems.add("meetings.toml", at(&raw.id), format!("duplicate meeting id '{id}'"));
        }
        if raw.title.trim().is_empty() {
            problems.add("meetings.toml", line, format!("meeting '{id}': title is empty"));
        }
        if !MEETING_KINDS.contains(&raw.kind.get_ref().as_str()) {
            problems.add(
                "meetings.toml",
                at(&raw.kind),
                format!("meeting '{id}': kind '{}' must be one of {}", raw.kind.get_ref(), MEETING_KINDS.join(", ")),
            );
        }
        let status = match raw.status.get_ref().as_str() {
            "held" => Some(MeetingStatus::Held),
            "planned" => Some(MeetingStatus::Planned),
            "proposed" => Some(MeetingStatus::Proposed),
            other => {
                problems.add(
                    "meetings.toml",
                    at(&raw.status),
                    format!("meeting '{id}': status '{other}' must be held, planned or proposed"),
                );
                None
            }
        };
        let date = raw.date.as_ref().and_then(|d| parse_date(d, &source, problems));
        let time = raw.time.as_ref().and_then(|t| {
            let parsed = NaiveTime::parse_from_str(t.get_ref(), "%H:%M").ok();
            if parsed.is_none() {
                problems.add(
                    "meetings.toml",
                    at(t),
                    format!("meeting '{id}': time '{}' must be HH:MM (24-hour)", t.get_ref()),
                );
            }
            parsed
        });
        let timezone = raw.timezone.as_ref().and_then(|z| {
            let parsed = z.get_ref().parse::<Tz>().ok();
            if parsed.is_none() {
                problems.add(
                    "meetings.toml",
                    at(z),
                    format!("meeting '{id}': timezone '{}' is not an IANA zone such as Asia/Almaty", z.get_ref()),
                );
            }
            parsed
        });
        if let Some(t) = &raw.time {
            if raw.timezone.is_none() {
                problems.add("meetings.toml", at(t), format!("meeting '{id}': a time needs a timezone"));
            }
            if date.is_some_and(|d| !d.is_exact()) {
                problems.add(
                    "meetings.toml",
                    at(t),
                    format!("meeting '{id}': a time needs an exact date (YYYY-MM-DD)"),
                );
            }
        }
        let document = document_ids.get(raw.source.get_ref().as_str()).copied();
        if document.is_none() {
            problems.add(
                "meetings.toml",
                at(&raw.source),
                format!(
                    "meeting '{id}': source '{}' is not the id of any document in documents/",
                    raw.source.get_ref()
                ),
            );
        }
        if problems.list.len() == before {
            meetings.push(Meeting {
                id,
                title: raw.title.trim().to_string(),
                kind: raw.kind.into_inner(),
                organization: raw.organization,
                place: raw.place,
                date,
                time,
                timezone,
                status: status.unwrap_or(MeetingStatus::Proposed),
                document: document.unwrap_or_default(),
                summary: raw.summary.trim().to_string(),
            });
        }
    }
    meetings
}

fn parse_aliases(text: &str, problems: &mut Problems) -> (Vec<AliasGroup>, Vec<Translation>) {
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

fn parse_synonyms(text: &str, problems: &mut Problems) -> Vec<Vec<String>> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_keep_their_first_line_and_drop_list_markers() {
        let body = "First para\ncontinues.\n\n- item one\n- item two\n\n\nLast.";
        let paragraphs = split_paragraphs(body, 10);
        assert_eq!(paragraphs.len(), 3);
        assert_eq!(paragraphs[0].line, 10);
        assert_eq!(paragraphs[1].text, "item one\nitem two");
        assert_eq!(paragraphs[1].line, 13);
        assert_eq!(paragraphs[2].line, 17);
    }
}
