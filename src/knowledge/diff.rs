//! What changed between two loads of the knowledge folder: documents by file, facts by id and
//! meetings by id and title. Pure: it compares two [`Knowledge`] values and touches no disk.
//!
//! Documents are matched by their path in the folder, facts and meetings by their id. An entry
//! counts as changed when anything an answer could show differs; a fact or meeting that only
//! points at a document that moved within the list (its index) is not a change.

use std::collections::BTreeMap;

use super::{Document, Fact, Knowledge, Meeting};

/// The changes from one knowledge folder to the next, each list sorted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diff {
    /// Paths (`documents/010-x.md`) of documents that appeared.
    pub documents_added: Vec<String>,
    pub documents_removed: Vec<String>,
    /// Documents whose front matter or text changed.
    pub documents_changed: Vec<String>,
    /// Fact ids.
    pub facts_added: Vec<String>,
    pub facts_removed: Vec<String>,
    pub facts_changed: Vec<String>,
    /// Meetings as (id, title); a removed meeting shows its old title.
    pub meetings_added: Vec<(String, String)>,
    pub meetings_removed: Vec<(String, String)>,
    pub meetings_changed: Vec<(String, String)>,
}

impl Diff {
    /// Whether the two folders are the same for everything the diff looks at.
    pub fn is_empty(&self) -> bool {
        *self == Diff::default()
    }
}

/// The changes that turn `old` into `new`.
pub fn diff(old: &Knowledge, new: &Knowledge) -> Diff {
    let (documents_added, documents_removed, documents_changed) = compare(
        &by_key(&old.documents, |d| d.path.clone(), document_print),
        &by_key(&new.documents, |d| d.path.clone(), document_print),
    );
    let (facts_added, facts_removed, facts_changed) = compare(
        &by_key(&old.facts, |f| f.id.clone(), |f| fact_print(f, old)),
        &by_key(&new.facts, |f| f.id.clone(), |f| fact_print(f, new)),
    );
    let old_meetings = by_key(&old.meetings, |m| m.id.clone(), |m| meeting_print(m, old));
    let new_meetings = by_key(&new.meetings, |m| m.id.clone(), |m| meeting_print(m, new));
    let (added, removed, changed) = compare(&old_meetings, &new_meetings);
    let titled = |ids: Vec<String>, from: &Knowledge| -> Vec<(String, String)> {
        ids.into_iter()
            .map(|id| {
                let title = from.meetings.iter().find(|m| m.id == id).map(|m| m.title.clone()).unwrap_or_default();
                (id, title)
            })
            .collect()
    };
    Diff {
        documents_added,
        documents_removed,
        documents_changed,
        facts_added,
        facts_removed,
        facts_changed,
        meetings_added: titled(added, new),
        meetings_removed: titled(removed, old),
        meetings_changed: titled(changed, new),
    }
}

/// Each item's key and a fingerprint of its content.
fn by_key<T>(items: &[T], key: impl Fn(&T) -> String, print: impl Fn(&T) -> String) -> BTreeMap<String, String> {
    items.iter().map(|item| (key(item), print(item))).collect()
}

/// Keys only in `new`, keys only in `old`, and keys in both whose fingerprints differ.
fn compare(old: &BTreeMap<String, String>, new: &BTreeMap<String, String>) -> (Vec<String>, Vec<String>, Vec<String>) {
    let added = new.keys().filter(|k| !old.contains_key(*k)).cloned().collect();
    let removed = old.keys().filter(|k| !new.contains_key(*k)).cloned().collect();
    let changed =
        new.iter().filter(|(k, print)| old.get(*k).is_some_and(|p| p != *print)).map(|(k, _)| k.clone()).collect();
    (added, removed, changed)
}

// The fingerprints use `Debug`, which covers every field, so a field added to these types
// later is compared without anyone remembering to list it here.
fn document_print(document: &Document) -> String {
    format!("{document:?}")
}

fn document_path(knowledge: &Knowledge, index: usize) -> &str {
    knowledge.documents.get(index).map_or("", |d| d.path.as_str())
}

