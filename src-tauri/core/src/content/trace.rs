//! Where each statement a patient reads comes from: quotes from the source page, or one of four
//! kinds of text that is not from it. Traces are for writers and reviewers; the app never shows them.

use std::fmt;

use serde::Deserialize;

/// The trace of one statement: a paragraph, a list item, or a field in a TOML file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Trace {
    /// Nobody has said where it comes from yet.
    #[default]
    Untraced,
    /// Exact words from the source page that the statement says again.
    Source(Vec<String>),
    /// Words the app adds itself, of one of the four kinds a clinician judges on their own.
    NotFromSource(NotFromSource),
}

/// The text that may stand without a source quote, each kind judged by a clinician on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NotFromSource {
    /// How to use the app.
    AppHelp,
    /// The everyday meaning of a word.
    WordMeaning,
    /// When to get help at once.
    SafetyNetting,
    /// A pointer back to the patient's own oncology team.
    BackToTeam,
}

impl NotFromSource {
    pub const ALL: [NotFromSource; 4] =
        [NotFromSource::AppHelp, NotFromSource::WordMeaning, NotFromSource::SafetyNetting, NotFromSource::BackToTeam];

    /// The name a writer types.
    pub fn name(self) -> &'static str {
        match self {
            NotFromSource::AppHelp => "app-help",
            NotFromSource::WordMeaning => "word-meaning",
            NotFromSource::SafetyNetting => "safety-netting",
            NotFromSource::BackToTeam => "back-to-team",
        }
    }

    /// What a reviewer is asked to judge, in words.
    pub fn label(self) -> &'static str {
        match self {
            NotFromSource::AppHelp => "How to use the app",
            NotFromSource::WordMeaning => "The everyday meaning of a word",
            NotFromSource::SafetyNetting => "When to get help (safety-netting)",
            NotFromSource::BackToTeam => "Pointing back to the oncology team",
        }
    }

    fn from_name(name: &str) -> Option<NotFromSource> {
        NotFromSource::ALL.into_iter().find(|kind| kind.name() == name)
    }
}

impl fmt::Display for NotFromSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl Trace {
    /// The trace from what a section's comments said (the words between `<!--` and `-->`).
    pub fn from_comments(comments: &[String]) -> Result<Trace, String> {
        let mut quotes = Vec::new();
        let mut kinds = Vec::new();
        for comment in comments {
            if let Some(quote) = comment.strip_prefix("source:") {
                quotes.push(unquote(quote.trim()).ok_or_else(|| {
                    format!("a source comment needs its words in double quotes: <!-- source: \"...\" --> ({comment})")
                })?);
            } else if let Some(kind) = comment.strip_prefix("not from the source:") {
                kinds.push(kind_named(kind.trim())?);
            } else {
                return Err(format!(
                    "a comment must be <!-- source: \"...\" --> or <!-- not from the source: KIND -->, not <!-- {comment} -->"
                ));
            }
        }
        Trace::from_parts(quotes, kinds)
    }

    /// The trace from a TOML table's `source` and `not_from_source` fields. The fields sit in each
    /// table because serde's `deny_unknown_fields` does not work with `flatten`.
    pub fn from_fields(source: &[String], not_from_source: Option<NotFromSource>) -> Result<Trace, String> {
        Trace::from_parts(source.to_vec(), not_from_source.into_iter().collect())
    }

    fn from_parts(quotes: Vec<String>, kinds: Vec<NotFromSource>) -> Result<Trace, String> {
        if quotes.iter().any(|q| q.trim().is_empty()) {
            return Err("a source quote is empty".into());
        }
        match (quotes.is_empty(), kinds.as_slice()) {
            (true, []) => Ok(Trace::Untraced),
            (false, []) => Ok(Trace::Source(quotes)),
            (true, [kind]) => Ok(Trace::NotFromSource(*kind)),
            (true, _) => Err("give one 'not from the source' kind, not several".into()),
            (false, _) => Err("a statement is either from the source or not from it, not both".into()),
        }
    }

    pub fn quotes(&self) -> &[String] {
        match self {
            Trace::Source(quotes) => quotes,
            _ => &[],
        }
    }
}

fn kind_named(name: &str) -> Result<NotFromSource, String> {
    NotFromSource::from_name(name).ok_or_else(|| {
        let names: Vec<&str> = NotFromSource::ALL.iter().map(|k| k.name()).collect();
        format!("'{name}' is not a kind of text; use one of {}", names.join(", "))
    })
}

fn unquote(text: &str) -> Option<String> {
    let inner = text.strip_prefix(['"', '\u{201c}'])?.strip_suffix(['"', '\u{201d}'])?;
    Some(inner.to_string())
}

/// Text made comparable with the source: runs of white space become one space, curly and straight
/// quotes and apostrophes are one, dashes and hyphens are one, and case does not count.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        let c = match c {
            '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{2032}' | '`' => '\'',
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{2033}' => '"',
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{2212}' => '-',
            '\u{a0}' => ' ',
            c => c,
        };
        out.extend(c.to_lowercase());
    }
    out
}

/// Where a sentence of the source ends, for showing a quote in its sentence.
const SENTENCE_END: [char; 4] = ['.', '!', '?', '\n'];

/// The source page, made ready for finding quotes in.
pub struct SourceText {
    raw: String,
    normalised: String,
}

impl SourceText {
    pub fn new(raw: &str) -> SourceText {
        SourceText { raw: raw.to_string(), normalised: normalise(raw) }
    }

    /// Whether the quote occurs in the source, as the trace format compares them.
    pub fn contains(&self, quote: &str) -> bool {
        let quote = normalise(quote);
        !quote.is_empty() && self.normalised.contains(&quote)
    }

