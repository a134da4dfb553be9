//! A source document (`documents/*.md`): the TOML front matter between `+++` lines, its
//! checks (id, title, date, url), and the body cut into paragraphs with their file lines.

use serde::Deserialize;
use toml::Spanned;

use super::{is_valid_id, parse_date, Problems, Source};
use crate::knowledge::{Document, Paragraph};

const FRONT_MATTER_FENCE: &str = "+++";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    id: Spanned<String>,
    title: Spanned<String>,
    #[serde(default)]
    organizations: Vec<String>,
    date: Option<Spanned<String>>,
    date_label: Option<Spanned<String>>,
    url: Option<Spanned<String>>,
    publisher: Option<String>,
    /// The raw page this document was cleaned from; kept for provenance only.
    #[allow(dead_code)]
    seed: Option<String>,
}

/// Parses one document; returns it with the line of its `id`, for duplicate reports.
pub(super) fn parse_document(file: &str, text: &str, problems: &mut Problems) -> Option<(Document, usize)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.split_inclusive('\n');
    let opening = lines.next().unwrap_or_default();
    if opening.trim() != FRONT_MATTER_FENCE {
        problems.add(
            file,
            1,
            "missing front matter: the file must start with a '+++' line, the TOML metadata, then another '+++' line",
        );
        return None;
    }
    let front_start = opening.len();
    let mut offset = front_start;
    let mut front_end = None;
    for line in lines {
        if line.trim() == FRONT_MATTER_FENCE {
            front_end = Some(offset);
            offset += line.len();
            break;
        }
        offset += line.len();
    }
    let Some(front_end) = front_end else {
        problems.add(file, 1, "front matter is not closed: add a '+++' line after the metadata");
        return None;
    };
    let front_text = &text[front_start..front_end];
    let front_source = Source { file, text: front_text, first_line: 2 };
    let front: FrontMatter = front_source.parse(problems)?;
    let body_first_line = 2 + front_text.matches('\n').count() + 1;
    let body = &text[offset..];

    let before = problems.list.len();
    let id = front.id.get_ref().trim().to_string();
    if !is_valid_id(&id) {
        problems.add(file, front_source.line(front.id.span()), format!("id '{id}' must use only a-z, 0-9 and '-'"));
    }
    if front.title.get_ref().trim().is_empty() {
        problems.add(file, front_source.line(front.title.span()), "title is empty");
    }
    let date = front.date.as_ref().and_then(|d| parse_date(d, &front_source, problems));
    if let Some(label) = &front.date_label {
        if !["published", "updated"].contains(&label.get_ref().as_str()) {
            problems.add(
                file,
                front_source.line(label.span()),
                format!("date_label '{}' must be \"published\" or \"updated\"", label.get_ref()),
            );
        }
        if front.date.is_none() {
            problems.add(file, front_source.line(label.span()), "date_label given without a date");
        }
    }
    if let Some(url) = &front.url {
        if !(url.get_ref().starts_with("https://") || url.get_ref().starts_with("http://")) {
            problems.add(
                file,
                front_source.line(url.span()),
                format!("url '{}' must start with http:// or https://", url.get_ref()),
            );
        }
    }
    let paragraphs = split_paragraphs(body, body_first_line);
    if paragraphs.is_empty() {
        problems.add(file, body_first_line, "the document has no text after the front matter");
    }
    if problems.list.len() > before {
        return None;
    }
    let id_line = front_source.line(front.id.span());
    let document = Document {
        id,
        title: front.title.get_ref().trim().to_string(),
        organizations: front.organizations,
        date,
        date_label: front.date_label.map(Spanned::into_inner),
        url: front.url.map(Spanned::into_inner),
        publisher: front.publisher,
        path: file.to_string(),
        paragraphs,
    };
    Some((document, id_line))
}

/// Splits a body into blank-line-separated blocks, dropping list markers (`- `, `* `).
fn split_paragraphs(body: &str, first_line: usize) -> Vec<Paragraph> {
    let mut paragraphs = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    let mut start = first_line;
    for (i, raw) in body.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() {
            if !current.is_empty() {
                paragraphs.push(Paragraph { text: current.join("\n"), line: start });
                current.clear();
            }
            continue;
        }
        if current.is_empty() {
            start = first_line + i;
        }
        let item = line.strip_prefix("- ").or_else(|| line.strip_prefix("* ")).unwrap_or(line).trim();
        current.push(item);
    }
    if !current.is_empty() {
        paragraphs.push(Paragraph { text: current.join("\n"), line: start });
    }
    paragraphs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_keep_their_first_line_and_drop_list_markers() {
        let body = "First para\ncontinues.\n\n- item one\n- item two\n\n\nLast.";
        let paragraphs = split_paragraphs(body, 10);
        assert_eq!(paragraphs.len(), 3);
        assert_eq!(paragraphs[0].line, 10);
        assert_eq!(paragraphs[1].text, "item one\nitem two");
        assert_eq!(paragraphs[1].line, 13);
        assert_eq!(paragraphs[2].line, 17);
    }
}
