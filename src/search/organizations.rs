//! Which organizations each unit is about: its document's `organizations` (a meeting's own
//! organization for a calendar entry), read as the canonical names of their alias groups, so
//! that a question naming one organization is not answered from another's text.

use std::collections::{HashMap, HashSet};

use super::units::{Unit, UnitKind};
use crate::knowledge::Knowledge;

/// The organizations of each document and meeting, by canonical alias name.
#[derive(Debug, Default)]
pub(super) struct Organizations {
    by_document: Vec<Vec<String>>,
    by_meeting: Vec<Vec<String>>,
    /// Canonical names of the alias groups that some document or meeting lists as its
    /// organization; other alias groups name places, people, programmes.
    names: HashSet<String>,
}

impl Organizations {
    /// Reads the organizations of `knowledge`'s documents and meetings.
    pub fn of(knowledge: &Knowledge) -> Organizations {
        // Every form of every alias group, lowercased, to its canonical name: one lookup per
        // listed organization however large the knowledge.
        let forms: HashMap<String, &str> = knowledge
            .aliases
            .iter()
            .flat_map(|a| a.forms.iter().chain([&a.canonical]).map(move |f| (f.to_lowercase(), a.canonical.as_str())))
            .collect();
        let canonical = |code: &String| forms.get(&code.to_lowercase()).map(|c| c.to_string());
        let by_document: Vec<Vec<String>> =
            knowledge.documents.iter().map(|d| d.organizations.iter().filter_map(canonical).collect()).collect();
        let by_meeting: Vec<Vec<String>> =
            knowledge.meetings.iter().map(|m| canonical(&m.organization).into_iter().collect()).collect();
        let names = by_document.iter().chain(&by_meeting).flatten().cloned().collect();
        Organizations { by_document, by_meeting, names }
    }

    /// True when `canonical` names an organization some unit is about.
    pub fn is_organization(&self, canonical: &str) -> bool {
        self.names.contains(canonical)
    }

    /// The organizations `unit` is about; empty when its source says nothing of them.
    pub fn of_unit(&self, unit: &Unit) -> &[String] {
        let listed = match unit.kind {
            UnitKind::Meeting(i) => self.by_meeting.get(i),
            _ => self.by_document.get(unit.document),
        };
        listed.map_or(&[], Vec::as_slice)
    }
}
