//! Right-to-left text the patient typed (Arabic, Urdu, Hebrew). Its letters are joined as they are
//! written and placed from right to left, but written into the page in the order typed, so a
//! reader that extracts text by position (copy and paste, pdftotext) gets the words as typed. The
//! tags carry the typed line too (ActualText), for readers that use it.

use unicode_bidi::BidiInfo;

/// Whether a line holds right-to-left letters.
pub(crate) fn has_right_to_left(text: &str) -> bool {
    text.chars().any(|c| matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF))
}

/// A line holding right-to-left letters, cut into the pieces it is drawn in, in the order typed, each with its left edge from the
/// start of the line as `width` measures. A left-to-right run is one piece; a right-to-left run is
/// a piece per letter, in joined forms where the fonts have them (`drawable`), each placed left of
/// the one before.
pub(crate) fn pieces(line: &str, width: impl Fn(&str) -> f32, drawable: impl Fn(&str) -> bool) -> Vec<(f32, String)> {
    let joined = join(line, drawable);
    let info = BidiInfo::new(&joined, None);
    let Some(paragraph) = info.paragraphs.first() else { return vec![(0.0, joined)] };
    let (levels, runs) = info.visual_runs(paragraph, paragraph.range.clone());
    // The runs come in display order, left to right; they are written in the order typed.
    let mut left = 0.0;
    let mut placed: Vec<(usize, f32, String)> = Vec::new();
    for run in runs {
        let text = &joined[run.clone()];
        let run_width = width(text);
        if levels[run.start].is_rtl() {
            let mut right = left + run_width;
            for (index, letter) in text.char_indices() {
                let letter = letter.to_string();
                right -= width(&letter);
                placed.push((run.start + index, right, letter));
            }
        } else {
            placed.push((run.start, left, text.to_string()));
        }
        left += run_width;
    }
    placed.sort_by_key(|&(typed, ..)| typed);
    placed.into_iter().map(|(_, x, text)| (x, text)).collect()
}

/// Arabic script letters joined as they are written. Letters join only within a word, so a word
/// whose joined forms some font lacks (several Urdu forms) is drawn with its letters apart instead.
fn join(line: &str, drawable: impl Fn(&str) -> bool) -> String {
    line.split_inclusive(' ')
        .map(|word| {
            let joined = ar_reshaper::reshape_line(word);
            if drawable(&joined) {
                joined
            } else {
                word.to_string()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character one unit wide.
    fn width(text: &str) -> f32 {
        text.chars().count() as f32
    }

    fn every(_: &str) -> bool {
        true
    }

    #[test]
    fn a_word_whose_joined_forms_no_font_has_keeps_its_letters_apart() {
        // Urdu's yeh barree (ے) has no final form in DejaVu Sans: that word stays as typed, the other joins.
        let no_final_yeh_barree = |text: &str| !text.contains('\u{FBAF}');
        let placed = pieces("سے سلام", width, no_final_yeh_barree);
        let typed: String = placed.iter().map(|(_, text)| text.as_str()).collect();
        assert_eq!(typed, format!("سے {}", ar_reshaper::reshape_line("سلام")));
    }

    #[test]
    fn only_hebrew_arabic_and_their_forms_read_right_to_left() {
        assert!(!has_right_to_left("Zoë’s scan, 3 Dec: Моя дочь 我女儿"));
        assert!(has_right_to_left("Scan שלום") && has_right_to_left("قال") && has_right_to_left("\u{FEB3}"));
    }

    #[test]
    fn arabic_is_joined_and_each_letter_placed_right_to_left_in_the_order_typed() {
        // "Salam": seen (initial form), lam-alef (a final ligature), and meem alone, as alef never joins on.
        let placed = pieces("سلام", width, every);
        let expected = [(2.0, "\u{FEB3}"), (1.0, "\u{FEFC}"), (0.0, "\u{FEE1}")];
        assert_eq!(placed, expected.map(|(x, text)| (x, text.to_string())));
    }

    #[test]
    fn numbers_and_english_inside_arabic_keep_their_own_order_and_sit_left_of_what_came_before() {
        let placed = pieces("قال 12 CT", width, every);
        let at = |text: &str| placed.iter().find(|(_, t)| t.contains(text)).map(|&(x, _)| x).unwrap();
        assert!(at("CT") < at("12"), "what is typed later is further left in a right-to-left line: {placed:?}");
        assert!(at("12") < at("\u{FED7}"), "{placed:?}");
        let typed: String = placed.iter().map(|(_, text)| text.as_str()).collect();
        assert_eq!(typed, ar_reshaper::reshape_line("قال 12 CT"), "written in the order typed");
    }
}
