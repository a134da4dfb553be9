//! The conversation, independent of any transport: an [`Incoming`] message becomes a list of
//! [`Reply`]s built from a small markup model ([`Block`], [`Span`], [`Button`]).
//!
//! This is the one place that decides what the bot says. The console renders replies as plain
//! text ([`Message::to_plain`]); the Telegram layer renders the same model as HTML and only
//! converts and sends. The knowledge sits behind an atomically swappable handle so `/reload`
//! can replace it while other messages are being answered.

use std::collections::{BTreeSet, HashMap, VecDeque};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use arc_swap::ArcSwap;
use chrono::NaiveDate;
use chrono_tz::Tz;

use crate::answer::{answer, meeting_line, Answer, Citation, Confidence, Hit};
use crate::i18n::{fill, Lang, Texts};
use crate::knowledge::{self, Knowledge};
use crate::meetings;
use crate::search::Engine;

/// Longest question accepted, in characters (Telegram's own limit for a text message).
pub const MAX_QUESTION_CHARS: usize = 4096;
/// Telegram's limit for callback data, in bytes.
pub const MAX_CALLBACK_BYTES: usize = 64;
/// Hits shown in the first reply to a question.
pub const FIRST_PAGE: usize = 2;
/// Hits shown per "More results" press.
pub const MORE_PAGE: usize = 3;
/// Most inline results.
pub const MAX_INLINE_RESULTS: usize = 5;
/// Questions remembered for their buttons; older buttons report that they expired.
const REMEMBERED_QUESTIONS: usize = 10_000;
/// Problems of a failed `/reload` listed in the chat; `ictbot check` shows them all.
const MAX_REPORTED_PROBLEMS: usize = 50;
/// Longest "Did you mean" button label, in characters.
const MAX_BUTTON_CHARS: usize = 60;

/// Where a message was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChatKind {
    /// A one-to-one chat (or the console): every message is for the bot.
    Private,
    /// A group or supergroup: only messages addressed to the bot are answered.
    Group,
}

/// Who wrote a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sender {
    /// The operator at the console, trusted with admin commands.
    Console,
    /// A Telegram user.
    User(u64),
    /// No user (a channel post, an anonymous group admin).
    Anonymous,
}

/// What a message carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Content {
    /// Text, with any `@botname` mention or command suffix already removed.
    Text(String),
    /// The data of a pressed button.
    Callback(String),
    /// Something the bot does not read.
    Unsupported(Unsupported),
}

/// Kinds of messages the bot does not answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unsupported {
    /// Stickers, photos, voice, documents, locations…
    Media,
    /// An edit of an earlier message.
    Edited,
    /// Members joining, pinned messages and other service messages.
    Service,
}

/// One message to the bot, stripped of transport details.
#[derive(Debug, Clone)]
pub struct Incoming {
    pub chat_id: i64,
    pub chat_kind: ChatKind,
    pub sender: Sender,
    /// The sender's interface language code (`ru`, `en-GB`, …).
    pub language_code: Option<String>,
    /// In groups: the message is a command for this bot, mentions it or replies to it.
    pub addressed: bool,
    pub content: Content,
}

/// Inline text with its emphasis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Span {
    Text(String),
    Bold(String),
    Italic(String),
    Link { text: String, url: String },
}

/// A paragraph of a message; paragraphs are where long messages may be split.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Para(Vec<Span>),
    /// Quoted source text.
    Quote(Vec<Span>),
}

/// What a button does when pressed; travels as callback data of at most 64 bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Show the hits of a remembered question from index `from` on.
    More { question: u64, from: usize },
    /// List the sources of a remembered question's hits.
    Sources { question: u64 },
    /// Ask the `index`-th suggestion of a remembered question.
    Suggestion { question: u64, index: usize },
}

impl Action {
    /// The callback data for this action.
    pub fn encode(&self) -> String {
        match self {
            Action::More { question, from } => format!("m:{question}:{from}"),
            Action::Sources { question } => format!("s:{question}"),
            Action::Suggestion { question, index } => format!("d:{question}:{index}"),
        }
    }

