//! From a question to an [`Answer`]: ranked hits, calendar listings and a confidence verdict.
//!
//! Pure and transport-agnostic: no I/O, no markup. It decides whether the bot answers,
//! answers with a caveat, or declines, and cites the document behind every quote.

mod calendar;
mod followup;
mod lists;

use std::ops::Range;

use chrono::NaiveDate;

use calendar::{listing_hit, upcoming_hit};

pub use calendar::meeting_line;
pub use followup::{
    answer_in_context, context_of, cut_at_word, is_elliptical, known_instead, leans_on_previous, Context, InContext,
};

use crate::i18n::{Lang, Texts};
use crate::knowledge::{Document, Knowledge};
use crate::search::{speaks_of_future, words, Candidate, Engine, Ranking, UnitKind};

/// Most hits an answer carries.
pub const MAX_HITS: usize = 5;
/// Below this share of the question's weight, the best match is not an answer.
const DECLINE_BELOW: f32 = 0.4;
/// Below this, the answer is given with a caveat and suggestions.
const SURE_FROM: f32 = 0.65;
/// Hits below this share of the best hit's coverage are unrelated and left out.
const KEEP_RELATIVE: f32 = 0.6;

/// How confident the bot is in its answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confidence {
    /// The best hit covers the question well.
    Sure,
    /// The best hit is weak or others are as good: show it, but say so and offer suggestions.
    Unsure,
    /// Nothing relevant is known.
    Declined,
}

/// Where a hit comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HitKind {
    Passage,
    Fact,
    Meeting,
    /// A list of calendar entries made for the question (upcoming, or all that match).
    Calendar,
}

/// What a calendar listing lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Listing {
    /// Meetings still ahead, soonest first (with plans not dated yet).
    Upcoming,
    /// The meetings that match the question, in date order.
    Matching,
    /// None of the named organization's meetings is ahead: its most recent one instead.
    NoneUpcoming,
}

impl Listing {
    /// The listing's header in the language of `t`.
    pub fn header(self, t: &Texts) -> &'static str {
        match self {
            Listing::Upcoming => t.upcoming_header,
            Listing::Matching => t.matching_header,
            Listing::NoneUpcoming => t.none_upcoming_header,
        }
    }
}

/// One quoted answer with its citation.
#[derive(Debug, Clone)]
pub struct Hit {
    pub kind: HitKind,
    /// Verbatim text of the cited document, 1–3 sentences, for passages, facts and meetings;
    /// for a [`HitKind::Calendar`] listing, the bot's own lines (one meeting a line), citing
    /// `meetings.toml`.
    pub snippet: String,
    /// For a [`HitKind::Meeting`], the calendar line (title — date, place (status)) in the
    /// bot's own words, in English: shown beside the quote, never inside it.
    pub line: Option<String>,
    /// The meetings (indices into [`Knowledge::meetings`]) the hit is about: the meeting of a
    /// [`HitKind::Meeting`] hit, the listed ones of a [`HitKind::Calendar`] hit; so a view can
    /// write their lines in the reader's language.
    pub meetings: Vec<usize>,
    /// For a [`HitKind::Calendar`] hit, what the listing is.
    pub listing: Option<Listing>,
    /// Byte ranges of matched words within `snippet`.
    pub highlights: Vec<Range<usize>>,
    pub citation: Citation,
    pub score: f32,
}

/// The source document behind a hit.
#[derive(Debug, Clone, PartialEq)]
pub struct Citation {
    pub title: String,
    /// Path of the document inside the knowledge folder.
    pub source: String,
    pub url: Option<String>,
    pub organizations: Vec<String>,
    /// Human-readable date of the document, with its label (`updated 27 August 2021`).
    pub date: Option<String>,
    pub publisher: Option<String>,
}

