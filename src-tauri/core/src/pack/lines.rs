//! Line breaking: lines no wider than the room, by glyph widths, at the places Unicode allows.

use unicode_linebreak::{linebreaks, BreakOpportunity};

use super::fonts::{Face, FontSet};

/// Breaks `text` into lines no wider than `width`, at the places Unicode allows.
pub(crate) fn wrap(fonts: &FontSet, text: &str, face: Face, size: f32, width: f32) -> Vec<String> {
    wrap_by(|text| fonts.width(text, face, size), text, width)
}

/// Breaks `text` into lines no wider than `width` as `measure` measures them, at the places
/// Unicode allows. The web page's chart measures by a guess, having no fonts.
pub(crate) fn wrap_by(measure: impl Fn(&str) -> f32, text: &str, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        // The width of `line` with its trailing spaces; text has no kerning, so widths add up.
        let mut line_width = 0.0;
        let mut start = 0;
        for (end, opportunity) in linebreaks(paragraph) {
            let segment = &paragraph[start..end];
            start = end;
            let inked = segment.trim_end();
            let candidate = if inked.is_empty() { measure(line.trim_end()) } else { line_width + measure(inked) };
            if candidate <= width {
                line.push_str(segment);
                line_width += measure(segment);
            } else {
                if !line.trim().is_empty() {
                    lines.push(line.trim_end().to_string());
                }
                line = String::new();
                line_width = 0.0;
                // A word or address longer than the line is cut where it must be.
                for c in segment.chars() {
                    let advance = measure(c.encode_utf8(&mut [0; 4]));
                    if !line.is_empty() && !c.is_whitespace() && line_width + advance > width {
                        lines.push(std::mem::take(&mut line));
                        line_width = 0.0;
                    }
                    line.push(c);
                    line_width += advance;
                }
            }
            if opportunity == BreakOpportunity::Mandatory && end < paragraph.len() {
                lines.push(std::mem::take(&mut line).trim_end().to_string());
                line_width = 0.0;
            }
        }
        lines.push(line.trim_end().to_string());
    }
    lines
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use proptest::test_runner::{Config, TestRunner};

    use super::*;
    use crate::pack::fonts::tests::real_fonts;

    /// The first wrap, which measured each candidate line again from its start: slow, and the model.
    fn wrap_by_measuring_again(fonts: &FontSet, text: &str, face: Face, size: f32, width: f32) -> Vec<String> {
        let mut lines = Vec::new();
        for paragraph in text.split('\n') {
            let mut line = String::new();
            let mut start = 0;
            for (end, opportunity) in linebreaks(paragraph) {
                let segment = &paragraph[start..end];
                start = end;
                let candidate = format!("{line}{segment}");
                if fonts.width(candidate.trim_end(), face, size) <= width {
                    line = candidate;
                } else {
                    if !line.trim().is_empty() {
                        lines.push(line.trim_end().to_string());
                    }
                    line = String::new();
                    for c in segment.chars() {
                        let next = format!("{line}{c}");
                        if !line.is_empty() && fonts.width(next.trim_end(), face, size) > width {
                            lines.push(std::mem::take(&mut line));
                        }
                        line.push(c);
                    }
                }
                if opportunity == BreakOpportunity::Mandatory && end < paragraph.len() {
                    lines.push(std::mem::take(&mut line).trim_end().to_string());
                }
            }
            lines.push(line.trim_end().to_string());
        }
        lines
    }

    #[test]
    fn wrap_breaks_where_measuring_each_line_again_would() {
        let fonts = real_fonts();
        let word = prop::sample::select(vec![
            "a",
            "scan",
            "Zoë’s",
            "łódź",
            "≥",
            "✓",
            "—",
            "https://example.org/a/very/long/address/without/spaces",
            " ",
            "  ",
            "\n",
            "-",
            "mid-word",
            "1,000",
            "(ALK+)",
            "\u{00A0}",
            "\t",
        ]);
        let text = proptest::collection::vec(word, 0..60).prop_map(|words| words.join(""));
        let width = 40.0f32..400.0;
        let face = prop::sample::select(vec![Face::Regular, Face::Bold]);
        let mut runner = TestRunner::new(Config { cases: 400, failure_persistence: None, ..Config::default() });
        let result = runner.run(&(text, width, face), |(text, width, face)| {
            let quick = wrap(&fonts, &text, face, 12.0, width);
            let model = wrap_by_measuring_again(&fonts, &text, face, 12.0, width);
            prop_assert_eq!(quick, model);
            Ok(())
        });
        if let Err(failure) = result {
            panic!("{failure}");
        }
    }
}