    /// Parses callback data strictly; anything this bot did not produce is `None`.
    pub fn decode(data: &str) -> Option<Action> {
        if data.len() > MAX_CALLBACK_BYTES {
            return None;
        }
        let number = |s: &str| -> Option<u64> {
            if s.is_empty() || s.len() > 19 || !s.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            s.parse().ok()
        };
        let parts: Vec<&str> = data.split(':').collect();
        match parts.as_slice() {
            ["m", q, from] => {
                let from = number(from)? as usize;
                (from <= crate::answer::MAX_HITS).then_some(Action::More { question: number(q)?, from })
            }
            ["s", q] => Some(Action::Sources { question: number(q)? }),
            ["d", q, index] => {
                let index = number(index)? as usize;
                (index < 3).then_some(Action::Suggestion { question: number(q)?, index })
            }
            _ => None,
        }
    }
}

/// A button under a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Button {
    pub label: String,
    pub action: Action,
}

/// A message to send: paragraphs, then rows of buttons.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Message {
    pub blocks: Vec<Block>,
    pub buttons: Vec<Vec<Button>>,
}

/// One thing the bot does in response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {
    /// A new message in the chat.
    Message(Message),
    /// A short notice shown on the pressed button (or printed by the console).
    Notice(String),
}

/// One inline-mode result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InlineItem {
    /// Unique among the results of one query.
    pub id: String,
    pub title: String,
    pub description: String,
    /// The message sent when the user picks the result.
    pub message: Message,
}

/// Fixed settings of the conversation.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Where `/reload` reads the knowledge from.
    pub knowledge_dir: PathBuf,
    /// Telegram users allowed to run admin commands.
    pub admin_ids: BTreeSet<u64>,
    /// Decides what "today" is.
    pub timezone: Tz,
    /// A fixed "today" for reproducible runs and tests.
    pub today: Option<NaiveDate>,
}

/// A command the bot understands, in the console and in Telegram alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    Start,
    Help,
    Ask,
    Meetings,
    Next,
    Sources,
    Subscribe,
    Unsubscribe,
    About,
    Reload,
    Stats,
}

impl Command {
    /// Commands everyone may use, in menu order.
    pub const MENU: [Command; 9] = [
        Command::Start,
        Command::Help,
        Command::Ask,
        Command::Meetings,
        Command::Next,
        Command::Sources,
        Command::Subscribe,
        Command::Unsubscribe,
        Command::About,
    ];
    /// Commands gated by `ADMIN_IDS`.
    pub const ADMIN: [Command; 2] = [Command::Reload, Command::Stats];

    /// The name without the slash.
    pub fn name(self) -> &'static str {
        match self {
            Command::Start => "start",
            Command::Help => "help",
            Command::Ask => "ask",
            Command::Meetings => "meetings",
            Command::Next => "next",
            Command::Sources => "sources",
            Command::Subscribe => "subscribe",
            Command::Unsubscribe => "unsubscribe",
            Command::About => "about",
            Command::Reload => "reload",
            Command::Stats => "stats",
        }
    }

    /// The menu description in `lang`.
    pub fn description(self, lang: Lang) -> &'static str {
        let t = lang.texts();
        match self {
            Command::Start => t.start_desc,
            Command::Help => t.help_desc,
            Command::Ask => t.ask_desc,
            Command::Meetings => t.meetings_desc,
            Command::Next => t.next_desc,
            Command::Sources => t.sources_desc,
            Command::Subscribe => t.subscribe_desc,
            Command::Unsubscribe => t.unsubscribe_desc,
            Command::About => t.about_desc,
            Command::Reload => t.reload_desc,
            Command::Stats => t.stats_desc,
        }
    }

    /// Splits `/name arguments` into a command and its arguments. `None` when the text is not
    /// a command; `Some(Err(name))` for a command this bot does not know.
    pub fn parse(text: &str) -> Option<(Result<Command, String>, &str)> {
        let rest = text.strip_prefix('/')?;
        let (name, args) = rest.split_once(char::is_whitespace).map_or((rest, ""), |(n, a)| (n, a.trim()));
        let name = name.to_lowercase();
        let command = Command::MENU.into_iter().chain(Command::ADMIN).find(|c| c.name() == name).ok_or(name);
        Some((command, args))
    }
}

/// A question kept so its buttons can be answered later, only in the chat it was asked in.
struct Remembered {
    chat_id: i64,
    question: String,
    suggestions: Vec<String>,
}

/// A bounded map of recent questions; the oldest are forgotten first.
#[derive(Default)]
struct QuestionStore {
    next_id: u64,
    entries: HashMap<u64, Remembered>,
    order: VecDeque<u64>,
}

