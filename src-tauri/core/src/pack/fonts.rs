//! The bundled fonts, which of them can draw each character, and the subsets a pack embeds.

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use allsorts::binary::read::ReadScope;
use allsorts::font_data::FontData;
use allsorts::subset::{subset, CmapTarget, SubsetProfile};
use allsorts::tag;
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
    regular: Loaded,
    bold: Loaded,
    fallback: Loaded,
    /// The last subset made of each face, reused while it still holds every character a pack needs.
    subsets: Mutex<[Option<Subset>; 3]>,
    subsets_made: AtomicUsize,
}

/// A whole font: its file, and what printpdf read from it to measure and look up glyphs.
struct Loaded {
    /// The PostScript name, which is also the file's name.
    name: String,
    bytes: Vec<u8>,
    parsed: ParsedFont,
    /// Advance widths in ems for the characters below `QUICK`, or a negative number where the font has
    /// no glyph. Laying out a pack measures text thousands of times; this spares a map lookup each time.
    quick: Vec<f32>,
}

/// Characters below this have their widths in `Loaded::quick`: Latin, Greek, Cyrillic and more.
const QUICK: u32 = 0x800;

impl Loaded {
    /// The advance of `c` in ems, if the font has it.
    fn advance(&self, c: char) -> Option<f32> {
        match self.quick.get(c as usize) {
            Some(&em) => (em >= 0.0).then_some(em),
            None => {
                let gid = self.parsed.lookup_glyph_index(c as u32).filter(|&gid| gid != 0)?;
                Some(self.em(gid))
            }
        }
    }

    fn em(&self, gid: u16) -> f32 {
        f32::from(self.parsed.get_glyph_width(gid).unwrap_or(0)) / f32::from(self.parsed.units_per_em.max(1))
    }
}

#[derive(Clone)]
struct Subset {
    chars: BTreeSet<char>,
    font: ParsedFont,
    /// The font program deflated, made once and embedded in every pack that uses this subset.
    deflated: Vec<u8>,
}

/// The tables a PDF needs from a TrueType font (allsorts' PDF profile) and OS/2, which holds the weight.
const EMBEDDED_TABLES: &[u32] = &[
    tag::CMAP,
    tag::HEAD,
    tag::CVT,
    tag::FPGM,
    tag::HHEA,
    tag::HMTX,
    tag::MAXP,
    tag::NAME,
    tag::POST,
    tag::PREP,
    tag::OS_2,
];

/// Characters every subset of the two main faces holds, whether used yet or not: letters with accents and
/// the usual punctuation. Typing a name or a note then rarely calls for a new subset.
fn usual(c: char) -> bool {
    matches!(c as u32, 0x20..=0x7E | 0xA0..=0x17F | 0x2010..=0x2027 | 0x20AC)
}

/// Six capital letters from an FNV-1a hash of the glyphs kept.
fn subset_tag(glyphs: &[u16]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in glyphs.iter().flat_map(|g| g.to_be_bytes()) {
        hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
    }
    (0..6).map(|i| char::from(b'A' + ((hash >> (i * 8)) % 26) as u8)).collect()
}

impl FontSet {
    /// Loads the three bundled fonts from `dir` (the app's `resources/fonts`).
    pub fn load(dir: &Path) -> Result<FontSet> {
        let read = |name: &str| -> Result<Loaded> {
            let bytes = std::fs::read(dir.join(name))?;
            let parsed = ParsedFont::from_bytes(&bytes, 0, &mut Vec::new()).ok_or_else(|| {
                Error::Pack(format!("The font {name} could not be read. Please reinstall ALK Companion."))
            })?;
            let name = name.trim_end_matches(".ttf").to_string();
            let mut loaded = Loaded { name, bytes, parsed, quick: Vec::new() };
            loaded.quick = (0..QUICK)
                .map(|c| match loaded.parsed.lookup_glyph_index(c).filter(|&gid| gid != 0) {
                    Some(gid) => loaded.em(gid),
                    None => -1.0,
                })
                .collect();
            Ok(loaded)
        };
        Ok(FontSet {
            regular: read("AtkinsonHyperlegible-Regular.ttf")?,
            bold: read("AtkinsonHyperlegible-Bold.ttf")?,
            fallback: read("DejaVuSans.ttf")?,
            subsets: Mutex::new([None, None, None]),
            subsets_made: AtomicUsize::new(0),
        })
    }

