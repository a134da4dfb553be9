//! The knowledge folder: documents, curated facts, the meetings calendar and aliases.
//!
//! This module owns reading `knowledge/` from disk into typed values and validating it.
//! Every problem is collected and reported as `path:line: message`, so an admin can fix a
//! whole folder in one pass; a broken file never panics the loader.
//!
//! Layout of the folder:
//! - `documents/*.md`: one source document each, TOML front matter between `+++` lines,
//!   then the cleaned text, paragraphs separated by blank lines.
//! - `facts.toml`: `[[fact]]` question/answer entries quoting a document.
//! - `meetings.toml`: `[[meeting]]` calendar entries.
//! - `aliases.toml`: `[[alias]]` groups of equivalent names and `[[translation]]` Russian words.
//! - `synonyms.toml`: `[[synonym]]` groups of interchangeable English words and descriptions.

mod date;
pub mod diff;
mod parse;

use std::fmt;
use std::path::{Path, PathBuf};

use chrono::NaiveTime;
use chrono_tz::Tz;

pub use date::{month_name, PartialDate};

/// Everything the bot knows, as loaded from one knowledge folder.
#[derive(Debug, Clone, Default)]
pub struct Knowledge {
    pub documents: Vec<Document>,
    pub facts: Vec<Fact>,
    pub meetings: Vec<Meeting>,
    pub aliases: Vec<AliasGroup>,
    pub translations: Vec<Translation>,
    /// Groups of interchangeable English words and descriptive names.
    pub synonyms: Vec<Vec<String>>,
}

/// A cleaned source document.
#[derive(Debug, Clone)]
pub struct Document {
    pub id: String,
    pub title: String,
    /// Short names of the organizations concerned (`OTS`, `SCO`, ...).
    pub organizations: Vec<String>,
    pub date: Option<PartialDate>,
    /// What the date means: `published` or `updated`.
    pub date_label: Option<String>,
    pub url: Option<String>,
    pub publisher: Option<String>,
    /// Path inside the knowledge folder, with `/` separators (`documents/000-x.md`).
    pub path: String,
    pub paragraphs: Vec<Paragraph>,
}

/// A block of text between blank lines; its lines are never joined into one sentence.
#[derive(Debug, Clone)]
pub struct Paragraph {
    pub text: String,
    /// 1-based line of the block's first line in the document file.
    pub line: usize,
}

/// A curated question and the quote from a document that answers it.
#[derive(Debug, Clone)]
pub struct Fact {
    pub id: String,
    pub question: String,
    pub alternates: Vec<String>,
    pub answer: String,
    /// Index into [`Knowledge::documents`].
    pub document: usize,
}

/// Whether a meeting took place, is scheduled or only proposed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MeetingStatus {
    Held,
    Planned,
    Proposed,
}

impl MeetingStatus {
    pub fn as_str(&self) -> &'static str {
        match self {
            MeetingStatus::Held => "held",
            MeetingStatus::Planned => "planned",
            MeetingStatus::Proposed => "proposed",
        }
    }
}

/// One calendar entry: a meeting, summit, forum or agreement.
#[derive(Debug, Clone)]
pub struct Meeting {
    pub id: String,
    pub title: String,
    /// `meeting`, `summit`, `forum` or `agreement`.
    pub kind: String,
    pub organization: String,
    pub place: Option<String>,
    pub date: Option<PartialDate>,
    pub time: Option<NaiveTime>,
    pub timezone: Option<Tz>,
    pub status: MeetingStatus,
    /// Index into [`Knowledge::documents`].
    pub document: usize,
    pub summary: String,
}

/// Names that mean the same thing (`OTS`, `Turkic Council`, `ОТГ`, ...).
#[derive(Debug, Clone)]
pub struct AliasGroup {
    pub canonical: String,
    pub forms: Vec<String>,
}

/// Russian words and the English words the sources use for them.
#[derive(Debug, Clone)]
pub struct Translation {
    pub russian: Vec<String>,
    pub english: Vec<String>,
}

/// One problem in the knowledge folder, located as precisely as the file allows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Path as given to the loader joined with the file name.
    pub path: PathBuf,
    /// 1-based line; 0 when the problem concerns the whole file.
    pub line: usize,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.path.display(), self.message)
        } else {
            write!(f, "{}:{}: {}", self.path.display(), self.line, self.message)
        }
    }
}

/// Why a knowledge folder could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{}: cannot read the knowledge folder: {source}; set --knowledge or KNOWLEDGE_DIR to the folder that holds documents/ and facts.toml", path.display())]
    Folder { path: PathBuf, source: std::io::Error },
    #[error("{} problem(s) in the knowledge folder:\n{}", .0.len(), .0.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("\n"))]
    Problems(Vec<Problem>),
}

impl LoadError {
    /// The individual problems (empty for an unreadable folder).
    pub fn problems(&self) -> &[Problem] {
        match self {
            LoadError::Problems(problems) => problems,
            LoadError::Folder { .. } => &[],
        }
    }
}

/// Loads and validates the knowledge folder at `dir`, collecting every problem.
pub fn load(dir: &Path) -> Result<Knowledge, LoadError> {
    parse::load_folder(dir)
}

impl Knowledge {
    /// Number of passages the documents split into (paragraphs).
    pub fn paragraph_count(&self) -> usize {
        self.documents.iter().map(|d| d.paragraphs.len()).sum()
    }

    /// The document with this id.
    pub fn document_by_id(&self, id: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.id == id)
    }
}