impl QuestionStore {
    fn remember(&mut self, entry: Remembered) -> u64 {
        self.next_id += 1;
        let id = self.next_id;
        self.entries.insert(id, entry);
        self.order.push_back(id);
        while self.order.len() > REMEMBERED_QUESTIONS {
            if let Some(old) = self.order.pop_front() {
                self.entries.remove(&old);
            }
        }
        id
    }

    fn get(&self, id: u64, chat_id: i64) -> Option<(String, Vec<String>)> {
        self.entries.get(&id).filter(|e| e.chat_id == chat_id).map(|e| (e.question.clone(), e.suggestions.clone()))
    }
}

/// Counts describing the loaded knowledge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub documents: usize,
    pub facts: usize,
    pub meetings: usize,
}

impl Counts {
    fn of(knowledge: &Knowledge) -> Counts {
        Counts {
            documents: knowledge.documents.len(),
            facts: knowledge.facts.len(),
            meetings: knowledge.meetings.len(),
        }
    }

    fn values(&self) -> [(&'static str, String); 3] {
        [
            ("documents", self.documents.to_string()),
            ("facts", self.facts.to_string()),
            ("meetings", self.meetings.to_string()),
        ]
    }
}

/// The conversation state shared by every chat: cheap to share behind an `Arc`.
pub struct Chat {
    engine: ArcSwap<Engine>,
    settings: Settings,
    questions: Mutex<QuestionStore>,
    asked: AtomicU64,
    answered: AtomicU64,
    started: Instant,
}

impl Chat {
    /// A conversation over `engine`.
    pub fn new(engine: Engine, settings: Settings) -> Chat {
        Chat {
            engine: ArcSwap::from_pointee(engine),
            settings,
            questions: Mutex::new(QuestionStore::default()),
            asked: AtomicU64::new(0),
            answered: AtomicU64::new(0),
            started: Instant::now(),
        }
    }

    /// The current engine; a reload does not affect a snapshot already taken.
    pub fn engine(&self) -> Arc<Engine> {
        self.engine.load_full()
    }

    /// Today in the bot's time zone, or the fixed day of the settings.
    pub fn today(&self) -> NaiveDate {
        self.settings.today.unwrap_or_else(|| chrono::Utc::now().with_timezone(&self.settings.timezone).date_naive())
    }

    /// Questions answered (not declined) since start.
    pub fn answered_count(&self) -> u64 {
        self.answered.load(Ordering::Relaxed)
    }

    /// Reloads the knowledge folder and swaps it in; on failure the old knowledge stays and
    /// the error lists every problem.
    pub fn reload(&self) -> anyhow::Result<Counts> {
        let knowledge = knowledge::load(&self.settings.knowledge_dir)?;
        let counts = Counts::of(&knowledge);
        let engine = Engine::build(knowledge)?;
        self.engine.store(Arc::new(engine));
        tracing::info!(?counts, "knowledge reloaded");
        Ok(counts)
    }

    /// Everything the bot does in response to `incoming`.
    pub fn handle(&self, incoming: &Incoming) -> Vec<Reply> {
        let lang = Lang::from_code(incoming.language_code.as_deref());
        let t = lang.texts();
        let private = incoming.chat_kind == ChatKind::Private;
        match &incoming.content {
            Content::Text(_) if !private && !incoming.addressed => Vec::new(),
            Content::Text(text) => {
                let text = clean(text);
                match Command::parse(&text) {
                    Some((Ok(command), args)) => self.command(incoming, lang, command, args),
                    // In a group an unknown command is probably another bot's.
                    Some((Err(_), _)) if !private => Vec::new(),
                    Some((Err(_), _)) => message(vec![para(t.unknown_command)]),
                    None => match small_talk(&text) {
                        Some(SmallTalk::Greeting) => self.command(incoming, lang, Command::Start, ""),
                        Some(SmallTalk::Thanks) => message(vec![para(t.you_are_welcome)]),
                        None => self.question(incoming.chat_id, lang, &text),
                    },
                }
            }
            Content::Callback(data) => self.callback(incoming, lang, data),
            Content::Unsupported(_) if !private => Vec::new(),
            Content::Unsupported(Unsupported::Edited) => message(vec![para(t.edited)]),
            Content::Unsupported(_) => message(vec![para(t.unsupported)]),
        }
    }

    fn is_admin(&self, sender: Sender) -> bool {
        match sender {
            Sender::Console => true,
            Sender::User(id) => self.settings.admin_ids.contains(&id),
            Sender::Anonymous => false,
        }
    }

