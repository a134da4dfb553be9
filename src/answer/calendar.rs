//! Calendar hits: the line describing a meeting, the meetings ahead (or an organization's
//! most recent one when none is), and the meetings that match a question, as the bot's own
//! listing citing `meetings.toml`.

use chrono::NaiveDate;

use super::{Citation, Hit, HitKind, Listing};
use crate::i18n::Lang;
use crate::knowledge::{AliasGroup, Knowledge, Meeting};
use crate::meetings;
use crate::search::{Engine, Ranking, UnitKind};

/// One line describing a meeting in `lang`: title — date, place (status).
pub fn meeting_line(meeting: &Meeting, lang: Lang) -> String {
    let mut details = Vec::new();
    match meeting.date {
        Some(date) => details.push(lang.date(date)),
        None => details.push(lang.texts().date_not_set.to_string()),
    }
    if let Some(place) = &meeting.place {
        details.push(place.clone());
    }
    format!("{} — {} ({})", meeting.title, details.join(", "), lang.status(meeting.status))
}

/// Most meetings one calendar listing shows.
const LISTED: usize = 8;

fn calendar_hit(knowledge: &Knowledge, indices: &[usize], listing: Listing, score: f32) -> Option<Hit> {
    indices.first()?;
    let meetings: Vec<usize> = indices.iter().copied().take(LISTED).collect();
    let lines: Vec<String> = meetings.iter().map(|&i| meeting_line(&knowledge.meetings[i], Lang::En)).collect();
    let english = Lang::En.texts();
    let header = listing.header(english);
    // A listing is the bot's own summary of the calendar, so it cites the calendar file.
    let citation = Citation {
        title: english.calendar_title.to_string(),
        source: "meetings.toml".to_string(),
        url: None,
        organizations: Vec::new(),
        date: None,
        publisher: None,
    };
    Some(Hit {
        kind: HitKind::Calendar,
        line: None,
        meetings,
        listing: Some(listing),
        snippet: format!("{header}\n{}", lines.join("\n")),
        highlights: Vec::new(),
        citation,
        score,
    })
}

/// The alias groups the question names that some meeting is held by or in ("OTS", "Baku"):
/// a person or a topic the question names does not narrow the calendar.
fn calendar_mentions<'k>(knowledge: &'k Knowledge, ranking: &Ranking) -> Vec<&'k AliasGroup> {
    knowledge
        .aliases
        .iter()
        .filter(|g| ranking.plan.mentioned.contains(&g.canonical))
        .filter(|g| knowledge.meetings.iter().any(|m| is_by_or_in(m, g)))
        .collect()
}

/// True when the meeting is held by the alias group's organization or in its place.
fn is_by_or_in(meeting: &Meeting, group: &AliasGroup) -> bool {
    group.forms.iter().any(|f| {
        meeting.organization.eq_ignore_ascii_case(f)
            || meeting.place.as_deref().is_some_and(|p| p.to_lowercase().contains(&f.to_lowercase()))
    })
}

/// The meetings ahead, only those of the organizations and places the question names. When
/// it names some and none of theirs is ahead, their most recent meeting, said as such: the
/// other organizations' plans do not answer "when is the next OTS summit?".
pub(super) fn upcoming_hit(knowledge: &Knowledge, ranking: &Ranking, today: NaiveDate) -> Option<Hit> {
    let mut ahead = meetings::upcoming(&knowledge.meetings, today);
    ahead.extend(meetings::undated_plans(&knowledge.meetings));
    let mentions = calendar_mentions(knowledge, ranking);
    if mentions.is_empty() {
        return calendar_hit(knowledge, &ahead, Listing::Upcoming, 1.0);
    }
    let theirs = |i: &usize| mentions.iter().any(|g| is_by_or_in(&knowledge.meetings[*i], g));
    let ahead: Vec<usize> = ahead.into_iter().filter(theirs).collect();
    if !ahead.is_empty() {
        return calendar_hit(knowledge, &ahead, Listing::Upcoming, 1.0);
    }
    let last: Vec<usize> = meetings::recent(&knowledge.meetings, today).into_iter().filter(theirs).take(1).collect();
    calendar_hit(knowledge, &last, Listing::NoneUpcoming, 1.0)
}

pub(super) fn listing_hit(knowledge: &Knowledge, engine: &Engine, ranking: &Ranking) -> Option<Hit> {
    let best = ranking.candidates.first()?.coverage;
    let mut found: Vec<usize> = ranking
        .candidates
        .iter()
        .filter(|c| c.coverage >= best * 0.8)
        .filter_map(|c| match engine.units()[c.unit].kind {
            UnitKind::Meeting(i) => Some(i),
            _ => None,
        })
        .collect();
    if found.len() < 2 {
        return None;
    }
    meetings::chronological(&knowledge.meetings, &mut found);
    calendar_hit(knowledge, &found, Listing::Matching, 1.0)
}