fn fact_print(fact: &Fact, knowledge: &Knowledge) -> String {
    let detached = Fact { document: 0, ..fact.clone() };
    format!("{detached:?} in {}", document_path(knowledge, fact.document))
}

fn meeting_print(meeting: &Meeting, knowledge: &Knowledge) -> String {
    let detached = Meeting { document: 0, ..meeting.clone() };
    format!("{detached:?} in {}", document_path(knowledge, meeting.document))
}

#[cfg(test)]
mod tests {
    use super::super::{MeetingStatus, Paragraph};
    use super::*;

    fn document(path: &str, text: &str) -> Document {
        Document {
            id: path.trim_start_matches("documents/").trim_end_matches(".md").into(),
            title: "T".into(),
            organizations: vec!["SCO".into()],
            date: None,
            date_label: None,
            url: None,
            publisher: None,
            path: path.into(),
            paragraphs: vec![Paragraph { text: text.into(), line: 5 }],
        }
    }

    fn meeting(id: &str, title: &str, document: usize) -> Meeting {
        Meeting {
            id: id.into(),
            title: title.into(),
            kind: "meeting".into(),
            organization: "SCO".into(),
            place: None,
            date: None,
            time: None,
            timezone: None,
            status: MeetingStatus::Planned,
            document,
            summary: String::new(),
        }
    }

    fn fact(id: &str, answer: &str, document: usize) -> Fact {
        Fact { id: id.into(), question: "Q?".into(), alternates: vec![], answer: answer.into(), document }
    }

    #[test]
    fn identical_folders_have_no_changes() {
        let k = Knowledge {
            documents: vec![document("documents/a.md", "x")],
            facts: vec![fact("f", "x", 0)],
            meetings: vec![meeting("m", "M", 0)],
            ..Knowledge::default()
        };
        assert!(diff(&k, &k.clone()).is_empty());
    }

    #[test]
    fn additions_removals_and_changes_are_named() {
        let old = Knowledge {
            documents: vec![document("documents/a.md", "x"), document("documents/b.md", "y")],
            facts: vec![fact("kept", "x", 0), fact("gone", "y", 1)],
            meetings: vec![meeting("m1", "First", 0), meeting("m2", "Second", 1)],
            ..Knowledge::default()
        };
        let new = Knowledge {
            documents: vec![document("documents/a.md", "x changed"), document("documents/c.md", "z")],
            facts: vec![fact("kept", "x", 0), fact("new", "z", 1)],
            meetings: vec![meeting("m1", "First, renamed", 0), meeting("m3", "Third", 1)],
            ..Knowledge::default()
        };
        let d = diff(&old, &new);
        assert_eq!(d.documents_added, ["documents/c.md"]);
        assert_eq!(d.documents_removed, ["documents/b.md"]);
        assert_eq!(d.documents_changed, ["documents/a.md"]);
        assert_eq!(d.facts_added, ["new"]);
        assert_eq!(d.facts_removed, ["gone"]);
        assert!(d.facts_changed.is_empty());
        assert_eq!(d.meetings_added, [("m3".to_string(), "Third".to_string())]);
        assert_eq!(d.meetings_removed, [("m2".to_string(), "Second".to_string())]);
        assert_eq!(d.meetings_changed, [("m1".to_string(), "First, renamed".to_string())]);
    }

    #[test]
    fn a_document_moving_in_the_list_does_not_change_its_facts_or_meetings() {
        let old = Knowledge {
            documents: vec![document("documents/b.md", "y")],
            facts: vec![fact("f", "y", 0)],
            meetings: vec![meeting("m", "M", 0)],
            ..Knowledge::default()
        };
        let new = Knowledge {
            documents: vec![document("documents/a.md", "x"), document("documents/b.md", "y")],
            facts: vec![fact("f", "y", 1)],
            meetings: vec![meeting("m", "M", 1)],
            ..Knowledge::default()
        };
        let d = diff(&old, &new);
        assert_eq!(d.documents_added, ["documents/a.md"]);
        assert!(d.facts_changed.is_empty() && d.meetings_changed.is_empty(), "{d:?}");
    }
}