    fn command(&self, incoming: &Incoming, lang: Lang, command: Command, args: &str) -> Vec<Reply> {
        let t = lang.texts();
        if Command::ADMIN.contains(&command) && !self.is_admin(incoming.sender) {
            return message(vec![para(t.not_admin)]);
        }
        let engine = self.engine();
        let knowledge = engine.knowledge();
        match command {
            Command::Start => match args {
                "meetings" => message(self.meetings_view(knowledge, t)),
                "next" => message(self.next_view(knowledge, t)),
                "sources" => message(sources_view(knowledge, t)),
                "help" => message(self.help_view(incoming.sender, lang)),
                "about" => message(about_view(knowledge, t)),
                _ => message(vec![
                    para(t.welcome),
                    Block::Para(vec![Span::Italic(t.example_question.into())]),
                    Block::Para(vec![Span::Text(format!("/help — {}", t.help_desc))]),
                ]),
            },
            Command::Help => message(self.help_view(incoming.sender, lang)),
            Command::Ask if args.is_empty() => message(vec![
                para(t.ask_usage),
                Block::Para(vec![Span::Italic(format!("/ask {}", t.example_question))]),
            ]),
            Command::Ask => self.question(incoming.chat_id, lang, args),
            Command::Meetings => message(self.meetings_view(knowledge, t)),
            Command::Next => message(self.next_view(knowledge, t)),
            Command::Sources => message(sources_view(knowledge, t)),
            Command::Subscribe => message(vec![para(t.subscribe)]),
            Command::Unsubscribe => message(vec![para(t.unsubscribe)]),
            Command::About => message(about_view(knowledge, t)),
            Command::Reload => match self.reload() {
                Ok(counts) => {
                    let values = counts.values();
                    let values: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
                    message(vec![Block::Para(vec![Span::Text(fill(t.reloaded, &values))])])
                }
                Err(err) => {
                    tracing::warn!("reload failed: {err:#}");
                    message(vec![para(t.reload_failed), Block::Quote(vec![Span::Text(reload_report(&err))])])
                }
            },
            Command::Stats => {
                let counts = Counts::of(knowledge).values();
                let asked = self.asked.load(Ordering::Relaxed).to_string();
                let answered = self.answered_count().to_string();
                let secs = self.started.elapsed().as_secs();
                let uptime = format!("{}h {:02}m", secs / 3600, secs / 60 % 60);
                let mut values: Vec<(&str, &str)> = counts.iter().map(|(k, v)| (*k, v.as_str())).collect();
                values.extend([
                    ("asked", asked.as_str()),
                    ("answered", answered.as_str()),
                    ("uptime", uptime.as_str()),
                ]);
                message(vec![Block::Para(vec![Span::Text(fill(t.stats, &values))])])
            }
        }
    }

    fn question(&self, chat_id: i64, lang: Lang, text: &str) -> Vec<Reply> {
        let t = lang.texts();
        let text = text.trim();
        if text.is_empty() {
            return message(vec![para(t.empty_question)]);
        }
        let chars = text.chars().count();
        if chars > MAX_QUESTION_CHARS {
            let n = chars.to_string();
            let max = MAX_QUESTION_CHARS.to_string();
            return message(vec![Block::Para(vec![Span::Text(fill(t.too_long, &[("n", &n), ("max", &max)]))])]);
        }
        let engine = self.engine();
        let answer = answer(&engine, text, self.today());
        self.asked.fetch_add(1, Ordering::Relaxed);
        if answer.answered() {
            self.answered.fetch_add(1, Ordering::Relaxed);
        }
        let id = self.questions.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).remember(Remembered {
            chat_id,
            question: text.to_string(),
            suggestions: answer.suggestions.clone(),
        });
        vec![Reply::Message(answer_message(&answer, engine.knowledge(), id, lang))]
    }