    /// The sentence (or line) of the source around the quote, split where the quote starts and
    /// ends, so a reviewer sees it in context: (before, the quote as the source writes it, after).
    pub fn in_context(&self, quote: &str) -> Option<(String, String, String)> {
        let wanted = normalise(quote);
        if wanted.is_empty() {
            return None;
        }
        // Map each character of the normalised text back to its place in the raw text.
        let mut starts = Vec::with_capacity(self.normalised.len());
        let mut norm = String::new();
        let mut space = false;
        for (at, c) in self.raw.char_indices() {
            if c.is_whitespace() || c == '\u{a0}' {
                space = !norm.is_empty();
                continue;
            }
            if space {
                norm.push(' ');
                starts.push(at);
                space = false;
            }
            let piece = normalise(&c.to_string());
            for _ in 0..piece.len() {
                starts.push(at);
            }
            norm.push_str(&piece);
        }
        let found = norm.find(&wanted)?;
        let start = starts[found];
        let last = starts[found + wanted.len() - 1];
        let end = last + self.raw[last..].chars().next().map_or(0, char::len_utf8);
        let sentence_start = self.raw[..start].rfind(SENTENCE_END).map_or(0, |i| i + 1);
        let sentence_end = self.raw[end..].find(SENTENCE_END).map_or(self.raw.len(), |i| end + i + 1);
        let tidy = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        let before = tidy(&self.raw[sentence_start..start]);
        let after = tidy(&self.raw[end..sentence_end]);
        Some((before, self.raw[start..end].to_string(), after))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::tests::real_dir;
    use crate::content::{Content, Page, Statement};

    /// The copy of the source page kept for tests: the only source of the content.
    pub(crate) const SOURCE: &str = include_str!("testdata/alk-treatment.txt");

    /// Enough words for a quote to point at one place in the source.
    const SHORTEST_QUOTE: usize = 4;

    /// "sections/03-what-are-tkis.md, paragraph 2 (\"TKIs are medicines taken...\")": enough to find it.
    fn place(page: &Page, statement: &Statement) -> String {
        let words: Vec<&str> = statement.text.split_whitespace().take(8).collect();
        format!("{}, {} (\"{}...\")", page.file, statement.item, words.join(" "))
    }

    #[test]
    fn every_source_quote_is_in_the_source() {
        let source = SourceText::new(SOURCE);
        let content = Content::load(&real_dir()).unwrap();
        let mut missing = Vec::new();
        for page in content.pages() {
            for statement in &page.statements {
                for quote in statement.trace.quotes().iter().filter(|q| !source.contains(q)) {
                    missing.push(format!("{}: \"{quote}\" is not in the source", place(&page, statement)));
                }
            }
        }
        assert!(missing.is_empty(), "{} quotes are not found in the source:\n{}", missing.len(), missing.join("\n"));
    }

    #[test]
    fn every_text_is_traced_to_the_source_or_marked_as_not_from_it() {
        let content = Content::load(&real_dir()).unwrap();
        let mut untraced = Vec::new();
        for page in content.pages() {
            for statement in &page.statements {
                match &statement.trace {
                    Trace::Untraced => untraced.push(format!("{}: no trace", place(&page, statement))),
                    Trace::Source(quotes) => {
                        for quote in quotes.iter().filter(|q| q.split_whitespace().count() < SHORTEST_QUOTE) {
                            untraced.push(format!(
                                "{}: \"{quote}\" is under {SHORTEST_QUOTE} words",
                                place(&page, statement)
                            ));
                        }
                    }
                    Trace::NotFromSource(_) => {}
                }
            }
        }
        assert!(untraced.is_empty(), "{} texts need a trace:\n{}", untraced.len(), untraced.join("\n"));
    }

    #[test]
    fn quotes_match_whatever_their_quotes_dashes_spaces_and_case() {
        let source = SourceText::new("It\u{2019}s the  \u{201c}first\u{201d}\nline \u{2013} really.");
        assert!(source.contains("it's the \"First\" line - really"));
        assert!(!source.contains("it's the second line"));
    }

    #[test]
    fn a_quote_is_shown_inside_its_sentence() {
        let source = SourceText::new("One thing. The TKI\u{2019}s   dose may\nchange here. Another.");
        let (before, quote, after) = source.in_context("TKI's dose may change").unwrap();
        assert_eq!(before, "The");
        assert_eq!(quote, "TKI\u{2019}s   dose may\nchange");
        assert_eq!(after, "here.");
    }

    #[test]
    fn comments_become_a_trace() {
        let quotes = vec!["source: \"some words here now\"".to_string(), "source: \u{201c}more\u{201d}".to_string()];
        assert_eq!(
            Trace::from_comments(&quotes).unwrap(),
            Trace::Source(vec!["some words here now".into(), "more".into()])
        );
        let help = vec!["not from the source: app-help".to_string()];
        assert_eq!(Trace::from_comments(&help).unwrap(), Trace::NotFromSource(NotFromSource::AppHelp));
        assert_eq!(Trace::from_comments(&[]).unwrap(), Trace::Untraced);
    }

    #[test]
    fn a_bad_trace_says_what_to_write() {
        let unknown = Trace::from_comments(&["not from the source: common-sense".into()]).unwrap_err();
        assert!(unknown.contains("app-help"), "{unknown}");
        let both = Trace::from_comments(&["source: \"a b c d\"".into(), "not from the source: app-help".into()]);
        assert!(both.unwrap_err().contains("not both"));
        let stray = Trace::from_comments(&["TODO check".into()]).unwrap_err();
        assert!(stray.contains("<!-- source:"), "{stray}");
    }
}
