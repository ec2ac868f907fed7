//! The small text format of a section body: `## ` headings, paragraphs, `- ` lists,
//! and `[[term-id|shown words]]` glossary words. Nothing else, so every page looks the same.
//! Trace comments (`<!-- source: "..." -->`) are taken out of the text and kept beside it.

use serde::Serialize;
use ts_rs::TS;

use super::trace::Trace;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(tag = "type", rename_all = "camelCase")]
#[ts(export)]
pub enum Block {
    Heading {
        text: String,
    },
    Paragraph {
        inlines: Vec<Inline>,
        /// Where the paragraph's words come from. Never shown, searched or printed.
        #[serde(skip)]
        #[ts(skip)]
        trace: Trace,
    },
    List {
        items: Vec<Vec<Inline>>,
        /// One trace per item, in the same order.
        #[serde(skip)]
        #[ts(skip)]
        traces: Vec<Trace>,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(tag = "type", rename_all = "camelCase")]
#[ts(export)]
pub enum Inline {
    Text { text: String },
    Term { id: String, text: String },
}

impl Inline {
    pub fn text(&self) -> &str {
        match self {
            Inline::Text { text } | Inline::Term { text, .. } => text,
        }
    }
}

impl Block {
    /// The words of the block as a reader would see them.
    pub fn plain_text(&self) -> String {
        let join = |inlines: &[Inline]| inlines.iter().map(Inline::text).collect::<String>();
        match self {
            Block::Heading { text } => text.clone(),
            Block::Paragraph { inlines, .. } => join(inlines),
            Block::List { items, .. } => items.iter().map(|i| join(i)).collect::<Vec<_>>().join("\n"),
        }
    }