    fn callback(&self, incoming: &Incoming, lang: Lang, data: &str) -> Vec<Reply> {
        let t = lang.texts();
        let stale = || vec![Reply::Notice(t.stale_button.into())];
        let Some(action) = Action::decode(data) else {
            tracing::debug!(data, "unrecognised callback data");
            return stale();
        };
        let id = match action {
            Action::More { question, .. } | Action::Sources { question } | Action::Suggestion { question, .. } => {
                question
            }
        };
        let remembered =
            self.questions.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).get(id, incoming.chat_id);
        let Some((question, suggestions)) = remembered else {
            return stale();
        };
        match action {
            Action::Suggestion { index, .. } => match suggestions.get(index) {
                Some(suggestion) => self.question(incoming.chat_id, lang, suggestion),
                None => stale(),
            },
            Action::More { from, .. } => {
                let engine = self.engine();
                let answer = answer(&engine, &question, self.today());
                let page: Vec<&Hit> = answer.hits.iter().skip(from).take(MORE_PAGE).collect();
                if page.is_empty() {
                    return vec![Reply::Notice(t.no_more_results.into())];
                }
                let mut blocks = Vec::new();
                for hit in &page {
                    blocks.extend(hit_blocks(hit));
                }
                let next = from + page.len();
                let mut row = Vec::new();
                if next < answer.hits.len() {
                    row.push(Button {
                        label: t.more_results.into(),
                        action: Action::More { question: id, from: next },
                    });
                }
                row.push(Button { label: t.sources_button.into(), action: Action::Sources { question: id } });
                vec![Reply::Message(Message { blocks, buttons: vec![row] })]
            }
            Action::Sources { .. } => {
                let engine = self.engine();
                let answer = answer(&engine, &question, self.today());
                let mut citations: Vec<&Citation> = Vec::new();
                for hit in &answer.hits {
                    if !citations.iter().any(|c| c.source == hit.citation.source) {
                        citations.push(&hit.citation);
                    }
                }
                if citations.is_empty() {
                    return stale();
                }
                let mut blocks = vec![para(t.answer_sources_header)];
                blocks.extend(citations.into_iter().map(|c| {
                    let mut spans = vec![Span::Text("• ".into())];
                    spans.extend(citation_spans(c));
                    Block::Para(spans)
                }));
                message(blocks)
            }
        }
    }

    /// Results for an inline query: answers to `query`, or upcoming meetings when it is empty.
    pub fn inline(&self, query: &str, language_code: Option<&str>) -> Vec<InlineItem> {
        let t = Lang::from_code(language_code).texts();
        let engine = self.engine();
        let knowledge = engine.knowledge();
        let query = clean(query);
        let query = query.trim();
        if query.is_empty() {
            let today = self.today();
            let mut ahead = meetings::upcoming(&knowledge.meetings, today);
            ahead.extend(meetings::undated_plans(&knowledge.meetings));
            if ahead.is_empty() {
                return vec![InlineItem {
                    id: "none".into(),
                    title: t.inline_no_upcoming.into(),
                    description: t.no_upcoming.into(),
                    message: Message { blocks: vec![para(t.no_upcoming)], buttons: Vec::new() },
                }];
            }
            return ahead
                .into_iter()
                .take(MAX_INLINE_RESULTS)
                .map(|i| {
                    let meeting = &knowledge.meetings[i];
                    let line = meeting_line(meeting);
                    let citation = Citation::of(&knowledge.documents[meeting.document]);
                    let mut cite = vec![Span::Text("— ".into())];
                    cite.extend(citation_spans(&citation));
                    InlineItem {
                        id: format!("m{i}"),
                        title: meeting.title.clone(),
                        description: line.clone(),
                        message: Message {
                            blocks: vec![
                                Block::Para(vec![Span::Bold(t.upcoming_header.into())]),
                                Block::Para(vec![Span::Text(line)]),
                                Block::Para(cite),
                            ],
                            buttons: Vec::new(),
                        },
                    }
                })
                .collect();
        }
        if query.chars().count() > MAX_QUESTION_CHARS {
            return Vec::new();
        }
        let answer = answer(&engine, query, self.today());
        answer
            .hits
            .iter()
            .take(MAX_INLINE_RESULTS)
            .enumerate()
            .map(|(n, hit)| InlineItem {
                id: format!("a{n}"),
                title: hit.citation.title.clone(),
                description: shorten(&hit.snippet, 120),
                message: Message { blocks: hit_blocks(hit).to_vec(), buttons: Vec::new() },
            })
            .collect()
    }

    fn help_view(&self, sender: Sender, lang: Lang) -> Vec<Block> {
        let t = lang.texts();
        let list = |commands: &[Command]| {
            Block::Para(vec![Span::Text(
                commands
                    .iter()
                    .map(|c| format!("/{} — {}", c.name(), c.description(lang)))
                    .collect::<Vec<_>>()
                    .join("\n"),
            )])
        };
        let mut blocks = vec![para(t.help_intro), list(&Command::MENU)];
        if self.is_admin(sender) {
            blocks.push(para(t.help_admin));
            blocks.push(list(&Command::ADMIN));
        }
        blocks.push(para(t.help_groups));
        blocks
    }

    fn meetings_view(&self, knowledge: &Knowledge, t: &Texts) -> Vec<Block> {
        let today = self.today();
        let mut ahead = meetings::upcoming(&knowledge.meetings, today);
        ahead.extend(meetings::undated_plans(&knowledge.meetings));
        let mut blocks = vec![Block::Para(vec![Span::Bold(t.upcoming_header.into())])];
        if ahead.is_empty() {
            blocks.push(para(t.no_upcoming));
        } else {
            blocks.push(meeting_list(knowledge, &ahead, 10));
        }
        let recent = meetings::recent(&knowledge.meetings, today);
        if !recent.is_empty() {
            blocks.push(Block::Para(vec![Span::Bold(t.recent_header.into())]));
            blocks.push(meeting_list(knowledge, &recent, 5));
        }
        blocks
    }

    fn next_view(&self, knowledge: &Knowledge, t: &Texts) -> Vec<Block> {
        let mut blocks = vec![Block::Para(vec![Span::Bold(t.next_header.into())])];
        match meetings::next(&knowledge.meetings, self.today()) {
            Some(i) => {
                let meeting = &knowledge.meetings[i];
                blocks.push(Block::Para(vec![Span::Text(meeting_line(meeting))]));
                if !meeting.summary.is_empty() {
                    blocks.push(Block::Quote(vec![Span::Text(meeting.summary.clone())]));
                }
                let mut cite = vec![Span::Text("— ".into())];
                cite.extend(citation_spans(&Citation::of(&knowledge.documents[meeting.document])));
                blocks.push(Block::Para(cite));
            }
            None => {
                blocks.push(para(t.none_dated));
                let plans = meetings::undated_plans(&knowledge.meetings);
                if !plans.is_empty() {
                    blocks.push(Block::Para(vec![Span::Bold(t.undated_header.into())]));
                    blocks.push(meeting_list(knowledge, &plans, 10));
                }
            }
        }
        blocks
    }
}

