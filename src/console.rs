//! The command-line front end: the `ask --json` contract (straight over [`crate::answer`]),
//! and plain-text rendering of the conversation for `ask` and the console chat.

use std::io::{self, BufRead, Write};

use chrono::NaiveDate;
use serde::Serialize;

use crate::answer::{answer, Answer, Confidence};
use crate::conversation::{Action, Block, ChatKind, Content, Conversation, Incoming, Message, Reply, Sender, Span};
use crate::search::Engine;

/// The chat id the console's conversation is remembered under.
pub const CONSOLE_CHAT_ID: i64 = 0;

/// One line of `ask --json` output.
#[derive(Debug, Serialize)]
pub struct JsonAnswer<'a> {
    pub question: &'a str,
    pub answered: bool,
    /// `sure`, `unsure` (answered with a caveat) or `declined`: what the reader is told.
    pub confidence: &'static str,
    pub hits: Vec<JsonHit<'a>>,
}

/// One hit of `ask --json` output.
#[derive(Debug, Serialize)]
pub struct JsonHit<'a> {
    /// Verbatim document text (a calendar listing: the bot's lines, citing `meetings.toml`).
    pub snippet: &'a str,
    pub title: &'a str,
    pub source: &'a str,
    pub url: Option<&'a str>,
    pub score: f32,
    /// A meeting hit's calendar line, in the bot's words; absent for other hits.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<&'a str>,
}

impl<'a> From<&'a Answer> for JsonAnswer<'a> {
    fn from(answer: &'a Answer) -> Self {
        JsonAnswer {
            question: &answer.question,
            answered: answer.answered(),
            confidence: match answer.confidence {
                Confidence::Sure => "sure",
                Confidence::Unsure => "unsure",
                Confidence::Declined => "declined",
            },
            hits: answer
                .hits
                .iter()
                .map(|h| JsonHit {
                    snippet: &h.snippet,
                    title: &h.citation.title,
                    source: &h.citation.source,
                    url: h.citation.url.as_deref(),
                    score: (h.score * 1000.0).round() / 1000.0,
                    line: h.line.as_deref(),
                })
                .collect(),
        }
    }
}

/// A message as a terminal shows it: quotes prefixed with `> `, links followed by their
/// address, suggestion buttons listed under the text. `ictbot ask` and the console chat both
/// print through this, so they show the same answer.
pub fn render_plain(message: &Message) -> String {
    let mut out = String::new();
    for (n, block) in message.blocks.iter().enumerate() {
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
    for button in message.buttons.iter().flatten() {
        if let Action::Suggestion { .. } = button.action {
            out.push_str(&format!("  • {}\n", button.label));
        }
    }
    out
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

/// `ictbot ask "question"`: the reply the console chat would give, printed once.
pub fn ask(conversation: &Conversation, question: &str, mut output: impl Write) -> io::Result<()> {
    for reply in conversation.handle(&console_message(question.to_string())) {
        print_reply(&mut output, reply)?;
    }
    output.flush()
}

fn console_message(text: String) -> Incoming {
    Incoming {
        chat_id: CONSOLE_CHAT_ID,
        chat_kind: ChatKind::Private,
        thread_id: None,
        sender: Sender::Console,
        language_code: None,
        addressed: true,
        content: Content::Text(text),
        sender_is_chat_admin: None,
        replies_to_bot: None,
    }
}

/// Prints one reply as plain text; a file is printed whole after its name.
pub fn print_reply(output: &mut impl Write, reply: Reply) -> io::Result<()> {
    match reply {
        Reply::Message(message) => writeln!(output, "{}", render_plain(&message)),
        Reply::Notice(notice) => writeln!(output, "{notice}\n"),
        Reply::Document { file_name, text, caption, .. } => {
            writeln!(output, "[{file_name}] {}\n{text}", caption.unwrap_or_default())
        }
    }
}

/// Reads one line, lossily decoded; `None` at end of input. The line is kept whole so that
/// `ask --json` echoes it exactly; the engine itself reads only the first words of a question,
/// and the chat answers an over-long message with a notice.
fn read_question(input: &mut impl BufRead) -> io::Result<Option<String>> {
    let mut buf = Vec::new();
    if input.read_until(b'\n', &mut buf)? == 0 {
        return Ok(None);
    }
    while buf.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
        buf.pop();
    }
    Ok(Some(String::from_utf8_lossy(&buf).into_owned()))
}

/// The `ask --json` contract: one JSON object per input line, in order.
pub fn ask_json(engine: &Engine, mut input: impl BufRead, mut output: impl Write, today: NaiveDate) -> io::Result<()> {
    while let Some(question) = read_question(&mut input)? {
        let answer = answer(engine, &question, today);
        serde_json::to_writer(&mut output, &JsonAnswer::from(&answer))?;
        output.write_all(b"\n")?;
    }
    output.flush()
}

/// The console chat: reads messages line by line until end of input and prints the bot's
/// replies as plain text. Lines go through the same conversation as Telegram messages, so
/// commands such as `/meetings` work here too.
pub fn chat(
    conversation: &Conversation,
    mut input: impl BufRead,
    mut output: impl Write,
    interactive: bool,
) -> io::Result<()> {
    if interactive {
        writeln!(output, "ictbot console: ask about regional ICT cooperation, or /help (Ctrl-D to quit).")?;
    }
    loop {
        if interactive {
            write!(output, "> ")?;
            output.flush()?;
        }
        let Some(line) = read_question(&mut input)? else {
            break;
        };
        if line.trim().is_empty() {
            continue;
        }
        for reply in conversation.handle(&console_message(line)) {
            print_reply(&mut output, reply)?;
        }
    }
    output.flush()
}
