//! The command-line front end: plain-text answers, the `ask --json` contract and the
//! interactive console chat, all over the same [`crate::answer`] code.

use std::io::{self, BufRead, Write};

use chrono::NaiveDate;
use serde::Serialize;

use crate::answer::{answer, Answer, Confidence};
use crate::chat::{Chat, ChatKind, Content, Incoming, Reply, Sender};
use crate::search::Engine;

/// The chat id the console's conversation is remembered under.
pub const CONSOLE_CHAT_ID: i64 = 0;

/// One line of `ask --json` output.
#[derive(Debug, Serialize)]
pub struct JsonAnswer<'a> {
    pub question: &'a str,
    pub answered: bool,
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

/// Renders an answer as a person reads it in a terminal: quotes with their sources.
pub fn render_plain(answer: &Answer) -> String {
    let mut out = String::new();
    match answer.confidence {
        Confidence::Declined => {
            out.push_str("I don't know: nothing in the knowledge base answers that.\n");
            out.push_str("I know about ICT cooperation in the Organization of Turkic States (Turkic Council), the SCO, the CIS and its Regional Commonwealth in the Field of Communications, and Uzbekistan's bilateral ICT ties, and about their meetings.\n");
        }
        Confidence::Unsure => out.push_str("I'm not sure this answers your question; the closest I found:\n\n"),
        Confidence::Sure => {}
    }
    for (n, hit) in answer.hits.iter().take(3).enumerate() {
        if n > 0 {
            out.push('\n');
        }
        if let Some(line) = &hit.line {
            out.push_str(line);
            out.push('\n');
        }
        for line in hit.snippet.lines() {
            out.push_str("> ");
            out.push_str(line);
            out.push('\n');
        }
        let c = &hit.citation;
        let mut cite = format!("  — {}", c.title);
        if !c.organizations.is_empty() {
            cite.push_str(&format!(" ({})", c.organizations.join(", ")));
        }
        if let Some(date) = &c.date {
            cite.push_str(&format!(", {date}"));
        }
        cite.push_str(&format!(", {}", c.url.as_deref().unwrap_or(&c.source)));
        out.push_str(&cite);
        out.push('\n');
    }
    if !answer.suggestions.is_empty() {
        out.push_str("\nDid you mean:\n");
        for s in &answer.suggestions {
            out.push_str(&format!("  - {s}\n"));
        }
    }
    out
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
pub fn chat(chat: &Chat, mut input: impl BufRead, mut output: impl Write, interactive: bool) -> io::Result<()> {
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
        let incoming = Incoming {
            chat_id: CONSOLE_CHAT_ID,
            chat_kind: ChatKind::Private,
            sender: Sender::Console,
            language_code: None,
            addressed: true,
            content: Content::Text(line),
        };
        for reply in chat.handle(&incoming) {
            match reply {
                Reply::Message(message) => writeln!(output, "{}", message.to_plain())?,
                Reply::Notice(notice) => writeln!(output, "{notice}\n")?,
            }
        }
    }
    output.flush()
}
