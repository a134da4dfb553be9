//! A quote that ends by announcing a list ("…the highest decision making body in ICT:") says
//! nothing without it: the list items that follow in the document are quoted with it.

use crate::knowledge::Document;

/// Most list items quoted after an announcing sentence.
const MAX_ITEMS: usize = 8;
/// A paragraph longer than this is prose, not a list item.
const MAX_ITEM_CHARS: usize = 300;
/// Longest list quoted, in characters.
const MAX_LIST_CHARS: usize = 900;

/// `snippet`, a quote of `document`, followed by the list items after it in the document
/// when it ends with a colon; otherwise `snippet` as it is. Items are the lines after the quote
/// in its paragraph, or the short paragraphs after it when it ends one; they are joined by line
/// breaks, so the quote stays the document's text, whitespace aside.
pub fn with_list_that_follows(document: &Document, snippet: &str) -> String {
    let quote = snippet.trim_end();
    if !quote.ends_with(':') {
        return snippet.to_string();
    }
    let found = document.paragraphs.iter().enumerate().find_map(|(n, p)| p.text.find(quote).map(|at| (n, at)));
    let Some((n, at)) = found else {
        return snippet.to_string();
    };
    let rest = &document.paragraphs[n].text[at + quote.len()..];
    let items: Vec<&str> = if rest.trim().is_empty() {
        document.paragraphs[n + 1..].iter().map(|p| p.text.as_str()).collect()
    } else if rest.starts_with('\n') {
        rest.lines().map(str::trim).filter(|l| !l.is_empty()).collect()
    } else {
        Vec::new()
    };
    let mut quoted = quote.to_string();
    let mut budget = MAX_LIST_CHARS;
    for item in items.into_iter().take(MAX_ITEMS) {
        let chars = item.chars().count();
        if chars > MAX_ITEM_CHARS || chars > budget {
            break;
        }
        budget -= chars;
        quoted.push('\n');
        quoted.push_str(item);
    }
    quoted
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::Paragraph;

    fn document(paragraphs: &[&str]) -> Document {
        Document {
            id: "doc".into(),
            title: "Doc".into(),
            organizations: Vec::new(),
            date: None,
            date_label: None,
            url: None,
            publisher: None,
            path: "documents/doc.md".into(),
            paragraphs: paragraphs.iter().map(|t| Paragraph { text: t.to_string(), line: 1 }).collect(),
        }
    }

    #[test]
    fn a_quote_ending_in_a_colon_brings_the_list_items_after_it() {
        let doc = document(&[
            "The ministerial meeting is the highest body:",
            "1st meeting held on November 29, 2016 in Baku;",
            "2nd meeting held on 9 November 2017 in Istanbul.",
            "Long prose follows. ".repeat(20).as_str(),
        ]);
        let quote = with_list_that_follows(&doc, "The ministerial meeting is the highest body:");
        assert_eq!(
            quote,
            "The ministerial meeting is the highest body:\n1st meeting held on November 29, 2016 in Baku;\n\
             2nd meeting held on 9 November 2017 in Istanbul."
        );
    }

    #[test]
    fn other_quotes_stay_as_they_are() {
        let doc = document(&["It met twice: in Baku and in Istanbul.", "Then it rested."]);
        let text = &doc.paragraphs[0].text;
        assert_eq!(with_list_that_follows(&doc, text), *text);
        // A colon inside a line announces nothing on the next lines.
        let doc = document(&["It ended with this: a long line\nand another line."]);
        assert_eq!(with_list_that_follows(&doc, "It ended with this:"), "It ended with this:");
        // A quote the document does not hold is left alone.
        assert_eq!(with_list_that_follows(&doc, "Other text:"), "Other text:");
    }

    #[test]
    fn the_lines_after_a_quote_within_its_paragraph_are_its_list() {
        let doc = document(&["Three meetings were held. The meetings were:\n1st in Baku;\n2nd in Istanbul.", "Prose."]);
        assert_eq!(
            with_list_that_follows(&doc, "The meetings were:"),
            "The meetings were:\n1st in Baku;\n2nd in Istanbul."
        );
    }
}
