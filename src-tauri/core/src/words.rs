//! Text folding shared by content search and note search: the same word, however it is
//! written, folds to the same form ("Scans" and "scan", "café" and "cafe").

use unicode_normalization::UnicodeNormalization;

/// Lower case, accents removed, light plural folding: "Scans" → "scan", "metastases" and
/// "metastasis" → "metastas", "café" → "cafe".
pub fn fold(word: &str) -> String {
    let plain: String = word.nfd().filter(|c| !is_combining(*c)).flat_map(char::to_lowercase).collect();
    let plain = plain.replace(['’', '\''], "");
    if plain.chars().count() <= 4 {
        return plain;
    }
    if let Some(stem) = plain.strip_suffix("ies") {
        return format!("{stem}y");
    }
    for ending in ["ses", "xes", "zes", "ches", "shes"] {
        if plain.ends_with(ending) {
            return plain[..plain.len() - 2].to_string();
        }
    }
    if let Some(stem) = plain.strip_suffix("is") {
        return stem.to_string();
    }
    match plain.strip_suffix('s') {
        Some(stem) if !stem.ends_with('s') => stem.to_string(),
        _ => plain,
    }
}

fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '’' && c != '\'')
        .filter(|w| !w.is_empty())
        .map(fold)
        .filter(|w| !w.is_empty())
        .collect()
}

/// About 160 characters of `body` around the first word that matches.
pub fn snippet(body: &str, wanted: &[String]) -> String {
    // Words only, so the snippet starts and ends on whole words; a heading and the text
    // after it are kept apart by a dot.
    let words: Vec<String> = body
        .lines()
        .filter(|line| !line.trim().is_empty())
        .flat_map(|line| {
            let mut words: Vec<String> = line.split_whitespace().map(String::from).collect();
            if let Some(last) = words.last_mut() {
                if !last.ends_with(['.', '?', '!', ':']) {
                    last.push('.');
                }
            }
            words
        })
        .collect();
    let hit = words
        .iter()
        .position(|w| {
            let folded = fold(w.trim_matches(|c: char| !c.is_alphanumeric()));
            wanted.iter().any(|want| folded.starts_with(want.as_str()))
        })
        .unwrap_or(0);
    let mut from = hit;
    let mut length: usize = words[hit..].first().map_or(0, |w| w.chars().count());
    while from > 0 && hit - from < 8 && length + words[from - 1].chars().count() < 60 {
        from -= 1;
        length += words[from].chars().count() + 1;
    }
    let mut to = hit + 1;
    while to < words.len() && length + words[to].chars().count() < 160 {
        length += words[to].chars().count() + 1;
        to += 1;
    }
    let mut text = words.get(from..to.min(words.len())).unwrap_or_default().join(" ");
    if from > 0 {
        text = format!("…{text}");
    }
    if to < words.len() {
        text.push('…');
    }
    text
}

/// Every word of `text`, folded and joined by spaces: what the notes index holds.
pub fn fold_text(text: &str) -> String {
    words(text).join(" ")
}
