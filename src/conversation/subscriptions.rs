//! Meeting reminders in the conversation: `/subscribe [ORG]`, `/unsubscribe [ORG]`,
//! `/subscriptions`, `/remind 7d 1d 2h`, `/calendar [ORG]` and their buttons. In groups only
//! the chat's administrators may change what the chat receives; the transport finds that out
//! and passes it in [`Incoming::sender_is_chat_admin`].
//!
//! The wording of reminders and announcements lives in `reminder_view` (private to the conversation).

use strsim::normalized_damerau_levenshtein;

use super::actions::Action;
use super::model::{Block, Button, ChatKind, Reply, Sender, Span};
use super::views::{message, para};
use super::{Command, Conversation, Incoming};
use crate::calendar;
use crate::i18n::{fill, Lang};
use crate::knowledge::{Knowledge, Meeting};
use crate::meetings::{self, Due, Lead};
use crate::store::subscriptions::ALL;

pub use super::reminder_view::{announcement_message, calendar_button, expiry, reminder_message, source_sentence};

/// Lead-time choices offered as buttons: the bot's default (empty), then fixed sets.
pub const LEAD_PRESETS: [&[i64]; 4] = [&[], &[604_800, 86_400, 7_200], &[259_200, 86_400], &[86_400]];
/// Reminders listed by `/subscriptions`.
const NEXT_LISTED: usize = 5;

/// `7d,1d`: the lead times when `REMINDER_LEADS` is not set.
pub fn default_leads() -> Vec<Lead> {
    vec![Lead(604_800), Lead(86_400)]
}

/// A short stable key for callback data (FNV-1a of `text`, never 0, which means "all").
pub fn key(text: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash.max(1)
}

/// The organizations that have meetings, by code (`CIS`, `OTS`, `RCC`, `SCO`), sorted.
pub fn organizations(knowledge: &Knowledge) -> Vec<String> {
    let mut codes: Vec<String> = knowledge.meetings.iter().map(|m| m.organization.clone()).collect();
    codes.sort();
    codes.dedup();
    codes
}