/// The problems of a failed reload, one per line, at most [`MAX_REPORTED_PROBLEMS`].
/// A message that is courtesy, not a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SmallTalk {
    Greeting,
    Thanks,
}

/// Recognises a bare greeting or thank-you, so "thanks!" is not searched for (it would find
/// the one quote about gratitude).
fn small_talk(text: &str) -> Option<SmallTalk> {
    const GREETINGS: &[&str] = &[
        "hi",
        "hello",
        "hey",
        "good morning",
        "good afternoon",
        "good evening",
        "привет",
        "здравствуйте",
        "добрый день",
        "доброе утро",
        "добрый вечер",
        "salam",
        "салам",
        "assalomu alaykum",
    ];
    const THANKS: &[&str] = &[
        "thanks",
        "thank you",
        "thx",
        "thank you very much",
        "many thanks",
        "спасибо",
        "спасибо большое",
        "благодарю",
        "рахмат",
        "rahmat",
    ];
    let words: Vec<String> = crate::search::words(text).into_iter().map(|w| w.lower).collect();
    let phrase = words.join(" ");
    if THANKS.contains(&phrase.as_str()) {
        Some(SmallTalk::Thanks)
    } else if GREETINGS.contains(&phrase.as_str()) {
        Some(SmallTalk::Greeting)
    } else {
        None
    }
}

fn reload_report(err: &anyhow::Error) -> String {
    let problems = err.downcast_ref::<knowledge::LoadError>().map(knowledge::LoadError::problems).unwrap_or_default();
    if problems.is_empty() {
        return format!("{err:#}");
    }
    let mut lines: Vec<String> = problems.iter().take(MAX_REPORTED_PROBLEMS).map(|p| p.to_string()).collect();
    if problems.len() > MAX_REPORTED_PROBLEMS {
        lines.push(format!("… and {} more; `ictbot check` lists them all.", problems.len() - MAX_REPORTED_PROBLEMS));
    }
    lines.join("\n")
}