impl Citation {
    /// The citation of a document.
    pub fn of(document: &Document) -> Citation {
        Citation {
            title: document.title.clone(),
            source: document.path.clone(),
            url: document.url.clone(),
            organizations: document.organizations.clone(),
            date: document.date.map(|d| match &document.date_label {
                Some(label) => format!("{label} {d}"),
                None => d.to_string(),
            }),
            publisher: document.publisher.clone(),
        }
    }
}

/// The bot's reply to one question, before any wording or markup.
#[derive(Debug, Clone)]
pub struct Answer {
    pub question: String,
    pub confidence: Confidence,
    /// Best first, at most [`MAX_HITS`]. A decline holds at most what is known instead: the
    /// most recent meeting when none is ahead.
    pub hits: Vec<Hit>,
    /// Curated questions close to the user's words, offered when unsure or declined.
    pub suggestions: Vec<String>,
}

impl Answer {
    /// True unless the bot declined.
    pub fn answered(&self) -> bool {
        self.confidence != Confidence::Declined
    }
}

/// Words that make a question about the calendar rather than about content.
const MEETING_WORDS: &[&str] = &[
    "meet",
    "summit",
    "forum",
    "session",
    "confer",
    "event",
    "gather",
    "встреч",
    "саммит",
    "форум",
    "заседан",
    "совещан",
    "конференц",
    "событи",
    "мероприят",
];

/// Answers `question` from `engine`, treating `today` as the current date.
pub fn answer(engine: &Engine, question: &str, today: NaiveDate) -> Answer {
    let ranking = engine.search(question);
    let knowledge = engine.knowledge();
    let asks_about_meetings = ranking.plan.groups.iter().any(|g| MEETING_WORDS.iter().any(|m| g.label.starts_with(m)));
    let intent = ranking.plan.intent;
    tracing::debug!(
        groups = ?ranking.plan.groups.iter().map(|g| (g.label.as_str(), g.alternatives.len(), g.weight)).collect::<Vec<_>>(),
        top = ?ranking.candidates.iter().take(3).map(|c| (c.unit, c.coverage, c.bm25, c.score)).collect::<Vec<_>>(),
        "ranked"
    );

    if intent.live_data || intent.page_request {
        return Answer {
            question: question.to_string(),
            confidence: Confidence::Declined,
            hits: Vec::new(),
            suggestions: Vec::new(),
        };
    }
    let mut hits = Vec::new();
    let best = ranking.candidates.first();
    let best_coverage = best.map_or(0.0, |c| c.coverage);
    let upcoming = (asks_about_meetings && intent.upcoming).then(|| upcoming_hit(knowledge, &ranking, today)).flatten();
    // "What is next for the SCO?" wants the calendar first; a question with its own details
    // ("next meeting of the RCC coordinating council in Tashkent") wants the best quote first.
    let generic = ranking.plan.groups.iter().all(|g| {
        MEETING_WORDS.iter().any(|m| g.label.starts_with(m)) || names_an_alias(knowledge, &ranking.plan.mentioned, g)
    });
    let mut upcoming_after_best = None;
    let calendar_only = generic && upcoming.is_some();
    if let Some(hit) = upcoming {
        if generic || best_coverage < SURE_FROM {
            hits.push(hit);
        } else {
            upcoming_after_best = Some(hit);
        }
    }
    if asks_about_meetings && intent.list && best_coverage >= DECLINE_BELOW {
        if let Some(hit) = listing_hit(knowledge, engine, &ranking) {
            hits.push(hit);
        }
    }

    // A bare "what's next?" is answered by the calendar alone: past meetings would be noise.
    if best_coverage >= DECLINE_BELOW && !calendar_only {
        for candidate in &ranking.candidates {
            if hits.len() >= MAX_HITS {
                break;
            }
            if candidate.coverage < best_coverage * KEEP_RELATIVE {
                continue;
            }
            let hit = candidate_hit(knowledge, engine, candidate);
            if hits.iter().any(|h: &Hit| overlaps(&h.snippet, &hit.snippet)) {
                continue;
            }
            hits.push(hit);
            if let Some(calendar) = upcoming_after_best.take() {
                hits.push(calendar);
            }
        }
    }

    // "When is the next OTS summit?" with none ahead in the calendar and no quote speaking of
    // one: what is asked is not known. The decline names the most recent one instead.
    let none_ahead = hits.iter().position(|h| h.listing == Some(Listing::NoneUpcoming));
    if let Some(at) = none_ahead {
        if !hits.iter().any(|h| h.listing.is_none() && speaks_of_future(&h.snippet)) {
            let known_instead = hits.remove(at);
            let suggestions = suggestions(engine, &ranking, question);
            return Answer {
                question: question.to_string(),
                confidence: Confidence::Declined,
                hits: vec![known_instead],
                suggestions,
            };
        }
    }
    let confidence = if hits.is_empty() {
        Confidence::Declined
    } else if best_coverage < SURE_FROM && hits.first().is_some_and(|h| h.kind != HitKind::Calendar) {
        Confidence::Unsure
    } else {
        Confidence::Sure
    };
    let suggestions = if confidence == Confidence::Sure { Vec::new() } else { suggestions(engine, &ranking, question) };
    Answer { question: question.to_string(), confidence, hits, suggestions }
}

