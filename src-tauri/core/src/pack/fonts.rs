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
    /// Noto Emoji, in black and white, for the emoji neither font above has.
    Emoji,
}

/// Drawn, in the fallback face, for a character no bundled font has.
pub const PLACEHOLDER: &str = "□";

/// How one character of a text is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Drawn {
    In(Face),
    /// Joiners, variation selectors and the like: they shape emoji in colour fonts and have no glyph here.
    Hidden,
    /// No font has it: `PLACEHOLDER` is drawn instead.
    Placeholder,
}

/// Characters that take no room and are not drawn: zero-width spaces and joiners, direction marks,
/// variation selectors, emoji tag characters, and control characters other than white space.
fn invisible(c: char) -> bool {
    c.is_control()
        || matches!(c as u32, 0x200B..=0x200F | 0x2060..=0x2064 | 0xFE00..=0xFE0F | 0xE0000..=0xE007F | 0xE0100..=0xE01EF)
}

pub struct FontSet {
    regular: Loaded,
    bold: Loaded,
    fallback: Loaded,
    emoji: Loaded,
    /// The last subset made of each face, reused while it still holds every character a pack needs.
    subsets: Mutex<[Option<Subset>; 4]>,
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
    /// Loads the four bundled fonts from `dir` (the app's `resources/fonts`).
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
            emoji: read("NotoEmoji-Regular.ttf")?,
            subsets: Mutex::new(Default::default()),
            subsets_made: AtomicUsize::new(0),
        })
    }

    fn loaded(&self, face: Face) -> &Loaded {
        match face {
            Face::Regular => &self.regular,
            Face::Bold => &self.bold,
            Face::Fallback => &self.fallback,
            Face::Emoji => &self.emoji,
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
        if matches!(face, Face::Regular | Face::Bold) {
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
        let deflated = super::pdf::deflate(&bytes, flate2::Compression::best());
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

    /// How `c` is drawn in text meant for `face`: in that face if it can, else in the first of DejaVu and
    /// Noto Emoji that can, else as a placeholder.
    fn drawn(&self, face: Face, c: char) -> Drawn {
        if c.is_whitespace() || self.has(face, c) {
            Drawn::In(face)
        } else if invisible(c) {
            Drawn::Hidden
        } else if self.has(Face::Fallback, c) {
            Drawn::In(Face::Fallback)
        } else if self.has(Face::Emoji, c) {
            Drawn::In(Face::Emoji)
        } else {
            Drawn::Placeholder
        }
    }

    /// Splits `text` into runs, each drawn by one face. Hidden characters are left out, and each
    /// character no font has becomes a run of its own: the placeholder, in the fallback face.
    pub fn runs<'t>(&self, text: &'t str, face: Face) -> Vec<(Face, &'t str)> {
        let mut runs = Vec::new();
        // The face and start of the run being read.
        let mut open: Option<(Face, usize)> = None;
        for (index, c) in text.char_indices() {
            let drawn = self.drawn(face, c);
            if let Some((run_face, start)) = open.filter(|&(run_face, _)| drawn != Drawn::In(run_face)) {
                runs.push((run_face, &text[start..index]));
                open = None;
            }
            match drawn {
                Drawn::In(wanted) => {
                    open.get_or_insert((wanted, index));
                }
                Drawn::Hidden => {}
                Drawn::Placeholder => runs.push((Face::Fallback, PLACEHOLDER)),
            }
        }
        if let Some((run_face, start)) = open {
            runs.push((run_face, &text[start..]));
        }
        runs
    }

    /// The width of `text` in points at `size`, as `runs` draws it.
    pub fn width(&self, text: &str, face: Face, size: f32) -> f32 {
        let own = self.loaded(face);
        let ems: f32 = text
            .chars()
            .map(|c| match own.advance(c) {
                Some(em) => em,
                None => match self.drawn(face, c) {
                    // White space with no glyph of its own, drawn as the face's empty glyph.
                    Drawn::In(drawn) if drawn == face => own.em(0),
                    Drawn::In(drawn) => self.loaded(drawn).advance(c).unwrap_or(0.0),
                    Drawn::Hidden => 0.0,
                    Drawn::Placeholder => PLACEHOLDER.chars().filter_map(|p| self.fallback.advance(p)).sum(),
                },
            })
            .sum();
        ems * size
    }

    /// Characters that no bundled font can draw, each once; the pack shows them as `PLACEHOLDER`.
    pub fn missing(&self, text: &str) -> Vec<char> {
        let mut missing: Vec<char> =
            text.chars().filter(|&c| self.drawn(Face::Regular, c) == Drawn::Placeholder).collect();
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
    fn emoji_fall_back_to_noto_emoji_without_their_joiners() {
        let fonts = real_fonts();
        let runs = fonts.runs("Take 💊 👩\u{200D}⚕\u{FE0F}!", Face::Bold);
        let expected = [
            (Face::Bold, "Take "),
            (Face::Emoji, "💊"),
            (Face::Bold, " "),
            (Face::Emoji, "👩"),
            (Face::Fallback, "⚕"),
            (Face::Bold, "!"),
        ];
        assert_eq!(runs, expected);
        let joined = fonts.width("👩\u{200D}⚕\u{FE0F}", Face::Regular, 12.0);
        assert_eq!(joined, fonts.width("👩⚕", Face::Regular, 12.0), "joiners and selectors take no room");
    }

    #[test]
    fn characters_no_font_has_are_reported_and_drawn_as_a_box() {
        let fonts = real_fonts();
        assert_eq!(fonts.missing("plain text é ✓ 🫠 😀 ❤\u{FE0F} 👩\u{200D}⚕"), Vec::<char>::new());
        assert_eq!(fonts.missing("hello 你好 \u{10FFFD}"), vec!['你', '好', '\u{10FFFD}']);
        let runs = fonts.runs("a 你好 b", Face::Regular);
        let boxes = [(Face::Fallback, PLACEHOLDER), (Face::Fallback, PLACEHOLDER)];
        assert_eq!(runs, [&[(Face::Regular, "a ")][..], &boxes, &[(Face::Regular, " b")]].concat());
        assert!(fonts.has(Face::Fallback, '□'), "the fallback face draws the placeholder");
        let one_box = fonts.width(PLACEHOLDER, Face::Fallback, 12.0);
        assert!(one_box > 1.0 && fonts.width("你", Face::Regular, 12.0) == one_box);
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
