//! The admin replies as blocks: reload reports, the failure notice for automatic reloads,
//! `/stats` and `/unanswered`. Pure formatting over values the caller gathered.

use std::time::Duration;

use chrono::DateTime;

use super::reload::{Outcome, Trigger};
use super::{day_starts, expire_before, UNANSWERED_SHOWN};
use crate::conversation::{Block, Conversation, Counts, Message, Span};
use crate::i18n::{fill, Lang, Texts};
use crate::knowledge::diff::Diff;
use crate::store::unanswered::Reason;

/// Problems listed in a failure report; `ictbot check` shows them all.
pub const MAX_REPORTED_PROBLEMS: usize = 20;
/// Longest question shown in `/unanswered`, in characters.
const MAX_QUESTION_SHOWN: usize = 300;

fn text(text: impl Into<String>) -> Block {
    Block::Para(vec![Span::Text(text.into())])
}

fn message(blocks: Vec<Block>) -> Message {
    Message { blocks, buttons: Vec::new(), answers: None }
}

/// The reply to `/reload`.
pub(super) fn reload_message(outcome: &Outcome, lang: Lang) -> Message {
    let t = lang.texts();
    match outcome {
        Outcome::Reloaded { counts, took, diff } => {
            let mut blocks = vec![text(fill_owned(t.reloaded, &count_values(counts, took, lang)))];
            blocks.extend(diff_blocks(diff, t));
            message(blocks)
        }
        Outcome::Failed { problems, .. } => message(vec![text(t.reload_failed), problem_block(problems, t)]),
        Outcome::Busy => message(vec![text(t.reload_busy)]),
    }
}

/// The notice sent to admins when an automatic reload failed.
pub(super) fn automatic_failure_message(trigger: Trigger, problems: &[String], lang: Lang) -> Message {
    let t = lang.texts();
    message(vec![
        text(fill(t.auto_reload_failed, &[("trigger", trigger_text(trigger, t))])),
        problem_block(problems, t),
    ])
}

fn trigger_text(trigger: Trigger, t: &Texts) -> &'static str {
    match trigger {
        Trigger::Command => t.trigger_command,
        Trigger::Signal => t.trigger_signal,
        Trigger::Watch => t.trigger_watch,
    }
}

fn count_values(counts: &Counts, took: &Duration, lang: Lang) -> Vec<(&'static str, String)> {
    vec![
        ("documents", counts.documents.to_string()),
        ("facts", counts.facts.to_string()),
        ("meetings", counts.meetings.to_string()),
        ("took", lang.seconds(*took)),
    ]
}

