//! Flesch reading ease for a section, so plain English is checked by a test, not by hope.
//!
//! Score = 206.835 − 1.015 × (words ÷ sentences) − 84.6 × (syllables ÷ words).
//! Syllables are counted by a common heuristic: groups of vowels, less a silent final "e".

use super::Section;

#[derive(Debug, Clone, PartialEq)]
pub struct Readability {
    pub words: usize,
    pub sentences: usize,
    pub syllables: usize,
    pub flesch: f64,
}

/// The lowest Flesch reading ease a section may have. 60–70 is "plain English"; see the README.
pub const FLESCH_FLOOR: f64 = 70.0;

pub fn section_readability(section: &Section) -> Readability {
    let text: Vec<String> = section.blocks.iter().map(|b| b.plain_text()).collect();
    readability(&text.join("\n"))
}

pub fn readability(text: &str) -> Readability {
    // A heading or list item ends where its line ends, even without a full stop.
    let sentences =
        text.split(['.', '!', '?', ':', ';', '\n']).filter(|s| s.chars().any(char::is_alphanumeric)).count().max(1);
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == '/' || c == '–' || c == '—')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect();
    let word_count = words.len().max(1);
    let syllables: usize = words.iter().map(|w| syllables(w)).sum();
    let flesch =
        206.835 - 1.015 * (word_count as f64 / sentences as f64) - 84.6 * (syllables as f64 / word_count as f64);
    Readability { words: words.len(), sentences, syllables, flesch }
}

fn syllables(word: &str) -> usize {
    let word = word.to_lowercase();
    if word.chars().all(|c| c.is_ascii_digit() || !c.is_alphabetic()) {
        return 1;
    }
    // Short forms such as "CT", "NHS" or "TKI" are read letter by letter.
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    let is_vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
    let mut count = 0;
    let mut previous_vowel = false;
    for &c in &letters {
        let vowel = is_vowel(c);
        if vowel && !previous_vowel {
            count += 1;
        }
        previous_vowel = vowel;
    }
    let n = letters.len();
    // A silent final "e" ("make"), but not after a consonant and "l" ("table").
    let silent_e = n > 2
        && letters[n - 1] == 'e'
        && !is_vowel(letters[n - 2])
        && (letters[n - 2] != 'l' || is_vowel(letters[n - 3]));
    if silent_e {
        count -= 1;
    }
    if n > 3 && word.ends_with("ed") && !matches!(letters[n - 3], 't' | 'd') {
        count -= 1;
    }
    count.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::tests::real_dir;
    use crate::content::Content;

    #[test]
    fn syllables_are_counted_like_a_reader_would() {
        assert_eq!(syllables("cat"), 1);
        assert_eq!(syllables("table"), 2);
        assert_eq!(syllables("make"), 1);
        assert_eq!(syllables("treatment"), 2);
        assert_eq!(syllables("asked"), 1);
        assert_eq!(syllables("oncologist"), 4);
    }

    #[test]
    fn hard_text_scores_lower_than_easy_text() {
        let easy = readability("The cat sat on the mat. It was warm. We had tea.");
        let hard = readability(
            "Consequently, pharmacological intervention necessitates individualised multidisciplinary consideration of contraindications.",
        );
        assert!(easy.flesch > 90.0, "{easy:?}");
        assert!(hard.flesch < 0.0, "{hard:?}");
    }

    #[test]
    fn every_section_reads_above_the_floor() {
        let content = Content::load(&real_dir()).unwrap();
        let hard: Vec<String> = content
            .sections
            .iter()
            .map(|s| (s, section_readability(s)))
            .filter(|(_, r)| r.flesch < FLESCH_FLOOR)
            .map(|(s, r)| format!("{} ({:.1})", s.id, r.flesch))
            .collect();
        assert!(hard.is_empty(), "below the floor of {FLESCH_FLOOR}: {hard:?}");
    }

    /// `./dev.sh readability` prints these figures.
    #[test]
    #[ignore]
    fn readability_figures() {
        let content = Content::load(&real_dir()).unwrap();
        println!("{:<28} {:>6} {:>9} {:>9} {:>7}", "section", "words", "sentences", "syllables", "flesch");
        for section in &content.sections {
            let r = section_readability(section);
            println!("{:<28} {:>6} {:>9} {:>9} {:>7.1}", section.id, r.words, r.sentences, r.syllables, r.flesch);
        }
    }
}