    /// Each statement of the block (a paragraph, or one list item) in plain words, with its trace.
    /// Headings state nothing, so they have none.
    pub fn statements(&self) -> Vec<(String, &Trace)> {
        let join = |inlines: &[Inline]| inlines.iter().map(Inline::text).collect::<String>();
        match self {
            Block::Heading { .. } => Vec::new(),
            Block::Paragraph { inlines, trace } => vec![(join(inlines), trace)],
            Block::List { items, traces } => items.iter().map(|i| join(i)).zip(traces).collect(),
        }
    }
}

/// Turns a section body into blocks, or says in plain words what is wrong and on which line.
pub fn parse(body: &str) -> Result<Vec<Block>, String> {
    let mut blocks = Vec::new();
    let mut paragraph: Vec<String> = Vec::new();
    let mut comments: Vec<String> = Vec::new();
    let mut items: Vec<(Vec<Inline>, Vec<String>, usize)> = Vec::new();
    // The line of the paragraph's first comment, so a bad trace names where it is.
    let mut traced_at = 0;

    let flush = |blocks: &mut Vec<Block>,
                 paragraph: &mut Vec<String>,
                 comments: &mut Vec<String>,
                 items: &mut Vec<(Vec<Inline>, Vec<String>, usize)>,
                 line: usize,
                 traced_at: usize|
     -> Result<(), String> {
        if !paragraph.is_empty() {
            let inlines = parse_inlines(&paragraph.join(" ")).map_err(|p| format!("line {line}: {p}"))?;
            let trace = Trace::from_comments(comments).map_err(|p| format!("line {traced_at}: {p}"))?;
            blocks.push(Block::Paragraph { inlines, trace });
            paragraph.clear();
            comments.clear();
        }
        if !items.is_empty() {
            let mut list = Vec::new();
            let mut traces = Vec::new();
            for (inlines, item_comments, at) in std::mem::take(items) {
                list.push(inlines);
                traces.push(Trace::from_comments(&item_comments).map_err(|p| format!("line {at}: {p}"))?);
            }
            blocks.push(Block::List { items: list, traces });
        }
        Ok(())
    };

    for (index, raw) in body.lines().enumerate() {
        let number = index + 1;
        let (line, found) = take_comments(raw.trim()).map_err(|p| format!("line {number}: {p}"))?;
        if line.is_empty() && !found.is_empty() {
            // A comment on a line of its own traces the paragraph or list item just above it.
            if let Some((_, item_comments, _)) = items.last_mut() {
                item_comments.extend(found);
            } else if !paragraph.is_empty() {
                if comments.is_empty() {
                    traced_at = number;
                }
                comments.extend(found);
            } else {
                return Err(format!(
                    "line {number}: a trace comment must come straight after the paragraph or list item it traces (headings need none)"
                ));
            }
        } else if line.is_empty() {
            flush(&mut blocks, &mut paragraph, &mut comments, &mut items, number, traced_at)?;
        } else if let Some(heading) = line.strip_prefix("## ") {
            if !found.is_empty() {
                return Err(format!("line {number}: headings need no trace comment"));
            }
            flush(&mut blocks, &mut paragraph, &mut comments, &mut items, number, traced_at)?;
            blocks.push(Block::Heading { text: heading.trim().to_string() });
        } else if line.starts_with('#') {
            return Err(format!("line {number}: only '## ' headings are allowed"));
        } else if let Some(item) = line.strip_prefix("- ") {
            if !paragraph.is_empty() {
                flush(&mut blocks, &mut paragraph, &mut comments, &mut items, number, traced_at)?;
            }
            items.push((parse_inlines(item.trim()).map_err(|p| format!("line {number}: {p}"))?, found, number));
        } else {
            if !items.is_empty() {
                return Err(format!("line {number}: leave a blank line after a list"));
            }
            if !comments.is_empty() {
                return Err(format!("line {number}: trace comments go after the whole paragraph, not inside it"));
            }
            if !found.is_empty() && comments.is_empty() {
                traced_at = number;
            }
            comments.extend(found);
            paragraph.push(line);
        }
    }
    flush(&mut blocks, &mut paragraph, &mut comments, &mut items, body.lines().count(), traced_at)?;
    if blocks.is_empty() {
        return Err("the section has no text".into());
    }
    Ok(blocks)
}

/// Takes every `<!-- ... -->` out of a line: the words left, and what each comment said.
fn take_comments(line: &str) -> Result<(String, Vec<String>), String> {
    let mut words = String::new();
    let mut found = Vec::new();
    let mut rest = line;
    while let Some(start) = rest.find("<!--") {
        words.push_str(&rest[..start]);
        let after = &rest[start + 4..];
        let end = after.find("-->").ok_or("a <!-- comment is missing its closing -->")?;
        found.push(after[..end].trim().to_string());
        rest = &after[end + 3..];
    }
    if rest.contains("-->") {
        return Err("a --> has no opening <!--".into());
    }
    words.push_str(rest);
    Ok((words.trim().to_string(), found))
}

fn parse_inlines(text: &str) -> Result<Vec<Inline>, String> {
    let mut inlines = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("[[") {
        if start > 0 {
            inlines.push(Inline::Text { text: rest[..start].to_string() });
        }
        let after = &rest[start + 2..];
        let end = after.find("]]").ok_or("a [[glossary word]] is missing its closing ]]")?;
        let inner = &after[..end];
        let (id, shown) = inner.split_once('|').unwrap_or((inner, ""));
        let id = id.trim();
        if id.is_empty() {
            return Err("a [[glossary word]] has no id".into());
        }
        // `[[cell]]` shows the word "cell" itself.
        let shown = if shown.trim().is_empty() { id } else { shown.trim() };
        inlines.push(Inline::Term { id: id.to_string(), text: shown.to_string() });
        rest = &after[end + 2..];
    }
    if rest.contains("]]") {
        return Err("a ]] has no opening [[".into());
    }
    if !rest.is_empty() {
        inlines.push(Inline::Text { text: rest.to_string() });
    }
    Ok(inlines)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::NotFromSource;

    #[test]
    fn headings_paragraphs_and_lists_become_blocks() {
        let blocks = parse("## Title\n\nOne line\nand [[cell]] more.\n\n- first\n- second [[tki|TKIs]]\n").unwrap();
        assert_eq!(blocks.len(), 3);
        assert_eq!(blocks[0], Block::Heading { text: "Title".into() });
        assert_eq!(blocks[1].plain_text(), "One line and cell more.");
        match &blocks[2] {
            Block::List { items, .. } => {
                assert_eq!(items.len(), 2);
                assert_eq!(items[1][1], Inline::Term { id: "tki".into(), text: "TKIs".into() });
            }
            other => panic!("expected a list, got {other:?}"),
        }
    }

    #[test]
    fn unclosed_glossary_word_names_its_line() {
        let err = parse("Fine.\n\nA [[tki broken line.\n").unwrap_err();
        assert!(err.starts_with("line 3"), "{err}");
    }

    #[test]
    fn trace_comments_are_kept_beside_the_text_not_in_it() {
        let body =
            "## Title\n\nOne line\nand more.\n<!-- source: \"first quote here\" -->\n<!-- source: \"second\" -->\n\n\
                    - an item <!-- not from the source: app-help -->\n- another <!-- source: \"x y z w\" -->\n- bare\n";
        let blocks = parse(body).unwrap();
        assert_eq!(blocks[1].plain_text(), "One line and more.");
        let Block::Paragraph { trace, .. } = &blocks[1] else { panic!("a paragraph") };
        assert_eq!(trace, &Trace::Source(vec!["first quote here".into(), "second".into()]));
        assert_eq!(blocks[2].plain_text(), "an item\nanother\nbare");
        let traces: Vec<&Trace> = blocks[2].statements().into_iter().map(|(_, t)| t).collect();
        assert_eq!(
            traces,
            [&Trace::NotFromSource(NotFromSource::AppHelp), &Trace::Source(vec!["x y z w".into()]), &Trace::Untraced]
        );
        let json = serde_json::to_string(&blocks).unwrap();
        assert!(!json.contains("quote") && !json.contains("trace") && !json.contains("app-help"), "{json}");
    }

    #[test]
    fn a_broken_trace_comment_names_its_line() {
        let err = parse("Fine.\n<!-- source: no quotes -->\n").unwrap_err();
        assert!(err.starts_with("line 2"), "{err}");
        let err = parse("## Title\n<!-- source: \"a b c d\" -->\n").unwrap_err();
        assert!(err.starts_with("line 2"), "{err}");
        let err = parse("Fine. <!-- source: \"a b c d\"\n").unwrap_err();
        assert!(err.contains("-->"), "{err}");
    }

    #[test]
    fn single_hash_heading_is_refused() {
        assert!(parse("# Too big\n").is_err());
    }
}