/// The first reply to a question.
fn answer_message(answer: &Answer, knowledge: &Knowledge, id: u64, lang: Lang) -> Message {
    let t = lang.texts();
    let mut blocks = Vec::new();
    let shown = match answer.confidence {
        Confidence::Declined => {
            blocks.push(para(t.declined));
            blocks.push(Block::Para(vec![Span::Text(known_topics(knowledge, t))]));
            0
        }
        Confidence::Unsure => {
            blocks.push(para(t.unsure));
            1
        }
        Confidence::Sure => FIRST_PAGE,
    };
    for hit in answer.hits.iter().take(shown) {
        blocks.extend(hit_blocks(hit));
    }
    let mut buttons = Vec::new();
    if answer.confidence != Confidence::Sure && !answer.suggestions.is_empty() {
        blocks.push(para(t.did_you_mean));
        for (index, suggestion) in answer.suggestions.iter().take(3).enumerate() {
            buttons.push(vec![Button {
                label: shorten(suggestion, MAX_BUTTON_CHARS),
                action: Action::Suggestion { question: id, index },
            }]);
        }
    }
    if answer.confidence == Confidence::Declined {
        blocks.push(para(t.declined_next_step));
    } else {
        let mut row = Vec::new();
        if answer.hits.len() > shown {
            row.push(Button {
                label: t.more_results.into(),
                action: Action::More { question: id, from: shown.min(answer.hits.len()) },
            });
        }
        row.push(Button { label: t.sources_button.into(), action: Action::Sources { question: id } });
        buttons.push(row);
    }
    Message { blocks, buttons }
}

/// What the bot knows about, for a decline: organizations and document titles.
fn known_topics(knowledge: &Knowledge, t: &Texts) -> String {
    let mut orgs: Vec<&str> = Vec::new();
    for document in &knowledge.documents {
        for org in &document.organizations {
            if !orgs.contains(&org.as_str()) {
                orgs.push(org);
            }
        }
    }
    let mut titles: Vec<&str> = knowledge.documents.iter().take(8).map(|d| d.title.as_str()).collect();
    if knowledge.documents.len() > 8 {
        titles.push("…");
    }
    fill(t.known_topics, &[("orgs", &orgs.join(", ")), ("titles", &titles.join("; "))])
}

/// A quote with its highlights, then its source line.
fn hit_blocks(hit: &Hit) -> [Block; 2] {
    let mut cite = vec![Span::Text("— ".into())];
    cite.extend(citation_spans(&hit.citation));
    [Block::Quote(highlighted(&hit.snippet, &hit.highlights)), Block::Para(cite)]
}

/// The snippet as spans, highlighted ranges in bold. Ranges that overlap, run backwards or
/// fall inside a character are ignored rather than trusted.
fn highlighted(snippet: &str, highlights: &[std::ops::Range<usize>]) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut at = 0;
    for range in highlights {
        let valid = range.start >= at
            && range.start < range.end
            && range.end <= snippet.len()
            && snippet.is_char_boundary(range.start)
            && snippet.is_char_boundary(range.end);
        if !valid {
            continue;
        }
        if range.start > at {
            spans.push(Span::Text(snippet[at..range.start].to_string()));
        }
        spans.push(Span::Bold(snippet[range.clone()].to_string()));
        at = range.end;
    }
    if at < snippet.len() {
        spans.push(Span::Text(snippet[at..].to_string()));
    }
    spans
}

/// `Title (ORG, ORG), date`, the title linked when the document has a URL.
fn citation_spans(citation: &Citation) -> Vec<Span> {
    let mut spans = vec![match &citation.url {
        Some(url) => Span::Link { text: citation.title.clone(), url: url.clone() },
        None => Span::Text(citation.title.clone()),
    }];
    let mut tail = String::new();
    if !citation.organizations.is_empty() {
        tail.push_str(&format!(" ({})", citation.organizations.join(", ")));
    }
    if let Some(date) = &citation.date {
        tail.push_str(&format!(", {date}"));
    }
    if !tail.is_empty() {
        spans.push(Span::Text(tail));
    }
    spans
}

fn sources_view(knowledge: &Knowledge, t: &Texts) -> Vec<Block> {
    let mut blocks = vec![para(t.sources_header)];
    for document in &knowledge.documents {
        let mut spans = vec![Span::Text("• ".into())];
        spans.extend(citation_spans(&Citation::of(document)));
        blocks.push(Block::Para(spans));
    }
    blocks
}

fn about_view(knowledge: &Knowledge, t: &Texts) -> Vec<Block> {
    let counts = Counts::of(knowledge).values();
    let mut values: Vec<(&str, &str)> = counts.iter().map(|(k, v)| (*k, v.as_str())).collect();
    values.push(("version", env!("CARGO_PKG_VERSION")));
    vec![Block::Para(vec![Span::Text(fill(t.about, &values))])]
}

fn meeting_list(knowledge: &Knowledge, indices: &[usize], limit: usize) -> Block {
    let lines: Vec<String> =
        indices.iter().take(limit).map(|&i| format!("• {}", meeting_line(&knowledge.meetings[i]))).collect();
    Block::Para(vec![Span::Text(lines.join("\n"))])
}

