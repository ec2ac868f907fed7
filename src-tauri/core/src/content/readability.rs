//! Flesch reading ease for a section, so plain English is checked by a test, not by hope.
//!
//! Score = 206.835 − 1.015 × (words ÷ sentences) − 84.6 × (syllables ÷ words).
//! Syllables are counted by a common heuristic: groups of vowels, less a silent final "e".
//! Short forms read letter by letter ("NHS", "TKIs") count each letter, and numbers count
//! as they are said ("2013" is "twenty thirteen"), so the figures are not flattered.

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

/// Capitals read as a word, not letter by letter.
const SAID_AS_WORDS: [&str; 1] = ["NICE"];

fn syllables(word: &str) -> usize {
    // "ALK-positive" is "A-L-K" and "positive"; each part is read on its own.
    word.split('-').filter(|part| !part.is_empty()).map(part_syllables).sum::<usize>().max(1)
}

fn part_syllables(part: &str) -> usize {
    if part.chars().all(|c| c.is_ascii_digit()) {
        return part.parse().map_or(part.len(), number_syllables);
    }
    if is_read_as_letters(part) {
        // "TKIs" is read "T-K-Is": the plural "s" adds no syllable.
        let core = part.strip_suffix('s').unwrap_or(part);
        return core.chars().map(char_syllables).sum();
    }
    word_syllables(&part.to_lowercase())
}

/// "NHS", "CT", "TKIs", "EML4" and "3a" are read a letter or a digit at a time.
fn is_read_as_letters(part: &str) -> bool {
    let core = part.strip_suffix('s').filter(|c| c.len() >= 2).unwrap_or(part);
    let has_digit = core.chars().any(|c| c.is_ascii_digit());
    let capitals = core.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
    // "3a" or "EML4", but not "4th", which is said as a word.
    let lower = core.chars().filter(char::is_ascii_lowercase).count();
    let short_with_digit =
        has_digit && core.len() <= 4 && lower <= 1 && core.chars().all(|c| c.is_ascii_alphanumeric());
    ((capitals && core.len() >= 2) || short_with_digit) && !SAID_AS_WORDS.contains(&core)
}

/// A letter or digit as it is said: "W" is "double-u", "7" is "seven", "L" is "el".
fn char_syllables(c: char) -> usize {
    match c.to_ascii_uppercase() {
        'W' => 3,
        '0' | '7' => 2,
        _ => 1,
    }
}

/// A whole number as it is said: "2007" is "two thousand and seven", "2024" is "twenty twenty-four".
fn number_syllables(n: u64) -> usize {
    const ONES: [usize; 20] = [2, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 3, 1, 2, 2, 2, 2, 3, 2, 2];
    const TENS: [usize; 10] = [0, 1, 2, 2, 2, 2, 2, 3, 2, 2];
    let below_100 = |n: u64| -> usize {
        match n {
            0..=19 => ONES[n as usize],
            _ => TENS[(n / 10) as usize] + if n.is_multiple_of(10) { 0 } else { ONES[(n % 10) as usize] },
        }
    };
    match n {
        0..=99 => below_100(n),
        // A year is read in pairs ("nineteen ninety", "twenty thirteen"), except 2000 to 2009.
        1100..=1999 | 2010..=2099 => {
            let (high, low) = (n / 100, n % 100);
            below_100(high)
                + match low {
                    0 => 2,
                    1..=9 => 1 + ONES[low as usize],
                    _ => below_100(low),
                }
        }
        100..=999 => ONES[(n / 100) as usize] + 2 + if n.is_multiple_of(100) { 0 } else { 1 + below_100(n % 100) },
        1000..=999_999 => {
            let rest = n % 1000;
            let and = usize::from(rest > 0 && rest < 100);
            number_syllables(n / 1000) + 2 + and + if rest == 0 { 0 } else { number_syllables(rest) }
        }
        // Larger numbers do not occur in the content; count a syllable a digit.
        _ => n.to_string().len(),
    }
}

/// The heuristic for an ordinary word, already in lower case.
fn word_syllables(word: &str) -> usize {
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.is_empty() {
        return 1;
    }
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
    fn short_forms_are_counted_letter_by_letter() {
        assert_eq!(syllables("NHS"), 3);
        assert_eq!(syllables("CT"), 2);
        assert_eq!(syllables("TKI"), 3);
        assert_eq!(syllables("TKIs"), 3);
        assert_eq!(syllables("MRI"), 3);
        assert_eq!(syllables("GP"), 2);
        assert_eq!(syllables("WHO"), 5);
        assert_eq!(syllables("ALK-positive"), 6);
        assert_eq!(syllables("ALK-EML4"), 7);
        assert_eq!(syllables("3a"), 2);
        assert_eq!(syllables("1B"), 2);
        assert_eq!(syllables("4th"), 1);
        // NICE is said as a word, and a capital at the start of a sentence is no short form.
        assert_eq!(syllables("NICE"), 1);
        assert_eq!(syllables("Tablets"), 2);
    }

    #[test]
    fn numbers_are_counted_as_they_are_said() {
        assert_eq!(syllables("5"), 1);
        assert_eq!(syllables("7"), 2);
        assert_eq!(syllables("50"), 2);
        assert_eq!(syllables("2007"), 6); // two thousand and seven
        assert_eq!(syllables("2013"), 4); // twenty thirteen
        assert_eq!(syllables("2024"), 5); // twenty twenty-four
        assert_eq!(syllables("1900"), 4); // nineteen hundred
        assert_eq!(syllables("250"), 6); // two hundred and fifty
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