    fn loaded(&self, face: Face) -> &Loaded {
        match face {
            Face::Regular => &self.regular,
            Face::Bold => &self.bold,
            Face::Fallback => &self.fallback,
        }
    }

    pub fn font(&self, face: Face) -> &ParsedFont {
        &self.loaded(face).parsed
    }

    /// A font holding at least `chars` of `face`, small enough to embed. The last one made is reused while
    /// it holds every character asked for, so a preview or a second save does no subsetting at all.
    pub fn subset(&self, face: Face, chars: &BTreeSet<char>) -> Result<ParsedFont> {
        let slot = face as usize;
        let mut subsets = self.subsets.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        // Spaces and the like may have no glyph of their own; they never call for a new subset.
        let mut wanted: BTreeSet<char> = chars.iter().copied().filter(|&c| self.has(face, c)).collect();
        if let Some(kept) = &subsets[slot] {
            if wanted.is_subset(&kept.chars) {
                return Ok(kept.font.clone());
            }
        }
        let loaded = self.loaded(face);
        if let Some(kept) = &subsets[slot] {
            wanted.extend(&kept.chars);
        }
        if face != Face::Fallback {
            let cmap = &loaded.parsed.codepoint_to_glyph;
            wanted.extend(cmap.keys().filter_map(|&c| char::from_u32(c)).filter(|&c| usual(c)));
        }
        // Glyph 0 must come first; allsorts numbers the subset's glyphs in the order given.
        let mut glyphs: Vec<u16> = wanted.iter().filter_map(|&c| loaded.parsed.lookup_glyph_index(c as u32)).collect();
        glyphs.sort_unstable();
        glyphs.dedup();
        glyphs.retain(|&g| g != 0);
        glyphs.insert(0, 0);
        let unreadable =
            || Error::Pack("A font could not be prepared for the pack. Please reinstall ALK Companion.".into());
        let file = ReadScope::new(&loaded.bytes).read::<FontData<'_>>().map_err(|_| unreadable())?;
        let provider = file.table_provider(0).map_err(|_| unreadable())?;
        let profile = SubsetProfile::Custom(EMBEDDED_TABLES.to_vec());
        let bytes = subset(&provider, &glyphs, &profile, CmapTarget::Unicode).map_err(|_| unreadable())?;
        let mut font = ParsedFont::from_bytes(&bytes, 0, &mut Vec::new()).ok_or_else(unreadable)?;
        // A subset's name starts with six capitals that differ between subsets (ISO 32000-1, 9.6.4).
        font.font_name = Some(format!("{}+{}", subset_tag(&glyphs), loaded.name));
        self.subsets_made.fetch_add(1, Ordering::Relaxed);
        let deflated = super::deflate(&bytes, flate2::Compression::best());
        subsets[slot] = Some(Subset { chars: wanted, font: font.clone(), deflated });
        Ok(font)
    }

    /// The deflated font program, when `program` is one of the subsets made last.
    pub(crate) fn compressed(&self, program: &[u8]) -> Option<Vec<u8>> {
        let subsets = self.subsets.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        subsets.iter().flatten().find(|s| s.font.original_bytes == program).map(|s| s.deflated.clone())
    }

    /// How many subsets this set has made since it was loaded.
    pub fn subsets_made(&self) -> usize {
        self.subsets_made.load(Ordering::Relaxed)
    }

    fn has(&self, face: Face, c: char) -> bool {
        self.loaded(face).advance(c).is_some()
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
        let ems: f32 = text
            .chars()
            .map(|c| {
                let own = self.loaded(face);
                match own.advance(c) {
                    Some(em) => em,
                    // Drawn in its own face all the same (see `face_for`), as that face's empty glyph.
                    None if c.is_whitespace() => own.em(0),
                    None => self.fallback.advance(c).unwrap_or_else(|| self.fallback.em(0)),
                }
            })
            .sum();
        ems * size
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
