//! The small text format of a section body: `## ` headings, paragraphs, `- ` lists,
//! and `[[term-id|shown words]]` glossary words. Nothing else, so every page looks the same.

use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(tag = "type", rename_all = "camelCase")]
#[ts(export)]
pub enum Block {
    Heading { text: String },
    Paragraph { inlines: Vec<Inline> },
    List { items: Vec<Vec<Inline>> },
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
            Block::Paragraph { inlines } => join(inlines),
            Block::List { items } => items.iter().map(|i| join(i)).collect::<Vec<_>>().join("\n"),
        }
    }
}

/// Turns a section body into blocks, or says in plain words what is wrong and on which line.
pub fn parse(body: &str) -> Result<Vec<Block>, String> {
    let mut blocks = Vec::new();
    let mut paragraph: Vec<String> = Vec::new();
    let mut items: Vec<Vec<Inline>> = Vec::new();

    let flush = |blocks: &mut Vec<Block>,
                 paragraph: &mut Vec<String>,
                 items: &mut Vec<Vec<Inline>>,
                 line: usize|
     -> Result<(), String> {
        if !paragraph.is_empty() {
            let inlines = parse_inlines(&paragraph.join(" ")).map_err(|p| format!("line {line}: {p}"))?;
            blocks.push(Block::Paragraph { inlines });
            paragraph.clear();
        }
        if !items.is_empty() {
            blocks.push(Block::List { items: std::mem::take(items) });
        }
        Ok(())
    };

    for (index, raw) in body.lines().enumerate() {
        let number = index + 1;
        let line = raw.trim();
        if line.is_empty() {
            flush(&mut blocks, &mut paragraph, &mut items, number)?;
        } else if let Some(heading) = line.strip_prefix("## ") {
            flush(&mut blocks, &mut paragraph, &mut items, number)?;
            blocks.push(Block::Heading { text: heading.trim().to_string() });
        } else if line.starts_with('#') {
            return Err(format!("line {number}: only '## ' headings are allowed"));
        } else if let Some(item) = line.strip_prefix("- ") {
            if !paragraph.is_empty() {
                flush(&mut blocks, &mut paragraph, &mut items, number)?;
            }
            items.push(parse_inlines(item.trim()).map_err(|p| format!("line {number}: {p}"))?);
        } else {
            if !items.is_empty() {
                return Err(format!("line {number}: leave a blank line after a list"));
            }
            paragraph.push(line.to_string());
        }
    }
    flush(&mut blocks, &mut paragraph, &mut items, body.lines().count())?;
    if blocks.is_empty() {
        return Err("the section has no text".into());
    }
    Ok(blocks)
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

    #[test]
    fn headings_paragraphs_and_lists_become_blocks() {
        let blocks = parse("## Title\n\nOne line\nand [[cell]] more.\n\n- first\n- second [[tki|TKIs]]\n").unwrap();
        assert_eq!(blocks.len(), 3);
        assert_eq!(blocks[0], Block::Heading { text: "Title".into() });
        assert_eq!(blocks[1].plain_text(), "One line and cell more.");
        match &blocks[2] {
            Block::List { items } => {
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
    fn single_hash_heading_is_refused() {
        assert!(parse("# Too big\n").is_err());
    }
}
