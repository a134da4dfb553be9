//! What Telegram does with an HTML-mode message: accept it or not (allowed tags, balanced,
//! entities escaped, 1–4096 characters after parsing), and what text the reader sees.

#![allow(dead_code)]

const ALLOWED: &[&str] = &[
    "b",
    "strong",
    "i",
    "em",
    "u",
    "ins",
    "s",
    "strike",
    "del",
    "span",
    "tg-spoiler",
    "a",
    "code",
    "pre",
    "blockquote",
    "tg-emoji",
];

/// Panics, with the reason, unless Telegram would accept `html` as a message text.
pub fn assert_accepted(html: &str) {
    let visible = parse(html).unwrap_or_else(|e| panic!("Telegram would reject: {e}\n{html}"));
    let len = visible.text.encode_utf16().count();
    assert!((1..=4096).contains(&len), "message is {len} characters after entity parsing");
}

/// The text a reader sees, written the way the console prints it: links as `text <url>`,
/// quoted lines prefixed with `> `.
pub fn as_console_text(html: &str) -> String {
    parse(html).expect("valid HTML").console
}

struct Parsed {
    text: String,
    console: String,
}

fn unescape(entity: &str) -> Result<char, String> {
    match entity {
        "lt" => Ok('<'),
        "gt" => Ok('>'),
        "amp" => Ok('&'),
        "quot" => Ok('"'),
        _ => entity
            .strip_prefix('#')
            .and_then(|n| n.parse::<u32>().ok())
            .and_then(char::from_u32)
            .ok_or_else(|| format!("unknown entity &{entity};")),
    }
}

fn parse(html: &str) -> Result<Parsed, String> {
    let mut text = String::new();
    let mut console = String::new();
    let mut stack: Vec<(String, Option<String>)> = Vec::new();
    let mut link_text = String::new();
    let mut chars = html.char_indices().peekable();
    let mut push = |c: char, stack: &[(String, Option<String>)], console: &mut String, link: &mut String| {
        text.push(c);
        if stack.iter().any(|(t, _)| t == "a") {
            link.push(c);
        } else {
            console.push(c);
            if c == '\n' && stack.iter().any(|(t, _)| t == "blockquote") {
                console.push_str("> ");
            }
        }
    };
    while let Some((at, c)) = chars.next() {
        match c {
            '<' => {
                let end = html[at..].find('>').ok_or("unclosed tag")? + at;
                let tag = &html[at + 1..end];
                while chars.peek().is_some_and(|(i, _)| *i <= end) {
                    chars.next();
                }
                if let Some(name) = tag.strip_prefix('/') {
                    let (open, href) = stack.pop().ok_or(format!("stray </{name}>"))?;
                    if open != name {
                        return Err(format!("<{open}> closed by </{name}>"));
                    }
                    if name == "a" {
                        let href = href.unwrap_or_default();
                        console.push_str(&format!("{link_text} <{href}>"));
                        link_text.clear();
                    }
                } else {
                    let name = tag.split_whitespace().next().unwrap_or_default().to_string();
                    if !ALLOWED.contains(&name.as_str()) {
                        return Err(format!("tag <{name}> is not supported"));
                    }
                    let href = if name == "a" {
                        let attr = tag
                            .strip_prefix("a href=\"")
                            .and_then(|r| r.strip_suffix('"'))
                            .ok_or(format!("bad link tag <{tag}>"))?;
                        let mut url = String::new();
                        let mut rest = attr;
                        while let Some(amp) = rest.find('&') {
                            url.push_str(&rest[..amp]);
                            let semi = rest[amp..].find(';').ok_or("bare & in href")? + amp;
                            url.push(unescape(&rest[amp + 1..semi])?);
                            rest = &rest[semi + 1..];
                        }
                        url.push_str(rest);
                        Some(url)
                    } else {
                        None
                    };
                    if name == "blockquote" {
                        console.push_str("> ");
                    }
                    stack.push((name, href));
                }
            }
            '>' => return Err("bare > in text".into()),
            '&' => {
                let semi = html[at..].find(';').ok_or("bare & in text")? + at;
                let entity = &html[at + 1..semi];
                if entity.len() > 8 {
                    return Err("bare & in text".into());
                }
                while chars.peek().is_some_and(|(i, _)| *i <= semi) {
                    chars.next();
                }
                push(unescape(entity)?, &stack, &mut console, &mut link_text);
            }
            c => push(c, &stack, &mut console, &mut link_text),
        }
    }
    if let Some((open, _)) = stack.pop() {
        return Err(format!("<{open}> is never closed"));
    }
    Ok(Parsed { text, console })
}

#[test]
fn the_checker_rejects_what_telegram_rejects() {
    assert!(parse("a <b>bold</b> &amp; <a href=\"https://x.org/?a=1&amp;b\">l</a>").is_ok());
    for bad in ["a < b", "<b>x", "<div>x</div>", "x & y", "<b><i>x</b></i>", "&nbsp;"] {
        assert!(parse(bad).is_err(), "{bad}");
    }
    assert_eq!(
        as_console_text("<blockquote>one\ntwo</blockquote>\n\n— <a href=\"https://a.b\">T</a>"),
        "> one\n> two\n\n— T <https://a.b>"
    );
}
