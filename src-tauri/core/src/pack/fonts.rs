//! The bundled fonts, and which of them can draw each character.

use std::path::Path;

use printpdf::ParsedFont;

use crate::{Error, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Face {
    Regular,
    Bold,
    /// DejaVu Sans, for symbols and scripts Atkinson Hyperlegible lacks.
    Fallback,
}

pub struct FontSet {
    regular: ParsedFont,
    bold: ParsedFont,
    fallback: ParsedFont,
}

impl FontSet {
    /// Loads the three bundled fonts from `dir` (the app's `resources/fonts`).
    pub fn load(dir: &Path) -> Result<FontSet> {
        let read = |name: &str| -> Result<ParsedFont> {
            let bytes = std::fs::read(dir.join(name))?;
            ParsedFont::from_bytes(&bytes, 0, &mut Vec::new()).ok_or_else(|| {
                Error::Pack(format!("The font {name} could not be read. Please reinstall ALK Companion."))
            })
        };
        Ok(FontSet {
            regular: read("AtkinsonHyperlegible-Regular.ttf")?,
            bold: read("AtkinsonHyperlegible-Bold.ttf")?,
            fallback: read("DejaVuSans.ttf")?,
        })
    }

    pub fn font(&self, face: Face) -> &ParsedFont {
        match face {
            Face::Regular => &self.regular,
            Face::Bold => &self.bold,
            Face::Fallback => &self.fallback,
        }
    }

    fn has(&self, face: Face, c: char) -> bool {
        self.font(face).lookup_glyph_index(c as u32).is_some_and(|gid| gid != 0)
    }

    /// The face that draws `c` in text meant for `face`: that face if it can, else the fallback.
    fn face_for(&self, face: Face, c: char) -> Face {
        if c.is_whitespace() || self.has(face, c) {
            face
        } else {
            Face::Fallback
        }
    }

    /// Splits `text` into runs, each drawn by one face.
    pub fn runs<'t>(&self, text: &'t str, face: Face) -> Vec<(Face, &'t str)> {
        let mut runs = Vec::new();
        let mut start = 0;
        let mut current: Option<Face> = None;
        for (index, c) in text.char_indices() {
            let wanted = self.face_for(face, c);
            if current.is_some_and(|f| f != wanted) {
                runs.push((current.unwrap_or(face), &text[start..index]));
                start = index;
            }
            current = Some(wanted);
        }
        if start < text.len() {
            runs.push((current.unwrap_or(face), &text[start..]));
        }
        runs
    }

    /// The width of `text` in points at `size`.
    pub fn width(&self, text: &str, face: Face, size: f32) -> f32 {
        text.chars()
            .map(|c| {
                let font = self.font(self.face_for(face, c));
                let gid = font.lookup_glyph_index(c as u32).unwrap_or(0);
                let units = f32::from(font.pdf_font_metrics.units_per_em.max(1));
                f32::from(font.get_horizontal_advance(gid)) / units * size
            })
            .sum()
    }

    /// Characters that no bundled font can draw. printpdf would print an empty box for each,
    /// silently, so we find them first and tell the user.
    pub fn missing(&self, text: &str) -> Vec<char> {
        let mut missing: Vec<char> = text
            .chars()
            .filter(|c| !c.is_whitespace() && !c.is_control())
            // Joiners and variation selectors shape emoji; they have no glyph of their own.
            .filter(|c| !matches!(*c as u32, 0x200B..=0x200F | 0xFE00..=0xFE0F | 0x2060))
            .filter(|&c| !self.has(Face::Regular, c) && !self.has(Face::Fallback, c))
            .collect();
        missing.sort_unstable();
        missing.dedup();
        missing
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn real_fonts() -> FontSet {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../resources/fonts");
        FontSet::load(&dir).expect("bundled fonts load")
    }

    #[test]
    fn symbols_fall_back_to_dejavu() {
        let fonts = real_fonts();
        let runs = fonts.runs("Done ✓ now", Face::Regular);
        assert_eq!(runs, vec![(Face::Regular, "Done "), (Face::Fallback, "✓"), (Face::Regular, " now")]);
    }

    #[test]
    fn accents_stay_in_the_main_font() {
        let fonts = real_fonts();
        assert_eq!(fonts.runs("Zoë’s łódź ≥ 50", Face::Regular).len(), 1);
    }

    #[test]
    fn characters_no_font_has_are_reported() {
        let fonts = real_fonts();
        assert_eq!(fonts.missing("plain text é ✓"), Vec::<char>::new());
        let missing = fonts.missing("hello 你好 🫠 😀");
        assert_eq!(missing, vec!['你', '好', '🫠'], "DejaVu has the plain smiley; nothing has the rest");
    }

    #[test]
    fn wider_text_measures_wider() {
        let fonts = real_fonts();
        let one = fonts.width("word", Face::Regular, 12.0);
        assert!(one > 10.0 && one < 40.0, "{one}");
        assert!((fonts.width("word word", Face::Regular, 12.0) - 2.0 * one).abs() > 1.0);
        assert!(fonts.width("word", Face::Regular, 24.0) > 1.9 * one);
    }
}