fn fill_owned(template: &str, values: &[(&'static str, String)]) -> String {
    let values: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
    fill(template, &values)
}

/// One paragraph per kind of change, or "nothing changed".
fn diff_blocks(diff: &Diff, t: &Texts) -> Vec<Block> {
    if diff.is_empty() {
        return vec![text(t.nothing_changed)];
    }
    let titled = |items: &[(String, String)]| -> Vec<String> {
        items.iter().map(|(id, title)| format!("{id} ({title})")).collect()
    };
    let sections: [(&str, Vec<String>); 9] = [
        (t.documents_added, diff.documents_added.clone()),
        (t.documents_changed, diff.documents_changed.clone()),
        (t.documents_removed, diff.documents_removed.clone()),
        (t.facts_added, diff.facts_added.clone()),
        (t.facts_changed, diff.facts_changed.clone()),
        (t.facts_removed, diff.facts_removed.clone()),
        (t.meetings_added, titled(&diff.meetings_added)),
        (t.meetings_changed, titled(&diff.meetings_changed)),
        (t.meetings_removed, titled(&diff.meetings_removed)),
    ];
    sections
        .into_iter()
        .filter(|(_, items)| !items.is_empty())
        .map(|(label, items)| Block::Para(vec![Span::Bold(label.into()), Span::Text(format!(" {}", items.join(", ")))]))
        .collect()
}

/// The first [`MAX_REPORTED_PROBLEMS`] problems, one per line, then how many more.
fn problem_block(problems: &[String], t: &Texts) -> Block {
    let mut lines: Vec<String> = problems.iter().take(MAX_REPORTED_PROBLEMS).cloned().collect();
    if problems.len() > MAX_REPORTED_PROBLEMS {
        let more = (problems.len() - MAX_REPORTED_PROBLEMS).to_string();
        lines.push(fill(t.more_problems, &[("n", &more)]));
    }
    Block::Quote(vec![Span::Text(lines.join("\n"))])
}

fn millis(micros: Option<u64>, lang: Lang) -> String {
    micros.map_or_else(|| "—".into(), |m| lang.millis(Duration::from_micros(m)))
}

/// The reply to `/stats`; a store failure shows as a dash rather than failing the command.
pub(super) fn stats_message(chat: &Conversation, lang: Lang) -> Message {
    let t = lang.texts();
    let store = chat.store();
    let engine = chat.engine();
    let counts = Counts::of(engine.knowledge());
    let (today, week) = day_starts(chat);
    let questions =
        store.question_stats(today, week).map_err(|err| tracing::error!("/stats: {err}")).unwrap_or_default();
    let feedback = store.feedback_counts().map_err(|err| tracing::error!("/stats: {err}")).unwrap_or_default();
    let outbox = store.outbox_depth().map_or_else(|_| "—".into(), |n| n.to_string());
    let subscribers = subscriber_line(chat, lang);
    let secs = chat.uptime().as_secs();
    let last_reload = match store.last_reload() {
        Ok(Some(record)) => {
            let tz = chat.settings().timezone;
            let at = DateTime::from_timestamp(record.at, 0)
                .map(|at| at.with_timezone(&tz).format("%Y-%m-%d %H:%M").to_string())
                .unwrap_or_default();
            let trigger = match record.trigger.as_str() {
                "signal" => t.trigger_signal,
                "watch" => t.trigger_watch,
                _ => t.trigger_command,
            };
            let result = if record.ok { t.reload_ok } else { t.reload_not_ok };
            format!("{at} ({tz}), {trigger}: {result}")
        }
        Ok(None) => t.no_reload_yet.into(),
        Err(_) => "—".into(),
    };
    let values = vec![
        ("uptime", lang.uptime(secs)),
        ("documents", counts.documents.to_string()),
        ("facts", counts.facts.to_string()),
        ("meetings", counts.meetings.to_string()),
        ("today", questions.today.to_string()),
        ("week", questions.week.to_string()),
        ("total", questions.total.to_string()),
        ("answered", questions.answered.to_string()),
        ("unsure", questions.unsure.to_string()),
        ("declined", questions.declined.to_string()),
        ("p50", millis(questions.p50_micros, lang)),
        ("p99", millis(questions.p99_micros, lang)),
        ("subscribers", subscribers),
        ("outbox", outbox),
        ("helpful", feedback.helpful.to_string()),
        ("not_helpful", feedback.not_helpful.to_string()),
        ("last_reload", last_reload),
    ];
    message(vec![text(fill_owned(t.stats, &values))])
}

/// Active subscribed chats per organization: `All organizations: 3, OTS: 2, SCO: 1`.
fn subscriber_line(chat: &Conversation, lang: Lang) -> String {
    let counts = match chat.store().subscriber_counts() {
        Ok(counts) => counts,
        Err(err) => {
            tracing::error!("/stats: {err}");
            return "—".into();
        }
    };
    if counts.is_empty() {
        return lang.texts().no_subscribers.into();
    }
    let all = lang.reminder_texts().all_organizations_button;
    // The store sorts by code, so `*` (all organizations) comes first.
    let parts: Vec<String> = counts
        .iter()
        .map(|(org, n)| match org.as_str() {
            crate::store::subscriptions::ALL => format!("{all}: {n}"),
            code => format!("{code}: {n}"),
        })
        .collect();
    parts.join(", ")
}

/// The reply to `/unanswered`: newest first, with repeat counts and reasons.
pub(super) fn unanswered_message(chat: &Conversation, lang: Lang) -> Message {
    let t = lang.texts();
    let now = chat.clock().unix();
    let (entries, total) = match chat.store().unanswered(expire_before(chat, now), UNANSWERED_SHOWN) {
        Ok(listed) => listed,
        Err(err) => {
            tracing::error!("/unanswered: {err}");
            return message(vec![text(t.store_failed)]);
        }
    };
    if entries.is_empty() {
        return message(vec![text(t.unanswered_empty)]);
    }
    let shown = entries.len().to_string();
    let mut blocks = vec![text(fill(t.unanswered_header, &[("shown", &shown), ("total", &total.to_string())]))];
    for entry in &entries {
        let reason = match entry.reason {
            Reason::Declined => t.reason_declined,
            Reason::Unsure => t.reason_unsure,
            Reason::NotHelpful => t.reason_not_helpful,
        };
        let question = crate::conversation::shorten(entry.question.trim(), MAX_QUESTION_SHOWN);
        blocks.push(Block::Para(vec![
            Span::Text("• ".into()),
            Span::Italic(question),
            Span::Text(format!(" — {reason}, ×{}", entry.repeats)),
        ]));
    }
    blocks.push(text(t.unanswered_footer));
    message(blocks)
}

/// The reply to `/unanswered clear`.
pub(super) fn cleared_message(cleared: Option<u64>, lang: Lang) -> Message {
    let t = lang.texts();
    match cleared {
        Some(n) => message(vec![text(fill(t.unanswered_cleared, &[("n", &n.to_string())]))]),
        None => message(vec![text(t.store_failed)]),
    }
}