/// True when the term group is the question naming one of the alias groups it mentions
/// ("SCO", "ШОС", "Turkic Council").
fn names_an_alias(knowledge: &Knowledge, mentioned: &[String], group: &crate::search::TermGroup) -> bool {
    let normalized = |form: &str| words(form).into_iter().map(|w| w.lower).collect::<Vec<_>>().join(" ");
    knowledge
        .aliases
        .iter()
        .filter(|a| mentioned.contains(&a.canonical))
        .any(|a| a.forms.iter().any(|f| normalized(f) == group.label))
}

/// True when one snippet repeats the other (a fact quoting the passage it comes from).
fn overlaps(a: &str, b: &str) -> bool {
    a.contains(b) || b.contains(a)
}

fn candidate_hit(knowledge: &Knowledge, engine: &Engine, candidate: &Candidate) -> Hit {
    let unit = &engine.units()[candidate.unit];
    let kind = match unit.kind {
        UnitKind::Passage => HitKind::Passage,
        UnitKind::Fact(_) => HitKind::Fact,
        UnitKind::Meeting(_) => HitKind::Meeting,
    };
    let document = &knowledge.documents[unit.document];
    let snippet = match unit.kind {
        UnitKind::Passage | UnitKind::Fact(_) => {
            lists::with_list_that_follows(document, &unit.text[candidate.snippet.clone()])
        }
        UnitKind::Meeting(_) => unit.text[candidate.snippet.clone()].to_string(),
    };
    let meetings = match unit.kind {
        UnitKind::Meeting(i) => vec![i],
        _ => Vec::new(),
    };
    Hit {
        kind,
        snippet,
        line: meetings.first().map(|&i| meeting_line(&knowledge.meetings[i], Lang::En)),
        meetings,
        listing: None,
        highlights: candidate.highlights.clone(),
        citation: Citation::of(document),
        score: candidate.score,
    }
}

/// Up to three curated questions among the best candidates, in the question's script where
/// the fact has a curated alternate in it (a Russian question gets Russian suggestions).
fn suggestions(engine: &Engine, ranking: &Ranking, asked: &str) -> Vec<String> {
    let knowledge = engine.knowledge();
    let cyrillic = crate::search::is_cyrillic(asked);
    let mut out: Vec<String> = Vec::new();
    for candidate in ranking.candidates.iter().filter(|c| c.coverage > 0.0) {
        if let UnitKind::Fact(i) = engine.units()[candidate.unit].kind {
            let fact = &knowledge.facts[i];
            let question = fact
                .alternates
                .iter()
                .find(|a| cyrillic && crate::search::is_cyrillic(a) && a.ends_with('?'))
                .unwrap_or(&fact.question);
            if !out.contains(question) {
                out.push(question.clone());
            }
        }
        if out.len() == 3 {
            break;
        }
    }
    out
}