fn fold(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// The organization code `name` means: a code itself, or any name of its alias group
/// (`Turkic Council`, `ОТГ`, `Türk Devletleri Teşkilatı`), tolerating a typo.
pub fn resolve_organization(knowledge: &Knowledge, name: &str) -> Option<String> {
    let codes = organizations(knowledge);
    let wanted = fold(name);
    if wanted.is_empty() {
        return None;
    }
    // Each code with every name it is known by.
    let named: Vec<(&String, Vec<String>)> = codes
        .iter()
        .map(|code| {
            let mut names = vec![fold(code)];
            for group in &knowledge.aliases {
                let forms: Vec<String> =
                    std::iter::once(&group.canonical).chain(&group.forms).map(|f| fold(f)).collect();
                if forms.contains(&fold(code)) {
                    names.extend(forms);
                }
            }
            (code, names)
        })
        .collect();
    if let Some((code, _)) = named.iter().find(|(_, names)| names.contains(&wanted)) {
        return Some(code.to_string());
    }
    // A typo: the closest name, if close enough. Short codes must match exactly, or "SCO"
    // would become "CIS".
    let mut best: Option<(f64, &String)> = None;
    for (code, names) in &named {
        for candidate in names.iter().filter(|n| n.chars().count() >= 5) {
            let score = normalized_damerau_levenshtein(&wanted, candidate);
            if score >= 0.8 && best.is_none_or(|(b, _)| score > b) {
                best = Some((score, code));
            }
        }
    }
    best.map(|(_, code)| code.to_string())
}

impl Conversation {
    /// Whether the sender may change this chat's reminders.
    fn may_change_subscriptions(&self, incoming: &Incoming) -> bool {
        incoming.chat_kind == ChatKind::Private
            || incoming.sender == Sender::Console
            || incoming.sender == Sender::AnonymousAdmin
            || incoming.sender_is_chat_admin == Some(true)
    }

    fn organization_label(&self, code: &str, lang: Lang) -> String {
        if code == ALL {
            lang.reminder_texts().all_organizations.to_string()
        } else {
            code.to_string()
        }
    }

    fn leads_of(&self, chat_id: i64) -> Vec<Lead> {
        match self.store.leads_of(chat_id) {
            Ok(Some(leads)) => leads.into_iter().map(Lead).collect(),
            _ => self.reminder_leads.clone(),
        }
    }

    fn leads_label(&self, leads: &[Lead], lang: Lang) -> String {
        leads.iter().map(|l| lang.lead(l.0)).collect::<Vec<_>>().join(", ")
    }

    fn failed(&self, lang: Lang, err: impl std::fmt::Display) -> Vec<Reply> {
        tracing::error!("subscriptions: {err}");
        message(vec![para(lang.texts().stale_button)])
    }

    pub(super) fn subscription_command(
        &self,
        incoming: &Incoming,
        lang: Lang,
        command: Command,
        args: &str,
    ) -> Vec<Reply> {
        let r = lang.reminder_texts();
        let changes = matches!(command, Command::Subscribe | Command::Unsubscribe | Command::Remind);
        if changes && !self.may_change_subscriptions(incoming) {
            return message(vec![para(r.admins_only)]);
        }
        let engine = self.engine();
        let knowledge = engine.knowledge();
        let organization = || -> Result<Option<String>, Vec<Reply>> {
            if args.is_empty() {
                return Ok(None);
            }
            resolve_organization(knowledge, args).map(Some).ok_or_else(|| {
                let orgs = organizations(knowledge).join(", ");
                message(vec![Block::Para(vec![Span::Text(fill(
                    r.unknown_organization,
                    &[("name", args), ("orgs", &orgs)],
                ))])])
            })
        };
        match command {
            Command::Subscribe => match organization() {
                Err(replies) => replies,
                Ok(None) => {
                    let mut buttons = vec![vec![Button {
                        label: r.all_organizations_button.into(),
                        action: Action::Subscribe { organization: 0 },
                    }]];
                    let codes = organizations(knowledge);
                    buttons.extend(codes.chunks(4).map(|row| {
                        row.iter()
                            .map(|code| Button {
                                label: code.clone(),
                                action: Action::Subscribe { organization: key(code) },
                            })
                            .collect()
                    }));
                    vec![Reply::Message(super::Message {
                        blocks: vec![para(r.choose_organization)],
                        buttons,
                        answers: None,
                    })]
                }
                Ok(Some(code)) => self.subscribe(incoming, lang, &code),
            },
            Command::Unsubscribe => {
                let code = match organization() {
                    Err(replies) => return replies,
                    Ok(code) => code,
                };
                match self.store.unsubscribe(incoming.chat_id, code.as_deref()) {
                    Err(err) => self.failed(lang, err),
                    Ok(0) if code.is_none() => message(vec![para(r.nothing_to_cancel)]),
                    Ok(0) => {
                        let org = self.organization_label(code.as_deref().unwrap_or(ALL), lang);
                        message(vec![Block::Para(vec![Span::Text(fill(r.not_subscribed, &[("org", &org)]))])])
                    }
                    Ok(_) => match code {
                        None => message(vec![para(r.unsubscribed_all)]),
                        Some(code) => {
                            let org = self.organization_label(&code, lang);
                            message(vec![Block::Para(vec![Span::Text(fill(r.unsubscribed, &[("org", &org)]))])])
                        }
                    },
                }
            }
            Command::Subscriptions => self.subscriptions_view(incoming.chat_id, lang),
            Command::Remind if args.is_empty() => {
                let leads = self.leads_label(&self.leads_of(incoming.chat_id), lang);
                let buttons = LEAD_PRESETS
                    .iter()
                    .enumerate()
                    .map(|(preset, seconds)| {
                        let label = if seconds.is_empty() {
                            format!("{} ({})", r.default_leads_button, self.leads_label(&self.reminder_leads, lang))
                        } else {
                            seconds.iter().map(|&s| Lead(s).to_string()).collect::<Vec<_>>().join(" ")
                        };
                        vec![Button { label, action: Action::Leads { preset } }]
                    })
                    .collect();
                let text = fill(r.choose_leads, &[("leads", &leads)]);
                vec![Reply::Message(super::Message {
                    blocks: vec![Block::Para(vec![Span::Text(text)])],
                    buttons,
                    answers: None,
                })]
            }
            Command::Remind => match Lead::parse_list(args) {
                Ok(leads) => self.set_leads(incoming.chat_id, lang, &leads),
                Err(err) => message(vec![Block::Para(vec![Span::Text(fill(r.bad_leads, &[("value", &err.0)]))])]),
            },
            Command::Calendar => match organization() {
                Err(replies) => replies,
                Ok(code) => {
                    let text = calendar::organization_calendar(knowledge, code.as_deref(), self.clock.now());
                    let org = self.organization_label(code.as_deref().unwrap_or(ALL), lang);
                    if !knowledge
                        .meetings
                        .iter()
                        .any(|m| calendar::has_entry(m) && code.as_deref().is_none_or(|c| m.organization == c))
                    {
                        return message(vec![Block::Para(vec![Span::Text(fill(r.calendar_empty, &[("org", &org)]))])]);
                    }
                    vec![Reply::Document {
                        file_name: calendar::file_name(&format!("{}-meetings", code.as_deref().unwrap_or("all"))),
                        mime: calendar::MIME.into(),
                        text,
                        caption: Some(r.calendar_caption.into()),
                    }]
                }
            },
            _ => Vec::new(),
        }
    }

    fn subscribe(&self, incoming: &Incoming, lang: Lang, code: &str) -> Vec<Reply> {
        let r = lang.reminder_texts();
        let org = self.organization_label(code, lang);
        match self.store.subscribe(incoming.chat_id, code, incoming.language_code.as_deref(), self.clock.unix()) {
            Err(err) => self.failed(lang, err),
            Ok(false) => message(vec![Block::Para(vec![Span::Text(fill(r.already_subscribed, &[("org", &org)]))])]),
            Ok(true) => {
                let leads = self.leads_label(&self.leads_of(incoming.chat_id), lang);
                let zone = self.settings.timezone.name();
                let text = fill(r.subscribed, &[("org", &org), ("leads", &leads), ("zone", zone)]);
                message(vec![Block::Para(vec![Span::Text(text)])])
            }
        }
    }

    fn set_leads(&self, chat_id: i64, lang: Lang, leads: &[Lead]) -> Vec<Reply> {
        let seconds: Vec<i64> = leads.iter().map(|l| l.0).collect();
        if let Err(err) = self.store.set_leads(chat_id, &seconds, self.clock.unix()) {
            return self.failed(lang, err);
        }
        let text = fill(lang.reminder_texts().leads_set, &[("leads", &self.leads_label(leads, lang))]);
        message(vec![Block::Para(vec![Span::Text(text)])])
    }

    /// What this chat receives and its next reminders.
    fn subscriptions_view(&self, chat_id: i64, lang: Lang) -> Vec<Reply> {
        let r = lang.reminder_texts();
        let codes = match self.store.subscriptions_of(chat_id) {
            Ok(codes) => codes,
            Err(err) => return self.failed(lang, err),
        };
        if codes.is_empty() {
            return message(vec![para(r.no_subscriptions)]);
        }
        let leads = self.leads_of(chat_id);
        let orgs = codes.iter().map(|c| self.organization_label(c, lang)).collect::<Vec<_>>().join(", ");
        let text = fill(r.subscriptions, &[("orgs", &orgs), ("leads", &self.leads_label(&leads, lang))]);
        let mut blocks = vec![Block::Para(vec![Span::Text(text)])];
        let engine = self.engine();
        let knowledge = engine.knowledge();
        let all = codes.iter().any(|c| c == ALL);
        let wanted = |m: &Meeting| all || codes.contains(&m.organization);
        let upcoming = self.next_reminders(knowledge, &leads, wanted);
        if upcoming.is_empty() {
            blocks.push(para(r.no_reminder_due));
        } else {
            blocks.push(Block::Para(vec![Span::Bold(r.next_reminders.into())]));
            let zone = self.settings.timezone;
            let lines: Vec<String> = upcoming
                .iter()
                .take(NEXT_LISTED)
                .map(|(due, i)| {
                    let at = due.at.with_timezone(&zone).format("%Y-%m-%d %H:%M");
                    format!("• {at} ({}) — {}", zone.name(), knowledge.meetings[*i].title)
                })
                .collect();
            blocks.push(Block::Para(vec![Span::Text(lines.join("\n"))]));
        }
        message(blocks)
    }

    /// Reminders still to come for meetings `wanted` selects, soonest first.
    fn next_reminders(
        &self,
        knowledge: &Knowledge,
        leads: &[Lead],
        wanted: impl Fn(&Meeting) -> bool,
    ) -> Vec<(Due, usize)> {
        let now = self.clock.now();
        let zone = self.settings.timezone;
        let mut found = Vec::new();
        for (i, meeting) in knowledge.meetings.iter().enumerate().filter(|(_, m)| wanted(m)) {
            let Some(occurrence) = meetings::occurrence(meeting, zone) else {
                continue;
            };
            if occurrence.start <= now {
                continue;
            }
            let dues = meetings::schedule(meeting, &occurrence, leads, zone);
            found.extend(dues.into_iter().filter(|d| d.at > now).map(|d| (d, i)));
        }
        found.sort_by_key(|(d, _)| d.at);
        found
    }

    pub(super) fn subscription_callback(&self, incoming: &Incoming, lang: Lang, action: Action) -> Vec<Reply> {
        let r = lang.reminder_texts();
        let stale = || vec![Reply::Notice(lang.texts().stale_button.into())];
        let engine = self.engine();
        let knowledge = engine.knowledge();
        match action {
            Action::Subscribe { .. } | Action::Leads { .. } if !self.may_change_subscriptions(incoming) => {
                vec![Reply::Notice(r.admins_only.into())]
            }
            Action::Subscribe { organization: 0 } => self.subscribe(incoming, lang, ALL),
            Action::Subscribe { organization } => {
                match organizations(knowledge).into_iter().find(|code| key(code) == organization) {
                    Some(code) => self.subscribe(incoming, lang, &code),
                    None => stale(),
                }
            }
            Action::Leads { preset } => {
                let leads = match LEAD_PRESETS.get(preset) {
                    Some([]) => self.reminder_leads.clone(),
                    Some(seconds) => seconds.iter().map(|&s| Lead(s)).collect(),
                    None => return stale(),
                };
                self.set_leads(incoming.chat_id, lang, &leads)
            }
            Action::Calendar { meeting } => {
                let Some(found) = knowledge.meetings.iter().find(|m| key(&m.id) == meeting) else {
                    return stale();
                };
                if !calendar::has_entry(found) {
                    return stale();
                }
                vec![Reply::Document {
                    file_name: calendar::file_name(&found.id),
                    mime: calendar::MIME.into(),
                    text: calendar::calendar(knowledge, [found], &found.title, self.clock.now()),
                    caption: Some(found.title.clone()),
                }]
            }
            _ => stale(),
        }
    }
}
