//! The reply model of [`crate::conversation::model`] as Telegram HTML: every dynamic string escaped, only the
//! tags Telegram accepts, and no message over the length limit (split at paragraphs).

use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup};
use teloxide::utils::html::escape;

use crate::conversation::{Block, Button, Span};

/// Telegram's limit for a message, counted here in UTF-16 units of the HTML source, which is
/// never shorter than the text left after entity parsing (what Telegram counts).
pub const MAX_MESSAGE_LEN: usize = 4096;

/// Length as Telegram counts it.
pub fn telegram_len(text: &str) -> usize {
    text.encode_utf16().count()
}

/// Renders `blocks` into messages of at most `limit` UTF-16 units, splitting between
/// paragraphs, and inside a paragraph only when it alone is too long.
pub fn render(blocks: &[Block], limit: usize) -> Vec<String> {
    let mut messages = Vec::new();
    let mut current = String::new();
    for block in blocks {
        for piece in render_block(block, limit) {
            let joined = telegram_len(&current) + 2 + telegram_len(&piece);
            if !current.is_empty() && joined > limit {
                messages.push(std::mem::take(&mut current));
            }
            if !current.is_empty() {
                current.push_str("\n\n");
            }
            current.push_str(&piece);
        }
    }
    if !current.is_empty() || messages.is_empty() {
        messages.push(current);
    }
    messages
}

/// One block as HTML; several pieces when it is longer than `limit`.
fn render_block(block: &Block, limit: usize) -> Vec<String> {
    let (spans, open, close) = match block {
        Block::Para(spans) => (spans, "", ""),
        Block::Quote(spans) => (spans, "<blockquote>", "</blockquote>"),
    };
    let html = format!("{open}{}{close}", render_spans(spans));
    if telegram_len(&html) <= limit {
        return vec![html];
    }
    // Too long for one message: drop the emphasis and cut the plain text at word boundaries.
    let text: String = spans.iter().map(Span::text).collect();
    let budget = limit - telegram_len(open) - telegram_len(close);
    split_escaped(&text, budget).into_iter().map(|piece| format!("{open}{piece}{close}")).collect()
}

/// Escaped pieces of `text`, each at most `budget` UTF-16 units, cut after a line when
/// possible, else after whitespace, and never inside a character or an entity.
fn split_escaped(text: &str, budget: usize) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut current = String::new();
    let mut current_len = 0;
    let mut add = |unit: String, pieces: &mut Vec<String>| {
        let len = telegram_len(&unit);
        if current_len + len > budget && !current.is_empty() {
            pieces.push(std::mem::take(&mut current));
            current_len = 0;
        }
        current.push_str(&unit);
        current_len += len;
    };
    for line in text.split_inclusive('\n') {
        if telegram_len(&escape(line)) <= budget {
            add(escape(line), &mut pieces);
            continue;
        }
        for word in line.split_inclusive(char::is_whitespace) {
            if telegram_len(&escape(word)) <= budget {
                add(escape(word), &mut pieces);
                continue;
            }
            for c in word.chars() {
                add(escape(c.encode_utf8(&mut [0; 4])), &mut pieces);
            }
        }
    }
    if !current.is_empty() {
        pieces.push(current);
    }
    pieces
}

/// Spans as HTML. Links other than http(s) are shown as text.
pub fn render_spans(spans: &[Span]) -> String {
    let mut out = String::new();
    for span in spans {
        match span {
            Span::Text(text) => out.push_str(&escape(text)),
            Span::Bold(text) => out.push_str(&format!("<b>{}</b>", escape(text))),
            Span::Italic(text) => out.push_str(&format!("<i>{}</i>", escape(text))),
            Span::Link { text, url } if url.starts_with("https://") || url.starts_with("http://") => {
                out.push_str(&format!("<a href=\"{}\">{}</a>", escape(url).replace('"', "&quot;"), escape(text)))
            }
            Span::Link { text, .. } => out.push_str(&escape(text)),
        }
    }
    out
}

/// Rows of buttons as an inline keyboard; `None` when there are none.
pub fn keyboard(rows: &[Vec<Button>]) -> Option<InlineKeyboardMarkup> {
    if rows.iter().all(Vec::is_empty) {
        return None;
    }
    Some(InlineKeyboardMarkup::new(rows.iter().map(|row| {
        row.iter().map(|b| InlineKeyboardButton::callback(b.label.clone(), b.action.encode())).collect::<Vec<_>>()
    })))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dynamic_text_is_escaped_and_links_quoted() {
        let html = render_spans(&[
            Span::Text("a < b & c > d".into()),
            Span::Bold("<script>".into()),
            Span::Link { text: "R&D".into(), url: "https://example.org/?a=1&b=\"2\"".into() },
            Span::Link { text: "bad".into(), url: "javascript:alert(1)".into() },
        ]);
        assert_eq!(
            html,
            "a &lt; b &amp; c &gt; d<b>&lt;script&gt;</b><a href=\"https://example.org/?a=1&amp;b=&quot;2&quot;\">R&amp;D</a>bad"
        );
    }

    #[test]
    fn long_replies_split_between_paragraphs() {
        let para = |c: char| Block::Para(vec![Span::Text(c.to_string().repeat(3000))]);
        let messages = render(&[para('a'), para('b'), para('c')], MAX_MESSAGE_LEN);
        assert_eq!(messages.len(), 3);
        for (message, c) in messages.iter().zip(['a', 'b', 'c']) {
            assert_eq!(message, &c.to_string().repeat(3000));
        }
    }

    #[test]
    fn an_oversized_quote_is_cut_at_words_and_stays_well_formed() {
        let text = "<&> word ".repeat(2000);
        let messages = render(&[Block::Quote(vec![Span::Text(text)])], MAX_MESSAGE_LEN);
        assert!(messages.len() > 1);
        for m in &messages {
            assert!(telegram_len(m) <= MAX_MESSAGE_LEN);
            assert!(m.starts_with("<blockquote>") && m.ends_with("</blockquote>"));
            assert!(!m.contains("&am<") && !m.trim_end_matches("</blockquote>").ends_with('&'));
        }
    }
}