fn para(text: &str) -> Block {
    Block::Para(vec![Span::Text(text.to_string())])
}

fn message(blocks: Vec<Block>) -> Vec<Reply> {
    vec![Reply::Message(Message { blocks, buttons: Vec::new() })]
}

/// Control characters (other than line breaks and tabs) become spaces.
fn clean(text: &str) -> String {
    text.chars().map(|c| if c.is_control() && c != '\n' && c != '\t' { ' ' } else { c }).collect()
}

/// At most `max` characters of `text` on one line, with an ellipsis when cut.
pub fn shorten(text: &str, max: usize) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    let mut out: String = flat.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

impl Span {
    /// The visible text.
    pub fn text(&self) -> &str {
        match self {
            Span::Text(s) | Span::Bold(s) | Span::Italic(s) => s,
            Span::Link { text, .. } => text,
        }
    }
}

impl Message {
    /// The message as a terminal shows it: quotes prefixed with `> `, links followed by their
    /// address, suggestion buttons listed under the text.
    pub fn to_plain(&self) -> String {
        let mut out = String::new();
        for (n, block) in self.blocks.iter().enumerate() {
            if n > 0 {
                out.push_str("\n\n");
            }
            match block {
                Block::Para(spans) => out.push_str(&plain_spans(spans)),
                Block::Quote(spans) => {
                    let text = plain_spans(spans);
                    let quoted: Vec<String> = text.lines().map(|l| format!("> {l}")).collect();
                    out.push_str(&quoted.join("\n"));
                }
            }
        }
        out.push('\n');
        for button in self.buttons.iter().flatten() {
            if let Action::Suggestion { .. } = button.action {
                out.push_str(&format!("  • {}\n", button.label));
            }
        }
        out
    }
}

fn plain_spans(spans: &[Span]) -> String {
    spans
        .iter()
        .map(|span| match span {
            Span::Link { text, url } => format!("{text} <{url}>"),
            other => other.text().to_string(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actions_round_trip_within_64_bytes() {
        let actions = [
            Action::More { question: u64::MAX / 2, from: 5 },
            Action::Sources { question: 1 },
            Action::Suggestion { question: 42, index: 2 },
        ];
        for action in actions {
            let data = action.encode();
            assert!(data.len() <= MAX_CALLBACK_BYTES);
            assert_eq!(Action::decode(&data), Some(action));
        }
    }

    #[test]
    fn forged_callback_data_is_rejected() {
        for data in ["", "m", "m:1", "m:1:99", "d:1:3", "s:-1", "s:1:2", "x:1", "s:99999999999999999999999", "m:+1:1"] {
            assert_eq!(Action::decode(data), None, "{data}");
        }
    }

    #[test]
    fn highlights_become_bold_and_bad_ranges_are_ignored() {
        let spans = highlighted("SCO met in Almaty", &[0..3, 2..5, 11..17, 40..50]);
        assert_eq!(spans, [Span::Bold("SCO".into()), Span::Text(" met in ".into()), Span::Bold("Almaty".into()),]);
        assert_eq!(highlighted("Алматы", &[1..3, 7..9]), [Span::Text("Алматы".into())]);
    }

    #[test]
    fn commands_parse_with_arguments_and_case() {
        assert_eq!(Command::parse("/ASK  when?"), Some((Ok(Command::Ask), "when?")));
        assert_eq!(Command::parse("/start meetings").unwrap().1, "meetings");
        assert_eq!(Command::parse("/frob x"), Some((Err("frob".into()), "x")));
        assert_eq!(Command::parse("hello /help"), None);
    }

    #[test]
    fn bare_greetings_and_thanks_are_small_talk_but_questions_are_not() {
        assert_eq!(small_talk("Thanks!"), Some(SmallTalk::Thanks));
        assert_eq!(small_talk("Спасибо большое"), Some(SmallTalk::Thanks));
        assert_eq!(small_talk("hello"), Some(SmallTalk::Greeting));
        assert_eq!(small_talk("Hello, when did the SCO meet in Almaty?"), None);
        assert_eq!(small_talk("thanks to whom did Tokayev express gratitude?"), None);
    }

    #[test]
    fn control_characters_become_spaces() {
        assert_eq!(clean("a\u{0}b\u{7}c\nd\u{1b}[31m"), "a b c\nd [31m");
    }
}
